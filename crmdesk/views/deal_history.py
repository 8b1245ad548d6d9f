"""What a deal has been through, in words: its stage history (when, who, from → to, what kind of
move, the answers given and the comment), newest first, and the status line of the deal dialog's
heading (open in a stage, won on a day, lost and why, awaiting a manager's approval)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget, QVBoxLayout, QWidget

from crmdesk.models.deals import DealDetail, MoveRow
from crmdesk.models.pipeline import PipelineRow, QuestionRow
from crmdesk.views.customer_tabs import fill_table, table_widget
from crmdesk.views.deal_words import (
    approval_reason,
    choice_text,
    lost_reason_label,
    question_text,
    stage_code_name,
)
from crmdesk.views.labels import labelled, local_time


def move_kind_label(kind: str) -> str:
    return {
        "created": QCoreApplication.translate("DealHistory", "Created"),
        "moved": QCoreApplication.translate("DealHistory", "Moved"),
        "won": QCoreApplication.translate("DealHistory", "Won"),
        "lost": QCoreApplication.translate("DealHistory", "Lost"),
        "reopened": QCoreApplication.translate("DealHistory", "Reopened"),
        "approval_requested": QCoreApplication.translate("DealHistory", "Approval requested"),
        "approved": QCoreApplication.translate("DealHistory", "Approved"),
        "rejected": QCoreApplication.translate("DealHistory", "Approval refused"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return {
        "open": QCoreApplication.translate("DealHistory", "Open"),
        "won": QCoreApplication.translate("DealHistory", "Won"),
        "lost": QCoreApplication.translate("DealHistory", "Lost"),
    }.get(status, status)


def status_line(detail: DealDetail) -> str:
    """The heading's second line: customer · stage · how the deal stands."""
    stage = stage_code_name(detail.stage_code, detail.stage_name)
    if detail.status == "won":
        state = QCoreApplication.translate("DealHistory", "Won on {date}").format(
            date=local_time(detail.closed_at, False)
        )
    elif detail.status == "lost":
        reason = lost_reason_label(detail.lost_code) if detail.lost_code else ""
        if detail.lost_text:  # what the rep wrote says more than the reason's name
            reason = detail.lost_text if detail.lost_code in ("", "other") else (
                labelled(reason, detail.lost_text))  # fmt: skip
        state = (
            labelled(QCoreApplication.translate("DealHistory", "Lost"), reason)
            if reason
            else QCoreApplication.translate("DealHistory", "Lost")
        )
    else:
        state = QCoreApplication.translate("DealHistory", "Open")
    return " · ".join(p for p in (detail.customer_name, stage, state) if p)


def approval_note(detail: DealDetail) -> str:
    """Awaiting approval to enter a stage, asked by whom, when and why; "" when nothing waits."""
    a = detail.approval
    if a is None:
        return ""
    return QCoreApplication.translate(
        "DealHistory",
        "Awaiting a manager's approval to move to {stage} (asked by {who} on {at}: {why}).",
    ).format(
        stage=stage_code_name(a.to_code, a.to_stage),
        who=a.requested_by or "—",
        at=local_time(a.requested_at),
        why=approval_reason(a.reason),
    )


class DealHistory(QWidget):
    """The stage history, newest first. Answers to built-in questions read in the user's
    language: the history keeps the question as it was asked, matched here to the pipeline's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("From → to"),
                   self.tr("Answers"), self.tr("Comment")]  # fmt: skip
        self.table: QTableWidget = table_widget(headers, stretch=4)  # the answers: the longest
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self._questions: dict[str, QuestionRow] = {}

    def set_pipelines(self, pipelines: list[PipelineRow]) -> None:
        self._questions = {q.text: q for p in pipelines for s in p.stages for q in s.questions}

    def fill(self, history: tuple[MoveRow, ...]) -> None:
        fill_table(self.table, [self._cells(m) for m in reversed(history)])
        self.table.setCurrentCell(-1, -1)  # nothing chosen: a history is read, not picked

    def _answer(self, question: str, answer: str) -> str:
        q = self._questions.get(question)
        if answer in ("yes", "no"):
            answer = self.tr("Yes") if answer == "yes" else self.tr("No")
        elif q is not None:
            answer = choice_text(q, answer)
        return labelled(question_text(q) if q is not None else question, answer)

    def _cells(self, m: MoveRow) -> tuple[str, ...]:
        source = stage_code_name(m.from_code, m.from_stage) if m.from_stage else ""
        target = stage_code_name(m.to_code, m.to_stage) if m.to_stage else ""
        path = f"{source} → {target}" if source and target else target or source
        answers = "\n".join(self._answer(q, a) for q, a in m.answers)
        return (local_time(m.at), m.actor_name, move_kind_label(m.kind), path, answers,
                m.comment)  # fmt: skip
