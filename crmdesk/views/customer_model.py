"""CustomerTableModel: a windowed view over any number of customers.

It holds the total (from COUNT) and a small cache of pages; a page is fetched from the
workspace when the view first paints one of its rows, so the scrollbar is true and End jumps to
the last row at once. Sorting re-queries in SQL. Plain CustomerRow values only, no SQL here."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from crmdesk.models.customers import CustomerRow
from crmdesk.views.labels import local_time, status_label

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGN, ID_ROLE})
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
PAGE_SIZE = 100  # a screen shows ~30 rows; a smaller page is a faster first paint
MAX_PAGES = 80  # ~8,000 rows kept


@dataclass(frozen=True)
class ColumnSpec:
    key: str  # also the sort key understood by models.customers.SORT_KEYS
    title: str
    width: int
    value: Callable[[CustomerRow], str]
    sortable: bool = True
    center: bool = False


def customer_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec(
            "name",
            QCoreApplication.translate("CustomerTableModel", "Customer"),
            260,
            lambda r: r.name,
        ),
        ColumnSpec(
            "level",
            QCoreApplication.translate("CustomerTableModel", "Level"),
            50,
            lambda r: r.level,
            center=True,
        ),
        ColumnSpec(
            "status",
            QCoreApplication.translate("CustomerTableModel", "Status"),
            80,
            lambda r: status_label(r.status),
        ),
        ColumnSpec(
            "contact",
            QCoreApplication.translate("CustomerTableModel", "Contact"),
            90,
            lambda r: r.contact_name,
            sortable=False,
        ),
        ColumnSpec(
            "mobile",
            QCoreApplication.translate("CustomerTableModel", "Mobile"),
            120,
            lambda r: r.contact_mobile,
            sortable=False,
        ),
        ColumnSpec(
            "owner",
            QCoreApplication.translate("CustomerTableModel", "Owner"),
            90,
            lambda r: r.owner_name,
        ),
        ColumnSpec(
            "industry",
            QCoreApplication.translate("CustomerTableModel", "Industry"),
            100,
            lambda r: r.industry,
        ),
        ColumnSpec(
            "province",
            QCoreApplication.translate("CustomerTableModel", "Province"),
            70,
            lambda r: r.province,
        ),
        ColumnSpec(
            "city", QCoreApplication.translate("CustomerTableModel", "City"), 70, lambda r: r.city
        ),
        ColumnSpec(
            "source",
            QCoreApplication.translate("CustomerTableModel", "Source"),
            80,
            lambda r: r.source,
        ),
        ColumnSpec(
            "tags",
            QCoreApplication.translate("CustomerTableModel", "Tags"),
            120,
            lambda r: r.tags.replace(",", ", "),
            sortable=False,
        ),
        ColumnSpec(
            "last_follow_up_at",
            QCoreApplication.translate("CustomerTableModel", "Last follow-up"),
            130,
            lambda r: local_time(r.last_follow_up_at),
        ),
        ColumnSpec(
            "next_follow_up_at",
            QCoreApplication.translate("CustomerTableModel", "Next follow-up"),
            130,
            lambda r: local_time(r.next_follow_up_at),
        ),
        ColumnSpec(
            "created_at",
            QCoreApplication.translate("CustomerTableModel", "Created"),
            100,
            lambda r: local_time(r.created_at, False),
        ),
        ColumnSpec(
            "updated_at",
            QCoreApplication.translate("CustomerTableModel", "Updated"),
            130,
            lambda r: local_time(r.updated_at),
        ),
    ]


class CustomerTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # key, descending
    fetch_failed = Signal(object)

    def __init__(self, fetch_page: Callable[[int, int], list[CustomerRow]], parent=None) -> None:
        super().__init__(parent)
        self.columns = customer_columns()
        self._fetch_page = fetch_page
        self._total = 0
        self._pages: OrderedDict[int, list[CustomerRow]] = OrderedDict()
        self._now = datetime.utcnow()
        self._overdue = QBrush(QColor("#d9363e"))

    # -- feeding
    def reset(
        self, total: int, first_page: list[CustomerRow] | None = None, now: datetime | None = None
    ) -> None:
        self.beginResetModel()
        self._total = total
        self._pages.clear()
        if first_page is not None:
            self._pages[0] = first_page
        self._now = now or datetime.utcnow()
        self.endResetModel()

    def set_total(self, total: int) -> None:
        """The count may arrive after the first page: grow or shrink the rows to match."""
        if total == self._total:
            return
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        else:
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            self.endRemoveRows()

    def row_at(self, row: int) -> CustomerRow | None:
        if not 0 <= row < self._total:
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            try:
                page = self._fetch_page(page_no * PAGE_SIZE, PAGE_SIZE)
            except Exception as exc:
                self.fetch_failed.emit(exc)
                page = []
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def id_at(self, row: int) -> int | None:
        r = self.row_at(row)
        return r.id if r else None

    def row_of_id(self, customer_id: int) -> int | None:
        for page_no, page in self._pages.items():
            for i, r in enumerate(page):
                if r.id == customer_id:
                    return page_no * PAGE_SIZE + i
        return None

    # -- Qt
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        # Called ~10 times per visible cell per paint: plain ints, no enum comparisons (which
        # are Python-level in PySide6 and made a repaint of one screen cost ~40 ms).
        if role not in _ROLES or not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == _ALIGN:
            return _CENTER if column.center else _LEFT
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == _DISPLAY:
            return column.value(row)
        if role == ID_ROLE:
            return row.id
        if role == _FOREGROUND:
            if (
                column.key == "next_follow_up_at"
                and row.next_follow_up_at is not None
                and row.next_follow_up_at < self._now
            ):
                return self._overdue
            return None
        text = column.value(row)  # tooltip: the long texts only
        return text if column.key in ("name", "tags") and text else None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column].sortable:
            self.sort_requested.emit(
                self.columns[column].key, order == Qt.SortOrder.DescendingOrder
            )
