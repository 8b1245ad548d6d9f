"""A contract's rules without a database: the plan's templates add up to the cent, the plan's
difference, every input checked (long text, NUL, negative money, floats), number patterns and
when activating needs an approval."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.models.contract_rules import (
    ContractInput,
    ContractSettings,
    InstalmentInput,
    add_months,
    approval_reason,
    check_contract,
    check_instalments,
    check_pattern,
    check_settings,
    number_matcher,
    plan_difference,
    plan_monthly,
    plan_one,
    plan_split,
    render_number,
)
from crmdesk.models.deal_rules import LineInput
from crmdesk.models.errors import ValidationFailed


def errors(fn, *args):
    with pytest.raises(ValidationFailed) as exc:
        fn(*args)
    return list(exc.value.params["errors"])


def amounts(plan):
    return [x.amount for x in plan]


def test_monthly_leaves_the_cents_on_the_last_instalment():
    plan = plan_monthly(D("100.00"), date(2026, 1, 31), 3)
    assert amounts(plan) == [D("33.33"), D("33.33"), D("33.34")]
    # the end of a short month stands in for a day it does not have
    assert [x.due_on for x in plan] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]
    assert amounts(plan_monthly(D("7.00"), date(2026, 1, 1), 7)) == [D("1.00")] * 7
    assert amounts(plan_monthly(D("200.00"), date(2026, 1, 1), 3)) == [
        D("66.66"), D("66.66"), D("66.68")]  # fmt: skip
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_split_by_percentages_and_one_payment():
    days = [date(2026, 1, 1), date(2026, 3, 1)]
    assert amounts(plan_split(D("100.00"), [30, 70], days)) == [D("30.00"), D("70.00")]
    assert amounts(plan_split(D("33.33"), [30, 70], days)) == [D("9.99"), D("23.34")]
    assert [x.due_on for x in plan_split(D("100.00"), [30, 70], days)] == days
    assert plan_one(D("5000.00"), days[0]) == (InstalmentInput(days[0], D("5000.00")),)
    assert errors(plan_split, D("100.00"), [30, 60], days) == [("percents", "sum")]
    assert errors(plan_split, D("100.00"), [30, 70], days[:1]) == [("dates", "invalid")]
    assert errors(plan_split, D("100.00"), [30, 70], [days[0], "2026-03-01"]) == [
        ("dates.1", "invalid")]  # fmt: skip
    assert errors(plan_split, D("0.01"), [50, 50], days) == [("amount", "too_small")]
    assert errors(plan_one, D("-1.00"), days[0]) == [("amount", "out_of_range")]
    assert errors(plan_monthly, D("100.00"), days[0], 0) == [("months", "out_of_range")]
    assert errors(plan_monthly, D("0.02"), days[0], 3) == [("months", "too_many")]
    assert errors(plan_monthly, 100.0, days[0], 3) == [("amount", "invalid")]


@given(
    cents=st.integers(min_value=1, max_value=10**14 - 1),
    months=st.integers(min_value=1, max_value=240),
    first=st.integers(min_value=1, max_value=99),
)
def test_every_template_adds_up_to_the_amount_exactly(cents, months, first):
    amount = D(cents) / 100
    if amount / months >= D("0.01"):
        plan = plan_monthly(amount, date(2026, 1, 31), months)
        assert sum(amounts(plan)) == amount and len(plan) == months
        assert max(amounts(plan)) - min(amounts(plan)) < D("0.01") * months
        assert plan_difference(amount, plan) == 0
    if amount >= D("1.00"):
        plan = plan_split(amount, [first, 100 - first], [date(2026, 1, 1)] * 2)
        assert sum(amounts(plan)) == amount


def test_plan_difference_says_what_the_plan_misses():
    plan = (InstalmentInput(date(2026, 1, 1), D("30.00")), InstalmentInput(date(2026, 2, 1),
                                                                           D("60.00")))  # fmt: skip
    assert plan_difference(D("100.00"), plan) == D("10.00")
    assert plan_difference(D("80.00"), plan) == D("-10.00")
    assert plan_difference(D("90.00"), plan) == D("0.00")
    assert plan_difference(D("90.00"), ()) == D("90.00")


def test_a_contracts_input_is_checked_whole():
    ok = check_contract(ContractInput(1, "  年度服务合同 ", notes="  kept  "))
    assert (ok.title, ok.notes, ok.amount, ok.number) == ("年度服务合同", "  kept  ", None, "")
    long = "长" * 10_000
    bad = ContractInput(
        customer_id=0, title=long, amount=D("-1.00"), deal_id=True, number="HT\x00",
        notes="x\x00y", starts_on=date(2026, 5, 1), ends_on=date(2026, 4, 30),
        lines=(LineInput(None, "", D(0), D("-5"), D(120)),),
    )  # fmt: skip
    found = errors(check_contract, bad)
    assert set(found) == {
        ("customer_id", "invalid"), ("title", "too_long"), ("amount", "out_of_range"),
        ("deal_id", "invalid"), ("number", "bad_character"), ("notes", "bad_character"),
        ("ends_on", "before_start"), ("lines.0.name", "required"),
        ("lines.0.quantity", "out_of_range"), ("lines.0.unit_price", "out_of_range"),
        ("lines.0.discount", "out_of_range"),
    }  # fmt: skip
    assert errors(check_contract, ContractInput(1, "x", amount=12.5)) == [("amount", "invalid")]
    assert errors(check_contract, ContractInput(1, "x", amount=D("1.005"))) == [
        ("amount", "too_many_decimals")]  # fmt: skip
    assert errors(check_contract, ContractInput(1, "x", notes="n" * 16_001)) == [
        ("notes", "too_long")]  # fmt: skip
    assert errors(check_contract, ContractInput(1, "x", number="N" * 41)) == [
        ("number", "too_long")]  # fmt: skip
    huge = (LineInput(None, "x", D(10**9), D(10**11 - 1)),)
    assert errors(check_contract, ContractInput(1, "x", lines=huge)) == [
        ("lines.0.total", "out_of_range")]  # fmt: skip
    assert errors(check_contract, "not an input") == [("contract", "invalid")]


def test_a_plans_input_is_checked_whole():
    day = date(2026, 1, 1)
    ok = check_instalments([InstalmentInput(day, D("10"), " first "), InstalmentInput(day, 5)])
    assert [(x.amount, x.note) for x in ok] == [(D("10.00"), "first"), (D("5.00"), "")]
    found = errors(check_instalments, [
        InstalmentInput(None, D("0")), InstalmentInput(day, D("-3"), "\x00"),
        InstalmentInput("2026-01-01", D("1"), "n" * 201), InstalmentInput(day, D(1), id=7),
        InstalmentInput(day, D(1), id=7), "x",
    ])  # fmt: skip
    assert set(found) == {
        ("instalments.0.due_on", "required"), ("instalments.0.amount", "out_of_range"),
        ("instalments.1.amount", "out_of_range"), ("instalments.1.note", "bad_character"),
        ("instalments.2.due_on", "invalid"), ("instalments.2.note", "too_long"),
        ("instalments.5.instalment", "invalid"), ("instalments", "duplicate"),
    }  # fmt: skip
    assert errors(check_instalments, [InstalmentInput(day, D(1))] * 241) == [
        ("instalments", "too_many")]  # fmt: skip
    assert errors(check_instalments, None) == [("instalments", "invalid")]


def test_number_patterns():
    on = date(2026, 3, 9)
    assert render_number("HT-{yyyy}-{seq:4}", on, 7) == "HT-2026-0007"
    assert render_number("HT-{yyyy}-{seq:4}", on, 12345) == "HT-2026-12345"
    assert render_number("{yy}{mm}/{seq}", on, 42) == "2603/42"
    assert check_pattern(" C-{yyyy}{mm}-{seq:3} ") == "C-{yyyy}{mm}-{seq:3}"
    for bad in ("HT-{yyyy}", "{seq}{seq:2}", "HT-{year}-{seq}", "HT-{seq:0}", "{seq:4}}",
                "{seq:10}", "", "HT\x00{seq}"):  # fmt: skip
        with pytest.raises(ValidationFailed):
            check_pattern(bad)
    assert errors(check_pattern, "X" * 30 + "{yyyy}{seq:9}") == [("number_pattern", "too_long")]
    prefix, matcher = number_matcher("HT-{yyyy}{mm}-{seq:4}", on)
    assert prefix == "HT-2026"
    assert matcher.match("HT-202611-0012").group(1) == "0012"
    assert not matcher.match("HT-202511-0012") and not matcher.match("HT-202611-0012x")
    prefix, matcher = number_matcher("{seq:4}/{yyyy}", on)
    assert prefix == "" and matcher.match("0003/2026") and not matcher.match("0003/2025")


def test_when_activating_needs_an_approval():
    lines = (LineInput(None, "a", D(1), D(100), D(10)), LineInput(None, "b", D(1), D(5), D(25)))
    none = ContractSettings()
    assert approval_reason(D("1e9"), lines, none) == ""
    limits = ContractSettings(approval_amount=D("1000.00"), approval_discount=D("20"))
    assert approval_reason(D("1000.00"), lines[:1], limits) == ""  # at the limit: not over it
    assert approval_reason(D("1000.01"), lines[:1], limits) == "amount"
    assert approval_reason(D("10.00"), lines, limits) == "discount"
    assert check_settings(ContractSettings("C{seq:2}", D(5000), D("12.5"))) == ContractSettings(
        "C{seq:2}", D("5000.00"), D("12.50"))  # fmt: skip
    with pytest.raises(ValidationFailed):
        check_settings(ContractSettings(approval_discount=D("100.01")))
    with pytest.raises(ValidationFailed):
        check_settings(ContractSettings(approval_amount=D("-1")))
