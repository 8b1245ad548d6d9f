"""Connect to a database: the saved profiles (the local file first, then team servers), the
chosen one's fields, New / Delete, Test connection (on the runner) and Connect.

Nothing here opens the program's database: Connect saves the profiles (never a password; the
password goes to the keychain when the user asks and one exists) and makes the chosen profile
the last one; the caller opens it (start-up) or restarts the program on it (File menu)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Slot
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
from crmdesk.models.probe import probe
from crmdesk.models.profiles import DEFAULT_PORTS, Profile
from crmdesk.views.connect_words import confirm_delete, probe_text, shown_url
from crmdesk.views.widgets import problem_label

log = logging.getLogger(__name__)


class ConnectDialog(QDialog):
    """runner: the window's TaskRunner (reading the profiles and the keychain, Test connection
    and saving on Connect run there). select: the profile to show first (default: the last one
    used). message: why the dialog is shown, if not asked for (e.g. the server wants a
    password). state: the profiles read beforehand (profiles.read_state on the runner); without
    it the dialog reads them itself, its fields disabled until they arrive (ready). url: the
    database open now, offered as a profile when none names it (a server given with --db)."""

    def __init__(
        self,
        runner,
        parent: QWidget | None = None,
        select: str | None = None,
        message: str = "",
        state: profiles.ConnectState | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a database"))
        self.runner = runner
        self.profiles: list[Profile] = [profiles.local_profile()]
        self.typed: dict[str, str] = {}  # passwords typed in this dialog, by profile name
        self.kept: dict[str, str | None] = {}  # read from the keychain (on the runner), by name
        self.chosen: Profile | None = None
        self.ready = False  # the profiles arrived
        self._showing = False  # filling the fields: their signals change nothing
        self._message = message
        self.keyring = False

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
        self.user.setToolTip(
            self.tr(
                "The database server's account, not your crmdesk login (asked when you sign in)."
            )
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in this computer's keychain"))
        self.no_keyring = QLabel(
            self.tr("This computer has no keychain: the password is asked for at each start.")
        )
        self.no_keyring.setObjectName("hint")
        self.no_keyring.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("File"), self.path_box)
        self.form.addRow(self.tr("Server"), self.host)
        self.form.addRow(self.tr("Port"), self.port)
        self.form.addRow(self.tr("Database"), self.database)
        self.form.addRow(self.tr("Database user"), self.user)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow("", self.remember)
        self.problem = problem_label()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumWidth(380)
        # The messages have their own area, its height kept whether they show or not: the form
        # above never moves under the mouse (a click meant for Port landed in Database).
        messages = QWidget()
        box = QVBoxLayout(messages)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.problem)
        box.addWidget(self.status)
        box.addStretch(1)
        messages.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
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
        # Enter means Connect wherever the focus is: no other button takes the default role
        # when it gets the focus (Enter after a typed password once made a "New server").
        for button in (self.new, self.delete, self.test, self.browse,
                       self.buttons.button(QDialogButtonBox.StandardButton.Cancel)):  # fmt: skip
            button.setAutoDefault(False)
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
        right.addWidget(self.no_keyring)  # full width: in the form it was squashed and cut
        right.addWidget(messages)
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

        self._fill_list()
        self._show(self.current())
        if state is not None:
            self._on_state_read(state)
        else:
            self._enable(False)
            self.status.setText(self.tr("Reading the saved connections…"))
            self.runner.read(lambda: profiles.read_state(select, url), self._on_state_read,
                             self._on_state_failed, owner=self)  # fmt: skip

    # -- the profiles, read on the runner
    def _enable(self, enabled: bool) -> None:
        for widget in (self.list, self.new, self.delete, self.test, self.connect_button,
                       self.name, self.kind, self.path_box, self.host, self.port,
                       self.database, self.user, self.password, self.remember):  # fmt: skip
            widget.setEnabled(enabled)

    def _on_state_read(self, state: profiles.ConnectState) -> None:
        self.profiles = list(state.profiles) or [profiles.local_profile()]
        self.keyring = state.keyring
        wanted = state.select or state.last or profiles.LOCAL_NAME
        if state.password and state.select:
            self.typed[state.select] = state.password  # the URL's own, this session only
        self._enable(True)
        self.status.clear()
        names = [p.name for p in self.profiles]
        self.list.blockSignals(True)
        self.list.clear()
        for profile in self.profiles:
            QListWidgetItem(self._label(profile), self.list)
        self.list.setCurrentRow(names.index(wanted) if wanted in names else 0)
        self.list.blockSignals(False)
        self.ready = True
        self._show(self.current())  # also when the row did not change (only the local file)
        if self._message and not self.current().is_local:
            self.password.setFocus()  # asked for because of it
        else:
            self.list.setFocus()

    def _on_state_failed(self, exc: BaseException) -> None:
        log.warning("connections not read: %r", exc)
        self._on_state_read(profiles.ConnectState((profiles.local_profile(),), False, None))

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
        self.name.setEnabled(self.ready and not local)
        self.kind.setCurrentIndex(self.kind.findData(profile.kind))
        self.kind.setEnabled(self.ready and not local)
        self.path.setText(profile.path)
        self.host.setText(profile.host)
        self.port.setValue(profile.port or DEFAULT_PORTS.get(profile.kind, 5432))
        self.database.setText(profile.database)
        self.user.setText(profile.user)
        self._show_password(profile)
        self.delete.setEnabled(self.ready and not local)
        self._show_kind(profile.kind)
        self.problem.hide()
        self.status.clear()
        self._showing = False

    def _show_password(self, profile: Profile) -> None:
        """The password typed here, else the keychain's: read on the runner the first time,
        the field disabled until it arrives."""
        typed = self.typed.get(profile.name)
        if typed is not None or profile.is_local or not self.keyring:
            self.password.setText(typed or "")
            self.remember.setChecked(False)
            return
        if profile.name in self.kept:
            kept = self.kept[profile.name]
            self.password.setText(kept or "")
            self.remember.setChecked(kept is not None)
            return
        self.password.clear()
        self.password.setEnabled(False)
        self.remember.setEnabled(False)
        self.password.setPlaceholderText(self.tr("Reading the keychain…"))
        name = profile.name
        self.runner.read(lambda: profiles.load_password(profile),
                         lambda kept: self._on_password_read(name, kept),
                         self._on_password_failed, owner=self)  # fmt: skip

    def _on_password_read(self, name: str, kept: str | None) -> None:
        self.kept[name] = kept
        self.password.setPlaceholderText("")
        self.password.setEnabled(True)
        self.remember.setEnabled(True)
        if self.current().name == name and name not in self.typed:
            self._showing = True
            self.password.setText(kept or "")
            self.remember.setChecked(kept is not None)
            self._showing = False

    def _on_password_failed(self, exc: BaseException) -> None:  # load_password logs its own
        log.warning("keychain not read: %r", exc)
        self._on_password_read(self.current().name, None)

    def _show_kind(self, kind: str) -> None:
        server = kind != "sqlite"
        for widget in (self.host, self.port, self.database, self.user, self.password):
            self.form.setRowVisible(widget, server)
        self.form.setRowVisible(self.path_box, not server)
        self.form.setRowVisible(self.remember, server and self.keyring)
        self.no_keyring.setVisible(self.ready and server and not self.keyring)

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
        if not confirm_delete(self, self.profiles[row].name):
            return
        gone = self.profiles.pop(row)
        self.typed.pop(gone.name, None)
        self.kept.pop(gone.name, None)
        if self.keyring:  # saved at Connect; the keychain forgets it now (on the runner)
            self.runner.read(lambda: profiles.forget_password(gone))
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
        self.test.setEnabled(False)
        self.status.setText(self.tr("Connecting…"))
        url = profiles.profile_url(profile, self.password.text() or None)
        self.runner.read(lambda: probe(url), self._on_probe_done, self._on_probe_failed, owner=self)

    def _after_probe(self) -> None:
        # Disabled while it ran, Test lost the focus to whatever came next (the list, whose
        # Enter is its own): give it back, and Enter means Connect again (try-out).
        self.test.setEnabled(True)
        self.test.setFocus()
        self.connect_button.setDefault(True)

    def _on_probe_done(self, outcome: str) -> None:
        self._after_probe()
        self._show_status(probe_text(outcome), ok=outcome != "too_old")

    def _on_probe_failed(self, exc: BaseException) -> None:
        from crmdesk.views.errors import error_text

        log.info("test connection failed: %r", exc)
        self._after_probe()
        self._show_status(error_text(shown_url(exc)), ok=False)

    def _show_status(self, text: str, ok: bool) -> None:
        from crmdesk.views.widgets import ERROR_COLOR

        self.status.setStyleSheet("" if ok else f"color: {ERROR_COLOR};")
        self.status.setText(text)

    @Slot()
    def _on_connect_clicked(self) -> None:
        """Save the profiles and the keychain's password on the runner; closed once saved."""
        if not self.ready or not self.connect_button.isEnabled() or not self._check():
            return
        profile, saved = self.current(), list(self.profiles)
        keep = None
        if not profile.is_local and self.keyring:
            keep = self.password.text() if self.remember.isChecked() else ""

        def save() -> None:
            profiles.save_profiles(saved, last=profile.name)
            if keep:
                profiles.save_password(profile, keep)
            elif keep is not None:
                profiles.forget_password(profile)

        self.connect_button.setEnabled(False)
        self.runner.read(save, lambda _r: self._on_saved(profile), self._on_save_failed,
                         owner=self)  # fmt: skip

    def _on_saved(self, profile: Profile) -> None:
        self.connect_button.setEnabled(True)
        self.chosen = profile
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        from crmdesk.views.errors import show_error

        log.warning("connections not saved: %r", exc)
        self.connect_button.setEnabled(True)
        show_error(self, exc)
