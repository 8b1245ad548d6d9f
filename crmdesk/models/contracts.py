"""One contract: creating it (its number generated from the admin's pattern or typed), editing its
fields and lines safely when a colleague edits it too, its payment plan, locking it for a write
(contract_for_write: payments.py too), and the totals every write of plans and payments keeps in
step (refresh_contract_totals, from contract_totals.py, which places every live payment on the
plan again).

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

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from crmdesk.models.changes import record
from crmdesk.models.checks import check_id, limit_of
from crmdesk.models.contract_detail import ContractDetail, read_contract
from crmdesk.models.contract_numbers import contract_settings, next_number, number_taken
from crmdesk.models.contract_rules import (
    ContractInput,
    InstalmentInput,
    approval_crossed,
    check_contract,
    check_instalments,
    contract_amount,
    plan_total,
)
from crmdesk.models.contract_totals import refresh_contract_totals
from crmdesk.models.deal_rules import CENT, MONEY_LIMIT, LineInput, lines_total
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
)
from crmdesk.models.schema_deals import Deal, DealLine, Product
from crmdesk.models.today import local_day
from crmdesk.models.users import UserRow

ZERO = Decimal("0.00")


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
        # The signing day, else the user's day (not UTC's: a contract made at 7:00 in Beijing on
        # New Year's Day is numbered in the new year).
        number = next_number(session, contract_settings(session).number_pattern,
                             data.signed_on or local_day(now).date)  # fmt: skip
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
    """Save an edit of the fields and lines (the plan as it is): save_contract without a plan."""
    return save_contract(session, actor, contract_id, data, None, base_version, now, overwrite)


def save_contract(
    session: Session,
    actor: UserRow,
    contract_id: int,
    data: ContractInput,
    instalments: Sequence[InstalmentInput] | None,
    base_version: int,
    now: datetime,
    overwrite: bool = False,
    *,
    allow_difference: bool = False,
) -> ContractDetail:
    """Save the contract dialog's edit made on version base_version in one unit of work: the
    fields and lines, and the plan when given (None keeps it; as save_plan replaces it), the
    version moving once. The customer never changes ("customer_id", "invalid"); number "" and
    owner_id None keep theirs. If a colleague saved since (fields, lines, plan or status):
    Conflict naming who, when and which fields (and "instalments") now differ, unless
    overwrite. Refused: the amount or lines while a manager decides on activating it
    ("lines", "awaiting_approval"); an amount below what was received ("amount",
    "below_received"); a plan no longer adding up to the amount ("instalments", "difference",
    difference=amount - plan) on a signed contract, or on a draft whose plan added up (a draft's
    plan in the making may differ with allow_difference); a signed contract's signing day
    cleared ("signed_on", "required"); and, for all but administrators (who set the limits),
    a signed contract's amount raised or a discount raised above the approval limits
    ("amount", "needs_approval", reason, limits["amount"] when the amount is why): it was
    signed without a manager's approval for that."""
    data = check_contract(data)
    plan = None if instalments is None else check_instalments(instalments)
    base_version = check_base(base_version)
    if not isinstance(allow_difference, bool):
        raise _invalid("allow_difference", "invalid")
    contract = contract_for_write(session, actor, contract_id)
    if data.customer_id != contract.customer_id:
        raise _invalid("customer_id", "invalid")
    stored = input_of(contract, stored_lines(session, contract.id))
    existing = _locked_plan(session, contract.id)
    changed = _differ(stored, data)
    if plan is not None and _plan_of(existing) != [_key(x) for x in plan]:
        changed.append("instalments")
    if contract.version != base_version and not overwrite:
        raise version_conflict(session, contract, changed)
    amount = contract_amount(data)
    signed = contract.status != "draft" or contract.awaiting_approval
    if contract.awaiting_approval and (data.lines != stored.lines or amount != contract.amount):
        raise _invalid("lines", "awaiting_approval")
    if signed and data.signed_on is None:
        raise _invalid("signed_on", "required")
    if signed and not actor.is_admin:
        settings = contract_settings(session)
        reason = approval_crossed(contract.amount, stored.lines, amount, data.lines, settings)
        if reason:
            limits = {"amount": settings.approval_amount} if reason == "amount" else {}
            raise ValidationFailed(errors=[("amount", "needs_approval")], limits=limits,
                                   reason=reason)  # fmt: skip
    if amount < contract.received:
        raise _invalid("amount", "below_received", received=contract.received)
    _check_plan_adds_up(contract, existing, plan, amount, signed, allow_difference)
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
    if plan is None or [f for f in changed if f != "instalments"]:
        add_event(session, contract.id, "edited", actor.id, now,
                  ",".join(f for f in changed if f != "instalments"))  # fmt: skip
    if plan is not None:
        _replace_plan(session, actor, contract, existing, plan, now)
    session.flush()
    record(session, "contracts", [contract.customer_id])
    return read_contract(session, actor, contract.id, local_day(now).date)


# ---------------------------------------------------------------- the plan


def _locked_plan(session: Session, contract_id: int) -> list[Instalment]:
    stmt = (
        select(Instalment)
        .where(Instalment.contract_id == contract_id)
        .order_by(Instalment.position, Instalment.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list(session.scalars(stmt))


def _key(x: Instalment | InstalmentInput) -> tuple:
    return (x.id, x.due_on, Decimal(x.amount).quantize(CENT), x.note)


def _plan_of(existing: Sequence[Instalment]) -> list[tuple]:
    return [_key(x) for x in existing]


def _check_plan_adds_up(
    contract: Contract,
    existing: Sequence[Instalment],
    plan: Sequence[InstalmentInput] | None,
    amount: Decimal,
    signed: bool,
    allow_difference: bool,
) -> None:
    """A signed contract's plan adds up to its amount, and a draft's that added up keeps adding
    up (the dialog changes the two together): ("instalments", "difference"). Payments are
    placed on the plan (refresh_contract_totals), so a plan not adding up would leave money
    owed that no instalment asks for, or money paid that the contract does not count."""
    before = sum((Decimal(x.amount) for x in existing), ZERO)
    total = before if plan is None else plan_total(plan)
    if total >= MONEY_LIMIT:
        raise _invalid("instalments", "out_of_range")
    difference = (amount - total).quantize(CENT)
    if not difference:
        return
    if plan is None:
        if amount == contract.amount:
            return  # the amount as it was: nothing of the plan's to check
        added_up = bool(existing) and before == contract.amount
        if signed or added_up:
            raise _invalid("instalments", "difference", difference=difference)
    elif signed or not allow_difference:
        raise _invalid("instalments", "difference", difference=difference)


def _replace_plan(
    session: Session,
    actor: UserRow,
    contract: Contract,
    existing: Sequence[Instalment],
    plan: Sequence[InstalmentInput],
    now: datetime,
) -> None:
    """Write the plan (instalments matched by id; one not given removed, a new one added) and
    place the payments on it again. Refused: removing an instalment (partly) paid
    ("instalments", "paid_removed"), cutting one below what is paid on it
    ("instalments.N.amount", "below_paid"), an id of another contract's ("instalments.N.id",
    "invalid")."""
    by_id = {x.id: x for x in existing}
    errors = []
    for i, x in enumerate(plan):
        if x.id is not None and x.id not in by_id:
            errors.append((f"instalments.{i}.id", "invalid"))
        elif x.id is not None and x.amount < by_id[x.id].paid:
            errors.append((f"instalments.{i}.amount", "below_paid"))
    kept = {x.id for x in plan}
    if any(x.paid > 0 for x in existing if x.id not in kept):
        errors.append(("instalments", "paid_removed"))
    if errors:
        raise ValidationFailed(errors=errors, limits={})
    gone = [x for x in by_id if x not in kept]
    if gone:
        # Let go of the payments that chose them here, not through the foreign key alone: a
        # database migrated on SQLite before 0011 may lack it.
        session.execute(update(Payment).where(Payment.instalment_id.in_(gone))
                        .values(instalment_id=None),
                        execution_options={"synchronize_session": False})  # fmt: skip
        session.execute(delete(Instalment).where(Instalment.id.in_(gone)))
    for position, x in enumerate(plan):
        if x.id is None:
            session.add(Instalment(contract_id=contract.id, position=position, due_on=x.due_on,
                                   amount=x.amount, paid=ZERO, note=x.note))  # fmt: skip
        else:
            row = by_id[x.id]
            row.position, row.due_on, row.amount, row.note = position, x.due_on, x.amount, x.note
    session.flush()
    refresh_contract_totals(session, contract.id)
    add_event(session, contract.id, "plan", actor.id, now, f"{len(plan)}:{plan_total(plan)}")


def save_plan(
    session: Session,
    actor: UserRow,
    contract_id: int,
    instalments: Sequence[InstalmentInput],
    base_version: int,
    now: datetime,
    allow_difference: bool = False,
) -> ContractDetail:
    """Replace the payment plan, made on version base_version (a colleague's save since:
    Conflict, never overwritten). The plan must add up to the amount ("instalments",
    "difference", difference=amount - plan); a draft's may differ with allow_difference.
    Otherwise as save_contract's plan: the payments are placed on it again."""
    plan = check_instalments(instalments)
    base_version = check_base(base_version)
    if not isinstance(allow_difference, bool):
        raise _invalid("allow_difference", "invalid")
    contract = contract_for_write(session, actor, contract_id)
    if contract.version != base_version:
        raise version_conflict(session, contract, ["instalments"])
    existing = _locked_plan(session, contract.id)
    signed = contract.status != "draft" or contract.awaiting_approval
    _check_plan_adds_up(contract, existing, plan, contract.amount, signed, allow_difference)
    _replace_plan(session, actor, contract, existing, plan, now)
    touch(contract, actor, now)
    session.flush()
    record(session, "contracts", [contract.customer_id])
    return read_contract(session, actor, contract.id, local_day(now).date)
