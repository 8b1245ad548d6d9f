"""The import wizard's choices before the check: how a row that is already in crmdesk is found
and what happens to it, who owns what the import creates (the file's owner column, me, or a
pool) and what a name no user has becomes, whether missing customers are made, and how dates
are written."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.excel_dates import SystemZone
from crmdesk.models.excel_types import DUPLICATE_MODES, ImportOptions, ValueOptions
from crmdesk.views.context import PageContext
from crmdesk.views.import_state import ImportState
from crmdesk.views.import_words import import_words

log = logging.getLogger(__name__)

# The keys a kind's rows are found by, and the fields each needs mapped.
DEDUPE_KEYS = {
    "customers": ("name", "phone", "email", "external_id", ""),
    "contacts": ("phone", "email", ""),
    "deals": ("external_id", ""),
    "follow_ups": ("",),
    "contracts": ("number", ""),
    "payments": ("payment", ""),
}
KEY_FIELDS = {
    "name": ("name",),
    "phone": ("mobile", "phone"),
    "email": ("email",),
    "external_id": ("external_id",),
    "number": ("number",),
    "payment": ("contract",),
    "": (),
}
OWNER_MODES = {  # contacts have no owner: the mode is the owner of customers they create
    "customers": ("column", "me", "pool"),
    "contacts": ("me", "pool"),
    "deals": ("column", "me"),
    "follow_ups": ("column", "me"),
    "contracts": ("column", "me"),
    "payments": ("me",),  # a payment is its contract's owner's
}
OWNER_FIELD = {"customers": "owner", "deals": "owner", "follow_ups": "author",
               "contracts": "owner"}  # fmt: skip
# A payment found again is skipped or recorded anyway; its fields are not rewritten by a sheet.
KIND_MODES = {"payments": ("skip", "create")}


class OptionsPage(QWidget):
    changed = Signal()

    def __init__(self, ctx: PageContext, state: ImportState, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.state = ctx, state
        self.words = import_words()
        self.pools: list[tuple[int, str]] | None = None  # once read

        self.dedupe_box = QGroupBox(self.tr("Rows already in crmdesk"))
        self.dedupe = QComboBox()
        self.dedupe.currentIndexChanged.connect(self._on_changed)
        self.modes = QButtonGroup(self)
        modes = QVBoxLayout()
        for i, mode in enumerate(DUPLICATE_MODES):
            choice, line = self.words.mode(mode)
            button = QRadioButton(choice)
            button.setObjectName(f"mode_{mode}")
            self.modes.addButton(button, i)
            explain = QLabel(line)
            explain.setWordWrap(True)
            explain.setContentsMargins(24, 0, 0, 4)
            explain.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # a hint's grey
            modes.addWidget(button)
            modes.addWidget(explain)
        self.modes.button(0).setChecked(True)
        self.modes.idToggled.connect(self._on_toggled)
        form = QFormLayout(self.dedupe_box)
        form.addRow(self.tr("Find them by:"), self.dedupe)
        form.addRow(QLabel(self.tr("When a row matches one:")))
        form.addRow(modes)
        in_file = QLabel(self.tr("A row repeating an earlier row of the file is never imported "
                                 "twice; the preview marks it."))  # fmt: skip
        in_file.setWordWrap(True)
        form.addRow(in_file)

        self.owner_box = QGroupBox(self.tr("Owner"))
        self.owner_buttons = QButtonGroup(self)
        self.owner_column = QRadioButton()
        self.owner_me = QRadioButton(self.tr("Me"))
        self.owner_pool = QRadioButton(self.tr("Into a pool:"))
        for i, button in enumerate((self.owner_column, self.owner_me, self.owner_pool)):
            self.owner_buttons.addButton(button, i)
        self.owner_me.setChecked(True)
        self.owner_buttons.idToggled.connect(self._on_toggled)
        self.pool = QComboBox()
        self.pool.setMinimumContentsLength(16)
        self.pool.currentIndexChanged.connect(self._on_changed)
        pool_row = QHBoxLayout()
        pool_row.addWidget(self.owner_pool)
        pool_row.addWidget(self.pool)
        pool_row.addStretch(1)
        self.unknown = QComboBox()
        self.unknown.currentIndexChanged.connect(self._on_changed)
        self.unknown_label = QLabel(self.tr("A name no user has:"))
        owner = QFormLayout(self.owner_box)
        owner.addRow(self.owner_column)
        owner.addRow(self.owner_me)
        owner.addRow(pool_row)
        owner.addRow(self.unknown_label, self.unknown)

        self.create_customers = QCheckBox(
            self.tr("Create the customers the file names that are not in crmdesk yet")
        )
        self.create_customers.setChecked(True)
        self.create_customers.toggled.connect(self._on_changed)
        self.day_first = QCheckBox(
            self.tr("Dates are written day first (05/03/2024 is 5 March 2024)")
        )
        self.day_first.toggled.connect(self._on_changed)
        self.keep_rows = QCheckBox(
            self.tr("Import rows with a bad optional cell, leaving that cell empty")
        )
        self.keep_rows.setToolTip(
            self.tr(
                "A date, level, status, phone, e-mail, amount or yes/no crmdesk cannot read in a "
                "column that is not required: the row is imported without it, and the summary "
                "and the error report say which cells were left empty"
            )
        )
        self.keep_rows.toggled.connect(self._on_changed)
        other = QGroupBox(self.tr("Values"))
        rest = QVBoxLayout(other)
        rest.addWidget(self.create_customers)
        rest.addWidget(self.day_first)
        rest.addWidget(self.keep_rows)

        layout = QVBoxLayout(self)
        layout.addWidget(self.dedupe_box)
        layout.addWidget(self.owner_box)
        layout.addWidget(other)
        layout.addStretch(1)
        self._kind = ""

    def is_ready(self) -> bool:
        return not (self.owner_pool.isChecked() and self.pool.currentData() is None)

    def load(self) -> None:
        """Offer the choices that fit the kind and the mapping (a key needs its column)."""
        s = self.state
        mapped = set(s.mapping.columns.values()) if s.mapping is not None else set()
        kind_changed = s.kind != self._kind
        self._kind = s.kind
        current = self.dedupe.currentData()
        self.dedupe.blockSignals(True)
        self.dedupe.clear()
        for key in DEDUPE_KEYS[s.kind]:
            if not KEY_FIELDS[key] or mapped & set(KEY_FIELDS[key]):
                self.dedupe.addItem(self.words.dedupe(key), key)
        keep = self.dedupe.findData(current) if not kind_changed else -1
        self.dedupe.setCurrentIndex(keep if keep >= 0 else 0)
        self.dedupe.blockSignals(False)
        self.dedupe_box.setVisible(s.kind != "follow_ups")
        modes = OWNER_MODES[s.kind]
        field = OWNER_FIELD.get(s.kind)
        has_column = field is not None and field in mapped
        self.owner_column.setVisible("column" in modes)
        self.owner_column.setEnabled(has_column)
        if field is not None:
            column = next((c for c, k in s.mapping.columns.items() if k == field), None)
            header = s.headers[column] if column is not None and column < len(s.headers) else ""
            self.owner_column.setText(
                self.tr("From the column “%1”").replace("%1", header)
                if has_column
                else self.tr("From a column of the file (none is chosen for it)")
            )
        self.owner_pool.setVisible("pool" in modes)
        self.pool.setVisible("pool" in modes)
        if kind_changed or (self.owner_column.isChecked() and not has_column):
            (self.owner_column if has_column else self.owner_me).setChecked(True)
        self.owner_box.setTitle(
            self.tr("Owner of the customers the import creates")
            if s.kind == "contacts"
            else self.tr("Written by")
            if s.kind == "follow_ups"
            else self.tr("Owner")
        )
        actor = self.ctx.workspace.actor
        self.unknown.blockSignals(True)
        chosen = self.unknown.currentData()
        self.unknown.clear()
        if actor.is_admin:
            self.unknown.addItem(self.tr("Create the user"), "create")
        self.unknown.addItem(self.tr("Assign the row to me"), "me")
        self.unknown.addItem(self.tr("Do not import the row"), "reject")
        self.unknown.setCurrentIndex(max(0, self.unknown.findData(chosen or "me")))
        self.unknown.blockSignals(False)
        self.owner_box.setVisible(s.kind != "payments")
        self.create_customers.setVisible(s.kind not in ("customers", "payments"))
        if "pool" in modes and self.pools is None:
            ws = self.ctx.workspace
            self.ctx.read(ws.import_pools, self._on_pools_loaded,
                          lambda exc: log.warning("no pools: %r", exc), owner=self)  # fmt: skip
        self._update()

    def _on_pools_loaded(self, pools) -> None:
        self.pools = [(p[0], p[1]) for p in pools]
        self.pool.blockSignals(True)
        self.pool.clear()
        for pool_id, name in self.pools:
            self.pool.addItem(name, pool_id)
        self.pool.blockSignals(False)
        self._update()

    def _on_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._update()

    def _on_changed(self, *_args) -> None:
        self._update()

    def _update(self) -> None:
        s = self.state
        has_pools = bool(self.pools)
        self.owner_pool.setEnabled(has_pools)
        self.pool.setEnabled(has_pools and self.owner_pool.isChecked())
        if self.owner_pool.isChecked() and not has_pools and self.pools is not None:
            self.owner_me.setChecked(True)
        if not has_pools and self.pools is not None:
            self.owner_pool.setToolTip(self.tr("No pool you may import into"))
        by_column = self.owner_column.isChecked() and self.owner_column.isVisible()
        self.unknown.setVisible(by_column)
        self.unknown_label.setVisible(by_column)
        mode = "column" if by_column else "pool" if self.owner_pool.isChecked() else "me"
        key = self.dedupe.currentData() if s.kind != "follow_ups" else ""
        s.options = replace(
            ImportOptions(),
            dedupe_key=key or "",
            on_duplicate=DUPLICATE_MODES[max(0, self.modes.checkedId())],
            owner_mode=mode,
            pool_id=self.pool.currentData() if mode == "pool" else None,
            unknown_owner=self.unknown.currentData() or "me",
            create_customers=self.create_customers.isChecked(),
        )
        s.pool_name = self.pool.currentText() if mode == "pool" else ""
        # the sheet's times are the user's wall clock: stored in UTC (ARCHITECTURE §2)
        s.value_options = ValueOptions(
            day_first=self.day_first.isChecked(),
            zone=SystemZone(),
            keep_rows=self.keep_rows.isChecked(),
        )
        allowed = KIND_MODES.get(s.kind, DUPLICATE_MODES)
        for i, button in enumerate(self.modes.buttons()):  # the modes mean nothing without a key
            button.setEnabled(bool(key) and DUPLICATE_MODES[i] in allowed)
        self.changed.emit()
