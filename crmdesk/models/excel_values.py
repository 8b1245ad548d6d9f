"""The value rules of an import: one cell as read (str, int, float, bool, date, datetime, ...)
to the clean value a field holds, or ValueError(code) with a CellProblem code.

Each rule is called for every cell of a mapped column (100k rows × 15 columns in about a
second), so the common case takes a fast path first: a str that is already clean, an int or
float phone, a date cell calamine already typed. None and "" are the caller's concern (a field
is required or not): the rules are never called with them. Text that is only blanks comes back
"" from text(); the other rules refuse it. Dates and times: excel_dates (day, moment).

Codes: nul, too_long, bad_phone, bad_email, bad_date, bad_amount, bad_number, bad_percent,
bad_level, bad_status, bad_kind, bad_bool.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from crmdesk.models.excel_dates import day, moment
from crmdesk.models.schema import FOLLOW_UP_KINDS, LEVELS, STATUSES
from crmdesk.models.tags import TAG_LIMIT

__all__ = ["day", "email", "follow_up_kind", "integer", "level", "moment", "money", "percent",
           "phone", "status", "tags", "text", "yes_no"]  # fmt: skip
MONEY_LIMIT = Decimal(10) ** 12
_CENT = Decimal("0.01")
_INT_LIMIT = 2**63


def _fail(code: str) -> ValueError:
    return ValueError(code)


# -- text --------------------------------------------------------------------------------------


def _unprintable(s: str) -> str:
    """s when its only unprintable characters are harmless: tabs, line breaks, blanks (a
    non-breaking or ideographic space is unprintable to isprintable() but fine), format marks;
    a control character (NUL, ...) or a lone surrogate (no database stores it) → "nul"."""
    for ch in s:
        if not ch.isprintable() and ch not in "\t\n\r":
            if unicodedata.category(ch) in ("Cc", "Cs"):
                raise _fail("nul")
    return s


def _clean(s: str) -> str:
    s = s.strip()
    if not s.isprintable():
        _unprintable(s)
    return s


def _number_text(v: float) -> str:
    if v.is_integer():
        return str(int(v))
    return repr(v)  # the shortest text that reads back as the same float: 0.1, not 0.1000…01


def text(v: Any, limit: int | None = None) -> str:
    """The cell as text, trimmed: 12.0 → "12", a date → "2024-03-05", a datetime →
    "2024-03-05 14:30:00", True → "TRUE". Control characters other than tab and line breaks →
    "nul"; more than `limit` characters → "too_long"."""
    if v.__class__ is str:
        s = v.strip()
        if not s.isprintable():
            _unprintable(s)
    elif isinstance(v, str):
        s = _clean(str(v))
    elif isinstance(v, bool):
        s = "TRUE" if v else "FALSE"
    elif isinstance(v, int):
        s = str(v)
    elif isinstance(v, float):
        s = _number_text(v)
    elif isinstance(v, datetime):
        s = v.isoformat(" ", "seconds" if not v.microsecond else "auto")
    elif isinstance(v, date | time):
        s = v.isoformat()
    elif isinstance(v, Decimal):
        s = format(v, "f")
    else:
        s = _clean(str(v))
    if limit is not None and len(s) > limit:
        raise _fail("too_long")
    return s


# -- phone and e-mail --------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[;；,，、/\n]")
_SCIENTIFIC = re.compile(r"^(\d)(?:\.(\d+))?[eE]\+?(\d{1,2})$")


def _digit_count(s: str) -> int:
    return sum(map(str.isdecimal, s))


def _phone_number(v: float | int) -> str:
    if isinstance(v, float):
        if not v.is_integer() or not 0 < v < 1e20:
            raise _fail("bad_phone")
        v = int(v)
    if v <= 0:
        raise _fail("bad_phone")
    s = str(v)
    if not 5 <= len(s) <= 20:
        raise _fail("bad_phone")
    return s


def phone(v: Any, limit: int | None = None) -> str:
    """A phone as text: a number cell 13812345678.0 → "13812345678" (never scientific
    notation); text kept as typed, trimmed ("+86 138-1234-5678"). Text that Excel saved as
    "1.3812345678E+10" is read back when its digits are all there ("1.38E+10" lost them →
    bad_phone). A cell of several phones ("138…; 139…", "138…/139…") gives the FIRST one.
    Must hold 5–20 digits, else "bad_phone"; longer than `limit` → "too_long"."""
    if v.__class__ is str:
        s = v.strip()
        if s.isascii() and s.isdigit():
            if not 5 <= len(s) <= 20:
                raise _fail("bad_phone")
        else:
            s = _phone_text(s)
    elif isinstance(v, bool):
        raise _fail("bad_phone")
    elif isinstance(v, int | float):
        s = _phone_number(v)
    elif isinstance(v, str):
        s = _phone_text(str(v).strip())
    else:
        raise _fail("bad_phone")
    if limit is not None and len(s) > limit:
        raise _fail("too_long")
    return s


def _phone_text(s: str) -> str:
    if not s.isprintable():
        _unprintable(s)
    m = _SCIENTIFIC.match(s) if "e" in s or "E" in s else None
    if m:
        shown = m.group(1) + (m.group(2) or "")
        if len(shown) != int(m.group(3)) + 1:  # digits were lost (or a fraction is left)
            raise _fail("bad_phone")
        return _phone_number(int(shown))
    if _SEPARATORS.search(s):
        parts = [p.strip() for p in _SEPARATORS.split(s)]
        phones = [p for p in parts if _digit_count(p) >= 5]
        if len(phones) >= 2:  # several numbers: the first ("010-1234567/8001" is one)
            s = phones[0]
    if not 5 <= _digit_count(s) <= 20:
        raise _fail("bad_phone")
    if _LETTER.search(_PHONE_WORDS.sub("", s)):  # "138-12ab": a typo, not a phone
        raise _fail("bad_phone")
    return s


# Words a phone cell may carry beside its digits: a label or an extension.
_PHONE_WORDS = re.compile(r"(?i)\b(?:ext|tel|mobile|phone|fax|x)\b\.?|转|分机|手机|电话|座机|传真")
_LETTER = re.compile(r"[^\W\d_]")

_EMAIL_SEPARATORS = re.compile(r"[;；,，\s]+")
_NOT = r"@\s<>()\[\]\\\",:;"  # never in an address we take
_EMAIL = re.compile(rf"([^{_NOT}]+)@((?:[^{_NOT}.]+\.)+[^{_NOT}.]+)")


def email(v: Any, limit: int | None = None) -> str:
    """An e-mail address, trimmed, its domain lower-cased (full-width ＠ and letters made
    plain); "mailto:" dropped; of several ("a@x.cn; b@y.cn") the FIRST. Anything that does not
    look like local@domain.tld → "bad_email"; longer than `limit` → "too_long"."""
    if not isinstance(v, str):
        raise _fail("bad_email")
    s = v.strip()
    m = _EMAIL.fullmatch(s)
    if m is None:
        m = _EMAIL.fullmatch(_email_text(s))
        if m is None:
            raise _fail("bad_email")
    local, domain = m.groups()
    if domain[0] == "-" or domain[-1] == "-" or not m.group().isprintable():
        raise _fail("bad_email")
    s = f"{local}@{domain.lower()}"
    if limit is not None and len(s) > limit:
        raise _fail("too_long")
    return s


def _email_text(s: str) -> str:
    """s without what is around an address: full-width forms, "mailto:", a second address."""
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).strip()
    if s[:7].lower() == "mailto:":
        s = s[7:].strip()
    parts = [p for p in _EMAIL_SEPARATORS.split(s) if p]
    return parts[0] if parts else ""


# -- numbers -----------------------------------------------------------------------------------

_UNITS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1000)}
_CURRENCY = ("¥", "rmb", "cny", "人民币")  # before the number (after lower-casing)
_YUAN = ("元", "rmb", "cny", "人民币")  # after it
_PLAIN_START = frozenset("0123456789-+.")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")


def _amount(d: Decimal) -> Decimal:
    try:
        d = d.quantize(_CENT, ROUND_HALF_UP)  # infinity, or too many digits: InvalidOperation
        if -MONEY_LIMIT < d < MONEY_LIMIT:  # NaN: InvalidOperation
            return d
    except InvalidOperation:
        pass
    raise _fail("bad_amount")


def money(v: Any) -> Decimal:
    """An amount in yuan, 2 places (ROUND_HALF_UP, of a float's shortest text: 0.125 → 0.13,
    2.675 → 2.68, where round() would give 0.12 and 2.67): numbers, "¥1,234.50", "￥1234.5",
    "1,234.50元", "RMB 1,000", "-5", "(5)" (an accountant's minus), "1.2万" (12000.00),
    "3亿". |amount| < 10^12, else (or anything else) "bad_amount"."""
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise _fail("bad_amount")
        return _amount(Decimal(repr(v)))  # the shortest text of the float, as Excel shows it
    if isinstance(v, bool):
        raise _fail("bad_amount")
    if isinstance(v, int):
        return _amount(Decimal(v))
    if isinstance(v, Decimal):
        return _amount(v)
    if not isinstance(v, str):
        raise _fail("bad_amount")
    s = v.strip()
    if s[-1:].isdigit() and s[:1] in _PLAIN_START and "," not in s:
        try:
            return _amount(Decimal(s))
        except InvalidOperation:
            pass
    return _amount(_money_text(s))


def _money_text(s: str) -> Decimal:
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)  # ￥ → ¥, full-width digits and commas
    s = s.replace(" ", "").lower()
    negative = len(s) > 2 and s[0] == "(" and s[-1] == ")"
    if negative:
        s = s[1:-1]
    sign = ""
    if s[:1] in ("+", "-"):  # -¥5
        sign, s = s[0], s[1:]
    for mark in _CURRENCY:
        if s.startswith(mark):
            s = s[len(mark) :]
            break
    for mark in _YUAN:
        if s.endswith(mark):
            s = s[: -len(mark)]
            break
    unit = _UNITS.get(s[-1:])
    if unit is not None:
        s = s[:-1]
    if "," in s:
        if not _GROUPED.match(s):
            raise _fail("bad_amount")
        s = s.replace(",", "")
    try:
        d = Decimal(sign + s)
    except InvalidOperation:
        raise _fail("bad_amount") from None
    if unit is not None:
        d *= unit
    return -d if negative else d


def integer(v: Any) -> int:
    """A whole number: 12, 12.0, "12", "1,200", " +5 ". Anything else → "bad_number"."""
    if isinstance(v, bool):
        raise _fail("bad_number")
    if isinstance(v, int):
        n = v
    elif isinstance(v, float):
        if not v.is_integer():
            raise _fail("bad_number")
        n = int(v)
    elif isinstance(v, str):
        s = v.strip()
        try:
            n = int(s)
        except ValueError:
            s = unicodedata.normalize("NFKC", s) if not s.isascii() else s
            if "," in s and _GROUPED.match(s):
                s = s.replace(",", "")
            try:
                d = Decimal(s)
            except InvalidOperation:
                raise _fail("bad_number") from None
            if not d.is_finite() or d != d.to_integral_value():
                raise _fail("bad_number") from None
            n = int(d)
    else:
        raise _fail("bad_number")
    if not -_INT_LIMIT < n < _INT_LIMIT:
        raise _fail("bad_number")
    return n


_PERCENT_SIGNS = ("%", "％", "percent")


def percent(v: Any) -> int:
    """A percentage 0–100, rounded half up to a whole one: "60%", "60 %", "６０％", "12.5%"
    (13), 60, "60"; a fraction ≤ 1 is what a %-formatted Excel cell holds (0.6, "0.6" →
    60, a float 1.0 → 100; a whole 1 is 1%). Anything else, or outside 0–100,
    "bad_percent"."""
    if isinstance(v, bool):
        raise _fail("bad_percent")
    if isinstance(v, int):
        d = Decimal(v)
    elif isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise _fail("bad_percent")
        d = Decimal(repr(v))
        if 0 <= d <= 1:
            d *= 100
    elif isinstance(v, str):
        d = _percent_text(v)
    elif isinstance(v, Decimal):
        d = v * 100 if v.is_finite() and 0 < v < 1 else v
    else:
        raise _fail("bad_percent")
    if not d.is_finite() or not 0 <= d <= 100:
        raise _fail("bad_percent")
    return int(d.quantize(Decimal(1), ROUND_HALF_UP))


def _percent_text(v: str) -> Decimal:
    s = v.strip()
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)
    s = s.lower()
    marked = False
    for sign in _PERCENT_SIGNS:
        if s.endswith(sign):
            s, marked = s[: -len(sign)].rstrip(), True
            break
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise _fail("bad_percent") from None
    if not d.is_finite():
        raise _fail("bad_percent")
    if not marked and 0 < d < 1:  # "0.6": a fraction written out
        d *= 100
    return d


# -- choices -----------------------------------------------------------------------------------


def _key(v: Any) -> str:
    if not isinstance(v, str):
        return text(v).lower()
    s = v.strip()
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s)
    return s.lower()


_LEVEL_WORDS = {"a": "A", "b": "B", "c": "C", "一": "A", "二": "B", "三": "C"}
assert set(_LEVEL_WORDS.values()) == set(LEVELS)


def level(v: Any) -> str:
    """A, B or C: "a", "A级", "A类", "A级客户", "一级"/"二级"/"三级"; else "bad_level"."""
    s = _key(v).replace(" ", "")
    if s.endswith("客户"):
        s = s[:-2]
    if s[-1:] in ("级", "类"):
        s = s[:-1]
    found = _LEVEL_WORDS.get(s)
    if found is None:
        raise _fail("bad_level")
    return found


def _choices(table: dict[str, tuple[str, ...]], allowed: tuple[str, ...]) -> dict[str, str]:
    assert set(table) <= set(allowed)
    return {word: value for value, words in table.items() for word in (value, *words)}


_STATUS_WORDS = _choices(
    {
        "lead": ("线索", "潜在客户", "潜在", "新线索"),
        "prospect": ("意向客户", "意向", "商机", "opportunity", "跟进中"),
        "customer": ("成交客户", "已成交", "成交", "客户", "正式客户", "won", "client"),
        "lost": ("流失", "流失客户", "已流失", "churned", "丢失"),
    },
    STATUSES,
)
_KIND_WORDS = _choices(
    {
        "call": ("电话", "phone", "phonecall", "phone call", "打电话", "电话沟通"),
        "visit": ("拜访", "上门", "上门拜访", "meeting", "面谈", "见面"),
        "wechat": ("微信", "weixin", "微信沟通"),
        "email": ("邮件", "e-mail", "电子邮件", "mail"),
        "note": ("备注", "其他", "其它", "other", "记录"),
    },
    FOLLOW_UP_KINDS,
)
_YES_NO = {
    **dict.fromkeys(("是", "y", "yes", "true", "1", "√", "✓", "✔", "对", "有"), True),
    **dict.fromkeys(("否", "n", "no", "false", "0", "x", "×", "✗", "✘", "不是", "无"), False),
}


def status(v: Any) -> str:
    """lead, prospect, customer or lost, from their Chinese or English names; else
    "bad_status"."""
    found = _STATUS_WORDS.get(_key(v))
    if found is None:
        raise _fail("bad_status")
    return found


def follow_up_kind(v: Any) -> str:
    """call, visit, wechat, email or note, from their Chinese or English names; else
    "bad_kind"."""
    found = _KIND_WORDS.get(_key(v))
    if found is None:
        raise _fail("bad_kind")
    return found


def yes_no(v: Any) -> bool:
    """是/否, Y/N, yes/no, true/false, 1/0, √/x (a bool cell as it is); else "bad_bool"."""
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float) and v in (0, 1):
        return bool(v)
    found = _YES_NO.get(_key(v)) if isinstance(v, str) else None
    if found is None:
        raise _fail("bad_bool")
    return found


_TAG_SEPARATORS = re.compile(r"[,，、;；\n]")


def tags(v: Any) -> tuple[str, ...]:
    """Tags split on , ， 、 ; ； and line breaks (not spaces: a tag may hold one), trimmed,
    repeats and empties dropped, in the order written. A tag longer than TAG_LIMIT →
    "too_long"; control characters → "nul"."""
    s = text(v)
    if _TAG_SEPARATORS.search(s):
        parts = _TAG_SEPARATORS.split(s)
    else:
        parts = [s]
    out: dict[str, None] = {}
    for part in parts:
        t = part.strip()
        if t:
            if len(t) > TAG_LIMIT:
                raise _fail("too_long")
            out[t] = None
    return tuple(out)
