"""Manage tags (an admin's): every tag in use with how many customers carry it; rename one
(merging into an existing tag) or delete it from every customer."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.tags import TagRow
from crmdesk.views.context import PageContext
from crmdesk.views.errors import show_error


class TagsDialog(QDialog):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Manage tags"))
        self.resize(460, 420)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Customers")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(0, 280)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._on_rename_clicked)
        self.hint = QLabel(
            self.tr(
                "Renaming a tag changes it on every customer; renaming it to an existing tag "
                "merges the two. Deleting a tag removes it from every customer."
            )
        )
        self.hint.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.rows: list[TagRow] = []
        self._busy = False
        self._update_buttons()
        self.load()

    def load(self) -> None:
        self.ctx.read(self.ctx.workspace.list_tags, self._on_loaded, owner=self, key="tags")

    def _on_loaded(self, rows: list[TagRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            count = QTableWidgetItem(QLocale().toString(row.customers))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 0, QTableWidgetItem(row.name))
            self.table.setItem(i, 1, count)
        self._update_buttons()

    def selected(self) -> TagRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None and not self._busy
        self.rename_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _on_rename_clicked(self) -> None:
        row = self.selected()
        if row is None or self._busy:
            return
        new, ok = QInputDialog.getText(
            self,
            self.tr("Rename tag"),
            self.tr("New name for “%1” (on %Ln customer(s)):", "", row.customers).replace(
                "%1", row.name
            ),
            QLineEdit.EchoMode.Normal,
            row.name,
        )
        new = new.strip() if ok else ""  # too long: the rules say so, nothing cut silently
        if not new or new == row.name:
            return
        self._run(
            lambda: self.ctx.workspace.rename_tag(row.name, new),
            self.tr("Renamed the tag “%1” to “%2”.").replace("%1", row.name).replace("%2", new),
        )

    def _on_delete_clicked(self) -> None:
        row = self.selected()
        if row is None or self._busy:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete tag"))
        box.setText(
            self.tr("Remove the tag “%1” from %Ln customer(s)?", "", row.customers).replace(
                "%1", row.name
            )
        )
        remove = box.addButton(self.tr("Delete tag"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        if box.clickedButton() is not remove:
            return
        self._run(
            lambda: self.ctx.workspace.delete_tag(row.name),
            self.tr("Deleted the tag “%1”.").replace("%1", row.name),
        )

    def _run(self, call, done_text: str) -> None:
        self._busy = True
        self._update_buttons()

        def done(_result) -> None:
            self._busy = False
            self.ctx.notify(done_text)
            self.load()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._update_buttons()
            show_error(self, exc)

        self.ctx.write(call, done, failed, owner=self)
