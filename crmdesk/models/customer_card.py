"""Everything the detail panel shows of one customer, read in one unit of work: the fields,
the contacts, the follow-up timeline and the ownership history."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session

from crmdesk.models.contacts import ContactRow, list_contacts
from crmdesk.models.customers import CustomerDetail, detail_of
from crmdesk.models.follow_ups import (
    EditEventRow,
    FollowUpRow,
    OwnershipEventRow,
    count_follow_ups,
    list_edit_events,
    list_follow_ups,
    list_ownership_events,
)
from crmdesk.models.policy import customer_for_read, is_collaborator
from crmdesk.models.pool import get_pool
from crmdesk.models.pool_list import mask_email, mask_phone, mask_text
from crmdesk.models.today import RecycleDueRow, recycle_dates
from crmdesk.models.users import UserRow


@dataclass(frozen=True)
class CustomerCard:
    detail: CustomerDetail
    contacts: tuple[ContactRow, ...]
    follow_ups: tuple[FollowUpRow, ...]  # the newest TIMELINE_LIMIT
    follow_up_total: int
    events: tuple[OwnershipEventRow, ...]
    edits: tuple[EditEventRow, ...] = ()  # overwrites kept on record, newest first
    recycle: RecycleDueRow | None = None  # about to go back to a pool (inside its warning)
    pool_name: str = ""  # nobody owns it: it sits in this pool
    pool_entered_at: datetime | None = None
    # Whether the actor may log a follow-up: its editors, and its collaborators (policy.py).
    may_follow_up: bool = False


def read_card(
    session: Session, actor: UserRow, customer_id: int, now: datetime | None = None
) -> CustomerCard:
    """now: when given, the card says whether the customer is about to go back to a pool."""
    customer, editable = customer_for_read(session, actor, customer_id)
    follow_ups = tuple(list_follow_ups(session, customer_id))
    contacts = list_contacts(session, customer_id)
    pool = get_pool(session, customer.pool_id) if customer.pool_id is not None else None
    if pool is not None and not pool.is_admin(actor):
        contacts = [masked(c) for c in contacts]  # in a pool: only its admins read the numbers
    return CustomerCard(
        detail=detail_of(session, customer, editable),
        contacts=tuple(contacts),
        follow_ups=follow_ups,
        follow_up_total=count_follow_ups(session, customer_id),
        events=tuple(list_ownership_events(session, customer_id)),
        edits=tuple(list_edit_events(session, customer_id)),
        recycle=recycle_dates(session, [customer_id], now).get(customer_id) if now else None,
        pool_name=pool.name if pool is not None else "",
        pool_entered_at=customer.pool_entered_at,
        may_follow_up=editable
        or (customer.owner_id is not None and is_collaborator(session, actor, customer_id)),
    )


def masked(contact: ContactRow) -> ContactRow:
    d = contact.data
    data = replace(d, mobile=mask_phone(d.mobile), phone=mask_phone(d.phone),
                   email=mask_email(d.email), wechat=mask_text(d.wechat))  # fmt: skip
    return replace(contact, data=data)
