"""The customer list's pool actions (a mixin of CustomersPage): Release to pool… with a
required reason, and Lock / Unlock (a locked customer is never recycled). They act on the
selected rows, at most pool_actions.MAX_AT_ONCE; their texts stay in the page's translation
context. Also who may act on the selected rows (owner-only actions, not a collaborator's), and
an empty "My customers" pointing at the customers shared with the user."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QPushButton

from crmdesk.models.pinyin import person_sort_key
from crmdesk.models.pool_actions import MAX_AT_ONCE
from crmdesk.views.bulk_actions import KEEP_LIMIT, loaded_selected_ids, selected_ranges
from crmdesk.views.icons import set_icon
from crmdesk.views.labels import sentences
from crmdesk.views.pool_dialogs import ReleaseDialog

NAMED = 3  # customers named in a refusal; past that, "and N more"


class PoolActionWords(QObject):
    """What the pool actions did, counted (lupdate marks plurals only in a class's self.tr)."""

    def released(self, n: int) -> str:
        return self.tr("Released %Ln customer(s) to the pool.", "", n)

    def locked(self, n: int) -> str:
        return self.tr("Locked %Ln customer(s): they stay yours.", "", n)

    def unlocked(self, n: int) -> str:
        return self.tr("Unlocked %Ln customer(s).", "", n)


class OwnerOnlyWords(QObject):
    """Why an owner-only action is refused for customers the user only collaborates on; what
    an empty list says of the customers shared with the user (counted: lupdate marks plurals
    only in a class's self.tr)."""

    def disabled_tip(self) -> str:
        return self.tr(
            "Only the customer's owner, their manager or an administrator may do this: the "
            "selected customers are only shared with you."
        )

    def refused(self, action: str, owners: str, names: str) -> str:
        texts = {
            "release": self.tr("Only the owner (%1) or a manager can release %2 to the pool."),
            "lock": self.tr("Only the owner (%1) or a manager can lock or unlock %2."),
            "assign": self.tr("Only the owner (%1) or a manager can hand %2 to someone else."),
            "tag": self.tr("Only the owner (%1) or a manager can change the tags of %2."),
            "delete": self.tr("Only the owner (%1) or a manager can delete %2."),
        }
        return _fill(texts[action], owners, names)

    def shared_empty(self, n: int) -> str:
        """An empty "My customers" while n customers are shared with the user."""
        return self.tr(
            "No customers of your own yet. %Ln customer(s) shared with you are under "
            "“Shared with me”.",
            "",
            n,
        )

    def names(self, names: list[str]) -> str:
        if len(names) <= NAMED:
            return ", ".join(names)
        more = self.tr("%n more", "", len(names) - NAMED)
        return _fill(self.tr("%1 and %2"), ", ".join(names[:NAMED]), more)


def _fill(text: str, first: str, second: str) -> str:
    """%1 and %2 in one pass: a name holding "%2" stays as it is."""
    return re.sub(r"%([12])", lambda m: first if m.group(1) == "1" else second, text)


class _OwnerOnly:
    """Stands for an owner-only button in the list panel's actions: the panel enables it while
    rows are selected and nothing runs; it also needs one selected row the user may edit (not
    only shared with them), and says why in its tooltip when none is."""

    def __init__(self, button: QPushButton, page: CustomerPoolActions) -> None:
        self.button, self.page, self.tip = button, page, button.toolTip()

    def setEnabled(self, on: bool) -> None:
        refused = on and not self.page.editable_selected(limit=KEEP_LIMIT)
        self.button.setEnabled(on and not refused)
        self.button.setToolTip(OwnerOnlyWords().disabled_tip() if refused else self.tip)


class CustomerPoolActions:
    """Needs the page's ctx, workspace, table, model and message."""

    def _make_pool_buttons(self) -> list[QPushButton]:
        self.release_button = QPushButton(
            QCoreApplication.translate("CustomersPage", "Release to pool…")
        )
        self.release_button.setToolTip(
            QCoreApplication.translate(
                "CustomersPage", "Give the selected customers back to the public pool"
            )
        )
        set_icon(self.release_button, "release")
        self.release_button.clicked.connect(self._on_release_clicked)
        self.lock_button = QPushButton(QCoreApplication.translate("CustomersPage", "Lock"))
        set_icon(self.lock_button, "lock")
        menu = QMenu(self.lock_button)
        lock = menu.addAction(
            QCoreApplication.translate("CustomersPage", "Lock: never recycled to the pool")
        )
        lock.triggered.connect(lambda: self._set_locked(True))
        unlock = menu.addAction(QCoreApplication.translate("CustomersPage", "Unlock"))
        unlock.triggered.connect(lambda: self._set_locked(False))
        self.lock_button.setMenu(menu)
        return [self.release_button, self.lock_button]

    def owner_only(self, buttons: list[QPushButton]) -> list:
        """The list panel's stand-ins for owner-only buttons (_OwnerOnly)."""
        return [_OwnerOnly(b, self) for b in buttons]

    # -- who may act on the selected rows
    def may_edit_row(self, row) -> bool:
        """policy.may_edit on a list row: its owner, a manager of the owner's team (for a
        manager the choices' owners are the team), an administrator; not a collaborator."""
        actor = self.workspace.actor
        if not actor.active or row.owner_id is None:
            return actor.active and actor.is_admin
        if actor.is_admin or row.owner_id == actor.id:
            return True
        if not (actor.is_manager and actor.team_id is not None):
            return False
        if self._choices is None:
            return True  # the team is not read yet: the server decides
        return any(u.id == row.owner_id and u.team_id == actor.team_id
                   for u in self._choices.owners)  # fmt: skip

    def _selected_rows(self, limit: int) -> list:
        """The selected rows already loaded, at most limit."""
        rows = []
        for top, bottom in selected_ranges(self.table):
            for r in range(top, min(bottom + 1, top + limit)):
                row = self.model.row_at(r)
                if row is not None:
                    rows.append(row)
        return rows[:limit]

    def editable_selected(self, limit: int) -> bool:
        """Whether one of the selected rows may be edited (rows not loaded yet: maybe)."""
        rows = self._selected_rows(limit)
        return not rows or any(self.may_edit_row(r) for r in rows)

    def refused_text(self, action: str, limit: int = KEEP_LIMIT) -> str:
        """Why the action leaves the selected customers the user only collaborates on, naming
        them and their owners; empty when there are none."""
        refused = [r for r in self._selected_rows(limit) if not self.may_edit_row(r)]
        if not refused:
            return ""
        owners = ", ".join(
            sorted({r.owner_name for r in refused if r.owner_name}, key=person_sort_key)
        )
        words = OwnerOnlyWords()
        return words.refused(action, owners, words.names([r.name for r in refused]))

    def owner_check(self, action: str) -> str | None:
        """Before an owner-only action: None when no selected customer is the user's to change
        (a message says why: a button is disabled then, but a shortcut still comes here); else
        what to say of the rows it leaves (empty: none)."""
        text = self.refused_text(action)
        if text and not self.editable_selected(KEEP_LIMIT):
            QMessageBox.information(
                self, QCoreApplication.translate("CustomersPage", "Not yours to change"), text
            )
            self.message.setText(text)
            return None
        return text

    def _single_selected_name(self, count: int) -> str:
        """The customer's name when the action is for one loaded row (the question names it)."""
        rows = self.table.selectionModel().selectedRows()
        if count != 1 or len(rows) != 1:
            return ""
        row = self.model.row_at(rows[0].row())
        return getattr(row, "name", "") if row is not None else ""

    # -- an empty "My customers" while customers are shared with the user
    _shared_count = 0

    def _shared_hint_wanted(self, q) -> bool:
        return q is not None and q.scope == "mine" and self._shared_count > 0

    def shared_empty_text(self, q) -> str:
        if not self._shared_hint_wanted(q):
            return ""
        return OwnerOnlyWords().shared_empty(self._shared_count)

    def shared_action_text(self, q) -> str:
        if not self._shared_hint_wanted(q):
            return ""
        return QCoreApplication.translate("CustomersPage", "Show those shared with me")

    @Slot()
    def _on_empty_action(self) -> None:
        if self._shared_hint_wanted(self.model.query):
            scope = self.filters.controls["scope"]
            scope.setCurrentIndex(scope.findData("shared"))
        else:
            self.new_customer()

    @Slot()
    def _check_shared(self) -> None:
        """The list of "My customers" came back empty, nothing searched or filtered: count the
        customers shared with the user, for the empty list to point at them."""
        q = self.model.query
        if q is None or q.scope != "mine" or self.model.rowCount() or self._filtered(q):
            return
        shared = replace(q, scope="shared")
        self.ctx.read(lambda: self.workspace.count_customers(shared), self._on_shared_counted,
                      owner=self, key="shared_count")  # fmt: skip

    def _on_shared_counted(self, count: int) -> None:
        self._shared_count = count
        self.list.update()

    def _selected_ids(self) -> list[int]:
        """The selected customers the user may edit (pool_actions refuses the others)."""
        ids = loaded_selected_ids(self.table, self.model, MAX_AT_ONCE)
        rows = self._selected_rows(MAX_AT_ONCE)
        refused = {r.id for r in rows if not self.may_edit_row(r)}
        return [i for i in ids if i not in refused]

    @Slot()
    def _on_release_clicked(self) -> None:
        refused = self.owner_check("release")
        ids = self._selected_ids() if refused is not None else []
        if not ids:
            return
        dialog = ReleaseDialog(self.ctx, ids, self)  # it saves, and says what went wrong
        if dialog.exec() == QDialog.DialogCode.Accepted:
            said = sentences(PoolActionWords().released(dialog.released), refused)
            self.message.setText(said)
            self.ctx.notify(said)
        dialog.deleteLater()

    def _set_locked(self, locked: bool) -> None:
        refused = self.owner_check("lock")
        ids = self._selected_ids() if refused is not None else []
        if not ids:
            return

        def done(result) -> None:
            n = result.value
            if locked:
                said = PoolActionWords().locked(n)
            else:
                said = PoolActionWords().unlocked(n)
            said = sentences(said, refused)
            self.message.setText(said)
            self.ctx.notify(said)

        self.ctx.write(lambda: self.workspace.set_locked(ids, locked), done, owner=self)
