"""The chart modules load off the GUI thread the first time a chart page opens: the page lays
out its cards at once and builds its chart when they arrive (views/chart_loader.py). The
dashboard starts that import once its figures have come (the cards first), or after a grace
period when they are slow to come."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import os, sys, threading
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QObject, QThread, QTimer, Slot
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from crmdesk.views.chart_loader import charts_ready, loader
    from crmdesk.views.target_dashboard import DashboardPanel

    assert "pyqtgraph" not in sys.modules
    panel = DashboardPanel()
    # Built at once, without its chart: a placeholder says the chart is coming. No figures
    # yet: the import waits for them (the grace period), not holding the GIL against the read.
    assert panel.chart is None and not panel.chart_placeholder.isHidden()
    assert not loader().loading() and not charts_ready()

    class Watch(QObject):
        threads = []

        @Slot()
        def on_shown(self):
            self.threads.append(QThread.currentThread() is app.thread())
            app.quit()

    watch = Watch()
    panel.chart_shown.connect(watch.on_shown)
    QTimer.singleShot(60_000, app.quit)
    if panel.chart is None:
        app.exec()
    assert panel.chart is not None, "the chart was never built"
    assert watch.threads in ([True], []), watch.threads  # built on the GUI thread
    assert "pyqtgraph" in sys.modules and panel.chart_placeholder.isHidden()
    assert threading.current_thread() is threading.main_thread()
    print("ok")
    """
)


def run_fresh(script: str) -> None:
    """The script in a new process (pyqtgraph not yet imported), which must print "ok"."""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


def test_the_dashboard_paints_before_the_charts_load_and_builds_its_chart_when_they_do():
    run_fresh(SCRIPT)


def test_a_synchronous_panel_draws_its_chart_at_once(qtbot):
    from crmdesk.views.target_dashboard import DashboardPanel

    panel = DashboardPanel(load_charts_now=True)
    qtbot.addWidget(panel)
    assert panel.chart is not None and panel.chart_placeholder.isHidden()


FIGURES_FIRST = textwrap.dedent(
    """
    import os, sys, time
    from datetime import date
    from decimal import Decimal
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from crmdesk.models.periods import Period
    from crmdesk.models.target_progress import ProgressResult, RankRow
    from crmdesk.views import target_dashboard
    from crmdesk.views.chart_loader import charts_ready, loader

    target_dashboard.CHART_IMPORT_GRACE_MS = 600_000  # only the figures can start it here
    panel = target_dashboard.DashboardPanel()
    for _ in range(20):
        app.processEvents()
    assert not loader().loading() and not charts_ready()
    progress = ProgressResult("won_amount", Period(2026), "company", 0, Decimal(100),
                              Decimal(40), 40.0, 50.0, "behind", Decimal(60), None, ())
    panel.set_data(progress, [RankRow(1, 7, "Li", "East", Decimal(100), Decimal(40), 40.0,
                                      Decimal(60))], "rep")
    assert "40" in panel.cards["achieved"].value.text()  # filled at once, before the chart
    assert panel.chart is None
    deadline = time.monotonic() + 60
    while panel.chart is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    assert panel.chart is not None, "the figures did not start the chart's import"
    print("ok")
    """
)


def test_the_figures_arriving_start_the_chart_import_without_waiting_out_the_grace_period():
    run_fresh(FIGURES_FIRST)
