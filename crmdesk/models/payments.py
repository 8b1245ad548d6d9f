"""Money received on a contract (回款) and the invoices issued for it: recording a payment and
applying it to the plan's instalments, voiding one entered by mistake, recording and deleting
invoices. Who may: policy.may_collect (the contract's editors and finance).

A payment is placed on the unpaid instalments in due order, or on a chosen one first (kept
with the payment) and then the rest in order; what exceeds everything the plan can still take
is refused (the error says how much that is) unless the caller asks to keep it as credit.
Each write locks the contract's customer row, then the contract, then its instalments (the
order every contract write keeps), and ends with contracts.refresh_contract_totals, which
places every live payment on the plan again: voiding a payment lets the others' credit fill
what it had paid, and a payment's credit is taken up when the plan grows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id
from crmdesk.models.contract_rules import Allocation as Allocation  # the placing rule,
from crmdesk.models.contract_rules import allocate as allocate  # kept importable from here
from crmdesk.models.contracts import contract_for_write, refresh_contract_totals
from crmdesk.models.deal_rules import CENT, MONEY_LIMIT, check_money, check_ref
from crmdesk.models.errors import NotFound, ValidationFailed
from crmdesk.models.schema_contracts import (
    PAYMENT_METHODS,
    Contract,
    ContractEvent,
    Instalment,
    Invoice,
    Payment,
    PaymentAllocation,
)
from crmdesk.models.users import UserRow

ZERO = Decimal("0.00")
# A day after today's UTC date: the user's local day may already be tomorrow there. A payment
# or invoice dated later is a typing mistake (a year 2062 for 2026), refused.
FUTURE_SLACK = timedelta(days=1)
# Money can arrive only on a signed contract; a terminated one may still be settled.
COLLECTABLE_STATUSES = ("active", "completed", "terminated")


@dataclass(frozen=True)
class PaymentInput:
    received_on: date
    amount: Decimal
    method: str = "bank_transfer"  # schema_contracts.PAYMENT_METHODS
    reference: str = ""
    note: str = ""
    instalment_id: int | None = None  # paid first; None: the plan's order


@dataclass(frozen=True)
class InvoiceInput:
    number: str
    issued_on: date
    amount: Decimal
    note: str = ""


# ---------------------------------------------------------------- rules without the database


def _check_day(c: Checker, field: str, value: Any, today: date) -> date | None:
    if value is None:
        c.fail(field, "required")
        return None
    value = c.day(field, value)
    if value is not None and value > today + FUTURE_SLACK:
        c.fail(field, "future")
        return None
    return value


def check_payment(data: Any, today: date) -> PaymentInput:
    """The input as it will be stored, or ValidationFailed naming every problem (today: the
    UTC date of the action)."""
    if not isinstance(data, PaymentInput):
        raise ValidationFailed(errors=[("payment", "invalid")], limits={})
    c = Checker()
    received_on = _check_day(c, "received_on", data.received_on, today)
    amount = check_money(c, "amount", data.amount, MONEY_LIMIT, positive=True)
    method = c.choice("method", data.method, PAYMENT_METHODS)
    reference = c.text("reference", data.reference, Payment.reference)
    note = c.text("note", data.note, Payment.note)
    instalment_id = check_ref(c, "instalment_id", data.instalment_id, optional=True)
    c.done()
    return PaymentInput(received_on, amount, method, reference, note, instalment_id)


def check_invoice(data: Any, today: date) -> InvoiceInput:
    if not isinstance(data, InvoiceInput):
        raise ValidationFailed(errors=[("invoice", "invalid")], limits={})
    c = Checker()
    number = c.text("number", data.number, Invoice.number)
    issued_on = _check_day(c, "issued_on", data.issued_on, today)
    amount = check_money(c, "amount", data.amount, MONEY_LIMIT, positive=True)
    note = c.text("note", data.note, Invoice.note)
    c.done()
    return InvoiceInput(number, issued_on, amount, note)


# ---------------------------------------------------------------- locking (contracts.py's)


def _locked_instalments(session: Session, contract_id: int) -> list[Instalment]:
    stmt = (
        select(Instalment)
        .where(Instalment.contract_id == contract_id)
        .order_by(Instalment.due_on, Instalment.position, Instalment.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list(session.scalars(stmt))


def _collectable(contract: Contract) -> None:
    if contract.status not in COLLECTABLE_STATUSES:
        raise ValidationFailed(errors=[("status", contract.status)], limits={})


def _finish(session: Session, actor: UserRow, contract: Contract, kind: str, detail: str,
            now: datetime) -> None:  # fmt: skip
    """The event, the change and the contract's totals, in the write's unit of work."""
    session.add(ContractEvent(contract_id=contract.id, kind=kind, at=now, actor_id=actor.id,
                              detail=detail[: ContractEvent.detail.type.length]))  # fmt: skip
    session.flush()
    refresh_contract_totals(session, contract.id)
    record(session, "payments", [contract.customer_id])


# ---------------------------------------------------------------- payments


def record_payment(
    session: Session,
    actor: UserRow,
    contract_id: int,
    data: PaymentInput,
    now: datetime,
    *,
    as_credit: bool = False,
) -> int:
    """Record money received and place it on the plan; the new payment's id.

    More than the plan can still take (its instalments' amounts less what is paid on them):
    ValidationFailed ("amount", "over_plan") with params outstanding (and limits["amount"]) =
    what it can take, unless as_credit, when the excess is kept as the payment's (and so the
    contract's) credit. The contract's money in (received and credit) reaching what the
    database holds: ("amount", "out_of_range") with limits["amount"] = the most it may be. A
    chosen instalment of another contract: ("instalment_id", "not_found"). A draft:
    ("status", "draft")."""
    data = check_payment(data, now.date())
    contract = contract_for_write(session, actor, contract_id, collect=True)
    _collectable(contract)
    instalments = _locked_instalments(session, contract.id)
    if data.instalment_id is not None and data.instalment_id not in {i.id for i in instalments}:
        raise ValidationFailed(errors=[("instalment_id", "not_found")], limits={})
    room = sum((max(i.amount - i.paid, ZERO) for i in instalments), ZERO)
    if data.amount > room and not as_credit:
        raise ValidationFailed(
            errors=[("amount", "over_plan")], limits={"amount": room}, outstanding=room
        )
    most = MONEY_LIMIT - CENT - contract.received - contract.credit
    if data.amount > most:
        raise ValidationFailed(errors=[("amount", "out_of_range")],
                               limits={"amount": max(most, ZERO)})  # fmt: skip
    payment = Payment(
        contract_id=contract.id, received_on=data.received_on, amount=data.amount,
        credit=ZERO, instalment_id=data.instalment_id, method=data.method,
        reference=data.reference, note=data.note, owner_id=contract.owner_id,
        team_id=contract.team_id, recorded_by_id=actor.id, recorded_at=now,
    )  # fmt: skip
    session.add(payment)
    session.flush()
    _finish(session, actor, contract, "payment", f"{data.amount}", now)  # places it
    return payment.id


def void_payment(session: Session, actor: UserRow, payment_id: int, now: datetime) -> None:
    """Void a payment entered by mistake: it stays in the history, marked, its allocations
    removed, and the live payments are placed on the plan again (another payment's credit
    fills what it had paid). Voiding it again: ValidationFailed ("payment", "voided")."""
    check_id(payment_id, "payment")
    contract_id = session.scalar(select(Payment.contract_id).where(Payment.id == payment_id))
    if contract_id is None:
        raise NotFound(what="payment", id=payment_id)
    contract = contract_for_write(session, actor, contract_id, collect=True)
    _locked_instalments(session, contract.id)
    stmt = (select(Payment).where(Payment.id == payment_id).with_for_update()
            .execution_options(populate_existing=True))  # fmt: skip
    payment = session.scalar(stmt)
    if payment is None or payment.contract_id != contract.id:
        raise NotFound(what="payment", id=payment_id)
    if payment.voided_at is not None:
        raise ValidationFailed(errors=[("payment", "voided")], limits={})
    session.execute(delete(PaymentAllocation).where(PaymentAllocation.payment_id == payment.id))
    payment.voided_at, payment.voided_by_id = now, actor.id
    _finish(session, actor, contract, "payment_voided", f"{payment.amount}", now)


# ---------------------------------------------------------------- invoices


def record_invoice(
    session: Session, actor: UserRow, contract_id: int, data: InvoiceInput, now: datetime
) -> int:
    """Record an invoice issued for the contract; its id. The event's detail is
    "<amount> <number>"."""
    data = check_invoice(data, now.date())
    contract = contract_for_write(session, actor, contract_id, collect=True)
    _collectable(contract)
    invoice = Invoice(contract_id=contract.id, number=data.number, issued_on=data.issued_on,
                      amount=data.amount, note=data.note, recorded_by_id=actor.id,
                      recorded_at=now)  # fmt: skip
    session.add(invoice)
    session.flush()
    _finish(session, actor, contract, "invoice", f"{data.amount} {data.number}".strip(), now)
    return invoice.id


def delete_invoice(session: Session, actor: UserRow, invoice_id: int, now: datetime) -> None:
    """Remove an invoice recorded by mistake (a cancelled invoice is re-issued as a new one).
    The history keeps it: an "invoice" event whose detail is "deleted <amount> <number>"."""
    check_id(invoice_id, "invoice")
    contract_id = session.scalar(select(Invoice.contract_id).where(Invoice.id == invoice_id))
    if contract_id is None:
        raise NotFound(what="invoice", id=invoice_id)
    contract = contract_for_write(session, actor, contract_id, collect=True)
    invoice = session.scalar(select(Invoice).where(Invoice.id == invoice_id).with_for_update())
    if invoice is None or invoice.contract_id != contract.id:
        raise NotFound(what="invoice", id=invoice_id)
    detail = f"deleted {invoice.amount} {invoice.number}".strip()
    session.delete(invoice)
    _finish(session, actor, contract, "invoice", detail, now)
