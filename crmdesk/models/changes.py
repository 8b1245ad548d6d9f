"""What a write changed. Services record it on their unit of work; the workspace returns it with
the write's value; one application-wide signal carries it and each page decides whether and
what to reload (ARCHITECTURE §3). No page needs to know which other page made the change.

Kinds: created, edited, deleted, restored, ownership, follow_up, tags, contacts (customers);
saved_views; deals (a deal created, edited, moved, won, lost or deleted: customer_ids are the
deals' customers), approvals (requested or decided), pipelines (an admin changed pipelines,
stages, products or lost reasons); contracts (a contract created, edited, its plan or status
changed: customer_ids are the contracts' customers), payments (payments or invoices recorded or
voided: customer_ids likewise); targets (target cells set, changed or cleared, by hand or by an
import); work_reports (a work report or a comment on one written); users (a user or a team
created, edited, deactivated or reactivated, a password changed, reset or unlocked: no
customer ids; a deactivation's handover records ownership and deals too)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # the window imports this module before the database layer is loaded
    from sqlalchemy.orm import Session

T = TypeVar("T")

# A bulk action over 300,000 customers need not carry 300,000 ids to every page: past this many
# the change says how many and "many", and pages reload whatever they show.
ID_LIMIT = 1000

CUSTOMER_KINDS = frozenset(
    {"created", "edited", "deleted", "restored", "ownership", "follow_up", "tags", "contacts"}
)
# Every kind a service records (this module's docstring; a test scans the services' record calls
# against it): what pages reload on when nobody knows what changed (after a reconnection, a new
# role).
EVERY_KIND = CUSTOMER_KINDS | frozenset(
    {"saved_views", "deals", "approvals", "pipelines", "contracts", "payments", "targets",
     "work_reports", "notifications", "pools", "users"}
)  # fmt: skip


@dataclass(frozen=True)
class Change:
    kinds: frozenset[str] = frozenset()
    customer_ids: frozenset[int] = frozenset()
    count: int = 0  # customers changed; more than len(customer_ids) when ids were left out
    # A colleague's change read from the change feed (change_feed.py), and who made it (their
    # names, comma-separated, when one poll brought several): a page may say so.
    by: str = ""
    remote: bool = False

    @property
    def empty(self) -> bool:
        return not self.kinds

    @property
    def many(self) -> bool:
        return self.count > len(self.customer_ids)

    def touches_customers(self) -> bool:
        return bool(self.kinds & CUSTOMER_KINDS)

    def affects(self, customer_id: int) -> bool:
        return self.touches_customers() and (customer_id in self.customer_ids or self.many)

    def __or__(self, other: Change) -> Change:
        kinds = self.kinds | other.kinds
        names = [n for n in (*self.by.split(", "), *other.by.split(", ")) if n]
        who = {"by": ", ".join(dict.fromkeys(names)), "remote": self.remote or other.remote}
        if self.many or other.many:
            # Chunks of a bulk action, which are disjoint: the counts add up, and "many" stays
            # many (never the ids of an arbitrary last few).
            return Change(kinds, frozenset(), self.count + other.count, **who)
        ids = self.customer_ids | other.customer_ids
        if len(ids) > ID_LIMIT:
            return Change(kinds, frozenset(), len(ids), **who)
        return Change(kinds, ids, len(ids), **who)


def change_of(kind: str, customer_ids: Iterable[int] = ()) -> Change:
    ids = frozenset(customer_ids)
    return Change(frozenset({kind}), ids if len(ids) <= ID_LIMIT else frozenset(), len(ids))


def record(session: Session, kind: str, customer_ids: Iterable[int] = ()) -> None:
    """Note on the unit of work that it changed these customers in this way. Only a committed
    unit of work's changes reach the pages (database.Database.write)."""
    session.info["change"] = session.info.get("change", Change()) | change_of(kind, customer_ids)


def recorded(session: Session) -> Change:
    return session.info.get("change", Change())


@dataclass(frozen=True)
class WriteResult(Generic[T]):
    """What a write produced (a new id, the saved record, a bulk outcome) and what it changed."""

    value: T
    change: Change = field(default_factory=Change)
