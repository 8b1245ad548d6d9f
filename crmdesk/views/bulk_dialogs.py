"""Dialogs for bulk actions on selected customers: assign/transfer and tags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.bulk_assign import TRANSFER_REASONS
from crmdesk.models.users import UserRow
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.labels import reason_label, role_label
from crmdesk.views.widgets import make_typeable, ok_cancel, problem_label


class AssignDialog(QDialog):
    """Whom to hand the customers to, and why. The users it offers load as it opens."""

    def __init__(
        self,
        ctx: PageContext,
        count: int,
        parent: QWidget | None = None,
        with_reason=True,
        users=None,
    ) -> None:
        """with_reason=False: only whom (handing out customers of a pool needs no reason);
        users: who is offered, read off the GUI thread (default: whom the actor may hand
        customers to). Nobody is chosen at first: Enter never hands customers to whoever
        happens to be first in the list."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign customers"))
        self.setMinimumWidth(460)  # the reason texts and the details hint fit in Chinese too
        self.user = make_typeable(QComboBox())
        self.user.addItem(self.tr("Loading…"), None)
        self.user.setEnabled(False)
        self.reason = QComboBox()
        for code in TRANSFER_REASONS:
            self.reason.addItem(reason_label(code), code)
        self.reason_text = QLineEdit()
        self.reason_text.setPlaceholderText(self.tr("Optional; required for “Other”"))
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("New owner"), self.user)
        if with_reason:
            form.addRow(self.tr("Reason"), self.reason)
            form.addRow(self.tr("Details"), self.reason_text)
        buttons = ok_cancel(self, self._on_ok_clicked)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Hand %Ln customer(s) to another user.", "", count)))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        self.user.currentIndexChanged.connect(self._on_user_changed)
        ctx.read(users or ctx.workspace.customer_assignees, self._on_users_loaded, self._on_failed,
                 owner=self)  # fmt: skip

    def _on_users_loaded(self, users: list[UserRow]) -> None:
        self.user.clear()
        for u in users:
            team = f" · {u.team_name}" if u.team_name else ""
            self.user.addItem(f"{u.name} ({role_label(u.role)}{team})", u.id)
        self.user.setCurrentIndex(-1)
        self.user.lineEdit().setPlaceholderText(
            self.tr("Choose or type a name…") if users else self.tr("Nobody you may choose")
        )
        self.user.setEnabled(bool(users))
        self._on_user_changed()

    def _on_user_changed(self) -> None:
        self.ok_button.setEnabled(self.user.currentData() is not None)

    def _on_failed(self, exc: BaseException) -> None:
        self.user.clear()
        self.problem.setText(error_text(exc))
        self.problem.show()

    def value(self) -> tuple[int, str, str]:
        return self.user.currentData(), self.reason.currentData(), self.reason_text.text().strip()

    def _on_ok_clicked(self) -> None:
        user, code, text = self.value()
        if user is None:
            return
        if code == "other" and not text:
            self.problem.setText(self.tr("Please say why in a few words."))
            self.problem.show()
            return
        self.accept()


class TagDialog(QDialog):
    def __init__(
        self, count: int, parent: QWidget | None = None, ctx: PageContext | None = None
    ) -> None:
        """ctx: where the tags in use are read from, offered as the user types."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tags"))
        self.setMinimumWidth(360)  # room for a tag's suggestions and the placeholder
        self.tag = QLineEdit()
        self.tag.setPlaceholderText(self.tr("A tag in use, or a new one"))
        self.add = QRadioButton(self.tr("Add this tag"))
        self.remove = QRadioButton(self.tr("Remove this tag"))
        self.add.setChecked(True)
        buttons = ok_cancel(self, self._on_ok_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Change the tags of %Ln customer(s).", "", count)))
        form = QFormLayout()
        form.addRow(self.tr("Tag"), self.tag)
        layout.addLayout(form)
        layout.addWidget(self.add)
        layout.addWidget(self.remove)
        layout.addWidget(buttons)
        if ctx is not None:  # suggestions only: without them the field still takes any tag
            ctx.read(ctx.workspace.list_tags, self._on_tags_loaded, lambda _exc: None, owner=self)

    def _on_tags_loaded(self, rows) -> None:
        completer = QCompleter([row.name for row in rows], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag.setCompleter(completer)

    def value(self) -> tuple[str, bool]:
        return self.tag.text().strip(), self.add.isChecked()

    def _on_ok_clicked(self) -> None:
        if self.tag.text().strip():
            self.accept()

    def done_text(self, count: int) -> str:
        """What the change did, naming the tag: "Added the tag “VIP” to 5 customers."."""
        tag, add = self.value()
        if add:
            text = self.tr("Added the tag “%1” to %Ln customer(s).", "", count)
        else:
            text = self.tr("Removed the tag “%1” from %Ln customer(s).", "", count)
        return text.replace("%1", tag)
