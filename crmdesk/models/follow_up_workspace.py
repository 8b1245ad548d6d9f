"""The workspace's reads of follow-ups across customers (follow_up_list.py): the export of every
follow-up the acting user may see, a chunk per call, so the window reads them off its thread."""

from __future__ import annotations

from datetime import datetime

from crmdesk.models import follow_up_list
from crmdesk.models.follow_up_list import FollowUpListRow


class FollowUpListMethods:
    def count_follow_up_rows(self) -> int:
        return self._read(lambda s: follow_up_list.count_follow_up_rows(s, self.actor))

    def follow_up_rows(
        self, limit: int = follow_up_list.CHUNK, after: tuple[datetime, int] | None = None
    ) -> list[FollowUpListRow]:
        """Up to limit follow-ups, newest first, after the (happened_at, id) of the last row of
        the previous chunk."""
        return self._read(lambda s: follow_up_list.follow_up_rows(s, self.actor, limit, after))
