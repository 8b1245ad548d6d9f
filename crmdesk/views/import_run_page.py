"""The import running and what it did. RunPage writes the plan on the writer thread (the window
stays usable): a progress bar, "8,000 of 12,225 rows · 4,100 rows/s · about 1 s left", and
Cancel, which stops it after the chunk being written. SummaryPage: created, updated, skipped
and failed, the reasons counted, and the error report to save (the original rows with what is
wrong with each), written on a worker."""

from __future__ import annotations

import logging
import os
import time

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.errors import Interrupted
from crmdesk.models.excel_types import CellProblem, ImportResult, SheetData
from crmdesk.tasks import Task
from crmdesk.views import file_dialogs
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.import_state import ImportState
from crmdesk.views.import_words import describer, import_words, number
from crmdesk.views.labels import labelled, sentences
from crmdesk.views.list_export import export_error_text

log = logging.getLogger(__name__)


class RunPage(QWidget):
    finished = Signal()  # the state holds the result, or the error it stopped on

    def __init__(self, ctx: PageContext, state: ImportState, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.state = ctx, state
        self.words = import_words()
        self.task: Task | None = None
        self._ended = False
        self._began = 0.0
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.bar = QProgressBar()
        self.speed = QLabel()
        self.note = QLabel(self.tr("You can go on working in the other windows meanwhile."))
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.speed)
        layout.addWidget(self.note)
        layout.addStretch(2)

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self) -> None:
        """Remember the mapping for this layout, then write the plan."""
        s, ws = self.state, self.ctx.workspace
        kind, headers, mapping = s.kind, list(s.headers), s.mapping
        plan, options, file_name, sheet = s.plan, s.options, s.file_name, s.sheet_name
        s.result, s.error = None, None
        self.heading.setText(self.tr("Importing %1 from %2…")
                             .replace("%1", self.words.kind(kind).lower())
                             .replace("%2", file_name))  # fmt: skip
        total = plan.total
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(0)
        self.speed.setText(self.tr("Starting…"))
        self.ctx.write(lambda: ws.remember_mapping(kind, headers, mapping), None,
                       lambda exc: log.warning("the mapping was not remembered: %r", exc),
                       owner=self)  # fmt: skip
        self._began = time.monotonic()
        self._ended = False
        task = self.ctx.write(
            lambda control: ws.apply_import(plan, options, file_name, sheet, control),
            self._on_imported, self._on_failed, owner=self, on_progress=self._on_progress,
        )  # fmt: skip
        self.task = None if self._ended else task  # a runner may have finished it already

    def cancel(self) -> None:
        """Stop after the chunk being written (whole chunks stay imported)."""
        if self.task is not None and not self.task.cancelled:
            self.task.cancel()
            self.speed.setText(self.tr("Stopping after the rows being written…"))

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        if self.task is not None and self.task.cancelled:
            return
        seconds = max(time.monotonic() - self._began, 1e-3)
        rate = done / seconds
        parts = [self.tr("%1 of %2 rows").replace("%1", number(done)).replace("%2", number(total))]
        if done:
            parts.append(self.tr("%1 rows/s").replace("%1", number(int(rate))))
            left = (total - done) / rate if rate else 0
            if left >= 90:
                parts.append(self.words.minutes_left(round(left / 60)))
            elif total > done:
                parts.append(self.words.seconds_left(max(1, round(left))))
        self.speed.setText(" · ".join(parts))

    def _on_imported(self, result) -> None:
        self.task, self._ended = None, True
        self.state.result = result.value
        self.finished.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.task, self._ended = None, True
        if isinstance(exc, Interrupted):  # chunks before the error stay: say what they did
            self.state.result = exc.partial.value
            exc = exc.params["cause"]
        self.state.error = exc
        log.info("the import stopped on an error: %r", exc)
        self.finished.emit()


class ErrorReport(QObject):
    """Save the error report: ask where, then write the file's rows with problems and the
    problems in words on a worker; `told` says where it went (or why it did not)."""

    def __init__(self, ctx: PageContext, page: QWidget, told: QLabel) -> None:
        super().__init__(page)
        self.ctx, self.page, self.told = ctx, page, told

    def save(
        self,
        kind: str,
        sheet: SheetData,
        header_row: int,
        problems: list[CellProblem],
        planned: bool = False,
    ) -> None:
        """planned: the preview's report, before the import (cells "will be" left empty)."""
        settings: QSettings | None = self.ctx.settings
        folder = str(settings.value("import/folder", "") or "") if settings is not None else ""
        stem = os.path.splitext(sheet.file_name)[0]
        name = self.tr("%1 - errors.xlsx").replace("%1", stem)
        path, _filter = file_dialogs.save_file_name(
            self.page, self.tr("Save the error report"),
            os.path.join(folder or os.path.expanduser("~"), name),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        describe = describer(kind, planned)  # translated here, filled in on the worker

        def write() -> str:
            from crmdesk.models.excel_export import write_error_report

            write_error_report(path, sheet, header_row, problems, describe)
            return path

        self.told.setText(self.tr("Saving the error report…"))
        self.ctx.runner.read(write, self._on_saved, self._on_failed, owner=self.told)

    def _on_saved(self, path: str) -> None:
        self.told.setText(self.tr("Error report saved: %1").replace("%1", os.path.normpath(path)))

    def _on_failed(self, exc: BaseException) -> None:
        log.warning("the error report was not written: %r", exc)
        self.told.setText(export_error_text(exc) or error_text(exc))


class SummaryPage(QWidget):
    history_requested = Signal()

    def __init__(self, ctx: PageContext, state: ImportState, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.state = ctx, state
        self.words = import_words()
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.counts = {key: QLabel() for key in ("created", "updated", "skipped", "failed")}
        form = QFormLayout()
        form.addRow(self.tr("Created:"), self.counts["created"])
        form.addRow(self.tr("Updated:"), self.counts["updated"])
        form.addRow(self.tr("Skipped:"), self.counts["skipped"])
        form.addRow(self.tr("Not imported (errors):"), self.counts["failed"])
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.left_empty = QLabel()  # the bad optional cells left empty (keep_rows)
        self.left_empty.setObjectName("importLeftEmpty")
        self.left_empty.setWordWrap(True)
        self.owners = QLabel()  # where the rows went: a pool, the user, users created
        self.owners.setObjectName("importOwners")
        self.owners.setWordWrap(True)
        self.report = QPushButton(self.tr("Save error report…"))
        self.report.setToolTip(self.tr("The rows not imported and why, as a workbook to correct "
                                       "and import again"))  # fmt: skip
        self.report.clicked.connect(self._on_report_clicked)
        self.history = QPushButton(self.tr("Open import history"))
        self.history.clicked.connect(self.history_requested)
        self.told = QLabel()
        self.told.setWordWrap(True)
        self.saver = ErrorReport(ctx, self, self.told)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report)
        buttons.addWidget(self.history)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.reasons)
        layout.addWidget(self.left_empty)
        layout.addWidget(self.owners)
        layout.addLayout(buttons)
        layout.addWidget(self.told)
        layout.addStretch(1)

    def show_result(self) -> None:
        s, words = self.state, self.words
        result: ImportResult | None = s.result
        if s.error is not None:
            text = self.tr("The import stopped on an error: %1").replace("%1", error_text(s.error))
            if result is not None and result.rows_done:
                text = sentences(text, self.tr("The %1 rows before it stay imported; Import "
                                               "history can undo them.")
                                 .replace("%1", number(result.rows_done)))  # fmt: skip
            self.heading.setText(text)
        elif result is not None and result.status == "cancelled":
            self.heading.setText(self.tr("Cancelled after %1 of %2 rows; the rest of the file "
                                         "was not imported.")
                                 .replace("%1", number(result.rows_done))
                                 .replace("%2", number(result.rows_total)))  # fmt: skip
        else:
            seconds = result.seconds if result is not None else 0
            text = self.tr("The import is finished.")
            if seconds >= 0.1:
                took = self.tr("It took %1 s.").replace("%1", f"{seconds:,.1f}")
                text = sentences(text, took)
            self.heading.setText(text)
        for key, label in self.counts.items():
            label.setText(number(getattr(result, key)) if result is not None else "—")
        reasons = result.reasons if result is not None else {}
        lines = [
            labelled(words.reason(code), number(n))
            for code, n in sorted(reasons.items(), key=lambda item: -item[1])
        ]
        self.reasons.setText("\n".join(lines))
        self.reasons.setVisible(bool(lines))
        left = result.left_empty if result is not None else {}
        told = ""
        if left:  # "3 cells were left empty: Not a date: 2, Not a level: 1"
            counts = ", ".join(
                labelled(words.reason(code), number(n))
                for code, n in sorted(left.items(), key=lambda item: -item[1])
            )
            told = f"{words.left_empty(sum(left.values()))} {counts}"
        self.left_empty.setText(told)
        self.left_empty.setVisible(bool(told))
        told = self._owners_text(result)
        self.owners.setText(told)
        self.owners.setVisible(bool(told))
        self.report.setVisible(bool(result is not None and result.problems))
        self.told.clear()

    def _owners_text(self, result: ImportResult | None) -> str:
        """Where the rows went when it is not what the list shows: into a pool (the customer
        list does not show them), to the user for want of an owner, to new users."""
        if result is None:
            return ""
        s, lines = self.state, []
        if s.options.owner_mode == "pool" and s.pool_name and result.created:
            lines.append(self.tr("The new customers are in the pool %1, not in your list.")
                         .replace("%1", s.pool_name))  # fmt: skip
        if result.assigned_to_you:
            lines.append(self.words.assigned_to_you(result.assigned_to_you,
                                                    _names(result.unknown_owners)))  # fmt: skip
        if result.users_created:
            lines.append(self.words.users_created(len(result.users_created),
                                                  _names(result.users_created)))  # fmt: skip
        return "\n".join(lines)

    def _on_report_clicked(self) -> None:
        s = self.state
        self.saver.save(s.kind, s.sheet, s.header_row, s.result.problems)


def _names(names, shown: int = 10) -> str:
    """The first names, then how many more: a list that fits on the page."""
    text = ", ".join(names[:shown])
    if len(names) > shown:
        text += " " + import_words().more(len(names) - shown)
    return text
