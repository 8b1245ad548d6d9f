"""Help › Keyboard shortcuts and Help › About: what a user asks when stuck, and what support
asks them (which version, which database, where the data and the logs are)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk import __version__, paths


def shortcut_text(sequence: QKeySequence | QKeySequence.StandardKey) -> str:
    """A shortcut as this platform writes it (Ctrl+N here, ⌘N on a Mac)."""
    if isinstance(sequence, QKeySequence.StandardKey):
        keys = QKeySequence.keyBindings(sequence)
        sequence = keys[0] if keys else QKeySequence()
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut_tip(action: QAction) -> None:
    """The action's tooltip names its shortcut: "New customer (Ctrl+N)"."""
    text = action.text().replace("&", "").rstrip("…")
    keys = shortcut_text(action.shortcut())
    action.setToolTip(f"{text} ({keys})" if keys else text)


def page_shortcuts() -> list[tuple[str, str]]:
    """Keys that work inside the customer page, beside the menus' own."""
    standard = QKeySequence.StandardKey
    return [
        (
            QCoreApplication.translate("ShortcutsDialog", "Save the customer's changes"),
            shortcut_text(standard.Save),
        ),
        (
            QCoreApplication.translate(
                "ShortcutsDialog", "Leave an edit (asks before throwing anything away)"
            ),
            "Esc",
        ),
        (
            QCoreApplication.translate(
                "ShortcutsDialog", "Move the selected customers to the recycle bin"
            ),
            shortcut_text(standard.Delete),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Select every customer of the list"),
            shortcut_text(standard.SelectAll),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Select a range of customers"),
            QCoreApplication.translate("ShortcutsDialog", "Shift+click"),
        ),
        (
            QCoreApplication.translate(
                "ShortcutsDialog",
                "Pipeline board: select the card beside, in the next or previous stage",
            ),
            QCoreApplication.translate("ShortcutsDialog", "Left / Right"),
        ),
        (
            QCoreApplication.translate(
                "ShortcutsDialog", "Pipeline board: move the selected deals one stage on or back"
            ),
            "Ctrl+Right / Ctrl+Left",
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Pipeline board: open the deal"),
            "Enter",
        ),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 420)
        rows = [
            (a.text().replace("&", ""), shortcut_text(a.shortcut()))
            for a in actions
            if not a.shortcut().isEmpty()
        ] + page_shortcuts()
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for i, (what, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(what))
            self.table.setItem(i, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


class AboutDialog(QDialog):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About crmdesk"))
        title = QLabel(self.tr("crmdesk %1").replace("%1", __version__))
        title.setObjectName("detailHeading")
        about = QLabel(self.tr("A desktop CRM for small sales teams."))
        form = QFormLayout()
        self.folders = {"data": paths.data_dir(), "logs": paths.log_dir()}
        for label, value in (
            (self.tr("Version"), __version__),
            (self.tr("Database"), database or self.tr("Not open")),
            (self.tr("Data folder"), str(self.folders["data"])),
            (self.tr("Log folder"), str(self.folders["logs"])),
        ):
            text = QLabel(value)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            form.addRow(label, text)
        open_data = QPushButton(self.tr("Open data folder"))
        open_data.clicked.connect(lambda: self._open("data"))
        open_logs = QPushButton(self.tr("Open log folder"))
        open_logs.clicked.connect(lambda: self._open("logs"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(open_data)
        row.addWidget(open_logs)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addLayout(row)
        self.setMinimumWidth(520)

    def _open(self, which: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folders[which])))
