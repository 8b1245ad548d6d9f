"""The import wizard's mapping page: one row per column of the file — its title, a few of its
values and the field it goes into, suggested from the title (or the mapping the user saved for
this layout of columns) — and, for deals, the file's stage names matched to our stages.
Required fields not chosen, and a field chosen for two columns, are said in red and keep the
wizard's Next off."""

from __future__ import annotations

import logging
from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.excel_types import Mapping, SheetData
from crmdesk.views.context import PageContext
from crmdesk.views.deal_words import stage_code_name
from crmdesk.views.errors import error_text
from crmdesk.views.import_state import ImportState, cell_text, column_letter
from crmdesk.views.import_words import import_words
from crmdesk.views.labels import listing
from crmdesk.views.widgets import problem_label

log = logging.getLogger(__name__)
SAMPLES = 3
MOST_STAGES = 200  # distinct stage names listed (a column of free text is not a stage)


def data_cells(sheet: SheetData, header_row: int, limit: int | None = None):
    """The rows below the header that have anything in them, at most `limit`."""
    found = 0
    for cells in sheet.rows[header_row:]:
        if any(cell_text(c).strip() for c in cells):
            yield cells
            found += 1
            if limit is not None and found >= limit:
                return


def column_values(sheet: SheetData, header_row: int) -> dict[int, Counter[str]]:
    """Off-thread, for a deals import: each column's values counted as the check reads them
    (the stage map lists the stage column's), a column dropped past MOST_STAGES distinct values
    (free text is no stage). The whole sheet is read once here, never on the GUI thread."""
    from crmdesk.models.excel_values import text

    counts: dict[int, Counter[str]] = {}
    dropped: set[int] = set()
    for cells in data_cells(sheet, header_row):
        for column, cell in enumerate(cells):
            if column in dropped:
                continue
            try:
                value = text(cell, None)
            except ValueError:
                continue
            if value:
                seen = counts.setdefault(column, Counter())
                seen[value] += 1
                if len(seen) > MOST_STAGES:
                    dropped.add(column)
                    del counts[column]
    return counts


def load_mapping(ws, kind: str, sheet: SheetData, header_row: int):
    """Off-thread: the headers, the mapping saved for them (or None), the pipeline's stages and
    (deals) the columns' values."""
    from crmdesk.models.excel_read import header_texts

    headers = header_texts(sheet.rows, header_row)
    remembered = ws.remembered_mapping(kind, headers)
    stages = ws.import_plan_stages() if kind == "deals" else []
    values = column_values(sheet, header_row) if kind == "deals" else {}
    return headers, remembered, stages, values


class MappingPage(QWidget):
    changed = Signal()

    def __init__(self, ctx: PageContext, state: ImportState, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.state = ctx, state
        self.words = import_words()
        self._loaded_for: tuple | None = None
        self._loading = False
        self.stages: list[tuple[int, str, str, str]] = []
        self.stage_values: list[str] = []
        self._stage_column: int | None = None
        self._remembered_stages: dict[str, int] = {}
        self._column_values: dict[int, Counter[str]] = {}

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Examples"), self.tr("Import as")]
        )
        self._set_up(self.table)
        self.problems = problem_label()
        self.stage_label = QLabel(
            self.tr(
                "The file's stages and the stage each becomes here (rows of a stage not matched "
                "are not imported):"
            )
        )
        self.stage_table = QTableWidget(0, 3)
        self.stage_table.setHorizontalHeaderLabels(
            [self.tr("Stage in the file"), self.tr("Rows"), self.tr("Our stage")]
        )
        self._set_up(self.stage_table)
        self.stage_box = QWidget()
        box = QVBoxLayout(self.stage_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.stage_label)
        box.addWidget(self.stage_table, 1)
        self.stage_box.hide()
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.stage_box)
        legend = QLabel(self.tr("* required"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        layout.addWidget(legend)
        layout.addWidget(self.problems)

    @staticmethod
    def _set_up(table: QTableWidget) -> None:
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().setDefaultSectionSize(30)
        head = table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(0, 220)
        table.setColumnWidth(2, 220)

    # -- what the wizard asks
    def is_ready(self) -> bool:
        return not self._loading and self._loaded_for is not None and not self.problems.isVisible()

    def load(self) -> None:
        """Fill the page for the state's file, kind and header row (kept as the user left it
        when they have not changed since)."""
        s = self.state
        key = (s.kind, s.path, s.sheet_name, s.header_row, id(s.sheet))
        if key == self._loaded_for or s.sheet is None:
            return
        self._loading = True
        self.note.setText(self.tr("Reading the columns…"))
        self.changed.emit()
        ws, kind, sheet, header_row = self.ctx.workspace, s.kind, s.sheet, s.header_row
        self.ctx.read(lambda: (key, load_mapping(ws, kind, sheet, header_row)),
                      self._on_loaded, self._on_load_failed, owner=self, key="mapping")  # fmt: skip

    def _on_load_failed(self, exc: BaseException) -> None:
        """Said on the page (a message box per attempt would only get in the way)."""
        self._loading = False
        log.error("the columns could not be read", exc_info=exc)
        self.note.clear()
        self.problems.setText(error_text(exc))
        self.problems.show()
        self.changed.emit()

    def _on_loaded(self, result) -> None:
        from crmdesk.models.excel_fields import FIELDS, suggest_mapping

        key, (headers, remembered, stages, values) = result
        self._loading = False
        self._loaded_for = key
        s = self.state
        s.headers = list(headers)
        self.stages = list(stages)
        self._column_values = values
        mapping = remembered or suggest_mapping(s.kind, headers)
        if remembered is not None:
            self.note.setText(self.tr("Using the mapping you saved for this layout of columns."))
        else:
            self.note.setText(self.tr("Suggested from the column titles; check each one."))
        fields = FIELDS[s.kind]
        samples: list[list[str]] = [[] for _ in headers]
        for cells in data_cells(s.sheet, s.header_row, 50):
            for i in range(len(headers)):
                value = cell_text(cells[i]).strip() if i < len(cells) else ""
                if value and len(samples[i]) < SAMPLES and value not in samples[i]:
                    samples[i].append(value)
        self.table.setRowCount(len(headers))
        for i, header in enumerate(headers):
            title = header or self.tr("(no title)")
            item = QTableWidgetItem(f"{column_letter(i)} · {title}")
            item.setToolTip(header)
            self.table.setItem(i, 0, item)
            example = QTableWidgetItem("  ·  ".join(samples[i]))
            example.setToolTip("\n".join(samples[i]))
            self.table.setItem(i, 1, example)
            combo = QComboBox()
            combo.addItem(self.tr("— don't import —"), "")
            for spec in fields:
                mark = " *" if spec.required else ""
                combo.addItem(self.words.field(s.kind, spec.key) + mark, spec.key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(i, ""))))
            combo.currentIndexChanged.connect(self._on_field_changed)
            self.table.setCellWidget(i, 2, combo)
        self._remembered_stages = dict(mapping.stages)
        self._stage_column = None
        self._refresh()

    # -- the mapping as chosen
    def combo(self, column: int) -> QComboBox:
        return self.table.cellWidget(column, 2)

    def choose(self, column: int, key: str) -> None:
        """Map a column to a field ("" for none), as a user picking it in the list."""
        combo = self.combo(column)
        combo.setCurrentIndex(combo.findData(key))

    def columns(self) -> dict[int, str]:
        out = {}
        for i in range(self.table.rowCount()):
            key = self.combo(i).currentData()
            if key:
                out[i] = key
        return out

    def stage_map(self) -> dict[str, int]:
        out = {}
        for i, name in enumerate(self.stage_values):
            stage_id = self.stage_table.cellWidget(i, 2).currentData()
            if stage_id is not None:
                out[name] = stage_id
        return out

    def _on_field_changed(self, _index: int) -> None:
        self._refresh()

    def _refresh(self) -> None:
        from crmdesk.models.excel_fields import check_mapping

        s = self.state
        columns = self.columns()
        if s.kind == "deals":
            self._fill_stages(next((c for c, k in columns.items() if k == "stage"), None))
        s.mapping = Mapping(columns, self.stage_map() if s.kind == "deals" else {})
        lines = []
        missing = check_mapping(s.kind, s.mapping)
        if missing:
            names = listing(self.words.field(s.kind, key) for key in missing)
            lines.append(self.tr("Choose a column for: %1.").replace("%1", names))
        chosen = Counter(columns.values())
        twice = [key for key, n in chosen.items() if n > 1]
        for key in twice:
            letters = listing(column_letter(c) for c, k in sorted(columns.items()) if k == key)
            lines.append(self.tr("%1 is chosen for more than one column (%2); keep one.")
                         .replace("%1", self.words.field(s.kind, key))
                         .replace("%2", letters))  # fmt: skip
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        for i in range(self.table.rowCount()):  # the columns at fault stand out
            bad = self.combo(i).currentData() in twice
            self.combo(i).setStyleSheet("color: #d9363e;" if bad else "")
        self.changed.emit()

    # -- deals: the stage map
    def _fill_stages(self, column: int | None) -> None:
        if column == self._stage_column:
            return
        self._stage_column = column
        kept = {**self._remembered_stages, **self.stage_map()}
        counts = self._column_values.get(column, Counter()) if column is not None else Counter()
        self.stage_values = [name for name, _n in counts.most_common(MOST_STAGES)]
        from crmdesk.models.excel_fields import suggest_stage_map

        suggested = suggest_stage_map(self.stage_values, self.stages)
        self.stage_table.setRowCount(len(self.stage_values))
        for i, name in enumerate(self.stage_values):
            self.stage_table.setItem(i, 0, QTableWidgetItem(name))
            rows = QTableWidgetItem(self.words.rows(counts[name]))
            self.stage_table.setItem(i, 1, rows)
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), None)
            for stage_id, stage_name, code, _kind in self.stages:
                combo.addItem(stage_code_name(code, stage_name), stage_id)
            chosen = kept.get(name, suggested.get(name))
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.currentIndexChanged.connect(self._on_stage_changed)
            self.stage_table.setCellWidget(i, 2, combo)
        self.stage_box.setVisible(column is not None)

    def _on_stage_changed(self, _index: int) -> None:
        s = self.state
        s.mapping = Mapping(self.columns(), self.stage_map())
        self.changed.emit()

    def choose_stage(self, name: str, stage_id: int | None) -> None:
        combo = self.stage_table.cellWidget(self.stage_values.index(name), 2)
        combo.setCurrentIndex(combo.findData(stage_id) if stage_id is not None else 0)
