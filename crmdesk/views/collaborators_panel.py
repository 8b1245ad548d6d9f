"""The customer detail panel's "Shared with" tab: the colleagues a customer is shared with
(collaborators.py), and for its owner, the owner's manager or an admin, Add and Remove; a
collaborator may remove themselves. Read off the GUI thread when a card loads and again when a
change touches the customer; writes through the page context, their buttons waiting meanwhile.

It also says whether the panel's Add follow-up button is usable: a collaborator may log
follow-ups on a customer whose fields they may not edit (CustomerCard.may_follow_up)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.changes import Change
from crmdesk.models.collaborators import CollaboratorList
from crmdesk.models.customer_card import CustomerCard
from crmdesk.views.context import PageContext
from crmdesk.views.widgets import make_typeable


class CollaboratorsPanel(QWidget):
    def __init__(self, ctx: PageContext, tabs: QTabWidget, index: int = -1) -> None:
        """Put in tabs at index (after Follow-ups: easy to find), its title counting the
        colleagues it is shared with."""
        super().__init__()
        self.ctx, self.tabs = ctx, tabs
        self.customer_id: int | None = None
        self.owner_id: int | None = None
        self.may_follow_up = False
        self.shown: CollaboratorList | None = None
        self._choices: list = []  # users.UserRow, read once when first needed

        intro = QLabel(
            self.tr(
                "Colleagues this customer is shared with see it and may log follow-ups on it; "
                "they are told of new follow-ups. Only its owner, their manager or an "
                "administrator can change it."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._on_current_changed)
        self.colleague = QComboBox()
        make_typeable(self.colleague)
        self.colleague.setMinimumWidth(160)
        self.colleague.lineEdit().setPlaceholderText(self.tr("Choose a colleague…"))
        self.colleague.currentIndexChanged.connect(self._on_colleague_changed)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        row = QHBoxLayout()
        row.addWidget(self.colleague, 1)
        row.addWidget(self.add_button)
        row.addStretch(0)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        tabs.insertTab(index, self, self.tr("Shared with"))
        ctx.bus.changed.connect(self._on_data_changed)
        self._fill(None)

    # -- loading
    def show_card(self, card: CustomerCard | None, follow_up_button: QPushButton) -> None:
        """The panel loaded this customer's card: read its collaborators; the follow-up button
        is usable by a collaborator too."""
        self.may_follow_up = card is not None and card.may_follow_up
        follow_up_button.setEnabled(self.may_follow_up)
        new = card is None or card.detail.id != self.customer_id
        self.customer_id = None if card is None else card.detail.id
        self.owner_id = None if card is None else card.detail.owner_id
        if new:
            self._fill(None)
        if self.customer_id is not None:
            self.reload()

    def reload(self) -> None:
        customer_id = self.customer_id
        if customer_id is None:
            return
        self.ctx.read(
            lambda: self.ctx.workspace.collaborators(customer_id),
            self._on_loaded,
            self._on_load_failed,
            owner=self,
            key="collaborators",
        )

    def _on_loaded(self, shown: CollaboratorList) -> None:
        if shown.customer_id != self.customer_id:
            return
        self._fill(shown)
        if shown.may_change and not self._choices:
            self.ctx.read(self.ctx.workspace.collaborator_choices, self._on_choices, owner=self)

    def _on_load_failed(self, _exc: BaseException) -> None:
        self._fill(None)  # the card says why (gone, hidden): nothing to add here

    def _on_choices(self, users: list) -> None:
        self._choices = list(users)
        self._fill_choices()

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if self.customer_id is not None and change.affects(self.customer_id):
            self.reload()

    # -- showing
    def _fill(self, shown: CollaboratorList | None) -> None:
        self.shown = shown
        self.list.clear()
        rows = shown.rows if shown is not None else ()
        for r in rows:
            team = f" · {r.team_name}" if r.team_name else ""
            by = self.tr("added by %1").replace("%1", r.added_by_name) if r.added_by_name else ""
            item = QListWidgetItem(f"{r.name}{team}" + (f"  ({by})" if by else ""))
            item.setData(Qt.ItemDataRole.UserRole, r.user_id)
            self.list.addItem(item)
        if shown is not None and not rows:
            item = QListWidgetItem(self.tr("Not shared with anyone."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        title = self.tr("Shared with (%n)", "", len(rows)) if rows else self.tr("Shared with")
        self.tabs.setTabText(self.tabs.indexOf(self), title)
        may_change = shown is not None and shown.may_change
        for w in (self.colleague, self.add_button):
            w.setVisible(may_change)
        self._fill_choices()
        self._on_current_changed(self.list.currentRow())

    def _fill_choices(self) -> None:
        taken = {r.user_id for r in self.shown.rows} if self.shown is not None else set()
        taken.add(self.owner_id)
        current = self.colleague.currentData()
        self.colleague.clear()
        for user in self._choices:
            # Administrators are left out: they see and may edit every customer already, so
            # sharing with them would change nothing (and topped the list, chosen by mistake).
            if user.id not in taken and not user.is_admin:
                self.colleague.addItem(user.name, user.id)
        # Nobody chosen until the user picks one (the placeholder says so), never the first.
        self.colleague.setCurrentIndex(self.colleague.findData(current))
        self._on_colleague_changed()

    @Slot()
    def _on_colleague_changed(self) -> None:
        self.add_button.setEnabled(isinstance(self.colleague.currentData(), int))

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, int) else None

    @Slot(int)
    def _on_current_changed(self, _row: int) -> None:
        selected = self._selected()
        me = self.ctx.workspace.actor.id
        may = self.shown is not None and (self.shown.may_change or selected == me)
        shown = self.shown
        self.remove_button.setVisible(
            shown is not None and (shown.may_change or shown.is_collaborator)
        )
        self.remove_button.setEnabled(selected is not None and may)
        mine = selected is not None and selected == me and not self.shown.may_change
        self.remove_button.setText(self.tr("Stop sharing with me") if mine else self.tr("Remove"))

    # -- writing
    @Slot()
    def _on_add_clicked(self) -> None:
        user_id, customer_id = self.colleague.currentData(), self.customer_id
        if not isinstance(user_id, int) or customer_id is None:
            return
        name = self.colleague.currentText()

        def done(_result) -> None:
            self._on_colleague_changed()
            self.ctx.notify(self.tr("Shared with {name}.").format(name=name))

        self._write(lambda: self.ctx.workspace.add_collaborator(customer_id, user_id),
                    self.add_button, done)  # fmt: skip

    @Slot()
    def _on_remove_clicked(self) -> None:
        user_id, customer_id = self._selected(), self.customer_id
        if user_id is None or customer_id is None:
            return
        name = self.list.currentItem().text().split(" · ")[0].split("  (")[0]

        def done(_result) -> None:
            self.remove_button.setEnabled(True)
            self.ctx.notify(self.tr("No longer shared with {name}.").format(name=name))

        self._write(lambda: self.ctx.workspace.remove_collaborator(customer_id, user_id),
                    self.remove_button, done)  # fmt: skip

    def _write(self, call, button: QPushButton, done) -> None:
        from crmdesk.views.errors import show_error

        button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            button.setEnabled(True)
            show_error(self, exc)
            self.reload()  # show who is there now

        self.ctx.write(call, done, failed, owner=self)
