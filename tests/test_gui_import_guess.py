"""A deals export opened while the wizard says Customers: it switches to Deals and says so,
until the user picks the kind themselves."""

from __future__ import annotations

from openpyxl import Workbook
from test_gui_import import choose_file, open_wizard

from crmdesk.views.context import PageContext


def _deals_sheet(path):
    wb = Workbook()
    wb.active.append(["Opportunity Name", "Account Name", "Stage", "Amount", "Close Date"])
    wb.active.append(["CRM rollout", "北京星辰科技有限公司", "Proposal", 120000, "2026-12-31"])
    wb.save(path)
    return path


def test_a_deals_export_switches_the_kind_and_says_so(qtbot, ws, tmp_path, monkeypatch):
    wizard = open_wizard(qtbot, PageContext(ws))
    assert wizard.state.kind == "customers"
    choose_file(qtbot, wizard, monkeypatch, _deals_sheet(tmp_path / "opps.xlsx"))
    assert wizard.state.kind == "deals" and wizard.source.kind.currentData() == "deals"
    assert "Deals" in wizard.source.guessed.text()
    # The user says otherwise: the note goes, and reading a file again keeps their choice.
    wizard.source.kind.setCurrentIndex(wizard.source.kind.findData("customers"))
    assert wizard.source.guessed.text() == ""
    choose_file(qtbot, wizard, monkeypatch, _deals_sheet(tmp_path / "again.xlsx"))
    assert wizard.state.kind == "customers"


def test_a_kind_the_user_chose_is_never_switched(qtbot, ws, tmp_path, monkeypatch):
    wizard = open_wizard(qtbot, PageContext(ws))
    wizard.source.set_kind("follow_ups")
    choose_file(qtbot, wizard, monkeypatch, _deals_sheet(tmp_path / "opps.xlsx"))
    assert wizard.state.kind == "follow_ups" and wizard.source.guessed.text() == ""
