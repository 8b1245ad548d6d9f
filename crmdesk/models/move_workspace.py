"""The workspace's methods for moving deals through their stages and approvals (deal_moves.py,
approvals.py): each one unit of work (workspace.py), the time from the workspace's clock."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from crmdesk.models import approvals, deal_moves
from crmdesk.models.changes import WriteResult


class MoveMethods:
    """Needs the Workspace's _read, _write, clock and actor."""

    def move_deal(
        self,
        deal_id: int,
        to_stage_id: int,
        base_version: int,
        answers: Mapping[int, str] | None = None,
        comment: str = "",
        won_amount: Decimal | None = None,
        won_on: date | None = None,
        lost_code: str = "",
        lost_text: str = "",
    ) -> WriteResult[deal_moves.MoveResult]:
        """Move (or ask approval to move) a deal read at base_version; GateRefused lists what
        the stages entered or skipped still want, Conflict names who moved it first."""
        now = self.clock()
        return self._write(
            lambda s, actor: deal_moves.move_deal(
                s, actor, deal_id, to_stage_id, base_version, answers or {}, now,
                comment=comment, won_amount=won_amount, won_on=won_on, lost_code=lost_code,
                lost_text=lost_text,
            )
        )  # fmt: skip

    def complete_and_move(
        self,
        deal_id: int,
        data,
        to_stage_id: int,
        base_version: int,
        answers: Mapping[int, str] | None = None,
    ) -> WriteResult[deal_moves.MoveResult]:
        """Save the fields a gate asked for (data: the deal's DealInput with them filled in) and
        move the deal, in one unit of work: a move the gate still refuses saves nothing."""
        from crmdesk.models import deals

        now = self.clock()

        def unit(s, actor) -> deal_moves.MoveResult:
            saved = deals.update_deal(s, actor, deal_id, data, base_version, now)
            return deal_moves.move_deal(
                s, actor, deal_id, to_stage_id, saved.version, answers or {}, now
            )

        return self._write(unit)

    def approvals(self, status: str = "pending") -> list[approvals.ApprovalRow]:
        return self._read(lambda s: approvals.list_approvals(s, self.actor, status))

    def count_pending_approvals(self) -> int:
        return self._read(lambda s: approvals.count_pending(s, self.actor))

    def decide_approval(self, approval_id: int, approve: bool, comment: str) -> WriteResult[None]:
        now = self.clock()
        return self._write(
            lambda s, actor: approvals.decide_approval(s, actor, approval_id, approve, comment, now)
        )

    def cancel_approval(self, approval_id: int) -> WriteResult[None]:
        now = self.clock()
        return self._write(lambda s, actor: approvals.cancel_approval(s, actor, approval_id, now))
