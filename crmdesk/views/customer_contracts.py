"""The customer detail panel's Contracts tab: the customer's contracts (number, title, status,
amount, received, outstanding: blank for a draft or a terminated contract, which owe nothing,
as in the contracts list; money with its cents, as everywhere) and their sums, read off the
GUI thread when the tab is shown and again when a change of kind "contracts" or "payments"
touches the customer; a double-click opens the contract, New contract… starts one for this
customer (when the customer is the user's to edit)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QWidget

from crmdesk.models.contract_detail import ContractRow
from crmdesk.models.contract_list import OWING_STATUSES, is_overdue
from crmdesk.models.today import local_day
from crmdesk.views.context import PageContext
from crmdesk.views.contract_columns import contract_status_label
from crmdesk.views.customer_records_tab import CustomerRecordsTab
from crmdesk.views.deal_words import money
from crmdesk.views.labels import labelled
from crmdesk.views.widgets import ERROR_COLOR

MONEY_COLUMNS = (3, 4, 5)
OUTSTANDING = 5


class CustomerContractsTab(CustomerRecordsTab):
    kinds = frozenset({"contracts", "payments"})
    key = "contracts"
    icon = "contract"
    stretch = 1  # the title takes the width left

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.totals = QLabel()
        self.totals.setObjectName("contractTotals")
        self.totals.setWordWrap(True)
        self.totals.hide()
        self.layout().insertWidget(0, self.totals)
        self.extras.append(self.totals)

    def headers(self) -> list[str]:
        # The number first, as the contracts list has it (what one says on the phone); the
        # signing and next due days are the row's tooltip, an overdue one's outstanding red.
        return [self.tr("Number"), self.tr("Contract"), self.tr("Status"), self.tr("Amount"),
                self.tr("Received"), self.tr("Outstanding")]  # fmt: skip

    def new_text(self) -> str:
        return self.tr("New contract…")

    def empty_text(self) -> str:
        return self.tr("No contracts with this customer yet.")

    def reader(self) -> Callable[[int], list[ContractRow]]:
        return self.ctx.workspace.customer_contracts

    def decorate(self, rows: list[ContractRow]) -> None:
        red = QBrush(QColor(ERROR_COLOR))
        today = local_day(self.ctx.workspace.clock()).date
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, r in enumerate(rows):
            for j in (0, 1):
                self.table.item(i, j).setToolTip(self._tooltip(r))
            for j in MONEY_COLUMNS:
                self.table.item(i, j).setTextAlignment(right)
            if is_overdue(r.status, r.next_due_on, today):
                self.table.item(i, OUTSTANDING).setForeground(red)
        self.totals.setText(self._totals_text(rows))
        self.totals.setVisible(bool(rows))

    def cells(self, r: ContractRow) -> tuple[str, ...]:
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

    def open_record(self, contract_id: int | None) -> None:
        from crmdesk.views.contract_dialog import open_contract_dialog  # with the first use

        customer_id = self.customer_id if contract_id is None else None
        open_contract_dialog(self.ctx, self, contract_id=contract_id, customer_id=customer_id)
