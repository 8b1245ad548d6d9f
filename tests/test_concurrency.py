"""Two people at once: colliding saves, many writers on the same customers, a connection killed
under a running statement and a real deadlock, on SQLite, PostgreSQL and MariaDB.

Each Workspace here has its own engine where it matters (open_database on the same URL), so
the databases see separate clients, as they would with two desktops."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import pytest
from helpers import NOW
from sqlalchemy import select, text

from crmdesk.models import database
from crmdesk.models.contacts import ContactInput
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.database import Database, open_database
from crmdesk.models.errors import Conflict, ConnectionLost, CrmError, DatabaseUnavailable, NotFound
from crmdesk.models.follow_ups import FollowUpInput
from crmdesk.models.schema import Contact, Customer, CustomerSearch, FollowUp, OwnershipEvent
from crmdesk.models.search import build_body
from crmdesk.models.workspace import Workspace

RETRIED = "unit of work retried"

# A flush that finds fewer rows than it expected is a lost race, even where SQLAlchemy only warns.
pytestmark = pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")


@pytest.fixture
def open_more(db):
    """open_more(n): n more Databases (engines, connection pools) on the test database."""
    opened: list[Database] = []

    def more(n: int) -> list[Database]:
        url = db.url.render_as_string(hide_password=False)
        dbs = [open_database(url) for _ in range(n)]
        opened.extend(dbs)
        return dbs

    yield more
    for other in opened:
        other.close()


def make_customer(db: Database, actor, name: str, owner=None, contacts=()) -> int:
    with db.writing() as s:
        return create_customer(
            s,
            actor,
            CustomerInput(name=name),
            NOW,
            contacts=contacts,
            owner_id=owner.id if owner else None,
        )


def retries(caplog) -> int:
    retried = [r.getMessage() for r in caplog.records if RETRIED in r.getMessage()]
    for message in retried:
        print("\n   ", message.splitlines()[0][:300])
    return len(retried)


# ---------------------------------------------------------------- two saves of one customer


def test_two_simultaneous_saves_end_in_one_save_and_one_conflict(db, people, open_more, caplog):
    """Both users load the same version and press Save at the same moment, many times over:
    every round one save goes through and the other is told who got there first."""
    caplog.set_level(logging.INFO, logger="crmdesk.models.database")
    rounds = 40
    p = people
    cid = make_customer(db, p.manager_n, "同时保存", owner=p.rep_n1)
    (other,) = open_more(1)
    sides = {
        "A": Workspace(db, p.rep_n1, clock=lambda: NOW),
        "B": Workspace(other, p.manager_n, clock=lambda: NOW),
    }
    names = {"A": p.rep_n1.name, "B": p.manager_n.name}
    barrier = threading.Barrier(2, timeout=30)
    outcome: dict[str, object] = {}
    spans: dict[str, tuple[float, float]] = {}

    def save(side: str, r: int) -> None:
        ws = sides[side]
        try:
            base = ws.customer(cid)
            barrier.wait()
            start = time.perf_counter()
            try:
                outcome[side] = ws.update_customer(
                    cid, replace(base.data, city=f"{side}{r}", notes=f"{side} {r}"), base
                ).value
            finally:
                spans[side] = (start, time.perf_counter())
        except BaseException as exc:  # everything, to be judged below
            outcome[side] = exc

    overlapping = 0
    for r in range(rounds):
        outcome.clear()
        spans.clear()
        threads = [threading.Thread(target=save, args=(side, r)) for side in sides]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        conflicts = {s: v for s, v in outcome.items() if isinstance(v, Conflict)}
        saved = {s: v for s, v in outcome.items() if not isinstance(v, BaseException)}
        assert len(saved) == 1 and len(conflicts) == 1, f"round {r}: {outcome!r}"
        (winner, detail), (err,) = next(iter(saved.items())), conflicts.values()
        assert err.params["by"] == names[winner], f"round {r}: {err.params}"
        assert err.params["at"] == NOW  # when the winner saved (the workspaces' clock)
        assert "city" in err.params["fields"] and "notes" in err.params["fields"]
        assert detail.version == r + 2
        with db.reading() as s:
            row = s.get(Customer, cid)
            assert (row.city, row.version) == (f"{winner}{r}", r + 2)
        (a0, a1), (b0, b1) = spans["A"], spans["B"]
        overlapping += a0 < b1 and b0 < a1
    # The saves really ran at the same time, at least sometimes (SQLite's are so quick that
    # one often ends before the other thread is scheduled).
    assert overlapping > 0
    print(f"\n[{db.dialect}] {rounds} rounds, {overlapping} overlapping, {retries(caplog)} retries")


# ---------------------------------------------------------------- many writers, every kind


CUSTOMERS = 12
THREADS = 8
OPERATIONS = 50
ENGINES = 3
KINDS = {
    "update": 24,
    "follow_up": 20,
    "contact": 20,
    "tag": 14,
    "assign": 8,
    "delete": 5,
    "restore": 9,
}


@dataclass
class Journal:
    """What one thread did that the database should now show."""

    updates: list[tuple[int, int, str]] = field(default_factory=list)  # cid, version, notes
    follow_ups: list[tuple[int, datetime]] = field(default_factory=list)
    tags: dict[tuple[int, str], bool] = field(default_factory=dict)  # (cid, tag) -> on
    tag_lost_to_delete: set[int] = field(default_factory=set)
    moved: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    restored: Counter = field(default_factory=Counter)
    bumps: Counter = field(default_factory=Counter)  # bulk changes that raised the version
    removed_contacts: set[int] = field(default_factory=set)
    expected_errors: list[tuple[str, int, CrmError]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    done: Counter = field(default_factory=Counter)


def test_many_writers_on_the_same_customers_lose_nothing(db, people, open_more, caplog):
    caplog.set_level(logging.INFO, logger="crmdesk.models.database")
    p = people
    team = [p.manager_n, p.rep_n1, p.rep_n2]
    ids = [
        make_customer(
            db,
            p.admin,
            f"并发客户{i:02d}",
            owner=team[1 + i % 2],
            contacts=[ContactInput(name=f"联系人{i}", mobile=f"1380000{i:04d}")],
        )
        for i in range(CUSTOMERS)
    ]
    dbs = [db, *open_more(ENGINES - 1)]
    actors = [p.admin, p.manager_n]
    deleted_now: set[int] = set()  # a hint for restores, shared; the journals are the truth
    hint_lock = threading.Lock()
    start = threading.Barrier(THREADS, timeout=30)
    journals = [Journal() for _ in range(THREADS)]

    def work(i: int) -> None:
        rng = random.Random(1000 + i)
        ws = Workspace(dbs[i % ENGINES], actors[i % 2], clock=lambda: NOW)
        j = journals[i]
        my_tags = (f"t{i}a", f"t{i}b")
        start.wait()
        for k in range(OPERATIONS):
            kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
            cid = rng.choice(ids)
            try:
                if kind == "update":
                    base = ws.customer(cid)
                    notes = f"{i}-{k}"
                    saved = ws.update_customer(cid, replace(base.data, notes=notes), base).value
                    j.updates.append((cid, saved.version, notes))
                elif kind == "follow_up":
                    happened = NOW - timedelta(minutes=rng.randrange(1, 500_000))
                    planned = happened + timedelta(days=3) if rng.random() < 0.5 else None
                    ws.add_follow_up(cid, FollowUpInput("call", f"{i}-{k}", happened, planned))
                    j.follow_ups.append((cid, happened))
                elif kind == "contact":
                    contacts = ws.customer_card(cid).contacts
                    roll = rng.random()
                    if not contacts or roll < 0.4:
                        data = ContactInput(
                            name=f"人{i}-{k}",
                            mobile=f"139{i:02d}{k:06d}",
                            is_primary=rng.random() < 0.5,
                        )
                        ws.save_contact(cid, None, data)
                    elif roll < 0.7:
                        c = rng.choice(contacts)
                        data = replace(c.data, title=f"{i}-{k}", is_primary=not c.data.is_primary)
                        ws.save_contact(cid, c.id, data)
                    else:
                        c = rng.choice(contacts)
                        ws.remove_contact(cid, c.id)
                        j.removed_contacts.add(c.id)
                elif kind == "tag":
                    tag, on = rng.choice(my_tags), rng.random() < 0.6
                    result = ws.change_tag([cid], tag, on)
                    assert result.value.skipped == 0
                    if cid in result.change.customer_ids:
                        j.tags[(cid, tag)] = on
                        j.bumps[cid] += 1
                    elif j.tags.get((cid, tag), False) != on:
                        j.tag_lost_to_delete.add(cid)  # only a deleted customer refuses it
                elif kind == "assign":
                    target = rng.sample(ids, rng.randint(1, 3))
                    to = rng.choice(team)
                    result = ws.assign_customers(target, to.id, "rebalance", "")
                    assert not result.change.many
                    for moved in result.change.customer_ids:
                        j.moved[moved] += 1
                        j.bumps[moved] += 1
                elif kind == "delete":
                    if cid in ws.delete_customers([cid]).change.customer_ids:
                        j.deleted[cid] += 1
                        j.bumps[cid] += 1
                        with hint_lock:
                            deleted_now.add(cid)
                elif kind == "restore":
                    with hint_lock:
                        if deleted_now:
                            cid = rng.choice(sorted(deleted_now))
                    if cid in ws.restore_customers([cid]).change.customer_ids:
                        j.restored[cid] += 1
                        j.bumps[cid] += 1
                        with hint_lock:
                            deleted_now.discard(cid)
                j.done[kind] += 1
            except (Conflict, NotFound) as exc:
                j.expected_errors.append((kind, cid, exc))
            except BaseException as exc:  # judged below: the test names it, not a traceback
                j.failures.append(f"{kind} on {cid}: {type(exc).__module__}.{exc!r}")

    began = time.perf_counter()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    elapsed = time.perf_counter() - began
    assert not any(t.is_alive() for t in threads), "a writer hung"

    failures = [f for j in journals for f in j.failures]
    assert failures == [], "\n".join(failures)

    ever_deleted = {cid for j in journals for cid in j.deleted}
    removed = set().union(*(j.removed_contacts for j in journals))
    conflicts = 0
    for kind, cid, exc in (e for j in journals for e in j.expected_errors):
        if isinstance(exc, Conflict):
            conflicts += 1
            assert kind == "update", (kind, cid, exc)
            assert exc.params["by"] in {a.name for a in actors} and exc.params["at"] is not None
        elif exc.params.get("what") == "contact":
            assert kind == "contact" and exc.params["id"] in removed, (kind, cid, exc)
        else:
            assert exc.params.get("what") == "customer", (kind, cid, exc)
            assert cid in ever_deleted, f"{kind} on {cid}: NotFound but it was never deleted"
    for j in journals:
        assert j.tag_lost_to_delete <= ever_deleted

    def total(name: str) -> Counter:
        out: Counter = Counter()
        for j in journals:
            out.update(getattr(j, name))
        return out

    moved, deleted, restored, bumps = (total(n) for n in ("moved", "deleted", "restored", "bumps"))
    follow_ups: dict[int, list[datetime]] = defaultdict(list)
    for cid, happened in (f for j in journals for f in j.follow_ups):
        follow_ups[cid].append(happened)
    updates: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for cid, version, notes in (u for j in journals for u in j.updates):
        updates[cid].append((version, notes))
    tags: dict[int, set[str]] = defaultdict(set)
    for (cid, tag), on in ((k, v) for j in journals for k, v in j.tags.items()):
        if on:
            tags[cid].add(tag)

    with db.reading() as s:
        for cid in ids:
            c = s.get(Customer, cid)
            where = f"customer {cid}"
            # follow-ups: none lost, and the last date is the latest one whatever the order
            stored = s.scalars(select(FollowUp.happened_at).where(FollowUp.customer_id == cid))
            assert sorted(stored) == sorted(follow_ups[cid]), where
            assert c.last_follow_up_at == max(follow_ups[cid], default=None), where
            # tags: exactly what the successful tag actions left
            assert {t for t in c.tags.split(",") if t} == tags[cid], where
            # ownership: an unbroken chain of events ending at the owner
            event = OwnershipEvent
            events = s.execute(
                select(event.kind, event.from_owner_id, event.to_owner_id)
                .where(event.customer_id == cid)
                .order_by(event.id)
            ).all()
            assert events[0].kind == "created" and events[0].from_owner_id is None, where
            for before, after in zip(events, events[1:], strict=False):
                assert after.from_owner_id == before.to_owner_id, (where, events)
            assert c.owner_id == events[-1].to_owner_id, where
            assert len(events) - 1 == moved[cid], where
            # contacts: exactly one primary while there are any, and the search text follows
            contacts = s.execute(
                select(Contact.name, Contact.mobile, Contact.phone, Contact.is_primary)
                .where(Contact.customer_id == cid)
                .order_by(Contact.id)
            ).all()
            if contacts:
                assert sum(bool(x.is_primary) for x in contacts) == 1, (where, contacts)
            body = s.scalar(select(CustomerSearch.body).where(CustomerSearch.customer_id == cid))
            assert body == build_body(c.name, [(x.name, x.mobile, x.phone) for x in contacts])
            # recycle bin: deletes and restores alternate
            assert deleted[cid] - restored[cid] in (0, 1), where
            assert (c.deleted_at is not None) == (deleted[cid] > restored[cid]), where
            # edits: every successful write raised the version once; the last edit stands
            assert c.version == 1 + len(updates[cid]) + bumps[cid], where
            if updates[cid]:
                assert c.notes == max(updates[cid])[1], where

    done = total("done")
    print(
        f"\n[{db.dialect}] {sum(done.values())} writes ok {dict(done)}, {conflicts} conflicts, "
        f"{len([e for j in journals for e in j.expected_errors]) - conflicts} not found, "
        f"{retries(caplog)} retries, {elapsed:.1f} s"
    )
    assert done["update"] > 0 and done["assign"] > 0 and done["contact"] > 0


# ---------------------------------------------------------------- a connection killed mid-query


def _killer(db: Database):
    """(session id of this connection, statement that sleeps, statement that kills a session,
    query that tells whether a session is busy)."""
    if db.dialect == "postgresql":
        return (
            "SELECT pg_backend_pid()",
            "SELECT pg_sleep(20)",
            "SELECT pg_terminate_backend(:pid)",
            "SELECT count(*) FROM pg_stat_activity WHERE pid = :pid AND query LIKE '%pg_sleep%'",
        )
    return (
        "SELECT CONNECTION_ID()",
        "SELECT SLEEP(20)",
        "KILL :pid",
        "SELECT count(*) FROM information_schema.processlist WHERE id = :pid "
        "AND info LIKE '%SLEEP%'",
    )


@pytest.mark.parametrize("mode", ["read", "write"])
def test_connection_killed_under_a_running_statement(db, people, open_more, mode):
    if db.dialect == "sqlite":
        pytest.skip("a SQLite file has no server connection to lose")
    who, sleep, kill, busy = _killer(db)
    (admin,) = open_more(1)
    victim: list[int] = []
    killed = threading.Event()

    def killer() -> None:
        deadline = time.monotonic() + 15
        while not victim and time.monotonic() < deadline:
            time.sleep(0.01)
        with admin.engine.connect() as conn:
            while time.monotonic() < deadline:
                if conn.execute(text(busy), {"pid": victim[0]}).scalar():
                    break
                conn.rollback()
                time.sleep(0.02)
            conn.execute(text(kill), {"pid": victim[0]})
            conn.commit()
        killed.set()

    def unit(session):
        victim.append(session.scalar(text(who)))
        if mode == "write":  # something the unit of work had written must not survive
            make = CustomerInput(name="不该留下")
            create_customer(session, people.admin, make, NOW)
        session.execute(text(sleep))
        return "finished"

    thread = threading.Thread(target=killer)
    thread.start()
    began = time.monotonic()
    with pytest.raises(ConnectionLost):
        (db.read if mode == "read" else db.write)(unit)
    thread.join(20)
    assert killed.is_set() and time.monotonic() - began < 15
    # The next call gets a working connection, and nothing of the killed unit was committed.
    left = select(Customer.id).where(Customer.name == "不该留下")
    assert db.read(lambda s: s.scalar(left)) is None
    assert db.read(lambda s: s.scalar(text("SELECT 1"))) == 1
    assert db.write(lambda s: s.scalar(text("SELECT 2"))).value == 2


# ---------------------------------------------------------------- a real deadlock


def _opposite_order(db: Database, other: Database, people) -> tuple[dict, Counter, list[int]]:
    """Two units of work, one on each engine, update two customer rows in opposite order once
    both hold their first row: (outcome by name, attempts by name, the two ids)."""
    ids = [make_customer(db, people.admin, "死锁甲"), make_customer(db, people.admin, "死锁乙")]
    both_hold_one = threading.Barrier(2, timeout=30)
    attempts: Counter = Counter()
    outcome: dict[str, object] = {}

    def unit(name: str, order: list[int]):
        def fn(session):
            attempts[name] += 1
            for n, cid in enumerate(order):
                session.execute(
                    text("UPDATE customers SET notes = :n WHERE id = :id"),
                    {"n": name, "id": cid},
                )
                if n == 0 and attempts[name] == 1:
                    both_hold_one.wait()
            return name

        return fn

    def run(name: str, target: Database, order: list[int]) -> None:
        try:
            outcome[name] = target.write(unit(name, order)).value
        except BaseException as exc:
            outcome[name] = exc

    threads = [
        threading.Thread(target=run, args=("a", db, ids)),
        threading.Thread(target=run, args=("b", other, ids[::-1])),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return outcome, attempts, ids


def test_deadlocked_unit_of_work_is_retried_and_both_succeed(db, people, open_more, caplog):
    """The database picks one of the two as the deadlock victim; Database.write runs it again
    and both end up committed."""
    if db.dialect == "sqlite":
        pytest.skip("SQLite writers queue on BEGIN IMMEDIATE: they cannot deadlock")
    caplog.set_level(logging.INFO, logger="crmdesk.models.database")
    outcome, attempts, ids = _opposite_order(db, *open_more(1), people)
    assert outcome == {"a": "a", "b": "b"}
    assert sorted(attempts.values()) == [1, 2]  # exactly one was chosen and run again
    victim = next(name for name, n in attempts.items() if n == 2)
    assert retries(caplog) == 1
    with db.reading() as s:  # the victim ran last, after the winner had committed
        notes = s.scalars(select(Customer.notes).where(Customer.id.in_(ids)))
        assert list(notes) == [victim, victim]


def test_a_deadlock_lost_on_every_attempt_is_locked(db, people, open_more, monkeypatch):
    """Out of attempts, the loser hears that the database was busy, not a driver's error."""
    if db.dialect == "sqlite":
        pytest.skip("SQLite writers queue on BEGIN IMMEDIATE: they cannot deadlock")
    monkeypatch.setattr(database, "WRITE_ATTEMPTS", 1)
    outcome, attempts, ids = _opposite_order(db, *open_more(1), people)
    assert attempts == {"a": 1, "b": 1}
    (winner,) = [name for name, value in outcome.items() if value == name]
    (lost,) = [value for value in outcome.values() if isinstance(value, BaseException)]
    assert isinstance(lost, DatabaseUnavailable) and lost.params["reason"] == "locked", lost
    with db.reading() as s:  # the winner's writes stand, nothing of the loser's
        notes = s.scalars(select(Customer.notes).where(Customer.id.in_(ids)))
        assert list(notes) == [winner, winner]
