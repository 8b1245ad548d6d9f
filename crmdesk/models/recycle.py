"""The recycle pass: owned customers that broke a pool's recycle rule go back to that pool.

Set-based: per pool and rule, one statement finds the customers due (a scan of customers, not
a Python loop over them), then chunks of them are moved in units of work like every bulk
action (bulk.py): each chunk locks its rows and tests the rule again on the locked rows, so a
follow-up logged a moment ago, or another client's pass that got there first, leaves a
customer alone. Any number of clients may run a pass at once: each customer moves once, with
one event. A pass killed half-way has moved whole units, each customer with its event.

A rule's clock starts when the current owner received the customer (received_at; created_at
for customers older than the pool): "no follow-up for N days" counts from the later of that and
the last follow-up, "not won within N days" from that alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Integer,
    String,
    and_,
    bindparam,
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
from crmdesk.models.database import Database
from crmdesk.models.pool import PoolRow, RuleRow, coverage_order, home_condition, list_pools
from crmdesk.models.schema import LEVELS, Customer, Notification, OwnershipEvent, User
from crmdesk.models.schema_deals import Deal

DRY_RUN_ROWS = 10_000  # what a dry run lists at most (it counts them all)

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


def eligible(pool: PoolRow) -> list[ColumnElement[bool]]:
    where = [Customer.owner_id.is_not(None), Customer.deleted_at.is_(None),
             Customer.locked.is_(False)]  # fmt: skip
    for exemption in EXEMPTIONS:
        keep = exemption(pool)
        if keep is not None:
            where.append(~keep)
    return where


def _due(pools: Sequence[PoolRow], index: int, rule: RuleRow, now: datetime) -> list:
    return [*eligible(pools[index]), home_condition(pools, index), due_condition(rule, now)]


def _passes(pools: Sequence[PoolRow]):
    """(index of the pool, rule) for every enabled rule of every enabled pool."""
    for i, pool in enumerate(pools):
        if pool.enabled:
            for rule in pool.rules:
                if rule.enabled:
                    yield i, rule


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
    batches: list[tuple[int, RuleRow, list[int]]] = []
    items: list[RecycleItem] = []
    for i, rule in _passes(pools):
        where = _due(pools, i, rule, now)
        if dry_run:
            items.extend(db.read(lambda s, w=where, p=pools[i], r=rule: _listed(s, w, p, r, now)))
            continue
        ids = db.read(lambda s, w=where: list(s.scalars(select(Customer.id).where(*w))))
        batches.append((i, rule, sorted(ids)))
    if dry_run:
        seen: set[int] = set()
        unique = [x for x in items if not (x.customer_id in seen or seen.add(x.customer_id))]
        return RecycleResult(len(unique), tuple(unique[:DRY_RUN_ROWS]))
    total = sum(len(ids) for _i, _r, ids in batches)
    moved, done, change = 0, 0, Change()
    size = POSTGRESQL_CHUNK if db.dialect == "postgresql" else CHUNK
    for i, rule, ids in batches:
        chunks = [ids[k : k + size] for k in range(0, len(ids), size)]
        n = 0
        while n < len(chunks):
            if cancelled is not None and cancelled():
                return RecycleResult(moved, change=change)
            unit = lambda s, first=n, i=i, rule=rule, chunks=chunks: _unit(  # noqa: E731
                s, pools, i, rule, chunks, first, now
            )
            result = db.write(unit)
            end, count = result.value
            moved, change = moved + count, change | result.change
            done += sum(len(c) for c in chunks[n:end])
            n = end
            if progress is not None:
                progress(done, total)
    warning = db.write(lambda s: _warn(s, pools, now))
    return RecycleResult(moved, warned=warning.value, change=change | warning.change)


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


def _unit(session, pools, index, rule, chunks, first, now) -> tuple[int, int]:
    """Chunks from `first` on for UNIT_SECONDS: (next chunk, customers moved)."""
    began = time.monotonic()
    n, moved, told = first, 0, {}
    while n < len(chunks) and (n == first or time.monotonic() - began < UNIT_SECONDS):
        moved += _move_chunk(session, pools, index, rule, chunks[n], now, told)
        n += 1
    for value in sorted({d for _owner, d in told}):
        group = {owner: told[owner, d] for owner, d in told if d == value}
        _tell_owners(session, group, pools[index].id, f"{rule.kind}:{value}", now)
    return n, moved


def _move_chunk(
    session: Session, pools, index: int, rule: RuleRow, ids: list[int], now, told: dict
) -> int:
    """Move the chunk's customers still due; told[owner, days] = (how many, the one when one)."""
    pool = pools[index]
    locked = session.execute(
        select(Customer.id, Customer.owner_id, Customer.level)
        .where(id_in(session, ids), *_due(pools, index, rule, now))
        .order_by(Customer.id)
        .with_for_update()
    ).all()  # the rule tested again on the locked rows: the latest follow-up counts
    if not locked:
        return 0
    moving = [r.id for r in locked]
    days = {r.id: rule.days_for(r.level) for r in locked}
    columns = ["customer_id", "from_owner_id", "to_owner_id", "kind", "reason_code",
               "reason_text", "actor_id", "at", "pool_id"]  # fmt: skip
    for value in sorted(set(days.values())):
        group = [c for c in moving if days[c] == value]
        rows = select(
            Customer.id, Customer.owner_id, literal(None, Integer), literal("recycled", String),
            literal(rule.kind, String), literal(str(value), String), literal(None, Integer),
            literal(now, DateTime), literal(pool.id, Integer),
        ).where(id_in(session, group))  # fmt: skip
        session.execute(insert(OwnershipEvent).from_select(columns, rows))
    session.execute(
        update(Customer)
        .where(id_in(session, moving))
        .ordered_values(  # released_by first: MariaDB assigns left to right
            (Customer.released_by_id, Customer.owner_id),
            (Customer.owner_id, None), (Customer.team_id, None), (Customer.owner_sort, ""),
            (Customer.pool_id, pool.id), (Customer.pool_entered_at, now),
            (Customer.received_at, None), (Customer.release_code, rule.kind),
            (Customer.next_follow_up_at, None),  # the owner's plan; in a pool nobody's
            (Customer.locked, False), (Customer.updated_at, now),
            (Customer.updated_by_id, None), (Customer.version, Customer.version + 1),
        ),
        execution_options={"synchronize_session": False},
    )  # fmt: skip
    for r in locked:  # told once a unit of work (_unit), not once a chunk
        key = (r.owner_id, days[r.id])  # a notice per rule and days (a level's own days)
        count, _only = told.get(key, (0, None))
        told[key] = (count + 1, r.id if count == 0 else None)
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
    warned = 0
    for i, rule in _passes(pools):
        pool = pools[i]
        if not pool.warn_days:
            continue
        soon = now + timedelta(days=pool.warn_days)
        where = [*eligible(pool), home_condition(pools, i), due_condition(rule, soon)]
        # No ORDER BY: sorting by owner walked the owner index over every owned customer.
        stmt = select(Customer.owner_id, Customer.id).where(*where)
        counts: dict[int, int] = {}
        for owner_id, _cid in session.execute(stmt):
            counts[owner_id] = counts.get(owner_id, 0) + 1
        day = now - timedelta(days=1)
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
            for u, n in sorted(counts.items()) if u not in told
        ]  # fmt: skip
        if rows:
            session.execute(insert(Notification), rows)
            warned += len(rows)
    if warned:
        record(session, "notifications")
    return warned
