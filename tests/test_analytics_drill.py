"""The drill-downs' rows on SQLite, PostgreSQL and MariaDB, where the figures and who may open a
row part ways: a customer counted for the rep who created it (or wrote its follow-up, or
released it) but owned by another team since, or sitting in a pool the reader does not see, is
listed (the count stays the figure) but hidden, exactly when policy.customer_for_read refuses it;
and the built-in lost reason "other" drills to its own bar, not to the series folded past
MAX_SERIES (code "_rest")."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from helpers import NOW
from sqlalchemy import insert
from test_analytics_seed import SHANGHAI
from test_analytics_writers import add_customer, plain_pipeline

from crmdesk.models import analytics_breakdown, analytics_drill
from crmdesk.models.analytics_types import MAX_SERIES, OTHER
from crmdesk.models.customers import CustomerInput
from crmdesk.models.errors import NotFound
from crmdesk.models.follow_ups import FollowUpInput
from crmdesk.models.periods import Period
from crmdesk.models.policy import customer_for_read
from crmdesk.models.schema import FollowUp, OwnershipEvent, Pool
from crmdesk.models.schema_deals import Deal
from crmdesk.models.workspace import Workspace

MARCH = Period(2026, 0, 3)
IN_MARCH = datetime(2026, 3, 10, 2, 0)  # UTC: 10 March in Shanghai


def _pool(db, name: str, everyone: bool) -> int:
    with db.writing() as s:
        return s.execute(insert(Pool).values(name=name, everyone=everyone, enabled=True,
                                             created_at=NOW, updated_at=NOW, version=1)
                         ).inserted_primary_key[0]  # fmt: skip


def _world(db, people) -> dict[str, int]:
    """rep_n1 (North) creates three customers and writes a follow-up on each: "moved" is
    then assigned to rep_s1 (South), "kept" stays; two more, created by rep_n1 into a pool
    every user sees ("open") and into one only an admin sees ("closed"), released by rep_n1."""
    p = people
    rep = Workspace(db, p.rep_n1, clock=lambda: IN_MARCH)
    ids = {name: rep.create_customer(CustomerInput(name=f"客户{name}")).value
           for name in ("moved", "kept")}  # fmt: skip
    for cid in ids.values():
        rep.add_follow_up(cid, FollowUpInput("call", "谈了", IN_MARCH))
    Workspace(db, p.admin, clock=lambda: IN_MARCH).assign_customers(
        [ids["moved"]], p.rep_s1.id, "other", "换人"
    )
    for name, everyone in (("open", True), ("closed", False)):
        pool = _pool(db, f"公海{name}", everyone)
        cid = add_customer(db, p.rep_n1, f"客户{name}", owner_id=None, team_id=None,
                           pool_id=pool, created_at=IN_MARCH)  # fmt: skip
        with db.writing() as s:
            s.execute(insert(FollowUp).values(customer_id=cid, author_id=p.rep_n1.id,
                                              kind="visit", content="", happened_at=IN_MARCH,
                                              created_at=IN_MARCH))  # fmt: skip
            s.execute(insert(OwnershipEvent).values(customer_id=cid, kind="released",
                                                    from_owner_id=p.rep_n1.id, to_owner_id=None,
                                                    pool_id=pool, at=IN_MARCH))  # fmt: skip
        ids[name] = cid
    return ids


def _may_read(db, actor, customer_id: int) -> bool:
    try:
        db.read(lambda s: customer_for_read(s, actor, customer_id))
    except NotFound:
        return False
    return True


@pytest.mark.parametrize("measure", ["new_customers", "follow_ups", "pool_in"])
def test_rows_the_reader_may_not_open_are_counted_but_hidden(db, people, measure):
    p = people
    ids = _world(db, p)
    names = {cid: f"客户{name}" for name, cid in ids.items()}
    hidden_for: dict[str, set[int]] = {}
    for actor in (p.admin, p.manager_n, p.rep_n1, p.manager_s):
        figure = db.read(lambda s, a=actor: analytics_breakdown.breakdown(
            s, a, measure, "none", MARCH, 1, tz=SHANGHAI)).total  # fmt: skip
        got = db.read(lambda s, a=actor: analytics_drill.drill_breakdown(
            s, a, measure, "none", MARCH, 1, tz=SHANGHAI))  # fmt: skip
        assert got.count == figure == len(got.rows)
        for row in got.rows:
            assert row.hidden == (not _may_read(db, actor, row.id)), (actor.login, row)
            if row.hidden:
                assert (row.name, row.owner_name, row.industry, row.source) == ("", "", "", "")
            else:
                assert row.name == names[row.id]
        hidden_for[actor.login] = {r.id for r in got.rows if r.hidden}
    # the figures credit rep_n1: South's manager counts none of them, an admin sees every row
    hidden = {ids["closed"]} if measure == "pool_in" else {ids["moved"], ids["closed"]}
    assert hidden_for == {"admin": set(), "manager_n": hidden, "rep_n1": hidden,
                          "manager_s": set()}  # fmt: skip


# ---------------------------------------------------------------- lost reason "other"


def _lost_deals(db, people) -> dict[str, list[int]]:
    """Lost deals in March: 20 with the built-in reason "other", 14 custom reasons r1…r14
    (15 − i deals each), and 1 without a reason, so the "none" series is folded away too."""
    st = plain_pipeline(db, "Lost")
    customer = add_customer(db, people.rep_n1)
    plan = [("other", 20)] + [(f"r{i}", 15 - i) for i in range(1, 15)] + [("", 1)]
    by_code: dict[str, list[int]] = {}
    with db.writing() as s:
        for code, n in plan:
            for _ in range(n):
                by_code.setdefault(code, []).append(s.execute(insert(Deal).values(
                    customer_id=customer, title="输单", amount=Decimal(10),
                    owner_id=people.rep_n1.id, team_id=people.rep_n1.team_id,
                    pipeline_id=st["pipeline"], stage_id=st["lost"], status="lost",
                    source="", created_at=IN_MARCH, updated_at=IN_MARCH,
                    stage_entered_at=IN_MARCH, closed_at=IN_MARCH, lost_code=code,
                    version=1)).inserted_primary_key[0])  # fmt: skip
    return by_code


def test_the_lost_reason_other_and_the_folded_series_drill_to_their_own_rows(db, people):
    by_code = _lost_deals(db, people)
    got = db.read(lambda s: analytics_breakdown.breakdown(
        s, people.admin, "lost_count", "lost_reason", MARCH, 1, tz=SHANGHAI))  # fmt: skip
    assert len(got.series) == MAX_SERIES + 1
    reason, rest = got.series[0], got.series[-1]
    assert (reason.key, reason.code, reason.total) == ("other", "other", 20)
    assert rest.code == OTHER == "_rest" and rest.key == OTHER
    shown = {s.key for s in got.series[:-1]}
    folded = {d for code, deals in by_code.items() if code not in shown for d in deals}
    assert rest.total == len(folded) == 3 + 2 + 1 + 1  # r12, r13, r14, the one without
    for series, want in ((reason, set(by_code["other"])), (rest, folded)):
        drill = db.read(lambda s, x=series: analytics_drill.drill_breakdown(
            s, people.admin, "lost_count", "lost_reason", MARCH, 1, x.key, x.code, 0,
            tz=SHANGHAI))  # fmt: skip
        assert drill.count == series.total == len(drill.rows)
        assert {r.id for r in drill.rows} == want
