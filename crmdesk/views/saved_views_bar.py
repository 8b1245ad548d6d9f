"""Saved views of a list page: a combo of the user's views, Save view… and Delete view.

The page gives what a view stores (its payload: the query and the visible columns) and applies
a chosen one. Loading, saving and deleting run through the task runner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from crmdesk.models.changes import Change, WriteResult
from crmdesk.models.saved_views import SavedViewRow
from crmdesk.views.context import PageContext
from crmdesk.views.errors import show_error
from crmdesk.views.icons import set_icon


class SavedViewsBar(QWidget):
    view_chosen = Signal(object)  # SavedViewRow

    def __init__(
        self,
        ctx: PageContext,
        page: str,
        payload: Callable[[], dict],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.page, self._payload = ctx, page, payload
        self._select_id: int | None = None
        self.combo = QComboBox()
        self.combo.setMinimumWidth(160)
        self.combo.addItem(self.tr("(current filters)"), None)
        self.combo.activated.connect(self._on_combo_activated)
        self.save_button = QPushButton(self.tr("Save view…"))
        set_icon(self.save_button, "view")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button = QToolButton()
        self.delete_button.setText(self.tr("Delete view"))
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("View:")))
        row.addWidget(self.combo, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.delete_button)
        ctx.bus.changed.connect(self._on_data_changed)
        self.load()

    def load(self, select_id: int | None = None) -> None:
        if select_id is not None:
            self._select_id = select_id
        self.ctx.read(
            lambda: self.ctx.workspace.saved_views(self.page),
            self._on_views_loaded,
            owner=self,
            key="views",
        )

    def current(self) -> SavedViewRow | None:
        return self.combo.currentData()

    def mark_custom(self) -> None:
        """The filters were changed by hand: no saved view is what the list shows now."""
        self.combo.setCurrentIndex(0)
        self.delete_button.setEnabled(False)

    def _on_views_loaded(self, views: list[SavedViewRow]) -> None:
        current = self.current()
        wanted = self._select_id if self._select_id is not None else (current and current.id)
        self._select_id = None
        self.combo.blockSignals(True)
        while self.combo.count() > 1:
            self.combo.removeItem(1)
        for view in views:
            self.combo.addItem(view.name, view)
            if view.id == wanted:
                self.combo.setCurrentIndex(self.combo.count() - 1)
        self.combo.blockSignals(False)
        self.delete_button.setEnabled(self.current() is not None)

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if "saved_views" in change.kinds:
            self.load()

    @Slot(int)
    def _on_combo_activated(self, index: int) -> None:
        view = self.combo.itemData(index)
        self.delete_button.setEnabled(view is not None)
        if view is not None:
            self.view_chosen.emit(view)

    @Slot()
    def _on_save_clicked(self) -> None:
        current = self.current()
        name, ok = QInputDialog.getText(
            self,
            self.tr("Save view"),
            self.tr("Name of this view:"),
            text=current.name if current else "",
        )
        if not ok or not name.strip():
            return
        same = [
            self.combo.itemData(i)
            for i in range(1, self.combo.count())
            if self.combo.itemData(i).name.casefold() == name.strip().casefold()
        ]
        if same and same[0] is not current:
            answer = QMessageBox.question(
                self,
                self.tr("Save view"),
                self.tr("A view named “{name}” already exists. Replace it?").format(
                    name=same[0].name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        payload = self._payload()
        self.save_button.setEnabled(False)

        def done(result: WriteResult) -> None:
            self.save_button.setEnabled(True)
            self.ctx.notify(self.tr("Saved the view “{name}”.").format(name=name))
            self.load(select_id=result.value)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            show_error(self, exc)

        self.ctx.write(
            lambda: self.ctx.workspace.save_view(self.page, name, payload),
            done,
            failed,
            owner=self,
        )

    @Slot()
    def _on_delete_clicked(self) -> None:
        view = self.current()
        if view is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete view"),
                          self.tr("Delete the view “{name}”?").format(name=view.name),
                          parent=self)  # fmt: skip
        box.setInformativeText(self.tr("The customers it shows are not touched."))
        delete = box.addButton(self.tr("Delete view"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        if box.clickedButton() is not delete:
            return
        self.mark_custom()
        self.ctx.write(
            lambda: self.ctx.workspace.delete_view(view.id),
            lambda _result: self.ctx.notify(
                self.tr("Deleted the view “{name}”.").format(name=view.name)
            ),
            owner=self,
        )
