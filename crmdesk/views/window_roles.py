"""What the main window shows of who works: the status bar's user, the title, the admin's
menus and, for finance, the pages hidden. Set when the database opens (MainWindow.attach) and
again when an administrator changes the user's role or team (session_guard.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt

from crmdesk.views.labels import role_label

# Finance collects on contracts and sees no customer's details: the customer pages (and New
# customer) would only ever be empty for them.
FINANCE_HIDDEN = ("customers", "pool", "pipeline", "recycle_bin")


def window_title(name: str, db) -> str:
    """The window's title, "crmdesk — 张伟 @ try13": two windows (two users, two databases) told
    apart in the task bar. The database: a server's name, a local file's."""
    where = Path(db.url.database or "").name if db.is_local else (db.url.database or "")
    title = QCoreApplication.translate("MainWindow", "crmdesk — {name} @ {database}")
    return title.format(name=name, database=where)


def show_actor(window, actor, db) -> tuple[str, ...]:
    """Show the window as this user may use it; returns the pages hidden from them."""
    team = f" · {actor.team_name}" if actor.team_name else ""
    window.user_label.setText(f"{actor.name} ({role_label(actor.role)}{team})")
    window.setWindowTitle(window_title(actor.name, db))
    for action in (window.tags_action, window.pools_action, window.pool_admin_action):
        action.setVisible(actor.is_admin)
    window._customers_menu.menuAction().setVisible(actor.is_admin)
    window._pipeline_menu.menuAction().setVisible(actor.is_admin)
    hidden = FINANCE_HIDDEN if actor.role == "finance" else ()
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        item.setHidden(item.data(Qt.ItemDataRole.UserRole) in hidden)
    for action in (window.new_action, window.export_follow_ups_action):
        action.setVisible(not hidden)  # finance sees no customers (imports payments)
    return hidden
