"""Running a bulk action's units of work (bulk.py): one after another on SQLite, two at a time on
a server.

A server spends a bulk action's time in its own CPU, mostly adding an entry to every index of
customers for each changed row (bulk.py's docstring), on one core per connection: a 30,000-
customer assign on PostgreSQL was 2.6-3.0 s, and a bare UPDATE of those rows alone 2.1-2.3 s,
whatever the statements' shape. Two connections running units on different chunks use two
cores: 1.7-2.0 s, less than one connection's bare UPDATE. Their customers never overlap, and
the rows both touch are only read-locked (the users' rows under the foreign-key checks, the
receiver's row: bulk_assign.assign_action); a unit that loses a deadlock all the same is run
again by Database.write. SQLite has one writer.

On SQLite the ids are taken in the order of their customers' last change (in_change_order),
and each unit stamps its own time (unit_time); on a server in id order, the order every write
locks customer rows in. Units take chunks from one cursor shared by the workers, until each
has run for `seconds` (on SQLite, after the first, as many as that pace fits, in one step:
_Pace); the chunks a unit took are its own, done again if Database.write runs the unit again.
Progress and cancel stay on the caller's thread: a unit already running when the user cancels
commits, and none starts after. A unit that fails stops the action once the
units running beside it have ended; `done` then counts only the ids of committed units.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.models.changes import Change
from crmdesk.models.database import Database
from crmdesk.models.dialects import json_each, no_index
from crmdesk.models.errors import CrmError
from crmdesk.models.schema import Customer
from crmdesk.models.wal_checkpoints import Checkpointer, checkpointing, write_unit

# Units running at once on a server (its connections, its cores). Two: the 2-core machine this
# was measured on, and a shared server's other users keep room to work meanwhile. On MariaDB
# with its default 128 MB buffer pool, 30,000 customers one unit at a time / two: assign 3.6 /
# 2.9 s, tag 3.0 / 2.1, delete 2.2 / 1.5, restore 1.8 / 1.2 (medians of 3, runs minutes apart).
SERVER_WORKERS = 2
UNIT_NUMBER = "bulk_unit_number"  # Session.info: which unit of the action (SQLite)

Start = Callable[[Session], Any]  # a unit's set-up (the actor read fresh, the action's begin)
Step = Callable[[Session, Any, list[int]], tuple[int, int, int]]  # a chunk: mine, changed, skipped


@dataclass
class Outcome:
    mine: int = 0  # customers of the chunks done the actor may change
    changed: int = 0
    skipped: int = 0
    done: int = 0  # ids in the chunks of committed units (0: nothing was committed)
    change: Change = field(default_factory=Change)
    stopped: bool = False  # cancelled by the user
    error: CrmError | None = None  # the first failed unit's


class _Cursor:
    """The next chunk to take, shared by the workers."""

    def __init__(self, count: int) -> None:
        self._next, self._count, self._lock = 0, count, threading.Lock()

    def take(self) -> int | None:
        with self._lock:
            if self._next >= self._count:
                return None
            self._next += 1
            return self._next - 1

    def left(self) -> bool:
        with self._lock:
            return self._next < self._count


class _Pace:
    """SQLite: how many ids a unit of work takes, and all of them in one step.

    The first unit takes chunks one step each until it has run for `seconds`, and so measures
    how long an id takes; each later unit takes as many chunks as fit in `seconds` at the pace
    the last one went, and hands them to one step: one statement of each kind a unit instead
    of one a chunk (SQLite's ids travel as one JSON parameter, bulk.id_in), and no step to
    overshoot the time by. Measured at 300,000 customers, 30,000 picked, alternating with
    units of chunks in fresh processes (three sittings of 2-3 rounds, medians): bytes written
    always less, an assign 1,046 -> 929 MB, a tag 709 -> 610, a delete 592 -> 521; an assign's
    time in units 1,898 -> 1,744 and 2,581 -> 2,308 ms; a tag's and a delete's moved within
    the machine's noise (1,448 -> 1,286, 1,909 -> 2,055, 1,689 -> 1,558; 1,158 -> 1,133,
    1,310 -> 1,613, 1,469 -> 1,499)."""

    # A step's ids at most. Ids cheap to step (not the actor's to change; a tag they have) make
    # a fast pace, and the next unit's may cost far more each: this bounds that unit, at the
    # costliest pace measured (an assign's, 65-85 us an id) to ~0.2-0.27 s.
    MOST_IDS = 3200
    LEAST_S = 0.001  # a step's time at least (Windows' monotonic clock ticks every ~16 ms)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.per_id: float | None = None  # seconds an id took in the last step
        self.last = 0  # ids in the last step

    def known(self) -> bool:
        return self.per_id is not None

    def observe(self, ids: int, took: float) -> None:
        if ids:
            self.per_id, self.last = max(took, self.LEAST_S) / ids, ids

    def want(self) -> float:
        """Ids for the next unit: what fits in `seconds` at the last pace, at most twice the
        last step's and MOST_IDS."""
        if self.per_id is None:
            return 0
        return min(self.seconds / self.per_id, 2 * self.last, self.MOST_IDS)

    def whole(self, session: Session, state: Any, step: Step, chunks, cursor, taken: list[int]):
        if not taken:  # (else run again by Database.write: the same chunks)
            want, size, grain = self.want(), 0, len(chunks[0])
            while not taken or size + grain / 2 <= want:
                n = cursor.take()
                if n is None:
                    break
                taken.append(n)
                size += len(chunks[n])
        ids = [cid for n in taken for cid in chunks[n]]
        if not ids:
            return 0, 0, 0
        stepped = time.perf_counter()
        result = step(session, state, ids)
        self.observe(len(ids), time.perf_counter() - stepped)
        return result


def in_change_order(db: Database, ids: list[int]) -> list[int]:
    """SQLite: the ids in the order their customers were last changed (updated_at, then id),
    those not found last; elsewhere ids as they are.

    Every bulk action stamps updated_at, which leads or follows the owner in three indexes of
    customers (owner, team, updated). Taken by id, a unit's customers sit all over each of them,
    and each unit rewrites most of their pages again; taken by last change, their old entries
    sit together in each, and their new ones (unit_time) append. The servers keep id order: it
    is the order every write locks customer rows in. Measured at 300,000 customers, 30,000
    picked at random, fresh processes taking turns, medians of 8: a delete 2.6 -> 2.35 s, a tag
    3.0 -> 2.7 s (its WAL 98 -> 71 MB), before unit_time. A select-all's ids come in this
    order already (bulk.resolve)."""
    if db.dialect != "sqlite" or len(ids) < 2:
        return ids

    def read(session: Session) -> list[int]:
        # One statement, one JSON parameter (300,000 ids: ~2 MB), sorted by SQLite. Read back
        # as datetimes and sorted here, the parsing took most: 30,000 ids 0.23 s instead of
        # 0.13, 300,000 1.8-2.5 s instead of 0.55.
        given = json_each(ids, "value")
        stmt = select(Customer.id).where(Customer.id.in_(select(given.c.value)))
        return list(session.scalars(stmt.order_by(*change_order())))

    ordered = db.read(read)
    seen = set(ordered)
    return ordered + [cid for cid in ids if cid not in seen]


def change_order() -> tuple:
    """SQLite's ORDER BY for in_change_order: last change, then id. Not through the updated
    index (no_index): walking it read each customer's row at random, and an admin's select-all
    of 300,000 took 0.85 s instead of 0.35 sorted (bulk.resolve). A rep's is sorted too, a few
    thousand rows its owner index finds."""
    return no_index(Customer.updated_at, "sqlite"), Customer.id


def unit_time(session: Session, now: datetime) -> datetime:
    """The time a unit stamps on what it changes: the action's, and on SQLite one microsecond
    later for each unit begun before it (a unit run again by Database.write counts again).

    Each unit's new index entries (owner, this time, id) then sort after the last unit's
    instead of among them: with one time for every unit, a unit taking customers in change
    order put its entries all over that growing group. Bytes the process wrote for a 30,000-
    customer action at 300,000 customers (its WAL and the checkpoints' copies, bench/bulk.py's
    sqlite_written_mb), two runs each: assign 1,256 -> 1,081 MB (before, by id: the new entries
    appended, but the old ones were scattered), tag 916 -> 744, delete 800 -> 611."""
    return now + timedelta(microseconds=session.info.get(UNIT_NUMBER, 0))


def workers_for(db: Database) -> int:
    return 1 if db.dialect == "sqlite" else SERVER_WORKERS


def run_units(
    db: Database,
    chunks: Sequence[list[int]],
    seconds: float,
    start: Start,
    step: Step,
    *,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Outcome:
    if workers <= 1:  # SQLite: its WAL checkpointed beside the units (wal_checkpoints.py)
        with checkpointing(db) as checkpointer:
            return _run(db, chunks, seconds, start, step, 1, progress, cancelled, checkpointer)
    return _run(db, chunks, seconds, start, step, workers, progress, cancelled, None)


def _run(
    db: Database,
    chunks: Sequence[list[int]],
    seconds: float,
    start: Start,
    step: Step,
    workers: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    checkpointer: Checkpointer | None,
) -> Outcome:
    total = sum(len(c) for c in chunks)
    cursor = _Cursor(len(chunks))
    numbers = itertools.count()

    pace = _Pace(seconds) if db.dialect == "sqlite" else None

    def one_unit() -> tuple[Any, list[int]]:
        taken: list[int] = []  # kept across Database.write's retries of this unit

        def unit(session: Session) -> tuple[int, int, int]:
            began = time.monotonic()
            if db.dialect == "sqlite":  # one unit at a time there
                session.info[UNIT_NUMBER] = next(numbers)  # unit_time
            state = start(session)
            if pace is not None and (taken or pace.known()):
                return pace.whole(session, state, step, chunks, cursor, taken)
            if db.dialect != "sqlite":  # SQLite's write lock is held through the set-up too; a
                began = time.monotonic()  # server's unit may have waited for the receiver's row
            mine = changed = skipped = i = 0
            while True:
                if i < len(taken):
                    n = taken[i]
                elif i == 0 or time.monotonic() - began < seconds:
                    n = cursor.take()
                    if n is None:
                        break
                    taken.append(n)
                else:
                    break
                stepped = time.perf_counter()
                m, c, k = step(session, state, chunks[n])
                if pace is not None:
                    pace.observe(len(chunks[n]), time.perf_counter() - stepped)
                mine, changed, skipped, i = mine + m, changed + c, skipped + k, i + 1
            return mine, changed, skipped

        return write_unit(db, checkpointer, unit), taken

    out = Outcome()

    def settle(result, taken: list[int]) -> None:
        if not taken:  # began as the last chunk went to the unit beside it: did nothing
            return
        m, c, k = result.value
        out.mine, out.changed, out.skipped = out.mine + m, out.changed + c, out.skipped + k
        out.change = out.change | result.change
        out.done += sum(len(chunks[n]) for n in taken)
        if progress is not None:
            progress(out.done, total)

    def may_start() -> bool:
        if out.error is not None or out.stopped or not cursor.left():
            return False
        if cancelled is not None and cancelled():
            out.stopped = True
            return False
        return True

    if workers <= 1:  # on the caller's thread, as SQLite's one connection wants
        while may_start():
            try:
                settle(*one_unit())
            except CrmError as exc:
                out.error = exc
        return out
    with ThreadPoolExecutor(workers, thread_name_prefix="bulk-unit") as pool:
        running: set[Future] = set()
        while True:
            while len(running) < workers and may_start():
                running.add(pool.submit(one_unit))
            if not running:
                break
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    settle(*future.result())
                except CrmError as exc:
                    out.error = out.error or exc
    return out
