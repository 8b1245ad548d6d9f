"""What customers still owe (应收): per contract, customer, owner (rep), team and in total, the
money contracted, received, outstanding and overdue, the overdue part by age (1–30, 31–60,
61–90 and over 90 days past its due day); the reminders (instalments falling due or overdue,
contracts about to expire) that the Today page shows; payments received per month and rep for
reports and targets.

Which contracts count: live ones (not in the recycle bin, their customer not in it either) that
are active or completed. A draft is not yet owed (nothing was signed, no money can be recorded
on it: payments.py) and a terminated contract's remaining plan was called off, so neither is
receivable; payments_by_month counts money received on any live contract, terminated ones
included. Visibility is policy.contract_see_condition (finance sees every contract).

Outstanding is contract_rules.outstanding, the one definition the dialog and the list use too:
the amount less every live payment, never below zero (credit only exists once the plan is
paid, so with a plan adding up it is the amount less what was placed on it). Overdue is what
instalments due before `today` still lack; an instalment due today is not overdue. Money is
summed as whole cents, integers on every backend (SQLite keeps Numeric as a float, whose sums
drift), in one GROUP BY over contracts and one over instalments for each breakdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal_column, select
from sqlalchemy.orm import Session

from crmdesk.models.bulk import id_in
from crmdesk.models.checks import MAX_PAGE, Checker
from crmdesk.models.contract_rules import outstanding, outstanding_column
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.pinyin import person_sort_key
from crmdesk.models.policy import contract_see_condition
from crmdesk.models.schema import Customer, Team, User
from crmdesk.models.schema_contracts import Contract, Instalment, Payment
from crmdesk.models.sums import cents, money_of
from crmdesk.models.today import LIMIT, SectionResult
from crmdesk.models.users import UserRow

RECEIVABLE_STATUSES = ("active", "completed")
BUCKETS = (30, 60, 90)  # upper ends, in days past due, of the first three age buckets
DUE_DAYS = 7  # the Today page: instalments due within a week (and every overdue one)
EXPIRING_DAYS = 30  # and contracts ending within a month (renewals)
MAX_DAYS = 3660
# Rows a breakdown returns: their keys go back into the next statement one bound parameter each
# (bulk.id_in), which stays well within every server's limits.
MAX_ROWS = 500
ZERO = Decimal("0.00")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Receivable:
    contracts: int
    contracted: Decimal
    received: Decimal  # applied to the plan (credit apart)
    credit: Decimal  # received beyond the plan
    outstanding: Decimal  # contract_rules.outstanding, summed per contract
    overdue: Decimal  # unpaid on instalments due before today
    buckets: tuple[Decimal, Decimal, Decimal, Decimal]  # overdue 1–30, 31–60, 61–90, 90+ days


EMPTY = Receivable(0, ZERO, ZERO, ZERO, ZERO, ZERO, (ZERO, ZERO, ZERO, ZERO))


@dataclass(frozen=True)
class ReceivableRow:
    """One owner's, team's or customer's figures (id None: owners without a team)."""

    id: int | None
    name: str
    figures: Receivable


@dataclass(frozen=True)
class ContractReceivableRow:
    contract_id: int
    number: str
    title: str
    customer_id: int
    customer_name: str
    owner_id: int
    next_due_on: date | None
    figures: Receivable


@dataclass(frozen=True)
class InstalmentDueRow:
    contract_id: int  # opens the contract
    contract_number: str
    contract_title: str
    customer_id: int
    customer_name: str
    instalment_id: int
    due_on: date
    amount: Decimal
    paid: Decimal
    outstanding: Decimal
    days: int  # due_on - today: negative when overdue, 0 today

    @property
    def overdue(self) -> bool:
        return self.days < 0


@dataclass(frozen=True)
class ExpiringRow:
    contract_id: int
    number: str
    title: str
    customer_id: int
    customer_name: str
    ends_on: date
    days_left: int  # 0: ends today
    amount: Decimal
    outstanding: Decimal


@dataclass(frozen=True)
class MonthRow:
    month: int  # 1-12
    owner_id: int | None  # the contract's owner when the money came (Payment.owner_id)
    owner_name: str
    team_id: int | None
    amount: Decimal  # received, credit included
    payments: int


# ---------------------------------------------------------------- conditions and sums


def _live(actor: UserRow) -> list[ColumnElement[bool]]:
    """Visible live contracts whose customer is live. The recycle bin's customers are few and
    indexed (ix_customers_deleted): a NOT IN over them, no join with every customer."""
    binned = select(Customer.id).where(Customer.deleted_at.is_not(None))
    return [
        contract_see_condition(actor),
        Contract.deleted_at.is_(None),
        Contract.customer_id.not_in(binned),
    ]


def _receivable(actor: UserRow) -> list[ColumnElement[bool]]:
    return [*_live(actor), Contract.status.in_(RECEIVABLE_STATUSES)]


def _outstanding_cents() -> ColumnElement:
    return func.sum(cents(outstanding_column()))


def _bucket_sums(today: date) -> list[ColumnElement]:
    """Unpaid cents of overdue instalments, per age bucket (days past due = today - due_on)."""
    unpaid = cents(Instalment.amount - Instalment.paid)
    edges = [today - timedelta(days=d) for d in BUCKETS]  # due on or after: at most d days
    conditions = [
        Instalment.due_on >= edges[0],
        (Instalment.due_on < edges[0]) & (Instalment.due_on >= edges[1]),
        (Instalment.due_on < edges[1]) & (Instalment.due_on >= edges[2]),
        Instalment.due_on < edges[2],
    ]
    return [func.sum(case((cond, unpaid), else_=0)) for cond in conditions]


def _figures(
    session: Session,
    actor: UserRow,
    today: date,
    key: ColumnElement | None,
    *where: ColumnElement[bool],
    limit: int | None = None,
) -> dict[Any, Receivable]:
    """Figures per value of key (None: one total, keyed None), in the order of the outstanding
    amount, largest first; limit: only the first so many keys."""
    keys = [key] if key is not None else []
    sums = select(*keys, func.count(), func.sum(cents(Contract.amount)),
                  func.sum(cents(Contract.received)), func.sum(cents(Contract.credit)),
                  _outstanding_cents()).where(*_receivable(actor), *where)  # fmt: skip
    if key is not None:
        sums = sums.group_by(key).order_by(_outstanding_cents().desc(), key)
        if limit is not None:
            sums = sums.limit(limit)
    contract_rows = session.execute(sums).all()
    if key is not None and limit is not None:
        where = (*where, id_in(session, [r[0] for r in contract_rows], key))
    overdue = (
        select(*keys, *_bucket_sums(today))
        .join(Contract, Contract.id == Instalment.contract_id)
        .where(*_receivable(actor), *where, Instalment.due_on < today,
               Instalment.paid < Instalment.amount)
    )  # fmt: skip
    if key is not None:
        overdue = overdue.group_by(key)
    ages = {}
    for row in session.execute(overdue):
        ages[row[0] if key is not None else None] = tuple(money_of(c) for c in row[len(keys) :])
    found: dict[Any, Receivable] = {}
    for row in contract_rows:
        k = row[0] if key is not None else None
        count, contracted, received, credit, outstanding = row[len(keys) :]
        if not count:
            continue
        buckets = ages.get(k, EMPTY.buckets)
        found[k] = Receivable(int(count), money_of(contracted), money_of(received),
                              money_of(credit), money_of(outstanding), sum(buckets, ZERO),
                              buckets)  # fmt: skip
    return found


def _check(today: Any, days: Any = 0, limit: Any = 1, most: int = MAX_PAGE) -> None:
    c = Checker()
    if today is None:
        c.fail("today", "required")
    c.day("today", today)
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DAYS:
        c.fail("days", "out_of_range", MAX_DAYS)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= most:
        c.fail("limit", "out_of_range", most)
    c.done()


def _names(session: Session, table, ids: Sequence[Any]) -> dict[int, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return dict(session.execute(select(table.id, table.name).where(table.id.in_(wanted))).all())


# ---------------------------------------------------------------- receivables


def receivables_total(session: Session, actor: UserRow, today: date) -> Receivable:
    """Every receivable contract the actor sees, summed."""
    _check(today)
    return _figures(session, actor, today, None).get(None, EMPTY)


def receivables_by_owner(session: Session, actor: UserRow, today: date) -> list[ReceivableRow]:
    """Per rep owning contracts, the most outstanding first."""
    _check(today)
    found = _figures(session, actor, today, Contract.owner_id)
    names = _names(session, User, list(found))
    return [ReceivableRow(k, names.get(k, ""), f) for k, f in found.items()]


def receivables_by_team(session: Session, actor: UserRow, today: date) -> list[ReceivableRow]:
    """Per owners' team (id None: owners without a team), the most outstanding first."""
    _check(today)
    found = _figures(session, actor, today, Contract.team_id)
    names = _names(session, Team, list(found))
    return [ReceivableRow(k, names.get(k, ""), f) for k, f in found.items()]


def receivables_by_customer(
    session: Session, actor: UserRow, today: date, limit: int = LIMIT
) -> list[ReceivableRow]:
    """The `limit` (at most MAX_ROWS) customers owing the most (outstanding), largest first."""
    _check(today, limit=limit, most=MAX_ROWS)
    found = _figures(session, actor, today, Contract.customer_id, limit=limit)
    names = _names(session, Customer, list(found))
    return [ReceivableRow(k, names.get(k, ""), f) for k, f in found.items()]


def receivables_by_contract(
    session: Session,
    actor: UserRow,
    today: date,
    *,
    customer_id: int | None = None,
    limit: int = LIMIT,
) -> list[ContractReceivableRow]:
    """The `limit` (at most MAX_ROWS) contracts (of one customer, if given) with the most
    outstanding first."""
    _check(today, limit=limit, most=MAX_ROWS)
    where = [Contract.customer_id == customer_id] if customer_id is not None else []
    found = _figures(session, actor, today, Contract.id, *where, limit=limit)
    if not found:
        return []
    stmt = (
        select(Contract.id, Contract.number, Contract.title, Contract.customer_id, Customer.name,
               Contract.owner_id, Contract.next_due_on)
        .join(Customer, Customer.id == Contract.customer_id)
        .where(id_in(session, list(found), Contract.id))
    )  # fmt: skip
    rows = {r[0]: r for r in session.execute(stmt)}
    return [ContractReceivableRow(*rows[k], figures=f) for k, f in found.items() if k in rows]


# ---------------------------------------------------------------- reminders


def _whose(actor: UserRow, mine: bool) -> list[ColumnElement[bool]]:
    return [*_live(actor), Contract.owner_id == actor.id] if mine else _live(actor)


def due_instalments(
    session: Session,
    actor: UserRow,
    today: date,
    *,
    days: int = DUE_DAYS,
    mine: bool = True,
    limit: int = LIMIT,
) -> SectionResult[InstalmentDueRow]:
    """Unpaid instalments of receivable contracts due on or before today + days (so every
    overdue one too), the earliest first. mine: the actor's own contracts; else all they see."""
    _check(today, days, limit)
    where = [*_whose(actor, mine), Contract.status.in_(RECEIVABLE_STATUSES),
             Instalment.paid < Instalment.amount,
             Instalment.due_on <= today + timedelta(days=days)]  # fmt: skip
    stmt = (
        select(Contract.id, Contract.number, Contract.title, Contract.customer_id, Customer.name,
               Instalment.id, Instalment.due_on, Instalment.amount, Instalment.paid)
        .join(Contract, Contract.id == Instalment.contract_id)
        .join(Customer, Customer.id == Contract.customer_id)
        .where(*where)
        .order_by(Instalment.due_on, Instalment.id)
        .limit(limit)
    )  # fmt: skip
    rows = tuple(
        InstalmentDueRow(cid, number, title, customer_id, customer, iid, due, amount, paid,
                         amount - paid, (due - today).days)
        for cid, number, title, customer_id, customer, iid, due, amount, paid
        in session.execute(stmt)
    )  # fmt: skip
    count = select(func.count()).select_from(Instalment)
    count = count.join(Contract, Contract.id == Instalment.contract_id).where(*where)
    return SectionResult(rows, session.scalar(count) or 0)


def expiring_contracts(
    session: Session,
    actor: UserRow,
    today: date,
    *,
    days: int = EXPIRING_DAYS,
    mine: bool = True,
    limit: int = LIMIT,
) -> SectionResult[ExpiringRow]:
    """Active contracts ending between today and today + days (both included), soonest first:
    the renewals to prepare."""
    _check(today, days, limit)
    last = today + timedelta(days=days)
    where = [*_whose(actor, mine), Contract.status == "active",
             Contract.ends_on >= today, Contract.ends_on <= last]  # fmt: skip
    stmt = (
        select(Contract.id, Contract.number, Contract.title, Contract.customer_id, Customer.name,
               Contract.ends_on, Contract.amount, Contract.received, Contract.credit)
        .join(Customer, Customer.id == Contract.customer_id)
        .where(*where)
        .order_by(Contract.ends_on, Contract.id)
        .limit(limit)
    )  # fmt: skip
    rows = tuple(
        ExpiringRow(cid, number, title, customer_id, customer, ends, (ends - today).days, amount,
                    outstanding(amount, received, credit))
        for cid, number, title, customer_id, customer, ends, amount, received, credit
        in session.execute(stmt)
    )  # fmt: skip
    count = select(func.count()).select_from(Contract).where(*where)
    return SectionResult(rows, session.scalar(count) or 0)


def reminders(
    session: Session, actor: UserRow, today: date, *, limit: int = LIMIT
) -> tuple[SectionResult[InstalmentDueRow], SectionResult[ExpiringRow]]:
    """The Today page's two contract sections: the actor's own contracts; finance, who owns
    none and collects on all, every contract they see."""
    mine = actor.role != "finance"
    return (
        due_instalments(session, actor, today, mine=mine, limit=limit),
        expiring_contracts(session, actor, today, mine=mine, limit=limit),
    )


# ---------------------------------------------------------------- for reports


def payments_by_month(session: Session, actor: UserRow, year: int) -> list[MonthRow]:
    """Live payments on the live contracts the actor sees, received in `year`, summed per
    month, owner and team (the owner's when the money came), by month then owner name."""
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2199:
        raise ValidationFailed(errors=[("year", "out_of_range")], limits={})
    month = case(*[(Payment.received_on < date(year, m + 1, 1), m) for m in range(1, 12)],
                 else_=12).label("month")  # fmt: skip
    # Grouped by the output's name: a CASE with bound dates repeated in GROUP BY is a different
    # expression to PostgreSQL (its parameters are numbered anew).
    stmt = (
        select(month, Payment.owner_id, Payment.team_id, func.sum(cents(Payment.amount)),
               func.count())
        .join(Contract, Contract.id == Payment.contract_id)
        .where(*_live(actor), Payment.voided_at.is_(None),
               Payment.received_on >= date(year, 1, 1), Payment.received_on < date(year + 1, 1, 1))
        .group_by(literal_column("month"), Payment.owner_id, Payment.team_id)
    )  # fmt: skip
    found = session.execute(stmt).all()
    names = _names(session, User, list({r[1] for r in found}))
    rows = [MonthRow(int(m), owner, names.get(owner, ""), team, money_of(cents), int(n))
            for m, owner, team, cents, n in found]  # fmt: skip
    rows.sort(key=lambda r: (r.month, person_sort_key(r.owner_name), r.owner_name, r.owner_id or 0,
                             r.team_id or 0))  # fmt: skip
    return rows
