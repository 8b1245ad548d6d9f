"""The import wizard's check before anything is written: the models validate the file on a
worker (with progress: a big file takes a moment), the totals say how many rows will be
imported, and the first rows are shown with each problem cell tinted red and its problem in
words as the tooltip (ImportPreviewTableModel), or only the rows with problems. A bad optional
cell the import leaves empty (ValueOptions.keep_rows) is tinted amber: its row is imported."""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.excel_types import CellProblem, ImportPlan, SheetData
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.import_run_page import ErrorReport
from crmdesk.views.import_state import (
    PREVIEW_ROWS,
    ImportState,
    Polled,
    cell_text,
    keep_out_of_gc,
)
from crmdesk.views.import_words import describe, import_words, number
from crmdesk.views.widgets import problem_label

log = logging.getLogger(__name__)
PROBLEM_TINT = QBrush(QColor(217, 54, 62, 70))  # ERROR_COLOR, see-through: light and dark
LEFT_EMPTY_TINT = QBrush(QColor(230, 160, 20, 80))  # amber: left empty, the row is imported
POLL_MS = 100
ROW = -1  # a problem of the whole row: shown on the row number


@dataclass(frozen=True)
class PreviewRow:
    row: int  # the sheet's row number
    cells: tuple[str, ...]  # one per shown column
    problems: dict[int, tuple[CellProblem, ...]]  # shown column (or ROW) -> its problems


def _shown(value, zone: tzinfo):
    """A planned value as the user reads it: a time (stored in UTC) on the sheet's clock."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)
    return value


def preview_rows(
    sheet: SheetData,
    plan: ImportPlan,
    columns: list[tuple[int, str]],
    limit: int = PREVIEW_ROWS,
    zone: tzinfo = UTC,
) -> tuple[list[PreviewRow], list[PreviewRow]]:
    """(the first rows, the first rows with problems): valid rows show their values as they
    will be imported (times in `zone`, the sheet's), rows with problems the cells as typed.
    Off-thread."""
    from crmdesk.models.excel_read import data_rows

    shown = {source: i for i, (source, _key) in enumerate(columns)}
    problems: dict[int, list[CellProblem]] = defaultdict(list)
    for p in itertools.chain(plan.problems, plan.notes):
        problems[p.row].append(p)
    with_problems = len(plan.bad_rows) + len({p.row for p in plan.notes})
    planned = {r.row: r.values for r in itertools.islice(plan.rows, limit)}
    first: list[PreviewRow] = []
    bad: list[PreviewRow] = []
    for number_, cells in data_rows(sheet, plan.header_row):
        if len(first) >= limit and (len(bad) >= limit or len(bad) >= with_problems):
            break
        found = problems.get(number_)
        if len(first) >= limit and not found:
            continue
        values = planned.get(number_)
        if values is not None:
            texts = tuple(cell_text(_shown(values.get(key, ""), zone)) for _s, key in columns)
        else:
            texts = tuple(
                cell_text(cells[source]).strip() if source < len(cells) else ""
                for source, _key in columns
            )
        by_column: dict[int, list[CellProblem]] = defaultdict(list)
        for p in found or ():
            by_column[shown.get(p.column, ROW) if p.column is not None else ROW].append(p)
        row = PreviewRow(number_, texts, {k: tuple(v) for k, v in by_column.items()})
        if len(first) < limit:
            first.append(row)
        if found and len(bad) < limit:
            bad.append(row)
    return first, bad


def run_check(args: tuple, control: Polled):
    """Off-thread: validate the file, and what the preview shows of it. args: (kind, sheet,
    header row, mapping, value options, dedupe key, duplicate mode), taken when the check
    started."""
    from crmdesk.models.excel_plan import validate

    sheet, mode = args[1], args[6]
    plan = validate(*args[:6], progress=control.progress, cancelled=control.cancelled,
                    on_duplicate=mode)  # fmt: skip
    columns = sorted(plan.mapping.columns.items())
    first, bad = preview_rows(sheet, plan, columns, zone=args[4].zone)
    return plan, columns, first, bad


class ImportPreviewTableModel(QAbstractTableModel):
    """Rows of the file as the import sees them: the row's number, then one column per mapped
    field; a cell with a problem is tinted, and says the problem as its tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = "customers"
        self.titles: list[str] = []
        self.headers: list[str] = []
        self.rows: list[PreviewRow] = []

    def set_rows(self, kind: str, titles: list[str], headers: list[str], rows) -> None:
        self.beginResetModel()
        self.kind, self.titles, self.headers, self.rows = kind, titles, headers, list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles) + 1

    def _problems(self, row: PreviewRow, column: int) -> tuple[CellProblem, ...]:
        if column == 0:  # the row number says every problem of the row
            return tuple(p for ps in row.problems.values() for p in ps)
        return row.problems.get(column - 1, ())

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row.row) if column == 0 else row.cells[column - 1]
        if role == Qt.ItemDataRole.ToolTipRole:
            problems = self._problems(row, column)
            return "\n".join(describe(p, self.kind) for p in problems) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            problems = self._problems(row, column)
            if not problems:
                return None
            return LEFT_EMPTY_TINT if all(p.left_empty for p in problems) else PROBLEM_TINT
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Row") if section == 0 else self.titles[section - 1]
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self.headers[section - 1]
        return None


class PreviewPage(QWidget):
    changed = Signal()

    def __init__(self, ctx: PageContext, state: ImportState, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.state = ctx, state
        self.words = import_words()
        self._control: Polled | None = None
        self.first: list[PreviewRow] = []
        self.bad: list[PreviewRow] = []
        self.titles: list[str] = []
        self.headers: list[str] = []
        self.totals = QLabel()
        self.totals.setObjectName("importTotals")
        self.totals.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.only_problems = QCheckBox(self.tr("Only rows with problems"))
        self.only_problems.toggled.connect(self._show_rows)
        self.report = QPushButton(self.tr("Save error report…"))
        self.report.setToolTip(self.tr("The rows with problems and what is wrong with each, as a "
                                       "workbook to correct and import again"))  # fmt: skip
        self.report.clicked.connect(self._on_report_clicked)
        self.report.hide()
        self.model = ImportPreviewTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setDefaultSectionSize(120)
        self.problem = problem_label()
        self.shown_note = QLabel()
        self.told = QLabel()
        self.told.setWordWrap(True)
        self.saver = ErrorReport(ctx, self, self.told)
        top = QHBoxLayout()
        top.addWidget(self.only_problems)
        top.addStretch(1)
        top.addWidget(self.report)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.progress)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.shown_note)
        layout.addWidget(self.told)
        layout.addWidget(self.problem)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def is_ready(self) -> bool:
        plan = self.state.plan
        return self._control is None and plan is not None and bool(plan.rows)

    @property
    def checking(self) -> bool:
        return self._control is not None

    def start(self) -> None:
        """Validate the file as the earlier pages set it up."""
        self.stop()
        s = self.state
        s.plan = None
        control = self._control = Polled()
        self.model.set_rows(s.kind, [], [], [])
        self.problem.hide()
        self.report.hide()
        self.told.clear()
        self.totals.setText(self.tr("Checking the rows…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self._timer.start()
        self.changed.emit()
        options = s.options
        args = (s.kind, s.sheet, s.header_row, s.mapping, s.value_options, options.dedupe_key,
                options.on_duplicate)  # fmt: skip
        self.ctx.runner.read(lambda: (control, run_check(args, control)), self._on_checked,
                             lambda exc: self._on_check_failed(control, exc),
                             owner=self, key="check")  # fmt: skip

    def stop(self) -> None:
        """Going back: a check still running is no longer wanted."""
        if self._control is not None:
            self._control.cancel()
            self._control = None
        self._timer.stop()
        self.progress.hide()

    def _on_timer_timeout(self) -> None:
        control = self._control
        if control is not None and control.total:
            self.progress.setRange(0, control.total)
            self.progress.setValue(control.done)
            self.totals.setText(self.tr("Checking the rows… %1 of %2")
                                .replace("%1", number(control.done))
                                .replace("%2", number(control.total)))  # fmt: skip

    def _on_checked(self, result) -> None:
        control, (plan, columns, first, bad) = result
        if control is not self._control:
            return  # superseded
        self.stop()
        keep_out_of_gc()
        s = self.state
        s.plan = plan
        self.first, self.bad = first, bad
        self.titles = [self.words.field(s.kind, key) for _source, key in columns]
        self.headers = [s.headers[c] if c < len(s.headers) else "" for c, _key in columns]
        # bad_rows holds the rows with errors only: repeats and totals rows are plan.skipped
        parts = [self.words.rows(plan.total), self.words.with_errors(len(plan.bad_rows))]
        totals = sum(1 for p in plan.skipped if p.code == "totals_row")
        repeats = len(plan.skipped) - totals
        if repeats:  # repeats of an earlier row, mode skip
            parts.append(self.words.repeats_skipped(repeats))
        if totals:
            parts.append(self.words.totals_rows(totals))
        if plan.repeats:  # mode fill or overwrite: they update what the earlier row imports
            parts.append(self.words.repeats_update(len(plan.repeats)))
        if plan.empty_rows:
            parts.append(self.words.empty_rows(plan.empty_rows))
        if plan.notes:  # keep_rows: bad optional cells, their rows imported
            parts.append(self.words.to_leave_empty(len(plan.notes)))
        text = " · ".join(parts)
        if s.options.dedupe_key and s.options.on_duplicate != "create" and plan.rows:
            # the database is only looked at when the import runs: no count of it here
            text += "\n" + self.tr("Rows already in crmdesk are found when the import runs; "
                                   "the summary counts them.")  # fmt: skip
        self.totals.setText(text)
        self.report.setVisible(bool(plan.bad_rows or plan.notes))
        if not plan.rows:
            self.problem.setText(self.tr("No row can be imported. Save the error report, correct "
                                         "the rows and choose the file again, or go back and "
                                         "change the columns' fields."))  # fmt: skip
            self.problem.show()
        self.only_problems.setEnabled(bool(plan.bad_rows or plan.notes))
        self._show_rows()
        self.table.resizeColumnsToContents()
        for column in range(1, self.model.columnCount()):
            self.table.setColumnWidth(column, min(max(self.table.columnWidth(column), 80), 260))
        self.changed.emit()

    def _on_check_failed(self, control: Polled, exc: BaseException) -> None:
        if control is not self._control:
            return
        self.stop()
        log.error("the import check failed", exc_info=exc)
        self.totals.clear()
        self.problem.setText(error_text(exc))
        self.problem.show()
        self.changed.emit()

    def _show_rows(self, *_args) -> None:
        plan = self.state.plan
        if plan is None:
            return
        only = self.only_problems.isChecked() and bool(plan.bad_rows or plan.notes)
        rows = self.bad if only else self.first
        self.model.set_rows(self.state.kind, self.titles, self.headers, rows)
        total = len(plan.bad_rows) + len({p.row for p in plan.notes}) if only else plan.total
        self.shown_note.setVisible(total > len(rows))
        self.shown_note.setText(self.tr("The first %1 of them are shown.")
                                .replace("%1", number(len(rows))))  # fmt: skip

    def _on_report_clicked(self) -> None:
        s, plan = self.state, self.state.plan
        if plan is not None:
            problems = sorted(plan.problems + plan.notes, key=lambda p: p.row)
            self.saver.save(s.kind, s.sheet, s.header_row, problems, planned=True)
