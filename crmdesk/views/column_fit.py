"""ColumnFitter: a list's columns fitted to a narrow window, the least important hidden first
(and shown again, most important first, when the window grows), without a horizontal scroll
bar hiding the customer's level or owner behind a city. A column the user hid stays hidden;
one the fitter hid counts as shown for the user's layout (saved views, the header menu).

Any list page gives its columns' priorities: 0 never hides; higher numbers hide sooner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView


class ColumnFitter(QObject):
    def __init__(self, table: QTableView, priorities: dict[int, int]) -> None:
        super().__init__(table)
        self.table = table
        self.priorities = priorities  # section -> priority
        self.auto_hidden: set[int] = set()
        self._widths: dict[int, int] = {}
        self._fitting = False
        # After the resize is done (the viewport's width is the new one only then), once for
        # a burst of resizes (dragging the window's edge).
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        table.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.table and event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def user_hidden(self, section: int) -> bool:
        return self.table.horizontalHeader().isSectionHidden(section) and (
            section not in self.auto_hidden
        )

    def set_user_hidden(self, section: int, hidden: bool, pin: bool = False) -> None:
        """The user's own choice (a saved layout; pin: the header menu): the fitter lets go of
        it, and a column the user just asked to see (pin) is never the one it hides next."""
        self.auto_hidden.discard(section)
        if pin and not hidden:
            self.priorities[section] = 0
        self.table.horizontalHeader().setSectionHidden(section, hidden)
        self.fit()

    def fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        header = self.table.horizontalHeader()
        available = self.table.viewport().width()
        if available <= 0:
            return
        shown = [s for s in range(header.count()) if not header.isSectionHidden(s)]
        for s in shown:
            self._widths[s] = header.sectionSize(s)
        need = sum(self._widths[s] for s in shown)
        # The least important first; of equals, the one furthest right.
        for s in sorted(shown, key=lambda s: (-self.priorities.get(s, 0), -header.visualIndex(s))):
            if need <= available:
                break
            if self.priorities.get(s, 0) > 0:
                header.setSectionHidden(s, True)
                self.auto_hidden.add(s)
                need -= self._widths[s]
        # Back, the most important first, each that fits.
        for s in sorted(
            self.auto_hidden, key=lambda s: (self.priorities.get(s, 0), header.visualIndex(s))
        ):
            width = self._widths.get(s, header.defaultSectionSize())
            if need + width > available:
                continue
            header.setSectionHidden(s, False)
            self.auto_hidden.discard(s)
            need += width
