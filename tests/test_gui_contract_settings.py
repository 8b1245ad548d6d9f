"""Contract settings driven as an administrator would: the number pattern with its example as it
is typed, a pattern the rules refuse said in words, the approval limits saved and then asked of
a contract above them; the menu item an administrator's only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from gui_helpers import type_text
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from crmdesk.models.contract_rules import ContractInput, ContractSettings, plan_one
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.workspace import Workspace
from crmdesk.views.context import PageContext
from crmdesk.views.contract_settings_dialog import ContractSettingsDialog
from crmdesk.views.main_window import MainWindow

SAVE = QDialogButtonBox.StandardButton.Save


def settings_dialog(qtbot, ws) -> ContractSettingsDialog:
    dialog = ContractSettingsDialog(PageContext(ws))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def retype(qtbot, edit, text: str) -> None:
    edit.selectAll()
    edit.del_()
    type_text(qtbot, edit, text)


def test_the_pattern_s_example_follows_the_typing(qtbot, ws):
    dialog = settings_dialog(qtbot, ws)
    assert dialog.pattern.text() == "HT-{yyyy}-{seq:4}"
    assert dialog.example.text().endswith("HT-2026-0001")  # the workspace's year
    assert dialog.amount.text() == "" and dialog.amount.placeholderText() == "No limit"
    retype(qtbot, dialog.pattern, "XS{yy}{mm}-{seq:3}")
    assert dialog.example.text().endswith("XS2611-001")
    retype(qtbot, dialog.pattern, "HT-{yyyy}")  # no running number
    assert "exactly one {seq}" in dialog.example.text()
    dialog.buttons.button(SAVE).click()
    assert dialog.isVisible() and "exactly one {seq}" in dialog.problems.text()
    assert ws.contract_settings().number_pattern == "HT-{yyyy}-{seq:4}"


def test_limits_saved_and_then_asked_of_a_contract(qtbot, ws):
    dialog = settings_dialog(qtbot, ws)
    retype(qtbot, dialog.pattern, "XS{yy}-{seq:3}")
    type_text(qtbot, dialog.amount, "一万")
    dialog.buttons.button(SAVE).click()
    assert dialog.isVisible() and dialog.amount.property("invalid") is True
    assert "Approval above the amount" in dialog.problems.text()
    retype(qtbot, dialog.amount, "50,000")
    type_text(qtbot, dialog.discount, "150")
    dialog.buttons.button(SAVE).click()
    assert dialog.isVisible() and "between 0 and 100" in dialog.problems.text()
    retype(qtbot, dialog.discount, "15%")
    dialog.buttons.button(SAVE).click()
    assert not dialog.isVisible()
    assert ws.contract_settings() == ContractSettings(
        "XS{yy}-{seq:3}", Decimal("50000.00"), Decimal("15.00")
    )
    again = settings_dialog(qtbot, ws)
    assert (again.amount.text(), again.discount.text()) == ("50,000", "15")

    customer = ws.list_customers(CustomerQuery(), 0, 1)[0].id
    data = ContractInput(customer_id=customer, title="大单", amount=Decimal("80000.00"),
                         signed_on=date(2026, 11, 18))  # fmt: skip
    contract_id = ws.create_contract(data).value
    detail = ws.contract(contract_id)
    assert detail.data.number == "XS26-001"
    plan = plan_one(Decimal("80000.00"), date(2026, 12, 1))
    version = ws.save_plan(contract_id, plan, detail.version).value.version
    done = ws.set_contract_status(contract_id, "active", version).value
    assert done.awaiting_approval and done.status == "draft"


def test_only_an_administrator_has_the_menu_item(qtbot, ws, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings, recycle=False)
    qtbot.addWidget(window)
    window.show()
    action = window.contract_settings_action
    assert action.text() == "&Contract settings…"
    assert action in window._pipeline_menu.actions()
    assert window._pipeline_menu.menuAction().isVisible()
    rep = Workspace(ws.db, ws.people.rep_n1, clock=ws.clock)
    theirs = MainWindow(rep, settings, recycle=False)
    qtbot.addWidget(theirs)
    theirs.show()
    assert not theirs._pipeline_menu.menuAction().isVisible()
