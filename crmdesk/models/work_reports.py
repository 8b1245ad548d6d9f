"""Work reports (日报 / 周报): a rep's own report for a day or a week, saved as a draft or
submitted, and the comments on it. The figures are work_report_figures.py's; the team's list
and who has not submitted are work_report_list.py's.

Decided here:
- Only the author writes a report, and any active user may write their own.
- Figures are counted again at every save and stored with the report (JSON), so a report reads
  later as it was written; my_report shows the figures as a save would store them now.
- Submitting stamps submitted_at once. A submitted report stays submitted: its author may
  still correct it (a manager may already have read or answered it, so the list says it was
  "edited after submitting" — updated_at later than submitted_at — rather than hiding it).
- A save names the version it started from (None for a new report); a report changed since
  (from another computer) is a Conflict naming who and when, never a silent overwrite.
- Others' drafts are private: readers see submitted reports only (policy in work_report_list).
  "Edited" means its text changed: saving a submitted report with the same texts (its figures
  recounted) does not move updated_at, so it does not claim an edit nobody made.
- Comments: admins, managers of the report's team, and the author (to reply). A comment by
  anyone but the author leaves the author a notification (kind "report_comment", detail
  "<kind>:<period start>:<commenter's name>", no customer: Today shows it in words) in the same
  unit of work; the author's own replies notify nobody.
Every write records the change kind "work_reports" (a comment that notifies: "notifications"
too, so the author's Today page reads again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.models.changes import record
from crmdesk.models.checks import Checker, check_id, has_bad_character, limit_of
from crmdesk.models.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.pool_actions import notify
from crmdesk.models.schema import Notification, User
from crmdesk.models.schema_targets import REPORT_KINDS, WorkReport, WorkReportComment
from crmdesk.models.users import UserRow
from crmdesk.models.work_report_figures import ReportFigures, figures, period_of_report

__all__ = [
    "CommentRow",
    "ReportDetail",
    "ReportFigures",
    "ReportInput",
    "comment",
    "comments",
    "figures",
    "my_report",
    "period_of_report",
    "read_report",
    "save_report",
]

CHANGE = "work_reports"
NOTICE = "report_comment"  # the author's notification of someone else's comment (today.py)
# A report's text field: enough for a long weekly report, far below what every backend's TEXT
# holds (checks.TEXT_LIMIT), and what the page's boxes let one type.
TEXT_FIELDS = ("done", "problems", "plan")
REPORT_TEXT_LIMIT = 10_000
COMMENT_LIMIT = WorkReportComment.__table__.c.text.type.length  # String(2000)


@dataclass(frozen=True)
class ReportInput:
    """A save of the author's report. version: the version the editor started from (None for
    a report not saved yet). submit: submit it now (a submitted report stays submitted)."""

    kind: str
    period_start: date
    done: str = ""
    problems: str = ""
    plan: str = ""
    submit: bool = False
    version: int | None = None


@dataclass(frozen=True)
class ReportDetail:
    """One report as its reader sees it. id None: not saved yet (a new draft)."""

    id: int | None
    author_id: int
    author_name: str
    team_id: int | None
    kind: str
    period_start: date
    period_end: date
    figures: ReportFigures
    done: str
    problems: str
    plan: str
    status: str
    submitted_at: datetime | None
    updated_at: datetime | None
    version: int | None

    @property
    def submitted(self) -> bool:
        return self.status == "submitted"

    @property
    def edited_after_submit(self) -> bool:
        return (
            self.submitted_at is not None
            and self.updated_at is not None
            and self.updated_at > self.submitted_at
        )


@dataclass(frozen=True)
class CommentRow:
    id: int
    author_id: int | None
    author_name: str
    text: str
    at: datetime


def _detail(report: WorkReport, author_name: str, figs: ReportFigures | None = None):
    return ReportDetail(
        report.id, report.author_id, author_name, report.team_id, report.kind,
        report.period_start, report.period_end,
        figs if figs is not None else ReportFigures.from_json(report.figures),
        report.done, report.problems, report.plan, report.status, report.submitted_at,
        report.updated_at, report.version,
    )  # fmt: skip


def _find(session: Session, author_id: int, kind: str, start: date, lock: bool = False):
    stmt = select(WorkReport).where(
        WorkReport.author_id == author_id, WorkReport.kind == kind,
        WorkReport.period_start == start,
    )  # fmt: skip
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return session.scalar(stmt)


def my_report(
    session: Session, actor: UserRow, kind: str, day: date, tz: tzinfo | None, now: datetime
) -> ReportDetail:
    """The actor's report of this kind for the period holding `day`: the saved one, or a new
    unsaved draft; its figures counted now (what a save would store). `now` is not needed to
    count, and is taken for symmetry with the writes (a future period is allowed: a plan)."""
    first, last = period_of_report(kind, day)
    figs = figures(session, actor.id, kind, first, tz)
    report = _find(session, actor.id, kind, first)
    if report is None:
        return ReportDetail(None, actor.id, actor.name, actor.team_id, kind, first, last, figs,
                            "", "", "", "draft", None, None, None)  # fmt: skip
    return _detail(report, actor.name, figs)


def _text(c: Checker, name: str, value: object, limit: int) -> str:
    """A report's text as stored: not stripped inside (the rep's layout is theirs), trailing
    blank space dropped; NUL and control characters refused, at most `limit` characters."""
    if not isinstance(value, str):
        c.fail(name, "invalid")
        return ""
    value = value.rstrip()
    if has_bad_character(value):
        c.fail(name, "bad_character")
        return ""
    if len(value) > limit:
        c.fail(name, "too_long", limit)
    return value


def check_report(data: ReportInput) -> ReportInput:
    """The input as it will be stored, or ValidationFailed with every problem."""
    if not isinstance(data, ReportInput):
        raise ValidationFailed(errors=[("report", "invalid")], limits={})
    c = Checker()
    kind = c.choice("kind", data.kind, REPORT_KINDS)
    start = c.day("period_start", data.period_start)
    if data.period_start is None:
        c.fail("period_start", "required")
    elif start is not None and period_of_report(kind, start)[0] != start:
        c.fail("period_start", "invalid")  # a week starts on its Monday
    texts = {f: _text(c, f, getattr(data, f), REPORT_TEXT_LIMIT) for f in TEXT_FIELDS}
    if not isinstance(data.submit, bool):
        c.fail("submit", "invalid")
    version = data.version
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        c.fail("version", "invalid")
    if data.submit is True and not any(texts.values()):
        c.fail("done", "required")  # an empty report is not worth submitting
    c.done()
    return ReportInput(kind, start, submit=data.submit, version=version, **texts)


def _conflict(session: Session, report: WorkReport, data: ReportInput) -> Conflict:
    differ = [f for f in TEXT_FIELDS if getattr(report, f) != getattr(data, f)]
    by = session.scalar(select(User.name).where(User.id == report.author_id))
    return Conflict(by=by, at=report.updated_at, fields=differ, report=report.id)


def save_report(
    session: Session, actor: UserRow, now: datetime, data: ReportInput, tz: tzinfo | None = None
) -> ReportDetail:
    """Save (and with data.submit, submit) the actor's own report; see the module's rules."""
    data = check_report(data)
    first, last = period_of_report(data.kind, data.period_start)
    figs = figures(session, actor.id, data.kind, first, tz)
    report = _find(session, actor.id, data.kind, first, lock=True)
    if report is None:
        if data.version is not None:  # it was saved, and is gone: nothing deletes reports
            raise NotFound(what="work_report", id=None)
        report = WorkReport(
            author_id=actor.id, kind=data.kind, period_start=first, period_end=last,
            status="draft", created_at=now,
        )  # fmt: skip
        session.add(report)
    elif data.version != report.version:
        raise _conflict(session, report, data)
    texts = tuple(getattr(data, f) for f in TEXT_FIELDS)
    if report.status != "submitted" or texts != tuple(getattr(report, f) for f in TEXT_FIELDS):
        report.updated_at = now  # a submitted report resaved unchanged is not "edited since"
    report.team_id = actor.team_id
    report.figures = figs.to_json()
    report.done, report.problems, report.plan = texts
    if data.submit and report.status != "submitted":
        report.status, report.submitted_at = "submitted", now
    session.flush()
    record(session, CHANGE)
    return _detail(report, actor.name)


# -- reading one report, and comments


def _visible(actor: UserRow, report: WorkReport) -> bool:
    if report.author_id == actor.id:
        return True
    if report.status != "submitted" or not actor.active:
        return False
    if actor.is_admin:
        return True
    return actor.is_manager and actor.team_id is not None and report.team_id == actor.team_id


def _report_for(session: Session, actor: UserRow, report_id: int) -> WorkReport:
    check_id(report_id, "work_report")
    report = session.get(WorkReport, report_id)
    if report is None or not _visible(actor, report):
        raise NotFound(what="work_report", id=report_id)
    return report


def read_report(session: Session, actor: UserRow, report_id: int) -> ReportDetail:
    """A report the actor may read, with its figures as stored at its last save."""
    report = _report_for(session, actor, report_id)
    name = session.scalar(select(User.name).where(User.id == report.author_id)) or ""
    return _detail(report, name)


def may_comment(actor: UserRow, report_author_id: int, report_team_id: int | None) -> bool:
    if not actor.active:
        return False
    if actor.is_admin or actor.id == report_author_id:
        return True
    return actor.is_manager and actor.team_id is not None and actor.team_id == report_team_id


def comment(session: Session, actor: UserRow, now: datetime, report_id: int, text: str) -> int:
    """Add a comment to a report the actor may read (see may_comment for who may write)."""
    report = _report_for(session, actor, report_id)
    if not may_comment(actor, report.author_id, report.team_id):
        raise PermissionDenied(action="comment", report_id=report_id)
    c = Checker()
    value = c.text("text", text, WorkReportComment.__table__.c.text, required=True)
    c.done()
    row = WorkReportComment(report_id=report.id, author_id=actor.id, text=value, at=now)
    session.add(row)
    session.flush()
    record(session, CHANGE)
    if report.author_id != actor.id:
        detail = f"{report.kind}:{report.period_start.isoformat()}:{actor.name}"
        notify(session, [report.author_id], NOTICE, now,
               detail=detail[: limit_of(Notification.detail)])  # fmt: skip
        record(session, "notifications")
    return row.id


def comments(session: Session, actor: UserRow, report_id: int) -> list[CommentRow]:
    """A report's comments, oldest first."""
    report = _report_for(session, actor, report_id)
    stmt = (
        select(WorkReportComment, User.name)
        .outerjoin(User, User.id == WorkReportComment.author_id)
        .where(WorkReportComment.report_id == report.id)
        .order_by(WorkReportComment.at, WorkReportComment.id)
    )
    return [CommentRow(c.id, c.author_id, name or "", c.text, c.at)
            for c, name in session.execute(stmt)]  # fmt: skip
