"""What the contract dialog says: a contract's fields by name (a line's cells and the plan's rows
too), what to fix when the rules refuse a save, a colleague's save in between, statuses, the
history's events, payment methods, why a payment was refused; and its questions (Keep mine /
Reload, terminate, keep an over-payment as credit, void a payment). Kept apart as deal_texts.py
is, so the dialog's parts read plainly."""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.models.errors import Conflict, NotFound, ValidationFailed
from crmdesk.views import prompts
from crmdesk.views.deal_texts import (
    ask_deal_conflict,
    deal_error_text,
    deal_field_label,
    deal_problem_text,
)
from crmdesk.views.deal_words import money
from crmdesk.views.errors import conflict_text
from crmdesk.views.labels import labelled


def contract_field_label(field: str) -> str:
    """A contract's field as the rules name it; a line's cells as the deal dialog names them;
    instalments.N.x: the plan's row N+1."""
    parts = field.split(".")
    if len(parts) == 3 and parts[0] == "instalments" and parts[1].isdigit():
        n = int(parts[1]) + 1
        # An instalment's own words: its amount is not the contract's amount.
        cell = {
            "amount": QCoreApplication.translate("ContractDialog", "Instalment {n}'s amount"),
            "due_on": QCoreApplication.translate("ContractDialog", "Instalment {n}'s due date"),
            "note": QCoreApplication.translate("ContractDialog", "Instalment {n}'s note"),
        }.get(parts[2])
        if cell is not None:
            return cell.format(n=n)
        row = QCoreApplication.translate("ContractDialog", "Instalment {n}").format(n=n)
        return f"{row} · {contract_field_label(parts[2])}"
    own = {
        "number": QCoreApplication.translate("ContractDialog", "Contract number"),
        "title": QCoreApplication.translate("ContractDialog", "Title"),
        "customer_id": QCoreApplication.translate("ContractDialog", "Customer"),
        "deal_id": QCoreApplication.translate("ContractDialog", "Deal"),
        "owner_id": QCoreApplication.translate("ContractDialog", "Owner"),
        "amount": QCoreApplication.translate("ContractDialog", "Amount"),
        "signed_on": QCoreApplication.translate("ContractDialog", "Signed on"),
        "starts_on": QCoreApplication.translate("ContractDialog", "Starts on"),
        "ends_on": QCoreApplication.translate("ContractDialog", "Ends on"),
        "notes": QCoreApplication.translate("ContractDialog", "Notes"),
        "status": QCoreApplication.translate("ContractDialog", "Status"),
        "instalments": QCoreApplication.translate("ContractDialog", "Payment plan"),
        "due_on": QCoreApplication.translate("ContractDialog", "Due on"),
        "note": QCoreApplication.translate("ContractDialog", "Note"),
    }
    return own.get(field) or deal_field_label(field)


def _pair_texts(activating: bool) -> dict[tuple[str, str], str]:
    """Refusals whose words depend on the field as well as the code."""
    plan = (
        QCoreApplication.translate(
            "ContractDialog",
            "The payment plan does not add up to the contract amount: correct it on the "
            "Payment plan tab and save, then activate the contract.",
        )
        if activating
        else QCoreApplication.translate(
            "ContractDialog",
            "The payment plan does not add up to the contract amount: change an instalment, "
            "or fill the plan again from a template.",
        )
    )
    return {
        ("instalments", "difference"): plan,
        ("signed_on", "required"): QCoreApplication.translate(
            "ContractDialog",
            "Enter the day the contract was signed (Signed on) and save before activating it.",
        ),
        ("amount", "needs_approval"): QCoreApplication.translate(
            "ContractDialog",
            "Amount: above the approval limit an administrator set{limit}, a signed contract's "
            "amount or discount cannot be raised here. Ask an administrator to make the change.",
        ),
        ("status", "has_payments"): QCoreApplication.translate(
            "ContractDialog",
            "Payments are recorded on this contract, so it cannot go back to draft: void them "
            "on the Payments tab first.",
        ),
        ("number", "too_long"): QCoreApplication.translate(
            "ContractDialog",
            "Contract number: too long{limit}. A number left blank is made from the pattern in "
            "Contract settings; an administrator can shorten it there.",
        ),
        ("deal_id", "has_contract"): QCoreApplication.translate(
            "ContractDialog",
            "This deal already has a contract: open it from the customer's Contracts tab "
            "instead of making another.",
        ),
    }


def _limit_text(field: str, limit: object) -> str:
    if limit is None or isinstance(limit, bool):
        return ""
    if field == "number" and isinstance(limit, int):
        return QCoreApplication.translate("ContractDialog", " (at most {limit} characters)").format(
            limit=limit
        )
    try:
        return QCoreApplication.translate("ContractDialog", " ({limit})").format(
            limit=money(Decimal(str(limit)))
        )
    except ArithmeticError:
        return ""


def contract_problem_text(
    errors: list[tuple[str, str]],
    limits: dict[str, object] | None = None,
    *,
    activating: bool = False,
) -> str:
    """What to fix, one line a field, in the words of the contract's fields (activating: the
    refusal came from Activate, not from Save)."""
    pairs = _pair_texts(activating)
    own = {
        "difference": QCoreApplication.translate(
            "ContractDialog",
            "The payment plan does not add up to the contract amount: change an instalment, "
            "or fill the plan again from a template.",
        ),
        "below_paid": QCoreApplication.translate(
            "ContractDialog", "{field}: less than what is already paid of it."
        ),
        "paid_removed": QCoreApplication.translate(
            "ContractDialog", "An instalment already (partly) paid cannot be removed from the plan."
        ),
        "before_start": QCoreApplication.translate(
            "ContractDialog", "{field}: before the contract starts."
        ),
        "awaiting_approval": QCoreApplication.translate(
            "ContractDialog",
            "{field}: cannot change while a manager decides on activating the contract.",
        ),
        "invalid_move": QCoreApplication.translate(
            "ContractDialog", "The contract's status has changed meanwhile."
        ),
        "below_received": QCoreApplication.translate(
            "ContractDialog", "{field}: less than what has already been received on it."
        ),
        "not_won": QCoreApplication.translate(
            "ContractDialog", "{field}: only a won deal makes a contract."
        ),
        "has_payments": QCoreApplication.translate(
            "ContractDialog", "A contract with payments recorded on it cannot be deleted."
        ),
    }
    lines, rest = [], []
    for field, code in errors:
        if (field, code) in pairs:
            limit = _limit_text(field, (limits or {}).get(field))
            lines.append(pairs[field, code].format(limit=limit))
        elif code in own:
            lines.append(own[code].format(field=contract_field_label(field)))
        else:
            rest.append((field, code))
    if rest:
        numeric = {f: n for f, n in (limits or {}).items() if isinstance(n, int)}
        lines.append(deal_problem_text(rest, numeric, label=contract_field_label))
    return "\n".join(lines)


def contract_error_text(exc: BaseException, *, activating: bool = False) -> str:
    if isinstance(exc, ValidationFailed):
        errors = exc.params.get("errors", [])
        return contract_problem_text(errors, exc.params.get("limits") or {},
                                     activating=activating)  # fmt: skip
    if isinstance(exc, Conflict):
        return contract_conflict_text(exc)
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "ContractDialog",
            "This contract no longer exists, or is no longer yours to see: someone may have "
            "deleted it or handed it on.",
        )
    return deal_error_text(exc)


def contract_conflict_text(exc: Conflict) -> str:
    """Who changed the contract, when, and which fields."""
    return conflict_text(
        exc,
        contract_field_label,
        at_text=QCoreApplication.translate(
            "ContractDialog", "{who} changed this contract at {at} while you were editing it."
        ),
        plain_text=QCoreApplication.translate(
            "ContractDialog", "{who} changed this contract while you were editing it."
        ),
    )


def status_label(status: str) -> str:
    return {
        "draft": QCoreApplication.translate("ContractDialog", "Draft"),
        "active": QCoreApplication.translate("ContractDialog", "Active"),
        "completed": QCoreApplication.translate("ContractDialog", "Completed"),
        "terminated": QCoreApplication.translate("ContractDialog", "Terminated"),
    }.get(status, status)


def event_label(kind: str) -> str:
    return {
        "created": QCoreApplication.translate("ContractDialog", "Created"),
        "edited": QCoreApplication.translate("ContractDialog", "Edited"),
        "status": QCoreApplication.translate("ContractDialog", "Status changed"),
        "plan": QCoreApplication.translate("ContractDialog", "Payment plan changed"),
        "payment": QCoreApplication.translate("ContractDialog", "Payment recorded"),
        "payment_voided": QCoreApplication.translate("ContractDialog", "Payment voided"),
        "invoice": QCoreApplication.translate("ContractDialog", "Invoice"),
        "approval_requested": QCoreApplication.translate("ContractDialog", "Approval requested"),
        "approved": QCoreApplication.translate("ContractDialog", "Approved"),
        "rejected": QCoreApplication.translate("ContractDialog", "Approval refused"),
    }.get(kind, kind)


class ContractWords(QObject):
    """Counted words (lupdate marks plurals only in a class)."""

    def instalments(self, n: int) -> str:
        return self.tr("%n instalment(s)", "", n)


@functools.cache
def contract_words() -> ContractWords:
    return ContractWords()


def _money_text(text: str) -> str:
    try:
        return money(Decimal(text))
    except ArithmeticError:
        return text


def event_detail(kind: str, detail: str) -> str:
    """An event's detail as stored ("active", "5000.00", "2:74000.00", "22200.00 FP-1",
    "deleted 22200.00 FP-1") in the reader's words."""
    if kind == "status":
        return status_label(detail)
    if kind == "plan" and ":" in detail:  # instalments and their total
        count, _colon, total = detail.partition(":")
        if count.isdigit():
            return f"{contract_words().instalments(int(count))} · {_money_text(total)}"
    if kind in ("payment", "payment_voided"):
        return _money_text(detail)
    if kind == "invoice":
        words = detail.split(" ", 2) if detail else []
        deleted = bool(words) and words[0] == "deleted"
        if deleted:
            words = words[1:]
        if words:
            shown = " · ".join([_money_text(words[0]), *words[1:]])
            if deleted:
                return labelled(QCoreApplication.translate("ContractDialog", "Deleted"), shown)
            return shown
    return detail


def ask_contract_conflict(parent: QWidget, conflict: Conflict, losses: list[str]) -> str:
    return ask_deal_conflict(parent, conflict, losses, text=contract_conflict_text,
                             label=contract_field_label)  # fmt: skip


def confirm_terminate(parent: QWidget, title: str) -> bool:
    Role = QMessageBox.ButtonRole
    answer = prompts._ask(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ContractDialog", "Terminate contract"),
        QCoreApplication.translate("ContractDialog", "Terminate the contract “{title}”?").format(
            title=title
        ),
        QCoreApplication.translate(
            "ContractDialog",
            "Payments may still be recorded on it; it can go back to draft later.",
        ),
        [
            (
                "terminate",
                QCoreApplication.translate("ContractDialog", "Terminate"),
                Role.DestructiveRole,
            ),
            ("cancel", QCoreApplication.translate("ContractDialog", "Cancel"), Role.RejectRole),
        ],  # fmt: skip
        "cancel",
    )
    return answer == "terminate"


def confirm_complete(parent: QWidget, title: str, outstanding: Decimal) -> bool:
    """Completing a contract with money still owed: on purpose?"""
    Role = QMessageBox.ButtonRole
    answer = prompts._ask(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ContractDialog", "Complete contract"),
        QCoreApplication.translate(
            "ContractDialog",
            "{outstanding} is still outstanding. Mark the contract completed anyway?",
        ).format(outstanding=money(outstanding)),
        QCoreApplication.translate(
            "ContractDialog",
            "What is owed on “{title}” stays in the receivables; payments may still be "
            "recorded on it, and it can be reopened.",
        ).format(title=title),
        [
            (
                "complete",
                QCoreApplication.translate("ContractDialog", "Mark completed"),
                Role.AcceptRole,
            ),
            ("cancel", QCoreApplication.translate("ContractDialog", "Cancel"), Role.RejectRole),
        ],  # fmt: skip
        "cancel",
    )
    return answer == "complete"


def day_text(day: date | None) -> str:
    """A day in the user's locale's short format (as Today and Receivables show days)."""
    return "" if day is None else QLocale().toString(day, QLocale.FormatType.ShortFormat)


def method_label(code: str) -> str:
    return {
        "bank_transfer": QCoreApplication.translate("ContractPayments", "Bank transfer"),
        "cash": QCoreApplication.translate("ContractPayments", "Cash"),
        "cheque": QCoreApplication.translate("ContractPayments", "Cheque"),
        "online": QCoreApplication.translate("ContractPayments", "Online"),
    }.get(code, code)


def payment_field_label(field: str) -> str:
    return {
        "received_on": QCoreApplication.translate("ContractPayments", "Received on"),
        "amount": QCoreApplication.translate("ContractPayments", "Amount"),
        "method": QCoreApplication.translate("ContractPayments", "Method"),
        "reference": QCoreApplication.translate("ContractPayments", "Reference"),
        "instalment_id": QCoreApplication.translate("ContractPayments", "Instalment"),
        "number": QCoreApplication.translate("ContractPayments", "Invoice number"),
        "issued_on": QCoreApplication.translate("ContractPayments", "Issued on"),
    }.get(field) or contract_field_label(field)


def payment_problem_text(exc: BaseException) -> str:
    """Why a payment or an invoice was refused, in words about money."""
    if not isinstance(exc, ValidationFailed):
        return deal_error_text(exc)
    own = {
        "future": QCoreApplication.translate("ContractPayments", "{field}: a day still to come."),
        "draft": QCoreApplication.translate(
            "ContractPayments",
            "Payments and invoices are recorded on a signed contract: activate it first.",
        ),
        "voided": QCoreApplication.translate("ContractPayments", "This payment is already void."),
        "over_plan": QCoreApplication.translate(
            "ContractPayments", "That is more than the plan still expects ({outstanding})."
        ),
    }
    lines, rest = [], []
    outstanding = exc.params.get("outstanding")
    for field, code in exc.params.get("errors", []):
        if code in own:
            text = own[code].format(field=payment_field_label(field),
                                    outstanding=money(outstanding or 0))  # fmt: skip
            if text not in lines:
                lines.append(text)
        else:
            rest.append((payment_field_label(field), code))
    if rest:
        lines.append(contract_problem_text(rest))
    return "\n".join(lines)


def ask_keep_credit(parent: QWidget, amount: Decimal, outstanding: Decimal) -> bool:
    """The payment is more than the plan still expects: keep the excess as credit?"""
    Role = QMessageBox.ButtonRole
    answer = prompts._ask(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ContractPayments", "More than the plan expects"),
        QCoreApplication.translate(
            "ContractPayments",
            "{amount} is more than the plan still expects ({outstanding}).",
        ).format(amount=money(amount), outstanding=money(outstanding)),
        QCoreApplication.translate(
            "ContractPayments",
            "Record it anyway and keep {excess} as the contract's credit, or correct the amount.",
        ).format(excess=money(amount - outstanding)),
        [
            (
                "credit",
                QCoreApplication.translate("ContractPayments", "Keep as credit"),
                Role.AcceptRole,
            ),
            (
                "cancel",
                QCoreApplication.translate("ContractPayments", "Correct the amount"),
                Role.RejectRole,
            ),
        ],  # fmt: skip
        "cancel",
    )
    return answer == "credit"


def confirm_void_payment(parent: QWidget, amount: Decimal, day: date) -> bool:
    Role = QMessageBox.ButtonRole
    answer = prompts._ask(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ContractPayments", "Void payment"),
        QCoreApplication.translate(
            "ContractPayments", "Void the payment of {amount} received on {day}?"
        ).format(amount=money(amount), day=day_text(day)),
        QCoreApplication.translate(
            "ContractPayments",
            "The instalments it paid are unpaid again. The payment stays in the list, marked void.",
        ),
        [
            (
                "void",
                QCoreApplication.translate("ContractPayments", "Void payment"),
                Role.DestructiveRole,
            ),
            ("cancel", QCoreApplication.translate("ContractPayments", "Cancel"), Role.RejectRole),
        ],  # fmt: skip
        "cancel",
    )
    return answer == "void"
