"""Users and teams. Who may see and do what is policy.py."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session

from crmdesk.models.errors import NotFound, ValidationFailed
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
    must_change_password: bool = False  # signed in with a password an admin set (auth.py)

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
        .order_by(User.name_sort, User.name, User.id)
    )
    return [
        UserRow(
            u.id,
            u.name,
            u.login,
            u.role,
            u.team_id,
            team or "",
            u.active,
            bool(u.must_change_password),
        )
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
        rename_user(session, existing.id, name)
        existing.role, existing.active = "admin", True
        session.flush()
        return get_user(session, existing.id)
    user = User(name=name, login=login, role="admin", active=True, created_at=now)
    session.add(user)
    session.flush()
    return get_user(session, user.id)


def rename_user(session: Session, user_id: int, name: str) -> None:
    """The one way a user's name changes: their customers' owner_sort (the list's pinyin owner
    order, schema.Customer) follows in the same unit of work."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(what="user", id=user_id)
    user.name = name  # sets name_sort (schema.User)
    session.execute(
        update(Customer).where(Customer.owner_id == user_id).values(owner_sort=user.name_sort)
    )


def local_actor(session: Session, login: str) -> UserRow | None:
    """Who runs the program on a local file: the user with this OS login, else the first admin."""
    user = find_user_by_login(session, login)
    if user is not None and user.active:
        return user
    admins = _user_rows(session, User.role == "admin", User.active.is_(True))
    return admins[0] if admins else None


def team_members(session: Session, team_id: int) -> list[UserRow]:
    return _user_rows(session, User.active.is_(True), User.team_id == team_id)


def lock_user_row(session: Session, user_id: int) -> None:
    """A user's row, locked for the unit of work: claims by them and hand-overs to them queue
    here, so two never both see room under a cap. FOR NO KEY UPDATE on PostgreSQL (FOR UPDATE
    on the others): it does not block the foreign-key checks (FOR KEY SHARE) of units that
    write rows naming the user, which FOR UPDATE deadlocked with."""
    stmt = (
        select(User.id).where(User.id == user_id).with_for_update(key_share=True)
    )  # FOR NO KEY UPDATE
    session.execute(stmt)


def share_user_row(session: Session, user_id: int) -> None:
    """Read-locked (FOR SHARE): units sharing it run together, a change of the row waits."""
    session.execute(select(User.id).where(User.id == user_id).with_for_update(read=True))
