"""Approvals of stage moves on SQLite, PostgreSQL and MariaDB: a gate asking for one files a
request (the deal waits, the team's manager hears of it), approving moves the deal with the
answers given, rejecting keeps it where it is with the reason, a request is decided once and
only by an admin or a manager of the requester's team, and the requester can take it back."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from helpers import NOW
from sqlalchemy import delete, select
from test_deal_moves import history, make_deal, qid, read_deal, stage, stored, ws

from crmdesk.models.deal_moves import GateRefused
from crmdesk.models.errors import NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.schema import Notification
from crmdesk.models.schema_deals import Approval, DealLine

LATER = NOW + timedelta(hours=2)


@pytest.fixture
def asked(db, people, pipeline):
    """A deal of rep_n1's in 需求分析 with a line 25% off, moved to 报价 (past 方案演示, whose
    question is answered with the move): the quote stage asks approval over 20%."""
    pl = pipeline
    deal_id = make_deal(
        db, people.rep_n1, pl, "needs", lines=[(1000, 25)], amount=Decimal(750),
        expected_close=date(2027, 2, 1),
        answers={qid(pl, "budget"): "yes", qid(pl, "decision_maker"): "王总"},
    )  # fmt: skip
    given = {qid(pl, "demo_format"): "远程"}
    result = ws(db, people.rep_n1).move_deal(deal_id, stage(pl, "quote").id, 1, given, "请批准")
    return deal_id, result


def approval(db, approval_id) -> Approval:
    with db.reading() as s:
        return s.get(Approval, approval_id)


def notices(db) -> list[tuple]:
    with db.reading() as s:
        stmt = select(Notification.user_id, Notification.kind, Notification.detail)
        return sorted(tuple(n) for n in s.execute(stmt.order_by(Notification.id)))


def test_a_stage_asking_for_approval_files_a_request(db, people, pipeline, asked):
    p, pl = people, pipeline
    deal_id, result = asked
    value = result.value
    assert (value.status, value.stage_id, value.version) == (
        "awaiting_approval", stage(pl, "needs").id, 2)  # fmt: skip
    assert result.change.kinds == {"deals", "approvals", "notifications"}
    row = approval(db, value.approval_id)
    assert (row.kind, row.deal_id, row.to_stage_id, row.reason, row.status, row.team_id,
            row.requested_by_id, row.requested_at) == (
        "stage", deal_id, stage(pl, "quote").id, "discount", "pending", p.rep_n1.team_id,
        p.rep_n1.id, NOW)  # fmt: skip
    assert json.loads(row.answers)["answers"] == {str(qid(pl, "demo_format")): "远程"}
    deal = read_deal(db, deal_id)
    assert (deal.stage_id, deal.awaiting_stage_id) == (stage(pl, "needs").id, row.to_stage_id)
    assert qid(pl, "demo_format") not in stored(db, deal_id)  # only once approved
    (move,) = history(db, deal_id)
    assert move[:5] == ("approval_requested", stage(pl, "needs").id, stage(pl, "quote").id,
                        p.rep_n1.id, "请批准")  # fmt: skip
    assert notices(db) == [(p.manager_n.id, "approval", "年度采购")]
    # the deal waits: no other move until the request is decided or taken back
    with pytest.raises(ValidationFailed) as info:
        ws(db, p.rep_n1).move_deal(deal_id, stage(pl, "initial").id, 2)
    assert info.value.params["errors"] == [("stage", "awaiting_approval")]
    # who sees it, and whose badge counts it
    seen = {who: [a.id for a in ws(db, getattr(p, who)).approvals()]
            for who in ("admin", "manager_n", "rep_n1", "rep_n2", "manager_s")}  # fmt: skip
    assert seen == {"admin": [row.id], "manager_n": [row.id], "rep_n1": [row.id],
                    "rep_n2": [], "manager_s": []}  # fmt: skip
    badges = {who: ws(db, getattr(p, who)).count_pending_approvals()
              for who in ("admin", "manager_n", "rep_n1", "manager_s")}  # fmt: skip
    assert badges == {"admin": 1, "manager_n": 1, "rep_n1": 0, "manager_s": 0}
    (listed,) = ws(db, p.manager_n).approvals()
    assert (listed.deal_title, listed.customer_name, listed.amount, listed.from_stage_name,
            listed.to_stage_name, listed.reason, listed.requested_by_name, listed.status) == (
        "年度采购", "交易客户", Decimal(750), "需求分析", "报价", "discount", p.rep_n1.name,
        "pending")  # fmt: skip


def test_approving_moves_the_deal_with_the_answers_given(db, people, pipeline, asked):
    p, pl = people, pipeline
    deal_id, result = asked
    approval_id = result.value.approval_id
    decided = ws(db, p.manager_n, LATER).decide_approval(approval_id, True, "同意")
    assert {"deals", "approvals", "notifications"} <= decided.change.kinds
    deal = read_deal(db, deal_id)
    assert (deal.stage_id, deal.awaiting_stage_id, deal.version, deal.updated_by_id) == (
        stage(pl, "quote").id, None, 3, p.manager_n.id)  # fmt: skip
    assert stored(db, deal_id)[qid(pl, "demo_format")] == "远程"
    kinds = [(k, a, c) for k, _f, _t, a, c, _j in history(db, deal_id)]
    assert kinds == [
        ("approval_requested", p.rep_n1.id, "请批准"),
        ("approved", p.manager_n.id, "同意"),
        ("moved", p.rep_n1.id, "请批准"),
    ]
    assert json.loads(history(db, deal_id)[-1][5]) == [["演示方式", "远程"]]
    row = approval(db, approval_id)
    assert (row.status, row.decided_by_id, row.decided_at, row.comment) == (
        "approved", p.manager_n.id, LATER, "同意")  # fmt: skip
    assert (p.rep_n1.id, "approval_decided", "approved:年度采购") in notices(db)
    assert ws(db, p.manager_n).approvals() == []
    (done,) = ws(db, p.manager_n).approvals("approved")
    assert (done.decided_by_name, done.decided_at, done.from_stage_name, done.comment) == (
        p.manager_n.name, LATER, "需求分析", "同意")  # fmt: skip
    with pytest.raises(ValidationFailed) as info:  # decided once
        ws(db, p.admin).decide_approval(approval_id, False, "不行")
    assert info.value.params["errors"] == [("approval", "decided")]


def test_rejecting_keeps_the_deal_where_it_is_and_says_why(db, people, pipeline, asked):
    p, pl = people, pipeline
    deal_id, result = asked
    approval_id = result.value.approval_id
    with pytest.raises(ValidationFailed) as info:
        ws(db, p.manager_n).decide_approval(approval_id, False, "  ")
    assert info.value.params["errors"] == [("comment", "required")]
    ws(db, p.admin, LATER).decide_approval(approval_id, False, "折扣太高")
    deal = read_deal(db, deal_id)
    assert (deal.stage_id, deal.awaiting_stage_id, deal.version) == (
        stage(pl, "needs").id, None, 3)  # fmt: skip
    assert history(db, deal_id)[-1][:5] == (
        "rejected",
        stage(pl, "needs").id,
        stage(pl, "quote").id,
        p.admin.id,
        "折扣太高",
    )
    assert approval(db, approval_id).status == "rejected"
    assert (p.rep_n1.id, "approval_decided", "rejected:年度采购") in notices(db)
    with pytest.raises(ValidationFailed) as info:
        ws(db, p.manager_n).decide_approval(approval_id, True, "")
    assert info.value.params["errors"] == [("approval", "decided")]
    # free to move again; the answers of a rejected request were not kept: given again
    given = {qid(pl, "demo_format"): "现场"}
    again = ws(db, p.rep_n1).move_deal(deal_id, stage(pl, "quote").id, 3, given).value
    assert again.status == "awaiting_approval" and again.approval_id != approval_id


def test_only_an_admin_or_the_teams_manager_decides(db, people, pipeline, asked):
    p = people
    deal_id, result = asked
    approval_id = result.value.approval_id
    for outsider in (p.rep_n1, p.rep_n2, p.manager_s, p.rep_s1):
        with pytest.raises(PermissionDenied):
            ws(db, outsider).decide_approval(approval_id, True, "")
    with pytest.raises(NotFound):
        ws(db, p.manager_n).decide_approval(approval_id + 1000, True, "")
    assert approval(db, approval_id).status == "pending"
    assert read_deal(db, deal_id).version == 2


def test_approving_still_needs_what_the_stages_ask(db, people, pipeline, asked):
    p, pl = people, pipeline
    deal_id, result = asked
    with db.writing() as s:  # the lines went while the request waited
        s.execute(delete(DealLine).where(DealLine.deal_id == deal_id))
    with pytest.raises(GateRefused) as info:
        ws(db, p.manager_n).decide_approval(result.value.approval_id, True, "同意")
    assert info.value.params["missing"] == [(stage(pl, "quote").id, "field", "lines")]
    assert approval(db, result.value.approval_id).status == "pending"
    assert read_deal(db, deal_id).version == 2 and len(history(db, deal_id)) == 1


def test_the_requester_takes_a_request_back(db, people, pipeline, asked):
    p, pl = people, pipeline
    deal_id, result = asked
    approval_id = result.value.approval_id
    with pytest.raises(NotFound):
        ws(db, p.rep_n2).cancel_approval(approval_id)
    ws(db, p.rep_n1, LATER).cancel_approval(approval_id)
    row = approval(db, approval_id)
    assert (row.status, row.decided_by_id, row.decided_at) == ("cancelled", p.rep_n1.id, LATER)
    deal = read_deal(db, deal_id)
    assert (deal.awaiting_stage_id, deal.version, deal.stage_id) == (
        None, 3, stage(pl, "needs").id)  # fmt: skip
    assert history(db, deal_id)[-1][0] == "approval_cancelled"
    with pytest.raises(ValidationFailed):
        ws(db, p.manager_n).decide_approval(approval_id, True, "")
    assert ws(db, p.manager_n).count_pending_approvals() == 0
    assert [a.status for a in ws(db, p.rep_n1).approvals("")] == ["cancelled"]
