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
from datetime import datetime

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
    """upgrade_server's login is not an active admin with that password. params: reason
    (bad_credentials: unknown login or wrong password, alike; not_admin; inactive), needed."""

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


def _check_admin(conn: Connection, login: str, password: str, now: datetime) -> None:
    """login is an active admin with this password, read by plain SQL from whatever schema the
    database is at (users.login, password_hash, role and active exist since 0001; the lock-out
    columns since 0015). Refusals answer as signing in does (auth.sign_in)."""
    from crmdesk.models.auth import SignInRefused, _dummy, verify_password
    from crmdesk.models.migrations import HEAD

    locks = "locked_until" in {c["name"] for c in inspect(conn).get_columns("users")}
    row = conn.execute(
        text(
            "SELECT password_hash, role, active"
            + (", locked_until" if locks else ", NULL")
            + " FROM users WHERE lower(login) = :login"
        ),
        {"login": (login or "").strip().lower()},
    ).first()
    password = password if isinstance(password, str) else ""
    if row is None:
        verify_password(password, _dummy())  # as slow as a real login's check
        raise SignInRefused("bad_credentials")
    password_hash, role, active, locked_until = row
    if locked_until is not None and now < locked_until:
        verify_password(password, password_hash or _dummy())
        raise SignInRefused("locked", locked_until)
    if not password_hash:
        verify_password(password, _dummy())
        raise SignInRefused("no_password")
    if not verify_password(password, password_hash):
        raise SignInRefused("bad_credentials")
    if not active:
        raise SignInRefused("inactive")
    if role != "admin":
        raise UpgradeRefused(reason="not_admin", needed=HEAD)


def upgrade_server(
    url: str, login: str, password: str, now: datetime | None = None
) -> tuple[str, str]:
    """Upgrade the server database at url to this program's schema, as the admin login (checked
    against the database's current schema, before anything changes). Returns (revision before,
    revision after); (HEAD, HEAD) when there was nothing to do, e.g. another admin has just
    done it. A local file needs no admin: it is opened, which upgrades it after a backup.

    Raises SignInRefused (bad_credentials, locked, no_password, inactive), UpgradeRefused
    (not_admin), ServerNotSetUp, SchemaTooNew, UpgradeInProgress, DatabaseUnavailable,
    MigrationFailed."""
    from crmdesk.models import database as dbm
    from crmdesk.models.checks import utc_now
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
            with engine.connect() as conn:
                _check_admin(conn, login, password, now or utc_now())
        except SQLAlchemyError as exc:
            raise dbm.unavailable(exc, engine.dialect.name, shown) from exc
        if current == HEAD:
            return HEAD, HEAD
        found = dbm.migrate(engine, current, shown) or current
        if found != HEAD:
            refresh_statistics(dbm.Database(engine))
        return found, HEAD
    finally:
        engine.dispose()
