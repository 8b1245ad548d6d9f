"""Backups of the local file: once a day with retention (7 daily, 4 weekly; upgrade and manual
backups never pruned), on demand, listed, and restored after a safety copy."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from crmdesk import paths
from crmdesk.models import backups
from crmdesk.models.backups import BackupFailed
from crmdesk.models.database import open_database
from crmdesk.models.migrations import HEAD

DAY = timedelta(days=1)
MONDAY = datetime(2026, 11, 2, 9, 0)  # ISO week 45


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path / "home"))
    return tmp_path


@pytest.fixture
def db_file(home):
    path = home / "crm.sqlite"
    open_database(f"sqlite:///{path}").close()
    return path


def note(path, body: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE IF NOT EXISTS crm_note (body TEXT)")
        conn.execute("DELETE FROM crm_note")
        conn.execute("INSERT INTO crm_note VALUES (?)", (body,))
    conn.close()


def read_note(path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT body FROM crm_note").fetchone()
        return row[0] if row else None
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()


def test_a_daily_backup_is_made_once_a_day(db_file):
    first = backups.daily_backup(db_file, MONDAY)
    assert first is not None and first.parent == paths.backup_dir()
    assert backups.daily_backup(db_file, MONDAY + timedelta(hours=8)) is None  # same day
    second = backups.daily_backup(db_file, MONDAY + DAY)
    rows = backups.list_backups(db_file)
    assert [r.path for r in rows] == [second, first]  # newest first
    assert {r.kind for r in rows} == {"daily"} and rows[0].at == MONDAY + DAY
    assert rows[0].size == second.stat().st_size > 0
    assert backups.daily_backup(db_file.with_name("none.sqlite"), MONDAY) is None


def test_retention_keeps_seven_daily_and_four_weekly(db_file):
    upgrade = paths.backup_dir() / f"crm-{(MONDAY - 60 * DAY):%Y%m%d-%H%M%S}-before-0014.sqlite"
    upgrade.write_bytes(b"")
    manual = backups.back_up_now(db_file, MONDAY - 50 * DAY)
    for day in range(60):  # sixty days, one a day
        backups.daily_backup(db_file, MONDAY + day * DAY)
    rows = backups.list_backups(db_file)
    daily = [r.at for r in rows if r.kind == "daily"]
    last = MONDAY + 59 * DAY  # a Thursday
    newest_seven = [last - i * DAY for i in range(7)]
    assert daily[:7] == newest_seven
    weeks = {d.isocalendar()[:2] for d in daily}
    assert len(weeks) == 4  # the seven span two weeks; two older weeks' newest kept besides
    older = daily[7:]
    assert all(d.weekday() == 6 for d in older)  # each the newest (Sunday) of its week
    assert len(daily) == 7 + len(older) and len(older) == 2
    kinds = {r.kind for r in rows}
    assert {"upgrade", "manual"} <= kinds and upgrade.exists() and manual.exists()
    assert next(r for r in rows if r.kind == "upgrade").revision == "0014"


def test_restore_puts_the_backup_back_after_a_safety_copy(db_file):
    note(db_file, "before")
    taken = backups.back_up_now(db_file, MONDAY)
    note(db_file, "after")
    safety = backups.restore_backup(taken, db_file, MONDAY + DAY)
    assert read_note(db_file) == "before"
    assert safety is not None and read_note(safety) == "after"
    kinds = {r.path: r.kind for r in backups.list_backups(db_file)}
    assert kinds[safety] == "before_restore" and kinds[taken] == "manual"
    db = open_database(f"sqlite:///{db_file}")  # still a crmdesk database at HEAD
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    db.close()


def test_a_backup_taken_while_the_program_writes_is_consistent(db_file):
    db = open_database(f"sqlite:///{db_file}")
    try:
        with db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE crm_note (body TEXT)"))
            conn.execute(text("INSERT INTO crm_note VALUES ('in the WAL')"))
        taken = backups.back_up_now(db_file, MONDAY)  # the row is still in the -wal file
    finally:
        db.close()
    assert read_note(taken) == "in the WAL"


def test_what_is_not_a_backup_is_refused_and_nothing_changes(db_file, home):
    note(db_file, "mine")
    junk = home / "junk.sqlite"
    junk.write_text("not a database " * 100)
    for bad in (junk, home / "missing.sqlite"):
        with pytest.raises(BackupFailed) as err:
            backups.restore_backup(bad, db_file, MONDAY)
        assert err.value.params["what"] == "not_a_backup"
    assert read_note(db_file) == "mine"
    assert backups.list_backups(db_file) == []  # no safety copy for a refused restore


def test_a_backup_from_a_newer_program_is_refused(db_file):
    taken = backups.back_up_now(db_file, MONDAY)
    conn = sqlite3.connect(taken)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    with pytest.raises(BackupFailed) as err:
        backups.restore_backup(taken, db_file, MONDAY)
    assert err.value.params["what"] == "too_new"


def test_the_command_line_backs_up_the_local_file_only(db_file, home):
    from test_server_setup import one_line_failure, run_cli

    done = run_cli("backup", "--db", f"sqlite:///{db_file}")
    assert done.returncode == 0, done.stderr
    made = Path(done.stdout.strip())
    assert made.is_file() and made.parent == paths.backup_dir()
    refused = run_cli("backup", "--db", "postgresql://postgres@127.0.0.1:1/crm")
    assert "on the server" in one_line_failure(refused)
