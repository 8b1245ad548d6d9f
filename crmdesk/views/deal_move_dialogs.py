"""What moving a deal asks of the user: the gate's questions and missing fields (GateDialog),
the final amount and date of a won deal (WonDialog), the reason a deal was lost (LostDialog).
The dialogs only collect; the flow (deal_flow.py) writes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.pipeline import QuestionRow, ReasonRow, StageRow
from crmdesk.views.deal_words import (
    choice_text,
    gate_field_label,
    lost_reason_label,
    money,
    question_text,
    stage_name,
)
from crmdesk.views.labels import fill, labelled, listing
from crmdesk.views.widgets import chinese_calendar, ok_cancel, problem_label

# Gate fields the dialog can fill in; "lines" needs the deal dialog's product lines.
EDITABLE_FIELDS = ("amount", "expected_close", "competitor", "source")


def parse_money(text: str) -> Decimal | None:
    """¥1,234.50 / 1234.5 / 1.2万 → Decimal; None when it is not an amount."""
    cleaned = text.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    factor = Decimal(1)
    if cleaned.endswith("万"):
        cleaned, factor = cleaned[:-1], Decimal(10_000)
    try:
        value = Decimal(cleaned) * factor
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _date_edit(value: date | None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    chinese_calendar(edit)
    edit.setDisplayFormat("yyyy-MM-dd")
    day = value or date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class AnswerField(QObject):
    """One question's input: yes / no buttons, a choice, or a line of text."""

    def __init__(self, question: QuestionRow, answer: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.question = question
        self.widget: QWidget
        if question.kind == "yes_no":
            self.widget = QWidget(parent)
            row = QHBoxLayout(self.widget)
            row.setContentsMargins(0, 0, 0, 0)
            self.group = QButtonGroup(self.widget)
            for value, text in (("yes", self.tr("Yes")), ("no", self.tr("No"))):
                button = QRadioButton(text)
                button.setProperty("answer", value)
                button.setChecked(answer == value)
                self.group.addButton(button)
                row.addWidget(button)
            row.addStretch(1)
        elif question.kind == "choice":
            self.widget = combo = QComboBox(parent)
            combo.addItem(self.tr("(choose)"), "")
            for c in question.choices:
                combo.addItem(choice_text(question, c), c)
            combo.setCurrentIndex(max(0, combo.findData(answer)))
        else:
            self.widget = line = QLineEdit(answer, parent)
            line.setMaxLength(500)

    def value(self) -> str:
        if self.question.kind == "yes_no":
            checked = self.group.checkedButton()
            return str(checked.property("answer")) if checked is not None else ""
        if self.question.kind == "choice":
            return str(self.widget.currentData() or "")
        return self.widget.text().strip()


class GateDialog(QDialog):
    """Asks what the stages a deal enters (and those it skips) want: their questions, and the
    deal fields that are missing. The answers already given are filled in."""

    def __init__(
        self,
        deal_title: str,
        target: StageRow,
        stages: Sequence[StageRow],
        missing: Sequence[tuple[int, str, str]],
        answers: dict[int, str],
        fields: dict,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move to %1").replace("%1", stage_name(target)))
        self.setMinimumWidth(560)
        self._answers: list[AnswerField] = []
        self._fields: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            fill(self.tr("Before “%1” can enter %2, tell us:"), deal_title, stage_name(target))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        # Inputs as wide as the dialog (a long question would otherwise squeeze them narrow).
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        wanted_fields = [key for _s, kind, key in missing if kind == "field"]
        for key in dict.fromkeys(wanted_fields):
            if key not in EDITABLE_FIELDS:
                continue
            if key == "expected_close":
                editor: QWidget = _date_edit(fields.get(key))
            else:
                current = fields.get(key)
                text = "" if current in (None, "", Decimal(0)) else str(current)
                editor = QLineEdit(text)
            self._fields[key] = editor
            form.addRow(labelled(gate_field_label(key), ""), editor)
        asked = {(s, key) for s, kind, key in missing if kind == "question"}
        for stage in stages:
            for q in stage.questions:
                if (stage.id, str(q.id)) in asked or (stage.id, q.id) in asked:
                    field = AnswerField(q, answers.get(q.id, ""), self)
                    self._answers.append(field)
                    label = question_text(q)
                    if q.kind == "yes_no" and q.must_be_yes:
                        label += " " + self.tr("(must be yes)")
                    form.addRow(QLabel(labelled(label, "")), field.widget)
        layout.addLayout(form)
        self.unfixable = [key for key in wanted_fields if key not in EDITABLE_FIELDS]
        if self.unfixable:
            note = QLabel(
                self.tr("Also needed, in the deal itself: %1.").replace(
                    "%1", listing(gate_field_label(k) for k in self.unfixable)
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self, self._on_ok))
        first = next(iter(self._fields.values()), None)
        if first is None and self._answers:
            first = self._answers[0].widget
        if first is not None:  # typing starts in the first thing asked, not on the buttons
            first.setFocus()

    def _problem(self, text: str, widget: QWidget) -> None:
        self.problem.setText(text)
        self.problem.show()
        widget.setFocus()

    def _on_ok(self) -> None:
        for f in self._answers:
            value, q = f.value(), f.question
            if q.required and not value:
                self._problem(fill(self.tr("Answer “%1”."), question_text(q)), f.widget)
                return
            if q.kind == "yes_no" and q.must_be_yes and value == "no":
                text = self.tr("While the answer to “%1” is No, the deal cannot enter this stage.")
                self._problem(fill(text, question_text(q)), f.widget)
                return
        amount = self._fields.get("amount")
        if isinstance(amount, QLineEdit):
            value = parse_money(amount.text())
            if value is None or value <= 0:
                self.problem.setText(self.tr("Enter the amount, e.g. 12000 or 1.2万."))
                self.problem.show()
                amount.setFocus()
                return
        self.accept()

    def answers(self) -> dict[int, str]:
        return {f.question.id: f.value() for f in self._answers if f.value()}

    def fields(self) -> dict:
        out: dict = {}
        for key, editor in self._fields.items():
            if isinstance(editor, QDateEdit):
                out[key] = _day(editor)
            elif key == "amount":
                out[key] = parse_money(editor.text())
            else:
                out[key] = editor.text().strip()
        return out


class WonDialog(QDialog):
    def __init__(
        self, deal_title: str, amount: Decimal, today: date, parent: QWidget | None = None
    ) -> None:
        """today: the user's date by the workspace's clock (the day a win may not pass)."""
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(self.tr("Deal won"))
        self.setMinimumWidth(400)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Congratulations! Confirm the final figures of “%1”.")
                         .replace("%1", deal_title))  # fmt: skip
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.amount = QLineEdit(money(amount) if amount else "")
        self.amount.setPlaceholderText(money(Decimal("12000")))
        self.won_on = _date_edit(today)
        form.addRow(self.tr("Final amount:"), self.amount)
        form.addRow(self.tr("Won on:"), self.won_on)
        layout.addLayout(form)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self, self._on_ok))

    def _on_ok(self) -> None:
        value = parse_money(self.amount.text())
        if value is None or value <= 0:
            self.problem.setText(self.tr("Enter the final amount, e.g. 12000 or 1.2万."))
            self.problem.show()
            self.amount.setFocus()
            return
        if _day(self.won_on) > self.today:
            self.problem.setText(self.tr("A deal cannot be won on a day still to come."))
            self.problem.show()
            return
        self.accept()

    def value(self) -> tuple[Decimal, date]:
        return parse_money(self.amount.text()) or Decimal(0), _day(self.won_on)


class LostDialog(QDialog):
    def __init__(
        self, deal_title: str, reasons: Sequence[ReasonRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deal lost"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Why was “%1” lost?").replace("%1", deal_title))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.reason = QComboBox()
        self.reason.addItem(self.tr("(choose a reason)"), "")
        for r in reasons:
            self.reason.addItem(lost_reason_label(r), r.code)
        self.text = QLineEdit()
        self.text.setMaxLength(500)
        self.text.setPlaceholderText(self.tr("What happened (required for “Other”)"))
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Details:"), self.text)
        layout.addLayout(form)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self, self._on_ok))

    def _on_ok(self) -> None:
        code = self.reason.currentData()
        if not code:
            self.problem.setText(self.tr("Choose why the deal was lost."))
        elif code == "other" and not self.text.text().strip():
            self.problem.setText(self.tr("Say in a few words what happened."))
        else:
            self.accept()
            return
        self.problem.show()

    def value(self) -> tuple[str, str]:
        return str(self.reason.currentData()), self.text.text().strip()
