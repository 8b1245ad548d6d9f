"""The pool's questions and answers in words: why customers go back to a pool (ReleaseDialog),
which pool they move to (MoveDialog), why a claim was refused (refusal_text), and a rep's room
("12 / 20 · 3 more today")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.pool import Capacity, PoolRow
from crmdesk.models.pool_actions import ClaimResult, Refusal
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.labels import listing, local_time, reason_label, sentences
from crmdesk.views.widgets import ok_cancel, problem_label


class PoolWords(QObject):
    """The pool's sentences that count (lupdate marks plurals only in a class's self.tr)."""

    def claimed(self, n: int) -> str:
        return self.tr("Claimed %Ln customer(s).", "", n)

    def not_claimed(self, n: int) -> str:
        return self.tr("%Ln customer(s) not claimed:", "", n)

    def more(self, n: int) -> str:
        return self.tr("and %Ln more.", "", n)

    def owned(self, n: int) -> str:
        return self.tr("You own %Ln customer(s)", "", n)

    def today_left(self, n: int) -> str:
        return self.tr("%Ln more today from this pool", "", n)


def refusal_text(r: Refusal) -> str:
    """Why one customer was not claimed, with its numbers."""
    p = r.params
    if r.code == "cap_reached":
        text = QCoreApplication.translate(
            "Pool", "you already own {owned} of at most {cap} customers"
        )
    elif r.code == "daily_cap":
        text = QCoreApplication.translate(
            "Pool", "you have claimed {claimed} of {cap} allowed from this pool today"
        )
    elif r.code == "cooldown":
        text = QCoreApplication.translate(
            "Pool", "you released it yourself and may claim it again from {until}"
        )
    elif r.code == "protected":
        text = QCoreApplication.translate(
            "Pool", "it is new in the pool; only the pool's admins may take it until {until}"
        )
    elif r.code == "taken":
        if p.get("by"):
            text = QCoreApplication.translate("Pool", "{by} claimed it a moment ago")
        else:
            text = QCoreApplication.translate("Pool", "someone claimed it a moment ago")
    elif r.code == "not_in_pool":
        text = QCoreApplication.translate("Pool", "it is no longer in this pool")
    else:
        text = QCoreApplication.translate("Pool", "it no longer exists")
    locale = QLocale()
    values = {k: locale.toString(v) if isinstance(v, int) else v for k, v in p.items()}
    if "until" in values:
        values["until"] = local_time(p["until"])
    return text.format(**values)


def claim_text(result: ClaimResult, names: dict[int, str]) -> str:
    """What a claim did: how many were claimed and, for the others, why not (the first few by
    name; one reason said once when it is the same for all)."""
    parts = []
    if result.claimed:
        parts.append(PoolWords().claimed(len(result.claimed)))
    if result.refused:
        reasons = {refusal_text(r) for r in result.refused}
        if len(result.refused) == 1 or len(reasons) == 1:
            who = [names.get(r.customer_id, "") for r in result.refused[:3]]
            who = [w for w in who if w]
            text = QCoreApplication.translate("Pool", "Not claimed: %1, because %2.").replace(
                "%1", listing(who) if who else str(len(result.refused))
            )
            parts.append(text.replace("%2", reasons.pop()))
        else:
            lines = [
                f"{names.get(r.customer_id, '#' + str(r.customer_id))}: {refusal_text(r)}"
                for r in result.refused[:5]
            ]
            more = len(result.refused) - len(lines)
            head = PoolWords().not_claimed(len(result.refused))
            tail = [PoolWords().more(more)] if more > 0 else []
            parts.append("\n".join([head, *lines, *tail]))
    return sentences(*parts)


def capacity_text(room: Capacity, daily_left: int | None) -> str:
    """'12 / 20 customers · 3 more today from this pool' (no cap: '12 customers')."""
    if room.cap is None:
        text = PoolWords().owned(room.owned)
    else:
        text = (
            QCoreApplication.translate("Pool", "You own %1 / %2 customers")
            .replace("%1", QLocale().toString(room.owned))
            .replace("%2", QLocale().toString(room.cap))
        )
    if daily_left is not None:
        text += " · " + PoolWords().today_left(daily_left)
    return text


class ReleaseDialog(QDialog):
    """Why customers go back to a pool (a reason is required; words of one's own too for
    "Other"), and to which: their own pool by region and industry unless one is chosen."""

    def __init__(
        self, ctx: PageContext, customer_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        """Releases the customers itself and closes only once that is saved: a failure is said
        here, with the reason and words typed still there."""
        super().__init__(parent)
        self.ctx, self.customer_ids = ctx, list(customer_ids)
        self.released = 0
        count = len(self.customer_ids)
        self.setWindowTitle(self.tr("Release to the pool"))
        self.setMinimumWidth(460)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Loading…"), "")
        self.reason.setEnabled(False)
        self.pool = QComboBox()
        self.pool.addItem(self.tr("Their own pool (by region and industry)"), None)
        self.reason_text = QLineEdit()
        self.reason_text.setMaxLength(500)
        self.reason_text.setPlaceholderText(self.tr("What the next owner should know"))
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Details"), self.reason_text)
        form.addRow(self.tr("Pool"), self.pool)
        buttons = ok_cancel(self, self._on_ok_clicked)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Release"))
        self.ok_button.setEnabled(False)
        intro = QLabel(
            self.tr(
                "%Ln customer(s) will go back to the pool, where colleagues may claim them. "
                "Their contacts, follow-ups and history go with them.",
                "",
                count,
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        ws = ctx.workspace
        ctx.read(lambda: (ws.release_reasons(), ws.pools()), self._on_loaded, self._on_failed,
                 owner=self)  # fmt: skip

    def _on_loaded(self, loaded: tuple[list[tuple[str, str]], list[PoolRow]]) -> None:
        reasons, pools = loaded
        self.reason.clear()
        self.reason.addItem(self.tr("Choose a reason…"), "")
        for code, label in reasons:
            self.reason.addItem(label or reason_label(code), code)
        for p in pools:
            if p.enabled:
                self.pool.addItem(p.name, p.id)
        self.reason.setEnabled(True)
        self.ok_button.setEnabled(True)

    def _on_failed(self, exc: BaseException) -> None:
        self.problem.setText(error_text(exc))
        self.problem.show()

    def value(self) -> tuple[str, str, int | None]:
        return (
            self.reason.currentData() or "",
            self.reason_text.text().strip(),
            self.pool.currentData(),
        )

    def _on_ok_clicked(self) -> None:
        code, text, pool_id = self.value()
        if not code:
            self.problem.setText(self.tr("Choose why the customers go back to the pool."))
        elif code == "other" and not text:
            self.problem.setText(self.tr("Please say why in a few words."))
        else:
            self.ok_button.setEnabled(False)  # one release at a time
            ids, ws = self.customer_ids, self.ctx.workspace
            self.ctx.write(lambda: ws.release(ids, code, text, pool_id), self._on_released,
                           self._on_release_failed, owner=self)  # fmt: skip
            return
        self.problem.show()

    def _on_released(self, result) -> None:
        self.released = result.value
        self.accept()

    def _on_release_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.problem.setText(error_text(exc))
        self.problem.show()


class MoveDialog(QDialog):
    """Which pool customers move to (a pool admin's action)."""

    def __init__(
        self, pools: Sequence[PoolRow], current: int, count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move to another pool"))
        self.pool = QComboBox()
        for p in pools:
            if p.id != current and p.enabled:
                self.pool.addItem(p.name, p.id)
        form = QFormLayout()
        form.addRow(self.tr("To pool"), self.pool)
        buttons = ok_cancel(self, self.accept)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.pool.count() > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Move %Ln customer(s) to another pool.", "", count)))
        layout.addLayout(form)
        if not self.pool.count():
            layout.addWidget(QLabel(self.tr("There is no other pool to move them to.")))
        layout.addWidget(buttons)

    def value(self) -> int | None:
        return self.pool.currentData()
