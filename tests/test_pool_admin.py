"""What an administrator sets for every pool, on SQLite, PostgreSQL and MariaDB: release
reasons of their own (a release may then give them; turned off, never deleted) and caps per
team and per user, with whether won customers count; everything checked, admins only."""

from __future__ import annotations

import pytest
from helpers import NOW
from test_pool import claim, make_pool, owned_customers, pool_customers

from crmdesk.models import pool as pools
from crmdesk.models.errors import PermissionDenied, ValidationFailed
from crmdesk.models.pool_list import PoolQuery
from crmdesk.models.workspace import Workspace


def ws(db, actor):
    return Workspace(db, actor, clock=lambda: NOW)


def test_an_admin_adds_and_turns_off_release_reasons(db, people):
    p = people
    make_pool(db, p.admin)
    admin = ws(db, p.admin)
    code = admin.add_release_reason("  客户已倒闭 ").value
    assert code == "r1" and admin.add_release_reason("预算取消").value == "r2"
    rows = {r.code: r for r in admin.all_release_reasons()}
    assert rows["r1"].label == "客户已倒闭" and rows["r1"].active
    assert rows["r2"].position > rows["other"].position  # added at the end
    assert ("r1", "客户已倒闭") in admin.release_reasons()
    with pytest.raises(ValidationFailed) as taken:
        admin.add_release_reason("客户已倒闭")
    assert taken.value.params["errors"] == [("label", "taken")]
    with pytest.raises(ValidationFailed):
        admin.add_release_reason("   ")
    with pytest.raises(ValidationFailed):
        admin.add_release_reason("长" * 101)

    # a release may give it; once turned off it may not, and the old event still names it
    [cid] = owned_customers(db, p.rep_n1, 1)
    ws(db, p.rep_n1).release([cid], "r1", "")
    admin.set_release_reason_active("r1", False)
    assert "r1" not in [c for c, _ in admin.release_reasons()]
    [other] = owned_customers(db, p.rep_n2, 1)
    with pytest.raises(ValidationFailed):
        ws(db, p.rep_n2).release([other], "r1", "")
    event = ws(db, p.admin).customer_card(cid).events[0]
    assert (event.reason_code, event.reason_label) == ("r1", "客户已倒闭")
    [row] = admin.list_pool(PoolQuery(pool_id=admin.pools()[0].id), 0, 10)
    assert (row.release_code, row.release_label) == ("r1", "客户已倒闭")
    with pytest.raises(ValidationFailed):  # a release can always say why in its own words
        admin.set_release_reason_active("other", False)
    with pytest.raises(PermissionDenied):
        ws(db, p.manager_n).add_release_reason("经理的原因")
    with pytest.raises(PermissionDenied):
        ws(db, p.rep_n1).set_release_reason_active("no_need", False)


def test_caps_per_team_and_user_and_whether_won_customers_count(db, people):
    p = people
    pool_id = make_pool(db, p.admin, daily_claim_cap=50)
    admin = ws(db, p.admin)
    north = p.rep_n1.team_id
    admin.save_caps({north: (3, 1)}, {p.rep_n2.id: (5, None)}, count_won=False)
    caps = admin.caps()
    assert [(t.id, t.customer_cap, t.locked_cap) for t in caps.teams if t.id == north] == [
        (north, 3, 1)]  # fmt: skip
    users = {u.id: u for u in caps.users}
    assert (users[p.rep_n2.id].customer_cap, users[p.rep_n2.id].locked_cap) == (5, None)
    assert p.admin.id not in users and not caps.count_won
    with db.reading() as s:
        assert pools.capacity(s, p.rep_n1.id).cap == 3  # the team's
        assert pools.capacity(s, p.rep_n2.id).cap == 5  # the user's own
    # won customers do not count: rep_n1 owns two won ones and may still claim three
    owned_customers(db, p.rep_n1, 2, status="customer")
    ids = pool_customers(db, pool_id, 4)
    result = claim(db, p.rep_n1, pool_id, ids)
    assert len(result.claimed) == 3 and [r.code for r in result.refused] == ["cap_reached"]

    with pytest.raises(ValidationFailed) as bad:
        admin.save_caps({north: (0, 1)}, {p.rep_n1.id: (True, -1)}, count_won=True)
    assert sorted(f for f, _ in bad.value.params["errors"]) == [
        f"team.{north}.customer_cap", f"user.{p.rep_n1.id}.customer_cap",
        f"user.{p.rep_n1.id}.locked_cap"]  # fmt: skip
    assert admin.caps() == caps  # nothing was written
    with pytest.raises(PermissionDenied):
        ws(db, p.manager_n).save_caps({north: (100, None)}, {}, count_won=True)


def test_changes_to_the_pools_settings_are_recorded(db, people):
    from datetime import timedelta

    p = people
    pool_id = make_pool(db, p.admin, daily_claim_cap=5)
    at = [NOW + timedelta(minutes=m) for m in range(5)]
    admin = ws(db, p.admin)

    def as_of(i):
        return Workspace(db, p.admin, clock=lambda: at[i])

    [pool] = [x for x in admin.all_pools() if x.id == pool_id]
    data = pools.PoolInput(name=pool.name, everyone=True, daily_claim_cap=8,
                           rules=(pools.RuleRow("no_follow_up", 30, (("A", 60),)),))  # fmt: skip
    as_of(0).save_pool(pool_id, data, pool.version)
    [pool] = [x for x in admin.all_pools() if x.id == pool_id]
    as_of(1).save_pool(pool_id, data, pool.version)  # nothing changed: nothing recorded
    code = as_of(2).add_release_reason("客户已倒闭").value
    as_of(3).set_release_reason_active(code, False)
    as_of(4).save_caps({p.rep_n1.team_id: (20, None)}, {}, count_won=True)  # count_won as was
    rows = admin.settings_changes()
    assert [(r.at, r.area, r.pool_name, r.fields) for r in rows] == [
        (at[4], "caps", "", (f"team:{p.rep_n1.team_id}",)),
        (at[3], "reasons", "", (f"off:{code}",)),
        (at[2], "reasons", "", (f"added:{code}",)),
        (at[0], "pool", "华东公海", ("daily_claim_cap", "rules")),
        (NOW, "pool", "华东公海", ("created",)),
    ]
    assert {r.actor_name for r in rows} == {p.admin.name}
    assert [r.fields for r in admin.settings_changes(pool_id)] == [
        ("daily_claim_cap", "rules"), ("created",)]  # fmt: skip
    with pytest.raises(PermissionDenied):
        ws(db, p.manager_n).settings_changes()
