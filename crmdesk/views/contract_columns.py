"""The contracts list's columns (declared for WindowedTableModel; the rows come from
models.contract_list), its filters, and what the filter bar holds: ContractFilters, the list's
query with the signing date as a period ("this month") rather than two days, so a saved view
of "signed this quarter" still means this quarter next quarter. The page turns it into the
model's ContractQuery for today (to_query)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor

from crmdesk.models.contract_list import AWAITING, SCOPES, ContractQuery, clean_query
from crmdesk.models.schema_contracts import CONTRACT_STATUSES
from crmdesk.views.deal_words import money
from crmdesk.views.filter_bar import Filter
from crmdesk.views.periods import period_dates
from crmdesk.views.table_model import Column
from crmdesk.views.widgets import ERROR_COLOR

SIGNED_PERIODS = ("this_month", "last_month", "this_quarter", "last_quarter", "this_year",
                  "last_year")  # fmt: skip
EXPIRING_DAYS = (30, 60, 90)
_RED = QBrush(QColor(ERROR_COLOR))


@dataclass(frozen=True)
class ContractFilters:
    """What the contracts page's filter bar and saved views hold."""

    scope: str = "all"
    owner_id: int | None = None
    search: str = ""
    status: str = ""
    signed_period: str = ""  # one of SIGNED_PERIODS, "" for any
    overdue_only: bool = False
    expiring_days: int = 0
    sort: str = "signed_on"
    descending: bool = True

    def to_query(self, today: date) -> ContractQuery:
        signed_from, signed_to = period_dates(self.signed_period, today)
        values = {k: v for k, v in asdict(self).items() if k != "signed_period"}
        return ContractQuery(**values, signed_from=signed_from, signed_to=signed_to)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ContractFilters:
        """An old or odd saved view made safe: the model's cleaning, and a known period."""
        known = {f.name for f in fields(cls)} - {"signed_period"}
        query = clean_query(ContractQuery(**{k: v for k, v in data.items() if k in known}))
        period = data.get("signed_period", "")
        return cls(
            **{k: getattr(query, k) for k in known},
            signed_period=period if period in SIGNED_PERIODS else "",
        )

    @property
    def filtered(self) -> bool:
        """Something narrows the list beyond its scope."""
        return bool(self.search or self.status or self.signed_period or self.overdue_only
                    or self.expiring_days or self.owner_id is not None)  # fmt: skip


def contract_status_label(code: str, awaiting_approval: bool = False) -> str:
    if awaiting_approval:
        return QCoreApplication.translate("ContractColumns", "Awaiting approval")
    return {
        "draft": QCoreApplication.translate("ContractColumns", "Draft"),
        "active": QCoreApplication.translate("ContractColumns", "Active"),
        "completed": QCoreApplication.translate("ContractColumns", "Completed"),
        "terminated": QCoreApplication.translate("ContractColumns", "Terminated"),
    }.get(code, code)


class ContractWords(QObject):
    """Counted words of the contracts page (plurals need a class's tr)."""

    def contracts(self, n: int) -> str:
        return self.tr("%Ln contract(s)", "", n)

    def ending_within(self, days: int) -> str:
        return self.tr("Ending within %n day(s)", "", days)


def contract_words() -> ContractWords:
    return ContractWords()


# Money is owed on contracts in force: a draft's or a terminated contract's plan is no debt
# (as receivables.py counts), so their outstanding and next due stay blank.
OWING = ("active", "completed")


def _due(row) -> str:
    return row.next_due_on.isoformat() if row.next_due_on and row.status in OWING else ""


def _outstanding(row) -> str:
    return money(row.outstanding) if row.outstanding and row.status in OWING else ""


def _owing(row):
    """The outstanding amount where the list shows one (a typed cell)."""
    return row.outstanding if row.outstanding and row.status in OWING else None


def _due_on(row) -> date | None:
    return row.next_due_on if row.next_due_on and row.status in OWING else None


def _late(row, _now) -> QBrush | None:
    return _RED if row.overdue else None


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def contract_columns() -> list[Column]:
    return [
        Column("number", QCoreApplication.translate("ContractColumns", "Number"), 110,
               lambda r: r.number),
        Column("title", QCoreApplication.translate("ContractColumns", "Contract"), 180,
               lambda r: r.title, tooltip=True),
        Column("customer", QCoreApplication.translate("ContractColumns", "Customer"), 170,
               lambda r: r.customer_name, tooltip=True),
        Column("status", QCoreApplication.translate("ContractColumns", "Status"), 80,
               lambda r: contract_status_label(r.status, r.awaiting_approval), center=True),
        Column("amount", QCoreApplication.translate("ContractColumns", "Amount"), 100,
               lambda r: money(r.amount), cell=lambda r: r.amount, kind="money"),
        Column("received", QCoreApplication.translate("ContractColumns", "Received"), 100,
               lambda r: money(r.received), cell=lambda r: r.received, kind="money"),
        Column("outstanding", QCoreApplication.translate("ContractColumns", "Outstanding"), 100,
               _outstanding, foreground=_late, cell=_owing, kind="money"),
        Column("next_due_on", QCoreApplication.translate("ContractColumns", "Next due"), 90,
               _due, foreground=_late, cell=_due_on, kind="date"),
        Column("owner", QCoreApplication.translate("ContractColumns", "Owner"), 70,
               lambda r: r.owner_name),
        Column("signed_on", QCoreApplication.translate("ContractColumns", "Signed"), 90,
               lambda r: _day(r.signed_on), cell=lambda r: r.signed_on, kind="date"),
        Column("ends_on", QCoreApplication.translate("ContractColumns", "Ends"), 90,
               lambda r: _day(r.ends_on), cell=lambda r: r.ends_on, kind="date"),
    ]  # fmt: skip


def scope_label(scope: str) -> str:
    return {
        "mine": QCoreApplication.translate("ContractColumns", "My contracts"),
        "team": QCoreApplication.translate("ContractColumns", "My team's contracts"),
        "all": QCoreApplication.translate("ContractColumns", "All contracts"),
    }.get(scope, scope)


def contract_filters(scopes: list[str]) -> list[Filter]:
    """scopes: those the actor may choose (contract_list.contract_scopes), the first the one
    the list opens with."""
    words = contract_words()
    periods = {
        "this_month": QCoreApplication.translate("ContractColumns", "Signed this month"),
        "last_month": QCoreApplication.translate("ContractColumns", "Signed last month"),
        "this_quarter": QCoreApplication.translate("ContractColumns", "Signed this quarter"),
        "last_quarter": QCoreApplication.translate("ContractColumns", "Signed last quarter"),
        "this_year": QCoreApplication.translate("ContractColumns", "Signed this year"),
        "last_year": QCoreApplication.translate("ContractColumns", "Signed last year"),
    }
    search = QCoreApplication.translate("ContractColumns", "Search number, title or customer…")
    statuses = tuple((contract_status_label(s), s) for s in CONTRACT_STATUSES)
    # After Draft: a draft waiting for a manager's decision on activating it.
    statuses = (*statuses[:1], (contract_status_label("draft", True), AWAITING),
                *statuses[1:])  # fmt: skip
    ending = tuple((words.ending_within(d), d) for d in EXPIRING_DAYS)
    return [
        Filter("search", "search", search),
        Filter("scope", "choice", "", tuple((scope_label(s), s) for s in scopes
                                            if s in SCOPES), with_any=False),
        Filter("owner_id", "choice", QCoreApplication.translate("ContractColumns", "Any owner"),
               any_value=None, typeable=True),
        Filter("status", "choice", QCoreApplication.translate("ContractColumns", "Any status"),
               statuses),
        Filter("signed_period", "choice",
               QCoreApplication.translate("ContractColumns", "Signed any time"),
               tuple((periods[p], p) for p in SIGNED_PERIODS)),
        Filter("expiring_days", "choice",
               QCoreApplication.translate("ContractColumns", "Any end date"), ending, any_value=0),
        Filter("overdue_only", "check",
               QCoreApplication.translate("ContractColumns", "Overdue only")),
    ]  # fmt: skip
