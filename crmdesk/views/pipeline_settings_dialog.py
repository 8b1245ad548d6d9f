"""Pipeline settings (administrators): the pipelines and, for the chosen one, its name, whether
it is on, and its stages in order, each with its probability, when a deal in it goes stale and
its gate (required fields, a manager's approval, questions); also the lost reasons and the
products, in their own tabs, written as they change.

A pipeline's stages are saved together by Save (pipeline_admin.save_pipeline); a stage is
turned off by the model when removed here, and one still holding open deals stays, with the
reason said under the form and the stage put back in the list."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import WriteResult
from crmdesk.models.errors import Conflict, ValidationFailed
from crmdesk.models.pipeline import PipelineRow
from crmdesk.models.pipeline_admin import MAX_STAGES
from crmdesk.views import prompts
from crmdesk.views.context import PageContext
from crmdesk.views.deal_words import pipeline_name
from crmdesk.views.errors import error_text
from crmdesk.views.icons import set_icon
from crmdesk.views.pipeline_settings_lists import LostReasonsTab, ProductsTab
from crmdesk.views.pipeline_settings_parts import (
    PipelineSettingsWords,
    StageDraft,
    StageEditor,
)
from crmdesk.views.pool_settings_parts import KEY, buttons_row
from crmdesk.views.widgets import ok_cancel, problem_label

NEW = -1  # the list item of a pipeline not saved yet
Form = tuple  # what value() returns: compared to tell an edit


class PipelineSettingsDialog(QDialog):
    """Pick a pipeline on the left, edit it on the right, Save. What it needs loads as it
    opens; Save waits while the write runs; a problem is said under the form with nothing typed
    lost. Leaving a pipeline (or closing) with unsaved edits asks first."""

    pipeline_saved = Signal(int)  # the id of the pipeline just saved

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.pipelines: list[PipelineRow] = []
        self.pipeline_id: int | None = None  # the pipeline in the form; None: a new one
        self.version: int | None = None
        self.stages: list[StageDraft] = []
        self._removed: list[tuple[int, StageDraft]] = []  # (index it had, stage) since loaded
        self._shown_name = self._stored_name = ""  # a built-in pipeline's name, as for stages
        self._base: Form | None = None  # the form as loaded: anything else is an edit
        self._saving = False
        self.words = PipelineSettingsWords(self)
        self.setWindowTitle(self.tr("Pipeline settings"))

        self.pipeline_list = QListWidget()
        self.pipeline_list.setFixedWidth(190)
        self.pipeline_list.currentRowChanged.connect(self._on_pipeline_list_row_changed)
        self.new_button = QPushButton(self.tr("New pipeline"))
        self.new_button.setEnabled(False)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        left = QVBoxLayout()
        left.addWidget(self.pipeline_list, 1)
        left.addWidget(self.new_button)
        note = QLabel(
            self.tr("A pipeline is never deleted: turn it off to stop new deals using it.")
        )
        note.setWordWrap(True)
        note.setMaximumWidth(190)
        note.setEnabled(False)
        left.addWidget(note)

        self.reasons = LostReasonsTab(ctx)
        self.products = ProductsTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._pipeline_tab(), self.tr("Stages"))
        self.tabs.addTab(self.reasons, self.tr("Lost reasons"))
        self.tabs.addTab(self.products, self.tr("Products"))
        self.tabs.setEnabled(False)  # until loaded

        self.problems = problem_label()
        self.theirs_button = QPushButton(self.tr("Show their version"))
        self.theirs_button.hide()
        self.theirs_button.clicked.connect(self._on_theirs_button_clicked)
        problem_row = QHBoxLayout()
        problem_row.addWidget(self.problems, 1)
        problem_row.addWidget(self.theirs_button)
        buttons = ok_cancel(self, self._on_save_clicked, save=True)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(
            self.tr("Saves the pipeline. Lost reasons and products are saved as you change them.")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

        right = QVBoxLayout()
        right.addWidget(self.tabs, 1)
        right.addLayout(problem_row)
        right.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.resize(1080, 720)

        ws = self.workspace
        ctx.read(lambda: (ws.all_pipelines(), ws.all_lost_reasons(), ws.all_products()),
                 self._on_loaded, self._on_load_failed, owner=self)  # fmt: skip

    # -- building
    def _pipeline_tab(self) -> QWidget:
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.active = QCheckBox(self.tr("On: new deals may use this pipeline"))
        form = QFormLayout()
        form.addRow(self.tr("Pipeline name"), self.name)
        form.addRow("", self.active)
        self.stage_list = QListWidget()
        self.stage_list.setFixedWidth(200)
        self.stage_list.setIconSize(QSize(16, 16))  # the won and lost rows as high as the rest
        self.stage_list.currentRowChanged.connect(self._on_stage_list_row_changed)
        self.add_stage_button = QPushButton(self.tr("Add stage"))
        self.add_stage_button.clicked.connect(self._on_add_stage_button_clicked)
        self.remove_stage_button = QPushButton(self.tr("Remove"))
        self.remove_stage_button.clicked.connect(self._on_remove_stage_button_clicked)
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(self._on_up_button_clicked)
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.clicked.connect(self._on_down_button_clicked)
        for button, key in ((self.add_stage_button, "add"), (self.remove_stage_button, "remove")):
            set_icon(button, key)
        stage_side = QVBoxLayout()
        stage_side.addWidget(self.stage_list, 1)
        stage_side.addLayout(buttons_row(self.add_stage_button, self.remove_stage_button))
        stage_side.addLayout(buttons_row(self.up_button, self.down_button))
        self.editor = StageEditor()
        self.editor.edited.connect(self._on_editor_edited)
        body = QHBoxLayout()
        body.addLayout(stage_side)
        body.addWidget(self.editor, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(body, 1)
        return page

    # -- the form
    def value(self) -> Form:
        """(name, active, stages) as they will be saved."""
        name = self.name.text().strip()
        if self._shown_name and name == self._shown_name:
            name = self._stored_name  # a built-in's name left alone keeps its translations
        return name, self.active.isChecked(), tuple(s.value() for s in self.stages)

    def has_edits(self) -> bool:
        return self._base is not None and self.value() != self._base

    def _show_pipeline(self, pipeline: PipelineRow | None) -> None:
        if pipeline is None:
            self._shown_name = self._stored_name = ""
            self.name.setText("")
            self.active.setChecked(True)
            self.stages = [  # one open stage, the won and the lost stage
                StageDraft(None, self.tr("First contact"), "open", 10, 14),
                StageDraft(None, self.tr("Won"), "won", 100),
                StageDraft(None, self.tr("Lost"), "lost", 0),
            ]
        else:
            self._shown_name, self._stored_name = pipeline_name(pipeline), pipeline.name
            self.name.setText(self._shown_name)
            self.active.setChecked(pipeline.active)
            self.stages = [StageDraft.of(s) for s in pipeline.stages]
        self._removed = []
        self.pipeline_id = pipeline.id if pipeline else None
        self.version = pipeline.version if pipeline else None
        self._fill_stages(0)
        self._base = self.value()
        self.problems.hide()
        self.theirs_button.hide()
        self.tabs.setEnabled(True)
        self._update_buttons()
        if pipeline is None:
            self.name.setFocus()

    def _stage_text(self, stage: StageDraft) -> str:
        return stage.name.strip() or self.tr("(no name yet)")

    def _fill_stages(self, select: int) -> None:
        self.stage_list.blockSignals(True)
        self.stage_list.clear()
        for stage in self.stages:
            item = QListWidgetItem(self._stage_text(stage))
            if stage.kind != "open":
                set_icon(item, stage.kind)
                item.setToolTip(self.editor.kind_text(stage.kind))
            self.stage_list.addItem(item)
        self.stage_list.setCurrentRow(select)
        self.stage_list.blockSignals(False)
        self._on_stage_list_row_changed(self.stage_list.currentRow())

    def current_stage(self) -> int:
        return self.stage_list.currentRow()

    def select_stage(self, row: int) -> None:
        self.stage_list.setCurrentRow(row)

    def _on_stage_list_row_changed(self, row: int) -> None:
        self.editor.set_draft(self.stages[row] if 0 <= row < len(self.stages) else None)
        self._update_stage_buttons()

    def _update_stage_buttons(self) -> None:
        row = self.current_stage()
        open_count = sum(s.kind == "open" for s in self.stages)
        is_open = 0 <= row < len(self.stages) and self.stages[row].kind == "open"
        self.add_stage_button.setEnabled(len(self.stages) < MAX_STAGES)
        self.remove_stage_button.setEnabled(is_open and open_count > 1)
        self.up_button.setEnabled(is_open and row > 0)
        self.down_button.setEnabled(is_open and row < open_count - 1)

    def _on_editor_edited(self) -> None:
        row = self.current_stage()
        item = self.stage_list.item(row)
        if item is not None:
            item.setText(self._stage_text(self.stages[row]))
        self._update_buttons()

    def _on_add_stage_button_clicked(self) -> None:
        row = self.current_stage()
        open_count = sum(s.kind == "open" for s in self.stages)
        # after the chosen open stage, or as the last open one
        at = row + 1 if 0 <= row < open_count else open_count
        self.stages.insert(at, StageDraft(None, "", "open", 50, None))
        self._fill_stages(at)
        self.editor.name.setFocus()
        self._update_buttons()

    def _on_remove_stage_button_clicked(self) -> None:
        row = self.current_stage()
        if 0 <= row < len(self.stages) and self.stages[row].kind == "open":
            stage = self.stages.pop(row)
            if stage.id is not None:  # put back if the model refuses (it holds deals)
                self._removed.append((row, stage))
            self._fill_stages(min(row, len(self.stages) - 1))
            self._update_buttons()

    def _move_stage(self, step: int) -> None:
        row, other = self.current_stage(), self.current_stage() + step
        open_count = sum(s.kind == "open" for s in self.stages)
        if 0 <= row < open_count and 0 <= other < open_count:
            self.stages[row], self.stages[other] = self.stages[other], self.stages[row]
            self._fill_stages(other)
            self._update_buttons()

    def _on_up_button_clicked(self) -> None:
        self._move_stage(-1)

    def _on_down_button_clicked(self) -> None:
        self._move_stage(1)

    def _fill_list(self, select: int | None, new: bool = False) -> None:
        """The pipelines, and the one being made (new); select: a pipeline's id or NEW."""
        self.pipeline_list.blockSignals(True)
        self.pipeline_list.clear()
        for p in self.pipelines:
            name = pipeline_name(p)
            item = QListWidgetItem(name if p.active else self.tr("%1 (off)").replace("%1", name))
            item.setData(KEY, p.id)
            if not p.active:
                item.setForeground(self.palette().placeholderText())
            self.pipeline_list.addItem(item)
        if new:
            item = QListWidgetItem(self.tr("New pipeline"))
            item.setData(KEY, NEW)
            self.pipeline_list.addItem(item)
        ids = [self.pipeline_list.item(i).data(KEY) for i in range(self.pipeline_list.count())]
        self.pipeline_list.setCurrentRow(ids.index(select) if select in ids else -1)
        self.pipeline_list.blockSignals(False)

    def _go_to(self, pipeline_id: int | None) -> None:
        if pipeline_id is None or pipeline_id == NEW:
            self._fill_list(NEW, new=True)
            self._show_pipeline(None)
            return
        pipeline = next((p for p in self.pipelines if p.id == pipeline_id), None)
        if pipeline is None and self.pipelines:
            pipeline = self.pipelines[0]
        self._fill_list(pipeline.id if pipeline else None)
        if pipeline is not None:
            self._show_pipeline(pipeline)

    # -- loading
    def _on_loaded(self, loaded) -> None:
        pipelines, reasons, products = loaded
        self.pipelines = pipelines
        self.reasons.set_rows(reasons)
        self.products.set_rows(products)
        self.new_button.setEnabled(True)
        self._go_to(pipelines[0].id if pipelines else NEW)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._show_problem(error_text(exc))

    # -- choosing a pipeline
    def _leave_then(self, go: int) -> None:
        current = self.pipeline_id if self.pipeline_id is not None else NEW
        self._fill_list(current, new=self.pipeline_id is None)  # stay put until answered
        name = self.name.text().strip() or self.tr("New pipeline")
        prompts.leave(self, name, self.has_edits(), self._save, lambda: None,
                      lambda: self._go_to(go))  # fmt: skip

    def _on_pipeline_list_row_changed(self, row: int) -> None:
        item = self.pipeline_list.item(row)
        if item is not None and item.data(KEY) != (self.pipeline_id or NEW):
            self._leave_then(item.data(KEY))

    def _on_new_button_clicked(self) -> None:
        if self.pipeline_id is not None:
            self._leave_then(NEW)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self._saving and self._base is not None)

    # -- saving
    def _on_save_clicked(self) -> None:
        self._save()

    def _save(self, then=None, otherwise=None) -> None:
        """then: what to do once saved (go to the pipeline the user picked); otherwise: once it
        failed (stay)."""
        if self._saving:
            return
        value = self.value()
        name, active, stages = value
        pipeline_id, version = self.pipeline_id, self.version
        self._saving = True
        self.problems.hide()
        self.theirs_button.hide()
        self._update_buttons()
        self.ctx.write(
            lambda: self.workspace.save_pipeline(pipeline_id, name, stages, version, active),
            lambda result: self._on_saved(result, value, then),
            lambda exc: self._on_save_failed(exc, otherwise),
            owner=self,
        )

    def _on_saved(self, result: WriteResult, value: Form, then) -> None:
        self._saving = False
        name = self.name.text().strip()
        self.ctx.notify(self.tr("Saved the pipeline “{name}”.").format(name=name))
        self.pipeline_saved.emit(result.value)
        self._base = value  # nothing unsaved while the saved pipeline is read back
        self.ctx.read(self.workspace.all_pipelines,
                      lambda rows: self._on_saved_pipelines_loaded(rows, result.value, then),
                      self._on_load_failed, owner=self)  # fmt: skip

    def _on_saved_pipelines_loaded(self, rows: list[PipelineRow], saved_id: int, then) -> None:
        self.pipelines = rows
        if then is not None:
            then()
        else:
            self._go_to(saved_id)

    def _on_save_failed(self, exc: BaseException, otherwise) -> None:
        self._saving = False
        self._update_buttons()
        if isinstance(exc, ValidationFailed):
            self._show_problem(self._problem_text(exc))
        elif isinstance(exc, Conflict):
            self._show_problem(self.words.conflict_text(exc))
            self.theirs_button.show()
            # the next Save goes over theirs, as the words say; the form keeps the user's edits
            self.ctx.read(self.workspace.all_pipelines, self._on_conflict_pipelines_loaded,
                          lambda _exc: None, owner=self)  # fmt: skip
        else:
            self._show_problem(error_text(exc))
        if otherwise is not None:
            otherwise()

    def _problem_text(self, exc: ValidationFailed) -> str:
        errors = exc.params.get("errors", [])
        limits = exc.params.get("limits") or {}
        lines: list[str] = []
        held = exc.params.get("held") or []
        if held:
            self._put_back([stage_id for stage_id, _name, _n in held])
            shown = {s.id: s.name.strip() for s in self.stages}  # as the form shows them
            lines += self.words.held_text([(i, shown.get(i) or n, c) for i, n, c in held])
        lines += [self.words.line(f, code, limits, self.stages) for f, code in errors
                  if (f, code) != ("stages", "has_deals")]  # fmt: skip
        if errors and not held:
            self._focus_field(errors[0][0])
        return "\n".join(dict.fromkeys(lines)) or error_text(exc)

    def _put_back(self, stage_ids: list[int]) -> None:
        """Removed stages the model kept (they hold deals) return to where they were."""
        back = [(i, s) for i, s in self._removed if s.id in stage_ids]
        if not back:
            return
        self._removed = [(i, s) for i, s in self._removed if s.id not in stage_ids]
        for index, stage in sorted(back, key=lambda b: b[0]):
            open_count = sum(s.kind == "open" for s in self.stages)
            self.stages.insert(min(index, open_count), stage)
        self._fill_stages(self.stages.index(back[0][1]))

    def _focus_field(self, field: str) -> None:
        """Show the stage of the first problem and put the cursor in its field."""
        self.tabs.setCurrentIndex(0)
        parts = field.split(".")
        if field == "name":
            self.name.setFocus()
            self.name.selectAll()
            return
        if len(parts) < 3 or parts[0] != "stages" or not parts[1].isdigit():
            return
        row = int(parts[1])
        if row >= len(self.stages):
            return
        self.select_stage(row)
        e = self.editor
        if parts[2] == "questions" and len(parts) >= 4 and parts[3].isdigit():
            questions = e.questions
            questions.list.setCurrentRow(int(parts[3]))
            widget = questions.choices if parts[-1] == "choices" else questions.text
        else:
            widget = {"name": e.name, "probability": e.probability, "stale_days": e.stale_days,
                      "approval_threshold": e.threshold, "approval": e.approval}.get(
                          parts[2], e.name)  # fmt: skip
        widget.setFocus()
        if isinstance(widget, (QSpinBox, QLineEdit)):
            widget.selectAll()

    def _on_conflict_pipelines_loaded(self, rows: list[PipelineRow]) -> None:
        self.pipelines = rows
        theirs = next((p for p in rows if p.id == self.pipeline_id), None)
        if theirs is not None:
            self.version = theirs.version
        current = self.pipeline_id if self.pipeline_id is not None else NEW
        self._fill_list(current, self.pipeline_id is None)

    def _on_theirs_button_clicked(self) -> None:
        self._go_to(self.pipeline_id)

    def _show_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()

    # -- closing
    def reject(self) -> None:
        """Close, Esc or the title bar: unsaved edits go only when the user says so."""
        what = ""
        if self.has_edits():
            what = self.tr("Discard your changes to this pipeline?")
        elif self.products.has_edits():
            what = self.tr("Discard the product you typed?")
        elif self.reasons.has_edits():
            what = self.tr("Discard the lost reason you typed?")
        if what and not prompts.confirm_discard(self, what):
            return
        super().reject()
