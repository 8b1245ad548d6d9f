"""The reps' activity for the managers' daily, weekly and monthly statistics: per rep, the
follow-ups they wrote per day (week, month) and by kind, the customers they created, the deals
they own that were created, and won (count and amount), in a range of local days.

Credited as the breakdown credits (analytics_breakdown.py): follow-ups of live customers to
their author by happened_at, live customers to created_by_id by created_at, live deals to their
owner by created_at (created) and closed_at (won). Seen as there: a manager their team's reps,
a rep themself, an admin everyone. Buckets are cut at local midnights: every day, every
Monday, every first of a month, within [first_day, end_day)."""

from __future__ import annotations

from datetime import date, timedelta, tzinfo
from decimal import Decimal
from typing import Any

from sqlalchemy import case, false, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from crmdesk.models.analytics import cents, deal_scope, money, scope_conditions
from crmdesk.models.analytics_types import (
    GRANULARITIES,
    MAX_BUCKETS,
    ActivityResult,
    ActivityRow,
    check_days,
    check_scope,
)
from crmdesk.models.checks import Checker
from crmdesk.models.periods import local_midnight_utc
from crmdesk.models.schema import FOLLOW_UP_KINDS, Customer, FollowUp, Team, User
from crmdesk.models.schema_deals import Deal
from crmdesk.models.users import UserRow


def buckets_of(first_day: date, end_day: date, granularity: str) -> list[tuple[date, date]]:
    """[first, end) local days of each bucket: a day, a week from Monday, a calendar month
    (the first and last cut by the range)."""
    found, day = [], first_day
    while day < end_day:
        if granularity == "day":
            nxt = day + timedelta(days=1)
        elif granularity == "week":
            nxt = day + timedelta(days=7 - day.weekday())
        else:
            nxt = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
        found.append((day, min(nxt, end_day)))
        day = nxt
        if len(found) > MAX_BUCKETS:
            break
    return found


def _check(first_day: Any, end_day: Any, granularity: Any, scope: Any, owner_id: Any) -> None:
    c = Checker()
    check_days(c, first_day, end_day)
    check_scope(c, scope, owner_id)
    if granularity not in GRANULARITIES:
        c.fail("granularity", "invalid")
    elif not c.errors and len(buckets_of(first_day, end_day, granularity)) > MAX_BUCKETS:
        c.fail("end_day", "out_of_range", MAX_BUCKETS)
    c.done()


def activity(
    session: Session,
    actor: UserRow,
    first_day: date,
    end_day: date,
    granularity: str = "day",
    tz: tzinfo | None = None,
    scope: str = "all",
    owner_id: int | None = None,
) -> ActivityResult:
    """Per rep (every active rep and manager the actor may see, and anyone else with a figure),
    by name: see the module's text."""
    _check(first_day, end_day, granularity, scope, owner_id)
    buckets = buckets_of(first_day, end_day, granularity)
    edges = [local_midnight_utc(b[0], tz) for b in buckets] + [local_midnight_utc(end_day, tz)]
    start, end = edges[0], edges[-1]
    author = aliased(User)
    people = scope_conditions(actor, scope, owner_id, FollowUp.author_id, author.team_id)
    live_follow_ups = (
        select().select_from(FollowUp)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .outerjoin(author, author.id == FollowUp.author_id)
        .where(Customer.deleted_at.is_(None), FollowUp.happened_at >= start,
               FollowUp.happened_at < end, *people)
    )  # fmt: skip
    n = len(buckets)
    if n == 1:  # a CASE needs a WHEN
        per_bucket = live_follow_ups.add_columns(
            FollowUp.author_id, literal_column("0"), func.count()
        ).group_by(FollowUp.author_id)
    else:
        bucket = case(*[(FollowUp.happened_at < edges[i + 1], i) for i in range(n - 1)],
                      else_=n - 1).label("bucket")  # fmt: skip
        per_bucket = live_follow_ups.add_columns(FollowUp.author_id, bucket, func.count())
        per_bucket = per_bucket.group_by(FollowUp.author_id, literal_column("bucket"))
    per_kind = live_follow_ups.add_columns(FollowUp.author_id, FollowUp.kind, func.count())
    per_kind = per_kind.group_by(FollowUp.author_id, FollowUp.kind)
    creator = aliased(User)
    new_customers = (
        select(Customer.created_by_id, func.count())
        .outerjoin(creator, creator.id == Customer.created_by_id)
        .where(Customer.deleted_at.is_(None), Customer.created_at >= start,
               Customer.created_at < end,
               *scope_conditions(actor, scope, owner_id, Customer.created_by_id, creator.team_id))
        .group_by(Customer.created_by_id)
    )  # fmt: skip
    deals = deal_scope(actor, scope, owner_id)
    created = (
        select(Deal.owner_id, func.count())
        .where(*deals, Deal.created_at >= start, Deal.created_at < end)
        .group_by(Deal.owner_id)
    )  # fmt: skip
    won = (
        select(Deal.owner_id, func.count(), func.sum(cents(Deal.amount)))
        .where(*deals, Deal.status == "won", Deal.closed_at >= start, Deal.closed_at < end)
        .group_by(Deal.owner_id)
    )  # fmt: skip
    figures: dict[int, dict[str, Any]] = {}

    def of(user_id: int) -> dict[str, Any]:
        return figures.setdefault(user_id, {"fu": [0] * n, "kinds": {}, "customers": 0,
                                            "created": 0, "won": 0, "cents": 0})  # fmt: skip

    for user_id, i, count in session.execute(per_bucket):
        if user_id is not None:
            of(user_id)["fu"][int(i)] += count
    for user_id, kind, count in session.execute(per_kind):
        if user_id is not None:
            kinds = of(user_id)["kinds"]
            kinds[kind] = kinds.get(kind, 0) + count
    for user_id, count in session.execute(new_customers):
        if user_id is not None:
            of(user_id)["customers"] += count
    for user_id, count in session.execute(created):
        of(user_id)["created"] += count
    for user_id, count, amount in session.execute(won):
        of(user_id)["won"] += count
        of(user_id)["cents"] += int(amount or 0)
    visible = scope_conditions(actor, scope, owner_id, User.id, User.team_id)
    users = session.execute(
        select(User.id, User.name, User.team_id, func.coalesce(Team.name, ""))
        .outerjoin(Team, Team.id == User.team_id)
        .where(or_(User.id.in_(list(figures)) if figures else false(),
                   (User.active.is_(True)) & User.role.in_(("rep", "manager")) & visible[0]),
               *visible[1:])
        .order_by(User.name_sort, User.name, User.id)  # people in pinyin order
    ).all()  # fmt: skip
    rows = []
    for user_id, name, team_id, team_name in users:
        f = of(user_id)
        rows.append(ActivityRow(
            user_id, name, team_id, team_name, tuple(f["fu"]),
            tuple(f["kinds"].get(k, 0) for k in FOLLOW_UP_KINDS), f["customers"], f["created"],
            f["won"], money(f["cents"]) if f["cents"] else Decimal("0.00"),
        ))  # fmt: skip
    return ActivityResult(granularity, tuple(buckets), FOLLOW_UP_KINDS, tuple(rows))
