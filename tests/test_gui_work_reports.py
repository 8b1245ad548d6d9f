"""The Work reports page driven as a user would: write and submit a report, a manager reads it
in the team's list and comments, who has not submitted, and typed text that is never lost (a
failed save, moving to another day)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from gui_helpers import GuiThreadGuard, type_text
from helpers import NOW
from PySide6.QtCore import Qt

from crmdesk.models import work_reports as wr
from crmdesk.models.today import local_day
from crmdesk.models.workspace import Workspace
from crmdesk.views.context import ChangeBus, PageContext
from crmdesk.views.work_reports_page import WorkReportsPage

LEFT = Qt.MouseButton.LeftButton
TODAY = local_day(NOW).date  # the page's day: the clock's, in the system's zone


def _ws(ws, user) -> Workspace:
    return Workspace(ws.db, user, clock=lambda: NOW)


def _page(qtbot, workspace, bus=None, runner=None) -> WorkReportsPage:
    page = WorkReportsPage(PageContext(workspace, runner, bus))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    return page


def _stored(ws, user, kind="daily", day=TODAY):
    return _ws(ws, user).my_work_report(kind, day)


def _submit_for(ws, user, done):
    start = wr.period_of_report("daily", TODAY)[0]
    return (
        _ws(ws, user).save_work_report(wr.ReportInput("daily", start, done=done, submit=True)).value
    )


def test_a_rep_writes_and_submits(qtbot, ws):
    rep = ws.people.rep_n1
    page = _page(qtbot, _ws(ws, rep))
    assert page.mine.status.text() == "Not written yet."
    assert not page.team.missing.isVisible()  # a rep has no team panel's missing list
    type_text(qtbot, page.mine.boxes["done"], "visited three customers")
    type_text(qtbot, page.mine.boxes["plan"], "明天报价")
    assert page.mine.dirty
    qtbot.mouseClick(page.mine.save_button, LEFT)
    stored = _stored(ws, rep)
    assert stored.status == "draft" and stored.done == "visited three customers"
    assert not page.mine.dirty
    qtbot.mouseClick(page.mine.submit_button, LEFT)
    stored = _stored(ws, rep)
    assert stored.status == "submitted" and stored.plan == "明天报价"
    assert page.mine.status.text().startswith("Submitted at")
    assert page.mine.submit_button.text() == "Save changes"
    assert not page.mine.save_button.isVisible()
    # The rep's own history lists it.
    assert [r.id for r in page.team.model.rows] == [stored.id]


def test_a_manager_reads_comments_and_sees_who_is_missing(qtbot, ws):
    people = ws.people
    report = _submit_for(ws, people.rep_n1, "拜访星辰科技，客户满意")
    _ws(ws, people.rep_n2).save_work_report(
        wr.ReportInput("daily", TODAY, done="draft only")
    )  # a draft is not submitted
    page = _page(qtbot, _ws(ws, people.manager_n))
    assert [r.id for r in page.team.model.rows] == [report.id]
    missing = [page.team.missing.item(i).text() for i in range(page.team.missing.count())]
    assert missing == ["Ned North · North · draft not submitted", "Nina North · North"]
    assert "2" in page.team.missing_title.text()
    page.team.table.selectRow(0)
    viewer = page.team.viewer
    assert viewer.report_id == report.id
    assert "拜访星辰科技" in viewer.text.toPlainText()
    assert viewer.comment_button.isEnabled()
    type_text(qtbot, viewer.comment_box, "很好，继续跟进")
    qtbot.mouseClick(viewer.comment_button, LEFT)
    assert "很好，继续跟进" in viewer.text.toPlainText()
    assert viewer.comment_box.toPlainText() == ""
    assert page.team.model.rows[0].comment_count == 1  # the change reloaded the list
    notes = _ws(ws, people.rep_n1).work_report(report.id).comments
    assert [(c.author_name, c.text) for c in notes] == [("Nina North", "很好，继续跟进")]


def test_search_narrows_the_list(qtbot, ws):
    people = ws.people
    _submit_for(ws, people.rep_n1, "拜访星辰科技")
    _submit_for(ws, people.rep_n2, "phone calls")
    page = _page(qtbot, _ws(ws, people.manager_n))
    assert len(page.team.model.rows) == 2
    type_text(qtbot, page.team.search, "Phone")
    qtbot.keyClick(page.team.search, Qt.Key.Key_Return)
    assert [r.author_name for r in page.team.model.rows] == ["Ned North"]


def test_search_runs_as_one_types_and_closes_a_report_it_hides(qtbot, ws):
    people = ws.people
    shown = _submit_for(ws, people.rep_n1, "拜访星辰科技")
    _submit_for(ws, people.rep_n2, "phone calls")
    page = _page(qtbot, _ws(ws, people.manager_n))
    page.team.select_report(shown.id)
    viewer = page.team.viewer
    assert viewer.report_id == shown.id and viewer.comment_box.isEnabled()
    type_text(qtbot, page.team.search, "phone")
    assert page.team.search_timer.isActive()  # one search per pause, not one per key
    qtbot.waitUntil(lambda: [r.author_name for r in page.team.model.rows] == ["Ned North"])
    # The report read before is no longer in the list: it is closed, no comment on it.
    assert viewer.report_id is None and viewer.text.toPlainText() == ""
    assert not viewer.comment_box.isEnabled() and not viewer.comment_button.isEnabled()
    page.team.search.setText("zzz")
    qtbot.waitUntil(lambda: page.team.model.rows == [])
    assert page.team.table.empty_text == "No reports match “zzz”."
    page.team.search.clear()  # the clear button: everything again at once
    assert len(page.team.model.rows) == 2
    assert page.team.table.empty_text == "No reports in these days."


def test_a_week_fits_its_column_and_an_edit_after_submitting_shows(qtbot, ws):
    from crmdesk.views.work_report_team import period_text

    people = ws.people
    rep = _ws(ws, people.rep_n1)
    start, end = wr.period_of_report("weekly", TODAY)
    report = rep.save_work_report(wr.ReportInput("weekly", start, done="本周", submit=True)).value
    manager = _ws(ws, people.manager_n)
    manager.comment_work_report(report.id, "看过了")
    with ws.db.writing() as s:  # the rep corrects it an hour after the comment
        later = NOW + timedelta(hours=1)
        wr.save_report(s, people.rep_n1, later, wr.ReportInput(
            "weekly", start, done="本周，改正", submit=True, version=report.version))  # fmt: skip
    page = _page(qtbot, manager)
    qtbot.mouseClick(page.weekly_button, LEFT)
    assert page.weekly_button.isChecked() and not page.daily_button.isChecked()
    week = period_text("weekly", start, end)
    if start.year == end.year:
        assert week == f"{start.isoformat()} – {end.strftime('%m-%d')}"
    model, header = page.team.model, page.team.table.horizontalHeader()
    assert model.index(0, 0).data() == week
    for col in (0, 3):  # period and status are not cut short with "…"
        text = model.index(0, col).data()
        assert header.sectionSize(col) > header.fontMetrics().horizontalAdvance(text)
    assert model.index(0, 3).data() == "Submitted, edited since"
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole).startswith("Last edited ")
    page.team.table.selectRow(0)
    text = page.team.viewer.text.toPlainText()
    assert "Submitted, edited since" in text and "Last edited" in text
    assert "edited after the last comment" in text and "本周，改正" in text


def test_the_export_ends_with_the_comments(qtbot, ws, monkeypatch, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QMessageBox

    from crmdesk.views import file_dialogs

    people = ws.people
    report = _submit_for(ws, people.rep_n1, "拜访")
    _submit_for(ws, people.rep_n2, "phone calls")
    _ws(ws, people.manager_n).comment_work_report(report.id, "很好\n继续")
    _ws(ws, people.rep_n1).comment_work_report(report.id, "收到")
    out = tmp_path / "reports.xlsx"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    page = _page(qtbot, _ws(ws, people.manager_n))
    qtbot.mouseClick(page.team.export_button, LEFT)
    qtbot.waitUntil(out.exists)
    rows = [[c.value for c in row] for row in load_workbook(out).active.iter_rows()]
    assert rows[0][-1] == "Comment texts"
    last = {r[1]: r[-1] for r in rows[1:]}
    assert last == {"张伟": "Nina North: 很好\n继续\n张伟: 收到", "Ned North": None}


def test_a_failed_save_keeps_the_text(qtbot, ws):
    rep = ws.people.rep_n1
    page = _page(qtbot, _ws(ws, rep))
    box = page.mine.boxes["done"]
    box.insertPlainText("x" * (wr.REPORT_TEXT_LIMIT + 1))  # pasted
    qtbot.mouseClick(page.mine.submit_button, LEFT)
    assert page.mine.problem.isVisible()
    assert "at most 10,000 characters" in page.mine.problem.text()
    assert box.toPlainText() == "x" * (wr.REPORT_TEXT_LIMIT + 1)
    assert _stored(ws, rep).id is None
    assert page.mine.submit_button.isEnabled()  # try again after shortening it


def test_a_conflicting_save_keeps_the_text_and_offers_reload(qtbot, ws):
    rep = ws.people.rep_n1
    first = _ws(ws, rep).save_work_report(wr.ReportInput("daily", TODAY, done="first"))
    page = _page(qtbot, _ws(ws, rep))
    assert page.mine.boxes["done"].toPlainText() == "first"
    # Saved meanwhile on another computer, without this page hearing of it.
    _ws(ws, rep).save_work_report(
        wr.ReportInput("daily", TODAY, done="other computer", version=first.value.version)
    )
    type_text(qtbot, page.mine.boxes["problems"], "mine")
    qtbot.mouseClick(page.mine.save_button, LEFT)
    assert page.mine.problem.isVisible() and "张伟" in page.mine.problem.text()
    assert page.mine.boxes["problems"].toPlainText() == "mine"
    assert page.mine.reload_button.isVisible()
    qtbot.mouseClick(page.mine.reload_button, LEFT)
    assert page.mine.boxes["done"].toPlainText() == "other computer"
    assert not page.mine.dirty


def test_moving_to_another_day_asks_about_unsaved_text(qtbot, ws, answers):
    rep = ws.people.rep_n1
    page = _page(qtbot, _ws(ws, rep))
    type_text(qtbot, page.mine.boxes["done"], "unsaved")
    answers.give("ask_unsaved", "cancel")
    qtbot.mouseClick(page.prev_button, LEFT)
    assert page.day == TODAY and page.mine.boxes["done"].toPlainText() == "unsaved"
    answers.give("ask_unsaved", "save")
    qtbot.mouseClick(page.prev_button, LEFT)
    assert page.day == TODAY - timedelta(days=1)
    assert _stored(ws, rep).done == "unsaved"  # saved before moving on
    assert page.mine.boxes["done"].toPlainText() == ""
    type_text(qtbot, page.mine.boxes["done"], "yesterday")
    answers.give("ask_unsaved", "discard")
    qtbot.mouseClick(page.weekly_button, LEFT)
    assert page.kind == "weekly" and page.mine.titles_shown["done"].text() == "This week's work"
    assert _stored(ws, rep, day=TODAY - timedelta(days=1)).id is None
    assert [q for q, _args in answers.asked] == ["ask_unsaved"] * 3


def test_leaving_the_page_with_nothing_typed_does_not_ask(qtbot, ws, answers):
    page = _page(qtbot, _ws(ws, ws.people.rep_n1))
    left = []
    page.leave(lambda: left.append(True))
    assert left == [True] and answers.asked == []


def test_figures_follow_changes_on_the_bus(qtbot, ws):
    from crmdesk.models.follow_ups import FollowUpInput

    rep = ws.people.rep_n1
    bus = ChangeBus()
    page = _page(qtbot, _ws(ws, rep), bus)
    assert page.mine.values["follow_ups"].text() == "0"
    type_text(qtbot, page.mine.boxes["done"], "typing")
    customer = _ws(ws, rep).list_customers(_query(), 0, 10)[0]
    result = _ws(ws, rep).add_follow_up(
        customer.id, FollowUpInput(kind="visit", content="去客户现场", happened_at=NOW)
    )
    bus.changed.emit(result.change)
    assert page.mine.values["follow_ups"].text() == "1"
    assert page.mine.values["visits"].text() == "1"
    assert page.mine.boxes["done"].toPlainText() == "typing"  # the typed text stays


def _query():
    from crmdesk.models.customer_list import CustomerQuery

    return CustomerQuery()


@pytest.mark.parametrize("who", ["rep_n1", "manager_n"])
def test_the_gui_thread_never_waits_on_the_database(qtbot, ws, who):
    from crmdesk.tasks import TaskRunner

    _submit_for(ws, ws.people.rep_n1, "done")
    guard = GuiThreadGuard(_ws(ws, getattr(ws.people, who)))
    runner = TaskRunner()
    page = _page(qtbot, guard, runner=runner)
    qtbot.waitUntil(lambda: len(page.team.model.rows) == 1, timeout=5000)
    qtbot.waitUntil(lambda: page.mine.save_button.isEnabled(), timeout=5000)
    page.mine.boxes["plan"].insertPlainText("plan")
    qtbot.mouseClick(page.mine.save_button, LEFT)
    qtbot.waitUntil(lambda: not page.mine.dirty and not page.saving, timeout=5000)
    runner.wait()
    assert guard.calls_on_gui_thread == []
