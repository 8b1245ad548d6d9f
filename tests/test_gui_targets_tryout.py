"""What a new user's try-out of the Targets page found, as they would see it on a real SQLite
database: the suggested split's base and increment shown (and a year's base worth 12 months),
parts that get nothing named, money split in whole yuan, columns wide enough for their figures,
a rep offered nothing they cannot do (and warned about nothing they cannot change), old
messages gone once put right, Revert asking first, the empty states, one month name
everywhere, and the Target card saying what is not allocated."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal as D

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from test_gui_targets_helpers import YEAR, Y, as_user, make_page, sales, type_cell, won

from crmdesk.models.periods import Period
from crmdesk.views import file_dialogs
from crmdesk.views import target_words as words
from crmdesk.views.context import ChangeBus

LEFT = Qt.MouseButton.LeftButton


def table_texts(dialog) -> dict[str, list[str]]:
    """The split preview by its rows' names: base, increment, target."""
    t = dialog.table
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in (1, 2, 3)]
            for r in range(t.rowCount())}  # fmt: skip


def test_suggested_split_shows_a_years_base_and_the_increment(qtbot, ws):
    p = sales(ws)  # 李娜 won ¥45,000 in August: her Aug–Oct average month is ¥15,000
    page = make_page(qtbot, ws)
    editor = page.editor
    south = p.rep_s1.team_id
    editor.select("team", south, YEAR)
    qtbot.mouseClick(editor.people_button, LEFT)
    dialog = editor.split_dialog
    dialog.set_method("suggested")
    assert not dialog.table.isColumnHidden(1) and not dialog.table.isColumnHidden(2)
    rows = table_texts(dialog)
    # her base: 15,000 × 70% × 12 months = 126,000; the rest 174,000 evenly: 87,000 each
    assert rows[p.rep_s1.name] == ["¥126,000", "¥87,000", "¥213,000"]
    assert rows[p.manager_s.name] == ["¥0", "¥87,000", "¥87,000"]
    dialog.set_method("even")
    assert dialog.table.isColumnHidden(1) and dialog.table.isColumnHidden(2)


def test_last_years_share_names_who_gets_nothing(qtbot, ws):
    p = sales(ws)
    won(ws, p.rep_n1, "5000.00", datetime(Y - 1, 3, 1, 3))  # last year: only 张伟 sold
    page = make_page(qtbot, ws)
    editor = page.editor
    editor.select("team", p.rep_n1.team_id, YEAR)
    qtbot.mouseClick(editor.people_button, LEFT)
    dialog = editor.split_dialog
    dialog.set_method("last_year")
    assert dialog.plan.as_dict()[("rep", p.rep_n1.id)] == D(400000)
    assert dialog.notes.isVisibleTo(dialog)
    note = dialog.notes.text()
    assert p.rep_n2.name in note and p.manager_n.name in note and p.rep_n1.name not in note


def test_money_splits_in_whole_yuan_and_columns_fit_their_figures(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, ws)
    editor = page.editor
    type_cell(qtbot, page, "rep", p.rep_n2.id, YEAR, "4000000")
    type_cell(qtbot, page, "company", 0, YEAR, "130544000")
    editor.select("rep", p.rep_n2.id, YEAR)
    qtbot.mouseClick(editor.months_button, LEFT)
    dialog = editor.split_dialog
    assert dialog.plan.unit == D(1)
    text = dialog.remainder.text()
    assert "¥4" in text and "yuan" in text and "cent" not in text
    qtbot.mouseClick(dialog.apply_button, LEFT)
    model, state = editor.model, editor.model.state
    months = [state.cell("rep", p.rep_n2.id, Period(Y, 0, m)).value for m in range(1, 13)]
    assert months == [D(333334)] * 4 + [D(333333)] * 8
    # every figure fits its column, in the (bold italic) font of an edited cell
    font = QFont(editor.tree.font())
    font.setBold(True)
    font.setItalic(True)
    metrics = QFontMetrics(font)
    for column in range(1, model.columnCount()):
        widest = max(metrics.horizontalAdvance(t) for t in model.column_texts(column))
        assert editor.tree.columnWidth(column) >= widest + 8, column
    assert "130,544,000" in model.column_texts(1)
    assert "333,334" in model.column_texts(6)


def test_a_rep_is_offered_nothing_and_warned_of_nothing(qtbot, ws):
    p = sales(ws)  # the North team's year leaves ¥100,000 to its reps
    page = make_page(qtbot, as_user(ws, p.rep_n1))
    editor = page.editor
    page.tabs.setCurrentWidget(editor)
    editor.select("team", p.rep_n1.team_id, YEAR)
    for button in (editor.import_button, editor.months_button, editor.people_button,
                   editor.save_button, editor.revert_button):  # fmt: skip
        assert not button.isEnabled()
        assert button.toolTip() == editor.tr("You may not change any target here.")
    assert editor.export_button.isEnabled()
    model = editor.model
    index = model.index_of("team", p.rep_n1.team_id, YEAR)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None
    assert "not yet split" not in (model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
    # the admin, who may split it, is warned
    admin_page = make_page(qtbot, ws)
    admin = admin_page.editor
    index = admin.model.index_of("team", p.rep_n1.team_id, YEAR)
    assert admin.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "not yet split" in admin.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert admin.import_button.isEnabled() and not admin.import_button.toolTip()


def test_an_import_error_goes_when_the_next_import_works(qtbot, ws, tmp_path, monkeypatch):
    p = sales(ws)
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a workbook at all")
    good = tmp_path / "targets.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "won_amount"
    sheet.append(["范围/Scope", "名称/Name", "登录名或团队/Login or team", "年份/Year",
                  "全年/Total", "1"])  # fmt: skip
    sheet.append(["rep", "Ned", "rep_n2", Y, 123456, 1000])
    book.save(good)
    bus = ChangeBus()
    notices = []
    bus.notice.connect(lambda n: notices.append(n.text))
    page = make_page(qtbot, ws, bus=bus)
    editor = page.editor
    chosen = [str(bad)]
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: (chosen[0], ""))
    qtbot.mouseClick(editor.import_button, LEFT)
    assert editor.problem.isVisibleTo(editor) and editor.problem.text()
    chosen[0] = str(good)
    qtbot.mouseClick(editor.import_button, LEFT)
    qtbot.mouseClick(editor.import_dialog.import_button, LEFT)
    assert not editor.problem.isVisibleTo(editor)
    assert notices[-1] == editor.tr("Imported %n target(s).", "", 2)
    assert ws.target_grid("won_amount", Y).row("rep", p.rep_n2.id).cell(YEAR).value == 123456


def test_completion_colours_have_a_key(qtbot, ws):
    sales(ws)
    page = make_page(qtbot, ws)
    dashboard = page.dashboard
    assert dashboard.cards["completion"].toolTip() == words.status_key()
    assert "5%" in words.status_key()
    model = dashboard.rank_table.model()
    tip = model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert words.status_key() in tip


def test_empty_year_and_no_forecast_leave_no_gaps(qtbot, ws):
    sales(ws)
    page = make_page(qtbot, ws)
    dashboard = page.dashboard
    page.select(year=Y + 3)
    assert dashboard.chart.empty_text == dashboard.tr("No targets or results in this period.")
    page.select(year=Y)
    assert dashboard.chart.empty_text is None
    page.select(metric="won_count")  # no forecast: its card and its column go
    QApplication.processEvents()
    grid = dashboard.card_grid
    shown = [c for c in dashboard.cards.values() if c.isVisibleTo(page)]
    assert dashboard.cards["forecast"] not in shown and len(shown) == 5
    columns = sorted(grid.getItemPosition(grid.indexOf(c))[1] for c in shown)
    assert columns == [0, 1, 2, 3, 4] and grid.columnStretch(5) == 0
    last = dashboard.cards["elapsed"]
    assert last.geometry().right() >= grid.geometry().right() - 2  # no empty column at the end


def test_one_month_name_everywhere(qtbot, ws):
    sales(ws)
    page = make_page(qtbot, ws)
    box = page.period_box
    names = [box.itemText(i) for i in range(box.count()) if box.itemData(i)[1]]
    assert names == [words.month_name(m) for m in range(1, 13)]
    model = page.editor.model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6, 18)]
    assert heads == names
    assert page.dashboard.chart.data.categories == tuple(names)


def test_the_target_card_says_what_is_not_allocated(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, ws)
    card = page.dashboard.cards["target"]
    # the company: 1,000,000 − North's 400,000 − South's 300,000
    assert card.detail.text().endswith(page.dashboard.tr("%1 not allocated to teams")
                                       .replace("%1", "¥300,000"))  # fmt: skip
    page.select(scope=("team", p.rep_n1.team_id))  # 400,000 − 200,000 − 100,000
    assert card.detail.text().endswith(page.dashboard.tr("%1 not allocated to reps")
                                       .replace("%1", "¥100,000"))  # fmt: skip
    page.select(scope=("rep", p.rep_n1.id))
    assert card.detail.text() == words.period_name(YEAR)
