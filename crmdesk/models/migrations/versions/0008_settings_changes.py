"""settings_changes: who changed which of the pools' settings (a pool, the release reasons,
the caps), and when.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("area", sa.String(length=16), nullable=False),
        sa.Column("pool_id", sa.Integer(), nullable=True),
        sa.Column("fields", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["pool_id"], ["pools.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_settings_changes_at", "settings_changes", ["at"])


def downgrade() -> None:
    op.drop_table("settings_changes")
