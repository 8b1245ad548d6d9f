"""What every page is given: the workspace, the task runner, the change bus and the settings.

The change bus is the one application-wide signal a write's Change travels on (ARCHITECTURE
§3). A page that writes does so through `write()`, which broadcasts the change on success;
every page listens and decides for itself whether and what to reload. No page connects to
another page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from crmdesk.models.changes import Change, WriteResult
from crmdesk.tasks import SyncRunner, Task, TaskRunner, alive
from crmdesk.views.errors import show_error

if TYPE_CHECKING:  # imported with the window, before the database layer has loaded
    from crmdesk.models.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    """What an action did, for the window's notice line ("Deleted 3 customers."), and at most
    one thing to do about it for a few seconds (Undo)."""

    text: str
    action_text: str = ""
    action: Callable[[], None] | None = None


class ChangeBus(QObject):
    changed = Signal(object)  # models.changes.Change
    notice = Signal(object)  # Notice: what an action did, for the window's notice line


class PageContext:
    def __init__(
        self,
        workspace: Workspace,
        runner: TaskRunner | SyncRunner | None = None,
        bus: ChangeBus | None = None,
        settings: QSettings | None = None,
    ) -> None:
        self.workspace = workspace
        self.runner = runner if runner is not None else SyncRunner()
        self.bus = bus if bus is not None else ChangeBus()
        self.settings = settings

    def read(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QWidget,
        key: str | None = None,
    ) -> Task:
        """Run a read off the GUI thread; an error is shown over `owner` unless handled."""
        return self.runner.read(
            fn, on_done, on_error or (lambda exc: show_error(owner, exc)), owner=owner, key=key
        )

    def write(
        self,
        fn: Callable[..., WriteResult],
        on_done: Callable[[WriteResult], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QWidget,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """Run a write on the writer thread. Its Change goes on the bus before on_done runs, so
        every page (the writer's own included) learns of it the same way, and it goes there
        even when the dialog that asked was closed meanwhile: only the callbacks need it."""

        def done(result: WriteResult) -> None:
            if isinstance(result, WriteResult) and not result.change.empty:
                self.bus.changed.emit(result.change)
            if on_done is not None and alive(owner):
                on_done(result)

        def failed(exc: BaseException) -> None:
            partial = getattr(exc, "partial", None)  # Interrupted: part of it is committed
            if isinstance(partial, WriteResult) and not partial.change.empty:
                self.bus.changed.emit(partial.change)
            if not alive(owner):
                log.warning("a write failed after its window closed: %r", exc)
            elif on_error is not None:
                on_error(exc)
            else:
                show_error(owner, exc)

        return self.runner.write(fn, done, failed, on_progress=on_progress)

    def notify(
        self, text: str, action_text: str = "", action: Callable[[], None] | None = None
    ) -> None:
        """Say what an action did ("Saved …"): the window shows it for a few seconds, with a
        button doing `action` (Undo) when one is given."""
        self.bus.notice.emit(Notice(text, action_text, action))

    def broadcast(self, change: Change) -> None:
        self.bus.changed.emit(change)
