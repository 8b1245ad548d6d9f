"""The main window: left navigation, pages, toolbar and status bar; remembers its layout.

It is shown before the database is open (start-up paints at once; the database layer loads
and connects on a worker thread) and gets its workspace with attach(). Pages are built the
first time they are shown (a chart or Excel page costs nothing at start-up). They share one
PageContext: the workspace, the task runner and the change bus, which is how a write on one
page reaches the others."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer, Slot
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

from crmdesk.tasks import TaskRunner
from crmdesk.views.context import ChangeBus, PageContext
from crmdesk.views.help_dialogs import AboutDialog, ShortcutsDialog, with_shortcut_tip
from crmdesk.views.icons import refresh_all as refresh_icons
from crmdesk.views.icons import set_icon
from crmdesk.views.pages import ICONS, PAGES, page_titles
from crmdesk.views.setup_dialogs import SettingsDialog
from crmdesk.views.team_menu import add_team_actions
from crmdesk.views.widgets import NoticeLine
from crmdesk.views.window_roles import FINANCE_HIDDEN, show_actor, window_title  # noqa: F401

if TYPE_CHECKING:
    from crmdesk.models.workspace import Workspace

log = logging.getLogger(__name__)


# The recycle pass (models/recycle.py) runs a little after start and then hourly, on the writer
# thread; any number of desktops may run it at once (each customer moves once).
RECYCLE_FIRST_MS = 3000
RECYCLE_EVERY_MS = 60 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(
        self,
        workspace: Workspace | None,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        recycle: bool = True,
    ) -> None:
        """recycle: run the recycle pass after start and hourly (not for a headless command:
        a screenshot changes nothing)."""
        super().__init__(parent)
        self._recycle = recycle
        self.workspace: Workspace | None = None
        self.settings = settings
        self.setWindowTitle(self.tr("crmdesk"))
        self.setMinimumSize(QSize(1000, 600))  # below this the filter row clips

        self.runner = TaskRunner(self)
        self.bus = ChangeBus(self)
        self.bus.notice.connect(self._on_notice)
        self._closing = False  # the user has answered for unsaved edits: close now
        self.ctx: PageContext | None = None
        self.pages: dict[str, QWidget] = {}
        self.titles = titles = page_titles()
        self.pending_approvals = 0  # the Approvals item's badge

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(172)  # "Approvals (12)" in English, not elided
        self.stack = QStackedWidget()
        for key in PAGES:
            item = QListWidgetItem(titles[key])
            set_icon(item, ICONS.get(key, key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(140, 36))
            self.nav.addItem(item)
            self.stack.addWidget(self._stand_in())  # until the page is first shown
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.notice_line = NoticeLine()  # the status bar's; Edit › Undo follows its button

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(16, 16))
        self.new_action = self._action(
            self.tr("&New customer…"), "new", self._on_new_triggered, QKeySequence.StandardKey.New
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"), "refresh", self._on_refresh_triggered,
            QKeySequence.StandardKey.Refresh,
        )  # fmt: skip
        self.find_action = self._action(
            self.tr("&Find"), "find", self._on_find_triggered, QKeySequence.StandardKey.Find
        )
        settings_action = self._action(
            self.tr("&Settings…"), "settings", self._on_settings_triggered,
            QKeySequence.StandardKey.Preferences,
        )  # fmt: skip
        self.tags_action = self._action(self.tr("Manage &tags…"), "tags", self._on_tags_triggered)
        self.tags_action.setVisible(False)  # an admin's, once the database says who works
        self.pools_action = self._action(self.tr("&Pools…"), "pool", self._on_pools_triggered)
        self.pools_action.setVisible(False)
        self.pool_admin_action = self._action(
            self.tr("Release &reasons and caps…"), "settings", self._on_pool_admin_triggered
        )
        self.pool_admin_action.setVisible(False)
        self.pipeline_settings_action = self._action(
            self.tr("Pipeline &settings…"), "pipeline", self._on_pipeline_settings_triggered
        )
        self.contract_settings_action = self._action(
            self.tr("&Contract settings…"), "settings", self._on_contract_settings_triggered
        )
        self.import_action = self._action(
            self.tr("&Import…"), "import", lambda: self._excel("import"), QKeySequence("Ctrl+I")
        )
        self.import_history_action = self._action(
            self.tr("Import &history…"), "history", lambda: self._excel("history")
        )
        self.export_follow_ups_action = self._action(
            self.tr("Export &follow-ups…"), "export", lambda: self._excel("follow_ups")
        )
        quit_action = self._action(
            self.tr("&Quit"), "quit", self.close, QKeySequence.StandardKey.Quit
        )
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), "shortcuts", self._on_shortcuts_triggered,
            QKeySequence.StandardKey.HelpContents,
        )  # fmt: skip
        about_action = self._action(self.tr("&About crmdesk"), "about", self._on_about_triggered)
        for action in (self.new_action, self.refresh_action, self.find_action):
            toolbar.addAction(action)
        for action in self._database_actions():
            action.setEnabled(False)  # until the database is open
        toolbar.addSeparator()
        toolbar.addAction(settings_action)
        self.addToolBar(toolbar)
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, settings_action])
        file_menu.addSeparator()
        file_menu.addActions(
            [self.import_action, self.import_history_action, self.export_follow_ups_action]
        )
        file_menu.addSeparator()
        self.team_actions = add_team_actions(self, file_menu)  # views/team_menu.py
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menus.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), "undo", self.notice_line.trigger,
                                        QKeySequence.StandardKey.Undo)  # fmt: skip
        self.undo_action.setEnabled(False)
        self.notice_line.offers_action.connect(self.undo_action.setEnabled)
        edit_menu.addActions([self.undo_action, self.find_action])
        view_menu = menus.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        customers_menu = menus.addMenu(self.tr("&Customers"))
        customers_menu.addAction(self.tags_action)
        customers_menu.addAction(self.pools_action)
        customers_menu.addAction(self.pool_admin_action)
        self._customers_menu = customers_menu
        pipeline_menu = menus.addMenu(self.tr("&Pipeline"))
        pipeline_menu.addAction(self.pipeline_settings_action)
        pipeline_menu.addAction(self.contract_settings_action)
        self._pipeline_menu = pipeline_menu
        pipeline_menu.menuAction().setVisible(False)  # an admin's, once the database says who
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts_action, about_action])
        self.menu_actions = [
            self.new_action, self.undo_action, self.find_action, self.refresh_action,
            self.import_action, settings_action, self.tags_action, self.shortcuts_action,
            quit_action,
        ]  # fmt: skip

        self.user_label = QLabel(self.tr("Opening the database…"))
        self.db_label = QLabel()
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addWidget(self.notice_line, 1)
        self.statusBar().addPermanentWidget(self.db_label)
        self._restore_geometry()
        if workspace is not None:
            self.attach(workspace)

    def _action(self, text: str, icon_key: str, slot, keys=None) -> QAction:
        """A menu and toolbar action with its icon and, in its tooltip, its shortcut."""
        action = QAction(text, self)
        set_icon(action, icon_key)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        with_shortcut_tip(action)
        return action

    def _database_actions(self) -> tuple[QAction, ...]:
        return (self.new_action, self.refresh_action, self.find_action, self.import_action,
                self.import_history_action, self.export_follow_ups_action)  # fmt: skip

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            refresh_icons()  # dark or light: the icons are drawn in the text colour
        super().changeEvent(event)

    def _stand_in(self) -> QWidget:
        label = QLabel(self.tr("Opening the database…"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("standIn")
        return label

    def show_waiting_for_sign_in(self) -> None:
        """Behind the sign-in dialog (a server, or after Sign out) the window says so, not
        "Opening the database…": the database is open, the user is what it waits for."""
        text = self.tr("Waiting for sign-in…")
        self.user_label.setText(text)
        for label in self.stack.findChildren(QLabel, "standIn"):
            label.setText(text)

    def attach(self, workspace: Workspace) -> None:
        """The database is open: show who works, and the page the user left last time."""
        from crmdesk.models.dialects import refresh_statistics

        self.workspace = workspace
        self.ctx = PageContext(workspace, self.runner, self.bus, self.settings)
        self.db_label.setText(workspace.db.display_name())
        for action in self._database_actions():
            action.setEnabled(True)
        hidden = show_actor(self, workspace.actor, workspace.db)
        first = "contracts" if hidden else "customers"
        self.bus.changed.connect(self._on_data_changed)
        self._count_pending_approvals()
        page = str(self.settings.value("window/page", first))
        self.show_page(first if page in hidden else page)
        if self.nav.currentRow() < 0:
            self.show_page(first)
        self._on_nav_row_changed(self.nav.currentRow())
        if self._recycle:
            self._recycle_timer = QTimer(self, interval=RECYCLE_EVERY_MS)
            self._recycle_timer.timeout.connect(self._on_recycle_timer_timeout)
            self._recycle_timer.start()
            QTimer.singleShot(RECYCLE_FIRST_MS, self._on_recycle_timer_timeout)
        self.team_actions.attach(workspace, services=self._recycle)  # live refresh, backups…
        if workspace.db.is_local:  # planner statistics, for fast filter choices and sorts
            self.runner.write(
                lambda: refresh_statistics(workspace.db, only_if_missing=True),
                None,
                lambda exc: log.warning("statistics not refreshed: %s", exc),
            )

    @Slot()
    def _on_recycle_timer_timeout(self) -> None:
        ws = self.workspace
        if ws is None or self.ctx is None or self._closing:
            return

        def run(control):  # stops between units of work when the window closes
            return ws.recycle(cancelled=lambda: control.cancelled() or self._closing)

        self._recycle_task = self.ctx.write(
            run,
            None,
            lambda exc: log.warning("the recycle pass failed: %r", exc),
            owner=self,
            on_progress=lambda _done, _total: None,
        )

    # -- pages
    def page(self, key: str) -> QWidget:
        """The page, built now if it never was (the workspace must be attached)."""
        if key not in self.pages:
            assert self.ctx is not None, "attach() a workspace first"
            page = PAGES[key](self.ctx)
            if hasattr(page, "open_requested"):  # Today: an item opens its customer
                page.open_requested.connect(self._on_open_requested)
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

    @Slot(int)
    def _on_open_requested(self, customer_id: int) -> None:
        """Another page asked to see a customer: the customer page shows it (after its own
        question about unsaved edits, if any)."""
        self.show_page("customers")
        if self.current_page() == "customers":
            self.customers.select_customer(customer_id)

    def show_page(self, key: str) -> None:
        if key in PAGES:
            self.nav.setCurrentRow(list(PAGES).index(key))

    def current_page(self) -> str:
        return list(PAGES)[self.stack.currentIndex()]

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.ctx is not None:
            self.settings.setValue("window/page", self.current_page())
        for page in self.pages.values():
            if hasattr(page, "save_layout"):
                page.save_layout()
        self.settings.sync()

    def _leave_page(self, proceed, stay=None) -> None:
        """Leave the current page: a page with unsaved edits asks first (a page's leave())."""
        page = self.stack.currentWidget()
        if hasattr(page, "leave"):
            page.leave(proceed, stay)
        else:
            proceed()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            # Asked first. Answered at once (nothing unsaved, or Don't save) this event closes
            # the window; answered later (a save running) the window closes itself once it is
            # done. A close() from inside this handler would be dropped by Qt, and the window
            # would stay open until a second click.
            asking = [True]

            def close_now() -> None:
                self._closing = True
                if not asking[0]:
                    self.close()

            self._leave_page(close_now)
            asking[0] = False
            if not self._closing:
                event.ignore()
                return
        self.save_layout()
        # No new poll or probe on a database about to be closed (open_in_new_window closes it
        # right after; a probe would open a new pool on it that nobody disposes).
        for name in ("live_refresh", "connection_watch"):
            service = getattr(self, name, None)
            if service is not None:
                service.stop()
        self.runner.cancel_all()  # a bulk action stops after its current chunk
        self.runner.wait()
        super().closeEvent(event)

    @Slot(int)
    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        previous = self.stack.currentIndex()

        def switch() -> None:
            if self.ctx is not None:
                self.page(list(PAGES)[row])
            self.stack.setCurrentIndex(row)

        def stay() -> None:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(previous)
            self.nav.blockSignals(False)

        if self.ctx is None or previous == row:
            switch()
        else:
            self._leave_page(switch, stay)

    @Slot(object)
    def _on_notice(self, notice) -> None:
        self.notice_line.show_notice(notice.text, notice.action_text, notice.action)

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

    def _open_admin_dialog(self, make) -> None:
        """An administrator's dialog over the window (it reads and writes on its own)."""
        if self.ctx is not None:
            dialog = make(self.ctx, self)
            dialog.exec()
            dialog.deleteLater()

    def _excel(self, what: str) -> None:
        """File's Excel actions: the import wizard, the import history, the follow-ups export."""
        from crmdesk.views import import_history, import_wizard, list_export

        opener = {"import": import_wizard.open_import_wizard,
                  "history": import_history.open_import_history,
                  "follow_ups": list_export.export_follow_ups}[what]  # fmt: skip
        if self.ctx is not None:
            opener(self.ctx, self)

    @Slot()
    def _on_tags_triggered(self) -> None:
        from crmdesk.views.tags_dialog import TagsDialog

        self._open_admin_dialog(TagsDialog)

    @Slot()
    def _on_pools_triggered(self) -> None:
        from crmdesk.views.pool_settings_dialog import PoolSettingsDialog

        self._open_admin_dialog(PoolSettingsDialog)

    @Slot()
    def _on_pool_admin_triggered(self) -> None:
        from crmdesk.views.pool_admin_dialog import PoolAdminDialog

        self._open_admin_dialog(PoolAdminDialog)

    @Slot()
    def _on_pipeline_settings_triggered(self) -> None:
        from crmdesk.views.pipeline_settings_dialog import PipelineSettingsDialog

        self._open_admin_dialog(PipelineSettingsDialog)

    @Slot()
    def _on_contract_settings_triggered(self) -> None:
        from crmdesk.views.contract_settings_dialog import ContractSettingsDialog

        self._open_admin_dialog(ContractSettingsDialog)

    # -- the Approvals item's badge
    def _count_pending_approvals(self) -> None:
        if self.workspace is not None and self.ctx is not None and not self._closing:
            self.ctx.read(self.workspace.count_pending_approvals,
                          self._on_pending_approvals_counted,
                          lambda exc: log.warning("approvals not counted: %r", exc),
                          owner=self, key="pending_approvals")  # fmt: skip

    @Slot(object)
    def _on_data_changed(self, change) -> None:
        if change.kinds & {"approvals", "deals"}:
            self._count_pending_approvals()

    def _on_pending_approvals_counted(self, count: int) -> None:
        self.pending_approvals = count
        title = self.titles["approvals"]
        item = self.nav.item(list(PAGES).index("approvals"))
        item.setText(f"{title} ({count})" if count else title)

    @Slot()
    def _on_shortcuts_triggered(self) -> None:
        dialog = ShortcutsDialog(self.menu_actions, self)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def _on_about_triggered(self) -> None:
        database = self.workspace.db.display_name() if self.workspace is not None else ""
        dialog = AboutDialog(database, self)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def _on_settings_triggered(self) -> None:
        dialog = SettingsDialog(str(self.settings.value("language", "")), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings.setValue("language", dialog.value())
