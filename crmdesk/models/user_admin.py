"""Users and teams, as an admin keeps them: create and edit users, deactivate one with a
handover of their customers and open deals (to a colleague or a pool), reactivate, and teams
with their caps. Admins only; a manager may read their own team's users. Passwords and
sign-in are auth.py's.

Nothing here deletes a user: a deactivated one keeps their history (ownership events,
contracts, won and lost deals) and can be reactivated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, delete, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import case, literal

from crmdesk.models.auth import check_login, hash_password, login_taken, password_problems
from crmdesk.models.bulk_assign import check_transfer
from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id
from crmdesk.models.errors import CrmError, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.policy import move_to_team, sells
from crmdesk.models.pool import MAX_CAP, get_pool
from crmdesk.models.schema import ROLES, Customer, OwnershipEvent, Team, User
from crmdesk.models.schema_deals import Deal
from crmdesk.models.schema_team import Collaborator
from crmdesk.models.users import UserRow, get_user, lock_user_row, rename_user


@dataclass(frozen=True)
class UserInput:
    name: str
    login: str
    role: str = "rep"  # schema.ROLES
    team_id: int | None = None
    customer_cap: int | None = None  # None: the team's cap
    locked_cap: int | None = None


@dataclass(frozen=True)
class UserAdminRow:
    id: int
    name: str
    login: str
    role: str
    team_id: int | None
    team_name: str
    active: bool
    customer_cap: int | None
    locked_cap: int | None
    locked_until: datetime | None  # a lock-out (auth.py); over once now passes it
    failed_logins: int
    must_change_password: bool
    has_password: bool
    customers: int  # owned, live
    open_deals: int

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


@dataclass(frozen=True)
class TeamRow:
    id: int
    name: str
    customer_cap: int | None
    locked_cap: int | None
    members: int  # active users in the team
    all_members: int  # deactivated ones too: a team with any cannot be deleted


@dataclass(frozen=True)
class Handover:
    """Where a deactivated user's work goes. Customers: to a colleague (to_user_id) or back to
    a pool (pool_id, with a pool release reason); open deals: to deals_to_user_id, else to
    to_user_id (so required when the customers go to a pool). A transfer's reason is one of
    bulk_assign.TRANSFER_REASONS ("handover" by default)."""

    to_user_id: int | None = None
    pool_id: int | None = None
    deals_to_user_id: int | None = None
    reason_code: str = "handover"
    reason_text: str = ""


@dataclass(frozen=True)
class DeactivateResult:
    customers: int  # handed over (live and in the recycle bin)
    deals: int  # open deals handed over


# ---------------------------------------------------------------- who may


def _admin(actor: UserRow, action: str) -> None:
    if not (actor.is_admin and actor.active):
        raise PermissionDenied(action=action)


def _reader(actor: UserRow) -> None:
    if not actor.active or not (actor.is_admin or actor.is_manager):
        raise PermissionDenied(action="list_users")


def _locked_user(session: Session, user_id: int) -> User:
    check_id(user_id, "user")
    user = session.get(User, user_id, with_for_update=True, populate_existing=True)
    if user is None:
        raise NotFound(what="user", id=user_id)
    return user


def _other_active_admins(session: Session, user_id: int) -> int:
    stmt = select(func.count()).select_from(User)
    stmt = stmt.where(User.role == "admin", User.active.is_(True), User.id != user_id)
    return session.scalar(stmt) or 0


def _guard_last_admin(session: Session, user: User) -> None:
    """The last active admin may not be demoted or deactivated: nobody could undo it."""
    if user.role == "admin" and user.active and not _other_active_admins(session, user.id):
        raise CrmError("last_admin", user_id=user.id)


# ---------------------------------------------------------------- reading


def _counts(session: Session, user_ids: list[int] | None = None) -> tuple[dict, dict]:
    """(live customers, open deals) per owner, two grouped reads."""
    cust = select(Customer.owner_id, func.count()).where(
        Customer.owner_id.is_not(None), Customer.deleted_at.is_(None)
    )
    deals = select(Deal.owner_id, func.count()).where(
        Deal.status == "open", Deal.deleted_at.is_(None)
    )
    if user_ids is not None:
        cust = cust.where(Customer.owner_id.in_(user_ids))
        deals = deals.where(Deal.owner_id.in_(user_ids))
    customers = dict(session.execute(cust.group_by(Customer.owner_id)).all())
    open_deals = dict(session.execute(deals.group_by(Deal.owner_id)).all())
    return customers, open_deals


def list_users_admin(session: Session, actor: UserRow) -> list[UserAdminRow]:
    """Every user, deactivated ones too (admins); a manager reads their own team's."""
    _reader(actor)
    stmt = select(User, Team.name).outerjoin(Team, Team.id == User.team_id)
    if not actor.is_admin:
        stmt = stmt.where(User.team_id == actor.team_id) if actor.team_id else stmt.where(False)
    users = session.execute(stmt.order_by(User.name_sort, User.name, User.id)).all()
    customers, deals = _counts(session, None if actor.is_admin else [u.id for u, _ in users])
    return [_admin_row(u, team, customers.get(u.id, 0), deals.get(u.id, 0)) for u, team in users]


def _admin_row(u: User, team: str | None, customers: int, deals: int) -> UserAdminRow:
    return UserAdminRow(
        u.id, u.name, u.login, u.role, u.team_id, team or "", bool(u.active), u.customer_cap,
        u.locked_cap, u.locked_until, u.failed_logins or 0, bool(u.must_change_password),
        bool(u.password_hash), customers, deals,
    )  # fmt: skip


def list_teams(session: Session, actor: UserRow) -> list[TeamRow]:
    """Every team with its member counts (admins and managers)."""
    _reader(actor)
    active = func.sum(case((User.active.is_(True), 1), else_=0))
    stmt = (
        select(Team.id, Team.name, Team.customer_cap, Team.locked_cap,
               func.coalesce(active, 0), func.count(User.id))
        .outerjoin(User, User.team_id == Team.id)
        .group_by(Team.id, Team.name, Team.customer_cap, Team.locked_cap)
        .order_by(Team.name, Team.id)
    )  # fmt: skip
    return [TeamRow(*row[:4], int(row[4]), int(row[5])) for row in session.execute(stmt)]


def handover_counts(session: Session, actor: UserRow, user_id: int) -> tuple[int, int]:
    """(customers, open deals) a deactivation of this user would hand over: what the handover
    dialog shows, and what deactivate_user then reports."""
    _admin(actor, "deactivate_user")
    check_id(user_id, "user")
    customers = session.scalar(
        select(func.count()).select_from(Customer).where(Customer.owner_id == user_id)
    )
    deals = session.scalar(select(func.count()).select_from(Deal).where(*_open_deals(user_id)))
    return customers or 0, deals or 0


# ---------------------------------------------------------------- creating and editing users


def _check_cap(c: Checker, field: str, value: object) -> int | None:
    ok = value is None or (
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_CAP
    )
    if not ok:
        c.fail(field, "out_of_range", MAX_CAP)
        return None
    return value  # type: ignore[return-value]


def check_user(session: Session, data: UserInput, user_id: int | None = None) -> UserInput:
    """The input as it will be stored, or ValidationFailed with every problem."""
    if not isinstance(data, UserInput):
        raise ValidationFailed(errors=[("user", "invalid")], limits={})
    c = Checker()
    name = c.text("name", data.name, User.name, required=True)
    login = check_login(c, data.login)
    role = c.choice("role", data.role, ROLES)
    team_id = data.team_id
    if team_id is not None:
        try:
            check_id(team_id, "team")
            if session.get(Team, team_id) is None:
                c.fail("team", "not_found")
        except NotFound:
            c.fail("team", "not_found")
    customer_cap = _check_cap(c, "customer_cap", data.customer_cap)
    locked_cap = _check_cap(c, "locked_cap", data.locked_cap)
    if login and not c.errors and login_taken(session, login, user_id):
        c.fail("login", "taken")
    c.done()
    return UserInput(name, login, role, team_id, customer_cap, locked_cap)


def create_user(
    session: Session, actor: UserRow, data: UserInput, password: str, now: datetime
) -> int:
    """A new active user with an initial password, which they must change at their first
    sign-in (the admin knows it)."""
    _admin(actor, "create_user")
    login = getattr(data, "login", "")
    problems = password_problems(password, login if isinstance(login, str) else "")
    try:
        data = check_user(session, data)
    except ValidationFailed as exc:
        raise ValidationFailed(errors=exc.params["errors"] + problems, limits={}) from None
    if problems:
        raise ValidationFailed(errors=problems, limits={})
    user = User(
        name=data.name, login=data.login, role=data.role, team_id=data.team_id, active=True,
        created_at=now, customer_cap=data.customer_cap, locked_cap=data.locked_cap,
        password_hash=hash_password(password), must_change_password=True, failed_logins=0,
    )  # fmt: skip
    session.add(user)
    session.flush()
    record(session, "users")
    return user.id


def update_user(
    session: Session, actor: UserRow, user_id: int, data: UserInput, now: datetime
) -> None:
    """Name (through users.rename_user), login, role, team (through policy.move_to_team: their
    customers, deals and contracts follow) and caps. The last active admin keeps the role."""
    _admin(actor, "update_user")
    user = _locked_user(session, user_id)
    data = check_user(session, data, user_id)
    if data.role != "admin":
        _guard_last_admin(session, user)
    if data.name != user.name:
        rename_user(session, user.id, data.name)
    user.login, user.role = data.login, data.role
    user.customer_cap, user.locked_cap = data.customer_cap, data.locked_cap
    session.flush()
    if data.team_id != user.team_id:
        move_to_team(session, user.id, data.team_id)
        record(session, "ownership")  # managers see other customers now
    record(session, "users")


# ---------------------------------------------------------------- deactivating


def _open_deals(user_id: int) -> list:
    return [Deal.owner_id == user_id, Deal.status == "open", Deal.deleted_at.is_(None)]


def _receiver(session: Session, user_id: object, field: str, leaving: int) -> UserRow:
    """A colleague who takes over: active, not the one leaving, and one who sells."""
    try:
        user = get_user(session, check_id(user_id, "user"))
    except NotFound:
        raise ValidationFailed(errors=[(field, "not_found")], limits={}) from None
    if not user.active or user.id == leaving or not sells(user):
        raise ValidationFailed(errors=[(field, "invalid")], limits={})
    return user


def _check_handover(session: Session, user_id: int, h: Handover, customers: int, deals: int):
    """(customers' receiver, pool, deals' receiver, reason code, reason text), checked."""
    from crmdesk.models.pool_actions import check_reason  # it imports bulk, as this does

    if not isinstance(h, Handover):
        raise ValidationFailed(errors=[("handover", "invalid")], limits={})
    if h.to_user_id is not None and h.pool_id is not None:
        raise ValidationFailed(errors=[("to_user", "invalid")], limits={})
    to_user = pool = deals_to = None
    code, text = "", ""
    if h.to_user_id is not None:
        to_user = _receiver(session, h.to_user_id, "to_user", user_id)
    if h.pool_id is not None:
        try:
            pool = get_pool(session, h.pool_id)
        except NotFound:
            raise ValidationFailed(errors=[("pool", "not_found")], limits={}) from None
        if not pool.enabled:
            raise PermissionDenied("pool_disabled", pool_id=pool.id)
    if customers and to_user is None and pool is None:
        raise ValidationFailed(errors=[("to_user", "required")], limits={})
    if h.deals_to_user_id is not None:
        deals_to = _receiver(session, h.deals_to_user_id, "deals_to_user", user_id)
    deals_to = deals_to or to_user
    if deals and deals_to is None:
        raise ValidationFailed(errors=[("deals_to_user", "required")], limits={})
    if pool is not None and customers:
        code, text = check_reason(session, h.reason_code, h.reason_text)
    elif to_user is not None and customers:
        code = h.reason_code or "handover"
        text = check_transfer(code, h.reason_text)
    return to_user, pool, deals_to, code, text


def _owned_ids(session: Session, user_id: int) -> list[int]:
    """The leaving user's customers (live and in the recycle bin), locked in id order."""
    stmt = select(Customer.id).where(Customer.owner_id == user_id).order_by(Customer.id)
    return list(session.scalars(stmt.with_for_update()))


def _events(session, user_id, kind, actor, now, *, to=None, pool_id=None, code="", text=""):
    rows = select(
        Customer.id, Customer.owner_id, literal(to, Integer), literal(kind, String),
        literal(code, String), literal(text, String), literal(actor.id, Integer),
        literal(now, DateTime), literal(pool_id, Integer),
    ).where(Customer.owner_id == user_id)  # fmt: skip
    columns = ["customer_id", "from_owner_id", "to_owner_id", "kind", "reason_code",
               "reason_text", "actor_id", "at", "pool_id"]  # fmt: skip
    session.execute(insert(OwnershipEvent).from_select(columns, rows))


def _stamp(actor: UserRow, now: datetime) -> dict:
    return {"updated_at": now, "updated_by_id": actor.id, "version": Customer.version + 1}


def _transfer(session, user_id, to_user: UserRow, actor, now, code, text) -> None:
    """As bulk_assign.assign_action hands over an owned customer: a "transferred" event each, the
    owner's team and stored sort key with them."""
    _events(session, user_id, "transferred", actor, now, to=to_user.id, code=code, text=text)
    theirs = select(Customer.id).where(Customer.owner_id == user_id).scalar_subquery()
    mine = Collaborator.user_id == to_user.id  # the new owner's row as a collaborator goes
    session.execute(delete(Collaborator).where(mine, Collaborator.customer_id.in_(theirs)))
    key = select(User.name_sort).where(User.id == to_user.id).scalar_subquery()
    session.execute(
        update(Customer)
        .where(Customer.owner_id == user_id)
        .values(owner_id=to_user.id, team_id=to_user.team_id, owner_sort=key, pool_id=None,
                pool_entered_at=None, release_code="", received_at=now, **_stamp(actor, now)),
        execution_options={"synchronize_session": False},
    )  # fmt: skip


def _release(session, user_id, pool_id, actor, now, code, text) -> None:
    """As pool_actions.release gives a customer back: a "released" event with the reason, the
    owner cleared, the pool set; a customer's collaborators leave with it (the pool's members
    see it now)."""
    _events(session, user_id, "released", actor, now, pool_id=pool_id, code=code, text=text)
    theirs = select(Customer.id).where(Customer.owner_id == user_id).scalar_subquery()
    session.execute(delete(Collaborator).where(Collaborator.customer_id.in_(theirs)))
    session.execute(
        update(Customer)
        .where(Customer.owner_id == user_id)
        .ordered_values(  # released_by first: MariaDB assigns left to right
            (Customer.released_by_id, Customer.owner_id),
            (Customer.owner_id, None), (Customer.team_id, None),
            (Customer.owner_sort, ""), (Customer.pool_id, pool_id),
            (Customer.pool_entered_at, now), (Customer.received_at, None),
            (Customer.release_code, code), (Customer.locked, False),
            (Customer.next_follow_up_at, None),
            *_stamp(actor, now).items(),
        ),
        execution_options={"synchronize_session": False},
    )  # fmt: skip


def _move_deals(session, user_id, deals_to: UserRow, actor, now) -> int:
    where = _open_deals(user_id)
    customers = sorted(set(session.scalars(select(Deal.customer_id).where(*where))))
    if not customers:
        return 0
    moved = session.execute(
        update(Deal)
        .where(*where)
        .values(owner_id=deals_to.id, team_id=deals_to.team_id, updated_at=now,
                updated_by_id=actor.id, version=Deal.version + 1),
        execution_options={"synchronize_session": False},
    ).rowcount  # fmt: skip
    record(session, "deals", customers)
    return moved


def deactivate_user(
    session: Session, actor: UserRow, user_id: int, handover: Handover, now: datetime
) -> DeactivateResult:
    """In one unit of work: the user's customers go to a colleague (transferred) or to a pool
    (released, with the reason), their open deals to a colleague, and the user becomes
    inactive. Set-based: a statement for the events, one for the customers, one for the deals.
    Contracts, won and lost deals keep their owner (they are that user's history); the user's
    collaborations end. A receiver may end up over their cap: a handover moves everything.
    Locks: the leaving user's row, the receivers' rows, then the customers in id order."""
    _admin(actor, "deactivate_user")
    user = _locked_user(session, user_id)
    if user.id == actor.id:
        raise PermissionDenied(action="deactivate_self")
    _guard_last_admin(session, user)
    if not user.active:
        raise ValidationFailed(errors=[("user", "inactive")], limits={})
    customers, deals = handover_counts(session, actor, user_id)
    to_user, pool, deals_to, code, text = _check_handover(
        session, user.id, handover, customers, deals
    )
    for receiver in sorted({r.id for r in (to_user, deals_to) if r is not None}):
        lock_user_row(session, receiver)
    ids = _owned_ids(session, user.id)
    if ids and pool is not None:
        _release(session, user.id, pool.id, actor, now, code, text)
    elif ids and to_user is not None:
        _transfer(session, user.id, to_user, actor, now, code, text)
    if ids:
        record(session, "ownership", ids)
    moved = _move_deals(session, user.id, deals_to, actor, now) if deals_to else 0
    session.execute(delete(Collaborator).where(Collaborator.user_id == user.id))
    user.active = False
    session.flush()
    record(session, "users")
    return DeactivateResult(len(ids), moved)


def reactivate_user(session: Session, actor: UserRow, user_id: int, now: datetime) -> None:
    """Back to work, with no customers (they were handed over) and no lock-out."""
    _admin(actor, "reactivate_user")
    user = _locked_user(session, user_id)
    user.active = True
    user.failed_logins, user.locked_until = 0, None
    session.flush()
    record(session, "users")


# ---------------------------------------------------------------- teams


def save_team(
    session: Session,
    actor: UserRow,
    team_id: int | None,
    name: str,
    customer_cap: int | None,
    locked_cap: int | None,
    now: datetime,
) -> int:
    """Create (team_id None) or rename a team and set its caps; the team's id."""
    _admin(actor, "save_team")
    c = Checker()
    name = c.text("name", name, Team.name, required=True)
    customer_cap = _check_cap(c, "customer_cap", customer_cap)
    locked_cap = _check_cap(c, "locked_cap", locked_cap)
    c.done()
    team = None
    if team_id is not None:
        check_id(team_id, "team")
        team = session.get(Team, team_id, with_for_update=True, populate_existing=True)
        if team is None:
            raise NotFound(what="team", id=team_id)
    taken = select(Team.id).where(func.lower(Team.name) == name.lower())
    if any(i != team_id for i in session.scalars(taken)):
        raise ValidationFailed(errors=[("name", "taken")], limits={})
    if team is None:
        team = Team(name=name, created_at=now)
        session.add(team)
    team.name, team.customer_cap, team.locked_cap = name, customer_cap, locked_cap
    session.flush()
    record(session, "users")
    return team.id


def delete_team(session: Session, actor: UserRow, team_id: int) -> None:
    """Only a team nobody belongs to (deactivated users count: their history names it)."""
    _admin(actor, "delete_team")
    check_id(team_id, "team")
    team = session.get(Team, team_id, with_for_update=True)
    if team is None:
        raise NotFound(what="team", id=team_id)
    members = session.scalar(select(func.count()).select_from(User).where(User.team_id == team_id))
    if members:
        raise CrmError("team_not_empty", members=members)
    session.delete(team)
    session.flush()
    record(session, "users")
