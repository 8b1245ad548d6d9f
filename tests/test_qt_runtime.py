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
