"""What the administrators' settings dialogs share: RecordSettingsDialog, the shape of a dialog
that lists records on the left (pools, pipelines; "(off)" for those turned off, "New …" while
one is made) and edits the chosen one on the right, saved by Save with a conflict named;
ReasonsTab, a list of reasons (a release's, a lost deal's) added and turned off or on at once;
SettingsWords, a colleague's save over the user's in words; and small widgets they all use."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import WriteResult
from crmdesk.models.errors import Conflict, ValidationFailed
from crmdesk.views import prompts
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text, validation_text
from crmdesk.views.labels import local_time, sentences
from crmdesk.views.widgets import ok_cancel, problem_label

KEY = Qt.ItemDataRole.UserRole
NEW = -1  # the list item of a record not saved yet


class FilterLine(QLineEdit):
    """A line whose Enter stays its own: in a dialog it would also press the default button
    (Save) while the user only meant to tick what they typed."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


def buttons_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def spin(low: int, high: int, width: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setMinimumWidth(width)
    return box


def note_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def settings_table(headers: list[str], stretch: int) -> QTableWidget:
    """A read-only table of rows chosen one at a time; the column stretch takes the room."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.Fixed
        header.setSectionResizeMode(column, mode)
    return table


def set_active(table: QTableWidget, row: int, column: int, active: bool) -> None:
    """Tick a row's Active box (no itemChanged) and grey the row's other cells when off."""
    table.blockSignals(True)
    state = Qt.CheckState.Checked if active else Qt.CheckState.Unchecked
    table.item(row, column).setCheckState(state)
    # Read from the Active group: the table may still be disabled (loading), and its current
    # group would grey out every row.
    muted = table.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
    for c in range(table.columnCount()):
        if c != column:
            table.item(row, c).setData(Qt.ItemDataRole.ForegroundRole, None if active else muted)
    table.blockSignals(False)


def tick_rows(table: QTableWidget, column: int, rows: list, keys: list, select) -> None:
    """A filled table's Active boxes, from each row's active, and the row whose key is select
    chosen and in sight."""
    for i, row in enumerate(rows):
        set_active(table, i, column, row.active)
    if select in keys:
        table.selectRow(keys.index(select))
        table.scrollToItem(table.item(keys.index(select), 0))


class SettingsWords(QObject):
    """A colleague's save over the user's, in words; saved_text says what they saved."""

    def saved_text(self, at: bool) -> str:
        raise NotImplementedError  # "{who} saved this pool at {at}, after you opened it."

    def conflict_text(self, exc: Conflict) -> str:
        who = exc.params.get("by") or self.tr("A colleague")
        at = exc.params.get("at")
        text = self.saved_text(at is not None).format(who=who, at=local_time(at))
        what = self.tr(
            "Your changes are still here: Save again to put yours over theirs, or Show their "
            "version to start again from theirs."
        )
        return sentences(text, what)


class RecordSettingsDialog(QDialog):
    """Pick a record on the left, edit it on the right, Save. What it needs loads as it opens;
    Save waits while the write runs; a problem is said under the form with nothing typed lost;
    a colleague's save is named and the next Save goes over it. Leaving a record (or closing)
    with unsaved edits asks first.

    A subclass has a `name` line and `words` (SettingsWords), calls _build once its own state is
    set, and says: pages() [(page, title)]; new_text() ("New pool"); record_text(record) (the
    name listed, whether it is on); show_record(record or None: a new one), which fills the form
    and calls _shown; value() (the form, compared to tell an edit); read_records() and
    write(record_id, value, version) (both run off the GUI thread); set_records(rows) if it
    keeps only some; saved_text(value); emit_saved(record_id); problem_text(ValidationFailed)."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.records: list = []
        self.record_id: int | None = None  # the record in the form; None: a new one
        self.version: int | None = None
        self._base = None  # the form as loaded: anything else is an edit
        self._saving = False

    def set_records(self, records: list) -> None:
        self.records = records

    def _build(self, note: str, width: int) -> None:
        """The list, the pages, the problems and the buttons, laid out."""
        self.record_list = QListWidget()
        self.record_list.setFixedWidth(width)
        self.record_list.currentRowChanged.connect(self._on_record_list_row_changed)
        self.new_button = QPushButton(self.new_text())
        self.new_button.setEnabled(False)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        left = QVBoxLayout()
        left.addWidget(self.record_list, 1)
        left.addWidget(self.new_button)
        label = note_label(note)
        label.setMaximumWidth(width)
        label.setEnabled(False)
        left.addWidget(label)

        self.tabs = QTabWidget()
        for page, title in self.pages():
            self.tabs.addTab(page, title)
        self.tabs.setEnabled(False)  # until loaded

        self.problems = problem_label()
        self.theirs_button = QPushButton(self.tr("Show their version"))
        self.theirs_button.hide()
        self.theirs_button.clicked.connect(self._on_theirs_button_clicked)
        problem_row = QHBoxLayout()
        problem_row.addWidget(self.problems, 1)
        problem_row.addWidget(self.theirs_button)
        buttons = ok_cancel(self, self._on_save_clicked, save=True)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

        right = QVBoxLayout()
        right.addWidget(self.tabs, 1)
        right.addLayout(problem_row)
        right.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

    # -- the form
    def has_edits(self) -> bool:
        return self._base is not None and self.value() != self._base

    def _shown(self, record) -> None:
        """What every record shown in the form shares: its id and version, nothing unsaved."""
        self.record_id = record.id if record else None
        self.version = record.version if record else None
        self._base = self.value()
        self.problems.hide()
        self.theirs_button.hide()
        self.tabs.setEnabled(True)
        self._update_buttons()
        if record is None:
            self.name.setFocus()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self._saving and self._base is not None)

    def _current(self) -> int:
        return self.record_id if self.record_id is not None else NEW

    def _fill_list(self, select: int | None, new: bool = False) -> None:
        """The records, and the one being made (new); select: a record's id or NEW."""
        self.record_list.blockSignals(True)
        self.record_list.clear()
        for record in self.records:
            name, on = self.record_text(record)
            item = QListWidgetItem(name if on else self.tr("%1 (off)").replace("%1", name))
            item.setData(KEY, record.id)
            if not on:
                item.setForeground(self.palette().placeholderText())
            self.record_list.addItem(item)
        if new:
            item = QListWidgetItem(self.new_text())
            item.setData(KEY, NEW)
            self.record_list.addItem(item)
        ids = [self.record_list.item(i).data(KEY) for i in range(self.record_list.count())]
        self.record_list.setCurrentRow(ids.index(select) if select in ids else -1)
        self.record_list.blockSignals(False)

    def _go_to(self, record_id: int | None) -> None:
        if record_id is None or record_id == NEW:
            self._fill_list(NEW, new=True)
            self.show_record(None)
            return
        record = next((r for r in self.records if r.id == record_id), None)
        if record is None and self.records:
            record = self.records[0]
        self._fill_list(record.id if record else None)
        if record is not None:
            self.show_record(record)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._show_problem(error_text(exc))

    # -- choosing a record
    def _leave_then(self, go: int) -> None:
        """Go to another record (or NEW), asking first when the form has unsaved edits."""
        self._fill_list(self._current(), new=self.record_id is None)  # stay put until answered
        name = self.name.text().strip() or self.new_text()
        prompts.leave(self, name, self.has_edits(), self._save, lambda: None,
                      lambda: self._go_to(go))  # fmt: skip

    def _on_record_list_row_changed(self, row: int) -> None:
        item = self.record_list.item(row)
        if item is not None and item.data(KEY) != (self.record_id or NEW):
            self._leave_then(item.data(KEY))

    def _on_new_button_clicked(self) -> None:
        if self.record_id is not None:
            self._leave_then(NEW)

    # -- saving
    def _on_save_clicked(self) -> None:
        self._save()

    def _save(self, then=None, otherwise=None) -> None:
        """then: what to do once saved (go to the record the user picked); otherwise: once it
        failed (stay)."""
        if self._saving:
            return
        value, record_id, version = self.value(), self.record_id, self.version
        self._saving = True
        self.problems.hide()
        self.theirs_button.hide()
        self._update_buttons()
        self.ctx.write(
            lambda: self.write(record_id, value, version),
            lambda result: self._on_saved(result, value, then),
            lambda exc: self._on_save_failed(exc, otherwise),
            owner=self,
        )

    def _on_saved(self, result: WriteResult, value, then) -> None:
        self._saving = False
        self.ctx.notify(self.saved_text(value))
        self.emit_saved(result.value)
        self._base = value  # nothing unsaved while the saved record is read back
        self.ctx.read(self.read_records,
                      lambda rows: self._on_saved_records_loaded(rows, result.value, then),
                      self._on_load_failed, owner=self)  # fmt: skip

    def _on_saved_records_loaded(self, rows: list, saved_id: int, then) -> None:
        self.set_records(rows)
        if then is not None:
            then()
        else:
            self._go_to(saved_id)

    def _on_save_failed(self, exc: BaseException, otherwise) -> None:
        self._saving = False
        self._update_buttons()
        if isinstance(exc, ValidationFailed):
            self._show_problem(self.problem_text(exc))
        elif isinstance(exc, Conflict):
            self._show_problem(self.words.conflict_text(exc))
            self.theirs_button.show()
            # the next Save goes over theirs, as the words say; the form keeps the user's edits
            self.ctx.read(self.read_records, self._on_conflict_records_loaded,
                          lambda _exc: None, owner=self)  # fmt: skip
        else:
            self._show_problem(error_text(exc))
        if otherwise is not None:
            otherwise()

    def _on_conflict_records_loaded(self, rows: list) -> None:
        self.set_records(rows)
        theirs = next((r for r in self.records if r.id == self.record_id), None)
        if theirs is not None:
            self.version = theirs.version
        self._fill_list(self._current(), self.record_id is None)

    def _on_theirs_button_clicked(self) -> None:
        self._go_to(self.record_id)

    def _show_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()


class ReasonsTab(QWidget):
    """Reasons to choose from: a table (the reason, whether it is active: ticking writes at
    once) and a line to add one, written at once. A reason is turned off, never deleted. A
    subclass says which reasons: label(row), add_write(label) and active_write(code, active)
    (each the write to run), read_all(); and the words: note_text(), added_text() and
    turned_text(active) ("Added the lost reason “%1”."), kept_on_text()."""

    REASON, ACTIVE = 0, 1
    MAX_LENGTH: int | None = None  # of the line a reason is typed in

    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list = []
        self._adding = False
        self._loaded = False
        self.table = settings_table([self.tr("Reason"), self.tr("Active")], self.REASON)
        self.table.setColumnWidth(self.ACTIVE, 70)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.text = FilterLine()  # its Enter adds the reason, never presses Save
        if self.MAX_LENGTH is not None:
            self.text.setMaxLength(self.MAX_LENGTH)
        self.text.setPlaceholderText(self.tr("A new reason, as reps will see it"))
        self.text.textChanged.connect(self._on_text_changed)
        self.text.returnPressed.connect(self._on_add_button_clicked)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.add_button)
        self.problems = problem_label()
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(self.note_text()))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problems)

    # -- the table
    def set_rows(self, rows: list, select: str | None = None) -> None:
        self.rows = rows
        self._loaded = True
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for i, r in enumerate(rows):
            self.table.insertRow(i)
            name = QTableWidgetItem(self.label(r))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if not r.label:
                name.setToolTip(self.tr("Built in: each user sees it in their own language."))
            tick = QTableWidgetItem()
            tick.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            for item in (name, tick):
                item.setData(KEY, r.code)
            self.table.setItem(i, self.REASON, name)
            self.table.setItem(i, self.ACTIVE, tick)
        self.table.blockSignals(False)
        tick_rows(self.table, self.ACTIVE, rows, [r.code for r in rows], select)
        self._update()

    def row_of(self, code: str) -> int:
        return [r.code for r in self.rows].index(code)

    def has_edits(self) -> bool:
        return bool(self.text.text().strip())

    def _update(self) -> None:
        ready = self._loaded and not self._adding
        self.add_button.setEnabled(ready and bool(self.text.text().strip()))

    def _on_text_changed(self, _text: str) -> None:
        self._update()

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != self.ACTIVE:
            return
        code, active = item.data(KEY), item.checkState() == Qt.CheckState.Checked
        self.problems.hide()
        self.ctx.write(
            self.active_write(code, active),
            lambda _result: self._on_active_saved(code, active),
            lambda exc: self._on_active_failed(exc, code, active),
            owner=self,
        )

    def _on_active_saved(self, code: str, active: bool) -> None:
        row = self.row_of(code)
        set_active(self.table, row, self.ACTIVE, active)
        name = self.table.item(row, self.REASON).text()
        self.ctx.notify(self.turned_text(active).replace("%1", name))

    def _on_active_failed(self, exc: BaseException, code: str, active: bool) -> None:
        set_active(self.table, self.row_of(code), self.ACTIVE, not active)  # as it still is
        self._show(self._problem_text(exc))

    def _on_add_button_clicked(self) -> None:
        label = self.text.text().strip()
        if not label or self._adding or not self._loaded:
            return
        self._adding = True  # one at a time: a second Enter would add it twice
        self._update()
        self.problems.hide()
        self.ctx.write(
            self.add_write(label),
            lambda result: self._on_added(result.value, label),
            self._on_add_failed,
            owner=self,
        )

    def _on_added(self, code: str, label: str) -> None:
        self._adding = False
        if self.text.text().strip() == label:  # not what was typed since
            self.text.clear()
        self._update()
        self.ctx.notify(self.added_text().replace("%1", label))
        self.ctx.read(self.read_all, lambda rows: self.set_rows(rows, select=code),
                      lambda exc: self._show(error_text(exc)), owner=self)  # fmt: skip

    def _on_add_failed(self, exc: BaseException) -> None:
        self._adding = False
        self._update()
        self._show(self._problem_text(exc))
        self.text.setFocus()

    def _problem_text(self, exc: BaseException) -> str:
        if not isinstance(exc, ValidationFailed):
            return error_text(exc)
        limits = exc.params.get("limits") or {}
        lines = []
        for field, code in exc.params.get("errors", []):
            if field == "reason" and code == "required":
                lines.append(self.kept_on_text())
            elif code == "taken":
                lines.append(self.tr("There is already a reason with these words."))
            elif field == "reasons" and code == "too_many":
                text = self.tr("There are already %1 reasons: turn one back on instead.")
                lines.append(text.replace("%1", str(limits.get(field, ""))))
            else:  # as every form says it: "Reason is too long: at most 100 characters."
                limit = {"reason": limits[field]} if field in limits else {}
                lines.append(validation_text([("reason", code)], limit))
        return "\n".join(dict.fromkeys(lines)) or error_text(exc)

    def _show(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()
