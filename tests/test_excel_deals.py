"""The deals importer (excel_deals.py): the stage history an imported deal gets, its times, its
product line and amount; then the writer on SQLite, PostgreSQL and MariaDB: a sheet of deals
from another CRM with its stages mapped to ours, the board, the history the reports count,
re-imports by external id in each mode and an undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal as D

import pytest
from helpers import NOW

from crmdesk.models.excel_deals import (
    PRODUCT_NOTE,
    deal_money,
    deal_notes,
    deal_times,
    find_stage,
    product_index,
    stage_history,
    stage_lookup,
)
from crmdesk.models.schema_deals import IMPORTED_MARK

# The default pipeline's shape: five open stages (out of id order on purpose), won, lost.
STAGES = [(11, 0, "open"), (12, 1, "open"), (15, 2, "open"), (13, 3, "open"), (14, 4, "open"),
          (20, 5, "won"), (21, 6, "lost")]  # fmt: skip
T0 = datetime(2026, 3, 1, 10, 0)
T1 = datetime(2026, 5, 6, 9, 30)


def moves(reached, created=T0, closed=None):
    rows = stage_history(STAGES, reached, created, closed, 7)
    assert all(r["comment"] == IMPORTED_MARK and r["actor_id"] == 7 for r in rows)
    assert all(r["answers"] == "" for r in rows)
    return [(r["kind"], r["from_stage_id"], r["to_stage_id"], r["at"]) for r in rows]


def test_an_open_deal_moved_through_each_open_stage_up_to_the_one_it_reached():
    assert moves(11) == [("created", None, 11, T0)]
    assert moves(15) == [("created", None, 11, T0), ("moved", 11, 12, T0), ("moved", 12, 15, T0)]
    assert [m[2] for m in moves(14)] == [11, 12, 15, 13, 14]


def test_a_won_deal_went_through_every_open_stage_and_a_lost_one_was_lost_from_the_first():
    won = moves(20, closed=T1)
    assert [m[:3] for m in won] == [("created", None, 11), ("moved", 11, 12),
                                    ("moved", 12, 15), ("moved", 15, 13), ("moved", 13, 14),
                                    ("won", 14, 20)]  # fmt: skip
    assert [m[3] for m in won] == [T0] * 5 + [T1]
    assert moves(21, closed=T1) == [("created", None, 11, T0), ("lost", 11, 21, T1)]
    assert moves(21) == [("created", None, 11, T0), ("lost", 11, 21, T0)]  # no close: created


def test_history_of_odd_pipelines():
    assert moves(20, closed=T1)[-1] == ("won", 14, 20, T1)
    only_final = [(20, 0, "won"), (21, 1, "lost")]
    rows = stage_history(only_final, 20, T0, T1, None)
    assert [(r["kind"], r["to_stage_id"]) for r in rows] == [("created", 20)]
    with pytest.raises(KeyError):
        stage_history(STAGES, 99, T0, None, 1)


def test_deal_times():
    now = NOW  # 2026-11-20 09:30
    open_ = deal_times("open", T0, date(2027, 1, 5), now)
    assert (open_.created_at, open_.closed_at, open_.expected_close) == (T0, None, date(2027, 1, 5))
    assert open_.stage_entered_at == T0
    assert deal_times("open", None, None, now).created_at == now
    assert deal_times("open", now + timedelta(days=3), None, now).created_at == now  # not later
    won = deal_times("won", T0, date(2026, 5, 6), now)
    assert won.closed_at == datetime(2026, 5, 6, 9, 30) == won.stage_entered_at
    assert won.created_at == T0 and won.expected_close == date(2026, 5, 6)
    # closed before the sheet says it was created: created no later than the close
    early = deal_times("lost", datetime(2026, 6, 1), date(2026, 5, 6), now)
    assert early.created_at == early.closed_at == datetime(2026, 5, 6, 9, 30)
    assert deal_times("won", T0, None, now).closed_at == T0  # no close day: its creation
    assert deal_times("won", None, date(2027, 1, 1), now).closed_at == now  # never after now


PRODUCTS = product_index([
    (1, "CRM-STD", "CRM 标准版", D("1200.00"), True),
    (2, "OLD", "培训服务", D("10.00"), False),
    (3, "TRAIN", "培训服务", D("6000.00"), True),
    (4, "培训服务", "Something else", D("1.00"), True),
])  # fmt: skip


def test_products_by_name_or_code_any_case():
    assert PRODUCTS["crm 标准版"] == (1, "CRM 标准版", D("1200.00"))
    assert PRODUCTS["crm-std"][0] == 1
    assert PRODUCTS["培训服务"][0] == 3  # the active one, a name before a code
    assert PRODUCTS["old"][0] == 2  # an inactive product is still found by its own code


def test_amount_and_line_rules():
    m = deal_money(D("5000.00"), "  crm-STD ", PRODUCTS)
    assert (m.amount, m.amount_manual, m.note) == (D("5000.00"), False, "")
    assert m.line == {"position": 0, "product_id": 1, "name": "CRM 标准版", "quantity": D(1),
                      "unit_price": D("5000.00"), "discount": D("0.00")}  # fmt: skip
    m = deal_money(None, "CRM 标准版", PRODUCTS)  # no amount: the list price
    assert (m.amount, m.amount_manual, m.line["unit_price"]) == (D("1200.00"), False, D("1200.00"))
    m = deal_money(D("88.50"), "Widget X", PRODUCTS)
    assert (m.amount, m.amount_manual, m.line, m.note) == (D("88.50"), True, None, "产品: Widget X")
    m = deal_money(None, None, PRODUCTS)
    assert (m.amount, m.amount_manual, m.line, m.note) == (D("0.00"), False, None, "")
    assert deal_money(D("1"), None, PRODUCTS).amount_manual
    for bad in (D("-5"), D(10) ** 12):
        with pytest.raises(ValueError, match="bad_amount"):
            deal_money(bad, None, PRODUCTS)
    assert deal_notes("见合同", PRODUCT_NOTE + "X") == "见合同\n产品: X"
    assert deal_notes(None, "") == "" and deal_notes("a", "") == "a"


def test_stage_lookup_folds_case_and_spaces():
    found = stage_lookup({"Closed Won": 5, "Prospecting": 1})
    names = ("Closed Won", " closed  WON", "prospecting")
    assert [find_stage(found, x) for x in names] == [5, 5, 1]
    assert find_stage(found, "Qualification") is None and find_stage(found, None) is None
