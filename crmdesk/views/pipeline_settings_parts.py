"""The pipeline settings dialog's parts: a stage and its questions as the form holds them while
the admin edits (drafts), the editor of one stage (probability, staleness and its gate: required
fields, a manager's approval, questions), and the words for what went wrong.

Built-in stages and questions show their translated names. A draft keeps the stored text beside
the shown one: left as shown, the stored (seed) text is saved and the built-in code stays, so
the name keeps following each user's language; typed over, the typed text is saved and the
model drops the code (pipeline_admin._save_stage), so from then on everyone sees the admin's
words."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.pipeline import QuestionRow, StageRow
from crmdesk.models.pipeline_admin import (
    MAX_QUESTIONS,
    MAX_STALE_DAYS,
    QuestionInput,
    StageInput,
)
from crmdesk.models.schema_deals import APPROVAL_RULES, GATE_FIELDS, QUESTION_KINDS
from crmdesk.views.deal_move_dialogs import parse_money
from crmdesk.views.deal_words import choice_text, gate_field_label, question_text, stage_name
from crmdesk.views.errors import validation_text
from crmdesk.views.labels import labelled
from crmdesk.views.settings_parts import SettingsWords, buttons_row, spin


@dataclass
class QuestionDraft:
    id: int | None  # None: not saved yet
    text: str  # as shown and typed
    kind: str = "yes_no"
    choices: str = ""  # one a line, as shown and typed
    required: bool = True
    must_be_yes: bool = False
    stored_text: str = ""  # a built-in's stored text, saved when its shown text is left alone
    shown_text: str = ""
    stored_choices: dict[str, str] = field(default_factory=dict)  # shown -> stored

    @classmethod
    def of(cls, q: QuestionRow) -> QuestionDraft:
        shown = question_text(q)
        choices = {choice_text(q, c): c for c in q.choices}
        return cls(q.id, shown, q.kind, "\n".join(choices), q.required, q.must_be_yes,
                   q.text, shown, choices)  # fmt: skip

    def value(self) -> QuestionInput:
        text = self.text.strip()
        if self.shown_text and text == self.shown_text:
            text = self.stored_text
        lines = [line.strip() for line in self.choices.splitlines() if line.strip()]
        choices = tuple(self.stored_choices.get(c, c) for c in lines)
        return QuestionInput(
            self.id,
            text,
            self.kind,
            choices if self.kind == "choice" else (),
            self.required,
            self.must_be_yes and self.kind == "yes_no",
        )


@dataclass
class StageDraft:
    id: int | None
    name: str  # as shown and typed
    kind: str = "open"
    probability: int = 0
    stale_days: int | None = None
    required_fields: tuple[str, ...] = ()
    approval: str = ""
    threshold: str = ""  # as typed: a percentage or money
    questions: list[QuestionDraft] = field(default_factory=list)
    stored_name: str = ""
    shown_name: str = ""

    @classmethod
    def of(cls, s: StageRow) -> StageDraft:
        shown = stage_name(s)
        threshold = ""
        if s.approval_threshold is not None:
            threshold = _number(s.approval_threshold)
        return cls(s.id, shown, s.kind, s.probability, s.stale_days, tuple(s.required_fields),
                   s.approval, threshold, [QuestionDraft.of(q) for q in s.questions], s.name,
                   shown)  # fmt: skip

    def value(self) -> StageInput:
        name = self.name.strip()
        if self.shown_name and name == self.shown_name:
            name = self.stored_name
        threshold: Decimal | str | None = None
        if self.approval in ("discount", "amount"):
            text = self.threshold.strip().rstrip("%％").strip()
            threshold = parse_money(text) if text else None
            if threshold is None and text:
                threshold = text  # not a number: the model's check says so, in the form's words
        return StageInput(
            self.id,
            name,
            self.kind,
            self.probability,
            self.stale_days,
            tuple(f for f in GATE_FIELDS if f in self.required_fields),
            self.approval,
            threshold,  # type: ignore[arg-type]
            tuple(q.value() for q in self.questions),
        )


def _number(value: Decimal) -> str:
    """20.00 → 20, 12.50 → 12.5: a limit as an admin would type it."""
    return format(value.normalize(), "f")


class QuestionsEditor(QGroupBox):
    """A stage's questions: a list to pick one from (add, remove, up, down) and the picked
    one's text, kind, choices (one a line) and whether only "yes" lets a deal in."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__(self.tr("Questions a deal must answer to enter"))
        self.questions: list[QuestionDraft] = []
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.currentRowChanged.connect(self._on_list_row_changed)
        self.add_button = QPushButton(self.tr("Add question"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(self._on_up_button_clicked)
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.clicked.connect(self._on_down_button_clicked)

        self.text = QLineEdit()
        self.text.setMaxLength(200)
        self.text.textEdited.connect(self._on_form_edited)
        self.kind = QComboBox()
        for code, words in (("yes_no", self.tr("Yes / no")), ("choice", self.tr("Choice")),
                            ("text", self.tr("Free text"))):  # fmt: skip
            assert code in QUESTION_KINDS
            self.kind.addItem(words, code)
        self.kind.currentIndexChanged.connect(self._on_form_edited)
        self.choices = QPlainTextEdit()
        self.choices.setPlaceholderText(self.tr("One choice a line"))
        self.choices.setMaximumHeight(64)
        self.choices.textChanged.connect(self._on_form_edited)
        self.must_be_yes = QCheckBox(self.tr("Only “yes” lets the deal in"))
        self.must_be_yes.toggled.connect(self._on_form_edited)
        self.required = QCheckBox(self.tr("An answer is required"))
        self.required.toggled.connect(self._on_form_edited)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Question"), self.text)
        form.addRow(self.tr("Answer"), self.kind)
        form.addRow(self.tr("Choices"), self.choices)
        form.addRow("", self.must_be_yes)
        form.addRow("", self.required)
        self.choices_label = form.labelForField(self.choices)

        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(
            buttons_row(self.add_button, self.remove_button, self.up_button, self.down_button)
        )
        layout.addWidget(self.form)
        self._update()

    def set_questions(self, questions: list[QuestionDraft]) -> None:
        """Edit this list in place (the stage draft's own)."""
        self.questions = questions
        self._fill(0 if questions else -1)

    def _fill(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for q in self.questions:
            self.list.addItem(QListWidgetItem(q.text or self.tr("(no text yet)")))
        self.list.setCurrentRow(select)
        self.list.blockSignals(False)
        self._show(select)

    def current(self) -> QuestionDraft | None:
        row = self.list.currentRow()
        return self.questions[row] if 0 <= row < len(self.questions) else None

    def _show(self, _row: int) -> None:
        q = self.current()
        widgets = (self.text, self.kind, self.choices, self.must_be_yes, self.required)
        for w in widgets:
            w.blockSignals(True)
        self.text.setText(q.text if q else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(q.kind if q else "yes_no")))
        self.choices.setPlainText(q.choices if q else "")
        self.must_be_yes.setChecked(bool(q and q.must_be_yes))
        self.required.setChecked(bool(q and q.required))
        for w in widgets:
            w.blockSignals(False)
        self._update()

    def _update(self) -> None:
        q = self.current()
        row = self.list.currentRow()
        self.form.setEnabled(q is not None)
        kind = self.kind.currentData()
        self.choices.setVisible(kind == "choice")
        self.choices_label.setVisible(kind == "choice")
        self.must_be_yes.setVisible(kind == "yes_no")
        self.remove_button.setEnabled(q is not None)
        self.up_button.setEnabled(q is not None and row > 0)
        self.down_button.setEnabled(q is not None and row < len(self.questions) - 1)
        self.add_button.setEnabled(len(self.questions) < MAX_QUESTIONS)

    def _on_list_row_changed(self, row: int) -> None:
        self._show(row)

    def _on_form_edited(self, *_args) -> None:
        q = self.current()
        if q is None:
            return
        q.text = self.text.text()
        q.kind = self.kind.currentData()
        q.choices = self.choices.toPlainText()
        q.must_be_yes = self.must_be_yes.isChecked()
        q.required = self.required.isChecked()
        item = self.list.currentItem()
        if item is not None:
            item.setText(q.text or self.tr("(no text yet)"))
        self._update()
        self.edited.emit()

    def _on_add_button_clicked(self) -> None:
        self.questions.append(QuestionDraft(None, "", "yes_no"))
        self._fill(len(self.questions) - 1)
        self.text.setFocus()
        self.edited.emit()

    def _on_remove_button_clicked(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.questions):
            del self.questions[row]
            self._fill(min(row, len(self.questions) - 1))
            self.edited.emit()

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        other = row + step
        if 0 <= row < len(self.questions) and 0 <= other < len(self.questions):
            qs = self.questions
            qs[row], qs[other] = qs[other], qs[row]
            self._fill(other)
            self.edited.emit()

    def _on_up_button_clicked(self) -> None:
        self._move(-1)

    def _on_down_button_clicked(self) -> None:
        self._move(1)


class StageEditor(QWidget):
    """One stage's settings, written into its draft as the admin types (the list beside it
    shows the name as it is typed). The won and lost stages are fixed in place: only their
    settings change."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.draft: StageDraft | None = None
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.name.textEdited.connect(self._on_form_edited)
        self.kind = QLabel()
        self.kind.setEnabled(False)
        # Wide on purpose: the model's check says what is wrong with 150 %, in words.
        self.probability = spin(0, 999, 110)
        self.probability.setSuffix(" %")
        self.probability.valueChanged.connect(self._on_form_edited)
        self.stale_days = spin(0, 99_999, 110)
        self.stale_days.setSpecialValueText(self.tr("Never"))
        self.stale_days.setToolTip(
            self.tr("A deal this many days in the stage is marked stale on the board.")
        )
        self.stale_days.valueChanged.connect(self._on_form_edited)
        self.fields: dict[str, QCheckBox] = {}
        fields_box = QGroupBox(self.tr("Required to enter"))
        grid = QVBoxLayout(fields_box)
        for key in GATE_FIELDS:
            box = QCheckBox(gate_field_label(key))
            box.toggled.connect(self._on_form_edited)
            self.fields[key] = box
            grid.addWidget(box)
        self.approval = QComboBox()
        for code in APPROVAL_RULES:
            self.approval.addItem(self.approval_text(code), code)
        self.approval.currentIndexChanged.connect(self._on_form_edited)
        self.threshold = QLineEdit()
        self.threshold.setMaximumWidth(140)
        self.threshold.textEdited.connect(self._on_form_edited)
        self.unit = QLabel()
        approval_row = QHBoxLayout()
        approval_row.addWidget(self.approval, 1)
        approval_row.addWidget(self.threshold)
        approval_row.addWidget(self.unit)
        self.questions = QuestionsEditor()
        self.questions.edited.connect(self.edited)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Stage name"), self.name)
        form.addRow("", self.kind)
        numbers = QHBoxLayout()
        numbers.addWidget(self.probability)
        numbers.addSpacing(16)
        numbers.addWidget(QLabel(self.tr("Stale after (days)")))
        numbers.addWidget(self.stale_days)
        numbers.addStretch(1)
        form.addRow(self.tr("Probability"), numbers)
        form.addRow(self.tr("Manager's approval"), approval_row)
        top = QHBoxLayout()
        top.addLayout(form, 3)
        top.addWidget(fields_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.questions, 1)
        self.setEnabled(False)

    def approval_text(self, code: str) -> str:
        return {
            "": self.tr("Not needed"),
            "always": self.tr("Always"),
            "discount": self.tr("When a line's discount is above"),
            "amount": self.tr("When the amount is above"),
        }[code]

    def kind_text(self, kind: str) -> str:
        return {
            "won": self.tr("The won stage: always last but one; it cannot be removed."),
            "lost": self.tr("The lost stage: always last; it cannot be removed."),
        }.get(kind, self.tr("An open stage."))

    def set_draft(self, draft: StageDraft | None) -> None:
        self.draft = None  # loading is no edit
        d = draft or StageDraft(None, "")
        self.name.setText(d.name)
        self.kind.setText(self.kind_text(d.kind))
        self.probability.setValue(d.probability)
        self.stale_days.setValue(d.stale_days or 0)
        for key, box in self.fields.items():
            box.setChecked(key in d.required_fields)
        self.approval.setCurrentIndex(max(0, self.approval.findData(d.approval)))
        self.threshold.setText(d.threshold)
        self.questions.set_questions(d.questions if draft is not None else [])
        self.draft = draft
        self.setEnabled(draft is not None)
        self._update()

    def _update(self) -> None:
        rule = self.approval.currentData()
        limited = rule in ("discount", "amount")
        self.threshold.setVisible(limited)
        self.unit.setVisible(limited)
        self.unit.setText("%" if rule == "discount" else self.tr("yuan"))
        self.threshold.setPlaceholderText("20" if rule == "discount" else "100000")

    def _on_form_edited(self, *_args) -> None:
        self._update()
        d = self.draft
        if d is None:
            return
        d.name = self.name.text()
        d.probability = self.probability.value()
        d.stale_days = self.stale_days.value() or None
        d.required_fields = tuple(k for k, box in self.fields.items() if box.isChecked())
        d.approval = self.approval.currentData()
        d.threshold = self.threshold.text()
        self.edited.emit()


class PipelineSettingsWords(SettingsWords):
    """check_pipeline's field codes in the form's words, naming the stage and the question, and
    a colleague's save over the admin's."""

    def saved_text(self, at: bool) -> str:
        if at:
            return self.tr("{who} saved this pipeline at {at}, after you opened it.")
        return self.tr("{who} saved this pipeline after you opened it.")

    def held_text(self, held: list) -> list[str]:
        """('stages', 'has_deals'): the stages that still hold open deals."""
        lines = []
        for _stage_id, name, count in held:
            text = self.tr("“%1” still holds %Ln open deal(s): move them to another stage first.",
                           "", count)  # fmt: skip
            lines.append(text.replace("%1", name))
        return lines

    def _field(self, part: str) -> str:
        return {
            "name": self.tr("name"),
            "probability": self.tr("probability"),
            "stale_days": self.tr("stale after"),
            "approval_threshold": self.tr("approval limit"),
            "approval": self.tr("approval"),
            "required_fields": self.tr("required fields"),
            "text": self.tr("question"),
            "choices": self.tr("choices"),
            "kind": self.tr("answer"),
            "must_be_yes": self.tr("only “yes”"),
            "questions": self.tr("questions"),
        }.get(part, part)

    def line(self, field: str, code: str, limits: dict, stages: list[StageDraft]) -> str:
        """One (field, code) of the model's check in words."""
        parts = field.split(".")
        where = ""
        if len(parts) >= 3 and parts[0] == "stages" and parts[1].isdigit():
            i = int(parts[1])
            name = stages[i].name.strip() if i < len(stages) else ""
            where = self.tr("Stage “%1”").replace("%1", name or str(i + 1))
            rest = parts[2:]
            if len(rest) >= 3 and rest[0] == "questions" and rest[1].isdigit():
                j = int(rest[1])
                where += self.tr(", question %1").replace("%1", str(j + 1))
                rest = rest[2:]
            part = ".".join(rest)
        else:
            part = field
        label = self._field(part)
        if part == "name" and code == "taken":
            if where:
                return self.tr("Two stages are called “%1”: give each its own name.").replace(
                    "%1", stages[int(parts[1])].name.strip()
                )
            return self.tr("Another pipeline already has this name. Choose another.")
        text = {
            ("probability", "out_of_range"): self.tr("enter a percentage from 0 to 100"),
            ("stale_days", "out_of_range"): self.tr(
                "enter days from 1 to %1, or 0 for never"
            ).replace("%1", QLocale().toString(MAX_STALE_DAYS)),
            ("approval_threshold", "required"): self.tr("enter the limit"),
            ("approval_threshold", "invalid"): self.tr("the limit is not a number"),
            ("approval_threshold", "out_of_range"): self.tr("the limit is out of range"),
            ("approval_threshold", "too_many_decimals"): self.tr("at most two decimals"),
            ("choices", "too_few"): self.tr("give at least two choices, one a line"),
            ("text", "required"): self.tr("the question has no text"),
            ("name", "required"): self.tr("the name is required"),
        }.get((part, code))
        if text is None:
            limit = {label: limits[field]} if field in limits else {}
            text = validation_text([(label, code)], limit)
            return labelled(where, text) if where else text
        if not where:
            return self.tr("{field}: {problem}.").format(field=label, problem=text)
        return self.tr("{where}, {field}: {problem}.").format(
            where=where, field=label, problem=text
        )
