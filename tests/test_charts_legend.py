"""The stacked chart's legend and colours, and the titled export picture: a legend entry is
never broken across lines (a long name is shortened with "…", hovering it shows it whole) and
the entries take as many rows as they need; "Others" and "none" series are drawn in the
palette's neutral greys (light and dark), which no named series uses; an exported picture gets
a title line above the chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from test_charts import shown, stacked_data

from crmdesk.charts.series import NEUTRAL, NEUTRAL_ALT, BarSeries

LONG = "CRM 标准版（年费/用户）含三年技术支持与上门培训服务"
NAMES = ("CRM 企业版授权", "数据分析模块", "呼叫中心集成", "数据迁移服务", "技术支持（年）",
         "移动办公模块", "云服务器托管（年）", "培训服务（场）", "定制开发（人天）",
         "实施服务（人天）", "CRM 专业版（年费/用户）", "CRM 标准版（年费/用户）")  # fmt: skip


def many_series(names=NAMES) -> tuple[BarSeries, ...]:
    return tuple(BarSeries(n, (1.0, 2.0, 3.0, 4.0), i) for i, n in enumerate(names))


@pytest.fixture
def stacked(qtbot):
    from crmdesk.charts.stacked import StackedBarChart

    chart = shown(qtbot, StackedBarChart())
    chart.set_data(stacked_data(series=many_series()))
    return chart


def settle(qtbot, legend) -> None:
    """Wait for the plot's layout to give the legend the height of its rows (it lays out on
    an event after set_data or a resize)."""
    qtbot.waitUntil(lambda: abs(legend.size().height() - legend.maximumHeight()) < 0.5)


def legend_tooltip(qtbot, chart, index: int) -> str:
    """The tooltip Qt shows when the mouse rests on legend entry `index`."""
    legend = chart.legend
    settle(qtbot, legend)
    scene = legend.mapToScene(legend.rects[index].center())
    pos = chart.mapFromScene(scene)
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    event = QHelpEvent(QEvent.Type.ToolTip, pos, chart.viewport().mapToGlobal(pos))
    QApplication.sendEvent(chart.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_every_legend_entry_is_one_line_and_rows_are_added_as_needed(qtbot, stacked):
    legend = stacked.legend
    settle(qtbot, legend)
    line = legend.rects[0].height()
    assert all(r.height() == line for r in legend.rects)  # one line each: nothing wrapped
    assert legend.row_count >= 2  # twelve product names do not fit one row at 640 px
    assert legend.size().height() >= legend.row_count * line
    tops = sorted({r.top() for r in legend.rects})
    assert len(tops) == legend.row_count
    for r in legend.rects:  # inside the legend, and no two entries overlap
        assert 0 <= r.left() and r.right() <= legend.size().width() + 0.5
    for i, a in enumerate(legend.rects):
        for b in legend.rects[i + 1 :]:
            assert not a.intersects(b)
    assert "CRM 标准版（年费/用户）" in legend.plain_text()  # short enough: whole
    stacked.resize(1400, 360)
    qtbot.waitUntil(lambda: legend.row_count < len(tops))
    settle(qtbot, legend)
    assert legend.size().height() < len(tops) * line  # wider: fewer rows


def test_a_long_name_is_shortened_and_shown_whole_on_hover(qtbot, stacked):
    stacked.set_data(stacked_data(series=many_series((LONG, "李雷"))))
    legend = stacked.legend
    shown_name = legend.shown[0]
    assert shown_name.endswith("…") and LONG.startswith(shown_name[:-1])
    assert legend.shown[1] == "李雷"
    assert legend_tooltip(qtbot, stacked, 0) == LONG
    assert legend_tooltip(qtbot, stacked, 1) == "李雷"


def test_neutral_greys_are_grey_and_no_named_colour_is(qapp):
    from crmdesk.charts.base import SERIES_COLORS, series_color

    named = {QColor(c).name() for c in SERIES_COLORS}
    assert len(named) == 12
    for c in SERIES_COLORS:  # a named series is never grey: grey means "Others"/"none"
        assert QColor(c).hsvSaturationF() > 0.25, c
    greys = set()
    for dark in (False, True):
        for index in (NEUTRAL, NEUTRAL_ALT):
            color = series_color(index, dark)
            assert color.hsvSaturationF() < 0.05 and color.name() not in named
            greys.add(color.name())
        assert series_color(NEUTRAL, dark) != series_color(NEUTRAL_ALT, dark)
    assert series_color(NEUTRAL, False) != series_color(NEUTRAL, True)  # light and dark differ
    assert series_color(0) == series_color(12) == QColor(SERIES_COLORS[0])  # wraps as before


def test_the_others_series_is_drawn_grey(stacked):
    from crmdesk.charts.base import series_color

    series = (*many_series()[:2], BarSeries("其他", (1.0, 1.0, 1.0, 1.0), NEUTRAL))
    stacked.set_data(stacked_data(series=series))
    brushes = [bar.opts["brush"] for bar in stacked.bars[:3]]
    grey = series_color(NEUTRAL, stacked.colors.dark)
    assert QColor(brushes[2]) == grey
    assert QColor(brushes[0]) != grey and QColor(brushes[0]) != QColor(brushes[1])


def test_titled_image_puts_the_title_above_the_picture(qapp):
    from PySide6.QtGui import QFont

    from crmdesk.charts.base import titled_image

    picture = QImage(300, 120, QImage.Format.Format_ARGB32)
    picture.fill(QColor("#4e79a7"))
    white, black = QColor("white"), QColor("black")
    out = titled_image(picture, "输单原因 · 2026年1月 – 2026年12月 · 华东销售部", QFont(),
                       white, black)  # fmt: skip
    band = out.height() - picture.height()
    assert out.width() == picture.width() and band > 10
    assert out.pixelColor(QPoint(150, band + 60)) == QColor("#4e79a7")  # the picture, below
    title_pixels = {out.pixelColor(QPoint(x, y)).name() for x in range(out.width())
                    for y in range(band)}  # fmt: skip
    assert black.name() in title_pixels or len(title_pixels) > 2  # text drawn in the band
    empty = titled_image(picture, "", QFont(), white, black)
    assert {empty.pixelColor(QPoint(x, y)).name() for x in range(300)
            for y in range(band)} == {white.name()}  # fmt: skip
