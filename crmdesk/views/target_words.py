"""The targets page's words: names of the metrics, scopes, periods, progress statuses, split
methods, a split plan's notes, a grid cell in words (cell_text) and the problems of an imported
file, and how a target's value is
written (money or a count; the chart's short axis ticks: 12.3万 / 123k). No raw code reaches the
screen: anything unknown falls back to a plain sentence, not to the code."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor, QPalette

from crmdesk.models.periods import Period
from crmdesk.models.schema_targets import MONEY_METRICS, TARGET_METRICS
from crmdesk.views.report_words import compact

if TYPE_CHECKING:  # the grid's types, for the annotations of cell_text only
    from crmdesk.models.targets import TargetRow
    from crmdesk.views.target_grid_model import CellView


def chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def metric_name(code: str) -> str:
    return {
        "won_amount": QCoreApplication.translate("TargetWords", "Won amount"),
        "won_count": QCoreApplication.translate("TargetWords", "Won deals"),
        "payments": QCoreApplication.translate("TargetWords", "Payments received"),
        "new_customers": QCoreApplication.translate("TargetWords", "New customers"),
        "follow_ups": QCoreApplication.translate("TargetWords", "Follow-ups"),
    }.get(code, QCoreApplication.translate("TargetWords", "Target"))


def metrics() -> list[tuple[str, str]]:
    return [(code, metric_name(code)) for code in TARGET_METRICS]


def is_money(metric: str) -> bool:
    return metric in MONEY_METRICS


def company_name() -> str:
    return QCoreApplication.translate("TargetWords", "Company")


def no_team() -> str:
    return QCoreApplication.translate("TargetWords", "No team")


def month_name(month: int) -> str:
    """Jan … Dec, 1月 … 12月 (the locale's short month names): the one name of a month on the
    page (the Period selector, the grid's columns, the chart, the split dialog)."""
    return QLocale().standaloneMonthName(month, QLocale.FormatType.ShortFormat)


def quarter_name(quarter: int) -> str:
    return QCoreApplication.translate("TargetWords", "Q%1").replace("%1", str(quarter))


def period_column(period: Period) -> str:
    """A column head of the distribution grid: Year, Q1, Jan."""
    if period.month:
        return month_name(period.month)
    if period.quarter:
        return quarter_name(period.quarter)
    return QCoreApplication.translate("TargetWords", "Year")


def period_name(period: Period) -> str:
    """The whole year 2026 / Q1 2026 / Jan 2026 (2026年 / 2026年第1季度 / 2026年1月)."""
    if period.month:
        text = QCoreApplication.translate("TargetWords", "%2 %1")
        return text.replace("%1", str(period.year)).replace("%2", month_name(period.month))
    if period.quarter:
        text = QCoreApplication.translate("TargetWords", "Q%2 %1")
        return text.replace("%1", str(period.year)).replace("%2", str(period.quarter))
    return QCoreApplication.translate("TargetWords", "Year %1").replace("%1", str(period.year))


def period_choices() -> list[tuple[tuple[int, int], str]]:
    """The period selector: (quarter, month) and its name, whole year first."""
    out = [((0, 0), QCoreApplication.translate("TargetWords", "Whole year"))]
    out += [((q, 0), quarter_name(q)) for q in range(1, 5)]
    out += [((0, m), month_name(m)) for m in range(1, 13)]
    return out


def status_text(status: str | None) -> str:
    return {
        "ahead": QCoreApplication.translate("TargetWords", "Ahead of time"),
        "behind": QCoreApplication.translate("TargetWords", "Behind time"),
        "on_track": QCoreApplication.translate("TargetWords", "On track"),
    }.get(status or "", QCoreApplication.translate("TargetWords", "No target set"))


def status_key() -> str:
    """What the status colours mean (the Completion card's and the ranking's tooltip)."""
    return QCoreApplication.translate(
        "TargetWords",
        "Completion compared with the time elapsed:\n"
        "Ahead (green): more than 5% ahead of the time elapsed.\n"
        "On track (blue): within 5% of the time elapsed, either way.\n"
        "Behind (red): more than 5% behind the time elapsed.\n"
        "For example, at 50% of the time, 47.5% to 52.5% done is on track.",
    )


def status_color(status: str | None, palette: QPalette) -> QColor | None:
    """Green ahead, red behind, blue on track: darker shades on a light window, lighter ones on
    a dark window, so the words stay readable in both."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    colours = {
        "ahead": ("#1b7f3b", "#5fd07f"),
        "behind": ("#c62828", "#ff7b7b"),
        "on_track": ("#1f5fbf", "#7ab4ff"),
    }
    pair = colours.get(status or "")
    return QColor(pair[1] if dark else pair[0]) if pair else None


# -- values


def value_text(metric: str, value: Decimal | None, *, sign: bool = True) -> str:
    """¥12,345.60 (cents only when there are some) or 1,234; "" for None."""
    if value is None:
        return ""
    value = Decimal(value)
    if not is_money(metric):
        return f"{value.quantize(Decimal(1)):,}"
    prefix = "¥" if sign else ""
    if value == value.to_integral_value():
        return f"{prefix}{value.quantize(Decimal(1)):,}"
    return f"{prefix}{value:,.2f}"


def short_value(metric: str, value: float) -> str:
    """An axis tick, as the reports write it (report_words.compact): ¥12.3万 / ¥1.2亿 in
    Chinese, ¥123K / ¥1.2M otherwise, for money; whole counts for the rest."""
    return compact(value, is_money(metric))


def percent_text(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}%"


def parse_value(text: str) -> Decimal | None | str:
    """A typed target: a Decimal, None for an empty cell (clear it), or "invalid". Accepts
    thousands separators, a currency sign, full-width digits and 万 (×10,000)."""
    t = text.strip().translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,"))
    for junk in ("¥", "￥", ",", " ", "\u00a0"):
        t = t.replace(junk, "")
    if not t:
        return None
    factor = Decimal(1)
    if t.endswith("万"):
        t, factor = t[:-1], Decimal(10_000)
    try:
        value = Decimal(t) * factor
    except ArithmeticError:
        return "invalid"
    return value if value.is_finite() else "invalid"


def value_problem(code: str) -> str:
    return {
        "invalid": QCoreApplication.translate("TargetWords", "Type a number, like 120000 or 12万."),
        "negative": QCoreApplication.translate("TargetWords", "A target cannot be negative."),
        "too_large": QCoreApplication.translate("TargetWords", "This target is too large."),
        "not_whole": QCoreApplication.translate(
            "TargetWords", "A count target is a whole number; money goes to the cent."
        ),
    }.get(code, QCoreApplication.translate("TargetWords", "This value cannot be used as a target."))


# -- splits


def method_name(code: str) -> str:
    return {
        "even": QCoreApplication.translate("TargetWords", "Evenly"),
        "last_year": QCoreApplication.translate("TargetWords", "By last year's share"),
        "suggested": QCoreApplication.translate(
            "TargetWords", "Suggested (70% of the last 3 months, plus a share of the rest)"
        ),
    }.get(code, QCoreApplication.translate("TargetWords", "Evenly"))


def weight_name(code: str) -> str:
    return {
        "even": QCoreApplication.translate("TargetWords", "Rest split evenly"),
        "last_year": QCoreApplication.translate("TargetWords", "Rest split by last year's share"),
    }.get(code, QCoreApplication.translate("TargetWords", "Rest split evenly"))


def note_text(code: str, names: str = "") -> str:
    """A plan's note in words; names: the parts it concerns (some_without_history: those that
    get nothing), listed when given."""
    if code == "some_without_history" and names:
        return QCoreApplication.translate(
            "TargetWords",
            "No figures to go by for %1, so they get nothing of the total: change them by hand "
            "after applying if they should have a share.",
        ).replace("%1", names)
    return {
        "bases_exceed_total": QCoreApplication.translate(
            "TargetWords",
            "The recent months alone already pass the total, so the total is split in "
            "proportion to them.",
        ),
        "no_history": QCoreApplication.translate(
            "TargetWords", "There are no figures to go by, so the total is split evenly."
        ),
        "even_weights": QCoreApplication.translate(
            "TargetWords", "Last year has no figures to go by, so the total is split evenly."
        ),
        "some_without_history": QCoreApplication.translate(
            "TargetWords",
            "Parts with no figures to go by get nothing of the total: change them by hand "
            "after applying if they should have a share.",
        ),
    }.get(code, "")


def split_failure(field: str, code: str) -> str:
    """A plan that could not be made (ValidationFailed of plan_split)."""
    if (field, code) == ("total", "required"):
        return QCoreApplication.translate(
            "TargetWords", "There is no target here to split yet: type one first."
        )
    if (field, code) == ("children", "none"):
        return QCoreApplication.translate(
            "TargetWords", "There is nobody under this row to split the target over."
        )
    if field == "total" and code == "not_whole":
        return QCoreApplication.translate(
            "TargetWords", "A count target is a whole number; make the total whole first."
        )
    if field == "total":
        return value_problem(code)
    return QCoreApplication.translate("TargetWords", "This target cannot be split.")


# -- an imported file's problems


def file_column(column: str) -> str:
    if column in ("Q1", "Q2", "Q3", "Q4"):
        return quarter_name(int(column[1]))
    if column.isdigit() and 1 <= int(column) <= 12:
        return month_name(int(column))
    return {
        "scope": QCoreApplication.translate("TargetWords", "Scope"),
        "login": QCoreApplication.translate("TargetWords", "Login or team"),
        "name": QCoreApplication.translate("TargetWords", "Name"),
        "year": QCoreApplication.translate("TargetWords", "Year"),
        "total": QCoreApplication.translate("TargetWords", "Year"),
        "values": QCoreApplication.translate("TargetWords", "Target columns"),
    }.get(column, column)


def file_problem(code: str) -> str:
    return {
        "missing_column": QCoreApplication.translate(
            "TargetWords", "This column is missing from the sheet."
        ),
        "unknown_scope": QCoreApplication.translate(
            "TargetWords", "The scope must be company, team or rep."
        ),
        "unknown_name": QCoreApplication.translate(
            "TargetWords", "No team or active rep by this name or login."
        ),
        "not_allowed": QCoreApplication.translate(
            "TargetWords", "You may not set targets for this row."
        ),
        "bad_year": QCoreApplication.translate("TargetWords", "Not a year."),
        "duplicate": QCoreApplication.translate(
            "TargetWords", "This row appears twice for the same year."
        ),
        "bad_number": QCoreApplication.translate("TargetWords", "Not a number."),
        "negative": QCoreApplication.translate("TargetWords", "A target cannot be negative."),
        "too_large": QCoreApplication.translate("TargetWords", "Too large."),
        "not_whole": QCoreApplication.translate(
            "TargetWords", "A count must be whole; money goes to the cent."
        ),
    }.get(code, QCoreApplication.translate("TargetWords", "This value cannot be used."))


# -- a cell of the distribution grid
def cell_text(metric: str, row: TargetRow, cell: CellView, year: bool, sep: str = " ") -> str:
    """What a cell holds, in words: set or rolled up, what is left to split (on a row the user
    may edit), whether changed."""
    parts = []
    if cell.value is None and cell.shown is not None:
        parts.append(
            QCoreApplication.translate(
                "TargetTreeModel", "Not set: the sum of the parts below, %1."
            ).replace("%1", value_text(metric, cell.shown))
        )
    warn = row.editable  # what is left to split: said only to who may split it
    if warn and cell.people_left:
        who = (
            QCoreApplication.translate("TargetTreeModel", "teams and reps")
            if row.scope == "company"
            else QCoreApplication.translate("TargetTreeModel", "reps")
        )
        if cell.people_left > 0:
            text = QCoreApplication.translate("TargetTreeModel", "%1 not yet split over its %2.")
        else:
            text = QCoreApplication.translate(
                "TargetTreeModel", "Its %2 add up to %1 more than this target."
            )
        parts.append(
            text.replace("%1", value_text(metric, abs(cell.people_left))).replace("%2", who)
        )
    if warn and cell.periods_left:
        if cell.periods_left > 0:
            text = (
                QCoreApplication.translate("TargetTreeModel", "%1 not yet split over its quarters.")
                if year
                else QCoreApplication.translate(
                    "TargetTreeModel", "%1 not yet split over its months."
                )
            )
        else:
            text = (
                QCoreApplication.translate(
                    "TargetTreeModel", "Its quarters add up to %1 more than this target."
                )
                if year
                else QCoreApplication.translate(
                    "TargetTreeModel", "Its months add up to %1 more than this target."
                )
            )
        parts.append(text.replace("%1", value_text(metric, abs(cell.periods_left))))
    if cell.edited:
        was = (
            value_text(metric, cell.stored)
            if cell.stored is not None
            else QCoreApplication.translate("TargetTreeModel", "not set")
        )
        parts.append(
            QCoreApplication.translate(
                "TargetTreeModel", "Changed, not saved yet (was %1)."
            ).replace("%1", was)
        )
    return sep.join(parts)
