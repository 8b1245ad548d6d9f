"""Translated words for the codes the business layer uses, and how values are shown."""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale, QObject


def status_label(code: str) -> str:
    return {
        "lead": QCoreApplication.translate("Labels", "Lead"),
        "prospect": QCoreApplication.translate("Labels", "Prospect"),
        "customer": QCoreApplication.translate("Labels", "Customer"),
        "lost": QCoreApplication.translate("Labels", "Lost"),
    }.get(code, code)


def kind_label(code: str) -> str:
    return {
        "call": QCoreApplication.translate("Labels", "Call"),
        "visit": QCoreApplication.translate("Labels", "Visit"),
        "wechat": QCoreApplication.translate("Labels", "WeChat"),
        "email": QCoreApplication.translate("Labels", "Email"),
        "note": QCoreApplication.translate("Labels", "Note"),
    }.get(code, code)


def ownership_label(code: str) -> str:
    return {
        "created": QCoreApplication.translate("Labels", "Created"),
        "assigned": QCoreApplication.translate("Labels", "Assigned"),
        "transferred": QCoreApplication.translate("Labels", "Transferred"),
        "claimed": QCoreApplication.translate("Labels", "Claimed from the pool"),
        "released": QCoreApplication.translate("Labels", "Released to the pool"),
        "recycled": QCoreApplication.translate("Labels", "Recycled to the pool"),
        "moved": QCoreApplication.translate("Labels", "Moved to another pool"),
        "locked": QCoreApplication.translate("Labels", "Locked"),
        "unlocked": QCoreApplication.translate("Labels", "Unlocked"),
    }.get(code, code)


def reason_label(code: str) -> str:
    """A transfer's or a release's reason code (pool.BUILT_IN_REASONS; an admin's own reasons
    carry their label in the database and show it instead)."""
    return {
        "handover": QCoreApplication.translate(
            "Labels", "Handover (rep leaving or changing territory)"
        ),
        "rebalance": QCoreApplication.translate("Labels", "Rebalancing workload"),
        "customer_request": QCoreApplication.translate("Labels", "Customer's request"),
        "other": QCoreApplication.translate("Labels", "Other"),
        "no_need": QCoreApplication.translate("Labels", "No need at present"),
        "unreachable": QCoreApplication.translate("Labels", "Cannot be reached"),
        "competitor": QCoreApplication.translate("Labels", "Went with a competitor"),
        "wrong_info": QCoreApplication.translate("Labels", "Wrong or invalid information"),
        "no_follow_up": QCoreApplication.translate("Labels", "No follow-up in time"),
        "not_won": QCoreApplication.translate("Labels", "Not won in time"),
    }.get(code, code)


class RuleWords(QObject):
    """Why the recycle pass took a customer, counted (lupdate marks plurals only in a class)."""

    def text(self, kind: str, days: int) -> str:
        if kind == "not_won":
            return self.tr("not won within %n day(s)", "", days)
        return self.tr("no follow-up for %n day(s)", "", days)

    def days(self, days: int) -> str:
        return self.tr("%n day(s)", "", days)


@functools.cache
def rule_words() -> RuleWords:
    """One instance (cells ask at every paint); tr() reads the language in force each call."""
    return RuleWords()


def rule_text(kind: str, days: int) -> str:
    """Why the recycle pass took a customer: "no follow-up for 15 days"."""
    return rule_words().text(kind, days)


def event_reason(kind: str, code: str, text: str, label: str = "") -> str:
    """The Why of an ownership event: the reason's words (label: an admin's own reason's) and
    the user's own text; the recycle pass's rule with its days."""
    if kind == "recycled" and code and text.isdigit():
        return rule_text(code, int(text))
    why = label or (reason_label(code) if code else "")
    if text:
        why = labelled(why, text) if why else text
    return why


def role_label(code: str) -> str:
    return {
        "rep": QCoreApplication.translate("Labels", "Sales rep"),
        "manager": QCoreApplication.translate("Labels", "Manager"),
        "admin": QCoreApplication.translate("Labels", "Administrator"),
        "finance": QCoreApplication.translate("Labels", "Finance"),
    }.get(code, code)


def field_label(code: str) -> str:
    return {
        "name": QCoreApplication.translate("Labels", "Name"),
        "contact_name": QCoreApplication.translate("Labels", "Contact name"),
        "level": QCoreApplication.translate("Labels", "Level"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "industry": QCoreApplication.translate("Labels", "Industry"),
        "province": QCoreApplication.translate("Labels", "Province"),
        "city": QCoreApplication.translate("Labels", "City"),
        "address": QCoreApplication.translate("Labels", "Address"),
        "company_size": QCoreApplication.translate("Labels", "Company size"),
        "source": QCoreApplication.translate("Labels", "Source"),
        "tags": QCoreApplication.translate("Labels", "Tags"),
        "notes": QCoreApplication.translate("Labels", "Notes"),
        "mobile": QCoreApplication.translate("Labels", "Mobile"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "email": QCoreApplication.translate("Labels", "Email"),
        "content": QCoreApplication.translate("Labels", "Content"),
        "kind": QCoreApplication.translate("Labels", "Kind"),
        "reason": QCoreApplication.translate("Labels", "Reason"),
        "reason_text": QCoreApplication.translate("Labels", "Reason details"),
        "tag": QCoreApplication.translate("Labels", "Tag"),
        "next_follow_up_at": QCoreApplication.translate("Labels", "Next follow-up"),
        "happened_at": QCoreApplication.translate("Labels", "Time of the follow-up"),
        "title": QCoreApplication.translate("Labels", "Title"),
        "wechat": QCoreApplication.translate("Labels", "WeChat"),
        "birthday": QCoreApplication.translate("Labels", "Birthday"),
        "contacts": QCoreApplication.translate("Labels", "Contacts"),
        "phones": QCoreApplication.translate("Labels", "Phone numbers"),
        "owner": QCoreApplication.translate("Labels", "Owner"),
        "customers": QCoreApplication.translate("Labels", "Customers"),
        "pool": QCoreApplication.translate("Labels", "Pool"),
        "locked": QCoreApplication.translate("Labels", "Locked customers"),
        "label": QCoreApplication.translate("Labels", "Reason"),
        "reasons": QCoreApplication.translate("Labels", "Release reasons"),
        "members": QCoreApplication.translate("Labels", "Members"),
        "member_team_ids": QCoreApplication.translate("Labels", "Teams"),
        "member_user_ids": QCoreApplication.translate("Labels", "Users"),
    }.get(code, code)


def local_time(value: datetime | None, with_time: bool = True) -> str:
    """Stored times are naive UTC; people read them in their own time zone."""
    if value is None:
        return ""
    local = value.replace(tzinfo=UTC).astimezone()
    return local.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


_FULL_WIDTH_ENDS = "。！？；：）」』”"


def sentences(*parts: str) -> str:
    """Sentences one after another: a space between them in English, none after Chinese 。.
    Decided by each sentence's own last character, not the locale: an English window on a
    Chinese system (or the reverse) still reads right."""
    out = ""
    for p in (p for p in parts if p):
        out += ("" if not out or out[-1] in _FULL_WIDTH_ENDS else " ") + p
    return out


def listing(items) -> str:
    """Items of a list in a sentence: 备注、城市 in Chinese, "Notes, City" in English."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    return ("、" if chinese else ", ").join(items)


def fill(text: str, *values: str) -> str:
    """%1, %2 … of a translated sentence filled in one pass: a value that itself holds "%2" (a
    deal titled so) stays as typed, which chained replace() calls would not."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1]
                  if 0 < int(m.group(1)) <= len(values) else m.group(0), text)  # fmt: skip


def labelled(label: str, text: str) -> str:
    """A label and its text: 原因：客户要求 in Chinese (a full-width colon, no space),
    "Reason: asked by the customer" in English."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    if label.endswith(("？", "?", "：", ":")):  # a question is its own label: no colon after it
        return f"{label} {text}" if text else label
    return f"{label}{'：' if chinese else ': '}{text}"


def tag_list(tags) -> str:
    """Tags in a field or a cell: "VIP, 展会" in English, "VIP，展会" in Chinese (the form
    reads both commas back)."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    return ("，" if chinese else ", ").join(tags)
