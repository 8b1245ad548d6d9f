"""The Reports page driven as a user would, on a demo database: every report shows the rules'
own figures (the workspace's funnel, breakdown, activity), choosing a period, a scope, a measure
or a grouping reads again, a click on a funnel stage, a bar segment or a bar opens the rows
behind exactly that figure, Export PNG and Export workbook write their files (the workbook a
sheet per report with its chart), the bus reloads a visible page, and the page module does not
import pyqtgraph."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date

from gui_helpers import GuiThreadGuard
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from test_gui_reports_data import answered, demo_db, demo_file, demo_ws, workspace_as  # noqa: F401

from crmdesk.models.changes import Change
from crmdesk.models.periods import Period
from crmdesk.tasks import TaskRunner
from crmdesk.views.context import PageContext
from crmdesk.views.reports_page import TABS, ReportsPage

YEAR = (Period(2026, 0, 1), 12)  # "This year" at the tests' clock (2026-11-20)


def make_page(qtbot, ws, runner=None) -> ReportsPage:
    page = ReportsPage(PageContext(ws, runner))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def show_tab(qtbot, page, key: str) -> None:
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TABS.index(key)).center())
    assert page.current_tab() == key


def choose(qtbot, combo, data) -> None:
    """Pick an item by keyboard, as a user may (Up/Down on a closed combo emit activated)."""
    target = combo.findData(data)
    assert target >= 0, data
    combo.setFocus()
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def click(qtbot, chart, x: float, y: float) -> None:
    pos = chart.viewport_pos(x, y)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_the_funnel_shows_the_rules_figures(qtbot, demo_ws):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    pipeline = demo_ws.pipelines()[0]
    f = demo_ws.funnel(pipeline.id, date(2026, 1, 1), date(2027, 1, 1))
    assert page.funnel.result == f
    assert f.created > 0 and f.won > 0
    chart = page.funnel.chart.data
    assert [s.count for s in chart.stages] == [s.deals for s in f.stages] + [f.won]
    table = page.funnel.table
    assert table.rowCount() == len(f.stages) + 2
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [
        f"{n:,}" for n in [s.deals for s in f.stages] + [f.won, f.lost]
    ]
    assert table.item(0, 0).text() == "Initial contact"
    assert f"{f.win_rate:.1f}%" in page.funnel.summary.text()
    assert_fits(table)


def assert_fits(table) -> None:
    """As tall as its rows (nothing to scroll, no empty space below); no column clipped."""
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.viewport().height() == rows
    assert table.verticalScrollBar().maximum() == table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    for c in range(table.columnCount()):
        assert table.columnWidth(c) >= max(header.sectionSizeHint(c), table.sizeHintForColumn(c))


def test_the_funnel_table_still_fits_in_a_larger_font(qtbot, demo_ws):  # noqa: F811
    """A font (or style: dark, Chinese) that changes after the figures arrived: the table is
    sized again to its rows and columns ("Avg. days in stage" was clipped, a row hidden)."""
    page = make_page(qtbot, demo_ws)
    table = page.funnel.table
    assert table.rowCount() == 7
    font = QFont(page.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    page.setFont(font)
    qtbot.waitUntil(lambda: table.horizontalHeader().height()
                    == table.horizontalHeader().sizeHint().height())  # fmt: skip
    assert_fits(table)


def test_the_other_reports_show_the_rules_figures(qtbot, demo_ws):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    show_tab(qtbot, page, "monthly")
    b = demo_ws.breakdown("won_amount", "rep", *YEAR)
    assert page.monthly.result == b
    data = page.monthly.chart.data
    assert len(data.categories) == 12 and data.categories[0] == "Jan"
    assert [s.values for s in data.series] == [tuple(float(v) for v in s.values) for s in b.series]
    assert data.target is not None  # the demo sets the company's won amount targets
    progress = demo_ws.target_progress("won_amount", Period(2026), "company", 0)
    assert data.target.values == tuple(None if m.target is None else float(m.target)
                                       for m in progress.months)  # fmt: skip
    assert data.axis_format(1_234_000.0) == "¥1.2M"
    show_tab(qtbot, page, "totals")
    lost = demo_ws.breakdown("lost_count", "lost_reason", *YEAR)
    assert page.totals.lost_chart.data.values == tuple(float(s.total) for s in lost.series)
    sources = demo_ws.breakdown("won_amount", "source", *YEAR)
    assert page.totals.sources_chart.data.values == tuple(float(s.total) for s in sources.series)
    show_tab(qtbot, page, "activity")
    a = demo_ws.activity(date(2026, 1, 1), date(2027, 1, 1), "month")
    assert page.activity.result == a
    assert page.activity.table.rowCount() == len(a.rows)
    assert page.activity.table.item(0, 0).text() == a.rows[0].name


def test_choosing_period_scope_measure_and_grouping_reads_again(qtbot, demo_db):  # noqa: F811
    ws = workspace_as(demo_db, 2)  # a manager: their team, or themself, or one of the team
    page = make_page(qtbot, ws)
    show_tab(qtbot, page, "monthly")
    assert page.monthly.result == ws.breakdown("won_amount", "rep", *YEAR, "team")
    choose(qtbot, page.filters.period_combo, "this_quarter")
    assert page.monthly.result == ws.breakdown("won_amount", "rep", Period(2026, 0, 10), 3,
                                               "team")  # fmt: skip
    choose(qtbot, page.monthly.measure_combo, "new_customers")
    assert page.monthly.result.measure == "new_customers"
    choose(qtbot, page.monthly.by_combo, "source")
    assert page.monthly.result == ws.breakdown("new_customers", "source", Period(2026, 0, 10),
                                               3, "team")  # fmt: skip
    choose(qtbot, page.filters.scope_combo, "rep:3")  # one rep of the team
    assert page.monthly.result == ws.breakdown("new_customers", "source", Period(2026, 0, 10),
                                               3, "team", 3)  # fmt: skip
    choose(qtbot, page.filters.scope_combo, "mine")
    show_tab(qtbot, page, "funnel")  # read when shown, with the choices of now
    pipeline = ws.pipelines()[0]
    assert page.funnel.result == ws.funnel(pipeline.id, date(2026, 10, 1), date(2027, 1, 1),
                                           "mine")  # fmt: skip


def test_a_custom_range_of_months(qtbot, demo_ws):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    show_tab(qtbot, page, "monthly")
    choose(qtbot, page.filters.period_combo, "custom")
    assert page.filters.from_edit.isVisible()
    page.filters.from_edit.setDate(page.filters.from_edit.date().addMonths(-3))  # Oct 2025
    assert page.monthly.result.months[0] == Period(2025, 0, 10)
    assert len(page.monthly.result.months) == 15
    assert page.monthly.chart.data.categories[0] == "Oct 2025"


def test_a_funnel_stage_opens_its_deals(qtbot, demo_ws):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    rows = page.funnel.rows
    for index in (1, len(rows) - 2):  # a stage, and won
        click(qtbot, page.funnel.chart, 0.0, float(index))
        dialog = page.last_drill
        assert dialog is not None and dialog.isVisible()
        assert dialog.count == rows[index].deals > 0
        assert dialog.model.rowCount() == rows[index].deals
        assert rows[index].name in dialog.windowTitle()
        dialog.close()


def test_a_stacked_segment_opens_the_rows_behind_it(qtbot, demo_ws):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    show_tab(qtbot, page, "monthly")
    choose(qtbot, page.monthly.measure_combo, "won_count")
    chart, b = page.monthly.chart, page.monthly.result
    series, month = next((s, m) for s in range(len(b.series)) for m in range(12)
                         if b.series[s].values[m] > 0)  # fmt: skip
    x, bottom, height = chart._geometry[series]
    click(qtbot, chart, float(x[month]), float(bottom[month] + height[month] / 2))
    dialog = page.last_drill
    assert dialog.count == int(b.series[series].values[month])
    assert dialog.kind == "deals"
    # a customer measure lists customers, one row per follow-up
    choose(qtbot, page.monthly.measure_combo, "follow_ups")
    b = page.monthly.result
    x, bottom, height = chart._geometry[0]
    click(qtbot, chart, float(x[0]), float(bottom[0] + height[0] / 2))
    assert page.last_drill.count == int(b.series[0].values[0])
    assert page.last_drill.kind == "customers"
    with qtbot.waitSignal(page.open_requested) as asked:
        page.last_drill.customer_requested.emit(page.last_drill.model.loaded_row(0).id)
    assert asked.args == [page.last_drill.model.loaded_row(0).id]


def test_a_lost_reason_bar_opens_its_deals(qtbot, demo_ws):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    show_tab(qtbot, page, "totals")
    lost = page.totals.lost
    click(qtbot, page.totals.lost_chart, float(lost.series[0].total) / 2, 0.0)
    assert page.last_drill.count == int(lost.series[0].total)


def test_export_workbook_writes_a_sheet_per_report_with_charts(qtbot, demo_ws, answered):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    qtbot.mouseClick(page.workbook_button, Qt.MouseButton.LeftButton)
    path = answered["path"]
    assert path.exists(), answered
    wb = load_workbook(path)
    assert wb.sheetnames == ["Funnel", "Won amount (By rep)", "Lost reasons", "Sources",
                             "Activity"]  # fmt: skip
    funnel = wb["Funnel"]
    f = page.funnel.result
    assert [c.value for c in funnel["B"]][1 : len(f.stages) + 1] == [s.deals for s in f.stages]
    monthly = wb["Won amount (By rep)"]
    assert monthly.cell(1, monthly.max_column).value == "Target"
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 5
    assert answered["information"] and "Saved every report" in answered["information"][0]


def test_export_png_writes_the_chart_shown(qtbot, demo_ws, answered):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    answered["path"] = answered["path"].with_suffix(".png")
    qtbot.mouseClick(page.png_button, Qt.MouseButton.LeftButton)
    data = answered["path"].read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.last_png == str(answered["path"])


def test_a_change_reloads_a_visible_page_and_a_hidden_one_when_shown(qtbot, demo_ws):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    seen = []
    page.loaded.connect(seen.append)
    page.ctx.broadcast(Change(frozenset({"tags"})))
    assert seen == []
    page.ctx.broadcast(Change(frozenset({"deals"})))
    assert seen == ["funnel"]
    page.hide()
    page.ctx.broadcast(Change(frozenset({"follow_up"})))
    assert seen == ["funnel"]
    page.show()
    assert seen == ["funnel", "funnel"]


def test_the_real_runner_reads_off_the_gui_thread(qtbot, demo_ws):  # noqa: F811
    guard = GuiThreadGuard(demo_ws)
    runner = TaskRunner()
    page = make_page(qtbot, guard, runner)
    qtbot.waitUntil(lambda: page.funnel.result is not None, timeout=10_000)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        show_tab(qtbot, page, "monthly")
    assert page.monthly.result is not None and not page.loading.isVisible()
    runner.wait()
    assert guard.calls_on_gui_thread == []


def test_importing_the_page_does_not_import_pyqtgraph():
    code = ("import sys, crmdesk.views.reports_page, crmdesk.views.drill_dialog; "
            "print('pyqtgraph' in sys.modules, 'numpy' in sys.modules)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()  # fmt: skip
    assert out == ["False", "False"]
