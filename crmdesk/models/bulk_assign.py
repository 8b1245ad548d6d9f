"""Handing many customers to another user: a bulk action (models/bulk.py runs it in chunks and
units of work) that moves each customer, its deals and its collaborators, and writes one
ownership event each. Kept apart from bulk.py, which holds the machinery every bulk action
shares, as bulk_tags.py is."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Integer,
    Select,
    String,
    case,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from crmdesk.models.bulk import (
    ChunkAction,
    id_in,
    is_postgresql,
    is_sqlite,
    lock_editable,
    locked_mine,
    stamp,
    update_ids,
)
from crmdesk.models.bulk_units import unit_time
from crmdesk.models.changes import record
from crmdesk.models.checks import Checker
from crmdesk.models.collaborators import forget_owner
from crmdesk.models.deals import follow_owner
from crmdesk.models.dialects import no_index
from crmdesk.models.policy import check_customer_assignee, edit_condition
from crmdesk.models.schema import Customer, OwnershipEvent, User
from crmdesk.models.schema_deals import Deal
from crmdesk.models.users import UserRow, lock_user_row, share_user_row

TRANSFER_REASONS = ("handover", "rebalance", "customer_request", "other")


def check_transfer(reason_code: str, reason_text: str) -> str:
    c = Checker()
    c.choice("reason", reason_code, TRANSFER_REASONS)
    text = c.text("reason_text", reason_text, OwnershipEvent.reason_text)
    if reason_code == "other" and not text and not c.errors:
        c.fail("reason_text", "required")
    c.done()
    return text


EVENT_COLUMNS = ["customer_id", "from_owner_id", "to_owner_id", "kind", "reason_code",
                 "reason_text", "actor_id", "at"]  # fmt: skip


def assign_action(
    to_user_id: int, reason_code: str, reason_text: str, now: datetime
) -> ChunkAction:
    """Hand customers to another user, an ownership event each (assigned when nobody owned it,
    transferred otherwise). Customers the user already owns are left alone."""
    reason_text = check_transfer(reason_code, reason_text)

    # The new owner's team and pinyin sort key, read (and checked) by begin; and their room
    # under their cap of customers (None: no cap), counted down as chunks move customers. Each
    # unit's own, on its session: on a server two units run at once (bulk_units.py).
    def begin(session: Session, actor: UserRow) -> None:
        from crmdesk.models.pool import COUNT_WON_SETTING, capacity, setting, user_caps  # policy

        user = check_customer_assignee(session, actor, to_user_id)
        left = None  # no cap: nothing counted (at 240,000 customers owned, 16 ms a unit)
        if user_caps(session, to_user_id)[0] is None:  # units run side by side, a change of the
            # receiver's row (policy.move_to_team, a deactivation) waits: the team stays theirs
            share_user_row(session, to_user_id)
        else:
            # The receiver's row first (as a claim takes it): their claims and this hand-over
            # queue there, so the cap is counted against what they really own.
            lock_user_row(session, to_user_id)
            left = capacity(session, to_user_id, locked=False).room
        key = select(User.name_sort).where(User.id == to_user_id).scalar_subquery()
        session.info["assign"] = {
            "left": left,
            "won_free": setting(session, COUNT_WON_SETTING, "1") != "1",
            "owner": {"team_id": user.team_id, "owner_sort": key},  # the stored key, as renames
        }

    def new_owner(session: Session, actor: UserRow, at: datetime) -> dict:
        # A customer taken out of a pool this way leaves it (pool.py: owned or in a pool).
        out_of_pool = {"pool_id": None, "pool_entered_at": None, "release_code": ""}
        return {"owner_id": to_user_id, **session.info["assign"]["owner"], **out_of_pool,
                "received_at": at, **stamp(actor, at)}  # fmt: skip

    def events(
        actor: UserRow, at: datetime, customer_id: ColumnElement, owner_id: ColumnElement
    ) -> Select:
        kind = case((owner_id.is_(None), literal("assigned", String)),
                    else_=literal("transferred", String))  # fmt: skip
        return select(
            customer_id,
            owner_id,
            literal(to_user_id, Integer),
            kind,
            literal(reason_code, String),
            literal(reason_text, String),
            literal(actor.id, Integer),
            literal(at, DateTime),
        )

    def chunk(session: Session, actor: UserRow, ids: list[int]) -> tuple[int, int, int]:
        room = session.info["assign"]
        left, over = room["left"], 0
        at = unit_time(session, now)  # the customers', their events' and their deals'
        if is_postgresql(session) and left is None:
            mine_n, moving = postgresql_chunk(session, actor, ids, at)
        elif is_sqlite(session) and left is None:
            mine_n, moving = sqlite_chunk(session, actor, ids, at)
        else:
            rows = lock_editable(session, actor, ids)
            mine_n, moving = len(rows), [r.id for r in rows if r.owner_id != to_user_id]
            # The cap: the first ones fit, the others stay (skipped). First in the order the
            # action takes them: on SQLite the least recently changed (in_change_order), on a
            # server the lowest ids, as a cancel keeps them. (The rows come locked in id order;
            # a SQLite step's ids span several chunks.)
            if left is not None:
                order = {cid: k for k, cid in enumerate(ids)}
                moving.sort(key=order.__getitem__)
                moving, over = fit(session, room, moving, left)
            if moving:
                new = events(actor, at, Customer.id, Customer.owner_id)
                new = new.where(id_in(session, moving))
                session.execute(insert(OwnershipEvent).from_select(EVENT_COLUMNS, new))
                update_ids(session, moving, new_owner(session, actor, at))
        if moving:
            record(session, "ownership", moving)
            forget_owner(session, to_user_id, moving)  # a collaborator who owns it now
            customers = id_in(session, moving, Deal.customer_id)
            team = room["owner"]["team_id"]
            follow_owner(session, moving, to_user_id, team, actor.id, at, customers)
        return mine_n, len(moving), over

    def fit(session: Session, room: dict, moving: list[int], left: int) -> tuple[list[int], int]:
        """(those that fit under the receiver's cap, how many do not); won customers fit
        anyway where they do not count toward a cap."""
        won: set[int] = set()
        if room["won_free"] and moving:
            stmt = select(Customer.id).where(id_in(session, moving), Customer.status == "customer")
            won = set(session.scalars(stmt))
        fitting: list[int] = []
        for cid in moving:
            if cid in won or left > 0:
                fitting.append(cid)
                left -= cid not in won
        room["left"] = left
        return fitting, len(moving) - len(fitting)

    def sqlite_chunk(session: Session, actor: UserRow, ids: list[int], at: datetime):
        """(customers the actor may change, moved): the policy judged in SQL, not row by row
        in Python, and the moved ids returned by the update itself. SQLite holds the whole
        file's write lock for the unit, so the rows read by the three statements cannot change
        in between. At 300,000 customers, 30,000 assigned: the rows read into Python took
        0.19-0.23 s, the count in SQL 0.09-0.10 s (the assign 2.17-2.29 -> 2.06-2.14 s). The
        other columns as +column: rowid lookups, never an owner's index."""
        owner, team = no_index(Customer.owner_id, "sqlite"), no_index(Customer.team_id, "sqlite")
        mine = (id_in(session, ids), no_index(Customer.deleted_at, "sqlite").is_(None),
                edit_condition(actor, owner, team))  # fmt: skip
        mine_n = session.scalar(select(func.count()).select_from(Customer).where(*mine))
        moving = owner.is_distinct_from(to_user_id)
        new = events(actor, at, Customer.id, Customer.owner_id).where(*mine, moving)
        session.execute(insert(OwnershipEvent).from_select(EVENT_COLUMNS, new))
        stmt = update(Customer).where(*mine, moving).values(new_owner(session, actor, at))
        moved = session.scalars(
            stmt.returning(Customer.id), execution_options={"synchronize_session": False}
        )
        return mine_n, sorted(moved)

    def postgresql_chunk(session: Session, actor: UserRow, ids: list[int], at: datetime):
        """(customers the actor may change, moved): the lock, the read and the events in one
        statement, then the update (three statements before: 2,296 -> 2,008 ms for 30,000).

        Not the update in that statement too (2,372 ms): the events' foreign-key checks run at
        the end of a statement, and the check on customer_id would then find the customer's new
        version, not yet locked, and lock it again, a write per row; before the update it finds
        the row this unit locked, which costs nothing."""
        mine = locked_mine(session, actor, ids, False)
        moving = mine.c.owner_id.is_distinct_from(to_user_id)
        new = events(actor, at, mine.c.id, mine.c.owner_id).where(moving)
        logged = insert(OwnershipEvent).from_select(EVENT_COLUMNS, new).cte("logged")
        stmt = select(mine.c.id, moving.label("moving")).add_cte(logged).order_by(mine.c.id)
        rows = session.execute(stmt).all()
        moved = [r.id for r in rows if r.moving]
        if moved:
            update_ids(session, moved, new_owner(session, actor, at))
        return len(rows), moved

    return ChunkAction(chunk, begin)
