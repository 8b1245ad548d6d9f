"""The import wizard driven as a user would, on a real SQLite database and workbooks the tests
make with openpyxl: a sheet with a title row and Chinese headers imported through every step
(the customers arrive, the change bus fires, the mapping is remembered), a file that is no
spreadsheet, a required field left unmapped, problem cells in the preview and the error report,
a cancelled import, closing while it runs, the import history's undo, and the real task
runner."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from gui_helpers import QueueRunner
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.excel_types import BadFile
from crmdesk.tasks import TaskRunner
from crmdesk.views import file_dialogs, import_history, import_wizard
from crmdesk.views.context import PageContext
from crmdesk.views.import_history import ImportHistoryDialog
from crmdesk.views.import_preview import PROBLEM_TINT
from crmdesk.views.import_wizard import (
    MAPPING,
    OPTIONS,
    PREVIEW,
    SOURCE,
    SUMMARY,
    ImportWizard,
)
from crmdesk.views.import_words import import_words

HEADERS = ["客户名称", "联系人", "手机", "客户级别", "省份", "备注"]
ROWS = [
    ["苏州明远机械有限公司", "周明", 13812340001.0, "A级", "江苏", "展会"],
    ["成都天府软件有限公司", "刘洋", "139-1234-0002", "B", "四川", ""],
    ["武汉长江物流有限公司", "陈静", 13712340003, "c", "湖北", "老客户介绍"],
]


def workbook(path: Path, rows=ROWS, headers=HEADERS, title="客户名单（2026年11月）") -> Path:
    """A sheet as people keep one: a merged title row, a blank row, then the header."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append([])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture(autouse=True)
def unasked(monkeypatch):
    """The wizard's and the history's questions fail a test that did not expect them (instead
    of waiting for a click)."""

    def unexpected(*args):
        raise AssertionError(f"unexpected question {args!r}")

    monkeypatch.setattr(import_wizard, "ask_stop_import", unexpected)
    monkeypatch.setattr(import_history, "confirm_undo", unexpected)


def names(ws) -> set[str]:
    return {c.name for c in ws.list_customers(CustomerQuery(scope="all"), 0, 1000)}


def open_wizard(qtbot, ctx) -> ImportWizard:
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def choose_file(qtbot, wizard, monkeypatch, path: Path, runner=None) -> None:
    """Browse… and pick the file (the file dialog answered by the test)."""
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(wizard.source.browse, Qt.MouseButton.LeftButton)
    if runner is not None:
        runner.run_all()
    qtbot.waitUntil(lambda: not wizard.source._reading)


def next_page(qtbot, wizard, runner=None) -> None:
    assert wizard.next.isEnabled(), wizard.step.text()
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    if runner is not None:
        runner.run_all()


def through_to_preview(qtbot, wizard, monkeypatch, path, runner=None) -> None:
    choose_file(qtbot, wizard, monkeypatch, path, runner)
    next_page(qtbot, wizard, runner)
    qtbot.waitUntil(lambda: wizard.mapping.is_ready())
    next_page(qtbot, wizard, runner)
    next_page(qtbot, wizard, runner)
    qtbot.waitUntil(lambda: not wizard.preview.checking)
    assert wizard.current == PREVIEW


def test_a_sheet_with_a_title_row_and_chinese_headers_is_imported(qtbot, ws, tmp_path,
                                                                    monkeypatch):  # fmt: skip
    ctx = PageContext(ws)
    changes = []
    ctx.bus.changed.connect(changes.append)
    wizard = open_wizard(qtbot, ctx)
    assert not wizard.next.isEnabled()  # no file yet
    choose_file(qtbot, wizard, monkeypatch, workbook(tmp_path / "客户.xlsx"))
    assert wizard.source.header.value() == 3  # the title row and the blank row passed over
    assert wizard.source.raw.header_row == 3
    assert wizard.source.sheets.currentText() == "客户"
    next_page(qtbot, wizard)
    assert wizard.current == MAPPING
    qtbot.waitUntil(lambda: wizard.mapping.is_ready())
    assert wizard.mapping.columns() == {
        0: "name", 1: "contact_name", 2: "mobile", 3: "level", 4: "province", 5: "notes",
    }  # fmt: skip
    assert "13812340001" in wizard.mapping.table.item(2, 1).text()  # a phone, not 1.38e10
    assert not wizard.mapping.problems.isVisible()
    next_page(qtbot, wizard)
    assert wizard.current == OPTIONS
    assert wizard.state.options.dedupe_key == "name"
    assert wizard.state.options.owner_mode == "me"
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.preview.checking)
    words = import_words()
    assert wizard.preview.totals.text().startswith(f"{words.rows(3)} · {words.with_errors(0)}")
    assert wizard.preview.model.rowCount() == 3
    assert wizard.next.text() == words.import_rows(3)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.current == SUMMARY)
    assert wizard.summary.counts["created"].text() == "3"
    assert wizard.summary.counts["failed"].text() == "0"
    assert not wizard.summary.report.isVisible()
    assert {r[0] for r in ROWS} <= names(ws)
    assert any(c.touches_customers() for c in changes)
    assert wizard.next.text() == "Done"
    next_page(qtbot, wizard)
    assert not wizard.isVisible()

    # The same layout again: the mapping saved when the import started is offered.
    again = open_wizard(qtbot, ctx)
    choose_file(qtbot, again, monkeypatch, workbook(tmp_path / "more.xlsx", rows=ROWS[:1]))
    next_page(qtbot, again)
    qtbot.waitUntil(lambda: again.mapping.is_ready())
    assert "saved" in again.mapping.note.text()


def test_a_file_that_is_no_spreadsheet_says_so_and_next_stays_off(qtbot, ws, tmp_path,
                                                                    monkeypatch):  # fmt: skip
    wizard = open_wizard(qtbot, PageContext(ws))
    fake = tmp_path / "客户.xlsx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    choose_file(qtbot, wizard, monkeypatch, fake)
    assert wizard.source.problem.isVisible()
    assert wizard.source.problem.text() == import_words().bad_file(BadFile("not_spreadsheet"))
    assert not wizard.next.isEnabled()
    # A good file afterwards clears it.
    choose_file(qtbot, wizard, monkeypatch, workbook(tmp_path / "good.xlsx"))
    assert not wizard.source.problem.isVisible() and wizard.next.isEnabled()


def test_a_required_field_unmapped_or_a_field_chosen_twice_blocks_next(qtbot, ws, tmp_path,
                                                                         monkeypatch):  # fmt: skip
    wizard = open_wizard(qtbot, PageContext(ws))
    choose_file(qtbot, wizard, monkeypatch, workbook(tmp_path / "a.xlsx"))
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.mapping.is_ready())
    wizard.mapping.choose(0, "")  # the customer's name: not imported
    assert wizard.mapping.problems.isVisible()
    assert "Customer name" in wizard.mapping.problems.text()
    assert not wizard.next.isEnabled()
    wizard.mapping.choose(0, "name")
    assert wizard.next.isEnabled()
    wizard.mapping.choose(4, "mobile")  # the province as a second mobile column
    assert "Mobile" in wizard.mapping.problems.text() and "C" in wizard.mapping.problems.text()
    assert not wizard.next.isEnabled()
    wizard.mapping.choose(4, "")
    assert wizard.next.isEnabled()


def test_problem_cells_are_marked_and_the_error_report_is_saved(
    qtbot, ws, tmp_path, monkeypatch, qtmodeltester
):
    rows = [
        *ROWS,
        ["", "无名", "12", "Z", "", ""],
        ["广州珠江贸易有限公司", "黄磊", "abc", "A", "", ""],
    ]
    path = workbook(tmp_path / "bad.xlsx", rows=rows)
    wizard = open_wizard(qtbot, PageContext(ws))
    through_to_preview(qtbot, wizard, monkeypatch, path)
    model = wizard.preview.model
    qtmodeltester.check(model)
    assert import_words().with_errors(2) in wizard.preview.totals.text()
    assert wizard.next.text() == import_words().import_rows(3)
    wizard.preview.only_problems.click()
    assert model.rowCount() == 2
    phone = model.titles.index("Mobile") + 1
    bad = model.index(1, phone)  # 广州珠江's "abc"
    assert model.data(bad) == "abc"
    assert model.data(bad, Qt.ItemDataRole.BackgroundRole) == PROBLEM_TINT
    assert "phone" in model.data(bad, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, 1), Qt.ItemDataRole.BackgroundRole) is None  # its name
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.current == SUMMARY)
    summary = wizard.summary
    assert summary.counts["created"].text() == "3"
    assert summary.counts["failed"].text() == "2"
    assert summary.reasons.isVisible() and summary.reasons.text()
    assert summary.report.isVisible()
    out = tmp_path / "errors.xlsx"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(summary.report, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in summary.told.text())
    book = openpyxl.load_workbook(out)
    values = [[c for c in row if c is not None] for row in book.active.iter_rows(values_only=True)]
    flat = [str(v) for row in values for v in row]
    assert "客户名称" in flat and "无名" in flat and "abc" in flat
    assert "苏州明远机械有限公司" not in flat  # only the rows with problems


def test_cancel_stops_after_the_chunk_and_says_how_far(qtbot, ws, tmp_path, monkeypatch):
    runner = QueueRunner()
    rows = [[f"测试公司{i:03d}", "", "", "", "", ""] for i in range(30)]
    wizard = open_wizard(qtbot, PageContext(ws, runner))
    through_to_preview(qtbot, wizard, monkeypatch, workbook(tmp_path / "c.xlsx", rows=rows),
                       runner)  # fmt: skip
    wizard.state.options = replace(wizard.state.options, chunk=10)
    next_page(qtbot, wizard)  # the import is queued: it runs when the test says
    assert wizard.run.running and wizard.cancel.text() == "Cancel import"
    qtbot.mouseClick(wizard.cancel, Qt.MouseButton.LeftButton)
    assert not wizard.cancel.isEnabled()
    runner.run_all()
    assert wizard.current == SUMMARY
    heading = wizard.summary.heading.text()
    assert "Cancelled" in heading and "10 of 30" in heading
    assert wizard.summary.counts["created"].text() == "10"
    assert len([n for n in names(ws) if n.startswith("测试公司")]) == 10


def test_closing_while_it_runs_asks_first(qtbot, ws, tmp_path, monkeypatch):
    runner = QueueRunner()
    wizard = open_wizard(qtbot, PageContext(ws, runner))
    through_to_preview(qtbot, wizard, monkeypatch, workbook(tmp_path / "r.xlsx"), runner)
    next_page(qtbot, wizard)
    asked = []
    monkeypatch.setattr(import_wizard, "ask_stop_import", lambda parent: asked.append(1) or False)
    wizard.close()
    assert asked and wizard.isVisible() and wizard.cancel.isEnabled()
    monkeypatch.setattr(import_wizard, "ask_stop_import", lambda parent: True)
    wizard.close()
    assert wizard.isVisible() and wizard.run.task.cancelled  # until the chunk is written
    runner.run_all()
    assert not wizard.isVisible()


def test_a_dropped_file_is_read(qtbot, ws, tmp_path):
    wizard = open_wizard(qtbot, PageContext(ws))
    path = workbook(tmp_path / "dropped.xlsx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(QPoint(20, 20)), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    wizard.dropEvent(event)
    qtbot.waitUntil(lambda: wizard.state.sheet is not None)
    assert wizard.source.path.text().endswith("dropped.xlsx")
    assert wizard.next.isEnabled() and wizard.current == SOURCE


def test_the_history_undoes_an_import(qtbot, ws, tmp_path, monkeypatch):
    ctx = PageContext(ws)
    wizard = open_wizard(qtbot, ctx)
    through_to_preview(qtbot, wizard, monkeypatch, workbook(tmp_path / "u.xlsx"))
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.current == SUMMARY)
    assert ROWS[0][0] in names(ws)
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.text(dialog.model.rows[0], "file") == "u.xlsx · 客户"
    assert dialog.model.text(dialog.model.rows[0], "created") == "3"
    dialog.table.selectRow(0)
    assert dialog.undo.isEnabled()
    monkeypatch.setattr(import_history, "confirm_undo", lambda parent, row: False)
    dialog.undo.click()
    assert ROWS[0][0] in names(ws)  # asked, and kept
    monkeypatch.setattr(import_history, "confirm_undo", lambda parent, row: True)
    changes = []
    ctx.bus.changed.connect(changes.append)
    dialog.undo.click()
    qtbot.waitUntil(lambda: "Removed" in dialog.result.text())
    assert import_words().removed(3) in dialog.result.text()
    assert not {r[0] for r in ROWS} & names(ws)
    assert changes
    qtbot.waitUntil(lambda: dialog.model.text(dialog.model.rows[0], "status") == "Undone")
    dialog.table.selectRow(0)
    assert not dialog.undo.isEnabled()


@pytest.mark.parametrize("kind", ["contacts"])
def test_other_kinds_map_their_own_fields(qtbot, ws, tmp_path, monkeypatch, kind):
    path = workbook(tmp_path / "k.xlsx", headers=["客户名称", "姓名", "手机"],
                    rows=[["北京星辰科技有限公司", "孙丽", "13800009999"]])  # fmt: skip
    wizard = open_wizard(qtbot, PageContext(ws))
    wizard.source.set_kind(kind)
    choose_file(qtbot, wizard, monkeypatch, path)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.mapping.is_ready())
    assert wizard.mapping.columns() == {0: "customer", 1: "name", 2: "mobile"}


def test_the_real_runner_keeps_the_window_free(qtbot, ws, tmp_path, monkeypatch):
    runner = TaskRunner()
    try:
        wizard = open_wizard(qtbot, PageContext(ws, runner))
        choose_file(qtbot, wizard, monkeypatch, workbook(tmp_path / "t.xlsx"))
        next_page(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.mapping.is_ready())
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.next.isEnabled() and wizard.state.plan is not None)
        next_page(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.current == SUMMARY, timeout=10000)
        assert wizard.summary.counts["created"].text() == "3"
    finally:
        runner.wait()
