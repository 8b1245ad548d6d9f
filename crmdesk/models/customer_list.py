"""The customer list: the query object (search, filters, sort), its SQL conditions, pages,
counts, ids for bulk actions, the filter choices and the recycle bin's list."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime

from sqlalchemy import ColumnElement, Select, exists, false, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from crmdesk.models import pinyin, regions, search, tags
from crmdesk.models.checks import MAX_ID, check_page, clean_search, strip_bad_characters
from crmdesk.models.dialects import in_id_order, no_index
from crmdesk.models.policy import assignable_users, see_condition, shared_condition
from crmdesk.models.schema import Customer, CustomerSearch, User
from crmdesk.models.users import UserRow

SCOPES = ("mine", "team", "all", "shared")  # shared: those shared with me (collaborators.py)
MAX_ID_RANGE = 1_000_000  # rows whose ids one customer_ids call returns


@dataclass(frozen=True)
class CustomerQuery:
    """What the customer list shows: a search, filters and a sort. Saved views store this."""

    search: str = ""
    scope: str = "all"  # mine / team / all / shared, narrowed to what the actor may see anyway
    owner_id: int | None = None
    level: str = ""
    industry: str = ""
    province: str = ""
    status: str = ""
    source: str = ""
    overdue: bool = False
    tags: tuple[str, ...] = ()  # customers carrying every one of these
    sort: str = "updated_at"
    descending: bool = True

    def to_dict(self) -> dict:
        return {
            f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v
            for f in fields(self)
        }

    @classmethod
    def from_dict(cls, data: dict) -> CustomerQuery:
        known = {f.name for f in fields(cls)}
        return clean_query(cls(**{k: v for k, v in data.items() if k in known}))


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    level: str
    status: str
    industry: str
    province: str
    city: str
    source: str
    company_size: str
    tags: str
    owner_id: int | None
    owner_name: str
    contact_name: str
    contact_mobile: str
    last_follow_up_at: datetime | None
    next_follow_up_at: datetime | None
    created_at: datetime
    updated_at: datetime
    # Days until the recycle pass sends it back to a pool, inside the pool's warning window
    # (0: at the next pass); None: not about to go (today.with_recycle_dates fills it in).
    recycle_in: int | None = None


@dataclass(frozen=True)
class DeletedCustomerRow:
    id: int
    name: str
    owner_name: str
    deleted_at: datetime
    deleted_by_name: str


@dataclass(frozen=True)
class FilterChoices:
    industries: tuple[str, ...]
    provinces: tuple[str, ...]
    sources: tuple[str, ...]
    owners: tuple[UserRow, ...]
    tags: tuple[str, ...] = ()


# Names, provinces, cities and owners sort in pinyin order by their stored keys (pinyin.py),
# the value itself breaking ties between equal keys; each tuple is exactly an index.
SORT_KEYS = {
    "name": (Customer.name_sort, Customer.name),
    "level": Customer.level,
    "status": Customer.status,
    "industry": Customer.industry,
    "province": (Customer.province_sort, Customer.province),
    "city": (Customer.city_sort, Customer.city),
    "source": Customer.source,
    # Owners in pinyin order, each one's customers by id (newest first when descending):
    # exactly ix_customers_owner_sort, which leaves updated_at out (see schema.Customer).
    "owner": (Customer.owner_sort, Customer.owner_id),
    "last_follow_up_at": Customer.last_follow_up_at,
    "next_follow_up_at": Customer.next_follow_up_at,
    "created_at": Customer.created_at,
    "updated_at": Customer.updated_at,
}


def clean_query(query: CustomerQuery) -> CustomerQuery:
    """A query any caller (or a saved view written by an older program) may have filled oddly,
    made safe to run: it never fails, it narrows or widens to something sensible."""

    def text(value: object) -> str:
        return strip_bad_characters(value)[:200] if isinstance(value, str) else ""

    owner = query.owner_id
    if owner is not None and (isinstance(owner, bool) or not isinstance(owner, int)):
        owner = 0
    elif owner is not None and not 0 <= owner <= MAX_ID:
        owner = 0  # matches nobody, as an unknown owner should
    return replace(
        query,
        search=clean_search(query.search),
        scope=query.scope if query.scope in SCOPES else "all",
        owner_id=owner,
        level=text(query.level),
        industry=text(query.industry),
        province=text(query.province),
        status=text(query.status),
        source=text(query.source),
        overdue=bool(query.overdue),
        tags=tags.check_filter(query.tags),
        sort=query.sort if query.sort in SORT_KEYS else "updated_at",
        descending=bool(query.descending),
    )


def owner_alias():
    return aliased(User, name="owner")


def conditions(
    session: Session,
    actor: UserRow,
    query: CustomerQuery,
    now: datetime,
    *,
    for_page: bool = False,
    deleted: bool = False,
    part: str = "both",
) -> list[ColumnElement[bool]]:
    """The WHERE of the list (or of the recycle bin, deleted=True); part: "owned" or "shared"
    (only those not seen otherwise; [] if none), see _parts. For a page (ORDER BY … LIMIT) on
    SQLite the filters carry a planner hint so the sort column's index drives (no_index), but
    for a selective search (by id) and a rep's own list by date ((owner_id, updated_at))."""
    query = clean_query(query)
    dialect = session.get_bind().dialect.name
    condition, selective = search.search_condition(session, query.search, for_page)
    hinted = for_page and not selective and not deleted

    def col(column):
        return no_index(column, dialect) if hinted else column

    # owner_id = X sorted by date is the (owner_id, updated_at) index; a team is a quarter of
    # the customers, so a team's page always walks the sort index (a rep's list by owner too:
    # one owner's stretch of the owner-sort index, in id order).
    owner = Customer.owner_id if query.sort == "updated_at" else col(Customer.owner_id)
    team = col(Customer.team_id)
    seen = see_condition(actor, owner, team)
    # Customers shared with the actor: in "all I can see" and in "shared with me"; none (the
    # common case) adds nothing (policy.shared_condition).
    widened = query.scope == "shared" or (query.scope == "all" and not actor.is_admin)
    shared = None
    if widened and not deleted and part != "owned":
        shared = shared_condition(session, actor, hidden_only=query.scope != "shared")
    if query.scope == "shared":
        seen = false() if shared is None else shared
    elif part == "shared":
        if shared is None:
            return []
        seen = shared
    elif shared is not None:
        seen = or_(seen, shared)
    where: list[ColumnElement[bool]] = [
        Customer.deleted_at.is_not(None) if deleted else Customer.deleted_at.is_(None),
        seen,
    ]
    if actor.is_admin and not deleted:
        # The pools' customers are the pool page's: a live customer is owned or in a pool, and
        # owner_id (unlike pool_id) is in the index the admin's count reads alone.
        where.append(col(Customer.owner_id).is_not(None))
    if query.scope == "mine":
        where.append(owner == actor.id)
    elif query.scope == "team" and actor.team_id is not None:
        where.append(team == actor.team_id)
    sees_a_team = actor.team_id is not None and (
        query.scope == "team" or (actor.is_manager and not actor.is_admin)
    )
    narrowing = query.scope in ("team", "all") and shared is None  # no shares of other teams
    if for_page and query.sort == "owner" and narrowing and sees_a_team:
        # The team's owners, as the index's leading column: walking ix_customers_owner and
        # skipping the other teams' owners read 750,000 rows first (2 s; MariaDB >15 s).
        members = session.execute(
            select(User.id, User.name_sort).where(User.team_id == actor.team_id)
        ).all()
        where.append(Customer.owner_sort.in_(sorted({key for _, key in members})))
        where.append(Customer.owner_id.in_([i for i, _ in members]))
    if query.owner_id is not None:
        where.append(owner == query.owner_id)
    if query.province:  # by its key too, the leading column of the province's index
        where.append(col(Customer.province_sort) == pinyin.sort_key(query.province)[:60])
    for column, value in (
        (Customer.level, query.level),
        (Customer.industry, query.industry),
        (Customer.province, query.province),
        (Customer.status, query.status),
        (Customer.source, query.source),
    ):
        if value:
            where.append(col(column) == value)
    if query.overdue:
        where.append(col(Customer.next_follow_up_at) < now)
    where.extend(tags.tagged(session, query.tags, for_page and not deleted))
    if condition is not None:
        where.append(condition)
    return where


def _parts(
    session: Session, actor: UserRow, query: CustomerQuery, now: datetime, for_page: bool
) -> list[list[ColumnElement[bool]]]:
    """The WHERE as one part, or two disjoint ones when customers are shared with a rep or a
    manager beyond what they see anyway ("all I can see"): theirs (the WHERE the list had before
    collaborators: its index walks stay) and the shared. A page tops each, a count adds them."""
    query = clean_query(query)
    if query.scope != "all" or actor.is_admin:
        return [conditions(session, actor, query, now, for_page=for_page)]
    shared = conditions(session, actor, query, now, for_page=for_page, part="shared")
    owned = conditions(session, actor, query, now, for_page=for_page, part="owned")
    return [owned, shared] if shared else [owned]


# Where a full count of a long list cannot take under 0.3 s, the list's count stops here and
# the list says "More than 1,000 customers" until someone asks for the full count or scrolls to
# its end. 1,000, not 10,000: a common term's matches are found by testing rows one by one,
# ~12 rows per match for 科技 (8.3%), and 120,000 tests took 0.4-0.7 s on both servers.
COUNT_CAP = 1_000


def count_cap(dialect: str) -> int | None:
    """The servers count a long list only as far as COUNT_CAP (see count_customers for when
    they go on). SQLite counts 1M in 40-180 ms from its indexes, FTS included: no cap."""
    return None if dialect == "sqlite" else COUNT_CAP


def _full_count_is_fast(dialect: str, query: CustomerQuery) -> bool:
    """PostgreSQL counts an unsearched list of 1M from an index in ~60 ms (after VACUUM: see
    dialects.refresh_statistics). MariaDB reads ~1M index entries a second and has no partial
    index for the live rows (0.8-1.4 s for 1M, a team's 250k or a rep's 40k), and counting a
    common search term's 83,000 matches took 0.4 s (PostgreSQL) to 4 s (MariaDB)."""
    return dialect == "postgresql" and not clean_search(query.search)


def count_statement(
    session: Session,
    actor: UserRow,
    query: CustomerQuery,
    now: datetime,
    at_most: int | None = None,
) -> Select:
    query = clean_query(query)
    if at_most is not None and session.get_bind().dialect.name == "mysql" and query.search:
        return _up_to(_mysql_searched_ids(session, actor, query, now), at_most)
    counts = [
        select(func.count()).select_from(Customer).where(*where)
        if at_most is None
        else _up_to(select(Customer.id).where(*where), at_most)
        for where in _parts(session, actor, query, now, for_page=False)
    ]
    if len(counts) == 1:
        return counts[0]
    return select(counts[0].scalar_subquery() + counts[1].scalar_subquery())


def _up_to(ids: Select, at_most: int) -> Select:
    """How many ids the statement yields, counting no further than at_most + 1."""
    return select(func.count()).select_from(ids.limit(at_most + 1).subquery())


def _mysql_searched_ids(
    session: Session, actor: UserRow, query: CustomerQuery, now: datetime
) -> Select:
    """MariaDB, a searched list to count up to a cap: the rows are tested in id order, which
    reads customer_search in its own order. Through the team's, the owner's or the date index
    every test was a random read: counting 科技 to 1,000 took 0.6-0.9 s for a team (0.1-0.2 s
    in id order) and 0.45-0.55 s for a rep (0.1-0.2 s: the rep's ids, sorted, then their
    texts). A rare term's id set is read by primary key anyway."""
    condition, drives = search.search_condition(session, query.search)
    where = conditions(session, actor, replace(query, search=""), now)
    owners_only = not actor.is_admin and not (actor.is_manager and actor.team_id is not None)
    if drives or condition is None:
        return select(Customer.id).where(*where, *([] if condition is None else [condition]))
    if not owners_only and query.scope != "mine" and query.owner_id is None:
        return in_id_order(select(Customer.id).where(*where, condition), Customer, "mysql")
    # A limit keeps MariaDB from merging the sorted ids back into the outer query.
    ids = select(Customer.id).where(*where).order_by(Customer.id).limit(MAX_ID).subquery()
    return (
        select(ids.c.id)
        .prefix_with("STRAIGHT_JOIN")  # the ids first, in their order, then each one's text
        .join(CustomerSearch, CustomerSearch.customer_id == ids.c.id)
        .where(*search.text_likes(query.search))
    )


def count_customers(
    session: Session,
    actor: UserRow,
    query: CustomerQuery,
    now: datetime,
    at_most: int | None = None,
) -> int:
    """How many customers the list holds. Given at_most, it stops counting at at_most + 1
    (which then means "more than at_most") where counting on would be slow; where it would not
    (_full_count_is_fast), it counts in full."""
    if at_most is not None and _full_count_is_fast(session.get_bind().dialect.name, query):
        at_most = None
    found = session.scalar(count_statement(session, actor, query, now, at_most)) or 0
    return found if at_most is None else min(found, at_most + 1)  # two parts add up


def _order(query: CustomerQuery, reverse: bool = False) -> list:
    key = SORT_KEYS[query.sort]
    columns = (*(key if isinstance(key, tuple) else (key,)), Customer.id)  # id breaks ties
    descending = query.descending != reverse
    return [c.desc() if descending else c.asc() for c in columns]


def _list_statement(session, actor, query, now, reverse=False, offset=0, limit=None) -> Select:
    """A page (no limit: the whole list, one WHERE). Two parts (_parts): the top offset + limit
    ids of each, each by its own index, then the page of those."""
    query = clean_query(query)
    order = _order(query, reverse)
    parts = [conditions(session, actor, query, now, for_page=True)]
    if limit is not None:
        parts = _parts(session, actor, query, now, for_page=True)
    stmt = _columns(owner_alias())
    if len(parts) == 1:
        stmt = stmt.where(*parts[0]).order_by(*order)
        return stmt if limit is None else stmt.offset(offset).limit(limit)
    tops = [
        select(Customer.id).where(*where).order_by(*order).limit(offset + limit).subquery()
        for where in parts
    ]
    ids = union_all(*(select(top.c.id) for top in tops)).subquery()
    stmt = stmt.join(ids, ids.c.id == Customer.id)
    return stmt.order_by(*order).offset(offset).limit(limit)


def _columns(owner) -> Select:
    """CustomerRow's columns, in its order."""

    def of(names: str) -> list:
        return [getattr(Customer, name) for name in names.split()]

    return select(
        *of("id name level status industry province city source company_size tags owner_id"),
        func.coalesce(owner.name, ""),
        *of(
            "contact_name contact_mobile last_follow_up_at next_follow_up_at created_at updated_at"
        ),
    ).outerjoin(owner, owner.id == Customer.owner_id)


def list_customers(
    session: Session,
    actor: UserRow,
    query: CustomerQuery,
    now: datetime,
    offset: int = 0,
    limit: int = 100,
    total: int | None = None,
) -> list[CustomerRow]:
    """Rows offset … offset+limit. Given the total, a page in the far half is read from the
    end in the reversed order: OFFSET walks every row it skips (the last page of 1M rows took
    ~1.9 s), and the reversed order is exact on every backend, whose NULLs swap ends with the
    direction too."""
    offset, limit = check_page(offset, limit)
    if isinstance(total, int) and not isinstance(total, bool) and total // 2 < offset < total:
        rows = min(limit, total - offset)
        stmt = _list_statement(session, actor, query, now, True, total - offset - rows, rows)
        return [CustomerRow(*row) for row in reversed(session.execute(stmt).all())]
    stmt = _list_statement(session, actor, query, now, False, offset, limit)
    return [CustomerRow(*row) for row in session.execute(stmt)]


def customer_ids(
    session: Session,
    actor: UserRow,
    query: CustomerQuery,
    now: datetime,
    offset: int = 0,
    limit: int = 100,
) -> list[int]:
    """The ids of rows offset … offset+limit of the list, in its order: what a selection of
    rows that were never loaded stands for. One query for the whole range (up to MAX_ID_RANGE
    rows), ids only: no owner join, no contact subqueries."""
    query = clean_query(query)
    where = conditions(session, actor, query, now, for_page=True)
    return _id_range(session, where, _order(query), offset, limit)


def _id_range(session: Session, where: list, order: list, offset: int, limit: int) -> list[int]:
    offset, limit = check_page(offset, limit, MAX_ID_RANGE)
    stmt = select(Customer.id).where(*where).order_by(*order).offset(offset).limit(limit)
    return list(session.scalars(stmt))


def filter_choices(session: Session, actor: UserRow) -> FilterChoices:
    """The values the filters offer, in pinyin order: only those of customers the actor may
    see (recycle bin included), so a hidden team's free text never shows; provinces always
    offer all of China's 34 (regions.PROVINCES) besides. Candidates come from the column's
    index (cheap even at 1M rows); each is kept if one visible customer has it, a probe that
    stops at the first visible row."""

    def distinct(column) -> list[str]:
        values = select(column.label("v")).where(column != "").distinct().subquery()
        if actor.is_admin:
            stmt = select(values.c.v)
        else:
            other = aliased(Customer)
            visible = see_condition(actor, other.owner_id, other.team_id)
            probe = exists().where(getattr(other, column.key) == values.c.v, visible)
            stmt = select(values.c.v).where(probe)
        return list(session.scalars(stmt))

    provinces = set(distinct(Customer.province)) | set(regions.PROVINCES)
    return FilterChoices(
        tuple(pinyin.sorted_by_pinyin(distinct(Customer.industry))),
        tuple(pinyin.sorted_by_pinyin(provinces)),
        tuple(pinyin.sorted_by_pinyin(distinct(Customer.source))),
        tuple(assignable_users(session, actor)),
        tuple(tags.tag_names(session, actor)),
    )


def _deleted_order() -> list:
    return [Customer.deleted_at.desc(), Customer.id.desc()]  # newest deletion first


def list_deleted(
    session: Session,
    actor: UserRow,
    query: CustomerQuery,
    now: datetime,
    offset: int = 0,
    limit: int = 100,
) -> list[DeletedCustomerRow]:
    """The recycle bin, newest deletion first, filtered like the list."""
    offset, limit = check_page(offset, limit)
    owner, deleter = owner_alias(), aliased(User, name="deleter")
    stmt = (
        select(
            Customer.id,
            Customer.name,
            func.coalesce(owner.name, ""),
            Customer.deleted_at,
            func.coalesce(deleter.name, ""),
        )
        .outerjoin(owner, owner.id == Customer.owner_id)
        .outerjoin(deleter, deleter.id == Customer.deleted_by_id)
        .where(*conditions(session, actor, query, now, deleted=True))
        .order_by(*_deleted_order())
        .offset(offset)
        .limit(limit)
    )
    return [DeletedCustomerRow(*row) for row in session.execute(stmt)]


def deleted_ids(
    session: Session,
    actor: UserRow,
    query: CustomerQuery,
    now: datetime,
    offset: int = 0,
    limit: int = 100,
) -> list[int]:
    """customer_ids for the recycle bin's order."""
    where = conditions(session, actor, query, now, deleted=True)
    return _id_range(session, where, _deleted_order(), offset, limit)


def count_deleted(session: Session, actor: UserRow, query: CustomerQuery, now: datetime) -> int:
    where = conditions(session, actor, query, now, deleted=True)
    return session.scalar(select(func.count()).select_from(Customer).where(*where)) or 0
