"""The Targets page (目标): pick a metric, a year, a period and a scope (the company, a team or a
rep the user may see); the Dashboard tab shows progress against the target (cards, the monthly
bars with the target line, the ranking of reps or teams) from one read of the workspace; the
Distribution tab edits the targets themselves (target_editor.py).

Everything goes through the task runner (ctx.read / ctx.write): the GUI thread never waits on
the database. The page reads again when targets or what they count change (the change bus),
or, when it was hidden then, once it is shown. Unsaved targets are never thrown away: moving to
another metric or year, or leaving the page, asks first (prompts.leave); a reload keeps them.

Clicking a month's bar opens the rows behind it (the won deals, the new customers or the
follow-ups; payments have no such list) in the reports' drill dialog: the rows the bar counts,
by its own rules (workspace.target_month_rows), those the user may not open among them hidden;
the page also says which month was clicked (month_clicked)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.models.periods import MAX_YEAR, MIN_YEAR, Period
from crmdesk.models.target_achieved import DRILL_METRICS
from crmdesk.models.today import local_day
from crmdesk.tasks import SyncRunner
from crmdesk.views import prompts
from crmdesk.views import target_words as words
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.target_dashboard import DashboardPanel
from crmdesk.views.target_editor import DistributionPanel
from crmdesk.views.widgets import Banner

RELOAD_KINDS = frozenset({"targets", "deals", "payments", "contracts", "created", "follow_up",
                          "deleted", "restored"})  # fmt: skip
DRILL_MEASURES = DRILL_METRICS  # payments: no list of rows


def default_scope(actor) -> tuple[str, int]:
    """Where the dashboard opens: an admin (or finance) on the company, a manager on the team,
    a rep on themself."""
    if actor.is_admin or actor.role not in ("rep", "manager"):
        return ("company", 0)
    if actor.is_manager and actor.team_id is not None:
        return ("team", actor.team_id)
    return ("rep", actor.id)


def find(box: QComboBox, data) -> int:
    """The item holding `data` (findData compares Python tuples by identity, not value)."""
    for i in range(box.count()):
        if tuple(box.itemData(i) or ()) == tuple(data):
            return i
    return -1


class TargetsPage(QWidget):
    month_clicked = Signal(object, str, int)  # the month (Period), scope, scope id
    open_requested = Signal(int)  # a customer of a drill-down to show (the window opens it)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        actor = self.workspace.actor
        today = local_day(self.workspace.clock()).date
        self.metric_code = "won_amount"
        self.year = today.year
        self.quarter_month = (0, 0)
        self.scope = default_scope(actor)
        self.level = "rep"
        self._stale = False
        self.drill_dialog = None

        self.metric_box = QComboBox()
        for code, name in words.metrics():
            self.metric_box.addItem(name, code)
        self.year_box = QSpinBox()
        self.year_box.setRange(MIN_YEAR, MAX_YEAR)
        self.year_box.setValue(self.year)
        self.period_box = QComboBox()
        for key, name in words.period_choices():
            self.period_box.addItem(name, key)
        self.scope_box = QComboBox()
        self.scope_box.setMinimumContentsLength(14)
        self.scope_box.addItem(self._scope_text(None), self.scope)
        bar = QHBoxLayout()
        for label, box in (
            (self.tr("Metric"), self.metric_box),
            (self.tr("Year"), self.year_box),
            (self.tr("Period"), self.period_box),
            (self.tr("Scope"), self.scope_box),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(box)
            bar.addSpacing(10)
        bar.addStretch(1)
        self.banner = Banner()
        self.banner.retry_clicked.connect(self.reload)

        # The tests' synchronous runner draws at once; the real one loads the charts off the
        # GUI thread while the cards and the ranking paint.
        self.dashboard = DashboardPanel(load_charts_now=isinstance(ctx.runner, SyncRunner))
        self.dashboard.level_changed.connect(self._on_level_changed)
        self.dashboard.month_clicked.connect(self._on_month_clicked)
        self.editor = DistributionPanel(ctx)
        self.editor.grid_loaded.connect(self._on_grid_loaded)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.addTab(self.editor, self.tr("Distribution"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        self.metric_box.currentIndexChanged.connect(self._on_metric_year_changed)
        self.year_box.valueChanged.connect(self._on_metric_year_changed)
        self.period_box.currentIndexChanged.connect(self._on_period_changed)
        self.scope_box.currentIndexChanged.connect(self._on_scope_changed)
        ctx.bus.changed.connect(self._on_changed)
        self._grid_asked = False
        self.reload_dashboard()

    # -- what is chosen
    @property
    def period(self) -> Period:
        quarter, month = self.quarter_month
        return Period(self.year, quarter, month)

    def _scope_text(self, row) -> str:
        if row is None:
            return words.company_name() if self.scope[0] == "company" else "…"
        if row.scope == "company":
            return words.company_name()
        return "\u2003" * row.depth + row.name  # indented: the tree's shape in a list

    def select(
        self,
        metric: str | None = None,
        year: int | None = None,
        period: Period | None = None,
        scope: tuple[str, int] | None = None,
    ) -> None:
        """Choose as the user would through the selectors (tests, other pages)."""
        if metric is not None:
            self.metric_box.setCurrentIndex(self.metric_box.findData(metric))
        if year is not None:
            self.year_box.setValue(year)
        if period is not None:
            self.period_box.setCurrentIndex(find(self.period_box, (period.quarter, period.month)))
        if scope is not None:
            self.scope_box.setCurrentIndex(find(self.scope_box, scope))

    # -- reading
    def refresh(self) -> None:
        """The window's Refresh."""
        self.reload()

    @Slot()
    def reload(self) -> None:
        self.reload_dashboard()
        if self._grid_asked:
            self.editor.reload()

    def reload_dashboard(self) -> None:
        if not self.isVisible() and self.dashboard.has_data:
            self._stale = True  # read when shown again
            return
        self._stale = False
        ws = self.workspace
        metric, period, scope, level = self.metric_code, self.period, self.scope, self.level
        self.ctx.read(
            lambda: (ws.target_dashboard(metric, period, scope[0], scope[1], level), level),
            self._on_dashboard_loaded, self._on_read_failed, owner=self, key="dashboard",
        )  # fmt: skip

    def _on_dashboard_loaded(self, result) -> None:
        (progress, ranking), level = result
        self.banner.hide()
        self.dashboard.set_data(progress, ranking, level)
        self._ask_grid()

    def _on_read_failed(self, exc: BaseException) -> None:
        self.banner.show_message(error_text(exc))
        self.dashboard.load_charts()
        self._ask_grid()

    def _ask_grid(self) -> None:
        """The grid (the editor's, and the scope list) is read once the dashboard has come:
        the first paint does not share the read threads, or the GIL, with it."""
        if not self._grid_asked:
            self._grid_asked = True
            self.editor.load(self.metric_code, self.year)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload_dashboard()

    @Slot(object)
    def _on_grid_loaded(self, grid) -> None:
        """The scope list: the rows of the grid the user sees, in the tree's order."""
        box = self.scope_box
        box.blockSignals(True)
        box.clear()
        for row in grid.rows:
            box.addItem(self._scope_text(row), (row.scope, row.scope_id))
        index = find(box, self.scope)
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)
        if index < 0 and box.count():
            self._on_scope_changed(0)

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        if change.kinds & RELOAD_KINDS:
            self.reload_dashboard()
        if "targets" in change.kinds and self._grid_asked:
            self.editor.reload()

    # -- the selectors
    @Slot()
    def _on_metric_year_changed(self, _value: int = 0) -> None:
        metric, year = self.metric_box.currentData(), self.year_box.value()
        if (metric, year) == (self.metric_code, self.year):
            return

        def proceed() -> None:
            self.metric_code, self.year = metric, year
            self.reload_dashboard()
            self._grid_asked = True
            self.editor.load(metric, year)

        def stay() -> None:  # the selectors back to what the editor shows
            for box in (self.metric_box, self.year_box):
                box.blockSignals(True)
            self.metric_box.setCurrentIndex(self.metric_box.findData(self.metric_code))
            self.year_box.setValue(self.year)
            for box in (self.metric_box, self.year_box):
                box.blockSignals(False)

        name = f"{words.metric_name(self.metric_code)} {self.year}"
        prompts.leave(self, name, self.editor.dirty, self.editor.save, self.editor.model.revert,
                      proceed, stay)  # fmt: skip

    @Slot(int)
    def _on_period_changed(self, _index: int) -> None:
        self.quarter_month = self.period_box.currentData()
        self.reload_dashboard()

    @Slot(int)
    def _on_scope_changed(self, _index: int) -> None:
        data = self.scope_box.currentData()
        if data is not None and tuple(data) != self.scope:
            self.scope = tuple(data)
            self.reload_dashboard()

    @Slot(str)
    def _on_level_changed(self, level: str) -> None:
        self.level = level
        self.reload_dashboard()

    def leave(self, proceed, stay=None) -> None:
        """Before another page or closing: unsaved targets ask first."""
        prompts.leave(self, self.tr("Targets"), self.editor.dirty, self.editor.save,
                      self.editor.model.revert, proceed, stay)  # fmt: skip

    # -- a month's bar clicked
    @Slot(object)
    def _on_month_clicked(self, month: Period) -> None:
        scope, scope_id = self.scope
        self.month_clicked.emit(month, scope, scope_id)
        if self.metric_code not in DRILL_MEASURES:
            return  # payments: no list of rows behind the bar
        from crmdesk.views.drill_dialog import DrillDialog

        ws, metric = self.workspace, self.metric_code

        def fetch(offset: int, limit: int):  # the bar's own rows (target_achieved.achieved_rows)
            return ws.target_month_rows(metric, scope, scope_id, month, offset=offset,
                                        limit=limit)  # fmt: skip

        title = f"{words.metric_name(metric)} · {words.period_name(month)} · "
        title += self.scope_box.currentText().strip()
        kind = "deals" if metric in ("won_amount", "won_count") else "customers"
        at_title = self.tr("Followed up") if metric == "follow_ups" else ""
        self.drill_dialog = DrillDialog(self.ctx, title, fetch, self, kind, at_title)
        self.drill_dialog.customer_requested.connect(self.open_requested)
        self.drill_dialog.show()
