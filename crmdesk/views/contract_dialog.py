"""The contract dialog: a new contract (by hand, or prefilled from a won deal) or an existing one;
its fields (contract_form.py), product lines (the deal dialog's editor, deal_lines.py), payment
plan (contract_plan.py), payments received and invoices (contract_payments.py) and history.
Non-modal, one window per contract (opening it again raises the first).

Save writes the fields, lines and the plan when it changed in one unit of work (a new contract:
created, then its plan), through the writer thread with the buttons off meanwhile. Nothing typed
is lost: a refused save says why beside the fields; a colleague's save in between merges when it
touched other fields and asks when the same ones; closing with unsaved edits asks. Payments and
invoices are their own writes and leave typed fields alone. Finance users see the contract
read-only and record payments and invoices."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QTabWidget, QWidget

from crmdesk.models.changes import Change, WriteResult
from crmdesk.models.contract_rules import ContractInput, InstalmentInput, check_instalments
from crmdesk.models.errors import Conflict, ValidationFailed
from crmdesk.views.context import PageContext
from crmdesk.views.contract_form import (
    ContractForm,
    ContractHistory,
    ContractStatusBar,
    merge_contract,
)
from crmdesk.views.contract_payments import InvoicesTab, PaymentsTab
from crmdesk.views.contract_plan import PlanEditor
from crmdesk.views.contract_texts import (
    ask_contract_conflict,
    contract_conflict_text,
    contract_error_text,
    contract_problem_text,
    status_label,
)
from crmdesk.views.deal_lines import DealLinesEditor
from crmdesk.views.deal_words import money
from crmdesk.views.record_dialogs import OneWindowEach, RecordDialog

DETAILS, LINES, PLAN, PAYMENTS, INVOICES, HISTORY = range(6)

_open = OneWindowEach()


def open_contract_dialog(
    ctx: PageContext,
    parent: QWidget | None,
    *,
    contract_id: int | None = None,
    customer_id: int | None = None,
    data: ContractInput | None = None,
) -> ContractDialog:
    """Show the contract (None: a new one, for `customer_id` when given, prefilled from `data`,
    e.g. contract_from_deal's). A contract already open is raised instead of opened twice."""
    shown = _open.raised(contract_id)
    if shown is not None:
        return shown
    dialog = ContractDialog(ctx, parent, contract_id=contract_id, customer_id=customer_id,
                            data=data)  # fmt: skip
    if contract_id is not None:
        _open.remember(contract_id, dialog)
    dialog.show()
    return dialog


class ContractDialog(RecordDialog):
    def __init__(
        self,
        ctx: PageContext,
        parent: QWidget | None = None,
        *,
        contract_id: int | None = None,
        customer_id: int | None = None,
        data: ContractInput | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.contract_id = contract_id
        self.customer_id = customer_id if data is None else data.customer_id
        self.prefill = data
        self.detail = None  # contract_detail.ContractDetail once read
        self._pending_plan = None  # a plan typed for a contract created without it
        self.setWindowTitle(self.tr("New contract") if contract_id is None else self.tr("Contract"))

        self.status = ContractStatusBar(ctx)
        self.form = ContractForm(ctx)
        self.lines = DealLinesEditor()
        self.plan = PlanEditor(self._plan_amount, self._first_due, self.form.ends_on.value)
        self.payments = PaymentsTab(ctx)
        self.invoices = InvoicesTab(ctx)
        self.history = ContractHistory()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scrolled(self.form), self.tr("Details"))
        self.tabs.addTab(self.lines, self.tr("Lines"))
        self.tabs.addTab(self.plan, self.tr("Payment plan"))
        self.tabs.addTab(self.payments, self.tr("Payments"))
        self.tabs.addTab(self.invoices, self.tr("Invoices"))
        self.tabs.addTab(self.history, self.tr("History"))
        for tab in (PAYMENTS, INVOICES, HISTORY):  # a contract not yet saved has none
            self.tabs.setTabVisible(tab, contract_id is not None)
        self.lay_out([self.status], [])

        self.lines.changed.connect(self._on_lines_changed)
        for editor in (self.lines, self.form, self.plan):
            editor.changed.connect(self._on_edited)
        self.form.amount.textChanged.connect(self.plan.refresh)
        for day in (self.form.signed_on, self.form.starts_on, self.form.ends_on):
            day.changed.connect(self.plan.refresh)  # the templates' first and last days
        self.form.customer.chosen.connect(self._on_customer_chosen)
        self.status.failed.connect(lambda text: self._show_problems(text, []))
        ctx.bus.changed.connect(self._on_data_changed)
        self.resize(900, 680)
        self._set_enabled(False)
        self.load()

    # -- what the plan's templates fill from
    def _plan_amount(self):
        return self.form.amount_or(self.lines.total())

    def _first_due(self) -> date:
        return self.form.starts_on.value() or self.form.signed_on.value() or date.today()

    # -- loading
    def load(self) -> None:
        ws, contract_id, prefill = self.workspace, self.contract_id, self.prefill
        customer_id = self.customer_id

        def read():
            detail = ws.contract(contract_id) if contract_id is not None else None
            deal = name = None
            if detail is None and prefill is not None and prefill.deal_id is not None:
                deal = ws.deal(prefill.deal_id).data.title
            if detail is None and customer_id is not None:
                name = ws.customer_card(customer_id).detail.data.name
            return detail, (deal, name), ws.products(), ws.assignable_users()

        self.ctx.read(read, self._on_loaded, self._on_load_failed, owner=self, key="contract")

    def _on_loaded(self, got) -> None:
        detail, (deal_title, customer_name), products, users = got
        actor = self.workspace.actor
        if detail is not None and self.detail is not None and self._base is not None and (
                self.has_unsaved()):  # fmt: skip
            self._show_money(detail)  # a payment came in while the user types: fields stay
            return
        self.form.set_users(self.with_actor(users))
        self.lines.set_products(products)
        if detail is None:
            self._show_new(actor, deal_title, customer_name or "")
        else:
            self._show_contract(detail)
        self._base = self.snapshot()
        if detail is not None and self._pending_plan is not None:
            self.plan.set_plan(self._pending_plan)  # typed, not saved: Save tries it again
            self._pending_plan = None
        self.focus_first(detail)

    def _show_new(self, actor, deal_title: str | None, customer_name: str) -> None:
        data = self.prefill
        self.form.set_owner(actor.id, actor.name)
        if data is not None:
            self.form.set_contract(data, "")
            self.lines.set_lines(data.lines)
            if data.deal_id is not None:
                self.form.fix_deal(data.deal_id, deal_title or "")
        if self.customer_id is not None:
            self.form.customer.set_fixed(self.customer_id, customer_name)
            self._load_customer(self.customer_id)
        self._on_lines_changed()
        self.heading.setText(self.tr("New contract"))
        self.status.set_text(self.tr("Draft · the number is generated when saved unless typed"))
        self._set_enabled(True)

    def _show_contract(self, detail) -> None:
        self.detail = detail
        self.customer_id = detail.data.customer_id
        self.form.customer.set_fixed(detail.data.customer_id, detail.customer_name)
        if detail.data.deal_id is not None:
            self.form.fix_deal(detail.data.deal_id, detail.deal_title)
        self.form.set_contract(detail.data, detail.owner_name)
        self.lines.set_lines(detail.data.lines)
        self._on_lines_changed()
        plan = [InstalmentInput(i.due_on, i.amount, i.note, i.id) for i in detail.instalments]
        self.plan.set_plan(plan, {i.id: i.paid for i in detail.instalments})
        self._show_money(detail)
        self._set_enabled(True)
        read_only = not detail.editable
        # While a manager decides, what they decide on stays put (the yellow note says why).
        held = read_only or detail.awaiting_approval
        self.form.set_read_only(read_only, detail.awaiting_approval)
        self.lines.set_read_only(held)
        self.plan.set_read_only(held)
        self.save_button.setVisible(detail.editable)
        if not detail.data.deal_id:
            self._load_customer(detail.data.customer_id)

    def _show_money(self, detail) -> None:
        """What payments change: the heading, paid of each instalment, payments, invoices and
        the history; typed fields stay as they are."""
        self.heading.setText(f"{detail.data.number} · {detail.data.title}")
        self.setWindowTitle(self.tr("Contract {number}").format(number=detail.data.number))
        parts = [detail.customer_name, status_label(detail.status),
                 self.tr("received {received} of {amount}").format(
                     received=money(detail.received), amount=money(detail.amount))]  # fmt: skip
        if not detail.editable:
            parts.append(self.tr("read only"))
        self.status.set_text(" · ".join(p for p in parts if p))
        self.plan.set_paid({i.id: i.paid for i in detail.instalments})
        self.payments.fill(detail)
        self.invoices.fill(detail)
        self.history.fill(detail.events)
        self.status.set_contract(detail, self.has_unsaved())

    def error_text(self, exc: BaseException) -> str:
        return contract_error_text(exc)

    def _load_customer(self, customer_id: int) -> None:
        """The customer's deals to pick from and, for a new contract, their owner."""
        ws, show, new = self.workspace, self._on_deals_loaded, self.detail is None

        def read():
            owner = ws.customer_card(customer_id).detail.owner_id if new else None
            return ws.customer_deals(customer_id), owner

        self.ctx.read(read, lambda got: show(customer_id, *got), lambda _exc: None,
                      owner=self, key="deals")  # fmt: skip

    def _on_deals_loaded(self, customer_id: int, rows, owner_id: int | None = None) -> None:
        if customer_id != self.form.customer.customer_id:
            return
        untouched = not self.has_unsaved()
        self.form.set_deals([(r.id, r.title) for r in rows], self.form.deal.currentData())
        # A new contract is the customer's rep's, as a new deal is (deal_dialog), when this
        # user may hand it to them; one made from a deal keeps the deal's owner.
        index = self.form.owner.findData(owner_id) if owner_id is not None else -1
        from_deal = self.prefill is not None and self.prefill.owner_id is not None
        if self.detail is None and index >= 0 and not from_deal and untouched:
            self.form.owner.setCurrentIndex(index)
        if untouched and self._base is not None:
            self._base = self.snapshot()

    def _set_enabled(self, enabled: bool) -> None:
        self.tabs.setEnabled(enabled)
        self.save_button.setEnabled(enabled and not self._busy)

    @Slot(int)
    def _on_customer_chosen(self, customer_id: int) -> None:
        if customer_id:
            self._load_customer(customer_id)

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        """A payment, a status move or a colleague's save shows here (the bus carries ours
        too); while the user types, only what payments change (_on_loaded)."""
        cid = self.customer_id
        if self.detail is None or cid is None or not (cid in change.customer_ids or change.many):
            return
        if change.kinds & {"contracts", "payments", "approvals"} and not self._busy:
            self.load()

    # -- editing
    def snapshot(self) -> tuple:
        return self.form.snapshot(), self.lines.snapshot(), self.plan.snapshot()

    @Slot()
    def _on_lines_changed(self) -> None:
        self.form.set_lines_total(self.lines.total())
        self.plan.refresh()

    @Slot()
    def _on_edited(self) -> None:
        """Typing again puts the complaint away (it comes back at the next Save if still so)."""
        if self.problems.isVisible():
            self.problems.hide()
            for editor in (self.form, self.lines, self.plan):
                editor.mark_invalid([])
        if self.detail is not None:
            self.status.set_contract(self.detail, self._busy or self.has_unsaved())

    def _show_problems(self, text: str, names: list[str]) -> None:
        self.problems.setText(text)
        self.problems.show()
        for editor in (self.form, self.lines, self.plan):
            editor.mark_invalid(names)
        if names:  # the tab with the first field to fix
            first = names[0]
            tab = LINES if first.startswith("lines") else DETAILS
            self.tabs.setCurrentIndex(PLAN if first.startswith("instalments") else tab)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        editable = self.detail is None or self.detail.editable
        self.save_button.setEnabled(not busy and editable)
        if self.detail is not None:
            self.status.set_contract(self.detail, self._busy or self.has_unsaved())

    # -- saving
    def save(self, then=None, failed=None) -> None:
        """Save what the fields hold; then() once saved (the dialog has closed), or failed()
        with the reason shown and nothing typed lost."""
        lines, errors = self.lines.lines()
        data, form_errors = self.form.value(lines)
        plan, plan_errors = self.plan.instalments()
        errors = form_errors + errors + plan_errors
        if not errors and plan:
            try:
                check_instalments(plan)
            except ValidationFailed as exc:
                errors = [(self.plan.rows_of(f), c) for f, c in exc.params.get("errors", [])]
            if not errors and not self.plan.adds_up():
                errors = [("instalments", "difference")]
        if errors:
            self._show_problems(contract_problem_text(errors), [f for f, _c in errors])
            if failed is not None:
                failed()
            return
        self._submit(data, plan, False, then, failed)

    def _submit(self, data: ContractInput, plan, overwrite: bool, then, failed) -> None:
        ws, base = self.workspace, self.detail
        plan_changed = self._base is None or self.snapshot()[2] != self._base[2]
        created: list[int] = []

        def call() -> WriteResult:
            if base is not None:  # fields, lines and the plan (when changed) in one unit
                return ws.save_contract(base.id, data, plan if plan_changed else None,
                                        base.version, overwrite)  # fmt: skip
            result = ws.create_contract(data)
            created.append(result.value)
            change = result.change
            if plan:  # a new contract's plan needs its id: a second write
                version = ws.contract(result.value).version
                change = change | ws.save_plan(result.value, plan, version).change
            return WriteResult(result.value, change)

        self.problems.hide()
        self._saving = self.snapshot()
        self._set_busy(True)

        def done(result: WriteResult) -> None:
            self._set_busy(False)
            title = data.title
            if base is None:
                self.created_id = result.value  # the page selects it once the dialog closes
                self.ctx.notify(self.tr("Created the contract “{title}”.").format(title=title))
            else:
                self.ctx.notify(self.tr("Saved “{title}”.").format(title=title))
            self._close_now()
            if then is not None:
                then()

        def error(exc: BaseException) -> None:
            self._set_busy(False)
            self._saving = None
            if created and self.contract_id is None:  # the contract is saved, its plan not:
                self.contract_id = created[0]  # the dialog shows it, the plan still as typed
                _open.remember(created[0], self)
                self._pending_plan = plan
                self.load()
            theirs = exc.params.get("fields") or [] if isinstance(exc, Conflict) else []
            if isinstance(exc, Conflict) and base is not None and "instalments" not in theirs:
                self._on_conflict(exc, base, data, plan, then, failed)
                return
            if isinstance(exc, ValidationFailed):  # named by the rows the user sees
                errors = [(self.plan.rows_of(self.lines.rows_of(f)), c)
                          for f, c in exc.params.get("errors", [])]  # fmt: skip
                limits = {self.lines.rows_of(f): n
                          for f, n in (exc.params.get("limits") or {}).items()}  # fmt: skip
                text, names = contract_problem_text(errors, limits), [f for f, _c in errors]
            elif isinstance(exc, Conflict):
                text, names = contract_conflict_text(exc), []
            else:
                text, names = contract_error_text(exc), []
            self._show_problems(text, names)
            if failed is not None:
                failed()

        self.ctx.write(call, done, error, owner=self)

    def _on_conflict(self, exc: Conflict, base, mine: ContractInput, plan, then, failed):
        current = exc.params.get("current")
        if not isinstance(current, ContractInput):
            self._show_problems(contract_conflict_text(exc), [])
            if failed is not None:
                failed()
            return
        merged, both = merge_contract(mine, base.data, current)
        answer = "keep" if not both else ask_contract_conflict(self, exc, both)
        if answer == "keep":
            self._submit(merged, plan, True, then, failed)
            return
        if answer == "reload":
            self._base = None
            self.detail = None
            self.load()
        else:
            self._show_problems(contract_conflict_text(exc), [])
        if failed is not None:
            failed()

    # -- closing
    def new_name(self) -> str:
        return self.tr("the new contract")
