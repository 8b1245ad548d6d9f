"""The pipeline board's keys, mixed into PipelinePage: Left and Right move the selection
between columns (one selection on the board), Enter opens the deal, Ctrl+Right / Ctrl+Left move
the selected cards one stage on or back, and a card moved by keys stays selected where it
arrives."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from crmdesk.views.board import DealRef


class BoardKeys:
    """Needs the page's columns, flow, _follow and _on_card_double_clicked."""

    def _focused_column(self) -> int:
        for i, column in enumerate(self.columns):
            if column.list.hasFocus():
                return i
        return -1

    def selected_refs(self) -> list[DealRef]:
        i = self._focused_column()
        if i < 0:
            return []
        column = self.columns[i]
        rows = sorted(ix.row() for ix in column.list.selectionModel().selectedIndexes())
        cards = [column.list.card_at(r) for r in rows]
        return [DealRef(c.id, c.version, c.stage_id) for c in cards if c is not None]

    def move_selected(self, step: int) -> None:
        """Ctrl+Right / Ctrl+Left: the selected cards one stage on or back."""
        i = self._focused_column()
        refs = self.selected_refs()
        if not refs or not 0 <= i + step < len(self.columns):
            return
        if len(refs) == 1:
            self._follow = (refs[0].id, self.columns[i + step].stage_id)
        self.flow.move(refs, self.columns[i + step].stage_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Left and Right move the selection between columns, Enter opens the deal."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            i = next((n for n, c in enumerate(self.columns) if c.list is watched), -1)
            mods = event.modifiers()
            if i >= 0 and mods == Qt.KeyboardModifier.NoModifier:
                if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                    step = -1 if event.key() == Qt.Key.Key_Left else 1
                    self._focus_column(i + step, self.columns[i].list.currentIndex().row())
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._on_card_double_clicked(self.columns[i].list.currentIndex())
                    return True
        return super().eventFilter(watched, event)

    def _on_column_loaded(self) -> None:
        """A card moved by keys is selected again where it arrived, so the next key press
        moves it on."""
        if self._follow is None:
            return
        deal_id, stage_id = self._follow
        for i, column in enumerate(self.columns):
            row = column.model.row_of_id(deal_id) if column.stage_id == stage_id else None
            if row is not None:
                self._follow = None
                self._focus_column(i, row)

    def _one_selection(self, column, selected) -> None:
        """Cards selected in one column (a click, a drag begun there) clear every other
        column's: two framed cards in two columns looked like both would move."""
        if not selected.isEmpty():
            self._clear_others(column)

    def _clear_others(self, column) -> None:
        """One selection on the board, the keys act on it: every column's but column's cleared."""
        for other in self.columns:
            if other is not column:
                other.list.clearSelection()

    def _focus_column(self, i: int, row: int) -> None:
        if not 0 <= i < len(self.columns):
            return
        self._clear_others(self.columns[i])  # an empty column too: nothing selected elsewhere
        view = self.columns[i].list
        count = view.model().rowCount()
        view.setFocus()
        if count:
            index = view.model().index(min(max(row, 0), count - 1), 0)
            view.setCurrentIndex(index)
            view.scrollTo(index)
