"""What the deal dialog says: the deal's fields by name (a line's cells too), what to fix when
the rules refuse a save, a colleague's save in between, and the dialog's two questions (Keep
mine / Reload / Keep editing; move to the recycle bin). Strings in the "DealDialog" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.models.errors import Conflict, NotFound, ValidationFailed
from crmdesk.views import prompts
from crmdesk.views.errors import error_text, validation_text
from crmdesk.views.labels import listing, local_time, sentences


def _t(text: str) -> str:
    return QCoreApplication.translate("DealDialog", text)


def deal_field_label(field: str) -> str:
    """A field of a deal as the rules name it (lines.2.quantity: the third line's quantity)."""
    parts = field.split(".")
    if len(parts) == 3 and parts[0] == "lines" and parts[1].isdigit():
        line = _t("Line {n}").format(n=int(parts[1]) + 1)
        return f"{line} · {deal_field_label(parts[2])}"
    return {
        "customer_id": _t("Customer"),
        "title": _t("Title"),
        "pipeline_id": _t("Pipeline"),
        "stage_id": _t("Stage"),
        "amount": _t("Amount"),
        "probability": _t("Probability"),
        "expected_close": _t("Expected close"),
        "source": _t("Source"),
        "competitor": _t("Competitor"),
        "notes": _t("Notes"),
        "external_id": _t("External ID"),
        "owner_id": _t("Owner"),
        "lines": _t("Product lines"),
        "product_id": _t("Product"),
        "name": _t("Product"),
        "quantity": _t("Quantity"),
        "unit_price": _t("Unit price"),
        "discount": _t("Discount"),
        "total": _t("Line total"),
    }.get(field, field)


def deal_problem_text(errors: list[tuple[str, str]], limits: dict[str, int] | None = None) -> str:
    """What to fix, one line a field, in the words of the deal's fields."""
    own = {
        "too_many_decimals": _t("{field}: at most two decimals (cents)."),
        "gated": _t(
            "{field}: this stage asks for more before a deal enters it; create the deal in "
            "an earlier stage and move it on the board."
        ),
        "use_move": _t("{field}: move the deal on the pipeline board to change it."),
    }
    lines, rest, named = [], [], {}
    for field, code in errors:
        label = deal_field_label(field)
        if code in own:
            lines.append(own[code].format(field=label))
        else:
            # validation_text names a field through labels.field_label, which gives back a
            # name it does not know: the deal's own label passes through unchanged.
            rest.append((label, code))
            if limits and field in limits:
                named[label] = limits[field]
    if rest:
        lines.append(validation_text(rest, named))
    return "\n".join(lines)


def deal_error_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationFailed):
        return deal_problem_text(exc.params.get("errors", []), exc.params.get("limits") or {})
    if isinstance(exc, Conflict):
        return deal_conflict_text(exc)
    if isinstance(exc, NotFound):
        return _t(
            "This deal no longer exists, or is no longer yours to see: someone may have deleted "
            "it or handed it on."
        )
    return error_text(exc)


def deal_conflict_text(exc: Conflict) -> str:
    """Who changed the deal, when, and which fields."""
    who = exc.params.get("by") or _t("A colleague")
    at = exc.params.get("at")
    text = (
        _t("{who} changed this deal at {at} while you were editing it.")
        if at is not None
        else _t("{who} changed this deal while you were editing it.")
    ).format(who=who, at=local_time(at))
    changed = listing(deal_field_label(f) for f in exc.params.get("fields") or [])
    if not changed:
        return text
    return sentences(text, _t("They changed: {fields}.").format(fields=changed))


def ask_deal_conflict(parent: QWidget, conflict: Conflict, losses: list[str]) -> str:
    """ "reload", "keep" or "cancel" after a save collided with a colleague's (the fields both
    changed: losses). Keep editing is the default: Enter loses nothing."""
    Role = QMessageBox.ButtonRole
    names = listing(deal_field_label(f) for f in losses)
    return prompts._ask(
        parent,
        QMessageBox.Icon.Warning,
        _t("Changed by a colleague"),
        deal_conflict_text(conflict),
        _t(
            "Reload shows their version and loses what you typed in: {fields}. Keep mine saves "
            "your changes over theirs; their other changes stay."
        ).format(fields=names),
        [
            (
                "reload",
                _t("Reload (lose my changes to {fields})").format(fields=names),
                Role.DestructiveRole,
            ),
            ("keep", _t("Keep mine"), Role.AcceptRole),
            ("cancel", _t("Keep editing"), Role.RejectRole),
        ],  # fmt: skip
        "cancel",
    )


def confirm_delete_deal(parent: QWidget, title: str) -> bool:
    Role = QMessageBox.ButtonRole
    answer = prompts._ask(
        parent,
        QMessageBox.Icon.Question,
        _t("Delete deal"),
        _t("Move the deal “{title}” to the recycle bin?").format(title=title),
        _t("You can undo this for a few seconds."),
        [
            ("delete", _t("Move to recycle bin"), Role.DestructiveRole),
            ("cancel", _t("Cancel"), Role.RejectRole),
        ],
        "cancel",
    )
    return answer == "delete"
