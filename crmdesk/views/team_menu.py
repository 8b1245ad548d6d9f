"""The File menu's team actions: connect to another database, change one's password, sign out,
users and teams (admin), back up now / restore (the local file) and copy the database to
another (admin). Built here so the main window only adds them and tells them who works.

Switching the database and signing out replace the main window (app.open_in_new_window): every
page, timer and poller starts again on the new database or for the new sign-in, and a password
typed for this session is not asked again."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from crmdesk.views.icons import set_icon

log = logging.getLogger(__name__)


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
        url, chosen = dialog.url(), dialog.chosen
        dialog.deleteLater()
        if accepted:  # the chosen profile is the last one now (profiles.json)
            from crmdesk.app import open_in_new_window

            self.window.settings.remove("database/url")
            open_in_new_window(self.window, url, chosen.name)

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
        sign_out(self.window)

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


def sign_out(window) -> None:
    """File › Sign out, and the session guard's for a deactivated user (session_guard.py)."""
    from crmdesk.app import open_in_new_window

    workspace = window.workspace
    if workspace is not None:  # the same database (and password), the sign-in again
        url = workspace.db.url.render_as_string(hide_password=False)
        open_in_new_window(window, url)


def install_team_services(window) -> None:
    """Called from MainWindow.attach (through TeamActions.attach); the modules are imported
    here, when a workspace is attached, not when the window is built."""
    from crmdesk.views.backup_actions import run_daily_backup
    from crmdesk.views.connection_watch import install_connection_watch
    from crmdesk.views.live_refresh import install_live_refresh
    from crmdesk.views.session_guard import install_session_guard

    install_live_refresh(window)
    install_session_guard(window)  # a deactivated user signed out, a new role shown
    install_connection_watch(window)
    run_daily_backup(window)


def add_team_actions(window, file_menu: QMenu) -> TeamActions:
    return TeamActions(window, file_menu)
