"""The drill-down dialog driven as a user would, on a demo database: it lists exactly the rows
a drill_* call gives (its count, every page of them as the table scrolls), read off the GUI
thread; a double-click opens the deal's dialog or asks for the customer; Export… writes the
rows; a failed read says so with Retry; a row counted but not the reader's to open (a customer
their rep created, handed to another team since) shows greyed as not visible, opens nothing and
exports blank."""

from __future__ import annotations

from datetime import date

from gui_helpers import GuiThreadGuard
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from test_gui_reports_data import (  # noqa: F401
    answered,
    demo_db,
    demo_file,
    demo_ws,
    workspace_as,
)

from crmdesk.models.analytics_types import DrillCustomerRow, DrillDealRow
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.periods import Period
from crmdesk.models.schema import User
from crmdesk.tasks import TaskRunner
from crmdesk.views.context import PageContext
from crmdesk.views.deal_dialog import DealDialog
from crmdesk.views.drill_dialog import DrillDialog
from crmdesk.views.table_model import PAGE_SIZE

YEAR = (Period(2026, 0, 1), 11)


def customers_fetch(ws):
    return lambda offset, limit: ws.drill_breakdown("follow_ups", "none", *YEAR,
                                                    offset=offset, limit=limit)  # fmt: skip


def open_dialog(qtbot, ctx, fetch, **kw) -> DrillDialog:
    dialog = DrillDialog(ctx, "Follow-ups", fetch, None, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def double_click(qtbot, table, index) -> None:
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def shown_rows(dialog) -> list:
    """Every row as the table reads them (scrolling through: pages are read as needed)."""
    model = dialog.model
    rows = []
    for r in range(model.rowCount()):
        dialog.table.scrollTo(model.index(r, 0))
        model.data(model.index(r, 0))
        rows.append(model.loaded_row(r))
    return rows


def test_every_row_behind_the_figure_is_listed_a_page_at_a_time(qtbot, demo_ws):  # noqa: F811
    expected = demo_ws.drill_breakdown("follow_ups", "none", *YEAR, limit=10_000)
    assert expected.count > 2 * PAGE_SIZE  # more than a page: the table reads several
    guard = GuiThreadGuard(demo_ws)
    dialog = open_dialog(qtbot, PageContext(guard), customers_fetch(guard))
    assert dialog.count == expected.count
    assert dialog.count_label.text().startswith(f"{expected.count} row")
    assert dialog.model.rowCount() == expected.count
    rows = shown_rows(dialog)
    assert [r.id for r in rows] == [r.id for r in expected.rows]
    assert all(isinstance(r, DrillCustomerRow) for r in rows)
    headers = [dialog.model.headerData(i, Qt.Orientation.Horizontal)
               for i in range(dialog.model.columnCount())]  # fmt: skip
    assert headers[:2] == ["Customer", "Owner"]


def test_deals_are_listed_and_a_double_click_opens_one(qtbot, demo_ws):  # noqa: F811
    pipeline = demo_ws.pipelines()[0]
    first, end = date(2026, 1, 1), date(2026, 12, 1)
    expected = demo_ws.drill_funnel(pipeline.id, first, end, "won", limit=10_000)
    assert expected.count > 0
    ctx = PageContext(demo_ws)
    fetch = lambda offset, limit: demo_ws.drill_funnel(  # noqa: E731
        pipeline.id, first, end, "won", offset=offset, limit=limit
    )
    dialog = open_dialog(qtbot, ctx, fetch)
    assert dialog.count == expected.count
    assert dialog.kind == "deals"
    first_row = dialog.model.loaded_row(0)
    assert isinstance(first_row, DrillDealRow) and first_row.id == expected.rows[0].id
    assert dialog.model.data(dialog.model.index(0, 4)) == "Won"
    assert dialog.model.data(dialog.model.index(0, 5)).startswith("¥")
    with qtbot.waitSignal(dialog.deal_opened) as opened:
        double_click(qtbot, dialog.table, dialog.model.index(0, 0))
    assert opened.args == [first_row.id]
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, DealDialog)]
    assert shown and any(w.isVisible() for w in shown)
    for w in shown:
        w.close()


def test_a_double_click_on_a_customer_asks_for_it(qtbot, demo_ws):  # noqa: F811
    dialog = open_dialog(qtbot, PageContext(demo_ws), customers_fetch(demo_ws))
    first = dialog.model.loaded_row(0)
    with qtbot.waitSignal(dialog.customer_requested) as asked:
        double_click(qtbot, dialog.table, dialog.model.index(0, 1))
    assert asked.args == [first.id]


def test_export_writes_every_row(qtbot, demo_ws, answered):  # noqa: F811
    expected = demo_ws.drill_breakdown("follow_ups", "none", *YEAR, limit=10_000)
    dialog = open_dialog(qtbot, PageContext(demo_ws), customers_fetch(demo_ws))
    qtbot.mouseClick(dialog.exporter.button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(answered["path"]).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Customer"
    assert [r[0] for r in rows[1:]] == [r.name for r in expected.rows]
    assert answered["info"] and str(expected.count) in answered["info"][0]


def test_a_failed_read_is_said_with_retry(qtbot, demo_ws):  # noqa: F811
    calls = {"n": 0}

    def fetch(offset, limit):
        calls["n"] += 1
        if calls["n"] == 1:
            raise ValidationFailed(errors=[("month", "out_of_range")], limits={})
        return demo_ws.drill_breakdown("follow_ups", "none", *YEAR, offset=offset,
                                       limit=limit)  # fmt: skip

    dialog = open_dialog(qtbot, PageContext(demo_ws), fetch)
    assert dialog.banner.isVisible() and dialog.banner.text.text()
    assert dialog.count is None
    qtbot.mouseClick(dialog.banner.retry, Qt.MouseButton.LeftButton)
    assert not dialog.banner.isVisible()
    assert dialog.count == demo_ws.drill_breakdown("follow_ups", "none", *YEAR).count


def test_the_real_runner_reads_off_the_gui_thread(qtbot, demo_ws):  # noqa: F811
    guard = GuiThreadGuard(demo_ws)
    runner = TaskRunner()
    dialog = open_dialog(qtbot, PageContext(guard, runner), customers_fetch(guard))
    qtbot.waitUntil(lambda: dialog.count is not None, timeout=10_000)
    assert dialog.count == demo_ws.drill_breakdown("follow_ups", "none", *YEAR).count
    assert guard.calls_on_gui_thread == []
    runner.wait()


def test_a_row_the_reader_may_not_open_is_greyed_and_blank(qtbot, demo_db, answered):  # noqa: F811
    users = demo_db.read(lambda s: s.execute(select(User.id, User.role, User.team_id)).all())
    manager_id, team = next((u, t) for u, role, t in users if role == "manager" and t)
    stranger = next(u for u, role, t in users if role == "rep" and t not in (None, team))
    manager = workspace_as(demo_db, manager_id)

    def fetch(offset, limit):
        return manager.drill_breakdown("new_customers", "none", *YEAR, offset=offset,
                                       limit=limit)  # fmt: skip

    first = fetch(0, 1).rows[0]
    assert not first.hidden and first.name
    # an admin hands the customer (created by the manager's rep) to another team's rep
    workspace_as(demo_db, 1).assign_customers([first.id], stranger, "other", "换人")
    dialog = open_dialog(qtbot, PageContext(manager), fetch, kind="customers")
    row = dialog.model.loaded_row(0)
    assert row.id == first.id and row.hidden and row.name == ""
    assert dialog.count == fetch(0, 1).count  # still counted
    model = dialog.model
    assert model.data(model.index(0, 0)) == "(not visible to you)"
    grey = model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert grey is not None and grey.color().name() == "#8c8f94"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    with qtbot.assertNotEmitted(dialog.customer_requested):
        double_click(qtbot, dialog.table, model.index(0, 0))
    with qtbot.waitSignal(dialog.customer_requested):  # a visible row still opens
        double_click(qtbot, dialog.table, model.index(1, 0))
    qtbot.mouseClick(dialog.exporter.button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(answered["path"]).active
    exported = list(sheet.iter_rows(values_only=True))[1]
    assert exported[0] in (None, "") and exported[1] in (None, "")
