"""Bulk actions at scale, through the Workspace, on SQLite, PostgreSQL and MariaDB: assign, tag
add, delete and restore of 30,000 explicit ids; select-all assign over every customer (admin)
and over a manager's team; the count a confirmation shows.

Usage: python bench/bulk.py [--customers 300000] [--select 30000]
                            [--backends sqlite,postgresql,mariadb] [--runs 3] [--keep]
                            [--innodb-buffer-pool-mb 1024]
Each backend gets a fresh database built with generate_demo (its time is reported): a SQLite
file under bench/data/, throwaway databases on the local servers (URLs from --pg-url and
--mysql-url, default the test servers), created and dropped by the tests' own helper
(tests/helpers.py, server_database). MariaDB's figures say the buffer pool they ran with and the
size of the database (innodb_buffer_pool_mb, database_mb): its default, 128 MB, is far below
what the README asks of a team's server.

Baselines measured in the same run, on the same database: on SQLite, the same assign with each
unit checkpointing the WAL at its commit (as before wal_checkpoints.py); the old way, one ORM
object per row (Customer objects loaded in chunks of 400, owner set and pool left, one session
and one commit; it writes no ownership events, which flatters it), assigning the same number
of customers; and the floor, one bare UPDATE stamping 30,000 customers as every action must
(to_floor: each action's ratio). On SQLite, the floor within the lock budget as well: the rows
an assign writes, by raw SQL, in units the size of the program's own assign units in this run,
each unit's commit checkpointing as SQLite does by default (floor_units_assign), and with no
checkpoint until one at the end (floor_units_assign_deferred); assign_to_floor_units: the
assign's ratio to each.

SQLite's write lock (budget about 250 ms a unit of work), in a pass of its own after the timed
runs (one assign, tag, delete, restore, select-all assign and old-way assign): a second process
takes it (BEGIN IMMEDIATE, ROLLBACK) every 5 ms, polling every 0.5 ms while it is held, and
reports the longest it waited: how long one unit of work held it. (It used to watch the timed
runs: spinning on the second of two cores, it took the core the WAL's checkpoints run on.)
The longest unit of work as the action saw it (cancelled() to progress() around each db.write)
is larger: it includes the wait for the WAL's checkpoint every few units, after the lock is
released. Then, with no watch, what a save of this program feels during a 30,000 assign: a
thread committing a row through Database.write every 20 ms (long writes let those go first
between units). Last, on its own (the poller would take the free moments from it), what another
program's save feels: a process that commits a row as crmdesk's connections do (busy_timeout:
SQLite's busy handler sleeps 1, 2, 5 ... 100 ms between tries) every 20 ms, during one more
30,000 assign and one more select-all assign. Both saves write the WAL, so either may be the
commit SQLite makes checkpoint it (wal_autocheckpoint): a save that only took the lock never
was, and hid that cost.

Ends with one JSON line of figures: per backend, medians of --runs in ms, and ratios; the
bytes each action wrote (PostgreSQL: its WAL, postgresql_wal_mb; SQLite: what the process
wrote, sqlite_written_mb).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sqlite3
import statistics
import sys
import time
from datetime import timedelta
from itertools import pairwise

from _common import DATA, ROOT, median_ms

sys.path.insert(0, str(ROOT / "tests"))  # helpers.server_database: the tests' throwaway databases

BUDGET_MS = 2000  # 30,000 customers, every backend
LOCK_BUDGET_MS = 250  # SQLite's write lock held by one chunk
SERVERS = {
    "postgresql": ("--pg-url", "CRMDESK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"),
    "mariadb": ("--mysql-url", "CRMDESK_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/mysql"),
}  # fmt: skip


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- SQLite's write lock, from outside


def lock_probe(path: str, poll: bool, pipe) -> None:
    """Another writer taking SQLite's write lock over and over. poll: every 5 ms, trying every
    0.5 ms while it is held (and letting it go at once); otherwise every 20 ms, waiting in
    SQLite's busy handler as crmdesk's connections do, and committing a row as a save does (a
    commit that writes is one SQLite may make checkpoint the WAL). On "report" send the longest
    wait since the last report; stop on "stop"."""
    conn = sqlite3.connect(path, timeout=0 if poll else 10, isolation_level=None)
    if not poll:
        conn.execute(SAVES_TABLE)
    longest = 0.0
    while True:
        if pipe.poll():
            if pipe.recv() == "stop":
                break
            pipe.send(longest)
            longest = 0.0
        start = time.perf_counter()
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                if poll:
                    conn.execute("ROLLBACK")
                else:
                    conn.execute(SAVE, ("other program",))
                    conn.execute("COMMIT")
                break
            except sqlite3.OperationalError:  # locked; for the busy handler: for 10 s
                if not poll:
                    break
                time.sleep(0.0005)
        longest = max(longest, time.perf_counter() - start)
        time.sleep(0.005 if poll else 0.02)
    conn.close()


class LockWatch:
    def __init__(self, path: str, poll: bool) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.pipe, child = ctx.Pipe()
        self.process = ctx.Process(target=lock_probe, args=(path, poll, child), daemon=True)
        self.process.start()

    def longest_ms(self) -> float:
        self.pipe.send("report")
        if not self.pipe.poll(30):
            raise RuntimeError("the SQLite lock probe did not answer")
        return round(self.pipe.recv() * 1000, 1)

    def stop(self) -> None:
        self.pipe.send("stop")
        self.process.join(10)


# What the second program and this program's own short writes save: a row of a table of the
# bench's own, so that their commits write the WAL as a real save does.
SAVES_TABLE = "CREATE TABLE IF NOT EXISTS bench_saves (id INTEGER PRIMARY KEY, who TEXT)"
SAVE = "INSERT INTO bench_saves (who) VALUES (?)"


class InProcessWriter:
    """This program's own short writes during a bulk action (a save, a follow-up logged): one
    through Database.write every 20 ms on a thread of its own, as the task runner's; reports the
    longest one took (each commits a row: a save that writes, not only takes the lock)."""

    def __init__(self, db) -> None:
        import threading

        from sqlalchemy import text

        self._stop, self.longest = threading.Event(), 0.0
        db.write(lambda s: s.execute(text(SAVES_TABLE)))

        def loop() -> None:
            while not self._stop.is_set():
                start = time.perf_counter()
                db.write(lambda s: s.execute(text(SAVE.replace("?", "'this program'"))))
                self.longest = max(self.longest, time.perf_counter() - start)
                self._stop.wait(0.02)

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return round(self.longest * 1000, 1)


# ---------------------------------------------------------------- databases


def sqlite_database(customers: int):
    DATA.mkdir(exist_ok=True)
    path = DATA / f"bulk-{customers}.sqlite"

    def remove() -> None:
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)

    remove()
    return f"sqlite:///{path}", remove, str(path)


def settle(db) -> None:
    """A database in use rather than one just loaded: statistics, PostgreSQL's hint bits and
    visibility map, the WAL checkpointed, and the load's dirty pages on disk, so that the first
    action's fsyncs do not pay for the build."""
    from sqlalchemy import text

    if db.dialect == "sqlite":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    elif db.dialect == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in ("customers", "ownership_events", "users"):
                conn.execute(text(f"VACUUM (ANALYZE) {table}"))
            conn.execute(text("CHECKPOINT"))
    else:
        with db.engine.connect() as conn:
            for table in ("customers", "ownership_events", "users"):
                conn.execute(text(f"ANALYZE TABLE {table}")).all()
    os.sync()


def wal_bytes(db) -> int | None:
    """PostgreSQL: WAL written so far (full-page images dominate a bulk UPDATE's cost). SQLite:
    bytes this process has written (Linux's /proc/self/io wchar: the WAL's frames and the
    checkpoints' copies into the file, the pages an action dirtied twice over)."""
    if db.dialect == "sqlite":
        try:
            with open("/proc/self/io") as f:
                return next(int(line.split()[1]) for line in f if line.startswith("wchar:"))
        except (OSError, StopIteration):
            return None
    if db.dialect != "postgresql":
        return None
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")).scalar())


# ---------------------------------------------------------------- measuring


class Timing:
    """One bulk action: wall time, and each chunk's db.write (cancelled() is asked just before
    it, progress() told just after)."""

    def __init__(self) -> None:
        self.asked: list[float] = []
        self.chunks: list[float] = []
        self.reported: list[int] = []

    def cancelled(self) -> bool:
        self.asked.append(time.perf_counter())
        return False

    def progress(self, done: int, total: int) -> None:
        self.chunks.append(time.perf_counter() - self.asked[-1])
        if self.reported and done < self.reported[-1]:
            raise AssertionError("progress went backwards")
        self.reported.append(done)


def action(method, *args):
    """A Workspace bulk method with its arguments, called with a Timing's callbacks."""
    return lambda timing: method(*args, progress=timing.progress, cancelled=timing.cancelled)


def old_way(db, ids: list[int], to_user_id: int, actor_id: int):
    """The baseline: one ORM object per row (loaded 400 at a time), one session; returns how
    many moved."""
    from sqlalchemy import select

    from crmdesk.models.schema import Customer
    from crmdesk.models.workspace import utc_now

    def assign(_timing) -> int:
        moved, now = 0, utc_now()
        with db.writing() as s:
            for i in range(0, len(ids), 400):
                chunk = ids[i : i + 400]
                for customer in s.scalars(select(Customer).where(Customer.id.in_(chunk))):
                    if customer.owner_id != to_user_id:
                        customer.owner_id = to_user_id
                        # out of its pool, if in one (a customer is owned or in a pool)
                        customer.pool_id = customer.pool_entered_at = None
                        customer.release_code = ""
                        customer.updated_at, customer.updated_by_id = now, actor_id
                        moved += 1
        return moved

    return assign


def commit_checkpoints(ws, ids: list[int], to_user_id: int):
    """A SQLite assign as before the checkpointer: each unit checkpoints the WAL at its commit,
    with SQLite's default page cache (run_units with no Checkpointer)."""
    from contextlib import nullcontext

    from crmdesk.models import bulk_units

    def assign(timing):
        real = bulk_units.checkpointing
        bulk_units.checkpointing = lambda db: nullcontext(None)
        try:
            return action(ws.assign_customers, ids, to_user_id, "rebalance", "")(timing)
        finally:
            bulk_units.checkpointing = real

    return assign


def floor(db, ids: list[int], actor_id: int):
    """The server's floor: one bare UPDATE stamping these customers (updated_at, updated_by,
    version: what every bulk action writes), committed; no lock read, no policy, no events, no
    chunks. On PostgreSQL the stamp is never a HOT update, so each row costs a new entry in
    every index of customers: the floor grows with their number, whatever the program does."""
    from sqlalchemy import text

    from crmdesk.models.workspace import utc_now

    def stamp(_timing) -> int:
        listed = ",".join(str(int(i)) for i in ids)  # literals: one statement on every backend
        sql = text(
            "UPDATE customers SET updated_at = :now, updated_by_id = :actor, "
            f"version = version + 1 WHERE id IN ({listed})"
        )
        with db.writing() as s:
            return s.execute(sql, {"now": utc_now(), "actor": actor_id}).rowcount

    return stamp


def unit_floor(path: str, db, ids: list[int], to_user_id: int, actor_id: int, unit: int,
               deferred: bool):  # fmt: skip
    """SQLite's floor for an assign within the lock budget: the rows every assign writes (an
    ownership event each, the customer's owner, team, sort key, pool and stamp), by raw SQL
    through sqlite3, in units of `unit` customers (the program's own step size in this run),
    ids in the program's order (bulk_units.in_change_order, read before the clock starts); no
    lock read, no policy, no deals, no change feed, no Python per row. Each unit's commit
    checkpoints the WAL as SQLite does by default; deferred: no checkpoint until the end (the
    WAL grows by the whole action), then one, timed."""
    from crmdesk.models.bulk_units import in_change_order
    from crmdesk.models.excel_insert import time_text
    from crmdesk.models.workspace import utc_now

    ordered = in_change_order(db, ids)
    insert = (
        "INSERT INTO ownership_events (customer_id, from_owner_id, to_owner_id, kind, "
        "reason_code, reason_text, actor_id, at) SELECT id, owner_id, ?1, CASE WHEN owner_id "
        "IS NULL THEN 'assigned' ELSE 'transferred' END, 'rebalance', '', ?2, ?3 FROM customers "
        "WHERE id IN (SELECT value FROM json_each(?4)) AND owner_id IS NOT ?1"
    )
    update = (
        "UPDATE customers SET owner_id = ?1, team_id = ?5, owner_sort = ?6, pool_id = NULL, "
        "pool_entered_at = NULL, release_code = '', received_at = ?3, updated_at = ?3, "
        "updated_by_id = ?2, version = version + 1 "
        "WHERE id IN (SELECT value FROM json_each(?4)) AND owner_id IS NOT ?1"
    )

    def assign(_timing) -> int:
        con = sqlite3.connect(path, isolation_level=None, timeout=10)
        try:
            for pragma in ("synchronous=NORMAL", "foreign_keys=ON", "cache_size=-65536"):
                con.execute(f"PRAGMA {pragma}")
            if deferred:
                con.execute("PRAGMA wal_autocheckpoint=0")
            sort, team = con.execute(
                "SELECT name_sort, team_id FROM users WHERE id = ?", (to_user_id,)
            ).fetchone()
            moved, now = 0, utc_now()
            for k, i in enumerate(range(0, len(ordered), unit)):
                part = json.dumps(ordered[i : i + unit])
                at = time_text(now + timedelta(microseconds=k))
                con.execute("BEGIN IMMEDIATE")
                con.execute(insert, (to_user_id, actor_id, at, part))
                moved += con.execute(update, (to_user_id, actor_id, at, part, team, sort)).rowcount
                con.execute("COMMIT")
            if deferred:
                con.execute("PRAGMA wal_checkpoint(PASSIVE)")
            return moved
        finally:
            con.close()

    return assign


def buffer_pool(db, megabytes: int | None):
    """MariaDB: the buffer pool set to `megabytes` for the run (SET GLOBAL, resized online), or
    left as the server has it; returns a function putting the server's own size back."""
    from sqlalchemy import text

    if not megabytes:
        return None
    with db.engine.connect() as conn:
        before = conn.execute(text("SELECT @@GLOBAL.innodb_buffer_pool_size")).scalar()
        conn.execute(text(f"SET GLOBAL innodb_buffer_pool_size = {int(megabytes) << 20}"))
    time.sleep(2)  # the resize runs in the background, in chunks

    def restore() -> None:
        with db.engine.connect() as conn:
            conn.execute(text(f"SET GLOBAL innodb_buffer_pool_size = {int(before)}"))

    return restore


def mariadb_sizes(db) -> dict:
    """The buffer pool the run had and the database it holds (data and indexes), in MB."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        pool = conn.execute(text("SELECT @@GLOBAL.innodb_buffer_pool_size")).scalar()
        size = conn.execute(
            text(
                "SELECT SUM(data_length + index_length) FROM information_schema.tables "
                "WHERE table_schema = DATABASE()"
            )
        ).scalar()
    return {"innodb_buffer_pool_mb": int(pool) >> 20, "database_mb": int(size or 0) >> 20}


def bench_backend(backend: str, args) -> dict:
    from helpers import server_database
    from sqlalchemy import select

    from crmdesk.models.bulk import Target
    from crmdesk.models.customer_list import CustomerQuery
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo
    from crmdesk.models.schema import Customer, User
    from crmdesk.models.users import get_user
    from crmdesk.models.workspace import Workspace

    path = None
    if backend == "sqlite":
        url, drop, path = sqlite_database(args.customers)
    else:
        option, env, default = SERVERS[backend]
        admin_url = getattr(args, option[2:].replace("-", "_")) or os.environ.get(env) or default
        url, drop = server_database(admin_url, "crmdesk_bench_bulk")
    figures: dict = {}
    watches: dict[str, LockWatch] = {}
    db = None
    restore_pool = None
    try:
        db = open_database(url, setup=True)
        if backend == "mariadb":
            restore_pool = buffer_pool(db, args.innodb_buffer_pool_mb)
        start = time.perf_counter()
        generate_demo(db, customers=args.customers, seed=7, deals=False)
        figures["generate_demo_s"] = round(time.perf_counter() - start, 1)
        log(f"{backend}: generate_demo({args.customers}) {figures['generate_demo_s']} s")
        settle(db)
        if backend == "mariadb":
            figures.update(mariadb_sizes(db))
            log(f"{backend}: {figures}")

        with db.reading() as s:
            admin = get_user(s, s.scalar(select(User.id).where(User.role == "admin")))
            manager_id = s.scalar(
                select(User.id).where(User.role == "manager").order_by(User.id).limit(1)
            )
            manager = get_user(s, manager_id)
            team = list(
                s.scalars(select(User.id).where(User.team_id == manager.team_id).order_by(User.id))
            )
            reps = list(s.scalars(select(User.id).where(User.role == "rep").order_by(User.id)))
            live = list(s.scalars(select(Customer.id).where(Customer.deleted_at.is_(None))))
        rng = random.Random(11)
        samples: dict[str, list[float]] = {}
        ws = Workspace(db, admin)
        rows: dict[str, list[int]] = {}
        wal: dict[str, list[float]] = {}
        chunk_ms: list[float] = []
        steps: dict[str, list[int]] = {}  # customers each unit of work took, per action
        waits: dict[str, dict[str, list[float]]] = {"lock_hold": {}, "other_writer": {}}

        def measure(label: str, call, expect_rows: bool = True) -> None:
            timing = Timing()
            wal_before = wal_bytes(db)
            for watch in watches.values():
                watch.longest_ms()  # from here
            start = time.perf_counter()
            result = call(timing)
            elapsed = time.perf_counter() - start
            for name, watch in watches.items():
                waits[name].setdefault(label, []).append(watch.longest_ms())
            changed = result if isinstance(result, int) else result.value.changed
            if expect_rows and not changed:
                raise AssertionError(f"{backend} {label}: nothing changed")
            if not isinstance(result, int):
                if timing.reported and timing.reported[-1] != result.value.requested:
                    raise AssertionError(f"{backend} {label}: progress did not reach the total")
                chunk_ms.extend(t * 1000 for t in timing.chunks)
                done = [0, *timing.reported]
                steps.setdefault(label, []).extend(b - a for a, b in pairwise(done))
            samples.setdefault(label, []).append(elapsed)
            rows.setdefault(label, []).append(changed)
            if wal_before is not None:
                wal.setdefault(label, []).append((wal_bytes(db) - wal_before) / 2**20)
            longest = max(timing.chunks, default=0) * 1000
            lock = "".join(f", {name} wait {waits[name][label][-1]} ms" for name in watches)
            log(f"{backend}: {label} {elapsed * 1000:.0f} ms, {changed} rows, "
                f"longest unit of work {longest:.0f} ms{lock}")  # fmt: skip

        def count(label: str, target) -> int:
            start = time.perf_counter()
            total = ws.count_target(target)
            samples.setdefault(label, []).append(time.perf_counter() - start)
            return total

        # Each action gets customers no earlier action touched, while there are any: a second
        # action on the same customers is cheaper (their updated_at entries now sit together at
        # the end of two indexes instead of on a page each), which is not what a user meets.
        pool: list[int] = []
        refills = reused = 0

        def fresh() -> list[int]:
            nonlocal pool, refills, reused
            if len(pool) < args.select:
                pool, refills = rng.sample(live, len(live)), refills + 1
            reused += refills > 1  # may hold customers an earlier action touched
            taken, pool = pool[: args.select], pool[args.select :]
            return sorted(taken)

        for run in range(args.runs):
            ids = fresh()
            if count("count_ids", ids) != len(ids):
                raise AssertionError("count_target of live ids")
            to = reps[run % len(reps)]
            # SQLite: the same assign with each unit checkpointing at its commit, as before the
            # checkpointer (wal_checkpoints.py), on other customers; which goes first alternates.
            before = ("assign_commit_checkpoints", commit_checkpoints(ws, fresh(), reps[-4]))
            pair = [("assign", action(ws.assign_customers, ids, to, "rebalance", ""))]
            if path is not None:
                pair.insert(run % 2, before)
            for label, call in pair:
                measure(label, call)
            if path is not None:  # the floor within the lock budget, in the assign's own units
                unit = int(statistics.median(steps["assign"]))
                figures.setdefault("sqlite_floor_unit_customers", []).append(unit)
                for label, deferred in (("floor_units_assign", False),
                                        ("floor_units_assign_deferred", True)):  # fmt: skip
                    measure(label, unit_floor(path, db, fresh(), to, admin.id, unit, deferred))
            measure("tag", action(ws.change_tag, fresh(), f"批量{run}", True))
            ids = fresh()
            measure("delete", action(ws.delete_customers, ids))
            measure("restore", action(ws.restore_customers, ids))  # the same, as a user would
            to = reps[(run + 7) % len(reps)]
            measure("baseline_orm_assign", old_way(db, fresh(), to, admin.id))
            measure("floor_bare_update", floor(db, fresh(), admin.id))
        figures["samples_from_touched_customers"] = reused

        everything = Target(query=CustomerQuery())
        assign_team = Workspace(db, manager).assign_customers
        for run in range(args.runs):
            to = team[(run + 1) % len(team)]
            measure(
                "manager_select_all_assign", action(assign_team, everything, to, "rebalance", "")
            )
        for run in range(args.runs):
            rows.setdefault("count_select_all", []).append(count("count_select_all", everything))
            to = reps[(run * 5 + 3) % len(reps)]
            measure(
                "select_all_assign", action(ws.assign_customers, everything, to, "rebalance", "")
            )

        if path is not None:  # SQLite's write lock, in a pass of its own (module docstring)
            watches["lock_hold"] = LockWatch(path, poll=True)
            ids = fresh()
            passes = {
                "lock_assign": action(ws.assign_customers, fresh(), reps[1], "rebalance", ""),
                "lock_tag": action(ws.change_tag, fresh(), "批量lock", True),
                "lock_delete": action(ws.delete_customers, ids),
                "lock_restore": action(ws.restore_customers, ids),
                "lock_select_all_assign": action(
                    ws.assign_customers, everything, reps[2], "rebalance", ""
                ),
                "lock_baseline_orm_assign": old_way(db, fresh(), reps[4], admin.id),
            }
            for label, call in passes.items():
                measure(label, call)
                del samples[label], rows[label]
            watches.pop("lock_hold").stop()

        if path is not None:  # this program's own writes (a save) meanwhile, no other watch
            saves = InProcessWriter(db)
            measure("in_process_writer_assign", action(ws.assign_customers, fresh(), reps[-3],
                                                       "other", "x"))  # fmt: skip
            waited = figures["sqlite_in_process_save_wait_ms"] = saves.stop()
            log(f"{backend}: a save meanwhile waited {waited} ms")
            del samples["in_process_writer_assign"], rows["in_process_writer_assign"]

        if path is not None:  # a second program's writer, on its own
            watches["other_writer"] = LockWatch(path, poll=False)
            to = reps[-1]
            measure("other_writer_assign", action(ws.assign_customers, fresh(), to, "other", "x"))
            to = reps[-2]
            assign_all = action(ws.assign_customers, everything, to, "other", "x")
            measure("other_writer_select_all", assign_all)
            figures["sqlite_other_writer_wait_ms"] = {
                "assign": waits["other_writer"]["other_writer_assign"][0],
                "select_all_assign": waits["other_writer"]["other_writer_select_all"][0],
            }
            for label in ("other_writer_assign", "other_writer_select_all"):
                del samples[label], rows[label]

        for label, values in samples.items():
            figures[f"{label}_ms"] = median_ms(values)
        figures["rows"] = {k: int(statistics.median(v)) for k, v in rows.items()}
        if wal:
            name = "postgresql_wal_mb" if backend == "postgresql" else "sqlite_written_mb"
            figures[name] = {k: round(statistics.median(v)) for k, v in wal.items()}
        figures["assign_speedup_vs_orm"] = round(
            figures["baseline_orm_assign_ms"] / figures["assign_ms"], 1
        )
        if "assign_commit_checkpoints" in samples:
            # per customer moved: the baseline's receiver may already own some of its sample
            def per_row(label: str) -> float:
                pairs = zip(samples[label], rows[label], strict=True)
                return statistics.median(t / n for t, n in pairs)

            figures["assign_speedup_vs_commit_checkpoints"] = round(
                per_row("assign_commit_checkpoints") / per_row("assign"), 2
            )
        per_ids = {k: figures[f"{k}_ms"] for k in ("assign", "tag", "delete", "restore")}
        figures["worst_ids_action_ms"] = max(per_ids.values())
        figures["worst_ids_action_to_budget"] = round(figures["worst_ids_action_ms"] / BUDGET_MS, 2)
        figures["to_floor"] = {
            k: round(v / figures["floor_bare_update_ms"], 2) for k, v in per_ids.items()
        }
        if "floor_units_assign" in samples:
            figures["assign_to_floor_units"] = {
                k: round(figures["assign_ms"] / figures[f"{k}_ms"], 2)
                for k in ("floor_units_assign", "floor_units_assign_deferred")
            }
        figures["longest_unit_of_work_ms"] = round(max(chunk_ms), 1)
        if waits["lock_hold"]:
            # the longest over every bulk action and run; the old way's one transaction apart
            held = waits["lock_hold"]
            old = held.pop("lock_baseline_orm_assign")
            figures["sqlite_lock_hold_ms"] = max(max(v) for v in held.values())
            figures["sqlite_lock_hold_to_budget"] = round(
                figures["sqlite_lock_hold_ms"] / LOCK_BUDGET_MS, 2
            )
            figures["sqlite_lock_hold_baseline_ms"] = max(old)
        return figures
    finally:
        for watch in watches.values():
            watch.stop()
        if restore_pool is not None:
            restore_pool()
        if db is not None:
            db.close()
        if args.keep:
            log(f"{backend}: kept {url}")
        else:
            drop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=300_000)
    parser.add_argument("--select", type=int, default=30_000)
    parser.add_argument("--backends", default="sqlite,postgresql,mariadb")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg-url", default=None)
    parser.add_argument("--mysql-url", default=None)
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument(
        "--innodb-buffer-pool-mb", type=int, default=None,
        help="MariaDB's buffer pool for the run (SET GLOBAL; put back after)",
    )  # fmt: skip
    args = parser.parse_args()
    figures: dict = {
        "customers": args.customers,
        "select": args.select,
        "runs": args.runs,
        "budget_30k_ms": BUDGET_MS,
    }
    for backend in args.backends.split(","):
        figures[backend] = bench_backend(backend.strip(), args)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
