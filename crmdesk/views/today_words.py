"""The Today page's counted sentences, shared with the customer detail ("returns to the pool
in 3 days") and the contracts' reminders ("3 days overdue"): in a class, because lupdate marks
plurals only in a class's self.tr."""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject

from crmdesk.models.today import NotificationRow
from crmdesk.views.labels import rule_text


class TodayWords(QObject):
    def days_left(self, n: int) -> str:
        if n <= 0:
            return self.tr("goes back to the pool at the next recycle pass")
        return self.tr("returns to the pool in %n day(s)", "", n)

    def silent(self, n: int) -> str:
        return self.tr("no follow-up for %n day(s)", "", n)

    def in_days(self, n: int) -> str:
        return self.tr("today") if n == 0 else self.tr("in %n day(s)", "", n)

    def due(self, days: int) -> str:
        """An instalment's due day from today: "3 days overdue", "due today", "due in 2 days"."""
        if days < 0:
            return self.tr("%n day(s) overdue", "", -days)
        return self.tr("due today") if days == 0 else self.tr("due in %n day(s)", "", days)

    def ends(self, days: int) -> str:
        return self.tr("ends today") if days <= 0 else self.tr("ends in %n day(s)", "", days)

    def more(self, n: int) -> str:
        return self.tr("%Ln more not shown", "", n)

    def instalments(self, n: int) -> str:
        """A contract's reminder: how many of its instalments are due or overdue."""
        return self.tr("%Ln instalment(s)", "", n)

    def more_instalments(self, n: int) -> str:
        return self.tr("%Ln more instalment(s) not shown", "", n)

    def recycle_in(self, n: int) -> str:
        """The customer list's column: "in 3 days", "next pass"."""
        return self.tr("next pass") if n <= 0 else self.tr("in %n day(s)", "", n)

    def customers(self, n: int) -> str:
        return self.tr("%Ln customer(s)", "", n)

    def notification(self, n: NotificationRow) -> str:
        what = n.customer_name or self.customers(n.count)
        if n.kind == "recycled":
            kind, _sep, days = n.detail.partition(":")
            why = rule_text(kind, int(days)) if days.isdigit() else ""
            text = self.tr("%1 went back to %2: %3").replace("%3", why)
        elif n.kind == "assigned":
            text = self.tr("%1 assigned to you from %2 by %3").replace("%3", n.detail)
        elif n.kind == "claimed":
            text = self.tr("%1 you had released claimed from %2 by %3").replace("%3", n.detail)
        elif n.kind == "recycle_warning" and n.detail.isdigit():
            text = self.tr("%1 will go back to %2 within %n day(s)", "", int(n.detail))
        elif n.kind == "approval":
            return self.tr("A request waits for your approval: %1").replace("%1", n.detail)
        elif n.kind == "approval_decided":
            verdict, _sep, title = n.detail.partition(":")
            if verdict == "approved":
                return self.tr("Your request was approved: %1").replace("%1", title)
            return self.tr("Your request was rejected: %1").replace("%1", title)
        elif n.kind == "report_comment":
            return self.report_comment(n.detail)
        elif n.kind == "collaborator":  # detail: who shared it (collaborators.py)
            return self.tr("%1 shared %2 with you").replace("%2", what).replace("%1", n.detail)
        elif n.kind == "shared_follow_up":  # detail: "owner:" or "shared:", who logged it
            to, sep, who = n.detail.partition(":")
            if not sep or to not in ("owner", "shared"):
                to, who = "shared", n.detail  # a row written before the reader was told apart
            if to == "owner":
                text = self.tr("%1 logged a follow-up on your customer %2")
            else:
                text = self.tr("%1 logged a follow-up on %2, shared with you")
            return text.replace("%2", what).replace("%1", who)
        else:
            text = "%1"
        return text.replace("%1", what).replace("%2", n.pool_name)

    def report_comment(self, detail: str) -> str:
        """work_reports.NOTICE: detail "<daily|weekly>:<period start>:<commenter's name>" (the
        name last: it may hold a colon)."""
        kind, _sep, rest = detail.partition(":")
        day, _sep, who = rest.partition(":")
        if kind == "weekly":
            text = self.tr("%1 commented on your weekly report for the week of %2")
        else:
            text = self.tr("%1 commented on your daily report of %2")
        return text.replace("%2", day).replace("%1", who)


@functools.cache
def today_words() -> TodayWords:
    """One instance (a table asks for a cell's text at every paint); tr() reads the language
    in force at each call."""
    return TodayWords()
