"""The schema of deals (the pipeline): pipelines and their stages with the gate a deal passes to
enter each, stage questions, products, deals with their lines, answers, stage history and
approvals, lost reasons. Kept beside schema.py (which imports it, so every user of the schema
sees these tables); migration 0009 creates them.

Money is Numeric(14, 2) and Decimal; percentages Numeric(5, 2). Times are naive UTC.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.schema import Base

Money = Numeric(14, 2)
Percent = Numeric(5, 2)

STAGE_KINDS = ("open", "won", "lost")
DEAL_STATUSES = ("open", "won", "lost")
# The deal fields a stage's gate may require (Stage.required_fields, comma-separated).
GATE_FIELDS = ("amount", "expected_close", "lines", "competitor", "source")
QUESTION_KINDS = ("yes_no", "choice", "text")
# When a stage needs a manager's approval: never (""), always, when a line's discount is over
# approval_threshold (a percentage), or when the deal's amount is over it (money).
APPROVAL_RULES = ("", "always", "discount", "amount")
APPROVAL_STATUSES = ("pending", "approved", "rejected", "cancelled")
# What a deal's stage history records: created; moved (forward or back); won; lost; reopened
# (from won or lost to an open stage); approval_requested / approved / rejected /
# approval_cancelled.
MOVE_KINDS = ("created", "moved", "won", "lost", "reopened",
              "approval_requested", "approved", "rejected", "approval_cancelled")  # fmt: skip
# An imported deal's history (excel_deals.py) is written as created, moved through each open
# stage up to the one it reached, then won or lost, each move's comment this marker: reports
# count it as any other history, and the deal's history says it was imported.
IMPORTED_MARK = "imported"


class Pipeline(Base):
    __tablename__ = "pipelines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # A built-in pipeline's code ("default"): the views translate its name; "" for an admin's own.
    code: Mapped[str] = mapped_column(String(32), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Stage(Base):
    """A column of a pipeline. Open stages in `position` order, then one won and one lost stage.
    The gate: required_fields (GATE_FIELDS), the stage's questions, and an approval rule."""

    __tablename__ = "stages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipelines.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(32), default="")  # built-in: translated by views
    kind: Mapped[str] = mapped_column(String(8), default="open")  # STAGE_KINDS
    probability: Mapped[int] = mapped_column(Integer, default=0)  # percent
    stale_days: Mapped[int | None] = mapped_column(Integer)
    required_fields: Mapped[str] = mapped_column(String(200), default="")
    approval: Mapped[str] = mapped_column(String(16), default="")  # APPROVAL_RULES
    approval_threshold: Mapped[Decimal | None] = mapped_column(Money)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index("ix_stages_pipeline", "pipeline_id", "position"),)


class StageQuestion(Base):
    """A question a deal must have answered to enter the stage (e.g. 客户预算是否确认？)."""

    __tablename__ = "stage_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(32), default="")  # built-in: translated by views
    text: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(8), default="text")  # QUESTION_KINDS
    choices: Mapped[str] = mapped_column(String(500), default="")  # one per line
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    must_be_yes: Mapped[bool] = mapped_column(Boolean, default=False)  # yes_no only
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index("ix_stage_questions_stage", "stage_id", "position"),)


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    list_price: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class LostReason(Base):
    """Why a deal was lost: built-in codes carry no label (the views translate them), codes an
    admin adds carry theirs (like ReleaseReason)."""

    __tablename__ = "lost_reasons"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Deal(Base):
    __tablename__ = "deals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    title: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    # False: the amount is the lines' total, kept in step with them; True: the rep set it.
    amount_manual: Mapped[bool] = mapped_column(Boolean, default=False)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # The owner's team, kept in step as Customer.team_id is (policy.sync_teams): a manager's board.
    team_id: Mapped[int | None] = mapped_column(Integer)
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipelines.id"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id"))
    status: Mapped[str] = mapped_column(String(8), default="open")  # DEAL_STATUSES
    probability: Mapped[int | None] = mapped_column(Integer)  # None: the stage's
    expected_close: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(50), default="")
    competitor: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    external_id: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    stage_entered_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)  # won or lost at
    lost_code: Mapped[str] = mapped_column(String(32), default="")
    lost_text: Mapped[str] = mapped_column(String(500), default="")
    # The stage a pending approval would move it to (the card's approval marker).
    awaiting_stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id"))
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    import_id: Mapped[int | None] = mapped_column(Integer)  # the import that created it (0012)
    # The furthest open stage (by position) the deal has entered, kept by every writer of the
    # stage history (0014): the funnel counts a deal in every open stage up to it from one
    # index, instead of walking the history of every deal (analytics.py).
    reached_stage_id: Mapped[int | None] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}

    __table_args__ = (
        Index(
            "ix_deals_import",
            "import_id",
            sqlite_where=text("import_id IS NOT NULL"),
            postgresql_where=text("import_id IS NOT NULL"),
        ),
        # A board column's page (newest in the stage first) and its figures, from one index.
        Index("ix_deals_board", "pipeline_id", "stage_id", "stage_entered_at", "id"),
        Index("ix_deals_owner", "owner_id", "stage_id"),
        Index("ix_deals_team", "team_id", "stage_id"),
        Index("ix_deals_customer", "customer_id", "status"),
        # Won or lost in a period, and all the monthly breakdown sums, from the index (0014).
        Index(
            "ix_deals_closed", "status", "closed_at", "owner_id", "team_id", "amount", "deleted_at"
        ),  # fmt: skip
        Index("ix_deals_expected", "expected_close"),
        # The deleted deals of a cohort (few), whose moves the funnel's days take back out of
        # ix_deal_moves_cohort's sums. A full index on MySQL (no partial indexes there), where
        # the range deleted_at IS NOT NULL skips the live deals all the same (0014).
        Index(
            "ix_deals_deleted",
            "deleted_at",
            "pipeline_id",
            "created_at",
            sqlite_where=text("deleted_at IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL"),
        ),
        Index("ix_deals_external", "external_id"),
        # The funnel: a pipeline's deals created in a period, all it counts in the index (0014),
        # one range per reached stage and status (analytics.funnel: no sort of the cohort).
        Index(
            "ix_deals_cohort",
            "pipeline_id",
            "reached_stage_id",
            "status",
            "created_at",
            "owner_id",
            "team_id",
            "amount",
            "closed_at",
            "deleted_at",
        ),  # fmt: skip
    )


class DealLine(Base):
    __tablename__ = "deal_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(200))  # the product's name when added
    quantity: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("1"))
    unit_price: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    discount: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0"))

    __table_args__ = (Index("ix_deal_lines_deal", "deal_id", "position"),)


class DealAnswer(Base):
    """A deal's current answer to a stage question: offered again when the deal re-enters the
    stage, and what a gate finds answered already."""

    __tablename__ = "deal_answers"

    deal_id: Mapped[int] = mapped_column(
        ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("stage_questions.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    answer: Mapped[str] = mapped_column(String(500), default="")
    answered_at: Mapped[datetime] = mapped_column(DateTime)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class DealMove(Base):
    """The stage history: every move, win, loss, reopening and approval step, with the answers
    given (JSON: [[question text, answer], ...], a copy, so a question renamed later still
    reads as it was asked)."""

    __tablename__ = "deal_moves"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))  # MOVE_KINDS
    from_stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id"))
    to_stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    comment: Mapped[str] = mapped_column(String(500), default="")
    answers: Mapped[str] = mapped_column(Text, default="")
    # On a move that leaves a stage (moved, won, lost, reopened): the seconds the deal spent in
    # from_stage_id, from its stage_entered_at (0014); the funnel's days per stage.
    stage_seconds: Mapped[int | None] = mapped_column(Integer)
    # On the moves that carry stage_seconds, and only on them: the deal's created_at (which
    # never changes), so the funnel's days per stage of a cohort read one range of
    # ix_deal_moves_cohort per stage, without a join on deals (0014).
    deal_created_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_deal_moves_deal", "deal_id", "at"),
        # The funnel (reports): which deals reached which stage when.
        Index("ix_deal_moves_to", "to_stage_id", "at"),
        # The funnel's days per stage: every deal's (from_stage, cohort, seconds) for the
        # admin's whole cohort; a team's or a rep's deals' own from their ids (0014).
        Index("ix_deal_moves_cohort", "from_stage_id", "deal_created_at", "stage_seconds"),
        Index("ix_deal_moves_stage", "deal_id", "from_stage_id", "stage_seconds"),
        Index("ix_deal_moves_at", "at", "actor_id"),  # a work report's day: who moved what (0014)
    )


class Approval(Base):
    """A request for a manager's approval: today a deal entering a stage whose gate asks for one
    (kind "stage"); contracts will add theirs. The answers given with the request (JSON) are
    applied when it is approved."""

    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="stage")
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"))
    contract_id: Mapped[int | None] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE")
    )  # kind "contract" (migration 0010)
    to_stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id"))
    reason: Mapped[str] = mapped_column(String(16), default="")  # APPROVAL_RULES
    status: Mapped[str] = mapped_column(String(16), default="pending")  # APPROVAL_STATUSES
    team_id: Mapped[int | None] = mapped_column(Integer)  # the requester's: whose manager decides
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(DateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    comment: Mapped[str] = mapped_column(String(500), default="")
    answers: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_approvals_status", "status", "team_id", "requested_at"),)
