"""validate(): a mapped sheet becomes a plan of typed rows and per-cell problems before the
database is touched. Sheets are built here as lists (SheetData), not read from files."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.models.excel_fields import suggest_mapping
from crmdesk.models.excel_plan import PROGRESS_ROWS, _phone_of, validate
from crmdesk.models.excel_types import CellProblem, Mapping, SheetData, ValueOptions
from crmdesk.models.phones import phone_key


def sheet(*rows: list) -> SheetData:
    width = max(len(r) for r in rows)
    padded = [list(r) + [""] * (width - len(r)) for r in rows]
    return SheetData("t.xlsx", "Sheet1", ("Sheet1",), padded, width)


def check(kind, data: SheetData, header_row=1, mapping=None, dedupe="", **kw):
    if mapping is None:
        mapping = suggest_mapping(kind, data.rows[header_row - 1])
    return validate(kind, data, header_row, mapping, ValueOptions(**kw), dedupe)


def codes(plan) -> list[tuple[int, int | None, str, str]]:
    return [(p.row, p.column, p.field, p.code) for p in plan.problems]


def repeats(plan) -> list[tuple[int, int | None, str, str]]:
    """The rows skipped within the file (mode skip, validate's default)."""
    return [(p.row, p.column, p.field, p.code) for p in plan.skipped]


CUSTOMER_HEADER = ["客户名称", "手机", "电话", "邮箱", "客户级别", "客户状态", "创建时间", "生日",
                   "标签", "负责人", "备注", "客户编号"]  # fmt: skip


def test_good_rows_become_typed_values_and_empty_cells_are_left_out():
    data = sheet(
        CUSTOMER_HEADER,
        ["  星辰科技 ", 13812345678.0, "010-12345678", "Li@Example.COM", "A级", "成交客户",
         datetime(2024, 3, 5, 14, 30), 45356, "VIP，重点", " 张伟 ", 12.0, 1001],
        ["月亮贸易", "", None, "  ", "", "", "2024/3/5", "", "", "", "", ""],
    )  # fmt: skip
    plan = check("customers", data)
    assert plan.problems == [] and plan.bad_rows == set()
    assert (plan.kind, plan.header_row, plan.total, plan.empty_rows) == ("customers", 1, 2, 0)
    assert plan.headers == CUSTOMER_HEADER
    first, second = plan.rows
    assert first.row == 2 and second.row == 3
    assert first.values == {
        "name": "星辰科技",
        "mobile": "13812345678",
        "phone": "010-12345678",
        "email": "Li@example.com",
        "level": "A",
        "status": "customer",
        "created_at": datetime(2024, 3, 5, 14, 30),
        "birthday": date(2024, 3, 5),
        "tags": ("VIP", "重点"),
        "owner": "张伟",  # a user's name as typed: apply resolves it
        "notes": "12",
        "external_id": "1001",
    }
    assert second.values == {"name": "月亮贸易", "created_at": datetime(2024, 3, 5)}


def test_a_required_field_empty_or_unmapped_is_a_problem_of_its_row():
    data = sheet(["客户名称", "手机"], ["", "13812345678"], ["  ", "13912345678"], ["好的", ""])
    plan = check("customers", data)
    assert codes(plan) == [(2, 0, "name", "required"), (3, 0, "name", "required")]
    assert plan.bad_rows == {2, 3}
    assert [r.row for r in plan.rows] == [4]
    # not mapped at all: every row, with no column
    plan = check("customers", data, mapping=Mapping({1: "mobile"}))
    assert codes(plan)[0] == (2, None, "name", "required")
    assert plan.bad_rows == {2, 3, 4} and plan.rows == []


@pytest.mark.parametrize(
    ("kind", "header", "cell", "field", "code"),
    [
        ("customers", "手机", "12", "mobile", "bad_phone"),
        ("customers", "电话", "无", "phone", "bad_phone"),
        ("customers", "邮箱", "not-an-email", "email", "bad_email"),
        ("customers", "生日", "2024-13-45", "birthday", "bad_date"),
        ("customers", "创建时间", "昨天", "created_at", "bad_date"),
        ("customers", "客户级别", "Z", "level", "bad_level"),
        ("customers", "客户状态", "不知道", "status", "bad_status"),
        ("customers", "行业", "a\x00b", "industry", "nul"),
        ("deals", "金额", "很多", "amount", "bad_amount"),
        ("deals", "预计成交日期", "下个月", "close_date", "bad_date"),
        ("follow_ups", "跟进方式", "传真", "kind", "bad_kind"),
        ("follow_ups", "下次跟进时间", "soon", "next_follow_up_at", "bad_date"),
        ("contacts", "主要联系人", "也许", "is_primary", "bad_bool"),
    ],
)
def test_each_rule_failure_lands_on_its_row_column_and_field(kind, header, cell, field, code):
    base = {
        "customers": (["客户名称"], ["好客户"]),
        "deals": (["商机名称", "客户名称", "阶段"], ["大单", "好客户", "Won"]),
        "follow_ups": (["客户名称", "跟进内容", "跟进时间"], ["好客户", "谈了", "2024-03-05"]),
        "contacts": (["客户名称", "姓名"], ["好客户", "张伟"]),
    }[kind]
    headers, good = base
    data = sheet(headers + ["备用", header], good + ["", ""], good + ["", cell])
    mapping = suggest_mapping(kind, data.rows[0])
    if kind == "deals":
        mapping = Mapping(mapping.columns, {"Won": 6})
    column = len(headers) + 1
    assert mapping.columns[column] == field
    plan = validate(kind, data, 1, mapping, ValueOptions())
    assert plan.problems == [CellProblem(3, column, field, code, cell)]
    assert plan.bad_rows == {3}
    assert [r.row for r in plan.rows] == [2]


def test_too_long_says_the_limit_and_the_value_is_shortened():
    long_name = "长" * 300
    data = sheet(["客户名称", "标签"], [long_name, ""], ["好", "、".join(["标签" * 30])],
                 ["好二", "，".join(f"标签{i:02}" + "x" * 40 for i in range(12))])  # fmt: skip
    plan = check("customers", data)
    name, tag, tags = plan.problems
    assert (name.row, name.field, name.code, name.limit) == (2, "name", "too_long", 200)
    assert name.value == "长" * 100
    assert (tag.row, tag.field, tag.code, tag.limit) == (3, "tags", "too_long", 50)
    assert (tags.row, tags.field, tags.code, tags.limit) == (4, "tags", "too_long", 500)
    assert len(tags.value) == 100


def test_a_number_cell_is_shown_as_typed():
    data = sheet(["客户名称", "手机"], ["好", 123.0], ["好二", datetime(2024, 1, 2, 3, 4, 5)])
    plan = check("customers", data)
    assert [p.value for p in plan.problems] == ["123", "2024-01-02 03:04:05"]


def test_one_row_reports_every_problem_at_once():
    data = sheet(["客户名称", "手机", "邮箱"], ["", "1", "x"])
    assert codes(check("customers", data)) == [
        (2, 1, "mobile", "bad_phone"),
        (2, 2, "email", "bad_email"),
        (2, 0, "name", "required"),
    ]


# ---------------------------------------------------------------------------- duplicates


def test_duplicates_by_name_point_at_the_first_row():
    data = sheet(["客户名称", "手机"], ["星辰", ""], ["月亮", ""], [" 星辰 ", ""], ["星辰", ""])
    plan = check("customers", data, dedupe="name")
    assert plan.skipped == [
        CellProblem(4, 0, "name", "exists_in_file", "2"),
        CellProblem(5, 0, "name", "exists_in_file", "2"),
    ]
    assert plan.problems == [] and plan.bad_rows == set() and plan.repeats == {}
    assert plan.duplicates_in_file == 2 and plan.total == 4
    assert [r.row for r in plan.rows] == [2, 3]
    # without a key nothing is a duplicate
    assert check("customers", data).skipped == []


def test_the_duplicate_mode_decides_what_a_repeat_in_the_file_is():
    data = sheet(["客户名称", "手机"], ["星辰", ""], ["月亮", ""], [" 星辰 ", ""], ["星辰", ""])
    mapping = suggest_mapping("customers", data.rows[0])
    for mode in ("fill", "overwrite"):  # written after the first row, which they update
        plan = validate("customers", data, 1, mapping, ValueOptions(), "name", on_duplicate=mode)
        assert [r.row for r in plan.rows] == [2, 3, 4, 5]
        assert plan.repeats == {4: 2, 5: 2} and plan.skipped == [] and not plan.problems
        assert plan.duplicates_in_file == 2
    plan = validate("customers", data, 1, mapping, ValueOptions(), "name", on_duplicate="create")
    assert [r.row for r in plan.rows] == [2, 3, 4, 5]
    assert (plan.repeats, plan.skipped, plan.duplicates_in_file) == ({}, [], 0)


def test_duplicates_by_phone_compare_the_numbers_key():
    data = sheet(
        ["客户名称", "手机", "电话"],
        ["一", "+86 138-1234-5678", ""],
        ["二", 13812345678.0, ""],
        ["三", "", "0086 13812345678"],
        ["四", "", "010-12345678"],
        ["五", "", "+86 10 1234 5678"],
        ["六", "", ""],
        ["七", "", ""],
    )
    plan = check("customers", data, dedupe="phone")
    assert repeats(plan) == [
        (3, 1, "mobile", "exists_in_file"),
        (4, 2, "phone", "exists_in_file"),  # no mobile: reported on the phone
        (6, 2, "phone", "exists_in_file"),
    ]
    assert [p.value for p in plan.skipped] == ["2", "2", "5"]
    assert plan.duplicates_in_file == 3


@given(st.text(alphabet="0123456789０８+- ()", max_size=22))
def test_the_fast_phone_key_is_phone_key(number):
    assert _phone_of({"mobile": number}) == (phone_key(number) if number else "")
    assert _phone_of({"phone": number}) == (phone_key(number) if number else "")


@pytest.mark.parametrize(
    "number", ["13812345678", "8613812345678", "008613812345678", "01012345678", "123", "4008"]
)
def test_the_fast_phone_key_on_common_numbers(number):
    assert _phone_of({"mobile": number}) == phone_key(number)


def test_duplicates_by_email_ignore_case_and_by_external_id_are_exact():
    data = sheet(["客户名称", "邮箱", "客户编号"], ["一", "Li@Example.com", "A1"],
                 ["二", "li@example.COM", "a1"], ["三", " LI@example.com ", "A1 "])  # fmt: skip
    plan = check("customers", data, dedupe="email")
    assert [(p.row, p.field, p.value) for p in plan.skipped] == [(3, "email", "2"),
                                                                  (4, "email", "2")]  # fmt: skip
    plan = check("customers", data, dedupe="external_id")
    assert [(p.row, p.column, p.field, p.value) for p in plan.skipped] == [
        (4, 2, "external_id", "2")
    ]


def test_a_bad_row_is_never_the_first_of_duplicates():
    data = sheet(["客户名称", "手机"], ["星辰", "1"], ["星辰", ""], ["星辰", "x"], ["星辰", ""])
    plan = check("customers", data, dedupe="name")
    assert codes(plan) == [(2, 1, "mobile", "bad_phone"), (4, 1, "mobile", "bad_phone")]
    assert repeats(plan) == [(5, 0, "name", "exists_in_file")]
    assert plan.skipped[0].value == "3"
    assert [r.row for r in plan.rows] == [3]
    assert plan.duplicates_in_file == 1


def test_a_contacts_phone_and_name_repeat_only_within_one_customer():
    data = sheet(
        ["客户名称", "客户编号", "姓名", "手机", "邮箱"],
        ["星辰", "", "张伟", "13812345678", "zw@x.cn"],
        ["月亮", "", "张伟", "+86 13812345678", "ZW@x.cn"],
        ["星辰", "", "张伟二", "138 1234 5678", ""],
        ["", "C9", "王芳", "13812345678", ""],
        ["", "C9", "王芳", "13900000000", ""],
    )
    plan = check("contacts", data, dedupe="phone")
    assert [(p.row, p.field, p.value) for p in plan.skipped] == [(4, "mobile", "2")]
    plan = check("contacts", data, dedupe="name")
    assert [(p.row, p.field, p.value) for p in plan.skipped] == [(6, "name", "5")]
    plan = check("contacts", data, dedupe="email")  # a person's e-mail, whatever the customer
    assert [(p.row, p.field, p.value) for p in plan.skipped] == [(3, "email", "2")]
    assert check("contacts", data, dedupe="external_id").skipped == []


def test_deals_repeat_by_external_id_or_title_within_a_customer():
    data = sheet(
        ["商机编号", "商机名称", "客户名称", "阶段"],
        ["D1", "大单", "星辰", "Won"],
        ["D2", "大单", "月亮", "Won"],
        ["D1", "大单", "星辰", "Won"],
    )
    mapping = Mapping(suggest_mapping("deals", data.rows[0]).columns, {"Won": 6})
    plan = validate("deals", data, 1, mapping, ValueOptions(), "external_id")
    assert [(p.row, p.column, p.field, p.value) for p in plan.skipped] == [
        (4, 0, "external_id", "2")
    ]
    plan = validate("deals", data, 1, mapping, ValueOptions(), "name")
    assert [(p.row, p.field, p.value) for p in plan.skipped] == [(4, "title", "2")]


def test_an_unknown_dedupe_key_is_a_mistake():
    with pytest.raises(ValueError):
        check("customers", sheet(["客户名称"], ["a"]), dedupe="colour")


# ----------------------------------------------------------------- deals, contacts, links


def test_a_deals_stage_must_be_in_the_stage_map():
    data = sheet(["商机名称", "客户名称", "阶段"], ["一", "星辰", "Closed Won"],
                 ["二", "星辰", " closed won "], ["三", "星辰", "Perception Analysis"],
                 ["四", "星辰", ""])  # fmt: skip
    mapping = Mapping({0: "title", 1: "customer", 2: "stage"}, {"Closed Won": 6})
    plan = validate("deals", data, 1, mapping, ValueOptions())
    assert [r.values["stage"] for r in plan.rows] == ["Closed Won", "Closed Won"]
    assert codes(plan) == [(4, 2, "stage", "unknown_stage"), (5, 2, "stage", "required")]
    assert plan.problems[0].value == "Perception Analysis"


def test_deal_values_are_typed():
    data = sheet(["商机名称", "客户编号", "阶段", "金额", "预计成交日期", "负责人"],
                 ["一", "C1", "Won", "1.2万", "2024年3月5日", "li.na"])  # fmt: skip
    mapping = Mapping(suggest_mapping("deals", data.rows[0]).columns, {"Won": 6})
    (row,) = validate("deals", data, 1, mapping, ValueOptions()).rows
    assert row.values == {
        "title": "一",
        "customer_external_id": "C1",
        "stage": "Won",
        "amount": Decimal("12000.00"),
        "close_date": date(2024, 3, 5),
        "owner": "li.na",
    }


def test_contacts_and_follow_ups_need_a_customer_by_name_or_external_id():
    data = sheet(["客户名称", "客户编号", "姓名"], ["星辰", "", "张伟"], ["", "C1", "王芳"],
                 ["", "", "李娜"])  # fmt: skip
    plan = check("contacts", data)
    assert codes(plan) == [(4, 0, "customer", "required")]
    plan = check("contacts", data, mapping=Mapping({2: "name"}))
    assert {p.code for p in plan.problems} == {"required"}
    assert {(p.column, p.field) for p in plan.problems} == {(None, "customer")}
    data = sheet(["客户名称", "跟进内容", "跟进时间", "跟进方式"],
                 ["星辰", "谈了价格", "2024-03-05 14:30", "电话"],
                 ["星辰", "", "", "微信"])  # fmt: skip
    plan = check("follow_ups", data)
    assert plan.rows[0].values == {
        "customer": "星辰",
        "content": "谈了价格",
        "happened_at": datetime(2024, 3, 5, 14, 30),
        "kind": "call",
    }
    assert codes(plan) == [(3, 1, "content", "required"), (3, 2, "happened_at", "required")]


def test_a_day_first_sheet_reads_its_dates_that_way():
    data = sheet(["客户名称", "生日"], ["一", "05/03/2024"])
    assert check("customers", data).rows[0].values["birthday"] == date(2024, 5, 3)
    assert check("customers", data, day_first=True).rows[0].values["birthday"] == date(2024, 3, 5)


def test_a_mapping_of_a_field_the_kind_does_not_take_is_a_mistake():
    with pytest.raises(ValueError):
        check("customers", sheet(["a"], ["b"]), mapping=Mapping({0: "stage"}))


# ----------------------------------------------------------------- rows, progress, cancel


def test_empty_rows_are_skipped_and_counted_and_short_rows_padded():
    rows = [["一份客户名单"], [], ["客户名称", "手机", "备注"], ["一", "13812345678", ""],
            ["", "", ""], ["  ", "\u3000", ""], ["二"], [""], ["三", "", "说明"], [],
            []]  # fmt: skip
    data = SheetData("t.csv", "t", ("t",), rows, 3)  # ragged, as a careless reader might give
    plan = check("customers", data, header_row=3)
    assert [r.row for r in plan.rows] == [4, 7, 9]
    assert (plan.total, plan.empty_rows) == (3, 5)
    assert plan.rows[1].values == {"name": "二"}


def big_sheet(n: int) -> SheetData:
    rows = [["客户名称", "手机"]]
    rows += [[f"客户{i}", 13800000000 + i] for i in range(n)]
    rows[1000] = ["", ""]
    return sheet(*rows)


def test_progress_is_reported_every_few_thousand_rows_and_at_the_end():
    data = big_sheet(12_000)
    seen: list[tuple[int, int]] = []
    plan = validate("customers", data, 1, Mapping({0: "name", 1: "mobile"}), ValueOptions(),
                    progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert seen == [(PROGRESS_ROWS, 12_000), (2 * PROGRESS_ROWS, 12_000), (12_000, 12_000)]
    assert (plan.total, plan.empty_rows, len(plan.rows)) == (11_999, 1, 11_999)


def test_cancel_stops_with_the_plan_of_the_rows_read_so_far():
    data = big_sheet(12_000)
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) == 2

    plan = validate("customers", data, 1, Mapping({0: "name", 1: "mobile"}), ValueOptions(),
                    cancelled=cancelled)  # fmt: skip
    assert len(polls) == 2
    assert plan.total == 2 * PROGRESS_ROWS - 2  # one empty row; the row it stopped at unread
    assert (len(plan.rows), plan.empty_rows) == (plan.total, 1)
    assert plan.rows[-1].row == 2 * PROGRESS_ROWS


def test_times_are_the_sheets_wall_clock_stored_in_utc_and_dates_stay_dates():
    from zoneinfo import ZoneInfo

    data = sheet(["客户名称", "创建时间", "生日"], ["星辰", "2024-03-05 14:30", "1990-05-06"],
                 ["月亮", datetime(2024, 3, 5), datetime(1990, 5, 6)])  # fmt: skip
    mapping = Mapping({0: "name", 1: "created_at", 2: "birthday"})
    shanghai = ValueOptions(zone=ZoneInfo("Asia/Shanghai"))
    first, second = validate("customers", data, 1, mapping, shanghai).rows
    assert first.values["created_at"] == datetime(2024, 3, 5, 6, 30)  # 14:30 in Shanghai
    assert second.values["created_at"] == datetime(2024, 3, 4, 16, 0)  # its midnight
    assert first.values["birthday"] == second.values["birthday"] == date(1990, 5, 6)
    utc = validate("customers", data, 1, mapping, ValueOptions()).rows[0]  # the default
    assert utc.values["created_at"] == datetime(2024, 3, 5, 14, 30)
    early = sheet(["客户名称", "创建时间"], ["星辰", "1900-01-01 01:00"])
    plan = validate("customers", early, 1, Mapping({0: "name", 1: "created_at"}), shanghai)
    assert codes(plan) == [(2, 1, "created_at", "bad_date")]  # 1899 in UTC
