"""The plain values the import steps pass along (ARCHITECTURE §4): read → map → validate (a
plan) → apply → report. No step holds another's objects; the wizard and the command line hold
these and call the steps.

Row numbers are the sheet's own (1-based, as Excel shows them); column indexes are 0-based
positions in the source sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from typing import Any

from crmdesk.models.errors import CrmError

# What a cell of a read sheet may hold: calamine's own types (str, int, float, bool,
# datetime.date, datetime.datetime, datetime.time, datetime.timedelta) or "" when empty.
Cell = Any

BAD_FILE_CODES = (
    "not_found",  # the path does not exist or is not a file
    "unreadable",  # no permission, locked by another program
    "not_spreadsheet",  # an extension or content we do not read
    "corrupt",  # a spreadsheet we could not parse
    "encrypted",  # password-protected
    "empty",  # no sheet has any data
    "no_sheet",  # the asked sheet does not exist (params: sheet, sheets)
    "no_header",  # the asked header row is empty or past the end (params: row)
    "few_titles",  # the asked header row has fewer than 2 titles (params: row)
)


class BadFile(CrmError):
    """A file that cannot be imported at all; code one of BAD_FILE_CODES, params name what."""


@dataclass(frozen=True)
class SheetData:
    """One sheet as read: every row (ragged rows padded to `width` with ""), the file's name."""

    file_name: str
    sheet: str
    sheets: tuple[str, ...]  # every sheet of the file, in order (one for .csv)
    rows: list[list[Cell]]
    width: int


@dataclass(frozen=True)
class FieldSpec:
    """A field an importer fills: key (the model's name), kind of value, whether a row needs it,
    and the header texts that suggest it (lower-cased, compared after trimming)."""

    key: str
    kind: str  # "text", "phone", "email", "date", "datetime", "money", "int", "level",
    # "status", "stage", "user", "kind" (follow-up kind), "bool", "tags"
    required: bool = False
    limit: int | None = None  # characters, from the column's definition
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mapping:
    """Source column index → field key (a column mapped to nothing is left out), plus what the
    importer needs besides: for deals the source's stage names → our stage ids."""

    columns: dict[int, str]
    stages: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ValueOptions:
    day_first: bool = False  # 05/03/2024 is 5 March (else 3 May)
    # The zone of the sheet's times (wall-clock times of its author): validate stores them in
    # UTC (ARCHITECTURE §2). The wizard and the command line pass the computer's own zone
    # (excel_dates.SystemZone); rules never read it themselves.
    zone: tzinfo = UTC
    # Import rows with a bad optional cell, leaving that cell empty (the problem goes to
    # ImportPlan.notes, left_empty); excel_plan.LEFT_EMPTY_CODES says which problems.
    keep_rows: bool = False


@dataclass(frozen=True)
class CellProblem:
    row: int  # the sheet's row number (1-based)
    column: int | None  # source column index; None for a problem of the whole row
    field: str  # field key ("" for a whole row)
    code: str  # e.g. required, too_long, bad_date, bad_phone, bad_amount, bad_level,
    # bad_status, bad_email, nul, duplicate_in_file, unknown_owner, unknown_stage,
    # unknown_customer, ambiguous_customer, owner_not_allowed, exists (duplicate, mode skip),
    # exists_in_file (a repeat of an earlier row, mode skip), ambiguous_owner,
    # too_many_new_users, too_many_contacts, totals_row, negative_amount … (PROBLEM_CODES)
    value: str = ""  # the cell as the user typed it (shortened to 100 characters)
    limit: int | None = None
    # The row is imported without this cell's value (ValueOptions.keep_rows): a note, not an
    # error of the row.
    left_empty: bool = False


@dataclass(frozen=True)
class PlannedRow:
    row: int  # the sheet's row number
    values: dict[str, Any]  # typed values by field key (only mapped fields, empty left out)


@dataclass
class ImportPlan:
    """validate()'s answer, before the database is touched: the rows to write, the problems
    found, and the duplicates within the file (the database's come at apply time)."""

    kind: str  # IMPORT_KINDS
    header_row: int
    headers: list[str]
    mapping: Mapping
    rows: list[PlannedRow]  # valid rows, in file order
    problems: list[CellProblem]  # every problem, in file order
    bad_rows: set[int]  # row numbers with at least one problem (not in rows)
    total: int  # data rows in the file, empty rows not counted
    empty_rows: int = 0
    duplicates_in_file: int = 0  # rows whose key repeats an earlier valid row's
    # Repeats by the duplicate mode validate was given: "skip": the rows, not in rows, each
    # skipped "exists_in_file" (value: the earlier row's number); "fill"/"overwrite": in rows,
    # row → the earlier row's number (apply writes a repeat in a later chunk than its first
    # row, so it updates what that row made or found); "create": none.
    skipped: list[CellProblem] = field(default_factory=list)
    repeats: dict[int, int] = field(default_factory=dict)
    # ValueOptions.keep_rows: the bad optional cells of rows in `rows`, each left_empty (the
    # row is written without the cell's value), in file order.
    notes: list[CellProblem] = field(default_factory=list)


@dataclass(frozen=True)
class ImportOptions:
    """The user's choices for apply()."""

    dedupe_key: str = "name"  # "name", "phone", "email", "external_id", or "" for none
    on_duplicate: str = "skip"  # "skip", "fill", "overwrite", "create"
    owner_mode: str = "me"  # "column" (the owner field), "me", "pool"
    pool_id: int | None = None  # owner_mode "pool"
    unknown_owner: str = "me"  # owner_mode "column", a name no user has: "create", "me", "reject"
    create_customers: bool = True  # contacts / follow-ups / deals: a missing customer is made
    chunk: int = 2000  # rows per committed unit of work


# Every code a CellProblem of the models may carry (validate's, the value rules', the writers'):
# the views give each its words, and a test holds the two lists together.
PROBLEM_CODES = (
    # the value rules and validate
    "required", "too_long", "nul", "invalid", "bad_phone", "bad_email", "bad_date",
    "bad_amount", "negative_amount", "zero_amount", "bad_number", "bad_percent", "bad_level",
    "bad_status", "bad_kind", "bad_bool", "bad_contract_status", "bad_method", "unknown_stage",
    "duplicate_in_file", "exists_in_file", "totals_row", "before_start", "not_after_happened",
    # the writers
    "exists", "unchanged", "not_yours", "unknown_owner", "owner_not_allowed", "ambiguous_owner",
    "too_many_new_users", "too_many_contacts", "unknown_customer", "ambiguous_customer",
    "unknown_contract", "draft_contract", "future", "out_of_range", "needs_approval",
    "awaiting_approval", "number_taken", "unknown_deal", "ambiguous_deal",
)  # fmt: skip
# The statuses the history shows: the stored ones (schema_imports.IMPORT_STATUSES) and
# "interrupted" (a running import its program left, excel_undo.shown_status).
HISTORY_STATUSES = ("running", "done", "cancelled", "failed", "undoing", "undone", "interrupted")
# Why an undo left a row alone (UndoResult.left's reason codes).
LEFT_REASONS = ("changed_since", "has_records", "owns_records", "not_yours")

DUPLICATE_MODES = ("skip", "fill", "overwrite", "create")
OWNER_MODES = ("column", "me", "pool")
UNKNOWN_OWNER = ("create", "me", "reject")


@dataclass(frozen=True)
class ImportResult:
    import_id: int
    status: str  # done / cancelled / failed
    rows_total: int
    rows_done: int  # rows of committed chunks (a cancelled import says how far it got)
    created: int
    updated: int
    skipped: int
    failed: int
    reasons: dict[str, int]  # skipped and failed rows by code
    problems: list[CellProblem]  # every failed or skipped row's problems (for the report)
    seconds: float = 0.0
    # unknown_owner "me": rows written with the actor as owner because their owner cell names
    # no user, and those names as written; unknown_owner "create": the users made.
    assigned_to_you: int = 0
    unknown_owners: tuple[str, ...] = ()
    users_created: tuple[str, ...] = ()
    # ValueOptions.keep_rows: cells of the rows written that were left empty, by problem code
    # (their problems are in `problems`, left_empty).
    left_empty: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportRow:
    """One import in the history list."""

    id: int
    kind: str
    file_name: str
    sheet: str
    actor_name: str
    started_at: Any  # datetime
    finished_at: Any
    status: str
    rows_total: int
    created: int
    updated: int
    skipped: int
    failed: int
    undone_at: Any
    may_undo: bool


@dataclass(frozen=True)
class UndoResult:
    removed: int  # rows the import created, now deleted
    restored: int  # rows it changed, now as they were
    left: list[tuple[str, int, str, str]]  # (entity, id, name, reason code) left alone
    # False: cancelled between units of work; the import stays "undoing" (undo it again)
    complete: bool = True
