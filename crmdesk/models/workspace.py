"""The acting user's session with the database: each method is one unit of work (a bulk action
is several, one a chunk).

Views call these methods (off the GUI thread, through the task runner) and get plain rows
back; they never hold a session or build SQL. Every write returns a WriteResult: its value and
the Change it made, which the window broadcasts to every page. Every write reads the acting
user afresh, so a deactivation or a new role takes effect at once; reads do within a few
seconds (_read). Time comes from an injectable clock so rules stay testable.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from crmdesk.models import (
    bulk,
    bulk_assign,
    bulk_tags,
    contacts,
    customer_list,
    customers,
    follow_ups,
    saved_views,
    tags,
    today,
)
from crmdesk.models.analytics_workspace import AnalyticsMethods
from crmdesk.models.board_workspace import BoardMethods
from crmdesk.models.bulk import BulkResult, Cancelled, Progress, Target
from crmdesk.models.changes import WriteResult
from crmdesk.models.checks import utc_now
from crmdesk.models.collaborator_workspace import CollaboratorMethods
from crmdesk.models.contract_list_workspace import ContractListMethods
from crmdesk.models.contract_workspace import ContractMethods
from crmdesk.models.customer_card import CustomerCard, read_card
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.database import Database
from crmdesk.models.deal_workspace import DealMethods
from crmdesk.models.errors import NotFound, PermissionDenied
from crmdesk.models.excel_workspace import ExcelMethods
from crmdesk.models.follow_up_workspace import FollowUpListMethods
from crmdesk.models.move_workspace import MoveMethods
from crmdesk.models.payment_workspace import PaymentMethods
from crmdesk.models.policy import assignable_users, current_actor, customer_assignees
from crmdesk.models.pool_workspace import PoolMethods
from crmdesk.models.target_workspace import TargetMethods
from crmdesk.models.user_admin_workspace import UserAdminMethods
from crmdesk.models.users import UserRow, get_user
from crmdesk.models.work_report_workspace import WorkReportMethods

T = TypeVar("T")
ACTOR_MAX_AGE_S = 5.0


class Workspace(
    PoolMethods,
    DealMethods,
    MoveMethods,
    BoardMethods,
    ContractMethods,
    PaymentMethods,
    ContractListMethods,
    ExcelMethods,
    FollowUpListMethods,
    WorkReportMethods,
    TargetMethods,
    AnalyticsMethods,
    UserAdminMethods,
    CollaboratorMethods,
):
    def __init__(
        self, db: Database, actor: UserRow, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.db = db
        self.actor = actor
        self.clock = clock
        # Reads re-read the actor when the one held is older than this (_read): one primary-key
        # lookup in the read's own session every few seconds, not one per read (a round trip
        # more for every page fetch) nor a join of users into every list, count and card
        # statement (hundreds of them, their plans tuned without it). A deactivation or a new
        # role reaches the reads within this, about the live refresh's poll; writes read the
        # actor each time (_write).
        self.actor_max_age_s = ACTOR_MAX_AGE_S
        self._actor_read_at = time.monotonic()  # the caller has just read it (sign-in)

    def _read(self, fn: Callable[[Session], T]) -> T:
        """fn in a read, as the acting user the database has now (at most actor_max_age_s
        old): a colleague may deactivate or demote them while this window reads."""

        def unit(session: Session) -> T:
            if time.monotonic() - self._actor_read_at >= self.actor_max_age_s:
                if not self._reread_actor(session).active:
                    # Refused, so the window learns it and signs out (views/session_guard.py);
                    # the reads until the next re-read see nothing (policy: active first).
                    raise PermissionDenied("inactive", user_id=self.actor.id)
            return fn(session)

        return self.db.read(unit)

    def _reread_actor(self, session: Session) -> UserRow:
        """The actor's own row again, by primary key, in the caller's session."""
        read_at = time.monotonic()
        try:
            actor = get_user(session, self.actor.id)
        except NotFound:  # removed: as deactivated
            actor = replace(self.actor, active=False)
        self.actor, self._actor_read_at = actor, read_at  # the lambdas read self.actor after
        return actor

    def fresh_actor(self) -> UserRow:
        """The acting user as the database has them now, read at once (the session guard asks
        after a colleague changed users); PermissionDenied("inactive") if deactivated."""
        self._actor_read_at = float("-inf")
        return self._read(lambda s: self.actor)

    def _write(self, fn: Callable[[Session, UserRow], T]) -> WriteResult[T]:
        def unit(session: Session) -> T:
            actor = current_actor(session, self.actor.id)
            self.actor = actor  # later reads see the new role too
            return fn(session, actor)

        # The window's key for this write, if it gave one: a retry after a lost connection
        # lands once (write_keys.py).
        from crmdesk.models import write_keys

        return self.db.write(unit, key=write_keys.take())

    # -- reading
    @property
    def count_cap(self) -> int | None:
        """Where count_customers stops unless asked for an exact count (customer_list)."""
        return customer_list.count_cap(self.db.dialect)

    def count_customers(self, query: CustomerQuery, exact: bool = False) -> int:
        """The list's length, or count_cap + 1 where it is longer than count_cap (unless
        exact)."""
        cap = None if exact else self.count_cap
        return self._read(
            lambda s: customer_list.count_customers(s, self.actor, query, self.clock(), cap)
        )

    def list_customers(
        self, query: CustomerQuery, offset: int, limit: int, total: int | None = None
    ) -> list[customer_list.CustomerRow]:
        """total: the list's count, when known (lets the far end be read from the end). Rows
        about to go back to a pool say in how many days (recycle_in)."""
        now = self.clock()

        def read(s: Session) -> list[customer_list.CustomerRow]:
            rows = customer_list.list_customers(s, self.actor, query, now, offset, limit, total)
            return today.with_recycle_dates(s, rows, now)

        return self._read(read)

    def customer_ids(self, query: CustomerQuery, offset: int, limit: int) -> list[int]:
        return self._read(
            lambda s: customer_list.customer_ids(s, self.actor, query, self.clock(), offset, limit)
        )

    def filter_choices(self) -> customer_list.FilterChoices:
        return self._read(lambda s: customer_list.filter_choices(s, self.actor))

    def assignable_users(self) -> list[UserRow]:
        return self._read(lambda s: assignable_users(s, self.actor))

    def customer_assignees(self) -> list[UserRow]:
        """Whom this user may hand customers to (policy.customer_assignees)."""
        return self._read(lambda s: customer_assignees(s, self.actor))

    def customer(self, customer_id: int) -> customers.CustomerDetail:
        return self._read(lambda s: customers.get_customer(s, self.actor, customer_id))

    def customer_card(self, customer_id: int) -> CustomerCard:
        """The detail panel's one read: fields, contacts, follow-ups, ownership history."""
        return self._read(lambda s: read_card(s, self.actor, customer_id, self.clock()))

    def find_duplicates(
        self, name: str, phones: Sequence[str], exclude_id: int | None = None
    ) -> list[customers.DuplicateResult]:
        return self._read(
            lambda s: customers.find_duplicates(s, name, phones, exclude_id, self.actor)
        )

    def count_deleted(self, query: CustomerQuery) -> int:
        return self._read(lambda s: customer_list.count_deleted(s, self.actor, query, self.clock()))

    def list_deleted(
        self, query: CustomerQuery, offset: int, limit: int
    ) -> list[customer_list.DeletedCustomerRow]:
        return self._read(
            lambda s: customer_list.list_deleted(s, self.actor, query, self.clock(), offset, limit)
        )

    def deleted_ids(self, query: CustomerQuery, offset: int, limit: int) -> list[int]:
        return self._read(
            lambda s: customer_list.deleted_ids(s, self.actor, query, self.clock(), offset, limit)
        )

    def count_target(self, target: Target | Sequence[int], deleted: bool = False) -> int:
        """How many customers a bulk action on the target would touch (for the confirmation)."""
        target = bulk.check_target(target)
        return self._read(
            lambda s: bulk.count_target(s, self.actor, target, self.clock(), deleted=deleted)
        )

    def saved_views(self, page: str) -> list[saved_views.SavedViewRow]:
        return self._read(lambda s: saved_views.list_saved_views(s, self.actor, page))

    # -- writing one customer
    def create_customer(
        self,
        data: customers.CustomerInput,
        first_contacts: Sequence[contacts.ContactInput] = (),
        owner_id: int | None = None,
    ) -> WriteResult[int]:
        return self._write(
            lambda s, actor: customers.create_customer(
                s, actor, data, self.clock(), first_contacts, owner_id
            )
        )

    def update_customer(
        self,
        customer_id: int,
        data: customers.CustomerInput,
        base: customers.CustomerDetail,
        overwrite: bool = False,
    ) -> WriteResult[customers.CustomerDetail]:
        return self._write(
            lambda s, actor: customers.update_customer(
                s, actor, customer_id, data, base, self.clock(), overwrite=overwrite
            )
        )

    def save_contact(
        self, customer_id: int, contact_id: int | None, data: contacts.ContactInput
    ) -> WriteResult[int]:
        return self._write(
            lambda s, actor: contacts.save_contact(
                s, actor, customer_id, contact_id, data, self.clock()
            )
        )

    def remove_contact(self, customer_id: int, contact_id: int) -> WriteResult[None]:
        return self._write(
            lambda s, actor: contacts.remove_contact(s, actor, customer_id, contact_id)
        )

    def add_follow_up(self, customer_id: int, data: follow_ups.FollowUpInput) -> WriteResult[int]:
        return self._write(
            lambda s, actor: follow_ups.add_follow_up(s, actor, customer_id, data, self.clock())
        )

    def save_view(self, page: str, name: str, payload: dict) -> WriteResult[int]:
        return self._write(
            lambda s, actor: saved_views.save_view(s, actor, page, name, payload, self.clock())
        )

    def delete_view(self, view_id: int) -> WriteResult[None]:
        return self._write(lambda s, actor: saved_views.delete_view(s, actor, view_id))

    # -- writing many customers (ids, or everything matching a query)
    def _bulk(
        self,
        target: Target | Sequence[int],
        action: bulk.ChunkAction,
        deleted: bool,
        progress: Progress | None,
        cancelled: Cancelled | None,
        now: datetime | None = None,
    ) -> WriteResult[BulkResult]:
        """now: the time the action stamps (read once: the result reports it, and an Undo
        finds a delete's customers by it)."""
        target = bulk.check_target(target)
        # Each chunk reads the actor afresh too; this keeps the reads that follow in step.
        self.actor = self.db.read(lambda s: current_actor(s, self.actor.id))
        return bulk.run(
            self.db,
            self.actor.id,
            target,
            now or self.clock(),
            action,
            deleted=deleted,
            progress=progress,
            cancelled=cancelled,
        )

    def delete_customers(
        self,
        target: Target | Sequence[int],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> WriteResult[BulkResult]:
        now = self.clock()
        return self._bulk(target, bulk.delete_action(now), False, progress, cancelled, now)

    def restore_customers(
        self,
        target: Target | Sequence[int],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> WriteResult[BulkResult]:
        action = bulk.restore_action(self.clock())
        return self._bulk(target, action, True, progress, cancelled)

    def undo_delete(
        self,
        at: datetime,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> WriteResult[BulkResult]:
        """Restore what this user's delete stamped `at` moved to the recycle bin."""
        ids = self._read(lambda s: bulk.deleted_together(s, self.actor, at))
        return self.restore_customers(ids, progress, cancelled)

    def assign_customers(
        self,
        target: Target | Sequence[int],
        to_user_id: int,
        reason_code: str,
        reason_text: str,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> WriteResult[BulkResult]:
        action = bulk_assign.assign_action(to_user_id, reason_code, reason_text, self.clock())
        return self._bulk(target, action, False, progress, cancelled)

    def list_tags(self) -> list[tags.TagRow]:
        return self._read(lambda s: tags.list_tags(s, self.actor))

    def rename_tag(self, old: str, new: str) -> WriteResult[int]:
        return self._write(lambda s, actor: tags.rename_tag(s, actor, old, new, self.clock()))

    def delete_tag(self, name: str) -> WriteResult[int]:
        return self._write(lambda s, actor: tags.delete_tag(s, actor, name, self.clock()))

    def change_tag(
        self,
        target: Target | Sequence[int],
        tag: str,
        add: bool,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> WriteResult[BulkResult]:
        action = bulk_tags.tag_action(tag, add, self.clock())
        return self._bulk(target, action, False, progress, cancelled)
