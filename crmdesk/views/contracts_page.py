"""The contracts page (合同): every contract the user may see in the shared windowed list (amount,
received, outstanding, the next instalment due, overdue ones in red), the filter bar (scope,
owner, status, signed in a period, ending soon, overdue only, a search) and saved views; a
double-click or Open… opens the contract dialog, New contract… starts one. Those who collect
(managers, admins, finance) switch to Receivables (receivables_view.py): a rep's line there
filters the list to that rep, a customer's with several contracts to that customer's. A
contract created from New contract… is selected in the list once saved. Every read and write
goes through the task runner; contracts' and payments' changes come back on the change bus and
reload the list."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.models.contract_list import ContractQuery
from crmdesk.models.today import local_day
from crmdesk.views.column_fit import ColumnFitter
from crmdesk.views.context import PageContext
from crmdesk.views.contract_columns import (
    ContractFilters,
    contract_columns,
    contract_filters,
    contract_words,
)
from crmdesk.views.filter_bar import FilterBar
from crmdesk.views.icons import set_icon
from crmdesk.views.list_export import ListExporter
from crmdesk.views.list_panel import ListPanel
from crmdesk.views.saved_views_bar import SavedViewsBar

VIEW_SETTING = "contracts/view"
# What a contract row shows of its customer (name, bin) and owner: their changes reload too.
RELOAD_KINDS = frozenset(
    {"contracts", "payments", "approvals", "edited", "deleted", "restored", "ownership"}
)
# A narrow list hides the least needed columns first (0: never).
PRIORITY = {"title": 0, "customer": 0, "outstanding": 0, "received": 1, "amount": 1,
            "next_due_on": 1, "status": 2, "number": 2, "signed_on": 2, "owner": 3,
            "ends_on": 4}  # fmt: skip


class ContractsPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ws = ctx.workspace
        self.settings = ctx.settings
        actor = ws.actor
        self.receivables = None  # built when first shown (receivables_view.py)
        self._select_id: int | None = None  # a contract just created: selected once listed

        scopes = ws.contract_scopes()
        self.filters = FilterBar(contract_filters(scopes), ContractFilters(scope=scopes[0]))
        self.filters.query_changed.connect(self._on_query_changed)
        self.search = self.filters.search
        self.scope_combo = self.filters.controls["scope"]
        self.scope_combo.setVisible(len(scopes) > 1)
        self.owner_combo = self.filters.controls["owner_id"]
        self.owner_combo.setVisible(len(scopes) > 1 or actor.role == "finance")
        self.saved_views = SavedViewsBar(ctx, "contracts", self._view_payload)
        self.saved_views.view_chosen.connect(self._on_view_chosen)

        self.list = ListPanel(
            ctx,
            self,
            contract_columns(),
            ws.list_contracts,
            ws.count_contracts,
            ws.contract_ids,
            total_text=contract_words().contracts,
            empty_text=self._empty_text,
        )
        self.model, self.table = self.list.model, self.list.table
        self.banner, self.count_label, self.message = (
            self.list.banner,
            self.list.count_label,
            self.list.message,
        )
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        header = self.table.horizontalHeader()
        self.fitter = ColumnFitter(
            self.table, {i: PRIORITY.get(c.key, 3) for i, c in enumerate(self.model.columns)}
        )
        # The slack to the titles, not to the last column (a date).
        self.fitter.stretch(self.model.column_index("title"), self.model.column_index("customer"))
        self.fitter.offer_menu(
            [c.title for c in self.model.columns], self.model.column_index("number")
        )
        self.fitter.restore(self.settings, "contracts/header")  # then the sort the query has
        header.blockSignals(True)  # the indicator follows the query
        header.setSortIndicator(self.model.column_index("signed_on"), Qt.SortOrder.DescendingOrder)
        header.blockSignals(False)
        self.model.sort_requested.connect(self._on_sort_requested)
        self.model.first_page_loaded.connect(self._on_first_page_loaded)
        opener = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table,
                           context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        opener.activated.connect(self._on_open_clicked)

        self.open_button = QPushButton(self.tr("Open…"))
        set_icon(self.open_button, "edit")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.list.actions = [self.open_button]
        self.new_button = QPushButton(self.tr("New contract…"))
        set_icon(self.new_button, "new")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.new_button.setVisible(actor.role != "finance")  # finance collects, sales sign
        collects = actor.is_admin or actor.is_manager or actor.role == "finance"

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.saved_views, 1)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        self.exporter = ListExporter(
            ctx, self, self.model, header, lambda: self.tr("Contracts"), self.fitter.user_hidden
        )
        bottom.addWidget(self.exporter.button)
        bottom.addWidget(self.open_button)
        listing = QWidget()
        list_layout = QVBoxLayout(listing)
        list_layout.addLayout(top)
        list_layout.addWidget(self.filters)
        list_layout.addWidget(self.banner)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(bottom)
        # Receivables is a tab of its own for those who collect (a rep has only the list): a
        # row of controls for the list would not fit beside the filters at 1000 pixels.
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(listing, self.tr("Contracts"))
        if collects:
            self.tabs.addTab(QWidget(), self.tr("Receivables"))  # built when first shown
        self.tabs.tabBar().setVisible(collects)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)

        ctx.bus.changed.connect(self._on_data_changed)
        self._load_owners()
        self._show_filter_state()
        self.reload()
        if collects and self.settings is not None and self.settings.value(VIEW_SETTING) == "1":
            self.tabs.setCurrentIndex(1)

    # -- loading
    @property
    def query(self) -> ContractFilters:
        return self.filters.query()

    def list_query(self, filters: ContractFilters | None = None) -> ContractQuery:
        """The model's query for what the filters say, today (the user's calendar day)."""
        today = local_day(self.workspace.clock()).date
        return (filters or self.query).to_query(today)

    @property
    def is_counting(self) -> bool:
        """Still loading (the screenshot command waits for it)."""
        return self.list.is_counting

    def reload(self) -> None:
        self.list.set_query(self.list_query())

    def refresh(self) -> None:
        self._load_owners()
        self.reload()
        if self.receivables is not None:
            self.receivables.reload()

    def _load_owners(self) -> None:
        if self.owner_combo.isVisibleTo(self):
            self.ctx.read(self.workspace.contract_owner_choices, self._on_owners_loaded,
                          lambda _exc: None, owner=self, key="owners")  # fmt: skip

    def _on_owners_loaded(self, users) -> None:
        # finance collects and owns no contract: not an owner to filter by
        owners = [u for u in users if u.role != "finance"]
        self.filters.set_choices("owner_id", [(u.name, u.id) for u in owners])

    def _empty_text(self, _query) -> str:
        if self.query.filtered:
            return self.tr("No contract matches the search and filters.")
        return self.tr("No contracts yet. A won deal offers to create its contract; or use "
                       "New contract…")  # fmt: skip

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if change.kinds & RELOAD_KINDS:
            # A colleague's change: the rows shown in place, the user's place kept.
            if change.remote:
                self.list.refresh()
            else:
                self.list.reload()

    def save_layout(self) -> None:
        self.fitter.save()

    def leave(self, proceed, stay=None) -> None:
        proceed()  # nothing here is edited: contracts are edited in their dialog

    # -- the query
    @Slot(object)
    def _on_query_changed(self, query: ContractFilters) -> None:
        if query.scope == "mine" and query.owner_id is not None:
            # "My contracts" of another owner: none, ever.
            self.filters.set_query(replace(query, owner_id=None))
            return
        self.saved_views.mark_custom()
        self._show_filter_state()
        self.list.set_query(self.list_query(query))

    def _show_filter_state(self) -> None:
        self.owner_combo.setEnabled(self.query.scope != "mine")
        self.filters.clear_button.setEnabled(self.query.filtered)

    @Slot(str, bool)
    def _on_sort_requested(self, key: str, descending: bool) -> None:
        if (key, descending) != (self.query.sort, self.query.descending):
            self.filters.update_query(sort=key, descending=descending)

    def _view_payload(self) -> dict:
        return {"filters": self.query.to_dict()}

    @Slot(object)
    def _on_view_chosen(self, view) -> None:
        filters = ContractFilters.from_dict(view.payload.get("filters", {}))
        scopes = self.workspace.contract_scopes()
        if filters.scope not in scopes:  # a view saved by someone who saw more
            filters = replace(filters, scope=scopes[0])
        self.filters.set_query(filters, emit=False)
        self._show_filter_state()
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        order = Qt.SortOrder.DescendingOrder if filters.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(self.model.column_index(filters.sort), order)
        header.blockSignals(False)
        self.list.set_query(self.list_query(filters))

    def show_owner(self, owner_id: int) -> None:
        """The list of one rep's contracts (a rep's line in Receivables)."""
        scopes = self.workspace.contract_scopes()
        scope = self.query.scope if self.query.scope != "mine" else scopes[0]
        self.filters.set_query(replace(self.query, scope=scope, owner_id=owner_id))
        self.tabs.setCurrentIndex(0)

    def show_customer(self, customer_id: int, name: str) -> None:
        """The list of one customer's contracts (a customer's line in Receivables): searched by
        the customer's name, the other filters cleared so none of theirs is left out."""
        scopes = self.workspace.contract_scopes()
        scope = self.query.scope if self.query.scope != "mine" else scopes[0]
        self.filters.set_query(ContractFilters(scope=scope, search=name, sort=self.query.sort,
                                               descending=self.query.descending))  # fmt: skip
        self.tabs.setCurrentIndex(0)

    # -- the two views
    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        if index == 1 and self.receivables is None:
            from crmdesk.views.receivables_view import ReceivablesView

            self.receivables = ReceivablesView(self.ctx)
            self.receivables.owner_activated.connect(self.show_owner)
            self.receivables.customer_activated.connect(self.show_customer)
            self.tabs.blockSignals(True)
            stand_in = self.tabs.widget(1)
            self.tabs.removeTab(1)
            stand_in.deleteLater()
            self.tabs.insertTab(1, self.receivables, self.tr("Receivables"))
            self.tabs.setCurrentIndex(1)
            self.tabs.blockSignals(False)
        if self.settings is not None:
            self.settings.setValue(VIEW_SETTING, str(index))

    # -- opening contracts
    def open_contract(self, contract_id: int | None) -> None:
        from crmdesk.views.contract_dialog import open_contract_dialog

        open_contract_dialog(self.ctx, self, contract_id=contract_id)

    @Slot()
    def _on_new_clicked(self) -> None:
        from crmdesk.views.contract_dialog import open_contract_dialog

        dialog = open_contract_dialog(self.ctx, self, contract_id=None)
        if dialog is not None:
            dialog.finished.connect(self._on_new_dialog_finished)

    @Slot()
    def _on_new_dialog_finished(self) -> None:
        dialog = self.sender()
        # created_id: the contract the dialog saved; contract_id: one saved without its plan
        created = getattr(dialog, "created_id", None) or getattr(dialog, "contract_id", None)
        if created is not None:
            self.select_contract(int(created))

    def select_contract(self, contract_id: int) -> None:
        """Select the contract's row: now if it is listed, else once the list has read again
        (its save's change reloads the list); not at all when the filters leave it out."""
        row = self.model.row_of_id(contract_id)
        if row is not None:
            self._select_id = None
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        elif self.model.is_loading:
            self._select_id = contract_id

    @Slot()
    def _on_first_page_loaded(self) -> None:
        contract_id, self._select_id = self._select_id, None
        if contract_id is not None:
            self.select_contract(contract_id)

    @Slot()
    def _on_open_clicked(self) -> None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else index.row() if index.isValid() else -1
        contract_id = self.model.id_at(row) if row >= 0 else None
        if contract_id is not None:
            self.open_contract(contract_id)

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        contract_id = self.model.id_at(index.row()) if index.isValid() else None
        if contract_id is not None:
            self.open_contract(contract_id)
