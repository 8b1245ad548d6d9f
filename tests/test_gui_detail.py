"""The customer detail panel driven as a user would, on a real SQLite database: the card,
saving, conflicts, contacts and follow-ups."""

from __future__ import annotations

from gui_helpers import QueueRunner, make_page, page_names, type_text
from helpers import NOW
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from crmdesk.models.customers import CustomerInput
from crmdesk.models.workspace import Workspace
from crmdesk.views import customer_detail


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


def test_a_failed_save_keeps_the_form_text(qtbot, ws, monkeypatch):
    """A colleague saved the customer meanwhile: the save fails with a conflict naming them,
    and every character typed is still in the form."""
    page = make_page(qtbot, ws)
    page.table.selectRow(page_names(page).index("北京星辰科技有限公司"))  # team North's
    detail = page.detail
    customer_id = detail.detail.id
    colleague = Workspace(ws.db, ws.people.manager_n, clock=lambda: NOW)
    base = colleague.customer(customer_id)
    colleague.update_customer(customer_id, CustomerInput(name=base.data.name, city="杭州"), base)
    shown = []
    monkeypatch.setattr(customer_detail, "show_error", lambda parent, exc: shown.append(exc))
    detail.form.notes.setPlainText("客户希望下周二上午电话沟通预算")
    detail.form.address.setText("滨江区网商路 699 号")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert shown and shown[0].code == "conflict" and shown[0].params["by"] == "Nina North"
    assert detail.form.notes.toPlainText() == "客户希望下周二上午电话沟通预算"
    assert detail.form.address.text() == "滨江区网商路 699 号"
    assert detail.save_button.isEnabled()
    # their version is loaded behind the kept text: Save again puts mine over theirs
    assert detail.detail.data.city == "杭州"
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    saved = ws.customer(customer_id).data
    assert saved.notes == "客户希望下周二上午电话沟通预算" and saved.city == ""


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
    qtbot, ws, monkeypatch
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

    monkeypatch.setattr(customer_detail.ContactDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Cancel)
    detail._on_add_contact_clicked()
    assert len(opened) == 2
    again = opened[1]
    assert (again.name, again.email, again.mobile) == (
        "新联系人",
        "new@example.com",
        "138-1234-5678",
    )


def test_adding_a_contact_with_a_known_mobile_warns(qtbot, ws, monkeypatch):
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

    def fake_warning(parent, title, text, *args):
        warned.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(customer_detail.ContactDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    detail._on_add_contact_clicked()
    assert warned and "北京星辰科技有限公司" in warned[0] and "张伟" in warned[0]
    assert [c.data.name for c in ws.customer_card(detail.detail.id).contacts] == ["赵敏"]
