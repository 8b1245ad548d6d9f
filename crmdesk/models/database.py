"""Opening a database: engines, dialect quirks, pragmas and schema migrations.

SQLite (the default, a file in the per-user data directory), PostgreSQL (psycopg 3) and
MySQL/MariaDB (PyMySQL) run the same code; what differs between them is kept here.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import ColumnElement, create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from crmdesk import paths
from crmdesk.models.errors import DatabaseUnavailable, SchemaTooNew
from crmdesk.models.migrations import HEAD

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class Database:
    """An open database: an engine plus a unit-of-work factory for reads and for writes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.url = engine.url
        self._read = sessionmaker(engine, expire_on_commit=False)
        # SQLite: a write transaction takes the write lock up front (BEGIN IMMEDIATE), so two
        # writers queue on busy_timeout instead of failing half-way through an upgrade of locks.
        self._write = sessionmaker(
            engine.execution_options(crmdesk_begin="IMMEDIATE"), expire_on_commit=False
        )

    @property
    def is_local(self) -> bool:
        return self.dialect == "sqlite"

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def display_name(self) -> str:
        if self.is_local:
            return self.url.database or ""
        return self.url.render_as_string(hide_password=True)


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
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # Pages and counts load on worker threads; the pool hands a connection to one at a time.
        engine = create_engine(url, connect_args={"check_same_thread": False})
        _install_sqlite_hooks(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_recycle=3600)


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling is lazy).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
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


def open_database(url: str | None = None) -> Database:
    """Open (creating or upgrading as needed) the database at url; None means the local file.

    Raises DatabaseUnavailable when it cannot be reached and SchemaTooNew when it was written
    by a newer crmdesk.
    """
    url = normalize_url(url)
    engine = create_db_engine(url)
    try:
        if _stored_revision(engine) == HEAD:
            return Database(engine)
        current, head = schema_state(engine)
        if current != head:
            if current is not None and current not in _known_revisions():
                raise SchemaTooNew(found=current, known=head)
            if current is not None and engine.dialect.name == "sqlite":
                backup_sqlite(engine, f"before-{head}")
            log.info("upgrading schema of %s from %s to %s", engine.url, current, head)
            upgrade_schema(engine)
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        raise DatabaseUnavailable(url=make_url(url).render_as_string(), detail=str(exc)) from exc
    except Exception:
        engine.dispose()
        raise
    return Database(engine)


def reset_id_sequences(conn, tables: list[str]) -> None:
    """After rows were inserted with explicit ids: PostgreSQL's sequences do not notice
    (SQLite and MySQL/MariaDB move their counters themselves)."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        )


def no_index(column: ColumnElement, dialect: str) -> ColumnElement:
    """SQLite: `+column` still compares the same but stops the planner using the column's index.

    SQLite cannot estimate how many rows a filter keeps, so with ORDER BY … LIMIT it often
    collects every filtered row through the filter's index and sorts them (1.2 s for a manager's
    250k rows) when walking the sort column's index and skipping a few non-matching rows takes
    milliseconds. Other dialects plan this themselves."""
    if dialect != "sqlite":
        return column
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)


def refresh_statistics(db: Database) -> None:
    """Planner statistics (sqlite_stat1) from a bounded sample: ~0.2 s at 1M customers.

    Without them SQLite scans a whole index for SELECT DISTINCT (0.5 s for the filter choices);
    with them it skips through it (5 ms)."""
    if db.dialect != "sqlite":
        return
    with db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")
