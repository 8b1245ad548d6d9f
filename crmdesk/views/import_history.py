"""Import history (File › Import history…): the imports — when, who, which file, what, how it
ended and its counts — and "Undo this import", which removes what an import created and
restores what it changed, except rows someone changed since, which it lists with why. Reads
and the undo run off the GUI thread; the undo's change goes on the change bus."""

from __future__ import annotations

import logging

from PySide6.QtCore import QAbstractTableModel, QByteArray, QModelIndex, QObject, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import WriteResult
from crmdesk.models.errors import CrmError
from crmdesk.models.excel_types import ImportRow, UndoResult
from crmdesk.tasks import alive
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.import_words import import_words, number
from crmdesk.views.labels import labelled, local_time, sentences

log = logging.getLogger(__name__)
GEOMETRY = "import_history/geometry"
LISTED = 10  # rows an undo left alone, named one by one


class HistoryQuestions(QObject):
    def undo(self, parent: QWidget, row: ImportRow) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Undo this import"))
        box.setText(self.tr("Undo the import of %1 (%2)?")
                    .replace("%1", row.file_name or "—")
                    .replace("%2", local_time(row.started_at)))  # fmt: skip
        box.setInformativeText(sentences(
            self.tr("It removes the %Ln record(s) the import created", "", row.created),
            self.tr("and restores the %Ln record(s) it changed.", "", row.updated),
            self.tr("Records someone changed since are left alone, and listed."),
        ))  # fmt: skip
        undo = box.addButton(self.tr("Undo the import"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is undo


def confirm_undo(parent: QWidget, row: ImportRow) -> bool:
    return HistoryQuestions().undo(parent, row)


class ImportHistoryTableModel(QAbstractTableModel):
    COLUMNS = ("when", "who", "file", "kind", "status", "created", "updated", "skipped", "failed")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ImportRow] = []
        self.words = import_words()

    def set_rows(self, rows: list[ImportRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def text(self, row: ImportRow, key: str) -> str:
        if key == "when":
            return local_time(row.started_at)
        if key == "who":
            return row.actor_name
        if key == "file":
            return f"{row.file_name} · {row.sheet}" if row.sheet else row.file_name
        if key == "kind":
            return self.words.kind(row.kind)
        if key == "status":
            return self.words.status("undone" if row.undone_at else row.status)
        return number(getattr(row, key))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, key = self.rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "status" and row.undone_at:
            return self.tr("Undone at %1").replace("%1", local_time(row.undone_at))
        if role == Qt.ItemDataRole.ToolTipRole and key == "file":
            return self.text(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("When"), self.tr("By"), self.tr("File"), self.tr("What"), self.tr("Status"),
            self.tr("Created"), self.tr("Updated"), self.tr("Skipped"), self.tr("Not imported"),
        )[section]  # fmt: skip


class ImportHistoryDialog(QDialog):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.setWindowTitle(self.tr("Import history"))
        self.ctx = ctx
        self.words = import_words()
        self.model = ImportHistoryTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        for column, width in enumerate((130, 100, 240, 80, 80, 70, 70, 70, 90)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.empty = QLabel(self.tr("No imports yet."))
        self.empty.hide()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()  # an undo of many rows runs in units of work
        self.progress.hide()
        self.undo = QPushButton(self.tr("Undo this import…"))
        self.undo.setEnabled(False)
        self.undo.clicked.connect(self._on_undo_clicked)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.result)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self._undoing = False
        settings = ctx.settings
        geometry = settings.value(GEOMETRY) if settings is not None else None
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(980, 480)
        ctx.bus.changed.connect(self._on_data_changed)
        self.load()

    def load(self) -> None:
        ws = self.ctx.workspace
        self.ctx.read(ws.imports, self._on_loaded, self._on_load_failed, owner=self,
                      key="imports")  # fmt: skip

    def _on_load_failed(self, exc: BaseException) -> None:
        log.warning("import history not read: %r", exc)
        self.result.setText(error_text(exc))

    def _on_loaded(self, rows: list[ImportRow]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        ids = [r.id for r in rows]
        if selected is not None and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        self._on_selection_changed()

    @Slot(object)
    def _on_data_changed(self, _change) -> None:
        if alive(self) and not self._undoing:
            self.load()

    def selected(self) -> ImportRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows else None

    def select_import(self, import_id: int) -> None:
        ids = [r.id for r in self.model.rows]
        if import_id in ids:
            self.table.selectRow(ids.index(import_id))

    def _on_selection_changed(self, *_args) -> None:
        row = self.selected()
        may = row is not None and row.may_undo and row.undone_at is None
        may = may and row.status != "undone" and not self._undoing
        self.undo.setEnabled(bool(may))
        if row is not None and row.undone_at is not None:
            self.undo.setToolTip(self.tr("This import was undone already."))
        elif row is not None and not row.may_undo:
            self.undo.setToolTip(self.tr("Only the person who imported it or an administrator "
                                         "may undo it."))  # fmt: skip
        else:
            self.undo.setToolTip("")

    @Slot()
    def _on_undo_clicked(self) -> None:
        row = self.selected()
        if row is None or not confirm_undo(self, row):
            return
        ws = self.ctx.workspace
        self._undoing = True
        self.undo.setEnabled(False)
        self.result.setText(self.tr("Undoing the import…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        # With progress it runs on the long writes' lane, a unit at a time: the window's own
        # saves go on meanwhile.
        self.ctx.write(
            lambda control: ws.undo_import(row.id, control),
            self._on_undone,
            self._on_undo_failed,
            owner=self,
            on_progress=self._on_progressed,
        )

    def _on_progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _on_undone(self, result: WriteResult[UndoResult]) -> None:
        self._undoing = False
        self.progress.hide()
        text = self.undo_text(result.value)
        if not result.value.complete:
            text += "\n" + self.tr("The undo stopped before the end; undo the import again to "
                                   "finish it.")  # fmt: skip
        self.result.setText(text)
        self.load()

    def _on_undo_failed(self, exc: BaseException) -> None:
        self._undoing = False
        self.progress.hide()
        if isinstance(exc, CrmError) and exc.code == "already_undone":
            self.result.setText(self.tr("This import was undone already."))
        else:
            log.info("undo failed: %r", exc)
            self.result.setText(error_text(exc))
        self.load()

    def undo_text(self, result: UndoResult) -> str:
        words = self.words
        lines = [sentences(words.removed(result.removed), words.restored(result.restored))]
        if result.left:
            lines.append(words.left(len(result.left)))
            for entity, entity_id, name, code in result.left[:LISTED]:
                what = f"{words.entity(entity)} {name or '#' + str(entity_id)}"
                lines.append("  " + labelled(what, words.left_reason(code)))
            if len(result.left) > LISTED:
                lines.append("  " + words.more(len(result.left) - LISTED))
        return "\n".join(lines)

    def done(self, result: int) -> None:
        if self.ctx.settings is not None:
            self.ctx.settings.setValue(GEOMETRY, self.saveGeometry())
        super().done(result)


def open_import_history(ctx: PageContext, parent: QWidget) -> ImportHistoryDialog:
    """The history over the window: the one already open is brought to the front."""
    for shown in parent.findChildren(ImportHistoryDialog):
        if alive(shown) and shown.isVisible():
            shown.raise_()
            shown.activateWindow()
            shown.load()
            return shown
    dialog = ImportHistoryDialog(ctx, parent)
    dialog.show()
    return dialog
