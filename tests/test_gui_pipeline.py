"""The pipeline board driven as a user would, on a real SQLite database: the columns and their
figures (against an independent sum), a card dropped on a gated stage (the dialog asks the
stage's question, the deal moves only when the database agreed), Won and Lost through their
drop zones, a refused move that leaves the card where it was, keys that move a card; a win
offers the deal's contract by the deal's name, opening the one it has already if it has one."""

from __future__ import annotations

import sys
import types
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from helpers import NOW
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.deal_rules import DealInput, LineInput
from crmdesk.models.errors import NotFound, ValidationFailed
from crmdesk.views import deal_flow, deal_move_dialogs
from crmdesk.views.board import DealRef, encode
from crmdesk.views.context import PageContext
from crmdesk.views.periods import period_dates
from crmdesk.views.pipeline_page import PipelinePage


@pytest.fixture
def deals_ws(ws):
    """Six deals of 北京星辰科技 in the first stage, one with product lines."""
    pipeline = ws.pipelines()[0]
    customer = ws.list_customers(CustomerQuery(scope="all"), 0, 10)[0]
    ids = []
    for i in range(6):
        lines = (LineInput(None, "CRM 授权", Decimal("3"), Decimal("1000.00"), Decimal("10")),)
        data = DealInput(customer_id=customer.id, title=f"项目 {i}", pipeline_id=pipeline.id,
                         stage_id=None, amount=None if i == 0 else Decimal(1000 * (i + 1)),
                         probability=50 if i == 1 else None, expected_close=None, source="",
                         competitor="", notes="", external_id="", owner_id=None,
                         lines=lines if i == 0 else ())  # fmt: skip
        ids.append(ws.create_deal(data).value)
    ws.deal_ids_made = ids
    ws.pipeline = pipeline
    return ws


def board(qtbot, ws) -> PipelinePage:
    page = PipelinePage(PageContext(ws))
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitUntil(lambda: page.columns and page.columns[0].model.rowCount() == 6)
    return page


def titles(column) -> list[str]:
    return [column.model.row_at(r).title for r in range(column.model.rowCount())]


def ref_of(column, title: str) -> DealRef:
    for r in range(column.model.rowCount()):
        card = column.model.row_at(r)
        if card.title == title:
            return DealRef(card.id, card.version, card.stage_id)
    raise AssertionError(title)


def drop(page, column_index: int, refs) -> None:
    model = page.columns[column_index].model
    data = encode(refs)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())


def answer_the_gate(dialog):
    """GateDialog.exec: every question of the stage's gate answered, accepted."""
    for f in dialog._answers:
        if f.question.kind == "yes_no":
            f.group.buttons()[0].setChecked(True)
        else:
            f.widget.setText("采购部")
    return QDialog.DialogCode.Accepted


def test_the_columns_show_the_stages_and_their_figures(qtbot, deals_ws):
    page = board(qtbot, deals_ws)
    stages = deals_ws.pipeline.open_stages
    assert [c.stage_id for c in page.columns] == [s.id for s in stages]
    # Independently: 2,700 from the lines (3 × 1,000 less 10%), then 2,000 … 6,000 by hand.
    amounts = [Decimal("2700")] + [Decimal(1000 * (i + 1)) for i in range(1, 6)]
    probs = [stages[0].probability] * 6
    probs[1] = 50
    weighted = sum(a * p / 100 for a, p in zip(amounts, probs, strict=True))
    text = page.columns[0].figures.text()
    assert "6" in text
    tip = page.columns[0].figures.toolTip()
    assert f"¥{sum(amounts):,.2f}" in tip and f"¥{weighted:,.2f}" in tip
    assert "0" in page.columns[1].figures.text()
    assert titles(page.columns[0])[0] == "项目 5"  # newest in the stage first


def test_a_drop_on_a_gated_stage_asks_its_question_and_moves_the_deal(qtbot, deals_ws, monkeypatch):
    page = board(qtbot, deals_ws)
    asked = []

    def answer(dialog):
        asked.append([f.question.code for f in dialog._answers])
        for f in dialog._answers:
            if f.question.kind == "yes_no":
                f.group.buttons()[0].setChecked(True)  # Yes
            elif f.question.kind == "text":
                f.widget.setText("王总")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(deal_move_dialogs.GateDialog, "exec", answer)
    drop(page, 1, [ref_of(page.columns[0], "项目 3")])
    qtbot.waitUntil(lambda: page.columns[1].model.rowCount() == 1)
    assert asked == [["budget", "decision_maker"]]
    assert titles(page.columns[1]) == ["项目 3"]
    assert "项目 3" not in titles(page.columns[0])
    detail = deals_ws.deal(ref_of(page.columns[1], "项目 3").id)
    assert {a.answer for a in detail.answers} == {"yes", "王总"}
    assert "1" in page.columns[1].figures.text()


def test_a_cancelled_gate_dialog_leaves_the_card_where_it_was(qtbot, deals_ws, monkeypatch):
    page = board(qtbot, deals_ws)
    monkeypatch.setattr(deal_move_dialogs.GateDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    drop(page, 1, [ref_of(page.columns[0], "项目 2")])
    qtbot.wait(50)
    assert len(titles(page.columns[0])) == 6 and titles(page.columns[1]) == []
    assert deals_ws.deal(ref_of(page.columns[0], "项目 2").id).history[-1].kind == "created"


def test_a_stale_version_is_reported_not_overwritten(qtbot, deals_ws, monkeypatch):
    page = board(qtbot, deals_ws)
    ref = ref_of(page.columns[0], "项目 4")
    detail = deals_ws.deal(ref.id)  # a colleague edits it meanwhile
    deals_ws.update_deal(ref.id, replace(detail.data, notes="改了"), detail.version)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    drop(page, 1, [ref])  # the card as the user saw it
    qtbot.waitUntil(lambda: bool(shown))
    assert "Ada Admin" in shown[0]  # names who changed it
    assert ref_of(page.columns[0], "项目 4")  # the card stays where it was


def test_won_and_lost_through_the_drop_zones(qtbot, deals_ws, monkeypatch):
    page = board(qtbot, deals_ws)

    def won(dialog):
        dialog.amount.setText("1.5万")
        return QDialog.DialogCode.Accepted

    def lost(dialog):
        dialog.reason.setCurrentIndex(dialog.reason.findData("price"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(deal_move_dialogs.WonDialog, "exec", won)
    monkeypatch.setattr(deal_move_dialogs.LostDialog, "exec", lost)
    won_ref, lost_ref = ref_of(page.columns[0], "项目 1"), ref_of(page.columns[0], "项目 2")
    page._on_zone_dropped([won_ref], "won")
    qtbot.waitUntil(lambda: len(titles(page.columns[0])) == 5)
    page._on_zone_dropped([lost_ref], "lost")
    qtbot.waitUntil(lambda: len(titles(page.columns[0])) == 4)
    w, lo = deals_ws.deal(won_ref.id), deals_ws.deal(lost_ref.id)
    assert w.status == "won" and w.amount == Decimal("15000")
    assert lo.status == "lost" and lo.lost_code == "price"
    customer = deals_ws.customer(w.data.customer_id)
    assert customer.data.status == "customer"


def test_keys_move_the_selection_and_the_card(qtbot, deals_ws):
    page = board(qtbot, deals_ws)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    first = page.columns[0].list
    first.setFocus()
    first.setCurrentIndex(first.model().index(0, 0))
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert page.columns[1].list.hasFocus()
    qtbot.keyClick(page.columns[1].list, Qt.Key.Key_Left)
    assert first.hasFocus()
    first.setCurrentIndex(first.model().index(0, 0))  # 项目 5, which the first stage's gate lets go
    page.columns[0].list.selectionModel().select(
        first.model().index(0, 0), first.selectionModel().SelectionFlag.ClearAndSelect
    )
    page.move_selected(-1)  # nowhere before the first stage: nothing happens
    assert len(titles(page.columns[0])) == 6


def test_a_click_in_one_column_clears_the_others_selection(qtbot, deals_ws, monkeypatch):
    page = board(qtbot, deals_ws)
    monkeypatch.setattr(deal_move_dialogs.GateDialog, "exec", answer_the_gate)
    drop(page, 1, [ref_of(page.columns[0], "项目 5")])
    qtbot.waitUntil(lambda: page.columns[1].model.rowCount() == 1)
    first, second = page.columns[0].list, page.columns[1].list

    def click(view, row: int) -> None:
        rect = view.visualRect(view.model().index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    click(first, 0)
    click(first, 1)
    assert len(first.selectionModel().selectedIndexes()) == 1
    click(second, 0)
    assert first.selectionModel().selectedIndexes() == []
    assert len(second.selectionModel().selectedIndexes()) == 1
    click(first, 2)
    assert second.selectionModel().selectedIndexes() == []
    assert [ix.row() for ix in first.selectionModel().selectedIndexes()] == [2]


def test_the_list_view_shows_the_same_deals(qtbot, deals_ws):
    page = board(qtbot, deals_ws)
    page.list_button.click()
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 6)
    rows = [page.list.model.row_at(r).title for r in range(6)]
    assert sorted(rows) == [f"项目 {i}" for i in range(6)]
    page.search.setText("项目 3")
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1, timeout=3000)


def test_period_dates_cover_whole_months_and_quarters():
    today = NOW.date()  # 2026-11-20
    assert period_dates("this_month", today) == (today.replace(day=1), today.replace(day=30))
    start, end = period_dates("this_quarter", today)
    assert (start.month, end.month, end.day) == (10, 12, 31)
    assert period_dates("overdue", today) == (None, today - timedelta(days=1))
    assert period_dates("any", today) == (None, None)


def test_ctrl_right_moves_the_selected_card_one_stage_on(qtbot, deals_ws, monkeypatch):
    page = board(qtbot, deals_ws)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)

    monkeypatch.setattr(deal_move_dialogs.GateDialog, "exec", answer_the_gate)
    first = page.columns[0].list
    first.setFocus()
    first.setCurrentIndex(first.model().index(0, 0))  # 项目 5
    qtbot.keyClick(first, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: titles(page.columns[1]) == ["项目 5"])
    assert "项目 5" not in titles(page.columns[0])


def test_the_owner_filter_shows_one_reps_deals(qtbot, deals_ws):
    p = deals_ws.people
    customer = next(
        c
        for c in deals_ws.list_customers(CustomerQuery(scope="all"), 0, 10)
        if c.owner_name == p.rep_s1.name
    )
    data = DealInput(customer_id=customer.id, title="南方的单子", pipeline_id=deals_ws.pipeline.id,
                     stage_id=None, amount=Decimal(5), probability=None, expected_close=None,
                     source="", competitor="", notes="", external_id="", owner_id=p.rep_s1.id,
                     lines=())  # fmt: skip
    deals_ws.create_deal(data)
    page = PipelinePage(PageContext(deals_ws))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.columns and page.columns[0].model.rowCount() == 7)
    qtbot.waitUntil(lambda: page.owner_combo.findData(p.rep_s1.id) >= 0)
    page.owner_combo.setCurrentIndex(page.owner_combo.findData(p.rep_s1.id))
    page.owner_combo.activated.emit(page.owner_combo.currentIndex())
    qtbot.waitUntil(lambda: titles(page.columns[0]) == ["南方的单子"])
    assert "1" in page.status.text()


def test_a_won_day_reads_back_as_the_day_chosen_in_any_time_zone(monkeypatch):
    import time

    from crmdesk.views.deal_flow import utc_day

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        now = datetime(2026, 12, 4, 23, 30)  # 07:30 on 5 Dec in Shanghai
        day = utc_day(date(2026, 12, 3), now)
        stored = datetime.combine(day, now.time())  # as deal_moves.closed_at keeps it
        assert stored.replace(tzinfo=UTC).astimezone().date() == date(2026, 12, 3)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_customer_sent_to_the_bin_takes_its_cards_off_the_board(qtbot, deals_ws):
    page = board(qtbot, deals_ws)
    customer_id = deals_ws.deal(deals_ws.deal_ids_made[0]).data.customer_id
    page.ctx.write(lambda: deals_ws.delete_customers([customer_id]), owner=page)
    qtbot.waitUntil(lambda: page.columns[0].model.rowCount() == 0)


def test_answers_given_before_a_refusal_are_kept_for_the_next_try(qtbot, deals_ws, monkeypatch):
    page = board(qtbot, deals_ws)
    tries = []

    def answer(dialog):
        tries.append(sorted(f.question.code for f in dialog._answers))
        for f in dialog._answers:
            if f.question.kind == "yes_no":  # "No" first (the gate wants Yes), then "Yes"
                f.group.buttons()[0 if len(tries) > 1 else 1].setChecked(True)
            else:
                f.widget.setText("王总")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(deal_move_dialogs.GateDialog, "exec", answer)
    drop(page, 1, [ref_of(page.columns[0], "项目 3")])
    qtbot.waitUntil(lambda: page.columns[1].model.rowCount() == 1)
    assert tries == [["budget", "decision_maker"], ["budget"]]  # asked only what was missing
    detail = deals_ws.deal(ref_of(page.columns[1], "项目 3").id)
    assert {a.answer for a in detail.answers} == {"yes", "王总"}  # the first try's name kept


def test_a_drop_waits_for_the_drag_to_end(qtbot, deals_ws, monkeypatch):
    page = board(qtbot, deals_ws)
    monkeypatch.setattr(deal_move_dialogs.GateDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    page.flow.drag_started()
    page._on_zone_dropped([ref_of(page.columns[0], "项目 2")], "lost")
    qtbot.wait(30)
    assert not page.flow.busy  # nothing runs (no dialog opens) inside the drag's loop
    shown = []
    monkeypatch.setattr(deal_move_dialogs.LostDialog, "exec",
                        lambda d: shown.append(d) or QDialog.DialogCode.Rejected)  # fmt: skip
    page.flow.drag_finished()
    qtbot.waitUntil(lambda: bool(shown))


def test_a_won_deal_offers_its_contract_by_name_or_opens_the_one_it_has(qtbot, deals_ws,
                                                                      monkeypatch):  # fmt: skip
    opened, errors = [], []
    module = types.ModuleType("crmdesk.views.contract_dialog")
    module.open_contract_dialog = lambda ctx, parent, **kw: opened.append(kw)
    monkeypatch.setitem(sys.modules, "crmdesk.views.contract_dialog", module)
    monkeypatch.setattr(deal_flow, "show_error", lambda parent, exc: errors.append(exc))
    monkeypatch.setattr(deal_move_dialogs.WonDialog, "exec", lambda _d: QDialog.DialogCode.Accepted)
    page = board(qtbot, deals_ws)
    ref = ref_of(page.columns[0], "项目 3")
    # the models answer for a deal whose contract exists (a colleague wrote it meanwhile)
    has_contract = ValidationFailed(errors=[("deal_id", "has_contract")], limits={},
                                    contract_id=42)  # fmt: skip

    def contract_from_deal(deal_id):
        assert deal_id == ref.id
        raise has_contract

    monkeypatch.setattr(deals_ws, "contract_from_deal", contract_from_deal)
    page._on_zone_dropped([ref], "won")
    qtbot.waitUntil(lambda: page.flow.contract_offer is not None)
    box = page.flow.contract_offer
    assert box.text() == "Create the contract for “项目 3” now?"
    next(b for b in box.buttons() if b.text() == "Create contract…").click()
    assert opened == [{"contract_id": 42}] and errors == []  # that one, not a second

    # any other failure is said, and nothing opens
    def gone(deal_id):
        raise NotFound(what="deal", id=deal_id)

    monkeypatch.setattr(deals_ws, "contract_from_deal", gone)
    page.flow.offer_contract(ref.id, "项目 3")
    next(b for b in page.flow.contract_offer.buttons() if b.text() == "Create contract…").click()
    assert opened == [{"contract_id": 42}] and [e.code for e in errors] == ["not_found"]


def test_a_colleagues_deal_change_refreshes_the_board_in_place(qtbot, deals_ws):
    """Heard through the change feed (a remote Change), a colleague's deletion takes its card
    off without a reset of the column: the card the user had chosen stays chosen."""
    from crmdesk.models.workspace import Workspace
    from crmdesk.views.live_refresh import LiveRefresh

    page = board(qtbot, deals_ws)
    live = LiveRefresh(page.ctx, interval_ms=60_000)
    live.poll_now()  # the cursor starts at the feed's end
    column = page.columns[0]
    chosen = ref_of(column, "项目 1").id
    row = column.model.row_of_id(chosen)
    column.list.setCurrentIndex(column.model.index(row, 0))
    resets = []
    column.model.modelReset.connect(lambda: resets.append(1))
    other = Workspace(type(deals_ws.db)(deals_ws.db.engine), deals_ws.actor, clock=lambda: NOW)
    other.delete_deal(ref_of(column, "项目 4").id)  # another program: its own client id
    live.poll_now()
    qtbot.waitUntil(lambda: column.model.rowCount() == 5, timeout=3000)
    assert "项目 4" not in titles(column)
    assert column.model.row_at(column.list.currentIndex().row()).id == chosen
    assert resets == []
