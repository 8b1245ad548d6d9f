"""New customers of an import, written in bulk as create_customer writes one: every sort key,
the owner's team, the primary contact copied onto the row, tags (the text, customer_tags rows
and the tags in use), an ownership event "created", the search text and its indexes, and the
import_id an undo deletes by.

SQLite: raw executemany on the unit of work's own connection, ids taken from max(id) under the
write lock the unit holds (BEGIN IMMEDIATE): ~2.5× faster than Core there (ARCHITECTURE §8).
Servers: Core executemany, the customers' ids from INSERT … RETURNING in parameter order (safe
while other desktops insert at the same time).

The texts (sort keys, search text, its index) are excel_derive's: computed here, or handed
over already computed (NewCustomer.texts, .body, .index) by a worker process.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import event, insert, text
from sqlalchemy.orm import Session

from crmdesk.models import pinyin
from crmdesk.models.dialects import insert_ignore
from crmdesk.models.excel_derive import body_of, index_text, key_of, name_texts
from crmdesk.models.schema import (
    Contact,
    Customer,
    CustomerGrams,
    CustomerSearch,
    CustomerTag,
    OwnershipEvent,
    Tag,
)

CUSTOMER_TEXT = (
    "industry",
    "province",
    "city",
    "address",
    "company_size",
    "source",
    "notes",
    "external_id",
)
CONTACT_COLUMNS = ("name", "title", "mobile", "phone", "email", "wechat", "birthday")


@dataclass
class NewCustomer:
    """A customer to create: its checked values (CUSTOMER_TEXT, level, status, created_at), an
    owner (None: into the import's pool), tags (normalized) and contacts (CONTACT_COLUMNS, the
    first one primary)."""

    row: int
    name: str
    values: dict[str, Any]
    owner_id: int | None
    tags: tuple[str, ...] = ()
    contacts: list[dict[str, Any]] = field(default_factory=list)
    # (name_sort, name's search lines), when the caller worked them out already (name_texts)
    texts: tuple[str, list[str]] | None = None
    # the search text and its index text (excel_derive.derive), when worked out already
    body: str | None = None
    index: str | None = None


@functools.lru_cache(maxsize=4096)
def short_key(value: str) -> str:
    """A province's or city's sort key (a few dozen values, cached)."""
    return pinyin.sort_key(value)[:60]


CHECK_TRIGGER = "ck_customers_owner_or_pool_insert"  # migration 0007
BYPASS_FROM = 200  # rows: below, the trigger costs less than taking it off

_CUSTOMER_COLS = (
    "name",
    "level",
    "status",
    "industry",
    "province",
    "city",
    "address",
    "company_size",
    "source",
    "tags",
    "notes",
    "external_id",
    "owner_id",
    "team_id",
    "created_by_id",
    "updated_by_id",
    "created_at",
    "updated_at",
    "version",
    "contact_name",
    "contact_mobile",
    "name_sort",
    "province_sort",
    "city_sort",
    "owner_sort",
    "pool_id",
    "pool_entered_at",
    "received_at",
    "release_code",
    "locked",
    "import_id",
)
_CONTACT_COLS = (
    "customer_id",
    "name",
    "title",
    "mobile",
    "phone",
    "mobile_digits",
    "phone_digits",
    "email",
    "wechat",
    "birthday",
    "is_primary",
    "created_at",
    "import_id",
)
_EVENT_COLS = (
    "customer_id",
    "from_owner_id",
    "to_owner_id",
    "kind",
    "reason_code",
    "reason_text",
    "actor_id",
    "at",
    "pool_id",
)


def contact_row(customer_id: int, c: dict, primary: bool, now, import_id: int):
    """A contact's row for insert_contacts; now: db_time's form of the time."""
    mobile, phone = c.get("mobile", ""), c.get("phone", "")
    return (
        customer_id,
        c.get("name", ""),
        c.get("title", ""),
        mobile,
        phone,
        key_of(mobile),
        key_of(phone),
        c.get("email", ""),
        c.get("wechat", ""),
        c.get("birthday"),
        primary,
        now,
        import_id,
    )


def insert_customers(ctx, news: Sequence[NewCustomer]) -> list[int]:
    """Create the customers (module docstring), in order; their ids. ctx: an ApplyContext."""
    if not news:
        return []
    session: Session = ctx.session
    actor_id, import_id = ctx.actor.id, ctx.import_id
    pool_id = ctx.options.pool_id if ctx.options.owner_mode == "pool" else None
    if pool_id is None and any(new.owner_id is None for new in news):
        raise ValueError("a customer with neither owner nor pool")  # never written so
    teams, keys = ctx.table.teams, ctx.table.sort_keys
    as_time = time_text if ctx.dialect == "sqlite" else _same
    now = as_time(ctx.now)
    customers, contacts, events, bodies, tag_rows = [], [], [], [], []
    for new in news:
        v = new.values
        name_sort, lines = new.texts or name_texts(new.name)
        people = new.contacts
        first = people[0] if people else None
        owner = new.owner_id
        province, city = v.get("province", ""), v.get("city", "")
        customers.append(
            (
                new.name,
                v.get("level", "C"),
                v.get("status", "lead"),
                v.get("industry", ""),
                province,
                city,
                v.get("address", ""),
                v.get("company_size", ""),
                v.get("source", ""),
                ",".join(new.tags),
                v.get("notes", ""),
                v.get("external_id", ""),
                owner,
                teams.get(owner) if owner else None,
                actor_id,
                actor_id,
                as_time(v["created_at"]) if "created_at" in v else now,
                now,
                1,
                first.get("name", "") if first else "",
                first.get("mobile", "") if first else "",
                name_sort,
                short_key(province) if province else "",
                short_key(city) if city else "",
                keys.get(owner, "") if owner else "",
                None if owner else pool_id,
                None if owner else now,
                now if owner else None,
                "",
                False,
                import_id,
            )
        )
        if new.body is None:
            triples = [(c.get("name", ""), c.get("mobile", ""), c.get("phone", "")) for c in people]
            bodies.append(body_of(new.name, triples, lines))
        else:
            bodies.append(new.body)
    ids = _insert_rows(session, ctx.dialect, customers)
    for cid, new in zip(ids, news, strict=True):
        for n, c in enumerate(new.contacts):
            contacts.append(contact_row(cid, c, n == 0, now, import_id))
        owner = new.owner_id
        events.append(
            (cid, None, owner, "created", "", "", actor_id, now, None if owner else pool_id)
        )
        tag_rows.extend((cid, t) for t in new.tags)
    texts = list(zip(ids, bodies, strict=True))
    index = [
        (i, index_text(body, ctx.dialect) if new.index is None else new.index)
        for (i, body), new in zip(texts, news, strict=True)
    ]
    tags_used = sorted({t for new in news for t in new.tags})
    _insert_rest(session, ctx.dialect, contacts, events, texts, index, tag_rows, tags_used, ctx.now)
    return ids


@contextmanager
def bulk_cache(session: Session, dialect: str) -> Iterator[None]:
    """SQLite: a 64 MB page cache for a chunk's unit of work (the connection's default is 2
    MB, and 18 indexes of customers take random writes: 100,000 rows 2.5 → 1.8 s), put back
    after it: the connection returns to the pool."""
    if dialect != "sqlite":
        yield
        return
    cur = _cursor(session)
    before = cur.execute("PRAGMA cache_size").fetchone()[0]
    cur.execute("PRAGMA cache_size=-65536")
    try:
        yield
    finally:
        _cursor(session).execute(f"PRAGMA cache_size={int(before)}")


WAL_PAGES = 25_000


@contextmanager
def deferred_checkpoint(session: Session, dialect: str) -> Iterator[None]:
    """SQLite: this unit's commit checkpoints the WAL only once it has grown past WAL_PAGES
    pages (~100 MB), not past the usual 1,000. A chunk of 2,000 customers writes ~4,000 pages
    (18 indexes of customers, the search indexes), which the default copied into the database
    at every commit, fsync and all (~55 ms a chunk); deferred, the pages later chunks write
    again are copied once. The setting is put back right after the commit (or rollback): the
    import's closing unit commits with it and checkpoints what the chunks left."""
    if dialect != "sqlite":
        yield
        return
    raw = session.connection().connection.dbapi_connection
    before = int(raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    raw.execute(f"PRAGMA wal_autocheckpoint={WAL_PAGES}")

    def restore(*_args) -> None:
        raw.execute(f"PRAGMA wal_autocheckpoint={before}")

    event.listen(session, "after_commit", restore, once=True)
    event.listen(session, "after_rollback", restore, once=True)
    yield


def _same(value):
    return value


def db_time(dialect: str, value: datetime | None):
    """A time as a raw insert on this dialect takes it (time_text on SQLite)."""
    return time_text(value) if dialect == "sqlite" else value


def time_text(value: datetime | None) -> str | None:
    """A time as SQLAlchemy stores it on SQLite (raw inserts bypass its type): the same text,
    so comparisons in SQL and reads back agree with rows written through the ORM."""
    return None if value is None else value.isoformat(" ", "microseconds")


def _cursor(session: Session):
    """The DBAPI cursor of the unit of work's own connection (its transaction)."""
    return session.connection().connection.cursor()


def _insert_rows(session: Session, dialect: str, rows: list[tuple]) -> list[int]:
    table = Customer.__table__
    if dialect == "sqlite":
        cur = _cursor(session)
        # The unit of work holds the write lock (BEGIN IMMEDIATE): nobody else inserts now.
        start = cur.execute("SELECT coalesce(max(id), 0) + 1 FROM customers").fetchone()[0]
        ids = list(range(start, start + len(rows)))
        cols = ("id", *_CUSTOMER_COLS)
        marks = ",".join("?" * len(cols))
        sql = f"INSERT INTO customers({','.join(cols)}) VALUES({marks})"
        params = [(i, *r) for i, r in zip(ids, rows, strict=True)]
        found = cur.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (CHECK_TRIGGER,)
        ).fetchone()
        if found is None or len(params) < BYPASS_FROM:
            cur.executemany(sql, params)
            return ids
        # The trigger standing in for the owner-or-pool CHECK on SQLite costs ~15 µs a row
        # (1.4 s of 100,000). These rows hold the rule by construction (an owner, or a pool
        # and no owner: insert_customers refuses anything else), so it is taken off for the
        # insert and put back in the same transaction: DDL is transactional in SQLite and
        # this unit holds the write lock, so no connection ever sees the table without it,
        # and a failure rolls the DROP back.
        cur.execute(f"DROP TRIGGER {CHECK_TRIGGER}")
        try:
            cur.executemany(sql, params)
        finally:
            cur.execute(found[0].replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))
        return ids
    if dialect == "postgresql":  # ids from the sequence (safe beside other importers), COPY
        ids = sorted(
            session.scalars(
                text("SELECT nextval(pg_get_serial_sequence('customers', 'id')) "
                     "FROM generate_series(1, :n)"),
                {"n": len(rows)},
            )
        )  # fmt: skip
        params = [(i, *r) for i, r in zip(ids, rows, strict=True)]
        bulk_insert(session, dialect, table, ("id", *_CUSTOMER_COLS), params)
        return ids
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    params = [dict(zip(_CUSTOMER_COLS, r, strict=True)) for r in rows]
    return list(session.execute(stmt, params).scalars())


def bulk_insert(session: Session, dialect: str, table, cols: Sequence[str], rows: list) -> None:
    """Rows (tuples in the order of cols) into a table: raw executemany on SQLite, Core
    executemany on the servers."""
    if not rows:
        return
    if dialect == "sqlite":
        marks = ",".join("?" * len(cols))
        sql = f"INSERT INTO {table.name}({','.join(cols)}) VALUES({marks})"
        _cursor(session).executemany(sql, rows)
        return
    if dialect == "postgresql":
        # COPY: Core's executemany sends INSERTs of a thousand rows each, which psycopg parses
        # again every time (too long for its cache): 20,000 customers 16 → … s.
        raw = session.connection().connection.driver_connection
        with (
            raw.cursor() as cur,
            cur.copy(f"COPY {table.name} ({', '.join(cols)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    session.execute(insert(table), [dict(zip(cols, r, strict=True)) for r in rows])


def insert_contacts(session: Session, dialect: str, rows: list[tuple]) -> None:
    """Contacts as contact_row() makes them."""
    bulk_insert(session, dialect, Contact.__table__, _CONTACT_COLS, rows)


def _insert_rest(session, dialect, contacts, events, texts, index, tag_rows, tags_used, now):
    if tags_used:
        session.execute(
            insert_ignore(Tag.__table__, dialect),
            [{"name": t, "created_at": now} for t in tags_used],
        )
    insert_contacts(session, dialect, contacts)
    bulk_insert(session, dialect, OwnershipEvent.__table__, _EVENT_COLS, events)
    bulk_insert(session, dialect, CustomerTag.__table__, ("customer_id", "tag"), tag_rows)
    bulk_insert(session, dialect, CustomerSearch.__table__, ("customer_id", "body"), texts)
    if dialect == "sqlite":
        cur = _cursor(session)
        with _merges_later(cur, len(texts) >= BYPASS_FROM):
            cur.executemany("INSERT INTO customer_fts_tri(rowid, body) VALUES(?, ?)", texts)
            cur.executemany("INSERT INTO customer_fts_bi(rowid, body) VALUES(?, ?)", index)
    else:
        bulk_insert(session, dialect, CustomerGrams.__table__, ("customer_id", "grams"), index)


FTS_TABLES = ("customer_fts_tri", "customer_fts_bi")


@contextmanager
def _merges_later(cur, big: bool) -> Iterator[None]:
    """SQLite: the FTS5 indexes take a big insert without merging segments as they go
    ('automerge' 0), their setting put back before the commit, in the same transaction (it is
    stored in the index: a crash leaves it as it was). The segments the insert leaves are
    merged by the commit's last flush and later writes, as usual; crisismerge still bounds
    them. 100,000 customers in chunks of 2,000: the trigram index 1.9 → 1.35 s, searches as
    fast after it."""
    if not big:
        yield
        return
    before = {}
    for t in FTS_TABLES:
        found = cur.execute(f"SELECT v FROM {t}_config WHERE k = 'automerge'").fetchone()
        before[t] = 4 if found is None else int(found[0])  # 4: FTS5's default
        cur.execute(f"INSERT INTO {t}({t}, rank) VALUES('automerge', 0)")
    try:
        yield
    finally:
        for t in FTS_TABLES:
            cur.execute(f"INSERT INTO {t}({t}, rank) VALUES('automerge', {before[t]})")
