"""File › Export follow-ups…: every follow-up the user may see, newest first, read off the GUI
thread a chunk at a time, written with the columns the follow-up importer reads back."""

from __future__ import annotations

from datetime import timedelta

from helpers import NOW
from openpyxl import load_workbook
from PySide6.QtWidgets import QWidget
from test_gui_export import saved  # noqa: F401 (a fixture)

from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.excel_fields import suggest_mapping
from crmdesk.models.follow_ups import FollowUpInput
from crmdesk.models.workspace import Workspace
from crmdesk.views import list_export
from crmdesk.views.context import PageContext


def _log(ws, count: int) -> None:
    ids = [c.id for c in ws.list_customers(CustomerQuery(), 0, 10)]
    for i in range(count):
        ws.add_follow_up(ids[i % len(ids)], FollowUpInput(
            kind="call", content=f"电话 {i}", happened_at=NOW - timedelta(hours=i)))  # fmt: skip


def test_every_follow_up_one_may_see_is_exported_newest_first(qtbot, ws, saved, monkeypatch):  # noqa: F811
    monkeypatch.setattr(list_export, "EXPORT_PAGE", 3)  # several chunks
    _log(ws, 8)
    parent = QWidget()
    qtbot.addWidget(parent)
    exporter = list_export.export_follow_ups(PageContext(ws), parent)
    assert exporter is not None
    rows = [[c.value for c in r] for r in load_workbook(saved["path"]).active.iter_rows()]
    assert [r[3] for r in rows[1:]] == [f"电话 {i}" for i in range(8)]
    assert rows[1][4] > rows[2][4]  # typed times, newest first
    mapping = suggest_mapping("follow_ups", rows[0])  # the importer reads the titles back
    assert {"customer", "kind", "content", "happened_at"} <= set(mapping.columns.values())
    assert "8" in saved["info"][0]


def test_a_rep_exports_only_the_follow_ups_of_their_customers(qtbot, ws, saved):  # noqa: F811
    _log(ws, 8)
    rep = Workspace(ws.db, ws.people.rep_s1, clock=ws.clock)
    parent = QWidget()
    qtbot.addWidget(parent)
    list_export.export_follow_ups(PageContext(rep), parent)
    rows = list(load_workbook(saved["path"]).active.iter_rows(values_only=True))
    mine = {c.name for c in rep.list_customers(CustomerQuery(), 0, 10)}
    assert 1 < len(rows) < 9
    assert {r[0] for r in rows[1:]} <= mine
