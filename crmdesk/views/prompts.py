"""The questions every page asks the same way: unsaved changes, a possible duplicate, a conflict
with a colleague's save, discarding a half-filled dialog.

Each answers with a word ("save", "discard", "cancel", ...), so a page reads plainly and a test
answers for the user by replacing the function. The default button is always the one that
loses nothing: Enter never discards text or creates a duplicate."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.models.customers import DuplicateResult
from crmdesk.models.errors import Conflict
from crmdesk.views.errors import error_text
from crmdesk.views.labels import field_label, listing


def _ask(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str,
    buttons: list[tuple[str, str, QMessageBox.ButtonRole]],
    default: str,
    details: str = "",
) -> str:
    """buttons: (answer, label, role). Closing the box (Esc, the title bar) answers "cancel".
    details: readable technical text behind Qt's own "Show Details…" button."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    made = {}
    for answer, label, role in buttons:
        made[answer] = box.addButton(label, role)
    box.setDefaultButton(made[default])
    if "cancel" in made:
        box.setEscapeButton(made["cancel"])
    box.exec()
    clicked = box.clickedButton()
    return next((answer for answer, b in made.items() if b is clicked), "cancel")


def ask_unsaved(parent: QWidget | None, name: str) -> str:
    """ "save", "discard" or "cancel": leaving a customer (or closing) with edits not saved."""
    Role = QMessageBox.ButtonRole
    return _ask(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Prompts", "Unsaved changes"),
        QCoreApplication.translate("Prompts", "Save your changes to “{name}”?").format(name=name),
        QCoreApplication.translate(
            "Prompts", "If you don't save them, what you typed will be lost."
        ),
        [
            ("save", QCoreApplication.translate("Prompts", "Save"), Role.AcceptRole),
            ("discard", QCoreApplication.translate("Prompts", "Don't save"), Role.DestructiveRole),
            ("cancel", QCoreApplication.translate("Prompts", "Cancel"), Role.RejectRole),
        ],  # fmt: skip
        "save",
    )


def leave(
    parent: QWidget,
    name: str,
    unsaved: bool,
    save: Callable[[Callable[[], None], Callable[[], None] | None], None],
    discard: Callable[[], None],
    proceed: Callable[[], None],
    stay: Callable[[], None] | None = None,
) -> None:
    """Leave something the user may have edited: at once when nothing is unsaved; otherwise as
    they answer: save (then proceed once the save has succeeded, or stay if it failed:
    save(proceed, stay) calls one), discard and proceed, or stay where they were."""
    if not unsaved:
        proceed()
        return
    answer = ask_unsaved(parent, name)
    if answer == "save":
        save(proceed, stay)
    elif answer == "discard":
        discard()
        proceed()
    elif stay is not None:
        stay()


def confirm_discard(parent: QWidget | None, what: str) -> bool:
    """A dialog with typed input is being cancelled: True to throw the input away."""
    Role = QMessageBox.ButtonRole
    answer = _ask(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Prompts", "Discard what you typed?"),
        what,
        QCoreApplication.translate("Prompts", "What you typed in this window will be lost."),
        [
            ("discard", QCoreApplication.translate("Prompts", "Discard"), Role.DestructiveRole),
            ("cancel", QCoreApplication.translate("Prompts", "Keep editing"), Role.RejectRole),
        ],  # fmt: skip
        "cancel",
    )
    return answer == "discard"


def duplicate_text(duplicates: list[DuplicateResult]) -> str:
    """Which customer already has this name or phone, and who owns it."""
    lines = []
    for d in duplicates:
        if d.owner_name:
            owner = d.owner_name
        elif d.pool_name:  # nobody's: the rep may claim it there instead of making a copy
            owner = QCoreApplication.translate("Prompts", "nobody, it is in the pool {pool}")
            owner = owner.format(pool=d.pool_name)
        else:
            owner = QCoreApplication.translate("Prompts", "nobody")
        if d.field == "name":
            line = QCoreApplication.translate(
                "Prompts", "The name is already used by “{customer}” (owner: {owner})."
            )
            lines.append(line.format(customer=d.customer_name, owner=owner))
        else:
            line = QCoreApplication.translate(
                "Prompts", "The phone {phone} already belongs to “{customer}” (owner: {owner})."
            )
            lines.append(line.format(phone=d.value, customer=d.customer_name, owner=owner))
    return "\n".join(lines)


def ask_duplicate(parent: QWidget | None, duplicates: list[DuplicateResult]) -> tuple[str, int]:
    """("save" | "open" | "cancel", the customer to open). "Open the existing customer" only when
    the user may see one of them; Cancel is the default."""
    Role = QMessageBox.ButtonRole
    visible = [d for d in duplicates if d.visible]
    buttons = [("save", QCoreApplication.translate("Prompts", "Save anyway"), Role.AcceptRole)]
    if visible:
        buttons.append(
            (
                "open",
                QCoreApplication.translate("Prompts", "Open the existing customer"),
                Role.ActionRole,
            )
        )
    buttons.append(("cancel", QCoreApplication.translate("Prompts", "Cancel"), Role.RejectRole))
    answer = _ask(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Prompts", "Possible duplicate"),
        QCoreApplication.translate("Prompts", "This customer may already exist."),
        duplicate_text(duplicates),
        buttons,
        "cancel",
    )
    return answer, (visible[0].customer_id if visible and answer == "open" else 0)


def ask_conflict(parent: QWidget | None, conflict: Conflict, losses: list[str]) -> str:
    """ "reload", "keep" or "cancel" after a save collided with a colleague's newer save (edits
    that do not collide merge without asking). Reload says which of the user's fields it would
    throw away; Keep mine overwrites only the colliding ones (and is recorded); Cancel keeps
    editing with nothing lost."""
    Role = QMessageBox.ButtonRole
    names = listing(field_label(f) for f in losses)
    reload = QCoreApplication.translate("Prompts", "Reload (lose my changes to {fields})")
    informative = QCoreApplication.translate(
        "Prompts",
        "Reload shows their version and loses what you typed in: {fields}. Keep mine saves "
        "your changes over theirs; their other changes stay, and the overwrite is recorded "
        "in the customer's history.",
    )
    return _ask(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Prompts", "Changed by a colleague"),
        error_text(conflict),
        informative.format(fields=names),
        [
            ("reload", reload.format(fields=names), Role.DestructiveRole),
            ("keep", QCoreApplication.translate("Prompts", "Keep mine"), Role.AcceptRole),
            ("cancel", QCoreApplication.translate("Prompts", "Keep editing"), Role.RejectRole),
        ],  # fmt: skip
        "cancel",
    )


def confirm_delete(parent: QWidget, count: int, name: str = "") -> bool:
    """Move to the recycle bin? Naming the customer (or how many), with verbs on the buttons;
    Cancel is the default, so Enter deletes nothing."""
    box = DeleteQuestion(parent, count, name)
    box.exec()
    return box.clickedButton() is box.delete


class DeleteQuestion(QMessageBox):
    def __init__(self, parent: QWidget, count: int, name: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Delete customers"))
        if name:
            self.setText(self.tr("Move “%1” to the recycle bin?").replace("%1", name))
        else:
            self.setText(self.tr("Move %Ln customer(s) to the recycle bin?", "", count))
        self.setInformativeText(
            self.tr("You can undo this for a few seconds, or restore it from the recycle bin.")
        )
        self.delete = self.addButton(
            self.tr("Move to recycle bin"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.setDefaultButton(self.addButton(QMessageBox.StandardButton.Cancel))


def error_details(exc: BaseException) -> str:
    """What went wrong in the words of whatever failed (the driver's message, the file
    system's), for "Show Details": never a Python repr or a traceback."""
    params = getattr(exc, "params", None) or {}
    detail = params.get("detail") if isinstance(params, dict) else None
    cause = exc.__cause__ or exc.__context__
    text = str(detail or (cause if cause is not None else exc) or "").strip()
    return text or type(exc).__name__


def ask_open_failed(parent: QWidget | None, exc: BaseException, is_default: bool) -> str:
    """The database did not open: "retry", "choose" (another file), "connect" (a server, in
    the connect dialog), "default" (the default local file; not offered when that is the one
    that failed) or "quit"."""
    Role = QMessageBox.ButtonRole
    buttons = [
        ("retry", QCoreApplication.translate("Prompts", "Retry"), Role.AcceptRole),
        ("choose", QCoreApplication.translate("Prompts", "Choose another database file…"),
         Role.ActionRole),
        ("connect", QCoreApplication.translate("Prompts", "Connect to a server…"),
         Role.ActionRole),
    ]  # fmt: skip
    if not is_default:
        buttons.append(
            ("default", QCoreApplication.translate("Prompts", "Open the default local database"),
             Role.ActionRole)
        )  # fmt: skip
    buttons.append(("cancel", QCoreApplication.translate("Prompts", "Quit"), Role.RejectRole))
    answer = _ask(
        parent,
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Prompts", "The database did not open"),
        error_text(exc),
        QCoreApplication.translate("Prompts", "What would you like to do?"),
        buttons,
        "retry",
        error_details(exc),
    )
    return "quit" if answer == "cancel" else answer


def confirm_set_up(parent: QWidget | None, where: str) -> bool:
    """An empty server database: set it up for crmdesk? (Cancel is the default.)"""
    Role = QMessageBox.ButtonRole
    answer = _ask(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Prompts", "An empty database"),
        QCoreApplication.translate("Prompts", "Set up this empty database for crmdesk?"),
        QCoreApplication.translate(
            "Prompts",
            "{database} has no tables yet. crmdesk will create its tables, and you will be "
            "its first administrator. Choose Cancel if this is not your team's database.",
        ).format(database=where),
        [
            ("set_up", QCoreApplication.translate("Prompts", "Set up"), Role.AcceptRole),
            ("cancel", QCoreApplication.translate("Prompts", "Cancel"), Role.RejectRole),
        ],  # fmt: skip
        "cancel",
    )
    return answer == "set_up"


def choose_database_file(parent: QWidget | None) -> str:
    """A database file to open, or a new one to create; "" when the user cancels."""
    from crmdesk import paths
    from crmdesk.views import file_dialogs

    path, _filter = file_dialogs.save_file_name(
        parent,
        QCoreApplication.translate("Prompts", "Choose a database file"),
        str(paths.data_dir()),
        QCoreApplication.translate("Prompts", "crmdesk databases (*.sqlite *.db);;All files (*)"),
        confirm_overwrite=False,
    )
    return path


def confirm_remove_contact(parent: QWidget | None, name: str) -> bool:
    Role = QMessageBox.ButtonRole
    answer = _ask(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Prompts", "Remove contact"),
        QCoreApplication.translate("Prompts", "Remove {name} from this customer?").format(
            name=name
        ),
        QCoreApplication.translate(
            "Prompts", "Their details go; the follow-ups already logged stay."
        ),
        [
            (
                "remove",
                QCoreApplication.translate("Prompts", "Remove contact"),
                Role.DestructiveRole,
            ),
            ("cancel", QCoreApplication.translate("Prompts", "Cancel"), Role.RejectRole),
        ],  # fmt: skip
        "cancel",
    )
    return answer == "remove"
