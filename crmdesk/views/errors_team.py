"""The words for the errors of a team on one server: signing in, passwords, users and teams,
opening and upgrading a server database, copying and backing up, the change feed, lost
connections and collaborators. errors.error_text asks here first; None means "not one of
these"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crmdesk.models.errors import CrmError


def team_error_text(exc: BaseException) -> str | None:
    if not isinstance(exc, CrmError):
        return None
    for words in (_auth_words, _server_words, _live_words, _collaborator_words):
        text = words(exc)
        if text:
            return text
    return None


# --- signing in, passwords, users and teams (auth.py, user_admin.py)
def _auth_words(exc: CrmError) -> str | None:
    return None


# --- opening, setting up and upgrading a server; copying; backups (database.py, db_copy.py,
# backups.py)
def _server_words(exc: CrmError) -> str | None:
    return None


# --- the change feed, lost connections, idempotent writes (change_feed.py)
def _live_words(exc: CrmError) -> str | None:
    # lost connections (connection_watch.py, PageContext.write): a write sent again after the
    # reconnection whose first attempt had landed. The window counts it as done; these words
    # are for any other caller that lets it out.
    if exc.code == "already_applied":
        return QCoreApplication.translate(
            "Errors",
            "This was saved before the connection dropped; it was not saved a second time.",
        )
    return None


# --- collaborators (collaborators.py)
def _collaborator_words(exc: CrmError) -> str | None:
    if exc.code != "collaborator_refused":
        return None
    reason, name = exc.params.get("reason"), str(exc.params.get("name", ""))
    if reason == "is_owner":
        text = QCoreApplication.translate(
            "Collaborators", "{name} owns this customer and needs no sharing."
        )
    elif reason == "inactive":
        text = QCoreApplication.translate(
            "Collaborators", "{name} is deactivated: choose an active colleague."
        )
    elif reason == "in_pool":
        text = QCoreApplication.translate(
            "Collaborators",
            "Nobody owns this customer: it is in a pool. Claim it before sharing it.",
        )
    elif reason == "too_many":
        text = QCoreApplication.translate(
            "Collaborators",
            "This customer is shared with {limit} colleagues already, the most it can be. "
            "Remove one first.",
        )
    else:
        return None
    return text.format(name=name, limit=exc.params.get("limit", ""))
