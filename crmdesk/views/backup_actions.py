"""The GUI side of backups and copies, as functions of the main window (team_menu.py calls them
from the File menu, MainWindow.attach calls run_daily_backup): back up now, restore a backup
(then the program starts again on the restored file), copy the database to another, and the
daily automatic backup of the local file. The work runs on the window's runner; the models are
backups.py and db_copy.py.
"""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QProcess, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.backups import BackupRow

log = logging.getLogger(__name__)


def _local_file(window) -> Path | None:
    ws = window.workspace
    if ws is None or not ws.db.is_local:
        return None
    return Path(ws.db.url.database or "")


def _failed(window, exc: BaseException) -> None:
    from crmdesk.views.errors import show_error

    show_error(window, exc)


# ---------------------------------------------------------------- back up now


def back_up_now(window) -> None:
    """A backup of the local file now, on the runner; a notice says where it went."""
    from crmdesk.models import backups

    path = _local_file(window)
    if path is None:
        return

    def done(made: Path) -> None:
        window.ctx.notify(
            QCoreApplication.translate("BackupActions", "Backed up to {path}.").format(
                path=str(made)
            )
        )

    window.runner.read(
        lambda: backups.back_up_now(path, datetime.now()),
        done,
        lambda exc: _failed(window, exc),
        owner=window,
    )


DAILY_CHECK_MS = 60 * 60 * 1000


def run_daily_backup(window) -> None:
    """Today's automatic backup of the local file (and pruning), on the runner; checked again
    hourly, so a window left open overnight backs up the next day too. Nothing for a server
    (its administrator backs it up). A failure is a notice, not a dialog: the user did not ask
    for it."""
    path = _local_file(window)
    if path is None:
        return
    timer = getattr(window, "daily_backup_timer", None)
    if timer is None:  # attach may run again: one timer
        timer = window.daily_backup_timer = QTimer(window)
        timer.setInterval(DAILY_CHECK_MS)
        timer.timeout.connect(lambda: _daily_backup(window))
        timer.start()
    _daily_backup(window)


def _daily_backup(window) -> None:
    from crmdesk.models import backups

    path = _local_file(window)
    if path is None:
        return

    def failed(exc: BaseException) -> None:
        from crmdesk.views.errors import error_text

        log.warning("daily backup failed", exc_info=exc)
        window.ctx.notify(
            QCoreApplication.translate(
                "BackupActions", "The daily backup could not be made: {reason}"
            ).format(reason=error_text(exc))
        )

    window.runner.read(
        lambda: backups.daily_backup(path, datetime.now()), None, failed, owner=window
    )


# ---------------------------------------------------------------- restore


def kind_label(kind: str) -> str:
    labels = {
        "daily": QCoreApplication.translate("BackupActions", "Daily"),
        "manual": QCoreApplication.translate("BackupActions", "Backed up by hand"),
        "before_restore": QCoreApplication.translate("BackupActions", "Before a restore"),
        "upgrade": QCoreApplication.translate("BackupActions", "Before an upgrade"),
    }
    return labels.get(kind, QCoreApplication.translate("BackupActions", "Other"))


class RestoreDialog(QDialog):
    """The backups of the local file, newest first; OK restores the chosen one."""

    def __init__(self, rows: list[BackupRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.rows = rows
        self.list = QListWidget()
        locale = QLocale()
        for row in rows:
            text = "{at}  ·  {kind}  ·  {size}".format(
                at=row.at.strftime("%Y-%m-%d %H:%M"),
                kind=kind_label(row.kind),
                size=locale.formattedDataSize(row.size),
            )
            item = QListWidgetItem(text)
            item.setToolTip(str(row.path))
            self.list.addItem(item)
        note = QLabel(
            self.tr(
                "The program closes, puts the chosen backup in place of your database and "
                "starts again. Your database as it is now is kept as a backup first."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.itemDoubleClicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(480, 360)
        if rows:
            self.list.setCurrentRow(0)
        self._on_list_current_row_changed(self.list.currentRow())

    def _on_list_current_row_changed(self, row: int) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(0 <= row < len(self.rows))

    def chosen(self) -> BackupRow | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None


def confirm_restore(parent: QWidget, row: BackupRow) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("BackupActions", "Restore from backup"),
        QCoreApplication.translate(
            "BackupActions",
            "Replace your database with the backup of {at}? Changes made since then are "
            "undone (your database as it is now is kept as a backup). The program starts "
            "again.",
        ).format(at=row.at.strftime("%Y-%m-%d %H:%M")),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def restart_arguments(argv: list[str], frozen: bool) -> list[str]:
    """The arguments that start this program again: a bundle runs itself; Python runs the
    package (python -m crmdesk), since argv[0] may be a launcher Python cannot run."""
    return list(argv[1:]) if frozen else ["-m", "crmdesk", *argv[1:]]


def restart_program() -> None:
    """Start the program again (a new process, the same arguments) and end this one: the
    restored file is opened as at start-up (the local file needs no password)."""
    args = restart_arguments(sys.argv, bool(getattr(sys, "frozen", False)))
    if not QProcess.startDetached(sys.executable, args):
        log.error("the program could not be started again: %s %s", sys.executable, args)
    QApplication.quit()


def restore_from_backup(window) -> bool:
    """Choose a backup, confirm, close the window (unsaved edits asked about), restore, start
    again. False when nothing was restored (no backups, cancelled, the window stayed open)."""
    from crmdesk.models import backups

    path = _local_file(window)
    if path is None:
        return False
    rows = backups.list_backups(path)
    if not rows:
        QMessageBox.information(
            window,
            QCoreApplication.translate("BackupActions", "Restore from backup"),
            QCoreApplication.translate(
                "BackupActions", "There are no backups of this database yet."
            ),
        )
        return False
    dialog = RestoreDialog(rows, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return False
    row = dialog.chosen()
    try:
        backups.backup_revision(row.path)  # a damaged or newer backup: said before closing
    except Exception as exc:
        _failed(window, exc)
        return False
    if not confirm_restore(window, row) or not window.close():
        return False
    window.workspace.db.close()  # the runner is idle: closeEvent waited for it
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        backups.restore_backup(row, path, datetime.now())
    except Exception as exc:  # the file is as it was, or kept as a safety copy
        log.error("restore failed", exc_info=exc)
        QApplication.restoreOverrideCursor()
        _failed(None, exc)
    else:
        QApplication.restoreOverrideCursor()
    restart_program()
    return True


# ---------------------------------------------------------------- copy


class CopyTargetDialog(QDialog):
    """Where to copy the database: a server's URL or a new file."""

    def __init__(self, parent: QWidget | None = None, login: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Copy database to…"))
        # The local file's users have no password: on a server copy nobody could sign in.
        self.login = QLineEdit(login)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("A new password for this administrator"))
        admin_note = QLabel(
            self.tr(
                "To sign in to a server copy of this file, give an administrator a password "
                "in the copy (optional):"
            )
        )
        admin_note.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("postgresql://user:password@host/database"))
        browse = QPushButton(self.tr("File…"))
        browse.clicked.connect(self._on_browse_clicked)
        note = QLabel(
            self.tr(
                "Everything is copied into an empty database: a server database (its URL) or "
                "a new file. A server's database is set up for crmdesk first."
            )
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Copy"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.url.textChanged.connect(self._on_url_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(admin_note)
        admin_row = QHBoxLayout()
        admin_row.addWidget(self.login)
        admin_row.addWidget(self.password, 1)
        layout.addLayout(admin_row)
        layout.addWidget(self.buttons)
        self.resize(520, 200)
        self._on_url_text_changed("")

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Copy to a new file"), "", self.tr("crmdesk database (*.sqlite)")
        )
        if path:
            self.url.setText(Path(path).as_posix())

    def _on_url_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def admin(self) -> tuple[str, str] | None:
        login, password = self.login.text().strip(), self.password.text()
        return (login, password) if login and password else None

    def target_url(self) -> str:
        text = self.url.text().strip()
        if "://" in text:
            return text
        return "sqlite:///" + Path(text).expanduser().as_posix()


def copy_database(window, target: str | None = None, admin: tuple[str, str] | None = None) -> None:
    """Copy the window's database to another (asked for when target is None), with progress
    and Cancel; the result or the error is said at the end. admin: (login, password) given to
    that administrator in the copy (db_copy.copy_database)."""
    from crmdesk.models import db_copy

    ws = window.workspace
    if ws is None:
        return
    if target is None:
        dialog = CopyTargetDialog(window, ws.actor.login if ws.db.is_local else "")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        target, admin = dialog.target_url(), dialog.admin()
    source = ws.db.url.render_as_string(hide_password=False)
    progress = QProgressDialog(
        QCoreApplication.translate("BackupActions", "Copying the database…"),
        QCoreApplication.translate("BackupActions", "Cancel"),
        0,
        0,
        window,
    )
    progress.setWindowTitle(QCoreApplication.translate("BackupActions", "Copy database to…"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    window.copy_progress = progress  # for tests and to keep it alive

    def run(control):
        return db_copy.copy_database(
            source, target, control.progress, control.cancelled, admin=admin
        )

    def moved(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, total))

    def done(result: db_copy.CopyResult) -> None:
        progress.close()
        QMessageBox.information(
            window,
            QCoreApplication.translate("BackupActions", "Copy database to…"),
            QCoreApplication.translate(
                "BackupActions", "Copied {rows} rows in {tables} tables."
            ).format(rows=QLocale().toString(result.total), tables=len(result.rows)),
        )

    def failed(exc: BaseException) -> None:
        progress.close()
        _failed(window, exc)

    task = window.runner.write(run, done, failed, owner=window, on_progress=moved)
    progress.canceled.connect(task.cancel)
    progress.show()
