"""The reports page's panels, one per tab: the funnel (chart, its table and the cohort's
figures), the monthly breakdown (measure × grouping, stacked bars with the target line, the
numbers under them), lost reasons and sources (horizontal bars), the reps' activity (a table,
by day, week or month). Each panel shows a result it is given and says what was clicked; the
page reads and drills.

Importing this module imports the charts (pyqtgraph, numpy): the page imports it when it is
first built, never at its own import."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.charts.funnel import FunnelChart
from crmdesk.charts.hbar import HBarChart
from crmdesk.charts.series import (
    NEUTRAL,
    NEUTRAL_ALT,
    BarSeries,
    FunnelData,
    FunnelStage,
    HBarData,
    StackedBarData,
    TargetLine,
)
from crmdesk.charts.stacked import StackedBarChart
from crmdesk.models.analytics_types import (
    BY_FOR,
    MONEY_MEASURES,
    NONE,
    OTHER,
    ActivityResult,
    Breakdown,
)
from crmdesk.models.analytics_types import FunnelResult as Funnel
from crmdesk.views.deal_words import money
from crmdesk.views.report_sheets import activity_table, breakdown_table, funnel_rows
from crmdesk.views.report_words import (
    MONTHLY_MEASURES,
    by_name,
    compact,
    days_text,
    full,
    measure_name,
    month_labels,
    percent_text,
    series_name,
)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def make_table() -> QTableWidget:
    table = QTableWidget()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    return table


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]],
               numeric_from: int = 1) -> None:  # fmt: skip
    """Texts into the table (columns from numeric_from right-aligned), in place."""
    table.setUpdatesEnabled(False)
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = table.item(r, c)
            if item is None:
                item = QTableWidgetItem()
                table.setItem(r, c, item)
            item.setText(text)
            item.setTextAlignment(_RIGHT if c >= numeric_from else Qt.AlignmentFlag.AlignVCenter)
    table.resizeColumnsToContents()
    table.setUpdatesEnabled(True)


def series_colors(codes: list[str]) -> list[int]:
    """Each series' colour index: the named series numbered through the palette in order (at
    most MAX_SERIES = the palette's twelve, so no two share a colour), the folded "Others" and
    the rows without a value in the neutral greys (two of them when both are shown)."""
    colors, named = [], 0
    for code in codes:
        if code == OTHER:
            colors.append(NEUTRAL)
        elif code == NONE:
            colors.append(NEUTRAL_ALT if OTHER in codes else NEUTRAL)
        else:
            colors.append(named)
            named += 1
    return colors


def caption(text: str = "") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class FunnelPanel(QWidget):
    """The funnel of the deals created in the period: a bar per open stage, then won (and lost
    in the table); the cohort's win rate and cycle beside it."""

    part_clicked = Signal(int)  # index into self.rows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Funnel | None = None
        self.rows: list = []
        self.chart = FunnelChart()
        self.chart.stage_clicked.connect(self.part_clicked)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.table = make_table()
        # Every row and column shown, no scroll bars (show_result sizes the table to them):
        # the stage's name takes what width is left, the figures their own.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        # Sized again when a font or style changes the header's or a column's size after.
        header.geometriesChanged.connect(self._fit_table)
        header.sectionResized.connect(self._fit_table)
        self.table.doubleClicked.connect(lambda index: self.part_clicked.emit(index.row()))
        self.table.setToolTip(self.tr("Double-click a row to list its deals"))
        side = QVBoxLayout()
        side.addWidget(caption(self.tr("Deals created in the period, by the furthest stage "
                                       "they reached")))  # fmt: skip
        side.addWidget(self.table)
        side.addWidget(self.summary)
        side.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.chart, 3)
        row.addLayout(side, 2)

    def show_result(self, f: Funnel) -> None:
        self.result = f
        self.rows = funnel_rows(f)
        shown = self.rows[:-1]  # the chart narrows to won; lost is in the table
        stages = tuple(
            FunnelStage(
                name=r.name,
                count=r.deals,
                amount_text=compact(float(r.amount), True),
                conversion_text=(self.tr("%1 of the previous").replace(
                    "%1", percent_text(r.conversion)) if r.conversion is not None else ""),
                count_text=self.tr("%1 deals").replace("%1", f"{r.deals:,}"),
            )
            for r in shown
        )  # fmt: skip
        self.chart.set_data(FunnelData(stages, self.tr("No deals were created in this period.")))
        headers = [self.tr("Stage"), self.tr("Deals"), self.tr("Amount"), self.tr("Conversion"),
                   self.tr("Avg. days in stage")]  # fmt: skip
        fill_table(self.table, headers, [
            [r.name, f"{r.deals:,}", money(r.amount, cents=False), percent_text(r.conversion),
             days_text(r.avg_days)] for r in self.rows])  # fmt: skip
        parts = [
            self.tr("Created: <b>%1</b> (%2)").replace("%1", f"{f.created:,}").replace(
                "%2", money(f.created_amount, cents=False)),
            self.tr("Won: <b>%1</b> (%2)").replace("%1", f"{f.won:,}").replace(
                "%2", money(f.won_amount, cents=False)),
            self.tr("Lost: <b>%1</b>").replace("%1", f"{f.lost:,}"),
            self.tr("Win rate: <b>%1</b>").replace("%1", percent_text(f.win_rate) or "–"),
            self.tr("Average cycle: <b>%1</b>").replace("%1", days_text(f.cycle_days) or "–"),
        ]  # fmt: skip
        self._fit_table()
        self.summary.setText("<br>".join(parts))

    def _fit_table(self) -> None:
        """As tall as its rows (the figures under it stay next to the table) and at least as
        wide as its columns (a long header, "Avg. days in stage", is not clipped)."""
        table, header = self.table, self.table.horizontalHeader()
        if not table.columnCount():
            return
        if header.sectionResizeMode(0) != QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        frame = 2 * table.frameWidth()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(header.sizeHint().height() + rows + frame)
        widths = [max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
                  for c in range(table.columnCount())]  # fmt: skip
        table.setMinimumWidth(sum(widths) + frame)


class MonthlyPanel(QWidget):
    """A measure per month, stacked by a grouping, the target as a line; the numbers under."""

    options_changed = Signal()
    segment_clicked = Signal(int, int)  # series, month

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Breakdown | None = None
        self.measure_combo = QComboBox()
        for m in MONTHLY_MEASURES:
            self.measure_combo.addItem(measure_name(m), m)
        self.by_combo = QComboBox()
        self._fill_bys("rep")
        self.measure_combo.activated.connect(self._on_measure_activated)
        self.by_combo.activated.connect(lambda _i: self.options_changed.emit())
        self.chart = StackedBarChart()
        self.chart.segment_clicked.connect(self.segment_clicked)
        self.table = make_table()
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.target_note = QLabel()
        self.target_note.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.measure_combo)
        top.addWidget(self.by_combo)
        top.addStretch(1)
        top.addWidget(self.target_note)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 240])  # the numbers of a dozen series readable under the chart
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    @property
    def measure(self) -> str:
        return self.measure_combo.currentData()

    @property
    def by(self) -> str:
        return self.by_combo.currentData()

    def _fill_bys(self, keep: str) -> None:
        self.by_combo.clear()
        bys = [b for b in BY_FOR[self.measure] if b != "none"] + ["none"]
        for b in bys:
            self.by_combo.addItem(by_name(b), b)
        self.by_combo.setCurrentIndex(max(0, self.by_combo.findData(keep)))

    @Slot(int)
    def _on_measure_activated(self, _index: int) -> None:
        self._fill_bys(self.by)
        self.options_changed.emit()

    def show_result(self, b: Breakdown, targets: tuple[Decimal | None, ...] | None) -> None:
        self.result = b
        is_money = b.measure in MONEY_MEASURES
        colors = series_colors([s.code for s in b.series])
        series = tuple(BarSeries(series_name(s, b.by, b.measure), tuple(float(v) for v in s.values),
                                 c) for s, c in zip(b.series, colors, strict=True))  # fmt: skip
        target = None
        if targets is not None and any(t is not None for t in targets):
            values = tuple(None if t is None else float(t) for t in targets)
            target = TargetLine(self.tr("Target"), values)
        self.chart.set_data(StackedBarData(
            categories=month_labels(b.months), series=series, target=target,
            value_format=lambda v: full(v, is_money), axis_format=lambda v: compact(v, is_money),
            empty_text=self.tr("Nothing to show for this period."),
        ))  # fmt: skip
        if targets is None:
            self.target_note.setText("")
        elif target is None:
            self.target_note.setText(self.tr("No target set for these months"))
        else:
            self.target_note.setText(self.tr("Dashed line: the target"))
        headers, rows = breakdown_table(b)

        def cell(v) -> str:  # whole yuan: a dozen months of cents would not fit
            return money(v, cents=False) if is_money else f"{int(v):,}"

        texts = [[row[0], *[cell(v) for v in row[1:]]] for row in rows]
        if target is not None:
            texts.append([self.tr("Target"), *["" if t is None else cell(t) for t in targets],
                          ""])  # fmt: skip
        fill_table(self.table, headers, texts)


class TotalsPanel(QWidget):
    """Lost deals by reason and won amount by source, over the period."""

    bar_clicked = Signal(str, int)  # "lost" or "sources", the bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lost: Breakdown | None = None
        self.sources: Breakdown | None = None
        self.lost_chart, self.sources_chart = HBarChart(), HBarChart()
        self.lost_chart.bar_clicked.connect(lambda i: self.bar_clicked.emit("lost", i))
        self.sources_chart.bar_clicked.connect(lambda i: self.bar_clicked.emit("sources", i))
        self.lost_caption = caption(self.tr("Deals lost, by reason"))
        self.sources_caption = caption(self.tr("Won amount, by source"))
        row = QHBoxLayout(self)
        for title, chart in ((self.lost_caption, self.lost_chart),
                             (self.sources_caption, self.sources_chart)):  # fmt: skip
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(chart, 1)
            row.addLayout(column, 1)

    def show_result(self, lost: Breakdown, sources: Breakdown) -> None:
        self.lost, self.sources = lost, sources
        for b, chart, color, empty in (
            (lost, self.lost_chart, 2, self.tr("No deal was lost in this period.")),
            (sources, self.sources_chart, 4, self.tr("No deal was won in this period.")),
        ):
            is_money = b.measure in MONEY_MEASURES
            values = tuple(float(s.total) for s in b.series)
            texts = tuple(money(s.total, cents=False) if is_money else f"{int(s.total):,}"
                          for s in b.series)  # fmt: skip
            chart.set_data(HBarData(
                categories=tuple(series_name(s, b.by, b.measure) for s in b.series),
                values=values, value_texts=texts, color=color,
                value_format=lambda v, m=is_money: full(v, m), empty_text=empty,
            ))  # fmt: skip


class ActivityPanel(QWidget):
    """Per rep: follow-ups per day, week or month and by kind, customers created, deals
    created and won."""

    granularity_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ActivityResult | None = None
        self.granularity_combo = QComboBox()
        for key, name in (("day", self.tr("Per day")), ("week", self.tr("Per week")),
                          ("month", self.tr("Per month"))):  # fmt: skip
            self.granularity_combo.addItem(name, key)
        self.granularity_combo.setCurrentIndex(2)
        self.granularity_combo.activated.connect(lambda _i: self.granularity_changed.emit())
        self.note = QLabel()
        self.note.setEnabled(False)
        self.table = make_table()
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Follow-ups")))
        top.addWidget(self.granularity_combo)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    @property
    def granularity(self) -> str:
        return self.granularity_combo.currentData()

    def set_granularity(self, key: str) -> None:
        self.granularity_combo.setCurrentIndex(max(0, self.granularity_combo.findData(key)))

    def show_result(self, a: ActivityResult) -> None:
        self.result = a
        headers, kinds, rows = activity_table(a)
        texts = [[full(v, k == "money") if k != "text" else v for v, k in zip(row, kinds,
                                                                             strict=True)]
                 for row in rows]  # fmt: skip
        fill_table(self.table, headers, texts, numeric_from=2)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.note.setText(self.tr("%1 people").replace("%1", str(len(rows))))
