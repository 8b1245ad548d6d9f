"""The workspace's methods for contracts (contracts.py: fields, lines, numbers, plans, status,
approvals): each one unit of work (workspace.py)."""

from __future__ import annotations


class ContractMethods:
    pass
