"""What an administrator sets for deals, on SQLite, PostgreSQL and MariaDB: pipelines saved with
all their stages at once (checked whole; stages turned off, never deleted; one holding deals kept),
a save over a colleague's refused, products with unique codes, lost reasons; admins only."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW
from sqlalchemy import select, update

from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.deals import DealInput
from crmdesk.models.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.pipeline_admin import QuestionInput, StageInput, check_pipeline
from crmdesk.models.schema_deals import Stage, StageQuestion
from crmdesk.models.workspace import Workspace


def ws(db, actor, now=NOW):
    return Workspace(db, actor, clock=lambda: now)


def as_input(pipeline) -> list[StageInput]:
    """A pipeline as the settings dialog would send it back unchanged."""
    return [
        StageInput(s.id, s.name, s.kind, s.probability, s.stale_days, s.required_fields,
                   s.approval, s.approval_threshold,
                   tuple(QuestionInput(q.id, q.text, q.kind, q.choices, q.required, q.must_be_yes)
                         for q in s.questions))
        for s in pipeline.stages
    ]  # fmt: skip


SMALL = [
    StageInput(None, "线索", "open", 10, 7),
    StageInput(None, "报价", "open", 50, None, ("amount", "lines"), "amount", D("100000"),
               (QuestionInput(None, "演示方式", "choice", ("现场", "远程")),
                QuestionInput(None, "预算已确认？", "yes_no", must_be_yes=True))),
    StageInput(None, "成交", "won", 100),
    StageInput(None, "丢单", "lost", 0),
]  # fmt: skip


def first(**change) -> list[StageInput]:
    """SMALL with its first stage changed."""
    return [replace(SMALL[0], **change)] + SMALL[1:]


def asking(question: QuestionInput, count: int = 1) -> list[StageInput]:
    return first(questions=(question,) * count)


def choice(choices: tuple[str, ...]) -> QuestionInput:
    return QuestionInput(None, "哪个？", "choice", choices)


def errors_of(exc) -> list[tuple[str, str]]:
    return list(exc.value.params["errors"])


def test_an_admin_creates_a_pipeline_with_its_stages(db, people, pipeline):
    admin = ws(db, people.admin)
    done = admin.save_pipeline(None, " 项目型销售 ", SMALL)
    assert done.change.kinds == {"pipelines"}
    [row] = [x for x in admin.pipelines() if x.id == done.value]
    assert (row.name, row.code, row.active, row.version) == ("项目型销售", "", True, 1)
    assert [(s.name, s.kind) for s in row.stages] == [
        ("线索", "open"), ("报价", "open"), ("成交", "won"), ("丢单", "lost")]  # fmt: skip
    quote = row.stages[1]
    assert (quote.required_fields, quote.approval, quote.approval_threshold) == (
        ("amount", "lines"), "amount", D("100000.00"))  # fmt: skip
    assert [(q.text, q.kind, q.choices, q.must_be_yes) for q in quote.questions] == [
        ("演示方式", "choice", ("现场", "远程"), False),
        ("预算已确认？", "yes_no", (), True),
    ]
    assert row.stages[0].stale_days == 7 and row.stages[2].stale_days is None
    # open stages come first on the board whatever order they were given in
    mixed = [SMALL[2], SMALL[0], SMALL[3], SMALL[1]]
    other = admin.save_pipeline(None, "乱序", mixed).value
    [row] = [x for x in admin.all_pipelines() if x.id == other]
    assert [s.kind for s in row.stages] == ["open", "open", "won", "lost"]


@pytest.mark.parametrize(
    ("stages", "error"),
    [
        (SMALL[:3], ("stages", "one_lost")),
        ([SMALL[0], SMALL[3]], ("stages", "one_won")),
        (SMALL + [StageInput(None, "又赢", "won")], ("stages", "one_won")),
        (SMALL[2:], ("stages", "no_open")),
        (first(name="成交"), ("stages.2.name", "taken")),
        (first(name=" "), ("stages.0.name", "required")),
        (first(name="名" * 101), ("stages.0.name", "too_long")),
        (first(name="a\x00"), ("stages.0.name", "bad_character")),
        (first(kind="maybe"), ("stages.0.kind", "invalid")),
        (first(probability=101), ("stages.0.probability", "out_of_range")),
        (first(probability=-1), ("stages.0.probability", "out_of_range")),
        (first(stale_days=0), ("stages.0.stale_days", "out_of_range")),
        (first(stale_days=3651), ("stages.0.stale_days", "out_of_range")),
        (first(required_fields=("colour",)),
         ("stages.0.required_fields", "invalid")),
        (first(approval="sometimes"), ("stages.0.approval", "invalid")),
        (first(approval="discount"),
         ("stages.0.approval_threshold", "required")),
        (first(approval="discount", approval_threshold=D(101)),
         ("stages.0.approval_threshold", "out_of_range")),
        (first(approval="amount", approval_threshold=D(-1)),
         ("stages.0.approval_threshold", "out_of_range")),
        (first(approval="amount", approval_threshold=D("0.001")),
         ("stages.0.approval_threshold", "too_many_decimals")),
        (asking(choice(("一",))), ("stages.0.questions.0.choices", "too_few")),
        (asking(choice(("一", "一"))), ("stages.0.questions.0.choices", "too_few")),
        (asking(choice(("a\nb", "c"))), ("stages.0.questions.0.choices", "invalid")),
        (asking(QuestionInput(None, "问" * 201)),
         ("stages.0.questions.0.text", "too_long")),
        (asking(QuestionInput(None, "q\x00")),
         ("stages.0.questions.0.text", "bad_character")),
        (asking(QuestionInput(None, "q", "essay")),
         ("stages.0.questions.0.kind", "invalid")),
        (asking(QuestionInput(None, "q", must_be_yes=True)),
         ("stages.0.questions.0.must_be_yes", "invalid")),
        (asking(QuestionInput(None, "q"), count=21),
         ("stages.0.questions", "too_many")),
        ([SMALL[0]] * 31, ("stages", "too_many")),
        ("abc", ("stages", "invalid")),
    ],
)  # fmt: skip
def test_a_pipeline_is_checked_whole(stages, error):
    with pytest.raises(ValidationFailed) as bad:
        check_pipeline("新流程", stages)
    assert error in errors_of(bad)


def test_names_lengths_and_who_may(db, people, pipeline):
    admin = ws(db, people.admin)
    for name, error in (("", "required"), ("流" * 101, "too_long"), ("x\x00", "bad_character"),
                        (pipeline.name, "taken")):  # fmt: skip
        with pytest.raises(ValidationFailed) as bad:
            admin.save_pipeline(None, name, SMALL)
        assert errors_of(bad) == [("name", error)]
    for actor in (people.manager_n, people.rep_n1):
        with pytest.raises(PermissionDenied):
            ws(db, actor).save_pipeline(None, "我的流程", SMALL)
        with pytest.raises(PermissionDenied):
            ws(db, actor).save_pipeline(pipeline.id, pipeline.name, as_input(pipeline))
    with pytest.raises(NotFound):
        admin.save_pipeline(999_999, "无", SMALL)


def test_editing_stages_keeps_ids_and_turns_the_left_out_off(db, people, pipeline):
    admin = ws(db, people.admin, NOW + timedelta(hours=1))
    stages = as_input(pipeline)
    quote = next(i for i, s in enumerate(stages) if s.name == "报价")
    negotiation = stages[quote + 1]
    stages[quote] = replace(stages[quote], name="正式报价", probability=65)
    needs = stages[1]
    stages[1] = replace(needs, questions=needs.questions[:1] + (QuestionInput(None, "新问题"),))
    del stages[quote + 1]  # 谈判 is taken out
    admin.save_pipeline(pipeline.id, pipeline.name, stages, pipeline.version)
    row = next(x for x in admin.pipelines() if x.id == pipeline.id)
    assert [s.name for s in row.stages] == ["初步接触", "需求分析", "方案演示", "正式报价",
                                            "赢单", "输单"]  # fmt: skip
    renamed = row.stages[3]
    assert (renamed.id, renamed.probability, renamed.code) == (stages[quote].id, 65, "")
    assert row.stages[0].code == "initial"  # unchanged: still translated by its code
    assert [q.text for q in row.stages[1].questions] == ["客户预算是否确认？", "新问题"]
    assert row.version == pipeline.version + 1
    with db.reading() as s:  # off, not deleted: deals and history point at them
        assert s.scalar(select(Stage.active).where(Stage.id == negotiation.id)) is False
        gone = needs.questions[1].id
        assert s.scalar(select(StageQuestion.active).where(StageQuestion.id == gone)) is False
    # a stage's or question's id must be one of this pipeline's own
    other = admin.save_pipeline(None, "另一个", SMALL).value
    foreign = next(x for x in admin.pipelines() if x.id == other).stages[1]
    current = next(x for x in admin.pipelines() if x.id == pipeline.id)
    with pytest.raises(ValidationFailed) as bad:
        admin.save_pipeline(pipeline.id, pipeline.name, as_input(current) + [
            replace(SMALL[0], id=foreign.id, name="偷来的")])  # fmt: skip
    assert ("stages.6.id", "not_found") in errors_of(bad)
    theirs = replace(as_input(current)[1], questions=(
        QuestionInput(foreign.questions[0].id, "借来的问题"),))  # fmt: skip
    with pytest.raises(ValidationFailed) as bad:
        admin.save_pipeline(pipeline.id, pipeline.name,
                            [as_input(current)[0], theirs] + as_input(current)[2:])  # fmt: skip
    assert errors_of(bad) == [("stages.1.questions.0.id", "not_found")]


def test_a_stage_holding_open_deals_cannot_be_taken_out(db, people, pipeline):
    p = people
    with db.writing() as s:
        cid = create_customer(s, p.rep_n1, CustomerInput(name="星辰科技"), NOW)
    rep = ws(db, p.rep_n1)
    for title in ("一", "二"):
        rep.create_deal(DealInput(cid, title, pipeline.id))
    admin = ws(db, p.admin)
    first = pipeline.stages[0]
    without = as_input(pipeline)[1:]
    with pytest.raises(ValidationFailed) as bad:
        admin.save_pipeline(pipeline.id, pipeline.name, without, pipeline.version)
    assert errors_of(bad) == [("stages", "has_deals")]
    assert bad.value.params["held"] == [(first.id, "初步接触", 2)]
    turned = [replace(as_input(pipeline)[0], kind="won")] + as_input(pipeline)[1:5] + [
        as_input(pipeline)[6]]  # fmt: skip
    with pytest.raises(ValidationFailed) as bad:  # nor turned into a won stage
        admin.save_pipeline(pipeline.id, pipeline.name, turned, pipeline.version)
    assert bad.value.params["held"] == [(first.id, "初步接触", 2)]
    with pytest.raises(ValidationFailed):  # nor its pipeline turned off
        admin.save_pipeline(pipeline.id, pipeline.name, as_input(pipeline), active=False)
    # once the deals are gone (deleted), it may go
    for row in rep.customer_deals(cid):
        rep.delete_deal(row.id)
    admin.save_pipeline(pipeline.id, pipeline.name, without, pipeline.version)
    row = next(x for x in admin.pipelines() if x.id == pipeline.id)
    assert first.id not in [s.id for s in row.stages]


def test_a_save_over_a_colleagues_is_a_conflict(db, people, pipeline):
    later = NOW + timedelta(minutes=2)
    ws(db, people.admin, later).save_pipeline(pipeline.id, "新名字", as_input(pipeline),
                                              pipeline.version)  # fmt: skip
    with pytest.raises(Conflict) as conflict:
        ws(db, people.admin).save_pipeline(pipeline.id, "别的名字", as_input(pipeline),
                                           pipeline.version)  # fmt: skip
    assert (conflict.value.params["by"], conflict.value.params["at"]) == ("Ada Admin", later)
    row = ws(db, people.admin).all_pipelines()[0]
    assert (row.name, row.code, row.version) == ("新名字", "", pipeline.version + 1)
    ws(db, people.admin).save_pipeline(pipeline.id, "新名字", as_input(row), row.version,
                                       active=False)  # fmt: skip
    assert ws(db, people.admin).pipelines() == []
    assert not ws(db, people.admin).all_pipelines()[0].active


def test_products_have_unique_codes(db, people, pipeline):
    admin = ws(db, people.admin)
    done = admin.save_product(None, " ERP-01 ", "ERP 授权", D("9800.00"))
    assert done.change.kinds == {"pipelines"}
    pid = done.value
    [row] = admin.products()
    assert (row.id, row.code, row.name, row.list_price, row.active) == (
        pid, "ERP-01", "ERP 授权", D("9800.00"), True)  # fmt: skip
    with pytest.raises(ValidationFailed) as bad:
        admin.save_product(None, "ERP-01", "另一个", D(1))
    assert errors_of(bad) == [("code", "taken")]
    other = admin.save_product(None, "SVC-01", "实施服务", D("1500")).value
    with pytest.raises(ValidationFailed) as bad:
        admin.save_product(other, "ERP-01", "实施服务", D("1500"))
    assert errors_of(bad) == [("code", "taken")]
    admin.save_product(pid, "ERP-01", "ERP 授权 v2", D("9900"), active=False)
    assert [r.code for r in admin.products()] == ["SVC-01"]
    assert [(r.name, r.active) for r in admin.all_products()] == [
        ("ERP 授权 v2", False), ("实施服务", True)]  # fmt: skip
    for args, error in (
        (("", "x", D(1)), ("code", "required")),
        (("C" * 33, "x", D(1)), ("code", "too_long")),
        (("C", "x\x00", D(1)), ("name", "bad_character")),
        (("C", "x", D("-1")), ("list_price", "out_of_range")),
        (("C", "x", D("1.234")), ("list_price", "too_many_decimals")),
        (("C", "x", 1.5), ("list_price", "invalid")),
    ):
        with pytest.raises(ValidationFailed) as bad:
            admin.save_product(None, *args)
        assert errors_of(bad) == [error]
    with pytest.raises(PermissionDenied):
        ws(db, people.manager_n).save_product(None, "M-1", "经理的", D(1))
    with pytest.raises(NotFound):
        admin.save_product(999_999, "N", "无", D(1))


def test_lost_reasons_added_and_turned_off(db, people, pipeline):
    admin = ws(db, people.admin)
    built_in = [r.code for r in admin.lost_reasons()]
    assert "price" in built_in and "other" in built_in
    done = admin.add_lost_reason("  客户被收购 ")
    assert (done.value, done.change.kinds) == ("r1", {"pipelines"})
    assert admin.add_lost_reason("项目取消").value == "r2"
    assert [(r.code, r.label) for r in admin.lost_reasons()][-2:] == [
        ("r1", "客户被收购"), ("r2", "项目取消")]  # fmt: skip
    with pytest.raises(ValidationFailed) as bad:
        admin.add_lost_reason("客户被收购")
    assert errors_of(bad) == [("label", "taken")]
    for label in ("  ", "长" * 101, "a\x00"):
        with pytest.raises(ValidationFailed):
            admin.add_lost_reason(label)
    admin.set_lost_reason_active("r1", False)
    admin.set_lost_reason_active("price", False)
    assert {"r1", "price"}.isdisjoint(r.code for r in admin.lost_reasons())
    assert {"r1", "price"} <= {r.code for r in admin.all_lost_reasons() if not r.active}
    admin.set_lost_reason_active("r1", True)
    assert "r1" in [r.code for r in admin.lost_reasons()]
    with pytest.raises(ValidationFailed):  # a lost deal can always say why in its own words
        admin.set_lost_reason_active("other", False)
    with pytest.raises(NotFound):
        admin.set_lost_reason_active("nope", False)
    with pytest.raises(PermissionDenied):
        ws(db, people.manager_n).add_lost_reason("经理的")
    with pytest.raises(PermissionDenied):
        ws(db, people.rep_n1).set_lost_reason_active("price", True)


def test_reordering_the_stages_recomputes_the_furthest_stage_reached(db, people, pipeline):
    """reached_stage_id is the furthest open stage by position: after the admin reorders the
    open stages, the pipeline's deals are recomputed (the funnel equals one computed from the
    moves by the new order); only reached_stage_id, and only this pipeline's deals; a save that
    keeps the order recomputes nothing."""
    from test_analytics import funnel_as_dict, funnel_by_hand
    from test_analytics_seed import SHANGHAI, history_by_hand, reorder, rows
    from test_analytics_writers import Clock, add_customer, deal_version, plain_pipeline

    from crmdesk.models.analytics import funnel
    from crmdesk.models.schema_deals import Deal, DealMove

    st, other = plain_pipeline(db, "甲"), plain_pipeline(db, "乙")
    clock = Clock(NOW - timedelta(days=30))
    rep = Workspace(db, people.rep_n1, clock=clock)
    customer = add_customer(db, people.rep_n1)
    paths = [("a", "b", "c"), ("a", "d", "a"), ("b", "won"), ("a", "c", "lost"), ("c", "b")]
    ids = []
    for pipe, path in [(st, p) for p in paths] + [(other, ("a", "d"))]:
        deal = rep.create_deal(DealInput(customer, "交易", pipe["pipeline"], pipe[path[0]],
                                         amount=D(100))).value  # fmt: skip
        for code in path[1:]:
            clock.tick(hours=5)
            extra = {"won": {"won_amount": D(100)}, "lost": {"lost_code": "price"}}.get(code, {})
            rep.move_deal(deal, pipe[code], deal_version(db, deal), **extra)
        ids.append(deal)
    with db.writing() as s:  # wrong on purpose: only a recount would put them right
        s.execute(update(Deal).where(Deal.id.in_([ids[0], ids[-1]])).values(
            reached_stage_id=st["a"]))  # fmt: skip

    def stored():
        return db.read(lambda s: {i: (r, v, u) for i, r, v, u in s.execute(
            select(Deal.id, Deal.reached_stage_id, Deal.version, Deal.updated_at))})  # fmt: skip

    def seconds():
        return db.read(lambda s: s.execute(select(DealMove.id, DealMove.stage_seconds)).all())

    before, moved = stored(), seconds()
    reorder(db, people.admin, st["pipeline"], ("a", "b", "c", "d"))  # the same order
    assert stored() == before
    reorder(db, people.admin, st["pipeline"], ("c", "a", "d", "b"))
    after = stored()
    assert [after[i][0] for i in ids] == [st["b"], st["d"], st["b"], st["a"], st["b"], st["a"]]
    assert {i: v[1:] for i, v in after.items()} == {i: v[1:] for i, v in before.items()}
    assert seconds() == moved
    r = rows(db)
    assert {i: after[i][0] for i in ids[:-1]} == {i: history_by_hand(r)[0][i] for i in ids[:-1]}
    whole = (NOW.date() - timedelta(days=60), NOW.date() + timedelta(days=1))
    got = db.read(lambda s: funnel(s, people.admin, st["pipeline"], *whole, tz=SHANGHAI))
    assert [(s.code, s.deals) for s in got.stages] == [("c", 5), ("a", 5), ("d", 4), ("b", 3)]
    assert funnel_as_dict(got) == funnel_by_hand(r, people.admin, st["pipeline"], *whole)
