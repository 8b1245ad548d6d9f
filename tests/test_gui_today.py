"""The Today page and the pool's reminders on the customer page, driven as a user would on a
real SQLite database: what is due, what is about to go back to the pool (in the list and the
detail too), notifications read, and an item opening its customer in the window."""

from __future__ import annotations

from datetime import timedelta

from gui_helpers import make_page, page_names
from helpers import NOW
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import update

from crmdesk.models import pool
from crmdesk.models.follow_ups import FollowUpInput
from crmdesk.models.pool_actions import notify
from crmdesk.models.schema import Customer
from crmdesk.models.workspace import Workspace
from crmdesk.views.context import PageContext
from crmdesk.views.main_window import MainWindow
from crmdesk.views.today_page import TodayPage


def as_user(ws, user) -> Workspace:
    return Workspace(ws.db, user, clock=lambda: NOW)


def setup(ws):
    """rep_s1's two customers: 深圳科达 has a follow-up overdue, 杭州云帆 is two days from going
    back to the everyone's pool (no follow-up for 30 days); one notification for rep_s1."""
    p = ws.people
    rep = as_user(ws, p.rep_s1)
    rows = {r.name: r.id for r in rep.list_customers(rep_query(), 0, 10)}
    kd, yf = rows["深圳科达电子有限公司"], rows["杭州云帆网络有限公司"]
    rep.add_follow_up(kd, FollowUpInput("call", "报价", NOW - timedelta(days=3),
                                        NOW - timedelta(hours=5)))  # fmt: skip
    with ws.db.writing() as s:
        pool.ensure_defaults(s, NOW)
        [everyone] = pool.list_pools(s)
        data = pool.PoolInput(name=everyone.name, everyone=True, warn_days=3,
                              rules=(pool.RuleRow("no_follow_up", 30),))  # fmt: skip
        pool.save_pool(s, p.admin, everyone.id, data, NOW, everyone.version)
        s.execute(update(Customer).where(Customer.id == yf).values(
            received_at=NOW - timedelta(days=28), last_follow_up_at=None))  # fmt: skip
        notify(s, [p.rep_s1.id], "assigned", NOW, customer_id=kd, pool_id=everyone.id,
               detail="Ada Admin")  # fmt: skip
    return kd, yf


def rep_query():
    from crmdesk.models.customer_list import CustomerQuery

    return CustomerQuery(scope="mine")


def texts(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_today_lists_what_is_due_and_marks_notifications_read(qtbot, ws):
    kd, yf = setup(ws)
    page = TodayPage(PageContext(as_user(ws, ws.people.rep_s1)))
    qtbot.addWidget(page)
    page.show()
    [due] = texts(page.follow_ups)
    assert due.startswith("深圳科达电子有限公司")
    assert page.follow_ups.item(0).foreground().color().name() == "#d9363e"  # overdue: red
    [going] = texts(page.recycling)
    assert going.startswith("杭州云帆网络有限公司") and "in 2 day" in going
    [note] = texts(page.notifications)
    assert "深圳科达电子有限公司 assigned to you" in note and "Ada Admin" in note
    opened = []
    page.open_requested.connect(opened.append)
    page.recycling.itemActivated.emit(page.recycling.item(0))
    assert opened == [yf]
    assert page.read_button.isEnabled()
    page.read_button.click()  # the change comes back on the bus and the page reads again
    assert texts(page.notifications) == ["No new notifications."]
    assert not page.read_button.isEnabled()


def test_the_list_and_the_detail_say_when_a_customer_goes_back(qtbot, ws):
    _kd, yf = setup(ws)
    page = make_page(qtbot, as_user(ws, ws.people.rep_s1))
    column = page.model.column_index("recycle_in")
    cells = {page_names(page)[r]: page.model.index(r, column).data() for r in range(2)}
    assert cells["深圳科达电子有限公司"] == ""
    # "in 2 days" once a test before this one installed the English plurals
    assert cells["杭州云帆网络有限公司"] in ("in 2 days", "in 2 day(s)")
    page.table.selectRow(page.model.row_of_id(yf))
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    assert "returns to the pool in 2 day" in page.detail.subheading.text().replace("\u00a0", " ")


def test_an_item_of_today_opens_its_customer_in_the_window(qtbot, ws, tmp_path):
    _kd, yf = setup(ws)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(as_user(ws, ws.people.rep_s1), settings, recycle=False)
    qtbot.addWidget(window)
    window.show()
    window.show_page("today")
    today = window.page("today")
    qtbot.waitUntil(lambda: today.recycling.count() == 1)
    item = today.recycling.visualItemRect(today.recycling.item(0)).center()
    qtbot.mouseClick(today.recycling.viewport(), Qt.MouseButton.LeftButton, pos=item)
    qtbot.mouseDClick(today.recycling.viewport(), Qt.MouseButton.LeftButton, pos=item)
    assert window.current_page() == "customers"
    qtbot.waitUntil(lambda: window.customers.detail.customer_id == yf)


def test_the_window_runs_the_recycle_pass(qtbot, ws, tmp_path):
    _kd, yf = setup(ws)
    with ws.db.writing() as s:  # now overdue for recycling
        s.execute(update(Customer).where(Customer.id == yf).values(
            received_at=NOW - timedelta(days=40)))  # fmt: skip
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(as_user(ws, ws.people.rep_s1), settings, recycle=False)
    qtbot.addWidget(window)
    window.show()
    page = window.customers
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    window._on_recycle_timer_timeout()  # what the hourly timer does
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    qtbot.waitUntil(lambda: page_names(page) == ["深圳科达电子有限公司"], timeout=5000)
    window.close()
    window.runner.wait()


def test_a_comment_on_ones_report_shows_on_today_in_words(qtbot, ws):
    from crmdesk.models import work_reports as wr

    p = ws.people
    rep = as_user(ws, p.rep_n1)
    day = NOW.date()
    start = wr.period_of_report("weekly", day)[0]
    daily = rep.save_work_report(wr.ReportInput("daily", day, done="拜访", submit=True)).value
    weekly = rep.save_work_report(wr.ReportInput("weekly", start, done="周报", submit=True)).value
    as_user(ws, p.manager_n).comment_work_report(daily.id, "很好")
    rep.comment_work_report(daily.id, "收到")  # one's own reply: no notice
    page = TodayPage(PageContext(rep))
    qtbot.addWidget(page)
    page.show()
    [note] = texts(page.notifications)
    assert note.endswith(f"Nina North commented on your daily report of {day.isoformat()}")
    as_user(ws, p.admin).comment_work_report(weekly.id, "ok")
    page.reload()
    assert texts(page.notifications)[0].endswith(
        f"{p.admin.name} commented on your weekly report for the week of {start.isoformat()}"
    )
    page.notifications.itemActivated.emit(page.notifications.item(0))  # opens nothing, no error
