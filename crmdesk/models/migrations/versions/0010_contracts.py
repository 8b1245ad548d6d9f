"""Contracts and payment collection: contracts with lines, instalments, payments and their
allocations, invoices, a contract's history; approvals may concern a contract.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(14, 2)


def _users(*names):
    return [sa.ForeignKeyConstraint([n], ["users.id"]) for n in names]


def upgrade() -> None:
    op.create_table(
        "contracts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("received", MONEY, nullable=False),
        sa.Column("credit", MONEY, nullable=False),
        sa.Column("next_due_on", sa.Date(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("awaiting_approval", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"]),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], ondelete="SET NULL"),
        *_users("owner_id", "created_by_id", "updated_by_id", "deleted_by_id"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number", name="uq_contracts_number"),
    )
    for name, cols in [
        ("ix_contracts_owner", ["owner_id", "signed_on"]),
        ("ix_contracts_team", ["team_id", "signed_on"]),
        ("ix_contracts_customer", ["customer_id"]),
        ("ix_contracts_deal", ["deal_id"]),
        ("ix_contracts_signed", ["signed_on"]),
        ("ix_contracts_status", ["status", "ends_on"]),
        ("ix_contracts_next_due", ["next_due_on"]),
        ("ix_contracts_ends", ["ends_on"]),
    ]:
        op.create_index(name, "contracts", cols)
    op.create_table(
        "contract_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Numeric(12, 2), nullable=False),
        sa.Column("unit_price", MONEY, nullable=False),
        sa.Column("discount", sa.Numeric(5, 2), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contract_lines_contract", "contract_lines", ["contract_id", "position"])
    op.create_table(
        "instalments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("paid", MONEY, nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_instalments_contract", "instalments", ["contract_id", "position"])
    op.create_index("ix_instalments_due", "instalments", ["due_on"])
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("credit", MONEY, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("reference", sa.String(100), nullable=False),
        sa.Column("note", sa.String(500), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("voided_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        *_users("recorded_by_id", "voided_by_id"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_payments_contract", "payments", ["contract_id", "received_on"])
    op.create_index("ix_payments_received", "payments", ["received_on", "owner_id", "amount"])
    op.create_table(
        "payment_allocations",
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("instalment_id", sa.Integer(), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.ForeignKeyConstraint(["payment_id"], ["payments.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["instalment_id"], ["instalments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("payment_id", "instalment_id"),
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(50), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        *_users("recorded_by_id"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_invoices_contract", "invoices", ["contract_id", "issued_on"])
    op.create_table(
        "contract_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(500), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        *_users("actor_id"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contract_events_contract", "contract_events", ["contract_id", "at"])
    # An approval may concern a contract (approvals.py, kind "contract"). SQLite adds the
    # column without its foreign key (it cannot add one to a table without rebuilding it).
    op.add_column("approvals", sa.Column("contract_id", sa.Integer(), nullable=True))
    if op.get_bind().dialect.name != "sqlite":
        op.create_foreign_key(
            "fk_approvals_contract", "approvals", "contracts", ["contract_id"], ["id"],
            ondelete="CASCADE",
        )  # fmt: skip


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_approvals_contract", "approvals", type_="foreignkey")
    op.drop_column("approvals", "contract_id")
    for table in ("contract_events", "invoices", "payment_allocations", "payments",
                  "instalments", "contract_lines", "contracts"):  # fmt: skip
        op.drop_table(table)
