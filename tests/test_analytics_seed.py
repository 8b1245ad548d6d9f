"""Seed data for the analytics tests (test_analytics*.py) and the plain Python that recomputes
their figures by hand from plain selects of every row: no helper of analytics*.py is called
here, so a figure and its recomputation can disagree. (No tests in this module.)

The seed: two pipelines (a second to be left out), reps of two teams and one without a team,
deals created over 14 months with back moves, skips, won and lost ones, deleted ones, lines of
three products (and lines without a product, and deals without lines), customers of several
industries and sources, a deleted customer, follow-ups of every kind, ownership events in and
out of a pool; many times a few minutes either side of a month's end in Shanghai (UTC+8)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from helpers import NOW
from sqlalchemy import insert, select
from test_analytics_writers import plain_pipeline

from crmdesk.models.schema import Customer, FollowUp, OwnershipEvent, Pool, Team, User
from crmdesk.models.schema_deals import Deal, DealLine, DealMove, LostReason, Product, Stage

SHANGHAI = ZoneInfo("Asia/Shanghai")
FIRST = datetime(2025, 10, 1)
KINDS = ("call", "visit", "wechat", "email", "note")
SOURCES = ("官网", "展会", "转介绍", "")
INDUSTRIES = ("软件", "制造", "零售", "")
EVENT_KINDS = ("released", "recycled", "claimed", "assigned", "transferred", "moved", "created")


def local(at: datetime, tz=SHANGHAI) -> datetime:
    return at.replace(tzinfo=UTC).astimezone(tz).replace(tzinfo=None)


def month_index(at: datetime | None, first_month: tuple[int, int], months: int, tz=SHANGHAI):
    if at is None:
        return None
    t = local(at, tz)
    i = (t.year - first_month[0]) * 12 + t.month - first_month[1]
    return i if 0 <= i < months else None


@dataclass
class Seeded:
    st: dict[str, int]  # the main pipeline's stage ids by code, and "pipeline"
    other: dict[str, int]
    users: dict[int, tuple[str, int | None]] = field(default_factory=dict)  # id: (name, team)
    teams: dict[int, str] = field(default_factory=dict)


def _moment(rng: random.Random) -> datetime:
    """A stored (UTC) moment; one in three a few minutes either side of a Shanghai month end."""
    if rng.random() < 0.35:
        year, month = rng.choice([(2025, 12), (2026, 1), (2026, 2), (2026, 5), (2026, 9)])
        edge = datetime(year, month, 1) - timedelta(hours=8)  # local midnight, as UTC
        return edge + timedelta(minutes=rng.choice((-3, -1, 0, 2, 30)))
    return FIRST + timedelta(seconds=rng.randrange(int((NOW - FIRST).total_seconds())))


def seed(db, people, n_deals: int = 140, rng_seed: int = 5) -> Seeded:
    rng = random.Random(rng_seed)
    st, other = plain_pipeline(db, "Main"), plain_pipeline(db, "Other")
    owners = [people.rep_n1, people.rep_n2, people.rep_s1, people.manager_n, people.admin]
    with db.writing() as s:
        s.execute(insert(LostReason).values(code="custom1", label="客户倒闭", position=9))
        for code in ("price", "competitor"):
            if s.scalar(select(LostReason.code).where(LostReason.code == code)) is None:
                s.execute(insert(LostReason).values(code=code, label="", position=0))
        products = [s.execute(insert(Product).values(code=f"P{i}", name=f"产品{i}",
                                                     list_price=Decimal(100), created_at=NOW)
                              ).inserted_primary_key[0] for i in range(3)]  # fmt: skip
        pool = s.execute(insert(Pool).values(name="公海", created_at=NOW, updated_at=NOW,
                                             version=1)).inserted_primary_key[0]  # fmt: skip
        customers = []
        for i in range(24):
            owner = rng.choice(owners)
            creator = rng.choice(owners + [None])
            customers.append(s.execute(insert(Customer).values(
                name=f"客户{i:02}", owner_id=owner.id, team_id=owner.team_id,
                created_by_id=None if creator is None else creator.id,
                industry=rng.choice(INDUSTRIES), source=rng.choice(SOURCES),
                created_at=_moment(rng), updated_at=NOW, version=1, status="lead",
                deleted_at=NOW if i == 3 else None,
            )).inserted_primary_key[0])  # fmt: skip
        for _ in range(90):
            author = rng.choice(owners + [None])
            s.execute(insert(FollowUp).values(
                customer_id=rng.choice(customers), author_id=author and author.id,
                kind=rng.choice(KINDS), content="", happened_at=_moment(rng), created_at=NOW,
            ))  # fmt: skip
        for _ in range(60):
            kind = rng.choice(EVENT_KINDS)
            a, b = rng.choice(owners + [None]), rng.choice(owners + [None])
            s.execute(insert(OwnershipEvent).values(
                customer_id=rng.choice(customers), kind=kind, from_owner_id=a and a.id,
                to_owner_id=b and b.id, at=_moment(rng), pool_id=rng.choice((pool, None)),
            ))  # fmt: skip
        for i in range(n_deals):
            pipe = other if i % 9 == 0 else st
            _deal(s, rng, pipe, rng.choice(owners), rng.choice(customers), products, i)
    seeded = Seeded(st, other)
    with db.reading() as s:
        seeded.users = {u.id: (u.name, u.team_id) for u in s.scalars(select(User))}
        seeded.teams = {t.id: t.name for t in s.scalars(select(Team))}
    return seeded


def _deal(s, rng, pipe, owner, customer_id, products, i) -> None:
    opens = [pipe[c] for c in ("a", "b", "c", "d")]
    created = _moment(rng)
    path = [rng.choice(opens[:2])]
    for _ in range(rng.randrange(0, 5)):
        path.append(rng.choice([x for x in opens if x != path[-1]]))  # forward, skips, back
    end = rng.choice(("open", "open", "won", "lost"))
    if end != "open":
        path.append(pipe[end])
        if rng.random() < 0.15:  # reopened, sometimes closed again
            path.append(rng.choice(opens))
            end = rng.choice(("won", "lost", "open"))
            if end != "open":
                path.append(pipe[end])
    finals = {pipe["won"]: "won", pipe["lost"]: "lost"}
    at, reached, best = created, None, -1
    moves = [{"kind": "created", "from_stage_id": None, "to_stage_id": path[0], "at": created,
              "stage_seconds": None}]  # fmt: skip
    for k, stage in enumerate(path):
        if k:
            step = rng.choice((0, 59, 3600, 86400 * rng.randrange(1, 40) + rng.randrange(86400)))
            at += timedelta(seconds=step)
            kind = finals.get(stage) or ("reopened" if path[k - 1] in finals else "moved")
            moves.append({"kind": kind, "from_stage_id": path[k - 1], "to_stage_id": stage,
                          "at": at, "stage_seconds": step})  # fmt: skip
        if stage in opens and opens.index(stage) > best and not (k and path[k - 1] == stage):
            reached, best = stage, opens.index(stage)
    status = end
    amount = Decimal(rng.randrange(0, 500000)) / 100
    closed = at if status != "open" else None
    deal_id = s.execute(insert(Deal).values(
        customer_id=customer_id, title=f"交易{i}", amount=amount, owner_id=owner.id,
        team_id=owner.team_id, pipeline_id=pipe["pipeline"], stage_id=path[-1], status=status,
        source=rng.choice(SOURCES), created_at=created, updated_at=NOW, stage_entered_at=at,
        closed_at=closed, lost_code=rng.choice(("price", "custom1", "")) if status == "lost"
        else "", deleted_at=NOW if rng.random() < 0.06 else None, version=1,
        reached_stage_id=reached,
    )).inserted_primary_key[0]  # fmt: skip
    if "deal_created_at" in DealMove.__table__.c:  # the deal's created_at on a move with seconds
        for m in moves:
            m["deal_created_at"] = created if m["stage_seconds"] is not None else None
    s.execute(insert(DealMove), [m | {"deal_id": deal_id} for m in moves])
    for position in range(rng.choice((0, 0, 1, 2, 3))):
        product = rng.choice(products + [None])
        s.execute(insert(DealLine).values(
            deal_id=deal_id, position=position, product_id=product, name="x",
            quantity=Decimal(rng.randrange(1, 5)), unit_price=Decimal(rng.randrange(0, 900)),
            discount=Decimal(rng.choice((0, 5, 12.5))),
        ))  # fmt: skip


# ---------------------------------------------------------------- the rows, plainly


def rows(db) -> dict[str, list]:
    with db.reading() as s:
        return {name: s.execute(select(table)).all() for name, table in (
            ("deals", Deal.__table__), ("moves", DealMove.__table__),
            ("lines", DealLine.__table__), ("customers", Customer.__table__),
            ("follow_ups", FollowUp.__table__), ("events", OwnershipEvent.__table__),
            ("stages", Stage.__table__), ("users", User.__table__),
            ("products", Product.__table__), ("reasons", LostReason.__table__),
            ("teams", Team.__table__))}  # fmt: skip


def sees(actor, user_id, team_id) -> bool:
    """The policy rule, written again: admin all, a manager the team, a rep themself."""
    if actor.role == "admin":
        return True
    if actor.role == "manager" and actor.team_id is not None:
        return team_id == actor.team_id
    return user_id == actor.id


def in_scope(actor, scope, owner_id, user_id, team_id) -> bool:
    if not sees(actor, user_id, team_id):
        return False
    if owner_id is not None:
        return user_id == owner_id
    if scope == "team":
        return actor.team_id is not None and team_id == actor.team_id
    if scope == "mine":
        return user_id == actor.id
    return True


def half_up(value, places="0.1") -> Decimal:
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def day_of(at: datetime, tz=SHANGHAI) -> date:
    return local(at, tz).date()


def history_by_hand(r) -> tuple[dict[int, int | None], dict[int, int]]:
    """Every deal's furthest open stage by the stages' CURRENT positions (created, moved or
    reopened into it), and every stage-changing move's seconds in the stage it leaves (since
    the stage change before it), from the moves alone: what reached_stage_id and stage_seconds
    must hold, written again without analytics_backfill."""
    position = {s.id: s.position for s in r["stages"] if s.kind == "open"}
    history: dict[int, list] = {d.id: [] for d in r["deals"]}
    for m in sorted(r["moves"], key=lambda m: (m.at, m.id)):
        history[m.deal_id].append(m)
    reached: dict[int, int | None] = {}
    seconds: dict[int, int] = {}
    for deal_id, moves in history.items():
        best, entered = None, None
        for m in moves:
            if m.kind not in ("created", "moved", "won", "lost", "reopened"):
                continue  # approval steps leave the deal where it is
            if m.kind != "created" and entered is not None:
                seconds[m.id] = max(0, int((m.at - entered).total_seconds()))
            entered = m.at
            if (
                m.kind in ("created", "moved", "reopened")
                and m.to_stage_id in position
                and (best is None or position[m.to_stage_id] > position[best])
            ):
                best = m.to_stage_id
        reached[deal_id] = best
    return reached, seconds


def reorder(db, admin, pipeline_id: int, codes: tuple[str, ...]) -> None:
    """The admin saves the pipeline with its open stages in the order of their codes (the
    settings dialog's way: every stage sent back, only the order changed)."""
    from crmdesk.models.pipeline import get_pipeline
    from crmdesk.models.pipeline_admin import StageInput
    from crmdesk.models.schema_deals import Pipeline
    from crmdesk.models.workspace import Workspace

    p = db.read(lambda s: get_pipeline(s, pipeline_id))
    version = db.read(lambda s: s.get(Pipeline, pipeline_id).version)
    by_code = {s.code: s for s in p.stages}
    stages = [by_code[c] for c in codes] + [s for s in p.stages if s.kind != "open"]
    inputs = [StageInput(s.id, s.name, s.kind, s.probability, s.stale_days, s.required_fields,
                         s.approval, s.approval_threshold) for s in stages]  # fmt: skip
    Workspace(db, admin, clock=lambda: NOW).save_pipeline(pipeline_id, p.name, inputs, version)
