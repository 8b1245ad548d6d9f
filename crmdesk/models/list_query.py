"""What the deal list (deal_board.py) and the contracts list (contract_list.py) share about their
queries: the saved view's plain form, making an oddly filled query safe to run (scope, owner,
search, days, sort), and the WHERE parts both lists build alike (not deleted, the customer not in
the recycle bin, scope and owner, a LIKE pattern)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import InstrumentedAttribute, aliased

from crmdesk.models.checks import MAX_ID, clean_search
from crmdesk.models.schema import Customer
from crmdesk.models.users import UserRow

SCOPES = ("mine", "team", "all")
MAX_IDS = 100_000  # ids one …_ids call returns


class SavedQuery:
    """A frozen dataclass query that a saved view stores as to_dict() and reads back with
    from_dict(), cleaned by the subclass's cleaned()."""

    def to_dict(self) -> dict:
        """Plain JSON values (a saved view): days as ISO text."""
        return {
            f.name: v.isoformat() if isinstance(v := getattr(self, f.name), date) else v
            for f in fields(self)
        }

    @classmethod
    def from_dict(cls, data: dict):
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known}).cleaned()

    def cleaned(self):
        raise NotImplementedError


def id_or_nobody(value: object) -> int:
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_ID
    return value if ok else 0  # 0 matches nothing, as an unknown id should


def clean_day(value: object) -> date | None:
    if isinstance(value, str):  # a saved view's ISO day
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def cleaned_common(query, sorts: tuple[str, ...], default_sort: str) -> dict:
    """The cleaned scope, owner, search, sort and direction, for dataclasses.replace."""
    owner = query.owner_id
    return {
        "scope": query.scope if query.scope in SCOPES else "all",
        "owner_id": None if owner is None else id_or_nobody(owner),
        "search": clean_search(query.search),
        "sort": query.sort if query.sort in sorts else default_sort,
        "descending": bool(query.descending),
    }


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def live_conditions(
    customer_id: InstrumentedAttribute, deleted_at: InstrumentedAttribute, dialect: str
) -> list[ColumnElement[bool]]:
    """Not deleted, and its customer not in the recycle bin, tested against the bin's few ids
    (ix_customers_deleted), not by reading each row's customer. SQLite and MariaDB: NOT IN the
    bin's ids, read once (a NOT EXISTS is a lookup of each row's customer there). PostgreSQL:
    NOT EXISTS, an anti-join; its NOT IN is hashed only while the bin's ids fit in work_mem, and
    tests every id of it for every row past that."""
    binned = aliased(Customer, name="binned")  # the statement may join Customer too
    gone = binned.deleted_at.is_not(None)
    if dialect == "postgresql":
        not_binned = ~exists().where(binned.id == customer_id, gone)
    else:
        not_binned = customer_id.not_in(select(binned.id).where(gone))
    return [deleted_at.is_(None), not_binned]


def owner_conditions(model, actor: UserRow, query) -> list[ColumnElement[bool]]:
    """The query's scope (mine, team, all) and owner, on a table with owner_id and team_id."""
    where: list[ColumnElement[bool]] = []
    if query.scope == "mine":
        where.append(model.owner_id == actor.id)
    elif query.scope == "team" and actor.team_id is not None:
        where.append(model.team_id == actor.team_id)
    if query.owner_id is not None:
        where.append(model.owner_id == query.owner_id)
    return where
