"""The session guard: a window whose user has been deactivated signs out, and one whose user got
another role or team shows what they may see now, without waiting for a restart.

How it learns:
- a task refused with PermissionDenied("inactive") for this user (the runner's failure
  listeners hear every failed task, before the task's own error callback): a write (each one
  reads the acting user afresh) or a read (the workspace reads the actor again every few
  seconds: models/workspace.py, Workspace._read);
- a colleague's change of kind "users" (the live refresh's remote Change on the bus): the
  user's own row is read again on the runner (Workspace.fresh_actor). Deactivated: refused as
  above. Another role or team: a notice, and every page reloads (BROAD_CHANGE) as the new
  actor, who the workspace now holds.

Signing out: a message, then File › Sign out's way (team_menu.sign_out: a new window on the
same database, the sign-in again). Nothing can be saved any more (every write is refused), so
the unsaved-edits question, whose Save would fail, is not asked; the window's own dialogs are
closed first, so it never goes away under a dialog's event loop."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from crmdesk.models.changes import Change
from crmdesk.models.errors import Interrupted, PermissionDenied
from crmdesk.views.context import BROAD_CHANGE, connection_lost

log = logging.getLogger(__name__)

RETRY_MS = 250  # a dialog of another window is open: ask again after this


def refused_as_inactive(exc: BaseException, user_id: int) -> bool:
    """Whether a task failed because this user is deactivated (not, say, the colleague a
    customer was to go to: pool_actions.assign_from_pool)."""
    if isinstance(exc, Interrupted):  # a long write cut off: its cause says why
        exc = exc.params.get("cause", exc)
    return (
        isinstance(exc, PermissionDenied)
        and exc.code == "inactive"
        and exc.params.get("user_id") == user_id
    )


def _without_asking(proceed, stay=None) -> None:
    proceed()


def _owned_by(widget: QWidget, window: QWidget) -> bool:
    while widget is not None:
        if widget is window:
            return True
        widget = widget.parentWidget()
    return False


class SessionGuard(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        actor = self.ctx.workspace.actor
        self.user_id = actor.id
        self._known = (actor.role, actor.team_id)
        self.signing_out = False
        window.runner.add_failure_listener(self._on_task_failed)
        self.ctx.bus.changed.connect(self._on_data_changed)

    def _on_task_failed(self, exc: BaseException) -> None:
        if refused_as_inactive(exc, self.user_id):
            self.sign_out()

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if change.remote and "users" in change.kinds and not self.signing_out:
            workspace = self.ctx.workspace
            self.ctx.read(
                workspace.fresh_actor,
                self._on_actor_read,
                self._on_actor_failed,
                owner=self.window,
                key="session_guard",
            )

    def _on_actor_read(self, actor) -> None:
        known = (actor.role, actor.team_id)
        if known == self._known or self.signing_out:
            return
        self._known = known
        window = self.window
        if hasattr(window, "user_label"):  # as MainWindow.attach says who works
            from crmdesk.views.window_roles import show_actor

            show_actor(window, actor, self.ctx.workspace.db)  # a demoted admin's menus go
        if hasattr(window, "team_actions"):  # the admin's actions, shown as the role allows
            window.team_actions.attach(self.ctx.workspace)
        self.ctx.notify(
            self.tr(
                "An administrator changed your role or team: the pages now show what you may "
                "see and do."
            )
        )
        self.ctx.broadcast(BROAD_CHANGE)  # every page reads again, as the new actor

    def _on_actor_failed(self, exc: BaseException) -> None:
        # Deactivated: the failure listener signs out. A lost connection: its banner says so,
        # and the next change of users asks again.
        if not refused_as_inactive(exc, self.user_id) and not connection_lost(exc):
            log.warning("the user's own row could not be read again: %r", exc)

    def sign_out(self) -> None:
        """Say why, then back to the sign-in (once, whoever noticed first)."""
        if self.signing_out:
            return
        self.signing_out = True
        live = getattr(self.window, "live_refresh", None)
        if live is not None:
            live.stop()
        QTimer.singleShot(0, self._on_sign_out_due)

    @Slot()
    def _on_sign_out_due(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            if isinstance(modal, QDialog) and _owned_by(modal, self.window):
                # done, not reject: a form's reject asks whether to discard what was typed,
                # which would only come back each time. Its event loop ends; go on once it has.
                modal.done(QDialog.DialogCode.Rejected)
                QTimer.singleShot(0, self._on_sign_out_due)
            else:
                QTimer.singleShot(RETRY_MS, self._on_sign_out_due)
            return
        self.window.runner.cancel_all()  # what the pages asked for is not shown any more
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Signed out"))
        box.setText(
            self.tr(
                "Your account has been deactivated, so you have been signed out. What was not "
                "saved could not be kept. Ask an administrator if this is a mistake."
            )
        )
        box.exec()
        box.deleteLater()
        from crmdesk.views import team_menu

        self.window._leave_page = _without_asking  # nothing can be saved: no Save question
        team_menu.sign_out(self.window)


def install_session_guard(window) -> SessionGuard:
    """Watch the window's user (team_menu.install_team_services calls it on attach). Kept as
    window.session_guard; installed once."""
    guard = getattr(window, "session_guard", None)
    if guard is None:
        guard = window.session_guard = SessionGuard(window)
    return guard
