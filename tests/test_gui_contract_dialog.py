"""The contract dialog driven as a user would, on a real SQLite database: a new contract with
product lines and a 30 / 70 plan, activated; payments recorded (one partial, one beyond the plan
kept as credit), one voided, received and outstanding following; a colleague's save in between;
a 10,000-character title; a finance user who records payments on a contract they may not edit."""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal

import pytest
from gui_helpers import type_text
from helpers import NOW
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from crmdesk.models.contract_rules import ContractInput
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.deal_rules import LineInput
from crmdesk.models.workspace import Workspace
from crmdesk.tasks import alive
from crmdesk.views import contract_dialog, contract_payments
from crmdesk.views.context import PageContext
from crmdesk.views.contract_dialog import ContractDialog, open_contract_dialog
from crmdesk.views.contract_texts import contract_conflict_text

LEFT = Qt.MouseButton.LeftButton
STAR = "北京星辰科技有限公司"
TODAY = QDate(2026, 11, 20)  # the workspace's clock (helpers.NOW)


@pytest.fixture(autouse=True)
def contract_questions(answers, monkeypatch):
    """The dialog's own questions answered like the prompts' (gui_helpers.answers)."""
    monkeypatch.setattr(contract_dialog, "ask_contract_conflict",
                        functools.partial(answers.answer, "ask_contract_conflict"))  # fmt: skip
    for name in ("ask_keep_credit", "confirm_void_payment"):
        monkeypatch.setattr(contract_payments, name, functools.partial(answers.answer, name))


@pytest.fixture(autouse=True)
def dialogs():
    """Every contract dialog a test opens is closed at its end, without questions."""
    yield
    for d in QApplication.topLevelWidgets():
        if isinstance(d, ContractDialog) and alive(d):
            d._close_now()


@pytest.fixture
def star(ws):
    return next(r.id for r in ws.list_customers(CustomerQuery(), 0, 10) if r.name == STAR)


def add_contract(ws, customer_id, title="年度服务合同", amount=Decimal("10000.00")) -> int:
    data = ContractInput(customer_id=customer_id, title=title, amount=amount,
                         owner_id=ws.people.rep_n1.id, signed_on=date(2026, 11, 1))  # fmt: skip
    return ws.create_contract(data).value


def active_contract(ws, customer_id) -> int:
    """A signed contract of ¥10,000 with a 30 / 70 plan."""
    from crmdesk.models.contract_rules import plan_split

    contract_id = add_contract(ws, customer_id)
    version = ws.contract(contract_id).version
    plan = plan_split(Decimal("10000.00"), [30, 70], [date(2026, 11, 1), date(2027, 2, 1)])
    version = ws.save_plan(contract_id, plan, version).value.version
    ws.set_contract_status(contract_id, "active", version)
    return contract_id


def record(qtbot, dialog, amount: str, instalment: int = 0) -> None:
    """Fill the quick form and press Record payment."""
    tab = dialog.payments
    tab.received_on.setDate(TODAY)
    tab.amount.clear()
    qtbot.keyClicks(tab.amount, amount)
    tab.instalment.setCurrentIndex(instalment)
    qtbot.mouseClick(tab.record_button, LEFT)


def test_a_new_contract_with_lines_and_a_30_70_plan(qtbot, ws, star, answers):
    ctx = PageContext(ws)
    notices = []
    ctx.bus.notice.connect(notices.append)
    dialog = open_contract_dialog(ctx, None, customer_id=star)
    assert dialog.isVisible() and dialog.form.customer.edit.text() == STAR
    assert not dialog.tabs.isTabVisible(contract_dialog.PAYMENTS)  # nothing to pay yet
    type_text(qtbot, dialog.form.title, "CRM 年度合同")
    dialog.form.starts_on.none.setChecked(False)
    dialog.form.starts_on.edit.setDate(QDate(2026, 12, 1))
    dialog.tabs.setCurrentIndex(contract_dialog.LINES)
    qtbot.mouseClick(dialog.lines.add_button, LEFT)
    row = dialog.lines.row_widgets(0)
    type_text(qtbot, row.product.lineEdit(), "实施服务")
    row.quantity.selectAll()
    qtbot.keyClicks(row.quantity, "3")
    qtbot.keyClicks(row.price, "3333.33")
    assert "¥9,999.99" in dialog.form.amount.placeholderText()  # the lines' total
    dialog.tabs.setCurrentIndex(contract_dialog.PLAN)
    qtbot.mouseClick(dialog.plan.split_button, LEFT)
    plan = dialog.plan
    assert plan.row_count() == 2
    amounts = [plan.row_widgets(i).amount.text() for i in range(2)]
    assert amounts == ["2,999.99", "7,000.00"]  # the cents left over on the last
    assert plan.row_widgets(0).due.date() == QDate(2026, 12, 1)  # from the start day
    assert plan.row_widgets(1).due.date() == QDate(2027, 3, 1)
    assert "¥9,999.99 of ¥9,999.99" in plan.sum_label.text() and not plan.difference.isVisible()
    plan.row_widgets(1).amount.selectAll()
    qtbot.keyClicks(plan.row_widgets(1).amount, "6000")
    assert plan.difference.isVisibleTo(plan)
    assert plan.difference.text() == "¥1,000.00 not in the plan"
    qtbot.mouseClick(dialog.save_button, LEFT)  # refused: the plan does not add up
    assert dialog.isVisible() and "does not add up" in dialog.problems.text()
    assert ws.customer_contracts(star) == []
    plan.row_widgets(1).amount.selectAll()
    qtbot.keyClicks(plan.row_widgets(1).amount, "7000")
    assert not plan.difference.isVisibleTo(plan)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible() and answers.asked == []
    assert notices and "CRM 年度合同" in notices[-1].text
    [row] = ws.customer_contracts(star)
    detail = ws.contract(row.id)
    assert detail.amount == Decimal("9999.99") and detail.status == "draft"
    assert detail.data.number.startswith("HT-")  # generated from the pattern
    plan_saved = [(i.due_on, i.amount) for i in detail.instalments]
    assert plan_saved == [(date(2026, 12, 1), Decimal("2999.99")),
                          (date(2027, 3, 1), Decimal("7000.00"))]  # fmt: skip
    assert detail.data.lines[0].name == "实施服务"

    again = open_contract_dialog(ctx, None, contract_id=row.id)
    assert again.heading.text() == f"{detail.data.number} · CRM 年度合同"
    assert again.plan.row_count() == 2 and not again.has_unsaved()
    assert open_contract_dialog(ctx, None, contract_id=row.id) is again  # one window each
    assert again.status.buttons["active"].isVisibleTo(again)
    qtbot.mouseClick(again.status.buttons["active"], LEFT)
    assert ws.contract(row.id).status == "active"
    assert "Active" in again.status.label.text() and "is now Active" in notices[-1].text
    assert again.tabs.isTabVisible(contract_dialog.HISTORY)
    assert again.history.table.item(0, 2).text() == "Status changed"


def test_payments_follow_the_plan_credit_and_void(qtbot, ws, star, answers):
    contract_id = active_contract(ws, star)
    ctx = PageContext(ws)
    dialog = open_contract_dialog(ctx, None, contract_id=contract_id)
    dialog.tabs.setCurrentIndex(contract_dialog.PAYMENTS)
    tab = dialog.payments
    assert tab.instalment.count() == 3  # in due order, or one of the two
    record(qtbot, dialog, "2000")  # partial: 2,000 of the first 3,000
    detail = ws.contract(contract_id)
    assert detail.received == Decimal("2000.00")
    assert [i.paid for i in detail.instalments] == [Decimal("2000.00"), Decimal("0.00")]
    assert "Received ¥2,000.00 of ¥10,000.00" in tab.summary.text()
    assert "outstanding ¥8,000.00" in tab.summary.text()
    assert tab.table.rowCount() == 1 and tab.table.item(0, 1).text() == "¥2,000.00"
    assert dialog.plan.table.item(0, 3).text() == "¥2,000.00"  # paid
    assert dialog.plan.table.item(0, 4).text() == "¥1,000.00"  # outstanding
    assert tab.amount.text() == ""  # the form is ready for the next one

    answers.give("ask_keep_credit", False)  # beyond the plan: correct the amount
    record(qtbot, dialog, "9000")
    assert answers.asked[-1][0] == "ask_keep_credit"
    assert answers.asked[-1][1][1:] == (Decimal("9000"), Decimal("8000.00"))
    assert "more than the plan still expects (¥8,000.00)" in tab.problems.text()
    assert tab.amount.text() == "9000" and ws.contract(contract_id).received == Decimal("2000.00")
    answers.give("ask_keep_credit", True)  # again: keep the excess as credit
    qtbot.mouseClick(tab.record_button, LEFT)
    detail = ws.contract(contract_id)
    assert (detail.received, detail.credit) == (Decimal("10000.00"), Decimal("1000.00"))
    assert "credit ¥1,000.00" in tab.summary.text() and "outstanding ¥0.00" in tab.summary.text()
    assert tab.table.item(0, 5).text() == "¥1,000.00"  # the newest first, its credit

    tab.table.selectRow(1)  # the partial payment of 2,000
    assert tab.void_button.isEnabled()
    answers.give("confirm_void_payment", True)
    qtbot.mouseClick(tab.void_button, LEFT)
    detail = ws.contract(contract_id)
    assert detail.received == Decimal("8000.00") and detail.credit == Decimal("1000.00")
    assert [i.paid for i in detail.instalments] == [Decimal("1000.00"), Decimal("7000.00")]
    voided = [r for r in range(tab.table.rowCount()) if "(void)" in tab.table.item(r, 1).text()]
    assert voided == [1] and "Received ¥8,000.00" in tab.summary.text()
    assert dialog.plan.table.item(0, 4).text() == "¥2,000.00"  # outstanding again
    assert dialog.history.table.item(0, 2).text() == "Payment voided"
    assert not dialog.has_unsaved()

    dialog.tabs.setCurrentIndex(contract_dialog.INVOICES)
    inv = dialog.invoices
    qtbot.keyClicks(inv.number, "FP-001")
    inv.issued_on.setDate(TODAY)
    qtbot.keyClicks(inv.amount, "3000")
    qtbot.mouseClick(inv.add_button, LEFT)
    assert inv.table.rowCount() == 1 and inv.table.item(0, 0).text() == "FP-001"
    assert "Invoiced ¥3,000.00" in inv.summary.text()


def test_a_payment_while_typing_keeps_what_is_typed(qtbot, ws, star):
    contract_id = active_contract(ws, star)
    dialog = open_contract_dialog(PageContext(ws), None, contract_id=contract_id)
    type_text(qtbot, dialog.form.notes, "客户要求分两次付款")
    record(qtbot, dialog, "1000")
    assert dialog.form.notes.toPlainText() == "客户要求分两次付款" and dialog.has_unsaved()
    assert "Received ¥1,000.00" in dialog.payments.summary.text()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()
    assert ws.contract(contract_id).data.notes == "客户要求分两次付款"


def test_a_colleague_s_save_names_them_and_nothing_typed_is_lost(qtbot, ws, star, answers):
    contract_id = add_contract(ws, star)
    dialog = open_contract_dialog(PageContext(ws), None, contract_id=contract_id)
    dialog.form.title.selectAll()
    type_text(qtbot, dialog.form.title, "我改的标题")
    nina = Workspace(ws.db, ws.people.manager_n, clock=lambda: NOW)
    theirs = nina.contract(contract_id)
    nina.update_contract(contract_id, ContractInput(**{**theirs.data.__dict__,
                         "title": "经理的标题", "notes": "经理备注"}), theirs.version)  # fmt: skip
    answers.give("ask_contract_conflict", "cancel", "keep")
    qtbot.mouseClick(dialog.save_button, LEFT)
    question, (_parent, conflict, losses) = answers.asked[-1]
    assert question == "ask_contract_conflict" and losses == ["title"]
    assert "Nina North changed this contract" in contract_conflict_text(conflict)
    assert dialog.isVisible() and dialog.form.title.text() == "我改的标题"
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)  # asked again: Keep mine
    assert not dialog.isVisible()
    data = ws.contract(contract_id).data
    assert (data.title, data.notes) == ("我改的标题", "经理备注")  # theirs kept where I typed none


def test_a_title_too_long_is_said_and_kept(qtbot, ws, star):
    dialog = open_contract_dialog(PageContext(ws), None, customer_id=star)
    QApplication.clipboard().setText("长" * 10_000)
    dialog.form.title.setFocus()
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.form.title.text()) == 10_000
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible() and dialog.problems.isVisibleTo(dialog)
    assert dialog.problems.text() == "Title is too long: at most 200 characters."
    assert dialog.form.title.property("invalid") is True
    assert dialog.form.title.text() == "长" * 10_000 and ws.customer_contracts(star) == []
    assert dialog.save_button.isEnabled()


def test_closing_with_edits_asks(qtbot, ws, star, answers):
    dialog = open_contract_dialog(PageContext(ws), None, customer_id=star)
    type_text(qtbot, dialog.form.title, "Draft")
    answers.give("ask_unsaved", "cancel", "discard")
    dialog.reject()
    assert dialog.isVisible() and dialog.form.title.text() == "Draft"
    dialog.reject()
    assert not dialog.isVisible() and ws.customer_contracts(star) == []


def test_from_a_won_deal_the_deal_is_fixed(qtbot, ws, star):
    data = ContractInput(
        customer_id=star,
        title="来自商机",
        owner_id=ws.people.rep_n1.id,
        lines=(LineInput(None, "服务", Decimal(2), Decimal("500.00")),),
    )
    dialog = open_contract_dialog(PageContext(ws), None, data=data)
    assert dialog.form.title.text() == "来自商机" and dialog.lines.row_count() == 1
    assert "¥1,000.00" in dialog.form.amount.placeholderText()
    assert dialog.form.customer.edit.isReadOnly() and dialog.form.customer.edit.text() == STAR
    assert not dialog.has_unsaved()  # prefilled, not typed


def test_finance_sees_it_read_only_and_records_payments(qtbot, ws, star):
    from crmdesk.models.schema import User
    from crmdesk.models.users import get_user

    contract_id = active_contract(ws, star)
    with ws.db.writing() as s:
        u = User(name="Fay Finance", login="finance", role="finance", active=True, created_at=NOW)
        s.add(u)
        s.flush()
        fay = get_user(s, u.id)
    finance = Workspace(ws.db, fay, clock=lambda: NOW)
    dialog = open_contract_dialog(PageContext(finance), None, contract_id=contract_id)
    assert dialog.form.title.isReadOnly() and not dialog.save_button.isVisibleTo(dialog)
    assert not dialog.plan.add_button.isVisibleTo(dialog)
    assert not any(b.isVisibleTo(dialog) for b in dialog.status.buttons.values())
    assert "read only" in dialog.status.label.text()
    dialog.tabs.setCurrentIndex(contract_dialog.PAYMENTS)
    assert dialog.payments.form.isVisibleTo(dialog)
    record(qtbot, dialog, "3000")
    assert ws.contract(contract_id).received == Decimal("3000.00")
    dialog.reject()
    assert not dialog.isVisible()  # nothing of theirs to save
