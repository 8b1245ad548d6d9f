"""Users and teams (an administrator's): who may sign in, with which role and team, what each
one holds, and the teams with their caps. Users: a searchable table and the actions on the
chosen user (New user…, Edit…, Reset password…, Unlock, Deactivate… with the handover,
Reactivate); Teams: teams_tab.TeamsTab.

A manager may open it too and sees it read-only (no buttons): user_admin lets managers read
the list, and who is locked out or deactivated is worth knowing to them, but every change is
an administrator's and the model refuses it, so no button offers what would only be refused.

Every change goes through ctx.write (buttons off while it runs; a refusal in words); the lists
reload after a write and when a colleague's change of users or ownership reaches the bus."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.handover_dialog import HandoverDialog
from crmdesk.views.labels import local_time, role_label
from crmdesk.views.teams_tab import StatusArea, TeamsTab, quiet_buttons
from crmdesk.views.user_edit_dialog import ResetPasswordDialog, UserEditDialog

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RELOAD_KINDS = frozenset({"users", "ownership", "deals"})  # what the list's figures come from


def is_locked(row: Any, now: datetime) -> bool:
    return row.active and row.locked_until is not None and row.locked_until > now


class UsersTableModel(QAbstractTableModel):
    """The users as loaded (a short list, fully held; the proxy filters and sorts it)."""

    NAME, LOGIN, ROLE, TEAM, CUSTOMERS, DEALS, STATUS = range(7)

    def __init__(self, now=datetime.now, server: bool = False) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self.now = now  # the workspace's clock: whether a lock-out is still running
        # On a local file nobody signs in: a missing password is not worth a word there.
        self.server = server

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Name"),
            self.tr("Login"),
            self.tr("Role"),
            self.tr("Team"),
            self.tr("Customers"),
            self.tr("Open deals"),
            self.tr("Status"),
        ][section]

    def status_text(self, row: Any) -> str:
        if not row.active:
            return self.tr("Deactivated")
        if is_locked(row, self.now()):
            return self.tr("Locked until {time}").format(time=local_time(row.locked_until))
        if self.server and not row.has_password:
            return self.tr("Active, no password yet")
        return self.tr("Active")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return row.name
            if column == self.LOGIN:
                return row.login
            if column == self.ROLE:
                return role_label(row.role)
            if column == self.TEAM:
                return row.team_name or self.tr("No team")
            if column == self.CUSTOMERS:
                return f"{row.customers:,}"
            if column == self.DEALS:
                return f"{row.open_deals:,}"
            return self.status_text(row)
        if role == SORT_ROLE:
            if column == self.CUSTOMERS:
                return row.customers
            if column == self.DEALS:
                return row.open_deals
            if column == self.NAME:
                return index.row()  # loaded in the names' pinyin order
            return self.data(index)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.CUSTOMERS, self.DEALS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS:
            if is_locked(row, self.now()):
                return self.tr("Too many wrong passwords. Unlock lets them try again now.")
            if self.server and row.active and not row.has_password:
                return self.tr("They cannot sign in until an administrator sets a password "
                               "(Reset password…).")  # fmt: skip
        return None


class UsersTab(QWidget):
    def __init__(self, dialog: UsersDialog) -> None:
        super().__init__()
        self.dialog, self.ctx = dialog, dialog.ctx
        self.admin = self.ctx.workspace.actor.is_admin
        self.teams: list[tuple[int, str]] = []
        ws = self.ctx.workspace
        self.model = UsersTableModel(ws.clock, server=not ws.db.is_local)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, login or team"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_changed)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as loaded: by name
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)  # a selected row never turns the headers bold
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 110, 110, 110, 80, 80)):
            # never narrower than its header's words and sort arrow ("Open deals" in full)
            needed = header.sectionSizeFromContents(column).width() + 8
            self.table.setColumnWidth(column, max(width, needed))
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self.new_button = QPushButton(self.tr("New user…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.deactivate_button = QPushButton(self.tr("Deactivate…"))
        self.reactivate_button = QPushButton(self.tr("Reactivate"))
        self.new_button.clicked.connect(self._on_new_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.deactivate_button.clicked.connect(self._on_deactivate_clicked)
        self.reactivate_button.clicked.connect(self._on_reactivate_clicked)
        self.buttons = [self.new_button, self.edit_button, self.reset_button,
                        self.unlock_button, self.deactivate_button,
                        self.reactivate_button]  # fmt: skip
        self.status = StatusArea()
        self.message, self.problem = self.status.message, self.status.problem
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        row = QHBoxLayout()
        for button in self.buttons:
            row.addWidget(button)
            button.setVisible(self.admin)
        quiet_buttons(self.buttons)  # Space typed in the list never presses New user…
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self._update_buttons()

    # -- the list
    def set_rows(self, rows: list[Any], teams: list[tuple[int, str]]) -> None:
        chosen = self.selected()
        self.teams = teams
        self.model.set_rows(rows)
        if chosen is not None:
            self.choose(chosen.id)
        self._update_buttons()

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def choose(self, user_id: int) -> bool:
        """Select the user's row (when the search shows it)."""
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if index.data(ROW_ROLE).id == user_id:
                self.table.selectRow(r)
                self.table.scrollTo(index)
                return True
        return False

    def _on_selection_changed(self, *_args) -> None:
        self.problem.hide()  # it was about the row chosen before
        self._update_buttons()

    def _on_search_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        row = self.selected()
        busy = self.dialog.busy
        me = self.ctx.workspace.actor.id
        self.new_button.setEnabled(not busy)
        self.edit_button.setEnabled(not busy and row is not None)
        self.reset_button.setEnabled(not busy and row is not None and row.active)
        locked = row is not None and is_locked(row, self.ctx.workspace.clock())
        self.unlock_button.setEnabled(not busy and locked)
        # Deactivating oneself would end one's own session: another administrator does it.
        self.deactivate_button.setEnabled(
            not busy and row is not None and row.active and row.id != me
        )
        self.reactivate_button.setEnabled(not busy and row is not None and not row.active)

    def say(self, text: str) -> None:
        self.status.say(text)
        self.ctx.notify(text)

    def show_problem(self, text: str) -> None:
        self.status.show_problem(text)

    # -- actions
    def _on_new_clicked(self) -> None:
        if not self.new_button.isEnabled():
            return
        dialog = UserEditDialog(self.ctx, self.teams, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name = dialog.value().name
            self.dialog.reload(choose=dialog.saved_id)
            self.say(self.tr("Created the user {name}.").format(name=name))

    def _on_edit_clicked(self, *_args) -> None:
        row = self.selected()
        if row is None or not self.edit_button.isEnabled() or not self.admin:
            return
        dialog = UserEditDialog(self.ctx, self.teams, row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.dialog.reload(choose=row.id)
            self.say(self.tr("Saved {name}.").format(name=dialog.value().name))

    def _on_reset_clicked(self) -> None:
        row = self.selected()
        if row is None or not self.reset_button.isEnabled():
            return
        if ResetPasswordDialog(self.ctx, row, self).exec() == QDialog.DialogCode.Accepted:
            self.dialog.reload(choose=row.id)
            self.say(self.tr("Set a new password for {name}. They choose their own at their "
                             "next sign-in.").format(name=row.name))  # fmt: skip

    def _on_unlock_clicked(self) -> None:
        row = self.selected()
        if row is None or not self.unlock_button.isEnabled():
            return
        ws, user_id = self.ctx.workspace, row.id
        self.dialog.run(lambda: ws.unlock_user(user_id),
                        self.tr("Unlocked {name}: they may sign in again.").format(name=row.name),
                        user_id)  # fmt: skip

    def _on_deactivate_clicked(self) -> None:
        row = self.selected()
        if row is None or not self.deactivate_button.isEnabled():
            return
        dialog = HandoverDialog(self.ctx, row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.dialog.reload(choose=row.id)
            self.say(dialog.result_text)

    def _on_reactivate_clicked(self) -> None:
        row = self.selected()
        if row is None or not self.reactivate_button.isEnabled():
            return
        ws, user_id = self.ctx.workspace, row.id
        self.dialog.run(lambda: ws.reactivate_user(user_id),
                        self.tr("Reactivated {name}: they may sign in again.").format(
                            name=row.name), user_id)  # fmt: skip


class UsersDialog(QDialog):
    """Users and Teams, loaded together as the dialog opens and after every change."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False  # a write of this dialog's is running
        self.loaded = False
        self.setWindowTitle(self.tr("Users and teams"))
        self.users = UsersTab(self)
        self.teams = TeamsTab(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.users, self.tr("Users"))
        self.tabs.addTab(self.teams, self.tr("Teams"))
        if not ctx.workspace.actor.is_admin:
            note = QLabel(self.tr("Only an administrator may change users and teams."))
            note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        if not ctx.workspace.actor.is_admin:
            layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(900, 560)
        ctx.bus.changed.connect(self._on_changed)
        self.reload()

    def reload(self, choose: int | None = None) -> None:
        ws = self.ctx.workspace

        def done(loaded) -> None:
            self._on_loaded(loaded, choose)

        self.ctx.read(lambda: (ws.users_admin(), ws.teams_admin()), done, self._on_load_failed,
                      owner=self, key="users")  # fmt: skip

    def _on_loaded(self, loaded, choose: int | None) -> None:
        users, teams = loaded
        self.loaded = True
        self.users.set_rows(users, [(t.id, t.name) for t in teams])
        self.teams.set_rows(teams)
        if choose is not None:
            self.users.choose(choose)

    def _on_load_failed(self, exc: BaseException) -> None:
        self.users.show_problem(error_text(exc))
        self.teams.show_problem(error_text(exc))

    def _on_changed(self, change: Change) -> None:
        if not self.busy and change.kinds & RELOAD_KINDS:
            self.reload()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.users._update_buttons()
        self.teams.update_buttons()

    def run(self, call, done_text: str, choose: int | None = None, tab=None) -> None:
        """A one-click write (unlock, reactivate, delete a team): buttons off while it runs,
        then what it did, or why not, under the tab's list."""
        tab = tab or self.users
        self.set_busy(True)

        def done(_result) -> None:
            self.set_busy(False)
            self.reload(choose)
            tab.say(done_text)

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            tab.show_problem(error_text(exc))

        self.ctx.write(call, done, failed, owner=self)
