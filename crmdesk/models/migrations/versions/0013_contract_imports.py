"""Excel imports of contracts and payments: the import_id marking the contracts and payments an
import made (an undo deletes by it), indexed over the imported rows only, as 0012 does.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_MARKED = ("contracts", "payments")


def upgrade() -> None:
    # A plain column (no foreign key), as 0012's: SQLite adds it in place, and the import's
    # record may be purged while the rows it made live on.
    for table in _MARKED:
        op.add_column(table, sa.Column("import_id", sa.Integer(), nullable=True))
        op.create_index(
            f"ix_{table}_import",
            table,
            ["import_id"],
            sqlite_where=sa.text("import_id IS NOT NULL"),
            postgresql_where=sa.text("import_id IS NOT NULL"),
        )


def downgrade() -> None:
    for table in _MARKED:
        op.drop_index(f"ix_{table}_import", table_name=table)
        if op.get_bind().dialect.name == "sqlite":
            # In place (SQLite 3.35+), as 0012: a batch rebuild would lose triggers.
            op.execute(f"ALTER TABLE {table} DROP COLUMN import_id")
        else:
            op.drop_column(table, "import_id")
