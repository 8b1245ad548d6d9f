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


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to crmdesk"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Alex Chen"))
        self.demo = QRadioButton(self.tr("Load demo data to look around (2,000 customers)"))
        self.empty = QRadioButton(self.tr("Start with an empty database"))
        self.empty.setChecked(True)
        self.problem = problem_label(self.tr("Please enter your name."))
        self.name.textChanged.connect(lambda text: self.problem.setVisible(
            self.problem.isVisible() and not text.strip()))  # fmt: skip
        intro = QLabel(
            self.tr(
                "crmdesk keeps your customers in a file on this computer. "
                "You are its administrator."
            )
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(420)  # a wrapped label needs a width to compute its height
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        buttons = ok_cancel(self, self._on_ok_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.empty)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def value(self) -> tuple[str, bool]:
        return self.name.text().strip(), self.demo.isChecked()

    def _on_ok_clicked(self) -> None:
        if not self.name.text().strip():
            self.problem.show()
            self.adjustSize()  # room for the line, so the text above keeps its own
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
