"""The pool settings dialog's parts: a list to tick items in (members, admins, provinces,
industries), the table of a pool's recycle rules, and the words for what went wrong."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.pool import MAX_DAYS, RuleRow
from crmdesk.models.schema import LEVELS, POOL_RULE_KINDS
from crmdesk.views.errors import validation_text
from crmdesk.views.labels import labelled, listing
from crmdesk.views.settings_parts import KEY, FilterLine, SettingsWords


class CheckList(QWidget):
    """Items to tick, with a line above that filters them. Enter in the line ticks the item
    it names; free=True: text that names no item becomes a new, ticked one (industries are
    free text). Ticked items stay ticked while filtered out of sight."""

    SHOWN = 5  # ticked items named in the line under the list

    def __init__(self, placeholder: str, none_text: str, free: bool = False) -> None:
        """none_text: what no item ticked means ("every province")."""
        super().__init__()
        self.free = free
        self.none_text = none_text
        self.filter = FilterLine()
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.filter.returnPressed.connect(self._on_filter_return_pressed)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.summary = QLabel(none_text)  # what is ticked, though scrolled or filtered away
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)

    def set_items(self, items: Iterable[tuple[Hashable, str]]) -> None:
        """(key, text) of every item, unticked, in the given order."""
        self.list.clear()
        for key, text in items:
            self._add(key, text)

    def _add(self, key: Hashable, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(KEY, key)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.list.addItem(item)
        return item

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def set_checked(self, keys: Iterable[Hashable], unknown: Callable[[Hashable], str]) -> None:
        """Tick exactly these; a key that is no item (an inactive user) is added, named by
        unknown(key), so saving never drops it unseen."""
        wanted = list(keys)
        have = {item.data(KEY) for item in self._items()}
        for key in wanted:
            if key not in have:
                self._add(key, unknown(key))
        for item in self._items():
            ticked = item.data(KEY) in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        # the ticked ones first, so a pool's own show without scrolling
        items = [self.list.takeItem(0) for _i in range(self.list.count())]
        for item in sorted(items, key=lambda i: i.checkState() != Qt.CheckState.Checked):
            self.list.addItem(item)
        self.filter.clear()

    def checked(self) -> tuple:
        return tuple(
            item.data(KEY) for item in self._items() if item.checkState() == Qt.CheckState.Checked
        )

    def _on_list_item_changed(self, _item: QListWidgetItem) -> None:
        ticked = [i.text() for i in self._items() if i.checkState() == Qt.CheckState.Checked]
        if not ticked:
            self.summary.setText(self.none_text)
            return
        names = listing(ticked[: self.SHOWN]) + ("…" if len(ticked) > self.SHOWN else "")
        self.summary.setText(labelled(self.tr("Ticked"), names))

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.strip().lower()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _on_filter_return_pressed(self) -> None:
        text = self.filter.text().strip()
        if not text:
            return
        exact = [item for item in self._items() if item.text() == text]
        shown = [item for item in self._items() if not item.isHidden()]
        if exact or len(shown) == 1:
            (exact or shown)[0].setCheckState(Qt.CheckState.Checked)
        elif self.free:
            self._add(text, text).setCheckState(Qt.CheckState.Checked)
        else:
            return  # names several items or none: the user keeps typing
        self.filter.clear()


class RulesTable(QTableWidget):
    """A pool's recycle rules, one a row: kind, days, the days for levels A/B/C (— : the
    rule's days) and whether it is on. Ranges are wide on purpose: the model's check says
    what is wrong with a value, in words, instead of the spin box silently refusing it."""

    KIND, DAYS, LEVEL_COLUMNS, ENABLED = 0, 1, (2, 3, 4), 5

    def __init__(self) -> None:
        super().__init__(0, 6)
        headers = [self.tr("Recycle when"), self.tr("Days")]
        headers += [self.tr("Level %1").replace("%1", lv) for lv in LEVELS]
        headers.append(self.tr("On"))
        self.setHorizontalHeaderLabels(headers)
        tip = self.tr("Days for customers of this level; — uses the rule's days.")
        for column in self.LEVEL_COLUMNS:
            self.horizontalHeaderItem(column).setToolTip(tip)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(30)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.KIND, QHeaderView.ResizeMode.Stretch)
        for column in (self.DAYS, *self.LEVEL_COLUMNS, self.ENABLED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, 70 if column != self.ENABLED else 44)

    def kind_text(self, kind: str) -> str:
        if kind == "not_won":
            return self.tr("Not won within … days")
        return self.tr("No follow-up for … days")

    def _days_box(self, value: int, unset: bool = False) -> QSpinBox:
        box = QSpinBox()
        box.setFrame(False)
        box.setRange(0, MAX_DAYS)
        if unset:
            box.setSpecialValueText("—")
        box.setValue(value)
        return box

    def add_rule(self, rule: RuleRow | None = None) -> int:
        rule = rule or RuleRow("no_follow_up", 30)
        row = self.rowCount()
        self.insertRow(row)
        kind = QComboBox()
        kind.setFrame(False)
        for code in POOL_RULE_KINDS:
            kind.addItem(self.kind_text(code), code)
        kind.setCurrentIndex(max(0, kind.findData(rule.kind)))
        self.setCellWidget(row, self.KIND, kind)
        self.setCellWidget(row, self.DAYS, self._days_box(rule.days))
        by_level = dict(rule.days_by_level)
        for level, column in zip(LEVELS, self.LEVEL_COLUMNS, strict=True):
            self.setCellWidget(row, column, self._days_box(by_level.get(level, 0), unset=True))
        on = QTableWidgetItem()
        on.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        on.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
        self.setItem(row, self.ENABLED, on)
        return row

    def set_rules(self, rules: Iterable[RuleRow]) -> None:
        self.setRowCount(0)
        for rule in rules:
            self.add_rule(rule)

    def days_box(self, row: int, level: str | None = None) -> QSpinBox:
        column = self.DAYS if level is None else self.LEVEL_COLUMNS[LEVELS.index(level)]
        return self.cellWidget(row, column)

    def rules(self) -> tuple[RuleRow, ...]:
        rules = []
        for row in range(self.rowCount()):
            levels = tuple(
                (lv, self.days_box(row, lv).value())
                for lv in LEVELS
                if self.days_box(row, lv).value() > 0
            )
            on = self.item(row, self.ENABLED).checkState() == Qt.CheckState.Checked
            kind = self.cellWidget(row, self.KIND).currentData()
            rules.append(RuleRow(kind, self.days_box(row).value(), levels, on))
        return tuple(rules)


class PoolSettingsWords(SettingsWords):
    """The dialog's problems in words: check_pool's field codes as the form names them, numbers
    with their range, and a colleague's save over the user's."""

    def saved_text(self, at: bool) -> str:
        if at:
            return self.tr("{who} saved this pool at {at}, after you opened it.")
        return self.tr("{who} saved this pool after you opened it.")

    def field_text(self, field: str) -> str:
        """A field of check_pool's errors in words ("rules.0.days_a": rule 1's days, level A)."""
        if field.startswith("rules."):
            _rules, index, part = (field.split(".") + ["", ""])[:3]
            n = str(int(index) + 1) if index.isdigit() else "?"
            if part.startswith("days_") and part != "days_by_level":
                text = self.tr("Recycle rule %1: days for level %2")
                return text.replace("%1", n).replace("%2", part[-1].upper())
            if part == "kind":
                return self.tr("Recycle rule %1: kind").replace("%1", n)
            return self.tr("Recycle rule %1: days").replace("%1", n)
        return {
            "name": self.tr("Name"),
            "industries": self.tr("Industries covered"),
            "provinces": self.tr("Provinces covered"),
            "member_user_ids": self.tr("Users"),
            "member_team_ids": self.tr("Teams"),
            "admin_ids": self.tr("Pool admins"),
            "daily_claim_cap": self.tr("Claims per rep a day"),
            "cooldown_days": self.tr("Days before the previous owner may claim it back"),
            "protect_days": self.tr("Days a new entry is kept for the pool's admins"),
            "warn_days": self.tr("Days of warning before recycling"),
            "rules": self.tr("Recycle rules"),
        }.get(field, field)

    def problem_text(self, errors: list[tuple[str, str]], limits: dict[str, int]) -> str:
        """check_pool's errors in words: numbers with their range, the rest as every form
        says them (views.errors, given our field names)."""
        lines, rest, rest_limits = [], [], {}
        for field, code in errors:
            label = self.field_text(field)
            if code == "out_of_range":
                low = 1 if field == "daily_claim_cap" or field.startswith("rules.") else 0
                high = QLocale().toString(limits.get(field, MAX_DAYS))
                text = self.tr("{field}: enter a number from {low} to {high}.")
                lines.append(text.format(field=label, low=low, high=high))
            elif code == "taken":
                lines.append(self.tr("Another pool already has this name. Choose another."))
            elif field == "members":
                lines.append(
                    self.tr(
                        "Tick the teams or users who may use this pool, or open it to everyone."
                    )
                )
            else:
                rest.append((label.replace(".", " "), code))
                if field in limits:
                    rest_limits[label.replace(".", " ")] = limits[field]
        other = validation_text(rest, rest_limits) if rest else ""
        return "\n".join(dict.fromkeys([*lines, *([other] if other else [])]))
