"""Dates and times of an import's cells: a date or datetime cell as calamine typed it, an Excel
serial number (1900 system), or the text people type (ISO, 2024/3/5, 2024年3月5日, 20240305,
05/03/2024, 5-Mar-2024, Mar 5, 2024 ...). Part of the value rules (excel_values re-exports
day and moment); ValueError("bad_date") for anything else or outside the schema's years.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from crmdesk.models.checks import EARLIEST, LATEST

_FIRST_DAY = EARLIEST.date()
_LAST_DAY = LATEST.date()
_EXCEL_EPOCH = datetime(1899, 12, 30)  # serial 61 and on; before the 1900 leap bug, one later
_MAX_SERIAL = 2958465  # 9999-12-31


def _fail(code: str) -> ValueError:
    return ValueError(code)


_MONTH_NAMES = (
    "jan/january feb/february mar/march apr/april may jun/june jul/july aug/august"
    " sep/sept/september oct/october nov/november dec/december"
)
_MONTHS = {n: i + 1 for i, names in enumerate(_MONTH_NAMES.split()) for n in names.split("/")}
_TIME = (  # an optional time: hour, minute, second, fraction, am/pm
    r"(?:\s*[T\s]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?\s*([AaPp][Mm])?)?"
)
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?" + _TIME + r"\s*$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})" + _TIME + r"\s*$")
_DMY = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})" + _TIME + r"\s*$")
_D_MON_Y = re.compile(r"^(\d{1,2})[-\s]+([A-Za-z]{3,9})\.?,?[-\s]+(\d{4}|\d{2})" + _TIME + r"\s*$")
_MON_D_Y = re.compile(
    r"^([A-Za-z]{3,9})\.?[-\s]+(\d{1,2})(?:st|nd|rd|th)?,?[-\s]+(\d{4})" + _TIME + r"\s*$"
)


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:  # as Excel reads a two-digit year: 00–29 → 2000s, 30–99 → 1900s
        y += 2000 if y < 30 else 1900
    return y


def _make(y: int, mo: int, d: int, g: tuple[str | None, ...]) -> datetime:
    """A datetime of the date parts and the regex's time groups (hour, minute, second,
    fraction, am/pm); any part out of range → bad_date."""
    hh, mm, ss, frac, ampm = g
    try:
        h = int(hh) if hh else 0
        if ampm:
            if not 1 <= h <= 12:
                raise _fail("bad_date")
            h = h % 12 + (12 if ampm.lower() == "pm" else 0)
        at = datetime(y, mo, d, h, int(mm or 0), int(ss or 0))
    except ValueError:
        raise _fail("bad_date") from None
    if frac and int(frac.ljust(6, "0")) >= 500_000:
        at += timedelta(seconds=1)
    return at


def _parse_text(s: str, day_first: bool) -> datetime:
    s = s.strip()
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        try:
            return datetime.fromisoformat(s)
        except ValueError:
            pass
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)
    m = _YMD.match(s) or _COMPACT.match(s)
    if m:
        g = m.groups()
        return _make(int(g[0]), int(g[1]), int(g[2]), g[3:])
    m = _DMY.match(s)
    if m:
        g = m.groups()
        a, b, y = int(g[0]), int(g[1]), _year(g[2])
        if a > 12 >= b:  # only one reading is a date
            day_first = True
        elif b > 12 >= a:
            day_first = False
        d, mo = (a, b) if day_first else (b, a)
        return _make(y, mo, d, g[3:])
    m = _D_MON_Y.match(s)
    if m:
        g = m.groups()
        mo = _MONTHS.get(g[1].lower())
        if mo:
            return _make(_year(g[2]), mo, int(g[0]), g[3:])
    m = _MON_D_Y.match(s)
    if m:
        g = m.groups()
        mo = _MONTHS.get(g[0].lower())
        if mo:
            return _make(int(g[2]), mo, int(g[1]), g[3:])
    try:  # ISO 8601 with T, fractions or an offset: the wall clock as written, offset dropped
        at = datetime.fromisoformat(s)
    except ValueError:
        raise _fail("bad_date") from None
    return at.replace(tzinfo=None)


def _serial(v: float) -> datetime:
    """An Excel serial day (1900 system) as a datetime to the second. Serial 60 is Excel's
    29 February 1900, a day that never was → bad_date."""
    if not 1 <= v < _MAX_SERIAL + 1 or 60 <= v < 61:
        raise _fail("bad_date")
    base = _EXCEL_EPOCH if v >= 61 else _EXCEL_EPOCH + timedelta(days=1)
    return base + timedelta(seconds=round(v * 86400))


def _moment(v: Any, day_first: bool) -> datetime:
    if isinstance(v, str):
        at = _parse_text(v, day_first)
    elif isinstance(v, datetime):
        at = v.replace(tzinfo=None)
        if at.microsecond:
            at = at.replace(microsecond=0) + timedelta(seconds=at.microsecond >= 500_000)
    elif isinstance(v, date):
        at = datetime(v.year, v.month, v.day)
    elif isinstance(v, bool) or not isinstance(v, int | float):
        raise _fail("bad_date")
    elif isinstance(v, int) and 19000101 <= v <= 99991231:  # 20240305 typed as a number
        at = _make(v // 10000, v // 100 % 100, v % 100, (None,) * 5)
    elif v != v:  # NaN
        raise _fail("bad_date")
    else:
        at = _serial(v)
    if not EARLIEST <= at <= LATEST:
        raise _fail("bad_date")
    return at


def day(v: Any, day_first: bool = False) -> date:
    """A date: a date or datetime cell, an Excel serial number (1900 system), or text
    2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, 05/03/2024 (day_first) or
    03/05/2024 (month first; 13/05/2024 is read the one way it can be), 5-Mar-2024,
    Mar 5, 2024; a time part is ignored. Between 1900-01-01 and 2199-12-31, else "bad_date"."""
    if v.__class__ is date:
        if not _FIRST_DAY <= v <= _LAST_DAY:
            raise _fail("bad_date")
        return v
    return _moment(v, day_first).date()


def moment(v: Any, day_first: bool = False) -> datetime:
    """As day() but a datetime keeping the time (naive: the sheet's local time as given; an
    ISO offset is dropped), to the second. A date alone is midnight."""
    if v.__class__ is datetime and not v.microsecond and v.tzinfo is None:
        if not EARLIEST <= v <= LATEST:
            raise _fail("bad_date")
        return v
    return _moment(v, day_first)


def to_utc(at: datetime, zone: tzinfo) -> datetime:
    """A sheet's wall-clock time in `zone` as stored: naive UTC; outside the schema's years
    → bad_date."""
    if zone is UTC:
        return at
    utc = at.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
    if not EARLIEST <= utc <= LATEST:
        raise _fail("bad_date")
    return utc


class SystemZone(tzinfo):
    """The computer's own zone, with the offset the system gives for each moment (summer time
    included), as the app shows stored times (views.table_model.local_moment). The wizard and
    the command line hand it to validate (ValueOptions.zone); a moment the system cannot place
    (before 1970 on Windows) takes today's offset."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        try:
            return (dt or datetime(2000, 1, 1)).replace(tzinfo=None).astimezone().utcoffset()
        except (OverflowError, OSError, ValueError):
            return datetime.now(UTC).astimezone().utcoffset()

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "local"

    def fromutc(self, dt: datetime) -> datetime:
        naive = dt.replace(tzinfo=None)
        try:
            local = naive.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            local = naive + datetime.now(UTC).astimezone().utcoffset()
        return local.replace(tzinfo=self)

    def __repr__(self) -> str:
        return "SystemZone()"
