"""Bulk actions over a windowed list's selection: the selection becomes a target (the rows'
ids, or the whole query when every row is selected), the confirmation states how many
customers will change (counted by the database, not the rows on screen), and the action runs
on the writer thread with a progress dialog that can cancel it between chunks.

Shared by the customer list (assign, tags, delete) and the recycle bin (restore)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QItemSelectionRange,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QTableView, QWidget

from crmdesk.models.bulk import BulkResult, Target
from crmdesk.models.changes import WriteResult
from crmdesk.tasks import Task, TaskControl
from crmdesk.views.context import PageContext
from crmdesk.views.errors import show_error
from crmdesk.views.labels import sentences
from crmdesk.views.table_model import WindowedTableModel

KEEP_LIMIT = 1000  # selected rows kept across a reload by id; "all" is kept whatever its size

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


def loaded_selected_ids(table: QTableView, model: WindowedTableModel, most: int) -> list[int]:
    """The ids of the selected rows already loaded, at most `most` (an action on a handful of
    customers, a claim or a release, never reads the ids of rows nobody has seen)."""
    ids: list[int] = []
    for top, bottom in selected_ranges(table):
        for row in range(top, min(bottom + 1, top + most)):
            cid = model.id_at(row)
            if cid is not None:
                ids.append(cid)
    return ids[:most]


def all_selected(table: QTableView) -> bool:
    rows = table.model().rowCount()
    return rows > 0 and selected_ranges(table) == [(0, rows - 1)]


class BulkActions(QObject):
    finished = Signal(str)  # what was done, in words, after the change went on the bus
    status = Signal(str)  # what it is doing before the progress dialog (empty: nothing)
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
        self._task: Task | None = None
        self._job: _Job | None = None
        # Select all while the count is still coming: when the rows grow, "all" grows with them.
        # A reload of the same list (after a write) keeps what was selected, by id, so the user
        # can go on with the same customers; a different list (a search, a filter) starts
        # with nothing selected.
        model.rowsInserted.connect(self._on_rows_inserted)
        model.modelAboutToBeReset.connect(self._on_model_about_to_reset)
        model.modelReset.connect(self._on_model_reset)
        self._was_all = False
        self._kept: tuple | None = None
        self._scroll: tuple | None = None
        self._scroll_back: int | None = None
        self._forget_scroll = QTimer(self, singleShot=True, interval=300)
        self._forget_scroll.timeout.connect(lambda: setattr(self, "_scroll_back", None))
        table.verticalScrollBar().rangeChanged.connect(self._restore_scroll)
        model.count_loaded.connect(self._end_scroll_back)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _on_selection_changed(self) -> None:
        self._was_all = all_selected(self.table)

    def _on_model_about_to_reset(self) -> None:
        query, ranges = self.model.shown_query, selected_ranges(self.table)
        self._kept = None
        self._scroll = (query, self.table.verticalScrollBar().value())
        if self._was_all:
            self._kept = (query, None)
        elif ranges and sum(b - t + 1 for t, b in ranges) <= KEEP_LIMIT:
            ids = {self.model.id_at(r) for t, b in ranges for r in range(t, b + 1)}
            self._kept = (query, ids - {None})
        self._was_all = False

    def _on_model_reset(self) -> None:
        scroll, self._scroll = self._scroll, None
        self._scroll_back = None
        self._forget_scroll.stop()
        if scroll is not None and scroll[0] == self.model.shown_query and scroll[1]:
            # The same list reloaded after a write: stay where the user was, not at the top.
            # The first page may hold fewer rows than were shown: the place is taken back as
            # soon as the rows (the count) reach it.
            self._scroll_back = scroll[1]
            QTimer.singleShot(0, self._restore_scroll)
        kept, self._kept = self._kept, None
        if kept is None or kept[0] != self.model.shown_query:
            return
        query, ids = kept
        if ids is None:
            self.table.selectAll()
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in range(self.model.rowCount()):
            if self.model.id_at(row) in ids:
                rows = QItemSelectionRange(self.model.index(row, 0), self.model.index(row, last))
                selection.append(rows)
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)

    def _restore_scroll(self) -> None:
        """Back to the place kept, each time the scroll range changes while the reloaded list
        grows to its length (it shrinks to the first page first, then the count comes)."""
        if self._scroll_back is not None:
            self.table.verticalScrollBar().setValue(self._scroll_back)

    def _end_scroll_back(self) -> None:
        """The count is in: the list is as long as it gets. Its scroll range follows when the
        view next lays out (rangeChanged restores then); a place past a list that shrank is
        given up after that, so a later reload never jumps there."""
        if self._scroll_back is not None:
            self._forget_scroll.start()

    def _on_rows_inserted(self) -> None:
        if self._was_all:
            self.table.selectAll()

    def start(
        self,
        ask: Callable[[int], bool],
        call: BulkCall,
        progress_text: str,
        done_text: Callable[[int], str],
        undo: Callable[[BulkResult], None] | None = None,
        skipped_text: Callable[[int], str] | None = None,
        refused: str = "",
    ) -> None:
        """Resolve the selection, count what will change, ask (ask(count) -> go?), run call, and
        say done_text(changed) in the window's notice line, with an Undo button doing
        undo(result) for a few seconds when given. One at a time: a second one meanwhile is
        ignored. refused: why some selected rows are left (said with the result, or alone when
        nothing is left to change: an action never ends in silence)."""
        if self.busy or not selected_ranges(self.table):
            return
        self._job = _Job(ask, call, progress_text, done_text, undo, skipped_text, refused)
        self._set_busy(True)
        self.status.emit(self.tr("Counting the customers this applies to…"))
        query = self.model.shown_query  # the rows the user selected, not a query on its way
        if all_selected(self.table):
            self._count(Target(query=query))
            return
        ranges = selected_ranges(self.table)
        ids = [self.model.id_at(r) for top, bottom in ranges for r in range(top, bottom + 1)]
        if None not in ids:
            self._count(Target(ids=tuple(ids)))
            return

        # Rows selected that were never loaded (a shift-click far down): ask for their ids.
        def fetch_ids() -> list[int]:
            found: list[int] = []
            for top, bottom in ranges:  # one query a range: deep OFFSETs repeated were quadratic
                found += self._ids_of(query, top, bottom + 1 - top)
            return found

        self.ctx.read(
            fetch_ids,
            lambda found: self._count(Target(ids=tuple(found))),
            self._on_failed,
            owner=self.page,
        )

    def _count(self, target: Target) -> None:
        self.ctx.read(
            lambda: self.ctx.workspace.count_target(target, self.deleted),
            lambda count: self._confirm(target, count),
            self._on_failed,
            owner=self.page,
        )

    def _confirm(self, target: Target, count: int) -> None:
        job = self._job
        self.status.emit("")
        if count == 0:
            self._set_busy(False)
            text = job.refused or self.tr(
                "None of the selected customers can be changed by you (any more): only their "
                "owner, a manager or an administrator can."
            )
            self.finished.emit(text)
            self.ctx.notify(text)
            return
        if not job.ask(count):
            self._set_busy(False)
            return
        dialog = QProgressDialog(job.progress_text, self.tr("Cancel"), 0, 0, self.page)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # a quick action never flashes a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)  # a busy bar until the first customers are done (ids are read first)

        def progressed(done: int, total: int) -> None:
            if dialog.maximum() != total:
                dialog.setMaximum(total)
            dialog.setValue(done)

        def work(control: TaskControl) -> WriteResult:
            return job.call(target, control.progress, control.cancelled)

        def finish(result: BulkResult | None, exc: BaseException | None) -> None:
            dialog.close()
            dialog.deleteLater()
            self._set_busy(False)
            if result is not None:
                text = self.result_text(result, job.done_text(result.changed), job.skipped_text)
                text = sentences(text, job.refused)
                self.finished.emit(text)
                if job.undo is not None and result.changed:
                    self.ctx.notify(text, self.tr("Undo"), lambda: job.undo(result))
                else:
                    self.ctx.notify(text)
            if exc is not None:
                self._on_failed(exc)

        task = self.ctx.write(
            work,
            lambda result: finish(result.value, None),
            lambda exc: finish(getattr(getattr(exc, "partial", None), "value", None), exc),
            owner=self.page,
            on_progress=progressed,
        )
        # Through a slot of ours, not to task.cancel itself (see list_export: a connection to a
        # plain callable torn down off the GUI thread deadlocked a closing progress dialog).
        self._task = task
        dialog.canceled.connect(self._on_cancel_requested)

    @Slot()
    def _on_cancel_requested(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _on_failed(self, exc: BaseException) -> None:
        self.status.emit("")
        self._set_busy(False)
        show_error(self.page, exc)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def result_text(
        self, result: BulkResult, done: str, skipped_text: Callable[[int], str] | None = None
    ) -> str:
        """'Deleted 1,234 customers.' plus what was skipped (skipped_text(n): why; by default
        the tags that would not fit), needed nothing, or was left when cancelled."""
        parts = [done]
        skipped = result.skipped
        if skipped and skipped_text is not None:
            parts.append(skipped_text(skipped))
        elif skipped:
            parts.append(
                self.tr("%Ln customer(s) skipped: their tags would be too long.", "", skipped)
            )
        left = result.requested - result.changed - result.skipped
        if result.cancelled and left:
            parts.append(self.tr("Cancelled; %Ln customer(s) were not changed.", "", left))
        elif left:
            parts.append(self.tr("%Ln customer(s) needed no change.", "", left))
        return sentences(*parts)


@dataclass(frozen=True)
class _Job:
    ask: Callable[[int], bool]
    call: BulkCall
    progress_text: str
    done_text: Callable[[int], str]
    undo: Callable[[BulkResult], None] | None = None
    skipped_text: Callable[[int], str] | None = None
    refused: str = ""
