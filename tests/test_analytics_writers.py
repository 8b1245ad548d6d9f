"""Every writer of the stage history keeps deals.reached_stage_id, deal_moves.stage_seconds and
deal_moves.deal_created_at (the deal's created_at, on the moves with stage_seconds) as
analytics_backfill defines them: after each kind of write (create, forward, skip, back, won,
lost, reopen, an import, the demo) the stored values equal history_facts over the stored
history, on SQLite, PostgreSQL and MariaDB; the backfill limited to one pipeline (after its
stages were reordered) rewrites that pipeline's deals and no other. Also the shared helpers of
the analytics tests: a pipeline without gates and a deal written through the workspace."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from helpers import NOW
from sqlalchemy import insert, select, update
from test_excel_deals import add_product, make_plan, run

from crmdesk.models.analytics_backfill import backfill_reached, history_facts
from crmdesk.models.deals import DealInput
from crmdesk.models.demo_deals import add_demo_deals
from crmdesk.models.schema import Customer
from crmdesk.models.schema_deals import Deal, DealMove, Pipeline, Stage
from crmdesk.models.workspace import Workspace

# A pipeline without gates: open stages A (0), B (1), C (2), D (3), then won, lost.
OPEN_CODES = ("a", "b", "c", "d")


def plain_pipeline(db, name="Plain") -> dict[str, int]:
    """Stage ids by code ("a".."d", "won", "lost") of a new pipeline whose stages ask nothing."""
    with db.writing() as s:
        pid = s.execute(insert(Pipeline).values(name=name, code="", position=1, active=True,
                                                created_at=NOW, updated_at=NOW, version=1)
                        ).inserted_primary_key[0]  # fmt: skip
        ids = {}
        kinds = [(c, "open") for c in OPEN_CODES] + [("won", "won"), ("lost", "lost")]
        for position, (code, kind) in enumerate(kinds):
            ids[code] = s.execute(insert(Stage).values(
                pipeline_id=pid, position=position, name=f"{name} {code}", code=code, kind=kind,
                probability=10 * position, required_fields="", approval="", active=True,
            )).inserted_primary_key[0]  # fmt: skip
        ids["pipeline"] = pid
    return ids


def add_customer(db, owner, name="客户", **values) -> int:
    with db.writing() as s:
        row = {"name": name, "owner_id": owner.id, "team_id": owner.team_id,
               "created_at": NOW, "updated_at": NOW, "received_at": NOW, "version": 1,
               "status": "prospect", "created_by_id": owner.id, **values}  # fmt: skip
        return s.execute(insert(Customer).values(**row)).inserted_primary_key[0]


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def tick(self, **delta) -> None:
        self.at += timedelta(**delta)


def deal_version(db, deal_id) -> int:
    return db.read(lambda s: s.scalar(select(Deal.version).where(Deal.id == deal_id)))


def assert_facts(db) -> int:
    """Every deal's stored reached_stage_id and every move's stage_seconds equal history_facts
    over its stored history, and the moves with stage_seconds (only they) carry the deal's
    created_at; how many moves were checked."""
    with db.reading() as s:
        positions = {i: (p, k) for i, p, k in s.execute(select(Stage.id, Stage.position,
                                                               Stage.kind))}  # fmt: skip
        reached = dict(s.execute(select(Deal.id, Deal.reached_stage_id)).all())
        created = dict(s.execute(select(Deal.id, Deal.created_at)).all())
        moves = s.execute(
            select(DealMove.deal_id, DealMove.kind, DealMove.to_stage_id, DealMove.at,
                   DealMove.id, DealMove.stage_seconds, DealMove.deal_created_at)
            .order_by(DealMove.deal_id, DealMove.at, DealMove.id)
        ).all()  # fmt: skip
    by_deal: dict[int, list] = {}
    for m in moves:
        by_deal.setdefault(m.deal_id, []).append(m)
    for deal_id, stored in reached.items():
        history = by_deal.get(deal_id, [])
        want, seconds = history_facts([(m.kind, m.to_stage_id, m.at, m.id) for m in history],
                                      positions)  # fmt: skip
        assert stored == want, deal_id
        assert {m.id: m.stage_seconds for m in history} == {m.id: seconds.get(m.id)
                                                           for m in history}, deal_id  # fmt: skip
        assert {m.id: m.deal_created_at for m in history} == {
            m.id: None if m.id not in seconds else created[deal_id] for m in history
        }, deal_id
    return len(moves)


def test_create_and_every_kind_of_move(db, people, pipeline):  # pipeline: the lost reasons
    st = plain_pipeline(db)
    rep = people.rep_n1
    clock = Clock(NOW - timedelta(days=40))
    ws = Workspace(db, rep, clock=clock)
    customer = add_customer(db, rep)

    def new(stage=None):
        data = DealInput(customer_id=customer, title="交易", pipeline_id=st["pipeline"],
                         stage_id=stage, amount=Decimal("1000"))  # fmt: skip
        return ws.create_deal(data).value

    def move(deal_id, code, **kw):
        clock.tick(days=1, hours=3, seconds=7)
        result = ws.move_deal(deal_id, st[code], deal_version(db, deal_id), **kw)
        assert result.value.status == "moved"

    one = new()
    assert db.read(lambda s: s.get(Deal, one).reached_stage_id) == st["a"]
    two = new(st["b"])  # created past the first stage
    assert db.read(lambda s: s.get(Deal, two).reached_stage_id) == st["b"]
    move(one, "b")  # forward
    move(one, "d")  # a skip
    move(one, "a")  # back: the reached stage stays d
    move(one, "c")
    assert db.read(lambda s: s.get(Deal, one).reached_stage_id) == st["d"]
    move(one, "won", won_amount=Decimal("900"))
    move(one, "b")  # reopened
    move(one, "lost", lost_code="price")
    move(two, "lost", lost_code="price")
    move(two, "c")  # reopened into a further stage: reached grows
    assert db.read(lambda s: s.get(Deal, two).reached_stage_id) == st["c"]
    seconds = db.read(lambda s: s.scalars(
        select(DealMove.stage_seconds).where(DealMove.deal_id == one)
        .order_by(DealMove.at, DealMove.id)).all())  # fmt: skip
    step = int(timedelta(days=1, hours=3, seconds=7).total_seconds())
    assert seconds == [None] + [step] * 7
    assert assert_facts(db) == 8 + 3


def test_an_import_writes_them(db, people, pipeline):
    add_product(db)
    result = run(db, people.admin, make_plan(pipeline))
    assert result.created == 10
    assert assert_facts(db) > 10
    by_id = {s.id: s for s in pipeline.stages}
    reached = db.read(lambda s: s.execute(select(Deal.status, Deal.reached_stage_id)).all())
    assert {by_id[r].code for status, r in reached if status == "won"} == {"negotiation"}
    assert {by_id[r].code for status, r in reached if status == "lost"} == {"initial"}


def test_the_demo_writes_them(db, people):
    with db.writing() as s:
        for i in range(30):
            owner = [people.rep_n1, people.rep_n2, people.rep_s1][i % 3]
            s.execute(insert(Customer).values(
                name=f"演示{i}", owner_id=owner.id, team_id=owner.team_id, created_at=NOW
                - timedelta(days=400), updated_at=NOW, version=1, status="lead"))  # fmt: skip
        made = add_demo_deals(s, NOW, count=120, rng=random.Random(3))
    assert made.deals == 120
    assert assert_facts(db) == made.moves
    with db.reading() as s:
        assert s.scalar(select(Deal.id).where(Deal.reached_stage_id.is_(None))) is None
        assert s.scalar(select(DealMove.id).where(DealMove.stage_seconds > 0)) is not None


def _facts_of(db, pipeline_id):
    """(deal id → reached_stage_id, move id → (stage_seconds, deal_created_at)) stored for one
    pipeline's deals."""
    with db.reading() as s:
        reached = dict(s.execute(select(Deal.id, Deal.reached_stage_id)
                                 .where(Deal.pipeline_id == pipeline_id)).all())  # fmt: skip
        seconds = {i: (t, c) for i, t, c in s.execute(
            select(DealMove.id, DealMove.stage_seconds, DealMove.deal_created_at)
            .join(Deal, Deal.id == DealMove.deal_id)
            .where(Deal.pipeline_id == pipeline_id))}  # fmt: skip
    return reached, seconds


def test_the_backfill_of_one_pipeline_touches_only_its_deals(db, people, pipeline):
    first, second = plain_pipeline(db, "One"), plain_pipeline(db, "Two")
    rep = people.rep_n1
    clock = Clock(NOW - timedelta(days=20))
    ws = Workspace(db, rep, clock=clock)
    customer = add_customer(db, rep)
    for st in (first, second, first, second):  # interleaved ids: one range holds both
        data = DealInput(customer_id=customer, title="交易", pipeline_id=st["pipeline"],
                         amount=Decimal("1000"))  # fmt: skip
        deal_id = ws.create_deal(data).value
        for code in ("c", "b"):
            clock.tick(days=2)
            ws.move_deal(deal_id, st[code], deal_version(db, deal_id))
    # An admin swaps b and c of both pipelines: the deals' furthest stage is b now.
    with db.writing() as s:
        for st in (first, second):
            s.execute(update(Stage).where(Stage.id == st["b"]).values(position=2))
            s.execute(update(Stage).where(Stage.id == st["c"]).values(position=1))
        s.execute(update(DealMove).values(stage_seconds=None, deal_created_at=None))
    before = _facts_of(db, second["pipeline"])
    assert set(before[0].values()) == {second["c"]}
    with db.writing() as s:
        backfill_reached(s.connection(), pipeline_id=first["pipeline"])
    assert _facts_of(db, second["pipeline"]) == before
    reached, seconds = _facts_of(db, first["pipeline"])
    assert set(reached.values()) == {first["b"]}
    assert sorted(t for t, _c in seconds.values() if t) == [172800] * 4
    assert sum(c is not None for _t, c in seconds.values()) == 4
    with db.writing() as s:
        backfill_reached(s.connection(), pipeline_id=second["pipeline"])
    assert assert_facts(db) == 12


def test_the_funnels_days_from_the_moves_copy_of_created_at(db, people, pipeline):
    """The admin's days per stage come from the moves alone (their deal_created_at), less the
    moves of deleted deals; a manager's from their team's deals: both equal the moves' seconds
    of the cohort's live deals, recounted here."""
    st = plain_pipeline(db)
    rep = people.rep_n1  # the North team's: the manager's "all" is every deal here too
    clock = Clock(NOW - timedelta(days=60))
    ws = Workspace(db, rep, clock=clock)
    customer = add_customer(db, rep)
    made = []
    for n in range(6):
        data = DealInput(customer_id=customer, title="交易", pipeline_id=st["pipeline"],
                         amount=Decimal("1000"))  # fmt: skip
        made.append(ws.create_deal(data).value)
        for code in ("b", "c", "a", "d", "b")[: n % 5 + 1]:
            clock.tick(days=9 if n == 3 else 0, hours=5 + 7 * n, seconds=n)  # 3: deleted
            ws.move_deal(made[-1], st[code], deal_version(db, made[-1]))
    clock.tick(days=40)  # after the cohort's range: created later, not counted
    late = ws.create_deal(DealInput(customer_id=customer, title="后", pipeline_id=st["pipeline"],
                                    amount=Decimal("1"))).value  # fmt: skip
    ws.move_deal(late, st["b"], deal_version(db, late))
    Workspace(db, people.admin, clock=clock).delete_deal(made[3])
    live = set(made) - {made[3]}
    with db.reading() as s:
        moves = s.execute(select(DealMove.deal_id, DealMove.from_stage_id,
                                 DealMove.stage_seconds)).all()  # fmt: skip
    first, end = (NOW - timedelta(days=61)).date(), (NOW - timedelta(days=1)).date()
    for actor in (people.admin, people.manager_n):
        got = Workspace(db, actor, clock=clock).funnel(st["pipeline"], first, end)
        assert got.created == 5
        for stage in got.stages:
            secs = [t for d, f, t in moves if d in live and f == stage.stage_id and t is not None]
            want = Decimal(sum(secs)) / len(secs) / 86400 if secs else None
            assert stage.avg_days == (want and want.quantize(Decimal("0.1"), ROUND_HALF_UP))
        assert [s.avg_days is not None for s in got.stages] == [True] * 4
