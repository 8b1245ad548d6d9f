"""ListPanel: what every list page has, wired once. The windowed model and its table, the
bulk actions over its selection, a banner for a list that failed to load (with Retry), the
count line ("2,000 customers · 3 selected", "Counting…") and the line saying what the last
action did, and the action buttons enabled while something is selected and nothing runs.

A page places these widgets where it wants them and gives the words that are its own (what
its rows are called, what an empty list means)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QLabel, QWidget

from crmdesk.views.bulk_actions import BulkActions, selected_count
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.table_model import Column, Count, Fetch, WindowedTableModel
from crmdesk.views.widgets import Banner, ElidedLabel, list_table


class ListPanel(QObject):
    def __init__(
        self,
        ctx: PageContext,
        page: QWidget,
        columns: list[Column],
        fetch: Fetch,
        count: Count,
        ids_of: Callable[[Any, int, int], list[int]],
        *,
        total_text: Callable[[int], str],
        empty_text: Callable[[Any], str],
        empty_action: tuple[Callable[[Any], str], Callable[[], None]] | None = None,
        deleted: bool = False,
        count_cap: int | None = None,
        capped_text: Callable[[int], str] | None = None,
    ) -> None:
        """total_text(n): "2,000 customers"; empty_text(query): why the list is empty;
        empty_action: (label(query), do): a button under that text ("" for none: New customer
        when the list is empty because there is nothing yet, not because of a filter);
        count_cap: where the count stops (see table_model.Count); capped_text(cap): "More than
        1,000 customers"."""
        super().__init__(page)
        self._total_text, self._empty_text = total_text, empty_text
        self._empty_action = empty_action
        self._capped_text = capped_text or total_text
        self.model = WindowedTableModel(
            columns, fetch, count, ctx.runner, ctx.workspace.clock, page, count_cap
        )
        self.table = list_table(self.model, [c.width for c in columns])
        if empty_action is not None:
            self.table.empty_button.clicked.connect(empty_action[1])
        self.bulk = BulkActions(ctx, page, self.table, self.model, ids_of, deleted)
        self.banner = Banner()
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.linkActivated.connect(self._on_count_all)
        self.message = ElidedLabel()  # what the last action did, until it is no longer true
        self.actions: list[QWidget] = []  # enabled while rows are selected and nothing runs
        self.busy = False  # the page's own action runs (besides a bulk action)
        self._held: dict[QWidget, tuple[str, str]] = {}  # action: (why, its own tooltip)
        self.model.first_page_loaded.connect(self._on_first_page_loaded)
        self.model.count_loaded.connect(self.update)
        self.model.load_failed.connect(self._on_load_failed)
        self.model.sort_refused.connect(self.show_sort)
        self.table.selectionModel().selectionChanged.connect(self.update)
        self.bulk.busy_changed.connect(self.update)
        self.bulk.finished.connect(self.message.setText)
        self.bulk.status.connect(self.message.setText)
        self.banner.retry_clicked.connect(self.reload)
        ctx.bus.notice.connect(self._on_notice)

    @Slot(object)
    def _on_notice(self, notice) -> None:
        """A newer notice (an Undo's, another action's) says what is true now: the line of the
        last action, which said something else, goes."""
        if notice.text != self.message.text():
            self.message.clear()

    @Slot(str)
    def _on_count_all(self, _link: str) -> None:
        self.model.count_in_full()

    @property
    def is_counting(self) -> bool:
        return self.model.is_loading or self.model.is_counting

    def set_query(self, query: Any) -> None:
        if query != self.model.query:  # another list: what was done to the last one goes
            self.message.clear()
        self.banner.hide()
        self.model.set_query(query)
        self.update()

    def reload(self) -> None:
        self.set_query(self.model.query)

    def refresh(self) -> None:
        """The rows shown read again in place (a colleague's change, live_refresh.py): the
        selection, the current row and the scroll position stay."""
        if self.model.query is not None:
            self.model.refresh()

    @Slot()
    def _on_first_page_loaded(self) -> None:
        self.banner.hide()
        self.update()

    @Slot(object)
    def _on_load_failed(self, exc: BaseException) -> None:
        self.banner.show_message(error_text(exc))
        self.update()

    @Slot()
    def update(self) -> None:
        total = self.model.rowCount()
        if self.model.is_loading and total == 0:
            text = self.tr("Loading…")
        elif self.model.is_counting:
            text = self.tr("Counting…")
        elif self.model.is_capped and self.model.count_cap is not None:
            link = self.tr("Count all")
            text = f'{self._capped_text(self.model.count_cap)} · <a href="count">{link}</a>'

        else:
            text = self._total_text(total)
        selected = selected_count(self.table)
        if selected > 1:
            text += " · " + self.tr("%Ln selected", "", selected)
        self.count_label.setText(text)
        query = self.model.query
        action = self._empty_action[0](query) if self._empty_action is not None else ""
        self.table.set_empty_text(self._empty_text(query), action)
        for action in self.actions:
            held = action in self._held
            action.setEnabled(selected > 0 and not self.bulk.busy and not self.busy and not held)

    @Slot()
    def show_sort(self, query: Any = None) -> None:
        """The header's arrow on the column the list is sorted by (the query's, by default the
        model's): after a click on a column that does not sort moved it, or a saved view."""
        query = self.model.query if query is None else query
        key = getattr(query, "sort", None)
        keys = [c.key for c in self.model.columns]
        if key not in keys:
            return
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(keys.index(key), order)
        header.blockSignals(False)
        header.viewport().update()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.update()

    def hold(self, action: QWidget, why: str) -> None:
        """Keep an action disabled whatever is selected, saying why in its tooltip (a claim
        past the user's cap); an empty why lets it go again."""
        if why:
            own = self._held.get(action, (why, action.toolTip()))[1]
            self._held[action] = (why, own)
            action.setToolTip(why)
        elif action in self._held:
            action.setToolTip(self._held.pop(action)[1])
        self.update()
