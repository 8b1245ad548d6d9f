"""Writing workbooks (models/excel_export, excel_report, excel_files): typed cells under a bold
frozen header with an autofilter, text that stays text, long lists over several sheets,
cancel and every file failure leaving no half file; the import's error report (the failed rows
as they were, bad cells marked, importable again) and the importers' templates (their headers
map back to their fields). Workbooks are read back with openpyxl and calamine."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from crmdesk.models import excel_files
from crmdesk.models.excel_export import (
    MONEY_FORMAT,
    ExportCancelled,
    ExportColumn,
    ExportFailed,
    write_error_report,
    write_table,
    write_template,
)
from crmdesk.models.excel_fields import FIELDS, suggest_mapping
from crmdesk.models.excel_read import guess_header_row, header_texts, read_sheet
from crmdesk.models.excel_report import example_values, template_title
from crmdesk.models.excel_types import CellProblem, SheetData

COLUMNS = [
    ExportColumn("客户", "text", 30),
    ExportColumn("Count", "int", 8),
    ExportColumn("金额", "money", 14),
    ExportColumn("Rate", "percent", 8),
    ExportColumn("Signed", "date", 12),
    ExportColumn("Updated", "datetime", 16),
    ExportColumn("Score", "number", 8),
]
ROWS = [
    ["北京星辰科技有限公司", 3, Decimal("1234.50"), 0.25, date(2024, 3, 5),
     datetime(2024, 3, 5, 14, 30), 2.5],
    ["=1+1", 0, Decimal("0.00"), 1, date(1900, 1, 15), datetime(2031, 12, 31, 23, 59), None],
    ["  a <b> & c\n second line ", None, None, None, None, None, ""],
]  # fmt: skip


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_table_has_typed_cells_a_bold_frozen_header_an_autofilter_and_widths(tmp_path):
    path = tmp_path / "out.xlsx"
    seen = []
    assert write_table(path, "客户", COLUMNS, ROWS, total=3,
                       progress=lambda d, t: seen.append((d, t))) == 3  # fmt: skip
    assert seen[-1] == (3, 3) and leftovers(tmp_path) == []
    ws = load_workbook(path)["客户"]
    assert [c.value for c in ws[1]] == [c.title for c in COLUMNS]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:G4"
    assert ws.column_dimensions["A"].width == 30 and ws.column_dimensions["B"].width >= 8
    first = [c.value for c in ws[2]]
    assert first[:3] == ["北京星辰科技有限公司", 3, 1234.5]
    assert first[4:6] == [datetime(2024, 3, 5), datetime(2024, 3, 5, 14, 30)]
    assert ws["C2"].number_format == MONEY_FORMAT and ws["D2"].number_format == "0%"
    assert ws["E2"].number_format == "yyyy-mm-dd" and ws["F2"].number_format.startswith("yyyy")
    assert ws["B2"].data_type == "n" and ws["C2"].data_type == "n"
    # Text that looks like a formula stays text; XML's special characters, spaces at either
    # end and a line break survive; empty cells are empty.
    assert ws["A3"].value == "=1+1" and ws["A3"].data_type == "s"
    assert ws["A4"].value == "  a <b> & c\n second line "
    assert [c.value for c in ws[4]][1:] == [None] * 6
    assert ws["E3"].value == datetime(1900, 1, 15)  # before Excel's phantom 29 February 1900
    assert ws["B3"].value == 0 and ws["C3"].value == 0
    # calamine (what the importer reads with) sees the same values, dates as dates.
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("客户").to_python()
    assert rows[1][:6] == ["北京星辰科技有限公司", 3, 1234.5, 0.25, date(2024, 3, 5),
                           datetime(2024, 3, 5, 14, 30)]  # fmt: skip


def test_odd_text_is_cleaned_not_refused(tmp_path):
    path = tmp_path / "odd.xlsx"
    long = "长" * 40_000
    rows = [["a\x00b\x07c", "tab\there", long, "😀 emoji", "\u3000全角空格", "#N/A"]]
    write_table(path, "x", [ExportColumn(str(i)) for i in range(6)], rows)
    values = [c.value for c in load_workbook(path).active[2]]
    assert values[0] == "abc" and values[1] == "tab\there"
    assert len(values[2]) == 32_767 and values[3] == "😀 emoji"
    assert values[4] == "\u3000全角空格" and values[5] == "#N/A"


def test_a_sheet_name_excel_refuses_is_made_acceptable(tmp_path):
    path = tmp_path / "n.xlsx"
    write_table(path, "客户/导出: [2024]*?" + "x" * 40, COLUMNS[:1], [["a"]])
    name = load_workbook(path).sheetnames[0]
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_more_rows_than_a_sheet_holds_go_on_further_sheets(tmp_path):
    path = tmp_path / "many.xlsx"
    rows = [[f"c{i}", i] for i in range(7)]
    assert write_table(path, "List", COLUMNS[:2], rows, max_rows=3) == 7
    wb = load_workbook(path)
    assert wb.sheetnames == ["List", "List (2)", "List (3)"]
    assert [[c.value for c in r] for r in wb["List (3)"].iter_rows()] == [
        ["客户", "Count"],
        ["c6", 6],
    ]
    assert all(wb[n].auto_filter.ref == "A1:B4" for n in ("List", "List (2)"))
    assert all(wb[n].freeze_panes == "A2" for n in wb.sheetnames)


def test_no_rows_is_a_header_only(tmp_path):
    path = tmp_path / "empty.xlsx"
    assert write_table(path, "x", COLUMNS, []) == 0
    ws = load_workbook(path).active
    assert ws.max_row == 1 and ws.auto_filter.ref == "A1:G1"


def test_a_cancelled_export_leaves_no_file_and_an_earlier_file_untouched(tmp_path):
    path = tmp_path / "out.xlsx"
    rows = ([f"c{i}", i] for i in range(5000))
    with pytest.raises(ExportCancelled):
        write_table(path, "x", COLUMNS[:2], rows, cancelled=lambda: True)
    assert not path.exists() and leftovers(tmp_path) == []
    path.write_bytes(b"before")
    with pytest.raises(ExportCancelled):
        write_table(path, "x", COLUMNS[:2], [["a", 1]], cancelled=lambda: True)
    assert path.read_bytes() == b"before" and leftovers(tmp_path) == []


def test_rows_failing_half_way_leave_no_file(tmp_path):
    def rows():
        yield ["a", 1]
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_table(tmp_path / "out.xlsx", "x", COLUMNS[:2], rows())
    assert list(tmp_path.iterdir()) == []


def test_file_failures_are_codes(tmp_path, monkeypatch):
    with pytest.raises(ExportFailed) as missing:
        write_table(tmp_path / "no" / "out.xlsx", "x", COLUMNS[:1], [])
    assert missing.value.code == "no_folder"
    (tmp_path / "dir.xlsx").mkdir()
    with pytest.raises(ExportFailed) as folder:
        write_table(tmp_path / "dir.xlsx", "x", COLUMNS[:1], [])
    assert folder.value.code == "not_writable"

    # The target open in Excel (Windows refuses to replace it), then a full disk.
    target = tmp_path / "open.xlsx"
    target.write_bytes(b"kept")

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(excel_files.os, "replace", locked)
    with pytest.raises(ExportFailed) as in_use:
        write_table(target, "x", COLUMNS[:1], [["a"]])
    assert in_use.value.code == "in_use" and in_use.value.params["path"] == str(target)
    assert target.read_bytes() == b"kept" and leftovers(tmp_path) == []
    monkeypatch.undo()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("crmdesk.models.excel_export._package", full)
    with pytest.raises(ExportFailed) as disk:
        write_table(tmp_path / "full.xlsx", "x", COLUMNS[:1], [["a"]])
    assert disk.value.code == "disk_full" and leftovers(tmp_path) == []
    assert not (tmp_path / "full.xlsx").exists()


def test_a_file_held_open_is_refused_before_the_work(tmp_path, monkeypatch):
    """Windows: opening a file Excel holds fails with a sharing violation (winerror 32)."""
    target = tmp_path / "held.xlsx"
    target.write_bytes(b"kept")
    real_open = open

    def held_open(file, mode="r", *args, **kwargs):
        if str(file) == str(target) and "a" in mode:
            exc = PermissionError(errno.EACCES, "being used by another process", str(file))
            exc.winerror = 32
            raise exc
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", held_open)
    asked = []
    with pytest.raises(ExportFailed) as held:
        write_table(target, "x", COLUMNS[:1], (asked.append(1) or ["a"] for _ in range(3)))
    assert held.value.code == "in_use" and asked == [] and target.read_bytes() == b"kept"


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    path = tmp_path / "perm.xlsx"
    write_table(path, "x", COLUMNS[:1], [["a"]])
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


# -- the error report


def _sheet() -> SheetData:
    rows = [
        ["客户名单 2024", "", "", ""],
        ["客户名称", "手机", "金额", "创建日期"],
        ["北京星辰", "13812345678", 1200.5, date(2024, 3, 5)],
        ["", "138", "abc", "someday"],
        ['=HYPERLINK("x")', "13900001111", 5, datetime(2024, 1, 2, 9, 0)],
        ["上海华信", "bad\x01phone", "", ""],
    ]
    return SheetData("list.xlsx", "客户", ("客户",), rows, 4)


def test_the_error_report_keeps_the_failed_rows_as_they_were_and_marks_bad_cells(tmp_path):
    problems = [
        CellProblem(4, 0, "name", "required"),
        CellProblem(4, 1, "mobile", "bad_phone", "138"),
        CellProblem(4, 2, "amount", "bad_amount", "abc"),
        CellProblem(6, 1, "mobile", "nul", "bad\x01phone"),
        CellProblem(5, None, "", "exists"),
    ]
    path = tmp_path / "errors.xlsx"
    assert write_error_report(path, _sheet(), 2, problems,
                              lambda p: f"{p.field or 'row'} {p.code}") == 3  # fmt: skip
    ws = load_workbook(path).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == ["客户名称", "手机", "金额", "创建日期", "错误 / Errors"]
    assert rows[1][:4] == [None, "138", "abc", "someday"]
    assert rows[1][4] == "name required\nmobile bad_phone\namount bad_amount"
    assert rows[2][:4] == ['=HYPERLINK("x")', "13900001111", 5, datetime(2024, 1, 2, 9, 0)]
    assert ws["A3"].data_type == "s" and rows[2][4] == "row exists"
    assert rows[3][:2] == ["上海华信", "badphone"] and rows[3][4] == "mobile nul"
    assert ws["B2"].fill.fgColor.rgb.endswith("FFC7CE") and ws["B2"].comment is not None
    assert "bad_phone" in ws["B2"].comment.text
    assert ws["D2"].fill.fgColor.rgb in (None, "00000000")  # a good cell is not marked
    assert all(c.font.b for c in ws[1]) and ws.freeze_panes == "A2"
    # Fixed and imported again: the same header, found at the top.
    again = read_sheet(path)
    header = guess_header_row(again.rows)
    assert header == 1 and header_texts(again.rows, header)[:4] == _sheet().rows[1]


def test_an_error_report_shows_phones_as_digits_and_wraps_its_errors(tmp_path):
    """A phone Excel stored as a number reads 13812345678 in the report, not 1.38E+10; the
    errors column wraps; a column is as wide as its values."""
    long_name = "内蒙古自治区呼和浩特市某某科技发展有限责任公司"
    sheet = SheetData("a.xlsx", "客户", ("客户",), [["客户名称", "手机"],
                      [long_name, 13812345678.0]], 2)  # fmt: skip
    problems = [CellProblem(2, 0, "name", "too_long"), CellProblem(2, 1, "mobile", "bad")]
    path = tmp_path / "phones.xlsx"
    write_error_report(path, sheet, 1, problems)
    ws = load_workbook(path).active
    assert ws["B2"].value == 13812345678 and ws["B2"].number_format == "0"
    assert ws["C2"].alignment.wrap_text
    assert ws.column_dimensions["A"].width >= 40 > ws.column_dimensions["B"].width >= 13


def test_an_error_report_of_no_rows_is_its_header(tmp_path):
    path = tmp_path / "none.xlsx"
    assert write_error_report(path, _sheet(), 2, []) == 0
    assert load_workbook(path).active.max_row == 1


# -- templates


@pytest.mark.parametrize("kind", list(FIELDS))
def test_a_template_is_read_back_as_its_own_fields(tmp_path, kind):
    path = tmp_path / f"{kind}.xlsx"
    write_template(path, kind)
    ws = load_workbook(path).active
    specs = FIELDS[kind]
    assert [c.value for c in ws[1]] == [template_title(s) for s in specs]
    assert [bool(c.font.b) for c in ws[1]] == [s.required for s in specs]
    assert any(c.value not in (None, "") for c in ws[2])
    sheet = read_sheet(path)
    mapping = suggest_mapping(kind, header_texts(sheet.rows, 1))
    assert mapping.columns == {i: s.key for i, s in enumerate(specs)}
    phones = [i for i, s in enumerate(specs) if s.kind == "phone"]
    assert all(isinstance(sheet.rows[1][i], str) for i in phones)  # never 1.38e10
    assert len(example_values(kind)) == len(specs)


def test_a_template_takes_translated_titles(tmp_path):
    path = tmp_path / "t.xlsx"
    write_template(path, "customers", {"name": "Company", "mobile": "Mobile"})
    header = [c.value for c in load_workbook(path).active[1]]
    assert header[0] == "Company" and "Mobile" in header and "城市" in header
