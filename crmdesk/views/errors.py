"""Turning errors into plain words for the user; the full detail goes to the log file."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.models.errors import (
    Conflict,
    CrmError,
    DatabaseUnavailable,
    NotFound,
    PermissionDenied,
    SchemaTooNew,
    ValidationFailed,
)
from crmdesk.views.labels import field_label, local_time

log = logging.getLogger("crmdesk")


def validation_text(errors: list[tuple[str, str]]) -> str:
    words = {
        "required": QCoreApplication.translate("Errors", "{field} is required."),
        "invalid": QCoreApplication.translate("Errors", "{field} has a value that is not allowed."),
        "invalid_phone": QCoreApplication.translate(
            "Errors", "{field} does not look like a phone number."
        ),
        "invalid_email": QCoreApplication.translate(
            "Errors", "{field} does not look like an e-mail address."
        ),
        "too_long": QCoreApplication.translate("Errors", "{field} is too long."),
        "not_after_happened": QCoreApplication.translate(
            "Errors", "{field} must be later than the follow-up itself."
        ),
    }
    lines = []
    for field, code in errors:
        name = field_label(field.rsplit(".", 1)[-1])
        lines.append(
            words.get(code, QCoreApplication.translate("Errors", "{field} is not valid.")).format(
                field=name
            )
        )
    return "\n".join(lines)


def error_text(exc: BaseException) -> str:
    """One or two sentences: what happened and what to do next."""
    if isinstance(exc, ValidationFailed):
        return validation_text(exc.params.get("errors", []))
    if isinstance(exc, Conflict):
        fields = ", ".join(field_label(f) for f in exc.params.get("fields") or [])
        who = exc.params.get("by") or QCoreApplication.translate("Errors", "a colleague")
        text = QCoreApplication.translate(
            "Errors", "{who} changed this customer at {at} while you were editing it."
        ).format(who=who, at=local_time(exc.params.get("at")))
        if fields:
            text += " " + QCoreApplication.translate("Errors", "They changed: {fields}.").format(
                fields=fields
            )
        return (
            text
            + " "
            + QCoreApplication.translate(
                "Errors", "Reload to see their changes, then make yours again."
            )
        )
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate(
            "Errors", "You are not allowed to do this. Ask your manager or an administrator."
        )
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "Errors",
            "This record no longer exists. Someone may have deleted it; the list is reloaded.",
        )
    if isinstance(exc, SchemaTooNew):
        return QCoreApplication.translate(
            "Errors",
            "This database was written by a newer version of crmdesk. "
            "Install the newest version to open it.",
        )
    if isinstance(exc, DatabaseUnavailable):
        return QCoreApplication.translate(
            "Errors",
            "The database cannot be reached. Check the network connection or the server address, "
            "then try again. Nothing you entered was saved.",
        )
    if isinstance(exc, CrmError):
        return QCoreApplication.translate("Errors", "The action could not be completed.")
    return QCoreApplication.translate(
        "Errors",
        "Something went wrong and the action was not completed. Details are in the log file.",
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Log the full detail, show the plain words (technical detail behind "Show Details")."""
    expected = isinstance(exc, (ValidationFailed, Conflict, PermissionDenied, NotFound))
    if expected:
        log.info("user-facing error: %r", exc)
    else:
        log.error("error: %s", "".join(traceback.format_exception(exc)))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "crmdesk"))
    box.setText(error_text(exc))
    if not expected:
        box.setDetailedText("".join(traceback.format_exception_only(exc)).strip())
    box.exec()
