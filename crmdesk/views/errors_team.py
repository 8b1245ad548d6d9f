"""The words for the errors of a team on one server: signing in, passwords, users and teams,
opening and upgrading a server database, copying and backing up, the change feed, lost
connections and collaborators. errors.error_text asks here first; None means "not one of
these"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication  # noqa: F401  (the sections below use it)

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
    return None


# --- collaborators (collaborators.py)
def _collaborator_words(exc: CrmError) -> str | None:
    return None
