"""The window's Refresh (F5) reads every page built so far again: each page answers refresh()."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from crmdesk.models.workspace import Workspace
from crmdesk.views.main_window import MainWindow
from crmdesk.views.pages import PAGES


def test_refresh_after_visiting_every_page(qtbot, ws, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Workspace(ws.db, ws.people.admin, clock=ws.clock), settings,
                        recycle=False)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
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
