"""FunnelChart: one centred horizontal bar per stage, top to bottom, its width in proportion to
the stage's count; the stage names in a column on the left, the count, amount and conversion
from the previous stage in a column on the right. Hover shows the values; a left click on a
stage's row emits stage_clicked(index).

Layout in data units: stage i is centred on y = i (the y axis inverted), the widest bar spans
x = -0.5 … 0.5. The text columns are measured in pixels, and the x range is widened so that
they fit beside the bars at any widget width (recomputed on resize).
"""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal

from crmdesk.charts.base import ChartBase, series_color, text_width
from crmdesk.charts.series import FunnelData

BAR_HEIGHT = 0.72
GAP_PX = 10  # between a text column and the bars


class FunnelChart(ChartBase):
    stage_clicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.data = FunnelData()
        item = self.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        self.view_box.invertY(True)
        self.bars = pg.BarGraphItem(x=[], y=[], width=[], height=BAR_HEIGHT, pen=None, brush="w")
        self.addItem(self.bars)
        self.names: list[pg.TextItem] = []
        self.values: list[pg.TextItem] = []
        self.set_data(FunnelData())

    def set_data(self, data: FunnelData) -> None:
        self.data = data
        stages = data.stages
        n = len(stages)
        while len(self.names) < n:  # text items only ever grow; spare ones are hidden
            name, value = pg.TextItem(anchor=(1, 0.5)), pg.TextItem(anchor=(0, 0.5))
            for text in (name, value):
                self.view_box.addItem(text, ignoreBounds=True)
            self.names.append(name)
            self.values.append(value)
        for i, (name, value) in enumerate(zip(self.names, self.values, strict=True)):
            name.setVisible(i < n)
            value.setVisible(i < n)
        top = max((s.count for s in stages), default=0)
        if top <= 0:
            self.bars.setOpts(x=[], y=[], width=[], brushes=[])
            self.show_empty(data.empty_text)
            return
        self.show_empty(None)
        self.fit_rows(n, 2.6)  # two lines of text beside each bar
        # A stage with deals keeps a sliver of a bar, however small beside the first.
        widths = [0.0 if s.count <= 0 else max(s.count / top, 0.01) for s in stages]
        self.bars.setOpts(
            x=np.zeros(n),
            y=np.arange(n, dtype=float),
            width=np.array(widths),
            height=BAR_HEIGHT,
            brushes=[series_color(i) for i in range(n)],
        )
        self._recolor()
        self._relayout()

    def _value_lines(self, index: int) -> tuple[str, str]:
        stage = self.data.stages[index]
        first = " · ".join(t for t in (stage.shown_count, stage.amount_text) if t)
        return first, stage.conversion_text

    def _recolor(self) -> None:
        if not hasattr(self, "names"):
            return
        text, muted = self.colors.text.name(), self.colors.muted.name()
        font = self.font()
        for i, stage in enumerate(self.data.stages):
            self.names[i].setFont(font)
            self.names[i].setColor(self.colors.text)
            self.names[i].setText(stage.name)
            first, conversion = self._value_lines(i)
            html = f'<span style="color:{text}">{escape(first)}</span>'
            if conversion:
                html += f'<br><span style="color:{muted}">{escape(conversion)}</span>'
            self.values[i].setFont(font)
            self.values[i].setHtml(html)

    def _relayout(self) -> None:
        if not hasattr(self, "names") or not self.data.stages or self._empty.isVisible():
            return
        font = self.font()
        stages = self.data.stages
        left = max(text_width(font, s.name) for s in stages) + GAP_PX + 6
        right = max(text_width(font, t) for i in range(len(stages)) for t in self._value_lines(i))
        right += GAP_PX + 12
        width = max(self.view_box.width(), 1.0)
        bars_px = max(width - left - right, width * 0.3, 40.0)
        for i in range(len(stages)):
            self.names[i].setPos(-0.5 - GAP_PX / bars_px, i)
            self.values[i].setPos(0.5 + GAP_PX / bars_px, i)
        self.view_box.setRange(
            xRange=(-0.5 - left / bars_px, 0.5 + right / bars_px),
            yRange=(-0.55, len(stages) - 0.45),
            padding=0,
        )

    def _hit(self, x: float, y: float) -> int | None:
        """A stage's whole row answers (its name and texts too, not only its bar)."""
        if self._empty.isVisible():
            return None
        index = int(np.floor(y + 0.5))
        return index if 0 <= index < len(self.data.stages) else None

    def _tooltip(self, hit: int) -> str:
        stage = self.data.stages[hit]
        lines = [stage.name, stage.shown_count, stage.amount_text, stage.conversion_text]
        return "\n".join(line for line in lines if line)

    def _clicked(self, hit: int) -> None:
        self.stage_clicked.emit(hit)
