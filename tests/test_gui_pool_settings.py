"""The pool settings dialog, driven by an administrator as a user would on a real SQLite
database: a new pool with its provinces, members and a rule with days for level A; a rule of
0 days refused in the dialog with nothing stored; a daily cap changed; a colleague's save in
between reported with the typed values kept; closing or leaving with edits asks first."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gui_helpers import QueueRunner, type_text
from helpers import NOW
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QSpinBox
from sqlalchemy import update

from crmdesk.models.pool import PoolInput, RuleRow
from crmdesk.models.schema import User
from crmdesk.models.workspace import Workspace
from crmdesk.views.context import PageContext
from crmdesk.views.pool_settings_dialog import PoolSettingsDialog

LEFT = Qt.MouseButton.LeftButton


def open_dialog(qtbot, ws, runner=None) -> PoolSettingsDialog:
    dialog = PoolSettingsDialog(PageContext(ws, runner))
    # the test's end closes it without the question a user with edits would be asked
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    return dialog


def pool_named(ws, name: str):
    return next(p for p in ws.all_pools() if p.name == name)


def pick(qtbot, checklist, text: str) -> None:
    """Tick an entry as a user does: type it in the list's filter line, press Enter."""
    type_text(qtbot, checklist.filter, text)
    qtbot.keyClick(checklist.filter, Qt.Key.Key_Return)


def set_number(qtbot, box: QSpinBox, value: int) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, str(value))
    assert box.value() == value


def select_pool(dialog, name: str) -> None:
    items = [dialog.pool_list.item(i) for i in range(dialog.pool_list.count())]
    dialog.pool_list.setCurrentItem(next(i for i in items if i.text().startswith(name)))


@pytest.fixture
def east(ws):
    """A second pool beside the default 公海 (公海 is open to everyone)."""
    team = ws.people.manager_s.team_id
    ws.save_pool(None, PoolInput(name="华南公海", member_team_ids=(team,), daily_claim_cap=4))
    return ws


def test_an_admin_adds_a_pool_with_provinces_members_and_a_rule(qtbot, ws):
    p = ws.people
    dialog = open_dialog(qtbot, ws)
    assert [dialog.pool_list.item(i).text() for i in range(dialog.pool_list.count())] == ["公海"]
    assert dialog.name.text() == "公海" and dialog.everyone.isChecked()

    qtbot.mouseClick(dialog.new_button, LEFT)
    assert dialog.pool_id is None and dialog.name.text() == ""
    type_text(qtbot, dialog.name, "华东公海")
    for province in ("浙江", "江苏", "上海"):
        pick(qtbot, dialog.provinces, province)
    pick(qtbot, dialog.industries, "金融")  # a free list: an industry nobody has yet
    dialog.tabs.setCurrentIndex(1)
    assert dialog.chosen.isChecked()
    pick(qtbot, dialog.teams, "North")
    pick(qtbot, dialog.users, "李娜")
    pick(qtbot, dialog.admins, "Nina")
    dialog.tabs.setCurrentIndex(2)
    set_number(qtbot, dialog.daily_claim_cap, 5)
    qtbot.mouseClick(dialog.add_rule_button, LEFT)
    set_number(qtbot, dialog.rules.days_box(0), 30)
    set_number(qtbot, dialog.rules.days_box(0, "A"), 15)
    assert dialog.rules.days_box(0, "B").text() == "—"  # the rule's own days
    qtbot.mouseClick(dialog.exempt_open_deals, LEFT)

    with qtbot.waitSignal(dialog.pool_saved) as saved:
        qtbot.mouseClick(dialog.save_button, LEFT)

    stored = pool_named(ws, "华东公海")
    assert saved.args == [stored.id]
    assert stored.provinces == ("上海", "江苏", "浙江")
    assert stored.industries == ("金融",)
    assert stored.everyone is False and stored.enabled is True
    assert stored.member_team_ids == (p.rep_n1.team_id,)
    assert stored.member_user_ids == (p.rep_s1.id,)
    assert stored.admin_ids == (p.manager_n.id,)
    assert stored.daily_claim_cap == 5 and stored.exempt_open_deals is True
    assert [replace(r, id=None) for r in stored.rules] == [
        RuleRow("no_follow_up", 30, (("A", 15),), True)
    ]
    # the list shows it, chosen, and the form holds what was stored: nothing left unsaved
    assert dialog.pool_list.currentItem().text() == "华东公海"
    assert dialog.pool_id == stored.id and dialog.version == stored.version
    assert not dialog.has_edits() and not dialog.problems.isVisible()
    assert dialog.save_button.isEnabled()


def test_a_rule_of_0_days_is_refused_in_the_dialog_and_nothing_is_stored(qtbot, ws):
    before = pool_named(ws, "公海")
    dialog = open_dialog(qtbot, ws)
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog.add_rule_button, LEFT)
    set_number(qtbot, dialog.rules.days_box(0), 0)
    dialog.tabs.setCurrentIndex(0)

    qtbot.mouseClick(dialog.save_button, LEFT)

    assert dialog.problems.isVisible()
    assert "Recycle rule 1: days" in dialog.problems.text()
    assert f"from 1 to {QLocale().toString(3650)}." in dialog.problems.text()
    assert dialog.tabs.currentIndex() == 2  # taken to the rule that is wrong
    assert dialog.focusWidget() is dialog.rules.days_box(0)
    assert pool_named(ws, "公海") == before
    assert dialog.rules.rowCount() == 1 and dialog.rules.days_box(0).value() == 0
    assert dialog.has_edits() and dialog.save_button.isEnabled()

    set_number(qtbot, dialog.rules.days_box(0), 20)  # fixed: it saves
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert [r.days for r in pool_named(ws, "公海").rules] == [20]
    assert not dialog.problems.isVisible()


def test_a_new_pool_needs_a_name_and_members(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    qtbot.mouseClick(dialog.new_button, LEFT)
    qtbot.mouseClick(dialog.save_button, LEFT)
    text = dialog.problems.text()
    assert "Name is required." in text
    assert "Tick the teams or users who may use this pool" in text
    assert dialog.focusWidget() is dialog.name
    assert [p.name for p in ws.all_pools()] == ["公海"]

    type_text(qtbot, dialog.name, "公海")  # a name already taken
    dialog.everyone.setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "Another pool already has this name" in dialog.problems.text()
    assert dialog.name.text() == "公海" and [p.name for p in ws.all_pools()] == ["公海"]


def test_an_admin_changes_the_daily_cap_of_a_pool(qtbot, east):
    dialog = open_dialog(qtbot, east)
    select_pool(dialog, "华南公海")
    assert dialog.daily_claim_cap.value() == 4
    dialog.tabs.setCurrentIndex(2)
    set_number(qtbot, dialog.daily_claim_cap, 12)
    qtbot.mouseClick(dialog.save_button, LEFT)
    stored = pool_named(east, "华南公海")
    assert stored.daily_claim_cap == 12
    assert stored.member_team_ids == (east.people.manager_s.team_id,)  # the rest as it was
    assert pool_named(east, "公海").daily_claim_cap == 10


def test_a_pool_is_turned_off_not_deleted(qtbot, east):
    dialog = open_dialog(qtbot, east)
    select_pool(dialog, "华南公海")
    qtbot.mouseClick(dialog.enabled, LEFT)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert pool_named(east, "华南公海").enabled is False
    assert dialog.pool_list.currentItem().text() == "华南公海 (off)"


def test_a_colleagues_save_in_between_is_reported_and_the_typed_values_stay(qtbot, east):
    dialog = open_dialog(qtbot, east)
    select_pool(dialog, "华南公海")
    dialog.tabs.setCurrentIndex(2)
    set_number(qtbot, dialog.daily_claim_cap, 7)
    set_number(qtbot, dialog.cooldown_days, 3)

    # another administrator, on their own machine, saves the same pool meanwhile
    other = Workspace(east.db, east.people.admin, clock=lambda: NOW)
    theirs = pool_named(other, "华南公海")
    data = PoolInput(name="华南公海", member_team_ids=theirs.member_team_ids, daily_claim_cap=9)
    other.save_pool(theirs.id, data, theirs.version)

    qtbot.mouseClick(dialog.save_button, LEFT)
    text = dialog.problems.text()
    assert dialog.problems.isVisible()
    assert "Ada Admin saved this pool at" in text and "Your changes are still here" in text
    assert dialog.theirs_button.isVisible() and dialog.save_button.isEnabled()
    assert dialog.daily_claim_cap.value() == 7 and dialog.cooldown_days.value() == 3
    assert pool_named(east, "华南公海").daily_claim_cap == 9  # theirs, untouched

    qtbot.mouseClick(dialog.save_button, LEFT)  # again: mine over theirs, as it said
    stored = pool_named(east, "华南公海")
    assert (stored.daily_claim_cap, stored.cooldown_days) == (7, 3)
    assert not dialog.problems.isVisible() and not dialog.has_edits()


def test_show_their_version_after_a_conflict(qtbot, east):
    dialog = open_dialog(qtbot, east)
    select_pool(dialog, "华南公海")
    set_number(qtbot, dialog.daily_claim_cap, 7)
    theirs = pool_named(east, "华南公海")
    data = PoolInput(name="华南公海", member_team_ids=theirs.member_team_ids, daily_claim_cap=9)
    east.save_pool(theirs.id, data, theirs.version)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.mouseClick(dialog.theirs_button, LEFT)
    assert dialog.daily_claim_cap.value() == 9
    assert not dialog.problems.isVisible() and not dialog.has_edits()


def test_save_waits_while_the_write_runs(qtbot, ws):
    runner = QueueRunner()
    dialog = open_dialog(qtbot, ws, runner)
    assert not dialog.save_button.isEnabled() and not dialog.tabs.isEnabled()  # loading
    runner.run_all()
    set_number(qtbot, dialog.warn_days, 5)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)  # a second click does nothing meanwhile
    assert len(runner.jobs) == 1
    runner.run_all()
    assert dialog.save_button.isEnabled()
    assert pool_named(ws, "公海").warn_days == 5


def test_closing_with_edits_asks_first(qtbot, ws, answers):
    dialog = open_dialog(qtbot, ws)
    dialog.reject()  # nothing typed: closes without a question
    assert not dialog.isVisible() and answers.asked == []

    dialog = open_dialog(qtbot, ws)
    type_text(qtbot, dialog.name, "X")
    answers.give("confirm_discard", False, True)
    dialog.reject()
    assert dialog.isVisible() and dialog.name.text() == "公海X"
    dialog.reject()
    assert not dialog.isVisible()
    assert pool_named(ws, "公海").name == "公海"


def test_leaving_a_pool_with_edits_asks_and_may_save_it(qtbot, east, answers):
    dialog = open_dialog(qtbot, east)
    set_number(qtbot, dialog.protect_days, 2)
    answers.give("ask_unsaved", "cancel", "save")
    select_pool(dialog, "华南公海")
    assert dialog.name.text() == "公海" and dialog.protect_days.value() == 2  # stayed
    assert dialog.pool_list.currentItem().text() == "公海"
    select_pool(dialog, "华南公海")
    assert dialog.name.text() == "华南公海"
    assert pool_named(east, "公海").protect_days == 2


def test_the_dialog_never_waits_on_the_database(qtbot, ws):
    from gui_helpers import GuiThreadGuard

    from crmdesk.tasks import TaskRunner

    guard = GuiThreadGuard(ws)
    runner = TaskRunner()
    dialog = open_dialog(qtbot, guard, runner)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=5000)
    set_number(qtbot, dialog.daily_claim_cap, 11)
    with qtbot.waitSignal(dialog.pool_saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=5000)
    runner.wait()
    assert guard.calls_on_gui_thread == []
    assert pool_named(ws, "公海").daily_claim_cap == 11


def test_an_inactive_member_stays_a_member_when_the_pool_is_saved(qtbot, east):
    p = east.people
    south = pool_named(east, "华南公海")
    data = PoolInput(name="华南公海", member_user_ids=(p.rep_n2.id,), admin_ids=(p.rep_n2.id,))
    east.save_pool(south.id, data, south.version)
    with east.db.writing() as s:
        s.execute(update(User).where(User.id == p.rep_n2.id).values(active=False))
    dialog = open_dialog(qtbot, east)
    select_pool(dialog, "华南公海")
    ticked = f"Inactive user #{p.rep_n2.id}"
    assert ticked in dialog.users.summary.text() and ticked in dialog.admins.summary.text()
    set_number(qtbot, dialog.daily_claim_cap, 6)
    qtbot.mouseClick(dialog.save_button, LEFT)
    stored = pool_named(east, "华南公海")
    assert stored.daily_claim_cap == 6
    assert stored.member_user_ids == stored.admin_ids == (p.rep_n2.id,)


def test_a_pool_admin_sees_only_their_pools_and_makes_none(qtbot, east):
    p = east.people
    south = pool_named(east, "华南公海")
    data = PoolInput(name="华南公海", member_team_ids=south.member_team_ids,
                     admin_ids=(p.manager_s.id,))  # fmt: skip
    east.save_pool(south.id, data, south.version)
    dialog = open_dialog(qtbot, Workspace(east.db, p.manager_s, clock=lambda: NOW))
    assert [dialog.pool_list.item(i).text() for i in range(dialog.pool_list.count())] == [
        "华南公海"
    ]
    assert not dialog.new_button.isEnabled()
    set_number(qtbot, dialog.cooldown_days, 1)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert pool_named(east, "华南公海").cooldown_days == 1
