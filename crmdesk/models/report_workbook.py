"""The reports workbook: every report of the reports page as a sheet holding its table (the
figures the chart was drawn from, with real number formats) and a native Excel chart of them
(openpyxl.chart), so a manager can restyle or re-plot it in Excel. The page turns its results
into ReportSheets (it holds the translated titles); this module knows tables and charts only.

Saved through excel_files.save_through_temp: never half a file; a file that cannot be written
is an ExportFailed with a code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from crmdesk.models.excel_files import FORMATS, display_width, save_through_temp

CHART_KINDS = ("column", "stacked", "bar", "line", "none")
CELL_KINDS = ("text", "int", "money", "number", "percent")
MAX_SHEET_TITLE = 31  # Excel's limit
_BAD_TITLE = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class ReportSheet:
    """One report: a table (first column the categories, then one column per series) and how
    to chart it. `line_columns`: series drawn as a line over the bars (a target line)."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple, ...]
    kinds: tuple[str, ...]  # CELL_KINDS, one per column
    chart: str = "column"  # CHART_KINDS
    chart_title: str = ""
    series_columns: tuple[int, ...] = ()  # columns charted as bars (default: all but the first)
    line_columns: tuple[int, ...] = ()
    notes: tuple[str, ...] = field(default=())  # lines written under the table


def _sheet_title(title: str, taken: set[str]) -> str:
    base = (title.translate(_BAD_TITLE).strip() or "Sheet")[:MAX_SHEET_TITLE]
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: MAX_SHEET_TITLE - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _value(value, kind: str):
    if value is None:
        return None
    if kind in ("money", "number", "percent") and isinstance(value, Decimal):
        return float(value / 100) if kind == "percent" else float(value)
    if kind == "percent" and isinstance(value, int | float):
        return value / 100
    if isinstance(value, str):
        return value.replace("\x00", "")[:32_767]
    return value


def _format(kind: str) -> str | None:
    return {"int": "#,##0", "percent": "0.0%"}.get(kind) or FORMATS.get(kind)


def _write_sheet(ws, sheet: ReportSheet) -> None:
    from openpyxl.styles import Font

    ws.append(list(sheet.headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        ws.append([_value(v, k) for v, k in zip(row, sheet.kinds, strict=False)])
    for col, kind in enumerate(sheet.kinds, start=1):
        fmt = _format(kind)
        if fmt:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.number_format = fmt
        texts = [str(sheet.headers[col - 1])] + [str(r[col - 1]) for r in sheet.rows[:200]]
        width = max(display_width(t) for t in texts) + 2
        ws.column_dimensions[ws.cell(1, col).column_letter].width = min(max(width, 8), 50)
    ws.freeze_panes = "B2"
    for i, note in enumerate(sheet.notes):
        ws.cell(len(sheet.rows) + 3 + i, 1, note)
    if sheet.chart != "none" and sheet.rows and len(sheet.headers) > 1:
        _add_chart(ws, sheet)


def _add_chart(ws, sheet: ReportSheet) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference

    rows = len(sheet.rows)
    lines = set(sheet.line_columns)
    bars = [c for c in (sheet.series_columns or range(1, len(sheet.headers))) if c not in lines]
    cats = Reference(ws, min_col=1, min_row=2, max_row=rows + 1)
    if sheet.chart == "line":
        chart = LineChart()
    else:
        chart = BarChart()
        chart.type = "bar" if sheet.chart == "bar" else "col"
        if sheet.chart == "stacked":
            chart.grouping, chart.overlap = "stacked", 100
        if sheet.chart == "bar":
            chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top, as on screen
    for col in bars:
        chart.add_data(Reference(ws, min_col=col + 1, min_row=1, max_row=rows + 1),
                       titles_from_data=True)  # fmt: skip
    chart.set_categories(cats)
    if lines and sheet.chart != "line":
        line = LineChart()
        for col in sorted(lines):
            line.add_data(Reference(ws, min_col=col + 1, min_row=1, max_row=rows + 1),
                          titles_from_data=True)  # fmt: skip
        line.set_categories(cats)
        chart += line
    chart.title = sheet.chart_title or sheet.title
    chart.height, chart.width = 9, 18
    # Axes shown (openpyxl ≥ 3.1 hides them unless told), legend under the plot.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    anchor = ws.cell(1, len(sheet.headers) + 2).coordinate
    ws.add_chart(chart, anchor)


def write_report_workbook(path: str | Path, sheets: Sequence[ReportSheet]) -> Path:
    """Write every sheet (a table and its chart) to one .xlsx; the path written."""
    from openpyxl import Workbook

    def write(tmp: str) -> None:
        wb = Workbook()
        wb.remove(wb.active)
        taken: set[str] = set()
        for sheet in sheets:
            _write_sheet(wb.create_sheet(_sheet_title(sheet.title, taken)), sheet)
        if not sheets:
            wb.create_sheet("Sheet")
        wb.save(tmp)

    save_through_temp(path, write)
    return Path(path)
