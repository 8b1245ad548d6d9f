"""The approvals page (审批): the stage moves and the contracts waiting for a manager's approval
(a contract's activation above the admin's limits), with Approve and Reject (a comment is
required to reject), and past decisions. A manager sees the team's requests, an administrator
everyone's, a rep their own requests (and may cancel one). Double-clicking a request opens its
deal or its contract.

The list is small (the model returns the newest approvals.LIST_LIMIT), so it is read whole, off
the GUI thread, into a plain table model; it reads again when a change of approvals or deals
comes on the bus (or of contracts)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.approvals import ApprovalRow
from crmdesk.models.changes import Change
from crmdesk.models.errors import ValidationFailed
from crmdesk.views.context import PageContext
from crmdesk.views.contract_columns import contract_status_label
from crmdesk.views.deal_words import approval_reason, money, stage_code_name
from crmdesk.views.errors import error_text
from crmdesk.views.icons import set_icon
from crmdesk.views.labels import fill, local_time
from crmdesk.views.table_model import Column
from crmdesk.views.widgets import Banner, list_table, problem_label

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _move(row: ApprovalRow) -> str:
    if row.kind == "contract":  # a contract asks to become active
        return f"{contract_status_label('draft')} → {contract_status_label('active')}"
    before = stage_code_name(row.from_stage_code, row.from_stage_name)
    return f"{before} → {stage_code_name(row.to_stage_code, row.to_stage_name)}"


def _subject(row: ApprovalRow) -> str:
    """What the request is about: the deal's title, or the contract's number and title."""
    if row.kind == "contract":
        return f"{row.contract_number} {row.deal_title}".strip()
    return row.deal_title


class ApprovalsTableModel(QAbstractTableModel):
    """Approval rows, all loaded (a short list); columns declared as every list's are."""

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[ApprovalRow] = []
        self.is_loading = True  # the empty list's words wait for the first read

    def set_rows(self, rows: list[ApprovalRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.is_loading = False
        self.endResetModel()

    def row_at(self, row: int) -> ApprovalRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        row = self.rows[index.row()]
        if role == _DISPLAY:
            return column.value(row)
        if role == _TOOLTIP and column.tooltip:
            return column.value(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key == "amount":
            return int(_RIGHT)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            if 0 <= section < len(self.columns):
                return self.columns[section].title
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ApprovalsPage(QWidget):
    # which requests: waiting for a decision, or decided (approved, rejected, cancelled)
    PENDING, DECIDED = "pending", "decided"
    DECISION_COLUMNS = ("status", "decided_by", "decided_at", "comment")
    PENDING_COLUMNS = ("requested_at",)  # decided: the decision's time says more

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        actor = self.workspace.actor
        self.may_decide = actor.is_admin or actor.is_manager
        self._busy = False

        self.show_combo = QComboBox()
        self.show_combo.addItem(self.tr("Waiting for a decision"), self.PENDING)
        self.show_combo.addItem(self.tr("Decided", "which approvals: those already decided"),
                                self.DECIDED)  # fmt: skip
        self.show_combo.currentIndexChanged.connect(self._on_show_changed)
        if self.may_decide:
            hint = self.tr(
                "Stage moves and contracts your team's reps asked for. Approve to make the move "
                "or activate the contract; reject with a comment to leave it as it is. "
                "Double-click to open the deal or the contract."
            )
        else:
            hint = self.tr(
                "Your stage moves and contracts waiting for a manager's approval. A deal "
                "waiting for one cannot move, nor a contract become active, until it is decided "
                "or you cancel the request."
            )
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_combo)
        top.addSpacing(12)
        top.addWidget(self.hint, 1)

        self.model = ApprovalsTableModel(self._columns(), self)
        self.table = list_table(self.model, [c.width for c in self.model.columns])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.banner = Banner()
        self.banner.retry_clicked.connect(self.reload)

        self.comment = QLineEdit()
        self.comment.setMaxLength(500)
        self.comment.textChanged.connect(self._on_comment_changed)
        self.approve_button = QPushButton(self.tr("Approve"))
        set_icon(self.approve_button, "approval")
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.reject_button = QPushButton(self.tr("Reject"))
        set_icon(self.reject_button, "lost")
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel request"))
        set_icon(self.cancel_button, "revert")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.comment.setPlaceholderText(self.tr("Comment (required to reject)"))
        self.problems = problem_label()
        actions = QHBoxLayout()
        actions.addWidget(self.comment, 1)
        actions.addWidget(self.approve_button)
        actions.addWidget(self.reject_button)
        if not self.may_decide:
            actions.addStretch(1)
        actions.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addLayout(actions)
        ctx.bus.changed.connect(self._on_data_changed)
        self._show_columns()
        self.reload()

    def _columns(self) -> list[Column]:
        status = {
            "pending": self.tr("Waiting"),
            "approved": self.tr("Approved"),
            "rejected": self.tr("Rejected"),
            "cancelled": self.tr("Cancelled"),
        }
        return [
            # wide enough for a contract's number and a title; a longer one shows on hover
            Column("deal", self.tr("Deal or contract"), 320, _subject, tooltip=True),
            Column("customer", self.tr("Customer"), 170, lambda r: r.customer_name, tooltip=True),
            Column("amount", self.tr("Amount"), 100, lambda r: money(r.amount)),
            # a deal's stage move, or a contract's status change
            Column("move", self.tr("Stage / status"), 170, _move, tooltip=True),
            Column(
                "reason", self.tr("Why"), 170, lambda r: approval_reason(r.reason), tooltip=True
            ),  # fmt: skip
            Column("requested_by", self.tr("Requested by"), 100, lambda r: r.requested_by_name),
            Column("requested_at", self.tr("When"), 130, lambda r: local_time(r.requested_at)),
            Column("status", self.tr("Decision"), 75, lambda r: status.get(r.status, r.status)),
            Column("decided_by", self.tr("Decided by"), 100, lambda r: r.decided_by_name),
            Column("comment", self.tr("Comment"), 200, lambda r: r.comment, tooltip=True),
            Column(
                "decided_at",
                self.tr("Decided", "column: when it was decided"),
                130,
                lambda r: local_time(r.decided_at),
            ),
        ]

    # -- reading
    def showing(self) -> str:
        return self.show_combo.currentData()

    def reload(self) -> None:
        showing = self.showing()
        status = "pending" if showing == self.PENDING else ""
        ws = self.workspace
        self.ctx.read(lambda: ws.approvals(status),
                      lambda rows: self._on_loaded(showing, rows), self._on_load_failed,
                      owner=self, key="approvals")  # fmt: skip

    refresh = reload

    def _on_loaded(self, showing: str, rows: list[ApprovalRow]) -> None:
        if showing != self.showing():
            return  # the filter changed meanwhile: its own read follows
        if showing == self.DECIDED:
            rows = [r for r in rows if r.status != "pending"]
        selected = self.selected()
        self.banner.hide()
        self.model.set_rows(rows)
        self.table.set_empty_text(self._empty_text())
        if selected is not None:
            ids = [r.id for r in rows]
            if selected.id in ids:
                self.table.selectRow(ids.index(selected.id))
        self._update_buttons()

    def _on_load_failed(self, exc: BaseException) -> None:
        self.banner.show_message(error_text(exc))

    def _empty_text(self) -> str:
        if self.showing() == self.DECIDED:
            return self.tr("No decided requests yet.")
        if self.may_decide:
            return self.tr("Nothing waits for your approval.")
        return self.tr("None of your requests waits for approval.")

    def _show_columns(self) -> None:
        decided = self.showing() == self.DECIDED
        hidden = self.PENDING_COLUMNS if decided else self.DECISION_COLUMNS
        for i, column in enumerate(self.model.columns):
            self.table.setColumnHidden(i, column.key in hidden)
        # a decision is made on a waiting request only
        for w in (self.comment, self.approve_button, self.reject_button):
            w.setVisible(self.may_decide and not decided)
        self.cancel_button.setVisible(not self.may_decide and not decided)

    def selected(self) -> ApprovalRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # -- events
    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        if change.kinds & {"approvals", "deals", "pipelines", "contracts"}:
            self.reload()

    @Slot(int)
    def _on_show_changed(self, _index: int) -> None:
        self.problems.hide()
        self.model.is_loading = True
        self._show_columns()
        self.reload()

    @Slot()
    def _on_selection_changed(self, *_args) -> None:
        self.problems.hide()
        self._update_buttons()

    @Slot(str)
    def _on_comment_changed(self, _text: str) -> None:
        self.problems.hide()  # being fixed

    def _update_buttons(self) -> None:
        row = self.selected()
        pending = row is not None and row.status == "pending" and not self._busy
        for button in (self.approve_button, self.reject_button, self.cancel_button):
            button.setEnabled(pending)

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is None:
            return
        if row.kind == "contract":
            if row.contract_id is not None:
                from crmdesk.views.contract_dialog import open_contract_dialog

                open_contract_dialog(self.ctx, self, contract_id=row.contract_id)
            return
        from crmdesk.views.deal_dialog import open_deal_dialog

        open_deal_dialog(self.ctx, self, deal_id=row.deal_id)

    @Slot()
    def _on_approve_clicked(self) -> None:
        self._decide(True)

    @Slot()
    def _on_reject_clicked(self) -> None:
        if not self.comment.text().strip():
            self._show_problem(
                self.tr("Write a comment saying why you reject it: the rep reads it.")
            )
            self.comment.setFocus()
            return
        self._decide(False)

    def _decide(self, approve: bool) -> None:
        row = self.selected()
        if row is None or self._busy:
            return
        comment = self.comment.text().strip()
        self._start()
        ws = self.workspace
        self.ctx.write(
            lambda: ws.decide_approval(row.id, approve, comment),
            lambda _result: self._on_decided(row, approve),
            self._on_write_failed,
            owner=self,
        )

    def _on_decided(self, row: ApprovalRow, approve: bool) -> None:
        self._busy = False
        self.comment.clear()
        if row.kind == "contract":
            if approve:
                text = self.tr("Approved: contract %1 is active.")
            else:
                text = self.tr("Rejected: contract %1 stays a draft.")
            self.ctx.notify(fill(text, _subject(row)))
            self._update_buttons()
            return
        if approve:
            text = self.tr("Approved: “%1” moves to %2.")
        else:
            text = self.tr("Rejected: “%1” stays where it was, not moved to %2.")
        to = stage_code_name(row.to_stage_code, row.to_stage_name)
        self.ctx.notify(fill(text, row.deal_title, to))
        self._update_buttons()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        row = self.selected()
        if row is None or self._busy:
            return
        self._start()
        ws = self.workspace
        self.ctx.write(
            lambda: ws.cancel_approval(row.id),
            lambda _result: self._on_cancelled(row),
            self._on_write_failed,
            owner=self,
        )

    def _on_cancelled(self, row: ApprovalRow) -> None:
        self._busy = False
        if row.kind == "contract":
            text = self.tr("Cancelled the request to activate contract %1: it stays a draft.")
            self.ctx.notify(fill(text, _subject(row)))
        else:
            text = self.tr("Cancelled the request to move “%1”: the deal may move again.")
            self.ctx.notify(text.replace("%1", row.deal_title))
        self._update_buttons()

    def _start(self) -> None:
        self._busy = True
        self.problems.hide()
        self._update_buttons()

    def _on_write_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self._show_problem(self._problem_text(exc))
        self.reload()  # someone else's decision shows

    def _problem_text(self, exc: BaseException) -> str:
        if getattr(exc, "code", "") == "gate_refused":
            return self.tr(
                "The deal no longer has everything the stage asks for (a colleague changed it "
                "or the stage's settings). Ask the rep to complete it, or reject with a comment."
            )
        if isinstance(exc, ValidationFailed):
            errors = exc.params.get("errors", [])
            if ("approval", "decided") in errors:
                return self.tr("Someone decided this request already; the list shows it now.")
            if ("comment", "required") in errors:
                return self.tr("Write a comment saying why you reject it: the rep reads it.")
        return error_text(exc)

    def _show_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()
