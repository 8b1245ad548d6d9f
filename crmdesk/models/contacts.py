"""A customer's contacts: add, edit, remove, and which one is primary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from crmdesk.models import search
from crmdesk.models.customers import editable_customer, valid_email, valid_phone
from crmdesk.models.errors import NotFound, ValidationFailed
from crmdesk.models.schema import Contact
from crmdesk.models.users import UserRow


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


def validate_contact(data: ContactInput) -> list[tuple[str, str]]:
    errors = []
    if not data.name.strip():
        errors.append(("name", "required"))
    if not valid_phone(data.mobile.strip()):
        errors.append(("mobile", "invalid_phone"))
    if not valid_phone(data.phone.strip()):
        errors.append(("phone", "invalid_phone"))
    if not valid_email(data.email.strip()):
        errors.append(("email", "invalid_email"))
    return errors


def _apply(contact: Contact, data: ContactInput) -> None:
    contact.name, contact.title = data.name.strip(), data.title.strip()
    contact.mobile, contact.phone = data.mobile.strip(), data.phone.strip()
    contact.mobile_digits = search.digits(contact.mobile)
    contact.phone_digits = search.digits(contact.phone)
    contact.email, contact.wechat = data.email.strip(), data.wechat.strip()
    contact.birthday, contact.is_primary = data.birthday, data.is_primary


def _only_primary(session: Session, customer_id: int, contact_id: int) -> None:
    session.execute(
        update(Contact)
        .where(Contact.customer_id == customer_id, Contact.id != contact_id)
        .values(is_primary=False)
    )


def add_contact_row(session: Session, customer_id: int, data: ContactInput, now: datetime) -> int:
    has_any = session.scalar(select(Contact.id).where(Contact.customer_id == customer_id).limit(1))
    contact = Contact(customer_id=customer_id, created_at=now)
    _apply(contact, data)
    contact.is_primary = data.is_primary or has_any is None  # the first contact is primary
    session.add(contact)
    session.flush()
    if contact.is_primary:
        _only_primary(session, customer_id, contact.id)
    return contact.id


def list_contacts(session: Session, actor: UserRow, customer_id: int) -> list[ContactRow]:
    editable_customer(session, actor, customer_id)
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


def save_contact(
    session: Session,
    actor: UserRow,
    customer_id: int,
    contact_id: int | None,
    data: ContactInput,
    now: datetime,
) -> int:
    """Add (contact_id None) or edit a contact."""
    errors = validate_contact(data)
    if errors:
        raise ValidationFailed(errors=errors)
    editable_customer(session, actor, customer_id)
    if contact_id is None:
        contact_id = add_contact_row(session, customer_id, data, now)
    else:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.customer_id != customer_id:
            raise NotFound(what="contact", id=contact_id)
        _apply(contact, data)
        session.flush()
        if contact.is_primary:
            _only_primary(session, customer_id, contact.id)
    search.reindex(session, [customer_id])
    return contact_id


def remove_contact(session: Session, actor: UserRow, customer_id: int, contact_id: int) -> None:
    editable_customer(session, actor, customer_id)
    contact = session.get(Contact, contact_id)
    if contact is None or contact.customer_id != customer_id:
        raise NotFound(what="contact", id=contact_id)
    was_primary = contact.is_primary
    session.delete(contact)
    session.flush()
    if was_primary:  # someone must stay primary while there are contacts
        next_id = session.scalar(
            select(Contact.id).where(Contact.customer_id == customer_id).order_by(Contact.id)
        )
        if next_id is not None:
            session.execute(update(Contact).where(Contact.id == next_id).values(is_primary=True))
    search.reindex(session, [customer_id])
