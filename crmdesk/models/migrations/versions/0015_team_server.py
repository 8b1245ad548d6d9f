"""A team on one server: sign-in state on users (failed_logins, locked_until,
must_change_password), the change feed clients poll for colleagues' writes (change_feed), write
receipts (idempotency keys of writes retried after a lost connection) and a customer's
collaborators (customer_collaborators).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 23:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (a batch copy of users would trip SQLite's foreign keys on it).
    op.add_column(
        "users", sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column("users", sa.Column("locked_until", sa.DateTime(), nullable=True))
    op.add_column(
        "users",
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "change_feed",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
            autoincrement=True,
        ),  # fmt: skip
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("client", sa.String(length=36), nullable=False),
        sa.Column("kinds", sa.String(length=255), nullable=False),
        sa.Column("customer_ids", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_change_feed_at", "change_feed", ["at"])
    op.create_table(
        "write_receipts",
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_write_receipts_at", "write_receipts", ["at"])
    op.create_table(
        "customer_collaborators",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["added_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("customer_id", "user_id"),
    )
    op.create_index(
        "ix_customer_collaborators_user", "customer_collaborators", ["user_id", "customer_id"]
    )


def downgrade() -> None:
    op.drop_table("customer_collaborators")
    op.drop_index("ix_write_receipts_at", table_name="write_receipts")
    op.drop_table("write_receipts")
    op.drop_index("ix_change_feed_at", table_name="change_feed")
    op.drop_table("change_feed")
    for column in ("must_change_password", "locked_until", "failed_logins"):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE users DROP COLUMN {column}")
        else:
            op.drop_column("users", column)
