"""Work reports (日报 / 周报): the user's own report for a day or a week — the figures the
program counted (read-only), what was done, the problems and the plan, saved as a draft or
submitted — and, beside it, the reports the user may read (a manager their team's, an admin
everyone's, a rep their own history) with who has not submitted, a report opened read-only
with its comments, and Export….

Everything goes through the workspace on the task runner (ctx.read / ctx.write): the GUI thread
never waits on the database. Typed text is never lost: a failed save keeps it, and moving to
another day or week (or leaving the page) with unsaved text asks first (prompts.leave). The
page reloads on the change bus: reports and comments, and the records its figures count."""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, Qt, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.models.errors import Conflict, ValidationFailed
from crmdesk.models.today import local_day
from crmdesk.models.work_report_figures import period_of_report
from crmdesk.views import prompts
from crmdesk.views.context import PageContext
from crmdesk.views.errors import conflict_text, error_text
from crmdesk.views.labels import local_time
from crmdesk.views.list_export import ListExporter
from crmdesk.views.table_model import Column
from crmdesk.views.widgets import Banner
from crmdesk.views.work_report_editor import MyReportPanel
from crmdesk.views.work_report_team import (
    TeamPanel,
    edited_text,
    period_text,
    report_columns,
    status_text,
)

# Daily | Weekly as one segmented control: Fusion draws a checked push button a shade darker,
# which the dark look hides; the chosen one takes the palette's highlight (light and dark, as
# the navigation's selected page does), colours from the palette so a change of look follows.
# The border is the text's colour, faint: the dark palette sets no "mid" of its own (Fusion's
# light grey stood out round the unchosen button); filled in again when the palette changes.
SEGMENTS = """
QPushButton { background: palette(button); color: palette(button-text);
    border: 1px solid BORDER; padding: 4px 16px; min-height: 18px; }
QPushButton:hover:!checked { background: palette(midlight); }
QPushButton:focus:!checked { border-color: palette(highlight); }
QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight); }
QPushButton#segmentFirst { border-top-left-radius: 4px; border-bottom-left-radius: 4px;
    border-right: none; }
QPushButton#segmentLast { border-top-right-radius: 4px; border-bottom-right-radius: 4px; }
"""

# What changes the page's figures or lists: reports and comments, and what the figures count.
RELOAD_KINDS = frozenset(
    {"work_reports", "created", "deleted", "restored", "follow_up", "deals", "payments",
     "contracts"}
)  # fmt: skip


class WorkReportsPage(QWidget):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        actor = self.workspace.actor
        self.kind = "daily"
        self.day = local_day(self.workspace.clock()).date
        self.detail = None  # the user's report as last loaded or saved (ReportDetail)
        self.saving = False

        self.daily_button = QPushButton(self.tr("Daily report"))
        self.weekly_button = QPushButton(self.tr("Weekly report"))
        self.kinds = QButtonGroup(self)
        self.kind_toggle = QWidget()
        self._style_kinds()
        toggle = QHBoxLayout(self.kind_toggle)
        toggle.setContentsMargins(0, 0, 0, 0)
        toggle.setSpacing(0)
        for i, button in enumerate((self.daily_button, self.weekly_button)):
            button.setCheckable(True)
            button.setObjectName("segmentLast" if i else "segmentFirst")
            self.kinds.addButton(button, i)
            toggle.addWidget(button)
        self.daily_button.setChecked(True)
        self.kinds.idClicked.connect(self._on_kind_clicked)
        self.prev_button = QPushButton("‹")
        self.prev_button.setToolTip(self.tr("Previous day or week"))
        self.next_button = QPushButton("›")
        self.next_button.setToolTip(self.tr("Next day or week"))
        for b in (self.prev_button, self.next_button):
            b.setFixedWidth(32)
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.clicked.connect(self._on_today_clicked)
        self.period_label = QLabel()
        self.period_label.setStyleSheet("font-weight: 600;")
        self.banner = Banner()
        self.banner.retry_clicked.connect(self.reload)

        self.mine = MyReportPanel()
        self.mine.save_requested.connect(self._on_save_requested)
        self.mine.reload_requested.connect(self._on_reload_mine_requested)
        self.team = TeamPanel(actor.is_admin or (actor.is_manager and actor.team_id is not None))
        self.team.search_changed.connect(self.reload_team)
        self.team.report_selected.connect(self._on_report_selected)
        self.team.viewer.comment_requested.connect(self._on_comment_requested)
        self.team.export_button.clicked.connect(self._on_export_clicked)
        self.exporter = ListExporter(ctx, self, None, None, self._export_name)

        bar = QHBoxLayout()
        bar.addWidget(self.kind_toggle)
        bar.addSpacing(16)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.date_edit)
        bar.addWidget(self.next_button)
        bar.addWidget(self.today_button)
        bar.addSpacing(16)
        bar.addWidget(self.period_label, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.mine)
        self.split.addWidget(self.team)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.split, 1)

        ctx.bus.changed.connect(self._on_changed)
        self._show_period()
        self.reload()

    def _style_kinds(self) -> None:
        c = self.palette().color(QPalette.ColorRole.ButtonText)
        border = f"rgba({c.red()}, {c.green()}, {c.blue()}, 90)"
        self.kind_toggle.setStyleSheet(SEGMENTS.replace("BORDER", border))

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._style_kinds()
        super().changeEvent(event)

    # -- the period
    @property
    def period(self) -> tuple[date, date]:
        return period_of_report(self.kind, self.day)

    def _show_period(self) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.day.year, self.day.month, self.day.day))
        self.date_edit.blockSignals(False)
        self.kinds.button(0 if self.kind == "daily" else 1).setChecked(True)
        first, last = self.period
        if self.kind == "daily":
            text = self.tr("Daily report for %1").replace("%1", first.isoformat())
        else:
            text = self.tr("Weekly report for %1 – %2").replace("%1", first.isoformat())
            text = text.replace("%2", last.isoformat())
        self.period_label.setText(text)
        self.mine.set_kind(self.kind)
        self.team.set_kind(self.kind)

    def go(self, kind: str, day: date) -> None:
        """Show another period (asking first about unsaved text)."""
        if (kind, period_of_report(kind, day)[0]) == (self.kind, self.period[0]):
            self.day = day
            self._show_period()
            return

        def proceed() -> None:
            self.kind, self.day = kind, day
            self.detail = None
            self.mine.clear()
            self._show_period()
            self.reload()

        prompts.leave(self, self.period_label.text(), self.mine.dirty, self._save_for_leave,
                      lambda: None, proceed, self._show_period)  # fmt: skip

    def leave(self, proceed, stay=None) -> None:
        """Before another page or closing: unsaved text asks first."""
        prompts.leave(self, self.period_label.text(), self.mine.dirty, self._save_for_leave,
                      lambda: None, proceed, stay)  # fmt: skip

    def _step(self, direction: int) -> None:
        days = 1 if self.kind == "daily" else 7
        self.go(self.kind, self.day + timedelta(days=direction * days))

    @Slot(int)
    def _on_kind_clicked(self, button_id: int) -> None:
        self.go("daily" if button_id == 0 else "weekly", self.day)

    @Slot(QDate)
    def _on_date_changed(self, value: QDate) -> None:
        self.go(self.kind, date(value.year(), value.month(), value.day()))

    @Slot()
    def _on_today_clicked(self) -> None:
        self.go(self.kind, local_day(self.workspace.clock()).date)

    # -- reading
    def refresh(self) -> None:
        """The window's Refresh."""
        self.reload()

    @Slot()
    def reload(self) -> None:
        self.reload_mine()
        self.reload_team()

    def reload_mine(self) -> None:
        kind, day = self.kind, self.day
        self.ctx.read(lambda: self.workspace.my_work_report(kind, day), self._on_mine_loaded,
                      self._on_read_failed, owner=self, key="mine")  # fmt: skip

    @Slot()
    def reload_team(self) -> None:
        kind, day = self.kind, self.day
        first, last = self.period
        span = self.team.span_periods(kind)
        start = first - timedelta(days=(span - 1) * (1 if kind == "daily" else 7))
        end = last + timedelta(days=1)
        search = self.team.search.text()
        # key "team": a newer read (the next pause in typing) supersedes one still running
        self.ctx.read(
            lambda: self.workspace.team_work_reports(kind, start, end, day, search),
            lambda result: self._on_team_loaded(result, search),
            self._on_read_failed, owner=self, key="team",
        )  # fmt: skip

    def _on_mine_loaded(self, detail) -> None:
        if (detail.kind, detail.period_start) != (self.kind, self.period[0]):
            return  # an answer for a period the user has left
        self.banner.hide()
        if self.mine.dirty or self.saving:
            self.mine.set_figures(detail.figures)  # the typed text and its version stay
            return
        self.detail = detail
        self.mine.load(detail)

    def _on_team_loaded(self, result, search: str = "") -> None:
        first, last = self.period
        period = period_text(self.kind, first, last)
        self.team.set_reports(result.reports, result.missing, period, search)
        if self.team.viewer.report_id is not None:
            self._on_report_selected(self.team.viewer.report_id)

    def _on_read_failed(self, exc: BaseException) -> None:
        self.banner.show_message(error_text(exc))

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        if change.kinds & RELOAD_KINDS or change.touches_customers():
            self.reload()

    # -- saving
    @Slot(bool)
    def _on_save_requested(self, submit: bool) -> None:
        self.save(submit)

    def _save_for_leave(self, proceed, stay) -> None:
        self.save(False, proceed, stay)

    def save(self, submit: bool, then=None, stay=None) -> None:
        """Save the typed report (submit it too); then() after a success, stay() after a
        failure (the text stays in the boxes either way)."""
        if self.saving:
            return
        data = self.mine.input(self.kind, self.period[0], submit, self.detail)
        self.saving = True
        self.mine.set_busy(True)

        def done(result) -> None:
            self.saving = False
            self.detail = result.value
            self.mine.saved(result.value)
            if submit:
                self.ctx.notify(self.tr("Report submitted."))
            else:
                self.ctx.notify(self.tr("Draft saved."))
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self.saving = False
            self.mine.set_busy(False)
            self.mine.show_problem(self._failure_text(exc), conflict=isinstance(exc, Conflict))
            if stay is not None:
                stay()

        self.ctx.write(lambda: self.workspace.save_work_report(data), done, failed, owner=self)

    def _failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, ValidationFailed):
            return self.mine.validation_text(exc)
        if isinstance(exc, Conflict):
            text = conflict_text(
                exc, self.mine.field_label,
                at_text=self.tr("{who} saved this report at {at}, perhaps on another computer."),
                plain_text=self.tr("{who} saved this report meanwhile, perhaps on another "
                                   "computer."),
            )  # fmt: skip
            return (
                text
                + " "
                + self.tr("Your text is still here: copy what you want to keep, then Reload.")
            )
        return error_text(exc)

    @Slot()
    def _on_reload_mine_requested(self) -> None:
        self.mine.clear()
        self.detail = None
        self.reload_mine()

    # -- the team's reports
    @Slot(int)
    def _on_report_selected(self, report_id: int) -> None:
        self.ctx.read(lambda: self.workspace.work_report(report_id), self._on_report_loaded,
                      self._on_read_failed, owner=self, key="report")  # fmt: skip

    def _on_report_loaded(self, view) -> None:
        if not any(r.id == view.report.id for r in self.team.model.rows):
            return  # the list moved on (a search) while it was read: it stays closed
        self.team.viewer.show_report(view, self.report_html(view))

    def report_html(self, view) -> str:
        r = view.report
        e = html.escape
        period = period_text(r.kind, r.period_start, r.period_end)
        when = " · " + local_time(r.submitted_at) if r.submitted_at else ""
        status = e(status_text(r.status, r.edited_after_submit) + when)
        if r.edited_after_submit:  # stands out: a manager who answered sees the text changed
            status = f"<b>{status} · {e(edited_text(r.updated_at))}</b>"
        head = f"<h3>{e(r.author_name)} · {e(period)}</h3><p>{status}</p>"
        parts = [head, f"<p>{e(self.mine.figures_line(r.figures))}</p>"]
        titles = self.mine.titles(r.kind)
        for key in ("done", "problems", "plan"):
            text = getattr(r, key)
            if text:
                body = e(text).replace("\n", "<br>")
                parts.append(f"<h4>{e(titles[key])}</h4><p>{body}</p>")
        if view.comments:
            heading = self.tr("Comments")  # outside the f-string: lupdate reads literals only
            parts.append(f"<h4>{e(heading)}</h4>")
            for c in view.comments:
                body = e(c.text).replace("\n", "<br>")
                parts.append(f"<p><b>{e(c.author_name)}</b> · {e(local_time(c.at))}<br>{body}</p>")
            if r.edited_after_submit and r.updated_at > view.comments[-1].at:
                note = self.tr("The report was edited after the last comment, at %1.")
                parts.append(f"<p><i>{e(note.replace('%1', local_time(r.updated_at)))}</i></p>")
        return "".join(parts)

    @Slot(int, str)
    def _on_comment_requested(self, report_id: int, text: str) -> None:
        viewer = self.team.viewer

        def done(_result) -> None:
            viewer.comment_saved()
            self._on_report_selected(report_id)

        def failed(exc: BaseException) -> None:
            viewer.comment_failed()
            self.banner.show_message(error_text(exc))

        self.ctx.write(lambda: self.workspace.comment_work_report(report_id, text), done, failed,
                       owner=self)  # fmt: skip

    # -- export
    def _export_name(self) -> str:
        return self.tr("Daily reports") if self.kind == "daily" else self.tr("Weekly reports")

    @Slot()
    def _on_export_clicked(self) -> None:
        path = self.exporter.ask_path()
        if not path:
            return
        columns = report_columns()
        comments = Column("all_comments", self.tr("Comment texts"), 400, lambda _r: "")
        rows = list(self.team.model.rows)  # the list as shown
        getters = [c.cell or c.value for c in columns]
        workspace = self.workspace

        def cells(_control):  # off the GUI thread: the comments are read here
            lines = workspace.work_report_comment_lines([r.id for r in rows])
            return len(rows), ([get(r) for get in getters] + [lines.get(r.id, "")]
                               for r in rows)  # fmt: skip

        columns.append(comments)

        self.exporter.run(path, [(c, c.width) for c in columns], cells)
