"""What each writer of an import (excel_writers.py, excel_deals.py) is handed for one chunk, and
what it hands back: ApplyContext (the unit of work, the acting user, the owners resolved once
for the whole import, the items an undo needs) and ChunkOutcome. excel_apply.py runs the
chunks; this module holds no SQL beyond the items' insert.

The `before` values of an updated row (ImportItem.before) are JSON: dates, times and Decimals
are tagged so an undo writes back exactly what was there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from crmdesk.models.excel_types import CellProblem, ImportOptions, ImportPlan, PlannedRow
from crmdesk.models.schema import Contact
from crmdesk.models.schema_imports import ImportItem
from crmdesk.models.users import UserRow

VALUE_LIMIT = 100  # characters of a cell a problem quotes
# A contact's fields an item keeps as the import left them (contacts have no version: an undo
# compares the row with this before it restores or removes it), under the key AFTER.
CONTACT_ROW = ("name", "title", "mobile", "phone", "email", "wechat", "birthday", "is_primary")
AFTER = "$after"


@dataclass
class ChunkOutcome:
    """One chunk's rows as a writer left them: created and updated count rows of the import's
    kind; skipped and failed hold one problem a row (its reason code); customer_ids are the
    customers the chunk touched (created, changed, or given contacts, follow-ups or deals).
    A writer records its own changes on the session (changes.record). notes: a problem of a
    row counted created or updated that left a part of it out (a contact that did not fit):
    in the result's problems, not counted again."""

    created: int = 0
    updated: int = 0
    skipped: list[CellProblem] = field(default_factory=list)
    failed: list[CellProblem] = field(default_factory=list)
    notes: list[CellProblem] = field(default_factory=list)
    customer_ids: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class OwnerTable:
    """The import's users, resolved once (excel_owners.resolve_owners): lower-cased names and
    logins → id (logins win over names), who may be given customers, and each owner's team and
    stored pinyin key (Customer.team_id and owner_sort follow the owner)."""

    by_name: dict[str, int]
    assignable: frozenset[int]
    teams: dict[int, int | None]
    sort_keys: dict[int, str]
    ambiguous: frozenset[str] = frozenset()  # lower-cased names two active users share
    too_many_new: bool = False  # unknown_owner "create" named more than MAX_NEW_USERS
    created: tuple[str, ...] = ()  # the names of the users the import made, sorted


@dataclass
class ApplyContext:
    """A chunk's unit of work. owners: user ids by lower-cased name or login (owner_for reads
    it); items: ImportItem rows (dicts) the chunk adds, written by excel_apply after the writer
    returns."""

    session: Session
    actor: UserRow
    now: datetime
    import_id: int
    options: ImportOptions
    plan: ImportPlan
    dialect: str
    owners: dict[str, int]
    table: OwnerTable
    items: list[dict] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # field key → source column index
    # sheet row → ((name, contact), excel_derive.Derived) computed ahead by a worker process
    derived: dict[int, tuple] = field(default_factory=dict)
    # sheet row → the owner name no user has, of rows owner_for gave the actor (unknown_owner
    # "me"); a writer drops the rows it then only updates (their owner stays): the result
    # counts those of the rows written that are neither skipped nor failed.
    assigned: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.columns:
            self.columns = {f: c for c, f in self.plan.mapping.columns.items()}

    def problem(self, row: PlannedRow | int, code: str, field: str = "", value: Any = None):
        """A problem of this row, at the column `field` was read from (None: the whole row);
        value defaults to the row's value of the field."""
        number = row if isinstance(row, int) else row.row
        if value is None and field and not isinstance(row, int):
            value = row.values.get(field)
        return CellProblem(number, self.columns.get(field), field, code, shown(value), None)

    def owner_for(self, row: PlannedRow, field: str = "owner") -> tuple[int | None, Any]:
        """(user id, None) or (None, problem) for the user named in the row's `field` column.

        owner_mode "me": the actor. owner_mode "pool": (None, None) for field "owner" (the
        customer goes into options.pool_id; a writer of other rows, deals, uses the actor),
        the actor for any other field. owner_mode "column": an empty cell is the actor; a name
        or login (case-insensitive) of an active user is that user if the actor may assign to
        them, else "owner_not_allowed"; a name two active users share (and no login) is
        "ambiguous_owner"; a name no user has: the user the import created for it
        (unknown_owner "create", admins only: for others "owner_not_allowed"; more new names
        than excel_owners.MAX_NEW_USERS: "too_many_new_users"), the actor ("me"), or
        "unknown_owner" ("reject")."""
        mode = self.options.owner_mode
        if mode == "pool":
            return (None, None) if field == "owner" else (self.actor.id, None)
        if mode != "column":
            return self.actor.id, None
        value = row.values.get(field)
        key = value.strip().lower() if isinstance(value, str) else ""
        if not key:
            return self.actor.id, None
        user_id = self.owners.get(key)
        if user_id is None:
            if key in self.table.ambiguous:
                return None, self.problem(row, "ambiguous_owner", field)
            unknown = self.options.unknown_owner
            if unknown == "me":
                self.assigned[row.row] = value.strip()
                return self.actor.id, None
            code = "owner_not_allowed" if unknown == "create" else "unknown_owner"
            if unknown == "create" and self.table.too_many_new:
                code = "too_many_new_users"
            return None, self.problem(row, code, field)
        if user_id != self.actor.id and user_id not in self.table.assignable:
            return None, self.problem(row, "owner_not_allowed", field)
        return user_id, None

    def updated(
        self,
        entity: str,
        entity_id: int,
        before: dict[str, Any],
        version_after: int | None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Note an existing row this import changed: the changed fields' values before it, and
        the row's version after it (an undo restores only a row nobody changed since). A row
        without a version (a contact) gives instead the whole row as the import left it
        (`after`, CONTACT_ROW): an undo compares it with the row as it is."""
        values = dict(before)
        if after is not None:
            values[AFTER] = after
        self.items.append(
            {
                "import_id": self.import_id,
                "entity": entity,
                "entity_id": entity_id,
                "action": "updated",
                "before": encode_values(values),
                "version_after": version_after,
            }
        )

    def contacts_added(self, customer_ids) -> None:
        """Note the contacts this chunk added to customers (an item "created" each, with the
        contact as the import left it), those that have no such item yet: an undo removes one
        only if nobody changed it since. Called once a chunk, after the contacts' insert."""
        ids = sorted(set(customer_ids))
        pending = {i["entity_id"] for i in self.items if i["entity"] == "contact"}
        noted = select(ImportItem.entity_id).where(
            ImportItem.import_id == self.import_id,
            ImportItem.entity == "contact",
            ImportItem.action == "created",
        )
        columns = [Contact.id, *(getattr(Contact, f) for f in CONTACT_ROW)]
        for begin in range(0, len(ids), 500):
            stmt = select(*columns).where(
                Contact.import_id == self.import_id,
                Contact.customer_id.in_(ids[begin : begin + 500]),
                Contact.id.not_in(noted),
            )
            for row in self.session.execute(stmt.order_by(Contact.id)):
                if row.id in pending:
                    continue
                after = {f: getattr(row, f) for f in CONTACT_ROW}
                self.items.append(
                    {
                        "import_id": self.import_id,
                        "entity": "contact",
                        "entity_id": row.id,
                        "action": "created",
                        "before": encode_values({AFTER: after}),
                        "version_after": None,
                    }
                )

    def flush_items(self) -> None:
        if self.items:
            self.session.execute(insert(ImportItem), self.items)
            self.items = []


def shown(value: Any) -> str:
    """A value as a problem quotes it: text, shortened."""
    if value is None:
        return ""
    if isinstance(value, (tuple, list)):
        value = ",".join(str(v) for v in value)
    return str(value)[:VALUE_LIMIT]


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$dec": str(value)}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, text),) = value.items()
        if tag == "$dt":
            return datetime.fromisoformat(text)
        if tag == "$d":
            return date.fromisoformat(text)
        if tag == "$dec":
            return Decimal(text)
    return value


def encode_values(values: dict[str, Any]) -> str:
    """JSON of {field: value}; the AFTER entry, a row of its own, encoded likewise."""
    return json.dumps(
        {
            k: {f: _encode(x) for f, x in v.items()} if k == AFTER else _encode(v)
            for k, v in values.items()
        },
        ensure_ascii=False,
    )


def decode_values(text: str) -> dict[str, Any]:
    if not text:
        return {}
    return {
        k: {f: _decode(x) for f, x in v.items()} if k == AFTER else _decode(v)
        for k, v in json.loads(text).items()
    }
