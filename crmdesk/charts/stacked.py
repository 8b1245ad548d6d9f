"""StackedBarChart: text categories (months) along x, series stacked per category (or side by side
in the plain "actual" mode), an optional target drawn as a step line, a legend under the plot
(legend.py: rows of unbroken names, a long one shortened, its whole name on hover). A series'
colour index may be a neutral grey (base.NEUTRAL: "Others", "none"). Hover over a segment shows
series, category and value; a left click emits segment_clicked(series_index, category_index).
The y axis ticks and the hovered value are written by the page's formatters
(StackedBarData.axis_format / value_format).

One BarGraphItem per series, kept between redraws (a pool that only grows; spare items are
hidden), so new data updates the same items instead of rebuilding the scene. Negative values
stack downwards from zero, positive ones upwards."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, Signal

from crmdesk.charts.base import ChartBase, FormatAxis, series_color, text_width
from crmdesk.charts.legend import ChartLegend
from crmdesk.charts.series import StackedBarData

STACK_WIDTH = 0.62  # of a category's width
GROUP_WIDTH = 0.8


class StackedBarChart(ChartBase):
    segment_clicked = Signal(int, int)  # series index, category index
    data_axes = ("left", "bottom")

    def __init__(self, parent=None) -> None:
        self.left_axis = FormatAxis("left")
        super().__init__(parent, axis_items={"left": self.left_axis})
        self.data = StackedBarData()
        item = self.getPlotItem()
        item.showGrid(y=True, alpha=0.35)
        self.left_axis.setZValue(-1)  # its grid lines go behind the bars, not across them
        self.bars: list[pg.BarGraphItem] = []
        self.target = pg.PlotDataItem(stepMode="center", connect="finite")
        self.target.setZValue(10)
        self.addItem(self.target)
        self.legend = ChartLegend()
        item.layout.addItem(self.legend, 4, 1)
        # Segment geometry per series (x centre, bottom, height) for the hit-test.
        self._geometry: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._bar_width = STACK_WIDTH
        self.set_data(StackedBarData())

    def set_data(self, data: StackedBarData) -> None:
        self.data = data
        self.left_axis.formatter = data.axis_format
        n, k = len(data.categories), len(data.series)
        while len(self.bars) < k:
            bar = pg.BarGraphItem(x=[], height=[], width=STACK_WIDTH, pen=None, brush="w")
            self.addItem(bar)
            self.bars.append(bar)
        for i, bar in enumerate(self.bars):
            bar.setVisible(i < k and not data.is_empty)
        self._geometry = []
        if data.is_empty:
            for bar in self.bars:
                bar.setOpts(x=[], y0=[], height=[])
            self.target.setData(x=[], y=[])
            self.target.setVisible(False)
            self.getPlotItem().getAxis("bottom").setTicks([[]])
            self.show_empty(data.empty_text)
            self._recolor()
            return
        self.show_empty(None)
        positions = np.arange(n, dtype=float)
        up, down = np.zeros(n), np.zeros(n)
        self._bar_width = STACK_WIDTH if data.stacked else GROUP_WIDTH / k
        for s, series in enumerate(data.series):
            values = np.array(series.values, dtype=float)
            if data.stacked:
                x = positions
                bottom = np.where(values >= 0, up, down)
                up += np.where(values >= 0, values, 0.0)
                down += np.where(values < 0, values, 0.0)
            else:
                x = positions - GROUP_WIDTH / 2 + (s + 0.5) * self._bar_width
                bottom = np.zeros(n)
                up, down = np.maximum(up, values), np.minimum(down, values)
            self.bars[s].setOpts(x=x, y0=bottom, height=values, width=self._bar_width)
            self._geometry.append((x, bottom, values))
        top, low = float(up.max(initial=0.0)), float(down.min(initial=0.0))
        if data.target is not None:
            target = np.array([np.nan if v is None else v for v in data.target.values], float)
            self.target.setData(x=np.arange(n + 1, dtype=float) - 0.5, y=target)
            self.target.setVisible(True)
            if np.isfinite(target).any():
                top = max(top, float(np.nanmax(target)))
                low = min(low, float(np.nanmin(target)))
        else:
            self.target.setData(x=[], y=[])
            self.target.setVisible(False)
        if top == low:
            top = low + 1.0
        # The bars stand on the bottom axis (zero); headroom above for the tallest and the target.
        self._y_range = (low * 1.08 if low < 0 else 0.0, top * 1.08 if top > 0 else 0.0)
        self._recolor()
        self._relayout()

    def _recolor(self) -> None:
        if not hasattr(self, "legend"):
            return
        data = self.data
        separator = pg.mkPen(self.colors.background, width=1)
        dark = self.colors.dark
        for s, series in enumerate(data.series):
            self.bars[s].setOpts(brush=series_color(series.color, dark), pen=separator)
        self.target.setPen(pg.mkPen(self.colors.text, width=2, style=Qt.PenStyle.DashLine))
        entries = []
        if not data.is_empty:
            entries = [(s.name, series_color(s.color, dark).name(), False) for s in data.series]
            if data.target is not None:
                entries.append((data.target.name, self.colors.text.name(), True))
        self.legend.set_entries(entries, self.colors.text.name(), self.font())

    def _relayout(self) -> None:
        if not hasattr(self, "legend") or self.data.is_empty:
            return
        font = self.font()
        categories = self.data.categories
        n = len(categories)
        widest = max(text_width(font, c) for c in categories) + 10
        lo, hi = self._y_range
        self.left_axis.fit_width(font, lo, hi, self.view_box.height())
        # Every k-th month labelled when the labels would overlap, and the ends padded so the
        # first and last labels are not dropped for sticking out of the axis.
        column = max(self.view_box.width(), 1.0) / n
        step = max(1, math.ceil(widest / column))
        pad = max(0.0, widest / 2 / column - 0.5)
        bottom = self.getPlotItem().getAxis("bottom")
        bottom.setTicks([[(i, categories[i]) for i in range(0, n, step)]])
        bottom.setHeight(int(text_width(font, "国") * 1.5) + 10)
        self.view_box.setRange(xRange=(-0.5 - pad, n - 0.5 + pad), yRange=self._y_range, padding=0)

    def _hit(self, x: float, y: float) -> tuple[int, int] | None:
        half = self._bar_width / 2
        for s, (centres, bottoms, heights) in enumerate(self._geometry):
            if not self.bars[s].isVisible():
                continue
            for c in np.nonzero(np.abs(centres - x) <= half)[0]:
                a, b = bottoms[c], bottoms[c] + heights[c]
                if heights[c] != 0 and min(a, b) <= y <= max(a, b):
                    return s, int(c)
        return None

    def tooltip_at(self, pos: QPoint | QPointF) -> str:
        """A segment's figures, or over the legend an entry's whole name."""
        scene = self.mapToScene(QPoint(int(pos.x()), int(pos.y())))
        if self.legend.isVisible() and self.legend.sceneBoundingRect().contains(scene):
            return self.legend.tooltip_at(self.legend.mapFromScene(scene))
        return super().tooltip_at(pos)

    def _tooltip(self, hit: tuple[int, int]) -> str:
        s, c = hit
        series = self.data.series[s]
        value = self.data.value_format(series.values[c])
        return f"{series.name}\n{self.data.categories[c]}\n{value}"

    def _clicked(self, hit: tuple[int, int]) -> None:
        self.segment_clicked.emit(*hit)
