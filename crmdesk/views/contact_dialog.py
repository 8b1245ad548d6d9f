"""Adding or editing one contact of a customer."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.contacts import ContactInput, validate_contact
from crmdesk.views import prompts
from crmdesk.views.errors import validation_text
from crmdesk.views.widgets import ok_cancel, problem_label


class ContactDialog(QDialog):
    def __init__(self, value: ContactInput | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact"))
        value = value or ContactInput(name="")
        self._initial: ContactInput | None = None  # what it opened with, once built
        self.name = QLineEdit(value.name)
        self.title_edit = QLineEdit(value.title)
        self.mobile = QLineEdit(value.mobile)
        self.phone = QLineEdit(value.phone)
        self.email = QLineEdit(value.email)
        self.wechat = QLineEdit(value.wechat)
        self.has_birthday = QCheckBox(self.tr("Known"))
        self.birthday = QDateTimeEdit()
        self.birthday.setDisplayFormat("yyyy-MM-dd")
        self.birthday.setCalendarPopup(True)
        self.has_birthday.setChecked(value.birthday is not None)
        self.birthday.setDate(QDate(value.birthday) if value.birthday else QDate(1985, 1, 1))
        self.birthday.setEnabled(value.birthday is not None)
        self.has_birthday.toggled.connect(self.birthday.setEnabled)
        self.primary = QCheckBox(self.tr("Primary contact"))
        self.primary.setChecked(value.is_primary)
        self.problems = problem_label()
        birthday_row = QHBoxLayout()
        birthday_row.addWidget(self.has_birthday)
        birthday_row.addWidget(self.birthday, 1)
        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Mobile"), self.mobile)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("WeChat"), self.wechat)
        form.addRow(self.tr("Birthday"), birthday_row)
        form.addRow("", self.primary)
        buttons = ok_cancel(self, self._on_ok_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self._initial = self.value()

    def reject(self) -> None:
        """Cancel, Esc or the close button throw away what was typed only when the user says so."""
        changed = self._initial is not None and self.value() != self._initial
        if changed and not prompts.confirm_discard(
            self, self.tr("Discard the changes to this contact?")
        ):
            return
        super().reject()

    def value(self) -> ContactInput:
        return ContactInput(
            name=self.name.text().strip(),
            title=self.title_edit.text().strip(),
            mobile=self.mobile.text().strip(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            wechat=self.wechat.text().strip(),
            birthday=self.birthday.date().toPython() if self.has_birthday.isChecked() else None,
            is_primary=self.primary.isChecked(),
        )

    def _on_ok_clicked(self) -> None:
        errors = validate_contact(self.value())
        if errors:
            self.problems.setText(validation_text(errors))
            self.problems.show()
            return
        self.accept()
