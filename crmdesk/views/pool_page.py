"""The public pool (公海) page: the pools I may see, one pool's customers in the same windowed
list, filter bar and saved views as the customer list, the selected customer's history beside
it (read-only, contacts masked), Claim with my room always in sight, and for a pool's admins
Assign… and Move…. Every read and write goes through the task runner; a claim's change comes
back on the change bus, which reloads the list and my room."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.models.pool import PoolRow
from crmdesk.models.pool_actions import MAX_AT_ONCE
from crmdesk.models.pool_list import PoolChoices, PoolQuery
from crmdesk.views.bulk_actions import loaded_selected_ids, selected_count
from crmdesk.views.bulk_dialogs import AssignDialog
from crmdesk.views.column_fit import ColumnFitter
from crmdesk.views.context import PageContext
from crmdesk.views.customer_detail import CustomerDetailPanel
from crmdesk.views.errors import error_text, show_error
from crmdesk.views.filter_bar import FilterBar
from crmdesk.views.icons import set_icon
from crmdesk.views.labels import reason_label
from crmdesk.views.list_export import ListExporter
from crmdesk.views.list_panel import ListPanel
from crmdesk.views.pool_columns import pool_columns, pool_filters
from crmdesk.views.pool_dialogs import MoveDialog, capacity_text, claim_text
from crmdesk.views.saved_views_bar import SavedViewsBar

POOL_SETTING = "pool/last"


class PoolPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ws = ctx.workspace
        self.settings = ctx.settings
        self._pools: list[PoolRow] = []

        self.pool_combo = QComboBox()
        self.pool_combo.setMinimumWidth(160)
        self.pool_combo.addItem(self.tr("Loading…"), 0)
        self.pool_combo.setEnabled(False)
        self.pool_combo.activated.connect(self._on_pool_activated)
        self.filters = FilterBar(pool_filters(), PoolQuery())
        self.filters.query_changed.connect(self._on_query_changed)
        self.search = self.filters.search
        self.saved_views = SavedViewsBar(ctx, "pool", self._view_payload)
        self.saved_views.view_chosen.connect(self._on_view_chosen)

        self.list = ListPanel(
            ctx,
            self,
            pool_columns(),
            ws.list_pool,
            ws.count_pool,
            ws.pool_ids,
            total_text=lambda n: self.tr("%Ln customer(s) in the pool", "", n),
            empty_text=self._empty_text,
        )
        self.model, self.table = self.list.model, self.list.table
        self.banner, self.count_label, self.message = (
            self.list.banner,
            self.list.count_label,
            self.list.message,
        )
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # A narrow list hides the least needed columns first (0: never).
        priority = {"name": 0, "level": 1, "pool_entered_at": 1, "release_code": 1,
                    "released_by": 2, "mobile": 2, "contact": 3, "industry": 3, "province": 4,
                    "last_follow_up_at": 5}  # fmt: skip
        self.fitter = ColumnFitter(
            self.table, {i: priority.get(c.key, 3) for i, c in enumerate(self.model.columns)}
        )
        self.fitter.offer_menu(
            [c.title for c in self.model.columns], self.model.column_index("name")
        )
        self.fitter.restore(self.settings, "pool/header")  # then the sort the query has
        header.blockSignals(True)  # the indicator follows the query
        header.setSortIndicator(
            self.model.column_index("pool_entered_at"), Qt.SortOrder.DescendingOrder
        )
        header.blockSignals(False)
        self.model.sort_requested.connect(self._on_sort_requested)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.capacity_label = QLabel()
        self.capacity_label.setObjectName("capacityLabel")
        self._new_day = QTimer(self, singleShot=True)  # the day's claims start again
        self._new_day.timeout.connect(self._load_capacity)
        self.claim_button = QPushButton(self.tr("Claim"))
        self.claim_button.setToolTip(self.tr("Take the selected customers as your own"))
        set_icon(self.claim_button, "claim")
        self.claim_button.clicked.connect(self._on_claim_clicked)
        self.assign_button = QPushButton(self.tr("Assign…"))
        set_icon(self.assign_button, "assign")
        self.assign_button.clicked.connect(self._on_assign_clicked)
        self.move_button = QPushButton(self.tr("Move…"))
        set_icon(self.move_button, "move")
        self.move_button.clicked.connect(self._on_move_clicked)
        self.list.actions = [self.claim_button, self.assign_button, self.move_button]
        self.settings_button = QPushButton(self.tr("Pool settings…"))
        set_icon(self.settings_button, "settings")
        self.settings_button.clicked.connect(self._on_settings_clicked)

        self.detail = CustomerDetailPanel(ctx)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 420])

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Pool:")))
        top.addWidget(self.pool_combo)
        top.addWidget(self.search, 2)
        top.addWidget(self.saved_views, 1)
        self.exporter = ListExporter(ctx, self, self.model, header,
                                     lambda: self.pool.name if self.pool else self.tr("Pool"),
                                     self.fitter.user_hidden)  # fmt: skip
        top.addWidget(self.exporter.button)
        top.addWidget(self.settings_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.capacity_label)
        for b in (self.assign_button, self.move_button, self.claim_button):
            bottom.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self.list.update()
        self._show_admin_actions()
        ctx.bus.changed.connect(self._on_data_changed)
        self._load_pools()

    # -- loading
    @property
    def query(self) -> PoolQuery:
        return self.filters.query()

    @property
    def pool(self) -> PoolRow | None:
        return next((p for p in self._pools if p.id == self.query.pool_id), None)

    @property
    def is_counting(self) -> bool:
        return self.list.is_counting

    def _load_pools(self) -> None:
        self.ctx.read(self.workspace.pools, self._on_pools_loaded, self._on_pools_failed,
                      owner=self, key="pools")  # fmt: skip

    def _on_pools_loaded(self, pools: list[PoolRow]) -> None:
        self._pools = pools
        current = self.query.pool_id or self._remembered_pool()
        self.pool_combo.clear()
        for p in pools:
            name = p.name if p.enabled else self.tr("%1 (closed)").replace("%1", p.name)
            self.pool_combo.addItem(name, p.id)
        self.pool_combo.setEnabled(len(pools) > 1)
        if not pools:
            self.pool_combo.addItem(self.tr("No pool"), 0)
            self.list.update()
            return
        index = max(0, self.pool_combo.findData(current))
        self.pool_combo.setCurrentIndex(index)
        if self.pool_combo.itemData(index) == self.query.pool_id:
            # The pool shown is still there (its settings, a reason or a cap changed): keep
            # the list and the customer being read; refresh what the settings decide.
            self._show_admin_actions()
            self._load_choices()
            self._load_capacity()
            return
        self._set_pool(self.pool_combo.itemData(index), force=True)

    def _on_pools_failed(self, exc: BaseException) -> None:
        self.banner.show_message(error_text(exc))

    def _remembered_pool(self) -> int:
        value = self.settings.value(POOL_SETTING) if self.settings is not None else None
        try:
            return int(value or 0)
        except (TypeError, ValueError):
            return 0

    @Slot(int)
    def _on_pool_activated(self, index: int) -> None:
        self._set_pool(self.pool_combo.itemData(index))

    def _set_pool(self, pool_id: int, force: bool = False) -> None:
        if pool_id == self.query.pool_id and not force:
            return
        if self.settings is not None:
            self.settings.setValue(POOL_SETTING, pool_id)
        self.filters.set_query(replace(self.query, pool_id=pool_id), emit=False)
        self.detail.show_customer(None)
        self._show_admin_actions()
        self.reload()
        self._load_choices()
        self._load_capacity()

    def reload(self) -> None:
        if self.query.pool_id:
            self.list.set_query(self.query)

    def refresh(self) -> None:
        self._load_pools()

    def _load_choices(self) -> None:
        pool_id = self.query.pool_id
        self.ctx.read(lambda: self.workspace.pool_choices(pool_id), self._on_choices_loaded,
                      owner=self, key="pool_choices")  # fmt: skip
        self.ctx.read(self.workspace.release_reasons, self._on_reasons_loaded, owner=self,
                      key="reasons")  # fmt: skip

    def _on_choices_loaded(self, choices: PoolChoices) -> None:
        for key, values in (
            ("industry", choices.industries),
            ("province", choices.provinces),
            ("source", choices.sources),
        ):
            self.filters.set_choices(key, [(v, v) for v in values])
        self.filters.set_choices("released_by_id", [(name, uid) for uid, name in
                                                    choices.released_by])  # fmt: skip

    def _on_reasons_loaded(self, reasons: list[tuple[str, str]]) -> None:
        codes = [(label or reason_label(code), code) for code, label in reasons]
        codes += [(reason_label(k), k) for k in ("no_follow_up", "not_won")]  # the recycle pass
        self.filters.set_choices("release_code", codes)

    def _load_capacity(self) -> None:
        pool_id = self.query.pool_id
        if not pool_id:
            return
        ws = self.workspace

        def read():
            return ws.capacity(), ws.claims_today(pool_id)

        # A failed read lets Claim go (the claim itself then says what stands in the way).
        self.ctx.read(read, self._on_capacity_loaded,
                      lambda _exc: self.list.hold(self.claim_button, ""), owner=self,
                      key="capacity")  # fmt: skip

    def _on_capacity_loaded(self, loaded) -> None:
        room, claimed = loaded
        pool = self.pool
        left = max(0, pool.daily_claim_cap - claimed) if pool is not None else None
        self.capacity_label.setText(capacity_text(room, left))
        full = room.room == 0 or left == 0
        self.capacity_label.setStyleSheet("color: #d9363e;" if full else "")
        # Every claim would be refused: say so on the button rather than after a click.
        why = ""
        if room.room == 0:
            why = self.tr(
                "You own %Ln customer(s) and your cap is %1: release some before you claim.",
                "",
                room.owned,
            ).replace("%1", QLocale().toString(room.cap))
        elif left == 0 and pool is not None:
            why = self.tr(
                "You have claimed the %1 customers a day this pool allows. Claim again tomorrow."
            ).replace("%1", QLocale().toString(pool.daily_claim_cap))
            # Read again just after midnight: a window left open overnight claims next morning.
            tomorrow = QDateTime(QDate.currentDate().addDays(1), QTime(0, 0, 5))
            self._new_day.start(max(1000, QDateTime.currentDateTime().msecsTo(tomorrow)))
        self.list.hold(self.claim_button, why)

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if change.kinds & {"pools"}:
            self._load_pools()
            return
        if change.touches_customers():
            if change.remote and self.query.pool_id:
                self.list.refresh()  # a colleague's claim: the rest of the list stays put
            else:
                self.reload()
            self._load_capacity()

    def _empty_text(self, q: PoolQuery | None) -> str:
        if not self._pools and not self.pool_combo.isEnabled():
            return self.tr("No pool is open to you. Ask an administrator to add you to one.")
        if q is not None and (q.search or q.level or q.industry or q.province or q.source
                              or q.company_size or q.min_days or q.release_code
                              or q.released_by_id is not None):  # fmt: skip
            return self.tr("No customer in this pool matches the search and filters.")
        return self.tr("This pool is empty: every customer has an owner.")

    # -- the query
    @Slot(object)
    def _on_query_changed(self, query: PoolQuery) -> None:
        self.saved_views.mark_custom()
        if query.pool_id:  # before the pools have loaded there is no list to ask for
            self.list.set_query(query)

    @Slot(str, bool)
    def _on_sort_requested(self, key: str, descending: bool) -> None:
        if (key, descending) != (self.query.sort, self.query.descending):
            self.filters.update_query(sort=key, descending=descending)

    def _view_payload(self) -> dict:
        query = self.query.to_dict()
        query.pop("pool_id")  # a view is filters, not a pool: it applies to any pool
        return {"query": query}

    @Slot(object)
    def _on_view_chosen(self, view) -> None:
        data = {**view.payload.get("query", {}), "pool_id": self.query.pool_id}
        query = PoolQuery.from_dict(data)
        self.filters.set_query(query, emit=False)
        self.list.set_query(query)

    # -- the selection
    def selected_ids(self) -> list[int]:
        """The selected loaded rows' ids (rows not loaded yet are not offered: a claim takes
        a handful, never a whole pool)."""
        return loaded_selected_ids(self.table, self.model, MAX_AT_ONCE)

    def _names(self, ids: list[int]) -> dict[int, str]:
        names = {}
        for cid in ids:
            row = self.model.row_of_id(cid)
            data = self.model.row_at(row) if row is not None else None
            if data is not None:
                names[cid] = data.name
        return names

    @Slot()
    def _on_selection_changed(self) -> None:
        ids = self.selected_ids() if selected_count(self.table) == 1 else []
        self.detail.show_customer(ids[0] if ids else None)

    def _show_admin_actions(self) -> None:
        pool = self.pool
        admin = pool is not None and pool.is_admin(self.workspace.actor)
        self.assign_button.setVisible(admin)
        self.move_button.setVisible(admin)
        self.settings_button.setVisible(admin)

    def save_layout(self) -> None:
        self.fitter.save()

    def leave(self, proceed, stay=None) -> None:
        proceed()  # nothing here is edited

    # -- actions
    @Slot()
    def _on_settings_clicked(self) -> None:
        from crmdesk.views.pool_settings_dialog import PoolSettingsDialog

        dialog = PoolSettingsDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def _on_claim_clicked(self) -> None:
        ids, pool_id = self.selected_ids(), self.query.pool_id
        if not ids or self.list.busy:
            return
        names = self._names(ids)
        self.list.set_busy(True)
        self.message.setText(self.tr("Claiming…"))

        def done(result) -> None:
            self.list.set_busy(False)
            text = claim_text(result.value, names)
            if result.value.claimed:  # first: a notice clears the list's line (ListPanel)
                self.ctx.notify(self.tr("Claimed %Ln customer(s).", "", len(result.value.claimed)))
            self.message.setText(text.splitlines()[0] if text else "")
            if result.value.refused:
                QMessageBox.information(self, self.tr("Claim"), text)

        self.ctx.write(lambda: self.workspace.claim(pool_id, ids), done, self._on_failed,
                       owner=self)  # fmt: skip

    @Slot()
    def _on_assign_clicked(self) -> None:
        ids, pool_id = self.selected_ids(), self.query.pool_id
        if not ids or self.list.busy:
            return
        members = lambda: self.workspace.pool_members(pool_id)  # noqa: E731
        dialog = AssignDialog(self.ctx, len(ids), self, with_reason=False, users=members)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        user_id, _code, _text = dialog.value()
        who = dialog.user.currentText()
        names = self._names(ids)
        self.list.set_busy(True)

        def done(result) -> None:
            self.list.set_busy(False)
            value = result.value
            if value.claimed:
                self.ctx.notify(
                    self.tr("Assigned %Ln customer(s) to %1.", "", len(value.claimed)).replace(
                        "%1", who
                    )
                )
            if value.refused:
                QMessageBox.information(self, self.tr("Assign"), claim_text(value, names))

        self.ctx.write(lambda: self.workspace.assign_from_pool(pool_id, ids, user_id), done,
                       self._on_failed, owner=self)  # fmt: skip

    @Slot()
    def _on_move_clicked(self) -> None:
        ids, pool_id = self.selected_ids(), self.query.pool_id
        if not ids or self.list.busy:
            return
        dialog = MoveDialog(self._pools, pool_id, len(ids), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.value() is None:
            return
        target = dialog.value()
        self.list.set_busy(True)

        def done(result) -> None:
            self.list.set_busy(False)
            self.ctx.notify(self.tr("Moved %Ln customer(s) to %1.", "", result.value).replace(
                "%1", dialog.pool.currentText()))  # fmt: skip

        self.ctx.write(lambda: self.workspace.move_to_pool(pool_id, ids, target), done,
                       self._on_failed, owner=self)  # fmt: skip

    def _on_failed(self, exc: BaseException) -> None:
        self.list.set_busy(False)
        self.message.clear()
        show_error(self, exc)
