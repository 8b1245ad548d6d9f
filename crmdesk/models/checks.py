"""Checking input against the schema's own limits before it reaches the database.

Text lengths come from the column definitions, so the servers never raise a raw DataError and
SQLite never stores what they would refuse (ARCHITECTURE §5b). A Text column holds at most
TEXT_LIMIT characters everywhere: MariaDB's TEXT is 65,535 bytes, four bytes a character at
worst. NUL and other control characters (tab and line breaks excepted) are refused in stored
text, stripped from searches. Times are naive UTC to the second: MySQL's DATETIME keeps no
fractions, so a finer time would read back different from what was written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from crmdesk.models.errors import NotFound, ValidationFailed

TEXT_LIMIT = 16_000
MAX_ID = 2**31 - 1  # INTEGER on PostgreSQL and MySQL
MAX_PAGE = 1000
MAX_OFFSET = MAX_ID
SEARCH_LIMIT = 200
EARLIEST = datetime(1900, 1, 1)
LATEST = datetime(2199, 12, 31, 23, 59, 59)

_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def limit_of(column: Any) -> int:
    """The most characters a column holds: String(n) holds n, Text holds TEXT_LIMIT."""
    length = getattr(column.type, "length", None)
    return int(length) if length else TEXT_LIMIT


def has_bad_character(value: str) -> bool:
    if _BAD.search(value):
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no database can store it
        return True
    return False


def strip_bad_characters(value: str) -> str:
    value = _BAD.sub("", value)
    return value.encode("utf-8", "ignore").decode("utf-8")


def utc_now() -> datetime:
    """The clock of the program: naive UTC to the second, as times are stored."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def clean_time(value: datetime) -> datetime:
    """Naive UTC, to the second."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0)


class Checker:
    """Collects every problem of one input, so the user sees all of them at once."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.errors: list[tuple[str, str]] = []
        self.limits: dict[str, int] = {}

    def sub(self, prefix: str) -> Checker:
        """A checker for a part of the input (the third contact: "contacts.2.") that records
        into this one."""
        part = Checker(self.prefix + prefix)
        part.errors, part.limits = self.errors, self.limits
        return part

    def fail(self, field: str, code: str, limit: int | None = None) -> None:
        name = self.prefix + field
        self.errors.append((name, code))
        if limit is not None:
            self.limits[name] = limit

    def text(
        self, field: str, value: Any, column: Any, *, required: bool = False, strip: bool = True
    ) -> str:
        """The value as it will be stored (stripped), or "" after recording what is wrong."""
        if not isinstance(value, str):
            self.fail(field, "invalid")
            return ""
        if strip:
            value = value.strip()
        if has_bad_character(value):
            self.fail(field, "bad_character")
            return ""
        if required and not value:
            self.fail(field, "required")
        limit = limit_of(column)
        if len(value) > limit:
            self.fail(field, "too_long", limit)
        return value

    def choice(self, field: str, value: Any, allowed: Sequence[str]) -> str:
        if value not in allowed:
            self.fail(field, "invalid")
            return allowed[0]
        return value

    def time(self, field: str, value: Any, *, required: bool = True) -> datetime | None:
        if value is None:
            if required:
                self.fail(field, "required")
            return None
        if not isinstance(value, datetime):
            self.fail(field, "invalid")
            return None
        value = clean_time(value)
        if not EARLIEST <= value <= LATEST:
            self.fail(field, "out_of_range")
            return None
        return value

    def day(self, field: str, value: Any) -> date | None:
        if value is None:
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            self.fail(field, "invalid")
            return None
        if not EARLIEST.date() <= value <= LATEST.date():
            self.fail(field, "out_of_range")
            return None
        return value

    def count(self, field: str, items: Sequence[Any], limit: int) -> None:
        if len(items) > limit:
            self.fail(field, "too_many", limit)

    def done(self) -> None:
        if self.errors:
            raise ValidationFailed(errors=self.errors, limits=self.limits)


def problems(check: Callable[[Any], Any], value: Any) -> list[tuple[str, str]]:
    """What check() finds wrong with value, as (field, code) pairs, for a form to show before
    it saves (the service runs the same check again)."""
    try:
        check(value)
    except ValidationFailed as exc:
        return list(exc.params["errors"])
    return []


def check_id(value: Any, what: str) -> int:
    """An id that cannot exist does not exist."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise NotFound(what=what, id=value)
    return value


def check_page(offset: Any, limit: Any, most: int = MAX_PAGE) -> tuple[int, int]:
    c = Checker()
    if isinstance(offset, bool) or not isinstance(offset, int) or not 0 <= offset <= MAX_OFFSET:
        c.fail("offset", "out_of_range")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= most:
        c.fail("limit", "out_of_range", most)
    c.done()
    return offset, limit


def clean_search(value: Any) -> str:
    """Search text never fails: what cannot be searched for is dropped."""
    if not isinstance(value, str):
        return ""
    return strip_bad_characters(value)[:SEARCH_LIMIT]
