"""The customer detail panel's Deals tab: the customer's deals (title, stage, status, amount,
owner, expected close), read off the GUI thread when the tab is shown and again when a change of
kind "deals" touches the customer; a double-click opens the deal, New deal… starts one for this
customer."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crmdesk.models.changes import Change
from crmdesk.models.deals import DealRow
from crmdesk.views.context import PageContext
from crmdesk.views.customer_tabs import fill_table, table_widget
from crmdesk.views.deal_history import status_label
from crmdesk.views.deal_words import money, stage_code_name
from crmdesk.views.errors import error_text
from crmdesk.views.icons import set_icon

ID_ROLE = Qt.ItemDataRole.UserRole
AMOUNT = 3


class CustomerDealsTab(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self.editable = False
        self.rows: list[DealRow] = []
        self._stale = False  # the customer changed while the tab was hidden: read when shown
        self._read_once = False  # the customer's deals were asked for at least once
        headers = [self.tr("Title"), self.tr("Stage"), self.tr("Status"), self.tr("Amount"),
                   self.tr("Owner"), self.tr("Expected close")]  # fmt: skip
        self.table = table_widget(headers, stretch=0)  # the title takes the width left
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: gray;")
        self.new_button = QPushButton(self.tr("New deal…"))
        set_icon(self.new_button, "deal")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.new_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.empty.hide()
        ctx.bus.changed.connect(self._on_data_changed)

    def show_customer(self, customer_id: int | None, editable: bool = False) -> None:
        """The deals of this customer (None: nobody's); read now if the tab is shown. The same
        customer again (its card read again) reads nothing: its deals' changes come on the bus."""
        same = customer_id == self.customer_id and self._read_once
        if customer_id != self.customer_id:
            self.rows = []
            fill_table(self.table, [])
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
            lambda: ws.customer_deals(customer_id),
            lambda rows: self._on_loaded(customer_id, rows),
            self._on_failed,
            owner=self,
            key="deals",
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_loaded(self, customer_id: int, rows: list[DealRow]) -> None:
        if customer_id != self.customer_id:
            return
        self.rows = rows
        fill_table(self.table, [self._cells(r) for r in rows])
        for i, r in enumerate(rows):
            self.table.item(i, 0).setData(ID_ROLE, r.id)
            self.table.item(i, AMOUNT).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        self.empty.setText(self.tr("No deals with this customer yet."))
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def _on_failed(self, exc: BaseException) -> None:
        self.empty.setText(error_text(exc))
        self.empty.show()
        self.table.hide()

    def _cells(self, r: DealRow) -> tuple[str, ...]:
        close = r.expected_close.isoformat() if r.expected_close else ""
        return (r.title, stage_code_name(r.stage_code, r.stage_name), status_label(r.status),
                money(r.amount), r.owner_name, close)  # fmt: skip

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if self.customer_id is None or "deals" not in change.kinds:
            return
        if self.customer_id in change.customer_ids or change.many:
            self.reload()

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.open_deal(int(item.data(ID_ROLE)))

    def open_deal(self, deal_id: int | None) -> None:
        from crmdesk.views.deal_dialog import open_deal_dialog  # with the tab's first use

        open_deal_dialog(self.ctx, self, deal_id=deal_id,
                         customer_id=self.customer_id if deal_id is None else None)  # fmt: skip

    @Slot()
    def _on_new_clicked(self) -> None:
        if self.customer_id is not None:
            self.open_deal(None)
