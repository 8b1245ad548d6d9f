"""The payments importer's writer (issue 11: "contracts and payments too"): a plan's payment rows
(回款记录 from a bank statement or another system) recorded on their contracts, found by number,
a chunk at a time in excel_apply's unit of work, so that each contract's received, credit,
instalments and next due day are right afterwards (contract_totals.refresh_contract_totals,
once per contract a chunk touched).

Who may: as payments.record_payment (policy.may_collect): finance on every contract, the
owner's side on theirs. A contract the actor may not see answers as one that does not exist.

Re-importing the same file records nothing twice: a payment is the same as one recorded when
its contract, day, amount and reference are (matched one to one: a file with two equal cash
payments on a day, against a contract holding one of them, records the second). Payments
voided since count as recorded: the money someone took out does not come back by a re-import.

Money that came in is recorded even beyond what the plan can still take: that part is the
contract's credit (record_payment's as_credit), as it was received.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, or_, select

from crmdesk.models.changes import record
from crmdesk.models.contract_totals import refresh_contract_totals
from crmdesk.models.deal_rules import CENT, MONEY_LIMIT
from crmdesk.models.excel_context import ApplyContext, ChunkOutcome
from crmdesk.models.excel_link import pieces
from crmdesk.models.excel_types import CellProblem, ImportPlan, PlannedRow
from crmdesk.models.payments import COLLECTABLE_STATUSES, FUTURE_SLACK
from crmdesk.models.policy import may_collect, may_see_contract
from crmdesk.models.schema import Customer
from crmdesk.models.schema_contracts import Contract, ContractEvent, Payment

ZERO = Decimal("0.00")

Key = tuple[Any, Any, Decimal, str]


def payment_key(values: dict[str, Any], contract: Any = None) -> Key:
    """What makes two payments the same: the contract (its number in the file, its id once
    found), the day received, the amount to the cent and the reference."""
    ref = str(values.get("reference") or "").strip()
    amount = Decimal(values["amount"]).quantize(CENT)
    return (contract if contract is not None else str(values["contract"]).strip(),
            values["received_on"], amount, ref)  # fmt: skip


_ORDINALS: dict[int, tuple[ImportPlan, dict[int, int]]] = {}


def ordinals(plan: ImportPlan) -> dict[int, int]:
    """Sheet row → how many rows of the plan before it are the same payment (one plan's, kept
    while its chunks are written)."""
    cached = _ORDINALS.get(id(plan))
    if cached is not None and cached[0] is plan:
        return cached[1]
    seen: Counter[Key] = Counter()
    out: dict[int, int] = {}
    for row in plan.rows:
        key = payment_key(row.values)
        out[row.row] = seen[key]
        seen[key] += 1
    _ORDINALS.clear()
    _ORDINALS[id(plan)] = (plan, out)
    return out


def _contracts(ctx: ApplyContext, numbers: list[str]) -> dict[str, Any]:
    """Live contracts of live customers by number (exactly, else case-folded when that finds
    one), locked: their customers' rows first, then theirs, in id order."""
    session = ctx.session
    ids: set[int] = set()
    customers: set[int] = set()
    for part in pieces(numbers):
        stmt = select(Contract.id, Contract.customer_id).where(Contract.number.in_(part))
        for cid, customer in session.execute(stmt):
            ids.add(cid)
            customers.add(customer)
    live_customers: set[int] = set()
    for part in pieces(sorted(customers)):
        stmt = (
            select(Customer.id, Customer.deleted_at)
            .where(Customer.id.in_(part))
            .order_by(Customer.id)
            .with_for_update()
        )
        live_customers |= {c for c, gone in session.execute(stmt) if gone is None}
    exact: dict[str, Any] = {}
    folded: dict[str, list[Any]] = {}
    cols = (Contract.id, Contract.number, Contract.customer_id, Contract.owner_id,
            Contract.team_id, Contract.status, Contract.received, Contract.credit,
            Contract.deleted_at)  # fmt: skip
    for part in pieces(sorted(ids)):
        stmt = select(*cols).where(Contract.id.in_(part)).order_by(Contract.id).with_for_update()
        for c in session.execute(stmt):
            if c.deleted_at is None and c.customer_id in live_customers:
                exact[c.number] = c
                folded.setdefault(c.number.casefold(), []).append(c)
    out = {}
    for n in numbers:
        found = exact.get(n)
        if found is None and len(folded.get(n.casefold(), ())) == 1:
            found = folded[n.casefold()][0]
        if found is not None:
            out[n] = found
    return out


def _recorded(ctx: ApplyContext, contract_ids: list[int]) -> Counter[Key]:
    """The payments already on these contracts (voided too), not this import's, by key."""
    counts: Counter[Key] = Counter()
    others = or_(Payment.import_id.is_(None), Payment.import_id != ctx.import_id)
    cols = (Payment.contract_id, Payment.received_on, Payment.amount, Payment.reference)
    for part in pieces(contract_ids):
        stmt = select(*cols).where(Payment.contract_id.in_(part), others)
        for cid, day, amount, ref in ctx.session.execute(stmt):
            values = {"received_on": day, "amount": amount or 0, "reference": ref}
            counts[payment_key(values, cid)] += 1
    return counts


def write_payments(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    """Write a chunk of a payments import's rows in ctx's unit of work (excel_apply.apply calls
    it for kind "payments"). With dedupe_key "payment" (and on_duplicate other than "create"),
    a row that is a payment already recorded (module docstring) is skipped "exists" (fill and
    overwrite skip it too: a payment's fields are the money's record, not to be rewritten by a
    sheet). Failed: "unknown_contract" (no live contract of that number the actor may see),
    "not_yours" (seen, not the actor's to collect on), "draft_contract" (a draft takes no
    money), "future" (received after tomorrow), "negative_amount" or "zero_amount", "out_of_range"
    (the contract's money past what the column holds). The method defaults to a bank
    transfer. The outcome's customer_ids are the contracts' customers (change "payments")."""
    session, actor = ctx.session, ctx.actor
    failed: list[CellProblem] = []
    skipped: list[CellProblem] = []
    numbers = sorted({str(r.values["contract"]).strip() for r in rows})
    contracts = _contracts(ctx, numbers)
    dedupe = ctx.options.dedupe_key == "payment" and ctx.options.on_duplicate != "create"
    recorded = _recorded(ctx, sorted({c.id for c in contracts.values()})) if dedupe else Counter()
    order = ordinals(ctx.plan) if dedupe else {}
    latest = ctx.now.date() + FUTURE_SLACK
    money = {c.id: Decimal(c.received or 0) + Decimal(c.credit or 0) for c in contracts.values()}
    new: list[dict[str, Any]] = []
    customers: dict[int, int] = {}
    for row in rows:
        v = row.values
        c = contracts.get(str(v["contract"]).strip())
        if c is None or not may_see_contract(actor, c.owner_id, c.team_id):
            failed.append(ctx.problem(row, "unknown_contract", "contract"))
        elif not may_collect(actor, c.owner_id, c.team_id):
            failed.append(ctx.problem(row, "not_yours", "contract"))
        elif c.status not in COLLECTABLE_STATUSES:
            failed.append(ctx.problem(row, "draft_contract", "contract"))
        elif v["received_on"] > latest:
            failed.append(ctx.problem(row, "future", "received_on"))
        elif v["amount"] <= 0:  # validate's codes for them too
            code = "zero_amount" if v["amount"] == 0 else "negative_amount"
            failed.append(ctx.problem(row, code, "amount"))
        elif dedupe and order.get(row.row, 0) < recorded[payment_key(v, c.id)]:
            skipped.append(ctx.problem(row, "exists", "amount"))
        elif money[c.id] + v["amount"] > MONEY_LIMIT - CENT:
            failed.append(ctx.problem(row, "out_of_range", "amount"))
        else:
            money[c.id] += v["amount"]
            customers[c.id] = c.customer_id
            new.append({
                "contract_id": c.id, "received_on": v["received_on"], "amount": v["amount"],
                "credit": ZERO, "instalment_id": None, "method": v.get("method", "bank_transfer"),
                "reference": str(v.get("reference") or "").strip(), "note": v.get("note", ""),
                "owner_id": c.owner_id, "team_id": c.team_id, "recorded_by_id": actor.id,
                "recorded_at": ctx.now, "voided_at": None, "voided_by_id": None,
                "import_id": ctx.import_id,
            })  # fmt: skip
    if new:
        session.execute(insert(Payment), new)
        session.execute(insert(ContractEvent), [
            {"contract_id": p["contract_id"], "kind": "payment", "at": ctx.now,
             "actor_id": actor.id, "detail": f"{p['amount']}"} for p in new
        ])  # fmt: skip
        for contract_id in sorted(customers):  # placed on the plans, the totals after them
            refresh_contract_totals(session, contract_id)
        record(session, "payments", sorted(set(customers.values())))
    return ChunkOutcome(created=len(new), skipped=skipped, failed=failed,
                        customer_ids=set(customers.values()))  # fmt: skip
