"""The totals every write of a contract's plan or payments keeps in step, in its unit of work:
every live payment placed on the plan again (PaymentAllocation rows, each instalment's paid,
each payment's credit) and the contract's received, credit and next due day, which the list
sorts and filters 100,000 contracts by from an index (schema_contracts.py). contracts.py
(plans) and payments.py (payments, voids) call it with the contract locked.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from crmdesk.models.contract_rules import allocate
from crmdesk.models.deal_rules import CENT
from crmdesk.models.schema_contracts import Contract, Instalment, Payment, PaymentAllocation

ZERO = Decimal("0.00")


def refresh_contract_totals(session: Session, contract_id: int) -> None:
    """Place every live payment on the plan again, in the caller's unit of work (the contract
    locked): in the order received (then recorded), each on the instalments in due order, the
    one it chose first; what a payment cannot place is its credit. The allocations, each
    instalment's paid, each payment's credit and the contract's received, credit and
    next_due_on follow from that, so a void, a plan grown or changed, or a payment dated
    earlier leave no credit while an instalment is unpaid. Plain UPDATEs: the totals follow
    payments and do not move the contract's version, so recording a payment never turns a
    colleague's open edit of the fields into a conflict."""
    session.flush()
    plan = session.execute(
        select(Instalment.id, Instalment.amount, Instalment.paid, Instalment.due_on)
        .where(Instalment.contract_id == contract_id)
        .order_by(Instalment.due_on, Instalment.position, Instalment.id)
    ).all()
    payments = session.execute(
        select(Payment.id, Payment.amount, Payment.credit, Payment.instalment_id)
        .where(Payment.contract_id == contract_id, Payment.voided_at.is_(None))
        .order_by(Payment.received_on, Payment.id)
    ).all()
    room = {i: _cents(amount) for i, amount, _paid, _due in plan}
    placed: dict[tuple[int, int], Decimal] = {}
    credits: dict[int, Decimal] = {}
    for payment_id, amount, old_credit, chosen in payments:
        first = chosen if chosen in room else None  # a chosen instalment since removed: none
        parts, left = allocate(_cents(amount), [(i, room[i]) for i, *_ in plan], first)
        for part in parts:
            room[part.instalment_id] -= part.amount
            placed[payment_id, part.instalment_id] = part.amount
        if left != _cents(old_credit):
            credits[payment_id] = left
    stored = dict(
        ((p, i), _cents(a)) for p, i, a in session.execute(
            select(PaymentAllocation.payment_id, PaymentAllocation.instalment_id,
                   PaymentAllocation.amount)
            .join(Payment, Payment.id == PaymentAllocation.payment_id)
            .where(Payment.contract_id == contract_id))
    )  # fmt: skip
    if stored != placed:
        mine = select(Payment.id).where(Payment.contract_id == contract_id)
        session.execute(delete(PaymentAllocation).where(PaymentAllocation.payment_id.in_(mine)))
        if placed:
            session.execute(insert(PaymentAllocation), [
                {"payment_id": p, "instalment_id": i, "amount": a} for (p, i), a in placed.items()
            ])  # fmt: skip
    for payment_id, credit in credits.items():
        session.execute(update(Payment).where(Payment.id == payment_id).values(credit=credit),
                        execution_options={"synchronize_session": False})  # fmt: skip
    received, next_due = ZERO, None
    for instalment_id, amount, paid, due_on in plan:
        now_paid = _cents(amount) - room[instalment_id]
        received += now_paid
        if now_paid != _cents(paid):
            session.execute(
                update(Instalment).where(Instalment.id == instalment_id).values(paid=now_paid),
                execution_options={"synchronize_session": False},
            )
        if now_paid < _cents(amount) and next_due is None:
            next_due = due_on  # the plan is in due order
    credit = sum((_cents(a) for _p, a, _c, _i in payments), ZERO) - received
    session.execute(
        update(Contract)
        .where(Contract.id == contract_id)
        .values(received=received, credit=credit, next_due_on=next_due),
        execution_options={"synchronize_session": False},
    )
    _expire(session, contract_id)


def _cents(value: Any) -> Decimal:
    """SQLite hands Numeric back through a float: to the cent, as stored."""
    return Decimal(value or 0).quantize(CENT)


def _expire(session: Session, contract_id: int) -> None:
    """Objects of this unit of work read before the UPDATEs above read the new values."""
    contract = session.identity_map.get(identity_key(Contract, contract_id))
    if contract is not None:
        session.expire(contract, ["received", "credit", "next_due_on"])
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Instalment) and obj.contract_id == contract_id:
            session.expire(obj, ["paid"])
        elif isinstance(obj, Payment) and obj.contract_id == contract_id:
            session.expire(obj, ["credit"])
