"""The acting user's session with the database: each method is one unit of work.

Views call these methods and get plain rows back; they never hold a session or build SQL.
Time comes from an injectable clock so rules stay testable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from crmdesk.models import contacts, customer_actions, customers, follow_ups, saved_views
from crmdesk.models.database import Database
from crmdesk.models.users import UserRow, assignable_users


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Workspace:
    def __init__(
        self, db: Database, actor: UserRow, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.db = db
        self.actor = actor
        self.clock = clock

    # -- reading
    def count_customers(self, query: customers.CustomerQuery) -> int:
        with self.db.reading() as s:
            return customers.count_customers(s, self.actor, query, self.clock())

    def list_customers(
        self, query: customers.CustomerQuery, offset: int, limit: int
    ) -> list[customers.CustomerRow]:
        with self.db.reading() as s:
            return customers.list_customers(s, self.actor, query, self.clock(), offset, limit)

    def customer_ids(self, query: customers.CustomerQuery) -> list[int]:
        with self.db.reading() as s:
            return customers.list_customer_ids(s, self.actor, query, self.clock())

    def filter_choices(self) -> customers.FilterChoices:
        with self.db.reading() as s:
            return customers.filter_choices(s, self.actor)

    def assignable_users(self) -> list[UserRow]:
        with self.db.reading() as s:
            return assignable_users(s, self.actor)

    def customer(self, customer_id: int) -> customers.CustomerDetail:
        with self.db.reading() as s:
            return customers.get_customer(s, self.actor, customer_id)

    def contacts(self, customer_id: int) -> list[contacts.ContactRow]:
        with self.db.reading() as s:
            return contacts.list_contacts(s, self.actor, customer_id)

    def follow_ups(self, customer_id: int) -> list[follow_ups.FollowUpRow]:
        with self.db.reading() as s:
            return follow_ups.list_follow_ups(s, self.actor, customer_id)

    def ownership_events(self, customer_id: int) -> list[follow_ups.OwnershipEventRow]:
        with self.db.reading() as s:
            return follow_ups.list_ownership_events(s, self.actor, customer_id)

    def find_duplicates(
        self, name: str, phones: Sequence[str], exclude_id: int | None = None
    ) -> list[customers.DuplicateResult]:
        with self.db.reading() as s:
            return customers.find_duplicates(s, name, phones, exclude_id)

    def deleted_customers(self) -> list[customers.DeletedCustomerRow]:
        with self.db.reading() as s:
            return customer_actions.list_deleted(s, self.actor)

    def saved_views(self, page: str) -> list[saved_views.SavedViewRow]:
        with self.db.reading() as s:
            return saved_views.list_saved_views(s, self.actor, page)

    # -- writing
    def create_customer(
        self,
        data: customers.CustomerInput,
        first_contacts: Sequence[contacts.ContactInput] = (),
        owner_id: int | None = None,
    ) -> int:
        with self.db.writing() as s:
            return customers.create_customer(
                s, self.actor, data, self.clock(), first_contacts, owner_id
            )

    def update_customer(
        self, customer_id: int, data: customers.CustomerInput, base: customers.CustomerDetail
    ) -> customers.CustomerDetail:
        with self.db.writing() as s:
            return customers.update_customer(s, self.actor, customer_id, data, base, self.clock())

    def save_contact(
        self, customer_id: int, contact_id: int | None, data: contacts.ContactInput
    ) -> int:
        with self.db.writing() as s:
            return contacts.save_contact(s, self.actor, customer_id, contact_id, data, self.clock())

    def remove_contact(self, customer_id: int, contact_id: int) -> None:
        with self.db.writing() as s:
            contacts.remove_contact(s, self.actor, customer_id, contact_id)

    def add_follow_up(self, customer_id: int, data: follow_ups.FollowUpInput) -> int:
        with self.db.writing() as s:
            return follow_ups.add_follow_up(s, self.actor, customer_id, data, self.clock())

    def delete_customers(self, ids: Sequence[int]) -> customers.ChangeResult:
        with self.db.writing() as s:
            return customer_actions.delete_customers(s, self.actor, ids, self.clock())

    def restore_customers(self, ids: Sequence[int]) -> customers.ChangeResult:
        with self.db.writing() as s:
            return customer_actions.restore_customers(s, self.actor, ids, self.clock())

    def assign_customers(
        self, ids: Sequence[int], to_user_id: int, reason_code: str, reason_text: str
    ) -> customers.ChangeResult:
        with self.db.writing() as s:
            return customer_actions.assign_customers(
                s, self.actor, ids, to_user_id, reason_code, reason_text, self.clock()
            )

    def change_tag(self, ids: Sequence[int], tag: str, add: bool) -> customers.ChangeResult:
        with self.db.writing() as s:
            return customer_actions.change_tag(s, self.actor, ids, tag, add, self.clock())

    def save_view(self, page: str, name: str, payload: dict) -> int:
        with self.db.writing() as s:
            return saved_views.save_view(s, self.actor, page, name, payload, self.clock())

    def delete_view(self, view_id: int) -> None:
        with self.db.writing() as s:
            saved_views.delete_view(s, self.actor, view_id)
