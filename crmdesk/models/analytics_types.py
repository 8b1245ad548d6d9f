"""The plain results of the reports' figures (analytics.py, analytics_breakdown.py,
analytics_activity.py, analytics_drill.py), the names of their measures and groupings, and the
checks of their inputs. No SQL here: the views and the report workbook import this freely."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from crmdesk.models.checks import Checker
from crmdesk.models.periods import MAX_YEAR, MIN_YEAR, Period

SCOPES = ("all", "team", "mine")
# Money measures sum deals.amount (as integer cents); the others count rows.
MEASURES = ("won_amount", "won_count", "lost_amount", "lost_count", "new_customers",
            "follow_ups", "pool_in", "pool_out")  # fmt: skip
MONEY_MEASURES = ("won_amount", "lost_amount")
DEAL_MEASURES = ("won_amount", "won_count", "lost_amount", "lost_count")
BYS = ("none", "rep", "team", "source", "product", "industry", "lost_reason", "follow_up_kind")
# What each measure may be broken down by.
BY_FOR = {
    **{m: ("none", "rep", "team", "source", "product", "industry") for m in DEAL_MEASURES},
    "lost_amount": ("none", "rep", "team", "source", "product", "industry", "lost_reason"),
    "lost_count": ("none", "rep", "team", "source", "product", "industry", "lost_reason"),
    "new_customers": ("none", "rep", "team", "source", "industry"),
    "follow_ups": ("none", "rep", "team", "source", "industry", "follow_up_kind"),
    "pool_in": ("none", "rep", "team", "source", "industry"),
    "pool_out": ("none", "rep", "team", "source", "industry"),
}
MAX_MONTHS = 36
MAX_SERIES = 12  # series shown; the rest summed into one folded series (OTHER)
MAX_BUCKETS = 366  # activity's days (or weeks, months) in one report
GRANULARITIES = ("day", "week", "month")
MAX_DRILL = 10_000  # rows one drill page may ask for
# Codes the views translate: an empty key ("none": no source, no team, no product…), the
# series of everything past MAX_SERIES ("_rest", its key too), the single series of by "none"
# ("all"). "_rest", not "other": "other" is a built-in lost reason (a series of its own), and
# no reason code, follow-up kind or built-in word starts with "_".
NONE, OTHER, ALL = "none", "_rest", "all"


@dataclass(frozen=True)
class FunnelStage:
    stage_id: int
    name: str
    code: str  # built-in stages: the views translate by it
    position: int
    deals: int  # reached it: won deals + deals whose reached stage is at or past it
    amount: Decimal
    conversion: Decimal | None  # % of the previous stage's deals (0.1); None for the first
    avg_days: Decimal | None  # mean time in the stage of the moves leaving it (0.1 days)


@dataclass(frozen=True)
class FunnelResult:
    pipeline_id: int
    first_day: date
    end_day: date  # exclusive
    created: int  # the cohort: deals created in [first_day, end_day), in scope
    created_amount: Decimal
    stages: tuple[FunnelStage, ...]  # the open stages in position order
    won: int
    won_amount: Decimal
    lost: int
    lost_amount: Decimal
    win_rate: Decimal | None  # won ÷ (won + lost), % (0.1); None when none closed
    cycle_days: Decimal | None  # mean days created → closed_at of the won deals (0.1)
    won_stage: tuple[int, str, str] | None  # (id, name, code) of the pipeline's won stage
    lost_stage: tuple[int, str, str] | None


@dataclass(frozen=True)
class Series:
    key: int | str | None  # a user, team or product id; a text; None: the "none" series
    label: str  # the name to show ("" where code says it)
    code: str  # "" for a plain label; NONE, OTHER, ALL, or a built-in lost reason's code
    values: tuple[Decimal, ...]  # one a month (money to the cent; counts whole)
    total: Decimal


@dataclass(frozen=True)
class Breakdown:
    measure: str
    by: str
    months: tuple[Period, ...]
    series: tuple[Series, ...]  # by total, largest first; at most MAX_SERIES + OTHER
    totals: tuple[Decimal, ...]  # per month, the sum of the series
    total: Decimal


@dataclass(frozen=True)
class ActivityRow:
    user_id: int
    name: str
    team_id: int | None
    team_name: str
    follow_ups: tuple[int, ...]  # a bucket each
    by_kind: tuple[int, ...]  # a FOLLOW_UP_KINDS each, over the whole range
    new_customers: int
    deals_created: int
    deals_won: int
    won_amount: Decimal


@dataclass(frozen=True)
class ActivityResult:
    granularity: str
    buckets: tuple[tuple[date, date], ...]  # [first, end) local days of each bucket
    kinds: tuple[str, ...]  # FOLLOW_UP_KINDS, by_kind's order
    rows: tuple[ActivityRow, ...]  # by name


@dataclass(frozen=True)
class DrillDealRow:
    id: int
    title: str
    customer_id: int
    customer_name: str
    owner_name: str
    stage_name: str
    stage_code: str
    status: str
    amount: Decimal
    created_at: datetime
    closed_at: datetime | None
    hidden: bool = False  # counted, but the reader may not see it: title and customer blanked


@dataclass(frozen=True)
class DrillCustomerRow:
    id: int
    name: str
    owner_name: str
    industry: str
    source: str
    status: str
    created_at: datetime
    at: datetime  # the moment counted: created, the follow-up, the pool event
    hidden: bool = False  # counted, but the reader may not see the customer: name blanked


@dataclass(frozen=True)
class DrillResult:
    count: int  # every row behind the figure (rows is one page of them)
    rows: tuple  # DrillDealRow or DrillCustomerRow


def check_scope(c: Checker, scope: object, owner_id: object) -> None:
    if scope not in SCOPES:
        c.fail("scope", "invalid")
    if owner_id is not None and (isinstance(owner_id, bool) or not isinstance(owner_id, int)
                                 or owner_id < 1):  # fmt: skip
        c.fail("owner_id", "invalid")


def check_days(c: Checker, first_day: object, end_day: object) -> None:
    first, end = c.day("first_day", first_day), c.day("end_day", end_day)
    for field, value in (("first_day", first_day), ("end_day", end_day)):
        if value is None:
            c.fail(field, "required")
    if (
        first is not None
        and end is not None
        and (not first < end or first.year < MIN_YEAR or end.year > MAX_YEAR)
    ):
        c.fail("end_day", "out_of_range")


def check_page(c: Checker, offset: object, limit: object) -> None:
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        c.fail("offset", "out_of_range")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_DRILL:
        c.fail("limit", "out_of_range", MAX_DRILL)
