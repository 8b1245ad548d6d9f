"""ChartLegend: the stacked chart's legend under the plot — a coloured square (a dashed dash for
a line) and a name per entry, laid out in centred rows, as many rows as the entries need at the
chart's width.

A name is never broken across lines: each entry is drawn on one line (painted here, not rich
text, whose line breaking split "CRM 标准版（年费/用户）" at its space). A name too long for
one entry's share of a row is shortened with "…"; hovering an entry shows its whole name
(entry_at / tooltip_at, asked by the chart's tooltip)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

ELLIPSIS = "…"
MAX_NAME_EMS = 14  # a name's widest, in widths of "国", before it is shortened
MARK_EMS = 0.7  # the coloured square
GAP_EMS = 1.5  # between two entries of a row


class ChartLegend(pg.GraphicsWidget):
    """Entries (name, colour, is a line) in centred rows; exactly as tall as its rows (a layout
    row with room to spare would take a share of the plot's height)."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[tuple[str, str, bool]] = []
        self.text_color = QColor("black")
        self.entry_font = QFont()
        self.shown: list[str] = []  # each entry's name as drawn (shortened or whole)
        self.rects: list[QRectF] = []  # each entry's place, in the legend's coordinates
        self.row_count = 0

    def set_entries(self, entries: list[tuple[str, str, bool]], text_color: str,
                    font: QFont) -> None:  # fmt: skip
        self.entries = list(entries)
        self.text_color = QColor(text_color)
        self.entry_font = QFont(font)
        self._fit()
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    # -- layout
    def _metrics(self) -> tuple[QFontMetrics, float, float, float]:
        metrics = QFontMetrics(self.entry_font)
        em = float(metrics.horizontalAdvance("国"))
        return metrics, em, em * MARK_EMS, em * GAP_EMS

    def _fit(self) -> None:
        metrics, em, mark, gap = self._metrics()
        width = max(self.size().width(), 50.0)
        line = float(metrics.height())
        lead = mark + em * 0.4  # the square and the space after it
        cap = max(min(width - lead, em * MAX_NAME_EMS), em * 2)
        self.shown = [
            metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(cap))
            for name, _color, _line in self.entries
        ]
        widths = [lead + metrics.horizontalAdvance(t) for t in self.shown]
        rows: list[list[int]] = []
        used = 0.0
        for i, w in enumerate(widths):  # greedy: an entry goes on the row it fits in
            if rows and used + gap + w <= width:
                rows[-1].append(i)
                used += gap + w
            else:
                rows.append([i])
                used = w
        self.rects = [QRectF() for _ in widths]
        for r, row in enumerate(rows):
            total = sum(widths[i] for i in row) + gap * (len(row) - 1)
            x = max(0.0, (width - total) / 2)
            for i in row:
                self.rects[i] = QRectF(x, r * line, widths[i], line)
                x += widths[i] + gap
        self.row_count = len(rows)
        height = float(len(rows) * line + (4 if rows else 0))
        if abs(self.minimumHeight() - height) > 0.5 or abs(self.maximumHeight() - height) > 0.5:
            self.setMinimumHeight(height)
            self.setMaximumHeight(height)

    # -- drawing
    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self.entries:
            return
        _metrics, em, mark, _gap = self._metrics()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.entry_font)
        for (_name, color, is_line), shown, rect in zip(self.entries, self.shown, self.rects,
                                                         strict=True):  # fmt: skip
            middle = rect.center().y()
            if is_line:  # the target line's dashes
                painter.setPen(QPen(QColor(color), 2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.left() + mark, middle))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(color))
                painter.drawRect(QRectF(rect.left(), middle - mark / 2, mark, mark))
            painter.setPen(self.text_color)
            text = QRectF(rect.left() + mark + em * 0.4, rect.top(), rect.width(), rect.height())
            painter.drawText(text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             shown)  # fmt: skip

    # -- reading it back (hover, tests)
    def entry_at(self, pos: QPointF) -> int | None:
        """The entry at a point in the legend's coordinates, or None."""
        for i, rect in enumerate(self.rects):
            if rect.contains(pos):
                return i
        return None

    def tooltip_at(self, pos: QPointF) -> str:
        i = self.entry_at(pos)
        return "" if i is None else self.entries[i][0]

    def plain_text(self) -> str:
        """The entries as drawn: "■ name ■ name ━ target"."""
        return " ".join(
            f"{'━' if line else '■'} {shown}"
            for (_n, _c, line), shown in zip(self.entries, self.shown, strict=True)
        )
