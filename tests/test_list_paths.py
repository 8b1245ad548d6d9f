"""The customer list's fast paths return what the plain query returns, on every backend.

The plain query is written here once, the slow obvious way: visibility through the owner's row
in users, search by LIKE over customer_search.body, the primary contact by two correlated
subqueries. The program instead reads team_id and the primary contact off the customer row and
finds search terms through FTS5 (SQLite), a GIN index (PostgreSQL) or a FULLTEXT index
(MariaDB), taking the matches as an id set or walking the sort index. Each of those paths is
forced in turn and must give the same rows in the same order, and the same counts."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import and_, exists, func, or_, select, true
from sqlalchemy.orm import aliased

from crmdesk.models import customer_list, pinyin, search
from crmdesk.models.contacts import ContactInput, list_contacts, remove_contact, save_contact
from crmdesk.models.customer_list import SCOPES, CustomerQuery, count_customers, list_customers
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.policy import move_to_team
from crmdesk.models.schema import Contact, Customer, CustomerSearch, CustomerTag, Tag, User
from crmdesk.models.workspace import Workspace

WORDS = ["星辰科技", "华信贸易", "科达电子", "云帆网络", "科技服务", "abc制造", "Li Lei", "a1b2"]
PEOPLE = ["王伟", "王小明", "李娜", "张伟伟", "Ann Lee", ""]
TERMS = ["科技", "星辰科技", "科", "王伟", "13812", "138", "12", "812", "li", "a1", "科 有限",
         "ee", "%", "_", "5555", "0571-8", "技服"]  # fmt: skip
SORTS = ["updated_at", "name", "owner", "level", "next_follow_up_at", "created_at"]


@pytest.fixture
def book(db, people, now):
    """~60 customers of every owner (and none), with contacts, phones, a few in the bin."""
    rng = random.Random(3)
    owners = [people.admin, people.manager_n, people.rep_n1, people.rep_n2, people.rep_s1]
    ws = Workspace(db, people.admin, clock=lambda: now)
    ids = []
    for i in range(60):
        contacts = []
        for _ in range(rng.choice((0, 1, 2))):
            mobile = rng.choice(["13812345678", "138-1234-0000", "15900008123", ""])
            phone = rng.choice(["0571-88885555", "", ""])
            name = rng.choice(PEOPLE) or "某人"
            contacts.append(ContactInput(name=name, mobile=mobile, phone=phone))
        data = CustomerInput(name=f"{rng.choice(['北京', '上海'])}{rng.choice(WORDS)}{i:02d}号")
        data = CustomerInput(name=data.name, level=rng.choice("ABC"))
        with db.writing() as s:
            cid = create_customer(
                s, people.admin, data, now - timedelta(hours=i % 7), contacts, rng.choice(owners).id
            )
        ids.append(cid)
    ws.delete_customers(ids[::9])
    return ids


def tags_holding(session, term: str) -> list[str]:
    """The tags in use whose text, full pinyin or initials hold the term, the obvious way."""
    names = session.scalars(select(Tag.name)).all()
    return [n for n in names if any(term in f for f in (n.lower(), *pinyin.search_lines(n)))]


def plain_ids(session, actor, query: CustomerQuery, now) -> list[int]:
    """The list, the obvious way (a term is found in the search text or in a tag's text)."""
    owner = aliased(User)
    where = [Customer.deleted_at.is_(None)]
    if actor.is_admin:
        where.append(true())
    elif actor.is_manager:
        where.append(owner.team_id == actor.team_id)
    else:
        where.append(Customer.owner_id == actor.id)
    for term in search.search_terms(query.search):
        like = CustomerSearch.body.like(search._like_pattern(term), escape="\\")
        held = exists().where(CustomerSearch.customer_id == Customer.id, like)
        tags = tags_holding(session, term)
        if tags:
            carried = exists().where(
                CustomerTag.customer_id == Customer.id, CustomerTag.tag.in_(tags)
            )
            held = or_(held, carried)
        where.append(held)
    order = customer_list._order(query)
    stmt = (
        select(Customer.id)
        .outerjoin(owner, owner.id == Customer.owner_id)
        .where(and_(*where))
        .order_by(*order)
    )
    return list(session.scalars(stmt))


def fast_ids(session, actor, query, now) -> tuple[list[int], int]:
    rows = list_customers(session, actor, query, now, 0, 500)
    return [r.id for r in rows], count_customers(session, actor, query, now)


@pytest.mark.parametrize("path", ["default", "walk", "id set"])
def test_every_fast_path_returns_the_plain_rows_in_the_plain_order(
    db, people, now, book, monkeypatch, path
):
    if path == "walk":  # every term counts as common: the sort index is walked, rows tested
        monkeypatch.setattr(search, "common_threshold", lambda customers, dialect="sqlite": -1)
    elif path == "id set":  # every term counts as rare: the matches drive the query
        monkeypatch.setattr(search, "common_threshold", lambda customers, dialect="sqlite": 10**6)
    actors = [people.admin, people.manager_n, people.rep_n1, people.rep_s1]
    checked = 0
    with db.reading() as s:
        for actor in actors:
            for term in TERMS + [""]:
                for sort in SORTS if term in ("", "科技") else SORTS[:2]:
                    q = CustomerQuery(search=term, sort=sort, descending=sort != "name")
                    expected = plain_ids(s, actor, q, now)
                    got, count = fast_ids(s, actor, q, now)
                    assert got == expected, (actor.login, term, sort)
                    assert count == len(expected), (actor.login, term, sort)
                    checked += len(expected)
    assert checked > 300  # the book is not trivially empty for these queries


# Every 3rd, 4th and 5th customer of the book carries these; 科技客户 holds a text term too.
BOOK_TAGS = {"重点客户": 3, "VIP": 4, "科技客户": 5}
TAG_TERMS = ["重点", "zdkh", "vip", "科技", "客户", "kh", "vip 北京", "重点 科技", "科", "v",
             "没有"]  # fmt: skip


@pytest.mark.parametrize("path", ["default", "walk", "id set", "rare together"])
def test_a_search_held_by_tags_returns_the_plain_rows_on_every_path(
    db, people, now, book, monkeypatch, path
):
    """A term a tag holds finds the text's matches and the tag's customers: walking the sort
    index (rows tested by their tags' rows, and by their text unless no text holds the term),
    or reading both as sets (a rare term), each gives the plain rows in the plain order."""
    ws = Workspace(db, people.admin, clock=lambda: now)
    for tag, step in BOOK_TAGS.items():
        ws.change_tag(book[::step], tag, True)
    threshold = {"walk": -1, "id set": 10**6, "rare together": 12}.get(path)
    if threshold is not None:  # 12: some terms common, some rare, text and tags together
        monkeypatch.setattr(search, "common_threshold", lambda customers, dialect="": threshold)
    checked = 0
    with db.reading() as s:
        assert sorted(tags_holding(s, "kh")) == ["科技客户", "重点客户"]
        for actor in (people.admin, people.manager_n, people.rep_n1):
            for term in TAG_TERMS:
                for sort in SORTS[:3]:
                    q = CustomerQuery(search=term, sort=sort, descending=sort != "name")
                    expected = plain_ids(s, actor, q, now)
                    got, count = fast_ids(s, actor, q, now)
                    assert got == expected, (path, actor.login, term, sort)
                    assert count == len(expected), (path, actor.login, term, sort)
                    checked += len(expected)
    assert checked > 300


def test_two_rare_id_sets_in_one_statement_keep_their_own_ids(db, people, now, book, monkeypatch):
    """dialects.one_of once named its parameter 'one_of' on every call: two id sets in one
    statement (two rare terms a tag holds) shared one value on PostgreSQL and MariaDB."""
    ws = Workspace(db, people.admin, clock=lambda: now)
    ws.change_tag(book[::4], "VIP", True)
    monkeypatch.setattr(search, "common_threshold", lambda customers, dialect="": 10**6)
    with db.reading() as s:
        q = CustomerQuery(search="vip 北京")
        assert fast_ids(s, people.admin, q, now)[0] == plain_ids(s, people.admin, q, now)


def test_the_listed_contact_is_the_primary_one_after_every_contact_change(db, people, now, book):
    a = people.admin
    cid = book[1]
    with db.writing() as s:
        save_contact(s, a, cid, None, ContactInput(name="新主", mobile="18600000001"), now)
        first = list_contacts(s, cid)[0]
        save_contact(s, a, cid, first.id, replace(first.data, is_primary=True), now)
    with db.writing() as s:
        for contact in list_contacts(s, cid)[:1]:
            remove_contact(s, a, cid, contact.id)

    def primary(column):
        return (
            select(column)
            .where(Contact.customer_id == Customer.id)
            .order_by(Contact.is_primary.desc(), Contact.id)
            .limit(1)
            .correlate(Customer)
            .scalar_subquery()
        )

    with db.reading() as s:
        stmt = select(
            Customer.id,
            Customer.contact_name,
            Customer.contact_mobile,
            func.coalesce(primary(Contact.name), ""),
            func.coalesce(primary(Contact.mobile), ""),
        )
        rows = s.execute(stmt).all()
    assert rows and all((r[1], r[2]) == (r[3], r[4]) for r in rows)
    assert any(r[1] for r in rows)


def test_team_id_follows_the_owner_and_the_owners_team(db, people, now, book):
    ws = Workspace(db, people.admin, clock=lambda: now)
    ws.assign_customers(book[:10], people.rep_s1.id, "other", "换人")

    def mismatches():
        with db.reading() as s:
            stmt = (
                select(func.count())
                .select_from(Customer)
                .outerjoin(User, User.id == Customer.owner_id)
            )
            differ = Customer.team_id.is_distinct_from(User.team_id)
            return s.scalar(stmt.where(differ))

    assert mismatches() == 0
    with db.writing() as s:  # rep_n1 moves to the south team
        move_to_team(s, people.rep_n1.id, people.rep_s1.team_id)
    assert mismatches() == 0
    with db.reading() as s:
        moved = [
            r.id
            for r in list_customers(s, people.manager_s, CustomerQuery(), now, 0, 500)
            if r.owner_id == people.rep_n1.id
        ]
    assert moved  # the south manager now sees them, the north one no longer
    with db.reading() as s:
        north = list_customers(s, people.manager_n, CustomerQuery(), now, 0, 500)
    assert not [r for r in north if r.owner_id == people.rep_n1.id]


@given(
    body=st.text(alphabet="科技星辰a1 2-3\n8", max_size=30),
    term=st.text(alphabet="科技星辰a1 2-3\n8", min_size=1, max_size=5),
)
def test_ngrams_never_miss_a_match_and_prove_it_where_they_say_so(body, term):
    tokens = search.term_tokens(term)
    if tokens is None:
        return
    held = set(search.grams(body).split())
    if term in body:
        assert set(tokens[0]) <= held
    if tokens[1] and set(tokens[0]) <= held:
        assert term in body


@pytest.mark.parametrize("path", ["default", "walk"])
def test_a_capped_count_is_exact_below_the_cap_and_says_more_above_it(
    db, people, now, book, monkeypatch, path
):
    if path == "walk":  # every term common: rows tested (MariaDB: in id order, or a rep's ids)
        monkeypatch.setattr(search, "common_threshold", lambda customers, dialect="sqlite": -1)
    actors = [people.admin, people.manager_n, people.rep_n1]
    with db.reading() as s:
        for actor, term, scope in product(actors, ("", "科技", "星辰科技", "王伟", "科"), SCOPES):
            q = CustomerQuery(search=term, scope=scope)
            exact = len(plain_ids(s, actor, q, now)) if scope == "all" else None
            exact = count_customers(s, actor, q, now) if exact is None else exact
            capped = count_customers(s, actor, q, now, at_most=2)
            uncapped = count_customers(s, actor, q, now, at_most=10**6)
            assert uncapped == exact, (actor.login, term, scope)
            if exact <= 2 or (db.dialect == "postgresql" and not term):  # in full: fast there
                assert capped == exact, (actor.login, term, scope)
            else:
                assert capped == 3, (actor.login, term, scope)
    assert customer_list.count_cap(db.dialect) == (
        None if db.dialect == "sqlite" else customer_list.COUNT_CAP
    )
