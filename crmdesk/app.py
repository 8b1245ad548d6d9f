"""Wiring: the QApplication, translators, look, settings, logging, and the main window."""

from __future__ import annotations

import importlib
import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

from crmdesk import __version__, paths
from crmdesk.views.server_opening import ServerOpening, start_url  # noqa: F401 (tests)

log = logging.getLogger("crmdesk")


def setup_logging() -> Path:
    path = paths.log_dir() / "crmdesk.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def open_settings() -> QSettings:
    """An INI file in the per-user config directory (so CRMDESK_HOME relocates it too)."""
    return QSettings(str(paths.config_dir() / "settings.ini"), QSettings.Format.IniFormat)


def _language(settings: QSettings, override: str | None) -> str:
    return override or str(settings.value("language", "") or "") or QLocale.system().name()


def install_translators(app: QApplication, language: str) -> None:
    """Qt's own strings (qtbase: dialog buttons) and ours."""
    QLocale.setDefault(QLocale(language))
    translators = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    ours = QTranslator(app)
    folder = str(paths.resource_dir() / "translations")
    # A language we do not translate falls back to English, whose file carries the plural
    # forms ("1 customer", "2 customers") that the source strings write as "customer(s)".
    if ours.load(f"crmdesk_{language}", folder) or ours.load("crmdesk_en", folder):
        translators.append(ours)
    for t in translators:
        app.installTranslator(t)


def apply_look(app: QApplication) -> None:
    """Fusion everywhere (one look to test); dark when the system is dark."""
    app.setStyle(QStyleFactory.create("Fusion"))
    apply_palette(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_palette(app))
    qss = paths.resource_dir() / "style.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def apply_palette(app: QApplication, dark: bool | None = None) -> None:
    if dark is None:
        dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    if not dark:
        app.setPalette(app.style().standardPalette())
        return
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#26282b")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor("#2f65ca")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#8c8f94")),
        (QPalette.ColorRole.Link, QColor("#7ab4ff")),  # "Count all": the default blue is unreadable
        (QPalette.ColorRole.LinkVisited, QColor("#b39ddb")),
    ):
        p.setColor(role, color)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6f737a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6f737a"))
    app.setPalette(p)


def create_application(argv: list[str], language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("crmdesk")
    app.setOrganizationName("crmdesk")
    app.setApplicationVersion(__version__)
    install_translators(app, _language(open_settings(), language))
    apply_look(app)
    return app


def _install_excepthook() -> None:
    """An unexpected error is logged in full and shown in plain words, never as a traceback."""

    def hook(kind, value, tb) -> None:
        log.error("unhandled error", exc_info=(kind, value, tb))
        from crmdesk.views.errors import error_text

        if QApplication.instance() is not None:
            QMessageBox.critical(None, "crmdesk", error_text(value))

    sys.excepthook = hook


def local_workspace(url: str | None, create_admin_as: str | None = None):
    """Open the database and find who works on it, without any window: (workspace or None
    when nobody is set up yet, database). Raises the project's errors (CrmError).

    The window uses it for the local file only (a server asks to sign in: _Opening). Headless
    commands (crmdesk screenshot --db SERVER --as LOGIN) use it on a server too, with no
    password: whoever holds the database's own credentials (the URL) may read it anyway."""
    from crmdesk.models.database import open_database
    from crmdesk.models.users import count_users, create_local_admin, local_actor, os_login
    from crmdesk.models.workspace import Workspace, utc_now

    db = open_database(url)
    try:
        actor = db.read(lambda s: local_actor(s, os_login()) if count_users(s) else None)
        if actor is None and create_admin_as is not None:
            actor = db.write(lambda s: create_local_admin(s, create_admin_as, os_login(),
                                                          utc_now())).value  # fmt: skip
    except Exception:
        db.close()
        raise
    return (Workspace(db, actor) if actor is not None else None), db


def load_demo_with_progress(db, parent=None) -> None:
    """The first start's demo data, on the writer thread; the window shows its progress."""
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QProgressDialog

    from crmdesk.models.demo import generate_demo
    from crmdesk.tasks import TaskRunner
    from crmdesk.views.errors import show_error

    customers = 2000
    runner = TaskRunner()
    loop = QEventLoop()
    dialog = QProgressDialog(
        QCoreApplication.translate("FirstRunDialog", "Loading demo data…"), "", 0, customers,
        parent,
    )  # fmt: skip
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)

    def failed(exc: BaseException) -> None:
        loop.quit()
        show_error(parent, exc)

    runner.write(
        lambda control: generate_demo(db, customers=customers, seed=1, progress=control.progress),
        lambda _result: loop.quit(),
        failed,
        on_progress=lambda done, _total: dialog.setValue(done),
    )
    loop.exec()
    dialog.close()
    runner.wait()


def _is_server(url: str | None) -> bool:
    if not url:
        return False
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).get_backend_name() != "sqlite"
    except ArgumentError:
        return False  # not a URL: it fails to open as a file, and says so


class _Opening(ServerOpening):
    """Start-up after the window is shown: the database layer is imported and the database
    opened on a worker thread (~0.3 s of imports, and a server may be slow to answer), then
    the window gets its workspace. Everything the user is asked runs on the GUI thread in a
    dialog whose database work goes to the runner.

    The local file: nobody set up yet → the first start (FirstRunDialog); else its local user,
    no password. A server: open it, then sign in (LoginDialog; must_change_password → the
    change-password dialog before the window opens). An empty server → confirm, then its first
    admin (FirstAdminDialog: set up under the upgrade lock, auth.create_first_admin). An older
    schema → SchemaTooOldDialog (an admin upgrades; everyone else is told to ask). The server
    refused the password → the connect dialog on that profile (no keychain: asked each time).
    A database that does not open offers what to do next (prompts.ask_open_failed): retry,
    another file, a server (the connect dialog), the default local file, or quit. The choice
    is remembered for the next start (profiles.json; the legacy "database/url" setting
    mirrors it, without a password)."""

    def __init__(
        self, window, url: str | None, profile: str | None = None, last: bool = False
    ) -> None:
        """last: open the profile used last (profiles.json, read on the runner: start_url)."""
        self.window, self.url, self.profile = window, url, profile
        self._last = last

    def start(self) -> None:
        asked = self.url
        legacy = None
        if self._last:  # the settings object is read here, the files on the worker
            self._last = False
            legacy = str(self.window.settings.value("database/url", "") or "")

        def open_and_warm():
            if legacy is not None:
                from crmdesk.views.server_opening import start_url_from

                self.url, self.profile = start_url_from(legacy)
            # self.url and self.profile are read on the GUI thread only after this returns
            url = self.url = self.kept_password(asked if legacy is None else self.url)
            if _is_server(url):
                from crmdesk.models.database import open_database

                opened = (None, open_database(url))  # who works is asked next: sign in
            else:
                opened = local_workspace(url)
            # The first page's modules are imported here, off the GUI thread, while it waits
            # anyway (~27 ms); building the page then costs the window only its widgets.
            importlib.import_module("crmdesk.views.customer_page")
            return opened

        self.window.runner.read(open_and_warm, self._on_opened, self._on_failed)

    def _remember(self, url: str | None) -> None:
        """Use this database now and at the next start; a password is never written to the
        settings file (the next start asks the server without it, and says so if refused)."""
        from crmdesk.models import profiles

        self.url, self.profile = url, None
        settings = self.window.settings

        def remember() -> str | None:  # profiles.json, on the runner's (serialized) write lane
            try:
                return profiles.remember_url(url).name
            except (ValueError, OSError) as exc:  # not a URL: it fails to open, not worth it
                log.warning("database choice not remembered: %r", exc)
                return None

        self.window.runner.write(remember, self._on_remembered)
        if url is None:
            settings.remove("database/url")
            return
        from sqlalchemy.engine import make_url

        try:
            # URL.set(password=None) keeps the password ("None: unchanged"); a named tuple's
            # _replace drops it.
            kept = make_url(url)._replace(password=None).render_as_string(hide_password=False)
        except Exception:  # not a URL at all: it fails to open, and is not worth keeping
            return
        settings.setValue("database/url", kept)

    def _on_remembered(self, name: str | None) -> None:
        if name is not None and self.profile is None:
            self.profile = name

    def _on_opened(self, opened) -> None:
        workspace, db = opened
        if workspace is not None:
            self.window.attach(workspace)
            return
        if not db.is_local:
            self._sign_in(db)
            return
        from crmdesk.views.setup_dialogs import FirstRunDialog

        dialog = FirstRunDialog(self.window)
        if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
            self._quit(db)
            return
        name, start = dialog.value()
        if start == "server":  # that server's database instead of this empty file
            db.close()
            self._remember(dialog.server_url())
            self.start()
            return
        from crmdesk.models.users import create_local_admin, os_login
        from crmdesk.models.workspace import Workspace, utc_now

        def made(result) -> None:
            if start == "demo":
                load_demo_with_progress(db, self.window)
            self.window.attach(Workspace(db, result.value))

        self.window.runner.write(
            lambda: db.write(lambda s: create_local_admin(s, name, os_login(), utc_now())),
            made,
            self._on_failed,
        )

    # -- a server: signing in, its first admin, its upgrade
    def _on_failed(self, exc: BaseException) -> None:
        from crmdesk.views import prompts
        from crmdesk.views.connect_dialog import shown_url

        log.warning("the database did not open: %r", exc)
        exc = shown_url(exc)  # as the user typed it: no driver, no password
        code = getattr(exc, "code", "")
        if code == "server_not_set_up":
            self._set_up(exc)
            return
        if code == "schema_too_old":
            self._upgrade(exc)
            return
        params = getattr(exc, "params", {}) or {}
        if _is_server(self.url) and params.get("reason") == "auth_failed":
            from sqlalchemy.engine import make_url

            from crmdesk.views.errors import error_text

            if make_url(self.url).password is None:  # no keychain, or nothing kept there yet
                message = QCoreApplication.translate(
                    "Opening", "The server asks for this connection's password: enter it."
                )
            else:
                message = error_text(exc)
            self._connect(message)
            return
        while True:
            answer = prompts.ask_open_failed(self.window, exc, self.url is None)
            if answer == "retry":
                self.start()
            elif answer == "default":
                self._remember(None)
                self.start()
            elif answer == "connect":
                self._connect()
            elif answer == "choose":
                path = prompts.choose_database_file(self.window)
                if not path:
                    continue  # cancelled the file dialog: the question again
                self._remember(f"sqlite:///{path}")
                self.start()
            else:
                QApplication.exit(1)
            return


def start_gui(url: str | None, language: str | None = None, argv: list[str] | None = None):
    """The application with its main window shown and the database opening behind it."""
    setup_logging()
    app = create_application(argv if argv is not None else sys.argv, language)
    _install_excepthook()
    from crmdesk.tasks import GuiThreadCollector
    from crmdesk.views.main_window import MainWindow

    if not any(isinstance(c, GuiThreadCollector) for c in app.children()):
        GuiThreadCollector(app)  # owned by the application: garbage collected on its thread

    settings = open_settings()
    window = MainWindow(None, settings)
    window.show()
    _Opening(window, url, None, last=url is None).start()
    return app, window


def open_in_new_window(old, url: str | None, profile: str | None = None) -> None:
    """Another database (File › Connect) or another sign-in (File › Sign out) in a new main
    window, once the old one may go (a page with unsaved edits asks first, and a save runs
    before): the old window closes, its database is closed, and the new one opens url as at
    start-up (_windows[0]). In the same process, so a password typed for this session (no
    keychain) is not asked again."""

    def switch() -> None:
        from crmdesk.views.main_window import MainWindow

        app = QApplication.instance()
        app.setQuitOnLastWindowClosed(False)  # for the moment between the two windows
        try:
            old._closing = True  # the unsaved edits are answered for
            old.close()
        finally:
            app.setQuitOnLastWindowClosed(True)
        if old.workspace is not None:
            old.workspace.db.close()
        window = MainWindow(None, old.settings)
        window.show()
        _windows[:] = [window]
        old.deleteLater()
        _Opening(window, url, profile).start()

    old._leave_page(switch)


_windows: list = []  # the main window (run_gui closes its database at the end)


def run_gui(url: str | None, language: str | None = None) -> int:
    app, window = start_gui(url, language)
    _windows[:] = [window]
    code = app.exec()
    window = _windows[0]
    window.runner.wait()
    if window.workspace is not None:
        window.workspace.db.close()
    return code
