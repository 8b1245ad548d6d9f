"""The WAL of a SQLite file checkpointed beside a long write (wal_checkpoints.py): the units'
connections get SQLite's defaults back, the WAL starts again from its beginning every few units
instead of growing with every unit, and a reader keeping frames from being copied never stalls
the writer for longer than CATCH_UP_WAIT_S. SQLite only: the servers have no WAL of ours."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import types
from pathlib import Path

import pytest
from helpers import SaveDuring
from sqlalchemy import text

from crmdesk.models import bulk_units, wal_checkpoints
from crmdesk.models.database import open_database
from crmdesk.models.wal_checkpoints import Checkpointer, checkpointing, sqlite_file, tune_unit

PAYLOAD = "x" * 3000  # about a page a row


@pytest.fixture
def file_db(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'wal.sqlite'}")
    with db.writing() as s:
        s.execute(text("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)"))
    yield db
    db.close()


def wal_size(db) -> int:
    path = sqlite_file(db) + "-wal"
    return os.path.getsize(path) if os.path.exists(path) else 0


def pragmas(session) -> tuple[int, int]:
    checkpoint = session.execute(text("PRAGMA wal_autocheckpoint")).scalar()
    return checkpoint, session.execute(text("PRAGMA cache_size")).scalar()


def fill(session, rows: int) -> None:
    session.execute(text("INSERT INTO filler (body) VALUES (:b)"), [{"b": PAYLOAD}] * rows)


def count_step(session, _state, chunk):
    fill(session, len(chunk))
    return len(chunk), len(chunk), 0


def write_units(db, checkpointer, units: int, rows: int) -> int:
    """`units` units of work of `rows` rows each, as run_units runs them; the WAL's largest size."""
    largest = 0
    for _ in range(units):
        checkpointer.write(db, lambda session: fill(session, rows))
        largest = max(largest, wal_size(db))
    return largest


def test_a_unit_is_tuned_and_its_connection_gets_the_defaults_back(file_db):
    with file_db.reading() as s:
        defaults = pragmas(s)
    assert defaults == (1000, -2000)  # SQLite's own

    def unit(session):
        tune_unit(session)
        return pragmas(session)

    assert file_db.write(unit).value == (0, -wal_checkpoints.UNIT_CACHE_KIB)
    for _ in range(3):  # whichever pooled connection comes next
        with file_db.reading() as s:
            assert pragmas(s) == defaults


def test_a_connection_gets_its_own_values_back_not_sqlites_defaults(file_db):
    """The recycle pass's engine sets its own pragmas: a unit on it gives those back."""

    def own(session):
        session.execute(text("PRAGMA wal_autocheckpoint=777"))
        session.execute(text("PRAGMA cache_size=-4321"))

    def unit(session):
        tune_unit(session)
        return pragmas(session)

    with file_db.engine.connect() as conn:  # the one pooled connection, set up as the pass does
        own(conn)
        conn.commit()
    assert file_db.write(unit).value == (0, -wal_checkpoints.UNIT_CACHE_KIB)
    with file_db.reading() as s:
        assert pragmas(s) == (777, -4321)


def test_the_wal_starts_again_every_few_units_instead_of_growing(file_db, monkeypatch, tmp_path):
    monkeypatch.setattr(wal_checkpoints, "MAX_UNITS_AHEAD", 2)
    monkeypatch.setattr(wal_checkpoints, "CATCH_UP_WAIT_S", 10.0)  # a loaded machine's fsyncs
    units, rows = 12, 200  # ~0.8 MB of WAL a unit
    with checkpointing(file_db) as checkpointer:
        largest = write_units(file_db, checkpointer, units, rows)
    one_unit = rows * 4096
    # Without the catch-up the WAL holds every unit's frames (a checkpointer always behind
    # never lets it start again): 12 units' worth. With it, a few units at most.
    assert largest < 5 * one_unit
    # Closing waited for the last commit's checkpoint: the database file alone, without its
    # WAL, holds every row.
    copy = tmp_path / "main-file-only.sqlite"
    copy.write_bytes(Path(sqlite_file(file_db)).read_bytes())
    with sqlite3.connect(copy) as raw:
        assert raw.execute("SELECT count(*) FROM filler").fetchone()[0] == units * rows


def test_a_reader_in_the_way_for_a_moment_costs_a_moment_not_the_whole_wait(file_db, monkeypatch):
    """A page load overlapping a checkpoint: the checkpoint is tried again once the reader is
    gone, and the writer goes on then, not at the end of CATCH_UP_WAIT_S."""
    monkeypatch.setattr(wal_checkpoints, "MAX_UNITS_AHEAD", 1)
    monkeypatch.setattr(wal_checkpoints, "CATCH_UP_WAIT_S", 30.0)
    with file_db.writing() as s:
        fill(s, 10)
    reader = sqlite3.connect(sqlite_file(file_db), isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM filler").fetchone()  # a snapshot, for 0.3 s
    threading.Timer(0.3, reader.close).start()
    started = time.monotonic()
    with checkpointing(file_db) as checkpointer:
        write_units(file_db, checkpointer, 3, 20)
    assert time.monotonic() - started < 15.0  # not 30 s for the second unit's catch-up
    with file_db.reading() as s:
        assert s.execute(text("SELECT count(*) FROM filler")).scalar() == 70


def test_a_reader_that_stays_delays_the_writer_a_bounded_time(file_db, monkeypatch):
    monkeypatch.setattr(wal_checkpoints, "MAX_UNITS_AHEAD", 1)
    monkeypatch.setattr(wal_checkpoints, "CATCH_UP_WAIT_S", 0.2)
    with file_db.writing() as s:
        fill(s, 10)
    reader = sqlite3.connect(sqlite_file(file_db), isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM filler").fetchone()  # a snapshot kept open
        with checkpointing(file_db) as checkpointer:
            started = time.monotonic()
            write_units(file_db, checkpointer, 4, 20)
            elapsed = time.monotonic() - started
        # Each unit after the first waits for a catch-up the reader prevents, then goes on.
        assert 0.2 <= elapsed < 3.0
        assert reader.execute("SELECT count(*) FROM filler").fetchone()[0] == 10
    finally:
        reader.close()
    with file_db.reading() as s:
        assert s.execute(text("SELECT count(*) FROM filler")).scalar() == 90


def test_a_failed_checkpoint_leaves_the_checkpoints_to_the_commits(file_db, monkeypatch):
    """Its connection broken, the checkpointer gives the checkpoints back to the units' commits
    (SQLite's own, at 1,000 pages) and stops making the writer wait for it."""
    monkeypatch.setattr(wal_checkpoints, "CATCH_UP_WAIT_S", 30.0)
    monkeypatch.setattr(wal_checkpoints, "MAX_UNITS_AHEAD", 2)
    checkpointer = Checkpointer(sqlite_file(file_db))
    checkpointer._conn.close()  # every checkpoint it tries now fails
    units, rows = 12, 400  # ~1.6 MB of WAL a unit
    started = time.monotonic()
    try:
        largest = write_units(file_db, checkpointer, units, rows)
    finally:
        checkpointer.close()
    assert checkpointer.failed
    assert time.monotonic() - started < 20.0  # no 30 s catch-up waits
    # Checkpointed at the commits past 1,000 pages (4 MB): not all 19 MB in the WAL.
    assert largest < 8 * 2**20
    with file_db.reading() as s:
        assert s.execute(text("SELECT count(*) FROM filler")).scalar() == units * rows


def test_no_checkpointer_for_a_server_or_a_database_in_memory(db):
    memory = open_database("sqlite://")
    try:
        assert sqlite_file(memory) is None
        with checkpointing(memory) as checkpointer:
            assert checkpointer is None
    finally:
        memory.close()
    expected = db.dialect != "sqlite"
    assert (sqlite_file(db) is None) == expected


def test_bulk_units_on_a_file_run_beside_a_checkpointer(file_db, monkeypatch):
    seen = []
    real = wal_checkpoints.Checkpointer.committed

    def committed(self):
        seen.append(True)
        real(self)

    monkeypatch.setattr(wal_checkpoints.Checkpointer, "committed", committed)
    chunks = [[1, 2], [3, 4], [5]]
    out = bulk_units.run_units(file_db, chunks, 0.0, lambda s: None, count_step)
    assert (out.done, out.changed) == (5, 5)
    assert len(seen) == 3  # a unit a chunk (no time allowed): each commit told of


def test_a_save_of_this_program_goes_between_the_units_of_a_long_write(file_db, monkeypatch):
    """A save asked while a long write runs lands after the unit running then, not after the
    whole action: the units wait for it (Database.write, long). Without that, the
    next unit took the lock again at once while the save slept in SQLite's busy handler."""

    # No window for other programs, no catch-up: the save gets in by its own turn alone.
    monkeypatch.setattr(wal_checkpoints, "OTHERS_EVERY_S", 3600.0)
    monkeypatch.setattr(wal_checkpoints, "MAX_UNITS_AHEAD", 1000)

    def step(session, _state, chunk):
        fill(session, 1)
        time.sleep(0.05)  # a unit holds the lock a while, as 400 customers do
        save.unit_done()
        return 1, 1, 0

    save = SaveDuring(file_db)
    chunks = [[n] for n in range(40)]
    bulk_units.run_units(file_db, chunks, 0.0, lambda s: None, step)  # a unit a chunk
    # The unit running, and a few more on a loaded machine; without the wait, all 40.
    assert save.waited() <= 8, save.log


def test_a_checkpointer_that_cannot_open_leaves_the_commits_their_own(file_db, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    stand_in = types.SimpleNamespace(connect=refuse, Error=sqlite3.Error)
    monkeypatch.setattr(wal_checkpoints, "sqlite3", stand_in)  # not SQLAlchemy's sqlite3
    with checkpointing(file_db) as checkpointer:
        assert checkpointer is None
    out = bulk_units.run_units(file_db, [[1], [2]], 0.0, lambda s: None, count_step)
    assert out.done == 2 and out.error is None
