"""The Work reports page's "My report" panel: the period's figures (read-only), the three boxes
(what was done, problems, the plan), the report's status, Save draft and Submit. It holds what
the user typed and what was last loaded (dirty = they differ); the page does the reading and
the saving (work_reports_page.py)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.errors import ValidationFailed
from crmdesk.models.schema import FOLLOW_UP_KINDS
from crmdesk.models.work_report_figures import ReportFigures
from crmdesk.models.work_reports import REPORT_TEXT_LIMIT, ReportInput
from crmdesk.views.deal_words import money
from crmdesk.views.labels import kind_label, local_time, sentences
from crmdesk.views.widgets import problem_label

FIELDS = ("done", "problems", "plan")


class MyReportPanel(QGroupBox):
    save_requested = Signal(bool)  # submit
    reload_requested = Signal()  # after a conflict: show the stored report, dropping the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("My report"), parent)
        self.kind = "daily"
        self.loaded: dict[str, str] = dict.fromkeys(FIELDS, "")
        self.submitted = False
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        bold = QFont()
        bold.setBold(True)
        for i, key in enumerate(("new_customers", "follow_ups", "visits", "deals_created",
                                 "deals_moved", "deals_won", "payments")):  # fmt: skip
            name = QLabel(self.figure_label(key))
            value = QLabel("–")
            value.setFont(bold)
            value.setObjectName(f"figure_{key}")
            self.values[key] = value
            row, col = divmod(i, 2)
            grid.addWidget(name, row, col * 2)
            grid.addWidget(value, row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.figures_note = QLabel(self.tr("Counted by the program; stored with each save."))
        self.figures_note.setEnabled(False)  # the palette's quieter colour, light or dark

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.titles_shown: dict[str, QLabel] = {}
        self.boxes: dict[str, QPlainTextEdit] = {}
        boxes = QVBoxLayout()
        for key in FIELDS:
            title = QLabel()
            box = QPlainTextEdit()
            box.setObjectName(f"report_{key}")
            box.setTabChangesFocus(True)
            self.titles_shown[key], self.boxes[key] = title, box
            boxes.addWidget(title)
            boxes.addWidget(box, 2 if key == "done" else 1)
        self.problem = problem_label()
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Show the report as saved; what you typed is lost"))
        self.reload_button.hide()
        self.reload_button.clicked.connect(self.reload_requested)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.submit_button = QPushButton(self.tr("Submit"))
        self.submit_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(False))
        self.submit_button.clicked.connect(lambda: self.save_requested.emit(True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.figures_note)
        layout.addWidget(self.status)
        layout.addLayout(boxes, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.set_kind("daily")
        self.clear()

    # -- words
    def figure_label(self, key: str) -> str:
        return {
            "new_customers": self.tr("New customers"),
            "follow_ups": self.tr("Follow-ups"),
            "visits": self.tr("Visits"),
            "deals_created": self.tr("Deals created"),
            "deals_moved": self.tr("Deals moved"),
            "deals_won": self.tr("Deals won"),
            "payments": self.tr("Payments received"),
        }[key]

    def titles(self, kind: str) -> dict[str, str]:
        if kind == "weekly":
            return {"done": self.tr("This week's work"), "problems": self.tr("Problems"),
                    "plan": self.tr("Plan for next week")}  # fmt: skip
        return {"done": self.tr("Today's work"), "problems": self.tr("Problems"),
                "plan": self.tr("Plan for tomorrow")}  # fmt: skip

    def field_label(self, key: str) -> str:
        return self.titles(self.kind).get(key, key)

    def figures_line(self, f: ReportFigures) -> str:
        """The figures on one line (a report opened for reading)."""
        texts = self.figure_texts(f)
        return " · ".join(f"{self.figure_label(k)} {texts[k]}" for k in texts)

    def figure_texts(self, f: ReportFigures) -> dict[str, str]:
        n = QLocale().toString
        return {
            "new_customers": n(f.new_customers),
            "follow_ups": n(f.follow_up_total),
            "visits": n(f.visits),
            "deals_created": n(f.deals_created),
            "deals_moved": n(f.deals_moved),
            "deals_won": f"{n(f.deals_won)} · {money(f.won_amount)}",
            "payments": money(f.payments),
        }

    def validation_text(self, exc: ValidationFailed) -> str:
        lines = []
        limits = exc.params.get("limits") or {}
        for field, code in exc.params.get("errors", []):
            label = self.field_label(field)
            if code == "too_long":
                limit = f"{limits.get(field, REPORT_TEXT_LIMIT):,}"
                line = self.tr("%1 is too long: at most %2 characters.").replace("%1", label)
                line = line.replace("%2", limit)
            elif code == "bad_character":
                line = self.tr("%1 contains a character that cannot be stored.")
                line = line.replace("%1", label)
            elif code == "required":
                line = self.tr("Write what you did (or a problem or a plan) before submitting.")
            else:
                line = self.tr("%1 is not valid.").replace("%1", label)
            if line not in lines:
                lines.append(line)
        return "\n".join(lines)

    # -- state
    def set_kind(self, kind: str) -> None:
        self.kind = kind
        for key, text in self.titles(kind).items():
            self.titles_shown[key].setText(text)

    @property
    def dirty(self) -> bool:
        return any(self.boxes[k].toPlainText() != self.loaded[k] for k in FIELDS)

    def texts(self) -> dict[str, str]:
        return {k: self.boxes[k].toPlainText() for k in FIELDS}

    def _set_texts(self, texts: dict[str, str]) -> None:
        for key in FIELDS:
            box = self.boxes[key]
            box.blockSignals(True)
            box.setPlainText(texts[key])
            box.blockSignals(False)
        self.loaded = dict(texts)

    def clear(self) -> None:
        """Waiting for the period's report: nothing to type into yet."""
        self._set_texts(dict.fromkeys(FIELDS, ""))
        for box in self.boxes.values():
            box.setReadOnly(True)
        self.submitted = False
        self.status.setText(self.tr("Loading…"))
        for value in self.values.values():
            value.setText("–")
        self.problem.hide()
        self.reload_button.hide()
        self.save_button.setEnabled(False)
        self.submit_button.setEnabled(False)

    def load(self, detail) -> None:
        """The user's report (work_reports.ReportDetail) as stored, or a new draft."""
        self._set_texts({k: getattr(detail, k) for k in FIELDS})
        for box in self.boxes.values():
            box.setReadOnly(False)
        self.problem.hide()
        self.reload_button.hide()
        self._show_status(detail)
        self.set_figures(detail.figures)
        self.set_busy(False)

    def saved(self, detail) -> None:
        """A save went through: what is in the boxes is what is stored now."""
        self.loaded = {k: getattr(detail, k) for k in FIELDS}
        self.problem.hide()
        self.reload_button.hide()
        self._show_status(detail)
        self.set_figures(detail.figures)
        self.set_busy(False)

    def _show_status(self, detail) -> None:
        self.submitted = detail.submitted
        if detail.id is None:
            text = self.tr("Not written yet.")
        elif not detail.submitted:
            text = self.tr("Draft saved at %1; not submitted yet.").replace(
                "%1", local_time(detail.updated_at)
            )
        else:
            text = self.tr("Submitted at %1.").replace("%1", local_time(detail.submitted_at))
            if detail.edited_after_submit:
                edited = self.tr("Edited since, at %1.").replace(
                    "%1", local_time(detail.updated_at)
                )
                text = sentences(text, edited)
        self.status.setText(text)  # fmt: skip
        self.submit_button.setText(self.tr("Save changes") if self.submitted else self.tr("Submit"))
        self.save_button.setVisible(not self.submitted)

    def set_figures(self, f: ReportFigures) -> None:
        for key, text in self.figure_texts(f).items():
            self.values[key].setText(text)
        kinds = dict(f.follow_ups)
        self.values["follow_ups"].setToolTip(
            "\n".join(f"{kind_label(k)}: {kinds.get(k, 0)}" for k in FOLLOW_UP_KINDS)
        )

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.submit_button.setEnabled(not busy)

    def show_problem(self, text: str, conflict: bool = False) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.reload_button.setVisible(conflict)

    def input(self, kind: str, period_start, submit: bool, detail) -> ReportInput:
        """What a save sends: the boxes, and the version they were loaded from."""
        version = detail.version if detail is not None and detail.id is not None else None
        # Saving a submitted report keeps it submitted (work_reports.py): "Save changes".
        return ReportInput(kind, period_start, submit=submit or self.submitted, version=version,
                           **self.texts())  # fmt: skip
