"""What every chart shares: pyqtgraph's one-time set-up, the series colours (twelve, and two
neutral greys for "Others" and "none" series, lighter or darker to suit the background), the
colours taken from the application palette (light and dark), PNG export (a picture with a
title line above it: titled_image), and ChartBase — a PlotWidget that
cannot be zoomed, panned or given pyqtgraph's English context menu, shows a centred "no data"
text, recolours itself when the palette changes, and turns a hover or a left click into a
hit-test in data coordinates that each chart answers.

Importing this module imports pyqtgraph and numpy (≈ 0.4 s): only chart modules import it, and
pages import chart modules when a chart page first opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from crmdesk.charts.series import NEUTRAL, NEUTRAL_ALT

# Mid-luminance colours (Tableau 10 and two more) that stay distinct, and readable, on a white
# and on a near-black background alike. No grey among them: grey is kept for the neutral
# series (Tableau's "#bab0ac" gave way to Tableau 20's olive), so a folded "Others" never looks
# like a named series.
SERIES_COLORS: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#b6992d",
    "#a0cbe8",
    "#d37295",
)


MIN_WIDTH, MIN_HEIGHT = 320, 200


# Colour indices below zero: the neutral greys (BarSeries.color / HBarData.color).
# (light background, dark background): mid greys that read as "not a series of its own",
# ALT a step lighter on white (darker on black) for a second neutral series beside the first.
NEUTRAL_COLORS: dict[int, tuple[str, str]] = {
    NEUTRAL: ("#8e8e8e", "#9a9a9a"),
    NEUTRAL_ALT: ("#c4c4c4", "#656565"),
}


def series_color(index: int, dark: bool = False) -> QColor:
    """A series' colour: 0… the palette (wrapping round), NEUTRAL / NEUTRAL_ALT the greys of
    the light or the dark background."""
    if index < 0:
        light, on_dark = NEUTRAL_COLORS.get(index, NEUTRAL_COLORS[NEUTRAL])
        return QColor(on_dark if dark else light)
    return QColor(SERIES_COLORS[index % len(SERIES_COLORS)])


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """a blended towards b by t (0 = a, 1 = b)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


@dataclass(frozen=True)
class ChartColors:
    background: QColor
    text: QColor
    muted: QColor  # secondary texts (conversion, the target line's dashes)
    grid: QColor
    dark: bool


def chart_colors(palette: QPalette) -> ChartColors:
    background = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return ChartColors(
        background=background,
        text=text,
        muted=_mix(text, background, 0.35),
        grid=_mix(text, background, 0.85),
        dark=background.lightness() < 128,
    )


def _configure() -> None:
    """pyqtgraph's global options, once, on the first import of a chart module: antialiased
    drawing, and defaults from the palette for anything a chart does not colour itself."""
    app = QApplication.instance()
    options: dict = {"antialias": True}
    if app is not None:
        colors = chart_colors(app.palette())
        options.update(background=colors.background, foreground=colors.text)
    pg.setConfigOptions(**options)


_configure()


def export_png(widget: QWidget, path: str | PathLike) -> bool:
    """The widget as it looks now, saved as a PNG; False when the file could not be written."""
    return widget.grab().save(str(path), "PNG")


def titled_image(picture: QImage, title: str, font: QFont, background: QColor,
                 text: QColor) -> QImage:  # fmt: skip
    """The picture with a title line above it (what, when, whose: an exported chart read
    elsewhere keeps its context). A title wider than the picture is elided; the picture's
    device pixel ratio is kept, so the title is as sharp as the chart."""
    ratio = picture.devicePixelRatio() or 1.0
    width = round(picture.width() / ratio)
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    pad = max(6, metrics.height() // 2)
    band = metrics.height() + 2 * pad
    height = band + round(picture.height() / ratio)
    out = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32)
    out.setDevicePixelRatio(ratio)
    out.fill(background)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(bold)
    painter.setPen(text)
    line = metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(width - 2 * pad, 10))
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(QRectF(pad, 0, width - 2 * pad, band), int(align), line)
    painter.drawImage(QPointF(0, band), picture)
    painter.end()
    return out


def text_width(font: QFont, text: str) -> int:
    return QFontMetrics(font).horizontalAdvance(text)


class FormatAxis(pg.AxisItem):
    """An axis whose tick texts come from the page's formatter (1.2万, ¥1.2M, 45%)."""

    def __init__(self, orientation: str, formatter=None, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.formatter = formatter

    def tickStrings(self, values, scale, spacing):
        if self.formatter is None:
            return super().tickStrings(values, scale, spacing)
        return [self.formatter(v * scale) for v in values]

    def fit_width(self, font: QFont, lo: float, hi: float, length: float) -> int:
        """Fix the width to the widest tick text the range will show: pyqtgraph drops a tick
        text wider than the axis (ARCHITECTURE §8), and widens the axis only after the fact."""
        texts = [self.formatter(v) if self.formatter else f"{v:g}" for v in (lo, hi)]
        for _spacing, values in self.tickValues(lo, hi, max(length, 50.0)):
            texts += self.tickStrings(values, 1.0, _spacing)
        width = max(text_width(font, t) for t in texts) + 16
        self.setWidth(width)
        return width


class ChartBase(pg.PlotWidget):
    """A PlotWidget locked to the picture its chart sets: no wheel zoom, no drag pan, no
    pyqtgraph menu (its items are English only and its "View All" loses the layout)."""

    data_axes: tuple[str, ...] = ()  # the axes the chart shows when it has data

    def __init__(self, parent: QWidget | None = None, axis_items: dict | None = None) -> None:
        self._ready = False  # Qt sends change events from inside the base constructor
        super().__init__(parent, axisItems=axis_items)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.setContentsMargins(6, 10, 12, 6)  # room for the ends of tick texts
        self.view_box.disableAutoRange()
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._empty = pg.TextItem(anchor=(0.5, 0.5))
        self._empty.setVisible(False)
        self.view_box.addItem(self._empty, ignoreBounds=True)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.view_box.sigResized.connect(self._relayout)
        self.colors = chart_colors(self.palette())
        self._ready = True

    @property
    def view_box(self) -> pg.ViewBox:
        return self.getPlotItem().getViewBox()

    # -- what each chart provides -------------------------------------------------------

    def _hit(self, x: float, y: float):
        """The thing (an index, a pair of indices) at data point (x, y), or None."""
        return None

    def _tooltip(self, hit) -> str:
        return ""

    def _clicked(self, hit) -> None:
        """Emit the chart's signal for a left click on `hit`."""

    def _recolor(self) -> None:
        """Set every pen, brush and text colour from self.colors."""

    def _relayout(self) -> None:
        """Recompute what depends on the widget's size in pixels (text columns, axis widths)."""

    # -- shared behaviour ---------------------------------------------------------------

    def apply_palette(self) -> None:
        self.colors = chart_colors(self.palette())
        self.setBackground(self.colors.background)
        item = self.getPlotItem()
        for name in ("left", "bottom", "top", "right"):
            axis = item.getAxis(name)
            axis.setPen(self.colors.grid)
            axis.setTextPen(self.colors.text)
            axis.setTickFont(self.font())
        self._empty.setColor(self.colors.muted)
        self._empty.setFont(self.font())
        self._recolor()

    def showEvent(self, event) -> None:
        # The palette a widget ends up with is known once it is in its window.
        self.apply_palette()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.FontChange,
        ) and getattr(self, "_ready", False):
            self.apply_palette()
            self._relayout()
        super().changeEvent(event)

    def wheelEvent(self, event) -> None:
        # Nothing to zoom: let the page's scroll area have the wheel.
        event.ignore()

    def show_empty(self, text: str | None) -> None:
        """The centred "no data" text (None hides it). The view is reset to 0…1 so the text
        sits in the middle whatever the chart drew before."""
        # Axes with nothing to measure would show pyqtgraph's 0…1 ticks: hidden while empty.
        for name in self.data_axes:
            self.getPlotItem().showAxis(name, text is None)
        if text is None:
            self._empty.setVisible(False)
            return
        self._empty.setText(text, self.colors.muted)
        self._empty.setPos(0.5, 0.5)
        self._empty.setVisible(True)
        self.view_box.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)

    @property
    def empty_text(self) -> str | None:
        return self._empty.toPlainText() if self._empty.isVisible() else None

    def data_at(self, pos: QPoint | QPointF) -> tuple[float, float] | None:
        """The data point under a viewport position, or None outside the plot area."""
        scene = self.mapToScene(QPoint(int(pos.x()), int(pos.y())))
        if not self.view_box.sceneBoundingRect().contains(scene):
            return None
        point = self.view_box.mapSceneToView(scene)
        return point.x(), point.y()

    def viewport_pos(self, x: float, y: float) -> QPoint:
        """Where data point (x, y) is in the viewport (for tests and for the page's tooltips)."""
        return self.mapFromScene(self.view_box.mapViewToScene(QPointF(x, y)))

    def hit_at(self, pos: QPoint | QPointF):
        point = self.data_at(pos)
        return None if point is None else self._hit(*point)

    def tooltip_at(self, pos: QPoint | QPointF) -> str:
        hit = self.hit_at(pos)
        return "" if hit is None else self._tooltip(hit)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.MouseMove and not event.buttons():
            # Here, not on the scene's sigMouseMoved: pyqtgraph drops moves that come quickly
            # one after another, and the last one (where the pointer stopped) must count.
            self._update_cursor(event.position())
        return super().viewportEvent(event)

    def fit_rows(self, rows: int, lines_per_row: float) -> None:
        """A minimum height at which `rows` rows of text do not overlap."""
        line = QFontMetrics(self.font()).height()
        self.setMinimumHeight(max(MIN_HEIGHT, int(rows * lines_per_row * line) + 40))

    def _update_cursor(self, pos: QPointF) -> None:
        # A pointing hand says "this opens something" over what a click would open.
        if self.hit_at(pos) is None:
            self.viewport().unsetCursor()
        else:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)

    def _on_scene_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        scene = event.scenePos()
        if not self.view_box.sceneBoundingRect().contains(scene):
            return
        point = self.view_box.mapSceneToView(scene)
        hit = self._hit(point.x(), point.y())
        if hit is not None:
            self._clicked(hit)
