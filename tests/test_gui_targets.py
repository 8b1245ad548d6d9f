"""The Targets page's dashboard as its users see it, on a real SQLite database: the cards show
the rules' figures (workspace.target_progress) for the metric, period and scope chosen in the
selectors, the bars show the months and the target line, the ranking follows the rules' order
and sorts by a click; a colleague's change reloads it; the real task runner delivers it; the
page module does not import pyqtgraph."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

from gui_helpers import GuiThreadGuard
from helpers import NOW
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select
from test_gui_targets_helpers import YEAR, Y, as_user, make_page, sales, won

from crmdesk.models.changes import Change
from crmdesk.models.periods import Period
from crmdesk.models.schema_deals import Deal, Stage
from crmdesk.models.targets import TargetInput
from crmdesk.tasks import TaskRunner
from crmdesk.views import target_words as words
from crmdesk.views.context import ChangeBus
from crmdesk.views.report_words import compact


def cards(page) -> dict[str, str]:
    return {k: c.value.text() for k, c in page.dashboard.cards.items() if c.isVisibleTo(page)}


def expected_cards(progress) -> dict[str, str]:
    m = progress.metric
    out = {
        "target": words.value_text(m, progress.target) or "—",
        "achieved": words.value_text(m, progress.achieved),
        "completion": words.percent_text(progress.completion) or "—",
        "gap": words.value_text(m, progress.gap) or "—",
        "elapsed": words.percent_text(progress.elapsed),
    }
    if progress.forecast is not None:  # money won only, whole yuan; else the card is hidden
        out["forecast"] = words.value_text(m, progress.forecast.quantize(D(1), ROUND_HALF_UP))
    return out


def ranking_names(page) -> list[str]:
    table = page.dashboard.rank_table
    model = table.model()
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_cards_show_the_rules_figures(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, ws)
    progress = ws.target_progress("won_amount", YEAR, "company", 0)
    assert progress.target == D("1000000") and progress.achieved == D("285000.50")
    assert cards(page) == expected_cards(progress)
    completion = page.dashboard.cards["completion"]
    assert completion.detail.text() == words.status_text(progress.status)
    assert progress.status == "behind"  # 28.5% done, 89% of the year gone
    # the bars: a month each, achieved and the target line
    data = page.dashboard.chart.data
    assert len(data.categories) == 12
    assert data.series[0].values[1] == 210000.0 and data.series[0].values[4] == 30000.5
    # the company's February rolls up from the one rep's month; other months have no target
    assert data.target.values == tuple(
        float(m.target) if m.target is not None else None for m in progress.months
    )
    assert data.target.values[1] == 10000.0 and data.target.values[0] is None
    assert p is not None


def test_switching_metric_period_and_scope_reads_again(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, ws)
    page.select(scope=("team", p.rep_n1.team_id))
    assert page.scope_box.currentText().strip() == "North"
    north = ws.target_progress("won_amount", YEAR, "team", p.rep_n1.team_id)
    assert cards(page) == expected_cards(north)
    assert north.achieved == D("240000.50")

    february = Period(Y, 0, 2)
    page.select(period=february, scope=("rep", p.rep_s1.id))
    s1 = ws.target_progress("won_amount", february, "rep", p.rep_s1.id)
    assert cards(page) == expected_cards(s1)
    assert s1.target == D("10000") and s1.achieved == 0
    assert page.dashboard.chart.data.target.values == (10000.0,)

    page.select(metric="won_count", period=YEAR, scope=("company", 0))
    counts = ws.target_progress("won_count", YEAR, "company", 0)
    assert cards(page) == expected_cards(counts)
    assert cards(page)["achieved"] == "4"
    assert not page.dashboard.cards["forecast"].isVisibleTo(page)  # money won only


def test_ranking_order_levels_and_sorting(qtbot, ws):
    sales(ws)
    page = make_page(qtbot, ws)
    rules = ws.target_ranking("won_amount", YEAR, "rep")
    assert ranking_names(page) == [r.name for r in rules]
    # 李娜's year is her one month (450%), then Ned's 90% of 100k, then 张伟's 75%
    assert [r.name for r in rules[:3]] == ["李娜", "Ned North", "张伟"]
    qtbot.mouseClick(page.dashboard.team_button, Qt.MouseButton.LeftButton)
    teams = ws.target_ranking("won_amount", YEAR, "team")
    assert ranking_names(page) == [r.name for r in teams] == ["North", "South"]
    assert page.dashboard.rank_table.isColumnHidden(2)
    # a click on the Achieved head sorts by the figure, not by its text
    qtbot.mouseClick(page.dashboard.rep_button, Qt.MouseButton.LeftButton)
    header = page.dashboard.rank_table.horizontalHeader()
    x = header.sectionViewportPosition(4) + header.sectionSize(4) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    model = page.dashboard.rank_table.model()
    values = [model.index(r, 4).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
    assert values == sorted(values) or values == sorted(values, reverse=True)
    assert len(set(values)) > 2


def test_forecast_in_whole_yuan_and_short_axis_money(qtbot, ws):
    p = sales(ws)
    with ws.db.writing() as s:
        deal = s.get(Deal, s.scalar(select(Deal.id).order_by(Deal.id).limit(1)))
        opens = select(Stage).where(Stage.pipeline_id == deal.pipeline_id, Stage.kind == "open")
        stage = s.scalar(opens.order_by(Stage.position))
        s.add(Deal(customer_id=deal.customer_id, title="open", amount=D("1000.05"),
                   owner_id=p.rep_n1.id, team_id=p.rep_n1.team_id, pipeline_id=deal.pipeline_id,
                   stage_id=stage.id, status="open", created_at=NOW, updated_at=NOW,
                   stage_entered_at=NOW, probability=50,
                   expected_close=NOW.date() + timedelta(days=10)))  # fmt: skip
    page = make_page(qtbot, ws)
    progress = ws.target_progress("won_amount", YEAR, "company", 0)
    assert progress.forecast == D("500.03")
    assert cards(page)["forecast"] == "¥500"
    axis = page.dashboard.chart.data.axis_format
    assert [axis(v) for v in (12_345, 2_500_000, 800)] == ["¥12K", "¥2.5M", "¥800"]
    assert axis(12_345) == compact(12_345, True)  # the reports' short money


def test_ranking_titles_clear_of_the_sort_arrow(qtbot, ws):
    """Fusion draws the sort arrow over a section's right end: the titles are centred and each
    section leaves the arrow's room on both sides of its title ("Rank" was cut)."""
    sales(ws)
    page = make_page(qtbot, ws)
    header = page.dashboard.rank_table.horizontalHeader()
    model = header.model()
    arrow = 2 * 2 + header.height() // 2  # PM_HeaderMargin 2 + half the height (SE_HeaderArrow)
    for i in range(model.columnCount()):
        title = model.headerData(i, Qt.Orientation.Horizontal)
        assert model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole)\
            is None  # fmt: skip
        assert header.sectionSize(i) >= header.fontMetrics().horizontalAdvance(title) + 2 * arrow


def test_a_rep_sees_the_company_their_team_and_themself(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, as_user(ws, p.rep_n2))
    assert page.scope == ("rep", p.rep_n2.id)
    scopes = [page.scope_box.itemData(i) for i in range(page.scope_box.count())]
    assert scopes == [("company", 0), ("team", p.rep_n2.team_id), ("rep", p.rep_n2.id)]
    mine = ws.target_progress("won_amount", YEAR, "rep", p.rep_n2.id)
    assert cards(page) == expected_cards(mine)
    assert ranking_names(page) == ["Ned North"]


def test_a_change_on_the_bus_reloads(qtbot, ws):
    p = sales(ws)
    bus = ChangeBus()
    page = make_page(qtbot, ws, bus=bus)
    version = ws.target_grid("won_amount", Y).row("company", 0).cell(YEAR).version
    result = ws.save_targets([TargetInput("won_amount", "company", 0, YEAR, D("2000000"),
                                          version)])  # fmt: skip
    assert cards(page)["target"] == "¥1,000,000"  # nobody said yet
    bus.changed.emit(result.change)
    assert cards(page)["target"] == "¥2,000,000"
    won(ws, p.rep_s1, "5000", datetime(Y, 3, 1, 3))
    bus.changed.emit(Change(frozenset({"deals"})))
    assert cards(page)["achieved"] == "¥290,000.50"


def test_a_click_on_a_month_lists_the_deals_behind_it(qtbot, ws):
    p = sales(ws)
    page = make_page(qtbot, ws)
    chart = page.dashboard.chart
    qtbot.waitUntil(lambda: chart.hit_at(chart.viewport_pos(1, 1000)) is not None)
    with qtbot.waitSignal(page.month_clicked) as clicked:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                         pos=chart.viewport_pos(1, 1000))  # fmt: skip
    assert clicked.args == [Period(Y, 0, 2), "company", 0]
    qtbot.waitUntil(lambda: page.drill_dialog is not None and page.drill_dialog.count is not None)
    assert page.drill_dialog.count == 2  # 张伟's and Ned's February deals
    page.drill_dialog.close()
    page.select(scope=("rep", p.rep_n1.id))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.viewport_pos(1, 1000))
    qtbot.waitUntil(lambda: page.drill_dialog.count is not None)
    assert page.drill_dialog.count == 1


def test_a_manager_drills_the_company_bar_as_counted(qtbot, ws):
    """The company's February bar counts North's two deals; South's manager may open neither:
    the list still has both (the bar's count), blanked and hidden."""
    p = sales(ws)
    south = as_user(ws, p.manager_s)
    page = make_page(qtbot, south)
    page.select(metric="won_count", scope=("company", 0))
    qtbot.waitUntil(lambda: page.dashboard.progress.metric == "won_count")
    assert page.dashboard.progress.months[1].achieved == 2
    chart = page.dashboard.chart
    qtbot.waitUntil(lambda: chart.hit_at(chart.viewport_pos(1, 1)) is not None)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.viewport_pos(1, 1))
    qtbot.waitUntil(lambda: page.drill_dialog is not None and page.drill_dialog.count is not None)
    assert page.drill_dialog.count == 2
    rows = [page.drill_dialog.model.loaded_row(i) for i in range(2)]
    assert [(r.title, r.customer_name, r.hidden) for r in rows] == [("", "", True)] * 2
    assert {r.owner_name for r in rows} == {p.rep_n1.name, p.rep_n2.name}


def test_the_real_runner_fills_the_dashboard_off_the_gui_thread(qtbot, ws):
    sales(ws)
    guard = GuiThreadGuard(ws)
    runner = TaskRunner()
    page = make_page(qtbot, guard, runner=runner)
    qtbot.waitUntil(lambda: page.dashboard.has_data and page.scope_box.count() > 1, timeout=10000)
    runner.wait()
    assert "target_dashboard" not in guard.calls_on_gui_thread
    assert "target_grid" not in guard.calls_on_gui_thread
    progress = ws.target_progress("won_amount", YEAR, "company", 0)
    assert cards(page) == expected_cards(progress)


def test_importing_the_page_does_not_import_pyqtgraph():
    code = (
        "import sys; import crmdesk.views.targets_page; "
        "print('pyqtgraph' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
