"""Excel imports: each import's record (imports), what it changed for its undo (import_items),
the remembered column mappings (import_mappings); the import_id that marks the customers,
contacts, follow-ups and deals an import created; customers.external_id (another system's id)
and an index on contacts.email (both duplicate keys of an import).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_MARKED = ("customers", "contacts", "follow_ups", "deals")


def _partial_index(name: str, table: str) -> None:
    # Only the imported rows: most rows have none, and a full index on MySQL (no partial
    # indexes) is still small beside the table.
    op.create_index(
        name,
        table,
        ["import_id"],
        sqlite_where=sa.text("import_id IS NOT NULL"),
        postgresql_where=sa.text("import_id IS NOT NULL"),
    )


def upgrade() -> None:
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("sheet", sa.String(length=100), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("rows_total", sa.Integer(), nullable=False),
        sa.Column("rows_done", sa.Integer(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("options", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undone_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["undone_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_imports_started", "imports", ["started_at"])
    op.create_table(
        "import_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("version_after", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["import_id"], ["imports.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_import_items_import", "import_items", ["import_id", "entity"])
    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_import_mappings_sig", "import_mappings", ["kind", "signature"], unique=True)
    # A plain column (no foreign key): SQLite adds it in place, and the import's record may be
    # purged while the rows it made live on.
    for table in _MARKED:
        op.add_column(table, sa.Column("import_id", sa.Integer(), nullable=True))
        _partial_index(f"ix_{table}_import", table)
    op.add_column(
        "customers",
        sa.Column("external_id", sa.String(length=64), nullable=False, server_default=""),
    )
    op.create_index("ix_customers_external", "customers", ["external_id"])
    op.create_index("ix_contacts_email", "contacts", ["email"])


def _drop_column(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        # In place (SQLite 3.35+): a batch rebuild would lose the customers table's triggers.
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column(table, column)


def downgrade() -> None:
    op.drop_index("ix_contacts_email", table_name="contacts")
    op.drop_index("ix_customers_external", table_name="customers")
    _drop_column("customers", "external_id")
    for table in _MARKED:
        op.drop_index(f"ix_{table}_import", table_name=table)
        _drop_column(table, "import_id")
    op.drop_table("import_mappings")
    op.drop_table("import_items")
    op.drop_table("imports")
