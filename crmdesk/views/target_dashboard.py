"""The targets page's Dashboard tab: the cards (target, achieved, completion with ahead / behind
in words and colour, gap, forecast for the won amount, time elapsed), the target-vs-actual
monthly bars with the target line, and the ranking of reps or teams (sortable).

It only lays out what one read of the workspace (target_dashboard) returned; the page does the
reading. The Target card says what the scope's own target leaves unallocated to its teams or
reps (ProgressResult.people_left); the Completion card's tooltip and the ranking's say what the
colours mean; a metric without a forecast hides the card and its column (the others widen); a
period with no target and nothing achieved shows the chart's empty text, not empty axes.

The chart module (pyqtgraph, numpy) is imported when the panel is built, never when this module
is imported, so the window starts without them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.target_progress import ProgressResult, RankRow, status_of
from crmdesk.views import target_words as words
from crmdesk.views.chart_loader import loader

# How long the chart's modules wait for the dashboard's first read before loading anyway.
CHART_IMPORT_GRACE_MS = 150
_DISPLAY = Qt.ItemDataRole.DisplayRole
SORT_ROLE = Qt.ItemDataRole.UserRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# (key, width) of the ranking's columns; their titles are translated in headerData.
RANK_COLUMNS = (("rank", 52), ("name", 80), ("team", 84), ("target", 98), ("achieved", 98),
                ("completion", 86), ("gap", 100))  # fmt: skip


class Card(QFrame):
    """A figure with its title above and a line of detail under it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: palette(placeholder-text);")
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(2)
        column.addWidget(self.title)
        column.addWidget(self.value)
        column.addWidget(self.detail)
        column.addStretch(1)

    def set(self, value: str, detail: str = "", color: str = "") -> None:
        self.value.setText(value or "—")
        self.value.setStyleSheet(f"color: {color};" if color else "")
        self.detail.setText(detail)

    def set_detail_color(self, color: str) -> None:
        self.detail.setStyleSheet(f"color: {color}; font-weight: 600;" if color else "")


class RankingTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[RankRow] = []
        self.metric = "won_amount"
        self.elapsed = 0.0
        self.level = "rep"
        self.palette_source: QWidget | None = None

    def set_rows(self, rows: list[RankRow], metric: str, elapsed: float, level: str) -> None:
        self.beginResetModel()
        self.rows, self.metric, self.elapsed, self.level = list(rows), metric, elapsed, level
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RANK_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(RANK_COLUMNS):
            return None
        key = RANK_COLUMNS[section][0]
        if role == _DISPLAY:
            return {
                "rank": self.tr("Rank"),
                "name": self.tr("Rep") if self.level == "rep" else self.tr("Team"),
                "team": self.tr("Team"),
                "target": self.tr("Target"),
                "achieved": self.tr("Achieved"),
                "completion": self.tr("Completion"),
                "gap": self.tr("Gap"),
            }[key]
        return None  # centred (Qt's default): Fusion draws the sort arrow over a right end

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        key = RANK_COLUMNS[index.column()][0]
        if role == _DISPLAY:
            return {
                "rank": str(r.rank),
                "name": r.name,
                "team": r.team_name or words.no_team(),
                "target": words.value_text(self.metric, r.target),
                "achieved": words.value_text(self.metric, r.achieved),
                "completion": words.percent_text(r.completion),
                "gap": words.value_text(self.metric, r.gap),
            }[key]
        if role == SORT_ROLE:
            value = getattr(r, key if key != "team" else "team_name")
            if isinstance(value, Decimal):
                return float(value)
            return -1.0 if value is None and key != "name" else value
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("name", "team"):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and key == "completion":
            source = self.palette_source
            status = status_of(r.completion, self.elapsed)
            color = words.status_color(status, source.palette()) if source else None
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and key == "completion":
            status = words.status_text(status_of(r.completion, self.elapsed))
            return f"{status}\n\n{words.status_key()}"
        return None


class DashboardPanel(QWidget):
    level_changed = Signal(str)  # "rep" or "team"
    month_clicked = Signal(object)  # the Period of the bar clicked
    chart_shown = Signal()  # the chart was built (its modules loaded)

    def __init__(self, parent: QWidget | None = None, *, load_charts_now: bool = False) -> None:
        super().__init__(parent)
        self.progress: ProgressResult | None = None
        self.ranking: list[RankRow] = []
        self.level = "rep"
        self.cards = {
            "target": Card(self.tr("Target")),
            "achieved": Card(self.tr("Achieved")),
            "completion": Card(self.tr("Completion")),
            "gap": Card(self.tr("Gap")),
            "forecast": Card(self.tr("Forecast")),
            "elapsed": Card(self.tr("Time elapsed")),
        }
        self.cards["completion"].setToolTip(words.status_key())
        self.cards["forecast"].setToolTip(
            self.tr(
                "Open deals expected to close from today to the end of the period, each "
                "weighted by its probability."
            )  # fmt: skip
        )
        self.hidden_cards: set[str] = set()  # a card a metric does not have (the forecast)
        self.card_grid = row = QGridLayout()
        row.setSpacing(8)
        self._place_cards()

        # The chart (pyqtgraph) is built when its modules have loaded, off the GUI thread the
        # first time (chart_loader): the cards and the ranking do not wait for it.
        self.chart = None
        self.chart_placeholder = QLabel(self.tr("Loading the chart…"))
        self.chart_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_placeholder.setEnabled(False)
        self.chart_title = QLabel()
        self.chart_title.setStyleSheet("font-weight: 600;")
        chart_box = QWidget()
        self.chart_column = column = QVBoxLayout(chart_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.chart_title)
        column.addWidget(self.chart_placeholder, 1)

        self.rep_button = QPushButton(self.tr("Reps"))
        self.team_button = QPushButton(self.tr("Teams"))
        self.levels = QButtonGroup(self)
        for i, button in enumerate((self.rep_button, self.team_button)):
            button.setCheckable(True)
            self.levels.addButton(button, i)
        self.rep_button.setChecked(True)
        self.levels.idClicked.connect(self._on_level_clicked)
        self.ranking_title = QLabel(self.tr("Ranking"))
        self.ranking_title.setStyleSheet("font-weight: 600;")
        self.rank_model = RankingTableModel(self)
        self.rank_model.palette_source = self
        self.rank_proxy = QSortFilterProxyModel(self)
        self.rank_proxy.setSourceModel(self.rank_model)
        self.rank_proxy.setSortRole(SORT_ROLE)
        self.rank_table = QTableView()
        self.rank_table.setModel(self.rank_proxy)
        self.rank_table.setSortingEnabled(True)
        self.rank_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.rank_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rank_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rank_table.setAlternatingRowColors(True)
        self.rank_table.setWordWrap(False)
        self.rank_table.verticalHeader().hide()
        self.rank_table.verticalHeader().setDefaultSectionSize(24)
        header = self.rank_table.horizontalHeader()
        for i, (_key, width) in enumerate(RANK_COLUMNS):
            self.rank_table.setColumnWidth(i, width)
        self._fit_titles()
        header.setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.ranking_title)
        top.addStretch(1)
        top.addWidget(self.rep_button)
        top.addWidget(self.team_button)
        rank_box = QWidget()
        column = QVBoxLayout(rank_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.rank_table, 1)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(chart_box)
        self.split.addWidget(rank_box)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([560, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.split, 1)
        charts = loader()
        if load_charts_now:
            charts.load_now()
        if charts.loaded():
            self._on_charts_ready()
        else:
            charts.ready.connect(self._on_charts_ready)
            # The chart's modules start loading once the figures have come and the cards are
            # painted (set_data, or load_charts on a failed read), or after a grace period if
            # the read is slow: begun at once, the import held the GIL against the read and
            # the cards, which then came at ~300 ms instead of ~150 (bench/reports.py).
            QTimer.singleShot(CHART_IMPORT_GRACE_MS, self.load_charts)

    def _place_cards(self) -> None:
        """The shown cards side by side, each column stretching alike: a hidden card leaves
        no gap (its column is taken out, not left empty)."""
        grid = self.card_grid
        for card in self.cards.values():
            grid.removeWidget(card)
        for i in range(grid.columnCount()):
            grid.setColumnStretch(i, 0)
        shown = [c for k, c in self.cards.items() if k not in self.hidden_cards]
        for card in self.cards.values():
            card.setHidden(card not in shown)
        for i, card in enumerate(shown):
            grid.addWidget(card, 0, i)
            grid.setColumnStretch(i, 1)

    @Slot()
    def _on_charts_ready(self) -> None:
        if self.chart is not None:
            return
        if loader().error is not None:
            self.chart_placeholder.setText(self.tr("The chart could not be drawn (see the log)."))
            return
        from crmdesk.charts.stacked import StackedBarChart

        self.chart = StackedBarChart()
        self.chart.segment_clicked.connect(self._on_segment_clicked)
        self.chart_column.replaceWidget(self.chart_placeholder, self.chart)
        self.chart_placeholder.hide()
        if self.progress is not None:
            self._fill_chart()
        self.chart_shown.emit()

    @Slot()
    def load_charts(self) -> None:
        """Begin loading the chart's modules, on the next turn of the event loop (after the
        cards just filled are painted); once only, however often asked."""
        loader().start_soon()

    # -- figures
    def set_data(self, progress: ProgressResult, ranking: list[RankRow], level: str) -> None:
        self.progress, self.ranking, self.level = progress, list(ranking), level
        if self.chart is None:
            self.load_charts()
        self.levels.button(0 if level == "rep" else 1).setChecked(True)
        self._fill_cards()
        self._fill_chart()
        self.rank_model.set_rows(self.ranking, progress.metric, progress.elapsed, level)
        self._fit_titles()  # the name column's title follows the level
        self.rank_table.setColumnHidden(2, level == "team")
        self.rank_proxy.sort(
            self.rank_table.horizontalHeader().sortIndicatorSection(),
            self.rank_table.horizontalHeader().sortIndicatorOrder(),
        )

    def _fit_titles(self) -> None:
        """Widen a column whose centred title would run under the sort arrow (Fusion draws it
        at the section's right end, over the text: "Rank" was cut): the title, and the arrow's
        room with its margin on both sides."""
        header = self.rank_table.horizontalHeader()
        style, metrics = header.style(), header.fontMetrics()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        # Fusion's arrow: the section's right 2 × margin + height / 2 (SE_HeaderArrow)
        arrow = 2 * margin + max(header.height(), header.sizeHint().height()) // 2
        for i in range(len(RANK_COLUMNS)):
            title = str(self.rank_model.headerData(i, Qt.Orientation.Horizontal) or "")
            need = metrics.horizontalAdvance(title) + 2 * arrow + 2
            if header.sectionSize(i) < need:
                self.rank_table.setColumnWidth(i, need)

    @property
    def has_data(self) -> bool:
        return self.progress is not None

    def _fill_cards(self) -> None:
        p = self.progress
        m = p.metric
        value = lambda v: words.value_text(m, v)  # noqa: E731
        cards = self.cards
        if p.target is None:
            cards["target"].set("", self.tr("No target set for this period."))
        else:
            cards["target"].set(value(p.target), self.target_detail(p))
        cards["achieved"].set(value(p.achieved), words.metric_name(m))
        color = words.status_color(p.status, self.palette())
        css = color.name() if color is not None else ""
        cards["completion"].set(words.percent_text(p.completion), words.status_text(p.status), css)
        cards["completion"].set_detail_color(css)
        if p.gap is None:
            cards["gap"].set("", self.tr("No target set for this period."))
        elif p.gap == 0:
            cards["gap"].set(value(p.gap), self.tr("Target reached."))
        else:
            cards["gap"].set(value(p.gap), self.tr("Still to go."))
        if ("forecast" in self.hidden_cards) != (p.forecast is None):
            self.hidden_cards ^= {"forecast"}
            self._place_cards()
        if p.forecast is not None:
            # whole yuan, as the other cards read: an estimate's cents say nothing
            forecast = p.forecast.quantize(Decimal(1), ROUND_HALF_UP)
            cards["forecast"].set(value(forecast), self.tr("Weighted open deals due by the "
                                                           "period's end"))  # fmt: skip
        days = p.period.days
        gone = round(p.elapsed * days / 100)
        detail = self.tr("Day %1 of %2").replace("%1", str(gone)).replace("%2", str(days))
        cards["elapsed"].set(words.percent_text(p.elapsed), detail)

    def target_detail(self, p: ProgressResult) -> str:
        """The period, and what the scope's own target leaves to its teams or reps."""
        period = words.period_name(p.period)
        if not p.people_left:
            return period
        amount = words.value_text(p.metric, abs(p.people_left))
        if p.people_left > 0 and p.scope == "company":
            text = self.tr("%1 not allocated to teams")
        elif p.people_left > 0:
            text = self.tr("%1 not allocated to reps")
        elif p.scope == "company":
            text = self.tr("Teams hold %1 more than this")
        else:
            text = self.tr("Reps hold %1 more than this")
        return f"{period}\n{text.replace('%1', amount)}"

    def _fill_chart(self) -> None:
        if self.chart is None:
            return  # drawn when the chart is built
        from crmdesk.charts.series import BarSeries, StackedBarData, TargetLine

        p = self.progress
        m = p.metric
        months = p.months
        targets = tuple(float(x.target) if x.target is not None else None for x in months)
        has_target = any(t is not None for t in targets)
        title = self.tr("%1 by month: achieved and target")
        self.chart_title.setText(title.replace("%1", words.metric_name(m)))
        if not has_target and not any(x.achieved for x in months):
            # nothing to draw: say so, rather than empty axes running 0.1 … 1.0
            empty = self.tr("No targets or results in this period.")
            self.chart.set_data(StackedBarData(empty_text=empty))
            return
        data = StackedBarData(
            categories=tuple(words.month_name(x.period.month) for x in months),
            series=(BarSeries(self.tr("Achieved"), tuple(float(x.achieved) for x in months), 0),),
            target=TargetLine(self.tr("Target"), targets) if has_target else None,
            stacked=False,
            value_format=lambda v: words.value_text(m, Decimal(str(round(v, 2)))),
            axis_format=lambda v: words.short_value(m, v),
        )
        self.chart.set_data(data)

    # -- events
    @Slot(int)
    def _on_level_clicked(self, button_id: int) -> None:
        level = "rep" if button_id == 0 else "team"
        if level != self.level:
            self.level = level
            self.level_changed.emit(level)

    @Slot(int, int)
    def _on_segment_clicked(self, _series: int, category: int) -> None:
        if self.progress is not None and 0 <= category < len(self.progress.months):
            self.month_clicked.emit(self.progress.months[category].period)

    def changeEvent(self, event: QEvent) -> None:
        # The status colours have a light and a dark shade: pick again with the palette.
        if event.type() == QEvent.Type.PaletteChange and self.progress is not None:
            self._fill_cards()
        super().changeEvent(event)
