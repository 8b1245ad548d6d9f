"""Writing a validated import plan (ARCHITECTURE §4): the import's record, its owners resolved
once, then the rows in chunks, each chunk one committed unit of work, progress reported and
cancel honoured between chunks; the record says how it ended (done, cancelled, failed) and
how far it got. Writers per kind (WRITERS) do a chunk's work; excel_deals.py's write_deals
plugs in for deals with the same signature:

    write(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome

A chunk's counts on the import's record are written in the chunk's own unit of work, so what
the record says is always what is in the database, even after a crash.
"""

from __future__ import annotations

import bisect
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from crmdesk.models import excel_derive
from crmdesk.models.changes import Change, WriteResult
from crmdesk.models.checks import TEXT_LIMIT, Checker
from crmdesk.models.database import Database
from crmdesk.models.dialects import prepare_import_lock, serialize_imports
from crmdesk.models.errors import CrmError, Interrupted, NotFound, PermissionDenied
from crmdesk.models.excel_context import (
    ApplyContext,
    ChunkOutcome,
    OwnerTable,
)
from crmdesk.models.excel_insert import bulk_cache, deferred_checkpoint
from crmdesk.models.excel_link import link_customers
from crmdesk.models.excel_owners import resolve_owners
from crmdesk.models.excel_types import (
    DUPLICATE_MODES,
    OWNER_MODES,
    UNKNOWN_OWNER,
    CellProblem,
    ImportOptions,
    ImportPlan,
    ImportResult,
    PlannedRow,
)
from crmdesk.models.policy import current_actor, may_import
from crmdesk.models.schema_imports import IMPORT_KINDS, Import
from crmdesk.models.users import UserRow

Writer = Callable[[ApplyContext, list[PlannedRow]], ChunkOutcome]
DEDUPE_KEYS = ("name", "phone", "email", "external_id", "number", "payment", "")
MAX_CHUNK = 20_000


def _write_customers(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    from crmdesk.models.excel_writers import write_customers

    return write_customers(ctx, rows)


def _write_contacts(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    from crmdesk.models.excel_writers import write_contacts

    return write_contacts(ctx, rows)


def _write_follow_ups(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    from crmdesk.models.excel_writers import write_follow_ups

    return write_follow_ups(ctx, rows)


WRITERS: dict[str, Writer] = {
    "customers": _write_customers,
    "contacts": _write_contacts,
    "follow_ups": _write_follow_ups,
}


def writer_for(kind: str) -> Writer:
    """The writer of a kind of import; deals', contracts' and payments' live in their own
    modules (imported when needed)."""
    if kind == "deals":
        from crmdesk.models.excel_deals import write_deals

        return write_deals
    if kind == "contracts":
        from crmdesk.models.excel_contracts import write_contracts

        return write_contracts
    if kind == "payments":
        from crmdesk.models.excel_payments import write_payments

        return write_payments
    return WRITERS[kind]


def check_options(options: ImportOptions, kind: str) -> ImportOptions:
    c = Checker()
    if not isinstance(options, ImportOptions):
        c.fail("options", "invalid")
        c.done()
    c.choice("kind", kind, IMPORT_KINDS)
    c.choice("dedupe_key", options.dedupe_key, DEDUPE_KEYS)
    c.choice("on_duplicate", options.on_duplicate, DUPLICATE_MODES)
    c.choice("owner_mode", options.owner_mode, OWNER_MODES)
    c.choice("unknown_owner", options.unknown_owner, UNKNOWN_OWNER)
    chunk = options.chunk
    if isinstance(chunk, bool) or not isinstance(chunk, int) or not 1 <= chunk <= MAX_CHUNK:
        c.fail("chunk", "out_of_range", MAX_CHUNK)
    if options.owner_mode == "pool" and not isinstance(options.pool_id, int):
        c.fail("pool_id", "required")
    c.done()
    return options


def check_pool_import(session: Session, actor: UserRow, pool_id: int) -> None:
    """Only admins and the pool's own admins fill a pool."""
    from crmdesk.models.pool import get_pool

    try:
        pool = get_pool(session, pool_id)
    except NotFound:
        raise NotFound(what="pool", id=pool_id) from None
    if not pool.is_admin(actor):
        raise PermissionDenied(action="import_pool", pool_id=pool_id)


def options_json(plan: ImportPlan, options: ImportOptions) -> str:
    """The choices and the mapping (excel_fields.mapping_to_json: by header text)."""
    from crmdesk.models.excel_fields import mapping_to_json

    data: dict[str, Any] = {
        "header_row": plan.header_row,
        "dedupe_key": options.dedupe_key,
        "on_duplicate": options.on_duplicate,
        "owner_mode": options.owner_mode,
        "pool_id": options.pool_id,
        "unknown_owner": options.unknown_owner,
        "create_customers": options.create_customers,
        "chunk": options.chunk,
        "mapping": json.loads(mapping_to_json(plan.mapping, plan.headers)),
    }
    text = json.dumps(data, ensure_ascii=False)
    if len(text) > TEXT_LIMIT:  # hundreds of long headers: the choices without the mapping
        del data["mapping"]
        text = json.dumps(data, ensure_ascii=False)
    return text


class _Stopped(Exception):
    """The import's record is no longer running (undone meanwhile): the chunk is rolled back."""


class _Tally:
    """The counts so far, over committed chunks."""

    def __init__(self, plan: ImportPlan) -> None:
        self.bad = sorted(plan.bad_rows)
        self.bad_codes = _first_codes(plan.problems)
        self.repeated = sorted(plan.skipped, key=lambda p: p.row)  # skipped within the file
        self.repeated_rows = [p.row for p in self.repeated]
        self.created = self.updated = 0
        self.skipped: list[CellProblem] = []
        self.failed: list[CellProblem] = []
        self.notes: list[CellProblem] = []  # of rows created or updated (ChunkOutcome.notes)
        self.left = sorted(plan.notes, key=lambda p: p.row)  # cells left empty (keep_rows)
        self.left_rows = [p.row for p in self.left]
        self.refused: set[int] = set()  # rows the writers skipped or failed
        self.assigned: dict[int, str] = {}  # ApplyContext.assigned of the rows written
        self.valid_done = 0
        self.last_row = 0  # the sheet row the committed chunks reached

    def add(self, outcome: ChunkOutcome, rows: list[PlannedRow], assigned: dict) -> None:
        refused = {p.row for p in outcome.skipped} | {p.row for p in outcome.failed}
        self.refused |= refused
        self.assigned.update((r, n) for r, n in assigned.items() if r not in refused)
        self.created += outcome.created
        self.updated += outcome.updated
        self.skipped += outcome.skipped
        self.failed += outcome.failed
        self.notes += outcome.notes
        self.valid_done += len(rows)
        if rows:
            self.last_row = max(self.last_row, rows[-1].row)

    def bad_done(self, finished: bool) -> list[int]:
        """The plan's bad rows the committed chunks have passed (all of them once finished)."""
        if finished:
            return self.bad
        return self.bad[: bisect.bisect_right(self.bad, self.last_row)]

    def repeated_done(self, finished: bool, last: int | None = None) -> list[CellProblem]:
        """The plan's rows skipped within the file that the committed chunks have passed."""
        if finished:
            return self.repeated
        at = self.last_row if last is None else last
        return self.repeated[: bisect.bisect_right(self.repeated_rows, at)]

    def left_done(self) -> list[CellProblem]:
        """The cells left empty of the rows the committed chunks wrote; a row the writer
        refused was not written: its bad cell is a problem of the row, not left empty."""
        done = self.left[: bisect.bisect_right(self.left_rows, self.last_row)]
        return [replace(p, left_empty=False) if p.row in self.refused else p for p in done]

    def values(self, finished: bool, extra: ChunkOutcome | None = None, rows=()) -> dict:
        created, updated = self.created, self.updated
        skipped, failed = len(self.skipped), len(self.failed)
        done = self.valid_done
        if extra is not None:
            created, updated = created + extra.created, updated + extra.updated
            skipped, failed = skipped + len(extra.skipped), failed + len(extra.failed)
            done += len(rows)
        last = max(rows[-1].row, self.last_row) if rows else self.last_row
        bad = self.bad if finished else self.bad[: bisect.bisect_right(self.bad, last)]
        repeated = len(self.repeated_done(finished, last))
        return {
            "rows_done": done + len(bad) + repeated,
            "created": created,
            "updated": updated,
            "skipped": skipped + repeated,
            "failed": failed + len(bad),
        }

    def reasons(self, finished: bool) -> dict[str, int]:
        passed = self.repeated_done(finished)
        counts: Counter[str] = Counter(p.code for p in self.skipped + self.failed + passed)
        counts.update(self.bad_codes.get(r, "invalid") for r in self.bad_done(finished))
        return dict(sorted(counts.items()))


def chunks(rows: list[PlannedRow], size: int, repeats: dict[int, int]) -> list[list[PlannedRow]]:
    """The rows in file order, `size` a chunk; a row repeating an earlier one (plan.repeats)
    starts a new chunk when a row of its key is in the current one, so that it finds, and
    updates, what the earlier chunk committed."""
    if not repeats:
        return [rows[begin : begin + size] for begin in range(0, len(rows), size)] or [[]]
    parts: list[list[PlannedRow]] = []
    part: list[PlannedRow] = []
    keys: set[int] = set()
    for row in rows:
        key = repeats.get(row.row, row.row)
        if len(part) >= size or key in keys:
            parts.append(part)
            part, keys = [], set()
        part.append(row)
        keys.add(key)
    parts.append(part)
    return parts


def _first_codes(problems: list[CellProblem]) -> dict[int, str]:
    codes: dict[int, str] = {}
    for p in problems:
        codes.setdefault(p.row, p.code)
    return codes


def run_import(
    db: Database,
    actor: UserRow,
    plan: ImportPlan,
    options: ImportOptions,
    now: datetime,
    *,
    file_name: str = "",
    sheet: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> WriteResult[ImportResult]:
    """apply() with the change all its chunks made (for the workspace's WriteResult)."""
    began = time.monotonic()
    options = check_options(options, plan.kind)
    writer = writer_for(plan.kind)
    c = Checker()
    file_name = c.text("file_name", file_name[-260:], Import.file_name)
    sheet = c.text("sheet", sheet[:100], Import.sheet)
    c.done()

    prepare_import_lock(db)

    def start(session: Session) -> tuple[int, dict[str, int], OwnerTable]:
        serialize_imports(session, db.dialect)  # users it creates: one importer at a time
        me = current_actor(session, actor.id)
        if not may_import(me, plan.kind):
            raise PermissionDenied(action="import", kind=plan.kind)
        if options.owner_mode == "pool":
            check_pool_import(session, me, options.pool_id)
        import_id = session.execute(
            insert(Import).values(
                kind=plan.kind,
                file_name=file_name,
                sheet=sheet,
                actor_id=me.id,
                started_at=now,
                status="running",
                rows_total=plan.total,
                rows_done=0,
                created=0,
                updated=0,
                skipped=0,
                failed=0,
                reasons="",
                options=options_json(plan, options),
            )
        ).inserted_primary_key[0]
        owners, table = resolve_owners(session, me, plan, options, import_id, now)
        return import_id, owners, table

    first = db.write(start)
    import_id, owners, table = first.value
    change = first.change
    tally = _Tally(plan)
    outcome_assigned: list[dict] = [{}]  # the last chunk's ApplyContext.assigned
    rows = plan.rows
    size = options.chunk

    def chunk_unit(session: Session, part: list[PlannedRow], finished: bool, derived: dict):
        # First, before anything is read: another importer's chunk (the same file on another
        # desktop) commits before this one looks for duplicates.
        serialize_imports(session, db.dialect)
        me = current_actor(session, actor.id)
        ctx = ApplyContext(session, me, now, import_id, options, plan, db.dialect, owners, table)
        ctx.derived = derived
        with deferred_checkpoint(session, db.dialect), bulk_cache(session, db.dialect):
            outcome = writer(ctx, part)
        ctx.flush_items()
        outcome_assigned[0] = ctx.assigned
        values = tally.values(finished, outcome, part)
        done = session.execute(
            update(Import)
            .where(Import.id == import_id, Import.status == "running")
            .values(**values)
        )
        if done.rowcount != 1:
            raise _Stopped()
        return outcome

    def finish(status: str) -> ImportResult:
        finished = status == "done"
        values = tally.values(finished)
        reasons = tally.reasons(finished)

        def close(session: Session) -> None:
            session.execute(
                update(Import)
                .where(Import.id == import_id, Import.status == "running")
                .values(
                    status=status,
                    finished_at=now,
                    reasons=json.dumps(reasons, ensure_ascii=False),
                    **values,
                )
            )

        db.write(close)
        bad = set(tally.bad_done(finished))
        problems = [p for p in plan.problems if p.row in bad] + tally.skipped + tally.failed
        left = tally.left_done()
        problems += tally.repeated_done(finished) + tally.notes + left
        problems.sort(key=lambda p: p.row)
        return ImportResult(
            import_id=import_id,
            status=status,
            rows_total=plan.total,
            rows_done=values["rows_done"],
            created=values["created"],
            updated=values["updated"],
            skipped=values["skipped"],
            failed=values["failed"],
            reasons=reasons,
            problems=problems,
            seconds=time.monotonic() - began,
            assigned_to_you=len(tally.assigned),
            unknown_owners=tuple(sorted(set(tally.assigned.values()), key=str.lower)),
            users_created=table.created,
            left_empty=dict(sorted(Counter(p.code for p in left if p.left_empty).items())),
        )

    parts = chunks(rows, size, plan.repeats)
    ahead = None
    if plan.kind == "customers" and len(rows) >= excel_derive.PREFETCH_FROM:
        ahead = excel_derive.Prefetch(parts, db.dialect)
    try:
        for n, part in enumerate(parts):
            finished = n == len(parts) - 1
            derived = ahead.get(n) if ahead is not None else {}
            try:  # long: this program's saves (the window stays usable) go first
                result = db.write(
                    lambda s, part=part, fin=finished, d=derived: chunk_unit(s, part, fin, d),
                    long=True,
                )
            except _Stopped:
                return WriteResult(finish("cancelled"), change)
            except BaseException as exc:
                partial = WriteResult(finish("failed"), change)
                if isinstance(exc, CrmError) and n > 0:
                    raise Interrupted(exc, partial) from exc
                raise
            tally.add(result.value, part, outcome_assigned[0])
            change = change | result.change
            if progress is not None:
                progress(tally.values(finished)["rows_done"], plan.total)
            if not finished and cancelled is not None and cancelled():
                return WriteResult(finish("cancelled"), change)
        return WriteResult(finish("done"), change)
    finally:
        if ahead is not None:
            ahead.close()


def apply(
    db: Database,
    actor: UserRow,
    plan: ImportPlan,
    options: ImportOptions,
    now: datetime,
    *,
    file_name: str = "",
    sheet: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Write the plan's rows (module docstring). A failure after some chunks were committed
    leaves them, marks the import failed and raises Interrupted (its cause the error, its
    partial the result so far); a failure in the first chunk raises the error itself."""
    return run_import(
        db,
        actor,
        plan,
        options,
        now,
        file_name=file_name,
        sheet=sheet,
        progress=progress,
        cancelled=cancelled,
    ).value


__all__ = [
    "WRITERS",
    "ApplyContext",
    "Change",
    "ChunkOutcome",
    "apply",
    "link_customers",
    "run_import",
    "writer_for",
]
