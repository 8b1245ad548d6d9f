"""An import stopped by an error after some chunks says how many rows it wrote, in rows (not in
customers changed, as a bulk action says)."""

from __future__ import annotations

from crmdesk.models.bulk import BulkResult
from crmdesk.models.changes import WriteResult
from crmdesk.models.errors import ConnectionLost, Interrupted
from crmdesk.models.excel_types import ImportResult
from crmdesk.views.errors import error_text


def _result(created: int, updated: int) -> ImportResult:
    return ImportResult(1, "failed", 10, 6, created, updated, 0, 0, {}, [])


def test_an_interrupted_import_counts_the_rows_it_wrote():
    exc = Interrupted(ConnectionLost(), WriteResult(_result(4, 2)))
    assert exc.params["changed"] == 6
    assert "rows imported before that: 6" in error_text(exc)


def test_an_interrupted_bulk_action_counts_customers():
    partial = WriteResult(BulkResult(requested=5, changed=3))
    exc = Interrupted(ConnectionLost(), partial)
    assert "customers changed before that" in error_text(exc)
