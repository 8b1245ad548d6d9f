"""The pipeline page (销售漏斗): one pipeline's open deals as a board of stage columns, or the
same deals as a list; filters for whose deals, a search, the expected close period and stale
deals only. Dragging a card to a column (or a key press) asks the database to move the deal;
the gate's questions and missing fields are asked for in a dialog when it refuses, Won and Lost
ask what closing needs. The board shows the result only when the database agreed; every read
and write goes through the task runner, and every change comes back on the change bus."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.models.deal_board import BoardQuery
from crmdesk.models.pipeline import PipelineRow, StageRow
from crmdesk.views.board import DealRef, DropZone, StageCardsModel, StageColumn
from crmdesk.views.board_keys import BoardKeys
from crmdesk.views.context import PageContext
from crmdesk.views.deal_columns import deal_columns
from crmdesk.views.deal_flow import MoveFlow
from crmdesk.views.deal_words import deal_words, pipeline_name, stage_name
from crmdesk.views.errors import error_text
from crmdesk.views.icons import set_icon
from crmdesk.views.list_export import ListExporter
from crmdesk.views.list_panel import ListPanel
from crmdesk.views.periods import period_dates
from crmdesk.views.pipeline_filters import PeriodCombo
from crmdesk.views.saved_views_bar import SavedViewsBar
from crmdesk.views.widgets import Banner

PIPELINE_SETTING = "pipeline/last"
VIEW_SETTING = "pipeline/view"
SEARCH_DELAY_MS = 250


class PipelinePage(BoardKeys, QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ws = ctx.workspace
        self.settings = ctx.settings
        self._pipelines: list[PipelineRow] = []
        self.pipeline: PipelineRow | None = None
        self.columns: list[StageColumn] = []
        self.flow = MoveFlow(ctx, self)
        self.flow.open_requested.connect(self._open_deal)
        self._follow: tuple[int, int] | None = None  # (deal, stage) a key moved: select it there

        self.pipeline_combo = QComboBox()
        self.pipeline_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.pipeline_combo.addItem(self.tr("Loading…"), 0)
        self.pipeline_combo.setEnabled(False)
        self.pipeline_combo.activated.connect(self._on_pipeline_activated)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search deals or customers"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_filters_changed)
        self.search.textChanged.connect(self._search_timer.start)
        self.scope_combo = QComboBox()
        scopes = {"mine": self.tr("My deals"), "team": self.tr("My team's deals"),
                  "all": self.tr("All deals")}  # fmt: skip
        for key in self._scopes():
            self.scope_combo.addItem(scopes[key], key)
        self.scope_combo.setEnabled(self.scope_combo.count() > 1)
        self.scope_combo.activated.connect(self._on_filters_changed)
        # One rep's deals within the scope (managers and admins; filled off-thread).
        self.owner_combo = QComboBox()
        self.owner_combo.addItem(self.tr("Any owner"), None)
        self.owner_combo.setVisible(self.scope_combo.count() > 1)
        self.owner_combo.activated.connect(self._on_filters_changed)
        self.period_combo = PeriodCombo()
        self.period_combo.activated.connect(self._on_filters_changed)
        self.stale_check = QCheckBox(self.tr("Stale only"))
        self.stale_check.setToolTip(self.tr("Deals that stayed in their stage too long"))
        self.stale_check.toggled.connect(self._on_filters_changed)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        set_icon(self.clear_button, "clear")
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.new_button = QPushButton(self.tr("New deal…"))
        set_icon(self.new_button, "new")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.board_button = QPushButton(self.tr("Board"))
        self.list_button = QPushButton(self.tr("List"))
        set_icon(self.board_button, "board")
        set_icon(self.list_button, "list")
        self.view_group = QButtonGroup(self)
        for i, b in enumerate((self.board_button, self.list_button)):
            b.setCheckable(True)
            self.view_group.addButton(b, i)
        self.board_button.setChecked(True)
        self.view_group.idClicked.connect(self._on_view_clicked)
        self.saved_views = SavedViewsBar(ctx, "pipeline", self._view_payload)
        self.saved_views.view_chosen.connect(self._on_view_chosen)

        self.banner = Banner()
        self.banner.retry_clicked.connect(self.reload)
        self.board_area = QScrollArea()
        self.board_area.setWidgetResizable(True)
        self.board_area.setObjectName("board")
        self.board_holder = QWidget()
        self.board_row = QHBoxLayout(self.board_holder)
        self.board_row.setContentsMargins(0, 0, 0, 0)
        self.board_row.setSpacing(6)
        self.board_area.setWidget(self.board_holder)
        self.won_zone = DropZone("won", self.tr("Drop here: Won"))
        self.lost_zone = DropZone("lost", self.tr("Drop here: Lost"))
        for zone in (self.won_zone, self.lost_zone):
            zone.deal_dropped.connect(self._on_zone_dropped)
        zones = QHBoxLayout()
        zones.addWidget(self.won_zone)
        zones.addWidget(self.lost_zone)
        board = QWidget()
        board_layout = QVBoxLayout(board)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.addWidget(self.board_area, 1)
        board_layout.addLayout(zones)

        self.list = ListPanel(
            ctx,
            self,
            deal_columns(),
            ws.list_deals,
            ws.count_deals,
            ws.deal_ids,
            total_text=lambda n: deal_words().deals(n),
            empty_text=lambda _q: self.tr("No deal matches these filters."),
        )
        self.list.model.sort_requested.connect(self._on_sort_requested)
        self.list.table.setSortingEnabled(True)
        self.list.table.doubleClicked.connect(self._on_list_double_clicked)
        header = self.list.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.blockSignals(True)  # the arrow shows the list's first order, not a new sort
        header.setSortIndicator(
            self.list.model.column_index("stage_entered_at"), Qt.SortOrder.DescendingOrder
        )
        header.blockSignals(False)
        listing = QWidget()
        list_layout = QVBoxLayout(listing)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.list.banner)
        list_layout.addWidget(self.list.table, 1)
        self.exporter = ListExporter(ctx, self, self.list.model, header,
                                     lambda: self.tr("Deals"))  # fmt: skip
        below = QHBoxLayout()
        below.addWidget(self.list.count_label, 1)
        below.addWidget(self.exporter.button)
        list_layout.addLayout(below)
        self.stack = QStackedWidget()
        self.stack.addWidget(board)
        self.stack.addWidget(listing)
        self._sort = ("stage_entered_at", True)

        self.status = QLabel()
        self.status.setObjectName("countLabel")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Pipeline:")))
        top.addWidget(self.pipeline_combo)
        top.addWidget(self.search, 2)
        top.addWidget(self.saved_views, 1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.scope_combo)
        filters.addWidget(self.owner_combo)
        filters.addWidget(self.period_combo)
        filters.addWidget(self.stale_check)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.status)
        filters.addWidget(self.board_button)
        filters.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)

        for keys, step in ((QKeySequence("Ctrl+Right"), 1), (QKeySequence("Ctrl+Left"), -1)):
            shortcut = QShortcut(keys, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.move_selected(s))
        ctx.bus.changed.connect(self._on_data_changed)
        if self.settings is not None and self.settings.value(VIEW_SETTING) == "list":
            self.list_button.setChecked(True)
            self.stack.setCurrentIndex(1)
        self._load_pipelines()
        self._load_owners()

    def _scopes(self) -> list[str]:
        from crmdesk.models.policy import list_scopes

        return list_scopes(self.workspace.actor)

    # -- loading
    @property
    def query(self) -> BoardQuery:
        today = self.workspace.clock().replace(tzinfo=UTC).astimezone().date()  # the user's day
        close_from, close_to = period_dates(self.period_combo.currentData(), today)
        return BoardQuery(
            pipeline_id=self.pipeline.id if self.pipeline else 0,
            scope=self.scope_combo.currentData() or "mine",
            owner_id=self.owner_combo.currentData(),
            search=self.search.text().strip(),
            close_from=close_from,
            close_to=close_to,
            stale_only=self.stale_check.isChecked(),
        )

    @property
    def is_counting(self) -> bool:
        """Still loading (the screenshot command waits for it)."""
        return self._pending > 0 or self.list.is_counting

    _pending = 0

    def _load_owners(self) -> None:
        if self.owner_combo.isVisible() or self.scope_combo.count() > 1:
            self.ctx.read(self.workspace.board_owner_choices, self._on_owners_loaded,
                          lambda _exc: None, owner=self, key="owners")  # fmt: skip

    def _on_owners_loaded(self, users) -> None:
        current = self.owner_combo.currentData()
        self.owner_combo.clear()
        self.owner_combo.addItem(self.tr("Any owner"), None)
        for u in users:
            self.owner_combo.addItem(u.name, u.id)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(current)))

    def _load_pipelines(self) -> None:
        self.ctx.read(self.workspace.pipelines, self._on_pipelines_loaded, self._on_load_failed,
                      owner=self, key="pipelines")  # fmt: skip

    def _on_pipelines_loaded(self, pipelines: list[PipelineRow]) -> None:
        self._pipelines = pipelines
        wanted = self.pipeline.id if self.pipeline else self._remembered()
        self.pipeline_combo.clear()
        for p in pipelines:
            self.pipeline_combo.addItem(pipeline_name(p), p.id)
        self.pipeline_combo.setEnabled(len(pipelines) > 1)
        if not pipelines:
            self.pipeline_combo.addItem(self.tr("No pipeline"), 0)
            self.banner.show_message(self.tr("There is no pipeline yet: an administrator sets "
                                             "one up in Pipeline settings."))  # fmt: skip
            return
        index = max(0, self.pipeline_combo.findData(wanted))
        self.pipeline_combo.setCurrentIndex(index)
        self._set_pipeline(pipelines[index])

    def _remembered(self) -> int:
        value = self.settings.value(PIPELINE_SETTING) if self.settings is not None else None
        try:
            return int(value or 0)
        except (TypeError, ValueError):
            return 0

    @Slot(int)
    def _on_pipeline_activated(self, index: int) -> None:
        pipeline = next(p for p in self._pipelines if p.id == self.pipeline_combo.itemData(index))
        if self.settings is not None:
            self.settings.setValue(PIPELINE_SETTING, pipeline.id)
        self._set_pipeline(pipeline)

    def _set_pipeline(self, pipeline: PipelineRow) -> None:
        """Build the columns for this pipeline's open stages (again only if they changed)."""
        same = self.pipeline is not None and [s.id for s in self.pipeline.open_stages] == [
            s.id for s in pipeline.open_stages
        ]
        self.pipeline = pipeline
        self.flow.pipeline = pipeline
        if not same:
            for column in self.columns:
                self.board_row.removeWidget(column)
                column.deleteLater()
            self.columns = []
            for stage in pipeline.open_stages:
                self.columns.append(self._column(stage))
                self.board_row.addWidget(self.columns[-1], 1)
        else:
            for column, stage in zip(self.columns, pipeline.open_stages, strict=True):
                column.title.setText(stage_name(stage))
        self.reload()

    def _column(self, stage: StageRow) -> StageColumn:
        ws = self.workspace

        def fetch(query, offset, limit, sid=stage.id):
            return ws.stage_cards(query, sid, offset, limit)

        def count(query, sid=stage.id, **_):
            return ws.count_stage(query, sid)

        model = StageCardsModel(stage.id, fetch, count, self.ctx.runner, ws.clock, self)
        model.deal_dropped.connect(self._on_column_dropped)
        column = StageColumn(stage_name(stage), model)
        column.list.doubleClicked.connect(self._on_card_double_clicked)
        column.list.drag_started.connect(self.flow.drag_started)
        column.list.drag_finished.connect(self.flow.drag_finished)
        model.first_page_loaded.connect(self._on_column_loaded)
        column.list.installEventFilter(self)
        column.list.selectionModel().selectionChanged.connect(
            lambda selected, _deselected, c=column: self._one_selection(c, selected)
        )
        return column

    def refresh(self) -> None:
        """The window's Refresh: the board read again where it is (selection, scroll kept)."""
        self.reload(in_place=True)

    def reload(self, stage_ids: set[int] | None = None, *, in_place: bool = False) -> None:
        """Everything shown, or only these stages' columns (a move of ours: the two columns
        it touched) and the figures. in_place (a colleague's change): the cards shown are read
        again where they are, each column's selection and scroll kept."""
        if self.pipeline is None:
            return
        self.banner.hide()
        query = self.query
        if self.stack.currentIndex() == 1:
            if in_place:
                self.list.refresh()
            else:
                self.list.set_query(self._list_query(query))
            return
        # The cards first: they are what the user watches after a drop; the figures follow.
        for column in self.columns:
            if stage_ids is None or column.stage_id in stage_ids:
                if in_place:
                    column.model.refresh()
                else:
                    column.model.set_query(query)
        self._pending += 1
        self.ctx.read(lambda: self.workspace.board_columns(query), self._on_figures_loaded,
                      self._on_load_failed, owner=self, key="figures")  # fmt: skip

    def _list_query(self, query: BoardQuery):
        key, descending = self._sort
        return replace(query, sort=key, descending=descending)

    def _on_figures_loaded(self, figures) -> None:
        self._pending = max(0, self._pending - 1)
        by_stage = {f.stage_id: f for f in figures}
        total = 0
        for column in self.columns:
            f = by_stage.get(column.stage_id)
            if f is not None:
                column.set_figures(f.count, f.total, f.weighted)
                total += f.count
        self.status.setText(deal_words().deals(total))

    def _on_load_failed(self, exc: BaseException) -> None:
        self._pending = max(0, self._pending - 1)
        self.banner.show_message(error_text(exc))

    @Slot()
    def _on_filters_changed(self, *_args) -> None:
        self.saved_views.mark_custom()  # the board no longer shows the chosen view
        self._show_filter_state()
        self.reload()

    def _show_filter_state(self) -> None:
        mine = self.scope_combo.currentData() == "mine"
        if mine and self.owner_combo.currentIndex() > 0:
            self.owner_combo.setCurrentIndex(0)  # "my deals" of another owner: none, ever
        self.owner_combo.setEnabled(not mine)
        q = self.query
        filtered = bool(q.search or q.owner_id or q.close_from or q.close_to or q.stale_only)
        self.clear_button.setEnabled(filtered)
        for column in self.columns:
            column.list.filtered = filtered

    @Slot()
    def _on_clear_clicked(self) -> None:
        for widget in (self.search, self.owner_combo, self.period_combo, self.stale_check):
            widget.blockSignals(True)
        self.search.clear()
        self.owner_combo.setCurrentIndex(0)
        self.period_combo.setCurrentIndex(0)
        self.stale_check.setChecked(False)
        for widget in (self.search, self.owner_combo, self.period_combo, self.stale_check):
            widget.blockSignals(False)
        self._on_filters_changed()

    @Slot(int)
    def _on_view_clicked(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        if self.settings is not None:
            self.settings.setValue(VIEW_SETTING, "list" if index else "board")
        self.reload()

    @Slot(str, bool)
    def _on_sort_requested(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.reload()

    # -- saved views: the filters (not the pipeline: a view applies to any)
    def _view_payload(self) -> dict:
        return {
            "scope": self.scope_combo.currentData(),
            "owner_id": self.owner_combo.currentData(),
            "search": self.search.text(),
            "period": self.period_combo.currentData(),
            "stale_only": self.stale_check.isChecked(),
            "view": "list" if self.stack.currentIndex() else "board",
        }

    @Slot(object)
    def _on_view_chosen(self, view) -> None:
        data = view.payload
        combos = ((self.scope_combo, "scope"), (self.period_combo, "period"),
                  (self.owner_combo, "owner_id"))  # fmt: skip
        for combo, key in combos:
            index = combo.findData(data.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        self.search.blockSignals(True)
        self.search.setText(str(data.get("search", "")))
        self.search.blockSignals(False)
        self.stale_check.blockSignals(True)
        self.stale_check.setChecked(bool(data.get("stale_only")))
        self.stale_check.blockSignals(False)
        view_index = 1 if data.get("view") == "list" else 0
        self.view_group.button(view_index).setChecked(True)
        self.stack.setCurrentIndex(view_index)
        self.reload()

    # -- changes
    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        touched, self.flow.touched = self.flow.touched, None
        if change.kinds & {"pipelines"}:
            self._load_pipelines()
        elif change.kinds & {"deals", "approvals"}:
            self.reload(touched, in_place=change.remote)
        elif change.kinds & {"deleted", "restored", "edited", "ownership"}:
            # a customer's name, its bin or its owner shows on the cards
            self.reload(in_place=change.remote)

    # -- moving
    @Slot(object, int)
    def _on_column_dropped(self, refs: list[DealRef], stage_id: int) -> None:
        self.flow.move(refs, stage_id)

    @Slot(object, str)
    def _on_zone_dropped(self, refs: list[DealRef], kind: str) -> None:
        if self.pipeline is not None:
            self.flow.move(refs, self.pipeline.final(kind).id)

    # -- opening deals
    def _open_deal(self, deal_id: int | None) -> None:
        from crmdesk.views.deal_dialog import open_deal_dialog

        open_deal_dialog(self.ctx, self, deal_id=deal_id, pipeline=self.pipeline)

    @Slot()
    def _on_new_clicked(self) -> None:
        self._open_deal(None)

    def _on_card_double_clicked(self, index) -> None:
        card = index.model().loaded_row(index.row()) if index.isValid() else None
        if card is not None:
            self._open_deal(card.id)

    def _on_list_double_clicked(self, index) -> None:
        deal_id = self.list.model.id_at(index.row())
        if deal_id is not None:
            self._open_deal(deal_id)
