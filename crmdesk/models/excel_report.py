"""The import's two small workbooks: the error report (the rows that failed, as they were, with
what is wrong with them) and an importer's template (its fields' headers and an example row).
Both are saved as excel_export saves (a temporary file beside the target, then moved into
place; ExportFailed with a code when the file cannot be written)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from crmdesk.models.excel_files import FORMATS, display_width, save_through_temp
from crmdesk.models.excel_types import CellProblem, SheetData

ERRORS_TITLE = "错误 / Errors"
BAD_FILL = "FFC7CE"  # Excel's own light red for bad cells
LEFT_FILL = "FFEB9C"  # Excel's own light amber: a bad cell the import left empty (keep_rows)
COMMENT_AUTHOR = "crmdesk"


def plain_problem(problem: CellProblem) -> str:
    """A problem without translations (the caller's describe usually has words)."""
    where = problem.field or "row"
    return f"{where}: {problem.code}" + (f" ({problem.value})" if problem.value else "")


def _clean(value: Any) -> Any:
    """A cell as read, in a form openpyxl writes as it was: empty as nothing, text as text."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


WIDTH_SAMPLE = 200  # reported rows whose values size the columns


def _is_long_number(value: Any) -> bool:
    """A whole number of 8 digits or more (a phone or an id stored as a number), which a
    spreadsheet would show in scientific notation."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and abs(value) >= 10_000_000
        and float(value).is_integer()
    )


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if _is_long_number(value):
        return str(int(value))
    if isinstance(value, datetime):
        return "2024-03-05 14:30"
    if isinstance(value, date):
        return "2024-03-05"
    return str(value).split("\n", 1)[0]


def _cell(ws, value: Any, **style: Any):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, _clean(value))
    if cell.data_type in ("f", "e"):  # "=SUM(…)" or "#N/A" typed into the sheet stays text
        cell.data_type = "s"
    for key, v in style.items():
        setattr(cell, key, v)
    return cell


def write_error_report(
    path: str | Path,
    sheet: SheetData,
    header_row: int,
    problems: Sequence[CellProblem],
    describe: Callable[[CellProblem], str] = plain_problem,
    errors_title: str = ERRORS_TITLE,
) -> int:
    """The header row and the original cells of every row with a problem (in the file's order,
    so the report can be fixed and imported again), a last column listing each row's problems
    in words (describe), and each bad cell filled light red with its problems as a comment
    (amber when every problem of the cell is left_empty: the row was imported without it).
    Returns the rows written."""
    by_row: dict[int, list[CellProblem]] = {}
    for p in problems:
        by_row.setdefault(p.row, []).append(p)
    header = sheet.rows[header_row - 1] if 0 < header_row <= len(sheet.rows) else []
    width = max(sheet.width, len(header))

    def write(tmp: str) -> int:
        from openpyxl import Workbook
        from openpyxl.comments import Comment
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        wb = Workbook(write_only=True)
        ws = wb.create_sheet((sheet.sheet or "Sheet")[:31])
        bold, fill = Font(bold=True), PatternFill("solid", fgColor=BAD_FILL)
        amber = PatternFill("solid", fgColor=LEFT_FILL)
        wrap = Alignment(wrap_text=True, vertical="top")
        shown = [sheet.rows[r - 1] for r in sorted(by_row)[:WIDTH_SAMPLE]
                 if 0 < r <= len(sheet.rows)]  # fmt: skip
        for i in range(width):
            # As wide as the title and the reported rows' values (within reason).
            texts = [header[i] if i < len(header) else None] + [
                row[i] if i < len(row) else None for row in shown
            ]
            wide = max(display_width(_shown(v)) for v in texts)
            ws.column_dimensions[get_column_letter(i + 1)].width = max(8, min(40, wide + 2))
        ws.column_dimensions[get_column_letter(width + 1)].width = 60
        ws.freeze_panes = "A2"
        cells = [_cell(ws, header[i] if i < len(header) else None, font=bold)
                 for i in range(width)]  # fmt: skip
        ws.append([*cells, _cell(ws, errors_title, font=bold)])
        written = 0
        for row_no in sorted(by_row):
            if not 0 < row_no <= len(sheet.rows):
                continue
            found = by_row[row_no]
            bad: dict[int, list[str]] = {}
            red: set[int] = set()  # cells with a problem that is not left_empty
            words = []
            for p in found:
                text = describe(p)
                words.append(text)
                if p.column is not None and 0 <= p.column < width:
                    bad.setdefault(p.column, []).append(text)
                    if not p.left_empty:
                        red.add(p.column)
            source = sheet.rows[row_no - 1]
            out: list[Any] = [_clean(v) for v in source[:width]]
            out += [None] * (width - len(out))
            for i, value in enumerate(out):
                long_number = _is_long_number(value)
                if (isinstance(value, str) and value[:1] in ("=", "#")) or i in bad or long_number:
                    out[i] = _cell(ws, int(value) if long_number else value)
                    if long_number:  # a phone stored as a number: its digits, not 1.38E+10
                        out[i].number_format = "0"
                    if i in bad:
                        out[i].fill = fill if i in red else amber
                        out[i].comment = Comment("\n".join(bad[i]), COMMENT_AUTHOR)
            out.append(_cell(ws, "\n".join(words), alignment=wrap))
            ws.append(out)
            written += 1
        ws.auto_filter.ref = f"A1:{get_column_letter(width + 1)}{written + 1}"
        wb.save(tmp)
        return written

    return save_through_temp(path, write)


# -- templates

_EXAMPLES: dict[str, Any] = {
    "name": "北京星辰科技有限公司",
    "customer": "北京星辰科技有限公司",
    "external_id": "C-0001",
    "customer_external_id": "C-0001",
    "level": "A",
    "status": "意向客户",
    "industry": "软件",
    "province": "北京",
    "city": "北京",
    "address": "海淀区中关村大街 1 号",
    "company_size": "21-100",
    "source": "展会",
    "tags": "重点,华北",
    "notes": "",
    "owner": "张三",
    "author": "张三",
    "created_at": datetime(2024, 3, 5, 9, 30),
    "contact_name": "王小明",
    "contact_title": "采购经理",
    "title": "采购经理",
    "mobile": "13812345678",
    "phone": "010-62345678",
    "email": "wang@example.com",
    "wechat": "wangxm",
    "birthday": date(1985, 6, 1),
    "is_primary": "是",
    "kind": "电话",
    "content": "电话沟通需求，约下周上门演示",
    "happened_at": datetime(2024, 3, 5, 14, 30),
    "next_follow_up_at": datetime(2024, 3, 12, 10, 0),
    "stage": "需求分析",
    "amount": Decimal("120000.00"),
    "probability": "60%",
    "product": "CRM 标准版",
    "close_date": date(2024, 6, 30),
    "lost_reason": "",
}
_BY_KIND: dict[str, Any] = {
    "date": date(2024, 3, 5),
    "datetime": datetime(2024, 3, 5, 14, 30),
    "money": Decimal("10000.00"),
    "int": 1,
    "bool": "是",
}
_CELL_FORMATS = {"date": FORMATS["date"], "datetime": FORMATS["datetime"],
                 "money": FORMATS["money"]}  # fmt: skip


def template_title(spec) -> str:
    """The header a template gives a field: its first Chinese alias, else its first alias."""
    chinese = next((a for a in spec.aliases if any("\u4e00" <= ch <= "\u9fff" for ch in a)), "")
    return chinese or (spec.aliases[0] if spec.aliases else spec.key)


def write_template(path: str | Path, kind: str, titles: dict[str, str] | None = None) -> None:
    """A blank sheet for an importer: a header of its fields (titles[key] when given, else
    the first Chinese alias), required ones bold, and one example row. Titles the importer
    recognises are the point: the translated titles given should be among the aliases."""
    from crmdesk.models.excel_contract_fields import EXAMPLES
    from crmdesk.models.excel_fields import FIELDS

    specs = FIELDS[kind]
    titles = titles or {}
    examples = _EXAMPLES | EXAMPLES.get(kind, {})  # a contract's title is no job title

    def write(tmp: str) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        wb = Workbook()
        ws = wb.active
        ws.title = kind
        for i, spec in enumerate(specs, 1):
            title = titles.get(spec.key) or template_title(spec)
            head = ws.cell(1, i, title)
            head.data_type = "s"
            if spec.required:
                head.font = Font(bold=True)
            example = examples.get(spec.key, _BY_KIND.get(spec.kind, ""))
            if example != "":
                cell = ws.cell(2, i, example)
                if isinstance(example, str):
                    cell.data_type = "s"  # phones stay text, never a number
                fmt = _CELL_FORMATS.get(spec.kind)
                if fmt is not None:
                    cell.number_format = fmt
            width = max(display_width(title), len(str(example))) + 3
            ws.column_dimensions[get_column_letter(i)].width = max(10, min(40, width))
        ws.freeze_panes = "A2"
        wb.save(tmp)

    save_through_temp(path, write)


def example_values(kind: str) -> Sequence[Any]:
    """The template's example row (for tests and the wizard's preview)."""
    from crmdesk.models.excel_fields import FIELDS

    return [_EXAMPLES.get(s.key, _BY_KIND.get(s.kind, "")) for s in FIELDS[kind]]
