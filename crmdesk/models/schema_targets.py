"""The schema of targets and work reports: a target per metric, scope and period (targets.py
sets, splits and rolls them up; target_progress.py measures them), and the reps' daily and
weekly reports with their managers' comments (work_reports.py). Kept beside schema.py, which
imports it; migration 0014 creates the tables.

Target values are Numeric(16, 2) for every metric: money to the cent, counts as whole numbers.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.schema import Base

# won_amount: deals won (their amount, by won day); won_count: deals won (how many);
# payments: money received (回款, payments.received_on, voided ones left out); new_customers:
# customers created (by their creator); follow_ups: follow-ups made (by their author, by day).
TARGET_METRICS = ("won_amount", "won_count", "payments", "new_customers", "follow_ups")
MONEY_METRICS = ("won_amount", "payments")
TARGET_SCOPES = ("company", "team", "rep")
REPORT_KINDS = ("daily", "weekly")
REPORT_STATUSES = ("draft", "submitted")

TargetValue = Numeric(16, 2)


class Target(Base):
    """One cell of the target grid: a metric's target for a scope (the company; a team,
    scope_id = its id; a rep, scope_id = the user's id) over a period (a year: quarter = month
    = 0; a quarter: quarter 1-4, month 0; a month: month 1-12, quarter 0).

    Every level is stored as set: a parent left unset shows its children's sum, a parent set
    shows its own value and what its children leave unallocated (targets.py). scope_id is 0,
    not NULL, for the company, so the unique key holds on all three databases (NULLs are
    distinct in a UNIQUE)."""

    __tablename__ = "targets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    metric: Mapped[str] = mapped_column(String(16))  # TARGET_METRICS
    scope: Mapped[str] = mapped_column(String(8))  # TARGET_SCOPES
    scope_id: Mapped[int] = mapped_column(Integer, default=0)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer, default=0)
    month: Mapped[int] = mapped_column(Integer, default=0)
    value: Mapped[Decimal] = mapped_column(TargetValue)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    __table_args__ = (
        UniqueConstraint(
            "metric", "scope", "scope_id", "year", "quarter", "month", name="uq_targets_cell"
        ),
        Index("ix_targets_year", "year", "metric"),
    )


class WorkReport(Base):
    """A rep's daily (日报) or weekly (周报) report. `figures` is the period's figures as the
    program counted them when the report was last saved (JSON: {"new_customers": 3, ...}),
    kept so a report reads later as it was written; done / problems / plan are the rep's."""

    __tablename__ = "work_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    team_id: Mapped[int | None] = mapped_column(Integer)  # the author's team when written
    kind: Mapped[str] = mapped_column(String(8))  # REPORT_KINDS
    period_start: Mapped[date] = mapped_column(Date)  # the day; a week's Monday
    period_end: Mapped[date] = mapped_column(Date)  # the same day; a week's Sunday
    figures: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="draft")  # REPORT_STATUSES
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    __table_args__ = (
        UniqueConstraint("author_id", "kind", "period_start", name="uq_work_reports_period"),
        # A manager's list: the team's reports of a kind, newest period first.
        Index("ix_work_reports_team", "team_id", "kind", "period_start"),
    )


class WorkReportComment(Base):
    __tablename__ = "work_report_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("work_reports.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(String(2000))
    at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_work_report_comments_report", "report_id", "at"),)
