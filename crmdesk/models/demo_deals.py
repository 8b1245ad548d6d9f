"""Demo deals: a dozen products, and deals of the demo's owned customers in every stage of the
default pipeline over the last twelve months, with their lines, answers, stage history and
approvals, won ones (their customers become customers) and lost ones, some stale, a couple
waiting for a manager's approval.

Every deal got where it is the way deal_moves.py would have let it: stage by stage from the
first, each gate passed on entering (the fields it requires, its questions answered, a manager's
approval where its rule fires). The history follows the move service's shape: "created", then a
"moved" per stage (an approved one preceded by "approval_requested" and "approved"), then "won"
or "lost". Rows go in by the thousand through executemany (raw sqlite3 on SQLite, as demo.py).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from crmdesk.models.analytics_backfill import history_facts
from crmdesk.models.checks import clean_time
from crmdesk.models.deal_moves import approval_needed
from crmdesk.models.deal_rules import LineInput, line_total
from crmdesk.models.dialects import reset_id_sequences
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.pipeline import StageRow, get_pipeline, lost_reasons
from crmdesk.models.pipeline_defaults import create_default_pipeline
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_deals import Approval, Deal, DealAnswer, DealLine, DealMove, Product

# code, name, list price
PRODUCTS = [
    ("CRM-STD", "CRM 标准版（年费/用户）", "1200.00"),
    ("CRM-PRO", "CRM 专业版（年费/用户）", "2400.00"),
    ("CRM-ENT", "CRM 企业版授权", "98000.00"),
    ("MOBILE", "移动办公模块", "15000.00"),
    ("BI", "数据分析模块", "36000.00"),
    ("CALL", "呼叫中心集成", "28000.00"),
    ("IMPL", "实施服务（人天）", "2500.00"),
    ("MIGRATE", "数据迁移服务", "18000.00"),
    ("TRAIN", "培训服务（场）", "6000.00"),
    ("CUSTOM", "定制开发（人天）", "3200.00"),
    ("SUPPORT", "技术支持（年）", "20000.00"),
    ("CLOUD", "云服务器托管（年）", "12000.00"),
]
PURPOSES = ["CRM 系统采购", "年度续约", "销售管理升级", "二期扩容", "移动办公项目",
            "数据平台建设", "呼叫中心改造", "全国推广"]  # fmt: skip
ANSWERS = {
    "decision_maker": ["总经理", "采购总监", "董事长", "信息中心主任", "财务总监"],
    "objections": ["价格偏高", "实施周期长", "担心数据迁移", "需要集团审批", "对售后服务有顾虑"],
}
COMPETITORS = ["友商甲", "友商乙", "友商丙", "自研系统"]
SOURCES = ["官网", "电话营销", "展会", "转介绍", "网络广告", "老客户"]
LOST_WORDS = ["预算被砍", "选择了友商", "项目暂停", "联系人离职"]
DISCOUNTS = [0, 0, 0, 0, 5, 5, 10, 10, 15, 20]
QUANTITIES = [1, 1, 1, 2, 3, 5, 10, 20, 50]
OPEN_SHARE = 0.4  # of the deals: still open; the others won or lost, about half and half
STALE_SHARE = 0.15  # of the open deals: longer in their stage than its stale days
LINED_EARLY = 0.3  # of the deals before the stage that requires lines: lines all the same
DEFAULT_MOST = 20_000  # deals when no count is given (one for every two owned customers)
MAX = 10_000_000
CHUNK = 20_000  # deals a batch of rows

_DEAL_COLS = ["id", "customer_id", "title", "amount", "amount_manual", "currency", "owner_id",
              "team_id", "pipeline_id", "stage_id", "status", "probability", "expected_close",
              "source", "competitor", "notes", "external_id", "created_at", "created_by_id",
              "updated_at", "updated_by_id", "stage_entered_at", "closed_at", "lost_code",
              "lost_text", "awaiting_stage_id", "version", "reached_stage_id"]  # fmt: skip
_LINE_COLS = ["id", "deal_id", "position", "product_id", "name", "quantity", "unit_price",
              "discount"]  # fmt: skip
_MOVE_COLS = ["id", "deal_id", "kind", "from_stage_id", "to_stage_id", "at", "actor_id",
              "comment", "answers", "stage_seconds", "deal_created_at"]  # fmt: skip
_ANSWER_COLS = ["deal_id", "question_id", "answer", "answered_at", "answered_by_id"]
_APPROVAL_COLS = ["id", "kind", "deal_id", "to_stage_id", "reason", "status", "team_id",
                  "requested_by_id", "requested_at", "decided_by_id", "decided_at", "comment",
                  "answers"]  # fmt: skip


@dataclass(frozen=True)
class DemoDeals:
    products: int  # added now (a second run adds none)
    deals: int
    open: int
    won: int
    lost: int
    lines: int
    moves: int
    approvals: int


def ensure_products(session: Session, now: datetime) -> list[tuple[int, str, Decimal]]:
    """The demo's products (once): (id, name, list price) of each."""
    codes = [code for code, _name, _price in PRODUCTS]
    have = set(session.scalars(select(Product.code).where(Product.code.in_(codes))))
    rows = [{"code": c, "name": n, "list_price": Decimal(p), "active": True, "created_at": now}
            for c, n, p in PRODUCTS if c not in have]  # fmt: skip
    if rows:
        session.execute(insert(Product), rows)
    found = session.execute(
        select(Product.id, Product.name, Product.list_price)
        .where(Product.code.in_(codes))
        .order_by(Product.id)
    )
    return [(i, name, Decimal(price).quantize(Decimal("0.01"))) for i, name, price in found]


def _next_id(session: Session, table) -> int:
    return (session.scalar(select(func.max(table.id))) or 0) + 1


class _Builder:
    """Makes one deal's rows at a time into the current batch."""

    def __init__(self, session: Session, now: datetime, rng: random.Random, pipeline, products,
                 reasons: list[str]) -> None:  # fmt: skip
        self.rng, self.now, self.products, self.reasons = rng, now, products, reasons
        self.pipeline = pipeline
        self.positions = {s.id: (s.position, s.kind) for s in pipeline.stages}
        self.opens = pipeline.open_stages
        self.won_stage, self.lost_stage = pipeline.final("won"), pipeline.final("lost")
        # The stage a waiting deal asks for: the first (after the first) whose gate may ask a
        # manager; without one, nobody waits.
        self.asking = next((i for i, s in enumerate(self.opens) if i and s.approval), None)
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self.team = dict(session.execute(select(User.id, User.team_id)).all())
        managers = session.execute(
            select(User.team_id, User.id).where(User.role == "manager", User.active.is_(True))
            .order_by(User.id)
        ).all()  # fmt: skip
        self.manager: dict[int, int] = {}
        for team_id, user_id in managers:
            self.manager.setdefault(team_id, user_id)
        self.admin = session.scalar(
            select(User.id).where(User.role == "admin", User.active.is_(True)).order_by(User.id)
        )
        self.deal_id = _next_id(session, Deal)
        self.line_id = _next_id(session, DealLine)
        self.move_id = _next_id(session, DealMove)
        self.approval_id = _next_id(session, Approval)
        self.won_customers: set[int] = set()
        self.counts = dict.fromkeys(("open", "won", "lost", "lines", "moves", "approvals"), 0)
        self.reset()

    def reset(self) -> None:
        self.deals, self.lines, self.moves, self.answers, self.approvals = [], [], [], [], []

    # -- stored forms: SQLite's rows are written raw, in SQLAlchemy's own formats
    def t(self, value: datetime | None):
        if value is None or not self.sqlite:
            return value
        return f"{value:%Y-%m-%d %H:%M:%S}.000000"

    def d(self, value: date | None):
        return value.isoformat() if value is not None and self.sqlite else value

    def m(self, value: Decimal):
        return float(value) if self.sqlite else value

    def between(self, start: datetime, end: datetime) -> datetime:
        seconds = max(0, int((end - start).total_seconds()))
        return start + timedelta(seconds=self.rng.randrange(seconds + 1))

    # -- one deal
    def add(self, customer, outcome: str, waiting: bool) -> None:
        rng, now = self.rng, self.now
        customer_id, name, owner, created = customer
        path = self._path(outcome, waiting)
        target = self.opens[self.asking] if waiting else None
        required = {key for s in (*path, *([target] if target else [])) for key in
                    s.required_fields}  # fmt: skip
        lines = self._lines(required, len(path), target)
        total = sum((line_total(x) for x in lines), Decimal("0.00"))
        manual = bool(lines) and rng.random() < 0.1
        amount = total
        if manual:
            amount = max(Decimal("100.00"), (total * Decimal(rng.choice((90, 95, 98))) / 100)
                         .quantize(Decimal("1")))  # fmt: skip
        if not lines and ("amount" in required or outcome == "won" or rng.random() < 0.5):
            manual, amount = True, Decimal(rng.randrange(10, 500) * 1000)
        if target is not None and target.approval == "amount":
            limit = target.approval_threshold or Decimal(0)
            manual, amount = True, (limit * Decimal("1.5") + 1000).quantize(Decimal("1"))
        max_discount = max((x.discount for x in lines), default=None)

        # When: the last stage entered (or the close), then the earlier ones before it.
        lower = max(created, now - timedelta(days=365))
        last = path[-1]
        if outcome != "open":
            end = self.between(lower, now)
        elif last.stale_days is not None and rng.random() < STALE_SHARE and not waiting:
            end = now - timedelta(days=last.stale_days + rng.uniform(1, 40))
        else:
            days = (last.stale_days or 30) * 0.9
            end = now - timedelta(days=rng.uniform(0, days))
        end = clean_time(min(now, max(lower, end)))
        start = clean_time(max(lower, end - timedelta(days=sum(rng.uniform(3, 25) for _ in path))))
        times = sorted(self.between(start, end) for _ in range(len(path) - 2))
        times = [start, *times, end] if len(path) > 1 else [end]

        deal_id = self.deal_id
        self.deal_id += 1
        answered: dict[int, tuple[str, datetime]] = {}
        moves = [("created", None, path[0].id, times[0], owner, "")]
        for prev, stage, at in zip(path, path[1:], times[1:], strict=False):
            given = self._answers(stage)
            text = self._answers_json(stage, given)
            kind = {"won": "won", "lost": "lost"}.get(stage.kind, "moved")
            rule = approval_needed(stage, amount, max_discount) if stage.is_open else ""
            if rule:
                asked = self.between(moves[-1][3], at)
                decided = self.between(asked, at)
                self._approval(deal_id, stage, rule, "approved", owner, asked, decided, given)
                moves.append(("approval_requested", prev.id, stage.id, asked, owner, text))
                moves.append(("approved", prev.id, stage.id, decided, self._approver(owner), ""))
            moves.append((kind, prev.id, stage.id, at, owner, text))
            answered.update({qid: (a, at) for qid, a in given.items()})
        updated = end
        if target is not None:
            asked = self.between(end, now)
            given = self._answers(target)
            self._approval(deal_id, target, target.approval, "pending", owner, asked, None, given)
            moves.append(("approval_requested", last.id, target.id, asked,
                          owner, self._answers_json(target, given)))  # fmt: skip
            updated = asked
        # reached_stage_id, stage_seconds and deal_created_at as analytics_backfill defines them
        reached, seconds = history_facts(
            [(kind, to_id, at, i) for i, (kind, _f, to_id, at, _a, _t) in enumerate(moves)],
            self.positions,
        )
        for i, (kind, from_id, to_id, at, actor, text) in enumerate(moves):
            self.moves.append((self.move_id, deal_id, kind, from_id, to_id, self.t(at), actor,
                               "", text, seconds.get(i),
                               None if seconds.get(i) is None else self.t(times[0])))  # fmt: skip
            self.move_id += 1
        for qid, (answer, at) in answered.items():
            self.answers.append((deal_id, qid, answer, self.t(at), owner))
        for i, x in enumerate(lines):
            self.lines.append((self.line_id, deal_id, i, x.product_id, x.name, self.m(x.quantity),
                               self.m(x.unit_price), self.m(x.discount)))  # fmt: skip
            self.line_id += 1

        lost_code = lost_text = ""
        if outcome == "lost":
            lost_code = rng.choice(self.reasons)
            if lost_code == "other" or rng.random() < 0.3:
                lost_text = rng.choice(LOST_WORDS)
        competitor = ""
        if "competitor" in required or lost_code == "competitor" or rng.random() < 0.2:
            competitor = rng.choice(COMPETITORS)
        source = rng.choice(SOURCES) if "source" in required or rng.random() < 0.7 else ""
        expected = None
        if "expected_close" in required or outcome != "open" or rng.random() < 0.5:
            # Open: due soon (some overdue); closed: about when it closed.
            late = rng.randrange(-20, 120) if outcome == "open" else rng.randrange(-30, 30)
            base = end.date() if outcome != "open" else now.date()
            expected = max(start.date(), base + timedelta(days=late))
        probability = None
        if outcome == "open" and rng.random() < 0.25:
            probability = min(100, max(0, last.probability + rng.randrange(-15, 16)))
        title = f"{_short(name)}·{rng.choice(PURPOSES)}"[:200]
        closed = end if outcome != "open" else None
        self.deals.append((
            deal_id, customer_id, title, self.m(amount), manual, "CNY", owner,
            self.team.get(owner), self.pipeline.id, last.id, outcome, probability,
            self.d(expected), source, competitor, "", "", self.t(times[0]), owner,
            self.t(updated), owner, self.t(end), self.t(closed), lost_code, lost_text,
            target.id if target is not None else None, len(moves), reached,
        ))  # fmt: skip
        self.counts[outcome] += 1
        self.counts["lines"] += len(lines)
        self.counts["moves"] += len(moves)
        if outcome == "won":
            self.won_customers.add(customer_id)

    def _path(self, outcome: str, waiting: bool) -> tuple[StageRow, ...]:
        """The stages the deal was in, the first (where it was created) to the current."""
        n = len(self.opens)
        if outcome == "won":
            return (*self.opens, self.won_stage)
        weights = [n - i for i in range(n)]  # fewer deals the further along
        last = self.rng.choices(range(n), weights)[0]
        if outcome == "lost":
            return (*self.opens[: last + 1], self.lost_stage)
        if waiting:
            last = self.asking - 1
        return self.opens[: last + 1]

    def _lines(self, required: set[str], stages: int, target) -> list[LineInput]:
        rng = self.rng
        forced = target is not None and target.approval == "discount"
        if not ("lines" in required or forced or (stages > 1 and rng.random() < LINED_EARLY)):
            return []
        lines = []
        for product_id, name, price in rng.sample(self.products, rng.choice((1, 1, 2, 2, 3))):
            discount = rng.choice(DISCOUNTS) if rng.random() > 0.06 else rng.choice((25, 30))
            lines.append(LineInput(product_id, name, Decimal(rng.choice(QUANTITIES)), price,
                                   Decimal(discount)))  # fmt: skip
        if forced:  # over the stage's limit, so the request is one a manager must decide
            over = min(Decimal(100), (target.approval_threshold or Decimal(0)) + 5)
            lines[0] = LineInput(lines[0].product_id, lines[0].name, lines[0].quantity,
                                 lines[0].unit_price, over)  # fmt: skip
        return lines

    def _answers(self, stage: StageRow) -> dict[int, str]:
        given = {}
        for q in stage.questions:
            if q.kind == "yes_no":
                given[q.id] = "yes" if q.must_be_yes else self.rng.choice(("yes", "no"))
            elif q.kind == "choice" and q.choices:
                given[q.id] = self.rng.choice(q.choices)
            else:
                given[q.id] = self.rng.choice(ANSWERS.get(q.code, ["已确认"]))
        return given

    @staticmethod
    def _answers_json(stage: StageRow, given: dict[int, str]) -> str:
        pairs = [[q.text, given[q.id]] for q in stage.questions if q.id in given]
        return json.dumps(pairs, ensure_ascii=False) if pairs else ""

    def _approver(self, owner: int) -> int:
        return self.manager.get(self.team.get(owner)) or self.admin or owner

    def _approval(self, deal_id, stage, rule, status, owner, asked, decided, given) -> None:
        # As approvals.request_approval keeps what the move asked for.
        payload = {"answers": {str(k): v for k, v in sorted(given.items())}, "comment": "",
                   "won_amount": None, "won_on": None, "lost_code": "",
                   "lost_text": ""}  # fmt: skip
        decider = self._approver(owner) if decided is not None else None
        self.approvals.append((
            self.approval_id, "stage", deal_id, stage.id, rule, status, self.team.get(owner),
            owner, self.t(asked), decider, self.t(decided), "",
            json.dumps(payload, ensure_ascii=False),
        ))  # fmt: skip
        self.approval_id += 1
        self.counts["approvals"] += 1

    def flush(self, session: Session) -> None:
        for table, cols, rows in (
            (Deal.__table__, _DEAL_COLS, self.deals),
            (DealLine.__table__, _LINE_COLS, self.lines),
            (DealMove.__table__, _MOVE_COLS, self.moves),
            (DealAnswer.__table__, _ANSWER_COLS, self.answers),
            (Approval.__table__, _APPROVAL_COLS, self.approvals),
        ):
            _insert(session, table, cols, rows, self.sqlite)
        self.reset()


def _short(name: str) -> str:
    for suffix in ("股份有限公司", "集团有限公司", "有限公司"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _insert(session: Session, table, cols: list[str], rows: list[tuple], sqlite: bool) -> None:
    if not rows:
        return
    if sqlite:
        # Raw executemany, in the unit of work's own transaction: ~2.5x faster than Core.
        cursor = session.connection().connection.driver_connection.cursor()
        marks = ",".join("?" * len(cols))
        cursor.executemany(f"INSERT INTO {table.name}({','.join(cols)}) VALUES({marks})", rows)
        cursor.close()
        return
    session.execute(insert(table), [dict(zip(cols, r, strict=True)) for r in rows])


def add_demo_deals(
    session: Session,
    now: datetime,
    *,
    count: int | None = None,
    rng: random.Random | None = None,
    open_share: float = OPEN_SHARE,
    chunk: int = CHUNK,
) -> DemoDeals:
    """Deals of the owned customers (the default pipeline, its products and lost reasons made
    first if missing): `count` of them (default: one for every two owned customers, at most
    DEFAULT_MOST), round(count × open_share) open, the others won or lost. In the caller's unit
    of work; refresh the planner's statistics after it (dialects.refresh_statistics)."""
    if count is not None and (isinstance(count, bool) or not isinstance(count, int)
                              or not 0 <= count <= MAX):  # fmt: skip
        raise ValidationFailed(errors=[("count", "out_of_range")], limits={"count": MAX})
    rng = rng or random.Random(1)
    now = clean_time(now)
    pipeline = get_pipeline(session, create_default_pipeline(session, now))
    before = session.scalar(select(func.count()).select_from(Product)) or 0
    products = ensure_products(session, now)
    added = (session.scalar(select(func.count()).select_from(Product)) or 0) - before
    customers = session.execute(
        select(Customer.id, Customer.name, Customer.owner_id, Customer.created_at)
        .where(Customer.owner_id.is_not(None), Customer.deleted_at.is_(None))
        .order_by(Customer.id)
    ).all()
    if count is None:
        count = min(max(1, len(customers) // 2), DEFAULT_MOST)
    if not customers or not count:
        return DemoDeals(added, 0, 0, 0, 0, 0, 0, 0)
    reasons = [r.code for r in lost_reasons(session)] or ["other"]
    build = _Builder(session, now, rng, pipeline, products, reasons)
    opened = min(count, max(0, round(count * open_share)))
    outcomes = ["open"] * opened + [rng.choice(("won", "lost")) for _ in range(count - opened)]
    rng.shuffle(outcomes)
    waiting = 0 if build.asking is None else min(opened, max(2, opened // 200))
    for k, outcome in enumerate(outcomes):
        wait = outcome == "open" and waiting > 0
        waiting -= wait
        build.add(rng.choice(customers), outcome, wait)
        if (k + 1) % chunk == 0:
            build.flush(session)
    build.flush(session)
    won = sorted(build.won_customers)
    for i in range(0, len(won), 500):
        session.execute(
            update(Customer)
            .where(Customer.id.in_(won[i : i + 500]), Customer.status != "customer")
            .values(status="customer"),
            execution_options={"synchronize_session": False},
        )
    reset_id_sequences(session.connection(), ["deals", "deal_lines", "deal_moves", "approvals"])
    c = build.counts
    return DemoDeals(added, count, c["open"], c["won"], c["lost"], c["lines"], c["moves"],
                     c["approvals"])  # fmt: skip
