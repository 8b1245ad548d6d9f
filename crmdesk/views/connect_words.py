"""The connect dialog's words: what Test connection found, a failure's URL as the user would
type it, and the question before a saved connection is deleted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.models import profiles


def shown_url(exc: BaseException) -> BaseException:
    """The error with its URL as the user would type it (no driver, no password)."""
    params = getattr(exc, "params", None)
    if isinstance(params, dict) and params.get("url"):
        params["url"] = profiles.display_url(params["url"])
    return exc


def probe_text(outcome: str) -> str:
    if outcome == "empty":
        return QCoreApplication.translate(
            "ConnectDialog",
            "Connected. The database is empty: crmdesk will set it up when you connect, and "
            "you will create its first administrator.",
        )
    if outcome == "too_old":
        return QCoreApplication.translate(
            "ConnectDialog",
            "Connected, but the database was made by an older version of crmdesk. An "
            "administrator must upgrade it before anyone can work in it.",
        )
    if outcome == "will_upgrade":
        return QCoreApplication.translate(
            "ConnectDialog",
            "The file was made by an older version of crmdesk: it will be upgraded when you "
            "connect (a backup copy is made first).",
        )
    if outcome == "new_file":
        return QCoreApplication.translate(
            "ConnectDialog", "There is no file there yet: a new, empty database will be made."
        )
    return QCoreApplication.translate("ConnectDialog", "Connected. The database is ready.")


def confirm_delete(parent: QWidget, name: str) -> bool:
    """Delete a saved connection? (Cancel is the default.)"""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ConnectDialog", "Delete connection"),
        QCoreApplication.translate(
            "ConnectDialog",
            "Delete the connection “{name}”? Its password is removed from the keychain too. "
            "The database itself is not touched.",
        ).format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
