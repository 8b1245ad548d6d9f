"""The File menu's backup functions on a real window (the local file): back up now, the daily
backup, restore (up to the restart, which is patched) and copying the database to a file."""

from __future__ import annotations

import sqlite3

import pytest
from helpers import NOW
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from crmdesk.models import backups
from crmdesk.models.backups import BackupRow
from crmdesk.models.customers import ContactInput, CustomerInput
from crmdesk.views import backup_actions, errors


@pytest.fixture
def window(qtbot, ws, tmp_path, monkeypatch):
    from crmdesk.views.main_window import MainWindow

    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path / "home"))  # a backup folder of its own
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings, recycle=False)
    qtbot.addWidget(window)
    window.notices = []
    window.bus.notice.connect(window.notices.append)
    window.errors = []
    monkeypatch.setattr(
        errors, "show_error", lambda parent, exc, title=None: window.errors.append(exc)
    )
    return window


def db_file(window):
    from pathlib import Path

    return Path(window.workspace.db.url.database)


def customers_in(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM customers").fetchone()[0]
    finally:
        conn.close()


def test_back_up_now_writes_a_backup_and_says_where(qtbot, window):
    backup_actions.back_up_now(window)
    qtbot.waitUntil(lambda: bool(window.notices), timeout=10_000)
    [row] = backups.list_backups(db_file(window))
    assert row.kind == "manual" and customers_in(row.path) == 4
    assert str(row.path) in window.notices[0].text


def test_the_daily_backup_is_made_once(qtbot, window):
    backup_actions.run_daily_backup(window)
    qtbot.waitUntil(lambda: len(backups.list_backups(db_file(window))) == 1, timeout=10_000)
    backup_actions.run_daily_backup(window)
    window.runner.wait()
    qtbot.wait(50)
    rows = backups.list_backups(db_file(window))
    assert [r.kind for r in rows] == ["daily"] and window.notices == [] and window.errors == []
    timer = window.daily_backup_timer
    assert timer.isActive()  # checked again hourly
    backup_actions.run_daily_backup(window)  # attached again: the same timer
    assert window.daily_backup_timer is timer
    window.runner.wait()
    rows[0].path.unlink()  # as if the day had changed: the next check makes one
    timer.timeout.emit()
    qtbot.waitUntil(lambda: len(backups.list_backups(db_file(window))) == 1, timeout=10_000)


def test_the_restore_dialog_lists_the_backups_newest_first(qtbot, tmp_path):
    rows = [
        BackupRow(tmp_path / "b.sqlite", NOW, "manual", 2048),
        BackupRow(tmp_path / "a.sqlite", NOW.replace(day=1), "upgrade", 1024, "0014"),
    ]
    dialog = backup_actions.RestoreDialog(rows)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.list.count() == 2 and ok.isEnabled() and dialog.chosen() == rows[0]
    assert "2026-11-20 09:30" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(1)
    assert dialog.chosen() == rows[1]
    dialog.list.setCurrentRow(-1)
    assert not ok.isEnabled() and dialog.chosen() is None
    empty = backup_actions.RestoreDialog([])
    qtbot.addWidget(empty)
    assert not empty.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_restore_closes_the_window_puts_the_backup_back_and_restarts(qtbot, window, monkeypatch):
    path = db_file(window)
    taken = backups.back_up_now(path, NOW)
    window.workspace.create_customer(
        CustomerInput(name="备份之后的客户"), [ContactInput(name="新人")], window.workspace.actor.id
    )
    assert customers_in(path) == 5
    chosen = []

    def choose(dialog) -> QDialog.DialogCode:
        chosen.append(dialog.chosen())  # the newest, chosen first
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(backup_actions.RestoreDialog, "exec", choose)
    monkeypatch.setattr(backup_actions, "confirm_restore", lambda parent, row: True)
    restarted = []
    monkeypatch.setattr(backup_actions, "restart_program",
                        lambda db=None: restarted.append(True))  # fmt: skip
    window.show()
    backup_actions.restore_from_backup(window)  # listed, checked and restored on workers
    qtbot.waitUntil(lambda: restarted == [True], timeout=20_000)
    assert chosen[0].path == taken
    assert not window.isVisible()
    assert customers_in(path) == 4  # as the backup had it
    kept = [r for r in backups.list_backups(path) if r.kind == "before_restore"]
    assert len(kept) == 1 and customers_in(kept[0].path) == 5
    assert window.errors == []


def test_restore_stays_when_the_user_cancels(qtbot, window, monkeypatch):
    path = db_file(window)
    backups.back_up_now(path, NOW)
    monkeypatch.setattr(backup_actions.RestoreDialog, "exec",
                        lambda self: QDialog.DialogCode.Accepted)  # fmt: skip
    monkeypatch.setattr(backup_actions, "confirm_restore", lambda parent, row: False)
    restarted = []
    monkeypatch.setattr(backup_actions, "restart_program",
                        lambda db=None: restarted.append(True))  # fmt: skip
    asked = []
    monkeypatch.setattr(backup_actions, "confirm_restore",
                        lambda parent, row: asked.append(row) or False)  # fmt: skip
    window.show()
    backup_actions.restore_from_backup(window)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    window.runner.wait()
    assert window.isVisible() and restarted == [] and customers_in(path) == 4


def test_copy_to_a_file_reports_the_rows_and_a_second_copy_is_refused(
    qtbot, window, tmp_path, monkeypatch
):
    said = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a: said.append(text))  # fmt: skip
    target = tmp_path / "copy.sqlite"
    login = window.workspace.actor.login
    backup_actions.copy_database(window, f"sqlite:///{target}", (login, "a good password"))
    qtbot.waitUntil(lambda: bool(said) or bool(window.errors), timeout=20_000)
    assert window.errors == [] and "Copied" in said[0]
    assert customers_in(target) == 4
    conn = sqlite3.connect(target)
    stored = conn.execute("SELECT password_hash FROM users WHERE login = ?", (login,)).fetchone()
    conn.close()
    assert stored[0].startswith("scrypt$")
    backup_actions.copy_database(window, f"sqlite:///{target}")
    qtbot.waitUntil(lambda: bool(window.errors), timeout=20_000)
    assert window.errors[0].code == "target_not_empty"
    assert not window.copy_progress.isVisible()


def test_the_copy_dialog_turns_a_path_into_a_file_url(qtbot, tmp_path):
    dialog = backup_actions.CopyTargetDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.url, str(tmp_path / "team.sqlite"))
    assert ok.isEnabled()
    assert dialog.target_url() == f"sqlite:///{(tmp_path / 'team.sqlite').as_posix()}"
    dialog.url.setText("postgresql://crm@db.example/crm")
    assert dialog.target_url() == "postgresql://crm@db.example/crm"
    assert dialog.admin() is None  # no password typed: none given
    dialog.login.setText("admin")
    qtbot.keyClicks(dialog.password, "a good password")
    assert dialog.admin() == ("admin", "a good password")


def test_the_restart_runs_the_package_or_the_bundle():
    argv = ["/usr/bin/crmdesk", "--db", "sqlite:////tmp/x.sqlite"]
    assert backup_actions.restart_arguments(argv, frozen=False) == ["-m", "crmdesk", *argv[1:]]
    assert backup_actions.restart_arguments(argv, frozen=True) == argv[1:]


def test_a_restart_opens_the_restored_file_and_never_passes_a_password_on(monkeypatch):
    secret = "postgresql+psycopg://lin:Kw9-secret@db/team"
    argv = ["crmdesk", "--db", secret, "--lang", "zh_CN"]
    args = backup_actions.restart_arguments(argv, frozen=False, db="sqlite:////data/crm.sqlite")
    assert args == ["-m", "crmdesk", "--lang", "zh_CN", "--db", "sqlite:////data/crm.sqlite"]
    assert backup_actions.restart_arguments([f"--db={secret}"], True, db="x")[-2:] == ["--db", "x"]
    logged = []
    monkeypatch.setattr(backup_actions.sys, "argv", argv)
    monkeypatch.setattr(backup_actions.QProcess, "startDetached", lambda *a: False)
    monkeypatch.setattr(backup_actions.QApplication, "quit", lambda: None)
    monkeypatch.setattr(backup_actions.log, "error", lambda *a: logged.append(a))
    backup_actions.restart_program()  # the --db kept (no restored file named): its password
    assert logged and "Kw9-secret" not in str(logged)  # never reaches the log
