"""Small widget builders every dialog uses, so they look and behave alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

ERROR_COLOR = "#d9363e"


def problem_label(text: str = "") -> QLabel:
    """A red, word-wrapped line under a form saying what to fix; hidden until needed."""
    label = QLabel(text)
    label.setObjectName("formProblems")
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setWordWrap(True)
    label.hide()
    return label


def ok_cancel(dialog: QDialog, on_ok: Callable[[], None], save: bool = False) -> QDialogButtonBox:
    """OK (or Save) runs on_ok, which accepts the dialog when the input is good; Cancel rejects."""
    ok = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons
