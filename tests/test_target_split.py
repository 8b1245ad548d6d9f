"""Splitting a target (target_split): parts add up exactly to the total, to the cent for money
and whole for counts, never negative; where the rounding went is stated; the suggestion's
base and increment; bad input refused with codes."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.models.errors import ValidationFailed
from crmdesk.models.target_split import (
    BASES_EXCEED,
    CENT,
    EVEN_WEIGHTS,
    NO_HISTORY,
    ONE,
    SOME_WITHOUT_HISTORY,
    split_by_weights,
    split_even,
    split_unit,
    suggested,
    unit_of,
)

units = st.sampled_from([CENT, ONE])
cents = st.integers(min_value=0, max_value=10**14 - 1)
amounts = st.integers(min_value=0, max_value=10**9).map(lambda n: D(n) / 100)


def total_of(n: int, unit: D) -> D:
    return (D(n) * unit).quantize(unit) if unit == CENT else D(n % 10**12)


def check_exact(plan, total: D, unit: D, keys) -> None:
    assert [k for k, _v in plan.parts] == list(keys)
    assert sum(v for _k, v in plan.parts) == total
    for _k, v in plan.parts:
        assert v >= 0
        assert v % unit == 0
    assert 0 <= plan.remainder < unit * len(keys)
    assert len(plan.remainder_keys) == plan.remainder / unit
    assert set(plan.remainder_keys) <= set(keys)


@given(cents, units, st.integers(min_value=1, max_value=40))
def test_even_split_is_exact(n, unit, count):
    total = total_of(n, unit)
    keys = [f"k{i}" for i in range(count)]
    plan = split_even(total, keys, unit)
    check_exact(plan, total, unit, keys)
    values = [v for _k, v in plan.parts]
    assert max(values) - min(values) <= unit  # as even as whole units allow


@given(cents, units, st.lists(amounts, min_size=1, max_size=30))
def test_weighted_split_is_exact(n, unit, weights):
    total = total_of(n, unit)
    keyed = {i: w for i, w in enumerate(weights)}
    plan = split_by_weights(total, keyed, unit)
    check_exact(plan, total, unit, list(keyed))
    whole = sum(weights)
    for k, v in plan.parts:
        if whole:
            exact = total * keyed[k] / whole
            assert abs(v - exact) < unit  # each part within one unit of its exact share
            if keyed[k] == 0:
                assert v == 0
    assert (EVEN_WEIGHTS in plan.notes) == (whole == 0)
    short = total > 0 and whole > 0 and any(w == 0 for w in weights)
    assert (SOME_WITHOUT_HISTORY in plan.notes) == short


@given(cents, units, st.lists(amounts, min_size=1, max_size=20), st.lists(amounts, max_size=20))
def test_suggested_split_is_exact(n, unit, averages, weights):
    total = total_of(n, unit)
    avg = {i: a for i, a in enumerate(averages)}
    w = {i: weights[i] for i in range(min(len(weights), len(averages)))}
    plan = suggested(total, avg, w, unit)
    check_exact(plan, total, unit, list(avg))
    assert [k for k, _b in plan.bases] == list(avg)
    bases = {k: (a * D("0.7")).quantize(unit, "ROUND_HALF_UP") for k, a in avg.items()}
    if sum(bases.values()) <= total:
        for k, v in plan.parts:
            assert v >= bases[k]  # the increment only adds
        assert BASES_EXCEED not in plan.notes
    else:
        assert BASES_EXCEED in plan.notes


def test_even_money_remainder_goes_to_the_first():
    plan = split_even(D("100.00"), ["a", "b", "c"], CENT)
    assert plan.parts == (("a", D("33.34")), ("b", D("33.33")), ("c", D("33.33")))
    assert plan.remainder == D("0.01") and plan.remainder_key == "a"


def test_counts_over_months_spread_the_leftover_one_each():
    plan = split_even(D(100), list(range(1, 13)), ONE)
    assert [v for _k, v in plan.parts] == [D(9)] * 4 + [D(8)] * 8
    assert plan.remainder_keys == (1, 2, 3, 4)


def test_largest_remainder_wins_the_leftover():
    plan = split_by_weights(D("1.00"), {"a": D(1), "b": D(2)}, CENT)  # 0.333.. / 0.666..
    assert plan.as_dict() == {"a": D("0.33"), "b": D("0.67")}
    assert plan.remainder_key == "b"


def test_suggestion_base_and_increment():
    # bases 210.00 and 70.01; increment 719.99 split evenly: 360.00 + 359.99
    plan = suggested(D("1000.00"), {"a": D(300), "b": D("100.01")}, {"a": D(1), "b": D(1)}, CENT)
    assert plan.as_dict() == {"a": D("570.00"), "b": D("430.00")}
    assert plan.notes == ()
    # by weights 1:3 for the increment 719.99 → 180.00 (179.9975 + the leftover) / 539.99
    plan = suggested(D("1000.00"), {"a": D(300), "b": D("100.01")}, {"a": D(1), "b": D(3)}, CENT)
    assert plan.as_dict() == {"a": D("390.00"), "b": D("610.00")}


def test_suggestion_bases_count_the_months_each_part_covers():
    """A year's split: each base is 12 average months × 70%, so a rep who sold 4× another
    gets a far larger share (not 16–18% each, as one month's base made it)."""
    avg = {"a": D(100000), "b": D(200000), "c": D(400000)}
    plan = suggested(D(6000000), avg, {k: D(1) for k in avg}, ONE, months=12)
    assert plan.bases == (("a", D(840000)), ("b", D(1680000)), ("c", D(3360000)))
    # the increment 120,000 evenly: 40,000 each
    assert plan.as_dict() == {"a": D(880000), "b": D(1720000), "c": D(3400000)}
    shares = {k: v / D(6000000) for k, v in plan.parts}
    assert shares["c"] > 3 * shares["a"]
    quarter = suggested(D(1500000), avg, {k: D(1) for k in avg}, ONE, months=3)
    assert dict(quarter.bases) == {"a": D(210000), "b": D(420000), "c": D(840000)}
    assert quarter.as_dict()["a"] == D(220000)
    one = suggested(D(1000), {"a": D(100)}, {"a": D(1)}, ONE)  # a month: one month's base
    assert one.bases == (("a", D(70)),)
    for bad in (0, 13, True, 1.5):
        with pytest.raises(ValidationFailed):
            suggested(D(1000), {"a": D(100)}, {"a": D(1)}, ONE, months=bad)


def test_money_splits_in_whole_yuan_unless_the_total_has_cents():
    assert split_unit("won_amount", D("4000000")) == ONE
    assert split_unit("won_amount", D("4000000.00")) == ONE
    assert split_unit("payments", D("4000000.50")) == CENT
    assert split_unit("won_count", D(12)) == ONE
    plan = split_even(D("4000000"), list(range(1, 13)), split_unit("won_amount", D("4000000")))
    assert [v for _k, v in plan.parts] == [D(333334)] * 4 + [D(333333)] * 8
    assert plan.remainder == D(4) and plan.remainder_keys == (1, 2, 3, 4) and plan.unit == ONE


def test_a_zero_weight_taking_nothing_is_noted():
    plan = split_by_weights(D(900), {"a": D(3), "b": D(0), "c": D(6)}, ONE)
    assert plan.as_dict() == {"a": D(300), "b": D(0), "c": D(600)}
    assert plan.notes == (SOME_WITHOUT_HISTORY,)
    assert split_by_weights(D(0), {"a": D(3), "b": D(0)}, ONE).notes == ()
    assert split_by_weights(D(900), {"a": D(3), "b": D(6)}, ONE).notes == ()
    # the suggestion: a part with no base and no weight gets nothing: noted
    got = suggested(D(1000), {"a": D(100), "b": D(0)}, {"a": D(1), "b": D(0)}, ONE)
    assert got.as_dict() == {"a": D(1000), "b": D(0)}
    assert SOME_WITHOUT_HISTORY in got.notes
    # a base but no weight: it keeps its base, nothing to note
    got = suggested(D(1000), {"a": D(100), "b": D(100)}, {"a": D(1), "b": D(0)}, ONE)
    assert got.as_dict() == {"a": D(930), "b": D(70)} and got.notes == ()


def test_suggestion_when_bases_pass_the_total():
    plan = suggested(D("100.00"), {"a": D(300), "b": D(100)}, {"a": D(1), "b": D(1)}, CENT)
    assert plan.as_dict() == {"a": D("75.00"), "b": D("25.00")}
    assert plan.notes == (BASES_EXCEED,)


def test_suggestion_without_history():
    plan = suggested(D(10), {"a": D(0), "b": D(0)}, {"a": D(0), "b": D(0)}, ONE)
    assert plan.as_dict() == {"a": D(5), "b": D(5)}
    assert NO_HISTORY in plan.notes and EVEN_WEIGHTS in plan.notes


@pytest.mark.parametrize(
    ("total", "keys", "unit", "code"),
    [
        (D("-1"), ["a"], ONE, ("total", "negative")),
        (D("1.5"), ["a"], ONE, ("total", "not_whole")),
        (D("1.005"), ["a"], CENT, ("total", "not_whole")),
        (D(10) ** 12, ["a"], CENT, ("total", "too_large")),
        (D("1"), [], ONE, ("keys", "required")),
        (D("1"), ["a", "a"], ONE, ("keys", "duplicate")),
        (1.5, ["a"], CENT, ("total", "invalid")),
        (D("NaN"), ["a"], CENT, ("total", "invalid")),
        (D("1"), ["a"], D("0.1"), ("unit", "invalid")),
    ],
)
def test_bad_input_is_refused(total, keys, unit, code):
    with pytest.raises(ValidationFailed) as e:
        split_even(total, keys, unit)
    assert e.value.params["errors"] == [code]


def test_units_by_metric():
    assert unit_of("won_amount") == CENT and unit_of("payments") == CENT
    assert unit_of("won_count") == ONE and unit_of("follow_ups") == ONE
    with pytest.raises(ValidationFailed):
        unit_of("revenue")
