"""The workspace's methods for the contracts list (contract_list.py): each one unit of work
(workspace.py)."""

from __future__ import annotations


class ContractListMethods:
    pass
