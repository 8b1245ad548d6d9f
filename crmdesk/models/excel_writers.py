"""The writers of the customers, contacts and follow-ups imports (excel_apply.WRITERS)."""

from __future__ import annotations

from crmdesk.models.excel_context import ApplyContext, ChunkOutcome
from crmdesk.models.excel_types import PlannedRow


def write_customers(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    raise NotImplementedError


def write_contacts(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    raise NotImplementedError


def write_follow_ups(ctx: ApplyContext, rows: list[PlannedRow]) -> ChunkOutcome:
    raise NotImplementedError
