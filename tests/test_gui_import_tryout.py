"""What the first try-out of the import found, driven as a user would: a stray click in the
file's rows no longer moves the header row (a double-click does) and a title row chosen as
the header is warned about; the preview counts a totals row apart from the errors and says
nothing false about rows already in crmdesk; the summary says where rows went (a pool, the
user for want of an owner); every code and status the models produce has words; the command
line refuses a header row with fewer than 2 titles."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from test_cli import run_cli
from test_gui_import import choose_file, next_page, open_wizard, workbook

from crmdesk.models.excel_types import (
    BAD_FILE_CODES,
    HISTORY_STATUSES,
    LEFT_REASONS,
    PROBLEM_CODES,
    BadFile,
    CellProblem,
)
from crmdesk.models.schema_imports import IMPORT_STATUSES
from crmdesk.views.context import PageContext
from crmdesk.views.import_wizard import PREVIEW, SUMMARY
from crmdesk.views.import_words import ROW_CODES, describe, describer, import_words


def test_every_code_and_status_the_models_declare_has_words(qapp):
    words = import_words()
    row_default = describe(CellProblem(2, None, "", "no such code"))
    cell_default = describe(CellProblem(2, 0, "name", "no such code"))
    report = describer("customers")
    for code in PROBLEM_CODES:
        assert words.reason(code) != code, code
        field = "" if code in ROW_CODES else "name"
        problem = CellProblem(2, 0, field, code, "x", 10)
        assert describe(problem) not in (row_default, cell_default), code
        assert report(problem) == describe(problem), code
    assert set(IMPORT_STATUSES) <= set(HISTORY_STATUSES)
    for status in HISTORY_STATUSES:
        assert words.status(status) != status, status
    for reason in LEFT_REASONS:
        assert words.left_reason(reason) != reason, reason
    unknown = words.bad_file(BadFile("no such code"))
    for code in BAD_FILE_CODES:
        assert words.bad_file(BadFile(code, row=1, sheet="x")) != unknown, code


def test_one_click_keeps_the_header_row_a_double_click_moves_it(qtbot, ws, tmp_path, monkeypatch):
    wizard = open_wizard(qtbot, PageContext(ws))
    choose_file(qtbot, wizard, monkeypatch, workbook(tmp_path / "客户.xlsx"))
    source = wizard.source
    assert source.header.value() == 3
    assert source.raw.headerData(2, Qt.Orientation.Vertical).endswith("Titles")
    assert source.raw.headerData(0, Qt.Orientation.Vertical) == "1"
    grid = source.grid
    cell = grid.visualRect(source.raw.index(0, 0)).center()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert source.header.value() == 3  # a stray click on the title row: nothing moves
    assert not source.warning.isVisible()
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert source.header.value() == 1 and wizard.state.header_row == 1
    assert source.raw.headerData(0, Qt.Orientation.Vertical).endswith("Titles")
    assert source.warning.isVisible()  # said, not refused
    assert source.warning.text() == import_words().header_warning(1)
    assert wizard.next.isEnabled()
    source.header.setValue(3)
    assert not source.warning.isVisible()


def test_the_preview_counts_a_totals_row_apart_and_the_summary_names_the_pool(
    qtbot, ws, tmp_path, monkeypatch
):
    from crmdesk.models.pool import list_pools

    pool = ws.db.read(lambda s: list_pools(s))[0]
    rows = [["杭州新星科技有限公司", "", "", "", "", ""], ["", "", "", "", "", ""],
            ["南京紫金科技有限公司", "", "", "X级", "", ""],
            ["合计", "", 2, "", "", ""]]  # fmt: skip
    wizard = open_wizard(qtbot, PageContext(ws))
    choose_file(qtbot, wizard, monkeypatch, workbook(tmp_path / "p.xlsx", rows=rows))
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.mapping.is_ready())
    next_page(qtbot, wizard)
    options = wizard.options
    qtbot.waitUntil(lambda: options.pool.count() > 0)
    options.owner_pool.click()
    options.pool.setCurrentIndex(options.pool.findData(pool.id))
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.preview.checking)
    assert wizard.current == PREVIEW
    words = import_words()
    text = wizard.preview.totals.text()
    assert text.startswith(f"{words.rows(3)} · {words.with_errors(1)} · {words.totals_rows(1)}")
    assert "when the import runs" in text  # what the database holds is not counted here
    assert wizard.next.text() == words.import_rows(1)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.current == SUMMARY)
    summary = wizard.summary
    assert summary.counts["created"].text() == "1"
    assert summary.counts["skipped"].text() == "1"  # the totals row
    assert words.reason("totals_row") in summary.reasons.text()
    assert summary.owners.isVisible() and pool.name in summary.owners.text()


def test_the_summary_says_which_rows_were_given_to_me(qtbot, ws, tmp_path, monkeypatch):
    headers = ["客户名称", "负责人"]
    rows = [["甲公司", "John Smith"], ["乙公司", "Mary Jones"], ["丙公司", "John Smith"]]
    wizard = open_wizard(qtbot, PageContext(ws))
    choose_file(qtbot, wizard, monkeypatch, workbook(tmp_path / "o.xlsx", rows, headers))
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.mapping.is_ready())
    next_page(qtbot, wizard)
    options = wizard.options
    options.owner_column.click()
    options.unknown.setCurrentIndex(options.unknown.findData("me"))
    assert wizard.state.options.owner_mode == "column"
    assert wizard.state.options.unknown_owner == "me"
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.preview.checking)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.current == SUMMARY)
    told = wizard.summary.owners
    assert told.isVisible()
    assert told.text() == import_words().assigned_to_you(3, "John Smith, Mary Jones")


def test_the_command_line_refuses_a_title_row_as_the_header(tmp_path):
    from crmdesk.models.database import open_database
    from crmdesk.models.demo import generate_demo

    url = f"sqlite:///{tmp_path / 'own.sqlite'}"
    db = open_database(url)
    generate_demo(db, customers=3, seed=5, pooled=0)
    db.close()
    path = workbook(tmp_path / "客户名单.xlsx")
    result = run_cli("import", "customers", str(path), "--db", url, "--header-row", "1",
                     "--lang", "en")  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Row 1 has fewer than 2 column titles" in result.stderr
    book = openpyxl.load_workbook(path)
    assert book.active.max_row == 6  # the file is as it was
    ok = run_cli("import", "customers", str(path), "--db", url, "--header-row", "3")
    assert ok.returncode == 0, ok.stderr
