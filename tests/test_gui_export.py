"""Export… of the lists driven as a user would, on a real SQLite database: the customer list
with a column hidden, one moved, sorted and filtered gives exactly those rows and columns,
typed; read off the GUI thread on the real runner; cancelled (no file) and refused by the file
(said in words); the pool's masked phones stay masked; the deal list's and the contracts'
amounts are numbers in ¥. The written workbooks are read back with openpyxl."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from gui_helpers import GuiThreadGuard, QueueRunner, make_page, page_names, type_text
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton
from test_gui_contracts import contracts_page, made  # noqa: F401 (a fixture)
from test_gui_pipeline import board, deals_ws  # noqa: F401 (a fixture)
from test_gui_pool import pool_page, pool_ws  # noqa: F401 (a fixture)

from crmdesk.models import excel_files
from crmdesk.models.contacts import ContactInput
from crmdesk.models.customers import CustomerInput
from crmdesk.models.excel_export import MONEY_FORMAT
from crmdesk.views import column_fit, file_dialogs, list_export
from crmdesk.views.table_model import local_moment


@pytest.fixture
def saved(monkeypatch, tmp_path):
    """The file dialog answers with a path in tmp_path; message boxes record their text and
    return at once; Open folder opens nothing."""
    told: dict[str, list] = {"info": [], "warning": [], "opened": []}
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "export.xlsx"
    monkeypatch.setattr(file_dialogs, "save_file_name",
                        lambda *a, **k: (str(target.with_suffix("")), ""))  # fmt: skip

    def exec_box(box):
        told["info"].append(box.text())
        for button in box.buttons():
            if button.text() == "Open folder" and told.get("open"):
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a: told["warning"].append(text))  # fmt: skip
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: told["opened"].append(url))
    told["path"] = target
    return told


def sheet_rows(path) -> list[list]:
    return [[c.value for c in row] for row in load_workbook(path).active.iter_rows()]


@pytest.fixture
def more_customers(ws):
    """Seven level-A customers in all, so an export reads several pages of EXPORT_PAGE = 3."""
    owner = ws.people.rep_n1
    for i, name in enumerate(["宁波精工机械", "无锡纺织集团", "大连港务物流", "厦门海鲜贸易",
                              "成都火锅连锁"]):  # fmt: skip
        ws.create_customer(CustomerInput(name=name, level="A", industry="制造业"),
                           [ContactInput(name=f"联系人{i}", mobile=f"1380000000{i}")],
                           owner.id)  # fmt: skip
    return ws


def test_the_customer_list_is_exported_as_shown(qtbot, more_customers, saved, monkeypatch):
    ws = more_customers
    monkeypatch.setattr(list_export, "EXPORT_PAGE", 3)
    page = make_page(qtbot, ws)
    header = page.table.horizontalHeader()
    titles = {c.key: c.title for c in page.model.columns}
    # Hide Industry from the header's menu, drag Owner to the front, sort by name, filter.

    class Menu(QMenu):  # the user unticks Industry in the header's menu
        def exec(self, *_args):
            next(a for a in self.actions() if a.text() == titles["industry"]).trigger()

    monkeypatch.setattr(column_fit, "QMenu", Menu)
    header.customContextMenuRequested.emit(QPoint(5, 5))
    header.moveSection(header.visualIndex(page.model.column_index("owner")), 0)
    x = header.sectionViewportPosition(page.model.column_index("name")) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    level = page.filters.controls["level"]
    level.setCurrentIndex(level.findData("A"))
    assert page.query.sort == "name" and page.query.level == "A"
    shown = page_names(page)
    assert len(shown) == 7

    qtbot.mouseClick(page.exporter.button, Qt.MouseButton.LeftButton)
    path = saved["path"]  # ".xlsx" added to the name typed
    assert [t.replace("(s)", "s") for t in saved["info"]] == [f"Exported 7 rows to {path}."]
    rows = sheet_rows(path)
    keys = [c.key for c in page.model.columns if c.key != "industry"]
    keys.remove("owner")
    assert rows[0] == [titles["owner"], *[titles[k] for k in keys]]
    assert titles["industry"] not in rows[0]
    names = [r[rows[0].index(titles["name"])] for r in rows[1:]]
    assert names == shown  # exactly the filtered rows, in the page's order
    listed = {r.name: r for r in ws.list_customers(page.query, 0, 100)}
    for values in rows[1:]:
        cell = dict(zip(rows[0], values, strict=True))
        row = listed[cell[titles["name"]]]
        assert cell[titles["owner"]] == row.owner_name and cell[titles["level"]] == "A"
        assert cell[titles["created_at"]] == datetime.combine(row.created_at.date(),
                                                              datetime.min.time())  # fmt: skip
        assert abs(cell[titles["updated_at"]] - local_moment(row.updated_at)) < timedelta(seconds=1)
    sheet = load_workbook(path).active
    created = rows[0].index(titles["created_at"]) + 1
    assert sheet.cell(2, created).number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.endswith("8")
    assert not page.exporter.busy and page.exporter.button.isEnabled()


def test_open_folder_opens_the_folder(qtbot, ws, saved):
    saved["open"] = True
    page = make_page(qtbot, ws)
    page.exporter.button.click()
    assert [u.toLocalFile() for u in saved["opened"]] == [str(saved["path"].parent)]


def test_the_export_reads_off_the_gui_thread_on_the_real_runner(qtbot, ws, saved):
    from crmdesk.models.demo import generate_demo
    from crmdesk.tasks import TaskRunner

    generate_demo(ws.db, customers=250, seed=3, pooled=0)
    guard = GuiThreadGuard(ws)
    runner = TaskRunner()
    page = make_page(qtbot, guard, runner)
    qtbot.waitUntil(lambda: not page.is_counting and page.model.rowCount() == 254, timeout=5000)
    with qtbot.waitSignal(page.exporter.finished, timeout=20_000) as done:
        page.exporter.button.click()
        assert page.exporter.busy and not page.exporter.button.isEnabled()
    assert done.args[0] == 254
    runner.wait()
    assert guard.calls_on_gui_thread == []
    assert len(sheet_rows(saved["path"])) == 255


def test_a_cancelled_export_writes_no_file(qtbot, ws, saved):
    runner = QueueRunner()
    page = make_page(qtbot, ws, runner)
    runner.run_all()
    notices = []
    page.ctx.bus.notice.connect(lambda n: notices.append(n.text))
    page.exporter.button.click()
    assert page.exporter.busy
    page.exporter.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    runner.run_all()
    assert not saved["path"].exists() and list(saved["path"].parent.iterdir()) == []
    assert notices == ["Export cancelled; no file was written."] and saved["info"] == []
    assert page.exporter.button.isEnabled()


def test_a_file_open_in_excel_is_said_in_words(qtbot, ws, saved, monkeypatch):
    saved["path"].write_bytes(b"the old export")

    def refused(src, dst):
        raise PermissionError(13, "Access is denied", str(dst))

    monkeypatch.setattr(excel_files.os, "replace", refused)
    page = make_page(qtbot, ws)
    page.exporter.button.click()
    assert len(saved["warning"]) == 1 and "open in another program" in saved["warning"][0]
    assert saved["path"].read_bytes() == b"the old export"
    assert sorted(p.name for p in saved["path"].parent.iterdir()) == ["export.xlsx"]


def test_the_pool_exports_masked_phones_and_days_in_the_pool(qtbot, pool_ws, saved):  # noqa: F811
    page = pool_page(qtbot, pool_ws, pool_ws.people.rep_n1)
    page.exporter.button.click()
    rows = sheet_rows(saved["path"])
    mobile = rows[0].index("Mobile")
    assert sorted(r[mobile] for r in rows[1:]) == ["136****3333", "137****2222"]
    days = rows[0].index("In pool")
    assert all(isinstance(r[days], int) for r in rows[1:])
    assert load_workbook(saved["path"]).sheetnames == [page.pool.name]


def test_the_deal_list_exports_amounts_in_yuan(qtbot, deals_ws, saved):  # noqa: F811
    page = board(qtbot, deals_ws)
    page.list_button.click()
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 6)
    page.exporter.button.click()
    rows = sheet_rows(saved["path"])
    amount, chance = rows[0].index("Amount"), rows[0].index("Probability")
    by_title = {r[0]: r for r in rows[1:]}
    assert by_title["项目 2"][amount] == 3000 and by_title["项目 0"][amount] == 2700  # its lines
    assert by_title["项目 1"][chance] == 0.5
    sheet = load_workbook(saved["path"]).active
    assert sheet.cell(2, amount + 1).number_format == MONEY_FORMAT


def test_contracts_export_money_and_days(qtbot, ws, made, saved):  # noqa: F811
    page = contracts_page(qtbot, ws)
    page.exporter.button.click()
    rows = sheet_rows(saved["path"])
    head = rows[0]
    by_title = {r[head.index("Contract")]: r for r in rows[1:]}
    xingchen = by_title["星辰 CRM"]
    assert xingchen[head.index("Amount")] == 10000
    assert xingchen[head.index("Received")] == 4000
    assert xingchen[head.index("Outstanding")] == 6000
    assert by_title["科达 草稿"][head.index("Outstanding")] is None  # a draft owes nothing
    assert isinstance(xingchen[head.index("Signed")], datetime)
    sheet = load_workbook(saved["path"]).active
    money_cells = [sheet.cell(r, head.index("Amount") + 1) for r in range(2, len(rows) + 1)]
    assert {c.number_format for c in money_cells} == {MONEY_FORMAT}


def test_typing_a_search_then_exporting_takes_the_search(qtbot, ws, saved):
    page = make_page(qtbot, ws)
    type_text(qtbot, page.search, "科技")
    qtbot.waitUntil(lambda: page_names(page) == ["北京星辰科技有限公司"], timeout=2000)
    page.exporter.button.click()
    rows = sheet_rows(saved["path"])
    assert [r[0] for r in rows[1:]] == ["北京星辰科技有限公司"]
