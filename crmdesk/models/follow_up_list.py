"""Every follow-up the actor may see, across customers (the export's list): those of the live
customers policy.see_condition lets them see, newest first, read in keyset chunks so a long
log is never read with a deep OFFSET."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from crmdesk.models.policy import see_condition
from crmdesk.models.schema import Customer, FollowUp, User
from crmdesk.models.users import UserRow

CHUNK = 2000


@dataclass(frozen=True)
class FollowUpListRow:
    id: int
    customer_id: int
    customer_name: str
    customer_external_id: str
    kind: str  # schema.FOLLOW_UP_KINDS
    content: str
    happened_at: datetime
    next_follow_up_at: datetime | None
    author_name: str
    owner_name: str  # the customer's owner now ("" in a pool)


def _visible(actor: UserRow) -> ColumnElement[bool]:
    return and_(Customer.deleted_at.is_(None), see_condition(actor))


def count_follow_up_rows(session: Session, actor: UserRow) -> int:
    stmt = (
        select(func.count())
        .select_from(FollowUp)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .where(_visible(actor))
    )
    return session.scalar(stmt) or 0


def follow_up_rows(
    session: Session,
    actor: UserRow,
    limit: int = CHUNK,
    after: tuple[datetime, int] | None = None,
) -> list[FollowUpListRow]:
    """Up to limit follow-ups, newest first (happened_at, then id, descending), starting after
    the (happened_at, id) of the last row of the previous chunk."""
    author, owner = aliased(User), aliased(User)
    stmt = (
        select(
            FollowUp.id,
            FollowUp.customer_id,
            Customer.name,
            Customer.external_id,
            FollowUp.kind,
            FollowUp.content,
            FollowUp.happened_at,
            FollowUp.next_follow_up_at,
            func.coalesce(author.name, ""),
            func.coalesce(owner.name, ""),
        )
        .join(Customer, Customer.id == FollowUp.customer_id)
        .outerjoin(author, author.id == FollowUp.author_id)
        .outerjoin(owner, owner.id == Customer.owner_id)
        .where(_visible(actor))
        .order_by(FollowUp.happened_at.desc(), FollowUp.id.desc())
        .limit(limit)
    )
    if after is not None:
        at, last_id = after
        stmt = stmt.where(
            or_(FollowUp.happened_at < at, and_(FollowUp.happened_at == at, FollowUp.id < last_id))
        )
    return [FollowUpListRow(*row) for row in session.execute(stmt)]


def iter_follow_up_rows(
    fetch: Callable[[int, tuple[datetime, int] | None], list[FollowUpListRow]],
    chunk: int = CHUNK,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[FollowUpListRow]:
    """Every visible follow-up, one fetch(limit, after) per chunk (a workspace's
    follow_up_rows: each chunk its own read), stopping when cancelled() says so."""
    after = None
    while True:
        if cancelled is not None and cancelled():
            return
        rows = fetch(chunk, after)
        yield from rows
        if len(rows) < chunk:
            return
        after = (rows[-1].happened_at, rows[-1].id)
