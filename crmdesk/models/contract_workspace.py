"""The workspace's methods for contracts (contracts.py: fields, lines, numbers, plans;
contract_status.py: status, approvals, the recycle bin, from a won deal; contract_numbers.py:
the admin's settings; contract_detail.py: reading): each one unit of work (workspace.py)."""

from __future__ import annotations

from collections.abc import Sequence

from crmdesk.models import contract_detail, contract_numbers, contract_status, contracts
from crmdesk.models.changes import WriteResult
from crmdesk.models.contract_rules import ContractInput, ContractSettings, InstalmentInput
from crmdesk.models.today import local_day


class ContractMethods:
    """Needs the Workspace's _read, _write, clock and actor."""

    def create_contract(self, data: ContractInput) -> WriteResult[int]:
        return self._write(lambda s, actor: contracts.create_contract(s, actor, data, self.clock()))

    def update_contract(
        self, contract_id: int, data: ContractInput, base_version: int, overwrite: bool = False
    ) -> WriteResult[contract_detail.ContractDetail]:
        return self._write(
            lambda s, actor: contracts.update_contract(
                s, actor, contract_id, data, base_version, self.clock(), overwrite=overwrite
            )
        )

    def save_contract(
        self,
        contract_id: int,
        data: ContractInput,
        instalments: Sequence[InstalmentInput] | None,
        base_version: int,
        overwrite: bool = False,
        *,
        allow_difference: bool = False,
    ) -> WriteResult[contract_detail.ContractDetail]:
        """The dialog's Save: fields, lines and (unless None) the plan in one unit of work."""
        return self._write(
            lambda s, actor: contracts.save_contract(
                s, actor, contract_id, data, instalments, base_version, self.clock(),
                overwrite, allow_difference=allow_difference,
            )
        )  # fmt: skip

    def save_plan(
        self,
        contract_id: int,
        instalments: Sequence[InstalmentInput],
        base_version: int,
        allow_difference: bool = False,
    ) -> WriteResult[contract_detail.ContractDetail]:
        return self._write(
            lambda s, actor: contracts.save_plan(
                s, actor, contract_id, instalments, base_version, self.clock(),
                allow_difference=allow_difference,
            )
        )  # fmt: skip

    def set_contract_status(
        self, contract_id: int, status: str, base_version: int
    ) -> WriteResult[contract_detail.ContractDetail]:
        """Activating above the limits files a request: the result's awaiting_approval."""
        return self._write(
            lambda s, actor: contract_status.set_status(
                s, actor, contract_id, status, base_version, self.clock()
            )
        )

    def delete_contract(self, contract_id: int) -> WriteResult[None]:
        return self._write(
            lambda s, actor: contract_status.delete_contract(s, actor, contract_id, self.clock())
        )

    def restore_contract(self, contract_id: int) -> WriteResult[None]:
        return self._write(
            lambda s, actor: contract_status.restore_contract(s, actor, contract_id, self.clock())
        )

    def contract(self, contract_id: int) -> contract_detail.ContractDetail:
        """today: the user's local day, for the overdue days (as the list counts them)."""
        today = local_day(self.clock()).date
        return self._read(
            lambda s: contract_detail.read_contract(s, self.actor, contract_id, today)
        )

    def customer_contracts(self, customer_id: int) -> list[contract_detail.ContractRow]:
        return self._read(lambda s: contract_detail.customer_contracts(s, self.actor, customer_id))

    def contract_from_deal(self, deal_id: int) -> ContractInput:
        """A won deal's contract, filled in and not saved: give it to create_contract."""
        return self._read(lambda s: contract_status.contract_from_deal(s, self.actor, deal_id))

    def contract_settings(self) -> ContractSettings:
        return self._read(contract_numbers.contract_settings)

    def save_contract_settings(self, data: ContractSettings) -> WriteResult[ContractSettings]:
        return self._write(
            lambda s, actor: contract_numbers.save_contract_settings(s, actor, data, self.clock())
        )
