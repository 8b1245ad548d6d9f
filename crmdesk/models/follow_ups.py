"""The follow-up log of a customer, the follow-up dates it moves, and the ownership history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import DateTime, case, func, literal, null, or_, select, update
from sqlalchemy.orm import Session, aliased

from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, problems
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.policy import customer_for_follow_up
from crmdesk.models.schema import (
    FOLLOW_UP_KINDS,
    Customer,
    EditEvent,
    FollowUp,
    OwnershipEvent,
    ReleaseReason,
    User,
)
from crmdesk.models.users import UserRow

TIMELINE_LIMIT = 500


@dataclass(frozen=True)
class FollowUpInput:
    kind: str
    content: str
    happened_at: datetime
    next_follow_up_at: datetime | None = None


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    kind: str
    content: str
    happened_at: datetime
    next_follow_up_at: datetime | None
    author_name: str


@dataclass(frozen=True)
class OwnershipEventRow:
    at: datetime
    kind: str
    from_name: str
    to_name: str
    reason_code: str
    reason_text: str
    actor_name: str
    reason_label: str = ""  # an admin's own release reason's words (built-in codes: "")


@dataclass(frozen=True)
class EditEventRow:
    at: datetime
    kind: str  # schema.EDIT_KINDS
    actor_name: str
    other_name: str  # whose changes were overwritten
    fields: tuple[str, ...]


def check_follow_up(data: FollowUpInput) -> FollowUpInput:
    if not isinstance(data, FollowUpInput):
        raise ValidationFailed(errors=[("follow_up", "invalid")], limits={})
    c = Checker()
    clean = FollowUpInput(
        kind=c.choice("kind", data.kind, FOLLOW_UP_KINDS),
        content=c.text("content", data.content, FollowUp.content, required=True),
        happened_at=c.time("happened_at", data.happened_at),
        next_follow_up_at=c.time("next_follow_up_at", data.next_follow_up_at, required=False),
    )
    if (
        clean.next_follow_up_at is not None
        and clean.happened_at is not None
        and clean.next_follow_up_at <= clean.happened_at
    ):
        c.fail("next_follow_up_at", "not_after_happened")
    c.done()
    return clean


def validate_follow_up(data: FollowUpInput) -> list[tuple[str, str]]:
    return problems(check_follow_up, data)


def bump_follow_up_dates(
    session: Session, customer_id: int, happened_at: datetime, next_at: datetime | None
) -> None:
    """A follow-up moves last_follow_up_at forward, never back: a conditional update, so two
    follow-ups logged at once leave the later date whatever order they commit in. The next
    date becomes the one just planned; without a new plan an existing next date is kept unless
    this follow-up fulfilled it, so a quick note does not wipe a scheduled call.

    Plain UPDATEs, not the versioned ORM flush: logging a call must not collide with a
    colleague editing the address at the same moment.

    One UPDATE that finds the row by its primary key alone, the conditions inside SET: with
    them in WHERE, MariaDB may walk ix_customers_last_fu (or _next_fu) instead and lock other
    customers' entries in it, which deadlocked with a follow-up logged on one of those
    customers at the same moment (each held its own customer row and wanted the other's)."""
    later = or_(Customer.last_follow_up_at.is_(None), Customer.last_follow_up_at < happened_at)
    last = case((later, literal(happened_at, DateTime)), else_=Customer.last_follow_up_at)
    if next_at is not None:
        planned = literal(next_at, DateTime)
    else:
        fulfilled = Customer.next_follow_up_at <= happened_at
        planned = case((fulfilled, null()), else_=Customer.next_follow_up_at)
    session.execute(
        update(Customer)
        .where(Customer.id == customer_id)
        .values(last_follow_up_at=last, next_follow_up_at=planned),
        execution_options={"synchronize_session": False},
    )


def add_follow_up(
    session: Session, actor: UserRow, customer_id: int, data: FollowUpInput, now: datetime
) -> int:
    """Its editors and its collaborators may; on a shared customer the owner and the other
    collaborators are told (collaborators.notify_follow_up)."""
    from crmdesk.models.collaborators import notify_follow_up

    data = check_follow_up(data)
    customer = customer_for_follow_up(session, actor, customer_id)  # the customer row first
    row = FollowUp(
        customer_id=customer_id,
        author_id=actor.id,
        kind=data.kind,
        content=data.content,
        happened_at=data.happened_at,
        next_follow_up_at=data.next_follow_up_at,
        created_at=now,
    )
    session.add(row)
    session.flush()
    bump_follow_up_dates(session, customer_id, data.happened_at, data.next_follow_up_at)
    session.expire(customer)
    notify_follow_up(session, actor, customer_id, now)
    record(session, "follow_up", [customer_id])
    return row.id


def list_follow_ups(
    session: Session, customer_id: int, limit: int = TIMELINE_LIMIT
) -> list[FollowUpRow]:
    """Newest first. Everything recorded on the customer, whoever wrote it: the next owner
    inherits the history. The caller has checked that the actor may see the customer."""
    stmt = (
        select(
            FollowUp.id,
            FollowUp.kind,
            FollowUp.content,
            FollowUp.happened_at,
            FollowUp.next_follow_up_at,
            func.coalesce(User.name, ""),
        )
        .outerjoin(User, User.id == FollowUp.author_id)
        .where(FollowUp.customer_id == customer_id)
        .order_by(FollowUp.happened_at.desc(), FollowUp.id.desc())
        .limit(limit)
    )
    return [FollowUpRow(*row) for row in session.execute(stmt)]


def count_follow_ups(session: Session, customer_id: int) -> int:
    stmt = select(func.count()).select_from(FollowUp).where(FollowUp.customer_id == customer_id)
    return session.scalar(stmt) or 0


def list_ownership_events(session: Session, customer_id: int) -> list[OwnershipEventRow]:
    """The caller has checked that the actor may see the customer."""
    src, dst, who = aliased(User), aliased(User), aliased(User)
    stmt = (
        select(
            OwnershipEvent.at,
            OwnershipEvent.kind,
            func.coalesce(src.name, ""),
            func.coalesce(dst.name, ""),
            OwnershipEvent.reason_code,
            OwnershipEvent.reason_text,
            func.coalesce(who.name, ""),
            func.coalesce(ReleaseReason.label, ""),
        )
        .outerjoin(src, src.id == OwnershipEvent.from_owner_id)
        .outerjoin(dst, dst.id == OwnershipEvent.to_owner_id)
        .outerjoin(who, who.id == OwnershipEvent.actor_id)
        .outerjoin(ReleaseReason, ReleaseReason.code == OwnershipEvent.reason_code)
        .where(OwnershipEvent.customer_id == customer_id)
        .order_by(OwnershipEvent.at.desc(), OwnershipEvent.id.desc())
    )
    return [OwnershipEventRow(*row) for row in session.execute(stmt)]


def list_edit_events(session: Session, customer_id: int) -> list[EditEventRow]:
    """The caller has checked that the actor may see the customer. Newest first."""
    who, other = aliased(User), aliased(User)
    stmt = (
        select(
            EditEvent.at,
            EditEvent.kind,
            func.coalesce(who.name, ""),
            func.coalesce(other.name, ""),
            EditEvent.fields,
        )
        .outerjoin(who, who.id == EditEvent.actor_id)
        .outerjoin(other, other.id == EditEvent.other_user_id)
        .where(EditEvent.customer_id == customer_id)
        .order_by(EditEvent.at.desc(), EditEvent.id.desc())
    )
    return [
        EditEventRow(at, kind, actor, other_name, tuple(f for f in names.split(",") if f))
        for at, kind, actor, other_name, names in session.execute(stmt)
    ]
