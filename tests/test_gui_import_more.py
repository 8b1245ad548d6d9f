"""More of the import wizard: a deals sheet from another CRM with its stage names matched to
ours, a template downloaded and read back, the owner and duplicate choices reaching the import,
and the window's File menu (Import…, Import history…; not for finance)."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select
from test_gui_contracts import _finance
from test_gui_import import (
    choose_file,
    names,
    next_page,
    open_wizard,
    through_to_preview,
    unasked,  # noqa: F401  (the fixture)
    workbook,
)

from crmdesk.models.schema import Customer
from crmdesk.models.workspace import Workspace
from crmdesk.views import file_dialogs
from crmdesk.views.context import PageContext
from crmdesk.views.import_history import ImportHistoryDialog
from crmdesk.views.import_wizard import SUMMARY, ImportWizard
from crmdesk.views.main_window import MainWindow


def test_a_deals_sheet_maps_its_stages_to_ours(qtbot, ws, tmp_path, monkeypatch):
    headers = ["Opportunity Name", "Account Name", "Stage", "Amount", "Close Date"]
    rows = [
        ["ERP 一期", "北京星辰科技有限公司", "Prospecting", "¥12,000.00", "2026-12-01"],
        ["CRM 续费", "上海华信贸易有限公司", "Closed Won", 30000, "2026-10-15"],
        ["数据迁移", "西安古城文化传媒有限公司", "Closed Lost", "1.2万", "2026-09-30"],
        ["培训", "北京星辰科技有限公司", "Pilot", 5000, ""],
    ]
    path = workbook(tmp_path / "deals.xlsx", rows=rows, headers=headers, title="Opportunities")
    wizard = open_wizard(qtbot, PageContext(ws))
    wizard.source.set_kind("deals")
    choose_file(qtbot, wizard, monkeypatch, path)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.mapping.is_ready())
    mapping = wizard.mapping
    assert mapping.columns() == {0: "title", 1: "customer", 2: "stage", 3: "amount",
                                 4: "close_date"}  # fmt: skip
    assert mapping.stage_box.isVisible()
    assert sorted(mapping.stage_values) == ["Closed Lost", "Closed Won", "Pilot", "Prospecting"]
    stages = {code: stage_id for stage_id, _name, code, _kind in mapping.stages}
    chosen = mapping.stage_map()
    assert chosen["Closed Won"] == stages["won"] and chosen["Closed Lost"] == stages["lost"]
    assert "Pilot" not in chosen  # not matched: its rows would not be imported
    mapping.choose_stage("Pilot", stages["proposal"])
    assert wizard.state.mapping.stages["Pilot"] == stages["proposal"]
    next_page(qtbot, wizard)
    assert wizard.state.options.dedupe_key == ""  # no external id column to find them by
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.preview.checking)
    assert wizard.state.plan is not None and len(wizard.state.plan.rows) == 4
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.current == SUMMARY)
    assert wizard.summary.counts["created"].text() == "4", wizard.summary.heading.text()
    assert "西安古城文化传媒有限公司" in names(ws)  # made for its deal


def test_a_downloaded_template_is_read_back_with_every_column_known(qtbot, ws, tmp_path,
                                                                     monkeypatch):  # fmt: skip
    wizard = open_wizard(qtbot, PageContext(ws))
    out = tmp_path / "template.xlsx"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(wizard.source.template, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in wizard.source.status.text())
    assert out.exists()
    choose_file(qtbot, wizard, monkeypatch, out)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.mapping.is_ready())
    header = next(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert len(wizard.mapping.columns()) == len([h for h in header if h])


def test_rows_go_into_a_pool_and_duplicates_are_filled(qtbot, ws, tmp_path, monkeypatch):
    from crmdesk.models.pool import list_pools

    pool = ws.db.read(lambda s: list_pools(s))[0]
    rows = [["北京星辰科技有限公司", "", "", "", "", "老客户"], ["南京紫金科技有限公司", "", "", "",
                                                             "江苏", ""]]  # fmt: skip
    wizard = open_wizard(qtbot, PageContext(ws))
    choose_file(qtbot, wizard, monkeypatch, workbook(tmp_path / "p.xlsx", rows=rows))
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.mapping.is_ready())
    next_page(qtbot, wizard)
    options = wizard.options
    qtbot.waitUntil(lambda: options.pool.count() > 0)
    options.owner_pool.click()
    options.pool.setCurrentIndex(options.pool.findData(pool.id))
    options.modes.button(1).click()  # fill empty fields
    assert wizard.state.options.owner_mode == "pool"
    assert wizard.state.options.pool_id == pool.id
    assert wizard.state.options.on_duplicate == "fill"
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.preview.checking)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.current == SUMMARY)
    assert wizard.summary.counts["created"].text() == "1"
    assert wizard.summary.counts["updated"].text() == "1"
    pooled = select(Customer.owner_id, Customer.pool_id).where(Customer.name == rows[1][0])
    row = ws.db.read(lambda s: s.execute(pooled).one())
    assert row.owner_id is None and row.pool_id == pool.id  # in the pool, nobody's yet


def test_the_file_menu_opens_one_wizard_and_the_history(qtbot, ws, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings, recycle=False)
    qtbot.addWidget(window)
    window.show()
    assert window.import_action.isVisible() and window.import_action.isEnabled()
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    window.import_action.trigger()
    window.import_action.trigger()  # the one open comes to the front
    wizards = [w for w in window.findChildren(ImportWizard) if w.isVisible()]
    assert len(wizards) == 1 and not wizards[0].isModal()
    window.import_history_action.trigger()
    dialog = window.findChild(ImportHistoryDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.empty.isVisible())  # nothing imported yet
    window.runner.wait()


def test_finance_imports_contracts_and_payments_only(qtbot, ws, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    finance = Workspace(ws.db, _finance(ws), clock=ws.clock)
    window = MainWindow(finance, settings, recycle=False)
    qtbot.addWidget(window)
    window.show()
    assert window.import_action.isVisible() and window.import_history_action.isVisible()
    assert not window.export_follow_ups_action.isVisible()
    window.runner.wait()
    wizard = open_wizard(qtbot, PageContext(finance))
    kinds = [wizard.source.kind.itemData(i) for i in range(wizard.source.kind.count())]
    assert kinds == ["contracts", "payments"] and wizard.state.kind == "contracts"


def test_a_deal_amount_in_wan_arrives_as_a_number(qtbot, ws, tmp_path, monkeypatch):
    headers = ["商机名称", "客户名称", "阶段", "金额"]
    rows = [["扩容", "北京星辰科技有限公司", "赢单", "1.2万"]]
    path = workbook(tmp_path / "w.xlsx", rows=rows, headers=headers)
    wizard = open_wizard(qtbot, PageContext(ws))
    wizard.source.set_kind("deals")
    through_to_preview(qtbot, wizard, monkeypatch, path)
    plan = wizard.state.plan
    assert plan.rows[0].values["amount"] == Decimal("12000.00")
    amount = wizard.preview.model.titles.index("Amount") + 1
    assert wizard.preview.model.data(wizard.preview.model.index(0, amount)) == "12,000.00"
