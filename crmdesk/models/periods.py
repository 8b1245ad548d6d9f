"""Calendar periods of targets and reports: a year, a quarter or a month, in the user's local
calendar, and the UTC bounds a query compares stored times with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from crmdesk.models.errors import ValidationFailed

MIN_YEAR, MAX_YEAR = 1900, 2199


@dataclass(frozen=True, order=True)
class Period:
    """A year (quarter = month = 0), a quarter (1-4, month 0) or a month (1-12, quarter 0)."""

    year: int
    quarter: int = 0
    month: int = 0

    def __post_init__(self) -> None:
        ok = (
            all(isinstance(v, int) and not isinstance(v, bool) for v in self.astuple())
            and MIN_YEAR <= self.year <= MAX_YEAR
            and 0 <= self.quarter <= 4
            and 0 <= self.month <= 12
            and not (self.quarter and self.month)
        )
        if not ok:
            raise ValidationFailed(errors=[("period", "out_of_range")], limits={})

    def astuple(self) -> tuple[int, int, int]:
        return (self.year, self.quarter, self.month)

    @property
    def kind(self) -> str:
        return "month" if self.month else "quarter" if self.quarter else "year"

    @property
    def first_month(self) -> int:
        return self.month or (3 * self.quarter - 2 if self.quarter else 1)

    @property
    def month_count(self) -> int:
        return 1 if self.month else 3 if self.quarter else 12

    @property
    def first_day(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end_day(self) -> date:
        """The day after the period (exclusive end)."""
        last = self.first_month + self.month_count - 1
        return date(self.year + 1, 1, 1) if last == 12 else date(self.year, last + 1, 1)

    @property
    def days(self) -> int:
        return (self.end_day - self.first_day).days

    def months(self) -> list[Period]:
        first = self.first_month
        return [Period(self.year, 0, m) for m in range(first, first + self.month_count)]

    def quarters(self) -> list[Period]:
        """The quarters within (a year's four; a quarter itself; none in a month)."""
        if self.month:
            return []
        return [self] if self.quarter else [Period(self.year, q) for q in range(1, 5)]

    @property
    def parent(self) -> Period | None:
        """A month's quarter, a quarter's year; None for a year."""
        if self.month:
            return Period(self.year, (self.month - 1) // 3 + 1)
        return Period(self.year) if self.quarter else None

    def contains(self, day: date) -> bool:
        return self.first_day <= day < self.end_day

    def previous_year(self) -> Period:
        return Period(self.year - 1, self.quarter, self.month)


def period_of(day: date, kind: str) -> Period:
    if kind == "year":
        return Period(day.year)
    if kind == "quarter":
        return Period(day.year, (day.month - 1) // 3 + 1)
    return Period(day.year, 0, day.month)


def local_midnight_utc(day: date, tz: tzinfo | None) -> datetime:
    """The start of a local calendar day as stored: naive UTC. tz None: the system's zone."""
    wall = datetime(day.year, day.month, day.day)
    local = wall.astimezone() if tz is None else wall.replace(tzinfo=tz)
    return local.astimezone(UTC).replace(tzinfo=None)


def day_bounds(first: date, end: date, tz: tzinfo | None) -> tuple[datetime, datetime]:
    """[first, end) local days as naive UTC bounds."""
    return local_midnight_utc(first, tz), local_midnight_utc(end, tz)


def period_bounds(period: Period, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The period's [start, end) as naive UTC datetimes (compare with stored times)."""
    return day_bounds(period.first_day, period.end_day, tz)


def elapsed_fraction(period: Period, today: date) -> float:
    """How much of the period has gone by on `today` (today counted as gone): 0.0 … 1.0."""
    if today < period.first_day:
        return 0.0
    if today >= period.end_day - timedelta(days=1):
        return 1.0
    return ((today - period.first_day).days + 1) / period.days


def moment_on_day(won_on: date | None, now: datetime, tz: tzinfo | None = None) -> datetime:
    """A moment on the local day `won_on` as stored (naive UTC): that day at the local time of
    `now`, never later than now (a deal won "on 31 March": deal_moves.closed_at). The day is
    the user's (tz; None: the system's), so it counts for March wherever the UTC date is."""
    if won_on is None:
        return now
    aware = now.replace(tzinfo=UTC)
    local = aware.astimezone() if tz is None else aware.astimezone(tz)
    moment = datetime.combine(won_on, local.time().replace(tzinfo=None)).replace(
        tzinfo=local.tzinfo
    )
    if tz is None:  # the system's offset on that day, not today's (summer time)
        moment = moment.replace(tzinfo=None).astimezone()
    return min(moment.astimezone(UTC).replace(tzinfo=None), now)
