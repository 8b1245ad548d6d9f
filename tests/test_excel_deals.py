"""The deals importer (excel_deals.py): the stage history an imported deal gets, its times, its
product line and amount; then the writer on SQLite, PostgreSQL and MariaDB: a sheet of deals
from another CRM with its stages mapped to ours, the board, the history the reports count,
re-imports by external id in each mode and an undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW
from sqlalchemy import func, insert, select, update

from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.deal_board import BoardQuery
from crmdesk.models.excel_apply import apply
from crmdesk.models.excel_deal_rules import (
    PRODUCT_NOTE,
    deal_money,
    deal_notes,
    deal_times,
    find_stage,
    product_index,
    stage_history,
    stage_lookup,
)
from crmdesk.models.excel_fields import suggest_mapping
from crmdesk.models.excel_plan import validate
from crmdesk.models.excel_types import (
    ImportOptions,
    ImportPlan,
    Mapping,
    PlannedRow,
    SheetData,
    ValueOptions,
)
from crmdesk.models.excel_undo import undo_import
from crmdesk.models.schema import Customer
from crmdesk.models.schema_deals import IMPORTED_MARK, Deal, DealLine, DealMove, Product
from crmdesk.models.workspace import Workspace


def ws(db, actor):
    return Workspace(db, actor, clock=lambda: NOW)


def customer(db, owner, name):
    with db.writing() as s:
        return create_customer(s, owner, CustomerInput(name=name), NOW)


# The default pipeline's shape: five open stages (out of id order on purpose), won, lost.
STAGES = [(11, 0, "open"), (12, 1, "open"), (15, 2, "open"), (13, 3, "open"), (14, 4, "open"),
          (20, 5, "won"), (21, 6, "lost")]  # fmt: skip
T0 = datetime(2026, 3, 1, 10, 0)
T1 = datetime(2026, 5, 6, 9, 30)


def moves(reached, created=T0, closed=None):
    rows = stage_history(STAGES, reached, created, closed, 7)
    assert all(r["comment"] == IMPORTED_MARK and r["actor_id"] == 7 for r in rows)
    assert all(r["answers"] == "" for r in rows)
    return [(r["kind"], r["from_stage_id"], r["to_stage_id"], r["at"]) for r in rows]


def test_an_open_deal_moved_through_each_open_stage_up_to_the_one_it_reached():
    assert moves(11) == [("created", None, 11, T0)]
    assert moves(15) == [("created", None, 11, T0), ("moved", 11, 12, T0), ("moved", 12, 15, T0)]
    assert [m[2] for m in moves(14)] == [11, 12, 15, 13, 14]


def test_a_won_deal_went_through_every_open_stage_and_a_lost_one_was_lost_from_the_first():
    won = moves(20, closed=T1)
    assert [m[:3] for m in won] == [("created", None, 11), ("moved", 11, 12),
                                    ("moved", 12, 15), ("moved", 15, 13), ("moved", 13, 14),
                                    ("won", 14, 20)]  # fmt: skip
    assert [m[3] for m in won] == [T0] * 5 + [T1]
    assert moves(21, closed=T1) == [("created", None, 11, T0), ("lost", 11, 21, T1)]
    assert moves(21) == [("created", None, 11, T0), ("lost", 11, 21, T0)]  # no close: created


def test_history_of_odd_pipelines():
    assert moves(20, closed=T1)[-1] == ("won", 14, 20, T1)
    only_final = [(20, 0, "won"), (21, 1, "lost")]
    rows = stage_history(only_final, 20, T0, T1, None)
    assert [(r["kind"], r["to_stage_id"]) for r in rows] == [("created", 20)]
    with pytest.raises(KeyError):
        stage_history(STAGES, 99, T0, None, 1)


def test_deal_times():
    now = NOW  # 2026-11-20 09:30
    open_ = deal_times("open", T0, date(2027, 1, 5), now)
    assert (open_.created_at, open_.closed_at, open_.expected_close) == (T0, None, date(2027, 1, 5))
    assert open_.stage_entered_at == T0
    assert deal_times("open", None, None, now).created_at == now
    assert deal_times("open", now + timedelta(days=3), None, now).created_at == now  # not later
    won = deal_times("won", T0, date(2026, 5, 6), now)
    assert won.closed_at == datetime(2026, 5, 6, 9, 30) == won.stage_entered_at
    assert won.created_at == T0 and won.expected_close == date(2026, 5, 6)
    # closed before the sheet says it was created: created no later than the close
    early = deal_times("lost", datetime(2026, 6, 1), date(2026, 5, 6), now)
    assert early.created_at == early.closed_at == datetime(2026, 5, 6, 9, 30)
    assert deal_times("won", T0, None, now).closed_at == T0  # no close day: its creation
    assert deal_times("won", None, date(2027, 1, 1), now).closed_at == now  # never after now


PRODUCTS = product_index([
    (1, "CRM-STD", "CRM 标准版", D("1200.00"), True),
    (2, "OLD", "培训服务", D("10.00"), False),
    (3, "TRAIN", "培训服务", D("6000.00"), True),
    (4, "培训服务", "Something else", D("1.00"), True),
])  # fmt: skip


def test_products_by_name_or_code_any_case():
    assert PRODUCTS["crm 标准版"] == (1, "CRM 标准版", D("1200.00"))
    assert PRODUCTS["crm-std"][0] == 1
    assert PRODUCTS["培训服务"][0] == 3  # the active one, a name before a code
    assert PRODUCTS["old"][0] == 2  # an inactive product is still found by its own code


def test_amount_and_line_rules():
    m = deal_money(D("5000.00"), "  crm-STD ", PRODUCTS)
    assert (m.amount, m.amount_manual, m.note) == (D("5000.00"), False, "")
    assert m.line == {"position": 0, "product_id": 1, "name": "CRM 标准版", "quantity": D(1),
                      "unit_price": D("5000.00"), "discount": D("0.00")}  # fmt: skip
    m = deal_money(None, "CRM 标准版", PRODUCTS)  # no amount: the list price
    assert (m.amount, m.amount_manual, m.line["unit_price"]) == (D("1200.00"), False, D("1200.00"))
    m = deal_money(D("88.50"), "Widget X", PRODUCTS)
    assert (m.amount, m.amount_manual, m.line, m.note) == (D("88.50"), True, None, "产品: Widget X")
    m = deal_money(None, None, PRODUCTS)
    assert (m.amount, m.amount_manual, m.line, m.note) == (D("0.00"), False, None, "")
    assert deal_money(D("1"), None, PRODUCTS).amount_manual
    with pytest.raises(ValueError, match="negative_amount"):
        deal_money(D("-5"), None, PRODUCTS)
    with pytest.raises(ValueError, match="bad_amount"):
        deal_money(D(10) ** 12, None, PRODUCTS)
    assert deal_notes("见合同", PRODUCT_NOTE + "X") == "见合同\n产品: X"
    assert deal_notes(None, "") == "" and deal_notes("a", "") == "a"


def test_stage_lookup_folds_case_and_spaces():
    found = stage_lookup({"Closed Won": 5, "Prospecting": 1})
    names = ("Closed Won", " closed  WON", "prospecting")
    assert [find_stage(found, x) for x in names] == [5, 5, 1]
    assert find_stage(found, "Qualification") is None and find_stage(found, None) is None


# ---------------------------------------------------------------- the writer, on 3 backends

KEYS = ("external_id", "title", "customer", "owner", "stage", "amount", "product", "created_at",
        "close_date", "lost_reason", "source", "notes")  # fmt: skip
SOURCE_STAGES = {"Prospecting": "initial", "Engaging": "needs", "Won": "won", "Lost": "lost"}
# external id, title, customer, owner, stage, amount, product, created, close, lost reason
SHEET = [
    ("D-001", "星辰·CRM 采购", "星辰科技", "张伟", "Prospecting", D("10000"), "crm-std",
     datetime(2026, 1, 5, 8, 0), date(2026, 12, 31), None),
    ("D-002", "云帆·二期", "云帆网络", "张伟", "Prospecting", D("5000"), None,
     datetime(2026, 2, 1, 8, 0), None, None),
    ("D-003", "云帆·移动办公", "云帆网络", "张伟", "Engaging", D("2500.50"), "Widget X",
     datetime(2026, 3, 1, 8, 0), None, None),
    ("D-004", "海川·报关系统", "海川贸易", "李娜", "Engaging", None, None,
     datetime(2026, 3, 2, 8, 0), None, None),
    ("D-005", "星辰·续约", "星辰科技", None, "Won", D("80000"), None,
     datetime(2026, 2, 1, 8, 0), date(2026, 6, 15), None),
    ("D-006", "海川·一期", "海川贸易", None, "Won", D("30000"), None,
     datetime(2026, 4, 1, 8, 0), date(2026, 7, 3), None),
    ("D-007", "北辰·采购", "北辰制造", None, "Won", D("12000"), "CRM 标准版",
     datetime(2026, 5, 1, 8, 0), date(2026, 6, 28), None),
    ("D-008", "云帆·呼叫中心", "云帆网络", None, "Lost", D("40000"), None,
     datetime(2026, 1, 10, 8, 0), date(2026, 5, 10), "价格太高"),
    ("D-009", "海川·数据平台", "海川贸易", None, "Lost", None, None,
     datetime(2026, 1, 11, 8, 0), date(2026, 8, 1), None),
    ("D-010", "北辰·培训", "北辰制造", None, "Engaging", D("6000"), None,
     datetime(2026, 9, 1, 8, 0), None, None),
]  # fmt: skip


def make_plan(pipeline, sheet=SHEET, stages=None):
    codes = {s.code: s.id for s in pipeline.stages}
    if stages is None:
        stages = {name: codes[code] for name, code in SOURCE_STAGES.items()}
    rows = []
    for i, cells in enumerate(sheet):
        values = {k: v for k, v in zip(KEYS, cells, strict=False) if v is not None}
        rows.append(PlannedRow(i + 2, values))
    return ImportPlan(kind="deals", header_row=1, headers=list(KEYS),
                      mapping=Mapping(dict(enumerate(KEYS)), stages), rows=rows, problems=[],
                      bad_rows=set(), total=len(rows))  # fmt: skip


def run(db, actor, plan, **options):
    options = {"owner_mode": "column", "unknown_owner": "reject", **options}
    return apply(db, actor, plan, ImportOptions(**options), NOW, file_name="deals.xlsx")


def add_product(db):
    with db.writing() as s:
        price = D("1200.00")
        s.execute(insert(Product).values(code="CRM-STD", name="CRM 标准版", list_price=price,
                                         active=True, created_at=NOW))  # fmt: skip


def deals_by_external(db):
    with db.reading() as s:
        return {d.external_id: d for d in s.scalars(select(Deal))}


def history(db, deal_id):
    with db.reading() as s:
        stmt = (
            select(DealMove).where(DealMove.deal_id == deal_id).order_by(DealMove.at, DealMove.id)
        )
        return [(m.kind, m.from_stage_id, m.to_stage_id, m.at, m.comment, m.actor_id)
                for m in s.scalars(stmt)]  # fmt: skip


def test_a_sheet_of_deals_from_another_crm(db, people, pipeline):
    p = people
    star = customer(db, p.rep_n1, "星辰科技")
    add_product(db)
    result = run(db, p.admin, make_plan(pipeline))
    assert (result.status, result.created, result.updated, result.skipped, result.failed) == (
        "done", 10, 0, 0, 0)  # fmt: skip
    stage = {s.code: s for s in pipeline.stages}
    opens = [s.id for s in pipeline.open_stages]
    deals = deals_by_external(db)
    assert len(deals) == 10 and {d.import_id for d in deals.values()} == {result.import_id}
    assert {d.pipeline_id for d in deals.values()} == {pipeline.id}

    # owners, teams, customers (three made by the import, the existing one linked by name)
    d1 = deals["D-001"]
    assert (d1.owner_id, d1.team_id, d1.customer_id) == (p.rep_n1.id, p.rep_n1.team_id, star)
    assert (deals["D-004"].owner_id, deals["D-004"].team_id) == (p.rep_s1.id, p.rep_s1.team_id)
    assert deals["D-005"].owner_id == p.admin.id  # no owner in the cell: the importer
    with db.reading() as s:
        customers = {c.name: c for c in s.scalars(select(Customer))}
    assert set(customers) == {"星辰科技", "云帆网络", "海川贸易", "北辰制造"}
    assert deals["D-003"].customer_id == deals["D-002"].customer_id == customers["云帆网络"].id

    # amounts, the product line, the product not found kept in the notes
    assert (d1.amount, d1.amount_manual, d1.expected_close) == (
        D("10000"),
        False,
        date(2026, 12, 31),
    )
    with db.reading() as s:
        lines = {(x.deal_id, x.product_id is not None, x.name, x.quantity, x.unit_price)
                 for x in s.scalars(select(DealLine))}  # fmt: skip
    assert lines == {(d1.id, True, "CRM 标准版", D(1), D("10000")),
                     (deals["D-007"].id, True, "CRM 标准版", D(1), D("12000"))}  # fmt: skip
    d3 = deals["D-003"]
    assert (d3.amount, d3.amount_manual, d3.notes) == (D("2500.50"), True, "产品: Widget X")
    assert (deals["D-004"].amount, deals["D-004"].amount_manual) == (D("0"), False)

    # open deals: in their stage since they were created
    created = datetime(2026, 1, 5, 8)
    assert (d1.stage_id, d1.status, d1.created_at, d1.stage_entered_at, d1.closed_at) == (
        stage["initial"].id, "open", created, created, None)  # fmt: skip
    assert (d1.created_by_id, d1.updated_at, d1.version) == (p.admin.id, NOW, 1)
    assert history(db, d1.id) == [("created", None, opens[0], d1.created_at, IMPORTED_MARK,
                                   p.admin.id)]  # fmt: skip
    moved = history(db, deals["D-010"].id)
    assert [m[:3] for m in moved] == [("created", None, opens[0]), ("moved", opens[0], opens[1])]

    # won: through every open stage, then won on its close day
    d5 = deals["D-005"]
    assert (d5.status, d5.stage_id, d5.closed_at) == ("won", stage["won"].id,
                                                      datetime(2026, 6, 15, 9, 30))  # fmt: skip
    moves = history(db, d5.id)
    assert [m[0] for m in moves] == ["created", "moved", "moved", "moved", "moved", "won"]
    assert [m[2] for m in moves] == [*opens, stage["won"].id]
    assert {m[4] for m in moves} == {IMPORTED_MARK} and moves[-1][3] == d5.closed_at
    assert d5.stage_entered_at == d5.closed_at

    # lost: from the first stage, the sheet's reason as the "other" reason's words
    d8, d9 = deals["D-008"], deals["D-009"]
    assert (d8.status, d8.lost_code, d8.lost_text) == ("lost", "other", "价格太高")
    assert (d9.lost_code, d9.lost_text, d9.closed_at.date()) == ("other", "", date(2026, 8, 1))
    assert [m[:3] for m in history(db, d8.id)] == [
        ("created", None, opens[0]), ("lost", opens[0], stage["lost"].id)]  # fmt: skip

    # won deals made their customers customers; the one nobody won stays as it was
    assert customers["星辰科技"].status == "customer" and customers["星辰科技"].version == 2
    assert customers["海川贸易"].status == "customer" and customers["海川贸易"].version == 1
    assert customers["北辰制造"].status == "customer"
    assert customers["云帆网络"].status == "lead"

    # what the reports read: won deals by closed_at, the funnel by each stage's moves
    with db.reading() as s:

        def won_in(start, end):
            stmt = (
                select(func.count())
                .select_from(Deal)
                .where(Deal.status == "won", Deal.closed_at >= start, Deal.closed_at < end)
            )
            return s.scalar(stmt)  # fmt: skip

        assert won_in(datetime(2026, 6, 1), datetime(2026, 7, 1)) == 2
        assert won_in(datetime(2026, 7, 1), datetime(2026, 8, 1)) == 1
        stmt = select(DealMove.to_stage_id, func.count()).group_by(DealMove.to_stage_id)
        reached = {to_id: n for to_id, n in s.execute(stmt)}
    assert [reached.get(i, 0) for i in opens] == [10, 6, 3, 3, 3]
    assert (reached[stage["won"].id], reached[stage["lost"].id]) == (3, 2)


def test_the_board_shows_the_open_ones_in_their_stages(db, people, pipeline):
    p = people
    add_product(db)
    run(db, p.admin, make_plan(pipeline))
    opens = pipeline.open_stages
    query = BoardQuery(pipeline_id=pipeline.id)
    figures = {f.stage_id: f for f in ws(db, p.admin).board_columns(query)}
    assert [(figures[s.id].count, figures[s.id].total) for s in opens] == [
        (2, D("15000.00")), (3, D("8500.50")), (0, D(0)), (0, D(0)), (0, D(0))]  # fmt: skip
    cards = ws(db, p.admin).stage_cards(query, opens[1].id, 0, 50)
    assert [c.title for c in cards] == ["北辰·培训", "海川·报关系统", "云帆·移动办公"]
    # 张伟 sees his own three; 李娜 hers; the days in stage count from the sheet's creation
    mine = {f.stage_id: f.count for f in ws(db, p.rep_n1).board_columns(query)}
    assert (mine[opens[0].id], mine[opens[1].id]) == (2, 1)
    card = ws(db, p.rep_s1).stage_cards(query, opens[1].id, 0, 50)
    assert [(c.title, c.days_in_stage) for c in card] == [
        ("海川·报关系统", (NOW - datetime(2026, 3, 2, 8)).days)]  # fmt: skip
    detail = ws(db, p.admin).deal(cards[0].id)
    assert [(m.kind, m.comment) for m in detail.history] == [
        ("created", IMPORTED_MARK), ("moved", IMPORTED_MARK)]  # fmt: skip


def test_reimport_skip_creates_nothing_and_says_exists(db, people, pipeline):
    p = people
    run(db, p.admin, make_plan(pipeline))
    again = run(db, p.admin, make_plan(pipeline), dedupe_key="external_id")
    assert (again.created, again.updated, again.skipped, again.failed) == (0, 0, 10, 0)
    assert again.reasons == {"exists": 10}
    assert {(x.row, x.field, x.code) for x in again.problems} == {
        (r, "external_id", "exists") for r in range(2, 12)}  # fmt: skip
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Deal)) == 10
        assert s.scalar(select(func.count()).select_from(Customer)) == 4
        assert s.scalar(select(func.count()).select_from(DealMove)) == 30


def test_overwrite_changes_the_amount_and_an_undo_puts_it_back(db, people, pipeline):
    p = people
    first = run(db, p.admin, make_plan(pipeline))
    changed = [("D-001", "星辰·CRM 采购（扩容）", "星辰科技", "李娜", "Won", D("12000.00")),
               ("D-005", "星辰·续约", "星辰科技", None, "Won", D("90000.00"), None, None, None,
                None, "展会")]  # fmt: skip
    over = run(db, p.admin, make_plan(pipeline, changed), dedupe_key="external_id",
               on_duplicate="overwrite")  # fmt: skip
    assert (over.created, over.updated, over.skipped, over.failed) == (0, 2, 0, 0)
    deals = deals_by_external(db)
    d1, d5 = deals["D-001"], deals["D-005"]
    # every field the row has is set; the stage is not (a move is history: the deal's screens')
    assert (d1.title, d1.amount, d1.amount_manual, d1.owner_id, d1.team_id) == (
        "星辰·CRM 采购（扩容）", D("12000.00"), True, p.rep_s1.id, p.rep_s1.team_id)  # fmt: skip
    assert (d1.stage_id, d1.status, d1.version, d1.updated_at) == (
        pipeline.open_stages[0].id, "open", 2, NOW)  # fmt: skip
    assert d1.expected_close == date(2026, 12, 31)  # an empty cell clears nothing
    assert (d5.amount, d5.source, d5.version) == (D("90000.00"), "展会", 2)
    assert len(history(db, d1.id)) == 1  # no history written for an update

    with db.writing() as s:
        undone = undo_import(s, p.admin, over.import_id, NOW)
    assert (undone.restored, undone.left) == (2, [])
    deals = deals_by_external(db)
    d1, d5 = deals["D-001"], deals["D-005"]
    assert (d1.title, d1.amount, d1.amount_manual, d1.owner_id, d1.team_id) == (
        "星辰·CRM 采购", D("10000.00"), True, p.rep_n1.id, p.rep_n1.team_id)  # fmt: skip
    assert (d5.amount, d5.source) == (D("80000.00"), "")
    # the first import's undo then leaves what the second changed (and undid): changed since
    with db.writing() as s:
        gone = undo_import(s, p.admin, first.import_id, NOW)
    assert sorted((e, n, r) for e, _i, n, r in gone.left) == [
        ("customer", "星辰科技", "has_records"), ("deal", "星辰·CRM 采购", "changed_since"),
        ("deal", "星辰·续约", "changed_since")]  # fmt: skip
    assert sorted(deals_by_external(db)) == ["D-001", "D-005"]


def test_fill_sets_only_empty_fields(db, people, pipeline):
    p = people
    add_product(db)
    run(db, p.admin, make_plan(pipeline))
    rows = [("D-001", "另一个标题", "星辰科技", None, "Prospecting", D("1.00"), None, None,
             date(2027, 3, 1), None, "官网", "补充说明"),
            ("D-004", "海川", "海川贸易", None, "Engaging", D("777.00"))]  # fmt: skip
    filled = run(db, p.admin, make_plan(pipeline, rows), dedupe_key="external_id",
                 on_duplicate="fill")  # fmt: skip
    assert (filled.updated, filled.skipped) == (2, 0)
    deals = deals_by_external(db)
    d1, d4 = deals["D-001"], deals["D-004"]
    assert (d1.title, d1.amount, d1.expected_close, d1.source, d1.notes) == (
        "星辰·CRM 采购", D("10000.00"), date(2026, 12, 31), "官网", "补充说明")  # fmt: skip
    assert (d4.title, d4.amount, d4.amount_manual) == ("海川·报关系统", D("777.00"), True)
    again = run(db, p.admin, make_plan(pipeline, rows), dedupe_key="external_id",
                on_duplicate="fill")  # fmt: skip
    assert (again.updated, again.reasons) == (0, {"exists": 2})  # nothing left to fill
    # a deal waiting for a manager's approval keeps the amount the manager is deciding on
    with db.writing() as s:
        s.execute(update(Deal).where(Deal.id == d4.id).values(
            awaiting_stage_id=pipeline.open_stages[3].id))  # fmt: skip
    rows = [("D-004", "海川", "海川贸易", None, "Engaging", D("1.00"))]
    held = run(db, p.admin, make_plan(pipeline, rows), dedupe_key="external_id",
               on_duplicate="overwrite")  # fmt: skip
    assert [(x.field, x.code) for x in held.problems] == [("amount", "awaiting_approval")]
    assert deals_by_external(db)["D-004"].amount == D("777.00")


def test_rows_that_fail_and_deals_that_are_not_yours(db, people, pipeline):
    p = people
    run(db, p.admin, make_plan(pipeline))
    rows = [("D-001", "星辰", "星辰科技", None, "Prospecting", D("5.00")),  # 张伟's deal
            ("N-1", "新", "新客户", None, "Qualification"),  # a stage the map does not have
            ("N-2", "新", "新客户", None, "prospecting", D("-5")),  # negative
            ("N-3", "新", "新客户", "Nobody", "Prospecting"),  # unknown owner (reject)
            ("N-4", "新", None, None, "Prospecting"),  # no customer
            ("N-5", "新", "新客户", None, " PROSPECTING "),
            ("N-5", "again", "新客户", None, "Prospecting")]  # fmt: skip
    result = run(db, p.rep_s1, make_plan(pipeline, rows), dedupe_key="external_id",
                 on_duplicate="overwrite")  # fmt: skip
    got = {(x.row, x.field, x.code) for x in result.problems if x.row != 6}
    assert got == {(2, "external_id", "not_yours"), (3, "stage", "unknown_stage"),
                   (4, "amount", "negative_amount"), (5, "owner", "unknown_owner"),
                   (8, "external_id", "duplicate_in_file")}  # fmt: skip
    assert [x.code for x in result.problems if x.row == 6] == ["unknown_customer"]
    assert (result.created, result.updated, result.skipped, result.failed) == (1, 0, 1, 5)
    deals = deals_by_external(db)
    assert deals["D-001"].amount == D("10000.00")
    n5 = deals["N-5"]
    assert (n5.owner_id, n5.stage_id) == (p.rep_s1.id, pipeline.open_stages[0].id)
    with db.reading() as s:
        made = s.scalars(select(Customer).where(Customer.name == "新客户")).one()
    assert made.owner_id == p.rep_s1.id and n5.customer_id == made.id


def test_create_mode_makes_a_second_deal_and_the_chunks_keep_order(db, people, pipeline):
    p = people
    run(db, p.admin, make_plan(pipeline), chunk=3)
    again = run(db, p.admin, make_plan(pipeline), dedupe_key="external_id",
                on_duplicate="create", chunk=4)  # fmt: skip
    assert (again.created, again.skipped) == (10, 0)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Deal)) == 20
        moves = s.scalar(select(func.count()).select_from(DealMove))
    assert moves == 60


# ---------------------------------------------------------------- the deal's own probability


def probability_plan(pipeline, rows):
    """A sheet read and validated: the probability through its rule (excel_values.percent)."""
    header = ["商机编号", "商机名称", "客户名称", "销售阶段", "赢率 (%)"]
    cells = [header, *(list(r) for r in rows)]
    data = SheetData("deals.xlsx", "Sheet1", ("Sheet1",), cells, len(header))
    columns = suggest_mapping("deals", header).columns
    assert columns[4] == "probability"
    mapping = Mapping(columns, {"Prospecting": pipeline.open_stages[0].id})
    return validate("deals", data, 1, mapping, ValueOptions())


def test_a_deals_probability_is_written_filled_and_overwritten(db, people, pipeline):
    p = people
    rows = [("P-1", "甲", "星辰科技", "Prospecting", "60%"),
            ("P-2", "乙", "星辰科技", "Prospecting", 0.25),  # a %-formatted cell
            ("P-3", "丙", "星辰科技", "Prospecting", 80.0),
            ("P-4", "丁", "星辰科技", "Prospecting", ""),
            ("P-5", "戊", "星辰科技", "Prospecting", "六成")]  # fmt: skip
    plan = probability_plan(pipeline, rows)
    assert [(x.row, x.field, x.code, x.value) for x in plan.problems] == [
        (6, "probability", "bad_percent", "六成")]  # fmt: skip
    assert run(db, p.admin, plan).created == 4
    deals = deals_by_external(db)
    assert {k: d.probability for k, d in deals.items()} == {"P-1": 60, "P-2": 25, "P-3": 80,
                                                           "P-4": None}  # fmt: skip
    shown = ws(db, p.admin).deal(deals["P-4"].id).probability  # the stage's
    assert shown == pipeline.open_stages[0].probability
    assert ws(db, p.admin).deal(deals["P-1"].id).probability == 60

    again = [("P-1", "甲", "星辰科技", "Prospecting", "10%"),
             ("P-4", "丁", "星辰科技", "Prospecting", "30%")]  # fmt: skip
    filled = run(db, p.admin, probability_plan(pipeline, again), dedupe_key="external_id",
                 on_duplicate="fill")  # fmt: skip
    assert (filled.updated, filled.reasons) == (1, {"exists": 1})  # P-1 had its own
    deals = deals_by_external(db)
    assert (deals["P-1"].probability, deals["P-4"].probability) == (60, 30)
    over = run(db, p.admin, probability_plan(pipeline, again), dedupe_key="external_id",
               on_duplicate="overwrite")  # fmt: skip
    assert over.updated == 1 and deals_by_external(db)["P-1"].probability == 10
    with db.writing() as s:
        assert undo_import(s, p.admin, over.import_id, NOW).restored == 1
    assert deals_by_external(db)["P-1"].probability == 60
