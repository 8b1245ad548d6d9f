"""Export… of a windowed list, exactly as the page shows it: the columns the user sees, in the
order they see them, the widths they gave them; every row of the current query (filters,
search, sort), read a page at a time off the GUI thread through the model's own fetch and
written by models.excel_export.write_table with typed cells (Column.cell / Column.kind).

ListExporter gives a page its Export… button and does the rest: the file dialog, a progress
dialog with Cancel, then a message with the row count and Open folder (or what went wrong,
in words). A cancelled export leaves no file behind."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHeaderView,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from crmdesk.models.excel_files import ExportCancelled, ExportFailed
from crmdesk.tasks import TaskControl
from crmdesk.views import file_dialogs
from crmdesk.views.context import PageContext
from crmdesk.views.errors import show_error
from crmdesk.views.icons import set_icon
from crmdesk.views.table_model import Column, WindowedTableModel

log = logging.getLogger(__name__)
EXPORT_PAGE = 1000  # rows per read: the most a list's page may ask for (checks.check_page)
PIXELS_PER_CHARACTER = 7
FOLDER_SETTING = "export/folder"


def shown_columns(
    model: WindowedTableModel, header: QHeaderView, hidden: Callable[[int], bool] | None = None
) -> list[tuple[Column, int]]:
    """(column, width in pixels) of the columns shown, in the order shown. hidden(section):
    whether the user hid it (a page whose narrow window hides columns for now passes its
    ColumnFitter.user_hidden: those count as shown); default: hidden on screen."""
    is_hidden = hidden or header.isSectionHidden
    out = []
    for visual in range(header.count()):
        section = header.logicalIndex(visual)
        if 0 <= section < len(model.columns) and not is_hidden(section):
            column = model.columns[section]
            out.append((column, header.sectionSize(section) or column.width))
    return out


def export_rows(
    model: WindowedTableModel,
    query: Any,
    columns: list[Column],
    total: int,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[list]:
    """Every row of the query as typed cells, a page at a time (off the GUI thread)."""
    getters = [c.cell or c.value for c in columns]
    offset = 0
    while offset < total:
        if cancelled():
            raise ExportCancelled()
        limit = min(EXPORT_PAGE, total - offset)
        page = model.fetch_rows(query, offset, limit, total)
        for row in page:
            yield [get(row) for get in getters]
        if len(page) < limit:  # rows went away since the count
            return
        offset += limit


def export_error_text(exc: BaseException) -> str:
    """What went wrong writing a workbook, in words, with what to do ("" for other errors)."""
    if not isinstance(exc, ExportFailed):
        return ""
    texts = {
        "in_use": QCoreApplication.translate(
            "ListExport",
            "The file is open in another program (Excel?). Close it there, or choose another "
            "name, and export again.",
        ),
        "not_writable": QCoreApplication.translate(
            "ListExport",
            "This folder or file may not be written. Choose another folder, such as Documents.",
        ),
        "no_folder": QCoreApplication.translate(
            "ListExport", "The folder does not exist any more. Choose another folder."
        ),
        "disk_full": QCoreApplication.translate(
            "ListExport", "The disk is full. Free some space or choose another drive."
        ),
    }
    text = texts.get(
        exc.code,
        QCoreApplication.translate(
            "ListExport", "The file could not be written. Details are in the log file."
        ),
    )
    path = exc.params.get("path")
    if path:
        text += "\n" + QCoreApplication.translate("ListExport", "File: %1").replace(
            "%1", os.path.normpath(path)
        )
    return text


class ListExporter(QObject):
    """A page's Export… button and what it starts. name(): the list's name (the sheet and the
    file are called after it); hidden: see shown_columns. Without a model (and no button
    shown), run() exports rows of another source (export_follow_ups)."""

    progressed = Signal(int, int)  # from the worker: rows written, total
    finished = Signal(int, str)  # rows written, path
    failed = Signal(object)  # the error (a cancel is ExportCancelled)

    def __init__(
        self,
        ctx: PageContext,
        page: QWidget,
        model: WindowedTableModel | None,
        header: QHeaderView | None,
        name: Callable[[], str],
        hidden: Callable[[int], bool] | None = None,
    ) -> None:
        super().__init__(page)
        self.ctx, self.page, self.model, self.header = ctx, page, model, header
        self.name, self.hidden = name, hidden
        self.button = QPushButton(self.tr("Export…"))
        set_icon(self.button, "export")
        self.button.setToolTip(self.tr("Save the list as shown (columns, filters, order) "
                                       "as an Excel workbook"))  # fmt: skip
        self.button.clicked.connect(self._on_button_clicked)
        self.dialog: QProgressDialog | None = None
        self._control: TaskControl | None = None
        self.progressed.connect(self._on_progressed)

    @property
    def busy(self) -> bool:
        return self.dialog is not None

    @Slot()
    def _on_button_clicked(self) -> None:
        path = self.ask_path()
        if path:
            self.start(path)

    def ask_path(self) -> str:
        settings = self.ctx.settings
        folder = str(settings.value(FOLDER_SETTING, "") or "") if settings is not None else ""
        if not folder or not os.path.isdir(folder):
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
        name = f"{self.name()} {date.today().isoformat()}.xlsx"
        path, _filter = file_dialogs.save_file_name(
            self.page, self.tr("Export to Excel"), os.path.join(folder, name),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        if path and settings is not None:
            settings.setValue(FOLDER_SETTING, os.path.dirname(path))
        return path

    def start(self, path: str) -> None:
        """Export the list as it is now to path (off the GUI thread)."""
        query = self.model.query if self.model is not None else None
        if query is None or self.busy:
            return
        shown = shown_columns(self.model, self.header, self.hidden)
        columns = [c for c, _width in shown]
        model = self.model

        def rows(control: TaskControl) -> tuple[int, Iterator[list]]:
            total = model.count_rows(query)
            return total, export_rows(model, query, columns, total, control.cancelled)

        self.run(path, shown, rows)

    def run(
        self,
        path: str,
        shown: list[tuple[Column, int]],
        rows: Callable[[TaskControl], tuple[int, Iterable[list]]],
    ) -> None:
        """Write (column, width in pixels) headers and rows(control) -> (total, typed rows) to
        path, off the GUI thread, with the progress dialog and the messages."""
        from crmdesk.models.excel_export import ExportColumn, write_table

        if self.busy:
            return
        heads = [ExportColumn(c.title, c.kind, max(4, round(px / PIXELS_PER_CHARACTER)))
                 for c, px in shown]  # fmt: skip
        title = self.name()
        control = TaskControl(self.progressed.emit)

        def work() -> int:
            total, cells = rows(control)
            return write_table(path, title, heads, cells, total, control.progress,
                               control.cancelled)  # fmt: skip

        dialog = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 0, self.page)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # a short list never flashes a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        # Through a slot of ours: a connection to control.cancel itself was torn down on the
        # worker thread when the job let go of control, taking Qt's lock while it waited for
        # Python's, as the GUI thread closing the dialog held Python's and waited for Qt's.
        self._control = control
        dialog.canceled.connect(self._on_cancel_requested)
        self.dialog = dialog
        self.button.setEnabled(False)
        self.ctx.runner.read(
            work,
            lambda written: self._on_done(written, path),
            self._on_failed,
            owner=self,
        )

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self.dialog is None:
            return
        if total and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total else 0)
        locale = QLocale()
        self.dialog.setLabelText(self.tr("Exporting… %1 of %2 rows").replace(
            "%1", locale.toString(done)).replace("%2", locale.toString(total)))  # fmt: skip

    @Slot()
    def _on_cancel_requested(self) -> None:
        if self._control is not None:
            self._control.cancel()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.button.setEnabled(True)

    def _on_done(self, rows: int, path: str) -> None:
        self._close_dialog()
        self.finished.emit(rows, path)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export to Excel"),
                          self.tr("Exported %Ln row(s) to %1.", "", rows).replace(
                              "%1", os.path.normpath(path)),
                          QMessageBox.StandardButton.Ok, self.page)  # fmt: skip
        folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(path)))

    def _on_failed(self, exc: BaseException) -> None:
        self._close_dialog()
        self.failed.emit(exc)
        if isinstance(exc, ExportCancelled):
            self.ctx.notify(self.tr("Export cancelled; no file was written."))
            return
        text = export_error_text(exc)
        log.info("export failed: %r", exc)
        if not text:
            show_error(self.page, exc)
            return
        QMessageBox.warning(self.page, self.tr("Export to Excel"), text)


def follow_up_cells(workspace, columns: list[Column], control: TaskControl):
    """(total, typed rows) of every follow-up the user may see, read a chunk per call."""
    from crmdesk.models.follow_up_list import iter_follow_up_rows

    getters = [c.cell or c.value for c in columns]
    total = workspace.count_follow_up_rows()

    def cells() -> Iterator[list]:
        for row in iter_follow_up_rows(workspace.follow_up_rows, EXPORT_PAGE, control.cancelled):
            yield [get(row) for get in getters]
        if control.cancelled():
            raise ExportCancelled()

    return total, cells()


def export_follow_ups(ctx: PageContext, parent: QWidget) -> ListExporter | None:
    """File › Export follow-ups…: every follow-up the user may see, newest first, with the
    columns `crmdesk export follow-ups` writes (titles the follow-up importer recognises)."""
    from crmdesk.views.follow_up_columns import follow_up_columns

    exporter = ListExporter(
        ctx, parent, None, None, lambda: QCoreApplication.translate("ListExport", "Follow-ups")
    )
    path = exporter.ask_path()
    if not path:
        exporter.deleteLater()
        return None
    columns = follow_up_columns()
    workspace = ctx.workspace
    exporter.run(path, [(c, c.width) for c in columns],
                 lambda control: follow_up_cells(workspace, columns, control))  # fmt: skip
    return exporter
