"""The distribution editor's data: GridState (a TargetGrid as read, the user's unsaved edits over
it, and the roll-ups and unallocated remainders recomputed with those edits) and
TargetTreeModel, the Qt tree model over it (company → teams → reps; columns: the row's name,
the year, Q1–Q4, the twelve months).

Roll-ups come from the rules' own TargetTree (models/target_tree.py). The grid holds only the
rows the actor sees, so a manager's company row also counts teams they cannot see: a figure
shown is the grid's plus the difference the edits make to the visible rows, which is exact
because an edit only ever changes rows the actor sees and edits.

Unallocated: a set cell whose children (periods or people) do not add up to it gets a tinted
background (amber: some left to split; red: the children pass it) and a tooltip saying how
much; the panel under the tree says it in words for the selected cell. Only on rows the user
may edit: a warning about what they cannot change is noise (a rep sees none)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from crmdesk.models.periods import Period
from crmdesk.models.target_split import MAX_TOTAL
from crmdesk.models.target_tree import Person, StoredCell, TargetTree
from crmdesk.models.targets import TargetGrid, TargetInput, TargetRow
from crmdesk.views import target_words as words

Key = tuple[str, int, Period]
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Translucent tints: they read on a light and on a dark base alike.
UNDER_TINT = QColor(255, 170, 0, 70)
OVER_TINT = QColor(230, 40, 40, 80)
COLUMN_PAD = 18  # a cell's margins and the focus frame, either side of the text
# The widest a figure's column grows: 9,999,999,999 (a larger one is elided; its tooltip and
# the line under the tree say it whole).
WIDEST_FIGURE = "9,999,999,999"
NAME_CAP = 280


@dataclass(frozen=True)
class CellView:
    value: Decimal | None  # set (by the grid or an edit); None: unset
    shown: Decimal | None  # set, or rolled up
    people_left: Decimal | None
    periods_left: Decimal | None
    edited: bool
    stored: Decimal | None  # the grid's value (what Revert brings back)


def _combine(grid: Decimal | None, t0: Decimal | None, t1: Decimal | None) -> Decimal | None:
    """The grid's figure moved by what the edits changed (t1 − t0) over the visible rows."""
    if grid is None and t1 is None:
        return None
    return (t1 or Decimal(0)) + ((grid or Decimal(0)) - (t0 or Decimal(0)))


def _left(grid: Decimal | None, t0: Decimal | None, t1: Decimal | None) -> Decimal | None:
    if t1 is None:
        return None
    if grid is None or t0 is None:
        return t1
    return t1 + grid - t0


class GridState:
    """A grid, the edits over it ((scope, id, period) → (value or None to clear, the version
    the user saw)), and what every cell shows with them."""

    def __init__(self) -> None:
        self.grid: TargetGrid | None = None
        self.edits: dict[Key, tuple[Decimal | None, int | None]] = {}
        self._rows: dict[tuple[str, int], TargetRow] = {}
        self._t0: TargetTree | None = None
        self._t1: TargetTree | None = None

    def set_grid(self, grid: TargetGrid | None, *, keep_edits: bool = True) -> None:
        self.grid = grid
        if not keep_edits:
            self.edits = {}
        self._rows = {(r.scope, r.scope_id): r for r in grid.rows} if grid else {}
        if grid is not None:  # an edit the fresh grid already holds is no longer an edit
            self.edits = {
                k: e
                for k, e in self.edits.items()
                if (k[0], k[1]) in self._rows and self._stored(k) != e[0]
            }
        self._rebuild(base=True)

    def _stored(self, key: Key) -> Decimal | None:
        row = self._rows.get((key[0], key[1]))
        return row.cell(key[2]).value if row is not None else None

    def _stored_version(self, key: Key) -> int | None:
        row = self._rows.get((key[0], key[1]))
        return row.cell(key[2]).version if row is not None else None

    def _rebuild(self, base: bool = False) -> None:
        grid = self.grid
        if grid is None:
            self._t0 = self._t1 = None
            return
        visible = set(self._rows)
        people = [
            Person(
                r.scope,
                r.scope_id,
                r.name,
                r.login,
                r.team_id,
                r.parent if r.parent in visible else None,
                r.depth,
            )
            for r in grid.rows
        ]
        cells = {
            (r.scope, r.scope_id, c.period): StoredCell(c.value, c.version or 0, None)
            for r in grid.rows
            for c in r.cells
            if c.value is not None
        }
        if base or self._t0 is None:
            self._t0 = TargetTree(grid.year, people, dict(cells))
        for key, (value, _version) in self.edits.items():
            if value is None:
                cells.pop(key, None)
            else:
                cells[key] = StoredCell(value, 0, None)
        self._t1 = TargetTree(grid.year, people, cells)

    @property
    def dirty(self) -> bool:
        return bool(self.edits)

    def set_value(self, key: Key, value: Decimal | None) -> bool:
        """Edit a cell (None clears it); True when that changed what the cell holds."""
        current = self.edits[key][0] if key in self.edits else self._stored(key)
        if current == value and (value is None) == (current is None):
            return False
        if self._stored(key) == value:
            self.edits.pop(key, None)
        else:
            version = self.edits[key][1] if key in self.edits else self._stored_version(key)
            self.edits[key] = (value, version)
        self._rebuild()
        return True

    def revert(self) -> None:
        self.edits = {}
        self._rebuild()

    def rebase(self, keys) -> None:
        """Take the grid's current versions for these edited cells: the user was told a
        colleague changed them and chose to save theirs over it."""
        for key in keys:
            if key in self.edits:
                self.edits[key] = (self.edits[key][0], self._stored_version(key))

    def cell(self, scope: str, scope_id: int, period: Period) -> CellView:
        row = self._rows[(scope, scope_id)]
        c = row.cell(period)
        node, key = (scope, scope_id), (scope, scope_id, period)
        t0, t1 = self._t0, self._t1
        edited = key in self.edits
        value = self.edits[key][0] if edited else c.value
        return CellView(
            value,
            _combine(c.shown, t0.shown(node, period), t1.shown(node, period)),
            _left(c.people_left, t0.people_left(node, period), t1.people_left(node, period)),
            _left(c.periods_left, t0.periods_left(node, period), t1.periods_left(node, period)),
            edited,
            c.value,
        )

    def inputs(self) -> list[TargetInput]:
        grid = self.grid
        if grid is None:
            return []
        return [
            TargetInput(grid.metric, s, sid, p, value, version)
            for (s, sid, p), (value, version) in sorted(
                self.edits.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])
            )
        ]


def value_problem_code(metric: str, unit: Decimal, value: Decimal | None) -> str | None:
    if value is None:
        return None
    if value < 0:
        return "negative"
    if value >= MAX_TOTAL:
        return "too_large"
    if value % unit:
        return "not_whole"
    return None


class TargetTreeModel(QAbstractItemModel):
    """The grid as a tree; cells of rows the actor may edit are editable (not while saving)."""

    problem = Signal(str)  # a typed value that cannot be a target, in words; "" once one is
    edited = Signal()  # the edits changed (dirty or not)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.state = GridState()
        self.read_only = False
        self._rows: list[TargetRow] = []
        self._parent: list[int | None] = []
        self._kids: dict[int | None, list[int]] = {None: []}
        self._bold = QFont()
        self._bold.setBold(True)
        self._bold.setItalic(True)

    # -- loading and editing
    def set_grid(self, grid: TargetGrid | None, *, keep_edits: bool = True) -> None:
        self.beginResetModel()
        self.state.set_grid(grid, keep_edits=keep_edits)
        rows = list(grid.rows) if grid else []
        where = {(r.scope, r.scope_id): i for i, r in enumerate(rows)}
        self._rows = rows
        self._parent = [where.get(r.parent) if r.parent else None for r in rows]
        self._kids = {None: []}
        for i, p in enumerate(self._parent):
            self._kids.setdefault(p, []).append(i)
        self.endResetModel()
        self.edited.emit()

    @property
    def grid(self) -> TargetGrid | None:
        return self.state.grid

    @property
    def periods(self) -> tuple[Period, ...]:
        return self.grid.periods if self.grid else ()

    def set_values(self, values: dict[Key, Decimal | None]) -> None:
        changed = False
        for key, value in values.items():
            changed |= self.state.set_value(key, value)
        if changed:
            self._refresh()
            self.edited.emit()

    def revert(self) -> None:
        self.state.revert()
        self._refresh()
        self.edited.emit()

    def drop_edits(self, saved: dict) -> None:
        """The edits a save wrote stop being edits (later ones stay)."""
        state = self.state
        state.edits = {k: e for k, e in state.edits.items() if saved.get(k) != e}
        state.set_grid(state.grid)
        self._refresh()
        self.edited.emit()

    def _refresh(self) -> None:
        """Every figure may have moved (roll-ups, remainders): repaint them all."""
        last = self.columnCount() - 1
        for parent, kids in self._kids.items():
            if not kids:
                continue
            top = self._index_of(parent) if parent is not None else QModelIndex()
            self.dataChanged.emit(self.index(0, 0, top), self.index(len(kids) - 1, last, top))

    # -- lookups
    def row_of(self, index: QModelIndex) -> TargetRow | None:
        if not index.isValid():
            return None
        return self._rows[index.internalId()]

    def period_of(self, index: QModelIndex) -> Period | None:
        if not index.isValid() or index.column() == 0:
            return None
        return self.periods[index.column() - 1]

    def key_of(self, index: QModelIndex) -> Key | None:
        row, period = self.row_of(index), self.period_of(index)
        return None if row is None or period is None else (row.scope, row.scope_id, period)

    def _index_of(self, i: int, column: int = 0) -> QModelIndex:
        siblings = self._kids[self._parent[i]]
        return self.createIndex(siblings.index(i), column, i)

    def index_of(self, scope: str, scope_id: int, period: Period | None = None) -> QModelIndex:
        for i, r in enumerate(self._rows):
            if (r.scope, r.scope_id) == (scope, scope_id):
                if period is not None and period not in self.periods:
                    return QModelIndex()  # a period of another year
                column = 0 if period is None else self.periods.index(period) + 1
                return self._index_of(i, column)
        return QModelIndex()

    def children_of(self, row: TargetRow) -> list[TargetRow]:
        i = self._rows.index(row)
        return [self._rows[k] for k in self._kids.get(i, [])]

    def row_name(self, row: TargetRow) -> str:
        return words.company_name() if row.scope == "company" else row.name

    # -- QAbstractItemModel
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        key = parent.internalId() if parent.isValid() else None
        kids = self._kids.get(key, [])
        if not (0 <= row < len(kids) and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        p = self._parent[index.internalId()]
        return QModelIndex() if p is None else self._index_of(p)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        key = parent.internalId() if parent.isValid() else None
        return len(self._kids.get(key, []))

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1 + len(self.periods) if self.grid else 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            if section == 0:
                return QCoreApplication.translate("TargetTreeModel", "Team / rep")
            if 0 < section <= len(self.periods):
                return words.period_column(self.periods[section - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return _RIGHT
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self.row_of(index)
        if index.column() > 0 and row is not None and row.editable and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        row = self.row_of(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(0, 24)  # a comfortable row (the tree's rows are uniform)
        if index.column() == 0:
            if role == _DISPLAY:
                return self.row_name(row)
            if role == Qt.ItemDataRole.ToolTipRole and row.scope == "rep":
                return f"{row.name} ({row.login})" if row.login else row.name
            return None
        cell = self.state.cell(row.scope, row.scope_id, self.periods[index.column() - 1])
        metric = self.grid.metric
        if role == _DISPLAY:
            return words.value_text(metric, cell.shown, sign=False)
        if role == _EDIT:
            return "" if cell.value is None else str(cell.value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and cell.edited:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and cell.value is None:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.BackgroundRole:
            if not row.editable:
                return None  # no warning about what the user cannot change
            lefts = [v for v in (cell.people_left, cell.periods_left) if v]
            if any(v < 0 for v in lefts):
                return QBrush(OVER_TINT)
            if lefts:
                return QBrush(UNDER_TINT)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return words.cell_text(metric, row, cell, index.column() == 1, "\n") or None
        return None

    def setData(self, index: QModelIndex, value, role: int = _EDIT) -> bool:
        key = self.key_of(index)
        if role != _EDIT or key is None or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        parsed = words.parse_value(str(value if value is not None else ""))
        code = parsed if isinstance(parsed, str) else None
        if code is None:
            code = value_problem_code(self.grid.metric, self.grid.unit, parsed)
        if code is not None:
            self.problem.emit(words.value_problem(code))
            return False
        if parsed is not None:
            parsed = parsed.quantize(self.grid.unit)
        self.set_values({key: parsed})
        self.problem.emit("")  # the cell holds a valid value: an earlier complaint is over
        return True

    def column_texts(self, column: int) -> list[str]:
        """What every row shows in a column of figures (the panel sizes the column by it)."""
        if column <= 0 or column > len(self.periods):
            return []
        period, metric = self.periods[column - 1], self.grid.metric
        return [
            words.value_text(metric, self.state.cell(r.scope, r.scope_id, period).shown,
                             sign=False)
            for r in self._rows
        ]  # fmt: skip


def fit_columns(tree, model: TargetTreeModel) -> None:
    """Each column of the tree as wide as its widest text (its title, or a figure in the font
    an edited cell uses), up to a cap: no "130,544,…"; the tree scrolls sideways instead."""
    if model.grid is None:
        return
    font = QFont(tree.font())
    font.setBold(True)
    font.setItalic(True)
    cells, head = QFontMetrics(font), tree.header().fontMetrics()
    cap = cells.horizontalAdvance(WIDEST_FIGURE) + COLUMN_PAD
    indent = tree.indentation()
    names = [indent * (r.depth + 1) + cells.horizontalAdvance(model.row_name(r))
             for r in model.grid.rows]  # fmt: skip
    title = head.horizontalAdvance(str(model.headerData(0, Qt.Orientation.Horizontal)))
    tree.setColumnWidth(0, min(max([title, *names]) + COLUMN_PAD, NAME_CAP))
    for column in range(1, model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        need = [cells.horizontalAdvance(t) for t in model.column_texts(column)]
        need.append(head.horizontalAdvance(title))
        tree.setColumnWidth(column, min(max(need) + COLUMN_PAD, cap))
