"""Deactivating a user who leaves (HandoverDialog): what they hold (customers, open deals), and
where it goes in the same unit of work: their customers to a colleague, or back to a pool with
a reason; their open deals to a colleague. Nothing of theirs is deleted; contracts keep their
owner as history. The dialog deactivates and closes only once that is saved, and says what
moved (result_text)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.policy import sells
from crmdesk.models.user_admin import Handover
from crmdesk.views.context import PageContext
from crmdesk.views.errors import error_text
from crmdesk.views.labels import reason_label, sentences
from crmdesk.views.widgets import ok_cancel, problem_label

TRANSFER_REASON = "handover"  # an ownership transfer's reason (labels.reason_label)


class HandoverWords(QObject):
    """Counted sentences (lupdate marks plurals only in a class's self.tr)."""

    def customers(self, n: int) -> str:
        return self.tr("%Ln customer(s)", "", n)

    def deals(self, n: int) -> str:
        return self.tr("%Ln open deal(s)", "", n)

    # Whole sentences, their verb counted too (the English file gives "goes" and "go"); the
    # pool by its name alone, quoted ("放回“公海”", not "放回公海“公海”").
    def customers_will_go(self, n: int, colleague: str) -> str:
        return self.tr("%Ln customer(s) will go to %1.", "", n).replace("%1", colleague)

    def customers_will_return(self, n: int, pool: str) -> str:
        return self.tr("%Ln customer(s) will go back to “%1”.", "", n).replace("%1", pool)

    def deals_will_go(self, n: int, colleague: str) -> str:
        return self.tr("%Ln open deal(s) will go to %1.", "", n).replace("%1", colleague)

    def customers_went(self, n: int, colleague: str) -> str:
        return self.tr("%Ln customer(s) went to %1.", "", n).replace("%1", colleague)

    def customers_returned(self, n: int, pool: str) -> str:
        return self.tr("%Ln customer(s) went back to “%1”.", "", n).replace("%1", pool)

    def deals_went(self, n: int, colleague: str) -> str:
        return self.tr("%Ln open deal(s) went to %1.", "", n).replace("%1", colleague)


def confirm_deactivate(parent: QWidget, text: str) -> bool:
    """The last word before a user is deactivated; Cancel is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Handover", "Deactivate user"))
    box.setText(text)
    yes = box.addButton(
        QCoreApplication.translate("Handover", "Deactivate"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    return box.clickedButton() is yes


class HandoverDialog(QDialog):
    """user: the row of the users list being deactivated. result: the DeactivateResult once
    saved; result_text: what moved, in words."""

    def __init__(self, ctx: PageContext, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.result_value = None
        self.result_text = ""
        self.counts: tuple[int, int] | None = None
        self.colleague_names: dict[int, str] = {}
        self.pool_names: dict[int, str] = {}
        self.setWindowTitle(self.tr("Deactivate {name}").format(name=user.name))
        self.setMinimumWidth(520)
        self.holds = QLabel(self.tr("Counting what they hold…"))
        self.holds.setWordWrap(True)
        self.to_colleague = QRadioButton(self.tr("Transfer their customers to a colleague"))
        self.to_pool = QRadioButton(self.tr("Release their customers to a pool"))
        self.to_colleague.setChecked(True)
        self.way = QButtonGroup(self)
        self.way.addButton(self.to_colleague)
        self.way.addButton(self.to_pool)
        self.to_colleague.toggled.connect(self._on_way_toggled)
        self.colleague = QComboBox()
        self.pool = QComboBox()
        self.reason = QComboBox()
        self.reason_text = QLineEdit()
        self.reason_text.setMaxLength(500)
        self.reason_text.setPlaceholderText(self.tr("What the next owner should know"))
        self.deals_to = QComboBox()
        self.deals_to.currentIndexChanged.connect(self._on_choice_changed)
        self.colleague.currentIndexChanged.connect(self._on_choice_changed)
        self.form = QFormLayout()
        self.form.addRow(self.to_colleague)
        self.form.addRow(self.tr("Colleague"), self.colleague)
        self.form.addRow(self.to_pool)
        self.form.addRow(self.tr("Pool"), self.pool)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Details"), self.reason_text)
        self.form.addRow(self.tr("Open deals go to"), self.deals_to)
        self.handover = QWidget()
        self.handover.setLayout(self.form)
        self.handover.setEnabled(False)  # until loaded
        note = QLabel(
            self.tr(
                "They can no longer sign in; nothing of theirs is deleted, and contracts keep "
                "them as owner. An administrator can reactivate them later."
            )
        )
        note.setWordWrap(True)
        self.problem = problem_label()
        buttons = ok_cancel(self, self._on_ok_clicked)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Deactivate"))
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.holds)
        layout.addWidget(self.handover)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._on_way_toggled(True)
        ws, user_id = ctx.workspace, user.id
        ctx.read(
            lambda: (
                ws.handover_counts(user_id),
                ws.assignable_users(),
                ws.pools(),
                ws.release_reasons(),
            ),  # fmt: skip
            self._on_loaded,
            self._on_load_failed,
            owner=self,
        )

    # -- loading
    def _on_loaded(self, loaded) -> None:
        counts, users, pools, reasons = loaded
        self.counts = (counts[0], counts[1])
        # Who sells takes over, not the one leaving (deactivate_user refuses anyone else).
        colleagues = [u for u in users if u.id != self.user.id and u.active and sells(u)]
        self.colleague_names = {u.id: u.name for u in colleagues}
        self.colleague.clear()
        self.colleague.addItem(self.tr("Choose a colleague…"), None)
        self.deals_to.clear()
        self.deals_to.addItem(self.tr("The same colleague"), None)
        for u in colleagues:
            text = f"{u.name} · {u.team_name}" if u.team_name else u.name
            self.colleague.addItem(text, u.id)
            self.deals_to.addItem(text, u.id)
        self.pool.clear()
        for p in pools:
            if p.enabled:
                self.pool.addItem(p.name, p.id)
                self.pool_names[p.id] = p.name
        self.reason.clear()
        self.reason.addItem(self.tr("Choose a reason…"), "")
        for code, label in reasons:
            self.reason.addItem(label or reason_label(code), code)
        self.holds.setText(self._holds_text())
        customers, deals = self.counts
        self.handover.setEnabled(True)
        self.handover.setVisible(bool(customers or deals))
        for widget in (self.to_colleague, self.colleague, self.to_pool, self.pool, self.reason,
                       self.reason_text):  # fmt: skip
            self.form.setRowVisible(widget, bool(customers))
        self.form.setRowVisible(self.deals_to, bool(deals))
        self.to_pool.setEnabled(self.pool.count() > 0)
        self._on_way_toggled(self.to_colleague.isChecked())
        self.ok_button.setEnabled(True)
        self.adjustSize()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._show_problem(error_text(exc))

    def _holds_text(self) -> str:
        customers, deals = self.counts
        if not customers and not deals:
            return self.tr("{name} owns no customers and no open deals: there is nothing to "
                           "hand over.").format(name=self.user.name)  # fmt: skip
        words = HandoverWords()
        return self.tr("{name} owns {customers} and {deals}. Choose where they go.").format(
            name=self.user.name, customers=words.customers(customers), deals=words.deals(deals)
        )

    # -- choosing
    def _on_way_toggled(self, _checked: bool) -> None:
        colleague = self.to_colleague.isChecked()
        customers = self.counts[0] if self.counts else 0
        self.colleague.setEnabled(colleague)
        for widget in (self.pool, self.reason, self.reason_text):
            widget.setEnabled(not colleague)
        # Deals never go to a pool: releasing customers, someone must still take their deals.
        same = self.deals_to.findData(None)
        if same >= 0:
            self.deals_to.setItemText(
                same,
                self.tr("The same colleague")
                if colleague and customers
                else self.tr("Choose a colleague…"),
            )
        self._on_choice_changed()

    def _on_choice_changed(self, *_args) -> None:
        self.problem.hide()

    def value(self) -> Handover:
        if self.to_colleague.isChecked():
            return Handover(
                to_user_id=self.colleague.currentData(),
                pool_id=None,
                deals_to_user_id=self.deals_to.currentData(),
                reason_code=TRANSFER_REASON,
                reason_text="",
            )
        return Handover(
            to_user_id=None,
            pool_id=self.pool.currentData(),
            deals_to_user_id=self.deals_to.currentData(),
            reason_code=self.reason.currentData() or "",
            reason_text=self.reason_text.text().strip(),
        )

    def _choice_problem(self, handover: Handover) -> str:
        customers, deals = self.counts
        if not customers and not deals:
            return ""
        if not customers:
            if handover.deals_to_user_id is None:
                return self.tr("Choose the colleague who takes over their open deals.")
            return ""
        if self.to_colleague.isChecked():
            if handover.to_user_id is None:
                return self.tr("Choose the colleague who takes over their customers.")
            return ""
        if handover.pool_id is None:
            return self.tr("Choose the pool their customers go back to.")
        if not handover.reason_code:
            return self.tr("Choose why the customers go back to the pool.")
        if handover.reason_code == "other" and not handover.reason_text:
            return self.tr("Please say why in a few words.")
        if deals and handover.deals_to_user_id is None:
            return self.tr("Choose the colleague who takes over their open deals.")
        return ""

    def _confirm_text(self, handover: Handover) -> str:
        customers, deals = self.counts
        words = HandoverWords()
        name = self.user.name
        if not customers and not deals:
            return self.tr("Deactivate {name}? They will no longer be able to sign in.").format(
                name=name
            )
        deals_to = handover.deals_to_user_id or handover.to_user_id
        parts = []
        if customers and handover.to_user_id is not None:
            colleague = self.colleague_names.get(handover.to_user_id, "")
            parts.append(words.customers_will_go(customers, colleague))
        elif customers:
            pool = self.pool_names.get(handover.pool_id, "")
            parts.append(words.customers_will_return(customers, pool))
        if deals:
            parts.append(words.deals_will_go(deals, self.colleague_names.get(deals_to, "")))
        question = self.tr("Deactivate {name}?").format(name=name)
        return sentences(question, *parts)

    def _on_ok_clicked(self) -> None:
        if self.counts is None or not self.ok_button.isEnabled():
            return
        handover = self.value()
        problem = self._choice_problem(handover)
        if problem:
            self._show_problem(problem)
            return
        if not confirm_deactivate(self, self._confirm_text(handover)):
            return
        self.ok_button.setEnabled(False)  # one deactivation at a time
        self.problem.hide()
        ws, user_id = self.ctx.workspace, self.user.id
        self.ctx.write(lambda: ws.deactivate_user(user_id, handover),
                       lambda result: self._on_deactivated(result, handover),
                       self._on_deactivate_failed, owner=self)  # fmt: skip

    def _on_deactivated(self, result, handover: Handover) -> None:
        self.result_value = result.value
        self.result_text = deactivated_text(
            self.user.name,
            result.value,
            self.colleague_names.get(handover.to_user_id or 0, ""),
            self.pool_names.get(handover.pool_id or 0, ""),
            self.colleague_names.get(handover.deals_to_user_id or handover.to_user_id or 0, ""),
        )
        self.accept()

    def _on_deactivate_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self._show_problem(error_text(exc))

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


def deactivated_text(name: str, result: Any, colleague: str, pool: str, deals_to: str) -> str:
    """What a deactivation moved: 'Deactivated 张伟. 12 customers went to 李娜; 3 open deals
    went to 李娜.'"""
    words = HandoverWords()
    parts = [QCoreApplication.translate("Handover", "Deactivated {name}.").format(name=name)]
    if result.customers and colleague:
        parts.append(words.customers_went(result.customers, colleague))
    elif result.customers:
        parts.append(words.customers_returned(result.customers, pool))
    if result.deals:
        parts.append(words.deals_went(result.deals, deals_to))
    return sentences(*parts)
