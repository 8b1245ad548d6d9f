"""Helpers of the targets page's GUI tests: won deals and targets written straight into the
small database of the `ws` fixture, and a cell typed into the distribution tree as a user
would (F2, the digits, Enter)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal as D

from gui_helpers import type_text
from helpers import NOW
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import insert, select

from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.periods import Period
from crmdesk.models.schema_deals import Deal, Pipeline, Stage
from crmdesk.models.targets import TargetInput
from crmdesk.models.workspace import Workspace
from crmdesk.views.context import PageContext
from crmdesk.views.targets_page import TargetsPage

Y = NOW.year
YEAR = Period(Y)


def as_user(ws, user) -> Workspace:
    return Workspace(ws.db, user, clock=lambda: NOW)


def won(ws, owner, amount: str, closed: datetime) -> None:
    with ws.db.writing() as s:
        pipeline = s.scalar(select(Pipeline.id).order_by(Pipeline.id).limit(1))
        stage = s.scalar(select(Stage.id).where(Stage.pipeline_id == pipeline,
                                                Stage.kind == "won"))  # fmt: skip
        customer = create_customer(s, ws.people.admin, CustomerInput(name=f"客户{amount}"), NOW,
                                   owner_id=owner.id)  # fmt: skip
        s.execute(insert(Deal), [dict(
            customer_id=customer, title="d", amount=D(amount), owner_id=owner.id,
            team_id=owner.team_id, pipeline_id=pipeline, stage_id=stage, status="won",
            created_at=NOW, updated_at=NOW, stage_entered_at=NOW, closed_at=closed)])  # fmt: skip


def sales(ws):
    """Won deals of three reps, and targets: the company's year, both teams', two reps'."""
    p = ws.people
    won(ws, p.rep_n1, "120000.00", datetime(Y, 2, 10, 3))
    won(ws, p.rep_n1, "30000.50", datetime(Y, 5, 3, 3))
    won(ws, p.rep_n2, "90000.00", datetime(Y, 2, 20, 3))
    won(ws, p.rep_s1, "45000.00", datetime(Y, 8, 8, 3))
    north, south = p.rep_n1.team_id, p.rep_s1.team_id
    cells = [
        ("company", 0, YEAR, "1000000"),
        ("team", north, YEAR, "400000"),
        ("team", south, YEAR, "300000"),
        ("rep", p.rep_n1.id, YEAR, "200000"),
        ("rep", p.rep_n2.id, YEAR, "100000"),
        ("rep", p.rep_s1.id, Period(Y, 0, 2), "10000"),
    ]
    ws.save_targets([TargetInput("won_amount", s, i, per, D(v)) for s, i, per, v in cells])
    return p


def make_page(qtbot, workspace, runner=None, bus=None) -> TargetsPage:
    page = TargetsPage(PageContext(workspace, runner, bus))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    return page


def type_cell(qtbot, page, scope: str, scope_id: int, period: Period, text: str) -> None:
    """Select the cell, F2, type over what it holds, Enter."""
    editor = page.editor
    page.tabs.setCurrentWidget(editor)
    editor.select(scope, scope_id, period)
    tree = editor.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    # the cell's editor: the shown one (closed editors await their deletion, hidden)
    lines = [w for w in tree.findChildren(QLineEdit) if w.isVisible()]
    line = lines[-1] if lines else None
    assert isinstance(line, QLineEdit), "the cell did not open for editing"
    line.selectAll()
    if text:
        type_text(qtbot, line, text)
    else:
        qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()


def shown(page, scope: str, scope_id: int, period: Period) -> str:
    model = page.editor.model
    return model.data(model.index_of(scope, scope_id, period))
