"""The demo's targets (demo_targets.py) on SQLite, PostgreSQL and MariaDB: every seller, team and
the company has a target for every metric, months add up exactly to the year, teams to at least
their sellers and the company to its teams, the dashboard has reps clearly ahead and clearly
behind (their completion recomputed here from the rows, in plain Python), and a second run
neither duplicates a cell nor touches a year a person has set targets in."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from helpers import NOW
from sqlalchemy import func, select, update

from crmdesk.models.demo import generate_demo
from crmdesk.models.demo_targets import SEASON, add_demo_targets, split
from crmdesk.models.schema import Customer, FollowUp, User
from crmdesk.models.schema_contracts import Contract, Payment
from crmdesk.models.schema_deals import Deal
from crmdesk.models.schema_targets import TARGET_METRICS, Target

YEAR = NOW.year


def _utc(day: date) -> datetime:
    """A local midnight (the system's zone, as the demo uses) as stored: naive UTC."""
    return datetime(day.year, day.month, day.day).astimezone().astimezone(UTC).replace(tzinfo=None)


def cells(db, year: int = YEAR) -> dict[tuple, Decimal]:
    with db.reading() as s:
        rows = s.execute(
            select(
                Target.metric,
                Target.scope,
                Target.scope_id,
                Target.quarter,
                Target.month,
                Target.value,
            ).where(Target.year == year)  # fmt: skip
        ).all()
    found = {tuple(r[:5]): r.value for r in rows}
    assert len(found) == len(rows)
    return found


def sellers(db) -> dict[int, int | None]:
    with db.reading() as s:
        return dict(
            s.execute(
                select(User.id, User.team_id).where(
                    User.active.is_(True), User.role.in_(("rep", "manager"))
                )
            ).all()
        )


def achieved(db, metric: str) -> dict[int, Decimal]:
    """This year's achievement per user, filtered and summed here over the plain rows."""
    start, end = _utc(date(YEAR, 1, 1)), _utc(date(YEAR + 1, 1, 1))
    out: dict[int, Decimal] = defaultdict(Decimal)
    with db.reading() as s:
        if metric in ("won_amount", "won_count"):
            for owner, amount, status, closed, deleted in s.execute(
                select(Deal.owner_id, Deal.amount, Deal.status, Deal.closed_at, Deal.deleted_at)
            ):
                if status == "won" and deleted is None and start <= closed < end:
                    out[owner] += amount if metric == "won_amount" else 1
        elif metric == "payments":
            gone = {i for i, d in s.execute(select(Contract.id, Contract.deleted_at)) if d}
            for owner, amount, day, voided, contract in s.execute(
                select(
                    Payment.owner_id,
                    Payment.amount,
                    Payment.received_on,
                    Payment.voided_at,
                    Payment.contract_id,
                )  # fmt: skip
            ):
                if voided is None and contract not in gone and day.year == YEAR:
                    out[owner] += amount
        else:
            binned = {i for i, d in s.execute(select(Customer.id, Customer.deleted_at)) if d}
            if metric == "new_customers":
                rows = s.execute(select(Customer.created_by_id, Customer.created_at, Customer.id))
            else:
                rows = s.execute(
                    select(FollowUp.author_id, FollowUp.happened_at, FollowUp.customer_id)
                )
            for user, at, customer in rows:
                if customer not in binned and start <= at < end:
                    out[user] += 1
    return out


@pytest.fixture
def demo(db):
    generate_demo(db, customers=300, seed=2, now=NOW)
    return cells(db)


def test_every_seller_team_and_the_company_has_every_metric(db, demo):
    people = sellers(db)
    teams = {t for t in people.values() if t is not None}
    assert len(people) == 24 and len(teams) == 4  # the demo's 4 managers and 20 reps
    for metric in TARGET_METRICS:
        for scope, ids in (("rep", people), ("team", teams)):
            for i in ids:
                assert demo[(metric, scope, i, 0, 0)] > 0, (metric, scope, i)
                for month in range(1, 13):  # a few won deals a year leave some months at 0
                    assert demo[(metric, scope, i, 0, month)] >= 0, (metric, scope, i, month)
        assert demo[(metric, "company", 0, 0, 0)] > 0
    # Year and months of each seller and team, the company's year; no quarters (they roll up).
    assert len(demo) == len(TARGET_METRICS) * ((len(people) + len(teams)) * 13 + 1)
    assert not any(key[3] for key in demo)


def test_months_add_up_exactly_and_values_are_whole(db, demo):
    for (metric, scope, i, _, month), value in demo.items():
        unit = Decimal(1)  # money in whole yuan, counts whole
        assert value == value.quantize(unit), (metric, scope, i, month, value)
        if month == 0 and scope != "company":
            months = [demo[(metric, scope, i, 0, m)] for m in range(1, 13)]
            assert sum(months) == value, (metric, scope, i)
    # The season shows: December asks more of a rep than February.
    biggest = max((k for k in demo if k[1] == "rep" and k[4] == 0), key=demo.get)
    assert demo[(*biggest[:4], 12)] > demo[(*biggest[:4], 2)]


def test_teams_hold_their_sellers_and_the_company_its_teams(db, demo):
    people = sellers(db)
    teams = sorted({t for t in people.values() if t is not None})
    for metric in TARGET_METRICS:
        unallocated = 0
        for team in teams:
            reps = sum(demo[(metric, "rep", u, 0, 0)] for u, t in people.items() if t == team)
            value = demo[(metric, "team", team, 0, 0)]
            assert value >= reps
            unallocated += value > reps
            for month in range(1, 13):
                reps_month = sum(
                    demo[(metric, "rep", u, 0, month)] for u, t in people.items() if t == team
                )
                assert demo[(metric, "team", team, 0, month)] >= reps_month
        assert unallocated == 1, metric  # one team shows a remainder the dashboard names
        company = sum(demo[(metric, "team", t, 0, 0)] for t in teams)
        assert demo[(metric, "company", 0, 0, 0)] == company


def test_some_reps_are_clearly_ahead_and_some_clearly_behind(db, demo):
    today = NOW.replace(tzinfo=UTC).astimezone().date()  # the local day of the demo's now
    elapsed = ((today - date(YEAR, 1, 1)).days + 1) / (date(YEAR + 1, 1, 1) - date(YEAR, 1, 1)).days
    people = sellers(db)
    for metric in TARGET_METRICS:
        got = achieved(db, metric)
        completion = {u: got.get(u, 0) / demo[(metric, "rep", u, 0, 0)] for u in people}
        ahead = [u for u, c in completion.items() if c >= elapsed * 1.1]
        behind = [u for u, c in completion.items() if c <= elapsed * 0.9]
        assert ahead and behind, (metric, completion, elapsed)
        if metric == "follow_ups":  # plenty of rows: the thirds show as set (8 of 24 each)
            assert len(ahead) >= 6 and len(behind) >= 6, completion


def test_a_second_run_replaces_the_demo_cells_without_duplicates(db, demo):
    generate_demo(db, customers=300, seed=5, now=NOW)  # more customers, deals, payments
    again = cells(db)
    assert set(again) == set(demo)
    assert again != demo  # paced anew by the larger data
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Target)) == len(demo)


def test_a_year_a_person_has_set_targets_in_is_left_alone(db, demo):
    someone = next(iter(sellers(db)))
    with db.writing() as s:
        s.execute(
            update(Target)
            .where(Target.scope == "company", Target.metric == "payments")
            .values(value=Decimal("123.00"), updated_by_id=someone),
            execution_options={"synchronize_session": False},
        )
    with db.writing() as s:
        made = add_demo_targets(s, NOW, random.Random(9))
    assert made.cells == 0
    after = cells(db)
    assert after[("payments", "company", 0, 0, 0)] == Decimal("123.00")
    assert {k: v for k, v in after.items() if k[:2] != ("payments", "company")} == {
        k: v for k, v in demo.items() if k[:2] != ("payments", "company")
    }


def test_early_in_the_year_the_last_twelve_months_set_the_pace(db, demo):
    with db.writing() as s:
        made = add_demo_targets(s, datetime(YEAR + 1, 1, 6, 12), random.Random(4))
    early = cells(db, YEAR + 1)
    assert made.year == YEAR + 1 and made.cells == len(early) == len(demo)
    assert cells(db) == demo  # last year's cells stay
    for (metric, scope, i, _, month), value in early.items():
        if month == 0 and scope != "company":
            assert sum(early[(metric, scope, i, 0, m)] for m in range(1, 13)) == value
    # Paced on a whole year of rows, not on five days: the won amounts are of this year's size.
    this, next_ = (
        demo[("won_amount", "company", 0, 0, 0)],
        early[("won_amount", "company", 0, 0, 0)],
    )
    assert this / 3 < next_ < this * 3


def test_a_seller_without_a_team_counts_for_the_company_and_nothing_achieved_still_sets(db, people):
    with db.writing() as s:
        s.add(User(name="Lone Rep", login="lone", role="rep", active=True, created_at=NOW))
        s.add(User(name="Gone Rep", login="gone", role="rep", active=False, created_at=NOW))
    with db.writing() as s:
        made = add_demo_targets(s, NOW, random.Random(1))
    got = cells(db)
    rows = sellers(db)
    assert made.sellers == len(rows) == 6 and made.ahead and made.behind
    assert {k[2] for k in got if k[1] == "rep"} == set(rows)  # the inactive one has none
    teamless = [u for u, t in rows.items() if t is None]
    assert len(teamless) == 1
    for metric in TARGET_METRICS:
        teams = sum(v for k, v in got.items() if k[0] == metric and k[1] == "team" and not k[4])
        alone = sum(got[(metric, "rep", u, 0, 0)] for u in teamless)
        assert got[(metric, "company", 0, 0, 0)] == teams + alone


@pytest.mark.parametrize("total", [0, 1, 5, 11, 12, 13, 99, 1_234_567])
def test_split_adds_up_exactly_by_the_season(total):
    parts = split(total, SEASON)
    assert sum(parts) == total and len(parts) == 12 and min(parts) >= 0
    for part, weight in zip(parts, SEASON, strict=True):
        assert abs(part - total * weight / sum(SEASON)) < 1
