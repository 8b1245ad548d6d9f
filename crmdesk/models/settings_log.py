"""The record of who changed which of the pools' settings and when: a pool's settings (which
fields), the release reasons (added, turned on or off) and the caps (whose). Written in the
same unit of work as the change; read by administrators."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.models.checks import check_page
from crmdesk.models.errors import PermissionDenied
from crmdesk.models.schema import Pool, SettingsChange, User
from crmdesk.models.users import UserRow


@dataclass(frozen=True)
class SettingsChangeRow:
    at: datetime
    actor_name: str
    area: str  # schema.SETTINGS_AREAS
    pool_name: str
    fields: tuple[str, ...]  # a pool's field names; "reason:CODE"; "team:ID" / "user:ID" …


def log_change(
    session: Session,
    actor: UserRow,
    area: str,
    fields: Iterable[str],
    now: datetime,
    pool_id: int | None = None,
) -> None:
    """Nothing is written when nothing changed."""
    names = list(dict.fromkeys(fields))
    text = ""
    for name in names:  # as many as fit the column, whole names only
        longer = f"{text},{name}" if text else name
        if len(longer) > SettingsChange.fields.type.length:
            break
        text = longer
    if text:
        session.add(SettingsChange(at=now, actor_id=actor.id, area=area, pool_id=pool_id,
                                   fields=text))  # fmt: skip
        session.flush()


def settings_changes(
    session: Session, actor: UserRow, pool_id: int | None = None, limit: int = 100
) -> list[SettingsChangeRow]:
    """The newest first; pool_id: that pool's only. Administrators only."""
    if not actor.is_admin:
        raise PermissionDenied(action="settings_changes")
    _offset, limit = check_page(0, limit)
    stmt = (
        select(SettingsChange.at, func.coalesce(User.name, ""), SettingsChange.area,
               func.coalesce(Pool.name, ""), SettingsChange.fields)
        .outerjoin(User, User.id == SettingsChange.actor_id)
        .outerjoin(Pool, Pool.id == SettingsChange.pool_id)
        .order_by(SettingsChange.at.desc(), SettingsChange.id.desc())
        .limit(limit)
    )  # fmt: skip
    if pool_id is not None:
        stmt = stmt.where(SettingsChange.pool_id == pool_id)
    return [
        SettingsChangeRow(at, who, area, pool, tuple(f for f in fields.split(",") if f))
        for at, who, area, pool, fields in session.execute(stmt)
    ]
