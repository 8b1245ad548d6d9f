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

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

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
def upgrade_lock(engine: Engine, wait_s: float = UPGRADE_WAIT_S) -> Iterator[None]:
    """Hold the database-wide upgrade lock for the block (a session lock on a connection of its
    own, so the migration's transactions are free to commit); UpgradeInProgress after wait_s."""
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
