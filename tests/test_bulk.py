"""Bulk actions on sets (models/bulk.py, through the Workspace) on SQLite, PostgreSQL and
MariaDB: explicit ids and select-all targets, only what the actor may change, versions,
ownership events, the Change returned, counts, progress, cancel, the tags column's limit, a
deactivated actor and the size of every statement sent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import NOW
from sqlalchemy import event, insert, select, update

from crmdesk.models import bulk, changes
from crmdesk.models.bulk import Target
from crmdesk.models.changes import Change
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.errors import Interrupted, PermissionDenied, ValidationFailed
from crmdesk.models.schema import Customer, OwnershipEvent, User
from crmdesk.models.workspace import Workspace

LATER = NOW + timedelta(hours=2)  # when the bulk actions run; customers were made at NOW
DEFAULT_CHUNK = bulk.CHUNK
DEFAULT_POSTGRESQL_CHUNK = bulk.POSTGRESQL_CHUNK
SMALL_CHUNK = 7
TECH_A = CustomerQuery(search="科技", level="A")


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    """Many chunks out of a few dozen customers, each its own unit of work."""
    monkeypatch.setattr(bulk, "CHUNK", SMALL_CHUNK)
    monkeypatch.setattr(bulk, "POSTGRESQL_CHUNK", SMALL_CHUNK)
    monkeypatch.setattr(bulk, "UNIT_SECONDS", 0)


def ws(db, actor):
    return Workspace(db, actor, clock=lambda: LATER)


# (group, owner login or None, word in the name, level, how many)
GROUPS = [
    ("n1_tech_a", "rep_n1", "科技", "A", 6),
    ("n1_tech_b", "rep_n1", "科技", "B", 4),
    ("n2_trade_a", "rep_n2", "贸易", "A", 5),
    ("n2_tech_a", "rep_n2", "科技", "A", 5),
    ("mn_trade_c", "manager_n", "贸易", "C", 2),
    ("s1_tech_a", "rep_s1", "科技", "A", 6),
    ("nobody_tech_a", None, "科技", "A", 3),
]


def seed(db, people, tags: tuple[str, ...] = ()) -> dict[str, list[int]]:
    """31 customers in the groups above (north team, south team, nobody), ids by group."""
    ids: dict[str, list[int]] = {}
    with db.writing() as s:
        for group, login, word, level, count in GROUPS:
            owner = getattr(people, login or "admin")
            ids[group] = [
                create_customer(
                    s,
                    owner,
                    CustomerInput(name=f"深圳星辰{word}{group}{i}", level=level, tags=tags),
                    NOW,
                )
                for i in range(count)
            ]
            if login is None:
                s.execute(
                    update(Customer).where(Customer.id.in_(ids[group])).values(owner_id=None),
                    execution_options={"synchronize_session": False},
                )
    return ids


def of(ids: dict[str, list[int]], *groups: str) -> set[int]:
    return {cid for g in groups for cid in ids[g]}


def every(ids: dict[str, list[int]]) -> set[int]:
    return of(ids, *ids)


def snapshot(db) -> dict[int, tuple]:
    cols = (
        Customer.owner_id,
        Customer.tags,
        Customer.deleted_at,
        Customer.deleted_by_id,
        Customer.version,
        Customer.updated_at,
        Customer.updated_by_id,
    )
    with db.reading() as s:
        return {row[0]: tuple(row[1:]) for row in s.execute(select(Customer.id, *cols))}


OWNER, TAGS, DELETED_AT, DELETED_BY, VERSION, UPDATED_AT, UPDATED_BY = range(7)


def events(db) -> list[tuple]:
    """Ownership events written by bulk actions (not the "created" ones of the seed)."""
    stmt = (
        select(
            OwnershipEvent.customer_id,
            OwnershipEvent.from_owner_id,
            OwnershipEvent.to_owner_id,
            OwnershipEvent.kind,
            OwnershipEvent.reason_code,
            OwnershipEvent.reason_text,
            OwnershipEvent.actor_id,
            OwnershipEvent.at,
        )
        .where(OwnershipEvent.kind != "created")
        .order_by(OwnershipEvent.customer_id, OwnershipEvent.id)
    )
    with db.reading() as s:
        return [tuple(row) for row in s.execute(stmt)]


def changed_ids(before: dict[int, tuple], after: dict[int, tuple]) -> set[int]:
    return {cid for cid in before if before[cid] != after[cid]}


def assert_touched(before, after, expected: set[int], actor_id: int) -> None:
    """Exactly the expected customers changed, each with its version bumped once and the
    actor and time of the action; every other customer is as it was."""
    assert changed_ids(before, after) == expected
    for cid in expected:
        assert after[cid][VERSION] == before[cid][VERSION] + 1
        assert after[cid][UPDATED_AT] == LATER and after[cid][UPDATED_BY] == actor_id


class Progress:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def __call__(self, done: int, total: int) -> None:
        self.calls.append((done, total))

    def check(self, total: int) -> None:
        """Reported once a chunk, rising to the total."""
        assert self.calls, "no progress reported"
        dones = [d for d, _t in self.calls]
        assert dones == sorted(set(dones)) and dones[-1] == total
        assert {t for _d, t in self.calls} == {total}
        assert len(self.calls) == -(-total // bulk.CHUNK)


# ---------------------------------------------------------------- assign


def test_assign_ids_moves_in_chunks_with_one_event_per_moved_customer(db, people):
    p = people
    ids = seed(db, p)
    already = ids["s1_tech_a"][:4]  # owned by the target user: left alone
    target = of(ids, "n1_tech_a", "n2_trade_a", "nobody_tech_a") | set(already)
    before = snapshot(db)
    progress = Progress()
    assert ws(db, p.admin).count_target(sorted(target)) == len(target)

    result = ws(db, p.admin).assign_customers(
        sorted(target), p.rep_s1.id, "rebalance", "季度调整", progress=progress
    )

    moved = target - set(already)
    assert result.value == bulk.BulkResult(requested=len(target), changed=len(moved))
    assert result.change == Change(frozenset({"ownership"}), frozenset(moved), len(moved))
    progress.check(len(target))
    after = snapshot(db)
    assert_touched(before, after, moved, p.admin.id)
    assert all(after[cid][OWNER] == p.rep_s1.id for cid in target)
    expected_events = sorted(
        (
            cid,
            before[cid][OWNER],
            p.rep_s1.id,
            "assigned" if before[cid][OWNER] is None else "transferred",
            "rebalance",
            "季度调整",
            p.admin.id,
            LATER,
        )
        for cid in moved
    )
    assert events(db) == expected_events
    assert {e[3] for e in expected_events} == {"assigned", "transferred"}


def test_assign_select_all_of_a_manager_moves_only_the_team_matching_the_query(db, people):
    p = people
    ids = seed(db, p)
    before = snapshot(db)
    target = Target(query=TECH_A)
    expected = of(ids, "n1_tech_a", "n2_tech_a")  # not the south's, not nobody's, not B or 贸易
    manager = ws(db, p.manager_n)
    assert manager.count_target(target) == len(expected)
    progress = Progress()

    result = manager.assign_customers(target, p.rep_n2.id, "handover", "", progress=progress)

    moved = of(ids, "n1_tech_a")  # n2_tech_a already belongs to rep_n2
    assert result.value == bulk.BulkResult(requested=len(expected), changed=len(moved))
    assert result.change.customer_ids == moved and result.change.kinds == {"ownership"}
    progress.check(len(expected))
    assert_touched(before, snapshot(db), moved, p.manager_n.id)
    assert [(e[0], e[1], e[2], e[3]) for e in events(db)] == [
        (cid, p.rep_n1.id, p.rep_n2.id, "transferred") for cid in sorted(moved)
    ]


def test_assign_refuses_a_user_outside_the_team_before_changing_anything(db, people):
    p = people
    ids = seed(db, p)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        everything = Target(query=CustomerQuery())
        ws(db, p.manager_n).assign_customers(everything, p.rep_s1.id, "other", "x")
    with pytest.raises(ValidationFailed):
        ws(db, p.admin).assign_customers(sorted(every(ids)), p.rep_s1.id, "other", "  ")
    assert snapshot(db) == before and events(db) == []


# ---------------------------------------------------------------- tags


def test_tag_add_and_remove_by_ids_bumps_only_customers_that_change(db, people):
    p = people
    ids = seed(db, p, tags=("老客户",))
    first = sorted(of(ids, "n1_tech_a", "s1_tech_a", "nobody_tech_a"))
    before = snapshot(db)
    added = ws(db, p.admin).change_tag(first, "重点", True)
    assert added.value == bulk.BulkResult(len(first), len(first))
    assert added.change == Change(frozenset({"tags"}), frozenset(first), len(first))
    middle = snapshot(db)
    assert_touched(before, middle, set(first), p.admin.id)
    assert {middle[cid][TAGS] for cid in first} == {"老客户,重点"}

    # a second add over more customers changes only those without the tag
    more = sorted(set(first) | of(ids, "n2_trade_a"))
    again = ws(db, p.admin).change_tag(more, "重点", True)
    assert again.value == bulk.BulkResult(len(more), len(ids["n2_trade_a"]))
    after = snapshot(db)
    assert changed_ids(middle, after) == of(ids, "n2_trade_a")

    removed = ws(db, p.admin).change_tag(first[:9], "老客户", False)
    assert removed.value.changed == 9
    final = snapshot(db)
    assert_touched(after, final, set(first[:9]), p.admin.id)
    assert {final[cid][TAGS] for cid in first[:9]} == {"重点"}
    assert ws(db, p.admin).change_tag(first[:9], "老客户", False).value.changed == 0
    assert snapshot(db) == final and events(db) == []


def test_tag_select_all_with_search_and_filter(db, people):
    p = people
    ids = seed(db, p)
    before = snapshot(db)
    target = Target(query=TECH_A)
    expected = of(ids, "n1_tech_a", "n2_tech_a", "s1_tech_a", "nobody_tech_a")
    admin = ws(db, p.admin)
    assert admin.count_target(target) == len(expected)
    progress = Progress()
    result = admin.change_tag(target, "  展会, 2026 ", True, progress=progress)
    assert result.value == bulk.BulkResult(len(expected), len(expected))
    progress.check(len(expected))
    after = snapshot(db)
    assert_touched(before, after, expected, p.admin.id)
    assert {after[cid][TAGS] for cid in expected} == {"展会  2026"}  # a comma is no separator

    # a rep's select-all removes it from their own customers only
    rep = ws(db, p.rep_n2)
    assert rep.count_target(Target(query=CustomerQuery(search="科技"))) == 5
    result = rep.change_tag(Target(query=CustomerQuery(search="科技")), "展会  2026", False)
    assert result.value.changed == 5
    assert changed_ids(after, snapshot(db)) == of(ids, "n2_tech_a")


def test_tags_of_varied_customers_each_get_their_own_text(db, people, monkeypatch):
    monkeypatch.setattr(bulk, "STATEMENT_VALUES", 12)  # a few customers a statement
    p = people
    ids = seed(db, p)
    chosen = sorted(every(ids))
    start = {cid: ["甲", "乙,丙", "", "VIP", "vip"][k % 5] for k, cid in enumerate(chosen)}
    with db.writing() as s:
        for cid, tags in start.items():
            s.execute(update(Customer).where(Customer.id == cid).values(tags=tags))
    before = snapshot(db)
    result = ws(db, p.admin).change_tag(chosen, "乙", True)
    unchanged = {cid for cid, tags in start.items() if tags == "乙,丙"}
    assert result.value == bulk.BulkResult(len(chosen), len(chosen) - len(unchanged))
    after = snapshot(db)
    assert_touched(before, after, set(chosen) - unchanged, p.admin.id)
    expected = {"甲": "乙,甲", "乙,丙": "乙,丙", "": "乙", "VIP": "VIP,乙", "vip": "vip,乙"}
    assert {cid: after[cid][TAGS] for cid in chosen} == {
        cid: expected[tags] for cid, tags in start.items()
    }


def test_tag_that_would_pass_the_column_is_skipped_and_counted(db, people):
    p = people
    ids = seed(db, p)
    full, nearly = ids["n1_tech_a"][:2]
    tags_of = {
        full: [f"{i}" * 49 for i in range(10)],  # 10 * 49 + 9 commas = 499 characters
        nearly: [f"{i}" * 49 for i in range(9)] + ["x" * 47],  # 497 characters
    }
    with db.writing() as s:
        for cid, tags in tags_of.items():
            s.execute(update(Customer).where(Customer.id == cid).values(tags=",".join(tags)))
    before = snapshot(db)
    result = ws(db, p.admin).change_tag(ids["n1_tech_a"], "新标", True)
    n = len(ids["n1_tech_a"])
    assert result.value == bulk.BulkResult(requested=n, changed=n - 1, skipped=1)
    assert full not in result.change.customer_ids and nearly in result.change.customer_ids
    after = snapshot(db)
    assert after[full] == before[full]
    assert len(after[nearly][TAGS]) == 500 and after[nearly][TAGS].endswith(",新标")
    with pytest.raises(ValidationFailed):
        ws(db, p.admin).change_tag(ids["n1_tech_a"], "长" * 51, True)


# ---------------------------------------------------------------- delete and restore


def test_delete_and_restore_by_ids(db, people):
    p = people
    ids = seed(db, p)
    chosen = sorted(of(ids, "n1_tech_a", "n2_trade_a", "s1_tech_a"))
    before = snapshot(db)
    progress = Progress()
    deleted = ws(db, p.admin).delete_customers(chosen, progress=progress)
    assert deleted.value == bulk.BulkResult(len(chosen), len(chosen))
    assert deleted.change == Change(frozenset({"deleted"}), frozenset(chosen), len(chosen))
    progress.check(len(chosen))
    middle = snapshot(db)
    assert_touched(before, middle, set(chosen), p.admin.id)
    assert {(middle[c][DELETED_AT], middle[c][DELETED_BY]) for c in chosen} == {(LATER, p.admin.id)}
    # deleting again changes nothing; restoring a live customer changes nothing
    assert ws(db, p.admin).count_target(chosen) == 0
    assert ws(db, p.admin).delete_customers(chosen).value == bulk.BulkResult(0, 0)
    live = sorted(of(ids, "n1_tech_b"))
    assert ws(db, p.admin).restore_customers(live).value == bulk.BulkResult(0, 0)
    assert snapshot(db) == middle

    back = chosen[:10] + live
    assert ws(db, p.admin).count_target(back, deleted=True) == 10
    restored = ws(db, p.admin).restore_customers(back, progress=Progress())
    assert restored.value == bulk.BulkResult(10, 10)
    assert restored.change == Change(frozenset({"restored"}), frozenset(chosen[:10]), 10)
    after = snapshot(db)
    assert changed_ids(middle, after) == set(chosen[:10])
    for cid in chosen[:10]:
        assert after[cid][DELETED_AT] is None and after[cid][DELETED_BY] is None
        assert after[cid][VERSION] == before[cid][VERSION] + 2
    assert events(db) == []


def test_delete_and_restore_select_all_stay_within_the_managers_team(db, people):
    p = people
    ids = seed(db, p)
    before = snapshot(db)
    manager = ws(db, p.manager_n)
    north = of(ids, "n1_tech_a", "n1_tech_b", "n2_trade_a", "n2_tech_a", "mn_trade_c")
    everything = Target(query=CustomerQuery())
    assert manager.count_target(everything) == len(north)
    progress = Progress()
    result = manager.delete_customers(everything, progress=progress)
    assert result.value == bulk.BulkResult(len(north), len(north))
    progress.check(len(north))
    middle = snapshot(db)
    assert_touched(before, middle, north, p.manager_n.id)  # south's and nobody's untouched

    # the recycle bin's select-all, with a search and a filter
    in_bin = Target(query=TECH_A)
    expected = of(ids, "n1_tech_a", "n2_tech_a")
    assert manager.count_target(in_bin, deleted=True) == len(expected)
    assert manager.count_target(in_bin) == 0  # nothing live matches any more
    restored = manager.restore_customers(in_bin)
    assert restored.value == bulk.BulkResult(len(expected), len(expected))
    assert restored.change.customer_ids == expected and restored.change.kinds == {"restored"}
    after = snapshot(db)
    assert changed_ids(middle, after) == expected
    assert all(after[c][DELETED_AT] is None for c in expected)


# ---------------------------------------------------------------- who may change what


def test_a_rep_changes_only_their_own_customers_whatever_ids_they_send(db, people):
    p = people
    ids = seed(db, p)
    own, colleague = ids["n1_tech_a"][0], ids["n2_trade_a"][0]
    other_team, nobody = ids["s1_tech_a"][0], ids["nobody_tech_a"][0]
    sent = [own, colleague, other_team, nobody, 2**31 - 1]
    rep = ws(db, p.rep_n1)
    before = snapshot(db)
    assert rep.count_target(sent) == 1
    assert rep.change_tag(sent, "我的", True).value == bulk.BulkResult(1, 1)
    assert rep.delete_customers(sent).value == bulk.BulkResult(1, 1)
    assert rep.restore_customers(sent).value == bulk.BulkResult(1, 1)
    assert changed_ids(before, snapshot(db)) == {own}

    # a colleague's customer alone: nothing at all, and an empty Change
    before = snapshot(db)
    for result in (
        rep.change_tag([colleague], "我的", True),
        rep.delete_customers([colleague]),
        rep.assign_customers([colleague], p.rep_n1.id, "handover", ""),
    ):
        assert result.value.requested == 0 and result.value.changed == 0
        assert result.change.empty
    assert snapshot(db) == before and events(db) == []


def test_count_target_is_what_then_changes(db, people):
    p = people
    ids = seed(db, p)
    manager = ws(db, p.manager_n)
    queries = [
        Target(query=CustomerQuery(search="星辰")),
        Target(query=CustomerQuery(level="B")),
        Target(ids=tuple(sorted(of(ids, "n2_trade_a", "s1_tech_a", "mn_trade_c")))),
    ]
    for target in queries:
        count = manager.count_target(target)
        assert count > 0
        assert manager.delete_customers(target).value.changed == count
        assert manager.count_target(target) == 0
        assert manager.count_target(target, deleted=True) == count
        assert manager.restore_customers(target).value.changed == count
    count = manager.count_target(Target(query=CustomerQuery(search="贸易")))
    result = manager.change_tag(Target(query=CustomerQuery(search="贸易")), "跟进", True)
    assert result.value.changed == count == 7


# ---------------------------------------------------------------- the Change, progress, cancel


def test_change_says_many_past_the_id_limit(db, people, monkeypatch):
    p = people
    ids = seed(db, p)
    monkeypatch.setattr(changes, "ID_LIMIT", 10)
    result = ws(db, p.admin).delete_customers(Target(query=CustomerQuery()))
    n = len(every(ids))
    assert result.value.changed == n
    assert result.change.kinds == {"deleted"} and result.change.count == n
    assert result.change.many and result.change.customer_ids == frozenset()
    assert result.change.affects(ids["n1_tech_a"][0])
    small = ws(db, p.admin).restore_customers(ids["n1_tech_a"][:5])
    assert not small.change.many and small.change.customer_ids == set(ids["n1_tech_a"][:5])


def test_cancel_between_chunks_keeps_the_chunks_done(db, people):
    p = people
    ids = seed(db, p)
    chosen = sorted(every(ids))
    progress = Progress()
    result = ws(db, p.admin).delete_customers(
        chosen, progress=progress, cancelled=lambda: len(progress.calls) >= 2
    )
    done = 2 * SMALL_CHUNK
    assert result.value == bulk.BulkResult(len(chosen), done, cancelled=True)
    assert progress.calls == [(SMALL_CHUNK, len(chosen)), (done, len(chosen))]
    assert result.change.customer_ids == set(chosen[:done])
    with db.reading() as s:
        gone = set(s.scalars(select(Customer.id).where(Customer.deleted_at.is_not(None))))
    assert gone == set(chosen[:done])  # committed, chunk by chunk, in id order
    rest = ws(db, p.admin).delete_customers(chosen)
    assert rest.value == bulk.BulkResult(len(chosen) - done, len(chosen) - done)


def test_a_deactivated_actor_is_stopped_at_the_next_chunk(db, people):
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


def test_a_customer_moved_out_of_reach_mid_way_is_left_alone(db, people):
    p = people
    ids = seed(db, p)
    north = sorted(of(ids, "n1_tech_a", "n1_tech_b", "n2_trade_a", "n2_tech_a", "mn_trade_c"))
    last = north[-1]  # in the last chunk

    def move_away(done: int, total: int) -> None:
        if done == SMALL_CHUNK:
            with db.writing() as s:
                s.execute(update(Customer).where(Customer.id == last).values(owner_id=p.rep_s1.id))

    before = snapshot(db)
    result = ws(db, p.manager_n).delete_customers(Target(query=CustomerQuery()), progress=move_away)
    assert result.value == bulk.BulkResult(len(north), len(north) - 1)
    after = snapshot(db)
    assert after[last][DELETED_AT] is None and after[last][VERSION] == before[last][VERSION]
    assert {c for c in north if after[c][DELETED_AT] == LATER} == set(north) - {last}


def test_a_unit_of_work_takes_chunks_until_its_time_is_up(db, people, monkeypatch):
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


# ---------------------------------------------------------------- statement sizes


def bound_values(parameters) -> tuple[int, int]:
    """(values bound to one statement, ids in its largest PostgreSQL array). A list counts its
    elements; PostgreSQL's id arrays travel as one parameter, their text '{1,2,3}'."""
    if not parameters:
        return 0, 0
    items = list(parameters.values() if isinstance(parameters, dict) else parameters)
    arrays = [v for v in items if isinstance(v, str) and v.startswith("{") and v.endswith("}")]
    largest = max((len(v[1:-1].split(",")) for v in arrays if v != "{}"), default=0)
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


def test_no_statement_carries_more_than_a_few_hundred_parameters(
    db, people, monkeypatch, statement_sizes
):
    monkeypatch.setattr(bulk, "CHUNK", DEFAULT_CHUNK)
    monkeypatch.setattr(bulk, "POSTGRESQL_CHUNK", DEFAULT_POSTGRESQL_CHUNK)
    p = people
    n = 2 * max(DEFAULT_CHUNK, DEFAULT_POSTGRESQL_CHUNK) + 150
    owners = [p.rep_n1.id, p.rep_n2.id, p.rep_s1.id, None]
    rows = [
        {
            "name": f"客户{i}",
            "owner_id": owners[i % 4],
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
    assert admin.count_target(all_ids) == n
    assert admin.count_target(everything) == n
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
