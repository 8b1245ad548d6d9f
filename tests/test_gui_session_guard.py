"""The session guard (views/session_guard.py) as a user sees it: a colleague deactivates the
user and, within a poll of the live refresh, the window says so and goes back to the sign-in; a
write refused because the account is inactive does the same; a new role shows at once.

The real window, runner, live refresh and guard; only the new window the sign-out would open
(app.open_in_new_window) is recorded instead, and message boxes are answered at once."""

from __future__ import annotations

import pytest
from helpers import NOW
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from crmdesk.models.customers import CustomerInput
from crmdesk.models.database import open_database
from crmdesk.models.errors import PermissionDenied
from crmdesk.models.schema import User
from crmdesk.models.user_admin import Handover, UserInput
from crmdesk.models.workspace import Workspace
from crmdesk.views.context import BROAD_CHANGE
from crmdesk.views.live_refresh import install_live_refresh
from crmdesk.views.session_guard import install_session_guard, refused_as_inactive

SIGNED_OUT = "Your account has been deactivated, so you have been signed out."


@pytest.fixture
def colleague(ws):
    """Ada, the admin, in another program on the same file."""
    db = open_database(ws.db.url.render_as_string(hide_password=False))
    yield Workspace(db, ws.people.admin, clock=lambda: NOW)
    db.close()


@pytest.fixture
def shown(monkeypatch):
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()) or 0)
    return texts


@pytest.fixture
def new_windows(monkeypatch):
    """What team_menu.sign_out asked app.open_in_new_window for."""
    import crmdesk.app

    calls: list[tuple] = []
    monkeypatch.setattr(
        crmdesk.app, "open_in_new_window", lambda old, url, profile=None: calls.append((old, url))
    )
    return calls


class AskingDialog(QDialog):
    """A form whose Cancel asks before throwing away what was typed (customer_dialog)."""

    asked = 0

    def reject(self) -> None:
        self.asked += 1  # "Discard the new customer?" answered No: it stays open


def open_window(qtbot, ws, tmp_path, user, *, live: bool = True):
    from crmdesk.views.main_window import MainWindow

    mine = Workspace(ws.db, user, clock=lambda: NOW)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(mine, settings, recycle=False)  # the services installed by hand below
    qtbot.addWidget(window)
    window.show()
    if live:
        refresh = install_live_refresh(window)
        refresh.timer.setInterval(100)
        qtbot.waitUntil(lambda: refresh.polls >= 1, timeout=5000)  # the feed's end is known
    guard = install_session_guard(window)
    assert install_session_guard(window) is guard  # attached twice: one guard
    return window, guard


def test_a_colleague_deactivates_the_user_and_the_window_signs_out_within_a_poll(
    qtbot, ws, tmp_path, colleague, shown, new_windows
):
    people = ws.people
    window, guard = open_window(qtbot, ws, tmp_path, people.manager_n)
    window.workspace.actor_max_age_s = 3600  # the pages' reads would not notice: the guard must
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    colleague.deactivate_user(people.manager_n.id, Handover(to_user_id=people.rep_n2.id))
    qtbot.waitUntil(lambda: bool(new_windows), timeout=5000)
    assert guard.signing_out and not window.live_refresh.timer.isActive()
    assert window.workspace.actor.active is False  # read again on the runner: deactivated
    assert any(t.startswith(SIGNED_OUT) for t in shown), shown
    assert new_windows == [(window, ws.db.url.render_as_string(hide_password=False))]
    # Once: the reads that met the refusal meanwhile do not sign out again.
    qtbot.wait(300)
    assert len(new_windows) == 1 and sum(t.startswith(SIGNED_OUT) for t in shown) == 1
    window.runner.wait()


def test_a_write_refused_as_inactive_signs_out_closing_the_windows_dialog_first(
    qtbot, ws, tmp_path, colleague, shown, new_windows
):
    from sqlalchemy import update

    people = ws.people
    window, guard = open_window(qtbot, ws, tmp_path, people.rep_n1, live=False)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    with colleague.db.writing() as s:  # behind the feed's back: only the write finds out
        s.execute(update(User).where(User.id == people.rep_n1.id).values(active=False))
    dialog = AskingDialog(window)  # the user is in a form when the refusal arrives
    closed = []
    dialog.rejected.connect(lambda: closed.append(True))

    def write() -> None:
        window.ctx.write(
            lambda: window.workspace.create_customer(CustomerInput(name="离职后的客户")),
            owner=dialog,
        )

    def give_up() -> None:  # the guard never came: fail, not hang
        if dialog.isVisible():
            closed.append("timed out")
            dialog.done(0)

    QTimer.singleShot(0, write)
    safety = QTimer(dialog, singleShot=True, interval=8000)  # goes with the dialog
    safety.timeout.connect(give_up)
    safety.start()
    dialog.exec()  # returns once the guard closes it
    assert closed == [True] and dialog.asked == 0  # closed without "discard what you typed?"
    qtbot.waitUntil(lambda: bool(new_windows), timeout=5000)
    assert shown[-1].startswith(SIGNED_OUT)
    assert any("deactivated" in t for t in shown[:-1])  # the refusal's own words came first
    assert new_windows[0][0] is window
    window.runner.wait()


def test_only_the_users_own_refusal_counts():
    assert refused_as_inactive(PermissionDenied("inactive", user_id=3), 3)
    # a pool's customers assigned to a colleague who has left (pool_actions.assign_from_pool)
    assert not refused_as_inactive(PermissionDenied("inactive", user_id=4), 3)
    assert not refused_as_inactive(PermissionDenied(action="edit", customer_id=1), 3)


def test_a_new_role_shows_at_once_without_signing_out(
    qtbot, ws, tmp_path, colleague, shown, new_windows
):
    people = ws.people
    window, _guard = open_window(qtbot, ws, tmp_path, people.manager_n)
    assert "Manager" in window.user_label.text()
    seen = []
    window.bus.changed.connect(seen.append)
    data = UserInput(
        name="Nina North", login="manager_n", role="rep", team_id=people.rep_n1.team_id
    )
    colleague.update_user(people.manager_n.id, data)
    qtbot.waitUntil(lambda: BROAD_CHANGE in seen, timeout=5000)  # every page reads again
    assert window.workspace.actor.role == "rep"
    assert "changed your role or team" in window.notice_line.text.text()
    assert "Manager" not in window.user_label.text()
    assert new_windows == [] and not any(t.startswith(SIGNED_OUT) for t in shown)
    window.runner.wait()


def test_a_demoted_admin_loses_the_admins_menus_at_once(
    qtbot, ws, tmp_path, colleague, shown, new_windows
):
    people = ws.people
    window, _guard = open_window(qtbot, ws, tmp_path, people.manager_n)
    promote = UserInput(name="Nina North", login="manager_n", role="admin", team_id=None)
    colleague.update_user(people.manager_n.id, promote)
    qtbot.waitUntil(lambda: window.workspace.actor.role == "admin", timeout=5000)
    qtbot.waitUntil(lambda: window.tags_action.isVisible(), timeout=5000)
    assert window._pipeline_menu.menuAction().isVisible()
    demote = UserInput(
        name="Nina North", login="manager_n", role="rep", team_id=people.rep_n1.team_id
    )
    colleague.update_user(people.manager_n.id, demote)
    qtbot.waitUntil(lambda: window.workspace.actor.role == "rep", timeout=5000)
    qtbot.waitUntil(lambda: not window.tags_action.isVisible(), timeout=5000)
    assert not window._pipeline_menu.menuAction().isVisible()
    assert not window._customers_menu.menuAction().isVisible()
    assert new_windows == []
    window.runner.wait()
