"""Contracts on SQLite, PostgreSQL and MariaDB: numbers (the pattern, a yearly sequence, typed and
taken, two clients at once), a contract from a won deal with its lines, a conflict naming who
changed what, plans keeping what is paid, activation through a manager's approval, who sees
and edits what, the recycle bin, and bad input refused before it reaches a server."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW
from sqlalchemy import func, insert, select, update

from crmdesk.models.approvals import count_pending, list_approvals
from crmdesk.models.contract_rules import (
    ContractInput,
    ContractSettings,
    InstalmentInput,
    plan_monthly,
    plan_one,
    plan_split,
)
from crmdesk.models.contracts import refresh_contract_totals
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.deal_rules import LineInput
from crmdesk.models.deals import DealInput
from crmdesk.models.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.schema import Setting, User
from crmdesk.models.schema_contracts import Contract, Instalment, Payment
from crmdesk.models.schema_deals import Approval, Deal
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace

LINES = (
    LineInput(None, "ERP 授权", D(10), D("1000.00"), D(10)),  # 9000.00
    LineInput(None, "实施服务", D(2), D("500.00")),  # 1000.00
)


def ws(db, actor, now=NOW):
    return Workspace(db, actor, clock=lambda: now)


def customer(db, owner, name="星辰科技"):
    with db.writing() as s:
        return create_customer(s, owner, CustomerInput(name=name), NOW)


def errors_of(exc) -> list[tuple[str, str]]:
    return list(exc.value.params["errors"])


def finance_user(db):
    with db.writing() as s:
        u = User(name="Fay Finance", login="finance", role="finance", active=True, created_at=NOW)
        s.add(u)
        s.flush()
        return get_user(s, u.id)


def ready(w, cid, title, amount=None, lines=()):
    """A draft that may be activated: signed, its plan one payment of its amount."""
    k = w.create_contract(ContractInput(cid, title, amount, lines=lines, signed_on=SIGNED)).value
    c = w.contract(k)
    w.save_plan(k, plan_one(c.amount, date(2026, 12, 1)), c.version)
    return k


SIGNED = date(2026, 11, 2)


def limits(db, people, amount="1000.00", discount="20"):
    ws(db, people.admin).save_contract_settings(
        ContractSettings(approval_amount=D(amount), approval_discount=D(discount))
    )


def test_a_contract_is_created_with_lines_and_numbered_from_the_pattern(db, people):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    done = rep.create_contract(ContractInput(cid, " 年度合同 ", lines=LINES,
                                             signed_on=date(2026, 11, 2)))  # fmt: skip
    assert done.change.kinds == {"contracts"} and done.change.customer_ids == {cid}
    c = rep.contract(done.value)
    assert (c.number, c.data.title, c.amount, c.data.amount) == (
        "HT-2026-0001", "年度合同", D("10000.00"), None)  # fmt: skip
    assert (c.status, c.owner_name, c.customer_name, c.team_id) == (
        "draft", "张伟", "星辰科技", p.rep_n1.team_id)  # fmt: skip
    assert [x.total for x in c.lines] == [D("9000.00"), D("1000.00")]
    assert (c.received, c.outstanding, c.plan_difference, c.next_due_on) == (
        0, D("10000.00"), D("10000.00"), None)  # fmt: skip
    assert [(e.kind, e.actor_name, e.detail) for e in c.events] == [
        ("created", "张伟", "HT-2026-0001")]  # fmt: skip
    assert c.editable and c.collectable and c.version == 1
    # the sequence runs on within the year and starts again in the next
    second = rep.create_contract(ContractInput(cid, "二", amount=D(5)))  # today: NOW's day
    next_year = rep.create_contract(ContractInput(cid, "三", D(5), signed_on=date(2027, 1, 3)))
    assert rep.contract(second.value).number == "HT-2026-0002"
    assert rep.contract(next_year.value).number == "HT-2027-0001"
    # unsigned first, then the newest signed
    assert [r.number for r in rep.customer_contracts(cid)] == [
        "HT-2026-0002", "HT-2027-0001", "HT-2026-0001"]  # fmt: skip


def test_typed_numbers_are_unique_and_the_sequence_skips_them(db, people):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)

    def generated():
        return rep.contract(rep.create_contract(ContractInput(cid, "c", D(1))).value).number

    assert generated() == "HT-2026-0001"
    rep.create_contract(ContractInput(cid, "a", D(1), number=" HT-2026-0003 "))
    with pytest.raises(ValidationFailed) as exc:
        rep.create_contract(ContractInput(cid, "b", D(1), number="HT-2026-0003"))
    assert errors_of(exc) == [("number", "taken")]
    assert [generated(), generated()] == ["HT-2026-0002", "HT-2026-0004"]
    # a new pattern from the admin; only an admin sets it
    with pytest.raises(PermissionDenied):
        ws(db, p.manager_n).save_contract_settings(ContractSettings("X-{seq}"))
    ws(db, p.admin).save_contract_settings(ContractSettings("C{yy}{mm}-{seq:3}"))
    assert ws(db, p.rep_n1).contract_settings() == ContractSettings("C{yy}{mm}-{seq:3}")
    later = rep.create_contract(ContractInput(cid, "d", D(1)))
    assert rep.contract(later.value).number == "C2611-005"  # the year's running number
    # a deleted contract keeps its number
    rep.delete_contract(later.value)
    with pytest.raises(ValidationFailed) as exc:
        rep.create_contract(ContractInput(cid, "e", D(1), number="C2611-005"))
    assert errors_of(exc) == [("number", "taken")]


def test_the_first_number_of_a_year_follows_those_already_made(db, people):
    """Contracts written before the counter existed (an import, the demo): it starts after
    the highest number of the year that the pattern made."""
    p = people
    cid = customer(db, p.rep_n1)
    with db.writing() as s:
        for number in ("HT-2026-0041", "HT-2026-0007", "HT-2025-0099", "OTHER-2026-0500"):
            s.execute(insert(Contract).values(
                number=number, customer_id=cid, owner_id=p.rep_n1.id, title="old", amount=1,
                created_at=NOW, updated_at=NOW, version=1))  # fmt: skip
    made = ws(db, p.rep_n1).create_contract(ContractInput(cid, "new", D(1)))
    assert ws(db, p.rep_n1).contract(made.value).number == "HT-2026-0042"


def test_contracts_signed_at_once_never_share_a_number(db, people):
    p = people
    cid = customer(db, p.rep_n1)
    customers = [customer(db, p.rep_n1, f"客户{i}") for i in range(3)] + [cid]
    made, failed = [], []
    start = threading.Barrier(8)

    def sign(i):
        try:
            start.wait()
            rep = ws(db, p.rep_n1)
            made.append(rep.create_contract(ContractInput(customers[i % 4], f"c{i}", D(1))).value)
        except Exception as exc:
            failed.append(exc)

    threads = [threading.Thread(target=sign, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failed == []
    numbers = db.read(lambda s: sorted(s.scalars(select(Contract.number))))
    assert numbers == [f"HT-2026-{i:04d}" for i in range(1, 9)]
    counter = db.read(lambda s: s.scalar(select(Setting.value).where(
        Setting.key == "contracts.seq.2026")))  # fmt: skip
    assert counter == "8"


def won_deal(db, people, pipeline, cid, lines=LINES, amount=None):
    rep = ws(db, people.rep_n1)
    deal_id = rep.create_deal(DealInput(cid, "ERP 项目", pipeline.id, amount=amount,
                                        lines=lines)).value  # fmt: skip
    won = next(s for s in pipeline.stages if s.kind == "won")
    with db.writing() as s:
        s.execute(update(Deal).where(Deal.id == deal_id).values(
            status="won", stage_id=won.id, closed_at=NOW - timedelta(days=2)))  # fmt: skip
    return deal_id


def test_a_won_deal_offers_its_contract(db, people, pipeline):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    deal_id = won_deal(db, p, pipeline, cid)
    data = rep.contract_from_deal(deal_id)
    won_on = (NOW - timedelta(days=2)).date()
    assert data == ContractInput(cid, "ERP 项目", None, deal_id, p.rep_n1.id, signed_on=won_on,
                                 lines=LINES)  # fmt: skip
    c = rep.contract(rep.create_contract(data).value)
    assert (c.amount, c.deal_title, c.data.deal_id, len(c.lines)) == (
        D("10000.00"), "ERP 项目", deal_id, 2)  # fmt: skip
    # a deal's own amount comes along; an open deal is not offered
    other = won_deal(db, p, pipeline, cid, amount=D("8888.00"))
    assert rep.contract_from_deal(other).amount == D("8888.00")
    open_deal = rep.create_deal(DealInput(cid, "open", pipeline.id)).value
    with pytest.raises(ValidationFailed) as exc:
        rep.contract_from_deal(open_deal)
    assert errors_of(exc) == [("deal_id", "not_won")]
    with pytest.raises(NotFound):
        ws(db, p.rep_s1).contract_from_deal(deal_id)
    # a deal of another customer is not this contract's deal
    elsewhere = customer(db, p.rep_n1, "别家")
    with pytest.raises(ValidationFailed) as exc:
        rep.create_contract(replace(data, customer_id=elsewhere))
    assert errors_of(exc) == [("deal_id", "invalid")]


def test_a_conflict_names_who_changed_which_fields(db, people):
    p = people
    cid = customer(db, p.rep_n1)
    rep, boss = ws(db, p.rep_n1), ws(db, p.manager_n, NOW + timedelta(hours=1))
    contract_id = rep.create_contract(ContractInput(cid, "合同", D("100.00"))).value
    seen = rep.contract(contract_id)
    theirs = boss.update_contract(contract_id, replace(seen.data, title="改过的"), seen.version)
    assert theirs.value.version == seen.version + 1 and theirs.change.kinds == {"contracts"}
    mine = replace(seen.data, notes="我的备注")
    with pytest.raises(Conflict) as exc:
        rep.update_contract(contract_id, mine, seen.version)
    assert exc.value.params["by"] == "Nina North"
    assert exc.value.params["at"] == NOW + timedelta(hours=1)
    assert sorted(exc.value.params["fields"]) == ["notes", "title"]
    assert exc.value.params["current"].title == "改过的"
    kept = rep.update_contract(contract_id, mine, seen.version, overwrite=True).value
    assert (kept.data.title, kept.data.notes) == ("合同", "我的备注")
    assert [e.kind for e in kept.events] == ["created", "edited", "edited"]
    # the customer never changes; the amount never drops below what came in
    with pytest.raises(ValidationFailed) as exc:
        other = customer(db, p.rep_n1, "x")
        rep.update_contract(contract_id, replace(kept.data, customer_id=other), kept.version)
    assert errors_of(exc) == [("customer_id", "invalid")]


def pay(db, contract_id, instalment_id, amount, voided=False):
    """A payment as payments.py stores one, placed by refresh_contract_totals (its rules are
    tested in test_payments.py; a draft takes none there)."""
    with db.writing() as s:
        s.execute(insert(Payment).values(
            contract_id=contract_id, received_on=NOW.date(), amount=amount, credit=D(0),
            instalment_id=instalment_id, recorded_at=NOW, voided_at=NOW if voided else None,
        ))  # fmt: skip
        refresh_contract_totals(s, contract_id)


def test_a_plan_adds_up_or_says_by_how_much_and_keeps_what_is_paid(db, people):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    contract_id = rep.create_contract(ContractInput(cid, "合同", D("100.00"))).value
    version = rep.contract(contract_id).version
    short = plan_split(D("90.00"), [30, 70], [date(2026, 12, 1), date(2027, 1, 1)])
    with pytest.raises(ValidationFailed) as exc:
        rep.save_plan(contract_id, short, version)
    assert errors_of(exc) == [("instalments", "difference")]
    assert exc.value.params["difference"] == D("10.00")
    c = rep.save_plan(contract_id, short, version, allow_difference=True).value
    assert c.plan_difference == D("10.00") and c.version == version + 1
    plan = plan_monthly(D("100.00"), date(2026, 10, 31), 3)
    done = rep.save_plan(contract_id, plan, c.version)
    c = done.value
    assert done.change.kinds == {"contracts"} and done.change.customer_ids == {cid}
    assert [(x.due_on, x.amount, x.paid, x.overdue_days) for x in c.instalments] == [
        (date(2026, 10, 31), D("33.33"), 0, 20), (date(2026, 11, 30), D("33.33"), 0, 0),
        (date(2026, 12, 31), D("33.34"), 0, 0)]  # fmt: skip
    assert (c.plan_difference, c.next_due_on) == (0, date(2026, 10, 31))
    assert [e.detail for e in c.events if e.kind == "plan"] == ["2:90.00", "3:100.00"]
    first, second, third = (x.id for x in c.instalments)
    pay(db, contract_id, first, D("33.33"))
    pay(db, contract_id, second, D("15.00"))
    pay(db, contract_id, third, D("33.34"), voided=True)  # a void counts for nothing
    c = rep.contract(contract_id)
    assert (c.received, c.credit, c.outstanding, c.next_due_on) == (
        D("48.33"), D("0.00"), D("51.67"), date(2026, 11, 30))  # fmt: skip
    assert c.version == done.value.version  # payments do not move the version
    assert [x.paid for x in c.instalments] == [D("33.33"), D("15.00"), 0]
    # a paid instalment may move but not go, nor be cut below what was paid
    kept = [InstalmentInput(x.due_on, x.amount, x.note, x.id) for x in c.instalments]
    with pytest.raises(ValidationFailed) as exc:
        rep.save_plan(contract_id, [kept[0], kept[2]], c.version, allow_difference=True)
    assert errors_of(exc) == [("instalments", "paid_removed")]
    with pytest.raises(ValidationFailed) as exc:
        rep.save_plan(contract_id, [kept[0], replace(kept[1], amount=D("14.99")), kept[2]],
                      c.version, allow_difference=True)  # fmt: skip
    assert errors_of(exc) == [("instalments.1.amount", "below_paid")]
    with pytest.raises(ValidationFailed) as exc:
        rep.save_plan(contract_id, [replace(kept[0], id=10**6)], c.version, allow_difference=True)
    assert ("instalments.0.id", "invalid") in errors_of(exc)
    moved = [kept[0], replace(kept[1], due_on=date(2027, 2, 1), amount=D("15.00")),
             InstalmentInput(date(2027, 1, 15), D("51.67"), "尾款")]  # fmt: skip
    c = rep.save_plan(contract_id, moved, c.version).value
    assert [(x.due_on, x.amount, x.paid, x.note) for x in c.instalments] == [
        (date(2026, 10, 31), D("33.33"), D("33.33"), ""),
        (date(2027, 1, 15), D("51.67"), 0, "尾款"),
        (date(2027, 2, 1), D("15.00"), D("15.00"), "")]  # fmt: skip
    assert (c.next_due_on, c.received) == (date(2027, 1, 15), D("48.33"))
    assert db.read(lambda s: s.scalar(select(func.count()).select_from(Instalment))) == 3
    # the amount cannot drop below what was received
    with pytest.raises(ValidationFailed) as exc:
        rep.update_contract(contract_id, replace(c.data, amount=D("48.32")), c.version)
    assert errors_of(exc) == [("amount", "below_received")]
    with pytest.raises(Conflict):
        rep.save_plan(contract_id, moved, c.version - 1)
    # money came in: the contract stays out of the recycle bin
    with pytest.raises(ValidationFailed) as exc:
        rep.delete_contract(contract_id)
    assert errors_of(exc) == [("contract", "has_payments")]


def test_activating_above_the_limits_waits_for_the_managers_approval(db, people):
    p = people
    limits(db, p)
    cid = customer(db, p.rep_n1)
    rep, boss = ws(db, p.rep_n1), ws(db, p.manager_n)
    small = ready(rep, cid, "小单", D("1000.00"))
    c = rep.set_contract_status(small, "active", rep.contract(small).version).value
    assert (c.status, c.awaiting_approval, c.approval) == ("active", False, None)

    big = ready(rep, cid, "大单", D("1000.01"))
    done = rep.set_contract_status(big, "active", rep.contract(big).version)
    c = done.value
    assert done.change.kinds == {"contracts", "approvals", "notifications"}
    assert (c.status, c.awaiting_approval, c.approval.reason) == ("draft", True, "amount")
    assert db.read(lambda s: count_pending(s, p.manager_n)) == 1
    assert db.read(lambda s: count_pending(s, p.manager_s)) == 0
    assert db.read(lambda s: count_pending(s, p.rep_n1)) == 0
    (row,) = db.read(lambda s: list_approvals(s, p.manager_n))
    assert (row.kind, row.contract_id, row.contract_number, row.deal_id) == (
        "contract", big, c.number, 0)  # fmt: skip
    assert (row.deal_title, row.amount, row.customer_name, row.reason) == (
        "大单", D("1000.01"), "星辰科技", "amount")  # fmt: skip
    assert [r.id for r in db.read(lambda s: list_approvals(s, p.rep_n1))] == [row.id]
    assert db.read(lambda s: list_approvals(s, p.manager_s)) == []
    # nothing changes status, amount or lines while the manager decides
    with pytest.raises(ValidationFailed) as exc:
        rep.set_contract_status(big, "terminated", c.version)
    assert errors_of(exc) == [("status", "awaiting_approval")]
    with pytest.raises(ValidationFailed) as exc:
        rep.update_contract(big, replace(c.data, amount=D(5)), c.version)
    assert errors_of(exc) == [("lines", "awaiting_approval")]
    with pytest.raises(PermissionDenied):
        ws(db, p.manager_s).decide_approval(row.id, True, "")
    boss.decide_approval(row.id, True, "好")
    c = rep.contract(big)
    assert (c.status, c.awaiting_approval, c.approval) == ("active", False, None)
    assert [(e.kind, e.detail) for e in c.events][-3:] == [
        ("approval_requested", "amount"), ("approved", "好"), ("status", "active")]  # fmt: skip
    assert db.read(lambda s: s.get(Approval, row.id).status) == "approved"


def test_a_discount_over_the_limit_asks_too_and_a_rejection_leaves_a_draft(db, people):
    p = people
    limits(db, p, amount="1000000")
    cid = customer(db, p.rep_n1)
    rep, boss = ws(db, p.rep_n1), ws(db, p.manager_n)
    lines = (LineInput(None, "折扣", D(1), D("100.00"), D("20.01")),)
    contract_id = ready(rep, cid, "折扣单", lines=lines)
    c = rep.set_contract_status(contract_id, "active", rep.contract(contract_id).version).value
    assert (c.status, c.awaiting_approval, c.approval.reason) == ("draft", True, "discount")
    with pytest.raises(ValidationFailed) as exc:
        boss.decide_approval(c.approval.id, False, "")
    assert errors_of(exc) == [("comment", "required")]
    boss.decide_approval(c.approval.id, False, "折扣太高")
    c = rep.contract(contract_id)
    assert (c.status, c.awaiting_approval, c.events[-1].kind, c.events[-1].detail) == (
        "draft", False, "rejected", "折扣太高")  # fmt: skip
    # asked again, then taken back by the rep
    c = rep.set_contract_status(contract_id, "active", c.version).value
    rep.cancel_approval(c.approval.id)
    c = rep.contract(contract_id)
    assert (c.status, c.awaiting_approval, c.approval) == ("draft", False, None)
    assert db.read(lambda s: count_pending(s, p.manager_n)) == 0
    # a manager's own request waits for an admin
    own = ready(ws(db, p.manager_n), cid, "经理的", D(2_000_000))
    c = boss.set_contract_status(own, "active", boss.contract(own).version).value
    with pytest.raises(PermissionDenied):
        boss.decide_approval(c.approval.id, True, "")
    ws(db, p.admin).decide_approval(c.approval.id, True, "")
    assert rep.contract(own).status == "active"


def test_status_moves_and_the_recycle_bin(db, people):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    contract_id = ready(rep, cid, "合同", D(10))
    c = rep.contract(contract_id)
    with pytest.raises(ValidationFailed) as exc:
        rep.set_contract_status(contract_id, "completed", c.version)
    assert errors_of(exc) == [("status", "invalid_move")]
    with pytest.raises(ValidationFailed):
        rep.set_contract_status(contract_id, "archived", c.version)
    for status in ("active", "completed", "active", "terminated", "draft"):
        c = rep.set_contract_status(contract_id, status, c.version).value
        assert c.status == status
    with pytest.raises(Conflict):
        rep.set_contract_status(contract_id, "active", c.version - 1)
    # to the bin: a pending request goes with it
    limits(db, p, amount="1")
    c = rep.set_contract_status(contract_id, "active", c.version).value
    done = rep.delete_contract(contract_id)
    assert done.change.kinds == {"contracts", "approvals"}
    assert db.read(lambda s: count_pending(s, p.manager_n)) == 0
    with pytest.raises(NotFound):
        rep.contract(contract_id)
    assert rep.customer_contracts(cid) == []
    rep.restore_contract(contract_id)
    c = rep.contract(contract_id)
    assert (c.status, c.awaiting_approval) == ("draft", False)
    assert [e.detail for e in c.events][-2:] == ["deleted", "restored"]


def test_who_sees_and_edits_a_contract(db, people):
    p = people
    finance = finance_user(db)
    cid = customer(db, p.rep_n1)
    contract_id = ws(db, p.rep_n1).create_contract(ContractInput(cid, "合同", D(10))).value
    for actor in (p.rep_n1, p.manager_n, p.admin):
        c = ws(db, actor).contract(contract_id)
        assert c.editable and c.collectable
    c = ws(db, finance).contract(contract_id)
    assert (c.editable, c.collectable, c.customer_name) == (False, True, "星辰科技")
    for actor in (p.rep_n2, p.manager_s, p.rep_s1):
        with pytest.raises(NotFound):
            ws(db, actor).contract(contract_id)
        with pytest.raises(NotFound):
            ws(db, actor).update_contract(contract_id, c.data, c.version)
    with pytest.raises(PermissionDenied):
        ws(db, finance).update_contract(contract_id, replace(c.data, title="x"), c.version)
    with pytest.raises(PermissionDenied):
        ws(db, finance).set_contract_status(contract_id, "active", c.version)
    with pytest.raises(PermissionDenied):
        ws(db, finance).save_plan(contract_id, plan_monthly(D(10), date(2027, 1, 1), 2), c.version)
    with pytest.raises(NotFound):  # finance sees no customers, so makes no contracts for them
        ws(db, finance).create_contract(ContractInput(cid, "x", D(1)))
    # a colleague's contract on a customer the rep sees: read-only
    ws(db, p.manager_n).update_contract(contract_id, replace(c.data, owner_id=p.rep_n2.id),
                                        c.version)  # fmt: skip
    c = ws(db, p.rep_n1).contract(contract_id)
    assert (c.owner_name, c.editable, c.collectable) == ("Ned North", False, False)
    assert [r.id for r in ws(db, p.rep_n1).customer_contracts(cid)] == [contract_id]
    with pytest.raises(PermissionDenied):  # a rep hands work to nobody else
        ws(db, p.rep_n2).update_contract(contract_id, replace(c.data, owner_id=p.rep_s1.id),
                                         c.version)  # fmt: skip


def test_bad_input_is_refused_before_it_reaches_the_database(db, people):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    bad = [
        (ContractInput(cid, "x" * 10_000, D(1)), ("title", "too_long")),
        (ContractInput(cid, "x", D(1), notes="n" * 16_001), ("notes", "too_long")),
        (ContractInput(cid, "x\x00", D(1)), ("title", "bad_character")),
        (ContractInput(cid, "x", D("-0.01")), ("amount", "out_of_range")),
        (ContractInput(cid, "x", D(10) ** 12), ("amount", "out_of_range")),
        (ContractInput(cid, "x", D(1), number="N" * 41), ("number", "too_long")),
        (ContractInput(cid, "x", D(1), signed_on=date(1800, 1, 1)), ("signed_on", "out_of_range")),
        (ContractInput(cid, "x", lines=(LineInput(None, "l", D(1), D("-1")),)),
         ("lines.0.unit_price", "out_of_range")),
        (ContractInput(cid, "x", lines=(LineInput(10**6, "l", D(1), D(1)),)),
         ("lines.0.product_id", "not_found")),
        (ContractInput(cid, "x", D(1), owner_id=2**31), ("owner_id", "invalid")),
    ]  # fmt: skip
    for data, error in bad:
        with pytest.raises(ValidationFailed) as exc:
            rep.create_contract(data)
        assert error in errors_of(exc), data
    long_notes = rep.create_contract(ContractInput(cid, "长", D(1), notes="备" * 10_000)).value
    c = rep.contract(long_notes)
    assert len(c.data.notes) == 10_000
    with pytest.raises(ValidationFailed) as exc:
        rep.save_plan(long_notes, [InstalmentInput(date(2027, 1, 1), D("-1"), "\x00")], c.version)
    assert set(errors_of(exc)) == {("instalments.0.amount", "out_of_range"),
                                   ("instalments.0.note", "bad_character")}  # fmt: skip
    with pytest.raises(ValidationFailed):
        rep.save_plan(long_notes, [], "1")
    with pytest.raises(NotFound):
        rep.contract(2**31)
    with pytest.raises(ValidationFailed):
        ws(db, p.admin).save_contract_settings(ContractSettings("HT\x00{seq}"))
