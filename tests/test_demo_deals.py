"""The demo's deals (demo_deals.py) on SQLite, PostgreSQL and MariaDB: every deal got where it is
through the gates (checked here independently of the move service, from the pipeline's own
stages), its history ends where it stands, totals follow the lines, won deals made their
customers customers, and there is something of everything for the board to show."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from helpers import NOW
from sqlalchemy import func, select

from crmdesk.models.deal_board import BoardQuery
from crmdesk.models.demo import generate_demo
from crmdesk.models.demo_deals import PRODUCTS, add_demo_deals
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.pipeline import list_pipelines, lost_reasons
from crmdesk.models.schema import Customer, User
from crmdesk.models.schema_deals import Approval, Deal, DealAnswer, DealLine, DealMove, Product
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace

# The moves that put a deal in a stage (approval_requested, approved and rejected only ask or
# answer; the move that follows an approval puts it there).
PLACING = ("created", "moved", "won", "lost", "reopened")


def _total(line) -> Decimal:
    gross = line.quantity * line.unit_price * (100 - line.discount) / 100
    return gross.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _rule_fires(stage, amount, lines) -> bool:
    limit = stage.approval_threshold
    if stage.approval == "always":
        return True
    if stage.approval == "discount":
        return limit is not None and any(x.discount > limit for x in lines)
    if stage.approval == "amount":
        return limit is not None and amount > limit
    return False


def _gate_problems(stage, deal, lines, answers_given, stored) -> list[str]:
    """What the stage's gate would refuse of this deal entering it with these answers."""
    problems = []
    for key in stage.required_fields:
        present = {
            "amount": deal.amount > 0,
            "expected_close": deal.expected_close is not None,
            "lines": bool(lines),
            "competitor": bool(deal.competitor.strip()),
            "source": bool(deal.source.strip()),
        }[key]
        if not present:
            problems.append(f"field {key}")
    given = dict(answers_given)
    for q in stage.questions:
        answer = given.get(q.text, "")
        if q.required and not answer:
            problems.append(f"question {q.code} unanswered")
        if q.kind == "yes_no" and q.must_be_yes and answer != "yes":
            problems.append(f"question {q.code} not yes")
        if q.kind == "choice" and answer and answer not in q.choices:
            problems.append(f"question {q.code} not a choice")
        if stored is not None and answer and stored.get(q.id) != answer:
            problems.append(f"question {q.code} not kept")
    return problems


@pytest.fixture
def demo(db):
    generate_demo(db, customers=120, seed=3, now=NOW - timedelta(days=1), deals=False)
    with db.writing() as s:
        result = add_demo_deals(s, NOW, count=300, rng=random.Random(4))
    return result


def test_demo_deals_are_consistent(db, demo):
    with db.reading() as s:
        pipeline = next(p for p in list_pipelines(s) if p.code == "default")
        deals = list(s.scalars(select(Deal).order_by(Deal.id)))
        lines, moves = defaultdict(list), defaultdict(list)
        for x in s.scalars(select(DealLine).order_by(DealLine.deal_id, DealLine.position)):
            lines[x.deal_id].append(x)
        for m in s.scalars(select(DealMove).order_by(DealMove.deal_id, DealMove.at, DealMove.id)):
            moves[m.deal_id].append(m)
        stored = defaultdict(dict)
        for a in s.scalars(select(DealAnswer)):
            stored[a.deal_id][a.question_id] = a.answer
        approvals = defaultdict(list)
        for a in s.scalars(select(Approval)):
            approvals[a.deal_id].append(a)
        customers = {c.id: c for c in s.scalars(select(Customer))}
        teams = dict(s.execute(select(User.id, User.team_id)).all())
        reasons = {r.code for r in lost_reasons(s)}
    stage = {x.id: x for x in pipeline.stages}
    opens = [x.id for x in pipeline.open_stages]
    assert len(deals) == demo.deals == 300
    assert demo.open == 120 and demo.won + demo.lost == 180
    assert sum(len(v) for v in lines.values()) == demo.lines
    assert sum(len(v) for v in moves.values()) == demo.moves

    stale = waiting = approved = 0
    for deal in deals:
        history, mine = moves[deal.id], lines[deal.id]
        where = f"deal {deal.id}"
        # Whose: the customer's owner, and that owner's team.
        assert deal.owner_id == customers[deal.customer_id].owner_id, where
        assert deal.team_id == teams[deal.owner_id], where
        assert deal.pipeline_id == pipeline.id and deal.deleted_at is None
        # The history: created in the first stage, each placing move from where the last left
        # it, ending where the deal stands, when it entered it; all within the last year.
        assert history[0].kind == "created" and history[0].from_stage_id is None, where
        assert history[0].to_stage_id == opens[0] and history[0].at == deal.created_at, where
        placing = [m for m in history if m.kind in PLACING]
        for before, after in zip(placing, placing[1:], strict=False):
            assert after.from_stage_id == before.to_stage_id, where
        assert placing[-1].to_stage_id == deal.stage_id, where
        assert placing[-1].at == deal.stage_entered_at, where
        assert all(a.at <= b.at for a, b in zip(history, history[1:], strict=False)), where
        assert NOW - timedelta(days=366) <= deal.created_at and history[-1].at <= NOW, where
        # Totals follow the lines unless the rep set the amount.
        if not deal.amount_manual:
            assert deal.amount == sum((_total(x) for x in mine), Decimal("0.00")), where
        # Every stage entered was entered through its gate.
        for m in placing[1:]:
            entered = stage[m.to_stage_id]
            given = json.loads(m.answers) if m.answers else []
            assert _gate_problems(entered, deal, mine, given, stored[deal.id]) == [], where
            if _rule_fires(entered, deal.amount, mine):
                granted = [a for a in approvals[deal.id] if a.to_stage_id == entered.id
                           and a.status == "approved" and a.decided_at <= m.at]  # fmt: skip
                assert granted, f"{where}: no approval to enter {entered.code}"
                assert granted[0].requested_at <= granted[0].decided_at
                kinds = [x.kind for x in history if x.to_stage_id == entered.id]
                assert kinds == ["approval_requested", "approved", "moved"], where
                approved += 1
        # Status, close and the customer.
        current = stage[deal.stage_id]
        assert deal.status == current.kind, where
        assert (deal.closed_at is not None) == (deal.status != "open"), where
        if deal.status == "won":
            assert [m.to_stage_id for m in placing[:-1]] == opens, where  # every open stage
            assert customers[deal.customer_id].status == "customer", where
            assert deal.amount > 0
        if deal.status == "lost":
            assert deal.lost_code in reasons, where
            assert deal.lost_code != "other" or deal.lost_text, where
        if deal.status == "open" and current.stale_days is not None:
            stale += deal.stage_entered_at < NOW - timedelta(days=current.stale_days)
        # A deal waiting for a manager: a pending request to a stage whose rule fires, whose
        # gate its fields pass, the last thing in its history.
        if deal.awaiting_stage_id is not None:
            target = stage[deal.awaiting_stage_id]
            pending = [a for a in approvals[deal.id] if a.status == "pending"]
            assert [a.to_stage_id for a in pending] == [target.id], where
            assert history[-1].kind == "approval_requested", where
            assert history[-1].to_stage_id == target.id, where
            assert _rule_fires(target, deal.amount, mine), where
            given = json.loads(history[-1].answers) if history[-1].answers else []
            assert _gate_problems(target, deal, mine, given, None) == [], where
            waiting += 1
        else:
            assert not [a for a in approvals[deal.id] if a.status == "pending"], where

    # Something of everything.
    by_stage = {x.id: 0 for x in pipeline.stages}
    for deal in deals:
        by_stage[deal.stage_id] += 1
    assert all(by_stage.values()), by_stage
    assert stale >= 3 and waiting >= 2 and approved >= 1
    assert sum(len(v) for v in approvals.values()) == demo.approvals


def test_demo_deals_show_on_the_board(db, demo):
    with db.reading() as s:
        admin_id = s.scalar(select(User.id).where(User.role == "admin"))
        admin = get_user(s, admin_id)
        pipeline_id = s.scalar(select(Deal.pipeline_id).limit(1))
        rows = s.execute(select(Deal.status, Deal.amount)).all()
    ws = Workspace(db, admin, clock=lambda: NOW)
    figures = ws.board_columns(BoardQuery(pipeline_id=pipeline_id))
    assert sum(f.count for f in figures) == demo.open
    assert sum(f.total for f in figures) == sum(a for st, a in rows if st == "open")


def test_products_once_and_bad_counts(db, demo):
    with db.writing() as s:
        again = add_demo_deals(s, NOW, count=0, rng=random.Random(1))
        assert s.scalar(select(func.count()).select_from(Product)) == len(PRODUCTS)
    assert again.products == 0 and again.deals == 0
    for bad in (-1, True, 1.5, 10**9):
        with pytest.raises(ValidationFailed), db.writing() as s:
            add_demo_deals(s, NOW, count=bad)


def test_the_demo_command_makes_deals_too(db):
    """`crmdesk demo` fills the pipeline as well: one deal for every two owned customers."""
    generate_demo(db, customers=60, seed=2, now=NOW)
    with db.reading() as s:
        owned = s.scalar(select(func.count()).where(Customer.owner_id.is_not(None)))
        made = s.scalar(select(func.count()).select_from(Deal))
    assert owned > 0 and made == owned // 2
