"""The contract dialog's Details: a contract's fields as a form (the customer picked as a deal's
is, deal_form.CustomerPicker), read back as a ContractInput and the fields that could not be read;
and what the dialog says about them: the fields by name, what to fix when the rules refuse a save,
a colleague's save in between. Strings in the "ContractDialog" context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import WriteResult
from crmdesk.models.contract_rules import STATUS_MOVES, ContractInput
from crmdesk.models.deal_rules import LineInput
from crmdesk.models.users import UserRow
from crmdesk.views.context import PageContext
from crmdesk.views.contract_texts import (
    confirm_complete,
    confirm_terminate,
    contract_error_text,
    event_detail,
    event_label,
    status_label,
)
from crmdesk.views.customer_tabs import fill_table, table_widget
from crmdesk.views.deal_form import CustomerPicker
from crmdesk.views.deal_move_dialogs import parse_money
from crmdesk.views.deal_words import money
from crmdesk.views.labels import local_time
from crmdesk.views.widgets import chinese_calendar, make_typeable


class ContractHistory(QWidget):
    """What happened to the contract, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Detail")]
        self.table: QTableWidget = table_widget(headers, stretch=3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def fill(self, events) -> None:
        rows = [(local_time(e.at), e.actor_name, event_label(e.kind),
                 event_detail(e.kind, e.detail))
                for e in reversed(events)]  # fmt: skip
        fill_table(self.table, rows)
        self.table.setCurrentCell(-1, -1)


class ContractStatusBar(QWidget):
    """How the contract stands (customer · status · received of amount) and the moves its
    status allows (contract_rules.STATUS_MOVES): Activate (above the administrator's limits it
    goes to a manager for approval first, and says so), Complete, Terminate, Reopen, Back to
    draft. Each is its own write; `written` when one went through, `failed` with what to say.
    Completing with money outstanding and terminating ask first; while a manager decides on
    activating, no move is offered (the decision moves it)."""

    written = Signal()
    failed = Signal(str)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = None
        self._busy = False
        self._held = False  # unsaved edits: a status move waits for them to be saved
        self.label = QLabel()
        self.label.setObjectName("detailSubheading")
        self.label.setWordWrap(True)
        self.approval = QLabel()
        self.approval.setObjectName("dealApprovalNote")  # the deal dialog's look
        self.approval.setWordWrap(True)
        self.approval.setStyleSheet(
            "QLabel#dealApprovalNote { background: #fff4d6; color: #6b4e00; padding: 6px; "
            "border-radius: 4px; }"
        )
        self.approval.hide()
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        column.addLayout(row)
        column.addWidget(self.approval)
        row.addWidget(self.label, 1)
        for status, text in (("active", self.tr("Activate")), ("completed", self.tr("Complete")),
                             ("terminated", self.tr("Terminate…")),
                             ("draft", self.tr("Back to draft"))):  # fmt: skip
            button = QPushButton(text)
            button.hide()
            button.clicked.connect(lambda _c=False, s=status: self._on_clicked(s))
            self.buttons[status] = button
            row.addWidget(button)
        self.buttons["active"].setToolTip(
            self.tr(
                "Above the amount or discount an administrator set, activating asks a "
                "manager's approval first."
            )  # fmt: skip
        )

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def set_contract(self, detail, held: bool = False) -> None:
        self.detail, self._held = detail, held
        d = detail
        moves = STATUS_MOVES.get(d.status, ()) if d is not None and d.editable else ()
        for status, button in self.buttons.items():
            button.setVisible(status in moves)
            button.setEnabled(not self._busy and not held and not d.awaiting_approval)
        waiting = d is not None and d.awaiting_approval
        if waiting and d.approval is not None:
            self.approval.setText(
                self.tr(
                    "Awaiting a manager's approval (asked by {who} on {at}): the contract "
                    "becomes active once approved. Until then its lines, amount and payment "
                    "plan stay as the manager sees them, and its status cannot change."
                ).format(who=d.approval.requested_by or "—", at=local_time(d.approval.requested_at))
            )
        elif waiting:
            self.approval.setText(
                self.tr(
                    "Awaiting a manager's approval: the contract becomes active once approved. "
                    "Until then its lines, amount and payment plan stay as the manager sees "
                    "them, and its status cannot change."
                )
            )
        self.approval.setVisible(waiting)
        reopen = d is not None and d.status == "completed"
        self.buttons["active"].setText(self.tr("Reopen") if reopen else self.tr("Activate"))

    def _on_clicked(self, status: str) -> None:
        d = self.detail
        if d is None or self._busy or d.awaiting_approval:
            return
        if status == "terminated" and not confirm_terminate(self, d.data.title):
            return
        if status == "completed" and d.outstanding > 0:
            if not confirm_complete(self, d.data.title, d.outstanding):
                return
        ws = self.ctx.workspace
        self._busy = True
        self.set_contract(d, self._held)

        def call() -> WriteResult:
            return ws.set_contract_status(d.id, status, d.version)  # the contract as it stands

        def done(result: WriteResult) -> None:
            self._busy = False
            if status == "active" and result.value.awaiting_approval:
                text = self.tr("Sent to a manager for approval: “{title}” becomes active once "
                               "approved.").format(title=d.data.title)  # fmt: skip
            else:
                text = self.tr("“{title}” is now {status}.").format(
                    title=d.data.title, status=status_label(result.value.status)
                )
            self.ctx.notify(text)
            self.written.emit()

        def error(exc: BaseException) -> None:
            self._busy = False
            self.set_contract(d, self._held)
            self.failed.emit(contract_error_text(exc, activating=status == "active"))

        self.ctx.write(call, done, error, owner=self)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateField(QWidget):
    """A day that may be left unset ("No date" ticked)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        chinese_calendar(self.edit)
        self.edit.setDate(QDate.currentDate())
        self._read_only = False
        self.none = QCheckBox(self.tr("No date"))
        self.none.toggled.connect(self._on_none_toggled)
        self.none.setChecked(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.none)
        row.addStretch(1)
        self.edit.dateChanged.connect(self.changed)
        self.none.toggled.connect(self.changed)

    @Slot(bool)
    def _on_none_toggled(self, on: bool) -> None:
        # Not none.isEnabled(): that is False while a parent is disabled (the dialog while it
        # loads), which left a prefilled day greyed for good.
        self.edit.setEnabled(not on and not self._read_only)

    def set_value(self, day: date | None) -> None:
        self.none.setChecked(day is None)
        if day is not None:
            self.edit.setDate(_qdate(day))

    def value(self) -> date | None:
        if self.none.isChecked():
            return None
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())

    def snapshot(self) -> tuple:
        return self.none.isChecked(), self.edit.date().toString(Qt.DateFormat.ISODate)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.none.setEnabled(not read_only)
        self.edit.setEnabled(not read_only and not self.none.isChecked())


class ContractForm(QWidget):
    """The fields of a contract. The deal is one of the customer's deals, or fixed when the
    contract comes from one; a blank number is generated from the administrator's pattern."""

    changed = Signal()

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._deal_fixed = False
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Generated when saved"))
        self.title = QLineEdit()
        self.customer = CustomerPicker(ctx)
        self.deal = QComboBox()
        self.deal.addItem(self.tr("(none)"), None)
        self.owner = make_typeable(QComboBox())
        self.amount = QLineEdit()
        self.signed_on = DateField()
        self.starts_on = DateField()
        self.ends_on = DateField()
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(60)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Title *"), self.title)
        form.addRow(self.tr("Customer *"), self.customer)
        form.addRow(self.tr("Deal"), self.deal)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Signed on"), self.signed_on)
        form.addRow(self.tr("Starts on"), self.starts_on)
        form.addRow(self.tr("Ends on"), self.ends_on)
        form.addRow(self.tr("Notes"), self.notes)
        self.fields = {
            "number": self.number, "title": self.title, "customer_id": self.customer.edit,
            "deal_id": self.deal, "owner_id": self.owner, "amount": self.amount,
            "signed_on": self.signed_on.edit, "starts_on": self.starts_on.edit,
            "ends_on": self.ends_on.edit, "notes": self.notes,
        }  # fmt: skip
        for edit in (self.number, self.title, self.amount):
            edit.textChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        self.customer.chosen.connect(self.changed)
        for day in (self.signed_on, self.starts_on, self.ends_on):
            day.changed.connect(self.changed)
        self.owner.currentIndexChanged.connect(self.changed)
        self.deal.currentIndexChanged.connect(self.changed)
        self.set_lines_total(Decimal("0.00"))

    # -- filling
    def set_users(self, users: Sequence[UserRow]) -> None:
        self.owner.blockSignals(True)
        self.owner.clear()
        for u in users:
            self.owner.addItem(u.name, u.id)
        self.owner.blockSignals(False)

    def set_owner(self, owner_id: int | None, name: str) -> None:
        if owner_id is not None and self.owner.findData(owner_id) < 0:
            self.owner.addItem(name or "—", owner_id)  # not someone this user may hand work to
        self.owner.setCurrentIndex(max(0, self.owner.findData(owner_id)))

    def set_deals(self, deals: Sequence[tuple[int, str]], chosen: int | None) -> None:
        """The customer's deals to pick from ((id, title)); a contract from a deal keeps it."""
        if self._deal_fixed:
            return
        self.deal.blockSignals(True)
        self.deal.clear()
        self.deal.addItem(self.tr("(none)"), None)
        for deal_id, title in deals:
            self.deal.addItem(title, deal_id)
        self.deal.setCurrentIndex(max(0, self.deal.findData(chosen)))
        self.deal.blockSignals(False)

    def fix_deal(self, deal_id: int, title: str) -> None:
        """The contract came from this deal: shown, not changed."""
        self._deal_fixed = True
        self.deal.blockSignals(True)
        self.deal.clear()
        self.deal.addItem(title or "—", deal_id)
        self.deal.setEnabled(False)
        self.deal.setToolTip(self.tr("The deal this contract was made from."))
        self.deal.blockSignals(False)

    def set_contract(self, data: ContractInput, owner_name: str) -> None:
        """The fields as stored (or as a won deal prefills them)."""
        self.number.setText(data.number)
        self.title.setText(data.title)
        self.amount.setText("" if data.amount is None else f"{data.amount:,.2f}")
        self.signed_on.set_value(data.signed_on)
        self.starts_on.set_value(data.starts_on)
        self.ends_on.set_value(data.ends_on)
        self.notes.setPlainText(data.notes)
        if data.owner_id is not None:
            self.set_owner(data.owner_id, owner_name)

    def set_lines_total(self, total: Decimal | None) -> None:
        """The amount a blank Amount stands for, shown in it as the lines change."""
        shown = money(total) if total is not None else "—"
        self.amount.setPlaceholderText(self.tr("{total} (the lines' total)").format(total=shown))

    # -- reading back
    def value(self, lines: tuple[LineInput, ...]) -> tuple[ContractInput, list[tuple[str, str]]]:
        """The contract as typed, and the fields that could not be read ((field, code))."""
        errors: list[tuple[str, str]] = []
        amount = None
        if self.amount.text().strip():
            amount = parse_money(self.amount.text())
            if amount is None:
                errors.append(("amount", "invalid"))
        if self.customer.customer_id is None:
            errors.append(("customer_id", "required"))
        data = ContractInput(
            customer_id=self.customer.customer_id or 0,
            title=self.title.text().strip(),
            amount=amount,
            deal_id=self.deal.currentData(),
            owner_id=self.owner.currentData(),
            number=self.number.text().strip(),
            signed_on=self.signed_on.value(),
            starts_on=self.starts_on.value(),
            ends_on=self.ends_on.value(),
            notes=self.notes.toPlainText(),
            lines=lines,
        )
        return data, errors

    def amount_or(self, lines_total: Decimal | None) -> Decimal | None:
        """The contract's amount as typed, else the lines' total (the plan templates fill it)."""
        if self.amount.text().strip():
            return parse_money(self.amount.text())
        return lines_total

    def snapshot(self) -> tuple:
        """What the user sees, to tell whether anything was changed."""
        return (self.number.text(), self.title.text(), self.customer.customer_id,
                self.deal.currentData(), self.owner.currentData(), self.amount.text(),
                self.signed_on.snapshot(), self.starts_on.snapshot(), self.ends_on.snapshot(),
                self.notes.toPlainText())  # fmt: skip

    def set_read_only(self, read_only: bool, awaiting: bool = False) -> None:
        """awaiting: a manager decides on the amount as it stands, so it stays."""
        for edit in (self.number, self.title):
            edit.setReadOnly(read_only)
        self.amount.setReadOnly(read_only or awaiting)
        self.amount.setToolTip(
            self.tr("The amount stays as it is while a manager decides on activating.")
            if awaiting and not read_only
            else ""
        )
        self.notes.setReadOnly(read_only)
        self.owner.setEnabled(not read_only)
        self.deal.setEnabled(not read_only and not self._deal_fixed)
        for day in (self.signed_on, self.starts_on, self.ends_on):
            day.set_read_only(read_only)

    def mark_invalid(self, names: Sequence[str]) -> None:
        for name, widget in self.fields.items():
            invalid = name in names
            if bool(widget.property("invalid")) != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)


def merge_contract(
    mine: ContractInput, was: ContractInput, current: ContractInput
) -> tuple[ContractInput, list[str]]:
    """A colleague saved `current` over `was` while the user typed `mine`: their changes to
    fields the user left as they were come into the user's, and the fields both changed to
    different values (the user's call)."""
    names = [f.name for f in fields(ContractInput)]
    merged = replace(mine, **{f: getattr(current, f) for f in names
                              if getattr(mine, f) == getattr(was, f)})  # fmt: skip
    both = [f for f in names if getattr(mine, f) != getattr(was, f)
            and getattr(current, f) != getattr(was, f)
            and getattr(mine, f) != getattr(current, f)]  # fmt: skip
    return merged, both
