"""Reading contracts: one whole (fields, lines, the plan with what is paid and overdue, payments
with how each was applied, invoices, history, a pending approval, and what the reader may do)
for the contract dialog, and a customer's contracts for its Contracts tab.

Who reads what (policy.py): the owner's side and finance read a contract; whoever may see its
customer reads it too, read-only (the customer's tab lists it, so it opens).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from crmdesk.models.checks import check_id
from crmdesk.models.contract_rules import ContractInput, outstanding, outstanding_column
from crmdesk.models.deal_rules import LineInput, line_total, lines_total
from crmdesk.models.deals import LineRow
from crmdesk.models.errors import NotFound
from crmdesk.models.policy import (
    customer_for_read,
    may_collect,
    may_edit_contract,
    may_see_contract,
)
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_contracts import (
    Contract,
    ContractEvent,
    ContractLine,
    Instalment,
    Invoice,
    Payment,
    PaymentAllocation,
)
from crmdesk.models.schema_deals import Approval, Deal
from crmdesk.models.users import UserRow


@dataclass(frozen=True)
class InstalmentRow:
    id: int
    due_on: date
    amount: Decimal
    paid: Decimal
    outstanding: Decimal
    overdue_days: int  # days past due while not fully paid; 0 otherwise
    note: str


@dataclass(frozen=True)
class PaymentRow:
    id: int
    received_on: date
    amount: Decimal
    credit: Decimal
    method: str  # schema_contracts.PAYMENT_METHODS
    reference: str
    note: str
    recorded_by_name: str
    recorded_at: datetime
    voided_at: datetime | None
    allocations: tuple[tuple[int, Decimal], ...]  # (instalment id, amount)


@dataclass(frozen=True)
class InvoiceRow:
    id: int
    number: str
    issued_on: date
    amount: Decimal
    note: str


@dataclass(frozen=True)
class EventRow:
    kind: str  # schema_contracts.CONTRACT_EVENT_KINDS
    at: datetime
    actor_name: str
    detail: str


@dataclass(frozen=True)
class ContractApproval:
    id: int
    reason: str  # "amount" or "discount"
    requested_by: str
    requested_at: datetime


@dataclass(frozen=True)
class ContractDetail:
    id: int
    data: ContractInput  # as stored: give it back to update_contract with the user's changes
    number: str
    amount: Decimal
    received: Decimal
    credit: Decimal
    outstanding: Decimal  # contract_rules.outstanding: still owed, never below zero
    plan_difference: Decimal  # amount less the plan's total (0.00: they agree)
    next_due_on: date | None
    status: str  # schema_contracts.CONTRACT_STATUSES
    awaiting_approval: bool
    customer_name: str
    owner_name: str
    team_id: int | None
    deal_title: str
    created_at: datetime
    updated_at: datetime
    updated_by_name: str
    lines: tuple[LineRow, ...]
    instalments: tuple[InstalmentRow, ...]  # in due order
    payments: tuple[PaymentRow, ...]  # the newest first, voided ones too
    invoices: tuple[InvoiceRow, ...]
    events: tuple[EventRow, ...]  # oldest first
    approval: ContractApproval | None
    editable: bool  # fields, lines, plan, status
    collectable: bool  # payments and invoices
    version: int


@dataclass(frozen=True)
class ContractRow:
    """A line of a customer's Contracts tab."""

    id: int
    number: str
    title: str
    status: str
    awaiting_approval: bool
    amount: Decimal
    received: Decimal
    outstanding: Decimal  # contract_rules.outstanding
    next_due_on: date | None
    signed_on: date | None
    ends_on: date | None
    owner_name: str


def read_contract(
    session: Session, actor: UserRow, contract_id: int, today: date
) -> ContractDetail:
    """The contract whole. Hidden, deleted, or of a customer in the recycle bin: NotFound.
    today: the reader's day, for how many days an instalment is overdue."""
    check_id(contract_id, "contract")
    owner, editor = aliased(User), aliased(User)
    row = session.execute(
        select(Contract, Customer.name, Customer.deleted_at, func.coalesce(owner.name, ""),
               func.coalesce(editor.name, ""), func.coalesce(Deal.title, ""))
        .join(Customer, Customer.id == Contract.customer_id)
        .outerjoin(owner, owner.id == Contract.owner_id)
        .outerjoin(editor, editor.id == Contract.updated_by_id)
        .outerjoin(Deal, Deal.id == Contract.deal_id)
        .where(Contract.id == contract_id)
    ).first()  # fmt: skip
    if row is None:
        raise NotFound(what="contract", id=contract_id)
    contract, customer_name, gone, owner_name, editor_name, deal_title = row
    if contract.deleted_at is not None or gone is not None:
        raise NotFound(what="contract", id=contract_id)
    if not may_see_contract(actor, contract.owner_id, contract.team_id):
        try:
            customer_for_read(session, actor, contract.customer_id)
        except NotFound:
            raise NotFound(what="contract", id=contract_id) from None
    line_rows = list(session.scalars(
        select(ContractLine).where(ContractLine.contract_id == contract.id)
        .order_by(ContractLine.position, ContractLine.id)
    ))  # fmt: skip
    inputs = tuple(LineInput(x.product_id, x.name, x.quantity, x.unit_price, x.discount)
                   for x in line_rows)  # fmt: skip
    instalments = _instalments(session, contract.id, today)
    planned = sum((x.amount for x in instalments), Decimal("0.00"))
    follows = bool(inputs) and contract.amount == lines_total(inputs)
    data = ContractInput(
        customer_id=contract.customer_id, title=contract.title,
        amount=None if follows else contract.amount, deal_id=contract.deal_id,
        owner_id=contract.owner_id, number=contract.number, signed_on=contract.signed_on,
        starts_on=contract.starts_on, ends_on=contract.ends_on, notes=contract.notes,
        lines=inputs,
    )  # fmt: skip
    return ContractDetail(
        id=contract.id, data=data, number=contract.number, amount=contract.amount,
        received=contract.received, credit=contract.credit,
        outstanding=outstanding(contract.amount, contract.received, contract.credit),
        plan_difference=contract.amount - planned, next_due_on=contract.next_due_on,
        status=contract.status, awaiting_approval=contract.awaiting_approval,
        customer_name=customer_name, owner_name=owner_name, team_id=contract.team_id,
        deal_title=deal_title, created_at=contract.created_at, updated_at=contract.updated_at,
        updated_by_name=editor_name,
        lines=tuple(LineRow(x.id, x.product_id, x.name, x.quantity, x.unit_price, x.discount,
                            line_total(i)) for x, i in zip(line_rows, inputs, strict=True)),
        instalments=instalments, payments=_payments(session, contract.id),
        invoices=tuple(InvoiceRow(*r) for r in session.execute(
            select(Invoice.id, Invoice.number, Invoice.issued_on, Invoice.amount, Invoice.note)
            .where(Invoice.contract_id == contract.id)
            .order_by(Invoice.issued_on, Invoice.id))),
        events=_events(session, contract.id), approval=_approval(session, contract.id),
        editable=may_edit_contract(actor, contract.owner_id, contract.team_id),
        collectable=may_collect(actor, contract.owner_id, contract.team_id),
        version=contract.version,
    )  # fmt: skip


def _instalments(session: Session, contract_id: int, today: date) -> tuple[InstalmentRow, ...]:
    stmt = (
        select(Instalment)
        .where(Instalment.contract_id == contract_id)
        .order_by(Instalment.due_on, Instalment.position, Instalment.id)
    )
    out = []
    for x in session.scalars(stmt):
        outstanding = x.amount - x.paid
        late = (today - x.due_on).days if outstanding > 0 and x.due_on < today else 0
        out.append(InstalmentRow(x.id, x.due_on, x.amount, x.paid, outstanding, late, x.note))
    return tuple(out)


def _payments(session: Session, contract_id: int) -> tuple[PaymentRow, ...]:
    rows = session.execute(
        select(Payment, func.coalesce(User.name, ""))
        .outerjoin(User, User.id == Payment.recorded_by_id)
        .where(Payment.contract_id == contract_id)
        .order_by(Payment.received_on.desc(), Payment.id.desc())
    ).all()
    allocations: dict[int, list[tuple[int, Decimal]]] = {}
    if rows:
        stmt = (
            select(PaymentAllocation.payment_id, PaymentAllocation.instalment_id,
                   PaymentAllocation.amount)
            .join(Payment, Payment.id == PaymentAllocation.payment_id)
            .where(Payment.contract_id == contract_id)
            .order_by(PaymentAllocation.payment_id, PaymentAllocation.instalment_id)
        )  # fmt: skip
        for payment_id, instalment_id, amount in session.execute(stmt):
            allocations.setdefault(payment_id, []).append((instalment_id, amount))
    return tuple(
        PaymentRow(p.id, p.received_on, p.amount, p.credit, p.method, p.reference, p.note, name,
                   p.recorded_at, p.voided_at, tuple(allocations.get(p.id, ())))
        for p, name in rows
    )  # fmt: skip


def _events(session: Session, contract_id: int) -> tuple[EventRow, ...]:
    stmt = (
        select(ContractEvent.kind, ContractEvent.at, func.coalesce(User.name, ""),
               ContractEvent.detail)
        .outerjoin(User, User.id == ContractEvent.actor_id)
        .where(ContractEvent.contract_id == contract_id)
        .order_by(ContractEvent.at, ContractEvent.id)
    )  # fmt: skip
    return tuple(EventRow(*r) for r in session.execute(stmt))


def _approval(session: Session, contract_id: int) -> ContractApproval | None:
    row = session.execute(
        select(Approval.id, Approval.reason, func.coalesce(User.name, ""), Approval.requested_at)
        .outerjoin(User, User.id == Approval.requested_by_id)
        .where(Approval.contract_id == contract_id, Approval.status == "pending")
        .order_by(Approval.requested_at.desc(), Approval.id.desc())
        .limit(1)
    ).first()
    return ContractApproval(*row) if row else None


def customer_contracts(session: Session, actor: UserRow, customer_id: int) -> list[ContractRow]:
    """A customer's live contracts, the newest signed first (unsigned ones first of all): all
    of them for whoever may see the customer, a colleague's too (they open read-only)."""
    customer_for_read(session, actor, customer_id)
    stmt = (
        select(Contract.id, Contract.number, Contract.title, Contract.status,
               Contract.awaiting_approval, Contract.amount, Contract.received,
               outstanding_column(), Contract.next_due_on, Contract.signed_on,
               Contract.ends_on, func.coalesce(User.name, ""))
        .outerjoin(User, User.id == Contract.owner_id)
        .where(Contract.customer_id == customer_id, Contract.deleted_at.is_(None))
        .order_by(Contract.signed_on.is_(None).desc(), Contract.signed_on.desc(),
                  Contract.id.desc())
    )  # fmt: skip
    return [ContractRow(*row[:7], Decimal(row[7]).quantize(Decimal("0.01")), *row[8:])
            for row in session.execute(stmt)]  # fmt: skip
