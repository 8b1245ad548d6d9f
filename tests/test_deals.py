"""Deals themselves on SQLite, PostgreSQL and MariaDB: lines and their totals to the cent, every
input checked, who may read and edit a deal, a conflict naming who changed what, the recycle bin
and a customer's Deals tab. Moves between stages are tested in test_deal_moves.py."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW
from sqlalchemy import select

from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.deals import (
    DealInput,
    LineInput,
    check_deal,
    deal_for_write,
    line_total,
    lines_total,
    parse_answers,
)
from crmdesk.models.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.schema_deals import DealLine, DealMove
from crmdesk.models.workspace import Workspace


def ws(db, actor, now=NOW):
    return Workspace(db, actor, clock=lambda: now)


def customer(db, owner, name="星辰科技"):
    with db.writing() as s:
        return create_customer(s, owner, CustomerInput(name=name), NOW)


LINES = (
    LineInput(None, "ERP 授权", D(3), D("33.33"), D(10)),  # 89.991 -> 89.99
    LineInput(None, "实施服务", D("1.5"), D("200.00")),  # 300.00
)


def errors_of(exc) -> list[tuple[str, str]]:
    return list(exc.value.params["errors"])


def line(quantity=D(1), price=D(1), discount=D(0), name="x"):
    return {"lines": (LineInput(None, name, quantity, price, discount),)}


def test_line_totals_round_half_up_to_the_cent():
    assert line_total(LINES[0]) == D("89.99")
    assert line_total(LineInput(None, "x", D(1), D("0.05"), D(50))) == D("0.03")  # .025 up
    assert lines_total(LINES) == D("389.99")
    assert lines_total(()) == D("0.00")


def test_a_deal_is_created_with_lines_and_its_amount_follows_them(db, people, pipeline):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    done = rep.create_deal(DealInput(cid, "  ERP 项目 ", pipeline.id, lines=LINES))
    assert done.change.kinds == {"deals"} and done.change.customer_ids == {cid}
    deal = rep.deal(done.value)
    first = pipeline.open_stages[0]
    assert (deal.data.title, deal.amount, deal.data.amount) == ("ERP 项目", D("389.99"), None)
    assert [x.total for x in deal.lines] == [D("89.99"), D("300.00")]
    assert (deal.stage_name, deal.stage_code, deal.status) == (first.name, "initial", "open")
    assert (deal.probability, deal.data.owner_id, deal.owner_name) == (10, p.rep_n1.id, "张伟")
    assert (deal.customer_name, deal.pipeline_name, deal.stage_entered_at) == (
        "星辰科技", pipeline.name, NOW)  # fmt: skip
    assert deal.team_id == p.rep_n1.team_id and deal.editable and deal.version == 1
    assert [(m.kind, m.to_stage, m.actor_name) for m in deal.history] == [
        ("created", first.name, "张伟")]  # fmt: skip
    assert deal.approval is None and deal.answers == ()

    # lines change: the amount follows them
    later = NOW + timedelta(hours=1)
    lines = (replace(LINES[0], discount=D(0)),)
    saved = ws(db, p.rep_n1, later).update_deal(deal.id, replace(deal.data, lines=lines), 1).value
    assert (saved.amount, saved.version, saved.updated_at) == (D("99.99"), 2, later)
    with db.reading() as s:
        assert len(s.scalars(select(DealLine).where(DealLine.deal_id == deal.id)).all()) == 1


def test_a_manual_amount_stays_whatever_the_lines(db, people, pipeline):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    data = DealInput(cid, "年度框架", pipeline.id, amount=D("120000.50"), lines=LINES,
                     probability=35, expected_close=date(2027, 3, 31))  # fmt: skip
    deal = rep.deal(rep.create_deal(data).value)
    assert (deal.amount, deal.data.amount, deal.probability) == (D("120000.50"),) * 2 + (35,)
    assert deal.data.expected_close == date(2027, 3, 31)
    saved = rep.update_deal(deal.id, replace(deal.data, lines=()), deal.version).value
    assert saved.amount == D("120000.50") and saved.lines == ()
    # the version moves even when only the lines changed (same second, same amount)
    assert saved.version == deal.version + 1
    back = rep.update_deal(deal.id, replace(saved.data, amount=None), saved.version).value
    assert (back.amount, back.data.amount) == (D("0.00"), None)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"title": "长" * 10_000}, ("title", "too_long")),
        ({"title": "   "}, ("title", "required")),
        ({"title": "ab\x00c"}, ("title", "bad_character")),
        ({"notes": "x\x00"}, ("notes", "bad_character")),
        ({"competitor": "c" * 101}, ("competitor", "too_long")),
        ({"amount": D("-1")}, ("amount", "out_of_range")),
        ({"amount": D("1.005")}, ("amount", "too_many_decimals")),
        ({"amount": D(10) ** 12}, ("amount", "out_of_range")),
        ({"amount": 1.5}, ("amount", "invalid")),
        ({"amount": D("NaN")}, ("amount", "invalid")),
        ({"probability": 101}, ("probability", "out_of_range")),
        ({"probability": True}, ("probability", "invalid")),
        ({"expected_close": date(1800, 1, 1)}, ("expected_close", "out_of_range")),
        ({"customer_id": None}, ("customer_id", "required")),
        ({"owner_id": "3"}, ("owner_id", "invalid")),
        (line(discount=D(101)), ("lines.0.discount", "out_of_range")),
        (line(discount=D(-1)), ("lines.0.discount", "out_of_range")),
        (line(quantity=D(0)), ("lines.0.quantity", "out_of_range")),
        (line(price=D("-0.01")), ("lines.0.unit_price", "out_of_range")),
        (line(price=D("9.999")), ("lines.0.unit_price", "too_many_decimals")),
        (line(name=""), ("lines.0.name", "required")),
        (line(D(10) ** 9, D(10) ** 11), ("lines.0.total", "out_of_range")),
        ({"lines": (LineInput(None, "x", D(1), D(1)),) * 201}, ("lines", "too_many")),
        ({"lines": "abc"}, ("lines", "invalid")),
    ],
)  # fmt: skip
def test_every_input_is_checked(change, error):
    data = replace(DealInput(1, "ERP", 1), **change)
    with pytest.raises(ValidationFailed) as bad:
        check_deal(data)
    assert error in errors_of(bad)


def test_the_lines_total_must_fit_the_amount_column():
    many = (LineInput(None, "x", D(1), D(10) ** 12 - 1),) * 2
    with pytest.raises(ValidationFailed) as bad:
        check_deal(DealInput(1, "ERP", 1, lines=many))
    assert errors_of(bad) == [("amount", "out_of_range")]
    assert check_deal(DealInput(1, "ERP", 1, amount=D(5), lines=many)).amount == D("5.00")


def test_bad_input_never_reaches_the_database(db, people, pipeline):
    """The servers would raise a DataError on these; the check refuses them first."""
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    for data in (
        DealInput(cid, "t" * 10_000, pipeline.id),
        DealInput(cid, "ERP", pipeline.id, lines=(LineInput(None, "x", D(1), D("0.001")),)),
        DealInput(cid, "ERP", pipeline.id, source="s" * 51),
    ):
        with pytest.raises(ValidationFailed):
            rep.create_deal(data)
    assert rep.customer_deals(cid) == []


def test_the_stage_at_creation_is_an_ungated_open_stage_of_the_pipeline(db, people, pipeline):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    stages = {s.code: s for s in pipeline.stages}
    for code in ("needs", "proposal", "quote"):  # questions, required fields, an approval
        with pytest.raises(ValidationFailed) as bad:
            rep.create_deal(DealInput(cid, "ERP", pipeline.id, stage_id=stages[code].id))
        assert errors_of(bad) == [("stage_id", "gated")]
    for code in ("won", "lost"):
        with pytest.raises(ValidationFailed) as bad:
            rep.create_deal(DealInput(cid, "ERP", pipeline.id, stage_id=stages[code].id))
        assert errors_of(bad) == [("stage_id", "invalid")]
    with pytest.raises(NotFound):
        rep.create_deal(DealInput(cid, "ERP", 999_999))
    with pytest.raises(ValidationFailed) as bad:
        rep.create_deal(DealInput(cid, "ERP", pipeline.id, lines=(
            LineInput(999_999, "x", D(1), D(1)),)))  # fmt: skip
    assert errors_of(bad) == [("lines.0.product_id", "not_found")]
    deal_id = rep.create_deal(DealInput(cid, "ERP", pipeline.id, stage_id=stages["initial"].id))
    assert rep.deal(deal_id.value).stage_code == "initial"


def test_who_may_create_and_for_whom(db, people, pipeline):
    p = people
    cid = customer(db, p.rep_n1)
    with pytest.raises(NotFound):  # another team's customer is hidden
        ws(db, p.rep_s1).create_deal(DealInput(cid, "ERP", pipeline.id))
    with pytest.raises(PermissionDenied):  # a rep hands nothing to a colleague
        ws(db, p.rep_n1).create_deal(DealInput(cid, "ERP", pipeline.id, owner_id=p.rep_n2.id))
    manager = ws(db, p.manager_n)
    deal = manager.deal(manager.create_deal(
        DealInput(cid, "ERP", pipeline.id, owner_id=p.rep_n2.id)).value)  # fmt: skip
    assert (deal.data.owner_id, deal.team_id) == (p.rep_n2.id, p.rep_n2.team_id)
    with pytest.raises(PermissionDenied):  # nor a manager to another team
        manager.create_deal(DealInput(cid, "ERP", pipeline.id, owner_id=p.rep_s1.id))


def test_a_rep_cannot_read_or_edit_another_teams_deal(db, people, pipeline):
    p = people
    cid = customer(db, p.rep_n1)
    deal_id = ws(db, p.rep_n1).create_deal(DealInput(cid, "ERP", pipeline.id)).value
    data = ws(db, p.rep_n1).deal(deal_id).data
    for actor in (p.rep_s1, p.manager_s, p.rep_n2):
        other = ws(db, actor)
        with pytest.raises(NotFound):
            other.deal(deal_id)
        with pytest.raises(NotFound):
            other.update_deal(deal_id, replace(data, title="改"), 1)
        with pytest.raises(NotFound):
            other.delete_deal(deal_id)
        with pytest.raises(NotFound):  # nor its customer: no Deals tab to read
            other.customer_deals(cid)
        with db.writing() as s, pytest.raises(NotFound):
            deal_for_write(s, actor, deal_id)
    with pytest.raises(NotFound):
        ws(db, p.rep_n1).deal(999_999)
    assert ws(db, p.rep_n1).deal(deal_id).data.title == "ERP"


def test_a_manager_edits_the_teams_deal_and_hands_it_over(db, people, pipeline):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    deal = rep.deal(rep.create_deal(DealInput(cid, "ERP", pipeline.id, lines=LINES)).value)
    manager = ws(db, p.manager_n, NOW + timedelta(minutes=5))
    handed = replace(deal.data, title="ERP 二期", owner_id=p.rep_n2.id)
    saved = manager.update_deal(deal.id, handed, deal.version).value
    assert (saved.data.title, saved.data.owner_id, saved.owner_name) == (
        "ERP 二期", p.rep_n2.id, "Ned North")  # fmt: skip
    assert saved.updated_by_name == "Nina North" and saved.editable
    # No longer rep_n1's: rep_n1 (whose customer it is) reads it, may not edit it.
    assert not rep.deal(deal.id).editable
    with pytest.raises(NotFound):
        rep.update_deal(deal.id, replace(saved.data, title="改"), saved.version)
    with pytest.raises(PermissionDenied):
        manager.update_deal(deal.id, replace(saved.data, owner_id=p.rep_s1.id), saved.version)
    admin = ws(db, p.admin)
    moved = admin.update_deal(deal.id, replace(saved.data, owner_id=p.rep_s1.id), saved.version)
    assert moved.value.team_id == p.rep_s1.team_id  # the team follows the owner
    assert not manager.deal(deal.id).editable  # the north's customer: read, not edited
    assert ws(db, p.manager_s).deal(deal.id).data.title == "ERP 二期"  # now the south's
    # The customer's own rep still sees it on the customer's Deals tab (not to edit).
    assert [r.title for r in rep.customer_deals(cid)] == ["ERP 二期"]


def test_stage_pipeline_and_customer_are_not_edited_here(db, people, pipeline):
    p = people
    cid, other = customer(db, p.rep_n1), customer(db, p.rep_n1, "别家")
    rep = ws(db, p.rep_n1)
    deal = rep.deal(rep.create_deal(DealInput(cid, "ERP", pipeline.id)).value)
    second = pipeline.open_stages[1].id
    cases = [
        (replace(deal.data, stage_id=second), ("stage_id", "use_move")),
        (replace(deal.data, pipeline_id=deal.data.pipeline_id + 1), ("pipeline_id", "use_move")),
        (replace(deal.data, customer_id=other), ("customer_id", "invalid")),
    ]
    for data, error in cases:
        with pytest.raises(ValidationFailed) as bad:
            rep.update_deal(deal.id, data, deal.version)
        assert errors_of(bad) == [error]
    kept = rep.update_deal(deal.id, replace(deal.data, stage_id=None, title="T"), deal.version)
    assert (kept.value.stage_code, kept.value.data.title) == ("initial", "T")


def test_a_conflict_names_who_when_and_which_fields(db, people, pipeline):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    deal = rep.deal(rep.create_deal(DealInput(cid, "ERP", pipeline.id, lines=LINES)).value)
    later = NOW + timedelta(minutes=3)
    theirs = replace(deal.data, title="经理改的", competitor="金蝶")
    ws(db, p.manager_n, later).update_deal(deal.id, theirs, deal.version)
    mine = replace(deal.data, notes="我的备注")
    with pytest.raises(Conflict) as conflict:
        rep.update_deal(deal.id, mine, deal.version)
    params = conflict.value.params
    assert (params["by"], params["at"], params["deal"]) == ("Nina North", later, "经理改的")
    assert sorted(params["fields"]) == ["competitor", "notes", "title"]
    assert params["current"].title == "经理改的"
    assert rep.deal(deal.id).data.notes == ""  # nothing of mine was saved

    # Keep mine: my whole input wins
    kept = (
        ws(db, p.rep_n1, later + timedelta(minutes=1))
        .update_deal(deal.id, mine, deal.version, overwrite=True)
        .value
    )
    assert (kept.data.title, kept.data.notes, kept.data.competitor) == ("ERP", "我的备注", "")
    assert kept.version == deal.version + 2 and kept.updated_by_name == "张伟"


def test_a_deal_goes_to_the_recycle_bin_and_back(db, people, pipeline):
    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    first = rep.create_deal(DealInput(cid, "一号", pipeline.id)).value
    second = rep.create_deal(DealInput(cid, "二号", pipeline.id)).value
    version = rep.deal(first).version
    done = rep.delete_deal(first)
    assert done.change.kinds == {"deals"} and done.change.customer_ids == {cid}
    with pytest.raises(NotFound):
        rep.deal(first)
    with pytest.raises(NotFound):
        rep.update_deal(first, DealInput(cid, "x", pipeline.id), version + 1)
    assert [r.id for r in rep.customer_deals(cid)] == [second]
    with pytest.raises(NotFound):  # the bin is the owner's, not anyone's
        ws(db, p.rep_s1).restore_deal(first)
    rep.restore_deal(first)
    restored = rep.deal(first)
    assert restored.version == version + 2 and restored.data.title == "一号"
    rep.restore_deal(first)  # restoring a live deal changes nothing
    assert rep.deal(first).version == version + 2
    assert {r.id for r in rep.customer_deals(cid)} == {first, second}


def test_a_customers_deals_tab_newest_first_for_whoever_sees_the_customer(db, people, pipeline):
    p = people
    cid = customer(db, p.rep_n1)
    manager = ws(db, p.manager_n)
    rows = []
    for i, owner in enumerate((p.rep_n1, p.rep_n2, p.rep_n1)):
        at = NOW + timedelta(days=i)
        data = DealInput(cid, f"D{i}", pipeline.id, amount=D(i * 100), owner_id=owner.id,
                         expected_close=date(2027, 1, 1 + i))  # fmt: skip
        rows.append(ws(db, p.manager_n, at).create_deal(data).value)
    listed = manager.customer_deals(cid)
    assert [r.title for r in listed] == ["D2", "D1", "D0"]
    top = listed[0]
    assert (top.id, top.stage_name, top.stage_code, top.status, top.amount) == (
        rows[2], pipeline.open_stages[0].name, "initial", "open", D("200.00"))  # fmt: skip
    assert (top.owner_name, top.expected_close, top.currency) == ("张伟", date(2027, 1, 3), "CNY")
    assert top.updated_at == NOW + timedelta(days=2)
    # Whoever may see the customer sees all its deals, a colleague's too (D1 is rep_n2's).
    assert [r.title for r in ws(db, p.rep_n1).customer_deals(cid)] == ["D2", "D1", "D0"]
    with pytest.raises(NotFound):
        ws(db, p.rep_s1).customer_deals(cid)
    assert len(ws(db, p.admin).customer_deals(cid)) == 3
    with pytest.raises(NotFound):
        manager.customer_deals(0)


def test_history_answers_and_a_pending_approval_are_read_with_the_deal(db, people, pipeline):
    """As deal_moves.py writes them (rows written directly here)."""
    from crmdesk.models.schema_deals import Approval, DealAnswer

    p = people
    cid = customer(db, p.rep_n1)
    rep = ws(db, p.rep_n1)
    deal_id = rep.create_deal(DealInput(cid, "ERP", pipeline.id)).value
    stages = {s.code: s for s in pipeline.stages}
    budget = stages["needs"].questions[0]
    with db.writing() as s:
        s.add(DealAnswer(deal_id=deal_id, question_id=budget.id, answer="yes", answered_at=NOW))
        s.add(DealMove(deal_id=deal_id, kind="moved", from_stage_id=stages["initial"].id,
                       to_stage_id=stages["needs"].id, at=NOW + timedelta(hours=1),
                       actor_id=p.rep_n1.id, comment="见过面",
                       answers='[["客户预算是否确认？", "yes"]]'))  # fmt: skip
        s.add(Approval(deal_id=deal_id, to_stage_id=stages["quote"].id, reason="discount",
                       status="pending", team_id=p.rep_n1.team_id, requested_by_id=p.rep_n1.id,
                       requested_at=NOW + timedelta(hours=2)))  # fmt: skip
    deal = rep.deal(deal_id)
    assert [(a.question_id, a.question_code, a.answer) for a in deal.answers] == [
        (budget.id, "budget", "yes")]  # fmt: skip
    moved = deal.history[1]
    assert (moved.kind, moved.from_code, moved.to_code, moved.comment) == (
        "moved", "initial", "needs", "见过面")  # fmt: skip
    assert moved.answers == (("客户预算是否确认？", "yes"),)
    approval = deal.approval
    assert (approval.to_code, approval.reason, approval.requested_by) == (
        "quote", "discount", "张伟")  # fmt: skip
    # deleting the deal cancels its pending approval
    done = rep.delete_deal(deal_id)
    assert done.change.kinds == {"deals", "approvals"}
    with db.reading() as s:
        assert s.scalar(select(Approval.status)) == "cancelled"


def test_parse_answers_survives_anything():
    assert parse_answers("") == ()
    assert parse_answers("not json") == ()
    assert parse_answers('{"a": 1}') == ()
    assert parse_answers('[["q", "a"], ["bad"], 3]') == (("q", "a"),)
