"""The chart widgets driven as a user would, offscreen: set_data puts the numbers in the plot
items and a second set_data updates the same items (no rebuilt scene, no flicker); real mouse
clicks emit the chart's signal with the right indices; a tooltip event shows the values; empty
data shows the page's text; the view cannot be zoomed away. Palette, CJK labels and the import
cost are in test_charts_look.py."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from crmdesk.charts.series import (
    BarSeries,
    FunnelData,
    FunnelStage,
    HBarData,
    StackedBarData,
    TargetLine,
)

STAGES = (
    FunnelStage("初步接洽", 120, "¥356.0万"),
    FunnelStage("需求确认", 84, "¥250.2万", "转化 70.0%"),
    FunnelStage("方案报价", 42, "¥120.5万", "转化 50.0%"),
    FunnelStage("赢单", 6, "¥30.1万", "转化 14.3%", count_text="6 个"),
)
MONTHS = ("1月", "2月", "3月", "4月")


def wan(value: float) -> str:
    return f"{value / 10000:.1f}万"


def stacked_data(**changes) -> StackedBarData:
    fields = dict(
        categories=MONTHS,
        series=(
            BarSeries("王小明", (10000.0, 20000.0, 0.0, 5000.0), 0),
            BarSeries("李雷", (30000.0, 10000.0, 15000.0, 5000.0), 1),
        ),
        target=TargetLine("目标", (50000.0, 50000.0, None, 20000.0)),
        value_format=lambda v: f"¥{v:,.0f}",
        axis_format=wan,
    )
    fields.update(changes)
    return StackedBarData(**fields)


def shown(qtbot, chart):
    qtbot.addWidget(chart)
    chart.resize(640, 360)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def click(qtbot, chart, x: float, y: float) -> None:
    """A real left click at data point (x, y)."""
    pos = chart.viewport_pos(x, y)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def tooltip(qtbot, chart, x: float, y: float) -> str:
    """What the chart shows when Qt asks for a tooltip at data point (x, y) (the event the
    application sends after the mouse rests there)."""
    QToolTip.hideText()  # the last one fades out on a timer: wait until it is gone
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    pos = chart.viewport_pos(x, y)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, chart.viewport().mapToGlobal(pos))
    QApplication.sendEvent(chart.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


# -- funnel -----------------------------------------------------------------------------------


@pytest.fixture
def funnel(qtbot):
    from crmdesk.charts.funnel import FunnelChart

    chart = shown(qtbot, FunnelChart())
    chart.set_data(FunnelData(STAGES, empty_text="没有数据"))
    return chart


def test_funnel_bars_are_centred_and_narrow_by_count(funnel):
    opts = funnel.bars.opts
    assert list(opts["width"]) == pytest.approx([1.0, 0.7, 0.35, 0.05])
    assert list(opts["x"]) == [0, 0, 0, 0]  # centred
    assert list(opts["y"]) == [0, 1, 2, 3]  # top to bottom (the y axis is inverted)
    assert funnel.view_box.yInverted()
    assert [t.toPlainText() for t in funnel.names[:4]] == [s.name for s in STAGES]
    assert funnel.values[1].toPlainText() == "84 · ¥250.2万\n转化 70.0%"
    assert funnel.values[3].toPlainText().startswith("6 个 · ¥30.1万")


def test_funnel_second_set_data_updates_the_same_items(funnel):
    bars, names, values = funnel.bars, list(funnel.names), list(funnel.values)
    items_before = list(funnel.view_box.addedItems)
    funnel.set_data(FunnelData(STAGES[:3]))
    assert funnel.bars is bars
    assert funnel.names[:3] == names[:3] and funnel.values[:3] == values[:3]
    assert list(funnel.view_box.addedItems) == items_before  # nothing added or removed
    assert list(funnel.bars.opts["width"]) == pytest.approx([1.0, 0.7, 0.35])
    assert not funnel.names[3].isVisible()


def test_clicking_a_funnel_stage_emits_its_index(qtbot, funnel):
    with qtbot.waitSignal(funnel.stage_clicked) as signal:
        click(qtbot, funnel, 0.0, 2.0)
    assert signal.args == [2]
    # The stage's name counts as its row: a click on it opens the same stage.
    name_x = funnel.names[1].pos().x() - 0.05
    with qtbot.waitSignal(funnel.stage_clicked) as signal:
        click(qtbot, funnel, name_x, 1.0)
    assert signal.args == [1]


def test_funnel_hover_shows_the_stage_values(qtbot, funnel):
    assert tooltip(qtbot, funnel, 0.0, 1.0) == "需求确认\n84\n¥250.2万\n转化 70.0%"
    assert funnel.tooltip_at(funnel.viewport_pos(0.0, 3.0)) == "赢单\n6 个\n¥30.1万\n转化 14.3%"


def test_empty_funnel_shows_the_pages_text(qtbot, funnel):
    funnel.set_data(FunnelData((FunnelStage("初步接洽", 0),), empty_text="本期没有商机"))
    assert funnel.empty_text == "本期没有商机"
    assert len(funnel.bars.opts["width"]) == 0
    with qtbot.assertNotEmitted(funnel.stage_clicked):
        click(qtbot, funnel, 0.5, 0.5)
    funnel.set_data(FunnelData(STAGES))
    assert funnel.empty_text is None


# -- stacked bars -----------------------------------------------------------------------------


@pytest.fixture
def stacked(qtbot):
    from crmdesk.charts.stacked import StackedBarChart

    chart = shown(qtbot, StackedBarChart())
    chart.set_data(stacked_data())
    return chart


def test_stacked_segments_sit_on_each_other(stacked):
    first, second = stacked.bars[0].opts, stacked.bars[1].opts
    assert list(first["x"]) == [0, 1, 2, 3]
    assert list(first["y0"]) == [0, 0, 0, 0]
    assert list(first["height"]) == [10000, 20000, 0, 5000]
    assert list(second["y0"]) == [10000, 20000, 0, 5000]
    assert list(second["height"]) == [30000, 10000, 15000, 5000]
    x, y = stacked.target.getData()
    assert list(x) == [-0.5, 0.5, 1.5, 2.5, 3.5]  # a step per month
    assert y[0] == 50000 and np.isnan(y[2]) and y[3] == 20000
    assert stacked.legend.plain_text().split() == ["■", "王小明", "■", "李雷", "━", "目标"]
    assert stacked.left_axis.tickStrings([20000.0], 1.0, 10000.0) == ["2.0万"]


def test_stacked_second_set_data_updates_the_same_items(stacked):
    bars, target = list(stacked.bars), stacked.target
    items_before = list(stacked.view_box.addedItems)
    stacked.set_data(stacked_data(series=(BarSeries("王小明", (1.0, 2.0, 3.0, 4.0), 3),)))
    assert stacked.bars[0] is bars[0] and stacked.target is target
    assert list(stacked.view_box.addedItems) == items_before
    assert list(stacked.bars[0].opts["height"]) == [1, 2, 3, 4]
    assert not stacked.bars[1].isVisible()  # kept for later, not drawn


def test_actual_mode_puts_series_side_by_side(stacked):
    stacked.set_data(stacked_data(stacked=False))
    first, second = stacked.bars[0].opts, stacked.bars[1].opts
    assert list(first["y0"]) == [0, 0, 0, 0] and list(second["y0"]) == [0, 0, 0, 0]
    assert list(first["x"]) == pytest.approx([-0.2, 0.8, 1.8, 2.8])
    assert list(second["x"]) == pytest.approx([0.2, 1.2, 2.2, 3.2])


def test_clicking_a_segment_emits_series_and_month(qtbot, stacked):
    with qtbot.waitSignal(stacked.segment_clicked) as signal:
        click(qtbot, stacked, 1.0, 25000.0)  # February, 李雷's segment (20000 … 30000)
    assert signal.args == [1, 1]
    with qtbot.waitSignal(stacked.segment_clicked) as signal:
        click(qtbot, stacked, 3.1, 2000.0)  # April, 王小明
    assert signal.args == [0, 3]
    with qtbot.assertNotEmitted(stacked.segment_clicked):
        click(qtbot, stacked, 1.0, 45000.0)  # above February's bar


def test_stacked_hover_shows_series_month_and_formatted_value(qtbot, stacked):
    assert tooltip(qtbot, stacked, 0.0, 20000.0) == "李雷\n1月\n¥30,000"
    assert tooltip(qtbot, stacked, 2.0, 1.0e3) == "李雷\n3月\n¥15,000"
    assert tooltip(qtbot, stacked, 0.5, 1000.0) == ""  # between two bars


def test_empty_stacked_shows_the_pages_text(stacked):
    stacked.set_data(StackedBarData(categories=MONTHS, empty_text="没有数据"))
    assert stacked.empty_text == "没有数据"
    assert not any(bar.isVisible() for bar in stacked.bars)
    assert not stacked.target.isVisible()
    assert stacked.legend.plain_text() == ""
    assert not stacked.getPlotItem().getAxis("left").isVisible()  # no 0…1 ticks of nothing
    stacked.set_data(stacked_data())
    assert stacked.empty_text is None and stacked.getPlotItem().getAxis("left").isVisible()


def test_series_must_match_the_categories():
    with pytest.raises(ValueError):
        StackedBarData(categories=MONTHS, series=(BarSeries("王小明", (1.0,)),))
    with pytest.raises(ValueError):
        HBarData(categories=("价格",), values=(1.0, 2.0))


# -- horizontal bars --------------------------------------------------------------------------

REASONS = ("价格太高", "竞争对手低价抢单", "客户预算不足，项目延期", "其他")


@pytest.fixture
def hbar(qtbot):
    from crmdesk.charts.hbar import HBarChart

    chart = shown(qtbot, HBarChart())
    chart.set_data(HBarData(REASONS, (12.0, 9.0, 7.0, 1.0), ("12 单", "9 单", "7 单", "1 单")))
    return chart


def test_hbars_and_their_value_texts(hbar):
    opts = hbar.bars.opts
    assert list(opts["width"]) == [12, 9, 7, 1]
    assert list(opts["x0"]) == [0, 0, 0, 0]
    assert list(opts["y"]) == [0, 1, 2, 3]
    assert [t.toPlainText() for t in hbar.labels[:4]] == ["12 单", "9 单", "7 单", "1 单"]
    # each text just past its bar's end, all inside the view
    x_range = hbar.view_box.viewRange()[0]
    for label, value in zip(hbar.labels, (12, 9, 7, 1), strict=False):
        assert value < label.pos().x() < x_range[1]


def test_hbar_second_set_data_updates_the_same_items(hbar):
    bars, labels = hbar.bars, list(hbar.labels)
    hbar.set_data(HBarData(("线上",), (3.0,)))
    assert hbar.bars is bars and hbar.labels[0] is labels[0]
    assert list(hbar.bars.opts["width"]) == [3]
    assert hbar.labels[0].toPlainText() == "3"  # value_format's default
    assert not hbar.labels[1].isVisible()


def test_clicking_a_bar_emits_its_index(qtbot, hbar):
    with qtbot.waitSignal(hbar.bar_clicked) as signal:
        click(qtbot, hbar, 3.0, 2.0)
    assert signal.args == [2]


def test_hbar_hover_shows_category_and_value(qtbot, hbar):
    assert tooltip(qtbot, hbar, 5.0, 1.0) == "竞争对手低价抢单\n9 单"


def test_empty_hbar_shows_the_pages_text(hbar):
    hbar.set_data(HBarData(empty_text="没有输单"))
    assert hbar.empty_text == "没有输单"
    assert not hbar.labels[0].isVisible()


# -- the view stays put -----------------------------------------------------------------------


def test_wheel_and_drag_do_not_move_the_picture_and_there_is_no_menu(qtbot, stacked):
    before = stacked.view_box.viewRange()
    centre = stacked.viewport_pos(1.5, 20000.0)
    wheel = QWheelEvent(
        QPointF(centre),
        QPointF(stacked.viewport().mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 480),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(stacked.viewport(), wheel)
    viewport = stacked.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=centre)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, centre + QPoint(20 * step, 10 * step))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=centre + QPoint(100, 50))
    assert stacked.view_box.viewRange() == before
    assert not stacked.view_box.menuEnabled()
    assert not stacked.getPlotItem().menuEnabled()


def test_the_pointer_is_a_hand_over_what_a_click_opens(qtbot, stacked):
    viewport = stacked.viewport()

    def move_to(pos: QPoint) -> None:
        qtbot.mouseMove(viewport, pos)
        QApplication.processEvents()  # queued moves would be merged into the last one

    move_to(QPoint(1, 1))
    move_to(stacked.viewport_pos(1.0, 25000.0))
    qtbot.waitUntil(lambda: viewport.cursor().shape() == Qt.CursorShape.PointingHandCursor)
    move_to(stacked.viewport_pos(1.0, 45000.0))  # above the bar
    qtbot.waitUntil(lambda: viewport.cursor().shape() == Qt.CursorShape.ArrowCursor)


def test_many_rows_ask_for_the_height_their_names_need(hbar):
    names = tuple(f"销售代表{i}" for i in range(30))
    hbar.set_data(HBarData(names, tuple(float(i) for i in range(30))))
    line = hbar.fontMetrics().height()
    assert hbar.minimumHeight() >= 30 * line * 1.5
    hbar.set_data(HBarData(names[:2], (1.0, 2.0)))
    assert hbar.minimumHeight() == 200
