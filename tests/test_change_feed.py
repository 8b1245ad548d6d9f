"""The change feed read back: a colleague's writes as Changes, own writes skipped, ids that
commit out of order on the servers delivered once, pruning."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from helpers import NOW
from sqlalchemy import func, select

from crmdesk.models import change_feed
from crmdesk.models.change_feed import (
    FeedCursor,
    merged,
    poll_changes,
    prune_feed,
    prune_receipts,
)
from crmdesk.models.changes import Change, change_of, record
from crmdesk.models.customers import CustomerInput
from crmdesk.models.database import open_database
from crmdesk.models.schema_team import ChangeFeedEntry, WriteReceipt
from crmdesk.models.workspace import Workspace


def _other_client(db):
    """A second program on the same database: its own engine and client id."""
    other = open_database(db.url.render_as_string(hide_password=False))
    assert other.client_id != db.client_id
    return other


def test_a_colleagues_write_comes_back_as_a_change_and_own_writes_are_skipped(db, people):
    colleague = _other_client(db)
    try:
        start = db.read(change_feed.last_feed_id)
        mine = Workspace(db, people.rep_n2, clock=lambda: NOW)
        theirs = Workspace(colleague, people.rep_n1, clock=lambda: NOW)
        mine.create_customer(CustomerInput(name="Mine Ltd"), [], people.rep_n2.id)
        made = theirs.create_customer(CustomerInput(name="Theirs Ltd"), [], people.rep_n1.id)
        batch = db.read(lambda s: poll_changes(s, start, db.client_id))
        assert len(batch.changes) == 1
        remote = batch.changes[0]
        assert remote.change.remote and remote.change.kinds == {"created"}
        assert remote.change.customer_ids == {made.value}
        assert (remote.actor_id, remote.actor_name) == (people.rep_n1.id, "张伟")
        assert remote.change.by == "张伟"
        assert batch.last_id == db.read(change_feed.last_feed_id)
        # nothing new: nothing again
        again = db.read(lambda s: poll_changes(s, batch.last_id, db.client_id))
        assert again.changes == [] and again.last_id == batch.last_id
        # the colleague's own poll skips it and sees mine
        theirs_batch = colleague.read(lambda s: poll_changes(s, start, colleague.client_id))
        assert [c.change.kinds for c in theirs_batch.changes] == [{"created"}]
        assert theirs_batch.changes[0].actor_name == "Ned North"
    finally:
        colleague.close()


def test_a_bulk_change_keeps_many_and_merging_names_the_colleagues(db, people):
    colleague = _other_client(db)
    try:
        start = db.read(change_feed.last_feed_id)
        for actor, ids in ((people.rep_n1, range(1, 1500)), (people.rep_s1, [7])):

            def unit(s, actor=actor, ids=ids):
                s.info["actor_id"] = actor.id
                record(s, "tags", ids)

            colleague.write(unit)
        batch = db.read(lambda s: poll_changes(s, start, db.client_id))
        big, small = (c.change for c in batch.changes)
        assert big.many and big.count == 1499 and big.affects(12345)
        assert small.customer_ids == {7} and not small.many
        both = merged(batch.changes)
        assert both.remote and both.many and both.by == "张伟, 李娜"
        assert merged([]) == Change()
    finally:
        colleague.close()


def test_polling_reads_at_most_limit_and_goes_on_from_there(db):
    colleague = _other_client(db)
    try:
        start = db.read(change_feed.last_feed_id)
        for i in range(5):
            colleague.write(lambda s, i=i: record(s, "edited", [i + 1]))
        first = db.read(lambda s: poll_changes(s, start, db.client_id, limit=3))
        assert [set(c.change.customer_ids) for c in first.changes] == [{1}, {2}, {3}]
        rest = db.read(lambda s: poll_changes(s, first.last_id, db.client_id, limit=3))
        assert [set(c.change.customer_ids) for c in rest.changes] == [{4}, {5}]
    finally:
        colleague.close()


def test_the_cursor_delivers_a_late_gap_once_and_forgets_an_old_one(db):
    """Ids the cursor has not seen below the newest it read (a write still committing) are
    asked for again until they appear, and dropped after GAP_SECONDS (rolled back)."""
    colleague = _other_client(db)
    try:
        colleague.write(lambda s: record(s, "edited", [1]))
        cursor = FeedCursor(db.client_id)
        db.read(lambda s: cursor.start(s, 0.0))
        with colleague.writing() as s:  # three ids; the middle one is taken away: a gap
            for cid in (2, 3, 4):
                change_feed.append_change(s, change_of("edited", [cid]), colleague.client_id)
            s.flush()
            middle = s.scalar(select(func.max(ChangeFeedEntry.id))) - 1
        with colleague.writing() as s:
            s.execute(ChangeFeedEntry.__table__.delete().where(ChangeFeedEntry.id == middle))
        got = db.read(lambda s: cursor.poll(s, 1.0))
        assert [set(c.change.customer_ids) for c in got] == [{2}, {4}]
        assert set(cursor.gaps) == {middle}
        assert db.read(lambda s: cursor.poll(s, 2.0)) == []  # still missing: nothing twice
        assert set(cursor.gaps) == {middle}
        db.read(lambda s: cursor.poll(s, 2.0 + change_feed.GAP_SECONDS))
        assert cursor.gaps == {}
    finally:
        colleague.close()


@pytest.fixture
def server_db(db):
    if db.dialect == "sqlite":
        pytest.skip("SQLite serializes writers: its ids commit in order")
    return db


def test_an_id_committed_after_a_higher_one_is_delivered_once(server_db):
    """Two transactions on the server: the first takes its feed id, the second takes the next
    one and commits first. A poll in between sees only the higher id; the lower one arrives
    at the next poll once committed, and never twice."""
    db = server_db
    colleague = _other_client(db)
    try:
        colleague.write(lambda s: record(s, "edited", [100]))  # where the cursor starts
        cursor = FeedCursor(db.client_id)
        db.read(lambda s: cursor.start(s, 0.0))
        taken, release = threading.Event(), threading.Event()

        def slow_writer() -> None:
            with colleague.writing() as s:
                change_feed.append_change(s, change_of("edited", [101]), "slow")
                s.flush()
                taken.set()
                release.wait(10)

        thread = threading.Thread(target=slow_writer)
        thread.start()
        assert taken.wait(10)
        colleague.write(lambda s: record(s, "edited", [102]))  # a higher id, committed first
        first = db.read(lambda s: cursor.poll(s, 1.0))
        assert [set(c.change.customer_ids) for c in first] == [{102}]
        assert len(cursor.gaps) == 1
        release.set()
        thread.join(10)
        second = db.read(lambda s: cursor.poll(s, 2.0))
        assert [set(c.change.customer_ids) for c in second] == [{101}]
        assert cursor.gaps == {}
        assert db.read(lambda s: cursor.poll(s, 3.0)) == []
    finally:
        colleague.close()


def test_pruning_forgets_old_entries_and_receipts_but_keeps_the_newest_entry(db):
    def seed(s):
        for days, client in ((3, "a"), (2, "b")):
            s.add(ChangeFeedEntry(at=NOW - timedelta(days=days), client=client, kinds="edited",
                                  customer_ids="", count=0))  # fmt: skip
            s.add(WriteReceipt(key=f"k{days}", at=NOW - timedelta(days=days)))
        s.add(WriteReceipt(key="fresh", at=NOW))

    with db.writing() as s:
        seed(s)
    day_ago = NOW - timedelta(days=1)
    assert db.write(lambda s: prune_feed(s, day_ago)).value == 1
    assert db.write(lambda s: prune_receipts(s, day_ago)).value == 2
    left = db.read(lambda s: s.scalars(select(ChangeFeedEntry.client)).all())
    assert left == ["b"]  # older than a day, but the newest: ids never go back
    assert db.read(lambda s: s.scalars(select(WriteReceipt.key)).all()) == ["fresh"]
