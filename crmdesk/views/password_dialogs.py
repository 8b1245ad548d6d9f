"""Passwords: change one's own (the old one, then the new one twice; also forced after an
admin's reset, before the window opens) and set a new one for someone (the new one twice;
the users screen's Reset password uses it). The rules are auth.password_problems', checked
here as the user types it and again by the server."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Slot
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


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def new_password_problem(password: str, again: str, login: str) -> str:
    """What is wrong with a new password typed twice, in words ("" when nothing)."""
    from crmdesk.models.auth import PASSWORD_MAX, PASSWORD_MIN, password_problems
    from crmdesk.models.errors import ValidationFailed
    from crmdesk.views.errors import error_text

    found = password_problems(password, login)
    if found:
        limit = PASSWORD_MAX if ("password", "too_long") in found else PASSWORD_MIN
        return error_text(ValidationFailed(errors=found, limits={"password": limit}))
    if password != again:
        return QCoreApplication.translate(
            "PasswordDialogs", "The two passwords are not the same: type the new one again."
        )
    return ""


def problem_in_rules(password: str, login: str) -> bool:
    """Whether the new password itself breaks a rule (else only the second typing differs)."""
    from crmdesk.models.auth import password_problems

    return bool(password_problems(password, login))


def _focus_after(rules: bool, new: QLineEdit, again: QLineEdit) -> None:
    """After a refused new password: the new one selected when it breaks a rule, else the
    cleared "Again" field (typing at once must not add to the new one)."""
    if rules:
        new.setFocus()
        new.selectAll()
    else:
        again.setFocus()


class NewPasswordDialog(QDialog):
    """A new password for a user, typed twice; value() once accepted. Nothing is written
    here: the caller saves it (an admin's reset, the first admin)."""

    def __init__(self, name: str, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set a new password"))
        self.login = login
        intro = QLabel(
            self.tr("A new password for {name} ({login}). They must change it when they next "
                    "sign in.").format(name=name, login=login)
        )  # fmt: skip
        intro.setWordWrap(True)
        intro.setMinimumWidth(360)
        self.password = _password_edit()
        self.again = _password_edit()
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        for edit in (self.password, self.again):
            edit.textEdited.connect(lambda _t: self.problem.hide())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def value(self) -> str:
        return self.password.text()

    @Slot()
    def _on_ok_clicked(self) -> None:
        problem = new_password_problem(self.password.text(), self.again.text(), self.login)
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            self.adjustSize()  # the words may wrap onto more lines
            self.again.clear()
            _focus_after(problem_in_rules(self.password.text(), self.login), self.password,
                         self.again)  # fmt: skip
            return
        self.accept()


class ChangePasswordDialog(QDialog):
    """Change one's own password. change(old, new) runs on the runner's write lane (a
    workspace's change_password); forced: after an admin's reset, before the window opens
    (Cancel then means not working today). current: the password just typed to sign in (the
    forced change): not asked again."""

    def __init__(
        self,
        runner,
        change: Callable[[str, str], object],
        login: str,
        parent: QWidget | None = None,
        forced: bool = False,
        current: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change password"))
        self.runner, self.change, self.login = runner, change, login
        self.current = current
        if forced:
            words = self.tr(
                "Your password was set by an administrator. Choose your own before you start."
            )
        else:
            words = self.tr("Choose a new password for {login}.").format(login=login)
        intro = QLabel(words)
        intro.setWordWrap(True)
        intro.setMinimumWidth(360)
        self.old = _password_edit()
        self.new = _password_edit()
        self.again = _password_edit()
        rules = QLabel(self.tr("At least 8 characters, and not your login name."))
        rules.setObjectName("hint")
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Again"), self.again)
        form.addRow("", rules)
        if current is not None:  # typed a moment ago to sign in
            form.setRowVisible(self.old, False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.save.setDefault(True)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.old, self.new, self.again):
            edit.textEdited.connect(lambda _t: self.problem.hide())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        (self.new if current is not None else self.old).setFocus()

    @Slot()
    def _on_save_clicked(self) -> None:
        if not self.save.isEnabled():
            return
        old = self.current if self.current is not None else self.old.text()
        new = self.new.text()
        if not old:
            self._say(self.tr("Enter your current password."), self.old)
            return
        problem = new_password_problem(new, self.again.text(), self.login)
        if problem:
            self.again.clear()
            rules = problem_in_rules(new, self.login)
            self._say(problem, self.new if rules else self.again)
            if rules:
                self.new.selectAll()
            return
        self.save.setEnabled(False)
        change = self.change
        self.runner.write(lambda: change(old, new), self._on_changed, self._on_failed, owner=self)

    def _on_changed(self, _result) -> None:
        self.save.setEnabled(True)
        self.save.setDefault(True)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        from crmdesk.views.errors import error_text

        log.info("password not changed: %r", exc)
        self.save.setEnabled(True)
        self.save.setDefault(True)
        fields = [f for f, _code in (getattr(exc, "params", {}) or {}).get("errors", [])]
        if "old_password" in fields and self.current is None:
            self.old.clear()
            self._say(error_text(exc), self.old)
        else:
            self._say(error_text(exc), self.new)

    def _say(self, text: str, focus: QLineEdit) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.adjustSize()  # the words may wrap onto more lines
        focus.setFocus()
