"""A customer's collaborators: colleagues its owner (or the owner's manager, or an admin) adds so
they see the customer, open its card and log follow-ups on it, and hear of new follow-ups.
They edit none of its fields and neither delete, release nor transfer it (policy.py).

Collaborators are removed, set-based, where they stop making sense:
- the customer goes to a pool: forget_customers, called by pool_actions.release and the recycle
  pass (recycle._move_chunk), in the same unit of work as the move. A claim starts afresh.
- a collaborator is deactivated: user_admin.deactivate_user deletes their rows (as forget_user
  does). An inactive user sees nothing anyway (policy.current_actor refuses them), and lists
  and notices leave them out (list_collaborators, collaborator_ids).
- a collaborator becomes the customer's owner (bulk_assign.assign_action, user_admin's transfer, a
  claim or an assignment from a pool): forget_owner drops their own row, so a later transfer
  away takes the customer from them as from any owner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from crmdesk.models.changes import record
from crmdesk.models.checks import check_id
from crmdesk.models.errors import CrmError, NotFound, PermissionDenied
from crmdesk.models.policy import customer_for_read, customer_for_write, may_edit
from crmdesk.models.schema import Customer, Notification, Team, User
from crmdesk.models.schema_team import Collaborator
from crmdesk.models.users import UserRow, get_user

MAX_COLLABORATORS = 20  # per customer: past a handful, sharing is a team's or a pool's job
DETAIL_LIMIT = 200  # Notification.detail


class CollaboratorRefused(CrmError):
    """params['reason']: is_owner (the owner needs no sharing), inactive (a deactivated user),
    in_pool (nobody owns the customer: claim it first), too_many (params['limit'])."""

    code = "collaborator_refused"


@dataclass(frozen=True)
class CollaboratorRow:
    user_id: int
    name: str
    team_name: str
    added_by_name: str
    added_at: datetime


@dataclass(frozen=True)
class CollaboratorList:
    """The detail panel's collaborators: who they are, whether the actor may add and remove
    (may_change), and whether the actor is one of them (may remove themselves)."""

    customer_id: int
    rows: tuple[CollaboratorRow, ...]
    may_change: bool
    is_collaborator: bool


def list_collaborators(session: Session, actor: UserRow, customer_id: int) -> CollaboratorList:
    customer, editable = customer_for_read(session, actor, customer_id)
    adder = User.__table__.alias("adder")
    stmt = (
        select(
            Collaborator.user_id,
            User.name,
            func.coalesce(Team.name, ""),
            func.coalesce(adder.c.name, ""),
            Collaborator.added_at,
        )
        .join(User, User.id == Collaborator.user_id)
        .outerjoin(Team, Team.id == User.team_id)
        .outerjoin(adder, adder.c.id == Collaborator.added_by_id)
        .where(Collaborator.customer_id == customer_id, User.active.is_(True))
        .where(Collaborator.user_id != (customer.owner_id or 0))  # now its owner
        .order_by(User.name_sort, User.id)
    )
    rows = tuple(CollaboratorRow(*row) for row in session.execute(stmt))
    mine = any(r.user_id == actor.id for r in rows)
    owned = customer.owner_id is not None
    return CollaboratorList(customer_id, rows, editable and owned, mine)


def add_collaborator(
    session: Session, actor: UserRow, customer_id: int, user_id: int, now: datetime
) -> bool:
    """Share the customer with a colleague, who is told ("collaborator"). False when they
    already were one (nothing changes)."""
    check_id(user_id, "user")
    customer = customer_for_write(session, actor, customer_id)  # the owner's side, row locked
    if customer.owner_id is None:
        raise CollaboratorRefused(reason="in_pool")
    try:
        user = get_user(session, user_id)
    except NotFound:
        raise NotFound(what="user", id=user_id) from None
    if not user.active:
        raise CollaboratorRefused(reason="inactive", name=user.name)
    if user.id == customer.owner_id:
        raise CollaboratorRefused(reason="is_owner", name=user.name)
    where = Collaborator.customer_id == customer_id
    if session.get(Collaborator, (customer_id, user_id)) is not None:
        return False
    have = session.scalar(select(func.count()).select_from(Collaborator).where(where)) or 0
    if have >= MAX_COLLABORATORS:
        raise CollaboratorRefused(reason="too_many", limit=MAX_COLLABORATORS)
    session.add(
        Collaborator(customer_id=customer_id, user_id=user_id, added_by_id=actor.id, added_at=now)
    )
    if user.id != actor.id:
        notify(session, [user.id], "collaborator", customer_id, actor.name, now)
    session.flush()
    record(session, "ownership", [customer_id])  # who sees it changed: lists reload it
    return True


def remove_collaborator(
    session: Session, actor: UserRow, customer_id: int, user_id: int, now: datetime
) -> bool:
    """Stop sharing the customer with a colleague: the owner's side may remove anyone, a
    collaborator themselves. False when they were not one."""
    check_id(user_id, "user")
    if user_id == actor.id:
        customer, _editable = customer_for_read(session, actor, customer_id)
    else:
        customer = customer_for_write(session, actor, customer_id)
    if not may_edit(actor, customer.owner_id, customer.team_id) and user_id != actor.id:
        raise PermissionDenied(action="edit", customer_id=customer_id)
    gone = session.execute(
        delete(Collaborator).where(
            Collaborator.customer_id == customer_id, Collaborator.user_id == user_id
        )
    ).rowcount
    if gone:
        record(session, "ownership", [customer_id])
    return bool(gone)


def collaborator_ids(session: Session, customer_id: int) -> list[int]:
    """The customer's active collaborators' ids."""
    stmt = (
        select(Collaborator.user_id)
        .join(User, User.id == Collaborator.user_id)
        .where(Collaborator.customer_id == customer_id, User.active.is_(True))
    )
    return list(session.scalars(stmt))


def notify(
    session: Session,
    user_ids: Sequence[int],
    kind: str,
    customer_id: int,
    who: str,
    now: datetime,
) -> None:
    """A notice to each of these users about one customer, naming who did it (detail)."""
    rows = [
        {"user_id": u, "kind": kind, "customer_id": customer_id, "pool_id": None, "count": 1,
         "detail": who[:DETAIL_LIMIT], "created_at": now}
        for u in sorted(set(user_ids))
    ]  # fmt: skip
    if rows:
        session.execute(insert(Notification), rows)
        record(session, "notifications")


def notify_follow_up(session: Session, actor: UserRow, customer_id: int, now: datetime) -> None:
    """Someone logged a follow-up on a shared customer: its owner and collaborators hear of it
    ("shared_follow_up"), the author not. A customer nobody shares stays quiet, as before.
    The detail says to whom: "owner:<author>" for the owner (it is theirs: "on your customer"),
    "shared:<author>" for a collaborator (today_words; an older row holds the name alone)."""
    others = collaborator_ids(session, customer_id)
    if not others:
        return
    owner = session.scalar(select(Customer.owner_id).where(Customer.id == customer_id))
    shared = set(others) - {actor.id, owner}
    notify(session, sorted(shared), "shared_follow_up", customer_id, "shared:" + actor.name, now)
    if owner is not None and owner != actor.id:
        notify(session, [owner], "shared_follow_up", customer_id, "owner:" + actor.name, now)


def forget_customers(session: Session, customer_ids: Sequence[int]) -> None:
    """These customers (at most a bulk chunk: bulk.id_in) went to a pool: nobody collaborates
    on them any more."""
    from crmdesk.models.bulk import id_in  # bulk builds on policy, as this module does

    if customer_ids:
        column = Collaborator.customer_id
        session.execute(delete(Collaborator).where(id_in(session, customer_ids, column)))


def forget_owner(session: Session, owner_id: int, customer_ids: Sequence[int]) -> None:
    """These customers (at most a bulk chunk: bulk.id_in) now belong to owner_id: their row as
    a collaborator goes (kept, it would give them the customer back after a transfer away)."""
    from crmdesk.models.bulk import id_in

    if customer_ids:
        column = Collaborator.customer_id
        session.execute(
            delete(Collaborator).where(
                Collaborator.user_id == owner_id, id_in(session, customer_ids, column)
            )
        )


def forget_user(session: Session, user_id: int) -> None:
    """A deactivated user collaborates on nothing (user_admin.deactivate_user)."""
    session.execute(delete(Collaborator).where(Collaborator.user_id == user_id))
