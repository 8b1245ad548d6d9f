"""Signing in to a server database: login and password, checked on the runner's write lane
(a failure is counted there: auth.sign_in_db), the refusal in the words of error_text (wrong
login or password alike, locked until, deactivated). After a failure the password is cleared
and the login kept. The local file never asks: it runs as its local user."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.views.widgets import problem_label

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """db: the open server database; runner: the window's TaskRunner. Accepted with .user
    (a users.UserRow) once the server has accepted the login."""

    def __init__(self, db, runner, parent: QWidget | None = None, login: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in"))
        self.db, self.runner = db, runner
        self.user = None
        self.signed_in_with = ""  # the password accepted (a forced change does not ask it again)
        self._attempt = ""
        where = QLabel(self.tr("Sign in to {database}").format(database=db.display_name()))
        where.setWordWrap(True)
        where.setMinimumWidth(380)
        self.login = QLineEdit(login)
        self.login.setPlaceholderText(self.tr("Your login name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        # Enter always means Sign in: Cancel never takes the default role, not even while Sign
        # in is disabled during an attempt (the focus passed to Cancel, and the next Enter
        # cancelled the sign-in).
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.sign_in.setDefault(True)
        self.buttons.accepted.connect(self._on_sign_in_clicked)
        self.buttons.rejected.connect(self.reject)
        self.login.textEdited.connect(self._on_text_edited)
        self.password.textEdited.connect(self._on_text_edited)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        (self.password if login else self.login).setFocus()

    @Slot()
    def _on_text_edited(self, _text: str = "") -> None:
        self.problem.hide()

    @Slot()
    def _on_sign_in_clicked(self) -> None:
        if not self.sign_in.isEnabled():
            return  # one attempt at a time (Enter pressed twice)
        login, password = self.login.text().strip(), self.password.text()
        if not login:
            self._say(self.tr("Enter your login name."))
            self.login.setFocus()
            return
        if not password:
            self._say(self.tr("Enter your password."))
            self.password.setFocus()
            return
        from crmdesk.models.auth import sign_in_db
        from crmdesk.models.checks import utc_now

        db = self.db
        self._attempt = password
        self._busy(True)
        self.runner.write(
            lambda: sign_in_db(db, login, password, utc_now()),
            self._on_signed_in,
            self._on_refused,
            owner=self,
        )

    def _on_signed_in(self, user) -> None:
        self._busy(False)
        self.user = user
        self.signed_in_with, self._attempt = self._attempt, ""
        self.accept()

    def _on_refused(self, exc: BaseException) -> None:
        from crmdesk.views.errors import error_text

        log.info("sign-in refused: %r", exc)
        self._attempt = ""
        self._busy(False)
        self.password.clear()
        self._say(error_text(exc))
        self.password.setFocus()  # cleared: the next try typed at once, Enter signs in

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.adjustSize()  # the words may wrap onto more lines

    def _busy(self, busy: bool) -> None:
        self.sign_in.setEnabled(not busy)
        self.login.setEnabled(not busy)
        self.password.setEnabled(not busy)
        if not busy:
            self.sign_in.setDefault(True)
