"""A payment's chosen instalment (payments.instalment_id): contracts.refresh_contract_totals
places every live payment on the plan again after each change, the chosen instalment first.

Payments recorded before keep none (they are placed in due order, as most were).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-12 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its REFERENCES clause in place (no table rebuild), which
        # Alembic's add_column would leave out.
        op.execute(
            "ALTER TABLE payments ADD COLUMN instalment_id INTEGER "
            "REFERENCES instalments (id) ON DELETE SET NULL"
        )
        op.create_index("ix_payments_instalment", "payments", ["instalment_id"])
        return
    op.add_column("payments", sa.Column("instalment_id", sa.Integer(), nullable=True))
    # The index before the key: MariaDB enforces the key with it instead of making its own.
    op.create_index("ix_payments_instalment", "payments", ["instalment_id"])
    op.create_foreign_key(
        "fk_payments_instalment", "payments", "instalments", ["instalment_id"], ["id"],
        ondelete="SET NULL",
    )  # fmt: skip


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_payments_instalment", "payments", type_="foreignkey")
    op.drop_index("ix_payments_instalment", table_name="payments")
    op.drop_column("payments", "instalment_id")
