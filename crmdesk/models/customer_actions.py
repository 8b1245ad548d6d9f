"""Actions on one or many customers: soft delete and restore (the recycle bin), assign and
transfer with ownership events, tags, and the follow-up dates a new follow-up moves."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from crmdesk.models.customers import (
    ChangeResult,
    DeletedCustomerRow,
    normalize_tags,
    owner_alias,
)
from crmdesk.models.errors import NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.schema import Customer, OwnershipEvent, User
from crmdesk.models.users import UserRow, assignable_users, check_may_edit, visible_condition

TRANSFER_REASONS = ("handover", "rebalance", "customer_request", "other")


def _editable(session: Session, actor: UserRow, ids: Sequence[int]) -> list[Customer]:
    customers = list(session.scalars(select(Customer).where(Customer.id.in_(list(ids)))))
    if len(customers) != len(set(ids)):
        raise NotFound(what="customer", id=sorted(set(ids) - {c.id for c in customers}))
    for c in customers:
        check_may_edit(session, actor, c)
    return customers


def _touch(c: Customer, actor: UserRow, now: datetime) -> None:
    c.updated_at, c.updated_by_id = now, actor.id


def delete_customers(
    session: Session, actor: UserRow, ids: Sequence[int], now: datetime
) -> ChangeResult:
    """Move to the recycle bin; everything attached stays and comes back with a restore."""
    customers = [c for c in _editable(session, actor, ids) if c.deleted_at is None]
    for c in customers:
        c.deleted_at, c.deleted_by_id = now, actor.id
        _touch(c, actor, now)
    session.flush()
    return ChangeResult(tuple(c.id for c in customers), frozenset({"deleted"}))


def restore_customers(
    session: Session, actor: UserRow, ids: Sequence[int], now: datetime
) -> ChangeResult:
    customers = [c for c in _editable(session, actor, ids) if c.deleted_at is not None]
    for c in customers:
        c.deleted_at, c.deleted_by_id = None, None
        _touch(c, actor, now)
    session.flush()
    return ChangeResult(tuple(c.id for c in customers), frozenset({"restored"}))


def list_deleted(session: Session, actor: UserRow, limit: int = 5000) -> list[DeletedCustomerRow]:
    owner, deleter = owner_alias(), aliased(User, name="deleter")
    stmt = (
        select(
            Customer.id,
            Customer.name,
            func.coalesce(owner.name, ""),
            Customer.deleted_at,
            func.coalesce(deleter.name, ""),
        )
        .outerjoin(owner, owner.id == Customer.owner_id)
        .outerjoin(deleter, deleter.id == Customer.deleted_by_id)
        .where(Customer.deleted_at.is_not(None), visible_condition(actor))
        .order_by(Customer.deleted_at.desc(), Customer.id.desc())
        .limit(limit)
    )
    return [DeletedCustomerRow(*row) for row in session.execute(stmt)]


def assign_customers(
    session: Session,
    actor: UserRow,
    ids: Sequence[int],
    to_user_id: int,
    reason_code: str,
    reason_text: str,
    now: datetime,
) -> ChangeResult:
    """Hand customers to another user, recording an ownership event per customer."""
    if reason_code not in TRANSFER_REASONS:
        raise ValidationFailed(errors=[("reason", "invalid")])
    if reason_code == "other" and not reason_text.strip():
        raise ValidationFailed(errors=[("reason_text", "required")])
    if to_user_id not in {u.id for u in assignable_users(session, actor)}:
        raise PermissionDenied(action="assign", user_id=to_user_id)
    changed = []
    for c in _editable(session, actor, ids):
        if c.owner_id == to_user_id or c.deleted_at is not None:
            continue
        session.add(
            OwnershipEvent(
                customer_id=c.id,
                from_owner_id=c.owner_id,
                to_owner_id=to_user_id,
                kind="assigned" if c.owner_id is None else "transferred",
                reason_code=reason_code,
                reason_text=reason_text.strip(),
                actor_id=actor.id,
                at=now,
            )
        )
        c.owner_id = to_user_id
        _touch(c, actor, now)
        changed.append(c.id)
    session.flush()
    return ChangeResult(tuple(changed), frozenset({"owner"}))


def change_tag(
    session: Session, actor: UserRow, ids: Sequence[int], tag: str, add: bool, now: datetime
) -> ChangeResult:
    tag = normalize_tags([tag])
    if not tag:
        raise ValidationFailed(errors=[("tag", "required")])
    changed = []
    for c in _editable(session, actor, ids):
        tags = set(t for t in c.tags.split(",") if t)
        new = tags | set(tag) if add else tags - set(tag)
        if new != tags:
            c.tags = ",".join(normalize_tags(list(new)))
            _touch(c, actor, now)
            changed.append(c.id)
    session.flush()
    return ChangeResult(tuple(changed), frozenset({"tags"}))


def bump_follow_up_dates(
    session: Session, customer_id: int, happened_at: datetime, next_at: datetime | None
) -> None:
    """A follow-up moves last_follow_up_at forward; the next date becomes the one just planned.

    Without a new plan, an existing next date is kept unless this follow-up fulfilled it, so a
    quick note does not wipe a scheduled call."""
    c = session.get(Customer, customer_id)
    if c is None:
        raise NotFound(what="customer", id=customer_id)
    values: dict = {}
    if c.last_follow_up_at is None or happened_at > c.last_follow_up_at:
        values["last_follow_up_at"] = happened_at
    if next_at is not None:
        values["next_follow_up_at"] = next_at
    elif c.next_follow_up_at is not None and c.next_follow_up_at <= happened_at:
        values["next_follow_up_at"] = None
    if values:
        # A plain UPDATE, not the versioned ORM flush: logging a call must not collide with a
        # colleague editing the address at the same moment.
        session.execute(update(Customer).where(Customer.id == customer_id).values(**values))
        session.expire(c)
