"""The customer detail panel: fields, contacts, the follow-up timeline and ownership history.
One read (the customer's card) fills it, through the runner; writes go through it too, their
buttons waiting. A failed save keeps what was typed. A change touching the customer reads the
card again; an edited form is kept (a colleague's change: live_refresh.RemoteEditNotice)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models import tags
from crmdesk.models.changes import Change
from crmdesk.models.contacts import ContactRow
from crmdesk.models.customer_card import CustomerCard
from crmdesk.models.customers import CustomerDetail, CustomerInput, collisions, conflict_losses
from crmdesk.models.errors import Conflict, NotFound, ValidationFailed
from crmdesk.models.follow_ups import FollowUpInput
from crmdesk.views import prompts
from crmdesk.views.collaborators_panel import CollaboratorsPanel
from crmdesk.views.context import PageContext
from crmdesk.views.customer_contracts import CustomerContractsTab
from crmdesk.views.customer_deals import CustomerDealsTab
from crmdesk.views.customer_form import CustomerForm
from crmdesk.views.customer_tabs import FollowUpTab, HistoryTable, card_heading
from crmdesk.views.detail_contacts import ContactActions
from crmdesk.views.errors import error_text, show_error
from crmdesk.views.icons import set_icon
from crmdesk.views.live_refresh import RemoteEditNotice
from crmdesk.views.staged import Staged
from crmdesk.views.widgets import Banner, TagChips, compact_tabs, problem_label


def _normalized(value: CustomerInput) -> CustomerInput:
    return replace(value, tags=tags.normalize(value.tags))


class CustomerDetailPanel(ContactActions, Staged, QWidget):
    # The user asked to open another customer (a duplicate's "Open the existing customer").
    open_requested = Signal(int)

    def __init__(
        self, ctx: PageContext, parent: QWidget | None = None, *, staged: bool = False
    ) -> None:
        """staged: built a part at a time (Staged): a page does it while the window is idle;
        whole, it kept the window from answering for 52-84 ms at the first selection."""
        super().__init__(parent)
        self.start_building(self._build(ctx), staged)

    def _build(self, ctx: PageContext) -> Iterator[None]:
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.customer_id: int | None = None  # shown or being loaded
        self.detail: CustomerDetail | None = None
        # What the form was filled from: a save is an edit of this version (a colleague's save
        # loaded meanwhile shows above the form but never silently becomes the edit's base).
        self._base: CustomerDetail | None = None
        self._saving: CustomerInput | None = None  # the edit on its way to the database
        self._leaving = False  # asked about unsaved edits; the answer is being carried out
        self._contacts: tuple[ContactRow, ...] = ()

        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setObjectName("detailSubheading")
        self.subheading.setWordWrap(True)
        for label in (self.heading, self.subheading):  # the text never sets the panel's width
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.chips = TagChips()
        self.banner = Banner()
        self.banner.retry_clicked.connect(self.reload)
        self.tabs = compact_tabs(QTabWidget())

        # details
        self.form = CustomerForm()
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self._on_revert_clicked)
        set_icon(self.save_button, "save")
        set_icon(self.revert_button, "revert")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(
            self.tr("Save changes (%1)").replace(
                "%1", self.save_button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.form_problems = problem_label()  # what to fix, under the form, never a box
        self.form.changed.connect(self._on_form_changed)
        details = QWidget()
        dl = QVBoxLayout(details)
        dl.addWidget(self.form)
        dl.addWidget(self.form_problems)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        dl.addLayout(row)
        dl.addStretch(1)
        self.tabs.addTab(details, self.tr("Details"))
        yield

        self.contacts_tab = self._contacts_tab()  # detail_contacts.py
        self.tabs.addTab(self.contacts_tab, self.tr("Contacts"))
        yield

        self.follow_up_tab = FollowUpTab()
        self.fu_kind, self.fu_content = self.follow_up_tab.kind, self.follow_up_tab.content
        self.fu_plan_next, self.fu_next = self.follow_up_tab.plan_next, self.follow_up_tab.next_at
        self.fu_add, self.timeline = self.follow_up_tab.add_button, self.follow_up_tab.timeline
        self.fu_add.clicked.connect(self._on_add_follow_up_clicked)
        self.tabs.addTab(self.follow_up_tab, self.tr("Follow-ups"))
        yield
        self.collaborators_tab = CollaboratorsPanel(ctx, self.tabs)  # "Shared with", 4th
        yield
        self.deals_tab = CustomerDealsTab(ctx)  # read when shown (customer_deals.py)
        self.tabs.addTab(self.deals_tab, self.tr("Deals"))
        yield
        self.contracts_tab = CustomerContractsTab(ctx)  # read when shown (customer_contracts.py)
        self.tabs.addTab(self.contracts_tab, self.tr("Contracts"))
        yield

        # history: ownership and overwrites kept on record
        self.history = HistoryTable()
        self.tabs.addTab(self.history, self.tr("History"))
        yield

        self.empty = QLabel(
            self.tr(
                "Select a customer in the list to see its details, contacts, follow-ups and "
                "history here."
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.chips)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)
        ctx.bus.changed.connect(self._on_data_changed)
        self.remote_notice = RemoteEditNotice(self)  # a colleague changed what is being edited
        self._show_state(False)

    # -- loading
    def show_customer(self, customer_id: int | None) -> None:
        """Show this customer (None: nothing); its card loads off the GUI thread."""
        self.customer_id = customer_id
        self.banner.hide()
        self.remote_notice.hide()
        if customer_id is None:
            self.detail = self._base = None
            self.deals_tab.show_customer(None)
            self.contracts_tab.show_customer(None)
            self.empty.setText(
                self.tr(
                    "Select a customer in the list to see its details, contacts, follow-ups and "
                    "history here."
                )
            )
            self._show_state(False)
            return
        if self.detail is None or self.detail.id != customer_id:
            self.detail = self._base = None
            self.heading.setText(self.tr("Loading…"))
            self.subheading.clear()
            self._set_editable(False)
        self.ctx.read(
            lambda: self.workspace.customer_card(customer_id),
            self._on_card_loaded,
            self._on_card_failed,
            owner=self,
            key="card",
        )

    def reload(self) -> None:
        self.show_customer(self.customer_id)

    def _show_state(self, loaded: bool) -> None:
        for w in (self.heading, self.subheading, self.tabs):
            w.setVisible(loaded)
        if not loaded:
            self.chips.hide()
        self.empty.setVisible(not loaded)

    def _on_card_loaded(self, card: CustomerCard) -> None:
        if card.detail.id != self.customer_id:
            return
        same = self.detail is not None and self.detail.id == card.detail.id
        keep_form = same and self.is_dirty()  # an edit in progress is never overwritten
        self.detail = d = card.detail
        self._contacts = card.contacts
        self._show_state(True)
        self.heading.setText(d.data.name)
        self.subheading.setText(card_heading(card))
        self.chips.set_tags(d.data.tags)
        if not keep_form:
            self.form.set_value(d.data)
            self._base = d
        self.contacts_tab.fill(self._contacts)
        self.follow_up_tab.fill_timeline(card)
        self.history.fill(card)
        self.deals_tab.show_customer(d.id, d.editable)
        self.contracts_tab.show_customer(d.id, d.editable)
        if not same:
            self.fu_next.setDateTime(QDateTime(QDate.currentDate().addDays(7), QTime(10, 0)))
        self._set_editable(d.editable)
        self.collaborators_tab.show_card(card, self.fu_add)  # a collaborator logs follow-ups

    def _on_card_failed(self, exc: BaseException) -> None:
        if isinstance(exc, NotFound):
            self.detail = self._base = None
            self.empty.setText(
                self.tr("This customer is no longer there: deleted, or handed to someone else.")
            )
            self._show_state(False)
        else:
            self.banner.show_message(error_text(exc))

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if self.customer_id is None or not change.affects(self.customer_id):
            return
        gone = change.kinds == {"deleted"} and self.customer_id in change.customer_ids
        if gone and change.remote and self.has_unsaved():
            return  # a colleague's delete: the form and what was typed stay (RemoteEditNotice)
        self.show_customer(None) if gone else self.reload()  # ours: nothing left to show

    def set_choices(self, industries, provinces, sources) -> None:
        self.form.set_choices(industries, provinces, sources)

    def is_dirty(self) -> bool:
        """Whether the form holds edits not saved yet."""
        if self._base is None or self.detail is None or self._base.id != self.detail.id:
            return False
        value = _normalized(self.form.value())
        if self._saving is not None and value == _normalized(self._saving):
            return False  # being saved: leaving does not lose it
        return value != self._base.data

    def has_unsaved(self) -> bool:
        """Edits in the form, or a follow-up typed and not added."""
        if self.detail is None or not self.collaborators_tab.may_follow_up:
            return False
        return self.is_dirty() or bool(self.fu_content.toPlainText().strip())

    def leave(self, proceed, stay=None) -> None:
        """Before showing another customer, another page or closing: ask Save / Don't save /
        Cancel when something typed is not saved (prompts.leave)."""
        if self._leaving:
            return  # already asked (a list reload re-selecting meanwhile): that answer stands
        name = self.detail.data.name if self.detail is not None else ""

        def finish(then):
            def run() -> None:
                self._leaving = False
                if then is not None:
                    then()

            return run

        self._leaving = True
        prompts.leave(
            self,
            name,
            self.has_unsaved(),
            self.save_all,
            self.discard,
            finish(proceed),
            finish(stay),
        )

    def discard(self) -> None:
        if self._base is not None:
            self.form.set_value(self._base.data)
        self.fu_content.clear()
        self.fu_plan_next.setChecked(False)

    def save_all(self, then=None, failed=None) -> None:
        """Save the form's edits, then add the typed follow-up, then `then()`; on any failure
        (shown to the user) `failed()` and nothing typed is lost."""

        def follow_up() -> None:
            if self.fu_content.toPlainText().strip():
                self.add_follow_up(then, failed)
            elif then is not None:
                then()

        if self.is_dirty():
            self.save_edits(follow_up, failed)
        else:
            follow_up()

    def keyPressEvent(self, event) -> None:
        # Esc leaves the edit: asks to save or discard it when something was typed.
        if event.key() == Qt.Key.Key_Escape and self.has_unsaved():
            self.leave(lambda: None)
            return
        super().keyPressEvent(event)

    def _set_editable(self, editable: bool) -> None:
        self.form.setEnabled(editable)
        for w in (
            self.save_button,
            self.revert_button,
            self.add_contact_button,
            self.edit_contact_button,
            self.remove_contact_button,
            self.fu_add,
        ):
            w.setEnabled(editable)

    # -- writes
    def _write(
        self,
        call,
        button: QPushButton,
        on_done=None,
        on_error=None,
        on_conflict=None,
        problems: QLabel | None = None,
    ):
        """Run a write with its button waiting; on failure the error is shown (input the rules
        refused in `problems`, beside the fields, when given; a conflict goes to on_conflict
        when given) and everything typed stays where it is; then on_error()."""
        button.setEnabled(False)
        if problems is not None:
            problems.hide()

        def done(result) -> None:
            button.setEnabled(True)
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            button.setEnabled(True)
            if isinstance(exc, Conflict) and on_conflict is not None:
                on_conflict(exc)
                return
            if isinstance(exc, ValidationFailed) and problems is not None:
                problems.setText(error_text(exc))
                problems.show()
                if problems is self.form_problems:
                    self.form.mark_invalid([field for field, _code in exc.params["errors"]])
                if on_error is not None:
                    on_error()
                return
            show_error(self, exc)
            if isinstance(exc, (Conflict, NotFound)):
                self.reload()  # show what is there now; the form keeps what was typed
            if on_error is not None:
                on_error()

        self.ctx.write(call, done, failed, owner=self)

    def _check_duplicates(self, name: str, phones: list[str], then, otherwise=None) -> None:
        """Warn, naming customer and owner, when another customer has this name or a phone;
        `then()` runs when there is none or the user saves anyway, `otherwise()` if not. The
        user may instead open the existing customer."""
        exclude = self.detail.id if self.detail else None

        def checked(found) -> None:
            answer, other = prompts.ask_duplicate(self, found) if found else ("save", 0)
            if answer == "save":
                then()
                return
            if otherwise is not None:
                otherwise()
            if answer == "open":
                self.open_requested.emit(other)

        self.ctx.read(
            lambda: self.workspace.find_duplicates(name, phones, exclude), checked, owner=self
        )

    @Slot()
    def _on_form_changed(self) -> None:
        """Typing again puts the complaint away (it comes back at the next Save if still so)."""
        self.form_problems.hide()
        self.form.mark_invalid([])

    @Slot()
    def _on_save_clicked(self) -> None:
        self.save_edits()

    def save_edits(self, then=None, failed=None) -> None:
        """Save the form as an edit of the version it was filled from. A colleague's save in
        between asks: reload theirs, keep mine, or keep editing (nothing typed is lost)."""
        if self._base is None:
            return
        base, data = self._base, self.form.value()

        def save_failed() -> None:
            self._saving = None
            if failed is not None:
                failed()

        def save(overwrite: bool = False) -> None:
            self._saving = data
            self._write(
                lambda: self.workspace.update_customer(base.id, data, base, overwrite),
                self.save_button,
                lambda result: self._on_saved(result, data, then),
                save_failed,
                lambda exc: self._on_conflict(exc, base, data, save, failed),
                self.form_problems,
            )

        if data.name != base.data.name:
            self._check_duplicates(data.name, [], save, failed)
        else:
            save()

    def _on_conflict(self, exc: Conflict, base, data, save, failed) -> None:
        self._saving = None
        current = exc.params.get("current")
        if current is None:  # not this edit's conflict: say so, as for any error
            show_error(self, exc)
            if failed is not None:
                failed()
            return
        mine = _normalized(data)
        clash = collisions(base.data, mine, current)
        if not clash:  # their changes and mine together
            save(True)
            return
        exc.params["yours"] = {f: getattr(mine, f) for f in clash}  # conflict_text: both values
        losses = conflict_losses(base.data, mine, current)
        answer = prompts.ask_conflict(self, exc, losses)
        if answer == "keep":
            save(True)
            return
        if answer == "reload" and self.customer_id == base.id:
            self._base = None  # the form is no longer an edit: the card fills it with theirs
            self.reload()
        if failed is not None:
            failed()

    def _on_saved(self, result, submitted, then=None) -> None:
        self._saving = None
        saved = result.value
        if saved.id != self.customer_id:
            return  # another customer is shown by now; the bus has told the list
        self.detail = self._base = saved
        if self.form.value() == submitted:  # nothing typed while it saved: show it as stored
            self.form.set_value(saved.data)
        self.heading.setText(saved.data.name)
        self.ctx.notify(self.tr("Saved “{name}”.").format(name=saved.data.name))
        if then is not None:
            then()

    @Slot()
    def _on_revert_clicked(self) -> None:
        if self.detail is not None:
            self._base = None  # the card fills the form with what is stored
            self.reload()

    @Slot()
    def _on_add_follow_up_clicked(self) -> None:
        self.add_follow_up()

    def add_follow_up(self, then=None, failed=None) -> None:
        if self.detail is None:
            return
        now = self.workspace.clock()
        next_at = self.follow_up_tab.planned_next()
        typed = self.fu_content.toPlainText()
        data = FollowUpInput(self.fu_kind.currentData(), typed, now, next_at)
        customer_id = self.detail.id

        def done(_result) -> None:
            if self.customer_id == customer_id and self.fu_content.toPlainText() == typed:
                self.fu_content.clear()  # else the user moved on: their new text is theirs
                self.fu_plan_next.setChecked(False)
                self.tabs.setCurrentIndex(2)
            self.ctx.notify(self.tr("Follow-up added."))
            if then is not None:
                then()

        self._write(
            lambda: self.workspace.add_follow_up(customer_id, data),
            self.fu_add,
            done,
            failed,
            problems=self.follow_up_tab.problems,
        )
