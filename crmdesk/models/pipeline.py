"""Pipelines and their stages as plain rows: what a board shows as columns and what a gate asks
of a deal entering a stage (required fields, questions, a manager's approval).

Every pipeline ends in one won and one lost stage; its open stages come first, in position order.
Moving deals is deal_moves.py; editing pipelines, pipeline_admin.py; deals themselves, deals.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.models.checks import check_id
from crmdesk.models.errors import NotFound
from crmdesk.models.schema_deals import LostReason, Pipeline, Product, Stage, StageQuestion


@dataclass(frozen=True)
class QuestionRow:
    id: int
    stage_id: int
    code: str  # built-in questions: the views translate text and choices by it
    text: str
    kind: str  # QUESTION_KINDS
    choices: tuple[str, ...]
    required: bool
    must_be_yes: bool


@dataclass(frozen=True)
class StageRow:
    id: int
    pipeline_id: int
    position: int
    name: str
    code: str
    kind: str  # open / won / lost
    probability: int
    stale_days: int | None
    required_fields: tuple[str, ...]  # GATE_FIELDS
    approval: str  # APPROVAL_RULES
    approval_threshold: Decimal | None
    questions: tuple[QuestionRow, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.kind == "open"


@dataclass(frozen=True)
class PipelineRow:
    id: int
    name: str
    code: str
    active: bool
    version: int
    stages: tuple[StageRow, ...]  # open stages in order, then won, then lost

    @property
    def open_stages(self) -> tuple[StageRow, ...]:
        return tuple(s for s in self.stages if s.is_open)

    def stage(self, stage_id: int) -> StageRow:
        for s in self.stages:
            if s.id == stage_id:
                return s
        raise NotFound(what="stage", id=stage_id)

    def final(self, kind: str) -> StageRow:
        """The pipeline's won or lost stage."""
        return next(s for s in self.stages if s.kind == kind)


@dataclass(frozen=True)
class ProductRow:
    id: int
    code: str
    name: str
    list_price: Decimal
    active: bool


@dataclass(frozen=True)
class ReasonRow:
    code: str
    label: str  # "" for a built-in code (the views translate it)
    active: bool


_KIND_ORDER = {"open": 0, "won": 1, "lost": 2}


def _split(text: str, sep: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(sep) if p.strip())


def list_pipelines(session: Session, *, active_only: bool = True) -> list[PipelineRow]:
    """Every pipeline with its active stages and their active questions, in three queries."""
    stmt = select(Pipeline).order_by(Pipeline.position, Pipeline.id)
    if active_only:
        stmt = stmt.where(Pipeline.active.is_(True))
    pipelines = list(session.scalars(stmt))
    ids = [p.id for p in pipelines]
    if not ids:
        return []
    stages = list(
        session.scalars(
            select(Stage)
            .where(Stage.pipeline_id.in_(ids), Stage.active.is_(True))
            .order_by(Stage.position, Stage.id)
        )
    )
    questions: dict[int, list[QuestionRow]] = {}
    stage_ids = [s.id for s in stages]
    if stage_ids:
        for q in session.scalars(
            select(StageQuestion)
            .where(StageQuestion.stage_id.in_(stage_ids), StageQuestion.active.is_(True))
            .order_by(StageQuestion.position, StageQuestion.id)
        ):
            questions.setdefault(q.stage_id, []).append(
                QuestionRow(
                    q.id,
                    q.stage_id,
                    q.code,
                    q.text,
                    q.kind,
                    _split(q.choices, "\n"),
                    q.required,
                    q.must_be_yes,
                )  # fmt: skip
            )
    by_pipeline: dict[int, list[StageRow]] = {}
    for s in sorted(stages, key=lambda s: (_KIND_ORDER.get(s.kind, 0), s.position, s.id)):
        by_pipeline.setdefault(s.pipeline_id, []).append(
            StageRow(
                s.id,
                s.pipeline_id,
                s.position,
                s.name,
                s.code,
                s.kind,
                s.probability,
                s.stale_days,
                _split(s.required_fields, ","),
                s.approval,
                s.approval_threshold,
                tuple(questions.get(s.id, ())),
            )  # fmt: skip
        )
    return [
        PipelineRow(p.id, p.name, p.code, p.active, p.version, tuple(by_pipeline.get(p.id, ())))
        for p in pipelines
    ]


def get_pipeline(session: Session, pipeline_id: int) -> PipelineRow:
    check_id(pipeline_id, "pipeline")
    for p in list_pipelines(session, active_only=False):
        if p.id == pipeline_id:
            return p
    raise NotFound(what="pipeline", id=pipeline_id)


def pipeline_of_stage(session: Session, stage_id: int) -> PipelineRow:
    check_id(stage_id, "stage")
    pipeline_id = session.scalar(select(Stage.pipeline_id).where(Stage.id == stage_id))
    if pipeline_id is None:
        raise NotFound(what="stage", id=stage_id)
    return get_pipeline(session, pipeline_id)


def list_products(session: Session, *, active_only: bool = True) -> list[ProductRow]:
    stmt = select(Product).order_by(Product.code)
    if active_only:
        stmt = stmt.where(Product.active.is_(True))
    return [ProductRow(p.id, p.code, p.name, p.list_price, p.active) for p in session.scalars(stmt)]


def lost_reasons(session: Session, *, active_only: bool = True) -> list[ReasonRow]:
    stmt = select(LostReason).order_by(LostReason.position, LostReason.code)
    if active_only:
        stmt = stmt.where(LostReason.active.is_(True))
    return [ReasonRow(r.code, r.label, r.active) for r in session.scalars(stmt)]
