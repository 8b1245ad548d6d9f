"""Phone numbers as sales teams write them: one normalisation for duplicate checks, search and
imports, and the shape rules for a mobile number.

`+86 192-6592-4037`, `0086 19265924037`, `86 19265924037` and `19265924037` are one number;
so are `+86 10 1234 5678` and `010-12345678`. The key of a number (what Contact.mobile_digits
and phone_digits hold, and what duplicates are compared by) is its Chinese national form: a
mobile's 11 digits, a landline with its trunk 0 and area code, `400`/`800` numbers as dialled;
a foreign number is `00` + country code + national number, as dialled from China.

Numbers written the Chinese way (the nearly every case) are read by a few string rules, no
library; one with an international prefix (`+` or `00`) is parsed by `phonenumbers` (Google's
libphonenumber), which knows how long each country code is and drops a `(0)` trunk digit.
"""

from __future__ import annotations

import re
import unicodedata

CHINA = 86
_PHONE = re.compile(r"^\+?[\d\s\-()./]{5,30}$")
MIN_KEY_DIGITS = 7  # shorter is an extension or a fragment: compared as typed


def digits(value: str) -> str:
    """The decimal digits of value, as ASCII: full-width ０-９ typed with a Chinese input
    method count as 0-9."""
    return "".join(str(unicodedata.decimal(ch)) for ch in value if ch.isdecimal())


def _is_mobile(national: str) -> bool:
    return len(national) == 11 and national[0] == "1"


def _china(national: str) -> str:
    """A Chinese national significant number as dialled inside China."""
    if _is_mobile(national) or (len(national) == 10 and national[:3] in ("400", "800")):
        return national
    return "0" + national


def _international(value: str, d: str) -> tuple[int, str] | None:
    """(country code, national number) of a number written with + or 00, or None."""
    import phonenumbers  # 37 ms to import: only when a number needs it, off the GUI thread

    try:
        n = phonenumbers.parse("+" + d[2:] if not value.lstrip().startswith("+") else value)
    except phonenumbers.NumberParseException:
        return None
    if not n.country_code or not n.national_number:
        return None
    return n.country_code, str(n.national_number)


def phone_key(value: str) -> str:
    """The number's key, digits only (see the module). Anything too short, or that does not
    parse as a number, is its bare digits."""
    value = value if isinstance(value, str) else ""
    d = digits(value)
    if len(d) < MIN_KEY_DIGITS:
        return d
    if value.lstrip().startswith("+") or d.startswith("00"):
        parsed = _international(value, d)
        if parsed is None:
            return d
        country, national = parsed
        return _china(national) if country == CHINA else f"00{country}{national}"
    if len(d) == 13 and d.startswith("861"):  # 86 written before a mobile, without + or 00
        return d[2:]
    return d


def search_digits(query: str) -> str:
    """What a phone-like search looks for: a whole number written another way finds the number
    (`+86 192 6592 4037` finds `19265924037`), a fragment is its digits."""
    key = phone_key(query)
    return key if key != digits(query) and not key.startswith("00") else digits(query)


def valid_phone(value: str) -> bool:
    """Any phone: digits with the usual separators, 5 to 20 digits."""
    return not value or (bool(_PHONE.match(value)) and 5 <= len(digits(value)) <= 20)


def valid_mobile(value: str) -> bool:
    """A mainland mobile (11 digits starting with 1, with or without +86), or a foreign number
    written with its country code (+ or 00). `2-6592-4037` is not a mobile."""
    if not value:
        return True
    if not valid_phone(value):
        return False
    key = phone_key(value)
    if key.startswith("00"):
        return 7 <= len(key) - 2 <= 15  # E.164: country code and number, at most 15 digits
    return _is_mobile(key)
