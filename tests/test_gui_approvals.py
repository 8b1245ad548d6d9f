"""The approvals page, driven as a user would on a real SQLite database: a rep's move into 报价
with a line 25 % off waits for approval; the team's manager approves it and the deal moves;
rejecting needs a comment and keeps the deal where it was; the rep sees the request and may
cancel it; the navigation's badge follows the count; double-clicking opens the deal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from helpers import NOW
from PySide6.QtCore import QSettings, Qt

from crmdesk.models.changes import change_of
from crmdesk.models.customers import CustomerInput
from crmdesk.models.deal_rules import DealInput, LineInput
from crmdesk.models.workspace import Workspace
from crmdesk.views.approvals_page import ApprovalsPage
from crmdesk.views.context import PageContext
from crmdesk.views.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def as_user(ws, user) -> Workspace:
    return Workspace(ws.db, user, clock=lambda: NOW)


def stage(ws, code: str):
    return next(s for s in ws.pipelines()[0].stages if s.code == code)


def ask(ws, title: str = "年度采购") -> int:
    """rep_n1's new deal moved from 初步接触 to 报价 (answering what 需求分析 and 方案演示 ask):
    a line 25 % off, so the move waits for a manager's approval. The deal's id."""
    rep = as_user(ws, ws.people.rep_n1)
    pipeline = rep.pipelines()[0]
    customer_id = rep.create_customer(CustomerInput(name=f"{title}客户有限公司")).value
    line = LineInput(None, "服务器", Decimal(1), Decimal(1000), Decimal(25))
    deal_id = rep.create_deal(
        DealInput(customer_id, title, pipeline.id, expected_close=date(2027, 2, 1), lines=(line,))
    ).value
    answers = {q.code: q.id for s in pipeline.stages for q in s.questions}
    given = {answers["budget"]: "yes", answers["decision_maker"]: "王总",
             answers["demo_format"]: "远程"}  # fmt: skip
    version = rep.deal(deal_id).version
    moved = rep.move_deal(deal_id, stage(ws, "quote").id, version, given).value
    assert moved.status == "awaiting_approval"
    return deal_id


def open_page(qtbot, ws, user) -> ApprovalsPage:
    page = ApprovalsPage(PageContext(as_user(ws, user)))
    qtbot.addWidget(page)
    page.resize(1300, 600)
    page.show()
    return page


def cells(page, key: str) -> list[str]:
    column = [c.key for c in page.model.columns].index(key)
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_a_manager_approves_and_the_deal_moves(qtbot, qtmodeltester, ws):
    deal_id = ask(ws)
    page = open_page(qtbot, ws, ws.people.manager_n)
    assert page.model.rowCount() == 1
    qtmodeltester.check(page.model)
    assert cells(page, "deal") == ["年度采购"]
    assert cells(page, "amount") == ["¥750.00"]
    assert cells(page, "move") == ["Initial contact → Quotation"]
    assert cells(page, "reason") == ["a line's discount is above the limit"]
    assert cells(page, "requested_by") == [ws.people.rep_n1.name]
    assert not page.approve_button.isEnabled()  # nothing chosen yet
    assert not page.cancel_button.isVisible()

    page.select_row(0)
    qtbot.mouseClick(page.approve_button, LEFT)

    deal = as_user(ws, ws.people.rep_n1).deal(deal_id)
    assert (deal.stage_code, deal.approval) == ("quote", None)
    assert page.model.rowCount() == 0  # the list read again: nothing waits
    assert page.table.empty_text == "Nothing waits for your approval."
    page.show_combo.setCurrentIndex(1)  # Decided
    assert cells(page, "status") == ["Approved"]
    assert cells(page, "decided_by") == [ws.people.manager_n.name]


def test_rejecting_needs_a_comment_and_keeps_the_deal(qtbot, ws):
    deal_id = ask(ws)
    page = open_page(qtbot, ws, ws.people.manager_n)
    page.select_row(0)
    qtbot.mouseClick(page.reject_button, LEFT)
    assert page.problems.isVisible()
    assert "Write a comment" in page.problems.text()
    assert ws.count_pending_approvals() == 1  # nothing decided

    qtbot.keyClicks(page.comment, "Discount too deep")
    assert not page.problems.isVisible()  # being fixed
    qtbot.mouseClick(page.reject_button, LEFT)

    deal = as_user(ws, ws.people.rep_n1).deal(deal_id)
    assert (deal.stage_code, deal.approval) == ("initial", None)
    assert ws.count_pending_approvals() == 0 and page.comment.text() == ""
    page.show_combo.setCurrentIndex(1)
    assert cells(page, "status") == ["Rejected"]
    assert cells(page, "comment") == ["Discount too deep"]


def test_a_rep_sees_the_request_and_cancels_it(qtbot, ws):
    deal_id = ask(ws)
    page = open_page(qtbot, ws, ws.people.rep_n1)
    assert not page.approve_button.isVisible() and page.cancel_button.isVisible()
    assert cells(page, "deal") == ["年度采购"]
    page.select_row(0)
    qtbot.mouseClick(page.cancel_button, LEFT)
    assert as_user(ws, ws.people.rep_n1).deal(deal_id).approval is None
    assert page.model.rowCount() == 0
    # another team's rep sees nothing
    other = open_page(qtbot, ws, ws.people.rep_s1)
    assert other.model.rowCount() == 0


def test_the_navigation_badge_follows_the_count(qtbot, ws, tmp_path):
    ask(ws)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(as_user(ws, ws.people.manager_n), settings, recycle=False)
    qtbot.addWidget(window)
    window.show()
    item = window.nav.item(list(window.titles).index("approvals"))
    qtbot.waitUntil(lambda: item.text() == "Approvals (1)")
    assert not window._pipeline_menu.menuAction().isVisible()  # an admin's menu

    ask(ws, "二期扩容")  # a colleague's request, seen when a change comes on the bus
    window.bus.changed.emit(change_of("approvals"))
    qtbot.waitUntil(lambda: item.text() == "Approvals (2)")

    window.show_page("approvals")
    page = window.page("approvals")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.select_row(0)
    qtbot.mouseClick(page.approve_button, LEFT)
    qtbot.waitUntil(lambda: item.text() == "Approvals (1)")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    window.close()
    window.runner.wait()


def test_double_clicking_a_request_opens_its_deal(qtbot, ws, monkeypatch):
    deal_dialog = pytest.importorskip("crmdesk.views.deal_dialog")
    opened = []
    monkeypatch.setattr(deal_dialog, "open_deal_dialog",
                        lambda ctx, parent, **kw: opened.append(kw))  # fmt: skip
    deal_id = ask(ws)
    page = open_page(qtbot, ws, ws.people.manager_n)
    index = page.model.index(0, 0)
    page.table.doubleClicked.emit(index)
    assert opened == [{"deal_id": deal_id}]
