"""The workspace's methods for deals (deals.py), products and lost reasons (pipeline.py), pipeline
settings (pipeline_admin.py): each one unit of work (workspace.py)."""

from __future__ import annotations


class DealMethods:
    pass
