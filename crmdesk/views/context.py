"""What every page is given: the workspace, the task runner, the change bus and the settings.

The change bus is the one application-wide signal a write's Change travels on (ARCHITECTURE
§3). A page that writes does so through `write()`, which broadcasts the change on success;
every page listens and decides for itself whether and what to reload. No page connects to
another page.

On a server, a write that ran into a lost connection waits for the connection watch
(connection_watch.py) to see the server answer again, then is sent once more with the same
idempotency key (models/write_keys.py): it lands once, whether or not the first attempt had.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from crmdesk.models import write_keys
from crmdesk.models.changes import EVERY_KIND, Change, WriteResult
from crmdesk.models.errors import ConnectionLost, CrmError, DatabaseUnavailable, Interrupted
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


# After a reconnection nobody knows what colleagues changed meanwhile: every page reloads what
# it shows. No customer ids and a count past them: "many".
BROAD_CHANGE = Change(EVERY_KIND, frozenset(), 1)


def connection_lost(exc: BaseException) -> bool:
    """Whether a task failed because the server stopped answering (not for what it asked)."""
    if isinstance(exc, Interrupted):  # a long write cut off part-way: its cause says why
        exc = exc.params.get("cause", exc)
    if isinstance(exc, ConnectionLost):
        return True
    return isinstance(exc, DatabaseUnavailable) and exc.params.get("reason") == "unreachable"


class ConnectionHandler(Protocol):
    """What the context needs of the connection watch."""

    def lost(self, exc: BaseException) -> None: ...

    def after_reconnect(self, callback: Callable[[], None]) -> None: ...


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
        # Set by connection_watch.install_connection_watch on a server: lost connections show
        # its banner (instead of a message box), and short writes are retried once it is back.
        self.connection: ConnectionHandler | None = None

    def read(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QWidget,
        key: str | None = None,
    ) -> Task:
        """Run a read off the GUI thread; an error is shown over `owner` unless handled (a lost
        connection only in the connection watch's banner: every page reloads once it is back)."""

        def failed(exc: BaseException) -> None:
            if self.connection is not None and connection_lost(exc):
                log.info("a read met the lost connection: %r", exc)
            else:
                show_error(owner, exc)

        return self.runner.read(fn, on_done, on_error or failed, owner=owner, key=key)

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
        even when the dialog that asked was closed meanwhile: only the callbacks need it.

        On a server (a connection watch installed), a short write (no on_progress) carries an
        idempotency key; one that lost the connection waits, its dialog open, until the server
        answers again and is sent once more with the same key, provided its owner is still
        there (a dialog the user cancelled meanwhile is not saved behind their back). The
        second attempt finding the first one landed (AlreadyApplied) counts as done: every page
        reloads and on_done gets a WriteResult without a value. A second failure is reported
        as any error is. Long writes commit chunk by chunk and are not retried."""
        retrying = on_progress is None and self.connection is not None
        key = uuid.uuid4().hex if retrying else None
        attempts = [1]

        def run() -> WriteResult:
            with write_keys.keyed(key):
                return fn()

        def done(result: WriteResult) -> None:
            if isinstance(result, WriteResult) and not result.change.empty:
                self.bus.changed.emit(result.change)
            if on_done is not None and alive(owner):
                on_done(result)

        def send_again() -> None:
            if not alive(owner):
                log.info("a write lost with the connection was not sent again: its window closed")
                return
            attempts[0] += 1
            self.runner.write(run, done, failed)

        def failed(exc: BaseException) -> None:
            if attempts[0] > 1 and isinstance(exc, CrmError) and exc.code == "already_applied":
                try:
                    done(WriteResult(None, BROAD_CHANGE))  # the dialog closes; its notice…
                except (AttributeError, TypeError):
                    # An on_done that reads what the first attempt returned (a claim's
                    # outcome) cannot have it; the reload and the notice say what happened.
                    log.info("a write's value was lost with the connection", exc_info=True)
                self.notify(  # …gives way to the truth
                    QCoreApplication.translate(
                        "PageContext", "Saved before the connection dropped."
                    )
                )
                return
            if retrying and attempts[0] == 1 and connection_lost(exc):
                assert self.connection is not None
                self.connection.lost(exc)
                self.connection.after_reconnect(send_again)
                return
            partial = getattr(exc, "partial", None)  # Interrupted: part of it is committed
            if isinstance(partial, WriteResult) and not partial.change.empty:
                self.bus.changed.emit(partial.change)
            if not alive(owner):
                log.warning("a write failed after its window closed: %r", exc)
            elif on_error is not None:
                on_error(exc)
            else:
                show_error(owner, exc)

        return self.runner.write(run if retrying else fn, done, failed, on_progress=on_progress)

    def notify(
        self, text: str, action_text: str = "", action: Callable[[], None] | None = None
    ) -> None:
        """Say what an action did ("Saved …"): the window shows it for a few seconds, with a
        button doing `action` (Undo) when one is given."""
        self.bus.notice.emit(Notice(text, action_text, action))

    def broadcast(self, change: Change) -> None:
        self.bus.changed.emit(change)
