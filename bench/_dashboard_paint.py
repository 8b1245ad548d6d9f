"""The targets dashboard's first paint, for bench/reports.py: from creating TargetsPage (the
chart module's import — pyqtgraph, numpy — counted in the first run) until the dashboard's
read has arrived through the real task runner and the cards, the bars and the ranking have
been painted, as an admin; with the workspace's target_dashboard read alone as the baseline.

first_paint_ms(db_url, runs) -> {"dashboard_first_paint_ms": first run (chart included),
"dashboard_first_cards_ms": the first run's cards and ranking (before its chart, whose modules
load in the background meanwhile), "chart_import_ms": importing the chart modules alone,
"dashboard_paint_median_ms": the median of the later runs, "dashboard_read_ms": the median of
the read alone}. Needs a QApplication (one is made, offscreen, when there is none)."""

from __future__ import annotations

import os
import statistics
import sys
import time


def _admin_workspace(db_url: str):
    from sqlalchemy import select

    from crmdesk.models.database import open_database
    from crmdesk.models.schema import User
    from crmdesk.models.users import get_user
    from crmdesk.models.workspace import Workspace

    db = open_database(db_url)
    admin_id = db.read(
        lambda s: s.scalar(select(User.id).where(User.role == "admin", User.active.is_(True))
                           .order_by(User.id).limit(1))
    )  # fmt: skip
    actor = db.read(lambda s: get_user(s, admin_id))
    return Workspace(db, actor), db


def _paint_once(app, ctx) -> tuple[float, float]:
    """(cards and ranking painted, and the chart too) in ms from creating the page. The first
    time, the chart's modules load in the background (views/chart_loader.py) meanwhile."""
    from crmdesk.views.targets_page import TargetsPage

    started = time.perf_counter()
    page = TargetsPage(ctx)
    page.resize(1300, 800)
    page.show()
    deadline = started + 120
    cards = None
    while cards is None or page.dashboard.chart is None:
        if time.perf_counter() > deadline:
            raise TimeoutError("the dashboard's read or its chart did not arrive")
        app.processEvents()
        if cards is None and page.dashboard.has_data:
            page.dashboard.grab()  # paints the cards and the ranking (and the chart if built)
            cards = (time.perf_counter() - started) * 1000
        time.sleep(0.001)
    app.processEvents()
    page.dashboard.grab()  # paints the cards, the chart and the ranking now
    elapsed = (time.perf_counter() - started) * 1000
    ctx.runner.wait()  # the distribution grid's read, not part of the dashboard
    app.processEvents()
    page.close()
    page.deleteLater()
    app.processEvents()
    return cards, elapsed


def first_paint_ms(db_url: str, runs: int = 5) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from crmdesk.models.periods import Period
    from crmdesk.models.today import local_day
    from crmdesk.tasks import TaskRunner
    from crmdesk.views.context import PageContext

    ws, db = _admin_workspace(db_url)
    try:
        ctx = PageContext(ws, TaskRunner())
        import_ms = -1.0
        if "pyqtgraph" not in sys.modules:  # the one-time import, alone, in a child process
            import subprocess

            code = (
                "import time, PySide6.QtWidgets; t = time.perf_counter(); "
                "import crmdesk.charts.stacked; print((time.perf_counter() - t) * 1000)"
            )
            import_ms = float(
                subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, check=True
                ).stdout
            )
        both = [_paint_once(app, ctx) for _ in range(max(runs, 2))]
        first_cards, paints = both[0][0], [b[1] for b in both]
        year = local_day(ws.clock()).date.year
        reads = []
        for _ in range(max(runs, 2)):
            started = time.perf_counter()
            ws.target_dashboard("won_amount", Period(year), "company", 0, "rep")
            reads.append((time.perf_counter() - started) * 1000)
    finally:
        db.close()
    return {
        "page_alone_first_paint_ms": round(paints[0], 1),
        "page_alone_first_cards_ms": round(first_cards, 1),
        "chart_import_ms": round(import_ms, 1),
        "dashboard_paint_median_ms": round(statistics.median(paints[1:]), 1),
        "dashboard_read_ms": round(statistics.median(reads), 1),
    }


def _window_once(db_url: str) -> dict:
    """In this (fresh) process: the main window started as a user starts it, settled on its
    first page, then Targets clicked: ms until the cards and ranking are painted, and until the
    chart is too (its modules loading in the background the first time)."""
    from crmdesk import cli

    app, window = cli._offscreen_window(db_url, "zh_CN", 1400, 900)
    try:
        window.show()
        cli._settle(app, window, "the first page")
        started = time.perf_counter()
        window.show_page("targets")
        page = window.page("targets")
        cards = None
        deadline = started + 120
        while cards is None or page.dashboard.chart is None:
            if time.perf_counter() > deadline:
                raise TimeoutError("the dashboard did not arrive")
            app.processEvents()
            if cards is None and page.dashboard.has_data:
                window.grab()
                cards = (time.perf_counter() - started) * 1000
            time.sleep(0.001)
        app.processEvents()
        window.grab()
        chart = (time.perf_counter() - started) * 1000
    finally:
        window.workspace.db.close()
    return {"cards": cards, "chart": chart}


def window_first_paint_ms(db_url: str, runs: int = 5) -> dict:
    """Targets opened from a started window, each run in a new process (a true first open:
    the page's modules, and pyqtgraph, not yet loaded); medians."""
    import json
    import subprocess

    here = os.path.dirname(os.path.abspath(__file__))
    found = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, os.path.join(here, "_dashboard_paint.py"),
                              "--window", db_url], capture_output=True, text=True, check=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
        found.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {
        "dashboard_first_paint_ms": round(statistics.median(f["chart"] for f in found), 1),
        "dashboard_first_cards_ms": round(statistics.median(f["cards"] for f in found), 1),
    }


if __name__ == "__main__":
    import json

    if sys.argv[1] == "--window":
        print(json.dumps(_window_once(sys.argv[2])))
    else:
        runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
        print(json.dumps({**first_paint_ms(sys.argv[1], runs),
                          **window_first_paint_ms(sys.argv[1], runs)}))  # fmt: skip
