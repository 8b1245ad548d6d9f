"""The targets dashboard's first paint, for bench/reports.py: from creating TargetsPage (the
chart module's import — pyqtgraph, numpy — counted in the first run) until the dashboard's
read has arrived through the real task runner and the cards, the bars and the ranking have
been painted, as an admin; with the workspace's target_dashboard read alone as the baseline.

first_paint_ms(db_url, runs) -> {"dashboard_first_paint_ms": first run,
"dashboard_paint_median_ms": the median of the later runs, "dashboard_read_ms": the median of
the read alone}. Needs a QApplication (one is made, offscreen, when there is none)."""

from __future__ import annotations

import os
import statistics
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


def _paint_once(app, ctx) -> float:
    from crmdesk.views.targets_page import TargetsPage

    started = time.perf_counter()
    page = TargetsPage(ctx)
    page.resize(1300, 800)
    page.show()
    deadline = started + 120
    while not page.dashboard.has_data:
        if time.perf_counter() > deadline:
            raise TimeoutError("the dashboard's read did not arrive")
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    page.dashboard.grab()  # paints the cards, the chart and the ranking now
    elapsed = (time.perf_counter() - started) * 1000
    ctx.runner.wait()  # the distribution grid's read, not part of the dashboard
    app.processEvents()
    page.close()
    page.deleteLater()
    app.processEvents()
    return elapsed


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
        paints = [_paint_once(app, ctx) for _ in range(max(runs, 2))]
        year = local_day(ws.clock()).date.year
        reads = []
        for _ in range(max(runs, 2)):
            started = time.perf_counter()
            ws.target_dashboard("won_amount", Period(year), "company", 0, "rep")
            reads.append((time.perf_counter() - started) * 1000)
    finally:
        db.close()
    return {
        "dashboard_first_paint_ms": round(paints[0], 1),
        "dashboard_paint_median_ms": round(statistics.median(paints[1:]), 1),
        "dashboard_read_ms": round(statistics.median(reads), 1),
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(first_paint_ms(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5)))
