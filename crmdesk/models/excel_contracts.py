"""The contracts importer's writer (issue 11: "contracts and payments too"): a plan's contract
rows into contracts, each with a payment plan of one instalment, a chunk at a time in
excel_apply's unit of work; re-imports found by the contract's number.

A number in the file is kept (numbers are unique for good: a contract in the recycle bin keeps
its own); a row without one is numbered as contracts.create_contract numbers them (the admin's
pattern on the signing day). The customer is linked as deals' are (excel_link.link_customers:
by external id, else by exact name, made when the import may); the deal, optional, is one of
that customer's by external id, else by title.

Rows go in set-based (one INSERT … executemany a table, ids back through RETURNING), no ORM
object a row; the customers' rows are locked before the contracts', the order every contract
write keeps (contracts.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from crmdesk.models.changes import record
from crmdesk.models.contract_numbers import contract_settings, next_number
from crmdesk.models.contract_rules import approval_reason
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.excel_context import ApplyContext, ChunkOutcome
from crmdesk.models.excel_link import link_customers, pieces
from crmdesk.models.excel_types import CellProblem, PlannedRow
from crmdesk.models.policy import may_edit_contract
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_contracts import Contract, ContractEvent, Instalment
from crmdesk.models.schema_deals import Deal
from crmdesk.models.today import local_day

ZERO = Decimal("0.00")
# What fill and overwrite may set on a contract found by its number. Neither its amount nor its
# status nor its owner: those are bound to its plan, payments, approvals and the reps' figures,
# and change through the contract's own dialog.
UPDATABLE = ("title", "deal_id", "signed_on", "starts_on", "ends_on", "notes")
_EMPTY = {"title": "", "deal_id": None, "signed_on": None, "starts_on": None, "ends_on": None,
          "notes": ""}  # fmt: skip
# Statuses an approval stands before (contract_status.set_status: activating above the limits).
_APPROVED = ("active", "completed")


def import_status(values: dict[str, Any]) -> str:
    """The row's status: the file's, else active when it has a signing day (a contract another
    system exports with the day it was signed is in force), else a draft."""
    return values.get("status") or ("active" if values.get("signed_on") else "draft")


def plan_due(values: dict[str, Any], today: date) -> date:
    """When the one instalment of an imported contract falls due.

    Another system's export has the contract's amount but no payment plan; crmdesk needs one
    (a signed contract's plan adds up to its amount: set_status and every edit keep it so, and
    payments are placed on it). The whole amount as one instalment due on the contract's end
    day is what an office user reading the receivables afterwards expects: a contract running
    its course is not shown overdue on the day it is imported (due on the signing day, every
    imported contract not fully paid would be), while one past its end with money unpaid is -
    which is true. Without an end day: the signing day, the start day, else the import's day.
    The plan is the contract's own to split later in its dialog."""
    for key in ("ends_on", "signed_on", "starts_on"):
        if values.get(key) is not None:
            return values[key]
    return today


@dataclass
class _Row:
    row: PlannedRow
    status: str
    number: str  # "" to be numbered
    owner_id: int | None = None
    customer_id: int | None = None
    deal_id: int | None = None


class _Chunk:
    def __init__(self, ctx: ApplyContext) -> None:
        self.ctx, self.session = ctx, ctx.session
        self.failed: list[CellProblem] = []
        self.skipped: list[CellProblem] = []
        self.customer_ids: set[int] = set()
        self.created = self.updated = 0

    def fail(self, row: PlannedRow, key: str, code: str, value: Any = None) -> None:
        self.failed.append(self.ctx.problem(row, code, key, value))

    def skip(self, row: PlannedRow, key: str, code: str) -> None:
        self.skipped.append(self.ctx.problem(row, code, key))


def _prepare(chunk: _Chunk, rows: list[PlannedRow]) -> list[_Row]:
    """The rows whose own values make a contract: ends before it starts, signed without a
    signing day, or (for all but admins) signed above the approval limits fail."""
    ctx = chunk.ctx
    settings = None if ctx.actor.is_admin else contract_settings(chunk.session)
    ready = []
    for row in rows:
        v = row.values
        status = import_status(v)
        if v.get("starts_on") and v.get("ends_on") and v["ends_on"] < v["starts_on"]:
            chunk.fail(row, "ends_on", "before_start")
            continue
        if status != "draft" and v.get("signed_on") is None:
            chunk.fail(row, "signed_on", "required")
            continue
        amount = v.get("amount", ZERO)
        if amount < 0:  # validate's code for it too (the preview and the run agree)
            chunk.fail(row, "amount", "negative_amount")
            continue
        if settings is not None and status in _APPROVED and approval_reason(amount, (), settings):
            # A manager approves activating such a contract (contract_status.set_status): a
            # rep's import does not make it active behind their back.
            chunk.fail(row, "amount", "needs_approval")
            continue
        number = str(v.get("number") or "").strip()
        ready.append(_Row(row, status, number))
    return ready


def _taken(session: Session, numbers: list[str], lock: bool) -> dict[str, Any]:
    """Contracts (deleted ones too: their numbers stay taken) by number, case-folded (MariaDB
    compares numbers so): locked after their customers when they are to be changed."""
    found: dict[str, Any] = {}
    cols = (Contract.id, Contract.number, Contract.customer_id, Contract.owner_id,
            Contract.team_id, Contract.deleted_at, Contract.version, Contract.import_id,
            *(getattr(Contract, k) for k in UPDATABLE))  # fmt: skip
    for part in pieces(numbers):
        if lock:
            customers = select(Contract.customer_id).where(Contract.number.in_(part))
            session.execute(
                select(Customer.id)
                .where(Customer.id.in_(customers.distinct()))
                .order_by(Customer.id)
                .with_for_update()
            ).all()
        stmt = select(*cols).where(Contract.number.in_(part)).order_by(Contract.id)
        for r in session.execute(stmt.with_for_update() if lock else stmt):
            found.setdefault(r.number.casefold(), r)
    return found


def _split(chunk: _Chunk, items: list[_Row]) -> list[_Row]:
    """Rows whose number a contract has: skipped, filled or overwritten by the mode (dedupe by
    number), else failed "number_taken" (the number stays that contract's); the rest, to
    create. A number repeated in the chunk (dedupe off): "duplicate_in_file"."""
    ctx = chunk.ctx
    mode = ctx.options.on_duplicate
    dedupe = ctx.options.dedupe_key == "number" and mode != "create"
    numbers = sorted({i.number for i in items if i.number})
    found = _taken(chunk.session, numbers, lock=dedupe and mode != "skip") if numbers else {}
    first: dict[str, int] = {}
    creates, updates = [], []
    for item in items:
        key = item.number.casefold()
        if not key:
            creates.append(item)
            continue
        if key in first:
            chunk.fail(item.row, "number", "duplicate_in_file", str(first[key]))
            continue
        first[key] = item.row.row
        contract = found.get(key)
        if contract is None:
            creates.append(item)
        elif not dedupe:
            chunk.fail(item.row, "number", "number_taken")
        elif (mode == "skip" or contract.import_id == ctx.import_id
              or contract.deleted_at is not None):  # fmt: skip
            chunk.skip(item.row, "number", "exists")
        elif not may_edit_contract(ctx.actor, contract.owner_id, contract.team_id):
            chunk.skip(item.row, "number", "not_yours")
        else:
            updates.append((item, contract))
    if updates:
        _update(chunk, updates, mode)
    return creates


def _find_deals(session: Session, wanted: set[tuple[int, str]]) -> dict[tuple[int, str], Any]:
    """(customer id, the file's deal text) → a live deal id of that customer whose external id
    is the text, else whose title is; "ambiguous_deal" for several titles, None for none."""
    texts = sorted({t for _c, t in wanted})
    customers = sorted({c for c, _t in wanted})
    by_ext: dict[tuple[int, str], list[int]] = {}
    by_title: dict[tuple[int, str], list[int]] = {}
    for cpart in pieces(customers):
        for tpart in pieces(texts):
            stmt = select(Deal.id, Deal.customer_id, Deal.external_id, Deal.title).where(
                Deal.customer_id.in_(cpart), Deal.deleted_at.is_(None),
                or_(Deal.external_id.in_(tpart), Deal.title.in_(tpart)),
            )  # fmt: skip
            for did, cid, ext, title in session.execute(stmt.order_by(Deal.id)):
                by_ext.setdefault((cid, ext), []).append(did)
                by_title.setdefault((cid, title), []).append(did)
    out: dict[tuple[int, str], Any] = {}
    for key in wanted:  # exact: MariaDB's collation ignores case
        ids = by_ext.get(key) or by_title.get(key) or []
        out[key] = ids[0] if len(ids) == 1 else "ambiguous_deal" if ids else None
    return out


def _deal_of(chunk: _Chunk, item: _Row, deals: dict) -> bool:
    """item.deal_id from the row's deal text (none given: None); False when it fails."""
    text = item.row.values.get("deal")
    if not text:
        return True
    found = deals.get((item.customer_id, str(text).strip()))
    if isinstance(found, int):
        item.deal_id = found
        return True
    chunk.fail(item.row, "deal", found or "unknown_deal")
    return False


def _update(chunk: _Chunk, updates: list[tuple[_Row, Any]], mode: str) -> None:
    ctx, session = chunk.ctx, chunk.session
    wanted = {(c.customer_id, str(i.row.values["deal"]).strip()) for i, c in updates
              if i.row.values.get("deal")}  # fmt: skip
    deals = _find_deals(session, wanted) if wanted else {}
    table = Contract.__table__
    stmt = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values({k: bindparam(f"b_{k}") for k in UPDATABLE}
                | {"updated_at": ctx.now, "updated_by_id": ctx.actor.id,
                   "version": bindparam("b_version")})
    )  # fmt: skip
    params = []
    for item, contract in updates:
        v = item.row.values
        item.customer_id = contract.customer_id
        if not _deal_of(chunk, item, deals):
            continue
        given = {"title": v.get("title"), "deal_id": item.deal_id, "signed_on": v.get("signed_on"),
                 "starts_on": v.get("starts_on"), "ends_on": v.get("ends_on"),
                 "notes": v.get("notes")}  # fmt: skip
        changes = {
            k: value
            for k, value in given.items()
            if value is not None
            and value != getattr(contract, k)
            and (mode == "overwrite" or getattr(contract, k) == _EMPTY[k])
        }
        if not changes:
            chunk.skip(item.row, "number", "exists")
            continue
        after = {k: changes.get(k, getattr(contract, k)) for k in UPDATABLE}
        if after["starts_on"] and after["ends_on"] and after["ends_on"] < after["starts_on"]:
            chunk.fail(item.row, "ends_on", "before_start")
            continue
        params.append({f"b_{k}": value for k, value in after.items()}
                      | {"b_id": contract.id, "b_version": contract.version + 1})  # fmt: skip
        ctx.updated("contract", contract.id, {k: getattr(contract, k) for k in changes},
                    contract.version + 1)  # fmt: skip
        chunk.customer_ids.add(contract.customer_id)
    if params:
        session.execute(stmt, params)
        chunk.updated += len(params)


def _teams(session: Session, user_ids: set[int]) -> dict[int, int | None]:
    teams: dict[int, int | None] = {}
    for part in pieces(sorted(user_ids)):
        teams.update(session.execute(select(User.id, User.team_id).where(User.id.in_(part))).all())
    return teams


def _insert(session: Session, table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert many rows; their new ids in the rows' order."""
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.scalars(stmt, rows))


def _create(chunk: _Chunk, items: list[_Row]) -> None:
    """The new contracts, their plans and their histories (chunk.created counts them)."""
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
        return
    links, problems = link_customers(ctx, [i.row for i in owned])
    chunk.failed += problems
    linked = []
    for item in owned:
        item.customer_id = links.get(item.row.row)
        if item.customer_id is not None:
            linked.append(item)
        elif not any(p.row == item.row.row for p in problems):
            chunk.fail(item.row, "customer", "unknown_customer")
    wanted = {(i.customer_id, str(i.row.values["deal"]).strip()) for i in linked
              if i.row.values.get("deal")}  # fmt: skip
    deals = _find_deals(session, wanted) if wanted else {}
    ready = [i for i in linked if _deal_of(chunk, i, deals)]
    if not ready:
        return
    teams = _teams(session, {i.owner_id for i in ready})
    today = local_day(ctx.now).date
    # The file's numbers go in first, then the generated ones: the pattern skips numbers taken
    # (and its counter moves on with each number it gives).
    given = [i for i in ready if i.number]
    _insert_contracts(chunk, [_values(chunk, i, i.number, teams, today) for i in given], given)
    pattern = contract_settings(session).number_pattern if len(given) < len(ready) else ""
    rows, numbered = [], []
    for item in ready:
        if item.number:
            continue
        try:
            number = next_number(session, pattern, item.row.values.get("signed_on") or today)
        except ValidationFailed as exc:  # a pattern grown past the column's length
            chunk.fail(item.row, "number", exc.params["errors"][0][1])
            continue
        rows.append(_values(chunk, item, number, teams, today))
        numbered.append(item)
    _insert_contracts(chunk, rows, numbered)


def _values(chunk: _Chunk, item: _Row, number: str, teams: dict, today: date) -> dict[str, Any]:
    ctx, v = chunk.ctx, item.row.values
    amount = v.get("amount", ZERO)
    return {
        "number": number, "customer_id": item.customer_id, "deal_id": item.deal_id,
        "owner_id": item.owner_id, "team_id": teams.get(item.owner_id), "title": v["title"],
        "amount": amount, "received": ZERO, "credit": ZERO,
        "next_due_on": plan_due(v, today) if amount > 0 else None,
        "signed_on": v.get("signed_on"), "starts_on": v.get("starts_on"),
        "ends_on": v.get("ends_on"), "status": item.status, "awaiting_approval": False,
        "notes": v.get("notes", ""), "created_at": ctx.now, "created_by_id": ctx.actor.id,
        "updated_at": ctx.now, "updated_by_id": ctx.actor.id, "version": 1,
        "import_id": ctx.import_id,
    }  # fmt: skip


def _insert_contracts(chunk: _Chunk, rows: list[dict], items: list[_Row]) -> None:
    if not rows:
        return
    ctx, session = chunk.ctx, chunk.session
    ids = _insert(session, Contract.__table__, rows)
    plans, events = [], []
    for cid, row, item in zip(ids, rows, items, strict=True):
        amount = row["amount"]
        events.append({"contract_id": cid, "kind": "created", "detail": row["number"]})
        if amount > 0:
            plans.append({"contract_id": cid, "position": 0, "due_on": row["next_due_on"],
                          "amount": amount, "paid": ZERO, "note": ""})  # fmt: skip
            events.append({"contract_id": cid, "kind": "plan", "detail": f"1:{amount}"})
        if item.status != "draft":
            events.append({"contract_id": cid, "kind": "status", "detail": item.status})
        chunk.customer_ids.add(row["customer_id"])
    if plans:
        session.execute(insert(Instalment), plans)
    session.execute(insert(ContractEvent),
                    [e | {"at": ctx.now, "actor_id": ctx.actor.id} for e in events])  # fmt: skip
    chunk.created += len(ids)


def write_contracts(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    """Write a chunk of a contracts import's rows in ctx's unit of work (excel_apply.apply calls
    it for kind "contracts"). With dedupe_key "number", a row whose number a contract has is
    skipped ("exists"), fills that contract's empty fields or overwrites them (UPDATABLE; not
    the actor's to edit: "not_yours"); with on_duplicate "create" or no dedupe it fails
    "number_taken" (numbers are unique: leave the cell empty to have one given). The other rows
    become contracts of their customer, owned per the owner options, in their status (the
    file's, else import_status), with one instalment (plan_due) when the amount is above zero.
    Codes besides the link's: before_start, required (signed_on of a signed contract),
    needs_approval, unknown_deal, ambiguous_deal, duplicate_in_file."""
    chunk = _Chunk(ctx)
    items = _prepare(chunk, rows)
    creates = _split(chunk, items)
    _create(chunk, creates)
    if chunk.customer_ids:
        record(chunk.session, "contracts", sorted(chunk.customer_ids))
    failed = sorted(chunk.failed, key=lambda p: p.row)
    return ChunkOutcome(created=chunk.created, updated=chunk.updated, skipped=chunk.skipped,
                        failed=failed, customer_ids=chunk.customer_ids)  # fmt: skip
