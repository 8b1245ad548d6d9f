"""WindowedTableModel: any number of rows of any list, a page at a time, never on the GUI thread.

The model holds the query (an opaque value the page builds), the total (from a COUNT that may
arrive after the first page) and a small cache of pages. A page is requested from the task
runner when the view first paints one of its rows; until it arrives its rows show a
placeholder, and when it arrives they are filled with dataChanged. A page whose fetch failed is
forgotten and asked again a moment later, never cached empty. The scrollbar is true and End
jumps to the last row at once. Sorting re-queries in SQL. Columns are declared (Column).

A change to the rows of the same query (a colleague's write, from the change feed) refreshes
in place (refresh): the pages on screen are read again and moved rows keep their selection and
the current row (persistent indexes follow the ids), the scroll position stays, a deleted row
just goes.
"""

from __future__ import annotations

import inspect
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from crmdesk.tasks import SyncRunner, TaskRunner

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGN, ID_ROLE})
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
PAGE_SIZE = 100  # a screen shows ~30 rows; a smaller page is a faster first paint
MAX_PAGES = 80  # ~8,000 rows kept
COUNT_DELAY_MS = 250
RETRY_MS = 2000
REFRESH_PAGES = 3  # the most recently shown pages: those on screen (~30 rows span ≤ 2)
PLACEHOLDER = "…"
_MUTED = QBrush(QColor("#8c8f94"))


@dataclass(frozen=True)
class Column:
    key: str  # also the sort key the query understands
    title: str
    width: int
    value: Callable[[Any], str]
    sortable: bool = True
    center: bool = False
    tooltip: bool = False  # long texts: the whole value as a tooltip
    # A colour for the cell given the row and the model's "now" (e.g. overdue dates in red).
    foreground: Callable[[Any, datetime], QBrush | None] | None = None
    # What an export writes (views/list_export.py): cell(row) a typed value (a date, a Decimal,
    # an int; None for an empty cell) formatted as kind says (models.excel_export.KINDS);
    # without cell, the text shown.
    cell: Callable[[Any], Any] | None = None
    kind: str = "text"


_EPOCH = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)


def local_moment(value: datetime | None) -> datetime | None:
    """A stored time (naive UTC) as the naive local time, to the second, that a typed cell
    holds (as local_time shows it). fromtimestamp is three times faster than astimezone, which
    counts in a 100,000-row export."""
    if value is None:
        return None
    if value < _EPOCH:  # (Windows has no local time before 1970)
        return value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None, microsecond=0)
    return datetime.fromtimestamp((value - _EPOCH) // _SECOND)


def local_day(value: datetime | None) -> date | None:
    """A stored time's local day."""
    return local_moment(value).date() if value is not None else None


# (query, offset, limit) -> rows, off-thread; a fetch that takes a `total` keyword is given the
# count once known (it may then read the far end of a long list from the end).
Fetch = Callable[..., list]
# (query) -> total; runs off-thread. Given a count_cap, the model expects the count to stop
# there (returning cap + 1) unless called with exact=True: it shows cap + 1 rows, says "cap+"
# (is_capped), and counts in full only when someone scrolls to the end.
Count = Callable[..., int]


class WindowedTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # key, descending
    sort_refused = Signal()  # a click on a column that does not sort: the header's arrow moved
    first_page_loaded = Signal()  # after set_query: the rows are there (the count may follow)
    count_loaded = Signal(int)
    load_failed = Signal(object)  # once per query, with the first error
    refreshed = Signal()  # refresh(): the rows on screen are the database's again

    def __init__(
        self,
        columns: list[Column],
        fetch: Fetch,
        count: Count,
        runner: TaskRunner | SyncRunner,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
        count_cap: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self._fetch, self._count, self._runner, self._clock = fetch, count, runner, clock
        self._fetch_takes_total = "total" in inspect.signature(fetch).parameters
        self.count_cap = count_cap
        self._capped = False  # the total is a lower bound (a capped count): see Count
        self.query: Any = None  # asked for
        self.shown_query: Any = None  # what the rows on screen are: selections map to this
        self._generation = 0
        self._total = 0
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._pending: set[int] = set()
        self._failed: set[int] = set()
        self._reported = False
        self._counting = False
        self._loading = False
        self._in_data = False
        self._refreshing = False
        self._refresh_again = False
        self._now = clock()
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._on_count_timer_timeout)
        self._retry_timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry_timer.timeout.connect(self._on_retry_timer_timeout)

    # -- feeding
    def set_query(self, query: Any) -> None:
        """Load the first page of this query; the rows shown stay until it arrives. The count
        (a scan at 1M rows) is asked once the query has held still a moment, because while
        someone types, counts of the prefixes they pass through would only compete with the
        pages they do want."""
        self.query = query
        self._generation += 1
        self._loading = True
        self._counting = False
        self._capped = False
        self._reported = False
        self._count_timer.stop()
        generation = self._generation
        self._runner.read(
            lambda: (generation, self._fetch(query, 0, PAGE_SIZE)),
            self._on_first_page_loaded,
            lambda exc: self._on_load_failed(generation, exc),
            owner=self,
            key="first",
        )

    def reload(self) -> None:
        if self.query is not None:
            self.set_query(self.query)

    def refresh(self) -> None:
        """The same query read again where the user is, without a reset: the pages most
        recently shown are fetched (one task; the others are forgotten and fetched when shown
        again) and put in place. A refresh asked while one runs follows it."""
        if self._loading or self.shown_query is None or self.shown_query != self.query:
            self.reload()  # a query on its way: start it again, after the change
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        pages = list(self._pages)[-REFRESH_PAGES:] or [0]
        generation, query = self._generation, self.query
        known = self._fetch_takes_total and not self._counting and not self._capped
        extra = {"total": self._total} if known else {}
        self._runner.read(
            lambda: (
                generation,
                {p: self._fetch(query, p * PAGE_SIZE, PAGE_SIZE, **extra) for p in pages},
            ),
            self._on_refreshed,
            self._on_refresh_failed,
            owner=self,
            key="refresh",
        )

    def _on_refresh_failed(self, exc: BaseException) -> None:
        # The rows shown stay; the next change (or the reconnection's) refreshes again.
        self._refreshing = self._refresh_again = False

    def _on_refreshed(self, result: tuple[int, dict[int, list]]) -> None:
        generation, fresh = result
        self._refreshing = False
        if generation != self._generation:
            self._refresh_again = False  # another query is loading: it is fresh
            return
        self._put_in_place(fresh)
        self._now = self._clock()
        self.refreshed.emit()
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _put_in_place(self, fresh: dict[int, list]) -> None:
        def ids(rows: list | None) -> list | None:
            return None if rows is None else [r.id for r in rows]

        order = [p for p in self._pages if p in fresh] + [p for p in fresh if p not in self._pages]
        if all(ids(fresh[p]) == ids(self._pages.get(p)) for p in fresh):
            self._pages = OrderedDict((p, fresh[p]) for p in order)
            for p in order:  # the same rows in the same places: their cells repaint
                last = min(p * PAGE_SIZE + len(fresh[p]), self._total) - 1
                if last >= p * PAGE_SIZE:
                    self.dataChanged.emit(
                        self.index(p * PAGE_SIZE, 0), self.index(last, len(self.columns) - 1)
                    )
        else:
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            before = [self.loaded_row(i.row()) for i in persistent]
            self._pages = OrderedDict((p, fresh[p]) for p in order)
            places = {
                r.id: p * PAGE_SIZE + n for p, rows in fresh.items() for n, r in enumerate(rows)
            }
            moved_from, moved_to = [], []
            for index, old in zip(persistent, before, strict=True):
                if old is None:
                    continue  # a row of a page not at hand: where it was
                row = places.get(old.id)
                if row is None and index.row() // PAGE_SIZE not in fresh:
                    continue  # its page was not read again: assume it stays
                moved_from.append(index)
                moved_to.append(
                    self.index(row, index.column()) if row is not None else QModelIndex()
                )
            self.changePersistentIndexList(moved_from, moved_to)
            self.layoutChanged.emit()
        end = [p * PAGE_SIZE + len(rows) for p, rows in fresh.items() if len(rows) < PAGE_SIZE]
        if end and not self._capped:  # a short page is where the list ends now
            self._count_timer.stop()
            self._counting = False
            self.set_total(min(end))
            self.count_loaded.emit(self._total)
        elif self.count_cap is None or self._total <= self.count_cap:
            self._count_timer.start()  # rows may have come or gone beyond what was read

    def _on_first_page_loaded(self, result: tuple[int, list]) -> None:
        generation, rows = result
        if generation != self._generation:
            return
        self._loading = False
        self.beginResetModel()
        self.shown_query = self.query
        self._pages.clear()
        self._pending.clear()
        self._failed.clear()
        self._pages[0] = rows
        self._total = len(rows)
        self._now = self._clock()
        self._counting = len(rows) == PAGE_SIZE  # a short first page is the whole answer
        self.endResetModel()
        if self._counting:
            self._count_timer.start()
        self.first_page_loaded.emit()
        if not self._counting:
            self.count_loaded.emit(self._total)

    def _on_count_timer_timeout(self, exact: bool = False) -> None:
        generation, query = self._generation, self.query
        extra = {"exact": True} if exact else {}
        self._runner.read(
            lambda: (generation, self._count(query, **extra), exact),
            self._on_count_loaded,
            lambda exc: self._on_load_failed(generation, exc),
            owner=self,
            key="count",
        )

    def _on_count_loaded(self, result: tuple[int, int, bool]) -> None:
        generation, total, exact = result
        if generation != self._generation:
            return
        self._counting = False
        # A capped count answers exactly cap + 1; a count that went on in full (fast enough on
        # that backend) answers the true number, however large.
        self._capped = not exact and self.count_cap is not None and total == self.count_cap + 1
        self.set_total(total)
        self.count_loaded.emit(total)

    def count_in_full(self) -> None:
        """Count a capped list in full: asked for, or its end reached (once per query)."""
        if self._capped and not self._counting:
            self._counting = True
            self.count_loaded.emit(self._total)  # the label says "Counting…" meanwhile
            self._on_count_timer_timeout(exact=True)

    def set_total(self, total: int) -> None:
        """Grow or shrink the rows to the true number."""
        if total == self._total:
            return
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        else:
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            self.endRemoveRows()

    def _request(self, page_no: int) -> None:
        if page_no in self._pending or page_no in self._failed:
            return
        self._pending.add(page_no)
        generation, query = self._generation, self.query
        known = self._fetch_takes_total and not self._counting and not self._capped
        extra = {"total": self._total} if known else {}
        self._runner.read(
            lambda: (
                generation,
                page_no,
                self._fetch(query, page_no * PAGE_SIZE, PAGE_SIZE, **extra),
            ),
            self._on_page_loaded,
            lambda exc: self._on_page_failed(generation, page_no, exc),
            owner=self,
            key=f"page{page_no}",
        )

    def _on_page_loaded(self, result: tuple[int, int, list]) -> None:
        generation, page_no, rows = result
        if generation != self._generation:
            return
        self._pending.discard(page_no)
        self._pages[page_no] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        if len(rows) < PAGE_SIZE and page_no * PAGE_SIZE + len(rows) < self._total:
            self._count_timer.start()  # rows went away since counting: count again
        if not self._in_data:  # with a synchronous runner the caller reads the rows at once
            first = page_no * PAGE_SIZE
            last = min(first + PAGE_SIZE, self._total) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def _on_page_failed(self, generation: int, page_no: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page_no)
        self._failed.add(page_no)
        self._retry_timer.start()
        self._on_load_failed(generation, exc)

    def _on_retry_timer_timeout(self) -> None:
        """Forget the failures and repaint: the rows still on screen ask again."""
        failed, self._failed = self._failed, set()
        for page_no in failed:
            first = page_no * PAGE_SIZE
            last = min(first + PAGE_SIZE, self._total) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, 0))

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return  # the failure of a query no longer asked for
        self._loading = False
        self._counting = False
        if not self._reported:
            self._reported = True
            self.load_failed.emit(exc)

    # -- reading rows
    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def is_counting(self) -> bool:
        return self._counting

    @property
    def is_capped(self) -> bool:
        """The total is "at least": the count stopped at its cap (see Count)."""
        return self._capped

    def row_at(self, row: int) -> Any | None:
        """The row's value, or None while its page loads (asking for it)."""
        if not 0 <= row < self._total:
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            if self._loading:
                return None  # rows of the old query: the new one's first page resets them
            if self._capped and row >= self._total - PAGE_SIZE:
                QTimer.singleShot(0, self.count_in_full)  # not while the view paints
            self._request(page_no)
            page = self._pages.get(page_no)  # a synchronous runner has filled it already
            if page is None:
                return None
        self._pages.move_to_end(page_no)
        offset = row - page_no * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def loaded_row(self, row: int) -> Any | None:
        """The row's value if its page is at hand; never asks."""
        page = self._pages.get(row // PAGE_SIZE) if 0 <= row < self._total else None
        offset = row % PAGE_SIZE
        return page[offset] if page is not None and offset < len(page) else None

    def id_at(self, row: int) -> int | None:
        r = self.loaded_row(row)
        return r.id if r is not None else None

    def row_of_id(self, row_id: int) -> int | None:
        for page_no, page in self._pages.items():
            for i, r in enumerate(page):
                if r.id == row_id:
                    return page_no * PAGE_SIZE + i
        return None

    # -- Qt
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY) -> Any:
        # Called ~10 times per visible cell per paint: plain ints, no enum comparisons (which
        # are Python-level in PySide6 and made a repaint of one screen cost ~40 ms).
        if role not in _ROLES or not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == _ALIGN:
            return _CENTER if column.center else _LEFT
        self._in_data = True
        try:
            row = self.row_at(index.row())
        finally:
            self._in_data = False
        if row is None:
            if role == _DISPLAY and index.column() == 0:
                return PLACEHOLDER
            return _MUTED if role == _FOREGROUND else None
        if role == _DISPLAY:
            return column.value(row)
        if role == ID_ROLE:
            return row.id
        if role == _FOREGROUND:
            return column.foreground(row, self._now) if column.foreground else None
        text = column.value(row) if column.tooltip else None  # tooltip: long texts only
        return text or None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column].sortable:
            self.sort_requested.emit(
                self.columns[column].key, order == Qt.SortOrder.DescendingOrder
            )
        else:
            self.sort_refused.emit()

    # -- the whole list, off the GUI thread (an export)
    def fetch_rows(self, query: Any, offset: int, limit: int, total: int | None = None) -> list:
        """Rows of a query as the model's pages are fetched; call off the GUI thread."""
        extra = {"total": total} if total is not None and self._fetch_takes_total else {}
        return self._fetch(query, offset, limit, **extra)

    def count_rows(self, query: Any) -> int:
        """A query's exact length (never a capped count); call off the GUI thread."""
        if "exact" in inspect.signature(self._count).parameters:
            return self._count(query, exact=True)
        return self._count(query)

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)
