"""Lists fast on the servers: the owner's team and the primary contact copied onto the
customer row, and n-gram search indexes on PostgreSQL (GIN) and MariaDB (FULLTEXT).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 14:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CHUNK = 5000
TIE_BROKEN = [
    ("level", "ix_customers_level"),
    ("status", "ix_customers_status"),
    ("industry", "ix_customers_industry"),
    ("province", "ix_customers_province"),
    ("city", "ix_customers_city"),
    ("source", "ix_customers_source"),
    ("last_follow_up_at", "ix_customers_last_fu"),
    ("next_follow_up_at", "ix_customers_next_fu"),
]


def _fill_grams(conn) -> None:
    """Every customer's n-grams, computed from its search text a chunk at a time."""
    from crmdesk.models.search import grams_rows

    insert = sa.text(
        "INSERT INTO customer_grams (customer_id, grams) VALUES (:customer_id, :grams)"
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.text(
                "SELECT customer_id, body FROM customer_search WHERE customer_id > :last "
                "ORDER BY customer_id LIMIT :n"
            ),
            {"last": last, "n": CHUNK},
        ).all()
        if not rows:
            return
        conn.execute(insert, grams_rows([(i, body) for i, body in rows]))
        last = rows[-1][0]


def upgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("contact_name", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("contact_mobile", sa.String(length=40), nullable=False, server_default="")
        )
    op.create_table(
        "customer_grams",
        sa.Column("customer_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column(
            "grams", sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb"), nullable=False
        ),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("customer_id"),
    )

    primary = (
        "COALESCE((SELECT contacts.{0} FROM contacts WHERE contacts.customer_id = customers.id "
        "ORDER BY contacts.is_primary DESC, contacts.id LIMIT 1), '')"
    )
    # One pass over the table (three would leave PostgreSQL three dead copies of every row).
    op.execute(
        "UPDATE customers SET "
        "team_id = (SELECT users.team_id FROM users WHERE users.id = customers.owner_id), "
        f"contact_name = {primary.format('name')}, contact_mobile = {primary.format('mobile')}"
    )
    # A rep's or a team's list walked in date order (id breaking ties, as the list does) and
    # counted from the index alone: deleted_at last (MariaDB looked each row up for it: 0.56 s
    # for 10,000).
    owner_columns = ["owner_id", "updated_at", "id", "deleted_at"]
    if dialect == "mysql":  # in one statement: the owner's foreign key needs an index always
        op.execute(
            "ALTER TABLE customers DROP INDEX ix_customers_owner, "
            f"ADD INDEX ix_customers_owner ({', '.join(owner_columns)})"
        )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        if dialect != "mysql":
            batch_op.drop_index("ix_customers_owner")
            batch_op.create_index("ix_customers_owner", owner_columns, unique=False)
        batch_op.create_index(
            "ix_customers_team", ["team_id", "updated_at", "id", "deleted_at"], unique=False
        )
    if dialect == "postgresql":
        # PostgreSQL's index entries end in the row's address, not its id, so ORDER BY level, id
        # sorted the whole of the first level (0.74 s for 500,000 "C"); SQLite's and InnoDB's
        # end in the primary key already.
        for column, name in TIE_BROKEN:
            op.drop_index(name, table_name="customers")
            op.create_index(name, "customers", [column, "id"])

    if dialect == "sqlite":
        return  # SQLite's FTS5 indexes (0001) serve search; customer_grams stays empty there
    if dialect == "mysql":
        # Byte-exact LIKE, as Python's `in` and the n-grams are (utf8mb4_general_ci would match
        # 'e' to 'é' and a search would depend on which path answered it).
        op.execute(
            "ALTER TABLE customer_search MODIFY body TEXT "
            "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL"
        )
    _fill_grams(conn)
    if dialect == "postgresql":
        op.execute(
            "CREATE INDEX ix_customer_grams ON customer_grams "
            "USING gin (string_to_array(grams, ' '))"
        )
    else:
        op.execute("CREATE FULLTEXT INDEX ix_customer_grams ON customer_grams (grams)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for column, name in TIE_BROKEN:
            op.drop_index(name, table_name="customers")
            op.create_index(name, "customers", [column])
    op.drop_table("customer_grams")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_team")
    if dialect == "mysql":
        op.execute(
            "ALTER TABLE customers DROP INDEX ix_customers_owner, "
            "ADD INDEX ix_customers_owner (owner_id, updated_at)"
        )
    else:
        with op.batch_alter_table("customers", schema=None) as batch_op:
            batch_op.drop_index("ix_customers_owner")
            batch_op.create_index("ix_customers_owner", ["owner_id", "updated_at"], unique=False)
    # Plain ALTER TABLE on every backend (SQLite 3.35+): a batch rebuild on SQLite drops the
    # old table, and with foreign keys on that deletes every customer's contacts and log.
    for column in ("contact_mobile", "contact_name", "team_id"):
        op.execute(f"ALTER TABLE customers DROP COLUMN {column}")
    if dialect == "mysql":
        op.execute(
            "ALTER TABLE customer_search MODIFY body TEXT "
            "CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL"
        )
