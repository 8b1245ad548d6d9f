"""The detail panel's tabs that stand on their own: the follow-up form with its timeline, and
the history (ownership events and overwrites kept on record)."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.customer_card import CustomerCard
from crmdesk.models.schema import FOLLOW_UP_KINDS
from crmdesk.views.icons import set_icon
from crmdesk.views.labels import (
    event_reason,
    field_label,
    kind_label,
    listing,
    local_time,
    ownership_label,
)
from crmdesk.views.today_words import today_words
from crmdesk.views.widgets import chinese_calendar, problem_label


def _to_utc(value: QDateTime) -> datetime:
    local = value.toPython()
    return local.astimezone(UTC).replace(tzinfo=None)


def _set_up(table: QTableWidget, headers: list[str], stretch: int) -> None:
    """Columns fit their contents but one, `stretch`, which takes the width left and wraps
    its text: in a 400-pixel panel no column is cut off at the right edge."""
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def table_widget(headers: list[str], stretch: int) -> QTableWidget:
    """A small read-only table of a detail tab: whole rows, one at a time, columns to fit."""
    table = QTableWidget(0, len(headers))
    _set_up(table, headers, stretch)
    return table


def fill_table(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    """The rows, with the columns no row has anything in hidden (a contact list without
    e-mail or WeChat shows neither), so what there is fits the panel."""
    table.setRowCount(len(rows))
    for i, values in enumerate(rows):
        for j, v in enumerate(values):
            table.setItem(i, j, QTableWidgetItem(v))
    for j in range(1, table.columnCount()):
        table.setColumnHidden(j, bool(rows) and not any(values[j] for values in rows))
    table.resizeRowsToContents()


class ContactsTab(QWidget):
    """The customer's contacts (the primary one starred) with Add / Edit / Remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [self.tr("Name"), self.tr("Title"), self.tr("Mobile"), self.tr("Phone"),
                   self.tr("Email"), self.tr("WeChat")]  # fmt: skip
        self.table = table_widget(headers, stretch=4)  # the e-mail address, the longest
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for button, key in (
            (self.add_button, "add"),
            (self.edit_button, "edit"),
            (self.remove_button, "remove"),
        ):
            set_icon(button, key)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    def fill(self, contacts) -> None:
        rows = []
        for c in contacts:
            d = c.data
            name = d.name + (" ★" if d.is_primary else "")
            rows.append((name, d.title, d.mobile, d.phone, d.email, d.wechat))
        fill_table(self.table, rows)


class FollowUpTab(QWidget):
    """Log a follow-up (kind, what happened, the next one planned) above the timeline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for kind in FOLLOW_UP_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.content = QPlainTextEdit()
        self.content.setPlaceholderText(self.tr("What happened? What did the customer say?"))
        self.content.setFixedHeight(60)
        self.plan_next = QCheckBox(self.tr("Next follow-up"))
        self.next_at = QDateTimeEdit()
        self.next_at.setCalendarPopup(True)
        self.next_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.next_at.setEnabled(False)
        self.plan_next.toggled.connect(self.next_at.setEnabled)
        self.add_button = QPushButton(self.tr("Add follow-up"))
        set_icon(self.add_button, "follow_up")
        self.problems = problem_label()  # what to fix, beside the fields, never a box
        self.content.textChanged.connect(self.problems.hide)
        self.next_at.dateTimeChanged.connect(self.problems.hide)
        chinese_calendar(self.next_at)
        self.timeline = QTextBrowser()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.plan_next)
        top.addWidget(self.next_at, 1)
        layout.addLayout(top)
        layout.addWidget(self.content)
        row = QHBoxLayout()
        row.addWidget(self.problems, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.timeline, 1)

    def planned_next(self) -> datetime | None:
        return _to_utc(self.next_at.dateTime()) if self.plan_next.isChecked() else None

    def fill_timeline(self, card: CustomerCard) -> None:
        if not card.follow_ups:
            empty = html.escape(self.tr("No follow-ups yet."))
            self.timeline.setHtml(f"<p style='color:gray'>{empty}</p>")
            return
        parts = []
        for r in card.follow_ups:
            plan = ""
            if r.next_follow_up_at:
                plan = " · " + self.tr("next: {at}").format(at=local_time(r.next_follow_up_at))
            head = f"{local_time(r.happened_at)} · {kind_label(r.kind)} · {r.author_name}{plan}"
            content = html.escape(r.content).replace("\n", "<br>")
            parts.append(f"<p><b>{html.escape(head)}</b><br>{content}</p>")
        hidden = card.follow_up_total - len(card.follow_ups)
        if hidden > 0:
            more = self.tr("%Ln older follow-up(s) not shown.", "", hidden)
            parts.append(f"<p style='color:gray'>{html.escape(more)}</p>")
        self.timeline.setHtml("".join(parts))


class HistoryTable(QTableWidget):
    """Who held the customer and why they let go, and overwrites of colleagues' edits; newest
    first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        headers = [self.tr("When"), self.tr("What"), self.tr("From"), self.tr("To"),
                   self.tr("Why"), self.tr("By")]  # fmt: skip
        _set_up(self, headers, stretch=4)  # why: the free text

    def fill(self, card: CustomerCard) -> None:
        # An overwrite sorts before an ownership event of the same second: it cannot come
        # before the customer's creation.
        events = [(e.at, self._edit_cells(e)) for e in card.edits]
        events += [(e.at, self._event_cells(e)) for e in card.events]
        events.sort(key=lambda pair: pair[0], reverse=True)
        fill_table(self, [cells for _at, cells in events])

    def _event_cells(self, e) -> tuple[str, ...]:
        why = event_reason(e.kind, e.reason_code, e.reason_text, e.reason_label)
        return (
            local_time(e.at),
            ownership_label(e.kind),
            e.from_name,
            e.to_name,
            why,
            e.actor_name,
        )

    def _edit_cells(self, e) -> tuple[str, ...]:
        fields = listing(field_label(f) for f in e.fields)
        # From/To are owners; whose edit was overwritten belongs in the sentence, not there.
        other = e.other_name or self.tr("a colleague")
        what = self.tr("Overwrote {name}'s changes").format(name=other)
        return (local_time(e.at), what, "", "", fields, e.actor_name)


def card_heading(card: CustomerCard) -> str:
    """The detail panel's line under the name: owner (or the pool it sits in), level, follow-ups,
    and when it goes back to the pool. Its texts stay in the panel's translation context. A
    narrow panel wraps it between its parts, never inside one ("Next:" above its date)."""
    return " · ".join(map(one_line, _heading(card).split(" · ")))


def one_line(part: str) -> str:
    """A part of a line that wraps kept whole: its spaces no-break ones, and a WORD JOINER
    (U+2060, zero-width) after each hyphen and beside each CJK or full-width character, which
    text may break around (follow-|up; 最近跟进：| 2026-12-06 wrapped after the colon)."""
    out: list[str] = []
    for i, ch in enumerate(part.replace(" ", "\u00a0")):
        if i and (ch >= WIDE or out[-1] >= WIDE or out[-1] == "-"):
            out.append("\u2060")
        out.append(ch)
    return "".join(out)


WIDE = "\u2e80"  # CJK radicals on: ideographs, kana, full-width punctuation and forms


def _heading(card: CustomerCard) -> str:
    d = card.detail
    values = {
        "level": d.data.level,
        "last": local_time(d.last_follow_up_at) or "—",
        "next": local_time(d.next_follow_up_at) or "—",
    }
    if card.pool_name:  # nobody's: where it sits, and since when
        line = QCoreApplication.translate(
            "CustomerDetailPanel",
            "In the pool {pool} since {date} · Level {level} · Last follow-up: {last} · "
            "Next: {next}",
        ).format(pool=card.pool_name, date=local_time(card.pool_entered_at, False), **values)
    else:
        owner = d.owner_name or QCoreApplication.translate("CustomerDetailPanel", "nobody")
        line = QCoreApplication.translate(
            "CustomerDetailPanel",
            "Owner: {owner} · Level {level} · Last follow-up: {last} · Next: {next}",
        ).format(owner=owner, **values)
    if card.recycle is not None:  # the owner is warned before the pool takes it back
        words = today_words().days_left(card.recycle.days_left)
        line += f" · {words} ({card.recycle.pool_name})"
    return line
