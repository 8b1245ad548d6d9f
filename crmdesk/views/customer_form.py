"""The customer fields as a form, shared by the new-customer dialog and the detail panel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crmdesk.models.customers import CustomerInput
from crmdesk.models.schema import LEVELS, STATUSES
from crmdesk.views.labels import status_label, tag_list
from crmdesk.views.widgets import make_typeable

SIZES = ("", "1-20", "21-100", "101-500", "501-2000", "2000+")


class CustomerForm(QWidget):
    changed = Signal()  # the user typed or chose something

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.level = QComboBox()
        for level in LEVELS:
            self.level.addItem(level, level)
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(status_label(status), status)
        self.industry = make_typeable(QComboBox(), free_text=True)
        self.province = make_typeable(QComboBox(), free_text=True)
        self.city = QLineEdit()
        self.address = QLineEdit()
        self.company_size = QComboBox()
        for size in SIZES:
            self.company_size.addItem(size or self.tr("Unknown"), size)
        self.source = make_typeable(QComboBox(), free_text=True)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. VIP, 展会"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Industry"), self.industry)
        form.addRow(self.tr("Province"), self.province)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Company size"), self.company_size)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Notes"), self.notes)
        self.fields = {
            "name": self.name, "level": self.level, "status": self.status,
            "industry": self.industry, "province": self.province, "city": self.city,
            "address": self.address, "company_size": self.company_size, "source": self.source,
            "tags": self.tags, "notes": self.notes,
        }  # fmt: skip
        for widget in self.fields.values():
            signal = getattr(widget, "textEdited", None) or getattr(widget, "textChanged", None)
            if isinstance(widget, QComboBox):
                signal = widget.currentTextChanged
            signal.connect(self.changed)

    def mark_invalid(self, names) -> None:
        """Outline the fields the rules refused (an empty list: none)."""
        for name, widget in self.fields.items():
            invalid = name in names
            if widget.property("invalid") != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def set_choices(self, industries, provinces, sources) -> None:
        for combo, values in (
            (self.industry, industries),
            (self.province, provinces),
            (self.source, sources),
        ):
            current = combo.currentText()
            combo.clear()
            combo.addItem("")
            combo.addItems(list(values))
            combo.setCurrentText(current)

    def set_value(self, data: CustomerInput) -> None:
        self.name.setText(data.name)
        self.level.setCurrentIndex(max(0, self.level.findData(data.level)))
        self.status.setCurrentIndex(max(0, self.status.findData(data.status)))
        self.industry.setCurrentText(data.industry)
        self.province.setCurrentText(data.province)
        self.city.setText(data.city)
        self.address.setText(data.address)
        self.company_size.setCurrentIndex(max(0, self.company_size.findData(data.company_size)))
        self.source.setCurrentText(data.source)
        self.tags.setText(tag_list(data.tags))
        self.notes.setPlainText(data.notes)

    def value(self) -> CustomerInput:
        tags = tuple(t.strip() for t in self.tags.text().replace("，", ",").split(",") if t.strip())
        return CustomerInput(
            name=self.name.text().strip(),
            level=self.level.currentData(),
            status=self.status.currentData(),
            industry=self.industry.currentText().strip(),
            province=self.province.currentText().strip(),
            city=self.city.text().strip(),
            address=self.address.text().strip(),
            company_size=self.company_size.currentData() or "",
            source=self.source.currentText().strip(),
            tags=tags,
            notes=self.notes.toPlainText(),
        )
