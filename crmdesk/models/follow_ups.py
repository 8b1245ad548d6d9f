"""The follow-up log of a customer and its ownership history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from crmdesk.models.customer_actions import bump_follow_up_dates
from crmdesk.models.customers import editable_customer
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.schema import FOLLOW_UP_KINDS, FollowUp, OwnershipEvent, User
from crmdesk.models.users import UserRow


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


def validate_follow_up(data: FollowUpInput) -> list[tuple[str, str]]:
    errors = []
    if data.kind not in FOLLOW_UP_KINDS:
        errors.append(("kind", "invalid"))
    if not data.content.strip():
        errors.append(("content", "required"))
    if data.next_follow_up_at is not None and data.next_follow_up_at <= data.happened_at:
        errors.append(("next_follow_up_at", "not_after_happened"))
    return errors


def add_follow_up(
    session: Session, actor: UserRow, customer_id: int, data: FollowUpInput, now: datetime
) -> int:
    errors = validate_follow_up(data)
    if errors:
        raise ValidationFailed(errors=errors)
    editable_customer(session, actor, customer_id)
    row = FollowUp(
        customer_id=customer_id,
        author_id=actor.id,
        kind=data.kind,
        content=data.content.strip(),
        happened_at=data.happened_at,
        next_follow_up_at=data.next_follow_up_at,
        created_at=now,
    )
    session.add(row)
    session.flush()
    bump_follow_up_dates(session, customer_id, data.happened_at, data.next_follow_up_at)
    return row.id


def list_follow_ups(
    session: Session, actor: UserRow, customer_id: int, limit: int = 500
) -> list[FollowUpRow]:
    """Newest first. Everything recorded on the customer, whoever wrote it: the next owner
    inherits the history."""
    editable_customer(session, actor, customer_id)
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


def list_ownership_events(
    session: Session, actor: UserRow, customer_id: int
) -> list[OwnershipEventRow]:
    editable_customer(session, actor, customer_id)
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
        )
        .outerjoin(src, src.id == OwnershipEvent.from_owner_id)
        .outerjoin(dst, dst.id == OwnershipEvent.to_owner_id)
        .outerjoin(who, who.id == OwnershipEvent.actor_id)
        .where(OwnershipEvent.customer_id == customer_id)
        .order_by(OwnershipEvent.at.desc(), OwnershipEvent.id.desc())
    )
    return [OwnershipEventRow(*row) for row in session.execute(stmt)]
