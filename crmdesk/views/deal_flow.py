"""Moving deals as a user asks (a drop, a key press): try the move; when the gate refuses,
read the deal and ask what is missing (GateDialog), then try again with the answers; Won and
Lost first ask what closing needs. One deal at a time, each through the task runner; the
database decides, and its change on the bus reloads the board."""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from crmdesk.models.changes import WriteResult
from crmdesk.models.deal_moves import GateRefused
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.pipeline import PipelineRow, StageRow
from crmdesk.views.board import DealRef
from crmdesk.views.context import PageContext
from crmdesk.views.deal_move_dialogs import GateDialog, LostDialog, WonDialog
from crmdesk.views.deal_words import gate_field_label, stage_name
from crmdesk.views.errors import show_error
from crmdesk.views.labels import fill, listing


def utc_day(local_day: date, now: datetime) -> date:
    """The UTC day of the chosen local day at this moment's local time: the rules store the win
    at won_on with now's UTC time of day, which then reads back as the day the user chose."""
    local_now = now.replace(tzinfo=UTC).astimezone()
    chosen = datetime.combine(local_day, local_now.timetz())
    return chosen.astimezone(UTC).date()


class MoveFlow(QObject):
    open_requested = Signal(int)  # a deal to open in its dialog (to add what a gate needs)

    def __init__(self, ctx: PageContext, page: QWidget) -> None:
        super().__init__(page)
        self.ctx, self.page = ctx, page
        self.pipeline: PipelineRow | None = None
        self._queue: deque[tuple[DealRef, int]] = deque()
        self.busy = False
        # The stages a move of ours is about to change: the page reloads only their columns
        # when the change arrives (a colleague's change reloads everything).
        self.touched: set[int] | None = None
        # A drop arrives while the drag is still running its own event loop: the moves (and
        # the dialogs they may open) wait for it to end (a modal dialog inside a drag's loop
        # can crash Qt on X11).
        self.dragging = False
        self.contract_offer: QMessageBox | None = None  # the question after a win, while open
        self._titles: dict[int, str] = {}  # deals being won: their titles, for the offer

    def move(self, refs: list[DealRef], stage_id: int) -> None:
        self._queue.extend((r, stage_id) for r in refs if r.stage_id != stage_id)
        if not self.busy and not self.dragging:
            self._next()

    def drag_started(self) -> None:
        self.dragging = True

    def drag_finished(self) -> None:
        self.dragging = False
        if not self.busy and self._queue:
            QTimer.singleShot(0, self._start_queued)

    def _start_queued(self) -> None:
        if not self.busy and not self.dragging:
            self._next()

    def _next(self) -> None:
        if not self._queue or self.pipeline is None:
            self.busy = False
            self._queue.clear()
            return
        self.busy = True
        ref, stage_id = self._queue.popleft()
        stage = self.pipeline.stage(stage_id)
        if stage.kind == "open":
            self._write(ref, stage, {})
        else:
            ws = self.ctx.workspace
            self.ctx.read(
                lambda: (ws.deal(ref.id), ws.lost_reasons() if stage.kind == "lost" else []),
                lambda got: self._close(ref, stage, *got),
                self._failed,
                owner=self.page,
            )

    def _write(self, ref: DealRef, stage: StageRow, answers: dict, fields: dict | None = None,
               detail=None, **closing) -> None:  # fmt: skip
        ws = self.ctx.workspace

        def work() -> WriteResult:
            if fields and detail is not None:  # the gate's fields and the move: all or nothing
                data = replace(detail.data, **fields)
                return ws.complete_and_move(ref.id, data, stage.id, ref.version, answers)
            return ws.move_deal(ref.id, stage.id, ref.version, answers, **closing)

        self.touched = {ref.stage_id, stage.id}
        given = (dict(answers), dict(fields or {}))  # asked again, they are offered again
        self.ctx.write(
            work,
            lambda result: self._done(ref, stage, result),
            lambda exc: self._refused(ref, stage, exc, given),
            owner=self.page,
        )

    def _done(self, ref: DealRef, stage: StageRow, result: WriteResult) -> None:
        value = result.value
        if value.status == "awaiting_approval":
            self.ctx.notify(
                self.tr("Sent for approval: the deal enters %1 once a manager approves.").replace(
                    "%1", stage_name(stage)
                )
            )
        elif value.status == "moved":
            self.ctx.notify(self._moved_text(ref, stage))
            if stage.kind == "won":
                self.offer_contract(ref.id, self._titles.pop(ref.id, ""))
        self._next()

    def offer_contract(self, deal_id: int, title: str = "") -> None:
        """Won: offer to write the contract now, from the deal's customer, lines and amount. The
        question does not wait (open(), not exec()): moves queued behind this one go on."""
        text = (fill(self.tr("Create the contract for “%1” now?"), title) if title
                else self.tr("Create the contract for this deal now?"))  # fmt: skip
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Won"), "", parent=self.page)
        # plain: a title is the user's text, never markup; Qt wraps it once it is long
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.setInformativeText(self.tr("It starts with the deal's customer, products and amount; "
                                       "you can change them before saving."))  # fmt: skip
        create = box.addButton(self.tr("Create contract…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(create)
        box.setEscapeButton(box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda b: self._on_offer_answered(deal_id, b is create))
        self.contract_offer = box
        box.open()

    def _on_offer_answered(self, deal_id: int, create: bool) -> None:
        self.contract_offer = None
        if create:
            ws = self.ctx.workspace
            self.ctx.read(lambda: ws.contract_from_deal(deal_id), self._on_contract_prefilled,
                          self._on_prefill_failed, owner=self.page)  # fmt: skip

    def _on_contract_prefilled(self, data) -> None:
        from crmdesk.views.contract_dialog import open_contract_dialog  # with its first use

        open_contract_dialog(self.ctx, self.page, data=data)

    def _on_prefill_failed(self, exc: BaseException) -> None:
        """The deal has its contract already (a colleague wrote it, or an earlier win): that
        one opens, rather than a second contract for the same deal. Anything else is said."""
        existing = exc.params.get("contract_id") if isinstance(exc, ValidationFailed) else None
        errors = [tuple(e) for e in exc.params.get("errors", [])] if existing else []
        if existing is not None and ("deal_id", "has_contract") in errors:
            from crmdesk.views.contract_dialog import open_contract_dialog

            open_contract_dialog(self.ctx, self.page, contract_id=int(existing))
            return
        show_error(self.page, exc)

    def _moved_text(self, ref: DealRef, stage: StageRow) -> str:
        if stage.kind == "won":
            return self.tr("Won. Well done!")
        if stage.kind == "lost":
            return self.tr("Marked as lost.")
        order = [s.id for s in self.pipeline.stages]
        back = ref.stage_id in order and order.index(ref.stage_id) > order.index(stage.id)
        text = self.tr("Moved back to %1.") if back else self.tr("Moved on to %1.")
        return fill(text, stage_name(stage))

    def _failed(self, exc: BaseException) -> None:
        show_error(self.page, exc)
        self._next()

    def _refused(self, ref: DealRef, stage: StageRow, exc: BaseException, given) -> None:
        self.touched = None
        if not isinstance(exc, GateRefused):
            self._failed(exc)
            return
        missing = [tuple(m) for m in exc.params.get("missing", [])]
        self.ctx.read(
            lambda: self.ctx.workspace.deal(ref.id),
            lambda detail: self._ask(ref, stage, missing, detail, given),
            self._failed,
            owner=self.page,
        )

    def _ask(self, ref: DealRef, stage: StageRow, missing: list[tuple], detail,
             given=({}, {})) -> None:  # fmt: skip
        """given: the answers and fields this move was tried with (a refused move stores
        nothing): offered again and sent again with the new ones, never dropped."""
        given_answers, given_fields = given
        stages = [self.pipeline.stage(s) for s in dict.fromkeys(m[0] for m in missing)]
        answerable = [m for m in missing if m[1] == "question" or m[2] in
                      ("amount", "expected_close", "competitor", "source")]  # fmt: skip
        if not answerable:
            what = listing(gate_field_label(m[2]) for m in missing)
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Not yet"), fill(
                self.tr("“%1” cannot enter %2 yet. It still needs: %3. Open the deal to add it."),
                detail.data.title, stage_name(stage), what), parent=self.page)  # fmt: skip
            box.addButton(QMessageBox.StandardButton.Close)
            opened = box.addButton(self.tr("Open the deal"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()
            if box.clickedButton() is opened:
                self.open_requested.emit(ref.id)
            self._next()
            return
        answers = {a.question_id: a.answer for a in detail.answers} | given_answers
        data = detail.data
        fields = {"amount": detail.amount, "expected_close": data.expected_close,
                  "competitor": data.competitor, "source": data.source} | given_fields  # fmt: skip
        dialog = GateDialog(data.title, stage, stages, missing, answers, fields, self.page)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self._next()
            return
        new_fields = given_fields | dialog.fields()
        self._write(ref, stage, given_answers | dialog.answers(), new_fields or None, detail)

    def _close(self, ref: DealRef, stage: StageRow, detail, reasons) -> None:
        # The move stays conditional on the version the board showed (ref), not on the one
        # just read: a colleague's change in between is reported, not overwritten.
        if stage.kind == "won":
            now = self.ctx.workspace.clock()
            today = now.replace(tzinfo=UTC).astimezone().date()  # the user's day
            dialog = WonDialog(detail.data.title, detail.amount or Decimal(0), today, self.page)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                amount, won_on = dialog.value()
                self._titles[ref.id] = detail.data.title
                self._write(ref, stage, {}, won_amount=amount, won_on=utc_day(won_on, now))
                return
        else:
            dialog = LostDialog(detail.data.title, reasons, self.page)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                code, text = dialog.value()
                self._write(ref, stage, {}, lost_code=code, lost_text=text)
                return
        self._next()
