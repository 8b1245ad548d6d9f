"""The read side of the pipeline board and the deal list: the query (scope, owner, search,
expected close, stale), a board's column figures, a column's cards, the list's pages, counts and
ids, and whom the owner filter offers.

A deal whose customer sits in the recycle bin is hidden with it (as deals.read_deal hides it),
tested against the bin's few ids (ix_customers_deleted), not by reading each deal's customer: a
join read 210,000 customers for the list of every deal (200 ms of 260 on SQLite). The customer
is joined only where its name is searched, sorted by or shown (a page's rows). Money is summed
as whole cents (weighted: cents × percent), integers on every backend: SQLite keeps Numeric as a
float, whose sums drift.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import BigInteger, ColumnElement, Select, case, cast, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import false

from crmdesk.models.checks import check_id, check_page
from crmdesk.models.list_query import (
    MAX_IDS,
    SavedQuery,
    clean_day,
    cleaned_common,
    id_or_nobody,
    like_pattern,
    live_conditions,
    owner_conditions,
)
from crmdesk.models.pipeline import PipelineRow, get_pipeline
from crmdesk.models.policy import assignable_users, deal_see_condition
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_deals import Deal, Stage
from crmdesk.models.search import term_condition
from crmdesk.models.users import UserRow

CENT = Decimal("0.01")


@dataclass(frozen=True)
class BoardQuery(SavedQuery):
    """What the board and the deal list show. pipeline_id 0 (the list only): every pipeline."""

    pipeline_id: int = 0
    scope: str = "all"  # mine / team / all, narrowed to what the actor may see anyway
    owner_id: int | None = None  # one rep within the scope
    search: str = ""  # words of the deal's title or its customer's name, all of them
    close_from: date | None = None  # expected close on or after
    close_to: date | None = None  # expected close on or before
    stale_only: bool = False
    include_closed: bool = False  # the list: won and lost deals too (the board ignores it)
    sort: str = "stage_entered_at"  # the list's (SORTS); a board column's order is fixed
    descending: bool = True

    def cleaned(self) -> BoardQuery:
        return clean_query(self)


# The list's query is the board's: one filter bar and one saved view serve both.
DealQuery = BoardQuery

SORTS = ("title", "customer", "stage", "status", "amount", "probability", "owner",
         "expected_close", "stage_entered_at", "created_at", "updated_at")  # fmt: skip


@dataclass(frozen=True)
class ColumnFigures:
    stage_id: int
    count: int
    total: Decimal  # the amounts
    weighted: Decimal  # the amounts × each deal's probability (its own, else its stage's)


@dataclass(frozen=True)
class DealCard:
    id: int
    title: str
    customer_id: int
    customer_name: str
    amount: Decimal
    currency: str
    owner_id: int
    owner_name: str
    stage_id: int
    probability: int  # the deal's own, else its stage's
    expected_close: date | None
    days_in_stage: int
    stale: bool
    awaiting_approval: bool
    version: int


@dataclass(frozen=True)
class DealListRow:
    id: int
    title: str
    customer_id: int
    customer_name: str
    pipeline_id: int
    stage_id: int
    stage_name: str
    stage_code: str  # built-in stages: the views translate by it
    status: str  # open / won / lost
    amount: Decimal
    currency: str
    weighted: Decimal
    probability: int
    owner_id: int
    owner_name: str
    expected_close: date | None
    days_in_stage: int
    stale: bool
    awaiting_approval: bool
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


def clean_query(query: BoardQuery) -> BoardQuery:
    """A query any caller (or an old saved view) may have filled oddly, made safe to run."""
    return replace(
        query,
        **cleaned_common(query, SORTS, "stage_entered_at"),
        pipeline_id=id_or_nobody(query.pipeline_id),
        close_from=clean_day(query.close_from),
        close_to=clean_day(query.close_to),
        stale_only=bool(query.stale_only),
        include_closed=bool(query.include_closed),
    )


# ---------------------------------------------------------------- stale


def open_stages(session: Session, pipeline_id: int = 0) -> dict[int, int | None]:
    """stage id -> its stale days (None: never stale), for the open stages of the pipeline
    (every pipeline's: 0), active or not."""
    stmt = select(Stage.id, Stage.stale_days).where(Stage.kind == "open")
    if pipeline_id:
        stmt = stmt.where(Stage.pipeline_id == pipeline_id)
    return {sid: days for sid, days in session.execute(stmt)}


def _stale_days(pipeline: PipelineRow) -> dict[int, int]:
    return {s.id: s.stale_days for s in pipeline.open_stages if s.stale_days is not None}


def stale_condition(days_by_stage: dict[int, int], now: datetime) -> ColumnElement[bool]:
    """Deals in their stage longer than its stale days: one test per stage, as
    recycle.due_condition tests each level with its own days."""
    parts = [
        (Deal.stage_id == sid) & (Deal.stage_entered_at < now - timedelta(days=days))
        for sid, days in sorted(days_by_stage.items())
    ]
    return or_(*parts) if parts else false()


def is_stale(days_by_stage: dict[int, int], stage_id: int, entered: datetime, now: datetime):
    """stale_condition for one deal."""
    days = days_by_stage.get(stage_id)
    return days is not None and entered < now - timedelta(days=days)


def days_in_stage(entered: datetime, now: datetime) -> int:
    return max(0, (now - entered).days)


# ---------------------------------------------------------------- conditions


def conditions(
    session: Session,
    actor: UserRow,
    query: BoardQuery,
    now: datetime,
    days_by_stage: dict[int, int],
) -> list[ColumnElement[bool]]:
    """The WHERE shared by the board and the list (a search needs Customer joined)."""
    dialect = session.get_bind().dialect.name
    where: list[ColumnElement[bool]] = [
        *live_conditions(Deal.customer_id, Deal.deleted_at, dialect),
        deal_see_condition(actor),
    ]
    if query.pipeline_id:
        where.append(Deal.pipeline_id == query.pipeline_id)
    where += owner_conditions(Deal, actor, query)
    if query.close_from is not None:
        where.append(Deal.expected_close >= query.close_from)
    if query.close_to is not None:
        where.append(Deal.expected_close <= query.close_to)
    if query.stale_only:
        where.append(stale_condition(days_by_stage, now))
    for i, word in enumerate(query.search.split()):
        pattern = like_pattern(word)
        # The customer as the customer list finds it too: pinyin initials (cqxc), full pinyin,
        # contacts and phones (search.term_condition: the FTS indexes on SQLite).
        # Not for a lone character or a short number ("项目 3" means the title's 3, not every
        # customer with a 3 in a phone number).
        wide = len(word) >= 2 and (not word.isdigit() or len(word) >= 4)
        found = [term_condition(dialect, word.lower(), i)] if wide else []
        where.append(
            or_(
                Deal.title.ilike(pattern, escape="\\"),
                Customer.name.ilike(pattern, escape="\\"),
                *found,
            )
        )
    return where


def _with_customer(stmt: Select, needed: bool) -> Select:
    return stmt.join(Customer, Customer.id == Deal.customer_id) if needed else stmt


# ---------------------------------------------------------------- the board


def board_columns(
    session: Session, actor: UserRow, query: BoardQuery, now: datetime
) -> list[ColumnFigures]:
    """Every open stage of the query's pipeline in order, with its deals' count, total and
    weighted total (zeros for an empty one), from one GROUP BY."""
    query = clean_query(query)
    pipeline = get_pipeline(session, query.pipeline_id)  # NotFound: 0, unknown
    open_ids = [s.id for s in pipeline.open_stages]
    if not open_ids:
        return []
    days = _stale_days(pipeline) if query.stale_only else {}
    cents = cast(func.round(Deal.amount * 100), BigInteger)
    percent = func.coalesce(Deal.probability, Stage.probability)
    stmt = (
        _with_customer(
            select(Deal.stage_id, func.count(), func.sum(cents), func.sum(cents * percent)),
            bool(query.search),
        )
        .join(Stage, Stage.id == Deal.stage_id)
        .where(*conditions(session, actor, query, now, days), Deal.stage_id.in_(open_ids))
        .group_by(Deal.stage_id)
    )
    found = {sid: (n, total, weighted) for sid, n, total, weighted in session.execute(stmt)}
    figures = []
    for sid in open_ids:
        n, total, weighted = found.get(sid, (0, 0, 0))
        weighted = (Decimal(weighted or 0) / 10_000).quantize(CENT, rounding=ROUND_HALF_UP)
        total = (Decimal(total or 0) / 100).quantize(CENT)
        figures.append(ColumnFigures(sid, int(n), total, weighted))
    return figures


def _stage_of_board(session: Session, query: BoardQuery, stage_id: int):
    """The stage (NotFound for another pipeline's) and its stale days."""
    check_id(stage_id, "stage")
    pipeline = get_pipeline(session, query.pipeline_id)
    stage = pipeline.stage(stage_id)
    return stage, {k: v for k, v in _stale_days(pipeline).items() if k == stage.id}


def stage_cards(
    session: Session,
    actor: UserRow,
    query: BoardQuery,
    stage_id: int,
    offset: int,
    limit: int,
    now: datetime,
) -> list[DealCard]:
    """A column's cards offset … offset+limit, the newest in the stage first (the order of
    ix_deals_board)."""
    offset, limit = check_page(offset, limit)
    query = clean_query(query)
    stage, days = _stage_of_board(session, query, stage_id)
    owner = aliased(User, name="owner")
    stmt = (
        select(
            Deal.id,
            Deal.title,
            Deal.customer_id,
            Customer.name,
            Deal.amount,
            Deal.currency,
            Deal.owner_id,
            func.coalesce(owner.name, ""),
            Deal.probability,
            Deal.expected_close,
            Deal.stage_entered_at,
            Deal.awaiting_stage_id,
            Deal.version,
        )  # fmt: skip
        .join(Customer, Customer.id == Deal.customer_id)
        .outerjoin(owner, owner.id == Deal.owner_id)
        .where(*conditions(session, actor, query, now, days), Deal.stage_id == stage.id)
        .order_by(Deal.stage_entered_at.desc(), Deal.id.desc())
        .offset(offset)
        .limit(limit)
    )
    cards = []
    for row in session.execute(stmt):
        (deal_id, title, customer_id, customer, amount, currency, owner_id, owner_name,
         probability, expected, entered, awaiting, version) = row  # fmt: skip
        cards.append(DealCard(
            deal_id, title, customer_id, customer, amount, currency, owner_id, owner_name,
            stage.id, stage.probability if probability is None else probability, expected,
            days_in_stage(entered, now), is_stale(days, stage.id, entered, now),
            awaiting is not None, version,
        ))  # fmt: skip
    return cards


def count_stage(
    session: Session, actor: UserRow, query: BoardQuery, stage_id: int, now: datetime
) -> int:
    """How many cards a column holds (board_columns counts every column at once)."""
    query = clean_query(query)
    stage, days = _stage_of_board(session, query, stage_id)
    stmt = _with_customer(select(func.count()).select_from(Deal), bool(query.search))
    stmt = stmt.where(*conditions(session, actor, query, now, days), Deal.stage_id == stage.id)
    return session.scalar(stmt) or 0


# ---------------------------------------------------------------- the list


def _list_where(session: Session, actor: UserRow, query: DealQuery, now: datetime):
    stages = open_stages(session, query.pipeline_id)
    days = {k: v for k, v in stages.items() if v is not None}
    where = conditions(session, actor, query, now, days)
    if not query.include_closed:
        # The open stages too, the second column of the owner's and the team's indexes: by
        # status alone a manager's open list read every deal the team ever closed (37 ms of 40).
        where += [Deal.status == "open", Deal.stage_id.in_(sorted(stages) or [0])]
    return days, where


def _order(query: DealQuery, owner) -> list:
    """The sort's columns, then the id: equal values keep one order, so pages never overlap."""
    kind_order = case((Stage.kind == "open", 0), (Stage.kind == "won", 1), else_=2)
    keys = {
        "title": (Deal.title,),
        "customer": (Customer.name_sort, Customer.name),  # pinyin order (pinyin.py)
        "stage": (Deal.pipeline_id, kind_order, Stage.position, Stage.id),
        "status": (Deal.status,),
        "amount": (Deal.amount,),
        "probability": (func.coalesce(Deal.probability, Stage.probability),),
        "owner": (owner.name_sort, Deal.owner_id),
        "expected_close": (Deal.expected_close,),
        "stage_entered_at": (Deal.stage_entered_at,),
        "created_at": (Deal.created_at,),
        "updated_at": (Deal.updated_at,),
    }
    columns = (*keys[query.sort], Deal.id)
    order = [c.desc() if query.descending else c.asc() for c in columns]
    if query.sort == "expected_close":
        # Deals without a date last either way: the backends put NULLs at different ends.
        order.insert(0, Deal.expected_close.is_(None).asc())
    return order


def _ids_statement(session: Session, actor: UserRow, query: BoardQuery, now: datetime):
    """The list's ids in its order, joining only what the search and the sort read (the
    stale days are the rows' too)."""
    days, where = _list_where(session, actor, query, now)
    owner = aliased(User, name="owner")
    stmt = _with_customer(select(Deal.id), bool(query.search) or query.sort == "customer")
    if query.sort in ("stage", "probability"):
        stmt = stmt.join(Stage, Stage.id == Deal.stage_id)
    if query.sort == "owner":
        stmt = stmt.join(owner, owner.id == Deal.owner_id)
    return days, stmt.where(*where).order_by(*_order(query, owner))


def count_deals(session: Session, actor: UserRow, query: BoardQuery, now: datetime) -> int:
    query = clean_query(query)
    _days, where = _list_where(session, actor, query, now)
    stmt = _with_customer(select(func.count()).select_from(Deal), bool(query.search))
    return session.scalar(stmt.where(*where)) or 0


def list_deals(
    session: Session,
    actor: UserRow,
    query: BoardQuery,
    now: datetime,
    offset: int = 0,
    limit: int = 100,
) -> list[DealListRow]:
    """Rows offset … offset+limit of the list in its sort: the page's ids first, then their
    rows with names (a join before the sort read every deal's customer, stage and owner)."""
    offset, limit = check_page(offset, limit)
    query = clean_query(query)
    days, ids = _ids_statement(session, actor, query, now)
    ids = list(session.scalars(ids.offset(offset).limit(limit)))
    if not ids:
        return []
    owner = aliased(User, name="owner")
    stmt = (
        select(
            Deal.id,
            Deal.title,
            Deal.customer_id,
            Customer.name,
            Deal.pipeline_id,
            Deal.stage_id,
            Stage.name,
            Stage.code,
            Deal.status,
            Deal.amount,
            Deal.currency,
            func.coalesce(Deal.probability, Stage.probability),
            Deal.owner_id,
            func.coalesce(owner.name, ""),
            Deal.expected_close,
            Deal.stage_entered_at,
            Deal.awaiting_stage_id,
            Deal.closed_at,
            Deal.created_at,
            Deal.updated_at,
            Deal.version,
        )  # fmt: skip
        .join(Customer, Customer.id == Deal.customer_id)
        .join(Stage, Stage.id == Deal.stage_id)
        .outerjoin(owner, owner.id == Deal.owner_id)
        .where(Deal.id.in_(ids))  # at most MAX_PAGE
    )
    rows = {}
    for row in session.execute(stmt):
        (deal_id, title, customer_id, customer, pipeline_id, stage_id, stage_name, stage_code,
         status, amount, currency, probability, owner_id, owner_name, expected, entered,
         awaiting, closed_at, created_at, updated_at, version) = row  # fmt: skip
        weighted = (amount * probability / 100).quantize(CENT, rounding=ROUND_HALF_UP)
        stale = status == "open" and is_stale(days, stage_id, entered, now)
        rows[deal_id] = DealListRow(
            deal_id, title, customer_id, customer, pipeline_id, stage_id, stage_name, stage_code,
            status, amount, currency, weighted, int(probability), owner_id, owner_name, expected,
            days_in_stage(entered, now), stale, awaiting is not None, closed_at, created_at,
            updated_at, version,
        )  # fmt: skip
    return [rows[i] for i in ids if i in rows]


def deal_ids(
    session: Session,
    actor: UserRow,
    query: BoardQuery,
    now: datetime,
    offset: int = 0,
    limit: int = 100,
) -> list[int]:
    """The ids of rows offset … offset+limit in the list's order (a selection never loaded)."""
    offset, limit = check_page(offset, limit, MAX_IDS)
    _days, stmt = _ids_statement(session, actor, clean_query(query), now)
    return list(session.scalars(stmt.offset(offset).limit(limit)))


def board_owner_choices(session: Session, actor: UserRow) -> list[UserRow]:
    """Whom the owner filter offers: those the actor may hand work to (policy)."""
    return assignable_users(session, actor)
