"""Users, teams and who may see and change which customers.

A rep sees and edits their own customers, a manager those of their team, an admin all.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from crmdesk.models.errors import NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.schema import Customer, Team, User


@dataclass(frozen=True)
class UserRow:
    id: int
    name: str
    login: str
    role: str
    team_id: int | None
    team_name: str
    active: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_manager(self) -> bool:
        return self.role == "manager"


def _user_rows(session: Session, *where: ColumnElement[bool]) -> list[UserRow]:
    stmt = (
        select(User, Team.name)
        .outerjoin(Team, Team.id == User.team_id)
        .where(*where)
        .order_by(User.name, User.id)
    )
    return [
        UserRow(u.id, u.name, u.login, u.role, u.team_id, team or "", u.active)
        for u, team in session.execute(stmt)
    ]


def get_user(session: Session, user_id: int) -> UserRow:
    rows = _user_rows(session, User.id == user_id)
    if not rows:
        raise NotFound(what="user", id=user_id)
    return rows[0]


def list_users(session: Session, *, active_only: bool = True) -> list[UserRow]:
    return _user_rows(session, User.active.is_(True)) if active_only else _user_rows(session)


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def os_login() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "local"


def find_user_by_login(session: Session, login: str) -> UserRow | None:
    rows = _user_rows(session, User.login == login)
    return rows[0] if rows else None


def create_local_admin(session: Session, name: str, login: str, now: datetime) -> UserRow:
    """The user the program runs as on a local database file (made at first start)."""
    name = name.strip()
    if not name:
        raise ValidationFailed(errors=[("name", "required")])
    existing = session.scalar(select(User).where(User.login == login))
    if existing is not None:
        existing.name, existing.role, existing.active = name, "admin", True
        session.flush()
        return get_user(session, existing.id)
    user = User(name=name, login=login, role="admin", active=True, created_at=now)
    session.add(user)
    session.flush()
    return get_user(session, user.id)


def local_actor(session: Session, login: str) -> UserRow | None:
    """Who runs the program on a local file: the user with this OS login, else the first admin."""
    user = find_user_by_login(session, login)
    if user is not None and user.active:
        return user
    admins = _user_rows(session, User.role == "admin", User.active.is_(True))
    return admins[0] if admins else None


def team_member_ids(team_id: int):
    return select(User.id).where(User.team_id == team_id).scalar_subquery()


def visible_condition(actor: UserRow, owner=Customer.owner_id) -> ColumnElement[bool]:
    """Which customers the actor may see (and edit). `owner` may be Customer.owner_id wrapped
    in a planner hint (database.no_index)."""
    if actor.is_admin:
        return true()
    if actor.is_manager and actor.team_id is not None:
        return owner.in_(team_member_ids(actor.team_id))
    return owner == actor.id


def check_may_edit(session: Session, actor: UserRow, customer: Customer) -> None:
    if actor.is_admin or customer.owner_id == actor.id:
        return
    if actor.is_manager and actor.team_id is not None and customer.owner_id is not None:
        owner_team = session.scalar(select(User.team_id).where(User.id == customer.owner_id))
        if owner_team == actor.team_id:
            return
    raise PermissionDenied(action="edit", customer_id=customer.id)


def assignable_users(session: Session, actor: UserRow) -> list[UserRow]:
    """Whom the actor may hand customers to: anyone (admin), else the actor's own team."""
    if actor.is_admin:
        return list_users(session)
    if actor.team_id is None:
        return [actor]
    return _user_rows(session, User.active.is_(True), User.team_id == actor.team_id)
