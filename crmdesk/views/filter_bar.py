"""FilterBar: a row of filters that owns a query object and says when it changed.

Filters are declared (Filter): a choice (a combo with "any" first), a check box, or the search
field (debounced: typing pauses, then the query changes once). The query is any frozen
dataclass whose fields the filters are named after; the bar replaces fields, never builds SQL.
Choices may arrive later (from the database): a query set before then (a saved view) still
shows and keeps its values, which stay selected when the choices arrive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from crmdesk.views.icons import set_icon
from crmdesk.views.widgets import make_typeable

SEARCH_DEBOUNCE_MS = 200


@dataclass(frozen=True)
class Filter:
    key: str  # the query field it sets
    kind: str  # "choice", "check", "tags" (several values) or "search"
    label: str  # "Any level" (choice), the box's text (check), the placeholder (search)
    choices: tuple[tuple[str, Any], ...] = ()  # (text, value); more may come via set_choices
    any_value: Any = ""  # what "any" means in the query (choice)
    with_any: bool = True  # a choice that always has a value (scope) has no "any" entry
    typeable: bool = False  # a long list (owners, provinces): typing filters it


class TagFilter(QPushButton):
    """Tags to filter by, several at once (customers carrying all of them): a button whose menu
    lists the tags in use, each checkable, and says which are chosen ("Tags: VIP + 重点")."""

    changed = Signal()

    def __init__(self, any_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._any = any_text
        self._chosen: tuple[str, ...] = ()
        self._choices: list[str] = []
        self.setMenu(QMenu(self))  # a push button with a menu: drawn like the combos beside it
        self._fill()

    def value(self) -> tuple[str, ...]:
        return self._chosen

    def set_value(self, tags) -> None:
        self._chosen = tuple(sorted(tags))
        self._fill()

    def set_choices(self, tags) -> None:
        self._choices = list(tags)
        self._fill()

    def _fill(self) -> None:
        menu = self.menu()
        menu.clear()
        # Chosen tags stay listed even when no longer in use (a saved view's).
        names = self._choices + [t for t in self._chosen if t not in self._choices]
        if not names:
            menu.addAction(self.tr("No tags yet")).setEnabled(False)
        for name in names:
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name in self._chosen)
            action.toggled.connect(lambda on, name=name: self._on_toggled(name, on))
        if self._chosen:
            self.setText(self.tr("Tags: %1").replace("%1", " + ".join(self._chosen)))
        else:
            self.setText(self._any)

    def _on_toggled(self, name: str, on: bool) -> None:
        chosen = set(self._chosen) | {name} if on else set(self._chosen) - {name}
        self._chosen = tuple(sorted(chosen))
        self.setText(
            self.tr("Tags: %1").replace("%1", " + ".join(self._chosen))
            if self._chosen
            else self._any
        )
        self.changed.emit()


class FilterBar(QWidget):
    query_changed = Signal(object)

    def __init__(self, filters: Sequence[Filter], query: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self._query = query
        self._default = query
        self._updating = True  # filling the combos is not the user changing the query
        self.filters = {f.key: f for f in filters}
        self.controls: dict[str, QWidget] = {}
        self.search: QLineEdit | None = None
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_search_timer_timeout)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for f in filters:
            if f.kind == "search":
                self.search = QLineEdit()
                self.search.setPlaceholderText(f.label)
                self.search.setClearButtonEnabled(True)
                self.search.setMinimumWidth(280)
                self.search.textChanged.connect(self._on_search_text_changed)
                self.controls[f.key] = self.search  # placed by the page (its top row)
                continue
            if f.kind == "check":
                box = QCheckBox(f.label)
                box.toggled.connect(self._on_control_changed)
                control: QWidget = box
            elif f.kind == "tags":
                control = TagFilter(f.label)
                control.changed.connect(self._on_control_changed)
            else:
                combo = QComboBox()
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                if f.with_any:
                    combo.addItem(f.label, f.any_value)
                for text, value in f.choices:
                    combo.addItem(text, value)
                if f.typeable:
                    make_typeable(combo)
                combo.currentIndexChanged.connect(self._on_control_changed)
                control = combo
            self.controls[f.key] = control
            row.addWidget(control)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        set_icon(self.clear_button, "clear")
        self.clear_button.clicked.connect(self._on_clear_clicked)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        self._show(query)
        self._updating = False

    # -- the query
    def query(self) -> Any:
        return self._query

    def set_query(self, query: Any, *, emit: bool = True) -> None:
        """Show a query in the controls (a saved view, Clear) and emit it once."""
        self._debounce.stop()
        self._query = query
        self._show(query)
        if emit:
            self.query_changed.emit(query)

    def update_query(self, **changes: Any) -> None:
        """Change fields the bar has no control for (the sort) and emit."""
        self.set_query(replace(self._query, **changes))

    def set_default(self, query: Any) -> None:
        """What Clear filters returns to (the sort is kept)."""
        self._default = query

    def set_choices(self, key: str, choices: Sequence[tuple[str, Any]]) -> None:
        """The choices of a filter, keeping what is selected even if it is not among them."""
        combo = self.controls[key]
        if isinstance(combo, TagFilter):
            combo.set_choices([value for _text, value in choices])
            return
        f = self.filters[key]
        current = getattr(self._query, key)
        self._updating = True
        try:
            combo.clear()
            if f.with_any:
                combo.addItem(f.label, f.any_value)
            for text, value in choices:
                combo.addItem(text, value)
            self._select(combo, current)
        finally:
            self._updating = False

    def _show(self, query: Any) -> None:
        self._updating = True
        try:
            for key, control in self.controls.items():
                value = getattr(query, key)
                if isinstance(control, QLineEdit):
                    if control.text() != value:
                        control.setText(value)
                elif isinstance(control, QCheckBox):
                    control.setChecked(bool(value))
                elif isinstance(control, TagFilter):
                    control.set_value(value)
                else:
                    self._select(control, value)
        finally:
            self._updating = False

    def _select(self, combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        if index < 0 and value not in ("", None):
            # Not (yet) among the choices: shown as it is, so a restored view is visibly what
            # it filters on; the loaded choices keep it.
            combo.addItem(str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    def _read_controls(self) -> Any:
        values = {}
        for key, control in self.controls.items():
            if isinstance(control, QLineEdit):
                values[key] = control.text()
            elif isinstance(control, QCheckBox):
                values[key] = control.isChecked()
            elif isinstance(control, TagFilter):
                values[key] = control.value()
            else:
                values[key] = control.currentData()
        return replace(self._query, **values)

    # -- slots
    @Slot()
    def _on_control_changed(self) -> None:
        if self._updating:
            return
        self._debounce.stop()
        self._query = self._read_controls()
        self.query_changed.emit(self._query)

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        if not self._updating:
            self._debounce.start()

    @Slot()
    def _on_search_timer_timeout(self) -> None:
        self._on_control_changed()

    def flush_search(self) -> None:
        """Apply typed search text now instead of after the pause (Enter, tests, benches)."""
        if self._debounce.isActive():
            self._on_search_timer_timeout()

    @Slot()
    def _on_clear_clicked(self) -> None:
        sort = {
            k: getattr(self._query, k) for k in ("sort", "descending") if hasattr(self._query, k)
        }
        self.set_query(replace(self._default, **sort))
