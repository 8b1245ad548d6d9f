"""The customer detail panel driven as a user would, on a real SQLite database: the card,
saving, conflicts, contacts and follow-ups."""

from __future__ import annotations

import pytest
from gui_helpers import QueueRunner, make_page, page_names, type_text
from helpers import NOW
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from crmdesk.views import prompts
from crmdesk.views.contact_dialog import ContactDialog


def test_detail_add_follow_up_updates_timeline(qtbot, ws):
    page = make_page(qtbot, ws)
    page.table.selectRow(0)
    detail = page.detail
    assert detail.detail is not None
    detail.fu_kind.setCurrentIndex(detail.fu_kind.findData("visit"))
    type_text(qtbot, detail.fu_content, "上门拜访，客户很满意 <b>")
    qtbot.mouseClick(detail.fu_add, Qt.MouseButton.LeftButton)
    assert "上门拜访，客户很满意 <b>" in detail.timeline.toPlainText()  # escaped, not markup
    assert detail.detail.last_follow_up_at == NOW
    assert detail.fu_content.toPlainText() == ""


def test_a_save_that_returns_after_the_user_moved_on_touches_nothing_shown(qtbot, ws):
    """Save A, select B before the save returns: the panel keeps showing B, and text typed
    meanwhile is not replaced."""
    runner = QueueRunner()
    page = make_page(qtbot, ws, runner)
    runner.run_all()
    names = page_names(page)
    page.table.selectRow(names.index("北京星辰科技有限公司"))
    runner.run_all()
    detail = page.detail
    detail.form.city.setText("宁波")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)  # queued, not run yet
    page.table.selectRow(names.index("上海华信贸易有限公司"))
    runner.jobs.insert(0, runner.jobs.pop())  # B's card (asked last) arrives first…
    runner.run_next()
    detail.form.notes.setPlainText("正在为B写的备注")
    runner.run_all()  # …then A's save, and the reloads it causes
    assert detail.detail.data.name == "上海华信贸易有限公司"
    assert detail.heading.text() == "上海华信贸易有限公司"
    assert detail.form.notes.toPlainText() == "正在为B写的备注"
    assert (
        ws.customer_card(page.model.id_at(names.index("北京星辰科技有限公司"))).detail.data.city
        == "宁波"
    )


def test_cancel_on_a_duplicate_phone_reopens_the_contact_with_what_was_typed(
    qtbot, ws, monkeypatch, answers
):
    page = make_page(qtbot, ws)
    page.table.selectRow(page_names(page).index("杭州云帆网络有限公司"))
    detail = page.detail
    opened = []

    def fake_exec(dialog):
        opened.append(dialog.value())
        if len(opened) == 1:
            dialog.name.setText("新联系人")
            dialog.email.setText("new@example.com")
            dialog.mobile.setText("138-1234-5678")  # 北京星辰科技's
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ContactDialog, "exec", fake_exec)
    answers.give("ask_duplicate", ("cancel", 0))
    detail._on_add_contact_clicked()
    assert len(opened) == 2
    again = opened[1]
    assert (again.name, again.email, again.mobile) == (
        "新联系人",
        "new@example.com",
        "138-1234-5678",
    )


def test_adding_a_contact_with_a_known_mobile_warns(qtbot, ws, monkeypatch, answers):
    page = make_page(qtbot, ws)
    page.table.selectRow(page_names(page).index("杭州云帆网络有限公司"))
    detail = page.detail
    warned = []

    def fake_exec(dialog):
        if warned:  # opened again after the warning: the user closes it this time
            return QDialog.DialogCode.Rejected
        dialog.name.setText("新联系人")
        dialog.mobile.setText("138-1234-5678")  # 王小明's mobile at 北京星辰科技
        return QDialog.DialogCode.Accepted

    def fake_warning(parent, duplicates):
        warned.append(prompts.duplicate_text(duplicates))
        return ("cancel", 0)

    monkeypatch.setattr(ContactDialog, "exec", fake_exec)
    monkeypatch.setattr(prompts, "ask_duplicate", fake_warning)
    detail._on_add_contact_clicked()
    assert warned and "北京星辰科技有限公司" in warned[0] and "张伟" in warned[0]
    assert [c.data.name for c in ws.customer_card(detail.detail.id).contacts] == ["赵敏"]


def test_problems_show_beside_the_fields_not_in_a_box(qtbot, ws, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from crmdesk.models.checks import TEXT_LIMIT

    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box.text()) or 0)
    page = make_page(qtbot, ws)
    page.table.selectRow(0)
    detail = page.detail
    detail.form.name.clear()
    type_text(qtbot, detail.form.city, "x")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert detail.form_problems.isVisibleTo(detail) and "Name" in detail.form_problems.text()
    assert detail.form.name.property("invalid") is True
    assert detail.form.city.property("invalid") is not True
    type_text(qtbot, detail.form.name, "改名")  # typing again puts the complaint away
    assert not detail.form_problems.isVisibleTo(detail)
    assert detail.form.name.property("invalid") is False
    detail.tabs.setCurrentIndex(2)
    too_long = "x" * (TEXT_LIMIT + 1)  # past what the log keeps
    detail.fu_content.setPlainText(too_long)
    qtbot.mouseClick(detail.fu_add, Qt.MouseButton.LeftButton)
    problems = detail.follow_up_tab.problems
    assert problems.isVisibleTo(detail) and "too long" in problems.text()
    assert detail.fu_content.toPlainText() == too_long  # nothing typed is lost
    assert boxes == []


def test_the_date_picker_writes_the_month_the_chinese_way(qtbot):
    from PySide6.QtCore import QDate, QLocale
    from PySide6.QtWidgets import QCalendarWidget, QToolButton

    from crmdesk.views.customer_tabs import FollowUpTab

    tab = FollowUpTab()
    qtbot.addWidget(tab)
    calendar = tab.next_at.calendarWidget()
    assert calendar.horizontalHeaderFormat() == QCalendarWidget.HorizontalHeaderFormat.ShortDayNames
    calendar.setLocale(QLocale("zh_CN"))
    calendar.setCurrentPage(2026, 11)
    calendar.setSelectedDate(QDate(2026, 11, 23))
    year = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
    month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    assert (year.text(), month.text()) == ("2026年", "11月")
    bar = month.parentWidget()
    assert bar.layout().indexOf(year) < bar.layout().indexOf(month)  # the year first


def test_the_heading_line_wraps_between_its_parts_never_inside_one(qtbot, ws):
    page = make_page(qtbot, ws)
    page.table.selectRow(0)
    text = page.detail.subheading.text()
    parts = text.split(" · ")
    assert len(parts) == 4  # owner, level, last and next follow-up
    assert all(" " not in part for part in parts)  # each part's spaces do not break


def laid_out(text: str, width: int) -> list[str]:
    """The lines a word-wrapping label of this width shows the text in."""
    from PySide6.QtGui import QTextLayout, QTextOption
    from PySide6.QtWidgets import QApplication

    layout = QTextLayout(text, QApplication.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


@pytest.mark.parametrize(
    "parts",
    [
        ["负责人：张三丰", "B 级", "最近跟进：2026-12-06 06:28", "下次：2026-12-08 10:00"],
        ["In the pool 公海 since 2026-12-06", "Level B", "Last follow-up: 2026-12-06 06:28"],
    ],
)
def test_a_heading_wraps_between_its_parts_never_inside_one(qtbot, parts):
    """CJK text breaks between any two characters and after a full-width colon, English after
    a hyphen: without the word joiners, 最近跟进： ended a line and its date began the next,
    and "Last follow-" one line and "up:" the next."""
    from crmdesk.views.customer_tabs import one_line

    text = " · ".join(map(one_line, parts))
    assert text.replace("\u2060", "").replace("\u00a0", " ") == " · ".join(parts)
    for width in range(40, 400, 10):
        lines = laid_out(text, width)
        for line in lines:
            shown = line.replace("\u2060", "").replace("\u00a0", " ").strip(" ·")
            assert not shown or all(p in parts for p in shown.split(" · ")), (width, lines)


def test_a_conflict_shows_their_value_and_mine_per_field(qtbot, ws, answers):
    from PySide6.QtWidgets import QMessageBox

    from crmdesk.models.customers import CustomerInput
    from crmdesk.models.workspace import Workspace
    from crmdesk.views.errors import error_text

    page = make_page(qtbot, ws)
    page.table.selectRow(page_names(page).index("北京星辰科技有限公司"))
    detail = page.detail
    qtbot.waitUntil(lambda: detail.detail is not None)
    cid = detail.detail.id
    detail.form.city.setText("北京")
    detail.form.address.setText("朝阳区")  # only mine: it merges, nothing to show
    colleague = Workspace(ws.db, ws.people.manager_n, clock=lambda: NOW)
    base = colleague.customer(cid)
    colleague.update_customer(
        cid, CustomerInput(name=base.data.name, city="杭州", notes="经理写的"), base
    )
    answers.give("ask_conflict", "cancel")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    question, (_panel, conflict, _losses) = answers.asked[-1]
    text = error_text(conflict)
    assert text.endswith("\n\nCity: theirs “杭州”, yours “北京”"), text
    assert "Address:" not in text and "Notes:" not in text  # theirs alone: no choice there
    box = QMessageBox(QMessageBox.Icon.Warning, "Changed by a colleague", text)
    qtbot.addWidget(box)
    box.show()
    box.grab().save("/tmp/conflict.png")


def test_the_panel_is_built_a_part_at_a_time_while_the_list_waits(qtbot, ws, monkeypatch):
    """Once the first rows are shown the detail panel is built a part each pass of the event
    loop, never whole in one (it kept the window from answering for 52-84 ms), and shown when
    whole: the first selection finds it ready."""
    from PySide6.QtCore import QCoreApplication

    from crmdesk.views import detail_host
    from crmdesk.views.customer_detail import CustomerDetailPanel

    monkeypatch.setattr(detail_host, "PREBUILD_AFTER_MS", 0)  # not 0.3 s after the count
    steps: list[bool] = []
    real = CustomerDetailPanel.build_step
    monkeypatch.setattr(
        CustomerDetailPanel, "build_step", lambda self: steps.append(True) or real(self)
    )
    page = make_page(qtbot, ws)  # the first page comes at once (SyncRunner)
    assert page._detail is None and steps == []
    QCoreApplication.processEvents()  # one pass: a part (two, when a busy machine makes the
    # next one due within it), never the whole panel
    assert 1 <= len(steps) < 8 and page._detail is None
    qtbot.waitUntil(lambda: page._detail is not None)
    assert len(steps) >= 8  # the details, six more tabs and the rest: a pass each
    panel = page._detail
    assert page.findChildren(CustomerDetailPanel) == [panel] and panel.isVisible()
    page.table.selectRow(0)
    assert page.detail is panel and panel.detail is not None
    assert panel.detail.data.name == page_names(page)[0]


def test_a_selection_before_the_panel_is_whole_finishes_it(qtbot, ws, monkeypatch):
    from crmdesk.views import detail_host
    from crmdesk.views.customer_detail import CustomerDetailPanel

    monkeypatch.setattr(detail_host, "PREBUILD_AFTER_MS", 0)
    page = make_page(qtbot, ws)
    page.table.selectRow(1)  # before any part was built
    panel = page._detail
    assert panel is not None and panel.whole()
    assert panel.detail is not None and panel.detail.data.name == page_names(page)[1]
    qtbot.wait(100)  # the pending part (due at once) finds nothing left to do
    assert page.findChildren(CustomerDetailPanel) == [panel] and page.detail is panel


def test_a_part_that_fails_leaves_no_half_panel(qtbot, ws, monkeypatch):
    """A part of the panel that raises while it is built in the background: the half-built
    panel is dropped, and the next selection builds a whole one and shows the customer."""
    from crmdesk.views import customer_deals, detail_host
    from crmdesk.views.customer_detail import CustomerDetailPanel

    monkeypatch.setattr(detail_host, "PREBUILD_AFTER_MS", 0)
    real = customer_deals.CustomerDealsTab.__init__
    failed: list[bool] = []

    def once(self, *args, **kwargs):
        if not failed:
            failed.append(True)
            raise RuntimeError("a part that fails")
        real(self, *args, **kwargs)

    monkeypatch.setattr(customer_deals.CustomerDealsTab, "__init__", once)
    page = make_page(qtbot, ws)
    qtbot.waitUntil(lambda: bool(failed) and page._building is None)
    assert page._detail is None
    page.table.selectRow(0)
    panel = page.detail
    assert panel.whole() and panel.detail is not None
    assert panel.detail.data.name == page_names(page)[0]
    assert panel.tabs.count() == 7
    qtbot.wait(50)
    assert [p for p in page.findChildren(CustomerDetailPanel) if p.isVisible()] == [panel]


def test_the_seven_tabs_fit_the_default_width_in_chinese(qtbot, ws):
    """At the width the customer page gives the panel (~380 px), the Chinese tab titles all
    show: Fusion's padding hid 历史记录 behind the tab bar's scroll arrows."""
    from PySide6.QtWidgets import QToolButton

    from crmdesk.views.context import PageContext
    from crmdesk.views.customer_detail import CustomerDetailPanel

    panel = CustomerDetailPanel(PageContext(ws))
    qtbot.addWidget(panel)
    titles = ["资料", "联系人", "跟进记录", "协作人", "商机", "合同", "历史记录"]
    for i, title in enumerate(titles):
        panel.tabs.setTabText(i, title)
    panel.resize(380, 600)
    panel.show()
    panel._show_state(True)  # the tabs, as for a customer shown
    bar = panel.tabs.tabBar()
    qtbot.waitUntil(lambda: bar.isVisible() and bar.width() > 0)
    assert bar.tabRect(len(titles) - 1).right() < bar.width()
    assert not any(b.isVisible() for b in bar.findChildren(QToolButton))  # no scroll arrows
