"""Demo contracts (合同与回款): contracts for most won demo deals (their lines and amounts),
numbered HT-YYYY-NNNN, each with a payment plan (one payment, 30/70 or monthly), payments
received (most on time, some late, some still outstanding and overdue, a few partial, a rare
one beyond the plan kept as credit), invoices and a history; a few drafts not signed yet, a few
terminated, the fully paid ones past their end completed.

Every figure the services keep in step is computed here while building, exactly as
contract_totals.refresh_contract_totals would leave it: payments, taken in the order received,
are placed on the unpaid instalments in due order (PaymentAllocation rows; none chooses one),
Instalment.paid is the sum of its allocations, Contract.received the sum of the live payments'
allocations, Contract.credit the sum of their credit, Contract.next_due_on the earliest
instalment not fully paid. Rows go in by the thousand through Core executemany.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from crmdesk.models.checks import clean_time
from crmdesk.models.demo_deals import PURPOSES, ensure_products
from crmdesk.models.dialects import reset_id_sequences
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_contracts import (
    Contract,
    ContractEvent,
    ContractLine,
    Instalment,
    Invoice,
    Payment,
    PaymentAllocation,
)
from crmdesk.models.schema_deals import Deal, DealLine

CENT = Decimal("0.01")
SHARE = 0.85  # of the won deals: a contract made
DRAFT_SHARE = 0.04  # of the contracts: not signed yet
TERMINATED_SHARE = 0.02
# How a customer pays: weights of on time, late, in parts, stopped after the first instalment.
PAYERS = (("prompt", 50), ("late", 25), ("partial", 15), ("stopped", 10))
PLANS = (("one", 35), ("split", 40), ("monthly", 25))
METHODS = (("bank_transfer", 70), ("online", 15), ("cheque", 10), ("cash", 5))
TERMS = (6, 12, 12, 12, 24)  # months
CREDIT_SHARE = 0.01  # of the fully paid contracts: a payment beyond the plan
INVOICE_SHARE = 0.7  # of the signed contracts: an invoice per instalment
MAX = 1_000_000
CHUNK = 5_000  # contracts a batch of rows
_NUMBER = re.compile(r"^HT-(\d{4})-(\d+)$")


@dataclass(frozen=True)
class DemoContracts:
    contracts: int
    lines: int
    instalments: int
    payments: int
    invoices: int
    overdue: int  # active or completed contracts with an instalment due before today unpaid


@dataclass(frozen=True)
class _Source:
    deal_id: int | None
    customer_id: int
    title: str
    amount: Decimal
    owner_id: int
    won_at: datetime
    lines: tuple  # (product_id, name, quantity, unit_price, discount)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, the month's last where it is shorter (31 Jan + 1: 28 Feb)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def plan_amounts(amount: Decimal, parts: list[int]) -> list[Decimal]:
    """The amount split by percentages to the cent, the remainder on the last."""
    shares = [(amount * p / 100).quantize(CENT, rounding=ROUND_DOWN) for p in parts[:-1]]
    return [*shares, amount - sum(shares, Decimal("0.00"))]


def allocate(
    payment: Decimal, instalments: list[list]
) -> tuple[list[tuple[int, Decimal]], Decimal]:
    """Apply a payment to [id, amount, paid] instalments in due order (updating paid): the
    allocations (instalment id, amount) and what is left beyond the plan."""
    left, allocations = payment, []
    for row in instalments:
        open_ = row[1] - row[2]
        if left <= 0:
            break
        if open_ <= 0:
            continue
        take = min(open_, left)
        row[2] += take
        left -= take
        allocations.append((row[0], take))
    return allocations, left


def _next_id(session: Session, table) -> int:
    return (session.scalar(select(func.max(table.id))) or 0) + 1


def _pick(rng: random.Random, weighted) -> str:
    names, weights = zip(*weighted, strict=True)
    return rng.choices(names, weights)[0]


class _Builder:
    def __init__(self, session: Session, now: datetime, rng: random.Random) -> None:
        self.rng, self.now, self.today = rng, now, now.date()
        self.team = dict(session.execute(select(User.id, User.team_id)).all())
        self.finance = session.scalar(
            select(User.id).where(User.role == "finance", User.active.is_(True)).order_by(User.id)
        )
        tables = (Contract, ContractLine, Instalment, Payment, Invoice, ContractEvent)
        self.ids = {t: _next_id(session, t) for t in tables}
        self.seq: dict[int, int] = {}
        for number in session.scalars(select(Contract.number).where(Contract.number.like("HT-%"))):
            if found := _NUMBER.match(number):
                year, seq = int(found[1]), int(found[2])
                self.seq[year] = max(self.seq.get(year, 0), seq)
        self.invoice_no = session.scalar(select(func.count()).select_from(Invoice)) or 0
        self.counts = dict.fromkeys(("contracts", "lines", "instalments", "payments", "invoices",
                                     "overdue"), 0)  # fmt: skip
        self.reset()

    def reset(self) -> None:
        self.rows: dict = {t: [] for t in self.ids}
        self.rows[PaymentAllocation] = []

    def new_id(self, table) -> int:
        value = self.ids[table]
        self.ids[table] += 1
        return value

    def at(self, day: date) -> datetime:
        """A working hour of the day, never after now."""
        moment = datetime.combine(day, time(9)) + timedelta(minutes=self.rng.randrange(480))
        return clean_time(min(moment, self.now))

    def event(self, contract_id: int, kind: str, at: datetime, actor: int, detail: str) -> None:
        self.rows[ContractEvent].append({"id": self.new_id(ContractEvent),
            "contract_id": contract_id, "kind": kind, "at": at, "actor_id": actor,
            "detail": detail})  # fmt: skip

    def number(self, day: date) -> str:
        self.seq[day.year] = self.seq.get(day.year, 0) + 1
        return f"HT-{day.year}-{self.seq[day.year]:04d}"

    # -- one contract
    def add(self, source: _Source) -> None:
        rng, today = self.rng, self.today
        owner = source.owner_id
        roll = rng.random()
        draft = roll < DRAFT_SHARE
        terminated = not draft and roll < DRAFT_SHARE + TERMINATED_SHARE
        won_day = source.won_at.date()
        signed = None if draft else min(today, won_day + timedelta(days=rng.randrange(15)))
        created_day = min(today, won_day + timedelta(days=rng.randrange(4)))
        created_day = min(created_day, signed) if signed else created_day
        created = max(source.won_at, self.at(created_day))  # both no later than now
        begin = (signed or today) + timedelta(days=rng.randrange(8))
        ends = add_months(begin, rng.choice(TERMS)) - timedelta(days=1)
        contract_id = self.new_id(Contract)
        amount = source.amount

        # The plan.
        plan = _pick(rng, PLANS)
        if plan == "one":
            dues, amounts = [begin + timedelta(days=30)], [amount]
        elif plan == "split":
            dues = [(signed or today) + timedelta(days=7), begin + timedelta(days=90)]
            amounts = plan_amounts(amount, [30, 70])
        else:
            n = rng.choice((3, 6, 12))
            dues = [add_months(begin, k + 1) for k in range(n)]
            each = (amount / n).quantize(CENT, rounding=ROUND_DOWN)  # equal months, not percents
            amounts = [each] * (n - 1) + [amount - each * (n - 1)]
        instalments = [[self.new_id(Instalment), a, Decimal("0.00"), d, k]
                       for k, (d, a) in enumerate(zip(dues, amounts, strict=True))]  # fmt: skip

        # The payments, as the customer paid them.
        payments: list[tuple[date, Decimal]] = []
        if not draft:
            payer = _pick(rng, PAYERS)
            for k, (_iid, part, _paid, due, _pos) in enumerate(instalments):
                if terminated and k >= 1:
                    break
                if payer == "stopped" and k >= 1:
                    break
                if due > today:
                    if rng.random() < 0.05:  # paid early
                        payments.append((max(signed, today - timedelta(days=rng.randrange(10))),
                                         part))  # fmt: skip
                    continue
                if payer == "prompt":
                    payments.append((max(signed, due - timedelta(days=rng.randrange(6))), part))
                elif payer == "late":
                    payments.append((due + timedelta(days=rng.randrange(5, 60)), part))
                else:  # in two parts, the second much later
                    half = (part / 2).quantize(CENT)
                    payments.append((due + timedelta(days=rng.randrange(0, 15)), half))
                    payments.append((due + timedelta(days=rng.randrange(30, 90)), part - half))
            payments = sorted(p for p in payments if p[0] <= today)

        # Applied in due order, as payments.record_payment does.
        credit_total = Decimal("0.00")
        recorded = []
        for received_on, paid in payments:
            allocations, beyond = allocate(paid, instalments)
            recorded.append((received_on, paid, allocations, beyond))
        if payments and all(i[2] == i[1] for i in instalments) and rng.random() < CREDIT_SHARE:
            extra = Decimal(rng.randrange(1, 20) * 100)
            recorded.append((payments[-1][0], extra, [], extra))
        method = _pick(rng, METHODS)
        last_at = created
        for received_on, paid, allocations, beyond in recorded:
            payment_id = self.new_id(Payment)
            at = max(created, self.at(received_on))
            last_at = max(last_at, at)
            self.rows[Payment].append({"id": payment_id, "contract_id": contract_id,
                "received_on": received_on, "amount": paid, "credit": beyond,
                "instalment_id": None, "method": method,
                "reference": f"{received_on:%Y%m%d}{rng.randrange(10**6):06d}"
                if method in ("bank_transfer", "online") else "", "note": "",
                "owner_id": owner, "team_id": self.team.get(owner),
                "recorded_by_id": self.finance or owner, "recorded_at": at, "voided_at": None,
                "voided_by_id": None})  # fmt: skip
            for instalment_id, part in allocations:
                self.rows[PaymentAllocation].append({"payment_id": payment_id,
                    "instalment_id": instalment_id, "amount": part})  # fmt: skip
            credit_total += beyond
            self.event(contract_id, "payment", at, self.finance or owner, f"{paid:.2f}")
        received = sum((i[2] for i in instalments), Decimal("0.00"))
        next_due = min((i[3] for i in instalments if i[2] < i[1]), default=None)

        status = "draft" if draft else "terminated" if terminated else "active"
        if status == "active" and ends < today and next_due is None:
            status = "completed"
        if status in ("active", "completed") and next_due is not None and next_due < today:
            self.counts["overdue"] += 1

        # Invoices: one per instalment, issued a few days before it falls due.
        if not draft and rng.random() < INVOICE_SHARE:
            for _iid, part, _paid, due, _pos in instalments:
                issued = max(signed, due - timedelta(days=rng.randrange(10)))
                if issued > today:
                    break
                self.invoice_no += 1
                at = max(created, self.at(issued))
                self.rows[Invoice].append({"id": self.new_id(Invoice),
                    "contract_id": contract_id, "number": f"FP{self.invoice_no:08d}",
                    "issued_on": issued, "amount": part, "note": "",
                    "recorded_by_id": self.finance or owner, "recorded_at": at})  # fmt: skip
                self.event(contract_id, "invoice", at, self.finance or owner, f"{part:.2f}")
                self.counts["invoices"] += 1
                last_at = max(last_at, at)

        self.event(contract_id, "created", created, owner, "")
        planned = sum((row[1] for row in instalments), Decimal(0))
        # As contracts.save_plan writes it: "how many:total".
        self.event(contract_id, "plan", created, owner, f"{len(instalments)}:{planned:.2f}")
        if signed is not None:
            self.event(contract_id, "status", max(created, self.at(signed)), owner, "active")
        if status in ("completed", "terminated"):
            closing = max(last_at, self.at(min(today, max(ends, signed))))
            self.event(contract_id, "status", closing, owner, status)
            last_at = max(last_at, closing)

        for i, (product_id, name, quantity, price, discount) in enumerate(source.lines):
            self.rows[ContractLine].append({"id": self.new_id(ContractLine),
                "contract_id": contract_id, "position": i, "product_id": product_id,
                "name": name, "quantity": quantity, "unit_price": price,
                "discount": discount})  # fmt: skip
        for iid, part, paid, due, position in instalments:
            self.rows[Instalment].append({"id": iid, "contract_id": contract_id,
                "position": position, "due_on": due, "amount": part, "paid": paid,
                "note": ""})  # fmt: skip
        self.rows[Contract].append({"id": contract_id, "number": self.number(created.date()),
            "customer_id": source.customer_id, "deal_id": source.deal_id, "owner_id": owner,
            "team_id": self.team.get(owner), "title": source.title[:200], "amount": amount,
            "received": received, "credit": credit_total, "next_due_on": next_due,
            "signed_on": signed, "starts_on": None if draft else begin,
            "ends_on": None if draft else ends, "status": status,
            "awaiting_approval": False, "notes": "", "created_at": created,
            "created_by_id": owner, "updated_at": last_at, "updated_by_id": owner,
            "deleted_at": None, "deleted_by_id": None,
            "version": 1 + len(recorded) + (signed is not None)})  # fmt: skip
        self.counts["contracts"] += 1
        self.counts["lines"] += len(source.lines)
        self.counts["instalments"] += len(instalments)
        self.counts["payments"] += len(recorded)

    def flush(self, session: Session) -> None:
        # Contracts first (the allocations' instalments and payments refer to them).
        for table in (Contract, ContractLine, Instalment, Payment, PaymentAllocation, Invoice,
                      ContractEvent):  # fmt: skip
            if self.rows[table]:
                session.execute(insert(table.__table__), self.rows[table])
        self.reset()


def _won_deals(session: Session) -> list[_Source]:
    """Won deals of live customers without a contract yet, oldest win first, with their lines."""
    has_contract = select(Contract.deal_id).where(Contract.deal_id.is_not(None))
    deals = session.execute(
        select(Deal.id, Deal.customer_id, Deal.title, Deal.amount, Deal.owner_id, Deal.closed_at)
        .join(Customer, Customer.id == Deal.customer_id)
        .where(Deal.status == "won", Deal.deleted_at.is_(None), Customer.deleted_at.is_(None),
               Deal.amount > 0, Deal.id.not_in(has_contract))
        .order_by(Deal.closed_at, Deal.id)
    ).all()  # fmt: skip
    lines: dict[int, list] = {}
    for deal_id, product_id, name, quantity, price, discount in session.execute(
        select(DealLine.deal_id, DealLine.product_id, DealLine.name, DealLine.quantity,
               DealLine.unit_price, DealLine.discount)
        .join(Deal, Deal.id == DealLine.deal_id)
        .where(Deal.status == "won")
        .order_by(DealLine.deal_id, DealLine.position)
    ):  # fmt: skip
        lines.setdefault(deal_id, []).append((product_id, name, quantity, price, discount))
    return [
        _Source(i, c, t, Decimal(a).quantize(CENT), o, w, tuple(lines.get(i, ())))
        for i, c, t, a, o, w in deals
    ]


def _without_deals(session: Session, now: datetime, rng: random.Random, n: int) -> list[_Source]:
    """Contracts signed without a deal on record (renewals, direct orders) for owned customers."""
    if n <= 0:
        return []
    customers = session.execute(
        select(Customer.id, Customer.name, Customer.owner_id)
        .where(Customer.owner_id.is_not(None), Customer.deleted_at.is_(None))
        .order_by(Customer.id)
    ).all()
    if not customers:
        return []
    products = ensure_products(session, now)
    made = []
    for _ in range(n):
        customer_id, name, owner = rng.choice(customers)
        product_id, product, price = rng.choice(products)
        quantity = Decimal(rng.choice((1, 1, 2, 5, 10)))
        discount = Decimal(rng.choice((0, 0, 5, 10)))
        amount = (quantity * price * (100 - discount) / 100).quantize(CENT)
        won = now - timedelta(days=rng.uniform(0, 720))
        title = f"{name[:12]}·{rng.choice(PURPOSES)}"
        made.append(_Source(None, customer_id, title, amount, owner, clean_time(won),
                            ((product_id, product, quantity, price, discount),)))  # fmt: skip
    made.sort(key=lambda s: s.won_at)
    return made


def add_demo_contracts(
    session: Session,
    now: datetime,
    *,
    rng: random.Random | None = None,
    share: float = SHARE,
    count: int | None = None,
    chunk: int = CHUNK,
) -> DemoContracts:
    """Contracts for `share` of the won deals that have none (in the caller's unit of work); given
    `count`, that many instead: the won deals' first, then contracts without a deal for owned
    customers. Refresh the planner's statistics after it (dialects.refresh_statistics)."""
    if count is not None and (isinstance(count, bool) or not isinstance(count, int)
                              or not 0 <= count <= MAX):  # fmt: skip
        raise ValidationFailed(errors=[("count", "out_of_range")], limits={"count": MAX})
    rng = rng or random.Random(1)
    now = clean_time(now)
    won = _won_deals(session)
    if count is None:
        sources = [s for s in won if rng.random() < share]
    else:
        sources = won[:count]
        sources += _without_deals(session, now, rng, count - len(sources))
        sources.sort(key=lambda s: s.won_at)  # numbers run with the days
    build = _Builder(session, now, rng)
    for k, source in enumerate(sources):
        build.add(source)
        if (k + 1) % chunk == 0:
            build.flush(session)
    build.flush(session)
    tables = ["contracts", "contract_lines", "instalments", "payments", "invoices",
              "contract_events"]  # fmt: skip
    reset_id_sequences(session.connection(), tables)
    c = build.counts
    return DemoContracts(c["contracts"], c["lines"], c["instalments"], c["payments"],
                         c["invoices"], c["overdue"])  # fmt: skip
