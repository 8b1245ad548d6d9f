"""A SQLite file's WAL checkpointed on a thread of its own while a long write runs in units of
work (bulk.py), instead of by each unit's commit.

A unit of a bulk action dirties a few thousand pages (a customer's table page and its entries in
the indexes its change moves, at random places). SQLite's own checkpoint after each such commit
(wal_autocheckpoint) copies them into the database file between two fsyncs on the writer's
thread: measured at 300,000 customers, 20 commits of a 30,000-customer assign spent 2.1-2.3 s of
3.3-3.7 s in commit, and fsync itself ~10 us a page on this machine's disk. On its own
connection the checkpoint waits for the disk while the next unit runs on the other core.

The WAL only starts again from its beginning when a unit begins after a checkpoint copied every
frame; a checkpointer always a unit behind never lets that happen (the WAL grew to 390 MB for
one 30,000-customer assign). So every MAX_UNITS_AHEAD units the writer waits for the checkpoint
to catch up, at most CATCH_UP_WAIT_S (a reader holding an old snapshot keeps frames from being
copied: the checkpoint is tried again until it ends, or the writer goes on and tries again
MAX_UNITS_AHEAD units later).

Checkpoints stay PASSIVE: they never take the write lock, so another program's save waits for a
unit's commit, as before, never for a checkpoint. The checkpointing connection is synchronous=
NORMAL like every other (database.py): a checkpoint's fsyncs are what make it durable.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from crmdesk.models.changes import WriteResult
from crmdesk.models.database import SQLITE_BUSY_TIMEOUT_MS, TUNED_CONNECTION, Database

T = TypeVar("T")

log = logging.getLogger(__name__)

MAX_UNITS_AHEAD = 4  # units of a 30,000-customer assign: 15-20 MB of WAL each
# How long the writer waits for a catch-up at most. A reader keeps the frames after its snapshot
# from being copied; the checkpoint is tried again every RETRY_S until it ends (a page load
# takes milliseconds). A reader that stays (another program's long read) costs this once every
# MAX_UNITS_AHEAD units.
CATCH_UP_WAIT_S = 0.5
RETRY_S = 0.01
# The write lock left free this long once every OTHERS_EVERY_S: another program's write waits
# in SQLite's busy handler, which sleeps up to 100 ms between tries, and the gap between two
# units (no checkpoint in it now) is a millisecond or less: a program writing every 20 ms
# waited 1.0-2.4 s during a 30,000-customer assign without a window. A window every four units
# instead cost a select-all assign of 270,000 customers 6 s (11 -> 17 s).
OTHERS_WINDOW_S = 0.1
OTHERS_EVERY_S = 0.5
# A unit's page cache (KiB). SQLite's default, 2 MB, spilled a unit's dirty pages into the WAL
# before its commit and wrote them again at the commit: 30,000 assigned in 3.6 s instead of 4.7.
UNIT_CACHE_KIB = 65536


class Checkpointer:
    """Checkpoints the WAL after each commit it is told of, on its own thread and connection.
    If its checkpoints fail, the units go back to checkpointing at their commits (failed)."""

    def __init__(self, path: str) -> None:
        # mode=rw: a file that is not there is an error, not a new empty database
        uri = Path(path).resolve().as_uri() + "?mode=rw"
        timeout = SQLITE_BUSY_TIMEOUT_MS / 1000
        self._conn = sqlite3.connect(
            uri, uri=True, isolation_level=None, check_same_thread=False, timeout=timeout
        )
        try:
            self._conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error:
            self._conn.close()
            raise
        self._cond = threading.Condition()
        self._asked = 0  # commits told of
        self._served = 0  # commits the last finished checkpoint began after
        self._caught_up = True  # that checkpoint copied every frame of the WAL
        self._again = False  # the writer waits for a catch-up: try once more
        self.failed = False  # a checkpoint failed: the units checkpoint at their commits
        self._ahead = 0  # units begun since the writer last waited for the checkpoint
        self._window_at = time.monotonic()  # when the lock was last left free for others
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def write(self, db: Database, fn: Callable[[Session], T]) -> WriteResult[T]:
        """One unit of a long write: the checkpoint caught up if it is time, the unit tuned
        (tune_unit) and written as a long write (Database.write), the checkpointer told of its
        commit."""
        self.before_unit()
        own_checkpoints = self.failed

        def unit(session: Session) -> T:
            tune_unit(session, checkpoint=own_checkpoints)
            return fn(session)

        result = db.write(unit, long=True)
        self.committed()
        return result

    def committed(self) -> None:
        with self._cond:
            self._asked += 1
            self._cond.notify_all()

    def before_unit(self) -> None:
        """Called before each unit begins: every MAX_UNITS_AHEAD units, wait for the checkpoint
        to catch up; every OTHERS_EVERY_S, leave the write lock free OTHERS_WINDOW_S."""
        with self._cond:
            if self.failed:
                return
            began = time.monotonic()
            if self._ahead >= MAX_UNITS_AHEAD:
                self._ahead = 0  # caught up or not, the next try is MAX_UNITS_AHEAD units on
                deadline = began + CATCH_UP_WAIT_S
                while not self._done_all() and not self.failed:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    if self._served == self._asked:  # it ended short of the last frame
                        self._again = True
                        self._cond.notify_all()
                    self._cond.wait(left)
            now = time.monotonic()
            if now - began >= OTHERS_WINDOW_S:
                self._window_at = now  # the catch-up left the lock free long enough
            elif now - self._window_at >= OTHERS_EVERY_S:
                while (left := began + OTHERS_WINDOW_S - time.monotonic()) > 0:
                    self._cond.wait(left)  # woken by checkpoints too: wait out the rest
                self._window_at = time.monotonic()
            self._ahead += 1

    def close(self) -> None:
        """Stop once the last commit told of is checkpointed (as far as readers let it)."""
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        self._thread.join()

    def _done_all(self) -> bool:
        return self._served == self._asked and self._caught_up

    def _run(self) -> None:
        try:
            while True:
                with self._cond:
                    self._cond.wait_for(
                        lambda: self._asked > self._served or self._again or self._stop
                    )
                    if self._asked == self._served and not self._again:
                        return  # stopped, nothing left to do
                    retry, self._again = self._again and self._asked == self._served, False
                    began = self._asked
                if retry:
                    time.sleep(RETRY_S)  # the reader in the way may be gone by then
                try:
                    busy, frames, copied = self._conn.execute(
                        "PRAGMA wal_checkpoint(PASSIVE)"
                    ).fetchone()
                except sqlite3.Error as exc:
                    log.warning("WAL checkpoints left to the commits: %s", exc)
                    return
                with self._cond:
                    # (1, -1, -1): another connection was checkpointing; not caught up yet
                    self._served = began
                    self._caught_up = busy == 0 and frames >= 0 and frames == copied
                    self._cond.notify_all()
        finally:
            with self._cond:  # however it ended: the units checkpoint at their commits again
                self.failed = self.failed or not self._stop
                self._served, self._caught_up = self._asked, True
                self._cond.notify_all()
            self._conn.close()


def sqlite_file(db: Database) -> str | None:
    """The path of db's SQLite file, or None: a server, or a database in memory."""
    url = db.url
    if db.dialect != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if "mode=memory" in str(url) or str(url.query.get("uri", "")).lower() in ("true", "1"):
        return None
    return url.database


def write_unit(
    db: Database, checkpointer: Checkpointer | None, fn: Callable[[Session], T]
) -> WriteResult[T]:
    """A unit of a long write: through the checkpointer on a SQLite file, else db.write."""
    return db.write(fn, long=True) if checkpointer is None else checkpointer.write(db, fn)


@contextmanager
def checkpointing(db: Database) -> Iterator[Checkpointer | None]:
    """A Checkpointer for db's SQLite file while the block runs, None elsewhere."""
    path = sqlite_file(db)
    if path is None:
        yield None
        return
    try:
        checkpointer = Checkpointer(path)
    except sqlite3.Error as exc:  # the units' commits then checkpoint, as any commit does
        log.warning("no WAL checkpointer for %s: %s", path, exc)
        yield None
        return
    try:
        yield checkpointer
    finally:
        checkpointer.close()


def tune_unit(session: Session, *, checkpoint: bool = False) -> None:
    """Inside a unit of a long write on SQLite: a page cache that holds what it dirties and, but
    if checkpoint, no checkpoint at its commit (the Checkpointer does it). The connection's own
    values come back when it returns to the pool (database.py, _install_sqlite_hooks)."""
    fairy = session.connection().connection
    cursor = fairy.dbapi_connection.cursor()
    try:
        if TUNED_CONNECTION not in fairy.info:  # its own values, not a unit's
            pages = cursor.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
            cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
            fairy.info[TUNED_CONNECTION] = (int(pages), int(cache))
        if not checkpoint:
            cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.execute(f"PRAGMA cache_size=-{UNIT_CACHE_KIB}")
    finally:
        cursor.close()
