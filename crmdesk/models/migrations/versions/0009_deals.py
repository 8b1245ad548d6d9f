"""Deals and the pipeline: pipelines, stages with their gates and questions, products, deals
with lines, answers, stage history and approvals, lost reasons; the default pipeline.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 16:00:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(14, 2)


def _id():
    return sa.Column("id", sa.Integer(), nullable=False)


def _users(*names):
    return [sa.ForeignKeyConstraint([n], ["users.id"]) for n in names]


def upgrade() -> None:
    op.create_table(
        "pipelines",
        _id(),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *_users("updated_by_id"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", name="uq_pipelines_name"),
    )
    op.create_table(
        "stages",
        _id(),
        sa.Column("pipeline_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("probability", sa.Integer(), nullable=False),
        sa.Column("stale_days", sa.Integer(), nullable=True),
        sa.Column("required_fields", sa.String(200), nullable=False),
        sa.Column("approval", sa.String(16), nullable=False),
        sa.Column("approval_threshold", MONEY, nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["pipeline_id"], ["pipelines.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stages_pipeline", "stages", ["pipeline_id", "position"])
    op.create_table(
        "stage_questions",
        _id(),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("text", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("choices", sa.String(500), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("must_be_yes", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["stage_id"], ["stages.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stage_questions_stage", "stage_questions", ["stage_id", "position"])
    op.create_table(
        "products",
        _id(),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("list_price", MONEY, nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code", name="uq_products_code"),
    )
    op.create_table(
        "lost_reasons",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "deals",
        _id(),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("amount_manual", sa.Boolean(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("pipeline_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("probability", sa.Integer(), nullable=True),
        sa.Column("expected_close", sa.Date(), nullable=True),
        sa.Column("source", sa.String(50), nullable=False),
        sa.Column("competitor", sa.String(100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("external_id", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("stage_entered_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("lost_code", sa.String(32), nullable=False),
        sa.Column("lost_text", sa.String(500), nullable=False),
        sa.Column("awaiting_stage_id", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"]),
        sa.ForeignKeyConstraint(["pipeline_id"], ["pipelines.id"]),
        sa.ForeignKeyConstraint(["stage_id"], ["stages.id"]),
        sa.ForeignKeyConstraint(["awaiting_stage_id"], ["stages.id"]),
        *_users("owner_id", "created_by_id", "updated_by_id", "deleted_by_id"),
        sa.PrimaryKeyConstraint("id"),
    )
    for name, cols in [
        ("ix_deals_board", ["pipeline_id", "stage_id", "stage_entered_at", "id"]),
        ("ix_deals_owner", ["owner_id", "stage_id"]),
        ("ix_deals_team", ["team_id", "stage_id"]),
        ("ix_deals_customer", ["customer_id", "status"]),
        ("ix_deals_closed", ["status", "closed_at"]),
        ("ix_deals_expected", ["expected_close"]),
        ("ix_deals_external", ["external_id"]),
    ]:
        op.create_index(name, "deals", cols)
    op.create_table(
        "deal_lines",
        _id(),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Numeric(12, 2), nullable=False),
        sa.Column("unit_price", MONEY, nullable=False),
        sa.Column("discount", sa.Numeric(5, 2), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_deal_lines_deal", "deal_lines", ["deal_id", "position"])
    op.create_table(
        "deal_answers",
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("answer", sa.String(500), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["question_id"], ["stage_questions.id"], ondelete="CASCADE"),
        *_users("answered_by_id"),
        sa.PrimaryKeyConstraint("deal_id", "question_id"),
    )
    op.create_table(
        "deal_moves",
        _id(),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("from_stage_id", sa.Integer(), nullable=True),
        sa.Column("to_stage_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("comment", sa.String(500), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["from_stage_id"], ["stages.id"]),
        sa.ForeignKeyConstraint(["to_stage_id"], ["stages.id"]),
        *_users("actor_id"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_deal_moves_deal", "deal_moves", ["deal_id", "at"])
    op.create_index("ix_deal_moves_to", "deal_moves", ["to_stage_id", "at"])
    op.create_table(
        "approvals",
        _id(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column("to_stage_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("comment", sa.String(500), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["to_stage_id"], ["stages.id"]),
        *_users("requested_by_id", "decided_by_id"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_approvals_status", "approvals", ["status", "team_id", "requested_at"])

    from crmdesk.models.pipeline_defaults import seed

    seed(op.get_bind(), datetime.now(UTC).replace(tzinfo=None), _seed_tables())


def _seed_tables():
    """The four tables the default pipeline is written to, as this revision made them (not the
    ORM classes, which may gain columns a later revision adds)."""
    meta = sa.MetaData()
    i, t, b = sa.Integer, sa.String, sa.Boolean
    pipelines = sa.Table(
        "pipelines", meta, sa.Column("id", i, primary_key=True), sa.Column("name", t),
        sa.Column("code", t), sa.Column("position", i), sa.Column("active", b),
        sa.Column("created_at", sa.DateTime), sa.Column("updated_at", sa.DateTime),
        sa.Column("version", i),
    )  # fmt: skip
    stages = sa.Table(
        "stages", meta, sa.Column("id", i, primary_key=True), sa.Column("pipeline_id", i),
        sa.Column("position", i), sa.Column("name", t), sa.Column("code", t),
        sa.Column("kind", t), sa.Column("probability", i), sa.Column("stale_days", i),
        sa.Column("required_fields", t), sa.Column("approval", t),
        sa.Column("approval_threshold", MONEY), sa.Column("active", b),
    )  # fmt: skip
    questions = sa.Table(
        "stage_questions", meta, sa.Column("id", i, primary_key=True),
        sa.Column("stage_id", i), sa.Column("position", i), sa.Column("code", t),
        sa.Column("text", t), sa.Column("kind", t), sa.Column("choices", t),
        sa.Column("required", b), sa.Column("must_be_yes", b), sa.Column("active", b),
    )  # fmt: skip
    reasons = sa.Table(
        "lost_reasons", meta, sa.Column("code", t, primary_key=True), sa.Column("label", t),
        sa.Column("active", b), sa.Column("position", i),
    )  # fmt: skip
    return pipelines, stages, questions, reasons


def downgrade() -> None:
    tables = ["approvals", "deal_moves", "deal_answers", "deal_lines", "deals", "lost_reasons",
              "products", "stage_questions", "stages", "pipelines"]  # fmt: skip
    for table in tables:
        op.drop_table(table)
