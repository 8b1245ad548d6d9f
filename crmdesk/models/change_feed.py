"""The change feed: every committed unit of work that changed something leaves one row
(database.Database.write appends it in the same transaction), and every client polls the rows
after the last it saw, so a colleague's write reaches the pages on the same change bus as the
user's own (ARCHITECTURE §3). Also the write receipts that make a retried write idempotent.

Reading the feed, turning rows back into Changes and pruning old rows: see poll_changes and
prune_feed below."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from crmdesk.models.changes import Change
from crmdesk.models.errors import CrmError
from crmdesk.models.schema_team import ChangeFeedEntry, WriteReceipt


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
    from sqlalchemy import func

    return session.scalar(select(func.max(ChangeFeedEntry.id))) or 0
