"""The customer detail panel's Deals tab: the customer's deals (title, stage, status, amount,
owner, expected close), read off the GUI thread when the tab is shown and again when a change of
kind "deals" touches the customer; a double-click opens the deal, New deal… starts one for this
customer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from crmdesk.models.deals import DealRow
from crmdesk.views.customer_records_tab import CustomerRecordsTab
from crmdesk.views.deal_history import status_label
from crmdesk.views.deal_words import money, stage_code_name

AMOUNT = 3


class CustomerDealsTab(CustomerRecordsTab):
    kinds = frozenset({"deals"})
    key = "deals"
    icon = "deal"
    stretch = 0  # the title takes the width left

    def headers(self) -> list[str]:
        return [self.tr("Title"), self.tr("Stage"), self.tr("Status"), self.tr("Amount"),
                self.tr("Owner"), self.tr("Expected close")]  # fmt: skip

    def new_text(self) -> str:
        return self.tr("New deal…")

    def empty_text(self) -> str:
        return self.tr("No deals with this customer yet.")

    def reader(self) -> Callable[[int], list[DealRow]]:
        return self.ctx.workspace.customer_deals

    def cells(self, r: DealRow) -> tuple[str, ...]:
        close = r.expected_close.isoformat() if r.expected_close else ""
        return (r.title, stage_code_name(r.stage_code, r.stage_name), status_label(r.status),
                money(r.amount), r.owner_name, close)  # fmt: skip

    def decorate(self, rows: list[DealRow]) -> None:
        for i in range(len(rows)):
            self.table.item(i, AMOUNT).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )

    def open_record(self, deal_id: int | None) -> None:
        from crmdesk.views.deal_dialog import open_deal_dialog  # with the tab's first use

        open_deal_dialog(self.ctx, self, deal_id=deal_id,
                         customer_id=self.customer_id if deal_id is None else None)  # fmt: skip
