"""What the first try-out of the import found, as rules without Qt: a totals row is skipped, not
imported; validate refuses what the writers would (a negative amount, a contract that ends
before it starts, a day out of range), so the preview and the run agree; rows given to the
importer for want of a known owner are counted and named; a phone without a contact name
makes a contact named after the customer; a header row that is a title is told apart; every
problem code the models produce is declared in excel_types.PROBLEM_CODES."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal as D
from pathlib import Path

import pytest
from excel_apply_helpers import LATER, plan_of
from sqlalchemy import select

from crmdesk.models import excel_apply
from crmdesk.models.checks import limit_of
from crmdesk.models.excel_derive import CONTACT_NAME_LIMIT
from crmdesk.models.excel_fields import suggest_mapping
from crmdesk.models.excel_plan import totals_label, validate
from crmdesk.models.excel_read import header_looks_wrong, header_titles
from crmdesk.models.excel_types import PROBLEM_CODES, ImportOptions, SheetData, ValueOptions
from crmdesk.models.schema import Contact, Customer


def sheet(*rows: list) -> SheetData:
    width = max(len(r) for r in rows)
    padded = [list(r) + [""] * (width - len(r)) for r in rows]
    return SheetData("t.xlsx", "Sheet1", ("Sheet1",), padded, width)


def check(kind, data: SheetData, dedupe="", **kw):
    mapping = suggest_mapping(kind, data.rows[0])
    return validate(kind, data, 1, mapping, ValueOptions(), dedupe, **kw)


def found(plan) -> list[tuple[int, str, str]]:
    return [(p.row, p.field, p.code) for p in plan.problems]


# ---------------------------------------------------------------- totals rows


@pytest.mark.parametrize(
    "kind, header, row, total",
    [
        ("customers", ["客户名称", "手机", "金额"], ["星辰科技", "13812345678", 5],
         ["合计", "", 45000]),
        ("customers", ["客户名称", "手机"], ["星辰科技", "13812345678"], ["小计："]),
        ("contacts", ["客户", "姓名", "手机"], ["星辰科技", "周明", "13812345678"],
         ["Total", "", ""]),
        ("deals", ["商机名称", "客户", "阶段", "金额"], ["大单", "星辰科技", "Prospecting", 5],
         ["", "总计", "", 45000.5]),
        ("follow_ups", ["客户", "内容", "跟进时间"], ["星辰科技", "打了电话", "2026-01-05"],
         ["Grand Total", "", ""]),
        ("contracts", ["合同编号", "客户", "合同名称", "合同金额"],
         ["HT-1", "星辰科技", "年度服务", 1000], ["Totals", "", "", "¥1,000.00"]),
        ("payments", ["合同编号", "回款日期", "回款金额"], ["HT-1", "2026-01-05", 500],
         ["SUM", "", 500]),
    ],
)  # fmt: skip
def test_a_totals_row_is_skipped_for_every_kind(kind, header, row, total):
    data = sheet(header, row, total)
    mapping = suggest_mapping(kind, header)
    if kind == "deals":
        mapping = type(mapping)(mapping.columns, {"Prospecting": 1})
    plan = validate(kind, data, 1, mapping, ValueOptions())
    assert [r.row for r in plan.rows] == [2]
    assert plan.bad_rows == set() and plan.total == 2
    ((at, code),) = [(p.row, p.code) for p in plan.skipped]
    assert (at, code) == (3, "totals_row")
    assert plan.skipped[0].value.strip(" ：").lower() in {"合计", "小计", "total", "总计",
                                                        "grand total", "totals", "sum"}  # fmt: skip


def test_a_customer_called_total_is_still_a_customer():
    header = ["客户名称", "城市", "地址", "手机"]
    assert totals_label(["Total", "上海", "浦东大道1号", "13812345678"], 0) is None
    assert totals_label(["Sum Tech 有限公司", "", "", 5], 0) is None
    assert totals_label(["合计", "18家", 45000, 3000], 0) == 0  # a text per two numbers
    assert totals_label(["", "", "合 计", 45000], None) == 2  # the first filled cell
    assert totals_label(["3", "合计", 45000], 1) == 1  # the name column
    plan = check("customers", sheet(header, ["Total", "上海", "浦东大道1号", "13812345678"]))
    assert [r.values["name"] for r in plan.rows] == ["Total"] and plan.skipped == []


def test_a_totals_row_is_counted_skipped_and_reported_by_the_run(db, people):
    data = sheet(["客户名称", "手机", "金额"], ["星辰科技", "13812345678", 5], ["合计", "", 9])
    plan = validate("customers", data, 1, suggest_mapping("customers", data.rows[0]),
                    ValueOptions())  # fmt: skip
    result = excel_apply.apply(db, people.admin, plan, ImportOptions(), LATER)
    assert (result.created, result.skipped, result.failed) == (1, 1, 0)
    assert result.reasons == {"totals_row": 1}
    assert [(p.row, p.code, p.value) for p in result.problems] == [(3, "totals_row", "合计")]
    with db.reading() as s:
        assert s.scalars(select(Customer.name)).all() == ["星辰科技"]


# ---------------------------------------------------------------- the preview and the run agree


@pytest.mark.parametrize(
    "kind, header, row",
    [
        ("deals", ["商机名称", "客户", "阶段", "金额"], ["大单", "星辰科技", "Prospecting", -5]),
        ("contracts", ["合同编号", "客户", "合同名称", "合同金额"], ["HT-1", "星辰", "年度", "-5"]),
        ("payments", ["合同编号", "回款日期", "回款金额"], ["HT-1", "2026-01-05", "(5)"]),
    ],
)  # fmt: skip
def test_a_negative_amount_fails_in_validate(kind, header, row):
    mapping = suggest_mapping(kind, header)
    if kind == "deals":
        mapping = type(mapping)(mapping.columns, {"Prospecting": 1})
    plan = validate(kind, sheet(header, row), 1, mapping, ValueOptions())
    assert found(plan) == [(2, "amount", "negative_amount")]
    assert plan.problems[0].column == header.index(
        next(h for h in header if "金额" in h)
    ) and plan.problems[0].value in ("-5", "(5)")  # fmt: skip
    assert plan.rows == []


def test_a_payment_of_nothing_fails_in_validate():
    plan = check("payments", sheet(["合同编号", "回款日期", "回款金额"], ["HT-1", "2026-01-05", 0]))
    assert found(plan) == [(2, "amount", "zero_amount")]


def test_the_writers_give_the_same_code_for_a_negative_amount(db, people):
    from crmdesk.models.excel_deal_rules import deal_money

    with pytest.raises(ValueError, match="negative_amount"):
        deal_money(D("-5"), None, {})
    plan = plan_of("contracts", [{"number": "HT-9", "customer": "星辰", "title": "年度",
                                  "amount": D("-5")}])  # fmt: skip
    result = excel_apply.apply(db, people.admin, plan, ImportOptions(dedupe_key="number"), LATER)
    assert [p.code for p in result.problems] == ["negative_amount"]


def test_what_the_contract_and_follow_up_writers_refuse_validate_refuses():
    header = ["合同编号", "客户", "合同名称", "开始日期", "结束日期", "合同状态", "签约日期"]
    data = sheet(
        header,
        ["HT-1", "星辰", "年度", "2026-03-01", "2026-02-01", "", ""],
        ["HT-2", "星辰", "年度", "", "", "执行中", ""],
        ["HT-3", "星辰", "年度", "2026-01-01", "2026-12-31", "执行中", "2026-01-01"],
    )
    plan = check("contracts", data)
    assert found(plan) == [(2, "ends_on", "before_start"), (3, "signed_on", "required")]
    assert [r.row for r in plan.rows] == [4]
    data = sheet(["客户", "内容", "跟进时间", "下次跟进时间"],
                 ["星辰", "电话", "2026-01-05 10:00", "2026-01-05 09:00"],
                 ["星辰", "电话", "2026-01-05 10:00", "2026-01-06 09:00"])  # fmt: skip
    plan = check("follow_ups", data)
    assert found(plan) == [(2, "next_follow_up_at", "not_after_happened")]


def test_days_outside_what_is_stored_fail_in_validate():
    data = sheet(["客户名称", "生日", "创建时间"],
                 ["甲", "1899-12-31", "2026-01-01"], ["乙", "2026-01-01", "2200-01-01 08:00"],
                 ["丙", date(1900, 1, 1), datetime(2199, 12, 31, 23, 0)])  # fmt: skip
    plan = check("customers", data)
    assert found(plan) == [(2, "birthday", "bad_date"), (3, "created_at", "bad_date")]
    assert [r.row for r in plan.rows] == [4]


# ---------------------------------------------------------------- owners and contacts


def test_rows_given_to_me_for_an_unknown_owner_are_counted_and_named(db, people):
    rows = [{"name": "甲", "owner": "John Smith"}, {"name": "乙", "owner": "Mary Jones"},
            {"name": "丙", "owner": "John Smith"}, {"name": "丁", "owner": "张伟"},
            {"name": "戊"}]  # fmt: skip
    result = excel_apply.apply(
        db,
        people.admin,
        plan_of("customers", rows),
        ImportOptions(owner_mode="column", unknown_owner="me"),
        LATER,
    )
    assert result.created == 5
    assert (result.assigned_to_you, result.unknown_owners) == (3, ("John Smith", "Mary Jones"))
    assert result.users_created == ()
    again = excel_apply.apply(
        db,
        people.admin,
        plan_of("customers", rows),
        ImportOptions(owner_mode="column", on_duplicate="fill"),
        LATER,
    )
    assert again.assigned_to_you == 0  # updated or unchanged: nobody's owner changed


def test_the_users_an_import_creates_are_named(db, people):
    rows = [{"name": "甲", "owner": "John Smith"}, {"name": "乙", "owner": "Mary Jones"}]
    result = excel_apply.apply(
        db,
        people.admin,
        plan_of("customers", rows),
        ImportOptions(owner_mode="column", unknown_owner="create"),
        LATER,
    )
    assert result.users_created == ("John Smith", "Mary Jones")
    assert result.assigned_to_you == 0


def test_a_phone_without_a_contact_name_makes_a_contact_named_after_the_customer(db, people):
    rows = [{"name": " 星辰科技 ", "phone": "+1 (415) 555-1000"},
            {"name": "月亮贸易", "contact_name": "", "email": "info@moon.cn"},
            {"name": "太阳能源", "contact_name": "周明", "mobile": "13812345678"},
            {"name": "无人公司", "industry": "软件"}]  # fmt: skip
    result = excel_apply.apply(db, people.admin, plan_of("customers", rows), ImportOptions(),
                               LATER)  # fmt: skip
    assert result.created == 4
    with db.reading() as s:
        got = dict(
            s.execute(
                select(Customer.name, Contact.name).join(
                    Contact, Contact.customer_id == Customer.id
                )
            ).all()
        )
        listed = dict(s.execute(select(Customer.name, Customer.contact_name)).all())
    assert got == {"星辰科技": "星辰科技", "月亮贸易": "月亮贸易", "太阳能源": "周明"}
    assert listed["无人公司"] == "" and listed["星辰科技"] == "星辰科技"
    assert CONTACT_NAME_LIMIT == limit_of(Contact.name)


# ---------------------------------------------------------------- header rows


def test_a_title_row_chosen_as_the_header_looks_wrong():
    rows = [["2026年客户名单", "", "", ""], ["客户名称", "手机", "城市", ""],
            ["星辰", "138", "上海", ""], ["月亮", "139", "北京", "x"]]  # fmt: skip
    assert header_titles(rows, 1) == 1 and header_looks_wrong(rows, 1)
    assert header_titles(rows, 2) == 3 and not header_looks_wrong(rows, 2)
    wide = [["A", "B", "", "", "", ""], ["1", "2", "3", "4", "5", "6"]]
    assert header_looks_wrong(wide, 1)  # most columns with data have no title


# ---------------------------------------------------------------- the codes


def test_every_problem_code_the_models_produce_is_declared():
    """The codes written in the modules that make problems (not those of files, exports and
    undo: their own tuples) are all in PROBLEM_CODES, which the words test walks."""
    others = ("excel_files", "excel_export", "excel_read", "excel_csv", "excel_undo",
              "excel_report", "excel_workspace", "excel_dates")  # fmt: skip
    files = [p for p in Path("crmdesk/models").glob("excel_*.py") if not p.stem.startswith(others)]
    source = "\n".join(p.read_text("utf-8") for p in files)
    patterns = [
        r'_fail\("([a-z_]+)"',
        r'ValueError\("([a-z_]+)"',
        r'problem\([^,()]+, "([a-z_]+)"',
        r'(?:fail|skip)\([a-z_.]+, "[a-z_]+", "([a-z_]+)"',
        r'CellProblem\([^)]*?"([a-z_]+)"',
        r'code = "([a-z_]+)"',
        r'code = "[a-z_]+" if [^\n]*? else "([a-z_]+)"',
        r'found or "([a-z_]+)"',
        r'else "([a-z_]+)" if ids',
        r'return \[\("[a-z_]+", "([a-z_]+)"\)\]',
        r'append\(\("[a-z_]+", "([a-z_]+)"\)\)',
    ]
    codes = {c for p in patterns for c in re.findall(p, source)}
    codes -= {"bad_mapping"}  # a mapping file's, not a row's (excel_fields)
    assert codes - set(PROBLEM_CODES) == set()
    assert {"totals_row", "negative_amount", "zero_amount", "before_start", "ambiguous_deal",
            "unchanged", "not_after_happened", "awaiting_approval"} <= codes  # fmt: skip
