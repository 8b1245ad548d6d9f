"""An import's chunks (excel_apply.py) on three backends: each chunk its own unit of work,
progress after each, cancel between them, a failure half-way; the import's record says how it
ended; rows validate refused counted as failed; values that must never reach the database."""

from __future__ import annotations

import time

import pytest
from excel_apply_helpers import LATER, plan_of, ws
from helpers import SaveDuring
from sqlalchemy import func, select, text

from crmdesk.models import excel_apply
from crmdesk.models.errors import CrmError, Interrupted
from crmdesk.models.excel_types import ImportOptions
from crmdesk.models.schema import Customer
from crmdesk.models.schema_imports import Import

ROWS = [{"name": f"客户{i}", "mobile": f"1380000{i:04d}", "contact_name": f"联系人{i}"}
        for i in range(7)]  # fmt: skip


def customers(db) -> list[str]:
    with db.reading() as s:
        return list(s.scalars(select(Customer.name).order_by(Customer.id)))


def record(db, import_id: int) -> Import:
    with db.reading() as s:
        return s.get(Import, import_id)


def test_progress_after_each_chunk(db, people):
    seen = []
    plan = plan_of("customers", ROWS, bad={3: "required", 20: "bad_date"})
    result = excel_apply.apply(
        db, people.rep_n1, plan, ImportOptions(chunk=3), LATER,
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    # sheet rows 2, 4, 5 | 6, 7, 8 | 9 (row 3 refused by validate, row 20 at the end)
    assert seen == [(4, 9), (7, 9), (9, 9)]
    assert (result.created, result.failed, result.rows_done, result.rows_total) == (7, 2, 9, 9)
    assert result.reasons == {"bad_date": 1, "required": 1}
    assert [p.row for p in result.problems] == [3, 20]
    imp = record(db, result.import_id)
    assert (imp.status, imp.rows_done, imp.created, imp.failed) == ("done", 9, 7, 2)


def test_cancel_after_the_first_chunk_keeps_whole_chunks(db, people):
    plan = plan_of("customers", ROWS)
    result = excel_apply.apply(
        db, people.rep_n1, plan, ImportOptions(chunk=3), LATER, cancelled=lambda: True
    )
    assert (result.status, result.created, result.rows_done) == ("cancelled", 3, 3)
    assert customers(db) == ["客户0", "客户1", "客户2"]
    imp = record(db, result.import_id)
    assert (imp.status, imp.rows_done, imp.created, imp.finished_at) == ("cancelled", 3, 3, LATER)


def test_a_failure_half_way_leaves_the_chunks_before(db, people, monkeypatch):
    calls = []
    write = excel_apply.WRITERS["customers"]

    def failing(ctx, rows):
        calls.append(len(rows))
        outcome = write(ctx, rows)  # written, then the unit fails: rolled back whole
        if len(calls) == 2:
            raise CrmError("rejected", detail="disk on fire")
        return outcome

    monkeypatch.setitem(excel_apply.WRITERS, "customers", failing)
    plan = plan_of("customers", ROWS)
    with pytest.raises(Interrupted) as caught:
        excel_apply.apply(db, people.rep_n1, plan, ImportOptions(chunk=3), LATER)
    assert caught.value.params["cause"].code == "rejected"
    partial = caught.value.partial.value
    assert (partial.status, partial.created, partial.rows_done) == ("failed", 3, 3)
    assert customers(db) == ["客户0", "客户1", "客户2"]
    imp = record(db, partial.import_id)
    assert (imp.status, imp.rows_done, imp.created) == ("failed", 3, 3)


def test_a_failure_in_the_first_chunk_raises_itself(db, people, monkeypatch):
    def failing(ctx, rows):
        raise CrmError("rejected")

    monkeypatch.setitem(excel_apply.WRITERS, "customers", failing)
    with pytest.raises(CrmError) as caught:
        excel_apply.apply(db, people.rep_n1, plan_of("customers", ROWS), ImportOptions(), LATER)
    assert caught.value.code == "rejected"
    with db.reading() as s:
        assert s.scalars(select(Import.status)).all() == ["failed"]
    assert customers(db) == []


def test_the_workspace_passes_progress_and_cancel(db, people):
    class Control:
        def __init__(self):
            self.seen = []

        def progress(self, done, total):
            self.seen.append(done)

        def cancelled(self):
            return len(self.seen) >= 2

    control = Control()
    w = ws(db, people.rep_n1)
    out = w.apply_import(plan_of("customers", ROWS), ImportOptions(chunk=2), "x.csv", "", control)
    assert (out.value.status, out.value.created, control.seen) == ("cancelled", 4, [2, 4])
    assert out.change.count == 4


def test_values_that_must_never_reach_the_database(db, people):
    rows = [
        {"name": "甲" * 10_000},
        {"name": "乙", "notes": "x" * 10_000},  # notes hold 16,000
        {"name": "丙\x00"},
        {"name": "丁", "address": "路\x00"},
        {"name": "戊", "contact_name": "王\x07"},
        {"name": "己", "mobile": "1" * 41},
        {"name": "庚", "tags": ("t" * 51,)},
        {"name": "辛", "level": "Z"},
        {"name": "壬", "industry": "\ud800"},  # a lone surrogate
        {"name": "癸", "created_at": "yesterday"},
        {"name": "   "},
    ]
    result = excel_apply.apply(db, people.admin, plan_of("customers", rows), ImportOptions(),
                               LATER)  # fmt: skip
    codes = {p.row: (p.field, p.code) for p in result.problems}
    assert codes == {
        2: ("name", "too_long"), 4: ("name", "nul"), 5: ("address", "nul"),
        6: ("contact_name", "nul"), 7: ("mobile", "too_long"), 8: ("tags", "too_long"),
        9: ("level", "bad_level"), 10: ("industry", "nul"), 11: ("created_at", "bad_date"),
        12: ("name", "required"),
    }  # fmt: skip
    assert result.created == 1 and customers(db) == ["乙"]
    with db.reading() as s:
        assert len(s.scalar(select(Customer.notes))) == 10_000
        assert s.scalar(select(func.count()).select_from(Customer)) == 1


def test_the_owner_or_pool_rule_holds_through_a_big_chunk(db, people):
    """SQLite's stand-in for the CHECK is taken off for a big insert (excel_insert): it is back
    afterwards, and still refuses a customer with neither owner nor pool."""
    from sqlalchemy import insert

    from crmdesk.models import pool
    from crmdesk.models.schema import Pool

    with db.writing() as s:
        pool.ensure_defaults(s, LATER)
        pool_id = s.scalar(select(Pool.id).order_by(Pool.id).limit(1))
    rows = [{"name": f"池客户{i}"} for i in range(250)]
    into_pool = ImportOptions(owner_mode="pool", pool_id=pool_id)
    result = excel_apply.apply(db, people.admin, plan_of("customers", rows), into_pool, LATER)
    assert result.created == 250
    owned = excel_apply.apply(db, people.admin, plan_of("customers", ROWS * 40),
                              ImportOptions(dedupe_key=""), LATER)  # fmt: skip
    assert owned.created == 280
    with db.reading() as s:
        broken = select(func.count()).where(
            (Customer.owner_id.is_(None)) == (Customer.pool_id.is_(None))
        )
        assert s.scalar(broken) == 0
        if db.dialect == "sqlite":
            sql = "SELECT count(*) FROM sqlite_master WHERE name = :n"
            assert s.scalar(text(sql), {"n": "ck_customers_owner_or_pool_insert"}) == 1
    bad = {"name": "无主", "created_at": LATER, "updated_at": LATER}
    with pytest.raises(Exception, match="(?i)check|constraint"):
        with db.writing() as s:
            s.execute(insert(Customer.__table__).values(**bad))


def test_a_save_in_the_window_goes_between_the_chunks(db, people, monkeypatch):
    """SQLite: a save while an import runs (the window stays usable) lands after the chunk
    running then, not after the whole import: the chunks wait for this program's other
    writes (Database.write, long) instead of taking the lock again at once."""
    if db.dialect != "sqlite":
        pytest.skip("a server has no database-wide write lock")
    write = excel_apply.WRITERS["customers"]

    def slow_write(ctx, part):
        out = write(ctx, part)
        time.sleep(0.05)  # the write lock held a while, as a chunk of 2,000 rows does
        save.unit_done()
        return out

    monkeypatch.setitem(excel_apply.WRITERS, "customers", slow_write)
    rows = [{"name": f"导入{i}", "mobile": f"1390000{i:04d}"} for i in range(40)]
    save = SaveDuring(db)
    result = excel_apply.apply(db, people.rep_n1, plan_of("customers", rows),
                               ImportOptions(chunk=1), LATER)  # fmt: skip
    assert result.created == 40
    assert save.waited() <= 8, save.log  # without the wait: after all 40
