"""The demo's contracts (demo_contracts.py) on SQLite, PostgreSQL and MariaDB: every figure the
services keep in step recomputed here from the rows (received, credit, paid, next due, the
allocations replayed in due order), plans adding up to the amount, numbers by the pattern, lines
and amounts from the won deals, and something of everything for the list to show."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

import pytest
from helpers import NOW
from sqlalchemy import func, select

from crmdesk.models.contract_list import ContractQuery, count_contracts
from crmdesk.models.contracts import refresh_contract_totals
from crmdesk.models.demo import generate_demo
from crmdesk.models.demo_contracts import add_demo_contracts, add_months, plan_amounts
from crmdesk.models.demo_deals import add_demo_deals
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.schema import User
from crmdesk.models.schema_contracts import (
    CONTRACT_STATUSES,
    PAYMENT_METHODS,
    Contract,
    ContractEvent,
    ContractLine,
    Instalment,
    Invoice,
    Payment,
    PaymentAllocation,
)
from crmdesk.models.schema_deals import Deal, DealLine
from crmdesk.models.users import get_user

TODAY = NOW.date()
CENT = Decimal("0.01")


def money(value) -> Decimal:
    return Decimal(value).quantize(CENT)


def _rows(s, table):
    return [r._asdict() for r in s.execute(select(*table.__table__.columns))]


def read_all(db) -> dict:
    with db.reading() as s:
        return {t.__tablename__: _rows(s, t) for t in (Contract, ContractLine, Instalment,
                Payment, PaymentAllocation, Invoice, ContractEvent, Deal, DealLine)}  # fmt: skip


@pytest.fixture
def demo(db):
    generate_demo(db, customers=120, seed=3, now=NOW - timedelta(days=1), deals=False)
    with db.writing() as s:
        add_demo_deals(s, NOW, count=400, rng=random.Random(4))
    with db.writing() as s:
        made = add_demo_contracts(s, NOW, rng=random.Random(5))
    return made, read_all(db)


def _replay(instalments: list[dict], payments: list[dict]) -> dict[int, dict[int, Decimal]]:
    """Each payment applied to the unfilled instalments in due order, written afresh here."""
    left = {i["id"]: money(i["amount"]) for i in instalments}
    order = sorted(instalments, key=lambda i: (i["due_on"], i["position"]))
    result = {}
    for p in sorted(payments, key=lambda p: (p["received_on"], p["id"])):
        rest, parts = money(p["amount"]), {}
        for i in order:
            take = min(rest, left[i["id"]])
            if take > 0:
                parts[i["id"]] = take
                left[i["id"]] -= take
                rest -= take
        assert rest == money(p["credit"]), p  # what the plan did not take is credit
        result[p["id"]] = parts
    return result


def test_the_kept_figures_match_the_rows(db, demo):
    made, t = demo
    assert made.contracts == len(t["contracts"]) > 50
    check_kept_figures(t)


def check_kept_figures(t: dict) -> None:
    by = defaultdict(lambda: defaultdict(list))
    for name in ("contract_lines", "instalments", "payments", "invoices", "contract_events"):
        for row in t[name]:
            by[name][row["contract_id"]].append(row)
    allocations = defaultdict(dict)
    for a in t["payment_allocations"]:
        allocations[a["payment_id"]][a["instalment_id"]] = money(a["amount"])
    for c in t["contracts"]:
        cid = c["id"]
        instalments, payments = by["instalments"][cid], by["payments"][cid]
        live = [p for p in payments if p["voided_at"] is None]
        assert instalments, c["number"]
        assert sum(money(i["amount"]) for i in instalments) == money(c["amount"])
        paid = defaultdict(Decimal)
        for p in live:
            for iid, part in allocations[p["id"]].items():
                paid[iid] += part
            assert money(p["amount"]) == sum(allocations[p["id"]].values()) + money(p["credit"])
            assert (p["owner_id"], p["team_id"]) == (c["owner_id"], c["team_id"])
            assert c["signed_on"] <= p["received_on"] <= TODAY
            assert p["method"] in PAYMENT_METHODS
        for i in instalments:
            assert money(i["paid"]) == paid[i["id"]] <= money(i["amount"])
        assert money(c["received"]) == sum(paid.values(), Decimal(0))
        assert money(c["credit"]) == sum((money(p["credit"]) for p in live), Decimal(0))
        unpaid = [i["due_on"] for i in instalments if money(i["paid"]) < money(i["amount"])]
        assert c["next_due_on"] == (min(unpaid) if unpaid else None)
        assert _replay(instalments, live) == {p["id"]: allocations[p["id"]] for p in live}
        # Statuses as the services would have left them.
        assert c["status"] in CONTRACT_STATUSES
        if c["status"] == "draft":
            assert c["signed_on"] is None and not payments
        else:
            assert c["signed_on"] <= TODAY and c["starts_on"] <= c["ends_on"]
        if c["status"] == "completed":
            assert not unpaid and c["ends_on"] < TODAY
        kinds = [e["kind"] for e in by["contract_events"][cid]]
        assert kinds.count("created") == 1 and kinds.count("payment") == len(payments)
        assert kinds.count("invoice") == len(by["invoices"][cid])
        for e in by["contract_events"][cid]:
            assert c["created_at"] <= e["at"] <= NOW
        assert c["created_at"] <= c["updated_at"] <= NOW


def test_placing_the_payments_again_changes_nothing(db, demo):
    """The demo is what the services would leave: refresh_contract_totals, which every write
    of a plan or a payment ends with, finds every figure already in place."""
    _made, before = demo
    with db.writing() as s:
        for contract_id in s.scalars(select(Contract.id).order_by(Contract.id)).all():
            refresh_contract_totals(s, contract_id)
    after = read_all(db)

    def rows(t, name, key):
        return sorted(t[name], key=key)

    for name, key in (
        ("contracts", lambda r: r["id"]),
        ("instalments", lambda r: r["id"]),
        ("payments", lambda r: r["id"]),
        ("payment_allocations", lambda r: (r["payment_id"], r["instalment_id"])),
    ):
        assert rows(after, name, key) == rows(before, name, key), name


def test_contracts_come_from_most_won_deals(db, demo):
    made, t = demo
    deals = {d["id"]: d for d in t["deals"]}
    won = [d for d in deals.values() if d["status"] == "won"]
    assert 0.7 * len(won) <= made.contracts <= 0.97 * len(won)
    deal_lines = defaultdict(list)
    for x in sorted(t["deal_lines"], key=lambda x: x["position"]):
        deal_lines[x["deal_id"]].append(
            (x["product_id"], x["name"], money(x["quantity"]), money(x["unit_price"]),
             money(x["discount"])))  # fmt: skip
    contract_lines = defaultdict(list)
    for x in sorted(t["contract_lines"], key=lambda x: x["position"]):
        contract_lines[x["contract_id"]].append(
            (x["product_id"], x["name"], money(x["quantity"]), money(x["unit_price"]),
             money(x["discount"])))  # fmt: skip
    seen = set()
    for c in t["contracts"]:
        deal = deals[c["deal_id"]]  # every one made from a deal
        assert deal["status"] == "won" and c["deal_id"] not in seen
        seen.add(c["deal_id"])
        assert (c["customer_id"], c["owner_id"], c["team_id"]) == (
            deal["customer_id"], deal["owner_id"], deal["team_id"])  # fmt: skip
        assert money(c["amount"]) == money(deal["amount"])
        assert contract_lines[c["id"]] == deal_lines[deal["id"]]
        assert c["created_at"] >= deal["closed_at"]


def test_numbers_follow_the_pattern_a_year_at_a_time(db, demo):
    _made, t = demo
    by_year = defaultdict(list)
    for c in t["contracts"]:
        found = re.fullmatch(r"HT-(\d{4})-(\d{4})", c["number"])
        assert found, c["number"]
        assert int(found[1]) == c["created_at"].year
        by_year[int(found[1])].append(int(found[2]))
    for seqs in by_year.values():
        assert sorted(seqs) == list(range(1, len(seqs) + 1))


def test_there_is_something_of_everything(db, demo):
    made, t = demo
    contracts = t["contracts"]
    statuses = {c["status"] for c in contracts}
    assert {"active", "completed"} <= statuses
    overdue = [c for c in contracts if c["status"] in ("active", "completed")
               and c["next_due_on"] is not None and c["next_due_on"] < TODAY]  # fmt: skip
    assert len(overdue) == made.overdue > 0
    assert any(c["next_due_on"] is None for c in contracts)  # fully paid
    assert any(0 < money(c["received"]) < money(c["amount"]) for c in contracts)  # partly
    shapes = defaultdict(list)
    for i in t["instalments"]:
        shapes[i["contract_id"]].append(i)
    sizes = {len(v) for v in shapes.values()}
    assert {1, 2} <= sizes and sizes & {3, 6, 12}
    for c in contracts:
        parts = sorted(shapes[c["id"]], key=lambda i: i["position"])
        if len(parts) == 2:  # 30/70
            assert money(parts[0]["amount"]) == plan_amounts(money(c["amount"]), [30, 70])[0]
    due = {i["id"]: i["due_on"] for i in t["instalments"]}
    paid_on = defaultdict(list)
    payments = {p["id"]: p for p in t["payments"]}
    for a in t["payment_allocations"]:
        paid_on[a["instalment_id"]].append(payments[a["payment_id"]]["received_on"])
    late = [i for i, days in paid_on.items() if max(days) > due[i]]
    on_time = [i for i, days in paid_on.items() if max(days) <= due[i]]
    assert late and on_time and t["invoices"]
    with db.reading() as s:  # the list agrees
        admin = get_user(s, s.scalar(select(User.id).where(User.role == "admin")))
        assert count_contracts(s, admin, ContractQuery(), TODAY) == len(contracts)
        assert count_contracts(s, admin, ContractQuery(overdue_only=True), TODAY) == made.overdue


def test_a_second_run_adds_none_for_the_same_deals_and_count_adds_more(db, demo):
    made, t = demo
    with db.writing() as s:
        again = add_demo_contracts(s, NOW, rng=random.Random(6), share=1.0)
    left = sum(1 for d in t["deals"] if d["status"] == "won") - made.contracts
    assert again.contracts <= left
    with db.writing() as s:
        extra = add_demo_contracts(s, NOW, rng=random.Random(7), count=40)
        assert extra.contracts == 40
        numbers = list(s.scalars(select(Contract.number)))
        assert len(numbers) == len(set(numbers)) == made.contracts + again.contracts + 40
        no_deal = s.scalar(select(func.count()).select_from(Contract)
                           .where(Contract.deal_id.is_(None)))  # fmt: skip
        assert no_deal == 40
    after = read_all(db)
    check_kept_figures(after)
    with pytest.raises(ValidationFailed), db.writing() as s:
        add_demo_contracts(s, NOW, count=-1)


def test_generate_demo_makes_contracts_with_deals_only(db):
    result = generate_demo(db, customers=60, seed=2, now=NOW)
    with db.reading() as s:
        assert result.contracts == s.scalar(select(func.count()).select_from(Contract)) > 0
        assert s.scalar(select(func.count()).select_from(User).where(User.role == "finance")) == 1


def test_plan_helpers_add_up_to_the_cent():
    amount = Decimal("1000.01")
    assert plan_amounts(amount, [30, 70]) == [Decimal("300.00"), Decimal("700.01")]
    assert sum(plan_amounts(Decimal("99.99"), [33, 33, 34])) == Decimal("99.99")
    assert add_months(NOW.date().replace(month=1, day=31), 1).day in (28, 29)
    assert add_months(NOW.date().replace(month=12, day=15), 1).year == NOW.year + 1
