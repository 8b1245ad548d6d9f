"""Writing workbooks: a list as the page shows it (write_table); the import's error report
and an importer's blank template (write_error_report, write_template: excel_report.py).

Every writer saves through excel_files.save_through_temp: a temporary file beside the target,
moved into place at the end, so the target is never half a file; a file that cannot be written
is an ExportFailed with a code (EXPORT_FAILED_CODES).

write_table streams its rows: openpyxl makes the workbook's package (styles, the sheets' frozen
header, widths and autofilter, the zip), and the rows themselves are serialized here, straight
into the sheet's XML. openpyxl's own per-cell serialization (an ElementTree element per cell)
is ~70% of its write time; writing the same <c> elements as text is several times faster,
which is what lets an export of 100,000 customers, database reads included, take no longer
than openpyxl alone takes to write the values (bench/export_100k.py).
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from math import isfinite
from pathlib import Path
from typing import Any

from crmdesk.models.excel_files import (
    EXPORT_FAILED_CODES,
    FORMATS,
    MONEY_FORMAT,
    ExportCancelled,
    ExportFailed,
    check_target,
    display_width,
    save_through_temp,
)
from crmdesk.models.excel_report import write_error_report, write_template

__all__ = [
    "EXPORT_FAILED_CODES",
    "FORMATS",
    "MONEY_FORMAT",
    "ExportCancelled",
    "ExportColumn",
    "ExportFailed",
    "check_target",
    "write_error_report",
    "write_table",
    "write_template",
]

KINDS = ("text", "int", *FORMATS)
MAX_DATA_ROWS = 1_048_575  # Excel's rows less the header: more go on a next sheet
MAX_TEXT = 32_767  # characters in one cell
CHECK_EVERY = 500  # rows between progress reports and cancel checks


@dataclass(frozen=True)
class ExportColumn:
    title: str
    kind: str = "text"  # one of KINDS
    width: int = 12  # characters


# -- cells as XML text

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EPOCH = datetime(1899, 12, 30)  # Excel's serial day 0 (for days from 1900-03-01 on)
_EPOCH_DAY = _EPOCH.date()
_FIRST = datetime(1900, 3, 1)  # before it Excel counts the 29 February 1900 that never was
_DAY = timedelta(days=1)
_SPACE = " \t\n\r"


def _text(v: str) -> str:
    if not v.isprintable():  # line breaks, tabs, control characters, odd spaces
        v = _ILLEGAL_XML.sub("", v)
    if len(v) > MAX_TEXT:
        v = v[:MAX_TEXT]
    if "&" in v or "<" in v or ">" in v:
        v = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if v and (v[0] in _SPACE or v[-1] in _SPACE):
        return f'<t xml:space="preserve">{v}</t>'
    return f"<t>{v}</t>"


def _serial(v: datetime | date) -> float | int:
    if type(v) is date:
        return (v - _EPOCH_DAY).days if v >= _FIRST.date() else _old_serial(v)
    if v.tzinfo is not None:
        v = v.astimezone().replace(tzinfo=None)
    return (v - _EPOCH) / _DAY if v >= _FIRST else _old_serial(v)


def _old_serial(v: datetime | date) -> float:
    from openpyxl.utils.datetime import to_excel

    return to_excel(v)


class _RowWriter:
    """Rows of typed values to <row> elements. Strings are inline text (never a formula, even
    when they start with "="), numbers take their column's format, dates and times a date
    format (their column's, else yyyy-mm-dd / yyyy-mm-dd hh:mm)."""

    def __init__(self, columns: Sequence[ExportColumn], styles: dict[str, int]) -> None:
        from openpyxl.utils import get_column_letter

        self.refs = [get_column_letter(i + 1) for i in range(len(columns))]
        self.number_s = [self._s(styles.get(c.kind, 0)) for c in columns]
        self.day_s = [self._s(styles[c.kind if c.kind in ("date", "datetime") else "date"])
                      for c in columns]  # fmt: skip
        self.moment_s = [self._s(styles[c.kind if c.kind in ("date", "datetime") else "datetime"])
                         for c in columns]  # fmt: skip
        self.bold = self._s(styles["bold"])

    @staticmethod
    def _s(style_id: int) -> str:
        return f' s="{style_id}"' if style_id else ""

    def header(self, titles: Sequence[str]) -> str:
        cells = "".join(f'<c r="{ref}1" t="inlineStr"{self.bold}><is>{_text(t)}</is></c>'
                        for ref, t in zip(self.refs, titles, strict=False))  # fmt: skip
        return f'<row r="1">{cells}</row>'

    def row(self, r: int, values: Sequence[Any]) -> str:
        out = []
        add = out.append
        rs = str(r)
        refs = self.refs
        for i, v in enumerate(values):
            t = type(v)
            if t is str:
                if v:
                    add(f'<c r="{refs[i]}{rs}" t="inlineStr"><is>{_text(v)}</is></c>')
            elif v is None:
                continue
            elif t is int:
                add(f'<c r="{refs[i]}{rs}"{self.number_s[i]}><v>{v}</v></c>')
            elif t is Decimal or t is float:
                if v.is_finite() if t is Decimal else isfinite(v):  # NaN, ∞: an empty cell
                    add(f'<c r="{refs[i]}{rs}"{self.number_s[i]}><v>{v}</v></c>')
            elif t is datetime:
                add(f'<c r="{refs[i]}{rs}"{self.moment_s[i]}><v>{_serial(v)}</v></c>')
            elif t is date:
                add(f'<c r="{refs[i]}{rs}"{self.day_s[i]}><v>{_serial(v)}</v></c>')
            elif t is bool:
                add(f'<c r="{refs[i]}{rs}" t="b"><v>{int(v)}</v></c>')
            elif isinstance(v, int | float) and isfinite(v):  # a subclass (an IntEnum)
                add(f'<c r="{refs[i]}{rs}"{self.number_s[i]}><v>{float(v)!r}</v></c>')
            else:
                add(f'<c r="{refs[i]}{rs}" t="inlineStr"><is>{_text(str(v))}</is></c>')
        return f'<row r="{rs}">{"".join(out)}</row>'


# -- write_table


def sheet_name(title: str, n: int = 1) -> str:
    """A name Excel accepts (31 characters, none of []:*?/\\), numbered after the first."""
    name = re.sub(r"[\[\]:*?/\\]", " ", title).strip().strip("'") or "Sheet"
    suffix = f" ({n})" if n > 1 else ""
    return name[: 31 - len(suffix)] + suffix


def write_table(
    path: str | Path,
    sheet_title: str,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[Any]],
    total: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    max_rows: int = MAX_DATA_ROWS,
) -> int:
    """Write rows (typed values in the columns' order) under a bold, frozen header with an
    autofilter; returns the rows written. More than max_rows rows go on further sheets
    ("Title (2)", …), each with the header. progress(done, total or 0) every CHECK_EVERY rows;
    cancelled() polled as often: True raises ExportCancelled and nothing is written."""
    unknown = [c.kind for c in columns if c.kind not in KINDS]
    if unknown or not columns:
        raise ValueError(f"bad columns: {unknown or 'none'}")

    def write(tmp: str) -> int:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        wb = Workbook(write_only=True)
        first = wb.create_sheet(sheet_name(sheet_title))
        styles = {}
        for key, fmt in (("bold", None), *FORMATS.items()):
            cell = WriteOnlyCell(first)
            if fmt is None:
                cell.font = Font(bold=True)
            else:
                cell.number_format = fmt
            styles[key] = cell.style_id
        writer = _RowWriter(columns, styles)
        header = writer.header([c.title for c in columns])
        parts: list[Any] = []  # a temporary file of each sheet's rows
        counts: list[int] = []
        done = 0
        try:
            for chunk, new_sheet in _chunks(rows, writer, max_rows, cancelled):
                if new_sheet:
                    parts.append(tempfile.TemporaryFile())
                    counts.append(0)
                parts[-1].write(chunk[0].encode("utf-8", "replace"))
                counts[-1] += chunk[1]
                done += chunk[1]
                if progress is not None:
                    progress(done, total or 0)
            if not parts:
                parts.append(tempfile.TemporaryFile())
                counts.append(0)
            _package(tmp, wb, first, sheet_title, columns, header, parts, counts)
        finally:
            for part in parts:
                part.close()
        return done

    return save_through_temp(path, write)


def _chunks(rows, writer: _RowWriter, max_rows: int, cancelled):
    """(xml, rows in it) per CHECK_EVERY rows, and whether it starts a new sheet."""
    r = 1  # the header's row
    batch: list[str] = []
    new_sheet = True
    for values in rows:
        if r > max_rows:
            yield ("".join(batch), len(batch)), new_sheet
            batch, r, new_sheet = [], 1, True
        r += 1
        batch.append(writer.row(r, values))
        if len(batch) == CHECK_EVERY:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            yield ("".join(batch), len(batch)), new_sheet
            batch, new_sheet = [], False
    if cancelled is not None and cancelled():
        raise ExportCancelled()
    if batch:
        yield ("".join(batch), len(batch)), new_sheet


_SHEET_DATA = re.compile(r"<sheetData\s*/>|<sheetData>\s*</sheetData>")


def _package(tmp, wb, first, title, columns, header, parts, counts) -> None:
    """The workbook openpyxl makes (sheets with no rows), its sheets' rows spliced in."""
    from openpyxl.utils import get_column_letter

    last = get_column_letter(len(columns))
    sheets = [first] + [wb.create_sheet(sheet_name(title, n)) for n in range(2, len(parts) + 1)]
    for ws, count in zip(sheets, counts, strict=True):
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{last}{count + 1}"
        for i, c in enumerate(columns):
            width = max(c.width, display_width(c.title) + 3, 4)  # + the filter's button
            ws.column_dimensions[get_column_letter(i + 1)].width = width
    template = io.BytesIO()
    wb.save(template)
    names = [f"xl/worksheets/sheet{i}.xml" for i in range(1, len(parts) + 1)]
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as out,
    ):
        for info in source.infolist():
            if info.filename not in names:
                out.writestr(info, source.read(info))
        for name, part in zip(names, parts, strict=True):
            prefix, suffix = _SHEET_DATA.split(source.read(name).decode("utf-8"), maxsplit=1)
            with out.open(name, "w", force_zip64=True) as sheet:
                sheet.write(f"{prefix}<sheetData>{header}".encode())
                part.seek(0)
                shutil.copyfileobj(part, sheet, 1 << 20)
                sheet.write(f"</sheetData>{suffix}".encode())
