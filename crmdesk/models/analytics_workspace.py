"""The workspace's methods for the reports' figures (analytics.py and its analytics_*.py
neighbours): each one read in one snapshot as the workspace's actor. tz: the user's zone
(None: the system's), which turns local days and months into the stored UTC times. The
pipelines for the selector are DealMethods.pipelines."""

from __future__ import annotations

from datetime import date, tzinfo
from typing import Any

from crmdesk.models import analytics, analytics_activity, analytics_breakdown, analytics_drill
from crmdesk.models.analytics_types import ActivityResult, Breakdown, DrillResult, FunnelResult
from crmdesk.models.periods import Period


class AnalyticsMethods:
    """Needs the Workspace's _read and actor."""

    def funnel(
        self,
        pipeline_id: int,
        first_day: date,
        end_day: date,
        scope: str = "all",
        owner_id: int | None = None,
        tz: tzinfo | None = None,
    ) -> FunnelResult:
        return self._read(
            lambda s: analytics.funnel(
                s, self.actor, pipeline_id, first_day, end_day, scope, owner_id, tz
            )
        )

    def breakdown(
        self,
        measure: str,
        by: str,
        first_month: Period,
        months: int,
        scope: str = "all",
        owner_id: int | None = None,
        tz: tzinfo | None = None,
    ) -> Breakdown:
        return self._read(
            lambda s: analytics_breakdown.breakdown(
                s, self.actor, measure, by, first_month, months, scope, owner_id, tz
            )
        )

    def activity(
        self,
        first_day: date,
        end_day: date,
        granularity: str = "day",
        scope: str = "all",
        owner_id: int | None = None,
        tz: tzinfo | None = None,
    ) -> ActivityResult:
        return self._read(
            lambda s: analytics_activity.activity(
                s, self.actor, first_day, end_day, granularity, tz, scope, owner_id
            )
        )

    def drill_funnel(
        self,
        pipeline_id: int,
        first_day: date,
        end_day: date,
        part: str = "stage",
        stage_id: int | None = None,
        scope: str = "all",
        owner_id: int | None = None,
        tz: tzinfo | None = None,
        offset: int = 0,
        limit: int = 500,
    ) -> DrillResult:
        """The deals behind a funnel figure (DrillDealRow)."""
        return self._read(
            lambda s: analytics_drill.drill_funnel(
                s, self.actor, pipeline_id, first_day, end_day, part, stage_id, scope,
                owner_id, tz, offset, limit,
            )
        )  # fmt: skip

    def drill_breakdown(
        self,
        measure: str,
        by: str,
        first_month: Period,
        months: int,
        key: Any = None,
        code: str = "",
        month: int | None = None,
        scope: str = "all",
        owner_id: int | None = None,
        tz: tzinfo | None = None,
        offset: int = 0,
        limit: int = 500,
    ) -> DrillResult:
        """The rows behind a breakdown segment: deals (DrillDealRow) for the deal measures,
        customers (DrillCustomerRow) for the others."""
        return self._read(
            lambda s: analytics_drill.drill_breakdown(
                s, self.actor, measure, by, first_month, months, key, code, month, scope,
                owner_id, tz, offset, limit,
            )
        )  # fmt: skip
