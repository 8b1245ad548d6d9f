"""Bulk actions on sets (models/bulk.py, through the Workspace) on SQLite, PostgreSQL and
MariaDB, on explicit ids: assign, tags, delete and restore, only what the actor may change,
versions, ownership events, the Change returned, the tags column's limit; and the data and
helpers the other bulk test modules share (test_bulk_select_all, test_bulk_chunks)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import NOW
from sqlalchemy import select, update

from crmdesk.models import bulk, pool
from crmdesk.models.bulk import Target
from crmdesk.models.changes import Change
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.errors import PermissionDenied, ValidationFailed
from crmdesk.models.schema import Customer, OwnershipEvent, Pool
from crmdesk.models.workspace import Workspace

LATER = NOW + timedelta(hours=2)  # when the bulk actions run; customers were made at NOW
DEFAULT_CHUNK = bulk.CHUNK  # as imported, before small_chunks
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
            if login is None:  # nobody's: in the pool
                pool.ensure_defaults(s, NOW)
                first = s.scalar(select(Pool.id).order_by(Pool.id).limit(1))
                unowned = {"owner_id": None, "team_id": None, "pool_id": first}
                s.execute(
                    update(Customer).where(Customer.id.in_(ids[group])).values(**unowned),
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
    actor and time of the action (its unit's: bulk_units.unit_time); every other customer is
    as it was."""
    assert changed_ids(before, after) == expected
    for cid in expected:
        assert after[cid][VERSION] == before[cid][VERSION] + 1
        assert in_action(after[cid][UPDATED_AT]) and after[cid][UPDATED_BY] == actor_id


def in_action(at) -> bool:
    """A time a unit of the action stamped: LATER, on SQLite a microsecond more a unit."""
    return LATER <= at < LATER + timedelta(milliseconds=1)


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
            after[cid][UPDATED_AT],  # its unit's time, as the customer's
        )
        for cid in moved
    )
    assert events(db) == expected_events
    assert {e[3] for e in expected_events} == {"assigned", "transferred"}


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


def test_customers_go_to_those_who_sell_never_to_finance(db, people):
    """Finance sees no customer page: an admin may not hand customers to them (a clear refusal,
    nothing changed), and the assign dialog never offers them."""
    from crmdesk.models.schema import User

    p = people
    ids = seed(db, p)
    with db.writing() as s:
        clerk = User(name="Fay Finance", login="finance", role="finance", active=True,
                     created_at=NOW)  # fmt: skip
        s.add(clerk)
        s.flush()
        clerk_id = clerk.id
    admin = ws(db, p.admin)
    assert clerk_id in {u.id for u in admin.assignable_users()}  # a contract may be theirs
    assert clerk_id not in {u.id for u in admin.customer_assignees()}
    assert p.rep_s1.id in {u.id for u in admin.customer_assignees()}
    before = snapshot(db)
    with pytest.raises(PermissionDenied) as refused:
        admin.assign_customers(sorted(every(ids)), clerk_id, "other", "x")
    assert refused.value.code == "not_seller"
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


def test_tags_of_varied_customers_each_get_their_own_text(db, people, monkeypatch):
    p = people
    ids = seed(db, p)
    chosen = sorted(every(ids))
    # quotes, backslashes, braces and NULL: what a PostgreSQL array literal must escape
    odd = ['a"b', "c\\d", "{e}", "NULL"]
    texts = ["甲", "乙,丙", "", "VIP", "vip", ",".join(sorted(odd)), "😀\t1"]
    start = {cid: texts[k % len(texts)] for k, cid in enumerate(chosen)}
    with db.writing() as s:
        for cid, tags in start.items():
            s.execute(update(Customer).where(Customer.id == cid).values(tags=tags))
    before = snapshot(db)
    result = ws(db, p.admin).change_tag(chosen, "乙", True)
    unchanged = {cid for cid, tags in start.items() if tags == "乙,丙"}
    assert result.value == bulk.BulkResult(len(chosen), len(chosen) - len(unchanged))
    after = snapshot(db)
    assert_touched(before, after, set(chosen) - unchanged, p.admin.id)
    expected = {"甲": "乙,甲", "乙,丙": "乙,丙", "": "乙", "VIP": "VIP,乙", "vip": "vip,乙",
                texts[-2]: ",".join(sorted([*odd, "乙"])), texts[-1]: "乙,😀\t1"}  # fmt: skip
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


def test_an_assign_leaves_customers_in_the_recycle_bin_where_they_are(db, people):
    """Ids of deleted customers sent with live ones: only the live move, with their events;
    those in the bin keep their owner and are not counted as requested."""
    p = people
    ids = seed(db, p)
    live, binned = ids["n1_tech_a"][:2], ids["n1_tech_a"][2:4]
    admin = ws(db, p.admin)
    assert admin.delete_customers(binned).value.changed == 2
    before, logged = snapshot(db), set(events(db))
    result = admin.assign_customers(live + binned, p.rep_s1.id, "handover", "")
    assert result.value == bulk.BulkResult(2, 2)
    assert changed_ids(before, snapshot(db)) == set(live)
    assert sorted(e[0] for e in events(db) if e not in logged) == sorted(live)


def test_undo_delete_restores_exactly_what_that_delete_moved(db, people):
    ids = seed(db, people)
    ticks = iter(LATER + timedelta(seconds=s) for s in range(1000))  # each reading later
    first = Workspace(db, people.manager_n, clock=lambda: next(ticks))
    done = first.delete_customers(Target(ids=tuple(of(ids, "n1_tech_a")))).value
    assert done.changed == 6
    # The same manager deletes more a minute later; a colleague deletes others meanwhile.
    later = Workspace(db, people.manager_n, clock=lambda: LATER + timedelta(hours=1))
    later.delete_customers(Target(ids=tuple(of(ids, "n2_trade_a"))))
    ws(db, people.rep_n2).delete_customers(Target(ids=tuple(of(ids, "n2_tech_a"))))
    undone = first.undo_delete(done.at).value
    assert undone.changed == 6
    with db.reading() as s:
        binned = set(s.scalars(select(Customer.id).where(Customer.deleted_at.is_not(None))))
    assert binned == of(ids, "n2_trade_a", "n2_tech_a")
    assert first.undo_delete(done.at).value.changed == 0  # twice: nothing more
