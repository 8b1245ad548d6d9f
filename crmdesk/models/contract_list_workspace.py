"""The workspace's methods for the contracts list (contract_list.py): each one unit of work
(workspace.py). "Today" is the local calendar day of the workspace's clock (today.local_day):
an instalment due today is not overdue until tomorrow, wherever the user sits."""

from __future__ import annotations

from crmdesk.models import contract_list
from crmdesk.models.contract_list import ContractListRow, ContractQuery
from crmdesk.models.today import local_day
from crmdesk.models.users import UserRow


class ContractListMethods:
    """Needs the Workspace's _read, clock and actor."""

    def _contract_today(self):
        return local_day(self.clock()).date

    def count_contracts(self, query: ContractQuery, exact: bool = False) -> int:
        """exact: what the list's table asks after a capped count; contracts are counted in
        full always (100,000 of them in a few milliseconds from the indexes)."""
        today = self._contract_today()
        return self._read(lambda s: contract_list.count_contracts(s, self.actor, query, today))

    def list_contracts(
        self, query: ContractQuery, offset: int, limit: int
    ) -> list[ContractListRow]:
        today = self._contract_today()
        return self._read(
            lambda s: contract_list.list_contracts(s, self.actor, query, today, offset, limit)
        )

    def contract_ids(self, query: ContractQuery, offset: int, limit: int) -> list[int]:
        today = self._contract_today()
        return self._read(
            lambda s: contract_list.contract_ids(s, self.actor, query, today, offset, limit)
        )

    def contract_owner_choices(self) -> list[UserRow]:
        return self._read(lambda s: contract_list.contract_owner_choices(s, self.actor))

    def contract_scopes(self) -> list[str]:
        return contract_list.contract_scopes(self.actor)
