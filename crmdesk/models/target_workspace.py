"""The workspace's methods for targets (targets.py, target_progress.py, target_excel.py): each
one unit of work (workspace.py). `tz` is the user's zone (None: the system's); `today` is the
local date of the workspace's clock unless the caller passes one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo
from decimal import Decimal
from pathlib import Path

from crmdesk.models import target_achieved, target_excel, target_progress, targets
from crmdesk.models.analytics_types import DrillResult
from crmdesk.models.changes import WriteResult
from crmdesk.models.excel_read import read_sheet
from crmdesk.models.periods import Period
from crmdesk.models.target_split import SplitPlan
from crmdesk.models.today import local_day


class TargetMethods:
    """Needs the Workspace's _read, _write, clock and actor."""

    def _target_today(self, today: date | None, tz: tzinfo | None) -> date:
        return today if today is not None else local_day(self.clock(), tz).date

    def target_grid(self, metric: str, year: int) -> targets.TargetGrid:
        return self._read(lambda s: targets.read_grid(s, self.actor, metric, year))

    def save_targets(self, cells: Sequence[targets.TargetInput]) -> WriteResult[int]:
        """Returns how many stored cells changed."""
        cells = list(cells)
        return self._write(lambda s, actor: targets.save_targets(s, actor, self.clock(), cells))

    def plan_target_split(
        self,
        metric: str,
        period: Period,
        scope: str,
        scope_id: int,
        *,
        over: str = "people",
        method: str = "even",
        weight: str = "even",
        total_value: Decimal | None = None,
        tz: tzinfo | None = None,
        today: date | None = None,
    ) -> SplitPlan:
        day = self._target_today(today, tz)
        return self._read(
            lambda s: targets.plan_split(
                s, self.actor, metric, period, scope, scope_id, over=over, method=method,
                weight=weight, today=day, tz=tz, total_value=total_value,
            )
        )  # fmt: skip

    def target_progress(
        self,
        metric: str,
        period: Period,
        scope: str,
        scope_id: int,
        tz: tzinfo | None = None,
        today: date | None = None,
    ) -> target_progress.ProgressResult:
        day = self._target_today(today, tz)
        return self._read(
            lambda s: target_progress.progress(
                s, self.actor, metric, period, scope, scope_id, day, tz
            )
        )

    def target_months(
        self, metric: str, scope: str, scope_id: int, months: Sequence[Period]
    ) -> list[Decimal | None]:
        """Each month's target shown for the scope (target_progress.month_targets)."""
        months = list(months)
        return self._read(
            lambda s: target_progress.month_targets(s, self.actor, metric, scope, scope_id, months)
        )

    def target_ranking(
        self,
        metric: str,
        period: Period,
        level: str,
        tz: tzinfo | None = None,
        today: date | None = None,
    ) -> list[target_progress.RankRow]:
        day = self._target_today(today, tz)
        return self._read(
            lambda s: target_progress.ranking(s, self.actor, metric, period, level, day, tz)
        )

    def target_dashboard(
        self,
        metric: str,
        period: Period,
        scope: str,
        scope_id: int,
        level: str,
        tz: tzinfo | None = None,
        today: date | None = None,
    ) -> tuple[target_progress.ProgressResult, list[target_progress.RankRow]]:
        """The dashboard's cards, bars and ranking in one read."""
        day = self._target_today(today, tz)
        return self._read(
            lambda s: target_progress.dashboard(
                s, self.actor, metric, period, scope, scope_id, level, day, tz
            )
        )

    def target_month_rows(
        self,
        metric: str,
        scope: str,
        scope_id: int,
        month: Period,
        tz: tzinfo | None = None,
        offset: int = 0,
        limit: int = 500,
    ) -> DrillResult:
        """The rows behind a month's achieved bar (target_achieved.achieved_rows)."""
        return self._read(
            lambda s: target_achieved.achieved_rows(
                s, self.actor, metric, scope, scope_id, month, tz, offset, limit
            )
        )

    def export_targets(self, metric: str, year: int, path: str | Path) -> int:
        """The grid as the actor sees it, to an .xlsx; returns the rows written."""
        grid = self.target_grid(metric, year)
        return target_excel.export_targets(grid, path)

    def read_targets_file(
        self, path: str | Path, metric: str | None = None
    ) -> target_excel.TargetImportPlan:
        """The file checked against the database (nothing written). BadFile if unreadable."""
        sheet = read_sheet(path)
        return self._read(lambda s: target_excel.read_targets_sheet(s, self.actor, sheet, metric))

    def import_targets(
        self, plan: target_excel.TargetImportPlan, keep_good: bool = False
    ) -> WriteResult[int]:
        return self._write(
            lambda s, actor: target_excel.import_targets(
                s, actor, self.clock(), plan, keep_good=keep_good
            )
        )
