"""The deal dialog: a new deal or an existing one, its fields (deal_form.py), product lines
(deal_lines.py), stage history (deal_history.py) and its customer's follow-ups, saved through the
writer thread. Non-modal, one window per deal (opening it again raises the first).

Nothing typed is lost: a save the rules refuse says why beside the fields and keeps them; a
colleague's save in between merges when it touched other fields, and asks Keep mine / Reload /
Keep editing when it touched the same ones; closing with unsaved edits asks. Moving stages is
the board's (deal_flow.py); deleting the deal is here."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QWidget

from crmdesk.models.changes import Change, WriteResult
from crmdesk.models.customer_card import CustomerCard
from crmdesk.models.deal_rules import DealInput
from crmdesk.models.deals import DealDetail
from crmdesk.models.errors import Conflict, ValidationFailed
from crmdesk.models.pipeline import PipelineRow
from crmdesk.views.context import PageContext
from crmdesk.views.customer_tabs import FollowUpTab
from crmdesk.views.deal_form import DealForm
from crmdesk.views.deal_history import DealHistory, approval_note, status_line
from crmdesk.views.deal_lines import DealLinesEditor
from crmdesk.views.deal_texts import (
    ask_deal_conflict,
    confirm_delete_deal,
    deal_error_text,
    deal_problem_text,
)
from crmdesk.views.deal_words import pipeline_name, stage_code_name
from crmdesk.views.icons import set_icon
from crmdesk.views.record_dialogs import OneWindowEach, RecordDialog

DETAILS, LINES, HISTORY, FOLLOW_UPS = range(4)


# Fields a colleague's save and mine are merged by (the stage and pipeline are the board's).
_MERGED = tuple(f.name for f in fields(DealInput) if f.name not in ("stage_id", "pipeline_id"))

_open = OneWindowEach()


def open_deal_dialog(
    ctx: PageContext,
    parent: QWidget | None,
    *,
    deal_id: int | None = None,
    pipeline: PipelineRow | int | None = None,
    customer_id: int | None = None,
) -> DealDialog:
    """Show the deal (None: a new one, in `pipeline` and for `customer_id` when given). A deal
    already open is raised instead of opened twice."""
    shown = _open.raised(deal_id)
    if shown is not None:
        return shown
    pipeline_id = pipeline.id if isinstance(pipeline, PipelineRow) else pipeline
    dialog = DealDialog(ctx, parent, deal_id=deal_id, pipeline_id=pipeline_id,
                        customer_id=customer_id)  # fmt: skip
    if deal_id is not None:
        _open.remember(deal_id, dialog)
    dialog.show()
    return dialog


class DealDialog(RecordDialog):
    def __init__(
        self,
        ctx: PageContext,
        parent: QWidget | None = None,
        *,
        deal_id: int | None = None,
        pipeline_id: int | None = None,
        customer_id: int | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.deal_id = deal_id
        self.pipeline_id = pipeline_id
        self.customer_id = customer_id
        self.detail: DealDetail | None = None
        self.setWindowTitle(self.tr("Deal") if deal_id is not None else self.tr("New deal"))

        self.status = QLabel()
        self.status.setObjectName("detailSubheading")
        self.status.setWordWrap(True)
        self.approval = QLabel()
        self.approval.setObjectName("dealApprovalNote")
        self.approval.setWordWrap(True)
        self.approval.setStyleSheet(
            "QLabel#dealApprovalNote { background: #fff4d6; color: #6b4e00; padding: 6px; "
            "border-radius: 4px; }"
        )
        self.approval.hide()

        self.form = DealForm(ctx)
        self.lines = DealLinesEditor()
        self.history = DealHistory()
        self.follow_ups = FollowUpTab()
        for w in (self.follow_ups.kind, self.follow_ups.content, self.follow_ups.plan_next,
                  self.follow_ups.next_at, self.follow_ups.add_button):  # fmt: skip
            w.hide()  # the customer's timeline, to read; follow-ups are added on the customer
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scrolled(self.form), self.tr("Details"))
        self.tabs.addTab(self.lines, self.tr("Lines"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.follow_ups, self.tr("Follow-ups"))
        self.tabs.setTabVisible(HISTORY, deal_id is not None)

        self.delete_button = QPushButton(self.tr("Delete deal…"))
        set_icon(self.delete_button, "delete")
        self.delete_button.setVisible(deal_id is not None)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.lay_out([self.status, self.approval], [self.delete_button])

        self.lines.changed.connect(self._on_lines_changed)
        self.lines.changed.connect(self._on_edited)
        self.form.changed.connect(self._on_edited)
        self.form.customer.chosen.connect(self._on_customer_chosen)
        ctx.bus.changed.connect(self._on_data_changed)
        self.form.set_lines_total(self.lines.total())
        self.resize(860, 660)
        self._set_enabled(False)
        self.load()

    # -- loading
    def load(self) -> None:
        ws, deal_id = self.workspace, self.deal_id

        def read():
            detail = ws.deal(deal_id) if deal_id is not None else None
            return detail, ws.pipelines(), ws.products(), ws.assignable_users()

        self.ctx.read(read, self._on_loaded, self._on_load_failed, owner=self, key="deal")

    def _on_loaded(self, got) -> None:
        detail, pipelines, products, users = got
        actor = self.workspace.actor
        self.form.set_choices(pipelines, self.with_actor(users))
        self.lines.set_products(products)
        self.history.set_pipelines(pipelines)
        if detail is None:
            self.form.set_new(self.pipeline_id, actor)
            if self.customer_id is not None:
                self.form.customer.set_fixed(self.customer_id, "")
                self._load_card(self.customer_id)
            self.heading.setText(self.tr("New deal"))
            self.status.hide()
            self._set_enabled(True)
        else:
            self._show_deal(detail, pipelines)
        self._base = self.snapshot()
        self.focus_first(detail)

    def _show_deal(self, detail: DealDetail, pipelines: list[PipelineRow]) -> None:
        self.detail = detail
        self.customer_id = detail.data.customer_id
        pipeline = next((p for p in pipelines if p.id == detail.data.pipeline_id), None)
        stage = next((s for s in pipeline.stages if s.id == detail.data.stage_id), None) if (
            pipeline) else None  # fmt: skip
        self.form.customer.set_fixed(detail.data.customer_id, detail.customer_name)
        self.form.set_deal(
            detail.data,
            pipeline_name(pipeline) if pipeline else detail.pipeline_name,
            stage_code_name(detail.stage_code, detail.stage_name),
            stage.probability if stage else detail.probability,
            detail.owner_name,
        )
        self.lines.set_lines(detail.data.lines)
        self._on_lines_changed()
        self.history.fill(detail.history)
        self._show_heading(detail)
        self._set_enabled(True)
        self.form.set_read_only(not detail.editable)
        self.lines.set_read_only(not detail.editable)
        self.save_button.setEnabled(detail.editable)
        self.delete_button.setEnabled(detail.editable)
        self._load_card(detail.data.customer_id)

    def _show_heading(self, detail: DealDetail) -> None:
        self.heading.setText(detail.data.title)
        self.setWindowTitle(self.tr("Deal: {title}").format(title=detail.data.title))
        line = status_line(detail)
        if not detail.editable:
            line = " · ".join((line, self.tr("read only")))
        self.status.setText(line)
        self.status.show()
        note = approval_note(detail)
        self.approval.setText(note)
        self.approval.setVisible(bool(note))

    def error_text(self, exc: BaseException) -> str:
        return deal_error_text(exc)

    def _load_card(self, customer_id: int) -> None:
        self.ctx.read(
            lambda: self.workspace.customer_card(customer_id),
            self._on_card_loaded,
            lambda _exc: self.follow_ups.timeline.setPlainText(
                self.tr("The customer's follow-ups could not be read.")
            ),
            owner=self,
            key="card",
        )

    def _on_card_loaded(self, card: CustomerCard) -> None:
        if card.detail.id != self.form.customer.customer_id:
            return  # another customer was chosen meanwhile
        if self.detail is None and self.form.customer.edit.isReadOnly():
            self.form.customer.set_fixed(card.detail.id, card.detail.data.name)
        owner = self.form.owner.findData(card.detail.owner_id)
        if self.detail is None and owner >= 0:  # a new deal is the customer's rep's to work
            pristine = self._base is not None and not self.has_unsaved()
            self.form.owner.setCurrentIndex(owner)
            if pristine:  # our choice, not the user's: closing now asks nothing
                self._base = self.snapshot()
        self.follow_ups.fill_timeline(card)

    def _set_enabled(self, enabled: bool) -> None:
        self.tabs.setEnabled(enabled)
        self.save_button.setEnabled(enabled and not self._busy)
        self.delete_button.setEnabled(enabled and not self._busy)

    @Slot(int)
    def _on_customer_chosen(self, customer_id: int) -> None:
        if customer_id:
            self._load_card(customer_id)
        else:
            self.follow_ups.timeline.clear()

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        """A colleague's save (or a move on the board) shows here unless the user is editing;
        then their save decides at Save."""
        cid = self.form.customer.customer_id
        if cid is None or not (cid in change.customer_ids or change.many):
            return
        if "deals" in change.kinds and self.detail is not None:
            if not self._busy and not self.has_unsaved():
                self._base = None
                self.load()
        elif change.affects(cid):
            self._load_card(cid)

    # -- editing
    def snapshot(self) -> tuple:
        return self.form.snapshot(), self.lines.snapshot()

    @Slot()
    def _on_lines_changed(self) -> None:
        self.form.set_lines_total(self.lines.total())

    @Slot()
    def _on_edited(self) -> None:
        """Typing again puts the complaint away (it comes back at the next Save if still so)."""
        if self.problems.isVisible():
            self.problems.hide()
            self.form.mark_invalid([])
            self.lines.mark_invalid([])

    def _show_problems(self, text: str, names: list[str]) -> None:
        self.problems.setText(text)
        self.problems.show()
        self.form.mark_invalid(names)
        self.lines.mark_invalid(names)
        if names:  # the tab with the first field to fix
            on_lines = names[0] == "lines" or names[0].startswith("lines.")
            self.tabs.setCurrentIndex(LINES if on_lines else DETAILS)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        editable = self.detail is None or self.detail.editable
        self.save_button.setEnabled(not busy and editable)
        self.delete_button.setEnabled(not busy and editable)

    # -- saving
    def save(self, then=None, failed=None) -> None:
        """Save what the fields hold; then() once saved (the dialog has closed), or failed()
        with the reason shown and nothing typed lost."""
        lines, line_errors = self.lines.lines()
        data, errors = self.form.value(lines)
        errors += line_errors
        if errors:
            self._show_problems(deal_problem_text(errors), [f for f, _code in errors])
            if failed is not None:
                failed()
            return
        if self.detail is not None:  # what the dialog does not show stays as stored
            data = replace(data, external_id=self.detail.data.external_id)
        self._submit(data, False, then, failed)

    def _submit(self, data: DealInput, overwrite: bool, then, failed) -> None:
        ws, base = self.workspace, self.detail
        if base is None:
            call = lambda: ws.create_deal(data)  # noqa: E731
        else:
            call = lambda: ws.update_deal(base.id, data, base.version, overwrite)  # noqa: E731
        self.problems.hide()
        self._saving = self.snapshot()
        self._set_busy(True)

        def done(result: WriteResult) -> None:
            self._set_busy(False)
            self._on_saved(result, data)
            if then is not None:
                then()

        def error(exc: BaseException) -> None:
            self._set_busy(False)
            self._saving = None
            if isinstance(exc, Conflict) and base is not None:
                self._on_conflict(exc, base, data, then, failed)
                return
            if isinstance(exc, ValidationFailed):  # named by the rows the user sees
                errors = [(self.lines.rows_of(f), c) for f, c in exc.params.get("errors", [])]
                limits = {self.lines.rows_of(f): n
                          for f, n in (exc.params.get("limits") or {}).items()}  # fmt: skip
                text, names = deal_problem_text(errors, limits), [f for f, _c in errors]
            else:
                text, names = deal_error_text(exc), []
            self._show_problems(text, names)
            if failed is not None:
                failed()

        self.ctx.write(call, done, error, owner=self)

    def _on_saved(self, result: WriteResult, data: DealInput) -> None:
        if self.detail is None:
            self.ctx.notify(self.tr("Created the deal “{title}”.").format(title=data.title))
        else:
            self.ctx.notify(self.tr("Saved “{title}”.").format(title=data.title))
        self._close_now()

    def _on_conflict(self, exc: Conflict, base: DealDetail, mine: DealInput, then, failed):
        current = exc.params.get("current")
        if not isinstance(current, DealInput):
            self._show_problems(deal_error_text(exc), [])
            if failed is not None:
                failed()
            return
        was = base.data
        # Their changes to fields I left as they were come into mine; a field we both changed
        # to different values is the user's call.
        merged = replace(mine, **{f: getattr(current, f) for f in _MERGED
                                  if getattr(mine, f) == getattr(was, f)})  # fmt: skip
        both = [f for f in _MERGED if getattr(mine, f) != getattr(was, f)
                and getattr(current, f) != getattr(was, f)
                and getattr(mine, f) != getattr(current, f)]  # fmt: skip
        answer = "keep" if not both else ask_deal_conflict(self, exc, both)
        if answer == "keep":
            self._submit(merged, True, then, failed)
            return
        if answer == "reload":
            self._base = None  # the fields are no longer an edit: the deal fills them again
            self.load()
        if failed is not None:
            failed()

    # -- deleting
    @Slot()
    def _on_delete_clicked(self) -> None:
        detail = self.detail
        if detail is None or not confirm_delete_deal(self, detail.data.title):
            return
        ws, ctx, owner = self.workspace, self.ctx, self.parentWidget()
        self._set_busy(True)

        def restore() -> None:
            ctx.write(lambda: ws.restore_deal(detail.id), owner=owner)

        def done(_result) -> None:
            self._set_busy(False)
            text = self.tr("Deleted the deal “{title}”.").format(title=detail.data.title)
            ctx.notify(text, self.tr("Undo"), restore)
            self._close_now()

        def error(exc: BaseException) -> None:
            self._set_busy(False)
            self._show_problems(deal_error_text(exc), [])

        ctx.write(lambda: ws.delete_deal(detail.id), done, error, owner=self)

    # -- closing
    def new_name(self) -> str:
        return self.tr("the new deal")
