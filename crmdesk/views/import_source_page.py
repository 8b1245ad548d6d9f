"""The import wizard's first page: what to import, the file (Browse…, or dropped on the dialog),
its template, the sheet and the header row — proposed, and chosen by clicking a row of the
file's first rows. The file is read on a worker; a file that cannot be read says why in one
sentence on the page, and the wizard's Next stays off."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.excel_read import header_looks_wrong
from crmdesk.models.excel_types import BadFile, SheetData
from crmdesk.models.policy import may_import
from crmdesk.views import file_dialogs
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.import_state import (
    RAW_ROWS,
    ImportState,
    cell_text,
    column_letter,
    guess_header,
    header_is_empty,
    keep_out_of_gc,
    read_file,
)
from crmdesk.views.import_words import KINDS, import_words
from crmdesk.views.list_export import export_error_text
from crmdesk.views.widgets import problem_label

log = logging.getLogger(__name__)
FILE_FILTER = "*.xlsx *.xlsm *.xls *.ods *.csv *.txt"
_HEADER_TINT = QBrush(QColor(47, 101, 202, 70))  # the palette's highlight, see-through


class RawRowsTableModel(QAbstractTableModel):
    """The file's first rows as they are, the header row marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[list[str]] = []
        self.width = 0
        self.header_row = 0  # 1-based; 0: none

    def set_sheet(self, sheet: SheetData | None, header_row: int) -> None:
        self.beginResetModel()
        shown = max(RAW_ROWS, header_row + 5) if sheet is not None else 0
        self.rows = [[cell_text(c) for c in r] for r in (sheet.rows[:shown] if sheet else [])]
        self.width = min(sheet.width, 60) if sheet is not None else 0
        self.header_row = header_row
        self.endResetModel()

    def set_header_row(self, row: int) -> None:
        self.header_row = row
        if self.rows:
            last = self.index(len(self.rows) - 1, self.width - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.rows) - 1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.width

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        header = index.row() + 1 == self.header_row
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.BackgroundRole and header:
            return _HEADER_TINT
        if role == Qt.ItemDataRole.FontRole and header:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        vertical = orientation == Qt.Orientation.Vertical
        header = vertical and section + 1 == self.header_row
        if role == Qt.ItemDataRole.DisplayRole:
            if not vertical:
                return column_letter(section)
            # the header row named in its number's cell, not only tinted: seen at a glance
            return (
                self.tr("%1 Titles").replace("%1", str(section + 1)) if header else str(section + 1)
            )
        if role == Qt.ItemDataRole.FontRole and header:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and vertical:
            if header:
                return self.tr("The row with the column titles")
            return self.tr("Double-click to make this the row with the column titles")
        return None


class SourcePage(QWidget):
    changed = Signal()  # ready or not, or what it holds, changed

    def __init__(self, ctx: PageContext, state: ImportState, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.state = ctx, state
        self.words = import_words()
        self._reading = False
        self._header_chosen = False  # the user chose the header row: a new kind keeps it

        self.kind = QComboBox()
        actor = ctx.workspace.actor
        for kind in KINDS:  # finance imports contracts and payments only (policy.may_import)
            if may_import(actor, kind):
                self.kind.addItem(self.words.kind(kind), kind)
        if self.kind.findData(state.kind) < 0:
            state.kind = self.kind.itemData(0)
        self.kind.setCurrentIndex(max(0, self.kind.findData(state.kind)))
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("Choose a file, or drop one on this window"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._on_browse_clicked)
        self.template = QPushButton(self.tr("Download template…"))
        self.template.setToolTip(
            self.tr("A workbook with the column titles this import knows and an example row")
        )
        self.template.clicked.connect(self._on_template_clicked)
        self.sheets = QComboBox()
        self.sheets.setMinimumContentsLength(16)
        self.sheets.activated.connect(self._on_sheet_activated)
        self.header = QSpinBox()
        self.header.setRange(1, 1)
        self.header.valueChanged.connect(self._on_header_changed)
        self.raw = RawRowsTableModel(self)
        self.grid = QTableView()
        self.grid.setModel(self.raw)
        self.grid.setWordWrap(False)
        self.grid.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.grid.verticalHeader().setDefaultSectionSize(24)
        self.grid.horizontalHeader().setDefaultSectionSize(110)
        # A double-click chooses the header row: a stray click (reading the rows, scrolling)
        # once moved it and mapped the file's title as its only column.
        self.grid.doubleClicked.connect(self._on_grid_double_clicked)
        self.grid.verticalHeader().sectionDoubleClicked.connect(self._on_row_header_clicked)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.problem = problem_label()
        # The kind the file's titles suggest, said beside the kind until the user picks one.
        self.guessed = QLabel()
        self.guessed.setWordWrap(True)
        self._kind_chosen = False
        self._guessing = False
        self.warning = QLabel()  # a header row that looks wrong: said, not refused
        self.warning.setObjectName("headerWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addWidget(self.guessed, 1)
        kind_row.addWidget(self.template)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheets)
        sheet_row.addSpacing(16)
        sheet_row.addWidget(QLabel(self.tr("Header row:")))
        sheet_row.addWidget(self.header)
        sheet_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("What to import:"), kind_row)
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Sheet:"), sheet_row)
        hint = QLabel(self.tr("The row with the column titles is marked “Titles”; double-click "
                              "another row, or change the header row, to choose it."))  # fmt: skip
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.warning)
        layout.addWidget(self.problem)
        self._show_sheet_controls()

    # -- what the wizard asks
    def is_ready(self) -> bool:
        sheet = self.state.sheet
        return not self._reading and sheet is not None and not self.problem.isVisible()

    def set_kind(self, kind: str) -> None:
        self._kind_chosen = True
        index = self.kind.findData(kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def set_file(self, path: str) -> None:
        """Read this file (chosen, or dropped on the dialog), its first sheet with data."""
        self.path.setText(os.path.normpath(path))
        self.state.path = path
        self._header_chosen = False
        self._read(None)

    # -- reading
    def _read(self, sheet: str | None) -> None:
        self._reading = True
        self.problem.hide()
        self.status.setText(self.tr("Reading the file…"))
        self.browse.setEnabled(False)
        self.sheets.setEnabled(False)
        path, kind = self.state.path, self.state.kind
        self.changed.emit()
        self.ctx.runner.read(lambda: read_file(path, sheet, kind), self._on_file_read,
                             self._on_file_failed, owner=self, key="read")  # fmt: skip

    def _on_file_read(self, result: tuple[SheetData, int]) -> None:
        sheet, guessed = result
        keep_out_of_gc()
        self._reading = False
        self.state.sheet = sheet
        self.browse.setEnabled(True)
        self.sheets.blockSignals(True)
        self.sheets.clear()
        self.sheets.addItems(list(sheet.sheets))
        self.sheets.setCurrentIndex(max(0, self.sheets.findText(sheet.sheet)))
        self.sheets.blockSignals(False)
        rows = max(1, len(sheet.rows))
        self.header.blockSignals(True)
        self.header.setRange(1, rows)
        self.header.setValue(min(guessed, rows))
        self.header.blockSignals(False)
        self.state.header_row = self.header.value()
        self.raw.set_sheet(sheet, self.header.value())
        self.grid.scrollTo(self.raw.index(max(0, self.header.value() - 2), 0))
        self._show_sheet_controls()
        self._check_header()
        self._guess_kind(sheet)

    def _guess_kind(self, sheet: SheetData) -> None:
        """Until the user picks the kind, the one the titles fit (excel_guess), said."""
        from crmdesk.models.excel_guess import guess_kind
        from crmdesk.models.excel_read import header_texts

        self.guessed.clear()
        if self._kind_chosen or not sheet.rows or self.state.header_row > len(sheet.rows):
            return
        kinds = [self.kind.itemData(i) for i in range(self.kind.count())]
        headers = header_texts(sheet.rows, self.state.header_row)
        kind = guess_kind(headers, kinds, self.state.kind)
        if kind == self.state.kind:
            return
        self._guessing = True
        self.set_kind(kind)
        self._kind_chosen = self._guessing = False
        self.guessed.setText(self.tr("The columns look like %1; change it here if not.")
                             .replace("%1", self.words.kind(kind)))  # fmt: skip

    def _on_file_failed(self, exc: BaseException) -> None:
        self._reading = False
        self.state.sheet = None
        self.browse.setEnabled(True)
        self.raw.set_sheet(None, 0)
        self._show_sheet_controls()
        if isinstance(exc, BadFile):
            text = self.words.bad_file(exc)
        else:
            log.error("reading %s failed", self.state.path, exc_info=exc)
            text = error_text(exc)
        self.status.clear()
        self.problem.setText(text)
        self.problem.show()
        self.changed.emit()

    def _show_sheet_controls(self) -> None:
        sheet = self.state.sheet
        self.sheets.setEnabled(sheet is not None and len(sheet.sheets) > 1)
        self.header.setEnabled(sheet is not None)

    def _check_header(self) -> None:
        sheet = self.state.sheet
        self.problem.hide()
        self.warning.hide()
        if sheet is None:
            self.status.clear()
        elif not sheet.rows:
            self.problem.setText(self.words.bad_file(BadFile("empty")))
            self.problem.show()
        elif header_is_empty(sheet, self.state.header_row):
            bad = BadFile("no_header", row=self.state.header_row)
            self.problem.setText(self.words.bad_file(bad))
            self.problem.show()
        elif header_looks_wrong(sheet.rows, self.state.header_row):
            self.warning.setText(self.words.header_warning(self.state.header_row))
            self.warning.show()
        if sheet is not None:
            data = max(0, len(sheet.rows) - self.state.header_row)
            self.status.setText(self.tr("%1 · sheet %2 · up to %3 below the header")
                                .replace("%1", sheet.file_name).replace("%2", sheet.sheet)
                                .replace("%3", self.words.rows(data)))  # fmt: skip
        self.changed.emit()

    # -- the user's choices
    @Slot(int)
    def _on_kind_changed(self, _index: int) -> None:
        if not self._guessing:  # the user's own choice: no more guessing, no more note
            self._kind_chosen = True
            self.guessed.clear()
        self.state.kind = self.kind.currentData()
        sheet = self.state.sheet
        if sheet is not None and not self._header_chosen:
            self.header.setValue(min(guess_header(sheet, self.state.kind), self.header.maximum()))
            self._header_chosen = False
        self.changed.emit()

    @Slot(int)
    def _on_sheet_activated(self, _index: int) -> None:
        name = self.sheets.currentText()
        if self.state.sheet is not None and name != self.state.sheet.sheet:
            self._header_chosen = False
            self._read(name)

    @Slot(int)
    def _on_header_changed(self, value: int) -> None:
        self._header_chosen = True
        self.state.header_row = value
        self.raw.set_header_row(value)
        self._check_header()

    @Slot(QModelIndex)
    def _on_grid_double_clicked(self, index: QModelIndex) -> None:
        self.header.setValue(index.row() + 1)

    @Slot(int)
    def _on_row_header_clicked(self, section: int) -> None:
        self.header.setValue(section + 1)

    def _settings(self) -> QSettings | None:
        return self.ctx.settings

    def _folder(self) -> str:
        settings = self._settings()
        folder = settings.value("import/folder", "") if settings is not None else ""
        return str(folder or os.path.expanduser("~"))

    def _remember_folder(self, path: str) -> None:
        settings = self._settings()
        if settings is not None:
            settings.setValue("import/folder", os.path.dirname(path))

    @Slot()
    def _on_browse_clicked(self) -> None:
        path, _filter = file_dialogs.open_file_name(
            self, self.tr("Choose the file to import"), self._folder(),
            self.tr("Spreadsheets (%1);;All files (*)").replace("%1", FILE_FILTER),
        )  # fmt: skip
        if path:
            self._remember_folder(path)
            self.set_file(path)

    @Slot()
    def _on_template_clicked(self) -> None:
        kind = self.state.kind
        name = self.tr("%1 template.xlsx").replace("%1", self.words.kind(kind))
        path, _filter = file_dialogs.save_file_name(
            self, self.tr("Save the template"), os.path.join(self._folder(), name),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self._remember_folder(path)
        titles = template_titles(kind)
        self.template.setEnabled(False)

        def write() -> str:
            from crmdesk.models.excel_export import write_template

            write_template(path, kind, titles)
            return path

        self.ctx.runner.read(write, self._on_template_saved, self._on_template_failed,
                             owner=self)  # fmt: skip

    def _on_template_saved(self, path: str) -> None:
        self.template.setEnabled(True)
        self.status.setText(self.tr("Template saved: %1").replace("%1", os.path.normpath(path)))

    def _on_template_failed(self, exc: BaseException) -> None:
        self.template.setEnabled(True)
        log.warning("template not written: %r", exc)
        self.status.setText(export_error_text(exc) or error_text(exc))


def template_titles(kind: str) -> dict[str, str]:
    """The fields' titles in the user's language, where the import recognises them again (else
    the template keeps the models' own title for that column)."""
    from crmdesk.models.excel_fields import FIELDS, suggest_mapping

    words = import_words()
    titles = {}
    for spec in FIELDS.get(kind, ()):
        title = words.field(kind, spec.key)
        if suggest_mapping(kind, [title]).columns.get(0) == spec.key:
            titles[spec.key] = title
    return titles
