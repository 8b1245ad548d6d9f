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


def _fill_grams(conn) -> None:
    """Every customer's search tokens, computed from its search text a chunk at a time."""
    from crmdesk.models.search import grams

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
        conn.execute(
            sa.text("UPDATE customer_search SET grams = :g WHERE customer_id = :i"),
            [{"g": grams(body), "i": cid} for cid, body in rows],
        )
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
    grams_type = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
    with op.batch_alter_table("customer_search", schema=None) as batch_op:
        batch_op.add_column(sa.Column("grams", grams_type, nullable=False, server_default=""))

    op.execute(
        "UPDATE customers SET team_id = (SELECT users.team_id FROM users "
        "WHERE users.id = customers.owner_id) WHERE owner_id IS NOT NULL"
    )
    for column, source in (("contact_name", "name"), ("contact_mobile", "mobile")):
        op.execute(
            f"UPDATE customers SET {column} = COALESCE((SELECT contacts.{source} FROM contacts "
            "WHERE contacts.customer_id = customers.id "
            "ORDER BY contacts.is_primary DESC, contacts.id LIMIT 1), '')"
        )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index("ix_customers_team", ["team_id", "deleted_at"], unique=False)

    if dialect == "sqlite":
        return  # SQLite's FTS5 indexes (0001) serve search; grams stays empty there
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
            "CREATE INDEX ix_customer_search_grams ON customer_search "
            "USING gin (string_to_array(grams, ' '))"
        )
    else:
        op.execute("CREATE FULLTEXT INDEX ix_customer_search_grams ON customer_search (grams)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect != "sqlite":
        op.execute(
            "DROP INDEX ix_customer_search_grams"
            + (" ON customer_search" if dialect == "mysql" else "")
        )
    with op.batch_alter_table("customer_search", schema=None) as batch_op:
        batch_op.drop_column("grams")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_team")
        batch_op.drop_column("contact_mobile")
        batch_op.drop_column("contact_name")
        batch_op.drop_column("team_id")
