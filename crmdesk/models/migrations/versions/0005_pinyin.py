"""Pinyin: sort keys for names, provinces, cities and owners (indexed, byte-compared), and the
full pinyin and initials of every Chinese name added to the search texts.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 18:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CHUNK = 5000


def _key(length: int):
    # As schema.SortKey (copied: a migration must not change when the schema module does).
    return (
        sa.String(length)
        .with_variant(sa.String(length, collation="C"), "postgresql")
        .with_variant(
            mysql.VARCHAR(length, charset="utf8mb4", collation="utf8mb4_bin"), "mysql", "mariadb"
        )
    )


CUSTOMER_KEYS = [("name_sort", 120), ("province_sort", 60), ("city_sort", 60), ("owner_sort", 60)]


def _chunks(conn, sql: str):
    """Rows of `sql` (which selects the id first and takes :last and :n) a chunk at a time."""
    last = 0
    while True:
        rows = conn.execute(sa.text(sql), {"last": last, "n": CHUNK}).all()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _fill_keys(conn) -> None:
    from crmdesk.models.pinyin import sort_key

    users = conn.execute(sa.text("SELECT id, name FROM users")).all()
    if users:
        conn.execute(
            sa.text("UPDATE users SET name_sort = :k WHERE id = :i"),
            [{"i": i, "k": sort_key(n)[:60]} for i, n in users],
        )
        conn.execute(
            sa.text("UPDATE customers SET owner_sort = :k WHERE owner_id = :i"),
            [{"i": i, "k": sort_key(n)[:60]} for i, n in users],
        )
    # Provinces and cities have few values: one statement each.
    for column in ("province", "city"):
        values = conn.execute(
            sa.text(f"SELECT DISTINCT {column} FROM customers WHERE {column} <> ''")
        ).scalars()
        pairs = [{"v": v, "k": sort_key(v)[:60]} for v in values]
        if pairs:
            conn.execute(
                sa.text(f"UPDATE customers SET {column}_sort = :k WHERE {column} = :v"), pairs
            )
    for rows in _chunks(
        conn, "SELECT id, name FROM customers WHERE id > :last ORDER BY id LIMIT :n"
    ):
        conn.execute(
            sa.text("UPDATE customers SET name_sort = :k WHERE id = :i"),
            [{"i": i, "k": sort_key(n)} for i, n in rows],
        )


def _add_pinyin_to_search(conn, dialect: str) -> None:
    """Every search text gains its pinyin lines (search.with_pinyin), and the indexes with it:
    SQLite's FTS tables are emptied and refilled, the servers' n-grams rewritten."""
    from crmdesk.models.checks import TEXT_LIMIT
    from crmdesk.models.search import bigrams, grams, with_pinyin

    sqlite = dialect == "sqlite"
    if sqlite:
        conn.execute(sa.text("INSERT INTO customer_fts_tri(customer_fts_tri) VALUES('delete-all')"))
        conn.execute(sa.text("INSERT INTO customer_fts_bi(customer_fts_bi) VALUES('delete-all')"))
    select = (
        "SELECT customer_id, body FROM customer_search WHERE customer_id > :last "
        "ORDER BY customer_id LIMIT :n"
    )
    for rows in _chunks(conn, select):
        new = [(i, with_pinyin(body)[:TEXT_LIMIT]) for i, body in rows]
        changed = [(i, b) for (i, b), (_, old) in zip(new, rows, strict=True) if b != old]
        if changed:
            conn.execute(
                sa.text("UPDATE customer_search SET body = :b WHERE customer_id = :i"),
                [{"i": i, "b": b} for i, b in changed],
            )
        if sqlite:
            conn.execute(
                sa.text("INSERT INTO customer_fts_tri(rowid, body) VALUES(:i, :b)"),
                [{"i": i, "b": b} for i, b in new],
            )
            conn.execute(
                sa.text("INSERT INTO customer_fts_bi(rowid, body) VALUES(:i, :b)"),
                [{"i": i, "b": bigrams(b)} for i, b in new],
            )
        elif changed:
            conn.execute(
                sa.text("UPDATE customer_grams SET grams = :g WHERE customer_id = :i"),
                [{"i": i, "g": grams(b)} for i, b in changed],
            )


def upgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    for column, length in CUSTOMER_KEYS:
        op.add_column(
            "customers", sa.Column(column, _key(length), nullable=False, server_default="")
        )
    op.add_column("users", sa.Column("name_sort", _key(60), nullable=False, server_default=""))
    _fill_keys(conn)
    _add_pinyin_to_search(conn, dialect)
    tie = ["id"] if dialect == "postgresql" else []  # as 0002: PostgreSQL's entries end in ctid
    op.drop_index("ix_customers_name", table_name="customers")
    op.drop_index("ix_customers_province", table_name="customers")
    op.drop_index("ix_customers_city", table_name="customers")
    op.create_index("ix_customers_name", "customers", ["name_sort", "name", *tie])
    op.create_index("ix_customers_province", "customers", ["province_sort", "province", *tie])
    op.create_index("ix_customers_city", "customers", ["city_sort", "city", *tie])
    op.create_index("ix_customers_owner_sort", "customers", ["owner_sort", "owner_id", *tie])


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    tie = ["id"] if dialect == "postgresql" else []
    op.drop_index("ix_customers_owner_sort", table_name="customers")
    op.drop_index("ix_customers_name", table_name="customers")
    op.drop_index("ix_customers_province", table_name="customers")
    op.drop_index("ix_customers_city", table_name="customers")
    op.create_index("ix_customers_name", "customers", ["name"])
    op.create_index("ix_customers_province", "customers", ["province", *tie])
    op.create_index("ix_customers_city", "customers", ["city", *tie])
    # Plain ALTER TABLE (see 0002's downgrade). The pinyin lines stay in the search texts:
    # they only widen what a search finds, and the next edit of each customer rewrites its text.
    for column, _ in CUSTOMER_KEYS:
        op.execute(f"ALTER TABLE customers DROP COLUMN {column}")
    op.execute("ALTER TABLE users DROP COLUMN name_sort")
