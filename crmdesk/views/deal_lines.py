"""The deal dialog's product lines: product (one of the catalogue's, or any name typed), quantity,
unit price (the product's list price until the user types another), discount and the line's
total, worked out as the user types with the rules' own line_total, so what is shown is to the
cent what will be stored. Reading the lines back says which cell is not a number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.deal_rules import LineInput, line_total
from crmdesk.models.pipeline import ProductRow
from crmdesk.views.deal_move_dialogs import parse_money
from crmdesk.views.deal_words import money
from crmdesk.views.icons import set_icon
from crmdesk.views.widgets import make_typeable

PRODUCT, QUANTITY, PRICE, DISCOUNT, TOTAL, REMOVE = range(6)


def plain_number(value: Decimal) -> str:
    """2.00 → 2, 1.50 → 1.5: a quantity or a percentage as a person writes it."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def price_text(value: Decimal) -> str:
    return f"{value:,.2f}"


def parse_number(text: str) -> Decimal | None:
    """A typed quantity, price or percentage (1,000 / ¥12.50 / 15%); None when it is none."""
    return parse_money(text.strip().removesuffix("%").removesuffix("％"))


@dataclass
class _Row:
    product: QComboBox
    quantity: QLineEdit
    price: QLineEdit
    discount: QLineEdit
    remove: QToolButton
    auto_price: str = ""  # the list price put in for the user; replaced when the product changes


class DealLinesEditor(QWidget):
    """Lines of a deal in a table of editors; `changed` whenever any of them changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._products: list[ProductRow] = []
        self._rows: list[_Row] = []
        self._line_rows: list[int] = []  # the row of each line last read back
        self._read_only = False
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Quantity"), self.tr("Unit price"),
             self.tr("Discount %"), self.tr("Line total"), ""]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REMOVE, QHeaderView.ResizeMode.Fixed)
        for column, width in ((QUANTITY, 80), (PRICE, 110), (DISCOUNT, 90), (TOTAL, 120)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(REMOVE, 32)
        self.add_button = QPushButton(self.tr("Add line"))
        set_icon(self.add_button, "add")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.total_label = QLabel()
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.empty = QLabel(self.tr("No product lines. Add one to work out the amount."))
        self.empty.setStyleSheet("color: gray;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.total_label)
        layout.addLayout(row)
        self._refresh_totals()

    # -- filling
    def set_products(self, products: Sequence[ProductRow]) -> None:
        self._products = list(products)
        for row in self._rows:
            text = row.product.currentText()
            self._fill_products(row.product, None, "")
            row.product.setEditText(text)

    def _fill_products(self, combo: QComboBox, product_id: int | None, name: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        for p in self._products:
            combo.addItem(p.name, p.id)
            combo.setItemData(combo.count() - 1, f"{p.code} · {money(p.list_price)}",
                              Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        if product_id is not None and combo.findData(product_id) < 0:  # no longer on sale
            combo.addItem(name, product_id)
        index = combo.findData(product_id) if product_id is not None else -1
        combo.setCurrentIndex(index)
        combo.setEditText(name)
        combo.blockSignals(False)

    def set_lines(self, lines: Sequence[LineInput]) -> None:
        self.table.setRowCount(0)
        self._rows.clear()
        for line in lines:
            self.add_line(line)
        self._refresh_totals()

    def add_line(self, line: LineInput | None = None) -> int:
        """A new row at the end (a blank one when no line is given); its index."""
        i = len(self._rows)
        product = make_typeable(QComboBox(), free_text=True)
        product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        product.lineEdit().setPlaceholderText(self.tr("Product or service"))
        product.setFrame(False)  # like the number cells beside it
        self._fill_products(product, line.product_id if line else None, line.name if line else "")
        quantity = self._number_edit(plain_number(line.quantity) if line else "1")
        price = self._number_edit(price_text(line.unit_price) if line else "")
        discount = self._number_edit(plain_number(line.discount) if line else "")
        discount.setPlaceholderText("0")
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this line"))
        remove.setAutoRaise(True)
        row = _Row(product, quantity, price, discount, remove)
        self._rows.append(row)
        self.table.insertRow(i)
        for column, widget in ((PRODUCT, product), (QUANTITY, quantity), (PRICE, price),
                               (DISCOUNT, discount), (REMOVE, remove)):  # fmt: skip
            self.table.setCellWidget(i, column, widget)
        total = QTableWidgetItem()
        total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(i, TOTAL, total)
        product.editTextChanged.connect(lambda _t, r=row: self._on_product_chosen(r))
        product.editTextChanged.connect(self._on_edited)
        for edit in (quantity, price, discount):
            edit.textChanged.connect(self._on_edited)
        price.textEdited.connect(lambda _t, r=row: setattr(r, "auto_price", ""))
        remove.clicked.connect(lambda _c=False, r=row: self.remove_line(self._rows.index(r)))
        self._set_row_read_only(row, self._read_only)
        self._refresh_totals()
        return i

    def _number_edit(self, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setFrame(False)
        edit.installEventFilter(self)
        return edit

    def remove_line(self, i: int) -> None:
        self._rows.pop(i)
        self.table.removeRow(i)
        self._refresh_totals()
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        for row in self._rows:
            self._set_row_read_only(row, read_only)

    @staticmethod
    def _set_row_read_only(row: _Row, read_only: bool) -> None:
        row.product.setEnabled(not read_only)
        for edit in (row.quantity, row.price, row.discount):
            edit.setReadOnly(read_only)
        row.remove.setVisible(not read_only)

    def row_widgets(self, i: int) -> _Row:
        return self._rows[i]

    def row_count(self) -> int:
        return len(self._rows)

    # -- reading back
    @staticmethod
    def _blank(row: _Row) -> bool:
        """A row added and left empty (its quantity aside): nothing typed, no line."""
        return not any(w.text().strip() for w in (row.product.lineEdit(), row.price, row.discount))

    def _parse(self, i: int, row: _Row) -> tuple[LineInput | None, list[tuple[str, str]]]:
        """The row as a line, or None and what is wrong with it as the rules name it."""
        errors: list[tuple[str, str]] = []
        values = {}
        for field, edit, blank in (("quantity", row.quantity, None),
                                   ("unit_price", row.price, None),
                                   ("discount", row.discount, Decimal(0))):  # fmt: skip
            text = edit.text().strip()
            value = parse_number(text) if text else blank
            if value is None:
                errors.append((f"lines.{i}.{field}", "invalid" if text else "required"))
            values[field] = value
        name = row.product.currentText().strip()
        index = row.product.findText(name, Qt.MatchFlag.MatchExactly)
        product_id = row.product.itemData(index) if index >= 0 else None
        if errors:
            return None, errors
        return LineInput(product_id, name, values["quantity"], values["unit_price"],
                         values["discount"]), []  # fmt: skip

    def lines(self) -> tuple[tuple[LineInput, ...], list[tuple[str, str]]]:
        """The lines typed, and the cells that are not numbers ((lines.N.field, code)): the
        lines that parse are given either way, so a total can still be shown. Rows left blank
        are no lines."""
        lines, errors, self._line_rows = [], [], []
        for i, row in enumerate(self._rows):
            if self._blank(row):
                continue
            line, wrong = self._parse(i, row)
            errors += wrong
            if line is not None:
                lines.append(line)
                self._line_rows.append(i)
        return tuple(lines), errors

    def rows_of(self, field: str) -> str:
        """lines.N.x of the lines last read back, as lines.R.x of the row R they came from
        (blank rows are no lines): the rules' complaints name the rows the user sees."""
        parts = field.split(".")
        if len(parts) == 3 and parts[0] == "lines" and parts[1].isdigit():
            n = int(parts[1])
            if n < len(self._line_rows):
                return f"lines.{self._line_rows[n]}.{parts[2]}"
        return field

    def total(self) -> Decimal | None:
        """The lines' total, as the rules count it; None while a cell is not a number."""
        lines, errors = self.lines()
        if errors:
            return None
        try:
            return sum((line_total(x) for x in lines), Decimal("0.00"))
        except ArithmeticError:
            return None

    def snapshot(self) -> tuple:
        """What the user sees, to tell whether anything was changed."""
        return tuple((r.product.currentText(), r.quantity.text(), r.price.text(),
                      r.discount.text()) for r in self._rows)  # fmt: skip

    def mark_invalid(self, fields: Sequence[str]) -> None:
        """Outline the cells named lines.N.field (an empty list: none); a line total out of
        range outlines its numbers."""
        for i, row in enumerate(self._rows):
            named = {f.removeprefix(f"lines.{i}.") for f in fields if f.startswith(f"lines.{i}.")}
            numbers = {"total"} & named
            for widget, own in ((row.product, {"name", "product_id"}),
                                (row.quantity, {"quantity"} | numbers),
                                (row.price, {"unit_price"} | numbers),
                                (row.discount, {"discount"} | numbers)):  # fmt: skip
                invalid = bool(own & named)
                if bool(widget.property("invalid")) != invalid:
                    widget.setProperty("invalid", invalid)
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)

    # -- reacting
    def _on_add_clicked(self) -> None:
        i = self.add_line()
        self.table.scrollToBottom()
        self._rows[i].product.setFocus()
        self.changed.emit()

    def _on_product_chosen(self, row: _Row) -> None:
        """A product picked or its name typed in full: its list price goes in, unless the user
        typed a price of their own."""
        index = row.product.findText(row.product.currentText().strip(), Qt.MatchFlag.MatchExactly)
        product_id = row.product.itemData(index) if index >= 0 else None
        product = next((p for p in self._products if p.id == product_id), None)
        if product is not None and row.price.text().strip() in ("", row.auto_price):
            row.auto_price = price_text(product.list_price)
            row.price.setText(row.auto_price)

    def _on_edited(self, *_args) -> None:
        self._refresh_totals()
        self.changed.emit()

    def _refresh_totals(self) -> None:
        for i, row in enumerate(self._rows):
            line, _errors = self._parse(i, row)
            try:
                text = money(line_total(line)) if line is not None else "—"
            except ArithmeticError:
                text = "—"
            item = self.table.item(i, TOTAL)
            if item is not None and item.text() != text:
                item.setText(text)
        total = self.total()
        shown = money(total) if total is not None else "—"
        self.total_label.setText(self.tr("Total: {total}").format(total=shown))
        self.empty.setVisible(not self._rows)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A cell's editor taking focus makes its row the table's current one (scrolls to it).
        if event.type() == QEvent.Type.FocusIn:
            for i, row in enumerate(self._rows):
                if watched in (row.quantity, row.price, row.discount):
                    self.table.scrollToItem(self.table.item(i, TOTAL))
                    break
        return super().eventFilter(watched, event)
