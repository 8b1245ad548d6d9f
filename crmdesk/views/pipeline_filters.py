"""The pipeline page's filter of the expected close date: which window each choice means, in
the user's calendar."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QWidget

PERIODS = ("any", "overdue", "this_month", "next_month", "this_quarter", "next_90")


def period_dates(period: str, today: date) -> tuple[date | None, date | None]:
    """The expected-close window a period choice means, in the user's calendar."""
    month_start = today.replace(day=1)
    next_month = (month_start + timedelta(days=32)).replace(day=1)
    if period == "overdue":
        return None, today - timedelta(days=1)
    if period == "this_month":
        return month_start, next_month - timedelta(days=1)
    if period == "next_month":
        after = (next_month + timedelta(days=32)).replace(day=1)
        return next_month, after - timedelta(days=1)
    if period == "this_quarter":
        first = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        end = first
        for _ in range(3):
            end = (end + timedelta(days=32)).replace(day=1)
        return first, end - timedelta(days=1)
    if period == "next_90":
        return today, today + timedelta(days=90)
    return None, None


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
