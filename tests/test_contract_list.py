"""The contracts list (contract_list.py) on SQLite, PostgreSQL and MariaDB: every filter, every
sort both ways and its pages against the same facts kept in Python, visibility by role (finance
sees every contract), deleted contracts and those of customers in the recycle bin hidden, what a
row carries, odd queries made safe."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from helpers import NOW
from sqlalchemy import insert, select, update

from crmdesk.models.contract_list import SORTS, ContractQuery, clean_query
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_contracts import CONTRACT_STATUSES, Contract
from crmdesk.models.today import local_day
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace

LATER = NOW + timedelta(days=3)  # the clock of every read
TODAY = local_day(LATER).date  # the workspace's "today": the local day of its clock
CUSTOMER_NAMES = ["星辰科技", "远航贸易", "Alpha Trading", "宏达机械", "Zeta Foods", "金桥物流"]
# Each starts with its own capital: the same order under every backend's collation.
TITLES = ["Alpha ERP 实施", "Beta crm renewal", "Cedar Cloud 托管", "Delta 折扣 50% 方案",
          "Echo under_score"]  # fmt: skip


def ws(db, actor):
    return Workspace(db, actor, clock=lambda: LATER)


class Book:
    """Contracts inserted straight into the table, and the same facts in Python."""

    def __init__(self, db, people, seed: int = 11, n: int = 90) -> None:
        rng = random.Random(seed)
        p = self.people = people
        with db.writing() as s:
            finance = User(name="Fay Finance", login="finance", role="finance", active=True,
                           created_at=NOW)  # fmt: skip
            s.add(finance)
            s.flush()
            self.finance = get_user(s, finance.id)
        owners = [p.rep_n1, p.rep_n2, p.rep_s1, p.manager_n, p.manager_s]
        with db.writing() as s:
            self.customers = {}
            for i, name in enumerate(CUSTOMER_NAMES):
                owner = owners[i % 3]
                self.customers[create_customer(s, owner, CustomerInput(name=name), NOW)] = name
            self.name_sort = dict(s.execute(select(Customer.id, Customer.name_sort)).all())
            self.owner_sort = dict(s.execute(select(User.id, User.name_sort)).all())
        self.users = {u.id: u for u in owners}
        customer_ids = sorted(self.customers)
        self.gone_customer = customer_ids[-1]
        numbers = list(range(1, n + 1))
        rng.shuffle(numbers)
        rows = []
        for i in range(n):
            owner = rng.choice(owners)
            status = rng.choice(CONTRACT_STATUSES)
            amount = Decimal(rng.choice((1000, 2500, 99999)) if i % 5 == 0 else
                             rng.randrange(100, 10**8)) / 100  # fmt: skip
            received = rng.choice((Decimal(0), amount, (amount / 3).quantize(Decimal("0.01"))))
            signed = None if status == "draft" else TODAY - timedelta(days=rng.randrange(400))
            if i % 7 == 0 and signed is not None:
                signed = TODAY - timedelta(days=30)  # ties broken by id
            rows.append({
                "number": f"HT-2026-{numbers[i]:04d}",
                "customer_id": rng.choice(customer_ids),
                "owner_id": owner.id,
                "team_id": owner.team_id,
                "title": f"{rng.choice(TITLES)} {i:03d}",
                "amount": amount,
                "received": received,
                "credit": Decimal("0.00") if i % 9 else Decimal("12.50"),
                "next_due_on": None if received == amount or rng.random() < 0.1
                else TODAY + timedelta(days=rng.randrange(-60, 90)),
                "signed_on": signed,
                "ends_on": None if rng.random() < 0.15
                else TODAY + timedelta(days=rng.randrange(-30, 120)),
                "status": status,
                "awaiting_approval": status == "draft" and i % 2 == 0,
                "created_at": NOW - timedelta(days=rng.randrange(300), seconds=i),
                "updated_at": NOW - timedelta(seconds=rng.randrange(10**6)),
                "deleted_at": NOW if i % 13 == 6 else None,
                "version": 1 + i % 3,
            })  # fmt: skip
        rows[0]["next_due_on"] = TODAY - timedelta(days=1)  # overdue by a day, if in force
        rows[0]["status"], rows[0]["deleted_at"] = "active", None
        rows[1]["next_due_on"], rows[1]["status"] = TODAY, "active"  # due today: not overdue
        rows[2]["ends_on"], rows[2]["status"] = TODAY, "active"  # expires today: expiring
        with db.writing() as s:
            s.execute(insert(Contract.__table__), rows)
            ids = list(s.scalars(select(Contract.id).order_by(Contract.id)))
            s.execute(
                update(Customer).where(Customer.id == self.gone_customer).values(deleted_at=NOW)
            )
        for row, contract_id in zip(rows, ids, strict=True):
            row["id"] = contract_id
        self.rows = rows

    def sees(self, actor, r) -> bool:
        if actor.role in ("admin", "finance"):
            return True
        if actor.role == "manager":
            return r["team_id"] == actor.team_id
        return r["owner_id"] == actor.id

    def visible(self, actor, query: ContractQuery) -> list[dict]:
        q = clean_query(query)
        found = []
        for r in self.rows:
            if r["deleted_at"] is not None or r["customer_id"] == self.gone_customer:
                continue
            if not self.sees(actor, r):
                continue
            if q.scope == "mine" and r["owner_id"] != actor.id:
                continue
            if q.scope == "team" and actor.team_id and r["team_id"] != actor.team_id:
                continue
            if q.owner_id is not None and r["owner_id"] != q.owner_id:
                continue
            if q.status and r["status"] != q.status:
                continue
            signed = r["signed_on"]
            if q.signed_from and (signed is None or signed < q.signed_from):
                continue
            if q.signed_to and (signed is None or signed > q.signed_to):
                continue
            if q.overdue_only and not self.overdue(r):
                continue
            if q.expiring_days and not (
                r["status"] == "active"
                and r["ends_on"] is not None
                and TODAY <= r["ends_on"] <= TODAY + timedelta(days=q.expiring_days)
            ):
                continue
            text = " ".join((r["number"], r["title"], self.customers[r["customer_id"]])).lower()
            if not all(word.lower() in text for word in q.search.split()):
                continue
            found.append(r)
        return found

    @staticmethod
    def overdue(r) -> bool:
        due = r["next_due_on"]
        return r["status"] in ("active", "completed") and due is not None and due < TODAY


@pytest.fixture
def book(db, people):
    return Book(db, people)


def _expected_order(book, actor, query) -> list[int]:
    def key(r):
        return {
            "number": (r["number"],),
            "title": (r["title"],),
            "customer": (book.name_sort[r["customer_id"]], book.customers[r["customer_id"]]),
            "owner": (book.owner_sort[r["owner_id"]], r["owner_id"]),
            "status": (r["status"],),
            "amount": (r["amount"],),
            "received": (r["received"],),
            "outstanding": (r["amount"] - r["received"],),
            "next_due_on": (r["next_due_on"] or date.min,),
            "signed_on": (r["signed_on"] or date.min,),
            "ends_on": (r["ends_on"] or date.min,),
            "created_at": (r["created_at"],),
            "updated_at": (r["updated_at"],),
        }[query.sort] + (r["id"],)

    ordered = sorted(book.visible(actor, query), key=key, reverse=query.descending)
    if query.sort in ("next_due_on", "signed_on", "ends_on"):  # no day last, either way
        ordered = [r for r in ordered if r[query.sort]] + [r for r in ordered if not r[query.sort]]
    return [r["id"] for r in ordered]


@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_both_ways_with_stable_pages_counts_and_ids(db, book, descending):
    admin = ws(db, book.people.admin)
    for sort in SORTS:
        query = ContractQuery(sort=sort, descending=descending)
        expected = _expected_order(book, book.people.admin, query)
        assert len(expected) > 50
        assert [r.id for r in admin.list_contracts(query, 0, 1000)] == expected, sort
        assert admin.contract_ids(query, 0, 1000) == expected
        assert admin.count_contracts(query) == len(expected)
        paged = []
        for offset in range(0, len(expected) + 7, 7):
            paged.extend(r.id for r in admin.list_contracts(query, offset, 7))
        assert paged == expected, sort
        assert admin.contract_ids(query, 5, 4) == expected[5:9]


def test_what_each_role_sees(db, book):
    p = book.people
    query = ContractQuery()
    for actor in (p.admin, book.finance, p.manager_n, p.manager_s, p.rep_n1, p.rep_n2, p.rep_s1):
        expected = {r["id"] for r in book.visible(actor, query)}
        assert set(ws(db, actor).contract_ids(query, 0, 1000)) == expected, actor.login
        assert ws(db, actor).count_contracts(query) == len(expected)
        assert {r.id for r in ws(db, actor).list_contracts(query, 0, 1000)} == expected
    # Finance sees all of them, like an admin; a rep only their own; a manager the team's.
    everything = set(ws(db, p.admin).contract_ids(query, 0, 1000))
    assert set(ws(db, book.finance).contract_ids(query, 0, 1000)) == everything
    rep = set(ws(db, p.rep_n1).contract_ids(query, 0, 1000))
    assert rep and rep < set(ws(db, p.manager_n).contract_ids(query, 0, 1000)) < everything
    assert not rep & set(ws(db, p.manager_s).contract_ids(query, 0, 1000))
    # Scopes: what each may choose, and what each narrows to.
    assert ws(db, book.finance).contract_scopes() == ["all"]
    assert ws(db, p.rep_n1).contract_scopes() == ["mine"]
    assert ws(db, p.manager_n).contract_scopes() == ["team", "mine"]
    for actor, scope in ((p.manager_n, "mine"), (p.manager_n, "team"), (p.rep_n1, "team"),
                         (book.finance, "mine"), (p.admin, "mine")):  # fmt: skip
        q = ContractQuery(scope=scope)
        expected = {r["id"] for r in book.visible(actor, q)}
        assert set(ws(db, actor).contract_ids(q, 0, 1000)) == expected, (actor.login, scope)
    assert ws(db, book.finance).count_contracts(ContractQuery(scope="mine")) == 0


def test_an_inactive_user_sees_nothing(db, book):
    with db.writing() as s:
        s.execute(update(User).where(User.id == book.finance.id).values(active=False))
    gone = replace(book.finance, active=False)
    assert ws(db, gone).count_contracts(ContractQuery()) == 0
    assert ws(db, gone).contract_owner_choices() == []


def test_deleted_contracts_and_those_of_binned_customers_are_hidden(db, book):
    gone = {r["id"] for r in book.rows if r["deleted_at"] is not None}
    orphaned = {r["id"] for r in book.rows if r["customer_id"] == book.gone_customer}
    assert gone and orphaned
    for actor in (book.people.admin, book.finance):
        listed = set(ws(db, actor).contract_ids(ContractQuery(), 0, 1000))
        assert listed and not listed & (gone | orphaned)
    with db.writing() as s:  # back from the bin: its contracts come back
        s.execute(update(Customer).where(Customer.id == book.gone_customer).values(deleted_at=None))
    listed = set(ws(db, book.people.admin).contract_ids(ContractQuery(), 0, 1000))
    assert orphaned - gone <= listed


@pytest.mark.parametrize(
    "query",
    [
        ContractQuery(status="active"),
        ContractQuery(status="draft", sort="number"),
        ContractQuery(signed_from=TODAY - timedelta(days=100)),
        ContractQuery(signed_to=TODAY - timedelta(days=30), signed_from=TODAY - timedelta(days=60)),
        ContractQuery(overdue_only=True, sort="next_due_on", descending=False),
        ContractQuery(expiring_days=30, sort="ends_on", descending=False),
        ContractQuery(expiring_days=1),
        ContractQuery(search="ht-2026-00"),
        ContractQuery(search="CRM"),
        ContractQuery(search="星辰"),
        ContractQuery(search="alpha 50%"),
        ContractQuery(search="%"),
        ContractQuery(search="_"),
        ContractQuery(search="erp 实施 宏达"),
        ContractQuery(overdue_only=True, search="科技", sort="outstanding"),
        ContractQuery(status="active", scope="team", sort="customer"),
    ],
)
def test_filters_match_the_facts(db, book, query):
    p = book.people
    for actor in (p.admin, p.manager_n, p.rep_s1, book.finance):
        expected = _expected_order(book, actor, query)
        assert [r.id for r in ws(db, actor).list_contracts(query, 0, 1000)] == expected, actor
        assert ws(db, actor).count_contracts(query) == len(expected)
    owner_query = replace(query, owner_id=p.rep_n2.id)
    expected = _expected_order(book, p.admin, owner_query)
    assert ws(db, p.admin).contract_ids(owner_query, 0, 1000) == expected


def test_the_filters_find_something(db, book):
    """The parametrized filters above would pass on empty answers: they are not empty."""
    admin = book.people.admin
    for query in (ContractQuery(overdue_only=True), ContractQuery(expiring_days=30),
                  ContractQuery(search="%"), ContractQuery(search="_"),
                  ContractQuery(signed_from=TODAY - timedelta(days=100))):  # fmt: skip
        assert book.visible(admin, query), query
    # The edges: due yesterday is overdue, due today is not; ending today is expiring.
    first, second, third = book.rows[:3]
    overdue = set(ws(db, admin).contract_ids(ContractQuery(overdue_only=True), 0, 1000))
    assert first["id"] in overdue and second["id"] not in overdue
    if third["customer_id"] != book.gone_customer and third["deleted_at"] is None:
        expiring = ws(db, admin).contract_ids(ContractQuery(expiring_days=1), 0, 1000)
        assert third["id"] in expiring


def test_rows_carry_what_the_list_shows(db, book):
    admin = book.people.admin
    by_id = {r["id"]: r for r in book.rows}
    rows = ws(db, admin).list_contracts(ContractQuery(), 0, 1000)
    assert any(r.overdue for r in rows) and any(r.credit for r in rows)
    for row in rows:
        fact = by_id[row.id]
        assert (row.number, row.title, row.status, row.version) == (
            fact["number"], fact["title"], fact["status"], fact["version"])  # fmt: skip
        assert row.customer_name == book.customers[fact["customer_id"]]
        assert row.owner_name == book.users[fact["owner_id"]].name
        assert (row.amount, row.received) == (fact["amount"], fact["received"])
        # money kept as credit counts as paid (contract_rules.outstanding)
        assert row.outstanding == max(fact["amount"] - fact["received"] - fact["credit"], 0)
        assert (row.next_due_on, row.signed_on, row.ends_on) == (
            fact["next_due_on"], fact["signed_on"], fact["ends_on"])  # fmt: skip
        assert row.overdue == book.overdue(fact)
        assert row.overdue_days == ((TODAY - fact["next_due_on"]).days if row.overdue else 0)
        assert (row.customer_id, row.owner_id) == (fact["customer_id"], fact["owner_id"])
        assert row.credit == fact["credit"] and row.awaiting_approval == fact["awaiting_approval"]


def test_odd_queries_are_made_safe_and_round_trip(db, book):
    odd = ContractQuery(scope="everything", owner_id=True, search="a\x00b" + "x" * 500,
                        status="lost", signed_from="2026-13-01", signed_to="2026-02-03",
                        overdue_only=1, expiring_days=-5, sort="drop", descending=0)  # fmt: skip
    clean = clean_query(odd)
    assert (clean.scope, clean.owner_id, clean.status, clean.signed_from, clean.signed_to) == (
        "all", 0, "", None, date(2026, 2, 3))  # fmt: skip
    assert (clean.overdue_only, clean.expiring_days, clean.sort, clean.descending) == (
        True, 0, "signed_on", False)  # fmt: skip
    assert "\x00" not in clean.search and len(clean.search) == 200
    assert clean_query(replace(clean, expiring_days=10**9)).expiring_days == 3650
    assert ws(db, book.people.admin).count_contracts(odd) == 0  # owner 0: nobody
    query = ContractQuery(scope="team", owner_id=book.people.rep_n1.id, search="科技",
                          status="active", signed_from=date(2026, 1, 2), overdue_only=True,
                          expiring_days=30, sort="outstanding", descending=False)  # fmt: skip
    saved = query.to_dict()
    assert saved["signed_from"] == "2026-01-02" and saved["signed_to"] is None
    assert ContractQuery.from_dict({**saved, "unknown": 1}) == query
    with pytest.raises(ValidationFailed):
        ws(db, book.people.admin).list_contracts(ContractQuery(), -1, 10)
    with pytest.raises(ValidationFailed):
        ws(db, book.people.admin).contract_ids(ContractQuery(), 0, 0)


def test_owner_choices(db, book):
    p = book.people
    assert [u.id for u in ws(db, p.rep_n1).contract_owner_choices()] == [p.rep_n1.id]
    team = {u.id for u in ws(db, p.manager_n).contract_owner_choices()}
    assert {p.manager_n.id, p.rep_n1.id, p.rep_n2.id} <= team and p.rep_s1.id not in team
    everyone = {u.id for u in ws(db, book.finance).contract_owner_choices()}
    assert {p.rep_n1.id, p.rep_s1.id, p.manager_s.id} <= everyone
