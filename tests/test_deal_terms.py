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
from crmdesk.models.errors import NotFound, ValidationFailed


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


def deal_owner(db, deal_id) -> int:
    from crmdesk.models.schema_deals import Deal

    with db.reading() as s:
        return s.get(Deal, deal_id).owner_id


def test_a_customer_handed_over_takes_its_open_deals_along(db, people, pipeline, now):
    p, pl = people, pipeline
    open_id = make_deal(db, p.rep_n1, pl, "initial", amount=Decimal(100))
    rep = ws(db, p.rep_n1)
    customer_id = rep.deal(open_id).data.customer_id
    won = rep.move_deal(open_id, stage(pl, "won").id, 1, won_amount=Decimal(100)).value
    rep.move_deal(open_id, stage(pl, "initial").id, won.version)  # reopened: open again
    closed_id = make_deal(db, p.rep_n1, pl, "initial", amount=Decimal(50))
    with db.writing() as s:  # the second deal on the same customer, then lost
        from crmdesk.models.schema_deals import Deal

        s.get(Deal, closed_id).customer_id = customer_id
    version = rep.deal(closed_id).version
    rep.move_deal(closed_id, stage(pl, "lost").id, version, lost_code="price")
    result = ws(db, p.manager_n).assign_customers([customer_id], p.rep_n2.id, "rebalance", "")
    assert "deals" in result.change.kinds
    assert deal_owner(db, open_id) == p.rep_n2.id  # the open deal went along
    assert deal_owner(db, closed_id) == p.rep_n1.id  # the lost one stays with who lost it
    # The new owner sees both on the customer's Deals tab; the old owner sees none any more.
    assert {d.id for d in ws(db, p.rep_n2).customer_deals(customer_id)} == {open_id, closed_id}


def test_a_colleagues_deal_shows_on_a_customer_one_may_see(db, people, pipeline):
    p, pl = people, pipeline
    deal_id = make_deal(db, p.rep_n1, pl, "initial")
    customer_id = ws(db, p.rep_n1).deal(deal_id).data.customer_id
    with db.writing() as s:  # the deal is rep_n2's, the customer rep_n1's
        from crmdesk.models.schema_deals import Deal

        deal = s.get(Deal, deal_id)
        deal.owner_id, deal.team_id = p.rep_n2.id, p.rep_n2.team_id
    assert [d.id for d in ws(db, p.rep_n1).customer_deals(customer_id)] == [deal_id]
    with pytest.raises(NotFound):  # a customer one may not see: nothing at all
        ws(db, p.rep_s1).customer_deals(customer_id)


def test_a_manager_does_not_approve_their_own_request(db, people, pipeline):
    from crmdesk.models.errors import PermissionDenied

    pl = pipeline
    answers = {qid(pl, "budget"): "yes", qid(pl, "decision_maker"): "王总"}
    deal_id = make_deal(db, people.manager_n, pl, "needs", lines=[(1000, 25)], amount=Decimal(750),
                        expected_close=date(2027, 2, 1), answers=answers)  # fmt: skip
    boss = ws(db, people.manager_n)
    filed = boss.move_deal(deal_id, stage(pl, "quote").id, 1, {qid(pl, "demo_format"): "远程"})
    assert filed.value.status == "awaiting_approval"
    assert boss.count_pending_approvals() == 0  # not in their own badge
    with pytest.raises(PermissionDenied):
        boss.decide_approval(filed.value.approval_id, True, "")
    assert ws(db, people.admin).count_pending_approvals() == 1
    ws(db, people.admin).decide_approval(filed.value.approval_id, True, "")
    assert boss.deal(deal_id).stage_code == "quote"


def test_a_request_on_a_customer_in_the_bin_leaves_the_badge(db, people, asked):  # noqa: F811
    deal_id, _result = asked
    manager = ws(db, people.manager_n)
    assert manager.count_pending_approvals() == 1
    customer_id = manager.deal(deal_id).data.customer_id
    manager.delete_customers([customer_id])
    assert manager.count_pending_approvals() == 0 == len(manager.approvals("pending"))


def test_the_board_finds_a_deal_by_its_customers_pinyin_and_phone(db, people, pipeline):
    """As the customer list finds the customer: initials, full pinyin, a contact's phone."""
    from crmdesk.models.contacts import ContactInput
    from crmdesk.models.customers import CustomerInput
    from crmdesk.models.deal_board import BoardQuery
    from crmdesk.models.deal_rules import DealInput

    rep = ws(db, people.rep_n1)
    cid = rep.create_customer(CustomerInput(name="重庆星城科技有限公司"),
                              [ContactInput(name="王磊", mobile="13912345678")]).value  # fmt: skip
    other = rep.create_customer(CustomerInput(name="北京华信贸易")).value
    mine = rep.create_deal(DealInput(cid, "ERP 项目", pipeline.id)).value
    rep.create_deal(DealInput(other, "ERP 二期", pipeline.id))
    for term in ("cqxc", "chongqing", "13912345678", "王磊", "星城"):
        query = BoardQuery(pipeline_id=pipeline.id, scope="mine", search=term)
        assert rep.list_deals(query, 0, 10) and [d.id for d in rep.list_deals(query, 0, 10)] == [
            mine
        ], term
        first = pipeline.open_stages[0].id
        assert [c.id for c in rep.stage_cards(query, first, 0, 10)] == [mine], term
