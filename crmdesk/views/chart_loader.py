"""Loading the chart modules (pyqtgraph and numpy) off the GUI thread, the first time a chart page
opens. The import takes ~0.6 s here, most of it PySide6 creating every Qt class and enum that
pyqtgraph.Qt copies into its own namespace; done on the GUI thread it froze the window for that
long. A page asks `charts_ready()`; if not, it lays out its cards and tables at once and builds
its charts when `loader().ready` arrives (a queued signal, delivered on the GUI thread).

Only chart pages call this, and only when built, so the window itself never loads pyqtgraph
(issue 12: "imported only when a chart page first opens")."""

from __future__ import annotations

import importlib
import logging
import sys
import threading

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

CHART_MODULES = (
    "crmdesk.charts.base",
    "crmdesk.charts.series",
    "crmdesk.charts.stacked",
    "crmdesk.charts.funnel",
    "crmdesk.charts.hbar",
)


class ChartLoader(QObject):
    ready = Signal()  # the chart modules are imported (or failed: see error)

    def __init__(self) -> None:
        super().__init__()
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._soon = False  # start_soon was called
        self._done = threading.Event()

    def loaded(self) -> bool:
        if self._done.is_set():
            return True
        if self._thread is None and all(m in sys.modules for m in CHART_MODULES):
            self._done.set()  # imported some other way (a test, the screenshot command)
            return True
        return False

    def loading(self) -> bool:
        """An import is running in the background, or asked for (start_soon): the screenshot
        command waits for it."""
        return (self._soon or self._thread is not None) and not self._done.is_set()

    def start_soon(self) -> None:
        """Begin the import on the next turn of the event loop (after what was just filled in
        is painted); loading() is true from now on."""
        if self.loaded() or self._soon or self._thread is not None:
            return
        self._soon = True
        QTimer.singleShot(0, self.start)

    def start(self) -> None:
        """Begin the import in a background thread (once); `ready` follows."""
        if self.loaded() or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="chart-import", daemon=True)
        self._thread.start()

    def load_now(self) -> None:
        """Import on the calling thread (tests' synchronous runner; a page that must draw now)."""
        if self._thread is not None:
            self._done.wait()
            return
        if not self.loaded():
            self._run()

    def _run(self) -> None:
        try:
            for name in CHART_MODULES:
                importlib.import_module(name)
        except BaseException as exc:  # reported by the page in words; the window lives on
            log.exception("could not load the charts")
            self.error = exc
        # Posted before the flag flips: whoever sees loading() end finds `ready` already in
        # the event queue (the screenshot command settles on that).
        self.ready.emit()
        self._done.set()


_loader: ChartLoader | None = None


def loader() -> ChartLoader:
    """The one loader (created on the GUI thread by the first page that asks)."""
    global _loader
    if _loader is None:
        _loader = ChartLoader()
    return _loader


def charts_ready() -> bool:
    return loader().loaded()
