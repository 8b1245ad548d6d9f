"""The workspace's methods for work reports (work_reports.py, work_report_list.py): each one
unit of work (workspace.py). tz: the zone the report's local days are in (None: the system's)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from crmdesk.models import work_report_list, work_reports
from crmdesk.models.changes import WriteResult
from crmdesk.models.work_report_list import MissingRow, ReportList
from crmdesk.models.work_reports import CommentRow, ReportDetail, ReportInput


@dataclass(frozen=True)
class ReportView:
    """A report opened for reading, with its comments and whether the reader may comment."""

    report: ReportDetail
    comments: tuple[CommentRow, ...]
    may_comment: bool


@dataclass(frozen=True)
class TeamReports:
    """The team panel's one read: the list and who has not submitted for the chosen period."""

    reports: ReportList
    missing: tuple[MissingRow, ...]


class WorkReportMethods:
    """Needs the Workspace's _read, _write, clock and actor."""

    def my_work_report(self, kind: str, day: date, tz: tzinfo | None = None) -> ReportDetail:
        return self._read(
            lambda s: work_reports.my_report(s, self.actor, kind, day, tz, self.clock())
        )

    def save_work_report(
        self, data: ReportInput, tz: tzinfo | None = None
    ) -> WriteResult[ReportDetail]:
        return self._write(
            lambda s, actor: work_reports.save_report(s, actor, self.clock(), data, tz)
        )

    def work_reports(
        self,
        kind: str,
        first_day: date,
        end_day: date,
        search: str = "",
        author_id: int | None = None,
    ) -> ReportList:
        return self._read(
            lambda s: work_report_list.team_reports(
                s, self.actor, kind, first_day, end_day, search, author_id
            )
        )

    def missing_work_reports(self, kind: str, day: date) -> list[MissingRow]:
        return self._read(lambda s: work_report_list.missing(s, self.actor, kind, day))

    def team_work_reports(
        self, kind: str, first_day: date, end_day: date, day: date, search: str = ""
    ) -> TeamReports:
        """The list over [first_day, end_day) and who is missing for the period of `day`."""

        def read(s) -> TeamReports:
            reports = work_report_list.team_reports(s, self.actor, kind, first_day, end_day, search)
            return TeamReports(reports, tuple(work_report_list.missing(s, self.actor, kind, day)))

        return self._read(read)

    def work_report(self, report_id: int) -> ReportView:
        def read(s) -> ReportView:
            report = work_reports.read_report(s, self.actor, report_id)
            notes = work_reports.comments(s, self.actor, report_id)
            may = work_reports.may_comment(self.actor, report.author_id, report.team_id)
            return ReportView(report, tuple(notes), may)

        return self._read(read)

    def work_report_comment_lines(self, report_ids) -> dict[int, str]:
        """The export's comments column: work_report_list.comment_lines."""
        return self._read(lambda s: work_report_list.comment_lines(s, self.actor, report_ids))

    def comment_work_report(self, report_id: int, text: str) -> WriteResult[int]:
        return self._write(
            lambda s, actor: work_reports.comment(s, actor, self.clock(), report_id, text)
        )
