"""The Targets page's distribution editor driven as a user would: type a target, see the roll-up
and what is left to split move, Save (the grid read back holds it), Revert, a failed save that
keeps the edit and names who changed what, a rep who may edit nothing, the split dialog whose
parts add up exactly to the total, an import with problems that writes nothing, and unsaved
edits asked about before another year is shown."""

from __future__ import annotations

from decimal import Decimal as D

from openpyxl import Workbook
from PySide6.QtCore import Qt
from test_gui_targets_helpers import YEAR, Y, as_user, make_page, sales, shown, type_cell

from crmdesk.models.periods import Period
from crmdesk.models.targets import TargetInput
from crmdesk.views import file_dialogs, target_editor
from crmdesk.views import target_words as words

LEFT = Qt.MouseButton.LeftButton


def test_type_a_target_see_the_roll_up_and_save(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, ws)
    editor = page.editor
    north = p.rep_n1.team_id
    assert not editor.save_button.isEnabled() and not editor.revert_button.isEnabled()
    type_cell(qtbot, page, "rep", p.rep_n2.id, YEAR, "150000")
    assert shown(page, "rep", p.rep_n2.id, YEAR) == "150,000"
    model = editor.model
    assert model.data(model.index_of("rep", p.rep_n2.id, YEAR), Qt.ItemDataRole.FontRole).bold()
    # North's 400,000 had 100,000 left over its reps; now 50,000
    assert model.state.cell("team", north, YEAR).people_left == D("50000")
    assert editor.save_button.isEnabled() and editor.revert_button.isEnabled()
    assert editor.dirty
    qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.dirty and not editor.save_button.isEnabled()
    grid = ws.target_grid("won_amount", Y)
    assert grid.row("rep", p.rep_n2.id).cell(YEAR).value == D("150000")
    assert shown(page, "rep", p.rep_n2.id, YEAR) == "150,000"
    assert model.data(model.index_of("rep", p.rep_n2.id, YEAR), Qt.ItemDataRole.FontRole) is None


def test_revert_and_bad_input(qtbot, ws, monkeypatch):
    asked = []
    answer = [False]
    monkeypatch.setattr(target_editor, "ask_revert", lambda _w, n: asked.append(n) or answer[0])
    p = sales(ws)
    page = make_page(qtbot, ws)
    editor = page.editor
    type_cell(qtbot, page, "team", p.rep_s1.team_id, Period(Y, 1), "-5")
    assert editor.problem.text() == words.value_problem("negative")
    assert not editor.dirty
    assert words.parse_value("12万") == D("120000")
    type_cell(qtbot, page, "team", p.rep_s1.team_id, Period(Y, 1), "120000")
    assert shown(page, "team", p.rep_s1.team_id, Period(Y, 1)) == "120,000"
    assert editor.problem.isHidden() and not editor.problem.text()  # the complaint is over
    type_cell(qtbot, page, "company", 0, YEAR, "")  # an emptied cell clears the target
    assert editor.model.state.cell("company", 0, YEAR).value is None
    assert editor.dirty
    qtbot.mouseClick(editor.revert_button, LEFT)  # asked first: No keeps the edits
    assert asked == [2] and editor.dirty
    answer[0] = True
    qtbot.mouseClick(editor.revert_button, LEFT)
    assert asked == [2, 2] and not editor.dirty
    assert shown(page, "team", p.rep_s1.team_id, Period(Y, 1)) == "10,000"  # 李娜's February
    assert shown(page, "company", 0, YEAR) == "1,000,000"
    assert ws.target_grid("won_amount", Y).row("company", 0).cell(YEAR).value == D("1000000")


def test_a_failed_save_keeps_the_edit_and_names_who_changed_it(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, ws)
    editor = page.editor
    type_cell(qtbot, page, "rep", p.rep_n1.id, YEAR, "222000")
    # meanwhile the manager of North sets the same cell
    manager = as_user(ws, p.manager_n)
    version = manager.target_grid("won_amount", Y).row("rep", p.rep_n1.id).cell(YEAR).version
    manager.save_targets([TargetInput("won_amount", "rep", p.rep_n1.id, YEAR, D("250000"),
                                      version)])  # fmt: skip
    qtbot.mouseClick(editor.save_button, LEFT)
    text = editor.problem.text()
    assert "Nina North" in text and "张伟" in text and words.period_name(YEAR) in text
    assert editor.dirty and shown(page, "rep", p.rep_n1.id, YEAR) == "222,000"
    assert ws.target_grid("won_amount", Y).row("rep", p.rep_n1.id).cell(YEAR).value == D("250000")
    # told, the user saves again: theirs goes over the colleague's
    qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.dirty
    assert ws.target_grid("won_amount", Y).row("rep", p.rep_n1.id).cell(YEAR).value == D("222000")


def test_a_rep_may_edit_nothing(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, as_user(ws, p.rep_n1))
    model = page.editor.model
    flags = [
        model.flags(model.index_of(r.scope, r.scope_id, per))
        for r in model.grid.rows
        for per in model.periods
    ]
    assert flags and not any(f & Qt.ItemFlag.ItemIsEditable for f in flags)
    page.editor.select("rep", p.rep_n1.id, YEAR)
    assert not page.editor.months_button.isEnabled()
    assert not page.editor.people_button.isEnabled()


def test_split_a_team_over_its_reps_exactly(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, ws)
    editor = page.editor
    page.tabs.setCurrentWidget(editor)
    type_cell(qtbot, page, "team", p.rep_s1.team_id, YEAR, "100000.01")
    editor.select("company", 0, YEAR)
    qtbot.mouseClick(editor.people_button, LEFT)
    dialog = editor.split_dialog
    assert dialog is not None and dialog.plan is not None
    assert dialog.table.rowCount() == 2  # North and South (no rep without a team)
    qtbot.mouseClick(dialog.apply_button, LEFT)
    state = editor.model.state
    north, south = p.rep_n1.team_id, p.rep_s1.team_id
    parts = [state.cell("team", t, YEAR).value for t in (north, south)]
    assert parts == [D("500000"), D("500000")] and sum(parts) == D("1000000")

    # the team's year over its months: 100,000.01 → 8,333.33 twelve times, and the 5 cents
    # rounding leaves one each to January … May
    editor.select("team", south, YEAR)
    type_cell(qtbot, page, "team", south, YEAR, "100000.01")
    qtbot.mouseClick(editor.months_button, LEFT)
    dialog = editor.split_dialog
    assert dialog.plan.remainder == D("0.05")
    text = dialog.remainder.text()
    assert "¥0.05" in text and words.month_name(5) in text and words.month_name(6) not in text
    qtbot.mouseClick(dialog.apply_button, LEFT)
    months = [state.cell("team", south, Period(Y, 0, m)).value for m in range(1, 13)]
    assert sum(months) == D("100000.01")
    assert max(months) - min(months) <= D("0.01")
    assert state.cell("team", south, YEAR).periods_left == 0
    qtbot.mouseClick(editor.save_button, LEFT)
    grid = ws.target_grid("won_amount", Y)
    assert sum(grid.row("team", south).cell(Period(Y, 0, m)).value for m in range(1, 13)) == D(
        "100000.01"
    )


def test_suggested_split_says_why_when_there_is_no_history(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, ws)
    editor = page.editor
    editor.select("team", p.rep_n1.team_id, YEAR)
    qtbot.mouseClick(editor.people_button, LEFT)
    dialog = editor.split_dialog
    dialog.set_method("suggested")
    assert dialog.plan is not None and sum(v for _k, v in dialog.plan.parts) == D("400000")
    assert dialog.notes.text() == words.note_text("no_history")  # North won nothing Aug–Oct
    assert dialog.table.rowCount() == 3  # Nina North (a manager holds targets too), 张伟, Ned


def test_an_import_with_problems_shows_them_and_writes_nothing(qtbot, ws, tmp_path, monkeypatch):
    p = sales(ws)
    path = tmp_path / "targets.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "won_amount"
    sheet.append(["范围/Scope", "名称/Name", "登录名或团队/Login or team", "年份/Year",
                  "全年/Total", "1"])  # fmt: skip
    sheet.append(["rep", "Ned", "rep_n2", Y, 123456, None])
    sheet.append(["rep", "Nobody", "no_such_login", Y, 1, None])
    sheet.append(["team", "South", "South", Y, "lots", -3])
    book.save(path)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: (str(path), ""))
    page = make_page(qtbot, ws)
    qtbot.mouseClick(page.editor.import_button, LEFT)
    dialog = page.editor.import_dialog
    assert dialog is not None
    problems = [
        tuple(dialog.table.item(r, c).text() for c in range(4))
        for r in range(dialog.table.rowCount())
    ]
    assert (
        "3",
        words.file_column("login"),
        words.file_problem("unknown_name"),
        "no_such_login",
    ) in problems
    assert ("4", words.file_column("total"), words.file_problem("bad_number"), "lots") in problems
    assert ("4", words.month_name(1), words.file_problem("negative"), "-3") in problems
    assert not dialog.import_button.isVisible() and dialog.good_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert ws.target_grid("won_amount", Y).row("rep", p.rep_n2.id).cell(YEAR).value == D("100000")
    # the good rows only
    qtbot.mouseClick(page.editor.import_button, LEFT)
    qtbot.mouseClick(page.editor.import_dialog.good_button, LEFT)
    assert ws.target_grid("won_amount", Y).row("rep", p.rep_n2.id).cell(YEAR).value == D("123456")


def test_unsaved_edits_are_asked_about_before_another_year(qtbot, ws, answers):
    p = sales(ws)
    page = make_page(qtbot, ws)
    type_cell(qtbot, page, "rep", p.rep_n2.id, YEAR, "99")
    answers.give("ask_unsaved", "cancel")
    page.year_box.setValue(Y + 1)
    assert page.year_box.value() == Y and page.editor.dirty  # stayed
    answers.give("ask_unsaved", "save")
    page.year_box.setValue(Y + 1)
    assert page.editor.year == Y + 1 and not page.editor.dirty
    assert ws.target_grid("won_amount", Y).row("rep", p.rep_n2.id).cell(YEAR).value == D("99")
    left = []
    type_cell(qtbot, page, "company", 0, Period(Y + 1), "5")
    answers.give("ask_unsaved", "discard")
    page.leave(lambda: left.append(True))
    assert left == [True] and not page.editor.dirty
