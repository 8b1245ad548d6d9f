"""The reports page's results as tables: the rows its on-screen tables show and the
ReportSheets of the workbook export (models.report_workbook), built from the same results so
the file says what the screen says. Titles and headers translated here; figures stay numbers
(Decimal money, whole counts, percents as 45.0)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from crmdesk.models.analytics_types import ActivityResult, Breakdown, FunnelResult
from crmdesk.models.report_workbook import ReportSheet
from crmdesk.views.deal_words import stage_code_name
from crmdesk.views.labels import kind_label
from crmdesk.views.report_words import (
    bucket_label,
    measure_name,
    month_labels,
    series_name,
)


@dataclass(frozen=True)
class FunnelRow:
    """A row of the funnel's table (and a bar of its chart): part "stage", "won" or "lost"."""

    part: str
    stage_id: int | None
    name: str
    deals: int
    amount: Decimal
    conversion: Decimal | None
    avg_days: Decimal | None


def funnel_rows(f: FunnelResult) -> list[FunnelRow]:
    rows = [
        FunnelRow(
            "stage",
            s.stage_id,
            stage_code_name(s.code, s.name),
            s.deals,
            s.amount,
            s.conversion,
            s.avg_days,
        )
        for s in f.stages
    ]
    last = f.stages[-1].deals if f.stages else 0
    won_conv = (Decimal(100 * f.won) / last).quantize(Decimal("0.1")) if last else None
    won_name = (
        stage_code_name(f.won_stage[2], f.won_stage[1])
        if f.won_stage
        else QCoreApplication.translate("ReportSheets", "Won")
    )
    lost_name = (
        stage_code_name(f.lost_stage[2], f.lost_stage[1])
        if f.lost_stage
        else QCoreApplication.translate("ReportSheets", "Lost")
    )
    rows.append(FunnelRow("won", None, won_name, f.won, f.won_amount, won_conv, None))
    rows.append(FunnelRow("lost", None, lost_name, f.lost, f.lost_amount, None, None))
    return rows


def funnel_sheet(f: FunnelResult, title: str, subtitle: str) -> ReportSheet:
    rows = tuple((r.name, r.deals, r.amount, r.conversion, r.avg_days) for r in funnel_rows(f))
    notes = (
        subtitle,
        QCoreApplication.translate("ReportSheets", "Deals created: %1").replace(
            "%1", str(f.created)
        ),
        QCoreApplication.translate("ReportSheets", "Win rate: %1").replace(
            "%1", "" if f.win_rate is None else f"{f.win_rate}%"
        ),
        QCoreApplication.translate("ReportSheets", "Average cycle (days): %1").replace(
            "%1", "" if f.cycle_days is None else str(f.cycle_days)
        ),
    )
    return ReportSheet(
        title=title,
        headers=(
            QCoreApplication.translate("ReportSheets", "Stage"),
            QCoreApplication.translate("ReportSheets", "Deals"),
            QCoreApplication.translate("ReportSheets", "Amount"),
            QCoreApplication.translate("ReportSheets", "Conversion"),
            QCoreApplication.translate("ReportSheets", "Days in stage"),
        ),
        rows=rows,
        kinds=("text", "int", "money", "percent", "number"),
        chart="bar",
        chart_title=title,
        series_columns=(1,),
        notes=notes,
    )


def breakdown_table(b: Breakdown) -> tuple[list[str], list[list]]:
    """(headers, rows): a series a row, a month a column, then the total; the last row the
    months' totals."""
    headers = [
        QCoreApplication.translate("ReportSheets", "Series"),
        *month_labels(b.months),
        QCoreApplication.translate("ReportSheets", "Total"),
    ]
    rows = [[series_name(s, b.by, b.measure), *s.values, s.total] for s in b.series]
    if len(b.series) > 1:
        rows.append([QCoreApplication.translate("ReportSheets", "Total"), *b.totals, b.total])
    return headers, rows


def monthly_sheet(
    b: Breakdown, targets: tuple[Decimal | None, ...] | None, title: str, subtitle: str
) -> ReportSheet:
    """Months down, series across (so Excel stacks the series per month), the target last as
    a line."""
    is_money = b.measure in ("won_amount", "lost_amount")
    kind = "money" if is_money else "int"
    names = [series_name(s, b.by, b.measure) for s in b.series]
    headers = [QCoreApplication.translate("ReportSheets", "Month"), *names]
    labels = month_labels(b.months)
    rows = []
    for i, label in enumerate(labels):
        row = [label, *[s.values[i] if is_money else int(s.values[i]) for s in b.series]]
        if targets is not None:
            row.append(targets[i])
        rows.append(tuple(row))
    kinds = ["text"] + [kind] * len(b.series)
    lines: tuple[int, ...] = ()
    if targets is not None:
        headers.append(QCoreApplication.translate("ReportSheets", "Target"))
        kinds.append("money" if is_money else "number")
        lines = (len(headers) - 1,)
    return ReportSheet(
        title=title,
        headers=tuple(headers),
        rows=tuple(rows),
        kinds=tuple(kinds),
        chart="stacked",
        chart_title=f"{measure_name(b.measure)} · {subtitle}",
        line_columns=lines,
        notes=(subtitle,),
    )


def totals_sheet(b: Breakdown, title: str, header: str, subtitle: str) -> ReportSheet:
    """A breakdown's series totals (lost reasons, sources) as horizontal bars."""
    is_money = b.measure in ("won_amount", "lost_amount")
    rows = tuple(
        (series_name(s, b.by, b.measure), s.total if is_money else int(s.total)) for s in b.series
    )
    return ReportSheet(
        title=title,
        headers=(header, measure_name(b.measure)),
        rows=rows,
        kinds=("text", "money" if is_money else "int"),
        chart="bar",
        chart_title=title,
        notes=(subtitle,),
    )


def activity_table(a: ActivityResult) -> tuple[list[str], list[str], list[list]]:
    """(headers, kinds, rows) of the reps' activity: rep, team, follow-ups, one column per
    bucket, per kind, new customers, deals created, won, won amount."""
    with_year = len({b[0].year for b in a.buckets}) > 1
    headers = [
        QCoreApplication.translate("ReportSheets", "Rep"),
        QCoreApplication.translate("ReportSheets", "Team"),
        QCoreApplication.translate("ReportSheets", "Follow-ups"),
    ]
    headers += [bucket_label(first, a.granularity, with_year) for first, _end in a.buckets]
    headers += [kind_label(k) for k in a.kinds]
    headers += [
        QCoreApplication.translate("ReportSheets", "New customers"),
        QCoreApplication.translate("ReportSheets", "Deals created"),
        QCoreApplication.translate("ReportSheets", "Deals won"),
        QCoreApplication.translate("ReportSheets", "Won amount"),
    ]
    kinds = ["text", "text"] + ["int"] * (1 + len(a.buckets) + len(a.kinds) + 3) + ["money"]
    rows = []
    for r in a.rows:
        rows.append(
            [
                r.name,
                r.team_name,
                sum(r.follow_ups),
                *r.follow_ups,
                *r.by_kind,
                r.new_customers,
                r.deals_created,
                r.deals_won,
                r.won_amount,
            ]
        )
    return headers, kinds, rows


def activity_sheet(a: ActivityResult, title: str, subtitle: str) -> ReportSheet:
    headers, kinds, rows = activity_table(a)
    return ReportSheet(
        title=title,
        headers=tuple(headers),
        rows=tuple(tuple(r) for r in rows),
        kinds=tuple(kinds),
        chart="column" if rows else "none",
        chart_title=title,
        series_columns=(2,),  # the follow-ups per rep
        notes=(subtitle,),
    )
