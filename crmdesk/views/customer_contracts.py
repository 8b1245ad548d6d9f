"""The customer detail panel's Contracts tab: the customer's contracts (number, title, status,
amount, received, outstanding: blank for a draft or a terminated contract, which owe nothing,
as in the contracts list; money with its cents, as everywhere) and their sums, read off the
GUI thread when the tab is shown and again when a change of kind "contracts" or "payments"
touches the customer; a double-click opens the contract, New contract… starts one for this
customer (when the customer is the user's to edit)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crmdesk.models.changes import Change
from crmdesk.models.contract_detail import ContractRow
from crmdesk.models.contract_list import OWING_STATUSES, is_overdue
from crmdesk.models.today import local_day
from crmdesk.views.context import PageContext
from crmdesk.views.contract_columns import contract_status_label
from crmdesk.views.customer_tabs import fill_table, table_widget
from crmdesk.views.deal_words import money
from crmdesk.views.errors import error_text
from crmdesk.views.icons import set_icon
from crmdesk.views.labels import labelled
from crmdesk.views.widgets import ERROR_COLOR

ID_ROLE = Qt.ItemDataRole.UserRole
MONEY_COLUMNS = (3, 4, 5)
OUTSTANDING = 5
KINDS = frozenset({"contracts", "payments"})


class CustomerContractsTab(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self.editable = False
        self.rows: list[ContractRow] = []
        self._stale = False  # the customer changed while the tab was hidden: read when shown
        self._read_once = False  # the customer's contracts were asked for at least once
        # The number first, as the contracts list has it (what one says on the phone); the
        # signing and next due days are the row's tooltip, an overdue one's outstanding red.
        headers = [self.tr("Number"), self.tr("Contract"), self.tr("Status"), self.tr("Amount"),
                   self.tr("Received"), self.tr("Outstanding")]  # fmt: skip
        self.table = table_widget(headers, stretch=1)  # the title takes the width left
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.totals = QLabel()
        self.totals.setObjectName("contractTotals")
        self.totals.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: gray;")
        self.new_button = QPushButton(self.tr("New contract…"))
        set_icon(self.new_button, "contract")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.new_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.empty.hide()
        self.totals.hide()
        ctx.bus.changed.connect(self._on_data_changed)

    def show_customer(self, customer_id: int | None, editable: bool = False) -> None:
        """The contracts of this customer (None: nobody's); read now if the tab is shown. The
        same customer again (its card read again) reads nothing: contracts' changes come on
        the bus."""
        same = customer_id == self.customer_id and self._read_once
        if customer_id != self.customer_id:
            self.rows = []
            fill_table(self.table, [])
            self.totals.hide()
            self._read_once = False
        self.customer_id, self.editable = customer_id, editable
        self.new_button.setEnabled(customer_id is not None and editable)
        if not same:
            self.reload()

    def reload(self) -> None:
        if self.customer_id is None:
            self._stale = False
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._read_once = True
        customer_id, ws = self.customer_id, self.ctx.workspace
        self.ctx.read(
            lambda: ws.customer_contracts(customer_id),
            lambda rows: self._on_loaded(customer_id, rows),
            self._on_failed,
            owner=self,
            key="contracts",
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_loaded(self, customer_id: int, rows: list[ContractRow]) -> None:
        if customer_id != self.customer_id:
            return
        self.rows = rows
        fill_table(self.table, [self._cells(r) for r in rows])
        red = QBrush(QColor(ERROR_COLOR))
        today = local_day(self.ctx.workspace.clock()).date
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, r in enumerate(rows):
            self.table.item(i, 0).setData(ID_ROLE, r.id)
            for j in (0, 1):
                self.table.item(i, j).setToolTip(self._tooltip(r))
            for j in MONEY_COLUMNS:
                self.table.item(i, j).setTextAlignment(right)
            if is_overdue(r.status, r.next_due_on, today):
                self.table.item(i, OUTSTANDING).setForeground(red)
        self.empty.setText(self.tr("No contracts with this customer yet."))
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.totals.setText(self._totals_text(rows))
        self.totals.setVisible(bool(rows))

    def _on_failed(self, exc: BaseException) -> None:
        self.empty.setText(error_text(exc))
        self.empty.show()
        self.table.hide()
        self.totals.hide()

    def _cells(self, r: ContractRow) -> tuple[str, ...]:
        owes = r.outstanding and r.status in OWING_STATUSES  # a draft's plan is no debt yet
        return (r.number, r.title, contract_status_label(r.status, r.awaiting_approval),
                money(r.amount), money(r.received),
                money(r.outstanding) if owes else "")  # fmt: skip

    def _tooltip(self, r: ContractRow) -> str:
        lines = [f"{r.number} · {r.title}"]
        if r.signed_on:
            lines.append(labelled(self.tr("Signed"), r.signed_on.isoformat()))
        if r.next_due_on:
            lines.append(labelled(self.tr("Next due"), r.next_due_on.isoformat()))
        return "\n".join(lines)

    def _totals_text(self, rows: list[ContractRow]) -> str:
        """The sums of the contracts in force (drafts and terminated ones owe nothing)."""
        owing = [r for r in rows if r.status in OWING_STATUSES]
        amount = sum((r.amount for r in owing), Decimal(0))
        received = sum((r.received for r in owing), Decimal(0))
        outstanding = sum((r.outstanding for r in owing), Decimal(0))
        parts = [labelled(self.tr("Contracted"), money(amount)),
                 labelled(self.tr("Received"), money(received)),
                 labelled(self.tr("Outstanding"), money(outstanding))]  # fmt: skip
        # a narrow panel wraps between the figures, never inside one
        return " · ".join(p.replace(" ", "\u00a0") for p in parts)

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if self.customer_id is None or not change.kinds & KINDS:
            return
        if self.customer_id in change.customer_ids or change.many:
            self.reload()

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.open_contract(int(item.data(ID_ROLE)))

    def open_contract(self, contract_id: int | None) -> None:
        from crmdesk.views.contract_dialog import open_contract_dialog  # with the first use

        customer_id = self.customer_id if contract_id is None else None
        open_contract_dialog(self.ctx, self, contract_id=contract_id, customer_id=customer_id)

    @Slot()
    def _on_new_clicked(self) -> None:
        if self.customer_id is not None:
            self.open_contract(None)
