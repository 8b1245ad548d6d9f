"""Contracts on the approvals page, driven as a user would on a real SQLite database: a rep's
contract above the admin's amount limit waits for approval when activated; the team's manager
sees its number, title (whole, or on hover) and amount under a "Stage / status" column, opens it
with a double-click, approves it (it becomes
active) or rejects it with a comment (it stays a draft); the rep may cancel the request."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from helpers import NOW
from PySide6.QtCore import Qt

from crmdesk.models.contract_rules import ContractInput, ContractSettings, InstalmentInput
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.workspace import Workspace
from crmdesk.views import contract_dialog
from crmdesk.views.approvals_page import ApprovalsPage
from crmdesk.views.context import Notice, PageContext

LEFT = Qt.MouseButton.LeftButton


def as_user(ws, user) -> Workspace:
    return Workspace(ws.db, user, clock=lambda: NOW)


@pytest.fixture
def asked(ws):
    """rep_n1's contract of ¥80,000 for 北京星辰, activated above the ¥50,000 limit."""
    ws.save_contract_settings(ContractSettings(approval_amount=D("50000")))
    rep = as_user(ws, ws.people.rep_n1)
    star = next(r.id for r in rep.list_customers(CustomerQuery(), 0, 10)
                if r.name == "北京星辰科技有限公司")  # fmt: skip
    cid = rep.create_contract(ContractInput(star, "年度服务合同", D("80000.00"),
                                            signed_on=date(2026, 11, 1))).value  # fmt: skip
    version = rep.save_plan(cid, [InstalmentInput(date(2026, 12, 1), D("80000.00"))],
                            rep.contract(cid).version).value.version  # fmt: skip
    detail = rep.set_contract_status(cid, "active", version).value
    assert (detail.status, detail.awaiting_approval) == ("draft", True)
    return cid


def open_page(qtbot, ws, user) -> tuple[ApprovalsPage, list[str]]:
    ctx = PageContext(as_user(ws, user))
    notices: list[str] = []
    ctx.bus.notice.connect(lambda n: notices.append(n.text) if isinstance(n, Notice) else None)
    page = ApprovalsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 600)
    page.show()
    return page, notices


def cells(page, key: str) -> list[str]:
    column = [c.key for c in page.model.columns].index(key)
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_a_manager_sees_opens_and_approves_a_contract(qtbot, qtmodeltester, ws, asked,
                                                      monkeypatch):  # fmt: skip
    page, notices = open_page(qtbot, ws, ws.people.manager_n)
    qtmodeltester.check(page.model)
    assert cells(page, "deal") == ["HT-2026-0001 年度服务合同"]
    assert cells(page, "customer") == ["北京星辰科技有限公司"]
    assert cells(page, "amount") == ["¥80,000.00"]
    assert cells(page, "move") == ["Draft → Active"]
    assert cells(page, "reason") == ["the amount is above the limit"]
    assert cells(page, "requested_by") == [ws.people.rep_n1.name]

    opened = []
    monkeypatch.setattr(contract_dialog, "open_contract_dialog",
                        lambda ctx, parent, **kw: opened.append(kw))  # fmt: skip
    centre = page.table.visualRect(page.model.index(0, 0)).center()
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=centre)
    qtbot.mouseDClick(page.table.viewport(), LEFT, pos=centre)
    assert opened == [{"contract_id": asked}]

    page.select_row(0)
    qtbot.mouseClick(page.approve_button, LEFT)
    detail = as_user(ws, ws.people.rep_n1).contract(asked)
    assert (detail.status, detail.awaiting_approval) == ("active", False)
    assert notices == ["Approved: contract HT-2026-0001 年度服务合同 is active."]
    assert page.model.rowCount() == 0
    page.show_combo.setCurrentIndex(1)  # Decided
    assert cells(page, "status") == ["Approved"]
    assert cells(page, "deal") == ["HT-2026-0001 年度服务合同"]


def test_rejecting_a_contract_keeps_it_a_draft(qtbot, ws, asked):
    page, notices = open_page(qtbot, ws, ws.people.manager_n)
    page.select_row(0)
    qtbot.keyClicks(page.comment, "Too large for this customer")
    qtbot.mouseClick(page.reject_button, LEFT)
    detail = as_user(ws, ws.people.rep_n1).contract(asked)
    assert (detail.status, detail.awaiting_approval) == ("draft", False)
    assert notices == ["Rejected: contract HT-2026-0001 年度服务合同 stays a draft."]


def test_the_rep_cancels_and_another_team_sees_nothing(qtbot, ws, asked):
    page, notices = open_page(qtbot, ws, ws.people.rep_n1)
    assert cells(page, "deal") == ["HT-2026-0001 年度服务合同"]
    page.select_row(0)
    qtbot.mouseClick(page.cancel_button, LEFT)
    detail = as_user(ws, ws.people.rep_n1).contract(asked)
    assert (detail.status, detail.awaiting_approval) == ("draft", False)
    assert notices == [
        "Cancelled the request to activate contract HT-2026-0001 年度服务合同: it stays a draft."
    ]
    other, _notices = open_page(qtbot, ws, ws.people.manager_s)
    assert other.model.rowCount() == 0


def test_a_contracts_number_and_title_are_not_cut_off(qtbot, ws, asked):
    rep = as_user(ws, ws.people.rep_n1)
    cid = rep.create_contract(ContractInput(rep.contract(asked).data.customer_id,
                                            "2026 年度软件许可与实施服务合同", D("90000.00"),
                                            signed_on=date(2026, 11, 1))).value  # fmt: skip
    version = rep.save_plan(cid, [InstalmentInput(date(2026, 12, 1), D("90000.00"))],
                            rep.contract(cid).version).value.version  # fmt: skip
    rep.set_contract_status(cid, "active", version)
    page, _notices = open_page(qtbot, ws, ws.people.manager_n)
    columns = [c.key for c in page.model.columns]
    stage = columns.index("move")
    assert page.model.headerData(stage, Qt.Orientation.Horizontal) == "Stage / status"
    header = page.table.horizontalHeader()
    assert header.sectionSize(stage) >= header.fontMetrics().horizontalAdvance("Stage / status")
    texts = cells(page, "deal")
    assert sorted(texts) == [
        "HT-2026-0001 年度服务合同",
        "HT-2026-0002 2026 年度软件许可与实施服务合同",
    ]
    room = page.table.columnWidth(columns.index("deal")) - 12  # the cell's margins
    for row, text in enumerate(texts):
        assert page.table.fontMetrics().horizontalAdvance(text) <= room, text  # shown whole
        index = page.model.index(row, columns.index("deal"))
        assert index.data(Qt.ItemDataRole.ToolTipRole) == text  # and a longer one on hover
