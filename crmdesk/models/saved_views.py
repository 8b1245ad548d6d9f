"""Saved views: a named combination of search, filters, columns and sort, per user and page.

Kept in the database rather than local settings so they follow the user to another desk."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crmdesk.models.errors import ValidationFailed
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
    """Create, or overwrite the view of the same name."""
    name = name.strip()
    if not name:
        raise ValidationFailed(errors=[("name", "required")])
    if len(name) > 100:
        raise ValidationFailed(errors=[("name", "too_long")])
    view = session.scalar(
        select(SavedView).where(
            SavedView.user_id == actor.id, SavedView.page == page, SavedView.name == name
        )
    )
    if view is None:
        view = SavedView(user_id=actor.id, page=page, name=name, created_at=now)
        session.add(view)
    view.payload = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    session.flush()
    return view.id


def delete_view(session: Session, actor: UserRow, view_id: int) -> None:
    session.execute(delete(SavedView).where(SavedView.id == view_id, SavedView.user_id == actor.id))
