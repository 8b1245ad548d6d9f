"""Backups of the local file: one automatic backup a day with retention, a backup on demand, the
list of backups, and restoring one (after a safety copy of the file as it is).

Backups sit in paths.backup_dir() as <file stem>-<YYYYmmdd-HHMMSS>-<reason>.sqlite, the name
database.backup_sqlite gives the copy taken before an upgrade ("before-<revision>"). Reasons:
daily (automatic, pruned: the newest KEEP_DAILY, and the newest of each of the newest
KEEP_WEEKLY ISO weeks, are kept), manual (back up now), before-restore (the safety copy) and
before-<revision> (an upgrade's); only the daily ones are ever deleted.

Copies go through SQLite's online backup API, both ways: a consistent copy even while the
program has the file open (WAL). `now` is the caller's wall clock (the user's day decides what
"today's backup" is); it only names files.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from crmdesk import paths
from crmdesk.models.errors import CrmError

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[A-Za-z0-9_.-]+)\.sqlite$")
KINDS = ("daily", "manual", "before_restore", "upgrade", "other")


@dataclass(frozen=True)
class BackupRow:
    path: Path
    at: datetime  # when it was taken, from its name
    kind: str  # one of KINDS
    size: int  # bytes
    revision: str = ""  # an upgrade backup's: the schema it was taken before upgrading to


class BackupFailed(CrmError):
    """A backup or a restore could not be made. params: what ("backup", "restore",
    "not_a_backup": the file is no crmdesk database, "too_new": written by a newer crmdesk),
    path, detail."""

    code = "backup_failed"


def _parse(path: Path) -> tuple[str, datetime, str] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        at = datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return match["stem"], at, match["reason"]


def _kind(reason: str) -> tuple[str, str]:
    if reason in ("daily", "manual"):
        return reason, ""
    if reason == "before-restore":
        return "before_restore", ""
    if reason.startswith("before-"):
        return "upgrade", reason.removeprefix("before-")
    return "other", ""


def list_backups(db_file: Path | None = None) -> list[BackupRow]:
    """The backups, newest first; only db_file's (by its name) when given."""
    rows = []
    for path in paths.backup_dir().glob("*.sqlite"):
        parsed = _parse(path)
        if parsed is None or (db_file is not None and parsed[0] != Path(db_file).stem):
            continue
        kind, revision = _kind(parsed[2])
        try:
            size = path.stat().st_size
        except OSError:  # deleted meanwhile
            continue
        rows.append(BackupRow(path, parsed[1], kind, size, revision))
    rows.sort(key=lambda r: (r.at, r.path.name), reverse=True)
    return rows


def _copy(source: Path, target: Path) -> None:
    """source into target by the online backup API (target replaced page by page)."""
    if not source.is_file():  # sqlite3 would make an empty one
        raise FileNotFoundError(str(source))
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _make(db_file: Path, now: datetime, reason: str) -> Path:
    db_file = Path(db_file)
    folder = paths.backup_dir()
    at = now.replace(microsecond=0)
    while (target := folder / f"{db_file.stem}-{at.strftime(_STAMP)}-{reason}.sqlite").exists():
        at += timedelta(seconds=1)  # two backups in one second: the next free name
    partial = target.with_name(target.name + ".part")  # never listed half-written
    try:
        partial.unlink(missing_ok=True)
        _copy(db_file, partial)
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise BackupFailed(what="backup", path=str(target), detail=str(exc)) from exc
    log.info("backed up %s to %s", db_file, target)
    return target


def back_up_now(db_file: Path, now: datetime) -> Path:
    """A backup on demand (kept until the user deletes it)."""
    return _make(db_file, now, "manual")


def daily_backup(db_file: Path, now: datetime) -> Path | None:
    """Today's automatic backup, unless there is one (or no file yet); then prune the old
    ones. Returns the new backup or None."""
    db_file = Path(db_file)
    if not db_file.exists():
        return None
    backups = list_backups(db_file)
    made = None
    if not any(r.kind == "daily" and r.at.date() == now.date() for r in backups):
        made = _make(db_file, now, "daily")
    prune(db_file)
    return made


def prune(
    db_file: Path, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY
) -> list[Path]:
    """Delete the daily backups retention does not keep; returns what was deleted."""
    daily = [r for r in list_backups(db_file) if r.kind == "daily"]  # newest first
    keep = {r.path for r in daily[:keep_daily]}
    newest_of_week: dict[tuple[int, int], BackupRow] = {}
    for row in daily:
        newest_of_week.setdefault(tuple(row.at.isocalendar())[:2], row)
    keep |= {r.path for r in list(newest_of_week.values())[:keep_weekly]}
    removed = []
    for row in daily:
        if row.path not in keep:
            try:
                row.path.unlink(missing_ok=True)
                removed.append(row.path)
            except OSError:  # open elsewhere (Windows): next time
                log.warning("could not delete old backup %s", row.path, exc_info=True)
    return removed


def backup_revision(backup: Path) -> str:
    """The schema revision of a backup; BackupFailed(not_a_backup / too_new) if it is no
    database this program can open."""
    from crmdesk.models.database import _known_revisions

    if not Path(backup).is_file():
        raise BackupFailed(what="not_a_backup", path=str(backup), detail="missing")
    try:
        conn = sqlite3.connect(str(backup))
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupFailed(what="not_a_backup", path=str(backup), detail=str(exc)) from exc
    if not ok or revision is None:
        raise BackupFailed(what="not_a_backup", path=str(backup), detail="")
    if revision[0] not in _known_revisions():
        raise BackupFailed(what="too_new", path=str(backup), detail=revision[0])
    return revision[0]


def restore_backup(backup: Path | BackupRow, db_file: Path, now: datetime) -> Path | None:
    """Replace db_file's contents with the backup's. The caller has closed its engine. The
    file as it was is backed up first ("before-restore"); returns that safety copy (None when
    there was no file). A backup of an older schema is upgraded when next opened."""
    source = backup.path if isinstance(backup, BackupRow) else Path(backup)
    db_file = Path(db_file)
    backup_revision(source)
    safety = _make(db_file, now, "before-restore") if db_file.exists() else None
    try:
        _copy(source, db_file)
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(what="restore", path=str(source), detail=str(exc)) from exc
    log.info("restored %s from %s (safety copy %s)", db_file, source, safety)
    return safety
