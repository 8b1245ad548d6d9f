"""Running work off the GUI thread and delivering its result (or error) back onto it.

Database writes go through one dedicated thread so they are serialized (long, chunked writes
through a second, so short writes run between their chunks); reads run on a small
pool. Results arrive through signals connected to @Slot methods of a carrier living on the GUI
thread (PySide6 needs real slots for cross-thread delivery), which then calls the requester's
callbacks there.

What long and repeated work needs:
- progress: a job started with `on_progress` is called with a TaskControl whose
  `progress(done, total)` reaches the GUI thread (throttled), and whose `cancelled()` the job
  polls between steps;
- cancellation: `Task.cancel()` asks the job to stop; it returns what it did so far;
- dropping: a result is not delivered when its owner (the page or dialog that asked) has been
  destroyed, or when a newer request with the same owner and key superseded it (a page fetched
  for a query that has since changed).

Tests use SyncRunner, which runs everything at once with the same interface."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import Shiboken

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
PROGRESS_INTERVAL_S = 0.05


class TaskControl:
    """What a long job sees of its task: report progress, notice cancellation."""

    def __init__(self, report: Callable[[int, int], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._report = report
        self._last = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self._report is not None and (done >= total or now - self._last >= PROGRESS_INTERVAL_S):
            self._last = now
            self._report(done, total)


class Task:
    """The caller's handle on a submitted job."""

    def __init__(self, control: TaskControl) -> None:
        self.control = control
        self.finished = False
        self.dropped = False

    def cancel(self) -> None:
        self.control.cancel()

    @property
    def cancelled(self) -> bool:
        return self.control.cancelled()


def alive(owner: QObject | None) -> bool:
    return owner is None or Shiboken.isValid(owner)


class _Relay(QObject):
    """The runner's one messenger from the workers: lives on the GUI thread as long as the
    runner, and hands each result to its task's carrier there. Workers never hold a carrier: a
    QObject per task whose last reference a worker dropped was destroyed on that worker while
    the GUI thread delivered its signal (a segfault seen after creating a customer)."""

    finished = Signal(object, object)  # carrier, result
    failed = Signal(object, object)  # carrier, exception
    progressed = Signal(object, int, int)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.finished.connect(self._on_job_finished)
        self.failed.connect(self._on_job_failed)
        self.progressed.connect(self._on_job_progressed)

    @Slot(object, object)
    def _on_job_finished(self, carrier: object, result: object) -> None:
        carrier.job_finished(result)

    @Slot(object, object)
    def _on_job_failed(self, carrier: object, exc: object) -> None:
        carrier.job_failed(exc)

    @Slot(object, int, int)
    def _on_job_progressed(self, carrier: object, done: int, total: int) -> None:
        carrier.job_progressed(done, total)


class _Carrier:
    """One task's callbacks, called on the GUI thread (through the runner's relay)."""

    def __init__(
        self,
        runner: TaskRunner,
        task: Task,
        owner: QObject | None,
        key: tuple | None,
        on_done: Callback | None,
        on_error: Callback | None,
        on_progress: Callable[[int, int], None] | None,
    ) -> None:
        self._runner, self._task, self._owner, self._key = runner, task, owner, key
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress

    def _deliverable(self) -> bool:
        current = self._key is None or self._runner._latest.get(self._key) is self._task
        return current and not self._task.dropped and alive(self._owner)

    def _close(self) -> None:
        self._task.finished = True
        self._runner._live.discard(self)
        if self._key is not None and self._runner._latest.get(self._key) is self._task:
            del self._runner._latest[self._key]

    def job_finished(self, result: object) -> None:
        deliver = self._deliverable()
        self._close()
        if deliver and self._on_done is not None:
            self._on_done(result)

    def job_failed(self, exc: object) -> None:
        deliver = self._deliverable()
        self._close()
        self._runner._tell_failure(exc)
        if not deliver:
            log.debug("dropped the error of a task nobody waits for: %r", exc)
        elif self._on_error is not None:
            self._on_error(exc)
        else:
            log.error("task failed", exc_info=exc)

    def job_progressed(self, done: int, total: int) -> None:
        if self._on_progress is not None and self._deliverable():
            self._on_progress(done, total)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, carrier: _Carrier) -> None:
        super().__init__()
        self.fn = fn
        self.relay, self.carrier = relay, carrier  # a plain object: safe to drop on a worker

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # delivered to the GUI thread, shown there
            log.debug("task failed", exc_info=True)
            self._emit(self.relay.failed, exc)
        else:
            self._emit(self.relay.finished, result)

    def _emit(self, signal, value) -> None:
        try:
            signal.emit(self.carrier, value)
        except RuntimeError:  # the runner (and its relay) went with a closed window
            log.debug("a task finished after its runner was deleted")


class _FailureListeners:
    """Who hears of every failed task (both runners)."""

    def add_failure_listener(self, listener: Callable[[BaseException], None]) -> None:
        """listener(exc) runs on the GUI thread for every task that failed, before the task's
        own error callback and even when nobody waits for it any more (a superseded page, a
        closed dialog): the connection watch learns of a lost server whoever ran into it."""
        self.__dict__.setdefault("_failure_listeners", []).append(listener)

    def _tell_failure(self, exc: object) -> None:
        for listener in list(self.__dict__.get("_failure_listeners", ())):
            try:
                listener(exc)
            except Exception:  # a listener's fault must not keep the error from its task
                log.exception("a failure listener failed")


class GuiThreadCollector(QObject):
    """Python's cyclic garbage collector run on the GUI thread only, on a timer. Left to itself
    it runs on whichever thread happens to allocate, a worker's included, and a cycle holding a
    widget (a closed dialog in a lambda's closure) is then destroyed there, under the GUI
    thread's feet. Anki does the same (aqt's GarbageCollector)."""

    def __init__(self, parent: QObject, interval_ms: int = 5000) -> None:
        import gc

        from PySide6.QtCore import QTimer

        super().__init__(parent)
        self._gc = gc
        self._threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start(interval_ms)

    @Slot()
    def _on_timer_timeout(self) -> None:
        gen0, gen1, gen2 = self._gc.get_count()
        if gen0 > self._threshold[0]:
            generation = 2 if gen2 > self._threshold[2] else 1 if gen1 > self._threshold[1] else 0
            self._gc.collect(generation)


class TaskRunner(_FailureListeners, QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        # Long writes (those reporting progress: an import, a bulk action, the recycle pass)
        # commit chunk by chunk on a lane of their own, so the user's short writes (a note, a
        # saved customer) run between two chunks instead of after the whole job.
        self._long_writes = QThreadPool(self)
        self._long_writes.setMaxThreadCount(1)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._relay = _Relay(self)  # after the pools: destroyed after they waited for their jobs
        self._live: set[_Carrier] = set()
        self._latest: dict[tuple, Task] = {}

    def _submit(
        self,
        pool: QThreadPool,
        fn: Callable[..., Any],
        on_done: Callback | None,
        on_error: Callback | None,
        owner: QObject | None,
        key: str | None,
        on_progress: Callable[[int, int], None] | None,
    ) -> Task:
        full_key = (id(owner), key) if key is not None else None
        carrier_ref: list[_Carrier] = []
        relay = self._relay  # not the runner: a worker never holds a Python-owned QObject
        control = TaskControl(
            (lambda done, total: relay.progressed.emit(carrier_ref[0], done, total))
            if on_progress is not None
            else None
        )
        task = Task(control)
        if full_key is not None:
            older = self._latest.get(full_key)
            if older is not None:  # superseded: it stops early if it can, its result is dropped
                older.dropped = True
                older.cancel()
            self._latest[full_key] = task
        carrier = _Carrier(self, task, owner, full_key, on_done, on_error, on_progress)
        carrier_ref.append(carrier)
        self._live.add(carrier)
        call = (lambda: fn(control)) if on_progress is not None else fn
        pool.start(_Job(call, self._relay, carrier))
        return task

    def read(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        *,
        owner: QObject | None = None,
        key: str | None = None,
    ) -> Task:
        return self._submit(self._reads, fn, on_done, on_error, owner, key, None)

    def write(
        self,
        fn: Callable[..., Any],
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        *,
        owner: QObject | None = None,
        key: str | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """With on_progress, fn is called with a TaskControl (progress, cancelled) and runs on
        the long writes' lane: it must commit in chunks (bulk.run, excel_apply.apply)."""
        pool = self._long_writes if on_progress is not None else self._writes
        return self._submit(pool, fn, on_done, on_error, owner, key, on_progress)

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def cancel_all(self) -> None:
        for carrier in list(self._live):
            carrier._task.dropped = True
            carrier._task.cancel()

    def wait(self, msecs: int = 30000) -> None:
        self._reads.waitForDone(msecs)
        self._writes.waitForDone(msecs)
        self._long_writes.waitForDone(msecs)


class SyncRunner(_FailureListeners):
    """Runs at once on the calling thread (tests, scripts); the same interface."""

    busy = False

    def _run(self, fn, on_done, on_error, owner, on_progress) -> Task:
        control = TaskControl(on_progress)
        task = Task(control)
        try:
            result = fn(control) if on_progress is not None else fn()
        except Exception as exc:
            task.finished = True
            self._tell_failure(exc)
            if alive(owner):
                if on_error is None:
                    raise
                on_error(exc)
        else:
            task.finished = True
            if alive(owner) and on_done is not None:
                on_done(result)
        return task

    def read(self, fn, on_done=None, on_error=None, *, owner=None, key=None) -> Task:
        return self._run(fn, on_done, on_error, owner, None)

    def write(
        self, fn, on_done=None, on_error=None, *, owner=None, key=None, on_progress=None
    ) -> Task:
        return self._run(fn, on_done, on_error, owner, on_progress)

    def cancel_all(self) -> None:
        pass

    def wait(self, msecs: int = 0) -> None:
        pass
