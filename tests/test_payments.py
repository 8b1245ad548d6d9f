"""Payments received and invoices on SQLite, PostgreSQL and MariaDB: a payment applied to the
plan in due order or to a chosen instalment first, over-payment refused with what is
outstanding or kept as credit, voiding placing the other payments again, random sequences of
payments and voids against a model in Python, who may collect, every input checked, two clients
paying the same contract at once. Contracts and plans are plain inserts of schema rows."""

from __future__ import annotations

import random
import threading
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW
from sqlalchemy import insert, select, update

from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.database import open_database
from crmdesk.models.errors import NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.payments import InvoiceInput, PaymentInput, allocate, check_payment
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_contracts import (
    Contract,
    ContractEvent,
    Instalment,
    Invoice,
    Payment,
    PaymentAllocation,
)
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace

TODAY = NOW.date()


def ws(db, actor):
    return Workspace(db, actor, clock=lambda: NOW)


def customer(db, owner, name="星辰科技"):
    with db.writing() as s:
        return create_customer(s, owner, CustomerInput(name=name), NOW)


def contract(db, owner, customer_id, plan, *, amount=None, status="active", number=None):
    """A contract of `owner` with instalments plan = [(due_on, amount), ...] as listed (their
    position follows the list, not the due order); its id and the instalments' ids."""
    amount = amount if amount is not None else sum((a for _d, a in plan), D(0))
    with db.writing() as s:
        cid = s.execute(insert(Contract).values(
            number=number or f"HT-{customer_id}-{random.randrange(10**9)}",
            customer_id=customer_id, owner_id=owner.id, team_id=owner.team_id, title="ERP",
            amount=amount, status=status, created_at=NOW, updated_at=NOW,
            next_due_on=min((d for d, _a in plan), default=None),
        )).inserted_primary_key[0]  # fmt: skip
        ids = [
            s.execute(insert(Instalment).values(contract_id=cid, position=i, due_on=d,
                                                amount=a)).inserted_primary_key[0]
            for i, (d, a) in enumerate(plan)
        ]  # fmt: skip
    return cid, ids


def finance_user(db):
    with db.writing() as s:
        u = User(name="Fay Finance", login="finance", role="finance", active=True, created_at=NOW)
        s.add(u)
        s.flush()
        return get_user(s, u.id)


def state(db, contract_id):
    """(received, credit, next_due_on, {instalment id: paid})"""

    def read(s):
        c = s.execute(select(Contract.received, Contract.credit, Contract.next_due_on)
                      .where(Contract.id == contract_id)).one()  # fmt: skip
        paid = dict(s.execute(select(Instalment.id, Instalment.paid)
                              .where(Instalment.contract_id == contract_id)).all())  # fmt: skip
        return c.received, c.credit, c.next_due_on, paid

    return db.read(read)


def pay(amount, instalment_id=None, on=TODAY, **kw):
    return PaymentInput(on, D(amount), instalment_id=instalment_id, **kw)


def errors_of(exc) -> list[tuple[str, str]]:
    return list(exc.value.params["errors"])


JAN, MAR, MAY = date(2026, 1, 10), date(2026, 3, 10), date(2026, 5, 10)


def test_allocate_in_order_or_the_chosen_one_first():
    plan = [(1, D(300)), (2, D(700)), (3, D(0))]
    parts, left = allocate(D(500), plan)
    assert [(p.instalment_id, p.amount) for p in parts] == [(1, D(300)), (2, D(200))]
    assert left == 0
    parts, left = allocate(D(800), plan, first=2)
    assert [(p.instalment_id, p.amount) for p in parts] == [(2, D(700)), (1, D(100))]
    assert allocate(D(1001), plan)[1] == D(1)


def test_a_payment_is_applied_in_due_order_not_the_plan_position(db, people):
    p = people
    cust = customer(db, p.rep_n1)
    # listed May first: the due order decides, not the position
    cid, (may, jan, mar) = contract(db, p.rep_n1, cust, [(MAY, D("100.00")), (JAN, D("300.00")),
                                                         (MAR, D("700.00"))])  # fmt: skip
    done = ws(db, p.rep_n1).record_payment(cid, pay("500.00", reference=" 回单 001 "))
    assert done.change.kinds == {"payments"} and done.change.customer_ids == {cust}
    assert state(db, cid) == (D("500.00"), D("0.00"), MAR, {jan: D(300), mar: D(200), may: D(0)})

    def rows(s):
        payment = s.get(Payment, done.value)
        allocs = s.execute(select(PaymentAllocation.instalment_id, PaymentAllocation.amount)
                           .where(PaymentAllocation.payment_id == done.value)).all()  # fmt: skip
        events = s.execute(select(ContractEvent.kind, ContractEvent.detail, ContractEvent.actor_id)
                           .where(ContractEvent.contract_id == cid)).all()  # fmt: skip
        return payment, sorted(allocs), events

    payment, allocs, events = db.read(rows)
    assert (payment.amount, payment.credit, payment.reference, payment.method) == (
        D("500.00"), D("0.00"), "回单 001", "bank_transfer")  # fmt: skip
    assert (payment.owner_id, payment.team_id, payment.recorded_by_id, payment.recorded_at) == (
        p.rep_n1.id, p.rep_n1.team_id, p.rep_n1.id, NOW)  # fmt: skip
    assert allocs == sorted([(jan, D(300)), (mar, D(200))])
    assert events == [("payment", "500.00", p.rep_n1.id)]

    # the rest of March, then May: paid in full, nothing due any more
    ws(db, p.rep_n1).record_payment(cid, pay("600.00"))
    assert state(db, cid) == (D("1100.00"), D(0), None, {jan: D(300), mar: D(700), may: D(100)})


def test_a_chosen_instalment_is_paid_first_then_the_rest_in_order(db, people):
    p = people
    cid, (jan, mar, may) = contract(db, p.rep_n1, customer(db, p.rep_n1),
                                    [(JAN, D(300)), (MAR, D(700)), (MAY, D(100))])  # fmt: skip
    rep = ws(db, p.rep_n1)
    rep.record_payment(cid, pay("400.00", instalment_id=mar))
    assert state(db, cid) == (D(400), D(0), JAN, {jan: D(0), mar: D(400), may: D(0)})
    rep.record_payment(cid, pay("450.00", instalment_id=mar))  # 300 to March, then January
    assert state(db, cid) == (D(850), D(0), JAN, {jan: D(150), mar: D(700), may: D(0)})
    rep.record_payment(cid, pay("0.01", instalment_id=mar))  # March is paid: in order
    assert state(db, cid)[3][jan] == D("150.01")
    other, (elsewhere,) = contract(db, p.rep_n1, customer(db, p.rep_n1, "别家"), [(JAN, D(5))])
    with pytest.raises(ValidationFailed) as exc:
        rep.record_payment(cid, pay("1.00", instalment_id=elsewhere))
    assert errors_of(exc) == [("instalment_id", "not_found")]
    with pytest.raises(ValidationFailed) as exc:
        rep.record_payment(cid, pay("1.00", instalment_id=2**31 - 1))
    assert errors_of(exc) == [("instalment_id", "not_found")]


def test_over_payment_is_refused_with_the_outstanding_amount_or_kept_as_credit(db, people):
    p = people
    cid, (jan, mar) = contract(db, p.rep_n1, customer(db, p.rep_n1), [(JAN, D(300)),
                                                                      (MAR, D(700))])  # fmt: skip
    rep = ws(db, p.rep_n1)
    rep.record_payment(cid, pay("250.50"))
    with pytest.raises(ValidationFailed) as exc:
        rep.record_payment(cid, pay("749.51"))
    assert errors_of(exc) == [("amount", "over_plan")]
    assert exc.value.params["outstanding"] == D("749.50")
    assert exc.value.params["limits"] == {"amount": D("749.50")}
    assert db.read(lambda s: len(s.scalars(select(Payment)).all())) == 1  # nothing written
    done = rep.record_payment(cid, pay("749.51"), as_credit=True)
    assert state(db, cid) == (D(1000), D("0.01"), None, {jan: D(300), mar: D(700)})
    assert db.read(lambda s: s.get(Payment, done.value).credit) == D("0.01")
    with pytest.raises(ValidationFailed) as exc:  # all paid: any more is over the plan
        rep.record_payment(cid, pay("5.00"))
    assert exc.value.params["outstanding"] == D("0.00")
    rep.record_payment(cid, pay("5.00"), as_credit=True)
    assert state(db, cid)[:2] == (D(1000), D("5.01"))
    # no plan at all: everything is beyond it
    bare, _ = contract(db, p.rep_n1, customer(db, p.rep_n1, "无计划"), [], amount=D(100))
    with pytest.raises(ValidationFailed) as exc:
        rep.record_payment(bare, pay("1.00"))
    assert exc.value.params["outstanding"] == D(0)


def test_voiding_places_the_other_payments_again(db, people):
    p = people
    cid, (jan, mar) = contract(db, p.rep_n1, customer(db, p.rep_n1), [(JAN, D(300)),
                                                                      (MAR, D(700))])  # fmt: skip
    rep = ws(db, p.rep_n1)
    first = rep.record_payment(cid, pay("500.00")).value
    second = rep.record_payment(cid, pay("600.00"), as_credit=True).value
    assert state(db, cid) == (D(1000), D(100), None, {jan: D(300), mar: D(700)})
    done = rep.void_payment(first)
    assert done.change.kinds == {"payments"}
    # the second payment is placed again from January: its credit fills what the first paid
    assert state(db, cid) == (D(600), D(0), MAR, {jan: D(300), mar: D(300)})
    assert db.read(lambda s: s.get(Payment, second).credit) == D(0)
    voided = db.read(lambda s: s.get(Payment, first))
    assert (voided.voided_at, voided.voided_by_id, voided.amount) == (NOW, p.rep_n1.id, D(500))
    with pytest.raises(ValidationFailed) as exc:
        rep.void_payment(first)
    assert errors_of(exc) == [("payment", "voided")]
    rep.void_payment(second)
    assert state(db, cid) == (D(0), D(0), JAN, {jan: D(0), mar: D(0)})
    kinds = db.read(lambda s: s.scalars(select(ContractEvent.kind).order_by(ContractEvent.id))
                    .all())  # fmt: skip
    assert kinds == ["payment", "payment", "payment_voided", "payment_voided"]
    rep.record_payment(cid, pay("1000.00"))  # the plan expects it all again
    with pytest.raises(NotFound):
        rep.void_payment(2**31 - 1)


def placed(due, live):
    """The model: {instalment: paid}, {payment: credit} of live payments {id: (amount, chosen)}
    placed in id order on due = [(instalment id, (due_on, amount)), ...] in due order."""
    room = {iid: a for iid, (_d, a) in due}
    credit = {}
    for pid in sorted(live):
        left, first = live[pid]
        order = [iid for iid, _ in due]
        if first is not None:
            order = [first] + [i for i in order if i != first]
        for iid in order:
            take = min(left, room[iid])
            room[iid] -= take
            left -= take
        credit[pid] = left
    return {iid: a - room[iid] for iid, (_d, a) in due}, credit


def test_random_payments_and_voids_match_a_model(db, people):
    """Sequences of payments (in order, to a chosen instalment, as credit) and voids, checked
    after each step against every live payment placed again in Python, in the order recorded
    (all are received today), each on its chosen instalment first, then in due order."""
    p = people
    rng = random.Random(20261120)
    rep = ws(db, p.rep_n1)
    for round_ in range(3):
        plan = [(JAN + timedelta(days=rng.randrange(400)), D(rng.randrange(1, 100_000)) / 100)
                for _ in range(rng.randrange(1, 6))]  # fmt: skip
        cid, ids = contract(db, p.rep_n1, customer(db, p.rep_n1, f"客户{round_}"), plan)
        due = sorted(zip(ids, plan, strict=True), key=lambda x: (x[1][0], ids.index(x[0])))
        live: dict[int, tuple[D, int | None]] = {}  # payment: amount, chosen instalment

        for _step in range(12):
            if live and rng.random() < 0.25:
                victim = rng.choice(sorted(live))
                rep.void_payment(victim)
                live.pop(victim)
            else:
                amount = D(rng.randrange(1, 60_000)) / 100
                first = rng.choice([None, *ids])
                paid, _credit = placed(due, live)
                room = sum((a for _d, a in plan), D(0)) - sum(paid.values(), D(0))
                as_credit = rng.random() < 0.5
                data = pay(amount, instalment_id=first)
                if amount > room and not as_credit:
                    with pytest.raises(ValidationFailed) as exc:
                        rep.record_payment(cid, data)
                    assert exc.value.params["outstanding"] == room
                    continue
                pid = rep.record_payment(cid, data, as_credit=as_credit).value
                live[pid] = (amount, first)
            paid, credit = placed(due, live)
            received, credit_now, next_due, stored = state(db, cid)
            assert stored == paid
            assert received == sum(paid.values())
            assert credit_now == sum(credit.values(), D(0))
            wanted = select(Payment.id, Payment.credit).where(Payment.id.in_(list(live)))
            assert db.read(lambda s, q=wanted: dict(s.execute(q).all())) == credit
            assert next_due == min((d for iid, (d, a) in due if paid[iid] < a), default=None)


def test_who_may_collect(db, people):
    p = people
    finance = finance_user(db)
    cust = customer(db, p.rep_n1)
    cid, _ = contract(db, p.rep_n1, cust, [(JAN, D(1000))])
    for actor in (p.rep_n2, p.manager_s, p.rep_s1):
        with pytest.raises(NotFound):
            ws(db, actor).record_payment(cid, pay("1.00"))
    for actor in (p.rep_n1, p.manager_n, p.admin, finance):
        pid = ws(db, actor).record_payment(cid, pay("1.00")).value
        assert db.read(lambda s, pid=pid: s.get(Payment, pid).recorded_by_id) == actor.id
    with pytest.raises(NotFound):
        ws(db, p.rep_s1).void_payment(pid)
    ws(db, finance).void_payment(pid)
    iid = ws(db, finance).record_invoice(cid, InvoiceInput("FP-1", TODAY, D(100))).value
    with pytest.raises(NotFound):
        ws(db, p.rep_n2).delete_invoice(iid)
    with db.writing() as s:
        s.execute(update(User).where(User.id == finance.id).values(active=False))
    with pytest.raises(PermissionDenied):
        ws(db, finance).record_payment(cid, pay("1.00"))


def test_drafts_deleted_contracts_and_binned_customers(db, people):
    p = people
    rep = ws(db, p.rep_n1)
    cust = customer(db, p.rep_n1)
    draft, _ = contract(db, p.rep_n1, cust, [(JAN, D(10))], status="draft")
    with pytest.raises(ValidationFailed) as exc:
        rep.record_payment(draft, pay("1.00"))
    assert errors_of(exc) == [("status", "draft")]
    with pytest.raises(ValidationFailed):
        rep.record_invoice(draft, InvoiceInput("", TODAY, D(1)))
    ended, _ = contract(db, p.rep_n1, cust, [(JAN, D(10))], status="terminated")
    rep.record_payment(ended, pay("1.00"))  # a terminated contract may still be settled
    gone, _ = contract(db, p.rep_n1, cust, [(JAN, D(10))])
    with db.writing() as s:
        s.execute(update(Contract).where(Contract.id == gone).values(deleted_at=NOW))
    with pytest.raises(NotFound):
        rep.record_payment(gone, pay("1.00"))
    live, _ = contract(db, p.rep_n1, cust, [(JAN, D(10))])
    pid = rep.record_payment(live, pay("1.00")).value
    with db.writing() as s:
        s.execute(update(Customer).where(Customer.id == cust).values(deleted_at=NOW))
    for call in (lambda: rep.record_payment(live, pay("1.00")), lambda: rep.void_payment(pid),
                 lambda: rep.record_payment(2**31 - 1, pay("1.00")),
                 lambda: rep.record_payment(0, pay("1.00"))):  # fmt: skip
        with pytest.raises(NotFound):
            call()


def test_invoices_are_recorded_and_deleted_with_the_history(db, people):
    p = people
    cust = customer(db, p.rep_n1)
    cid, _ = contract(db, p.rep_n1, cust, [(JAN, D(1000))])
    rep = ws(db, p.rep_n1)
    done = rep.record_invoice(cid, InvoiceInput(" FP-2026-01 ", TODAY, D("300.00"), "增值税"))
    assert done.change.kinds == {"payments"} and done.change.customer_ids == {cust}
    invoice = db.read(lambda s: s.get(Invoice, done.value))
    assert (invoice.number, invoice.issued_on, invoice.amount, invoice.note) == (
        "FP-2026-01", TODAY, D(300), "增值税")  # fmt: skip
    rep.delete_invoice(done.value)
    assert db.read(lambda s: s.get(Invoice, done.value)) is None
    with pytest.raises(NotFound):
        rep.delete_invoice(done.value)
    events = db.read(lambda s: s.execute(select(ContractEvent.kind, ContractEvent.detail)
                                         .order_by(ContractEvent.id)).all())  # fmt: skip
    assert events == [("invoice", "300.00 FP-2026-01"), ("invoice", "deleted 300.00 FP-2026-01")]
    assert state(db, cid)[0] == D(0)  # invoices are not money received


BAD_PAYMENTS = [
    (pay("0"), ("amount", "out_of_range")),
    (pay("-5.00"), ("amount", "out_of_range")),
    (pay("1.005"), ("amount", "too_many_decimals")),
    (PaymentInput(TODAY, 1.5), ("amount", "invalid")),  # a float is never money
    (pay("1000000000000.00"), ("amount", "out_of_range")),
    (pay("NaN"), ("amount", "invalid")),
    (pay("1", on=TODAY + timedelta(days=2)), ("received_on", "future")),
    (pay("1", on=date(9999, 1, 1)), ("received_on", "out_of_range")),
    (pay("1", on=None), ("received_on", "required")),
    (pay("1", on=NOW), ("received_on", "invalid")),
    (pay("1", method="barter"), ("method", "invalid")),
    (pay("1", reference="x" * 10_000), ("reference", "too_long")),
    (pay("1", note="a\x00b"), ("note", "bad_character")),
    (pay("1", instalment_id=0), ("instalment_id", "invalid")),
]


@pytest.mark.parametrize(("data", "error"), BAD_PAYMENTS)
def test_bad_payment_input_is_refused_before_the_database(data, error):
    with pytest.raises(ValidationFailed) as exc:
        check_payment(data, TODAY)
    assert errors_of(exc) == [error]


def test_bad_input_on_the_servers_never_reaches_them_raw(db, people):
    p = people
    cid, _ = contract(db, p.rep_n1, customer(db, p.rep_n1), [(JAN, D(10))])
    rep = ws(db, p.rep_n1)
    for data, error in BAD_PAYMENTS:
        with pytest.raises(ValidationFailed) as exc:
            rep.record_payment(cid, data)
        assert errors_of(exc) == [error]
    with pytest.raises(ValidationFailed) as exc:
        rep.record_payment(cid, "500")
    assert errors_of(exc) == [("payment", "invalid")]
    with pytest.raises(ValidationFailed) as exc:
        rep.record_payment(cid, pay("1", reference="x" * 101, note="y" * 501))
    assert exc.value.params["limits"] == {"reference": 100, "note": 500}
    bad_invoices = [
        (InvoiceInput("x" * 10_000, TODAY, D(1)), ("number", "too_long")),
        (InvoiceInput("\x00", TODAY, D(1)), ("number", "bad_character")),
        (InvoiceInput("1", TODAY + timedelta(days=400), D(1)), ("issued_on", "future")),
        (InvoiceInput("1", TODAY, D("0.001")), ("amount", "too_many_decimals")),
        (InvoiceInput("1", TODAY, D(0)), ("amount", "out_of_range")),
        (InvoiceInput("1", TODAY, D(1), "n" * 201), ("note", "too_long")),
    ]
    for data, error in bad_invoices:
        with pytest.raises(ValidationFailed) as exc:
            rep.record_invoice(cid, data)
        assert errors_of(exc) == [error]
    # the longest of everything is stored whole
    longest = pay("9.99", reference="参" * 100, note="注" * 500, method="cheque",
                  on=TODAY + timedelta(days=1))  # fmt: skip
    pid = rep.record_payment(cid, longest).value
    stored = db.read(lambda s: s.get(Payment, pid))
    assert (stored.reference, stored.note, stored.method) == ("参" * 100, "注" * 500, "cheque")


def test_two_clients_paying_at_once_never_pay_more_than_the_plan(db, people):
    """Eight payments of 300 race for a plan of 1,000 from separate engines: three are applied,
    the others refused; the instalments hold exactly what was applied."""
    p = people
    cid, ids = contract(db, p.rep_n1, customer(db, p.rep_n1), [(JAN, D(500)), (MAR, D(500))])
    url = db.url.render_as_string(hide_password=False)
    dbs = [open_database(url) for _ in range(4)]
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def run(k):
        barrier.wait()
        try:
            ws(dbs[k % 4], p.rep_n1).record_payment(cid, pay("300.00"))
            outcomes.append("paid")
        except ValidationFailed as exc:
            outcomes.append(exc.params["errors"][0][1])

    try:
        threads = [threading.Thread(target=run, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        for other in dbs:
            other.close()
    assert sorted(outcomes) == ["over_plan"] * 5 + ["paid"] * 3
    received, _credit, next_due, paid = state(db, cid)
    assert received == D(900) and paid == {ids[0]: D(500), ids[1]: D(400)} and next_due == MAR
