"""The public pool (公海): pools with members, pick and recycle rules; release reasons; caps;
notifications. A customer is owned by a user or sits in exactly one pool (never both, never
neither unless it is in the recycle bin): a CHECK constraint on the servers, triggers on SQLite
(which cannot add a constraint to a table without rebuilding it).

Live customers nobody owns go into a first pool, 公海, open to everyone, with no recycle rule:
an upgrade never starts sending customers back to a pool before an admin has set its rules.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 21:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OWNER_OR_POOL = (
    "(owner_id IS NULL OR pool_id IS NULL) "
    "AND (owner_id IS NOT NULL OR pool_id IS NOT NULL OR deleted_at IS NOT NULL)"
)
REASONS = ["no_need", "unreachable", "competitor", "wrong_info", "other"]


def _sqlite_guard() -> None:
    for when in ("INSERT", "UPDATE OF owner_id, pool_id, deleted_at"):
        name = "ck_customers_owner_or_pool_" + when.split()[0].lower()
        guard = OWNER_OR_POOL.replace("owner_id", "NEW.owner_id").replace("pool_id", "NEW.pool_id")
        guard = guard.replace("deleted_at", "NEW.deleted_at")
        op.execute(
            f"CREATE TRIGGER {name} BEFORE {when} ON customers "
            f"WHEN NOT ({guard}) "
            "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: ck_customers_owner_or_pool'); END"
        )


def upgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    op.create_table(
        "pools",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("everyone", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("daily_claim_cap", sa.Integer(), nullable=False),
        sa.Column("cooldown_days", sa.Integer(), nullable=False),
        sa.Column("protect_days", sa.Integer(), nullable=False),
        sa.Column("warn_days", sa.Integer(), nullable=False),
        sa.Column("exempt_open_deals", sa.Boolean(), nullable=False),
        sa.Column("industries", sa.String(500), nullable=False),
        sa.Column("provinces", sa.String(500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", name="uq_pools_name"),
    )
    op.create_table(
        "pool_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pool_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["pool_id"], ["pools.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_pool_members_pool", "pool_members", ["pool_id"])
    op.create_table(
        "pool_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pool_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("days_a", sa.Integer(), nullable=True),
        sa.Column("days_b", sa.Integer(), nullable=True),
        sa.Column("days_c", sa.Integer(), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["pool_id"], ["pools.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_pool_rules_pool", "pool_rules", ["pool_id"])
    op.create_table(
        "release_reasons",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.String(500), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("pool_id", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("detail", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pool_id"], ["pools.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_notifications_user", "notifications", ["user_id", "read_at", "created_at"])
    for table in ("teams", "users"):
        op.add_column(table, sa.Column("customer_cap", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column("locked_cap", sa.Integer(), nullable=True))

    # Plain columns on customers (SQLite adds them without rebuilding a 1M-row table); the
    # servers get their foreign keys below.
    op.add_column("customers", sa.Column("pool_id", sa.Integer(), nullable=True))
    op.add_column("customers", sa.Column("received_at", sa.DateTime(), nullable=True))
    op.add_column("customers", sa.Column("pool_entered_at", sa.DateTime(), nullable=True))
    op.add_column("customers", sa.Column("released_by_id", sa.Integer(), nullable=True))
    op.add_column(
        "customers",
        sa.Column("release_code", sa.String(32), nullable=False, server_default=""),
    )
    op.add_column(
        "customers",
        sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("ownership_events", sa.Column("pool_id", sa.Integer(), nullable=True))
    if dialect != "sqlite":
        op.create_foreign_key("fk_customers_pool", "customers", "pools", ["pool_id"], ["id"])
        op.create_foreign_key(
            "fk_customers_released_by", "customers", "users", ["released_by_id"], ["id"]
        )
        op.create_foreign_key(
            "fk_ownership_events_pool", "ownership_events", "pools", ["pool_id"], ["id"],
            ondelete="SET NULL",
        )  # fmt: skip

    now = sa.func.current_timestamp()
    pools = sa.table(
        "pools",
        *(
            sa.column(c)
            for c in (
                "id",
                "name",
                "enabled",
                "everyone",
                "position",
                "daily_claim_cap",
                "cooldown_days",
                "protect_days",
                "warn_days",
                "exempt_open_deals",
                "industries",
                "provinces",
                "created_at",
                "updated_at",
                "version",
            )
        ),  # fmt: skip
    )
    conn.execute(
        pools.insert().values(
            id=1,
            name="公海",
            enabled=True,
            everyone=True,
            position=0,
            daily_claim_cap=10,
            cooldown_days=7,
            protect_days=0,
            warn_days=3,
            exempt_open_deals=False,
            industries="",
            provinces="",
            created_at=now,
            updated_at=now,
            version=1,
        )  # fmt: skip
    )
    if conn.dialect.name == "postgresql":  # the id was given: the sequence must move past it
        conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('pools', 'id'), 1)")
    reasons = sa.table("release_reasons", *(sa.column(c) for c in ("code", "label", "active",
                       "position")))  # fmt: skip
    conn.execute(
        reasons.insert(),
        [{"code": c, "label": "", "active": True, "position": i} for i, c in enumerate(REASONS)],
    )
    # When the current owner received each customer: its last ownership event, else its birth.
    conn.execute(
        sa.text(
            "UPDATE customers SET received_at = COALESCE((SELECT MAX(e.at) FROM ownership_events e"
            " WHERE e.customer_id = customers.id), created_at) WHERE owner_id IS NOT NULL"
        )
    )
    conn.execute(
        sa.text(
            "UPDATE customers SET pool_id = 1, pool_entered_at = updated_at "
            "WHERE owner_id IS NULL AND deleted_at IS NULL"
        )
    )
    if dialect == "sqlite":
        _sqlite_guard()
    else:
        op.create_check_constraint("ck_customers_owner_or_pool", "customers", OWNER_OR_POOL)
    # The pool's list, newest in the pool first; owned customers have no entry on PostgreSQL and
    # SQLite (partial), so a bulk action on owned customers has no index more to write.
    op.create_index(
        "ix_customers_pool",
        "customers",
        ["pool_id", "pool_entered_at", "id"],
        sqlite_where=sa.text("pool_id IS NOT NULL"),
        postgresql_where=sa.text("pool_id IS NOT NULL"),
    )
    # A rep's claims today (the daily cap), newest last.
    op.create_index("ix_ownership_events_actor", "ownership_events", ["actor_id", "kind", "at"])


def downgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER ck_customers_owner_or_pool_insert")
        op.execute("DROP TRIGGER ck_customers_owner_or_pool_update")
    else:  # the foreign keys first: MariaDB's lean on the indexes dropped next
        op.drop_constraint("ck_customers_owner_or_pool", "customers", type_="check")
        op.drop_constraint("fk_ownership_events_pool", "ownership_events", type_="foreignkey")
        op.drop_constraint("fk_customers_released_by", "customers", type_="foreignkey")
        op.drop_constraint("fk_customers_pool", "customers", type_="foreignkey")
    if dialect == "mysql":  # its foreign key on actor_id needs an index at every moment
        op.execute(
            "ALTER TABLE ownership_events DROP INDEX ix_ownership_events_actor, "
            "ADD INDEX actor_id (actor_id)"
        )
    else:
        op.drop_index("ix_ownership_events_actor", "ownership_events")
    op.drop_index("ix_customers_pool", "customers")
    op.drop_column("ownership_events", "pool_id")
    for column in ("locked", "release_code", "released_by_id", "pool_entered_at",
                   "received_at", "pool_id"):  # fmt: skip
        op.drop_column("customers", column)
    for table in ("users", "teams"):
        op.drop_column(table, "locked_cap")
        op.drop_column(table, "customer_cap")
    for table in ("notifications", "settings", "release_reasons", "pool_rules", "pool_members",
                  "pools"):  # fmt: skip
        op.drop_table(table)
