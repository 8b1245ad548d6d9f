"""Reading a sheet for an import (ARCHITECTURE §4): .xlsx .xlsm .xlsb .xls .ods through
python-calamine, .csv .txt .tsv through the standard library (excel_csv), every row as the
sheet has it; then where its header is and which rows hold data.

Whatever the file is, read_sheet() returns a SheetData or raises BadFile with a code of
BAD_FILE_CODES: a missing path or a folder (not_found), no permission or locked (unreadable),
a picture or a Word document renamed (not_spreadsheet), a damaged workbook (corrupt), a
password (encrypted), nothing in it (empty). The file's content decides how it is read, not
its name: an .xls that is really an .xlsx, or a .csv that is a workbook, reads as what it is.

Rows are the sheet's own from row 1 (calamine's empty area before the data is kept), so
rows[n - 1] is the row Excel calls n; trailing empty rows and columns are dropped, ragged rows
padded with "" to the sheet's width. Rows of only empty cells inside the data stay (the header
guess and the row numbers need them); data_rows() skips them.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

from crmdesk.models.excel_csv import looks_like_text, read_text_sheet
from crmdesk.models.excel_types import BadFile, Cell, SheetData
from crmdesk.models.excel_values import text

WORKBOOKS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
TEXTS = (".csv", ".txt", ".tsv")
EXTENSIONS = WORKBOOKS + TEXTS
HEADER_SEARCH = 30  # rows looked at for the header

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ENCRYPTED_STREAMS = ("EncryptionInfo", "EncryptedPackage")
_WORKBOOK_STREAMS = ("Workbook", "Book")
_NOT_SHEETS = (  # the first bytes of files people rename by mistake
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!",
    b"MZ", b"{\\rtf", b"II*\x00", b"MM\x00*", b"RIFF", b"ID3", b"\x00\x00\x00",
)  # fmt: skip
_PASSWORD_WORDS = ("password", "encrypt", "protected")


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


# -- the file --------------------------------------------------------------------------------


def _open(path: str | Path) -> tuple[Path, bytes]:
    """The path and its first bytes; BadFile for a path that is not a readable file."""
    p = Path(path)
    try:
        if not p.is_file():
            raise BadFile("not_found", path=str(p))
        with p.open("rb") as f:
            head = f.read(8)
    except BadFile:
        raise
    except PermissionError:
        raise BadFile("unreadable", path=str(p)) from None
    except OSError as exc:  # a name too long, a broken network drive, ...
        raise BadFile("unreadable", path=str(p), detail=str(exc)) from None
    if not head:
        raise BadFile("empty", path=str(p))
    return p, head


def _read_all(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError as exc:
        raise BadFile("unreadable", path=str(p), detail=str(exc)) from None


def _kind(p: Path, head: bytes) -> str:
    """What the file is by its content: "xlsx" (also .xlsm), "xlsb", "ods", "xls", "text"; or
    BadFile. The name only decides for text, which has no magic."""
    ext = p.suffix.lower()
    if ext not in EXTENSIONS:
        raise BadFile("not_spreadsheet", path=str(p), extension=ext)
    if head.startswith(_ZIP):
        return _zip_kind(p)
    if head.startswith(_OLE):
        return _ole_kind(p)
    if ext not in TEXTS and head.startswith(_NOT_SHEETS):
        raise BadFile("not_spreadsheet", path=str(p))
    if ext in TEXTS or ext == ".xls":  # web systems export "xls" that are tab-separated text
        if looks_like_text(_sample(p)):
            return "text"
        raise BadFile("not_spreadsheet", path=str(p))
    raise BadFile("corrupt", path=str(p))


def _sample(p: Path) -> bytes:
    try:
        with p.open("rb") as f:
            return f.read(4096)
    except OSError as exc:
        raise BadFile("unreadable", path=str(p), detail=str(exc)) from None


def _zip_kind(p: Path) -> str:
    try:
        with zipfile.ZipFile(p) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except PermissionError as exc:
        raise BadFile("unreadable", path=str(p), detail=str(exc)) from None
    except Exception as exc:  # BadZipFile, EOFError, zlib.error, ...
        locked = isinstance(exc, RuntimeError) and "encrypted" in str(exc)  # a zip password
        raise BadFile("encrypted" if locked else "corrupt", path=str(p)) from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if b"opendocument.spreadsheet" in mimetype:
        return "ods"
    if "[Content_Types].xml" in names and not any(n.startswith("xl/") for n in names):
        raise BadFile("not_spreadsheet", path=str(p))  # a .docx, .pptx, ...
    if "content.xml" in names or "mimetype" in names:
        raise BadFile("not_spreadsheet", path=str(p))  # an .odt, .odp, ...
    if any(n.startswith("xl/") for n in names):
        raise BadFile("corrupt", path=str(p))  # parts of a workbook, its heart missing
    raise BadFile("not_spreadsheet", path=str(p))


def _ole_kind(p: Path) -> str:
    """An OLE2 (compound) file: an .xls, or an encrypted .xlsx (an OOXML with a password is
    an OLE2 file holding EncryptionInfo and EncryptedPackage streams), or a .doc/.ppt."""
    data = _read_all(p)
    if any(_utf16(name) in data for name in _ENCRYPTED_STREAMS):
        raise BadFile("encrypted", path=str(p))
    if not any(_utf16(name) in data for name in _WORKBOOK_STREAMS):
        raise BadFile("not_spreadsheet", path=str(p))
    return "xls"


# -- workbooks -------------------------------------------------------------------------------

_CALAMINE_EXT = {"xlsx": (".xlsx", ".xlsm"), "xlsb": (".xlsb",), "ods": (".ods",), "xls": (".xls",)}


def _calamine_failure(exc: BaseException, p: Path) -> BadFile:
    import python_calamine as pc

    if isinstance(exc, BadFile):
        return exc
    message = str(exc).lower()
    if isinstance(exc, pc.PasswordError) or any(w in message for w in _PASSWORD_WORDS):
        return BadFile("encrypted", path=str(p))
    if isinstance(exc, PermissionError):
        return BadFile("unreadable", path=str(p))
    return BadFile("corrupt", path=str(p), detail=f"{type(exc).__name__}: {str(exc)[:200]}")


def _guarded(action: Callable[[], object], p: Path) -> object:
    """Run a calamine call; every failure (its errors, OSError, a Rust panic, which is a
    BaseException) becomes BadFile. Ctrl+C and exits go through."""
    try:
        return action()
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # pyo3's PanicException is not an Exception
        raise _calamine_failure(exc, p) from None


def _workbook(p: Path, kind: str):
    from python_calamine import CalamineWorkbook  # 5 ms: only when a workbook is read

    if p.suffix.lower() in _CALAMINE_EXT[kind]:
        return _guarded(lambda: CalamineWorkbook.from_path(str(p)), p)

    def by_content():
        with p.open("rb") as f:  # the name says otherwise: calamine looks at the content
            return CalamineWorkbook.from_filelike(f)

    return _guarded(by_content, p)


def _close(book) -> None:
    with contextlib.suppress(Exception):  # closing what calamine may have closed already
        book.close()


def _worksheets(book) -> list[str]:
    """The workbook's sheets that hold cells (not chart or macro sheets), in order."""
    from python_calamine import SheetTypeEnum

    kinds = {m.name: m.typ for m in book.sheets_metadata}
    return [
        n
        for n in book.sheet_names
        if kinds.get(n, SheetTypeEnum.WorkSheet) == SheetTypeEnum.WorkSheet
    ]


def _hidden(book) -> set[str]:
    from python_calamine import SheetVisibleEnum

    return {m.name for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible}


def _tidy(rows: list[list[Cell]]) -> tuple[list[list[Cell]], int]:
    """Trailing empty rows and columns dropped, ragged rows padded: (rows, width)."""
    width = 0
    for row in rows:
        while row and row[-1] == "":
            row.pop()
        if len(row) > width:
            width = len(row)
    while rows and not rows[-1]:
        rows.pop()
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    return rows, width


def _has_data(rows: list[list[Cell]]) -> bool:
    return any(_filled(cell) for row in rows for cell in row)


def _sheet_rows(book, name: str, p: Path) -> tuple[list[list[Cell]], int]:
    def rows():
        return book.get_sheet_by_name(name).to_python(skip_empty_area=False)

    return _tidy(_guarded(rows, p))


def _read_workbook(p: Path, kind: str, sheet: str | None) -> SheetData:
    book = _workbook(p, kind)
    try:
        names = _guarded(lambda: _worksheets(book), p)
        if sheet is not None:
            if sheet not in names:
                raise BadFile("no_sheet", sheet=sheet, sheets=list(names))
            rows, width = _sheet_rows(book, sheet, p)
            return SheetData(p.name, sheet, tuple(names), rows, width)
        hidden = _guarded(lambda: _hidden(book), p)
        for name in sorted(names, key=lambda n: n in hidden):  # visible sheets first
            rows, width = _sheet_rows(book, name, p)
            if _has_data(rows):
                return SheetData(p.name, name, tuple(names), rows, width)
        raise BadFile("empty", path=str(p))
    finally:
        _close(book)


# -- the steps' entry points -----------------------------------------------------------------


def read_sheet(path: str | Path, sheet: str | None = None) -> SheetData:
    """The sheet `sheet` of the file (None: the first sheet with data, visible ones first; a
    text file has one sheet, named as the file without its extension)."""
    p, head = _open(path)
    kind = _kind(p, head)
    if kind == "text":
        if sheet is not None and sheet != p.stem:
            raise BadFile("no_sheet", sheet=sheet, sheets=[p.stem])
        rows, width = _tidy(read_text_sheet(p, _read_all(p)))
        if not _has_data(rows):
            raise BadFile("empty", path=str(p))
        return SheetData(p.name, p.stem, (p.stem,), rows, width)
    return _read_workbook(p, kind, sheet)


def sheet_names(path: str | Path) -> list[str]:
    """The file's sheets that hold cells, in order (a text file: one, named as the file)."""
    p, head = _open(path)
    kind = _kind(p, head)
    if kind == "text":
        return [p.stem]
    book = _workbook(p, kind)
    try:
        return _guarded(lambda: _worksheets(book), p)
    finally:
        _close(book)


# -- the header ------------------------------------------------------------------------------

_NUMBERISH = re.compile(r"^[\s\d.,:/+\-%¥￥$()年月日时分秒eE]+$")
_BLANKS = re.compile(r"\s+")


def _filled(cell: Cell) -> bool:
    return cell != "" and cell is not None and not (isinstance(cell, str) and cell.isspace())


def _is_label(cell: Cell) -> bool:
    """A cell that reads like a column title: short text that is not a number or a date."""
    return isinstance(cell, str) and len(cell.strip()) <= 60 and not _NUMBERISH.match(cell)


def _cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    try:
        s = text(cell)
    except ValueError:  # control characters in a title: dropped, not a failure
        s = "".join(ch for ch in str(cell) if ch.isprintable() or ch.isspace()).strip()
    return _BLANKS.sub(" ", s) if not s.isprintable() or "  " in s else s


def _row(rows: list[list[Cell]], index: int) -> list[Cell]:
    return rows[index] if 0 <= index < len(rows) else []


def _groups(upper: list[Cell], lower: list[Cell]) -> set[int]:
    """Columns where `upper` is empty right of a filled cell (inside a merged group) and
    `lower` has a title: the lower row is the second line of a two-line header."""
    seen = False
    out: set[int] = set()
    for c, cell in enumerate(upper):
        if _filled(cell):
            seen = True
        elif seen and c < len(lower) and _filled(lower[c]):
            out.add(c)
    return out


def _is_subheader(upper: list[Cell], lower: list[Cell]) -> bool:
    """The row below a header is its second line: all its cells are labels, at least one in
    the empty span of a group of the upper row, the others under a group's first cell."""
    inside = _groups(upper, lower)
    if not inside:
        return False
    for c, cell in enumerate(lower):
        if not _filled(cell) or c in inside:
            continue
        if not _is_label(cell):
            return False
        starts = c + 1 < len(upper) and _filled(upper[c]) and not _filled(upper[c + 1])
        if not starts:
            return False
    return all(_is_label(lower[c]) for c in inside)


def guess_header_row(rows: list[list[Cell]], known: Callable[[str], bool] | None = None) -> int:
    """The 1-based number of the header row: among the first 30 rows, blank rows and a title
    (one filled cell) skipped, the first whose cells are mostly filled short labels (at least
    half as many as the fullest row), or when `known` is given and recognises a header in
    some row, the row with the most it recognises. The lower line of a two-line header
    (a group row over its titles) is the header: header_texts() names its columns from
    both. 1 when nothing looks like a header."""
    head = rows[:HEADER_SEARCH]
    counts = [sum(1 for cell in row if _filled(cell)) for row in head]
    most = max(counts, default=0)
    if most == 0:
        return 1
    candidates = []
    for i, row in enumerate(head):
        n = counts[i]
        if n == 0 or (n == 1 and most > 1) or n * 2 < most:
            continue
        labels = sum(1 for cell in row if _filled(cell) and _is_label(cell))
        if labels * 2 >= n:
            candidates.append(i)
    if not candidates:
        return next(i for i, n in enumerate(counts) if n) + 1
    best = candidates[0]
    if known is not None:
        scores = {
            i: sum(1 for c in head[i] if _filled(c) and known(_cell_text(c))) for i in candidates
        }
        top = max(scores.values())
        if top:
            best = next(i for i in candidates if scores[i] == top)
    if _is_subheader(_row(rows, best), _row(rows, best + 1)):
        best += 1
    return best + 1


def _is_title(upper: list[Cell], header: list[Cell]) -> bool:
    """A sheet title right above the header: one filled cell, at or left of the header's
    first title."""
    filled = [c for c, cell in enumerate(upper) if _filled(cell)]
    first = next((c for c, cell in enumerate(header) if _filled(cell)), 0)
    return len(filled) == 1 and filled[0] <= first


def header_texts(rows: list[list[Cell]], header_row: int) -> list[str]:
    """The header row's titles, trimmed (numbers as their text: "2024"). Under a group row (a
    title over a merged span of columns, given only in its first cell) each title below is
    named from both: "联系人 姓名", "联系人 电话"; an empty title under a filled cell of the
    group row (a title merged down over two lines) takes that cell's. An empty title stays
    "". BadFile("no_header") when the row is past the end or empty."""
    if not 1 <= header_row <= len(rows):
        raise BadFile("no_header", row=header_row)
    header = rows[header_row - 1]
    names = [_cell_text(cell) for cell in header]
    if not any(names):
        raise BadFile("no_header", row=header_row)
    upper = _row(rows, header_row - 2)
    if not upper or not any(_filled(c) for c in upper) or _is_title(upper, header):
        return names
    if not all(_is_label(c) for c in upper if _filled(c)):
        return names  # a row of data above, not a group row
    group = ""
    for c, name in enumerate(names):
        above = _cell_text(upper[c]) if c < len(upper) else ""
        if above:
            spans = c + 1 < len(upper) and not _filled(upper[c + 1])
            group = above if spans else ""
            if not name:
                names[c] = above  # merged down over both lines
            elif spans and above != name:
                names[c] = f"{above} {name}"
        elif group and name:
            names[c] = f"{group} {name}"
    return names


def data_rows(sheet: SheetData, header_row: int) -> Iterator[tuple[int, list[Cell]]]:
    """(row number, cells) of every row after the header that holds something: rows of only
    empty or blank cells are skipped (ImportPlan.empty_rows counts them)."""
    number = header_row
    for row in islice(sheet.rows, max(header_row, 0), None):
        number += 1
        for cell in row:
            if cell != "" and (cell.__class__ is not str or not cell.isspace()):
                yield number, row
                break


HEADER_LOOK_ROWS = 20  # data rows below a header row looked at to tell which columns hold data


def header_titles(rows: list[list[Cell]], header_row: int) -> int:
    """The header row's non-empty cells."""
    if not 1 <= header_row <= len(rows):
        return 0
    return sum(1 for c in rows[header_row - 1] if c != "" and str(c).strip())


def header_looks_wrong(rows: list[list[Cell]], header_row: int) -> bool:
    """Whether header_row looks like a title or a data row rather than the column titles: fewer
    than 2 titles, or most of the columns holding data below it (in its next HEADER_LOOK_ROWS
    rows) without a title. A warning, not a refusal: some sheets are like that."""
    if header_titles(rows, header_row) < 2:
        return True
    titled = {i for i, c in enumerate(rows[header_row - 1]) if c != "" and str(c).strip()}
    used: set[int] = set()
    for row in rows[header_row : header_row + HEADER_LOOK_ROWS]:
        used.update(i for i, c in enumerate(row) if c != "" and str(c).strip())
    return len(used - titled) * 2 > len(used)
