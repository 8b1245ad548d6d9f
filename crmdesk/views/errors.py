"""Turning errors into plain words for the user; the full detail goes to the log file."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.models.errors import (
    Conflict,
    ConnectionLost,
    CrmError,
    DatabaseUnavailable,
    MigrationFailed,
    NotFound,
    PermissionDenied,
    SchemaTooNew,
    ValidationFailed,
)
from crmdesk.views.labels import field_label, local_time

log = logging.getLogger("crmdesk")


def validation_text(errors: list[tuple[str, str]], limits: dict[str, int] | None = None) -> str:
    t = QCoreApplication.translate
    words = {
        "required": t("Errors", "{field} is required."),
        "invalid": t("Errors", "{field} has a value that is not allowed."),
        "invalid_phone": t("Errors", "{field} does not look like a phone number."),
        "invalid_email": t("Errors", "{field} does not look like an e-mail address."),
        "too_long": t("Errors", "{field} is too long."),
        "too_many": t("Errors", "{field}: too many."),
        "bad_character": t("Errors", "{field} contains a character that cannot be stored."),
        "out_of_range": t("Errors", "{field} is out of range."),
        "not_after_happened": t("Errors", "{field} must be later than the follow-up itself."),
    }
    limited = {
        "too_long": t("Errors", "{field} is too long: at most {limit} characters."),
        "too_many": t("Errors", "{field}: at most {limit}."),
    }
    lines = []
    for field, code in errors:
        limit = (limits or {}).get(field)
        text = limited[code] if limit and code in limited else words.get(code)
        text = text or t("Errors", "{field} is not valid.")
        name = field_label(field.rsplit(".", 1)[-1])
        line = text.format(field=name, limit=f"{limit:,}" if limit else "")
        if line not in lines:
            lines.append(line)
    return "\n".join(lines)


def _reason_text(reason: str) -> str:
    t = QCoreApplication.translate
    return {
        "unreachable": t(
            "Errors",
            "The database server cannot be reached. Check the network connection and the "
            "server address, then try again.",
        ),
        "auth_failed": t(
            "Errors", "The server refused the user name or password. Check them and try again."
        ),
        "database_missing": t(
            "Errors",
            "The server has no database of this name. Check the name, or ask your "
            "administrator to create it.",
        ),
        "no_privileges": t(
            "Errors",
            "This account may not use this database. Ask your administrator for access.",
        ),
        "not_a_database": t(
            "Errors", "This file is not a crmdesk database. Choose the database file itself."
        ),
        "damaged": t(
            "Errors",
            "The database file is damaged. Restore it from a backup (crmdesk keeps one in "
            "its backup folder before every upgrade).",
        ),
        "cannot_open": t(
            "Errors",
            "The database file cannot be opened: the folder does not exist or you may not "
            "write there.",
        ),
        "read_only": t(
            "Errors", "The database file is read-only. Check its permissions, then try again."
        ),
        "locked": t(
            "Errors",
            "The database is in use by another program or user and did not become free. "
            "Close the other program or wait a moment, then try again.",
        ),
        "disk_full": t("Errors", "The disk is full. Free some space, then try again."),
    }.get(
        reason,
        t("Errors", "The database cannot be used. Details are in the log file."),
    )


def error_text(exc: BaseException) -> str:
    """One or two sentences: what happened and what to do next."""
    t = QCoreApplication.translate
    if isinstance(exc, ValidationFailed):
        return validation_text(exc.params.get("errors", []), exc.params.get("limits") or {})
    if isinstance(exc, Conflict):
        fields = ", ".join(field_label(f) for f in exc.params.get("fields") or [])
        who = exc.params.get("by") or t("Errors", "A colleague")
        at = exc.params.get("at")
        if at is not None:
            text = t("Errors", "{who} changed this customer at {at} while you were editing it.")
        else:  # never "at " followed by nothing
            text = t("Errors", "{who} changed this customer while you were editing it.")
        text = text.format(who=who, at=local_time(at))
        if fields:
            text += " " + t("Errors", "They changed: {fields}.").format(fields=fields)
        return (
            text
            + " "
            + t(
                "Errors",
                "Your text is still in the form: reload to see their changes, "
                "then make yours again.",
            )  # fmt: skip
        )
    if isinstance(exc, PermissionDenied):
        if exc.code == "inactive":
            return t(
                "Errors",
                "Your account has been deactivated or removed. Ask an administrator.",
            )
        return t("Errors", "You are not allowed to do this. Ask your manager or an administrator.")
    if isinstance(exc, NotFound):
        return t(
            "Errors",
            "This record no longer exists, or is no longer yours to see. Someone may have "
            "deleted it or handed it on; the list is reloaded.",
        )
    if isinstance(exc, SchemaTooNew):
        return t(
            "Errors",
            "This database was written by a newer version of crmdesk. "
            "Install the newest version to open it.",
        )
    if isinstance(exc, MigrationFailed):
        return t(
            "Errors",
            "The database could not be upgraded to this version of crmdesk; nothing was "
            "changed. Details are in the log file.",
        )
    if isinstance(exc, ConnectionLost):
        return t(
            "Errors",
            "The connection to the database server was lost. What you were doing was not "
            "saved; check the network and try again.",
        )
    if isinstance(exc, DatabaseUnavailable):
        return _reason_text(exc.params.get("reason", "unknown"))
    if isinstance(exc, CrmError) and exc.code == "rejected":
        return t(
            "Errors",
            "The database refused this change; nothing was saved. Details are in the log file.",
        )
    if isinstance(exc, CrmError):
        return t("Errors", "The action could not be completed.")
    return t(
        "Errors",
        "Something went wrong and the action was not completed. Details are in the log file.",
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Log the full detail, show the plain words (technical detail behind "Show Details")."""
    expected = isinstance(exc, (ValidationFailed, Conflict, PermissionDenied, NotFound))
    if isinstance(exc, CrmError) and exc.params.get("detail"):
        log.info("detail: %s", exc.params["detail"])
    if expected:
        log.info("user-facing error: %r", exc)
    else:
        log.error("error: %s", "".join(traceback.format_exception(exc)))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "crmdesk"))
    box.setText(error_text(exc))
    if not expected:
        detail = exc.params.get("detail") if isinstance(exc, CrmError) else None
        box.setDetailedText(detail or "".join(traceback.format_exception_only(exc)).strip())
    box.exec()
