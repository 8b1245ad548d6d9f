"""An administrator's forms for one user: UserEditDialog (a new user with their first
password, or an existing one's name, login, role, team and caps) and ResetPasswordDialog (a new
password the user must change at their next sign-in). Each writes itself and closes only once
the write is saved: a refusal is said in the form, with everything typed still there."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.errors import ValidationFailed
from crmdesk.models.user_admin import UserInput
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.labels import role_label
from crmdesk.views.password_dialogs import new_password_problem
from crmdesk.views.widgets import ERROR_COLOR, ok_cancel, problem_label

ROLES = ("rep", "manager", "admin", "finance")
MARKED = f"QLineEdit, QComboBox {{ border: 1px solid {ERROR_COLOR}; }}"
# Letters and digits a reader cannot confuse (no 0/O, 1/l/I) for a password read out or copied
# by hand to a colleague; 14 of them are ~80 bits.
PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_LENGTH = 14


def problem_fields(exc: BaseException) -> list[str]:
    """The forms' fields a ValidationFailed names (its last dotted part)."""
    if not isinstance(exc, ValidationFailed):
        return []
    return [field.rsplit(".", 1)[-1] for field, _code in exc.params.get("errors", [])]


def generated_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


class PasswordPair(QWidget):
    """A password typed twice (the two must agree), with Generate: a random one shown in clear
    so that it can be passed on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(128)
        self.second.setPlaceholderText(self.tr("Type it again"))
        self.generate = QPushButton(self.tr("Generate"))
        self.generate.setToolTip(self.tr("Make up a strong password and show it"))
        self.generate.clicked.connect(self._on_generate_clicked)
        self.shown = QCheckBox(self.tr("Show"))
        self.shown.toggled.connect(self._on_shown_toggled)
        # One grid: the two fields in one column, of one width (Generate and Show beside them).
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.first, 0, 0)
        layout.addWidget(self.generate, 0, 1)
        layout.addWidget(self.second, 1, 0)
        layout.addWidget(self.shown, 1, 1)
        layout.setColumnStretch(0, 1)

    def password(self) -> str:
        return self.first.text()

    def problem(self, login: str) -> str:
        """What is wrong before asking the database (the model checks again): the password
        rules, and whether the two agree; the same words as one's own change of password."""
        return new_password_problem(self.first.text(), self.second.text(), login)

    def _on_generate_clicked(self) -> None:
        password = generated_password()
        self.first.setText(password)
        self.second.setText(password)
        self.shown.setChecked(True)
        self.first.selectAll()
        self.first.setFocus()

    def _on_shown_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in (self.first, self.second):
            edit.setEchoMode(mode)


def cap_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,9}"), edit))
    edit.setPlaceholderText(placeholder)
    return edit


def cap_value(edit: QLineEdit) -> int | None:
    text = edit.text().strip()
    return int(text) if text.isdigit() else None


class UserEditDialog(QDialog):
    """A new user (user is None: with a first password) or an existing one's details. teams:
    (id, name) of the teams to choose from. saved_id: the user's id once saved."""

    def __init__(
        self,
        ctx: PageContext,
        teams: Sequence[tuple[int, str]],
        user: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.saved_id: int | None = None
        new = user is None
        self.setWindowTitle(self.tr("New user") if new else self.tr("Edit user"))
        self.setMinimumWidth(480)
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.login = QLineEdit()
        self.login.setMaxLength(100)
        self.login.setToolTip(self.tr("What they type to sign in; letter case does not matter."))
        self.role = QComboBox()
        for code in ROLES:
            self.role.addItem(role_label(code), code)
        self.team = QComboBox()
        self.team.addItem(self.tr("No team"), None)
        for team_id, name in teams:
            self.team.addItem(name, team_id)
        self.customer_cap = cap_edit(self.tr("The team's cap"))
        self.locked_cap = cap_edit(self.tr("The team's cap"))
        self.password = PasswordPair() if new else None
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Customer cap"), self.customer_cap)
        form.addRow(self.tr("Locked-customer cap"), self.locked_cap)
        if self.password is not None:
            form.addRow(self.tr("Password"), self.password)
        self.problem = problem_label()
        buttons = ok_cancel(self, self._on_ok_clicked, save=True)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        if new:
            self.ok_button.setText(self.tr("Create user"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if new:
            note = QLabel(
                self.tr(
                    "Give them their password in person. They choose their own the first "
                    "time they sign in."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        # update_user moves what they own into the new team (policy.move_to_team): said before
        self.team_note = QLabel(self.tr("Their customers, deals and contracts move with them "
                                        "to the new team."))  # fmt: skip
        self.team_note.setWordWrap(True)
        self.team_note.hide()
        layout.addWidget(self.team_note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if user is not None:
            self._fill(user)
            self.team.currentIndexChanged.connect(self._on_team_changed)

    def _on_team_changed(self, _index: int) -> None:
        self.team_note.setVisible(self.team.currentData() != self.user.team_id)

    def _fill(self, user: Any) -> None:
        self.name.setText(user.name)
        self.login.setText(user.login)
        index = self.role.findData(user.role)
        if index < 0:  # a role this version does not know: shown, and kept unless changed
            self.role.addItem(user.role, user.role)
            index = self.role.count() - 1
        self.role.setCurrentIndex(index)
        index = self.team.findData(user.team_id)
        self.team.setCurrentIndex(max(index, 0))
        for edit, value in ((self.customer_cap, user.customer_cap),
                            (self.locked_cap, user.locked_cap)):  # fmt: skip
            edit.setText("" if value is None else str(value))

    def value(self) -> UserInput:
        return UserInput(
            name=self.name.text().strip(),
            login=self.login.text().strip(),
            role=self.role.currentData(),
            team_id=self.team.currentData(),
            customer_cap=cap_value(self.customer_cap),
            locked_cap=cap_value(self.locked_cap),
        )

    def _fields(self) -> dict[str, QWidget]:
        fields: dict[str, QWidget] = {
            "name": self.name,
            "login": self.login,
            "role": self.role,
            "team": self.team,
            "customer_cap": self.customer_cap,
            "locked_cap": self.locked_cap,
        }
        if self.password is not None:
            fields["password"] = self.password.first
        return fields

    def _on_ok_clicked(self) -> None:
        if not self.ok_button.isEnabled():
            return
        for widget in self._fields().values():
            widget.setStyleSheet("")
        data = self.value()
        problem, field = "", ""
        if not data.name:
            problem, field = self.tr("Type the user's name."), "name"
        elif not data.login:
            problem, field = self.tr("Type the login they sign in with."), "login"
        elif self.password is not None and self.password.problem(data.login):
            problem, field = self.password.problem(data.login), "password"
        if problem:
            self._show_problem(problem, [field])
            return
        self.ok_button.setEnabled(False)  # one save at a time
        self.problem.hide()
        ws = self.ctx.workspace
        if self.user is None:
            password = self.password.password()
            call = lambda: ws.create_user(data, password)  # noqa: E731
        else:
            user_id = self.user.id
            call = lambda: ws.update_user(user_id, data)  # noqa: E731
        self.ctx.write(call, self._on_saved, self._on_save_failed, owner=self)

    def _on_saved(self, result) -> None:
        self.saved_id = result.value if self.user is None else self.user.id
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self._show_problem(error_text(exc), problem_fields(exc))

    def _show_problem(self, text: str, fields: list[str]) -> None:
        self.problem.setText(text)
        self.problem.show()
        widgets = [self._fields()[f] for f in fields if f in self._fields()]
        for widget in widgets:
            widget.setStyleSheet(MARKED)
        if widgets:
            widgets[0].setFocus()


class ResetPasswordDialog(QDialog):
    """An administrator sets a new password for someone who forgot theirs: they must choose
    their own at their next sign-in, and a lock-out ends."""

    def __init__(self, ctx: PageContext, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.setWindowTitle(self.tr("Reset password"))
        self.setMinimumWidth(440)
        intro = QLabel(
            self.tr(
                "A new password for {name} ({login}). They must choose their own the next "
                "time they sign in."
            ).format(name=user.name, login=user.login)
        )
        intro.setWordWrap(True)
        self.password = PasswordPair()
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password)
        self.problem = problem_label()
        buttons = ok_cancel(self, self._on_ok_clicked)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reset password"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _on_ok_clicked(self) -> None:
        if not self.ok_button.isEnabled():
            return
        problem = self.password.problem(self.user.login)
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.ok_button.setEnabled(False)
        self.problem.hide()
        ws, user_id, password = self.ctx.workspace, self.user.id, self.password.password()
        self.ctx.write(lambda: ws.reset_password(user_id, password), self._on_saved,
                       self._on_save_failed, owner=self)  # fmt: skip

    def _on_saved(self, _result) -> None:
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.problem.setText(error_text(exc))
        self.problem.show()
        if problem_fields(exc):
            self.password.first.setStyleSheet(MARKED)
            self.password.first.setFocus()
