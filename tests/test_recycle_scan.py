"""The recycle pass finds every rule's customers in one scan and tells the rules apart again on
the locked rows; the warning pass counts every rule in one scan. What those must keep: a
customer moves under the first rule of its pool that is due when its row is locked, chunks
holding several pools' customers send each to its own pool with its own event and notice, and
each rule's warning is counted apart (an owner told by one rule is not told again by the next
in the same pass). On SQLite, the pass's settings stay on its own connection."""

from __future__ import annotations

from helpers import NOW
from sqlalchemy import func, select, update
from test_pool import events, make_pool, owned_customers, owners
from test_recycle import DAYS, rules

from crmdesk.models import pool as pools
from crmdesk.models import recycle
from crmdesk.models.schema import Customer, Notification


def test_a_customer_that_left_its_first_rule_after_the_scan_goes_under_the_next(
    db, people, monkeypatch
):
    p = people
    make_pool(db, p.admin, rules=rules(pools.RuleRow("no_follow_up", 15),
                                       pools.RuleRow("not_won", 30)))  # fmt: skip
    followed, received, both = (
        owned_customers(db, p.rep_n1, 1, received_at=NOW - 40 * DAYS) for _ in range(3)
    )
    scan = recycle._due_ids

    def scan_then_edit(session, which):
        found = scan(session, which)
        with db.writing() as s:  # between the scan and the locks, as another client would
            s.execute(
                update(Customer)
                .where(Customer.id == followed[0])
                .values(last_follow_up_at=NOW - DAYS)
            )  # still not won in 30 days
            s.execute(
                update(Customer).where(Customer.id == received[0]).values(received_at=NOW - DAYS)
            )  # handed over again: due under none
        return found  # fmt: skip

    monkeypatch.setattr(recycle, "_due_ids", scan_then_edit)
    assert recycle.recycle(db, NOW).moved == 2
    assert {e[0]: (e[4], e[5]) for e in events(db, "recycled")} == {
        followed[0]: ("not_won", "30"),
        both[0]: ("no_follow_up", "15"),
    }
    assert owners(db, received)[received[0]][0] == p.rep_n1.id


def test_chunks_mixing_pools_send_each_customer_to_its_own_pool(db, people, monkeypatch):
    monkeypatch.setattr(recycle, "CHUNK", 4)
    monkeypatch.setattr(recycle, "POSTGRESQL_CHUNK", 4)
    p = people
    finance = make_pool(db, p.admin, name="金融行业公海", industries=("金融",),
                        rules=rules(pools.RuleRow("no_follow_up", 10)))  # fmt: skip
    east = make_pool(db, p.admin, name="华东公海", provinces=("上海",),
                     rules=rules(pools.RuleRow("no_follow_up", 20, (("A", 25),))))  # fmt: skip
    bank, shop, a_shop = [], [], []
    for _ in range(5):  # interleaved in id order: every chunk holds both pools' customers
        bank += owned_customers(db, p.rep_n1, 1, industry="金融", province="北京",
                                received_at=NOW - 30 * DAYS)  # fmt: skip
        shop += owned_customers(db, p.rep_n1, 1, industry="零售", province="上海",
                                received_at=NOW - 30 * DAYS)  # fmt: skip
        a_shop += owned_customers(db, p.rep_n2, 1, industry="零售", province="上海", level="A",
                                  received_at=NOW - 30 * DAYS)  # fmt: skip
    assert recycle.recycle(db, NOW).moved == 15
    where = owners(db, bank + shop + a_shop)
    assert {where[c] for c in bank} == {(None, finance)}
    assert {where[c] for c in shop + a_shop} == {(None, east)}
    got = {e[0]: (e[2], e[4], e[5], e[6]) for e in events(db, "recycled")}
    assert got == {
        **{c: (p.rep_n1.id, "no_follow_up", "10", finance) for c in bank},
        **{c: (p.rep_n1.id, "no_follow_up", "20", east) for c in shop},
        **{c: (p.rep_n2.id, "no_follow_up", "25", east) for c in a_shop},
    }
    with db.reading() as s:
        notes = s.execute(select(Notification.user_id, Notification.pool_id,
                                 Notification.detail, Notification.count)).all()  # fmt: skip
    assert sorted(tuple(n) for n in notes) == sorted([
        (p.rep_n1.id, finance, "no_follow_up:10", 5),
        (p.rep_n1.id, east, "no_follow_up:20", 5),
        (p.rep_n2.id, east, "no_follow_up:25", 5),
    ])  # fmt: skip


def test_each_rule_warns_apart_and_an_owner_once_a_pool(db, people):
    p = people
    make_pool(db, p.admin, warn_days=3, rules=rules(pools.RuleRow("no_follow_up", 15),
                                                    pools.RuleRow("not_won", 20)))  # fmt: skip
    # rep_n1: due in 2 days under the first rule, and one in 2 days under the second only
    owned_customers(db, p.rep_n1, 2, received_at=NOW - 13 * DAYS)
    owned_customers(db, p.rep_n1, 1, received_at=NOW - 18 * DAYS, last_follow_up_at=NOW - DAYS)
    # rep_n2: three due in 2 days under the second rule only; rep_s1: nothing within 3 days
    owned_customers(db, p.rep_n2, 3, received_at=NOW - 18 * DAYS, last_follow_up_at=NOW - DAYS)
    owned_customers(db, p.rep_s1, 2, received_at=NOW - 5 * DAYS)
    result = recycle.recycle(db, NOW)
    assert (result.moved, result.warned) == (0, 2)
    with db.reading() as s:
        notes = s.execute(select(Notification.user_id, Notification.count, Notification.detail)
                          .where(Notification.kind == "recycle_warning")).all()  # fmt: skip
    # the first rule's count for rep_n1 (told once a pool and day), the second's for rep_n2
    assert sorted(tuple(n) for n in notes) == sorted([(p.rep_n1.id, 2, "3"),
                                                      (p.rep_n2.id, 3, "3")])  # fmt: skip


def test_a_sqlite_pass_leaves_the_programs_connections_as_they_were(db, people):
    """The pass's large cache and rare checkpoints belong to its own connection, closed after
    it: the program's connections keep SQLite's defaults (a 2 MB cache held by every pooled
    connection, or a WAL never checkpointed by the program's own writes, would be a leak)."""
    if db.dialect != "sqlite":
        return
    p = people
    make_pool(db, p.admin, rules=rules(pools.RuleRow("no_follow_up", 15)))
    ids = owned_customers(db, p.rep_n1, 50, received_at=NOW - 40 * DAYS)
    with db.reading() as s:
        pragmas = [s.connection().exec_driver_sql(f"PRAGMA {name}").scalar()
                   for name in ("cache_size", "wal_autocheckpoint", "mmap_size")]  # fmt: skip
    assert recycle.recycle(db, NOW).moved == 50
    with db.writing() as s:
        assert pragmas == [
            s.connection().exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("cache_size", "wal_autocheckpoint", "mmap_size")
        ]
        assert (
            s.scalar(select(func.count()).where(Customer.id.in_(ids), Customer.owner_id.is_(None)))
            == 50
        )
    # fmt: skip
