"""The SQL that differs by dialect, in one place (ARCHITECTURE §2): planner hints, id sets as
one parameter, the servers' n-gram index, sequences after bulk inserts, planner statistics.
Each function names the dialects it treats apart."""

from __future__ import annotations

import itertools
import json
import logging
from typing import TYPE_CHECKING

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Text,
    any_,
    bindparam,
    func,
    insert,
    literal_column,
    text,
)
from sqlalchemy import column as sql_column
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

if TYPE_CHECKING:
    from sqlalchemy.sql.selectable import TextualSelect

    from crmdesk.models.database import Database

log = logging.getLogger(__name__)


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


STATISTICS_TABLES = (
    "contracts",
    "instalments",
    "payments",
    "payment_allocations",
    "deals",
    "deal_lines",
    "deal_moves",
    "customers",
    "contacts",
    "follow_ups",
    "ownership_events",
    "customer_search",
    "customer_grams",
)


def one_of(column: ColumnElement, ids: list[int], dialect: str) -> ColumnElement[bool]:
    """column IN ids as one bound parameter however many ids (ARCHITECTURE §3): an array on
    PostgreSQL, a JSON list read by JSON_TABLE on MariaDB (10.6+); SQLite binds each."""
    # Each call its own parameter name: two id sets in one statement (a rare search term a tag
    # also holds; two tags rare together) once shared one value on the servers.
    if dialect == "postgresql":
        return column == any_(bindparam("one_of", ids, type_=ARRAY(Integer), unique=True))
    if dialect == "mysql":
        return column.in_(json_table(ids, {"id": ("INT PATH '$'", Integer)}))
    return column.in_(ids)


_names = itertools.count(1)


def json_table(value: object, columns: dict) -> TextualSelect:
    """MariaDB: a JSON list as rows, one bound parameter however long (JSON_TABLE, 10.6+).
    columns: name -> (its SQL type and PATH inside an item, its SQLAlchemy type)."""
    name = f"json_table_{next(_names)}"
    listed = ", ".join(f"{c} {sql}" for c, (sql, _type) in columns.items())
    rows = text(f"SELECT j.* FROM JSON_TABLE(:{name}, '$[*]' COLUMNS ({listed})) AS j")
    rows = rows.bindparams(**{name: json.dumps(value, ensure_ascii=False)})
    return rows.columns(*(sql_column(c, t) for c, (_sql, t) in columns.items()))


def json_each(value: object, *columns: str):
    """SQLite: a JSON list or object as rows (json_each's key, value…), one bound parameter
    however long."""
    bound = bindparam("json_each", json.dumps(value, ensure_ascii=False), String, unique=True)
    return func.json_each(bound).table_valued(*columns)


def holds_all(column: ColumnElement, tokens: list[str], dialect: str) -> ColumnElement[bool]:
    """The text column (space-separated tokens) holds every token, through its index: on
    PostgreSQL the GIN index over string_to_array(column, ' ') (the very expression, the
    separator a literal, or the planner will not match it); on MariaDB the FULLTEXT index, in
    boolean mode ('+' before each token: all required)."""
    if dialect == "postgresql":
        array = func.string_to_array(column, literal_column("' '"), type_=ARRAY(Text))
        return array.contains(tokens)
    if dialect == "mysql":
        return column.match(" ".join("+" + t for t in tokens))
    raise ValueError(f"no token index on {dialect}")


def in_id_order(stmt: Select, table, dialect: str) -> Select:
    """MariaDB: read the table in primary-key order (FORCE INDEX (PRIMARY)); others unchanged."""
    return stmt.with_hint(table, "FORCE INDEX (PRIMARY)", "mysql")


def refresh_statistics(db: Database, only_if_missing: bool = False) -> None:
    """Planner statistics after a bulk load (demo, import, copy, an upgrade), on every backend:
    a server whose autovacuum is off (or has not caught up) otherwise plans 1M new rows as an
    empty table (every PostgreSQL page took 0.9-1.6 s right after `crmdesk demo`).

    SQLite: a full ANALYZE (3.9 s at 1M customers). Without statistics SQLite scans a whole
    index for SELECT DISTINCT (0.5 s for the filter choices, 5 ms with them); with those of a
    sample (analysis_limit=1000) it guessed 5-12M rows for 1M and sorted a manager's 250k by
    last follow-up (2.9 s) instead of walking that index (5 ms). only_if_missing: at start-up,
    only a file never analyzed (the write lock is held meanwhile; everyday edits hardly move
    the proportions the planner reads).
    PostgreSQL: VACUUM ANALYZE, which also marks the pages all-visible so counts are index-only
    scans. MariaDB: ANALYZE TABLE (InnoDB samples a few pages of each index)."""
    if db.dialect == "sqlite":
        with db.engine.begin() as conn:
            if only_if_missing:
                found = conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
                ).first()
                if found and conn.exec_driver_sql("SELECT 1 FROM sqlite_stat1 LIMIT 1").first():
                    return
            conn.exec_driver_sql("PRAGMA analysis_limit=0")
            conn.exec_driver_sql("ANALYZE")
        return
    if only_if_missing:
        return  # the servers: refresh_stale_statistics at every open
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if db.dialect == "postgresql":
            conn.exec_driver_sql("VACUUM (ANALYZE) " + ", ".join(STATISTICS_TABLES))
        else:
            conn.exec_driver_sql("ANALYZE TABLE " + ", ".join(STATISTICS_TABLES)).all()


def refresh_stale_statistics(db: Database) -> None:
    """PostgreSQL where autovacuum is off or behind: ANALYZE the customers (~0.3 s at 1M, on
    the worker that opens the database) when a tenth of them changed since the last one; a plan
    made for last month's table can be 100 times slower. MariaDB's InnoDB recalculates its own
    statistics after a tenth of a table changed (innodb_stats_auto_recalc); SQLite plans by
    the statistics refresh_statistics wrote, whose proportions bulk changes hardly move."""
    if db.dialect != "postgresql":
        return
    try:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            row = conn.exec_driver_sql(
                "SELECT n_live_tup, n_mod_since_analyze, "
                "COALESCE(last_analyze, last_autoanalyze) IS NULL "
                "FROM pg_stat_user_tables WHERE relname = 'customers'"
            ).first()
            if row is None:
                return
            live, changed, never = row
            if changed > max(1000, live // 10) or (never and changed > 1000):
                conn.exec_driver_sql("ANALYZE customers, customer_search, customer_grams, contacts")
    except SQLAlchemyError as exc:  # statistics are a help, never a reason not to open
        log.warning("could not refresh planner statistics: %s", exc)


def insert_ignore(table, dialect: str):
    """INSERT that skips rows whose key is there already (a tag two users add at once)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table).on_conflict_do_nothing()
    return insert(table).prefix_with("IGNORE")


IMPORT_LOCK_KEY = 0x43524D_11  # PostgreSQL's advisory lock of importers ("CRM", issue 11)
IMPORT_LOCK_SETTING = "import_lock"  # MySQL/MariaDB: the settings row importers lock


def prepare_import_lock(db: Database) -> None:
    """MySQL/MariaDB: make sure the row serialize_imports locks exists, in a unit of its own (an
    INSERT IGNORE that meets the row takes a shared lock: in the same transaction as the
    FOR UPDATE, two importers would deadlock upgrading it)."""
    if db.dialect not in ("mysql", "mariadb"):
        return
    from crmdesk.models.schema import Setting

    stmt = insert_ignore(Setting.__table__, db.dialect)
    db.write(lambda s: s.execute(stmt.values(key=IMPORT_LOCK_SETTING, value="")))


def serialize_imports(session, dialect: str) -> None:
    """Hold, until the unit of work ends, the lock importers take before they look for
    duplicates, so two desktops importing the same file never both create a row: PostgreSQL an
    advisory transaction lock; MySQL/MariaDB the settings row prepare_import_lock made, FOR
    UPDATE; SQLite nothing (a write unit holds the database's write lock from BEGIN
    IMMEDIATE). Only importers wait for it, not other writers."""
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": IMPORT_LOCK_KEY})
    elif dialect in ("mysql", "mariadb"):
        session.execute(
            text("SELECT value FROM settings WHERE `key` = :k FOR UPDATE"),
            {"k": IMPORT_LOCK_SETTING},
        )
