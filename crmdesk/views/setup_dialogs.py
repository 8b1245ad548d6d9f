"""First start (who are you, demo data or empty), an empty server's first administrator, a
server database older than the program, and the settings dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.views.widgets import ok_cancel, problem_label

LANGUAGES = (("", "System"), ("en", "English"), ("zh_CN", "简体中文"))


SERVER_SCHEMES = ("postgresql", "mysql", "mariadb")


class FirstRunDialog(QDialog):
    """The first start: an empty local database, the demo data, or a team's server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to crmdesk"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Alex Chen"))
        self.empty = QRadioButton(self.tr("Start with an empty database on this computer"))
        self.demo = QRadioButton(self.tr("Load demo data to look around (2,000 customers)"))
        self.server = QRadioButton(self.tr("Connect to my team's database server"))
        self.empty.setChecked(True)
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://user@server/crm")
        self.url.setEnabled(False)
        self.url_hint = QLabel(
            self.tr(
                "The address your administrator gave you, e.g. postgresql://name@server/crm or "
                "mysql://name@server/crm."
            )
        )
        self.url_hint.setWordWrap(True)
        self.url_hint.setObjectName("hint")
        self.server.toggled.connect(self._on_server_toggled)
        self.name_problem = problem_label(self.tr("Please enter your name."))
        self.url_problem = problem_label()
        self.name.textChanged.connect(lambda text: self.name_problem.setVisible(
            self.name_problem.isVisible() and not text.strip()))  # fmt: skip
        self.url.textChanged.connect(lambda _text: self.url_problem.hide())
        intro = QLabel(
            self.tr(
                "crmdesk keeps your customers in a file on this computer, or on your team's "
                "database server. On this computer, you are its administrator."
            )
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(460)  # a wrapped label needs a width to compute its height
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        form.addRow("", self.name_problem)
        server = QVBoxLayout()
        server.setContentsMargins(24, 0, 0, 0)
        server.addWidget(self.url)
        server.addWidget(self.url_problem)
        server.addWidget(self.url_hint)
        buttons = ok_cancel(self, self._on_ok_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.empty)
        layout.addWidget(self.demo)
        layout.addWidget(self.server)
        layout.addLayout(server)
        layout.addWidget(buttons)

    def value(self) -> tuple[str, str]:
        """(the user's name, "empty", "demo" or "server")."""
        start = "server" if self.server.isChecked() else "demo" if self.demo.isChecked() else ""
        return self.name.text().strip(), start or "empty"

    def server_url(self) -> str:
        return self.url.text().strip()

    def _on_server_toggled(self, on: bool) -> None:
        self.url.setEnabled(on)
        self.name.setEnabled(not on)  # the server knows its users
        if on:
            self.url.setFocus()

    def _on_ok_clicked(self) -> None:
        if self.server.isChecked():
            scheme = self.server_url().split(":", 1)[0].split("+", 1)[0].lower()
            if scheme not in SERVER_SCHEMES or "://" not in self.server_url():
                self.url_problem.setText(
                    self.tr("Enter a server address that starts with postgresql:// or mysql://.")
                )
                self.url_problem.show()
                self.url.setFocus()
                return
        elif not self.name.text().strip():
            self.name_problem.show()
            self.name.setFocus()
            return
        self.accept()


class SettingsDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(self.tr("Follow the system") if not code else name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        note = QLabel(self.tr("A new language applies the next time crmdesk starts."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        buttons = ok_cancel(self, self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def value(self) -> str:
        return self.language.currentData()


class FirstAdminDialog(QDialog):
    """An empty server database, set up: its first administrator (name, login, password
    twice). create(name, login, password) runs on the runner's write lane (set the database
    up, then auth.create_first_admin) and returns the signed-in user, kept in .user; a
    refusal keeps the dialog open with what was typed."""

    def __init__(self, runner, create, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up the team's database"))
        self.runner, self.create = runner, create
        self.user = None
        intro = QLabel(
            self.tr(
                "{database} is empty. crmdesk will set it up and make you its first "
                "administrator: you then add your colleagues under File › Users and teams."
            ).format(database=where)
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(420)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Alex Chen"))
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.name, self.login, self.password, self.again):
            edit.textEdited.connect(lambda _text: self.problem.hide())
        rules = QLabel(self.tr("At least 8 characters, and not your login name."))
        rules.setObjectName("hint")
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Again"), self.again)
        form.addRow("", rules)
        self.buttons = ok_cancel(self, self._on_ok_clicked)
        self.ok = self.buttons.button(self.buttons.StandardButton.Ok)
        self.ok.setText(self.tr("Set up"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _on_ok_clicked(self) -> None:
        from crmdesk.views.password_dialogs import new_password_problem

        if not self.ok.isEnabled():
            return
        name, login = self.name.text().strip(), self.login.text().strip()
        if not name or not login:
            self._say(self.tr("Enter your name and a login name."))
            return
        problem = new_password_problem(self.password.text(), self.again.text(), login)
        if problem:
            self.again.clear()
            self._say(problem)
            return
        self.ok.setEnabled(False)
        password, create = self.password.text(), self.create
        self.runner.write(
            lambda: create(name, login, password), self._on_created, self._on_failed, owner=self
        )

    def _on_created(self, user) -> None:
        self.ok.setEnabled(True)
        self.user = user
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        from crmdesk.views.errors import error_text

        self.ok.setEnabled(True)
        self._say(error_text(exc))

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.adjustSize()  # the words may wrap onto more lines


class SchemaTooOldDialog(QDialog):
    """The server's database is older than this program: an administrator upgrades it here
    (login and password, server_setup.upgrade_server on the runner) or everyone waits for
    them. upgrade(login, password) returns (from, to). Accepted once upgraded.

    A server written by an older crmdesk has no passwords: when the server answers that the
    admin has none (UpgradeRefused needs_password), the dialog asks for a new one twice instead
    and calls upgrade(login, "", new_password), which sets it with the upgrade."""

    def __init__(
        self, runner, upgrade, found: str, needed: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The database needs an upgrade"))
        self.runner, self.upgrade, self.needed = runner, upgrade, needed
        intro = QLabel(
            self.tr(
                "This database is at version {found}; this program needs version {needed}. "
                "An administrator can upgrade it now; everyone else: ask your administrator "
                "to upgrade the database to version {needed}."
            ).format(found=found or "?", needed=needed)
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(420)
        note = QLabel(
            self.tr(
                "Upgrading changes the database for the whole team: colleagues still on an "
                "older crmdesk must install this version."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setPlaceholderText(self.tr("Your crmdesk password"))
        self.new_password = QLineEdit()  # shown for an admin without a password
        self.again = QLineEdit()
        for edit in (self.password, self.new_password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.login, self.password, self.new_password, self.again):
            edit.textEdited.connect(lambda _text: self.problem.hide())
        self.login.textEdited.connect(lambda _text: self._ask_new_password(False))
        self.problem = problem_label()
        self.form = form = QFormLayout()
        form.addRow(self.tr("Administrator's login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("New password"), self.new_password)
        form.addRow(self.tr("Again"), self.again)
        self._ask_new_password(False)
        self.buttons = QDialogButtonBox()
        self.upgrade_button = self.buttons.addButton(
            self.tr("Upgrade now"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._on_upgrade_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def asks_new_password(self) -> bool:
        return not self.new_password.isHidden()

    def _ask_new_password(self, on: bool) -> None:
        """The admin has no password yet: a new one, twice, instead of the password."""
        self.form.setRowVisible(self.password, not on)
        self.form.setRowVisible(self.new_password, on)
        self.form.setRowVisible(self.again, on)
        self.new_password.clear()
        self.again.clear()
        if on:
            self.new_password.setFocus()

    def _on_upgrade_clicked(self) -> None:
        from crmdesk.views.password_dialogs import new_password_problem

        if not self.upgrade_button.isEnabled():
            return
        login, password = self.login.text().strip(), self.password.text()
        new = None
        if self.asks_new_password():
            problem = new_password_problem(self.new_password.text(), self.again.text(), login)
            if problem:
                self.again.clear()
                self._say(problem)
                return
            password, new = "", self.new_password.text()
        elif not login:  # the password may be empty: an older server's admin has none
            self._say(self.tr("Enter an administrator's login and password."))
            return
        self.upgrade_button.setEnabled(False)
        self.upgrade_button.setText(self.tr("Upgrading…"))
        upgrade = self.upgrade
        self.runner.write(
            (lambda: upgrade(login, password)) if new is None
            else (lambda: upgrade(login, password, new)),
            self._on_upgraded, self._on_failed, owner=self,
        )  # fmt: skip

    def _on_upgraded(self, _revisions) -> None:
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        from crmdesk.views.errors import error_text

        self.upgrade_button.setEnabled(True)
        self.upgrade_button.setText(self.tr("Upgrade now"))
        self.password.clear()
        if getattr(exc, "params", {}).get("reason") == "needs_password":
            self._ask_new_password(True)
            text = self.tr(
                "{login} has no password yet (older versions of crmdesk used none). Choose "
                "one: it is set with the upgrade, and you sign in with it afterwards."
            ).format(login=self.login.text().strip())
        elif getattr(exc, "params", {}).get("reason") == "not_admin":
            text = self.tr(
                "Only an administrator can upgrade the database. Ask your administrator to "
                "upgrade the database to version {needed}."
            ).format(needed=self.needed)
        else:
            text = error_text(exc)
        self._say(text)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.adjustSize()  # the words may wrap onto more lines
