"""ColumnFitter: a list's columns fitted to a narrow window, the least important hidden first
(and shown again, most important first, when the window grows), without a horizontal scroll
bar hiding the customer's level or owner behind a city. A column the user hid stays hidden;
one the fitter hid counts as shown for the user's layout (saved views, the header menu).

Any list page gives its columns' priorities: 0 never hides; higher numbers hide sooner. With
offer_menu, the header's right-click menu lets the user show and hide columns; chosen / choose
read and set that choice (a saved view's columns), and restore / save keep the header's layout
between runs. stretch names the columns that take the width left over (a list's title or
name), instead of the last one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView


class ColumnFitter(QObject):
    def __init__(self, table: QTableView, priorities: dict[int, int]) -> None:
        super().__init__(table)
        self.table = table
        self.priorities = priorities  # section -> priority
        self.auto_hidden: set[int] = set()
        self._widths: dict[int, int] = {}
        self._fitting = False
        self._titles: list[str] = []
        self._fixed = 0
        self._settings: QSettings | None = None  # where restore / save keep the layout
        self._key = ""
        self._stretch: dict[int, int] = {}  # section -> the width it never goes below
        # After the resize is done (the viewport's width is the new one only then), once for
        # a burst of resizes (dragging the window's edge).
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        table.installEventFilter(self)
        # The viewport too: it narrows without the table resizing when the rows loaded bring
        # the vertical scroll bar, and the last column then went under it (a horizontal bar).
        table.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize and obj in (self.table, self.table.viewport()):
            self._timer.start()
        return False

    def stretch(self, *sections: int) -> None:
        """These columns share the width the others leave (a title that would be cut short),
        each at least as wide as it is now. Before, the header stretched its last column (a
        date), which took the slack while the titles beside it were cut short. Qt shares the
        slack equally among them (their widths aside), and the user cannot drag their edges:
        the price of Qt's own Stretch, which follows every resize without the fitter."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # first: the last column's own width, not the slack
        self._stretch = {s: header.sectionSize(s) for s in sections}
        self._apply_stretch()

    def _apply_stretch(self) -> None:
        """Again after a restored layout: one saved before may stretch the last column, or
        other columns (a page that no longer stretches them): those take the user's widths."""
        if not self._stretch:
            return
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        stretch, interactive = QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Interactive
        for s in range(header.count()):
            header.setSectionResizeMode(s, stretch if s in self._stretch else interactive)
        self._timer.start()

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

    def offer_menu(self, titles: Sequence[str], fixed: int = 0) -> None:
        """The header's right-click menu: a check for each column (titles, by section), the
        `fixed` one always shown (a list's name)."""
        self._titles, self._fixed = list(titles), fixed
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_menu_requested)

    def column_menu(self) -> QMenu:
        menu = QMenu(self.table)
        for i, title in enumerate(self._titles):
            # Shown by the user's choice but hidden for now: said, or the tick looks wrong.
            if i in self.auto_hidden:
                title = self.tr("%1 (hidden: the window is too narrow)").replace("%1", title)
            action = menu.addAction(title)
            action.setData(i)
            action.setCheckable(True)
            action.setChecked(not self.user_hidden(i))
            action.setEnabled(i != self._fixed)
            action.toggled.connect(lambda on, i=i: self.set_user_hidden(i, not on, pin=True))
        return menu

    def _on_menu_requested(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def chosen(self, keys: Sequence[str]) -> list[str]:
        """The columns (keys, by section) the user chose to see, in their order; those the
        fitter hides for now count as chosen."""
        header = self.table.horizontalHeader()
        order = sorted(range(len(keys)), key=header.visualIndex)
        return [keys[i] for i in order if not self.user_hidden(i)]

    def choose(self, keys: Sequence[str], wanted: Sequence[str]) -> None:
        """Show the wanted columns, in that order, and hide the others (none known: as is)."""
        known = [k for k in wanted if k in keys]
        if not known:
            return
        header = self.table.horizontalHeader()
        for target, key in enumerate(known):
            header.moveSection(header.visualIndex(list(keys).index(key)), target)
        for i, key in enumerate(keys):
            self.set_user_hidden(i, key not in known)

    def restore(self, settings: QSettings | None, key: str) -> bool:
        """The header as the user left it (order, widths, hidden columns, sort indicator), kept
        in settings under key; save() keeps it there again. False: nothing kept yet."""
        self._settings, self._key = settings, key
        state = settings.value(key) if settings is not None else None
        if not isinstance(state, QByteArray):
            return False
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # a restored sort indicator must not sort by itself
        restored = header.restoreState(state)
        header.blockSignals(False)
        self._apply_stretch()
        self.auto_hidden.clear()  # hidden now: as the user chose
        self._timer.start()
        return restored

    def save(self) -> None:
        """Keep the header's layout (restore's key); what the fitter hid for now counts as
        shown, as the user chose it."""
        if self._settings is None:
            return
        header = self.table.horizontalHeader()
        hidden_for_now = sorted(self.auto_hidden)
        for i in hidden_for_now:
            header.setSectionHidden(i, False)
        self._settings.setValue(self._key, header.saveState())
        for i in hidden_for_now:
            header.setSectionHidden(i, True)

    def fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        """From every column the user chose (not from what is shown now), so one width always
        gives the same columns: after a restart as after a drag of the window's edge."""
        header = self.table.horizontalHeader()
        available = self.table.viewport().width()
        if available <= 0:
            return
        chosen = [s for s in range(header.count()) if not self.user_hidden(s)]
        for s in chosen:
            if not header.isSectionHidden(s) and s not in self._stretch:
                self._widths[s] = header.sectionSize(s)

        # The stretching columns get equal shares of the slack: each is counted at the widest
        # one's least width, so that none gets less than its own.
        share = max((w for s, w in self._stretch.items() if s in chosen), default=0)

        def width(s: int) -> int:
            if s in self._stretch:
                return share
            return self._widths.get(s, header.defaultSectionSize())

        need = sum(width(s) for s in chosen)
        hidden: set[int] = set()
        # The least important first; of equals, the one furthest right.
        for s in sorted(chosen, key=lambda s: (-self.priorities.get(s, 0), -header.visualIndex(s))):
            if need <= available:
                break
            if self.priorities.get(s, 0) > 0:
                hidden.add(s)
                need -= width(s)
        # Back, the most important first, each that fits.
        for s in sorted(hidden, key=lambda s: (self.priorities.get(s, 0), header.visualIndex(s))):
            if need + width(s) <= available:
                hidden.discard(s)
                need += width(s)
        for s in chosen:
            if header.isSectionHidden(s) != (s in hidden):
                header.setSectionHidden(s, s in hidden)
        self.auto_hidden = hidden
