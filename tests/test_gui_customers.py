"""The customer pages driven as a user would, on a real SQLite database."""

from __future__ import annotations

import pytest
from helpers import NOW, People
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

from crmdesk.models.contacts import ContactInput
from crmdesk.models.customers import CustomerInput
from crmdesk.models.database import open_database
from crmdesk.models.workspace import Workspace
from crmdesk.views import customer_dialog, customer_page
from crmdesk.views.customer_model import PAGE_SIZE, CustomerTableModel
from crmdesk.views.customer_page import CustomersPage
from crmdesk.views.recycle_bin_page import RecycleBinPage


@pytest.fixture
def local_db(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'gui.sqlite'}")
    yield db
    db.close()


@pytest.fixture
def ws(local_db):
    people = People(local_db)
    workspace = Workspace(local_db, people.admin, clock=lambda: NOW)
    workspace.people = people
    rows = [
        ("北京星辰科技有限公司", "A", "王小明", "13812345678", people.rep_n1),
        ("上海华信贸易有限公司", "B", "李雷", "13900001111", people.rep_n2),
        ("深圳科达电子有限公司", "C", "韩梅梅", "13700002222", people.rep_s1),
        ("杭州云帆网络有限公司", "A", "赵敏", "13600003333", people.rep_s1),
    ]
    for name, level, contact, mobile, owner in rows:
        workspace.create_customer(
            CustomerInput(name=name, level=level),
            [ContactInput(name=contact, mobile=mobile)],
            owner.id,
        )
    return workspace


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user would: ASCII key by key, Chinese committed by the input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def page_names(page: CustomersPage) -> list[str]:
    return [page.model.row_at(r).name for r in range(page.model.rowCount())]


def make_page(qtbot, ws) -> CustomersPage:
    page = CustomersPage(ws)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


def test_model_passes_qtmodeltester(qtmodeltester, ws):
    model = CustomerTableModel(
        lambda offset, limit: ws.list_customers(customer_page.CustomerQuery(), offset, limit)
    )
    from crmdesk.models.customers import CustomerQuery

    model.reset(ws.count_customers(CustomerQuery()), None)
    qtmodeltester.check(model)


def test_typing_in_search_narrows_rows(qtbot, ws):
    page = make_page(qtbot, ws)
    assert len(page_names(page)) == 4
    type_text(qtbot, page.search, "科技")
    qtbot.waitUntil(lambda: page_names(page) == ["北京星辰科技有限公司"], timeout=2000)
    assert "1" in page.count_label.text()
    page.search.clear()
    type_text(qtbot, page.search, "0000")  # a phone fragment
    qtbot.waitUntil(
        lambda: (
            sorted(page_names(page))
            == ["上海华信贸易有限公司", "杭州云帆网络有限公司", "深圳科达电子有限公司"]
        ),
        timeout=2000,
    )
    page.search.clear()
    type_text(qtbot, page.search, "赵敏")  # a contact's name
    qtbot.waitUntil(lambda: page_names(page) == ["杭州云帆网络有限公司"], timeout=2000)


def test_clicking_a_header_sorts_in_sql(qtbot, ws):
    page = make_page(qtbot, ws)
    header = page.table.horizontalHeader()
    name_col = page._column_index("name")
    x = header.sectionViewportPosition(name_col) + 10
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    first = page_names(page)
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    second = page_names(page)
    assert page.query.sort == "name"
    assert first == sorted(first) or first == sorted(first, reverse=True)
    assert second == list(reversed(first))


def test_filters_and_saved_view_restore(qtbot, ws, monkeypatch):
    page = make_page(qtbot, ws)
    page.level.setCurrentIndex(page.level.findData("A"))
    assert sorted(page_names(page)) == ["北京星辰科技有限公司", "杭州云帆网络有限公司"]
    type_text(qtbot, page.search, "杭州")
    qtbot.waitUntil(lambda: page_names(page) == ["杭州云帆网络有限公司"], timeout=2000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("A级杭州", True))
    qtbot.mouseClick(page.save_view_button, Qt.MouseButton.LeftButton)
    page._on_clear_filters_clicked()
    assert len(page_names(page)) == 4 and page.search.text() == ""
    index = page.views.findText("A级杭州")
    assert index > 0
    page.views.setCurrentIndex(index)
    page.views.activated.emit(index)
    assert page.level.currentData() == "A" and page.search.text() == "杭州"
    assert page_names(page) == ["杭州云帆网络有限公司"]


def test_bulk_assign_records_the_transfer(qtbot, ws, monkeypatch):
    page = make_page(qtbot, ws)
    target = ws.people.rep_n2

    def fake_exec(dialog):
        dialog.user.setCurrentIndex(dialog.user.findData(target.id))
        dialog.reason.setCurrentIndex(dialog.reason.findData("rebalance"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(customer_page.AssignDialog, "exec", fake_exec)
    page.table.selectAll()
    assert page.assign_button.isEnabled()
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    owners = {page.model.row_at(r).owner_name for r in range(page.model.rowCount())}
    assert owners == {target.name}
    events = ws.ownership_events(page.model.id_at(0))
    assert events[0].kind == "transferred" and events[0].reason_code == "rebalance"


def test_new_customer_with_a_known_phone_warns_and_names_the_owner(qtbot, ws, monkeypatch):
    page = make_page(qtbot, ws)
    seen = {}

    def fake_confirm(self, duplicates):
        seen["text"] = customer_dialog.duplicate_text(duplicates)
        return False  # the user cancels

    monkeypatch.setattr(customer_dialog.CustomerDialog, "confirm_duplicates", fake_confirm)
    dialog = customer_dialog.CustomerDialog(ws, page)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.form.name, "全新公司")
    type_text(qtbot, dialog.contact_name, "新人")
    type_text(qtbot, dialog.contact_mobile, "138 1234 5678")
    dialog._on_save_clicked()
    assert "北京星辰科技有限公司" in seen["text"] and "张伟" in seen["text"]
    assert dialog.created_id is None
    assert ws.count_customers(customer_page.CustomerQuery(search="全新")) == 0


def test_new_customer_validation_shows_problems(qtbot, ws):
    dialog = customer_dialog.CustomerDialog(ws)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.contact_name, "某人")
    type_text(qtbot, dialog.contact_email, "not-an-email")
    dialog._on_save_clicked()
    assert not dialog.problems.isHidden()
    assert "Name" in dialog.problems.text() and "e-mail" in dialog.problems.text()


def test_delete_then_restore_from_recycle_bin(qtbot, ws, monkeypatch):
    page = make_page(qtbot, ws)
    bin_page = RecycleBinPage(ws)
    qtbot.addWidget(bin_page)
    page.data_changed.connect(bin_page.reload)
    bin_page.data_changed.connect(page.reload)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    name = page.model.row_at(0).name
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert name not in page_names(page) and len(page_names(page)) == 3
    assert bin_page.table.rowCount() == 1
    assert bin_page.table.item(0, 0).text() == name
    assert bin_page.table.item(0, 3).text() == "Ada Admin"
    bin_page.table.selectRow(0)
    qtbot.mouseClick(bin_page.restore_button, Qt.MouseButton.LeftButton)
    assert bin_page.table.rowCount() == 0
    assert name in page_names(page)


def test_detail_add_follow_up_updates_timeline(qtbot, ws):
    page = make_page(qtbot, ws)
    page.table.selectRow(0)
    detail = page.detail
    assert detail.detail is not None
    detail.fu_kind.setCurrentIndex(detail.fu_kind.findData("visit"))
    type_text(qtbot, detail.fu_content, "上门拜访，客户很满意")
    qtbot.mouseClick(detail.fu_add, Qt.MouseButton.LeftButton)
    assert "上门拜访，客户很满意" in detail.timeline.toPlainText()
    assert detail.detail.last_follow_up_at == NOW


def test_count_arrives_from_a_worker_thread(qtbot, ws):
    """A long list shows its first page at once; the true count comes from the real runner."""
    from crmdesk.models.demo import generate_demo
    from crmdesk.tasks import TaskRunner

    generate_demo(ws.db, customers=300, seed=2)
    runner = TaskRunner()
    page = CustomersPage(ws, runner=runner)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == PAGE_SIZE  # the first page, before the count
    assert "Counting" in page.count_label.text()
    qtbot.waitUntil(lambda: page.model.rowCount() == 304, timeout=5000)
    assert "304" in page.count_label.text()
    assert page.industry.count() > 5  # filter choices loaded off-thread too
    page.model.row_at(303)  # the last page is fetched on demand
    assert page.model.row_at(303) is not None
    runner.wait()


def test_adding_a_contact_with_a_known_mobile_warns(qtbot, ws, monkeypatch):
    from crmdesk.views import customer_detail

    page = make_page(qtbot, ws)
    names = page_names(page)
    page.table.selectRow(names.index("杭州云帆网络有限公司"))
    detail = page.detail
    warned = []

    def fake_exec(dialog):
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
    assert [c.data.name for c in ws.contacts(detail.detail.id)] == ["赵敏"]  # nothing saved
