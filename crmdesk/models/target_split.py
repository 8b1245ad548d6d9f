"""Splitting a target into parts (teams, reps, months), without the database: evenly, by
weights (last year's share) and the seed's suggestion (base = the last 3 months' average month
× 70% × the months of the period each part covers, the increment = total − the bases, split by
a weight).

The parts always add up exactly to the total. Counts split to whole numbers (unit 1); money to
whole yuan when the total is whole yuan, to the cent only when the total has cents
(split_unit): 4,000,000 over 12 months is 333,334 × 4 and 333,333 × 8, not 333,333.34.
Every part is first its exact share rounded down to the unit; the units left over (fewer than
there are parts) go one each to the parts whose share lost the most to the rounding (largest
remainder; ties → the first key), so 100 deals over 12 months are four 9s and eight 8s, never
one 12. The plan says where they went (remainder_keys) and how much
rounding moved in all (remainder).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from crmdesk.models.errors import ValidationFailed
from crmdesk.models.schema_targets import MONEY_METRICS, TARGET_METRICS

CENT = Decimal("0.01")
ONE = Decimal("1")
RATIO = Decimal("0.7")  # the suggestion's base: 70% of the recent monthly average
MAX_TOTAL = Decimal(10) ** 12
MAX_PARTS = 1000

# Notes a plan may carry (the views translate them):
BASES_EXCEED = "bases_exceed_total"  # suggested: the bases alone pass the total; split by them
NO_HISTORY = "no_history"  # no achieved figures to weigh by: split evenly instead
EVEN_WEIGHTS = "even_weights"  # weights all zero: split evenly
# some parts get nothing because their weight (or base) is zero while the total is not
SOME_WITHOUT_HISTORY = "some_without_history"


@dataclass(frozen=True)
class SplitPlan:
    """parts in the keys' order; remainder: what rounding moved (≥ 0, less than one unit per
    part); remainder_keys: the parts that took one unit of it each (largest remainder first);
    unit: what the parts were rounded to (0.01 or 1); bases: the suggestion's base of each
    part, in the keys' order (empty for the other methods; a part's increment is its value −
    its base)."""

    parts: tuple[tuple[Any, Decimal], ...]
    remainder: Decimal = Decimal(0)
    remainder_keys: tuple[Any, ...] = ()
    notes: tuple[str, ...] = ()
    unit: Decimal = CENT
    bases: tuple[tuple[Any, Decimal], ...] = ()

    @property
    def remainder_key(self) -> Any | None:
        """The part that took the first (largest-remainder) unit of the rounding; None: exact."""
        return self.remainder_keys[0] if self.remainder_keys else None

    @property
    def total(self) -> Decimal:
        return sum((v for _k, v in self.parts), Decimal(0))

    def as_dict(self) -> dict[Any, Decimal]:
        return dict(self.parts)

    def base_of(self, key: Any) -> Decimal | None:
        """The suggestion's base of a part (None: not a suggestion)."""
        return dict(self.bases).get(key)


def unit_of(metric: str) -> Decimal:
    """The smallest part of a metric's target: a cent for money, one for counts."""
    if metric not in TARGET_METRICS:
        raise ValidationFailed(errors=[("metric", "unknown")], limits={})
    return CENT if metric in MONEY_METRICS else ONE


def split_unit(metric: str, total: Decimal) -> Decimal:
    """What a split of `total` rounds its parts to: counts whole; money in whole yuan when the
    total is whole yuan (a manager's ¥4,000,000 is not cut into cents), else to the cent."""
    unit = unit_of(metric)
    if unit == CENT and isinstance(total, Decimal | int) and Decimal(total).is_finite():
        if Decimal(total) % ONE == 0:
            return ONE
    return unit


def _fail(field: str, code: str) -> ValidationFailed:
    return ValidationFailed(errors=[(field, code)], limits={})


def _check(total: Any, keys: Sequence[Hashable], unit: Decimal) -> int:
    """The total in units (an int), after checking total, keys and unit."""
    if unit not in (CENT, ONE):
        raise _fail("unit", "invalid")
    if not isinstance(total, Decimal | int) or isinstance(total, bool):
        raise _fail("total", "invalid")
    total = Decimal(total)
    if not total.is_finite():
        raise _fail("total", "invalid")
    if total < 0:
        raise _fail("total", "negative")
    if total >= MAX_TOTAL:
        raise _fail("total", "too_large")
    if total % unit:
        raise _fail("total", "not_whole")
    if not keys:
        raise _fail("keys", "required")
    if len(keys) > MAX_PARTS:
        raise _fail("keys", "too_many")
    if len(set(keys)) != len(keys):
        raise _fail("keys", "duplicate")
    return int(total / unit)


def _largest_remainder(
    units: int, keys: Sequence[Hashable], weights: Sequence[int], unit: Decimal, notes=()
) -> SplitPlan:
    """units split in proportion to whole-number weights (not all zero), exact."""
    whole = sum(weights)
    floors, rests = [], []
    for w in weights:
        q, r = divmod(units * w, whole)
        floors.append(q)
        rests.append(r)
    left = units - sum(floors)
    # Ties go to the first key: sort by remainder descending, then position.
    order = sorted(range(len(keys)), key=lambda i: (-rests[i], i))[:left]
    for i in order:
        floors[i] += 1
    parts = tuple(
        (k, (Decimal(n) * unit).quantize(unit)) for k, n in zip(keys, floors, strict=True)
    )
    notes = tuple(notes)
    if units and any(w == 0 for w in weights) and SOME_WITHOUT_HISTORY not in notes:
        notes += (SOME_WITHOUT_HISTORY,)  # a zero weight takes nothing of a total > 0
    return SplitPlan(
        parts, (Decimal(left) * unit).quantize(unit), tuple(keys[i] for i in order), notes, unit
    )


def _scaled(weights: Sequence[Decimal]) -> list[int]:
    """Decimal weights as integers in exactly the same proportion (negatives count as zero)."""
    clean = []
    for w in weights:
        if not isinstance(w, Decimal | int) or isinstance(w, bool) or not Decimal(w).is_finite():
            raise _fail("weights", "invalid")
        clean.append(max(Decimal(w), Decimal(0)).as_tuple())
    low = min((int(t.exponent) for t in clean), default=0)
    return [int("".join(map(str, t.digits)) or "0") * 10 ** (int(t.exponent) - low) for t in clean]


def split_even(total: Decimal, keys: Sequence[Hashable], unit: Decimal) -> SplitPlan:
    """total in equal parts; the units rounding leaves go to the first keys, one each."""
    units = _check(total, keys, unit)
    return _largest_remainder(units, list(keys), [1] * len(keys), unit)


def split_by_weights(
    total: Decimal, weights: Mapping[Hashable, Decimal], unit: Decimal
) -> SplitPlan:
    """total in proportion to the weights (keys in the mapping's order; a negative weight counts
    as zero); all weights zero → even, with the note EVEN_WEIGHTS; some zero while the total is
    not → those parts get 0, with the note SOME_WITHOUT_HISTORY."""
    keys = list(weights)
    units = _check(total, keys, unit)
    scaled = _scaled([weights[k] for k in keys])
    if not any(scaled):
        return _largest_remainder(units, keys, [1] * len(keys), unit, (EVEN_WEIGHTS,))
    return _largest_remainder(units, keys, scaled, unit)


def suggested(
    total: Decimal,
    last3_avg: Mapping[Hashable, Decimal],
    weights: Mapping[Hashable, Decimal],
    unit: Decimal,
    ratio: Decimal = RATIO,
    months: int = 1,
) -> SplitPlan:
    """The seed's suggestion: each key's base = its average month of the last 3 months × ratio
    (70%) × `months` (the months the part covers: 12 for a rep's share of a year, 3 of a
    quarter, 1 for a month of a split over months), rounded half up to the unit; the increment
    (total − the bases) split by `weights` (keys missing there weigh 0; all zero → even). When
    the bases alone pass the total, the total is split in proportion to the bases instead (note
    BASES_EXCEED); no history at all (every base 0) gives the increment's split alone (note
    NO_HISTORY). The plan carries the bases (SplitPlan.bases; with BASES_EXCEED the increments,
    value − base, are negative: the bases scaled down to the total)."""
    keys = list(last3_avg)
    _check(total, keys, unit)
    if not isinstance(ratio, Decimal) or not Decimal(0) <= ratio <= Decimal(1):
        raise _fail("ratio", "invalid")
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 12:
        raise _fail("months", "invalid")
    _scaled([last3_avg[k] for k in keys])  # checks the averages
    bases = {
        k: max((Decimal(last3_avg[k]) * ratio * months).quantize(unit, ROUND_HALF_UP), Decimal(0))
        for k in keys
    }
    base_sum = sum(bases.values(), Decimal(0))
    if base_sum > total:
        plan = split_by_weights(total, bases, unit)
        notes = (BASES_EXCEED, *plan.notes)
        return SplitPlan(plan.parts, plan.remainder, plan.remainder_keys, notes, unit,
                         tuple(bases.items()))  # fmt: skip
    increment = split_by_weights(total - base_sum, {k: weights.get(k, Decimal(0)) for k in keys},
                                 unit)  # fmt: skip
    notes = (NO_HISTORY,) if not base_sum else ()
    notes += tuple(n for n in increment.notes if n != SOME_WITHOUT_HISTORY)
    parts = tuple((k, bases[k] + v) for k, v in increment.parts)
    if total and any(v == 0 for _k, v in parts):
        notes += (SOME_WITHOUT_HISTORY,)  # no base and no weight: nothing of the total
    return SplitPlan(parts, increment.remainder, increment.remainder_keys, notes, unit,
                     tuple(bases.items()))  # fmt: skip


def floor_to(value: Decimal, unit: Decimal) -> Decimal:
    """value rounded down to the unit (a count's target is whole)."""
    return value.quantize(unit, ROUND_FLOOR)
