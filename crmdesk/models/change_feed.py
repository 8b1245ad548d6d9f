"""The change feed: every committed unit of work that changed something leaves one row
(database.Database.write appends it in the same transaction), and every client polls the rows
after the last it saw, so a colleague's write reaches the pages on the same change bus as the
user's own (ARCHITECTURE §3). Also the write receipts that make a retried write idempotent.

Reading the feed, turning rows back into Changes and pruning old rows: see poll_changes and
prune_feed below."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from crmdesk.models.changes import Change
from crmdesk.models.errors import CrmError
from crmdesk.models.schema import User
from crmdesk.models.schema_team import ChangeFeedEntry, WriteReceipt

# An id below the newest one read but not seen yet may belong to a unit of work still
# committing (the servers hand out ids before the commit, so a lower id can become visible
# after a higher one): it is asked for again at the next polls, for GAP_SECONDS at most (a
# rolled-back write leaves its id unused for ever), and at most MAX_GAPS of them (ids are
# taken at the end of a write, just before its commit: a late one is among the newest).
GAP_SECONDS = 60.0
MAX_GAPS = 100


class AlreadyApplied(CrmError):
    """A write sent again with an idempotency key already stored: its first attempt landed
    (the connection dropped while it committed). Nothing was written the second time."""

    code = "already_applied"


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def claim_receipt(session: Session, key: str) -> None:
    if session.get(WriteReceipt, key) is not None:
        raise AlreadyApplied(key=key)
    session.execute(
        insert(WriteReceipt).values(key=key, at=_utc_now(), user_id=session.info.get("actor_id"))
    )


def append_change(session: Session, change: Change, client: str) -> None:
    session.execute(
        insert(ChangeFeedEntry).values(
            at=_utc_now(),
            actor_id=session.info.get("actor_id"),
            client=client,
            kinds=",".join(sorted(change.kinds))[:255],
            customer_ids=",".join(str(i) for i in sorted(change.customer_ids)),
            count=change.count,
        )
    )


def last_feed_id(session: Session) -> int:
    """Where a client that just opened the database starts reading."""
    return session.scalar(select(func.max(ChangeFeedEntry.id))) or 0


@dataclass(frozen=True)
class RemoteChange:
    """A colleague's committed unit of work as the feed tells it."""

    change: Change
    actor_id: int | None
    actor_name: str
    at: datetime


@dataclass(frozen=True)
class FeedBatch:
    last_id: int  # the newest id read: the next poll reads after it
    changes: list[RemoteChange]
    # ids at or below last_id neither read nor known to be gone: maybe still committing
    gaps: frozenset[int] = frozenset()
    found: frozenset[int] = frozenset()  # ids read this time (own client's included)


def _remote_change(row: ChangeFeedEntry, name: str | None) -> RemoteChange:
    kinds = frozenset(k for k in row.kinds.split(",") if k)
    ids = frozenset(int(i) for i in row.customer_ids.split(",") if i)
    change = Change(kinds, ids, max(row.count, len(ids)), by=name or "", remote=True)
    return RemoteChange(change, row.actor_id, name or "", row.at)


def poll_changes(
    session: Session,
    after_id: int,
    own_client: str,
    limit: int = 500,
    gaps: Collection[int] = (),
) -> FeedBatch:
    """The feed's entries after after_id (at most limit of them) and those among `gaps` that
    have appeared meanwhile, oldest first, without the entries own_client wrote (its pages
    learnt of them from the write itself). Two index range reads on the primary key: as
    cheap on a feed of a million rows as on an empty one."""
    gaps = sorted(gaps)[-MAX_GAPS:]
    newer = ChangeFeedEntry.id > after_id
    where = or_(newer, ChangeFeedEntry.id.in_(gaps)) if gaps else newer
    rows = session.execute(
        select(ChangeFeedEntry, User.name)
        .outerjoin(User, User.id == ChangeFeedEntry.actor_id)
        .where(where)
        .order_by(ChangeFeedEntry.id)
        .limit(limit + len(gaps))
    ).all()
    late = [(e, n) for e, n in rows if e.id <= after_id]
    new = [(e, n) for e, n in rows if e.id > after_id][:limit]
    last_id = new[-1][0].id if new else after_id
    found = frozenset(e.id for e, _ in late + new)
    missing = set(gaps) | set(range(after_id + 1, last_id + 1)) if new else set(gaps)
    if new and last_id - after_id > MAX_GAPS:  # a long jump: only its top can be late
        missing = set(gaps) | set(range(last_id - MAX_GAPS, last_id + 1))
    changes = [
        _remote_change(e, n)
        for e, n in sorted(late + new, key=lambda r: r[0].id)
        if e.client != own_client
    ]
    return FeedBatch(last_id, changes, frozenset(missing - found), found)


@dataclass
class FeedCursor:
    """One client's place in the feed across polls: the last id read and the gaps below it
    still worth asking for, each with when it was first missed (`now`: a monotonic clock, in
    seconds, passed in). Not thread-safe: one poll at a time (LiveRefresh sees to it)."""

    own_client: str
    last_id: int = 0
    gaps: dict[int, float] = field(default_factory=dict)

    def start(self, session: Session, now: float) -> None:
        """Begin after the newest entry; the ids missing among the newest few may be writes
        still committing, so they are watched as gaps from the start."""
        ids = session.scalars(
            select(ChangeFeedEntry.id).order_by(ChangeFeedEntry.id.desc()).limit(MAX_GAPS)
        ).all()
        self.last_id = ids[0] if ids else 0
        low = ids[-1] if ids else 0
        seen = set(ids)
        self.gaps = {i: now for i in range(low + 1, self.last_id) if i not in seen}

    def poll(self, session: Session, now: float, limit: int = 500) -> list[RemoteChange]:
        self.gaps = {i: t for i, t in self.gaps.items() if now - t < GAP_SECONDS}
        batch = poll_changes(session, self.last_id, self.own_client, limit, self.gaps)
        self.gaps = {i: self.gaps.get(i, now) for i in batch.gaps}
        if len(self.gaps) > MAX_GAPS:
            self.gaps = dict(sorted(self.gaps.items())[-MAX_GAPS:])
        self.last_id = batch.last_id
        return batch.changes


def merged(changes: Collection[RemoteChange]) -> Change:
    """One Change for the pages out of a poll's entries."""
    out = Change()
    for remote in changes:
        out = out | remote.change
    return out


def prune_feed(session: Session, before: datetime) -> int:
    """Forget the entries written before `before` (a day ago: every client running has read
    them). The newest entry is always kept, so an id is never handed out twice (SQLite reuses
    the ids past the largest left) and no client's place is ever ahead of the feed."""
    newest = last_feed_id(session)
    result = session.execute(
        delete(ChangeFeedEntry).where(ChangeFeedEntry.at < before, ChangeFeedEntry.id < newest)
    )
    return result.rowcount or 0


def prune_receipts(session: Session, before: datetime) -> int:
    """Forget the idempotency keys of writes older than `before` (a day: a retry comes within
    minutes of the write, after a reconnection)."""
    return session.execute(delete(WriteReceipt).where(WriteReceipt.at < before)).rowcount or 0
