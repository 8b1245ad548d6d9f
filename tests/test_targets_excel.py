"""Targets to Excel and back (target_excel) on SQLite, PostgreSQL and MariaDB: the round trip
gives the same grid; a file's problems come back as row/column/codes and nothing is written
unless the good rows are kept; files that are not workbooks are refused with BadFile codes."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from helpers import NOW
from openpyxl import Workbook, load_workbook
from sqlalchemy import delete

from crmdesk.models.errors import PermissionDenied, ValidationFailed
from crmdesk.models.excel_types import BadFile
from crmdesk.models.periods import Period
from crmdesk.models.schema_targets import Target
from crmdesk.models.target_excel import KEY_TITLES, PERIOD_TITLES
from crmdesk.models.targets import TargetInput
from crmdesk.models.workspace import Workspace

Y = 2026
HEADER = [*KEY_TITLES, *PERIOD_TITLES]


def values(grid):
    return {(r.scope, r.scope_id): tuple(c.value for c in r.cells) for r in grid.rows}


@pytest.fixture
def ws(db, people):
    return Workspace(db, people.admin, clock=lambda: NOW)


def fill(ws, people, metric, amounts):
    north = people.rep_n1.team_id
    cells = [
        TargetInput(metric, "company", 0, Period(Y), amounts[0]),
        TargetInput(metric, "team", north, Period(Y, 2), amounts[1]),
        TargetInput(metric, "rep", people.rep_n1.id, Period(Y, 0, 1), amounts[2]),
        TargetInput(metric, "rep", people.rep_s1.id, Period(Y, 0, 12), amounts[3]),
        TargetInput(metric, "rep", people.rep_s1.id, Period(Y, 4), amounts[4]),
    ]
    ws.save_targets(cells)


@pytest.mark.parametrize(
    ("metric", "amounts"),
    [
        ("won_amount", [D("1234567.89"), D("0.01"), D("100.50"), D("0.00"), D("999999999.99")]),
        ("won_count", [D(120), D(7), D(1), D(0), D(33)]),
    ],
)
def test_round_trip(db, people, ws, tmp_path, metric, amounts):
    fill(ws, people, metric, amounts)
    before = ws.target_grid(metric, Y)
    path = tmp_path / "targets.xlsx"
    assert ws.export_targets(metric, Y, path) == len(before.rows)
    sheet = load_workbook(path).active
    assert sheet.title == metric and sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == HEADER
    assert [c.value for c in sheet[2]][:4] == ["company", None, None, Y]
    with db.writing() as s:
        s.execute(delete(Target))
    plan = ws.read_targets_file(path)
    assert plan.ok and plan.metric == metric and plan.cells == 5
    assert len(plan.rows) == len(before.rows)
    result = ws.import_targets(plan)
    assert result.value == 5 and "targets" in result.change.kinds
    assert values(ws.target_grid(metric, Y)) == values(before)
    # Importing again changes nothing (the same values, the versions of today).
    assert ws.import_targets(ws.read_targets_file(path)).value == 0


def write_sheet(path, rows, title="won_count", header=HEADER):
    wb = Workbook()
    sheet = wb.active
    sheet.title = title
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    wb.save(path)


def blank(n=17):
    return [None] * n


def test_problems_are_reported_and_nothing_written(db, people, ws, tmp_path):
    path = tmp_path / "bad.xlsx"
    months = blank()
    write_sheet(path, [
        ["company", "", "", Y, 100, *blank(15)],  # 2: good
        ["team", "North", "North", Y, *blank(1), 10, *blank(14)],  # 3: good (Q1)
        ["rep", "张伟", "rep_n1", Y, *blank(5), 1.5, *blank(10)],  # 4: January not whole
        ["rep", "?", "nobody", Y, 5, *blank(15)],  # 5: unknown login
        ["region", "", "", Y, 5, *blank(15)],  # 6: unknown scope
        ["rep", "", "rep_n2", "next", 5, *blank(15)],  # 7: bad year
        ["rep", "", "rep_n2", Y, -3, "many", *blank(14)],  # 8: negative, bad number
        ["company", "", "", Y, 1, *blank(15)],  # 9: the company twice
        [None] * 20,  # an empty row: skipped
        ["团队", "", "South", Y, "1,200", *months[1:]],  # 11: good, Chinese scope name
    ])  # fmt: skip
    plan = ws.read_targets_file(path)
    got = {(e.row, e.column, e.code) for e in plan.errors}
    assert got == {(4, "1", "not_whole"), (5, "login", "unknown_name"),
                   (6, "scope", "unknown_scope"), (7, "year", "bad_year"),
                   (8, "total", "negative"), (8, "Q1", "bad_number"),
                   (9, "login", "duplicate")}  # fmt: skip
    assert [r.row for r in plan.rows] == [2, 3, 11]
    south = people.rep_s1.team_id
    assert plan.rows[2].scope_id == south and plan.rows[2].values == ((Period(Y), D(1200)),)
    with pytest.raises(ValidationFailed):
        ws.import_targets(plan)
    assert ws.target_grid("won_count", Y).rows[0].cell(Period(Y)).value is None
    assert ws.import_targets(plan, keep_good=True).value == 3
    grid = ws.target_grid("won_count", Y)
    assert grid.row("team", people.rep_n1.team_id).cell(Period(Y, 1)).value == D(10)
    assert grid.row("team", south).cell(Period(Y)).value == D(1200)


def test_rows_the_actor_may_not_set(db, people, tmp_path):
    manager = Workspace(db, people.manager_n, clock=lambda: NOW)
    path = tmp_path / "m.xlsx"
    write_sheet(path, [["rep", "", "rep_n2", Y, 4, *blank(15)],
                       ["rep", "", "rep_s1", Y, 4, *blank(15)],
                       ["company", "", "", Y, 4, *blank(15)]])  # fmt: skip
    plan = manager.read_targets_file(path)
    assert [(e.row, e.code) for e in plan.errors] == [(3, "not_allowed"), (4, "not_allowed")]
    assert manager.import_targets(plan, keep_good=True).value == 1
    with pytest.raises(PermissionDenied):  # a plan made by someone else is still checked
        rep = Workspace(db, people.rep_n2, clock=lambda: NOW)
        rep.import_targets(plan, keep_good=True)


def test_missing_columns_and_metric(db, people, ws, tmp_path):
    path = tmp_path / "cols.xlsx"
    write_sheet(path, [["x", "y"]], header=["名称/Name", "whatever"])
    plan = ws.read_targets_file(path)
    assert {e.column for e in plan.errors} == {"scope", "login", "year", "values"}
    assert {e.code for e in plan.errors} == {"missing_column"}
    other = tmp_path / "sheet.xlsx"
    write_sheet(other, [["company", "", "", Y, 4, *blank(15)]], title="Sheet1")
    with pytest.raises(ValidationFailed):  # the sheet does not say which metric
        ws.read_targets_file(other)
    plan = ws.read_targets_file(other, "new_customers")
    assert plan.ok and plan.metric == "new_customers"


def test_files_that_are_not_workbooks(db, people, ws, tmp_path):
    with pytest.raises(BadFile) as e:
        ws.read_targets_file(tmp_path / "missing.xlsx")
    assert e.value.code == "not_found"
    picture = tmp_path / "picture.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with pytest.raises(BadFile) as e:
        ws.read_targets_file(picture)
    assert e.value.code == "not_spreadsheet"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"garbage" * 20)
    with pytest.raises(BadFile) as e:
        ws.read_targets_file(broken)
    assert e.value.code == "corrupt"
