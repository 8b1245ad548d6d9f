"""Does the window keep answering while the database is slow?

A workspace whose every call takes 200 ms longer (standing for a slow server) behind the real
main window; a script opens the customer page, scrolls to the end, searches, selects a
customer and saves an edit, each step waiting for its result as a user would. Measured: the
longest time the GUI thread did not process events (every event-loop pass and every scripted
action timed), from the first paint of the window to the end. Budget: 50 ms.

Baseline in the same run: the same script on the plain (not slowed) workspace.

Usage: python bench/responsiveness.py [--customers 1000000] [--delay-ms 200]
Ends with one JSON line of figures."""

from __future__ import annotations

import argparse
import functools
import json
import os
import tempfile
import time

from _common import demo_database

os.environ["CRMDESK_HOME"] = tempfile.mkdtemp(prefix="crmdesk-bench-")


class SlowWorkspace:
    """Every method of the workspace, delayed: reads and writes alike."""

    def __init__(self, workspace, delay: float) -> None:
        self._ws, self._delay = workspace, delay
        self.calls = 0

    def __getattr__(self, name: str):
        value = getattr(self._ws, name)
        if not callable(value) or name == "clock":
            return value

        @functools.wraps(value)  # keeps the signature the table model looks at
        def slow(*args, **kwargs):
            self.calls += 1
            time.sleep(self._delay)
            return value(*args, **kwargs)

        return slow


class StallMeter:
    def __init__(self, app) -> None:
        self.app = app
        self.longest = 0.0
        self.where = ""

    def timed(self, what: str, action) -> None:
        start = time.perf_counter()
        action()
        self._note(time.perf_counter() - start, what)

    def _note(self, elapsed: float, what: str) -> None:
        if elapsed > self.longest:
            self.longest, self.where = elapsed, what

    def run_until(self, what: str, done, timeout: float = 120.0) -> None:
        end = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > end:
                raise SystemExit(f"timed out waiting for: {what}")
            start = time.perf_counter()
            self.app.processEvents()
            self._note(time.perf_counter() - start, f"events while waiting for {what}")
            time.sleep(0.001)


def session(app, workspace) -> dict:
    from PySide6.QtCore import QEvent, QObject

    from crmdesk.app import open_settings
    from crmdesk.views.main_window import MainWindow

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                FirstPaint.painted = True
            return False

    window = MainWindow(None, open_settings())  # as start-up does: shown, then attached
    window.resize(1400, 860)
    watch = FirstPaint()
    window.installEventFilter(watch)
    window.show()
    meter = StallMeter(app)
    meter.run_until("the first paint", lambda: FirstPaint.painted)
    meter.longest, meter.where = 0.0, ""  # from here on the window must answer
    steps = {}
    # Building the page is measured too: a database call made while building would show here.
    meter.timed("attaching the workspace (building the page)", lambda: window.attach(workspace))
    page = window.customers
    start = time.perf_counter()
    meter.run_until("the first rows and the count", lambda: not page.is_counting)
    steps["open_ms"] = round((time.perf_counter() - start) * 1000)

    start = time.perf_counter()
    last = page.model.rowCount() - 1
    meter.timed("scroll to the end", lambda: page.table.scrollToBottom())
    meter.run_until("the last rows", lambda: page.model.loaded_row(last) is not None)
    steps["scroll_to_end_ms"] = round((time.perf_counter() - start) * 1000)

    start = time.perf_counter()
    meter.timed("typing a search", lambda: page.search.setText("星辰科技"))
    meter.timed("the search pause ending", page.filters.flush_search)
    meter.run_until("the search results", lambda: not page.is_counting)
    steps["search_ms"] = round((time.perf_counter() - start) * 1000)

    start = time.perf_counter()
    meter.timed("selecting a customer", lambda: page.table.selectRow(0))
    meter.run_until("the customer's card", lambda: page.detail.detail is not None)
    steps["select_ms"] = round((time.perf_counter() - start) * 1000)

    start = time.perf_counter()
    detail = page.detail
    city = "宁波" if detail.detail.data.city != "宁波" else "温州"
    meter.timed("typing an edit", lambda: detail.form.city.setText(city))
    meter.timed("clicking Save", detail.save_button.click)
    meter.run_until(
        "the save", lambda: detail.detail.data.city == city and detail.save_button.isEnabled()
    )
    meter.run_until("the list reloading", lambda: not page.is_counting)
    steps["save_ms"] = round((time.perf_counter() - start) * 1000)
    window.close()
    return {"max_stall_ms": round(meter.longest * 1000, 1), "longest_stall_at": meter.where,
            **steps}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--delay-ms", type=int, default=200)
    args = parser.parse_args()
    url = demo_database(args.customers)

    from crmdesk.app import create_application, local_workspace

    app = create_application(["bench"], "zh_CN")
    workspace, db = local_workspace(url, create_admin_as="bench")
    # As start-up does, on its worker thread while the database opens.
    import crmdesk.views.customer_page  # noqa: F401

    baseline = session(app, workspace)
    slow = SlowWorkspace(workspace, args.delay_ms / 1000)
    slowed = session(app, slow)
    db.close()
    figures = {
        "customers": args.customers,
        "delay_ms_per_call": args.delay_ms,
        "max_stall_ms": slowed["max_stall_ms"],
        "slow": slowed,
        "baseline_not_slowed": baseline,
        "workspace_calls_slowed": slow.calls,
        "budget_max_stall_ms": 50,
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
