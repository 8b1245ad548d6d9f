"""Contract settings (administrators): the pattern new contract numbers are made from, with an
example of the number it gives as it is typed, and when activating a contract needs a manager's
approval (above an amount, with a line's discount above a percentage; blank: never). Read and
written through the workspace (contract_numbers.py); numbers already given keep theirs."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from crmdesk.models.changes import WriteResult
from crmdesk.models.contract_rules import ContractSettings, check_pattern, render_number
from crmdesk.models.errors import ValidationFailed
from crmdesk.views.context import PageContext
from crmdesk.views.deal_lines import parse_number
from crmdesk.views.deal_move_dialogs import parse_money
from crmdesk.views.errors import error_text, validation_text
from crmdesk.views.widgets import ERROR_COLOR, ok_cancel, problem_label

FIELDS = ("number_pattern", "approval_amount", "approval_discount")


class ContractSettingsDialog(QDialog):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.workspace = ctx, ctx.workspace
        self.setWindowTitle(self.tr("Contract settings"))
        self.pattern = QLineEdit()
        self.example = QLabel()
        self.example.setWordWrap(True)
        help_text = QLabel(
            self.tr(
                "{yyyy} the year, {yy} its last two digits, {mm} the month, {seq:4} the year's "
                "running number in at least 4 digits (exactly one {seq} is needed)."
            )
        )
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: gray;")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("No limit"))
        self.discount = QLineEdit()
        self.discount.setPlaceholderText(self.tr("No limit"))
        form = QFormLayout()
        form.addRow(self.tr("Number pattern"), self.pattern)
        form.addRow("", self.example)
        form.addRow("", help_text)
        form.addRow(self.tr("Approval above the amount"), self.amount)
        form.addRow(self.tr("Approval above a line's discount (%)"), self.discount)
        self.fields = {"number_pattern": self.pattern, "approval_amount": self.amount,
                       "approval_discount": self.discount}  # fmt: skip
        note = QLabel(
            self.tr(
                "Activating a contract above either limit asks a manager's approval first. "
                "Numbers already given keep theirs; a contract whose number is typed keeps it."
            )
        )
        note.setWordWrap(True)
        self.problems = problem_label()
        self.buttons = ok_cancel(self, self._on_save_clicked, save=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.pattern.textChanged.connect(self._on_pattern_changed)
        self.resize(560, 320)
        self.setEnabled(False)
        ws = self.workspace
        ctx.read(ws.contract_settings, self._on_loaded, self._on_load_failed, owner=self)

    def _on_loaded(self, settings: ContractSettings) -> None:
        self.pattern.setText(settings.number_pattern)
        for edit, value in ((self.amount, settings.approval_amount),
                            (self.discount, settings.approval_discount)):  # fmt: skip
            edit.setText("" if value is None else f"{value:,.2f}".rstrip("0").rstrip("."))
        self.setEnabled(True)
        self.pattern.setFocus()

    def _on_load_failed(self, exc: BaseException) -> None:
        self.problems.setText(error_text(exc))
        self.problems.show()
        self.setEnabled(True)
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(False)

    @Slot(str)
    def _on_pattern_changed(self, text: str) -> None:
        """The number the pattern would make today, shown as it is typed."""
        try:
            pattern = check_pattern(text)
        except ValidationFailed as exc:
            self.example.setStyleSheet(f"color: {ERROR_COLOR};")
            self.example.setText(self._problem_text(exc.params.get("errors", []), exc))
            return
        self.example.setStyleSheet("")
        self.example.setText(
            self.tr("The year's first number would read: {number}").format(
                number=render_number(pattern, self.workspace.clock().date(), 1)
            )
        )

    def value(self) -> tuple[ContractSettings | None, list[tuple[str, str]]]:
        errors: list[tuple[str, str]] = []
        amount = discount = None
        if self.amount.text().strip():
            amount = parse_money(self.amount.text())
            if amount is None:
                errors.append(("approval_amount", "invalid"))
        if self.discount.text().strip():
            discount = parse_number(self.discount.text().strip().rstrip("%").strip())
            if discount is None:
                errors.append(("approval_discount", "invalid"))
        if errors:
            return None, errors
        return ContractSettings(self.pattern.text().strip(), amount, discount), []

    def _label(self, field: str) -> str:
        return {
            "number_pattern": self.tr("Number pattern"),
            "approval_amount": self.tr("Approval above the amount"),
            "approval_discount": self.tr("Approval above a line's discount"),
        }.get(field, field)

    def _problem_text(self, errors: list[tuple[str, str]], exc=None) -> str:
        lines, rest = [], []
        for field, code in errors:
            if field == "number_pattern" and code == "invalid":
                lines.append(
                    self.tr(
                        "Number pattern: it needs exactly one {seq} (or {seq:4}), and no other "
                        "braces than {yyyy}, {yy} and {mm}."
                    )
                )
            elif field == "approval_discount" and code == "out_of_range":
                lines.append(self.tr("Approval above a line's discount: between 0 and 100."))
            else:
                rest.append((self._label(field), code))
        if rest:
            limits = exc.params.get("limits") if exc is not None else None
            named = {self._label(f): n for f, n in (limits or {}).items() if isinstance(n, int)}
            if exc is not None and isinstance(exc.params.get("limit"), int):
                named.update({name: exc.params["limit"] for name, _c in rest})
            lines.append(validation_text(rest, named))
        return "\n".join(lines)

    def _show_problems(self, errors: list[tuple[str, str]], exc=None) -> None:
        self.problems.setText(self._problem_text(errors, exc))
        self.problems.show()
        names = {f for f, _c in errors}
        for field, edit in self.fields.items():
            edit.setProperty("invalid", field in names)
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    @Slot()
    def _on_save_clicked(self) -> None:
        data, errors = self.value()
        if data is None:
            self._show_problems(errors)
            return
        ws = self.workspace
        self.problems.hide()
        self.setEnabled(False)

        def done(_result: WriteResult) -> None:
            self.ctx.notify(self.tr("Saved the contract settings."))
            self.accept()

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            if isinstance(exc, ValidationFailed):
                self._show_problems(exc.params.get("errors", []), exc)
            else:
                self.problems.setText(error_text(exc))
                self.problems.show()

        self.ctx.write(lambda: ws.save_contract_settings(data), done, failed, owner=self)
