"""What an administrator sets for every pool at once: the release reasons a rep chooses from
(built-in ones, translated by the views, and the admin's own with their label; a reason is
turned off, never deleted, since old events name it), and the caps: how many customers a team's
reps (or one rep) may own and lock, and whether won customers count."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id
from crmdesk.models.errors import NotFound, PermissionDenied
from crmdesk.models.pool import COUNT_WON_SETTING as COUNT_WON
from crmdesk.models.pool import MAX_CAP, setting
from crmdesk.models.reasons import add_reason, set_reason_active
from crmdesk.models.schema import ReleaseReason, Setting, Team, User
from crmdesk.models.settings_log import log_change
from crmdesk.models.users import UserRow


@dataclass(frozen=True)
class ReleaseReasonRow:
    code: str
    label: str  # "" for the built-in codes: the views translate them
    active: bool
    position: int


@dataclass(frozen=True)
class CapRow:
    """A team's or a user's caps (None: no cap; for a user: the team's applies)."""

    id: int
    name: str
    team_id: int | None
    customer_cap: int | None
    locked_cap: int | None


@dataclass(frozen=True)
class CapsRow:
    teams: tuple[CapRow, ...]
    users: tuple[CapRow, ...]
    count_won: bool  # won customers (status customer) count toward the cap


def _admin(actor: UserRow) -> None:
    if not actor.is_admin:
        raise PermissionDenied(action="pool_admin")


def all_release_reasons(session: Session) -> list[ReleaseReasonRow]:
    stmt = select(ReleaseReason).order_by(ReleaseReason.position, ReleaseReason.code)
    return [ReleaseReasonRow(r.code, r.label, r.active, r.position) for r in session.scalars(stmt)]


def add_release_reason(session: Session, actor: UserRow, label: str, now: datetime) -> str:
    """A reason of the admin's own; returns its code (r1, r2 …)."""
    _admin(actor)
    code = add_reason(session, ReleaseReason, label)
    log_change(session, actor, "reasons", [f"added:{code}"], now)
    record(session, "pools")
    return code


def set_release_reason_active(
    session: Session, actor: UserRow, code: str, active: bool, now: datetime
) -> None:
    _admin(actor)
    if set_reason_active(session, ReleaseReason, "release_reason", code, active):
        log_change(session, actor, "reasons", [f"{'on' if active else 'off'}:{code}"], now)
    record(session, "pools")


def caps(session: Session) -> CapsRow:
    teams = session.execute(
        select(Team.id, Team.name, Team.customer_cap, Team.locked_cap).order_by(Team.name)
    ).all()
    users = session.execute(
        select(User.id, User.name, User.team_id, User.customer_cap, User.locked_cap)
        .where(User.active.is_(True), User.role != "admin")
        .order_by(User.team_id, User.name_sort, User.id)
    ).all()
    return CapsRow(
        tuple(CapRow(i, n, i, c, lk) for i, n, c, lk in teams),
        tuple(CapRow(i, n, t, c, lk) for i, n, t, c, lk in users),
        setting(session, COUNT_WON, "1") == "1",
    )


Caps = Mapping[int, tuple[int | None, int | None]]  # id -> (customer cap, locked cap)


def save_caps(
    session: Session, actor: UserRow, teams: Caps, users: Caps, count_won: bool, now: datetime
) -> None:
    """Set the caps given (the others stay) and whether won customers count; checked all at
    once (a cap is a whole number from 1 to MAX_CAP, or None for none)."""
    _admin(actor)
    c = Checker()
    for kind, given in (("team", teams), ("user", users)):
        for key, pair in given.items():
            check_id(key, kind)
            for name, value in zip(("customer_cap", "locked_cap"), pair, strict=True):
                ok = value is None or (
                    isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_CAP
                )
                if not ok:
                    c.fail(f"{kind}.{key}.{name}", "out_of_range")
    c.done()
    before = caps(session)
    was = {("team", r.id): (r.customer_cap, r.locked_cap) for r in before.teams}
    was |= {("user", r.id): (r.customer_cap, r.locked_cap) for r in before.users}
    changed = [
        f"{kind}:{key}"
        for kind, given in (("team", teams), ("user", users))
        for key, pair in sorted(given.items())
        if was.get((kind, key)) != tuple(pair)
    ]
    if before.count_won != bool(count_won):
        changed.append("count_won")
    for table, given in ((Team, teams), (User, users)):
        for key, (customer_cap, locked_cap) in sorted(given.items()):
            done = session.execute(
                update(table)
                .where(table.id == key)
                .values(customer_cap=customer_cap, locked_cap=locked_cap)
            )
            if done.rowcount == 0:
                raise NotFound(what=table.__tablename__, id=key)
    value = "1" if count_won else "0"
    if session.scalar(select(func.count()).where(Setting.key == COUNT_WON)):
        session.execute(update(Setting).where(Setting.key == COUNT_WON).values(value=value))
    else:
        session.add(Setting(key=COUNT_WON, value=value))
    session.flush()
    log_change(session, actor, "caps", changed, now)
    record(session, "pools")
