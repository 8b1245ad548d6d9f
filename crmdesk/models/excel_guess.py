"""Which importer a sheet's column titles fit: a deals export opened while "Customers" is chosen
is offered as deals (the wizard switches, and says so, until the user picks the kind)."""

from __future__ import annotations

from collections.abc import Sequence

from crmdesk.models.excel_fields import check_mapping, suggest_mapping

# Another kind wins only when it maps clearly more columns: a contacts sheet (客户名称, 联系人,
# 手机) maps about as well as customers, and the kind chosen stays then.
CLEARLY_MORE = 2


def _fit(kind: str, headers: Sequence[str]) -> tuple[int, int]:
    """(1 when every required field finds a column, else 0; how many columns map)."""
    mapping = suggest_mapping(kind, headers)
    return (0 if check_mapping(kind, mapping) else 1, len(mapping.columns))


def guess_kind(headers: Sequence[str], kinds: Sequence[str], current: str) -> str:
    """The kind among `kinds` these titles fit best: `current` unless another has all its
    required fields where current has not, or maps CLEARLY_MORE columns more."""
    if not kinds:
        return current
    fits = {kind: _fit(kind, headers) for kind in kinds}
    mine = fits.get(current, (0, 0))
    best = max(kinds, key=lambda k: (fits[k], k == current))
    whole, mapped = fits[best]
    if whole > mine[0] or (whole == mine[0] and mapped >= mine[1] + CLEARLY_MORE):
        return best
    return current
