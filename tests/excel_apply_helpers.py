"""Plans built by hand for the apply and undo tests (tests/test_excel_apply*.py,
test_excel_undo.py): typed values as validate() would hand them, no workbook."""

from __future__ import annotations

from datetime import timedelta

from helpers import NOW

from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.excel_types import ImportPlan, Mapping, PlannedRow
from crmdesk.models.workspace import Workspace

LATER = NOW + timedelta(hours=1)


def plan_of(kind: str, rows: list[dict], bad: dict[int, str] | None = None) -> ImportPlan:
    """A plan whose columns are the rows' keys (sorted); sheet rows from 2. bad: sheet row →
    a problem code of a row validate refused (not in rows; counted in total)."""
    from crmdesk.models.excel_types import CellProblem

    keys = sorted({k for r in rows for k in r})
    planned, problems, n = [], [], 2
    bad = dict(bad or {})
    for r in rows:
        while n in bad:
            problems.append(CellProblem(n, None, "", bad[n]))
            n += 1
        planned.append(PlannedRow(n, dict(r)))
        n += 1
    for row, code in bad.items():
        if row >= n:
            problems.append(CellProblem(row, None, "", code))
    mapping = Mapping({i: k for i, k in enumerate(keys)})
    return ImportPlan(kind, 1, keys, mapping, planned, problems, set(bad), len(rows) + len(bad))


def ws(db, actor, at=LATER) -> Workspace:
    return Workspace(db, actor, clock=lambda: at)


def found(db, actor, text: str) -> list[str]:
    """The names the customer list finds for a search, as the acting user."""
    w = ws(db, actor)
    return sorted(r.name for r in w.list_customers(CustomerQuery(search=text), 0, 100))
