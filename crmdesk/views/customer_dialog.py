"""New customer: the fields, a first contact, validation, and a duplicate warning before saving."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.contacts import ContactInput, validate_contact
from crmdesk.models.customers import DuplicateResult, validate_customer
from crmdesk.models.errors import CrmError
from crmdesk.models.workspace import Workspace
from crmdesk.views.customer_form import CustomerForm
from crmdesk.views.errors import show_error, validation_text
from crmdesk.views.widgets import ok_cancel, problem_label


def duplicate_text(duplicates: list[DuplicateResult]) -> str:
    """Which customer already has this name or phone, and who owns it."""
    lines = []
    for d in duplicates:
        owner = d.owner_name or QCoreApplication.translate("CustomerDialog", "nobody")
        if d.field == "name":
            lines.append(
                QCoreApplication.translate(
                    "CustomerDialog", "The name is already used by “{customer}” (owner: {owner})."
                ).format(customer=d.customer_name, owner=owner)
            )
        else:
            lines.append(
                QCoreApplication.translate(
                    "CustomerDialog",
                    "The phone {phone} already belongs to “{customer}” (owner: {owner}).",
                ).format(phone=d.value, customer=d.customer_name, owner=owner)
            )
    return "\n".join(lines)


class CustomerDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("New customer"))
        self.form = CustomerForm()
        choices = workspace.filter_choices()
        self.form.set_choices(choices.industries, choices.provinces, choices.sources)
        contact_box = QGroupBox(self.tr("First contact (optional)"))
        self.contact_name = QLineEdit()
        self.contact_title = QLineEdit()
        self.contact_mobile = QLineEdit()
        self.contact_phone = QLineEdit()
        self.contact_email = QLineEdit()
        cform = QFormLayout(contact_box)
        cform.addRow(self.tr("Name"), self.contact_name)
        cform.addRow(self.tr("Title"), self.contact_title)
        cform.addRow(self.tr("Mobile"), self.contact_mobile)
        cform.addRow(self.tr("Phone"), self.contact_phone)
        cform.addRow(self.tr("Email"), self.contact_email)
        self.problems = problem_label()
        buttons = ok_cancel(self, self._on_save_clicked, save=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(contact_box)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(480, 620)

    def contact_value(self) -> ContactInput | None:
        fields = (
            self.contact_name,
            self.contact_title,
            self.contact_mobile,
            self.contact_phone,
            self.contact_email,
        )
        if not any(f.text().strip() for f in fields):
            return None
        return ContactInput(
            name=self.contact_name.text().strip(),
            title=self.contact_title.text().strip(),
            mobile=self.contact_mobile.text().strip(),
            phone=self.contact_phone.text().strip(),
            email=self.contact_email.text().strip(),
            is_primary=True,
        )

    def _on_save_clicked(self) -> None:
        data = self.form.value()
        contact = self.contact_value()
        errors = validate_customer(data)
        if contact is not None:
            # "name" alone would read as the customer's name
            errors += [
                ("contact_name" if f == "name" else f, code)
                for f, code in validate_contact(contact)
            ]
        if errors:
            self.problems.setText(validation_text(errors))
            self.problems.show()
            return
        self.problems.hide()
        phones = [contact.mobile, contact.phone] if contact else []
        try:
            duplicates = self.workspace.find_duplicates(data.name, phones)
            if duplicates and not self.confirm_duplicates(duplicates):
                return
            self.created_id = self.workspace.create_customer(data, [contact] if contact else [])
        except CrmError as exc:
            show_error(self, exc)
            return
        self.accept()

    def confirm_duplicates(self, duplicates: list[DuplicateResult]) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Possible duplicate"),
            self.tr("This customer may already exist:"),
            parent=self,
        )
        box.setInformativeText(duplicate_text(duplicates) + "\n\n" + self.tr("Save it anyway?"))
        save = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is save
