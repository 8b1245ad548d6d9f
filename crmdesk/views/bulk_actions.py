"""Bulk actions over a windowed list's selection: the selection becomes a target (the rows'
ids, or the whole query when every row is selected), the confirmation states how many
customers will change (counted by the database, not the rows on screen), and the action runs
on the writer thread with a progress dialog that can cancel it between chunks.

Shared by the customer list (assign, tags, delete) and the recycle bin (restore)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QTableView, QWidget

from crmdesk.models.bulk import BulkResult, Target
from crmdesk.models.changes import WriteResult
from crmdesk.models.checks import MAX_PAGE
from crmdesk.tasks import TaskControl
from crmdesk.views.context import PageContext
from crmdesk.views.table_model import WindowedTableModel

# (target, progress, cancelled) -> WriteResult[BulkResult], run on the writer thread
BulkCall = Callable[[Target, Callable[[int, int], None], Callable[[], bool]], WriteResult]


def selected_ranges(table: QTableView) -> list[tuple[int, int]]:
    """The selected rows as merged (first, last) ranges: cheap at any size, unlike
    selectedRows(), which makes an index per row (a million of them after Select all)."""
    spans = sorted((r.top(), r.bottom()) for r in table.selectionModel().selection())
    merged: list[tuple[int, int]] = []
    for top, bottom in spans:
        if merged and top <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def selected_count(table: QTableView) -> int:
    return sum(bottom - top + 1 for top, bottom in selected_ranges(table))


def all_selected(table: QTableView) -> bool:
    rows = table.model().rowCount()
    return rows > 0 and selected_ranges(table) == [(0, rows - 1)]


class BulkActions(QObject):
    finished = Signal(object)  # BulkResult, after the change went on the bus
    busy_changed = Signal(bool)

    def __init__(
        self,
        ctx: PageContext,
        page: QWidget,
        table: QTableView,
        model: WindowedTableModel,
        ids_of: Callable[[Any, int, int], list[int]],
        deleted: bool = False,
    ) -> None:
        """ids_of(query, offset, limit): the ids of those rows of the list (off-thread)."""
        super().__init__(page)
        self.ctx, self.page, self.table, self.model, self.deleted = ctx, page, table, model, deleted
        self._ids_of = ids_of
        self.busy = False
        # Select all while the count is still coming: when the rows grow, "all" grows with them.
        model.rowsInserted.connect(self._on_rows_inserted)
        self._was_all = False
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _on_selection_changed(self) -> None:
        self._was_all = all_selected(self.table)

    def _on_rows_inserted(self) -> None:
        if self._was_all:
            self.table.selectAll()

    def start(
        self,
        ask: Callable[[int], bool],
        call: BulkCall,
        progress_text: str,
    ) -> None:
        """Resolve the selection, count what will change, ask (ask(count) -> go?), then run."""
        if self.busy or not selected_ranges(self.table):
            return
        self._set_busy(True)
        query = self.model.query
        if all_selected(self.table):
            self._count(Target(query=query), ask, call, progress_text)
            return
        ranges = selected_ranges(self.table)
        ids = [self.model.id_at(r) for top, bottom in ranges for r in range(top, bottom + 1)]
        if None not in ids:
            self._count(Target(ids=tuple(ids)), ask, call, progress_text)
            return

        # Rows selected that were never loaded (a shift-click far down): ask for their ids.
        def fetch_ids() -> list[int]:
            found: list[int] = []
            for top, bottom in ranges:
                for offset in range(top, bottom + 1, MAX_PAGE):
                    found += self._ids_of(query, offset, min(MAX_PAGE, bottom + 1 - offset))
            return found

        self.ctx.read(
            fetch_ids,
            lambda found: self._count(Target(ids=tuple(found)), ask, call, progress_text),
            self._on_failed,
            owner=self.page,
        )

    def _count(self, target: Target, ask, call: BulkCall, progress_text: str) -> None:
        self.ctx.read(
            lambda: self.ctx.workspace.count_target(target, self.deleted),
            lambda count: self._confirm(target, count, ask, call, progress_text),
            self._on_failed,
            owner=self.page,
        )

    def _confirm(self, target: Target, count: int, ask, call, progress_text: str) -> None:
        if count == 0 or not ask(count):
            self._set_busy(False)
            return
        dialog = QProgressDialog(progress_text, self.tr("Cancel"), 0, count, self.page)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # a quick action never flashes a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)

        def work(control: TaskControl) -> WriteResult:
            return call(target, control.progress, control.cancelled)

        def done(result: WriteResult) -> None:
            dialog.close()
            self._set_busy(False)
            self.finished.emit(result.value)

        def failed(exc: BaseException) -> None:
            dialog.close()
            self._on_failed(exc)

        task = self.ctx.write(
            work, done, failed, owner=self.page, on_progress=lambda d, _t: dialog.setValue(d)
        )
        dialog.canceled.connect(task.cancel)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        partial = getattr(exc, "partial", None)  # Interrupted after some chunks
        if partial is not None:
            self.finished.emit(partial.value)
        from crmdesk.views.errors import show_error

        show_error(self.page, exc)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def result_text(self, result: BulkResult, done: str) -> str:
        """'Deleted 1,234 customers.' plus what was skipped or left when cancelled."""
        text = done
        if result.skipped:
            text += " " + self.tr(
                "%n customer(s) skipped: their tags would be too long.", "", result.skipped
            )
        if result.cancelled:
            left = result.requested - result.changed - result.skipped
            text += " " + self.tr("Cancelled; %n customer(s) were not changed.", "", left)
        return text
