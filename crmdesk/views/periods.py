"""Calendar periods a filter offers (this month, last quarter, the next 90 days…), as the days
they span in the user's calendar: one rule for every list that filters by a date."""

from __future__ import annotations

from datetime import date, timedelta


def month_start(day: date, back: int = 0) -> date:
    """The first of day's month, `back` months earlier (negative: later)."""
    months = day.year * 12 + day.month - 1 - back
    return date(months // 12, months % 12 + 1, 1)


def period_dates(period: str, today: date) -> tuple[date | None, date | None]:
    """(first day, last day) of the period, None for an open end; (None, None) for any.
    Periods: this/last/next_month, this/last_quarter, this/last_year, next_90 (today and the
    next 90 days), overdue (before today)."""
    this_month = month_start(today)
    quarter = month_start(today, (today.month - 1) % 3)
    spans = {
        "this_month": (this_month, month_start(today, -1) - timedelta(days=1)),
        "last_month": (month_start(today, 1), this_month - timedelta(days=1)),
        "next_month": (month_start(today, -1), month_start(today, -2) - timedelta(days=1)),
        "this_quarter": (quarter, month_start(quarter, -3) - timedelta(days=1)),
        "last_quarter": (month_start(quarter, 3), quarter - timedelta(days=1)),
        "this_year": (date(today.year, 1, 1), date(today.year, 12, 31)),
        "last_year": (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
        "next_90": (today, today + timedelta(days=90)),
        "overdue": (None, today - timedelta(days=1)),
    }
    return spans.get(period, (None, None))
