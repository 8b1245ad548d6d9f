"""The columns of the customer list (and of the recycle bin), declared for WindowedTableModel,
and the filters of its filter bar."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from crmdesk.models.schema import LEVELS, STATUSES
from crmdesk.views.filter_bar import Filter
from crmdesk.views.labels import local_time, status_label, tag_list
from crmdesk.views.table_model import Column, local_day, local_moment
from crmdesk.views.today_words import today_words

_OVERDUE = QBrush(QColor("#d9363e"))


def _overdue(row, now: datetime) -> QBrush | None:
    due = row.next_follow_up_at
    return _OVERDUE if due is not None and due < now else None


def customer_columns() -> list[Column]:
    return [
        Column(
            "name",
            QCoreApplication.translate("CustomerColumns", "Customer"),
            260,
            lambda r: r.name,
            tooltip=True,
        ),
        Column(
            "level",
            QCoreApplication.translate("CustomerColumns", "Level"),
            50,
            lambda r: r.level,
            center=True,
        ),
        Column(
            "status",
            QCoreApplication.translate("CustomerColumns", "Status"),
            80,
            lambda r: status_label(r.status),
        ),
        # Derived from the contacts: sorting them would sort every row (see the foundation note).
        Column(
            "contact",
            QCoreApplication.translate("CustomerColumns", "Contact"),
            90,
            lambda r: r.contact_name,
            sortable=False,
        ),
        Column(
            "mobile",
            QCoreApplication.translate("CustomerColumns", "Mobile"),
            120,
            lambda r: r.contact_mobile,
            sortable=False,
        ),
        Column(
            "owner",
            QCoreApplication.translate("CustomerColumns", "Owner"),
            90,
            lambda r: r.owner_name,
        ),
        Column(
            "industry",
            QCoreApplication.translate("CustomerColumns", "Industry"),
            100,
            lambda r: r.industry,
        ),
        Column(
            "province",
            QCoreApplication.translate("CustomerColumns", "Province"),
            70,
            lambda r: r.province,
        ),
        Column("city", QCoreApplication.translate("CustomerColumns", "City"), 70, lambda r: r.city),
        Column(
            "source",
            QCoreApplication.translate("CustomerColumns", "Source"),
            80,
            lambda r: r.source,
        ),
        Column(
            "tags",
            QCoreApplication.translate("CustomerColumns", "Tags"),
            120,
            lambda r: tag_list(t for t in r.tags.split(",") if t),
            sortable=False,
            tooltip=True,
        ),
        Column(
            "last_follow_up_at",
            QCoreApplication.translate("CustomerColumns", "Last follow-up"),
            130,
            lambda r: local_time(r.last_follow_up_at),
            cell=lambda r: local_moment(r.last_follow_up_at),
            kind="datetime",
        ),
        Column(
            "next_follow_up_at",
            QCoreApplication.translate("CustomerColumns", "Next follow-up"),
            130,
            lambda r: local_time(r.next_follow_up_at),
            foreground=_overdue,
            cell=lambda r: local_moment(r.next_follow_up_at),
            kind="datetime",
        ),
        # Inside its pool's warning window: when the recycle pass takes it back (models/today).
        Column(
            "recycle_in",
            QCoreApplication.translate("CustomerColumns", "Back to the pool"),
            125,
            lambda r: today_words().recycle_in(r.recycle_in) if r.recycle_in is not None else "",
            sortable=False,
            center=True,
            foreground=lambda r, _now: _OVERDUE if r.recycle_in is not None else None,
            cell=lambda r: r.recycle_in,  # days
            kind="int",
        ),
        Column(
            "created_at",
            QCoreApplication.translate("CustomerColumns", "Created"),
            100,
            lambda r: local_time(r.created_at, False),
            cell=lambda r: local_day(r.created_at),
            kind="date",
        ),
        Column(
            "updated_at",
            QCoreApplication.translate("CustomerColumns", "Updated"),
            130,
            lambda r: local_time(r.updated_at),
            cell=lambda r: local_moment(r.updated_at),
            kind="datetime",
        ),
    ]


def deleted_columns() -> list[Column]:
    return [
        Column(
            "name",
            QCoreApplication.translate("CustomerColumns", "Customer"),
            300,
            lambda r: r.name,
            sortable=False,
            tooltip=True,
        ),
        Column(
            "owner",
            QCoreApplication.translate("CustomerColumns", "Owner"),
            120,
            lambda r: r.owner_name,
            sortable=False,
        ),
        Column(
            "deleted_at",
            QCoreApplication.translate("CustomerColumns", "Deleted at"),
            150,
            lambda r: local_time(r.deleted_at),
            sortable=False,
        ),  # fmt: skip
        Column(
            "deleted_by",
            QCoreApplication.translate("CustomerColumns", "Deleted by"),
            120,
            lambda r: r.deleted_by_name,
            sortable=False,
        ),
    ]


def customer_filters(scopes: list[str], with_owner: bool = False) -> list[Filter]:
    """with_owner: an owner filter, for whoever sees more than their own customers."""
    scope_names = {
        "mine": QCoreApplication.translate("CustomersPage", "My customers"),
        "team": QCoreApplication.translate("CustomersPage", "My team"),
        "all": QCoreApplication.translate("CustomersPage", "All I can see"),
        "shared": QCoreApplication.translate("CustomersPage", "Shared with me"),
    }
    scopes = [*scopes, "shared"]  # colleagues' customers shared with me (collaborators.py)
    return [
        Filter(
            "search",
            "search",
            QCoreApplication.translate("CustomersPage", "Search name, contact or phone…"),
        ),
        Filter("scope", "choice", "", tuple((scope_names[s], s) for s in scopes), with_any=False),
        Filter(
            "level",
            "choice",
            QCoreApplication.translate("CustomersPage", "Any level"),
            tuple((lv, lv) for lv in LEVELS),
        ),
        Filter(
            "status",
            "choice",
            QCoreApplication.translate("CustomersPage", "Any status"),
            tuple((status_label(s), s) for s in STATUSES),
        ),
        Filter(
            "industry",
            "choice",
            QCoreApplication.translate("CustomersPage", "Any industry"),
            typeable=True,
        ),
        Filter(
            "province",
            "choice",
            QCoreApplication.translate("CustomersPage", "Any province"),
            typeable=True,
        ),
        Filter(
            "source",
            "choice",
            QCoreApplication.translate("CustomersPage", "Any source"),
            typeable=True,
        ),
        Filter("tags", "tags", QCoreApplication.translate("CustomersPage", "Any tag")),
        *(
            [
                Filter(
                    "owner_id",
                    "choice",
                    QCoreApplication.translate("CustomersPage", "Any owner"),
                    any_value=None,
                    typeable=True,
                )
            ]
            if with_owner
            else []
        ),
        Filter(
            "overdue", "check", QCoreApplication.translate("CustomersPage", "Follow-up overdue")
        ),
    ]
