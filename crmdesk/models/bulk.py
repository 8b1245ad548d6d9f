"""Actions on many customers: delete to the recycle bin, restore, and what every bulk action
shares (assign and transfer: bulk_assign.py; tags: bulk_tags.py).

A target is either explicit ids or "everything matching this query" (select all). Either way
the action runs as set-based statements restricted to what the actor may change: no ORM object
per row, no statement with more than a few hundred bound parameters (PostgreSQL allows 65,535),
the version column bumped so an edit in progress elsewhere sees the change, ownership events
written by one INSERT … SELECT.

It runs in chunks of CHUNK customers (POSTGRESQL_CHUNK there; 10-60 ms each at 300,000
customers), and a unit of work takes chunks until it has run for UNIT_SECONDS (PostgreSQL:
POSTGRESQL_UNITS times that): SQLite's write lock is never held for long, progress is reported
and cancel honoured between units of work. A unit is all-or-nothing, so every customer is
consistent (its owner and its event together); an action cancelled or failed half-way has
changed the units before it, and its result says how many. Two run at once on a server.

PostgreSQL spends most of a chunk on work no statement can avoid: a change of updated_at is
never a HOT update, so every changed customer gets a new entry in every index of customers (17;
a bare UPDATE stamping 30,000 of 300,000 customers is ~2 s of server CPU with every page in
shared_buffers, and took 3.2 s -> 0.75 s with the 11 sorting indexes whose keys it leaves
unchanged dropped in a rolled-back transaction), and each row's foreign keys are checked one
by one (six checks a customer for an assign). What the statements do save there: a chunk's
lock, read and events in one statement, ids as one array parameter, larger chunks (below,
measured).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import (
    CTE,
    ColumnElement,
    Integer,
    String,
    any_,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from crmdesk.models.bulk_units import (
    change_order,
    in_change_order,
    run_units,
    unit_time,
    workers_for,
)
from crmdesk.models.changes import WriteResult, record
from crmdesk.models.checks import check_id
from crmdesk.models.customer_list import CustomerQuery, conditions
from crmdesk.models.database import Database
from crmdesk.models.dialects import json_each
from crmdesk.models.errors import Interrupted, ValidationFailed
from crmdesk.models.policy import current_actor, edit_condition, may_edit
from crmdesk.models.schema import Customer
from crmdesk.models.users import UserRow

CHUNK = 400
# PostgreSQL takes a chunk's ids as one array parameter, so a larger chunk costs no parameters:
# 1,000 ids a chunk cut the client's share of a 30,000-customer assign from 0.30 to 0.18 s (75
# chunks' statements built, sent and read become 30), the server's unchanged.
POSTGRESQL_CHUNK = 1000
# A unit of work takes chunks until it has run this long, so SQLite holds its write lock for at
# most this plus one chunk (measured from another connection: 124 ms at most over 30,000
# customers). A commit per chunk cost SQLite a WAL checkpoint each (two fsyncs, and the same
# index pages written again and again): 30,000 first-touched customers took 2.7-3.0 s in units
# of one chunk, 1.8-2.1 s in units of 0.1 s. (Checkpoints now run beside: wal_checkpoints.py.)
# (On PostgreSQL a unit's commit is ~4 ms of 100: SET LOCAL synchronous_commit = off saved
# nothing measurable, 2,096 -> 2,062 ms for a 30,000 assign, so every unit stays durable.)
UNIT_SECONDS = 0.1
# PostgreSQL has no write lock to free, and each unit pays a `begin` and a commit again: an
# assign's locks the receiver's row, and under a cap counts their customers (pool.capacity: 3-4
# ms at 300,000 customers, more as the action hands them customers whose rows it has just
# rewritten; measured when every assign counted). Units of five times as long there, about two
# a second of progress and cancel: a 30,000-customer assign 2.8-3.7 -> 2.5-2.6 s at 300,000
# customers, measured while capacity also counted locked customers (10-14 ms); a chunk's
# rows stay locked until its unit commits, up to ~0.6 s.
POSTGRESQL_UNITS = 5

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ChunkAction:
    """What an action does to one chunk of ids inside a unit of work: (customers of the chunk
    the actor may change, changed, skipped). `begin`, if given, runs once at the start of each
    unit of work, before its first chunk: a check that holds for the whole unit (asked once a
    chunk, the assignee check was 75 reads of the users in a 30,000-customer assign).
    With `begin_alone`, begin also runs once before the units, in a unit of its own: a row
    each unit's begin would insert (a new tag) is committed first, where the second of two
    units running at once waited for the first to commit it."""

    chunk: Callable[[Session, UserRow, list[int]], tuple[int, int, int]]
    begin: Callable[[Session, UserRow], None] | None = None
    begin_alone: bool = False


@dataclass(frozen=True)
class Target:
    """Which customers an action is for: explicit ids, or all that match a query (the list's
    query for live customers, the recycle bin's for deleted ones)."""

    ids: tuple[int, ...] = ()
    query: CustomerQuery | None = None

    @classmethod
    def of(cls, target: Target | Sequence[int]) -> Target:
        return target if isinstance(target, Target) else cls(ids=tuple(target))


@dataclass(frozen=True)
class BulkResult:
    requested: int  # customers of the target the actor may change
    changed: int
    skipped: int = 0  # could not take the change (a tag that would not fit; over a cap)
    cancelled: bool = False
    # the action's time: a delete's deleted_at (undo_delete); on SQLite each unit stamps
    # updated_at a little later (bulk_units.unit_time)
    at: datetime | None = field(default=None, compare=False)


def _chunks(ids: Sequence[int], dialect: str) -> list[list[int]]:
    size = POSTGRESQL_CHUNK if dialect == "postgresql" else CHUNK
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


# ---------------------------------------------------------------- dialect-specific, named


def is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def id_in(session: Session, ids: Sequence[int], column=Customer.id) -> ColumnElement[bool]:
    """Customer.id among ids (on MariaDB at most a chunk). PostgreSQL takes them as one array
    parameter: the statement's text is then the same for every chunk, so psycopg converts and
    prepares it once, where 400 parameters cost ~2 ms of client and server parsing per
    statement, a tenth of a chunk's time. The array goes as its text, '{1,2,3}': psycopg
    converts a list element by element in Python (0.3-0.6 ms a chunk, 36 ms of a 30,000-
    customer assign). SQLite takes more than a chunk as one JSON parameter (json_each): a
    bulk action's unit of work hands all its chunks to one step there (bulk_units._Pace).
    Not fewer: IN (json_each) hides the list's size from the planner, which then walked
    some statements through another index (a pool's, an owner's) instead of by id."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        array = literal("{" + ",".join(str(int(i)) for i in ids) + "}", String)
        return column == any_(array.cast(ARRAY(Integer)))
    if dialect == "sqlite" and len(ids) > CHUNK:
        return column.in_(select(json_each([int(i) for i in ids], "value").c.value))
    return column.in_(ids)


def _rows(session: Session, actor: UserRow, ids: list[int], deleted: bool, *, lock: bool):
    """The rows of a chunk of ids that are live (deleted: in the recycle bin) and that the actor
    may change, ascending by id (locked if asked).

    Read by primary key alone, with each owner's team, and judged here by the policy's one-row
    check, as policy.customer_for_write does (a row then left alone stays locked for the chunk's
    few milliseconds). With the conditions in the statement the planners drove it through other
    indexes, reading far more than the chunk and locking rows out of id order: a manager's
    `owner_id IN (the team)` through ix_customers_owner (every customer of the team for each
    chunk: MariaDB always, 41 ms instead of 3 ms for 400 ids at 300,000 customers; PostgreSQL
    once its statistics lag behind a bulk assign, 95 ms instead of 5 ms), and a restore's
    `deleted_at IS NOT NULL` through PostgreSQL's partial ix_customers_deleted, thought empty
    until the next ANALYZE (each chunk tested every customer in the bin: 30,000 restored in 6 s
    instead of 2 s)."""
    stmt = select(
        Customer.id, Customer.owner_id, Customer.tags, Customer.deleted_at, Customer.team_id
    )
    stmt = stmt.where(id_in(session, ids)).order_by(Customer.id)
    if lock:
        stmt = stmt.with_for_update(of=Customer)  # not the users' rows
    return [
        r
        for r in session.execute(stmt)
        if (r.deleted_at is not None) == deleted and may_edit(actor, r.owner_id, r.team_id)
    ]


def resolve(
    session: Session,
    actor: UserRow,
    target: Target,
    now: datetime,
    *,
    deleted: bool = False,
    by_change: bool = False,
) -> list[int]:
    """The ids in the target the actor may change, ascending (the order rows are locked in);
    a select-all's by_change on SQLite in the order of last change (in_change_order's)."""
    if target.query is not None:
        where = conditions(session, actor, target.query, now, deleted=deleted)
        stmt = select(Customer.id).where(*where, edit_condition(actor))
        by_change = by_change and session.get_bind().dialect.name == "sqlite"
        order = change_order() if by_change else (Customer.id,)
        return list(session.scalars(stmt.order_by(*order)))
    ids = sorted({check_id(i, "customer") for i in target.ids})
    found: list[int] = []
    for chunk in _chunks(ids, session.get_bind().dialect.name):
        found.extend(r.id for r in _rows(session, actor, chunk, deleted, lock=False))
    return found


def count_target(
    session: Session, actor: UserRow, target: Target, now: datetime, *, deleted: bool = False
) -> int:
    """How many customers an action on the target would touch: what a confirmation shows."""
    if target.query is not None:
        where = [*conditions(session, actor, target.query, now, deleted=deleted)]
        stmt = select(func.count()).select_from(Customer).where(*where, edit_condition(actor))
        return session.scalar(stmt) or 0
    return len(resolve(session, actor, target, now, deleted=deleted))


def run(
    db: Database,
    actor_id: int,
    target: Target,
    now: datetime,
    action: ChunkAction,
    *,
    deleted: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> WriteResult[BulkResult]:
    """Apply the action chunk by chunk, in units of work of one or more chunks, each with the
    acting user read fresh.

    A select-all is resolved once, first: the set the user confirmed, and `requested` is its
    size. Explicit ids are not judged beforehand (a second read of every row, 0.25-0.35 s of a
    30,000-customer action on PostgreSQL): each chunk locks its ids and keeps those the actor
    may change, and `requested` counts those, plus the ids an action stopped early never
    reached. Progress counts ids either way. On SQLite the ids are taken in the order of last
    change: a select-all's read so, explicit ids put so by one more read (in_change_order: 0.13
    s for 30,000 of 300,000 customers)."""
    if target.query is not None:

        def read(s: Session) -> list[int]:
            return resolve(s, current_actor(s, actor_id), target, now, deleted=deleted,
                           by_change=True)  # fmt: skip

        ids = db.read(read)
    else:
        ids = in_change_order(db, sorted({check_id(i, "customer") for i in target.ids}))
    chunks = _chunks(ids, db.dialect)
    seconds = UNIT_SECONDS * (POSTGRESQL_UNITS if db.dialect == "postgresql" else 1)

    def start(session: Session) -> UserRow:
        actor = current_actor(session, actor_id)
        if action.begin is not None:
            action.begin(session, actor)
        return actor

    if action.begin_alone and chunks:
        db.write(start)  # the actor checked, as for any unit
    out = run_units(db, chunks, seconds, start, action.chunk, workers=workers_for(db),
                    progress=progress, cancelled=cancelled)  # fmt: skip
    requested = len(ids) if target.query is not None else out.mine + len(ids) - out.done
    stopped = out.stopped or out.error is not None
    result = WriteResult(BulkResult(requested, out.changed, out.skipped, stopped, now), out.change)
    if out.error is not None:
        if out.done == 0:
            raise out.error  # nothing was committed: the error alone says it all
        # The units before are committed: say so, and let their change reach the pages.
        raise Interrupted(out.error, result) from out.error
    return result


# ---------------------------------------------------------------- the actions, one chunk each


def lock_editable(
    session: Session, actor: UserRow, ids: list[int], *, deleted: bool = False
) -> list:
    """The chunk's rows the actor may still change, locked in id order: every bulk action and
    every single-customer write lock customer rows ascending, so they queue, not deadlock."""
    return _rows(session, actor, ids, deleted, lock=True)


def stamp(actor: UserRow, now: datetime) -> dict:
    return {"updated_at": now, "updated_by_id": actor.id, "version": Customer.version + 1}


def update_ids(session: Session, ids: list[int], values: dict) -> None:
    session.execute(
        update(Customer).where(id_in(session, ids)).values(**values),
        execution_options={"synchronize_session": False},
    )


def locked_mine(session: Session, actor: UserRow, ids: list[int], deleted: bool) -> CTE:
    """PostgreSQL, inside the statement that changes them: the chunk's rows locked in id order
    (a CTE with FOR UPDATE runs on its own, by primary key, whatever the statement does next)
    and of those the ones live (deleted: in the recycle bin) the actor may change, by the
    policy's SQL form applied to the locked rows, not to customers: no other index to take."""
    locked = (
        select(Customer.id, Customer.owner_id, Customer.team_id, Customer.deleted_at)
        .where(id_in(session, ids))
        .order_by(Customer.id)
        .with_for_update()
        .cte("locked")
        .prefix_with("MATERIALIZED")
    )
    live = locked.c.deleted_at.is_not(None) if deleted else locked.c.deleted_at.is_(None)
    mine = select(locked.c.id, locked.c.owner_id)
    return mine.where(live, edit_condition(actor, locked.c.owner_id, locked.c.team_id)).cte("mine")


def _move_bin(session: Session, actor: UserRow, ids: list[int], deleted: bool, values: dict):
    """Delete (deleted=False) or restore a chunk: the ids changed, ascending. PostgreSQL locks
    and updates in one statement, `UPDATE … FROM (the locked rows) RETURNING id`."""
    if is_postgresql(session):
        mine = locked_mine(session, actor, ids, deleted)
        stmt = update(Customer).where(Customer.id == mine.c.id).values(**values)
        changed = session.scalars(
            stmt.returning(Customer.id), execution_options={"synchronize_session": False}
        )
        return sorted(changed)
    rows = [r.id for r in lock_editable(session, actor, ids, deleted=deleted)]
    if rows:
        update_ids(session, rows, values)
    return rows


def delete_action(now: datetime) -> ChunkAction:
    """Move to the recycle bin; everything attached stays and comes back with a restore."""

    def chunk(session: Session, actor: UserRow, ids: list[int]) -> tuple[int, int, int]:
        at = unit_time(session, now)  # deleted_at stays the action's: undo_delete finds it
        values = {"deleted_at": now, "deleted_by_id": actor.id, **stamp(actor, at)}
        rows = _move_bin(session, actor, ids, False, values)
        if rows:
            record(session, "deleted", rows)
        return len(rows), len(rows), 0

    return ChunkAction(chunk)


def restore_action(now: datetime) -> ChunkAction:
    def chunk(session: Session, actor: UserRow, ids: list[int]) -> tuple[int, int, int]:
        at = unit_time(session, now)
        values = {"deleted_at": None, "deleted_by_id": None, **stamp(actor, at)}
        rows = _move_bin(session, actor, ids, True, values)
        if rows:
            record(session, "restored", rows)
        return len(rows), len(rows), 0

    return ChunkAction(chunk)


def deleted_together(session: Session, actor: UserRow, at: datetime) -> list[int]:
    """The customers this actor moved to the recycle bin in the delete stamped `at` (an Undo
    restores exactly these: not what a colleague deleted meanwhile, nor an earlier delete).
    Within the second: MariaDB's DATETIME keeps no fractions; two deletes of one user in the
    same second come back together."""
    second = at.replace(microsecond=0)
    stmt = select(Customer.id).where(
        Customer.deleted_at >= second,
        Customer.deleted_at < second + timedelta(seconds=1),
        Customer.deleted_by_id == actor.id,
        edit_condition(actor),
    )
    return sorted(session.scalars(stmt))


def check_target(target: object) -> Target:
    if isinstance(target, Target):
        if target.query is not None and not isinstance(target.query, CustomerQuery):
            raise ValidationFailed(errors=[("target", "invalid")], limits={})
        return target
    if isinstance(target, (list, tuple)):
        return Target(ids=tuple(target))
    raise ValidationFailed(errors=[("target", "invalid")], limits={})
