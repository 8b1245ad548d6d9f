"""What the customer detail panel's Deals and Contracts tabs share: a table of the customer's
records read off the GUI thread when the tab is shown (a hidden tab only notes that it is out of
date) and again when a change of one of the tab's kinds touches the customer; a double-click
opens the record, the New … button starts one for this customer (when it is the user's to edit).
A subclass names the columns, the read, the cells and what opens a record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crmdesk.models.changes import Change
from crmdesk.views.context import PageContext
from crmdesk.views.customer_tabs import fill_table, table_widget
from crmdesk.views.errors import error_text
from crmdesk.views.icons import set_icon

ID_ROLE = Qt.ItemDataRole.UserRole


class CustomerRecordsTab(QWidget):
    kinds: frozenset[str] = frozenset()  # the changes that read the customer's records again
    key = ""  # the read's key (PageContext.read): a newer read replaces an older one
    icon = ""  # the New … button's
    stretch = 0  # the column that takes the width left

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self.editable = False
        self.rows: list = []
        self._stale = False  # the customer changed while the tab was hidden: read when shown
        self._read_once = False  # the customer's records were asked for at least once
        # Shown with the rows, hidden when there are none to show (a subclass adds to them).
        self.extras: list[QWidget] = []
        self.table = table_widget(self.headers(), stretch=self.stretch)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: gray;")
        self.new_button = QPushButton(self.new_text())
        set_icon(self.new_button, self.icon)
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

    # -- what a subclass says
    def headers(self) -> list[str]:
        raise NotImplementedError

    def new_text(self) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def reader(self) -> Callable[[int], list]:
        """The workspace's read of a customer's records (it runs off the GUI thread)."""
        raise NotImplementedError

    def cells(self, row) -> tuple[str, ...]:
        raise NotImplementedError

    def decorate(self, rows: list) -> None:
        """After the rows are in the table: alignment, tooltips, colours, the extras."""

    def open_record(self, record_id: int | None) -> None:
        """Open the record (None: a new one for this customer)."""
        raise NotImplementedError

    # -- reading
    def show_customer(self, customer_id: int | None, editable: bool = False) -> None:
        """The records of this customer (None: nobody's); read now if the tab is shown. The
        same customer again (its card read again) reads nothing: its records' changes come on
        the bus."""
        same = customer_id == self.customer_id and self._read_once
        if customer_id != self.customer_id:
            self.rows = []
            fill_table(self.table, [])
            for extra in self.extras:
                extra.hide()
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
        customer_id, read = self.customer_id, self.reader()
        self.ctx.read(
            lambda: read(customer_id),
            lambda rows: self._on_loaded(customer_id, rows),
            self._on_failed,
            owner=self,
            key=self.key,
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_loaded(self, customer_id: int, rows: list) -> None:
        if customer_id != self.customer_id:
            return
        self.rows = rows
        fill_table(self.table, [self.cells(r) for r in rows])
        for i, r in enumerate(rows):
            self.table.item(i, 0).setData(ID_ROLE, r.id)
        self.decorate(rows)
        self.empty.setText(self.empty_text())
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def _on_failed(self, exc: BaseException) -> None:
        self.empty.setText(error_text(exc))
        self.empty.show()
        self.table.hide()
        for extra in self.extras:
            extra.hide()

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if self.customer_id is None or not change.kinds & self.kinds:
            return
        if self.customer_id in change.customer_ids or change.many:
            self.reload()

    # -- opening
    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.open_record(int(item.data(ID_ROLE)))

    @Slot()
    def _on_new_clicked(self) -> None:
        if self.customer_id is not None:
            self.open_record(None)
