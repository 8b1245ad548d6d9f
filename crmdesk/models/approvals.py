"""Approvals of stage moves: filing a request when a stage's gate asks for one (move_deal calls
request_approval), the list a manager decides from and its badge, deciding (approve: the deal
makes the move it asked for; reject: it stays, with the reason) and cancelling. Contracts file
theirs (kind "contract", contract_status.set_status: activating above the admin's limits); they
are listed, counted, decided (approve: the contract becomes active; reject: it stays a draft)
and cancelled here too, the contract's customer row, the contract row and then the approval
row locked.

An approval belongs to the team of the deal's owner when it was asked (Approval.team_id):
an admin or a manager of that team decides it (policy.may_approve). Each decision is one unit
of work on the deal's customer row, the deal row and then the approval row, so a request is
decided once: whoever comes second finds it decided. The request keeps the answers given with
the move and what winning or losing asked (Approval.answers, a JSON object), applied on
approval. Notices: "approval" to the approvers, "approval_decided" to the requester (detail
"approved:<deal title>" or "rejected:<deal title>").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, false, func, insert, or_, select, true
from sqlalchemy.orm import Session, aliased

from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id, limit_of
from crmdesk.models.deal_moves import (
    Closing,
    PlannedMove,
    add_move,
    answers_json,
    apply_move,
    bump,
    lock_deal_row,
    plan_move,
    target_stage,
)
from crmdesk.models.errors import NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.pipeline import PipelineRow, get_pipeline
from crmdesk.models.policy import (
    may_approve,
    may_edit,
    may_edit_contract,
    may_see,
    may_see_contract,
)
from crmdesk.models.pool_actions import notify
from crmdesk.models.schema import Customer, Notification, User
from crmdesk.models.schema_contracts import Contract
from crmdesk.models.schema_deals import APPROVAL_STATUSES, Approval, Deal, DealMove, Stage
from crmdesk.models.users import UserRow

LIST_LIMIT = 500


@dataclass(frozen=True)
class ApprovalRow:
    id: int
    deal_id: int
    deal_title: str
    customer_name: str
    amount: Decimal
    from_stage_name: str
    to_stage_name: str
    reason: str  # APPROVAL_RULES
    requested_by_name: str
    requested_at: datetime
    status: str  # APPROVAL_STATUSES
    decided_by_name: str
    decided_at: datetime | None
    comment: str
    customer_id: int = 0
    from_stage_code: str = ""  # built-in stages: the views translate the names by these
    to_stage_code: str = ""
    kind: str = "stage"  # "contract": deal_id is 0, deal_title the contract's title
    contract_id: int | None = None
    contract_number: str = ""


# ---------------------------------------------------------------- asking


def approvers(session: Session, team_id: int | None, exclude: int) -> list[int]:
    """Who hears of a request: the team's active managers, else the active admins."""
    active = [User.active.is_(True), User.id != exclude]
    found: list[int] = []
    if team_id is not None:
        stmt = select(User.id).where(*active, User.role == "manager", User.team_id == team_id)
        found = list(session.scalars(stmt))
    return found or list(session.scalars(select(User.id).where(*active, User.role == "admin")))


def request_approval(
    session: Session,
    actor: UserRow,
    move: PlannedMove,
    comment: str,
    now: datetime,
    base: int | None = None,
) -> tuple[int, int]:
    """File the request instead of moving (the deal locked by move_deal): (its id, the deal's
    new version). The deal waits for the decision (awaiting_stage_id) and cannot move."""
    deal, target, plan, given, closing = move.deal, move.target, move.plan, move.given, move.closing
    payload = {
        "answers": {str(k): v for k, v in sorted(given.items())},
        "comment": comment,
        "won_amount": None if closing.won_amount is None else str(closing.won_amount),
        "won_on": closing.won_on.isoformat() if closing.won_on else None,
        "lost_code": closing.lost_code,
        "lost_text": closing.lost_text,
    }
    approval_id = session.execute(
        insert(Approval).values(
            kind="stage", deal_id=deal.id, to_stage_id=target.id, reason=plan.approval,
            status="pending", team_id=deal.team_id, requested_by_id=actor.id,
            requested_at=now, comment="", answers=json.dumps(payload, ensure_ascii=False),
        )
    ).inserted_primary_key[0]  # fmt: skip
    version = bump(session, deal, actor, now, base, awaiting_stage_id=target.id)
    add_move(session, deal, "approval_requested", target.id, actor.id, now, comment,
             answers_json(plan, given))  # fmt: skip
    notify(session, approvers(session, deal.team_id, actor.id), "approval", now,
           customer_id=deal.customer_id, detail=deal.title)  # fmt: skip
    record(session, "approvals")
    record(session, "notifications")
    return approval_id, version


def _payload(approval: Approval) -> tuple[dict[int, str], str, Closing]:
    try:
        data = json.loads(approval.answers or "{}")
    except ValueError:
        data = {}
    answers = {int(k): str(v) for k, v in (data.get("answers") or {}).items()}
    amount, won_on = data.get("won_amount"), data.get("won_on")
    closing = Closing(
        Decimal(amount) if amount is not None else None,
        date.fromisoformat(won_on) if won_on else None,
        data.get("lost_code", ""),
        data.get("lost_text", ""),
    )
    return answers, str(data.get("comment", "")), closing


# ---------------------------------------------------------------- deciding


def _locked(session: Session, approval_id: int) -> tuple[Approval, Deal]:
    """The approval and its deal, locked in the order every deal write takes them (customer,
    deal, then the approval)."""
    check_id(approval_id, "approval")
    deal_id = session.scalar(select(Approval.deal_id).where(Approval.id == approval_id))
    if deal_id is None:
        raise NotFound(what="approval", id=approval_id)
    deal = lock_deal_row(session, deal_id)
    stmt = (
        select(Approval)
        .where(Approval.id == approval_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    approval = session.scalar(stmt)
    if approval is None:
        raise NotFound(what="approval", id=approval_id)
    return approval, deal


def _kind_of(session: Session, approval_id: int) -> tuple[str, int | None]:
    check_id(approval_id, "approval")
    row = session.execute(
        select(Approval.kind, Approval.contract_id).where(Approval.id == approval_id)
    ).first()
    if row is None:
        raise NotFound(what="approval", id=approval_id)
    return row[0], row[1]


def _locked_contract(session: Session, approval_id: int, contract_id: int | None):
    """A contract's approval and the contract, locked as every contract write takes them
    (customer, contract, then the approval)."""
    from crmdesk.models.contracts import lock_contract_row  # contracts file requests here

    if contract_id is None:
        raise NotFound(what="approval", id=approval_id)
    contract, live = lock_contract_row(session, contract_id)
    if not live or contract.deleted_at is not None:
        raise NotFound(what="approval", id=approval_id)
    stmt = (
        select(Approval)
        .where(Approval.id == approval_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    approval = session.scalar(stmt)
    if approval is None:
        raise NotFound(what="approval", id=approval_id)
    return approval, contract


def _decided(approval: Approval) -> None:
    if approval.status != "pending":
        raise ValidationFailed(errors=[("approval", "decided")], limits={}, status=approval.status)


def decide_approval(
    session: Session,
    actor: UserRow,
    approval_id: int,
    approve: bool,
    comment: str,
    now: datetime,
) -> None:
    """Approve (the deal makes the move it asked for, its fields and answers checked again,
    not the approval rule; a contract becomes active) or reject (it stays where it is; a
    comment is required)."""
    if not isinstance(approve, bool):
        raise ValidationFailed(errors=[("approve", "invalid")], limits={})
    c = Checker()
    comment = c.text("comment", comment, Approval.comment)
    c.done()
    kind, contract_id = _kind_of(session, approval_id)
    if kind == "contract":
        approval, subject = _locked_contract(session, approval_id, contract_id)
    else:
        approval, subject = _locked(session, approval_id)
    if not may_approve(actor, approval.team_id):
        raise PermissionDenied(action="approve", approval_id=approval_id)
    if approval.requested_by_id == actor.id and not actor.is_admin:
        # Nobody approves their own request but an admin (nobody stands above them): a
        # manager's own move into a gated stage waits for an admin.
        raise PermissionDenied("own_request", approval_id=approval_id)
    _decided(approval)
    if not approve and not comment:
        raise ValidationFailed(errors=[("comment", "required")], limits={})
    if kind == "contract":
        from crmdesk.models.contract_status import decide_contract

        decide_contract(session, actor, subject, approve, comment, now)
    elif approve:
        deal = subject
        pipeline = get_pipeline(session, deal.pipeline_id)
        target = target_stage(pipeline, approval.to_stage_id)
        given, asked_comment, closing = _payload(approval)
        given = _still_asked(pipeline, given)
        plan = plan_move(session, deal, pipeline, target, given, closing)
        add_move(session, deal, "approved", target.id, actor.id, now, comment)
        move = PlannedMove(deal, target, plan, given, closing)
        apply_move(session, actor, move, now, comment=asked_comment,
                   mover_id=approval.requested_by_id)  # fmt: skip
    else:
        bump(session, subject, actor, now, awaiting_stage_id=None)
        add_move(session, subject, "rejected", approval.to_stage_id, actor.id, now, comment)
    approval.status = "approved" if approve else "rejected"
    approval.decided_by_id, approval.decided_at, approval.comment = actor.id, now, comment
    if approval.requested_by_id is not None and approval.requested_by_id != actor.id:
        detail = f"{approval.status}:{subject.title}"[: limit_of(Notification.detail)]
        notify(session, [approval.requested_by_id], "approval_decided", now,
               customer_id=subject.customer_id, detail=detail)  # fmt: skip
        record(session, "notifications")
    record(session, "approvals")
    session.flush()


def _still_asked(pipeline: PipelineRow, given: dict[int, str]) -> dict[int, str]:
    """The request's answers to questions the pipeline still asks (an admin may have turned
    one off since): the others are left out rather than blocking the decision."""
    known = {q.id for s in pipeline.stages for q in s.questions}
    return {qid: a for qid, a in given.items() if qid in known}


def cancel_approval(session: Session, actor: UserRow, approval_id: int, now: datetime) -> None:
    """The requester (or whoever may edit the deal) takes a pending request back: the deal
    may move again. The history says so (kind "approval_cancelled"). A contract's: it stays a
    draft and may be activated (asked) again."""
    kind, contract_id = _kind_of(session, approval_id)
    if kind == "contract":
        _cancel_contract(session, actor, approval_id, contract_id, now)
        return
    approval, deal = _locked(session, approval_id)
    mine = actor.active and approval.requested_by_id == actor.id
    if not mine and not may_see(actor, deal.owner_id, deal.team_id):
        raise NotFound(what="approval", id=approval_id)
    if not mine and not may_edit(actor, deal.owner_id, deal.team_id):
        raise PermissionDenied(action="cancel", approval_id=approval_id)
    _decided(approval)
    bump(session, deal, actor, now, awaiting_stage_id=None)
    add_move(session, deal, "approval_cancelled", approval.to_stage_id, actor.id, now)
    approval.status = "cancelled"
    approval.decided_by_id, approval.decided_at = actor.id, now
    record(session, "approvals")
    session.flush()


def _cancel_contract(session: Session, actor: UserRow, approval_id: int,
                     contract_id: int | None, now: datetime) -> None:  # fmt: skip
    from crmdesk.models.contract_status import withdraw_request

    approval, contract = _locked_contract(session, approval_id, contract_id)
    mine = actor.active and approval.requested_by_id == actor.id
    if not mine and not may_see_contract(actor, contract.owner_id, contract.team_id):
        raise NotFound(what="approval", id=approval_id)
    if not mine and not may_edit_contract(actor, contract.owner_id, contract.team_id):
        raise PermissionDenied(action="cancel", approval_id=approval_id)
    _decided(approval)
    withdraw_request(session, actor, contract, now)
    approval.status = "cancelled"
    approval.decided_by_id, approval.decided_at = actor.id, now
    record(session, "approvals")
    session.flush()


# ---------------------------------------------------------------- reading


def _visible(actor: UserRow) -> ColumnElement[bool]:
    """Approvals the actor may read: those they may decide, their own requests, and requests
    about their own deals."""
    if actor.is_admin:
        return true()
    if not actor.active:
        return false()
    mine = or_(
        Approval.requested_by_id == actor.id,
        Deal.owner_id == actor.id,
        Contract.owner_id == actor.id,
    )
    if actor.is_manager and actor.team_id is not None:
        return or_(Approval.team_id == actor.team_id, mine)
    return mine


def _decidable(actor: UserRow) -> ColumnElement[bool]:
    if actor.is_admin:
        return true()
    if actor.active and actor.is_manager and actor.team_id is not None:
        not_own = or_(Approval.requested_by_id.is_(None), Approval.requested_by_id != actor.id)
        return and_(Approval.team_id == actor.team_id, not_own)
    return false()


def count_pending(session: Session, actor: UserRow) -> int:
    """How many requests wait for the actor's decision (the navigation's badge)."""
    stmt = (
        _subjects(select(func.count()).select_from(Approval))
        # As the list shows them: not of a deal, a contract or a customer in the recycle bin.
        .where(Approval.status == "pending", _decidable(actor))
    )  # fmt: skip
    return session.scalar(stmt) or 0


def _subjects(stmt):
    """What a request is about, a deal or a contract (outer joins: one of them is there), and
    its customer; neither in the recycle bin."""
    return (
        stmt.outerjoin(Deal, Deal.id == Approval.deal_id)
        .outerjoin(Contract, Contract.id == Approval.contract_id)
        .join(Customer, Customer.id == func.coalesce(Deal.customer_id, Contract.customer_id))
        .where(Deal.deleted_at.is_(None), Contract.deleted_at.is_(None),
               Customer.deleted_at.is_(None))
    )  # fmt: skip


def list_approvals(
    session: Session, actor: UserRow, status: str = "pending", *, limit: int = LIST_LIMIT
) -> list[ApprovalRow]:
    """The actor's approvals in a status ("" for every status), newest request first: an admin
    reads all, a manager the team's, everyone their own requests and those on their deals."""
    if status not in ("", *APPROVAL_STATUSES):
        raise ValidationFailed(errors=[("status", "invalid")], limits={})
    asker, decider, to_stage = aliased(User), aliased(User), aliased(Stage)
    stmt = (
        _subjects(select(
            Approval, func.coalesce(Deal.title, Contract.title), Customer.id, Customer.name,
            func.coalesce(Deal.amount, Contract.amount), Deal.stage_id,
            func.coalesce(to_stage.name, ""), func.coalesce(to_stage.code, ""),
            func.coalesce(asker.name, ""), func.coalesce(decider.name, ""),
            func.coalesce(Contract.number, ""),
        ))
        .outerjoin(to_stage, to_stage.id == Approval.to_stage_id)
        .outerjoin(asker, asker.id == Approval.requested_by_id)
        .outerjoin(decider, decider.id == Approval.decided_by_id)
        .where(_visible(actor))
        .order_by(Approval.requested_at.desc(), Approval.id.desc())
        .limit(limit)
    )  # fmt: skip
    if status:
        stmt = stmt.where(Approval.status == status)
    rows = session.execute(stmt).all()
    origins = _origins(session, [r[0] for r in rows])
    stage_ids = {origins.get(r[0].id, r[5]) for r in rows} - {None}
    names = {
        sid: (name, code)
        for sid, name, code in session.execute(
            select(Stage.id, Stage.name, Stage.code).where(Stage.id.in_(sorted(stage_ids)))
        )
    } if stage_ids else {}  # fmt: skip
    out = []
    for row in rows:
        a, title, customer_id, customer, amount, stage_id, to_name, to_code, by, dec, nr = row
        from_name, from_code = names.get(origins.get(a.id, stage_id), ("", ""))
        out.append(ApprovalRow(
            a.id, a.deal_id or 0, title, customer, amount, from_name, to_name, a.reason, by,
            a.requested_at, a.status, dec, a.decided_at, a.comment, customer_id, from_code,
            to_code, a.kind, a.contract_id, nr,
        ))  # fmt: skip
    return out


def _origins(session: Session, approvals: list[Approval]) -> dict[int, int]:
    """The stage each request was made from: the history's approval_requested row written
    with it (same deal, target and time)."""
    if not approvals:
        return {}
    approvals = [a for a in approvals if a.deal_id is not None]
    if not approvals:
        return {}
    want = {(a.deal_id, a.to_stage_id, a.requested_at): a.id for a in approvals}
    stmt = select(DealMove.deal_id, DealMove.to_stage_id, DealMove.at, DealMove.from_stage_id)
    stmt = stmt.where(
        DealMove.deal_id.in_(sorted({a.deal_id for a in approvals})),
        DealMove.kind == "approval_requested",
    ).order_by(DealMove.id)
    found = {}
    for deal_id, to_id, at, from_id in session.execute(stmt):
        approval_id = want.get((deal_id, to_id, at))
        if approval_id is not None and from_id is not None:
            found[approval_id] = from_id
    return found
