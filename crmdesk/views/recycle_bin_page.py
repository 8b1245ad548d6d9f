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
from crmdesk.views.bulk_actions import BulkActions, selected_count
from crmdesk.views.context import PageContext
from crmdesk.views.customer_columns import deleted_columns
from crmdesk.views.errors import error_text
from crmdesk.views.filter_bar import Filter, FilterBar
from crmdesk.views.table_model import WindowedTableModel
from crmdesk.views.widgets import Banner, list_table


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
        self.model = WindowedTableModel(
            deleted_columns(), ws.list_deleted, ws.count_deleted, ctx.runner, ws.clock, self
        )
        self.model.first_page_loaded.connect(self._update_count)
        self.model.count_loaded.connect(self._update_count)
        self.model.load_failed.connect(self._on_load_failed)
        self.table = list_table(self.model, [c.width for c in self.model.columns])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_count)
        self.bulk = BulkActions(
            ctx,
            self,
            self.table,
            self.model,
            lambda q, offset, limit: [r.id for r in ws.list_deleted(q, offset, limit)],
            deleted=True,
        )
        self.bulk.busy_changed.connect(self._update_count)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.message = QLabel()
        self.bulk.finished.connect(self.message.setText)
        self.bulk.status.connect(self.message.setText)
        self.banner = Banner()
        self.banner.retry_clicked.connect(self.reload)
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
        self.model.set_query(self.filters.query())
        self._update_count()

    @property
    def is_counting(self) -> bool:
        return self.model.is_loading or self.model.is_counting

    def reload(self) -> None:
        self.banner.hide()
        self.model.set_query(self.filters.query())

    refresh = reload

    @Slot(object)
    def _on_query_changed(self, query: CustomerQuery) -> None:
        self.model.set_query(query)

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if change.kinds & {"deleted", "restored", "ownership", "edited"}:
            self.reload()

    @Slot(object)
    def _on_load_failed(self, exc: BaseException) -> None:
        self.banner.show_message(error_text(exc))

    @Slot()
    def _update_count(self) -> None:
        total = self.model.rowCount()
        self.table.set_empty_text(
            self.tr("No deleted customer matches the search.")
            if self.filters.query().search
            else self.tr("The recycle bin is empty.")
        )
        if self.model.is_counting:
            text = self.tr("Counting…")
        else:
            text = self.tr("%Ln deleted customer(s)", "", total)
        selected = selected_count(self.table)
        if selected > 1:
            text += " · " + self.tr("%Ln selected", "", selected)
        self.count_label.setText(text)
        self.restore_button.setEnabled(selected > 0 and not self.bulk.busy)

    @Slot()
    def _on_restore_clicked(self) -> None:
        self.message.clear()
        self.bulk.start(
            lambda _count: True,  # restoring loses nothing: no question asked
            self.ctx.workspace.restore_customers,
            self.tr("Restoring customers…"),
            lambda n: self.tr("Restored %Ln customer(s).", "", n),
        )
