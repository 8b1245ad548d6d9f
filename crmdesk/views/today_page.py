"""Today: what a rep must do now. Follow-ups due today and overdue, customers about to go back
to the pool, forgotten customers, contacts' birthdays this week, unread notifications, and the
money to collect: instalments due within a week or overdue, contracts ending within 30 days.
One read fills the page (models/today.py); any change on the bus that touches customers,
contracts, payments or the notifications reads it again. A customer's item opens its customer
(the window does that: the page only says which, with open_requested); a contract's item opens
the contract dialog.

Payments due list one line per contract (its earliest due day, what its instalments due or
overdue still lack, how many they are), grouped here from receivables.due_instalments' rows,
which are per instalment. Finance owns no customers: their page is the money panels and the
notifications alone."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.models.today import NotificationRow, SectionResult, TodayResult
from crmdesk.views.context import PageContext
from crmdesk.views.deal_words import money
from crmdesk.views.errors import error_text
from crmdesk.views.labels import fill, local_time
from crmdesk.views.today_words import today_words
from crmdesk.views.widgets import Banner

FORGOTTEN_SETTING = "today/forgotten_days"
_RED = QBrush(QColor("#d9363e"))
_ID = int(Qt.ItemDataRole.UserRole)
_CONTRACT = _ID + 1  # an item of the payments' sections: its contract's id


CUSTOMER_BOXES = ("follow_ups", "recycling", "forgotten", "birthdays")
TIP_INSTALMENTS = 6  # a contract's tooltip lists this many of its instalments due


def notification_text(n: NotificationRow) -> str:
    return today_words().notification(n)


@dataclass(frozen=True)
class ContractDue:
    """One contract's instalments due or overdue (receivables.InstalmentDueRow's, earliest
    first): one line of the Payments due panel."""

    contract_id: int
    contract_number: str
    contract_title: str
    customer_id: int
    customer_name: str
    instalments: tuple  # its InstalmentDueRow, by due day
    outstanding: Decimal  # what they all still lack
    days: int  # the earliest one's due day from today (negative: overdue)

    @property
    def overdue(self) -> bool:
        return self.days < 0


def due_by_contract(rows) -> list[ContractDue]:
    """The instalments' rows grouped per contract, in the order of each contract's earliest
    due instalment (the rows come earliest first)."""
    groups: dict[int, list] = {}
    for r in rows:
        groups.setdefault(r.contract_id, []).append(r)
    return [
        ContractDue(first.contract_id, first.contract_number, first.contract_title,
                    first.customer_id, first.customer_name, tuple(group),
                    sum((r.outstanding for r in group), Decimal(0)), first.days)
        for group in groups.values()
        for first in group[:1]
    ]  # fmt: skip


class TodayPage(QWidget):
    open_requested = Signal(int)  # a customer's id

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.settings = ctx.settings
        self.result: TodayResult | None = None
        self.due: list[ContractDue] = []  # the Payments due panel's lines
        self.title = QLabel()
        self.title.setObjectName("todayTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.banner = Banner()
        self.banner.retry_clicked.connect(self.reload)

        self.follow_ups = self._list()
        self.recycling = self._list()
        self.forgotten = self._list()
        self.birthdays = self._list()
        self.notifications = self._list()
        self.instalments = self._list()
        self.instalments.setSpacing(3)  # its items are two lines: a gap tells them apart
        self.expiring = self._list()
        self.forgotten_days = QSpinBox()
        self.forgotten_days.setRange(7, 3650)
        self.forgotten_days.setSuffix(self.tr(" days"))
        self.forgotten_days.setValue(self._remembered_days())
        self.forgotten_days.setToolTip(self.tr("Customers with no follow-up for this long"))
        self.forgotten_days.editingFinished.connect(self._on_days_edited)
        self.read_button = QPushButton(self.tr("Mark all read"))
        self.read_button.clicked.connect(self._on_read_clicked)

        self.boxes = {
            "follow_ups": self._box(self.tr("Follow-ups due"), self.follow_ups),
            "recycling": self._box(self.tr("About to go back to the pool"), self.recycling),
            "forgotten": self._box(
                self.tr("Forgotten customers"), self.forgotten, self.forgotten_days
            ),  # fmt: skip
            "birthdays": self._box(self.tr("Birthdays in the next 7 days"), self.birthdays),
            "instalments": self._box(self.tr("Payments due"), self.instalments),
            "expiring": self._box(self.tr("Contracts ending soon"), self.expiring),
            "notifications": self._box(
                self.tr("Notifications"), self.notifications, self.read_button
            ),  # fmt: skip
        }
        grid = QGridLayout()
        self.finance = self.workspace.actor.role == "finance"
        if self.finance:
            # Finance owns no customers: those panels would stay empty. The money takes the
            # room, each panel the full height.
            for key in CUSTOMER_BOXES:
                self.boxes[key].hide()
            grid.addWidget(self.boxes["instalments"], 0, 0)
            grid.addWidget(self.boxes["expiring"], 0, 1)
            grid.addWidget(self.boxes["notifications"], 0, 2)
        else:
            grid.addWidget(self.boxes["follow_ups"], 0, 0)
            grid.addWidget(self.boxes["recycling"], 0, 1)
            grid.addWidget(self.boxes["notifications"], 0, 2, 3, 1)  # the full height: no gap
            grid.addWidget(self.boxes["forgotten"], 1, 0)
            grid.addWidget(self.boxes["birthdays"], 1, 1)
            grid.addWidget(self.boxes["instalments"], 2, 0)
            grid.addWidget(self.boxes["expiring"], 2, 1)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addLayout(grid, 1)
        ctx.bus.changed.connect(self._on_data_changed)
        self.reload()

    # -- building
    def _list(self) -> QListWidget:
        widget = QListWidget()
        widget.setWordWrap(True)
        # activated: a double-click (or a click, where the style says so) and Enter; once
        # each, where also listening to itemDoubleClicked opened a contract twice
        widget.itemActivated.connect(self._on_item_activated)
        return widget

    def _box(self, title: str, widget: QListWidget, extra: QWidget | None = None) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        if extra is not None:
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(extra)
            column.addLayout(row)
        column.addWidget(widget, 1)
        return box

    # -- loading
    def reload(self) -> None:
        days = self.forgotten_days.value()
        self.ctx.read(lambda: self.workspace.today(days), self._on_loaded, self._on_failed,
                      owner=self, key="today")  # fmt: skip

    refresh = reload

    def leave(self, proceed, stay=None) -> None:
        proceed()  # nothing here is edited

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if change.touches_customers() or change.kinds & {"notifications", "contracts", "payments"}:
            self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        self.banner.show_message(error_text(exc))

    def _on_loaded(self, result: TodayResult) -> None:
        self.banner.hide()
        self.result = result
        locale = QLocale()
        day = locale.toString(result.day.date, QLocale.FormatType.LongFormat)
        self.title.setText(self.tr("Today · %1").replace("%1", day))
        words = today_words()
        self._fill(
            self.follow_ups,
            result.follow_ups,
            lambda r: (
                f"{r.customer_name} · {local_time(r.next_follow_up_at)}"
                + (f" · {r.contact_name} {r.contact_mobile}".rstrip() if r.contact_name else ""),
                r.overdue,
            ),
            self.tr("Nothing due today."),
        )
        self._fill(
            self.recycling,
            result.recycling,
            lambda r: (
                f"{r.customer_name} · {words.days_left(r.days_left)} · {r.pool_name}",
                r.days_left <= 1,
            ),  # fmt: skip
            self.tr("None of your customers is about to go back to the pool."),
        )
        self._fill(
            self.forgotten,
            result.forgotten,
            lambda r: (f"{r.customer_name} · {words.silent(r.days)}", False),
            self.tr("No forgotten customers."),
        )
        self._fill(
            self.birthdays,
            result.birthdays,
            lambda r: (
                f"{r.contact_name} ({r.customer_name}) · "
                f"{locale.toString(r.on, 'M/d')} · {words.in_days(r.days_until)}",
                r.days_until == 0,
            ),
            self.tr("No birthdays in the next seven days."),
        )
        self._fill(
            self.notifications,
            result.notifications,
            lambda n: (f"{local_time(n.created_at)} · {notification_text(n)}", False),
            self.tr("No new notifications."),
        )
        self.due = due_by_contract(result.instalments.rows)
        self._fill(
            self.instalments,
            SectionResult(tuple(self.due), len(self.due)),
            lambda r: (
                # two lines of their own: one wrapped by the list lost its end to "…" when
                # the scroll bar came (Qt lays wrapped items out for the width before it)
                " · ".join(
                    [money(r.outstanding), words.due(r.days)]
                    + ([words.instalments(len(r.instalments))] if len(r.instalments) > 1 else [])
                )
                + f"\n{r.customer_name} · {r.contract_number}",
                r.overdue,
            ),  # fmt: skip
            self.tr("No payment falls due this week."),
            more=result.instalments.total - len(result.instalments.rows),
        )
        self._fill(
            self.expiring,
            result.expiring,
            lambda r: (
                f"{r.customer_name} · {words.ends(r.days_left)} · {r.number}",
                r.days_left <= 7,
            ),
            self.tr("No contract ends in the next 30 days."),
        )
        self._date_tips()
        self.read_button.setEnabled(result.notifications.total > 0)

    def _date_tips(self) -> None:
        """The payments' items name their contract's title and give the days themselves (and
        what was paid) on hover: one line each in the list, titles being long."""
        for i, r in enumerate(self.due):
            lines = [f"{r.contract_number} {r.contract_title}"]
            for due in r.instalments[:TIP_INSTALMENTS]:
                lines.append(fill(self.tr("Due on %1: %2, %3 paid"), due.due_on.isoformat(),
                                  money(due.amount), money(due.paid)))  # fmt: skip
            if len(r.instalments) > TIP_INSTALMENTS:
                lines.append(today_words().more(len(r.instalments) - TIP_INSTALMENTS))
            self.instalments.item(i).setToolTip("\n".join(lines))
        for i, r in enumerate(self.result.expiring.rows):
            tip = fill(self.tr("Ends on %1; %2 still to collect"), r.ends_on.isoformat(),
                       money(r.outstanding))  # fmt: skip
            self.expiring.item(i).setToolTip(f"{r.number} {r.title}\n{tip}")

    def _fill(self, widget: QListWidget, section, cells, empty: str, more: int = -1) -> None:
        """more: what the section's limit left out, when not its rows' count (-1)."""
        widget.clear()
        for row in section.rows:
            text, urgent = cells(row)
            item = QListWidgetItem(text)
            item.setData(_ID, getattr(row, "customer_id", None))
            item.setData(_CONTRACT, getattr(row, "contract_id", None))
            if urgent:
                item.setForeground(_RED)
            widget.addItem(item)
        if more < 0:
            more = section.total - len(section.rows)
            text = today_words().more(more)
        else:  # the rows were grouped: what was left out is counted in instalments
            text = today_words().more_instalments(more)
        if more > 0:
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(item)
        if not section.rows:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(item)

    # -- actions
    @Slot(QListWidgetItem)
    def _on_item_activated(self, item: QListWidgetItem) -> None:
        contract_id = item.data(_CONTRACT)
        if contract_id is not None:
            from crmdesk.views.contract_dialog import open_contract_dialog

            open_contract_dialog(self.ctx, self, contract_id=int(contract_id))
            return
        customer_id = item.data(_ID)
        if customer_id is not None:
            self.open_requested.emit(int(customer_id))

    def _remembered_days(self) -> int:
        value = self.settings.value(FORGOTTEN_SETTING) if self.settings is not None else None
        try:
            return max(7, min(3650, int(value)))
        except (TypeError, ValueError):
            return 150

    @Slot()
    def _on_days_edited(self) -> None:
        if self.settings is not None:
            self.settings.setValue(FORGOTTEN_SETTING, self.forgotten_days.value())
        self.reload()

    @Slot()
    def _on_read_clicked(self) -> None:
        self.read_button.setEnabled(False)
        self.ctx.write(lambda: self.workspace.mark_read("all"), None, owner=self)
