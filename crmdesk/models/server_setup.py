"""Setting up and upgrading a server database (PostgreSQL, MySQL/MariaDB), explicitly.

A local file upgrades itself when opened (after a backup). A server is shared: an empty one is
set up only when asked (open_database(setup=True), then the first admin), and an older schema is
upgraded only by an admin (upgrade_server, or open_database(upgrade=True)), because every
colleague's program must be replaced by one that knows the new schema. Both run under a
database-wide lock and read the revision again once they hold it: two admins upgrading at the
same moment take turns, and the second finds nothing left to do.

This module imports database.py only inside functions: database.py raises the errors below.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from crmdesk.models.errors import CrmError

log = logging.getLogger(__name__)

# How long an upgrade waits for another client's upgrade of the same database to finish.
UPGRADE_WAIT_S = 600.0
# pg_advisory_lock's key: "crmdesk" as a number. PostgreSQL scopes advisory locks to the
# database, so databases on one server do not wait for each other.
_PG_LOCK_KEY = int.from_bytes(b"crmdesk", "big")


class ServerNotSetUp(CrmError):
    """The server database is empty: open it with setup=True (then create the first admin).
    params: url (shown without a password)."""

    code = "server_not_set_up"


class SchemaTooOld(CrmError):
    """The server database is at an older schema: an admin upgrades it (upgrade_server).
    params: found (its revision), needed (this program's)."""

    code = "schema_too_old"


class UpgradeRefused(CrmError):
    """upgrade_server's login is not an admin (reason not_admin), or is an active admin without a
    password who gave no new one (needs_password: a server written before 0015, whose users have
    none). params: reason, needed (this program's revision)."""

    code = "upgrade_refused"


class UpgradeInProgress(CrmError):
    """Another client held the upgrade lock longer than UPGRADE_WAIT_S."""

    code = "upgrade_in_progress"


def _mysql_lock_name(conn: Connection) -> str:
    # GET_LOCK's names are server-wide: the database's name keeps databases apart (64 chars).
    database = conn.execute(text("SELECT DATABASE()")).scalar() or ""
    return f"crmdesk_upgrade.{database}"[:64]


@contextmanager
def upgrade_lock(engine: Engine, wait_s: float | None = None) -> Iterator[None]:
    """Hold the database-wide upgrade lock for the block (a session lock on a connection of its
    own, so the migration's transactions are free to commit); UpgradeInProgress after wait_s
    (default UPGRADE_WAIT_S)."""
    wait_s = UPGRADE_WAIT_S if wait_s is None else wait_s
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if engine.dialect.name == "postgresql":
            # Polled rather than a blocking pg_advisory_lock: the wait is bounded.
            deadline = time.monotonic() + wait_s
            while not conn.execute(
                text("SELECT pg_try_advisory_lock(:k)"), {"k": _PG_LOCK_KEY}
            ).scalar():
                if time.monotonic() >= deadline:
                    raise UpgradeInProgress()
                time.sleep(0.2)
            release, params = "SELECT pg_advisory_unlock(:k)", {"k": _PG_LOCK_KEY}
        else:
            name = _mysql_lock_name(conn)
            got = conn.execute(text("SELECT GET_LOCK(:n, :w)"), {"n": name, "w": wait_s}).scalar()
            if got != 1:
                raise UpgradeInProgress()
            release, params = "SELECT RELEASE_LOCK(:n)", {"n": name}
        try:
            yield
        finally:
            try:
                conn.execute(text(release), params)
            except Exception:  # a lost connection has released it already
                log.warning("upgrade lock not released explicitly", exc_info=True)


def upgrade_locked(engine: Engine) -> tuple[str | None, str]:
    """Migrate a server database to HEAD under the upgrade lock; (revision found once the lock
    was held, HEAD). Nothing is done when another client got there first."""
    from crmdesk.models import database
    from crmdesk.models.migrations import HEAD

    with upgrade_lock(engine):
        found = database._stored_revision(engine)
        if found != HEAD:
            log.info("upgrading schema of %s from %s to %s", engine.url, found, HEAD)
            database.upgrade_schema(engine)
    return found, HEAD


# Failed upgrade sign-ins on a schema older than the lock-out columns (0015), counted in this
# process only: {(database, user id): (failures, locked until)}. Such a schema was written by a
# crmdesk that let anyone holding the database's credentials in as an administrator, so there
# is nothing more to guard; this only keeps a dialog from being a fast password oracle.
_old_schema_failures: dict[tuple[str, int], tuple[int, datetime | None]] = {}


def _find_user(conn: Connection, login: str) -> int | None:
    """The id of the user with this login, matched as auth.find_login does (trimmed, any case,
    an exact match first)."""
    from crmdesk.models.checks import has_bad_character

    wanted = login.strip() if isinstance(login, str) else ""
    if not wanted or has_bad_character(wanted):
        return None
    found = conn.execute(
        text("SELECT id, login FROM users WHERE lower(login) = :login ORDER BY id"),
        {"login": wanted.lower()},
    ).all()
    found = [f for f in found if f[1].casefold() == wanted.casefold()] or found
    exact = [f for f in found if f[1] == wanted]
    chosen = (exact or found or [None])[0]
    return None if chosen is None else chosen[0]


def _check_admin(
    conn: Connection, where: str, login: str, password: str, now: datetime,
    new_password: str | None,
) -> CrmError | None:  # fmt: skip
    """Whether login is an active admin with this password, read and counted by plain SQL on
    whatever schema the database is at (users.login, password_hash, role and active exist since
    0001; failed_logins and locked_until since 0015). Answers as auth.sign_in does: a failure is
    counted (in the row when the schema has the columns, else in this process), LOCK_AFTER in a
    row lock the account for LOCK_MINUTES, a success resets the count. The refusal is returned,
    so that the caller commits the count before raising it.

    An active admin without a password (every user of a server written before 0015: nothing
    wrote password_hash then) gets new_password, after check_password_rules; without one the
    answer is UpgradeRefused(needs_password). This grants nothing new: whoever calls this holds
    the database's credentials, which the older crmdesk let in as an administrator without a
    password, and which can change any row anyway."""
    from crmdesk.models.auth import (
        LOCK_AFTER,
        LOCK_MINUTES,
        SignInRefused,
        _dummy,
        check_password_rules,
        hash_password,
        verify_password,
    )
    from crmdesk.models.errors import ValidationFailed
    from crmdesk.models.migrations import HEAD

    password = password if isinstance(password, str) else ""
    columns = {c["name"] for c in inspect(conn).get_columns("users")}
    counted = {"failed_logins", "locked_until"} <= columns
    user_id = _find_user(conn, login)
    row = None
    if user_id is not None:  # locked by primary key: failures of one login count up in turn
        row = conn.execute(
            text(
                "SELECT login, password_hash, role, active"
                + (", failed_logins, locked_until" if counted else ", 0, NULL")
                + " FROM users WHERE id = :id FOR UPDATE"
            ),
            {"id": user_id},
        ).first()
    if row is None:
        verify_password(password, _dummy())  # as slow as a real login's check
        return SignInRefused("bad_credentials")
    stored_login, password_hash, role, active, failed, locked_until = row
    key = (where, user_id)
    if not counted:
        failed, locked_until = _old_schema_failures.get(key, (0, None))
    failed = failed or 0

    def keep(failures: int, until: datetime | None) -> None:
        if counted:
            conn.execute(
                text("UPDATE users SET failed_logins = :f, locked_until = :u WHERE id = :id"),
                {"f": failures, "u": until, "id": user_id},
            )
        elif failures or until:
            _old_schema_failures[key] = (failures, until)
        else:
            _old_schema_failures.pop(key, None)

    if locked_until is not None and now >= locked_until:
        failed, locked_until = 0, None  # the lock has served its time
        keep(0, None)
    if locked_until is not None:
        verify_password(password, password_hash or _dummy())
        return SignInRefused("locked", locked_until)
    if not password_hash:
        verify_password(password, _dummy())
        if not active:
            return SignInRefused("inactive")
        if role != "admin":
            return UpgradeRefused(reason="not_admin", needed=HEAD)
        if new_password is None:
            return UpgradeRefused(reason="needs_password", needed=HEAD)
        try:
            check_password_rules(new_password, stored_login)
        except ValidationFailed as weak:
            return weak
        extra = ", must_change_password = :f" if "must_change_password" in columns else ""
        conn.execute(
            text(f"UPDATE users SET password_hash = :h{extra} WHERE id = :id"),
            {"h": hash_password(new_password), "f": False, "id": user_id},
        )
        keep(0, None)
        return None
    if not verify_password(password, password_hash):
        failed += 1
        if failed >= LOCK_AFTER:
            locked_until = now + timedelta(minutes=LOCK_MINUTES)
        keep(failed, locked_until)
        return SignInRefused("bad_credentials")
    if not active:  # told only to who knows the password
        return SignInRefused("inactive")
    if failed:
        keep(0, None)
    if role != "admin":
        return UpgradeRefused(reason="not_admin", needed=HEAD)
    return None


def upgrade_server(
    url: str,
    login: str,
    password: str,
    now: datetime | None = None,
    new_password: str | None = None,
) -> tuple[str, str]:
    """Upgrade the server database at url to this program's schema, as the admin login (checked
    against the database's current schema, before anything changes, and counted as a sign-in:
    wrong passwords lock the account). Returns (revision before, revision after); (HEAD, HEAD)
    when there was nothing to do, e.g. another admin has just done it. The password is checked
    even then: "nothing to do" is said only to an admin, and an admin without a password gets
    new_password also when a colleague upgraded first. An admin without a password (a server
    written by an older crmdesk) passes new_password, which becomes theirs (see _check_admin).
    A local file needs no admin: it is opened, which upgrades it after a backup.

    Raises SignInRefused (bad_credentials, locked, inactive), UpgradeRefused (not_admin;
    needs_password: an admin without a password, and no new_password), ValidationFailed (a
    weak new_password), ServerNotSetUp, SchemaTooNew, UpgradeInProgress, DatabaseUnavailable,
    MigrationFailed."""
    from crmdesk.models import database as dbm
    from crmdesk.models.auth import _dummy
    from crmdesk.models.checks import utc_now
    from crmdesk.models.db_errors import unavailable
    from crmdesk.models.dialects import refresh_statistics
    from crmdesk.models.errors import DatabaseUnavailable, SchemaTooNew
    from crmdesk.models.migrations import HEAD

    url = dbm.normalize_url(url)
    shown = make_url(url).render_as_string(hide_password=True)
    if make_url(url).get_backend_name() == "sqlite":
        engine = dbm.create_db_engine(url)
        try:
            before = dbm._stored_revision(engine)
        finally:
            engine.dispose()
        dbm.open_database(url).close()
        return before or HEAD, HEAD
    engine = dbm.create_db_engine(url)
    try:
        try:
            current = dbm._stored_revision(engine)
            if current is None:
                if dbm._holds_other_tables(engine):
                    raise DatabaseUnavailable(reason="not_a_database", url=shown)
                raise ServerNotSetUp(url=shown)
            if current not in dbm._known_revisions():
                raise SchemaTooNew(found=current, known=HEAD)
            _dummy()  # made now, not while the password check is timed
            with engine.begin() as conn:  # the count of failures commits before the refusal
                refusal = _check_admin(conn, shown, login, password, now or utc_now(),
                                       new_password)  # fmt: skip
        except SQLAlchemyError as exc:
            raise unavailable(exc, engine.dialect.name, shown) from exc
        if refusal is not None:
            raise refusal
        if current == HEAD:
            return HEAD, HEAD
        found = dbm.migrate(engine, current, shown) or current
        if found != HEAD:
            refresh_statistics(dbm.Database(engine))
        return found, HEAD
    finally:
        engine.dispose()
