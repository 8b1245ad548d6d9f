"""Receivables (应收款) for whoever collects: what is contracted, received and still outstanding,
by rep and by customer, with what is overdue split into ageing buckets (0–30, 31–60, 61–90,
90+ days late), and the totals. The figures are the model's SQL sums over the contracts the
actor may see (models/receivables.py: a rep their own, a manager the team's, an admin and
finance everyone's); this view only lays them out.

A self-contained widget (ReceivablesView(ctx), reload()) that the Contracts page embeds. A
double-click on a customer with several contracts asks for that customer's contracts
(customer_activated); with one, or when no one listens, the customer's most overdue contract
opens in the contract dialog. A double-click on a
rep says which (owner_activated), for a list filtered to that rep. It reads again when contracts
or payments change, or later, when it is next shown, if it was hidden then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.views.context import PageContext
from crmdesk.views.deal_words import money
from crmdesk.views.errors import error_text
from crmdesk.views.icons import set_icon
from crmdesk.views.table_model import Column
from crmdesk.views.widgets import ERROR_COLOR, Banner, list_table

if TYPE_CHECKING:
    from crmdesk.models.receivables import Receivable
    from crmdesk.models.workspace import Workspace

CUSTOMER_LIMIT = 200  # customers owing most; the rest are summed in the totals
SPLITTER_SETTING = "receivables/splitter"
_DISPLAY = Qt.ItemDataRole.DisplayRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_RED = QBrush(QColor(ERROR_COLOR))
BUCKETS = ("0_30", "31_60", "61_90", "90_plus")
_LATE_KEYS = frozenset({"overdue", *BUCKETS})
_MONEY_KEYS = frozenset({"contracts", "contracted", "received", "outstanding", "overdue", *BUCKETS})


@dataclass(frozen=True)
class Line:
    """One row of a table: whose figures (a rep's or a customer's id; None for the total)."""

    id: int | None
    name: str
    contracted: Decimal
    received: Decimal
    outstanding: Decimal
    overdue: Decimal
    buckets: tuple[Decimal, Decimal, Decimal, Decimal]
    contracts: int = 0
    credit: Decimal = Decimal("0")

    def figure(self, key: str) -> Decimal:
        if key in BUCKETS:
            return self.buckets[BUCKETS.index(key)]
        return getattr(self, key)


def line_of(id_: int | None, name: str, r: Receivable) -> Line:
    """A model's figures as a table's row."""
    return Line(id_, name, r.contracted, r.received, r.outstanding, r.overdue, tuple(r.buckets),
                r.contracts, r.credit)  # fmt: skip


@dataclass(frozen=True)
class Figures:
    """One read of the view: as of which day, the reps' and the customers' rows, the total,
    and whether the customers' list was cut at CUSTOMER_LIMIT."""

    day: date
    by_owner: list[Line]
    by_customer: list[Line]
    total: Line
    customers_cut: bool


def read_figures(ws: Workspace, today: date | None = None) -> Figures:
    """The view's one read (off the GUI thread): the reps', the customers' and the total, in
    one unit of work, all as of the same local day."""
    report = ws.receivables_report(CUSTOMER_LIMIT + 1, today)
    customers = report.by_customer
    total = line_of(None, QCoreApplication.translate("ReceivablesView", "Total"), report.total)
    return Figures(
        report.day,
        [line_of(r.id, r.name, r.figures) for r in report.by_owner],
        [line_of(r.id, r.name, r.figures) for r in customers[:CUSTOMER_LIMIT]],
        total,
        len(customers) > CUSTOMER_LIMIT,
    )


def first_contract(ws: Workspace, customer_id: int) -> int | None:
    """The customer's contract most overdue (else owing most), to open from a customer's row."""
    rows = ws.receivables_by_contract(customer_id)
    if not rows:
        return None
    best = max(rows, key=lambda r: (r.figures.overdue, r.figures.outstanding, -r.contract_id))
    return best.contract_id


class ReceivablesTableModel(QAbstractTableModel):
    """Rows of figures, all loaded (one per rep, or the customers owing most), and a total
    row in bold under them."""

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Line] = []
        self.total: Line | None = None
        self.is_loading = True
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[Line], total: Line | None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.total = total if rows else None  # a total of nothing says nothing
        self.is_loading = False
        self.endResetModel()

    def row_at(self, row: int) -> Line | None:
        """The line shown at `row` (the total row's id is None)."""
        if 0 <= row < len(self.rows):
            return self.rows[row]
        if row == len(self.rows) and self.total is not None:
            return self.total
        return None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self.rows) + (1 if self.total is not None else 0)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        line = self.row_at(index.row())
        if line is None:
            return None
        column = self.columns[index.column()]
        if role == _DISPLAY:
            return column.value(line)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.value(line) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key in _MONEY_KEYS:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(line, None)
        if role == Qt.ItemDataRole.FontRole and line.id is None:
            return self._bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == _DISPLAY:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].key in (
                _MONEY_KEYS
            ):
                return _RIGHT
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _late(line: Line, _now) -> QBrush | None:
    return _RED if line.overdue > 0 else None


def _amount(key: str):
    def value(line: Line) -> str:
        figure = line.figure(key)
        # nothing late stays blank: the eye finds the late money at once
        return "" if key in _LATE_KEYS and not figure else money(figure)

    return value


class ReceivablesView(QWidget):
    customer_activated = Signal(int, str)  # a customer's id and name: show their contracts
    owner_activated = Signal(int)  # a rep's id: show their contracts

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.settings = ctx.settings
        self.figures: Figures | None = None
        self._stale = False  # changed while hidden: read again when shown

        self.heading = QLabel(self.tr("Receivables"))
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: gray;")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        set_icon(self.refresh_button, "refresh")
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.as_of)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.summary = QLabel()
        self.summary.setObjectName("receivablesSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.banner = Banner()
        self.banner.retry_clicked.connect(self.reload)

        self.owner_model = ReceivablesTableModel(self._columns(self.tr("Rep")), self)
        self.owner_table = self._table(self.owner_model)
        self.owner_table.doubleClicked.connect(self._on_owner_double_clicked)
        self.customer_model = ReceivablesTableModel(self._columns(self.tr("Customer")), self)
        self.customer_table = self._table(self.customer_model)
        self.customer_table.doubleClicked.connect(self._on_customer_double_clicked)
        self.customers_note = QLabel()
        self.customers_note.setStyleSheet("color: gray;")
        self.customers_note.hide()

        self.owner_box = QGroupBox(self.tr("By rep"))
        QVBoxLayout(self.owner_box).addWidget(self.owner_table)
        self.customer_box = QGroupBox(self.tr("By customer"))
        column = QVBoxLayout(self.customer_box)
        column.addWidget(self.customer_table, 1)
        column.addWidget(self.customers_note)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.owner_box)
        self.splitter.addWidget(self.customer_box)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        if self.settings is not None and self.settings.value(SPLITTER_SETTING) is not None:
            self.splitter.restoreState(self.settings.value(SPLITTER_SETTING))
        self.splitter.splitterMoved.connect(self._on_splitter_moved)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        ctx.bus.changed.connect(self._on_data_changed)
        self.reload()

    def _columns(self, who: str) -> list[Column]:
        return [
            Column("name", who, 190, lambda r: r.name, tooltip=True),
            Column("contracts", self.tr("Contracts"), 70, lambda r: f"{r.contracts:,}"),
            Column("contracted", self.tr("Contracted"), 115, _amount("contracted")),
            Column("received", self.tr("Received"), 115, _amount("received")),
            Column("outstanding", self.tr("Outstanding"), 115, _amount("outstanding")),
            Column("overdue", self.tr("Overdue"), 110, _amount("overdue"), foreground=_late),
            Column("0_30", self.tr("1–30 days"), 95, _amount("0_30"), foreground=_late),
            Column("31_60", self.tr("31–60 days"), 95, _amount("31_60"), foreground=_late),
            Column("61_90", self.tr("61–90 days"), 95, _amount("61_90"), foreground=_late),
            Column(
                "90_plus", self.tr("Over 90 days"), 100, _amount("90_plus"), foreground=_late
            ),  # fmt: skip
        ]

    def _table(self, model: ReceivablesTableModel):
        table = list_table(model, [c.width for c in model.columns])
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        # the names take the width left over; the figures keep theirs, all in view
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        return table

    # -- reading
    def reload(self) -> None:
        if not self.isVisible() and self.figures is not None:
            self._stale = True  # a hidden tab reads when it is shown again
            return
        self._stale = False
        ws = self.workspace
        self.ctx.read(lambda: read_figures(ws), self._on_loaded, self._on_failed,
                      owner=self, key="receivables")  # fmt: skip

    refresh = reload

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        self.banner.show_message(error_text(exc))

    def _on_loaded(self, figures: Figures) -> None:
        self.banner.hide()
        self.figures = figures
        # yyyy-MM-dd, as the contracts list and the contract dialog write days
        self.as_of.setText(self.tr("as of %1").replace("%1", figures.day.isoformat()))
        self.summary.setText(self._summary_text(figures.total))
        self.owner_model.set_rows(figures.by_owner, figures.total)
        self.customer_model.set_rows(figures.by_customer, None if figures.customers_cut
                                     else figures.total)  # fmt: skip
        self.owner_table.set_empty_text(self.tr("No contracts to collect on."))
        self.customer_table.set_empty_text(self.tr("No customer owes anything."))
        if figures.customers_cut:
            text = self.tr("The %1 customers owing most; the totals above count them all.")
            self.customers_note.setText(text.replace("%1", str(len(figures.by_customer))))
        self.customers_note.setVisible(figures.customers_cut)

    def _summary_text(self, total: Line) -> str:
        parts = [
            (self.tr("Contracted"), money(total.contracted), ""),
            (self.tr("Received"), money(total.received), ""),
            (self.tr("Outstanding"), money(total.outstanding), ""),
            (self.tr("Overdue"), money(total.overdue), ERROR_COLOR if total.overdue else ""),
        ]
        if total.credit:
            parts.append((self.tr("Credit"), money(total.credit), ""))
        cells = []
        for label, value, colour in parts:
            style = f' style="color: {colour};"' if colour else ""
            cells.append(f"{label} <b{style}>{value}</b>")
        return " &nbsp;·&nbsp; ".join(cells)

    # -- events
    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        # names come from customers and users; the figures from contracts and payments
        if change.kinds & {"contracts", "payments", "edited", "ownership", "deleted", "restored"}:
            self.reload()

    @Slot(int, int)
    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        if self.settings is not None:
            self.settings.setValue(SPLITTER_SETTING, self.splitter.saveState())

    @Slot(QModelIndex)
    def _on_owner_double_clicked(self, index: QModelIndex) -> None:
        line = self.owner_model.row_at(index.row())
        if line is not None and line.id is not None:
            self.owner_activated.emit(line.id)

    @Slot(QModelIndex)
    def _on_customer_double_clicked(self, index: QModelIndex) -> None:
        line = self.customer_model.row_at(index.row())
        if line is None or line.id is None:
            return
        signal = self.metaObject().indexOfSignal("customer_activated(int,QString)")
        # one contract opens at once; several are listed where a page listens for them
        if line.contracts > 1 and self.isSignalConnected(self.metaObject().method(signal)):
            self.customer_activated.emit(line.id, line.name)
            return
        self.open_first_contract(line.id)

    def open_first_contract(self, customer_id: int) -> None:
        """Open the customer's most overdue contract (else the one owing most)."""
        ws = self.workspace
        self.ctx.read(lambda: first_contract(ws, customer_id), self._on_first_contract_found,
                      owner=self, key="first_contract")  # fmt: skip

    def _on_first_contract_found(self, contract_id: int | None) -> None:
        if contract_id is None:
            return
        from crmdesk.views.contract_dialog import open_contract_dialog

        open_contract_dialog(self.ctx, self, contract_id=contract_id)
