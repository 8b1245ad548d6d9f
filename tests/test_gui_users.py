"""The users and teams dialog, driven as an administrator would on a real SQLite database:
create a user (and be told what to fix, with what was typed kept), change a role, reset a
password, unlock, deactivate a leaving rep handing their customers to a colleague or a pool,
reactivate, and keep teams (a team with members is not deleted). A manager sees it read-only."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from gui_helpers import QueueRunner, type_text
from helpers import NOW
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select, update

from crmdesk.models.auth import sign_in_db
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.deals import DealInput
from crmdesk.models.schema import Customer, OwnershipEvent, User
from crmdesk.models.workspace import Workspace
from crmdesk.views import handover_dialog, teams_tab
from crmdesk.views.context import PageContext
from crmdesk.views.handover_dialog import HandoverDialog
from crmdesk.views.teams_tab import TeamDialog
from crmdesk.views.user_edit_dialog import ResetPasswordDialog, UserEditDialog
from crmdesk.views.users_dialog import UsersDialog, UsersTableModel

LEFT = Qt.MouseButton.LeftButton
PASSWORD = "s3cret-Pass"


def en(text: str) -> str:
    """English plurals without the English translation loaded: "2 customer(s)" → "2
    customers", "1 customer(s)" → "1 customer"."""
    return re.sub(r"\b1 (\w+( \w+)?)\(s\)", r"1 \1", text).replace("(s)", "s")


def as_user(ws, user) -> Workspace:
    return Workspace(ws.db, user, clock=lambda: NOW)


def open_dialog(qtbot, ws, runner=None) -> UsersDialog:
    dialog = UsersDialog(PageContext(ws, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def names(dialog: UsersDialog) -> list[str]:
    proxy = dialog.users.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def cell(dialog: UsersDialog, name: str, column: int) -> str:
    proxy = dialog.users.proxy
    row = names(dialog).index(name)
    return proxy.index(row, column).data()


def choose(dialog: UsersDialog, user) -> None:
    assert dialog.users.choose(user.id)


def drive(monkeypatch, qtbot, cls, fill):
    """Answer the sub-dialog cls as a user: fill it (fill(dialog)), click its OK button; exec
    returns what the dialog made of it (it closes only once its write is saved)."""
    seen = []

    def fake_exec(dialog):
        dialog.show()
        seen.append(dialog)
        if fill(dialog) is False:
            return QDialog.DialogCode.Rejected
        qtbot.mouseClick(dialog.ok_button, LEFT)
        return dialog.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def row_of(ws, user_id):
    return next(r for r in ws.users_admin() if r.id == user_id)


def test_the_table_lists_users_with_what_they_hold(qtbot, qtmodeltester, ws):
    dialog = open_dialog(qtbot, ws)
    qtmodeltester.check(dialog.users.model)
    p = ws.people
    assert set(names(dialog)) == {u.name for u in (p.admin, p.manager_n, p.rep_n1, p.rep_n2,
                                                   p.manager_s, p.rep_s1)}  # fmt: skip
    assert cell(dialog, p.rep_s1.name, UsersTableModel.CUSTOMERS) == "2"
    assert cell(dialog, p.rep_s1.name, UsersTableModel.TEAM) == "South"
    assert cell(dialog, p.rep_s1.name, UsersTableModel.ROLE) == "Sales rep"
    assert cell(dialog, p.rep_s1.name, UsersTableModel.STATUS) == "Active"
    dialog.users.search.setText("north")  # the team's name, in any case
    assert set(names(dialog)) == {p.manager_n.name, p.rep_n1.name, p.rep_n2.name}
    # Nothing chosen: only New user… may be clicked
    users = dialog.users
    assert users.new_button.isEnabled()
    assert not any(b.isEnabled() for b in users.buttons[1:])
    teams = dialog.teams
    assert [teams.table.item(r, 0).text() for r in range(teams.table.rowCount())] == [
        "North",
        "South",
    ]
    assert teams.table.item(0, teams.MEMBERS).text() == "3"


def test_an_admin_creates_a_user_told_what_to_fix_first(qtbot, ws, monkeypatch):
    dialog = open_dialog(qtbot, ws)
    tries = []

    def fill(form: UserEditDialog):
        tries.append(form)
        if len(tries) == 1:
            qtbot.keyClicks(form.name, "Olga Ost")
            qtbot.keyClicks(form.login, "rep_n2")  # Ned North's
            form.role.setCurrentIndex(form.role.findData("manager"))
            form.team.setCurrentIndex(form.team.findData(ws.people.manager_s.team_id))
            qtbot.keyClicks(form.customer_cap, "40")
            qtbot.keyClicks(form.password.first, PASSWORD)
            qtbot.keyClicks(form.password.second, PASSWORD + "x")
            qtbot.mouseClick(form.ok_button, LEFT)
            assert form.isVisible() and "not the same" in form.problem.text()  # not even asked
            form.password.second.setText(PASSWORD)
            qtbot.mouseClick(form.ok_button, LEFT)  # the login is taken: the model says so
            assert form.isVisible() and form.problem.isVisible()
            assert "Login" in form.problem.text() or "login" in form.problem.text()
            assert form.login.styleSheet()  # marked
            assert form.name.text() == "Olga Ost" and form.customer_cap.text() == "40"
            form.login.setText("olga")

    drive(monkeypatch, qtbot, UserEditDialog, fill)
    qtbot.mouseClick(dialog.users.new_button, LEFT)
    assert "Olga Ost" in names(dialog)
    assert dialog.users.selected().name == "Olga Ost"
    assert "Created the user Olga Ost" in dialog.users.message.text()
    olga = dialog.users.selected()
    assert (olga.login, olga.role, olga.team_name, olga.customer_cap) == (
        "olga", "manager", "South", 40)  # fmt: skip
    assert olga.must_change_password  # the admin knows the first password
    assert sign_in_db(ws.db, "Olga", PASSWORD, NOW).id == olga.id


def test_a_generated_password_is_shown_and_used(qtbot, ws, monkeypatch):
    dialog = open_dialog(qtbot, ws)
    made = []

    def fill(form: UserEditDialog):
        qtbot.keyClicks(form.name, "Gen Erated")
        qtbot.keyClicks(form.login, "gen")
        qtbot.mouseClick(form.password.generate, LEFT)
        made.append(form.password.first.text())
        assert form.password.first.echoMode() == form.password.first.EchoMode.Normal

    drive(monkeypatch, qtbot, UserEditDialog, fill)
    qtbot.mouseClick(dialog.users.new_button, LEFT)
    assert len(made[0]) >= 12
    assert sign_in_db(ws.db, "gen", made[0], NOW).name == "Gen Erated"


def test_an_admin_changes_a_role_and_the_table_says_so(qtbot, ws, monkeypatch):
    dialog = open_dialog(qtbot, ws)
    ned = ws.people.rep_n2
    choose(dialog, ned)

    def fill(form: UserEditDialog):
        assert form.name.text() == ned.name and form.role.currentData() == "rep"
        form.role.setCurrentIndex(form.role.findData("manager"))
        assert not form.team_note.isVisible()
        form.team.setCurrentIndex(form.team.findData(ws.people.manager_s.team_id))
        assert form.team_note.isVisible()  # what moves with them is said before

    drive(monkeypatch, qtbot, UserEditDialog, fill)
    qtbot.mouseClick(dialog.users.edit_button, LEFT)
    assert cell(dialog, ned.name, UsersTableModel.ROLE) == "Manager"
    assert cell(dialog, ned.name, UsersTableModel.TEAM) == "South"
    assert row_of(ws, ned.id).role == "manager"
    mine = as_user(ws, ws.people.manager_s).list_customers(CustomerQuery(scope="team"), 0, 10)
    assert "上海华信贸易有限公司" in {r.name for r in mine}  # Ned's customer came along
    assert dialog.users.selected().id == ned.id  # still the chosen row


def test_the_last_admin_keeps_the_role_with_the_form_kept(qtbot, ws, monkeypatch):
    dialog = open_dialog(qtbot, ws)
    choose(dialog, ws.people.admin)
    forms = []

    def fill(form: UserEditDialog):
        forms.append(form)
        form.role.setCurrentIndex(form.role.findData("rep"))

    drive(monkeypatch, qtbot, UserEditDialog, fill)
    qtbot.mouseClick(dialog.users.edit_button, LEFT)
    form = forms[0]
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.problem.isVisible() and form.problem.text()
    assert form.role.currentData() == "rep" and form.ok_button.isEnabled()
    assert row_of(ws, ws.people.admin.id).role == "admin"


def test_an_admin_resets_a_password(qtbot, ws, monkeypatch):
    dialog = open_dialog(qtbot, ws)
    lina = ws.people.rep_s1
    choose(dialog, lina)

    def fill(form: ResetPasswordDialog):
        qtbot.keyClicks(form.password.first, "short")
        qtbot.keyClicks(form.password.second, "short")
        qtbot.mouseClick(form.ok_button, LEFT)  # the model's rule, in words
        assert form.isVisible() and "at least 8 characters" in form.problem.text()
        for edit in (form.password.first, form.password.second):
            edit.setText(PASSWORD)

    drive(monkeypatch, qtbot, ResetPasswordDialog, fill)
    qtbot.mouseClick(dialog.users.reset_button, LEFT)
    assert "new password for 李娜" in dialog.users.message.text()
    assert row_of(ws, lina.id).must_change_password
    assert sign_in_db(ws.db, "rep_s1", PASSWORD, NOW).id == lina.id


def test_a_locked_out_user_is_unlocked(qtbot, ws):
    ned = ws.people.rep_n2
    with ws.db.writing() as s:
        s.execute(update(User).where(User.id == ned.id)
                  .values(failed_logins=5, locked_until=NOW + timedelta(minutes=10)))  # fmt: skip
    runner = QueueRunner()
    dialog = open_dialog(qtbot, ws, runner)
    runner.run_all()
    assert cell(dialog, ned.name, UsersTableModel.STATUS).startswith("Locked until")
    choose(dialog, ned)
    assert dialog.users.unlock_button.isEnabled()
    qtbot.mouseClick(dialog.users.unlock_button, LEFT)
    assert not any(b.isEnabled() for b in dialog.users.buttons)  # while it runs
    runner.run_all()
    assert cell(dialog, ned.name, UsersTableModel.STATUS) == "Active"
    assert not dialog.users.unlock_button.isEnabled()
    assert "Unlocked Ned North" in dialog.users.message.text()
    assert row_of(ws, ned.id).locked_until is None


def test_deactivating_a_rep_hands_their_customers_to_a_colleague(qtbot, ws, monkeypatch):
    p = ws.people
    dialog = open_dialog(qtbot, ws)
    choose(dialog, p.rep_s1)  # owns 深圳科达 and 杭州云帆
    asked = []
    monkeypatch.setattr(handover_dialog, "confirm_deactivate",
                        lambda parent, text: asked.append(text) or True)  # fmt: skip

    def fill(form: HandoverDialog):
        assert "owns 2 customers and 0 open deals" in en(form.holds.text())
        assert form.colleague.findData(p.rep_s1.id) < 0  # not to themselves
        qtbot.mouseClick(form.ok_button, LEFT)  # no colleague chosen yet
        assert form.isVisible() and "Choose the colleague" in form.problem.text()
        assert not asked
        form.colleague.setCurrentIndex(form.colleague.findData(p.manager_s.id))

    drive(monkeypatch, qtbot, HandoverDialog, fill)
    qtbot.mouseClick(dialog.users.deactivate_button, LEFT)
    assert [en(t) for t in asked] == ["Deactivate 李娜? 2 customers will go to Sam South."]
    assert en(dialog.users.message.text()) == "Deactivated 李娜. 2 customers went to Sam South."
    assert cell(dialog, p.rep_s1.name, UsersTableModel.STATUS) == "Deactivated"
    assert cell(dialog, p.rep_s1.name, UsersTableModel.CUSTOMERS) == "0"
    assert cell(dialog, p.manager_s.name, UsersTableModel.CUSTOMERS) == "2"
    assert dialog.users.reactivate_button.isEnabled()
    assert not dialog.users.deactivate_button.isEnabled()
    mine = as_user(ws, p.manager_s).list_customers(CustomerQuery(scope="mine"), 0, 10)
    assert {r.name for r in mine} == {"深圳科达电子有限公司", "杭州云帆网络有限公司"}
    with ws.db.reading() as s:
        kinds = s.scalars(select(OwnershipEvent.kind).where(
            OwnershipEvent.from_owner_id == p.rep_s1.id)).all()  # fmt: skip
    assert kinds == ["transferred", "transferred"]

    qtbot.mouseClick(dialog.users.reactivate_button, LEFT)
    assert cell(dialog, p.rep_s1.name, UsersTableModel.STATUS) == "Active"
    assert "Reactivated 李娜" in dialog.users.message.text()


def test_deactivating_releases_customers_to_a_pool_with_a_reason(qtbot, ws, monkeypatch):
    p = ws.people
    dialog = open_dialog(qtbot, ws)
    choose(dialog, p.rep_n1)  # owns 北京星辰
    monkeypatch.setattr(handover_dialog, "confirm_deactivate", lambda parent, text: True)

    def fill(form: HandoverDialog):
        form.to_pool.setChecked(True)
        assert not form.colleague.isEnabled() and form.reason.isEnabled()
        qtbot.mouseClick(form.ok_button, LEFT)
        assert form.isVisible() and "why" in form.problem.text()
        form.reason.setCurrentIndex(form.reason.findData("other"))
        qtbot.mouseClick(form.ok_button, LEFT)
        assert form.isVisible() and "few words" in form.problem.text()
        type_text(qtbot, form.reason_text, "张伟离职")

    drive(monkeypatch, qtbot, HandoverDialog, fill)
    qtbot.mouseClick(dialog.users.deactivate_button, LEFT)
    assert en(dialog.users.message.text()) == "Deactivated 张伟. 1 customer went back to “公海”."
    with ws.db.reading() as s:
        owner, pool = s.execute(select(Customer.owner_id, Customer.pool_id).where(
            Customer.name == "北京星辰科技有限公司")).one()  # fmt: skip
        event = s.scalars(select(OwnershipEvent).where(
            OwnershipEvent.from_owner_id == p.rep_n1.id)).one()  # fmt: skip
        assert (owner, pool) == (None, 1)
        assert (event.kind, event.reason_code, event.reason_text) == (
            "released", "other", "张伟离职")  # fmt: skip


def test_open_deals_go_to_a_colleague_when_the_customers_go_to_a_pool(qtbot, ws, monkeypatch):
    p = ws.people
    with ws.db.reading() as s:
        star = s.scalar(select(Customer.id).where(Customer.name == "北京星辰科技有限公司"))
    pipeline = ws.pipelines()[0]
    for title in ("年度采购", "二期"):
        ws.create_deal(DealInput(customer_id=star, title=title, pipeline_id=pipeline.id,
                                 owner_id=p.rep_n1.id))  # fmt: skip
    dialog = open_dialog(qtbot, ws)
    choose(dialog, p.rep_n1)
    assert cell(dialog, p.rep_n1.name, UsersTableModel.DEALS) == "2"
    monkeypatch.setattr(handover_dialog, "confirm_deactivate", lambda parent, text: True)

    def fill(form: HandoverDialog):
        assert "owns 1 customer and 2 open deals" in en(form.holds.text())
        form.to_pool.setChecked(True)
        form.reason.setCurrentIndex(form.reason.findData("no_need"))
        qtbot.mouseClick(form.ok_button, LEFT)  # deals never go to a pool
        assert form.isVisible() and "open deals" in form.problem.text()
        form.deals_to.setCurrentIndex(form.deals_to.findData(p.rep_n2.id))

    drive(monkeypatch, qtbot, HandoverDialog, fill)
    qtbot.mouseClick(dialog.users.deactivate_button, LEFT)
    assert en(dialog.users.message.text()) == (
        "Deactivated 张伟. 1 customer went back to “公海”. 2 open deals went to Ned North."
    )
    assert cell(dialog, p.rep_n2.name, UsersTableModel.DEALS) == "2"


def test_a_refused_deactivation_keeps_the_choices(qtbot, ws, monkeypatch):
    p = ws.people
    dialog = open_dialog(qtbot, ws)
    choose(dialog, p.rep_s1)
    monkeypatch.setattr(handover_dialog, "confirm_deactivate", lambda parent, text: True)
    forms = []

    def fill(form: HandoverDialog):
        forms.append(form)
        form.colleague.setCurrentIndex(form.colleague.findData(p.rep_n2.id))
        # meanwhile another admin deactivates the chosen colleague
        with ws.db.writing() as s:
            s.execute(update(User).where(User.id == p.rep_n2.id).values(active=False))

    drive(monkeypatch, qtbot, HandoverDialog, fill)
    qtbot.mouseClick(dialog.users.deactivate_button, LEFT)
    form = forms[0]
    assert form.result() != QDialog.DialogCode.Accepted and form.problem.text()
    assert form.colleague.currentData() == p.rep_n2.id and form.ok_button.isEnabled()
    assert row_of(ws, p.rep_s1.id).active


def test_one_cannot_deactivate_oneself(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    choose(dialog, ws.people.admin)
    assert dialog.users.edit_button.isEnabled()
    assert not dialog.users.deactivate_button.isEnabled()


def test_teams_new_edit_and_a_non_empty_team_is_not_deleted(qtbot, ws, monkeypatch):
    dialog = open_dialog(qtbot, ws)
    teams = dialog.teams
    dialog.tabs.setCurrentWidget(teams)
    asked = []
    monkeypatch.setattr(teams_tab, "confirm_delete_team",
                        lambda parent, name: asked.append(name) or True)  # fmt: skip
    teams.choose(ws.people.manager_n.team_id)
    qtbot.mouseClick(teams.delete_button, LEFT)
    assert "North" in [t.name for t in ws.teams_admin()]
    assert teams.problem.isVisible() and "3" in teams.problem.text()
    assert not asked  # refused at once, without a question first
    teams.choose(ws.people.manager_s.team_id)
    assert not teams.problem.isVisible()  # it was about North

    def fill(form: TeamDialog):
        qtbot.keyClicks(form.name, "East")
        qtbot.keyClicks(form.customer_cap, "30")

    drive(monkeypatch, qtbot, TeamDialog, fill)
    qtbot.mouseClick(teams.new_button, LEFT)
    east = next(t for t in ws.teams_admin() if t.name == "East")
    assert (east.customer_cap, east.locked_cap, east.members) == (30, None, 0)
    assert "Created the team East" in teams.message.text()
    # the users' team choice has it now
    assert "East" in [name for _id, name in dialog.users.teams]

    def rename(form: TeamDialog):
        form.name.setText("East Coast")
        form.customer_cap.clear()

    drive(monkeypatch, qtbot, TeamDialog, rename)
    teams.choose(east.id)
    qtbot.mouseClick(teams.edit_button, LEFT)
    east = next(t for t in ws.teams_admin() if t.id == east.id)
    assert (east.name, east.customer_cap) == ("East Coast", None)

    teams.choose(east.id)
    qtbot.mouseClick(teams.delete_button, LEFT)
    assert asked == ["East Coast"]
    assert "East Coast" not in [t.name for t in ws.teams_admin()]
    assert "Deleted the team East Coast" in teams.message.text()
    assert teams.table.rowCount() == 2


def test_a_team_name_taken_is_said_in_the_form(qtbot, ws, monkeypatch):
    dialog = open_dialog(qtbot, ws)
    forms = []

    def fill(form: TeamDialog):
        forms.append(form)
        qtbot.keyClicks(form.name, "south")

    drive(monkeypatch, qtbot, TeamDialog, fill)
    qtbot.mouseClick(dialog.teams.new_button, LEFT)
    form = forms[0]
    assert form.result() != QDialog.DialogCode.Accepted and form.problem.text()
    assert form.name.text() == "south" and form.name.styleSheet()


def test_a_manager_sees_it_read_only(qtbot, ws):
    manager = as_user(ws, ws.people.manager_n)
    dialog = open_dialog(qtbot, manager)
    assert set(names(dialog)) == {"Nina North", "张伟", "Ned North"}  # their team
    assert not any(b.isVisible() for b in dialog.users.buttons)
    assert not dialog.teams.new_button.isVisible()


def test_a_colleagues_change_reloads_the_list(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    other = as_user(ws, ws.people.admin)
    result = other.unlock_user(ws.people.rep_n2.id)  # any change of users
    with ws.db.writing() as s:
        s.execute(update(User).where(User.id == ws.people.rep_n2.id).values(name="Ned Neu"))
    dialog.ctx.broadcast(result.change)
    assert "Ned Neu" in names(dialog)


@pytest.mark.parametrize("tab", [0, 1])
def test_screenshot(qtbot, ws, tmp_path, tab):
    """Looked at by hand while building (the PNG); here: it paints."""
    dialog = open_dialog(qtbot, ws)
    dialog.tabs.setCurrentIndex(tab)
    dialog.users.choose(ws.people.rep_s1.id)
    assert not dialog.grab().isNull()


def test_the_dialog_never_waits_on_the_database(qtbot, ws):
    from gui_helpers import GuiThreadGuard

    from crmdesk.tasks import TaskRunner

    ned = ws.people.rep_n2
    with ws.db.writing() as s:
        s.execute(update(User).where(User.id == ned.id).values(locked_until=NOW + timedelta(1)))
    guard = GuiThreadGuard(ws)
    runner = TaskRunner()
    dialog = open_dialog(qtbot, guard, runner)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    choose(dialog, ned)
    qtbot.mouseClick(dialog.users.unlock_button, LEFT)
    qtbot.waitUntil(lambda: dialog.users.message.isVisible(), timeout=5000)
    qtbot.waitUntil(
        lambda: cell(dialog, ned.name, UsersTableModel.STATUS) == "Active", timeout=5000
    )
    runner.wait()
    assert guard.calls_on_gui_thread == []
    assert row_of(ws, ned.id).locked_until is None


def test_the_layout_stays_put_headers_fit_and_space_stays_in_the_list(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    users = dialog.users
    header = users.table.horizontalHeader()
    assert not header.highlightSections()  # a selected row never turns the headers bold
    for column in (UsersTableModel.CUSTOMERS, UsersTableModel.DEALS):
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width()
    y = users.new_button.mapTo(dialog, users.new_button.rect().topLeft()).y()
    choose(dialog, ws.people.rep_n2)
    users.say("Saved Ned North.")  # the status line appears: the buttons stay where they were
    qtbot.wait(10)
    assert users.new_button.mapTo(dialog, users.new_button.rect().topLeft()).y() == y
    # A click leaves the focus in the list: Space typed there presses no button.
    for button in users.buttons:
        assert button.focusPolicy() == Qt.FocusPolicy.TabFocus and not button.autoDefault()
    dialog.grab().save("/tmp/users_tab.png")


def test_the_teams_tab_says_when_there_are_none(qtbot, local_db):
    from helpers import People
    from sqlalchemy import delete

    from crmdesk.models.schema import Team

    people = People(local_db)
    with local_db.writing() as s:
        s.execute(update(User).values(team_id=None))
        s.execute(delete(Team))
    ws = Workspace(local_db, people.admin, clock=lambda: NOW)
    dialog = open_dialog(qtbot, ws)
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.loaded)
    label = dialog.teams.empty.label
    assert label.isVisible() and label.text().startswith("No teams yet.")
    dialog.grab().save("/tmp/teams_empty.png")


def test_the_two_password_fields_are_as_wide(qtbot, ws):
    form = UserEditDialog(PageContext(ws), [], None)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    pair = form.password
    assert pair.first.width() == pair.second.width()
    form.grab().save("/tmp/new_user.png")
