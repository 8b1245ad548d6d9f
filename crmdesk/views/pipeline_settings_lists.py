"""The pipeline settings dialog's two list tabs: lost reasons (the built-in ones and an admin's
own; added, turned off and on, never deleted since lost deals name them) and products (code,
name, list price; added, edited, turned off). Each change is written at once, as the release
reasons of views/pool_admin_dialog.py are."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.errors import ValidationFailed
from crmdesk.models.pipeline import ProductRow, ReasonRow
from crmdesk.models.reasons import KEPT_ON
from crmdesk.views.context import PageContext
from crmdesk.views.deal_move_dialogs import parse_money
from crmdesk.views.deal_words import lost_reason_label, money
from crmdesk.views.errors import error_text, validation_text
from crmdesk.views.settings_parts import (
    KEY,
    ReasonsTab,
    buttons_row,
    note_label,
    set_active,
    settings_table,
    tick_rows,
)
from crmdesk.views.widgets import problem_label

_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_TICKABLE = _SHOWN | Qt.ItemFlag.ItemIsUserCheckable
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class LostReasonsTab(ReasonsTab):
    """Why deals are lost: a table (the reason, whether it is active) and a line to add one."""

    MAX_LENGTH = 100

    def note_text(self) -> str:
        return self.tr(
            "A rep chooses one of the active reasons when a deal is lost. A reason is "
            "turned off, never deleted: lost deals still name it. Changes here take "
            "effect at once."
        )

    def label(self, row: ReasonRow) -> str:
        return lost_reason_label(row)

    def add_write(self, label: str):
        return lambda: self.ctx.workspace.add_lost_reason(label)

    def active_write(self, code: str, active: bool):
        return lambda: self.ctx.workspace.set_lost_reason_active(code, active)

    def read_all(self) -> list[ReasonRow]:
        return self.ctx.workspace.all_lost_reasons()

    def added_text(self) -> str:
        return self.tr("Added the lost reason “%1”.")

    def turned_text(self, active: bool) -> str:
        if active:
            return self.tr("Turned on the lost reason “%1”.")
        return self.tr("Turned off the lost reason “%1”.")

    def kept_on_text(self) -> str:
        text = self.tr("“%1” always stays on: a rep can always say in their own words "
                       "why a deal was lost.")  # fmt: skip
        return text.replace("%1", lost_reason_label(KEPT_ON[0]))


class ProductsTab(QWidget):
    """Products: a table (code, name, list price, active: ticking writes at once) and a form
    under it for the chosen product or a new one."""

    CODE, NAME, PRICE, ACTIVE = 0, 1, 2, 3

    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[ProductRow] = []
        self.product_id: int | None = None  # the product in the form; None: a new one
        self._saving = False
        headers = [self.tr("Code"), self.tr("Name"), self.tr("List price"), self.tr("Active")]
        self.table = settings_table(headers, self.NAME)
        for column, width in ((self.CODE, 110), (self.PRICE, 130), (self.ACTIVE, 70)):
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.price.setAlignment(_RIGHT)
        self.price.setMaximumWidth(160)
        self.form_title = QLabel()
        form = QFormLayout()
        form.addRow("", self.form_title)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("List price (yuan)"), self.price)
        self.new_button = QPushButton(self.tr("New product"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.save_button = QPushButton(self.tr("Save product"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.problems = problem_label()
        layout = QVBoxLayout(self)
        layout.addWidget(
            note_label(
                self.tr(
                    "Products offered on a deal's lines. A product is turned off, never "
                    "deleted: deals keep its name as it was. Changes here take effect at once."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons_row(self.save_button, self.new_button))
        layout.addWidget(self.problems)
        self._show_form(None)

    def set_rows(self, rows: list[ProductRow], select: int | None = None) -> None:
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for i, p in enumerate(rows):
            self.table.insertRow(i)
            cells = (p.code, p.name, money(p.list_price), "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(_TICKABLE if column == self.ACTIVE else _SHOWN)
                item.setData(KEY, p.id)
                if column == self.PRICE:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, column, item)
        self.table.blockSignals(False)
        tick_rows(self.table, self.ACTIVE, rows, [p.id for p in rows], select)

    def row_of(self, product_id: int) -> int:
        return [p.id for p in self.rows].index(product_id)

    def _show_form(self, product: ProductRow | None) -> None:
        self.product_id = product.id if product else None
        self.code.setText(product.code if product else "")
        self.name.setText(product.name if product else "")
        self.price.setText(f"{product.list_price:.2f}" if product else "")
        if product is None:
            self.form_title.setText(self.tr("A new product:"))
        else:
            self.form_title.setText(self.tr("Product “%1”:").replace("%1", product.name))
        self.problems.hide()

    def _form_value(self) -> tuple[str, str, Decimal | str]:
        text = self.price.text().strip()
        price = parse_money(text) if text else Decimal(0)
        return (
            self.code.text().strip(),
            self.name.text().strip(),
            price if price is not None else text,
        )

    def has_edits(self) -> bool:
        product = next((p for p in self.rows if p.id == self.product_id), None)
        code, name, price = self._form_value()
        if product is None:
            return bool(code or name or self.price.text().strip())
        return (code, name, price) != (product.code, product.name, product.list_price)

    def _on_table_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and not self._saving:
            self._show_form(self.rows[rows[0].row()])

    def _on_new_button_clicked(self) -> None:
        self.table.clearSelection()
        self._show_form(None)
        self.code.setFocus()

    def _on_save_button_clicked(self) -> None:
        if self._saving:
            return
        code, name, price = self._form_value()
        product_id = self.product_id
        product = next((p for p in self.rows if p.id == product_id), None)
        active = product.active if product is not None else True
        self._write(product_id, code, name, price, active)

    def _write(self, product_id, code, name, price, active, undo_row: int | None = None) -> None:
        self._saving = True
        self.save_button.setEnabled(False)
        self.problems.hide()
        self.ctx.write(
            lambda: self.ctx.workspace.save_product(product_id, code, name, price, active),
            lambda result: self._on_saved(result.value, name, product_id is None, undo_row),
            lambda exc: self._on_save_failed(exc, undo_row, active),
            owner=self,
        )

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != self.ACTIVE or self._saving:
            return
        p = self.rows[item.row()]
        active = item.checkState() == Qt.CheckState.Checked
        self._write(p.id, p.code, p.name, p.list_price, active, undo_row=item.row())

    def _on_saved(self, product_id: int, name: str, new: bool, ticked: int | None) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if ticked is not None:
            p = self.rows[ticked]
            if p.active:
                text = self.tr("Turned off the product “%1”.")
            else:
                text = self.tr("Turned on the product “%1”.")
        elif new:
            text = self.tr("Added the product “%1”.")
        else:
            text = self.tr("Saved the product “%1”.")
        self.ctx.notify(text.replace("%1", name))
        self.ctx.read(self.ctx.workspace.all_products,
                      lambda rows: self._on_reloaded(rows, product_id, ticked is None),
                      lambda exc: self._show(error_text(exc)), owner=self)  # fmt: skip

    def _on_reloaded(self, rows: list[ProductRow], product_id: int, show: bool) -> None:
        self.set_rows(rows, select=product_id if show else None)
        if show:
            self._show_form(next((p for p in rows if p.id == product_id), None))

    def _on_save_failed(self, exc: BaseException, ticked: int | None, active: bool) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if ticked is not None:
            set_active(self.table, ticked, self.ACTIVE, not active)  # as it still is
        self._show(self._problem_text(exc))

    def _problem_text(self, exc: BaseException) -> str:
        if not isinstance(exc, ValidationFailed):
            return error_text(exc)
        limits = exc.params.get("limits") or {}
        lines = []
        for field, code in exc.params.get("errors", []):
            label = {"code": self.tr("Code"), "name": self.tr("Name"),
                     "list_price": self.tr("List price")}.get(field, field)  # fmt: skip
            if field == "code" and code == "taken":
                lines.append(self.tr("Another product already has this code. Choose another."))
            elif field == "list_price" and code in ("invalid", "out_of_range", "too_many_decimals"):
                lines.append(self.tr("List price: enter an amount in yuan, like 1200 or 1,200.50."))
            else:
                limit = {label: limits[field]} if field in limits else {}
                lines.append(validation_text([(label, code)], limit))
        focus = {"code": self.code, "name": self.name, "list_price": self.price}
        errors = exc.params.get("errors") or [("", "")]
        widget = focus.get(errors[0][0])
        if widget is not None:
            widget.setFocus()
            widget.selectAll()
        return "\n".join(dict.fromkeys(lines)) or error_text(exc)

    def _show(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()
