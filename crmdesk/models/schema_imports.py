"""The schema of Excel imports (excel_*.py): each import's record (what file, who, how it ended,
its counts), what it changed that an undo must restore (import_items), and the column mappings
remembered by a header's signature. Migration 0012 creates them, and adds the import_id that
marks the customers, contacts, follow-ups and deals an import created (an undo deletes by it)
and customers.external_id (another CRM's id: the duplicate key of a re-import).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.schema import Base

IMPORT_KINDS = ("customers", "contacts", "deals", "follow_ups", "contracts", "payments")
# running: rows are being written (or the program died while it ran: whole chunks are in);
# done; cancelled (whole chunks are in, rows_done says how far); failed (a fatal error after
# some chunks); undoing (an undo is under way, or was cancelled or interrupted: undoing it
# again finishes it); undone. The history shows a "running" import past any live one's time as
# "interrupted" (excel_undo.shown_status: computed, never stored).
IMPORT_STATUSES = ("running", "done", "cancelled", "failed", "undoing", "undone")
# An item: a row the import changed (action "updated", with the fields' values before it and the
# row's version after it, so an undo restores only what nobody touched since), or a user it
# created (action "created", entity "user": an undo deactivates them when they own nothing).
ITEM_ENTITIES = ("customer", "contact", "deal", "follow_up", "user", "contract")
ITEM_ACTIONS = ("created", "updated")


class Import(Base):
    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # IMPORT_KINDS
    file_name: Mapped[str] = mapped_column(String(260), default="")  # the name, not the path
    sheet: Mapped[str] = mapped_column(String(100), default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="running")  # IMPORT_STATUSES
    rows_total: Mapped[int] = mapped_column(Integer, default=0)  # data rows in the file
    rows_done: Mapped[int] = mapped_column(Integer, default=0)  # rows of committed chunks
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    # {"reason code": count, ...} of skipped and failed rows (JSON)
    reasons: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[str] = mapped_column(Text, default="")  # JSON: mapping and choices
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (Index("ix_imports_started", "started_at"),)


class ImportItem(Base):
    __tablename__ = "import_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(16))  # ITEM_ENTITIES
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))  # ITEM_ACTIONS
    before: Mapped[str] = mapped_column(Text, default="")  # JSON {field: value} before the import
    version_after: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_import_items_import", "import_id", "entity"),)


class ImportMapping(Base):
    """A column mapping (JSON) remembered for a kind of import and a header signature
    (excel_fields.header_signature): the same export of another CRM maps itself next time."""

    __tablename__ = "import_mappings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    signature: Mapped[str] = mapped_column(String(64))
    mapping: Mapped[str] = mapped_column(Text, default="")
    used_at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    __table_args__ = (Index("ix_import_mappings_sig", "kind", "signature", unique=True),)
