"""The options page's "Import rows with a bad optional cell, leaving that cell empty", driven as
a user would: off, a level "重要客户" fails its row; on, the preview tints that cell amber (the
tooltip says it will be left empty), counts it, offers to import the row, and the summary says
which cells were left empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_gui_import import HEADERS, choose_file, next_page, open_wizard, workbook

from crmdesk.views.context import PageContext
from crmdesk.views.import_preview import LEFT_EMPTY_TINT, PROBLEM_TINT
from crmdesk.views.import_wizard import PREVIEW, SUMMARY
from crmdesk.views.import_words import import_words

ROWS = [
    ["苏州明远机械有限公司", "周明", 13812340001.0, "重要客户", "江苏", ""],
    ["成都天府软件有限公司", "刘洋", "139-1234-0002", "B", "四川", ""],
]


def to_options(qtbot, wizard, monkeypatch, path) -> None:
    choose_file(qtbot, wizard, monkeypatch, path)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.mapping.is_ready())
    next_page(qtbot, wizard)


def to_preview(qtbot, wizard) -> None:
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.preview.checking)
    assert wizard.current == PREVIEW


def test_off_by_default_the_row_with_a_bad_level_is_not_imported(qtbot, ws, tmp_path, monkeypatch):
    wizard = open_wizard(qtbot, PageContext(ws))
    to_options(qtbot, wizard, monkeypatch, workbook(tmp_path / "a.xlsx", ROWS, HEADERS))
    assert not wizard.options.keep_rows.isChecked()
    to_preview(qtbot, wizard)
    model, level = wizard.preview.model, HEADERS.index("客户级别") + 1
    assert model.data(model.index(0, level), Qt.ItemDataRole.BackgroundRole) is PROBLEM_TINT
    assert wizard.next.text() == import_words().import_rows(1)


def test_keep_rows_imports_the_row_and_says_the_cell_was_left_empty(
    qtbot, ws, tmp_path, monkeypatch
):
    words = import_words()
    wizard = open_wizard(qtbot, PageContext(ws))
    to_options(qtbot, wizard, monkeypatch, workbook(tmp_path / "b.xlsx", ROWS, HEADERS))
    wizard.options.keep_rows.click()
    assert wizard.state.value_options.keep_rows
    to_preview(qtbot, wizard)
    preview = wizard.preview
    model, level = preview.model, HEADERS.index("客户级别") + 1
    cell = model.index(0, level)
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is LEFT_EMPTY_TINT
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is LEFT_EMPTY_TINT
    assert model.data(model.index(1, level), Qt.ItemDataRole.BackgroundRole) is None
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert "重要客户" not in model.data(cell, Qt.ItemDataRole.DisplayRole)
    assert words.field("customers", "level") in tip
    assert tip.endswith(words.left_empty_note(True).replace("{problem}", "")[2:])
    assert words.to_leave_empty(1) in preview.totals.text()
    assert words.with_errors(0) in preview.totals.text()
    assert wizard.next.text() == words.import_rows(2)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.current == SUMMARY)
    summary = wizard.summary
    assert summary.counts["created"].text() == "2"
    assert summary.counts["failed"].text() == "0"
    assert summary.left_empty.isVisible()
    assert summary.left_empty.text().startswith(words.left_empty(1))
    assert words.reason("bad_level") in summary.left_empty.text()
    assert summary.report.isVisible()  # the report lists the cell left empty
