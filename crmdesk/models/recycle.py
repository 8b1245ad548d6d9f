"""The recycle pass: owned customers that broke a pool's recycle rule go back to that pool.

Set-based: one statement finds the customers due under every pool's rules (one scan of
customers, each customer named the first rule of its pool it is due under: `_which`), then
chunks of them, in id order, are moved in units of work like every bulk action (bulk.py): each
chunk locks its rows and tests the rules again on the locked rows, so a follow-up logged a
moment ago, or another client's pass that got there first, leaves a customer alone (or sends
it back under the pool's next rule, still due). One more scan finds the owners to warn. Any
number of clients may run a pass at once: each customer moves once, with one event. A pass
killed half-way has moved whole units, each customer with its event.

A rule's clock starts when the current owner received the customer (received_at; created_at
for customers older than the pool): "no follow-up for N days" counts from the later of that and
the last follow-up, "not won within N days" from that alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    bindparam,
    case,
    event,
    exists,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from crmdesk.models.bulk import CHUNK, POSTGRESQL_CHUNK, UNIT_SECONDS, id_in
from crmdesk.models.changes import Change, record
from crmdesk.models.collaborators import forget_customers
from crmdesk.models.database import Database, create_db_engine
from crmdesk.models.pool import PoolRow, RuleRow, coverage_order, home_condition, list_pools
from crmdesk.models.schema import LEVELS, Customer, Notification, OwnershipEvent, User
from crmdesk.models.schema_deals import Deal

DRY_RUN_ROWS = 10_000  # what a dry run lists at most (it counts them all)
# SQLite, during a pass (its own connection, closed after it). A pass of 100,000 customers
# dirties ~7,000 pages a unit of work (the row, five indexes of customers and the events'
# customer index, each at random places), most of them again in the next unit. Each commit of
# a unit checkpointed the WAL (1,000 pages, the default, were always exceeded): every page
# copied into the file and fsynced, 113 ms a unit, 8.1 of 19.3 s. And the 2 MB default cache
# made each unit read its pages afresh. Bare UPDATEs in the pass's units (1M customers, 100k
# due): 12.1 s with the defaults; no checkpoint until the end 9.4 s (+1.4 s to checkpoint 1.6 GB
# of WAL); also a cache that keeps the indexes' pages 6.4-6.9 s (+1.4 s). Checkpointing at
# 256 MB of WAL costs no more (6.7 s +0.4 s) and keeps the WAL file that size.
PASS_CACHE_KIB = 256 * 1024
PASS_MMAP_BYTES = 2 << 30  # SQLite's own ceiling is just below 2 GiB
PASS_CHECKPOINT_PAGES = 65_536  # 256 MB of 4 KiB pages

# Exemptions other areas add (the pipeline: customers with an open deal, where the pool asks):
# each takes the pool and returns a condition on Customer that keeps a customer from recycling.
EXEMPTIONS: list[Callable[[PoolRow], ColumnElement[bool] | None]] = []


def open_deal_exemption(pool: PoolRow) -> ColumnElement[bool] | None:
    """A pool that asks for it keeps customers with a live open deal: a rep working a deal is
    not forgetting the customer. Defined here (not in deal_moves.py) so every user of the
    recycle conditions (the pass, the Today page, the list's dates) always has it."""
    if not pool.exempt_open_deals:
        return None
    return exists().where(
        Deal.customer_id == Customer.id, Deal.status == "open", Deal.deleted_at.is_(None)
    )


EXEMPTIONS.append(open_deal_exemption)


@dataclass(frozen=True)
class RecycleItem:
    customer_id: int
    customer_name: str
    owner_id: int
    owner_name: str
    pool_id: int
    pool_name: str
    rule: str  # no_follow_up / not_won
    days: int


@dataclass(frozen=True)
class RecycleResult:
    moved: int
    items: tuple[RecycleItem, ...] = ()  # a dry run's (at most DRY_RUN_ROWS)
    warned: int = 0  # owners told that customers of theirs are about to go
    change: Change = Change()


def _clock_before(kind: str, cutoff: datetime) -> ColumnElement[bool]:
    """The rule's clock started before cutoff."""
    received = or_(
        Customer.received_at < cutoff,
        and_(Customer.received_at.is_(None), Customer.created_at < cutoff),
    )
    if kind == "no_follow_up":
        followed = or_(Customer.last_follow_up_at.is_(None), Customer.last_follow_up_at < cutoff)
        return and_(received, followed)
    return and_(received, Customer.status != "customer")


def due_condition(rule: RuleRow, now: datetime) -> ColumnElement[bool]:
    """Customers whose rule's time is up at `now`, each level with its own days."""
    special = dict(rule.days_by_level)
    parts = [
        and_(Customer.level == level, _clock_before(rule.kind, now - timedelta(days=days)))
        for level, days in sorted(special.items())
    ]
    others = [lv for lv in LEVELS if lv not in special]
    if others or not special:
        rest = _clock_before(rule.kind, now - timedelta(days=rule.days))
        parts.append(and_(Customer.level.not_in(list(special)), rest) if special else rest)
    return or_(*parts)


# Owned, live and not locked: what every pass looks at; each pool adds its exemptions.
BASE = (Customer.owner_id.is_not(None), Customer.deleted_at.is_(None), Customer.locked.is_(False))


def _exempt(pool: PoolRow) -> list[ColumnElement[bool]]:
    return [~keep for exemption in EXEMPTIONS if (keep := exemption(pool)) is not None]


def eligible(pool: PoolRow) -> list[ColumnElement[bool]]:
    return [*BASE, *_exempt(pool)]


def _extra(
    pools: Sequence[PoolRow], index: int, *, exempt: bool = True
) -> list[ColumnElement[bool]]:
    """What a pool's pass asks beyond BASE and its rule: its exemptions, and that the customer
    is the pool's to take back."""
    return [*(_exempt(pools[index]) if exempt else ()), home_condition(pools, index)]


def _due(pools: Sequence[PoolRow], index: int, rule: RuleRow, now: datetime) -> list:
    return [*eligible(pools[index]), home_condition(pools, index), due_condition(rule, now)]


def _passes(pools: Sequence[PoolRow]):
    """(index of the pool, rule) for every enabled rule of every enabled pool."""
    for i, pool in enumerate(pools):
        if pool.enabled:
            for rule in pool.rules:
                if rule.enabled:
                    yield i, rule


def _which(
    pools: Sequence[PoolRow], passes: list, now: datetime, *, exempt: bool = True
) -> ColumnElement[int]:
    """The first of `passes` (its index) whose rule a customer meeting BASE is due under at
    `now`, else NULL: the pass that would have moved it when passes ran one after another.
    exempt=False leaves out the pools' exemptions, which look at other tables (open deals):
    the passes of a customer's pool share them, so on a row `which` named a pass for, it names
    the same pass, whatever was inserted in those tables since."""
    return case(
        *[(and_(*_extra(pools, i, exempt=exempt), due_condition(rule, now)), k)
          for k, (i, rule) in enumerate(passes)],
        else_=None,
    )  # fmt: skip


def _due_ids(session: Session, which: ColumnElement[int]) -> list[int]:
    """Every customer due under some pass: one scan of customers for all of them (a statement
    per rule scanned it once each, or walked an index into a random read of every row)."""
    found = select(Customer.id.label("id"), which.label("k")).where(*BASE).subquery()
    return sorted(session.scalars(select(found.c.id).where(found.c.k.is_not(None))))


def recycle(
    db: Database,
    now: datetime,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RecycleResult:
    """Send every customer due back to its pool (dry_run: list them and change nothing), then
    warn the owners of customers due within their pool's warning window."""
    pools = coverage_order(db.read(list_pools))
    passes = list(_passes(pools))
    if dry_run:
        items: list[RecycleItem] = []
        for i, rule in passes:
            where = _due(pools, i, rule, now)
            items.extend(db.read(lambda s, w=where, p=pools[i], r=rule: _listed(s, w, p, r, now)))
        seen: set[int] = set()
        unique = [x for x in items if not (x.customer_id in seen or seen.add(x.customer_id))]
        return RecycleResult(len(unique), tuple(unique[:DRY_RUN_ROWS]))
    with _pass_database(db) as mover:
        return _move_all(db, mover, pools, passes, now, progress, cancelled)


def _move_all(db, mover, pools, passes, now, progress, cancelled) -> RecycleResult:
    """Find on `db`, write through `mover` (_pass_database)."""
    moved, done, change = 0, 0, Change()
    if passes:
        which = _which(pools, passes, now)
        ids = db.read(lambda s: _due_ids(s, which))
        size = POSTGRESQL_CHUNK if db.dialect == "postgresql" else CHUNK
        # In id order, every rule's customers together: each stretch of the table is written
        # by one unit of work, and the rule is told apart again on the locked rows.
        chunks = [ids[k : k + size] for k in range(0, len(ids), size)]
        n = 0
        while n < len(chunks):
            if cancelled is not None and cancelled():
                return RecycleResult(moved, change=change)
            unit = lambda s, first=n: _unit(s, pools, passes, which, chunks, first, now)  # noqa: E731
            result = mover.write(unit, long=True)  # the window's saves go first
            end, count = result.value
            moved, change = moved + count, change | result.change
            done += sum(len(c) for c in chunks[n:end])
            n = end
            if progress is not None:
                progress(done, len(ids))
    warning = mover.write(lambda s: _warn(s, pools, now))
    return RecycleResult(moved, warned=warning.value, change=change | warning.change)


@contextmanager
def _pass_database(db: Database) -> Iterator[Database]:
    """The database the pass writes through: on a SQLite file, a connection of its own with a
    large page cache and rare checkpoints (PASS_CACHE_KIB), the WAL checkpointed when the
    pass ends, however it ends; elsewhere `db` itself."""
    url = db.url
    memory = url.database in (None, "", ":memory:") or "mode=memory" in str(url)
    if db.dialect != "sqlite" or memory:
        yield db
        return
    engine = create_db_engine(url.render_as_string(hide_password=False))

    @event.listens_for(engine, "connect")
    def _for_the_pass(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA cache_size=-{PASS_CACHE_KIB}")
        cursor.execute(f"PRAGMA mmap_size={PASS_MMAP_BYTES}")
        cursor.execute(f"PRAGMA wal_autocheckpoint={PASS_CHECKPOINT_PAGES}")
        cursor.close()

    mover = Database(engine)
    # The pass's changes come from this program: its own feed cursor skips them, as it skips
    # every write of `db` (the pages reload from the pass's result, not a second time).
    mover.client_id = db.client_id
    mover.short_writes = db.short_writes  # the window's saves, through `db`, go first
    try:
        yield mover
    finally:
        # Passive: readers are not waited for; the pages they still see are copied by a later
        # checkpoint. Otherwise the next small commit of any connection would pay for it.
        raw = engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            raw.close()
            engine.dispose()


def _listed(session: Session, where, pool: PoolRow, rule: RuleRow, now: datetime):
    stmt = (
        select(Customer.id, Customer.name, Customer.owner_id, User.name, Customer.level)
        .join(User, User.id == Customer.owner_id)
        .where(*where)
        .order_by(Customer.id)
        .limit(DRY_RUN_ROWS)
    )
    return [
        RecycleItem(cid, name, owner, owner_name, pool.id, pool.name, rule.kind,
                    rule.days_for(level))
        for cid, name, owner, owner_name, level in session.execute(stmt)
    ]  # fmt: skip


def _unit(session, pools, passes, which, chunks, first, now) -> tuple[int, int]:
    """Chunks from `first` on for UNIT_SECONDS: (next chunk, customers moved)."""
    began = time.monotonic()
    n, moved, told = first, 0, {}
    while n < len(chunks) and (n == first or time.monotonic() - began < UNIT_SECONDS):
        moved += _move_chunk(session, pools, passes, which, chunks[n], now, told)
        n += 1
    for k, value in sorted({(k, d) for k, _owner, d in told}):
        group = {owner: told[kk, owner, d] for kk, owner, d in told if (kk, d) == (k, value)}
        i, rule = passes[k]
        _tell_owners(session, group, pools[i].id, f"{rule.kind}:{value}", now)
    return n, moved


def _move_chunk(session: Session, pools, passes, which, ids: list[int], now, told: dict) -> int:
    """Move the chunk's customers still due; told[pass, owner, days] = (how many, the one when
    one)."""
    locked = session.execute(
        select(Customer.id, Customer.owner_id, Customer.level, which.label("k"))
        .where(id_in(session, ids), *BASE, which.is_not(None))
        .order_by(Customer.id)
        .with_for_update()
    ).all()  # the rules tested again on the locked rows: the latest follow-up counts
    if not locked:
        return 0
    # Two statements a chunk whatever rules its customers fall under (a statement per rule and
    # days was 8 a chunk, each building and rendering its IN list: 3.5 of 13.9 s in Python).
    # The events from the locked rows, sent with many parameter sets:
    events = []
    for r in locked:
        i, rule = passes[r.k]
        days = rule.days_for(r.level)
        events.append({"customer_id": r.id, "from_owner_id": r.owner_id, "to_owner_id": None,
                       "kind": "recycled", "reason_code": rule.kind, "reason_text": str(days),
                       "actor_id": None, "at": now, "pool_id": pools[i].id})  # fmt: skip
        key = (r.k, r.owner_id, days)  # a notice per rule and days (a level's own days)
        count, _only = told.get(key, (0, None))  # told once a unit of work (_unit)
        told[key] = (count + 1, r.id if count == 0 else None)
    session.execute(insert(OwnershipEvent.__table__), events)
    # The pool and the rule's kind from the pass named on the row itself: it is locked, so it
    # names the pass read above. Set first: MariaDB assigns left to right, and the rules read
    # the owner, the team and received_at.
    placed = _which(pools, passes, now, exempt=False)
    to_pool = case({k: pools[i].id for k, (i, _rule) in enumerate(passes)}, value=placed)
    code = case({k: rule.kind for k, (_i, rule) in enumerate(passes)}, value=placed)
    session.execute(
        update(Customer)
        .where(id_in(session, [r.id for r in locked]))
        .ordered_values(
            (Customer.pool_id, to_pool), (Customer.release_code, code),
            (Customer.released_by_id, Customer.owner_id),
            (Customer.owner_id, None), (Customer.team_id, None), (Customer.owner_sort, ""),
            (Customer.pool_entered_at, now), (Customer.received_at, None),
            (Customer.next_follow_up_at, None),  # the owner's plan; in a pool nobody's
            (Customer.locked, False), (Customer.updated_at, now),
            (Customer.updated_by_id, None), (Customer.version, Customer.version + 1),
        ),
        execution_options={"synchronize_session": False},
    )  # fmt: skip
    moving = [r.id for r in locked]
    forget_customers(session, moving)  # in a pool nobody collaborates (collaborators.py)
    record(session, "ownership", moving)
    return len(moving)


def _tell_owners(session: Session, told: dict, pool_id: int, detail: str, now) -> None:
    """One notice per owner, pool and rule for a pass (its `now`), its count growing unit by
    unit: a pass over 100,000 customers tells each owner once. Two statements a unit: the
    notices grown (one UPDATE sent with many parameter sets) and the new ones inserted."""
    if not told:
        return
    table = Notification.__table__
    mine = [table.c.kind == "recycled", table.c.pool_id == pool_id, table.c.detail == detail,
            table.c.created_at == now]  # fmt: skip
    owners = sorted(told)
    have = {}
    for k in range(0, len(owners), 400):
        stmt = select(table.c.user_id, table.c.id).where(
            *mine, table.c.user_id.in_(owners[k : k + 400])
        )
        have.update(session.execute(stmt).all())  # fmt: skip
    grown = [{"nid": have[u], "more": told[u][0]} for u in owners if u in have]
    if grown:
        session.execute(
            update(table).where(table.c.id == bindparam("nid"))
            .values(count=table.c.count + bindparam("more"), customer_id=None), grown
        )  # fmt: skip
    new = [{"user_id": u, "kind": "recycled", "pool_id": pool_id, "detail": detail,
            "count": told[u][0], "created_at": now, "customer_id": told[u][1]}
           for u in owners if u not in have]  # fmt: skip
    if new:
        session.execute(insert(table), new)
    record(session, "notifications")  # the owners' Today pages read them again


def _warn(session: Session, pools: Sequence[PoolRow], now: datetime) -> int:
    """Owners of customers due within their pool's warning window are told, once a day per
    pool (the Today page lists the customers themselves, counted afresh)."""
    warning = [(i, rule) for i, rule in _passes(pools) if pools[i].warn_days]
    if not warning:
        return 0
    # One scan for every rule (a statement per rule scanned customers once each): bit n of a
    # customer's mask says it is due under warning[n] by the end of that pool's window. No
    # ORDER BY: sorting by owner walked the owner index over every owned customer.
    soon = [now + timedelta(days=pools[i].warn_days) for i, _rule in warning]
    mask = sum(
        (case((and_(*_extra(pools, i), due_condition(rule, soon[n])), 1 << n), else_=0)
         for n, (i, rule) in enumerate(warning)),
        start=literal(0, Integer),
    )  # fmt: skip
    found = select(Customer.owner_id.label("owner"), mask.label("m")).where(*BASE).subquery()
    counts: list[dict[int, int]] = [{} for _ in warning]
    for owner_id, bits in session.execute(select(found.c.owner, found.c.m).where(found.c.m > 0)):
        for n, owner_counts in enumerate(counts):
            if bits >> n & 1:
                owner_counts[owner_id] = owner_counts.get(owner_id, 0) + 1
    warned = 0
    day = now - timedelta(days=1)
    for (i, _rule), owner_counts in zip(warning, counts, strict=True):
        pool = pools[i]
        told = set(
            session.scalars(
                select(Notification.user_id).where(
                    Notification.kind == "recycle_warning",
                    Notification.pool_id == pool.id,
                    Notification.created_at > day,
                )
            )
        )
        rows = [
            {"user_id": u, "kind": "recycle_warning", "pool_id": pool.id, "count": n,
             "detail": str(pool.warn_days), "created_at": now}
            for u, n in sorted(owner_counts.items()) if u not in told
        ]  # fmt: skip
        if rows:
            session.execute(insert(Notification), rows)
            warned += len(rows)
    if warned:
        record(session, "notifications")
    return warned
