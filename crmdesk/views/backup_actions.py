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
    QFormLayout,
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


def restart_arguments(argv: list[str], frozen: bool, db: str | None = None) -> list[str]:
    """The arguments that start this program again: a bundle runs itself; Python runs the
    package (python -m crmdesk), since argv[0] may be a launcher Python cannot run. db: the
    database to open (the restored file) in place of any --db given, whose URL may carry a
    server's password (never passed on to a command line)."""
    rest = list(argv[1:])
    if db is not None:
        kept, skip = [], False
        for arg in rest:
            if skip:
                skip = False
            elif arg == "--db":
                skip = True
            elif not arg.startswith("--db="):
                kept.append(arg)
        rest = [*kept, "--db", db]
    return rest if frozen else ["-m", "crmdesk", *rest]


def restart_program(db: str | None = None) -> None:
    """Start the program again (a new process, the same arguments; db: the database to open
    instead of a --db given) and end this one: the restored file is opened as at start-up (the
    local file needs no password)."""
    from crmdesk.models.profiles import redact_argv

    args = restart_arguments(sys.argv, bool(getattr(sys, "frozen", False)), db)
    if not QProcess.startDetached(sys.executable, args):
        # A --db URL's password never reaches the log.
        log.error("the program could not be started again: %s %s", sys.executable,
                  redact_argv(args))  # fmt: skip
    QApplication.quit()


def _gave_db(argv: list[str]) -> bool:
    return any(a == "--db" or a.startswith("--db=") for a in argv[1:])


_restoring: list = []  # the runner and progress dialog of a restore under way (kept alive)


def restore_from_backup(window) -> None:
    """Choose a backup, confirm, close the window (unsaved edits asked about), restore, start
    again. The listing, the check of the chosen backup and the restore itself run on a worker
    thread (the restore behind a progress dialog); the restart comes in its done callback.
    Nothing happens when there are no backups, the user cancels, or the window stays open."""
    from crmdesk.models import backups

    path = _local_file(window)
    if path is None:
        return
    window.runner.read(
        lambda: backups.list_backups(path),
        lambda rows: _choose_backup(window, path, rows),
        lambda exc: _failed(window, exc),
        owner=window,
    )


def _choose_backup(window, path: Path, rows: list[BackupRow]) -> None:
    from crmdesk.models import backups

    if not rows:
        QMessageBox.information(
            window,
            QCoreApplication.translate("BackupActions", "Restore from backup"),
            QCoreApplication.translate(
                "BackupActions", "There are no backups of this database yet."
            ),
        )
        return
    dialog = RestoreDialog(rows, window)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    row = dialog.chosen()
    dialog.deleteLater()
    if not accepted or row is None:
        return
    window.runner.read(  # a damaged or newer backup: said before closing
        lambda: backups.backup_revision(row.path),
        lambda _revision: _confirm_and_restore(window, path, row),
        lambda exc: _failed(window, exc),
        owner=window,
    )


def _confirm_and_restore(window, path: Path, row: BackupRow) -> None:
    from crmdesk.models import backups
    from crmdesk.tasks import TaskRunner

    if not confirm_restore(window, row):
        return
    app = QApplication.instance()
    app.setQuitOnLastWindowClosed(False)  # the progress dialog, then the restart, end it
    if not window.close():
        app.setQuitOnLastWindowClosed(True)
        return
    window.workspace.db.close()  # the runner is idle: closeEvent waited for it
    progress = QProgressDialog(
        QCoreApplication.translate("BackupActions", "Restoring the backup…"), "", 0, 0
    )
    progress.setWindowTitle(QCoreApplication.translate("BackupActions", "Restore from backup"))
    progress.setCancelButton(None)  # half a restore is no choice to offer
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.show()
    # Owned by the application (the window's runner went with it): deleted on the GUI thread
    # once its last callback has returned, never from inside one.
    runner = TaskRunner(app)
    _restoring[:] = [runner, progress]

    def finish() -> None:
        progress.close()
        runner.deleteLater()
        _restoring.clear()
        restart_program(f"sqlite:///{path.as_posix()}" if _gave_db(sys.argv) else None)

    def failed(exc: BaseException) -> None:  # the file is as it was, or kept as a safety copy
        log.error("restore failed", exc_info=exc)
        _failed(None, exc)
        finish()

    runner.write(
        lambda: backups.restore_backup(row, path, datetime.now()),
        lambda _safety: finish(),
        failed,
    )


# ---------------------------------------------------------------- copy


class CopyTargetDialog(QDialog):
    """Where to copy the database: a server's URL or a new file."""

    def __init__(self, parent: QWidget | None = None, login: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Copy the database"))
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
        self.url.setPlaceholderText(self.tr("postgresql://user@host/database, or a new file"))
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
        admin_form = QFormLayout()
        admin_form.addRow(self.tr("Administrator's login"), self.login)
        admin_form.addRow(self.tr("New password"), self.password)
        layout.addLayout(admin_form)
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
    progress.setWindowTitle(QCoreApplication.translate("BackupActions", "Copy the database"))
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
            QCoreApplication.translate("BackupActions", "Copy the database"),
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
