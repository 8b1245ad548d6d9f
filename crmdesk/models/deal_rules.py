"""The rules of a deal's input, without the database: what DealInput and LineInput may hold
(lengths from the columns, NUL refused, money as Decimal to the cent), and a line's and the
lines' totals. deals.py writes deals with them; deal_moves.py's gates read the totals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from crmdesk.models.checks import MAX_ID, Checker
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.pipeline import StageRow
from crmdesk.models.schema_deals import Deal, DealLine

MAX_LINES = 200
MONEY_LIMIT = Decimal(10) ** 12  # Numeric(14, 2): twelve digits before the point
QUANTITY_LIMIT = Decimal(10) ** 10  # Numeric(12, 2)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class LineInput:
    product_id: int | None
    name: str
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal = Decimal(0)  # percent


@dataclass(frozen=True)
class DealInput:
    customer_id: int
    title: str
    pipeline_id: int
    stage_id: int | None = None  # an open stage; None: the pipeline's first (creating only)
    amount: Decimal | None = None  # None: the lines' total, kept in step with them
    probability: int | None = None  # None: the stage's
    expected_close: date | None = None
    source: str = ""
    competitor: str = ""
    notes: str = ""
    external_id: str = ""
    owner_id: int | None = None  # None: the actor (creating), the same owner (editing)
    lines: tuple[LineInput, ...] = ()


def check_money(c: Checker, field: str, value: Any, limit: Decimal, *, positive: bool = False):
    """A non-negative (or positive) Decimal below limit with at most two decimals, or None
    after recording what is wrong. Floats are refused: money is never a float."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        c.fail(field, "invalid")
        return None
    value = Decimal(value)
    if not value.is_finite():
        c.fail(field, "invalid")
        return None
    if value < 0 or value >= limit or (positive and value == 0):
        c.fail(field, "out_of_range")
        return None
    if value != value.quantize(CENT):
        c.fail(field, "too_many_decimals")
        return None
    return value.quantize(CENT)


def check_ref(c: Checker, field: str, value: Any, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        c.fail(field, "required" if value is None else "invalid")
        return None
    return value


def check_percent(c: Checker, field: str, value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        c.fail(field, "invalid")
        return None
    if not 0 <= value <= 100:
        c.fail(field, "out_of_range")
        return None
    return value


def line_total(line: LineInput) -> Decimal:
    """quantity × unit price less the discount, rounded half up to the cent."""
    with localcontext() as ctx:
        ctx.prec = 60  # exact for every value the columns hold
        gross = line.quantity * line.unit_price * (100 - line.discount) / 100
        return gross.quantize(CENT, rounding=ROUND_HALF_UP)


def lines_total(lines: tuple[LineInput, ...] | list[LineInput]) -> Decimal:
    return sum((line_total(x) for x in lines), Decimal("0.00"))


def check_line(line: LineInput, c: Checker) -> LineInput:
    if not isinstance(line, LineInput):
        c.fail("line", "invalid")
        return line
    discount = check_money(c, "discount", line.discount, Decimal(101))
    if discount is not None and discount > 100:
        c.fail("discount", "out_of_range")
    clean = LineInput(
        product_id=check_ref(c, "product_id", line.product_id, optional=True),
        name=c.text("name", line.name, DealLine.name, required=True),
        quantity=check_money(c, "quantity", line.quantity, QUANTITY_LIMIT, positive=True),
        unit_price=check_money(c, "unit_price", line.unit_price, MONEY_LIMIT),
        discount=discount,
    )
    if None not in (clean.quantity, clean.unit_price, clean.discount):
        if line_total(clean) >= MONEY_LIMIT:
            c.fail("total", "out_of_range")
    return clean


def check_deal(data: DealInput) -> DealInput:
    """The input as it will be stored, or ValidationFailed naming every field at fault (lines
    as lines.N.field). The stage is checked against its pipeline when the deal is written."""
    if not isinstance(data, DealInput):
        raise ValidationFailed(errors=[("deal", "invalid")], limits={})
    c = Checker()
    lines = data.lines if isinstance(data.lines, (tuple, list)) else None
    if lines is None:
        c.fail("lines", "invalid")
        lines = ()
    c.count("lines", lines, MAX_LINES)
    lines = tuple(check_line(x, c.sub(f"lines.{i}.")) for i, x in enumerate(lines[:MAX_LINES]))
    amount = data.amount
    if amount is not None:
        amount = check_money(c, "amount", amount, MONEY_LIMIT)
    clean = DealInput(
        customer_id=check_ref(c, "customer_id", data.customer_id),
        title=c.text("title", data.title, Deal.title, required=True),
        pipeline_id=check_ref(c, "pipeline_id", data.pipeline_id),
        stage_id=check_ref(c, "stage_id", data.stage_id, optional=True),
        amount=amount,
        probability=(None if data.probability is None
                     else check_percent(c, "probability", data.probability)),
        expected_close=c.day("expected_close", data.expected_close),
        source=c.text("source", data.source, Deal.source),
        competitor=c.text("competitor", data.competitor, Deal.competitor),
        notes=c.text("notes", data.notes, Deal.notes, strip=False),
        external_id=c.text("external_id", data.external_id, Deal.external_id),
        owner_id=check_ref(c, "owner_id", data.owner_id, optional=True),
        lines=lines,
    )  # fmt: skip
    c.done()
    if data.amount is None and lines_total(clean.lines) >= MONEY_LIMIT:
        raise ValidationFailed(errors=[("amount", "out_of_range")], limits={})
    return clean


def is_gated(stage: StageRow) -> bool:
    """Entering the stage asks something of the deal (fields, answers or an approval)."""
    return bool(stage.required_fields or stage.questions or stage.approval)
