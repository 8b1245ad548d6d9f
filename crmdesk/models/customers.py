"""One customer: its fields and their rules, reading it, creating it with its first contacts,
editing it safely when a colleague edits it too, and the duplicate warning.

The list is customer_list.py; actions on many customers are bulk.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crmdesk.models import search
from crmdesk.models import tags as tags_module
from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id, limit_of, problems
from crmdesk.models.contacts import ContactInput, add_contact_row, check_contact
from crmdesk.models.customer_list import owner_alias
from crmdesk.models.errors import Conflict, ValidationFailed
from crmdesk.models.phones import phone_key
from crmdesk.models.pinyin import sort_key
from crmdesk.models.policy import (
    check_assignable,
    customer_for_read,
    customer_for_write,
    may_see,
    visible_pool_ids,
)
from crmdesk.models.schema import (
    LEVELS,
    STATUSES,
    Contact,
    Customer,
    EditEvent,
    OwnershipEvent,
    Pool,
    User,
)
from crmdesk.models.users import UserRow

MAX_FIRST_CONTACTS = 20
MAX_DUPLICATE_PHONES = 20


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
    editable: bool = True


@dataclass(frozen=True)
class DuplicateResult:
    customer_id: int
    customer_name: str
    owner_name: str
    field: str  # "name" or "phone"
    value: str
    visible: bool = False  # the asking user may open it (policy.may_see, or a pool's member)
    pool_name: str = ""  # nobody owns it: it sits in this pool (claim it there)


# ---------------------------------------------------------------- rules


def check_customer(data: CustomerInput, c: Checker | None = None) -> CustomerInput:
    """The input as it will be stored, or ValidationFailed naming every field at fault."""
    if not isinstance(data, CustomerInput):
        raise ValidationFailed(errors=[("customer", "invalid")], limits={})
    own = c is None
    c = c or Checker()
    tags = data.tags if isinstance(data.tags, (tuple, list)) else ()
    if not isinstance(data.tags, (tuple, list)):
        c.fail("tags", "invalid")
    for tag in tags:
        c.text("tags", tag, Customer.tags)
        if isinstance(tag, str) and len(tag.strip()) > tags_module.TAG_LIMIT:
            c.fail("tags", "too_long", tags_module.TAG_LIMIT)
    tags = tags_module.normalize(tags)
    if len(",".join(tags)) > limit_of(Customer.tags):
        c.fail("tags", "too_long", limit_of(Customer.tags))
    clean = CustomerInput(
        name=c.text("name", data.name, Customer.name, required=True),
        level=c.choice("level", data.level, LEVELS),
        status=c.choice("status", data.status, STATUSES),
        industry=c.text("industry", data.industry, Customer.industry),
        province=c.text("province", data.province, Customer.province),
        city=c.text("city", data.city, Customer.city),
        address=c.text("address", data.address, Customer.address),
        company_size=c.text("company_size", data.company_size, Customer.company_size),
        source=c.text("source", data.source, Customer.source),
        tags=tags,
        notes=c.text("notes", data.notes, Customer.notes, strip=False),
    )
    if own:
        c.done()
    return clean


def validate_customer(data: CustomerInput) -> list[tuple[str, str]]:
    return problems(check_customer, data)


# ---------------------------------------------------------------- one customer


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


def detail_of(session: Session, c: Customer, editable: bool) -> CustomerDetail:
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
        editable=editable,
    )


def get_customer(session: Session, actor: UserRow, customer_id: int) -> CustomerDetail:
    customer, editable = customer_for_read(session, actor, customer_id)
    return detail_of(session, customer, editable)


def _apply_input(c: Customer, data: CustomerInput) -> None:
    """data is already checked (check_customer): stripped, tags normalized."""
    for f in fields(CustomerInput):
        if f.name != "tags":
            setattr(c, f.name, getattr(data, f.name))
    c.tags = ",".join(data.tags)


def find_duplicates(
    session: Session,
    name: str,
    phones: Sequence[str] = (),
    exclude_customer_id: int | None = None,
    actor: UserRow | None = None,
) -> list[DuplicateResult]:
    """Customers (of anyone, not deleted) with the same name or a contact with the same phone
    (compared by phones.phone_key: `+86 192 6592 4037` is 19265924037).

    Looks beyond what the actor may see on purpose: the warning exists to stop two reps working
    the same company without knowing it. It names the customer and its owner, nothing more, and
    says whether the actor may open it."""
    c = Checker()
    name = c.text("name", name, Customer.name)
    phones = list(phones) if isinstance(phones, (list, tuple)) else []
    c.count("phones", phones, MAX_DUPLICATE_PHONES)
    c.done()
    owner = owner_alias()
    found: list[DuplicateResult] = []
    base = (
        select(
            Customer.id,
            Customer.name,
            func.coalesce(owner.name, ""),
            Customer.owner_id,
            Customer.team_id,
            Customer.pool_id,
            func.coalesce(Pool.name, ""),
        )
        .outerjoin(owner, owner.id == Customer.owner_id)
        .outerjoin(Pool, Pool.id == Customer.pool_id)
        .where(Customer.deleted_at.is_(None))
    )
    if exclude_customer_id is not None:
        base = base.where(Customer.id != check_id(exclude_customer_id, "customer"))

    pools: set[int] | None = None  # the pools the asker may see, read once when needed

    def result(row, field: str, value: str) -> DuplicateResult:
        nonlocal pools
        cid, cname, oname, owner_id, team_id, pool_id, pool_name = row[:7]
        if actor is not None and pool_id is not None and pools is None:
            pools = visible_pool_ids(session, actor)
        visible = actor is not None and (
            may_see(actor, owner_id, team_id) or (pool_id is not None and pool_id in pools)
        )
        return DuplicateResult(cid, cname, oname, field, value, visible, pool_name)

    if name:
        same = (Customer.name_sort == sort_key(name), Customer.name == name)  # ix_customers_name
        for row in session.execute(base.where(*same).limit(5)):
            found.append(result(row, "name", name))
    numbers = sorted(
        {d for p in phones if isinstance(p, str) and 5 <= len(d := phone_key(p)) <= 40}
    )
    if numbers:
        stmt = (
            base.add_columns(Contact.mobile, Contact.phone, Contact.mobile_digits)
            .join(Contact, Contact.customer_id == Customer.id)
            .where(or_(Contact.mobile_digits.in_(numbers), Contact.phone_digits.in_(numbers)))
            .limit(10)
        )
        for row in session.execute(stmt):
            mobile, phone, mobile_key = row[7:]
            found.append(result(row, "phone", mobile if mobile_key in numbers else phone))
    return found


def create_customer(
    session: Session,
    actor: UserRow,
    data: CustomerInput,
    now: datetime,
    contacts: Sequence[ContactInput] = (),
    owner_id: int | None = None,
) -> int:
    """A new customer owned by owner_id (default: the actor), with its first contacts."""
    c = Checker()
    data = check_customer(data, c)
    contacts = list(contacts) if isinstance(contacts, (list, tuple)) else []
    c.count("contacts", contacts, MAX_FIRST_CONTACTS)
    contacts = [check_contact(x, c.sub(f"contacts.{i}.")) for i, x in enumerate(contacts)]
    c.done()
    owner = actor
    if owner_id is not None and owner_id != actor.id:
        owner = check_assignable(session, actor, owner_id)
    owner_id = owner.id
    customer = Customer(
        owner_id=owner_id,
        team_id=owner.team_id,
        # The owner's stored key, as rename_user writes it (never one computed here).
        owner_sort=select(User.name_sort).where(User.id == owner_id).scalar_subquery(),
        created_by_id=actor.id,
        updated_by_id=actor.id,
        created_at=now,
        updated_at=now,
    )
    _apply_input(customer, data)
    session.add(customer)
    session.flush()
    tags_module.sync(session, customer.id, data.tags, now)
    for contact in contacts:
        add_contact_row(session, customer.id, contact, now)
    session.add(
        OwnershipEvent(
            customer_id=customer.id, to_owner_id=owner_id, kind="created", actor_id=actor.id, at=now
        )
    )
    session.flush()
    search.reindex(session, [customer.id])
    record(session, "created", [customer.id])
    return customer.id


def conflict_losses(base: CustomerInput, mine: CustomerInput, theirs: CustomerInput) -> list[str]:
    """The fields whose typed value a reload would throw away: changed by me since `base` (what
    I loaded) and different in `theirs` (what is stored now)."""
    return [
        f.name
        for f in fields(CustomerInput)
        if getattr(mine, f.name) != getattr(base, f.name)
        and getattr(mine, f.name) != getattr(theirs, f.name)
    ]


def collisions(base: CustomerInput, mine: CustomerInput, theirs: CustomerInput) -> list[str]:
    """The fields both of us changed since `base`, to different values: what Keep mine
    overwrites of theirs. With none, the two edits merge and nothing is lost."""
    return [
        f for f in conflict_losses(base, mine, theirs) if getattr(theirs, f) != getattr(base, f)
    ]


def merge_edit(base: CustomerInput, mine: CustomerInput, theirs: CustomerInput) -> CustomerInput:
    """Mine where I changed a field since `base`, theirs everywhere else: "Keep mine" after a
    conflict keeps what I typed without undoing a colleague's changes to the other fields."""
    values = {
        f.name: getattr(mine if getattr(mine, f.name) != getattr(base, f.name) else theirs, f.name)
        for f in fields(CustomerInput)
    }
    return CustomerInput(**values)


def update_customer(
    session: Session,
    actor: UserRow,
    customer_id: int,
    data: CustomerInput,
    base: CustomerDetail,
    now: datetime,
    *,
    overwrite: bool = False,
) -> CustomerDetail:
    """Save an edit made on `base` (what the user loaded). If a colleague saved in between, raise
    Conflict naming who, when, which fields they changed and what they hold now, instead of
    overwriting their work; with overwrite ("Keep mine"), save my changed fields over theirs
    (merge_edit) and keep on record whose changes to which fields were overwritten.

    The row is locked before the versions are compared, so the comparison is the truth on every
    backend and two truly simultaneous saves end in one save and one Conflict."""
    data = check_customer(data)
    if not isinstance(base, CustomerDetail):
        raise ValidationFailed(errors=[("base", "invalid")], limits={})
    customer = customer_for_write(session, actor, customer_id)
    if customer.version != base.version:
        current = _input_of(customer)
        changed = [
            f.name
            for f in fields(CustomerInput)
            if getattr(current, f.name) != getattr(base.data, f.name)
        ]
        if not overwrite:
            if customer.owner_id != base.owner_id:
                changed.append("owner")
            raise Conflict(
                by=_user_name(session, customer.updated_by_id),
                at=customer.updated_at,
                fields=changed,
                customer=customer.name,
                current=current,
            )
        lost = collisions(base.data, data, current)
        data = merge_edit(base.data, data, current)
        if lost:
            session.add(
                EditEvent(
                    customer_id=customer.id,
                    kind="overwrote",
                    actor_id=actor.id,
                    other_user_id=customer.updated_by_id,
                    fields=",".join(lost),
                    at=now,
                )
            )
    renamed = customer.name != data.name
    _apply_input(customer, data)
    customer.updated_at, customer.updated_by_id = now, actor.id
    session.flush()
    tags_module.sync(session, customer.id, data.tags, now)
    if renamed:
        search.reindex(session, [customer.id])
    record(session, "edited", [customer.id])
    return detail_of(session, customer, True)
