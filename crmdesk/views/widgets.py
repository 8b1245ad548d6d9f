"""Small widgets and builders every page and dialog uses, so they look and behave alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProxyStyle,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleFactory,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
)

ERROR_COLOR = "#d9363e"


def problem_label(text: str = "") -> QLabel:
    """A red, word-wrapped line under a form saying what to fix; hidden until needed."""
    label = QLabel(text)
    label.setObjectName("formProblems")
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setWordWrap(True)
    label.hide()
    return label


def ok_cancel(dialog: QDialog, on_ok: Callable[[], None], save: bool = False) -> QDialogButtonBox:
    """OK (or Save) runs on_ok, which accepts the dialog when the input is good; Cancel rejects."""
    ok = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


class Banner(QFrame):
    """A strip above a list saying what went wrong, with Retry; it never blocks the window (a
    list that failed to load is not worth a modal dialog per page of rows)."""

    retry_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.clicked.connect(self.retry_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.retry)
        self.hide()

    def show_message(self, text: str) -> None:
        self.text.setText(text)
        self.show()


class NoticeLine(QWidget):
    """The status bar's line saying what the last action did, with its one button (Undo) for
    a few seconds; a newer notice replaces it."""

    SECONDS = 6
    ACTION_SECONDS = 10  # long enough to read the line and reach the button
    offers_action = Signal(bool)  # its button is there (Edit › Undo follows it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeLine")
        self.text = QLabel()
        self.button = QPushButton()
        self.button.setObjectName("noticeAction")
        self.button.setFlat(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._on_button_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text)
        row.addWidget(self.button)
        row.addStretch(1)
        self._action: Callable[[], None] | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.clear)
        self.clear()

    def show_notice(self, text: str, action_text: str = "", action=None) -> None:
        self.text.setText(text)
        self._action = action
        self.button.setText(action_text)
        self.button.setVisible(action is not None)
        self._timer.start(1000 * (self.ACTION_SECONDS if action else self.SECONDS))
        self.offers_action.emit(action is not None)

    def clear(self) -> None:
        self.text.clear()
        self.button.hide()
        self._action = None
        self.offers_action.emit(False)

    def trigger(self) -> None:
        """Do what its button offers (Undo), as a click on it would; nothing once it is gone."""
        self._on_button_clicked()

    def _on_button_clicked(self) -> None:
        action, self._action = self._action, None
        self.clear()
        if action is not None:
            action()


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" where its space ends, the whole text in its tooltip,
    instead of cut off mid-word (a long "what the last action did" beside a list's count)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._full = text or ""
        self._elide()

    def text(self) -> str:
        return self._full

    def clear(self) -> None:
        self.setText("")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              max(self.width(), 0))  # fmt: skip
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class TagChips(QWidget):
    """A customer's tags as small rounded chips in a row (the detail panel's header)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(4)
        self._row.addStretch(1)

    def set_tags(self, tags) -> None:
        while self._row.count() > 1:
            item = self._row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for i, tag in enumerate(tags):
            chip = QLabel(tag)
            chip.setObjectName("tagChip")
            self._row.insertWidget(i, chip)
        self.setVisible(bool(tags))

    def tags(self) -> list[str]:
        return [
            self._row.itemAt(i).widget().text()
            for i in range(self._row.count())
            if self._row.itemAt(i).widget() is not None
        ]


class ListTable(QTableView):
    """A list's table that says something when there is nothing to show (a blank grid reads as
    "still loading" or "broken")."""

    def __init__(self) -> None:
        super().__init__()
        self.empty_text = ""
        # What to do about an empty list (New customer), a button under the text.
        self.empty_button = QPushButton(self.viewport())
        self.empty_button.hide()
        self._empty_action_wanted = False

    def set_empty_text(self, text: str, action_text: str = "") -> None:
        """The text an empty list shows, and the label of its button ("" for none)."""
        same = (
            text == self.empty_text
            and bool(action_text) == self._empty_action_wanted
            and (not action_text or action_text == self.empty_button.text())
        )
        self.empty_text = text
        self._empty_action_wanted = bool(action_text)
        if action_text:
            self.empty_button.setText(action_text)
            self.empty_button.adjustSize()
        self._place_empty_button()
        model = self.model()
        # Repainted only when the words changed and show: every new query set them, and a
        # repaint of the old rows while the new page loads cost ~9 ms of each search.
        if not same and (model is None or model.rowCount() == 0):
            self.viewport().update()

    def _place_empty_button(self) -> None:
        model = self.model()
        empty = (
            model is not None and model.rowCount() == 0 and not getattr(model, "is_loading", False)
        )
        show = self._empty_action_wanted and bool(self.empty_text) and empty
        if show:
            x = (self.viewport().width() - self.empty_button.width()) // 2
            self.empty_button.move(max(8, x), 24 + 2 * self.fontMetrics().height() + 8)
        self.empty_button.setVisible(show)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_empty_button()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if not self.empty_text or model is None or model.rowCount() > 0:
            return
        if getattr(model, "is_loading", False):
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self.empty_text)
        painter.end()


def list_table(model: QAbstractItemModel, widths: list[int] | None = None) -> ListTable:
    """A table of a windowed list as every page shows one: whole rows selected (several at a
    time), alternating colours, one line a row, no row numbers."""
    table = ListTable()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    for i, width in enumerate(widths or []):
        table.setColumnWidth(i, width)
    _keep_sort_indicator(table)
    return table


def _keep_sort_indicator(table: QTableView) -> None:
    """A click on a column the list cannot sort by (its Column says sortable=False: a contact
    derived from another table) puts the header's arrow back where the rows are sorted, instead
    of promising an order the rows (and an export of them) do not have."""
    header = table.horizontalHeader()
    shown = [header.sortIndicatorSection(), header.sortIndicatorOrder()]

    def put_back() -> None:
        header.blockSignals(True)  # the rows are already in this order: no new sort
        header.setSortIndicator(shown[0], shown[1])
        header.blockSignals(False)
        header.viewport().update()

    def changed(section: int, order: Qt.SortOrder) -> None:
        columns = getattr(table.model(), "columns", None)
        if columns is not None and 0 <= section < len(columns) and not columns[section].sortable:
            QTimer.singleShot(0, put_back)  # after the view has set the arrow itself
        else:
            shown[:] = [section, order]

    header.sortIndicatorChanged.connect(changed)


def make_typeable(combo: QComboBox, *, free_text: bool = False) -> QComboBox:
    """A long picker (owners, provinces, industries) the user can type into: the popup lists
    the entries that contain what is typed, anywhere (typing 东 offers 广东 and 山东).

    free_text: the field takes any text (a customer's industry). Otherwise the picker only
    selects its entries: typed text that is none of them goes back to the selected entry when
    the field is left, and never becomes an entry."""
    combo.setEditable(True)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    if not free_text:
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        def settle() -> None:
            """The entry the typed text names: the selected one if it still reads so, else the
            one entry that reads exactly so, else the one entry containing it; otherwise the
            selected entry's text comes back (two users of one name are never confused)."""
            text = combo.currentText().strip()
            current = combo.currentIndex()
            if current >= 0 and combo.itemText(current) == text:
                return
            texts = [combo.itemText(i) for i in range(combo.count())]
            exact = [i for i, t in enumerate(texts) if t == text]
            near = [i for i, t in enumerate(texts) if text and text.lower() in t.lower()]
            chosen = exact if exact else near
            if len(chosen) == 1:
                combo.setCurrentIndex(chosen[0])
            combo.setEditText(combo.itemText(combo.currentIndex()))

        combo.lineEdit().editingFinished.connect(settle)
    return combo


def chinese_calendar(edit: QDateTimeEdit) -> None:
    """A date picker's popup calendar as a Chinese reader expects it: its weekday row always
    shown, no week numbers, and in Chinese the month title written 2026年11月 (Qt writes
    十一月 2026, month first). The popup must be on (setCalendarPopup) before this."""
    calendar = edit.calendarWidget()
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
    calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
    calendar.setMinimumSize(300, 230)  # the weekday row is never squeezed out

    def retitle(year: int, month: int) -> None:
        if calendar.locale().language() != QLocale.Language.Chinese:
            return
        month_button = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
        year_button = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
        if month_button is None or year_button is None:
            return  # another Qt's calendar: its own title stays
        year_button.setText(f"{year}年")
        month_button.setText(f"{month}月")
        nav = month_button.parentWidget()  # held: a temporary parent's layout() dies with it
        bar = nav.layout() if nav is not None else None
        if bar is not None and bar.indexOf(year_button) > bar.indexOf(month_button):
            for name in ("qt_calendar_yearedit", "qt_calendar_yearbutton"):
                widget = calendar.findChild(QWidget, name)
                if widget is not None and bar.indexOf(widget) >= 0:
                    bar.removeWidget(widget)
                    bar.insertWidget(bar.indexOf(month_button), widget)

    calendar.currentPageChanged.connect(retitle)
    retitle(calendar.yearShown(), calendar.monthShown())


class _CompactTabs(QProxyStyle):
    SPACE = 12  # a tab's padding, left and right together (Fusion: 24)

    def pixelMetric(self, metric, option=None, widget=None) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return self.SPACE
        return super().pixelMetric(metric, option, widget)


def compact_tabs(tabs: QTabWidget) -> QTabWidget:
    """Tabs with half Fusion's padding: the customer detail's seven fit its default width in
    Chinese (408 -> 324 px) instead of hiding History behind scroll arrows."""
    style = _CompactTabs(QStyleFactory.create("Fusion"))  # the app's own is not to be wrapped
    style.setParent(tabs)
    tabs.tabBar().setStyle(style)
    return tabs
