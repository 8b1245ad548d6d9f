"""A lost server connection, below the window: a write cut off in the middle commits nothing and
says ConnectionLost; sent again with the same idempotency key it lands exactly once; a server
that does not answer is ConnectionLost too (what the window's banner keys on); sessions killed
while idle are replaced without the user noticing."""

from __future__ import annotations

import socket
import uuid

import pytest
from connection_helpers import FlakyLink, cut_before, kill_sessions
from helpers import NOW, People
from sqlalchemy import func, select

from crmdesk.models import write_keys
from crmdesk.models.change_feed import AlreadyApplied
from crmdesk.models.customers import CustomerInput
from crmdesk.models.database import Database, create_db_engine
from crmdesk.models.errors import ConnectionLost
from crmdesk.models.schema import Customer
from crmdesk.models.schema_team import ChangeFeedEntry, WriteReceipt
from crmdesk.models.workspace import Workspace


def _server_only(db: Database) -> None:
    if db.is_local:
        pytest.skip("a SQLite file has no server connection to lose")


def _count(db: Database, model, *where) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).select_from(model).where(*where)))


@pytest.fixture
def ws(db) -> Workspace:
    return Workspace(db, People(db).admin, clock=lambda: NOW)


def _named(name: str):
    return Customer.name == name


def test_a_write_cut_off_commits_nothing_and_the_next_one_reconnects(db, ws):
    _server_only(db)
    with cut_before(db, "INSERT INTO customers") as killed:
        with pytest.raises(ConnectionLost):
            ws.create_customer(CustomerInput(name="断线客户"))
    assert len(killed) == 1
    assert _count(db, Customer, _named("断线客户")) == 0
    assert _count(db, ChangeFeedEntry) == 0  # the feed row went with the unit of work
    ws.create_customer(CustomerInput(name="断线客户"))  # a fresh connection, no error
    assert _count(db, Customer, _named("断线客户")) == 1


def test_a_retried_write_with_its_key_lands_exactly_once(db, ws):
    _server_only(db)
    key = uuid.uuid4().hex
    with cut_before(db, "INSERT INTO customers"), pytest.raises(ConnectionLost):
        with write_keys.keyed(key):
            ws.create_customer(CustomerInput(name="重试客户"))
    assert _count(db, WriteReceipt, WriteReceipt.key == key) == 0  # rolled back with the rest
    with write_keys.keyed(key):  # the automatic retry after the reconnection
        new_id = ws.create_customer(CustomerInput(name="重试客户")).value
    assert new_id is not None
    # The answer to that retry could be lost too: the third attempt is refused, nothing doubles.
    with pytest.raises(AlreadyApplied), write_keys.keyed(key):
        ws.create_customer(CustomerInput(name="重试客户"))
    assert _count(db, Customer, _named("重试客户")) == 1
    assert _count(db, WriteReceipt, WriteReceipt.key == key) == 1
    assert _count(db, ChangeFeedEntry) == 1  # colleagues hear of it once


def test_a_commit_whose_answer_was_lost_is_not_written_again(db, ws):
    """The first attempt committed but its answer never came back (the relay drops the
    COMMIT's answer, as a connection dying during COMMIT does): the caller sees
    ConnectionLost, and the retry with the same key finds the receipt."""
    _server_only(db)
    relay = FlakyLink(db.engine.url.host or "127.0.0.1", db.engine.url.port)
    remote = Database(create_db_engine(relay.url(db)))
    try:
        far = Workspace(remote, ws.actor, clock=lambda: NOW)
        key = uuid.uuid4().hex
        far.create_customer(CustomerInput(name="连接已建立"))  # connected and set up first
        relay.lose_next_commit_answer()
        with pytest.raises(ConnectionLost), write_keys.keyed(key):
            far.create_customer(CustomerInput(name="已提交客户"))
        assert _count(db, Customer, _named("已提交客户")) == 1  # committed all the same
        with pytest.raises(AlreadyApplied), write_keys.keyed(key):
            far.create_customer(CustomerInput(name="已提交客户"))
        assert _count(db, Customer, _named("已提交客户")) == 1
        assert _count(db, WriteReceipt, WriteReceipt.key == key) == 1
    finally:
        remote.close()
        relay.close()


def test_sessions_killed_while_idle_are_replaced_quietly(db, ws):
    _server_only(db)
    ws.create_customer(CustomerInput(name="空闲"))
    assert kill_sessions(db)  # the pool's idle connections
    assert _count(db, Customer, _named("空闲")) == 1  # pool_pre_ping: a new connection
    ws.create_customer(CustomerInput(name="空闲二"))
    assert _count(db, Customer) == 2


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nobody listens there once the socket is closed


def test_a_server_that_does_not_answer_is_a_lost_connection(db):
    _server_only(db)
    url = db.engine.url.set(port=_closed_port())
    gone = Database(create_db_engine(url.render_as_string(hide_password=False)))
    try:
        with pytest.raises(ConnectionLost):
            gone.read(lambda s: s.scalar(select(func.count()).select_from(Customer)))
        with pytest.raises(ConnectionLost):
            gone.write(lambda s: s.scalar(select(1)), key=uuid.uuid4().hex)
    finally:
        gone.close()


def test_only_the_first_unit_of_a_keyed_block_carries_the_key(db, ws):
    """Two units of work in one keyed block: the second must not find the first one's receipt
    and refuse (every backend: the key is stored on a local file too)."""
    key = uuid.uuid4().hex
    with write_keys.keyed(key):
        ws.create_customer(CustomerInput(name="第一"))
        ws.create_customer(CustomerInput(name="第二"))
    assert _count(db, Customer) == 2
    assert db.read(lambda s: s.scalars(select(WriteReceipt.key)).all()) == [key]
    ws.create_customer(CustomerInput(name="第三"))  # outside the block: no key at all
    assert _count(db, WriteReceipt) == 1
    assert write_keys.take() is None
