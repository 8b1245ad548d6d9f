"""The rows behind a figure of the reports or the targets page (a funnel stage, a bar segment):
DrillDialog lists exactly the deals or customers an analytics drill_* call returns, windowed
(WindowedTableModel: a page of rows read off the GUI thread as the view needs it, the true
count from the first page's DrillResult), says how many, opens a deal (its dialog) or a
customer (customer_requested: the page forwards it to the window) on a double-click, and
exports its rows through the lists' Export… (list_export.ListExporter).

fetch(offset, limit) -> DrillResult is the caller's drill_* call with its arguments bound; the
dialog runs it through ctx.read, never on the GUI thread. Which columns it shows follows the
rows that come back (DrillDealRow or DrillCustomerRow).

A hidden row (counted by the figure, but one the reader may not open: analytics_drill's text)
shows "(not visible to you)" for its name, in grey, opens nothing on a double-click, and exports
with its blanked cells empty."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.analytics_types import DrillCustomerRow, DrillDealRow, DrillResult
from crmdesk.views.context import PageContext
from crmdesk.views.deal_columns import status_text
from crmdesk.views.deal_words import money, stage_code_name
from crmdesk.views.labels import local_time, status_label
from crmdesk.views.list_export import ListExporter
from crmdesk.views.table_model import Column, WindowedTableModel, local_moment
from crmdesk.views.widgets import Banner, list_table

DrillFetch = Callable[[int, int], DrillResult]
_HIDDEN_BRUSH = QBrush(QColor("#8c8f94"))  # the lists' muted grey, readable light and dark


def _hidden_text() -> str:
    return QCoreApplication.translate("DrillDialog", "(not visible to you)")


def _grey(row, _now) -> QBrush | None:
    return _HIDDEN_BRUSH if getattr(row, "hidden", False) else None


def _secret(text: Callable) -> Callable:
    """A name column's text: the placeholder for a hidden row."""
    return lambda r: _hidden_text() if r.hidden else text(r)


def _greyed(columns: list[Column]) -> list[Column]:
    return [replace(c, foreground=_grey) for c in columns]


def drill_deal_columns() -> list[Column]:
    columns = [
        Column(
            "title",
            QCoreApplication.translate("DrillDialog", "Deal"),
            200,
            _secret(lambda r: r.title),
            sortable=False,
            tooltip=True,
            cell=lambda r: r.title,  # a hidden row's blank, not the placeholder
        ),
        Column(
            "customer",
            QCoreApplication.translate("DrillDialog", "Customer"),
            190,
            lambda r: r.customer_name,
            sortable=False,
            tooltip=True,
        ),
        Column(
            "owner",
            QCoreApplication.translate("DrillDialog", "Owner"),
            90,
            lambda r: r.owner_name,
            sortable=False,
        ),
        Column(
            "stage",
            QCoreApplication.translate("DrillDialog", "Stage"),
            120,
            lambda r: stage_code_name(r.stage_code, r.stage_name),
            sortable=False,
        ),
        Column(
            "status",
            QCoreApplication.translate("DrillDialog", "Status"),
            70,
            lambda r: status_text(r.status),
            sortable=False,
            center=True,
        ),
        Column(
            "amount",
            QCoreApplication.translate("DrillDialog", "Amount"),
            110,
            lambda r: money(r.amount),
            sortable=False,
            cell=lambda r: r.amount,
            kind="money",
        ),
        Column(
            "created",
            QCoreApplication.translate("DrillDialog", "Created"),
            100,
            lambda r: local_time(r.created_at, False),
            sortable=False,
            cell=lambda r: local_moment(r.created_at),
            kind="datetime",
        ),
        Column(
            "closed",
            QCoreApplication.translate("DrillDialog", "Closed"),
            100,
            lambda r: local_time(r.closed_at, False),
            sortable=False,
            cell=lambda r: local_moment(r.closed_at),
            kind="datetime",
        ),
    ]
    return _greyed(columns)


def drill_customer_columns(at_title: str = "") -> list[Column]:
    """at_title: what the counted moment is (the follow-up's time, the pool event's); ""
    when it is the customer's creation (then the column is left out)."""

    columns = [
        Column(
            "name",
            QCoreApplication.translate("DrillDialog", "Customer"),
            220,
            _secret(lambda r: r.name),
            sortable=False,
            tooltip=True,
            cell=lambda r: r.name,  # a hidden row's blank, not the placeholder
        ),
        Column(
            "owner",
            QCoreApplication.translate("DrillDialog", "Owner"),
            90,
            lambda r: r.owner_name,
            sortable=False,
        ),
        Column(
            "industry",
            QCoreApplication.translate("DrillDialog", "Industry"),
            110,
            lambda r: r.industry,
            sortable=False,
        ),
        Column(
            "source",
            QCoreApplication.translate("DrillDialog", "Source"),
            110,
            lambda r: r.source,
            sortable=False,
        ),
        Column(
            "status",
            QCoreApplication.translate("DrillDialog", "Status"),
            80,
            lambda r: status_label(r.status),
            sortable=False,
            center=True,
        ),
        Column(
            "created",
            QCoreApplication.translate("DrillDialog", "Created"),
            130,
            lambda r: local_time(r.created_at),
            sortable=False,
            cell=lambda r: local_moment(r.created_at),
            kind="datetime",
        ),
    ]
    if at_title:
        columns.append(
            Column(
                "at",
                at_title,
                130,
                lambda r: local_time(r.at),
                sortable=False,
                cell=lambda r: local_moment(r.at),
                kind="datetime",
            )
        )
    return _greyed(columns)


class DrillDialog(QDialog):
    """Non-modal: several may be open, the window stays usable. kind: "deals" or "customers"
    when the caller knows it (the columns are right from the first paint); None: told by the
    first rows that arrive. at_title: see drill_customer_columns."""

    customer_requested = Signal(int)  # a customer to show (the page forwards it to the window)
    deal_opened = Signal(int)  # a deal whose dialog was opened (for tests and callers)
    rows_loaded = Signal(int)  # the count, once the first page is in

    def __init__(
        self,
        ctx: PageContext,
        title: str,
        fetch: DrillFetch,
        parent: QWidget | None = None,
        kind: str | None = None,
        at_title: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx, self.fetch, self.kind, self.at_title = ctx, fetch, kind, at_title
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.count: int | None = None
        self._counts: dict[int, int] = {}  # query generation -> count of its DrillResult
        self._generation = 0

        self.heading = QLabel(title)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.count_label = QLabel(self.tr("Loading…"))
        self.banner = Banner()
        self.banner.retry_clicked.connect(self.reload)
        columns = drill_deal_columns() if kind != "customers" else drill_customer_columns(at_title)
        self.model = self._make_model(columns)
        self.table = list_table(self.model, [c.width for c in columns])
        self.table.setSortingEnabled(False)
        self.table.set_empty_text(self.tr("No rows behind this figure."))
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.hint = QLabel(self.tr("Double-click a row to open it."))
        self.hint.setEnabled(False)
        self.exporter = ListExporter(
            ctx, self, self.model, self.table.horizontalHeader(), lambda: self.windowTitle()
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.exporter.button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1000, 560)
        self.reload()

    def _make_model(self, columns: list[Column]) -> WindowedTableModel:
        model = WindowedTableModel(
            columns,
            self._fetch_rows,
            self._count_rows,
            self.ctx.runner,
            self.ctx.workspace.clock,
            self,
        )
        model.first_page_loaded.connect(self._on_first_page_loaded)
        model.load_failed.connect(self._on_load_failed)
        return model

    # -- reading (off the GUI thread: the model runs these through the runner)
    def _fetch_rows(self, query: int, offset: int, limit: int) -> list:
        result = self.fetch(offset, limit)
        self._counts[query] = result.count
        return list(result.rows)

    def _count_rows(self, query: int) -> int:
        known = self._counts.get(query)
        return known if known is not None else self.fetch(0, 1).count

    @Slot()
    def reload(self) -> None:
        """Read the rows again (Retry; a caller whose data changed)."""
        self.banner.hide()
        self._generation += 1
        self.model.set_query(self._generation)

    @Slot()
    def _on_first_page_loaded(self) -> None:
        query = self.model.shown_query
        first = self.model.loaded_row(0)
        if self.kind is None and first is not None:
            # Told by the rows: a customer drill has other columns than a deal drill.
            self.kind = "customers" if isinstance(first, DrillCustomerRow) else "deals"
            if self.kind == "customers":
                self._use_columns(drill_customer_columns(self.at_title))
        count = self._counts.get(query, self.model.rowCount())
        self.model.set_total(count)
        self.count = count
        self.count_label.setText(self.tr("%Ln row(s)", "", count))
        self.exporter.button.setEnabled(count > 0)
        self.rows_loaded.emit(count)

    def _use_columns(self, columns: list[Column]) -> None:
        self.model.beginResetModel()
        self.model.columns = columns
        self.model.endResetModel()
        for i, column in enumerate(columns):
            self.table.setColumnWidth(i, column.width)

    @Slot(object)
    def _on_load_failed(self, exc: BaseException) -> None:
        from crmdesk.views.errors import error_text

        self.count_label.setText("")
        self.banner.show_message(error_text(exc))

    # -- opening a row
    def _on_table_double_clicked(self, index) -> None:
        row = self.model.loaded_row(index.row()) if index.isValid() else None
        if getattr(row, "hidden", False):
            return  # counted, but not the reader's to open
        if isinstance(row, DrillDealRow):
            from crmdesk.views.deal_dialog import open_deal_dialog

            open_deal_dialog(self.ctx, self, deal_id=row.id)
            self.deal_opened.emit(row.id)
        elif isinstance(row, DrillCustomerRow):
            self.customer_requested.emit(row.id)
