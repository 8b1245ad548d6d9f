"""A customer's contacts: their rules, add, edit, remove, and which one is primary.

While a customer has contacts exactly one of them is primary (the list shows its name and
mobile)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from crmdesk.models import search
from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id, problems
from crmdesk.models.errors import NotFound, ValidationFailed
from crmdesk.models.phones import phone_key, valid_mobile, valid_phone
from crmdesk.models.policy import customer_for_write
from crmdesk.models.schema import Contact
from crmdesk.models.users import UserRow

# Enough for any company a small team sells to, and it keeps one customer's search text within
# what a MariaDB TEXT column holds.
MAX_CONTACTS = 50

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class ContactInput:
    name: str
    title: str = ""
    mobile: str = ""
    phone: str = ""
    email: str = ""
    wechat: str = ""
    birthday: date | None = None
    is_primary: bool = False


@dataclass(frozen=True)
class ContactRow:
    id: int
    customer_id: int
    data: ContactInput


def valid_email(value: str) -> bool:
    return not value or bool(_EMAIL.match(value))


def check_contact(data: ContactInput, c: Checker | None = None) -> ContactInput:
    """The contact as it will be stored, or ValidationFailed naming every field at fault."""
    if not isinstance(data, ContactInput):
        raise ValidationFailed(errors=[("contact", "invalid")], limits={})
    own = c is None
    c = c or Checker()
    clean = ContactInput(
        name=c.text("name", data.name, Contact.name, required=True),
        title=c.text("title", data.title, Contact.title),
        mobile=c.text("mobile", data.mobile, Contact.mobile),
        phone=c.text("phone", data.phone, Contact.phone),
        email=c.text("email", data.email, Contact.email),
        wechat=c.text("wechat", data.wechat, Contact.wechat),
        birthday=c.day("birthday", data.birthday),
        is_primary=bool(data.is_primary),
    )
    if not valid_mobile(clean.mobile):
        c.fail("mobile", "invalid_mobile")
    if not valid_phone(clean.phone):
        c.fail("phone", "invalid_phone")
    if not valid_email(clean.email):
        c.fail("email", "invalid_email")
    if own:
        c.done()
    return clean


def validate_contact(data: ContactInput) -> list[tuple[str, str]]:
    return problems(check_contact, data)


def _apply(contact: Contact, data: ContactInput) -> None:
    contact.name, contact.title = data.name, data.title
    contact.mobile, contact.phone = data.mobile, data.phone
    contact.mobile_digits = phone_key(contact.mobile)
    contact.phone_digits = phone_key(contact.phone)
    contact.email, contact.wechat = data.email, data.wechat
    contact.birthday, contact.is_primary = data.birthday, data.is_primary


def _make_primary(session: Session, customer_id: int, contact_id: int) -> None:
    session.execute(
        update(Contact)
        .where(Contact.customer_id == customer_id)
        .values(is_primary=Contact.id == contact_id)
    )


def _first_other(session: Session, customer_id: int, contact_id: int) -> int | None:
    return session.scalar(
        select(Contact.id)
        .where(Contact.customer_id == customer_id, Contact.id != contact_id)
        .order_by(Contact.id)
        .limit(1)
    )


def add_contact_row(session: Session, customer_id: int, data: ContactInput, now: datetime) -> int:
    """data is already checked. The first contact of a customer is its primary one."""
    count = session.scalar(select(func.count()).where(Contact.customer_id == customer_id)) or 0
    if count >= MAX_CONTACTS:
        raise ValidationFailed(errors=[("contacts", "too_many")], limits={"contacts": MAX_CONTACTS})
    contact = Contact(customer_id=customer_id, created_at=now)
    _apply(contact, data)
    contact.is_primary = data.is_primary or count == 0
    session.add(contact)
    session.flush()
    if contact.is_primary:
        _make_primary(session, customer_id, contact.id)
    record(session, "contacts", [customer_id])
    return contact.id


def list_contacts(session: Session, customer_id: int) -> list[ContactRow]:
    """The caller has checked that the actor may see the customer."""
    stmt = (
        select(Contact)
        .where(Contact.customer_id == customer_id)
        .order_by(Contact.is_primary.desc(), Contact.id)
    )
    return [
        ContactRow(
            c.id,
            c.customer_id,
            ContactInput(
                c.name, c.title, c.mobile, c.phone, c.email, c.wechat, c.birthday, c.is_primary
            ),
        )
        for c in session.scalars(stmt)
    ]


def _contact_of(session: Session, customer_id: int, contact_id: int) -> Contact:
    check_id(contact_id, "contact")
    contact = session.get(Contact, contact_id)
    if contact is None or contact.customer_id != customer_id:
        raise NotFound(what="contact", id=contact_id)
    return contact


def save_contact(
    session: Session,
    actor: UserRow,
    customer_id: int,
    contact_id: int | None,
    data: ContactInput,
    now: datetime,
) -> int:
    """Add (contact_id None) or edit a contact."""
    data = check_contact(data)
    customer_for_write(session, actor, customer_id)  # the customer row first: see policy
    if contact_id is None:
        contact_id = add_contact_row(session, customer_id, data, now)
    else:
        contact = _contact_of(session, customer_id, contact_id)
        was_primary = contact.is_primary
        _apply(contact, data)
        session.flush()
        if contact.is_primary:
            _make_primary(session, customer_id, contact.id)
        elif was_primary:  # unticked: the primary role passes on, or stays if no one else
            other = _first_other(session, customer_id, contact.id)
            _make_primary(session, customer_id, other if other is not None else contact.id)
        record(session, "contacts", [customer_id])
    search.reindex(session, [customer_id])
    return contact_id


def remove_contact(session: Session, actor: UserRow, customer_id: int, contact_id: int) -> None:
    customer_for_write(session, actor, customer_id)
    contact = _contact_of(session, customer_id, contact_id)
    was_primary = contact.is_primary
    session.delete(contact)
    session.flush()
    if was_primary:  # someone must stay primary while there are contacts
        other = _first_other(session, customer_id, contact_id)
        if other is not None:
            _make_primary(session, customer_id, other)
    search.reindex(session, [customer_id])
    record(session, "contacts", [customer_id])
