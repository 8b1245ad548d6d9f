"""The history of imports, and undoing one: what it created goes (hard delete, with everything
that hangs off it and its search index rows), what it changed comes back, users it made are
deactivated when they own nothing; whatever someone changed since stays, and is named
(excel_undo_rows.py does the rows).

run_undo, the program's way, works in units of work of UNIT ids each, like the import: a first
short unit marks the import "undoing" (a chunk of it still being written then finds it no
longer running and stops), each unit re-reads and locks its rows and re-checks them, and the
last marks it "undone". Progress is reported and cancel honoured between units; an undo that
was cancelled or interrupted stays "undoing", and running it again does what is left (the
items done are marked, the rows removed are gone). undo_import does the same in one unit of
work (tests and scripts)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from crmdesk.models.changes import WriteResult
from crmdesk.models.checks import check_id
from crmdesk.models.database import Database
from crmdesk.models.errors import CrmError, NotFound, PermissionDenied
from crmdesk.models.excel_insert import bulk_cache
from crmdesk.models.excel_link import pieces
from crmdesk.models.excel_types import ImportRow, UndoResult
from crmdesk.models.excel_undo_contracts import remove_contract_rows
from crmdesk.models.excel_undo_rows import DONE, RESTORABLE, Left, Undo
from crmdesk.models.policy import current_actor
from crmdesk.models.schema import Contact, Customer, FollowUp, User
from crmdesk.models.schema_deals import Deal
from crmdesk.models.schema_imports import Import, ImportItem
from crmdesk.models.users import UserRow

_Undo = Undo  # the name excel_undo_contracts knows it by

UNIT = 2000  # ids an undo's unit of work handles (100,000 customers: ~0.2 s a unit on SQLite)

# An import still "running" whose program was killed never moves on. The record has no time of
# its last chunk (and needs none): it is shown "interrupted" once it has run longer than any
# live import of its size could, STALE_AFTER plus a second for every ROWS_PER_SECOND rows (the
# import writes ~10,000 rows a second on SQLite, a few thousand on the servers). It can then be
# undone. Misjudging a live one is harmless: its undo marks it "undoing" first, and the
# import's next chunk, finding it no longer running, is rolled back and the import stops.
STALE_AFTER = timedelta(minutes=10)
ROWS_PER_SECOND = 1000


def shown_status(status: str, started_at: datetime, rows_total: int, now: datetime | None) -> str:
    """The status the history shows: "interrupted" for a "running" import past its time."""
    if status != "running" or now is None or started_at is None:
        return status
    limit = STALE_AFTER + timedelta(seconds=(rows_total or 0) / ROWS_PER_SECOND)
    return "interrupted" if now - started_at > limit else status


def may_undo(actor: UserRow, actor_id: int | None, status: str) -> bool:
    return status != "undone" and actor.active and (actor.is_admin or actor_id == actor.id)


def list_imports(
    session: Session, actor: UserRow, limit: int = 200, now: datetime | None = None
) -> list[ImportRow]:
    """Newest first; admins see every import, others their own. now: to tell an interrupted
    import (shown_status)."""
    who = aliased(User)
    stmt = (
        select(Import, func.coalesce(who.name, ""))
        .outerjoin(who, who.id == Import.actor_id)
        .order_by(Import.started_at.desc(), Import.id.desc())
        .limit(max(1, min(int(limit), 1000)))
    )
    if not actor.is_admin:
        stmt = stmt.where(Import.actor_id == actor.id)
    rows = []
    for i, name in session.execute(stmt):
        status = shown_status(i.status, i.started_at, i.rows_total, now)
        rows.append(
            ImportRow(
                i.id,
                i.kind,
                i.file_name,
                i.sheet,
                name,
                i.started_at,
                i.finished_at,
                status,
                i.rows_total,
                i.created,
                i.updated,
                i.skipped,
                i.failed,
                i.undone_at,
                may_undo(actor, i.actor_id, status),
            )
        )
    return rows


def _open(session: Session, actor: UserRow, import_id: int) -> Import:
    """The import's record, locked: only its own user or an admin, not undone."""
    check_id(import_id, "import")
    imp = session.scalars(select(Import).where(Import.id == import_id).with_for_update()).first()
    if imp is None:
        raise NotFound(what="import", id=import_id)
    if not actor.active or not (actor.is_admin or imp.actor_id == actor.id):
        raise PermissionDenied(action="undo_import", import_id=import_id)
    if imp.status == "undone":
        raise CrmError("already_undone", import_id=import_id)
    return imp


Step = tuple[str, list[int]]


def _plan(session: Session, import_id: int) -> list[Step]:
    """What is left to undo, step by step, as ids (in the order the steps run)."""
    x = import_id

    def item_ids(entity: str, actions: tuple[str, ...]) -> list[int]:
        stmt = select(ImportItem.entity_id).where(
            ImportItem.import_id == x, ImportItem.entity == entity, ImportItem.action.in_(actions)
        )
        return sorted(set(session.scalars(stmt)))

    def marked(table) -> list[int]:
        stmt = select(table.id).where(table.import_id == x)
        return list(session.scalars(stmt.order_by(table.id)))

    not_created = or_(Customer.import_id.is_(None), Customer.import_id != x)
    added = select(Contact.id).join(Customer, Customer.id == Contact.customer_id)
    contacts = set(session.scalars(added.where(Contact.import_id == x, not_created)))
    contacts.update(item_ids("contact", ("updated", "created")))
    follow = select(FollowUp.id).join(Customer, Customer.id == FollowUp.customer_id)
    follow = follow.where(FollowUp.import_id == x, not_created)
    steps: list[Step] = [(f"restore_{e}", item_ids(e, ("updated",))) for e in RESTORABLE]
    steps += [
        ("contacts", sorted(contacts)),
        ("contract_rows", [0]),  # excel_undo_contracts: before the deals and customers
        ("deals", marked(Deal)),
        ("customers", marked(Customer)),
        ("follow_ups", list(session.scalars(follow.order_by(FollowUp.customer_id, FollowUp.id)))),
        ("users", item_ids("user", ("created",))),
    ]  # fmt: skip
    return [(name, ids) for name, ids in steps if ids]


def _step(undo: Undo, name: str, ids: list[int]) -> None:
    if name.startswith("restore_"):
        undo.restore(name.removeprefix("restore_"), ids)
    elif name == "contacts":
        undo.contacts(ids)
    elif name == "contract_rows":
        remove_contract_rows(undo)
    elif name == "deals":
        undo.remove_deals(ids)
    elif name == "customers":
        undo.remove_customers(ids)
    elif name == "follow_ups":
        undo.remove_follow_ups(ids)
    elif name == "users":
        undo.retire_users(ids)


def _done(imp: Import, actor: UserRow, now: datetime) -> None:
    imp.status, imp.undone_at, imp.undone_by_id = "undone", now, actor.id


def undo_import(session: Session, actor: UserRow, import_id: int, now: datetime) -> UndoResult:
    """Undo an import in one unit of work (module docstring): only its own user or an admin,
    once."""
    imp = _open(session, actor, import_id)
    imp.status = "undoing"
    undo = Undo(session, actor, import_id, now)
    with bulk_cache(session, session.get_bind().dialect.name):
        for name, ids in _plan(session, import_id):
            _step(undo, name, ids)
        undo.finish()
    _done(imp, actor, now)
    return UndoResult(undo.removed, undo.restored, undo.left)


def run_undo(
    db: Database,
    actor: UserRow,
    import_id: int,
    now: datetime,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> WriteResult[UndoResult]:
    """Undo an import in units of work (module docstring), with the change of them all.
    progress(done, total) counts the ids handled; cancelled() is asked between units: the
    result then has complete False, and the import stays "undoing" (run it again to finish).
    An error after some units likewise leaves them done and the import "undoing"."""

    def begin(session: Session) -> None:
        imp = _open(session, current_actor(session, actor.id), import_id)
        imp.status = "undoing"

    change = db.write(begin).change
    steps = db.read(lambda s: _plan(s, import_id))
    total = sum(len(ids) for name, ids in steps if name != "contract_rows")
    done = removed = restored = 0
    left: list[Left] = []

    def unit(session: Session, name: str, ids: list[int], last: bool):
        me = current_actor(session, actor.id)
        imp = _open(session, me, import_id)  # locked: one unit of one undo at a time
        undo = Undo(session, me, import_id, now)
        with bulk_cache(session, db.dialect):
            if name:
                _step(undo, name, ids)
            undo.finish()
        if last:
            _done(imp, me, now)
        return undo.removed, undo.restored, undo.left

    parts = [(name, part) for name, ids in steps for part in pieces(ids, UNIT)]
    for n, (name, part) in enumerate(parts):
        result = db.write(lambda s, name=name, part=part: unit(s, name, part, False))
        change = change | result.change
        removed, restored = removed + result.value[0], restored + result.value[1]
        left += result.value[2]
        done += 0 if name == "contract_rows" else len(part)  # a step without ids of its own
        if progress is not None:
            progress(done, total)
        if n < len(parts) - 1 and cancelled is not None and cancelled():
            return WriteResult(UndoResult(removed, restored, left, complete=False), change)
    change = change | db.write(lambda s: unit(s, "", [], True)).change
    return WriteResult(UndoResult(removed, restored, left), change)


__all__ = ["DONE", "list_imports", "may_undo", "run_undo", "shown_status", "undo_import"]
