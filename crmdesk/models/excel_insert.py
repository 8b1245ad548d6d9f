"""New customers of an import, written in bulk as create_customer writes one: every sort key,
the owner's team, the primary contact copied onto the row, tags (the text, customer_tags rows
and the tags in use), an ownership event "created", the search text and its indexes, and the
import_id an undo deletes by.

SQLite: raw executemany on the unit of work's own connection, ids taken from max(id) under the
write lock the unit holds (BEGIN IMMEDIATE): ~2.5× faster than Core there (ARCHITECTURE §8).
Servers: Core executemany, the customers' ids from INSERT … RETURNING in parameter order (safe
while other desktops insert at the same time).

The texts are computed as search.build_body, pinyin.sort_key and search.bigrams compute them
(tests compare), with each name's pinyin worked out once instead of three times.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from crmdesk.models import pinyin, search
from crmdesk.models.checks import TEXT_LIMIT
from crmdesk.models.dialects import insert_ignore
from crmdesk.models.phones import digits, phone_key
from crmdesk.models.pinyin import SORT_KEY_LIMIT
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


@functools.lru_cache(maxsize=4096)
def short_key(value: str) -> str:
    """A province's or city's sort key (a few dozen values, cached)."""
    return pinyin.sort_key(value)[:60]


def name_texts(name: str) -> tuple[str, list[str]]:
    """(pinyin.sort_key(name), pinyin.search_lines of its search line) from one segmentation."""
    line = name.strip().lower()
    if line != name.lower() or "\n" in line:
        return pinyin.sort_key(name)[:SORT_KEY_LIMIT], pinyin.search_lines(line)
    tokens = pinyin.tokens(line)
    key = " ".join(token for token, _ in tokens)[:SORT_KEY_LIMIT]
    if not pinyin._HAN.search(line):
        return key, []
    full = "".join(token for token, _ in tokens)
    initials = "".join(token[0] if han else token for token, han in tokens)
    return key, [full, initials]


def key_of(number: str) -> str:
    """phones.phone_key(number), at once for the common case of plain ASCII digits (a
    mobile as a sheet holds it), by phone_key's own rules for those."""
    if number.isdigit() and number.isascii() and not number.startswith("00"):
        if len(number) == 13 and number.startswith("861"):
            return number[2:]
        return number
    return phone_key(number) if number else ""


def body_of(name: str, contacts: Sequence[tuple[str, str, str]], lines: list[str] | None) -> str:
    """search.build_body(name, contacts); `lines`: the name's search lines if known."""
    raw = [name]
    for contact_name, mobile, phone in contacts:
        raw.append(contact_name)
        for number in (mobile, phone):
            if number:
                forms = [number]
                plain = number.isdigit() and number.isascii()
                for form in (number if plain else digits(number), key_of(number)):
                    if form not in forms:
                        forms.append(form)
                raw.extend(forms)
    kept = [x.strip().lower() for x in raw if x and x.strip()]
    text = "\n".join(kept)
    split = text.split("\n") if text else []
    extra: list[str] = []
    for n, line in enumerate(split):
        if search._PHONE_LIKE.match(line):
            continue
        found = lines if n == 0 and lines is not None and line == kept[0] else None
        for x in found if found is not None else pinyin.search_lines(line):
            if x not in extra:
                extra.append(x)
    return "\n".join(split + extra)[:TEXT_LIMIT]


def bigrams_of(body: str) -> str:
    """search.bigrams(body), built a word at a time."""
    out = []
    phone_like = search._PHONE_LIKE.match
    for line in body.split("\n"):
        if phone_like(line):
            continue
        for word in line.split():
            if len(word) > 1:
                out.append(" ".join(map(str.__add__, word[:-1], word[1:])))
    return " ".join(out)


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
        triples = [(c.get("name", ""), c.get("mobile", ""), c.get("phone", "")) for c in people]
        bodies.append(body_of(new.name, triples, lines))
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
    tags_used = sorted({t for new in news for t in new.tags})
    _insert_rest(session, ctx.dialect, contacts, events, texts, tag_rows, tags_used, ctx.now)
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


def _insert_rest(session, dialect, contacts, events, texts, tag_rows, tags_used, now) -> None:
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
        cur.executemany("INSERT INTO customer_fts_tri(rowid, body) VALUES(?, ?)", texts)
        cur.executemany(
            "INSERT INTO customer_fts_bi(rowid, body) VALUES(?, ?)",
            [(i, bigrams_of(body)) for i, body in texts],
        )
    else:
        grams = [(i, search.grams(body)) for i, body in texts]
        bulk_insert(session, dialect, CustomerGrams.__table__, ("customer_id", "grams"), grams)
