"""Public pools (公海): what a pool is, who belongs to it, its rules, and the capacity of a rep.

A pool holds the customers nobody owns (Customer.pool_id). Its members (users, whole teams, or
everyone) may see its customers and claim them; its admins may also assign from it, move
customers out of it and edit its rules. Its recycle rules cover the customers owned by its
members, optionally only some industries or provinces; a customer covered by several pools
belongs to the first in coverage_order (named pools before everyone's, then by position).
The actions are pool_actions.py, the recycle pass recycle.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, false, func, not_, or_, select
from sqlalchemy.orm import Session

from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id
from crmdesk.models.errors import Conflict, NotFound, PermissionDenied
from crmdesk.models.schema import (
    LEVELS,
    POOL_RULE_KINDS,
    Customer,
    Pool,
    PoolMember,
    PoolRule,
    ReleaseReason,
    Setting,
    Team,
    User,
)
from crmdesk.models.settings_log import log_change
from crmdesk.models.users import UserRow

MAX_DAYS = 3650
MAX_CAP = 100_000
MAX_MEMBERS = 500
MAX_RULES = 10
COUNT_WON_SETTING = "pool.count_won"  # whether won customers (status customer) count to a cap


@dataclass(frozen=True)
class RuleRow:
    kind: str  # POOL_RULE_KINDS
    days: int
    days_by_level: tuple[tuple[str, int], ...] = ()  # (level, days) replacing `days`
    enabled: bool = True
    id: int | None = None

    def days_for(self, level: str) -> int:
        return dict(self.days_by_level).get(level, self.days)


@dataclass(frozen=True)
class PoolRow:
    id: int
    name: str
    enabled: bool
    everyone: bool
    position: int
    daily_claim_cap: int
    cooldown_days: int
    protect_days: int
    warn_days: int
    exempt_open_deals: bool
    industries: tuple[str, ...]
    provinces: tuple[str, ...]
    member_user_ids: tuple[int, ...]
    member_team_ids: tuple[int, ...]
    admin_ids: tuple[int, ...]
    rules: tuple[RuleRow, ...]
    version: int

    def is_member(self, actor: UserRow) -> bool:
        return (
            self.everyone
            or actor.id in self.member_user_ids
            or (actor.team_id is not None and actor.team_id in self.member_team_ids)
            or self.is_admin(actor)
        )

    def is_admin(self, actor: UserRow) -> bool:
        return actor.is_admin or actor.id in self.admin_ids

    def may_see(self, actor: UserRow) -> bool:
        return actor.active and (actor.is_admin or (self.enabled and self.is_member(actor)))


@dataclass(frozen=True)
class PoolInput:
    """A pool as its settings dialog submits it."""

    name: str
    enabled: bool = True
    everyone: bool = False
    daily_claim_cap: int = 10
    cooldown_days: int = 7
    protect_days: int = 0
    warn_days: int = 3
    exempt_open_deals: bool = False
    industries: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    member_user_ids: tuple[int, ...] = ()
    member_team_ids: tuple[int, ...] = ()
    admin_ids: tuple[int, ...] = ()
    rules: tuple[RuleRow, ...] = field(default_factory=tuple)


def _split(text: str) -> tuple[str, ...]:
    return tuple(t for t in (text or "").split(",") if t)


def list_pools(session: Session) -> list[PoolRow]:
    """Every pool, in position order (a team has a handful: read whole)."""
    pools = session.scalars(select(Pool).order_by(Pool.position, Pool.id)).all()
    members = session.scalars(select(PoolMember)).all()
    rules = session.scalars(select(PoolRule).order_by(PoolRule.id)).all()
    rows = []
    for p in pools:
        mine = [m for m in members if m.pool_id == p.id]
        levels = lambda r: tuple(  # noqa: E731
            (lv, d) for lv, d in zip(LEVELS, (r.days_a, r.days_b, r.days_c), strict=True)
            if d is not None
        )  # fmt: skip
        rows.append(
            PoolRow(
                p.id,
                p.name,
                p.enabled,
                p.everyone,
                p.position,
                p.daily_claim_cap,
                p.cooldown_days,
                p.protect_days,
                p.warn_days,
                p.exempt_open_deals,
                _split(p.industries),
                _split(p.provinces),
                tuple(sorted(m.user_id for m in mine if m.user_id and not m.is_admin)),
                tuple(sorted(m.team_id for m in mine if m.team_id)),
                tuple(sorted(m.user_id for m in mine if m.user_id and m.is_admin)),
                tuple(
                    RuleRow(r.kind, r.days, levels(r), r.enabled, r.id)
                    for r in rules
                    if r.pool_id == p.id
                ),
                p.version,
            )  # fmt: skip
        )
    return rows


def get_pool(session: Session, pool_id: int) -> PoolRow:
    check_id(pool_id, "pool")
    for pool in list_pools(session):
        if pool.id == pool_id:
            return pool
    raise NotFound(what="pool", id=pool_id)


def pools_for(session: Session, actor: UserRow) -> list[PoolRow]:
    """The pools the actor may see and claim from (an admin: all, disabled ones included)."""
    return [p for p in list_pools(session) if p.may_see(actor)]


def visible_pool(session: Session, actor: UserRow, pool_id: int) -> PoolRow:
    """A pool the actor may see; one they may not answers like one that does not exist."""
    pool = get_pool(session, pool_id)
    if not pool.may_see(actor):
        raise NotFound(what="pool", id=pool_id)
    return pool


def pool_see_condition(actor: UserRow, pools: Sequence[PoolRow]) -> ColumnElement[bool]:
    """Customers sitting in a pool the actor may see (the pool members' view of customers they
    do not own)."""
    ids = [p.id for p in pools if p.may_see(actor)]
    return Customer.pool_id.in_(ids) if ids else false()


# ---------------------------------------------------------------- which pool covers a customer


def members_condition(pool: PoolRow) -> ColumnElement[bool]:
    """Owned customers whose owner belongs to the pool (by user or by team)."""
    if pool.everyone:
        return Customer.owner_id.is_not(None)
    parts = []
    users = sorted({*pool.member_user_ids, *pool.admin_ids})
    if users:
        parts.append(Customer.owner_id.in_(users))
    if pool.member_team_ids:
        parts.append(Customer.team_id.in_(list(pool.member_team_ids)))
    return or_(*parts) if parts else false()


def covers_condition(pool: PoolRow) -> ColumnElement[bool]:
    """Owned customers this pool's rules would apply to, before looking at earlier pools."""
    parts = [members_condition(pool)]
    if pool.industries:
        parts.append(Customer.industry.in_(list(pool.industries)))
    if pool.provinces:
        parts.append(Customer.province.in_(list(pool.provinces)))
    return and_(*parts)


def coverage_order(pools: Sequence[PoolRow]) -> list[PoolRow]:
    """Pools in the order they claim the customers they cover: pools with named members,
    industries or provinces before pools open to everyone, each kind by position. 华东公海
    takes its team's customers before 公海 (everyone's, the fallback) does."""

    def broad(p: PoolRow) -> bool:
        return p.everyone and not p.industries and not p.provinces

    return sorted(pools, key=lambda p: (broad(p), p.position, p.id))


def home_condition(pools: Sequence[PoolRow], index: int) -> ColumnElement[bool]:
    """Owned customers whose pool is pools[index]: covered by it and by no enabled pool before
    it (pools in coverage_order)."""
    earlier = [covers_condition(p) for p in pools[:index] if p.enabled]
    mine = covers_condition(pools[index])
    return and_(mine, not_(or_(*earlier))) if earlier else mine


def home_pool(pools: Sequence[PoolRow], owner: UserRow, industry: str, province: str):
    """The pool an owned customer belongs to (where a release sends it by default), or None."""
    for pool in coverage_order(pools):
        if not pool.enabled:
            continue
        member = (
            pool.everyone
            or owner.id in (*pool.member_user_ids, *pool.admin_ids)
            or (owner.team_id is not None and owner.team_id in pool.member_team_ids)
        )
        if (
            member
            and (not pool.industries or industry in pool.industries)
            and (not pool.provinces or province in pool.provinces)
        ):
            return pool
    return None


# ---------------------------------------------------------------- settings


def check_pool(data: PoolInput) -> PoolInput:
    """Everything wrong with a pool's settings at once: a name, caps of at least 1, days not
    negative (a recycle rule's at least 1), members unless everyone is, known rule kinds."""
    c = Checker()
    name = c.text("name", data.name, Pool.name, required=True)

    def number(name_: str, value: object, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            c.fail(name_, "out_of_range", high)
            return low
        return value

    cap = number("daily_claim_cap", data.daily_claim_cap, 1, MAX_CAP)
    cooldown = number("cooldown_days", data.cooldown_days, 0, MAX_DAYS)
    protect = number("protect_days", data.protect_days, 0, MAX_DAYS)
    warn = number("warn_days", data.warn_days, 0, MAX_DAYS)
    industries = tuple(
        sorted({c.text("industries", t, Customer.industry) for t in data.industries})
    )
    provinces = tuple(sorted({c.text("provinces", t, Customer.province) for t in data.provinces}))
    for label, items in (("industries", industries), ("provinces", provinces)):
        if len(",".join(items)) > 500:
            c.fail(label, "too_long", 500)
    members = (data.member_user_ids, data.member_team_ids, data.admin_ids)
    for label, ids in zip(
        ("member_user_ids", "member_team_ids", "admin_ids"), members, strict=True
    ):
        c.count(label, ids, MAX_MEMBERS)
        if any(isinstance(i, bool) or not isinstance(i, int) or i < 1 for i in ids):
            c.fail(label, "invalid")
    if not data.everyone and not data.member_user_ids and not data.member_team_ids:
        c.fail("members", "required")
    c.count("rules", data.rules, MAX_RULES)
    rules = []
    for i, rule in enumerate(data.rules):
        r = c.sub(f"rules.{i}.")
        kind = r.choice("kind", rule.kind, POOL_RULE_KINDS)
        days = _rule_days(r, "days", rule.days)
        by_level = tuple((lv, _rule_days(r, f"days_{lv.lower()}", d))
                         for lv, d in rule.days_by_level if lv in LEVELS)  # fmt: skip
        if any(lv not in LEVELS for lv, _d in rule.days_by_level):
            r.fail("days_by_level", "invalid")
        rules.append(RuleRow(kind, days, by_level, bool(rule.enabled)))
    c.done()
    return PoolInput(
        name, bool(data.enabled), bool(data.everyone), cap, cooldown, protect, warn,
        bool(data.exempt_open_deals), industries, provinces,
        tuple(sorted(set(data.member_user_ids))), tuple(sorted(set(data.member_team_ids))),
        tuple(sorted(set(data.admin_ids))), tuple(rules),
    )  # fmt: skip


def _rule_days(c: Checker, name: str, value: object) -> int:
    """A recycle rule's days: 0 would recycle a customer the moment it is received."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
        c.fail(name, "out_of_range", MAX_DAYS)
        return 1
    return value


def save_pool(
    session: Session,
    actor: UserRow,
    pool_id: int | None,
    data: PoolInput,
    now: datetime,
    expected_version: int | None = None,
) -> int:
    """Create (pool_id None: admins) or change a pool (admins and the pool's admins), members
    and rules replaced by the given ones; a save over a colleague's is a Conflict."""
    data = check_pool(data)
    if pool_id is None and not actor.is_admin:
        raise PermissionDenied(action="edit_pool")
    if pool_id is not None:
        check_id(pool_id, "pool")
        pool = session.get(Pool, pool_id, with_for_update=True, populate_existing=True)
        if pool is None:
            raise NotFound(what="pool", id=pool_id)
        if not get_pool(session, pool_id).is_admin(actor):
            raise PermissionDenied(action="edit_pool", pool_id=pool_id)
        if expected_version is not None and pool.version != expected_version:
            who = session.get(User, pool.updated_by_id) if pool.updated_by_id else None
            raise Conflict(by=who.name if who else None, at=pool.updated_at, fields=[])
    _check_people(session, data)
    before = get_pool(session, pool_id) if pool_id is not None else None
    taken = select(Pool.id).where(Pool.name == data.name)
    if session.scalar(taken if pool_id is None else taken.where(Pool.id != pool_id)) is not None:
        c = Checker()
        c.fail("name", "taken")
        c.done()
    if pool_id is None:
        position = (session.scalar(select(func.max(Pool.position))) or 0) + 1
        pool = Pool(created_at=now, position=position, version=1)
    for name in ("name", "enabled", "everyone", "daily_claim_cap", "cooldown_days",
                 "protect_days", "warn_days", "exempt_open_deals"):  # fmt: skip
        setattr(pool, name, getattr(data, name))
    pool.industries, pool.provinces = ",".join(data.industries), ",".join(data.provinces)
    pool.updated_at, pool.updated_by_id = now, actor.id
    session.add(pool)
    session.flush()
    for table in (PoolMember, PoolRule):
        session.execute(delete(table).where(table.pool_id == pool.id))
    members = [PoolMember(pool_id=pool.id, user_id=u, is_admin=False) for u in data.member_user_ids]
    members += [
        PoolMember(pool_id=pool.id, team_id=t, is_admin=False) for t in data.member_team_ids
    ]
    members += [PoolMember(pool_id=pool.id, user_id=u, is_admin=True) for u in data.admin_ids]
    session.add_all(members)
    for rule in data.rules:
        days = dict(rule.days_by_level)
        session.add(PoolRule(pool_id=pool.id, kind=rule.kind, days=rule.days,
                             days_a=days.get("A"), days_b=days.get("B"), days_c=days.get("C"),
                             enabled=rule.enabled))  # fmt: skip
    session.flush()
    log_change(session, actor, "pool", changed_fields(before, data), now, pool.id)
    record(session, "pools")
    return pool.id


def changed_fields(before: PoolRow | None, data: PoolInput) -> list[str]:
    """The settings a save changed (all of them for a new pool: "created")."""
    if before is None:
        return ["created"]
    now = {f.name: getattr(data, f.name) for f in fields(PoolInput)}
    was = {name: getattr(before, name) for name in now}
    was["rules"], now["rules"] = (
        tuple(replace(r, id=None, days_by_level=tuple(sorted(r.days_by_level))) for r in rules)
        for rules in (before.rules, data.rules)
    )
    for name in ("industries", "provinces", "member_user_ids", "member_team_ids", "admin_ids"):
        was[name], now[name] = sorted(was[name]), sorted(now[name])
    return [name for name in now if now[name] != was[name]]


def _check_people(session: Session, data: PoolInput) -> None:
    users = {*data.member_user_ids, *data.admin_ids}
    known = set(session.scalars(select(User.id).where(User.id.in_(users)))) if users else set()
    teams = set(data.member_team_ids)
    known_teams = (
        set(session.scalars(select(Team.id).where(Team.id.in_(teams)))) if teams else set()
    )
    c = Checker()
    if users - known:
        c.fail("member_user_ids", "not_found")
    if teams - known_teams:
        c.fail("member_team_ids", "not_found")
    c.done()


# ---------------------------------------------------------------- reasons and capacity


BUILT_IN_REASONS = ("no_need", "unreachable", "competitor", "wrong_info", "other")


def ensure_defaults(session: Session, now: datetime, *, pool: bool = True) -> None:
    """The built-in release reasons and (pool) a first pool open to everyone, where missing
    (the migration makes them; a database emptied by hand or by the tests gets them back)."""
    if session.scalar(select(func.count()).select_from(ReleaseReason)) == 0:
        session.add_all(ReleaseReason(code=c, label="", active=True, position=i)
                        for i, c in enumerate(BUILT_IN_REASONS))  # fmt: skip
    if pool and session.scalar(select(func.count()).select_from(Pool)) == 0:
        session.add(Pool(name="公海", enabled=True, everyone=True, position=0, daily_claim_cap=10,
                         cooldown_days=7, protect_days=0, warn_days=3, exempt_open_deals=False,
                         industries="", provinces="", created_at=now, updated_at=now,
                         version=1))  # fmt: skip
    session.flush()


def release_reasons(session: Session, *, active_only: bool = True) -> list[ReleaseReason]:
    stmt = select(ReleaseReason).order_by(ReleaseReason.position, ReleaseReason.code)
    if active_only:
        stmt = stmt.where(ReleaseReason.active.is_(True))
    return list(session.scalars(stmt))


def setting(session: Session, key: str, default: str) -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


@dataclass(frozen=True)
class Capacity:
    """How many customers a user owns and may own (cap None: no cap), and how many are locked."""

    owned: int
    cap: int | None
    locked: int
    locked_cap: int | None

    @property
    def room(self) -> int | None:
        return None if self.cap is None else max(0, self.cap - self.owned)


def user_caps(session: Session, user_id: int) -> tuple[int | None, int | None]:
    """The user's cap of customers and of locked customers (their own, else their team's; None:
    no cap), without counting what they own."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(what="user", id=user_id)
    team = session.get(Team, user.team_id) if user.team_id else None
    cap = user.customer_cap if user.customer_cap is not None else (team and team.customer_cap)
    locked_cap = user.locked_cap if user.locked_cap is not None else (team and team.locked_cap)
    return cap, locked_cap


def capacity(session: Session, user_id: int, *, locked: bool = True) -> Capacity:
    """locked=False: the locked count is not needed (a claim, a hand-over, the pool page's
    room) and not read; it walks every one of the user's rows (100 ms for 30,000 of them),
    while the owned count reads an index alone."""
    cap, locked_cap = user_caps(session, user_id)
    mine = [Customer.owner_id == user_id, Customer.deleted_at.is_(None)]
    counted = list(mine)
    if setting(session, COUNT_WON_SETTING, "1") != "1":
        counted.append(Customer.status != "customer")
    owned = session.scalar(select(func.count()).select_from(Customer).where(*counted)) or 0
    locked = locked and session.scalar(
        select(func.count()).select_from(Customer).where(*mine, Customer.locked.is_(True))
    )
    return Capacity(owned, cap, locked or 0, locked_cap)
