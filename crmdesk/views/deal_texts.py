"""What the deal dialog says: the deal's fields by name (a line's cells too), what to fix when
the rules refuse a save, a colleague's save in between, and the dialog's two questions (Keep
mine / Reload / Keep editing; move to the recycle bin). Strings in the "DealDialog" context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.models.errors import Conflict, NotFound, ValidationFailed
from crmdesk.views import prompts
from crmdesk.views.errors import conflict_text, error_text, validation_text
from crmdesk.views.labels import listing


def deal_field_label(field: str) -> str:
    """A field of a deal as the rules name it (lines.2.quantity: the third line's quantity)."""
    parts = field.split(".")
    if len(parts) == 3 and parts[0] == "lines" and parts[1].isdigit():
        line = QCoreApplication.translate("DealDialog", "Line {n}").format(n=int(parts[1]) + 1)
        return f"{line} · {deal_field_label(parts[2])}"
    return {
        "customer_id": QCoreApplication.translate("DealDialog", "Customer"),
        "title": QCoreApplication.translate("DealDialog", "Title"),
        "pipeline_id": QCoreApplication.translate("DealDialog", "Pipeline"),
        "stage_id": QCoreApplication.translate("DealDialog", "Stage"),
        "amount": QCoreApplication.translate("DealDialog", "Amount"),
        "probability": QCoreApplication.translate("DealDialog", "Probability"),
        "expected_close": QCoreApplication.translate("DealDialog", "Expected close"),
        "source": QCoreApplication.translate("DealDialog", "Source"),
        "competitor": QCoreApplication.translate("DealDialog", "Competitor"),
        "notes": QCoreApplication.translate("DealDialog", "Notes"),
        "external_id": QCoreApplication.translate("DealDialog", "External ID"),
        "owner_id": QCoreApplication.translate("DealDialog", "Owner"),
        "lines": QCoreApplication.translate("DealDialog", "Product lines"),
        "product_id": QCoreApplication.translate("DealDialog", "Product"),
        "name": QCoreApplication.translate("DealDialog", "Product"),
        "quantity": QCoreApplication.translate("DealDialog", "Quantity"),
        "unit_price": QCoreApplication.translate("DealDialog", "Unit price"),
        "discount": QCoreApplication.translate("DealDialog", "Discount"),
        "total": QCoreApplication.translate("DealDialog", "Line total"),
    }.get(field, field)


def deal_problem_text(
    errors: list[tuple[str, str]],
    limits: dict[str, int] | None = None,
    *,
    label: Callable[[str], str] = deal_field_label,
) -> str:
    """What to fix, one line a field, in the words of the deal's fields (label: another
    record's, the contract dialog's)."""
    own = {
        "too_many_decimals": QCoreApplication.translate(
            "DealDialog", "{field}: at most two decimals (cents)."
        ),
        "gated": QCoreApplication.translate(
            "DealDialog",
            "{field}: this stage asks for more before a deal enters it; create the deal in "
            "an earlier stage and move it on the board.",
        ),
        "use_move": QCoreApplication.translate(
            "DealDialog", "{field}: move the deal on the pipeline board to change it."
        ),
    }
    lines, rest, named = [], [], {}
    for field, code in errors:
        name = label(field)
        if code in own:
            lines.append(own[code].format(field=name))
        else:
            # validation_text names a field through labels.field_label, which gives back a
            # name it does not know: the deal's own label passes through unchanged.
            rest.append((name, code))
            if limits and field in limits:
                named[name] = limits[field]
    if rest:
        lines.append(validation_text(rest, named))
    return "\n".join(lines)


def deal_error_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationFailed):
        return deal_problem_text(exc.params.get("errors", []), exc.params.get("limits") or {})
    if isinstance(exc, Conflict):
        return deal_conflict_text(exc)
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "DealDialog",
            "This deal no longer exists, or is no longer yours to see: someone may have deleted "
            "it or handed it on.",
        )
    return error_text(exc)


def deal_conflict_text(exc: Conflict) -> str:
    """Who changed the deal, when, and which fields."""
    return conflict_text(
        exc,
        deal_field_label,
        at_text=QCoreApplication.translate(
            "DealDialog", "{who} changed this deal at {at} while you were editing it."
        ),
        plain_text=QCoreApplication.translate(
            "DealDialog", "{who} changed this deal while you were editing it."
        ),
    )


def ask_deal_conflict(
    parent: QWidget,
    conflict: Conflict,
    losses: list[str],
    *,
    text: Callable[[Conflict], str] = deal_conflict_text,
    label: Callable[[str], str] = deal_field_label,
) -> str:
    """ "reload", "keep" or "cancel" after a save collided with a colleague's (the fields both
    changed: losses). Keep editing is the default: Enter loses nothing. text and label: another
    record's words (the contract dialog's)."""
    Role = QMessageBox.ButtonRole
    names = listing(label(f) for f in losses)
    return prompts._ask(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("DealDialog", "Changed by a colleague"),
        text(conflict),
        QCoreApplication.translate(
            "DealDialog",
            "Reload shows their version and loses what you typed in: {fields}. Keep mine saves "
            "your changes over theirs; their other changes stay.",
        ).format(fields=names),
        [
            (
                "reload",
                QCoreApplication.translate(
                    "DealDialog", "Reload (lose my changes to {fields})"
                ).format(fields=names),
                Role.DestructiveRole,
            ),
            ("keep", QCoreApplication.translate("DealDialog", "Keep mine"), Role.AcceptRole),
            ("cancel", QCoreApplication.translate("DealDialog", "Keep editing"), Role.RejectRole),
        ],  # fmt: skip
        "cancel",
    )


def confirm_delete_deal(parent: QWidget, title: str) -> bool:
    Role = QMessageBox.ButtonRole
    answer = prompts._ask(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("DealDialog", "Delete deal"),
        QCoreApplication.translate(
            "DealDialog", "Move the deal “{title}” to the recycle bin?"
        ).format(title=title),
        QCoreApplication.translate("DealDialog", "You can undo this for a few seconds."),
        [
            (
                "delete",
                QCoreApplication.translate("DealDialog", "Move to recycle bin"),
                Role.DestructiveRole,
            ),
            ("cancel", QCoreApplication.translate("DealDialog", "Cancel"), Role.RejectRole),
        ],
        "cancel",
    )
    return answer == "delete"
