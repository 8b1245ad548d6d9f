"""The targets page's Distribution tab: the tree of one metric's year (company → teams → reps ×
year, quarters, months) to type targets into, the split buttons, Save / Revert, Export… and
Import….

Edits stay in the model (target_grid_model.GridState) until saved: a reload of the grid (a
colleague's change, a change of another kind) keeps them; a failed save keeps them and says
why; a conflict names who changed which cells, and the next Save puts the user's values over
theirs (after being told). Revert asks before it throws edits away. Reading and writing go
through the task runner (ctx.read / ctx.write): the GUI thread never waits on the database.

Who may change no row at all (a rep) finds Import…, the split buttons, Save and Revert disabled,
a tooltip saying why. A message under the tree stays only while it is true: a typed value's
problem goes once a valid value is typed, a file's once the next import works. The columns are
as wide as their widest figure (measured with the view's font, capped; the tree scrolls)."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QStandardPaths,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.errors import Conflict, ValidationFailed
from crmdesk.models.excel_types import BadFile
from crmdesk.models.periods import Period
from crmdesk.models.targets import TargetGrid, TargetRow
from crmdesk.views import file_dialogs
from crmdesk.views import target_words as words
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.import_words import import_words
from crmdesk.views.labels import listing, local_time, sentences
from crmdesk.views.target_grid_model import TargetTreeModel, fit_columns
from crmdesk.views.target_import_dialog import TargetImportDialog
from crmdesk.views.target_split_dialog import SplitDialog
from crmdesk.views.widgets import problem_label

FOLDER_SETTING = "targets/folder"


def ask_revert(parent: QWidget, count: int) -> bool:
    """Revert throws the unsaved edits away: True when the user says so (No is the default)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("DistributionPanel", "Revert"),
        QCoreApplication.translate("DistributionPanel", "Revert %n change(s)?", "", count),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "DistributionPanel", "The targets you changed go back to what is saved."
        )
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class DistributionPanel(QWidget):
    saved = Signal()  # the edits were saved (and the grid read again)
    grid_loaded = Signal(object)  # the TargetGrid (the page fills its scope list from it)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.metric_code, self.year = "won_amount", date.today().year
        self.saving = False
        self.loaded = False
        self.split_dialog: SplitDialog | None = None
        self.import_dialog: TargetImportDialog | None = None
        self._conflicts: list = []
        self._problem_kind = ""  # what the message under the tree is about: "cell", "file", …

        self.model = TargetTreeModel(self)
        self.model.problem.connect(self._on_model_problem)
        self.model.edited.connect(self._update_buttons)
        self.model.edited.connect(self.fit_columns)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setDefaultSectionSize(78)
        self.model.modelReset.connect(self._on_model_reset)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)

        self.save_button = QPushButton(self.tr("Save"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.months_button = QPushButton(self.tr("Split to months…"))
        self.people_button = QPushButton(self.tr("Split to teams / reps…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.revert_button.clicked.connect(self._on_revert_clicked)
        self.months_button.clicked.connect(lambda: self.open_split("months"))
        self.people_button.clicked.connect(lambda: self.open_split("people"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        bar = QHBoxLayout()
        for b in (self.months_button, self.people_button):
            bar.addWidget(b)
        bar.addStretch(1)
        for b in (self.export_button, self.import_button):
            bar.addWidget(b)
        bar.addSpacing(16)
        for b in (self.revert_button, self.save_button):
            bar.addWidget(b)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.problem = problem_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.info)
        layout.addWidget(self.problem)
        self._update_buttons()

    # -- reading
    @property
    def dirty(self) -> bool:
        return self.model.state.dirty

    def load(self, metric: str, year: int) -> None:
        """Show another metric or year (the page asked about unsaved edits first)."""
        if (metric, year) != (self.metric_code, self.year):
            self.model.revert()
        self.metric_code, self.year = metric, year
        self.reload()

    def reload(self) -> None:
        ws, metric, year = self.workspace, self.metric_code, self.year
        self.ctx.read(lambda: ws.target_grid(metric, year), self._on_grid_loaded,
                      self._on_read_failed, owner=self, key="grid")  # fmt: skip

    def _on_grid_loaded(self, grid: TargetGrid) -> None:
        if (grid.metric, grid.year) != (self.metric_code, self.year):
            return  # an answer for a grid the user has left
        current = self.model.key_of(self.tree.currentIndex())
        self.model.set_grid(grid, keep_edits=True)
        self.loaded = True
        if self._conflicts:  # the user was told: the next Save puts theirs over
            self.model.state.rebase(self._conflicts)
            self._conflicts = []
        if current is not None:
            self.select(current[0], current[1], current[2])
        self.grid_loaded.emit(grid)
        self._update_buttons()

    def _on_read_failed(self, exc: BaseException) -> None:
        self.show_problem(error_text(exc), "read")

    def show_problem(self, text: str, kind: str) -> None:
        """The message under the tree; kind: what it is about ("cell", "file", "save", "read"),
        so what puts it right takes it away."""
        self._problem_kind = kind
        self.problem.setText(text)
        self.problem.show()

    def clear_problem(self, *kinds: str) -> None:
        """Take the message away when it is about one of `kinds` (none given: whatever)."""
        if not kinds or self._problem_kind in kinds:
            self._problem_kind = ""
            self.problem.clear()
            self.problem.hide()

    @Slot()
    def _on_model_reset(self) -> None:
        self.tree.expandAll()
        self.fit_columns()

    @Slot()
    def fit_columns(self) -> None:
        fit_columns(self.tree, self.model)

    # -- selection and the line under the tree
    def select(self, scope: str, scope_id: int, period: Period | None = None) -> None:
        index = self.model.index_of(scope, scope_id, period)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def current(self) -> tuple[TargetRow | None, Period | None]:
        index = self.tree.currentIndex()
        return self.model.row_of(index), self.model.period_of(index)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, _current=None, _previous=None) -> None:
        self._update_buttons()

    def _update_info(self) -> None:
        row, period = self.current()
        if row is None or self.model.grid is None:
            self.info.setText(self._dirty_text())
            return
        period = period or Period(self.year)  # the name column: the row's year
        cell = self.model.state.cell(row.scope, row.scope_id, period)
        where = f"{self.model.row_name(row)} · {words.period_name(period)}"
        text = words.cell_text(self.metric_code, row, cell, period.kind == "year")
        if not row.editable:
            text = sentences(text, self.tr("You may not change this row."))
        self.info.setText(sentences(f"{where}: {text}" if text else where, self._dirty_text()))

    def _dirty_text(self) -> str:
        n = len(self.model.state.edits)
        return self.tr("%n unsaved change(s).", "", n) if n else ""

    @property
    def may_edit_any(self) -> bool:
        """Whether the user may change any row of the grid (a rep may change none)."""
        grid = self.model.grid
        return grid is not None and any(r.editable for r in grid.rows)

    @Slot()
    def _update_buttons(self) -> None:
        row, period = self.current()
        busy = self.saving
        may = self.may_edit_any
        self.save_button.setEnabled(self.dirty and not busy)
        self.revert_button.setEnabled(self.dirty and not busy)
        editable = row is not None and row.editable and not busy
        self.months_button.setEnabled(editable and (period is None or period.kind != "month"))
        has_kids = row is not None and row.scope in ("company", "team")
        self.people_button.setEnabled(editable and has_kids)
        self.import_button.setEnabled(may and not busy)
        self.export_button.setEnabled(self.loaded)
        if self.loaded and not may:
            why = self.tr("You may not change any target here.")
        elif row is not None and not row.editable:
            why = self.tr("You may not change this row.")
        else:
            why = ""
        for button in (self.months_button, self.people_button):
            button.setToolTip(why)
        for button in (self.import_button, self.save_button, self.revert_button):
            button.setToolTip(why if self.loaded and not may else "")
        self._update_info()

    @Slot(str)
    def _on_model_problem(self, text: str) -> None:
        """A typed value that cannot be a target ("" once a valid one is in)."""
        if text:
            self.show_problem(text, "cell")
        else:
            self.clear_problem("cell")

    # -- saving
    @Slot()
    def _on_save_clicked(self) -> None:
        self.save()

    def save(self, then=None, stay=None) -> None:
        """Save the edits; then() after a success, stay() after a failure (edits kept)."""
        cells = self.model.state.inputs()
        if self.saving or not cells:
            if then is not None and not cells:
                then()
            return
        sent = dict(self.model.state.edits)
        self.saving = True
        self.model.read_only = True
        self.clear_problem()
        self._update_buttons()

        def done(_result) -> None:
            self._end_save()
            # only what was saved stops being an edit (the grid read brings the values)
            self.model.drop_edits(sent)
            self.ctx.notify(self.tr("Targets saved."))
            self.saved.emit()
            self.reload()
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self._end_save()
            self.show_problem(self.failure_text(exc), "save")
            if isinstance(exc, Conflict):
                self._conflicts = [tuple(c) for c in exc.params.get("cells") or []]
                self.reload()
            if stay is not None:
                stay()

        ws = self.workspace
        self.ctx.write(lambda: ws.save_targets(cells), done, failed, owner=self)

    def _end_save(self) -> None:
        self.saving = False
        self.model.read_only = False
        self._update_buttons()

    def failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, Conflict):
            names = {(r.scope, r.scope_id): self.model.row_name(r) for r in self.model.grid.rows}
            cells = [f"{names.get((s, i), '')} {words.period_name(p)}"
                     for s, i, p in exc.params.get("cells") or []]  # fmt: skip
            who = exc.params.get("by") or self.tr("A colleague")
            at = exc.params.get("at")
            if at is not None:
                text = self.tr("%1 changed these targets at %2 while you were editing: %3.")
                text = text.replace("%2", local_time(at))
            else:
                text = self.tr("%1 changed these targets while you were editing: %3.")
            text = text.replace("%1", who).replace("%3", listing(cells[:8]))
            more = self.tr("Your values are kept. Save again to put yours over theirs, or "
                           "Revert to see theirs.")  # fmt: skip
            return sentences(text, more)
        if isinstance(exc, ValidationFailed):
            codes = [code for _field, code in exc.params.get("errors") or []]
            if codes:
                return sentences(self.tr("Nothing was saved."), words.value_problem(codes[0]))
        return sentences(error_text(exc), self.tr("Your values are kept."))

    @Slot()
    def _on_revert_clicked(self) -> None:
        count = len(self.model.state.edits)
        if not count or not ask_revert(self, count):
            return
        self.model.revert()
        self.clear_problem()

    # -- splitting
    def open_split(self, over: str) -> SplitDialog | None:
        row, period = self.current()
        if row is None or not row.editable:
            return None
        if over == "months":
            period = period if period is not None and period.kind == "quarter" else None
            period = period or Period(self.year)
            names = {m: words.month_name(m.month) for m in period.months()}
        else:
            period = period or Period(self.year)
            names = {(k.scope, k.scope_id): self.model.row_name(k)
                     for k in self.model.children_of(row)}  # fmt: skip
        cell = self.model.state.cell(row.scope, row.scope_id, period)
        total = cell.shown if cell.shown is not None else Decimal(0)
        heading = self.tr("Split %1's target for %2 (%3).")
        heading = (heading.replace("%1", self.model.row_name(row))
                   .replace("%2", words.period_name(period))
                   .replace("%3", words.value_text(self.metric_code, total)))  # fmt: skip
        dialog = SplitDialog(self.ctx, self.metric_code, period, row.scope, row.scope_id, over,
                             total, names, heading, self)  # fmt: skip
        self.split_dialog = dialog
        node = (row.scope, row.scope_id)

        def apply() -> None:
            if over == "months":
                values = {(node[0], node[1], m): v for m, v in dialog.parts.items()}
            else:
                values = {(k[0], k[1], period): v for k, v in dialog.parts.items()}
            if cell.value is None:  # the whole split is now this row's own target
                values[(node[0], node[1], period)] = total
            self.model.set_values(values)

        dialog.accepted.connect(apply)
        dialog.open()
        return dialog

    # -- files
    def _folder(self) -> str:
        settings = self.ctx.settings
        folder = str(settings.value(FOLDER_SETTING, "") or "") if settings is not None else ""
        if not folder or not os.path.isdir(folder):
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
        return folder

    def _remember(self, path: str) -> None:
        if self.ctx.settings is not None:
            self.ctx.settings.setValue(FOLDER_SETTING, os.path.dirname(path))

    @Slot()
    def _on_export_clicked(self) -> None:
        name = f"{words.metric_name(self.metric_code)} {self.year}.xlsx"
        path, _filter = file_dialogs.save_file_name(
            self, self.tr("Export targets"), os.path.join(self._folder(), name),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self._remember(path)
        ws, metric, year = self.workspace, self.metric_code, self.year

        def done(rows: int) -> None:
            text = self.tr("Exported %1 rows to %2.")
            self.ctx.notify(text.replace("%1", str(rows)).replace("%2", os.path.basename(path)))

        self.ctx.read(lambda: ws.export_targets(metric, year, path), done, self._on_file_failed,
                      owner=self)  # fmt: skip

    @Slot()
    def _on_import_clicked(self) -> None:
        path, _filter = file_dialogs.open_file_name(
            self, self.tr("Import targets"), self._folder(),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods)"),
        )  # fmt: skip
        if not path:
            return
        self._remember(path)
        ws, metric = self.workspace, self.metric_code

        def read():
            try:
                return ws.read_targets_file(path)
            except ValidationFailed as exc:  # the sheet's name is not a metric: the one shown
                if ("metric", "unknown") not in [tuple(e) for e in exc.params.get("errors", [])]:
                    raise
                return ws.read_targets_file(path, metric)

        self.ctx.read(read, self._on_file_read, self._on_file_failed, owner=self, key="import")

    def _on_file_read(self, plan) -> None:
        self.clear_problem("file")  # this file was read: the last one's problem is over
        dialog = TargetImportDialog(plan, self)
        self.import_dialog = dialog

        def chosen() -> None:
            keep_good = dialog.choice == "good"
            ws = self.workspace

            def done(result) -> None:
                self.clear_problem("file")
                text = self.tr("Imported %n target(s).", "", plan.cells)
                if result.value != plan.cells:  # some held those values already
                    changed = self.tr("%n changed.", "", result.value)
                    text = sentences(text, changed)
                self.ctx.notify(text)

            self.ctx.write(lambda: ws.import_targets(plan, keep_good=keep_good), done,
                           self._on_file_failed, owner=self)  # fmt: skip

        dialog.accepted.connect(chosen)
        dialog.open()

    def _on_file_failed(self, exc: BaseException) -> None:
        if isinstance(exc, BadFile):
            self.show_problem(import_words().bad_file(exc), "file")
        else:
            self.show_problem(error_text(exc), "file")
