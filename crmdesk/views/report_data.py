"""What the reports page reads, as functions to run off the GUI thread: each tab's figures
through the workspace (funnel, breakdown + the months' targets, lost reasons and sources,
activity), and the workbook export (every report read, turned into ReportSheets and written).
No widgets here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from crmdesk.models.analytics_types import Breakdown
from crmdesk.models.errors import NotFound, PermissionDenied, ValidationFailed
from crmdesk.views.report_filters import ReportQuery
from crmdesk.views.report_words import TARGET_METRIC, by_name, measure_name

log = logging.getLogger(__name__)


class ReportReader:
    """Binds a workspace (or anything with its methods, e.g. a test's guard)."""

    def __init__(self, workspace: Any) -> None:
        self.ws = workspace

    def targets(self, measure: str, q: ReportQuery) -> tuple[Decimal | None, ...] | None:
        """The target of each month of the query for the report's scope (company, team, rep);
        None when the measure has no target metric or the actor may not see that target."""
        metric = TARGET_METRIC.get(measure)
        if metric is None:
            return None
        scope, scope_id = q.target_scope()
        try:  # the targets alone (no achieved figures, no forecast: the breakdown has them)
            return tuple(self.ws.target_months(metric, scope, scope_id, list(q.month_periods)))
        except (PermissionDenied, NotFound, ValidationFailed) as exc:
            log.info("no target line: %r", exc)
            return None

    def breakdown(self, measure: str, by: str, q: ReportQuery) -> Breakdown:
        return self.ws.breakdown(measure, by, q.first_month, q.months, q.scope, q.owner_id)

    def funnel(self, q: ReportQuery):
        return self.ws.funnel(q.pipeline_id, q.first_day, q.end_day, q.scope, q.owner_id)

    def totals(self, q: ReportQuery) -> tuple[Breakdown, Breakdown]:
        return (
            self.breakdown("lost_count", "lost_reason", q),
            self.breakdown("won_amount", "source", q),
        )

    def activity(self, q: ReportQuery, granularity: str):
        return self.ws.activity(q.first_day, q.end_day, granularity, q.scope, q.owner_id)

    def reader(
        self, tab: str, q: ReportQuery, measure: str, by: str, granularity: str
    ) -> Callable[[], Any]:
        """A tab's figures, read by the returned function (off the GUI thread)."""
        if tab == "funnel":
            return lambda: self.funnel(q)
        if tab == "monthly":
            return lambda: (self.breakdown(measure, by, q), self.targets(measure, q))
        if tab == "totals":
            return lambda: self.totals(q)
        return lambda: self.activity(q, granularity)

    def workbook_writer(
        self, path: str, q: ReportQuery, measure: str, by: str, granularity: str, subtitle: str
    ) -> Callable[[], str]:
        """Every report read and written to path as a workbook (off the GUI thread); each sheet
        notes `subtitle`: the period and whose figures ("2026-01 – 2026-12 · 华东销售部")."""
        from crmdesk.models.report_workbook import write_report_workbook
        from crmdesk.views import report_sheets as sheets

        def work() -> str:
            sheet_list = []
            if q.pipeline_id is not None:
                sheet_list.append(
                    sheets.funnel_sheet(
                        self.funnel(q),
                        QCoreApplication.translate("ReportsPage", "Funnel"),
                        subtitle,
                    )
                )
            b = self.breakdown(measure, by, q)
            title = f"{measure_name(measure)} ({by_name(by)})"
            sheet_list.append(sheets.monthly_sheet(b, self.targets(measure, q), title, subtitle))
            lost, sources = self.totals(q)
            sheet_list.append(
                sheets.totals_sheet(
                    lost,
                    QCoreApplication.translate("ReportsPage", "Lost reasons"),
                    QCoreApplication.translate("ReportsPage", "Reason"),
                    subtitle,
                )
            )
            sheet_list.append(
                sheets.totals_sheet(
                    sources,
                    QCoreApplication.translate("ReportsPage", "Sources"),
                    QCoreApplication.translate("ReportsPage", "Source"),
                    subtitle,
                )
            )
            sheet_list.append(
                sheets.activity_sheet(
                    self.activity(q, granularity),
                    QCoreApplication.translate("ReportsPage", "Activity"),
                    subtitle,
                )
            )
            write_report_workbook(path, sheet_list)
            return path

        return work
