"""A pool's list: its query (search and filters), pages, counts and ids, and the masking of
contact details that leaves this module already done.

Phones, mobiles, e-mail and WeChat of a customer in a pool are shown masked (138****5678,
z***@example.com) to everyone but the pool's admins: the rows built here carry the masked
value, so no list, detail or export can show more. A search by a full phone number still finds
a pool customer (duplicate checks) without revealing the number: the search runs on the
stored text, the row shows the mask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from crmdesk.models import pinyin, search
from crmdesk.models.checks import MAX_ID, check_page, clean_search, strip_bad_characters
from crmdesk.models.dialects import no_index
from crmdesk.models.errors import PermissionDenied
from crmdesk.models.phones import MIN_KEY_DIGITS, phone_key
from crmdesk.models.policy import sells
from crmdesk.models.pool import PoolRow, visible_pool
from crmdesk.models.regions import PROVINCES
from crmdesk.models.schema import Contact, Customer, ReleaseReason, User
from crmdesk.models.users import UserRow, list_users


def mask_phone(value: str) -> str:
    """138****5678: of the national number, the first three and last four digits of eight or
    more; shorter ones keep only their last two. A country code (+86, 0086) stays as written."""
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    if not digits:
        return "****" if value else ""
    national = digits[_country_code_digits(value) :]
    keep = set(national[:3] + national[-4:]) if len(national) >= 8 else set(national[-2:])
    keep.update(digits[: len(digits) - len(national)])
    return "".join(ch if i in keep or not ch.isdigit() else "*" for i, ch in enumerate(value))


def _country_code_digits(value: str) -> int:
    """How many leading digits are a country code: +CC or 00CC, CC being the digits up to the
    first separator (at most three), or 86 written without one."""
    text = value.strip()
    if text.startswith("+"):
        lead, text = 0, text[1:]
    elif text.startswith("00"):
        lead, text = 2, text[2:]
    else:
        return 0
    run = len(text) - len(text.lstrip("0123456789"))
    if run <= 3:
        return lead + run
    return lead + (2 if text.startswith("86") else 0)


def mask_email(value: str) -> str:
    """z***@example.com"""
    if "@" not in value:
        return mask_text(value)
    user, _at, domain = value.partition("@")
    return f"{user[:1]}***@{domain}"


def mask_text(value: str) -> str:
    """A WeChat id or any other handle: its first character, then ***."""
    return f"{value[:1]}***" if value else ""


def member_search(text: str) -> tuple[str, str | None]:
    """(the text to search, a whole phone number's key or None) for a pool's member, who sees
    its phones masked: a whole number still finds its customer (a duplicate check), but no
    part of one does, else the hidden digits could be read one search at a time (138****5678:
    search 1381, 1382 …). So digits only ever match as a whole number; a name's digits are not
    searched for members."""
    if not any(ch.isdigit() for ch in text):
        return text, None
    if search.is_phone_like(text.strip()):
        key = phone_key(text)
        return "", key if len(key) >= MIN_KEY_DIGITS else None
    return re.sub(r"[0-9０-９]+", " ", text).strip(), None


@dataclass(frozen=True)
class PoolQuery:
    """What a pool's list shows. Saved views store it like the customer list's query."""

    pool_id: int = 0
    search: str = ""
    level: str = ""
    industry: str = ""
    province: str = ""
    company_size: str = ""
    source: str = ""
    min_days: int = 0  # in the pool for at least this many days
    released_by_id: int | None = None
    release_code: str = ""
    sort: str = "pool_entered_at"
    descending: bool = True

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict) -> PoolQuery:
        known = {f.name for f in fields(cls)}
        return clean_pool_query(cls(**{k: v for k, v in data.items() if k in known}))


SORT_KEYS = {
    "pool_entered_at": Customer.pool_entered_at,
    "name": (Customer.name_sort, Customer.name),
    "level": Customer.level,
    "industry": Customer.industry,
    "province": (Customer.province_sort, Customer.province),
    "last_follow_up_at": Customer.last_follow_up_at,
    "created_at": Customer.created_at,
}


def clean_pool_query(query: PoolQuery) -> PoolQuery:
    """Never fails: odd values (a saved view written by hand) narrow or widen sensibly."""

    def text(value: object) -> str:
        return strip_bad_characters(value)[:200] if isinstance(value, str) else ""

    def whole(value: object, high: int) -> int:
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= high
        return value if ok else 0

    released = query.released_by_id
    if released is not None and (isinstance(released, bool) or not isinstance(released, int)
                                 or not 0 <= released <= MAX_ID):  # fmt: skip
        released = 0  # matches nobody
    return replace(
        query,
        pool_id=whole(query.pool_id, MAX_ID),
        search=clean_search(query.search),
        level=text(query.level),
        industry=text(query.industry),
        province=text(query.province),
        company_size=text(query.company_size),
        source=text(query.source),
        min_days=whole(query.min_days, 36500),
        released_by_id=released,
        release_code=text(query.release_code),
        sort=query.sort if query.sort in SORT_KEYS else "pool_entered_at",
        descending=bool(query.descending),
    )


@dataclass(frozen=True)
class PoolCustomerRow:
    id: int
    name: str
    level: str
    industry: str
    province: str
    city: str
    company_size: str
    source: str
    contact_name: str
    contact_mobile: str  # masked unless the reader administers the pool
    pool_entered_at: datetime | None
    released_by_id: int | None
    released_by_name: str
    release_code: str
    last_follow_up_at: datetime | None
    created_at: datetime
    release_label: str = ""  # an admin's own release reason's words (built-in codes: "")


def pool_conditions(
    session: Session, actor: UserRow, query: PoolQuery, now: datetime, *, for_page: bool = False
) -> tuple[PoolRow, list[ColumnElement[bool]]]:
    """(the pool, the WHERE of its list). A pool the actor may not see does not exist."""
    query = clean_pool_query(query)
    pool = visible_pool(session, actor, query.pool_id)
    dialect = session.get_bind().dialect.name
    text, phone = (query.search, None) if pool.is_admin(actor) else member_search(query.search)
    condition, selective = search.search_condition(session, text, for_page)
    if phone is not None:  # a whole number, compared by its key as duplicate checks do
        numbers = or_(Contact.mobile_digits == phone, Contact.phone_digits == phone)
        by_phone = Customer.id.in_(select(Contact.customer_id).where(numbers))
        condition = by_phone if condition is None else and_(condition, by_phone)
        selective = True
    elif text != query.search and not text:
        condition = false()  # only digits, and not a whole number: nothing to find
    hinted = for_page and not selective

    def col(column):
        return no_index(column, dialect) if hinted else column

    where: list[ColumnElement[bool]] = [
        Customer.pool_id == pool.id,
        Customer.deleted_at.is_(None),
    ]
    for column, value in (
        (Customer.level, query.level),
        (Customer.industry, query.industry),
        (Customer.province, query.province),
        (Customer.company_size, query.company_size),
        (Customer.source, query.source),
        (Customer.release_code, query.release_code),
    ):
        if value:
            where.append(col(column) == value)
    if query.released_by_id is not None:
        where.append(col(Customer.released_by_id) == query.released_by_id)
    if query.min_days:
        where.append(Customer.pool_entered_at <= now - timedelta(days=query.min_days))
    if condition is not None:
        where.append(condition)
    return pool, where


def _order(query: PoolQuery) -> list:
    key = SORT_KEYS[clean_pool_query(query).sort]
    columns = (*(key if isinstance(key, tuple) else (key,)), Customer.id)
    return [c.desc() if query.descending else c.asc() for c in columns]


def _statement(session, actor, query, now) -> tuple[PoolRow, Select]:
    pool, where = pool_conditions(session, actor, query, now, for_page=True)
    released = aliased(User, name="released_by")
    stmt = (
        select(
            Customer.id,
            Customer.name,
            Customer.level,
            Customer.industry,
            Customer.province,
            Customer.city,
            Customer.company_size,
            Customer.source,
            Customer.contact_name,
            Customer.contact_mobile,
            Customer.pool_entered_at,
            Customer.released_by_id,
            func.coalesce(released.name, ""),
            Customer.release_code,
            Customer.last_follow_up_at,
            Customer.created_at,
            func.coalesce(ReleaseReason.label, ""),
        )  # fmt: skip
        .outerjoin(released, released.id == Customer.released_by_id)
        .outerjoin(ReleaseReason, ReleaseReason.code == Customer.release_code)
        .where(*where)
        .order_by(*_order(query))
    )
    return pool, stmt


def list_pool(
    session: Session,
    actor: UserRow,
    query: PoolQuery,
    now: datetime,
    offset: int = 0,
    limit: int = 100,
) -> list[PoolCustomerRow]:
    offset, limit = check_page(offset, limit)
    pool, stmt = _statement(session, actor, query, now)
    rows = [PoolCustomerRow(*r) for r in session.execute(stmt.offset(offset).limit(limit))]
    if pool.is_admin(actor):
        return rows
    return [replace(r, contact_mobile=mask_phone(r.contact_mobile)) for r in rows]


def count_pool(session: Session, actor: UserRow, query: PoolQuery, now: datetime) -> int:
    _pool, where = pool_conditions(session, actor, query, now)
    return session.scalar(select(func.count()).select_from(Customer).where(*where)) or 0


def pool_ids(
    session: Session,
    actor: UserRow,
    query: PoolQuery,
    now: datetime,
    offset: int = 0,
    limit: int = 100,
) -> list[int]:
    offset, limit = check_page(offset, limit, 100_000)
    _pool, where = pool_conditions(session, actor, query, now, for_page=True)
    stmt = select(Customer.id).where(*where).order_by(*_order(query)).offset(offset).limit(limit)
    return list(session.scalars(stmt))


@dataclass(frozen=True)
class PoolChoices:
    """What a pool's filters offer: values its customers have (pinyin order), who released
    them, and the release reasons in use."""

    industries: tuple[str, ...]
    provinces: tuple[str, ...]
    sources: tuple[str, ...]
    released_by: tuple[tuple[int, str], ...]


def pool_choices(session: Session, actor: UserRow, pool_id: int) -> PoolChoices:
    """Industry and source candidates come from each column's index and are kept if a customer
    of this pool has them (a probe that stops at the first), like customer_list.filter_choices;
    provinces are China's 34 (a probe per province walked a big pool for each one missing);
    who released them is one pass over the pool's rows."""
    pool = visible_pool(session, actor, pool_id)
    other = aliased(Customer)
    here = [other.pool_id == pool.id, other.deleted_at.is_(None)]

    def distinct(column) -> list[str]:
        values = select(column.label("v")).where(column != "").distinct().subquery()
        probe = exists().where(getattr(other, column.key) == values.c.v, *here)
        return list(session.scalars(select(values.c.v).where(probe)))

    ids = select(other.released_by_id).where(*here, other.released_by_id.is_not(None)).distinct()
    people = select(User.id, User.name).where(User.id.in_(ids.scalar_subquery()))
    released = session.execute(people.order_by(User.name_sort, User.name, User.id)).all()
    return PoolChoices(
        tuple(pinyin.sorted_by_pinyin(distinct(Customer.industry))),
        tuple(pinyin.sorted_by_pinyin(PROVINCES)),
        tuple(pinyin.sorted_by_pinyin(distinct(Customer.source))),
        tuple((uid, name) for uid, name in released),
    )


def pool_members(session: Session, actor: UserRow, pool_id: int) -> list[UserRow]:
    """Whom the pool's admin may hand its customers to: its active members who sell, in pinyin
    order."""
    pool = visible_pool(session, actor, pool_id)
    if not pool.is_admin(actor):
        raise PermissionDenied(action="assign_from_pool", pool_id=pool_id)
    members = [u for u in list_users(session) if pool.is_member(u) and sells(u)]
    return members  # in pinyin order, as list_users reads them (User.name_sort)
