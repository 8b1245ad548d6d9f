"""Realistic demo data: teams with a manager and reps, Chinese companies, contacts and a year of
follow-ups. Bulk inserts (Core executemany, raw sqlite3 on SQLite) so 1,000,000 customers take
minutes, not hours."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select

from crmdesk.models import search
from crmdesk.models.checks import utc_now
from crmdesk.models.database import Database
from crmdesk.models.demo_pools import IN_POOL, ensure_demo_pools, place, received_at
from crmdesk.models.dialects import insert_ignore, refresh_statistics, reset_id_sequences
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.phones import phone_key
from crmdesk.models.pinyin import sort_key
from crmdesk.models.schema import (
    Contact,
    Customer,
    CustomerTag,
    FollowUp,
    OwnershipEvent,
    Tag,
    Team,
    User,
)
from crmdesk.models.users import get_user, os_login

PROVINCES = {
    "北京": ["北京"],
    "上海": ["上海"],
    "天津": ["天津"],
    "重庆": ["重庆"],
    "广东": ["广州", "深圳", "东莞", "佛山", "珠海"],
    "浙江": ["杭州", "宁波", "温州", "绍兴"],
    "江苏": ["南京", "苏州", "无锡", "常州"],
    "山东": ["济南", "青岛", "烟台"],
    "四川": ["成都", "绵阳"],
    "湖北": ["武汉", "宜昌"],
    "湖南": ["长沙", "株洲"],
    "福建": ["福州", "厦门", "泉州"],
    "河南": ["郑州", "洛阳"],
    "陕西": ["西安"],
    "安徽": ["合肥", "芜湖"],
    "辽宁": ["沈阳", "大连"],
}
# (word in the company name, industry)
TRADES = [
    ("科技", "互联网/IT"),
    ("信息技术", "互联网/IT"),
    ("软件", "互联网/IT"),
    ("网络", "互联网/IT"),
    ("贸易", "贸易"),
    ("进出口", "贸易"),
    ("机械制造", "制造业"),
    ("精密机械", "制造业"),
    ("电子", "电子"),
    ("餐饮管理", "餐饮"),
    ("物流", "物流"),
    ("供应链", "物流"),
    ("医疗器械", "医疗"),
    ("生物医药", "医疗"),
    ("教育咨询", "教育"),
    ("建筑工程", "建筑"),
    ("装饰工程", "建筑"),
    ("文化传媒", "传媒"),
    ("广告", "传媒"),
    ("新能源", "能源"),
    ("食品", "食品"),
    ("服饰", "服装"),
    ("化工", "化工"),
    ("环保科技", "环保"),
    ("投资管理", "金融"),
    ("保险代理", "保险"),
]
NAME_CHARS = (
    "星辰华信金桥宏达瑞丰恒通盛世天元博远鼎新汇泽嘉禾中科鑫源泰和永安兴隆润达锦程安捷"
    "明德启航宇通正大海纳同创卓越聚力优品云帆智联新视东方长城凯达百川万象"
)
SUFFIXES = ["有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司"]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌浩宇晨欣怡子涵梓轩"
TITLES = [
    "总经理",
    "采购经理",
    "财务总监",
    "技术负责人",
    "行政主管",
    "销售总监",
    "董事长",
    "项目经理",
]
TAGS = ["重点客户", "VIP", "展会线索", "老客户推荐", "价格敏感", "需要回访", "决策链长"]
SOURCES = ["官网", "电话营销", "展会", "转介绍", "网络广告", "老客户", "地推"]
SIZES = ["1-20", "21-100", "101-500", "501-2000", "2000+"]
FOLLOW_UP_TEXTS = {
    "call": [
        "电话沟通需求，客户对报价有疑问",
        "电话回访，客户表示下月有采购计划",
        "约定下周上门拜访",
    ],
    "visit": ["上门拜访，演示产品，客户反馈良好", "拜访采购负责人，了解预算情况"],
    "wechat": ["微信发送产品资料和报价单", "微信沟通合同细节"],
    "email": ["发送正式报价邮件", "邮件确认样品寄送地址"],
    "note": ["客户内部在做供应商评估", "竞争对手报价更低，需要申请折扣"],
}
TEAMS = [
    ("华北销售部", "赵建国"),
    ("华东销售部", "钱文斌"),
    ("华南销售部", "孙志强"),
    ("西南销售部", "李晓红"),
]
REPS_PER_TEAM = 5
MAX = 10_000_000  # customers in one call


@dataclass(frozen=True)
class DemoResult:
    users: int
    customers: int
    contacts: int
    follow_ups: int
    deals: int = 0
    contracts: int = 0


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _street(rng: random.Random, city: str) -> str:
    return f"{city}市{rng.choice(NAME_CHARS)}{rng.choice(NAME_CHARS)}路{rng.randrange(1, 999)}号"


@functools.lru_cache(maxsize=4096)
def _key(part: str) -> str:
    return sort_key(part)


def _birthday(rng: random.Random) -> date | None:
    """A quarter of the contacts have their birthday on record (the Today page lists them)."""
    if rng.random() >= 0.25:
        return None
    return date(rng.randrange(1960, 2000), 1, 1) + timedelta(days=rng.randrange(365))


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


def _ensure_people(db: Database, now: datetime, rng: random.Random) -> list[int]:
    """Teams, managers and reps (once); returns the ids of the users who own customers."""
    with db.writing() as s:
        if s.scalar(select(func.count()).select_from(Team)):
            return list(s.scalars(select(User.id).where(User.role.in_(("rep", "manager")))))
        if not s.scalar(select(func.count()).select_from(User).where(User.role == "admin")):
            s.add(User(name="管理员", login=os_login(), role="admin", active=True, created_at=now))
        owners = []
        for t, (team_name, manager) in enumerate(TEAMS):
            team = Team(name=team_name, created_at=now)
            s.add(team)
            s.flush()
            m = User(
                name=manager,
                login=f"manager{t + 1}",
                role="manager",
                team_id=team.id,
                active=True,
                created_at=now,
            )
            s.add(m)
            for r in range(REPS_PER_TEAM):
                s.add(
                    User(
                        name=_person(rng),
                        login=f"rep{t + 1}{r + 1}",
                        role="rep",
                        team_id=team.id,
                        active=True,
                        created_at=now,
                    )
                )
            s.flush()
            owners.append(m.id)
        # Finance sees every contract and records payments (policy.contract_see_condition).
        s.add(User(name="财务 周敏", login="finance1", role="finance", active=True, created_at=now))
        return list(s.scalars(select(User.id).where(User.role.in_(("rep", "manager")))))


def generate_demo(
    db: Database,
    customers: int = 2000,
    seed: int = 1,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    chunk: int = 20000,
    pooled: float = IN_POOL,
    deals: bool = True,
) -> DemoResult:
    """pooled: the share of customers put in a pool (a list's tests want none); deals: the
    owned customers' deals too (a benchmark that builds its own leaves them out)."""
    if isinstance(customers, bool) or not isinstance(customers, int) or not 1 <= customers <= MAX:
        raise ValidationFailed(errors=[("customers", "out_of_range")], limits={"customers": MAX})
    now = now or utc_now()
    rng = random.Random(seed)
    owners = _ensure_people(db, now, rng)
    pools = ensure_demo_pools(db, now)
    with db.writing() as s:
        s.execute(
            insert_ignore(Tag.__table__, db.dialect), [{"name": t, "created_at": now} for t in TAGS]
        )
    with db.reading() as s:
        users = {i: get_user(s, i) for i in owners}
        team_of = {i: t for i, t in s.execute(select(User.id, User.team_id))}
        owner_keys = {i: k for i, k in s.execute(select(User.id, User.name_sort))}
    provinces = list(PROVINCES)
    kinds = list(FOLLOW_UP_TEXTS)
    with db.writing() as s:
        start = (s.scalar(select(func.max(Customer.id))) or 0) + 1
        contact_id = (s.scalar(select(func.max(Contact.id))) or 0) + 1
        follow_id = (s.scalar(select(func.max(FollowUp.id))) or 0) + 1
        event_id = (s.scalar(select(func.max(OwnershipEvent.id))) or 0) + 1
    n_contacts = n_follow = 0
    done = 0
    year = timedelta(days=365)
    while done < customers:
        size = min(chunk, customers - done)
        cust, cont, fus, evs, bodies, tag_rows = [], [], [], [], [], []
        for k in range(size):
            cid = start + done + k
            province = rng.choice(provinces)
            city = rng.choice(PROVINCES[province])
            trade, industry = rng.choice(TRADES)
            parts = (
                city,
                rng.choice(NAME_CHARS) + rng.choice(NAME_CHARS),
                trade,
                rng.choice(SUFFIXES),
            )
            name = "".join(parts)
            owner = rng.choice(owners)
            created = now - timedelta(days=rng.uniform(30, 3 * 365))
            people = []
            for c in range(rng.choice((1, 1, 2, 2, 3))):
                person, mobile = _person(rng), _mobile(rng)
                phone = (
                    f"0{rng.randrange(10, 999)}-{rng.randrange(10**7, 10**8)}"
                    if rng.random() < 0.3
                    else ""
                )
                email = (
                    f"{rng.choice('abcdefghkmnpqrstwxyz')}{rng.randrange(1000)}@example.cn"
                    if rng.random() < 0.4
                    else ""
                )
                cont.append(
                    (
                        contact_id,
                        cid,
                        person,
                        rng.choice(TITLES),
                        mobile,
                        phone,
                        mobile,
                        phone_key(phone),
                        email,
                        "",
                        _birthday(rng),
                        c == 0,
                        created,
                    )
                )
                contact_id += 1
                people.append((person, mobile, phone))
            times = sorted(  # never before the customer was created
                now - rng.random() * min(year, now - created)
                for _ in range(rng.choice((0, 1, 1, 2, 3)))
            )
            next_at = None
            if times and rng.random() < 0.5:  # planned at the last contact; some overdue now
                next_at = max(times[-1] + timedelta(days=1),
                              now + timedelta(days=rng.uniform(-30, 30)))  # fmt: skip
            for k, at in enumerate(times):
                kind = rng.choice(kinds)
                planned = next_at if k == len(times) - 1 else None  # as the log would hold it
                fus.append(
                    (follow_id, cid, owner, kind, rng.choice(FOLLOW_UP_TEXTS[kind]), at, planned,
                     at)
                )  # fmt: skip
                follow_id += 1
            last = times[-1] if times else None
            updated = max(created, last) if last else created
            # A fifth of the customers carry a tag or two.
            customer_tags = (
                sorted(rng.sample(TAGS, rng.choice((1, 1, 2)))) if rng.random() < 0.2 else []
            )
            # A fifth sit in a pool: released by their owner with a reason, or recycled.
            level = rng.choices("ABC", (15, 35, 50))[0]
            status = rng.choices(("lead", "prospect", "customer", "lost"), (30, 35, 28, 7))[0]
            spot = place(rng, pools, users[owner], (industry, province, level), updated, now,
                         pooled)  # fmt: skip
            received = None
            if spot is None:
                received = received_at(rng, pools, users[owner], (industry, province, level,
                                       status, created, last), now)  # fmt: skip
            if spot is not None:  # let go after its last follow-up, which stays on record
                updated, next_at = spot.entered_at, None  # a plan is its owner's
            holder = None if spot is not None else owner
            cust.append(
                (
                    cid,
                    name,
                    level,
                    industry,
                    province,
                    city,
                    _street(rng, city),
                    rng.choice(SIZES),
                    rng.choice(SOURCES),
                    status,
                    ",".join(customer_tags),
                    "",
                    holder,
                    owner,
                    owner,
                    created,
                    updated,
                    last,
                    next_at,
                    None,
                    None,
                    1,
                    team_of.get(holder),
                    people[0][0] if people else "",
                    people[0][1] if people else "",
                    sort_key(name),  # as the program writes it: duplicates are found by it
                    _key(province),
                    _key(city),
                    owner_keys[owner] if holder else "",
                    spot.pool_id if spot else None,
                    spot.entered_at if spot else None,
                    spot.released_by_id if spot else None,
                    spot.code if spot else "",
                    received,  # when the owner received it: the recycle rules' clock
                )
            )
            evs.append((event_id, cid, None, owner, "created", "", "", owner, created, None))
            event_id += 1
            if spot is not None:
                actor = owner if spot.kind == "released" else None
                evs.append((event_id, cid, owner, None, spot.kind, spot.code, spot.text, actor,
                            spot.entered_at, spot.pool_id))  # fmt: skip
                event_id += 1
            bodies.append((cid, search.build_body(name, people)))
            tag_rows.extend((cid, t) for t in customer_tags)
        _insert_chunk(db, cust, cont, fus, evs, bodies, tag_rows)
        n_contacts += len(cont)
        n_follow += len(fus)
        done += size
        if progress:
            progress(done, customers)
    with db.engine.begin() as conn:
        reset_id_sequences(conn, ["customers", "contacts", "follow_ups", "ownership_events"])
    if deals:  # the owned customers' deals, contracts for most won ones, targets, work reports
        from crmdesk.models import demo_contracts, demo_deals, demo_targets, demo_work_reports

        with db.writing() as s:  # across the pipeline, with their history
            made = demo_deals.add_demo_deals(s, now, rng=random.Random(seed + 1))
        with db.writing() as s:  # plans, payments and invoices too
            signed = demo_contracts.add_demo_contracts(s, now, rng=random.Random(seed + 2))
        with db.writing() as s:  # the year's, paced by each rep's rows above
            demo_targets.add_demo_targets(s, now, rng=random.Random(seed + 3))
        with db.writing() as s:  # the last two weeks', their figures from the rows above
            demo_work_reports.add_demo_work_reports(s, now, random.Random(seed + 4))
    refresh_statistics(db)
    n_deals = made.deals if deals else 0
    n_contracts = signed.contracts if deals else 0
    return DemoResult(len(owners), customers, n_contacts, n_follow, n_deals, n_contracts)


_CUSTOMER_COLS = [
    "id",
    "name",
    "level",
    "industry",
    "province",
    "city",
    "address",
    "company_size",
    "source",
    "status",
    "tags",
    "notes",
    "owner_id",
    "created_by_id",
    "updated_by_id",
    "created_at",
    "updated_at",
    "last_follow_up_at",
    "next_follow_up_at",
    "deleted_at",
    "deleted_by_id",
    "version",
    "team_id",
    "contact_name",
    "contact_mobile",
    "name_sort",
    "province_sort",
    "city_sort",
    "owner_sort",
    "pool_id",
    "pool_entered_at",
    "released_by_id",
    "release_code",
    "received_at",
]
_CONTACT_COLS = [
    "id",
    "customer_id",
    "name",
    "title",
    "mobile",
    "phone",
    "mobile_digits",
    "phone_digits",
    "email",
    "wechat",
    "birthday",
    "is_primary",
    "created_at",
]
_FOLLOW_COLS = [
    "id",
    "customer_id",
    "author_id",
    "kind",
    "content",
    "happened_at",
    "next_follow_up_at",
    "created_at",
]
_EVENT_COLS = [
    "id",
    "customer_id",
    "from_owner_id",
    "to_owner_id",
    "kind",
    "reason_code",
    "reason_text",
    "actor_id",
    "at",
    "pool_id",
]


def _insert_chunk(db: Database, cust, cont, fus, evs, bodies, tag_rows) -> None:
    tables = (
        (Customer.__table__, _CUSTOMER_COLS, cust),
        (Contact.__table__, _CONTACT_COLS, cont),
        (FollowUp.__table__, _FOLLOW_COLS, fus),
        (OwnershipEvent.__table__, _EVENT_COLS, evs),
        (CustomerTag.__table__, ["customer_id", "tag"], tag_rows),
    )
    if db.dialect == "sqlite":
        # Raw executemany is ~2.5x faster than Core on SQLite (ARCHITECTURE §8).
        raw = db.engine.raw_connection()
        try:
            cur = raw.cursor()
            # 13 indexes and two FTS indexes take random writes: a big page cache keeps a 1M-row
            # build from thrashing (the connection default is 2 MB).
            cur.execute("PRAGMA cache_size=-262144")
            cur.execute("BEGIN IMMEDIATE")
            for table, cols, rows in tables:
                marks = ",".join("?" * len(cols))
                cur.executemany(f"INSERT INTO {table.name}({','.join(cols)}) VALUES({marks})", rows)
            search.bulk_index_sqlite(cur, bodies)
            cur.execute("COMMIT")
        except Exception:
            raw.rollback()
            raise
        finally:
            raw.close()
        return
    with db.engine.begin() as conn:
        for table, cols, rows in tables:
            if rows:
                conn.execute(insert(table), [dict(zip(cols, r, strict=True)) for r in rows])
        conn.execute(
            insert(search.CustomerSearch.__table__),
            [{"customer_id": i, "body": b} for i, b in bodies],
        )
        conn.execute(insert(search.CustomerGrams.__table__), search.grams_rows(bodies))
