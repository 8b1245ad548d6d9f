"""What the import wizard's pages hand on to each other (ImportState), and the small pieces they
share: a cell as text, a column's letter, a progress that a timer on the GUI thread polls (the
task runner reports progress only for writes; validating touches no database), and the
off-thread steps that read the file and propose its header row."""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from crmdesk.models.excel_types import (
    ImportOptions,
    ImportPlan,
    ImportResult,
    Mapping,
    SheetData,
    ValueOptions,
)

PREVIEW_ROWS = 200  # rows the preview shows (all of them, or those with problems)
RAW_ROWS = 20  # rows of the file shown to choose the header row


@dataclass
class ImportState:
    kind: str = "customers"
    path: str = ""
    sheet: SheetData | None = None
    header_row: int = 1
    headers: list[str] = field(default_factory=list)
    mapping: Mapping | None = None
    value_options: ValueOptions = field(default_factory=ValueOptions)
    options: ImportOptions = field(default_factory=ImportOptions)
    pool_name: str = ""  # the pool of options.pool_id, as the options page listed it
    plan: ImportPlan | None = None
    result: ImportResult | None = None
    error: BaseException | None = None  # the import stopped on this

    @property
    def file_name(self) -> str:
        return self.sheet.file_name if self.sheet is not None else ""

    @property
    def sheet_name(self) -> str:
        return self.sheet.sheet if self.sheet is not None else ""


class Polled:
    """A job's progress and cancellation, shared with the GUI thread, which reads it on a
    timer: progress(done, total) and cancelled() are what the models' long steps take."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


def cell_text(value: Any) -> str:
    """A cell as the user's spreadsheet shows it: 13812345678 not 13812345678.0, a date
    without a midnight time."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, tuple | list | set | frozenset):
        return ", ".join(str(v) for v in value)
    return str(value)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as Excel names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def guess_header(sheet: SheetData, kind: str) -> int:
    """The header row the models propose: the one most of whose cells name a field."""
    from crmdesk.models.excel_fields import known_header
    from crmdesk.models.excel_read import guess_header_row

    if not sheet.rows:
        return 1
    return max(1, guess_header_row(sheet.rows[:30], lambda text: known_header(kind, text)))


def read_file(path: str, sheet: str | None, kind: str) -> tuple[SheetData, int]:
    """The sheet (the first with data when None) and its proposed header row; off-thread."""
    from crmdesk.models.excel_read import read_sheet

    data = read_sheet(path, sheet)
    return data, guess_header(data, kind)


def header_is_empty(sheet: SheetData, header_row: int) -> bool:
    if header_row < 1 or header_row > len(sheet.rows):
        return True
    return not any(cell_text(c).strip() for c in sheet.rows[header_row - 1])


def keep_out_of_gc() -> None:
    """Leave what exists now (a read sheet's million cells, a plan's rows) out of the garbage
    collector's full passes: each pass over them held every thread ~170 ms, the window's too,
    every couple of seconds of a 100,000-row import. They hold no reference cycles, so they
    are still freed when the wizard lets them go; unfreeze_gc() when it closes."""
    gc.freeze()


def unfreeze_gc() -> None:
    gc.unfreeze()
