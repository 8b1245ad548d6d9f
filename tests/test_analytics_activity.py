"""The reps' activity (analytics_activity.py) on SQLite, PostgreSQL and MariaDB, checked against
a recomputation by hand over the seeded rows (test_analytics_seed.py) in Shanghai's calendar,
by day, week and month, for an admin, a manager and a rep; and the AnalyticsMethods of the
workspace giving the same figures as the functions."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from test_analytics_seed import SHANGHAI, day_of, half_up, in_scope, rows, seed

from crmdesk.models.analytics_activity import activity, buckets_of
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.periods import Period
from crmdesk.models.pinyin import person_sort_key
from crmdesk.models.schema import FOLLOW_UP_KINDS
from crmdesk.models.workspace import Workspace


def activity_by_hand(r, actor, first, end, buckets, scope="all", owner_id=None):
    users = {u.id: u for u in r["users"]}
    customers = {c.id: c for c in r["customers"]}
    teams = {t.id: t.name for t in r["teams"]}

    def team(uid):
        return users[uid].team_id if uid in users else None

    def bucket(at):
        day = day_of(at)
        return next((i for i, (a, b) in enumerate(buckets) if a <= day < b), None)

    fig: dict = {}

    def of(uid):
        return fig.setdefault(uid, {"fu": [0] * len(buckets), "kinds": dict.fromkeys(
            FOLLOW_UP_KINDS, 0), "customers": 0, "created": 0, "won": 0, "cents": 0})  # fmt: skip

    for f in r["follow_ups"]:
        i = bucket(f.happened_at)
        if (
            i is None
            or f.author_id is None
            or customers[f.customer_id].deleted_at is not None
            or not in_scope(actor, scope, owner_id, f.author_id, team(f.author_id))
        ):
            continue  # fmt: skip
        of(f.author_id)["fu"][i] += 1
        of(f.author_id)["kinds"][f.kind] += 1
    for c in r["customers"]:
        if (c.deleted_at is None and c.created_by_id is not None and first <= day_of(c.created_at)
                < end and in_scope(actor, scope, owner_id, c.created_by_id,
                                   team(c.created_by_id))):  # fmt: skip
            of(c.created_by_id)["customers"] += 1
    for d in r["deals"]:
        if d.deleted_at is not None or not in_scope(actor, scope, owner_id, d.owner_id,
                                                    d.team_id):  # fmt: skip
            continue
        if first <= day_of(d.created_at) < end:
            of(d.owner_id)["created"] += 1
        if d.status == "won" and first <= day_of(d.closed_at) < end:
            of(d.owner_id)["won"] += 1
            of(d.owner_id)["cents"] += int(d.amount * 100)
    listed = []
    for u in r["users"]:
        shown = u.id in fig or (u.active and u.role in ("rep", "manager")
                                and in_scope(actor, scope, owner_id, u.id, u.team_id))  # fmt: skip
        if not shown:
            continue
        f = of(u.id)
        listed.append((u.id, u.name, u.team_id, teams.get(u.team_id, ""), tuple(f["fu"]),
                       tuple(f["kinds"][k] for k in FOLLOW_UP_KINDS), f["customers"],
                       f["created"], f["won"],
                       half_up(Decimal(f["cents"]) / 100, "0.01")))  # fmt: skip
    return sorted(listed, key=lambda x: (person_sort_key(x[1]), x[1], x[0]))  # pinyin order


def test_buckets_cut_at_days_mondays_and_months():
    assert buckets_of(date(2026, 1, 30), date(2026, 2, 2), "day") == [
        (date(2026, 1, 30), date(2026, 1, 31)), (date(2026, 1, 31), date(2026, 2, 1)),
        (date(2026, 2, 1), date(2026, 2, 2))]  # fmt: skip
    weeks = buckets_of(date(2026, 1, 1), date(2026, 1, 20), "week")  # 1 Jan 2026: a Thursday
    assert weeks[0] == (date(2026, 1, 1), date(2026, 1, 5)) and weeks[-1][1] == date(2026, 1, 20)
    assert all(a.weekday() == 0 for a, _b in weeks[1:])
    months = buckets_of(date(2025, 12, 15), date(2026, 3, 1), "month")
    assert months == [(date(2025, 12, 15), date(2026, 1, 1)), (date(2026, 1, 1), date(2026, 2, 1)),
                      (date(2026, 2, 1), date(2026, 3, 1))]  # fmt: skip


def test_activity_against_a_recomputation(db, people, pipeline):
    seed(db, people)
    r = rows(db)
    p = people
    ranges = [(date(2025, 12, 25), date(2026, 2, 3), "day"),
              (date(2025, 10, 1), date(2026, 11, 30), "week"),
              (date(2025, 10, 1), date(2026, 12, 1), "month"),
              (date(2026, 2, 1), date(2026, 2, 2), "day")]  # fmt: skip
    counted = 0
    actors = ((p.admin, "all", None), (p.manager_n, "team", None), (p.rep_n1, "mine", None),
              (p.admin, "all", p.rep_s1.id))  # fmt: skip
    for actor, scope, owner in actors:
        for first, end, granularity in ranges:
            got = db.read(lambda s, a=actor, f=first, e=end, g=granularity, sc=scope, o=owner:
                          activity(s, a, f, e, g, SHANGHAI, sc, o))  # fmt: skip
            buckets = buckets_of(first, end, granularity)
            assert got.buckets == tuple(buckets) and got.kinds == FOLLOW_UP_KINDS
            want = activity_by_hand(r, actor, first, end, buckets, scope, owner)
            assert [(x.user_id, x.name, x.team_id, x.team_name, x.follow_ups, x.by_kind,
                     x.new_customers, x.deals_created, x.deals_won, x.won_amount)
                    for x in got.rows] == want, (actor.login, granularity)  # fmt: skip
            counted += sum(sum(x.follow_ups) + x.deals_created for x in got.rows)
    assert counted > 100
    assert {x.user_id for x in db.read(lambda s: activity(
        s, p.rep_n1, date(2025, 10, 1), date(2026, 12, 1), "month", SHANGHAI)).rows} == {
        p.rep_n1.id}  # fmt: skip
    with pytest.raises(ValidationFailed):
        db.read(lambda s: activity(s, p.admin, date(2025, 1, 1), date(2026, 6, 1), "day"))


def test_the_workspace_reads_the_same_figures(db, people, pipeline):
    seeded = seed(db, people, n_deals=60)
    ws = Workspace(db, people.manager_n)
    pid = seeded.st["pipeline"]
    first, end = date(2025, 10, 1), date(2026, 12, 1)
    funnel = ws.funnel(pid, first, end, "team", tz=SHANGHAI)
    assert funnel.stages and funnel.created > 0
    drill = ws.drill_funnel(pid, first, end, "stage", funnel.stages[1].stage_id, "team",
                            tz=SHANGHAI)  # fmt: skip
    assert drill.count == funnel.stages[1].deals
    b = ws.breakdown("follow_ups", "follow_up_kind", Period(2025, 0, 10), 14, tz=SHANGHAI)
    assert b.total == sum(s.total for s in b.series) > 0
    top = b.series[0]
    rows_ = ws.drill_breakdown("follow_ups", "follow_up_kind", Period(2025, 0, 10), 14,
                               top.key, top.code, tz=SHANGHAI)  # fmt: skip
    assert rows_.count == top.total and rows_.rows[0].at >= rows_.rows[-1].at
    act = ws.activity(first, end - timedelta(days=1), "month", tz=SHANGHAI)
    assert {x.team_id for x in act.rows} == {people.manager_n.team_id}
