"""What a deal's terms may do while a manager decides on them, and the board's "answer the gate"
path as one unit of work (SQLite, PostgreSQL and MariaDB)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from test_approvals import asked  # noqa: F401  (a fixture: a deal awaiting approval)
from test_deal_moves import make_deal, qid, stage, ws

from crmdesk.models.deal_moves import GateRefused
from crmdesk.models.deal_rules import LineInput
from crmdesk.models.errors import ValidationFailed


def test_the_lines_cannot_change_while_a_manager_decides_on_them(db, people, asked):  # noqa: F811
    deal_id, result = asked
    rep = ws(db, people.rep_n1)
    detail = rep.deal(deal_id)
    steeper = tuple(replace(line, discount=Decimal(95)) for line in detail.data.lines)
    with pytest.raises(ValidationFailed) as refused:
        rep.update_deal(deal_id, replace(detail.data, lines=steeper), detail.version)
    assert ("lines", "awaiting_approval") in refused.value.params["errors"]
    assert rep.deal(deal_id).data.lines == detail.data.lines
    # Other fields (the notes) may still change.
    saved = rep.update_deal(deal_id, replace(detail.data, notes="等经理批"), detail.version)
    assert saved.value.data.notes == "等经理批"


def test_a_gate_refusing_after_its_fields_are_given_saves_nothing(db, people, pipeline):
    pl = pipeline
    answers = {qid(pl, "budget"): "yes", qid(pl, "decision_maker"): "王总"}
    deal_id = make_deal(db, people.rep_n1, pl, "needs", amount=Decimal(0), answers=answers)
    rep = ws(db, people.rep_n1)
    detail = rep.deal(deal_id)
    data = replace(detail.data, amount=Decimal(5000), expected_close=date(2027, 3, 1))
    with pytest.raises(GateRefused):  # 方案演示's question is still unanswered
        rep.complete_and_move(deal_id, data, stage(pl, "proposal").id, detail.version, {})
    after = rep.deal(deal_id)
    assert (after.version, after.amount, after.data.expected_close) == (
        detail.version, detail.amount, detail.data.expected_close)  # fmt: skip
    given = {qid(pl, "demo_format"): "现场"}
    moved = rep.complete_and_move(deal_id, data, stage(pl, "proposal").id, detail.version, given)
    assert moved.value.status == "moved"
    final = rep.deal(deal_id)
    assert (final.stage_code, final.amount) == ("proposal", Decimal("5000.00"))
    assert {"deals"} <= moved.change.kinds


def test_lines_may_change_again_once_decided(db, people, asked):  # noqa: F811
    deal_id, result = asked
    manager = ws(db, people.manager_n)
    manager.decide_approval(result.value.approval_id, True, "同意")
    rep = ws(db, people.rep_n1)
    detail = rep.deal(deal_id)
    lines = (*detail.data.lines, LineInput(None, "实施服务", Decimal(1), Decimal(200), Decimal(0)))
    saved = rep.update_deal(deal_id, replace(detail.data, lines=lines), detail.version)
    assert len(saved.value.lines) == 2
