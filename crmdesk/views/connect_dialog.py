"""Connect to a database: the saved profiles (the local file first, then team servers), the
chosen one's fields, New / Delete, Test connection (on the runner) and Connect.

Nothing here opens the program's database: Connect saves the profiles (never a password; the
password goes to the keychain when the user asks and one exists) and makes the chosen profile
the last one; the caller opens it (start-up) or restarts the program on it (File menu)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models import profiles
from crmdesk.models.profiles import DEFAULT_PORTS, Profile
from crmdesk.views.widgets import problem_label

log = logging.getLogger(__name__)


def probe(url: str) -> str:
    """Open the database as the program would and close it again (on a worker thread): "ok",
    "empty" (a server database crmdesk will set up) or "too_old" (an administrator must upgrade
    it); any other failure is raised as the project's error."""
    from crmdesk.models.database import open_database

    try:
        open_database(url).close()
    except Exception as exc:
        code = getattr(exc, "code", "")
        if code == "server_not_set_up":
            return "empty"
        if code == "schema_too_old":
            return "too_old"
        raise
    return "ok"


def probe_text(outcome: str) -> str:
    if outcome == "empty":
        return QCoreApplication.translate(
            "ConnectDialog",
            "Connected. The database is empty: crmdesk will set it up when you connect, and "
            "you will create its first administrator.",
        )
    if outcome == "too_old":
        return QCoreApplication.translate(
            "ConnectDialog",
            "Connected, but the database was made by an older version of crmdesk. An "
            "administrator must upgrade it before anyone can work in it.",
        )
    if outcome == "new_file":
        return QCoreApplication.translate(
            "ConnectDialog", "There is no file there yet: a new, empty database will be made."
        )
    return QCoreApplication.translate("ConnectDialog", "Connected. The database is ready.")


class ConnectDialog(QDialog):
    """runner: the window's TaskRunner (Test connection runs there). select: the profile to
    show first (default: the last one used). message: why the dialog is shown, if not asked
    for (e.g. the server wants a password)."""

    def __init__(
        self, runner, parent: QWidget | None = None, select: str | None = None, message: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a database"))
        self.runner = runner
        self.profiles: list[Profile] = profiles.load_profiles()
        self.typed: dict[str, str] = {}  # passwords typed in this dialog, by profile name
        self.chosen: Profile | None = None
        self._showing = False  # filling the fields: their signals change nothing
        self.keyring = profiles.keyring_available()

        self.list = QListWidget()
        self.list.setMinimumWidth(190)
        self.list.currentRowChanged.connect(self._on_list_row_changed)
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Local file on this computer"), "sqlite")
        self.kind.addItem(self.tr("PostgreSQL server"), "postgresql")
        self.kind.addItem(self.tr("MySQL or MariaDB server"), "mysql")
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("The default file (in your data folder)"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._on_browse_clicked)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.path_box = QWidget()
        self.path_box.setLayout(path_row)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.5 or db.example.cn"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in this computer's keychain"))
        self.remember.setVisible(self.keyring)
        self.no_keyring = QLabel(
            self.tr("This computer has no keychain: the password is asked for at each start.")
        )
        self.no_keyring.setObjectName("hint")
        self.no_keyring.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("File"), self.path_box)
        self.form.addRow(self.tr("Server"), self.host)
        self.form.addRow(self.tr("Port"), self.port)
        self.form.addRow(self.tr("Database"), self.database)
        self.form.addRow(self.tr("User"), self.user)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow("", self.remember)
        self.form.addRow("", self.no_keyring)
        self.problem = problem_label()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumWidth(380)
        self.intro = QLabel(message)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(message))

        self.new = QPushButton(self.tr("New"))
        self.new.clicked.connect(self._on_new_clicked)
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.clicked.connect(self._on_delete_clicked)
        self.test = QPushButton(self.tr("Test connection"))
        self.test.clicked.connect(self._on_test_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(
            self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self._on_connect_clicked)
        self.buttons.rejected.connect(self.reject)

        for edit in (self.name, self.path, self.host, self.database, self.user):
            edit.textEdited.connect(self._on_field_edited)
        self.password.textEdited.connect(self._on_password_edited)
        self.port.valueChanged.connect(self._on_field_edited)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new)
        row.addWidget(self.delete)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self.problem)
        right.addWidget(self.status)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.test)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

        last = profiles.last_profile()
        wanted = select or (last.name if last else profiles.LOCAL_NAME)
        self._fill_list()
        names = [p.name for p in self.profiles]
        self.list.blockSignals(True)
        self.list.setCurrentRow(names.index(wanted) if wanted in names else 0)
        self.list.blockSignals(False)
        self._show(self.current())  # also when the row did not change (only the local file)
        if message and not self.current().is_local:
            self.password.setFocus()  # asked for because of it

    # -- the list
    def _label(self, profile: Profile) -> str:
        if profile.name == profiles.LOCAL_NAME:
            return self.tr("This computer (local file)")
        return profile.name

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        row = self.list.currentRow()
        self.list.clear()
        for profile in self.profiles:
            QListWidgetItem(self._label(profile), self.list)
        self.list.setCurrentRow(min(max(row, 0), len(self.profiles) - 1))
        self.list.blockSignals(False)

    def current(self) -> Profile:
        return self.profiles[max(self.list.currentRow(), 0)]

    @Slot(int)
    def _on_list_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self._show(self.profiles[row])

    def _show(self, profile: Profile) -> None:
        self._showing = True
        local = profile.name == profiles.LOCAL_NAME
        self.name.setText(self._label(profile) if local else profile.name)
        self.name.setEnabled(not local)
        self.kind.setCurrentIndex(self.kind.findData(profile.kind))
        self.kind.setEnabled(not local)
        self.path.setText(profile.path)
        self.host.setText(profile.host)
        self.port.setValue(profile.port or DEFAULT_PORTS.get(profile.kind, 5432))
        self.database.setText(profile.database)
        self.user.setText(profile.user)
        typed = self.typed.get(profile.name)
        kept = None if typed is not None else profiles.load_password(profile)
        self.password.setText(typed if typed is not None else kept or "")
        self.remember.setChecked(kept is not None)
        self.delete.setEnabled(not local)
        self._show_kind(profile.kind)
        self.problem.hide()
        self.status.clear()
        self._showing = False

    def _show_kind(self, kind: str) -> None:
        server = kind != "sqlite"
        for widget in (self.host, self.port, self.database, self.user, self.password):
            self.form.setRowVisible(widget, server)
        self.form.setRowVisible(self.path_box, not server)
        self.form.setRowVisible(self.remember, server and self.keyring)
        self.form.setRowVisible(self.no_keyring, server and not self.keyring)

    # -- editing
    def _edited(self) -> Profile:
        """The fields as a profile (the local file's name and kind never change)."""
        old = self.current()
        local = old.name == profiles.LOCAL_NAME
        kind = self.kind.currentData()
        server = kind != "sqlite"
        return Profile(
            name=old.name if local else self.name.text().strip(),
            kind="sqlite" if local else kind,
            path=self.path.text().strip() if not server else "",
            host=self.host.text().strip() if server else "",
            port=self.port.value() if server else 0,
            database=self.database.text().strip() if server else "",
            user=self.user.text().strip() if server else "",
        )

    @Slot()
    def _on_field_edited(self, *_args) -> None:
        if self._showing:
            return
        row = self.list.currentRow()
        old, new = self.profiles[row], self._edited()
        if new.name and new.name != old.name and old.name in self.typed:
            self.typed[new.name] = self.typed.pop(old.name)
        if new.name:  # an empty name stays on screen (Connect says so) and in the list as was
            self.profiles[row] = new
            self.list.item(row).setText(self._label(new))
        self.problem.hide()
        self.status.clear()

    @Slot()
    def _on_password_edited(self, text: str) -> None:
        self.typed[self.current().name] = text
        self.status.clear()

    @Slot(int)
    def _on_kind_changed(self, _index: int) -> None:
        if self._showing:
            return
        kind = self.kind.currentData()
        if self.port.value() in DEFAULT_PORTS.values() and kind in DEFAULT_PORTS:
            self.port.setValue(DEFAULT_PORTS[kind])  # the other server's default: follow
        self._show_kind(kind)
        self._on_field_edited()

    @Slot()
    def _on_browse_clicked(self) -> None:
        from crmdesk.views import prompts

        path = prompts.choose_database_file(self)
        if path:
            self.path.setText(path)
            self._on_field_edited()

    @Slot()
    def _on_new_clicked(self) -> None:
        names = {p.name for p in self.profiles}
        base = self.tr("New server")
        name, n = base, 2
        while name in names:
            name, n = f"{base} {n}", n + 1
        self.profiles.append(Profile(name, "postgresql", host="", port=5432))
        self._fill_list()
        self.list.setCurrentRow(len(self.profiles) - 1)
        self.host.setFocus()

    @Slot()
    def _on_delete_clicked(self) -> None:
        row = self.list.currentRow()
        if row <= 0:
            return  # the local file stays
        gone = self.profiles.pop(row)
        self.typed.pop(gone.name, None)
        profiles.forget_password(gone)
        self.list.blockSignals(True)
        self.list.takeItem(row)
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(row, len(self.profiles) - 1))
        self._show(self.current())

    # -- checking, testing, connecting
    def _check(self) -> bool:
        profile = self.current()
        problems = []
        names = [p.name for p in self.profiles]
        if not self.name.text().strip():
            problems.append(self.tr("Give the connection a name."))
        elif names.count(profile.name) > 1:
            problems.append(self.tr("Another connection already has this name."))
        if not profile.is_local:
            if not profile.host:
                problems.append(self.tr("Enter the server's address."))
            if not profile.database:
                problems.append(self.tr("Enter the database's name."))
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        return not problems

    def url(self) -> str:
        """The chosen profile's URL with the password typed (for this session only)."""
        profile = self.chosen or self.current()
        return profiles.profile_url(profile, self.password.text() or None)

    @Slot()
    def _on_test_clicked(self) -> None:
        if not self._check():
            return
        profile = self.current()
        if profile.is_local and profile.path and not Path(profile.path).exists():
            self._show_status(probe_text("new_file"), ok=True)
            return
        self.test.setEnabled(False)
        self.status.setText(self.tr("Connecting…"))
        url = profiles.profile_url(profile, self.password.text() or None)
        self.runner.read(lambda: probe(url), self._on_probe_done, self._on_probe_failed, owner=self)

    def _on_probe_done(self, outcome: str) -> None:
        self.test.setEnabled(True)
        self._show_status(probe_text(outcome), ok=outcome != "too_old")

    def _on_probe_failed(self, exc: BaseException) -> None:
        from crmdesk.views.errors import error_text

        log.info("test connection failed: %r", exc)
        self.test.setEnabled(True)
        self._show_status(error_text(exc), ok=False)

    def _show_status(self, text: str, ok: bool) -> None:
        from crmdesk.views.widgets import ERROR_COLOR

        self.status.setStyleSheet("" if ok else f"color: {ERROR_COLOR};")
        self.status.setText(text)

    @Slot()
    def _on_connect_clicked(self) -> None:
        if not self._check():
            return
        profile = self.current()
        try:
            profiles.save_profiles(self.profiles, last=profile.name)
        except OSError as exc:
            from crmdesk.views.errors import show_error

            show_error(self, exc)
            return
        if not profile.is_local and self.keyring:
            if self.remember.isChecked() and self.password.text():
                profiles.save_password(profile, self.password.text())
            else:
                profiles.forget_password(profile)
        self.chosen = profile
        self.accept()
