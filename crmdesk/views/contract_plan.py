"""The contract dialog's payment plan: instalments (due on, amount, note) in a table of editors,
with what is paid and outstanding of each as stored; templates (one payment, 30 / 70, monthly over
N months) fill it from the contract's amount through the rules' own plan functions, so what is
shown adds up to the cent as the rules count. Instalments already paid (in full or in part) stay
as they are: a template spreads only what they do not cover, after them, and the monthly one
stops at the contract's end day (and says so). The plan's sum is set against the contract's
amount and the difference shown in red while they differ."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.contract_rules import (
    InstalmentInput,
    add_months,
    plan_difference,
    plan_monthly,
    plan_one,
    plan_split,
)
from crmdesk.models.errors import ValidationFailed
from crmdesk.views.contract_texts import contract_problem_text, day_text
from crmdesk.views.deal_lines import parse_number, price_text
from crmdesk.views.deal_words import money
from crmdesk.views.icons import set_icon
from crmdesk.views.labels import sentences
from crmdesk.views.widgets import ERROR_COLOR, chinese_calendar

DUE, AMOUNT, NOTE, PAID, OUTSTANDING, REMOVE = range(6)
ZERO = Decimal("0.00")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


@dataclass
class _Row:
    due: QDateEdit
    amount: QLineEdit
    note: QLineEdit
    remove: QToolButton
    id: int | None  # the stored instalment's; None: added here


class PlanEditor(QWidget):
    """Instalments of a contract; `changed` whenever any of them changes. amount() and
    first_due() are the dialog's (the contract's amount as typed, its start or signing day)."""

    changed = Signal()

    def __init__(
        self,
        amount: Callable[[], Decimal | None],
        first_due: Callable[[], date],
        last_due: Callable[[], date | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._amount, self._first_due, self._last_due = amount, first_due, last_due
        self._rows: list[_Row] = []
        self._paid: dict[int, Decimal] = {}  # what is paid of each stored instalment, by id
        self._plan_rows: list[int] = []  # the row of each instalment last read back
        self._read_only = False
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Due on"), self.tr("Amount"), self.tr("Note"), self.tr("Paid"),
             self.tr("Outstanding"), ""]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REMOVE, QHeaderView.ResizeMode.Fixed)
        for column, width in ((DUE, 130), (AMOUNT, 120), (PAID, 110), (OUTSTANDING, 110)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(REMOVE, 32)

        self.one_button = QPushButton(self.tr("One payment"))
        self.split_button = QPushButton(self.tr("30 / 70"))
        # One sentence around the spin box, so each language places the number where it goes
        # ("Monthly over [12] months", "按月分期 [12] 个月"): the button before, a label after.
        words = self.tr("Monthly over {months} months").split("{months}", 1)
        self.monthly_button = QPushButton(words[0].strip())
        self.months = QSpinBox()
        self.months.setRange(2, 120)
        self.months.setValue(12)
        self.months_label = QLabel(words[1].strip() if len(words) > 1 else "")
        self.months_hint = QLabel()  # the end day cuts the months short
        self.months_hint.setStyleSheet(f"color: {ERROR_COLOR};")
        self.months_hint.hide()
        self.months.valueChanged.connect(self._show_months_hint)
        self.add_button = QPushButton(self.tr("Add instalment"))
        set_icon(self.add_button, "add")
        self.one_button.clicked.connect(self._on_one_clicked)
        self.split_button.clicked.connect(self._on_split_clicked)
        self.monthly_button.clicked.connect(self._on_monthly_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.template_label = QLabel(self.tr("Fill from the amount:"))
        self.template_label.setToolTip(
            self.tr("Instalments already paid stay; the template spreads what they do not cover.")
        )
        templates = QHBoxLayout()
        templates.addWidget(self.template_label)
        for w in (self.one_button, self.split_button, self.monthly_button, self.months,
                  self.months_label, self.months_hint):  # fmt: skip
            templates.addWidget(w)
        templates.addStretch(1)
        self.note = QLabel()  # what the last template kept and filled
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: gray;")
        self.note.hide()

        self.empty = QLabel(self.tr("No payment plan. Fill one from a template or add "
                                    "instalments."))  # fmt: skip
        self.empty.setStyleSheet("color: gray;")
        self.empty.setWordWrap(True)
        self.sum_label = QLabel()
        self.sum_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.difference = QLabel()
        self.difference.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.difference.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.difference.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        bottom.addWidget(self.sum_label)
        bottom.addWidget(self.difference)
        layout = QVBoxLayout(self)
        layout.addLayout(templates)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bottom)
        self.refresh()

    # -- filling
    def set_plan(
        self, instalments: Sequence[InstalmentInput], paid: dict[int, Decimal] | None = None
    ) -> None:
        """The plan as stored (paid: what is paid of each instalment, by id) or as a template
        filled it."""
        if paid is not None:
            self._paid = dict(paid)
        self.table.setRowCount(0)
        self._rows.clear()
        for i in instalments:
            self.add_instalment(i, refresh=False)
        self.refresh()

    def set_paid(self, paid: dict[int, Decimal]) -> None:
        """What is paid of each stored instalment after a payment, the rows left as typed."""
        self._paid = dict(paid)
        self.refresh()

    def add_instalment(self, i: InstalmentInput | None = None, refresh: bool = True) -> int:
        n = len(self._rows)
        due = QDateEdit()
        due.setCalendarPopup(True)
        due.setDisplayFormat("yyyy-MM-dd")
        chinese_calendar(due)
        due.setFrame(False)
        due.setDate(_qdate(i.due_on if i else self._next_due()))
        amount = QLineEdit(price_text(i.amount) if i else "")
        amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        amount.setFrame(False)
        note = QLineEdit(i.note if i else "")
        note.setFrame(False)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this instalment"))
        remove.setAutoRaise(True)
        row = _Row(due, amount, note, remove, i.id if i else None)
        self._rows.append(row)
        self.table.insertRow(n)
        for column, widget in ((DUE, due), (AMOUNT, amount), (NOTE, note), (REMOVE, remove)):
            self.table.setCellWidget(n, column, widget)
        for column in (PAID, OUTSTANDING):
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(n, column, item)
        due.dateChanged.connect(self._on_edited)
        amount.textChanged.connect(self._on_edited)
        note.textChanged.connect(self._on_edited)
        remove.clicked.connect(lambda _c=False, r=row: self.remove_instalment(self._rows.index(r)))
        self._set_row_read_only(row, self._read_only)
        if refresh:
            self.refresh()
        return n

    def _next_due(self) -> date:
        if not self._rows:
            return self._first_due()
        return add_months(_day(self._rows[-1].due), 1)

    def remove_instalment(self, n: int) -> None:
        self._rows.pop(n)
        self.table.removeRow(n)
        self.refresh()
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for w in (self.one_button, self.split_button, self.monthly_button, self.months,
                  self.months_label, self.add_button, self.template_label):  # fmt: skip
            w.setVisible(not read_only)
        if read_only:
            self.months_hint.hide()
            self.note.hide()
        else:
            self._show_months_hint()
        for row in self._rows:
            self._set_row_read_only(row, read_only)
        # The view shows its cell widgets again as it lays them out: the column goes instead.
        self.table.setColumnHidden(REMOVE, read_only)

    @staticmethod
    def _set_row_read_only(row: _Row, read_only: bool) -> None:
        row.due.setReadOnly(read_only)
        row.amount.setReadOnly(read_only)
        row.note.setReadOnly(read_only)
        row.remove.setVisible(not read_only)

    def row_widgets(self, n: int) -> _Row:
        return self._rows[n]

    def row_count(self) -> int:
        return len(self._rows)

    # -- templates
    def _kept(self) -> list[InstalmentInput]:
        """The rows already paid in full or in part, as typed: a template leaves them be."""
        kept = []
        for row in self._rows:
            paid = self._paid.get(row.id, ZERO) if row.id is not None else ZERO
            if paid > 0:
                text = row.amount.text().strip()
                value = parse_number(text) if text else None
                kept.append(InstalmentInput(_day(row.due), value if value is not None else paid,
                                            row.note.text().strip(), row.id))  # fmt: skip
        return kept

    def _template_start(self, kept: Sequence[InstalmentInput]) -> date:
        """The first new instalment's day: the contract's start, and after those kept."""
        start = self._first_due()
        if kept:
            start = max(start, add_months(max(i.due_on for i in kept), 1))
        return start

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _fill(self, make: Callable[[Decimal, date], tuple[InstalmentInput, ...]]) -> bool:
        amount = self._amount()
        if amount is None or amount <= 0:
            self.difference.setText(self.tr("Enter the contract's amount (or its lines) first."))
            self.difference.show()
            return False
        kept = self._kept()
        rest = amount - sum((i.amount for i in kept), ZERO)
        new: tuple[InstalmentInput, ...] = ()
        if rest > 0:
            try:
                new = make(rest, self._template_start(kept))
            except ValidationFailed as exc:
                self._say(contract_problem_text(exc.params.get("errors", [])))
                return False
        # The unpaid stored instalments are reused in order by the new ones (their ids), so a
        # refill changes them rather than removing and adding.
        kept_ids = {i.id for i in kept}
        free = [r.id for r in self._rows if r.id is not None and r.id not in kept_ids]
        new = tuple(replace(x, id=free[n] if n < len(free) else None) for n, x in enumerate(new))
        self.set_plan([*kept, *new])
        if kept and rest > 0:
            self._say(
                self.tr(
                    "%n instalment(s) already paid (in full or in part) kept as they are; "
                    "{rest} not yet covered spread over the new ones.",
                    "",
                    len(kept),
                ).format(rest=money(rest))
            )
        elif kept:
            self._say(self.tr("The instalments already paid cover the amount: nothing is left "
                              "to plan."))  # fmt: skip
        else:
            self._say("")
        self.changed.emit()
        return True

    def _on_one_clicked(self) -> None:
        self._fill(lambda amount, start: plan_one(amount, start))

    def _on_split_clicked(self) -> None:
        last = self._last_due()

        def split(amount: Decimal, first: date) -> tuple[InstalmentInput, ...]:
            second = last if last is not None and last > first else add_months(first, 3)
            return plan_split(amount, [30, 70], [first, second])

        self._fill(split)

    def months_fitting(self, start: date | None = None) -> int:
        """How many of the months asked for fall due by the contract's end day (all of them
        when it has none)."""
        months, end = self.months.value(), self._last_due()
        if end is None:
            return months
        start = start or self._template_start(self._kept())
        return sum(1 for n in range(months) if add_months(start, n) <= end)

    def _on_monthly_clicked(self) -> None:
        asked, end = self.months.value(), self._last_due()
        fitting: list[int] = []

        def monthly(amount: Decimal, start: date) -> tuple[InstalmentInput, ...]:
            fitting.append(self.months_fitting(start))
            if fitting[0] == 0:
                return ()
            return plan_monthly(amount, start, fitting[0])

        start = self._template_start(self._kept())
        if end is not None and self.months_fitting(start) == 0:
            self._say(self.tr("The contract ends on {end}, before a first monthly instalment "
                              "due on {start}: change the end day or choose another template.")
                      .format(end=day_text(end), start=day_text(start)))  # fmt: skip
            return
        if self._fill(monthly) and fitting and fitting[0] < asked:
            self._say(sentences(self.note.text(), self.tr(
                "The contract ends on {end}: %n monthly instalment(s) fit before it.", "",
                fitting[0]).format(end=day_text(end))))  # fmt: skip

    def _show_months_hint(self, *_args) -> None:
        """Said beside the spin box before the button is pressed."""
        end = self._last_due() if not self._read_only else None
        fit = self.months_fitting() if end is not None else self.months.value()
        self.months_hint.setText(
            self.tr("only %n before the end day", "", fit) if fit < self.months.value() else ""
        )
        self.months_hint.setToolTip(
            self.tr("The contract ends on {end}.").format(end=day_text(end)) if end else ""
        )
        self.months_hint.setVisible(fit < self.months.value())

    def _on_add_clicked(self) -> None:
        n = self.add_instalment()
        self.table.scrollToBottom()
        self._rows[n].amount.setFocus()
        self.changed.emit()

    # -- reading back
    def instalments(self) -> tuple[tuple[InstalmentInput, ...], list[tuple[str, str]]]:
        """The plan typed, and the amounts that are not numbers ((instalments.N.amount,
        code)). Rows left blank are no instalments."""
        plan, errors = [], []
        self._plan_rows = []
        for n, row in enumerate(self._rows):
            text = row.amount.text().strip()
            if not text and not row.note.text().strip():
                continue
            value = parse_number(text) if text else None
            if value is None:
                errors.append((f"instalments.{n}.amount", "invalid" if text else "required"))
                continue
            plan.append(InstalmentInput(_day(row.due), value, row.note.text().strip(), row.id))
            self._plan_rows.append(n)
        return tuple(plan), errors

    def snapshot(self) -> tuple:
        return tuple((r.due.date().toString(Qt.DateFormat.ISODate), r.amount.text(),
                      r.note.text(), r.id) for r in self._rows)  # fmt: skip

    def rows_of(self, field: str) -> str:
        """instalments.N.x of the plan last read back, as instalments.R.x of the row R it came
        from (blank rows are no instalments): the rules' complaints name the rows shown."""
        parts = field.split(".")
        if len(parts) == 3 and parts[0] == "instalments" and parts[1].isdigit():
            n = int(parts[1])
            if n < len(self._plan_rows):
                return f"instalments.{self._plan_rows[n]}.{parts[2]}"
        return field

    def mark_invalid(self, fields: Sequence[str]) -> None:
        for n, row in enumerate(self._rows):
            named = {f.removeprefix(f"instalments.{n}.") for f in fields
                     if f.startswith(f"instalments.{n}.")}  # fmt: skip
            for widget, own in ((row.due, "due_on"), (row.amount, "amount"), (row.note, "note")):
                invalid = own in named
                if bool(widget.property("invalid")) != invalid:
                    widget.setProperty("invalid", invalid)
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)

    # -- showing the sums
    def _on_edited(self, *_args) -> None:
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        """Paid and outstanding of each row, and the plan's sum against the contract's."""
        for n, row in enumerate(self._rows):
            text = row.amount.text().strip()
            value = parse_number(text) if text else None
            paid = self._paid.get(row.id, ZERO) if row.id is not None else ZERO
            # A paid instalment stays in the plan (the rules refuse removing it): say so here.
            row.remove.setEnabled(not paid)
            row.remove.setToolTip(self.tr("Already paid in part: it stays in the plan") if paid
                                  else self.tr("Remove this instalment"))  # fmt: skip
            left = max(value - paid, ZERO) if value is not None else None
            for column, text in (
                (PAID, money(paid) if paid else "—"),
                (OUTSTANDING, money(left) if left is not None else "—"),
            ):
                item = self.table.item(n, column)
                if item is not None and item.text() != text:
                    item.setText(text)
        self.empty.setVisible(not self._rows)
        if not self._read_only:
            self._show_months_hint()
        plan, errors = self.instalments()
        total = sum((i.amount for i in plan), ZERO)
        amount = self._amount()
        if errors:
            self.sum_label.setText(self.tr("Plan total: —"))
        elif amount is None:
            self.sum_label.setText(self.tr("Plan total: {total}").format(total=money(total)))
        else:
            self.sum_label.setText(
                self.tr("Plan total: {total} of {amount}").format(
                    total=money(total), amount=money(amount)
                )
            )
        diff = plan_difference(amount, plan) if amount is not None and not errors else ZERO
        if plan and diff > 0:
            self.difference.setText(self.tr("{diff} not in the plan").format(diff=money(diff)))
        elif plan and diff < 0:
            self.difference.setText(self.tr("{diff} over the amount").format(diff=money(-diff)))
        self.difference.setVisible(bool(plan) and bool(diff))

    def adds_up(self) -> bool:
        plan, errors = self.instalments()
        amount = self._amount()
        return not errors and (not plan or amount is None or not plan_difference(amount, plan))
