"""Users and teams as an admin keeps them, on SQLite, PostgreSQL and MariaDB: creating and
editing users, the last-admin guard, deactivation with a handover to a colleague or a pool
(events, counts, teams, deals), reactivation, teams, and who may do any of it."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from helpers import NOW
from sqlalchemy import func, insert, select

from crmdesk.models import pool as pools
from crmdesk.models.auth import sign_in_db
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.errors import CrmError, PermissionDenied, ValidationFailed
from crmdesk.models.schema import Customer, OwnershipEvent, User
from crmdesk.models.schema_contracts import Contract
from crmdesk.models.schema_deals import Deal
from crmdesk.models.schema_team import Collaborator
from crmdesk.models.user_admin import Handover, UserInput
from crmdesk.models.workspace import Workspace


def ws(db, actor) -> Workspace:
    return Workspace(db, actor, clock=lambda: NOW)


def owned(db, owner, n, **values) -> list[int]:
    rows = [
        {"name": f"客户{i}", "owner_id": owner.id, "team_id": owner.team_id,
         "owner_sort": "x", "created_at": NOW - timedelta(days=40),
         "updated_at": NOW - timedelta(days=3), "received_at": NOW - timedelta(days=30),
         "version": 1, **values}
        for i in range(n)
    ]  # fmt: skip
    with db.writing() as s:
        before = set(s.scalars(select(Customer.id)))
        s.execute(insert(Customer), rows)
        return sorted(set(s.scalars(select(Customer.id))) - before)


def deal(db, pipeline, owner, customer_id, status="open") -> int:
    stage = next(st for st in pipeline.stages if (st.kind == status) or status == "open")
    row = {"customer_id": customer_id, "title": "采购", "amount": Decimal("10"),
           "owner_id": owner.id, "team_id": owner.team_id, "pipeline_id": pipeline.id,
           "stage_id": stage.id, "status": status, "created_at": NOW, "updated_at": NOW,
           "stage_entered_at": NOW, "version": 1}  # fmt: skip
    with db.writing() as s:
        return s.execute(insert(Deal).values(**row)).inserted_primary_key[0]


def column(db, col, *where):
    with db.reading() as s:
        return list(s.execute(select(col).where(*where).order_by(col)).scalars())


# ---------------------------------------------------------------- creating and editing


def test_an_admin_creates_a_user_who_signs_in_and_must_change_the_password(db, people):
    data = UserInput("王 芳", " wangfang ", "rep", people.rep_n1.team_id, 50, None)
    result = ws(db, people.admin).create_user(data, "initial pass")
    assert "users" in result.change.kinds
    user = sign_in_db(db, "WangFang", "initial pass", NOW)
    assert user.id == result.value and user.login == "wangfang"
    assert user.must_change_password and user.team_id == people.rep_n1.team_id
    rows = {r.id: r for r in ws(db, people.admin).users_admin()}
    assert rows[user.id].customer_cap == 50 and rows[user.id].has_password


def test_a_new_user_needs_a_free_login_and_a_fair_password(db, people):
    admin = ws(db, people.admin)
    with pytest.raises(ValidationFailed) as caught:
        admin.create_user(UserInput("Ned Again", "REP_N2", "rep"), "fair password")
    assert caught.value.params["errors"] == [("login", "taken")]
    with pytest.raises(ValidationFailed) as caught:
        admin.create_user(UserInput("", "new_login_x", "boss", None, 0), "New_Login_X")
    errors = caught.value.params["errors"]
    for problem in [("name", "required"), ("role", "invalid"), ("customer_cap", "out_of_range"),
                    ("password", "same_as_login")]:  # fmt: skip
        assert problem in errors


def test_editing_a_user_renames_moves_team_and_sets_caps(db, people):
    ids = owned(db, people.rep_n1, 2)
    south = people.manager_s.team_id
    data = UserInput("Zoe Zhang", "rep_n1", "manager", south, 10, 5)
    result = ws(db, people.admin).update_user(people.rep_n1.id, data)
    assert {"users", "ownership"} <= result.change.kinds
    with db.reading() as s:
        user = s.get(User, people.rep_n1.id)
        assert (user.name, user.role, user.team_id, user.customer_cap) == (
            "Zoe Zhang", "manager", south, 10,
        )  # fmt: skip
        sorts = set(s.scalars(select(Customer.owner_sort).where(Customer.id.in_(ids))))
        teams = set(s.scalars(select(Customer.team_id).where(Customer.id.in_(ids))))
        assert sorts == {user.name_sort} and teams == {south}
    south_list = ws(db, people.manager_s).list_customers(CustomerQuery(scope="team"), 0, 50)
    assert {r.id for r in south_list} == set(ids)


def test_the_last_active_admin_keeps_the_role(db, people):
    admin = ws(db, people.admin)
    demote = UserInput(people.admin.name, people.admin.login, "manager")
    with pytest.raises(CrmError) as caught:
        admin.update_user(people.admin.id, demote)
    assert caught.value.code == "last_admin"
    second = admin.create_user(UserInput("Second Admin", "admin2", "admin"), "second pass").value
    admin.update_user(people.admin.id, demote)  # another admin is left
    with db.reading() as s:
        assert s.get(User, people.admin.id).role == "manager"
    with pytest.raises(PermissionDenied):  # demoted: no more user admin
        admin.update_user(second, UserInput("Second Admin", "admin2", "rep"))


# ---------------------------------------------------------------- reading


def test_the_list_counts_customers_and_open_deals_and_a_manager_reads_their_team(
    db, people, pipeline
):
    ids = owned(db, people.rep_n1, 3)
    owned(db, people.rep_n1, 1, deleted_at=NOW)  # in the recycle bin: not counted
    deal(db, pipeline, people.rep_n1, ids[0])
    deal(db, pipeline, people.rep_n1, ids[1], status="won")
    rows = {r.login: r for r in ws(db, people.admin).users_admin()}
    assert len(rows) == 6
    assert (rows["rep_n1"].customers, rows["rep_n1"].open_deals) == (3, 1)
    assert (rows["rep_n2"].customers, rows["rep_n2"].open_deals) == (0, 0)
    assert rows["rep_n1"].team_name == "North" and rows["rep_n1"].active
    team = {r.login for r in ws(db, people.manager_n).users_admin()}
    assert team == {"manager_n", "rep_n1", "rep_n2"}
    assert ws(db, people.admin).handover_counts(people.rep_n1.id) == (4, 1)
    with pytest.raises(PermissionDenied):
        ws(db, people.rep_n1).users_admin()


# ---------------------------------------------------------------- deactivating


def test_deactivate_with_a_transfer_hands_everything_over_in_one_go(db, people, pipeline):
    leaving, colleague = people.rep_n1, people.rep_s1  # to another team
    ids = owned(db, leaving, 3) + owned(db, leaving, 1, deleted_at=NOW)
    open_deal = deal(db, pipeline, leaving, ids[0])
    won_deal = deal(db, pipeline, leaving, ids[1], status="won")
    with db.writing() as s:
        s.execute(insert(Contract).values(
            customer_id=ids[1], deal_id=won_deal, number="HT-1", title="合同",
            owner_id=leaving.id, team_id=leaving.team_id, status="active", signed_on=NOW.date(),
            amount=Decimal("10"), created_at=NOW, updated_at=NOW, version=1,
        ))  # fmt: skip
        s.execute(insert(Collaborator).values(customer_id=ids[2], user_id=people.rep_n2.id,
                                              added_at=NOW))  # fmt: skip
    admin = ws(db, people.admin)
    result = admin.deactivate_user(leaving.id, Handover(to_user_id=colleague.id))
    assert (result.value.customers, result.value.deals) == (4, 1)
    assert {"ownership", "users", "deals"} <= result.change.kinds
    assert result.change.customer_ids >= set(ids)
    with db.reading() as s:
        rows = s.execute(
            select(Customer.owner_id, Customer.team_id, Customer.owner_sort, Customer.version,
                   Customer.received_at).where(Customer.id.in_(ids))
        ).all()  # fmt: skip
        sort = s.scalar(select(User.name_sort).where(User.id == colleague.id))
        assert {tuple(r) for r in rows} == {(colleague.id, colleague.team_id, sort, 2, NOW)}
        events = s.execute(
            select(OwnershipEvent.customer_id, OwnershipEvent.kind, OwnershipEvent.from_owner_id,
                   OwnershipEvent.to_owner_id, OwnershipEvent.reason_code,
                   OwnershipEvent.actor_id)
        ).all()  # fmt: skip
        assert sorted(tuple(e) for e in events) == [
            (c, "transferred", leaving.id, colleague.id, "handover", people.admin.id) for c in ids
        ]
        deals = dict(s.execute(select(Deal.id, Deal.owner_id)).all())
        assert deals == {open_deal: colleague.id, won_deal: leaving.id}  # won: history
        assert s.scalar(select(Contract.owner_id)) == leaving.id
        assert not s.get(User, leaving.id).active
        assert s.scalar(select(func.count()).select_from(Collaborator)) == 1  # not theirs
    mine = ws(db, colleague).list_customers(CustomerQuery(scope="mine"), 0, 50)
    assert {r.id for r in mine} == set(ids[:3])
    assert ws(db, people.admin).handover_counts(leaving.id) == (0, 0)
    with pytest.raises(PermissionDenied):  # signed out at their next write
        ws(db, leaving).change_password("whatever", "whatever else")


def test_deactivate_with_a_release_puts_the_customers_in_a_pool(db, people, pipeline):
    leaving = people.rep_n1
    with db.writing() as s:
        pools.ensure_defaults(s, NOW, pool=False)
        pool_id = pools.save_pool(
            s, people.admin, None, pools.PoolInput(name="公海", everyone=True), NOW
        )
    ids = owned(db, leaving, 2, locked=True, next_follow_up_at=NOW + timedelta(days=2))
    open_deal = deal(db, pipeline, leaving, ids[0])
    with db.writing() as s:
        s.execute(insert(Collaborator).values(customer_id=ids[0], user_id=people.rep_n2.id,
                                              added_at=NOW))  # fmt: skip
    admin = ws(db, people.admin)
    with pytest.raises(ValidationFailed) as caught:  # the deals need someone
        admin.deactivate_user(leaving.id, Handover(pool_id=pool_id, reason_code="no_need"))
    assert caught.value.params["errors"] == [("deals_to_user", "required")]
    with pytest.raises(ValidationFailed) as caught:
        admin.deactivate_user(leaving.id, Handover(None, pool_id, people.rep_n2.id, reason_code=""))
    assert ("reason", "required") in caught.value.params["errors"]
    handover = Handover(None, pool_id, people.rep_n2.id, "other", "离职")
    result = admin.deactivate_user(leaving.id, handover)
    assert (result.value.customers, result.value.deals) == (2, 1)
    with db.reading() as s:
        rows = s.execute(
            select(Customer.owner_id, Customer.team_id, Customer.pool_id, Customer.released_by_id,
                   Customer.pool_entered_at, Customer.release_code, Customer.locked,
                   Customer.next_follow_up_at).where(Customer.id.in_(ids))
        ).all()  # fmt: skip
        assert {tuple(r) for r in rows} == {
            (None, None, pool_id, leaving.id, NOW, "other", False, None)
        }
        events = s.execute(
            select(OwnershipEvent.kind, OwnershipEvent.from_owner_id, OwnershipEvent.to_owner_id,
                   OwnershipEvent.reason_code, OwnershipEvent.reason_text, OwnershipEvent.pool_id)
        ).all()  # fmt: skip
        assert [tuple(e) for e in events] == [("released", leaving.id, None, "other", "离职",
                                               pool_id)] * 2  # fmt: skip
        assert s.scalar(select(Deal.owner_id).where(Deal.id == open_deal)) == people.rep_n2.id
        assert s.scalar(select(func.count()).select_from(Collaborator)) == 0


def test_a_handover_goes_to_an_active_colleague_who_sells(db, people):
    owned(db, people.rep_n1, 1)
    admin = ws(db, people.admin)
    with pytest.raises(ValidationFailed) as caught:
        admin.deactivate_user(people.rep_n1.id, Handover())
    assert caught.value.params["errors"] == [("to_user", "required")]
    with pytest.raises(ValidationFailed):
        admin.deactivate_user(people.rep_n1.id, Handover(to_user_id=people.rep_n1.id))
    admin.deactivate_user(people.rep_n2.id, Handover())  # nothing to hand over
    with pytest.raises(ValidationFailed) as caught:
        admin.deactivate_user(people.rep_n1.id, Handover(to_user_id=people.rep_n2.id))
    assert caught.value.params["errors"] == [("to_user", "invalid")]
    with pytest.raises(PermissionDenied):
        admin.deactivate_user(people.admin.id, Handover())


def test_reactivated_a_user_works_again_with_nothing_of_before(db, people):
    ids = owned(db, people.rep_n1, 1)
    admin = ws(db, people.admin)
    admin.deactivate_user(people.rep_n1.id, Handover(to_user_id=people.rep_n2.id))
    admin.reset_password(people.rep_n1.id, "back again")
    with pytest.raises(CrmError):
        sign_in_db(db, "rep_n1", "back again", NOW)
    assert "users" in admin.reactivate_user(people.rep_n1.id).change.kinds
    me = sign_in_db(db, "rep_n1", "back again", NOW)
    assert me.active
    assert column(db, Customer.owner_id, Customer.id.in_(ids)) == [people.rep_n2.id]


# ---------------------------------------------------------------- teams


def test_teams_are_created_renamed_capped_and_deleted_only_when_empty(db, people):
    admin = ws(db, people.admin)
    team_id = admin.save_team(None, "West", 100, 10).value
    with pytest.raises(ValidationFailed) as caught:
        admin.save_team(None, "north", None, None)
    assert caught.value.params["errors"] == [("name", "taken")]
    admin.save_team(team_id, "West Coast", None, 20)
    rows = {t.name: t for t in admin.teams_admin()}
    assert (rows["West Coast"].customer_cap, rows["West Coast"].locked_cap) == (None, 20)
    assert (rows["North"].members, rows["North"].all_members) == (3, 3)
    assert rows["West Coast"].members == 0
    with pytest.raises(CrmError) as caught:
        admin.delete_team(people.manager_s.team_id)
    assert (caught.value.code, caught.value.params) == ("team_not_empty", {"members": 2})
    assert "users" in admin.delete_team(team_id).change.kinds
    assert "West Coast" not in {t.name for t in admin.teams_admin()}


# ---------------------------------------------------------------- who may


@pytest.mark.parametrize("who", ["manager_n", "rep_n2"])
def test_reps_and_managers_may_not_administer_users_or_teams(db, people, who):
    them = ws(db, getattr(people, who))
    refused = [
        lambda: them.create_user(UserInput("X Y", "xy", "rep"), "fair password"),
        lambda: them.update_user(people.rep_n1.id, UserInput("X", "rep_n1", "admin")),
        lambda: them.deactivate_user(people.rep_n1.id, Handover(to_user_id=people.rep_n2.id)),
        lambda: them.reactivate_user(people.rep_n1.id),
        lambda: them.handover_counts(people.rep_n1.id),
        lambda: them.save_team(None, "Mine", None, None),
        lambda: them.delete_team(people.rep_n1.team_id),
    ]
    for attempt in refused:
        with pytest.raises(PermissionDenied):
            attempt()
    with db.reading() as s:
        assert s.get(User, people.rep_n1.id).active
        assert s.scalar(select(func.count()).select_from(User)) == 6
