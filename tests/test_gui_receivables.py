"""The receivables view as its users see it, on a real SQLite database: contracts signed, planned
and partly paid through the workspace as a rep would; the view's figures per rep, per customer
and in total, and the ageing buckets, against the same figures worked out here from the test's
own plans and payments; a manager sees the team's reps only, a rep their own, an admin and
finance everyone's, all three figures from one read and as of a yyyy-MM-dd day; a payment
recorded elsewhere shows at once; a double-click on a customer opens their most overdue contract
(or, when they have several, tells whoever listens)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW
from PySide6.QtCore import Qt

from crmdesk.models.contract_rules import ContractInput, InstalmentInput
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.payments import PaymentInput
from crmdesk.models.schema import User
from crmdesk.models.today import local_day
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace
from crmdesk.views import contract_dialog
from crmdesk.views.context import PageContext
from crmdesk.views.deal_words import money
from crmdesk.views.receivables_view import ReceivablesView

TODAY = local_day(NOW).date  # the day the view counts from (the workspace's clock)
ZERO = D("0.00")
BUCKET_KEYS = ("0_30", "31_60", "61_90", "90_plus")


@dataclass
class Deal:
    """A contract as the test made it: whose, its plan (due day, amount) and the money paid."""

    owner: str
    customer: str
    amount: D
    plan: list[tuple[date, D]]
    paid: D = ZERO
    id: int = 0
    status: str = "active"
    paid_per_instalment: list[D] = field(default_factory=list)


def as_user(ws, user) -> Workspace:
    return Workspace(ws.db, user, clock=lambda: NOW)


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def finance(ws):
    with ws.db.writing() as s:
        u = User(name="Fay Finance", login="finance", role="finance", active=True, created_at=NOW)
        s.add(u)
        s.flush()
        return get_user(s, u.id)


def sign(ws, deal: Deal, customers: dict[str, int]) -> None:
    """The rep's steps: the contract, its plan, active; then the money as it came in."""
    rep = as_user(ws, getattr(ws.people, deal.owner))
    data = ContractInput(customers[deal.customer], f"{deal.customer}合同", deal.amount,
                         signed_on=day(-120))  # fmt: skip
    deal.id = rep.create_contract(data).value
    plan = [InstalmentInput(due, amount) for due, amount in deal.plan]
    version = rep.save_plan(deal.id, plan, rep.contract(deal.id).version).value.version
    if deal.status != "draft":
        rep.set_contract_status(deal.id, "active", version)
    if deal.paid:
        rep.record_payment(deal.id, PaymentInput(day(-1), deal.paid))


@pytest.fixture
def deals(ws):
    p = ws.people
    rows = {r.name: r.id for r in ws.list_customers(CustomerQuery(), 0, 10)}
    made = [
        # rep_n1: 1,000 paid onto the first instalment; 2,000 of it 45 days late, 3,000 10 days
        Deal("rep_n1", "北京星辰科技有限公司", D("10000.00"),
             [(day(-45), D("3000.00")), (day(-10), D("3000.00")), (day(20), D("4000.00"))],
             paid=D("1000.00")),
        # not yet owed: a draft counts nowhere
        Deal("rep_n1", "北京星辰科技有限公司", D("99999.00"), [(day(-5), D("99999.00"))],
             status="draft"),
        Deal("rep_n2", "上海华信贸易有限公司", D("5000.50"), [(day(-100), D("5000.50"))]),
        # paid in full though 70 days late: nothing outstanding
        Deal("rep_s1", "深圳科达电子有限公司", D("8000.00"), [(day(-70), D("8000.00"))],
             paid=D("8000.00")),
        # 61–90 and 31 days (the edges of buckets) and not yet due
        Deal("rep_s1", "杭州云帆网络有限公司", D("6000.00"),
             [(day(-61), D("1000.00")), (day(-31), D("1500.00")), (day(-30), D("500.00")),
              (day(0), D("3000.00"))]),
    ]  # fmt: skip
    for d in made:
        sign(ws, d, rows)
    assert p.rep_n1.team_id == p.rep_n2.team_id != p.rep_s1.team_id
    return made


def expected(deals: list[Deal], people, owners: set[str] | None = None):
    """Per owner, per customer and in total: contracted, received, outstanding, overdue and
    the four buckets, worked out from the plans and payments (payments fill the plan in due
    order; a bucket counts the days an instalment is late)."""

    def empty():
        return defaultdict(lambda: ZERO)

    by_owner, by_customer, total = defaultdict(empty), defaultdict(empty), empty()
    for d in deals:
        if d.status == "draft" or (owners is not None and d.owner not in owners):
            continue
        left = d.paid
        figures = {"contracts": D(1), "contracted": d.amount, "received": d.paid,
                   "outstanding": d.amount - d.paid}  # fmt: skip
        for due, amount in sorted(d.plan):
            paid = min(left, amount)
            left -= paid
            late = (TODAY - due).days
            if late > 0 and amount > paid:
                key = BUCKET_KEYS[0 if late <= 30 else 1 if late <= 60 else 2 if late <= 90 else 3]
                figures[key] = figures.get(key, ZERO) + amount - paid
                figures["overdue"] = figures.get("overdue", ZERO) + amount - paid
        name = getattr(people, d.owner).name
        for target in (by_owner[name], by_customer[d.customer], total):
            for key, value in figures.items():
                target[key] += value
    return by_owner, by_customer, total


def open_view(qtbot, ws, user) -> ReceivablesView:
    view = ReceivablesView(PageContext(as_user(ws, user)))
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    return view


def table(model) -> dict[str, dict[str, str]]:
    """What the table shows: its rows by their first cell, each cell by its column's key."""
    keys = [c.key for c in model.columns]
    shown = {}
    for r in range(model.rowCount()):
        cells = {k: model.index(r, i).data() for i, k in enumerate(keys)}
        shown[cells["name"]] = cells
    return shown


def cells_of(figures) -> dict[str, str]:
    out = {}
    for key in ("contracted", "received", "outstanding"):
        out[key] = money(figures[key])
    for key in ("overdue", *BUCKET_KEYS):
        out[key] = money(figures[key]) if figures[key] else ""  # nothing late: blank
    out["contracts"] = str(int(figures["contracts"]))
    return out


def check(shown: dict[str, str], figures) -> None:
    assert {k: shown[k] for k in cells_of(figures)} == cells_of(figures), shown["name"]


def test_a_manager_sees_the_team_by_rep_and_customer_with_totals(qtbot, qtmodeltester, ws,
                                                                 deals):  # fmt: skip
    view = open_view(qtbot, ws, ws.people.manager_n)
    qtmodeltester.check(view.owner_model)
    qtmodeltester.check(view.customer_model)
    by_owner, by_customer, total = expected(deals, ws.people, {"rep_n1", "rep_n2"})
    reps = table(view.owner_model)
    # the team's reps and a total row; nobody of the south team
    assert set(reps) == {ws.people.rep_n1.name, ws.people.rep_n2.name, "Total"}
    for name, figures in by_owner.items():
        check(reps[name], figures)
    check(reps["Total"], total)
    # independent of the model: the sums this test worked out by hand
    assert reps[ws.people.rep_n1.name]["outstanding"] == "¥9,000.00"
    assert reps[ws.people.rep_n1.name]["31_60"] == "¥2,000.00"
    assert reps[ws.people.rep_n1.name]["0_30"] == "¥3,000.00"
    assert reps[ws.people.rep_n2.name]["90_plus"] == "¥5,000.50"
    assert reps["Total"]["overdue"] == "¥10,000.50"
    assert reps["Total"]["contracted"] == "¥15,000.50"  # the draft of 99,999 is not owed yet
    # the most outstanding first, the total last and in bold
    names = [view.owner_model.index(r, 0).data() for r in range(view.owner_model.rowCount())]
    assert names == [ws.people.rep_n1.name, ws.people.rep_n2.name, "Total"]
    assert view.owner_model.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    customers = table(view.customer_model)
    assert set(customers) == {"北京星辰科技有限公司", "上海华信贸易有限公司", "Total"}
    for name, figures in by_customer.items():
        check(customers[name], figures)
    summary = view.summary.text()
    assert "¥15,000.50" in summary and "¥10,000.50" in summary and "¥14,000.50" in summary


def test_a_rep_sees_only_their_own(qtbot, ws, deals):
    view = open_view(qtbot, ws, ws.people.rep_n1)
    by_owner, by_customer, total = expected(deals, ws.people, {"rep_n1"})
    reps = table(view.owner_model)
    assert set(reps) == {ws.people.rep_n1.name, "Total"}  # not Ned North, a teammate
    check(reps["Total"], total)
    assert set(table(view.customer_model)) == {"北京星辰科技有限公司", "Total"}

    south = open_view(qtbot, ws, ws.people.rep_s1)
    reps = table(south.owner_model)
    assert set(reps) == {ws.people.rep_s1.name, "Total"}
    _by_owner, by_customer, total = expected(deals, ws.people, {"rep_s1"})
    check(reps["Total"], total)
    # the bucket edges: 61 days late is 61–90, 31 is 31–60, 30 is 1–30; due today is not late
    assert reps["Total"]["61_90"] == "¥1,000.00"
    assert reps["Total"]["31_60"] == "¥1,500.00"
    assert reps["Total"]["0_30"] == "¥500.00"
    assert reps["Total"]["90_plus"] == ""
    customers = table(south.customer_model)
    check(customers["深圳科达电子有限公司"], by_customer["深圳科达电子有限公司"])
    assert customers["深圳科达电子有限公司"]["outstanding"] == "¥0.00"


@pytest.mark.parametrize("who", ["admin", "finance"])
def test_an_admin_and_finance_see_everyone(qtbot, ws, deals, who):
    user = ws.people.admin if who == "admin" else finance(ws)
    view = open_view(qtbot, ws, user)
    by_owner, by_customer, total = expected(deals, ws.people)
    reps = table(view.owner_model)
    assert set(reps) == {*by_owner, "Total"}
    for name, figures in by_owner.items():
        check(reps[name], figures)
    check(reps["Total"], total)
    customers = table(view.customer_model)
    assert set(customers) == {*by_customer, "Total"}
    for name, figures in by_customer.items():
        check(customers[name], figures)


def test_a_payment_recorded_elsewhere_shows_at_once(qtbot, ws, deals):
    view = open_view(qtbot, ws, ws.people.manager_n)
    rep = as_user(ws, ws.people.rep_n2)
    huaxin = next(d for d in deals if d.owner == "rep_n2")
    # another page's write: its change comes on the bus the view listens to
    view.ctx.write(lambda: rep.record_payment(huaxin.id, PaymentInput(TODAY, D("2000.50"))),
                   owner=view)  # fmt: skip
    huaxin.paid = D("2000.50")
    by_owner, _c, total = expected(deals, ws.people, {"rep_n1", "rep_n2"})
    reps = table(view.owner_model)
    check(reps[ws.people.rep_n2.name], by_owner[ws.people.rep_n2.name])
    assert reps[ws.people.rep_n2.name]["90_plus"] == "¥3,000.00"
    check(reps["Total"], total)


def test_double_clicking_a_customer_opens_the_most_overdue_contract(qtbot, ws, deals,
                                                                    monkeypatch):  # fmt: skip
    star = [d for d in deals if d.customer == "北京星辰科技有限公司"]
    rows = {r.name: r.id for r in ws.list_customers(CustomerQuery(), 0, 10)}
    # a second live contract of the same customer, owing more but not late
    later = Deal("rep_n1", "北京星辰科技有限公司", D("50000.00"), [(day(60), D("50000.00"))])
    sign(ws, later, rows)
    opened = []
    monkeypatch.setattr(
        contract_dialog,
        "open_contract_dialog",
        lambda ctx, parent, contract_id=None, **kw: opened.append(contract_id),
    )
    view = open_view(qtbot, ws, ws.people.rep_n1)
    customers = [view.customer_model.index(r, 0).data()
                 for r in range(view.customer_model.rowCount())]  # fmt: skip
    index = view.customer_model.index(customers.index("北京星辰科技有限公司"), 2)
    centre = view.customer_table.visualRect(index).center()
    viewport = view.customer_table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert opened == [star[0].id]  # the late one, not the larger one
    # the total row opens nothing
    total = view.customer_model.index(view.customer_model.rowCount() - 1, 0)
    view.customer_table.doubleClicked.emit(total)
    assert opened == [star[0].id]
    # a page that listens is told the customer instead (its contracts, filtered)
    told = []
    view.customer_activated.connect(lambda *args: told.append(args))
    view.customer_table.doubleClicked.emit(index)
    assert told == [(rows["北京星辰科技有限公司"], "北京星辰科技有限公司")]
    assert opened == [star[0].id]
    # a customer with one contract: that one opens, listened to or not
    one = next(d for d in deals if d.customer == "上海华信贸易有限公司")
    rep_view = open_view(qtbot, ws, ws.people.manager_n)
    rep_view.customer_activated.connect(lambda *args: told.append(args))
    names = [rep_view.customer_model.index(r, 0).data()
             for r in range(rep_view.customer_model.rowCount())]  # fmt: skip
    rep_view.customer_table.doubleClicked.emit(
        rep_view.customer_model.index(names.index("上海华信贸易有限公司"), 0)
    )
    assert opened == [star[0].id, one.id] and len(told) == 1
    # a rep's row says whose contracts to list
    owners = []
    view.owner_activated.connect(owners.append)
    view.owner_table.doubleClicked.emit(view.owner_model.index(0, 0))
    assert owners == [ws.people.rep_n1.id]


def test_the_figures_are_one_read_as_of_an_iso_day(qtbot, ws, deals):
    view = open_view(qtbot, ws, ws.people.manager_n)
    assert view.as_of.text() == f"as of {TODAY.isoformat()}"  # as the lists write days
    reads = []
    real = view.workspace.db.read
    view.workspace.db.read = lambda fn: reads.append(fn) or real(fn)
    view.refresh_button.click()
    assert len(reads) == 1  # the reps', the customers' and the total: one unit of work
    shown = table(view.owner_model)
    reps = expected(deals, ws.people, {"rep_n1", "rep_n2"})
    check(shown["Total"], reps[2])


def test_nothing_to_collect_says_so(qtbot, ws):
    view = open_view(qtbot, ws, ws.people.manager_s)
    assert view.owner_model.rowCount() == 0 and view.customer_model.rowCount() == 0
    assert view.owner_table.empty_text == "No contracts to collect on."
    assert "¥0.00" in view.summary.text()
    assert not view.banner.isVisible()


def test_a_hidden_view_reads_again_when_shown(qtbot, ws, deals):
    view = open_view(qtbot, ws, ws.people.rep_n2)
    view.hide()
    huaxin = next(d for d in deals if d.owner == "rep_n2")
    rep = as_user(ws, ws.people.rep_n2)
    view.ctx.write(lambda: rep.record_payment(huaxin.id, PaymentInput(TODAY, D("5000.50"))),
                   owner=view)  # fmt: skip
    assert table(view.owner_model)["Total"]["outstanding"] == "¥5,000.50"  # not read yet
    view.show()
    assert table(view.owner_model)["Total"]["outstanding"] == "¥0.00"
