"""The columns of the deal list (the pipeline page's list view), declared for
WindowedTableModel; the rows come from models.deal_board.list_deals."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush

from crmdesk.views.board import STALE
from crmdesk.views.deal_words import deal_words, money, stage_code_name
from crmdesk.views.labels import local_time
from crmdesk.views.table_model import Column, local_moment

_STALE = QBrush(STALE)


def status_text(code: str) -> str:
    return {
        "open": QCoreApplication.translate("DealColumns", "Open"),
        "won": QCoreApplication.translate("DealColumns", "Won"),
        "lost": QCoreApplication.translate("DealColumns", "Lost"),
    }.get(code, code)


def _days(row) -> str:
    return deal_words().days_in_stage(row.days_in_stage) if row.status == "open" else ""


def _stale(row, _now: datetime) -> QBrush | None:
    return _STALE if row.stale else None


def deal_columns() -> list[Column]:
    return [
        Column("title", QCoreApplication.translate("DealColumns", "Deal"), 200,
               lambda r: r.title, tooltip=True),
        Column("customer", QCoreApplication.translate("DealColumns", "Customer"), 180,
               lambda r: r.customer_name, tooltip=True),
        Column("stage", QCoreApplication.translate("DealColumns", "Stage"), 120,
               lambda r: stage_code_name(r.stage_code, r.stage_name)),
        Column("amount", QCoreApplication.translate("DealColumns", "Amount"), 110,
               lambda r: money(r.amount, cents=False) if r.amount else "",
               cell=lambda r: r.amount or None, kind="money"),
        Column("probability", QCoreApplication.translate("DealColumns", "Probability"), 90,
               lambda r: f"{r.probability}%", center=True,
               cell=lambda r: r.probability / 100, kind="percent"),
        Column("owner", QCoreApplication.translate("DealColumns", "Owner"), 90,
               lambda r: r.owner_name),
        Column("expected_close", QCoreApplication.translate("DealColumns", "Expected close"), 100,
               lambda r: r.expected_close.isoformat() if r.expected_close else "",
               cell=lambda r: r.expected_close, kind="date"),
        # Sorted by when the deal entered its stage: the longest in the stage first ascending.
        Column("stage_entered_at", QCoreApplication.translate("DealColumns", "In stage"), 130,
               _days, foreground=_stale,
               cell=lambda r: r.days_in_stage if r.status == "open" else None, kind="int"),
        Column("updated_at", QCoreApplication.translate("DealColumns", "Updated"), 120,
               lambda r: local_time(r.updated_at),
               cell=lambda r: local_moment(r.updated_at), kind="datetime"),
    ]  # fmt: skip
