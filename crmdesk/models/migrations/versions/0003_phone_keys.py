"""Phones compared by their national number: contacts.mobile_digits / phone_digits hold each
number's key (phones.phone_key) instead of its bare digits, so `+86 192-6592-4037` and
`19265924037` are found as duplicates of each other.

Only numbers written with a country code change (a `+`, or digits starting 00 or 86); those are
read and rewritten in Python a chunk at a time. The rest (nearly every number a Chinese team
types) already had their key as their digits and are not touched, so upgrading 1.8M contacts
reads a handful. Their search text gains the key at the customer's next contact change.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 17:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CHUNK = 2000
_PREFIXED = (
    "mobile LIKE '+%' OR mobile_digits LIKE '00%' OR mobile_digits LIKE '86%' "
    "OR phone LIKE '+%' OR phone_digits LIKE '00%' OR phone_digits LIKE '86%'"
)


def _rewrite(key) -> None:
    conn = op.get_bind()
    update = sa.text("UPDATE contacts SET mobile_digits = :m, phone_digits = :p WHERE id = :id")
    last = 0
    while True:
        rows = conn.execute(
            sa.text(
                f"SELECT id, mobile, phone FROM contacts WHERE id > :last AND ({_PREFIXED}) "
                "ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": CHUNK},
        ).all()
        if not rows:
            return
        conn.execute(update, [{"id": i, "m": key(m or ""), "p": key(p or "")} for i, m, p in rows])
        last = rows[-1][0]


def upgrade() -> None:
    from crmdesk.models.phones import phone_key

    _rewrite(phone_key)


def downgrade() -> None:
    from crmdesk.models.phones import digits

    _rewrite(digits)
