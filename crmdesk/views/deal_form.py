"""The deal dialog's Details: the fields of a deal as a form, and the customer picker of a new
deal (a search through the workspace as the user types, off the GUI thread, offered as a
completion list). Reading the form back gives a DealInput and the fields that are not what they
should be (a letter in the amount); the rules' own checks come from the database side."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIntValidator, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.deal_rules import DealInput, LineInput, is_gated
from crmdesk.models.pipeline import PipelineRow, StageRow
from crmdesk.models.users import UserRow
from crmdesk.views.context import PageContext
from crmdesk.views.deal_move_dialogs import parse_money
from crmdesk.views.deal_words import money, pipeline_name, stage_name
from crmdesk.views.widgets import chinese_calendar, make_typeable

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 250  # a search per pause in typing, not per key


class CustomerPicker(QWidget):
    """A line to type a customer's name, phone or pinyin into; the matches the user may see
    drop down as they type, and choosing one picks that customer (two customers of one name
    are told apart by their owner)."""

    chosen = Signal(int)  # the customer's id; 0 when the typed text no longer names one

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self._name = ""
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Type a name, phone or pinyin to search"))
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(NAME_ROLE)  # the name goes in the line, not the owner
        self.completer.setMaxVisibleItems(12)
        self.edit.setCompleter(self.completer)
        self.completer.activated[QModelIndex].connect(self._on_completion_activated)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.edit.textEdited.connect(self._on_text_edited)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    def set_fixed(self, customer_id: int, name: str) -> None:
        """The deal's customer is given (an existing deal, the customer's own Deals tab)."""
        self.customer_id, self._name = customer_id, name
        self.edit.setText(name)
        self.edit.setReadOnly(True)
        self.edit.setCompleter(None)

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        if self.customer_id is not None and text != self._name:
            self.customer_id = None
            self.chosen.emit(0)
        self.timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        term = self.edit.text().strip()
        if not term:
            self.model.clear()
            return
        ws = self.ctx.workspace
        self.ctx.read(
            lambda: ws.list_customers(CustomerQuery(search=term), 0, 20),
            lambda rows: self._on_found(term, rows),
            lambda _exc: None,  # a failed search offers nothing; the user types on
            owner=self,
            key="search",
        )

    def _on_found(self, term: str, rows) -> None:
        if self.edit.text().strip() != term or self.edit.isReadOnly():
            return  # typed on meanwhile: the next search answers
        self.model.clear()
        names = [r.name for r in rows]
        for r in rows:
            shown = r.name if names.count(r.name) == 1 else f"{r.name} · {r.owner_name or '—'}"
            item = QStandardItem(shown)
            item.setData(r.id, ID_ROLE)
            item.setData(r.name, NAME_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if rows and self.edit.hasFocus():
            self.completer.complete()

    @Slot(QModelIndex)
    def _on_completion_activated(self, index: QModelIndex) -> None:
        self.customer_id = int(index.data(ID_ROLE))
        self._name = str(index.data(NAME_ROLE))
        self.edit.setText(self._name)
        self.chosen.emit(self.customer_id)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DealForm(QWidget):
    """The fields of a deal. The stage of a new deal is one without a gate (a gate is passed by
    moving the deal on the board); an existing deal's pipeline and stage are shown, not
    edited."""

    changed = Signal()

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pipelines: list[PipelineRow] = []
        self._new = True
        self._lines_total: Decimal | None = Decimal("0.00")
        self.customer = CustomerPicker(ctx)
        self.title = QLineEdit()
        self.pipeline = QComboBox()
        self.stage = QComboBox()
        self.amount = QLineEdit()
        self.probability = QLineEdit()
        self.probability.setValidator(QIntValidator(0, 100, self.probability))
        self.close_date = QDateEdit()
        self.close_date.setCalendarPopup(True)
        self.close_date.setDisplayFormat("yyyy-MM-dd")
        chinese_calendar(self.close_date)
        self.close_date.setDate(QDate.currentDate().addMonths(1))
        self.no_date = QCheckBox(self.tr("No date"))
        self.no_date.toggled.connect(lambda on: self.close_date.setEnabled(not on))
        self.no_date.setChecked(True)
        self.owner = make_typeable(QComboBox())
        self.source = QLineEdit()
        self.competitor = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(60)
        self.stage_note = QLabel()
        self.stage_note.setWordWrap(True)
        self.stage_note.setStyleSheet("color: gray;")
        self.stage_note.hide()
        when = QHBoxLayout()
        when.addWidget(self.close_date)
        when.addWidget(self.no_date)
        when.addStretch(1)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Customer *"), self.customer)
        form.addRow(self.tr("Title *"), self.title)
        form.addRow(self.tr("Pipeline"), self.pipeline)
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow("", self.stage_note)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Probability (%)"), self.probability)
        form.addRow(self.tr("Expected close"), when)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Competitor"), self.competitor)
        form.addRow(self.tr("Notes"), self.notes)
        self.fields = {
            "customer_id": self.customer.edit, "title": self.title, "pipeline_id": self.pipeline,
            "stage_id": self.stage, "amount": self.amount, "probability": self.probability,
            "expected_close": self.close_date, "owner_id": self.owner, "source": self.source,
            "competitor": self.competitor, "notes": self.notes,
        }  # fmt: skip
        for edit in (self.title, self.amount, self.probability, self.source, self.competitor):
            edit.textChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        self.customer.chosen.connect(self.changed)
        self.close_date.dateChanged.connect(self.changed)
        self.no_date.toggled.connect(self.changed)
        self.owner.currentIndexChanged.connect(self.changed)
        self.pipeline.currentIndexChanged.connect(self._on_pipeline_changed)
        self.stage.currentIndexChanged.connect(self._on_stage_changed)

    # -- filling
    def set_choices(self, pipelines: Sequence[PipelineRow], users: Sequence[UserRow]) -> None:
        self._pipelines = list(pipelines)
        self.owner.blockSignals(True)
        self.owner.clear()
        for u in users:
            self.owner.addItem(u.name, u.id)
        self.owner.blockSignals(False)

    def _set_owner(self, owner_id: int | None, name: str) -> None:
        if owner_id is not None and self.owner.findData(owner_id) < 0:
            self.owner.addItem(name or "—", owner_id)  # not someone this user may hand work to
        self.owner.setCurrentIndex(max(0, self.owner.findData(owner_id)))

    def set_new(self, pipeline_id: int | None, owner: UserRow) -> None:
        """A new deal: the pipeline given (or the first), its first stage without a gate."""
        self.pipeline.blockSignals(True)
        for p in self._pipelines:
            self.pipeline.addItem(pipeline_name(p), p.id)
        self.pipeline.blockSignals(False)
        self.pipeline.setCurrentIndex(max(0, self.pipeline.findData(pipeline_id)))
        self._on_pipeline_changed()
        self._set_owner(owner.id, owner.name)

    def set_deal(self, data: DealInput, pipeline_label: str, stage_label: str,
                 stage_probability: int | None, owner_name: str) -> None:  # fmt: skip
        """An existing deal's fields as stored; its pipeline and stage shown only."""
        self._new = False
        for combo, label, value in ((self.pipeline, pipeline_label, data.pipeline_id),
                                    (self.stage, stage_label, data.stage_id)):  # fmt: skip
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, value)
            combo.setEnabled(False)
            combo.setToolTip(self.tr("A deal moves between stages on the pipeline board."))
            combo.blockSignals(False)
        self.title.setText(data.title)
        self.amount.setText("" if data.amount is None else f"{data.amount:,.2f}")
        self.probability.setText("" if data.probability is None else str(data.probability))
        self._set_probability_hint(stage_probability)
        self.no_date.setChecked(data.expected_close is None)
        if data.expected_close is not None:
            self.close_date.setDate(_qdate(data.expected_close))
        self._set_owner(data.owner_id, owner_name)
        self.source.setText(data.source)
        self.competitor.setText(data.competitor)
        self.notes.setPlainText(data.notes)

    def set_lines_total(self, total: Decimal | None) -> None:
        """The amount a blank Amount stands for, shown in it as the lines change."""
        self._lines_total = total
        shown = money(total) if total is not None else "—"
        self.amount.setPlaceholderText(self.tr("{total} (the lines' total)").format(total=shown))

    def _set_probability_hint(self, probability: int | None) -> None:
        hint = "" if probability is None else self.tr("{n}% (the stage's)").format(n=probability)
        self.probability.setPlaceholderText(hint)

    def _pipeline(self) -> PipelineRow | None:
        pipeline_id = self.pipeline.currentData()
        return next((p for p in self._pipelines if p.id == pipeline_id), None)

    def _stage(self) -> StageRow | None:
        p = self._pipeline()
        stage_id = self.stage.currentData()
        return next((s for s in p.stages if s.id == stage_id), None) if p else None

    @Slot()
    def _on_pipeline_changed(self) -> None:
        if not self._new:
            return  # an existing deal's pipeline is only shown
        p = self._pipeline()
        self.stage.blockSignals(True)
        self.stage.clear()
        gated = []
        for s in p.open_stages if p else ():
            if is_gated(s):
                gated.append(stage_name(s))
            else:
                self.stage.addItem(stage_name(s), s.id)
        self.stage.blockSignals(False)
        self.stage.setCurrentIndex(0 if self.stage.count() else -1)
        if gated:  # why the later stages are not offered
            self.stage_note.setText(
                self.tr("Later stages ask for more first: move the deal there on the board.")
            )
        self.stage_note.setVisible(bool(gated))
        self._on_stage_changed()

    @Slot()
    def _on_stage_changed(self) -> None:
        s = self._stage()
        self._set_probability_hint(s.probability if s is not None else None)
        self.changed.emit()

    # -- reading back
    def value(self, lines: tuple[LineInput, ...]) -> tuple[DealInput, list[tuple[str, str]]]:
        """The deal as typed, and the fields that could not be read ((field, code))."""
        errors: list[tuple[str, str]] = []
        amount = None
        if self.amount.text().strip():
            amount = parse_money(self.amount.text())
            if amount is None:
                errors.append(("amount", "invalid"))
        probability = None
        if self.probability.text().strip():
            try:
                probability = int(self.probability.text().strip())
            except ValueError:
                errors.append(("probability", "invalid"))
        if self.customer.customer_id is None:
            errors.append(("customer_id", "required"))
        close = None
        if not self.no_date.isChecked():
            d = self.close_date.date()
            close = date(d.year(), d.month(), d.day())
        data = DealInput(
            customer_id=self.customer.customer_id or 0,
            title=self.title.text().strip(),
            pipeline_id=self.pipeline.currentData() or 0,
            stage_id=self.stage.currentData(),
            amount=amount,
            probability=probability,
            expected_close=close,
            source=self.source.text().strip(),
            competitor=self.competitor.text().strip(),
            notes=self.notes.toPlainText(),
            owner_id=self.owner.currentData(),
            lines=lines,
        )
        return data, errors

    def snapshot(self) -> tuple:
        """What the user sees, to tell whether anything was changed."""
        return (self.customer.customer_id, self.title.text(), self.pipeline.currentData(),
                self.stage.currentData(), self.amount.text(), self.probability.text(),
                self.no_date.isChecked(), self.close_date.date().toString(Qt.DateFormat.ISODate),
                self.owner.currentData(), self.source.text(), self.competitor.text(),
                self.notes.toPlainText())  # fmt: skip

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.title, self.amount, self.probability, self.source, self.competitor):
            edit.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        for widget in (self.close_date, self.no_date, self.owner):
            widget.setEnabled(not read_only)
        if read_only:
            self.close_date.setEnabled(False)
        else:
            self.close_date.setEnabled(not self.no_date.isChecked())

    def mark_invalid(self, names: Sequence[str]) -> None:
        for name, widget in self.fields.items():
            invalid = name in names
            if bool(widget.property("invalid")) != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
