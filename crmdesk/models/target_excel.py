"""Targets to and from Excel: export_targets writes a grid (one metric and year) as a sheet
named by the metric's code, a row per tree row: scope (its code: company, team, rep), name,
login (a rep's) or team name (a team's), year, Q1-Q4, months 1-12; the values set, empty where
unset (a rolled-up value is not a target and is not written); money formatted; frozen header.

read_targets_sheet checks a file read back (excel_read.read_sheet, python-calamine; a file that
cannot be read at all raises BadFile): columns by their titles (ours, Chinese or English), rows
matched by scope and team name / user login, values through excel_values.money. Problems come
back as TargetFileError(row, column, code, value), codes: missing_column, unknown_scope,
unknown_name, not_allowed (the actor may not set that row), bad_year, duplicate, bad_number,
negative, too_large, not_whole. An empty cell leaves the stored value as it is (a value is
cleared in the grid, not by an import). import_targets writes nothing while errors exist unless
the caller keeps the good rows (keep_good).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.models import excel_values
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.excel_export import ExportColumn, write_table
from crmdesk.models.excel_types import SheetData
from crmdesk.models.periods import MAX_YEAR, MIN_YEAR, Period
from crmdesk.models.schema_targets import MONEY_METRICS, TARGET_METRICS, Target
from crmdesk.models.target_split import MAX_TOTAL, unit_of
from crmdesk.models.target_tree import access, load_people, year_periods
from crmdesk.models.targets import TargetGrid, TargetInput, save_targets
from crmdesk.models.users import UserRow

KEY_TITLES = ("范围/Scope", "名称/Name", "登录名或团队/Login or team", "年份/Year")
PERIOD_TITLES = ("全年/Total", "Q1", "Q2", "Q3", "Q4", *(str(m) for m in range(1, 13)))
_ALIASES = {
    "scope": ("范围/scope", "范围", "scope", "级别"),
    "name": ("名称/name", "名称", "name", "姓名"),
    "login": ("登录名或团队/login or team", "登录名或团队", "login or team", "login", "登录名",
              "team", "团队"),
    "year": ("年份/year", "年份", "year", "年", "年度"),
}  # fmt: skip
_SCOPES = {"company": "company", "公司": "company", "team": "team", "团队": "team",
           "rep": "rep", "销售": "rep", "个人": "rep"}  # fmt: skip
_QUARTER = re.compile(r"^(?:q|第)?([1-4])(?:季度|季)?$")
_MONTH = re.compile(r"^([1-9]|1[0-2])(?:月)?$")


@dataclass(frozen=True)
class TargetFileRow:
    row: int  # the sheet's row number
    scope: str
    scope_id: int
    year: int
    values: tuple[tuple[Period, Decimal], ...]  # the filled cells only


@dataclass(frozen=True)
class TargetFileError:
    row: int
    column: str  # "scope", "login", "year", "Q1".."Q4", "1".."12"
    code: str
    value: str


@dataclass(frozen=True)
class TargetImportPlan:
    file_name: str
    metric: str
    rows: tuple[TargetFileRow, ...]  # the rows understood (those with an error left out)
    errors: tuple[TargetFileError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def cells(self) -> int:
        return sum(len(r.values) for r in self.rows)


def export_targets(grid: TargetGrid, path: str | Path) -> int:
    """Write the grid's rows (as the actor sees them) to an .xlsx; returns the rows written."""
    kind = "money" if grid.metric in MONEY_METRICS else "int"
    columns = [
        ExportColumn(KEY_TITLES[0], width=10),
        ExportColumn(KEY_TITLES[1], width=16),
        ExportColumn(KEY_TITLES[2], width=18),
        ExportColumn(KEY_TITLES[3], "int", 8),
    ]
    columns += [ExportColumn(t, kind, 14) for t in PERIOD_TITLES]  # fmt: skip

    def number(v: Decimal | None) -> Any:
        if v is None:
            return None
        return v.quantize(Decimal("0.01")) if kind == "money" else int(v)

    rows = []
    for r in grid.rows:
        key = r.login if r.scope == "rep" else r.name
        rows.append([r.scope, r.name, key, grid.year, *(number(c.value) for c in r.cells)])
    return write_table(path, grid.metric, columns, rows, len(rows))


def _norm(title: Any) -> str:
    if isinstance(title, float) and title.is_integer():
        title = int(title)
    return re.sub(r"\s+", " ", str(title)).strip().lower()


def _columns(header: list[Any]) -> tuple[dict[str, int], dict[tuple[str, int], int]]:
    keys: dict[str, int] = {}
    periods: dict[tuple[str, int], int] = {}
    for i, title in enumerate(header):
        t = _norm(title)
        for key, aliases in _ALIASES.items():
            if t in aliases and key not in keys:
                keys[key] = i
                break
        else:
            if (q := _QUARTER.match(t)) and not t.isdigit():
                periods.setdefault(("q", int(q.group(1))), i)
            elif m := _MONTH.match(t):
                periods.setdefault(("m", int(m.group(1))), i)
            elif t in ("全年/total", "全年", "total", "年目标"):
                periods.setdefault(("y", 0), i)
    return keys, periods


def _period(year: int, key: tuple[str, int]) -> Period:
    kind, n = key
    return Period(year) if kind == "y" else Period(year, n) if kind == "q" else Period(year, 0, n)


def _column_name(key: tuple[str, int]) -> str:
    kind, n = key
    return "total" if kind == "y" else f"Q{n}" if kind == "q" else str(n)


def _value(metric: str, cell: Any) -> Decimal | str:
    """The cell's target, or an error code."""
    try:
        value = excel_values.money(cell)
    except ValueError:
        return "bad_number"
    if value < 0:
        return "negative"
    if value >= MAX_TOTAL:
        return "too_large"
    if value % unit_of(metric):
        return "not_whole"
    return value.quantize(unit_of(metric))


def _text(cell: Any) -> str:
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def read_targets_sheet(
    session: Session, actor: UserRow, sheet: SheetData, metric: str | None = None
) -> TargetImportPlan:
    """The plan of a sheet read back (header in row 1): the rows understood and the problems.
    metric None: the sheet's name (as export_targets names it)."""
    metric = metric if metric is not None else sheet.sheet
    if metric not in TARGET_METRICS:
        raise ValidationFailed(errors=[("metric", "unknown")], limits={})
    rows = sheet.rows
    header = rows[0] if rows else []
    keys, periods = _columns(header)
    errors: list[TargetFileError] = []
    missing = [k for k in ("scope", "login", "year") if k not in keys]
    if not periods:
        missing.append("values")
    if missing:
        errors += [TargetFileError(1, k, "missing_column", "") for k in missing]
        return TargetImportPlan(sheet.file_name, metric, (), tuple(errors))
    people = load_people(session)
    teams = {p.name: p for p in people if p.scope == "team"}
    reps = {p.login: p for p in people if p.scope == "rep"}
    company = people[0]
    good: list[TargetFileRow] = []
    seen: set[tuple[str, int, int]] = set()
    for number, row in enumerate(rows[1:], start=2):
        if all(_text(c) == "" for c in row):
            continue
        problems: list[TargetFileError] = []

        def fail(column: str, code: str, value: Any, n: int = number, out=problems) -> None:
            out.append(TargetFileError(n, column, code, _text(value)))

        scope_cell, key_cell, year_cell = (row[keys[k]] for k in ("scope", "login", "year"))
        scope = _SCOPES.get(_norm(scope_cell))
        person = None
        if scope is None:
            fail("scope", "unknown_scope", scope_cell)
        elif scope == "company":
            person = company
        else:
            person = (teams if scope == "team" else reps).get(_text(key_cell))
            if person is None:
                fail("login", "unknown_name", key_cell)
        if person is not None and access(actor, person) != "edit":
            fail("login", "not_allowed", key_cell)
        try:
            year = excel_values.integer(year_cell)
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise ValueError("bad_year")
        except ValueError:
            year = 0
            fail("year", "bad_year", year_cell)
        values = []
        for key, i in periods.items():
            cell = row[i] if i < len(row) else ""
            if _text(cell) == "":
                continue
            value = _value(metric, cell)
            if isinstance(value, str):
                fail(_column_name(key), value, cell)
            elif year:
                values.append((_period(year, key), value))
        if person is not None and year:
            mark = (person.scope, person.scope_id, year)
            if mark in seen:
                fail("login", "duplicate", key_cell)
            seen.add(mark)
        if problems:
            errors += problems
        elif person is not None:
            values.sort(key=lambda pv: pv[0])
            good.append(TargetFileRow(number, person.scope, person.scope_id, year, tuple(values)))
    return TargetImportPlan(sheet.file_name, metric, tuple(good), tuple(errors))


def import_targets(
    session: Session,
    actor: UserRow,
    now: datetime,
    plan: TargetImportPlan,
    *,
    keep_good: bool = False,
) -> int:
    """Save the plan's cells over what is stored (the file is the user's deliberate word: the
    versions are today's); returns the cells changed. Refused (ValidationFailed "plan":
    has_errors) while the plan has errors, unless keep_good."""
    if not isinstance(plan, TargetImportPlan) or plan.metric not in TARGET_METRICS:
        raise ValidationFailed(errors=[("plan", "invalid")], limits={})
    if plan.errors and not keep_good:
        raise ValidationFailed(errors=[("plan", "has_errors")], limits={})
    years = sorted({r.year for r in plan.rows})
    versions = {}
    if years:
        stmt = select(Target.scope, Target.scope_id, Target.year, Target.quarter, Target.month,
                      Target.version).where(Target.metric == plan.metric,
                                            Target.year.in_(years))  # fmt: skip
        versions = {tuple(r[:5]): r[5] for r in session.execute(stmt.with_for_update())}
    cells = [
        TargetInput(plan.metric, r.scope, r.scope_id, p, v,
                    versions.get((r.scope, r.scope_id, *p.astuple())))
        for r in plan.rows for p, v in r.values
    ]  # fmt: skip
    return save_targets(session, actor, now, cells)


__all__ = [
    "TargetFileError",
    "TargetFileRow",
    "TargetImportPlan",
    "export_targets",
    "import_targets",
    "read_targets_sheet",
    "year_periods",
]
