"""Pool settings (administrators): the list of public pools and, for the chosen one, its name,
whether it is on, who may use it, its admins, the provinces and industries it covers, its pick
rules and its recycle rules. A pool is disabled, never deleted (its history points at it).

Release reasons and the caps on owned customers are not edited here: the model layer has no
service that changes them yet."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import WriteResult
from crmdesk.models.customer_list import FilterChoices
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.pool import MAX_CAP, MAX_DAYS, MAX_RULES, PoolInput, PoolRow
from crmdesk.models.users import UserRow
from crmdesk.views import prompts
from crmdesk.views.context import PageContext
from crmdesk.views.labels import role_label
from crmdesk.views.pool_settings_parts import CheckList, PoolSettingsWords, RulesTable
from crmdesk.views.settings_parts import NEW, RecordSettingsDialog, buttons_row, spin


class PoolSettingsDialog(RecordSettingsDialog):
    """Pick a pool on the left, edit it on the right, Save (see RecordSettingsDialog)."""

    pool_saved = Signal(int)  # the id of the pool just saved

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.words = PoolSettingsWords(self)
        self.setWindowTitle(self.tr("Pool settings"))
        self._build(
            self.tr("A pool is never deleted: turn it off to stop it taking customers."), 200
        )
        self.pool_list = self.record_list
        self.resize(940, 640)
        ws = self.workspace
        ctx.read(lambda: (ws.all_pools(), ws.filter_choices()), self._on_loaded,
                 self._on_load_failed, owner=self)  # fmt: skip

    @property
    def pool_id(self) -> int | None:
        return self.record_id

    def pages(self) -> list[tuple[QWidget, str]]:
        return [(self._general_tab(), self.tr("Pool")), (self._members_tab(), self.tr("Members")),
                (self._rules_tab(), self.tr("Claiming and recycling"))]  # fmt: skip

    def new_text(self) -> str:
        return self.tr("New pool")

    def record_text(self, record: PoolRow) -> tuple[str, bool]:
        return record.name, record.enabled

    # -- building
    def _general_tab(self) -> QWidget:
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.enabled = QCheckBox(self.tr("On: members see the pool, and it takes customers"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.enabled)
        self.provinces = CheckList(
            self.tr("Find or add a province…"), self.tr("None ticked: every province."), True
        )
        self.industries = CheckList(
            self.tr("Find or add an industry…"), self.tr("None ticked: every industry."), True
        )
        covers = QHBoxLayout()
        for title, editor in ((self.tr("Provinces covered"), self.provinces),
                              (self.tr("Industries covered"), self.industries)):  # fmt: skip
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(editor)
            covers.addWidget(box)
        note = QLabel(
            self.tr(
                "The recycle rules apply to the members' customers in these provinces and "
                "industries; recycled customers come to this pool."
            )
        )
        note.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(covers, 1)
        return page

    def _members_tab(self) -> QWidget:
        self.everyone = QRadioButton(self.tr("Open to everyone"))
        self.chosen = QRadioButton(self.tr("Open to the teams and users ticked below"))
        self.chosen.setChecked(True)
        self.chosen.toggled.connect(self._on_chosen_toggled)
        self.teams = CheckList(self.tr("Find a team…"), self.tr("No team."))
        self.users = CheckList(self.tr("Find a user…"), self.tr("No user by name."))
        self.admins = CheckList(self.tr("Find a user…"), self.tr("Administrators only."))
        lists = QHBoxLayout()
        for title, editor in ((self.tr("Teams"), self.teams), (self.tr("Users"), self.users),
                              (self.tr("Pool admins"), self.admins)):  # fmt: skip
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(editor)
            lists.addWidget(box)
        note = QLabel(
            self.tr(
                "Pool admins may assign from the pool, move customers out of it and edit these "
                "settings; administrators always may."
            )
        )
        note.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.everyone)
        layout.addWidget(self.chosen)
        layout.addLayout(lists, 1)
        layout.addWidget(note)
        return page

    def _rules_tab(self) -> QWidget:
        self.daily_claim_cap = spin(0, MAX_CAP, 90)
        self.cooldown_days = spin(0, MAX_DAYS, 90)
        self.protect_days = spin(0, MAX_DAYS, 90)
        self.warn_days = spin(0, MAX_DAYS, 90)
        claiming = QGroupBox(self.tr("Claiming"))
        form = QFormLayout(claiming)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Claims per rep a day"), self.daily_claim_cap)
        form.addRow(self.tr("Days before the previous owner may claim it back"), self.cooldown_days)
        form.addRow(self.tr("Days a new entry is kept for the pool's admins"), self.protect_days)
        recycling = QGroupBox(self.tr("Recycling"))
        rform = QFormLayout()
        rform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        rform.addRow(self.tr("Warn the owner this many days before"), self.warn_days)
        self.exempt_open_deals = QCheckBox(self.tr("Never recycle a customer with an open deal"))
        rform.addRow("", self.exempt_open_deals)
        self.rules = RulesTable()
        self.rules.itemSelectionChanged.connect(self._on_rules_selection_changed)
        self.add_rule_button = QPushButton(self.tr("Add rule"))
        self.add_rule_button.clicked.connect(self._on_add_rule_button_clicked)
        self.remove_rule_button = QPushButton(self.tr("Remove rule"))
        self.remove_rule_button.setEnabled(False)
        self.remove_rule_button.clicked.connect(self._on_remove_rule_button_clicked)
        rlayout = QVBoxLayout(recycling)
        rlayout.addLayout(rform)
        rlayout.addWidget(self.rules, 1)
        rlayout.addLayout(buttons_row(self.add_rule_button, self.remove_rule_button))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(claiming)
        layout.addWidget(recycling, 1)
        return page

    # -- the form
    def set_value(self, data: PoolInput) -> None:
        self.name.setText(data.name)
        self.enabled.setChecked(data.enabled)
        (self.everyone if data.everyone else self.chosen).setChecked(True)
        self.provinces.set_checked(data.provinces, str)
        self.industries.set_checked(data.industries, str)
        self.teams.set_checked(data.member_team_ids, self.tr("Team #%1").replace("%1", "{}").format)
        unknown = self.tr("Inactive user #%1").replace("%1", "{}").format
        self.users.set_checked(data.member_user_ids, unknown)
        self.admins.set_checked(data.admin_ids, unknown)
        for box, value in ((self.daily_claim_cap, data.daily_claim_cap),
                           (self.cooldown_days, data.cooldown_days),
                           (self.protect_days, data.protect_days),
                           (self.warn_days, data.warn_days)):  # fmt: skip
            box.setValue(value)
        self.exempt_open_deals.setChecked(data.exempt_open_deals)
        self.rules.set_rules(data.rules)
        self._on_rules_selection_changed()

    def value(self) -> PoolInput:
        everyone = self.everyone.isChecked()
        return PoolInput(
            name=self.name.text().strip(),
            enabled=self.enabled.isChecked(),
            everyone=everyone,
            daily_claim_cap=self.daily_claim_cap.value(),
            cooldown_days=self.cooldown_days.value(),
            protect_days=self.protect_days.value(),
            warn_days=self.warn_days.value(),
            exempt_open_deals=self.exempt_open_deals.isChecked(),
            industries=tuple(sorted(self.industries.checked())),
            provinces=tuple(sorted(self.provinces.checked())),
            # open to everyone: a list of names would only lie there unseen
            member_user_ids=() if everyone else tuple(sorted(self.users.checked())),
            member_team_ids=() if everyone else tuple(sorted(self.teams.checked())),
            admin_ids=tuple(sorted(self.admins.checked())),
            rules=self.rules.rules(),
        )

    def show_record(self, pool: PoolRow | None) -> None:
        """Put a pool in the form (None: a new one, with the model's defaults)."""
        if pool is None:
            self.set_value(PoolInput(name="", rules=()))
        else:
            self.set_value(PoolInput(
                pool.name, pool.enabled, pool.everyone, pool.daily_claim_cap, pool.cooldown_days,
                pool.protect_days, pool.warn_days, pool.exempt_open_deals, pool.industries,
                pool.provinces, pool.member_user_ids, pool.member_team_ids, pool.admin_ids,
                pool.rules,
            ))  # fmt: skip
        self._shown(pool)

    # -- loading
    def read_records(self) -> list[PoolRow]:
        return self.workspace.all_pools()

    def set_records(self, pools: list[PoolRow]) -> None:
        actor = self.workspace.actor
        self.records = [p for p in pools if p.is_admin(actor)]

    def _on_loaded(self, loaded: tuple[list[PoolRow], FilterChoices]) -> None:
        pools, choices = loaded
        users: list[UserRow] = list(choices.owners)
        teams = {u.team_id: u.team_name for u in users if u.team_id is not None}
        self.teams.set_items(sorted(teams.items(), key=lambda t: t[1]))
        people = []
        for u in users:
            team = f" · {u.team_name}" if u.team_name else ""
            people.append((u.id, f"{u.name} ({role_label(u.role)}{team})"))
        self.users.set_items(people)
        self.admins.set_items(people)
        self.provinces.set_items((p, p) for p in choices.provinces)
        self.industries.set_items((i, i) for i in choices.industries)
        self.set_records(pools)
        self.new_button.setEnabled(self.workspace.actor.is_admin)
        if not self.records and not self.workspace.actor.is_admin:
            self._show_problem(self.tr("You are not an admin of any pool."))
            return
        self._go_to(self.records[0].id if self.records else NEW)

    def _on_chosen_toggled(self, chosen: bool) -> None:
        self.teams.setEnabled(chosen)
        self.users.setEnabled(chosen)

    def _on_add_rule_button_clicked(self) -> None:
        if self.rules.rowCount() >= MAX_RULES:
            self._show_problem(
                self.tr("A pool has at most %1 recycle rules.").replace("%1", str(MAX_RULES))
            )
            return
        row = self.rules.add_rule()
        self.rules.selectRow(row)
        self.rules.days_box(row).setFocus()

    def _on_remove_rule_button_clicked(self) -> None:
        rows = self.rules.selectionModel().selectedRows()
        if rows:
            self.rules.removeRow(rows[0].row())

    def _on_rules_selection_changed(self) -> None:
        self.remove_rule_button.setEnabled(bool(self.rules.selectionModel().selectedRows()))

    # -- saving
    def write(self, pool_id: int | None, data: PoolInput, version: int | None) -> WriteResult:
        return self.workspace.save_pool(pool_id, data, version)

    def saved_text(self, data: PoolInput) -> str:
        return self.tr("Saved the pool “{name}”.").format(name=data.name)

    def emit_saved(self, pool_id: int) -> None:
        self.pool_saved.emit(pool_id)

    def problem_text(self, exc: ValidationFailed) -> str:
        errors = exc.params.get("errors", [])
        text = self.words.problem_text(errors, exc.params.get("limits") or {})
        if errors:
            self._focus_field(errors[0][0])
        return text

    def _focus_field(self, field: str) -> None:
        """Show the tab of the first problem and put the cursor in its field."""
        widget: QWidget | None = {
            "name": self.name,
            "provinces": self.provinces.filter,
            "industries": self.industries.filter,
            "daily_claim_cap": self.daily_claim_cap,
            "cooldown_days": self.cooldown_days,
            "protect_days": self.protect_days,
            "warn_days": self.warn_days,
            "members": self.teams.filter,
            "member_team_ids": self.teams.filter,
            "member_user_ids": self.users.filter,
            "admin_ids": self.admins.filter,
        }.get(field)
        parts = field.split(".")
        if len(parts) == 3 and parts[1].isdigit() and int(parts[1]) < self.rules.rowCount():
            row, part = int(parts[1]), parts[2]
            level = part[-1].upper() if part.startswith("days_") and len(part) == 6 else None
            self.rules.selectRow(row)
            widget = self.rules.days_box(row, level)
        elif field == "rules":
            widget = self.rules
        if widget is None:
            return
        page = widget
        while page is not None and self.tabs.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None:
            self.tabs.setCurrentWidget(page)
        widget.setFocus()
        if isinstance(widget, QSpinBox):
            widget.selectAll()

    # -- closing
    def reject(self) -> None:
        """Close, Esc or the title bar: unsaved edits go only when the user says so."""
        if self.has_edits() and not prompts.confirm_discard(
            self, self.tr("Discard your changes to this pool?")
        ):
            return
        super().reject()
