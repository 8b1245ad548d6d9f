"""Reading a sheet for an import (excel_read, excel_csv): workbooks and text files as people
have them, the header found under titles and blank rows, two-line headers named from both
lines, and every file that cannot be read a BadFile with its code, never a raw exception.
Fixture files are made here (openpyxl, zipfile, bytes), none is committed. Pure: no database.

Not covered for want of a tool that writes them: a real .xls (calamine reads it; an .xlsx
named .xls is read here by its content) and a real password-protected workbook (no encryptor
is installed; the test builds an OLE2 file holding the EncryptionInfo/EncryptedPackage stream
names an encrypted OOXML has, which is what the check looks at)."""

from __future__ import annotations

import os
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmdesk.models import excel_read
from crmdesk.models.excel_read import (
    EXTENSIONS,
    data_rows,
    guess_header_row,
    header_texts,
    read_sheet,
    sheet_names,
)
from crmdesk.models.excel_types import BAD_FILE_CODES, BadFile, SheetData

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def workbook(path: Path, sheets: dict[str, list[list]], merged: dict[str, list[str]] = None):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        for cells in (merged or {}).get(title, []):
            ws.merge_cells(cells)
    wb.save(path)
    return path


def bad(path, code, **kwargs):
    with pytest.raises(BadFile) as caught:
        read_sheet(path, **kwargs)
    assert caught.value.code == code
    assert caught.value.code in BAD_FILE_CODES
    return caught.value


# -- workbooks --------------------------------------------------------------------------------

CUSTOMERS = [
    ["客户名单 2024", None, None, None],  # a merged title
    [None, None, None, None],
    [None, None, "联系人", None],  # a group over C:D
    ["客户名称", "级别", "姓名", "电话"],
    ["甲公司", "A", "张三", 13812345678],
    ["乙公司", 1.5, "李四", datetime(2024, 3, 5, 14, 30)],
    [None, None, None, None],
    ["  ", None, None, None],  # blanks only: an empty row too
    ["丙公司", None, None, date(2024, 3, 5)],
]


def test_an_xlsx_as_the_sheet_has_it(tmp_path):
    path = workbook(
        tmp_path / "客户.xlsx",
        {"说明": [], "客户": CUSTOMERS, "其他": [["x"]]},
        {"客户": ["A1:D1", "C3:D3"]},
    )
    sheet = read_sheet(path)
    assert isinstance(sheet, SheetData)
    assert (sheet.file_name, sheet.sheet, sheet.sheets) == (
        "客户.xlsx",
        "客户",
        ("说明", "客户", "其他"),
    )
    assert sheet.width == 4 and len(sheet.rows) == 9  # rows[n - 1] is Excel's row n
    assert sheet.rows[0] == ["客户名单 2024", "", "", ""]
    assert sheet.rows[1] == ["", "", "", ""]  # an empty row inside is kept
    assert sheet.rows[4] == ["甲公司", "A", "张三", 13812345678]
    assert sheet.rows[5][3] == datetime(2024, 3, 5, 14, 30)
    assert sheet.rows[8] == ["丙公司", "", "", date(2024, 3, 5)]  # empty cells are ""
    assert sheet_names(path) == ["说明", "客户", "其他"]

    header = guess_header_row(sheet.rows)
    assert header == 4
    assert header_texts(sheet.rows, header) == ["客户名称", "级别", "联系人 姓名", "联系人 电话"]
    assert [n for n, _ in data_rows(sheet, header)] == [5, 6, 9]

    other = read_sheet(path, "其他")
    assert other.sheet == "其他" and other.rows == [["x"]] and other.width == 1
    problem = bad(path, "no_sheet", sheet="Sheet9")
    assert problem.params == {"sheet": "Sheet9", "sheets": ["说明", "客户", "其他"]}


def test_a_hidden_sheet_is_not_the_first_choice(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "下拉选项"
    wb.active.append(["A", "B", "C"])
    wb.active.sheet_state = "hidden"
    wb.create_sheet("客户").append(["客户名称"])
    wb.save(tmp_path / "h.xlsx")
    sheet = read_sheet(tmp_path / "h.xlsx")
    assert (sheet.sheet, sheet.sheets) == ("客户", ("下拉选项", "客户"))
    assert read_sheet(tmp_path / "h.xlsx", "下拉选项").rows == [["A", "B", "C"]]


def test_rows_before_the_data_and_trailing_empties(tmp_path):
    path = workbook(
        tmp_path / "a.xlsx", {"S": [[None], [None, None, "名称", "手机"], [None, None, "甲", 1]]}
    )
    sheet = read_sheet(path)
    assert sheet.rows == [["", "", "", ""], ["", "", "名称", "手机"], ["", "", "甲", 1]]
    assert guess_header_row(sheet.rows) == 2
    assert header_texts(sheet.rows, 2) == ["", "", "名称", "手机"]  # columns keep their place


def test_a_formula_gives_its_cached_value(tmp_path):
    """openpyxl writes a formula without its value; Excel writes both. The test puts the
    value Excel would have cached into the file, as Excel saves it."""
    path = workbook(tmp_path / "f.xlsx", {"S": [["名称", "金额"], ["甲", "=1+1"]]})
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    assert b"<f>1+1</f><v />" in xml
    parts["xl/worksheets/sheet1.xml"] = xml.replace(b"<f>1+1</f><v />", b"<f>1+1</f><v>2</v>")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert read_sheet(path).rows[1] == ["甲", 2]


def test_the_content_decides_not_the_name(tmp_path):
    real = workbook(tmp_path / "a.xlsx", {"S": [["名称"], ["甲"]]})
    for name in ("b.xls", "c.ods", "d.csv", "e.xlsm"):
        (tmp_path / name).write_bytes(real.read_bytes())
        assert read_sheet(tmp_path / name).rows == [["名称"], ["甲"]], name


def ods(path: Path, rows: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice's parts need it."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )

    def cell(v):
        if isinstance(v, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{v}">'
                    f"<text:p>{v}</text:p></table:table-cell>")  # fmt: skip
        return (
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
        )

    body = "".join(f"<table:table-row>{''.join(map(cell, row))}</table:table-row>" for row in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
               f'office:version="1.2"><office:body><office:spreadsheet><table:table '
               f'table:name="客户">{body}</table:table></office:spreadsheet></office:body>'
               f"</office:document-content>")  # fmt: skip
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest)
    return path


def test_an_ods(tmp_path):
    path = ods(tmp_path / "a.ods", [["客户名称", "手机"], ["甲公司", 13812345678]])
    sheet = read_sheet(path)
    assert sheet.sheets == ("客户",)
    assert sheet.rows == [["客户名称", "手机"], ["甲公司", 13812345678]]


# -- text files -------------------------------------------------------------------------------


def test_a_gbk_csv(tmp_path):
    path = tmp_path / "客户.csv"
    content = '客户名称,手机,备注\r\n甲公司,13812345678,"多行\r\n备注, 含逗号"\r\n\r\n'
    path.write_bytes((content + "乙公司,1.38E+10\r\n").encode("gbk"))
    sheet = read_sheet(path)
    assert (sheet.sheet, sheet.sheets, sheet.width) == ("客户", ("客户",), 3)
    assert sheet.rows == [
        ["客户名称", "手机", "备注"],
        ["甲公司", "13812345678", "多行\r\n备注, 含逗号"],
        ["", "", ""],
        ["乙公司", "1.38E+10", ""],
    ]
    assert [n for n, _ in data_rows(sheet, 1)] == [2, 4]
    assert sheet_names(path) == ["客户"]
    assert read_sheet(path, "客户").rows == sheet.rows
    bad(path, "no_sheet", sheet="Sheet1")


def test_a_utf8_bom_csv_with_semicolons(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("\ufeff客户名称;金额;城市\n甲公司;1,234.50;北京\n乙公司;5;上海\n".encode())
    assert read_sheet(path).rows == [["客户名称", "金额", "城市"], ["甲公司", "1,234.50", "北京"],
                                     ["乙公司", "5", "上海"]]  # fmt: skip


def test_excel_sep_line_tabs_pipes_utf16_and_one_column(tmp_path):
    cases = {
        "sep.csv": "sep=|\n名称|城市\n甲|北京\n".encode("gb18030"),
        "tab.txt": "名称\t城市\n甲\t北京\n".encode(),
        "pipe.csv": "名称|城市\n甲|北京\n".encode(),
        "unicode.txt": "\ufeff名称\t城市\r\n甲\t北京\r\n".encode(
            "utf-16-le"
        ),  # Excel's Unicode text
        "nobom16.txt": "名称\t城市\r\nab\tcd\r\n".encode("utf-16-le"),
        "web.xls": "名称\t城市\n甲\t北京\n".encode("gbk"),  # what web systems call .xls
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        rows = read_sheet(tmp_path / name).rows
        assert rows[0] == ["名称", "城市"], name
        assert len(rows) == 2 and len(rows[1]) == 2, name
    (tmp_path / "one.csv").write_text("名称\n甲\n乙\n", encoding="utf-8")
    assert read_sheet(tmp_path / "one.csv").rows == [["名称"], ["甲"], ["乙"]]


def test_a_stray_nul_is_a_cell_for_the_value_rules(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes("名称,备注\n甲,a\x00b\n".encode())
    assert read_sheet(path).rows[1] == ["甲", "a\x00b"]  # excel_values.text says "nul"


def test_ragged_rows_are_padded(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("a,b\n1\n1,2,3,,\n", encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.width == 3
    assert sheet.rows == [["a", "b", ""], ["1", "", ""], ["1", "2", "3"]]


# -- files that cannot be read ----------------------------------------------------------------


def test_missing_a_folder_and_empty(tmp_path):
    bad(tmp_path / "missing.xlsx", "not_found")
    (tmp_path / "folder.xlsx").mkdir()
    bad(tmp_path / "folder.xlsx", "not_found")
    (tmp_path / "zero.xlsx").write_bytes(b"")
    bad(tmp_path / "zero.xlsx", "empty")
    (tmp_path / "blank.csv").write_text("\n\n , \n", encoding="utf-8")
    bad(tmp_path / "blank.csv", "empty")
    empty = workbook(tmp_path / "empty.xlsx", {"A": [], "B": [[None, "  "]]})
    bad(empty, "empty")
    with pytest.raises(BadFile) as caught:
        sheet_names(tmp_path / "missing.xlsx")
    assert caught.value.code == "not_found"


def test_damaged_files_are_corrupt(tmp_path):
    (tmp_path / "random.xlsx").write_bytes(bytes(range(7, 256)) * 8)
    bad(tmp_path / "random.xlsx", "corrupt")
    real = workbook(tmp_path / "real.xlsx", {"S": [["名称"], ["甲"]] * 200}).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(real[: len(real) // 2])
    bad(tmp_path / "cut.xlsx", "corrupt")
    with zipfile.ZipFile(tmp_path / "gutted.xlsx", "w") as z:  # a workbook's parts, no heart
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    bad(tmp_path / "gutted.xlsx", "corrupt")
    with zipfile.ZipFile(tmp_path / "broken.xlsx", "w") as z:  # its heart is not XML
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", "not xml <<<")
        z.writestr("xl/workbook.xml", "<<< not xml")
    bad(tmp_path / "broken.xlsx", "corrupt")


def test_other_documents_are_not_spreadsheets(tmp_path):
    with zipfile.ZipFile(tmp_path / "letter.docx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    bad(tmp_path / "letter.docx", "not_spreadsheet")  # an extension we do not read
    (tmp_path / "letter.xlsx").write_bytes((tmp_path / "letter.docx").read_bytes())
    bad(tmp_path / "letter.xlsx", "not_spreadsheet")  # renamed
    (tmp_path / "photo.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    bad(tmp_path / "photo.xlsx", "not_spreadsheet")
    (tmp_path / "photo.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    bad(tmp_path / "photo.csv", "not_spreadsheet")
    (tmp_path / "old.xls").write_bytes(OLE + bytes(504) + "WordDocument".encode("utf-16-le"))
    bad(tmp_path / "old.xls", "not_spreadsheet")  # a .doc renamed
    (tmp_path / "page.xls").write_text("<html><table><tr><td>1</td></tr></table></html>")
    bad(tmp_path / "page.xls", "not_spreadsheet")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    bad(tmp_path / "notes.pdf", "not_spreadsheet")


def test_a_password_protected_workbook_is_encrypted(tmp_path):
    body = bytes(504) + "EncryptionInfo".encode("utf-16-le") + bytes(50)
    body += "EncryptedPackage".encode("utf-16-le") + os.urandom(2000)
    for name in ("secret.xlsx", "secret.xls", "secret.xlsm"):
        (tmp_path / name).write_bytes(OLE + body)
        bad(tmp_path / name, "encrypted")
        with pytest.raises(BadFile) as caught:
            sheet_names(tmp_path / name)
        assert caught.value.code == "encrypted"


def test_a_file_we_may_not_read_is_unreadable(tmp_path, monkeypatch):
    path = workbook(tmp_path / "locked.xlsx", {"S": [["名称"]]})

    def refuse(*args, **kwargs):
        raise PermissionError(13, "locked by another program")

    monkeypatch.setattr(Path, "open", refuse)
    bad(path, "unreadable")


def test_a_damaged_sheet_inside_a_good_zip(tmp_path):
    path = workbook(tmp_path / "s.xlsx", {"S": [["名称"], ["甲"]]})
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = b"<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>99"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    bad(path, "corrupt")


SUFFIXES = [*EXTENSIONS, ".docx", ""]
PREFIXES = [b"", b"PK\x03\x04", b"PK\x05\x06", OLE, b"\xef\xbb\xbf", b"\xff\xfe", b"sep=;\n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=3000),
    prefix=st.sampled_from(PREFIXES),
    suffix=st.sampled_from(SUFFIXES),
    sheet=st.sampled_from([None, "Sheet", "x"]),
)
def test_any_bytes_read_or_fail_with_a_code(data, prefix, suffix, sheet):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(prefix + data)
        try:
            result = read_sheet(path, sheet)
        except BadFile as exc:
            assert exc.code in BAD_FILE_CODES
        else:
            assert isinstance(result, SheetData)
            assert all(len(row) == result.width for row in result.rows)
        try:
            names = sheet_names(path)
        except BadFile as exc:
            assert exc.code in BAD_FILE_CODES
        else:
            assert isinstance(names, list)


@pytest.fixture(scope="module")
def real_xlsx(tmp_path_factory):
    path = tmp_path_factory.mktemp("real") / "real.xlsx"
    return workbook(path, {"S": CUSTOMERS}, {"S": ["A1:D1"]}).read_bytes()


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cuts=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_a_damaged_real_workbook_reads_or_fails_with_a_code(real_xlsx, cuts):
    data = bytearray(real_xlsx)
    for at, value in cuts:
        data[at % len(data)] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.xlsx"
        path.write_bytes(bytes(data))
        try:
            read_sheet(path)
        except BadFile as exc:
            assert exc.code in BAD_FILE_CODES


# -- the header -------------------------------------------------------------------------------

HEADER = ["客户名称", "手机", "城市", "金额"]
ROW = ["甲公司", 13812345678, "北京", 1200.5]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([HEADER, ROW], 1),
        ([["客户名单"], [], HEADER, ROW], 3),  # a title, a blank row
        ([["客户名单", "", "", ""], ["", "", "", ""], HEADER, ROW], 3),
        ([[], [], HEADER, ROW], 3),  # two blank rows
        ([HEADER, [1, 2, 3, 4], [5, 6, 7, 8]], 1),  # numbers below the header
        ([["导出时间: 2024-03-05", "操作人: 张三"], [], HEADER + ["备注", "行业"], ROW], 3),
        ([["2024", "3", "5", "6"], HEADER, ROW], 2),  # text numbers are not titles (a .csv)
        ([["名称"], ["甲"], ["乙"]], 1),  # one column
        ([], 1),
        ([[], ["", ""]], 1),
    ],
)
def test_guess_header_row(rows, expected):
    assert guess_header_row(rows) == expected


def test_known_headers_win():
    rows = [["甲公司", "北京", "备注"], ["客户名称", "城市", "备注"], ["乙公司", "上海", "x"]]
    assert guess_header_row(rows) == 1  # the first row of labels
    known = {"客户名称", "城市", "备注"}.__contains__
    assert guess_header_row(rows, known) == 2
    assert guess_header_row(rows, lambda _: False) == 1


def test_a_header_merged_down_over_two_lines():
    rows = [
        ["客户名称", "级别", "联系人", ""],  # A:A and B:B merged down, C:D across
        ["", "", "姓名", "电话"],
        ["甲公司", "A", "张三", 13812345678],
    ]
    assert guess_header_row(rows) == 2
    assert header_texts(rows, 2) == ["客户名称", "级别", "联系人 姓名", "联系人 电话"]
    assert guess_header_row(rows, {"客户名称", "级别"}.__contains__) == 2


def test_header_texts():
    assert header_texts([["  名称 ", 2024, 2024.5, None, date(2024, 1, 1)]], 1) == [
        "名称", "2024", "2024.5", "", "2024-01-01"]  # fmt: skip
    assert header_texts([["客户\n名称", "a\x00b"]], 1) == ["客户 名称", "ab"]
    titled = [["客户名单", "", ""], HEADER[:3]]
    assert header_texts(titled, 2) == HEADER[:3]  # a title is no group
    data_above = [ROW, HEADER]
    assert header_texts(data_above, 2) == HEADER  # a row of data is no group either
    for row in (0, 3, -1):
        with pytest.raises(BadFile) as caught:
            header_texts([HEADER, ROW], row)
        assert (caught.value.code, caught.value.params) == ("no_header", {"row": row})
    with pytest.raises(BadFile) as caught:
        header_texts([["", " "], HEADER], 1)
    assert caught.value.code == "no_header"


def test_data_rows():
    sheet = SheetData(
        "a.csv", "a", ("a",), [HEADER, ROW, ["", " ", "\t", ""], ROW, ["", "", "", 0]], 4
    )
    assert list(data_rows(sheet, 1)) == [(2, ROW), (4, ROW), (5, ["", "", "", 0])]
    assert list(data_rows(sheet, 5)) == []
    assert [n for n, _ in data_rows(sheet, 0)] == [1, 2, 4, 5]


def test_a_long_sheet_is_read_whole(tmp_path):
    """20,000 rows come back, as calamine reads them (the speed is bench/import_100k.py's:
    read_s beside calamine_s)."""
    from python_calamine import CalamineWorkbook

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("S")
    ws.append(HEADER * 3)
    for i in range(20_000):
        ws.append([f"公司{i}", 13812345678 + i, "北京", 1200.5] * 3)
    path = tmp_path / "big.xlsx"
    wb.save(path)
    bare = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("S").to_python()
    sheet = read_sheet(path)
    assert sum(1 for _ in data_rows(sheet, guess_header_row(sheet.rows))) == 20_000
    assert sheet.rows[-1][:4] == bare[-1][:4] == ["公司19999", 13812345678 + 19999, "北京", 1200.5]


def test_no_pyside_in_reading():
    assert "PySide6" not in Path(excel_read.__file__).read_text(encoding="utf-8")
