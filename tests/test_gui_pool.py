"""The pool page and the customer list's pool actions, driven as a user would on a real SQLite
database: a rep sees the pool masked, reads a customer's history, claims it (and is told why
not when a cap says no); a rep releases a customer with a reason; a pool admin assigns."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from gui_helpers import make_page
from helpers import NOW
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import update

from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.errors import ConnectionLost
from crmdesk.models.pool_list import PoolQuery
from crmdesk.models.schema import Pool, Team
from crmdesk.models.workspace import Workspace
from crmdesk.views import pool_dialogs
from crmdesk.views.context import PageContext
from crmdesk.views.pool_page import PoolPage


def as_user(ws, user) -> Workspace:
    return Workspace(ws.db, user, clock=lambda: NOW)


@pytest.fixture
def pool_ws(ws):
    """The four customers of the GUI fixture; the two of rep_s1 released to the pool."""
    p = ws.people
    rep_s1 = as_user(ws, p.rep_s1)
    mine = rep_s1.list_customers(CustomerQuery(scope="mine"), 0, 10)
    rep_s1.release([r.id for r in mine], "no_need", "预算冻结")
    return ws


def pool_page(qtbot, ws, user) -> PoolPage:
    page = PoolPage(PageContext(as_user(ws, user)))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


def names(page) -> list[str]:
    return sorted(page.model.row_at(r).name for r in range(page.model.rowCount()))


def test_a_rep_sees_the_pool_masked_and_claims_a_customer(qtbot, pool_ws):
    p = pool_ws.people
    page = pool_page(qtbot, pool_ws, p.rep_n1)
    assert names(page) == ["杭州云帆网络有限公司", "深圳科达电子有限公司"]
    mobiles = {page.model.row_at(r).contact_mobile for r in range(2)}
    assert mobiles == {"136****3333", "137****2222"}
    # no cap set: a plain count; the pool's daily cap of 10, none claimed today
    assert re.fullmatch(r"You own 1 customer(\(s\))? · 10 more today from this pool",
                        page.capacity_label.text())  # fmt: skip

    row = next(r for r in range(2) if page.model.row_at(r).name == "深圳科达电子有限公司")
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.detail.customer_id is not None)
    # the history, read-only: who let it go and why
    history = page.detail.history
    texts = [history.item(r, 4).text() for r in range(history.rowCount())]
    assert any("预算冻结" in t for t in texts)
    assert not page.detail.form.isEnabled()
    contacts = page.detail.contacts_table
    assert "137****2222" in [contacts.item(0, c).text() for c in range(contacts.columnCount())]

    assert page.claim_button.isEnabled()
    page.claim_button.click()
    assert names(page) == ["杭州云帆网络有限公司"]
    mine = as_user(pool_ws, p.rep_n1).list_customers(CustomerQuery(scope="mine"), 0, 10)
    assert "深圳科达电子有限公司" in [r.name for r in mine]
    assert re.fullmatch(r"You own 2 customers? · 9 more today from this pool",
                        page.capacity_label.text().replace("(s)", "s"))  # fmt: skip


def test_a_refused_claim_says_why(qtbot, pool_ws, monkeypatch):
    p = pool_ws.people
    with pool_ws.db.writing() as s:  # the north team may own two customers each
        s.execute(update(Team).where(Team.id == p.rep_n1.team_id).values(customer_cap=2))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    page = pool_page(qtbot, pool_ws, p.rep_n1)
    assert page.capacity_label.text().startswith("You own 1 / 2 customers · ")
    page.table.selectAll()
    page.claim_button.click()
    qtbot.waitUntil(lambda: len(told) == 1)
    assert "you already own 2 of at most 2 customers" in told[0]  # the first one fitted
    assert len(names(page)) == 1


def test_claim_is_held_back_with_why_while_the_cap_is_used_up(qtbot, pool_ws):
    p = pool_ws.people
    with pool_ws.db.writing() as s:  # the north team may own one customer each: rep_n1 does
        s.execute(update(Team).where(Team.id == p.rep_n1.team_id).values(customer_cap=1))
    page = pool_page(qtbot, pool_ws, p.rep_n1)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.capacity_label.text().startswith("You own 1 / 1 customers"))
    assert not page.claim_button.isEnabled()
    assert page.claim_button.toolTip().replace("(s)", "") == (
        "You own 1 customer and your cap is 1: release some before you claim.")  # fmt: skip
    page.table.selectAll()  # a selection changes nothing
    assert not page.claim_button.isEnabled()
    with pool_ws.db.writing() as s:  # the cap raised: the next read lets it go
        s.execute(update(Team).where(Team.id == p.rep_n1.team_id).values(customer_cap=5))
    page.refresh()
    qtbot.waitUntil(page.claim_button.isEnabled)
    assert page.claim_button.toolTip() == "Take the selected customers as your own"


def test_claim_is_held_back_once_the_days_claims_are_used(qtbot, pool_ws):
    p = pool_ws.people
    with pool_ws.db.writing() as s:
        s.execute(update(Pool).values(daily_claim_cap=1))
    page = pool_page(qtbot, pool_ws, p.rep_n1)
    page.table.selectRow(0)
    assert page.claim_button.isEnabled()
    page.claim_button.click()  # the day's one claim
    qtbot.waitUntil(lambda: "0 more today" in page.capacity_label.text())
    page.table.selectRow(0)
    assert not page.claim_button.isEnabled()
    assert "Claim again tomorrow" in page.claim_button.toolTip()
    # read again just after midnight: the next day's claims are there to take
    assert page._new_day.isActive() and 0 < page._new_day.remainingTime() <= 86_406_000
    page.workspace.clock = lambda: NOW + timedelta(days=1)
    page._new_day.timeout.emit()
    qtbot.waitUntil(page.claim_button.isEnabled)
    assert "1 more today" in page.capacity_label.text()
    page.workspace.clock = lambda: NOW
    page.refresh()
    qtbot.waitUntil(lambda: not page.claim_button.isEnabled())
    # a capacity that cannot be read lets Claim go: the claim itself says what is in the way

    def unreadable():
        raise ConnectionLost(detail="gone")

    page.workspace.capacity = unreadable
    page.refresh()
    qtbot.waitUntil(page.claim_button.isEnabled)


def test_a_rep_releases_a_customer_with_a_reason(qtbot, ws, monkeypatch):
    p = ws.people
    page = make_page(qtbot, as_user(ws, p.rep_s1))
    assert sorted(page.model.row_at(r).name for r in range(2)) == [
        "杭州云帆网络有限公司", "深圳科达电子有限公司"]  # fmt: skip
    page.table.selectRow(0)
    released = page.model.row_at(0).name

    def answer(dialog):
        dialog.ok_button.click()  # no reason chosen: refused inline
        assert dialog.problem.isVisible() or dialog.problem.text()
        dialog.reason.setCurrentIndex(dialog.reason.findData("competitor"))
        dialog.reason_text.setText("选了别家")
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(pool_dialogs.ReleaseDialog, "exec", answer)
    assert page.release_button.isEnabled()
    page.release_button.click()
    assert [page.model.row_at(r).name for r in range(page.model.rowCount())] != []
    assert released not in [page.model.row_at(r).name for r in range(page.model.rowCount())]
    pools = as_user(ws, p.rep_n1).pools()
    rows = as_user(ws, p.rep_n1).list_pool(PoolQuery(pool_id=pools[0].id), 0, 10)
    assert [(r.name, r.release_code) for r in rows] == [(released, "competitor")]


def test_a_pool_admin_assigns_from_the_pool(qtbot, pool_ws, monkeypatch):
    p = pool_ws.people
    from crmdesk.views import bulk_dialogs

    def choose(dialog):
        dialog.user.setCurrentIndex(dialog.user.findData(p.rep_n2.id))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(bulk_dialogs.AssignDialog, "exec", choose)
    page = pool_page(qtbot, pool_ws, p.admin)
    assert page.assign_button.isVisible() and page.move_button.isVisible()
    assert {page.model.row_at(r).contact_mobile for r in range(2)} == {
        "13600003333", "13700002222"}  # fmt: skip
    page.table.selectAll()
    page.assign_button.click()
    assert page.model.rowCount() == 0
    theirs = as_user(pool_ws, p.rep_n2).list_customers(CustomerQuery(scope="mine"), 0, 10)
    assert len(theirs) == 3
    rep_page = pool_page(qtbot, pool_ws, p.rep_n1)
    assert not rep_page.assign_button.isVisible()
    assert not rep_page.settings_button.isVisible()


def test_a_change_of_the_pools_settings_keeps_the_customer_being_read(qtbot, pool_ws):
    p = pool_ws.people
    page = pool_page(qtbot, pool_ws, p.rep_n1)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.customer_id is not None)
    reading = page.detail.customer_id
    admin = as_user(pool_ws, p.admin)
    page.ctx.bus.changed.emit(admin.add_release_reason("客户搬迁").change)  # as the feed would
    assert page.detail.customer_id == reading and page.table.selectionModel().hasSelection()
    reasons = page.filters.controls["release_code"]
    assert reasons.findText("客户搬迁") >= 0  # the filter offers the new reason


def test_a_release_that_fails_keeps_what_was_typed(qtbot, ws, monkeypatch):
    p = ws.people
    page = make_page(qtbot, as_user(ws, p.rep_s1))
    page.table.selectRow(0)
    seen = {}

    def answer(dialog):
        dialog.reason.setCurrentIndex(dialog.reason.findData("competitor"))
        dialog.reason_text.setText("选了别家")
        as_user(ws, p.admin).set_release_reason_active("competitor", False)  # meanwhile
        dialog.ok_button.click()
        seen["open"] = dialog.result() != QDialog.DialogCode.Accepted
        seen["problem"] = dialog.problem.text()
        seen["typed"] = dialog.reason_text.text()
        dialog.reason.setCurrentIndex(dialog.reason.findData("no_need"))
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(pool_dialogs.ReleaseDialog, "exec", answer)
    page.release_button.click()
    assert seen["open"] and seen["typed"] == "选了别家" and "Reason" in seen["problem"]
    assert page.model.rowCount() == 1  # released on the second try
    assert "Released 1 customer" in page.message.text()


def test_a_colleagues_claim_refreshes_the_pool_in_place(qtbot, pool_ws):
    """A claim by a colleague, heard through the change feed (a remote Change), takes its row
    out of the list without a reload: the row the rep had chosen stays chosen."""
    from crmdesk.views.live_refresh import LiveRefresh

    p = pool_ws.people
    page = pool_page(qtbot, pool_ws, p.rep_n1)
    live = LiveRefresh(page.ctx, interval_ms=60_000)
    live.poll_now()  # the cursor starts at the feed's end
    kept = next(r for r in range(2) if page.model.row_at(r).name == "杭州云帆网络有限公司")
    kept_id = page.model.row_at(kept).id
    other_id = page.model.row_at(1 - kept).id
    page.table.selectRow(kept)
    qtbot.waitUntil(lambda: page.detail.customer_id == kept_id)
    reloads = []
    page.list.model.modelReset.connect(lambda: reloads.append(1))
    colleague = Workspace(type(pool_ws.db)(pool_ws.db.engine), p.rep_n2, clock=lambda: NOW)
    colleague.claim(page.query.pool_id, [other_id])  # another program: its own client id
    live.poll_now()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.row_at(0).id == kept_id
    assert page.table.currentIndex().row() == 0
    assert page.detail.customer_id == kept_id
    assert reloads == []  # in place, not a reset
