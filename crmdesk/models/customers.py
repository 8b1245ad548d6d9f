"""Customers: the list query (search, filters, sort, paging), and create/edit with validation
and duplicate warnings. Actions on many customers live in customer_actions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from crmdesk.models import search
from crmdesk.models.database import no_index
from crmdesk.models.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.schema import (
    LEVELS,
    STATUSES,
    Contact,
    Customer,
    OwnershipEvent,
    User,
)
from crmdesk.models.users import (
    UserRow,
    assignable_users,
    check_may_edit,
    team_member_ids,
    visible_condition,
)

SCOPES = ("mine", "team", "all")


@dataclass(frozen=True)
class CustomerQuery:
    """What the customer list shows: a search, filters and a sort. Saved views store this."""

    search: str = ""
    scope: str = "all"  # mine / team / all, narrowed to what the actor may see anyway
    owner_id: int | None = None
    level: str = ""
    industry: str = ""
    province: str = ""
    status: str = ""
    source: str = ""
    overdue: bool = False
    sort: str = "updated_at"
    descending: bool = True

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict) -> CustomerQuery:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    level: str
    status: str
    industry: str
    province: str
    city: str
    source: str
    company_size: str
    tags: str
    owner_id: int | None
    owner_name: str
    contact_name: str
    contact_mobile: str
    last_follow_up_at: datetime | None
    next_follow_up_at: datetime | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class CustomerInput:
    name: str
    level: str = "C"
    status: str = "lead"
    industry: str = ""
    province: str = ""
    city: str = ""
    address: str = ""
    company_size: str = ""
    source: str = ""
    tags: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class CustomerDetail:
    id: int
    data: CustomerInput
    owner_id: int | None
    owner_name: str
    created_at: datetime
    updated_at: datetime
    updated_by_name: str
    last_follow_up_at: datetime | None
    next_follow_up_at: datetime | None
    version: int


@dataclass(frozen=True)
class DuplicateResult:
    customer_id: int
    customer_name: str
    owner_name: str
    field: str  # "name" or "phone"
    value: str


@dataclass(frozen=True)
class DeletedCustomerRow:
    id: int
    name: str
    owner_name: str
    deleted_at: datetime
    deleted_by_name: str


@dataclass(frozen=True)
class ChangeResult:
    """What a write changed, so each page can decide whether to reload."""

    customer_ids: tuple[int, ...] = ()
    kinds: frozenset[str] = field(default_factory=frozenset)


# ---------------------------------------------------------------- validation

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s\-()]{5,30}$")


def valid_phone(value: str) -> bool:
    return not value or (bool(_PHONE.match(value)) and 5 <= len(search.digits(value)) <= 20)


def valid_email(value: str) -> bool:
    return not value or bool(_EMAIL.match(value))


def normalize_tags(tags: Sequence[str]) -> tuple[str, ...]:
    clean = {t.strip().replace(",", " ") for t in tags if t and t.strip()}
    return tuple(sorted(clean))


def validate_customer(data: CustomerInput) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not data.name.strip():
        errors.append(("name", "required"))
    elif len(data.name.strip()) > 200:
        errors.append(("name", "too_long"))
    if data.level not in LEVELS:
        errors.append(("level", "invalid"))
    if data.status not in STATUSES:
        errors.append(("status", "invalid"))
    if len(",".join(normalize_tags(data.tags))) > 500:
        errors.append(("tags", "too_long"))
    return errors


# ---------------------------------------------------------------- the list


def owner_alias():
    return aliased(User, name="owner")


SORT_KEYS = {
    "name": Customer.name,
    "level": Customer.level,
    "status": Customer.status,
    "industry": Customer.industry,
    "province": Customer.province,
    "city": Customer.city,
    "source": Customer.source,
    # Groups by owner, newest first within each: exactly the (owner_id, updated_at) index.
    "owner": (Customer.owner_id, Customer.updated_at),
    "last_follow_up_at": Customer.last_follow_up_at,
    "next_follow_up_at": Customer.next_follow_up_at,
    "created_at": Customer.created_at,
    "updated_at": Customer.updated_at,
}


def _conditions(
    session: Session, actor: UserRow, query: CustomerQuery, now: datetime, for_page: bool = False
) -> list[ColumnElement[bool]]:
    """The WHERE of the list. For a page (ORDER BY … LIMIT) on SQLite the filters carry a
    planner hint so the sort column's index drives; see database.no_index. The exceptions: a
    selective search, which drives by id, and a rep's own list by date, which the
    (owner_id, updated_at) index serves exactly."""
    dialect = session.get_bind().dialect.name
    condition, selective = search.search_condition(session, query.search, for_page)
    hinted = for_page and not selective

    def col(column):
        return no_index(column, dialect) if hinted else column

    # owner_id = X sorted by date (or owner) is the (owner_id, updated_at) index; IN (a team) is
    # not, so that one always walks the sort index.
    owner = Customer.owner_id if query.sort in ("updated_at", "owner") else col(Customer.owner_id)
    team_owner = col(Customer.owner_id)
    where: list[ColumnElement[bool]] = [
        Customer.deleted_at.is_(None),
        visible_condition(actor, team_owner if actor.is_manager else owner),
    ]
    if query.scope == "mine":
        where.append(owner == actor.id)
    elif query.scope == "team" and actor.team_id is not None:
        where.append(team_owner.in_(team_member_ids(actor.team_id)))
    if query.owner_id is not None:
        where.append(owner == query.owner_id)
    for column, value in (
        (Customer.level, query.level),
        (Customer.industry, query.industry),
        (Customer.province, query.province),
        (Customer.status, query.status),
        (Customer.source, query.source),
    ):
        if value:
            where.append(col(column) == value)
    if query.overdue:
        where.append(col(Customer.next_follow_up_at) < now)
    if condition is not None:
        where.append(condition)
    return where


def count_customers(session: Session, actor: UserRow, query: CustomerQuery, now: datetime) -> int:
    stmt = (
        select(func.count()).select_from(Customer).where(*_conditions(session, actor, query, now))
    )
    return session.scalar(stmt) or 0


def _list_statement(
    session: Session, actor: UserRow, query: CustomerQuery, now: datetime
) -> Select:
    owner = owner_alias()

    def primary_contact(column):
        return (
            select(column)
            .where(Contact.customer_id == Customer.id)
            .order_by(Contact.is_primary.desc(), Contact.id)
            .limit(1)
            .correlate(Customer)
            .scalar_subquery()
        )

    key = SORT_KEYS.get(query.sort, Customer.updated_at)
    columns = (*(key if isinstance(key, tuple) else (key,)), Customer.id)  # id breaks ties
    order = [c.desc() if query.descending else c.asc() for c in columns]
    return (
        select(
            Customer.id,
            Customer.name,
            Customer.level,
            Customer.status,
            Customer.industry,
            Customer.province,
            Customer.city,
            Customer.source,
            Customer.company_size,
            Customer.tags,
            Customer.owner_id,
            func.coalesce(owner.name, ""),
            func.coalesce(primary_contact(Contact.name), ""),
            func.coalesce(primary_contact(Contact.mobile), ""),
            Customer.last_follow_up_at,
            Customer.next_follow_up_at,
            Customer.created_at,
            Customer.updated_at,
        )
        .outerjoin(owner, owner.id == Customer.owner_id)
        .where(*_conditions(session, actor, query, now, for_page=True))
        .order_by(*order)
    )


def list_customers(
    session: Session,
    actor: UserRow,
    query: CustomerQuery,
    now: datetime,
    offset: int = 0,
    limit: int = 200,
) -> list[CustomerRow]:
    stmt = _list_statement(session, actor, query, now).offset(offset).limit(limit)
    return [CustomerRow(*row) for row in session.execute(stmt)]


def list_customer_ids(
    session: Session, actor: UserRow, query: CustomerQuery, now: datetime
) -> list[int]:
    """All ids the list shows, for "select all matching" bulk actions."""
    stmt = select(Customer.id).where(*_conditions(session, actor, query, now))
    return list(session.scalars(stmt))


@dataclass(frozen=True)
class FilterChoices:
    industries: tuple[str, ...]
    provinces: tuple[str, ...]
    sources: tuple[str, ...]
    owners: tuple[UserRow, ...]


def filter_choices(session: Session, actor: UserRow) -> FilterChoices:
    def distinct(column) -> tuple[str, ...]:
        # Distinct over an indexed column is an index skip, cheap even at 1M rows.
        values = session.scalars(select(column).where(column != "").distinct().order_by(column))
        return tuple(values)

    return FilterChoices(
        distinct(Customer.industry),
        distinct(Customer.province),
        distinct(Customer.source),
        tuple(assignable_users(session, actor)),
    )


# ---------------------------------------------------------------- one customer


def editable_customer(session: Session, actor: UserRow, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(what="customer", id=customer_id)
    check_may_edit(session, actor, customer)
    return customer


def _user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return session.scalar(select(User.name).where(User.id == user_id)) or ""


def _input_of(c: Customer) -> CustomerInput:
    return CustomerInput(
        name=c.name,
        level=c.level,
        status=c.status,
        industry=c.industry,
        province=c.province,
        city=c.city,
        address=c.address,
        company_size=c.company_size,
        source=c.source,
        tags=tuple(t for t in c.tags.split(",") if t),
        notes=c.notes,
    )


def get_customer(session: Session, actor: UserRow, customer_id: int) -> CustomerDetail:
    c = editable_customer(session, actor, customer_id)
    return CustomerDetail(
        id=c.id,
        data=_input_of(c),
        owner_id=c.owner_id,
        owner_name=_user_name(session, c.owner_id),
        created_at=c.created_at,
        updated_at=c.updated_at,
        updated_by_name=_user_name(session, c.updated_by_id),
        last_follow_up_at=c.last_follow_up_at,
        next_follow_up_at=c.next_follow_up_at,
        version=c.version,
    )


def _apply_input(c: Customer, data: CustomerInput) -> None:
    c.name = data.name.strip()
    c.level, c.status = data.level, data.status
    c.industry, c.province, c.city = data.industry.strip(), data.province.strip(), data.city.strip()
    c.address, c.company_size, c.source = data.address.strip(), data.company_size, data.source
    c.tags = ",".join(normalize_tags(data.tags))
    c.notes = data.notes


def find_duplicates(
    session: Session,
    name: str,
    phones: Sequence[str] = (),
    exclude_customer_id: int | None = None,
) -> list[DuplicateResult]:
    """Customers (of anyone, not deleted) with the same name or a contact with the same phone.

    Looks beyond what the actor may see on purpose: the warning exists to stop two reps working
    the same company without knowing it."""
    owner = owner_alias()
    found: list[DuplicateResult] = []
    base = (
        select(Customer.id, Customer.name, func.coalesce(owner.name, ""))
        .outerjoin(owner, owner.id == Customer.owner_id)
        .where(Customer.deleted_at.is_(None))
    )
    if exclude_customer_id is not None:
        base = base.where(Customer.id != exclude_customer_id)
    if name.strip():
        for cid, cname, oname in session.execute(
            base.where(Customer.name == name.strip()).limit(5)
        ):
            found.append(DuplicateResult(cid, cname, oname, "name", name.strip()))
    numbers = sorted({search.digits(p) for p in phones if len(search.digits(p)) >= 5})
    if numbers:
        stmt = (
            base.add_columns(Contact.mobile_digits, Contact.phone_digits)
            .join(Contact, Contact.customer_id == Customer.id)
            .where(or_(Contact.mobile_digits.in_(numbers), Contact.phone_digits.in_(numbers)))
            .limit(10)
        )
        for cid, cname, oname, mobile, phone in session.execute(stmt):
            value = mobile if mobile in numbers else phone
            found.append(DuplicateResult(cid, cname, oname, "phone", value))
    return found


def create_customer(
    session: Session,
    actor: UserRow,
    data: CustomerInput,
    now: datetime,
    contacts: Sequence = (),
    owner_id: int | None = None,
) -> int:
    """A new customer owned by owner_id (default: the actor), with its first contacts."""
    from crmdesk.models.contacts import add_contact_row, validate_contact

    errors = validate_customer(data)
    for i, contact in enumerate(contacts):
        errors.extend((f"contacts.{i}.{f}", code) for f, code in validate_contact(contact))
    if errors:
        raise ValidationFailed(errors=errors)
    owner_id = actor.id if owner_id is None else owner_id
    if owner_id != actor.id and owner_id not in {u.id for u in assignable_users(session, actor)}:
        raise PermissionDenied(action="assign", user_id=owner_id)
    c = Customer(
        owner_id=owner_id,
        created_by_id=actor.id,
        updated_by_id=actor.id,
        created_at=now,
        updated_at=now,
    )
    _apply_input(c, data)
    session.add(c)
    session.flush()
    for contact in contacts:
        add_contact_row(session, c.id, contact, now)
    session.add(
        OwnershipEvent(
            customer_id=c.id, to_owner_id=owner_id, kind="created", actor_id=actor.id, at=now
        )
    )
    session.flush()
    search.reindex(session, [c.id])
    return c.id


def update_customer(
    session: Session,
    actor: UserRow,
    customer_id: int,
    data: CustomerInput,
    base: CustomerDetail,
    now: datetime,
) -> CustomerDetail:
    """Save an edit made on `base` (what the user loaded). If a colleague saved in between, raise
    Conflict naming who and which fields they changed, instead of overwriting their work."""
    errors = validate_customer(data)
    if errors:
        raise ValidationFailed(errors=errors)
    c = editable_customer(session, actor, customer_id)
    if c.version != base.version:
        current = _input_of(c)
        changed = [
            f.name
            for f in fields(CustomerInput)
            if getattr(current, f.name) != getattr(base.data, f.name)
        ]
        raise Conflict(
            by=_user_name(session, c.updated_by_id),
            at=c.updated_at,
            fields=changed,
            customer=c.name,
        )
    renamed = c.name != data.name.strip()
    _apply_input(c, data)
    c.updated_at, c.updated_by_id = now, actor.id
    try:
        session.flush()
    except StaleDataError as exc:  # lost the race between our read and our write
        raise Conflict(by="", at=None, fields=[], customer=c.name) from exc
    if renamed:
        search.reindex(session, [c.id])
    return get_customer(session, actor, customer_id)
