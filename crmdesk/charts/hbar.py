"""HBarChart: one horizontal bar per text category (lost reasons, sources, reps), the first at
the top, the category names on the left axis and each value's text at its bar's end. Hover
shows category and value; a left click on a bar's row emits bar_clicked(index).

The left axis gets a fixed width measured with QFontMetrics: pyqtgraph drops a tick text wider
than its axis, which lost Chinese category names (ARCHITECTURE §8). A name wider than about a
third of the chart is elided (the tooltip has it whole). The x range leaves room in pixels for
the value texts beyond the longest bar, recomputed on resize.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics

from crmdesk.charts.base import ChartBase, series_color, text_width
from crmdesk.charts.series import HBarData

BAR_HEIGHT = 0.66
GAP_PX = 6
AXIS_EXTRA_PX = 18  # tick length, pyqtgraph's text offset and a margin


class HBarChart(ChartBase):
    bar_clicked = Signal(int)
    data_axes = ("left",)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.data = HBarData()
        item = self.getPlotItem()
        item.hideAxis("bottom")
        self.view_box.invertY(True)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT, pen=None, brush="w")
        self.addItem(self.bars)
        self.labels: list[pg.TextItem] = []
        self.set_data(HBarData())

    def set_data(self, data: HBarData) -> None:
        self.data = data
        n = len(data.categories)
        while len(self.labels) < n:  # text items only ever grow; spare ones are hidden
            label = pg.TextItem(anchor=(0, 0.5))
            self.view_box.addItem(label, ignoreBounds=True)
            self.labels.append(label)
        for i, label in enumerate(self.labels):
            label.setVisible(i < n)
        axis = self.getPlotItem().getAxis("left")
        if n == 0:
            self.bars.setOpts(x0=[], y=[], width=[])
            axis.setTicks([[]])
            self.show_empty(data.empty_text)
            return
        self.show_empty(None)
        values = np.array(data.values, dtype=float)
        self.bars.setOpts(x0=np.zeros(n), y=np.arange(n, dtype=float), width=values)
        for i, label in enumerate(self.labels[:n]):
            label.setText(data.text(i))
            # A negative value's text goes to the left of its bar's end.
            label.setAnchor((1, 0.5) if values[i] < 0 else (0, 0.5))
        self.fit_rows(n, 1.5)  # names a line and a half apart at least
        self._recolor()
        self._relayout()

    def _recolor(self) -> None:
        if not hasattr(self, "labels"):
            return
        self.bars.setOpts(brush=series_color(self.data.color, self.colors.dark))
        for label in self.labels:
            label.setColor(self.colors.text)
            label.setFont(self.font())

    def _relayout(self) -> None:
        if not hasattr(self, "labels") or not self.data.categories:
            return
        data = self.data
        font = self.font()
        metrics = QFontMetrics(font)
        n = len(data.categories)
        cap = max(120, int(self.width() * 0.35))
        names = [metrics.elidedText(c, Qt.TextElideMode.ElideRight, cap) for c in data.categories]
        axis = self.getPlotItem().getAxis("left")
        axis.setTicks([list(enumerate(names))])
        axis.setWidth(max(text_width(font, t) for t in names) + AXIS_EXTRA_PX)
        texts = max(text_width(font, data.text(i)) for i in range(n)) + GAP_PX + 8
        values = np.array(data.values, dtype=float)
        hi, lo = max(float(values.max()), 0.0), min(float(values.min()), 0.0)
        if hi == lo:
            hi = lo + 1.0
        width = max(self.view_box.width(), 1.0)
        bars_px = max(width - texts * (2 if lo < 0 else 1), width * 0.3, 40.0)
        per_px = (hi - lo) / bars_px
        for i, label in enumerate(self.labels[:n]):
            offset = GAP_PX * per_px
            label.setPos(values[i] + (offset if values[i] >= 0 else -offset), i)
        left = lo - texts * per_px if lo < 0 else lo
        self.view_box.setRange(
            xRange=(left, hi + texts * per_px), yRange=(-0.6, n - 0.4), padding=0
        )

    def _hit(self, x: float, y: float) -> int | None:
        """A bar's whole row answers, so a short bar is as easy to hit as a long one."""
        if self._empty.isVisible():
            return None
        index = int(np.floor(y + 0.5))
        return index if 0 <= index < len(self.data.categories) else None

    def _tooltip(self, hit: int) -> str:
        return f"{self.data.categories[hit]}\n{self.data.text(hit)}"

    def _clicked(self, hit: int) -> None:
        self.bar_clicked.emit(hit)
