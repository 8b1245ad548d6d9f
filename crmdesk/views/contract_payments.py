"""The contract dialog's money: payments received (回款) with the instalments each was applied to,
a quick form to record one (to the plan in order, or to a chosen instalment first), voiding one
entered by mistake; and the invoices issued, with a quick form to add one. Each is its own write
through the writer thread; the dialog reloads what it shows when the change comes back.

A payment beyond what the plan still expects is refused by the rules with the amount outstanding:
said in those words, with the offer to keep the excess as the contract's credit. A draft takes no
money (nothing is signed): its forms are hidden, with a line saying so. Days show in the user's
locale, as Today's do."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.errors import ValidationFailed
from crmdesk.models.payments import InvoiceInput, PaymentInput
from crmdesk.models.schema_contracts import PAYMENT_METHODS
from crmdesk.views.context import PageContext
from crmdesk.views.contract_texts import (
    ask_keep_credit,
    confirm_void_payment,
    contract_problem_text,
    day_text,
    method_label,
    payment_field_label,
    payment_problem_text,
)
from crmdesk.views.customer_tabs import fill_table, table_widget
from crmdesk.views.deal_move_dialogs import parse_money
from crmdesk.views.deal_words import money
from crmdesk.views.icons import set_icon
from crmdesk.views.labels import listing, local_time
from crmdesk.views.widgets import chinese_calendar, problem_label


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    chinese_calendar(edit)
    edit.setDate(QDate.currentDate())
    return edit


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _keep_readable(table: QTableWidget) -> None:
    """Columns no narrower than their heading, even while the table is empty."""
    header = table.horizontalHeader()
    header.setMinimumSectionSize(72)
    header.setSectionsClickable(False)


def _draft_note(text: str) -> QLabel:
    note = QLabel(text)
    note.setWordWrap(True)
    note.setStyleSheet("color: gray;")
    note.hide()
    return note


def _invoice_recorders(detail) -> dict[int, str]:
    """Who recorded each invoice: the row's own name when the reader gives one, else the
    history's "invoice" events ("<amount> <number>"), matched oldest first."""
    found: dict[int, str] = {}
    events = [e for e in detail.events if e.kind == "invoice"
              and not e.detail.startswith("deleted ")]  # fmt: skip
    for i in sorted(detail.invoices, key=lambda i: i.id):
        name = getattr(i, "recorded_by_name", None)
        if name is None:
            key = f"{i.amount} {i.number}".strip()
            match = next((e for e in events if e.detail == key), None)
            if match is not None:
                events.remove(match)
                name = match.actor_name
        found[i.id] = name or ""
    return found


def _money_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setMaximumWidth(160)
    return edit


class PaymentsTab(QWidget):
    """Payments received, newest first, each with what it paid; Record a payment; Void."""

    written = Signal()  # a payment recorded or voided

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contract_id: int | None = None
        self._payments: list = []
        self._busy = False
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        headers = [self.tr("Received on"), self.tr("Amount"), self.tr("Method"),
                   self.tr("Reference"), self.tr("Applied to"), self.tr("Credit"),
                   self.tr("Recorded by"), self.tr("Note")]  # fmt: skip
        self.table: QTableWidget = table_widget(headers, stretch=4)
        _keep_readable(self.table)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.void_button = QPushButton(self.tr("Void payment…"))
        set_icon(self.void_button, "delete")
        self.void_button.setEnabled(False)
        self.void_button.clicked.connect(self._on_void_clicked)

        self.received_on = _date_edit()
        self.amount = _money_edit()
        self.amount.setPlaceholderText(self.tr("Amount"))
        self.method = QComboBox()
        for code in PAYMENT_METHODS:
            self.method.addItem(method_label(code), code)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Reference (bank slip, cheque no.)"))
        self.instalment = QComboBox()
        self.record_button = QPushButton(self.tr("Record payment"))
        set_icon(self.record_button, "add")
        self.record_button.clicked.connect(self._on_record_clicked)
        self.amount.returnPressed.connect(self._on_record_clicked)
        self.problems = problem_label()
        self.form = QGroupBox(self.tr("Record a payment"))
        first = QHBoxLayout()
        first.addWidget(self.received_on)
        first.addWidget(self.amount)
        first.addWidget(self.method)
        first.addWidget(self.reference, 1)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Apply to")))
        second.addWidget(self.instalment, 1)
        second.addWidget(self.record_button)
        box = QVBoxLayout(self.form)
        box.addLayout(first)
        box.addLayout(second)
        box.addWidget(self.problems)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)
        self.draft_note = _draft_note(
            self.tr("Payments are recorded once the contract is signed: activate it first.")
        )
        layout.addWidget(self.draft_note)

    # -- filling
    def fill(self, detail) -> None:
        """The contract's payments and plan as read (ContractDetail)."""
        self.contract_id = detail.id
        self._payments = sorted(detail.payments, key=lambda p: (p.received_on, p.id),
                                reverse=True)  # fmt: skip
        position = {i.id: n + 1 for n, i in enumerate(detail.instalments)}
        rows = []
        for p in self._payments:
            applied = listing(
                self.tr("#{n}: {amount}").format(n=position.get(iid, "?"),
                                                 amount=money(part))
                for iid, part in p.allocations
            )  # fmt: skip
            amount = money(p.amount)
            if p.voided_at is not None:
                amount = self.tr("{amount} (void)").format(amount=amount)
            rows.append((day_text(p.received_on), amount, method_label(p.method), p.reference,
                         applied, money(p.credit) if p.credit else "", p.recorded_by_name,
                         p.note))  # fmt: skip
        fill_table(self.table, rows)
        self.table.setColumnHidden(4, False)  # the stretching column keeps the table full width
        struck = QFont(self.table.font())
        struck.setStrikeOut(True)
        for r, p in enumerate(self._payments):
            if p.voided_at is not None:
                for c in range(self.table.columnCount()):
                    item = self.table.item(r, c)
                    item.setForeground(Qt.GlobalColor.gray)
                    if c != 1:
                        item.setFont(struck)
                item.setToolTip(local_time(p.voided_at))
        self.table.setCurrentCell(-1, -1)
        self.summary.setText(
            self.tr("Received {received} of {amount} · outstanding {outstanding}").format(
                received=money(detail.received),
                amount=money(detail.amount),
                outstanding=money(detail.outstanding),  # as the rules count it (credit too)
            )  # fmt: skip
            + (
                self.tr(" · credit {credit}").format(credit=money(detail.credit))
                if detail.credit
                else ""
            )  # fmt: skip
        )
        chosen = self.instalment.currentData()
        self.instalment.clear()
        self.instalment.addItem(self.tr("The plan, in due order"), None)
        for n, i in enumerate(detail.instalments):
            if i.outstanding > 0:
                self.instalment.addItem(
                    self.tr("#{n} due {day}: {left} outstanding").format(
                        n=n + 1, day=day_text(i.due_on), left=money(i.outstanding)
                    ),
                    i.id,
                )
        self.instalment.setCurrentIndex(max(0, self.instalment.findData(chosen)))
        self.set_collectable(detail.collectable, detail.status == "draft")

    def set_collectable(self, collectable: bool, draft: bool = False) -> None:
        self.form.setVisible(collectable and not draft)
        self.draft_note.setVisible(collectable and draft)
        self.void_button.setVisible(collectable and not draft)

    def _selected(self):
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self._payments[rows.pop()] if len(rows) == 1 else None

    @Slot()
    def _on_selection_changed(self) -> None:
        p = self._selected()
        self.void_button.setEnabled(p is not None and p.voided_at is None and not self._busy)

    # -- writing
    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.record_button.setEnabled(not busy)
        self._on_selection_changed()

    def _show_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.setVisible(bool(text))

    @Slot()
    def _on_record_clicked(self) -> None:
        if self._busy or self.contract_id is None:
            return
        amount = parse_money(self.amount.text()) if self.amount.text().strip() else None
        if amount is None:
            code = "invalid" if self.amount.text().strip() else "required"
            self._show_problem(contract_problem_text([(payment_field_label("amount"), code)]))
            self.amount.setFocus()
            return
        data = PaymentInput(
            received_on=_day(self.received_on), amount=amount, method=self.method.currentData(),
            reference=self.reference.text().strip(), instalment_id=self.instalment.currentData(),
        )  # fmt: skip
        self._record(data, False)

    def _record(self, data: PaymentInput, as_credit: bool) -> None:
        ws, contract_id = self.ctx.workspace, self.contract_id
        self._show_problem("")
        self._set_busy(True)

        def done(_result) -> None:
            self._set_busy(False)
            self.amount.clear()
            self.reference.clear()
            self.ctx.notify(self.tr("Recorded a payment of {amount}.").format(
                amount=money(data.amount)))  # fmt: skip
            self.written.emit()

        def error(exc: BaseException) -> None:
            self._set_busy(False)
            codes = exc.params.get("errors", []) if isinstance(exc, ValidationFailed) else []
            if ("amount", "over_plan") in codes and not as_credit:
                outstanding = Decimal(exc.params.get("outstanding") or 0)
                if ask_keep_credit(self, data.amount, outstanding):
                    self._record(data, True)
                    return
            self._show_problem(payment_problem_text(exc))

        self.ctx.write(lambda: ws.record_payment(contract_id, data, as_credit=as_credit),
                       done, error, owner=self)  # fmt: skip

    @Slot()
    def _on_void_clicked(self) -> None:
        p = self._selected()
        if p is None or p.voided_at is not None:
            return
        if not confirm_void_payment(self, p.amount, p.received_on):
            return
        ws = self.ctx.workspace
        self._set_busy(True)

        def done(_result) -> None:
            self._set_busy(False)
            self.ctx.notify(self.tr("Voided the payment of {amount}.").format(
                amount=money(p.amount)))  # fmt: skip
            self.written.emit()

        def error(exc: BaseException) -> None:
            self._set_busy(False)
            self._show_problem(payment_problem_text(exc))

        self.ctx.write(lambda: ws.void_payment(p.id), done, error, owner=self)


class InvoicesTab(QWidget):
    """Invoices issued for the contract, with a quick form to add one."""

    written = Signal()

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contract_id: int | None = None
        self.summary = QLabel()
        headers = [self.tr("Number"), self.tr("Issued on"), self.tr("Amount"), self.tr("Note"),
                   self.tr("Recorded by")]  # fmt: skip
        self.table: QTableWidget = table_widget(headers, stretch=3)
        _keep_readable(self.table)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Invoice number"))
        self.issued_on = _date_edit()
        self.amount = _money_edit()
        self.amount.setPlaceholderText(self.tr("Amount"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note"))
        self.add_button = QPushButton(self.tr("Add invoice"))
        set_icon(self.add_button, "add")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.problems = problem_label()
        self.form = QGroupBox(self.tr("Add an invoice"))
        row = QHBoxLayout()
        row.addWidget(self.number)
        row.addWidget(self.issued_on)
        row.addWidget(self.amount)
        row.addWidget(self.note, 1)
        row.addWidget(self.add_button)
        box = QVBoxLayout(self.form)
        box.addLayout(row)
        box.addWidget(self.problems)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)
        self.draft_note = _draft_note(
            self.tr("Invoices are recorded once the contract is signed: activate it first.")
        )
        layout.addWidget(self.draft_note)

    def fill(self, detail) -> None:
        self.contract_id = detail.id
        invoices = sorted(detail.invoices, key=lambda i: (i.issued_on, i.id), reverse=True)
        who = _invoice_recorders(detail)
        fill_table(self.table, [(i.number, day_text(i.issued_on), money(i.amount), i.note,
                                 who.get(i.id, "")) for i in invoices])  # fmt: skip
        self.table.setColumnHidden(3, False)  # the note stretches, even when none has one
        self.table.setCurrentCell(-1, -1)
        total = sum((i.amount for i in invoices), Decimal("0.00"))
        self.summary.setText(self.tr("Invoiced {total} of {amount}").format(
            total=money(total), amount=money(detail.amount)))  # fmt: skip
        draft = detail.status == "draft"
        self.form.setVisible(detail.collectable and not draft)
        self.draft_note.setVisible(detail.collectable and draft)

    @Slot()
    def _on_add_clicked(self) -> None:
        if self.contract_id is None or not self.add_button.isEnabled():
            return
        amount = parse_money(self.amount.text()) if self.amount.text().strip() else None
        if amount is None:
            code = "invalid" if self.amount.text().strip() else "required"
            self.problems.setText(contract_problem_text([(payment_field_label("amount"), code)]))
            self.problems.show()
            return
        data = InvoiceInput(self.number.text().strip(), _day(self.issued_on), amount,
                            self.note.text().strip())  # fmt: skip
        ws, contract_id = self.ctx.workspace, self.contract_id
        self.problems.hide()
        self.add_button.setEnabled(False)

        def done(_result) -> None:
            self.add_button.setEnabled(True)
            for edit in (self.number, self.amount, self.note):
                edit.clear()
            self.written.emit()

        def error(exc: BaseException) -> None:
            self.add_button.setEnabled(True)
            self.problems.setText(payment_problem_text(exc))
            self.problems.show()

        self.ctx.write(lambda: ws.record_invoice(contract_id, data), done, error, owner=self)
