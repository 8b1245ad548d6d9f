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
    from crmdesk.models.errors import PermissionDenied, ValidationFailed
    from crmdesk.views.labels import local_time

    if exc.code == "sign_in_refused":
        reason = exc.params.get("reason")
        if reason == "locked":
            return QCoreApplication.translate(
                "Errors",
                "Too many wrong passwords: this account is locked until {time}. Try again then, "
                "or ask an administrator to unlock it.",
            ).format(time=local_time(exc.params.get("until")))
        if reason == "inactive":
            return QCoreApplication.translate(
                "Errors", "This account has been deactivated. Ask an administrator."
            )
        if reason == "no_password":
            return QCoreApplication.translate(
                "Errors",
                "This account has no password yet. Ask an administrator to set one (File › "
                "Users and teams… › Reset password, or crmdesk set-password).",
            )
        return QCoreApplication.translate("Errors", "The login or the password is wrong.")
    if exc.code == "unknown_login":
        return QCoreApplication.translate("Errors", "No user has the login {login}.").format(
            login=exc.params.get("login")
        )
    if exc.code == "already_set_up":
        return QCoreApplication.translate(
            "Errors", "This database already has users: sign in with your login instead."
        )
    if exc.code == "last_admin":
        return QCoreApplication.translate(
            "Errors",
            "This is the last active administrator. Make someone else an administrator first.",
        )
    if exc.code == "team_not_empty":
        members = int(exc.params.get("members", 0))  # lupdate skips a call among the arguments
        return QCoreApplication.translate(
            "Errors",
            "Members still in this team: %n (deactivated ones included). Move them to "
            "another team first.",
            "",
            members,
        )
    if isinstance(exc, PermissionDenied) and exc.params.get("action") == "deactivate_self":
        return QCoreApplication.translate(
            "Errors", "You cannot deactivate yourself; another administrator can."
        )
    if isinstance(exc, ValidationFailed):
        return _auth_validation_words(exc)
    return None


def _auth_validation_words(exc: CrmError) -> str | None:
    """Lines for the problems of a user, a password or a handover; the others as usual."""
    from crmdesk.views.errors import validation_text

    words = {
        ("password", "too_short"): QCoreApplication.translate(
            "Errors", "The password needs at least 8 characters."
        ),
        ("password", "too_long"): QCoreApplication.translate(
            "Errors", "The password may have at most 128 characters."
        ),
        ("password", "one_character"): QCoreApplication.translate(
            "Errors", "The password cannot be one character repeated."
        ),
        ("password", "same_as_login"): QCoreApplication.translate(
            "Errors", "The password cannot be the login."
        ),
        ("password", "bad_character"): QCoreApplication.translate(
            "Errors", "The password contains a character that cannot be used."
        ),
        ("password", "unchanged"): QCoreApplication.translate(
            "Errors", "The new password must differ from the old one."
        ),
        ("password", "invalid"): QCoreApplication.translate("Errors", "Enter a password."),
        ("old_password", "wrong"): QCoreApplication.translate(
            "Errors", "The current password is wrong."
        ),
        ("login", "required"): QCoreApplication.translate("Errors", "Enter a login."),
        ("login", "invalid"): QCoreApplication.translate(
            "Errors", "A login cannot contain spaces."
        ),
        ("login", "taken"): QCoreApplication.translate("Errors", "Someone already has this login."),
        ("login", "too_long"): QCoreApplication.translate("Errors", "The login is too long."),
        ("role", "invalid"): QCoreApplication.translate("Errors", "Choose a role."),
        ("team", "not_found"): QCoreApplication.translate(
            "Errors", "The team chosen no longer exists."
        ),
        ("customer_cap", "out_of_range"): QCoreApplication.translate(
            "Errors", "The customer cap is a whole number from 1 up, or empty for none."
        ),
        ("locked_cap", "out_of_range"): QCoreApplication.translate(
            "Errors", "The locked cap is a whole number from 1 up, or empty for none."
        ),
        ("to_user", "required"): QCoreApplication.translate(
            "Errors", "Choose a colleague or a pool to take over the customers."
        ),
        ("to_user", "invalid"): QCoreApplication.translate(
            "Errors", "The colleague chosen cannot take customers over (deactivated or finance)."
        ),
        ("to_user", "not_found"): QCoreApplication.translate(
            "Errors", "The colleague chosen no longer exists."
        ),
        ("deals_to_user", "required"): QCoreApplication.translate(
            "Errors", "Choose a colleague to take over the open deals."
        ),
        ("deals_to_user", "invalid"): QCoreApplication.translate(
            "Errors", "The colleague chosen cannot take deals over (deactivated or finance)."
        ),
        ("deals_to_user", "not_found"): QCoreApplication.translate(
            "Errors", "The colleague chosen no longer exists."
        ),
        ("pool", "not_found"): QCoreApplication.translate(
            "Errors", "The pool chosen no longer exists."
        ),
        ("user", "inactive"): QCoreApplication.translate(
            "Errors", "This user is already deactivated."
        ),
    }
    errors = list(exc.params.get("errors") or [])
    if not any(tuple(e) in words for e in errors):
        return None
    lines = [words[tuple(e)] for e in errors if tuple(e) in words]
    rest = [tuple(e) for e in errors if tuple(e) not in words]
    if rest:
        lines.append(validation_text(rest, exc.params.get("limits") or {}))
    return "\n".join(dict.fromkeys(lines))


# --- opening, setting up and upgrading a server; copying; backups (database.py, db_copy.py,
# backups.py)
def _server_words(exc: CrmError) -> str | None:
    code, params = exc.code, exc.params
    if code == "server_not_set_up":
        return QCoreApplication.translate(
            "Errors",
            "This server database is empty: it has not been set up for crmdesk yet. An "
            "administrator sets it up and becomes its first user.",
        )
    if code == "schema_too_old":
        return QCoreApplication.translate(
            "Errors",
            "This database is at version {found}; this program needs version {needed}. Ask your "
            "administrator to upgrade the database to version {needed}.",
        ).format(found=params.get("found"), needed=params.get("needed"))
    if code == "upgrade_refused" and params.get("reason") == "needs_password":
        return QCoreApplication.translate(
            "Errors",
            "This administrator has no password yet (older versions of crmdesk used none). "
            "Choose one: it is set with the upgrade.",
        )
    if code == "upgrade_refused":  # the login is right but not an administrator's
        return QCoreApplication.translate(
            "Errors",
            "Only an administrator can upgrade the database. Ask your administrator to upgrade "
            "it to version {needed}.",
        ).format(needed=params.get("needed"))
    if code == "upgrade_in_progress":
        return QCoreApplication.translate(
            "Errors",
            "Someone else is upgrading this database right now. Try again in a few minutes.",
        )
    if code == "target_not_empty":
        return QCoreApplication.translate(
            "Errors",
            "The target database already holds data (table {table}). Copy into an empty "
            "database: nothing was changed.",
        ).format(table=params.get("table"))
    if code == "copy_mismatch":
        return QCoreApplication.translate(
            "Errors",
            "The copy was checked and found incomplete ({table}: {found} rows instead of "
            "{expected}), so it was not kept. Try again; details are in the log file.",
        ).format(
            table=params.get("table"), found=params.get("found"), expected=params.get("expected")
        )
    if code == "copy_admin_unknown":
        return QCoreApplication.translate(
            "Errors", "{login} is not an active administrator of the database being copied."
        ).format(login=params.get("login"))
    if code == "copy_cancelled":
        return QCoreApplication.translate(
            "Errors", "The copy was cancelled; the target database was left as it was."
        )
    if code == "backup_failed":
        what, path = params.get("what"), params.get("path", "")
        if what == "not_a_backup":
            return QCoreApplication.translate(
                "Errors", "{path} is not a crmdesk backup (or it is damaged): nothing was restored."
            ).format(path=path)
        if what == "too_new":
            return QCoreApplication.translate(
                "Errors",
                "{path} was written by a newer version of crmdesk: install it to restore this "
                "backup. Nothing was restored.",
            ).format(path=path)
        if what == "restore":
            return QCoreApplication.translate(
                "Errors",
                "The backup could not be restored: {detail}. Your database was copied to the "
                "backup folder before the attempt.",
            ).format(detail=params.get("detail", ""))
        return QCoreApplication.translate(
            "Errors", "The backup could not be written to {path}: {detail}"
        ).format(path=path, detail=params.get("detail", ""))
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
