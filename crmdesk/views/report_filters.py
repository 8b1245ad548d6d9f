"""The reports page's top bar: the period (this month, this quarter, this year, last year, or a
range of months from–to: the two fields always agree — a "from" set after "to" moves "to" to it,
a "to" set before "from" moves "from", a range longer than MAX_MONTHS moves the other end in —
and a note beside them, and their tooltips, say when a range was adjusted), the scope (everyone,
my team, mine, one rep: only what the actor may see, policy.list_scopes and the owners the
pipeline's filter offers), the pipeline (for the funnel); and ReportQuery, what every report of
the page is read with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from crmdesk.models.analytics_types import MAX_MONTHS
from crmdesk.models.periods import Period
from crmdesk.models.policy import list_scopes
from crmdesk.models.users import UserRow
from crmdesk.views.deal_words import pipeline_name

PERIODS = ("this_month", "this_quarter", "this_year", "last_year", "custom")


@dataclass(frozen=True)
class ReportQuery:
    first_month: Period  # a month
    months: int
    scope: str  # analytics_types.SCOPES
    owner_id: int | None  # one rep
    pipeline_id: int | None
    actor_id: int
    actor_team_id: int | None

    @property
    def first_day(self) -> date:
        return self.first_month.first_day

    @property
    def end_day(self) -> date:
        """The day after the last month (exclusive)."""
        months = self.first_month.year * 12 + self.first_month.month - 1 + self.months
        return date(months // 12, months % 12 + 1, 1)

    @property
    def month_periods(self) -> list[Period]:
        found, y, m = [], self.first_month.year, self.first_month.month
        for _ in range(self.months):
            found.append(Period(y, 0, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return found

    def target_scope(self) -> tuple[str, int]:
        """The targets' scope that matches the report's: a rep's, the team's or the company's."""
        if self.owner_id is not None:
            return "rep", self.owner_id
        if self.scope == "mine":
            return "rep", self.actor_id
        if self.scope == "team" and self.actor_team_id is not None:
            return "team", self.actor_team_id
        return "company", 0


def _months_between(first: QDate, last: QDate) -> int:
    """How many months first … last covers (both counted)."""
    return (last.year() - first.year()) * 12 + last.month() - first.month() + 1


def period_months(key: str, today: date) -> tuple[Period, int]:
    """(first month, count) of a preset period around today."""
    if key == "this_quarter":
        return Period(today.year, 0, (today.month - 1) // 3 * 3 + 1), 3
    if key == "this_year":
        return Period(today.year, 0, 1), 12
    if key == "last_year":
        return Period(today.year - 1, 0, 1), 12
    return Period(today.year, 0, today.month), 1


class ReportFilters(QWidget):
    changed = Signal()  # the query changed (a user's choice)

    def __init__(self, actor: UserRow, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor, self.today = actor, today
        self.period_combo = QComboBox()
        names = {
            "this_month": self.tr("This month"),
            "this_quarter": self.tr("This quarter"),
            "this_year": self.tr("This year"),
            "last_year": self.tr("Last year"),
            "custom": self.tr("Months…"),
        }
        for key in PERIODS:
            self.period_combo.addItem(names[key], key)
        self.period_combo.setCurrentIndex(PERIODS.index("this_year"))
        self.period_combo.activated.connect(self._on_period_activated)
        first = QDate(today.year, 1, 1)
        self.from_edit, self.to_edit = QDateEdit(first), QDateEdit(QDate(today.year, 12, 1))
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("yyyy-MM")
            edit.setDateRange(QDate(2000, 1, 1), QDate(2199, 12, 1))
            # A typed month counts when typed (Enter, focus out), not at each keystroke: a
            # half-typed year would move the other field.
            edit.setKeyboardTracking(False)
        self.from_edit.setToolTip(self.tr("The first month of the range"))
        self.to_edit.setToolTip(self.tr("The last month of the range"))
        self.tips = (self.from_edit.toolTip(), self.to_edit.toolTip())
        self.from_edit.dateChanged.connect(self._on_from_changed)
        self.to_edit.dateChanged.connect(self._on_to_changed)
        self.to_label = QLabel(self.tr("to"))
        self.range_note = QLabel()  # says when a range was adjusted
        self.range_note.setEnabled(False)
        self.scope_combo = QComboBox()
        scope_names = {"all": self.tr("Everyone"), "team": self.tr("My team"),
                       "mine": self.tr("Mine")}  # fmt: skip
        for key in list_scopes(actor):
            self.scope_combo.addItem(scope_names[key], key)
        self.scope_combo.setEnabled(self.scope_combo.count() > 1)
        self.scope_combo.activated.connect(self._on_choice_activated)
        self.pipeline_combo = QComboBox()
        self.pipeline_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.pipeline_combo.setToolTip(self.tr("The pipeline the funnel shows"))
        self.pipeline_combo.activated.connect(self._on_choice_activated)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Period")))
        row.addWidget(self.period_combo)
        row.addWidget(self.from_edit)
        row.addWidget(self.to_label)
        row.addWidget(self.to_edit)
        row.addWidget(self.range_note)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Whose")))
        row.addWidget(self.scope_combo)
        row.addSpacing(12)
        self.pipeline_label = QLabel(self.tr("Pipeline"))
        row.addWidget(self.pipeline_label)
        row.addWidget(self.pipeline_combo)
        self._show_custom(False)

    # -- filled when read
    def set_owners(self, users: list[UserRow]) -> None:
        """One rep's figures: the people the actor may see (not for a rep: "Mine" is theirs)."""
        if len(list_scopes(self.actor)) < 2:
            return
        current = self.scope_combo.currentData()
        for i in range(self.scope_combo.count() - 1, -1, -1):
            if str(self.scope_combo.itemData(i)).startswith("rep:"):
                self.scope_combo.removeItem(i)
        for u in users:  # "rep:<id>": one rep (data a combo can find: a plain string)
            self.scope_combo.addItem(u.name, f"rep:{u.id}")
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(current)))

    def set_pipelines(self, pipelines) -> None:
        current = self.pipeline_combo.currentData()
        self.pipeline_combo.clear()
        for p in pipelines:
            self.pipeline_combo.addItem(pipeline_name(p), p.id)
        index = self.pipeline_combo.findData(current)
        self.pipeline_combo.setCurrentIndex(max(0, index))
        self.pipeline_combo.setEnabled(self.pipeline_combo.count() > 1)

    # -- the query
    def query(self) -> ReportQuery:
        key = self.period_combo.currentData()
        if key == "custom":
            a, b = self.from_edit.date(), self.to_edit.date()
            if b < a:  # the fields are kept in order (_on_*_changed); a safeguard
                a, b = b, a
            months = _months_between(a, b)
            first, count = Period(a.year(), 0, a.month()), min(max(months, 1), MAX_MONTHS)
        else:
            first, count = period_months(key, self.today)
        chosen = str(self.scope_combo.currentData() or "mine")
        scope, owner = chosen, None
        if chosen.startswith("rep:"):  # within the broadest scope the actor has
            scope, owner = list_scopes(self.actor)[0], int(chosen[4:])
        return ReportQuery(first, count, scope, owner, self.pipeline_combo.currentData(),
                           self.actor.id, self.actor.team_id)  # fmt: skip

    def scope_text(self, q: ReportQuery) -> str:
        """Whose figures a query reads, in words for a title: the rep's, the actor's own, the
        team's name, or everyone's."""
        if q.owner_id is not None:
            index = self.scope_combo.findData(f"rep:{q.owner_id}")
            if index >= 0:
                return self.scope_combo.itemText(index)
        if q.scope == "mine" or q.owner_id == self.actor.id:
            return self.actor.name
        if q.scope == "team":
            return self.actor.team_name or self.tr("My team")
        return self.tr("Everyone")

    def period_key(self) -> str:
        return self.period_combo.currentData()

    def _show_custom(self, shown: bool) -> None:
        for w in (self.from_edit, self.to_label, self.to_edit):
            w.setVisible(shown)
        self.range_note.setVisible(shown and bool(self.range_note.text()))

    @Slot(int)
    def _on_period_activated(self, _index: int) -> None:
        custom = self.period_combo.currentData() == "custom"
        self._show_custom(custom)
        self.changed.emit()

    @Slot(QDate)
    def _on_from_changed(self, first: QDate) -> None:
        last = self.to_edit.date()
        if last < first:
            self._adjust(self.to_edit, first, self.tr("Adjusted: the range ends no earlier "
                                                      "than it starts."))  # fmt: skip
        elif _months_between(first, last) > MAX_MONTHS:
            self._adjust(self.to_edit, first.addMonths(MAX_MONTHS - 1), self._too_long())
        else:
            self._note("")
        self._on_months_changed()

    @Slot(QDate)
    def _on_to_changed(self, last: QDate) -> None:
        first = self.from_edit.date()
        if last < first:
            self._adjust(self.from_edit, last, self.tr("Adjusted: the range starts no later "
                                                       "than it ends."))  # fmt: skip
        elif _months_between(first, last) > MAX_MONTHS:
            self._adjust(self.from_edit, last.addMonths(1 - MAX_MONTHS), self._too_long())
        else:
            self._note("")
        self._on_months_changed()

    def _too_long(self) -> str:
        return self.tr("Adjusted: a range covers at most %1 months.").replace("%1", str(MAX_MONTHS))

    def _adjust(self, edit: QDateEdit, to: QDate, why: str) -> None:
        """Moves the other field without a second change (the query is read once)."""
        edit.blockSignals(True)
        edit.setDate(to)
        edit.blockSignals(False)
        self._note(why)

    def _note(self, why: str) -> None:
        self.range_note.setText(why)
        self.range_note.setVisible(bool(why) and self.from_edit.isVisibleTo(self))
        for edit, tip in zip((self.from_edit, self.to_edit), self.tips, strict=True):
            edit.setToolTip(f"{tip}\n{why}" if why else tip)

    def _on_months_changed(self) -> None:
        if self.period_combo.currentData() == "custom":
            self.changed.emit()

    @Slot(int)
    def _on_choice_activated(self, _index: int) -> None:
        self.changed.emit()
