"""How the charts look: colours follow the application palette (dark gives a dark chart, and
back), Chinese category names are all drawn (pyqtgraph drops a tick text wider than its axis:
ARCHITECTURE §8), month labels thin out rather than overlap, PNG export, and importing
crmdesk.charts alone does not pay for pyqtgraph and numpy."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QFontMetrics, QPainter, QPicture
from PySide6.QtWidgets import QApplication

from crmdesk.app import apply_palette
from crmdesk.charts.series import (
    BarSeries,
    FunnelData,
    FunnelStage,
    HBarData,
    StackedBarData,
    TargetLine,
)

REASONS = ("价格太高", "竞争对手低价抢单", "客户预算不足，项目延期到明年", "需求不匹配", "其他")
MONTHS = tuple(f"2025年{m}月" for m in range(1, 13))


def drawn_texts(axis) -> list[str]:
    """The tick texts the axis really paints (the ones it does not drop)."""
    picture = QPicture()
    painter = QPainter(picture)
    painter.setFont(axis.style["tickFont"])
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in specs[2]]


def make(qtbot, kind: str, width: int = 640, height: int = 360):
    from crmdesk.charts.funnel import FunnelChart
    from crmdesk.charts.hbar import HBarChart
    from crmdesk.charts.stacked import StackedBarChart

    if kind == "funnel":
        chart = FunnelChart()
        chart.set_data(
            FunnelData(
                (
                    FunnelStage("初步接洽", 120, "¥356.0万"),
                    FunnelStage("需求确认", 84, "¥250.2万", "转化 70.0%"),
                    FunnelStage("方案报价", 40, "¥120.5万", "转化 47.6%"),
                    FunnelStage("商务谈判", 18, "¥66.0万", "转化 45.0%"),
                )
            )
        )
    elif kind == "stacked":
        chart = StackedBarChart()
        values = tuple(float(10000 * (m % 5 + 1)) for m in range(12))
        chart.set_data(
            StackedBarData(
                MONTHS,
                (BarSeries("王小明", values, 0), BarSeries("李雷", values[::-1], 1)),
                TargetLine("目标", (70000.0,) * 12),
                axis_format=lambda v: f"{v / 10000:.1f}万",
            )
        )
    else:
        chart = HBarChart()
        chart.set_data(HBarData(REASONS, (12.0, 9.0, 7.0, 3.0, 1.0), color=2))
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()  # the layout applies the widths the chart set on resize
    return chart


@pytest.fixture
def dark():
    app = QApplication.instance()
    apply_palette(app, dark=True)
    yield
    apply_palette(app, dark=False)


@pytest.mark.parametrize("kind", ["funnel", "stacked", "hbar"])
def test_charts_follow_the_palette_to_dark_and_back(qtbot, kind):
    chart = make(qtbot, kind)
    assert chart.backgroundBrush().color().lightness() > 200
    apply_palette(QApplication.instance(), dark=True)
    try:
        qtbot.waitUntil(lambda: chart.backgroundBrush().color().lightness() < 60)
        assert chart.colors.dark
        assert chart.getPlotItem().getAxis("left").textPen().color().lightness() > 180
    finally:
        apply_palette(QApplication.instance(), dark=False)
    qtbot.waitUntil(lambda: chart.backgroundBrush().color().lightness() > 200)


def test_a_chart_made_in_the_dark_is_dark(qtbot, dark):
    chart = make(qtbot, "hbar")
    assert chart.backgroundBrush().color().lightness() < 60
    assert chart.labels[0].color.lightness() > 180  # value texts readable on it


def test_chinese_categories_are_all_drawn_and_fit_the_axis(qtbot):
    chart = make(qtbot, "hbar")
    axis = chart.getPlotItem().getAxis("left")
    metrics = QFontMetrics(axis.style["tickFont"])
    assert axis.width() >= max(metrics.horizontalAdvance(r) for r in REASONS)
    assert sorted(drawn_texts(axis)) == sorted(REASONS)


def test_a_long_category_is_elided_on_a_narrow_chart_but_drawn(qtbot):
    chart = make(qtbot, "hbar", width=340)
    axis = chart.getPlotItem().getAxis("left")
    texts = drawn_texts(axis)
    assert len(texts) == len(REASONS)
    assert "客户预算不足，项目延期到明年" not in texts and any(t.endswith("…") for t in texts)
    assert axis.width() < 340 * 0.5  # the bars keep most of the width


def test_month_labels_thin_out_instead_of_overlapping(qtbot):
    wide = make(qtbot, "stacked", width=1400)
    assert drawn_texts(wide.getPlotItem().getAxis("bottom")) == list(MONTHS)
    narrow = make(qtbot, "stacked", width=420)
    texts = drawn_texts(narrow.getPlotItem().getAxis("bottom"))
    assert texts[0] == MONTHS[0] and 2 <= len(texts) < 12
    assert texts == [m for m in MONTHS if m in texts]  # in order, evenly skipped
    left = narrow.getPlotItem().getAxis("left")
    assert "8.0万" in drawn_texts(left)


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("kind", ["funnel", "stacked", "hbar"])
def test_export_png_in_light_and_dark(qtbot, tmp_path, kind, mode):
    from crmdesk.charts.base import export_png

    app = QApplication.instance()
    apply_palette(app, dark=mode == "dark")
    try:
        chart = make(qtbot, kind)
        # CRMDESK_CHART_PNGS=folder keeps the pictures, to look at them.
        folder = os.environ.get("CRMDESK_CHART_PNGS") or tmp_path
        path = os.path.join(folder, f"{kind}_{mode}.png")
        assert export_png(chart, path)
        image = chart.grab().toImage()
        assert image.width() == 640
        corner = image.pixelColor(3, 3).lightness()
        assert (corner < 60) if mode == "dark" else (corner > 200)
    finally:
        apply_palette(app, dark=False)
    assert not export_png(chart, tmp_path / "no such folder" / "x.png")


def test_importing_the_package_does_not_import_pyqtgraph():
    code = (
        "import sys, crmdesk.charts, crmdesk.charts.series;"
        "print(sorted(m for m in ('pyqtgraph', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    code = "import sys, crmdesk.charts.funnel; print('pyqtgraph' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"  # the check can tell
