"""The Today page's rules: what the acting rep must do now, over their own live customers.

Sections, each bounded and counted: follow-ups due by the end of the local day (overdue first),
customers a recycle rule of their home pool would send back within that pool's warning window,
customers forgotten for N days, contacts' birthdays in the coming week, unread notifications
(mark_read clears them), instalments due and contracts expiring (receivables.reminders).
recycle_dates gives the list and detail the same "returns to the pool on …" for a page of ids in
a few queries. The recycle conditions are recycle.py's own; the date is computed here from the
row, exactly where due_condition starts to match (test_today.py). Time comes in as `now`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Generic, Literal, TypeVar

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from crmdesk.models.bulk import CHUNK, id_in
from crmdesk.models.changes import Change, change_of, record
from crmdesk.models.checks import check_id
from crmdesk.models.pool import PoolRow, RuleRow, coverage_order, home_condition, list_pools
from crmdesk.models.recycle import _due, _passes, eligible
from crmdesk.models.schema import Contact, Customer, Notification, Pool
from crmdesk.models.users import UserRow

R = TypeVar("R")
T = TypeVar("T")

LIMIT = 50
FORGOTTEN_DAYS = 150
BIRTHDAY_DAYS = 7
# Birthdays are matched by month and day in Python (portable; no SQL date functions outside
# dialects.py), over at most this many of the rep's contacts with a birthday, by contact id.
BIRTHDAY_SCAN = 5000
DAY = timedelta(days=1)


@dataclass(frozen=True)
class LocalDay:
    """The user's calendar day: its date, and its start and end as naive UTC."""

    date: date
    start: datetime
    end: datetime


@dataclass(frozen=True)
class SectionResult(Generic[T]):
    rows: tuple[T, ...]
    total: int  # all that qualify; more than len(rows) when the limit cut the list

    @property
    def more(self) -> bool:
        return self.total > len(self.rows)


@dataclass(frozen=True)
class FollowUpDueRow:
    customer_id: int
    customer_name: str
    next_follow_up_at: datetime
    overdue: bool  # its time has passed (before now), as the customer list's "overdue" filter
    level: str
    contact_name: str
    contact_mobile: str


@dataclass(frozen=True)
class RecycleDueRow:
    customer_id: int
    customer_name: str
    pool_id: int
    pool_name: str
    rule: str  # no_follow_up / not_won: the rule that takes it first
    due_at: datetime  # due_condition matches from just after this instant
    days_left: int  # whole days from now, rounded up; 0: due now (the next pass takes it)


@dataclass(frozen=True)
class ForgottenRow:
    customer_id: int
    customer_name: str
    last_follow_up_at: datetime | None  # None: never followed up (counted from created_at)
    since: datetime
    days: int  # whole days since `since`


@dataclass(frozen=True)
class BirthdayRow:
    contact_id: int
    contact_name: str
    customer_id: int
    customer_name: str
    birthday: date  # as stored, year included
    on: date  # the day it falls on in the window (Feb 29 on Feb 28 in other years)
    days_until: int  # 0: today


@dataclass(frozen=True)
class NotificationRow:
    id: int
    kind: str  # schema.NOTIFICATION_KINDS; work_reports.NOTICE "report_comment" (its detail)
    customer_id: int | None  # None when the notice is about several customers (count)
    customer_name: str
    pool_id: int | None
    pool_name: str
    count: int
    detail: str
    created_at: datetime


@dataclass(frozen=True)
class TodayResult:
    day: LocalDay
    follow_ups: SectionResult[FollowUpDueRow]
    recycling: SectionResult[RecycleDueRow]
    forgotten: SectionResult[ForgottenRow]
    birthdays: SectionResult[BirthdayRow]
    notifications: SectionResult[NotificationRow]
    instalments: SectionResult = SectionResult((), 0)  # receivables.InstalmentDueRow
    expiring: SectionResult = SectionResult((), 0)  # receivables.ExpiringRow


# ---------------------------------------------------------------- the local day


def _midnight(instant: datetime, tz: tzinfo | None) -> tuple[date, datetime]:
    local = instant.replace(tzinfo=UTC).astimezone(tz)
    if tz is None:  # a naive wall time is read as system local time, with that date's offset
        wall = local.replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
        return local.date(), wall.astimezone(UTC).replace(tzinfo=None)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return local.date(), midnight.astimezone(UTC).replace(tzinfo=None)


def local_day(now: datetime, tz: tzinfo | None = None) -> LocalDay:
    """The calendar day holding `now` (naive UTC) in tz (None: the system's zone), its start
    and end in naive UTC; a day of 23 or 25 hours where the clocks change."""
    today, start = _midnight(now, tz)
    _tomorrow, end = _midnight(start + timedelta(hours=36), tz)
    return LocalDay(today, start, end)


def _mine(actor: UserRow) -> list[ColumnElement[bool]]:
    return [Customer.owner_id == actor.id, Customer.deleted_at.is_(None)]


def _count(session: Session, *where: ColumnElement[bool]) -> int:
    return session.scalar(select(func.count()).select_from(Customer).where(*where)) or 0


# ---------------------------------------------------------------- follow-ups due


def follow_ups_due(
    session: Session, actor: UserRow, now: datetime, day_end: datetime, *, limit: int = LIMIT
) -> SectionResult[FollowUpDueRow]:
    """The actor's customers whose next follow-up is before the end of their day, earliest
    (so the overdue ones) first."""
    where = [*_mine(actor), Customer.next_follow_up_at < day_end]
    stmt = (
        select(Customer.id, Customer.name, Customer.next_follow_up_at, Customer.level,
               Customer.contact_name, Customer.contact_mobile)
        .where(*where)
        .order_by(Customer.next_follow_up_at, Customer.id)
        .limit(limit)
    )  # fmt: skip
    rows = tuple(
        FollowUpDueRow(cid, name, at, at < now, level, contact, mobile)
        for cid, name, at, level, contact, mobile in session.execute(stmt)
    )
    return SectionResult(rows, _count(session, *where))


# ---------------------------------------------------------------- about to be recycled


def _clock_start(kind: str, received_at, created_at, last_follow_up_at) -> datetime | None:
    """When the rule's clock started for this row (recycle._clock_before, in Python)."""
    received = received_at if received_at is not None else created_at
    if received is None:
        return None
    if kind == "no_follow_up" and last_follow_up_at is not None:
        return max(received, last_follow_up_at)
    return received


def due_at(rule: RuleRow, row) -> datetime | None:
    """When `rule` sends this customer back: recycle.due_condition(rule, t) matches for every
    t after it. None: never (won, under not_won; a level no branch of the rule takes). The row
    has received_at, created_at, last_follow_up_at, status and level."""
    if rule.kind == "not_won" and row.status == "customer":
        return None
    if rule.days_by_level and row.level is None:
        return None  # NULL is neither a special level nor NOT IN them, in SQL
    start = _clock_start(rule.kind, row.received_at, row.created_at, row.last_follow_up_at)
    return None if start is None else start + timedelta(days=rule.days_for(row.level))


def _days_left(at: datetime, now: datetime) -> int:
    return max(0, math.ceil((at - now).total_seconds() / 86400))


def _earliest(pool: PoolRow, row, now: datetime, until: datetime) -> RecycleDueRow | None:
    best: tuple[datetime, str] | None = None
    for rule in pool.rules:
        if rule.enabled:
            at = due_at(rule, row)
            if at is not None and at < until and (best is None or at < best[0]):
                best = (at, rule.kind)
    if best is None:
        return None
    at, kind = best
    return RecycleDueRow(row.id, row.name, pool.id, pool.name, kind, at, _days_left(at, now))


_ROW = (Customer.id, Customer.name, Customer.received_at, Customer.created_at,
        Customer.last_follow_up_at, Customer.status, Customer.level)  # fmt: skip


def _homes(pools: Sequence[PoolRow]) -> list[int]:
    """Indexes (in coverage order) of the pools with a rule the recycle pass runs."""
    return sorted({i for i, _rule in _passes(pools)})


def recycle_dates(
    session: Session, customer_ids: Iterable[int], now: datetime, *, window_days: int | None = None
) -> dict[int, RecycleDueRow]:
    """For owned, unlocked, live customers among customer_ids: when the first rule of their
    home pool sends them back, if before now + window_days (None: each pool's warn_days, the
    Today page's and the warnings' window; a pool warning 0 days then lists none). Customers
    already due are in (days_left 0). The pools' three reads, then one per CHUNK of ids."""
    ids = sorted({check_id(i, "customer") for i in customer_ids})
    pools = coverage_order(list_pools(session))
    homes = [i for i in _homes(pools) if window_days is not None or pools[i].warn_days]
    found: dict[int, RecycleDueRow] = {}
    if not ids or not homes:
        return found
    for k in range(0, len(ids), CHUNK):
        chunk = ids[k : k + CHUNK]
        parts = [
            select(literal(i, Integer).label("home"), *_ROW).where(
                id_in(session, chunk), *eligible(pools[i]), home_condition(pools, i)
            )
            for i in homes
        ]
        stmt = union_all(*parts) if len(parts) > 1 else parts[0]
        for row in session.execute(stmt):
            pool = pools[row.home]
            days = pool.warn_days if window_days is None else window_days
            item = _earliest(pool, row, now, now + timedelta(days=days))
            if item is not None:
                found[item.customer_id] = item
    return found


def _level_groups(rule: RuleRow) -> list[ColumnElement[bool]]:
    """Customers split by which of the rule's days apply (due_condition's branches)."""
    special = dict(rule.days_by_level)
    groups: list[ColumnElement[bool]] = [Customer.level == lv for lv in sorted(special)]
    groups.append(Customer.level.not_in(list(special)) if special else true())
    return groups


def _start_order(kind: str) -> ColumnElement:
    received = func.coalesce(Customer.received_at, Customer.created_at)
    if kind != "no_follow_up":
        return received
    later = and_(Customer.last_follow_up_at.is_not(None), Customer.last_follow_up_at > received)
    return case((later, Customer.last_follow_up_at), else_=received)


def about_to_recycle(
    session: Session, actor: UserRow, now: datetime, *, limit: int = LIMIT
) -> SectionResult[RecycleDueRow]:
    """The actor's customers that a rule of their home pool sends back within the pool's
    warning window (recycle._warn's set), soonest first, with the date and rule that comes
    first. Per rule and level group one query, ordered by when the clock started (there the
    order of the dates) and cut at `limit`: the soonest `limit` overall are among them."""
    pools = coverage_order(list_pools(session))
    mine = Customer.owner_id == actor.id
    matches: list[ColumnElement[bool]] = []
    found: dict[int, RecycleDueRow] = {}
    for i, rule in _passes(pools):
        pool = pools[i]
        if not pool.warn_days:
            continue
        until = now + timedelta(days=pool.warn_days)
        where = [mine, *_due(pools, i, rule, until)]
        matches.append(and_(*where))
        for group in _level_groups(rule):
            stmt = (
                select(*_ROW)
                .where(*where, group)
                .order_by(_start_order(rule.kind), Customer.id)
                .limit(limit)
            )
            for row in session.execute(stmt):
                # every rule of the home pool: another may come sooner
                item = _earliest(pool, row, now, until)
                if item is not None:
                    found[item.customer_id] = item
    if not matches:
        return SectionResult((), 0)
    rows = sorted(found.values(), key=lambda r: (r.due_at, r.customer_id))[:limit]
    return SectionResult(tuple(rows), _count(session, mine, or_(*matches)))


# ---------------------------------------------------------------- forgotten


def forgotten(
    session: Session,
    actor: UserRow,
    now: datetime,
    *,
    days: int = FORGOTTEN_DAYS,
    limit: int = LIMIT,
) -> SectionResult[ForgottenRow]:
    """The actor's customers without a follow-up for `days` (never followed up: since they
    were created), the longest forgotten first."""
    cutoff = now - timedelta(days=days)
    since = func.coalesce(Customer.last_follow_up_at, Customer.created_at)
    where = [
        *_mine(actor),
        or_(
            Customer.last_follow_up_at < cutoff,
            and_(Customer.last_follow_up_at.is_(None), Customer.created_at < cutoff),
        ),
    ]
    stmt = (
        select(Customer.id, Customer.name, Customer.last_follow_up_at, Customer.created_at)
        .where(*where)
        .order_by(since, Customer.id)
        .limit(limit)
    )
    rows = []
    for cid, name, last, created in session.execute(stmt):
        start = last if last is not None else created
        rows.append(ForgottenRow(cid, name, last, start, (now - start) // DAY))
    return SectionResult(tuple(rows), _count(session, *where))


# ---------------------------------------------------------------- birthdays


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def birthday_in(year: int, birthday: date) -> date:
    """The day a birthday is kept in `year`: Feb 29 on Feb 28 outside leap years."""
    if (birthday.month, birthday.day) == (2, 29) and not _is_leap(year):
        return date(year, 2, 28)
    return birthday.replace(year=year)


def _next_birthday(birthday: date, today: date, days: int) -> date | None:
    last = today + timedelta(days=days - 1)
    for year in (today.year, today.year + 1):
        on = birthday_in(year, birthday)
        if today <= on <= last:
            return on
    return None


def birthdays(
    session: Session,
    actor: UserRow,
    today: date,
    *,
    days: int = BIRTHDAY_DAYS,
    limit: int = LIMIT,
) -> SectionResult[BirthdayRow]:
    """Contacts of the actor's customers whose birthday falls within `days` days from the
    local `today` (today included), soonest first. Matched in Python over at most
    BIRTHDAY_SCAN contacts with a birthday."""
    stmt = (
        select(Contact.id, Contact.name, Contact.birthday, Customer.id, Customer.name)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(*_mine(actor), Contact.birthday.is_not(None))
        .order_by(Contact.id)
        .limit(BIRTHDAY_SCAN)
    )
    rows = []
    for contact_id, contact_name, birthday, cid, cname in session.execute(stmt):
        on = _next_birthday(birthday, today, days)
        if on is not None:
            rows.append(BirthdayRow(contact_id, contact_name, cid, cname, birthday, on,
                                    (on - today).days))  # fmt: skip
    rows.sort(key=lambda r: (r.on, r.customer_id, r.contact_id))
    return SectionResult(tuple(rows[:limit]), len(rows))


# ---------------------------------------------------------------- notifications


def unread_notifications(
    session: Session, actor: UserRow, *, limit: int = LIMIT
) -> SectionResult[NotificationRow]:
    """The actor's unread notifications, newest first."""
    where = [Notification.user_id == actor.id, Notification.read_at.is_(None)]
    stmt = (
        select(Notification.id, Notification.kind, Notification.customer_id, Customer.name,
               Notification.pool_id, Pool.name, Notification.count, Notification.detail,
               Notification.created_at)
        .outerjoin(Customer, Customer.id == Notification.customer_id)
        .outerjoin(Pool, Pool.id == Notification.pool_id)
        .where(*where)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(limit)
    )  # fmt: skip
    rows = tuple(
        NotificationRow(nid, kind, cid, cname or "", pid, pname or "", count, detail, at)
        for nid, kind, cid, cname, pid, pname, count, detail, at in session.execute(stmt)
    )
    total = session.scalar(select(func.count()).select_from(Notification).where(*where)) or 0
    return SectionResult(rows, total)


def mark_read(
    session: Session, actor: UserRow, ids: Sequence[int] | Literal["all"], now: datetime
) -> Change:
    """Mark the actor's unread notifications among ids (or all of them) read; others' ids are
    left alone. The change is of kind "notifications" (no customer changed)."""
    mine = [Notification.user_id == actor.id, Notification.read_at.is_(None)]
    statements = []
    if ids == "all":
        statements.append(update(Notification).where(*mine))
    else:
        wanted = sorted({check_id(i, "notification") for i in ids})
        statements += [
            update(Notification).where(*mine, id_in(session, wanted[k : k + CHUNK],
                                                    Notification.id))
            for k in range(0, len(wanted), CHUNK)
        ]  # fmt: skip
    marked = 0
    for stmt in statements:
        result = session.execute(
            stmt.values(read_at=now), execution_options={"synchronize_session": False}
        )
        marked += result.rowcount
    if not marked:
        return Change()
    record(session, "notifications")
    return change_of("notifications")


# ---------------------------------------------------------------- the page


def today(
    session: Session,
    actor: UserRow,
    now: datetime,
    *,
    day: LocalDay | None = None,
    forgotten_days: int = FORGOTTEN_DAYS,
    limit: int = LIMIT,
) -> TodayResult:
    """The whole Today page in one read (day: the caller's local day; None: the system's)."""
    from crmdesk.models.receivables import reminders  # which builds on this module

    day = day if day is not None else local_day(now)
    return TodayResult(
        day,
        follow_ups_due(session, actor, now, day.end, limit=limit),
        about_to_recycle(session, actor, now, limit=limit),
        forgotten(session, actor, now, days=forgotten_days, limit=limit),
        birthdays(session, actor, day.date, limit=limit),
        unread_notifications(session, actor, limit=limit),
        *reminders(session, actor, day.date, limit=limit),
    )


def with_recycle_dates(session: Session, rows: Sequence[R], now: datetime) -> list[R]:
    """A page of the customer list with each row's days until its pool takes it back (when
    inside the warning window): a few queries for the page, none per row."""
    dates = recycle_dates(session, [r.id for r in rows if r.owner_id is not None], now)
    if not dates:
        return list(rows)
    return [replace(r, recycle_in=dates[r.id].days_left) if r.id in dates else r for r in rows]
