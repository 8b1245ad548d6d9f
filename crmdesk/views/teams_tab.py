"""The Teams tab of the users dialog: the teams with their members and caps; New team…,
Edit… (name and caps; TeamDialog) and Delete… (only a team without members: the model refuses
the others, and its words say how many are left to move)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.errors import CrmError, ValidationFailed
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.user_edit_dialog import (
    MARKED,
    cap_edit,
    cap_value,
    problem_fields,
)
from crmdesk.views.widgets import ok_cancel, problem_label

if TYPE_CHECKING:
    from crmdesk.views.users_dialog import UsersDialog

STATUS_LINES = 2  # the lines kept under a tab's buttons for what was done or went wrong


class StatusArea(QWidget):
    """What the last action did (message) or why it could not (problem), one at a time, in a
    place of their own whose height is kept whether they show or not: the buttons above never
    jump when one appears. The users' and the teams' tabs each have one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel()  # the window's notice line is behind the dialog
        self.message.setWordWrap(True)
        self.message.hide()
        self.problem = problem_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.setMinimumHeight(self.message.fontMetrics().lineSpacing() * STATUS_LINES + 4)

    def say(self, text: str) -> None:
        self.problem.hide()
        self.message.setText(text)
        self.message.show()

    def show_problem(self, text: str) -> None:
        self.message.hide()
        self.problem.setText(text)
        self.problem.show()


def quiet_buttons(buttons) -> None:
    """Buttons beside a list: a click leaves the focus in the list (typing there, Space among
    it, never presses the button clicked last), Tab still reaches them; Enter never presses
    them by default."""
    for button in buttons:
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)


class EmptyText(QObject):
    """A line in the middle of an empty table (QTableWidget has no empty state of its own)."""

    def __init__(self, table: QTableWidget, text: str) -> None:
        super().__init__(table)
        self.table = table
        self.label = QLabel(text, table.viewport())
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setEnabled(False)  # greyed, like a placeholder
        table.viewport().installEventFilter(self)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.update()
        return False

    def update(self) -> None:
        rect = self.table.viewport().rect().adjusted(16, 16, -16, -16)
        self.label.setGeometry(rect.x(), rect.y(), rect.width(), min(rect.height(), 80))
        self.label.setVisible(self.table.rowCount() == 0)


def confirm_delete_team(parent: QWidget, name: str) -> bool:
    """Delete the (empty) team? Cancel is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Teams", "Delete team"))
    box.setText(QCoreApplication.translate("Teams", "Delete the team “{name}”?").format(name=name))
    yes = box.addButton(
        QCoreApplication.translate("Teams", "Delete team"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    return box.clickedButton() is yes


class TeamDialog(QDialog):
    """A new team (team None) or an existing one's name and caps; writes itself and closes
    once saved, a refusal said here with what was typed kept."""

    def __init__(self, ctx: PageContext, team: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.team = ctx, team
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New team") if team is None else self.tr("Edit team"))
        self.setMinimumWidth(400)
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.customer_cap = cap_edit(self.tr("No cap"))
        self.locked_cap = cap_edit(self.tr("No cap"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Customer cap"), self.customer_cap)
        form.addRow(self.tr("Locked-customer cap"), self.locked_cap)
        note = QLabel(self.tr("How many customers each member may own, and keep locked. A "
                              "user's own caps, when set, come first."))  # fmt: skip
        note.setWordWrap(True)
        self.problem = problem_label()
        buttons = ok_cancel(self, self._on_ok_clicked, save=True)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if team is not None:
            self.name.setText(team.name)
            for edit, value in ((self.customer_cap, team.customer_cap),
                                (self.locked_cap, team.locked_cap)):  # fmt: skip
                edit.setText("" if value is None else str(value))

    def value(self) -> tuple[str, int | None, int | None]:
        return self.name.text().strip(), cap_value(self.customer_cap), cap_value(self.locked_cap)

    def _on_ok_clicked(self) -> None:
        if not self.ok_button.isEnabled():
            return
        for edit in (self.name, self.customer_cap, self.locked_cap):
            edit.setStyleSheet("")
        name, customer_cap, locked_cap = self.value()
        if not name:
            self._show_problem(self.tr("Type the team's name."), ["name"])
            return
        self.ok_button.setEnabled(False)
        self.problem.hide()
        ws, team_id = self.ctx.workspace, None if self.team is None else self.team.id
        self.ctx.write(lambda: ws.save_team(team_id, name, customer_cap, locked_cap),
                       self._on_saved, self._on_save_failed, owner=self)  # fmt: skip

    def _on_saved(self, result) -> None:
        value = result.value
        self.saved_id = value if isinstance(value, int) else getattr(self.team, "id", None)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        text = error_text(exc)
        if isinstance(exc, ValidationFailed) and ("name", "taken") in map(
            tuple, exc.params.get("errors", [])
        ):
            text = self.tr("Another team already has this name.")
        self._show_problem(text, problem_fields(exc))

    def _show_problem(self, text: str, fields: list[str]) -> None:
        self.problem.setText(text)
        self.problem.show()
        edits = {"name": self.name, "customer_cap": self.customer_cap,
                 "locked_cap": self.locked_cap}  # fmt: skip
        marked = [edits[f] for f in fields if f in edits]
        for edit in marked:
            edit.setStyleSheet(MARKED)
        if marked:
            marked[0].setFocus()


class TeamsTab(QWidget):
    NAME, MEMBERS, CUSTOMER_CAP, LOCKED_CAP = range(4)

    def __init__(self, dialog: UsersDialog) -> None:
        super().__init__()
        self.dialog, self.ctx = dialog, dialog.ctx
        self.admin = self.ctx.workspace.actor.is_admin
        self.rows: list[Any] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Team"), self.tr("Members"),
                                              self.tr("Customer cap"),
                                              self.tr("Locked-customer cap")])  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (self.MEMBERS, self.CUSTOMER_CAP, self.LOCKED_CAP):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, 150)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self.new_button = QPushButton(self.tr("New team…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Rename the team or change its caps"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Only a team without members can be deleted"))
        self.new_button.clicked.connect(self._on_new_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.status = StatusArea()
        self.message, self.problem = self.status.message, self.status.problem
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
            button.setVisible(self.admin)
        quiet_buttons((self.new_button, self.edit_button, self.delete_button))
        row.addStretch(1)
        if self.admin:
            empty = self.tr(
                "No teams yet. A team puts sales reps under a manager, who sees and hands on "
                "their customers. Create one with New team…"
            )
        else:
            empty = self.tr("No teams yet.")
        self.empty = EmptyText(self.table, empty)
        self.empty.label.hide()  # until the teams are read
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.update_buttons()

    def set_rows(self, rows: list[Any]) -> None:
        chosen = self.selected()
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        locale = QLocale()
        for i, team in enumerate(self.rows):
            cells = [
                team.name,
                self._members_text(team),
                self.tr("No cap") if team.customer_cap is None else locale.toString(
                    team.customer_cap),
                self.tr("No cap") if team.locked_cap is None else locale.toString(
                    team.locked_cap),
            ]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != self.NAME:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, column, item)
        if chosen is not None:
            self.choose(chosen.id)
        self.empty.update()
        self.update_buttons()

    def _members_text(self, team: Any) -> str:
        locale, gone = QLocale(), team.all_members - team.members
        if not gone:
            return locale.toString(team.members)
        return self.tr("{active} (+{gone} deactivated)").format(
            active=locale.toString(team.members), gone=locale.toString(gone)
        )

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def choose(self, team_id: int) -> bool:
        for i, team in enumerate(self.rows):
            if team.id == team_id:
                self.table.selectRow(i)
                return True
        return False

    def _on_selection_changed(self) -> None:
        self.problem.hide()  # it was about the team chosen before
        self.update_buttons()

    def update_buttons(self) -> None:
        busy, row = self.dialog.busy, self.selected()
        self.new_button.setEnabled(not busy)
        self.edit_button.setEnabled(not busy and row is not None)
        self.delete_button.setEnabled(not busy and row is not None)

    def say(self, text: str) -> None:
        self.status.say(text)
        self.ctx.notify(text)

    def show_problem(self, text: str) -> None:
        self.status.show_problem(text)

    def _on_new_clicked(self) -> None:
        if not self.new_button.isEnabled():
            return
        dialog = TeamDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.dialog.reload()
            self.say(self.tr("Created the team {name}.").format(name=dialog.value()[0]))

    def _on_edit_clicked(self, *_args) -> None:
        row = self.selected()
        if row is None or not self.edit_button.isEnabled() or not self.admin:
            return
        dialog = TeamDialog(self.ctx, row, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.dialog.reload()
            self.say(self.tr("Saved the team {name}.").format(name=dialog.value()[0]))

    def _on_delete_clicked(self) -> None:
        row = self.selected()
        if row is None or not self.delete_button.isEnabled():
            return
        if row.all_members:  # refused by the model too: said at once, without a question first
            self.show_problem(error_text(CrmError("team_not_empty", members=row.all_members)))
            return
        if not confirm_delete_team(self, row.name):
            return
        ws, team_id = self.ctx.workspace, row.id
        self.dialog.run(lambda: ws.delete_team(team_id),
                        self.tr("Deleted the team {name}.").format(name=row.name),
                        tab=self)  # fmt: skip
