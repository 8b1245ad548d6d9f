"""Guards on the Qt runtime itself and on the background task runner."""

from __future__ import annotations

from PySide6.QtCore import QObject

from crmdesk.tasks import TaskRunner


def test_many_void_calls_do_not_crash_the_interpreter():
    """PySide6 6.12 on CPython 3.11 aborts with 'none_dealloc' after ~5,000 calls of a C++
    method returning void (ARCHITECTURE §6); this catches a release with that fault."""
    obj = QObject()
    for i in range(20000):
        obj.setObjectName(f"n{i % 7}")
    assert obj.objectName() == f"n{19999 % 7}"


def test_task_runner_delivers_results_and_errors_on_the_gui_thread(qtbot):
    import threading

    runner = TaskRunner()
    main = threading.get_ident()
    seen = {}

    class Receiver(QObject):
        def done(self, value):
            seen["value"] = (value, threading.get_ident() == main)

        def failed(self, exc):
            seen["error"] = (str(exc), threading.get_ident() == main)

    receiver = Receiver()
    runner.write(lambda: threading.get_ident() != main, receiver.done, receiver.failed)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == (True, True)  # ran off-thread, delivered on the GUI thread

    def boom():
        raise ValueError("broken spreadsheet")

    runner.read(boom, receiver.done, receiver.failed)
    qtbot.waitUntil(lambda: "error" in seen, timeout=5000)
    assert seen["error"] == ("broken spreadsheet", True)
    runner.wait()


def test_results_are_dropped_for_a_gone_owner_or_a_superseded_request(qtbot):
    import threading

    from PySide6.QtWidgets import QWidget

    runner = TaskRunner()
    gate = threading.Event()
    delivered = []
    page = QWidget()
    runner.read(lambda: gate.wait(5) and "old", delivered.append, owner=page, key="first")
    newer = runner.read(lambda: "new", delivered.append, owner=page, key="first")
    qtbot.waitUntil(lambda: delivered == ["new"], timeout=5000)
    gate.set()
    runner.wait()
    qtbot.wait(50)
    assert delivered == ["new"]  # the superseded answer never arrives
    assert newer.finished

    gone = QWidget()
    gate.clear()
    runner.read(lambda: gate.wait(5) and "late", delivered.append, owner=gone)
    gone.deleteLater()
    qtbot.waitUntil(lambda: not _alive(gone), timeout=5000)
    gate.set()
    runner.wait()
    qtbot.wait(50)
    assert delivered == ["new"]  # its page is gone: dropped, not delivered to a dead widget


def _alive(widget):
    from crmdesk.tasks import alive

    return alive(widget)


def test_long_work_reports_progress_and_stops_when_cancelled(qtbot):
    import time

    runner = TaskRunner()
    seen, results = [], []

    def job(control):
        done = 0
        for done in range(1, 1001):
            if control.cancelled():
                break
            time.sleep(0.002)
            control.progress(done, 1000)
        return done

    task = runner.write(job, results.append, on_progress=lambda d, t: seen.append((d, t)))
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert 0 < results[0] < 1000  # it stopped early, and said how far it got
    assert all(t == 1000 for _d, t in seen)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert len(seen) < 300  # throttled, not one signal per step


def test_a_short_write_runs_between_the_chunks_of_a_long_one(qtbot):
    """An import or a bulk action (a write with progress) does not hold the user's own saves
    back until it ends: they run on the writer thread while it goes on."""
    import threading

    runner = TaskRunner()
    release = threading.Event()
    order = []

    def long_job(control):
        for step in range(100):
            if release.wait(0.05):
                break
            control.progress(step, 100)
        order.append("long")
        return "long"

    runner.write(long_job, lambda _r: None, on_progress=lambda _d, _t: None)
    runner.write(lambda: order.append("short") or "short", lambda _r: release.set())
    qtbot.waitUntil(lambda: order == ["short", "long"], timeout=5000)
    runner.wait()


def test_workers_hold_no_qobject_a_python_reference_could_destroy(qtbot):
    """A worker thread may drop the last Python reference to what its job holds after the
    emit. Nothing it holds may then destroy a QObject there (a task's QObject destroyed on the
    worker while the GUI thread delivered its signal: a segfault after creating a customer).
    The job holds the runner's relay, owned by the runner (C++), and a plain carrier."""
    import threading

    from crmdesk.tasks import _Job

    runner = TaskRunner()
    started: list[_Job] = []
    real_start = runner._reads.start
    runner._reads.start = lambda job: (started.append(job), real_start(job))
    done = []
    release = threading.Event()
    runner.read(lambda: release.wait(5) and 1, done.append)
    (job,) = started
    assert not isinstance(job.carrier, QObject)
    assert job.relay.parent() is runner
    release.set()
    qtbot.waitUntil(lambda: done == [1], timeout=5000)
    runner.wait()
    assert not runner._live


def test_the_gui_thread_collector_takes_garbage_collection_off_the_workers(qtbot):
    import gc

    from PySide6.QtCore import QObject as Parent

    from crmdesk.tasks import GuiThreadCollector

    parent = Parent()
    was = gc.isenabled()
    try:
        collector = GuiThreadCollector(parent, interval_ms=10)
        assert not gc.isenabled()  # no thread collects by itself any more

        class Cycle:
            pass

        for _ in range(gc.get_threshold()[0] * 2):  # enough cycles to pass generation 0's bar
            a = Cycle()
            a.me = a
        del a
        qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=3000)
        collector.timer.stop()
    finally:
        if was:
            gc.enable()
