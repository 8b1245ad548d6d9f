"""A customer's collaborators (models/collaborators.py, policy.py) on SQLite, PostgreSQL and
MariaDB: who may add and remove them, what a collaborator sees and may do, who hears of a
follow-up, and when collaborators go (the customer to a pool, a colleague deactivated)."""

from __future__ import annotations

import pytest
from helpers import NOW
from sqlalchemy import select, update
from test_pool import make_pool

from crmdesk.models import collaborators, policy
from crmdesk.models import pool_actions as actions
from crmdesk.models.collaborators import CollaboratorRefused
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.customers import CustomerInput
from crmdesk.models.errors import NotFound, PermissionDenied
from crmdesk.models.follow_ups import FollowUpInput
from crmdesk.models.schema import Customer, Notification, User
from crmdesk.models.schema_team import Collaborator
from crmdesk.models.workspace import Workspace


def ws(db, actor):
    return Workspace(db, actor, clock=lambda: NOW)


@pytest.fixture
def shared(db, people):
    """A customer of rep_n1 (team North), and one of rep_s1 (South)."""
    admin = ws(db, people.admin)
    north = admin.create_customer(CustomerInput(name="共享客户"), owner_id=people.rep_n1.id)
    south = admin.create_customer(CustomerInput(name="南方客户"), owner_id=people.rep_s1.id)
    return north.value, south.value


def names(db, actor, scope="all") -> set[str]:
    rows = ws(db, actor).list_customers(CustomerQuery(scope=scope), 0, 100)
    return {r.name for r in rows}


def notices(db, kind: str) -> list[tuple]:
    with db.reading() as s:
        stmt = (
            select(Notification.user_id, Notification.customer_id, Notification.detail)
            .where(Notification.kind == kind)
            .order_by(Notification.user_id)
        )
        return [tuple(r) for r in s.execute(stmt)]


def test_the_owner_shares_and_the_colleague_sees_it_and_is_told(db, people, shared):
    north, _south = shared
    rep_s1 = ws(db, people.rep_s1)
    assert "共享客户" not in names(db, people.rep_s1)
    with pytest.raises(NotFound):
        rep_s1.customer_card(north)

    result = ws(db, people.rep_n1).add_collaborator(north, people.rep_s1.id)
    assert result.value is True and north in result.change.customer_ids
    assert notices(db, "collaborator") == [(people.rep_s1.id, north, people.rep_n1.name)]
    # the list's "all I can see" and "shared with me"; not "my customers"
    assert names(db, people.rep_s1) == {"共享客户", "南方客户"}
    assert names(db, people.rep_s1, "shared") == {"共享客户"}
    assert names(db, people.rep_s1, "mine") == {"南方客户"}
    assert ws(db, people.rep_s1).count_customers(CustomerQuery(scope="shared")) == 1
    card = rep_s1.customer_card(north)
    assert card.detail.data.name == "共享客户" and card.detail.editable is False
    listed = rep_s1.collaborators(north)
    assert [r.name for r in listed.rows] == [people.rep_s1.name]
    assert listed.rows[0].team_name == "South" and listed.rows[0].added_by_name == "张伟"
    assert listed.is_collaborator and not listed.may_change
    assert ws(db, people.rep_n1).collaborators(north).may_change
    # a second add changes nothing and tells nobody again
    assert ws(db, people.rep_n1).add_collaborator(north, people.rep_s1.id).value is False
    assert len(notices(db, "collaborator")) == 1
    # nobody else sees it
    assert "共享客户" not in names(db, people.rep_n2, "shared")
    assert "共享客户" not in names(db, people.manager_s)


def test_a_collaborator_logs_follow_ups_and_edits_nothing_else(db, people, shared):
    north, _south = shared
    ws(db, people.rep_n1).add_collaborator(north, people.rep_s1.id)
    ws(db, people.rep_n1).add_collaborator(north, people.rep_n2.id)
    rep_s1 = ws(db, people.rep_s1)
    rep_s1.add_follow_up(north, FollowUpInput("call", "我也打了个电话", NOW))
    # the owner and the other collaborator hear of it; the author does not
    told = notices(db, "shared_follow_up")
    assert sorted(told) == sorted(
        [(people.rep_n1.id, north, "owner:李娜"), (people.rep_n2.id, north, "shared:李娜")]
    )  # the owner's says it is theirs (today_words: "on your customer")
    assert rep_s1.customer_card(north).follow_ups[0].content == "我也打了个电话"

    base = rep_s1.customer(north)
    with pytest.raises(PermissionDenied):
        rep_s1.update_customer(north, CustomerInput(name="改名"), base)
    with pytest.raises(PermissionDenied):  # nor adds colleagues of their own
        rep_s1.add_collaborator(north, people.manager_s.id)
    with pytest.raises(PermissionDenied):  # nor removes the others
        rep_s1.remove_collaborator(north, people.rep_n2.id)
    deleted = rep_s1.delete_customers([north])  # bulk actions skip what one may not edit
    assert deleted.value.changed == 0
    with db.reading() as s:
        assert s.get(Customer, north).deleted_at is None
    make_pool(db, people.admin)  # the release reasons
    with pytest.raises(PermissionDenied):  # release: only the owner's side (seen, not theirs)
        db.write(lambda s: actions.release(s, people.rep_s1, [north], "no_need", "", NOW))


def test_an_unshared_customer_stays_quiet_and_the_owners_follow_up_tells_collaborators(
    db, people, shared
):
    north, south = shared
    ws(db, people.rep_s1).add_follow_up(south, FollowUpInput("call", "自己的客户", NOW))
    ws(db, people.manager_n).add_follow_up(north, FollowUpInput("call", "经理跟进", NOW))
    assert notices(db, "shared_follow_up") == []  # nothing shared: as before
    ws(db, people.manager_n).add_collaborator(north, people.rep_s1.id)  # the owner's manager
    ws(db, people.rep_n1).add_follow_up(north, FollowUpInput("visit", "拜访", NOW))
    assert notices(db, "shared_follow_up") == [(people.rep_s1.id, north, "shared:张伟")]


def test_who_may_add_and_remove(db, people, shared):
    north, _south = shared
    with pytest.raises(NotFound):  # another team's manager does not even see it
        ws(db, people.manager_s).add_collaborator(north, people.rep_s1.id)
    with pytest.raises(NotFound):
        ws(db, people.rep_n2).add_collaborator(north, people.rep_n2.id)
    with pytest.raises(CollaboratorRefused) as refused:
        ws(db, people.rep_n1).add_collaborator(north, people.rep_n1.id)
    assert refused.value.params["reason"] == "is_owner"
    with db.writing() as s:
        s.execute(update(User).where(User.id == people.rep_n2.id).values(active=False))
    with pytest.raises(CollaboratorRefused) as refused:
        ws(db, people.admin).add_collaborator(north, people.rep_n2.id)
    assert refused.value.params["reason"] == "inactive"
    with pytest.raises(NotFound):
        ws(db, people.admin).add_collaborator(north, 987654)

    ws(db, people.admin).add_collaborator(north, people.rep_s1.id)
    ws(db, people.admin).add_collaborator(north, people.manager_s.id)
    assert ws(db, people.rep_s1).remove_collaborator(north, people.rep_s1.id).value is True
    with pytest.raises(NotFound):  # gone: it is hidden again
        ws(db, people.rep_s1).customer_card(north)
    assert ws(db, people.rep_n1).remove_collaborator(north, people.manager_s.id).value is True
    assert ws(db, people.rep_n1).remove_collaborator(north, people.manager_s.id).value is False
    assert ws(db, people.rep_n1).collaborators(north).rows == ()


def test_too_many_collaborators_are_refused(db, people, shared):
    north, _south = shared
    with db.writing() as s:
        users = [
            User(name=f"同事{i}", login=f"c{i}", role="rep", active=True, created_at=NOW)
            for i in range(collaborators.MAX_COLLABORATORS + 1)
        ]
        s.add_all(users)
        s.flush()
        ids = [u.id for u in users]
    owner = ws(db, people.rep_n1)
    for user_id in ids[:-1]:
        owner.add_collaborator(north, user_id)
    with pytest.raises(CollaboratorRefused) as refused:
        owner.add_collaborator(north, ids[-1])
    assert refused.value.params == {"reason": "too_many", "limit": 20}


def test_collaborators_go_when_the_customer_goes_to_a_pool(db, people, shared):
    north, _south = shared
    make_pool(db, people.admin)
    ws(db, people.rep_n1).add_collaborator(north, people.rep_s1.id)
    db.write(lambda s: actions.release(s, people.rep_n1, [north], "no_need", "", NOW))
    with db.reading() as s:
        assert s.scalars(select(Collaborator.user_id)).all() == []
    assert names(db, people.rep_s1, "shared") == set()
    with pytest.raises(CollaboratorRefused) as refused:  # in a pool: claim it first
        ws(db, people.admin).add_collaborator(north, people.rep_s1.id)
    assert refused.value.params["reason"] == "in_pool"


def test_a_stale_row_on_a_pooled_customer_shows_nothing(db, people, shared):
    """Whatever path put the customer in a pool, its collaborators see it no longer."""
    north, _south = shared
    pool_id = make_pool(db, people.admin, everyone=False, member_user_ids=(people.rep_n1.id,))
    ws(db, people.rep_n1).add_collaborator(north, people.rep_s1.id)
    with db.writing() as s:
        s.execute(
            update(Customer)
            .where(Customer.id == north)
            .values(owner_id=None, team_id=None, pool_id=pool_id, pool_entered_at=NOW)
        )
    assert names(db, people.rep_s1) == {"南方客户"}
    with pytest.raises(NotFound):
        ws(db, people.rep_s1).customer_card(north)
    with pytest.raises(NotFound):
        ws(db, people.rep_s1).add_follow_up(north, FollowUpInput("call", "x", NOW))


def test_forget_user_and_the_shared_condition_agrees_with_the_row_check(db, people, shared):
    north, south = shared
    ws(db, people.rep_n1).add_collaborator(north, people.rep_s1.id)
    ws(db, people.rep_s1).add_collaborator(south, people.rep_n1.id)
    with db.reading() as s:
        for actor in (people.rep_n1, people.rep_s1, people.rep_n2, people.admin):
            condition = policy.shared_condition(s, actor)
            by_sql = (
                set() if condition is None else set(s.scalars(select(Customer.id).where(condition)))
            )
            by_row = {c for c in (north, south) if policy.is_collaborator(s, actor, c)}
            assert by_sql == by_row, actor.login
    with db.writing() as s:
        collaborators.forget_user(s, people.rep_s1.id)
    with db.reading() as s:
        assert s.scalars(select(Collaborator.customer_id)).all() == [south]


def test_many_shares_go_through_the_subquery(db, people, monkeypatch):
    monkeypatch.setattr(policy, "SHARED_INLINE", 2)
    admin = ws(db, people.admin)
    ids = [
        admin.create_customer(CustomerInput(name=f"客户{i}"), owner_id=people.rep_n1.id).value
        for i in range(4)
    ]
    for cid in ids[:3]:
        ws(db, people.rep_n1).add_collaborator(cid, people.rep_s1.id)
    assert names(db, people.rep_s1, "shared") == {"客户0", "客户1", "客户2"}
    assert ws(db, people.rep_s1).count_customers(CustomerQuery(scope="shared")) == 3


def test_a_customer_handed_to_its_collaborator_lists_them_no_more(db, people, shared):
    north, _south = shared
    make_pool(db, people.admin)  # the transfer reasons
    ws(db, people.rep_n1).add_collaborator(north, people.rep_s1.id)
    ws(db, people.rep_n1).add_collaborator(north, people.rep_n2.id)
    ws(db, people.admin).assign_customers([north], people.rep_s1.id, "rebalance", "")
    rows = ws(db, people.rep_s1).collaborators(north).rows
    assert [r.user_id for r in rows] == [people.rep_n2.id]
    assert ws(db, people.rep_s1).customer_card(north).detail.editable  # theirs now


def test_pages_of_owned_and_shared_customers_interleave_in_the_lists_order(db, people):
    """Two parts (customer_list._parts): every page, the far half read from the end too, is
    the slice of the whole list; a share the actor sees anyway is counted once."""
    from datetime import timedelta

    admin = ws(db, people.admin)
    ids = []
    for i in range(8):  # even: rep_n2's own; odd: rep_s1's, shared with rep_n2
        owner = people.rep_n2 if i % 2 == 0 else people.rep_s1
        ids.append(admin.create_customer(CustomerInput(name=f"客户{i}"), owner_id=owner.id).value)
    with db.writing() as s:
        for i, cid in enumerate(ids):
            at = NOW - timedelta(hours=i)
            s.execute(update(Customer).where(Customer.id == cid).values(updated_at=at))
    for cid in ids[1::2]:
        ws(db, people.rep_s1).add_collaborator(cid, people.rep_n2.id)
    ws(db, people.rep_n2).add_collaborator(ids[0], people.manager_n.id)  # seen by team anyway
    rep = ws(db, people.rep_n2)
    query = CustomerQuery(scope="all")
    assert rep.count_customers(query) == 8 and rep.count_customers(query, exact=True) == 8
    whole = [r.id for r in rep.list_customers(query, 0, 100)]
    assert whole == ids  # newest first
    for offset in range(0, 8, 3):
        page = [r.id for r in rep.list_customers(query, offset, 3, total=8)]
        assert page == whole[offset : offset + 3], offset
    by_name = CustomerQuery(scope="all", sort="name", descending=False)
    assert [r.name for r in rep.list_customers(by_name, 2, 3)] == ["客户2", "客户3", "客户4"]
    manager = ws(db, people.manager_n)
    assert manager.count_customers(query) == len(manager.list_customers(query, 0, 100))


def _rows_of(db, user_id: int) -> list[int]:
    with db.reading() as s:
        stmt = select(Collaborator.customer_id).where(Collaborator.user_id == user_id)
        return list(s.scalars(stmt))


def _gone_for(db, user, customer_id: int) -> None:
    """The customer is out of this user's reach: not listed, no card, no follow-up."""
    assert "共享客户" not in names(db, user) | names(db, user, "shared")
    with pytest.raises(NotFound):
        ws(db, user).customer_card(customer_id)
    with pytest.raises(NotFound):
        ws(db, user).add_follow_up(customer_id, FollowUpInput("call", "x", NOW))


def test_a_bulk_transfer_away_from_a_former_collaborator_takes_the_customer_from_them(
    db, people, shared
):
    north, _south = shared
    make_pool(db, people.admin)  # the transfer reasons
    admin = ws(db, people.admin)
    ws(db, people.rep_n1).add_collaborator(north, people.rep_s1.id)
    admin.assign_customers([north], people.rep_s1.id, "rebalance", "")
    assert _rows_of(db, people.rep_s1.id) == []  # the owner's own row went with the handover
    admin.assign_customers([north], people.rep_n2.id, "rebalance", "")  # meant to take it away
    _gone_for(db, people.rep_s1, north)
    assert ws(db, people.rep_n2).customer_card(north).detail.editable


def test_a_deactivations_transfer_to_a_collaborator_drops_their_row(db, people, shared):
    from crmdesk.models.user_admin import Handover

    north, _south = shared
    make_pool(db, people.admin)
    admin = ws(db, people.admin)
    ws(db, people.rep_n1).add_collaborator(north, people.rep_n2.id)
    ws(db, people.rep_n1).add_collaborator(north, people.rep_s1.id)
    admin.deactivate_user(people.rep_n1.id, Handover(to_user_id=people.rep_n2.id))
    assert _rows_of(db, people.rep_n2.id) == [] and _rows_of(db, people.rep_s1.id) == [north]
    admin.assign_customers([north], people.manager_s.id, "rebalance", "")
    _gone_for(db, people.rep_n2, north)


def test_a_claim_or_an_assignment_from_a_pool_leaves_the_new_owner_no_row(db, people, shared):
    """A row left on a pooled customer by any path (release and recycle remove them) goes when
    the customer is claimed or assigned from the pool."""
    north, south = shared
    pool_id = make_pool(db, people.admin)
    admin = ws(db, people.admin)
    with db.writing() as s:
        s.execute(
            update(Customer)
            .where(Customer.id.in_([north, south]))
            .values(owner_id=None, team_id=None, owner_sort="", pool_id=pool_id,
                    pool_entered_at=NOW)
        )  # fmt: skip
        for customer_id, user in ((north, people.rep_n2), (south, people.rep_s1)):
            s.add(Collaborator(customer_id=customer_id, user_id=user.id,
                               added_by_id=people.admin.id, added_at=NOW))  # fmt: skip
    assert ws(db, people.rep_n2).claim(pool_id, [north]).value.claimed == (north,)
    assert admin.assign_from_pool(pool_id, [south], people.rep_s1.id).value.claimed == (south,)
    assert _rows_of(db, people.rep_n2.id) == [] and _rows_of(db, people.rep_s1.id) == []
    admin.assign_customers([north], people.rep_n1.id, "rebalance", "")
    _gone_for(db, people.rep_n2, north)
