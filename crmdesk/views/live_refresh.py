"""Live refresh: colleagues' writes reach this window's pages on the same change bus as the
user's own (ARCHITECTURE §3).

LiveRefresh polls the change feed (models/change_feed.py) on the task runner's read lane —
every 1.5 s on a server, every 2 s on the local file (another program on the same file) —
merges what a poll brought into one Change (remote=True, by=who) for the bus, and tells each
entry on `remote_changed` for whoever wants to name the colleague. One poll at a time; a poll
that fails (the connection is gone: connection_watch.py shows that) is logged quietly and the
next tick tries again. Once an hour it prunes the feed and the write receipts (a day old).

RemoteEditNotice is the detail panel's line "张三 changed this customer just now" with Reload,
shown instead of overwriting a form the user is editing."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from crmdesk.models.changes import Change
from crmdesk.views.context import PageContext

log = logging.getLogger(__name__)

SERVER_POLL_MS = 1500
# A poll of the local file costs 0.2-0.4 ms (bench/live_refresh.py); at 5 s a colleague's change
# on a shared file took up to 5 s (p95 4.0 s), past the 3 s the team was promised.
LOCAL_POLL_MS = 2000
PRUNE_EVERY_MS = 3_600_000
KEEP_FEED = timedelta(days=1)


class LiveRefresh(QObject):
    remote_changed = Signal(object)  # models.change_feed.RemoteChange, one per feed entry

    def __init__(
        self,
        ctx: PageContext,
        parent: QObject | None = None,
        *,
        interval_ms: int | None = None,
        active: Callable[[], bool] = lambda: True,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """active(): False while the window closes (no new poll starts then)."""
        super().__init__(parent)
        from crmdesk.models.change_feed import FeedCursor  # the database layer, when attached

        self.ctx = ctx
        self.db = ctx.workspace.db
        self.cursor = FeedCursor(self.db.client_id)
        self._active, self._monotonic = active, monotonic
        self._stopped = False  # stop(): nothing more until start()
        self._started = False  # the cursor knows where the feed ends
        self._polling = False
        self.polls = self.failures = 0  # for tests and the bench
        if interval_ms is None:
            interval_ms = LOCAL_POLL_MS if self.db.is_local else SERVER_POLL_MS
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.prune_timer = QTimer(self, interval=PRUNE_EVERY_MS)
        self.prune_timer.timeout.connect(self._on_prune_timer_timeout)

    def start(self) -> None:
        self._stopped = False
        self.timer.start()
        self.prune_timer.start()
        self.poll_now()

    def stop(self) -> None:
        """No more polls or pruning (the window closes: MainWindow.closeEvent, before it waits
        for the runner); a poll already on its way is not delivered."""
        self._stopped = True
        self.timer.stop()
        self.prune_timer.stop()

    @property
    def busy(self) -> bool:
        return self._polling

    def poll_now(self) -> None:
        """Read the feed now, unless a poll is on its way already."""
        if self._polling or self._stopped or not self._active():
            return
        self._polling = True
        self.ctx.runner.read(self._poll, self._on_polled, self._on_poll_failed, owner=self)

    def _poll(self) -> list:  # off the GUI thread; one at a time, so the cursor is ours
        now = self._monotonic()
        if not self._started:
            self.db.read(lambda s: self.cursor.start(s, now))
            self._started = True
            return []
        return self.db.read(lambda s: self.cursor.poll(s, now))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.poll_now()

    def _on_polled(self, changes: list) -> None:
        from crmdesk.models.change_feed import merged

        self._polling = False
        if self._stopped:
            return
        self.polls += 1
        if not changes:
            return
        change = merged(changes)
        if not change.empty:
            self.ctx.broadcast(change)
        for remote in changes:
            self.remote_changed.emit(remote)

    def _on_poll_failed(self, exc: BaseException) -> None:
        self._polling = False
        self.failures += 1
        log.info("the change feed could not be read: %r", exc)  # the next tick tries again

    @Slot()
    def _on_prune_timer_timeout(self) -> None:
        from crmdesk.models.change_feed import prune_feed, prune_receipts

        if self._stopped or not self._active():
            return
        before = datetime.now(UTC).replace(tzinfo=None) - KEEP_FEED  # as the feed stores it
        db = self.db

        def prune() -> None:
            db.write(lambda s: prune_feed(s, before))
            db.write(lambda s: prune_receipts(s, before))

        self.ctx.runner.write(
            prune, None, lambda exc: log.info("the change feed was not pruned: %r", exc)
        )


def install_live_refresh(window) -> LiveRefresh:
    """Start polling for the window (MainWindow.attach calls it): its context, runner and bus.
    Kept as window.live_refresh."""
    live = LiveRefresh(window.ctx, window, active=lambda: not getattr(window, "_closing", False))
    window.live_refresh = live
    live.start()
    return live


class RemoteEditNotice(QFrame):
    """Over the detail panel's tabs: a colleague changed the customer whose form the user is
    editing. The form keeps what was typed (the panel reads the card but leaves an edited form
    alone); Reload puts their version in the form. Not shown when nothing is being edited: the
    panel then shows their version at once."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel)
        self.setObjectName("remoteEditNotice")
        self.panel = panel
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Show their version (your edits are dropped)"))
        self.reload_button.clicked.connect(self._on_reload_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        box = panel.layout()
        box.insertWidget(box.indexOf(panel.banner) + 1, self)
        panel.ctx.bus.changed.connect(self._on_data_changed)
        self.hide()

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        panel = self.panel
        if panel.customer_id is None or not change.affects(panel.customer_id):
            return
        gone = change.kinds == {"deleted"} and panel.customer_id in change.customer_ids
        if change.remote and gone and panel.has_unsaved():
            # The panel keeps the form up (customer_detail._on_data_changed): what was typed
            # can still be copied; a save would find the customer gone and say so.
            name = change.by or self.tr("A colleague")
            self.label.setText(
                self.tr(
                    "{name} deleted this customer just now (it is in the recycle bin). What you "
                    "typed is still here: copy it, or ask them to restore the customer."
                ).format(name=name)
            )
            self.reload_button.hide()
            self.show()
        elif change.remote and panel.is_dirty():
            name = change.by or self.tr("A colleague")
            self.label.setText(self.tr("{name} changed this customer just now.").format(name=name))
            self.reload_button.show()
            self.show()
        elif not panel.is_dirty():
            self.hide()  # saved or put back since: the form is what is stored

    @Slot()
    def _on_reload_clicked(self) -> None:
        self.hide()
        self.panel.revert_button.click()  # the form refilled with what is stored now
