"""The import wizard with kind "Payments", driven as a user would on a real SQLite database:
a bank statement's sheet of payments recorded on contracts imported before, the contracts'
received and receivables right afterwards, and the same file again recording nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import openpyxl
import pytest
from helpers import NOW
from sqlalchemy import select
from test_gui_import import choose_file, next_page, open_wizard

from crmdesk.models.excel_apply import apply
from crmdesk.models.excel_fields import suggest_mapping
from crmdesk.models.excel_plan import validate
from crmdesk.models.excel_read import read_sheet
from crmdesk.models.excel_types import ImportOptions, ValueOptions
from crmdesk.models.schema_contracts import Contract
from crmdesk.views import import_history, import_wizard
from crmdesk.views.context import PageContext
from crmdesk.views.import_wizard import MAPPING, OPTIONS, PREVIEW, SUMMARY
from crmdesk.views.import_words import import_words


@pytest.fixture(autouse=True)
def unasked(monkeypatch):
    def unexpected(*args):
        raise AssertionError(f"unexpected question {args!r}")

    monkeypatch.setattr(import_wizard, "ask_stop_import", unexpected)
    monkeypatch.setattr(import_history, "confirm_undo", unexpected)


def sheet_file(path, headers, rows):
    book = openpyxl.Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def contracts(ws, tmp_path):
    """Two signed contracts of 北京星辰科技, imported through the models."""
    path = sheet_file(tmp_path / "合同.xlsx", ["合同编号", "客户名称", "合同名称", "合同金额",
                                               "签订日期", "结束日期"], [
        ["HT-G-1", "北京星辰科技有限公司", "年度订阅", 10000, date(2026, 3, 1), date(2027, 2, 28)],
        ["HT-G-2", "北京星辰科技有限公司", "实施", "2,500.50", date(2026, 4, 1), None],
    ])  # fmt: skip
    sheet = read_sheet(path)
    plan = validate("contracts", sheet, 1, suggest_mapping("contracts", sheet.rows[0]),
                    ValueOptions(), "number")  # fmt: skip
    result = apply(ws.db, ws.actor, plan, ImportOptions(dedupe_key="number"), NOW)
    assert result.created == 2


def received(ws) -> dict[str, D]:
    with ws.db.reading() as s:
        rows = s.execute(select(Contract.number, Contract.received, Contract.amount)).all()
    return {n: (D(r).quantize(D("0.01")), D(a - r).quantize(D("0.01"))) for n, r, a in rows}


def test_payments_through_the_wizard_and_again(qtbot, ws, tmp_path, monkeypatch, contracts):
    words = import_words()
    path = sheet_file(tmp_path / "回款.xlsx", ["合同编号", "到账日期", "回款金额", "付款方式",
                                               "流水号"], [
        ["HT-G-1", date(2026, 4, 2), "¥4,000.00", "银行转账", "B-001"],
        ["HT-G-1", date(2026, 5, 2), 1234.56, "微信", ""],
        ["HT-G-2", date(2026, 5, 3), "2,500.50", "现金", "C-7"],
        ["HT-G-9", date(2026, 5, 3), 10, "现金", ""],
    ])  # fmt: skip
    for run in (1, 2):
        wizard = open_wizard(qtbot, PageContext(ws))
        combo = wizard.source.kind
        combo.setCurrentIndex(combo.findText(words.kind("payments")))
        assert wizard.state.kind == "payments"
        choose_file(qtbot, wizard, monkeypatch, path)
        next_page(qtbot, wizard)
        assert wizard.current == MAPPING
        qtbot.waitUntil(lambda w=wizard: w.mapping.is_ready())
        assert wizard.mapping.columns() == {0: "contract", 1: "received_on", 2: "amount",
                                            3: "method", 4: "reference"}  # fmt: skip
        next_page(qtbot, wizard)
        assert wizard.current == OPTIONS
        options = wizard.options
        assert wizard.state.options.dedupe_key == "payment"
        assert not options.owner_box.isVisibleTo(options)
        assert not options.findChild(type(options.owner_me), "mode_fill").isEnabled()
        assert options.findChild(type(options.owner_me), "mode_create").isEnabled()
        next_page(qtbot, wizard)
        qtbot.waitUntil(lambda w=wizard: not w.preview.checking)
        assert wizard.current == PREVIEW
        assert wizard.preview.model.rowCount() == 4
        next_page(qtbot, wizard)
        qtbot.waitUntil(lambda w=wizard: w.current == SUMMARY)
        counts = wizard.summary.counts
        if run == 1:
            assert (counts["created"].text(), counts["failed"].text()) == ("3", "1")
        else:
            assert (counts["created"].text(), counts["skipped"].text()) == ("0", "3")
        assert received(ws) == {
            "HT-G-1": (D("5234.56"), D("4765.44")),
            "HT-G-2": (D("2500.50"), D("0.00")),
        }
        wizard.close()
