"""The contracts list (合同): the query (scope, owner, search, status, signed in a period, overdue,
expiring soon, sort), its pages, count and ids, its scopes and the owner filter's choices.

Visibility is policy.contract_see_condition (finance sees every contract). A contract whose
customer sits in the recycle bin is hidden with it, tested against the bin's few ids as the deal
list does (deal_board.py). Received, outstanding and the next due day come from the contract's
own columns, which every payment and plan write keeps in step (schema_contracts.py): sorting
and filtering 100,000 contracts by them reads no instalment. The customer is joined only where
its name is sorted by (a search tests the ids of the customers named so); a page's names come in
a second query by the page's ids.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import BigInteger, ColumnElement, Select, cast, func, or_, select
from sqlalchemy.orm import Session, aliased

from crmdesk.models.checks import check_page
from crmdesk.models.contract_rules import outstanding, outstanding_column
from crmdesk.models.list_query import (
    MAX_IDS,
    SCOPES,  # noqa: F401 (contract_columns.py reads the scopes here)
    SavedQuery,
    clean_day,
    cleaned_common,
    like_pattern,
    live_conditions,
    owner_conditions,
)
from crmdesk.models.policy import assignable_users, contract_see_condition, list_scopes
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_contracts import CONTRACT_STATUSES, Contract
from crmdesk.models.users import UserRow, list_users

AWAITING = "awaiting_approval"  # a status filter beside CONTRACT_STATUSES
SORTS = ("number", "title", "customer", "owner", "status", "amount", "received", "outstanding",
         "next_due_on", "signed_on", "ends_on", "created_at", "updated_at")  # fmt: skip
MAX_EXPIRING_DAYS = 3650
# The statuses under which money is owed: a draft is not in force yet, and a terminated
# contract's unpaid instalments are no longer asked for (its plan is what was settled).
OWING_STATUSES = ("active", "completed")
# Days that may be empty sort last in either direction (the backends put NULLs at different ends).
_NULLABLE = ("next_due_on", "signed_on", "ends_on")


@dataclass(frozen=True)
class ContractQuery(SavedQuery):
    """What the contracts list shows. Saved views store to_dict()."""

    scope: str = "all"  # mine / team / all, narrowed to what the actor may see anyway
    owner_id: int | None = None
    search: str = ""  # words of the number, the title or the customer's name, all of them
    status: str = ""  # one of CONTRACT_STATUSES or AWAITING, "" for any
    signed_from: date | None = None  # signed on or after
    signed_to: date | None = None  # signed on or before
    overdue_only: bool = False  # an instalment due before today still unpaid (is_overdue)
    expiring_days: int = 0  # active and ending within this many days from today (0: off)
    sort: str = "signed_on"
    descending: bool = True

    def cleaned(self) -> ContractQuery:
        return clean_query(self)


@dataclass(frozen=True)
class ContractListRow:
    id: int
    number: str
    title: str
    customer_name: str
    owner_name: str
    status: str
    amount: Decimal
    received: Decimal
    outstanding: Decimal  # contract_rules.outstanding: still owed, never below zero
    next_due_on: date | None  # the earliest instalment not fully paid
    signed_on: date | None
    ends_on: date | None
    overdue: bool
    version: int
    customer_id: int = 0
    owner_id: int = 0
    credit: Decimal = Decimal("0.00")  # paid beyond the plan
    awaiting_approval: bool = False
    overdue_days: int = 0  # since next_due_on, when overdue


def is_overdue(status: str, next_due_on: date | None, today: date) -> bool:
    """One row's overdue_condition."""
    return status in OWING_STATUSES and next_due_on is not None and next_due_on < today


def overdue_condition(today: date) -> ColumnElement[bool]:
    """Contracts in force with an instalment due before today and not fully paid."""
    return Contract.status.in_(OWING_STATUSES) & (Contract.next_due_on < today)


def _days(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return min(max(value, 0), MAX_EXPIRING_DAYS)


def clean_query(query: ContractQuery) -> ContractQuery:
    """A query any caller (or an old saved view) may have filled oddly, made safe to run: it
    never fails, it narrows or widens to something sensible."""
    status = query.status if isinstance(query.status, str) else ""
    return replace(
        query,
        **cleaned_common(query, SORTS, "signed_on"),
        status=status if status in (*CONTRACT_STATUSES, AWAITING) else "",
        signed_from=clean_day(query.signed_from),
        signed_to=clean_day(query.signed_to),
        overdue_only=bool(query.overdue_only),
        expiring_days=_days(query.expiring_days),
    )


def contract_scopes(actor: UserRow) -> list[str]:
    """The scopes the list offers, the first the one it opens with: finance owns no contracts
    and sees all of them, so "all" only; others as the customer list (policy.list_scopes)."""
    if actor.role == "finance":
        return ["all"]
    return list_scopes(actor)


def contract_owner_choices(session: Session, actor: UserRow) -> list[UserRow]:
    """Whom the owner filter offers: finance every active user (they see every contract);
    others those they may hand work to (policy)."""
    if actor.role == "finance" and actor.active:
        return list_users(session)
    return assignable_users(session, actor)


# ---------------------------------------------------------------- conditions


def conditions(
    session: Session, actor: UserRow, query: ContractQuery, today: date
) -> list[ColumnElement[bool]]:
    """The list's WHERE, on the contracts table alone."""
    dialect = session.get_bind().dialect.name
    where: list[ColumnElement[bool]] = [
        *live_conditions(Contract.customer_id, Contract.deleted_at, dialect),
        contract_see_condition(actor),
        *owner_conditions(Contract, actor, query),
    ]
    if query.status == AWAITING:  # a draft waiting for a manager's decision on activating it
        where += [Contract.status == "draft", Contract.awaiting_approval.is_(True)]
    elif query.status:
        where.append(Contract.status == query.status)
    if query.signed_from is not None:
        where.append(Contract.signed_on >= query.signed_from)
    if query.signed_to is not None:
        where.append(Contract.signed_on <= query.signed_to)
    if query.overdue_only:
        where.append(overdue_condition(today))
    if query.expiring_days:
        last = today + timedelta(days=query.expiring_days)
        where += [Contract.status == "active", Contract.ends_on >= today, Contract.ends_on <= last]
    named = aliased(Customer, name="named")  # the statement may join Customer for its sort
    for word in query.search.split():
        pattern = like_pattern(word)
        # The customers named so, read once: joining every contract's customer to test its
        # name took 340-730 ms to count 100,000 contracts on SQLite, this 125 ms.
        customers = select(named.id).where(named.name.ilike(pattern, escape="\\"))
        where.append(
            or_(
                Contract.number.ilike(pattern, escape="\\"),
                Contract.title.ilike(pattern, escape="\\"),
                Contract.customer_id.in_(customers),
            )
        )
    return where


def _ordered(column, descending: bool, nullable: bool, dialect: str) -> list:
    """The column's order, empty days last either way. SQLite and MariaDB hold NULL smallest, so
    a descending order puts them last by itself and walks the column's index (the default sort,
    signed_on descending, is a page of 100,000 contracts read from ix_contracts_signed);
    PostgreSQL says NULLS LAST, which its ascending order does by itself."""
    if not nullable:
        return [column.desc() if descending else column.asc()]
    if dialect == "postgresql":
        return [(column.desc() if descending else column.asc()).nulls_last()]
    if descending:
        return [column.desc()]
    return [column.is_(None).asc(), column.asc()]


def _order(query: ContractQuery, owner, dialect: str) -> list:
    """The sort's columns, then the id: equal values keep one order, so pages never overlap."""
    keys = {
        "number": (Contract.number,),
        "title": (Contract.title,),
        "customer": (Customer.name_sort, Customer.name),  # pinyin order (pinyin.py)
        "owner": (owner.name_sort, Contract.owner_id),
        "status": (Contract.status,),
        "amount": (Contract.amount,),
        "received": (Contract.received,),
        # In whole cents: SQLite keeps Numeric as a float, whose differences drift.
        "outstanding": (cast(func.round(outstanding_column() * 100), BigInteger),),
        "next_due_on": (Contract.next_due_on,),
        "signed_on": (Contract.signed_on,),
        "ends_on": (Contract.ends_on,),
        "created_at": (Contract.created_at,),
        "updated_at": (Contract.updated_at,),
    }
    nullable = query.sort in _NULLABLE
    order = []
    for column in (*keys[query.sort], Contract.id):
        order += _ordered(column, query.descending, nullable and column is not Contract.id, dialect)
    return order


def _ids_statement(session: Session, actor: UserRow, query: ContractQuery, today: date) -> Select:
    """The list's ids in its order, joining only what the sort reads."""
    owner = aliased(User, name="owner")
    stmt = select(Contract.id).where(*conditions(session, actor, query, today))
    if query.sort == "customer":
        stmt = stmt.join(Customer, Customer.id == Contract.customer_id)
    if query.sort == "owner":
        stmt = stmt.join(owner, owner.id == Contract.owner_id)
    return stmt.order_by(*_order(query, owner, session.get_bind().dialect.name))


# ---------------------------------------------------------------- count, pages, ids


def count_contracts(session: Session, actor: UserRow, query: ContractQuery, today: date) -> int:
    where = conditions(session, actor, clean_query(query), today)
    return session.scalar(select(func.count()).select_from(Contract).where(*where)) or 0


def list_contracts(
    session: Session,
    actor: UserRow,
    query: ContractQuery,
    today: date,
    offset: int = 0,
    limit: int = 100,
) -> list[ContractListRow]:
    """Rows offset … offset+limit in the list's order: the page's ids first, then their rows
    with the customer's and owner's names (a join before the sort reads every contract's)."""
    offset, limit = check_page(offset, limit)
    query = clean_query(query)
    ids = list(
        session.scalars(_ids_statement(session, actor, query, today).offset(offset).limit(limit))
    )
    if not ids:
        return []
    owner = aliased(User, name="owner")
    stmt = (
        select(
            Contract.id,
            Contract.number,
            Contract.title,
            Customer.name,
            func.coalesce(owner.name, ""),
            Contract.status,
            Contract.amount,
            Contract.received,
            Contract.next_due_on,
            Contract.signed_on,
            Contract.ends_on,
            Contract.version,
            Contract.customer_id,
            Contract.owner_id,
            Contract.credit,
            Contract.awaiting_approval,
        )  # fmt: skip
        .join(Customer, Customer.id == Contract.customer_id)
        .outerjoin(owner, owner.id == Contract.owner_id)
        .where(Contract.id.in_(ids))  # at most MAX_PAGE
    )
    rows = {}
    for row in session.execute(stmt):
        (contract_id, number, title, customer, owner_name, status, amount, received, next_due,
         signed, ends, version, customer_id, owner_id, credit, awaiting) = row  # fmt: skip
        amount, received = _money(amount), _money(received)
        overdue = is_overdue(status, next_due, today)
        rows[contract_id] = ContractListRow(
            contract_id, number, title, customer, owner_name, status, amount, received,
            outstanding(amount, received, _money(credit)), next_due, signed, ends, overdue, version,
            customer_id, owner_id, _money(credit), bool(awaiting),
            (today - next_due).days if overdue else 0,
        )  # fmt: skip
    return [rows[i] for i in ids if i in rows]


def _money(value) -> Decimal:
    """SQLite hands Numeric back through a float: to the cent, as stored."""
    return Decimal(value if value is not None else 0).quantize(Decimal("0.01"))


def contract_ids(
    session: Session,
    actor: UserRow,
    query: ContractQuery,
    today: date,
    offset: int = 0,
    limit: int = 100,
) -> list[int]:
    """The ids of rows offset … offset+limit in the list's order (a selection never loaded)."""
    offset, limit = check_page(offset, limit, MAX_IDS)
    stmt = _ids_statement(session, actor, clean_query(query), today)
    return list(session.scalars(stmt.offset(offset).limit(limit)))
