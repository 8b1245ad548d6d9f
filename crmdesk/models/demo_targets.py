"""Demo targets: the current local year's targets for every metric, written so the target
dashboard has something to say. Each seller (an active rep or manager: the demo's customer
owners) gets a year target and twelve month targets, each team the sum of its sellers' (one team
a little more, so the dashboard shows an unallocated remainder), the company the sum of the
teams (plus any seller without a team).

A seller's year target comes from their own pace in the demo's rows (achieved so far this year
÷ the share of the year gone by; early in the year, the last twelve months' achievement): a
third of the sellers, chosen from the rng, get pace × 0.8 (clearly ahead), a third pace × 1.0
(on track), a third pace × 1.4 (clearly behind). A seller with nothing yet, or below a fifth of
the sellers' median pace, is set against the median (or that fifth) and shows behind. Achieved
is as the spec of issue 12 has it: won deals (amount, count) by owner and closed_at; payments
not voided, of contracts not deleted, by owner and received_on; customers not deleted by
created_by_id and created_at; follow-ups of customers not deleted by author_id and happened_at.

Months follow a seasonal curve (a slow Spring Festival February, a strong December) and add up
exactly to the year; money is in whole yuan, counts whole. Every cell is stored as set
(version 1, updated_by_id NULL: the program wrote it). A run replaces the year's demo cells,
unless a person has set any target of that year: then it leaves the year alone.
"""

from __future__ import annotations

import random
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from crmdesk.models.checks import clean_time
from crmdesk.models.periods import Period, elapsed_fraction, local_midnight_utc
from crmdesk.models.schema import Customer, FollowUp, User
from crmdesk.models.schema_contracts import Contract, Payment
from crmdesk.models.schema_deals import Deal
from crmdesk.models.schema_targets import MONEY_METRICS, TARGET_METRICS, Target
from crmdesk.models.sums import cents

SELLER_ROLES = ("rep", "manager")  # the demo's customer owners
AHEAD, ON_TRACK, BEHIND = 0.8, 1.0, 1.4  # year target = pace × this
JITTER = 0.03  # ± on a seller's factor, per metric, so no two sellers read the same
# Month weights (sum 100): February has the Spring Festival, quarter ends and December close.
SEASON = (8, 5, 8, 8, 8, 9, 7, 7, 9, 8, 9, 14)
EARLY = 0.1  # of the year gone by: before it, this year's figures say too little of a pace
FLOOR = 0.2  # of the sellers' median pace: the least a seller is measured against
MARGIN = 0.05  # the one team's target beyond its sellers' sum (the unallocated remainder)
# A metric nobody achieved anything in yet (per seller, a year; money in yuan).
FALLBACK = {"won_amount": 300_000, "won_count": 6, "payments": 250_000, "new_customers": 24,
            "follow_ups": 120}  # fmt: skip


@dataclass(frozen=True)
class DemoTargets:
    year: int
    cells: int  # rows written (0: the year has targets a person set, left alone)
    sellers: int
    ahead: tuple[int, ...]  # the sellers given pace × AHEAD
    behind: tuple[int, ...]  # the sellers given pace × BEHIND


def _units(metric: str, rows) -> dict[int, int]:
    """{user id: achieved} in whole yuan for money (cents rounded), a count otherwise."""
    out = {}
    for uid, total in rows:
        if uid is not None:
            value = int(total or 0)
            out[uid] = round(value / 100) if metric in MONEY_METRICS else value
    return out


def achieved(
    session: Session, metric: str, start: datetime, end: datetime, tz: tzinfo | None
) -> dict[int, int]:
    """What each user achieved in [start, end) (naive UTC; payments by the local day)."""
    if metric in ("won_amount", "won_count"):
        value = func.sum(cents(Deal.amount)) if metric == "won_amount" else func.count()
        query = (
            select(Deal.owner_id, value)
            .where(Deal.status == "won", Deal.deleted_at.is_(None))
            .where(Deal.closed_at >= start, Deal.closed_at < end)
            .group_by(Deal.owner_id)
        )
    elif metric == "payments":
        first, last = _local_day(start, tz), _local_day(end, tz)
        query = (
            select(Payment.owner_id, func.sum(cents(Payment.amount)))
            .join(Contract, Contract.id == Payment.contract_id)
            .where(Payment.voided_at.is_(None), Contract.deleted_at.is_(None))
            .where(Payment.received_on >= first, Payment.received_on < last)
            .group_by(Payment.owner_id)
        )
    elif metric == "new_customers":
        query = (
            select(Customer.created_by_id, func.count())
            .where(Customer.deleted_at.is_(None))
            .where(Customer.created_at >= start, Customer.created_at < end)
            .group_by(Customer.created_by_id)
        )
    else:  # follow_ups
        query = (
            select(FollowUp.author_id, func.count())
            .join(Customer, Customer.id == FollowUp.customer_id)
            .where(Customer.deleted_at.is_(None))
            .where(FollowUp.happened_at >= start, FollowUp.happened_at < end)
            .group_by(FollowUp.author_id)
        )
    return _units(metric, session.execute(query))


def _local_day(at: datetime, tz: tzinfo | None) -> date:
    aware = at.replace(tzinfo=UTC)
    return (aware.astimezone() if tz is None else aware.astimezone(tz)).date()


def split(total: int, weights: Sequence[int]) -> list[int]:
    """`total` in whole units by the weights, adding up exactly: the largest remainders (the
    earlier month on a tie) take the units the rounding down left over."""
    whole = sum(weights)
    parts = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _nice(metric: str, value: float) -> int:
    """A figure a manager would set: money to the thousand (hundred when small), counts whole;
    never below one unit."""
    if metric in MONEY_METRICS:
        step = 1000 if value >= 100_000 else 100 if value >= 1000 else 1
        return max(step, round(value / step) * step)
    return max(1, round(value))


def _plan(
    metric: str, paces: dict[int, float], factors: dict[int, float], rng: random.Random
) -> dict[int, int]:
    known = [p for p in paces.values() if p > 0]
    # A seller with nothing yet is measured against the others' median, one far below it
    # against a share of it (no manager sets a rep 5,000 yuan for a year): they show behind.
    # The median: a few big deals make the mean of a small demo a poor "usual".
    usual = statistics.median(known) if known else FALLBACK[metric]
    out = {}
    for uid, factor in factors.items():
        pace = paces.get(uid, 0)
        pace = usual if pace <= 0 else max(pace, usual * FLOOR)
        out[uid] = _nice(metric, pace * (factor + rng.uniform(-JITTER, JITTER)))
    return out


def _row(metric: str, scope: str, scope_id: int, year: int, month: int, units: int, now):
    return {"metric": metric, "scope": scope, "scope_id": scope_id, "year": year, "quarter": 0,
            "month": month, "value": Decimal(units).quantize(Decimal("0.01")), "updated_at": now,
            "updated_by_id": None, "version": 1}  # fmt: skip


def add_demo_targets(
    session: Session,
    now: datetime,
    rng: random.Random | None = None,
    *,
    tz: tzinfo | None = None,
) -> DemoTargets:
    """The local year of `now` (naive UTC; tz None: the system's zone): year and month targets
    of every seller and team for every metric, and the company's year, in the caller's unit of
    work. Run it after the demo's deals and contracts: their rows set the paces."""
    rng = rng or random.Random(1)
    now = clean_time(now)
    today = _local_day(now, tz)
    year = Period(today.year)
    person_set = session.scalar(
        select(func.count())
        .select_from(Target)
        .where(Target.year == year.year, Target.updated_by_id.is_not(None))
    )
    sellers = session.execute(
        select(User.id, User.team_id)
        .where(User.active.is_(True), User.role.in_(SELLER_ROLES))
        .order_by(User.id)
    ).all()
    if person_set or not sellers:
        return DemoTargets(year.year, 0, len(sellers), (), ())
    session.execute(delete(Target.__table__).where(Target.year == year.year))

    ids = [uid for uid, _ in sellers]
    order = ids[:]
    rng.shuffle(order)
    base = {uid: (AHEAD, ON_TRACK, BEHIND)[k % 3] for k, uid in enumerate(order)}
    elapsed = elapsed_fraction(year, today)
    start = local_midnight_utc(year.first_day, tz)
    if elapsed >= EARLY:
        span, ran = (start, local_midnight_utc(year.end_day, tz)), elapsed
    else:  # the last twelve months' achievement is the pace
        span, ran = (now - timedelta(days=365), now), 1.0

    teams: dict[int, list[int]] = defaultdict(list)
    for uid, team in sellers:
        if team is not None:
            teams[team].append(uid)
    margin_team = rng.choice(sorted(teams)) if teams else None
    rows = []
    for metric in TARGET_METRICS:
        got = achieved(session, metric, *span, tz)
        paces = {uid: got.get(uid, 0) / ran for uid in ids}
        years = _plan(metric, paces, base, rng)
        months = {uid: split(v, SEASON) for uid, v in years.items()}
        for uid in ids:
            rows.append(_row(metric, "rep", uid, year.year, 0, years[uid], now))
            rows += [_row(metric, "rep", uid, year.year, m + 1, v, now)
                     for m, v in enumerate(months[uid])]  # fmt: skip
        company = sum(years[uid] for uid, team in sellers if team is None)
        for team, members in sorted(teams.items()):
            total = sum(years[uid] for uid in members)
            extra = _nice(metric, total * MARGIN) if team == margin_team else 0
            by_month = [sum(months[uid][m] for uid in members) for m in range(12)]
            by_month = [a + b for a, b in zip(by_month, split(extra, SEASON), strict=True)]
            rows.append(_row(metric, "team", team, year.year, 0, total + extra, now))
            rows += [_row(metric, "team", team, year.year, m + 1, v, now)
                     for m, v in enumerate(by_month)]  # fmt: skip
            company += total + extra
        rows.append(_row(metric, "company", 0, year.year, 0, company, now))
    session.execute(insert(Target.__table__), rows)
    ahead = tuple(uid for uid in ids if base[uid] == AHEAD)
    behind = tuple(uid for uid in ids if base[uid] == BEHIND)
    return DemoTargets(year.year, len(rows), len(ids), ahead, behind)
