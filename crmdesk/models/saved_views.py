"""Saved views: a named combination of search, filters, columns and sort, per user and page.

Kept in the database rather than local settings so they follow the user to another desk."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crmdesk.models.changes import record
from crmdesk.models.checks import TEXT_LIMIT, Checker, check_id, has_bad_character
from crmdesk.models.schema import SavedView
from crmdesk.models.users import UserRow


@dataclass(frozen=True)
class SavedViewRow:
    id: int
    name: str
    payload: dict


def list_saved_views(session: Session, actor: UserRow, page: str) -> list[SavedViewRow]:
    stmt = (
        select(SavedView)
        .where(SavedView.user_id == actor.id, SavedView.page == page)
        .order_by(SavedView.name)
    )
    return [SavedViewRow(v.id, v.name, json.loads(v.payload)) for v in session.scalars(stmt)]


def save_view(
    session: Session, actor: UserRow, page: str, name: str, payload: dict, now: datetime
) -> int:
    """Create, or overwrite the view of the same name. "The same" is the database's own
    comparison, the one its unique index uses (case-insensitive on MySQL/MariaDB), so a save
    never collides with the index; the view takes the name as typed this time."""
    c = Checker()
    page = c.text("page", page, SavedView.page, required=True)
    name = c.text("name", name, SavedView.name, required=True)
    try:
        # ASCII JSON: whatever the payload holds, the stored text has no character a database
        # could refuse.
        text = json.dumps(payload, ensure_ascii=True, sort_keys=True)
    except (TypeError, ValueError):
        c.fail("payload", "invalid")
        text = ""
    if not isinstance(payload, dict):
        c.fail("payload", "invalid")
    elif text and has_bad_character(json.dumps(payload, ensure_ascii=False)):
        c.fail("payload", "bad_character")  # a lone surrogate would not read back the same
    if len(text) > TEXT_LIMIT:
        c.fail("payload", "too_long", TEXT_LIMIT)
    c.done()
    view = session.scalar(
        select(SavedView).where(
            SavedView.user_id == actor.id, SavedView.page == page, SavedView.name == name
        )
    )
    if view is None:
        view = SavedView(user_id=actor.id, page=page, name=name, created_at=now)
        session.add(view)
    view.name = name
    view.payload = text
    session.flush()
    record(session, "saved_views")
    return view.id


def delete_view(session: Session, actor: UserRow, view_id: int) -> None:
    check_id(view_id, "view")
    session.execute(delete(SavedView).where(SavedView.id == view_id, SavedView.user_id == actor.id))
    record(session, "saved_views")
