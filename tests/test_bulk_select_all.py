"""Bulk actions on select-all targets (everything matching the list's or the recycle bin's
query) on SQLite, PostgreSQL and MariaDB: a manager's team, a search and a filter, counts that
match what then changes, a customer moved out of reach while the action runs."""

from __future__ import annotations

from sqlalchemy import update
from test_bulk import (  # the shared data and helpers; small_chunks applies here too
    DELETED_AT,
    LATER,
    SMALL_CHUNK,
    TAGS,
    TECH_A,
    VERSION,
    Progress,
    assert_touched,
    changed_ids,
    events,
    of,
    seed,
    small_chunks,  # noqa: F401
    snapshot,
    ws,
)

from crmdesk.models import bulk
from crmdesk.models.bulk import Target
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.schema import Customer


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


def test_tag_select_all_with_search_and_filter(db, people):
    p = people
    ids = seed(db, p)
    before = snapshot(db)
    target = Target(query=TECH_A)
    # the pool's customers (nobody_tech_a) are the pool page's, not the customer list's
    expected = of(ids, "n1_tech_a", "n2_tech_a", "s1_tech_a")
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


def test_a_customer_moved_out_of_reach_mid_way_is_left_alone(db, people):
    p = people
    ids = seed(db, p)
    north = sorted(of(ids, "n1_tech_a", "n1_tech_b", "n2_trade_a", "n2_tech_a", "mn_trade_c"))
    last = north[-1]  # in the last chunk

    def move_away(done: int, total: int) -> None:
        if done == SMALL_CHUNK:
            with db.writing() as s:
                moved = {"owner_id": p.rep_s1.id, "team_id": p.rep_s1.team_id}
                s.execute(update(Customer).where(Customer.id == last).values(**moved))

    before = snapshot(db)
    result = ws(db, p.manager_n).delete_customers(Target(query=CustomerQuery()), progress=move_away)
    assert result.value == bulk.BulkResult(len(north), len(north) - 1)
    after = snapshot(db)
    assert after[last][DELETED_AT] is None and after[last][VERSION] == before[last][VERSION]
    assert {c for c in north if after[c][DELETED_AT] == LATER} == set(north) - {last}
