"""One contract: creating it (its number generated from the admin's pattern or typed), editing its
fields and lines safely when a colleague edits it too, its payment plan, locking it for a write
(contract_for_write: payments.py too), and the totals every write of plans and payments keeps in
step (refresh_contract_totals).

Neighbours: contract_rules.py (the input's rules without the database), contract_numbers.py
(numbers and settings), contract_status.py (status and approval, the recycle bin, a contract
from a won deal), contract_detail.py (reading), payments.py (payments and invoices).
Lock order, as deals: the contract's customer row, then the contract row, then what hangs off it
(instalments, payments, the approval, the number's counter).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.util import identity_key

from crmdesk.models.changes import record
from crmdesk.models.checks import check_id, limit_of
from crmdesk.models.contract_detail import ContractDetail, read_contract
from crmdesk.models.contract_numbers import contract_settings, next_number, number_taken
from crmdesk.models.contract_rules import (
    ContractInput,
    InstalmentInput,
    check_contract,
    check_instalments,
    contract_amount,
    plan_difference,
    plan_total,
)
from crmdesk.models.deal_rules import LineInput, lines_total
from crmdesk.models.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.policy import (
    check_assignable,
    customer_for_write,
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
    Payment,
    PaymentAllocation,
)
from crmdesk.models.schema_deals import Deal, DealLine, Product
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


# ---------------------------------------------------------------- creating and editing


def _invalid(field: str, code: str, **params: Any) -> ValidationFailed:
    return ValidationFailed(errors=[(field, code)], limits={}, **params)


def add_event(session: Session, contract_id: int, kind: str, actor_id: int | None, now: datetime,
           detail: str = "") -> None:  # fmt: skip
    session.execute(insert(ContractEvent).values(
        contract_id=contract_id, kind=kind, at=now, actor_id=actor_id,
        detail=detail[: limit_of(ContractEvent.detail)],
    ))  # fmt: skip


def _owner(session: Session, actor: UserRow, owner_id: int | None) -> tuple[int, int | None]:
    if owner_id is None or owner_id == actor.id:
        return actor.id, actor.team_id
    owner = check_assignable(session, actor, owner_id)
    return owner.id, owner.team_id


def _check_refs(session: Session, data: ContractInput) -> None:
    """The deal (the customer's, not in the recycle bin) and the lines' products exist."""
    errors = []
    if data.deal_id is not None:
        row = session.execute(
            select(Deal.customer_id, Deal.deleted_at).where(Deal.id == data.deal_id)
        ).first()
        if row is None or row[0] != data.customer_id or row[1] is not None:
            errors.append(("deal_id", "invalid"))
    wanted = {x.product_id for x in data.lines if x.product_id is not None}
    known = set()
    if wanted:
        known = set(session.scalars(select(Product.id).where(Product.id.in_(wanted))))
    errors += [(f"lines.{i}.product_id", "not_found") for i, x in enumerate(data.lines)
               if x.product_id is not None and x.product_id not in known]  # fmt: skip
    if errors:
        raise ValidationFailed(errors=errors, limits={})


def _write_lines(session: Session, contract_id: int, lines: tuple[LineInput, ...]) -> None:
    session.execute(delete(ContractLine).where(ContractLine.contract_id == contract_id))
    if lines:
        rows = [{"contract_id": contract_id, "position": i, "product_id": x.product_id,
                 "name": x.name, "quantity": x.quantity, "unit_price": x.unit_price,
                 "discount": x.discount} for i, x in enumerate(lines)]  # fmt: skip
        session.execute(insert(ContractLine), rows)


def stored_lines(session: Session, contract_id: int) -> tuple[LineInput, ...]:
    stmt = select(ContractLine).where(ContractLine.contract_id == contract_id)
    return line_inputs(session.scalars(stmt.order_by(ContractLine.position, ContractLine.id)))


def line_inputs(rows: Iterable[ContractLine | DealLine]) -> tuple[LineInput, ...]:
    return tuple(LineInput(x.product_id, x.name, x.quantity, x.unit_price, x.discount)
                 for x in rows)  # fmt: skip


def input_of(contract: Contract, lines: tuple[LineInput, ...]) -> ContractInput:
    """The contract as an input (to edit and give back to update_contract): the amount None
    while it is its lines' total, so editing the lines keeps it following them."""
    follows = bool(lines) and contract.amount == lines_total(lines)
    return ContractInput(
        customer_id=contract.customer_id, title=contract.title,
        amount=None if follows else contract.amount, deal_id=contract.deal_id,
        owner_id=contract.owner_id, number=contract.number, signed_on=contract.signed_on,
        starts_on=contract.starts_on, ends_on=contract.ends_on, notes=contract.notes, lines=lines,
    )  # fmt: skip


def _apply(contract: Contract, data: ContractInput) -> None:
    contract.title, contract.amount, contract.deal_id = (
        data.title, contract_amount(data), data.deal_id)  # fmt: skip
    contract.signed_on, contract.starts_on, contract.ends_on = (
        data.signed_on, data.starts_on, data.ends_on)  # fmt: skip
    contract.notes = data.notes


def create_contract(session: Session, actor: UserRow, data: ContractInput, now: datetime) -> int:
    """A new draft contract of a customer the actor may edit. number "" takes the next one the
    admin's pattern gives on the signing day (today without one); a typed number already
    given (to any contract, one in the recycle bin too) is refused ("number", "taken")."""
    data = check_contract(data)
    customer = customer_for_write(session, actor, data.customer_id)  # customer, then the rest
    owner_id, team_id = _owner(session, actor, data.owner_id)
    _check_refs(session, data)
    if data.number:
        if number_taken(session, data.number):
            raise _invalid("number", "taken")
        number = data.number
    else:
        number = next_number(session, contract_settings(session).number_pattern,
                             data.signed_on or now.date())  # fmt: skip
    contract = Contract(
        number=number, customer_id=customer.id, owner_id=owner_id, team_id=team_id,
        status="draft", awaiting_approval=False, received=ZERO, credit=ZERO, created_at=now,
        created_by_id=actor.id, updated_at=now, updated_by_id=actor.id,
    )  # fmt: skip
    _apply(contract, data)
    session.add(contract)
    session.flush()
    _write_lines(session, contract.id, data.lines)
    add_event(session, contract.id, "created", actor.id, now, number)
    record(session, "contracts", [customer.id])
    return contract.id


def check_base(base_version: Any) -> int:
    if isinstance(base_version, bool) or not isinstance(base_version, int):
        raise _invalid("base_version", "invalid")
    return base_version


def version_conflict(session: Session, contract: Contract, fields: list[str]) -> Conflict:
    by = session.scalar(select(User.name).where(User.id == contract.updated_by_id)) or ""
    current = input_of(contract, stored_lines(session, contract.id))
    return Conflict(by=by, at=contract.updated_at, fields=fields, contract=contract.title,
                    current=current)  # fmt: skip


def _differ(stored: ContractInput, data: ContractInput) -> list[str]:
    """The fields data would change (number "" and owner_id None keep theirs)."""
    return [f.name for f in fields(ContractInput)
            if getattr(stored, f.name) != getattr(data, f.name)
            and not (f.name == "number" and not data.number)
            and not (f.name == "owner_id" and data.owner_id is None)]  # fmt: skip


def touch(contract: Contract, actor: UserRow, now: datetime) -> None:
    contract.updated_at, contract.updated_by_id = now, actor.id
    flag_modified(contract, "updated_at")  # the version moves even when only lines changed


def update_contract(
    session: Session,
    actor: UserRow,
    contract_id: int,
    data: ContractInput,
    base_version: int,
    now: datetime,
    overwrite: bool = False,
) -> ContractDetail:
    """Save an edit of the fields and lines made on version base_version. The customer never
    changes ("customer_id", "invalid"); number "" and owner_id None keep theirs. If a colleague
    saved since (fields, lines, plan or status): Conflict naming who, when and which fields now
    differ from mine, unless overwrite. While a manager decides on activating it, the amount and
    lines stay ("lines", "awaiting_approval"); the amount never drops below what was received."""
    data = check_contract(data)
    base_version = check_base(base_version)
    contract = contract_for_write(session, actor, contract_id)
    if data.customer_id != contract.customer_id:
        raise _invalid("customer_id", "invalid")
    stored = input_of(contract, stored_lines(session, contract.id))
    changed = _differ(stored, data)
    if contract.version != base_version and not overwrite:
        raise version_conflict(session, contract, changed)
    if contract.awaiting_approval and (data.lines != stored.lines or data.amount != stored.amount):
        raise _invalid("lines", "awaiting_approval")
    if contract_amount(data) < contract.received:
        raise _invalid("amount", "below_received", received=contract.received)
    if data.number and data.number != contract.number:
        if number_taken(session, data.number, exclude=contract.id):
            raise _invalid("number", "taken")
        contract.number = data.number
    if data.owner_id is not None and data.owner_id != contract.owner_id:
        contract.owner_id, contract.team_id = _owner(session, actor, data.owner_id)
    _check_refs(session, data)
    _apply(contract, data)
    touch(contract, actor, now)
    _write_lines(session, contract.id, data.lines)
    add_event(session, contract.id, "edited", actor.id, now, ",".join(changed))
    session.flush()
    record(session, "contracts", [contract.customer_id])
    return read_contract(session, actor, contract.id, now.date())


# ---------------------------------------------------------------- the plan


def save_plan(
    session: Session,
    actor: UserRow,
    contract_id: int,
    instalments: Sequence[InstalmentInput],
    base_version: int,
    now: datetime,
    allow_difference: bool = False,
) -> ContractDetail:
    """Replace the payment plan, made on version base_version. Instalments are matched by id:
    one not given is removed, a new one (id None) added. Refused: a plan not adding up to the
    amount ("instalments", "difference", difference=amount - plan) unless allow_difference;
    removing an instalment (partly) paid ("instalments", "paid_removed") or cutting one below
    what is paid on it ("instalments.N.amount", "below_paid", paid=...); an id of another
    contract's ("instalments.N.id", "invalid")."""
    plan = check_instalments(instalments)
    base_version = check_base(base_version)
    if not isinstance(allow_difference, bool):
        raise _invalid("allow_difference", "invalid")
    contract = contract_for_write(session, actor, contract_id)
    if contract.version != base_version:
        raise version_conflict(session, contract, ["instalments"])
    difference = plan_difference(contract.amount, plan)
    if difference and not allow_difference:
        raise _invalid("instalments", "difference", difference=difference)
    stmt = select(Instalment).where(Instalment.contract_id == contract.id).with_for_update()
    existing = {x.id: x for x in session.scalars(stmt)}
    errors = []
    for i, x in enumerate(plan):
        if x.id is not None and x.id not in existing:
            errors.append((f"instalments.{i}.id", "invalid"))
        elif x.id is not None and x.amount < existing[x.id].paid:
            errors.append((f"instalments.{i}.amount", "below_paid"))
    kept = {x.id for x in plan}
    if any(x.paid > 0 for x in existing.values() if x.id not in kept):
        errors.append(("instalments", "paid_removed"))
    if errors:
        raise ValidationFailed(errors=errors, limits={})
    gone = [x for x in existing if x not in kept]
    if gone:
        session.execute(delete(Instalment).where(Instalment.id.in_(gone)))
    for position, x in enumerate(plan):
        if x.id is None:
            session.add(Instalment(contract_id=contract.id, position=position, due_on=x.due_on,
                                   amount=x.amount, paid=ZERO, note=x.note))  # fmt: skip
        else:
            row = existing[x.id]
            row.position, row.due_on, row.amount, row.note = position, x.due_on, x.amount, x.note
    touch(contract, actor, now)
    session.flush()
    refresh_contract_totals(session, contract.id)
    add_event(session, contract.id, "plan", actor.id, now, f"{len(plan)}:{plan_total(plan)}")
    record(session, "contracts", [contract.customer_id])
    return read_contract(session, actor, contract.id, now.date())
