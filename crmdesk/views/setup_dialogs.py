"""First start (who are you, demo data or empty) and the settings dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
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
