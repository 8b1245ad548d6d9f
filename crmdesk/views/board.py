"""The pipeline board's parts: one windowed model per stage column (deal cards fetched a page
at a time, as the customer list is), a delegate that paints each card (never a widget per
card: 10,000 open deals), the column widget with its figures, and the Won / Lost drop zones.

Drag and drop carries deal ids and versions in a MIME type of our own; a drop only emits a
signal (deal_dropped): the page asks the database to move the deal, and the columns reload
when it agreed. Nothing moves on screen before that (ARCHITECTURE §3)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.views.deal_words import deal_words, money, short_money
from crmdesk.views.table_model import Column, WindowedTableModel

MIME = "application/x-crmdesk-deals"
CARD_ROLE = int(Qt.ItemDataRole.UserRole) + 7
CARD_HEIGHT = 74
STALE = QColor("#d9822b")  # orange: readable on light and dark
APPROVAL = QColor("#3d7bd9")


@dataclass(frozen=True)
class DealRef:
    """What a drag carries of one deal: enough for the move to be conditional on the version
    the user saw."""

    id: int
    version: int
    stage_id: int


def encode(refs: list[DealRef]) -> QMimeData:
    data = QMimeData()
    payload = [[r.id, r.version, r.stage_id] for r in refs]
    data.setData(MIME, QByteArray(json.dumps(payload).encode()))
    return data


def decode(data: QMimeData) -> list[DealRef]:
    if not data.hasFormat(MIME):
        return []
    try:
        items = json.loads(bytes(data.data(MIME)).decode())
        return [DealRef(int(i), int(v), int(s)) for i, v, s in items]
    except (ValueError, TypeError):
        return []  # another program's data under our type: not a drop of ours


class StageCardsModel(WindowedTableModel):
    """One stage's deal cards, newest in the stage first."""

    deal_dropped = Signal(object, int)  # list[DealRef], this column's stage id

    def __init__(self, stage_id: int, fetch, count, runner, clock, parent=None) -> None:
        column = Column("card", "", 200, lambda c: c.title, sortable=False)
        super().__init__([column], fetch, count, runner, clock, parent)
        self.stage_id = stage_id

    def data(self, index: QModelIndex, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if role == CARD_ROLE:
            return self.row_at(index.row()) if index.isValid() else None
        return super().data(index, role)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        card = self.loaded_row(index.row())
        drag = Qt.ItemFlag.ItemIsDragEnabled if card is not None else Qt.ItemFlag.NoItemFlags
        return super().flags(index) | drag

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        cards = [self.loaded_row(i.row()) for i in indexes]
        return encode([DealRef(c.id, c.version, c.stage_id) for c in cards if c is not None])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        refs = decode(data)
        return bool(refs) and any(r.stage_id != self.stage_id for r in refs)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        refs = [r for r in decode(data) if r.stage_id != self.stage_id]
        if refs:
            self.deal_dropped.emit(refs, self.stage_id)
        # False: the card stays where it is until the database agrees (then columns reload).
        return False


class CardDelegate(QStyledItemDelegate):
    """Paints a card: title, customer, amount and owner, days in the stage, the stale and the
    approval markers."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(1, CARD_HEIGHT)  # as wide as the column: the view stretches it

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        card = index.data(CARD_ROLE)
        # The application's palette: the column's own paints its background in alternate-base.
        palette = QApplication.palette()
        rect = option.rect.adjusted(4, 3, -4, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        border = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 5, 5)
        if card is None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "…")
            painter.restore()
            return
        if card.stale:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(STALE)
            painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        inner = rect.adjusted(10, 6, -8, -6)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        bold = QFont(option.font)
        bold.setBold(True)
        line = QFontMetrics(option.font).height() + 2

        amount = money(card.amount, cents=False) if card.amount else ""  # not priced yet
        painter.setFont(bold)
        amount_width = QFontMetrics(bold).horizontalAdvance(amount) + 6
        title = QFontMetrics(bold).elidedText(
            card.title, Qt.TextElideMode.ElideRight, inner.width() - amount_width
        )
        painter.setPen(text)
        top = QRect(inner.left(), inner.top(), inner.width(), line)
        painter.drawText(
            top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title
        )
        painter.drawText(
            top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), amount
        )

        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        second = top.translated(0, line)
        customer = metrics.elidedText(
            card.customer_name, Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(
            second, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), customer
        )

        third = second.translated(0, line)
        words = deal_words()
        days = (
            words.stale(card.days_in_stage)
            if card.stale
            else words.days_in_stage(card.days_in_stage)
        )
        painter.setPen(STALE if card.stale else muted)
        days_width = metrics.horizontalAdvance(days) + 8
        painter.drawText(
            third, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), days
        )
        painter.setPen(muted)
        owner = card.owner_name
        if card.awaiting_approval:
            painter.setPen(APPROVAL)
            owner = self.tr("⏳ Awaiting approval")
        owner = metrics.elidedText(owner, Qt.TextElideMode.ElideRight, inner.width() - days_width)
        painter.drawText(
            third, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), owner
        )
        painter.restore()


def card_tooltip(card) -> str:
    return "\n".join(
        p for p in (card.title, card.customer_name, money(card.amount), card.owner_name) if p
    )


class StageList(QListView):
    """A column's cards. Drag a card out; drop on it to move deals into this stage."""

    drag_started = Signal()
    drag_finished = Signal()  # the drag's own event loop is over (its drop, if any, is in)

    def __init__(self, model: StageCardsModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setItemDelegate(CardDelegate(self))
        self.setUniformItemSizes(True)  # 10,000 cards: no per-row size questions
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(True)  # a drop anywhere on the column is a drop on it
        self.setDropIndicatorShown(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(170)  # five stages fit beside the navigation at 1400 px
        self.setObjectName("stageList")

    def startDrag(self, supported_actions) -> None:
        self.drag_started.emit()
        try:
            super().startDrag(supported_actions)
        finally:
            self.drag_finished.emit()

    filtered = False  # the page's filters hide deals: an empty column says so

    def empty_text(self) -> str:
        if self.filtered:
            return self.tr("No deal in this stage matches the filters.")
        return self.tr("No deals here. Drag a card here to move it.")

    def card_at(self, row: int):
        return self.model().loaded_row(row)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.model().rowCount() == 0 and not self.model().is_loading:
            painter = QPainter(self.viewport())
            painter.setPen(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(12, 24, -12, -12)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(area, int(flags | Qt.TextFlag.TextWordWrap), self.empty_text())
            painter.end()


class StageColumn(QFrame):
    """A stage's heading (name, count, sum, weighted sum) over its cards."""

    def __init__(self, title: str, model: StageCardsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageColumn")
        self.stage_id = model.stage_id
        self.model = model
        self.title = QLabel(title)
        self.title.setObjectName("stageTitle")
        self.figures = QLabel("…")
        self.figures.setObjectName("stageFigures")
        # A narrow column wraps its figures instead of widening the board past the window.
        self.figures.setWordWrap(True)
        self.title.setMinimumWidth(1)
        self.list = StageList(model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.figures)
        layout.addWidget(self.list, 1)

    def set_figures(self, count: int, total, weighted) -> None:
        words = deal_words()
        self.figures.setText(
            # Two lines: a narrow column never breaks a sum (¥889.6 | 万) across them.
            self.tr("%1 · %2\nweighted %3")
            .replace("%1", words.deals(count))
            .replace("%2", short_money(total))
            .replace("%3", short_money(weighted))
        )
        self.figures.setToolTip(
            self.tr("Sum %1, weighted by probability %2")
            .replace("%1", money(total))
            .replace("%2", money(weighted))
        )


class DropZone(QLabel):
    """Won or Lost: drop cards here (the page asks what it needs to close them)."""

    deal_dropped = Signal(object, str)  # list[DealRef], "won" / "lost"

    def __init__(self, kind: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.kind = kind
        self.setObjectName(f"{kind}Zone")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAcceptDrops(True)
        self.setMinimumHeight(44)
        self.setProperty("hover", False)

    def _hover(self, on: bool) -> None:
        self.setProperty("hover", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event) -> None:
        if decode(event.mimeData()):
            event.acceptProposedAction()
            self._hover(True)

    def dragLeaveEvent(self, event) -> None:
        self._hover(False)

    def dropEvent(self, event) -> None:
        self._hover(False)
        refs = decode(event.mimeData())
        if refs:
            self.deal_dropped.emit(refs, self.kind)
            # Ignored: the source keeps its card until the database agreed.
            event.setDropAction(Qt.DropAction.IgnoreAction)
            event.accept()
