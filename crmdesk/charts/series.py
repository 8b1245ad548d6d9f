"""The plain data the charts draw: frozen dataclasses of numbers and ready-made texts.

The page builds these from the analytics results; a chart never sees the database, the domain
rows or money as Decimal. Every text a user reads (stage names, amounts, the "no data" line) is
made by the page in the user's language and money format; where the chart must turn a number
into text itself (axis ticks, a hovered value) the page hands it a formatter callable.

This module imports neither pyqtgraph nor numpy, so a page may build series before the first
chart module is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Formatter = Callable[[float], str]
NEUTRAL, NEUTRAL_ALT = -1, -2  # colour indices of the neutral greys (base.NEUTRAL_COLORS)


def plain_number(value: float) -> str:
    """The fallback formatter: a whole number with thousands separators, else two decimals.
    Money and units are the page's to format (it passes its own formatter)."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


@dataclass(frozen=True)
class FunnelStage:
    """One stage of a funnel, top to bottom. `count` sets the bar's width; the texts are
    shown as given: `count_text` (default the bare count), `amount_text`, `conversion_text`
    (from the previous stage; empty for the first)."""

    name: str
    count: int
    amount_text: str = ""
    conversion_text: str = ""
    count_text: str = ""

    @property
    def shown_count(self) -> str:
        return self.count_text or str(self.count)


@dataclass(frozen=True)
class FunnelData:
    stages: tuple[FunnelStage, ...] = ()
    empty_text: str = ""  # shown centred when there is no stage or every count is zero


@dataclass(frozen=True)
class BarSeries:
    """One stacked (or grouped) series: a value per category; `color` indexes the chart
    palette (base.SERIES_COLORS, wrapping round: the page numbers its series so that no two
    shown share one), or is NEUTRAL (-1) / NEUTRAL_ALT (-2): the palette's neutral greys, for
    "Others" and the series of rows without a value (light or dark to suit the background)."""

    name: str
    values: tuple[float, ...]
    color: int = 0


@dataclass(frozen=True)
class TargetLine:
    """A target per category (None = no target there), drawn as a step line over the bars."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class StackedBarData:
    """Categories (month labels) along x; series stacked (or side by side when `stacked` is
    False: the plain "actual" bars); an optional target line. `value_format` writes a hovered
    value, `axis_format` the y axis ticks (e.g. 1.2万 / 1.2M)."""

    categories: tuple[str, ...] = ()
    series: tuple[BarSeries, ...] = ()
    target: TargetLine | None = None
    stacked: bool = True
    value_format: Formatter = field(default=plain_number, compare=False)
    axis_format: Formatter = field(default=plain_number, compare=False)
    empty_text: str = ""

    def __post_init__(self) -> None:
        n = len(self.categories)
        for s in self.series:
            if len(s.values) != n:
                raise ValueError(f"series {s.name!r} has {len(s.values)} values for {n} categories")
        if self.target is not None and len(self.target.values) != n:
            raise ValueError(f"target has {len(self.target.values)} values for {n} categories")

    @property
    def is_empty(self) -> bool:
        return not self.categories or not self.series


@dataclass(frozen=True)
class HBarData:
    """Horizontal bars, one per text category, first at the top. `value_texts` are the labels
    at the bar ends (default: `value_format` of each value)."""

    categories: tuple[str, ...] = ()
    values: tuple[float, ...] = ()
    value_texts: tuple[str, ...] = ()
    color: int = 0
    value_format: Formatter = field(default=plain_number, compare=False)
    empty_text: str = ""

    def __post_init__(self) -> None:
        if len(self.values) != len(self.categories):
            raise ValueError("one value per category")
        if self.value_texts and len(self.value_texts) != len(self.categories):
            raise ValueError("one value text per category")

    def text(self, index: int) -> str:
        if self.value_texts:
            return self.value_texts[index]
        return self.value_format(self.values[index])
