"""The reports a reader sees in one list, and who has not submitted: a rep their own reports
(drafts too), a manager their own and the submitted reports of their team (the author's team
when the report was written: WorkReport.team_id), an admin their own and every submitted one.

Search: every word must match (LIKE, case-insensitive, % and _ escaped) the report's done,
problems or plan text or its author's name. Missing: the active reps and managers of the
reader's team (an admin: everybody's, teamless users included; a rep: themself) without a
SUBMITTED report for the period (a draft does not count, and says so: has_draft).
comment_lines: the comments of listed reports for the export's last column, one
"author: text" line each, oldest first (reports the reader may not read give nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select, true
from sqlalchemy.orm import Session

from crmdesk.models.bulk import CHUNK, id_in
from crmdesk.models.checks import check_id, clean_search
from crmdesk.models.errors import ValidationFailed
from crmdesk.models.list_query import like_pattern
from crmdesk.models.schema import Team, User
from crmdesk.models.schema_targets import REPORT_KINDS, WorkReport, WorkReportComment
from crmdesk.models.users import UserRow
from crmdesk.models.work_report_figures import ReportFigures, period_of_report

LIST_LIMIT = 500  # a team of 15 over a month of daily reports; the page says when cut
EXCERPT = 120
WRITERS = ("rep", "manager")  # who is expected to write reports


@dataclass(frozen=True)
class ReportRow:
    """One report in the list. done / problems / plan are whole (the export writes them);
    excerpt is the first words, for the list's column."""

    id: int
    author_id: int
    author_name: str
    team_name: str
    kind: str
    period_start: date
    period_end: date
    status: str
    submitted_at: datetime | None
    updated_at: datetime
    excerpt: str
    comment_count: int
    figures: ReportFigures
    done: str
    problems: str
    plan: str

    @property
    def edited_after_submit(self) -> bool:
        return self.submitted_at is not None and self.updated_at > self.submitted_at


@dataclass(frozen=True)
class ReportList:
    rows: tuple[ReportRow, ...]
    cut: bool  # more than LIST_LIMIT matched: the oldest were left out


@dataclass(frozen=True)
class MissingRow:
    user_id: int
    name: str
    team_name: str
    has_draft: bool


def see_condition(actor: UserRow) -> ColumnElement[bool]:
    """Reports the actor may read (work_reports._visible answers the same for one row)."""
    own = WorkReport.author_id == actor.id
    if not actor.active:
        return false()
    submitted = WorkReport.status == "submitted"
    if actor.is_admin:
        return or_(own, submitted)
    if actor.is_manager and actor.team_id is not None:
        return or_(own, and_(submitted, WorkReport.team_id == actor.team_id))
    return own


def excerpt(*texts: str) -> str:
    """The first words of the first non-empty text, on one line."""
    for text in texts:
        line = " ".join(text.split())
        if line:
            return line if len(line) <= EXCERPT else line[: EXCERPT - 1] + "…"
    return ""


def _search(search: str) -> list[ColumnElement[bool]]:
    where = []
    for word in clean_search(search).split():
        pattern = like_pattern(word)
        where.append(or_(*(col.ilike(pattern, escape="\\") for col in (
            WorkReport.done, WorkReport.problems, WorkReport.plan, User.name))))  # fmt: skip
    return where


def _check_range(kind: str, first_day: date, end_day: date) -> None:
    errors = []
    if kind not in REPORT_KINDS:
        errors.append(("kind", "invalid"))
    for name, value in (("first_day", first_day), ("end_day", end_day)):
        if isinstance(value, datetime) or not isinstance(value, date):
            errors.append((name, "invalid"))
    if errors:
        raise ValidationFailed(errors=errors, limits={})


def team_reports(
    session: Session,
    actor: UserRow,
    kind: str,
    first_day: date,
    end_day: date,
    search: str = "",
    author_id: int | None = None,
    limit: int = LIST_LIMIT,
) -> ReportList:
    """The reports of this kind the actor may read whose period starts in [first_day, end_day),
    newest period first, then by author (pinyin order)."""
    _check_range(kind, first_day, end_day)
    where = [
        see_condition(actor), WorkReport.kind == kind,
        WorkReport.period_start >= first_day, WorkReport.period_start < end_day,
        *_search(search),
    ]  # fmt: skip
    if author_id is not None:
        where.append(WorkReport.author_id == check_id(author_id, "user"))
    count = (
        select(func.count(WorkReportComment.id))
        .where(WorkReportComment.report_id == WorkReport.id)
        .scalar_subquery()
    )
    stmt = (
        select(WorkReport, User.name, Team.name, count)
        .join(User, User.id == WorkReport.author_id)
        .outerjoin(Team, Team.id == WorkReport.team_id)
        .where(*where)
        .order_by(WorkReport.period_start.desc(), User.name_sort, User.name, WorkReport.id)
        .limit(limit + 1)
    )
    rows = [
        ReportRow(
            r.id, r.author_id, name, team or "", r.kind, r.period_start, r.period_end, r.status,
            r.submitted_at, r.updated_at, excerpt(r.done, r.plan, r.problems), int(n or 0),
            ReportFigures.from_json(r.figures), r.done, r.problems, r.plan,
        )
        for r, name, team, n in session.execute(stmt)
    ]  # fmt: skip
    return ReportList(tuple(rows[:limit]), len(rows) > limit)


def _writers(actor: UserRow) -> ColumnElement[bool]:
    if actor.is_admin:
        return true()
    if actor.is_manager and actor.team_id is not None:
        return User.team_id == actor.team_id
    return User.id == actor.id


def missing(session: Session, actor: UserRow, kind: str, day: date) -> list[MissingRow]:
    """Who of the reader's people has not submitted this kind of report for the period holding
    `day`, by team then name."""
    first, _last = period_of_report(kind, day)
    if not actor.active:
        return []
    reports = (
        select(WorkReport.author_id, WorkReport.status)
        .where(WorkReport.kind == kind, WorkReport.period_start == first)
        .subquery()
    )
    stmt = (
        select(User.id, User.name, Team.name, reports.c.status)
        .outerjoin(Team, Team.id == User.team_id)
        .outerjoin(reports, reports.c.author_id == User.id)
        .where(
            User.active.is_(True), User.role.in_(WRITERS), _writers(actor),
            or_(reports.c.status.is_(None), reports.c.status != "submitted"),
        )
        # Teamless people last on every backend (NULLs sort first on some, last on others).
        .order_by(case((Team.name.is_(None), 1), else_=0), Team.name, User.name_sort, User.id)
    )  # fmt: skip
    return [MissingRow(uid, name, team or "", status == "draft")
            for uid, name, team, status in session.execute(stmt)]  # fmt: skip


def comment_lines(session: Session, actor: UserRow, report_ids) -> dict[int, str]:
    """{report id: its comments as "author: text" lines, oldest first} for the reports among
    report_ids the actor may read that have comments."""
    wanted = sorted({check_id(i, "work_report") for i in report_ids})
    lines: dict[int, list[str]] = {}
    for k in range(0, len(wanted), CHUNK):
        stmt = (
            select(WorkReportComment.report_id, User.name, WorkReportComment.text)
            .join(WorkReport, WorkReport.id == WorkReportComment.report_id)
            .outerjoin(User, User.id == WorkReportComment.author_id)
            .where(see_condition(actor),
                   id_in(session, wanted[k : k + CHUNK], WorkReportComment.report_id))
            .order_by(WorkReportComment.report_id, WorkReportComment.at, WorkReportComment.id)
        )  # fmt: skip
        for report_id, name, text in session.execute(stmt):
            lines.setdefault(report_id, []).append(f"{name or ''}: {text}")
    return {rid: "\n".join(texts) for rid, texts in lines.items()}
