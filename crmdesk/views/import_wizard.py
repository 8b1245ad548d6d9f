"""The import wizard (File › Import…): a window of steps — the file, its columns, the choices,
the check, the import running, what it did — with Back, Next and Cancel. It is not modal: while
an import runs the rest of the program goes on working. The steps' pages are import_*.py; they
share one ImportState, and this dialog only moves between them.

Closing it while an import runs asks first (stopping keeps the rows already written). The
dialog's size is remembered."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QObject, Qt, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.tasks import alive
from crmdesk.views.context import PageContext
from crmdesk.views.import_mapping_page import MappingPage
from crmdesk.views.import_options_page import OptionsPage
from crmdesk.views.import_preview import PreviewPage
from crmdesk.views.import_run_page import RunPage, SummaryPage
from crmdesk.views.import_source_page import SourcePage
from crmdesk.views.import_state import ImportState, unfreeze_gc
from crmdesk.views.import_words import import_words

log = logging.getLogger(__name__)
SOURCE, MAPPING, OPTIONS, PREVIEW, RUN, SUMMARY = range(6)
GEOMETRY = "import/geometry"


class ImportQuestions(QObject):
    def stop_import(self, parent: QWidget) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import"))
        box.setText(self.tr("The import is still running. Stop it?"))
        box.setInformativeText(
            self.tr("The rows already written stay imported; Import history can undo them.")
        )
        stop = box.addButton(self.tr("Stop the import"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep importing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is stop


def ask_stop_import(parent: QWidget) -> bool:
    """Closing while the import runs: True to stop it (what is written stays)."""
    return ImportQuestions().stop_import(parent)


class ImportWizard(QDialog):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None, kind: str = "") -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.setAcceptDrops(True)
        self.setWindowTitle(self.tr("Import from a spreadsheet"))
        self.ctx = ctx
        self.words = import_words()
        self.state = ImportState()
        self._stopping = False  # asked to close while running: close once it stopped

        self.source = SourcePage(ctx, self.state)
        self.mapping = MappingPage(ctx, self.state)
        self.options = OptionsPage(ctx, self.state)
        self.preview = PreviewPage(ctx, self.state)
        self.run = RunPage(ctx, self.state)
        self.summary = SummaryPage(ctx, self.state)
        self.pages = [self.source, self.mapping, self.options, self.preview, self.run,
                      self.summary]  # fmt: skip
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
            if hasattr(page, "changed"):
                page.changed.connect(self._update_buttons)
        self.run.finished.connect(self._on_run_finished)
        self.summary.history_requested.connect(self._on_history_requested)

        self.step = QLabel()
        self.step.setObjectName("detailHeading")
        self.back = QPushButton(self.tr("< Back"))
        self.back.clicked.connect(self._on_back_clicked)
        self.next = QPushButton(self.tr("Next >"))
        self.next.setDefault(True)
        self.next.clicked.connect(self._on_next_clicked)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(self._on_cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        if kind:
            self.source.set_kind(kind)
        self._restore_size()
        self._go(SOURCE)

    # -- moving between the steps
    @property
    def current(self) -> int:
        return self.stack.currentIndex()

    def _go(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        titles = [
            self.tr("Step 1 of 5: the file"),
            self.tr("Step 2 of 5: what each column is"),
            self.tr("Step 3 of 5: duplicates and owners"),
            self.tr("Step 4 of 5: check the rows"),
            self.tr("Step 5 of 5: importing"),
            self.tr("What the import did"),
        ]
        self.step.setText(titles[index])
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        index = self.current
        self.back.setVisible(index in (MAPPING, OPTIONS, PREVIEW))
        self.next.setVisible(index != RUN)
        self.cancel.setVisible(index != SUMMARY)
        if index < len(self.pages) and index not in (RUN, SUMMARY):
            self.next.setEnabled(self.pages[index].is_ready())
        else:
            self.next.setEnabled(True)
        plan = self.state.plan
        if index == PREVIEW and plan is not None and plan.rows:
            self.next.setText(self.words.import_rows(len(plan.rows)))
        elif index == PREVIEW:
            self.next.setText(self.tr("Import"))
        elif index == SUMMARY:
            self.next.setText(self.tr("Done"))
        else:
            self.next.setText(self.tr("Next >"))
        if index == RUN:
            self.cancel.setText(self.tr("Cancel import"))
            self.cancel.setEnabled(self.run.running and not self.run.task.cancelled)
        else:
            self.cancel.setText(self.tr("Cancel"))
            self.cancel.setEnabled(True)

    @Slot()
    def _on_next_clicked(self) -> None:
        index = self.current
        if index == SUMMARY:
            self.accept()
            return
        if not self.pages[index].is_ready():
            return
        self._go(index + 1)  # first: a runner may finish the step's work at once
        if index == SOURCE:
            self.mapping.load()
        elif index == MAPPING:
            self.options.load()
        elif index == OPTIONS:
            self.preview.start()
        elif index == PREVIEW:
            self.run.start()
        self._update_buttons()

    @Slot()
    def _on_back_clicked(self) -> None:
        if self.current == PREVIEW:
            self.preview.stop()
        self._go(max(SOURCE, self.current - 1))

    @Slot()
    def _on_cancel_clicked(self) -> None:
        if self.current == RUN:
            self.run.cancel()
            self._update_buttons()
        else:
            self.reject()

    @Slot()
    def _on_run_finished(self) -> None:
        if self._stopping:
            self._stopping = False
            super().reject()
            return
        self.summary.show_result()
        self._go(SUMMARY)

    @Slot()
    def _on_history_requested(self) -> None:
        from crmdesk.views.import_history import open_import_history

        open_import_history(self.ctx, self.parentWidget() or self)

    # -- a file dropped on the dialog
    def _dropped_file(self, event) -> str:
        if self.current != SOURCE or not event.mimeData().hasUrls():
            return ""
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        return urls[0].toLocalFile() if len(urls) == 1 else ""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path:
            event.acceptProposedAction()
            self.source.set_file(path)

    # -- closing
    def _may_close(self) -> bool:
        """While the import runs, closing asks; stopping closes once the chunk is written."""
        if not self.run.running:
            return True
        if ask_stop_import(self):
            self._stopping = True
            self.run.cancel()
            self._update_buttons()
        return False

    def reject(self) -> None:
        if self._may_close():
            self.preview.stop()
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close():
            self.preview.stop()
            self._save_size()
            unfreeze_gc()
            super().closeEvent(event)
        else:
            event.ignore()

    def done(self, result: int) -> None:
        self._save_size()
        unfreeze_gc()
        super().done(result)

    def _restore_size(self) -> None:
        settings = self.ctx.settings
        geometry = settings.value(GEOMETRY) if settings is not None else None
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(960, 680)

    def _save_size(self) -> None:
        if self.ctx.settings is not None:
            self.ctx.settings.setValue(GEOMETRY, self.saveGeometry())


def open_import_wizard(ctx: PageContext, parent: QWidget, kind: str = "") -> ImportWizard:
    """The wizard over the window: the one already open is brought to the front."""
    for shown in parent.findChildren(ImportWizard):
        if alive(shown) and shown.isVisible():
            shown.raise_()
            shown.activateWindow()
            return shown
    wizard = ImportWizard(ctx, parent, kind)
    wizard.show()
    return wizard
