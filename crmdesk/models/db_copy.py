"""Copying a whole crmdesk database to another one: the local file to a team server when a team
starts sharing, a server back to a file, one server to another.

The source is read in one consistent snapshot; the target is written in one transaction, so a
failed or cancelled copy leaves it as it was (set up, empty). Rows keep their ids; the tables go
in foreign-key order in chunks of Core executemany. The search index is the target dialect's
own (SQLite's FTS5 tables, the servers' n-grams), rebuilt from the copied search texts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection

import crmdesk.models.schema_team  # noqa: F401  (its tables belong to the metadata copied)
from crmdesk.models.errors import CrmError
from crmdesk.models.schema import Base

log = logging.getLogger(__name__)

CHUNK = 5000
# Rows the migrations write into a new database (pipelines, stages, pools, reasons): a target
# holding only these is still empty; they are replaced by the source's own.
SEEDED = frozenset(
    {"lost_reasons", "release_reasons", "pipelines", "pools", "stages", "stage_questions"}
)
# Built in the target from the copied search texts, for its own dialect.
REBUILT = frozenset({"customer_grams"})


@dataclass(frozen=True)
class CopyResult:
    rows: dict[str, int]  # table name -> rows copied

    @property
    def total(self) -> int:
        return sum(self.rows.values())


class CopyCancelled(CrmError):
    """The copy was cancelled: the target was left as it was."""

    code = "copy_cancelled"


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in REBUILT]


def _count(conn: Connection, table: Table) -> int:
    return conn.scalar(select(func.count()).select_from(table)) or 0


def copy_database(
    src_url: str,
    dst_url: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    admin: tuple[str, str] | None = None,
) -> CopyResult:
    """Copy every row of the database at src_url into the one at dst_url.

    The source must be at this program's schema (a local file is upgraded as when opened; a
    server at an older one raises SchemaTooOld). The target is set up if empty; one holding
    data raises CrmError("target_not_empty", table=…). A count that differs at the end raises
    CrmError("copy_mismatch", table=…, expected=…, found=…) and nothing is kept.

    admin: (login, password) of an active admin of the source whose password the copy gets.
    The local file's users have none, so a file copied to a server needs it for anyone to sign
    in; CrmError("copy_admin_unknown", login=…) if the login is not an active admin."""
    from crmdesk.models.database import open_database
    from crmdesk.models.dialects import refresh_statistics

    if admin is not None:
        from crmdesk.models.auth import check_password_rules

        check_password_rules(admin[1], admin[0])
    src = open_database(src_url)
    try:
        dst = open_database(dst_url, setup=True)
        try:
            rows = _copy(src.engine, dst.engine, progress, cancelled, admin)
            _after_commit(dst.engine)
            refresh_statistics(dst)
        finally:
            dst.close()
    finally:
        src.close()
    log.info("copied %s rows from %s to %s", sum(rows.values()), src.url, dst.url)
    return CopyResult(rows)


def _snapshot_options(dialect: str) -> dict:
    # One snapshot for the counts and every table: a server in use may be written meanwhile.
    # SQLite's read transaction (WAL) is a snapshot already.
    return {} if dialect == "sqlite" else {"isolation_level": "REPEATABLE READ"}


def _copy(src_engine, dst_engine, progress, cancelled, admin) -> dict[str, int]:
    tables = _tables()
    options = _snapshot_options(src_engine.dialect.name)
    with src_engine.connect().execution_options(**options) as src, src.begin():
        admin_id = None if admin is None else _admin_id(src, admin[0])
        expected = {t.name: _count(src, t) for t in tables}
        total, done = sum(expected.values()), 0
        with dst_engine.begin() as dst:
            for table in tables:
                if table.name not in SEEDED and _count(dst, table):
                    raise CrmError("target_not_empty", table=table.name)
            for table in reversed(tables):
                if table.name in SEEDED:
                    dst.execute(delete(table))
            if progress is not None:
                progress(0, total)
            for table in tables:
                if not expected[table.name]:
                    continue
                order = list(table.primary_key.columns)
                result = src.execution_options(yield_per=CHUNK).execute(
                    select(table).order_by(*order)
                )
                for chunk in result.partitions(CHUNK):
                    if cancelled is not None and cancelled():
                        raise CopyCancelled()
                    dst.execute(insert(table), [dict(row._mapping) for row in chunk])
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
            for table in tables:
                found = _count(dst, table)
                if found != expected[table.name]:
                    raise CrmError(
                        "copy_mismatch", table=table.name, expected=expected[table.name],
                        found=found,
                    )  # fmt: skip
            _rebuild_search(dst)
            _reset_counters(dst, tables)
            if admin_id is not None:
                _set_password(dst, admin_id, admin[1])
    return expected


def _admin_id(src: Connection, login: str) -> int:
    from crmdesk.models.schema import User

    row = src.execute(
        select(User.id, User.role, User.active).where(
            func.lower(User.login) == login.strip().lower()
        )
    ).first()
    if row is None or row.role != "admin" or not row.active:
        raise CrmError("copy_admin_unknown", login=login)
    return row.id


def _set_password(dst: Connection, user_id: int, password: str) -> None:
    from crmdesk.models.auth import hash_password
    from crmdesk.models.schema import User

    dst.execute(
        update(User)
        .where(User.id == user_id)
        .values(
            password_hash=hash_password(password), must_change_password=False, failed_logins=0,
            locked_until=None,
        )
    )  # fmt: skip


def _rebuild_search(dst: Connection) -> None:
    """The target's own search index from the copied customer_search texts."""
    from crmdesk.models.schema import CustomerGrams, CustomerSearch
    from crmdesk.models.search import bigrams, grams_rows

    sqlite = dst.dialect.name == "sqlite"
    if sqlite:
        for fts in ("customer_fts_tri", "customer_fts_bi"):  # contentless: no DELETE
            dst.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES('delete-all')")
    else:
        dst.execute(delete(CustomerGrams))
    after = 0
    while True:
        rows = dst.execute(
            select(CustomerSearch.customer_id, CustomerSearch.body)
            .where(CustomerSearch.customer_id > after)
            .order_by(CustomerSearch.customer_id)
            .limit(CHUNK)
        ).all()
        if not rows:
            return
        after = rows[-1][0]
        if sqlite:
            tri = [{"i": i, "b": body} for i, body in rows]
            dst.execute(text("INSERT INTO customer_fts_tri(rowid, body) VALUES(:i, :b)"), tri)
            bi = [{"i": i, "b": bigrams(body)} for i, body in rows]
            dst.execute(text("INSERT INTO customer_fts_bi(rowid, body) VALUES(:i, :b)"), bi)
        else:
            dst.execute(insert(CustomerGrams), grams_rows([(i, b) for i, b in rows]))


def _id_tables(tables: list[Table]) -> list[str]:
    return [t.name for t in tables if "id" in t.c and t.c.id.autoincrement is not False]


def _reset_counters(dst: Connection, tables: list[Table]) -> None:
    """PostgreSQL's sequences past the copied ids (MariaDB's in _after_commit; SQLite's rowids
    follow the largest id by themselves)."""
    from crmdesk.models.dialects import reset_id_sequences

    if dst.dialect.name == "postgresql":
        names = [n for n in _id_tables(tables) if _has_sequence(dst, n)]
        reset_id_sequences(dst, names)


def _has_sequence(dst: Connection, table: str) -> bool:
    return dst.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}) is not None


def _after_commit(engine) -> None:
    """MariaDB: AUTO_INCREMENT past the copied ids. InnoDB moves it on an explicit id already;
    set anyway, as it may lag after a server restart on old versions. ALTER TABLE commits by
    itself, so this runs after the copy's transaction."""
    if engine.dialect.name != "mysql":
        return
    with engine.connect() as conn:
        for name in _id_tables(_tables()):
            top = conn.scalar(text(f"SELECT MAX(id) FROM `{name}`"))
            if top is not None:
                conn.exec_driver_sql(f"ALTER TABLE `{name}` AUTO_INCREMENT = {int(top) + 1}")
