"""The database schema as typed ORM classes, made by migrations/versions. Times are naive UTC;
rows people edit carry a version column, rows users delete carry deleted_at (recycle bin)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, validates

from crmdesk.models.pinyin import SORT_KEY_LIMIT, person_sort_key, sort_key

# finance: sees and records every contract's payments and invoices, and no customer's details
# (policy.py: contracts are theirs to collect, the customers are the reps').
ROLES = ("rep", "manager", "admin", "finance")
LEVELS = ("A", "B", "C")
STATUSES = ("lead", "prospect", "customer", "lost")
FOLLOW_UP_KINDS = ("call", "visit", "wechat", "email", "note")
# assigned: from nobody or from a pool; claimed: taken from a pool by its new owner; released:
# given back to a pool by its owner; recycled: sent back by the recycle pass; moved: from one
# pool to another.
OWNERSHIP_KINDS = ("created", "assigned", "transferred", "claimed", "released", "recycled",
                   "moved", "locked", "unlocked")  # fmt: skip
EDIT_KINDS = ("overwrote",)


class Base(DeclarativeBase):
    pass


# Only the few rows an import made: most rows have none (MySQL has no partial indexes).
IMPORTED_ONLY = {
    "sqlite_where": text("import_id IS NOT NULL"),
    "postgresql_where": text("import_id IS NOT NULL"),
}


def SortKey(length: int = SORT_KEY_LIMIT):
    """A pinyin sort key (pinyin.sort_key) compared byte by byte on every backend, so SQL sorts
    as Python's sorted() does: PostgreSQL's "C" collation and MariaDB's utf8mb4_bin (the
    databases' own collations ignore spaces or case and would put 西安 after 先)."""
    return (
        String(length)
        .with_variant(String(length, collation="C"), "postgresql")
        .with_variant(
            mysql.VARCHAR(length, charset="utf8mb4", collation="utf8mb4_bin"), "mysql", "mariadb"
        )
    )


class Team(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # How many customers each member may own, and keep locked (None: no cap); a user's own
    # caps override these (pool_caps.capacity).
    customer_cap: Mapped[int | None] = mapped_column(Integer)
    locked_cap: Mapped[int | None] = mapped_column(Integer)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    login: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="rep")
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Server sign-in (auth.py); the local file runs as its local user, without one.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    name_sort: Mapped[str] = mapped_column(SortKey(60), default="")
    customer_cap: Mapped[int | None] = mapped_column(Integer)
    locked_cap: Mapped[int | None] = mapped_column(Integer)

    @validates("name")
    def _keep_sort_key(self, _key: str, value: str) -> str:
        self.name_sort = person_sort_key(value)[:60]  # 曾玉: zeng yu
        return value


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(1), default="C")
    industry: Mapped[str] = mapped_column(String(50), default="")
    province: Mapped[str] = mapped_column(String(50), default="")
    city: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    company_size: Mapped[str] = mapped_column(String(20), default="")
    source: Mapped[str] = mapped_column(String(50), default="")
    status: Mapped[str] = mapped_column(String(16), default="lead")
    # Comma-separated, sorted, without spaces around commas; small enough not to need a table.
    tags: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The owner's team, kept in step with owner_id (and with the owner's own team): a manager's
    # list is `team_id = T`, which each planner serves from an index or while walking the sort
    # index, where `owner_id IN (the team's members)` made MariaDB collect all 250k team rows.
    team_id: Mapped[int | None] = mapped_column(Integer)
    # The primary contact (is_primary first, then the oldest), copied here when contacts change
    # so a page of the list reads one row per customer instead of two subqueries per row.
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_mobile: Mapped[str] = mapped_column(String(40), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    last_follow_up_at: Mapped[datetime | None] = mapped_column(DateTime)
    next_follow_up_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Pinyin sort keys (pinyin.sort_key) for index walks in pinyin order (阿里 < 北京 < 重庆):
    # name, province, city follow the ORM attribute (below); owner_sort follows owner_id.
    name_sort: Mapped[str] = mapped_column(SortKey(), default="")
    province_sort: Mapped[str] = mapped_column(SortKey(60), default="")
    city_sort: Mapped[str] = mapped_column(SortKey(60), default="")
    owner_sort: Mapped[str] = mapped_column(SortKey(60), default="")
    # The public pool (pool.py). Owned (owner_id) or in one pool (pool_id), never both, never
    # neither outside the recycle bin: a CHECK on the servers, triggers on SQLite (0007).
    pool_id: Mapped[int | None] = mapped_column(ForeignKey("pools.id"))
    received_at: Mapped[datetime | None] = mapped_column(DateTime)  # by its current owner
    pool_entered_at: Mapped[datetime | None] = mapped_column(DateTime)
    released_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # last owner
    release_code: Mapped[str] = mapped_column(String(32), default="")
    locked: Mapped[bool] = mapped_column(Boolean, default=False)  # never recycled
    # Another system's id and the import that created the row (its undo deletes by it): 0012.
    external_id: Mapped[str] = mapped_column(String(64), default="")
    import_id: Mapped[int | None] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}

    @validates("name", "province", "city")
    def _keep_sort_keys(self, key: str, value: str) -> str:
        setattr(self, f"{key}_sort", sort_key(value)[: 60 if key != "name" else SORT_KEY_LIMIT])
        return value

    # Every sortable column has an index so a sorted page of 1M rows is an index walk. On
    # PostgreSQL those of columns with many equal values end in id (migration 0002), which
    # breaks the list's ties; SQLite's and InnoDB's indexes end in the primary key anyway.
    __table_args__ = (
        # Sorted by name in pinyin order; the name itself breaks ties and finds duplicates
        # (name_sort = key AND name = value).
        Index("ix_customers_name", "name_sort", "name"),
        # All customers sorted by owner: owners in pinyin order, each one's customers by id.
        # Not by updated_at: every write stamps that, and this index would be one more to
        # rewrite each time (bulk delete, tag, restore at 30,000 customers).
        Index("ix_customers_owner_sort", "owner_sort", "owner_id"),
        # A rep's and a team's list walked in date order, and counted from the index alone.
        Index("ix_customers_owner", "owner_id", "updated_at", "id", "deleted_at"),
        Index("ix_customers_team", "team_id", "updated_at", "id", "deleted_at"),
        Index("ix_customers_updated", "updated_at"),
        Index("ix_customers_created", "created_at"),
        Index("ix_customers_last_fu", "last_follow_up_at"),
        Index("ix_customers_next_fu", "next_follow_up_at"),
        Index("ix_customers_level", "level"),
        Index("ix_customers_status", "status"),
        Index("ix_customers_industry", "industry"),
        Index("ix_customers_province", "province_sort", "province"),
        Index("ix_customers_city", "city_sort", "city"),
        Index("ix_customers_source", "source"),
        # Only the few deleted rows (the recycle bin): a full index on a column that is NULL for
        # nearly every row made SQLite pick it for the list and sort 1M rows instead of walking
        # the sort column's index. MySQL has no partial indexes, so it goes without (0001).
        Index(
            "ix_customers_deleted",
            "deleted_at",
            sqlite_where=text("deleted_at IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL"),
        ),
        Index(
            "ix_customers_pool",
            "pool_id",
            "pool_entered_at",
            "id",
            sqlite_where=text("pool_id IS NOT NULL"),
            postgresql_where=text("pool_id IS NOT NULL"),
        ),
        Index("ix_customers_external", "external_id"),
        Index("ix_customers_import", "import_id", **IMPORTED_ONLY),
        CheckConstraint(
            "(owner_id IS NULL OR pool_id IS NULL) AND "
            "(owner_id IS NOT NULL OR pool_id IS NOT NULL OR deleted_at IS NOT NULL)",
            name="ck_customers_owner_or_pool",
        ),
    )


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(100), default="")
    mobile: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # Digits only, for duplicate detection whatever the user typed ("138-1234 5678").
    mobile_digits: Mapped[str] = mapped_column(String(40), default="")
    phone_digits: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    wechat: Mapped[str] = mapped_column(String(100), default="")
    birthday: Mapped[date | None] = mapped_column(Date)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    import_id: Mapped[int | None] = mapped_column(Integer)  # migration 0012

    __table_args__ = (
        Index("ix_contacts_customer", "customer_id"),
        Index("ix_contacts_mobile_digits", "mobile_digits"),
        Index("ix_contacts_phone_digits", "phone_digits"),
        Index("ix_contacts_email", "email"),  # an import's duplicate key
        Index("ix_contacts_import", "import_id", **IMPORTED_ONLY),
    )


class FollowUp(Base):
    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16), default="call")
    content: Mapped[str] = mapped_column(Text, default="")
    happened_at: Mapped[datetime] = mapped_column(DateTime)
    next_follow_up_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    import_id: Mapped[int | None] = mapped_column(Integer)  # migration 0012

    __table_args__ = (
        Index("ix_follow_ups_customer", "customer_id", "happened_at"),
        Index("ix_follow_ups_import", "import_id", **IMPORTED_ONLY),
        Index("ix_follow_ups_happened", "happened_at", "author_id"),  # per rep and month (0014)
    )


class OwnershipEvent(Base):
    __tablename__ = "ownership_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    from_owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    to_owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16))
    reason_code: Mapped[str] = mapped_column(String(32), default="")
    reason_text: Mapped[str] = mapped_column(String(500), default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    pool_id: Mapped[int | None] = mapped_column(ForeignKey("pools.id", ondelete="SET NULL"))

    __table_args__ = (
        Index("ix_ownership_events_customer", "customer_id", "at"),
        Index("ix_ownership_events_actor", "actor_id", "kind", "at"),
    )


class EditEvent(Base):
    """An edit worth keeping on record beyond the row's own updated_at/by: today a save that
    overwrote a colleague's changes on purpose ("Keep mine" after a conflict), naming whose
    changes and which fields. Shown in the customer's history beside the ownership events."""

    __tablename__ = "edit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # EDIT_KINDS
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    other_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    fields: Mapped[str] = mapped_column(String(500), default="")  # comma-separated field names
    at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_edit_events_customer", "customer_id", "at"),)


class CustomerSearch(Base):
    """The text a customer is found by (name, contact names, phones), lower-cased.

    On SQLite two FTS5 indexes sit beside it (migration 0001); on the servers CustomerGrams
    does, and this text proves what the n-grams only suggest."""

    __tablename__ = "customer_search"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    body: Mapped[str] = mapped_column(Text, default="")


class CustomerGrams(Base):
    """The servers' n-grams of each customer's search text (search.grams), under a GIN index on
    PostgreSQL and a FULLTEXT index on MariaDB (made by migration 0002, not declared here: they
    differ by dialect). Empty on SQLite, whose FTS5 indexes serve instead. A table of its own:
    beside the text they made it four times larger (578 MB at 1M on MariaDB), and every row a
    common search tests reads the text."""

    __tablename__ = "customer_grams"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    # Up to ~14 bytes a gram: MEDIUMTEXT on MySQL, whose TEXT holds 64 KB.
    grams: Mapped[str] = mapped_column(
        Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb"), default=""
    )


def TagText():
    """A tag, compared exactly on every backend (MariaDB's default collation would make VIP and
    vip one tag there and two elsewhere)."""
    return String(50).with_variant(
        mysql.VARCHAR(50, charset="utf8mb4", collation="utf8mb4_bin"), "mysql", "mariadb"
    )


class Tag(Base):
    """The tags in use (tags.py): what the tag pickers offer, and what an admin renames."""

    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(TagText(), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class CustomerTag(Base):
    """Which customer carries which tag: Customer.tags as rows, indexed by tag (tags.py)."""

    __tablename__ = "customer_tags"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    tag: Mapped[str] = mapped_column(TagText(), primary_key=True)

    __table_args__ = (Index("ix_customer_tags_tag", "tag", "customer_id"),)


class SavedView(Base):
    __tablename__ = "saved_views"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    page: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    payload: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_saved_views_user", "user_id", "page", "name", unique=True),)


class Pool(Base):
    """A public pool (pool.py): who may see and claim from it, its pick rules, and which owned
    customers its recycle rules cover (its members' customers, optionally only some industries
    or provinces; the first pool by position that covers a customer is its pool)."""

    __tablename__ = "pools"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    everyone: Mapped[bool] = mapped_column(Boolean, default=False)  # every user is a member
    position: Mapped[int] = mapped_column(Integer, default=0)
    daily_claim_cap: Mapped[int] = mapped_column(Integer, default=10)
    cooldown_days: Mapped[int] = mapped_column(Integer, default=7)
    protect_days: Mapped[int] = mapped_column(Integer, default=0)
    warn_days: Mapped[int] = mapped_column(Integer, default=3)
    exempt_open_deals: Mapped[bool] = mapped_column(Boolean, default=False)
    industries: Mapped[str] = mapped_column(String(500), default="")  # comma-separated
    provinces: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class PoolMember(Base):
    """A user or a whole team who may see and claim from a pool; is_admin (users only): may
    also assign from it, move customers out of it and edit its rules."""

    __tablename__ = "pool_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pool_id: Mapped[int] = mapped_column(ForeignKey("pools.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)


POOL_RULE_KINDS = ("no_follow_up", "not_won")


class PoolRule(Base):
    """A recycle rule: no follow-up for `days`, or not won within `days` of being received;
    days_a / days_b / days_c, when set, replace `days` for customers of that level."""

    __tablename__ = "pool_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pool_id: Mapped[int] = mapped_column(ForeignKey("pools.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    days: Mapped[int] = mapped_column(Integer)
    days_a: Mapped[int | None] = mapped_column(Integer)
    days_b: Mapped[int | None] = mapped_column(Integer)
    days_c: Mapped[int | None] = mapped_column(Integer)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class ReleaseReason(Base):
    """A reason a release may give. The built-in codes carry no label (the views translate
    them); codes an admin adds carry theirs."""

    __tablename__ = "release_reasons"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(500), default="")


class SettingsChange(Base):
    """Who changed which pool settings (a pool's, the release reasons, the caps), and when."""

    __tablename__ = "settings_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    area: Mapped[str] = mapped_column(String(16))  # SETTINGS_AREAS
    pool_id: Mapped[int | None] = mapped_column(ForeignKey("pools.id", ondelete="SET NULL"))
    fields: Mapped[str] = mapped_column(String(500), default="")  # comma-separated

    __table_args__ = (Index("ix_settings_changes_at", "at"),)


SETTINGS_AREAS = ("pool", "reasons", "caps")

# approval: a deal awaits the user's decision; approval_decided: "approved:<title>"/"rejected:
# <title>"; report_comment: on their work report; collaborator: added to a customer;
# shared_follow_up: someone else's follow-up on a customer they own or share (collaborators.py).
NOTIFICATION_KINDS = tuple(
    "recycled assigned claimed recycle_warning approval approval_decided report_comment "
    "collaborator shared_follow_up".split()
)


class Notification(Base):
    """Something a user should hear about; a recycle pass writes one per former owner and rule
    (count: how many customers, customer_id when only one)."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    pool_id: Mapped[int | None] = mapped_column(ForeignKey("pools.id", ondelete="SET NULL"))
    count: Mapped[int] = mapped_column(Integer, default=1)
    detail: Mapped[str] = mapped_column(String(200), default="")  # e.g. "no_follow_up:15"
    created_at: Mapped[datetime] = mapped_column(DateTime)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_notifications_user", "user_id", "read_at", "created_at"),)


from crmdesk.models import (  # noqa: E402, F401
    schema_contracts,
    schema_deals,
    schema_imports,
    schema_targets,
    schema_team,
)
