"""The value rules of an import (excel_values, excel_dates): every cell either becomes the
field's clean value or raises ValueError with a CellProblem code, whatever it holds. Pure: no
database."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.models import excel_values as v

CODES = {"nul", "too_long", "bad_phone", "bad_email", "bad_date", "bad_amount", "bad_number",
         "bad_percent", "bad_level", "bad_status", "bad_kind", "bad_bool"}  # fmt: skip
RULES = [v.text, v.phone, v.email, v.day, v.moment, v.money, v.integer, v.percent, v.level,
         v.status, v.follow_up_kind, v.yes_no, v.tags]  # fmt: skip


def code_of(rule, value, *args):
    with pytest.raises(ValueError) as caught:
        rule(value, *args)
    return str(caught.value)


# -- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("  北京  ", "北京"), (12.0, "12"), (12, "12"), (12.5, "12.5"), (0.1, "0.1"),
     (True, "TRUE"), (date(2024, 3, 5), "2024-03-05"),
     (datetime(2024, 3, 5, 14, 30), "2024-03-05 14:30:00"), (time(9, 5), "09:05:00"),
     (Decimal("3.50"), "3.50"), ("a\tb\nc\r\nd", "a\tb\nc\r\nd"), ("\u3000全角\u00a0", "全角"),
     ("零\u200b宽", "零\u200b宽"), (1e20, "100000000000000000000")],
)  # fmt: skip
def test_text(cell, expected):
    assert v.text(cell) == expected


@pytest.mark.parametrize("cell", ["a\x00b", "bell\x07", "\x1b[0m", "del\x7f", "lone\ud800"])
def test_text_with_control_characters_is_nul(cell):
    assert code_of(v.text, cell) == "nul"


def test_text_limit():
    assert v.text("abcd", 4) == "abcd"
    assert v.text("  abcd  ", 4) == "abcd"  # trimmed first
    assert code_of(v.text, "abcde", 4) == "too_long"
    assert code_of(v.text, 123456, 5) == "too_long"


# -- phone ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(13812345678.0, "13812345678"), (1.3812345678e10, "13812345678"), (13812345678,
     "13812345678"), ("13812345678", "13812345678"), (" +86 138-1234-5678 ",
     "+86 138-1234-5678"), ("010-12345678", "010-12345678"), ("1.3812345678E+10",
     "13812345678"), ("13812345678; 13987654321", "13812345678"), ("13812345678/13987654321",
     "13812345678"), ("138 1234 5678、139 8765 4321", "138 1234 5678"),
     ("010-1234567/8001", "010-1234567/8001"), ("１３８１２３４５６７８", "１３８１２３４５６７８"),
     (95588, "95588"), ("Tel: 010-12345678", "Tel: 010-12345678"),
     ("010-12345678 ext. 123", "010-12345678 ext. 123"), ("010-12345678转801",
     "010-12345678转801")],
)  # fmt: skip
def test_phone(cell, expected):
    assert v.phone(cell) == expected


@pytest.mark.parametrize(
    "cell", ["1234", 1234, "abc", "1.38E+10", 13812345678.5, -13812345678, True, 0.0,
             "1" * 21, date(2024, 1, 1), float("nan"), float("inf"), "", "   ",
             "138-12ab", "abc 13812345678", "13812345678 张三"],
)  # fmt: skip
def test_bad_phone(cell):
    assert code_of(v.phone, cell) == "bad_phone"


def test_phone_never_in_scientific_notation():
    for n in (10_000, 13812345678, 8613812345678, 10**19):
        assert v.phone(float(n)) == str(n)
    assert code_of(v.phone, "13812345678", 10) == "too_long"
    assert code_of(v.phone, "138123\x004567") == "nul"


# -- email ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(" Wang.Li@Example.COM ", "Wang.Li@example.com"), ("mailto:a@b.cn", "a@b.cn"),
     ("a@b.cn; c@d.cn", "a@b.cn"), ("a@b.cn，c@d.cn", "a@b.cn"), ("ａ＠ｂ．ｃｎ", "a@b.cn"),
     ("first.last+tag@mail.co.uk", "first.last+tag@mail.co.uk")],
)  # fmt: skip
def test_email(cell, expected):
    assert v.email(cell) == expected


@pytest.mark.parametrize(
    "cell", ["abc", "a@b", "@b.cn", "a@.cn", "a@b.", "a@b..cn", "a@@b.cn", 12, 1.5, "a<b>@c.cn",
             "   ", "a\x00@b.cn"],
)  # fmt: skip
def test_bad_email(cell):
    assert code_of(v.email, cell) == "bad_email"


# -- dates ------------------------------------------------------------------------------------

MARCH_5 = date(2024, 3, 5)


@pytest.mark.parametrize(
    "cell",
    ["2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "2024 年 3 月 5 日", "20240305",
     "03/05/2024", "5-Mar-2024", "05-Mar-24", "5 March 2024", "Mar 5, 2024", "March 5th 2024",
     "2024-03-05 14:30", "2024-03-05 14:30:00", "2024-03-05T14:30:00", "2024/3/5 2:30 PM",
     "2024-03-05T14:30:00+08:00", "２０２４－０３－０５", 45356, 45356.75, 20240305,
     MARCH_5, datetime(2024, 3, 5, 23, 59)],
)  # fmt: skip
def test_day(cell):
    assert v.day(cell) == MARCH_5


def test_day_first_and_month_first():
    assert v.day("05/03/2024", day_first=True) == MARCH_5
    assert v.day("05/03/2024") == date(2024, 5, 3)
    assert v.day("13/05/2024") == date(2024, 5, 13)  # the one reading that is a date
    assert v.day("05/13/2024", day_first=True) == date(2024, 5, 13)
    assert v.day("5/3/24", day_first=True) == MARCH_5


def test_excel_serials_and_the_1900_leap_bug():
    assert v.day(1) == date(1900, 1, 1)
    assert v.day(59) == date(1900, 2, 28)
    assert code_of(v.day, 60) == "bad_date"  # Excel's 29 Feb 1900, a day that never was
    assert v.day(61) == date(1900, 3, 1)
    assert v.day(45292) == date(2024, 1, 1)
    assert code_of(v.day, 2958465) == "bad_date"  # 9999-12-31: past the schema's LATEST


@pytest.mark.parametrize(
    "cell",
    ["2024-02-30", "2024-13-01", "hello", "2024年3月", "32/01/2024", "13/13/2024", 0, -5,
     True, 1e300, float("nan"), time(9, 0), timedelta(days=1), "1899-12-31", "2200-01-01",
     "2024-03-05 25:00", "   ", "2024-03-05 x"],
)  # fmt: skip
def test_bad_date(cell):
    assert code_of(v.day, cell) == "bad_date"
    assert code_of(v.moment, cell) == "bad_date"


def test_moment_keeps_the_time_to_the_second():
    assert v.moment("2024-03-05 14:30") == datetime(2024, 3, 5, 14, 30)
    assert v.moment("2024/3/5 2:30:15 pm") == datetime(2024, 3, 5, 14, 30, 15)
    assert v.moment("2024/3/5 12:00 AM") == datetime(2024, 3, 5, 0, 0)
    assert v.moment(45356.6041666667) == datetime(2024, 3, 5, 14, 30)
    assert v.moment(MARCH_5) == datetime(2024, 3, 5)
    assert v.moment(datetime(2024, 3, 5, 1, 2, 3, 600_000)) == datetime(2024, 3, 5, 1, 2, 4)
    assert v.moment("2024-03-05 01:02:03.4") == datetime(2024, 3, 5, 1, 2, 3)
    assert v.moment("2024-03-05T14:30:00+08:00") == datetime(2024, 3, 5, 14, 30)  # as written
    assert v.moment("2024年3月5日 14:30") == datetime(2024, 3, 5, 14, 30)


# -- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("¥1,234.50", "1234.50"), ("￥1234.5", "1234.50"), ("1,234.50元", "1234.50"),
     ("1.2万", "12000.00"), ("1.2万元", "12000.00"), ("3亿", "300000000.00"),
     ("RMB 1,000", "1000.00"), ("CNY1000", "1000.00"), ("-5", "-5.00"), ("-¥5", "-5.00"),
     ("(1,000.00)", "-1000.00"), ("１２３", "123.00"), (12, "12.00"), (12.345, "12.35"),
     (0.125, "0.13"), (2.675, "2.68"), ("2.675", "2.68"), (Decimal("1.005"), "1.01"),
     ("  88  ", "88.00"), ("999999999999.99", "999999999999.99")],
)  # fmt: skip
def test_money(cell, expected):
    got = v.money(cell)
    assert isinstance(got, Decimal) and got == Decimal(expected)
    assert str(got) == expected  # two places


@pytest.mark.parametrize(
    "cell", ["abc", "1,2,3", "12,5", "$100", "5%", "NaN", "Infinity", "-inf", float("nan"),
             float("inf"), True, "1000000000000", 1e12, "1万亿亿", "", "¥", date(2024, 1, 1),
             "999999999999.999"],
)  # fmt: skip
def test_bad_amount(cell):
    assert code_of(v.money, cell) == "bad_amount"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(12, 12), (12.0, 12), ("12", 12), (" +5 ", 5), ("1,200", 1200), ("12.0", 12), ("-3", -3)],
)
def test_integer(cell, expected):
    assert v.integer(cell) == expected


@pytest.mark.parametrize("cell", ["abc", 12.5, "12.5", True, "1,2", 2**63, "NaN", "inf", None])
def test_bad_number(cell):
    assert code_of(v.integer, cell) == "bad_number"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("60%", 60), ("60 %", 60), (" 60% ", 60), ("６０％", 60), (60, 60), (60.0, 60), ("60", 60),
     (0.6, 60), ("0.6", 60), (0.125, 13), ("12.5%", 13), (1.0, 100), (1, 1), ("1", 1),
     (0, 0), (0.0, 0), ("0%", 0), (100, 100), ("100%", 100), (Decimal("0.35"), 35),
     ("75 percent", 75)],
)  # fmt: skip
def test_percent(cell, expected):
    """0–100; a fraction is what a %-formatted Excel cell holds (0.6 shown as 60%)."""
    assert v.percent(cell) == expected


@pytest.mark.parametrize(
    "cell", ["六成", "abc", "%", "101", 101, "-5%", -1, 100.5, True, "NaN", float("nan"), "1e3",
             float("inf"), None, date(2024, 3, 5)],
)  # fmt: skip
def test_bad_percent(cell):
    assert code_of(v.percent, cell) == "bad_percent"


# -- choices ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("A", "A"), ("a", "A"), (" b ", "B"), ("A级", "A"), ("B类", "B"), ("C级客户", "C"),
     ("一级", "A"), ("二级", "B"), ("三级", "C"), ("Ａ", "A")],
)  # fmt: skip
def test_level(cell, expected):
    assert v.level(cell) == expected


@pytest.mark.parametrize("cell", ["D", "VIP", "重要", "high", 1, "AB", "四级"])
def test_bad_level(cell):
    assert code_of(v.level, cell) == "bad_level"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("线索", "lead"), ("潜在客户", "lead"), ("Lead", "lead"), ("意向客户", "prospect"),
     ("商机", "prospect"), ("Opportunity", "prospect"), ("prospect", "prospect"),
     ("成交客户", "customer"), ("已成交", "customer"), ("客户", "customer"),
     ("Customer", "customer"), ("WON", "customer"), ("流失", "lost"), ("流失客户", "lost"),
     ("lost", "lost"), ("Churned", "lost")],
)  # fmt: skip
def test_status(cell, expected):
    assert v.status(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("电话", "call"), ("Call", "call"), ("phone", "call"), ("拜访", "visit"), ("上门", "visit"),
     ("Visit", "visit"), ("meeting", "visit"), ("微信", "wechat"), ("WeChat", "wechat"),
     ("邮件", "email"), ("E-mail", "email"), ("email", "email"), ("备注", "note"),
     ("其他", "note"), ("Other", "note"), ("note", "note")],
)  # fmt: skip
def test_follow_up_kind(cell, expected):
    assert v.follow_up_kind(cell) == expected


def test_bad_choices():
    assert code_of(v.status, "maybe") == "bad_status"
    assert code_of(v.status, 3) == "bad_status"
    assert code_of(v.follow_up_kind, "传真") == "bad_kind"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("是", True), ("否", False), ("Y", True), ("n", False), ("Yes", True), ("NO", False),
     ("true", True), ("FALSE", False), ("1", True), ("0", False), (1, True), (0, False),
     (1.0, True), ("√", True), ("x", False), ("×", False), (True, True), (False, False)],
)  # fmt: skip
def test_yes_no(cell, expected):
    assert v.yes_no(cell) is expected


@pytest.mark.parametrize("cell", ["maybe", 2, 0.5, "是的吧", date(2024, 1, 1)])
def test_bad_bool(cell):
    assert code_of(v.yes_no, cell) == "bad_bool"


def test_tags():
    assert v.tags("大客户, 华北，重点、老客户;续约；大客户") == (
        "大客户",
        "华北",
        "重点",
        "老客户",
        "续约",
    )
    assert v.tags("key account") == ("key account",)  # a space is not a separator
    assert v.tags(" a ,, b ") == ("a", "b")
    assert v.tags(2024) == ("2024",)
    assert code_of(v.tags, "x" * 51) == "too_long"
    assert code_of(v.tags, "a\x00b") == "nul"


# -- whatever a cell holds --------------------------------------------------------------------

CELLS = st.one_of(
    st.text(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
    st.decimals(),
)


@given(cell=CELLS, day_first=st.booleans())
def test_every_cell_gives_a_value_or_a_code(cell, day_first):
    for rule in RULES:
        try:
            if rule in (v.day, v.moment):
                rule(cell, day_first)
            else:
                rule(cell)
        except ValueError as exc:
            assert str(exc) in CODES, (rule.__name__, cell, exc)


@given(st.text())
def test_clean_text_is_stable(cell):
    try:
        once = v.text(cell)
    except ValueError:
        return
    assert v.text(once) == once


def test_a_typical_row_converts():
    """A row of 15 typical cells through their rules (their speed is bench/import_100k.py's
    validate_s)."""
    row = ["上海某某贸易有限公司", "A级", "客户", "制造业", "上海", "浦东新区", "张三", "经理",
           13812345678.0, "021-12345678", "zhang@example.com", datetime(2024, 3, 5, 9, 0),
           "¥12,000.00", "重点,续约", "备注 ..."]  # fmt: skip
    rules = [v.text, v.level, v.status, v.text, v.text, v.text, v.text, v.text, v.phone,
             v.phone, v.email, v.moment, v.money, v.tags, v.text]  # fmt: skip
    out = [rule(cell) for rule, cell in zip(rules, row, strict=True)]
    assert out[1:3] == ["A", "customer"] and out[8] == "13812345678"
    assert out[12] == Decimal("12000.00") and out[13] == ("重点", "续约")
