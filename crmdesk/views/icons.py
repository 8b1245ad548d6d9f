"""Icons: Font Awesome 5 (solid) through qtawesome, drawn in the palette's text colour so they
match the light and the dark look, and drawn again when the look changes (refresh_all).

Widgets and actions get their icon through set_icon(), which remembers them; a page never
builds a QIcon of its own, so every icon in the program comes from the table below."""

from __future__ import annotations

import weakref

from PySide6.QtGui import QAction, QIcon, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QListWidgetItem

NAMES = {
    "customers": "fa5s.address-book",
    "recycle_bin": "fa5s.trash-restore",
    "new": "fa5s.plus",
    "refresh": "fa5s.sync-alt",
    "find": "fa5s.search",
    "undo": "fa5s.undo",
    "settings": "fa5s.cog",
    "assign": "fa5s.user-check",
    "tag": "fa5s.tag",
    "tags": "fa5s.tags",
    "delete": "fa5s.trash-alt",
    "restore": "fa5s.trash-restore-alt",
    "save": "fa5s.save",
    "revert": "fa5s.undo",
    "add": "fa5s.plus-circle",
    "edit": "fa5s.pen",
    "remove": "fa5s.minus-circle",
    "follow_up": "fa5s.comment-dots",
    "clear": "fa5s.times-circle",
    "view": "fa5s.bookmark",
    "shortcuts": "fa5s.keyboard",
    "about": "fa5s.info-circle",
    "quit": "fa5s.sign-out-alt",
    "database": "fa5s.database",
    "pool": "fa5s.water",
    "today": "fa5s.calendar-day",
    "claim": "fa5s.hand-holding",
    "release": "fa5s.undo-alt",
    "move": "fa5s.exchange-alt",
    "lock": "fa5s.lock",
    "unlock": "fa5s.lock-open",
    "pipeline": "fa5s.filter",
    "deal": "fa5s.handshake",
    "won": "fa5s.trophy",
    "lost": "fa5s.times-circle",
    "approval": "fa5s.stamp",
    "contract": "fa5s.file-contract",
    "board": "fa5s.columns",
    "list": "fa5s.list",
    "import": "fa5s.file-import",
    "export": "fa5s.file-export",
    "history": "fa5s.history",
    "targets": "fa5s.bullseye",
    "reports": "fa5s.chart-bar",
    "work_reports": "fa5s.clipboard-list",
}

_users: list[tuple[weakref.ReferenceType | object, str]] = []


def icon(key: str) -> QIcon:
    import qtawesome  # ~80 ms beyond Qt itself: imported with the first icon, not at start

    palette = QApplication.palette()
    return qtawesome.icon(
        NAMES[key],
        color=palette.color(QPalette.ColorRole.WindowText),
        color_disabled=palette.color(QPalette.ColorRole.PlaceholderText),
    )


def set_icon(target: QAbstractButton | QAction | QListWidgetItem, key: str) -> None:
    """Give a button, an action or a list item its icon, and keep it right when the look
    changes (dark or light)."""
    target.setIcon(icon(key))
    try:
        _users.append((weakref.ref(target), key))
    except TypeError:  # QListWidgetItem is no QObject and takes no weak reference
        _users.append((target, key))


def refresh_all() -> None:
    """Draw every icon again in the current palette's colours (after a change of look)."""
    alive = []
    for ref, key in _users:
        target = ref() if isinstance(ref, weakref.ReferenceType) else ref
        if target is None:
            continue
        try:
            target.setIcon(icon(key))
        except RuntimeError:  # its C++ object is gone
            continue
        alive.append((ref, key))
    _users[:] = alive
