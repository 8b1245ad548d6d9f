"""The detail panel's contact actions (add, edit, remove), a part of CustomerDetailPanel kept in a
module of its own. Its texts are translated in the panel's context, which is the class they
are shown by."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from crmdesk.models.contacts import ContactInput, ContactRow
from crmdesk.views import prompts
from crmdesk.views.contact_dialog import ContactDialog
from crmdesk.views.customer_tabs import ContactsTab


class ContactActions:
    """Mixed into CustomerDetailPanel, whose detail, contacts, _write and _check_duplicates it
    uses; it makes the Contacts tab and its buttons."""

    def _contacts_tab(self) -> ContactsTab:
        tab = ContactsTab()
        self.contacts_table = tab.table
        self.add_contact_button = tab.add_button
        self.edit_contact_button = tab.edit_button
        self.remove_contact_button = tab.remove_button
        self.contacts_table.doubleClicked.connect(self._on_edit_contact_clicked)
        self.add_contact_button.clicked.connect(self._on_add_contact_clicked)
        self.edit_contact_button.clicked.connect(self._on_edit_contact_clicked)
        self.remove_contact_button.clicked.connect(self._on_remove_contact_clicked)
        return tab

    def _selected_contact(self) -> ContactRow | None:
        row = self.contacts_table.currentRow()
        return self._contacts[row] if 0 <= row < len(self._contacts) else None

    def _save_contact(self, contact: ContactRow | None, typed: ContactInput | None = None) -> None:
        """typed: what the user had entered, when the dialog opens again after they chose not
        to save a duplicate phone (they may correct it)."""
        if self.detail is None:
            return
        dialog = ContactDialog(typed or (contact.data if contact else None), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        value, customer_id = dialog.value(), self.detail.id
        before = {contact.data.mobile, contact.data.phone} if contact else set()
        new_phones = [p for p in (value.mobile, value.phone) if p and p not in before]
        contact_id = contact.id if contact else None

        def saved(_result) -> None:
            if contact:
                text = QCoreApplication.translate(
                    "CustomerDetailPanel", "Saved the contact {name}."
                )
            else:
                text = QCoreApplication.translate("CustomerDetailPanel", "Added {name}.")
            self.ctx.notify(text.format(name=value.name))

        def save() -> None:
            self._write(
                lambda: self.workspace.save_contact(customer_id, contact_id, value),
                self.add_contact_button,
                saved,
            )

        if new_phones:
            self._check_duplicates("", new_phones, save, lambda: self._save_contact(contact, value))
        else:
            save()

    def _on_add_contact_clicked(self) -> None:
        self._save_contact(None)

    def _on_edit_contact_clicked(self) -> None:
        contact = self._selected_contact()
        if contact is not None:
            self._save_contact(contact)

    def _on_remove_contact_clicked(self) -> None:
        contact = self._selected_contact()
        if contact is None or self.detail is None:
            return
        if not prompts.confirm_remove_contact(self, contact.data.name):
            return
        customer_id = self.detail.id
        self._write(
            lambda: self.workspace.remove_contact(customer_id, contact.id),
            self.remove_contact_button,
            lambda _result: self.ctx.notify(
                QCoreApplication.translate("CustomerDetailPanel", "Removed {name}.").format(
                    name=contact.data.name
                )
            ),
        )
