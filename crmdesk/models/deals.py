"""One deal: its fields and lines and their rules, creating it, editing it safely when a colleague
edits it too, the recycle bin, and reading it whole (with its answers, stage history and pending
approval) or as a customer's list of deals.

Moving a deal between stages (gates, answers, approvals, won and lost) is deal_moves.py, which
takes its rows through deal_for_write; the board is board_workspace.py; pipelines are
pipeline.py (read) and pipeline_admin.py (settings); the input's rules without the database,
deal_rules.py (DealInput, LineInput, check_deal and the totals, imported here as well).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.attributes import flag_modified

from crmdesk.models.changes import record
from crmdesk.models.checks import check_id
from crmdesk.models.deal_rules import (  # the input and its rules, here for deals' users too
    DealInput,
    LineInput,
    check_deal,
    is_gated,
    line_total,
    lines_total,
)
from crmdesk.models.errors import Conflict, NotFound, ValidationFailed
from crmdesk.models.pipeline import get_pipeline
from crmdesk.models.policy import (
    check_assignable,
    customer_for_read,
    customer_for_write,
    may_edit,
    may_see,
)
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_deals import (
    Approval,
    Deal,
    DealAnswer,
    DealLine,
    DealMove,
    Pipeline,
    Product,
    Stage,
    StageQuestion,
)
from crmdesk.models.users import UserRow


@dataclass(frozen=True)
class LineRow:
    id: int
    product_id: int | None
    name: str
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal
    total: Decimal


@dataclass(frozen=True)
class AnswerRow:
    question_id: int
    question_code: str  # built-in questions: the views translate by it
    question: str
    answer: str


@dataclass(frozen=True)
class MoveRow:
    kind: str  # schema_deals.MOVE_KINDS
    from_stage: str
    from_code: str
    to_stage: str
    to_code: str
    at: datetime
    actor_name: str
    comment: str
    answers: tuple[tuple[str, str], ...]  # (question as asked, answer)


@dataclass(frozen=True)
class PendingApproval:
    id: int
    to_stage_id: int | None
    to_stage: str
    to_code: str
    reason: str  # APPROVAL_RULES
    requested_by: str
    requested_at: datetime


@dataclass(frozen=True)
class DealDetail:
    id: int
    data: DealInput  # as stored: give it back to update_deal with the user's changes
    amount: Decimal  # the stored amount (data.amount is None when it follows the lines)
    currency: str
    status: str
    probability: int  # the deal's own, else its stage's
    customer_name: str
    owner_name: str
    team_id: int | None
    pipeline_name: str
    pipeline_code: str
    stage_name: str
    stage_code: str
    stage_kind: str
    stage_entered_at: datetime
    closed_at: datetime | None
    lost_code: str
    lost_text: str
    created_at: datetime
    updated_at: datetime
    updated_by_name: str
    lines: tuple[LineRow, ...]
    answers: tuple[AnswerRow, ...]
    history: tuple[MoveRow, ...]  # oldest first
    approval: PendingApproval | None
    editable: bool
    version: int


@dataclass(frozen=True)
class DealRow:
    """A line of a customer's Deals tab."""

    id: int
    title: str
    stage_name: str
    stage_code: str
    status: str
    amount: Decimal
    currency: str
    owner_name: str
    expected_close: date | None
    updated_at: datetime


# ---------------------------------------------------------------- rules


def _invalid(field: str, code: str, **params: Any) -> ValidationFailed:
    return ValidationFailed(errors=[(field, code)], limits={}, **params)


def _check_products(session: Session, lines: tuple[LineInput, ...]) -> None:
    wanted = {x.product_id for x in lines if x.product_id is not None}
    if not wanted:
        return
    known = set(session.scalars(select(Product.id).where(Product.id.in_(wanted))))
    bad = [(f"lines.{i}.product_id", "not_found") for i, x in enumerate(lines)
           if x.product_id is not None and x.product_id not in known]  # fmt: skip
    if bad:
        raise ValidationFailed(errors=bad, limits={})


def _owner(session: Session, actor: UserRow, owner_id: int | None) -> tuple[int, int | None]:
    """The owner's id and team: the actor, or someone the actor may hand work to."""
    if owner_id is None or owner_id == actor.id:
        return actor.id, actor.team_id  # the actor as current_actor read them in this unit
    owner = check_assignable(session, actor, owner_id)
    return owner.id, owner.team_id


def _write_lines(session: Session, deal_id: int, lines: tuple[LineInput, ...]) -> None:
    session.execute(delete(DealLine).where(DealLine.deal_id == deal_id))
    if lines:
        rows = [{"deal_id": deal_id, "position": i, "product_id": x.product_id, "name": x.name,
                 "quantity": x.quantity, "unit_price": x.unit_price, "discount": x.discount}
                for i, x in enumerate(lines)]  # fmt: skip
        session.execute(insert(DealLine), rows)


def _apply(deal: Deal, data: DealInput) -> None:
    """data is checked: amount None follows the lines."""
    deal.title, deal.probability = data.title, data.probability
    deal.amount_manual = data.amount is not None
    deal.amount = data.amount if data.amount is not None else lines_total(data.lines)
    deal.expected_close, deal.source, deal.competitor = (
        data.expected_close, data.source, data.competitor)  # fmt: skip
    deal.notes, deal.external_id = data.notes, data.external_id


# ---------------------------------------------------------------- writing


def create_deal(session: Session, actor: UserRow, data: DealInput, now: datetime) -> int:
    """A new open deal of a customer the actor may edit, in an open stage without a gate (the
    pipeline's first open stage when none is given): entering a gated stage is a move, which
    deal_moves.py checks, so a deal is never created past a gate."""
    data = check_deal(data)
    customer = customer_for_write(session, actor, data.customer_id)  # customer, then deal
    owner_id, team_id = _owner(session, actor, data.owner_id)
    pipeline = get_pipeline(session, data.pipeline_id)
    if not pipeline.active:
        raise _invalid("pipeline_id", "invalid")
    if not pipeline.open_stages:
        raise _invalid("stage_id", "invalid")
    stage_id = data.stage_id if data.stage_id is not None else pipeline.open_stages[0].id
    stage = next((s for s in pipeline.open_stages if s.id == stage_id), None)
    if stage is None:
        raise _invalid("stage_id", "invalid")
    if is_gated(stage):
        raise _invalid("stage_id", "gated")
    _check_products(session, data.lines)
    deal = Deal(
        customer_id=customer.id, owner_id=owner_id, team_id=team_id, pipeline_id=pipeline.id,
        stage_id=stage.id, status="open", currency="CNY", created_at=now, created_by_id=actor.id,
        updated_at=now, updated_by_id=actor.id, stage_entered_at=now, reached_stage_id=stage.id,
    )  # fmt: skip
    _apply(deal, data)
    session.add(deal)
    session.flush()
    _write_lines(session, deal.id, data.lines)
    session.add(DealMove(deal_id=deal.id, kind="created", to_stage_id=stage.id, at=now,
                         actor_id=actor.id))  # fmt: skip
    session.flush()
    record(session, "deals", [customer.id])
    return deal.id


def _lock(session: Session, actor: UserRow, deal_id: int) -> Deal:
    """The deal (deleted or not) locked after its customer's row, if the actor may edit it."""
    check_id(deal_id, "deal")
    customer_id = session.scalar(select(Deal.customer_id).where(Deal.id == deal_id))
    if customer_id is None:
        raise NotFound(what="deal", id=deal_id)
    # The customer's row first, as every write to a customer takes it (policy.customer_for_write):
    # a deal's unit of work and its customer's queue on one row instead of deadlocking.
    gone = session.scalar(
        select(Customer.deleted_at).where(Customer.id == customer_id).with_for_update()
    )
    stmt = (select(Deal).where(Deal.id == deal_id).with_for_update()
            .execution_options(populate_existing=True))  # fmt: skip
    deal = session.scalar(stmt)
    if deal is None or gone is not None or not may_edit(actor, deal.owner_id, deal.team_id):
        raise NotFound(what="deal", id=deal_id)  # hidden answers like missing
    return deal


def deal_for_write(session: Session, actor: UserRow, deal_id: int) -> Deal:
    """A live deal the actor may edit, locked for the rest of the unit of work: its customer's
    row first, then the deal's. A deal the actor may not see, a deleted one and one whose
    customer is in the recycle bin answer NotFound."""
    deal = _lock(session, actor, deal_id)
    if deal.deleted_at is not None:
        raise NotFound(what="deal", id=deal_id)
    return deal


def _input_of(deal: Deal, lines: list[DealLine]) -> DealInput:
    return DealInput(
        customer_id=deal.customer_id, title=deal.title, pipeline_id=deal.pipeline_id,
        stage_id=deal.stage_id, amount=deal.amount if deal.amount_manual else None,
        probability=deal.probability, expected_close=deal.expected_close, source=deal.source,
        competitor=deal.competitor, notes=deal.notes, external_id=deal.external_id,
        owner_id=deal.owner_id,
        lines=tuple(LineInput(x.product_id, x.name, x.quantity, x.unit_price, x.discount)
                    for x in lines),
    )  # fmt: skip


def _lines(session: Session, deal_id: int) -> list[DealLine]:
    stmt = select(DealLine).where(DealLine.deal_id == deal_id)
    return list(session.scalars(stmt.order_by(DealLine.position, DealLine.id)))


def _user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return session.scalar(select(User.name).where(User.id == user_id)) or ""


def update_deal(
    session: Session,
    actor: UserRow,
    deal_id: int,
    data: DealInput,
    base_version: int,
    now: datetime,
    overwrite: bool = False,
) -> DealDetail:
    """Save an edit of the deal's fields and lines made on version base_version.

    The stage and pipeline are not edited here (moves are deal_moves.py): a stage_id other
    than the deal's is refused ("stage_id", "use_move"), None keeps it; with overwrite both are
    ignored, so "Keep mine" after a colleague moved the deal keeps their move. The customer
    never changes ("customer_id", "invalid"). owner_id None keeps the owner.

    If a colleague saved (or moved the deal) since base_version: Conflict naming who, when and
    which fields now differ from mine, unless overwrite, which saves mine over theirs."""
    data = check_deal(data)
    if isinstance(base_version, bool) or not isinstance(base_version, int):
        raise _invalid("base_version", "invalid")
    deal = deal_for_write(session, actor, deal_id)
    if data.customer_id != deal.customer_id:
        raise _invalid("customer_id", "invalid")
    if deal.version != base_version and not overwrite:
        current = _input_of(deal, _lines(session, deal.id))
        differ = [f.name for f in fields(DealInput)
                  if f.name not in ("stage_id", "owner_id")
                  and getattr(current, f.name) != getattr(data, f.name)]  # fmt: skip
        if data.stage_id is not None and data.stage_id != deal.stage_id:
            differ.append("stage_id")
        if data.owner_id is not None and data.owner_id != deal.owner_id:
            differ.append("owner_id")
        raise Conflict(by=_user_name(session, deal.updated_by_id), at=deal.updated_at,
                       fields=differ, deal=deal.title, current=current)  # fmt: skip
    if not overwrite:
        if data.pipeline_id != deal.pipeline_id:
            raise _invalid("pipeline_id", "use_move")
        if data.stage_id is not None and data.stage_id != deal.stage_id:
            raise _invalid("stage_id", "use_move")
    if deal.awaiting_stage_id is not None:
        # A manager is deciding on these terms: changing them underneath would have the
        # approval cover what nobody approved (the request may be cancelled first).
        stored = _input_of(deal, _lines(session, deal.id))
        if data.lines != stored.lines or data.amount != stored.amount:
            raise _invalid("lines", "awaiting_approval")
    if data.owner_id is not None and data.owner_id != deal.owner_id:
        deal.owner_id, deal.team_id = _owner(session, actor, data.owner_id)
    _check_products(session, data.lines)
    _apply(deal, data)
    deal.updated_at, deal.updated_by_id = now, actor.id
    flag_modified(deal, "updated_at")  # the version moves even when only the lines changed
    _write_lines(session, deal.id, data.lines)
    session.flush()
    record(session, "deals", [deal.customer_id])
    return read_deal(session, actor, deal.id)


def delete_deal(session: Session, actor: UserRow, deal_id: int, now: datetime) -> None:
    """To the recycle bin. Its pending approval is cancelled: nobody decides on a deleted deal
    (restoring the deal does not bring the request back; the rep asks again)."""
    deal = deal_for_write(session, actor, deal_id)
    deal.deleted_at, deal.deleted_by_id = now, actor.id
    deal.updated_at, deal.updated_by_id = now, actor.id
    deal.awaiting_stage_id = None
    flag_modified(deal, "updated_at")
    cancelled = session.execute(
        update(Approval)
        .where(Approval.deal_id == deal.id, Approval.status == "pending")
        .values(status="cancelled", decided_at=now, decided_by_id=actor.id)
    )
    session.flush()
    record(session, "deals", [deal.customer_id])
    if cancelled.rowcount:
        record(session, "approvals")


def restore_deal(session: Session, actor: UserRow, deal_id: int, now: datetime) -> None:
    """Out of the recycle bin (a live deal stays as it is)."""
    deal = _lock(session, actor, deal_id)
    if deal.deleted_at is None:
        return
    deal.deleted_at, deal.deleted_by_id = None, None
    deal.updated_at, deal.updated_by_id = now, actor.id
    flag_modified(deal, "updated_at")
    session.flush()
    record(session, "deals", [deal.customer_id])


# ---------------------------------------------------------------- reading


def read_deal(session: Session, actor: UserRow, deal_id: int) -> DealDetail:
    """The deal whole, in five queries: the deal with its names, its lines, its answers, its
    history and its pending approval. Hidden, deleted, or of a deleted customer: NotFound."""
    check_id(deal_id, "deal")
    owner, editor = aliased(User), aliased(User)
    row = session.execute(
        select(Deal, Customer.name, Customer.deleted_at, func.coalesce(owner.name, ""),
               func.coalesce(editor.name, ""), Stage, Pipeline.name, Pipeline.code)
        .join(Customer, Customer.id == Deal.customer_id)
        .join(Stage, Stage.id == Deal.stage_id)
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .outerjoin(owner, owner.id == Deal.owner_id)
        .outerjoin(editor, editor.id == Deal.updated_by_id)
        .where(Deal.id == deal_id)
    ).first()  # fmt: skip
    if row is None:
        raise NotFound(what="deal", id=deal_id)
    deal, customer_name, gone, owner_name, editor_name, stage, pipeline_name, pipeline_code = row
    if deal.deleted_at is not None or gone is not None:
        raise NotFound(what="deal", id=deal_id)
    if not may_see(actor, deal.owner_id, deal.team_id):
        # A colleague's deal on a customer the actor may see: read-only (the Deals tab lists
        # it, so it opens); a deal on a customer hidden from the actor answers as no deal.
        try:
            customer_for_read(session, actor, deal.customer_id)
        except NotFound:
            raise NotFound(what="deal", id=deal_id) from None
    lines = _lines(session, deal.id)
    answers = session.execute(
        select(DealAnswer.question_id, StageQuestion.code, StageQuestion.text, DealAnswer.answer)
        .join(StageQuestion, StageQuestion.id == DealAnswer.question_id)
        .where(DealAnswer.deal_id == deal.id)
        .order_by(StageQuestion.stage_id, StageQuestion.position, StageQuestion.id)
    ).all()  # fmt: skip
    source, target, mover = aliased(Stage), aliased(Stage), aliased(User)
    moves = session.execute(
        select(DealMove.kind, func.coalesce(source.name, ""), func.coalesce(source.code, ""),
               func.coalesce(target.name, ""), func.coalesce(target.code, ""), DealMove.at,
               func.coalesce(mover.name, ""), DealMove.comment, DealMove.answers)
        .outerjoin(source, source.id == DealMove.from_stage_id)
        .outerjoin(target, target.id == DealMove.to_stage_id)
        .outerjoin(mover, mover.id == DealMove.actor_id)
        .where(DealMove.deal_id == deal.id)
        .order_by(DealMove.at, DealMove.id)
    ).all()  # fmt: skip
    asker = aliased(User)
    pending = session.execute(
        select(Approval.id, Approval.to_stage_id, func.coalesce(Stage.name, ""),
               func.coalesce(Stage.code, ""), Approval.reason, func.coalesce(asker.name, ""),
               Approval.requested_at)
        .outerjoin(Stage, Stage.id == Approval.to_stage_id)
        .outerjoin(asker, asker.id == Approval.requested_by_id)
        .where(Approval.deal_id == deal.id, Approval.status == "pending")
        .order_by(Approval.requested_at.desc(), Approval.id.desc())
        .limit(1)
    ).first()  # fmt: skip
    return DealDetail(
        id=deal.id, data=_input_of(deal, lines), amount=deal.amount, currency=deal.currency,
        status=deal.status,
        probability=deal.probability if deal.probability is not None else stage.probability,
        customer_name=customer_name, owner_name=owner_name, team_id=deal.team_id,
        pipeline_name=pipeline_name, pipeline_code=pipeline_code, stage_name=stage.name,
        stage_code=stage.code, stage_kind=stage.kind, stage_entered_at=deal.stage_entered_at,
        closed_at=deal.closed_at, lost_code=deal.lost_code, lost_text=deal.lost_text,
        created_at=deal.created_at, updated_at=deal.updated_at, updated_by_name=editor_name,
        lines=tuple(_line_row(x) for x in lines),
        answers=tuple(AnswerRow(*a) for a in answers),
        history=tuple(MoveRow(*m[:8], parse_answers(m[8])) for m in moves),
        approval=PendingApproval(*pending) if pending else None,
        editable=may_edit(actor, deal.owner_id, deal.team_id),
        version=deal.version,
    )  # fmt: skip


def _line_row(x: DealLine) -> LineRow:
    total = line_total(LineInput(x.product_id, x.name, x.quantity, x.unit_price, x.discount))
    return LineRow(x.id, x.product_id, x.name, x.quantity, x.unit_price, x.discount, total)


def parse_answers(text: str) -> tuple[tuple[str, str], ...]:
    """A move's answers as stored (JSON [[question, answer], ...]); anything else reads as none
    rather than failing the whole deal."""
    try:
        items = json.loads(text) if text else []
    except ValueError:
        return ()
    if not isinstance(items, list):
        return ()
    return tuple((str(x[0]), str(x[1])) for x in items
                 if isinstance(x, (list, tuple)) and len(x) == 2)  # fmt: skip


def follow_owner(session: Session, customer_ids: list[int], owner_id: int, team_id: int | None,
                 actor_id: int, now: datetime, where=None) -> None:  # fmt: skip
    """A customer handed to another rep (assigned, transferred, claimed) takes its open deals
    with it: the new owner works them, the old one no longer can win them. Called with the
    customers locked, so deals come second in the lock order as everywhere. Won and lost deals
    stay with who closed them (their figures are that rep's). where: the customers as a
    condition on Deal.customer_id (bulk.id_in's: a chunk's ids as one parameter on PostgreSQL);
    by default an IN list."""
    if not customer_ids:
        return
    stmt = (
        update(Deal)
        .where(Deal.customer_id.in_(customer_ids) if where is None else where,
               Deal.status == "open", Deal.deleted_at.is_(None), Deal.owner_id != owner_id)
        .values(owner_id=owner_id, team_id=team_id, updated_at=now, updated_by_id=actor_id,
                version=Deal.version + 1)
    )  # fmt: skip
    if session.execute(stmt, execution_options={"synchronize_session": False}).rowcount:
        record(session, "deals", customer_ids)


def customer_deals(session: Session, actor: UserRow, customer_id: int) -> list[DealRow]:
    """A customer's live deals, the newest first (the Deals tab): all of them for whoever may
    see the customer, a colleague's included (the dialog opens those it may not edit read-only
    or not at all), so nobody works a customer unaware of a deal on it."""
    customer_for_read(session, actor, customer_id)
    stmt = (
        select(Deal.id, Deal.title, Stage.name, Stage.code, Deal.status, Deal.amount,
               Deal.currency, func.coalesce(User.name, ""), Deal.expected_close, Deal.updated_at)
        .join(Stage, Stage.id == Deal.stage_id)
        .outerjoin(User, User.id == Deal.owner_id)
        .where(Deal.customer_id == customer_id, Deal.deleted_at.is_(None))
        .order_by(Deal.created_at.desc(), Deal.id.desc())
    )  # fmt: skip
    return [DealRow(*row) for row in session.execute(stmt)]
