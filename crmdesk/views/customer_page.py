"""The customer list page: search as you type, filters, saved views, sorting, bulk actions and
the detail panel beside the list."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.customers import CustomerQuery
from crmdesk.models.errors import CrmError
from crmdesk.models.schema import LEVELS, STATUSES
from crmdesk.models.workspace import Workspace
from crmdesk.tasks import SyncRunner, TaskRunner
from crmdesk.views.bulk_dialogs import AssignDialog, TagDialog
from crmdesk.views.customer_detail import CustomerDetailPanel
from crmdesk.views.customer_dialog import CustomerDialog
from crmdesk.views.customer_model import PAGE_SIZE, CustomerTableModel
from crmdesk.views.errors import show_error
from crmdesk.views.labels import status_label

SEARCH_DEBOUNCE_MS = 200
COUNT_DELAY_MS = 250


class CustomersPage(QWidget):
    data_changed = Signal()  # after a write, so other pages (recycle bin) can reload

    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        runner: TaskRunner | SyncRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        # Counting 1M rows and reading the filter choices take longer than a frame: off-thread.
        self.runner = runner or SyncRunner()
        self._generation = 0  # a count that arrives for an older query is dropped
        self._building = True  # the header "sorts" while being set up: one reload, at the end
        # While someone types, counts of the prefixes they pass through would only compete with
        # the pages they do want; a count starts once the query has held still a moment.
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._on_count_timer_timeout)
        self._counting = False
        self.settings = settings
        self.query = CustomerQuery(scope="all")
        self._updating_filters = False

        # search and saved views
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, contact or phone…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_search_timer_timeout)
        self.search.textChanged.connect(self._debounce.start)
        self.views = QComboBox()
        self.views.setMinimumWidth(160)
        self.views.activated.connect(self._on_view_activated)
        self.save_view_button = QPushButton(self.tr("Save view…"))
        self.save_view_button.clicked.connect(self._on_save_view_clicked)
        self.delete_view_button = QToolButton()
        self.delete_view_button.setText(self.tr("Delete view"))
        self.delete_view_button.clicked.connect(self._on_delete_view_clicked)

        # filters
        self.scope = QComboBox()
        scope_names = {
            "mine": self.tr("My customers"),
            "team": self.tr("My team"),
            "all": self.tr("All I can see"),
        }
        for scope in self._allowed_scopes():
            self.scope.addItem(scope_names[scope], scope)
        self.level = self._choice_combo(self.tr("Any level"), [(lv, lv) for lv in LEVELS])
        self.status = self._choice_combo(
            self.tr("Any status"), [(status_label(s), s) for s in STATUSES]
        )
        self.industry = self._choice_combo(self.tr("Any industry"), [])
        self.province = self._choice_combo(self.tr("Any province"), [])
        self.source = self._choice_combo(self.tr("Any source"), [])
        self.overdue = QCheckBox(self.tr("Follow-up overdue"))
        self.clear_filters = QPushButton(self.tr("Clear filters"))
        self.clear_filters.clicked.connect(self._on_clear_filters_clicked)
        for combo in (
            self.scope,
            self.level,
            self.status,
            self.industry,
            self.province,
            self.source,
        ):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.overdue.toggled.connect(self._on_filter_changed)

        # actions
        self.new_button = QPushButton(self.tr("New customer…"))
        self.new_button.clicked.connect(self._on_new_clicked)
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.assign_button.clicked.connect(self._on_assign_clicked)
        self.tag_button = QPushButton(self.tr("Tags…"))
        self.tag_button.clicked.connect(self._on_tag_clicked)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        # the table
        self.model = CustomerTableModel(self._fetch_page, self)
        self.model.sort_requested.connect(self._on_sort_requested)
        self.model.fetch_failed.connect(self._on_fetch_failed, Qt.ConnectionType.QueuedConnection)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
        header.setSortIndicator(self._column_index("updated_at"), Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        delete_action = QAction(self.table)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.triggered.connect(self._on_delete_clicked)
        self.table.addAction(delete_action)

        # The detail panel is ~80 ms of widgets: it is built right after the first paint, not
        # before it (or at once when something asks for it).
        self._detail: CustomerDetailPanel | None = None
        self._choices = None
        placeholder = QLabel(self.tr("Select a customer to see the details."))
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(placeholder)
        QTimer.singleShot(0, self._ensure_detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 420])

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(QLabel(self.tr("View:")))
        top.addWidget(self.views, 1)
        top.addWidget(self.save_view_button)
        top.addWidget(self.delete_view_button)
        top.addStretch(0)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        for w in (
            self.scope,
            self.level,
            self.status,
            self.industry,
            self.province,
            self.source,
            self.overdue,
            self.clear_filters,
        ):
            filters.addWidget(w)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        for b in (self.assign_button, self.tag_button, self.delete_button):
            actions.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)

        self._restore_layout()
        self._building = False
        self._load_choices()
        self._load_views()
        self.reload()

    # -- building blocks
    def _allowed_scopes(self) -> list[str]:
        actor = self.workspace.actor
        if actor.is_admin:
            return ["all", "team", "mine"] if actor.team_id else ["all", "mine"]
        if actor.is_manager and actor.team_id:
            return ["team", "mine"]
        return ["mine"]

    def _choice_combo(self, any_text: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(any_text, "")
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def _column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.model.columns) if c.key == key)

    def _fetch_page(self, offset: int, limit: int):
        return self.workspace.list_customers(self.query, offset, limit)

    def _load_choices(self) -> None:
        self.runner.read(
            self.workspace.filter_choices, self._on_choices_loaded, self._on_task_failed
        )

    @Slot(object)
    def _on_choices_loaded(self, choices: object) -> None:
        self._updating_filters = True
        for combo, values in (
            (self.industry, choices.industries),
            (self.province, choices.provinces),
            (self.source, choices.sources),
        ):
            current = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for v in values:
                combo.addItem(v, v)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self._updating_filters = False
        self._choices = choices
        if self._detail is not None:
            self._detail.set_choices(choices.industries, choices.provinces, choices.sources)

    def _load_views(self, select_id: int | None = None) -> None:
        self.views.clear()
        self.views.addItem(self.tr("(current filters)"), None)
        for view in self.workspace.saved_views("customers"):
            self.views.addItem(view.name, view)
            if view.id == select_id:
                self.views.setCurrentIndex(self.views.count() - 1)
        self.delete_view_button.setEnabled(self.views.currentData() is not None)

    @property
    def detail(self) -> CustomerDetailPanel:
        return self._ensure_detail()

    @Slot()
    def _ensure_detail(self) -> CustomerDetailPanel:
        if self._detail is None:
            panel = CustomerDetailPanel(self.workspace)
            panel.changed.connect(self._on_detail_changed)
            if self._choices is not None:
                c = self._choices
                panel.set_choices(c.industries, c.provinces, c.sources)
            sizes = self.splitter.sizes()
            self.splitter.replaceWidget(1, panel).deleteLater()
            self.splitter.setSizes(sizes)
            self._detail = panel
        return self._detail

    # -- the query
    def query_from_controls(self) -> CustomerQuery:
        return CustomerQuery(
            search=self.search.text(),
            scope=self.scope.currentData() or "mine",
            level=self.level.currentData() or "",
            status=self.status.currentData() or "",
            industry=self.industry.currentData() or "",
            province=self.province.currentData() or "",
            source=self.source.currentData() or "",
            overdue=self.overdue.isChecked(),
            sort=self.query.sort,
            descending=self.query.descending,
        )

    def apply_query(self, query: CustomerQuery) -> None:
        """Put a query into the controls (a saved view) and reload once."""
        self._updating_filters = True
        self.search.blockSignals(True)
        self.search.setText(query.search)
        self.search.blockSignals(False)
        for combo, value in (
            (self.scope, query.scope),
            (self.level, query.level),
            (self.status, query.status),
            (self.industry, query.industry),
            (self.province, query.province),
            (self.source, query.source),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.overdue.setChecked(query.overdue)
        self._updating_filters = False
        self.query = query
        column = (
            self._column_index(query.sort)
            if query.sort in {c.key for c in self.model.columns}
            else self._column_index("updated_at")
        )
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(
            column,
            Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)
        self.query = self.query_from_controls()
        self.reload()

    def reload(self) -> None:
        """The first page now; the count (a scan at 1M rows) arrives from a worker thread and
        grows the rows to their true number. Later pages are fetched as the view scrolls."""
        try:
            first = self.workspace.list_customers(self.query, 0, PAGE_SIZE)
        except CrmError as exc:
            show_error(self, exc)
            return
        selected = self.selected_ids()
        self._generation += 1
        self._counting = len(first) == PAGE_SIZE  # a short first page is the whole answer
        self.model.reset(len(first), first, self.workspace.clock())
        self._update_count()
        if self._counting:
            self._count_timer.start()
        if len(selected) == 1:  # keep the customer being worked on selected
            row = self.model.row_of_id(selected[0])
            if row is not None:
                self.table.selectRow(row)
            elif self._detail is not None:
                self._detail.show_customer(None)

    @Slot()
    def _on_count_timer_timeout(self) -> None:
        generation, query = self._generation, self.query
        self.runner.read(
            lambda: (generation, self.workspace.count_customers(query)),
            self._on_count_loaded,
            self._on_task_failed,
        )

    @property
    def is_counting(self) -> bool:
        return self._counting

    @Slot(object)
    def _on_count_loaded(self, result: object) -> None:
        generation, total = result
        if generation != self._generation:
            return
        self._counting = False
        self.model.set_total(total)
        self._update_count()

    @Slot(object)
    def _on_task_failed(self, exc: object) -> None:
        self._counting = False
        show_error(self, exc)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        selected = len(self.table.selectionModel().selectedRows())
        if self._counting:
            text = self.tr("Counting customers…")
        else:
            text = self.tr("%n customer(s)", "", total)
        if selected > 1:
            text += " · " + self.tr("%n selected", "", selected)
        self.count_label.setText(text)
        has = selected > 0
        for b in (self.assign_button, self.tag_button, self.delete_button):
            b.setEnabled(has)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        if rows and len(rows) == self.model.rowCount() and len(rows) >= PAGE_SIZE:
            return self.workspace.customer_ids(self.query)  # "select all": ask SQL, not pages
        return [cid for cid in (self.model.id_at(r) for r in rows) if cid is not None]

    # -- slots
    @Slot()
    def _on_search_timer_timeout(self) -> None:
        self._on_filter_changed()

    @Slot()
    def _on_filter_changed(self) -> None:
        if self._updating_filters:
            return
        self.query = self.query_from_controls()
        self.views.setCurrentIndex(0)
        self.delete_view_button.setEnabled(False)
        self.reload()

    @Slot()
    def _on_clear_filters_clicked(self) -> None:
        self.apply_query(
            CustomerQuery(
                scope=self._allowed_scopes()[0],
                sort=self.query.sort,
                descending=self.query.descending,
            )
        )

    @Slot(str, bool)
    def _on_sort_requested(self, key: str, descending: bool) -> None:
        if self._building or (key, descending) == (self.query.sort, self.query.descending):
            return
        self.query = CustomerQuery(
            **{**self.query.to_dict(), "sort": key, "descending": descending}
        )
        self.reload()

    @Slot(object)
    def _on_fetch_failed(self, exc: object) -> None:
        show_error(self, exc)

    @Slot()
    def _on_selection_changed(self) -> None:
        self._update_count()
        rows = self.table.selectionModel().selectedRows()
        customer_id = self.model.id_at(rows[0].row()) if len(rows) == 1 else None
        shown = self.detail.detail.id if self.detail.detail else None
        if customer_id != shown:
            self.detail.show_customer(customer_id)

    @Slot(int)
    def _on_detail_changed(self, _customer_id: int) -> None:
        self.reload()
        self.data_changed.emit()

    @Slot(int)
    def _on_view_activated(self, index: int) -> None:
        view = self.views.itemData(index)
        self.delete_view_button.setEnabled(view is not None)
        if view is None:
            return
        payload = view.payload
        self.set_visible_columns(payload.get("columns") or [])
        self.apply_query(CustomerQuery.from_dict(payload.get("query", {})))
        self.views.setCurrentIndex(index)
        self.delete_view_button.setEnabled(True)

    @Slot()
    def _on_save_view_clicked(self) -> None:
        current = self.views.currentData()
        name, ok = QInputDialog.getText(
            self,
            self.tr("Save view"),
            self.tr("Name of this view:"),
            text=current.name if current else "",
        )
        if not ok or not name.strip():
            return
        payload = {"query": self.query.to_dict(), "columns": self.visible_columns()}
        try:
            view_id = self.workspace.save_view("customers", name, payload)
        except CrmError as exc:
            show_error(self, exc)
            return
        self._load_views(select_id=view_id)

    @Slot()
    def _on_delete_view_clicked(self) -> None:
        view = self.views.currentData()
        if view is None:
            return
        try:
            self.workspace.delete_view(view.id)
        except CrmError as exc:
            show_error(self, exc)
            return
        self._load_views()

    @Slot()
    def _on_new_clicked(self) -> None:
        self.new_customer()

    def new_customer(self) -> None:
        dialog = CustomerDialog(self.workspace, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created_id is not None:
            self._load_choices()
            self.reload()
            row = self.model.row_of_id(dialog.created_id)
            if row is not None:
                self.table.selectRow(row)
            else:
                self.detail.show_customer(dialog.created_id)
            self.data_changed.emit()

    def _bulk(self, action) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            action(ids)
        except CrmError as exc:
            show_error(self, exc)
        self.reload()
        self.data_changed.emit()

    @Slot()
    def _on_assign_clicked(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        dialog = AssignDialog(self.workspace.assignable_users(), len(ids), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            user_id, code, text = dialog.value()
            self._bulk(lambda ids: self.workspace.assign_customers(ids, user_id, code, text))

    @Slot()
    def _on_tag_clicked(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        dialog = TagDialog(count, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            tag, add = dialog.value()
            self._bulk(lambda ids: self.workspace.change_tag(ids, tag, add))

    @Slot()
    def _on_delete_clicked(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        if not count:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete customers"),
            self.tr(
                "Move %n customer(s) to the recycle bin? You can restore them from there.",
                "",
                count,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._bulk(self.workspace.delete_customers)
            self.detail.show_customer(None)

    # -- columns and layout
    def visible_columns(self) -> list[str]:
        header = self.table.horizontalHeader()
        order = sorted(range(len(self.model.columns)), key=header.visualIndex)
        return [self.model.columns[i].key for i in order if not header.isSectionHidden(i)]

    def set_visible_columns(self, keys: list[str]) -> None:
        if not keys:
            return
        header = self.table.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            header.setSectionHidden(i, column.key not in keys)
        for target, key in enumerate(k for k in keys if k in {c.key for c in self.model.columns}):
            logical = self._column_index(key)
            header.moveSection(header.visualIndex(logical), target)

    @Slot("QPoint")
    def _on_header_menu_requested(self, pos) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for i, column in enumerate(self.model.columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(column.key != "name")
            action.toggled.connect(lambda on, i=i: header.setSectionHidden(i, not on))
        menu.exec(header.mapToGlobal(pos))

    def _restore_layout(self) -> None:
        if self.settings is None:
            return
        state = self.settings.value("customers/header")
        if isinstance(state, QByteArray):
            self.table.horizontalHeader().restoreState(state)
        split = self.settings.value("customers/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        # sorting always starts from the query, not from a stale indicator
        self.table.horizontalHeader().setSortIndicator(
            self._column_index("updated_at"), Qt.SortOrder.DescendingOrder
        )
        scope = self.scope.findData("all")
        if scope >= 0:
            self.scope.setCurrentIndex(scope)
        self.query = self.query_from_controls()

    def save_layout(self) -> None:
        if self.settings is None:
            return
        self.settings.setValue("customers/header", self.table.horizontalHeader().saveState())
        self.settings.setValue("customers/splitter", self.splitter.saveState())
