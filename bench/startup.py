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

CHILD_APP = r"""
import sys, time
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QEvent, QObject, QTimer
from crmdesk.app import create_application, open_settings, open_workspace
app = create_application([sys.argv[0]], "zh_CN")
ws = open_workspace(sys.argv[1], ask_first_run=False)
from crmdesk.views.main_window import MainWindow
w = MainWindow(ws, open_settings())
{watch}w.customers.table.viewport().installEventFilter(watch)
w.show()
app.exec()
print("modules", int("pyqtgraph" in sys.modules), int("openpyxl" in sys.modules), flush=True)
""".replace("{watch}", QUIT_ON_FIRST_PAINT)

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


def launch(code: str, *args: str) -> tuple[float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    ).stdout.split("\n")
    return float(out[0]) - start, "\n".join(out[1:])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    url = demo_database(args.customers)
    os.environ["CRMDESK_HOME"] = str(ROOT / "bench" / "data" / "home")
    bare = [launch(CHILD_BARE)[0] for _ in range(args.runs)]
    runs = [launch(CHILD_APP, url, str(ROOT)) for _ in range(args.runs)]
    app_ms = median_ms([r[0] for r in runs])
    figures = {
        "customers": args.customers,
        "startup_to_first_paint_ms": app_ms,
        "baseline_bare_qt_table_ms": median_ms(bare),
        "ratio_to_bare": round(app_ms / median_ms(bare), 2),
        "lazy_imports_ok": runs[0][1].strip() == "modules 0 0",
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
