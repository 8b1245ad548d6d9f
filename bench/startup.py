"""Whole-process start-up: launch to first paint of the main window on the demo database.

Usage: python bench/startup.py [--customers 2000] [--runs 7]
Baseline in the same run: a bare PySide6 process showing an empty QTableView.
Ends with one JSON line of figures."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from _common import ROOT, demo_database, median_ms

# Both children print the wall time of their first paint and quit: the same probe for both.
QUIT_ON_FIRST_PAINT = r"""
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print(time.time(), flush=True), app.quit()))
        return False
watch = Watch()
"""

# The app child runs the real start-up (crmdesk.app.start_gui: the window shows at once, the
# database opens behind it) and prints two times: the first paint of the main window, then the
# first paint of the customer list showing rows.
CHILD_APP = r"""
import sys, time
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QEvent, QObject, QTimer
from crmdesk.app import start_gui
app, w = start_gui(sys.argv[1], "zh_CN", [sys.argv[0]])
class Watch(QObject):
    first = None
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            if Watch.first is None:
                Watch.first = time.time()
            page = w.pages.get("customers")
            if page is not None and obj is page.table.viewport() and page.model.rowCount() \
                    and not page.model.is_loading:
                print(Watch.first, flush=True)
                print(time.time(), flush=True)
                app.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)
        return False
watch = Watch()
app.installEventFilter(watch)
app.exec()
w.runner.wait()
print("modules", int("pyqtgraph" in sys.modules), int("openpyxl" in sys.modules), flush=True)
"""

CHILD_BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication([])
w = QTableView()
{watch}w.viewport().installEventFilter(watch)
w.resize(1400, 860)
w.show()
app.exec()
""".replace("{watch}", QUIT_ON_FIRST_PAINT)


def launch(code: str, *args: str) -> tuple:
    """Seconds from launch to each time the child printed; the rest of its output last."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    ).stdout.split("\n")
    times = []
    for line in out:
        try:
            times.append(float(line) - start)
        except ValueError:
            break
    return (*times, "\n".join(out[len(times) :]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    url = demo_database(args.customers)
    os.environ["CRMDESK_HOME"] = str(ROOT / "bench" / "data" / "home")
    bare, runs = [], []
    for _ in range(args.runs):  # interleaved, so machine noise falls on both alike
        bare.append(launch(CHILD_BARE)[0])
        runs.append(launch(CHILD_APP, url, str(ROOT)))
    app_ms = median_ms([r[0] for r in runs])
    rows_ms = median_ms([r[1] for r in runs])
    figures = {
        "customers": args.customers,
        "startup_to_first_paint_ms": app_ms,
        "startup_to_rows_painted_ms": rows_ms,
        "baseline_bare_qt_table_ms": median_ms(bare),
        "ratio_to_bare": round(app_ms / median_ms(bare), 2),
        "rows_ratio_to_bare": round(rows_ms / median_ms(bare), 2),
        "lazy_imports_ok": runs[0][2].strip() == "modules 0 0",
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
