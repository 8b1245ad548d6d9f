"""One contract: creating it (from a won deal or by hand, its number generated from the admin's
pattern or typed), editing its fields and lines safely when a colleague edits it too, its payment
plan, its status (activating one above the approval limits waits for a manager: approvals.py
decides), the recycle bin, the admin's settings, and the totals every write of plans and
payments keeps in step (refresh_contract_totals).

The input's rules without the database are contract_rules.py; reading a contract whole or a
customer's contracts is contract_detail.py; payments and invoices are payments.py.
Lock order, as deals: the contract's customer row, then the contract row, then what hangs off it
(instalments, payments, the approval, the number's counter).
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from crmdesk.models.checks import check_id
from crmdesk.models.errors import NotFound, PermissionDenied
from crmdesk.models.policy import may_collect, may_edit_contract, may_see_contract
from crmdesk.models.schema import Customer
from crmdesk.models.schema_contracts import Contract, Instalment, Payment, PaymentAllocation
from crmdesk.models.users import UserRow

ZERO = Decimal("0.00")


# ---------------------------------------------------------------- totals


def refresh_contract_totals(session: Session, contract_id: int) -> None:
    """Recompute what the list sorts and filters by from the rows, in the caller's unit of work
    (the contract locked): each instalment's paid (its live payments' allocations), the
    contract's received (the same allocations), credit (live payments' credit) and next_due_on
    (the earliest instalment not fully paid). Plain UPDATEs: the totals follow payments and do
    not move the contract's version, so recording a payment never turns a colleague's open
    edit of the fields into a conflict."""
    session.flush()
    paid_by = dict(
        session.execute(
            select(PaymentAllocation.instalment_id, func.sum(PaymentAllocation.amount))
            .join(Payment, Payment.id == PaymentAllocation.payment_id)
            .where(Payment.contract_id == contract_id, Payment.voided_at.is_(None))
            .group_by(PaymentAllocation.instalment_id)
        ).all()
    )
    rows = session.execute(
        select(Instalment.id, Instalment.amount, Instalment.paid, Instalment.due_on).where(
            Instalment.contract_id == contract_id
        )
    ).all()
    received, next_due = ZERO, None
    for instalment_id, amount, paid, due_on in rows:
        now_paid = Decimal(paid_by.get(instalment_id) or 0).quantize(Decimal("0.01"))
        received += now_paid
        if now_paid != paid:
            session.execute(
                update(Instalment).where(Instalment.id == instalment_id).values(paid=now_paid),
                execution_options={"synchronize_session": False},
            )
        if now_paid < amount and (next_due is None or due_on < next_due):
            next_due = due_on
    credit = session.scalar(
        select(func.coalesce(func.sum(Payment.credit), 0)).where(
            Payment.contract_id == contract_id, Payment.voided_at.is_(None)
        )
    )
    session.execute(
        update(Contract)
        .where(Contract.id == contract_id)
        .values(received=received, credit=Decimal(credit or 0), next_due_on=next_due),
        execution_options={"synchronize_session": False},
    )
    _expire(session, contract_id)


def _expire(session: Session, contract_id: int) -> None:
    """Objects of this unit of work read before the UPDATEs above read the new values."""
    contract = session.identity_map.get(identity_key(Contract, contract_id))
    if contract is not None:
        session.expire(contract, ["received", "credit", "next_due_on"])
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Instalment) and obj.contract_id == contract_id:
            session.expire(obj, ["paid"])


# ---------------------------------------------------------------- locking


def lock_contract_row(session: Session, contract_id: int) -> tuple[Contract, bool]:
    """The contract (deleted or not) locked after its customer's row, whoever asks (callers
    check who may do what), and whether its customer is live."""
    check_id(contract_id, "contract")
    for _attempt in range(3):
        customer_id = session.scalar(select(Contract.customer_id).where(Contract.id == contract_id))
        if customer_id is None:
            raise NotFound(what="contract", id=contract_id)
        # The customer's row first, as every write to a customer takes it: a contract's unit of
        # work and its customer's queue on one row instead of deadlocking.
        gone = session.execute(
            select(Customer.deleted_at).where(Customer.id == customer_id).with_for_update()
        ).first()
        stmt = (
            select(Contract)
            .where(Contract.id == contract_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        contract = session.scalar(stmt)
        if contract is None:
            raise NotFound(what="contract", id=contract_id)
        if contract.customer_id == customer_id:
            return contract, gone is not None and gone[0] is None
    raise NotFound(what="contract", id=contract_id)


def contract_for_write(
    session: Session, actor: UserRow, contract_id: int, *, collect: bool = False
) -> Contract:
    """A live contract locked for the rest of the unit of work (its customer's row first) that
    the actor may edit, or with collect=True record payments and invoices on (finance too).
    Hidden, deleted, or of a customer in the recycle bin: NotFound; seen but not the actor's to
    change: PermissionDenied."""
    contract, live = lock_contract_row(session, contract_id)
    if not live or contract.deleted_at is not None:
        raise NotFound(what="contract", id=contract_id)
    if not may_see_contract(actor, contract.owner_id, contract.team_id):
        raise NotFound(what="contract", id=contract_id)
    allowed = may_collect if collect else may_edit_contract
    if not allowed(actor, contract.owner_id, contract.team_id):
        raise PermissionDenied(action="collect" if collect else "edit", contract_id=contract_id)
    return contract
