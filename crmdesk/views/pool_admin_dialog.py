"""Pool administration (administrators), for every pool at once: the release reasons a rep
chooses from when releasing customers to a pool (the built-in ones and the admin's own; a
reason is turned off, never deleted, since past releases name it), and the caps on how many
customers a team's reps, or one rep, may own and lock, with whether won customers count.

A reason's change is written at once; the caps are written together by Save."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.errors import ValidationFailed
from crmdesk.models.pool import MAX_CAP
from crmdesk.models.pool_admin import CapRow, CapsRow, ReleaseReasonRow
from crmdesk.models.reasons import KEPT_ON
from crmdesk.views import prompts
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text, validation_text
from crmdesk.views.labels import reason_label
from crmdesk.views.settings_history import SettingsHistory
from crmdesk.views.settings_parts import ReasonsTab, note_label
from crmdesk.views.widgets import ERROR_COLOR, ok_cancel, problem_label

Pair = tuple[int | None, int | None]  # (customer cap, locked cap); None: none of its own
Caps = tuple[dict[int, Pair], dict[int, Pair], bool]  # teams, users, count_won
FIELDS = ("customer_cap", "locked_cap")
MARKED = f"QLineEdit {{ border: 1px solid {ERROR_COLOR}; }}"
SHOWN_PROBLEMS = 5  # lines of problems named; the rest are counted


class ReleaseReasonsTab(ReasonsTab):
    """Why customers are released to a pool: a table (the reason, whether it is active) and a
    line to add one."""

    def note_text(self) -> str:
        return self.tr(
            "Reps choose one of the active reasons when they release customers to a pool. "
            "A reason is turned off, never deleted: past releases still name it. Changes "
            "here take effect at once."
        )

    def label(self, row: ReleaseReasonRow) -> str:
        return row.label or reason_label(row.code)

    def add_write(self, label: str):
        return lambda: self.ctx.workspace.add_release_reason(label)

    def active_write(self, code: str, active: bool):
        return lambda: self.ctx.workspace.set_release_reason_active(code, active)

    def read_all(self) -> list[ReleaseReasonRow]:
        return self.ctx.workspace.all_release_reasons()

    def added_text(self) -> str:
        return self.tr("Added the release reason “%1”.")

    def turned_text(self, active: bool) -> str:
        if active:
            return self.tr("Turned on the release reason “%1”.")
        return self.tr("Turned off the release reason “%1”.")

    def kept_on_text(self) -> str:
        text = self.tr("“%1” always stays on: a rep can always give a reason in their "
                       "own words.")  # fmt: skip
        return text.replace("%1", reason_label(KEPT_ON[0]))


class CapsTable(QTableWidget):
    """Teams' or users' caps, one a row: the name (and a user's team), then the customer cap
    and the locked-customer cap, typed in; blank: no cap of its own. Any digits may be typed
    (up to nine): the model's check says in words what is out of range, rather than the field
    silently refusing a key."""

    edited = Signal()

    def __init__(self, users: bool) -> None:
        super().__init__(0, 4 if users else 3)
        self.first = 2 if users else 1  # the customer cap's column
        self.ids: list[int] = []
        self.names: dict[int, str] = {}
        self.team_ids: dict[int, int | None] = {}
        headers = [self.tr("User"), self.tr("Team")] if users else [self.tr("Team")]
        headers += [self.tr("Customer cap"), self.tr("Locked-customer cap")]
        self.setHorizontalHeaderLabels(headers)
        tip = self.tr("Blank: the team's cap applies.") if users else self.tr("Blank: no cap.")
        for column in (self.first, self.first + 1):
            self.horizontalHeaderItem(column).setToolTip(tip)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(30)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, 150)

    def set_rows(self, rows: Sequence[CapRow], team_names: dict[int, str] | None = None) -> None:
        """team_names: for users, to show each one's team."""
        self.setRowCount(0)
        self.ids = [r.id for r in rows]
        self.names = {r.id: r.name for r in rows}
        self.team_ids = {r.id: r.team_id for r in rows}
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,9}"), self)
        for i, row in enumerate(rows):
            self.insertRow(i)
            cells = [row.name]
            if team_names is not None:
                cells.append(team_names.get(row.team_id, "") if row.team_id else self.tr("No team"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(text)
                self.setItem(i, column, item)
            for column, value in enumerate((row.customer_cap, row.locked_cap), self.first):
                edit = QLineEdit("" if value is None else str(value))
                edit.setFrame(False)
                edit.setValidator(digits)
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                edit.textChanged.connect(self._on_cap_text_changed)
                self.setCellWidget(i, column, edit)

    def cap_field(self, key: int, field: str) -> QLineEdit:
        return self.cellWidget(self.ids.index(key), self.first + FIELDS.index(field))

    def cap_fields(self) -> list[QLineEdit]:
        return [self.cap_field(key, field) for key in self.ids for field in FIELDS]

    def pairs(self) -> dict[int, Pair]:
        def number(key: int, field: str) -> int | None:
            text = self.cap_field(key, field).text().strip()
            return int(text) if text.isdigit() else None

        return {key: (number(key, FIELDS[0]), number(key, FIELDS[1])) for key in self.ids}

    def _on_cap_text_changed(self, _text: str) -> None:
        edit = self.sender()
        if isinstance(edit, QLineEdit):
            edit.setStyleSheet("")  # its problem is being fixed
        self.edited.emit()


class PoolAdminDialog(QDialog):
    """Two tabs: Release reasons (add one, tick one off or on: written at once) and Caps
    (teams' and users' caps and whether won customers count, written together by Save). What it
    needs loads as it opens; a problem is said in the tab, naming the row and the column, with
    nothing typed lost; Save waits while the write runs; closing with unsaved edits asks."""

    REASON, ACTIVE = 0, 1

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        self._base: Caps | None = None  # the caps as loaded or last saved: anything else is an edit
        self._saving = False
        self.setWindowTitle(self.tr("Release reasons and caps"))

        self.tabs = QTabWidget()
        self.reason_tab = ReleaseReasonsTab(ctx)
        self.reasons, self.reason_text = self.reason_tab.table, self.reason_tab.text
        self.add_button, self.reason_problems = self.reason_tab.add_button, self.reason_tab.problems
        self.tabs.addTab(self.reason_tab, self.tr("Release reasons"))
        self.tabs.addTab(self._caps_tab(), self.tr("Caps"))
        self.history = SettingsHistory(ctx)  # who changed which setting, pools' ones too
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.setEnabled(False)  # until loaded
        buttons = ok_cancel(self, self._on_save_clicked, save=True)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(
            self.tr("Saves the caps. Release reasons are saved as you change them.")
        )
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setText(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 600)

        ws = self.workspace
        ctx.read(lambda: (ws.all_release_reasons(), ws.caps()), self._on_loaded,
                 self._on_load_failed, owner=self)  # fmt: skip

    # -- building
    def _caps_tab(self) -> QWidget:
        self.teams = CapsTable(users=False)
        self.teams.edited.connect(self._on_teams_edited)
        self.users = CapsTable(users=True)
        self.users.edited.connect(self._on_caps_edited)
        self.count_won = QCheckBox(self.tr("Won customers count toward the cap"))
        self.count_won.setToolTip(
            self.tr("Off: a rep's customers with the status Customer do not use up the cap.")
        )
        self.count_won.toggled.connect(self._on_caps_edited)
        teams_box = QGroupBox(self.tr("Teams"))
        box = QVBoxLayout(teams_box)
        box.addWidget(
            note_label(self.tr("How many customers each rep may own, and lock. Blank: no cap."))
        )
        box.addWidget(self.teams)
        users_box = QGroupBox(self.tr("Users"))
        box = QVBoxLayout(users_box)
        box.addWidget(
            note_label(self.tr("A rep's own caps, over the team's. Blank: the team's cap."))
        )
        box.addWidget(self.users)
        self.caps_problems = problem_label()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(teams_box, 1)
        layout.addWidget(users_box, 3)
        layout.addWidget(self.count_won)
        layout.addWidget(self.caps_problems)
        return page

    # -- loading
    def _on_loaded(self, loaded: tuple[list[ReleaseReasonRow], CapsRow]) -> None:
        reasons, caps = loaded
        self.reason_tab.set_rows(reasons)
        self.teams.set_rows(caps.teams)
        self.users.set_rows(caps.users, {t.id: t.name for t in caps.teams})
        # a few teams, many users: the users get the room
        shown = min(max(len(caps.teams), 2), 6)
        height = self.teams.horizontalHeader().sizeHint().height() + 30 * shown
        self.teams.setMaximumHeight(height + 2 * self.teams.frameWidth())
        self.count_won.blockSignals(True)
        self.count_won.setChecked(caps.count_won)
        self.count_won.blockSignals(False)
        self._base = self.caps_value()
        self._show_team_caps()
        self.tabs.setEnabled(True)
        self._update_buttons()

    def _on_load_failed(self, exc: BaseException) -> None:
        for label in (self.reason_problems, self.caps_problems):
            self._show_problem(label, error_text(exc))

    # -- caps
    def caps_value(self) -> Caps:
        """The caps as typed: (teams, users, count_won), each id -> (customer, locked cap)."""
        return self.teams.pairs(), self.users.pairs(), self.count_won.isChecked()

    def has_edits(self) -> bool:
        return self._base is not None and self.caps_value() != self._base

    def _show_team_caps(self) -> None:
        """A user's blank cap shows what applies instead: the team's, as typed now."""
        teams = self.teams.pairs()
        for edit in self.teams.cap_fields():
            edit.setPlaceholderText(self.tr("No cap"))
        for key in self.users.ids:
            pair = teams.get(self.users.team_ids[key] or 0, (None, None))
            for field, value in zip(FIELDS, pair, strict=True):
                text = self.tr("No cap")
                if value is not None:
                    text = self.tr("Team's: %1").replace("%1", QLocale().toString(value))
                self.users.cap_field(key, field).setPlaceholderText(text)

    def _on_teams_edited(self) -> None:
        self._show_team_caps()
        self._update_buttons()

    def _on_caps_edited(self, *_args) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self._saving and self.has_edits())

    def _on_save_clicked(self) -> None:
        if self._saving or not self.has_edits():
            return
        value = self.caps_value()
        teams, users, count_won = value
        base_teams, base_users, _count_won = self._base
        teams = {k: v for k, v in teams.items() if base_teams.get(k) != v}
        users = {k: v for k, v in users.items() if base_users.get(k) != v}
        self._saving = True
        self._update_buttons()
        self.caps_problems.hide()
        for edit in self.teams.cap_fields() + self.users.cap_fields():
            edit.setStyleSheet("")
        self.ctx.write(
            lambda: self.workspace.save_caps(teams, users, count_won),
            lambda _result: self._on_caps_saved(value),
            self._on_caps_save_failed,
            owner=self,
        )

    def _on_caps_saved(self, saved: Caps) -> None:
        self._saving = False
        self._base = saved  # what was typed since (while it ran) stays an edit
        self.ctx.notify(self.tr("Saved the caps."))
        self._update_buttons()

    def _on_caps_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._update_buttons()
        text, marked = self._caps_problem_text(exc)
        self._show_problem(self.caps_problems, text)
        for edit in marked:
            edit.setStyleSheet(MARKED)
        if marked:
            self.tabs.setCurrentIndex(1)
            for table in (self.teams, self.users):
                if table.isAncestorOf(marked[0]):
                    table.scrollTo(table.indexAt(marked[0].geometry().center()))
            marked[0].setFocus()
            marked[0].selectAll()

    def _caps_problem_text(self, exc: BaseException) -> tuple[str, list[QLineEdit]]:
        """save_caps's problems in words, naming the team or user and the column, and the
        fields they are in."""
        if not isinstance(exc, ValidationFailed):
            return error_text(exc), []
        high = QLocale().toString(MAX_CAP)
        lines, marked = [], []
        for field, code in exc.params.get("errors", []):
            kind, key, column = (field.split(".") + ["", ""])[:3]
            table = {"team": self.teams, "user": self.users}.get(kind)
            known = table is not None and key.isdigit() and int(key) in table.ids
            if not known or column not in FIELDS or code != "out_of_range":
                lines.append(validation_text([(field, code)]))
                continue
            marked.append(table.cap_field(int(key), column))
            if table is self.teams:
                text = self.tr("Team “{name}”, {column}: enter a number from 1 to {high}, or "
                               "leave it blank for no cap.")  # fmt: skip
            else:
                text = self.tr("User “{name}”, {column}: enter a number from 1 to {high}, or "
                               "leave it blank for the team's cap.")  # fmt: skip
            words = self.tr("customer cap") if column == FIELDS[0] else self.tr("locked cap")
            lines.append(text.format(name=table.names[int(key)], column=words, high=high))
        lines = list(dict.fromkeys(lines))
        if len(lines) > SHOWN_PROBLEMS:
            more = len(lines) - SHOWN_PROBLEMS
            lines = [*lines[:SHOWN_PROBLEMS], self.tr("And %Ln more.", "", more)]
        return "\n".join(lines) or error_text(exc), marked

    def _show_problem(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()

    def reject(self) -> None:
        """Close, Esc or the title bar: typed caps, or a reason typed but not added, go only
        when the user says so."""
        what = ""
        if self.has_edits():
            what = self.tr("Discard your changes to the caps?")
        elif self.reason_tab.has_edits():
            what = self.tr("Discard the release reason you typed?")
        if what and not prompts.confirm_discard(self, what):
            return
        super().reject()
