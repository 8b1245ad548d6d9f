"""The recycle bin: deleted customers with who deleted them and when; restore brings them back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.errors import CrmError
from crmdesk.models.workspace import Workspace
from crmdesk.views.errors import show_error
from crmdesk.views.labels import local_time


class RecycleBinPage(QWidget):
    data_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._rows = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Customer"), self.tr("Owner"), self.tr("Deleted at"), self.tr("Deleted by")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.count_label = QLabel()
        hint = QLabel(
            self.tr(
                "Deleted customers stay here, with their contacts and follow-ups, "
                "until you restore them."
            )
        )
        hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        try:
            self._rows = self.workspace.deleted_customers()
        except CrmError as exc:
            show_error(self, exc)
            return
        self.table.setRowCount(len(self._rows))
        for i, r in enumerate(self._rows):
            for j, value in enumerate(
                (r.name, r.owner_name, local_time(r.deleted_at), r.deleted_by_name)
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, j, item)
        self.count_label.setText(self.tr("%n deleted customer(s)", "", len(self._rows)))
        self._on_selection_changed()

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self._rows[r].id for r in sorted(rows)]

    @Slot()
    def _on_selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    @Slot()
    def _on_restore_clicked(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            self.workspace.restore_customers(ids)
        except CrmError as exc:
            show_error(self, exc)
        self.reload()
        self.data_changed.emit()
