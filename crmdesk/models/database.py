"""Opening a database: engines, dialect quirks, pragmas and schema migrations.

SQLite (the default, a file in the per-user data directory), PostgreSQL (psycopg 3) and
MySQL/MariaDB (PyMySQL) run the same code; what differs between them is kept here.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import (
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from crmdesk import paths
from crmdesk.models.change_feed import append_change, claim_receipt
from crmdesk.models.changes import WriteResult, recorded
from crmdesk.models.db_errors import failure_reason, is_retryable, translate_error, unavailable
from crmdesk.models.dialects import refresh_stale_statistics, refresh_statistics
from crmdesk.models.errors import (
    ConnectionLost,
    CrmError,
    DatabaseUnavailable,
    MigrationFailed,
    SchemaTooNew,
)
from crmdesk.models.migrations import HEAD
from crmdesk.models.server_setup import SchemaTooOld, ServerNotSetUp

T = TypeVar("T")

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


WRITE_ATTEMPTS = 4
CONNECT_TIMEOUT_S = 10
# How long a SQLite connection waits for another program's lock before it answers "locked".
SQLITE_BUSY_TIMEOUT_MS = 10_000
# A pooled SQLite connection's own pragmas (wal_autocheckpoint, cache_size) that a long write's
# unit changed (wal_checkpoints.py): they come back when it returns to the pool.
TUNED_CONNECTION = "crmdesk_tuned"
# How long a long write's unit waits for this program's other writes to go first (a save, a
# follow-up logged meanwhile); bounded, so a stream of them cannot stop it.
SHORT_WRITES_WAIT_S = 1.0


class ShortWrites:
    """How many of this program's short writes are running or waiting for SQLite's write lock;
    a long write's unit waits for none to be left (Database.write)."""

    def __init__(self) -> None:
        self._count = 0
        self._changed = threading.Condition()

    @contextmanager
    def running(self) -> Iterator[None]:
        with self._changed:
            self._count += 1
        try:
            yield
        finally:
            with self._changed:
                self._count -= 1
                self._changed.notify_all()

    def wait_none(self, timeout: float) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self._count == 0, timeout)


class Database:
    """An open database: an engine plus a unit-of-work factory for reads and for writes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.url = engine.url
        # Which program wrote a change-feed entry: a client skips its own (change_feed.py).
        self.client_id = uuid.uuid4().hex
        self._read = sessionmaker(engine, expire_on_commit=False)
        # SQLite: a write transaction takes the write lock up front (BEGIN IMMEDIATE), so two
        # writers queue on busy_timeout instead of failing half-way through an upgrade of locks.
        self._write = sessionmaker(
            engine.execution_options(crmdesk_begin="IMMEDIATE"), expire_on_commit=False
        )
        # SQLite: this program's writes other than a long write's units, running or waiting for
        # the write lock (a long write's units let them go first). Shared with a Database that
        # writes for this one (the recycle pass's own connection).
        self.short_writes = ShortWrites()

    @property
    def is_local(self) -> bool:
        return self.dialect == "sqlite"

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error. Tests and
        scripts use it directly; the program goes through write(), which also retries and
        translates errors."""
        with self._write() as session, session.begin():
            yield session

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run fn in a read session; a database failure comes out as the project's own error."""
        try:
            with self._read() as session:
                return fn(session)
        except SQLAlchemyError as exc:
            error = translate_error(exc, self.dialect)
            if error.code == "rejected":  # nothing was being written: say it the other way
                error = CrmError("read_failed", **error.params)
            raise error from exc

    def write(
        self, fn: Callable[[Session], T], key: str | None = None, *, long: bool = False
    ) -> WriteResult[T]:
        """Run fn as one unit of work and return its value with what it changed.

        A unit of work that lost a deadlock or a serialization failure (or a check-then-insert
        race) is run again from the start, a bounded number of times, before the error is
        reported; fn must therefore read what it decides on inside the unit of work.

        key: the write's idempotency key (a uuid4 string the caller keeps until the write is
        known to have landed). It is stored with the unit of work; a write sent again with the
        same key after a lost connection raises AlreadyApplied instead of writing twice.
        A unit of work that changed something adds its Change to the change feed, which
        colleagues' clients poll (change_feed.py).

        long: a unit of a long write (a bulk action, the recycle pass, an import). On SQLite it
        first lets this program's other writes run (ShortWrites): they wait for the write lock
        in SQLite's busy handler, which sleeps up to 100 ms between tries, so a long write whose
        next unit began at once after a commit took the lock again before them (a save waited
        over a second behind a 30,000-customer assign). Other programs' writes still meet only
        the gaps between units."""
        if self.dialect != "sqlite":
            return self._write_unit(fn, key)
        if long:
            self.short_writes.wait_none(SHORT_WRITES_WAIT_S)
            return self._write_unit(fn, key)
        with self.short_writes.running():
            return self._write_unit(fn, key)

    def _write_unit(self, fn: Callable[[Session], T], key: str | None) -> WriteResult[T]:
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self._write() as session, session.begin():
                    if key is not None:
                        claim_receipt(session, key)
                    value = fn(session)
                    change = recorded(session)
                    if not change.empty:
                        append_change(session, change, self.client_id)
                return WriteResult(value, change)
            except SQLAlchemyError as exc:
                # A constraint is worth one more look (a check-then-insert race); a second
                # failure is a real violation.
                again = attempt < (2 if isinstance(exc, IntegrityError) else WRITE_ATTEMPTS)
                if again and is_retryable(exc, self.dialect):
                    log.info("unit of work retried (%s/%s): %s", attempt, WRITE_ATTEMPTS, exc)
                    time.sleep(random.uniform(0.005, 0.04) * attempt)
                    continue
                raise translate_error(exc, self.dialect) from exc
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.engine.dispose()

    def display_name(self) -> str:
        if self.is_local:
            return self.url.database or ""
        # Without the driver and the options the program adds (charset=utf8mb4): what the
        # user typed, not how it is connected.
        url = self.url.set(drivername=self.url.get_backend_name(), query={})
        return url.render_as_string(hide_password=True)


def normalize_url(url: str | None) -> str:
    if not url:
        return paths.default_database_url()
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif parsed.drivername in ("mysql", "mariadb", "mariadb+pymysql"):
        parsed = parsed.set(drivername="mysql+pymysql")
    if parsed.drivername.startswith("mysql") and "charset" not in parsed.query:
        parsed = parsed.update_query_dict({"charset": "utf8mb4"})
    return parsed.render_as_string(hide_password=False)


def create_db_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # No folders are made here: the default file's folder exists (paths.data_dir makes it),
        # and a mistyped path must be an error ("cannot_open"), not a new empty database
        # somewhere the user will never look.
        # Pages and counts load on worker threads; the pool hands a connection to one at a time.
        # The driver's own timeout covers the first statements of a new connection (the pragmas
        # below), which run before PRAGMA busy_timeout could take effect.
        args = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        engine = create_engine(url, connect_args=args)
        _install_sqlite_hooks(engine)
        return engine
    # A server that does not answer (a wrong address, a dropped VPN) fails in seconds, not in
    # the operating system's minutes.
    options: dict = {}
    if parsed.get_backend_name() == "mysql":
        # READ COMMITTED, as PostgreSQL: a unit of work locks the customer row and then reads
        # what hangs off it (contacts, the search text). Under InnoDB's REPEATABLE READ those
        # reads come from the snapshot of the unit's first read (the acting user), taken before
        # the lock was granted, so a colleague's contact removed in between was still "there":
        # deleted twice, a primary handed to a row that no longer existed, stale search text.
        # (Writes need row-based or mixed binary logging, MariaDB's default, under this level.)
        options["isolation_level"] = "READ COMMITTED"
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_recycle=3600,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
        **options,
    )


def _is_uri(parsed) -> bool:
    """sqlite:///file:path?mode=ro&uri=true: SQLite opens the path itself, as told."""
    return str(parsed.query.get("uri", "")).lower() in ("true", "1")


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling is lazy).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    # On the pool's reset (each return to the pool), where SQLAlchemy invalidates a connection
    # whose restore fails instead of losing its place in the pool.
    @event.listens_for(engine, "reset")
    def _on_reset(dbapi_connection, record, _state):
        tuned = record.info.pop(TUNED_CONNECTION, None)
        if dbapi_connection is None or tuned is None:
            return
        pages, cache = tuned
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA wal_autocheckpoint={int(pages)}")
        cursor.execute(f"PRAGMA cache_size={int(cache)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get("crmdesk_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def schema_state(engine: Engine) -> tuple[str | None, str]:
    """(revision the database is at, newest revision this program knows)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return current, head


def _holds_other_tables(engine: Engine) -> bool:
    """Whether a database without crmdesk's revision already holds tables of its own."""
    from sqlalchemy import inspect

    return bool(inspect(engine).get_table_names())


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def backup_sqlite(engine: Engine, reason: str) -> Path:
    """A consistent copy of a SQLite file (online backup API) in the per-user backup folder."""
    source = Path(engine.url.database or "")
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = paths.backup_dir() / f"{source.stem}-{stamp}-{reason}.sqlite"
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    log.info("backed up %s to %s", source, target)
    return target


def _stored_revision(engine: Engine) -> str | None:
    """The revision the database is at, by plain SQL (None for an empty database)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_schema(engine: Engine) -> None:
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_database(
    url: str | None = None, *, setup: bool = False, upgrade: bool = False
) -> Database:
    """Open the database at url; None means the local file, which is created or upgraded as
    needed (after a backup). A server is set up or upgraded only when asked (server_setup.py).

    Raises DatabaseUnavailable (with a reason) when it cannot be used, ServerNotSetUp for an
    empty server without setup, SchemaTooOld for an older server schema without upgrade,
    SchemaTooNew when it was written by a newer crmdesk and MigrationFailed when a set-up or an
    upgrade did not go through.
    """
    url = normalize_url(url)
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        engine = create_db_engine(url)
    except OSError as exc:  # the SQLite file's folder could not be made (missing drive, rights)
        raise DatabaseUnavailable(reason="cannot_open", url=shown, detail=str(exc)) from exc
    try:
        try:
            if _stored_revision(engine) == HEAD:
                db = Database(engine)
                refresh_stale_statistics(db)
                return db
            current, head = schema_state(engine)
            if current is None and _holds_other_tables(engine):
                # Another program's database (a file chosen by mistake, a server database in
                # use): crmdesk's tables are never written into it.
                raise DatabaseUnavailable(reason="not_a_database", url=shown)
        except SQLAlchemyError as exc:
            raise unavailable(exc, engine.dialect.name, shown) from exc
        if current != head:
            if current is not None and current not in _known_revisions():
                raise SchemaTooNew(found=current, known=head)
            if engine.dialect.name != "sqlite":
                if current is None and not setup:
                    raise ServerNotSetUp(url=shown)
                if current is not None and not upgrade:
                    raise SchemaTooOld(found=current, needed=head)
            migrate(engine, current, shown)
    except Exception:
        engine.dispose()
        raise
    db = Database(engine)
    if current is not None and current != head:
        refresh_statistics(db)  # the upgrade may have filled columns and built indexes
    return db


# Reasons that, during a schema upgrade, mean the database cannot be written rather than that
# the migration is wrong.
_NOT_THE_MIGRATION = frozenset(
    {"no_privileges", "read_only", "disk_full", "locked", "damaged", "cannot_open"}
)


def migrate(engine: Engine, current: str | None, shown: str) -> str | None:
    """Bring the database from current to HEAD: a local file after a backup, a server under the
    upgrade lock. Returns the revision the migration started from (a server's, read again under
    the lock: HEAD when another client has just done it)."""
    head = HEAD
    try:
        if engine.dialect.name != "sqlite":
            from crmdesk.models.server_setup import upgrade_locked

            return upgrade_locked(engine)[0]
        if current is not None:
            backup_sqlite(engine, f"before-{head}")
        log.info("upgrading schema of %s from %s to %s", shown, current, head)
        upgrade_schema(engine)
        return current
    except SQLAlchemyError as exc:
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            raise ConnectionLost(detail=str(exc)) from exc
        # The database, not the migration, is at fault (no right to create tables, a
        # read-only file or server, a full disk, another program's lock): say so, as
        # when opening, because that is what the user can act on.
        if failure_reason(exc, engine.dialect.name) in _NOT_THE_MIGRATION:
            raise unavailable(exc, engine.dialect.name, shown) from exc
        raise MigrationFailed(found=current, target=head, detail=str(exc)) from exc
    except OSError as exc:  # the backup could not be written
        raise MigrationFailed(found=current, target=head, detail=str(exc)) from exc
