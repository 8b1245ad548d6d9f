"""ValueOptions.keep_rows (the try-out's #13): a row whose only problem is a bad optional cell
(a close date "Q3 2026", a level "重要客户") is imported with that cell empty, the problem kept
as a note in the plan, the result and the error report; off, the row fails as before; a
required field's problem, a long text and the duplicate key's cell still fail the row."""

from __future__ import annotations

from datetime import datetime

from excel_apply_helpers import LATER
from openpyxl import Workbook, load_workbook
from test_cli import run_cli
from test_excel_plan import check, sheet

from crmdesk.models import excel_apply
from crmdesk.models.excel_report import write_error_report
from crmdesk.models.excel_types import CellProblem, ImportOptions

HEADER = ["客户名称", "客户级别", "创建时间", "邮箱", "备注"]


def notes(plan) -> list[tuple[int, int | None, str, str, bool]]:
    return [(p.row, p.column, p.field, p.code, p.left_empty) for p in plan.notes]


def test_off_by_default_a_bad_optional_cell_fails_the_row():
    data = sheet(HEADER, ["甲公司", "重要客户", "", "", ""], ["乙公司", "B", "", "", ""])
    plan = check("customers", data)
    assert [r.row for r in plan.rows] == [3]
    assert plan.bad_rows == {2} and plan.notes == []
    assert [(p.field, p.code, p.left_empty) for p in plan.problems] == [
        ("level", "bad_level", False)
    ]


def test_keep_rows_leaves_the_bad_optional_cells_empty_and_notes_them():
    data = sheet(
        HEADER,
        ["甲公司", "重要客户", "Q3 2026", "a@b.cn", "老客户"],
        ["乙公司", "B", "", "", ""],
    )
    plan = check("customers", data, keep_rows=True)
    assert [r.row for r in plan.rows] == [2, 3] and plan.bad_rows == set()
    assert plan.rows[0].values == {"name": "甲公司", "email": "a@b.cn", "notes": "老客户"}
    assert plan.problems == []
    assert notes(plan) == [
        (2, 1, "level", "bad_level", True),
        (2, 2, "created_at", "bad_date", True),
    ]
    assert [p.value for p in plan.notes] == ["重要客户", "Q3 2026"]


def test_keep_rows_still_fails_a_required_field_a_long_text_and_the_key():
    deals = sheet(["商机名称", "客户名称", "阶段", "预计成交日期"],
                  ["大单", "甲公司", "谈判", "Q3 2026"],
                  ["", "甲公司", "谈判", "Q3 2026"])  # fmt: skip
    from crmdesk.models.excel_fields import suggest_mapping
    from crmdesk.models.excel_types import Mapping

    mapping = suggest_mapping("deals", deals.rows[0])
    plan = check("deals", deals, mapping=Mapping(mapping.columns, {"谈判": 1}), keep_rows=True)
    assert [r.row for r in plan.rows] == [2] and "close_date" not in plan.rows[0].values
    assert notes(plan) == [(2, 3, "close_date", "bad_date", True)]
    # a row failing for another reason: its bad optional cell is a problem of it, not a note
    assert plan.bad_rows == {3}
    assert {(p.field, p.code, p.left_empty) for p in plan.problems} == {
        ("title", "required", False), ("close_date", "bad_date", False)}  # fmt: skip

    long_note = "x" * 70_000
    customers = sheet(HEADER, ["甲公司", "", "", "", long_note], ["乙公司", "", "", "bad", ""])
    plan = check("customers", customers, dedupe="email", keep_rows=True)
    assert plan.bad_rows == {2, 3}  # too long; the duplicate key's cell (e-mail) not read
    assert [p.code for p in plan.problems] == ["too_long", "bad_email"]
    plan = check("customers", customers, dedupe="name", keep_rows=True)
    assert plan.bad_rows == {2} and notes(plan) == [(3, 3, "email", "bad_email", True)]


def test_the_run_imports_the_row_and_says_which_cells_it_left_empty(db, people, tmp_path):
    data = sheet(
        HEADER,
        ["甲公司", "重要客户", "Q3 2026", "", ""],
        ["乙公司", "B", "2024-03-05", "", ""],
        ["", "A", "", "", ""],
    )
    plan = check("customers", data, keep_rows=True)
    result = excel_apply.apply(db, people.admin, plan, ImportOptions(), LATER)
    assert (result.created, result.failed) == (2, 1)
    assert result.left_empty == {"bad_date": 1, "bad_level": 1}
    assert result.reasons == {"required": 1}  # the cells left empty are no failed rows
    assert [(p.row, p.code, p.left_empty) for p in result.problems] == [
        (2, "bad_level", True), (2, "bad_date", True), (4, "required", False)]  # fmt: skip
    from crmdesk.models.schema import Customer

    made = db.read(lambda s: {c.name: (c.level, c.created_at) for c in s.query(Customer)})
    assert made["甲公司"] == ("C", LATER)  # the level's default, the import's time
    assert made["乙公司"] == ("B", datetime(2024, 3, 5))

    path = tmp_path / "errors.xlsx"

    def describe(p: CellProblem) -> str:
        return f"{p.field}: {p.code}" + (" (left empty)" if p.left_empty else "")

    assert write_error_report(path, data, 1, result.problems, describe) == 2
    rows = [[c.value for c in r] for r in load_workbook(path).active.iter_rows()]
    assert rows[1][:3] == ["甲公司", "重要客户", "Q3 2026"]
    assert rows[1][-1] == "level: bad_level (left empty)\ncreated_at: bad_date (left empty)"
    cells = list(load_workbook(path).active.iter_rows(min_row=2, max_row=3))
    assert cells[0][1].fill.fgColor.rgb.endswith("FFEB9C")  # amber: left empty
    assert cells[1][0].fill.fgColor.rgb.endswith("FFC7CE")  # red: the row was not imported


def test_the_command_line_keeps_rows_with_keep_rows(tmp_path):
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo

    url = f"sqlite:///{tmp_path / 'own.sqlite'}"
    db = open_database(url)
    generate_demo(db, customers=3, seed=5, pooled=0)
    db.close()
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(["甲丁公司", "重要客户", "", "", ""])
    book.active.append(["乙丁公司", "B", "", "", ""])
    source, report = tmp_path / "c.xlsx", tmp_path / "errors.xlsx"
    book.save(source)
    off = run_cli("import", "customers", str(source), "--db", url, "--lang", "en")
    assert off.returncode == 0, off.stderr
    assert "1 created, 0 updated, 0 skipped, 1 failed" in off.stdout
    on = run_cli("import", "customers", str(source), "--db", url, "--keep-rows", "--dedupe",
                 "none", "--report", str(report), "--lang", "en")  # fmt: skip
    assert on.returncode == 0, on.stderr
    assert "2 created, 0 updated, 0 skipped, 0 failed; 1 cells left empty (bad_level 1)" in (
        on.stdout
    )
    rows = [[c.value for c in r] for r in load_workbook(report).active.iter_rows()]
    assert [r[0] for r in rows[1:]] == ["甲丁公司"]
    assert "left empty" in rows[1][-1] or "empty" in rows[1][-1]
