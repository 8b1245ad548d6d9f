"""People's names sorted by their surname's reading: users' name_sort, and the owner_sort of
their customers (it copies the owner's), keyed again with pinyin.person_sort_key (曾玉: zeng
yu, not ceng yu). Only the users whose key changes are touched, and their customers by
ix_customers_owner.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 12:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _rekey(key) -> None:
    conn = op.get_bind()
    users = conn.execute(sa.text("SELECT id, name, name_sort FROM users")).all()
    keys = [(i, key(name)[:60], old) for i, name, old in users]
    changed = [{"i": i, "k": new} for i, new, old in keys if new != old]
    if changed:
        conn.execute(sa.text("UPDATE users SET name_sort = :k WHERE id = :i"), changed)
        conn.execute(sa.text("UPDATE customers SET owner_sort = :k WHERE owner_id = :i"), changed)


def upgrade() -> None:
    from crmdesk.models.pinyin import person_sort_key

    _rekey(person_sort_key)


def downgrade() -> None:
    from crmdesk.models.pinyin import sort_key

    _rekey(sort_key)
