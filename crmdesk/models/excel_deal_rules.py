"""The rules of the deals importer (excel_deals.py) without the database: the stage history an
imported deal gets, its times, its product line and amount, its notes, the stage map's lookup.

A deal from another CRM arrives with the stage it reached and a few days; its history is
written "as if it had moved through the stages" so the funnel and the win/loss reports count
it like any other deal: "created" into the pipeline's first open stage, "moved" into each
open stage after it up to the one reached; a won deal through every open stage and then
"won"; a lost one "created" and then "lost" from the first stage (where it was lost is not
known). Every such move carries the comment IMPORTED_MARK and the importing user as its actor.
The only day known of the open stages is the deal's creation: their moves are at created_at;
a close is at the close day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from crmdesk.models.checks import limit_of
from crmdesk.models.deal_moves import closed_at as close_moment
from crmdesk.models.deal_rules import MONEY_LIMIT
from crmdesk.models.schema_deals import IMPORTED_MARK, Deal

ZERO = Decimal("0.00")
# A product the products table does not know goes into the deal's notes after this label.
PRODUCT_NOTE = "产品: "
LOST_CODE = "other"  # an imported loss's reason code; the sheet's words go into lost_text


# ---------------------------------------------------------------- stage history


@dataclass(frozen=True)
class StagePlace:
    """A stage as the history builder needs it."""

    id: int
    position: int
    kind: str  # open / won / lost


def _places(stages: Iterable[StagePlace | tuple[int, int, str]]) -> list[StagePlace]:
    return [s if isinstance(s, StagePlace) else StagePlace(*s) for s in stages]


def stage_history(
    stages: Iterable[StagePlace | tuple[int, int, str]],
    reached_id: int,
    created_at: datetime,
    closed_at: datetime | None,
    actor_id: int | None,
) -> list[dict[str, Any]]:
    """The deal_moves rows (without deal_id) of a deal that reached stage reached_id of a
    pipeline with these stages ((id, position, kind), any order): see the module's text. A
    won or lost deal's close is at closed_at (created_at when None). KeyError: reached_id is
    not one of the stages."""
    places = _places(stages)
    reached = next((s for s in places if s.id == reached_id), None)
    if reached is None:
        raise KeyError(reached_id)
    opens = sorted((s for s in places if s.kind == "open"), key=lambda s: (s.position, s.id))
    if reached.kind == "open":
        path = opens[: opens.index(reached) + 1]
    elif reached.kind == "won":
        path = opens
    else:
        path = opens[:1]
    moves: list[tuple[str, int | None, int, datetime]] = []
    previous: int | None = None
    for i, stage in enumerate(path):
        moves.append(("created" if i == 0 else "moved", previous, stage.id, created_at))
        previous = stage.id
    if reached.kind != "open":
        at = created_at if closed_at is None else closed_at
        kind = "created" if previous is None else reached.kind  # a pipeline without open stages
        moves.append((kind, previous, reached.id, at))
    return [{"kind": kind, "from_stage_id": from_id, "to_stage_id": to_id, "at": at,
             "actor_id": actor_id, "comment": IMPORTED_MARK, "answers": ""}
            for kind, from_id, to_id, at in moves]  # fmt: skip


@dataclass(frozen=True)
class DealTimes:
    created_at: datetime
    closed_at: datetime | None  # won or lost
    expected_close: date | None
    stage_entered_at: datetime  # the last move's


def deal_times(
    kind: str, created: datetime | None, close_day: date | None, now: datetime
) -> DealTimes:
    """A deal's moments from the sheet's created time and close day, for a deal in a stage of
    this kind. Nothing is later than now; a closed deal closes on its close day (at now's time
    of day, as a won deal's day does in deal_moves; created_at when no day is given), and was
    created no later than that (another CRM's export may carry its own import day as the
    creation of older deals: the close day is what the reports count)."""
    created_at = now if created is None else min(created.replace(microsecond=0), now)
    if kind == "open":
        return DealTimes(created_at, None, close_day, created_at)
    closed = created_at if close_day is None else close_moment(close_day, now)
    created_at = min(created_at, closed)
    return DealTimes(created_at, closed, close_day, closed)


# ---------------------------------------------------------------- products and amounts


def fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def product_index(
    products: Iterable[tuple[int, str, str, Decimal, bool]],
) -> dict[str, tuple[int, str, Decimal]]:
    """(id, code, name, list price, active) of the products → a lookup by folded name or code
    (case-insensitive, spaces collapsed): (id, name, list price). An active product wins over
    an inactive one, a name over a code, the older (lower id) over the newer."""
    ranked = sorted(products, key=lambda p: (not p[4], p[0]))
    index: dict[str, tuple[int, str, Decimal]] = {}
    for pid, _code, name, price, _active in ranked:
        index.setdefault(fold(name), (pid, name, price))
    for pid, code, name, price, _active in ranked:
        if code:
            index.setdefault(fold(code), (pid, name, price))
    return index


@dataclass(frozen=True)
class DealMoney:
    amount: Decimal
    amount_manual: bool  # False: the amount is its line's total (deals.py's meaning)
    line: dict[str, Any] | None  # the deal_lines row without deal_id, or None
    note: str  # "产品: X" for a product not found, else ""


def deal_money(
    amount: Decimal | None, product: str | None, products: dict[str, tuple[int, str, Decimal]]
) -> DealMoney:
    """The amount and the one line of an imported deal. A product found by name or code
    becomes a line (quantity 1, the sheet's amount as its price, else the product's list
    price) whose total the amount is, as the deal form keeps it; a product not found goes into
    the notes and the amount is the rep's own (amount_manual), as is an amount without a
    product. ValueError("negative_amount"): negative (validate refuses it too); "bad_amount":
    past Numeric(14, 2)."""
    if amount is not None and amount < ZERO:
        raise ValueError("negative_amount")
    if amount is not None and amount >= MONEY_LIMIT:
        raise ValueError("bad_amount")
    found = products.get(fold(product)) if product else None
    if found is None:
        note = f"{PRODUCT_NOTE}{product}" if product else ""
        if amount is None:
            return DealMoney(ZERO, False, None, note)
        return DealMoney(amount, True, None, note)
    pid, name, price = found
    price = (price if amount is None else amount).quantize(ZERO)
    line = {"position": 0, "product_id": pid, "name": name, "quantity": Decimal(1),
            "unit_price": price, "discount": ZERO}  # fmt: skip
    return DealMoney(price, False, line, "")


NOTES_LIMIT = limit_of(Deal.notes)


def deal_notes(notes: str | None, note: str) -> str:
    """The sheet's notes, then the product note on a line of its own, within the column."""
    text = "\n".join(x for x in (notes or "", note) if x)
    return text[:NOTES_LIMIT]


def stage_lookup(stages: dict[str, int]) -> dict[str, int]:
    """The mapping's source stage names → stage ids, by the names as mapped and folded (a sheet
    writing "closed won" where the wizard mapped "Closed Won"): find_stage reads it."""
    found = {fold(k): v for k, v in stages.items()}
    found.update(stages)
    return found


def find_stage(lookup: dict[str, int], name: Any) -> int | None:
    if name is None:
        return None
    text = str(name).strip()
    found = lookup.get(text)
    return found if found is not None else lookup.get(fold(text))


def pick(values: dict[str, Any], key: str) -> Any:
    value = values.get(key)
    return None if value == "" else value
