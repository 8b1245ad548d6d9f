"""The window's Refresh (F5) reads every page built so far again (each answers refresh()),
and Edit › Undo (Ctrl+Z) does what the notice line offers while it offers it."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence

from crmdesk.models.workspace import Workspace
from crmdesk.views.main_window import MainWindow
from crmdesk.views.pages import PAGES


def admin_window(qtbot, ws, tmp_path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Workspace(ws.db, ws.people.admin, clock=ws.clock), settings,
                        recycle=False)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    return window


def test_refresh_after_visiting_every_page(qtbot, ws, tmp_path, monkeypatch):
    window = admin_window(qtbot, ws, tmp_path)
    refreshed: list[str] = []
    for key in PAGES:
        window.show_page(key)
        page = window.page(key)
        assert callable(getattr(page, "refresh", None)), key
        real = page.refresh
        monkeypatch.setattr(page, "refresh", lambda real=real, key=key: (refreshed.append(key),
                                                                         real()))  # fmt: skip
    window.refresh_action.trigger()  # an exception in a page's refresh fails the test here
    assert sorted(refreshed) == sorted(PAGES)


def test_edit_undo_does_what_the_notice_offers_while_it_does(qtbot, ws, tmp_path):
    window = admin_window(qtbot, ws, tmp_path)
    undo = window.undo_action
    assert not undo.isEnabled() and undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert undo in window.menuBar().actions()[1].menu().actions()  # Edit › Undo
    undone: list[str] = []
    window.ctx.notify("Moved 3 customers to the recycle bin.", "Undo", lambda: undone.append("x"))
    assert undo.isEnabled()
    undo.trigger()
    assert undone == ["x"] and not undo.isEnabled()
    undo.trigger()  # nothing left to undo
    assert undone == ["x"]
    window.ctx.notify("Saved.")  # a notice with nothing to undo
    assert not undo.isEnabled()


def test_ctrl_z_in_a_text_field_undoes_the_typing_not_the_action(qtbot, ws, tmp_path):
    window = admin_window(qtbot, ws, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    undone: list[str] = []
    window.ctx.notify("Moved 3 customers to the recycle bin.", "Undo", lambda: undone.append("x"))
    search = window.page("customers").search
    search.setFocus()
    qtbot.keyClicks(search, "abc")
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == "" and undone == []  # the field's own undo
    table = window.page("customers").table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone == ["x"]  # elsewhere Ctrl+Z is Edit › Undo
