"""Money summed alike on the three databases: as integer cents in SQL (a NUMERIC sum comes back
as a float from SQLite and a Decimal from the servers, and a float sum of 0.1s is not exact),
and back to Decimal to the cent in Python. Every report, target and receivable sums so."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, cast, func

CENT = Decimal("0.01")


def cents(value: Any) -> ColumnElement:
    """A money column (or expression) as integer cents, for SUM()."""
    return cast(func.round(value * 100), BigInteger)


def money_of(total_cents: Any) -> Decimal:
    """A sum of cents as money."""
    return (Decimal(int(total_cents or 0)) / 100).quantize(CENT)
