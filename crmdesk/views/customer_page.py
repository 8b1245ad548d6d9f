"""The customer list page: search as you type, filters, saved views, sorting, bulk actions and
the detail panel beside the list. Everything it shows is read through the task runner; every
write's change comes back on the change bus, which is what reloads the list."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.models.customer_list import CustomerQuery, FilterChoices
from crmdesk.models.policy import list_scopes
from crmdesk.views import prompts
from crmdesk.views.bulk_actions import selected_count
from crmdesk.views.bulk_dialogs import AssignDialog, TagDialog
from crmdesk.views.column_fit import ColumnFitter
from crmdesk.views.context import PageContext
from crmdesk.views.customer_columns import customer_columns, customer_filters
from crmdesk.views.customer_dialog import CustomerDialog
from crmdesk.views.customer_pool_actions import CustomerPoolActions
from crmdesk.views.detail_host import DetailHost
from crmdesk.views.filter_bar import FilterBar
from crmdesk.views.icons import set_icon
from crmdesk.views.list_export import ListExporter
from crmdesk.views.list_panel import ListPanel
from crmdesk.views.saved_views_bar import SavedViewsBar


class CustomersPage(CustomerPoolActions, DetailHost, QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ws = ctx.workspace
        self.settings = ctx.settings
        self._keep_id: int | None = None  # the customer to select again after a reload
        self._reselecting = False  # putting the selection back after "Cancel": ask nothing
        self._choices: FilterChoices | None = None

        scopes = list_scopes(ws.actor)
        sees_others = ws.actor.is_admin or ws.actor.is_manager
        self.filters = FilterBar(
            customer_filters(scopes, with_owner=sees_others), CustomerQuery(scope=scopes[0])
        )
        self.filters.query_changed.connect(self._on_query_changed)
        self.search = self.filters.search
        self.saved_views = SavedViewsBar(ctx, "customers", self._view_payload)
        self.saved_views.view_chosen.connect(self._on_view_chosen)
        self.new_button = QPushButton(self.tr("New customer…"))
        self.new_button.clicked.connect(self.new_customer)
        set_icon(self.new_button, "new")

        self.list = ListPanel(
            ctx,
            self,
            customer_columns(),
            ws.list_customers,
            ws.count_customers,
            ws.customer_ids,
            total_text=lambda n: self.tr("%Ln customer(s)", "", n),
            empty_text=self._empty_text,
            empty_action=(self._empty_action_text, self._on_empty_action),
            count_cap=ws.count_cap,
            capped_text=lambda n: self.tr("More than %Ln customer(s)", "", n),
        )
        self.model, self.table, self.bulk = self.list.model, self.list.table, self.list.bulk
        self.banner, self.count_label = self.list.banner, self.list.count_label
        self.message = self.list.message
        self._start_detail_host()  # before the signals that use it
        self.model.first_page_loaded.connect(self._on_first_page_loaded)
        self.model.refreshed.connect(self._on_first_page_loaded)
        self.model.count_loaded.connect(self._check_shared)  # an empty list: any shared?
        self.model.count_loaded.connect(self._prebuild_detail)
        self._setup_table()
        # A narrow window hides the least needed columns first (0: never).
        priority = {"name": 0, "level": 1, "status": 1, "owner": 1, "contact": 2,
                    "mobile": 2, "next_follow_up_at": 2, "recycle_in": 2, "last_follow_up_at": 3,
                    "industry": 3,
                    "tags": 3, "province": 4, "updated_at": 4, "city": 5, "source": 5,
                    "created_at": 5}  # fmt: skip
        self.fitter = ColumnFitter(
            self.table,
            {i: priority.get(c.key, 3) for i, c in enumerate(self.model.columns)},
        )
        self.fitter.offer_menu(
            [c.title for c in self.model.columns], self.model.column_index("name")
        )
        # Connected only now: setSortingEnabled asks the model to sort while the table is made.
        self.model.sort_requested.connect(self._on_sort_requested)
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.assign_button.clicked.connect(self._on_assign_clicked)
        self.tag_button = QPushButton(self.tr("Tags…"))
        self.tag_button.clicked.connect(self._on_tag_clicked)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        pool_buttons = self._make_pool_buttons()
        # Owner-only: disabled (saying why) when every selected customer is only shared.
        self.list.actions = self.owner_only([self.assign_button, self.tag_button,
                                             self.delete_button, *pool_buttons])  # fmt: skip
        for button, key in ((self.assign_button, "assign"), (self.tag_button, "tag"),
                            (self.delete_button, "delete")):  # fmt: skip
            set_icon(button, key)

        placeholder = QLabel(
            self.tr(
                "Select a customer in the list to see its details, contacts, follow-ups and "
                "history here."
            )
        )
        placeholder.setWordWrap(True)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(placeholder)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 420])

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.saved_views, 1)
        self.exporter = ListExporter(ctx, self, self.model, self.table.horizontalHeader(),
                                     lambda: self.tr("Customers"),
                                     self.fitter.user_hidden)  # fmt: skip
        top.addWidget(self.exporter.button)
        top.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addWidget(self.message, 1)
        for b in (*pool_buttons, self.assign_button, self.tag_button, self.delete_button):
            actions.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)

        ctx.bus.changed.connect(self._on_data_changed)
        self._restore_layout()
        self._load_choices()
        self.list.set_query(self.filters.query())

    def _setup_table(self) -> None:
        table = self.table
        table.setSortingEnabled(True)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.blockSignals(True)  # the indicator follows the query; it must not sort by itself
        header.setSortIndicator(self.model.column_index("updated_at"), Qt.SortOrder.DescendingOrder)
        header.blockSignals(False)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        delete_action = QAction(table)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.triggered.connect(self._on_delete_clicked)
        table.addAction(delete_action)

    # -- loading
    @property
    def query(self) -> CustomerQuery:
        return self.filters.query()

    @property
    def is_counting(self) -> bool:
        return self.list.is_counting

    def reload(self) -> None:
        """The same list again (the selection is kept by BulkActions)."""
        self.list.set_query(self.filters.query())

    def refresh(self) -> None:
        self._load_choices()
        self.reload()

    def _load_choices(self) -> None:
        self.ctx.read(
            self.workspace.filter_choices, self._on_choices_loaded, owner=self, key="choices"
        )

    def _on_choices_loaded(self, choices: FilterChoices) -> None:
        self._choices = choices
        for key, values in (
            ("industry", choices.industries),
            ("province", choices.provinces),
            ("source", choices.sources),
        ):
            self.filters.set_choices(key, [(v, v) for v in values])
        self.filters.set_choices("tags", [(t, t) for t in choices.tags])
        if "owner_id" in self.filters.controls:
            self.filters.set_choices("owner_id", [(u.name, u.id) for u in choices.owners])
        if self._detail is not None:
            self._detail.set_choices(choices.industries, choices.provinces, choices.sources)

    @Slot()
    def _on_first_page_loaded(self) -> None:
        keep, self._keep_id = self._keep_id, None
        row = self.model.row_of_id(keep) if keep is not None else None
        if row is not None and self.selected_id() != keep:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if not change.touches_customers():
            return
        if "created" in change.kinds and not change.remote:
            self.reload()  # the user's new customer: the list goes to it (select_customer)
        else:
            self.model.refresh()  # in place: the selection, current row and scroll stay
        if change.kinds & {"created", "edited", "tags"}:
            self._load_choices()  # a new industry, source or tag typed by someone

    def _empty_action_text(self, q: CustomerQuery | None) -> str:
        if self._filtered(q):
            return ""
        return self.shared_action_text(q) or self.tr("New customer…")

    def _empty_text(self, q: CustomerQuery | None) -> str:
        if self._filtered(q):
            return self.tr("No customers match the search and filters.")
        return self.shared_empty_text(q) or self.tr(
            "No customers here yet. Customers deleted lately wait in the recycle bin."
        )

    @staticmethod
    def _filtered(q: CustomerQuery | None) -> bool:
        return q is not None and bool(
            q.search
            or q.level
            or q.industry
            or q.province
            or q.status
            or q.source
            or q.overdue
            or q.tags
            or q.owner_id is not None
        )

    # -- the query
    @Slot(object)
    def _on_query_changed(self, query: CustomerQuery) -> None:
        self.saved_views.mark_custom()
        self._keep_id = self.selected_id()
        self.list.set_query(query)
        self.list.show_sort(query)

    def apply_query(self, query: CustomerQuery) -> None:
        """Put a query into the filters (a saved view) and load it once."""
        self.filters.set_query(query, emit=False)
        self._keep_id = self.selected_id()
        self.list.set_query(query)
        self.list.show_sort(query)

    @Slot(str, bool)
    def _on_sort_requested(self, key: str, descending: bool) -> None:
        if (key, descending) != (self.query.sort, self.query.descending):
            self.filters.update_query(sort=key, descending=descending)

    def _view_payload(self) -> dict:
        return {"query": self.query.to_dict(), "columns": self.visible_columns()}

    @Slot(object)
    def _on_view_chosen(self, view) -> None:
        self.set_visible_columns(view.payload.get("columns") or [])
        self.apply_query(CustomerQuery.from_dict(view.payload.get("query", {})))

    # -- selection and the detail panel
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if selected_count(self.table) == 1 else []
        return self.model.id_at(rows[0].row()) if rows else None

    @Slot()
    def _on_selection_changed(self) -> None:
        customer_id = self.selected_id()
        if self._reselecting or customer_id is None or customer_id == self.detail.customer_id:
            return
        shown = self.detail.customer_id
        # Leaving an edited customer asks first; Cancel (or a failed save) selects it again.
        self.detail.leave(
            lambda: self.detail.show_customer(customer_id),
            lambda: self._select_again(shown),
        )

    def _select_again(self, customer_id: int | None) -> None:
        row = self.model.row_of_id(customer_id) if customer_id is not None else None
        self._reselecting = True
        try:
            if row is None:
                self.table.clearSelection()
            else:
                self.table.selectRow(row)
        finally:
            self._reselecting = False

    def leave(self, proceed, stay=None) -> None:
        """Before another page or closing: the detail panel asks about unsaved edits."""
        if self._detail is None:
            proceed()
        else:
            self._detail.leave(proceed, stay)

    @Slot(int)
    def select_customer(self, customer_id: int) -> None:
        """Select it now if its row is loaded, else when the list has reloaded (showing it at
        once, after asking about unsaved edits of the customer shown)."""
        row = self.model.row_of_id(customer_id)
        if row is not None:
            self.table.selectRow(row)
            return

        def show() -> None:
            self._keep_id = customer_id
            self.detail.show_customer(customer_id)

        self.detail.leave(show)

    # -- actions
    @Slot()
    def new_customer(self) -> None:
        dialog = CustomerDialog(self.ctx, self._choices, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created_id is not None:
            self.select_customer(dialog.created_id)
        elif dialog.existing_id:
            self.select_customer(dialog.existing_id)

    @Slot()
    def _on_assign_clicked(self) -> None:
        if (refused := self.owner_check("assign")) is None:
            return

        def ask(count: int) -> bool:
            dialog = AssignDialog(self.ctx, count, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            self._assign = dialog.value()
            self._assign_name = dialog.user.currentText()
            return True

        def call(target, progress, cancelled):
            user_id, code, text = self._assign
            return self.workspace.assign_customers(target, user_id, code, text, progress, cancelled)

        self.bulk.start(
            ask,
            call,
            self.tr("Assigning customers…"),
            lambda n: self.tr("Assigned %Ln customer(s) to %1.", "", n).replace(
                "%1", self._assign_name
            ),
            skipped_text=lambda n: self.tr(
                "%Ln customer(s) not assigned: %1 already owns as many customers as allowed.",
                "",
                n,
            ).replace("%1", self._assign_name),
            refused=refused,
        )

    @Slot()
    def _on_tag_clicked(self) -> None:
        if (refused := self.owner_check("tag")) is None:
            return

        def ask(count: int) -> bool:
            dialog = TagDialog(count, self, self.ctx)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            self._tag, self._tag_done = dialog.value(), dialog.done_text  # its words, translated
            return True

        def call(target, progress, cancelled):
            tag, add = self._tag
            return self.workspace.change_tag(target, tag, add, progress, cancelled)

        self.bulk.start(
            ask,
            call,
            self.tr("Changing tags…"),
            lambda n: self._tag_done(n),
            refused=refused,
        )

    @Slot()
    def _on_delete_clicked(self) -> None:
        if (refused := self.owner_check("delete")) is None:
            return

        def ask(count: int) -> bool:
            return prompts.confirm_delete(self, count, self._single_selected_name(count))

        def undo(result) -> None:
            self.ctx.write(
                lambda: self.workspace.undo_delete(result.at),
                lambda done: self.ctx.notify(
                    self.tr("Restored %Ln customer(s).", "", done.value.changed)
                ),
                owner=self,
            )

        self.bulk.start(
            ask,
            self.workspace.delete_customers,
            self.tr("Deleting customers…"),
            lambda n: self.tr("Moved %Ln customer(s) to the recycle bin.", "", n),
            undo,
            refused=refused,
        )

    # -- columns and layout
    def visible_columns(self) -> list[str]:
        return self.fitter.chosen([c.key for c in self.model.columns])

    def set_visible_columns(self, keys: list[str]) -> None:
        self.fitter.choose([c.key for c in self.model.columns], keys)

    def _restore_layout(self) -> None:
        if self.fitter.restore(self.settings, "customers/header"):
            self.list.show_sort(self.query)  # sorting always starts from the query
        split = self.settings.value("customers/splitter") if self.settings is not None else None
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)

    def save_layout(self) -> None:
        self.fitter.save()
        if self.settings is not None:
            self.settings.setValue("customers/splitter", self.splitter.saveState())
