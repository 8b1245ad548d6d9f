"""Split a target over its parts: a row's year (or quarter) over its months, or a company's or a
team's target over its teams and reps. The user picks the method (evenly, by last year's share,
or the suggestion: 70% of each part's last 3 months' average as a base, the rest split by a
weight); the plan comes from the rules (workspace.plan_target_split, read off the GUI thread)
and is previewed with where the rounding went (money in whole yuan when the total is whole,
cents only when it has some) and, for the suggestion, each part's base and increment so the
figures can be checked; parts that get nothing for want of history are named. Apply hands
the parts back (parts: key → value); the editor shows them as unsaved edits and the user saves."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.errors import ValidationFailed
from crmdesk.models.periods import Period
from crmdesk.models.target_split import ONE, SOME_WITHOUT_HISTORY, SplitPlan
from crmdesk.views import target_words as words
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.labels import listing, sentences
from crmdesk.views.widgets import problem_label

METHODS = ("even", "last_year", "suggested")
WEIGHTS = ("even", "last_year")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# The preview's columns: the part, the suggestion's base and increment, the part, its share.
PART, BASE, INCREMENT, TARGET, SHARE = range(5)


class SplitDialog(QDialog):
    def __init__(
        self,
        ctx: PageContext,
        metric: str,
        period: Period,
        scope: str,
        scope_id: int,
        over: str,
        total: Decimal,
        names: dict[Any, str],
        heading: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.metric_code, self.period, self.scope, self.scope_id = metric, period, scope, scope_id
        self.over, self.total, self.names = over, total, names
        self.plan: SplitPlan | None = None
        self.parts: dict[Any, Decimal] = {}
        if over == "months":
            self.setWindowTitle(self.tr("Split to months"))
        else:
            self.setWindowTitle(self.tr("Split to teams and reps"))
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.method = QComboBox()
        for code in METHODS:
            self.method.addItem(words.method_name(code), code)
        self.weight = QComboBox()
        for code in WEIGHTS:
            self.weight.addItem(words.weight_name(code), code)
        self.weight_label = QLabel(self.tr("The rest"))
        form = QFormLayout()
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.weight_label, self.weight)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Part"), self.tr("Base"),
                                              self.tr("Increment"), self.tr("Target"),
                                              self.tr("Share")])  # fmt: skip
        header = self.table.horizontalHeaderItem
        header(BASE).setToolTip(self.tr("70% of the part's average month over the last 3 full "
                                        "months, times the months it covers."))  # fmt: skip
        header(INCREMENT).setToolTip(self.tr("The part's share of the total less the bases."))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(PART, QHeaderView.ResizeMode.Stretch)
        for column in (BASE, INCREMENT, TARGET, SHARE):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.remainder = QLabel()
        self.remainder.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remainder)
        layout.addWidget(self.notes)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self.method.currentIndexChanged.connect(self._on_choice_changed)
        self.weight.currentIndexChanged.connect(self._on_choice_changed)
        self._on_choice_changed()

    def set_method(self, method: str, weight: str = "even") -> None:
        self.weight.setCurrentIndex(WEIGHTS.index(weight))
        self.method.setCurrentIndex(METHODS.index(method))

    @Slot()
    def _on_choice_changed(self, _index: int = 0) -> None:
        method, weight = self.method.currentData(), self.weight.currentData()
        suggested = method == "suggested"
        self.weight.setVisible(suggested)
        self.weight_label.setVisible(suggested)
        self.apply_button.setEnabled(False)
        ws = self.ctx.workspace
        args = (self.metric_code, self.period, self.scope, self.scope_id)
        over, total = self.over, self.total
        self.ctx.read(
            lambda: ws.plan_target_split(*args, over=over, method=method, weight=weight,
                                         total_value=total),
            self._on_plan_loaded, self._on_plan_failed, owner=self, key="plan",
        )  # fmt: skip

    def _on_plan_loaded(self, plan: SplitPlan) -> None:
        self.plan = plan
        self.problem.hide()
        value = lambda v: words.value_text(self.metric_code, v)  # noqa: E731
        bases = dict(plan.bases)
        self.table.setColumnHidden(BASE, not plan.bases)
        self.table.setColumnHidden(INCREMENT, not plan.bases)
        self.table.setRowCount(len(plan.parts))
        for i, (key, part) in enumerate(plan.parts):
            base = bases.get(key)
            cells = {
                PART: self.names.get(key, ""),
                BASE: value(base) if base is not None else "",
                INCREMENT: value(part - base) if base is not None else "",
                TARGET: value(part),
                SHARE: f"{part * 100 / self.total:.1f}%" if self.total else "",
            }
            for c, text in cells.items():
                item = QTableWidgetItem(text)
                if c != PART:
                    item.setTextAlignment(_RIGHT)
                if key in plan.remainder_keys and c == TARGET:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("Took one unit of the rounding."))
                self.table.setItem(i, c, item)
        self.remainder.setText(self.remainder_text(plan))
        notes = []
        for note in plan.notes:
            names = ""
            if note == SOME_WITHOUT_HISTORY:
                names = listing(self.names.get(k, "") for k, v in plan.parts if not v)
            notes.append(words.note_text(note, names))
        self.notes.setText(sentences(*notes))
        self.notes.setVisible(bool(plan.notes))
        self.apply_button.setEnabled(bool(plan.parts))

    def remainder_text(self, plan: SplitPlan) -> str:
        total = words.value_text(self.metric_code, plan.total)
        exact = self.tr("The parts add up exactly to %1.").replace("%1", total)
        if not plan.remainder:
            return exact
        money = words.is_money(self.metric_code)
        if money and plan.unit == ONE:
            text = self.tr("Rounding to whole yuan left %1; one yuan each went to: %2.")
        elif money:
            text = self.tr("Rounding to the cent left %1; one cent each went to: %2.")
        else:
            text = self.tr("Rounding to whole numbers left %1; one each went to: %2.")
        where = listing(self.names.get(k, "") for k in plan.remainder_keys)
        moved = words.value_text(self.metric_code, plan.remainder)
        return sentences(text.replace("%1", moved).replace("%2", where), exact)

    def _on_plan_failed(self, exc: BaseException) -> None:
        self.plan = None
        self.table.setRowCount(0)
        self.remainder.clear()
        self.notes.hide()
        if isinstance(exc, ValidationFailed) and exc.params.get("errors"):
            field, code = exc.params["errors"][0]
            self.problem.setText(words.split_failure(field, code))
        else:
            self.problem.setText(error_text(exc))
        self.problem.show()

    @Slot()
    def _on_apply_clicked(self) -> None:
        if self.plan is None:
            return
        self.parts = self.plan.as_dict()
        self.accept()
