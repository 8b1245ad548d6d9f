"""A contract's status and the recycle bin: draft → active (through a manager's approval above
the admin's limits: the request is filed here, decided in approvals.py, which calls
decide_contract / withdraw_request), completed, terminated; deleting and restoring; and a new
contract's input filled from a won deal.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from crmdesk.models.approvals import approvers
from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id
from crmdesk.models.contract_detail import ContractDetail, read_contract
from crmdesk.models.contract_numbers import contract_settings
from crmdesk.models.contract_rules import STATUS_MOVES, ContractInput, approval_reason
from crmdesk.models.contracts import (
    add_event,
    check_base,
    contract_for_write,
    line_inputs,
    lock_contract_row,
    stored_lines,
    touch,
    version_conflict,
)
from crmdesk.models.deal_rules import CENT, lines_total
from crmdesk.models.errors import NotFound, ValidationFailed
from crmdesk.models.policy import customer_for_read, may_edit, may_edit_contract
from crmdesk.models.pool_actions import notify
from crmdesk.models.schema_contracts import CONTRACT_STATUSES, Contract, Instalment, Payment
from crmdesk.models.schema_deals import Approval, Deal, DealLine
from crmdesk.models.today import local_day
from crmdesk.models.users import UserRow


def _invalid(field: str, code: str, **params: Any) -> ValidationFailed:
    return ValidationFailed(errors=[(field, code)], limits={}, **params)


def set_status(
    session: Session,
    actor: UserRow,
    contract_id: int,
    status: str,
    base_version: int,
    now: datetime,
) -> ContractDetail:
    """Move the contract to a status (contract_rules.STATUS_MOVES; else ("status",
    "invalid_move")). Activating a draft needs its signing day ("signed_on", "required") and a
    plan adding up to the amount ("instalments", "difference", difference=amount - plan); above
    the admin's approval limits (amount, a line's discount) it files a request instead
    (Approval kind "contract", the contract awaiting_approval, the team's managers told):
    approvals.decide_approval activates it or leaves it a draft. Nothing changes status while
    a request waits ("status", "awaiting_approval"). Back to draft with live payments on it:
    ("status", "has_payments") (a draft takes no money: void them first)."""
    c = Checker()
    status = c.choice("status", status, CONTRACT_STATUSES)
    c.done()
    base_version = check_base(base_version)
    contract = contract_for_write(session, actor, contract_id)
    if contract.version != base_version:
        raise version_conflict(session, contract, ["status"])
    if contract.awaiting_approval:
        raise _invalid("status", "awaiting_approval")
    if status != contract.status:
        if status not in STATUS_MOVES[contract.status]:
            raise _invalid("status", "invalid_move", current=contract.status)
        lines = stored_lines(session, contract.id)
        reason = ""
        if status == "active" and contract.status == "draft":
            _check_signable(session, contract)
            reason = approval_reason(contract.amount, lines, contract_settings(session))
        if status == "draft" and _has_payments(session, contract.id):
            raise _invalid("status", "has_payments")
        if reason:
            _request_approval(session, actor, contract, reason, now)
        else:
            contract.status = status
            touch(contract, actor, now)
            add_event(session, contract.id, "status", actor.id, now, status)
            session.flush()
            record(session, "contracts", [contract.customer_id])
    return read_contract(session, actor, contract.id, now.date())


def _check_signable(session: Session, contract: Contract) -> None:
    errors, params = [], {}
    if contract.signed_on is None:
        errors.append(("signed_on", "required"))
    planned = session.scalar(
        select(func.coalesce(func.sum(Instalment.amount), 0)).where(
            Instalment.contract_id == contract.id
        )
    )
    difference = (contract.amount - Decimal(planned or 0)).quantize(CENT)
    if difference:
        errors.append(("instalments", "difference"))
        params["difference"] = difference
    if errors:
        raise ValidationFailed(errors=errors, limits={}, **params)


def _has_payments(session: Session, contract_id: int) -> bool:
    live = select(Payment.id).where(Payment.contract_id == contract_id,
                                    Payment.voided_at.is_(None))  # fmt: skip
    return session.scalar(live.limit(1)) is not None


def _request_approval(
    session: Session, actor: UserRow, contract: Contract, reason: str, now: datetime
) -> None:
    session.execute(insert(Approval).values(
        kind="contract", contract_id=contract.id, reason=reason, status="pending",
        team_id=contract.team_id, requested_by_id=actor.id, requested_at=now, comment="",
        answers="",
    ))  # fmt: skip
    contract.awaiting_approval = True
    touch(contract, actor, now)
    add_event(session, contract.id, "approval_requested", actor.id, now, reason)
    notify(session, approvers(session, contract.team_id, actor.id), "approval", now,
           customer_id=contract.customer_id, detail=contract.title[:200])  # fmt: skip
    session.flush()
    record(session, "contracts", [contract.customer_id])
    record(session, "approvals")
    record(session, "notifications")


def decide_contract(
    session: Session,
    actor: UserRow,
    contract: Contract,
    approve: bool,
    comment: str,
    now: datetime,
) -> None:
    """approvals.decide_approval's part for a contract (locked, the request checked): approved,
    the draft becomes active; rejected, it stays a draft, the reason in its history."""
    contract.awaiting_approval = False
    touch(contract, actor, now)
    if approve:
        add_event(session, contract.id, "approved", actor.id, now, comment)
        contract.status = "active"
        add_event(session, contract.id, "status", actor.id, now, "active")
    else:
        add_event(session, contract.id, "rejected", actor.id, now, comment)
    session.flush()
    record(session, "contracts", [contract.customer_id])


def withdraw_request(session: Session, actor: UserRow, contract: Contract, now: datetime) -> None:
    """approvals.cancel_approval's part: the contract no longer waits (still a draft)."""
    contract.awaiting_approval = False
    touch(contract, actor, now)
    add_event(session, contract.id, "status", actor.id, now, "approval_cancelled")
    session.flush()
    record(session, "contracts", [contract.customer_id])


# ---------------------------------------------------------------- the recycle bin


def delete_contract(session: Session, actor: UserRow, contract_id: int, now: datetime) -> None:
    """To the recycle bin (its number stays taken). Not one with payments received: money that
    came in stays in the receivables (void the payments first: ("contract", "has_payments")).
    A pending request is cancelled."""
    contract = contract_for_write(session, actor, contract_id)
    if _has_payments(session, contract.id):
        raise _invalid("contract", "has_payments")
    contract.deleted_at, contract.deleted_by_id = now, actor.id
    contract.awaiting_approval = False
    touch(contract, actor, now)
    cancelled = session.execute(
        update(Approval)
        .where(Approval.contract_id == contract.id, Approval.status == "pending")
        .values(status="cancelled", decided_at=now, decided_by_id=actor.id)
    )
    add_event(session, contract.id, "edited", actor.id, now, "deleted")
    session.flush()
    record(session, "contracts", [contract.customer_id])
    if cancelled.rowcount:
        record(session, "approvals")


def restore_contract(session: Session, actor: UserRow, contract_id: int, now: datetime) -> None:
    """Out of the recycle bin (a live contract stays as it is)."""
    contract, live = lock_contract_row(session, contract_id)
    if not live or not may_edit_contract(actor, contract.owner_id, contract.team_id):
        raise NotFound(what="contract", id=contract_id)
    if contract.deleted_at is None:
        return
    contract.deleted_at, contract.deleted_by_id = None, None
    touch(contract, actor, now)
    add_event(session, contract.id, "edited", actor.id, now, "restored")
    session.flush()
    record(session, "contracts", [contract.customer_id])


# ---------------------------------------------------------------- from a deal


def contract_from_deal(session: Session, actor: UserRow, deal_id: int) -> ContractInput:
    """A contract's input filled from a won deal the actor may edit (not saved): its customer,
    owner, title, lines, amount (None when the deal's follows its lines) and the won day (the
    user's local day) as the signing day. Not won: ("deal_id", "not_won"). A deal that has a
    contract already (live, not in the recycle bin): ("deal_id", "has_contract") with params
    contract_id, that contract (the screen opens it)."""
    check_id(deal_id, "deal")
    deal = session.get(Deal, deal_id)
    if deal is None or deal.deleted_at is not None:
        raise NotFound(what="deal", id=deal_id)
    if not may_edit(actor, deal.owner_id, deal.team_id):
        raise NotFound(what="deal", id=deal_id)
    customer_for_read(session, actor, deal.customer_id)
    if deal.status != "won":
        raise _invalid("deal_id", "not_won")
    existing = session.scalar(
        select(Contract.id)
        .where(Contract.deal_id == deal.id, Contract.deleted_at.is_(None))
        .order_by(Contract.id)
        .limit(1)
    )
    if existing is not None:
        raise _invalid("deal_id", "has_contract", contract_id=existing)
    stmt = select(DealLine).where(DealLine.deal_id == deal.id)
    lines = line_inputs(session.scalars(stmt.order_by(DealLine.position, DealLine.id)))
    amount = None if lines and deal.amount == lines_total(lines) else deal.amount
    return ContractInput(
        customer_id=deal.customer_id, title=deal.title, amount=amount, deal_id=deal.id,
        owner_id=deal.owner_id,
        signed_on=local_day(deal.closed_at).date if deal.closed_at else None,
        lines=lines,
    )  # fmt: skip
