"""The workspace's collaborator methods (collaborators.py): the detail panel's list, adding and
removing a colleague."""

from __future__ import annotations

from crmdesk.models import collaborators
from crmdesk.models.changes import WriteResult
from crmdesk.models.collaborators import CollaboratorList


class CollaboratorMethods:
    def collaborators(self, customer_id: int) -> CollaboratorList:
        return self._read(lambda s: collaborators.list_collaborators(s, self.actor, customer_id))

    def add_collaborator(self, customer_id: int, user_id: int) -> WriteResult[bool]:
        return self._write(
            lambda s, actor: collaborators.add_collaborator(
                s, actor, customer_id, user_id, self.clock()
            )
        )

    def remove_collaborator(self, customer_id: int, user_id: int) -> WriteResult[bool]:
        return self._write(
            lambda s, actor: collaborators.remove_collaborator(
                s, actor, customer_id, user_id, self.clock()
            )
        )

    def collaborator_choices(self) -> list:
        """Colleagues one may share a customer with: every active user (users.list_users)."""
        from crmdesk.models.users import list_users

        return self._read(list_users)
