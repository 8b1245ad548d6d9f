"""Moving deals through their stages on SQLite, PostgreSQL and MariaDB: each kind of gate refused
with exactly what is missing (skipped stages included, nothing written), answers kept for the
next time, backward moves, winning (the customer becomes one), losing (a reason), reopening,
colleagues moving the same deal at once (one wins, the other is told who), and the pools that
keep customers with an open deal from being recycled."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from helpers import NOW
from sqlalchemy import insert, select, update
from test_pool import make_pool, owned_customers, owners

from crmdesk.models import pool as pools
from crmdesk.models import recycle
from crmdesk.models import today as td
from crmdesk.models.database import open_database
from crmdesk.models.deal_moves import (
    GateRefused,
    Missing,
    approval_needed,
    gate_missing,
)
from crmdesk.models.errors import Conflict, NotFound, ValidationFailed
from crmdesk.models.pipeline import QuestionRow, StageRow, get_pipeline
from crmdesk.models.schema import Customer
from crmdesk.models.schema_deals import Deal, DealAnswer, DealLine, DealMove, Stage
from crmdesk.models.workspace import Workspace

DAYS = timedelta(days=1)


# ---------------------------------------------------------------- helpers (also test_approvals)


def stage(pipeline, code: str) -> StageRow:
    return next(s for s in pipeline.stages if s.code == code)


def qid(pipeline, code: str) -> int:
    return next(q.id for s in pipeline.stages for q in s.questions if q.code == code)


def make_deal(db, owner, pipeline, at="initial", *, lines=(), answers=None, **values) -> int:
    """A deal (and its customer, both the owner's) inserted as rows; lines: (price, discount)."""
    with db.writing() as s:
        customer_id = s.execute(
            insert(Customer).values(
                name="交易客户", owner_id=owner.id, team_id=owner.team_id, created_at=NOW,
                updated_at=NOW, received_at=NOW, version=1, status="prospect",
            )
        ).inserted_primary_key[0]  # fmt: skip
        row = {"customer_id": customer_id, "title": "年度采购", "amount": Decimal("0"),
               "owner_id": owner.id, "team_id": owner.team_id, "pipeline_id": pipeline.id,
               "stage_id": stage(pipeline, at).id, "status": "open", "created_at": NOW,
               "updated_at": NOW, "stage_entered_at": NOW, "version": 1, **values}  # fmt: skip
        deal_id = s.execute(insert(Deal).values(**row)).inserted_primary_key[0]
        for i, (price, discount) in enumerate(lines):
            s.execute(insert(DealLine).values(deal_id=deal_id, position=i, name=f"产品{i}",
                                              quantity=Decimal(1), unit_price=Decimal(price),
                                              discount=Decimal(discount)))  # fmt: skip
        for question_id, answer in (answers or {}).items():
            s.execute(insert(DealAnswer).values(deal_id=deal_id, question_id=question_id,
                                                answer=answer, answered_at=NOW))  # fmt: skip
    return deal_id


def read_deal(db, deal_id) -> Deal:
    with db.reading() as s:
        return s.get(Deal, deal_id)


def history(db, deal_id) -> list[tuple]:
    with db.reading() as s:
        stmt = (select(DealMove.kind, DealMove.from_stage_id, DealMove.to_stage_id,
                       DealMove.actor_id, DealMove.comment, DealMove.answers)
                .where(DealMove.deal_id == deal_id).order_by(DealMove.id))  # fmt: skip
        return [tuple(r) for r in s.execute(stmt)]


def stored(db, deal_id) -> dict[int, str]:
    with db.reading() as s:
        stmt = select(DealAnswer.question_id, DealAnswer.answer)
        return dict(s.execute(stmt.where(DealAnswer.deal_id == deal_id)).all())


def ws(db, actor, now=NOW) -> Workspace:
    return Workspace(db, actor, clock=lambda: now)


def refused(call) -> list[tuple]:
    with pytest.raises(GateRefused) as info:
        call()
    assert info.value.code == "gate_refused"
    assert isinstance(info.value, ValidationFailed)
    return info.value.params["missing"]


# ---------------------------------------------------------------- the gate, pure


def _stage(fields=(), questions=(), approval="", threshold=None) -> StageRow:
    return StageRow(7, 1, 3, "报价", "", "open", 50, None, tuple(fields), approval, threshold,
                    tuple(questions))  # fmt: skip


def _question(id, kind, choices=(), required=True, must_be_yes=False) -> QuestionRow:
    return QuestionRow(id, 7, "", f"问题{id}", kind, tuple(choices), required, must_be_yes)


def test_gate_missing_finds_each_kind_of_gap():
    stage_ = _stage(("amount", "expected_close", "lines", "competitor", "source"), [
        _question(1, "yes_no", must_be_yes=True), _question(2, "choice", ("现场", "远程")),
        _question(3, "text"), _question(4, "text", required=False), _question(5, "yes_no"),
    ])  # fmt: skip
    empty = {"amount": Decimal(0), "expected_close": None, "competitor": " ", "source": ""}
    assert gate_missing(stage_, empty, 0, None, {}) == [
        Missing(7, "field", "amount"), Missing(7, "field", "expected_close"),
        Missing(7, "field", "lines"), Missing(7, "field", "competitor"),
        Missing(7, "field", "source"), Missing(7, "question", 1), Missing(7, "question", 2),
        Missing(7, "question", 3), Missing(7, "question", 5),
    ]  # fmt: skip
    full = {"amount": Decimal("0.01"), "expected_close": date(2027, 1, 1),
            "competitor": "友商", "source": "展会"}  # fmt: skip
    good = {1: "yes", 2: "远程", 3: "王总", 5: "no"}
    assert gate_missing(stage_, full, 1, Decimal(0), good) == []
    wrong = {1: "no", 2: "电话", 3: "  ", 5: "maybe"}  # not yes; not a choice; blank; not yes/no
    assert gate_missing(stage_, full, 1, None, wrong) == [
        Missing(7, "question", q) for q in (1, 2, 3, 5)
    ]
    optional_yes = _stage((), [_question(9, "yes_no", required=False, must_be_yes=True)])
    assert gate_missing(optional_yes, full, 1, None, {}) == [Missing(7, "question", 9)]


def test_approval_needed_names_the_rule_that_fired():
    assert approval_needed(_stage(), Decimal(10**6), Decimal(90)) == ""
    assert approval_needed(_stage(approval="always"), Decimal(0), None) == "always"
    discount = _stage(approval="discount", threshold=Decimal(20))
    assert approval_needed(discount, Decimal(10**6), Decimal(20)) == ""
    assert approval_needed(discount, Decimal(0), Decimal("20.01")) == "discount"
    assert approval_needed(discount, Decimal(0), None) == ""
    amount = _stage(approval="amount", threshold=Decimal(50000))
    assert approval_needed(amount, Decimal(50000), Decimal(99)) == ""
    assert approval_needed(amount, Decimal("50000.01"), None) == "amount"


# ---------------------------------------------------------------- gates in the database


def test_each_gate_refuses_with_exactly_what_is_missing(db, people, pipeline):
    p, pl = people, pipeline
    needs, proposal, quote = stage(pl, "needs"), stage(pl, "proposal"), stage(pl, "quote")
    deal_id = make_deal(
        db,
        p.rep_n1,
        pl,
        "needs",
        answers={qid(pl, "budget"): "yes", qid(pl, "decision_maker"): "王总"},
    )
    w = ws(db, p.rep_n1)
    assert refused(lambda: w.move_deal(deal_id, proposal.id, 1)) == [
        (proposal.id, "field", "amount"), (proposal.id, "field", "expected_close"),
        (proposal.id, "question", qid(pl, "demo_format")),
    ]  # fmt: skip
    assert refused(
        lambda: w.move_deal(deal_id, proposal.id, 1, {qid(pl, "demo_format"): "电话"})
    ) == [(proposal.id, "field", "amount"), (proposal.id, "field", "expected_close"),
          (proposal.id, "question", qid(pl, "demo_format"))]  # fmt: skip
    with db.writing() as s:
        s.execute(update(Deal).where(Deal.id == deal_id)
                  .values(amount=Decimal(8000), expected_close=date(2027, 1, 31)))  # fmt: skip
    moved = w.move_deal(deal_id, proposal.id, 1, {qid(pl, "demo_format"): "远程"})
    assert (moved.value.status, moved.value.stage_id, moved.value.version) == (
        "moved", proposal.id, 2)  # fmt: skip
    assert moved.change.kinds == {"deals"} and moved.change.customer_ids == {
        read_deal(db, deal_id).customer_id
    }
    assert refused(lambda: w.move_deal(deal_id, quote.id, 2)) == [(quote.id, "field", "lines")]
    with db.writing() as s:  # an admin's own gate: competitor and source on negotiation
        s.execute(update(Stage).where(Stage.code == "negotiation")
                  .values(required_fields="competitor,source"))  # fmt: skip
    pl2 = db.read(lambda s: get_pipeline(s, pl.id))
    late = make_deal(db, p.rep_n1, pl2, "quote", lines=[(100, 0)], amount=Decimal(100))
    negotiation = stage(pl2, "negotiation")
    objections = {qid(pl, "objections"): "价格"}
    assert refused(lambda: w.move_deal(late, negotiation.id, 1, objections)) == [
        (negotiation.id, "field", "competitor"), (negotiation.id, "field", "source"),
    ]  # fmt: skip
    # a must-be-yes question answered no
    again = make_deal(db, p.rep_n1, pl, "initial")
    assert refused(
        lambda: w.move_deal(again, needs.id, 1, {qid(pl, "budget"): "no",
                                                 qid(pl, "decision_maker"): "王总"})
    ) == [(needs.id, "question", qid(pl, "budget"))]  # fmt: skip


def test_skipping_stages_lists_what_each_wants_and_writes_nothing(db, people, pipeline):
    p, pl = people, pipeline
    deal_id = make_deal(db, p.rep_n1, pl, "initial")
    needs, proposal, quote = stage(pl, "needs"), stage(pl, "proposal"), stage(pl, "quote")
    missing = refused(
        lambda: ws(db, p.rep_n1).move_deal(deal_id, quote.id, 1, {qid(pl, "budget"): "yes"})
    )
    assert missing == [
        (needs.id, "question", qid(pl, "decision_maker")),
        (proposal.id, "field", "amount"), (proposal.id, "field", "expected_close"),
        (proposal.id, "question", qid(pl, "demo_format")),
        (quote.id, "field", "lines"),
    ]  # fmt: skip
    assert (read_deal(db, deal_id).version, history(db, deal_id), stored(db, deal_id)) == (
        1, [], {})  # fmt: skip
    # everything given: two stages skipped in one move, their answers recorded with it
    with db.writing() as s:
        s.execute(update(Deal).where(Deal.id == deal_id)
                  .values(amount=Decimal(500), expected_close=date(2027, 3, 1)))  # fmt: skip
        s.execute(insert(DealLine).values(deal_id=deal_id, name="x", quantity=1, unit_price=500))
    given = {qid(pl, "budget"): "yes", qid(pl, "decision_maker"): "王总",
             qid(pl, "demo_format"): "现场"}  # fmt: skip
    result = ws(db, p.rep_n1).move_deal(deal_id, quote.id, 1, given, comment="快速推进").value
    assert (result.status, result.stage_id) == ("moved", quote.id)
    (move,) = history(db, deal_id)
    assert move[:5] == ("moved", stage(pl, "initial").id, quote.id, p.rep_n1.id, "快速推进")
    assert json.loads(move[5]) == [["客户预算是否确认？", "yes"], ["谁做最终决定？", "王总"],
                                   ["演示方式", "现场"]]  # fmt: skip


def test_answers_are_kept_and_count_again_when_the_deal_comes_back(db, people, pipeline):
    p, pl = people, pipeline
    initial, needs = stage(pl, "initial"), stage(pl, "needs")
    deal_id = make_deal(db, p.rep_n1, pl, "initial")
    w = ws(db, p.rep_n1)
    given = {qid(pl, "budget"): "yes", qid(pl, "decision_maker"): "李总"}
    assert w.move_deal(deal_id, needs.id, 1, given).value.version == 2
    assert stored(db, deal_id) == given
    back = w.move_deal(deal_id, initial.id, 2, comment="客户换人了").value  # back: no gate
    assert (back.status, back.stage_id, back.version) == ("moved", initial.id, 3)
    again = w.move_deal(deal_id, needs.id, 3).value  # nothing given: the stored answers pass
    assert (again.status, again.stage_id) == ("moved", needs.id)
    w.move_deal(deal_id, initial.id, 4)
    w.move_deal(deal_id, needs.id, 5, {qid(pl, "decision_maker"): "赵总"})
    assert stored(db, deal_id) == {qid(pl, "budget"): "yes", qid(pl, "decision_maker"): "赵总"}
    kinds = [(k, f, t, c) for k, f, t, _a, c, _j in history(db, deal_id)]
    assert kinds == [
        ("moved", initial.id, needs.id, ""), ("moved", needs.id, initial.id, "客户换人了"),
        ("moved", initial.id, needs.id, ""), ("moved", needs.id, initial.id, ""),
        ("moved", initial.id, needs.id, ""),
    ]  # fmt: skip
    assert json.loads(history(db, deal_id)[-1][5]) == [["谁做最终决定？", "赵总"]]


def test_a_move_takes_the_new_stages_probability(db, people, pipeline):
    """The deal's own probability was for the stage it leaves: once moved it weighs at its new
    stage's (a demo deal at 0% moved on still weighed nothing on the board)."""
    p, pl = people, pipeline
    needs = stage(pl, "needs")
    answers = {qid(pl, "budget"): "yes", qid(pl, "decision_maker"): "李总"}
    deal_id = make_deal(db, p.rep_n1, pl, "initial", probability=0, answers=answers)
    assert read_deal(db, deal_id).probability == 0
    ws(db, p.rep_n1).move_deal(deal_id, needs.id, 1)
    assert read_deal(db, deal_id).probability is None
    card = ws(db, p.rep_n1).deal(deal_id)
    assert card.probability == needs.probability > 0


def test_a_move_to_the_same_stage_changes_nothing(db, people, pipeline):
    deal_id = make_deal(db, people.rep_n1, pipeline, "needs")
    result = ws(db, people.rep_n1).move_deal(deal_id, stage(pipeline, "needs").id, 1)
    assert (result.value.status, result.value.version, result.change.empty) == (
        "unchanged", 1, True)  # fmt: skip
    assert history(db, deal_id) == [] and read_deal(db, deal_id).version == 1


# ---------------------------------------------------------------- won, lost, reopened


def _customer(db, deal_id) -> Customer:
    with db.reading() as s:
        return s.get(Customer, s.get(Deal, deal_id).customer_id)


def test_winning_needs_the_amount_and_makes_the_customer_a_customer(db, people, pipeline):
    p, pl = people, pipeline
    won = stage(pl, "won")
    deal_id = make_deal(db, p.rep_n1, pl, "proposal")  # from any open stage: a quick sale
    w = ws(db, p.rep_n1)
    assert refused(lambda: w.move_deal(deal_id, won.id, 1)) == [(won.id, "field", "amount")]
    with pytest.raises(ValidationFailed) as info:
        w.move_deal(deal_id, won.id, 1, won_amount=Decimal(1), won_on=NOW.date() + 2 * DAYS)
    assert info.value.params["errors"] == [("won_on", "future")]
    with pytest.raises(ValidationFailed) as info:
        w.move_deal(deal_id, won.id, 1, won_amount=1.5)  # money is never a float
    assert info.value.params["errors"] == [("won_amount", "invalid")]
    result = w.move_deal(deal_id, won.id, 1, comment="签约",
                         won_amount=Decimal("52000"), won_on=date(2026, 11, 18))  # fmt: skip
    assert result.value.status == "moved" and result.change.kinds == {"deals", "edited"}
    deal = read_deal(db, deal_id)
    assert (deal.status, deal.stage_id, deal.amount, deal.amount_manual, deal.closed_at) == (
        "won", won.id, Decimal("52000.00"), True, datetime(2026, 11, 18, 9, 30))  # fmt: skip
    customer = _customer(db, deal_id)
    assert (customer.status, customer.version, customer.updated_by_id, customer.updated_at) == (
        "customer", 2, p.rep_n1.id, NOW)  # fmt: skip
    assert history(db, deal_id)[-1][:5] == ("won", stage(pl, "proposal").id, won.id,
                                            p.rep_n1.id, "签约")  # fmt: skip
    # the lines' total as the final amount: not typed in by hand; won today: closed now
    lined = make_deal(db, p.rep_n1, pl, "quote", lines=[(1000, 10), (200, 0)],
                      amount=Decimal(1100))  # fmt: skip
    w.move_deal(lined, won.id, 1, won_amount=Decimal(1100))
    deal = read_deal(db, lined)
    assert (deal.amount_manual, deal.closed_at, deal.amount) == (False, NOW, Decimal(1100))


def test_a_customer_already_won_keeps_its_version(db, people, pipeline):
    p, pl = people, pipeline
    first = make_deal(db, p.rep_n1, pl, "negotiation", amount=Decimal(10))
    w = ws(db, p.rep_n1)
    w.move_deal(first, stage(pl, "won").id, 1)  # the deal's own amount
    with db.writing() as s:
        customer_id = s.get(Deal, first).customer_id
        second = s.execute(insert(Deal).values(
            customer_id=customer_id, title="二期", amount=Decimal(5), owner_id=p.rep_n1.id,
            team_id=p.rep_n1.team_id, pipeline_id=pl.id, stage_id=stage(pl, "initial").id,
            status="open", created_at=NOW, updated_at=NOW, stage_entered_at=NOW, version=1,
        )).inserted_primary_key[0]  # fmt: skip
    result = w.move_deal(second, stage(pl, "won").id, 1)
    assert result.change.kinds == {"deals"}  # not "edited": the customer did not change
    assert (_customer(db, first).status, _customer(db, first).version) == ("customer", 2)


def test_losing_needs_a_reason_and_other_needs_words(db, people, pipeline):
    p, pl = people, pipeline
    lost = stage(pl, "lost")
    deal_id = make_deal(db, p.rep_n1, pl, "quote")
    w = ws(db, p.rep_n1, NOW + 3 * DAYS)
    assert refused(lambda: w.move_deal(deal_id, lost.id, 1)) == [(lost.id, "field", "lost_code")]
    assert refused(lambda: w.move_deal(deal_id, lost.id, 1, lost_code="bogus")) == [
        (lost.id, "field", "lost_code")
    ]
    assert refused(lambda: w.move_deal(deal_id, lost.id, 1, lost_code="other")) == [
        (lost.id, "field", "lost_text")
    ]
    w.move_deal(deal_id, lost.id, 1, lost_code="other", lost_text="客户被收购")
    deal = read_deal(db, deal_id)
    assert (deal.status, deal.closed_at, deal.lost_code, deal.lost_text) == (
        "lost", NOW + 3 * DAYS, "other", "客户被收购")  # fmt: skip
    assert _customer(db, deal_id).status == "prospect"
    assert history(db, deal_id)[-1][0] == "lost"


def test_a_won_or_lost_deal_reopens_without_a_gate(db, people, pipeline):
    p, pl = people, pipeline
    deal_id = make_deal(db, p.rep_n1, pl, "needs")
    w = ws(db, p.rep_n1)
    w.move_deal(deal_id, stage(pl, "lost").id, 1, lost_code="price")
    result = w.move_deal(deal_id, stage(pl, "proposal").id, 2, comment="客户回来了").value
    assert (result.status, result.stage_id, result.version) == (
        "moved", stage(pl, "proposal").id, 3)  # fmt: skip
    deal = read_deal(db, deal_id)
    assert (deal.status, deal.closed_at, deal.lost_code, deal.lost_text) == ("open", None, "", "")
    assert [h[0] for h in history(db, deal_id)] == ["lost", "reopened"]
    w.move_deal(deal_id, stage(pl, "won").id, 3, won_amount=Decimal(9))
    w.move_deal(deal_id, stage(pl, "initial").id, 4)
    deal = read_deal(db, deal_id)
    assert (deal.status, deal.closed_at, deal.amount) == ("open", None, Decimal(9))
    assert [h[0] for h in history(db, deal_id)] == ["lost", "reopened", "won", "reopened"]


# ---------------------------------------------------------------- who, and what input


def test_only_who_may_edit_the_deal_moves_it(db, people, pipeline):
    p, pl = people, pipeline
    deal_id = make_deal(db, p.rep_n1, pl, "initial")
    target = stage(pl, "initial").id + 0
    back = stage(pl, "needs").id
    for outsider in (p.rep_n2, p.manager_s, p.rep_s1):
        with pytest.raises(NotFound) as info:
            ws(db, outsider).move_deal(
                deal_id, back, 1, {qid(pl, "budget"): "yes", qid(pl, "decision_maker"): "x"}
            )
        assert info.value.params == {"what": "deal", "id": deal_id}
    assert ws(db, p.manager_n).move_deal(deal_id, target, 1).value.status == "unchanged"
    with db.writing() as s:
        s.execute(update(Deal).where(Deal.id == deal_id).values(deleted_at=NOW))
    with pytest.raises(NotFound):
        ws(db, p.rep_n1).move_deal(deal_id, back, 1)


def test_bad_input_is_refused_before_anything_is_read(db, people, pipeline):
    p, pl = people, pipeline
    deal_id = make_deal(db, p.rep_n1, pl, "initial")
    w = ws(db, p.rep_n1)
    needs = stage(pl, "needs").id
    cases = [
        (dict(answers={qid(pl, "budget"): "y\x00es"}), (f"answers.{qid(pl, 'budget')}",
                                                      "bad_character")),
        (dict(answers={qid(pl, "decision_maker"): "王" * 501}),
         (f"answers.{qid(pl, 'decision_maker')}", "too_long")),
        (dict(answers={"budget": "yes"}), ("answers.budget", "invalid")),
        (dict(comment="长" * 501), ("comment", "too_long")),
        (dict(lost_text="x\x00"), ("lost_text", "bad_character")),
        (dict(won_amount=Decimal(-1)), ("won_amount", "out_of_range")),
        (dict(won_on=NOW), ("won_on", "invalid")),
    ]  # fmt: skip
    for kwargs, error in cases:
        with pytest.raises(ValidationFailed) as info:
            w.move_deal(deal_id, needs, 1, **kwargs)
        assert error in info.value.params["errors"], kwargs
    with pytest.raises(ValidationFailed) as info:  # a question of a stage not entered
        w.move_deal(deal_id, needs, 1, {qid(pl, "objections"): "价格"})
    assert info.value.params["errors"] == [(f"answers.{qid(pl, 'objections')}", "invalid")]
    for bad_stage in (0, 2**40, "x", 99999):
        with pytest.raises(NotFound):
            w.move_deal(deal_id, bad_stage, 1)
    assert history(db, deal_id) == [] and read_deal(db, deal_id).version == 1


# ---------------------------------------------------------------- two people at once


def test_a_colleagues_move_in_between_is_reported_not_overwritten(db, people, pipeline):
    p, pl = people, pipeline
    deal_id = make_deal(db, p.rep_n1, pl, "needs")
    mine, theirs = ws(db, p.rep_n1), ws(db, p.manager_n, NOW + DAYS)
    base = read_deal(db, deal_id).version  # both read version 1
    theirs.move_deal(deal_id, stage(pl, "initial").id, base)
    with pytest.raises(Conflict) as info:
        mine.move_deal(deal_id, stage(pl, "lost").id, base, lost_code="price")
    assert info.value.params["by"] == p.manager_n.name
    assert info.value.params["at"] == NOW + DAYS and info.value.params["fields"] == ["stage"]
    deal = read_deal(db, deal_id)
    assert (deal.stage_id, deal.status, deal.version) == (stage(pl, "initial").id, "open", 2)


def test_simultaneous_moves_one_wins_per_version(db, people, pipeline):
    """Three people (three clients) move the same deal at the same moment, round after round,
    forward and back: each round exactly one move lands and the others hear who made it."""
    p, pl = people, pipeline
    deal_id = make_deal(db, p.rep_n1, pl, "initial")
    url = db.url.render_as_string(hide_password=False)
    others = [open_database(url) for _ in range(2)]
    try:
        actors = [p.rep_n1, p.manager_n, p.admin]
        sides = [ws(d, a) for d, a in zip([db, *others], actors, strict=True)]
        given = {qid(pl, "budget"): "yes", qid(pl, "decision_maker"): "王总"}
        rounds = 6
        barrier = threading.Barrier(len(sides), timeout=30)
        for r in range(rounds):
            forward = r % 2 == 0
            target = stage(pl, "needs" if forward else "initial").id
            answers = given if forward else {}  # going back asks nothing
            outcome: dict[int, object] = {}

            def move(i: int, target=target, outcome=outcome, answers=answers) -> None:
                try:
                    base = sides[i]._read(lambda s: s.get(Deal, deal_id).version)
                    barrier.wait()
                    outcome[i] = sides[i].move_deal(deal_id, target, base, answers).value
                except BaseException as exc:  # judged below
                    outcome[i] = exc

            threads = [threading.Thread(target=move, args=(i,)) for i in range(len(sides))]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            won = [i for i, v in outcome.items() if not isinstance(v, BaseException)]
            lost = [v for v in outcome.values() if isinstance(v, Conflict)]
            assert len(won) == 1 and len(lost) == len(sides) - 1, f"round {r}: {outcome!r}"
            assert outcome[won[0]].version == r + 2
            assert {c.params["by"] for c in lost} == {actors[won[0]].name}
        assert read_deal(db, deal_id).version == rounds + 1
        assert len(history(db, deal_id)) == rounds
    finally:
        for other in others:
            other.close()


# ---------------------------------------------------------------- the pool: open deals


@pytest.mark.parametrize("exempt", [True, False])
def test_a_pool_that_asks_keeps_customers_with_an_open_deal(db, people, pipeline, exempt):
    p, pl = people, pipeline
    rule = pools.RuleRow("no_follow_up", 15)
    make_pool(db, p.admin, rules=(rule,), exempt_open_deals=exempt, warn_days=3)
    due = owned_customers(db, p.rep_n1, 5, received_at=NOW - 20 * DAYS)
    soon = owned_customers(db, p.rep_n2, 1, received_at=NOW - 13 * DAYS)  # due in 2 days
    open_, won, lost, deleted, none = due

    def deal_for(customer_id, **values):
        with db.writing() as s:
            s.execute(insert(Deal).values(
                customer_id=customer_id, title="单", owner_id=p.rep_n1.id,
                team_id=p.rep_n1.team_id, pipeline_id=pl.id, created_at=NOW, updated_at=NOW,
                stage_entered_at=NOW, version=1,
                **{"status": "open", "stage_id": stage(pl, "needs").id, **values},
            ))  # fmt: skip

    deal_for(open_)
    deal_for(won, status="won", stage_id=stage(pl, "won").id)
    deal_for(lost, status="lost", stage_id=stage(pl, "lost").id)
    deal_for(deleted, deleted_at=NOW - DAYS)
    deal_for(soon[0])
    with db.reading() as s:  # the Today page agrees with the pass
        listed = {r.customer_id for r in td.about_to_recycle(s, p.rep_n2, NOW).rows}
        dates = td.recycle_dates(s, due + soon, NOW)
    assert listed == (set() if exempt else set(soon))
    kept = {open_, soon[0]} if exempt else set()
    assert set(dates) == set(due + soon) - kept
    result = recycle.recycle(db, NOW)
    stayed = {c for c, (owner, _pool) in owners(db, due).items() if owner is not None}
    assert stayed == ({open_} if exempt else set())
    assert result.moved == (4 if exempt else 5)


def test_a_deal_won_on_a_local_day_closes_on_that_day_in_the_users_zone():
    from zoneinfo import ZoneInfo

    from crmdesk.models.deal_moves import closed_at

    shanghai, new_york = ZoneInfo("Asia/Shanghai"), ZoneInfo("America/New_York")
    # 07:00 on 1 April in Shanghai is still 31 March in UTC: won "on 31 March" is March there.
    now = datetime(2026, 3, 31, 23, 0)
    assert closed_at(date(2026, 3, 31), now, shanghai) == datetime(2026, 3, 30, 23, 0)
    # Won "today" (1 April, Shanghai) is now itself.
    assert closed_at(date(2026, 4, 1), now, shanghai) == now
    # Evening in New York (19:00 on 31 March) is 1 April in UTC: won today is 31 March there.
    evening = datetime(2026, 4, 1, 0, 0)
    assert closed_at(date(2026, 3, 31), evening, new_york) == evening
    assert closed_at(date(2026, 3, 30), evening, new_york) == datetime(2026, 3, 31, 0, 0)
    assert closed_at(None, now, shanghai) == now
