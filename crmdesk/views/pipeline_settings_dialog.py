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
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import WriteResult
from crmdesk.models.errors import ValidationFailed
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
from crmdesk.views.settings_parts import NEW, RecordSettingsDialog, buttons_row

Form = tuple  # what value() returns: compared to tell an edit


class PipelineSettingsDialog(RecordSettingsDialog):
    """Pick a pipeline on the left, edit it on the right, Save (see RecordSettingsDialog)."""

    pipeline_saved = Signal(int)  # the id of the pipeline just saved

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.stages: list[StageDraft] = []
        self._removed: list[tuple[int, StageDraft]] = []  # (index it had, stage) since loaded
        self._shown_name = self._stored_name = ""  # a built-in pipeline's name, as for stages
        self.words = PipelineSettingsWords(self)
        self.setWindowTitle(self.tr("Pipeline settings"))
        self.reasons = LostReasonsTab(ctx)
        self.products = ProductsTab(ctx)
        self._build(
            self.tr("A pipeline is never deleted: turn it off to stop new deals using it."), 190
        )
        self.pipeline_list = self.record_list
        self.save_button.setToolTip(
            self.tr("Saves the pipeline. Lost reasons and products are saved as you change them.")
        )
        self.resize(1080, 720)
        ws = self.workspace
        ctx.read(lambda: (ws.all_pipelines(), ws.all_lost_reasons(), ws.all_products()),
                 self._on_loaded, self._on_load_failed, owner=self)  # fmt: skip

    @property
    def pipeline_id(self) -> int | None:
        return self.record_id

    def pages(self) -> list[tuple[QWidget, str]]:
        return [(self._pipeline_tab(), self.tr("Stages")), (self.reasons, self.tr("Lost reasons")),
                (self.products, self.tr("Products"))]  # fmt: skip

    def new_text(self) -> str:
        return self.tr("New pipeline")

    def record_text(self, record: PipelineRow) -> tuple[str, bool]:
        return pipeline_name(record), record.active

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

    def show_record(self, pipeline: PipelineRow | None) -> None:
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
        self._fill_stages(0)
        self._shown(pipeline)

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

    # -- loading
    def _on_loaded(self, loaded) -> None:
        pipelines, reasons, products = loaded
        self.records = pipelines
        self.reasons.set_rows(reasons)
        self.products.set_rows(products)
        self.new_button.setEnabled(True)
        self._go_to(pipelines[0].id if pipelines else NEW)

    # -- saving
    def read_records(self) -> list[PipelineRow]:
        return self.workspace.all_pipelines()

    def write(self, pipeline_id: int | None, value: Form, version: int | None) -> WriteResult:
        name, active, stages = value
        return self.workspace.save_pipeline(pipeline_id, name, stages, version, active)

    def saved_text(self, _value: Form) -> str:
        name = self.name.text().strip()
        return self.tr("Saved the pipeline “{name}”.").format(name=name)

    def emit_saved(self, pipeline_id: int) -> None:
        self.pipeline_saved.emit(pipeline_id)

    def problem_text(self, exc: ValidationFailed) -> str:
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
