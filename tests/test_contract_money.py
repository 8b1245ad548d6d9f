"""A contract's money on SQLite, PostgreSQL and MariaDB, after a review and a user test: every
live payment placed on the plan again after each write (a void, a plan grown or smaller, credit
taken up), one outstanding everywhere and never negative, activation only signed with a plan
adding up, the amount and plan saved together (save_contract) and kept adding up, a signed
contract's amount not raised past the approval limits, no way back to draft with payments, the
user's local day (not UTC's), numbers and money that fit their columns, a deal's one contract,
and the receivables' row caps."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW
from sqlalchemy import insert, select, update
from test_contracts import customer, errors_of, finance_user, won_deal, ws

from crmdesk.models.contract_list import ContractQuery
from crmdesk.models.contract_rules import ContractInput, ContractSettings, InstalmentInput
from crmdesk.models.deal_rules import MONEY_LIMIT
from crmdesk.models.errors import Conflict, ValidationFailed
from crmdesk.models.payments import PaymentInput
from crmdesk.models.schema import Setting
from crmdesk.models.schema_contracts import Contract, Payment, PaymentAllocation
from crmdesk.models.schema_deals import Deal
from crmdesk.models.workspace import Workspace

TODAY = NOW.date()
LATER = date(2026, 11, 25)


def plan(*amounts, due=TODAY):
    return [InstalmentInput(due + timedelta(days=k), D(a)) for k, a in enumerate(amounts)]


def active(db, rep, cid, amount, instalments=None):
    """An active contract (signed, its plan given or one payment of the amount)."""
    w = ws(db, rep)
    k = w.create_contract(ContractInput(cid, "合同", D(amount), signed_on=TODAY)).value
    c = w.contract(k)
    w.save_plan(k, instalments or plan(amount), c.version)
    c = w.set_contract_status(k, "active", w.contract(k).version).value
    assert c.status == "active"
    return k, c


def figures(w, k):
    c = w.contract(k)
    return c.received, c.credit, c.outstanding, [x.paid for x in c.instalments]


def payment_credit(db, pid):
    return db.read(lambda s: s.get(Payment, pid).credit)


# ---------------------------------------------------------------- credit and outstanding


def test_a_void_lets_the_other_payments_fill_what_it_paid(db, people):
    rep = people.rep_n1
    cid = customer(db, rep)
    k, _ = active(db, rep, cid, "1000.00", plan("600.00", "400.00"))
    w = ws(db, rep)
    first = w.record_payment(k, PaymentInput(TODAY, D("600.00"))).value
    second = w.record_payment(k, PaymentInput(TODAY, D("500.00")), as_credit=True).value
    assert figures(w, k) == (D("1000.00"), D("100.00"), D(0), [D("600.00"), D("400.00")])
    assert payment_credit(db, second) == D("100.00")
    w.void_payment(first)
    # 500 live: placed from the first instalment on, no credit while 500 is owed
    assert figures(w, k) == (D("500.00"), D(0), D("500.00"), [D("500.00"), D(0)])
    assert payment_credit(db, second) == D(0)
    total = w.receivables_total(TODAY)
    assert (total.received, total.credit, total.outstanding) == (D("500.00"), D(0), D("500.00"))


def test_credit_is_taken_up_when_the_plan_grows(db, people):
    rep = people.rep_n1
    cid = customer(db, rep)
    k, c = active(db, rep, cid, "1000.00")
    w = ws(db, rep)
    pid = w.record_payment(k, PaymentInput(TODAY, D("1200.00")), as_credit=True).value
    assert figures(w, k)[:3] == (D("1000.00"), D("200.00"), D(0))
    c = w.contract(k)
    grown = [InstalmentInput(x.due_on, x.amount, x.note, x.id) for x in c.instalments]
    grown.append(InstalmentInput(LATER, D("300.00")))
    done = w.save_contract(k, replace(c.data, amount=D("1300.00")), grown, c.version)
    c = done.value
    assert (c.amount, c.received, c.credit, c.outstanding) == (
        D("1300.00"), D("1200.00"), D(0), D("100.00"))  # fmt: skip
    assert [x.paid for x in c.instalments] == [D("1000.00"), D("200.00")]
    assert payment_credit(db, pid) == D(0)
    assert c.next_due_on == LATER


def test_a_chosen_instalment_is_kept_and_placed_first_again(db, people):
    rep = people.rep_n1
    cid = customer(db, rep)
    k, c = active(db, rep, cid, "1000.00", plan("300.00", "700.00"))
    w = ws(db, rep)
    jan, mar = (x.id for x in w.contract(k).instalments)
    chose = w.record_payment(k, PaymentInput(TODAY, D("500.00"), instalment_id=mar)).value
    assert db.read(lambda s: s.get(Payment, chose).instalment_id) == mar
    assert figures(w, k)[3] == [D(0), D("500.00")]
    other = w.record_payment(k, PaymentInput(TODAY, D("400.00"))).value
    assert figures(w, k)[3] == [D("300.00"), D("600.00")]
    w.void_payment(other)
    assert figures(w, k)[3] == [D(0), D("500.00")]  # still where it chose
    # voided, its chosen instalment may go: the payment lets go of it
    w.void_payment(chose)
    c = w.contract(k)
    keep = [InstalmentInput(TODAY, D("1000.00"), "", jan)]
    w.save_plan(k, keep, c.version)
    assert db.read(lambda s: s.get(Payment, chose).instalment_id) is None


def test_allocations_rows_follow_the_placing(db, people):
    rep = people.rep_n1
    cid = customer(db, rep)
    k, _ = active(db, rep, cid, "100.00", plan("40.00", "60.00"))
    w = ws(db, rep)
    a = w.record_payment(k, PaymentInput(TODAY - timedelta(days=1), D("50.00"))).value
    b = w.record_payment(k, PaymentInput(TODAY - timedelta(days=3), D("30.00"))).value
    ids = [x.id for x in w.contract(k).instalments]
    rows = db.read(lambda s: sorted(s.execute(select(
        PaymentAllocation.payment_id, PaymentAllocation.instalment_id, PaymentAllocation.amount
    )).all()))  # fmt: skip
    # b was received first: it fills the first instalment's 30, a the rest
    assert rows == sorted([(b, ids[0], D("30.00")), (a, ids[0], D("10.00")),
                           (a, ids[1], D("40.00"))])  # fmt: skip


def test_outstanding_is_one_figure_never_negative(db, people):
    """A plan not adding up from before these rules (written as a row): the money paid counts
    whether placed or kept as credit, in the dialog, the customer's tab, the list and the
    receivables alike."""
    rep = people.rep_n1
    cid = customer(db, rep)
    k, _ = active(db, rep, cid, "600.00")
    with db.writing() as s:
        s.execute(update(Contract).where(Contract.id == k).values(amount=D("1000.00")))
    w = ws(db, rep)
    w.record_payment(k, PaymentInput(TODAY, D("1000.00")), as_credit=True)
    c = w.contract(k)
    assert (c.received, c.credit, c.outstanding) == (D("600.00"), D("400.00"), D(0))
    assert w.customer_contracts(cid)[0].outstanding == D(0)
    assert w.list_contracts(ContractQuery(), 0, 10)[0].outstanding == D(0)
    assert w.receivables_total(TODAY).outstanding == D(0)
    # and a plan asking for more than the amount, paid: nothing owed, not a negative
    with db.writing() as s:
        s.execute(update(Contract).where(Contract.id == k).values(amount=D("500.00")))
    c = w.contract(k)
    assert c.outstanding == D(0) and w.list_contracts(ContractQuery(), 0, 10)[0].outstanding == 0
    assert w.customer_contracts(cid)[0].outstanding == D(0)


def test_money_beyond_what_the_columns_hold_is_refused(db, people):
    rep = people.rep_n1
    cid = customer(db, rep)
    k, _ = active(db, rep, cid, "1.00")
    w = ws(db, rep)
    most = MONEY_LIMIT - D("0.01")
    w.record_payment(k, PaymentInput(TODAY, most - 1), as_credit=True)
    with pytest.raises(ValidationFailed) as exc:
        w.record_payment(k, PaymentInput(TODAY, D("1.01")), as_credit=True)
    assert errors_of(exc) == [("amount", "out_of_range")]
    assert exc.value.params["limits"] == {"amount": D("1.00")}
    w.record_payment(k, PaymentInput(TODAY, D("1.00")), as_credit=True)
    c = w.contract(k)
    assert c.received + c.credit == most


def test_a_plan_beyond_what_the_columns_hold_is_refused(db, people):
    w = ws(db, people.rep_n1)
    k = w.create_contract(ContractInput(customer(db, people.rep_n1), "合同", D(1))).value
    half = MONEY_LIMIT / 2
    with pytest.raises(ValidationFailed) as exc:
        w.save_plan(k, plan(half, half), w.contract(k).version, allow_difference=True)
    assert errors_of(exc) == [("instalments", "out_of_range")]


# ---------------------------------------------------------------- activation and edits


def test_activation_needs_the_signing_day_and_a_plan_adding_up(db, people):
    rep = people.rep_n1
    cid = customer(db, rep)
    w = ws(db, rep)
    k = w.create_contract(ContractInput(cid, "合同", D("1000.00"))).value
    with pytest.raises(ValidationFailed) as exc:
        w.set_contract_status(k, "active", w.contract(k).version)
    assert errors_of(exc) == [("signed_on", "required"), ("instalments", "difference")]
    assert exc.value.params["difference"] == D("1000.00")
    c = w.update_contract(k, replace(w.contract(k).data, signed_on=TODAY), w.contract(k).version)
    c = w.save_plan(k, plan("600.00"), c.value.version, allow_difference=True).value
    with pytest.raises(ValidationFailed) as exc:
        w.set_contract_status(k, "active", c.version)
    assert errors_of(exc) == [("instalments", "difference")]
    assert exc.value.params["difference"] == D("400.00")
    c = w.save_plan(k, plan("600.00", "400.00"), c.version).value
    assert w.set_contract_status(k, "active", c.version).value.status == "active"


def test_a_signed_contracts_plan_and_amount_keep_adding_up(db, people):
    rep = people.rep_n1
    cid = customer(db, rep)
    k, c = active(db, rep, cid, "1000.00", plan("600.00", "400.00"))
    w = ws(db, rep)
    with pytest.raises(ValidationFailed) as exc:
        w.update_contract(k, replace(c.data, amount=D("700.00")), c.version)
    assert errors_of(exc) == [("instalments", "difference")]
    assert exc.value.params["difference"] == D("-300.00")
    with pytest.raises(ValidationFailed) as exc:
        w.save_plan(k, plan("600.00"), c.version, allow_difference=True)
    assert errors_of(exc) == [("instalments", "difference")]
    with pytest.raises(ValidationFailed) as exc:
        w.update_contract(k, replace(c.data, signed_on=None), c.version)
    assert errors_of(exc) == [("signed_on", "required")]
    # fields and plan together: one unit of work, the version moving once
    lower = [InstalmentInput(x.due_on, x.amount, x.note, x.id) for x in c.instalments]
    lower[1] = replace(lower[1], amount=D("100.00"))
    done = w.save_contract(k, replace(c.data, amount=D("700.00"), title="改"), lower, c.version)
    new = done.value
    assert (new.amount, new.plan_difference, new.data.title, new.version) == (
        D("700.00"), D(0), "改", c.version + 1)  # fmt: skip
    assert [e.kind for e in new.events][-2:] == ["edited", "plan"]
    # a colleague's save since: a conflict naming the plan too
    with pytest.raises(Conflict) as exc:
        w.save_contract(k, c.data, plan("1000.00"), c.version)
    assert "instalments" in exc.value.params["fields"]
    # the title alone needs no plan
    assert w.update_contract(k, replace(new.data, title="再改"), new.version).value.version == (
        new.version + 1)  # fmt: skip


def test_a_drafts_plan_that_added_up_keeps_adding_up(db, people):
    rep = people.rep_n1
    cid = customer(db, rep)
    w = ws(db, rep)
    k = w.create_contract(ContractInput(cid, "合同", D("100.00"))).value
    c = w.update_contract(k, replace(w.contract(k).data, amount=D("200.00")),
                          w.contract(k).version).value  # fmt: skip
    assert c.amount == D("200.00")  # no plan yet: nothing to add up
    c = w.save_plan(k, plan("200.00"), c.version).value
    with pytest.raises(ValidationFailed) as exc:
        w.update_contract(k, replace(c.data, amount=D("300.00")), c.version)
    assert errors_of(exc) == [("instalments", "difference")]
    c = w.save_contract(k, replace(c.data, amount=D("300.00")), plan("100.00"), c.version,
                        allow_difference=True).value  # fmt: skip
    assert c.plan_difference == D("200.00")


def test_raising_a_signed_contract_past_the_limits_is_refused_but_for_admins(db, people):
    p = people
    ws(db, p.admin).save_contract_settings(
        ContractSettings(approval_amount=D("1000.00"), approval_discount=D("20"))
    )
    cid = customer(db, p.rep_n1)
    k, c = active(db, p.rep_n1, cid, "500.00")
    w = ws(db, p.rep_n1)
    with pytest.raises(ValidationFailed) as exc:
        w.save_contract(k, replace(c.data, amount=D("9000000.00")), plan("9000000.00"), c.version)
    assert errors_of(exc) == [("amount", "needs_approval")]
    assert exc.value.params["limits"] == {"amount": D("1000.00")}
    assert exc.value.params["reason"] == "amount"
    assert db.read(lambda s: s.get(Contract, k).amount) == D("500.00")
    with pytest.raises(ValidationFailed) as exc:  # a manager edits as the rep does
        ws(db, p.manager_n).save_contract(k, replace(c.data, amount=D("1000.01")),
                                          plan("1000.01"), c.version)  # fmt: skip
    assert errors_of(exc) == [("amount", "needs_approval")]
    c = w.save_contract(k, replace(c.data, amount=D("1000.00")), plan("1000.00"), c.version).value
    assert c.amount == D("1000.00")  # up to the limit
    c = ws(db, p.admin).save_contract(k, replace(c.data, amount=D("5000.00")), plan("5000.00"),
                                      c.version).value  # fmt: skip
    assert c.amount == D("5000.00")  # administrators set the limits
    # above the limit already: lowering it, or the title, is no new approval
    c = w.save_contract(k, replace(c.data, amount=D("4000.00"), title="降"), plan("4000.00"),
                        c.version).value  # fmt: skip
    assert (c.amount, c.data.title) == (D("4000.00"), "降")


def test_no_way_back_to_draft_while_payments_are_live(db, people):
    rep = people.rep_n1
    cid = customer(db, rep)
    k, c = active(db, rep, cid, "100.00")
    w = ws(db, rep)
    pid = w.record_payment(k, PaymentInput(TODAY, D("10.00"))).value
    c = w.set_contract_status(k, "terminated", w.contract(k).version).value
    with pytest.raises(ValidationFailed) as exc:
        w.set_contract_status(k, "draft", c.version)
    assert errors_of(exc) == [("status", "has_payments")]
    w.void_payment(pid)
    assert w.set_contract_status(k, "draft", c.version).value.status == "draft"


# ---------------------------------------------------------------- days, numbers, deals


@pytest.fixture
def shanghai():
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    del os.environ["TZ"]
    time.tzset()


def test_the_users_local_day_not_utcs(db, people, pipeline, shanghai):
    rep = people.rep_n1
    cid = customer(db, rep)
    k, _ = active(db, rep, cid, "100.00", plan("100.00"))
    evening = datetime(2026, 11, 20, 20, 0)  # UTC: already the 21st in Shanghai
    w = Workspace(db, rep, clock=lambda: evening)
    row = w.list_contracts(ContractQuery(), 0, 10)[0]
    assert row.overdue_days == 1 and w.contract(k).instalments[0].overdue_days == 1
    # a contract made on New Year's morning in Shanghai is numbered in the new year
    new_year = Workspace(db, rep, clock=lambda: datetime(2026, 12, 31, 20, 0))
    made = new_year.create_contract(ContractInput(cid, "新年", D(1))).value
    assert new_year.contract(made).number == "HT-2027-0001"
    # a deal won in the Shanghai night is signed on the Shanghai day
    deal_id = won_deal(db, people, pipeline, cid)
    with db.writing() as s:
        s.execute(update(Deal).where(Deal.id == deal_id).values(closed_at=evening))
    assert w.contract_from_deal(deal_id).signed_on == date(2026, 11, 21)


def test_a_number_too_long_for_its_column_is_a_field_error(db, people):
    ws(db, people.admin).save_contract_settings(ContractSettings("A" * 34 + "-{seq}"))
    with db.writing() as s:
        s.add(Setting(key="contracts.seq.2026", value="99999"))
    cid = customer(db, people.rep_n1)
    with pytest.raises(ValidationFailed) as exc:
        ws(db, people.rep_n1).create_contract(ContractInput(cid, "c", amount=D(1)))
    assert errors_of(exc) == [("number", "too_long")]
    assert exc.value.params["limits"] == {"number": 40}


def test_a_deal_with_a_live_contract_names_it(db, people, pipeline):
    rep = ws(db, people.rep_n1)
    cid = customer(db, people.rep_n1)
    deal_id = won_deal(db, people, pipeline, cid)
    made = rep.create_contract(rep.contract_from_deal(deal_id)).value
    with pytest.raises(ValidationFailed) as exc:
        rep.contract_from_deal(deal_id)
    assert errors_of(exc) == [("deal_id", "has_contract")]
    assert exc.value.params["contract_id"] == made
    rep.delete_contract(made)  # in the recycle bin: a new one may be made
    assert rep.contract_from_deal(deal_id).deal_id == deal_id


def test_receivables_breakdowns_return_at_most_500_rows(db, people):
    finance = ws(db, finance_user(db))
    for fn in (finance.receivables_by_customer, finance.receivables_by_contract):
        assert fn(limit=500) == []
        with pytest.raises(ValidationFailed) as exc:
            fn(limit=501)
        assert exc.value.params["limits"] == {"limit": 500}


def test_a_payment_row_without_a_chosen_instalment_is_placed_in_due_order(db, people):
    """Payments recorded before migration 0011 carry none."""
    rep = people.rep_n1
    cid = customer(db, rep)
    k, _ = active(db, rep, cid, "100.00", plan("40.00", "60.00"))
    w = ws(db, rep)
    with db.writing() as s:
        s.execute(insert(Payment).values(contract_id=k, received_on=TODAY, amount=D("50.00"),
                                         credit=D(0), recorded_at=NOW))  # fmt: skip
    w.record_payment(k, PaymentInput(TODAY, D("10.00")))
    assert figures(w, k) == (D("60.00"), D(0), D("40.00"), [D("40.00"), D("20.00")])
