"""Live refresh: how soon a colleague's write reaches another client, what a poll costs, and
whether polling slows the customer list.

Usage: python bench/live_refresh.py [--writes 20] [--runs 30] [--feed-rows 1000000]
       [--backends sqlite,postgresql,mariadb] [--list-runs 15]

- latency: client A (its own engine) commits ~20 writes at random moments; client B runs the
  program's LiveRefresh (a TaskRunner, the poll on its read lane, the Change on the bus) and
  notes when each write's Change reaches its bus. p50/p95 per backend, at the interval the
  program uses there (1.5 s on a server, 2 s on the local file; the file also at 1.5 s).
- poll cost: one poll (a read session, the feed read after the last id, nothing new), median
  over --runs, on an empty feed and on a feed of --feed-rows rows (a throwaway database each;
  nothing is left behind); with one new entry; the hourly prune when nothing is old enough.
- the list: the customer list's first page (workspace.list_customers, the query the page
  runs off the GUI thread) at 1,000,000 customers (bench/data's SQLite file; PostgreSQL's
  crmdesk_bench_1000000 when bench/server_lists.py has built it at this schema), without
  polling, with a poller at the program's interval, and with polls back to back (the worst
  case), blocks interleaved so drift hits all three alike; ratios to "without".
Ends with one JSON line. On 2 shared cores the absolute figures move with the load; the ratios
are measured in the same run."""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta

from _common import ROOT, demo_database, median_ms

sys.path.insert(0, str(ROOT / "tests"))  # helpers.server_database: throwaway databases

SERVERS = {"postgresql": "CRMDESK_TEST_PG_URL", "mariadb": "CRMDESK_TEST_MYSQL_URL"}
FILL = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) "
    "INSERT INTO change_feed (at, actor_id, client, kinds, customer_ids, count) "
    "SELECT datetime('now'), 1, 'filler', 'edited', i % 100000, 1 FROM n",
    "postgresql": "INSERT INTO change_feed (at, actor_id, client, kinds, customer_ids, count) "
    "SELECT now(), 1, 'filler', 'edited', (i % 100000)::text, 1 "
    "FROM generate_series(1, {rows}) AS i",
    "mysql": "INSERT INTO change_feed (at, actor_id, client, kinds, customer_ids, count) "
    "SELECT NOW(), 1, 'filler', 'edited', seq % 100000, 1 FROM seq_1_to_{rows}",
}


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000, 1)


def throwaway(backend: str):
    """(url, drop) of a new, set-up database."""
    from crmdesk.models.database import open_database

    if backend == "sqlite":
        folder = tempfile.mkdtemp(prefix="crmdesk-bench-live-")
        url = f"sqlite:///{folder}/live.sqlite"
        open_database(url).close()
        return url, lambda: None
    from helpers import server_database

    url, drop = server_database(os.environ[SERVERS[backend]], "crmdesk_bench_live")
    open_database(url, setup=True).close()
    return url, drop


def colleague(db, name: str) -> int:
    from crmdesk.models.schema import User

    with db.writing() as s:
        user = User(name=name, login=f"u{random.randrange(10**9)}", role="admin", active=True,
                    created_at=datetime.now(UTC).replace(tzinfo=None))  # fmt: skip
        s.add(user)
        s.flush()
        return user.id


def latency(app, url: str, writes: int, interval_ms: int | None) -> dict:
    from crmdesk.models.changes import record
    from crmdesk.models.database import open_database
    from crmdesk.models.users import get_user
    from crmdesk.models.workspace import Workspace
    from crmdesk.tasks import TaskRunner
    from crmdesk.views.context import PageContext
    from crmdesk.views.live_refresh import LiveRefresh

    db_a, db_b = open_database(url), open_database(url)
    author, reader = colleague(db_a, "张三"), colleague(db_a, "李四")
    ws_b = Workspace(db_b, db_b.read(lambda s: get_user(s, reader)))
    runner = TaskRunner()
    ctx = PageContext(ws_b, runner)
    live = LiveRefresh(ctx, interval_ms=interval_ms)
    seen: dict[int, float] = {}

    def on_changed(change) -> None:
        at = time.perf_counter()
        for cid in change.customer_ids:
            seen.setdefault(cid, at)

    ctx.bus.changed.connect(on_changed)
    live.start()
    while live.polls < 1:
        app.processEvents()
        time.sleep(0.002)
    period = live.timer.interval() / 1000
    committed: dict[int, float] = {}

    def write(n: int) -> None:
        def unit(s) -> None:
            s.info["actor_id"] = author
            record(s, "edited", [n])

        db_a.write(unit)
        committed[n] = time.perf_counter()  # returned: committed

    def writer() -> None:
        for n in range(1, writes + 1):
            time.sleep(random.uniform(0.2, period * 1.3))  # any phase of the poll's timer
            write(n)

    thread = threading.Thread(target=writer)
    thread.start()
    deadline = time.perf_counter() + writes * period * 2 + 30
    while (thread.is_alive() or len(seen) < writes) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    thread.join()
    live.stop()
    runner.wait()
    delays = [seen[n] - committed[n] for n in committed if n in seen]
    db_a.close()
    db_b.close()
    return {
        "interval_ms": live.timer.interval(),
        "writes": writes,
        "seen": len(delays),
        "p50_ms": percentile(delays, 0.5),
        "p95_ms": percentile(delays, 0.95),
        "max_ms": percentile(delays, 1.0),
    }


def poll_cost(url: str, rows: int, runs: int) -> dict:
    from sqlalchemy import text

    from crmdesk.models.change_feed import FeedCursor, append_change, prune_feed
    from crmdesk.models.changes import change_of
    from crmdesk.models.database import open_database

    db = open_database(url)

    def timed_polls(cursor: FeedCursor) -> float:
        samples = []
        for n in range(runs):
            start = time.perf_counter()
            db.read(lambda s, n=n: cursor.poll(s, float(n)))
            samples.append(time.perf_counter() - start)
        return median_ms(samples)

    cursor = FeedCursor("bench")
    db.read(lambda s: cursor.start(s, 0.0))
    out = {"empty_feed_poll_ms": timed_polls(cursor)}
    start = time.perf_counter()
    with db.engine.begin() as conn:
        conn.execute(text(FILL[db.dialect].format(rows=rows)))
    out["fill_s"] = round(time.perf_counter() - start, 1)
    if db.dialect == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE change_feed"))
    elif db.dialect == "mysql":
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE TABLE change_feed"))
    start = time.perf_counter()
    db.read(lambda s: cursor.start(s, 0.0))
    out["start_ms"] = round((time.perf_counter() - start) * 1000, 1)
    out[f"feed_{rows}_poll_ms"] = timed_polls(cursor)
    samples = []
    for n in range(min(runs, 20)):
        with db.writing() as s:
            append_change(s, change_of("edited", [n + 1]), "someone else")
        start = time.perf_counter()
        got = db.read(lambda s, n=n: cursor.poll(s, 1000.0 + n))
        samples.append(time.perf_counter() - start)
        assert len(got) == 1
    out[f"feed_{rows}_one_new_entry_poll_ms"] = median_ms(samples)
    day_ago = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=1)
    start = time.perf_counter()
    db.write(lambda s: prune_feed(s, day_ago))
    out["prune_nothing_old_ms"] = round((time.perf_counter() - start) * 1000, 1)
    db.close()
    return out


def list_with_polling(url: str, runs: int, interval_s: float) -> dict | None:
    from crmdesk.models.change_feed import FeedCursor
    from crmdesk.models.customer_list import CustomerQuery
    from crmdesk.models.database import open_database
    from crmdesk.models.errors import CrmError
    from crmdesk.models.schema import User
    from crmdesk.models.users import get_user
    from crmdesk.models.workspace import Workspace

    try:
        db = open_database(url)  # never upgraded here: another helper's database
    except CrmError as exc:
        print(f"{url}: not usable ({exc.code}): list left out", file=sys.stderr)
        return None
    from sqlalchemy import select

    admin = db.read(lambda s: s.scalar(select(User.id).where(User.role == "admin")))
    ws = Workspace(db, db.read(lambda s: get_user(s, admin)))
    query = CustomerQuery()
    ws.list_customers(query, 0, 100)  # warm

    def samples(n: int) -> list[float]:
        out = []
        for _ in range(n):
            start = time.perf_counter()
            ws.list_customers(query, 0, 100)
            out.append(time.perf_counter() - start)
            time.sleep(0.05)
        return out

    def with_poller(pause: float, n: int) -> tuple[list[float], int]:
        stop, polls = threading.Event(), [0]
        cursor = FeedCursor("bench")
        db.read(lambda s: cursor.start(s, 0.0))

        def poller() -> None:
            while not stop.is_set():
                db.read(lambda s: cursor.poll(s, time.monotonic()))
                polls[0] += 1
                if pause:
                    stop.wait(pause)

        thread = threading.Thread(target=poller)
        thread.start()
        try:
            return samples(n), polls[0]
        finally:
            stop.set()
            thread.join()

    plain, paced, flat = [], [], []
    flat_polls, flat_seconds = 0, 0.0
    for _ in range(3):  # interleaved blocks
        plain += samples(runs)
        paced += with_poller(interval_s, runs)[0]
        start = time.perf_counter()
        got, polls = with_poller(0.0, runs)
        flat += got
        flat_polls += polls
        flat_seconds += time.perf_counter() - start
    db.close()
    base = median_ms(plain)
    return {
        "first_page_ms": base,
        "with_polling_ms": median_ms(paced),
        "with_polls_back_to_back_ms": median_ms(flat),
        "ratio_with_polling": round(median_ms(paced) / base, 2),
        "ratio_back_to_back": round(median_ms(flat) / base, 2),
        "back_to_back_polls_per_s": round(flat_polls / flat_seconds),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=20)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--feed-rows", type=int, default=1_000_000)
    parser.add_argument("--list-runs", type=int, default=15)
    parser.add_argument("--backends", default="sqlite,postgresql,mariadb")
    parser.add_argument("--customers", type=int, default=1_000_000)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]

    from PySide6.QtCore import QCoreApplication

    from crmdesk.views.live_refresh import SERVER_POLL_MS

    app = QCoreApplication.instance() or QCoreApplication(["bench"])
    figures: dict = {"latency": {}, "poll": {}, "list": {}}
    for backend in args.backends.split(","):
        if backend != "sqlite" and not os.environ.get(SERVERS[backend]):
            print(f"{SERVERS[backend]} unset: {backend} left out", file=sys.stderr)
            continue
        url, drop = throwaway(backend)
        try:
            figures["latency"][backend] = latency(app, url, args.writes, None)
            if backend == "sqlite":  # the file at the servers' pace, for comparison
                fast = latency(app, url, args.writes, SERVER_POLL_MS)
                figures["latency"]["sqlite_at_1500ms"] = fast
            figures["poll"][backend] = poll_cost(url, args.feed_rows, args.runs)
        finally:
            drop()
        print(json.dumps({backend: figures["latency"][backend]}), file=sys.stderr)
    interval = SERVER_POLL_MS / 1000
    lists = {"sqlite": demo_database(args.customers)}
    if "postgresql" in args.backends and os.environ.get(SERVERS["postgresql"]):
        from sqlalchemy.engine import make_url

        pg = make_url(os.environ[SERVERS["postgresql"]])
        lists["postgresql"] = pg.set(database=f"crmdesk_bench_{args.customers}").render_as_string(
            hide_password=False
        )
    for backend, url in lists.items():
        got = list_with_polling(url, args.list_runs, interval)
        if got is not None:
            figures["list"][f"{backend}_{args.customers}"] = got
    figures["load_average_1m"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
