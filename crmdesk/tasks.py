"""Running work off the GUI thread and delivering its result (or error) back onto it.

Database writes go through one dedicated thread so they are serialized; reads may run on the
shared pool. Results arrive through signals connected to @Slot methods (PySide6 needs real
slots for cross-thread delivery). Tests use SyncRunner, which runs everything at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Carrier(QObject):
    """Lives on the GUI thread; the worker emits, the queued slots call back there."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, live: set, on_done: Callable, on_error: Callable) -> None:
        super().__init__()
        self._live, self._on_done, self._on_error = live, on_done, on_error
        live.add(self)
        self.finished.connect(self._on_job_finished)
        self.failed.connect(self._on_job_failed)

    @Slot(object)
    def _on_job_finished(self, result: object) -> None:
        self._live.discard(self)
        self._on_done(result)

    @Slot(object)
    def _on_job_failed(self, exc: object) -> None:
        self._live.discard(self)
        self._on_error(exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], carrier: _Carrier) -> None:
        super().__init__()
        self.fn = fn
        self.carrier = carrier

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:
            log.debug("task failed", exc_info=True)
            self.carrier.failed.emit(exc)
        else:
            self.carrier.finished.emit(result)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._live: set[_Carrier] = set()

    def _submit(self, pool: QThreadPool, fn, on_done, on_error) -> None:
        pool.start(_Job(fn, _Carrier(self._live, on_done, on_error)))

    def read(self, fn: Callable[[], Any], on_done: Callable, on_error: Callable) -> None:
        self._submit(self._reads, fn, on_done, on_error)

    def write(self, fn: Callable[[], Any], on_done: Callable, on_error: Callable) -> None:
        self._submit(self._writes, fn, on_done, on_error)

    def wait(self, msecs: int = 30000) -> None:
        self._reads.waitForDone(msecs)
        self._writes.waitForDone(msecs)


class SyncRunner:
    """Runs at once on the calling thread (tests, scripts)."""

    def read(self, fn: Callable[[], Any], on_done: Callable, on_error: Callable) -> None:
        try:
            result = fn()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)

    write = read

    def wait(self, msecs: int = 0) -> None:
        pass
