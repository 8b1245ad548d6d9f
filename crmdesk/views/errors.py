"""Turning errors into plain words for the user; the full detail goes to the log file."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.models.errors import (
    Conflict,
    ConnectionLost,
    CrmError,
    DatabaseUnavailable,
    Interrupted,
    MigrationFailed,
    NotFound,
    PermissionDenied,
    SchemaTooNew,
    ValidationFailed,
)
from crmdesk.views.labels import (
    field_label,
    listing,
    local_time,
    sentences,
    status_label,
    tag_list,
)

VALUE_CHARS = 80  # of a field's value shown in a conflict (a long note is cut)

log = logging.getLogger("crmdesk")


def validation_text(errors: list[tuple[str, str]], limits: dict[str, int] | None = None) -> str:
    words = {
        "required": QCoreApplication.translate("Errors", "{field} is required."),
        "invalid": QCoreApplication.translate("Errors", "{field} has a value that is not allowed."),
        "invalid_phone": QCoreApplication.translate(
            "Errors", "{field} does not look like a phone number."
        ),
        "invalid_mobile": QCoreApplication.translate(
            "Errors",
            "{field}: a mobile number has 11 digits starting with 1, or starts with + and a "
            "country code.",
        ),
        "invalid_email": QCoreApplication.translate(
            "Errors", "{field}: this is not an e-mail address (like name@example.com)."
        ),
        "too_long": QCoreApplication.translate("Errors", "{field} is too long."),
        "too_many": QCoreApplication.translate("Errors", "{field}: too many."),
        "bad_character": QCoreApplication.translate(
            "Errors", "{field} contains a character that cannot be stored."
        ),
        "out_of_range": QCoreApplication.translate("Errors", "{field} is out of range."),
        "not_after_happened": QCoreApplication.translate(
            "Errors", "{field} must be later than the follow-up itself."
        ),
        "taken": QCoreApplication.translate("Errors", "{field}: this one is already used."),
        "not_owned": QCoreApplication.translate(
            "Errors", "Only customers that have an owner can be released or locked."
        ),
        "same": QCoreApplication.translate("Errors", "The customers are already in this pool."),
        "cap_reached": QCoreApplication.translate(
            "Errors", "{field}: the cap is reached; unlock a customer first."
        ),
        "not_found": QCoreApplication.translate(
            "Errors", "{field}: someone chosen no longer exists."
        ),
    }
    limited = {
        "too_long": QCoreApplication.translate(
            "Errors", "{field} is too long: at most {limit} characters."
        ),
        "too_many": QCoreApplication.translate("Errors", "{field}: at most {limit}."),
    }
    lines = []
    for field, code in errors:
        limit = (limits or {}).get(field)
        text = limited[code] if limit and code in limited else words.get(code)
        text = text or QCoreApplication.translate("Errors", "{field} is not valid.")
        name = field_label(field.rsplit(".", 1)[-1])
        line = text.format(field=name, limit=f"{limit:,}" if limit else "")
        if line not in lines:
            lines.append(line)
    return "\n".join(lines)


def _reason_text(reason: str) -> str:
    return {
        "unreachable": QCoreApplication.translate(
            "Errors",
            "The database server cannot be reached. Check the network connection and the "
            "server address, then try again.",
        ),
        "auth_failed": QCoreApplication.translate(
            "Errors", "The server refused the user name or password. Check them and try again."
        ),
        "database_missing": QCoreApplication.translate(
            "Errors",
            "The server has no database of this name. Check the name, or ask your "
            "administrator to create it.",
        ),
        "no_privileges": QCoreApplication.translate(
            "Errors",
            "This account may not use this database. Ask your administrator for access.",
        ),
        "not_a_database": QCoreApplication.translate(
            "Errors", "This file is not a crmdesk database. Choose the database file itself."
        ),
        "damaged": QCoreApplication.translate(
            "Errors",
            "The database file is damaged. Restore it from a backup (crmdesk keeps one in "
            "its backup folder before every upgrade).",
        ),
        "cannot_open": QCoreApplication.translate(
            "Errors",
            "The database file cannot be opened: the folder does not exist or you may not "
            "write there.",
        ),
        "read_only": QCoreApplication.translate(
            "Errors", "The database file is read-only. Check its permissions, then try again."
        ),
        "locked": QCoreApplication.translate(
            "Errors",
            "The database is in use by another program or user and did not become free. "
            "Close the other program or wait a moment, then try again.",
        ),
        "disk_full": QCoreApplication.translate(
            "Errors", "The disk is full. Free some space, then try again."
        ),
    }.get(
        reason,
        QCoreApplication.translate(
            "Errors", "The database cannot be used. Details are in the log file."
        ),
    )


def conflict_text(
    exc: Conflict, label=field_label, *, at_text: str = "", plain_text: str = ""
) -> str:
    """Who changed it, when, and which fields (any of them may be unknown). A deal's or a
    contract's dialog gives its own field labels and its own two sentences ("{who} changed this
    deal at {at} …" and without the time); a customer's are the default."""
    fields = listing(label(f) for f in exc.params.get("fields") or [])
    who = exc.params.get("by") or QCoreApplication.translate("Errors", "A colleague")
    at = exc.params.get("at")
    if at is not None:
        text = at_text or QCoreApplication.translate(
            "Errors", "{who} changed this customer at {at} while you were editing it."
        )
    else:  # never "at " followed by nothing
        text = plain_text or QCoreApplication.translate(
            "Errors", "{who} changed this customer while you were editing it."
        )
    text = text.format(who=who, at=local_time(at))
    if not fields:
        return text
    changed = QCoreApplication.translate("Errors", "They changed: {fields}.")
    text = sentences(text, changed.format(fields=fields))
    values = conflict_values(exc, label)
    return f"{text}\n\n{values}" if values else text


def conflict_values(exc: Conflict, label=field_label) -> str:
    """Each field both sides changed, their value and the user's, a line each. Params: current
    (what is stored now: theirs) and yours ({field: the value the user tried to save}: the
    customer detail panel adds it, for the fields that collide)."""
    theirs, yours = exc.params.get("current"), exc.params.get("yours") or {}
    if theirs is None:
        return ""
    line = QCoreApplication.translate("Errors", "{field}: theirs {theirs}, yours {yours}")
    return "\n".join(
        line.format(field=label(f), theirs=_value(f, getattr(theirs, f, "")),
                    yours=_value(f, mine))
        for f, mine in yours.items()
    )  # fmt: skip


def _value(field: str, value) -> str:
    """A field's value in words, quoted and short: a status by its name, tags listed, a long
    text cut; "(empty)" unquoted."""
    if field == "status":
        value = status_label(value)
    elif field == "tags":
        value = tag_list(value)
    text = " ".join(str(value or "").split())  # a note's lines on one line
    if not text:
        return QCoreApplication.translate("Errors", "(empty)")
    text = text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 1] + "…"
    return QCoreApplication.translate("Errors", "“{value}”").format(value=text)


def error_text(exc: BaseException) -> str:
    """One or two sentences: what happened and what to do next."""
    from crmdesk.views.errors_team import team_error_text

    text = team_error_text(exc)
    if text:
        return text
    if isinstance(exc, Interrupted):
        if exc.params.get("unit") == "rows":
            done = QCoreApplication.translate(
                "Errors", "It stopped there; rows imported before that: {count}."
            )
        else:
            done = QCoreApplication.translate(
                "Errors", "It stopped there; customers changed before that: {count}."
            )
        done = done.format(count=QLocale().toString(exc.params["changed"]))
        return sentences(error_text(exc.params["cause"]), done)
    if isinstance(exc, ValidationFailed):
        return validation_text(exc.params.get("errors", []), exc.params.get("limits") or {})
    if isinstance(exc, Conflict):
        return conflict_text(exc)
    if isinstance(exc, PermissionDenied):
        if exc.code == "pool_disabled":
            return QCoreApplication.translate(
                "Errors", "This pool is closed. Ask an administrator to turn it on again."
            )
        if exc.code == "inactive":
            return QCoreApplication.translate(
                "Errors",
                "Your account has been deactivated or removed. Ask an administrator.",
            )
        if exc.code == "not_seller":
            return QCoreApplication.translate(
                "Errors", "Finance does not own customers. Choose a colleague in sales."
            )
        if exc.params.get("action") == "import":
            return QCoreApplication.translate(
                "Errors",
                "Your role may not import customers, contacts, deals or follow-ups. Ask a "
                "colleague in sales or an administrator.",
            )
        return QCoreApplication.translate(
            "Errors", "You are not allowed to do this. Ask your manager or an administrator."
        )
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "Errors",
            "This record no longer exists, or is no longer yours to see. Someone may have "
            "deleted it or handed it on.",
        )
    if isinstance(exc, SchemaTooNew):
        return QCoreApplication.translate(
            "Errors",
            "This database was written by a newer version of crmdesk. "
            "Install the newest version to open it.",
        )
    if isinstance(exc, MigrationFailed):
        return QCoreApplication.translate(
            "Errors",
            "The database could not be upgraded to this version of crmdesk. Details are in "
            "the log file. A local database file was copied to the backup folder first; a "
            "server database may need its administrator.",
        )
    if isinstance(exc, ConnectionLost):
        return QCoreApplication.translate(
            "Errors",
            "The connection to the database server was lost. What you were doing was not "
            "saved; check the network and try again.",
        )
    if isinstance(exc, DatabaseUnavailable):
        text = _reason_text(exc.params.get("reason", "unknown"))
        where = exc.params.get("url")  # the password is never part of it
        if where:
            text += "\n" + QCoreApplication.translate("Errors", "Database: {where}").format(
                where=where.removeprefix("sqlite:///")
            )
        return text
    if isinstance(exc, CrmError) and exc.code == "read_failed":
        return QCoreApplication.translate(
            "Errors",
            "The database could not answer; it may be damaged or from another program. "
            "Details are in the log file.",
        )
    if isinstance(exc, CrmError) and exc.code == "rejected":
        return QCoreApplication.translate(
            "Errors",
            "The database refused this change; nothing was saved. Details are in the log file.",
        )
    if isinstance(exc, CrmError):
        return QCoreApplication.translate("Errors", "The action could not be completed.")
    return QCoreApplication.translate(
        "Errors",
        "Something went wrong and the action was not completed. Details are in the log file.",
    )


# Set by a headless command: errors go there instead of a message box nobody can see (which
# would wait forever for a click).
_headless_sink: Callable[[BaseException], None] | None = None


def set_headless(sink: Callable[[BaseException], None] | None) -> None:
    global _headless_sink
    _headless_sink = sink


# Errors of the user's situation (input, a colleague, the network, the file): logged with their
# detail, no traceback; anything else is a bug and logged in full.
_EXPECTED = (
    ValidationFailed,
    Conflict,
    PermissionDenied,
    NotFound,
    DatabaseUnavailable,
    ConnectionLost,
    SchemaTooNew,
    Interrupted,
)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Log the full detail, show the plain words (technical detail behind "Show Details")."""
    expected = isinstance(exc, _EXPECTED)
    if isinstance(exc, CrmError) and exc.params.get("detail"):
        log.info("detail: %s", exc.params["detail"])
    if expected:
        log.info("user-facing error: %r", exc)
    else:
        log.error("error: %s", "".join(traceback.format_exception(exc)))
    if _headless_sink is not None:
        _headless_sink(exc)
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "crmdesk"))
    box.setText(error_text(exc))
    if not expected:
        detail = exc.params.get("detail") if isinstance(exc, CrmError) else None
        box.setDetailedText(detail or "".join(traceback.format_exception_only(exc)).strip())
    box.exec()
