"""Moving a deal through its pipeline's stages: the gates (required fields, stage questions, a
manager's approval), winning and losing, reopening, and the stage history every move leaves.

A move is one unit of work on the deal's customer row and then the deal row, both locked, and
its write is a conditional UPDATE on the version the user saw (`… AND version = :base`): a
colleague's move in between ends in a Conflict naming them, never in a silent second move.
A refused move writes nothing, not even the answers it was given.

Choices made here: a deal may be won from any stage (a quick sale is real), only the won
stage's own gate applying; backward moves and reopening (from won or lost) pass no gate; a won
deal's closed_at is the won day (local) at the local time of now, never later than now.
Approval requests and decisions are approvals.py.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from crmdesk.models.analytics_backfill import STAGE_CHANGES, reached_after, stage_seconds_since
from crmdesk.models.changes import record
from crmdesk.models.checks import MAX_ID, Checker, check_id
from crmdesk.models.deal_rules import MONEY_LIMIT, LineInput, check_money, lines_total
from crmdesk.models.errors import Conflict, NotFound, ValidationFailed
from crmdesk.models.periods import moment_on_day as closed_at
from crmdesk.models.pipeline import PipelineRow, QuestionRow, StageRow, get_pipeline
from crmdesk.models.policy import may_edit, may_see
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_deals import (
    GATE_FIELDS,
    Deal,
    DealAnswer,
    DealLine,
    DealMove,
    LostReason,
    Stage,
)
from crmdesk.models.users import UserRow

# Answers one move carries: their copy in the history (question text + answer, as JSON) stays
# within a Text column on every backend (checks.TEXT_LIMIT).
MAX_ANSWERS = 20


@dataclass(frozen=True)
class Missing:
    """What a stage's gate still wants: a deal field (kind "field", key in GATE_FIELDS, or
    lost_code / lost_text for the lost stage) or an answer (kind "question", key its id)."""

    stage_id: int
    kind: str
    key: str | int

    def as_tuple(self) -> tuple[int, str, str | int]:
        return (self.stage_id, self.kind, self.key)


class GateRefused(ValidationFailed):
    """The move was refused: params["missing"] lists everything the stages entered or skipped
    want, as (stage_id, kind, key) tuples (Missing)."""

    code = "gate_refused"

    def __init__(self, missing: Sequence[Missing]) -> None:
        super().__init__(
            errors=[("stage", "gate_refused")],
            limits={},
            missing=[m.as_tuple() for m in missing],
        )


@dataclass(frozen=True)
class MoveResult:
    status: str  # moved / awaiting_approval / unchanged
    deal_id: int
    stage_id: int  # where the deal is now
    version: int
    approval_id: int | None = None


@dataclass(frozen=True)
class Closing:
    """What winning or losing asks for, as given to move_deal (checked)."""

    won_amount: Decimal | None = None
    won_on: date | None = None
    lost_code: str = ""
    lost_text: str = ""


@dataclass(frozen=True)
class Plan:
    """A move that passed its gates: what it is, and what it writes."""

    kind: str  # moved / won / lost / reopened
    stages: tuple[StageRow, ...]  # entered or skipped: whose questions this move answers
    amount: Decimal  # the deal's amount after the move
    amount_manual: bool
    approval: str  # the rule that fired on the target ("" for none)


@dataclass(frozen=True)
class PlannedMove:
    """A move as planned for a deal (locked): what apply_move writes, or
    approvals.request_approval files to be decided."""

    deal: Deal
    target: StageRow
    plan: Plan
    given: Mapping[int, str]  # the answers given
    closing: Closing


# ---------------------------------------------------------------- the gate, pure


def question_missing(q: QuestionRow, answer: str) -> bool:
    answer = (answer or "").strip()
    if not answer:
        return q.required or (q.kind == "yes_no" and q.must_be_yes)
    if q.kind == "yes_no":
        return answer not in ("yes", "no") or (q.must_be_yes and answer != "yes")
    if q.kind == "choice":
        return answer not in q.choices
    return False


def _field_present(key: str, values: Mapping, line_count: int) -> bool:
    if key == "amount":
        amount = values.get("amount")
        return amount is not None and amount > 0
    if key == "lines":
        return line_count > 0
    if key == "expected_close":
        return values.get("expected_close") is not None
    return bool(str(values.get(key) or "").strip())


def gate_missing(
    stage: StageRow,
    deal_values: Mapping,
    line_count: int,
    max_discount: Decimal | None,
    answers: Mapping[int, str],
) -> list[Missing]:
    """What the stage's gate (fields, then questions, in their order) finds missing.
    deal_values: the deal's amount, expected_close, competitor and source."""
    missing = [
        Missing(stage.id, "field", key)
        for key in stage.required_fields
        if key in GATE_FIELDS and not _field_present(key, deal_values, line_count)
    ]
    missing += [
        Missing(stage.id, "question", q.id)
        for q in stage.questions
        if question_missing(q, answers.get(q.id, ""))
    ]
    return missing


def approval_needed(stage: StageRow, amount: Decimal, max_discount: Decimal | None) -> str:
    """The approval rule that fires for a deal entering the stage, or ""."""
    limit = stage.approval_threshold
    if stage.approval == "always":
        return "always"
    if stage.approval == "discount" and limit is not None and (max_discount or 0) > limit:
        return "discount"
    if stage.approval == "amount" and limit is not None and amount > limit:
        return "amount"
    return ""


# ---------------------------------------------------------------- input


def check_move_input(
    answers: Mapping[int, str] | None,
    comment: str,
    won_amount: Decimal | None,
    won_on: date | None,
    lost_code: str,
    lost_text: str,
) -> tuple[dict[int, str], str, Closing]:
    c = Checker()
    clean: dict[int, str] = {}
    if answers is None:
        answers = {}
    if not isinstance(answers, Mapping):
        c.fail("answers", "invalid")
        answers = {}
    c.count("answers", list(answers), MAX_ANSWERS)
    for qid, answer in answers.items():
        if isinstance(qid, bool) or not isinstance(qid, int) or not 1 <= qid <= MAX_ID:
            c.fail(f"answers.{qid!s:.20}", "invalid")
            continue
        clean[qid] = c.text(f"answers.{qid}", answer, DealAnswer.answer)
    comment = c.text("comment", comment, DealMove.comment)
    lost_code = c.text("lost_code", lost_code, Deal.lost_code)
    lost_text = c.text("lost_text", lost_text, Deal.lost_text)
    amount = None if won_amount is None else check_money(c, "won_amount", won_amount, MONEY_LIMIT)
    won_on = c.day("won_on", won_on)
    c.done()
    return clean, comment, Closing(amount, won_on, lost_code, lost_text)


# ---------------------------------------------------------------- locks and facts


def lock_deal_row(session: Session, deal_id: int) -> Deal:
    """A live deal locked for the unit of work after its customer's row (every write to a
    customer takes that row first, so the two queue instead of deadlocking), whoever asks:
    callers check who may do what. Deleted, or of a deleted customer: NotFound."""
    check_id(deal_id, "deal")
    for _attempt in range(3):
        customer_id = session.scalar(select(Deal.customer_id).where(Deal.id == deal_id))
        if customer_id is None:
            raise NotFound(what="deal", id=deal_id)
        gone = session.execute(
            select(Customer.deleted_at).where(Customer.id == customer_id).with_for_update()
        ).first()
        stmt = (
            select(Deal)
            .where(Deal.id == deal_id)
            .with_for_update(key_share=True)  # PostgreSQL: FOR NO KEY UPDATE (see bulk.py)
            .execution_options(populate_existing=True)
        )
        deal = session.scalar(stmt)
        if deal is None:
            raise NotFound(what="deal", id=deal_id)
        if deal.customer_id == customer_id:  # else it changed customer in between: again
            break
    else:
        raise Conflict(by=None, at=None, fields=["customer"])
    if deal.deleted_at is not None or gone is None or gone[0] is not None:
        raise NotFound(what="deal", id=deal_id)
    return deal


def _lock_deal(session: Session, actor: UserRow, deal_id: int) -> Deal:
    """lock_deal_row for a deal the actor may edit; one hidden from them answers NotFound."""
    deal = lock_deal_row(session, deal_id)
    if not may_see(actor, deal.owner_id, deal.team_id):
        raise NotFound(what="deal", id=deal_id)
    if not may_edit(actor, deal.owner_id, deal.team_id):
        raise NotFound(what="deal", id=deal_id)  # deals: seeing is editing (policy)
    return deal


def user_name(session: Session, user_id: int | None) -> str | None:
    return session.scalar(select(User.name).where(User.id == user_id)) if user_id else None


def conflict(session: Session, deal: Deal) -> Conflict:
    """The deal changed since the user read it: who changed it last, and when."""
    row = session.execute(
        select(Deal.updated_by_id, Deal.updated_at).where(Deal.id == deal.id)
    ).first()  # fmt: skip
    by, at = row if row else (None, None)
    return Conflict(by=user_name(session, by), at=at, fields=["stage"], deal=deal.title)


def stored_answers(session: Session, deal_id: int) -> dict[int, str]:
    stmt = select(DealAnswer.question_id, DealAnswer.answer).where(DealAnswer.deal_id == deal_id)
    return {qid: answer for qid, answer in session.execute(stmt)}


def _lines(session: Session, deal_id: int) -> list[LineInput]:
    stmt = select(DealLine.product_id, DealLine.name, DealLine.quantity, DealLine.unit_price,
                  DealLine.discount).where(DealLine.deal_id == deal_id)  # fmt: skip
    return [LineInput(*row) for row in session.execute(stmt)]


def _order(session: Session, pipeline: PipelineRow, stage_id: int) -> tuple[str, tuple[int, int]]:
    """A stage's kind and place among the open stages (list_pipelines' order), even for a
    stage an admin has since turned off."""
    for s in pipeline.stages:
        if s.id == stage_id:
            return s.kind, (s.position, s.id)
    row = session.execute(select(Stage.kind, Stage.position).where(Stage.id == stage_id)).first()
    return (row[0], (row[1], stage_id)) if row else ("open", (-1, stage_id))


# ---------------------------------------------------------------- planning and writing


def plan_move(
    session: Session,
    deal: Deal,
    pipeline: PipelineRow,
    target: StageRow,
    given: Mapping[int, str],
    closing: Closing,
) -> Plan:
    """What moving the deal to target is, or GateRefused listing everything missing."""
    current_kind, current = _order(session, pipeline, deal.stage_id)
    key = (target.position, target.id)
    if target.kind != "open":
        kind, stages, gated = target.kind, (target,), True
    elif current_kind != "open":
        kind, stages, gated = "reopened", (target,), False
    elif key > current:
        kind, gated = "moved", True
        stages = tuple(s for s in pipeline.open_stages if current < (s.position, s.id) <= key)
    else:
        kind, stages, gated = "moved", (target,), False
    asked = {q.id: q for s in stages for q in s.questions}
    unknown = [qid for qid in given if qid not in asked]
    if unknown:
        raise ValidationFailed(errors=[(f"answers.{q}", "invalid") for q in unknown], limits={})
    answers = {**stored_answers(session, deal.id), **given}
    lines = _lines(session, deal.id)
    max_discount = max((x.discount for x in lines), default=None)
    amount, manual = deal.amount, deal.amount_manual
    if kind == "won" and closing.won_amount is not None:
        amount = closing.won_amount
        manual = amount != lines_total(lines)
    values = {"amount": amount, "expected_close": deal.expected_close,
              "competitor": deal.competitor, "source": deal.source}  # fmt: skip
    missing: list[Missing] = []
    if gated:
        for s in stages:
            missing += gate_missing(s, values, len(lines), max_discount, answers)
    else:  # no gate, but what is given must make sense (a yes/no answered "maybe" does not)
        missing += [Missing(asked[qid].stage_id, "question", qid) for qid, a in given.items()
                    if a and question_missing(asked[qid], a)]  # fmt: skip
    if kind == "won" and not amount > 0:
        if Missing(target.id, "field", "amount") not in missing:
            missing.append(Missing(target.id, "field", "amount"))
    if kind == "lost":
        codes = session.scalars(select(LostReason.code).where(LostReason.active.is_(True)))
        if closing.lost_code not in set(codes):
            missing.append(Missing(target.id, "field", "lost_code"))
        elif closing.lost_code == "other" and not closing.lost_text:
            missing.append(Missing(target.id, "field", "lost_text"))
    if missing:
        raise GateRefused(missing)
    approval = approval_needed(target, amount, max_discount) if gated else ""  # not going back
    return Plan(kind, stages, amount, manual, approval)


def answers_json(plan: Plan, given: Mapping[int, str]) -> str:
    """The answers given for the stages entered or skipped, as the history keeps them."""
    pairs = [[q.text, given[q.id]] for s in plan.stages for q in s.questions if q.id in given]
    return json.dumps(pairs, ensure_ascii=False) if pairs else ""


def bump(
    session: Session, deal: Deal, actor: UserRow, now: datetime, base: int | None = None, **values
) -> int:
    """The conditional update every change of a deal's stage goes through: on the version the
    user saw (base; else the one read under the lock), checked by its row count (the guarantee
    even where a lock is not)."""
    base = deal.version if base is None else base
    result = session.execute(
        update(Deal)
        .where(Deal.id == deal.id, Deal.version == base)
        .values(updated_at=now, updated_by_id=actor.id, version=base + 1, **values),
        execution_options={"synchronize_session": False},
    )
    if result.rowcount != 1:
        raise conflict(session, deal)
    record(session, "deals", [deal.customer_id])
    return base + 1


def add_move(session, deal: Deal, kind: str, to_stage_id, actor_id, now, comment="", answers=""):
    """A line of the history; a stage change carries the seconds spent in the stage it leaves
    (deal still as read: its stage_entered_at is when it entered it) and the deal's created_at
    beside them (analytics_backfill)."""
    seconds = stage_seconds_since(deal.stage_entered_at, now) if kind in STAGE_CHANGES else None
    session.execute(
        insert(DealMove).values(
            deal_id=deal.id, kind=kind, from_stage_id=deal.stage_id, to_stage_id=to_stage_id,
            at=now, actor_id=actor_id, comment=comment, answers=answers, stage_seconds=seconds,
            deal_created_at=None if seconds is None else deal.created_at,
        )
    )  # fmt: skip


def apply_move(
    session: Session,
    actor: UserRow,
    move: PlannedMove,
    now: datetime,
    *,
    comment: str = "",
    mover_id: int | None = None,
    base: int | None = None,
) -> int:
    """Write a planned move (the deal, its answers, its history; the customer when won); the
    deal's new version. mover_id: whose move the history names (the requester of an approved
    move), the actor by default."""
    deal, target, plan, given, closing = move.deal, move.target, move.plan, move.given, move.closing
    # A move takes the new stage's probability (its own, set in the deal's form, was for the
    # stage it leaves), as a user of any pipeline expects: a deal left at 0% would otherwise
    # weigh nothing in the board's weighted totals wherever it went.
    values: dict = {"stage_id": target.id, "stage_entered_at": now, "awaiting_stage_id": None,
                    "reached_stage_id": reached_after(session, deal.reached_stage_id, target.id,
                                                      plan.kind), "probability": None}  # fmt: skip
    if plan.kind == "won":
        values |= {"status": "won", "closed_at": closed_at(closing.won_on, now),
                   "amount": plan.amount, "amount_manual": plan.amount_manual,
                   "lost_code": "", "lost_text": ""}  # fmt: skip
    elif plan.kind == "lost":
        values |= {"status": "lost", "closed_at": now, "lost_code": closing.lost_code,
                   "lost_text": closing.lost_text}  # fmt: skip
    elif plan.kind == "reopened":
        values |= {"status": "open", "closed_at": None, "lost_code": "", "lost_text": ""}
    version = bump(session, deal, actor, now, base, **values)
    if given:
        session.execute(
            delete(DealAnswer).where(
                DealAnswer.deal_id == deal.id, DealAnswer.question_id.in_(sorted(given))
            )
        )
        rows = [{"deal_id": deal.id, "question_id": qid, "answer": a, "answered_at": now,
                 "answered_by_id": actor.id} for qid, a in sorted(given.items())]  # fmt: skip
        session.execute(insert(DealAnswer), rows)
    mover = actor.id if mover_id is None else mover_id
    add_move(session, deal, plan.kind, target.id, mover, now, comment, answers_json(plan, given))
    if plan.kind == "won":
        _customer_won(session, actor, deal.customer_id, now)
    return version


def _customer_won(session: Session, actor: UserRow, customer_id: int, now: datetime) -> None:
    """A won deal makes its customer a customer (成交客户); one already so is left alone (its
    version unchanged, so nobody editing it meets a needless conflict)."""
    result = session.execute(
        update(Customer)
        .where(Customer.id == customer_id, Customer.status != "customer")
        .values(status="customer", updated_at=now, updated_by_id=actor.id,
                version=Customer.version + 1),
        execution_options={"synchronize_session": False},
    )  # fmt: skip
    if result.rowcount:
        record(session, "edited", [customer_id])


def target_stage(pipeline: PipelineRow, stage_id: int) -> StageRow:
    check_id(stage_id, "stage")
    return pipeline.stage(stage_id)  # NotFound: not an active stage of the deal's pipeline


def move_deal(
    session: Session,
    actor: UserRow,
    deal_id: int,
    to_stage_id: int,
    base_version: int,
    answers: Mapping[int, str] | None,
    now: datetime,
    *,
    comment: str = "",
    won_amount: Decimal | None = None,
    won_on: date | None = None,
    lost_code: str = "",
    lost_text: str = "",
) -> MoveResult:
    """Move a deal the actor may edit to another stage of its pipeline, as read at
    base_version: forward through the gates of every stage entered or skipped (the answers
    given over those stored), back freely, to won (final amount and day) or lost (a reason),
    or from won or lost back to an open stage. A stage asking for approval files a request
    instead (approvals.py decides it)."""
    given, comment, closing = check_move_input(
        answers, comment, won_amount, won_on, lost_code, lost_text
    )
    if isinstance(base_version, bool) or not isinstance(base_version, int):
        raise ValidationFailed(errors=[("version", "invalid")], limits={})
    if closing.won_on is not None and closing.won_on > now.date() + timedelta(days=1):
        # a day of slack: the user's local date may be ahead of UTC's
        raise ValidationFailed(errors=[("won_on", "future")], limits={})
    deal = _lock_deal(session, actor, deal_id)
    if deal.version != base_version:
        raise Conflict(by=user_name(session, deal.updated_by_id), at=deal.updated_at,
                       fields=["stage"], deal=deal.title)  # fmt: skip
    pipeline = get_pipeline(session, deal.pipeline_id)
    target = target_stage(pipeline, to_stage_id)
    if target.id == deal.stage_id:
        return MoveResult("unchanged", deal.id, deal.stage_id, deal.version)
    if deal.awaiting_stage_id is not None:
        raise ValidationFailed(errors=[("stage", "awaiting_approval")], limits={})
    plan = plan_move(session, deal, pipeline, target, given, closing)
    move = PlannedMove(deal, target, plan, given, closing)
    if plan.approval:
        # approvals.py builds on this module: imported here, not at the top
        from crmdesk.models.approvals import request_approval

        approval_id, version = request_approval(session, actor, move, comment, now, base_version)
        return MoveResult("awaiting_approval", deal.id, deal.stage_id, version, approval_id)
    version = apply_move(session, actor, move, now, comment=comment, base=base_version)
    return MoveResult("moved", deal.id, target.id, version)
