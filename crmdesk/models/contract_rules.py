"""The rules of a contract's input, without the database: what ContractInput and InstalmentInput
may hold (lengths from the columns, NUL refused, money as Decimal to the cent; lines are deals'
LineInput with their rules), the payment plan's templates (one payment, a split by percentages,
monthly) adding up to the cent, the number pattern an admin sets, the admin's approval limits
and when activating a contract needs a manager's approval; how payments are placed on a plan
and what a contract still has outstanding (one definition for the dialog, the list and the
receivables). contracts.py writes with them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal, localcontext
from typing import Any

from sqlalchemy import ColumnElement, case

from crmdesk.models.checks import Checker
from crmdesk.models.deal_rules import (
    CENT,
    MAX_LINES,
    MONEY_LIMIT,
    LineInput,
    check_line,
    check_money,
    check_ref,
    lines_total,
)
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.schema_contracts import DEFAULT_NUMBER_PATTERN, Contract, Instalment

MAX_INSTALMENTS = 240  # monthly over twenty years
MAX_MONTHS = MAX_INSTALMENTS
MAX_SEQ_DIGITS = 9
PERCENT_LIMIT = Decimal(101)

# What set_status allows: a contract is signed (active), then completed or terminated; a
# completed one may reopen, a terminated one go back to draft (and be approved again).
STATUS_MOVES = {
    "draft": ("active", "terminated"),
    "active": ("completed", "terminated"),
    "completed": ("active",),
    "terminated": ("draft",),
}


@dataclass(frozen=True)
class ContractInput:
    customer_id: int
    title: str
    amount: Decimal | None = None  # None: the lines' total
    deal_id: int | None = None
    owner_id: int | None = None  # None: the actor (creating), the same owner (editing)
    number: str = ""  # "": generated from the pattern (creating), kept (editing)
    signed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    notes: str = ""
    lines: tuple[LineInput, ...] = ()


@dataclass(frozen=True)
class InstalmentInput:
    due_on: date
    amount: Decimal
    note: str = ""
    id: int | None = None  # an instalment of the plan being edited; None for a new one


@dataclass(frozen=True)
class ContractSettings:
    number_pattern: str = DEFAULT_NUMBER_PATTERN
    approval_amount: Decimal | None = None  # activating above this amount needs an approval
    approval_discount: Decimal | None = None  # ... or with a line's discount above this percent


def _invalid(field: str, code: str, **params: Any) -> ValidationFailed:
    return ValidationFailed(errors=[(field, code)], limits={}, **params)


# ---------------------------------------------------------------- the contract


def contract_amount(data: ContractInput) -> Decimal:
    """The amount stored for a checked input: its own, else its lines' total."""
    return data.amount if data.amount is not None else lines_total(data.lines)


def check_contract(data: ContractInput) -> ContractInput:
    """The input as it will be stored, or ValidationFailed naming every field at fault (lines
    as lines.N.field)."""
    if not isinstance(data, ContractInput):
        raise _invalid("contract", "invalid")
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
    clean = ContractInput(
        customer_id=check_ref(c, "customer_id", data.customer_id),
        title=c.text("title", data.title, Contract.title, required=True),
        amount=amount,
        deal_id=check_ref(c, "deal_id", data.deal_id, optional=True),
        owner_id=check_ref(c, "owner_id", data.owner_id, optional=True),
        number=c.text("number", data.number, Contract.number),
        signed_on=c.day("signed_on", data.signed_on),
        starts_on=c.day("starts_on", data.starts_on),
        ends_on=c.day("ends_on", data.ends_on),
        notes=c.text("notes", data.notes, Contract.notes, strip=False),
        lines=lines,
    )
    if clean.starts_on and clean.ends_on and clean.ends_on < clean.starts_on:
        c.fail("ends_on", "before_start")
    c.done()
    if data.amount is None and lines_total(clean.lines) >= MONEY_LIMIT:
        raise _invalid("amount", "out_of_range")
    return clean


def approval_reason(amount: Decimal, lines: Sequence[LineInput], settings: ContractSettings) -> str:
    """Why activating needs a manager's approval (schema_deals.APPROVAL_RULES): "amount" above
    the amount limit, "discount" with a line's discount above the discount limit, "" not."""
    if settings.approval_amount is not None and amount > settings.approval_amount:
        return "amount"
    limit = settings.approval_discount
    if limit is not None and any(x.discount > limit for x in lines):
        return "discount"
    return ""


def max_discount(lines: Sequence[LineInput]) -> Decimal:
    return max((x.discount for x in lines), default=Decimal(0))


def approval_crossed(
    old_amount: Decimal,
    old_lines: Sequence[LineInput],
    new_amount: Decimal,
    new_lines: Sequence[LineInput],
    settings: ContractSettings,
) -> str:
    """Why an edit of a signed contract would need the approval it never had ("amount",
    "discount"), or "": the new figures are above a limit and raise the amount or a discount
    (an approved contract lowered, or edited without raising either, stays as approved)."""
    reason = approval_reason(new_amount, new_lines, settings)
    if not reason:
        return ""
    if new_amount > old_amount or max_discount(new_lines) > max_discount(old_lines):
        return reason
    return ""


# ---------------------------------------------------------------- what is owed


def outstanding(amount: Decimal, received: Decimal, credit: Decimal) -> Decimal:
    """What the customer still owes on a contract: its amount less every live payment (placed
    on the plan or kept as credit), never below zero. Credit exists only once the plan is fully
    paid, so when the plan adds up (activation and every edit keep it so) this is amount less
    received; a plan left not adding up (before these rules) never shows money paid as owed."""
    return max(Decimal(amount) - Decimal(received) - Decimal(credit), Decimal("0.00"))


def outstanding_column() -> ColumnElement:
    """outstanding() of each contract row, in SQL (for sums and sorting)."""
    owed = Contract.amount - Contract.received - Contract.credit
    return case((owed > 0, owed), else_=0)


# ---------------------------------------------------------------- the plan


def check_instalments(instalments: Any) -> tuple[InstalmentInput, ...]:
    """The plan as it will be stored (in the order given), or ValidationFailed naming each
    fault as instalments.N.field."""
    if not isinstance(instalments, (tuple, list)):
        raise _invalid("instalments", "invalid")
    c = Checker()
    c.count("instalments", instalments, MAX_INSTALMENTS)
    out = []
    for i, x in enumerate(instalments[:MAX_INSTALMENTS]):
        part = c.sub(f"instalments.{i}.")
        if not isinstance(x, InstalmentInput):
            part.fail("instalment", "invalid")
            continue
        due_on = part.day("due_on", x.due_on)
        if x.due_on is None:
            part.fail("due_on", "required")
        out.append(InstalmentInput(
            due_on=due_on,
            amount=check_money(part, "amount", x.amount, MONEY_LIMIT, positive=True),
            note=part.text("note", x.note, Instalment.note),
            id=check_ref(part, "id", x.id, optional=True),
        ))  # fmt: skip
    ids = [x.id for x in out if x.id is not None]
    if len(ids) != len(set(ids)):
        c.fail("instalments", "duplicate")
    c.done()
    return tuple(out)


def plan_total(instalments: Sequence[InstalmentInput]) -> Decimal:
    return sum((x.amount for x in instalments), Decimal("0.00"))


def plan_difference(amount: Decimal, instalments: Sequence[InstalmentInput]) -> Decimal:
    """The contract's amount less the plan's total: positive when the plan asks for less than
    the contract, negative when for more, 0.00 when they agree."""
    return (Decimal(amount) - plan_total(instalments)).quantize(CENT)


@dataclass(frozen=True)
class Allocation:
    instalment_id: int
    amount: Decimal


def allocate(
    amount: Decimal, open_amounts: Sequence[tuple[int, Decimal]], first: int | None = None
) -> tuple[list[Allocation], Decimal]:
    """Place `amount` on instalments (id, what it can still take) given in due order: the one
    with id `first` first, then the others in order. The allocations and what is left over."""
    order = sorted(open_amounts, key=lambda item: item[0] != first) if first else open_amounts
    left, parts = amount, []
    for instalment_id, room in order:
        if left <= 0:
            break
        take = min(left, room)
        if take > 0:
            parts.append(Allocation(instalment_id, take))
            left -= take
    return parts, left


def _shares(amount: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """amount split by weights (summing to 100), each share cut down to the cent and what the
    cuts left over added to the last, so the shares add up to amount exactly."""
    with localcontext() as ctx:
        ctx.prec = 60
        shares = [(amount * w / 100).quantize(CENT, rounding=ROUND_DOWN) for w in weights[:-1]]
    return [*shares, amount - sum(shares, Decimal("0.00"))]


def _plan_amount(amount: Any) -> Decimal:
    c = Checker()
    value = check_money(c, "amount", amount, MONEY_LIMIT, positive=True)
    c.done()
    return value


def plan_one(amount: Decimal, due_on: date) -> tuple[InstalmentInput, ...]:
    """The whole amount in one payment."""
    return (InstalmentInput(due_on, _plan_amount(amount)),)


def plan_split(
    amount: Decimal, percents: Sequence[int | Decimal], dates: Sequence[date]
) -> tuple[InstalmentInput, ...]:
    """amount in parts by percentages (30/70: [30, 70]) due on the dates given, one each; the
    cents the percentages leave over go to the last part."""
    amount = _plan_amount(amount)
    c = Checker()
    if not isinstance(percents, (tuple, list)) or not 1 <= len(percents) <= MAX_INSTALMENTS:
        raise _invalid("percents", "invalid")
    weights = [check_money(c, f"percents.{i}", p, PERCENT_LIMIT, positive=True)
               for i, p in enumerate(percents)]  # fmt: skip
    if not isinstance(dates, (tuple, list)) or len(dates) != len(percents):
        c.fail("dates", "invalid")
    else:
        for i, d in enumerate(dates):
            if d is None:
                c.fail(f"dates.{i}", "required")
            c.day(f"dates.{i}", d)
    c.done()
    if sum(weights) != 100:
        raise _invalid("percents", "sum", total=sum(weights))
    parts = _shares(amount, weights)
    if min(parts) <= 0:
        raise _invalid("amount", "too_small")
    return tuple(InstalmentInput(d, a) for d, a in zip(dates, parts, strict=True))


def add_months(day: date, months: int) -> date:
    """The same day so many months later, or that month's last day (31 Jan + 1 = 28/29 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plan_monthly(amount: Decimal, first_due: date, months: int) -> tuple[InstalmentInput, ...]:
    """amount in equal monthly parts from first_due (the cents left over on the last part:
    100.00 over 3 months is 33.33, 33.33, 33.34)."""
    amount = _plan_amount(amount)
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise _invalid("months", "out_of_range")
    if not isinstance(first_due, date):
        raise _invalid("first_due", "invalid")
    # Divided directly rather than by a percentage of 100/months, which is not exact: 7.00
    # over 7 months must be 1.00 each, not 0.99 with 1.06 at the end.
    share = (amount / months).quantize(CENT, rounding=ROUND_DOWN)
    if share == 0:
        raise _invalid("months", "too_many")
    parts = [share] * (months - 1) + [amount - share * (months - 1)]
    return tuple(InstalmentInput(add_months(first_due, i), a) for i, a in enumerate(parts))


# ---------------------------------------------------------------- numbers

_TOKEN = re.compile(r"\{(yyyy|yy|mm|seq(?::(\d+))?)\}")


def check_pattern(pattern: Any) -> str:
    """A number pattern: text with {yyyy}, {yy}, {mm} and exactly one {seq:N} (the year's
    running number, at least N digits; {seq} for no padding), no other braces, short enough
    that its numbers fit the column."""
    c = Checker()
    value = c.text("number_pattern", pattern, Contract.number, required=True)
    c.done()
    seqs = [m for m in _TOKEN.finditer(value) if m.group(1).startswith("seq")]
    rest = _TOKEN.sub("", value)
    if len(seqs) != 1 or "{" in rest or "}" in rest:
        raise _invalid("number_pattern", "invalid")
    width = int(seqs[0].group(2) or 1)
    if not 1 <= width <= MAX_SEQ_DIGITS:
        raise _invalid("number_pattern", "invalid")
    if len(render_number(value, date(2000, 12, 1), 10**width - 1)) > Contract.number.type.length:
        raise _invalid("number_pattern", "too_long", limit=Contract.number.type.length)
    return value


def render_number(pattern: str, on: date, seq: int) -> str:
    def part(m: re.Match) -> str:
        token = m.group(1)
        if token == "yyyy":
            return f"{on.year:04d}"
        if token == "yy":
            return f"{on.year % 100:02d}"
        if token == "mm":
            return f"{on.month:02d}"
        return str(seq).zfill(int(m.group(2) or 1))

    return _TOKEN.sub(part, pattern)


def number_matcher(pattern: str, on: date) -> tuple[str, re.Pattern[str]]:
    """For finding the year's numbers already made from the pattern: the text they all start
    with (for a LIKE) and a regular expression whose group 1 is the running number."""
    prefix, parts, fixed = "", [], True
    pos = 0
    for m in _TOKEN.finditer(pattern):
        literal = pattern[pos : m.start()]
        parts.append(re.escape(literal))
        token = m.group(1)
        if token in ("yyyy", "yy"):
            text = render_number("{" + token + "}", on, 0)
            parts.append(re.escape(text))
        elif token == "mm":
            text = None
            parts.append(r"\d{2}")
        else:
            text = None
            parts.append(r"(\d+)")
        if fixed:
            prefix += literal + (text or "")
            fixed = text is not None
        pos = m.end()
    parts.append(re.escape(pattern[pos:]))
    if fixed:
        prefix += pattern[pos:]
    return prefix, re.compile("".join(parts) + r"\Z")


def seq_key(on: date) -> str:
    """The settings row holding the year's last running number."""
    return f"contracts.seq.{on.year:04d}"


def check_settings(data: ContractSettings) -> ContractSettings:
    if not isinstance(data, ContractSettings):
        raise _invalid("settings", "invalid")
    pattern = check_pattern(data.number_pattern)
    c = Checker()
    amount, discount = data.approval_amount, data.approval_discount
    if amount is not None:
        amount = check_money(c, "approval_amount", amount, MONEY_LIMIT)
    if discount is not None:
        discount = check_money(c, "approval_discount", discount, PERCENT_LIMIT)
        if discount is not None and discount > 100:
            c.fail("approval_discount", "out_of_range")
    c.done()
    return ContractSettings(pattern, amount, discount)
