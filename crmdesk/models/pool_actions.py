"""What people do with the pool: claim, release, assign from a pool, move between pools, lock.

Each runs as one unit of work that takes its locks in one order: the claiming (or receiving)
user's row first, which serialises one rep's claims so a cap is checked against what is really
owned (SQLite's write lock does the same there), then the customers in id order. A claim is a
conditional update (`… WHERE pool_id = :pool AND owner_id IS NULL`): whoever comes second finds
the customer gone and is told who took it. Every change writes an ownership event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import (
    DateTime,
    Integer,
    String,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from crmdesk.models.bulk import id_in, lock_editable, stamp
from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id
from crmdesk.models.collaborators import forget_customers, forget_owner
from crmdesk.models.deals import follow_owner
from crmdesk.models.errors import NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.policy import check_sells
from crmdesk.models.pool import (
    PoolRow,
    capacity,
    get_pool,
    home_pool,
    list_pools,
    release_reasons,
    visible_pool,
)
from crmdesk.models.schema import Customer, Notification, OwnershipEvent, User
from crmdesk.models.schema_deals import Deal
from crmdesk.models.users import UserRow, get_user, lock_user_row

MAX_AT_ONCE = 1000  # customers one claim, release or assignment takes


@dataclass(frozen=True)
class Refusal:
    """Why one customer was not claimed: code and its numbers. Codes: cap_reached (owned, cap),
    daily_cap (claimed, cap), cooldown (until), protected (until), taken (by: who owns it
    now), not_in_pool (it sits in another pool, or in the recycle bin), not_found."""

    customer_id: int
    code: str
    params: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ClaimResult:
    claimed: tuple[int, ...]
    refused: tuple[Refusal, ...] = ()


def _ids(customer_ids: Sequence[int]) -> list[int]:
    ids = sorted({check_id(i, "customer") for i in customer_ids})
    if not ids:
        raise ValidationFailed(errors=[("customers", "required")], limits={})
    if len(ids) > MAX_AT_ONCE:
        raise ValidationFailed(
            errors=[("customers", "too_many")], limits={"customers": MAX_AT_ONCE}
        )
    return ids


def claims_since(session: Session, user_id: int, pool_id: int, since: datetime) -> int:
    stmt = (
        select(func.count())
        .select_from(OwnershipEvent)
        .where(
            OwnershipEvent.actor_id == user_id,
            OwnershipEvent.kind == "claimed",
            OwnershipEvent.at >= since,
            OwnershipEvent.pool_id == pool_id,
        )
    )
    return session.scalar(stmt) or 0


def _locked_rows(session: Session, ids: list[int]):
    stmt = (
        select(Customer.id, Customer.owner_id, Customer.pool_id, Customer.deleted_at,
               Customer.pool_entered_at, Customer.released_by_id)
        .where(id_in(session, ids))
        .order_by(Customer.id)
        .with_for_update()
    )  # fmt: skip
    return {r.id: r for r in session.execute(stmt)}


def _refusal(session: Session, actor: UserRow, customer_id: int, action: str) -> Exception:
    """Why a customer could not be taken for an owner's action: one the actor sees (a
    collaborator, a pool member) is theirs to read, not to change; one they do not see answers
    as if it did not exist."""
    from crmdesk.models.policy import customer_for_read

    try:
        customer_for_read(session, actor, customer_id)
    except NotFound as exc:
        return exc
    return PermissionDenied(action=action, customer_id=customer_id)


def _owner_values(user: UserRow, now: datetime) -> dict:
    """A customer leaving its pool for this owner."""
    key = select(User.name_sort).where(User.id == user.id).scalar_subquery()
    return {
        "owner_id": user.id,
        "team_id": user.team_id,
        "owner_sort": key,
        "pool_id": None,
        "pool_entered_at": None,
        "received_at": now,
        "release_code": "",
        "locked": False,
    }


def _events(session, ids, kind, actor, now, *, to=None, pool_id=None, code="", text=""):
    """One ownership event per customer, from its current owner (read in the statement: the
    events go in before the update that changes it)."""
    receiver = literal(to, Integer) if to is None or isinstance(to, int) else to  # or a column
    rows = select(
        Customer.id, Customer.owner_id, receiver, literal(kind, String),
        literal(code, String), literal(text, String), literal(actor.id, Integer),
        literal(now, DateTime), literal(pool_id, Integer),
    ).where(id_in(session, ids))  # fmt: skip
    columns = ["customer_id", "from_owner_id", "to_owner_id", "kind", "reason_code",
               "reason_text", "actor_id", "at", "pool_id"]  # fmt: skip
    session.execute(insert(OwnershipEvent).from_select(columns, rows))


def notify(session, user_ids, kind, now, *, customer_id=None, pool_id=None, count=1, detail=""):
    rows = [
        {"user_id": u, "kind": kind, "customer_id": customer_id, "pool_id": pool_id,
         "count": count, "detail": detail, "created_at": now}
        for u in sorted(set(user_ids))
    ]  # fmt: skip
    if rows:
        session.execute(insert(Notification), rows)


def _taken_by(session: Session, owner_id: int | None) -> str | None:
    return session.scalar(select(User.name).where(User.id == owner_id)) if owner_id else None


def _take(session, pool: PoolRow, user: UserRow, rows, ids, now, *, by_admin: bool, day_start):
    """(ids the user may take now, refusals), checked in id order against the pool's pick
    rules and the user's caps, counting those accepted before."""
    room = capacity(session, user.id, locked=False)
    taken_today = claims_since(session, user.id, pool.id, day_start) if day_start else 0
    accepted: list[int] = []
    refused: list[Refusal] = []
    for cid in ids:
        row = rows.get(cid)
        if row is None:
            refused.append(Refusal(cid, "not_found"))
            continue
        if row.owner_id is not None:
            refused.append(Refusal(cid, "taken", {"by": _taken_by(session, row.owner_id)}))
            continue
        if row.pool_id != pool.id or row.deleted_at is not None:
            refused.append(Refusal(cid, "not_in_pool"))
            continue
        entered = row.pool_entered_at
        if not by_admin and entered is not None:
            if pool.protect_days and now < entered + timedelta(days=pool.protect_days):
                until = entered + timedelta(days=pool.protect_days)
                refused.append(Refusal(cid, "protected", {"until": until}))
                continue
            cooling = entered + timedelta(days=pool.cooldown_days)
            if row.released_by_id == user.id and pool.cooldown_days and now < cooling:
                refused.append(Refusal(cid, "cooldown", {"until": cooling}))
                continue
        if room.cap is not None and room.owned + len(accepted) >= room.cap:
            owned = room.owned + len(accepted)  # with what this claim took already
            refused.append(Refusal(cid, "cap_reached", {"owned": owned, "cap": room.cap}))
            continue
        if day_start is not None and taken_today + len(accepted) >= pool.daily_claim_cap:
            params = {"claimed": taken_today + len(accepted), "cap": pool.daily_claim_cap}
            refused.append(Refusal(cid, "daily_cap", params))
            continue
        accepted.append(cid)
    return accepted, refused


def _hand_over(session, pool, user, actor, accepted, rows, kind, now) -> None:
    _events(session, accepted, kind, actor, now, to=user.id, pool_id=pool.id)
    values = {**_owner_values(user, now), **stamp(actor, now)}
    done = session.execute(
        update(Customer)
        .where(id_in(session, accepted), Customer.pool_id == pool.id, Customer.owner_id.is_(None))
        .values(**values),
        execution_options={"synchronize_session": False},
    ).rowcount
    if done != len(accepted):  # the rows are locked: a mismatch is a bug, never a race
        raise AssertionError(f"{kind}: {done} of {len(accepted)} customers changed")
    earlier = {rows[c].released_by_id for c in accepted} - {None, user.id}
    for former in sorted(earlier):
        mine = [c for c in accepted if rows[c].released_by_id == former]
        notify(session, [former], "claimed", now, pool_id=pool.id, count=len(mine),
               customer_id=mine[0] if len(mine) == 1 else None, detail=user.name)  # fmt: skip
    record(session, "ownership", accepted)
    forget_owner(session, user.id, accepted)  # none while pooled (release forgets), to be sure
    customers = id_in(session, accepted, Deal.customer_id)
    follow_owner(session, accepted, user.id, user.team_id, actor.id, now, customers)


def claim(
    session: Session,
    actor: UserRow,
    pool_id: int,
    customer_ids: Sequence[int],
    now: datetime,
    day_start: datetime,
) -> ClaimResult:
    """The actor takes these customers from the pool, those the rules allow; the others are
    refused one by one, with why. day_start: the start of the actor's day (the daily cap)."""
    ids = _ids(customer_ids)
    pool = visible_pool(session, actor, pool_id)
    if not pool.enabled:
        raise PermissionDenied("pool_disabled", pool_id=pool_id)
    lock_user_row(session, actor.id)
    rows = _locked_rows(session, ids)
    accepted, refused = _take(
        session, pool, actor, rows, ids, now, by_admin=pool.is_admin(actor), day_start=day_start
    )
    if accepted:
        _hand_over(session, pool, actor, actor, accepted, rows, "claimed", now)
    return ClaimResult(tuple(accepted), tuple(refused))


def assign_from_pool(
    session: Session,
    actor: UserRow,
    pool_id: int,
    customer_ids: Sequence[int],
    to_user_id: int,
    now: datetime,
) -> ClaimResult:
    """A pool admin hands customers of the pool to a user, within that user's cap (the pick
    rules are the admin's to waive); the user is told."""
    ids = _ids(customer_ids)
    pool = visible_pool(session, actor, pool_id)
    if not pool.is_admin(actor):
        raise PermissionDenied(action="assign_from_pool", pool_id=pool_id)
    check_id(to_user_id, "user")
    lock_user_row(session, to_user_id)
    user = get_user(session, to_user_id)
    if not user.active:
        raise PermissionDenied("inactive", user_id=to_user_id)
    if not pool.is_member(user):  # the pool's admin hands its customers to its members
        raise PermissionDenied("not_member", user_id=to_user_id, pool_id=pool.id)
    check_sells(user)
    rows = _locked_rows(session, ids)
    accepted, refused = _take(session, pool, user, rows, ids, now, by_admin=True, day_start=None)
    if accepted:
        _hand_over(session, pool, user, actor, accepted, rows, "assigned", now)
        if user.id != actor.id:
            notify(session, [user.id], "assigned", now, pool_id=pool.id, count=len(accepted),
                   customer_id=accepted[0] if len(accepted) == 1 else None,
                   detail=actor.name)  # fmt: skip
    return ClaimResult(tuple(accepted), tuple(refused))


def check_reason(session: Session, reason_code: str, reason_text: str) -> tuple[str, str]:
    """A release's reason: a code from the admin's list, and text (required for `other`)."""
    c = Checker()
    codes = [r.code for r in release_reasons(session)]
    code = reason_code if reason_code in codes else ""
    if not code:
        c.fail("reason", "required" if not reason_code else "invalid")
    text = c.text("reason_text", reason_text, OwnershipEvent.reason_text)
    if code == "other" and not text and not c.errors:
        c.fail("reason_text", "required")
    c.done()
    return code, text


def release(
    session: Session,
    actor: UserRow,
    customer_ids: Sequence[int],
    reason_code: str,
    reason_text: str,
    now: datetime,
    pool_id: int | None = None,
) -> int:
    """Give customers back to a pool (pool_id, else each one's own pool by the coverage rules),
    with a reason. Their history stays with them; the next owner reads it. Returns how many."""
    ids = _ids(customer_ids)
    code, text = check_reason(session, reason_code, reason_text)
    pools = [p for p in list_pools(session) if p.enabled]
    chosen = None
    if pool_id is not None:
        chosen = visible_pool(session, actor, pool_id)  # a pool the actor knows of
        if not chosen.enabled:
            raise PermissionDenied("pool_disabled", pool_id=pool_id)
    rows = lock_editable(session, actor, ids)
    if len(rows) != len(ids):
        raise _refusal(session, actor, sorted(set(ids) - {r.id for r in rows})[0], "release")
    if any(r.owner_id is None for r in rows):
        raise ValidationFailed(errors=[("customers", "not_owned")], limits={})
    targets: dict[int, list[int]] = {}
    if chosen is not None:
        targets[chosen.id] = [r.id for r in rows]
    else:
        details = session.execute(
            select(Customer.id, Customer.owner_id, Customer.industry, Customer.province)
            .where(id_in(session, ids))
        ).all()  # fmt: skip
        owners = {}
        for cid, owner_id, industry, province in details:
            owner = owners.setdefault(owner_id, get_user(session, owner_id))
            home = home_pool(pools, owner, industry, province) or (pools[0] if pools else None)
            if home is None:
                raise NotFound(what="pool", id=0)
            targets.setdefault(home.id, []).append(cid)
    for target, chunk in sorted(targets.items()):
        _events(session, chunk, "released", actor, now, pool_id=target, code=code, text=text)
        session.execute(
            update(Customer)
            .where(id_in(session, chunk))
            .ordered_values(  # released_by first: MariaDB assigns left to right
                (Customer.released_by_id, Customer.owner_id),
                (Customer.owner_id, None), (Customer.team_id, None),
                (Customer.owner_sort, ""), (Customer.pool_id, target),
                (Customer.pool_entered_at, now), (Customer.received_at, None),
                (Customer.release_code, code), (Customer.locked, False),
                (Customer.next_follow_up_at, None),  # the owner's plan: the log keeps it
                *stamp(actor, now).items(),
            ),
            execution_options={"synchronize_session": False},
        )  # fmt: skip
    forget_customers(session, ids)  # in a pool nobody collaborates (collaborators.py)
    record(session, "ownership", ids)
    return len(ids)


def move_to_pool(
    session: Session,
    actor: UserRow,
    pool_id: int,
    customer_ids: Sequence[int],
    to_pool_id: int,
    now: datetime,
) -> int:
    """A pool admin moves customers to another pool (where they count as new entries)."""
    ids = _ids(customer_ids)
    pool = visible_pool(session, actor, pool_id)
    if not pool.is_admin(actor):
        raise PermissionDenied(action="move", pool_id=pool_id)
    target = get_pool(session, to_pool_id)
    if target.id == pool.id:
        raise ValidationFailed(errors=[("pool", "same")], limits={})
    rows = _locked_rows(session, ids)
    here = [c for c in ids if c in rows and rows[c].pool_id == pool.id and rows[c].owner_id is None
            and rows[c].deleted_at is None]  # fmt: skip
    if here:
        _events(session, here, "moved", actor, now, pool_id=target.id)
        session.execute(
            update(Customer)
            .where(id_in(session, here), Customer.pool_id == pool.id)
            .values(pool_id=target.id, pool_entered_at=now, **stamp(actor, now)),
            execution_options={"synchronize_session": False},
        )
        record(session, "ownership", here)
    return len(here)


def set_locked(
    session: Session, actor: UserRow, customer_ids: Sequence[int], locked: bool, now: datetime
) -> int:
    """Lock customers (never recycled) or unlock them, within each owner's cap of locked
    customers. Returns how many changed."""
    ids = _ids(customer_ids)
    if locked:  # the owners' rows first (as claims take them): a locked cap counted once
        owners = session.scalars(
            select(Customer.owner_id).where(id_in(session, ids), Customer.owner_id.is_not(None))
            .distinct()
        )  # fmt: skip
        for owner_id in sorted(set(owners)):
            lock_user_row(session, owner_id)
    rows = lock_editable(session, actor, ids)
    if len(rows) != len(ids):
        raise _refusal(session, actor, sorted(set(ids) - {r.id for r in rows})[0], "lock")
    if any(r.owner_id is None for r in rows):
        raise ValidationFailed(errors=[("customers", "not_owned")], limits={})
    stmt = select(Customer.id, Customer.locked).where(id_in(session, ids))
    state = {cid: is_locked for cid, is_locked in session.execute(stmt)}
    changing = [r for r in rows if bool(state[r.id]) != locked]
    if locked:
        for owner_id in sorted({r.owner_id for r in changing}):
            adding = sum(1 for r in changing if r.owner_id == owner_id)
            room = capacity(session, owner_id)
            if room.locked_cap is not None and room.locked + adding > room.locked_cap:
                raise ValidationFailed(
                    errors=[("locked", "cap_reached")],
                    limits={"locked": room.locked_cap},
                    locked=room.locked,
                )
    moved = [r.id for r in changing]
    if moved:
        kind = "locked" if locked else "unlocked"
        _events(session, moved, kind, actor, now, to=Customer.owner_id)  # the owner stays
        session.execute(
            update(Customer)
            .where(id_in(session, moved))
            .values(locked=locked, **stamp(actor, now)),
            execution_options={"synchronize_session": False},
        )
        record(session, "ownership", moved)
    return len(moved)
