"""Tags as rows: the tags in use (tags) and which customer carries which (customer_tags,
indexed by tag), for the tag filter and for searching a tag's text.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CHUNK = 2000


def _tag_type():
    return sa.String(50).with_variant(
        mysql.VARCHAR(50, charset="utf8mb4", collation="utf8mb4_bin"), "mysql", "mariadb"
    )


def _fill(conn) -> None:
    """Every tagged customer's tag rows, and the tags in use."""
    seen: set[str] = set()
    last = 0
    while True:
        rows = conn.execute(
            sa.text(
                "SELECT id, tags FROM customers WHERE id > :last AND tags <> '' "
                "ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": CHUNK},
        ).all()
        if not rows:
            return
        last = rows[-1][0]
        pairs = [(cid, t) for cid, text in rows for t in sorted(set(text.split(","))) if t]
        new = sorted({t for _cid, t in pairs} - seen)
        if new:
            conn.execute(
                sa.text("INSERT INTO tags (name, created_at) VALUES (:n, CURRENT_TIMESTAMP)"),
                [{"n": t} for t in new],
            )
            seen.update(new)
        if pairs:
            conn.execute(
                sa.text("INSERT INTO customer_tags (customer_id, tag) VALUES (:c, :t)"),
                [{"c": c, "t": t} for c, t in pairs],
            )


def upgrade() -> None:
    op.create_table(
        "tags",
        sa.Column("name", _tag_type(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "customer_tags",
        sa.Column("customer_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("tag", _tag_type(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("customer_id", "tag"),
    )
    _fill(op.get_bind())
    op.create_index("ix_customer_tags_tag", "customer_tags", ["tag", "customer_id"])


def downgrade() -> None:
    op.drop_table("customer_tags")
    op.drop_table("tags")
