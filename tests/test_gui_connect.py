"""The connect dialog (views/connect_dialog.py): profiles saved without passwords (read back
from the files), the keychain when there is one, Test connection against real PostgreSQL and
MariaDB servers, and the start-up that asks for a server's password; File › Connect's
restart command."""

from __future__ import annotations

import os
import uuid

import keyring
import pytest
from helpers import server_database
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from test_profiles import MemoryKeyring

from crmdesk import app as app_module
from crmdesk import paths
from crmdesk.models import profiles
from crmdesk.models.database import open_database
from crmdesk.models.errors import DatabaseUnavailable
from crmdesk.tasks import SyncRunner, TaskRunner
from crmdesk.views import connect_dialog
from crmdesk.views.connect_dialog import ConnectDialog, probe, probe_text
from crmdesk.views.errors import error_text

SERVERS = {"postgresql": "CRMDESK_TEST_PG_URL", "mariadb": "CRMDESK_TEST_MYSQL_URL"}
SECRET = "Kw9-secret-pw"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path))
    previous = keyring.get_keyring()
    yield tmp_path
    keyring.set_keyring(previous)


@pytest.fixture(params=list(SERVERS))
def admin_url(request):
    var = SERVERS[request.param]
    if not os.environ.get(var):
        pytest.skip(f"{var} is not set")
    return os.environ[var]


def _fill(qtbot, dialog: ConnectDialog, kind: str, url, password: str = "") -> None:
    """Type a server's fields as a user would (the profile is the one shown)."""
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    for edit, value in ((dialog.host, url.host), (dialog.database, url.database or ""),
                        (dialog.user, url.username or "")):  # fmt: skip
        edit.clear()
        qtbot.keyClicks(edit, value)
    dialog.port.setValue(url.port or profiles.DEFAULT_PORTS[kind])
    dialog.password.clear()
    if password:
        qtbot.keyClicks(dialog.password, password)


def _kind(url) -> str:
    return "postgresql" if url.get_backend_name() == "postgresql" else "mysql"


def test_profiles_are_saved_and_passwords_never_written_to_a_file(qtbot, home):
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    dialog = ConnectDialog(SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 1 and not dialog.delete.isEnabled()  # the local file stays
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 2 and dialog.delete.isEnabled()
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Office")
    _fill(qtbot, dialog, "postgresql", make_url("postgresql://lin@db.example.cn/crm"), SECRET)
    assert dialog.remember.isVisible()
    dialog.remember.setChecked(True)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ConnectDialog.DialogCode.Accepted
    assert dialog.chosen.name == "Office" and make_url(dialog.url()).password == SECRET
    saved = profiles.last_profile()
    assert (saved.kind, saved.host, saved.port, saved.database, saved.user) == (
        "postgresql", "db.example.cn", 5432, "crm", "lin",
    )  # fmt: skip
    assert memory.kept == {("crmdesk", saved.account()): SECRET}
    settings = app_module.open_settings()
    url, name = app_module.start_url(settings)  # the next start: this profile …
    assert name == "Office" and make_url(url).password is None
    opening = app_module._Opening(None, url, name)
    assert make_url(opening.kept_password(url)).password == SECRET  # … its password, off-thread
    settings.sync()
    for path in (paths.config_dir() / "profiles.json", paths.config_dir() / "settings.ini"):
        if path.exists():
            assert SECRET not in path.read_text(encoding="utf-8")
    # Again, without Remember: the keychain forgets it.
    again = ConnectDialog(SyncRunner())
    qtbot.addWidget(again)
    assert again.current().name == "Office" and again.password.text() == SECRET
    again.remember.setChecked(False)
    qtbot.mouseClick(again.connect_button, Qt.MouseButton.LeftButton)
    assert memory.kept == {}


def test_without_a_keychain_the_password_is_asked_each_time(qtbot, home):
    keyring.set_keyring(fail.Keyring())
    dialog = ConnectDialog(SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    assert not dialog.remember.isVisible() and dialog.no_keyring.isVisible()
    _fill(qtbot, dialog, "mysql", make_url("mysql://root@10.1.2.3/team"), SECRET)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ConnectDialog.DialogCode.Accepted
    assert SECRET not in (paths.config_dir() / "profiles.json").read_text(encoding="utf-8")
    url, _name = app_module.start_url(app_module.open_settings())
    assert make_url(url).password is None and make_url(url).drivername == "mysql+pymysql"


def test_fields_ports_names_and_delete(qtbot, home, monkeypatch):
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    dialog = ConnectDialog(SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    assert dialog.port.value() == 5432 and dialog.host.isVisible() and not dialog.path.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("mysql"))
    assert dialog.port.value() == 3306  # the other server's default followed
    dialog.port.setValue(3307)
    dialog.kind.setCurrentIndex(dialog.kind.findData("postgresql"))
    assert dialog.port.value() == 3307  # a port the user chose stays
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and not dialog.result()  # no server, no database
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.host, "h")
    qtbot.keyClicks(dialog.database, "d")
    dialog.name.setText(dialog.profiles[1].name)
    dialog.name.textEdited.emit(dialog.name.text())
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert "already has this name" in dialog.problem.text() and not dialog.result()
    gone = dialog.current()
    profiles.save_password(gone, SECRET)
    asked = []
    monkeypatch.setattr(connect_dialog, "confirm_delete",
                        lambda parent, name: asked.append(name) or False)  # fmt: skip
    qtbot.mouseClick(dialog.delete, Qt.MouseButton.LeftButton)
    assert asked == [gone.name] and gone in dialog.profiles  # asked first; cancelled: kept
    monkeypatch.setattr(connect_dialog, "confirm_delete", lambda parent, name: True)
    qtbot.mouseClick(dialog.delete, Qt.MouseButton.LeftButton)
    assert gone not in dialog.profiles and profiles.load_password(gone) is None
    dialog.list.setCurrentRow(0)
    assert dialog.path.isVisible() and not dialog.host.isVisible()
    assert not dialog.delete.isEnabled() and not dialog.kind.isEnabled()


def _test(qtbot, dialog: ConnectDialog) -> str:
    dialog.status.clear()
    qtbot.mouseClick(dialog.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test.isEnabled() and bool(dialog.status.text()), timeout=30_000)
    return dialog.status.text()


def _words(reason: str) -> str:
    """The first line of error_text for an unusable database (the second names it)."""
    return error_text(DatabaseUnavailable(reason=reason)).splitlines()[0]


def test_test_connection_tells_what_is_wrong(qtbot, home, admin_url):
    """On the real runner: a user the server refuses, a database that is not there, an empty
    one (it will be set up), and one ready for work."""
    keyring.set_keyring(fail.Keyring())
    admin = make_url(admin_url)
    kind = _kind(admin)
    empty, drop = server_database(admin_url, "crmdesk_connect")
    runner = TaskRunner()
    dialog = ConnectDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready)  # the profiles, read on the runner
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    try:
        if kind == "postgresql":  # trust authentication: an unknown role is what it refuses
            refused = admin.set(username="nobody_" + uuid.uuid4().hex[:6])
            _fill(qtbot, dialog, kind, refused.set(database=make_url(empty).database))
        else:
            _fill(qtbot, dialog, kind, make_url(empty), "wrong-password")
        assert _test(qtbot, dialog).startswith(_words("auth_failed"))
        _fill(qtbot, dialog, kind, make_url(empty).set(database="no_such_db_x1"))
        assert _test(qtbot, dialog).startswith(_words("database_missing"))
        _fill(qtbot, dialog, kind, make_url(empty).set(port=1))  # nobody listens there
        assert _test(qtbot, dialog).startswith(_words("unreachable"))
        _fill(qtbot, dialog, kind, make_url(empty))
        assert _test(qtbot, dialog) == probe_text("empty")
        assert not open_database_tables(empty)  # testing set nothing up
        open_database(empty, setup=True).close()
        assert _test(qtbot, dialog) == probe_text("ok")
    finally:
        runner.wait()
        drop()


def open_database_tables(url: str) -> list[str]:
    from sqlalchemy import inspect

    engine = create_engine(url)
    try:
        return inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_a_server_that_wants_a_password_asks_for_it_at_start(qtbot, home, monkeypatch):
    """The last profile is a MariaDB account with a password and there is no keychain: the
    start opens the connect dialog on it; typed, the server opens and asks to sign in."""
    from crmdesk.models.auth import hash_password
    from crmdesk.models.checks import utc_now
    from crmdesk.models.schema import User
    from crmdesk.views.login_dialog import LoginDialog

    if not os.environ.get(SERVERS["mariadb"]):
        pytest.skip("no MariaDB server")
    keyring.set_keyring(fail.Keyring())
    admin_url = os.environ[SERVERS["mariadb"]]
    url, drop = server_database(admin_url, "crmdesk_pw")
    database = make_url(url).database
    account = "crm_" + uuid.uuid4().hex[:8]
    root = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with root.connect() as conn:
        conn.execute(text(f"CREATE USER '{account}'@'%' IDENTIFIED BY '{SECRET}'"))
        conn.execute(text(f"GRANT ALL ON `{database}`.* TO '{account}'@'%'"))
    db = open_database(url, setup=True)
    with db.writing() as s:
        s.add(User(name="王强", login="wang", role="rep", active=True, created_at=utc_now(),
                   password_hash=hash_password("lantern-92")))  # fmt: skip
    db.close()
    server = make_url(url)
    profile = profiles.Profile("Team", "mysql", host=server.host, port=server.port or 3306,
                               database=database, user=account)  # fmt: skip
    profiles.save_profiles([profiles.local_profile(), profile], last="Team")
    shown = []

    def connect(dialog):
        shown.append((dialog.current().name, dialog.intro.text()))
        qtbot.keyClicks(dialog.password, SECRET)
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    def sign_in(dialog):
        qtbot.keyClicks(dialog.login, "wang")
        qtbot.keyClicks(dialog.password, "lantern-92")
        qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)

    for cls, act in ((ConnectDialog, connect), (LoginDialog, sign_in)):
        monkeypatch.setattr(cls, "exec", _driven(cls.exec, act))
    window = None
    try:
        _app, window = app_module.start_gui(None, "en", ["t"])
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.workspace is not None, timeout=60_000)
        assert shown == [("Team", "The server asks for this connection's password: enter it.")]
        assert window.workspace.actor.login == "wang"
        assert SECRET not in (paths.config_dir() / "profiles.json").read_text(encoding="utf-8")
    finally:
        if window is not None:
            window.close()
            window.runner.wait()
            if window.workspace is not None:
                window.workspace.db.close()
        drop()
        with root.connect() as conn:
            conn.execute(text(f"DROP USER '{account}'@'%'"))
        root.dispose()


def _driven(real_exec, act):
    def exec_(self):
        def when_ready() -> None:  # the connect dialog reads its profiles on the runner
            if getattr(self, "ready", True):
                act(self)
            else:
                QTimer.singleShot(10, when_ready)

        QTimer.singleShot(0, when_ready)
        QTimer.singleShot(60_000, self.reject)
        return real_exec(self)

    return exec_


# ------------------------------------------------------------------ the File menu


def _window(qtbot, workspace, tmp_path):
    from PySide6.QtCore import QSettings

    from crmdesk.views.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, settings, recycle=False)
    window.show()  # not given to qtbot: File › Connect and Sign out delete it
    return window


def _gone(window) -> bool:
    from shiboken6 import Shiboken

    QApplication.processEvents()
    return not Shiboken.isValid(window) or not window.isVisible()


def test_file_menu_on_the_local_file(qtbot, ws, tmp_path, monkeypatch, home):
    from crmdesk.views.setup_dialogs import FirstRunDialog

    window = _window(qtbot, ws, tmp_path)
    actions = window.team_actions
    assert actions.connect_action.isVisible() and actions.users_action.isVisible()
    assert actions.back_up_action.isVisible() and actions.restore_action.isVisible()
    assert not actions.change_password_action.isVisible()  # no passwords on the local file
    assert not actions.sign_out_action.isVisible()
    real = ConnectDialog.exec
    monkeypatch.setattr(ConnectDialog, "exec", _driven(real, lambda d: d.reject()))
    actions.connect_action.trigger()
    assert window.isVisible()  # cancelled: nothing changed
    other = home / "other.sqlite"

    def choose_file(dialog):
        dialog.list.setCurrentRow(0)
        qtbot.keyClicks(dialog.path, str(other))
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    def first_run(dialog):
        dialog.name.setText("林萍")
        return FirstRunDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectDialog, "exec", _driven(real, choose_file))
    monkeypatch.setattr(FirstRunDialog, "exec", first_run)
    actions.connect_action.trigger()
    new = app_module._windows[0]
    qtbot.addWidget(new)
    try:
        qtbot.waitUntil(lambda: new.workspace is not None, timeout=30_000)
        assert _gone(window) and new is not window  # the old window gone
        assert new.workspace.db.url.database == str(other)
        assert profiles.last_profile().path == str(other)  # and at the next start
    finally:
        new.close()
        new.runner.wait()
        if new.workspace is not None:
            new.workspace.db.close()


def test_file_menu_on_a_server_changes_the_password(qtbot, db, people, tmp_path, monkeypatch):
    from sqlalchemy import select, update

    from crmdesk.models.auth import hash_password, verify_password
    from crmdesk.models.schema import User
    from crmdesk.models.workspace import Workspace
    from crmdesk.views.login_dialog import LoginDialog
    from crmdesk.views.password_dialogs import ChangePasswordDialog

    if db.is_local:
        pytest.skip("a server's menu: the local file has no passwords")
    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path))
    with db.writing() as s:
        s.execute(update(User).where(User.id == people.rep_n1.id)
                  .values(password_hash=hash_password("lantern-92")))  # fmt: skip
    window = _window(qtbot, Workspace(db, people.rep_n1), tmp_path)
    actions = window.team_actions
    assert actions.change_password_action.isVisible() and actions.sign_out_action.isVisible()
    assert not actions.users_action.isVisible() and not actions.copy_action.isVisible()
    assert not actions.back_up_action.isVisible()

    def change(dialog):
        for edit, typed in ((dialog.old, "lantern-92"), (dialog.new, "harbour-light-3"),
                            (dialog.again, "harbour-light-3")):  # fmt: skip
            qtbot.keyClicks(edit, typed)
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(ChangePasswordDialog, "exec", _driven(ChangePasswordDialog.exec, change))
    actions.change_password_action.trigger()
    window.runner.wait()
    stored = db.read(lambda s: s.scalar(select(User.password_hash).where(User.login == "rep_n1")))
    assert verify_password("harbour-light-3", stored)
    with db.writing() as s:
        s.execute(update(User).where(User.id == people.rep_n2.id)
                  .values(password_hash=hash_password("other-pass-55")))  # fmt: skip

    def sign_in(dialog):
        qtbot.keyClicks(dialog.login, "rep_n2")
        qtbot.keyClicks(dialog.password, "other-pass-55")
        qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(LoginDialog, "exec", _driven(LoginDialog.exec, sign_in))
    actions.sign_out_action.trigger()  # the same database, the sign-in again
    new = app_module._windows[0]
    qtbot.addWidget(new)
    try:
        qtbot.waitUntil(lambda: new.workspace is not None, timeout=30_000)
        assert new.workspace.actor.login == "rep_n2" and _gone(window)
    finally:
        new.close()
        new.runner.wait()


def test_a_database_that_did_not_open_offers_the_connect_dialog(qtbot, home, monkeypatch):
    from crmdesk.views import prompts
    from crmdesk.views.setup_dialogs import FirstRunDialog

    keyring.set_keyring(fail.Keyring())
    broken = home / "notes.db"
    broken.write_text("a shopping list, not a database\n")
    chosen = home / "team.sqlite"
    asked = []
    monkeypatch.setattr(prompts, "ask_open_failed",
                        lambda parent, exc, is_default: asked.append(exc) or "connect")  # fmt: skip

    def pick_file(dialog):
        qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
        dialog.kind.setCurrentIndex(dialog.kind.findData("sqlite"))
        qtbot.keyClicks(dialog.path, str(chosen))
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    def first_run(dialog):
        dialog.name.setText("林萍")
        return FirstRunDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectDialog, "exec", _driven(ConnectDialog.exec, pick_file))
    monkeypatch.setattr(FirstRunDialog, "exec", first_run)
    _app, window = app_module.start_gui(f"sqlite:///{broken}", "en", ["t"])
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.workspace is not None, timeout=30_000)
        assert len(asked) == 1 and chosen.exists()
        assert window.workspace.db.url.database == str(chosen)
        last = profiles.last_profile()
        assert last.is_local and last.path == str(chosen)  # and next time
    finally:
        window.close()
        window.runner.wait()
        if window.workspace is not None:
            window.workspace.db.close()


def test_switching_asks_about_unsaved_edits_first(qtbot, ws, answers, tmp_path, monkeypatch, home):
    from gui_helpers import page_names

    from crmdesk.views.setup_dialogs import FirstRunDialog

    window = _window(qtbot, ws, tmp_path)
    page = window.customers
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and not page.model.is_loading)
    page.table.selectRow(page_names(page).index("北京星辰科技有限公司"))
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    cid = page.detail.detail.id
    page.detail.form.notes.setPlainText("换库前写的")
    other = home / "other.sqlite"

    def choose_file(dialog):
        dialog.list.setCurrentRow(0)
        dialog.path.clear()
        qtbot.keyClicks(dialog.path, str(other))
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    def first_run(dialog):
        dialog.name.setText("林萍")
        return FirstRunDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectDialog, "exec", _driven(ConnectDialog.exec, choose_file))
    monkeypatch.setattr(FirstRunDialog, "exec", first_run)
    app_module._windows[:] = [window]
    answers.give("ask_unsaved", "cancel")
    window.team_actions.connect_action.trigger()
    assert window.isVisible() and app_module._windows == [window]  # stayed, edits kept
    assert page.detail.form.notes.toPlainText() == "换库前写的"
    answers.give("ask_unsaved", "save")
    window.team_actions.connect_action.trigger()
    qtbot.waitUntil(lambda: app_module._windows[0] is not window, timeout=30_000)
    new = app_module._windows[0]
    qtbot.addWidget(new)
    try:
        qtbot.waitUntil(lambda: new.workspace is not None, timeout=30_000)
        assert ws.customer(cid).data.notes == "换库前写的"  # saved before the switch
        assert new.workspace.db.url.database == str(other)
    finally:
        new.close()
        new.runner.wait()
        if new.workspace is not None:
            new.workspace.db.close()


# ------------------------------------------------------------------ off the GUI thread, Enter


class LaterRunner(SyncRunner):
    """Runs nothing until run_all(): what the dialog shows while the runner works."""

    def __init__(self) -> None:
        super().__init__()
        self.jobs = []

    def read(self, fn, on_done=None, on_error=None, *, owner=None, key=None):
        self.jobs.append((fn, on_done, on_error))

    def run_all(self) -> int:
        """The jobs asked for so far (not those their callbacks ask for)."""
        jobs, self.jobs = self.jobs, []
        for fn, on_done, on_error in jobs:
            try:
                result = fn()
            except Exception as exc:
                if on_error:
                    on_error(exc)
            else:
                if on_done:
                    on_done(result)
        return len(jobs)


def test_profiles_and_the_keychain_are_read_and_saved_on_the_runner(qtbot, home, monkeypatch):
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    office = profiles.Profile("Office", "postgresql", host="h", port=5432, database="d", user="u")
    profiles.save_profiles([profiles.local_profile(), office], last="Office")
    profiles.save_password(office, SECRET)
    read = []
    real_load = profiles.load_profiles
    monkeypatch.setattr(profiles, "load_profiles", lambda: read.append(1) or real_load())
    runner = LaterRunner()
    dialog = ConnectDialog(runner)
    qtbot.addWidget(dialog)
    assert read == [] and not dialog.ready  # nothing read on the GUI thread
    assert not dialog.list.isEnabled() and not dialog.connect_button.isEnabled()
    runner.run_all()  # the profiles and the keychain's backend …
    assert dialog.ready and read and dialog.current().name == "Office"
    assert not dialog.password.isEnabled()  # … then the kept password, the field off meanwhile
    runner.run_all()
    assert dialog.password.isEnabled() and dialog.password.text() == SECRET
    assert dialog.remember.isChecked()
    dialog.remember.setChecked(False)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert memory.kept and dialog.result() != ConnectDialog.DialogCode.Accepted  # not yet
    assert runner.run_all() == 1  # saved on the runner, closed in its callback
    assert memory.kept == {} and dialog.result() == ConnectDialog.DialogCode.Accepted


def test_enter_means_connect_never_new(qtbot, home):
    keyring.set_keyring(fail.Keyring())
    dialog = ConnectDialog(SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    _fill(qtbot, dialog, "postgresql", make_url("postgresql://lin@db.example.cn/crm"), "pw")
    for button in (dialog.new, dialog.delete, dialog.test):
        assert not button.autoDefault()
    dialog.new.setFocus()
    qtbot.keyClick(dialog.new, Qt.Key.Key_Return)
    assert dialog.list.count() == 2  # no "New server 2"
    assert dialog.result() == ConnectDialog.DialogCode.Accepted
    assert dialog.chosen.host == "db.example.cn"


def test_the_message_area_keeps_the_form_in_place(qtbot, home):
    keyring.set_keyring(fail.Keyring())
    dialog = ConnectDialog(SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    qtbot.waitExposed(dialog)
    before = (dialog.port.geometry(), dialog.database.geometry(), dialog.no_keyring.geometry())
    assert dialog.no_keyring.isVisible()
    hint = dialog.no_keyring
    assert hint.height() >= hint.heightForWidth(hint.width())  # not squashed or cut
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)  # no server, no database
    assert dialog.problem.isVisible()
    dialog._show_status("a long refusal " * 12, ok=False)
    QApplication.processEvents()
    assert (dialog.port.geometry(), dialog.database.geometry(), hint.geometry()) == before
    qtbot.keyClicks(dialog.host, "h")  # typing hides the problem: nothing moves back either
    QApplication.processEvents()
    assert not dialog.problem.isVisible()
    assert (dialog.port.geometry(), dialog.database.geometry()) == before[:2]
    assert dialog.form.labelForField(dialog.user).text() == "Database user"


def test_the_url_shown_is_the_one_typed(home):
    from crmdesk.models.errors import DatabaseUnavailable

    exc = connect_dialog.shown_url(DatabaseUnavailable(
        reason="database_missing", url="postgresql+psycopg://lin:***@db.example.cn:5432/crm"
    ))  # fmt: skip
    assert exc.params["url"] == "postgresql://lin@db.example.cn:5432/crm"
    assert "+psycopg" not in error_text(exc) and "***" not in error_text(exc)


def test_a_server_opened_with_db_is_offered_as_a_profile(qtbot, home):
    keyring.set_keyring(fail.Keyring())
    url = "postgresql+psycopg://lin:" + SECRET + "@db.example.cn:5432/try13"
    state = profiles.read_state(None, url)
    assert not (paths.config_dir() / "profiles.json").exists()  # saved only by Connect
    dialog = ConnectDialog(SyncRunner(), state=state)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2 and dialog.current().host == "db.example.cn"
    assert dialog.password.text() == SECRET  # typed on the command line: not asked again
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ConnectDialog.DialogCode.Accepted
    assert make_url(dialog.url()).password == SECRET
    assert profiles.last_profile().database == "try13"
    assert SECRET not in (paths.config_dir() / "profiles.json").read_text(encoding="utf-8")
    again = profiles.read_state(None, url)  # known now: not added twice
    assert len(again.profiles) == 2 and again.select == profiles.last_profile().name


def test_testing_a_local_file_changes_nothing(home, tmp_path):
    import sqlite3

    missing = tmp_path / "none" / "new.sqlite"
    assert probe(f"sqlite:///{missing}") == "new_file" and not missing.parent.exists()
    current = tmp_path / "current.sqlite"
    open_database(f"sqlite:///{current}").close()
    assert probe(f"sqlite:///{current}") == "ok"
    older = tmp_path / "older.sqlite"
    older.write_bytes(current.read_bytes())
    conn = sqlite3.connect(older)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    stamp = older.stat().st_mtime_ns, older.read_bytes()
    backups_before = list(paths.backup_dir().glob("*"))
    assert probe(f"sqlite:///{older}") == "will_upgrade"
    assert (older.stat().st_mtime_ns, older.read_bytes()) == stamp  # not upgraded …
    assert list(paths.backup_dir().glob("*")) == backups_before  # … nor backed up
    notes = tmp_path / "notes.db"
    notes.write_text("a shopping list, not a database\n")
    with pytest.raises(DatabaseUnavailable) as refused:
        probe(f"sqlite:///{notes}")
    assert refused.value.params["reason"] == "not_a_database"


def test_cancelling_the_connect_dialog_at_start_asks_before_quitting(qtbot, home, monkeypatch):
    from crmdesk.views import server_opening

    keyring.set_keyring(fail.Keyring())
    shown, asked, exits = [], [], []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    monkeypatch.setattr(server_opening, "ask_quit",
                        lambda parent: asked.append(1) or len(asked) > 1)  # fmt: skip

    def cancel(dialog):
        shown.append(dialog.current().name)
        dialog.reject()

    monkeypatch.setattr(ConnectDialog, "exec", _driven(ConnectDialog.exec, cancel))

    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.runner, window.settings = SyncRunner(), app_module.open_settings()
    opening = app_module._Opening(window, "postgresql+psycopg://lin@db.example.cn/try13")
    opening._connect()
    qtbot.waitUntil(lambda: exits == [1], timeout=10_000)
    assert asked == [1, 1] and len(shown) == 2  # Back: the dialog again; then Quit
    assert shown[0] == "try13 @ db.example.cn"  # the --db server among the profiles


def test_after_test_connection_enter_still_means_connect(qtbot, home, tmp_path):
    """Test disabled itself while it ran and gave the focus away (to the list, whose Enter is
    its own): the retry try-out found Enter did nothing after a test."""
    keyring.set_keyring(fail.Keyring())
    dialog = ConnectDialog(SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    target = tmp_path / "missing.sqlite"
    dialog.kind.setCurrentIndex(dialog.kind.findData("sqlite"))
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.test, Qt.MouseButton.LeftButton)
    assert dialog.status.text()  # the test said something
    assert dialog.focusWidget() is dialog.test and dialog.connect_button.isDefault()
    qtbot.keyClick(dialog.test, Qt.Key.Key_Return)
    assert dialog.result() == ConnectDialog.DialogCode.Accepted
