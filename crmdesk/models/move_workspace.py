"""The workspace's methods for moving deals through their stages and approvals (deal_moves.py):
each one unit of work (workspace.py)."""

from __future__ import annotations


class MoveMethods:
    pass
