"""The customer detail panel: fields, contacts, the follow-up timeline and ownership history."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.contacts import ContactInput, ContactRow, validate_contact
from crmdesk.models.customers import CustomerDetail
from crmdesk.models.errors import CrmError, NotFound
from crmdesk.models.follow_ups import FollowUpInput
from crmdesk.models.schema import FOLLOW_UP_KINDS
from crmdesk.models.workspace import Workspace
from crmdesk.views.customer_dialog import duplicate_text
from crmdesk.views.customer_form import CustomerForm
from crmdesk.views.errors import show_error, validation_text
from crmdesk.views.labels import kind_label, local_time, ownership_label, reason_label
from crmdesk.views.widgets import ok_cancel, problem_label


def _to_utc(value: QDateTime) -> datetime:
    local = value.toPython()
    return local.astimezone(UTC).replace(tzinfo=None)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ContactDialog(QDialog):
    def __init__(self, value: ContactInput | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact"))
        value = value or ContactInput(name="")
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


class CustomerDetailPanel(QWidget):
    """Shows one customer; emits `changed` after any save so the list can refresh."""

    changed = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.detail: CustomerDetail | None = None
        self._contacts: list[ContactRow] = []

        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setObjectName("detailSubheading")
        self.tabs = QTabWidget()

        # details
        self.form = CustomerForm()
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.reload)
        details = QWidget()
        dl = QVBoxLayout(details)
        dl.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        dl.addLayout(row)
        dl.addStretch(1)
        self.tabs.addTab(details, self.tr("Details"))

        # contacts
        self.contacts_table = _table(
            [
                self.tr("Name"),
                self.tr("Title"),
                self.tr("Mobile"),
                self.tr("Phone"),
                self.tr("Email"),
                self.tr("WeChat"),
            ]
        )
        self.contacts_table.doubleClicked.connect(self._on_edit_contact_clicked)
        add = QPushButton(self.tr("Add…"))
        add.clicked.connect(self._on_add_contact_clicked)
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self._on_edit_contact_clicked)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._on_remove_contact_clicked)
        contacts = QWidget()
        cl = QVBoxLayout(contacts)
        cl.addWidget(self.contacts_table)
        crow = QHBoxLayout()
        for b in (add, edit, remove):
            crow.addWidget(b)
        crow.addStretch(1)
        cl.addLayout(crow)
        self.tabs.addTab(contacts, self.tr("Contacts"))

        # follow-ups
        self.fu_kind = QComboBox()
        for kind in FOLLOW_UP_KINDS:
            self.fu_kind.addItem(kind_label(kind), kind)
        self.fu_content = QPlainTextEdit()
        self.fu_content.setPlaceholderText(self.tr("What happened? What did the customer say?"))
        self.fu_content.setFixedHeight(60)
        self.fu_plan_next = QCheckBox(self.tr("Next follow-up"))
        self.fu_next = QDateTimeEdit()
        self.fu_next.setCalendarPopup(True)
        self.fu_next.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.fu_next.setEnabled(False)
        self.fu_plan_next.toggled.connect(self.fu_next.setEnabled)
        self.fu_add = QPushButton(self.tr("Add follow-up"))
        self.fu_add.clicked.connect(self._on_add_follow_up_clicked)
        self.timeline = QTextBrowser()
        follow = QWidget()
        fl = QVBoxLayout(follow)
        top = QHBoxLayout()
        top.addWidget(self.fu_kind)
        top.addWidget(self.fu_plan_next)
        top.addWidget(self.fu_next, 1)
        fl.addLayout(top)
        fl.addWidget(self.fu_content)
        arow = QHBoxLayout()
        arow.addStretch(1)
        arow.addWidget(self.fu_add)
        fl.addLayout(arow)
        fl.addWidget(self.timeline, 1)
        self.tabs.addTab(follow, self.tr("Follow-ups"))

        # ownership history
        self.history = _table(
            [
                self.tr("When"),
                self.tr("What"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Why"),
                self.tr("By"),
            ]
        )
        self.tabs.addTab(self.history, self.tr("Ownership history"))

        self.empty = QLabel(self.tr("Select a customer to see the details."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)
        self.show_customer(None)

    # -- loading
    def show_customer(self, customer_id: int | None) -> None:
        loaded = customer_id is not None
        self.heading.setVisible(loaded)
        self.subheading.setVisible(loaded)
        self.tabs.setVisible(loaded)
        self.empty.setVisible(not loaded)
        if not loaded:
            self.detail = None
            return
        try:
            self.detail = self.workspace.customer(customer_id)
            self._contacts = self.workspace.contacts(customer_id)
            follow_ups = self.workspace.follow_ups(customer_id)
            events = self.workspace.ownership_events(customer_id)
        except CrmError as exc:
            self.detail = None
            self.show_customer(None)
            if not isinstance(exc, NotFound):
                show_error(self, exc)
            return
        d = self.detail
        self.heading.setText(d.data.name)
        self.subheading.setText(
            self.tr(
                "Owner: {owner} · Level {level} · Last follow-up: {last} · Next: {next}"
            ).format(
                owner=d.owner_name or self.tr("nobody"),
                level=d.data.level,
                last=local_time(d.last_follow_up_at) or "—",
                next=local_time(d.next_follow_up_at) or "—",
            )
        )
        self.form.set_value(d.data)
        self._fill_contacts()
        self._fill_timeline(follow_ups)
        self._fill_history(events)
        self.fu_next.setDateTime(QDateTime(QDate.currentDate().addDays(7), QTime(10, 0)))

    def reload(self) -> None:
        self.show_customer(self.detail.id if self.detail else None)

    def set_choices(self, industries, provinces, sources) -> None:
        self.form.set_choices(industries, provinces, sources)

    def _fill_contacts(self) -> None:
        t = self.contacts_table
        t.setRowCount(len(self._contacts))
        for i, c in enumerate(self._contacts):
            name = c.data.name + (" ★" if c.data.is_primary else "")
            values = (name, c.data.title, c.data.mobile, c.data.phone, c.data.email, c.data.wechat)
            for j, v in enumerate(values):
                t.setItem(i, j, QTableWidgetItem(v))

    def _fill_timeline(self, rows) -> None:
        if not rows:
            self.timeline.setHtml(f"<p style='color:gray'>{self.tr('No follow-ups yet.')}</p>")
            return
        parts = []
        for r in rows:
            plan = ""
            if r.next_follow_up_at:
                plan = " · " + self.tr("next: {at}").format(at=local_time(r.next_follow_up_at))
            content = r.content.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
            parts.append(
                f"<p><b>{local_time(r.happened_at)}</b> · {kind_label(r.kind)} · "
                f"{r.author_name}{plan}<br>{content}</p>"
            )
        self.timeline.setHtml("".join(parts))

    def _fill_history(self, events) -> None:
        t = self.history
        t.setRowCount(len(events))
        for i, e in enumerate(events):
            why = reason_label(e.reason_code) if e.reason_code else ""
            if e.reason_text:
                why = f"{why}: {e.reason_text}" if why else e.reason_text
            values = (
                local_time(e.at),
                ownership_label(e.kind),
                e.from_name,
                e.to_name,
                why,
                e.actor_name,
            )
            for j, v in enumerate(values):
                t.setItem(i, j, QTableWidgetItem(v))

    # -- actions
    def _on_save_clicked(self) -> None:
        if self.detail is None:
            return
        data = self.form.value()
        try:
            if data.name != self.detail.data.name and not self._confirm_unique(data.name, []):
                return
            self.detail = self.workspace.update_customer(self.detail.id, data, self.detail)
        except CrmError as exc:  # a Conflict keeps the user's edits in the form; Revert reloads
            show_error(self, exc)
            return
        self.changed.emit(self.detail.id)
        self.reload()

    def _confirm_unique(self, name: str, phones: list[str]) -> bool:
        """Warn, naming customer and owner, when another customer has this name or a phone."""
        duplicates = self.workspace.find_duplicates(name, phones, self.detail.id)
        if not duplicates:
            return True
        answer = QMessageBox.warning(
            self,
            self.tr("Possible duplicate"),
            duplicate_text(duplicates) + "\n\n" + self.tr("Save it anyway?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def _selected_contact(self) -> ContactRow | None:
        row = self.contacts_table.currentRow()
        return self._contacts[row] if 0 <= row < len(self._contacts) else None

    def _save_contact(self, contact: ContactRow | None) -> None:
        if self.detail is None:
            return
        dialog = ContactDialog(contact.data if contact else None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        value = dialog.value()
        before = {contact.data.mobile, contact.data.phone} if contact else set()
        new_phones = [p for p in (value.mobile, value.phone) if p and p not in before]
        try:
            if new_phones and not self._confirm_unique("", new_phones):
                return
            self.workspace.save_contact(self.detail.id, contact.id if contact else None, value)
        except CrmError as exc:
            show_error(self, exc)
            return
        self.changed.emit(self.detail.id)
        self.reload()

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
        answer = QMessageBox.question(
            self,
            self.tr("Remove contact"),
            self.tr("Remove {name} from this customer?").format(name=contact.data.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.workspace.remove_contact(self.detail.id, contact.id)
        except CrmError as exc:
            show_error(self, exc)
            return
        self.changed.emit(self.detail.id)
        self.reload()

    def _on_add_follow_up_clicked(self) -> None:
        if self.detail is None:
            return
        now = self.workspace.clock()
        next_at = _to_utc(self.fu_next.dateTime()) if self.fu_plan_next.isChecked() else None
        data = FollowUpInput(
            self.fu_kind.currentData(), self.fu_content.toPlainText(), now, next_at
        )
        try:
            self.workspace.add_follow_up(self.detail.id, data)
        except CrmError as exc:
            show_error(self, exc)
            return
        self.fu_content.clear()
        self.fu_plan_next.setChecked(False)
        self.changed.emit(self.detail.id)
        self.reload()
        self.tabs.setCurrentIndex(2)
