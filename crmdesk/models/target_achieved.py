"""What was achieved against a target, per rep and local calendar month, in one GROUP BY per
metric, and its roll-ups: rep → team (the rep's CURRENT team, users.team_id) → company (the sum
of every rep, those without a team included: they count for the company only).

Per metric (schema_targets.TARGET_METRICS), credited to a user:
- won_amount / won_count: deals won (status "won"), not deleted, closed_at in the period, by
  deals.owner_id; the amount summed as whole cents;
- payments: payments not voided, on contracts not deleted, received_on (a date) in the period,
  by payments.owner_id (the contract's owner when the money came);
- new_customers: customers not deleted, created_at in the period, by created_by_id;
- follow_ups: follow-ups whose customer is not deleted, happened_at in the period, by author_id.

A month is a local calendar month: its bounds are the local midnights of its first days as
naive UTC (periods.local_midnight_utc, tz None = the system's zone), so a deal won at
2026-03-31 17:00 UTC counts for April in Asia/Shanghai. The month a row falls in is a CASE over
those bound instants, grouped by its output name (a CASE with bound parameters repeated in
GROUP BY is a different expression to PostgreSQL: receivables.payments_by_month does the same).

achieved_rows lists the rows behind one month of a scope's figure (the dashboard's drill-down)
from the very same sources, bounds and owners, so its count is the bar clicked (won_count, new
customers, follow-ups) and its deals' amounts add up to it (won_amount). The figure counts rows
the viewer may not open (a manager's company bar counts every team's deals): they are listed
too, so the count still matches, but hidden (policy.deal_see_condition for deals,
policy.see_condition for customers): their names, title, industry and source blanked, hidden
True; the owner, stage, status, amount and times stay (the figure shows as much).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session, aliased

from crmdesk.models.analytics_types import (
    DrillCustomerRow,
    DrillDealRow,
    DrillResult,
    check_page,
)
from crmdesk.models.checks import Checker
from crmdesk.models.errors import PermissionDenied, ValidationFailed
from crmdesk.models.periods import MAX_YEAR, MIN_YEAR, Period, local_midnight_utc
from crmdesk.models.policy import deal_see_condition, see_condition
from crmdesk.models.schema import Customer, FollowUp, User
from crmdesk.models.schema_contracts import Contract, Payment
from crmdesk.models.schema_deals import Deal, Stage
from crmdesk.models.schema_targets import MONEY_METRICS, TARGET_METRICS, TARGET_SCOPES
from crmdesk.models.sums import cents
from crmdesk.models.users import UserRow

CENT = Decimal("0.01")
MAX_MONTHS = 120  # ten years in one statement's CASE

# (user_id, year, month) → the figure; money as Decimal to the cent, counts as whole Decimals.
RepMonths = dict[tuple[int, int, int], Decimal]
# (scope, scope_id, year, month) → the figure, for every rep, team and the company (id 0).
ScopeMonths = dict[tuple[str, int, int, int], Decimal]


def month_list(first_day: date, end_day: date) -> list[Period]:
    """The months from first_day (a month's first day) up to end_day (exclusive, likewise)."""
    ok = (
        isinstance(first_day, date)
        and isinstance(end_day, date)
        and not isinstance(first_day, datetime)
        and not isinstance(end_day, datetime)
        and first_day.day == 1
        and end_day.day == 1
        and first_day < end_day
        and MIN_YEAR <= first_day.year
        and end_day.year <= MAX_YEAR + 1
    )
    if not ok:
        raise ValidationFailed(errors=[("period", "out_of_range")], limits={})
    months = []
    y, m = first_day.year, first_day.month
    while (y, m) < (end_day.year, end_day.month):
        months.append(Period(y, 0, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(months) > MAX_MONTHS:
        raise ValidationFailed(errors=[("period", "too_long")], limits={"period": MAX_MONTHS})
    return months


def _source(metric: str) -> tuple[ColumnElement, ColumnElement, Any, list, list]:
    """(the time column, the user column, the figure summed, joins, conditions) of a metric."""
    if metric in ("won_amount", "won_count"):
        figure = func.sum(cents(Deal.amount)) if metric == "won_amount" else func.count()
        where = [Deal.status == "won", Deal.deleted_at.is_(None)]
        return Deal.closed_at, Deal.owner_id, figure, [], where
    if metric == "payments":
        joins = [(Contract, Contract.id == Payment.contract_id)]
        where = [Payment.voided_at.is_(None), Contract.deleted_at.is_(None)]
        return (
            Payment.received_on,
            Payment.owner_id,
            func.sum(cents(Payment.amount)),
            joins,
            where,
        )
    if metric == "new_customers":
        return Customer.created_at, Customer.created_by_id, func.count(), [],\
            [Customer.deleted_at.is_(None)]  # fmt: skip
    if metric == "follow_ups":
        joins = [(Customer, Customer.id == FollowUp.customer_id)]
        return FollowUp.happened_at, FollowUp.author_id, func.count(), joins,\
            [Customer.deleted_at.is_(None)]  # fmt: skip
    raise ValidationFailed(errors=[("metric", "unknown")], limits={})


def achieved_by_rep_month(
    session: Session,
    metric: str,
    first_day: date,
    end_day: date,
    tz: tzinfo | None,
    *where: ColumnElement[bool],
) -> RepMonths:
    """The metric's figure per user and local month over [first_day, end_day) (whole months).
    Months with nothing are absent. `where`: further conditions (tests)."""
    if metric not in TARGET_METRICS:
        raise ValidationFailed(errors=[("metric", "unknown")], limits={})
    months = month_list(first_day, end_day)
    column, user, figure, joins, conditions = _source(metric)
    starts = [m.first_day for m in months] + [months[-1].end_day]
    if metric != "payments":  # a date column compares with days; the others with instants
        starts = [local_midnight_utc(d, tz) for d in starts]
    # One statement a month, each a range of the index grouped by user: at 1M deals (150k won
    # in the year) the year took 93 ms so, 262 ms as one statement bucketing by a CASE.
    money = metric in MONEY_METRICS
    found: RepMonths = {}
    for i, m in enumerate(months):
        stmt = select(user, figure).group_by(user)
        for table, on in joins:
            stmt = stmt.join(table, on)
        stmt = stmt.where(
            *conditions, *where, column >= starts[i], column < starts[i + 1], user.is_not(None)
        )
        for uid, value in session.execute(stmt):
            amount = (
                (Decimal(int(value or 0)) / 100).quantize(CENT) if money else Decimal(int(value))
            )
            found[(int(uid), m.year, m.month)] = amount
    return found


def teams_of_users(session: Session) -> dict[int, int | None]:
    """Every user's current team (None: none)."""
    return {uid: team for uid, team in session.execute(select(User.id, User.team_id))}


def roll_up(achieved: RepMonths, team_of: dict[int, int | None]) -> ScopeMonths:
    """Per month: each rep's figure, each team's (its current members'), the company's (all)."""
    out: ScopeMonths = defaultdict(Decimal)
    for (uid, y, m), v in achieved.items():
        out[("rep", uid, y, m)] += v
        team = team_of.get(uid)
        if team is not None:
            out[("team", team, y, m)] += v
        out[("company", 0, y, m)] += v
    return dict(out)


def total(scopes: ScopeMonths, scope: str, scope_id: int, months: Iterable[Period]) -> Decimal:
    """A scope's figure over some months (0 where nothing was achieved)."""
    return sum(
        (scopes.get((scope, scope_id, m.year, m.month), Decimal(0)) for m in months), Decimal(0)
    )


def achieved_scopes(
    session: Session, metric: str, first_day: date, end_day: date, tz: tzinfo | None
) -> ScopeMonths:
    """achieved_by_rep_month rolled up to teams and the company."""
    return roll_up(
        achieved_by_rep_month(session, metric, first_day, end_day, tz), teams_of_users(session)
    )


# ---------------------------------------------------------------- the rows behind a month

DRILL_METRICS = ("won_amount", "won_count", "new_customers", "follow_ups")  # payments: none


def _owners(user: ColumnElement, scope: str, scope_id: int) -> ColumnElement[bool]:
    """The users whose rows a scope's figure sums (roll_up): a rep; a team's CURRENT members
    (whatever their role or state); the company: everyone."""
    if scope == "rep":
        return user == scope_id
    if scope == "team":
        return user.in_(select(User.id).where(User.team_id == scope_id))
    return user.is_not(None)


def _check_rows(metric: Any, scope: Any, scope_id: Any, month: Any, offset: Any,
                limit: Any) -> None:  # fmt: skip
    c = Checker()
    if metric not in DRILL_METRICS:
        c.fail("metric", "invalid")
    if scope not in TARGET_SCOPES:
        c.fail("scope", "unknown")
    if isinstance(scope_id, bool) or not isinstance(scope_id, int) or scope_id < 0:
        c.fail("scope_id", "unknown")
    if not isinstance(month, Period) or not month.month or not MIN_YEAR <= month.year <= MAX_YEAR:
        c.fail("month", "invalid")
    check_page(c, offset, limit)
    c.done()


def _visible_row(session: Session, actor: UserRow, scope: str, scope_id: int) -> None:
    """The scope must be a row of the target tree the actor sees (as progress asks)."""
    from crmdesk.models.target_tree import access, load_people  # target_tree → target_split

    person = next((p for p in load_people(session) if p.node == (scope, scope_id)), None)
    if person is None or access(actor, person) is None:
        raise PermissionDenied(what="target", scope=scope, id=scope_id)


def _hide(row: Any, **blanks: str) -> Any:
    return replace(row, hidden=True, **blanks)


def achieved_rows(
    session: Session,
    actor: UserRow,
    metric: str,
    scope: str,
    scope_id: int,
    month: Period,
    tz: tzinfo | None = None,
    offset: int = 0,
    limit: int = 500,
) -> DrillResult:
    """The rows behind a scope's achieved figure in one local month (a row of the target tree
    the actor sees, else PermissionDenied): won deals (DrillDealRow, latest closed first) for
    won_amount / won_count; a customer row per new customer or per follow-up (DrillCustomerRow,
    `at` the moment counted, latest first). payments has no rows (ValidationFailed)."""
    _check_rows(metric, scope, scope_id, month, offset, limit)
    _visible_row(session, actor, scope, scope_id)
    column, user, _figure, joins, conditions = _source(metric)
    start, end = (local_midnight_utc(d, tz) for d in (month.first_day, month.end_day))
    where = [*conditions, column >= start, column < end, _owners(user, scope, scope_id)]
    counted = select(func.count()).select_from(column.table)
    for table, on in joins:
        counted = counted.join(table, on)
    count = int(session.scalar(counted.where(*where)) or 0)
    owner = aliased(User)
    if metric in ("won_amount", "won_count"):
        hidden = case((deal_see_condition(actor), 0), else_=1)
        stmt = (
            select(Deal.id, Deal.title, Deal.customer_id, Customer.name,
                   func.coalesce(owner.name, ""), Stage.name, Stage.code, Deal.status,
                   Deal.amount, Deal.created_at, Deal.closed_at, hidden)
            .join(Customer, Customer.id == Deal.customer_id)
            .join(Stage, Stage.id == Deal.stage_id)
            .outerjoin(owner, owner.id == Deal.owner_id)
            .order_by(Deal.closed_at.desc(), Deal.id.desc())
        )  # fmt: skip
        rows = []
        for *values, secret in session.execute(stmt.where(*where).offset(offset).limit(limit)):
            row = DrillDealRow(*values)
            rows.append(_hide(row, title="", customer_name="") if secret else row)
        return DrillResult(count, tuple(rows))
    hidden = case((see_condition(actor), 0), else_=1)
    stmt = select(Customer.id, Customer.name, func.coalesce(owner.name, ""), Customer.industry,
                  Customer.source, Customer.status, Customer.created_at, column,
                  hidden)  # fmt: skip
    if metric == "follow_ups":
        stmt = stmt.select_from(FollowUp).join(Customer, Customer.id == FollowUp.customer_id)
        order = (FollowUp.happened_at.desc(), FollowUp.id.desc())
    else:
        order = (Customer.created_at.desc(), Customer.id.desc())
    stmt = stmt.outerjoin(owner, owner.id == Customer.owner_id).where(*where).order_by(*order)
    rows = []
    for *values, secret in session.execute(stmt.offset(offset).limit(limit)):
        row = DrillCustomerRow(*values)
        rows.append(_hide(row, name="", industry="", source="") if secret else row)
    return DrillResult(count, tuple(rows))
