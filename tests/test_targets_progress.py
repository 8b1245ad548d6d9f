"""Achieved, progress, forecast and ranking (target_achieved, target_progress) on SQLite,
PostgreSQL and MariaDB: every metric per rep and local month checked against the same figures
computed again in plain Python over rows fetched with plain selects; month edges in a zone
that is not UTC; roll-ups to teams and the company; the forecast; the ranking's order."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest
from helpers import NOW
from sqlalchemy import insert, select

from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.errors import PermissionDenied, ValidationFailed
from crmdesk.models.periods import Period
from crmdesk.models.schema import Customer, FollowUp, User
from crmdesk.models.schema_contracts import Contract, Payment
from crmdesk.models.schema_deals import Deal, Stage
from crmdesk.models.schema_targets import TARGET_METRICS
from crmdesk.models.target_progress import (
    achieved_by_rep_month,
    dashboard,
    month_targets,
    progress,
    ranking,
)
from crmdesk.models.targets import TargetInput, save_targets
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
Y = 2026
YEAR = Period(Y)


def instant(rng) -> datetime:
    """A time from mid-December 2025 to mid-January 2027, often near a month's edge (UTC)."""
    if rng.random() < 0.3:
        m = rng.randrange(1, 13)
        edge = datetime(Y, m, 1) + timedelta(hours=rng.choice([-16, -8, -5, -1, 0, 4, 15]))
        return edge + timedelta(minutes=rng.randrange(0, 59))
    return datetime(2025, 12, 15) + timedelta(minutes=rng.randrange(0, 396 * 24 * 60))


def cents(rng) -> D:
    return D(rng.randrange(1, 5_000_000)) / 100


@pytest.fixture
def world(db, people, pipeline):
    """Random deals, payments, customers and follow-ups of every user (a rep without a team and
    an inactive one too)."""
    p = people
    rng = random.Random(20260331)
    with db.writing() as s:
        lone = User(name="Lone", login="rep_x", role="rep", active=True, created_at=NOW)
        gone = User(name="Gone", login="rep_gone", role="rep", team_id=p.rep_s1.team_id,
                    active=False, created_at=NOW)  # fmt: skip
        s.add_all([lone, gone])
        s.flush()
        p.rep_x, p.rep_gone = get_user(s, lone.id), get_user(s, gone.id)
    users = [p.admin, p.manager_n, p.rep_n1, p.rep_n2, p.manager_s, p.rep_s1, p.rep_x, p.rep_gone]
    stages = {st.kind: st for st in pipeline.stages}
    opens = list(pipeline.open_stages)
    with db.writing() as s:
        customers = [create_customer(s, p.admin, CustomerInput(name=f"客户{i}"), NOW,
                                     owner_id=p.rep_n1.id) for i in range(6)]  # fmt: skip
        deals = []
        for _ in range(160):
            owner = rng.choice(users)
            status = rng.choice(["won", "won", "lost", "open"])
            closed = instant(rng) if status != "open" else None
            stage = stages[status] if status != "open" else rng.choice(opens)
            deals.append(dict(
                customer_id=rng.choice(customers), title="d", amount=cents(rng),
                owner_id=owner.id, team_id=owner.team_id, pipeline_id=pipeline.id,
                stage_id=stage.id, status=status, created_at=NOW, updated_at=NOW,
                stage_entered_at=NOW, closed_at=closed,
                probability=rng.choice([None, 10, 55, 100]),
                expected_close=NOW.date() + timedelta(days=rng.randrange(-30, 60)),
                deleted_at=NOW if rng.random() < 0.1 else None))  # fmt: skip
        s.execute(insert(Deal), deals)
        contracts = []
        for k in range(12):
            contracts.append(s.execute(insert(Contract).values(
                number=f"HT-{k}", customer_id=customers[k % 6], owner_id=p.rep_n1.id,
                title="合同", amount=D(1), status="active", created_at=NOW, updated_at=NOW,
                deleted_at=NOW if k % 5 == 4 else None)).inserted_primary_key[0])  # fmt: skip
        payments = []
        for _ in range(120):
            owner = rng.choice(users + [None])
            payments.append(dict(
                contract_id=rng.choice(contracts), amount=cents(rng),
                received_on=instant(rng).date(), owner_id=owner.id if owner else None,
                team_id=owner.team_id if owner else None, recorded_at=NOW,
                voided_at=NOW if rng.random() < 0.15 else None))  # fmt: skip
        s.execute(insert(Payment), payments)
        new = []
        for i in range(80):
            new.append(dict(name=f"新客户{i}", created_by_id=rng.choice(users).id,
                            created_at=instant(rng), updated_at=NOW, owner_id=p.rep_n2.id,
                            deleted_at=NOW if rng.random() < 0.1 else None))  # fmt: skip
        s.execute(insert(Customer), new)
        binned = create_customer(s, p.admin, CustomerInput(name="回收站"), NOW,
                                 owner_id=p.rep_n1.id)  # fmt: skip
        s.execute(Customer.__table__.update().where(Customer.id == binned).values(deleted_at=NOW))
        follow = [dict(customer_id=rng.choice(customers + [binned]), author_id=rng.choice(users).id,
                       kind="call", happened_at=instant(rng), created_at=NOW)
                  for _ in range(150)]  # fmt: skip
        s.execute(insert(FollowUp), follow)
    return p


def local_month(t: datetime, tz) -> tuple[int, int]:
    local = t.replace(tzinfo=UTC).astimezone(tz)
    return local.year, local.month


def by_hand(db, metric: str, tz) -> dict[tuple[int, int, int], D]:
    """The metric per (user, year, month) of 2026, from plain selects, computed in Python."""
    out: dict = defaultdict(D)
    with db.reading() as s:
        if metric in ("won_amount", "won_count"):
            for owner, status, deleted, closed, amount in s.execute(
                select(Deal.owner_id, Deal.status, Deal.deleted_at, Deal.closed_at, Deal.amount)
            ):
                if status == "won" and deleted is None and closed is not None:
                    out[(owner, *local_month(closed, tz))] += (
                        D(amount) if metric == "won_amount" else D(1))  # fmt: skip
        elif metric == "payments":
            live = {c for c, d in s.execute(select(Contract.id, Contract.deleted_at)) if d is None}
            for owner, contract, voided, day, amount in s.execute(select(
                    Payment.owner_id, Payment.contract_id, Payment.voided_at, Payment.received_on,
                    Payment.amount)):  # fmt: skip
                if owner is not None and contract in live and voided is None:
                    out[(owner, day.year, day.month)] += D(amount)
        elif metric == "new_customers":
            for by, at, deleted in s.execute(select(Customer.created_by_id, Customer.created_at,
                                                    Customer.deleted_at)):  # fmt: skip
                if by is not None and deleted is None:
                    out[(by, *local_month(at, tz))] += D(1)
        else:
            live = {c for c, d in s.execute(select(Customer.id, Customer.deleted_at)) if d is None}
            for author, customer, at in s.execute(select(FollowUp.author_id, FollowUp.customer_id,
                                                         FollowUp.happened_at)):  # fmt: skip
                if author is not None and customer in live:
                    out[(author, *local_month(at, tz))] += D(1)
    return {k: v.quantize(D("0.01")) if metric in ("won_amount", "payments") else v
            for k, v in out.items() if k[1] == Y and v}  # fmt: skip


@pytest.mark.parametrize("tz", [SHANGHAI, NEW_YORK, UTC], ids=["shanghai", "new_york", "utc"])
@pytest.mark.parametrize("metric", TARGET_METRICS)
def test_achieved_matches_a_recomputation(db, world, metric, tz):
    got = db.read(lambda s: achieved_by_rep_month(s, metric, date(Y, 1, 1), date(Y + 1, 1, 1), tz))
    expected = by_hand(db, metric, tz)
    assert got == expected
    assert len(expected) > 10  # the data reaches most reps and months


def test_month_edge_in_a_local_zone(db, people, pipeline):
    won = next(st for st in pipeline.stages if st.kind == "won")
    with db.writing() as s:
        cid = create_customer(s, people.admin, CustomerInput(name="c"), NOW,
                              owner_id=people.rep_n1.id)  # fmt: skip
        s.execute(insert(Deal).values(
            customer_id=cid, title="d", amount=D("10.00"), owner_id=people.rep_n1.id,
            pipeline_id=pipeline.id, stage_id=won.id, status="won", created_at=NOW,
            updated_at=NOW, stage_entered_at=NOW, closed_at=datetime(Y, 3, 31, 17, 0)))  # fmt: skip

    def months(tz):
        return db.read(lambda s: achieved_by_rep_month(s, "won_amount", date(Y, 1, 1),
                                                       date(Y + 1, 1, 1), tz))  # fmt: skip

    assert months(SHANGHAI) == {(people.rep_n1.id, Y, 4): D("10.00")}
    assert months(ZoneInfo("UTC")) == {(people.rep_n1.id, Y, 3): D("10.00")}
    q1 = db.read(lambda s: progress(s, people.admin, "won_amount", Period(Y, 1), "company", 0,
                                    NOW.date(), SHANGHAI))  # fmt: skip
    assert q1.achieved == 0
    april = db.read(lambda s: progress(s, people.admin, "won_count", Period(Y, 0, 4), "rep",
                                       people.rep_n1.id, NOW.date(), SHANGHAI))  # fmt: skip
    assert april.achieved == 1


def test_roll_ups_progress_and_months(db, world):
    p = world
    tz = SHANGHAI
    hand = by_hand(db, "won_amount", tz)
    users = db.read(lambda s: dict(s.execute(select(User.id, User.team_id)).all()))
    north = p.rep_n1.team_id
    with db.writing() as s:
        save_targets(s, p.admin, NOW, [
            TargetInput("won_amount", "team", north, YEAR, D("100000.00")),
            TargetInput("won_amount", "team", north, Period(Y, 0, 3), D("5000.00")),
        ])  # fmt: skip
    q1 = Period(Y, 1)
    today = date(Y, 2, 14)
    r = db.read(lambda s: progress(s, p.admin, "won_amount", YEAR, "team", north, today, tz))
    team = sum((v for (u, _y, _m), v in hand.items() if users[u] == north), D(0))
    assert r.achieved == team and r.target == D("100000.00")
    assert r.completion == pytest.approx(float(team / D("1000.00")))
    assert r.elapsed == pytest.approx(45 / 365 * 100)
    assert r.gap == max(D("100000.00") - team, D(0))
    assert [m.period for m in r.months] == YEAR.months()
    assert r.months[2].target == D("5000.00") and r.months[0].target is None
    assert sum(m.achieved for m in r.months) == team
    company = db.read(lambda s: progress(s, p.admin, "won_amount", q1, "company", 0, today, tz))
    assert company.achieved == sum((v for (_u, _y, m), v in hand.items() if m <= 3), D(0))
    assert company.target == D("5000.00") and company.status is not None
    lone = db.read(lambda s: progress(s, p.admin, "won_amount", q1, "rep", p.rep_x.id, today, tz))
    assert lone.achieved == sum((v for (u, _y, m), v in hand.items()
                                 if u == p.rep_x.id and m <= 3), D(0))  # fmt: skip
    assert lone.target is None and lone.completion is None and lone.status is None
    assert lone.gap is None


def test_status_is_relative_to_the_time_elapsed(db, people):
    from crmdesk.models.target_progress import status_of

    assert status_of(None, 50.0) is None
    # within ±5% of the time gone (completion ÷ elapsed in 0.95 … 1.05)
    assert status_of(52.4, 50.0) == "on_track" and status_of(47.6, 50.0) == "on_track"
    assert status_of(52.6, 50.0) == "ahead" and status_of(47.4, 50.0) == "behind"
    # the try-out's cases, judged alike now: 11.8% at 16.1% gone (0.73 of the pace) is behind,
    # as 86% at 92.9% (0.93) is; 90% at 92.9% (0.97) is on track
    assert status_of(11.8, 16.1) == "behind"
    assert status_of(86.0, 92.9) == "behind" and status_of(90.0, 92.9) == "on_track"
    assert status_of(3.0, 2.0) == "ahead"  # ±5 points would have called it on track
    assert status_of(0.0, 0.0) == "on_track"  # nothing is due yet


def test_forecast(db, world):
    p = world
    today = NOW.date()  # 2026-11-20; the rest of November and of Q4
    for period, scope, sid in [(Period(Y, 0, 11), "company", 0), (Period(Y, 4), "team",
                               p.rep_n1.team_id), (Period(Y, 4), "rep", p.rep_s1.id)]:  # fmt: skip
        got = db.read(lambda s, a=(period, scope, sid): progress(
            s, p.admin, "won_amount", a[0], a[1], a[2], today, SHANGHAI)).forecast  # fmt: skip
        with db.reading() as s:
            rows = s.execute(
                select(
                    Deal.owner_id,
                    Deal.status,
                    Deal.deleted_at,
                    Deal.expected_close,
                    Deal.amount,
                    Deal.probability,
                    Stage.probability,
                ).join(Stage, Stage.id == Deal.stage_id)
            ).all()
            teams = dict(s.execute(select(User.id, User.team_id)).all())
        total = D(0)
        for owner, status, deleted, close, amount, prob, stage_prob in rows:
            in_scope = (
                scope == "company"
                or (scope == "rep" and owner == sid)
                or (scope == "team" and teams[owner] == sid)
            )
            if (in_scope and status == "open" and deleted is None
                    and today <= close < period.end_day):  # fmt: skip
                total += D(amount) * (prob if prob is not None else stage_prob) / 100
        assert got == total.quantize(D("0.01"))
        assert got > 0
    counted = db.read(lambda s: progress(s, p.admin, "won_count", YEAR, "company", 0, today))
    assert counted.forecast is None
    past = db.read(lambda s: progress(s, p.admin, "won_amount", Period(Y, 0, 1), "company", 0,
                                      today))  # fmt: skip
    assert past.forecast == 0  # the period is over


def test_ranking_order_and_visibility(db, world):
    p = world
    tz = SHANGHAI
    hand = by_hand(db, "won_count", tz)

    def done(uid):
        return sum((v for (u, _y, _m), v in hand.items() if u == uid), D(0))

    targets = {p.rep_n1.id: done(p.rep_n1.id) * 2 or D(1), p.rep_n2.id: done(p.rep_n2.id) or D(1),
               p.rep_s1.id: (done(p.rep_s1.id) * 4) or D(1)}  # fmt: skip
    with db.writing() as s:
        save_targets(s, p.admin, NOW, [TargetInput("won_count", "rep", uid, YEAR, v)
                                       for uid, v in targets.items()])  # fmt: skip
    rows = db.read(lambda s: ranking(s, p.admin, "won_count", YEAR, "rep", NOW.date(), tz))
    assert [r.rank for r in rows] == list(range(1, len(rows) + 1))
    with_target = [r for r in rows if r.target is not None]
    assert [r.scope_id for r in with_target] == sorted(
        targets, key=lambda u: (-float(done(u) * 100 / targets[u]), -done(u))
    )
    assert rows[: len(with_target)] == with_target  # those with a target first
    rest = rows[len(with_target) :]
    assert [r.achieved for r in rest] == sorted((r.achieved for r in rest), reverse=True)
    assert {r.scope_id for r in rest} == {p.manager_n.id, p.manager_s.id, p.rep_x.id}
    for r in rows:
        assert r.achieved == done(r.scope_id)
        assert r.gap == (None if r.target is None else max(r.target - r.achieved, D(0)))
    teams = db.read(lambda s: ranking(s, p.admin, "won_count", YEAR, "team", NOW.date(), tz))
    assert {r.scope_id for r in teams} == {p.rep_n1.team_id, p.rep_s1.team_id}
    assert {r.name for r in teams} == {"North", "South"}
    mine = db.read(lambda s: ranking(s, p.manager_n, "won_count", YEAR, "rep", NOW.date(), tz))
    assert {r.scope_id for r in mine} == {p.manager_n.id, p.rep_n1.id, p.rep_n2.id}
    assert {r.team_name for r in mine} == {"North"}
    solo = db.read(lambda s: ranking(s, p.rep_s1, "won_count", YEAR, "rep", NOW.date(), tz))
    assert [r.scope_id for r in solo] == [p.rep_s1.id]


def test_dashboard_and_workspace_agree(db, world):
    p = world
    ws = Workspace(db, p.manager_n, clock=lambda: NOW)
    alone = ws.target_progress("payments", YEAR, "team", p.rep_n1.team_id, tz=SHANGHAI)
    both = ws.target_dashboard("payments", YEAR, "team", p.rep_n1.team_id, "rep", tz=SHANGHAI)
    assert both[0] == alone
    assert both[1] == ws.target_ranking("payments", YEAR, "rep", tz=SHANGHAI)
    assert alone.elapsed == pytest.approx((NOW.date() - date(Y, 1, 1)).days * 100 / 365 + 100 / 365)


def test_the_dashboard_says_what_the_people_leave_unallocated(db, people):
    p = people
    north, south = p.rep_n1.team_id, p.rep_s1.team_id
    with db.writing() as s:
        save_targets(s, p.admin, NOW, [
            TargetInput("won_count", "company", 0, YEAR, D(100)),
            TargetInput("won_count", "team", north, YEAR, D(40)),
            TargetInput("won_count", "team", south, YEAR, D(35)),
            TargetInput("won_count", "rep", p.rep_n1.id, YEAR, D(15)),
            TargetInput("won_count", "rep", p.rep_n2.id, YEAR, D(10)),
        ])  # fmt: skip
    ws = Workspace(db, p.admin, clock=lambda: NOW)
    team, _rank = ws.target_dashboard("won_count", YEAR, "team", north, "rep")
    assert team.people_left == D(15)  # 40 − (15 + 10 + the manager's none)
    company, _rank = ws.target_dashboard("won_count", YEAR, "company", 0, "team")
    assert company.people_left == D(100) - D(40) - D(35)  # the lone rep has none
    rep, _rank = ws.target_dashboard("won_count", YEAR, "rep", p.rep_n1.id, "rep")
    assert rep.people_left is None  # no people under a rep
    south_row, _rank = ws.target_dashboard("won_count", YEAR, "team", south, "rep")
    assert south_row.people_left == D(35)  # its reps hold nothing yet
    q1, _rank = ws.target_dashboard("won_count", Period(Y, 1), "team", north, "rep")
    assert q1.people_left is None  # the team's own Q1 is not set


def test_refusals(db, world):
    p = world
    with pytest.raises(PermissionDenied):
        db.read(lambda s: progress(s, p.rep_n1, "won_amount", YEAR, "rep", p.rep_n2.id,
                                   NOW.date()))  # fmt: skip
    with pytest.raises(PermissionDenied):
        db.read(lambda s: progress(s, p.manager_n, "won_amount", YEAR, "team", p.rep_s1.team_id,
                                   NOW.date()))  # fmt: skip
    with pytest.raises(ValidationFailed):
        db.read(lambda s: progress(s, p.admin, "revenue", YEAR, "company", 0, NOW.date()))
    with pytest.raises(ValidationFailed):
        db.read(lambda s: ranking(s, p.admin, "won_amount", YEAR, "region", NOW.date()))
    with pytest.raises(ValidationFailed):
        db.read(lambda s: dashboard(s, p.admin, "won_amount", "2026", "company", 0, "rep",
                                    NOW.date()))  # fmt: skip


def test_month_targets_are_the_progress_months(db, people):
    """The reports' target line: each month's shown target (set, or rolled up from the reps,
    across a year's end), as progress gives it; refused where progress is."""
    p, north = people, people.rep_n1.team_id
    with db.writing() as s:
        save_targets(s, p.admin, NOW, [
            TargetInput("won_count", "rep", p.rep_n1.id, Period(Y, 0, 12), D(4)),
            TargetInput("won_count", "rep", p.rep_n2.id, Period(Y, 0, 12), D(3)),
            TargetInput("won_count", "team", north, Period(Y + 1, 0, 1), D(9)),
            TargetInput("won_count", "company", 0, Period(Y + 1, 1), D(30)),
        ])  # fmt: skip
    months = [Period(Y, 0, 11), Period(Y, 0, 12), Period(Y + 1, 0, 1), Period(Y + 1, 0, 2)]
    for actor, scope, sid, expected in (
        (p.admin, "company", 0, [None, D(7), D(9), None]),
        (p.manager_n, "team", north, [None, D(7), D(9), None]),
        (p.rep_n1, "rep", p.rep_n1.id, [None, D(4), None, None]),
    ):
        ws = Workspace(db, actor, clock=lambda: NOW)
        got = ws.target_months("won_count", scope, sid, months)
        assert got == expected
        for year in (Y, Y + 1):
            bars = ws.target_progress("won_count", Period(year), scope, sid)
            shown = {m.period: m.target for m in bars.months}
            assert [shown[m] for m in months if m.year == year] == [
                g for g, m in zip(got, months, strict=True) if m.year == year
            ]
    with pytest.raises(PermissionDenied):
        db.read(lambda s: month_targets(s, p.rep_n1, "won_count", "rep", p.rep_n2.id, months))
    with pytest.raises(ValidationFailed):
        db.read(lambda s: month_targets(s, p.admin, "won_count", "company", 0, [Period(Y)]))
    direct = db.read(lambda s: month_targets(s, p.admin, "won_count", "company", 0, months))
    assert direct == [None, D(7), D(9), None]
