"""The Reports page (报表): the funnel, the monthly breakdown with its target line, lost reasons
and sources, and the reps' activity, for a period, a scope and (the funnel) a pipeline.

Each report is a tab, read when it is shown (and again when the query changes or the bus says
deals, customers, follow-ups, ownership, targets or payments changed: at once when the page is
visible, else when it is next shown), through ctx.read with the tab's key so a newer request
supersedes an older one. While a read runs the charts keep their picture and a quiet
"Loading…" says so; an error shows in words with Retry. A click on a funnel stage, a bar
segment or a bar opens a DrillDialog listing the rows behind that very figure (the matching
analytics drill_* call). Export PNG saves the current tab's picture; Export workbook… writes
every report as a sheet with its table and a native chart (report_sheets, report_workbook),
read and written off the GUI thread. Both say what they show: the picture gets a title line
drawn above it (the report, the period, whose figures), each sheet's note the period and whose
figures.

The charts (pyqtgraph, numpy) are imported when the page is built (report_panels), never when
this module is imported."""

from __future__ import annotations

import logging
import os
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.analytics_types import DEAL_MEASURES, DrillResult
from crmdesk.models.changes import Change
from crmdesk.models.today import local_day
from crmdesk.tasks import SyncRunner
from crmdesk.views import file_dialogs
from crmdesk.views.chart_loader import loader
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text, show_error
from crmdesk.views.list_export import FOLDER_SETTING, export_error_text
from crmdesk.views.report_data import ReportReader
from crmdesk.views.report_filters import ReportFilters, ReportQuery
from crmdesk.views.report_words import by_name, measure_name, month_label, series_name
from crmdesk.views.widgets import Banner

if TYPE_CHECKING:
    from crmdesk.views.drill_dialog import DrillDialog

log = logging.getLogger(__name__)
TABS = ("funnel", "monthly", "totals", "activity")
RELOAD_KINDS = frozenset({"deals", "created", "follow_up", "ownership", "targets", "payments"})


def period_text(q: ReportQuery) -> str:
    months = q.month_periods
    if len(months) == 1:
        return month_label(months[0], True)
    return f"{month_label(months[0], True)} – {month_label(months[-1], True)}"


class ReportsPage(QWidget):
    open_requested = Signal(int)  # a customer to show (the window opens it)
    drill_opened = Signal(object)  # the DrillDialog just opened
    loaded = Signal(str)  # a tab's figures arrived

    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.built = False
        self.page_layout = QVBoxLayout(self)
        # The charts' modules (pyqtgraph) load off the GUI thread the first time (chart_loader);
        # the tests' synchronous runner loads them at once.
        charts = loader()
        if isinstance(ctx.runner, SyncRunner):
            charts.load_now()
        if charts.loaded():
            self._build()
            return
        self.waiting = QLabel(self.tr("Loading the charts…"))
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setEnabled(False)
        self.page_layout.addWidget(self.waiting)
        charts.ready.connect(self._on_charts_ready)
        charts.start()

    @Slot()
    def _on_charts_ready(self) -> None:
        if self.built:
            return
        if loader().error is not None:
            self.waiting.setText(self.tr("The charts could not be drawn (see the log)."))
            return
        self.waiting.hide()
        self._build()

    def _build(self) -> None:
        from crmdesk.views import report_panels  # the charts: imported when the page is built

        ctx = self.ctx
        self.built = True
        today = local_day(self.workspace.clock()).date
        self.reader = ReportReader(self.workspace)
        self.filters = ReportFilters(self.workspace.actor, today)
        self.filters.changed.connect(self.reload)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.png_button = QPushButton(self.tr("Export PNG…"))
        self.png_button.setToolTip(self.tr("Save the report shown as a picture"))
        self.png_button.clicked.connect(self._on_png_clicked)
        self.workbook_button = QPushButton(self.tr("Export workbook…"))
        self.workbook_button.setToolTip(self.tr("Save every report as an Excel workbook: a sheet "
                                                "each, with its table and a chart"))  # fmt: skip
        self.workbook_button.clicked.connect(self._on_workbook_clicked)
        self.loading = QLabel(self.tr("Loading…"))
        self.loading.setEnabled(False)
        self.loading.setVisible(False)
        self.banner = Banner()
        self.banner.retry_clicked.connect(self.reload)

        self.funnel = report_panels.FunnelPanel()
        self.monthly = report_panels.MonthlyPanel()
        self.totals = report_panels.TotalsPanel()
        self.activity = report_panels.ActivityPanel()
        self.panels = dict(zip(TABS, (self.funnel, self.monthly, self.totals, self.activity),
                               strict=True))  # fmt: skip
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        names = (self.tr("Funnel"), self.tr("Monthly"), self.tr("Lost reasons and sources"),
                 self.tr("Activity"))  # fmt: skip
        for key, name in zip(TABS, names, strict=True):
            self.tabs.addTab(self.panels[key], name)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.funnel.part_clicked.connect(self._on_funnel_clicked)
        self.monthly.segment_clicked.connect(self._on_segment_clicked)
        self.monthly.options_changed.connect(lambda: self._load("monthly"))
        self.totals.bar_clicked.connect(self._on_bar_clicked)
        self.activity.granularity_changed.connect(lambda: self._load("activity"))

        bar = QHBoxLayout()
        bar.addWidget(self.filters)
        bar.addStretch(1)
        bar.addWidget(self.loading)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.png_button)
        bar.addWidget(self.workbook_button)
        layout = self.page_layout
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        self.queries: dict[str, ReportQuery] = {}  # what each tab shows
        self._stale = set(TABS)
        self._pending: set[str] = set()
        self._dirty = False
        self.last_drill: DrillDialog | None = None
        self.last_png = ""
        ctx.bus.changed.connect(self._on_data_changed)
        self.ctx.read(self.workspace.pipelines, self._on_pipelines_loaded, self._on_failed,
                      owner=self, key="pipelines")  # fmt: skip
        if self.filters.scope_combo.count() > 1:
            self.ctx.read(self.workspace.board_owner_choices, self.filters.set_owners,
                          lambda _exc: None, owner=self, key="owners")  # fmt: skip

    # -- reading
    def query(self) -> ReportQuery:
        return self.filters.query()

    def refresh(self) -> None:
        """The window's Refresh."""
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Every tab is read again: the one shown now, the others when shown."""
        if not self.built:
            return  # the page reads when it is built
        self.banner.hide()
        self._stale = set(TABS)
        self._dirty = False
        self._load(self.current_tab())

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def _load(self, tab: str) -> None:
        q = self.query()
        if tab == "funnel" and q.pipeline_id is None:
            return  # the pipelines are on their way; they load it
        self._stale.discard(tab)
        fn = self.reader.reader(tab, q, self.monthly.measure, self.monthly.by,
                                self._granularity(q))  # fmt: skip
        self._pending.add(tab)
        self.loading.setVisible(True)
        self.ctx.read(fn, lambda result, t=tab, qq=q: self._on_loaded(t, qq, result),
                      lambda exc, t=tab: self._on_tab_failed(t, exc), owner=self,
                      key=tab)  # fmt: skip

    def _granularity(self, q: ReportQuery) -> str:
        wanted = self.activity.granularity
        if wanted == "day" and (q.end_day - q.first_day).days > 366:
            self.activity.set_granularity("week")  # a day a column: at most a year of them
            return "week"
        return wanted

    def _on_loaded(self, tab: str, q: ReportQuery, result) -> None:
        self._pending.discard(tab)
        self.loading.setVisible(bool(self._pending))
        self.queries[tab] = q
        if tab == "funnel":
            self.funnel.show_result(result)
        elif tab == "monthly":
            self.monthly.show_result(*result)
        elif tab == "totals":
            self.totals.show_result(*result)
        else:
            self.activity.show_result(result)
        self.loaded.emit(tab)

    def _on_tab_failed(self, tab: str, exc: BaseException) -> None:
        self._pending.discard(tab)
        self._stale.add(tab)
        self.loading.setVisible(bool(self._pending))
        log.info("a report failed to load: %r", exc)
        self.banner.show_message(error_text(exc))

    def _on_failed(self, exc: BaseException) -> None:
        self.banner.show_message(error_text(exc))

    def _on_pipelines_loaded(self, pipelines) -> None:
        self.filters.set_pipelines(pipelines)
        self.reload()

    @Slot(int)
    def _on_tab_changed(self, _index: int) -> None:
        if self.current_tab() in self._stale:
            self._load(self.current_tab())

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if not change.kinds & RELOAD_KINDS:
            return
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.built and self._dirty:
            self.reload()

    # -- drilling
    def _open_drill(self, title: str, fetch, kind: str, at_title: str = "") -> DrillDialog:
        from crmdesk.views.drill_dialog import DrillDialog

        dialog = DrillDialog(self.ctx, title, fetch, self, kind=kind, at_title=at_title)
        dialog.customer_requested.connect(self.open_requested)
        dialog.show()
        self.last_drill = dialog
        self.drill_opened.emit(dialog)
        return dialog

    @Slot(int)
    def _on_funnel_clicked(self, index: int) -> None:
        q = self.queries.get("funnel")
        if q is None or not 0 <= index < len(self.funnel.rows):
            return
        row = self.funnel.rows[index]
        ws = self.workspace

        def fetch(offset: int, limit: int) -> DrillResult:
            return ws.drill_funnel(q.pipeline_id, q.first_day, q.end_day, row.part, row.stage_id,
                                   q.scope, q.owner_id, None, offset, limit)  # fmt: skip

        self._open_drill(f"{row.name} · {period_text(q)}", fetch, "deals")

    @Slot(int, int)
    def _on_segment_clicked(self, s: int, month: int) -> None:
        q, b = self.queries.get("monthly"), self.monthly.result
        if q is None or b is None or not 0 <= s < len(b.series):
            return
        series = b.series[s]
        label = month_label(b.months[month], True)
        title = f"{measure_name(b.measure)} · {series_name(series, b.by, b.measure)} · {label}"
        self._drill_breakdown(q, b.measure, b.by, series, month, title)

    @Slot(str, int)
    def _on_bar_clicked(self, which: str, index: int) -> None:
        q = self.queries.get("totals")
        b = self.totals.lost if which == "lost" else self.totals.sources
        if q is None or b is None or not 0 <= index < len(b.series):
            return
        series = b.series[index]
        title = f"{measure_name(b.measure)} · {series_name(series, b.by, b.measure)} · " + (
            period_text(q)
        )
        self._drill_breakdown(q, b.measure, b.by, series, None, title)

    def _drill_breakdown(self, q, measure, by, series, month, title) -> DrillDialog:
        ws = self.workspace

        def fetch(offset: int, limit: int) -> DrillResult:
            return ws.drill_breakdown(measure, by, q.first_month, q.months, series.key,
                                      series.code, month, q.scope, q.owner_id, None, offset,
                                      limit)  # fmt: skip

        at = {"follow_ups": self.tr("Follow-up at"), "pool_in": self.tr("Into the pool at"),
              "pool_out": self.tr("Out of the pool at")}.get(measure, "")  # fmt: skip
        kind = "deals" if measure in DEAL_MEASURES else "customers"
        return self._open_drill(title, fetch, kind, at)

    # -- exporting
    def _ask_path(self, caption: str, name: str, name_filter: str, suffix: str) -> str:
        settings = self.ctx.settings
        folder = str(settings.value(FOLDER_SETTING, "") or "") if settings is not None else ""
        if not folder or not os.path.isdir(folder):
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
        proposed = os.path.join(folder, f"{name} {date.today().isoformat()}{suffix}")
        path, _chosen = file_dialogs.save_file_name(self, caption, proposed, name_filter)
        if path and not path.lower().endswith(suffix):
            path += suffix
        if path and settings is not None:
            settings.setValue(FOLDER_SETTING, os.path.dirname(path))
        return path

    def subtitle(self, q: ReportQuery) -> str:
        """The period and whose figures: "2026-01 – 2026-12 · 华东销售部"."""
        return " · ".join((period_text(q), self.filters.scope_text(q)))

    def picture_title(self, tab: str) -> str:
        """The exported picture's title line: the report, the period, whose figures."""
        q = self.queries.get(tab) or self.query()
        if tab == "funnel":
            name = " · ".join((self.tr("Funnel"), self.filters.pipeline_combo.currentText()))
        elif tab == "monthly":
            name = " · ".join((measure_name(self.monthly.measure), by_name(self.monthly.by)))
        else:
            name = self.tabs.tabText(TABS.index(tab))
        return " · ".join((name, self.subtitle(q)))

    def picture(self, tab: str):
        """The tab's picture as it is now, with its title line above it (a QImage)."""
        from crmdesk.charts.base import titled_image  # the charts are loaded once built

        widget = {"funnel": self.funnel.chart, "monthly": self.monthly.chart,
                  "totals": self.totals, "activity": self.activity.table}[tab]  # fmt: skip
        colors = getattr(widget, "colors", None)  # a chart's own (light or dark) colours
        if colors is not None:
            background, text = colors.background, colors.text
        else:
            palette = widget.palette()
            background = palette.color(palette.ColorRole.Window)
            text = palette.color(palette.ColorRole.WindowText)
        return titled_image(widget.grab().toImage(), self.picture_title(tab), self.font(),
                            background, text)  # fmt: skip

    @Slot()
    def _on_png_clicked(self) -> None:
        tab = self.current_tab()
        path = self._ask_path(self.tr("Export PNG"), self.tabs.tabText(self.tabs.currentIndex()),
                              self.tr("PNG image (*.png)"), ".png")  # fmt: skip
        if not path:
            return
        image = self.picture(tab)  # the picture now, on the GUI thread; saved off it

        def save() -> str:
            if not image.save(path, "PNG"):
                raise OSError(f"could not write {path}")
            return path

        self.ctx.read(save, self._on_png_saved, self._on_png_failed, owner=self)

    def _on_png_saved(self, path: str) -> None:
        self.last_png = path
        self.ctx.notify(self.tr("Saved the picture to %1.").replace("%1", os.path.normpath(path)))

    def _on_png_failed(self, exc: BaseException) -> None:
        log.info("PNG export failed: %r", exc)
        text = self.tr("The picture could not be saved. Choose another folder, such as Documents.")
        QMessageBox.warning(self, self.tr("Export PNG"), text)

    @Slot()
    def _on_workbook_clicked(self) -> None:
        path = self._ask_path(self.tr("Export workbook"), self.tr("Reports"),
                              self.tr("Excel workbook (*.xlsx)"), ".xlsx")  # fmt: skip
        if not path:
            return
        q = self.query()
        work = self.reader.workbook_writer(path, q, self.monthly.measure, self.monthly.by,
                                           self._granularity(q), self.subtitle(q))  # fmt: skip
        self.workbook_button.setEnabled(False)
        self.ctx.read(work, self._on_workbook_written, self._on_workbook_failed, owner=self)

    def _on_workbook_written(self, path: str) -> None:
        self.workbook_button.setEnabled(True)
        QMessageBox.information(self, self.tr("Export workbook"), self.tr(
            "Saved every report to %1.").replace("%1", os.path.normpath(str(path))))  # fmt: skip

    def _on_workbook_failed(self, exc: BaseException) -> None:
        self.workbook_button.setEnabled(True)
        text = export_error_text(exc)
        log.info("workbook export failed: %r", exc)
        if not text:
            show_error(self, exc)
            return
        QMessageBox.warning(self, self.tr("Export workbook"), text)
