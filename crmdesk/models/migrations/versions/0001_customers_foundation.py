"""Customers foundation: users, teams, customers, contacts, follow-ups, ownership events,
saved views and the customer search index.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 14:19:12.496804
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("login", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("login"),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_team_id"), ["team_id"], unique=False)

    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=1), nullable=False),
        sa.Column("industry", sa.String(length=50), nullable=False),
        sa.Column("province", sa.String(length=50), nullable=False),
        sa.Column("city", sa.String(length=50), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("company_size", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("tags", sa.String(length=500), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("last_follow_up_at", sa.DateTime(), nullable=True),
        sa.Column("next_follow_up_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index("ix_customers_city", ["city"], unique=False)
        batch_op.create_index("ix_customers_created", ["created_at"], unique=False)
        if op.get_bind().dialect.name != "mysql":
            batch_op.create_index(
                "ix_customers_deleted",
                ["deleted_at"],
                unique=False,
                sqlite_where=sa.text("deleted_at IS NOT NULL"),
                postgresql_where=sa.text("deleted_at IS NOT NULL"),
            )
        batch_op.create_index("ix_customers_industry", ["industry"], unique=False)
        batch_op.create_index("ix_customers_last_fu", ["last_follow_up_at"], unique=False)
        batch_op.create_index("ix_customers_level", ["level"], unique=False)
        batch_op.create_index("ix_customers_name", ["name"], unique=False)
        batch_op.create_index("ix_customers_next_fu", ["next_follow_up_at"], unique=False)
        batch_op.create_index("ix_customers_owner", ["owner_id", "updated_at"], unique=False)
        batch_op.create_index("ix_customers_province", ["province"], unique=False)
        batch_op.create_index("ix_customers_source", ["source"], unique=False)
        batch_op.create_index("ix_customers_status", ["status"], unique=False)
        batch_op.create_index("ix_customers_updated", ["updated_at"], unique=False)

    op.create_table(
        "saved_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("saved_views", schema=None) as batch_op:
        batch_op.create_index("ix_saved_views_user", ["user_id", "page", "name"], unique=True)

    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("mobile", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("mobile_digits", sa.String(length=40), nullable=False),
        sa.Column("phone_digits", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("wechat", sa.String(length=100), nullable=False),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_customer", ["customer_id"], unique=False)
        batch_op.create_index("ix_contacts_mobile_digits", ["mobile_digits"], unique=False)
        batch_op.create_index("ix_contacts_phone_digits", ["phone_digits"], unique=False)

    op.create_table(
        "customer_search",
        sa.Column("customer_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("customer_id"),
    )
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("happened_at", sa.DateTime(), nullable=False),
        sa.Column("next_follow_up_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index(
            "ix_follow_ups_customer", ["customer_id", "happened_at"], unique=False
        )

    op.create_table(
        "ownership_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("from_owner_id", sa.Integer(), nullable=True),
        sa.Column("to_owner_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason_code", sa.String(length=32), nullable=False),
        sa.Column("reason_text", sa.String(length=500), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["from_owner_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["to_owner_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ownership_events", schema=None) as batch_op:
        batch_op.create_index("ix_ownership_events_customer", ["customer_id", "at"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        # Contentless FTS5 indexes over customer_search.body (see models/search.py): trigrams
        # answer terms of 3+ characters, the bigram index answers the 2-character terms that
        # Chinese searches often are (深圳, 科技), which a trigram index cannot.
        op.execute(
            "CREATE VIRTUAL TABLE customer_fts_tri USING fts5(body, content='', tokenize='trigram')"
        )
        op.execute(
            "CREATE VIRTUAL TABLE customer_fts_bi USING fts5("
            "body, content='', detail='none', tokenize='unicode61 remove_diacritics 0')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE customer_fts_bi")
        op.execute("DROP TABLE customer_fts_tri")
    with op.batch_alter_table("ownership_events", schema=None) as batch_op:
        batch_op.drop_index("ix_ownership_events_customer")

    op.drop_table("ownership_events")
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_ups_customer")

    op.drop_table("follow_ups")
    op.drop_table("customer_search")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_phone_digits")
        batch_op.drop_index("ix_contacts_mobile_digits")
        batch_op.drop_index("ix_contacts_customer")

    op.drop_table("contacts")
    with op.batch_alter_table("saved_views", schema=None) as batch_op:
        batch_op.drop_index("ix_saved_views_user")

    op.drop_table("saved_views")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_updated")
        batch_op.drop_index("ix_customers_status")
        batch_op.drop_index("ix_customers_source")
        batch_op.drop_index("ix_customers_province")
        batch_op.drop_index("ix_customers_owner")
        batch_op.drop_index("ix_customers_next_fu")
        batch_op.drop_index("ix_customers_name")
        batch_op.drop_index("ix_customers_level")
        batch_op.drop_index("ix_customers_last_fu")
        batch_op.drop_index("ix_customers_industry")
        if op.get_bind().dialect.name != "mysql":
            batch_op.drop_index("ix_customers_deleted")
        batch_op.drop_index("ix_customers_created")
        batch_op.drop_index("ix_customers_city")

    op.drop_table("customers")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_team_id"))

    op.drop_table("users")
    op.drop_table("teams")
