"""The workspace's methods for the pipeline board and deal list (deal_board.py): each one unit of
work (workspace.py)."""

from __future__ import annotations

from crmdesk.models import deal_board
from crmdesk.models.deal_board import BoardQuery
from crmdesk.models.users import UserRow


class BoardMethods:
    """Needs the Workspace's _read, clock and actor."""

    def board_columns(self, query: BoardQuery) -> list[deal_board.ColumnFigures]:
        now = self.clock()
        return self._read(lambda s: deal_board.board_columns(s, self.actor, query, now))

    def stage_cards(
        self, query: BoardQuery, stage_id: int, offset: int, limit: int
    ) -> list[deal_board.DealCard]:
        now = self.clock()
        return self._read(
            lambda s: deal_board.stage_cards(s, self.actor, query, stage_id, offset, limit, now)
        )

    def count_stage(self, query: BoardQuery, stage_id: int) -> int:
        now = self.clock()
        return self._read(lambda s: deal_board.count_stage(s, self.actor, query, stage_id, now))

    def count_deals(self, query: BoardQuery, exact: bool = False) -> int:
        """exact: what the list's table asks after a capped count; the deal list is counted in
        full always (its open deals are thousands, not millions)."""
        now = self.clock()
        return self._read(lambda s: deal_board.count_deals(s, self.actor, query, now))

    def list_deals(
        self, query: BoardQuery, offset: int, limit: int
    ) -> list[deal_board.DealListRow]:
        now = self.clock()
        return self._read(lambda s: deal_board.list_deals(s, self.actor, query, now, offset, limit))

    def deal_ids(self, query: BoardQuery, offset: int, limit: int) -> list[int]:
        now = self.clock()
        return self._read(lambda s: deal_board.deal_ids(s, self.actor, query, now, offset, limit))

    def board_owner_choices(self) -> list[UserRow]:
        return self._read(lambda s: deal_board.board_owner_choices(s, self.actor))
