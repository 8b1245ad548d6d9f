"""The recycle pass on SQLite, PostgreSQL and MariaDB: who is due under which rule (days per
level, the later of receiving and the last follow-up), which pool a customer goes back to,
what is exempt, the dry run, idempotence, the events and notices it leaves, and several
clients running it at once."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from helpers import NOW, SaveDuring
from sqlalchemy import select, update
from test_pool import events, make_pool, owned_customers, owners

from crmdesk.models import pool as pools
from crmdesk.models import recycle
from crmdesk.models.database import open_database
from crmdesk.models.schema import Customer, Notification
from crmdesk.models.schema_team import ChangeFeedEntry

DAYS = timedelta(days=1)


def rules(*items) -> tuple[pools.RuleRow, ...]:
    return tuple(items)


def test_no_follow_up_counts_from_the_later_of_receiving_and_the_last_follow_up(db, people):
    p = people
    pool_id = make_pool(db, p.admin, rules=rules(pools.RuleRow("no_follow_up", 15)))
    old = owned_customers(db, p.rep_n1, 1, received_at=NOW - 20 * DAYS)
    followed = owned_customers(db, p.rep_n1, 1, received_at=NOW - 20 * DAYS,
                               last_follow_up_at=NOW - 3 * DAYS)  # fmt: skip
    just_got = owned_customers(db, p.rep_n2, 1, received_at=NOW - 2 * DAYS,
                               last_follow_up_at=NOW - 300 * DAYS)  # fmt: skip
    locked = owned_customers(db, p.rep_n2, 1, received_at=NOW - 90 * DAYS, locked=True)
    legacy = owned_customers(db, p.rep_s1, 1, received_at=None, created_at=NOW - 99 * DAYS)
    result = recycle.recycle(db, NOW)
    assert result.moved == 2
    assert owners(db, old + legacy) == {c: (None, pool_id) for c in old + legacy}
    assert {c for c, (o, _p) in owners(db, followed + just_got + locked).items() if o} == set(
        followed + just_got + locked
    )
    assert sorted(events(db, "recycled")) == sorted([
        (old[0], "recycled", p.rep_n1.id, None, "no_follow_up", "15", pool_id),
        (legacy[0], "recycled", p.rep_s1.id, None, "no_follow_up", "15", pool_id),
    ])  # fmt: skip
    with db.reading() as s:
        c = s.get(Customer, old[0])
        assert (c.released_by_id, c.release_code, c.pool_entered_at) == (
            p.rep_n1.id, "no_follow_up", NOW)  # fmt: skip
        notes = s.execute(select(Notification.user_id, Notification.kind, Notification.count,
                                 Notification.customer_id)).all()  # fmt: skip
    assert sorted(tuple(n) for n in notes if n[1] == "recycled") == sorted(
        [(p.rep_n1.id, "recycled", 1, old[0]), (p.rep_s1.id, "recycled", 1, legacy[0])]
    )
    assert recycle.recycle(db, NOW).moved == 0  # idempotent
    assert len(events(db, "recycled")) == 2


def test_the_pass_feeds_its_changes_as_this_programs_own(db, people):
    """On a SQLite file the pass writes through a connection of its own; its change-feed
    entries still carry this program's client id, so the window's own feed skips them instead
    of reloading the pages a second time as if a colleague had recycled them."""
    make_pool(db, people.admin, rules=rules(pools.RuleRow("no_follow_up", 15)))
    owned_customers(db, people.rep_n1, 2, received_at=NOW - 20 * DAYS)
    assert recycle.recycle(db, NOW).moved == 2
    with db.reading() as s:
        clients = set(s.scalars(select(ChangeFeedEntry.client)))
    assert clients == {db.client_id}


def test_days_per_level_and_not_won(db, people):
    p = people
    rule_a = pools.RuleRow("no_follow_up", 30, (("A", 60),))
    make_pool(db, p.admin, rules=rules(rule_a, pools.RuleRow("not_won", 90)))
    a40 = owned_customers(db, p.rep_n1, 1, level="A", received_at=NOW - 40 * DAYS)
    b40 = owned_customers(db, p.rep_n1, 1, level="B", received_at=NOW - 40 * DAYS)
    won = owned_customers(db, p.rep_n1, 1, level="A", status="customer",
                          received_at=NOW - 50 * DAYS, last_follow_up_at=NOW - DAYS)  # fmt: skip
    slow = owned_customers(db, p.rep_n1, 1, level="A", status="prospect",
                           received_at=NOW - 100 * DAYS, last_follow_up_at=NOW - DAYS)  # fmt: skip
    assert recycle.recycle(db, NOW).moved == 2
    moved = {c for c, (o, _p) in owners(db, a40 + b40 + won + slow).items() if o is None}
    assert moved == set(b40 + slow)
    kinds = {e[0]: (e[4], e[5]) for e in events(db, "recycled")}
    assert kinds == {b40[0]: ("no_follow_up", "30"), slow[0]: ("not_won", "90")}


def test_each_customer_goes_back_to_the_first_pool_that_covers_it(db, people):
    p = people
    with db.writing() as s:
        pools.ensure_defaults(s, NOW)  # 公海: everyone's, first by position, no rule
    rule = rules(pools.RuleRow("no_follow_up", 10))
    finance = make_pool(db, p.admin, name="金融行业公海", industries=("金融",), rules=rule)
    north = make_pool(db, p.admin, name="北区公海", everyone=False,
                      member_team_ids=(p.rep_n1.team_id,), rules=rule)  # fmt: skip
    bank = owned_customers(db, p.rep_n1, 1, industry="金融", received_at=NOW - 20 * DAYS)
    shop = owned_customers(db, p.rep_n1, 1, industry="零售", received_at=NOW - 20 * DAYS)
    south_shop = owned_customers(db, p.rep_s1, 1, industry="零售", received_at=NOW - 20 * DAYS)
    preview = recycle.recycle(db, NOW, dry_run=True)
    assert {(i.customer_id, i.pool_name, i.owner_name, i.rule, i.days) for i in preview.items} == {
        (bank[0], "金融行业公海", p.rep_n1.name, "no_follow_up", 10),
        (shop[0], "北区公海", p.rep_n1.name, "no_follow_up", 10),
    }  # named pools come before 公海, whose lack of rules keeps South's shop where it is
    assert preview.moved == 2 and events(db) == []  # a dry run changes nothing
    assert owners(db, bank + shop + south_shop)[bank[0]][0] == p.rep_n1.id
    assert recycle.recycle(db, NOW).moved == 2
    assert owners(db, bank + shop)[bank[0]] == (None, finance)
    assert owners(db, bank + shop)[shop[0]] == (None, north)


def test_owners_are_warned_once_a_day_before_their_customers_go(db, people):
    p = people
    make_pool(db, p.admin, warn_days=3, rules=rules(pools.RuleRow("no_follow_up", 15)))
    owned_customers(db, p.rep_n1, 2, received_at=NOW - 13 * DAYS)  # due in 2 days
    owned_customers(db, p.rep_n2, 1, received_at=NOW - 5 * DAYS)  # due in 10
    result = recycle.recycle(db, NOW)
    assert (result.moved, result.warned) == (0, 1)
    assert recycle.recycle(db, NOW + timedelta(hours=1)).warned == 0  # the hourly pass: once
    with db.reading() as s:
        notes = s.execute(select(Notification.user_id, Notification.kind, Notification.count))
        assert [tuple(n) for n in notes] == [(p.rep_n1.id, "recycle_warning", 2)]


def test_a_big_pass_moves_in_chunks_and_tells_each_owner_once(db, people, monkeypatch):
    monkeypatch.setattr(recycle, "CHUNK", 7)
    monkeypatch.setattr(recycle, "POSTGRESQL_CHUNK", 7)
    monkeypatch.setattr(recycle, "UNIT_SECONDS", 0)  # one chunk a unit of work
    p = people
    make_pool(db, p.admin, rules=rules(pools.RuleRow("no_follow_up", 15)))
    ids = owned_customers(db, p.rep_n1, 30, received_at=NOW - 40 * DAYS)
    ids += owned_customers(db, p.rep_n2, 12, received_at=NOW - 40 * DAYS)
    seen: list[tuple[int, int]] = []
    result = recycle.recycle(db, NOW, progress=lambda d, t: seen.append((d, t)))
    assert result.moved == 42 and seen[-1] == (42, 42) and len(seen) == 6
    with db.reading() as s:
        notes = s.execute(select(Notification.user_id, Notification.count)).all()
    assert sorted(tuple(n) for n in notes) == sorted([(p.rep_n1.id, 30), (p.rep_n2.id, 12)])
    # cancelled after the first unit: whole chunks moved, each with its event
    ids = owned_customers(db, p.rep_s1, 20, received_at=NOW - 40 * DAYS)
    asked = iter([False, True])
    part = recycle.recycle(db, NOW, cancelled=lambda: next(asked))
    assert part.moved == 7
    gone = [c for c, (o, _p) in owners(db, ids).items() if o is None]
    assert sorted(e[0] for e in events(db, "recycled") if e[0] in ids) == sorted(gone)


def test_several_clients_recycling_at_once_move_each_customer_once(db, people, monkeypatch):
    """Each client its own engine; the customers move once, one event each, whoever wins."""
    monkeypatch.setattr(recycle, "CHUNK", 10)
    monkeypatch.setattr(recycle, "POSTGRESQL_CHUNK", 10)
    p = people
    make_pool(db, p.admin, rules=rules(pools.RuleRow("no_follow_up", 15)))
    ids = owned_customers(db, p.rep_n1, 60, received_at=NOW - 40 * DAYS)
    ids += owned_customers(db, p.rep_s1, 60, received_at=NOW - 40 * DAYS)
    url = db.engine.url.render_as_string(hide_password=False)
    moved: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def client() -> None:
        mine = open_database(url)
        try:
            start.wait()
            moved.append(recycle.recycle(mine, NOW).moved)
        except BaseException as exc:
            errors.append(exc)
        finally:
            mine.close()

    threads = [threading.Thread(target=client) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == [] and sum(moved) == len(ids)
    recycled = [e[0] for e in events(db, "recycled")]
    assert sorted(recycled) == sorted(ids)  # one event each
    assert all(o is None for o, _p in owners(db, ids).values())
    with db.writing() as s:  # a follow-up in the meantime keeps a customer: tested on the lock
        s.execute(update(Customer).where(Customer.id == ids[0]).values(owner_id=p.rep_n1.id,
                  pool_id=None, received_at=NOW - 40 * DAYS, last_follow_up_at=NOW))  # fmt: skip
    assert recycle.recycle(db, NOW).moved == 0


def test_a_level_with_its_own_days_is_told_its_days_and_a_warning_is_a_change(db, people):
    p = people
    rule = pools.RuleRow("no_follow_up", 30, (("A", 60),))
    make_pool(db, p.admin, warn_days=3, rules=rules(rule))
    a = owned_customers(db, p.rep_n1, 1, level="A", received_at=NOW - 70 * DAYS,
                        next_follow_up_at=NOW - 2 * DAYS)  # fmt: skip
    c = owned_customers(db, p.rep_n1, 2, level="C", received_at=NOW - 40 * DAYS)
    soon = owned_customers(db, p.rep_n2, 1, level="C", received_at=NOW - 28 * DAYS)
    result = recycle.recycle(db, NOW)
    assert result.moved == 3 and result.warned == 1
    assert "notifications" in result.change.kinds and result.change.affects(a[0])
    with db.reading() as s:
        notes = s.execute(select(Notification.user_id, Notification.kind, Notification.detail,
                                 Notification.count, Notification.customer_id)).all()  # fmt: skip
    assert sorted(tuple(n) for n in notes) == sorted([
        (p.rep_n1.id, "recycled", "no_follow_up:60", 1, a[0]),  # the A level's own days
        (p.rep_n1.id, "recycled", "no_follow_up:30", 2, None),
        (p.rep_n2.id, "recycle_warning", "3", 1, None),
    ])  # fmt: skip
    assert owners(db, soon)[soon[0]][0] == p.rep_n2.id
    assert {o for o, _pool in owners(db, a + c).values()} == {None}
    # a pass that only warns (told once a day: tomorrow) is still a change for the Today page
    later = recycle.recycle(db, NOW + DAYS + timedelta(minutes=1))
    assert later.moved == 0 and later.warned == 1 and "notifications" in later.change.kinds
    with db.reading() as s:  # a customer going back loses its owner's next follow-up
        assert s.get(Customer, a[0]).next_follow_up_at is None


def test_a_save_in_the_window_goes_between_the_units_of_a_pass(db, people, monkeypatch):
    """SQLite: the pass writes through a connection of its own, the window's saves through
    `db`; a save asked while the pass runs lands after the unit running then, not after the
    whole pass (the pass waits for `db`'s short writes between its units)."""
    if db.dialect != "sqlite":
        pytest.skip("a server has no database-wide write lock")
    monkeypatch.setattr(recycle, "CHUNK", 1)
    monkeypatch.setattr(recycle, "UNIT_SECONDS", 0)  # one customer a unit of work
    make_pool(db, people.admin, rules=rules(pools.RuleRow("no_follow_up", 15)))
    owned_customers(db, people.rep_n1, 40, received_at=NOW - 40 * DAYS)
    real_unit = recycle._unit

    def slow_unit(*args):
        out = real_unit(*args)
        time.sleep(0.05)  # the write lock held a while, as a unit of 400 customers does
        save.unit_done()
        return out

    monkeypatch.setattr(recycle, "_unit", slow_unit)
    save = SaveDuring(db)
    assert recycle.recycle(db, NOW).moved == 40
    assert save.waited() <= 8, save.log  # without the wait: after all 40
