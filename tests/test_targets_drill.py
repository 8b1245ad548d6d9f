"""The rows behind a month of the targets dashboard (target_achieved.achieved_rows) on SQLite,
PostgreSQL and MariaDB: for every metric with rows, every month and scope, and viewers who may
not open all of them, the count is the bar (progress' month figure) and won deals' amounts add
up to it; a rep who changed teams counts for their current team though the deals keep the old
one; deleted deals and customers are not listed; rows the viewer may not see are listed
blanked and flagged; who may ask."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest
from helpers import NOW
from sqlalchemy import insert, select, update

from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.errors import PermissionDenied, ValidationFailed
from crmdesk.models.periods import Period
from crmdesk.models.schema import Customer, FollowUp, User
from crmdesk.models.schema_deals import Deal
from crmdesk.models.target_achieved import DRILL_METRICS, achieved_rows
from crmdesk.models.target_progress import progress
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace

SHANGHAI = ZoneInfo("Asia/Shanghai")
Y = 2026
MONTHS = [Period(Y, 0, m) for m in range(1, 5)]


def instant(rng) -> datetime:
    """Mid-December to early May (UTC), often near a month's edge."""
    if rng.random() < 0.3:
        edge = datetime(Y, rng.randrange(1, 6), 1) + timedelta(hours=rng.choice([-9, -7, 2]))
        return edge + timedelta(minutes=rng.randrange(0, 59))
    return datetime(Y - 1, 12, 20) + timedelta(minutes=rng.randrange(0, 140 * 24 * 60))


@pytest.fixture
def world(db, people, pipeline):
    """Deals won (some deleted), lost and open, new customers (some deleted) and follow-ups
    (some on a deleted customer) of every user; then rep_n2 moves from North to South, their
    deals and customers keeping North (as rows written before a move may)."""
    p = people
    rng = random.Random(20260412)
    with db.writing() as s:
        lone = User(name="Lone", login="rep_x", role="rep", active=True, created_at=NOW)
        s.add(lone)
        s.flush()
        p.rep_x = get_user(s, lone.id)
    users = [p.admin, p.manager_n, p.rep_n1, p.rep_n2, p.manager_s, p.rep_s1, p.rep_x]
    stages = {st.kind: st for st in pipeline.stages}
    with db.writing() as s:
        owned = [create_customer(s, p.admin, CustomerInput(name=f"客户{u.login}"), NOW,
                                 owner_id=u.id) for u in users]  # fmt: skip
        deals = []
        for i in range(150):
            owner = rng.choice(users)
            status = rng.choice(["won", "won", "won", "lost", "open"])
            deals.append(dict(
                customer_id=rng.choice(owned), title=f"deal {i}", amount=D(rng.randrange(1, 10**7))
                / 100, owner_id=owner.id, team_id=owner.team_id, pipeline_id=pipeline.id,
                stage_id=stages[status].id if status != "open" else pipeline.open_stages[0].id,
                status=status, created_at=NOW, updated_at=NOW, stage_entered_at=NOW,
                closed_at=instant(rng) if status != "open" else None,
                deleted_at=NOW if rng.random() < 0.1 else None))  # fmt: skip
        s.execute(insert(Deal), deals)
        new = []
        for i in range(90):
            owner = rng.choice(users)
            new.append(dict(name=f"新客户{i}", created_by_id=rng.choice(users).id,
                            created_at=instant(rng), updated_at=NOW, owner_id=owner.id,
                            team_id=owner.team_id,
                            deleted_at=NOW if rng.random() < 0.1 else None))  # fmt: skip
        s.execute(insert(Customer), new)
        binned = create_customer(s, p.admin, CustomerInput(name="回收站"), NOW,
                                 owner_id=p.rep_n1.id)  # fmt: skip
        s.execute(update(Customer).where(Customer.id == binned).values(deleted_at=NOW))
        follow = [dict(customer_id=rng.choice(owned + [binned]), author_id=rng.choice(users).id,
                       kind="call", happened_at=instant(rng), created_at=NOW)
                  for _ in range(160)]  # fmt: skip
        s.execute(insert(FollowUp), follow)
        s.execute(update(User).where(User.id == p.rep_n2.id).values(team_id=p.rep_s1.team_id))
        p.rep_n2 = get_user(s, p.rep_n2.id)
        p.manager_s = get_user(s, p.manager_s.id)
    return p


def rows(db, actor, metric, scope, sid, month, **kw):
    kw.setdefault("limit", 10_000)
    return db.read(lambda s: achieved_rows(s, actor, metric, scope, sid, month, SHANGHAI, **kw))


def bars(db, actor, metric, scope, sid):
    got = db.read(lambda s: progress(s, actor, metric, Period(Y), scope, sid, NOW.date(),
                                     SHANGHAI))  # fmt: skip
    return {m.period: m.achieved for m in got.months}


def views(p):
    north, south = p.rep_n1.team_id, p.rep_s1.team_id
    return [
        (p.admin, "company", 0),
        (p.manager_n, "company", 0),  # counts every team's rows, may open North's only
        (p.manager_n, "team", north),
        (p.manager_s, "team", south),  # rep_n2 now in South, their rows still North's
        (p.rep_n1, "company", 0),
        (p.rep_n1, "team", north),
        (p.rep_n2, "rep", p.rep_n2.id),
        (p.admin, "rep", p.rep_x.id),  # no team: the company's only
    ]


def may_see(actor, owner_id: int | None, team_id: int | None) -> bool:
    if actor.is_admin:
        return True
    if actor.is_manager:
        return team_id == actor.team_id
    return owner_id == actor.id


@pytest.mark.parametrize("metric", DRILL_METRICS)
def test_the_rows_are_the_bar(db, world, metric):
    p = world
    with db.reading() as s:
        deal_of = {d: (o, t, gone) for d, o, t, gone in s.execute(
            select(Deal.id, Deal.owner_id, Deal.team_id, Deal.deleted_at))}  # fmt: skip
        customer_of = dict(s.execute(select(Customer.id, Customer.owner_id)).all())
        team_of = dict(s.execute(select(Customer.id, Customer.team_id)).all())
    hidden_seen = listed = 0
    for actor, scope, sid in views(p):
        bar = bars(db, actor, metric, scope, sid)
        for month in MONTHS:
            got = rows(db, actor, metric, scope, sid, month)
            assert got.count == len(got.rows)
            listed += got.count
            if metric == "won_amount":
                assert sum((r.amount for r in got.rows), D(0)) == bar[month]
            else:
                assert got.count == bar[month], (actor.login, scope, month)
            for r in got.rows:
                if metric in ("won_amount", "won_count"):
                    owner, team, gone = deal_of[r.id]
                    assert gone is None and r.status == "won"
                    visible = may_see(actor, owner, team)
                    assert (r.title == "" and r.customer_name == "") == (not visible)
                else:
                    visible = may_see(actor, customer_of[r.id], team_of[r.id])
                    assert (r.name == "") == (not visible)
                assert r.hidden == (not visible)
                hidden_seen += not visible
    assert hidden_seen and listed > 100  # the data reaches both kinds of rows


def test_moved_rep_counts_for_the_new_team(db, world):
    p = world
    south = p.rep_s1.team_id
    moved = set()
    for month in MONTHS:
        got = rows(db, p.admin, "won_count", "team", south, month)
        moved |= {r.id for r in got.rows if r.owner_name == p.rep_n2.name}
        north = rows(db, p.admin, "won_count", "team", p.rep_n1.team_id, month)
        assert not {r.owner_name for r in north.rows} & {p.rep_n2.name}
    with db.reading() as s:
        kept = s.scalars(select(Deal.team_id).where(Deal.id.in_(moved))).all()
    assert moved and set(kept) == {p.rep_n1.team_id}  # the deals still say North


def test_pages_and_refusals(db, world):
    p = world
    whole = rows(db, p.admin, "follow_ups", "company", 0, MONTHS[1])
    first = rows(db, p.admin, "follow_ups", "company", 0, MONTHS[1], offset=0, limit=3)
    rest = rows(db, p.admin, "follow_ups", "company", 0, MONTHS[1], offset=3)
    assert first.count == rest.count == whole.count > 3
    assert first.rows + rest.rows == whole.rows
    assert [r.at for r in whole.rows] == sorted((r.at for r in whole.rows), reverse=True)
    with pytest.raises(PermissionDenied):  # a rep sees no other team's row
        rows(db, p.rep_n1, "won_count", "team", p.rep_s1.team_id, MONTHS[0])
    with pytest.raises(PermissionDenied):  # nor a colleague's
        rows(db, p.rep_n1, "won_count", "rep", p.rep_s1.id, MONTHS[0])
    for metric, month in (("payments", MONTHS[0]), ("won_count", Period(Y)),
                          ("nope", MONTHS[0])):  # fmt: skip
        with pytest.raises(ValidationFailed):
            rows(db, p.admin, metric, "company", 0, month)
    with pytest.raises(ValidationFailed):
        rows(db, p.admin, "won_count", "company", 0, MONTHS[0], limit=0)


def test_through_the_workspace(db, world):
    p = world
    ws = Workspace(db, p.manager_n, clock=lambda: NOW)
    got = ws.target_month_rows("won_count", "company", 0, MONTHS[0], tz=SHANGHAI)
    assert got.count == bars(db, p.manager_n, "won_count", "company", 0)[MONTHS[0]]
    assert got.count == len(got.rows) > 0
