"""The Today page's rules on SQLite, PostgreSQL and MariaDB: follow-ups due by the end of the
local day, customers about to be recycled (and recycle_dates, exactly where due_condition
starts to match), forgotten customers, birthdays (year ends, Feb 29), unread notifications and
mark_read; only ever the actor's own live customers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from itertools import product
from zoneinfo import ZoneInfo

from helpers import NOW
from sqlalchemy import event, insert, or_, select, update
from test_pool import make_pool

from crmdesk.models import pool as pools
from crmdesk.models import today as td
from crmdesk.models.pool_actions import notify
from crmdesk.models.pool_workspace import local_day_start
from crmdesk.models.recycle import due_condition
from crmdesk.models.schema import Contact, Customer, Notification

DAYS = timedelta(days=1)
SECOND = timedelta(seconds=1)
CST = timezone(timedelta(hours=8))
DAY = td.local_day(NOW, CST)  # NOW is 17:30 on Nov 20 in China: the day ends 16:00 UTC


def customer(db, owner, name, **values) -> int:
    row = {"name": name, "owner_id": owner.id, "team_id": owner.team_id,
           "created_at": NOW - 400 * DAYS, "updated_at": NOW - 30 * DAYS,
           "received_at": NOW - 100 * DAYS, "version": 1, **values}  # fmt: skip
    with db.writing() as s:
        return s.execute(insert(Customer).values(**row)).inserted_primary_key[0]


def contact(db, customer_id, name, birthday) -> int:
    with db.writing() as s:
        row = {"customer_id": customer_id, "name": name, "birthday": birthday, "created_at": NOW}
        return s.execute(insert(Contact).values(**row)).inserted_primary_key[0]


def ids_of(section) -> list[int]:
    return [r.customer_id for r in section.rows]


# ---------------------------------------------------------------- the local day


def test_the_local_day_is_the_users_calendar_day_in_utc():
    assert DAY == td.LocalDay(
        date(2026, 11, 20), datetime(2026, 11, 19, 16), datetime(2026, 11, 20, 16)
    )
    late = td.local_day(datetime(2026, 11, 20, 17), CST)  # 01:00 on the 21st in China
    assert (late.date, late.start) == (date(2026, 11, 21), datetime(2026, 11, 20, 16))
    berlin = td.local_day(datetime(2026, 10, 25, 12), ZoneInfo("Europe/Berlin"))  # 25 hours
    assert (berlin.start, berlin.end) == (datetime(2026, 10, 24, 22), datetime(2026, 10, 25, 23))
    system = td.local_day(NOW)
    assert system.start == local_day_start(NOW) and system.start <= NOW < system.end
    assert td.local_day(NOW, UTC) == td.LocalDay(date(2026, 11, 20), datetime(2026, 11, 20),
                                                 datetime(2026, 11, 21))  # fmt: skip


# ---------------------------------------------------------------- follow-ups due


def test_follow_ups_due_by_the_end_of_the_local_day_overdue_first(db, people):
    p = people
    later = customer(db, p.rep_n1, "今晚", next_follow_up_at=datetime(2026, 11, 20, 15))
    old = customer(db, p.rep_n1, "上周", next_follow_up_at=NOW - 7 * DAYS)
    hour_ago = customer(db, p.rep_n1, "一小时前", next_follow_up_at=NOW - timedelta(hours=1))
    customer(db, p.rep_n1, "明天凌晨", next_follow_up_at=datetime(2026, 11, 20, 16, 30))
    customer(db, p.rep_n1, "没安排", next_follow_up_at=None)
    customer(db, p.rep_n1, "已删除", next_follow_up_at=NOW - DAYS, deleted_at=NOW - DAYS)
    customer(db, p.rep_n2, "同事的", next_follow_up_at=NOW - DAYS)
    with db.reading() as s:
        due = td.follow_ups_due(s, p.rep_n1, NOW, DAY.end)
        cut = td.follow_ups_due(s, p.rep_n1, NOW, DAY.end, limit=2)
    assert [(r.customer_id, r.customer_name, r.overdue) for r in due.rows] == [
        (old, "上周", True), (hour_ago, "一小时前", True), (later, "今晚", False)]  # fmt: skip
    assert due.total == 3 and not due.more
    assert due.rows[0].next_follow_up_at == NOW - 7 * DAYS
    assert (ids_of(cut), cut.total, cut.more) == ([old, hour_ago], 3, True)


# ---------------------------------------------------------------- recycle dates


def test_recycle_date_is_exactly_when_due_condition_starts_to_match(db, people):
    p = people
    nfu = pools.RuleRow("no_follow_up", 30, (("A", 60),))
    not_won = pools.RuleRow("not_won", 90, (("B", 45),))
    make_pool(db, p.admin, rules=(nfu, not_won))
    grid = product(("A", "B", "C"), ("prospect", "customer"), (20, None), (None, 50, 3))
    ids = {}
    for n, (level, status, received, followed) in enumerate(grid):
        tick = n * 7 * SECOND  # dates a few seconds apart, whole seconds for MariaDB
        ids[(level, status, received, followed)] = customer(
            db, p.rep_n1 if n % 2 else p.rep_s1, f"客户{n}", level=level, status=status,
            received_at=None if received is None else NOW - received * DAYS + tick,
            created_at=NOW - 400 * DAYS + tick,
            last_follow_up_at=None if followed is None else NOW - followed * DAYS - tick,
        )  # fmt: skip
    with db.reading() as s:
        dates = td.recycle_dates(s, ids.values(), NOW, window_days=10_000)

        def matches(cid, at, *rules):
            where = or_(*(due_condition(r, at) for r in rules))
            return s.scalar(select(Customer.id).where(Customer.id == cid, where)) == cid

        assert set(dates) == set(ids.values())  # no_follow_up takes every one some day
        for cid, item in dates.items():
            rule = nfu if item.rule == "no_follow_up" else not_won
            assert not matches(cid, item.due_at, nfu, not_won), (cid, item)
            assert matches(cid, item.due_at + SECOND, rule), (cid, item)
    t = lambda n: n * 7 * SECOND  # noqa: E731  # the tick of the grid's n-th customer
    # by hand: (rule, due_at, days_left); n = level*12 + status*6 + received*3 + followed
    expect = {
        ("A", "prospect", 20, None): ("no_follow_up", NOW + 40 * DAYS, 40),  # n 0: A's 60 days
        ("B", "prospect", 20, None): ("no_follow_up", NOW + 10 * DAYS + t(12), 11),
        ("B", "prospect", 20, 3): ("not_won", NOW + 25 * DAYS + t(14), 26),  # B: 45, before +27
        ("C", "customer", 20, 3): ("no_follow_up", NOW + 27 * DAYS - t(32), 27),  # won
        ("C", "customer", 20, 50): ("no_follow_up", NOW + 10 * DAYS + t(31), 11),  # received
        ("C", "prospect", None, 3): ("not_won", NOW - 310 * DAYS + t(29), 0),  # from creation
    }
    for key, (rule, at, left) in expect.items():
        item = dates[ids[key]]
        assert (item.rule, item.due_at, item.days_left) == (rule, at, left), key
        assert (item.pool_name, item.customer_name) == ("华东公海", f"客户{list(ids).index(key)}")


def test_recycle_dates_skip_what_is_never_recycled_and_cost_no_query_per_customer(db, people):
    p = people
    with db.writing() as s:
        pools.ensure_defaults(s, NOW)  # 公海: everyone's, no rule
    bank_pool = make_pool(db, p.admin, name="金融行业公海", industries=("金融",), warn_days=5,
                          rules=(pools.RuleRow("not_won", 20),))  # fmt: skip
    north = make_pool(db, p.admin, name="北区公海", everyone=False, warn_days=3,
                      member_team_ids=(p.rep_n1.team_id,),
                      rules=(pools.RuleRow("no_follow_up", 15),))  # fmt: skip
    soon = customer(db, p.rep_n1, "快了", received_at=NOW - 13 * DAYS)
    bank = customer(db, p.rep_n1, "银行", industry="金融", received_at=NOW - 16 * DAYS)
    locked = customer(db, p.rep_n1, "锁定", received_at=NOW - 14 * DAYS, locked=True)
    gone = customer(db, p.rep_n1, "删了", received_at=NOW - 14 * DAYS, deleted_at=NOW)
    far = customer(db, p.rep_n1, "还早", received_at=NOW - 5 * DAYS)
    south = customer(db, p.rep_s1, "南区", received_at=NOW - 90 * DAYS)  # 公海: no rule
    with db.writing() as s:
        pooled = s.execute(insert(Customer).values(name="公海里", pool_id=north,
                           pool_entered_at=NOW, created_at=NOW - 90 * DAYS, updated_at=NOW,
                           version=1)).inserted_primary_key[0]  # fmt: skip
    everyone = [soon, bank, locked, gone, far, south, pooled]
    queries: list[str] = []
    listen = lambda *args: queries.append(args[2])  # noqa: E731
    with db.reading() as s:
        s.execute(select(1))  # the connection and its transaction are open before counting
        event.listen(db.engine, "before_cursor_execute", listen)
        try:
            dates = td.recycle_dates(s, everyone, NOW)
            few = len(queries)
            td.recycle_dates(s, [soon, *range(max(everyone) + 1, max(everyone) + 120)], NOW)
            many = len(queries) - few
            wide = td.recycle_dates(s, everyone, NOW, window_days=30)
        finally:
            event.remove(db.engine, "before_cursor_execute", listen)
    assert few == many <= 4  # the pools (3 reads) and one for the ids, however many
    assert {c: (d.pool_id, d.rule, d.due_at, d.days_left) for c, d in dates.items()} == {
        soon: (north, "no_follow_up", NOW + 2 * DAYS, 2),
        bank: (bank_pool, "not_won", NOW + 4 * DAYS, 4),  # its pool's rule, not North's
    }
    assert set(wide) == {soon, bank, far} and wide[far].days_left == 10


# ---------------------------------------------------------------- about to be recycled


def test_about_to_recycle_lists_the_actors_customers_in_the_warning_window(db, people):
    p = people
    make_pool(db, p.admin, warn_days=3, rules=(pools.RuleRow("no_follow_up", 15),))
    bank_pool = make_pool(db, p.admin, name="金融行业公海", industries=("金融",), warn_days=5,
                          rules=(pools.RuleRow("not_won", 20),))  # fmt: skip
    soon = customer(db, p.rep_n1, "两天后", received_at=NOW - 13 * DAYS)
    overdue = customer(db, p.rep_n1, "已到期", received_at=NOW - 16 * DAYS)
    bank = customer(db, p.rep_n1, "银行", industry="金融", status="prospect",
                    received_at=NOW - 16 * DAYS)  # fmt: skip
    customer(db, p.rep_n1, "银行还早", industry="金融", received_at=NOW - 14 * DAYS)  # +6 > 5
    customer(db, p.rep_n1, "锁定", received_at=NOW - 14 * DAYS, locked=True)
    customer(db, p.rep_n1, "删了", received_at=NOW - 14 * DAYS, deleted_at=NOW - DAYS)
    customer(db, p.rep_n1, "还早", received_at=NOW - 5 * DAYS)
    customer(db, p.rep_n2, "同事的", received_at=NOW - 14 * DAYS)
    with db.reading() as s:
        listed = td.about_to_recycle(s, p.rep_n1, NOW)
        cut = td.about_to_recycle(s, p.rep_n1, NOW, limit=2)
        dates = td.recycle_dates(s, ids_of(listed), NOW)
    assert [(r.customer_id, r.rule, r.due_at, r.days_left) for r in listed.rows] == [
        (overdue, "no_follow_up", NOW - DAYS, 0),
        (soon, "no_follow_up", NOW + 2 * DAYS, 2),
        (bank, "not_won", NOW + 4 * DAYS, 4),
    ]  # fmt: skip
    assert (listed.rows[2].pool_id, listed.rows[2].pool_name) == (bank_pool, "金融行业公海")
    assert listed.rows[1].customer_name == "两天后"
    assert listed.total == 3 and (ids_of(cut), cut.total) == ([overdue, soon], 3)
    assert {r.customer_id: r for r in listed.rows} == dates  # the list and the page agree


def test_about_to_recycle_takes_the_soonest_rule_across_levels_within_the_limit(db, people):
    """Each rule and level group is read soonest first and cut at the limit: the soonest
    customer is neither the first nor the last by id, nor the first received."""
    p = people
    rule = pools.RuleRow("no_follow_up", 15, (("A", 30),))
    make_pool(db, p.admin, warn_days=5, rules=(rule, pools.RuleRow("not_won", 20)))
    won_a = customer(db, p.rep_n1, "A级", level="A", status="customer",
                     received_at=NOW - 28 * DAYS)  # fmt: skip  # +2 (A: 30 days)
    x1 = customer(db, p.rep_n1, "四天", level="C", status="prospect",
                  received_at=NOW - 11 * DAYS)  # fmt: skip  # +4; not_won +9
    c = customer(db, p.rep_n1, "C级", level="C", status="prospect", received_at=NOW - 14 * DAYS,
                 last_follow_up_at=NOW - 14 * DAYS)  # fmt: skip  # +1; not_won +6
    x2 = customer(db, p.rep_n1, "四天半", level="C", status="prospect",
                  received_at=NOW - 10.5 * DAYS)  # fmt: skip  # +4.5
    y = customer(db, p.rep_n1, "早收到", level="C", status="customer", received_at=NOW - 40 * DAYS,
                 last_follow_up_at=NOW - 11.5 * DAYS)  # fmt: skip  # +3.5: by the follow-up
    slow = customer(db, p.rep_n1, "没成交", level="C", status="prospect",
                    received_at=NOW - 17 * DAYS, last_follow_up_at=NOW - DAYS)  # fmt: skip
    with db.reading() as s:
        listed = td.about_to_recycle(s, p.rep_n1, NOW)
        one = td.about_to_recycle(s, p.rep_n1, NOW, limit=1)
        two = td.about_to_recycle(s, p.rep_n1, NOW, limit=2)
    assert [(r.customer_id, r.rule, r.days_left) for r in listed.rows] == [
        (c, "no_follow_up", 1), (won_a, "no_follow_up", 2), (slow, "not_won", 3),
        (y, "no_follow_up", 4), (x1, "no_follow_up", 4), (x2, "no_follow_up", 5)]  # fmt: skip
    assert [r.due_at - NOW for r in listed.rows[3:]] == [3.5 * DAYS, 4 * DAYS, 4.5 * DAYS]
    assert (ids_of(one), ids_of(two), one.total, listed.total) == ([c], [c, won_a], 6, 6)
    with db.reading() as s:
        assert td.about_to_recycle(s, p.rep_n2, NOW) == td.SectionResult((), 0)  # none of his


# ---------------------------------------------------------------- forgotten


def test_forgotten_customers_oldest_first_never_followed_counts_from_creation(db, people):
    p = people
    stale = customer(db, p.rep_n1, "半年没联系", last_follow_up_at=NOW - 200 * DAYS)
    never = customer(db, p.rep_n1, "从没联系", created_at=NOW - 400 * DAYS)
    customer(db, p.rep_n1, "最近联系", last_follow_up_at=NOW - 10 * DAYS)
    customer(db, p.rep_n1, "新客户", created_at=NOW - 100 * DAYS)
    customer(db, p.rep_n1, "删了", last_follow_up_at=NOW - 300 * DAYS, deleted_at=NOW)
    customer(db, p.rep_s1, "别人的", last_follow_up_at=NOW - 300 * DAYS)
    with db.reading() as s:
        found = td.forgotten(s, p.rep_n1, NOW)
        sooner = td.forgotten(s, p.rep_n1, NOW, days=90, limit=3)
    assert [(r.customer_id, r.last_follow_up_at, r.since, r.days) for r in found.rows] == [
        (never, None, NOW - 400 * DAYS, 400),
        (stale, NOW - 200 * DAYS, NOW - 200 * DAYS, 200),
    ]  # fmt: skip
    assert found.total == 2
    assert (len(sooner.rows), sooner.total, sooner.rows[2].customer_name) == (3, 3, "新客户")


# ---------------------------------------------------------------- birthdays


def test_birthdays_of_the_coming_week_across_the_year_end(db, people):
    p = people
    mine = customer(db, p.rep_n1, "我的客户")
    theirs = customer(db, p.rep_n2, "同事的客户")
    deleted = customer(db, p.rep_n1, "删了的客户", deleted_at=NOW)
    eve = contact(db, mine, "除夕", date(1980, 12, 31))
    new_year = contact(db, mine, "元旦后", date(1990, 1, 2))
    today = contact(db, mine, "今天", date(2001, 12, 28))
    last = contact(db, mine, "第七天", date(1975, 1, 3))
    contact(db, mine, "第八天", date(1975, 1, 4))
    contact(db, mine, "昨天", date(1975, 12, 27))
    contact(db, mine, "没填", None)
    contact(db, theirs, "同事的联系人", date(1980, 12, 30))
    contact(db, deleted, "删了的联系人", date(1980, 12, 30))
    with db.reading() as s:
        week = td.birthdays(s, p.rep_n1, date(2026, 12, 28))
        two = td.birthdays(s, p.rep_n1, date(2026, 12, 28), limit=2)
    assert [(r.contact_id, r.on, r.days_until) for r in week.rows] == [
        (today, date(2026, 12, 28), 0),
        (eve, date(2026, 12, 31), 3),
        (new_year, date(2027, 1, 2), 5),
        (last, date(2027, 1, 3), 6),
    ]  # fmt: skip
    assert (week.rows[1].contact_name, week.rows[1].customer_id, week.rows[1].customer_name,
            week.rows[1].birthday) == ("除夕", mine, "我的客户", date(1980, 12, 31))  # fmt: skip
    assert (week.total, [r.contact_id for r in two.rows], two.total) == (4, [today, eve], 4)


def test_a_feb_29_birthday_is_kept_on_feb_28_outside_leap_years(db, people):
    p = people
    mine = customer(db, p.rep_n1, "闰年客户")
    leap = contact(db, mine, "闰日", date(1992, 2, 29))
    march = contact(db, mine, "三月一日", date(1990, 3, 1))
    with db.reading() as s:
        plain = td.birthdays(s, p.rep_n1, date(2027, 2, 25))
        leap_year = td.birthdays(s, p.rep_n1, date(2028, 2, 25))
        after = td.birthdays(s, p.rep_n1, date(2027, 3, 1))
    assert [(r.contact_id, r.on) for r in plain.rows] == [
        (leap, date(2027, 2, 28)), (march, date(2027, 3, 1))]  # fmt: skip
    assert [(r.contact_id, r.on) for r in leap_year.rows] == [
        (leap, date(2028, 2, 29)), (march, date(2028, 3, 1))]  # fmt: skip
    assert [r.contact_id for r in after.rows] == [march]  # Feb 28 was yesterday
    assert td.birthday_in(2100, date(2000, 2, 29)) == date(2100, 2, 28)  # 2100 is not leap


# ---------------------------------------------------------------- notifications


def test_unread_notifications_newest_first_and_mark_read_touches_only_the_actors(db, people):
    p = people
    pool_id = make_pool(db, p.admin)
    cid = customer(db, p.rep_n1, "被分配的")
    with db.writing() as s:
        notify(s, [p.rep_n1.id], "assigned", NOW - 2 * DAYS, customer_id=cid, pool_id=pool_id)
        notify(s, [p.rep_n1.id], "recycled", NOW - DAYS, pool_id=pool_id, count=5,
               detail="no_follow_up:15")  # fmt: skip
        notify(s, [p.rep_n1.id, p.rep_n2.id], "claimed", NOW - 3 * DAYS)
        notify(s, [p.rep_n1.id], "claimed", NOW - 4 * DAYS)
        ids = dict(s.execute(select(Notification.created_at, Notification.id)
                             .where(Notification.user_id == p.rep_n1.id)).all())  # fmt: skip
        colleague = s.scalar(select(Notification.id).where(Notification.user_id == p.rep_n2.id))
        s.execute(update(Notification).where(Notification.id == ids[NOW - 4 * DAYS])
                  .values(read_at=NOW))  # fmt: skip
    with db.reading() as s:
        unread = td.unread_notifications(s, p.rep_n1)
    assert [(r.id, r.kind, r.customer_id, r.customer_name, r.pool_name, r.count, r.detail)
            for r in unread.rows] == [
        (ids[NOW - DAYS], "recycled", None, "", "华东公海", 5, "no_follow_up:15"),
        (ids[NOW - 2 * DAYS], "assigned", cid, "被分配的", "华东公海", 1, ""),
        (ids[NOW - 3 * DAYS], "claimed", None, "", "", 1, ""),
    ]  # fmt: skip
    assert unread.total == 3
    result = db.write(lambda s: td.mark_read(s, p.rep_n1, [ids[NOW - DAYS], colleague], NOW))
    assert result.value == result.change and result.change.kinds == {"notifications"}
    assert not result.change.touches_customers()
    with db.reading() as s:
        assert ids_after(s, p.rep_n1) == [ids[NOW - 2 * DAYS], ids[NOW - 3 * DAYS]]
        assert ids_after(s, p.rep_n2) == [colleague]  # not the actor's: left alone
    nothing = db.write(lambda s: td.mark_read(s, p.rep_n1, [colleague], NOW))
    assert nothing.value.empty and nothing.change.empty
    db.write(lambda s: td.mark_read(s, p.rep_n1, "all", NOW))
    with db.reading() as s:
        assert (ids_after(s, p.rep_n1), ids_after(s, p.rep_n2)) == ([], [colleague])
        assert s.scalar(select(Notification.read_at).where(Notification.id == ids[NOW - DAYS]))


def ids_after(s, user) -> list[int]:
    return [r.id for r in td.unread_notifications(s, user).rows]


# ---------------------------------------------------------------- the page


def test_today_reads_every_section_for_the_actor(db, people):
    p = people
    make_pool(db, p.admin, warn_days=3, rules=(pools.RuleRow("no_follow_up", 15),))
    due = customer(db, p.rep_n1, "今天跟进", next_follow_up_at=NOW + timedelta(hours=2),
                   last_follow_up_at=NOW - 14 * DAYS, received_at=NOW - 30 * DAYS)  # fmt: skip
    old = customer(db, p.rep_n1, "老客户", created_at=NOW - 300 * DAYS, locked=True)
    customer(db, p.rep_s1, "别人的", next_follow_up_at=NOW - DAYS, created_at=NOW - 300 * DAYS)
    friend = contact(db, old, "寿星", date(1985, 11, 22))
    with db.writing() as s:
        notify(s, [p.rep_n1.id], "claimed", NOW, customer_id=due)
    with db.reading() as s:
        page = td.today(s, p.rep_n1, NOW, day=DAY, forgotten_days=200)
    assert page.day == DAY
    assert [(r.customer_id, r.overdue) for r in page.follow_ups.rows] == [(due, False)]
    assert [(r.customer_id, r.days_left) for r in page.recycling.rows] == [(due, 1)]
    assert ids_of(page.forgotten) == [old]  # locked: forgotten, but never recycled
    assert [(r.contact_id, r.days_until) for r in page.birthdays.rows] == [(friend, 2)]
    assert [(r.customer_id, r.customer_name) for r in page.notifications.rows] == [
        (due, "今天跟进")
    ]
    totals = [getattr(page, f).total for f in
              ("follow_ups", "recycling", "forgotten", "birthdays", "notifications")]  # fmt: skip
    assert totals == [1, 1, 1, 1, 1]
