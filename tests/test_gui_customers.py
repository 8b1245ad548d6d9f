"""The customer pages driven as a user would, on a real SQLite database."""

from __future__ import annotations

import pytest
from gui_helpers import QueueRunner, make_page, page_names, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox

from crmdesk.models import pinyin
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.customers import CustomerInput
from crmdesk.views import bulk_dialogs, customer_dialog, prompts
from crmdesk.views.context import PageContext
from crmdesk.views.customer_columns import customer_columns
from crmdesk.views.recycle_bin_page import RecycleBinPage
from crmdesk.views.table_model import PAGE_SIZE, PLACEHOLDER, WindowedTableModel


def test_model_passes_qtmodeltester(qtmodeltester, ws):
    from crmdesk.tasks import SyncRunner

    model = WindowedTableModel(
        customer_columns(), ws.list_customers, ws.count_customers, SyncRunner(), ws.clock
    )
    model.set_query(CustomerQuery())
    assert model.rowCount() == 4
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
    x = header.sectionViewportPosition(page.model.column_index("name")) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = page_names(page)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    second = page_names(page)
    assert page.query.sort == "name"
    ascending = first if first[0] < first[-1] else second
    # In pinyin order (bei jing, hang zhou, shang hai, shen zhen), not by code point (上 < 北).
    assert ascending == sorted(first, key=pinyin.sort_key)
    assert ascending[0].startswith("北京") and ascending != sorted(first)
    assert second == list(reversed(first))


def test_a_column_the_list_cannot_sort_by_keeps_the_arrow_where_the_rows_are_sorted(qtbot, ws):
    """Mobile is derived from the contacts: a click on it does not sort, so the header's arrow
    goes back to Customer instead of promising an order the rows (and an export) lack."""
    page = make_page(qtbot, ws)
    header = page.table.horizontalHeader()
    name = page.model.column_index("name")

    def click(key: str) -> None:
        x = header.sectionViewportPosition(page.model.column_index(key)) + 10
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    click("name")
    before = page_names(page), header.sortIndicatorOrder()
    click("mobile")
    qtbot.waitUntil(lambda: header.sortIndicatorSection() == name, timeout=2000)
    assert (page_names(page), header.sortIndicatorOrder()) == before
    assert page.query.sort == "name"


def test_filters_and_saved_view_restore(qtbot, ws, monkeypatch):
    page = make_page(qtbot, ws)
    level = page.filters.controls["level"]
    level.setCurrentIndex(level.findData("A"))
    assert sorted(page_names(page)) == ["北京星辰科技有限公司", "杭州云帆网络有限公司"]
    type_text(qtbot, page.search, "杭州")
    qtbot.waitUntil(lambda: page_names(page) == ["杭州云帆网络有限公司"], timeout=2000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("A级杭州", True))
    qtbot.mouseClick(page.saved_views.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    assert len(page_names(page)) == 4 and page.search.text() == ""
    combo = page.saved_views.combo
    index = combo.findText("A级杭州")
    assert index > 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert level.currentData() == "A" and page.search.text() == "杭州"
    assert page_names(page) == ["杭州云帆网络有限公司"]


def test_saved_view_restores_a_filter_whose_choices_have_not_loaded(qtbot, ws):
    """A view filtering on an industry, chosen before the industries arrived from the
    database, shows and applies that industry, and keeps it when the choices arrive."""
    ws.create_customer(CustomerInput(name="宁波精工机械", industry="制造业"))
    view_id = ws.save_view(
        "customers", "制造业", {"query": CustomerQuery(industry="制造业").to_dict()}
    ).value
    runner = QueueRunner()
    page = make_page(qtbot, ws, runner)
    runner.run_all()  # the first page, the count, the saved views; the choices come next
    page._load_choices()
    choices_job = runner.jobs[:]
    runner.jobs.clear()
    combo = page.saved_views.combo
    index = next(
        i for i in range(combo.count()) if combo.itemData(i) and combo.itemData(i).id == view_id
    )
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    industry = page.filters.controls["industry"]
    assert industry.currentData() == "制造业" and industry.currentText() == "制造业"
    runner.run_all()
    assert page_names(page) == ["宁波精工机械"]
    runner.jobs.extend(choices_job)
    runner.run_all()  # the choices arrive: the filter keeps its value, once
    assert industry.currentData() == "制造业"
    assert [industry.itemData(i) for i in range(industry.count())].count("制造业") == 1
    assert page.query.industry == "制造业"


def test_rows_show_placeholders_until_their_page_arrives(qtbot, ws):
    from crmdesk.models.demo import generate_demo

    generate_demo(ws.db, customers=300, seed=2, pooled=0)
    runner = QueueRunner()
    page = make_page(qtbot, ws, runner)
    assert page.model.rowCount() == 0 and page.count_label.text() == "Loading…"
    runner.run_all()  # the first page (and the saved views, the filter choices)
    assert page.model.rowCount() == PAGE_SIZE and page.count_label.text() == "Counting…"
    qtbot.waitUntil(lambda: bool(runner.jobs), timeout=2000)  # the count, after its pause
    runner.run_all()
    total = page.model.rowCount()
    assert total == 304
    index = page.model.index(250, 0)
    assert page.model.data(index) == PLACEHOLDER  # asks for page 2 and waits
    changed = []
    page.model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    runner.run_all()
    assert (200, 299) in changed
    assert page.model.data(index) not in (PLACEHOLDER, None)


def test_a_page_that_failed_is_retried_not_cached_empty(qtbot, ws, monkeypatch):
    from crmdesk.models.demo import generate_demo
    from crmdesk.views import table_model

    generate_demo(ws.db, customers=300, seed=3, pooled=0)
    monkeypatch.setattr(table_model, "RETRY_MS", 50)
    runner = QueueRunner()
    page = make_page(qtbot, ws, runner)
    runner.run_all()
    qtbot.waitUntil(lambda: bool(runner.jobs), timeout=2000)
    runner.run_all()
    real_fetch, calls = page.model._fetch, []

    def flaky(query, offset, limit, **more):
        calls.append(offset)
        if len(calls) == 1:
            from crmdesk.models.errors import ConnectionLost

            raise ConnectionLost(detail="server went away")
        return real_fetch(query, offset, limit, **more)

    page.model._fetch = flaky
    page.model._retry_timer.setInterval(50)
    index = page.model.index(210, 0)
    assert page.model.data(index) == PLACEHOLDER
    runner.run_all()  # fails
    assert not page.banner.isHidden() and "lost" in page.banner.text.text()
    assert page.model.data(index) == PLACEHOLDER  # not cached empty, not asked again at once
    assert not runner.jobs
    qtbot.waitUntil(
        lambda: bool(runner.jobs) or page.model.data(index) != PLACEHOLDER, timeout=2000
    )
    runner.run_all()
    assert page.model.data(index) not in (PLACEHOLDER, None) and calls == [200, 200]


def test_bulk_assign_records_the_transfer(qtbot, ws, monkeypatch):
    page = make_page(qtbot, ws)
    target = ws.people.rep_n2

    def fake_exec(dialog):
        dialog.user.setCurrentIndex(dialog.user.findData(target.id))
        dialog.reason.setCurrentIndex(dialog.reason.findData("rebalance"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(bulk_dialogs.AssignDialog, "exec", fake_exec)
    page.table.selectAll()
    assert page.assign_button.isEnabled()
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    owners = {page.model.row_at(r).owner_name for r in range(page.model.rowCount())}
    assert owners == {target.name}
    events = ws.customer_card(page.model.id_at(0)).events
    assert events[0].kind == "transferred" and events[0].reason_code == "rebalance"
    assert page.message.text().startswith("Assigned 3 customer")  # one was rep_n2's already
    assert "1 customer" in page.message.text() and "needed no change" in page.message.text()
    assert page.bulk._was_all  # the same list: still all selected, for the next action


def test_assign_dialog_starts_with_nobody_chosen_and_never_offers_finance(qtbot, ws):
    """Enter in a freshly opened dialog hands nobody any customers: OK waits for a pick, typed
    or chosen. Finance, who sees no customer page, is not offered."""
    from crmdesk.models.schema import User

    with ws.db.writing() as s:
        s.add(User(name="Fay Finance", login="fin", role="finance", active=True,
                   created_at=ws.clock()))  # fmt: skip
    dialog = bulk_dialogs.AssignDialog(PageContext(ws), 3)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.user.isEnabled(), timeout=2000)
    offered = [dialog.user.itemText(i) for i in range(dialog.user.count())]
    assert offered and not any("Fay Finance" in text for text in offered)
    assert dialog.user.currentIndex() == -1 and not dialog.ok_button.isEnabled()
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # nobody chosen: the dialog stays
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    target = ws.people.rep_n2
    dialog.user.setCurrentIndex(dialog.user.findData(target.id))
    assert dialog.ok_button.isEnabled() and dialog.value()[0] == target.id


def test_tag_dialog_offers_the_tags_in_use_and_says_which_tag_changed(qtbot, ws, english):
    ws.create_customer(CustomerInput(name="宁波精工机械", tags=("VIP", "重点客户")))
    dialog = bulk_dialogs.TagDialog(2, None, PageContext(ws))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.tag.completer() is not None, timeout=2000)
    offered = dialog.tag.completer().model()
    assert sorted(offered.index(i, 0).data() for i in range(offered.rowCount())) == [
        "VIP", "重点客户"]  # fmt: skip
    dialog.tag.setText(" VIP ")
    assert dialog.done_text(1) == "Added the tag “VIP” to 1 customer."
    dialog.remove.setChecked(True)
    assert dialog.done_text(3) == "Removed the tag “VIP” from 3 customers."


def test_select_all_then_delete_over_more_than_one_page(qtbot, ws, answers):
    """Select all while the rows are still being counted: the confirmation names the number
    that will change, every matching customer goes to the bin, not only the loaded page."""
    from crmdesk.models.demo import generate_demo

    generate_demo(ws.db, customers=300, seed=4, pooled=0)
    runner = QueueRunner()
    ctx = PageContext(ws, runner)
    page = make_page(qtbot, ws, ctx=ctx)
    bin_page = RecycleBinPage(ctx)
    qtbot.addWidget(bin_page)
    runner.run_all()  # first pages; the count has not come yet
    assert page.model.rowCount() == PAGE_SIZE
    page.table.selectAll()
    answers.give("confirm_delete", True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    runner.run_all()  # count what will change, ask, delete, reload both pages
    qtbot.waitUntil(lambda: not runner.jobs and not page.is_counting, timeout=3000)
    runner.run_all()
    assert answers.asked == [("confirm_delete", (page, 304, ""))]
    assert page.model.rowCount() == 0
    qtbot.waitUntil(lambda: not runner.jobs, timeout=3000)
    runner.run_all()
    qtbot.waitUntil(lambda: bin_page.model.rowCount() == 304 or bool(runner.jobs), timeout=3000)
    runner.run_all()
    assert bin_page.model.rowCount() == 304
    assert "304" in page.message.text()


def test_new_customer_with_a_known_phone_warns_and_names_the_owner(qtbot, ws, monkeypatch):
    seen = {}

    def fake_confirm(parent, duplicates):
        seen["text"] = prompts.duplicate_text(duplicates)
        return ("cancel", 0)  # the user cancels

    monkeypatch.setattr(prompts, "ask_duplicate", fake_confirm)
    dialog = customer_dialog.CustomerDialog(PageContext(ws), None)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.form.name, "全新公司")
    type_text(qtbot, dialog.contact_name, "新人")
    type_text(qtbot, dialog.contact_mobile, "138 1234 5678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "北京星辰科技有限公司" in seen["text"] and "张伟" in seen["text"]
    assert dialog.created_id is None and dialog.save_button.isEnabled()
    assert dialog.form.name.text() == "全新公司"  # nothing typed is lost
    assert ws.count_customers(CustomerQuery(search="全新")) == 0


def test_new_customer_validation_shows_problems(qtbot, ws):
    dialog = customer_dialog.CustomerDialog(PageContext(ws), None)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.contact_name, "某人")
    type_text(qtbot, dialog.contact_email, "not-an-email")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.problems.isHidden()
    assert "Name" in dialog.problems.text() and "e-mail" in dialog.problems.text()


def test_delete_then_restore_from_recycle_bin(qtbot, ws, answers):
    ctx = PageContext(ws)
    page = make_page(qtbot, ws, ctx=ctx)
    bin_page = RecycleBinPage(ctx)  # the pages only share the change bus
    qtbot.addWidget(bin_page)
    answers.give("confirm_delete", True)
    name = page.model.row_at(0).name
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert answers.asked == [("confirm_delete", (page, 1, name))]  # the question names it
    assert name not in page_names(page) and len(page_names(page)) == 3
    assert bin_page.model.rowCount() == 1
    row = bin_page.model.row_at(0)
    assert row.name == name and row.deleted_by_name == "Ada Admin"
    bin_page.table.selectRow(0)
    qtbot.mouseClick(bin_page.restore_button, Qt.MouseButton.LeftButton)
    assert bin_page.model.rowCount() == 0
    assert name in page_names(page)


def test_count_arrives_from_a_worker_thread_and_the_window_never_waits(qtbot, ws):
    """With the real threaded runner and a workspace that records any call made on the GUI
    thread: the page opens, counts, searches, shows a customer and saves an edit without
    the GUI thread ever calling the database."""
    from gui_helpers import GuiThreadGuard

    from crmdesk.models.demo import generate_demo
    from crmdesk.tasks import TaskRunner

    generate_demo(ws.db, customers=300, seed=2, pooled=0)
    guard = GuiThreadGuard(ws)
    runner = TaskRunner()
    page = make_page(qtbot, guard, runner)
    qtbot.waitUntil(lambda: page.model.rowCount() == 304, timeout=5000)
    qtbot.waitUntil(lambda: "304" in page.count_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: page.filters.controls["industry"].count() > 5, timeout=5000)
    assert page.model.row_at(303) is None  # asked for, on its way
    qtbot.waitUntil(lambda: page.model.row_at(303) is not None, timeout=5000)
    type_text(qtbot, page.search, "科技")
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < 304 and not page.is_counting, timeout=5000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5000)
    page.detail.form.city.setText("宁波")
    qtbot.mouseClick(page.detail.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.detail.data.city == "宁波", timeout=5000)
    runner.wait()
    assert guard.calls_on_gui_thread == []


def test_select_all_does_not_outlive_the_list_it_was_made_on(qtbot, ws):
    """Select all, then search: the new rows are not selected (a Delete now would have been a
    delete of everything the search found). While the count still arrives, it grows with the
    rows instead."""
    from crmdesk.models.demo import generate_demo
    from crmdesk.views.bulk_actions import selected_count

    generate_demo(ws.db, customers=150, seed=6, pooled=0)
    runner = QueueRunner()
    page = make_page(qtbot, ws, runner)
    runner.run_all()
    page.table.selectAll()  # the first page only: the count is still coming
    qtbot.waitUntil(lambda: bool(runner.jobs), timeout=2000)
    runner.run_all()
    assert page.model.rowCount() == 154 and selected_count(page.table) == 154
    page.search.setText("科技")
    page.filters.flush_search()
    runner.run_all()
    qtbot.waitUntil(lambda: not runner.jobs or not page.is_counting, timeout=2000)
    runner.run_all()
    assert 0 < page.model.rowCount() < 154
    assert selected_count(page.table) == 0
    assert page.delete_button.isEnabled() is False


def test_a_second_action_while_one_runs_is_ignored(qtbot, ws, monkeypatch):
    runner = QueueRunner()
    page = make_page(qtbot, ws, runner)
    runner.run_all()
    page.table.selectRow(0)

    def fake_exec(dialog):
        dialog.tag.setText("重点")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(bulk_dialogs.TagDialog, "exec", fake_exec)
    qtbot.mouseClick(page.tag_button, Qt.MouseButton.LeftButton)  # counting, not done yet
    assert not page.delete_button.isEnabled()
    page._on_delete_clicked()  # the Delete key, meanwhile
    runner.run_all()
    assert page.message.text().startswith("Added the tag “重点” to 1 customer")  # (s): by
    # whether an earlier test left the English plural forms installed
    assert ws.count_deleted(CustomerQuery()) == 0
    from crmdesk.views.bulk_actions import selected_count

    assert selected_count(page.table) == 1  # the same customer, ready for the next action


def test_an_empty_list_says_why_and_a_view_is_not_replaced_unasked(qtbot, ws, monkeypatch):
    page = make_page(qtbot, ws)
    type_text(qtbot, page.search, "没有这个客户")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    assert page.table.empty_text == "No customers match the search and filters."
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("我的视图", True))
    qtbot.mouseClick(page.saved_views.save_button, Qt.MouseButton.LeftButton)
    page.saved_views.mark_custom()
    asked = []

    def no(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("我的视图 ", True))
    page.search.clear()
    page.filters.flush_search()
    qtbot.mouseClick(page.saved_views.save_button, Qt.MouseButton.LeftButton)
    assert asked and "我的视图" in asked[0]
    (view,) = ws.saved_views("customers")
    assert view.payload["query"]["search"] == "没有这个客户"  # the old one, kept


def capped_page(qtbot, ws, monkeypatch, full_count_is_fast: bool = False):
    """The customer page over 304 customers, its count capped at 150 (as on a server)."""
    from crmdesk.models import customer_list
    from crmdesk.models.demo import generate_demo

    generate_demo(ws.db, customers=300, seed=5, pooled=0)
    monkeypatch.setattr(customer_list, "count_cap", lambda dialect: 150)
    if full_count_is_fast:
        monkeypatch.setattr(customer_list, "_full_count_is_fast", lambda dialect, query: True)
    return make_page(qtbot, ws)


def test_a_capped_count_says_more_than_and_counts_in_full_at_the_end(qtbot, ws, monkeypatch):
    """Where counting a long list would be slow (the servers), the count stops at the cap: the
    list says "More than …"; reaching its end counts the rest and shows every row."""
    page = capped_page(qtbot, ws, monkeypatch)
    qtbot.waitUntil(lambda: page.model.is_capped, timeout=10_000)
    assert page.model.rowCount() == 151
    text = page.count_label.text()  # "More than 150 customers · Count all" (whatever language)
    assert "150" in text and 'href="count"' in text
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 304, timeout=10_000)
    assert not page.model.is_capped
    qtbot.waitUntil(lambda: "304" in page.count_label.text(), timeout=10_000)
    assert "href" not in page.count_label.text()
    page.table.scrollToBottom()  # on to the rows the full count added
    qtbot.waitUntil(lambda: page.model.id_at(303) is not None, timeout=10_000)


def test_count_all_counts_a_capped_list_without_scrolling(qtbot, ws, monkeypatch):
    page = capped_page(qtbot, ws, monkeypatch)
    qtbot.waitUntil(lambda: page.model.is_capped, timeout=10_000)
    assert 'href="count"' in page.count_label.text()
    page.count_label.linkActivated.emit("count")  # the user clicks "Count all"
    qtbot.waitUntil(lambda: "304" in page.count_label.text(), timeout=10_000)
    assert page.model.rowCount() == 304 and page.table.verticalScrollBar().value() == 0


def test_a_count_that_went_on_in_full_is_not_shown_as_capped(qtbot, ws, monkeypatch):
    """Where a backend counts fast enough in full (PostgreSQL, unsearched), the count answers the
    true number past the cap: the list shows it, with no "More than"."""
    page = capped_page(qtbot, ws, monkeypatch, full_count_is_fast=True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 304, timeout=10_000)
    assert not page.model.is_capped and "href" not in page.count_label.text()


def test_long_pickers_are_typed_into_and_owners_filter(qtbot, ws):
    page = make_page(qtbot, ws)
    province = page.filters.controls["province"]
    qtbot.waitUntil(lambda: province.findText("新疆") >= 0, timeout=2000)  # all 34, no data
    assert province.findText("澳门") >= 0 and province.count() == 35  # "Any province" first
    province.lineEdit().selectAll()
    type_text(qtbot, province.lineEdit(), "东")
    completer = province.completer()
    shown = completer.completionModel()
    offered = {shown.index(r, 0).data() for r in range(shown.rowCount())}
    assert offered == {"广东", "山东"}  # "contains", not "starts with"
    province.lineEdit().selectAll()
    type_text(qtbot, province.lineEdit(), "广东")
    qtbot.keyClick(province.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.query.province == "广东", timeout=2000)
    province.lineEdit().selectAll()
    type_text(qtbot, province.lineEdit(), "火星")  # no such entry: back to 广东 when left
    province.lineEdit().editingFinished.emit()
    assert province.currentText() == "广东" and page.query.province == "广东"
    province.lineEdit().selectAll()
    type_text(qtbot, province.lineEdit(), "疆")  # one entry holds it: that one is meant
    province.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: page.query.province == "新疆", timeout=2000)
    assert province.currentText() == "新疆"
    page.filters.set_query(CustomerQuery())
    owner = page.filters.controls["owner_id"]  # the admin sees everyone's customers
    qtbot.waitUntil(lambda: owner.findText("李娜") >= 0, timeout=2000)
    owner.setCurrentIndex(owner.findText("李娜"))
    qtbot.waitUntil(
        lambda: page_names(page) == ["杭州云帆网络有限公司", "深圳科达电子有限公司"], timeout=2000
    )


def test_a_rep_has_no_owner_filter(qtbot, ws):
    from crmdesk.models.workspace import Workspace

    rep = Workspace(ws.db, ws.people.rep_n1, clock=ws.clock)
    page = make_page(qtbot, rep)
    assert "owner_id" not in page.filters.controls


@pytest.fixture
def english(qapp):
    """The English translation (its plural forms: "1 customer", "2 customers")."""
    from PySide6.QtCore import QTranslator

    from crmdesk import paths

    translator = QTranslator()
    assert translator.load("crmdesk_en", str(paths.resource_dir() / "translations"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_delete_asks_with_verbs_and_offers_undo_in_the_notice(qtbot, ws, answers, english):
    from crmdesk.views.context import ChangeBus
    from crmdesk.views.widgets import NoticeLine

    bus = ChangeBus()
    line = NoticeLine()
    qtbot.addWidget(line)
    bus.notice.connect(lambda n: line.show_notice(n.text, n.action_text, n.action))
    page = make_page(qtbot, ws, ctx=PageContext(ws, bus=bus))
    names = page_names(page)
    page.table.selectRow(1)
    answers.give("confirm_delete", False, True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)  # Cancel: nothing happens
    assert page_names(page) == names and line.text.text() == ""
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert names[1] not in page_names(page)
    assert line.text.text() == "Moved 1 customer to the recycle bin."
    assert page.message.text() == line.text.text()  # the list's own line says it too
    assert line.button.isVisibleTo(line) and line.button.text() == "Undo"
    qtbot.mouseClick(line.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page_names(page) == names, timeout=2000)
    assert line.text.text() == "Restored 1 customer."
    assert page.message.text() == ""  # no longer true: it goes, not "Moved 1 customer…"
    assert not line.button.isVisibleTo(line) and ws.count_deleted(CustomerQuery()) == 0
    page.table.selectAll()
    answers.give("confirm_delete", True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert line.text.text() == "Moved 4 customers to the recycle bin."  # the English plural
    page.message.resize(120, page.message.height())  # too narrow: it ends in "…", whole in
    shown = QLabel.text(page.message)  # its tooltip
    assert shown.endswith("…") and page.message.toolTip() == page.message.text()
    page.search.setText("no such customer anywhere")  # another list: the line goes
    qtbot.waitUntil(lambda: page.message.text() == "", timeout=2000)


def test_tag_filter_in_a_saved_view_and_chips_in_the_detail(qtbot, ws, monkeypatch):
    from crmdesk.views.filter_bar import TagFilter

    for name, tags in (("宁波精工机械", ("VIP", "重点客户")), ("温州鞋业", ("VIP",))):
        ws.create_customer(CustomerInput(name=name, tags=tags))
    page = make_page(qtbot, ws)
    tag_filter = page.filters.controls["tags"]
    assert isinstance(tag_filter, TagFilter)
    qtbot.waitUntil(lambda: len(tag_filter.menu().actions()) == 2, timeout=2000)
    vip, key = tag_filter.menu().actions()  # in pinyin order: VIP, zhong dian
    assert (vip.text(), key.text()) == ("VIP", "重点客户")
    vip.trigger()
    qtbot.waitUntil(lambda: sorted(page_names(page)) == ["宁波精工机械", "温州鞋业"], timeout=2000)
    key.trigger()
    qtbot.waitUntil(lambda: page_names(page) == ["宁波精工机械"], timeout=2000)
    assert "VIP + 重点客户" in tag_filter.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("重要的 VIP", True))
    qtbot.mouseClick(page.saved_views.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page_names(page)) == 6, timeout=2000)
    assert tag_filter.value() == () and not any(a.isChecked() for a in tag_filter.menu().actions())
    combo = page.saved_views.combo
    index = combo.findText("重要的 VIP")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: page_names(page) == ["宁波精工机械"], timeout=2000)
    assert tag_filter.value() == ("VIP", "重点客户")
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.chips.tags() == ["VIP", "重点客户"], timeout=2000)
    assert page.detail.chips.isVisibleTo(page.detail)


def test_an_admin_renames_a_tag_from_the_tag_manager(qtbot, ws, monkeypatch, answers):
    from crmdesk.views.tags_dialog import TagsDialog

    ws.create_customer(CustomerInput(name="宁波精工机械", tags=("vip",)))
    ws.create_customer(CustomerInput(name="温州鞋业", tags=("VIP",)))
    ctx = PageContext(ws)
    notices = []
    ctx.bus.notice.connect(lambda n: notices.append(n.text))
    dialog = TagsDialog(ctx)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == [
        "VIP",
        "vip",
    ]
    assert not dialog.rename_button.isEnabled()
    dialog.table.selectRow(1)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("VIP", True))
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "2"
    assert notices == ["Renamed the tag “vip” to “VIP”."]
    assert ws.count_customers(CustomerQuery(tags=("VIP",))) == 2


def test_help_menu_lists_shortcuts_and_about_names_the_folders(qtbot, ws, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLabel

    from crmdesk.views.help_dialogs import AboutDialog, ShortcutsDialog
    from crmdesk.views.main_window import MainWindow

    window = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.new_action.toolTip().endswith("(Ctrl+N)")
    assert window.tags_action.isVisible()  # the admin manages tags (the menu shows it)
    shortcuts = ShortcutsDialog(window.menu_actions, window)
    qtbot.addWidget(shortcuts)
    rows = {
        shortcuts.table.item(r, 0).text(): shortcuts.table.item(r, 1).text()
        for r in range(shortcuts.table.rowCount())
    }
    assert rows["New customer…"] == "Ctrl+N" and rows["Find"] == "Ctrl+F"
    assert "Del" in rows.values() and "Esc" in rows.values()
    about = AboutDialog(ws.db.display_name(), window)
    qtbot.addWidget(about)
    texts = [label.text() for label in about.findChildren(QLabel)]
    from crmdesk import __version__, paths

    assert __version__ in texts and str(paths.log_dir()) in texts
    assert ws.db.display_name() in texts


def test_an_empty_list_offers_new_customer_and_a_filtered_one_does_not(
    qtbot, local_db, monkeypatch
):
    from helpers import NOW, People

    from crmdesk.models.workspace import Workspace

    ws = Workspace(local_db, People(local_db).admin, clock=lambda: NOW)
    page = make_page(qtbot, ws)
    button = page.table.empty_button
    qtbot.waitUntil(lambda: button.isVisible(), timeout=2000)
    assert button.text() == "New customer…" and "No customers here yet" in page.table.empty_text
    assert "recycle bin" in page.table.empty_text  # after deleting them all: where they went
    opened = []
    monkeypatch.setattr(
        customer_dialog.CustomerDialog, "exec", lambda dialog: opened.append(dialog) or 0
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    type_text(qtbot, page.search, "科技")
    qtbot.waitUntil(lambda: "match" in page.table.empty_text, timeout=2000)
    assert not button.isVisible()  # a search that finds nothing is no reason to add one


def test_a_narrow_window_hides_the_least_needed_columns_first(qtbot, ws):
    page = make_page(qtbot, ws)
    header = page.table.horizontalHeader()

    def shown() -> set[str]:
        return {c.key for i, c in enumerate(page.model.columns) if not header.isSectionHidden(i)}

    everything = set(page.visible_columns())

    def width(pixels: int) -> None:  # the list's share of the split
        page.resize(2600, 700)
        page.splitter.setSizes([pixels, 2600 - pixels])

    width(2600)
    qtbot.waitUntil(lambda: shown() == everything, timeout=2000)
    width(620)
    qtbot.waitUntil(lambda: "city" not in shown(), timeout=2000)
    assert {"name", "level", "status", "owner"} <= shown()
    assert header.length() <= page.table.viewport().width()  # no column cut off at the edge
    assert set(page.visible_columns()) == everything  # still the user's choice
    width(2600)
    qtbot.waitUntil(lambda: shown() == everything, timeout=2000)


def test_the_split_stays_put_and_detail_tables_fit_the_panel(qtbot, ws):
    from crmdesk.models.contacts import ContactInput

    long_tags = tuple(f"很长的标签名称第{i}个" for i in range(12))
    ws.create_customer(
        CustomerInput(name="超长名称" * 25, tags=long_tags),
        first_contacts=[ContactInput(name="王小明", title="采购总监", mobile="13812345678",
                               email="wang.xiaoming@example-company.com.cn")],
    )  # fmt: skip
    page = make_page(qtbot, ws)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=2000)
    sizes = page.splitter.sizes()
    row = page_names(page).index("超长名称" * 25)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.detail.chips.tags() == sorted(long_tags), timeout=2000)
    assert page.splitter.sizes() == sizes
    page.detail.tabs.setCurrentIndex(1)
    contacts = page.detail.contacts_table
    qtbot.waitUntil(lambda: contacts.rowCount() == 1, timeout=2000)
    assert contacts.horizontalHeader().length() <= contacts.viewport().width() + 1
    assert contacts.isColumnHidden(5)  # no WeChat for anyone: no WeChat column


def test_actions_confirm_themselves_in_the_notice_line(qtbot, ws, monkeypatch):
    ctx = PageContext(ws)
    notices = []
    ctx.bus.notice.connect(lambda n: notices.append(n.text))
    dialog = customer_dialog.CustomerDialog(ctx, None)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.form.name, "全新公司")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert notices == ["Created “全新公司”."]
    page = make_page(qtbot, ws, ctx=ctx)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("A 级", True))
    qtbot.mouseClick(page.saved_views.save_button, Qt.MouseButton.LeftButton)
    assert notices[-1] == "Saved the view “A 级”."

    def delete_it(box) -> None:  # the user clicks the verb, not Cancel
        role = QMessageBox.ButtonRole.DestructiveRole
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()

    monkeypatch.setattr(QMessageBox, "exec", delete_it)
    qtbot.mouseClick(page.saved_views.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: notices[-1] == "Deleted the view “A 级”.", timeout=2000)
    assert ws.saved_views("customers") == []


def test_typing_pinyin_or_its_initials_finds_chinese_names(qtbot, ws):
    page = make_page(qtbot, ws)
    type_text(qtbot, page.search, "bjxc")
    qtbot.waitUntil(lambda: page_names(page) == ["北京星辰科技有限公司"], timeout=2000)
    page.search.clear()
    type_text(qtbot, page.search, "keji")
    qtbot.waitUntil(lambda: page_names(page) == ["北京星辰科技有限公司"], timeout=2000)
    page.search.clear()
    type_text(qtbot, page.search, "hmm")  # the contact 韩梅梅
    qtbot.waitUntil(lambda: page_names(page) == ["深圳科达电子有限公司"], timeout=2000)


def test_a_bulk_action_keeps_the_selection_and_the_scroll_position(qtbot, ws, monkeypatch):
    from crmdesk.models.demo import generate_demo

    generate_demo(ws.db, customers=300, seed=6, pooled=0)
    runner = QueueRunner()  # replies come later, as from the worker thread
    page = make_page(qtbot, ws, runner)

    def settled(check) -> bool:
        runner.run_all()
        return check()

    qtbot.waitUntil(lambda: settled(lambda: page.model.rowCount() == 304), timeout=3000)
    bar = page.table.verticalScrollBar()
    page.table.scrollTo(page.model.index(250, 0))  # past the first page of rows
    qtbot.waitUntil(lambda: settled(lambda: page.model.row_at(250) is not None), timeout=3000)
    page.table.selectRow(250)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)
    where, chosen = bar.value(), page.model.id_at(250)

    def fake_exec(dialog):
        dialog.tag.setText("回访")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(bulk_dialogs.TagDialog, "exec", fake_exec)
    qtbot.mouseClick(page.tag_button, Qt.MouseButton.LeftButton)
    # count, confirm, write, then the reload it causes
    qtbot.waitUntil(
        lambda: settled(lambda: "Added the tag “回访”" in page.message.text()), timeout=3000
    )
    qtbot.waitUntil(lambda: settled(lambda: page.model.rowCount() == 304), timeout=3000)
    qtbot.waitUntil(lambda: settled(lambda: bar.value() == where), timeout=2000)
    rows = page.table.selectionModel().selectedRows()
    assert [page.model.id_at(r.row()) for r in rows] == [chosen]


def test_a_new_customer_starts_as_a_level_c_lead(qtbot, ws):
    dialog = customer_dialog.CustomerDialog(PageContext(ws), None)
    qtbot.addWidget(dialog)
    assert dialog.form.level.currentData() == "C" and dialog.form.status.currentData() == "lead"
    type_text(qtbot, dialog.form.name, "新线索公司")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ws.customer(dialog.created_id).data.level == "C"


def test_cancel_in_a_bulk_actions_progress_dialog_asks_the_job_to_stop(qtbot, ws, answers):
    """Cancel reaches the running job (through the actions' own slot)."""
    from PySide6.QtWidgets import QProgressDialog

    runner = QueueRunner()
    page = make_page(qtbot, ws, ctx=PageContext(ws, runner))
    runner.run_all()
    page.table.selectAll()
    answers.give("confirm_delete", True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    while page.findChild(QProgressDialog) is None and runner.jobs:
        runner.run_next()  # the count, then the question
    dialog = page.findChild(QProgressDialog)
    write = next(task for task, *_rest in runner.jobs if _rest[-1] is not None)
    assert not write.cancelled
    dialog.canceled.emit()  # its Cancel button clicked
    assert write.cancelled
    runner.run_all()
