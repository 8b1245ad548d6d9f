"""The deals importer's writer (issue 11, "Deals from another CRM"): a plan's deal rows into
deals, their one product line and their stage history (excel_deal_rules.py: created, moved
through the open stages, won or lost, each marked imported), a chunk at a time in
excel_apply's unit of work; re-imports found by the deal's external id.

Rows go in set-based: one INSERT … executemany a table (raw sqlite3 on SQLite, as
demo_deals), no ORM object a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Date, DateTime, Numeric, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from crmdesk.models.analytics_backfill import history_facts
from crmdesk.models.changes import record
from crmdesk.models.excel_context import ApplyContext, ChunkOutcome
from crmdesk.models.excel_deal_rules import (
    LOST_CODE,
    DealMoney,
    StagePlace,
    deal_money,
    deal_notes,
    deal_times,
    find_stage,
    pick,
    product_index,
    stage_history,
    stage_lookup,
)
from crmdesk.models.excel_link import link_customers
from crmdesk.models.excel_types import CellProblem, PlannedRow
from crmdesk.models.pipeline import PipelineRow, StageRow, list_pipelines
from crmdesk.models.policy import may_edit
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_deals import Deal, DealLine, DealMove, Product

# ---------------------------------------------------------------- writing

# What fill and overwrite may set on a deal found by its external id. Neither moves it between
# stages nor changes its customer or lines: those are history and the deal's own screens'.
UPDATABLE = ("title", "amount", "amount_manual", "probability", "expected_close", "source",
             "notes", "lost_text", "owner_id", "team_id")  # fmt: skip
_DEAL_COLS = ("id", "customer_id", "title", "amount", "amount_manual", "probability",
              "currency", "owner_id", "team_id", "pipeline_id", "stage_id", "status",
              "expected_close", "source", "competitor", "notes", "external_id", "created_at",
              "created_by_id", "updated_at", "updated_by_id", "stage_entered_at", "closed_at",
              "lost_code", "lost_text", "version", "import_id", "reached_stage_id")  # fmt: skip
_LINE_COLS = ("deal_id", "position", "product_id", "name", "quantity", "unit_price", "discount")
_MOVE_COLS = ("deal_id", "kind", "from_stage_id", "to_stage_id", "at", "actor_id", "comment",
              "answers", "stage_seconds", "deal_created_at")  # fmt: skip
_IN = 500  # ids or keys an IN list carries


@dataclass
class _Row:
    """A plan row on its way in: where it goes and what it costs."""

    row: PlannedRow
    pipeline: PipelineRow
    stage: StageRow
    money: DealMoney
    owner_id: int | None = None


class _Chunk:
    """One call's state: the outcome so far and the lookups of the chunk."""

    def __init__(self, ctx: ApplyContext) -> None:
        self.ctx = ctx
        self.session: Session = ctx.session
        self.failed: list[CellProblem] = []
        self.skipped: list[CellProblem] = []
        self.customer_ids: set[int] = set()
        self.updated = 0

    def problem(self, row: PlannedRow, key: str, code: str, value: Any = None) -> CellProblem:
        return self.ctx.problem(row, code, key, value)

    def fail(self, row: PlannedRow, key: str, code: str, value: Any = None) -> None:
        self.failed.append(self.problem(row, key, code, value))

    def skip(self, row: PlannedRow, key: str, code: str, value: Any = None) -> None:
        self.skipped.append(self.problem(row, key, code, value))


def _prepare(chunk: _Chunk, rows: list[PlannedRow]) -> list[_Row]:
    """Each row's stage and money; rows with an unknown stage or a bad amount fail."""
    session = chunk.session
    by_stage = {s.id: (p, s) for p in list_pipelines(session) for s in p.stages}
    lookup = stage_lookup(chunk.ctx.plan.mapping.stages)
    products = product_index(
        session.execute(
            select(Product.id, Product.code, Product.name, Product.list_price, Product.active)
        ).all()
    )
    ready = []
    for row in rows:
        found = by_stage.get(find_stage(lookup, row.values.get("stage")))
        if found is None:
            chunk.fail(row, "stage", "unknown_stage")
            continue
        try:
            money = deal_money(pick(row.values, "amount"), pick(row.values, "product"), products)
        except ValueError as exc:
            chunk.fail(row, "amount", str(exc))
            continue
        ready.append(_Row(row, found[0], found[1], money))
    return ready


def _existing(session: Session, keys: list[str], lock: bool) -> dict[str, Any]:
    """Live deals by external id (the oldest of several); locked, after their customers' rows
    as every deal write takes them (deal_moves.lock_deal_row), when they are to be changed."""
    found: dict[str, Any] = {}
    cols = (Deal.id, Deal.external_id, Deal.customer_id, Deal.owner_id, Deal.team_id,
            Deal.status, Deal.version, Deal.import_id, Deal.awaiting_stage_id,
            *(getattr(Deal, k) for k in UPDATABLE
            if k not in ("owner_id", "team_id")))  # fmt: skip
    for i in range(0, len(keys), _IN):
        part = keys[i : i + _IN]
        live = (Deal.external_id.in_(part), Deal.deleted_at.is_(None))
        if lock:
            customers = select(Deal.customer_id).where(*live).distinct()
            session.execute(
                select(Customer.id)
                .where(Customer.id.in_(customers))
                .order_by(Customer.id)
                .with_for_update()
            ).all()
        stmt = select(*cols).where(*live).order_by(Deal.id)
        for deal in session.execute(stmt.with_for_update() if lock else stmt):
            found.setdefault(deal.external_id, deal)
    return found


def _changes(item: _Row, deal: Any, mode: str, notes: str) -> dict[str, Any]:
    """What fill (empty fields only) or overwrite (every field the row has a value for: an
    empty cell clears nothing) changes of a found deal, as {column: new value}."""
    v, money = item.row.values, item.money
    given: dict[str, Any] = {"title": pick(v, "title"), "expected_close": _day(v), "source":
                             pick(v, "source"), "notes": notes or None,
                             "probability": v.get("probability")}  # fmt: skip
    if pick(v, "amount") is not None or money.line is not None:
        given["amount"] = money.amount
    if deal.status == "lost":
        given["lost_text"] = pick(v, "lost_reason")
    # empty: what fill may fill in (a deal without its own probability takes its stage's)
    empty = {"title": "", "expected_close": None, "source": "", "notes": "", "lost_text": "",
             "probability": None}  # fmt: skip
    changes: dict[str, Any] = {}
    for key, value in given.items():
        if value is None or value == getattr(deal, key):
            continue
        if key == "amount":
            if mode == "fill" and deal.amount != 0:
                continue
            changes["amount"], changes["amount_manual"] = value, True
        elif mode == "overwrite" or getattr(deal, key) == empty[key]:
            changes[key] = value
    if "amount_manual" in changes and deal.amount_manual:
        del changes["amount_manual"]
    return changes


def _day(values: dict[str, Any]) -> date | None:
    day = pick(values, "close_date")
    return day.date() if isinstance(day, datetime) else day


def _update(chunk: _Chunk, items: list[_Row], mode: str) -> list[_Row]:
    """Fill or overwrite the deals the rows' external ids find (mode skip: skip them); the rows
    left to create."""
    ctx, session = chunk.ctx, chunk.session
    keys = sorted({str(i.row.values["external_id"]) for i in items
                   if pick(i.row.values, "external_id") is not None})  # fmt: skip
    found = _existing(session, keys, lock=mode != "skip") if keys else {}
    creates, updates, first = [], [], {}
    for item in items:
        key = pick(item.row.values, "external_id")
        key = None if key is None else str(key)
        if key is not None and key in first:
            chunk.fail(item.row, "external_id", "duplicate_in_file", str(first[key]))
            continue
        if key is not None:
            first[key] = item.row.row
        deal = found.get(key) if key is not None else None
        if deal is None:
            creates.append(item)
            continue
        if mode == "skip" or deal.import_id == ctx.import_id:
            chunk.skip(item.row, "external_id", "exists")
            continue
        if not may_edit(ctx.actor, deal.owner_id, deal.team_id):
            chunk.skip(item.row, "external_id", "not_yours")
            continue
        changes = _changes(item, deal, mode, deal_notes(pick(item.row.values, "notes"),
                                                        item.money.note))  # fmt: skip
        if mode == "overwrite" and ctx.options.owner_mode == "column":
            if pick(item.row.values, "owner") is not None:
                owner_id, problem = ctx.owner_for(item.row)
                if problem is not None:
                    chunk.failed.append(problem)
                    continue
                if owner_id is not None and owner_id != deal.owner_id:
                    changes["owner_id"] = owner_id
        if not changes:
            chunk.skip(item.row, "external_id", "exists")
            continue
        if "amount" in changes and deal.awaiting_stage_id is not None:
            # a manager is deciding on these terms (deals.update_deal refuses it too)
            chunk.skip(item.row, "amount", "awaiting_approval")
            continue
        updates.append((deal, changes))
    if updates:
        _write_updates(chunk, updates)
    return creates


def _teams(session: Session, user_ids: set[int]) -> dict[int, int | None]:
    ids = sorted(user_ids)
    teams: dict[int, int | None] = {}
    for i in range(0, len(ids), _IN):
        stmt = select(User.id, User.team_id).where(User.id.in_(ids[i : i + _IN]))
        teams.update((uid, team) for uid, team in session.execute(stmt))
    return teams


def _write_updates(chunk: _Chunk, updates: list[tuple[Any, dict[str, Any]]]) -> None:
    ctx, session = chunk.ctx, chunk.session
    owners = {c["owner_id"] for _d, c in updates if "owner_id" in c}
    teams = _teams(session, owners) if owners else {}
    table = Deal.__table__
    values = {k: bindparam(f"b_{k}") for k in UPDATABLE}
    values |= {"updated_at": ctx.now, "updated_by_id": ctx.actor.id,
               "version": bindparam("b_version")}  # fmt: skip
    stmt = update(table).where(table.c.id == bindparam("b_id")).values(values)
    params = []
    for deal, changes in updates:
        if "owner_id" in changes:
            changes["team_id"] = teams.get(changes["owner_id"])
        before = {k: getattr(deal, k) for k in changes}
        values = {k: changes.get(k, getattr(deal, k)) for k in UPDATABLE}
        params.append({f"b_{k}": v for k, v in values.items()}
                      | {"b_id": deal.id, "b_version": deal.version + 1})  # fmt: skip
        ctx.updated("deal", deal.id, before, deal.version + 1)
        chunk.customer_ids.add(deal.customer_id)
    session.execute(stmt, params)
    chunk.updated += len(updates)


@lru_cache(maxsize=4096)  # a chunk's moves share their deals' few moments
def _moment(value: datetime | None) -> str | None:
    return None if value is None else f"{value:%Y-%m-%d %H:%M:%S.%f}"


def _day_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _real(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _stored(table, cols: tuple[str, ...]) -> list:
    """Per column, how SQLAlchemy itself writes its values into SQLite (None: as they are)."""
    out: list = []
    for col in cols:
        kind = table.c[col].type
        out.append(_moment if isinstance(kind, DateTime) else _day_text if isinstance(kind, Date)
                   else _real if isinstance(kind, Numeric) else None)  # fmt: skip
    return out


def _insert(session: Session, table, cols: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if session.get_bind().dialect.name == "sqlite":
        # Raw executemany in the unit of work's transaction, as demo_deals: ~2.5x Core's speed.
        plain = [(c, f) for c, f in zip(cols, _stored(table, cols), strict=True)]
        cursor = session.connection().connection.driver_connection.cursor()
        marks = ",".join("?" * len(cols))
        cursor.executemany(
            f"INSERT INTO {table.name}({','.join(cols)}) VALUES({marks})",
            [tuple(r[c] if f is None else f(r[c]) for c, f in plain) for r in rows],
        )
        cursor.close()
        return
    session.execute(insert(table), [{c: r[c] for c in cols} for r in rows])


def _insert_deals(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """The deals' new ids, in the rows' order. SQLite: ids handed out from the largest (the unit
    of work holds the database's write lock from its BEGIN IMMEDIATE); the servers give theirs
    back through INSERT … RETURNING, many rows a statement."""
    table = Deal.__table__
    if session.get_bind().dialect.name == "sqlite":
        start = (session.scalar(select(func.max(Deal.id))) or 0) + 1
        for i, row in enumerate(rows):
            row["id"] = start + i
        _insert(session, table, _DEAL_COLS, rows)
        return [row["id"] for row in rows]
    cols = [c for c in _DEAL_COLS if c != "id"]
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.scalars(stmt, [{c: r[c] for c in cols} for r in rows]))


def _facts(history: list[dict[str, Any]], places: list[StagePlace], created_at) -> int | None:
    """The deal's reached stage; each move's stage_seconds and deal_created_at set
    (analytics_backfill's meaning, from the same function the backfill uses)."""
    positions = {p.id: (p.position, p.kind) for p in places}
    reached, seconds = history_facts(
        [(m["kind"], m["to_stage_id"], m["at"], i) for i, m in enumerate(history)], positions
    )
    for i, move in enumerate(history):
        move["stage_seconds"] = seconds.get(i)
        move["deal_created_at"] = None if seconds.get(i) is None else created_at
    return reached


def _create(chunk: _Chunk, items: list[_Row]) -> int:
    """Insert the rows' deals with their lines and histories; how many."""
    ctx, session = chunk.ctx, chunk.session
    owned = []
    for item in items:
        owner_id, problem = ctx.owner_for(item.row)
        if problem is not None:
            chunk.failed.append(problem)
            continue
        item.owner_id = ctx.actor.id if owner_id is None else owner_id
        owned.append(item)
    if not owned:
        return 0
    links, problems = link_customers(ctx, [i.row for i in owned])
    chunk.failed += problems
    failed = {p.row for p in problems}
    teams = _teams(session, {i.owner_id for i in owned})
    deals, lines, moves, won = [], [], [], set()
    shapes: dict[int, list[StagePlace]] = {}
    for item in owned:
        v = item.row.values
        customer_id = links.get(item.row.row)
        if customer_id is None:
            if item.row.row not in failed:
                chunk.fail(item.row, "customer", "unknown_customer")
            continue
        stage, money = item.stage, item.money
        times = deal_times(stage.kind, pick(v, "created_at"), _day(v), ctx.now)
        status = stage.kind
        deals.append({
            "customer_id": customer_id, "title": v["title"], "amount": money.amount,
            "amount_manual": money.amount_manual, "probability": v.get("probability"),
            "currency": "CNY", "owner_id": item.owner_id,
            "team_id": teams.get(item.owner_id), "pipeline_id": item.pipeline.id,
            "stage_id": stage.id, "status": status, "expected_close": times.expected_close,
            "source": pick(v, "source") or "", "competitor": "",
            "notes": deal_notes(pick(v, "notes"), money.note),
            "external_id": str(pick(v, "external_id") or ""), "created_at": times.created_at,
            "created_by_id": ctx.actor.id, "updated_at": ctx.now, "updated_by_id": ctx.actor.id,
            "stage_entered_at": times.stage_entered_at, "closed_at": times.closed_at,
            "lost_code": LOST_CODE if status == "lost" else "",
            "lost_text": (pick(v, "lost_reason") or "") if status == "lost" else "",
            "version": 1, "import_id": ctx.import_id,
        })  # fmt: skip
        lines.append(money.line)
        places = shapes.get(item.pipeline.id)
        if places is None:
            places = shapes[item.pipeline.id] = [
                StagePlace(s.id, s.position, s.kind) for s in item.pipeline.stages
            ]
        history = stage_history(places, stage.id, times.created_at, times.closed_at,
                                ctx.actor.id)  # fmt: skip
        deals[-1]["reached_stage_id"] = _facts(history, places, times.created_at)
        moves.append(history)
        chunk.customer_ids.add(customer_id)
        if status == "won":
            won.add(customer_id)
    if not deals:
        return 0
    ids = _insert_deals(session, deals)
    _insert(
        session,
        DealLine.__table__,
        _LINE_COLS,
        [line | {"deal_id": i} for i, line in zip(ids, lines, strict=True) if line],
    )
    _insert(session, DealMove.__table__, _MOVE_COLS,
            [m | {"deal_id": i} for i, history in zip(ids, moves, strict=True)
             for m in history])  # fmt: skip
    if won:
        _customers_won(chunk, sorted(won))
    return len(ids)


def _customers_won(chunk: _Chunk, customer_ids: list[int]) -> None:
    """A won deal makes its customer a customer (成交客户), as deal_moves does. One this import
    made keeps its version 1 (an undo removes it with its deals); another's change is recorded
    for the undo with its status before."""
    ctx, session = chunk.ctx, chunk.session
    for i in range(0, len(customer_ids), _IN):
        part = customer_ids[i : i + _IN]
        rows = session.execute(
            select(Customer.id, Customer.status, Customer.version, Customer.import_id)
            .where(Customer.id.in_(part), Customer.status != "customer")
            .order_by(Customer.id)
            .with_for_update()
        ).all()
        fresh = [r.id for r in rows if r.import_id is not None and r.import_id == ctx.import_id]
        older = [r for r in rows if r.id not in set(fresh)]
        if fresh:
            session.execute(
                update(Customer).where(Customer.id.in_(fresh)).values(status="customer"),
                execution_options={"synchronize_session": False},
            )
        if older:
            session.execute(
                update(Customer)
                .where(Customer.id.in_([r.id for r in older]))
                .values(status="customer", updated_at=ctx.now, updated_by_id=ctx.actor.id,
                        version=Customer.version + 1),
                execution_options={"synchronize_session": False},
            )  # fmt: skip
            for r in older:
                ctx.updated("customer", r.id, {"status": r.status}, r.version + 1)
            record(session, "edited", [r.id for r in older])


def write_deals(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    """Write a chunk of a deals import's rows in ctx's unit of work (excel_apply.apply calls it
    for kind "deals"): a row whose external id finds a live deal is skipped ("exists"), fills
    its empty fields or overwrites them by options.on_duplicate (a deal the actor may not edit:
    skipped "not_yours"); the others become deals of their customer (linked by its external id
    or name, made when options.create_customers), owned per the owner options, in the stage the
    plan's stage map gives, with a line for a known product and the history described above.
    Dedupe is off with on_duplicate "create" or dedupe_key "". The outcome's customer_ids are
    the deals' customers (the change recorded as "deals")."""
    chunk = _Chunk(ctx)
    items = _prepare(chunk, rows)
    mode = ctx.options.on_duplicate
    if mode != "create" and ctx.options.dedupe_key:
        items = _update(chunk, items, mode)
    created = _create(chunk, items)
    if chunk.customer_ids:
        record(chunk.session, "deals", sorted(chunk.customer_ids))
    return ChunkOutcome(
        created=created,
        updated=chunk.updated,
        skipped=chunk.skipped,
        failed=chunk.failed,
        customer_ids=chunk.customer_ids,
    )
