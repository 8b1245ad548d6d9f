"""The deal dialog and the customer's Deals tab driven as a user would, on a real SQLite database:
a new deal whose amount follows its lines to the cent, reopening it, a colleague's save in
between, input the rules refuse, closing with edits, deleting, and the Deals tab following the
change bus."""

from __future__ import annotations

import functools
from decimal import Decimal

import pytest
from gui_helpers import make_page, page_names, type_text
from helpers import NOW
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crmdesk.models.deals import DealInput, LineInput
from crmdesk.models.workspace import Workspace
from crmdesk.tasks import TaskRunner, alive
from crmdesk.views import deal_dialog
from crmdesk.views.context import PageContext
from crmdesk.views.deal_dialog import DealDialog, open_deal_dialog
from crmdesk.views.deal_texts import deal_conflict_text

LEFT = Qt.MouseButton.LeftButton
STAR = "北京星辰科技有限公司"


@pytest.fixture(autouse=True)
def deal_questions(answers, monkeypatch):
    """The dialog's own questions answered like the prompts' (gui_helpers.answers)."""
    for name in ("ask_deal_conflict", "confirm_delete_deal"):
        monkeypatch.setattr(deal_dialog, name, functools.partial(answers.answer, name))


@pytest.fixture
def dialogs():
    """Every deal dialog a test opens is closed at its end, without questions."""
    opened: list[DealDialog] = []
    yield opened
    for d in QApplication.topLevelWidgets():
        if isinstance(d, DealDialog) and alive(d):
            d._close_now()


@pytest.fixture
def star(ws):
    return next(r.id for r in ws.list_customers(ws_query(), 0, 10) if r.name == STAR)


def ws_query():
    from crmdesk.models.customer_list import CustomerQuery

    return CustomerQuery()


@pytest.fixture
def crm(ws):
    return ws.save_product(None, "CRM-STD", "CRM 标准版", Decimal("12000")).value


def add_deal(ws, customer_id, title="年度框架采购", **fields) -> int:
    pipeline = ws.pipelines()[0]
    fields.setdefault("owner_id", ws.people.rep_n1.id)  # the customer's owner, in Nina's team
    data = DealInput(customer_id=customer_id, title=title, pipeline_id=pipeline.id, **fields)
    return ws.create_deal(data).value


def type_line(qtbot, dialog, i, product, quantity, price="", discount=""):
    row = dialog.lines.row_widgets(i)
    type_text(qtbot, row.product.lineEdit(), product)
    for edit, text in ((row.quantity, quantity), (row.price, price), (row.discount, discount)):
        if text:
            edit.selectAll()
            qtbot.keyClicks(edit, text)


def test_a_new_deal_follows_its_lines_to_the_cent_and_reopens_whole(
    qtbot, ws, star, crm, dialogs, answers
):
    ctx = PageContext(ws)
    notices = []
    ctx.bus.notice.connect(notices.append)
    dialog = open_deal_dialog(ctx, None, customer_id=star)
    assert dialog.isVisible() and dialog.form.customer.edit.text() == STAR
    assert dialog.form.stage.currentText() == "Initial contact"  # gated stages not offered
    assert dialog.form.probability.placeholderText().startswith("10%")
    type_text(qtbot, dialog.form.title, "CRM 二期")
    dialog.tabs.setCurrentIndex(deal_dialog.LINES)
    qtbot.mouseClick(dialog.lines.add_button, LEFT)
    qtbot.mouseClick(dialog.lines.add_button, LEFT)
    row = dialog.lines.row_widgets(0)
    type_text(qtbot, row.product.lineEdit(), "CRM 标准版")
    assert row.price.text() == "12,000.00"  # the list price put in
    row.quantity.selectAll()
    qtbot.keyClicks(row.quantity, "3")
    qtbot.keyClicks(row.discount, "12.5")
    # 3 × 12,000 less 12.5% = 31,500.00; 2.5 × 1,333.33 = 3,333.325 → 3,333.33 (half up)
    type_line(qtbot, dialog, 1, "实施服务", "2.5", "1333.33")
    totals = [dialog.lines.table.item(i, 4).text() for i in range(2)]
    assert totals == ["¥31,500.00", "¥3,333.33"]
    assert "¥34,833.33" in dialog.form.amount.placeholderText()
    assert "¥34,833.33" in dialog.lines.total_label.text()
    qtbot.keyClicks(dialog.lines.row_widgets(1).discount, "1")  # 1% off: 3,299.99
    assert "¥34,799.99" in dialog.form.amount.placeholderText()
    dialog.form.no_date.setChecked(False)
    qtbot.keyClicks(dialog.form.competitor, "Salesforce")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible() and answers.asked == []
    assert notices and "CRM 二期" in notices[-1].text
    [row] = ws.customer_deals(star)
    assert (row.title, row.amount, row.stage_code) == ("CRM 二期", Decimal("34799.99"), "initial")

    again = open_deal_dialog(ctx, None, deal_id=row.id)
    assert again is not dialog and again.heading.text() == "CRM 二期"
    assert "Initial contact" in again.status.text() and "Open" in again.status.text()
    assert again.form.title.text() == "CRM 二期" and again.form.amount.text() == ""
    assert "¥34,799.99" in again.form.amount.placeholderText()
    assert again.form.competitor.text() == "Salesforce" and not again.form.no_date.isChecked()
    assert not again.form.stage.isEnabled()  # moves are the board's
    lines = again.lines
    assert lines.row_count() == 2
    first, second = lines.row_widgets(0), lines.row_widgets(1)
    assert (first.product.currentText(), first.quantity.text(), first.price.text(),
            first.discount.text()) == ("CRM 标准版", "3", "12,000.00", "12.5")  # fmt: skip
    assert (second.product.currentText(), second.discount.text()) == ("实施服务", "1")
    history = again.history.table
    assert history.rowCount() == 1 and history.item(0, 2).text() == "Created"
    assert not again.has_unsaved()
    assert open_deal_dialog(ctx, None, deal_id=row.id) is again  # one window a deal
    saved = ws.deal(row.id).data.lines
    assert saved[0].product_id == crm and saved[1].product_id is None


def test_a_colleague_s_save_names_them_and_nothing_typed_is_lost(qtbot, ws, star, dialogs,
                                                                  answers):  # fmt: skip
    deal_id = add_deal(ws, star, notes="首次接触")
    ctx = PageContext(ws)
    dialog = open_deal_dialog(ctx, None, deal_id=deal_id)
    dialog.form.title.selectAll()
    type_text(qtbot, dialog.form.title, "我改的标题")
    type_text(qtbot, dialog.form.source, "展会")
    nina = Workspace(ws.db, ws.people.manager_n, clock=lambda: NOW)
    theirs = ws.deal(deal_id)
    nina.update_deal(deal_id, DealInput(**{**theirs.data.__dict__, "title": "经理的标题",
                                           "competitor": "用友"}), theirs.version)  # fmt: skip
    answers.give("ask_deal_conflict", "cancel", "keep")
    qtbot.mouseClick(dialog.save_button, LEFT)
    question, (_parent, conflict, losses) = answers.asked[-1]
    assert question == "ask_deal_conflict" and losses == ["title"]
    assert "Nina North changed this deal" in deal_conflict_text(conflict)
    assert dialog.isVisible() and dialog.form.title.text() == "我改的标题"  # kept
    assert dialog.form.source.text() == "展会" and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)  # asked again: Keep mine
    assert not dialog.isVisible()
    data = ws.deal(deal_id).data
    assert (data.title, data.source, data.competitor, data.notes) == (
        "我改的标题",
        "展会",
        "用友",
        "首次接触",
    )  # theirs kept where I typed nothing


def test_a_colleague_s_save_of_other_fields_merges_without_asking(qtbot, ws, star, dialogs,
                                                                   answers):  # fmt: skip
    deal_id = add_deal(ws, star)
    dialog = open_deal_dialog(PageContext(ws), None, deal_id=deal_id)
    type_text(qtbot, dialog.form.notes, "客户要求下周演示")
    theirs = ws.deal(deal_id)
    ws.update_deal(deal_id, DealInput(**{**theirs.data.__dict__, "competitor": "金蝶"}),
                   theirs.version)  # fmt: skip
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert answers.asked == [] and not dialog.isVisible()
    data = ws.deal(deal_id).data
    assert (data.notes, data.competitor) == ("客户要求下周演示", "金蝶")


def test_a_title_too_long_is_said_beside_the_fields_and_kept(qtbot, ws, star, dialogs):
    ctx = PageContext(ws)
    dialog = open_deal_dialog(ctx, None, customer_id=star)
    QApplication.clipboard().setText("长" * 10_000)
    dialog.form.title.setFocus()
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.form.title.text()) == 10_000  # pasted whole, nothing cut
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible() and dialog.problems.isVisibleTo(dialog)
    assert dialog.problems.text() == "Title is too long: at most 200 characters."
    assert dialog.form.title.property("invalid") is True
    assert dialog.form.title.text() == "长" * 10_000 and ws.customer_deals(star) == []
    assert dialog.save_button.isEnabled()


def test_cells_that_are_not_numbers_are_named(qtbot, ws, star, dialogs):
    dialog = open_deal_dialog(PageContext(ws), None, customer_id=star)
    type_text(qtbot, dialog.form.title, "Deal")
    qtbot.mouseClick(dialog.lines.add_button, LEFT)
    type_line(qtbot, dialog, 0, "服务", "two", "100")
    assert dialog.lines.table.item(0, 4).text() == "—"
    assert "—" in dialog.form.amount.placeholderText()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "Line 1 · Quantity" in dialog.problems.text()
    assert dialog.tabs.currentIndex() == deal_dialog.LINES
    assert dialog.lines.row_widgets(0).quantity.property("invalid") is True
    assert ws.customer_deals(star) == []


def test_closing_with_edits_asks(qtbot, ws, star, dialogs, answers):
    deal_id = add_deal(ws, star)
    dialog = open_deal_dialog(PageContext(ws), None, deal_id=deal_id)
    qtbot.mouseClick(dialog.close_button, LEFT)  # nothing typed: closes at once
    assert not dialog.isVisible() and answers.asked == []
    dialog = open_deal_dialog(PageContext(ws), None, deal_id=deal_id)
    type_text(qtbot, dialog.form.competitor, "用友")
    answers.give("ask_unsaved", "cancel", "save")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.form.competitor.text() == "用友"
    qtbot.mouseClick(dialog.close_button, LEFT)  # Save: saved, then closed
    assert not dialog.isVisible() and ws.deal(deal_id).data.competitor == "用友"


def test_delete_asks_and_moves_the_deal_to_the_recycle_bin(qtbot, ws, star, dialogs, answers):
    deal_id = add_deal(ws, star)
    ctx = PageContext(ws)
    notices = []
    ctx.bus.notice.connect(notices.append)
    dialog = open_deal_dialog(ctx, None, deal_id=deal_id)
    answers.give("confirm_delete_deal", False, True)
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert dialog.isVisible() and len(ws.customer_deals(star)) == 1
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert not dialog.isVisible() and ws.customer_deals(star) == []
    notices[-1].action()  # Undo
    assert len(ws.customer_deals(star)) == 1


def test_the_customer_s_deals_tab_follows_the_bus_and_opens_deals(qtbot, ws, star, dialogs):
    add_deal(ws, star, title="旧的商机", amount=Decimal("5000"))
    page = make_page(qtbot, ws)
    page.table.selectRow(page_names(page).index(STAR))
    detail = page.detail
    tab = detail.deals_tab
    bar = detail.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(detail.tabs.indexOf(tab)).center())
    assert detail.tabs.currentWidget() is tab
    cells = [tab.table.item(0, c).text() for c in range(6)]
    assert cells[:4] == ["旧的商机", "Initial contact", "Open", "¥5,000.00"]
    assert tab.new_button.isEnabled()
    qtbot.mouseClick(tab.new_button, LEFT)
    [dialog] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, DealDialog) and w.isVisible()]  # fmt: skip
    assert dialog.form.customer.edit.isReadOnly() and dialog.form.customer.edit.text() == STAR
    type_text(qtbot, dialog.form.title, "新的商机")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())] == [
        "新的商机", "旧的商机"]  # fmt: skip
    rect = tab.table.visualItemRect(tab.table.item(0, 0))
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), LEFT, pos=rect.center())
    [opened] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, DealDialog) and w.isVisible()]  # fmt: skip
    assert opened.form.title.text() == "新的商机" and opened.detail is not None


def test_a_new_deal_picks_its_customer_by_search(qtbot, ws, dialogs):
    dialog = open_deal_dialog(PageContext(ws), None)
    assert dialog.form.customer.customer_id is None
    picker = dialog.form.customer
    picker.edit.setFocus()
    type_text(qtbot, picker.edit, "星辰")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=3000)
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.edit.text() == STAR and picker.customer_id is not None
    type_text(qtbot, dialog.form.title, "搜到的客户")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()
    assert [r.title for r in ws.customer_deals(picker.customer_id)] == ["搜到的客户"]


def test_no_customer_chosen_is_said(qtbot, ws, dialogs):
    dialog = open_deal_dialog(PageContext(ws), None)
    type_text(qtbot, dialog.form.title, "无客户")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible() and "Customer is required." in dialog.problems.text()


def test_the_dialog_never_waits_on_the_database(qtbot, ws, star, crm, dialogs):
    from gui_helpers import GuiThreadGuard

    guard = GuiThreadGuard(ws)
    runner = TaskRunner()
    ctx = PageContext(guard, runner)
    deal_id = add_deal(ws, star, lines=(LineInput(crm, "CRM 标准版", Decimal(1), Decimal(9)),))
    dialog = open_deal_dialog(ctx, None, deal_id=deal_id)
    assert dialog.heading.text() == "Loading…" and not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    type_text(qtbot, dialog.form.notes, "离线也不卡")
    with qtbot.waitSignal(ctx.bus.changed, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    runner.wait()
    assert guard.calls_on_gui_thread == []
    assert ws.deal(deal_id).data.notes == "离线也不卡"


def test_blank_rows_are_no_lines_and_complaints_name_the_row_seen(qtbot, ws, star, dialogs):
    dialog = open_deal_dialog(PageContext(ws), None, customer_id=star)
    type_text(qtbot, dialog.form.title, "Deal")
    for _ in range(3):
        qtbot.mouseClick(dialog.lines.add_button, LEFT)
    type_line(qtbot, dialog, 1, "服务" * 200, "1", "10")  # the second row; the others blank
    assert "¥10.00" in dialog.form.amount.placeholderText()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.problems.text() == "Line 2 · Product is too long: at most 200 characters."
    assert dialog.lines.row_widgets(1).product.property("invalid") is True
    assert not dialog.lines.row_widgets(0).product.property("invalid")
    assert ws.customer_deals(star) == []


def test_a_new_deal_from_a_customer_is_its_reps_to_work(qtbot, ws):
    from crmdesk.models.customer_list import CustomerQuery
    from crmdesk.views.context import PageContext
    from crmdesk.views.deal_dialog import open_deal_dialog

    customer = next(
        c
        for c in ws.list_customers(CustomerQuery(scope="all"), 0, 10)
        if c.owner_name == ws.people.rep_s1.name
    )
    dialog = open_deal_dialog(PageContext(ws), None, customer_id=customer.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.form.owner.currentData() == ws.people.rep_s1.id)
    assert not dialog.has_unsaved()  # chosen for the user: closing asks nothing
