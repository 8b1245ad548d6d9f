"""The schema of a team on one server: the change feed every client polls for its colleagues'
writes (change_feed.py), the receipts that keep a write retried after a lost connection from
being applied twice (database.Database.write), and a customer's collaborators
(collaborators.py). Kept beside schema.py, which imports it; migration 0015 creates the tables.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.schema import Base

# SQLite's rowid alias must be INTEGER; the servers get a 64-bit counter.
FeedId = BigInteger().with_variant(Integer(), "sqlite")


class ChangeFeedEntry(Base):
    """One committed unit of work that changed something: its Change (kinds, customer ids or
    how many), who made it and from which client (a client skips its own entries)."""

    __tablename__ = "change_feed"

    id: Mapped[int] = mapped_column(FeedId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(Integer)  # no FK: a feed outlives nothing
    client: Mapped[str] = mapped_column(String(36), default="")
    kinds: Mapped[str] = mapped_column(String(255))  # comma-separated Change.kinds
    customer_ids: Mapped[str] = mapped_column(Text, default="")  # comma-separated, ≤ ID_LIMIT
    count: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_change_feed_at", "at"),)


class WriteReceipt(Base):
    """A write's idempotency key, inserted in the write's own unit of work: a retry after the
    connection dropped during the commit finds it and knows the first attempt landed."""

    __tablename__ = "write_receipts"

    key: Mapped[str] = mapped_column(String(36), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_write_receipts_at", "at"),)


class Collaborator(Base):
    """A colleague added to a customer: sees it, may add follow-ups, hears of new ones."""

    __tablename__ = "customer_collaborators"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_customer_collaborators_user", "user_id", "customer_id"),)
