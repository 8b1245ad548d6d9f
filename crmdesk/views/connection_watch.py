"""A lost server connection: the banner over the pages, the probes that find the server again,
and what happens once it answers.

Any task that fails because the server stopped answering (ConnectionLost, or unreachable while
connecting again) reaches the watch through the runner's failure listener, whoever ran it: a
page's rows, the change feed's poll, a save. The watch shows a banner over the page area ("…
Retrying in 4 s…", Retry now) and probes the server with a trivial read on the runner, after
1, 2, 4, 8, 16 and then every 30 s. When it answers: the banner goes, every page reloads what it
shows (a broad Change on the bus: nobody knows what colleagues changed meanwhile), the window
says "Connected again." and the writes that were cut off are sent once more with their
idempotency keys (PageContext.write), so each lands exactly once.

No message box per failed read while the connection is down (PageContext.read leaves it to the
banner), no traceback: the user sees one strip saying what is going on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crmdesk.views.context import BROAD_CHANGE, PageContext, connection_lost

if TYPE_CHECKING:
    from crmdesk.views.main_window import MainWindow

log = logging.getLogger(__name__)

# Seconds before each probe: soon at first (a blip), then less and less often, at most twice a
# minute (a server being restarted, a VPN being reconnected).
BACKOFF_S = (1, 2, 4, 8, 16, 30)

# A warning, not an error: nothing is lost yet. Fixed colours, as the error banner's.
_BANNER_STYLE = (
    "QFrame#connectionBanner { background: #fff4e0; border: 1px solid #f0c36d;"
    " border-radius: 4px; }"
    " QFrame#connectionBanner QLabel { color: #663c00; }"
)


class ConnectionBanner(QFrame):
    """The strip over the pages while the server does not answer."""

    retry_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setStyleSheet(_BANNER_STYLE)
        self.text = QLabel()
        self.text.setObjectName("connectionText")
        self.text.setWordWrap(True)
        self.retry = QPushButton(self.tr("Retry now"))
        self.retry.setObjectName("connectionRetry")
        self.retry.clicked.connect(self.retry_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.retry)
        self.hide()

    def show_waiting(self, seconds: int, saves_waiting: bool = False) -> None:
        text = self.tr("The connection to the server was lost. Retrying in {n} s…")
        self._say(text.format(n=seconds), saves_waiting)
        self.retry.setEnabled(True)

    def show_connecting(self, saves_waiting: bool = False) -> None:
        self._say(self.tr("The connection to the server was lost. Connecting…"), saves_waiting)
        self.retry.setEnabled(False)

    def _say(self, text: str, saves_waiting: bool) -> None:
        # A save cut off waits in its dialog, its button disabled: say why, and that nothing
        # typed is lost.
        if saves_waiting:
            text += " " + self.tr("What you saved is kept and is sent as soon as it answers.")
        self.text.setText(text)
        self.show()


class ConnectionWatch(QObject):
    """Notices a lost connection, probes with back-off, and tells everyone when it is back."""

    reconnected = Signal()

    def __init__(
        self,
        ctx: PageContext,
        banner: ConnectionBanner,
        parent: QObject | None = None,
        *,
        delays: tuple[int, ...] = BACKOFF_S,
        tick_ms: int = 1000,
    ) -> None:
        """delays: seconds before each probe, the last repeated; tick_ms: one second of the
        countdown (tests shorten it)."""
        super().__init__(parent)
        self.ctx = ctx
        self.banner = banner
        self.delays = delays
        self.down = False
        self.probes = 0  # probes sent since the connection was lost
        self._left = 0
        self._probing = False
        self._waiting: list[Callable[[], None]] = []
        self.stopped = False  # stop(): the window closes, its database with it
        self._tick = QTimer(self, interval=tick_ms)
        self._tick.timeout.connect(self._on_tick_timeout)
        banner.retry_clicked.connect(self._on_banner_retry_clicked)

    # -- what the runner and the context tell it
    def on_task_failed(self, exc: BaseException) -> None:
        if connection_lost(exc):
            self.lost(exc)

    def stop(self) -> None:
        """The window closes (MainWindow.closeEvent, before it waits for the runner): no more
        countdown or probes (a probe would reopen the closed database's pool, left to leak),
        and the writes waiting for the server are dropped with it."""
        self.stopped = True
        self._tick.stop()
        self._waiting.clear()

    def lost(self, exc: BaseException) -> None:
        """The server stopped answering (a second report while down changes nothing)."""
        if self.down or self.stopped:
            return
        log.warning("the connection to the server was lost: %s", exc)
        self.down = True
        self.probes = 0
        self._wait(self.delays[0])

    def after_reconnect(self, callback: Callable[[], None]) -> None:
        """Run callback once the server answers again (at once if it already does)."""
        if self.stopped:
            return
        if self.down:
            self._waiting.append(callback)
            if self._probing:
                self.banner.show_connecting(True)
            else:
                self.banner.show_waiting(self._left, True)
        else:
            callback()

    def retry_now(self) -> None:
        """Probe now instead of at the end of the countdown."""
        if self.down:
            self._tick.stop()
            self._probe()

    # -- the countdown and the probes
    def _wait(self, seconds: int) -> None:
        if self.stopped:
            return
        self._left = seconds
        if seconds <= 0:
            self._probe()
            return
        self.banner.show_waiting(seconds, bool(self._waiting))
        self._tick.start()

    @Slot()
    def _on_tick_timeout(self) -> None:
        if self.stopped:
            self._tick.stop()
            return
        self._left -= 1
        if self._left > 0:
            self.banner.show_waiting(self._left, bool(self._waiting))
            return
        self._tick.stop()
        self._probe()

    @Slot()
    def _on_banner_retry_clicked(self) -> None:
        self.retry_now()

    def _probe(self) -> None:
        if self._probing or self.stopped:
            return
        self._probing = True
        self.probes += 1
        self.banner.show_connecting(bool(self._waiting))
        db = self.ctx.workspace.db

        def ask() -> int:
            from crmdesk.models.change_feed import last_feed_id

            return db.read(last_feed_id)  # one index lookup: the server answers or not

        self.ctx.runner.read(ask, self._on_probe_answered, self._on_probe_failed)

    def _on_probe_answered(self, _last_id: int) -> None:
        self._probing = False
        if self.stopped:
            return
        self._tick.stop()
        self.down = False
        self.banner.hide()
        log.info("the connection to the server is back")
        self.ctx.notify(self.tr("Connected again."))
        self.ctx.broadcast(BROAD_CHANGE)
        waiting, self._waiting = self._waiting, []
        for callback in waiting:  # the writes cut off: sent again, each once
            callback()
        self.reconnected.emit()

    def _on_probe_failed(self, exc: BaseException) -> None:
        self._probing = False
        if self.stopped:
            return
        if not connection_lost(exc):
            log.warning("probing the server: %r", exc)
        step = min(self.probes, len(self.delays) - 1)
        self._wait(self.delays[step])


def _place_above(pages: QWidget, banner: QWidget) -> None:
    """Put banner above pages, in pages' place in its parent's layout."""
    parent = pages.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is None:
        raise ValueError("the page area has no layout to put the banner in")
    column_widget = QWidget(parent)
    column_widget.setObjectName("pageArea")
    column = QVBoxLayout(column_widget)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    layout.replaceWidget(pages, column_widget)
    banner_row = QHBoxLayout()
    banner_row.setContentsMargins(8, 6, 8, 2)
    banner_row.addWidget(banner)
    column.addLayout(banner_row)
    column.addWidget(pages, 1)


def install_connection_watch(window: MainWindow) -> ConnectionWatch | None:
    """Watch the window's server connection (MainWindow.attach calls this). A local file
    cannot lose its connection: nothing to watch, None."""
    ctx = window.ctx
    if ctx is None or ctx.workspace.db.is_local:
        return None
    existing = getattr(window, "connection_watch", None)
    if existing is not None:
        return existing
    banner = ConnectionBanner()
    _place_above(window.stack, banner)
    watch = ConnectionWatch(ctx, banner, window)
    window.runner.add_failure_listener(watch.on_task_failed)
    ctx.connection = watch
    window.connection_watch = watch
    return watch
