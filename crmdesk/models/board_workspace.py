"""The workspace's methods for the pipeline board and deal list (deal_board.py): each one unit of
work (workspace.py)."""

from __future__ import annotations


class BoardMethods:
    pass
