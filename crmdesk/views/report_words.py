"""Words of the reports page: the measures', groupings', periods' and granularities' names, a
breakdown series' name (its code translated: "none", the folded "_rest", built-in lost
reasons, follow-up kinds; the deal words' and labels' existing translations reused), month
and bucket labels, and numbers written for a chart: full money for a hovered value, compact
(12.3万 / 123K) on an axis. No pyqtgraph here."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from crmdesk.models.analytics_types import ALL, NONE, OTHER, Series
from crmdesk.models.periods import Period
from crmdesk.views.deal_words import lost_reason_label, money
from crmdesk.views.labels import kind_label

# The breakdown measures the Monthly report offers, in this order, and their target metric.
MONTHLY_MEASURES = (
    "won_amount",
    "won_count",
    "new_customers",
    "follow_ups",
    "pool_in",
    "pool_out",
    "lost_count",
    "lost_amount",
)
TARGET_METRIC = {m: m for m in ("won_amount", "won_count", "new_customers", "follow_ups")}


def measure_name(measure: str) -> str:
    return {
        "won_amount": QCoreApplication.translate("ReportWords", "Won amount"),
        "won_count": QCoreApplication.translate("ReportWords", "Deals won"),
        "lost_amount": QCoreApplication.translate("ReportWords", "Lost amount"),
        "lost_count": QCoreApplication.translate("ReportWords", "Deals lost"),
        "new_customers": QCoreApplication.translate("ReportWords", "New customers"),
        "follow_ups": QCoreApplication.translate("ReportWords", "Follow-ups"),
        "pool_in": QCoreApplication.translate("ReportWords", "Into the pool"),
        "pool_out": QCoreApplication.translate("ReportWords", "Out of the pool"),
    }.get(measure, measure)


def by_name(by: str) -> str:
    return {
        "none": QCoreApplication.translate("ReportWords", "No breakdown"),
        "rep": QCoreApplication.translate("ReportWords", "By rep"),
        "team": QCoreApplication.translate("ReportWords", "By team"),
        "source": QCoreApplication.translate("ReportWords", "By source"),
        "product": QCoreApplication.translate("ReportWords", "By product"),
        "industry": QCoreApplication.translate("ReportWords", "By industry"),
        "lost_reason": QCoreApplication.translate("ReportWords", "By lost reason"),
        "follow_up_kind": QCoreApplication.translate("ReportWords", "By kind"),
    }.get(by, by)


def none_name(by: str) -> str:
    """The series of rows without a key (no source, no team…)."""
    return {
        "rep": QCoreApplication.translate("ReportWords", "No owner"),
        "team": QCoreApplication.translate("ReportWords", "No team"),
        "source": QCoreApplication.translate("ReportWords", "No source"),
        "product": QCoreApplication.translate("ReportWords", "No product"),
        "industry": QCoreApplication.translate("ReportWords", "No industry"),
        "lost_reason": QCoreApplication.translate("ReportWords", "No reason given"),
        "follow_up_kind": QCoreApplication.translate("ReportWords", "No kind"),
    }.get(by, QCoreApplication.translate("ReportWords", "None"))


def series_name(series: Series, by: str, measure: str) -> str:
    if series.code == ALL:
        return measure_name(measure)
    if series.code == NONE:
        return none_name(by)
    if series.code == OTHER:  # the folded series ("_rest": no lost reason's code)
        return QCoreApplication.translate("ReportWords", "Others")
    if series.code and by == "lost_reason":
        return lost_reason_label(series.code)
    if series.code and by == "follow_up_kind":
        return kind_label(series.code)
    return series.label or series.code or none_name(by)


def is_chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def month_label(p: Period, with_year: bool) -> str:
    """1月 / Jan; with the year where a range spans years: 2025年11月 / Nov 2025."""
    if is_chinese():
        return f"{p.year}年{p.month}月" if with_year else f"{p.month}月"
    name = QLocale().monthName(p.month, QLocale.FormatType.ShortFormat)
    return f"{name} {p.year}" if with_year else name


def month_labels(months: tuple[Period, ...] | list[Period]) -> tuple[str, ...]:
    with_year = len({p.year for p in months}) > 1
    return tuple(month_label(p, with_year) for p in months)


def day_label(day: date) -> str:
    return f"{day.month}/{day.day}" if not is_chinese() else f"{day.month}月{day.day}日"


def bucket_label(first: date, granularity: str, with_year: bool) -> str:
    if granularity == "month":
        return month_label(Period(first.year, 0, first.month), with_year)
    if granularity == "week":
        return QCoreApplication.translate("ReportWords", "Week of %1").replace(
            "%1", day_label(first)
        )
    return day_label(first)


def compact(value: float, is_money: bool) -> str:
    """An axis tick: 12.3万 / 123K / 1.2M past ten thousand, whole numbers below."""
    sign = "¥" if is_money else ""
    v = float(value)
    if abs(v) >= 10_000:
        if is_chinese():
            if abs(v) >= 100_000_000:
                return f"{sign}{v / 100_000_000:.1f}亿".replace(".0亿", "亿")
            return f"{sign}{v / 10_000:.1f}万".replace(".0万", "万")
        if abs(v) >= 1_000_000:
            return f"{sign}{v / 1_000_000:.1f}M".replace(".0M", "M")
        return f"{sign}{v / 1_000:.0f}K"
    if float(v).is_integer():
        return f"{sign}{v:,.0f}"
    return f"{sign}{v:,.1f}"


def full(value: float | Decimal, is_money: bool) -> str:
    """A hovered value or a table cell: ¥12,345.60 / 1,234."""
    if is_money:
        return money(Decimal(str(value)))
    return f"{float(value):,.0f}"


def percent_text(value: Decimal | float | None) -> str:
    return "" if value is None else f"{float(value):.1f}%"


def days_text(value: Decimal | float | None) -> str:
    return (
        ""
        if value is None
        else QCoreApplication.translate("ReportWords", "%1 d").replace("%1", f"{float(value):.1f}")
    )
