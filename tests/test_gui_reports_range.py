"""The Reports page's range, colours and exports as a user meets them: a custom range whose
"from" is set after its "to" (or "to" before "from", or longer than MAX_MONTHS) moves the other
field so the fields say what the reports show, and says so; the monthly breakdown's named
series never share a colour, "Others" and "none" are grey; the exported picture carries a title
line (report, period, whose figures) and the workbook's sheets name whose figures beside the
period."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from test_gui_reports import choose, make_page, show_tab
from test_gui_reports_data import answered, demo_db, demo_file, demo_ws, workspace_as  # noqa: F401

from crmdesk.charts.series import NEUTRAL, NEUTRAL_ALT
from crmdesk.models.analytics_types import MAX_MONTHS, NONE, OTHER
from crmdesk.models.periods import Period


def months_of(edit) -> tuple[int, int]:
    return edit.date().year(), edit.date().month()


def test_a_reversed_range_moves_the_other_field_and_says_so(qtbot, demo_ws):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    show_tab(qtbot, page, "monthly")
    f = page.filters
    choose(qtbot, f.period_combo, "custom")
    assert not f.range_note.isVisible()
    f.to_edit.setDate(QDate(2026, 6, 1))  # 2026-01 … 2026-06: in order, nothing adjusted
    assert not f.range_note.text() and months_of(f.from_edit) == (2026, 1)
    f.from_edit.setDate(QDate(2026, 12, 1))  # "from" after "to": "to" follows it
    assert months_of(f.to_edit) == (2026, 12)
    assert f.range_note.isVisible() and f.range_note.text()
    assert f.range_note.text() in f.to_edit.toolTip()
    assert page.monthly.result.months == (Period(2026, 0, 12),)  # what the fields say
    f.to_edit.setDate(QDate(2026, 3, 1))  # "to" before "from": "from" follows it
    assert months_of(f.from_edit) == (2026, 3) and f.range_note.text()
    note = f.range_note.text()
    assert page.monthly.result.months == (Period(2026, 0, 3),)
    f.to_edit.setDate(QDate(2026, 5, 1))  # a plain change: the note goes
    assert not f.range_note.isVisible() and not f.range_note.text()
    assert note not in f.to_edit.toolTip() and note not in f.from_edit.toolTip()
    assert len(page.monthly.result.months) == 3


def test_a_range_longer_than_the_limit_is_shortened_and_says_so(qtbot, demo_ws):  # noqa: F811
    page = make_page(qtbot, demo_ws)
    show_tab(qtbot, page, "monthly")
    f = page.filters
    choose(qtbot, f.period_combo, "custom")
    f.from_edit.setDate(QDate(2020, 1, 1))  # to 2026-12: 84 months
    assert months_of(f.to_edit) == (2022, 12)  # MAX_MONTHS from "from"
    assert str(MAX_MONTHS) in f.range_note.text() and f.range_note.isVisible()
    months = page.monthly.result.months
    assert len(months) == MAX_MONTHS and months[-1] == Period(2022, 0, 12)
    f.to_edit.setDate(QDate(2026, 12, 1))  # the other way: "from" moves up
    assert months_of(f.from_edit) == (2024, 1)
    assert page.monthly.result.months[0] == Period(2024, 0, 1)


def test_series_colours_are_distinct_and_others_grey(qtbot, demo_ws):  # noqa: F811
    from crmdesk.views.report_panels import series_colors

    named = [""] * 12
    assert series_colors([*named, OTHER]) == [*range(12), NEUTRAL]
    assert series_colors(["", NONE, "", OTHER]) == [0, NEUTRAL_ALT, 1, NEUTRAL]
    assert series_colors([NONE, ""]) == [NEUTRAL, 0]
    page = make_page(qtbot, demo_ws)
    show_tab(qtbot, page, "monthly")
    choose(qtbot, page.monthly.by_combo, "source")  # the demo has deals without a source
    b, data = page.monthly.result, page.monthly.chart.data
    colors = [s.color for s in data.series]
    assert len(set(colors)) == len(colors)
    codes = [s.code for s in b.series]
    assert NONE in codes and colors[codes.index(NONE)] < 0


def test_the_exported_picture_has_a_title_line(qtbot, demo_db, answered):  # noqa: F811
    ws = workspace_as(demo_db, 2)  # a manager: their team's figures
    page = make_page(qtbot, ws)
    show_tab(qtbot, page, "totals")
    title = page.picture_title("totals")
    team = ws.actor.team_name
    assert team and title.endswith(" · " + team)
    assert "Lost reasons and sources" in title and "Jan 2026 – Dec 2026" in title
    answered["path"] = answered["path"].with_suffix(".png")
    qtbot.mouseClick(page.png_button, Qt.MouseButton.LeftButton)
    saved = QImage(str(answered["path"]))
    grab = page.totals.grab().toImage()
    assert saved.width() == grab.width() and saved.height() > grab.height() + 10
    choose(qtbot, page.filters.scope_combo, "mine")
    assert page.picture_title("totals").endswith(" · " + ws.actor.name)


def test_the_workbook_names_whose_figures(qtbot, demo_db, answered):  # noqa: F811
    ws = workspace_as(demo_db, 2)
    page = make_page(qtbot, ws)
    qtbot.mouseClick(page.workbook_button, Qt.MouseButton.LeftButton)
    wb = load_workbook(answered["path"])
    for sheet in wb.worksheets:
        notes = [c.value for c in sheet["A"] if isinstance(c.value, str)]
        assert f"Jan 2026 – Dec 2026 · {ws.actor.team_name}" in notes, sheet.title
