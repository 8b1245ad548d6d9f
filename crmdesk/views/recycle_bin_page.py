"""The recycle bin: deleted customers with who deleted them and when; restore brings them back.

The same windowed table, filter bar and bulk actions as the customer list: any number of
deleted customers, searchable, and Select all + Restore works on all of them."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.views.context import PageContext
from crmdesk.views.customer_columns import deleted_columns
from crmdesk.views.filter_bar import Filter, FilterBar
from crmdesk.views.icons import set_icon
from crmdesk.views.list_panel import ListPanel


class RecycleBinPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ws = ctx.workspace
        self.filters = FilterBar(
            [Filter("search", "search", self.tr("Search deleted customers…"))], CustomerQuery()
        )
        self.filters.clear_button.hide()
        self.filters.query_changed.connect(self._on_query_changed)
        self.list = ListPanel(
            ctx,
            self,
            deleted_columns(),
            ws.list_deleted,
            ws.count_deleted,
            ws.deleted_ids,
            total_text=lambda n: self.tr("%Ln deleted customer(s)", "", n),
            empty_text=lambda q: (
                self.tr("No deleted customer matches the search.")
                if q is not None and q.search
                else self.tr("The recycle bin is empty.")
            ),
            deleted=True,
        )
        self.model, self.table, self.bulk = self.list.model, self.list.table, self.list.bulk
        self.banner, self.count_label, self.message = (
            self.list.banner,
            self.list.count_label,
            self.list.message,
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.restore_button = QPushButton(self.tr("Restore"))
        set_icon(self.restore_button, "restore")
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.list.actions = [self.restore_button]
        hint = QLabel(
            self.tr(
                "Deleted customers stay here, with their contacts and follow-ups, "
                "until you restore them."
            )
        )
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.filters.search, 1)
        top.addWidget(hint, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        ctx.bus.changed.connect(self._on_data_changed)
        self.list.set_query(self.filters.query())

    @property
    def is_counting(self) -> bool:
        return self.list.is_counting

    def reload(self) -> None:
        self.list.set_query(self.filters.query())

    refresh = reload

    @Slot(object)
    def _on_query_changed(self, query: CustomerQuery) -> None:
        self.list.set_query(query)

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if change.kinds & {"deleted", "restored", "ownership", "edited"}:
            if change.remote:
                self.list.refresh()  # a colleague's change: the user's place kept
            else:
                self.reload()

    @Slot()
    def _on_restore_clicked(self) -> None:
        self.message.clear()
        self.bulk.start(
            lambda _count: True,  # restoring loses nothing: no question asked
            self.ctx.workspace.restore_customers,
            self.tr("Restoring customers…"),
            lambda n: self.tr("Restored %Ln customer(s).", "", n),
        )
