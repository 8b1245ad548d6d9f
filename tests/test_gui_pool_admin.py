"""The pool administration dialog, driven by an administrator as a user would on a real SQLite
database: a release reason added (and then usable in a release), one turned off, "Other" kept
on with the model's words; caps for a team and a user and whether won customers count, saved
together; a cap of 0 refused in the dialog with nothing stored and nothing typed lost; Save
waiting while the write runs; closing with edits asks first."""

from __future__ import annotations

from gui_helpers import GuiThreadGuard, QueueRunner, type_text
from PySide6.QtCore import QLocale, QPoint, Qt

from crmdesk.tasks import TaskRunner
from crmdesk.views.context import PageContext
from crmdesk.views.pool_admin_dialog import PoolAdminDialog

LEFT = Qt.MouseButton.LeftButton


def open_dialog(qtbot, ws, runner=None) -> PoolAdminDialog:
    dialog = PoolAdminDialog(PageContext(ws, runner))
    # the test's end closes it without the question a user with edits would be asked
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    return dialog


def reason_texts(dialog) -> list[str]:
    table = dialog.reasons
    return [table.item(r, dialog.REASON).text() for r in range(table.rowCount())]


def active_item(dialog, text: str):
    return dialog.reasons.item(reason_texts(dialog).index(text), dialog.ACTIVE)


def click_tick(qtbot, dialog, text: str) -> None:
    """Tick or untick a reason's Active box with the mouse, as a user does."""
    table = dialog.reasons
    rect = table.visualItemRect(active_item(dialog, text))
    # the check box sits at the cell's left
    qtbot.mouseClick(table.viewport(), LEFT, pos=QPoint(rect.left() + 10, rect.center().y()))


def click_box(qtbot, box) -> None:
    """Click a check box on its box (a wide one's middle is empty space)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def type_cap(qtbot, edit, value: str) -> None:
    edit.setFocus()
    edit.selectAll()
    if value:
        qtbot.keyClicks(edit, value)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.text() == value


def caps_of(ws, key: int, users: bool = False) -> tuple:
    rows = ws.caps().users if users else ws.caps().teams
    row = next(r for r in rows if r.id == key)
    return row.customer_cap, row.locked_cap


def test_the_reasons_are_listed_with_the_built_in_ones_translated(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    assert reason_texts(dialog) == [
        "No need at present",
        "Cannot be reached",
        "Went with a competitor",
        "Wrong or invalid information",
        "Other",
    ]
    assert all(active_item(dialog, t).checkState() == Qt.CheckState.Checked
               for t in reason_texts(dialog))  # fmt: skip
    assert not dialog.add_button.isEnabled()  # nothing typed yet
    assert not dialog.save_button.isEnabled()  # no caps edited


def test_an_admin_adds_a_reason_and_a_release_may_give_it(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    type_text(qtbot, dialog.reason_text, "客户已倒闭")
    assert dialog.add_button.isEnabled()
    qtbot.mouseClick(dialog.add_button, LEFT)

    assert reason_texts(dialog)[-1] == "客户已倒闭"
    assert active_item(dialog, "客户已倒闭").checkState() == Qt.CheckState.Checked
    assert dialog.reasons.currentRow() == dialog.reasons.rowCount() - 1  # shown, chosen
    assert dialog.reason_text.text() == "" and not dialog.reason_problems.isVisible()
    assert ("r1", "客户已倒闭") in ws.release_reasons()

    # Enter in the line adds too (and never presses Save); the same words again are refused
    type_text(qtbot, dialog.reason_text, "客户已倒闭")
    qtbot.keyClick(dialog.reason_text, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.reason_problems.isVisible()
    assert "There is already a reason with these words." in dialog.reason_problems.text()
    assert dialog.reason_text.text() == "客户已倒闭"  # kept, to be corrected
    assert [label for _c, label in ws.release_reasons()].count("客户已倒闭") == 1


def test_an_admin_turns_a_reason_off_and_on(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    click_tick(qtbot, dialog, "Cannot be reached")
    assert active_item(dialog, "Cannot be reached").checkState() == Qt.CheckState.Unchecked
    assert "unreachable" not in [code for code, _label in ws.release_reasons()]
    stored = {r.code: r.active for r in ws.all_release_reasons()}
    assert stored["unreachable"] is False and stored["no_need"] is True

    click_tick(qtbot, dialog, "Cannot be reached")
    assert "unreachable" in [code for code, _label in ws.release_reasons()]
    assert not dialog.reason_problems.isVisible()


def test_other_cannot_be_turned_off_and_the_dialog_says_why(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    click_tick(qtbot, dialog, "Other")
    assert dialog.reason_problems.isVisible()
    assert "“Other” always stays on" in dialog.reason_problems.text()
    assert active_item(dialog, "Other").checkState() == Qt.CheckState.Checked  # as it is
    assert "other" in [code for code, _label in ws.release_reasons()]


def test_an_admin_sets_caps_for_a_team_and_a_user_and_whether_won_count(qtbot, ws):
    p = ws.people
    north, south = p.rep_n1.team_id, p.rep_s1.team_id
    assert ws.caps().count_won is True
    dialog = open_dialog(qtbot, ws)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.teams.ids == [north, south]  # by name: North, South
    assert p.admin.id not in dialog.users.ids  # admins have no caps

    type_cap(qtbot, dialog.teams.cap_field(north, "customer_cap"), "30")
    type_cap(qtbot, dialog.teams.cap_field(north, "locked_cap"), "5")
    # a user's blank cap shows the team's as it is being typed
    assert dialog.users.cap_field(p.rep_n1.id, "customer_cap").placeholderText() == "Team's: 30"
    assert dialog.users.cap_field(p.rep_s1.id, "customer_cap").placeholderText() == "No cap"
    type_cap(qtbot, dialog.users.cap_field(p.rep_n2.id, "customer_cap"), "50")
    click_box(qtbot, dialog.count_won)
    assert dialog.has_edits() and dialog.save_button.isEnabled()

    qtbot.mouseClick(dialog.save_button, LEFT)

    caps = ws.caps()
    assert caps_of(ws, north) == (30, 5) and caps_of(ws, south) == (None, None)
    assert caps_of(ws, p.rep_n2.id, users=True) == (50, None)
    assert caps_of(ws, p.rep_n1.id, users=True) == (None, None)  # the team's applies
    assert caps.count_won is False
    assert not dialog.has_edits() and not dialog.save_button.isEnabled()
    assert not dialog.caps_problems.isVisible()

    # blank again: no cap of its own
    type_cap(qtbot, dialog.users.cap_field(p.rep_n2.id, "customer_cap"), "")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert caps_of(ws, p.rep_n2.id, users=True) == (None, None)
    assert caps_of(ws, north) == (30, 5)


def test_a_cap_of_0_is_refused_in_the_dialog_and_nothing_is_stored(qtbot, ws):
    p = ws.people
    north = p.rep_n1.team_id
    before = ws.caps()
    dialog = open_dialog(qtbot, ws)
    type_cap(qtbot, dialog.teams.cap_field(north, "customer_cap"), "0")
    type_cap(qtbot, dialog.users.cap_field(p.rep_s1.id, "locked_cap"), "200000")
    type_cap(qtbot, dialog.users.cap_field(p.rep_n2.id, "customer_cap"), "12")
    click_box(qtbot, dialog.count_won)
    dialog.tabs.setCurrentIndex(0)

    qtbot.mouseClick(dialog.save_button, LEFT)

    text = dialog.caps_problems.text()
    high = QLocale().toString(100_000)
    assert dialog.caps_problems.isVisible()
    assert f"Team “North”, customer cap: enter a number from 1 to {high}" in text
    assert f"User “李娜”, locked cap: enter a number from 1 to {high}" in text
    assert "12" not in text
    assert dialog.tabs.currentIndex() == 1  # taken to the caps
    assert dialog.focusWidget() is dialog.teams.cap_field(north, "customer_cap")
    assert dialog.teams.cap_field(north, "customer_cap").styleSheet()  # marked
    assert ws.caps() == before  # nothing stored, not even the good ones
    # nothing typed is lost
    assert dialog.teams.cap_field(north, "customer_cap").text() == "0"
    assert dialog.users.cap_field(p.rep_n2.id, "customer_cap").text() == "12"
    assert not dialog.count_won.isChecked()
    assert dialog.has_edits() and dialog.save_button.isEnabled()

    type_cap(qtbot, dialog.teams.cap_field(north, "customer_cap"), "8")  # fixed: it saves
    assert not dialog.teams.cap_field(north, "customer_cap").styleSheet()
    type_cap(qtbot, dialog.users.cap_field(p.rep_s1.id, "locked_cap"), "2")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.caps_problems.isVisible()
    assert caps_of(ws, north) == (8, None)
    assert caps_of(ws, p.rep_s1.id, users=True) == (None, 2)
    assert caps_of(ws, p.rep_n2.id, users=True) == (12, None)
    assert ws.caps().count_won is False


def test_only_digits_can_be_typed_in_a_cap(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    edit = dialog.teams.cap_field(ws.people.rep_n1.team_id, "customer_cap")
    edit.setFocus()
    qtbot.keyClicks(edit, "a-1 5")
    assert edit.text() == "15"


def test_save_waits_while_the_write_runs(qtbot, ws):
    runner = QueueRunner()
    dialog = open_dialog(qtbot, ws, runner)
    assert not dialog.tabs.isEnabled() and not dialog.save_button.isEnabled()  # loading
    runner.run_all()
    assert dialog.tabs.isEnabled()
    north = ws.people.rep_n1.team_id
    type_cap(qtbot, dialog.teams.cap_field(north, "customer_cap"), "40")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.save_button.isEnabled()
    dialog.save_button.click()  # a second press does nothing meanwhile
    assert len(runner.jobs) == 1
    type_cap(qtbot, dialog.teams.cap_field(north, "locked_cap"), "4")  # typed while it runs
    assert not dialog.save_button.isEnabled()
    runner.run_all()
    assert caps_of(ws, north) == (40, None)
    assert dialog.has_edits() and dialog.save_button.isEnabled()  # the lock cap: still to save


def test_closing_with_edits_asks_first(qtbot, ws, answers):
    dialog = open_dialog(qtbot, ws)
    dialog.reject()  # nothing typed: closes without a question
    assert not dialog.isVisible() and answers.asked == []

    dialog = open_dialog(qtbot, ws)
    north = ws.people.rep_n1.team_id
    type_cap(qtbot, dialog.teams.cap_field(north, "customer_cap"), "9")
    answers.give("confirm_discard", False, True)
    dialog.reject()
    assert dialog.isVisible() and dialog.teams.cap_field(north, "customer_cap").text() == "9"
    assert answers.asked[-1][1][1] == "Discard your changes to the caps?"
    dialog.reject()
    assert not dialog.isVisible()
    assert caps_of(ws, north) == (None, None)

    dialog = open_dialog(qtbot, ws)  # a reason typed but not added counts too
    type_text(qtbot, dialog.reason_text, "预算取消")
    answers.give("confirm_discard", True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert answers.asked[-1][1][1] == "Discard the release reason you typed?"


def test_the_dialog_never_waits_on_the_database(qtbot, ws):
    guard = GuiThreadGuard(ws)
    runner = TaskRunner()
    dialog = open_dialog(qtbot, guard, runner)
    qtbot.waitUntil(dialog.tabs.isEnabled, timeout=5000)
    type_text(qtbot, dialog.reason_text, "预算取消")
    qtbot.mouseClick(dialog.add_button, LEFT)
    qtbot.waitUntil(lambda: "预算取消" in reason_texts(dialog), timeout=5000)
    north = ws.people.rep_n1.team_id
    type_cap(qtbot, dialog.teams.cap_field(north, "customer_cap"), "25")
    with qtbot.waitSignal(dialog.ctx.bus.changed, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.has_edits(), timeout=5000)
    runner.wait()
    assert guard.calls_on_gui_thread == []
    assert caps_of(ws, north) == (25, None)


def test_the_history_tab_says_who_changed_which_setting(qtbot, ws):
    from crmdesk.views.context import PageContext
    from crmdesk.views.pool_admin_dialog import PoolAdminDialog

    ws.add_release_reason("客户已倒闭")
    ws.save_caps({ws.people.rep_n1.team_id: (20, None)}, {}, count_won=True)
    dialog = PoolAdminDialog(PageContext(ws))
    qtbot.addWidget(dialog)
    lines = [dialog.history.item(i).text() for i in range(dialog.history.count())]
    assert len(lines) == 2
    assert "Ada Admin" in lines[0] and "a team's caps" in lines[0]
    assert "Release reasons: added “r1”" in lines[1]  # an admin's own reason, by its code
