"""Users and teams in the Workspace (workspace.py mixes it in), and the acting user's own
password: each method one unit of work for the acting user, the rules in user_admin.py and
auth.py."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from crmdesk.models import auth, user_admin
from crmdesk.models.changes import WriteResult
from crmdesk.models.policy import current_actor
from crmdesk.models.user_admin import (
    DeactivateResult,
    Handover,
    TeamRow,
    UserAdminRow,
    UserInput,
)
from crmdesk.models.users import UserRow


class UserAdminMethods:
    """Needs the Workspace's _read, _write, clock and actor."""

    def _admin_reader(self, session: Session) -> UserRow:
        """The acting user as the database has them now: the reads here are an admin's (or a
        manager's), and a role taken away a minute ago no longer reads them."""
        self.actor = current_actor(session, self.actor.id)
        return self.actor

    def users_admin(self) -> list[UserAdminRow]:
        """Every user with their counts (admins); a manager gets their team's."""
        return self._read(lambda s: user_admin.list_users_admin(s, self._admin_reader(s)))

    def teams_admin(self) -> list[TeamRow]:
        return self._read(lambda s: user_admin.list_teams(s, self._admin_reader(s)))

    def handover_counts(self, user_id: int) -> tuple[int, int]:
        """(customers, open deals) the user holds: what a deactivation hands over."""
        return self._read(lambda s: user_admin.handover_counts(s, self._admin_reader(s), user_id))

    def create_user(self, data: UserInput, password: str) -> WriteResult[int]:
        return self._write(
            lambda s, actor: user_admin.create_user(s, actor, data, password, self.clock())
        )

    def update_user(self, user_id: int, data: UserInput) -> WriteResult[None]:
        return self._write(
            lambda s, actor: user_admin.update_user(s, actor, user_id, data, self.clock())
        )

    def deactivate_user(self, user_id: int, handover: Handover) -> WriteResult[DeactivateResult]:
        return self._write(
            lambda s, actor: user_admin.deactivate_user(s, actor, user_id, handover, self.clock())
        )

    def reactivate_user(self, user_id: int) -> WriteResult[None]:
        return self._write(
            lambda s, actor: user_admin.reactivate_user(s, actor, user_id, self.clock())
        )

    def reset_password(self, user_id: int, new: str) -> WriteResult[None]:
        return self._write(
            lambda s, actor: auth.reset_password(s, actor, user_id, new, self.clock())
        )

    def unlock_user(self, user_id: int) -> WriteResult[None]:
        return self._write(lambda s, actor: auth.unlock_user(s, actor, user_id, self.clock()))

    def change_password(self, old: str, new: str) -> WriteResult[None]:
        """The acting user's own password; afterwards self.actor no longer must change it."""
        result = self._write(
            lambda s, actor: auth.change_password(s, actor.id, old, new, self.clock())
        )
        self.actor = replace(self.actor, must_change_password=False)
        return result

    def save_team(
        self,
        team_id: int | None,
        name: str,
        customer_cap: int | None = None,
        locked_cap: int | None = None,
    ) -> WriteResult[int]:
        return self._write(
            lambda s, actor: user_admin.save_team(
                s, actor, team_id, name, customer_cap, locked_cap, self.clock()
            )
        )

    def delete_team(self, team_id: int) -> WriteResult[None]:
        return self._write(lambda s, actor: user_admin.delete_team(s, actor, team_id))
