"""Helpers of the GUI tests (imported as `gui_helpers`: tests/ is on sys.path)."""

from __future__ import annotations

import functools
import threading

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from crmdesk.tasks import SyncRunner, Task, TaskControl, alive


class QueueRunner(SyncRunner):
    """Runs the real work, but only when the test says so (run_all / run_next): what the
    window shows while a page or a card is still on its way can be looked at."""

    def __init__(self) -> None:
        self.jobs: list = []

    @property
    def busy(self) -> bool:
        return bool(self.jobs)

    def _run(self, fn, on_done, on_error, owner, on_progress):
        task = Task(TaskControl(on_progress))
        self.jobs.append((task, fn, on_done, on_error, owner, on_progress))
        return task

    def run_next(self) -> None:
        task, fn, on_done, on_error, owner, on_progress = self.jobs.pop(0)
        try:
            result = fn(task.control) if on_progress is not None else fn()
        except Exception as exc:
            if alive(owner):
                on_error(exc)
        else:
            if alive(owner) and on_done is not None:
                on_done(result)

    def run_all(self) -> None:
        while self.jobs:
            self.run_next()


class GuiThreadGuard:
    """A workspace whose every method refuses to run on the GUI thread: a window that waits on
    the database fails the test instead of stalling."""

    def __init__(self, workspace) -> None:
        self._ws = workspace
        self.gui_thread = threading.get_ident()
        self.calls_on_gui_thread: list[str] = []

    def __getattr__(self, name: str):
        value = getattr(self._ws, name)
        if not callable(value) or name in ("clock",):
            return value

        @functools.wraps(value)
        def guarded(*args, **kwargs):
            if threading.get_ident() == self.gui_thread:
                self.calls_on_gui_thread.append(name)
            return value(*args, **kwargs)

        return guarded


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user would: ASCII key by key, Chinese committed by the input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
