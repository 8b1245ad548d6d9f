"""Start-up on a server database, the part of app._Opening that signs in: the login dialog
(must_change_password: the change-password dialog before the window opens), an empty server's
set-up and first admin, an older schema's upgrade by an admin, and the connect dialog when the
server wants a password or the user wants another database. Every dialog runs its database work
on the window's runner; the GUI thread only waits in a dialog's own event loop."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

log = logging.getLogger("crmdesk")


class ServerOpening:
    """Mixed into app._Opening, which has window, url, profile, start() and _remember()."""

    def _quit(self, db=None) -> None:
        if db is not None:
            db.close()
        QApplication.exit(1)

    def kept_password(self, url: str | None) -> str | None:
        """(On the worker thread.) A server URL of a profile, without a password: with the one
        the keychain keeps for it, if any."""
        from sqlalchemy.engine import make_url

        from crmdesk.models import profiles

        if not self.profile or not url or url.startswith("sqlite"):
            return url
        if make_url(url).password is not None:
            return url
        profile = next((p for p in profiles.load_profiles() if p.name == self.profile), None)
        password = profiles.load_password(profile) if profile is not None else None
        return profiles.profile_url(profile, password) if password else url

    def _sign_in(self, db) -> None:
        from crmdesk.views.login_dialog import LoginDialog

        settings = self.window.settings
        self.window.show_waiting_for_sign_in()
        dialog = LoginDialog(db, self.window.runner, self.window,
                             str(settings.value("database/login", "") or ""))  # fmt: skip
        accepted = dialog.exec() == LoginDialog.DialogCode.Accepted
        user, typed = dialog.user, dialog.signed_in_with
        dialog.deleteLater()
        if not accepted:  # another database, perhaps; else quit
            db.close()
            self._connect()
            return
        settings.setValue("database/login", user.login)
        if user.must_change_password and not self._forced_change(db, user, typed):
            self._quit(db)
            return
        self._attach(db, user)

    def _forced_change(self, db, user, current: str | None = None) -> bool:
        """An admin reset the password: the user chooses their own before the window opens
        (current: the password just typed to sign in, not asked again)."""
        from crmdesk.models.auth import change_password
        from crmdesk.models.checks import utc_now
        from crmdesk.views.password_dialogs import ChangePasswordDialog

        def change(old: str, new: str):
            return db.write(lambda s: change_password(s, user.id, old, new, utc_now()))

        dialog = ChangePasswordDialog(self.window.runner, change, user.login, self.window, True,
                                      current or None)  # fmt: skip
        accepted = dialog.exec() == ChangePasswordDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def _attach(self, db, user) -> None:
        from crmdesk.models.workspace import Workspace

        self.window.attach(Workspace(db, user))

    def _set_up(self, exc) -> None:
        """An empty server database: set it up (after asking) and make its first admin."""
        from crmdesk.models import profiles
        from crmdesk.views import prompts
        from crmdesk.views.setup_dialogs import FirstAdminDialog

        where = profiles.display_url(exc.params.get("url") or "")
        if not prompts.confirm_set_up(self.window, where):
            self._connect()
            return
        url, made = self.url, []

        def create(name: str, login: str, password: str):
            from crmdesk.models.auth import create_first_admin
            from crmdesk.models.checks import utc_now
            from crmdesk.models.database import open_database
            from crmdesk.models.errors import CrmError

            if not made:
                made.append(open_database(url, setup=True))
            db = made[0]
            try:
                write = db.write(lambda s: create_first_admin(s, name, login, password, utc_now()))
            except CrmError as error:
                if error.code == "already_set_up":  # a colleague was first: sign in instead
                    return None
                raise
            return write.value

        dialog = FirstAdminDialog(self.window.runner, create, where, self.window)
        accepted = dialog.exec() == FirstAdminDialog.DialogCode.Accepted
        user = dialog.user
        dialog.deleteLater()
        db = made[0] if made else None
        if not accepted:
            self._quit(db)
        elif user is None:
            self._sign_in(db)
        else:
            self.window.settings.setValue("database/login", user.login)
            self._attach(db, user)

    def _upgrade(self, exc) -> None:
        """An older server schema: an admin upgrades it here, then everyone signs in."""
        from crmdesk.views.setup_dialogs import SchemaTooOldDialog

        url = self.url

        def upgrade(login: str, password: str, new_password: str | None = None):
            from crmdesk.models.server_setup import upgrade_server

            return upgrade_server(url, login, password, new_password=new_password)

        found, needed = exc.params.get("found") or "", exc.params.get("needed") or ""
        dialog = SchemaTooOldDialog(self.window.runner, upgrade, found, needed, self.window)
        accepted = dialog.exec() == SchemaTooOldDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.start()
        else:
            self._quit()

    def _connect(self, message: str = "") -> None:
        """The connect dialog, its profiles and keychain read on the runner first: a profile
        chosen opens now (and next time); cancelled: quit, after asking (or the dialog again).
        The database given with --db is among the profiles offered."""
        from crmdesk.models import profiles

        select, url = self.profile, self.url
        self.window.runner.read(
            lambda: profiles.read_state(select, url),
            lambda state: self._show_connect(state, message),
            lambda exc: self._show_connect(None, message),
        )

    def _show_connect(self, state, message: str) -> None:
        from crmdesk.views.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self.window.runner, self.window, self.profile, message, state,
                               self.url)  # fmt: skip
        accepted = dialog.exec() == ConnectDialog.DialogCode.Accepted
        if accepted:
            self.url, self.profile = dialog.url(), dialog.chosen.name
            self.window.settings.remove("database/url")  # profiles.json says which, now
        dialog.deleteLater()
        if accepted:
            self.start()
        elif ask_quit(self.window):
            self._quit()
        else:
            self._connect(message)


def ask_quit(parent) -> bool:
    """No database chosen: quit crmdesk (True) or choose one again (False)?"""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("crmdesk")
    box.setText(QCoreApplication.translate("Opening", "No database is open. Quit crmdesk?"))
    box.setInformativeText(
        QCoreApplication.translate(
            "Opening",
            "crmdesk needs a database to work in. Choose Back to pick a connection, or Quit "
            "to close the program.",
        )
    )
    quit_button = box.addButton(
        QCoreApplication.translate("Opening", "Quit"), QMessageBox.ButtonRole.DestructiveRole
    )
    back = box.addButton(
        QCoreApplication.translate("Opening", "Back"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(back)
    box.setEscapeButton(back)  # closing the question quits nothing
    box.exec()
    return box.clickedButton() is quit_button


def start_url(settings) -> tuple[str | None, str | None]:
    """(the URL to open when none was given, its profile's name): the last profile used, else
    the legacy setting, else the local file. Without the password: the keychain is asked on the
    worker thread (kept_password; importing keyring and finding its backend takes ~0.14 s)."""
    return start_url_from(str(settings.value("database/url", "") or ""))


def start_url_from(legacy: str) -> tuple[str | None, str | None]:
    """start_url with the legacy setting's value read beforehand (on a worker thread: it
    reads profiles.json)."""
    from crmdesk.models import profiles

    profile = profiles.last_profile()
    if profile is not None:
        if profile.name == profiles.LOCAL_NAME:
            return None, profile.name
        return profiles.profile_url(profile), profile.name
    if legacy:
        return legacy, None  # chosen by an older crmdesk
    return None, None
