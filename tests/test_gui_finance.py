"""What the window offers a finance clerk: the contracts to collect on, not the customer pages
that would only ever be empty for them (they see no customer's details)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from test_gui_contracts import _finance

from crmdesk.models.workspace import Workspace
from crmdesk.views.main_window import FINANCE_HIDDEN, MainWindow


def shown_pages(window) -> list[str]:
    items = [window.nav.item(r) for r in range(window.nav.count())]
    return [i.data(Qt.ItemDataRole.UserRole) for i in items if not i.isHidden()]


def test_finance_opens_on_contracts_without_the_customer_pages(qtbot, ws, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/page", "customers")  # where an earlier user of the file left off
    window = MainWindow(Workspace(ws.db, _finance(ws), clock=ws.clock), settings, recycle=False)
    qtbot.addWidget(window)
    window.show()
    pages = shown_pages(window)
    assert "contracts" in pages and "today" in pages
    assert not set(FINANCE_HIDDEN) & set(pages)
    assert window.current_page() == "contracts"
    assert not window.new_action.isVisible()


def test_a_rep_still_has_every_page(qtbot, ws, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Workspace(ws.db, ws.people.rep_n1, clock=ws.clock), settings,
                        recycle=False)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    assert set(FINANCE_HIDDEN) <= set(shown_pages(window))
    assert window.current_page() == "customers"
