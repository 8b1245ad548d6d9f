"""The main window: left navigation, pages, toolbar and status bar; remembers its layout.

Pages are built the first time they are shown (a chart or Excel page costs nothing at
start-up). They share one PageContext: the workspace, the task runner and the change bus,
which is how a write on one page reaches the others."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from crmdesk.models.database import refresh_statistics
from crmdesk.models.workspace import Workspace
from crmdesk.tasks import TaskRunner
from crmdesk.views.context import ChangeBus, PageContext
from crmdesk.views.labels import role_label
from crmdesk.views.setup_dialogs import SettingsDialog

log = logging.getLogger(__name__)


def _customers(ctx: PageContext) -> QWidget:
    from crmdesk.views.customer_page import CustomersPage

    return CustomersPage(ctx)


def _recycle_bin(ctx: PageContext) -> QWidget:
    from crmdesk.views.recycle_bin_page import RecycleBinPage

    return RecycleBinPage(ctx)


PAGES: dict[str, Callable[[PageContext], QWidget]] = {
    "customers": _customers,
    "recycle_bin": _recycle_bin,
}


class MainWindow(QMainWindow):
    def __init__(
        self, workspace: Workspace, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.setWindowTitle(self.tr("crmdesk"))
        self.setMinimumSize(QSize(900, 560))

        self.runner = TaskRunner(self)
        self.bus = ChangeBus(self)
        self.ctx = PageContext(workspace, self.runner, self.bus, settings)
        self.pages: dict[str, QWidget] = {}
        titles = {"customers": self.tr("Customers"), "recycle_bin": self.tr("Recycle bin")}

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        for key in PAGES:
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(140, 36))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        new = QAction(self.tr("New customer"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self._on_new_triggered)
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self._on_refresh_triggered)
        find = QAction(self.tr("Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._on_find_triggered)
        settings_action = QAction(self.tr("Settings…"), self)
        settings_action.triggered.connect(self._on_settings_triggered)
        for action in (new, refresh, find):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(settings_action)
        self.addToolBar(toolbar)

        actor = workspace.actor
        team = f" · {actor.team_name}" if actor.team_name else ""
        self.user_label = QLabel(f"{actor.name} ({role_label(actor.role)}{team})")
        self.db_label = QLabel(workspace.db.display_name())
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)

        self._restore()
        if workspace.db.is_local:  # planner statistics, for fast filter choices and sorts
            self.runner.write(
                lambda: refresh_statistics(workspace.db),
                None,
                lambda exc: log.warning("statistics not refreshed: %s", exc),
            )

    # -- pages
    def page(self, key: str) -> QWidget:
        """The page, built now if it never was."""
        if key not in self.pages:
            page = PAGES[key](self.ctx)
            index = list(PAGES).index(key)
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.pages[key] = page
        return self.pages[key]

    @property
    def customers(self):
        return self.page("customers")

    @property
    def recycle_bin(self):
        return self.page("recycle_bin")

    def show_page(self, key: str) -> None:
        if key in PAGES:
            self.nav.setCurrentRow(list(PAGES).index(key))

    def current_page(self) -> str:
        return list(PAGES)[self.stack.currentIndex()]

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        self.show_page(str(self.settings.value("window/page", "customers")))
        if self.nav.currentRow() < 0:
            self.show_page("customers")

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/page", self.current_page())
        for page in self.pages.values():
            if hasattr(page, "save_layout"):
                page.save_layout()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.runner.cancel_all()  # a bulk action stops after its current chunk
        self.runner.wait()
        super().closeEvent(event)

    @Slot(int)
    def _on_nav_row_changed(self, row: int) -> None:
        if row >= 0:
            self.page(list(PAGES)[row])
            self.stack.setCurrentIndex(row)

    @Slot()
    def _on_new_triggered(self) -> None:
        self.show_page("customers")
        self.customers.new_customer()

    @Slot()
    def _on_refresh_triggered(self) -> None:
        for page in self.pages.values():
            page.refresh()

    @Slot()
    def _on_find_triggered(self) -> None:
        self.show_page("customers")
        self.customers.search.setFocus()
        self.customers.search.selectAll()

    @Slot()
    def _on_settings_triggered(self) -> None:
        dialog = SettingsDialog(str(self.settings.value("language", "")), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings.setValue("language", dialog.value())
