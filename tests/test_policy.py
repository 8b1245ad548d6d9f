"""Who may see and do what (models/policy.py), on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select, update

from crmdesk.models import customer_list, policy
from crmdesk.models.contacts import ContactInput
from crmdesk.models.customer_card import read_card
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.customers import CustomerInput
from crmdesk.models.errors import NotFound, PermissionDenied
from crmdesk.models.follow_ups import FollowUpInput
from crmdesk.models.schema import Customer, User
from crmdesk.models.workspace import Workspace


def ws(db, actor, now):
    return Workspace(db, actor, clock=lambda: now)


@pytest.fixture
def book(db, people, now):
    """One customer per rep (and the admin), each with an industry of its own."""
    ids = {}
    for login in ("rep_n1", "rep_n2", "rep_s1", "admin"):
        actor = getattr(people, login)
        ids[login] = (
            ws(db, people.admin, now)
            .create_customer(
                CustomerInput(name=f"客户-{login}", industry=f"行业-{login}"), owner_id=actor.id
            )
            .value
        )
    return ids


def test_sql_conditions_and_row_checks_agree(db, people, book, now):
    actors = [getattr(people, n) for n in ("admin", "manager_n", "rep_n1", "rep_n2", "rep_s1")]
    with db.reading() as s:
        rows = s.execute(
            select(Customer.id, Customer.owner_id, User.team_id).outerjoin(
                User, User.id == Customer.owner_id
            )
        ).all()
        for actor in actors:
            by_sql_see = set(s.scalars(select(Customer.id).where(policy.see_condition(actor))))
            by_sql_edit = set(s.scalars(select(Customer.id).where(policy.edit_condition(actor))))
            by_row_see = {i for i, o, t in rows if policy.may_see(actor, o, t)}
            by_row_edit = {i for i, o, t in rows if policy.may_edit(actor, o, t)}
            assert by_sql_see == by_row_see and by_sql_edit == by_row_edit, actor.login
    assert by_row_see == {book["rep_s1"]}  # the last actor, rep_s1, sees their own only


def test_a_hidden_customer_answers_exactly_like_a_missing_one(db, people, book, now):
    rep = ws(db, people.rep_n1, now)

    def errors_for(customer_id: int) -> list:
        found = []
        for attempt in (
            lambda: rep.customer_card(customer_id),
            lambda: rep.add_follow_up(customer_id, FollowUpInput("call", "试探", now)),
            lambda: rep.save_contact(customer_id, None, ContactInput(name="某人")),
        ):
            with pytest.raises(NotFound) as err:
                attempt()
            found.append((type(err.value), err.value.code, sorted(err.value.params)))
        return found

    assert errors_for(book["rep_s1"]) == errors_for(987654)


def test_filter_choices_only_show_what_the_actor_may_see(db, people, book, now):
    ws(db, people.admin, now).create_customer(
        CustomerInput(name="绝密项目", industry="机密行业X", source="内部渠道"),
        owner_id=people.rep_s1.id,
    )
    rep_n1 = ws(db, people.rep_n1, now).filter_choices()
    manager_n = ws(db, people.manager_n, now).filter_choices()
    admin = ws(db, people.admin, now).filter_choices()
    assert rep_n1.industries == ("行业-rep_n1",)
    assert set(manager_n.industries) == {"行业-rep_n1", "行业-rep_n2"}
    assert "机密行业X" in admin.industries and "机密行业X" not in manager_n.industries
    assert "内部渠道" not in manager_n.sources and "内部渠道" in admin.sources


def test_a_deactivated_user_is_stopped_at_the_next_write(db, people, book, now):
    rep = ws(db, people.rep_n1, now)
    rep.change_tag([book["rep_n1"]], "重点", True)
    with db.writing() as s:
        s.execute(update(User).where(User.id == people.rep_n1.id).values(active=False))
    with pytest.raises(PermissionDenied) as err:
        rep.change_tag([book["rep_n1"]], "老客户", True)
    assert err.value.code == "inactive"
    with pytest.raises(PermissionDenied):
        rep.update_customer(
            book["rep_n1"], CustomerInput(name="改名"), rep.customer(book["rep_n1"])
        )


def test_a_changed_role_takes_effect_at_once(db, people, book, now):
    manager = ws(db, people.manager_n, now)
    assert manager.count_customers(CustomerQuery(scope="team")) == 2
    with db.writing() as s:  # demoted to a rep while the program runs
        s.execute(update(User).where(User.id == people.manager_n.id).values(role="rep"))
    result = manager.delete_customers([book["rep_n1"], book["rep_n2"]])
    assert result.value.changed == 0  # a rep may not touch colleagues' customers
    assert manager.actor.role == "rep"
    assert manager.count_customers(CustomerQuery()) == 0


def test_managers_assign_within_their_team_only(db, people, book, now):
    manager = ws(db, people.manager_n, now)
    assert {u.login for u in manager.assignable_users()} == {"manager_n", "rep_n1", "rep_n2"}
    with pytest.raises(PermissionDenied):
        manager.assign_customers([book["rep_n1"]], people.rep_s1.id, "rebalance", "")
    moved = manager.assign_customers([book["rep_n1"]], people.rep_n2.id, "rebalance", "")
    assert moved.value.changed == 1


@pytest.mark.parametrize("login", ["admin", "manager_n"])
def test_an_inactive_admin_or_manager_sees_no_customer(db, people, book, now, login):
    """Active is asked before the role's shortcut: in lists, counts, cards and row checks."""
    actor = getattr(people, login)
    gone = replace(actor, active=False)
    with db.reading() as s:
        assert s.scalars(select(Customer.id).where(policy.see_condition(actor))).all()
        for scope in ("all", "team", "mine"):
            query = CustomerQuery(scope=scope)
            assert customer_list.list_customers(s, gone, query, now) == []
            assert customer_list.count_customers(s, gone, query, now) == 0
        assert s.scalars(select(Customer.id).where(policy.see_condition(gone))).all() == []
        assert s.scalars(select(Customer.id).where(policy.deal_see_condition(gone))).all() == []
        for customer_id in book.values():
            with pytest.raises(NotFound):
                read_card(s, gone, customer_id, now)
        rows = s.execute(select(Customer.owner_id, Customer.team_id)).all()
        assert not any(policy.may_see(gone, o, t) or policy.may_edit(gone, o, t) for o, t in rows)
        assert not policy.may_approve(gone, people.rep_n1.team_id)
        assert policy.assignable_users(s, gone) == [] and policy.list_scopes(gone) == ["mine"]


@pytest.mark.parametrize("login", ["admin", "manager_n"])
def test_a_deactivated_users_reads_are_refused_once_the_actor_is_read_again(
    db, people, book, now, login
):
    """The window's reads (not only its writes) stop: the workspace reads the actor again when
    the one it holds is older than actor_max_age_s (0 here: at the next read)."""
    reader = ws(db, getattr(people, login), now)
    assert reader.count_customers(CustomerQuery()) >= 2
    with db.writing() as s:  # a colleague deactivates them while the window is open
        s.execute(update(User).where(User.id == reader.actor.id).values(active=False))
    assert reader.count_customers(CustomerQuery()) >= 2  # the actor held is a few seconds old
    reader.actor_max_age_s = 0
    for read in (
        lambda: reader.count_customers(CustomerQuery()),
        lambda: reader.list_customers(CustomerQuery(), 0, 100),
        lambda: reader.customer_card(book["rep_n1"]),
        lambda: reader.filter_choices(),
    ):
        with pytest.raises(PermissionDenied) as err:
            read()
        assert err.value.code == "inactive"
    assert not reader.actor.active
    with pytest.raises(PermissionDenied):
        reader.fresh_actor()


def test_a_demoted_admins_reads_narrow_within_the_actor_max_age(db, people, book, now):
    admin = ws(db, people.admin, now)
    assert admin.count_customers(CustomerQuery(scope="all")) == 4
    with db.writing() as s:
        s.execute(update(User).where(User.id == people.admin.id).values(role="rep"))
    admin.actor_max_age_s = 0
    assert admin.count_customers(CustomerQuery(scope="all")) == 1  # their own only
    assert admin.actor.role == "rep" and admin.fresh_actor().role == "rep"
    with pytest.raises(NotFound):
        admin.customer_card(book["rep_n1"])
