"""The Today page's money to collect, driven as a user would on a real SQLite database: a rep's
instalments overdue and due this week (not those further off, paid, of a draft or a colleague's),
contracts ending within 30 days, one line per contract however many of its instalments are due;
an item opens its contract; a payment recorded takes its instalment off the list at once;
finance sees every contract's, and only the panels finance can use."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW
from PySide6.QtCore import Qt

from crmdesk.models.contract_rules import ContractInput, InstalmentInput
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.payments import PaymentInput
from crmdesk.models.schema import User
from crmdesk.models.today import SectionResult, local_day
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace
from crmdesk.views import contract_dialog
from crmdesk.views.context import PageContext
from crmdesk.views.today_page import TodayPage

TODAY = local_day(NOW).date


def as_user(ws, user) -> Workspace:
    return Workspace(ws.db, user, clock=lambda: NOW)


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def texts(widget) -> list[str]:
    # "3 days" once a test before this one installed the English plurals, else "3 day(s)"
    return [
        widget.item(i).text().replace("day(s)", "days").replace("instalment(s)", "instalments")
        for i in range(widget.count())
    ]


def contract(ws, user, customer, title, plan, *, ends=None, active=True) -> int:
    rep = as_user(ws, user)
    customers = {r.name: r.id for r in ws.list_customers(CustomerQuery(), 0, 10)}
    amount = sum((a for _d, a in plan), D("0"))
    data = ContractInput(customers[customer], title, amount, signed_on=day(-200),
                         starts_on=day(-200), ends_on=ends)  # fmt: skip
    cid = rep.create_contract(data).value
    version = rep.save_plan(cid, [InstalmentInput(d, a) for d, a in plan],
                            rep.contract(cid).version).value.version  # fmt: skip
    if active:
        rep.set_contract_status(cid, "active", version)
    return cid


@pytest.fixture
def contracts(ws):
    p = ws.people
    kd, yf = "深圳科达电子有限公司", "杭州云帆网络有限公司"
    return {
        "late": contract(
            ws,
            p.rep_s1,
            kd,
            "年度维保",
            [(day(-12), D("3000.00")), (day(3), D("2000.00")), (day(40), D("5000.00"))],
        ),  # fmt: skip
        "ending": contract(ws, p.rep_s1, yf, "云服务", [(day(-30), D("800.00"))], ends=day(10)),
        "draft": contract(ws, p.rep_s1, yf, "草稿", [(day(-1), D("100.00"))], active=False),
        "colleague": contract(
            ws, p.rep_n1, "北京星辰科技有限公司", "别人的", [(day(1), D("700.00"))], ends=day(5)
        ),  # fmt: skip
    }


def open_today(qtbot, ws, user) -> TodayPage:
    page = TodayPage(PageContext(as_user(ws, user)))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    return page


def test_a_rep_sees_what_to_collect_and_an_item_opens_its_contract(qtbot, ws, contracts,
                                                                   monkeypatch):  # fmt: skip
    rep = as_user(ws, ws.people.rep_s1)
    # the ending contract's one instalment is paid: it ends soon but owes nothing
    rep.record_payment(contracts["ending"], PaymentInput(day(-1), D("800.00")))
    page = open_today(qtbot, ws, ws.people.rep_s1)
    due = texts(page.instalments)
    # one line for the contract: its two instalments (overdue and this week's) summed, the
    # earliest day; not the one due in 40 days, a draft's or a colleague's
    assert due == [
        "¥5,000.00 · 12 days overdue · 2 instalments\n深圳科达电子有限公司 · HT-2026-0001"
    ]
    assert page.instalments.item(0).foreground().color().name() == "#d9363e"  # late: red
    tip = page.instalments.item(0).toolTip().split("\n")
    assert tip == [
        "HT-2026-0001 年度维保",  # the title on hover, and each instalment's day
        f"Due on {day(-12).isoformat()}: ¥3,000.00, ¥0.00 paid",
        f"Due on {day(3).isoformat()}: ¥2,000.00, ¥0.00 paid",
    ]
    [ending] = texts(page.expiring)
    assert ending == "杭州云帆网络有限公司 · ends in 10 days · HT-2026-0002"
    assert page.expiring.item(0).toolTip().startswith("HT-2026-0002 云服务\n")

    opened, customers = [], []
    monkeypatch.setattr(
        contract_dialog,
        "open_contract_dialog",
        lambda ctx, parent, contract_id=None, **kw: opened.append(contract_id),
    )
    page.open_requested.connect(customers.append)
    rect = page.instalments.visualItemRect(page.instalments.item(0))
    qtbot.mouseClick(page.instalments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.instalments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page.expiring.itemActivated.emit(page.expiring.item(0))
    assert opened == [contracts["late"], contracts["ending"]]
    assert customers == []  # a contract's item opens the contract, not the customer

    # a payment (another page's write, on the bus) takes the late instalment off at once
    page.ctx.write(lambda: rep.record_payment(contracts["late"], PaymentInput(TODAY,
                                                                          D("3000.00"))),
                   owner=page)  # fmt: skip
    assert [t.split("\n")[0] for t in texts(page.instalments)] == ["¥2,000.00 · due in 3 days"]
    assert page.instalments.item(0).foreground().style() == Qt.BrushStyle.NoBrush  # not late


def test_nothing_to_collect_says_so(qtbot, ws, contracts):
    page = open_today(qtbot, ws, ws.people.rep_n2)
    assert texts(page.instalments) == ["No payment falls due this week."]
    assert texts(page.expiring) == ["No contract ends in the next 30 days."]
    assert page.instalments.item(0).flags() == Qt.ItemFlag.NoItemFlags


def test_finance_sees_every_contracts_reminders(qtbot, ws, contracts):
    with ws.db.writing() as s:
        u = User(name="Fay Finance", login="finance", role="finance", active=True, created_at=NOW)
        s.add(u)
        s.flush()
        fay = get_user(s, u.id)
    page = open_today(qtbot, ws, fay)
    due = texts(page.instalments)
    # a colleague's too, a line per contract, by each one's earliest due day
    assert [t.split("\n")[1] for t in due] == [
        "杭州云帆网络有限公司 · HT-2026-0002",
        "深圳科达电子有限公司 · HT-2026-0001",
        "北京星辰科技有限公司 · HT-2026-0004",
    ]
    assert [t.split(" · ")[-1] for t in texts(page.expiring)] == ["HT-2026-0004", "HT-2026-0002"]
    # finance owns no customers: no follow-ups, pool, forgotten customers or birthdays; the
    # payments take the page's height
    for key in ("follow_ups", "recycling", "forgotten", "birthdays"):
        assert not page.boxes[key].isVisible(), key
    for key in ("instalments", "expiring", "notifications"):
        assert page.boxes[key].isVisible(), key
    assert page.boxes["instalments"].height() > 0.8 * (page.height() - page.title.height() - 40)


def test_a_contract_with_many_instalments_due_is_one_line(qtbot, ws):
    """A user found HT-2026-0018 five times on the page: five monthly instalments unpaid."""
    plan = [(day(-150 + 30 * i), D("1000.00")) for i in range(5)] + [(day(60), D("1000.00"))]
    cid = contract(ws, ws.people.rep_s1, "深圳科达电子有限公司", "月付", plan)
    page = open_today(qtbot, ws, ws.people.rep_s1)
    assert texts(page.instalments) == [
        "¥5,000.00 · 150 days overdue · 5 instalments\n深圳科达电子有限公司 · HT-2026-0001"
    ]
    assert len(page.instalments.item(0).toolTip().split("\n")) == 6  # the title, five days
    # part paid: what is still owed, the instalments still lacking
    rep = as_user(ws, ws.people.rep_s1)
    page.ctx.write(lambda: rep.record_payment(cid, PaymentInput(TODAY, D("2500.00"))), owner=page)
    qtbot.waitUntil(lambda: texts(page.instalments)[0].startswith("¥2,500.00 · 90 days overdue"))
    assert " · 3 instalments\n" in texts(page.instalments)[0]
    # more instalments than the read returns: the last line says how many were left out
    result = page.result
    page._on_loaded(replace(result, instalments=SectionResult(result.instalments.rows, 7)))
    assert texts(page.instalments)[-1] == "4 more instalments not shown"
