"""The monthly breakdown of the reports: a measure per local calendar month, stacked by rep,
team, source, product, industry, lost reason or follow-up kind.

What each measure counts, and who it is credited to (the rep; the team is that rep's: a deal's
own team_id, kept as its owner's by policy.sync_teams, else the user's current team):
- won_amount / won_count, lost_amount / lost_count: live deals won (lost) with closed_at in the
  month, credited to deals.owner_id; the actor sees what policy.deal_see_condition lets them.
- new_customers: live customers by created_at, credited to created_by_id.
- follow_ups: follow-ups of live customers by happened_at, credited to author_id.
- pool_in: ownership events that put a customer into a pool (released, recycled, or created
  into a pool by an import), credited to the owner it left (from_owner_id); pool_out: events
  that took one out (claimed, assigned), credited to who got it (to_owner_id); live customers.
For the non-deal measures the actor sees the rows credited to users they may see (a manager
their team's, a rep their own: policy.see_condition's rule on the credited user).

By product, a deal's amount is split over its lines in proportion to their totals (quantity ×
price × (100 − discount)); a deal without lines (or whose lines total nothing) counts under no
product ("none") or evenly over its lines; counts count a deal once under each of its products.
Months are buckets of a CASE over the months' UTC bounds, grouped by its label (as
receivables.payments_by_month). Series are sorted by total, largest first; past MAX_SERIES the
rest is one folded series (code and key OTHER, "_rest"). Empty keys (no source, no team…) are
the "none" series.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Numeric,
    Select,
    and_,
    case,
    cast,
    distinct,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session, aliased

from crmdesk.models.analytics import cents, deal_scope, money, scope_conditions
from crmdesk.models.analytics_types import (
    ALL,
    BY_FOR,
    MAX_MONTHS,
    MAX_SERIES,
    MEASURES,
    MONEY_MEASURES,
    NONE,
    OTHER,
    Breakdown,
    Series,
    check_scope,
)
from crmdesk.models.checks import Checker
from crmdesk.models.periods import Period, local_midnight_utc
from crmdesk.models.schema import Customer, FollowUp, OwnershipEvent, Team, User
from crmdesk.models.schema_deals import Deal, DealLine, LostReason, Product
from crmdesk.models.users import UserRow

POOL_IN = ("released", "recycled")
POOL_OUT = ("claimed", "assigned")
WIDE = Numeric(38, 6)  # a line's weight: quantity × price × (100 − discount), exactly
TEXT_BYS = ("source", "industry", "lost_reason", "follow_up_kind")


@dataclass(frozen=True)
class Source:
    """The rows a measure counts, as FROM + JOINs + WHERE, with what the breakdown reads of
    each: the moment (at), the key of the series, the value (cents; None: rows are counted)."""

    first: Any
    joins: tuple[tuple[Any, Any], ...]  # (target, on) outer joins
    where: tuple[ColumnElement[bool], ...]
    at: Any
    key: Any  # None for by "none"
    value: Any
    row_id: Any  # one counted row: a deal, a customer, a follow-up, an event
    distinct: bool  # a deal may be several rows (its lines): count it once per key
    deals: bool  # rows are deals (the drill lists deals), else customers

    def select(self, *columns: Any) -> Select:
        stmt = select(*columns).select_from(self.first)
        for target, on in self.joins:
            stmt = stmt.outerjoin(target, on)
        return stmt.where(*self.where)

    def figure(self, money_measure: bool) -> ColumnElement:
        if money_measure:
            return func.sum(self.value)
        return func.count(distinct(self.row_id)) if self.distinct else func.count()


def _deal_source(measure: str, by: str, actor, scope, owner_id, start, end) -> Source:
    where = [Deal.status == ("won" if measure.startswith("won") else "lost"),
             Deal.closed_at >= start, Deal.closed_at < end,
             *deal_scope(actor, scope, owner_id)]  # fmt: skip
    joins: list = []
    value: Any = cents(Deal.amount)
    keys = {"none": None, "rep": Deal.owner_id, "team": Deal.team_id, "source": Deal.source,
            "lost_reason": Deal.lost_code, "industry": Customer.industry}  # fmt: skip
    if by == "industry":
        joins.append((Customer, Customer.id == Deal.customer_id))
    if by == "product":
        # Typed wide: left to itself SQLAlchemy casts the sums to the discount's Numeric(5, 2)
        weight = cast(DealLine.quantity * DealLine.unit_price * (100 - DealLine.discount), WIDE)
        totals = (
            select(DealLine.deal_id.label("deal_id"), func.sum(weight).label("w"),
                   func.count().label("n"))
            .join(Deal, Deal.id == DealLine.deal_id)
            .where(*where)
            .group_by(DealLine.deal_id)
            .subquery()
        )  # fmt: skip
        joins += [(DealLine, DealLine.deal_id == Deal.id), (totals, totals.c.deal_id == Deal.id)]
        # The deal's cents over its lines by weight, as exact decimals (integers would divide
        # with truncation on PostgreSQL and SQLite).
        whole = cast(cents(Deal.amount), WIDE)
        value = case((totals.c.w > 0, whole * weight / totals.c.w),
                     (totals.c.n > 0, whole / cast(totals.c.n, WIDE)), else_=whole)  # fmt: skip
        keys["product"] = DealLine.product_id
    return Source(Deal, tuple(joins), tuple(where), Deal.closed_at, keys[by], value, Deal.id,
                  by == "product", True)  # fmt: skip


def _people_source(measure: str, by: str, actor, scope, owner_id, start, end) -> Source:
    credited = aliased(User)
    if measure == "new_customers":
        first, at, user, row_id = Customer, Customer.created_at, Customer.created_by_id, Customer.id
        joins: list = []
        extra: list = []
    elif measure == "follow_ups":
        first, at, user, row_id = FollowUp, FollowUp.happened_at, FollowUp.author_id, FollowUp.id
        joins = [(Customer, Customer.id == FollowUp.customer_id)]
        extra = [Customer.id.is_not(None)]  # an inner join, written as the outer one's filter
    else:
        first, at, row_id = OwnershipEvent, OwnershipEvent.at, OwnershipEvent.id
        joins = [(Customer, Customer.id == OwnershipEvent.customer_id)]
        if measure == "pool_in":
            user = OwnershipEvent.from_owner_id
            kinds = or_(OwnershipEvent.kind.in_(POOL_IN),
                        and_(OwnershipEvent.kind == "created", OwnershipEvent.to_owner_id.is_(None),
                             OwnershipEvent.pool_id.is_not(None)))  # fmt: skip
        else:
            user, kinds = OwnershipEvent.to_owner_id, OwnershipEvent.kind.in_(POOL_OUT)
        extra = [Customer.id.is_not(None), kinds]
    joins.append((credited, credited.id == user))
    where = [*extra, Customer.deleted_at.is_(None), at >= start, at < end,
             *scope_conditions(actor, scope, owner_id, user, credited.team_id)]  # fmt: skip
    keys = {"none": None, "rep": user, "team": credited.team_id, "source": Customer.source,
            "industry": Customer.industry, "follow_up_kind": FollowUp.kind}  # fmt: skip
    return Source(first, tuple(joins), tuple(where), at, keys[by], None, row_id, False, False)


def source(measure: str, by: str, actor: UserRow, scope: str, owner_id: int | None,
           start: datetime, end: datetime) -> Source:  # fmt: skip
    """The rows of a measure in [start, end) (naive UTC), broken down by `by`."""
    if measure in ("won_amount", "won_count", "lost_amount", "lost_count"):
        return _deal_source(measure, by, actor, scope, owner_id, start, end)
    return _people_source(measure, by, actor, scope, owner_id, start, end)


def month_bounds(first_month: Period, months: int, tz: tzinfo | None) -> list[datetime]:
    """The UTC instants starting each month, and the end of the last (months + 1 of them)."""
    year, month = first_month.year, first_month.month
    found = []
    for _ in range(months + 1):
        found.append(local_midnight_utc(Period(year, 0, month).first_day, tz))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def month_periods(first_month: Period, months: int) -> tuple[Period, ...]:
    found, year, month = [], first_month.year, first_month.month
    for _ in range(months):
        found.append(Period(year, 0, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(found)


def check_breakdown(measure: Any, by: Any, first_month: Any, months: Any, scope: Any,
                    owner_id: Any) -> None:  # fmt: skip
    c = Checker()
    if measure not in MEASURES:
        c.fail("measure", "invalid")
    elif by not in BY_FOR[measure]:
        c.fail("by", "invalid")
    if not isinstance(first_month, Period) or not first_month.month:
        c.fail("first_month", "invalid")
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        c.fail("months", "out_of_range", MAX_MONTHS)
    elif isinstance(first_month, Period) and first_month.month:
        if first_month.year * 12 + first_month.month + months > 2200 * 12 + 1:
            c.fail("months", "out_of_range", MAX_MONTHS)
    check_scope(c, scope, owner_id)
    c.done()


def _labels(session: Session, by: str, keys: list[Any]) -> dict[Any, tuple[str, str]]:
    """(label, code) of each key that is not empty."""
    wanted = [k for k in keys if k not in (None, "")]
    if by in ("rep", "team", "product") and wanted:
        table = {"rep": User, "team": Team, "product": Product}[by]
        names = dict(
            session.execute(select(table.id, table.name).where(table.id.in_(wanted))).all()
        )
        return {k: (names.get(k, ""), "") for k in wanted}
    if by == "lost_reason" and wanted:
        labels = dict(session.execute(select(LostReason.code, LostReason.label)).all())
        # built-in reasons carry no label: their code, which the views translate
        return {k: (labels[k], "") if labels.get(k) else ("", k) for k in wanted}
    if by == "follow_up_kind":
        return {k: ("", k) for k in wanted}
    return {k: (str(k), "") for k in wanted}


def rank(series: list[Series]) -> list[Series]:
    return sorted(series, key=lambda s: (-s.total, s.code == NONE, s.label, s.code, str(s.key)))


def fold_other(series: list[Series], months: int) -> list[Series]:
    """The first MAX_SERIES series, and the rest summed as one folded series (OTHER)."""
    if len(series) <= MAX_SERIES:
        return series
    rest = series[MAX_SERIES:]
    values = tuple(sum((s.values[i] for s in rest), Decimal(0)) for i in range(months))
    return [*series[:MAX_SERIES], Series(OTHER, "", OTHER, values, sum(values, Decimal(0)))]


def breakdown(
    session: Session,
    actor: UserRow,
    measure: str,
    by: str,
    first_month: Period,
    months: int,
    scope: str = "all",
    owner_id: int | None = None,
    tz: tzinfo | None = None,
) -> Breakdown:
    """`measure` per month for `months` local months from first_month (a month Period), split
    by `by` (BY_FOR[measure]): see the module's text."""
    check_breakdown(measure, by, first_month, months, scope, owner_id)
    bounds = month_bounds(first_month, months, tz)
    src = source(measure, by, actor, scope, owner_id, bounds[0], bounds[-1])
    is_money = measure in MONEY_MEASURES
    # One statement a month (an index range grouped by the key), not one bucketing the range
    # by a CASE: at 1M deals the year's won amount by rep took 93 ms so, 262 ms as one.
    cells: dict[Any, list[Any]] = {}
    for i in range(months):
        # The month's own source: a second range on the same column (the whole span's) made
        # SQLite walk the span every month, not knowing which range was the narrower.
        month = source(measure, by, actor, scope, owner_id, bounds[i], bounds[i + 1])
        month_keys = [] if month.key is None else [month.key]
        stmt = month.select(*month_keys, month.figure(is_money))
        stmt = stmt.group_by(*month_keys) if month_keys else stmt
        for row in session.execute(stmt):
            key = None if src.key is None else row[0]
            key = None if key == "" else key
            cells.setdefault(key, [0] * months)[i] += row[-1] or 0
    labels = _labels(session, by, list(cells))
    series = []
    for key, raw in cells.items():
        values = tuple(money(v) if is_money else Decimal(int(v)) for v in raw)
        if by == "none":
            label, code = "", ALL
        else:
            label, code = labels.get(key, ("", NONE)) if key is not None else ("", NONE)
        series.append(Series(key, label, code, values, sum(values, Decimal(0))))
    shown = fold_other(rank(series), months)
    totals = tuple(sum((s.values[i] for s in shown), Decimal(0)) for i in range(months))
    return Breakdown(measure, by, month_periods(first_month, months), tuple(shown), totals,
                     sum(totals, Decimal(0)))  # fmt: skip


def key_condition(src: Source, by: str, key: Any, code: str,
                  shown: list[Series]) -> ColumnElement[bool]:  # fmt: skip
    """The rows of one series, by its code and key: code OTHER, every key past the shown ones
    (and the empty key when no "none" series is shown); else the key's own rows (a built-in
    lost reason "other" is one such key)."""
    if by == "none" or src.key is None:
        return true()
    empty = [src.key.is_(None)] + ([src.key == ""] if by in TEXT_BYS else [])
    if code == OTHER:
        named = [s.key for s in shown if s.code != OTHER and s.key is not None]
        rest = src.key.is_not(None) if not named else src.key.not_in(named)
        if by in TEXT_BYS:
            rest = and_(rest, src.key != "")
        if not any(s.code == NONE for s in shown):
            return or_(rest, *empty)
        return rest
    if key is None:
        return or_(*empty)
    return src.key == key if key != "" else false()
