"""The contract dialog driven as a user would, on a real SQLite database: a new contract with
product lines and a 30 / 70 plan, activated; payments recorded (one partial, one beyond the plan
kept as credit), one voided, received and outstanding following; a colleague's save in between;
a 10,000-character title; a finance user who records payments on a contract they may not edit;
completing with money outstanding asks; a contract awaiting approval holds still; templates
around paid instalments and the end day; a deal's prefilled day editable and the customer's rep
as owner; a draft's payments tab; days in the locale's format; the monthly template's words."""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal

import pytest
from gui_helpers import type_text
from helpers import NOW
from PySide6.QtCore import QDate, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from crmdesk.models.contract_rules import ContractInput
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.deal_rules import LineInput
from crmdesk.models.workspace import Workspace
from crmdesk.tasks import alive
from crmdesk.views import (
    contract_dialog,
    contract_form,
    contract_payments,
    contract_plan,
    contract_texts,
)
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
    for name in ("confirm_complete", "confirm_terminate"):
        monkeypatch.setattr(contract_form, name, functools.partial(answers.answer, name))


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
    qtbot.mouseClick(again.status.buttons["active"], LEFT)  # not signed yet: refused, said
    assert ws.contract(row.id).status == "draft"
    assert "Enter the day the contract was signed" in again.problems.text()
    again.form.signed_on.none.setChecked(False)
    again.form.signed_on.edit.setDate(QDate(2026, 11, 18))
    qtbot.mouseClick(again.save_button, LEFT)
    assert not again.isVisible()
    again = open_contract_dialog(ctx, None, contract_id=row.id)
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
    detail = ws.contract(contract_id)  # the 9,000 placed again from the first: no credit left
    assert detail.received == Decimal("9000.00") and detail.credit == Decimal("0.00")
    assert [i.paid for i in detail.instalments] == [Decimal("3000.00"), Decimal("6000.00")]
    voided = [r for r in range(tab.table.rowCount()) if "(void)" in tab.table.item(r, 1).text()]
    assert voided == [1] and "Received ¥9,000.00" in tab.summary.text()
    assert dialog.plan.table.item(1, 4).text() == "¥1,000.00"  # outstanding again
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


# -- what a user test of the dialog found


def pay(ws, contract_id, amount: str, day=date(2026, 11, 10)) -> None:
    from crmdesk.models.payments import PaymentInput

    ws.record_payment(
        contract_id, PaymentInput(day, Decimal(amount), "bank_transfer", "", "", None)
    )


def test_complete_with_money_outstanding_asks_naming_it(qtbot, ws, star, answers):
    contract_id = active_contract(ws, star)
    pay(ws, contract_id, "3000")
    dialog = open_contract_dialog(PageContext(ws), None, contract_id=contract_id)
    complete = dialog.status.buttons["completed"]
    assert complete.isVisibleTo(dialog) and complete.isEnabled()
    answers.give("confirm_complete", False)
    qtbot.mouseClick(complete, LEFT)
    assert answers.asked[-1][0] == "confirm_complete"
    assert answers.asked[-1][1][1:] == ("年度服务合同", Decimal("7000.00"))
    assert ws.contract(contract_id).status == "active"  # the user said no
    answers.give("confirm_complete", True)
    qtbot.mouseClick(complete, LEFT)
    assert ws.contract(contract_id).status == "completed"

    paid_up = active_contract(ws, star)
    pay(ws, paid_up, "10000")
    dialog = open_contract_dialog(PageContext(ws), None, contract_id=paid_up)
    asked = len(answers.asked)
    qtbot.mouseClick(dialog.status.buttons["completed"], LEFT)
    assert ws.contract(paid_up).status == "completed" and len(answers.asked) == asked


def test_the_complete_question_names_the_amount(monkeypatch):
    shown = []

    def ask(_parent, _icon, _title, text, detail, _buttons, default):
        shown.append((text, detail))
        return default

    monkeypatch.setattr(contract_texts.prompts, "_ask", ask)
    assert contract_texts.confirm_complete(None, "年度合同", Decimal("690156.00")) is False
    text, detail = shown[0]
    assert text == "¥690,156.00 is still outstanding. Mark the contract completed anyway?"
    assert "年度合同" in detail


def awaiting_contract(ws, customer_id) -> int:
    """¥10,000 with a 30 / 70 plan, sent for approval above the admin's ¥5,000."""
    from crmdesk.models.contract_rules import ContractSettings, plan_split

    ws.save_contract_settings(ContractSettings("HT-{yyyy}-{seq:4}", Decimal("5000.00"), None))
    contract_id = add_contract(ws, customer_id)
    version = ws.contract(contract_id).version
    plan = plan_split(Decimal("10000.00"), [30, 70], [date(2026, 11, 1), date(2027, 2, 1)])
    version = ws.save_plan(contract_id, plan, version).value.version
    assert ws.set_contract_status(contract_id, "active", version).value.awaiting_approval
    return contract_id


def test_awaiting_approval_holds_status_lines_amount_and_plan(qtbot, ws, star):
    contract_id = awaiting_contract(ws, star)
    dialog = open_contract_dialog(PageContext(ws), None, contract_id=contract_id)
    shown = [b for b in dialog.status.buttons.values() if b.isVisibleTo(dialog)]
    assert shown and not any(b.isEnabled() for b in shown)  # Terminate too
    note = dialog.status.approval
    assert note.isVisibleTo(dialog) and "lines, amount and payment plan" in note.text()
    assert dialog.form.amount.isReadOnly() and not dialog.form.title.isReadOnly()
    assert not dialog.lines.add_button.isEnabled()
    assert not dialog.plan.add_button.isVisibleTo(dialog)
    assert not dialog.plan.one_button.isVisibleTo(dialog)
    assert dialog.plan.row_widgets(0).amount.isReadOnly()
    assert dialog.plan.table.isColumnHidden(contract_plan.REMOVE)
    type_text(qtbot, dialog.form.notes, "等待审批")  # what is not under approval still saves
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible() and ws.contract(contract_id).data.notes == "等待审批"


def open_plan(ws, contract_id):
    dialog = open_contract_dialog(PageContext(ws), None, contract_id=contract_id)
    dialog.tabs.setCurrentIndex(contract_dialog.PLAN)
    return dialog, dialog.plan


def plan_shown(plan) -> list[tuple[QDate, str]]:
    rows = [plan.row_widgets(n) for n in range(plan.row_count())]
    return [(r.due.date(), r.amount.text()) for r in rows]


def test_a_template_keeps_what_is_paid_and_spreads_the_rest(qtbot, ws, star):
    contract_id = active_contract(ws, star)  # 3,000 due 1 Nov, 7,000 due 1 Feb
    pay(ws, contract_id, "2000")  # part of the first
    first = ws.contract(contract_id).instalments[0].id
    dialog, plan = open_plan(ws, contract_id)
    qtbot.mouseClick(plan.one_button, LEFT)
    assert plan_shown(plan) == [(QDate(2026, 11, 1), "3,000.00"), (QDate(2026, 12, 1), "7,000.00")]
    assert plan.row_widgets(0).id == first
    assert plan.note.isVisibleTo(plan) and "¥7,000.00 not yet covered" in plan.note.text()
    assert not plan.difference.isVisibleTo(plan)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()
    detail = ws.contract(contract_id)
    assert [(i.due_on, i.amount, i.paid) for i in detail.instalments] == [
        (date(2026, 11, 1), Decimal("3000.00"), Decimal("2000.00")),
        (date(2026, 12, 1), Decimal("7000.00"), Decimal("0.00")),
    ]


def test_the_monthly_template_stops_at_the_end_day_and_says_so(qtbot, ws, star):
    contract_id = active_contract(ws, star)
    pay(ws, contract_id, "3000")  # the first, in full
    dialog, plan = open_plan(ws, contract_id)
    assert not plan.months_hint.isVisibleTo(plan)  # no end day: any number of months
    dialog.tabs.setCurrentIndex(contract_dialog.DETAILS)
    dialog.form.ends_on.none.setChecked(False)
    dialog.form.ends_on.edit.setDate(QDate(2027, 3, 15))
    dialog.tabs.setCurrentIndex(contract_dialog.PLAN)
    plan.months.setValue(12)
    assert (
        plan.months_hint.isVisibleTo(plan)
        and plan.months_hint.text() == "only 4 before the end day"
    )
    qtbot.mouseClick(plan.monthly_button, LEFT)
    assert plan_shown(plan) == [
        (QDate(2026, 11, 1), "3,000.00"),
        (QDate(2026, 12, 1), "1,750.00"),
        (QDate(2027, 1, 1), "1,750.00"),
        (QDate(2027, 2, 1), "1,750.00"),
        (QDate(2027, 3, 1), "1,750.00"),
    ]
    assert "4 monthly instalment" in plan.note.text()  # (s): English plurals not installed
    dialog.form.ends_on.edit.setDate(QDate(2026, 11, 20))  # ends before the next one is due
    qtbot.mouseClick(plan.monthly_button, LEFT)  # the next after the paid one: 1 Dec
    assert plan.row_count() == 5 and "before a first monthly instalment" in plan.note.text()


def test_an_instalment_cut_below_what_is_paid_is_named_as_the_instalment(qtbot, ws, star):
    contract_id = active_contract(ws, star)
    pay(ws, contract_id, "2000")
    dialog, plan = open_plan(ws, contract_id)
    dialog.form.title.selectAll()
    type_text(qtbot, dialog.form.title, "改过的标题")
    plan.row_widgets(0).amount.selectAll()
    qtbot.keyClicks(plan.row_widgets(0).amount, "1000")
    plan.row_widgets(1).amount.selectAll()
    qtbot.keyClicks(plan.row_widgets(1).amount, "9000")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert dialog.problems.text() == "Instalment 1's amount: less than what is already paid of it."
    assert "contract" not in dialog.problems.text().lower()
    assert plan.row_widgets(0).amount.property("invalid") is True
    assert ws.contract(contract_id).data.title == "年度服务合同"  # one unit: nothing saved
    assert dialog.form.title.text() == "改过的标题"  # nor lost


def test_the_new_refusals_in_words():
    text = contract_texts.contract_problem_text
    assert "Signed on" in text([("signed_on", "required")])
    assert "Payment plan tab" in text([("instalments", "difference")], activating=True)
    assert "from a template" in text([("instalments", "difference")])
    approval = text([("amount", "needs_approval")], {"amount": Decimal("5000.00")})
    assert "¥5,000.00" in approval and "approval" in approval
    assert "go back to draft" in text([("status", "has_payments")])
    assert "at most 50 characters" in text([("number", "too_long")], {"number": 50})
    assert "already has a contract" in text([("deal_id", "has_contract")])


def test_a_deal_s_signed_day_is_editable_and_the_owner_is_the_customer_s_rep(qtbot, ws, star):
    line = LineInput(None, "服务", Decimal(2), Decimal("500.00"))
    data = ContractInput(customer_id=star, title="来自商机", signed_on=date(2026, 11, 18),
                         lines=(line,))  # fmt: skip
    dialog = open_contract_dialog(PageContext(ws), None, data=data)
    signed = dialog.form.signed_on
    assert not signed.none.isChecked() and signed.edit.isEnabled()  # not greyed
    signed.edit.setFocus()
    signed.edit.setDate(QDate(2026, 11, 19))
    assert dialog.form.owner.currentData() == ws.people.rep_n1.id  # 星辰's rep, not the admin
    assert dialog.has_unsaved()
    qtbot.mouseClick(dialog.save_button, LEFT)
    [row] = ws.customer_contracts(star)
    detail = ws.contract(row.id)
    assert detail.data.signed_on == date(2026, 11, 19)
    assert detail.data.owner_id == ws.people.rep_n1.id

    by_hand = open_contract_dialog(PageContext(ws), None, customer_id=star)
    assert by_hand.form.owner.currentData() == ws.people.rep_n1.id and not by_hand.has_unsaved()
    deal_like = ContractInput(customer_id=star, title="x", owner_id=ws.people.manager_n.id)
    from_deal = open_contract_dialog(PageContext(ws), None, data=deal_like)
    assert from_deal.form.owner.currentData() == ws.people.manager_n.id  # the deal's owner
    nina = Workspace(ws.db, ws.people.manager_n, clock=lambda: NOW)  # Wang's manager
    assert (
        open_contract_dialog(PageContext(nina), None, customer_id=star).form.owner.currentData()
        == ws.people.rep_n1.id
    )
    wang = Workspace(ws.db, ws.people.rep_n1, clock=lambda: NOW)
    assert (
        open_contract_dialog(PageContext(wang), None, customer_id=star).form.owner.currentData()
        == ws.people.rep_n1.id
    )


def test_a_draft_takes_no_payments_and_days_read_in_the_locale(qtbot, ws, star):
    contract_id = add_contract(ws, star)
    dialog = open_contract_dialog(PageContext(ws), None, contract_id=contract_id)
    dialog.tabs.setCurrentIndex(contract_dialog.PAYMENTS)
    tab = dialog.payments
    assert not tab.form.isVisibleTo(dialog) and tab.draft_note.isVisibleTo(dialog)
    assert "activate it first" in tab.draft_note.text()
    dialog.tabs.setCurrentIndex(contract_dialog.INVOICES)
    assert not dialog.invoices.form.isVisibleTo(dialog)
    assert dialog.invoices.draft_note.isVisibleTo(dialog)
    header = tab.table.horizontalHeader()
    assert all(header.sectionSize(c) >= header.minimumSectionSize() for c in range(8))
    dialog._close_now()

    contract_id = active_contract(ws, star)
    dialog = open_contract_dialog(PageContext(ws), None, contract_id=contract_id)
    dialog.tabs.setCurrentIndex(contract_dialog.PAYMENTS)
    tab = dialog.payments
    assert tab.form.isVisibleTo(dialog) and not tab.draft_note.isVisibleTo(dialog)
    record(qtbot, dialog, "1000")
    short = QLocale().toString(date(2026, 11, 20), QLocale.FormatType.ShortFormat)
    assert tab.table.item(0, 0).text() == short != "2026-11-20"
    due = QLocale().toString(date(2026, 11, 1), QLocale.FormatType.ShortFormat)
    assert f"due {due}:" in tab.instalment.itemText(1)  # #1 due <day>: … outstanding
    inv = dialog.invoices
    qtbot.keyClicks(inv.number, "FP-9")
    inv.issued_on.setDate(TODAY)
    qtbot.keyClicks(inv.amount, "1000")
    qtbot.mouseClick(inv.add_button, LEFT)
    assert inv.table.item(0, 1).text() == short
    assert not inv.table.isColumnHidden(3)  # the note stretches, none written
    assert inv.table.item(0, 4).text() == "Ada Admin"  # who recorded it


class _Chinese(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        if source == "Monthly over {months} months":
            return "按月分期 {months} 个月"
        return None


def test_the_monthly_template_reads_as_one_sentence(qtbot, ws, star):
    dialog = open_contract_dialog(PageContext(ws), None, customer_id=star)
    plan = dialog.plan
    assert (plan.monthly_button.text(), plan.months_label.text()) == ("Monthly over", "months")
    assert plan.months.suffix() == ""
    chinese = _Chinese()
    QApplication.installTranslator(chinese)
    try:
        again = open_contract_dialog(PageContext(ws), None, customer_id=star).plan
        assert (again.monthly_button.text(), again.months_label.text()) == ("按月分期", "个月")
    finally:
        QApplication.removeTranslator(chinese)
