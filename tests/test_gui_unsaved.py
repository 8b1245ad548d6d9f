"""Nothing typed is lost: leaving an edited customer (another row, another page, closing the
window, Esc) asks Save / Don't save / Cancel; a colleague's save in between asks Reload / Keep
mine / Keep editing; half-filled dialogs ask before throwing their input away; a duplicate
warning can open the customer that exists. Driven through the widgets, answers given in advance
(gui_helpers.answers)."""

from __future__ import annotations

from gui_helpers import make_page, page_names, type_text
from helpers import NOW
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from crmdesk.models.customers import CustomerInput
from crmdesk.models.workspace import Workspace
from crmdesk.views.customer_dialog import CustomerDialog
from crmdesk.views.main_window import PAGES, MainWindow


def _open(page, name):
    page.table.selectRow(page_names(page).index(name))
    return page.detail


def test_another_row_asks_and_cancel_keeps_the_edit(qtbot, ws, answers):
    page = make_page(qtbot, ws)
    detail = _open(page, "北京星辰科技有限公司")
    a = detail.detail.id
    detail.form.notes.setPlainText("客户希望下周二上午电话沟通预算")
    answers.give("ask_unsaved", "cancel")
    page.table.selectRow(page_names(page).index("上海华信贸易有限公司"))
    assert answers.asked[-1] == ("ask_unsaved", (detail, "北京星辰科技有限公司"))
    assert page.selected_id() == a and detail.detail.id == a  # back where they were
    assert detail.form.notes.toPlainText() == "客户希望下周二上午电话沟通预算"
    # Don't save: the other customer is shown, nothing was written
    answers.give("ask_unsaved", "discard")
    page.table.selectRow(page_names(page).index("上海华信贸易有限公司"))
    assert detail.detail.data.name == "上海华信贸易有限公司"
    assert ws.customer(a).data.notes == ""


def test_another_row_save_saves_then_moves_on(qtbot, ws, answers):
    page = make_page(qtbot, ws)
    detail = _open(page, "北京星辰科技有限公司")
    a = detail.detail.id
    detail.form.notes.setPlainText("备注A")
    type_text(qtbot, detail.fu_content, "电话沟通了报价")
    answers.give("ask_unsaved", "save")
    page.table.selectRow(page_names(page).index("上海华信贸易有限公司"))
    assert detail.detail.data.name == "上海华信贸易有限公司"
    card = ws.customer_card(a)
    assert card.detail.data.notes == "备注A"
    assert [f.content for f in card.follow_ups] == ["电话沟通了报价"]
    assert detail.fu_content.toPlainText() == ""


def test_a_save_that_fails_on_leaving_stays_with_the_text(qtbot, ws, answers, monkeypatch):
    page = make_page(qtbot, ws)
    detail = _open(page, "北京星辰科技有限公司")
    a = detail.detail.id
    detail.form.notes.setPlainText("x" * 20_000)  # over the column's limit: the save fails
    shown = []
    monkeypatch.setattr("crmdesk.views.customer_detail.show_error", lambda p, e: shown.append(e))
    answers.give("ask_unsaved", "save")
    page.table.selectRow(page_names(page).index("上海华信贸易有限公司"))
    assert shown == []  # said beside the field, not in a box
    assert detail.form_problems.isVisibleTo(detail) and "Notes" in detail.form_problems.text()
    assert detail.form.notes.property("invalid") is True
    assert page.selected_id() == a and detail.detail.id == a
    assert detail.form.notes.toPlainText() == "x" * 20_000


def test_esc_asks_and_discard_reverts(qtbot, ws, answers):
    page = make_page(qtbot, ws)
    detail = _open(page, "北京星辰科技有限公司")
    qtbot.keyClick(detail, Qt.Key.Key_Escape)  # nothing typed: nothing asked
    assert answers.asked == []
    detail.form.city.setText("宁波")
    answers.give("ask_unsaved", "discard")
    qtbot.keyClick(detail.form.city, Qt.Key.Key_Escape)
    assert detail.form.city.text() == "" and not detail.is_dirty()


def _colleague_changes_city(ws, customer_id, **fields):
    colleague = Workspace(ws.db, ws.people.manager_n, clock=lambda: NOW)
    base = colleague.customer(customer_id)
    colleague.update_customer(customer_id, CustomerInput(name=base.data.name, **fields), base)


def test_conflict_keep_mine_saves_mine_keeps_theirs_and_records_it(qtbot, ws, answers):
    page = make_page(qtbot, ws)
    detail = _open(page, "北京星辰科技有限公司")
    cid = detail.detail.id
    detail.form.notes.setPlainText("客户希望下周二上午电话沟通预算")
    _colleague_changes_city(ws, cid, city="杭州", notes="经理写的")
    answers.give("ask_conflict", "keep")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    question, (_panel, conflict, losses) = answers.asked[-1]
    assert question == "ask_conflict" and conflict.params["by"] == "Nina North"
    assert losses == ["notes"]
    saved = ws.customer_card(cid)
    assert saved.detail.data.notes == "客户希望下周二上午电话沟通预算"
    assert saved.detail.data.city == "杭州"  # theirs, untouched by me
    assert [(e.other_name, e.fields) for e in saved.edits] == [("Nina North", ("notes",))]
    assert detail.form.city.text() == "杭州" and not detail.is_dirty()
    history = [detail.history.item(0, c).text() for c in range(detail.history.columnCount())]
    assert any("Nina North" in cell for cell in history)


def test_conflict_reload_shows_theirs_and_keep_editing_loses_nothing(qtbot, ws, answers):
    page = make_page(qtbot, ws)
    detail = _open(page, "北京星辰科技有限公司")
    cid = detail.detail.id
    detail.form.notes.setPlainText("我的备注")
    _colleague_changes_city(ws, cid, notes="经理写的")
    answers.give("ask_conflict", "cancel", "reload")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert detail.form.notes.toPlainText() == "我的备注"  # keep editing: all still there
    assert ws.customer(cid).data.notes == "经理写的"
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)  # asked again: reload
    assert [q for q, _ in answers.asked] == ["ask_conflict", "ask_conflict"]
    assert detail.form.notes.toPlainText() == "经理写的" and not detail.is_dirty()


def test_a_conflict_on_other_fields_merges_without_asking(qtbot, ws, answers):
    page = make_page(qtbot, ws)
    detail = _open(page, "北京星辰科技有限公司")
    cid = detail.detail.id
    detail.form.address.setText("滨江区网商路 699 号")
    _colleague_changes_city(ws, cid, city="杭州")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert answers.asked == []
    data = ws.customer(cid).data
    assert (data.address, data.city) == ("滨江区网商路 699 号", "杭州")


def test_closing_the_window_asks(qtbot, ws, answers, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.customers
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and not page.model.is_loading)
    page.table.selectRow(page_names(page).index("北京星辰科技有限公司"))
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    cid = page.detail.detail.id
    page.detail.form.notes.setPlainText("关窗前写的")
    answers.give("ask_unsaved", "cancel")
    window.close()
    assert window.isVisible()
    # another page asks too
    answers.give("ask_unsaved", "cancel")
    window.show_page("recycle_bin")
    assert window.current_page() == "customers"
    assert window.nav.currentRow() == list(PAGES).index("customers")
    answers.give("ask_unsaved", "save")
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert ws.customer(cid).data.notes == "关窗前写的"


def test_closing_without_edits_closes_at_the_first_click(qtbot, ws, answers, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.customers
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and not page.model.is_loading)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    assert window.close()  # one click on ×: nothing unsaved, nothing asked
    assert not window.isVisible() and answers.asked == []


def test_dont_save_closes_the_window_at_once(qtbot, ws, answers, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.customers
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and not page.model.is_loading)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None)
    page.detail.form.notes.setPlainText("不要了")
    answers.give("ask_unsaved", "discard")
    assert window.close()
    assert not window.isVisible()


def test_new_customer_cancel_asks_and_a_duplicate_opens_the_existing(qtbot, ws, answers):
    page = make_page(qtbot, ws)
    dialog = CustomerDialog(page.ctx, None, page)
    qtbot.addWidget(dialog)
    dialog.reject()  # nothing typed: closes without a question
    assert answers.asked == [] and dialog.result() == 0
    type_text(qtbot, dialog.form.name, "全新公司")
    answers.give("confirm_discard", False)
    dialog.reject()
    assert dialog.form.name.text() == "全新公司"  # "Keep editing"
    existing = page.model.id_at(page_names(page).index("北京星辰科技有限公司"))
    type_text(qtbot, dialog.contact_name, "新人")
    type_text(qtbot, dialog.contact_mobile, "+86 138-1234-5678")  # 王小明's, written the +86 way
    answers.give("ask_duplicate", ("open", existing))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (_parent, found) = answers.asked[-1][1]
    assert [(d.customer_name, d.visible) for d in found] == [("北京星辰科技有限公司", True)]
    assert dialog.existing_id == existing and not dialog.isVisible()


def test_the_duplicate_warning_defaults_to_cancel(qtbot, ws, answers):
    """Enter on the real box does not create the duplicate."""
    from crmdesk.models.customers import DuplicateResult

    found = [DuplicateResult(7, "北京星辰科技有限公司", "张伟", "phone", "13812345678", True)]

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.defaultButton().text() == "Cancel"
        assert [b.text() for b in box.buttons()].count("Open the existing customer") == 1
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    assert answers.real["ask_duplicate"](None, found) == ("cancel", 0)
