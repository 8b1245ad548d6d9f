"""A lost server connection as the user meets it, on PostgreSQL and MariaDB: the banner over the
pages with its countdown and back-off, Retry now, "Connected again." and every page reloading,
a save cut off in the middle sent again once with its key (landing exactly once, also when its
first attempt had committed), and dialogs keeping what was typed. The connection is really
cut: the server ends the client's session, or a relay between them is unplugged."""

from __future__ import annotations

import pytest
from connection_helpers import FlakyLink, cut_before
from gui_helpers import make_page, type_text
from helpers import NOW, People
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import func, select

from crmdesk.models.customers import CustomerInput
from crmdesk.models.database import Database, create_db_engine
from crmdesk.models.errors import ConnectionLost
from crmdesk.models.schema import Customer, FollowUp
from crmdesk.models.schema_team import WriteReceipt
from crmdesk.models.workspace import Workspace
from crmdesk.tasks import SyncRunner
from crmdesk.views.connection_watch import (
    BACKOFF_S,
    ConnectionBanner,
    ConnectionWatch,
    install_connection_watch,
)
from crmdesk.views.context import BROAD_CHANGE, PageContext
from crmdesk.views.customer_dialog import CustomerDialog
from crmdesk.views.errors import error_text

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def server(db):
    if db.is_local:
        pytest.skip("a SQLite file has no server connection to lose")
    people = People(db)
    ws = Workspace(db, people.admin, clock=lambda: NOW)
    for name in ("北京星辰科技有限公司", "上海华信贸易有限公司"):
        ws.create_customer(CustomerInput(name=name, level="A"))
    return db, people


@pytest.fixture
def boxes(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    return shown


@pytest.fixture
def link(server):
    db, _people = server
    relay = FlakyLink(db.engine.url.host or "127.0.0.1", db.engine.url.port)
    remote = Database(create_db_engine(relay.url(db)))
    relay.db = remote
    yield relay
    remote.close()
    relay.close()


class Watched:
    """A context on a synchronous runner with the connection watch installed, and what the
    window would have shown: notices, changes, the banner's countdowns."""

    def __init__(self, qtbot, ws: Workspace, tick_ms: int) -> None:
        self.runner = SyncRunner()
        self.ctx = PageContext(ws, self.runner)
        self.banner = ConnectionBanner()
        qtbot.addWidget(self.banner)
        self.watch = ConnectionWatch(self.ctx, self.banner, tick_ms=tick_ms)
        self.runner.add_failure_listener(self.watch.on_task_failed)
        self.ctx.connection = self.watch
        self.notices: list[str] = []
        self.changes: list = []
        self.waits: list[int] = []  # each countdown's length, in order
        self.ctx.bus.notice.connect(lambda notice: self.notices.append(notice.text))
        self.ctx.bus.changed.connect(self.changes.append)
        started = self.watch._wait

        def wait(seconds: int) -> None:
            self.waits.append(seconds)
            started(seconds)

        self.watch._wait = wait

    @property
    def banner_text(self) -> str:
        return self.banner.text.text() if not self.banner.isHidden() else ""


def _count(db: Database, model, *where) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).select_from(model).where(*where)))


def test_the_banner_counts_down_backs_off_and_goes_when_the_server_answers(
    qtbot, server, link, boxes
):
    db, people = server
    ws = Workspace(link.db, people.admin, clock=lambda: NOW)
    w = Watched(qtbot, ws, tick_ms=5)
    page = make_page(qtbot, ws, ctx=w.ctx)
    assert page.model.rowCount() == 2 and w.banner.isHidden()
    link.down()  # the server is being restarted: sessions end, new ones are refused
    page.reload()
    assert "The connection to the server was lost. Retrying in 1 s…" == w.banner_text
    assert w.watch.down and boxes == []  # one strip, no message box per failed read
    qtbot.waitUntil(lambda: w.watch.probes >= 4, timeout=10_000)
    assert w.waits[:4] == [1, 2, 4, 8] and link.refused >= 3  # each probe really asked
    assert w.watch.down and "Retrying in" in w.banner_text
    ws.db.close()  # nothing of the dead sessions lingers in the pool
    before = len(w.changes)
    link.up()
    w.watch.retry_now()  # as the banner's button does (tested below)
    assert not w.watch.down and w.banner.isHidden()
    assert w.notices[-1] == "Connected again."
    assert w.changes[before:] == [BROAD_CHANGE]  # every page reloads what it shows
    assert page.model.rowCount() == 2 and boxes == []
    assert BACKOFF_S == (1, 2, 4, 8, 16, 30)


def test_a_save_cut_off_waits_for_the_server_and_lands_exactly_once(qtbot, server, boxes):
    db, people = server
    ws = Workspace(db, people.admin, clock=lambda: NOW)
    w = Watched(qtbot, ws, tick_ms=60_000)  # no probe unless asked: Retry now
    dialog = CustomerDialog(w.ctx, None)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.form.name, "断线时新建的客户")
    with cut_before(db, "INSERT INTO customers") as killed:
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert len(killed) == 1
    assert w.banner_text == (
        "The connection to the server was lost. Retrying in 1 s… What you saved is kept and is "
        "sent as soon as it answers."
    )  # the dialog's Save is disabled: the banner says why
    # The dialog waits, open, with what was typed; nothing is saved yet.
    assert dialog.result() == 0 and not dialog.save_button.isEnabled()
    assert dialog.form.name.text() == "断线时新建的客户" and dialog.problems.isHidden()
    assert _count(db, Customer, Customer.name == "断线时新建的客户") == 0
    qtbot.mouseClick(w.banner.retry, LEFT)
    assert w.banner.isHidden() and not w.watch.down
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.created_id is not None
    assert _count(db, Customer, Customer.name == "断线时新建的客户") == 1
    assert _count(db, WriteReceipt) == 1  # the retry carried the first attempt's key
    assert "Connected again." in w.notices and boxes == []


def test_a_save_whose_answer_was_lost_counts_as_done(qtbot, server, link, boxes):
    """The server committed; the answer to the COMMIT never came back. The retry with the
    same key finds the first attempt: nothing is written twice, the dialog closes."""
    _db, people = server
    ws = Workspace(link.db, people.admin, clock=lambda: NOW)
    w = Watched(qtbot, ws, tick_ms=60_000)
    dialog = CustomerDialog(w.ctx, None)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.form.name, "提交后断线的客户")
    link.lose_next_commit_answer()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert w.watch.down and dialog.result() == 0  # the user cannot know it landed
    assert _count(link.db, Customer, Customer.name == "提交后断线的客户") == 1
    w.changes.clear()
    qtbot.mouseClick(w.banner.retry, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert w.notices[-1] == "Saved before the connection dropped."
    assert w.changes == [BROAD_CHANGE, BROAD_CHANGE]  # the reconnection's, and the save's
    assert _count(link.db, Customer, Customer.name == "提交后断线的客户") == 1
    assert boxes == []


def test_a_follow_up_cut_off_twice_keeps_its_text_and_says_so(qtbot, server, boxes):
    """Retried once only: the second loss is told, and what was typed stays in the form."""
    db, people = server
    ws = Workspace(db, people.admin, clock=lambda: NOW)
    w = Watched(qtbot, ws, tick_ms=60_000)
    page = make_page(qtbot, ws, ctx=w.ctx)
    page.table.selectRow(0)
    detail = page.detail
    type_text(qtbot, detail.fu_content, "断线时写的跟进")
    with cut_before(db, "INSERT INTO follow_ups", times=2) as killed:
        qtbot.mouseClick(detail.fu_add, LEFT)
        assert w.watch.down and not detail.fu_add.isEnabled()
        qtbot.mouseClick(w.banner.retry, LEFT)  # back: sent again, and cut again
    assert len(killed) == 2
    assert boxes == [error_text(ConnectionLost())]
    assert detail.fu_content.toPlainText() == "断线时写的跟进" and detail.fu_add.isEnabled()
    assert _count(db, FollowUp) == 0
    assert w.watch.down  # the second loss shows the banner again
    qtbot.mouseClick(w.banner.retry, LEFT)
    qtbot.mouseClick(detail.fu_add, LEFT)  # the user adds it again: it lands, once
    assert _count(db, FollowUp) == 1 and detail.fu_content.toPlainText() == ""


def test_the_window_shows_the_banner_over_its_pages_on_the_real_runner(
    qtbot, server, tmp_path, boxes
):
    from crmdesk.views.main_window import MainWindow

    db, people = server
    ws = Workspace(db, people.admin, clock=lambda: NOW)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings, recycle=False)
    qtbot.addWidget(window)
    window.show()
    watch = install_connection_watch(window)
    assert watch is not None and window.ctx.connection is watch
    assert install_connection_watch(window) is watch  # attach twice: one watch
    area = window.stack.parentWidget()
    assert area.objectName() == "pageArea" and watch.banner.parentWidget() is area
    assert watch.banner.isHidden()
    watch._tick.setInterval(50)
    with cut_before(db, "INSERT INTO customers"):
        window.ctx.write(lambda: ws.create_customer(CustomerInput(name="窗口里断线")), owner=window)
        qtbot.waitUntil(lambda: not watch.banner.isHidden(), timeout=10_000)
        assert watch.banner.isVisible()  # in the window, above the pages
        assert watch.banner.geometry().bottom() < window.stack.geometry().top() + 20
    qtbot.waitUntil(
        lambda: _count(db, Customer, Customer.name == "窗口里断线") == 1, timeout=15_000
    )
    qtbot.waitUntil(lambda: watch.banner.isHidden(), timeout=5_000)
    assert _count(db, Customer, Customer.name == "窗口里断线") == 1 and boxes == []
    window.runner.wait()


def test_a_local_file_is_not_watched(qtbot, ws, tmp_path):
    from crmdesk.views.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings, recycle=False)
    qtbot.addWidget(window)
    assert install_connection_watch(window) is None and window.ctx.connection is None


def test_the_broad_change_names_every_kind_the_services_record():
    """After a reconnection every page must reload: a kind missing from EVERY_KIND would leave
    the page that listens for it showing what it showed before the drop."""
    import re
    from pathlib import Path

    import crmdesk.models
    from crmdesk.models.changes import EVERY_KIND

    source = "\n".join(
        path.read_text(encoding="utf-8")
        for path in Path(crmdesk.models.__file__).parent.glob("*.py")
    )
    recorded = set(re.findall(r"\b(?:record|change_of)\([^()\"]*?\"([a-z_]+)\"", source))
    recorded |= set(re.findall(r"^CHANGE = \"([a-z_]+)\"", source, re.MULTILINE))
    assert {"created", "ownership", "deals", "work_reports"} <= recorded  # the scan works
    assert recorded <= EVERY_KIND


def test_the_change_feed_poll_finds_the_lost_server_and_the_window_recovers(
    qtbot, server, link, tmp_path
):
    """Nobody clicks anything: the live refresh's poll is what runs into the dead server. The
    banner comes, and goes once the server is back; the window keeps working."""
    from crmdesk.views.live_refresh import install_live_refresh
    from crmdesk.views.main_window import MainWindow

    _db, people = server
    ws = Workspace(link.db, people.admin, clock=lambda: NOW)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings, recycle=False)
    qtbot.addWidget(window)
    window.show()
    watch = install_connection_watch(window)
    live = window.live_refresh if hasattr(window, "live_refresh") else install_live_refresh(window)
    live.timer.setInterval(100)
    watch._tick.setInterval(20)
    qtbot.waitUntil(lambda: live.polls >= 1, timeout=10_000)
    link.down()
    qtbot.waitUntil(lambda: not watch.banner.isHidden(), timeout=10_000)
    # Under load a page's read may meet the dead server first; the poll's turn comes next.
    qtbot.waitUntil(lambda: live.failures >= 1, timeout=10_000)
    assert watch.down
    qtbot.waitUntil(lambda: watch.probes >= 2, timeout=10_000)  # still down: probing on
    assert not watch.banner.isHidden()
    link.up()
    qtbot.waitUntil(lambda: watch.banner.isHidden() and not watch.down, timeout=15_000)
    polls = live.polls
    qtbot.waitUntil(lambda: live.polls > polls + 1, timeout=10_000)  # polling again
    assert window.notice_line.text.text() == "Connected again."
    window.runner.cancel_all()
    window.runner.wait()


def test_a_caller_that_needs_the_lost_value_gets_the_notice_not_a_traceback(
    qtbot, server, link, boxes
):
    _db, people = server
    ws = Workspace(link.db, people.admin, clock=lambda: NOW)
    w = Watched(qtbot, ws, tick_ms=60_000)
    owner = QDialog()
    qtbot.addWidget(owner)
    claimed: list = []
    assert _count(link.db, Customer) == 2  # connected: the COMMIT cut is the write's own
    link.lose_next_commit_answer()
    w.ctx.write(
        lambda: ws.create_customer(CustomerInput(name="值丢了")),
        lambda result: claimed.append(result.value.real),  # None has no .real: AttributeError
        owner=owner,
    )
    assert w.watch.down and _count(link.db, Customer, Customer.name == "值丢了") == 1
    w.watch.retry_now()
    assert claimed == [] and w.notices[-1] == "Saved before the connection dropped."
    assert _count(link.db, Customer, Customer.name == "值丢了") == 1 and boxes == []


def test_the_customer_dialog_keeps_what_was_typed_when_the_retry_fails_too(qtbot, server, boxes):
    db, people = server
    ws = Workspace(db, people.admin, clock=lambda: NOW)
    w = Watched(qtbot, ws, tick_ms=60_000)
    dialog = CustomerDialog(w.ctx, None)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.form.name, "两次断线的客户")
    type_text(qtbot, dialog.contact_name, "王五")
    with cut_before(db, "INSERT INTO customers", times=2):
        qtbot.mouseClick(dialog.save_button, LEFT)
        qtbot.mouseClick(w.banner.retry, LEFT)
    assert dialog.result() == 0 and dialog.save_button.isEnabled()
    assert dialog.problems.text() == error_text(ConnectionLost())  # said in the dialog
    assert dialog.form.name.text() == "两次断线的客户" and dialog.contact_name.text() == "王五"
    assert _count(db, Customer, Customer.name == "两次断线的客户") == 0 and boxes == []
    qtbot.mouseClick(w.banner.retry, LEFT)
    qtbot.mouseClick(dialog.save_button, LEFT)  # Save again, once the server is back
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _count(db, Customer, Customer.name == "两次断线的客户") == 1


def test_closing_the_window_stops_the_watch_and_the_live_refresh(qtbot, ws, tmp_path):
    """MainWindow.closeEvent stops both before it waits for the runner: no probe or poll is
    sent to the database open_in_new_window closes next (a probe reopened its pool)."""
    from crmdesk.views.live_refresh import install_live_refresh
    from crmdesk.views.main_window import MainWindow, window_title

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings, recycle=False)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == window_title(ws.actor.name, ws.db)
    assert ws.actor.name in window.windowTitle() and "@" in window.windowTitle()
    watch = ConnectionWatch(window.ctx, ConnectionBanner(), window, tick_ms=20)
    window.connection_watch = watch
    live = install_live_refresh(window)
    watch.lost(ConnectionLost())
    assert watch.down and watch._tick.isActive()
    waiting = []
    watch.after_reconnect(lambda: waiting.append(1))
    window.close()
    assert watch.stopped and not watch._tick.isActive() and watch._waiting == []
    assert not live.timer.isActive() and not live.prune_timer.isActive()
    qtbot.wait(100)
    live._polling = False  # the first poll's answer was dropped with the runner's tasks
    polls = live.polls
    watch._on_tick_timeout()
    watch.retry_now()
    live.poll_now()
    live._on_prune_timer_timeout()
    assert watch.probes == 0 and not live.busy and live.polls == polls and waiting == []
    watch.lost(ConnectionLost())  # a late failure report changes nothing either
    assert not watch._tick.isActive()
    window.runner.wait()
