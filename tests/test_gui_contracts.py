"""The contracts page and the customer's Contracts tab driven as a user would, on a real SQLite
database: the list's received and outstanding (against sums worked out here), every filter,
a saved view, opening a contract, the tab reloading when a payment or a contract arrives on
the change bus, winning a deal offering its contract, a customer's contracts from Receivables,
the owner filter's people, a new contract selected once saved, drafts awaiting approval, and
`crmdesk screenshot contracts`."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from gui_helpers import type_text
from helpers import NOW
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel
from test_cli import run_cli

from crmdesk.models.contract_rules import ContractInput, InstalmentInput
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.deal_rules import DealInput, LineInput
from crmdesk.models.payments import PaymentInput
from crmdesk.views import deal_move_dialogs
from crmdesk.views.context import PageContext
from crmdesk.views.contract_columns import (
    AWAITING,
    ContractFilters,
    contract_words,
)
from crmdesk.views.contracts_page import ContractsPage
from crmdesk.views.customer_detail import CustomerDetailPanel
from crmdesk.views.periods import period_dates
from crmdesk.views.widgets import ERROR_COLOR

TODAY = NOW.date()


@dataclass
class Made:
    ids: dict[str, int]  # contract title -> id
    customers: dict[str, int]  # customer name -> id


def _contract(ws, customer_id, title, amount, owner, signed, plan=(), paid=(), status="active",
              ends=None) -> int:  # fmt: skip
    data = ContractInput(customer_id=customer_id, title=title, amount=Decimal(amount),
                         owner_id=owner.id, signed_on=signed, ends_on=ends)  # fmt: skip
    cid = ws.create_contract(data).value
    if plan:
        version = ws.contract(cid).version
        ws.save_plan(cid, [InstalmentInput(d, Decimal(a)) for d, a in plan], version)
    if status != "draft":
        ws.set_contract_status(cid, status, ws.contract(cid).version)
    for day, amount_paid in paid:
        ws.record_payment(cid, PaymentInput(day, Decimal(amount_paid)))
    return cid


@pytest.fixture
def made(ws) -> Made:
    """Four contracts, one a customer: 星辰 paid its first instalment (on time), 华信 owes one
    that fell due five days ago, 科达's is a draft, 云帆's is paid and ends in 20 days."""
    p = ws.people
    customers = {c.name: c.id for c in ws.list_customers(CustomerQuery(scope="all"), 0, 10)}
    d = lambda days: TODAY + timedelta(days=days)  # noqa: E731
    ids = {
        "星辰 CRM": _contract(ws, customers["北京星辰科技有限公司"], "星辰 CRM", "10000",
                             p.rep_n1, TODAY, plan=[(d(-10), "4000"), (d(30), "6000")],
                             paid=[(d(-10), "4000")]),
        "华信 ERP": _contract(ws, customers["上海华信贸易有限公司"], "华信 ERP", "20000",
                             p.rep_n2, date(2026, 10, 15), plan=[(d(-5), "20000")],
                             paid=[(d(-6), "5000")]),
        "科达 草稿": _contract(ws, customers["深圳科达电子有限公司"], "科达 草稿", "8000",
                              p.rep_s1, None, status="draft"),
        "云帆 续约": _contract(ws, customers["杭州云帆网络有限公司"], "云帆 续约", "30000",
                              p.rep_s1, date(2025, 12, 1), plan=[(d(-100), "30000")],
                              paid=[(d(-100), "30000")], ends=d(20)),
    }  # fmt: skip
    return Made(ids, customers)


def contracts_page(qtbot, ws, ctx=None) -> ContractsPage:
    page = ContractsPage(ctx or PageContext(ws))
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitUntil(lambda: not page.is_counting)
    return page


def titles(page) -> list[str]:
    return sorted(page.model.row_at(r).title for r in range(page.model.rowCount()))


def cell(page, title: str, key: str, role=Qt.ItemDataRole.DisplayRole):
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).title == title)
    return model.data(model.index(row, model.column_index(key)), role)


def choose(page, key: str, value) -> None:
    combo = page.filters.controls[key]
    index = combo.findData(value)
    assert index >= 0, (key, value)
    combo.setCurrentIndex(index)


@pytest.fixture
def opened(monkeypatch):
    """open_contract_dialog as the pages call it (the dialog is the contract dialog's own
    test's): what it was asked to open."""
    calls = []
    module = types.ModuleType("crmdesk.views.contract_dialog")
    module.open_contract_dialog = lambda ctx, parent, **kw: calls.append(kw)
    monkeypatch.setitem(sys.modules, "crmdesk.views.contract_dialog", module)
    return calls


def test_the_list_shows_received_and_outstanding(qtbot, ws, made, qtmodeltester):
    page = contracts_page(qtbot, ws)
    assert titles(page) == sorted(made.ids)
    assert page.count_label.text() == contract_words().contracts(4)  # "4 contracts" in English
    qtmodeltester.check(page.model)
    # Independently: 华信 received 5,000 of 20,000, its only instalment due five days ago.
    assert cell(page, "华信 ERP", "received") == "¥5,000.00"
    assert cell(page, "华信 ERP", "outstanding") == "¥15,000.00"
    assert cell(page, "华信 ERP", "next_due_on") == (TODAY - timedelta(days=5)).isoformat()
    red = cell(page, "华信 ERP", "outstanding", Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.color().name() == ERROR_COLOR
    # 星辰 paid its first 4,000 on time: 6,000 to come in 30 days, nothing late.
    assert cell(page, "星辰 CRM", "received") == "¥4,000.00"
    assert cell(page, "星辰 CRM", "outstanding") == "¥6,000.00"
    assert cell(page, "星辰 CRM", "next_due_on") == (TODAY + timedelta(days=30)).isoformat()
    assert cell(page, "星辰 CRM", "outstanding", Qt.ItemDataRole.ForegroundRole) is None
    assert cell(page, "云帆 续约", "outstanding") == ""  # paid in full
    assert cell(page, "科达 草稿", "status") == "Draft"


def test_a_payment_on_the_bus_reloads_the_list(qtbot, ws, made):
    ctx = PageContext(ws)
    page = contracts_page(qtbot, ws, ctx)
    cid = made.ids["华信 ERP"]
    ctx.write(lambda: ws.record_payment(cid, PaymentInput(TODAY, Decimal("15000"))), owner=page)
    qtbot.waitUntil(lambda: cell(page, "华信 ERP", "received") == "¥20,000.00")
    assert cell(page, "华信 ERP", "outstanding") == ""
    assert cell(page, "华信 ERP", "outstanding", Qt.ItemDataRole.ForegroundRole) is None


def test_every_filter_narrows_the_list_and_clear_brings_it_back(qtbot, ws, made):
    page = contracts_page(qtbot, ws)
    qtbot.waitUntil(lambda: page.filters.controls["owner_id"].count() > 1)  # owners loaded
    choose(page, "status", "draft")
    qtbot.waitUntil(lambda: titles(page) == ["科达 草稿"])
    page.filters.clear_button.click()
    qtbot.waitUntil(lambda: len(titles(page)) == 4)
    page.filters.controls["overdue_only"].click()
    qtbot.waitUntil(lambda: titles(page) == ["华信 ERP"])
    page.filters.clear_button.click()
    choose(page, "expiring_days", 30)
    qtbot.waitUntil(lambda: titles(page) == ["云帆 续约"])
    page.filters.clear_button.click()
    choose(page, "owner_id", ws.people.rep_s1.id)
    qtbot.waitUntil(lambda: titles(page) == ["云帆 续约", "科达 草稿"])
    page.filters.clear_button.click()
    choose(page, "signed_period", "last_month")  # October 2026, NOW being 20 November
    qtbot.waitUntil(lambda: titles(page) == ["华信 ERP"])
    choose(page, "signed_period", "this_month")
    qtbot.waitUntil(lambda: titles(page) == ["星辰 CRM"])
    page.filters.clear_button.click()
    type_text(qtbot, page.search, "华信")
    page.filters.flush_search()
    qtbot.waitUntil(lambda: titles(page) == ["华信 ERP"])
    assert page.filters.clear_button.isEnabled()
    page.filters.clear_button.click()
    qtbot.waitUntil(lambda: len(titles(page)) == 4)
    assert page.search.text() == "" and not page.filters.clear_button.isEnabled()


def test_my_contracts_has_no_other_owner(qtbot, ws, made):
    page = contracts_page(qtbot, ws)
    qtbot.waitUntil(lambda: page.filters.controls["owner_id"].count() > 1)
    choose(page, "owner_id", ws.people.rep_s1.id)
    qtbot.waitUntil(lambda: len(titles(page)) == 2)
    choose(page, "scope", "mine")  # the admin's own: none, and no owner left chosen
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and not page.is_counting)
    assert page.query.owner_id is None and not page.owner_combo.isEnabled()


def test_a_saved_view_keeps_its_period_and_filters(qtbot, ws, made, monkeypatch):
    page = contracts_page(qtbot, ws)
    choose(page, "signed_period", "last_month")
    page.filters.controls["overdue_only"].click()
    qtbot.waitUntil(lambda: titles(page) == ["华信 ERP"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("上月逾期", True))
    page.saved_views.save_button.click()
    qtbot.waitUntil(lambda: page.saved_views.combo.count() == 2)
    [view] = ws.saved_views("contracts")
    # The period, not two days: next month the view still means "last month".
    assert view.payload["filters"]["signed_period"] == "last_month"
    page.filters.clear_button.click()
    qtbot.waitUntil(lambda: len(titles(page)) == 4)
    assert page.saved_views.current() is None  # the list no longer shows the view
    page.saved_views.combo.setCurrentIndex(1)
    page.saved_views.combo.activated.emit(1)
    qtbot.waitUntil(lambda: titles(page) == ["华信 ERP"])
    assert page.filters.controls["overdue_only"].isChecked()
    assert page.filters.controls["signed_period"].currentData() == "last_month"


def test_an_odd_saved_view_is_made_safe():
    filters = ContractFilters.from_dict({"signed_period": "yesterday", "status": "lost",
                                         "expiring_days": -4, "owner_id": "x"})  # fmt: skip
    assert filters == ContractFilters(owner_id=0)  # an unknown owner matches nobody
    query = ContractFilters(signed_period="last_quarter").to_query(date(2026, 2, 10))
    assert (query.signed_from, query.signed_to) == (date(2025, 10, 1), date(2025, 12, 31))
    assert period_dates("this_month", date(2026, 12, 31)) == (
        date(2026, 12, 1),
        date(2026, 12, 31),
    )


def test_a_double_click_or_enter_opens_the_contract(qtbot, ws, made, opened):
    page = contracts_page(qtbot, ws)
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).title == "华信 ERP")
    rect = page.table.visualRect(model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [{"contract_id": made.ids["华信 ERP"]}]
    page.table.selectRow(0)
    assert page.open_button.isEnabled()
    page.open_button.click()
    assert opened[-1] == {"contract_id": model.row_at(0).id}
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(opened) == 3 and opened[-1] == opened[-2]
    page.new_button.click()
    assert opened[-1] == {"contract_id": None}
    assert len(opened) == 4


def test_the_customer_tab_lists_its_contracts_and_follows_the_bus(qtbot, ws, made, opened):
    ctx = PageContext(ws)
    panel = CustomerDetailPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    customer = made.customers["上海华信贸易有限公司"]
    panel.show_customer(customer)
    qtbot.waitUntil(lambda: panel.detail is not None)
    tab = panel.contracts_tab
    assert tab.rows == []  # read only when shown
    panel.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: len(tab.rows) == 1)
    cells = [tab.table.item(0, j).text() for j in range(tab.table.columnCount())]
    # the number first, money with its cents as everywhere
    assert cells == [tab.rows[0].number, "华信 ERP", "Active", "¥20,000.00", "¥5,000.00",
                     "¥15,000.00"]  # fmt: skip
    assert cells[0].startswith("HT-") and tab.table.horizontalHeaderItem(0).text() == "Number"
    assert tab.table.item(0, 5).foreground().color().name() == ERROR_COLOR  # overdue
    assert "¥15,000.00" in tab.totals.text() and "¥5,000.00" in tab.totals.text()
    assert tab.new_button.isEnabled()

    cid = made.ids["华信 ERP"]
    ctx.write(lambda: ws.record_payment(cid, PaymentInput(TODAY, Decimal("15000"))), owner=tab)
    qtbot.waitUntil(lambda: tab.rows[0].received == Decimal("20000"))
    assert tab.table.item(0, 5).text() == ""
    data = ContractInput(customer_id=customer, title="华信 二期", amount=Decimal("5000"))
    ctx.write(lambda: ws.create_contract(data), owner=tab)
    qtbot.waitUntil(lambda: len(tab.rows) == 2)
    assert "¥20,000.00" in tab.totals.text()  # a draft owes nothing yet
    draft = next(i for i, r in enumerate(tab.rows) if r.status == "draft")
    assert tab.rows[draft].outstanding == Decimal("5000")  # the model's figure, and yet
    assert [tab.table.item(draft, j).text() for j in (3, 5)] == ["¥5,000.00", ""]  # as the list

    rect = tab.table.visualRect(tab.table.model().index(0, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[-1]["contract_id"] == tab.rows[0].id
    tab.new_button.click()
    assert opened[-1] == {"contract_id": None, "customer_id": customer}


def test_a_contract_of_another_customer_does_not_reload_the_tab(qtbot, ws, made):
    ctx = PageContext(ws)
    panel = CustomerDetailPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_customer(made.customers["上海华信贸易有限公司"])
    qtbot.waitUntil(lambda: panel.detail is not None)
    panel.tabs.setCurrentWidget(panel.contracts_tab)
    qtbot.waitUntil(lambda: len(panel.contracts_tab.rows) == 1)
    reads = []
    real = ws.customer_contracts
    ws.customer_contracts = lambda cid: reads.append(cid) or real(cid)
    other = made.ids["星辰 CRM"]
    ctx.write(lambda: ws.record_payment(other, PaymentInput(TODAY, Decimal("100"))), owner=panel)
    assert reads == []


def test_winning_a_deal_offers_its_contract(qtbot, ws, opened, monkeypatch):
    from crmdesk.views.pipeline_page import PipelinePage

    pipeline = ws.pipelines()[0]
    customer = ws.list_customers(CustomerQuery(scope="all"), 0, 10)[0]
    lines = (LineInput(None, "CRM 授权", Decimal("3"), Decimal("1000.00"), Decimal("0")),)
    deal = DealInput(customer_id=customer.id, title="赢单项目", pipeline_id=pipeline.id,
                     stage_id=None, amount=None, probability=None, expected_close=None,
                     source="", competitor="", notes="", external_id="", owner_id=None,
                     lines=lines)  # fmt: skip
    deal_id = ws.create_deal(deal).value
    page = PipelinePage(PageContext(ws))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.columns and page.columns[0].model.rowCount() == 1)
    monkeypatch.setattr(deal_move_dialogs.WonDialog, "exec",
                        lambda _d: QDialog.DialogCode.Accepted)  # fmt: skip
    card = page.columns[0].model.row_at(0)
    from crmdesk.views.board import DealRef

    page._on_zone_dropped([DealRef(card.id, card.version, card.stage_id)], "won")
    qtbot.waitUntil(lambda: page.flow.contract_offer is not None)
    box = page.flow.contract_offer
    assert box.text() == "Create the contract for “赢单项目” now?"  # which deal, by name
    create = next(b for b in box.buttons() if b.text() == "Create contract…")
    create.click()
    qtbot.waitUntil(lambda: bool(opened))
    data = opened[0]["data"]
    assert data.deal_id == deal_id and data.customer_id == customer.id
    assert data.lines[0].name == "CRM 授权" and data.amount in (None, Decimal("3000"))


def test_later_leaves_the_deal_without_a_contract(qtbot, ws, opened):
    from crmdesk.views.deal_flow import MoveFlow

    parent = QDialog()
    qtbot.addWidget(parent)
    flow = MoveFlow(PageContext(ws), parent)
    title = "年度系统集成与运维服务项目（二期扩容）" * 4
    flow.offer_contract(1, title)
    label = flow.contract_offer.findChild(QLabel, "qt_msgbox_label")
    assert label.text() == f"Create the contract for “{title}” now?"
    # a long title wraps in a box of a sensible width, none of it cut off
    assert label.wordWrap() and flow.contract_offer.width() <= 700
    later = next(b for b in flow.contract_offer.buttons() if b.text() == "Later")
    later.click()
    assert flow.contract_offer is None and opened == []


def test_screenshot_of_the_contracts_page(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    made = run_cli("demo", "--customers", "60", "--db", db_url)
    assert made.returncode == 0, made.stderr
    for lang in ("zh_CN", "en"):
        out = tmp_path / f"contracts-{lang}.png"
        shot = run_cli("screenshot", "contracts", str(out), "--db", db_url, "--lang", lang)
        assert shot.returncode == 0, shot.stderr
        assert out.stat().st_size > 20_000


def _finance(ws):
    from crmdesk.models.schema import User
    from crmdesk.models.users import get_user

    with ws.db.writing() as s:
        u = User(name="Fay Finance", login="finance", role="finance", active=True, created_at=NOW)
        s.add(u)
        s.flush()
        return get_user(s, u.id)


@pytest.mark.parametrize("who", ["finance", "rep_s1"])
def test_what_finance_and_a_rep_are_offered(qtbot, ws, made, who):
    """Finance sees every contract, may filter by owner and see receivables, signs nothing; a
    rep sees their own, with neither scope nor owner to choose."""
    from crmdesk.models.workspace import Workspace

    user = _finance(ws) if who == "finance" else ws.people.rep_s1
    page = contracts_page(qtbot, Workspace(ws.db, user, clock=lambda: NOW))
    expected = sorted(made.ids) if who == "finance" else ["云帆 续约", "科达 草稿"]
    assert titles(page) == expected
    assert not page.scope_combo.isVisible()
    assert page.owner_combo.isVisible() == (who == "finance")
    assert page.new_button.isVisible() == (who != "finance")
    assert page.tabs.tabBar().isVisible() == (who == "finance")  # Contracts | Receivables


def test_receivables_and_back_to_one_reps_contracts(qtbot, ws, made):
    page = contracts_page(qtbot, ws)
    assert page.receivables is None  # built when first asked for
    page.tabs.tabBar().setCurrentIndex(1)
    assert page.tabs.currentWidget() is page.receivables and page.receivables.isVisible()
    qtbot.waitUntil(lambda: page.receivables.owner_model.rowCount() > 0)
    page.receivables.owner_activated.emit(ws.people.rep_s1.id)  # a rep's line, double-clicked
    assert page.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: titles(page) == ["云帆 续约", "科达 草稿"])
    assert page.filters.controls["owner_id"].currentData() == ws.people.rep_s1.id


def test_a_customer_in_receivables_lists_their_contracts(qtbot, ws, made):
    huaxin = made.customers["上海华信贸易有限公司"]
    _contract(ws, huaxin, "华信 二期", "3000", ws.people.rep_n2, TODAY,
              plan=[(TODAY - timedelta(days=3), "3000")])  # fmt: skip
    page = contracts_page(qtbot, ws)
    choose(page, "status", "active")  # a filter that would hide none of theirs, cleared
    page.tabs.tabBar().setCurrentIndex(1)
    view = page.receivables
    qtbot.waitUntil(lambda: view.customer_model.rowCount() > 0)
    names = [view.customer_model.index(r, 0).data() for r in range(view.customer_model.rowCount())]
    index = view.customer_model.index(names.index("上海华信贸易有限公司"), 0)
    centre = view.customer_table.visualRect(index).center()
    qtbot.mouseClick(view.customer_table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.customer_table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert page.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: titles(page) == ["华信 ERP", "华信 二期"])
    assert page.search.text() == "上海华信贸易有限公司" and page.query.status == ""


def test_the_owner_filter_offers_no_finance(qtbot, ws, made):
    fay = _finance(ws)
    page = contracts_page(qtbot, ws)
    combo = page.filters.controls["owner_id"]
    qtbot.waitUntil(lambda: combo.findData(ws.people.rep_n1.id) >= 0)
    assert combo.findData(fay.id) < 0  # finance collects; owns no contract


def test_a_new_contract_is_selected_once_saved(qtbot, ws, made, monkeypatch):
    """The dialog (its own test's) saves and closes; the page selects what it created."""
    page = contracts_page(qtbot, ws)
    data = ContractInput(made.customers["北京星辰科技有限公司"], "星辰 二期", Decimal("1000"),
                         signed_on=TODAY)  # fmt: skip

    def saved(dialog, result) -> None:
        dialog.created_id = result.value
        dialog.reject()  # the dialog closes once saved

    def open_dialog(ctx, parent, **kw):
        assert kw == {"contract_id": None}
        dialog = QDialog(parent)
        save = lambda: ctx.write(lambda: ws.create_contract(data),  # noqa: E731
                                 lambda r: saved(dialog, r), owner=dialog)  # fmt: skip
        QTimer.singleShot(0, save)  # Save, clicked after the dialog opened
        return dialog

    module = types.ModuleType("crmdesk.views.contract_dialog")
    module.open_contract_dialog = open_dialog
    monkeypatch.setitem(sys.modules, "crmdesk.views.contract_dialog", module)
    page.new_button.click()
    qtbot.waitUntil(lambda: "星辰 二期" in titles(page))
    qtbot.waitUntil(lambda: bool(page.table.selectionModel().selectedRows()))
    [row] = page.table.selectionModel().selectedRows()
    assert page.model.row_at(row.row()).title == "星辰 二期"


def test_drafts_awaiting_approval_have_a_filter(qtbot, ws, made):
    from crmdesk.models.contract_rules import ContractSettings

    ws.save_contract_settings(ContractSettings(approval_amount=Decimal("50000")))
    big = _contract(ws, made.customers["北京星辰科技有限公司"], "星辰 大单", "80000",
                    ws.people.rep_n1, TODAY, plan=[(TODAY, "80000")], status="draft")  # fmt: skip
    ws.set_contract_status(big, "active", ws.contract(big).version)
    page = contracts_page(qtbot, ws)
    combo = page.filters.controls["status"]
    assert combo.itemText(combo.findData(AWAITING)) == "Awaiting approval"
    choose(page, "status", AWAITING)
    qtbot.waitUntil(lambda: titles(page) == ["星辰 大单"])
    choose(page, "status", "draft")
    qtbot.waitUntil(lambda: "科达 草稿" in titles(page))


def test_the_titles_take_the_width_left_not_the_last_column(qtbot, ws, made):
    """At 1,400 px the contract's and the customer's names get the room the other columns
    leave; the last column (Ends) keeps its own width instead of taking it all while the names
    are cut short."""
    page = contracts_page(qtbot, ws)
    header = page.table.horizontalHeader()
    index = page.model.column_index
    widths = {c.key: c.width for c in page.model.columns}
    qtbot.waitUntil(lambda: header.sectionSize(index("title")) > widths["title"])
    assert header.sectionSize(index("customer")) > widths["customer"]
    assert header.sectionSize(index("ends_on")) == widths["ends_on"]
    assert page.table.horizontalScrollBar().maximum() == 0
