"""The main window: left navigation, pages, toolbar and status bar; remembers its layout."""

from __future__ import annotations

import logging

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
from crmdesk.views.customer_page import CustomersPage
from crmdesk.views.labels import role_label
from crmdesk.views.recycle_bin_page import RecycleBinPage
from crmdesk.views.setup_dialogs import SettingsDialog

log = logging.getLogger(__name__)

PAGES = ("customers", "recycle_bin")


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
        self.customers = CustomersPage(workspace, settings, runner=self.runner)
        self.recycle_bin = RecycleBinPage(workspace)
        self.customers.data_changed.connect(self.recycle_bin.reload)
        self.recycle_bin.data_changed.connect(self.customers.reload)
        self.pages = {"customers": self.customers, "recycle_bin": self.recycle_bin}
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
            self.stack.addWidget(self.pages[key])
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
                lambda _r: None,
                lambda exc: log.warning("statistics not refreshed: %s", exc),
            )

    def show_page(self, key: str) -> None:
        if key in PAGES:
            self.nav.setCurrentRow(PAGES.index(key))

    def current_page(self) -> str:
        return PAGES[self.stack.currentIndex()]

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
        self.customers.save_layout()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.runner.wait()
        super().closeEvent(event)

    @Slot(int)
    def _on_nav_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    @Slot()
    def _on_new_triggered(self) -> None:
        self.show_page("customers")
        self.customers.new_customer()

    @Slot()
    def _on_refresh_triggered(self) -> None:
        self.customers.reload()
        self.recycle_bin.reload()

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
