"""The chart modules load off the GUI thread the first time a chart page opens: the page lays
out its cards at once and builds its chart when they arrive (views/chart_loader.py)."""

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
    # Built at once, without its chart: a placeholder says the chart is coming.
    assert panel.chart is None and not panel.chart_placeholder.isHidden()
    assert loader().loading() or charts_ready()

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


def test_the_dashboard_paints_before_the_charts_load_and_builds_its_chart_when_they_do():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


def test_a_synchronous_panel_draws_its_chart_at_once(qtbot):
    from crmdesk.views.target_dashboard import DashboardPanel

    panel = DashboardPanel(load_charts_now=True)
    qtbot.addWidget(panel)
    assert panel.chart is not None and panel.chart_placeholder.isHidden()
