"""How bulk actions run on SQLite, PostgreSQL and MariaDB: chunk by chunk in units of work,
progress, cancel, a deactivated actor, explicit ids judged as each chunk is reached, the
Change past its id limit, and the size of every statement sent. On a server two units run at
once (bulk_units.py): the tests of a unit's order pin one at a time (`one_unit_at_a_time`), and
the last section tests two at a time."""

from __future__ import annotations

import itertools
import re
import threading
import time
from datetime import timedelta

import pytest
from helpers import NOW
from sqlalchemy import event, insert, select, update
from test_bulk import (  # the shared data and helpers; small_chunks applies here too
    DEFAULT_CHUNK,
    DEFAULT_POSTGRESQL_CHUNK,
    LATER,
    SMALL_CHUNK,
    Progress,
    assert_touched,
    changed_ids,
    events,
    every,
    of,
    seed,
    small_chunks,  # noqa: F401
    snapshot,
    ws,
)

from crmdesk.models import bulk, bulk_assign, bulk_units, changes, pool
from crmdesk.models.bulk import Target
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.errors import Interrupted, PermissionDenied
from crmdesk.models.schema import Customer, OwnershipEvent, Pool, User

OLD = NOW - timedelta(days=30)


@pytest.fixture
def one_unit_at_a_time(monkeypatch):
    """Units one after another on the servers too, as on SQLite: the tests of their order."""
    monkeypatch.setattr(bulk_units, "SERVER_WORKERS", 1)


# ---------------------------------------------------------------- the Change, progress, cancel


def test_change_says_many_past_the_id_limit(db, people, monkeypatch):
    p = people
    ids = seed(db, p)
    monkeypatch.setattr(changes, "ID_LIMIT", 10)
    result = ws(db, p.admin).delete_customers(Target(query=CustomerQuery()))
    n = len(every(ids)) - len(ids["nobody_tech_a"])  # the pool's customers are not listed
    assert result.value.changed == n
    assert result.change.kinds == {"deleted"} and result.change.count == n
    assert result.change.many and result.change.customer_ids == frozenset()
    assert result.change.affects(ids["n1_tech_a"][0])
    small = ws(db, p.admin).restore_customers(ids["n1_tech_a"][:5])
    assert not small.change.many and small.change.customer_ids == set(ids["n1_tech_a"][:5])


def delete_cancelled(db, p, reports: int):
    """Every customer deleted by the admin, cancelled once progress was reported `reports`
    times: (the ids sent, ascending; the progress; the result)."""
    chosen = sorted(every(seed(db, p)))
    progress = Progress()
    result = ws(db, p.admin).delete_customers(
        chosen, progress=progress, cancelled=lambda: len(progress.calls) >= reports
    )
    return chosen, progress, result


def test_cancel_between_chunks_keeps_the_chunks_done(db, people, one_unit_at_a_time):
    p = people
    chosen, progress, result = delete_cancelled(db, p, 2)
    done = 2 * SMALL_CHUNK
    assert result.value == bulk.BulkResult(len(chosen), done, cancelled=True)
    assert progress.calls == [(SMALL_CHUNK, len(chosen)), (done, len(chosen))]
    assert result.change.customer_ids == set(chosen[:done])
    with db.reading() as s:
        gone = set(s.scalars(select(Customer.id).where(Customer.deleted_at.is_not(None))))
    assert gone == set(chosen[:done])  # chunk by chunk (in id order: the seed stamps all alike)
    rest = ws(db, p.admin).delete_customers(chosen)
    assert rest.value == bulk.BulkResult(len(chosen) - done, len(chosen) - done)


@pytest.mark.parametrize("action", ["delete", "assign"])
@pytest.mark.parametrize("select_all", [False, True])
def test_sqlite_takes_the_least_recently_changed_first_the_servers_id_order(
    db, people, one_unit_at_a_time, action, select_all
):
    """On SQLite a unit's customers sit together in the indexes holding updated_at when taken
    by last change (bulk_units.in_change_order; a select-all read in that order, bulk.resolve);
    the servers lock rows in id order."""
    p = people
    ids = seed(db, p)
    chosen = sorted(every(ids))
    with db.writing() as s:  # last changed in the reverse of id order
        for k, cid in enumerate(chosen):
            stamp = OLD + timedelta(minutes=len(chosen) - k)
            s.execute(update(Customer).where(Customer.id == cid).values(updated_at=stamp))
    sent = [max(chosen) + 1000, *chosen[:3]]  # an id that is nobody's goes last on SQLite
    ordered = bulk_units.in_change_order(db, sent)
    assert ordered == ([*chosen[2::-1], sent[0]] if db.dialect == "sqlite" else sent)
    calls: list[int] = []
    run = {"delete": ws(db, p.admin).delete_customers,
           "assign": lambda *a, **k: ws(db, p.admin).assign_customers(
               a[0], p.rep_s1.id, "rebalance", "", **k)}[action]  # fmt: skip
    target = Target(query=CustomerQuery()) if select_all else chosen
    listed = sorted(set(chosen) - of(ids, "nobody_tech_a")) if select_all else chosen  # no pool
    result = run(target, progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) >= 1)
    first = set(listed[-SMALL_CHUNK:] if db.dialect == "sqlite" else listed[:SMALL_CHUNK])
    assert result.change.customer_ids <= first and len(result.change.customer_ids) > 0


@pytest.mark.parametrize("action", ["assign", "tag", "delete"])
def test_sqlite_stamps_each_unit_a_microsecond_after_the_one_before(
    db, people, one_unit_at_a_time, action
):
    """SQLite: unit k stamps the action's time plus k microseconds (bulk_units.unit_time), so
    its new index entries append after the last unit's; an assign's received_at and events
    carry the same time, a delete's deleted_at stays the action's (undo_delete finds it). A
    server's units stamp the action's time alone."""
    p = people
    chosen = sorted(every(seed(db, p)))
    with db.writing() as s:  # last changed in the reverse of id order: SQLite takes them so
        for k, cid in enumerate(chosen):
            stamp = OLD + timedelta(minutes=len(chosen) - k)
            s.execute(update(Customer).where(Customer.id == cid).values(updated_at=stamp))
    w = ws(db, p.admin)
    run = {"assign": lambda: w.assign_customers(chosen, p.rep_s1.id, "rebalance", ""),
           "tag": lambda: w.change_tag(chosen, "印", True),
           "delete": lambda: w.delete_customers(chosen)}[action]  # fmt: skip
    changed = sorted(run().change.customer_ids)
    columns = (Customer.id, Customer.updated_at, Customer.received_at, Customer.deleted_at)
    logged = select(OwnershipEvent.customer_id, OwnershipEvent.at).where(
        OwnershipEvent.kind.in_(["assigned", "transferred"])
    )
    with db.reading() as s:
        rows = s.execute(select(*columns).where(Customer.id.in_(changed))).all()
        at = dict(s.execute(logged).all())
    assert len(rows) == len(changed) > 3 * SMALL_CHUNK
    if action == "assign":
        assert all(r.received_at == r.updated_at == at[r.id] for r in rows)
    if action == "delete":
        assert {r.deleted_at for r in rows} == {LATER}
    if db.dialect != "sqlite":
        assert {r.updated_at for r in rows} == {LATER}
        return
    unit = {cid: k // SMALL_CHUNK for k, cid in enumerate(reversed(chosen))}  # a chunk a unit
    assert {r.id: r.updated_at - LATER for r in rows} == {
        r.id: timedelta(microseconds=unit[r.id]) for r in rows
    }


def test_a_tag_waits_on_no_customer_outside_its_ids(db, people):
    """A server's bulk tag locks its ids' rows only: a colleague holding another customer does
    not hold it up (MariaDB's planner once read, and locked, every row of a small table)."""
    if db.dialect == "sqlite":
        pytest.skip("SQLite locks the database, not rows")
    p = people
    ids = sorted(every(seed(db, p)))
    done = threading.Event()

    def tag() -> None:
        ws(db, p.admin).change_tag(ids[1:6], "锁", True)
        done.set()

    with db.engine.connect() as colleague:
        colleague.execute(select(Customer.id).where(Customer.id == ids[0]).with_for_update())
        worker = threading.Thread(target=tag)
        worker.start()
        finished = done.wait(10)
        colleague.rollback()
    worker.join(60)
    assert finished


def test_explicit_ids_are_judged_as_each_chunk_is_reached(db, people, one_unit_at_a_time):
    """Ids sent are not read before the first unit of work: each chunk keeps those the actor may
    change, `requested` counts them, and an action stopped early counts the ids it never
    reached; progress counts the ids sent."""
    p = people
    ids = seed(db, p)
    sent = sorted(of(ids, "n1_tech_b", "n2_trade_a", "s1_tech_a"))  # rep_n1 owns n1_tech_b only
    own = sorted(ids["n1_tech_b"])
    assert set(own) < set(sent[:SMALL_CHUNK])  # the first chunk: 4 of theirs and 3 of others
    rep = ws(db, p.rep_n1)
    before = snapshot(db)
    progress = Progress()
    result = rep.change_tag(sent, "我的", True, progress=progress)
    assert result.value == bulk.BulkResult(len(own), len(own))
    assert progress.calls[-1] == (len(sent), len(sent))
    assert len(progress.calls) == -(-len(sent) // SMALL_CHUNK)
    assert_touched(before, snapshot(db), set(own), p.rep_n1.id)

    with db.writing() as s:  # theirs the least recently changed again: SQLite's first chunk
        s.execute(update(Customer).where(Customer.id.in_(own)).values(updated_at=OLD))
    calls: list[int] = []
    stopped = rep.delete_customers(
        sent, progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) >= 1
    )
    not_reached = len(sent) - SMALL_CHUNK
    assert stopped.value == bulk.BulkResult(len(own) + not_reached, len(own), cancelled=True)
    assert stopped.change.customer_ids == set(own)


def test_a_deactivated_actor_is_stopped_at_the_next_chunk(db, people, one_unit_at_a_time):
    p = people
    ids = seed(db, p)
    chosen = sorted(every(ids))
    before = snapshot(db)

    def deactivate(done: int, total: int) -> None:
        with db.writing() as s:
            s.execute(update(User).where(User.id == p.admin.id).values(active=False))

    with pytest.raises(Interrupted) as err:
        ws(db, p.admin).assign_customers(chosen, p.rep_n2.id, "other", "离职", progress=deactivate)
    cause = err.value.params["cause"]
    assert isinstance(cause, PermissionDenied) and cause.code == "inactive"
    after = snapshot(db)
    first_chunk = set(chosen[:SMALL_CHUNK]) - set(ids["n2_trade_a"]) - set(ids["n2_tech_a"])
    assert changed_ids(before, after) == first_chunk
    assert {e[0] for e in events(db)} == first_chunk
    # what was committed before the stop is reported, and reaches the pages as a change
    partial = err.value.partial
    assert partial.value.changed == err.value.params["changed"] == len(first_chunk)
    assert partial.change.customer_ids == first_chunk and partial.change.kinds == {"ownership"}


def test_a_unit_of_work_takes_chunks_until_its_time_is_up(
    db, people, monkeypatch, one_unit_at_a_time
):
    p = people
    ids = seed(db, p)
    chosen = sorted(every(ids) - of(ids, "n2_trade_a"))
    before = snapshot(db)
    monkeypatch.setattr(bulk, "UNIT_SECONDS", 60)  # every chunk in one unit of work
    calls: list[tuple[int, int]] = []
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return False

    result = ws(db, p.admin).assign_customers(
        chosen, p.rep_n2.id, "other", "合并", progress=lambda d, t: calls.append((d, t)),
        cancelled=cancelled,
    )  # fmt: skip
    moved = set(chosen) - of(ids, "n2_tech_a")
    assert result.value == bulk.BulkResult(len(chosen), len(moved))
    assert result.change.customer_ids == moved
    assert calls == [(len(chosen), len(chosen))] and len(asked) == 1
    assert_touched(before, snapshot(db), moved, p.admin.id)
    assert sorted(e[0] for e in events(db)) == sorted(moved)


def test_a_sqlite_unit_sized_by_the_last_ones_pace():
    pace = bulk_units._Pace(0.1)
    assert not pace.known() and pace.want() == 0  # the first unit measures, chunk by chunk
    pace.observe(2000, 0.1)
    assert pace.want() == pytest.approx(2000)
    pace.observe(1000, 0.025)  # faster: more, up to twice the last step
    assert pace.want() == pytest.approx(2000)
    pace.observe(400, 0.0004)  # ids skipped cheaply: never a leap past twice the last step
    assert pace.want() == pytest.approx(800)
    pace.observe(800, 0.4)  # slower: fewer
    assert pace.want() == pytest.approx(200)
    for _ in range(10):  # a long run of cheap steps: never more than MOST_IDS a step
        pace.observe(int(max(pace.want(), 1)), 0.002)
    assert pace.want() == bulk_units._Pace.MOST_IDS
    pace.observe(400, 0.0)  # a step faster than the clock ticks: a pace all the same
    assert pace.known() and pace.want() == 800  # (not 0: one chunk a unit again)


def test_a_run_of_cheap_ids_then_costly_ones_never_holds_a_unit_long(monkeypatch):
    """_Pace.whole over 300,000 ids on a clock of its own: ids skipped at 4 us each, then ids
    changed at 80 us each (slower than any measured). No step does more than MOST_IDS."""
    clock = [0.0]
    monkeypatch.setattr(bulk_units.time, "perf_counter", lambda: clock[0])
    pace = bulk_units._Pace(0.1)
    chunks = [list(range(k, k + 400)) for k in range(0, 300_000, 400)]
    cursor = bulk_units._Cursor(len(chunks))
    steps: list[float] = []

    def step(_session, _state, ids):
        took = len(ids) * (4e-6 if ids[0] < 150_000 else 80e-6)
        clock[0] += took
        steps.append(took)
        return len(ids), len(ids), 0

    pace.observe(400, 400 * 4e-6)  # the first unit's measure
    while cursor.left():
        pace.whole(None, None, step, chunks, cursor, [])
    assert max(steps) <= bulk_units._Pace.MOST_IDS * 80e-6 < 0.27
    assert max(steps) > 0.2  # the bound is what held it


def test_later_sqlite_units_take_their_chunks_in_one_step(db, people, monkeypatch, statement_sizes):
    """After the first unit, each takes as many chunks as its pace says and hands them to one
    step: each statement gets all the unit's ids (one JSON list), and the end is the same."""
    if db.dialect != "sqlite":
        pytest.skip("units sized by pace on SQLite only; a server's take chunks until a time")
    p = people
    ids = seed(db, p)
    chosen = sorted(every(ids) - of(ids, "n2_trade_a"))
    before = snapshot(db)
    monkeypatch.setattr(bulk_units._Pace, "want", lambda self: 2.6 * SMALL_CHUNK)
    steps: list[int] = []
    real = bulk_assign.assign_action

    def counted(*args):
        action = real(*args)

        def chunk(session, actor, ids):
            steps.append(len(ids))
            return action.chunk(session, actor, ids)

        return bulk.ChunkAction(chunk, action.begin, action.begin_alone)

    monkeypatch.setattr(bulk_assign, "assign_action", counted)
    progress = Progress()
    statement_sizes.clear()
    result = ws(db, p.admin).assign_customers(chosen, p.rep_n2.id, "other", "合并",
                                              progress=progress)  # fmt: skip
    # a chunk, then three a step (the third's first half fits 2.6 chunks), the rest last
    full, rest = divmod(len(chosen) - SMALL_CHUNK, 3 * SMALL_CHUNK)
    assert steps == [SMALL_CHUNK] + [3 * SMALL_CHUNK] * full + ([rest] if rest else [])
    assert [d for d, _t in progress.calls] == list(itertools.accumulate(steps))
    # each step's count of the ids the actor may change (bulk_assign's sqlite_chunk)
    read = "SELECT count(*) AS count_1 \nFROM customers \nWHERE customers.id IN"
    reads = [largest for _n, largest, s in statement_sizes if s.startswith(read)]
    assert reads == [0] + steps[1:]  # a chunk's ids bound one by one; more, as one JSON list
    moved = set(chosen) - of(ids, "n2_tech_a")
    assert result.value == bulk.BulkResult(len(chosen), len(moved))
    assert_touched(before, snapshot(db), moved, p.admin.id)
    assert sorted(e[0] for e in events(db)) == sorted(moved)


def owned_by(db, user_id: int) -> list[int]:
    with db.reading() as s:
        return list(s.scalars(select(Customer.id).where(Customer.owner_id == user_id)))


def test_under_a_cap_a_sqlite_step_of_many_chunks_moves_the_least_recently_changed(
    db, people, monkeypatch
):
    if db.dialect != "sqlite":
        pytest.skip("steps of many chunks on SQLite only")
    p = people
    chosen = sorted(set(every(seed(db, p))) - set(owned_by(db, p.rep_s1.id)))
    with db.writing() as s:  # last changed in the reverse of id order
        for k, cid in enumerate(chosen):
            stamp = OLD + timedelta(minutes=len(chosen) - k)
            s.execute(update(Customer).where(Customer.id == cid).values(updated_at=stamp))
        owned = len(owned_by(db, p.rep_s1.id))
        s.execute(update(User).where(User.id == p.rep_s1.id).values(customer_cap=owned + 9))
    monkeypatch.setattr(bulk_units._Pace, "want", lambda self: 3 * SMALL_CHUNK)
    result = ws(db, p.admin).assign_customers(chosen, p.rep_s1.id, "rebalance", "")
    # the first unit moves a chunk (7), the next step of three chunks the 2 that still fit:
    # the least recently changed of them, not the lowest ids
    taken = list(reversed(chosen))
    assert result.change.customer_ids == set(taken[:9])
    assert result.value.changed == 9 and result.value.skipped == len(chosen) - 9


def test_a_sqlite_step_run_again_takes_the_same_chunks(db, people, monkeypatch):
    """A unit Database.write runs again (here: a lost race, once) steps the same ids, and
    they count once: one event each, progress reaching the total."""
    if db.dialect != "sqlite":
        pytest.skip("steps of many chunks on SQLite only")
    from sqlalchemy.exc import IntegrityError

    p = people
    ids = seed(db, p)
    chosen = sorted(every(ids) - of(ids, "n2_trade_a"))
    monkeypatch.setattr(bulk_units._Pace, "want", lambda self: 2 * SMALL_CHUNK)
    steps: list[list[int]] = []
    real = bulk_assign.assign_action

    def failing_once(*args):
        action = real(*args)

        def chunk(session, actor, ids):
            steps.append(list(ids))
            done = action.chunk(session, actor, ids)
            if len(steps) == 2:  # the first step of many chunks, after it wrote
                raise IntegrityError("INSERT …", {}, Exception("lost a race"))
            return done

        return bulk.ChunkAction(chunk, action.begin, action.begin_alone)

    monkeypatch.setattr(bulk_assign, "assign_action", failing_once)
    progress = Progress()
    result = ws(db, p.admin).assign_customers(chosen, p.rep_n2.id, "other", "合并",
                                              progress=progress)  # fmt: skip
    assert steps[2] == steps[1] and len(steps[1]) == 2 * SMALL_CHUNK
    moved = set(chosen) - of(ids, "n2_tech_a")
    assert result.value == bulk.BulkResult(len(chosen), len(moved))
    assert sorted(e[0] for e in events(db)) == sorted(moved)  # once each
    assert progress.calls[-1] == (len(chosen), len(chosen))


# ---------------------------------------------------------------- statement sizes


def bound_values(parameters) -> tuple[int, int]:
    """(values bound to one statement, ids in its largest id array). A list counts its elements;
    PostgreSQL's id arrays and SQLite's JSON id lists travel as one parameter, their text."""
    if not parameters:
        return 0, 0
    items = list(parameters.values() if isinstance(parameters, dict) else parameters)
    listed = re.compile(r"\{[0-9,]*\}|\[[0-9, ]*\]")  # PostgreSQL's '{1,2}', SQLite's '[1, 2]'
    arrays = [v for v in items if isinstance(v, str) and listed.fullmatch(v)]
    largest = max((len(re.findall(r"[0-9]+", v)) for v in arrays), default=0)
    return sum(len(v) if isinstance(v, (list, tuple)) else 1 for v in items), largest


@pytest.fixture
def statement_sizes(db):
    """(values bound, largest id array, statement) for every statement sent (an executemany
    counts all of its parameter sets)."""
    sizes: list[tuple[int, int, str]] = []

    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        if executemany:
            counted = [bound_values(p) for p in parameters]
            n, largest = sum(c[0] for c in counted), max((c[1] for c in counted), default=0)
        else:
            n, largest = bound_values(parameters)
        sizes.append((n, largest, statement))

    event.listen(db.engine, "before_cursor_execute", before_cursor_execute)
    yield sizes
    event.remove(db.engine, "before_cursor_execute", before_cursor_execute)


def test_an_assign_counts_what_the_receiver_owns_only_under_a_cap(db, people, statement_sizes):
    """The count is the cap's, once a unit of work (16 ms a unit for a receiver of 240,000
    customers, inside SQLite's write lock): with no cap nothing is counted."""
    p = people
    ids = sorted(every(seed(db, p)))

    def counts() -> list[str]:
        # the receiver's customers counted (not a step's own count of the ids it was given)
        cap = re.compile(r"count\(\*\)[\s\S]*customers")
        return [s for _n, _l, s in statement_sizes if cap.search(s) and "customers.id IN" not in s]

    statement_sizes.clear()
    ws(db, p.admin).assign_customers(ids[:5], p.rep_s1.id, "rebalance", "")
    assert counts() == []
    with db.writing() as s:
        s.execute(update(User).where(User.id == p.rep_s1.id).values(customer_cap=10_000))
    statement_sizes.clear()
    ws(db, p.admin).assign_customers(ids[5:10], p.rep_s1.id, "rebalance", "")
    assert counts()


def test_no_statement_carries_more_than_a_few_hundred_parameters(
    db, people, monkeypatch, statement_sizes
):
    monkeypatch.setattr(bulk, "CHUNK", DEFAULT_CHUNK)
    monkeypatch.setattr(bulk, "POSTGRESQL_CHUNK", DEFAULT_POSTGRESQL_CHUNK)
    # SQLite: after the first unit, steps of three chunks (one JSON list of ids)
    monkeypatch.setattr(bulk_units._Pace, "want", lambda self: 3 * DEFAULT_CHUNK)
    p = people
    n = 6 * max(DEFAULT_CHUNK, DEFAULT_POSTGRESQL_CHUNK) + 150
    owners = [p.rep_n1.id, p.rep_n2.id, p.rep_s1.id, None]
    with db.writing() as s:
        pool.ensure_defaults(s, NOW)
        first = s.scalar(select(Pool.id).order_by(Pool.id).limit(1))
    rows = [
        {
            "name": f"客户{i}",
            "owner_id": owners[i % 4],
            "pool_id": None if owners[i % 4] else first,
            "created_by_id": p.admin.id,
            "updated_by_id": p.admin.id,
            "created_at": NOW,
            "updated_at": NOW,
            "tags": f"标签{i % 40}" if i % 3 else "",  # many tag sets in one chunk
            "version": 1,
        }
        for i in range(n)
    ]
    with db.writing() as s:
        s.execute(insert(Customer), rows)
        all_ids = sorted(s.scalars(select(Customer.id)))
    statement_sizes.clear()

    admin, manager = ws(db, p.admin), ws(db, p.manager_n)
    everything = Target(query=CustomerQuery())
    pooled = sum(1 for i in range(n) if owners[i % 4] is None)
    assert admin.count_target(all_ids) == n
    assert admin.count_target(everything) == n - pooled  # the pool's are the pool page's
    assert admin.assign_customers(all_ids, p.manager_n.id, "rebalance", "").value.changed == (
        n - sum(1 for i in range(n) if owners[i % 4] == p.manager_n.id)
    )
    assert manager.assign_customers(everything, p.rep_n2.id, "rebalance", "").value.changed == n
    assert admin.change_tag(everything, "大客户", True).value.changed == n
    with db.reading() as s:
        tags = {cid: text for cid, text in s.execute(select(Customer.id, Customer.tags))}
    assert [tags[cid] for cid in all_ids] == [
        f"大客户,标签{i % 40}" if i % 3 else "大客户" for i in range(n)
    ]
    assert admin.change_tag(all_ids, "大客户", False).value.changed == n
    assert admin.delete_customers(everything).value.changed == n
    assert admin.count_target(all_ids, deleted=True) == n
    assert admin.restore_customers(all_ids).value.changed == n
    with db.reading() as s:
        assert s.scalar(select(OwnershipEvent.id).where(OwnershipEvent.kind == "transferred"))

    biggest, _largest, statement = max(statement_sizes)
    assert biggest <= 500, statement
    if db.dialect == "postgresql":
        # a chunk's ids travel as one array, never one value an id (the most values: two for
        # each of the 41 tag sets in a chunk, its text and its customers' array)
        assert biggest < DEFAULT_CHUNK, statement
        assert max(largest for _n, largest, _s in statement_sizes) == DEFAULT_POSTGRESQL_CHUNK
    else:
        # the listener does see a chunk's ids (IN lists are expanded before it runs)
        assert biggest >= DEFAULT_CHUNK
    if db.dialect == "sqlite":  # (the ids put in change order first travel as one list too)
        updates = [largest for _n, largest, s in statement_sizes if s.startswith("UPDATE custom")]
        assert max(updates) == 3 * DEFAULT_CHUNK


# ---------------------------------------------------------------- two units at once on a server


def test_a_server_runs_two_units_at_once_to_the_same_end_as_one_at_a_time(db, people, monkeypatch):
    """Every chunk in units of its own, two running at once on a server (one on SQLite): the
    same customers moved, one event each, progress rising to the total, as one at a time."""
    p = people
    ids = seed(db, p)
    chosen = sorted(every(ids))
    before = snapshot(db)
    running: list[int] = []
    overlapped: list[bool] = []
    plain = bulk_assign.assign_action

    def slow_assign(*args):
        action = plain(*args)

        def chunk(session, actor, chunk_ids):
            running.append(1)
            overlapped.append(len(running) > 1)
            try:
                time.sleep(0.05)  # long enough for the unit beside it to start
                return action.chunk(session, actor, chunk_ids)
            finally:
                running.pop()

        return bulk.ChunkAction(chunk, action.begin)

    monkeypatch.setattr(bulk_assign, "assign_action", slow_assign)
    progress = Progress()
    result = ws(db, p.admin).assign_customers(chosen, p.rep_n2.id, "other", "合并",
                                              progress=progress)  # fmt: skip
    moved = set(chosen) - of(ids, "n2_trade_a", "n2_tech_a")
    assert result.value == bulk.BulkResult(len(chosen), len(moved))
    assert result.change.customer_ids == moved
    progress.check(len(chosen))
    assert_touched(before, snapshot(db), moved, p.admin.id)
    assert sorted(e[0] for e in events(db)) == sorted(moved)  # one event each, none twice
    assert any(overlapped) == (db.dialect != "sqlite")


def test_cancelled_with_two_units_running_keeps_a_prefix_of_whole_chunks(db, people):
    """The unit beside the one that reported commits too: what is kept is whole chunks from
    the first on (by id: the seed stamps every customer alike, so SQLite's order by last change
    is id order here), and the result, the progress and the Change all say exactly that."""
    chosen, progress, result = delete_cancelled(db, people, 1)
    with db.reading() as s:
        gone = sorted(s.scalars(select(Customer.id).where(Customer.deleted_at.is_not(None))))
    done = progress.calls[-1][0]
    assert result.value.cancelled and result.value.changed == len(gone) == done
    assert done % SMALL_CHUNK == 0 and SMALL_CHUNK <= done < len(chosen)
    assert gone == chosen[:done]  # whole chunks, none skipped (all stamped alike: by id)
    assert result.change.customer_ids == set(gone)
    if db.dialect == "sqlite":
        assert done == SMALL_CHUNK  # one unit at a time: the cancel is seen after the first


def test_a_tag_deleted_while_a_bulk_tag_runs_is_in_use_again_after(db, people,
                                                                   one_unit_at_a_time):  # fmt: skip
    """An admin deletes the tag between two units of a bulk tag (SQLite lets any write in
    between): the units after still tag their customers, and every tag a customer carries is
    among the tags in use (the pickers, the admin's list, search by tag), as each unit puts it
    back there when it begins."""
    from crmdesk.models.schema import CustomerTag, Tag

    p = people
    ids = sorted(every(seed(db, p)))
    admin = ws(db, p.admin)
    deleted: list[int] = []

    def progress(done: int, total: int) -> None:
        if not deleted:  # the first unit is committed, the others to come
            deleted.append(admin.delete_tag("展会").value)

    result = admin.change_tag(ids, "展会", True, progress=progress)
    assert deleted == [SMALL_CHUNK]  # it took the first unit's tags with it
    assert result.value.changed == len(ids)
    with db.reading() as s:
        carrying = set(s.scalars(select(CustomerTag.customer_id).where(CustomerTag.tag == "展会")))
        in_use = set(s.scalars(select(Tag.name)))
    assert carrying == set(ids[SMALL_CHUNK:])
    assert "展会" in in_use
