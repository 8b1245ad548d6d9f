"""Receivables, reminders and payments per month on SQLite, PostgreSQL and MariaDB, checked
against the same figures computed again in Python over random contracts (money exact to the
cent): per contract, customer, owner, team and in total, for a rep, a manager, finance and an
admin; the age buckets at their edges; the Today page's contract sections."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW
from sqlalchemy import insert, update

from crmdesk.models import today as td
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.receivables import (
    Receivable,
    due_instalments,
    expiring_contracts,
    payments_by_month,
    receivables_by_contract,
    receivables_by_customer,
    receivables_by_owner,
    receivables_by_team,
    receivables_total,
)
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_contracts import CONTRACT_STATUSES, Contract, Instalment, Payment
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace

TODAY = NOW.date()
Z = D("0.00")


def cents(rng, most):
    return D(rng.randrange(0, most)) / 100


def finance_user(db):
    with db.writing() as s:
        u = User(name="Fay Finance", login="finance", role="finance", active=True, created_at=NOW)
        s.add(u)
        s.flush()
        return get_user(s, u.id)


def make_contract(s, owner, customer_id, *, status="active", amount=D(0), received=D(0),
                  credit=D(0), ends_on=None, deleted=False, plan=()):  # fmt: skip
    """plan: [(due_on, amount, paid)]. A dict of the contract as the model reads it."""
    cid = s.execute(insert(Contract).values(
        number=f"HT-{random.randrange(10**12)}", customer_id=customer_id, owner_id=owner.id,
        team_id=owner.team_id, title="合同", amount=amount, received=received, credit=credit,
        status=status, ends_on=ends_on, created_at=NOW, updated_at=NOW,
        deleted_at=NOW if deleted else None)).inserted_primary_key[0]  # fmt: skip
    rows = []
    for i, (due, a, paid) in enumerate(plan):
        values = {"contract_id": cid, "position": i, "due_on": due, "amount": a, "paid": paid}
        iid = s.execute(insert(Instalment).values(**values)).inserted_primary_key[0]
        rows.append({"id": iid, "due_on": due, "amount": a, "paid": paid})
    return {"id": cid, "owner": owner.id, "team": owner.team_id, "customer": customer_id,
            "status": status, "amount": amount, "received": received, "credit": credit,
            "ends_on": ends_on, "deleted": deleted, "plan": rows}  # fmt: skip


@pytest.fixture
def world(db, people):
    """Random contracts of five owners (one without a team) over eight customers, one of them
    in the recycle bin; the model's view of them."""
    p = people
    rng = random.Random(424242)
    owners = [p.rep_n1, p.rep_n2, p.rep_s1, p.manager_n, p.admin]
    with db.writing() as s:
        customers = [create_customer(s, p.admin, CustomerInput(name=f"客户{i}"), NOW,
                                     owner_id=owners[i % 4].id) for i in range(8)]  # fmt: skip
    contracts = []
    with db.writing() as s:
        for k in range(60):
            plan = []
            for _ in range(rng.randrange(0, 5)):
                amount = cents(rng, 2_000_000) + D("0.01")
                paid = rng.choice([Z, amount, cents(rng, int(amount * 100))])
                plan.append((TODAY + timedelta(days=rng.randrange(-200, 60)), amount, paid))
            planned = sum((a for _d, a, _p in plan), Z)
            amount = rng.choice([planned, planned, planned + cents(rng, 50_000),
                                 max(planned - cents(rng, 50_000), Z)])  # fmt: skip
            received = sum((paid for _d, _a, paid in plan), Z)
            ends = TODAY + timedelta(days=rng.randrange(-10, 50)) if rng.random() < 0.7 else None
            contracts.append(make_contract(
                s, rng.choice(owners), customers[k % 8], status=rng.choice(CONTRACT_STATUSES),
                amount=amount, received=received, credit=rng.choice([Z, Z, cents(rng, 10_000)]),
                ends_on=ends, deleted=rng.random() < 0.1, plan=plan))  # fmt: skip
        s.execute(update(Customer).where(Customer.id == customers[7]).values(deleted_at=NOW))
    binned = {customers[7]}
    return p, contracts, binned, finance_user(db)


def visible(actor, c) -> bool:
    if actor.role in ("admin", "finance"):
        return True
    if actor.role == "manager":
        return c["team"] == actor.team_id
    return c["owner"] == actor.id


def model(actor, contracts, binned, key, today=TODAY):
    """{key: Receivable} computed from the inserted rows."""
    out: dict = {}
    for c in contracts:
        if (c["deleted"] or c["customer"] in binned or c["status"] not in ("active", "completed")
                or not visible(actor, c)):  # fmt: skip
            continue
        k = key(c)
        n, contracted, received, credit, outstanding, _o, buckets = out.get(
            k, (0, Z, Z, Z, Z, Z, (Z, Z, Z, Z)))  # fmt: skip
        b = list(buckets)
        for i in c["plan"]:
            days = (today - i["due_on"]).days
            if days >= 1 and i["paid"] < i["amount"]:
                b[0 if days <= 30 else 1 if days <= 60 else 2 if days <= 90 else 3] += (
                    i["amount"] - i["paid"])  # fmt: skip
        out[k] = (n + 1, contracted + c["amount"], received + c["received"],
                  credit + c["credit"],
                  # what is still owed: money kept as credit counts as paid (contract_rules)
                  outstanding + max(c["amount"] - c["received"] - c["credit"], Z),
                  Z, tuple(b))  # fmt: skip
    return {k: Receivable(n, a, r, cr, o, sum(b, Z), b) for k, (n, a, r, cr, o, _x, b)
            in out.items()}  # fmt: skip


def by_outstanding(found: dict) -> list:
    return sorted(found, key=lambda k: (-found[k].outstanding, k is not None, k or 0))


def test_receivables_match_a_recomputation_in_python(db, world):
    p, contracts, binned, finance = world
    for actor in (p.admin, finance, p.manager_n, p.manager_s, p.rep_n1, p.rep_s1):
        total = db.read(lambda s, a=actor: receivables_total(s, a, TODAY))
        expected = model(actor, contracts, binned, lambda c: None)
        assert total == expected.get(None, Receivable(0, Z, Z, Z, Z, Z, (Z, Z, Z, Z))), actor
        for fn, key in ((receivables_by_owner, "owner"), (receivables_by_team, "team")):
            rows = db.read(lambda s, a=actor, fn=fn: fn(s, a, TODAY))
            found = model(actor, contracts, binned, lambda c, key=key: c[key])
            assert {r.id: r.figures for r in rows} == found, (actor, key)
            outstanding = [r.figures.outstanding for r in rows]
            assert outstanding == sorted(outstanding, reverse=True)
        rows = db.read(lambda s, a=actor: receivables_by_customer(s, a, TODAY, limit=500))
        found = model(actor, contracts, binned, lambda c: c["customer"])
        assert {r.id: r.figures for r in rows} == found
        assert [r.id for r in rows] == by_outstanding(found)
        top = db.read(lambda s, a=actor: receivables_by_customer(s, a, TODAY, limit=3))
        assert [(r.id, r.figures) for r in top] == [
            (k, found[k]) for k in by_outstanding(found)[:3]
        ]
        rows = db.read(lambda s, a=actor: receivables_by_contract(s, a, TODAY, limit=500))
        found = model(actor, contracts, binned, lambda c: c["id"])
        assert {r.contract_id: r.figures for r in rows} == found
        assert [r.contract_id for r in rows] == by_outstanding(found)
    # one customer's contracts; names come along
    cust = contracts[0]["customer"]
    rows = db.read(lambda s: receivables_by_contract(s, p.admin, TODAY, customer_id=cust))
    assert {r.contract_id for r in rows} == set(
        model(p.admin, [c for c in contracts if c["customer"] == cust], binned, lambda c: c["id"])
    )
    assert all(r.customer_id == cust and r.customer_name == "客户0" for r in rows)
    owners = db.read(lambda s: receivables_by_owner(s, p.admin, TODAY))
    assert {r.name for r in owners} <= {"张伟", "Ned North", "李娜", "Nina North", "Ada Admin"}
    teams = {r.id: r.name for r in db.read(lambda s: receivables_by_team(s, p.admin, TODAY))}
    assert teams.get(p.rep_n1.team_id, "North") == "North" and teams.get(None, "") == ""


def test_age_buckets_at_their_edges(db, people):
    p = people
    with db.writing() as s:
        cust = create_customer(s, p.rep_n1, CustomerInput(name="账龄"), NOW)
        edges = [0, 1, 30, 31, 60, 61, 90, 91, 400, -5]  # days past due; -5: due in 5 days
        plan = [(TODAY - timedelta(days=d), D(10**i) / 100, Z) for i, d in enumerate(edges)]
        plan.append((TODAY - timedelta(days=45), D("7.00"), D("7.00")))  # paid: not overdue
        plan.append((TODAY - timedelta(days=45), D("7.00"), D("2.50")))  # 4.50 still due
        amount = sum((a for _d, a, _p in plan), Z)
        make_contract(s, p.rep_n1, cust, amount=amount, received=D("9.50"), plan=plan)
    total = db.read(lambda s: receivables_total(s, p.rep_n1, TODAY))
    # amounts 10^i / 100 tell the instalments apart: due today (i=0) and in 5 days (i=9) are out
    assert total.buckets == (D("1.10"), D("114.50"), D("11000.00"), D("1100000.00"))
    assert total.overdue == D("1111115.60") and total.outstanding == amount - D("9.50")
    later = db.read(lambda s: receivables_total(s, p.rep_n1, TODAY + timedelta(days=1)))
    assert later.buckets == (D("0.11"), D("15.50"), D("1100.00"), D("1110000.00"))


def test_reminders_match_a_recomputation(db, world):
    p, contracts, binned, finance = world
    for actor, mine in ((p.rep_n1, True), (p.manager_n, True), (finance, False),
                        (p.manager_n, False)):  # fmt: skip
        for days in (0, 7, 30):
            got = db.read(lambda s, a=actor, m=mine, d=days: due_instalments(
                s, a, TODAY, days=d, mine=m, limit=1000))  # fmt: skip
            want = sorted(
                (i["due_on"], i["id"]) for c in contracts
                if not c["deleted"] and c["customer"] not in binned and visible(actor, c)
                and (not mine or c["owner"] == actor.id) and c["status"] in ("active", "completed")
                for i in c["plan"]
                if i["paid"] < i["amount"] and i["due_on"] <= TODAY + timedelta(days=days)
            )  # fmt: skip
            assert [(r.due_on, r.instalment_id) for r in got.rows] == want
            assert got.total == len(want)
            assert all(r.overdue == (r.due_on < TODAY) and r.outstanding == r.amount - r.paid
                       for r in got.rows)  # fmt: skip
            got = db.read(lambda s, a=actor, m=mine, d=days: expiring_contracts(
                s, a, TODAY, days=d, mine=m, limit=1000))  # fmt: skip
            want = sorted(
                (c["ends_on"], c["id"]) for c in contracts
                if not c["deleted"] and c["customer"] not in binned and visible(actor, c)
                and (not mine or c["owner"] == actor.id) and c["status"] == "active"
                and c["ends_on"] is not None
                and TODAY <= c["ends_on"] <= TODAY + timedelta(days=days)
            )  # fmt: skip
            assert [(r.ends_on, r.contract_id) for r in got.rows] == want
            assert [r.days_left for r in got.rows] == [(e - TODAY).days for e, _ in want]
    short = db.read(lambda s: due_instalments(s, finance, TODAY, days=30, mine=False, limit=2))
    assert len(short.rows) == 2 and short.more


def test_the_today_page_carries_the_contract_sections(db, world):
    p, contracts, binned, finance = world
    day = td.local_day(NOW, UTC)
    page = db.read(lambda s: td.today(s, p.rep_n1, NOW, day=day))
    assert page.instalments == db.read(lambda s: due_instalments(s, p.rep_n1, TODAY))
    assert page.expiring == db.read(lambda s: expiring_contracts(s, p.rep_n1, TODAY))
    assert all(r.contract_id in {c["id"] for c in contracts if c["owner"] == p.rep_n1.id}
               for r in page.instalments.rows)  # fmt: skip
    page = db.read(lambda s: td.today(s, finance, NOW, day=day))  # finance: every contract
    assert page.instalments == db.read(lambda s: due_instalments(s, finance, TODAY, mine=False))
    assert page.instalments.total > 0
    w = Workspace(db, p.rep_n1, clock=lambda: NOW)
    assert w.due_instalments(today=TODAY) == db.read(lambda s: due_instalments(s, p.rep_n1, TODAY))


def test_payments_by_month_match_a_recomputation(db, world):
    p, contracts, binned, finance = world
    rng = random.Random(7)
    payments = []
    with db.writing() as s:
        for _ in range(150):
            c = rng.choice(contracts)
            on = date(2025, 12, 1) + timedelta(days=rng.randrange(0, 430))
            amount, voided = cents(rng, 1_000_000) + D("0.01"), rng.random() < 0.15
            s.execute(insert(Payment).values(
                contract_id=c["id"], received_on=on, amount=amount, owner_id=c["owner"],
                team_id=c["team"], recorded_at=NOW, voided_at=NOW if voided else None))  # fmt: skip
            payments.append((c, on, amount, voided))
    for actor in (p.admin, finance, p.manager_n, p.rep_n1, p.rep_s1):
        want: dict = defaultdict(lambda: [Z, 0])
        for c, on, amount, voided in payments:
            if (on.year == 2026 and not voided and not c["deleted"] and c["customer"] not in binned
                    and visible(actor, c)):  # fmt: skip
                want[(on.month, c["owner"], c["team"])][0] += amount
                want[(on.month, c["owner"], c["team"])][1] += 1
        rows = db.read(lambda s, a=actor: payments_by_month(s, a, 2026))
        assert {(r.month, r.owner_id, r.team_id): [r.amount, r.payments] for r in rows} == want
        assert [r.month for r in rows] == sorted(r.month for r in rows)
    assert db.read(lambda s: payments_by_month(s, p.admin, 1990)) == []


@pytest.mark.parametrize(
    "call",
    [
        lambda s, a: receivables_total(s, a, None),
        lambda s, a: receivables_total(s, a, NOW),
        lambda s, a: receivables_by_customer(s, a, TODAY, 0),
        lambda s, a: receivables_by_customer(s, a, TODAY, 10**6),
        lambda s, a: due_instalments(s, a, TODAY, days=-1),
        lambda s, a: due_instalments(s, a, TODAY, days=10**9),
        lambda s, a: expiring_contracts(s, a, date(9999, 1, 1)),
        lambda s, a: payments_by_month(s, a, 99999),
        lambda s, a: payments_by_month(s, a, "2026"),
    ],
)
def test_bad_arguments_are_refused(db, people, call):
    with pytest.raises(ValidationFailed):
        db.read(lambda s: call(s, people.admin))


def test_the_workspace_reads_on_the_users_local_day(db, world):
    p, contracts, binned, finance = world
    w = Workspace(db, p.manager_n, clock=lambda: NOW)
    local = td.local_day(NOW).date  # the system's zone, as the workspace reads it
    calls = [
        (w.receivables_total(), lambda s: receivables_total(s, p.manager_n, local)),
        (w.receivables_by_owner(), lambda s: receivables_by_owner(s, p.manager_n, local)),
        (w.receivables_by_team(), lambda s: receivables_by_team(s, p.manager_n, local)),
        (w.receivables_by_customer(5), lambda s: receivables_by_customer(s, p.manager_n, local, 5)),
        (w.receivables_by_contract(), lambda s: receivables_by_contract(s, p.manager_n, local)),
        (w.expiring_contracts(10, mine=False),
         lambda s: expiring_contracts(s, p.manager_n, local, days=10, mine=False)),
        (w.payments_by_month(2026), lambda s: payments_by_month(s, p.manager_n, 2026)),
    ]  # fmt: skip
    for got, direct in calls:
        assert got == db.read(direct)
    assert w.receivables_total(today=TODAY) == db.read(
        lambda s: receivables_total(s, p.manager_n, TODAY))  # fmt: skip
