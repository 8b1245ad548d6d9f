"""Targets and reports: the target grid (targets), the reps' daily and weekly reports and their
comments (work_reports, work_report_comments); on deals, the furthest open stage each deal has
reached (reached_stage_id) and on the stage history the time a deal spent in the stage a move
left (stage_seconds) with the deal's created_at beside it (deal_created_at), which the funnel
reads instead of walking the whole history (analytics.py), with the indexes the funnel and the
monthly breakdowns are served from.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("scope_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("value", sa.Numeric(16, 2), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["updated_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "metric", "scope", "scope_id", "year", "quarter", "month", name="uq_targets_cell"
        ),
    )
    op.create_index("ix_targets_year", "targets", ["year", "metric"])
    op.create_table(
        "work_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("done", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("author_id", "kind", "period_start", name="uq_work_reports_period"),
    )
    op.create_index("ix_work_reports_team", "work_reports", ["team_id", "kind", "period_start"])
    op.create_table(
        "work_report_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["work_reports.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_work_report_comments_report", "work_report_comments", ["report_id", "at"])
    # Plain columns (no foreign key): SQLite adds them in place.
    op.add_column("deals", sa.Column("reached_stage_id", sa.Integer(), nullable=True))
    op.add_column("deal_moves", sa.Column("stage_seconds", sa.Integer(), nullable=True))
    op.add_column("deal_moves", sa.Column("deal_created_at", sa.DateTime(), nullable=True))
    _create_report_indexes()
    _backfill(op.get_bind())


def _create_report_indexes() -> None:
    # The funnel: a pipeline's deals created in a period, with all it counts, from the index,
    # one range per reached stage and status (no sort of the cohort: analytics.funnel).
    op.create_index(
        "ix_deals_cohort",
        "deals",
        ["pipeline_id", "reached_stage_id", "status", "created_at", "owner_id", "team_id",
         "amount", "closed_at", "deleted_at"],
    )  # fmt: skip
    # The funnel's days per stage: the admin's cohort as one range per stage (1M deals:
    # 1.0 s joined on deals, ~55 ms from this index); a team's or a rep's from their deals.
    op.create_index(
        "ix_deal_moves_cohort", "deal_moves", ["from_stage_id", "deal_created_at", "stage_seconds"]
    )
    op.create_index(
        "ix_deal_moves_stage", "deal_moves", ["deal_id", "from_stage_id", "stage_seconds"]
    )
    # Achieved follow-ups per rep and month (targets, reports) and a work report's day: a range
    # of days, then the author or the mover (no index led by either date before).
    op.create_index("ix_follow_ups_happened", "follow_ups", ["happened_at", "author_id"])
    op.create_index("ix_deal_moves_at", "deal_moves", ["at", "actor_id"])
    # The cohort's deleted deals, whose moves the days take back out (partial but on MySQL).
    op.create_index(
        "ix_deals_deleted",
        "deals",
        ["deleted_at", "pipeline_id", "created_at"],
        sqlite_where=sa.text("deleted_at IS NOT NULL"),
        postgresql_where=sa.text("deleted_at IS NOT NULL"),
    )
    # Won (lost) deals by closed_at with what the monthly breakdown sums: 0009's two columns
    # left a table read a deal (SQLite: 690 ms for a year of won deals at 1M, 255 covered).
    op.drop_index("ix_deals_closed", table_name="deals")
    op.create_index(
        "ix_deals_closed", "deals", ["status", "closed_at", "owner_id", "team_id", "amount",
                                     "deleted_at"],
    )  # fmt: skip


def _backfill(bind) -> None:
    """reached_stage_id, stage_seconds and deal_created_at for the deals already there
    (analytics_backfill says what they mean)."""
    from crmdesk.models.analytics_backfill import backfill_reached

    backfill_reached(bind)


def _drop_column(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column(table, column)


def downgrade() -> None:
    op.drop_index("ix_deal_moves_at", table_name="deal_moves")
    op.drop_index("ix_follow_ups_happened", table_name="follow_ups")
    op.drop_index("ix_deals_deleted", table_name="deals")
    op.drop_index("ix_deal_moves_stage", table_name="deal_moves")
    if op.get_bind().dialect.name == "mysql":
        # InnoDB dropped the index it had made for the from_stage_id foreign key when
        # ix_deal_moves_cohort (from_stage_id, …) could serve it, and refuses to drop that one
        # while the key has no other: its own index back first, under its own name.
        op.create_index("from_stage_id", "deal_moves", ["from_stage_id"])
    op.drop_index("ix_deal_moves_cohort", table_name="deal_moves")
    _drop_column("deal_moves", "deal_created_at")
    op.drop_index("ix_deals_cohort", table_name="deals")
    op.drop_index("ix_deals_closed", table_name="deals")
    op.create_index("ix_deals_closed", "deals", ["status", "closed_at"])
    _drop_column("deal_moves", "stage_seconds")
    _drop_column("deals", "reached_stage_id")
    # The tables take their indexes with them (MariaDB refuses to drop one a foreign key uses).
    op.drop_table("work_report_comments")
    op.drop_table("work_reports")
    op.drop_table("targets")
