"""New customer: the fields, a first contact, validation, and a duplicate warning before saving."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import WriteResult
from crmdesk.models.contacts import ContactInput, validate_contact
from crmdesk.models.customer_list import FilterChoices
from crmdesk.models.customers import CustomerInput, validate_customer
from crmdesk.views import prompts
from crmdesk.views.context import PageContext
from crmdesk.views.customer_form import CustomerForm
from crmdesk.views.errors import error_text, validation_text
from crmdesk.views.widgets import ok_cancel, problem_label


class CustomerDialog(QDialog):
    """New customer. Saving checks the input here, asks the database for duplicates, then
    creates; the Save button waits while it does, and nothing typed is lost on an error."""

    def __init__(
        self, ctx: PageContext, choices: FilterChoices | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.created_id: int | None = None
        self.existing_id = 0  # "Open the existing customer" chosen at a duplicate warning
        self.setWindowTitle(self.tr("New customer"))
        self.form = CustomerForm()
        self.form.set_value(CustomerInput(name=""))  # the rules' defaults: level C, a lead
        if choices is not None:
            self.form.set_choices(choices.industries, choices.provinces, choices.sources)
        else:
            ctx.read(
                self.workspace.filter_choices,
                lambda c: self.form.set_choices(c.industries, c.provinces, c.sources),
                lambda _exc: None,  # the lists only help typing; the form works without them
                owner=self,
            )
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
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
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
            self._show_problem(validation_text(errors))
            return
        self.problems.hide()
        self.save_button.setEnabled(False)
        phones = [contact.mobile, contact.phone] if contact else []
        self.ctx.read(
            lambda: self.workspace.find_duplicates(data.name, phones),
            lambda duplicates: self._on_duplicates_checked(data, contact, duplicates),
            self._on_failed,
            owner=self,
        )

    def _on_duplicates_checked(self, data, contact, duplicates) -> None:
        answer, other = prompts.ask_duplicate(self, duplicates) if duplicates else ("save", 0)
        if answer == "open":  # the user goes to the one that exists instead
            self.existing_id = other
            self.done(QDialog.DialogCode.Rejected)
            return
        if answer != "save":
            self.save_button.setEnabled(True)
            return
        self.ctx.write(
            lambda: self.workspace.create_customer(data, [contact] if contact else []),
            self._on_created,
            self._on_failed,
            owner=self,
        )

    def _on_created(self, result: WriteResult) -> None:
        self.created_id = result.value
        self.ctx.notify(self.tr("Created “{name}”.").format(name=self.form.value().name))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._show_problem(error_text(exc))

    def _show_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()

    def has_input(self) -> bool:
        return self.form.value() != CustomerInput(name="") or self.contact_value() is not None

    def reject(self) -> None:
        """Cancel, Esc or the close button: what was typed is thrown away only when the user
        says so."""
        if self.has_input() and not prompts.confirm_discard(
            self, self.tr("Discard the new customer?")
        ):
            return
        super().reject()
