"""Open and Save As dialogs that never open the files they list.

Qt's own file dialog (Linux without a desktop portal) reads files to tell their types, and
closing a file a process has open releases every POSIX lock the process holds on it: SQLite's
locks on a database (and its -shm) shown in the dialog's folder went with it, after which
another program could delete the live WAL (seen in a try-out). The dialogs here tell types by
name only. Native dialogs (Windows, macOS) ignore the provider and run as before.
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from a file's name, never from its content."""

    def icon(self, what) -> QIcon:
        if isinstance(what, QFileInfo) and what.isDir():
            return super().icon(QFileIconProvider.IconType.Folder)
        if isinstance(what, QFileInfo):
            return super().icon(QFileIconProvider.IconType.File)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        return "" if info.isDir() else info.suffix().upper()


def _run(dialog: QFileDialog) -> tuple[str, str]:
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def open_file_name(
    parent: QWidget | None, caption: str, directory: str, name_filter: str
) -> tuple[str, str]:
    """(path, chosen filter) of a file to open, ("", "") when cancelled."""
    dialog = QFileDialog(parent, caption, directory, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def save_file_name(
    parent: QWidget | None,
    caption: str,
    path: str,
    name_filter: str,
    *,
    confirm_overwrite: bool = True,
) -> tuple[str, str]:
    """(path, chosen filter) to save as, ("", "") when cancelled; path: the proposed file."""
    dialog = QFileDialog(parent, caption, path, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if not confirm_overwrite:
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
    return _run(dialog)
