"""Translated words for the codes the business layer uses, and how values are shown."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_label(code: str) -> str:
    return {
        "lead": _t("Lead"),
        "prospect": _t("Prospect"),
        "customer": _t("Customer"),
        "lost": _t("Lost"),
    }.get(code, code)


def kind_label(code: str) -> str:
    return {
        "call": _t("Call"),
        "visit": _t("Visit"),
        "wechat": _t("WeChat"),
        "email": _t("Email"),
        "note": _t("Note"),
    }.get(code, code)


def ownership_label(code: str) -> str:
    return {
        "created": _t("Created"),
        "assigned": _t("Assigned"),
        "transferred": _t("Transferred"),
        "claim": _t("Claimed"),
        "release": _t("Released"),
        "recycle": _t("Recycled"),
    }.get(code, code)


def reason_label(code: str) -> str:
    return {
        "handover": _t("Handover (rep leaving or changing territory)"),
        "rebalance": _t("Rebalancing workload"),
        "customer_request": _t("Customer's request"),
        "other": _t("Other"),
    }.get(code, code)


def role_label(code: str) -> str:
    return {"rep": _t("Sales rep"), "manager": _t("Manager"), "admin": _t("Administrator")}.get(
        code, code
    )


def field_label(code: str) -> str:
    return {
        "name": _t("Name"),
        "level": _t("Level"),
        "status": _t("Status"),
        "industry": _t("Industry"),
        "province": _t("Province"),
        "city": _t("City"),
        "address": _t("Address"),
        "company_size": _t("Company size"),
        "source": _t("Source"),
        "tags": _t("Tags"),
        "notes": _t("Notes"),
        "mobile": _t("Mobile"),
        "phone": _t("Phone"),
        "email": _t("Email"),
        "content": _t("Content"),
        "kind": _t("Kind"),
        "reason": _t("Reason"),
        "reason_text": _t("Reason details"),
        "tag": _t("Tag"),
        "next_follow_up_at": _t("Next follow-up"),
    }.get(code, code)


def local_time(value: datetime | None, with_time: bool = True) -> str:
    """Stored times are naive UTC; people read them in their own time zone."""
    if value is None:
        return ""
    local = value.replace(tzinfo=UTC).astimezone()
    return local.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
