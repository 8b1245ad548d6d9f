"""What the deal and contract dialogs share: one window per record (opening one again raises the
first), and the frame of a non-modal record dialog — its heading, the problems beside the
fields, Save and Close, what counts as an unsaved edit, and closing, which asks before it throws
typed edits away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.users import UserRow
from crmdesk.tasks import alive
from crmdesk.views import prompts
from crmdesk.views.context import PageContext
from crmdesk.views.icons import set_icon
from crmdesk.views.widgets import problem_label


class OneWindowEach:
    """The open dialogs by their record's id, so that a record is never edited in two windows."""

    def __init__(self) -> None:
        self._open: dict[int, QDialog] = {}

    def raised(self, record_id: int | None) -> QDialog | None:
        """The record's dialog brought to the front, None when it has none open."""
        if record_id is None:
            return None
        shown = self._open.get(record_id)
        if shown is not None and alive(shown) and shown.isVisible():
            shown.raise_()
            shown.activateWindow()
            return shown
        return None

    def remember(self, record_id: int, dialog: QDialog) -> None:
        self._open[record_id] = dialog
        dialog.finished.connect(lambda _r, r=record_id, w=dialog: self.forget(r, w))

    def forget(self, record_id: int, dialog: QDialog) -> None:
        if self._open.get(record_id) is dialog:
            del self._open[record_id]


class RecordDialog(QDialog):
    """The frame; a subclass adds self.form (with title and customer), self.tabs, snapshot(),
    save(then, failed), error_text(exc) and new_name(), and lays itself out with lay_out()."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.ctx, self.workspace = ctx, ctx.workspace
        self.customer_id: int | None = None
        self.detail = None  # the record once read
        self._base: tuple | None = None  # what the fields showed when filled
        self._saving: tuple | None = None  # what is on its way to the database
        self._busy = False
        self._closed = False
        self.heading = QLabel(self.tr("Loading…"))
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.problems = problem_label()
        self.save_button = QPushButton(self.tr("Save"))
        set_icon(self.save_button, "save")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.close_button.clicked.connect(self.reject)

    # -- what a subclass says
    def snapshot(self) -> tuple:
        raise NotImplementedError

    def save(self, then=None, failed=None) -> None:
        raise NotImplementedError

    def error_text(self, exc: BaseException) -> str:
        raise NotImplementedError

    def new_name(self) -> str:
        """What closing calls a record not yet saved that has no title typed."""
        raise NotImplementedError

    # -- building
    @staticmethod
    def scrolled(form: QWidget) -> QScrollArea:
        """The details tab: the form, scrolled when the window is smaller than it."""
        details = QScrollArea()
        details.setWidgetResizable(True)
        details.setFrameShape(QScrollArea.Shape.NoFrame)
        details.setWidget(form)
        return details

    def lay_out(self, above: list[QWidget], left: list[QWidget]) -> None:
        """The heading, `above` the tabs, the tabs, the problems, then `left` and Save, Close."""
        buttons = QHBoxLayout()
        for button in left:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for widget in above:
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

    # -- loading
    def with_actor(self, users: list[UserRow]) -> list[UserRow]:
        """The owner's choices: the user among them even when not theirs to hand work to."""
        actor = self.workspace.actor
        return [actor, *users] if all(u.id != actor.id for u in users) else users

    def focus_first(self, detail) -> None:
        """The customer to choose on a new record for nobody yet, else the title."""
        if detail is None and self.customer_id is None:
            self.form.customer.edit.setFocus()
        else:
            self.form.title.setFocus()

    def _on_load_failed(self, exc: BaseException) -> None:
        self.heading.setText(self.error_text(exc))
        self.status.hide()
        self._base = None
        self._set_enabled(False)

    # -- editing
    def has_unsaved(self) -> bool:
        if self._base is None or (self.detail is not None and not self.detail.editable):
            return False
        now = self.snapshot()
        return now != self._base and now != self._saving

    @Slot()
    def _on_save_clicked(self) -> None:
        self.save()

    # -- closing
    def _close_now(self) -> None:
        if not self._closed:
            self._closed = True
            super().reject()

    def _discard(self) -> None:
        self._base = None

    def reject(self) -> None:
        """Close, Esc or the title bar: edits not saved are thrown away only when the user
        says so (Save saves and closes; a failed save stays with the text)."""
        if self._closed:
            return
        if not self.has_unsaved():
            self._close_now()
            return
        name = self.form.title.text().strip() or self.new_name()
        prompts.leave(self, name, True, self.save, self._discard, self._close_now)
