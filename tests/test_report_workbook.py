"""The reports workbook: each report a sheet with its table and a native Excel chart."""

from __future__ import annotations

import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from crmdesk.models.excel_files import ExportFailed
from crmdesk.models.report_workbook import ReportSheet, write_report_workbook

MONTHS = ReportSheet(
    title="月度赢单",
    headers=("月份", "张三", "李四", "目标"),
    rows=(
        ("2026-01", Decimal("1200.50"), Decimal("0"), Decimal("2000")),
        ("2026-02", Decimal("300"), Decimal("99.99"), Decimal("2000")),
    ),  # fmt: skip
    kinds=("text", "money", "money", "money"),
    chart="stacked",
    line_columns=(3,),
)
FUNNEL = ReportSheet(
    title="Funnel: stages/conversion?",
    headers=("Stage", "Deals", "Conversion"),
    rows=(("初步接触", 100, Decimal("100")), ("需求分析", 60, Decimal("60"))),
    kinds=("text", "int", "percent"),
    chart="bar",
    series_columns=(1,),
)


def test_every_report_is_a_sheet_with_its_table_and_a_native_chart(tmp_path):
    path = write_report_workbook(tmp_path / "reports.xlsx", [MONTHS, FUNNEL, MONTHS])
    wb = load_workbook(path)
    # Excel's forbidden characters replaced, a repeated title numbered, 31 characters at most.
    assert wb.sheetnames == ["月度赢单", "Funnel  stages conversion", "月度赢单 (2)"]
    ws = wb["月度赢单"]
    assert [c.value for c in ws[1]] == ["月份", "张三", "李四", "目标"]
    assert ws["B2"].value == pytest.approx(1200.5) and ws["B2"].number_format.startswith('"¥"')
    assert ws["C3"].value == pytest.approx(99.99)
    assert wb["Funnel  stages conversion"]["C3"].value == pytest.approx(0.6)
    assert wb["Funnel  stages conversion"]["C3"].number_format == "0.0%"
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        assert len(charts) == 3
        xml = z.read(charts[0]).decode()
    # The stacked bars and the target drawn as a line over them, in one chart.
    assert '<grouping val="stacked" />' in xml and "<lineChart>" in xml
    assert xml.count("<ser>") == 3  # two reps' bars and the target line


def test_an_empty_report_has_its_headers_and_no_chart(tmp_path):
    empty = ReportSheet("空", ("月份", "金额"), (), ("text", "money"))
    path = write_report_workbook(tmp_path / "e.xlsx", [empty])
    ws = load_workbook(path)["空"]
    assert [c.value for c in ws[1]] == ["月份", "金额"] and ws.max_row == 1
    with zipfile.ZipFile(path) as z:
        assert not [n for n in z.namelist() if n.startswith("xl/charts/")]


def test_a_folder_that_does_not_exist_is_refused_in_a_code_and_nothing_is_left(tmp_path):
    with pytest.raises(ExportFailed) as err:
        write_report_workbook(tmp_path / "missing" / "r.xlsx", [MONTHS])
    assert err.value.code == "no_folder"
    assert list(tmp_path.iterdir()) == []


def test_a_nul_byte_and_an_overlong_text_are_written_as_excel_accepts_them(tmp_path):
    odd = ReportSheet("x", ("a", "b"), (("A\x00B", 1), ("y" * 40_000, 2)), ("text", "int"))
    ws = load_workbook(write_report_workbook(tmp_path / "o.xlsx", [odd]))["x"]
    assert ws["A2"].value == "AB" and len(ws["A3"].value) == 32_767
