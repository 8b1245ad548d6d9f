"""The pipeline page's filter of the expected close date (the days each choice spans:
periods.period_dates)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

PERIODS = ("any", "overdue", "this_month", "next_month", "this_quarter", "next_90")


class PeriodCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        periods = {
            "any": self.tr("Any close date"),
            "overdue": self.tr("Close date passed"),
            "this_month": self.tr("Closing this month"),
            "next_month": self.tr("Closing next month"),
            "this_quarter": self.tr("Closing this quarter"),
            "next_90": self.tr("Closing in 90 days"),
        }
        for key in PERIODS:
            self.addItem(periods[key], key)
