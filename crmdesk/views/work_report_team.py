"""The Work reports page's team side: the reports the user may read over a span of periods
(search, Export…), who has not submitted for the chosen period (managers and admins), and the
report opened from the list, read-only, with its comments and a box to add one.

The panel holds no rules: rows come from the workspace (work_report_list.py) through the page's
reads, and a comment is a workspace write; the page tells the panel what to show. The search
runs as the user types, once per pause (SEARCH_DELAY_MS; Enter or clearing the box at once)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.work_report_list import MissingRow, ReportRow
from crmdesk.views.deal_words import money
from crmdesk.views.labels import local_time
from crmdesk.views.table_model import Column, local_moment
from crmdesk.views.widgets import list_table

_DISPLAY = Qt.ItemDataRole.DisplayRole
SPANS = (1, 7, 30)  # periods the list covers, ending with the chosen one (weekly: weeks // 7)
SEARCH_DELAY_MS = 300  # a search per pause in typing, not per key
# Every column but the summary as wide as its longest text (a week's two dates, "Submitted,
# edited since" not cut with "…"), the summary taking what is left.
FIT_COLUMNS = (0, 1, 2, 3, 4, 6)


def period_text(kind: str, first: date, last: date) -> str:
    """A day, or a week "2026-11-23 – 11-29" (the year once when both ends share it)."""
    if kind == "daily" or first == last:
        return first.isoformat()
    end = last.strftime("%m-%d") if last.year == first.year else last.isoformat()
    week = QCoreApplication.translate("WorkReports", "%1 – %2")
    return week.replace("%2", end).replace("%1", first.isoformat())


def edited_text(updated_at) -> str:
    """When a submitted report was last edited (its status says "edited since")."""
    text = QCoreApplication.translate("WorkReports", "Last edited %1")
    return text.replace("%1", local_time(updated_at))


def status_text(status: str, edited: bool) -> str:
    if status != "submitted":
        return QCoreApplication.translate("WorkReports", "Draft")
    return (
        QCoreApplication.translate("WorkReports", "Submitted, edited since")
        if edited
        else QCoreApplication.translate("WorkReports", "Submitted")
    )


def report_columns() -> list[Column]:
    """The list's columns; the export writes them with the figures and the whole texts."""

    def figure(key: str) -> Callable[[ReportRow], str]:
        return lambda r: str(getattr(r.figures, key))

    return [
        Column(
            "period",
            QCoreApplication.translate("WorkReports", "Period"),
            150,
            lambda r: period_text(r.kind, r.period_start, r.period_end),
            cell=lambda r: r.period_start,
            kind="date",
        ),
        Column(
            "author",
            QCoreApplication.translate("WorkReports", "Author"),
            90,
            lambda r: r.author_name,
        ),
        Column(
            "team", QCoreApplication.translate("WorkReports", "Team"), 80, lambda r: r.team_name
        ),
        Column(
            "status",
            QCoreApplication.translate("WorkReports", "Status"),
            110,
            lambda r: status_text(r.status, r.edited_after_submit),
        ),
        Column(
            "submitted_at",
            QCoreApplication.translate("WorkReports", "Submitted at"),
            130,
            lambda r: local_time(r.submitted_at),
            cell=lambda r: local_moment(r.submitted_at),
            kind="datetime",
        ),
        Column(
            "excerpt",
            QCoreApplication.translate("WorkReports", "Summary"),
            320,
            lambda r: r.excerpt,
            tooltip=True,
        ),
        Column(
            "comments",
            QCoreApplication.translate("WorkReports", "Comments"),
            84,
            lambda r: str(r.comment_count) or "",
            cell=lambda r: r.comment_count,
            kind="number",
            center=True,
        ),
    ] + [  # export only (export_columns)
        Column(
            "new_customers",
            QCoreApplication.translate("WorkReports", "New customers"),
            80,
            figure("new_customers"),
            cell=lambda r: r.figures.new_customers,
            kind="number",
        ),
        Column(
            "follow_ups",
            QCoreApplication.translate("WorkReports", "Follow-ups"),
            80,
            lambda r: str(r.figures.follow_up_total),
            cell=lambda r: r.figures.follow_up_total,
            kind="number",
        ),
        Column(
            "visits",
            QCoreApplication.translate("WorkReports", "Visits"),
            60,
            lambda r: str(r.figures.visits),
            cell=lambda r: r.figures.visits,
            kind="number",
        ),
        Column(
            "deals_created",
            QCoreApplication.translate("WorkReports", "Deals created"),
            80,
            figure("deals_created"),
            cell=lambda r: r.figures.deals_created,
            kind="number",
        ),
        Column(
            "deals_moved",
            QCoreApplication.translate("WorkReports", "Deals moved"),
            80,
            figure("deals_moved"),
            cell=lambda r: r.figures.deals_moved,
            kind="number",
        ),
        Column(
            "deals_won",
            QCoreApplication.translate("WorkReports", "Deals won"),
            70,
            figure("deals_won"),
            cell=lambda r: r.figures.deals_won,
            kind="number",
        ),
        Column(
            "won_amount",
            QCoreApplication.translate("WorkReports", "Won amount"),
            110,
            lambda r: money(r.figures.won_amount),
            cell=lambda r: r.figures.won_amount,
            kind="money",
        ),
        Column(
            "payments",
            QCoreApplication.translate("WorkReports", "Payments received"),
            110,
            lambda r: money(r.figures.payments),
            cell=lambda r: r.figures.payments,
            kind="money",
        ),
        Column(
            "done", QCoreApplication.translate("WorkReports", "Work done"), 400, lambda r: r.done
        ),
        Column(
            "problems",
            QCoreApplication.translate("WorkReports", "Problems"),
            300,
            lambda r: r.problems,
        ),
        Column("plan", QCoreApplication.translate("WorkReports", "Plan"), 300, lambda r: r.plan),
    ]


LIST_COLUMNS = 7  # the first columns of report_columns() are the list's
EXCERPT_COLUMN = 5


class ReportsTableModel(QAbstractTableModel):
    """The reports loaded for the list (a few hundred at most: work_report_list.LIST_LIMIT)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.columns = report_columns()[:LIST_COLUMNS]
        self.rows: list[ReportRow] = []
        self.is_loading = True

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.is_loading = False
        self.endResetModel()

    def row_at(self, row: int) -> ReportRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == _DISPLAY:
            return column.value(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip:
                return column.value(row) or None
            if column.key == "status" and row.edited_after_submit:
                return edited_text(row.updated_at)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.center:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].title
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ReportViewer(QWidget):
    """A report opened from the list: read-only, its comments, and a comment box."""

    comment_requested = Signal(int, str)  # report id, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report_id: int | None = None
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.comment_box = QPlainTextEdit()
        self.comment_box.setPlaceholderText(self.tr("Write a comment…"))
        self.comment_box.setFixedHeight(58)
        self.comment_button = QPushButton(self.tr("Comment"))
        self.comment_button.clicked.connect(self._on_comment_clicked)
        row = QHBoxLayout()
        row.addWidget(self.comment_box, 1)
        row.addWidget(self.comment_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.report_id = None
        self.text.setPlainText("")
        self.text.setPlaceholderText(self.tr("Select a report in the list to read it."))
        self.comment_box.setEnabled(False)
        self.comment_button.setEnabled(False)

    def show_report(self, view, html: str) -> None:
        """view: work_report_workspace.ReportView; html: the page's rendering of it."""
        if view.report.id != self.report_id:
            self.comment_box.clear()
        self.report_id = view.report.id
        self.text.setHtml(html)
        self.comment_box.setEnabled(view.may_comment)
        self.comment_button.setEnabled(view.may_comment)

    def comment_failed(self) -> None:
        """The comment stays in the box, to send again."""
        self.comment_button.setEnabled(True)

    def comment_saved(self) -> None:
        self.comment_box.clear()
        self.comment_button.setEnabled(True)

    @Slot()
    def _on_comment_clicked(self) -> None:
        text = self.comment_box.toPlainText()
        if self.report_id is None or not text.strip():
            return
        self.comment_button.setEnabled(False)
        self.comment_requested.emit(self.report_id, text)


class TeamPanel(QGroupBox):
    """Search, span, the list, Export…, who has not submitted, and the report opened."""

    search_changed = Signal()
    report_selected = Signal(int)  # a report's id

    def __init__(self, team: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Team reports") if team else self.tr("My reports"), parent)
        self.team = team
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search reports and names"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search_changed)
        self.search.returnPressed.connect(self.flush_search)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.span = QComboBox()
        self.span.currentIndexChanged.connect(self.search_changed)
        self.export_button = QPushButton(self.tr("Export…"))
        self.model = ReportsTableModel(self)
        self.table = list_table(self.model, [c.width for c in self.model.columns])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(EXCERPT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.set_empty_text(self.tr("No reports in these days."))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.count = QLabel()
        self.missing_title = QLabel()
        self.missing = QListWidget()
        self.missing.setMaximumHeight(120)
        self.viewer = ReportViewer()
        self._fit_exactly = True

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.span)
        bar.addWidget(self.export_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count)
        if team:
            top_layout.addWidget(self.missing_title)
            top_layout.addWidget(self.missing)
        else:
            self.missing_title.hide()
            self.missing.hide()
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(self.viewer)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.split)

    def set_kind(self, kind: str) -> None:
        self._fit_exactly = True
        keep = self.span.currentIndex()
        self.span.blockSignals(True)
        self.span.clear()
        if kind == "daily":
            labels = (self.tr("This day"), self.tr("Last 7 days"), self.tr("Last 30 days"))
        else:
            labels = (self.tr("This week"), self.tr("Last 4 weeks"), self.tr("Last 12 weeks"))
        self.span.addItems(labels)
        self.span.setCurrentIndex(keep if keep >= 0 else 1)
        self.span.blockSignals(False)

    def span_periods(self, kind: str) -> int:
        n = SPANS[max(0, self.span.currentIndex())]
        return n if kind == "daily" else (1, 4, 12)[SPANS.index(n)]

    def set_reports(
        self, reports, missing: tuple[MissingRow, ...], period: str, search: str = ""
    ) -> None:
        """reports: work_report_list.ReportList, found for `search`. Keeps the report shown
        selected, or, when the list no longer holds it, closes it (no comment on a report one
        cannot see in the list)."""
        current = self.viewer.report_id
        self.model.set_rows(reports.rows)
        if search.strip():
            empty = self.tr("No reports match “%1”.").replace("%1", search.strip())
        else:
            empty = self.tr("No reports in these days.")
        self.table.set_empty_text(empty)
        self._fit_columns()
        text = self.tr("%n report(s)", "", len(reports.rows))
        if reports.cut:
            text += " · " + self.tr("only the newest are shown: narrow the search")
        self.count.setText(text)
        self.missing.clear()
        self.missing.setVisible(self.team and bool(missing))
        for m in missing:
            line = m.name + (f" · {m.team_name}" if m.team_name else "")
            if m.has_draft:
                line += " · " + self.tr("draft not submitted")
            self.missing.addItem(line)
        self.missing_title.setText(
            self.tr("Not submitted for %1: %n", "", len(missing)).replace("%1", period)
            if missing else self.tr("Everyone has submitted for %1.").replace("%1", period)
        )  # fmt: skip
        for row, r in enumerate(self.model.rows):
            if r.id == current:
                self.table.selectionModel().blockSignals(True)
                self.table.selectRow(row)
                self.table.selectionModel().blockSignals(False)
                break
        else:
            if current is not None:
                self.viewer.show_nothing()

    def _fit_columns(self) -> None:
        """FIT_COLUMNS to their texts: exactly at the first rows of a kind (daily and weekly
        periods differ in width), afterwards only wider, never narrowing what the user set."""
        if not self.model.rows:
            return
        header = self.table.horizontalHeader()
        for col in FIT_COLUMNS:
            title = header.fontMetrics().horizontalAdvance(self.model.columns[col].title) + 24
            need = max(self.table.sizeHintForColumn(col), title)
            if self._fit_exactly or header.sectionSize(col) < need:
                header.resizeSection(col, need)
        self._fit_exactly = False

    def select_report(self, report_id: int) -> bool:
        for row, r in enumerate(self.model.rows):
            if r.id == report_id:
                self.table.selectRow(row)
                return True
        return False

    @Slot()
    def flush_search(self) -> None:
        """Search for the typed text now rather than after the pause (Enter)."""
        self.search_timer.stop()
        self.search_changed.emit()

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        if not text:  # the clear button: show everything again at once
            self.flush_search()
        else:
            self.search_timer.start()  # restarted by every key: one search per pause

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row is not None:
            self.report_selected.emit(row.id)
