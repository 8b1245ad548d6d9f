"""The File menu's team actions: connect to another database, change one's password, sign out,
users and teams (admin), back up now / restore (the local file) and copy the database to
another (admin). Built here so the main window only adds them and tells them who works.

Switching the database and signing out restart the program (the simplest correct way: every
page, timer and poller starts again on the new database); the choice is the last profile, so
the new process opens it. A password not kept in a keychain is asked again there."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, QProcess, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from crmdesk.views.icons import set_icon

log = logging.getLogger(__name__)


def restart_command(
    argv: list[str], executable: str, frozen: bool, keep_db: bool
) -> tuple[str, list[str]]:
    """(program, arguments) that start this program again; keep_db False drops --db (the
    last profile is opened instead)."""
    args = list(argv[1:])
    if not keep_db:
        kept: list[str] = []
        skip = False
        for arg in args:
            if skip:
                skip = False
            elif arg == "--db":
                skip = True
            elif not arg.startswith("--db="):
                kept.append(arg)
        args = kept
    if frozen:  # the bundled program: itself, with the arguments
        return executable, args
    # python -m crmdesk whether it was started that way or by the installed script (on Windows
    # an .exe launcher python cannot run as a script)
    return executable, ["-m", "crmdesk", *args]


def restart(window, keep_db: bool = True) -> bool:
    """Close the window (unsaved edits asked about first) and start the program again;
    False when the user stayed."""
    if not window.close():
        return False
    program, args = restart_command(
        sys.argv, sys.executable, bool(getattr(sys, "frozen", False)), keep_db
    )
    if not QProcess.startDetached(program, args):
        log.error("the program could not be started again: %s %s", program, args)
    QApplication.quit()
    return True


class TeamActions(QObject):
    """The actions, shown as the workspace allows (attach)."""

    def __init__(self, window, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.connect_action = self._add(menu, self.tr("&Connect to a database…"), "database",
                                        self._on_connect_triggered)  # fmt: skip
        self.change_password_action = self._add(
            menu, self.tr("Change &password…"), "lock", self._on_change_password_triggered
        )
        self.sign_out_action = self._add(menu, self.tr("Sign &out"), "quit",
                                         self._on_sign_out_triggered)  # fmt: skip
        menu.addSeparator()
        self.users_action = self._add(menu, self.tr("&Users and teams…"), "assign",
                                      self._on_users_triggered)  # fmt: skip
        self.back_up_action = self._add(menu, self.tr("&Back up now"), "save",
                                        self._on_back_up_triggered)  # fmt: skip
        self.restore_action = self._add(menu, self.tr("&Restore from backup…"), "restore",
                                        self._on_restore_triggered)  # fmt: skip
        self.copy_action = self._add(menu, self.tr("Cop&y database to…"), "move",
                                     self._on_copy_triggered)  # fmt: skip
        self.attach(None)

    def _add(self, menu: QMenu, text: str, icon: str, slot) -> QAction:
        action = QAction(text, self.window)
        set_icon(action, icon)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def attach(self, workspace, services: bool = False) -> None:
        """Who works where: server-only, local-only and admin-only actions shown to match.
        services: also start what a working window runs beside its pages (not a headless
        screenshot's): B's live refresh, G's connection watch, C's daily backup."""
        if workspace is not None and services:
            install_team_services(self.window)
        actor = workspace.actor if workspace is not None else None
        server = workspace is not None and not workspace.db.is_local
        local = workspace is not None and workspace.db.is_local
        admin = actor is not None and actor.is_admin
        self.change_password_action.setVisible(server)
        self.sign_out_action.setVisible(server)
        self.users_action.setVisible(admin)
        self.back_up_action.setVisible(local)
        self.restore_action.setVisible(local)
        self.copy_action.setVisible(admin)

    @Slot()
    def _on_connect_triggered(self) -> None:
        from crmdesk.views.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self.window.runner, self.window)
        accepted = dialog.exec() == ConnectDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:  # the chosen profile is the last one now: the program starts on it
            self.window.settings.remove("database/url")
            restart(self.window, keep_db=False)

    @Slot()
    def _on_change_password_triggered(self) -> None:
        from crmdesk.views.password_dialogs import ChangePasswordDialog

        workspace = self.window.workspace
        if workspace is None:
            return
        dialog = ChangePasswordDialog(
            self.window.runner, workspace.change_password, workspace.actor.login, self.window
        )
        if dialog.exec() == ChangePasswordDialog.DialogCode.Accepted and self.window.ctx:
            self.window.ctx.notify(self.tr("Your password was changed."))
        dialog.deleteLater()

    @Slot()
    def _on_sign_out_triggered(self) -> None:
        restart(self.window, keep_db=True)

    @Slot()
    def _on_users_triggered(self) -> None:
        from crmdesk.views.users_dialog import UsersDialog

        if self.window.ctx is None:
            return
        dialog = UsersDialog(self.window.ctx, self.window)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def _on_back_up_triggered(self) -> None:
        from crmdesk.views import backup_actions

        backup_actions.back_up_now(self.window)

    @Slot()
    def _on_restore_triggered(self) -> None:
        from crmdesk.views import backup_actions

        backup_actions.restore_from_backup(self.window)

    @Slot()
    def _on_copy_triggered(self) -> None:
        from crmdesk.views import backup_actions

        backup_actions.copy_database(self.window)


def install_team_services(window) -> None:
    """Called from MainWindow.attach (through TeamActions.attach); the modules are imported
    here, when a workspace is attached, not when the window is built."""
    from crmdesk.views.backup_actions import run_daily_backup
    from crmdesk.views.connection_watch import install_connection_watch
    from crmdesk.views.live_refresh import install_live_refresh

    install_live_refresh(window)
    install_connection_watch(window)
    run_daily_backup(window)


def add_team_actions(window, file_menu: QMenu) -> TeamActions:
    return TeamActions(window, file_menu)
