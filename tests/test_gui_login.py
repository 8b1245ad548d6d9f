"""Signing in (LoginDialog), changing a password, the first admin of an empty server and an
older server schema, as a user goes through them; the start-up flow (app._Opening) on real
PostgreSQL / MariaDB databases."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from gui_helpers import type_text
from helpers import server_database
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update
from sqlalchemy import text as sql

from crmdesk import app as app_module
from crmdesk.models.auth import LOCK_AFTER, SignInRefused, hash_password, verify_password
from crmdesk.models.checks import utc_now
from crmdesk.models.database import open_database
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.schema import User
from crmdesk.tasks import SyncRunner, TaskRunner
from crmdesk.views.errors import error_text
from crmdesk.views.login_dialog import LoginDialog
from crmdesk.views.password_dialogs import ChangePasswordDialog, NewPasswordDialog
from crmdesk.views.setup_dialogs import FirstAdminDialog, SchemaTooOldDialog

PASSWORD = "lantern-92"
SERVERS = {"postgresql": "CRMDESK_TEST_PG_URL", "mariadb": "CRMDESK_TEST_MYSQL_URL"}


def _set_password(db, login: str, password: str, must_change: bool = False) -> None:
    with db.writing() as s:
        s.execute(
            update(User)
            .where(User.login == login)
            .values(password_hash=hash_password(password), must_change_password=must_change)
        )


def _sign_in(qtbot, dialog: LoginDialog, login: str, password: str) -> None:
    dialog.login.clear()
    qtbot.keyClicks(dialog.login, login)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)


def test_sign_in_right_wrong_and_locked(qtbot, db, people):
    _set_password(db, "rep_n1", PASSWORD)
    dialog = LoginDialog(db, SyncRunner(), login="rep_n1")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.login.text() == "rep_n1"
    _sign_in(qtbot, dialog, "rep_n1", "not-it-at-all")
    assert dialog.result() != LoginDialog.DialogCode.Accepted and dialog.user is None
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == error_text(SignInRefused("bad_credentials"))
    assert dialog.password.text() == "" and dialog.login.text() == "rep_n1"  # login kept
    _sign_in(qtbot, dialog, "nobody", "not-it-at-all")  # an unknown login: the same words
    assert dialog.problem.text() == error_text(SignInRefused("bad_credentials"))
    qtbot.keyClicks(dialog.password, "x")
    assert not dialog.problem.isVisible()  # typing clears the complaint
    _sign_in(qtbot, dialog, " REP_N1 ", PASSWORD)  # trimmed, any case
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.user.id == people.rep_n1.id

    locked = LoginDialog(db, SyncRunner())
    qtbot.addWidget(locked)
    locked.show()
    for _ in range(LOCK_AFTER):
        _sign_in(qtbot, locked, "rep_n1", "wrong-password")
    _sign_in(qtbot, locked, "rep_n1", PASSWORD)  # the right one, too late
    assert locked.result() != LoginDialog.DialogCode.Accepted and locked.user is None
    until = db.read(lambda s: s.scalar(select(User.locked_until).where(User.login == "rep_n1")))
    assert until is not None and until > utc_now() + timedelta(minutes=10)
    assert locked.problem.text() == error_text(SignInRefused("locked", until))
    assert locked.problem.text() != error_text(SignInRefused("bad_credentials"))


def test_an_empty_field_is_asked_for_without_asking_the_server(qtbot, db, people):
    dialog = LoginDialog(db, SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and dialog.focusWidget() is dialog.login
    qtbot.keyClicks(dialog.login, "rep_n1")
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and dialog.focusWidget() is dialog.password
    failed = db.read(lambda s: s.scalar(select(User.failed_logins).where(User.login == "rep_n1")))
    assert not failed  # nothing was counted


def test_sign_in_on_the_real_runner_keeps_the_window_answering(qtbot, db, people):
    _set_password(db, "admin", PASSWORD)
    runner = TaskRunner()
    dialog = LoginDialog(db, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    _sign_in(qtbot, dialog, "admin", PASSWORD)
    assert not dialog.sign_in.isEnabled()  # running: a second Enter starts nothing
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=10_000)
    assert dialog.user.id == people.admin.id and dialog.sign_in.isEnabled()
    runner.wait()


def test_change_password_checks_the_old_one_and_the_rules(qtbot, db, people):
    from crmdesk.models.auth import change_password

    _set_password(db, "rep_n1", PASSWORD, must_change=True)
    uid = people.rep_n1.id
    dialog = ChangePasswordDialog(
        SyncRunner(),
        lambda old, new: db.write(lambda s: change_password(s, uid, old, new, utc_now())),
        "rep_n1",
        forced=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()

    def fill(old: str, new: str, again: str) -> None:
        for edit, text in ((dialog.old, old), (dialog.new, new), (dialog.again, again)):
            edit.clear()
            qtbot.keyClicks(edit, text)
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    fill(PASSWORD, "short", "short")
    assert (
        dialog.problem.isVisible() and dialog.result() != ChangePasswordDialog.DialogCode.Accepted
    )
    fill(PASSWORD, "new-password-1", "new-password-2")
    assert "not the same" in dialog.problem.text()
    fill("wrong-old-one", "new-password-1", "new-password-1")
    assert dialog.problem.isVisible() and dialog.old.text() == ""  # the server said: wrong
    fill(PASSWORD, "new-password-1", "new-password-1")
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    stored = db.read(lambda s: s.scalar(select(User).where(User.id == uid)))
    assert verify_password("new-password-1", stored.password_hash)
    assert not stored.must_change_password


def test_new_password_dialog_checks_before_accepting(qtbot):
    dialog = NewPasswordDialog("王强", "wang")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "wang")
    qtbot.keyClicks(dialog.again, "wang")
    dialog._on_ok_clicked()
    assert dialog.problem.isVisible() and dialog.result() != NewPasswordDialog.DialogCode.Accepted
    dialog.password.setText("river-stone-7")
    dialog.again.setText("river-stone-7")
    dialog._on_ok_clicked()
    assert dialog.result() == NewPasswordDialog.DialogCode.Accepted
    assert dialog.value() == "river-stone-7"


def test_schema_too_old_dialog_upgrades_for_an_admin_and_tells_others_to_ask(qtbot):
    from crmdesk.models.server_setup import UpgradeRefused

    tried = []

    def upgrade(login, password):
        tried.append((login, password))
        if login != "boss":
            raise UpgradeRefused(reason="not_admin", needed="0015")
        return ("0014", "0015")

    dialog = SchemaTooOldDialog(SyncRunner(), upgrade, "0014", "0015")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "wang")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.upgrade_button, Qt.MouseButton.LeftButton)
    words = dialog.problem.text().lower()
    assert "ask your administrator to upgrade the database to version 0015" in words
    assert (
        dialog.password.text() == "" and dialog.result() != SchemaTooOldDialog.DialogCode.Accepted
    )
    dialog.login.setText("boss")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.upgrade_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SchemaTooOldDialog.DialogCode.Accepted
    assert tried == [("wang", PASSWORD), ("boss", PASSWORD)]


# ------------------------------------------------------------------ the start-up flow


@pytest.fixture(params=list(SERVERS))
def empty_server(request):
    var = SERVERS[request.param]
    if not os.environ.get(var):
        pytest.skip(f"{var} is not set")
    url, drop = server_database(os.environ[var], "crmdesk_login")
    yield url
    drop()


def _drive(monkeypatch, cls, act) -> list:
    """Each time a dialog of this class is shown (modal), act(dialog) plays the user; a
    dialog still open after 60 s is cancelled (the test then fails on what it expected)."""
    shown = []
    real = cls.exec

    def exec_(self):
        shown.append(self)
        QTimer.singleShot(0, lambda: act(self))
        QTimer.singleShot(60_000, self.reject)
        return real(self)

    monkeypatch.setattr(cls, "exec", exec_)
    return shown


def _window(qtbot, url):
    _app, window = app_module.start_gui(url, "en", ["t"])
    qtbot.addWidget(window)
    return window


def _close(window) -> None:
    window.close()
    window.runner.wait()
    if window.workspace is not None:
        window.workspace.db.close()


def test_an_empty_server_is_set_up_with_its_first_admin(qtbot, empty_server, monkeypatch, tmp_path):
    from crmdesk.views import prompts

    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path))
    asked = []
    monkeypatch.setattr(prompts, "confirm_set_up", lambda parent, where: asked.append(where) or 1)

    def first_admin(dialog):
        type_text(qtbot, dialog.name, "林萍")
        qtbot.keyClicks(dialog.login, "lin")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.again, PASSWORD)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    shown = _drive(monkeypatch, FirstAdminDialog, first_admin)
    window = _window(qtbot, empty_server)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=60_000)
    assert len(asked) == 1 and "crmdesk_login" in asked[0] and len(shown) == 1
    actor = window.workspace.actor
    assert (actor.name, actor.login, actor.is_admin) == ("林萍", "lin", True)
    assert "林萍" in window.user_label.text()
    users = window.workspace.db.read(lambda s: list(s.scalars(select(User))))
    assert len(users) == 1 and verify_password(PASSWORD, users[0].password_hash)
    actions = window.team_actions  # a server: change password and sign out; no local backup
    assert actions.change_password_action.isVisible() and actions.sign_out_action.isVisible()
    assert actions.users_action.isVisible() and not actions.back_up_action.isVisible()
    _close(window)


def test_a_reset_password_is_changed_before_the_window_opens(
    qtbot, empty_server, monkeypatch, tmp_path
):
    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path))
    db = open_database(empty_server, setup=True)
    with db.writing() as s:
        s.add(User(name="王强", login="wang", role="rep", active=True, created_at=utc_now()))
    _set_password(db, "wang", PASSWORD, must_change=True)
    db.close()

    behind: list[str] = []

    def login(dialog):
        window = dialog.parent()  # what the window says behind the sign-in
        behind.extend([window.user_label.text(), window.stack.currentWidget().text()])
        _sign_in(qtbot, dialog, "wang", PASSWORD)

    def change(dialog):
        assert dialog.old.isHidden()  # the password just typed to sign in is passed in
        for edit, text in ((dialog.new, "my-own-one-1"), (dialog.again, "my-own-one-1")):
            qtbot.keyClicks(edit, text)
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    logins = _drive(monkeypatch, LoginDialog, login)
    changes = _drive(monkeypatch, ChangePasswordDialog, change)
    window = _window(qtbot, empty_server)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=60_000)
    assert len(logins) == 1 and len(changes) == 1
    assert behind == ["Waiting for sign-in…"] * 2  # not "Opening the database…"
    assert window.workspace.actor.login == "wang"
    stored = window.workspace.db.read(lambda s: s.scalar(select(User).where(User.login == "wang")))
    assert verify_password("my-own-one-1", stored.password_hash)
    assert not stored.must_change_password
    assert app_module.open_settings().value("database/login") == "wang"  # offered next time
    _close(window)


def test_cancelling_the_forced_change_ends_the_program(qtbot, empty_server, monkeypatch, tmp_path):
    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path))
    db = open_database(empty_server, setup=True)
    with db.writing() as s:
        s.add(User(name="王强", login="wang", role="rep", active=True, created_at=utc_now()))
    _set_password(db, "wang", PASSWORD, must_change=True)
    db.close()
    exits = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    _drive(monkeypatch, LoginDialog, lambda d: _sign_in(qtbot, d, "wang", PASSWORD))
    _drive(monkeypatch, ChangePasswordDialog, lambda d: d.reject())
    window = _window(qtbot, empty_server)
    qtbot.waitUntil(lambda: exits == [1], timeout=60_000)
    assert window.workspace is None
    window.runner.wait()


def test_first_admin_dialog_keeps_what_was_typed_when_refused(qtbot):
    def create(name, login, password):
        raise ValidationFailed(errors=[("login", "invalid")])

    dialog = FirstAdminDialog(SyncRunner(), create, "postgresql://x@y/z")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "林萍")
    qtbot.keyClicks(dialog.login, "lin")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.again, PASSWORD)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and dialog.result() != FirstAdminDialog.DialogCode.Accepted
    assert (dialog.name.text(), dialog.login.text()) == ("林萍", "lin")
    assert dialog.ok.isEnabled()


def _server_at(url: str, revision: str) -> None:
    """The server database migrated to an older revision, as an older crmdesk left it."""
    from alembic import command

    from crmdesk.models.database import _alembic_config, create_db_engine, normalize_url

    engine = create_db_engine(normalize_url(url))
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        for login, role in (("boss", "admin"), ("wang", "rep")):
            conn.execute(
                sql("INSERT INTO users (name, name_sort, login, role, active, created_at, "
                    "password_hash) VALUES (:n, :n, :n, :r, :a, :at, :h)"),
                {"n": login, "r": role, "a": True, "at": utc_now(),
                 "h": hash_password(PASSWORD)},
            )  # fmt: skip
    engine.dispose()


def test_an_older_server_is_upgraded_by_an_admin_then_signed_in(
    qtbot, empty_server, monkeypatch, tmp_path
):
    from crmdesk.models.migrations import HEAD

    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path))
    _server_at(empty_server, "0014")
    said = []

    def upgrade(dialog):
        qtbot.keyClicks(dialog.login, "wang")  # a rep: told to ask
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.upgrade_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=60_000)
        said.append(dialog.problem.text())
        dialog.login.setText("boss")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.upgrade_button, Qt.MouseButton.LeftButton)

    upgrades = _drive(monkeypatch, SchemaTooOldDialog, upgrade)
    logins = _drive(monkeypatch, LoginDialog, lambda d: _sign_in(qtbot, d, "wang", PASSWORD))
    window = _window(qtbot, empty_server)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=90_000)
    assert len(upgrades) == 1 and len(logins) == 1
    assert f"ask your administrator to upgrade the database to version {HEAD}" in said[0].lower()
    assert window.workspace.actor.login == "wang"
    revision = window.workspace.db.read(
        lambda s: s.execute(sql("SELECT version_num FROM alembic_version")).scalar()
    )
    assert revision == HEAD
    _close(window)


def test_enter_after_a_wrong_password_signs_in_again_never_cancels(qtbot, db, people):
    """Sign in stays the default button through a refused attempt (its button disabled while
    it ran gave Cancel the focus, and the next Enter cancelled); the cleared password field
    has the focus again."""
    from PySide6.QtWidgets import QDialogButtonBox

    _set_password(db, "rep_n1", PASSWORD)
    dialog = LoginDialog(db, SyncRunner(), login="rep_n1")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.password.hasFocus())
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    for _ in range(2):
        qtbot.keyClicks(dialog.password, "not-it-at-all")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.problem.isVisible() and dialog.isVisible()
        assert dialog.result() != LoginDialog.DialogCode.Rejected or dialog.isVisible()
        assert dialog.sign_in.isDefault() and not cancel.isDefault()
        assert dialog.password.text() == "" and dialog.password.hasFocus()
    failed = db.read(lambda s: s.scalar(select(User.failed_logins).where(User.login == "rep_n1")))
    assert failed == 2  # both attempts reached the server
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == LoginDialog.DialogCode.Accepted and dialog.user.login == "rep_n1"
    assert dialog.signed_in_with == PASSWORD  # the forced change does not ask it again


def test_a_mismatch_puts_the_focus_in_the_cleared_again_field(qtbot):
    calls = []
    dialog = ChangePasswordDialog(SyncRunner(), lambda old, new: calls.append((old, new)),
                                  "wang", forced=True, current=PASSWORD)  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    assert dialog.old.isHidden()  # typed a moment ago to sign in: not asked again
    qtbot.waitUntil(lambda: dialog.new.hasFocus())
    qtbot.keyClicks(dialog.new, "harbour-light-3")
    qtbot.keyClicks(dialog.again, "harbour-light-4")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert "not the same" in dialog.problem.text()
    assert dialog.again.text() == "" and dialog.again.hasFocus()  # not the end of New
    qtbot.keyClicks(dialog.again, "harbour-light-3")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert calls == [(PASSWORD, "harbour-light-3")]
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    rules = ChangePasswordDialog(SyncRunner(), lambda old, new: None, "wang")
    qtbot.addWidget(rules)
    rules.show()
    rules.activateWindow()
    qtbot.waitUntil(rules.isActiveWindow)
    qtbot.keyClicks(rules.old, PASSWORD)
    qtbot.keyClicks(rules.new, "short")
    qtbot.keyClicks(rules.again, "short")
    qtbot.mouseClick(rules.save, Qt.MouseButton.LeftButton)
    assert rules.problem.isVisible() and rules.new.hasFocus()  # the new one breaks a rule
    assert rules.new.selectedText() == "short"
