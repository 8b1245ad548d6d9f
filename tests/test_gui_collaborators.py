"""Collaborators driven as users would (views/collaborators_panel.py in the customer detail
panel, the list's "Shared with me"): the owner shares a customer, the colleague finds it, logs
a follow-up (the owner is told) and stops sharing; the words of a refusal and of the
notifications."""

from __future__ import annotations

from gui_helpers import make_page, page_names, type_text
from helpers import NOW
from PySide6.QtCore import Qt

from crmdesk.models.collaborators import CollaboratorRefused
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.today import NotificationRow
from crmdesk.models.workspace import Workspace
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.today_words import today_words

CUSTOMER = "北京星辰科技有限公司"  # rep_n1's (gui_helpers.ws)


def as_user(ws, login: str) -> Workspace:
    return Workspace(ws.db, getattr(ws.people, login), clock=lambda: NOW)


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_customer(page, name: str):
    page.table.selectRow(page_names(page).index(name))
    return page.detail


def test_share_find_follow_up_and_stop_sharing(qtbot, ws):
    owner_ws = as_user(ws, "rep_n1")
    owner_ctx = PageContext(owner_ws)
    notices = []
    owner_ctx.bus.notice.connect(lambda n: notices.append(n.text))
    owner_page = make_page(qtbot, owner_ws, ctx=owner_ctx)
    detail = open_customer(owner_page, CUSTOMER)
    panel = detail.collaborators_tab
    detail.tabs.setCurrentWidget(panel)
    assert panel.add_button.isVisible()
    names = [panel.colleague.itemText(i) for i in range(panel.colleague.count())]
    assert "李娜" in names and "张伟" not in names  # the owner is not offered
    panel.colleague.setCurrentIndex(panel.colleague.findData(ws.people.rep_s1.id))
    click(qtbot, panel.add_button)
    qtbot.waitUntil(lambda: panel.list.count() == 1 and "李娜" in panel.list.item(0).text())
    assert "李娜" in notices[-1]
    assert panel.colleague.findData(ws.people.rep_s1.id) == -1  # offered no more

    # the colleague: "Shared with me", the card read-only but for follow-ups
    mine = make_page(qtbot, as_user(ws, "rep_s1"))
    assert CUSTOMER not in page_names(mine)  # "My customers" stays theirs alone
    scope = mine.filters.controls["scope"]
    scope.setCurrentIndex(scope.findData("shared"))
    qtbot.waitUntil(lambda: page_names(mine) == [CUSTOMER])
    theirs = open_customer(mine, CUSTOMER)
    qtbot.waitUntil(lambda: theirs.detail is not None)
    assert not theirs.form.isEnabled() and not theirs.save_button.isEnabled()
    assert not theirs.add_contact_button.isEnabled()
    assert theirs.fu_add.isEnabled()
    theirs.tabs.setCurrentWidget(theirs.follow_up_tab)
    type_text(qtbot, theirs.fu_content, "我也联系了客户")
    assert theirs.has_unsaved()  # typed and not added: leaving asks
    click(qtbot, theirs.fu_add)
    qtbot.waitUntil(lambda: "我也联系了客户" in theirs.timeline.toPlainText())

    # the owner is told, in words
    told = [n for n in owner_ws.today().notifications.rows if n.kind == "shared_follow_up"]
    assert len(told) == 1
    assert today_words().notification(told[0]) == (
        f"李娜 logged a follow-up on your customer {CUSTOMER}"
    )

    # the colleague stops sharing with themselves: the customer leaves their list
    their_panel = theirs.collaborators_tab
    theirs.tabs.setCurrentWidget(their_panel)
    assert not their_panel.add_button.isVisible()
    their_panel.list.setCurrentRow(0)
    assert their_panel.remove_button.text() == "Stop sharing with me"
    click(qtbot, their_panel.remove_button)
    qtbot.waitUntil(lambda: page_names(mine) == [])


def test_the_owner_removes_a_collaborator(qtbot, ws):
    owner_ws = as_user(ws, "rep_n1")
    customer_id = ws.customer_ids(CustomerQuery(search=CUSTOMER), 0, 1)[0]
    owner_ws.add_collaborator(customer_id, ws.people.rep_s1.id)
    page = make_page(qtbot, owner_ws)
    detail = open_customer(page, CUSTOMER)
    panel = detail.collaborators_tab
    detail.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.list.count() == 1 and panel.shown is not None)
    panel.list.setCurrentRow(0)
    assert panel.remove_button.text() == "Remove"
    click(qtbot, panel.remove_button)
    qtbot.waitUntil(lambda: "Not shared" in panel.list.item(0).text())
    assert owner_ws.collaborators(customer_id).rows == ()


def test_an_admin_may_share_any_customer_and_the_words(qtbot, ws):
    assert "Claim it" in error_text(CollaboratorRefused(reason="in_pool"))
    assert "李娜 owns" in error_text(CollaboratorRefused(reason="is_owner", name="李娜"))
    assert "20" in error_text(CollaboratorRefused(reason="too_many", limit=20))
    shared = NotificationRow(1, "collaborator", 5, CUSTOMER, None, "", 1, "张伟", NOW)
    assert today_words().notification(shared) == f"张伟 shared {CUSTOMER} with you"
    for detail, words in (
        ("shared:张伟", f"张伟 logged a follow-up on {CUSTOMER}, shared with you"),
        ("owner:张伟", f"张伟 logged a follow-up on your customer {CUSTOMER}"),
        ("张伟", f"张伟 logged a follow-up on {CUSTOMER}, shared with you"),  # an older row
    ):
        row = NotificationRow(2, "shared_follow_up", 5, CUSTOMER, None, "", 1, detail, NOW)
        assert today_words().notification(row) == words
    # admin's page: an admin may share anyone's customer
    page = make_page(qtbot, ws)
    detail = open_customer(page, "深圳科达电子有限公司")
    panel = detail.collaborators_tab
    detail.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.shown is not None)
    assert panel.add_button.isVisible()


def test_owner_only_actions_on_a_shared_customer(qtbot, ws, monkeypatch):
    from crmdesk.views import customer_pool_actions

    told = []
    monkeypatch.setattr(
        customer_pool_actions.QMessageBox, "information", lambda *a: told.append(a[2])
    )
    customer_id = ws.customer_ids(CustomerQuery(search=CUSTOMER), 0, 1)[0]
    as_user(ws, "rep_n1").add_collaborator(customer_id, ws.people.rep_s1.id)
    page = make_page(qtbot, as_user(ws, "rep_s1"))
    scope = page.filters.controls["scope"]
    scope.setCurrentIndex(scope.findData("shared"))
    qtbot.waitUntil(lambda: page_names(page) == [CUSTOMER])
    open_customer(page, CUSTOMER)
    buttons = (page.release_button, page.lock_button, page.assign_button, page.tag_button,
               page.delete_button)  # fmt: skip
    for button in buttons:
        assert not button.isEnabled(), button.text()
        assert "Only the customer's owner" in button.toolTip()
    # The Delete key still comes to the action: it says why, never nothing.
    page._on_delete_clicked()
    page._on_release_clicked()
    assert told == [
        f"Only the owner (张伟) or a manager can delete {CUSTOMER}.",
        f"Only the owner (张伟) or a manager can release {CUSTOMER} to the pool.",
    ]
    assert page.message.text() == told[-1]
    assert ws.count_customers(CustomerQuery(search=CUSTOMER)) == 1  # nothing deleted
    # One's own customers: enabled again, their usual tooltip back.
    scope.setCurrentIndex(scope.findData("mine"))
    qtbot.waitUntil(lambda: len(page_names(page)) == 2)
    page.table.selectRow(0)
    assert page.delete_button.isEnabled() and page.release_button.isEnabled()
    assert "public pool" in page.release_button.toolTip()


def test_a_refusal_names_the_customers():
    from crmdesk.views.customer_pool_actions import OwnerOnlyWords

    words = OwnerOnlyWords()
    assert words.names(["A", "B", "C", "D", "E"]) == "A, B, C and 2 more"
    assert words.refused("tag", "Bob %2", "Acme") == (
        "Only the owner (Bob %2) or a manager can change the tags of Acme."
    )


def test_the_shared_with_tab_its_count_and_the_colleague_combo(qtbot, ws):
    page = make_page(qtbot, as_user(ws, "rep_n1"))
    detail = open_customer(page, CUSTOMER)
    panel = detail.collaborators_tab
    tabs = [detail.tabs.tabText(i) for i in range(detail.tabs.count())]
    assert tabs.index("Shared with") == tabs.index("Follow-ups") + 1  # not behind the arrows
    detail.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.shown is not None and panel.colleague.count() > 0)
    names = [panel.colleague.itemText(i) for i in range(panel.colleague.count())]
    assert "Ada Admin" not in names  # an administrator sees every customer anyway
    assert panel.colleague.currentIndex() == -1 and not panel.add_button.isEnabled()
    assert panel.colleague.lineEdit().placeholderText() == "Choose a colleague…"
    panel.colleague.setCurrentIndex(panel.colleague.findData(ws.people.rep_s1.id))
    click(qtbot, panel.add_button)
    qtbot.waitUntil(lambda: panel.list.count() == 1 and "李娜" in panel.list.item(0).text())
    assert detail.tabs.tabText(detail.tabs.indexOf(panel)) == "Shared with (1)"
    assert panel.colleague.currentIndex() == -1 and not panel.add_button.isEnabled()
    panel.grab().save("/tmp/shared_tab.png")


def test_an_empty_my_customers_points_at_the_shared_ones(qtbot, ws):
    customer_id = ws.customer_ids(CustomerQuery(search=CUSTOMER), 0, 1)[0]
    as_user(ws, "rep_n1").add_collaborator(customer_id, ws.people.rep_n2.id)
    ws.delete_customers([ws.customer_ids(CustomerQuery(search="上海华信"), 0, 1)[0]])
    page = make_page(qtbot, as_user(ws, "rep_n2"))  # owns nothing now
    table = page.table
    qtbot.waitUntil(lambda: "shared with you" in table.empty_text)
    assert table.empty_text == (
        "No customers of your own yet. 1 customer(s) shared with you are under “Shared with me”."
    )
    assert table.empty_button.text() == "Show those shared with me"
    page.resize(900, 500)
    page.grab().save("/tmp/empty_shared.png")
    click(qtbot, table.empty_button)
    qtbot.waitUntil(lambda: page_names(page) == [CUSTOMER])
    assert page.filters.query().scope == "shared"
