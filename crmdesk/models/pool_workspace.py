"""The pool's part of the Workspace (workspace.py mixes it in): each method one unit of work
for the acting user, the rules in pool.py, pool_actions.py, pool_list.py and recycle.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from crmdesk.models import (
    pool,
    pool_actions,
    pool_admin,
    pool_list,
    recycle,
    settings_log,
    today,
)
from crmdesk.models.changes import WriteResult


def local_day_start(now: datetime) -> datetime:
    """The start of the local calendar day holding `now` (naive UTC in, naive UTC out): a
    daily claim cap resets at the user's midnight, not at UTC's."""
    local = now.replace(tzinfo=UTC).astimezone()
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight.astimezone(UTC).replace(tzinfo=None)


class PoolMethods:
    """Needs the Workspace's _read, _write, clock, db and actor."""

    def pools(self) -> list[pool.PoolRow]:
        return self._read(lambda s: pool.pools_for(s, self.actor))

    def all_pools(self) -> list[pool.PoolRow]:
        """Every pool (the settings dialog; admins)."""
        return self._read(pool.list_pools)

    def capacity(self, user_id: int | None = None) -> pool.Capacity:
        """Owned and the cap (the locked count is not read: see pool.capacity)."""
        return self._read(lambda s: pool.capacity(s, user_id or self.actor.id, locked=False))

    def claims_today(self, pool_id: int) -> int:
        start = local_day_start(self.clock())
        return self._read(lambda s: pool_actions.claims_since(s, self.actor.id, pool_id, start))

    def release_reasons(self) -> list[tuple[str, str]]:
        """(code, label) of the reasons a release may give; label "" for the built-in ones."""
        rows = self._read(pool.release_reasons)
        return [(r.code, r.label) for r in rows]

    def list_pool(self, query: pool_list.PoolQuery, offset: int, limit: int, total=None):
        return self._read(
            lambda s: pool_list.list_pool(s, self.actor, query, self.clock(), offset, limit)
        )

    def count_pool(self, query: pool_list.PoolQuery, exact: bool = False) -> int:
        return self._read(lambda s: pool_list.count_pool(s, self.actor, query, self.clock()))

    def pool_ids(self, query: pool_list.PoolQuery, offset: int, limit: int) -> list[int]:
        return self._read(
            lambda s: pool_list.pool_ids(s, self.actor, query, self.clock(), offset, limit)
        )

    def save_pool(
        self, pool_id: int | None, data: pool.PoolInput, version: int | None = None
    ) -> WriteResult[int]:
        return self._write(
            lambda s, actor: pool.save_pool(s, actor, pool_id, data, self.clock(), version)
        )

    def claim(
        self, pool_id: int, customer_ids: Sequence[int]
    ) -> WriteResult[pool_actions.ClaimResult]:
        now = self.clock()
        start = local_day_start(now)
        return self._write(
            lambda s, actor: pool_actions.claim(s, actor, pool_id, customer_ids, now, start)
        )

    def assign_from_pool(
        self, pool_id: int, customer_ids: Sequence[int], to_user_id: int
    ) -> WriteResult[pool_actions.ClaimResult]:
        return self._write(
            lambda s, actor: pool_actions.assign_from_pool(
                s, actor, pool_id, customer_ids, to_user_id, self.clock()
            )
        )

    def release(
        self,
        customer_ids: Sequence[int],
        reason_code: str,
        reason_text: str,
        pool_id: int | None = None,
    ) -> WriteResult[int]:
        return self._write(
            lambda s, actor: pool_actions.release(
                s, actor, customer_ids, reason_code, reason_text, self.clock(), pool_id
            )
        )

    def move_to_pool(
        self, pool_id: int, customer_ids: Sequence[int], to_pool_id: int
    ) -> WriteResult[int]:
        return self._write(
            lambda s, actor: pool_actions.move_to_pool(
                s, actor, pool_id, customer_ids, to_pool_id, self.clock()
            )
        )

    def set_locked(self, customer_ids: Sequence[int], locked: bool) -> WriteResult[int]:
        return self._write(
            lambda s, actor: pool_actions.set_locked(s, actor, customer_ids, locked, self.clock())
        )

    def recycle(self, dry_run: bool = False, progress=None, cancelled=None):
        """The recycle pass (at start and hourly, off the GUI thread): what moved, and what
        changed, for the pages."""
        result = recycle.recycle(
            self.db, self.clock(), dry_run=dry_run, progress=progress, cancelled=cancelled
        )
        return WriteResult(result, result.change)

    def pool_members(self, pool_id: int):
        return self._read(lambda s: pool_list.pool_members(s, self.actor, pool_id))

    def pool_choices(self, pool_id: int) -> pool_list.PoolChoices:
        return self._read(lambda s: pool_list.pool_choices(s, self.actor, pool_id))

    # -- the Today page (today.py)
    def today(self, forgotten_days: int = 150) -> today.TodayResult:
        """What the acting user must do now: one read for the whole page."""
        return self._read(
            lambda s: today.today(s, self.actor, self.clock(), forgotten_days=forgotten_days)
        )

    def mark_read(self, ids) -> WriteResult:
        """ids: notification ids, or "all"."""
        return self._write(lambda s, actor: today.mark_read(s, actor, ids, self.clock()))

    # -- what an administrator sets for every pool (pool_admin.py)
    def all_release_reasons(self) -> list[pool_admin.ReleaseReasonRow]:
        return self._read(pool_admin.all_release_reasons)

    def add_release_reason(self, label: str) -> WriteResult[str]:
        return self._write(
            lambda s, actor: pool_admin.add_release_reason(s, actor, label, self.clock())
        )

    def set_release_reason_active(self, code: str, active: bool) -> WriteResult[None]:
        return self._write(
            lambda s, actor: pool_admin.set_release_reason_active(
                s, actor, code, active, self.clock()
            )
        )

    def caps(self) -> pool_admin.CapsRow:
        return self._read(pool_admin.caps)

    def save_caps(self, teams, users, count_won: bool) -> WriteResult[None]:
        """teams, users: id -> (customer cap, locked cap), None for no cap."""
        now = self.clock()
        return self._write(
            lambda s, actor: pool_admin.save_caps(s, actor, teams, users, count_won, now)
        )

    def settings_changes(self, pool_id: int | None = None) -> list:
        """Who changed which of the pools' settings, newest first (administrators)."""
        return self._read(lambda s: settings_log.settings_changes(s, self.actor, pool_id))
