"""What an imported targets file holds before anything is written: how many rows and values were
understood, for which metric, and every problem by row and column in words. The user imports
(only when there is no problem), imports the good rows only, or cancels (choice: "all",
"good" or "")."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.target_excel import TargetImportPlan
from crmdesk.views import target_words as words
from crmdesk.views.labels import fill


class TargetImportDialog(QDialog):
    def __init__(self, plan: TargetImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.choice = ""
        self.setWindowTitle(self.tr("Import targets"))
        summary = self.tr("%1: %2 rows with %3 targets for “%4”.")
        summary = fill(summary, plan.file_name, str(len(plan.rows)), str(plan.cells),
                       words.metric_name(plan.metric))  # fmt: skip
        if plan.errors:
            rows = len({e.row for e in plan.errors})
            more = self.tr("%1 problems in %2 rows: nothing is imported from those rows.")
            summary += "\n" + more.replace("%1", str(len(plan.errors))).replace("%2", str(rows))
        else:
            summary += "\n" + self.tr("No problems found. Empty cells leave the targets as "
                                      "they are.")  # fmt: skip
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(plan.errors), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem"), self.tr("Value")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        for i, e in enumerate(plan.errors):
            cells = (str(e.row), words.file_column(e.column), words.file_problem(e.code), e.value)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, c, item)
        self.table.setColumnWidth(0, 50)
        self.table.setColumnWidth(1, 110)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(3, 110)
        self.table.setVisible(bool(plan.errors))

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("Import"))
        self.good_button = QPushButton(self.tr("Import the good rows"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        Role = QDialogButtonBox.ButtonRole
        self.buttons.addButton(self.import_button, Role.AcceptRole)
        self.buttons.addButton(self.good_button, Role.ActionRole)
        self.buttons.addButton(self.cancel_button, Role.RejectRole)
        self.import_button.setEnabled(plan.ok and bool(plan.cells))
        self.import_button.setVisible(not plan.errors)
        self.good_button.setVisible(bool(plan.errors) and bool(plan.cells))
        self.import_button.clicked.connect(self._on_import_clicked)
        self.good_button.clicked.connect(self._on_good_clicked)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 420 if plan.errors else 160)

    @Slot()
    def _on_import_clicked(self) -> None:
        self.choice = "all"
        self.accept()

    @Slot()
    def _on_good_clicked(self) -> None:
        self.choice = "good"
        self.accept()
