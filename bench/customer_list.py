"""Customer page at scale: first paint, search-as-you-type latency, memory.

Usage: python bench/customer_list.py [--customers 1000000] [--runs 7]
Baselines measured in the same run: a bare QTableView over a dummy model of the same row count
(first paint) and the naive LIKE '%term%' scan the FTS indexes replace (search).
Ends with one JSON line of figures, with the machine's load average at the start and the end:
on 2 cores, other work running at the same time moves every figure (keji's search: ~30 ms at
load 1, ~150 ms at load 4)."""

from __future__ import annotations

import argparse
import json
import os
import time

from _common import demo_database, median_ms, rss_mb
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QTableView


class PaintWatch(QObject):
    """Notes a paint of the table that shows rows (the first page arrives from the task
    runner: a paint of the empty table before it would flatter the figure)."""

    def __init__(self, model=None) -> None:
        super().__init__()
        self.painted = False
        self.model = model

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and (self.model is None or self.ready()):
            self.painted = True
        return False

    def ready(self) -> bool:
        return self.model.rowCount() > 0 and not self.model.is_loading


def wait_paint(app: QApplication, watch: PaintWatch, timeout: float = 10.0) -> None:
    end = time.perf_counter() + timeout
    while not watch.painted and time.perf_counter() < end:
        app.processEvents()
    app.processEvents()  # let the paint itself finish


class DummyModel(QAbstractTableModel):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return self.rows

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 15

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return f"{index.row()}:{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    url = demo_database(args.customers)
    load_before = os.getloadavg()[0]

    from sqlalchemy import text

    from crmdesk.app import create_application
    from crmdesk.models.database import open_database
    from crmdesk.models.users import local_actor, os_login
    from crmdesk.models.workspace import Workspace
    from crmdesk.tasks import TaskRunner
    from crmdesk.views.context import PageContext
    from crmdesk.views.customer_page import CustomersPage

    app = create_application(["bench"], "zh_CN")
    db = open_database(url)
    with db.reading() as s:
        actor = local_actor(s, os_login())
    ws = Workspace(db, actor)
    runner = TaskRunner()  # as in the app: the count and filter choices load off-thread
    rss_before = rss_mb()

    def first_paint(make) -> float:
        start = time.perf_counter()
        widget, viewport, model = make()
        watch = PaintWatch(model)
        viewport.installEventFilter(watch)
        widget.resize(1300, 800)
        widget.show()
        wait_paint(app, watch)
        elapsed = time.perf_counter() - start
        runner.wait()
        app.processEvents()
        widget.close()
        widget.deleteLater()
        app.processEvents()
        return elapsed

    def bare():
        view = QTableView()
        view.setModel(DummyModel(args.customers))
        return view, view.viewport(), None

    def page_widget():
        page = CustomersPage(PageContext(ws, runner))
        return page, page.table.viewport(), page.model

    baseline_paint = [first_paint(bare) for _ in range(args.runs)]
    page_paint = [first_paint(page_widget) for _ in range(args.runs)]

    # search as you type, on one open page
    page = CustomersPage(PageContext(ws, runner))
    page.resize(1300, 800)
    page.show()
    while page.is_counting:
        app.processEvents()
    rss_open = rss_mb()
    watch = PaintWatch(page.model)
    page.table.viewport().installEventFilter(watch)
    terms = {"chinese_2": "科技", "chinese_4": "星辰科技", "phone": "13812", "contact": "王伟",
             "pinyin_initials_2": "kj", "pinyin_full": "keji", "pinyin_initials_4": "bjxc",
             "tag_text": "重点"}  # fmt: skip
    search_ms, counts, count_ms = {}, {}, {}
    for label, term in terms.items():
        samples = []
        for _ in range(args.runs):
            page.search.setText("")
            page.filters.flush_search()
            while page.model.is_loading:
                app.processEvents()
            app.processEvents()
            watch.painted = False
            start = time.perf_counter()
            page.search.setText(term)
            page.filters.flush_search()  # typing pauses are the debounce's; measure the work
            wait_paint(app, watch)
            samples.append(time.perf_counter() - start)
        search_ms[label] = median_ms(samples)
        start = time.perf_counter()
        while page.is_counting and time.perf_counter() - start < 30:  # the true count, later
            app.processEvents()
        count_ms[label] = round((time.perf_counter() - start) * 1000)
        counts[label] = page.model.rowCount()
    # a page sorted by each pinyin-keyed column, against the default sort in the same run
    from crmdesk.models.customer_list import CustomerQuery, list_customers

    sort_ms = {}
    for sort in ("updated_at", "name", "province", "city", "owner"):
        for descending in (False, True):
            samples = []
            for _ in range(args.runs):
                start = time.perf_counter()
                with db.reading() as s:
                    q = CustomerQuery(sort=sort, descending=descending)
                    list_customers(s, actor, q, ws.clock(), 0, 100)
                samples.append(time.perf_counter() - start)
            sort_ms[f"{sort}{' desc' if descending else ''}"] = median_ms(samples)
    # the tag filter: a page and a full count, one tag and two
    from crmdesk.models.customer_list import count_customers

    tag_ms = {}
    for label, tags in (("one_tag", ("VIP",)), ("two_tags", ("VIP", "重点客户"))):
        for what in ("page", "count"):
            samples = []
            for _ in range(args.runs):
                start = time.perf_counter()
                with db.reading() as s:
                    q = CustomerQuery(tags=tags)
                    if what == "page":
                        list_customers(s, actor, q, ws.clock(), 0, 100)
                    else:
                        count_customers(s, actor, q, ws.clock())
                samples.append(time.perf_counter() - start)
            tag_ms[f"{label}_{what}"] = median_ms(samples)
    # baseline: the naive scan FTS replaces
    like_ms = {}
    for label, term in terms.items():
        samples = []
        for _ in range(3):
            start = time.perf_counter()
            with db.reading() as s:
                s.execute(
                    text("SELECT count(*) FROM customer_search WHERE body LIKE :p"),
                    {"p": f"%{term}%"},
                ).scalar()
            samples.append(time.perf_counter() - start)
        like_ms[label] = median_ms(samples)

    figures = {
        "customers": args.customers,
        "first_paint_ms": median_ms(page_paint),
        "baseline_bare_table_first_paint_ms": median_ms(baseline_paint),
        "search_ms": search_ms,
        "search_rows": counts,
        "count_shown_after_ms": count_ms,  # includes the 250 ms pause before counting
        "baseline_like_count_ms": like_ms,
        "sort_page_ms": sort_ms,
        "tag_filter_ms": tag_ms,
        "rss_mb_before_page": round(rss_before, 1),
        "rss_mb_after_open": round(rss_open, 1),
        "load_average_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    figures["first_paint_ratio_to_bare"] = round(
        figures["first_paint_ms"] / max(figures["baseline_bare_table_first_paint_ms"], 0.1), 2
    )
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
