"""The columns of a pool's list, declared for WindowedTableModel, and the filters of its filter
bar (the rows come from models.pool_list, contacts already masked)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject

from crmdesk.models.schema import LEVELS
from crmdesk.views.customer_form import SIZES
from crmdesk.views.filter_bar import Filter
from crmdesk.views.labels import local_time, reason_label, rule_words
from crmdesk.views.table_model import Column, local_day

DAYS_CHOICES = (7, 30, 90, 180, 365)


def pool_days(entered: datetime | None, now: datetime | None = None) -> int | None:
    if entered is None:
        return None
    now = now or datetime.now(UTC).replace(tzinfo=None)
    return max(0, (now - entered).days)


def days_in_pool(entered: datetime | None, now: datetime | None = None) -> str:
    days = pool_days(entered, now)
    return rule_words().days(days) if days is not None else ""


def pool_columns() -> list[Column]:
    return [
        Column("name", QCoreApplication.translate("PoolColumns", "Customer"), 220,
               lambda r: r.name, tooltip=True),
        Column("level", QCoreApplication.translate("PoolColumns", "Level"), 50,
               lambda r: r.level, center=True),
        Column("industry", QCoreApplication.translate("PoolColumns", "Industry"), 80,
               lambda r: r.industry),
        Column("province", QCoreApplication.translate("PoolColumns", "Region"), 90,
               lambda r: " ".join(p for p in (r.province, r.city) if p)),
        Column("contact", QCoreApplication.translate("PoolColumns", "Contact"), 70,
               lambda r: r.contact_name, sortable=False),
        Column("mobile", QCoreApplication.translate("PoolColumns", "Mobile"), 100,
               lambda r: r.contact_mobile, sortable=False),
        # Sorted by when it entered the pool: the longest in the pool first when ascending.
        Column("pool_entered_at", QCoreApplication.translate("PoolColumns", "In pool"), 90,
               lambda r: days_in_pool(r.pool_entered_at), center=True,
               cell=lambda r: pool_days(r.pool_entered_at), kind="int"),
        Column("released_by", QCoreApplication.translate("PoolColumns", "Previous owner"), 120,
               lambda r: r.released_by_name, sortable=False),
        Column("release_code", QCoreApplication.translate("PoolColumns", "Why it left"), 120,
               lambda r: r.release_label or (reason_label(r.release_code) if r.release_code
                                             else ""),
               sortable=False, tooltip=True),
        Column("last_follow_up_at",
               QCoreApplication.translate("PoolColumns", "Last follow-up"), 100,
               lambda r: local_time(r.last_follow_up_at, with_time=False),
               cell=lambda r: local_day(r.last_follow_up_at), kind="date"),
    ]  # fmt: skip


class PoolFilterWords(QObject):
    def at_least(self, days: int) -> str:
        return self.tr("In the pool ≥ %n day(s)", "", days)


def pool_filters() -> list[Filter]:
    words = PoolFilterWords()
    days = tuple((words.at_least(d), d) for d in DAYS_CHOICES)
    return [
        Filter(
            "search",
            "search",
            QCoreApplication.translate("PoolColumns", "Search name, contact or phone…"),
        ),
        Filter(
            "level",
            "choice",
            QCoreApplication.translate("PoolColumns", "Any level"),
            tuple((lv, lv) for lv in LEVELS),
        ),
        Filter(
            "industry",
            "choice",
            QCoreApplication.translate("PoolColumns", "Any industry"),
            typeable=True,
        ),
        Filter(
            "province",
            "choice",
            QCoreApplication.translate("PoolColumns", "Any province"),
            typeable=True,
        ),
        Filter(
            "company_size",
            "choice",
            QCoreApplication.translate("PoolColumns", "Any size"),
            tuple((s, s) for s in SIZES if s),
        ),
        Filter(
            "source",
            "choice",
            QCoreApplication.translate("PoolColumns", "Any source"),
            typeable=True,
        ),  # fmt: skip
        Filter(
            "min_days",
            "choice",
            QCoreApplication.translate("PoolColumns", "Any time in the pool"),
            days,
            any_value=0,
        ),
        Filter(
            "released_by_id",
            "choice",
            QCoreApplication.translate("PoolColumns", "Any previous owner"),
            any_value=None,
            typeable=True,
        ),
        Filter(
            "release_code",
            "choice",
            QCoreApplication.translate("PoolColumns", "Any reason"),
        ),
    ]
