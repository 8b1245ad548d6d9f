"""The customer list's pool actions (a mixin of CustomersPage): Release to pool… with a
required reason, and Lock / Unlock (a locked customer is never recycled). They act on the
selected rows, at most pool_actions.MAX_AT_ONCE; their texts stay in the page's translation
context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QDialog, QMenu, QPushButton

from crmdesk.models.pool_actions import MAX_AT_ONCE
from crmdesk.views.bulk_actions import loaded_selected_ids
from crmdesk.views.icons import set_icon
from crmdesk.views.pool_dialogs import ReleaseDialog


class PoolActionWords(QObject):
    """What the pool actions did, counted (lupdate marks plurals only in a class's self.tr)."""

    def released(self, n: int) -> str:
        return self.tr("Released %Ln customer(s) to the pool.", "", n)

    def locked(self, n: int) -> str:
        return self.tr("Locked %Ln customer(s): they stay yours.", "", n)

    def unlocked(self, n: int) -> str:
        return self.tr("Unlocked %Ln customer(s).", "", n)


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

    def _selected_ids(self) -> list[int]:
        return loaded_selected_ids(self.table, self.model, MAX_AT_ONCE)

    @Slot()
    def _on_release_clicked(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        dialog = ReleaseDialog(self.ctx, ids, self)  # it saves, and says what went wrong
        if dialog.exec() == QDialog.DialogCode.Accepted:
            said = PoolActionWords().released(dialog.released)
            self.message.setText(said)
            self.ctx.notify(said)
        dialog.deleteLater()

    def _set_locked(self, locked: bool) -> None:
        ids = self._selected_ids()
        if not ids:
            return

        def done(result) -> None:
            n = result.value
            if locked:
                said = PoolActionWords().locked(n)
            else:
                said = PoolActionWords().unlocked(n)
            self.message.setText(said)
            self.ctx.notify(said)

        self.ctx.write(lambda: self.workspace.set_locked(ids, locked), done, owner=self)
