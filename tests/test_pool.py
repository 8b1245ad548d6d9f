"""The public pool's rules on SQLite, PostgreSQL and MariaDB: the owner-or-pool invariant,
pool settings, claim and its refusals, release with a reason, assignment from a pool, moving,
locking, and what each leaves in the ownership log and the notifications."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import NOW
from sqlalchemy import insert, select, update

from crmdesk.models import pool as pools
from crmdesk.models import pool_actions as actions
from crmdesk.models.errors import CrmError, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.schema import Customer, Notification, OwnershipEvent, Team, User
from crmdesk.models.users import get_user


def make_pool(db, admin, name="华东公海", **settings) -> int:
    data = pools.PoolInput(name=name, **{"everyone": True, **settings})
    with db.writing() as s:
        pools.ensure_defaults(s, NOW, pool=False)
        return pools.save_pool(s, admin, None, data, NOW)


def pool_customers(db, pool_id, n, *, entered=NOW - timedelta(days=30), released_by=None,
                   **values) -> list[int]:  # fmt: skip
    rows = [
        {"name": f"公海客户{i}", "pool_id": pool_id, "pool_entered_at": entered,
         "released_by_id": released_by, "created_at": NOW - timedelta(days=400),
         "updated_at": NOW - timedelta(days=30), "version": 1, **values}
        for i in range(n)
    ]  # fmt: skip
    with db.writing() as s:
        s.execute(insert(Customer), rows)
        return sorted(s.scalars(select(Customer.id).where(Customer.pool_id == pool_id)))[-n:]


def owned_customers(db, owner, n, **values) -> list[int]:
    rows = [
        {"name": f"私海客户{i}", "owner_id": owner.id, "team_id": owner.team_id,
         "created_at": NOW - timedelta(days=400), "updated_at": NOW - timedelta(days=30),
         "received_at": NOW - timedelta(days=100), "version": 1, **values}
        for i in range(n)
    ]  # fmt: skip
    with db.writing() as s:
        s.execute(insert(Customer), rows)
        return sorted(s.scalars(select(Customer.id).where(Customer.owner_id == owner.id)))[-n:]


def claim(db, actor, pool_id, ids, now=NOW):
    day_start = now.replace(hour=0, minute=0)
    return db.write(lambda s: actions.claim(s, actor, pool_id, ids, now, day_start)).value


def owners(db, ids) -> dict[int, tuple]:
    with db.reading() as s:
        stmt = select(Customer.id, Customer.owner_id, Customer.pool_id).where(Customer.id.in_(ids))
        return {cid: (owner, pool) for cid, owner, pool in s.execute(stmt)}


def events(db, kind=None) -> list[tuple]:
    with db.reading() as s:
        stmt = select(OwnershipEvent.customer_id, OwnershipEvent.kind, OwnershipEvent.from_owner_id,
                      OwnershipEvent.to_owner_id, OwnershipEvent.reason_code,
                      OwnershipEvent.reason_text, OwnershipEvent.pool_id).order_by(
                          OwnershipEvent.id)  # fmt: skip
        rows = [tuple(r) for r in s.execute(stmt)]
    return [r for r in rows if kind is None or r[1] == kind]


# ---------------------------------------------------------------- the invariant


@pytest.mark.parametrize("owner, in_pool, deleted", [(True, True, False), (False, False, False)])
def test_a_customer_is_owned_or_in_one_pool_never_both_never_neither(
    db, people, owner, in_pool, deleted
):
    pool_id = make_pool(db, people.admin)
    row = {"name": "x", "created_at": NOW, "updated_at": NOW, "version": 1,
           "owner_id": people.rep_n1.id if owner else None,
           "pool_id": pool_id if in_pool else None}  # fmt: skip
    # the database refuses it (MariaDB's CHECK answers as an OperationalError, 4025), and the
    # program's write says so in its own terms
    with pytest.raises(CrmError) as info:
        db.write(lambda s: s.execute(insert(Customer), [row]))
    assert info.value.code == "rejected" and "ck_customers_owner_or_pool" in str(info.value)
    # an update that breaks it is refused too; in the recycle bin, neither is allowed
    (cid,) = pool_customers(db, pool_id, 1)
    with pytest.raises(CrmError):
        db.write(
            lambda s: s.execute(update(Customer).where(Customer.id == cid).values(pool_id=None))
        )
    with db.writing() as s:
        s.execute(update(Customer).where(Customer.id == cid).values(deleted_at=NOW))
        s.execute(update(Customer).where(Customer.id == cid).values(pool_id=None))


# ---------------------------------------------------------------- settings


def test_pool_settings_are_checked_all_at_once(db, people):
    bad = pools.PoolInput(
        name="", everyone=False, daily_claim_cap=0, cooldown_days=-1,
        rules=(pools.RuleRow("no_follow_up", 0), pools.RuleRow("never", 15, (("A", -3),))),
    )  # fmt: skip
    with pytest.raises(ValidationFailed) as info:
        pools.check_pool(bad)
    errors = set(info.value.params["errors"])
    assert errors >= {("name", "required"), ("daily_claim_cap", "out_of_range"),
                      ("cooldown_days", "out_of_range"), ("members", "required"),
                      ("rules.0.days", "out_of_range"), ("rules.1.kind", "invalid"),
                      ("rules.1.days_a", "out_of_range")}  # fmt: skip
    with db.reading() as s:
        assert pools.list_pools(s) == []  # nothing was written


def test_pools_round_trip_and_only_admins_create_them(db, people):
    p = people
    rules = (pools.RuleRow("no_follow_up", 15, (("A", 30),)), pools.RuleRow("not_won", 90))
    data = pools.PoolInput(
        name="金融行业公海", member_team_ids=(p.rep_n1.team_id,), admin_ids=(p.manager_n.id,),
        industries=("金融",), rules=rules,
    )  # fmt: skip
    with pytest.raises(PermissionDenied), db.writing() as s:
        pools.save_pool(s, p.rep_n1, None, data, NOW)
    pool_id = db.write(lambda s: pools.save_pool(s, p.admin, None, data, NOW)).value
    with db.reading() as s:
        row = pools.get_pool(s, pool_id)
        assert [x.id for x in pools.pools_for(s, p.rep_n2)] == [pool_id]  # North by team
        assert pools.pools_for(s, p.rep_s1) == []  # South is not a member
    assert (row.name, row.industries, row.admin_ids) == (
        "金融行业公海",
        ("金融",),
        (p.manager_n.id,),
    )
    assert [(r.kind, r.days, r.days_for("A"), r.days_for("B")) for r in row.rules] == [
        ("no_follow_up", 15, 30, 15), ("not_won", 90, 90, 90)]  # fmt: skip
    # the pool's admin edits its rules; a stale version is a conflict naming who saved
    changed = pools.PoolInput(**{**data.__dict__, "rules": (pools.RuleRow("not_won", 60),)})
    db.write(lambda s: pools.save_pool(s, p.manager_n, pool_id, changed, NOW, row.version))
    with pytest.raises(Exception) as info, db.writing() as s:
        pools.save_pool(s, p.admin, pool_id, data, NOW, row.version)
    assert info.value.code == "conflict" and info.value.params["by"] == p.manager_n.name
    with pytest.raises(PermissionDenied), db.writing() as s:
        pools.save_pool(s, p.rep_n1, pool_id, data, NOW)


# ---------------------------------------------------------------- claim


def test_claim_takes_the_customer_with_an_event_and_its_history(db, people):
    p = people
    pool_id = make_pool(db, p.admin)
    (cid,) = pool_customers(db, pool_id, 1, released_by=p.rep_s1.id, entered=NOW - timedelta(9))
    result = claim(db, p.rep_n1, pool_id, [cid])
    assert result == actions.ClaimResult((cid,), ())
    assert owners(db, [cid]) == {cid: (p.rep_n1.id, None)}
    assert events(db) == [(cid, "claimed", None, p.rep_n1.id, "", "", pool_id)]
    with db.reading() as s:
        c = s.get(Customer, cid)
        assert (c.received_at, c.team_id, c.pool_entered_at) == (NOW, p.rep_n1.team_id, None)
        assert c.owner_sort == s.scalar(select(User.name_sort).where(User.id == p.rep_n1.id))
        told = s.execute(select(Notification.user_id, Notification.kind, Notification.detail))
        assert [tuple(t) for t in told] == [(p.rep_s1.id, "claimed", p.rep_n1.name)]


def test_each_refusal_says_why_with_its_numbers(db, people):
    p = people
    with db.writing() as s:
        s.execute(update(Team).where(Team.id == p.rep_n1.team_id).values(customer_cap=3))
    pool_id = make_pool(db, p.admin, daily_claim_cap=2, cooldown_days=7, protect_days=2)
    owned_customers(db, p.rep_n1, 1)
    fresh = pool_customers(db, pool_id, 1, entered=NOW - timedelta(days=1))  # protected
    mine = pool_customers(db, pool_id, 1, released_by=p.rep_n1.id, entered=NOW - timedelta(3))
    free = pool_customers(db, pool_id, 4)
    result = claim(db, p.rep_n1, pool_id, [*fresh, *mine, *free])
    assert result.claimed == tuple(free[:2])
    refused = {r.customer_id: (r.code, r.params) for r in result.refused}
    assert refused[fresh[0]] == ("protected", {"until": NOW + timedelta(days=1)})
    assert refused[mine[0]] == ("cooldown", {"until": NOW + timedelta(days=4)})
    # what the rep owns with what this claim took: 1 + 2 claimed = 3 of 3
    assert refused[free[2]] == ("cap_reached", {"owned": 3, "cap": 3})
    # the cap made room? the daily cap still holds: 2 of 2 today
    with db.writing() as s:
        s.execute(update(User).where(User.id == p.rep_n1.id).values(customer_cap=100))
    again = claim(db, p.rep_n1, pool_id, [free[3]])
    assert again.refused == (actions.Refusal(free[3], "daily_cap"),)
    assert again.refused[0].params == {"claimed": 2, "cap": 2}
    assert claim(db, p.rep_n1, pool_id, [free[3]], NOW + timedelta(days=1)).claimed == (free[3],)
    # a colleague comes second: told who has it
    late = claim(db, p.rep_n2, pool_id, [free[0]])
    assert (late.claimed, late.refused[0].code) == ((), "taken")
    assert late.refused[0].params == {"by": p.rep_n1.name}
    # the pool's admin is not held by protection
    assert claim(db, p.admin, pool_id, fresh).claimed == tuple(fresh)


def test_who_may_claim_from_a_pool(db, people):
    p = people
    data = pools.PoolInput(name="北区公海", member_team_ids=(p.rep_n1.team_id,))
    pool_id = db.write(lambda s: pools.save_pool(s, p.admin, None, data, NOW)).value
    ids = pool_customers(db, pool_id, 2)
    with pytest.raises(NotFound):  # not a member: the pool does not exist for them
        claim(db, p.rep_s1, pool_id, ids)
    with pytest.raises(ValidationFailed):
        claim(db, p.rep_n1, pool_id, [])
    disabled = pools.PoolInput(**{**data.__dict__, "enabled": False})
    db.write(lambda s: pools.save_pool(s, p.admin, pool_id, disabled, NOW))
    with pytest.raises(NotFound):
        claim(db, p.rep_n1, pool_id, ids)
    assert owners(db, ids) == {i: (None, pool_id) for i in ids}


# ---------------------------------------------------------------- release, assign, move, lock


def test_release_needs_a_reason_and_sends_the_customer_to_its_pool(db, people):
    p = people
    first = make_pool(db, p.admin)  # open to everyone
    ids = owned_customers(db, p.rep_n1, 2)

    def release(code, text, actor=p.rep_n1, pool_id=None):
        return db.write(lambda s: actions.release(s, actor, ids, code, text, NOW, pool_id)).value

    wrong = [("", "", ("reason", "required")), ("bogus", "", ("reason", "invalid")),
             ("other", " ", ("reason_text", "required"))]  # fmt: skip
    for code, text, error in wrong:
        with pytest.raises(ValidationFailed) as info:
            release(code, text)
        assert error in info.value.params["errors"]
    with pytest.raises(NotFound):  # a colleague's customers
        release("unreachable", "", actor=p.rep_s1)
    assert release("unreachable", "电话一直打不通") == 2
    assert owners(db, ids) == {i: (None, first) for i in ids}  # everyone's pool, first by position
    assert events(db, "released") == [
        (i, "released", p.rep_n1.id, None, "unreachable", "电话一直打不通", first) for i in ids
    ]
    with db.reading() as s:
        c = s.get(Customer, ids[0])
        assert (c.released_by_id, c.release_code, c.pool_entered_at) == (
            p.rep_n1.id,
            "unreachable",
            NOW,
        )
    with pytest.raises(ValidationFailed):  # already in the pool
        db.write(lambda s: actions.release(s, p.admin, ids, "no_need", "", NOW))


def test_a_pool_admin_assigns_within_the_receivers_cap_and_tells_them(db, people):
    p = people
    data = pools.PoolInput(name="北区公海", everyone=True, admin_ids=(p.manager_n.id,))
    pool_id = db.write(lambda s: pools.save_pool(s, p.admin, None, data, NOW)).value
    with db.writing() as s:
        s.execute(update(User).where(User.id == p.rep_n2.id).values(customer_cap=2))
    ids = pool_customers(db, pool_id, 3, entered=NOW)  # protection and cooldown are waived

    def assign(actor, to):
        return db.write(lambda s: actions.assign_from_pool(s, actor, pool_id, ids, to, NOW)).value

    with pytest.raises(PermissionDenied):
        assign(p.rep_n1, p.rep_n2.id)
    result = assign(p.manager_n, p.rep_n2.id)
    assert result.claimed == tuple(ids[:2])
    assert result.refused == (actions.Refusal(ids[2], "cap_reached"),)
    assert [e[1:4] for e in events(db)] == [("assigned", None, p.rep_n2.id)] * 2
    with db.reading() as s:
        note = s.execute(select(Notification.user_id, Notification.kind, Notification.count)).all()
    assert [tuple(n) for n in note] == [(p.rep_n2.id, "assigned", 2)]


def test_a_pool_admin_never_hands_customers_to_finance(db, people):
    """Finance sees no customer page: a pool's admin is not offered them, and is refused."""
    from crmdesk.models import pool_list

    p = people
    data = pools.PoolInput(name="北区公海", everyone=True, admin_ids=(p.manager_n.id,))
    pool_id = db.write(lambda s: pools.save_pool(s, p.admin, None, data, NOW)).value
    with db.writing() as s:
        clerk = User(name="Fay Finance", login="fin", role="finance", team_id=p.rep_n1.team_id,
                     active=True, created_at=NOW)  # fmt: skip
        s.add(clerk)
        s.flush()
        clerk_id = clerk.id
    ids = pool_customers(db, pool_id, 2, entered=NOW)
    members = db.read(lambda s: pool_list.pool_members(s, p.manager_n, pool_id))
    assert p.rep_n1.id in {u.id for u in members} and clerk_id not in {u.id for u in members}
    with pytest.raises(PermissionDenied) as refused:
        db.write(lambda s: actions.assign_from_pool(s, p.manager_n, pool_id, ids, clerk_id, NOW))
    assert refused.value.code == "not_seller"
    assert owners(db, ids) == {i: (None, pool_id) for i in ids} and events(db) == []


def test_move_between_pools_and_lock_within_the_locked_cap(db, people):
    p = people
    a = make_pool(db, p.admin, name="甲")
    b = make_pool(db, p.admin, name="乙")
    ids = pool_customers(db, a, 2)
    with pytest.raises(PermissionDenied):
        db.write(lambda s: actions.move_to_pool(s, p.rep_n1, a, ids, b, NOW))
    assert db.write(lambda s: actions.move_to_pool(s, p.admin, a, ids, b, NOW)).value == 2
    assert owners(db, ids) == {i: (None, b) for i in ids}
    assert [e[1] for e in events(db)] == ["moved", "moved"]

    mine = owned_customers(db, p.rep_n1, 3)
    with db.writing() as s:
        s.execute(update(User).where(User.id == p.rep_n1.id).values(locked_cap=2))
    lock = lambda ids_, on=True: db.write(  # noqa: E731
        lambda s: actions.set_locked(s, p.rep_n1, ids_, on, NOW)).value  # fmt: skip
    with pytest.raises(ValidationFailed) as info:
        lock(mine)
    assert info.value.params["limits"] == {"locked": 2}
    assert lock(mine[:2]) == 2 and lock(mine[:2]) == 0  # already locked: nothing changes
    assert lock(mine[:1], False) == 1
    kinds = [(e[0], e[1], e[2], e[3]) for e in events(db) if e[1] in ("locked", "unlocked")]
    rep = p.rep_n1.id
    assert kinds == [(mine[0], "locked", rep, rep), (mine[1], "locked", rep, rep),
                     (mine[0], "unlocked", rep, rep)]  # fmt: skip


def test_capacity_counts_won_customers_unless_told_not_to(db, people):
    from crmdesk.models.schema import Setting

    p = people
    owned_customers(db, p.rep_n1, 2)
    owned_customers(db, p.rep_n1, 1, status="customer")
    with db.reading() as s:
        assert pools.capacity(s, p.rep_n1.id).owned == 3
    with db.writing() as s:
        s.add(Setting(key=pools.COUNT_WON_SETTING, value="0"))
    with db.reading() as s:
        assert pools.capacity(s, p.rep_n1.id).owned == 2
        assert get_user(s, p.rep_n1.id).active


# ---------------------------------------------------------------- claims racing


def test_racing_claims_never_double_own_or_pass_a_cap(db, people):
    """8 clients (each its own engine), two per rep, claim at once, one customer a claim: a
    rep's two clients work on different halves of the pool (so only the rep's own lock keeps
    them under the cap of 5), and every rep wants the same customers (so claims collide). No
    customer owned twice, no cap passed, one event per claim, and every loser told why."""
    import random
    import threading

    from crmdesk.models.database import open_database

    p = people
    reps = [p.rep_n1, p.rep_n2, p.rep_s1, p.manager_s]
    with db.writing() as s:
        s.execute(update(User).where(User.id.in_([r.id for r in reps])).values(customer_cap=5))
    pool_id = make_pool(db, p.admin, daily_claim_cap=1000, cooldown_days=0)
    ids = pool_customers(db, pool_id, 40)
    halves = [ids[:20], ids[20:]]
    url = db.engine.url.render_as_string(hide_password=False)
    outcomes: list[tuple[int, actions.ClaimResult]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def client(rep, half: list[int], seed: int) -> None:
        mine = open_database(url)
        wanted = random.Random(seed).sample(half, len(half))
        try:
            start.wait()
            for cid in wanted:
                result = mine.write(lambda s, c=cid: actions.claim(s, rep, pool_id, [c], NOW, NOW))
                outcomes.append((rep.id, result.value))
        except BaseException as exc:
            errors.append(exc)
        finally:
            mine.close()

    threads = [
        threading.Thread(target=client, args=(reps[i % 4], halves[i // 4], i)) for i in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    final = owners(db, ids)
    held: dict[int, int] = {}
    for owner, pool in final.values():
        assert (owner is None) != (pool is None)
        if owner:
            held[owner] = held.get(owner, 0) + 1
    assert held == {r.id: 5 for r in reps}  # each filled up, none past the cap
    claimed = [(e[0], e[3]) for e in events(db, "claimed")]
    assert len(claimed) == len({c for c, _o in claimed})  # one claim each: nobody took one twice
    assert {c: o for c, o in claimed} == {c: o for c, (o, _p) in final.items() if o}
    said = {r.code for _rep, res in outcomes for r in res.refused}
    assert said == {"taken", "cap_reached"}
    assert sum(len(res.claimed) for _rep, res in outcomes) == len(claimed) == 20


def test_a_transfer_respects_the_receivers_cap(db, people):
    from crmdesk.models.workspace import Workspace

    p = people
    make_pool(db, p.admin)
    with db.writing() as s:
        s.execute(update(Team).where(Team.id == p.rep_n2.team_id).values(customer_cap=3))
    owned_customers(db, p.rep_n2, 1)
    mine = owned_customers(db, p.rep_n1, 5)
    manager = Workspace(db, p.manager_n, clock=lambda: NOW)
    result = manager.assign_customers(mine, p.rep_n2.id, "rebalance", "").value
    assert (result.changed, result.skipped) == (2, 3)  # 1 owned + 2 = the cap of 3
    now_owned = owners(db, mine)
    assert [now_owned[c][0] for c in mine] == [p.rep_n2.id] * 2 + [p.rep_n1.id] * 3
    assert len(events(db, "transferred")) == 2
    again = manager.assign_customers(mine, p.rep_n2.id, "rebalance", "").value
    assert (again.changed, again.skipped) == (0, 3)


def test_won_customers_fit_a_transfer_where_they_do_not_count_toward_a_cap(db, people):
    from crmdesk.models.pool_admin import save_caps
    from crmdesk.models.workspace import Workspace

    p = people
    make_pool(db, p.admin)
    with db.writing() as s:
        save_caps(s, p.admin, {p.rep_n2.team_id: (1, None)}, {}, count_won=False, now=NOW)
    won = owned_customers(db, p.rep_n1, 2, status="customer")
    leads = owned_customers(db, p.rep_n1, 2, status="lead")  # after the won ones, by id
    manager = Workspace(db, p.manager_n, clock=lambda: NOW)
    result = manager.assign_customers(won + leads, p.rep_n2.id, "rebalance", "").value
    assert (result.changed, result.skipped) == (3, 1)  # both won ones, and one lead: 1 of 1
    assert {c for c, (o, _p) in owners(db, won + leads).items() if o == p.rep_n2.id} == {
        *won, leads[0]}  # fmt: skip
