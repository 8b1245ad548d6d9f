"""What an administrator sets for deals: pipelines with their stages, each stage's gate (required
fields, questions, an approval rule), products, and lost reasons.

Stages and questions are never deleted, only turned off (deals and their history point at
them); a stage still holding live open deals cannot be taken out. Reading them is pipeline.py.

A deal's reached_stage_id is the furthest open stage, by position, its history entered
(analytics_backfill): a save that changes the order of the pipeline's open stages (or turns one
into or out of "open") recomputes it for the pipeline's deals in the same unit of work, else
the funnel would count deals in stages they never entered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from crmdesk.models.analytics_backfill import backfill_reached
from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id, limit_of
from crmdesk.models.deal_rules import MONEY_LIMIT, check_money
from crmdesk.models.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.pipeline import ReasonRow, lost_reasons
from crmdesk.models.reasons import add_reason, set_reason_active
from crmdesk.models.schema import User
from crmdesk.models.schema_deals import (
    APPROVAL_RULES,
    GATE_FIELDS,
    QUESTION_KINDS,
    STAGE_KINDS,
    Deal,
    LostReason,
    Pipeline,
    Product,
    Stage,
    StageQuestion,
)
from crmdesk.models.users import UserRow

MAX_STAGES = 30
MAX_QUESTIONS = 20
MAX_CHOICES = 20
MAX_STALE_DAYS = 3650


@dataclass(frozen=True)
class QuestionInput:
    id: int | None  # None: a new question
    text: str
    kind: str = "text"  # QUESTION_KINDS
    choices: tuple[str, ...] = ()  # choice questions: at least two
    required: bool = True
    must_be_yes: bool = False  # yes_no questions: only "yes" passes the gate


@dataclass(frozen=True)
class StageInput:
    id: int | None  # None: a new stage
    name: str
    kind: str = "open"  # STAGE_KINDS
    probability: int = 0
    stale_days: int | None = None
    required_fields: tuple[str, ...] = ()  # GATE_FIELDS
    approval: str = ""  # APPROVAL_RULES
    approval_threshold: Decimal | None = None  # discount: a percentage; amount: money
    questions: tuple[QuestionInput, ...] = ()


def _admin(actor: UserRow) -> None:
    if not actor.is_admin:
        raise PermissionDenied(action="pipeline_admin")


def _whole(c: Checker, field: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        c.fail(field, "out_of_range")
        return low
    return value


def _check_question(q: QuestionInput, c: Checker) -> QuestionInput:
    if not isinstance(q, QuestionInput):
        c.fail("question", "invalid")
        return QuestionInput(None, "")
    kind = c.choice("kind", q.kind, QUESTION_KINDS)
    choices: tuple[str, ...] = ()
    if kind == "choice":
        given = q.choices if isinstance(q.choices, (tuple, list)) else None
        if given is None:
            c.fail("choices", "invalid")
            given = ()
        c.count("choices", given, MAX_CHOICES)
        choices = tuple(c.text("choices", x, StageQuestion.choices) for x in given)
        choices = tuple(x for x in dict.fromkeys(choices) if x)
        if any(isinstance(x, str) and "\n" in x for x in given):
            c.fail("choices", "invalid")  # one choice a line: a line break would split it
        if len(choices) < 2:
            c.fail("choices", "too_few")
        if len("\n".join(choices)) > limit_of(StageQuestion.choices):
            c.fail("choices", "too_long", limit_of(StageQuestion.choices))
    if q.must_be_yes and kind != "yes_no":
        c.fail("must_be_yes", "invalid")
    return QuestionInput(
        id=q.id,
        text=c.text("text", q.text, StageQuestion.text, required=True),
        kind=kind,
        choices=choices,
        required=bool(q.required),
        must_be_yes=bool(q.must_be_yes) and kind == "yes_no",
    )


def _check_stage(s: StageInput, c: Checker) -> StageInput:
    if not isinstance(s, StageInput):
        c.fail("stage", "invalid")
        return StageInput(None, "")
    fields = s.required_fields if isinstance(s.required_fields, (tuple, list)) else None
    if fields is None or any(f not in GATE_FIELDS for f in fields):
        c.fail("required_fields", "invalid")
        fields = ()
    approval = c.choice("approval", s.approval, APPROVAL_RULES)
    threshold = None
    if approval in ("discount", "amount"):
        if s.approval_threshold is None:
            c.fail("approval_threshold", "required")
        else:
            limit = Decimal(101) if approval == "discount" else MONEY_LIMIT
            threshold = check_money(c, "approval_threshold", s.approval_threshold, limit)
            if approval == "discount" and threshold is not None and threshold > 100:
                c.fail("approval_threshold", "out_of_range")
    questions = s.questions if isinstance(s.questions, (tuple, list)) else None
    if questions is None:
        c.fail("questions", "invalid")
        questions = ()
    c.count("questions", questions, MAX_QUESTIONS)
    questions = questions[:MAX_QUESTIONS]
    return StageInput(
        id=s.id,
        name=c.text("name", s.name, Stage.name, required=True),
        kind=c.choice("kind", s.kind, STAGE_KINDS),
        probability=_whole(c, "probability", s.probability, 0, 100),
        stale_days=None
        if s.stale_days is None
        else _whole(c, "stale_days", s.stale_days, 1, MAX_STALE_DAYS),
        required_fields=tuple(f for f in GATE_FIELDS if f in fields),
        approval=approval,
        approval_threshold=threshold,
        questions=tuple(
            _check_question(q, c.sub(f"questions.{i}.")) for i, q in enumerate(questions)
        ),
    )


def check_pipeline(name: str, stages: Sequence[StageInput]) -> tuple[str, tuple[StageInput, ...]]:
    """The pipeline's name and stages as they will be stored, or ValidationFailed naming every
    fault (stages as stages.N.field, questions as stages.N.questions.M.field)."""
    c = Checker()
    name = c.text("name", name, Pipeline.name, required=True)
    given = stages if isinstance(stages, (tuple, list)) else None
    if given is None:
        c.fail("stages", "invalid")
        given = ()
    c.count("stages", given, MAX_STAGES)
    clean = tuple(_check_stage(s, c.sub(f"stages.{i}.")) for i, s in enumerate(given[:MAX_STAGES]))
    kinds = [s.kind for s in clean]
    if kinds.count("won") != 1:
        c.fail("stages", "one_won")
    if kinds.count("lost") != 1:
        c.fail("stages", "one_lost")
    if "open" not in kinds:
        c.fail("stages", "no_open")
    seen: set[str] = set()
    for i, s in enumerate(clean):
        if s.name and s.name in seen:
            c.fail(f"stages.{i}.name", "taken")
        seen.add(s.name)
    ids = [s.id for s in clean if s.id is not None]
    question_ids = [q.id for s in clean for q in s.questions if q.id is not None]
    for field, values in (("stages", ids), ("questions", question_ids)):
        if any(isinstance(v, bool) or not isinstance(v, int) for v in values):
            c.fail(field, "invalid")
        elif len(set(values)) != len(values):
            c.fail(field, "invalid")
    c.done()
    return name, clean


def _held(session: Session, stage_ids: Sequence[int], *, open_only: bool) -> dict[int, int]:
    """How many live deals (open ones only: also those waiting on an approval to enter) each
    stage holds."""
    if not stage_ids:
        return {}
    counts: dict[int, int] = {}
    columns = (Deal.stage_id, Deal.awaiting_stage_id) if open_only else (Deal.stage_id,)
    for column in columns:
        stmt = (
            select(column, func.count())
            .where(column.in_(stage_ids), Deal.deleted_at.is_(None))
            .group_by(column)
        )
        if open_only:
            stmt = stmt.where(Deal.status == "open")
        for stage_id, n in session.execute(stmt):
            counts[stage_id] = counts.get(stage_id, 0) + n
    return counts


def _check_ids(session: Session, old: dict[int, Stage], clean: tuple[StageInput, ...]) -> None:
    """Every stage id given is one of this pipeline's, every question id one of its stage's."""
    asked: dict[int, int] = {}
    if old:
        stmt = select(StageQuestion.id, StageQuestion.stage_id)
        asked = dict(session.execute(stmt.where(StageQuestion.stage_id.in_(list(old)))).all())
    bad = []
    for i, s in enumerate(clean):
        if s.id is not None and s.id not in old:
            bad.append((f"stages.{i}.id", "not_found"))
        for j, q in enumerate(s.questions):
            if q.id is not None and (s.id is None or asked.get(q.id) != s.id):
                bad.append((f"stages.{i}.questions.{j}.id", "not_found"))
    if bad:
        raise ValidationFailed(errors=bad, limits={})


def save_pipeline(
    session: Session,
    actor: UserRow,
    pipeline_id: int | None,
    name: str,
    stages: Sequence[StageInput],
    base_version: int | None,
    now: datetime,
    *,
    active: bool | None = None,
) -> int:
    """Create (pipeline_id None) or change a pipeline with all its stages in one call: the stages
    given, in their order (open ones first on the board whatever the order); stages and
    questions left out are turned off. active None keeps the pipeline's (a new one is active).

    A stage holding live open deals cannot be left out, change kind, nor its pipeline be turned
    off: ValidationFailed ("stages", "has_deals") with held = [(stage id, name, count)]. A save
    over a colleague's (base_version older than the stored one) is a Conflict."""
    _admin(actor)
    name, clean = check_pipeline(name, stages)
    if pipeline_id is None:
        position = (session.scalar(select(func.max(Pipeline.position))) or 0) + 1
        pipeline = Pipeline(code="", position=position, active=True, created_at=now, version=1)
    else:
        check_id(pipeline_id, "pipeline")
        pipeline = session.get(Pipeline, pipeline_id, with_for_update=True, populate_existing=True)
        if pipeline is None:
            raise NotFound(what="pipeline", id=pipeline_id)
        if base_version is not None and pipeline.version != base_version:
            who = session.get(User, pipeline.updated_by_id) if pipeline.updated_by_id else None
            raise Conflict(by=who.name if who else None, at=pipeline.updated_at, fields=[],
                           pipeline=pipeline.name)  # fmt: skip
    taken = select(Pipeline.id).where(Pipeline.name == name)
    if pipeline_id is not None:
        taken = taken.where(Pipeline.id != pipeline_id)
    if session.scalar(taken) is not None:
        raise ValidationFailed(errors=[("name", "taken")], limits={})
    old: dict[int, Stage] = {}
    before: list[int] = []  # the open stages' order before the save (the rows change below)
    if pipeline_id is not None:
        stmt = select(Stage).where(Stage.pipeline_id == pipeline_id)
        old = {s.id: s for s in session.scalars(stmt)}
        before = _open_order(session, pipeline_id)
    _check_ids(session, old, clean)
    kept = {s.id: s for s in clean if s.id is not None}
    live = [s for s in old.values() if s.active]
    held = _held(session, [s.id for s in live], open_only=True)
    blocked = [(s.id, s.name, held[s.id]) for s in live
               if held.get(s.id) and (active is False or s.id not in kept)]  # fmt: skip
    turned = [s for s in old.values() if s.id in kept and kept[s.id].kind != s.kind]
    everything = _held(session, [s.id for s in turned], open_only=False)
    blocked += [(s.id, s.name, everything[s.id]) for s in turned if everything.get(s.id)]
    if blocked:
        raise ValidationFailed(errors=[("stages", "has_deals")], limits={}, held=blocked)
    if pipeline.code and name != pipeline.name:
        pipeline.code = ""  # renamed: the admin's words show, not the built-in translation
    pipeline.name = name
    if active is not None:
        pipeline.active = bool(active)
    pipeline.updated_at, pipeline.updated_by_id = now, actor.id
    session.add(pipeline)
    if pipeline_id is not None:
        flag_modified(pipeline, "updated_at")  # the version moves even if only stages changed
    session.flush()
    order = [s for s in clean if s.kind == "open"] + [s for s in clean if s.kind != "open"]
    for position, data in enumerate(order):
        _save_stage(session, pipeline.id, old.get(data.id), data, position)
    gone = [s.id for s in live if s.id not in kept]
    if gone:
        session.execute(update(Stage).where(Stage.id.in_(gone)).values(active=False))
    session.flush()
    if pipeline_id is not None:
        # New stages left out: no deal entered one, adding it moves no deal's furthest stage.
        if [i for i in _open_order(session, pipeline_id) if i in old] != before:
            backfill_reached(session.connection(), pipeline_id=pipeline_id)
    record(session, "pipelines")
    return pipeline.id


def _open_order(session: Session, pipeline_id: int) -> list[int]:
    """The pipeline's open stages (turned-off ones too: a deal may have reached one), by
    position as reached_stage_id reads them."""
    return list(session.scalars(
        select(Stage.id).where(Stage.pipeline_id == pipeline_id, Stage.kind == "open")
        .order_by(Stage.position, Stage.id)))  # fmt: skip


def _save_stage(
    session: Session, pipeline_id: int, stage: Stage | None, data: StageInput, position: int
) -> None:
    if stage is None:
        stage = Stage(pipeline_id=pipeline_id, code="")
        session.add(stage)
    elif stage.code and stage.name != data.name:
        stage.code = ""  # renamed: the admin's words show, not the built-in translation
    stage.position, stage.name, stage.kind, stage.active = position, data.name, data.kind, True
    stage.probability, stage.stale_days = data.probability, data.stale_days
    stage.required_fields = ",".join(data.required_fields)
    stage.approval, stage.approval_threshold = data.approval, data.approval_threshold
    session.flush()
    old = {q.id: q for q in session.scalars(
        select(StageQuestion).where(StageQuestion.stage_id == stage.id))}  # fmt: skip
    for i, q in enumerate(data.questions):
        question = old.get(q.id) if q.id is not None else None
        choices = "\n".join(q.choices)
        if question is None:
            question = StageQuestion(stage_id=stage.id, code="")
            session.add(question)
        elif question.code and (question.text != q.text or question.choices != choices):
            question.code = ""  # reworded: the admin's words show
        question.position, question.text, question.kind = i, q.text, q.kind
        question.choices, question.required, question.must_be_yes = choices, q.required, (
            q.must_be_yes)  # fmt: skip
        question.active = True
    kept = {q.id for q in data.questions if q.id is not None}
    gone = [qid for qid, q in old.items() if q.active and qid not in kept]
    if gone:
        session.execute(
            update(StageQuestion).where(StageQuestion.id.in_(gone)).values(active=False)
        )
    session.flush()


# ---------------------------------------------------------------- products


def save_product(
    session: Session,
    actor: UserRow,
    product_id: int | None,
    code: str,
    name: str,
    list_price: Decimal,
    active: bool,
    now: datetime,
) -> int:
    """Create (product_id None) or change a product. A product is turned off, never deleted:
    deal lines keep its name as it was when added."""
    _admin(actor)
    c = Checker()
    code = c.text("code", code, Product.code, required=True)
    name = c.text("name", name, Product.name, required=True)
    price = check_money(c, "list_price", list_price, MONEY_LIMIT)
    c.done()
    if product_id is None:
        product = Product(created_at=now)
    else:
        check_id(product_id, "product")
        product = session.get(Product, product_id, with_for_update=True)
        if product is None:
            raise NotFound(what="product", id=product_id)
    taken = select(Product.id).where(Product.code == code)
    if product_id is not None:
        taken = taken.where(Product.id != product_id)
    if session.scalar(taken) is not None:
        raise ValidationFailed(errors=[("code", "taken")], limits={})
    product.code, product.name, product.list_price = code, name, price
    product.active = bool(active)
    session.add(product)
    session.flush()
    record(session, "pipelines")
    return product.id


# ---------------------------------------------------------------- lost reasons


def all_lost_reasons(session: Session) -> list[ReasonRow]:
    return lost_reasons(session, active_only=False)


def add_lost_reason(session: Session, actor: UserRow, label: str) -> str:
    """A reason of the admin's own; returns its code (r1, r2 …)."""
    _admin(actor)
    code = add_reason(session, LostReason, label)
    record(session, "pipelines")
    return code


def set_lost_reason_active(session: Session, actor: UserRow, code: str, active: bool) -> None:
    _admin(actor)
    set_reason_active(session, LostReason, "lost_reason", code, active)
    record(session, "pipelines")
