"""Undoing an import, continued (test_excel_undo.py): contacts someone changed since stay and
are named, customers the undoing user may no longer edit are not touched, a row changed twice
comes back to its first state, the undo's units of work (progress, cancel, run again), and an
import a killed program left running."""

from __future__ import annotations

from datetime import timedelta

from excel_apply_helpers import LATER, plan_of, ws
from helpers import NOW
from sqlalchemy import func, select, update
from test_excel_undo import ROWS, UNDO_AT, count, run, undo

from crmdesk.models import excel_undo
from crmdesk.models.contacts import ContactInput
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.schema import Contact, Customer, FollowUp
from crmdesk.models.schema_imports import Import


def existing(db, rep, name, contacts=(), **fields) -> int:
    with db.writing() as s:
        return create_customer(s, rep, CustomerInput(name=name, **fields), NOW, list(contacts))


def contact(db, cid, name=None):
    with db.reading() as s:
        stmt = select(Contact).where(Contact.customer_id == cid).order_by(Contact.id)
        rows = [c for c in s.scalars(stmt) if name is None or c.name == name]
        return [(c.id, c.name, c.email, c.title, c.is_primary) for c in rows]


def test_a_contact_changed_since_the_import_stays_and_is_named(db, people):
    rep = people.rep_n1
    a = existing(db, rep, "甲公司", [ContactInput(name="袁杰", mobile="13800000001")])
    b = existing(db, rep, "乙公司", [ContactInput(name="李四", mobile="13800000002")])
    rows = [
        {"customer": "甲公司", "name": "袁杰斌", "mobile": "13800000001", "email": "a@x.cn"},
        {"customer": "乙公司", "name": "李四四", "mobile": "13800000002", "title": "经理"},
    ]
    result = run(db, rep, rows, kind="contacts", dedupe_key="phone", on_duplicate="overwrite")
    assert result.updated == 2
    ((ka, *_),) = contact(db, a)
    w = ws(db, rep)
    w.save_contact(a, ka, ContactInput(name="张三 (corrected)", mobile="13800000001",
                                       email="right@x.cn", is_primary=True))  # fmt: skip
    out = undo(db, rep, result.import_id).value
    assert out.left == [("contact", ka, "张三 (corrected)", "changed_since")]
    assert out.restored == 1
    assert contact(db, a) == [(ka, "张三 (corrected)", "right@x.cn", "", True)]  # the rep's
    assert [c[1:4] for c in contact(db, b)] == [("李四", "", "")]  # nobody's: back


def test_a_contact_it_added_and_someone_changed_stays(db, people):
    rep = people.rep_n1
    a = existing(db, rep, "丙公司", [ContactInput(name="老王", mobile="13500000000")])
    b = existing(db, rep, "丁公司")
    rows = [{"name": "丙公司", "contact_name": "新联系人", "mobile": "13900001111"},
            {"name": "丁公司", "contact_name": "没人动", "mobile": "13900002222"}]  # fmt: skip
    result = run(db, rep, rows, dedupe_key="name", on_duplicate="fill")
    assert result.updated == 2
    (new,) = contact(db, a, "新联系人")
    edit = ContactInput(name="新联系人 王总", mobile="13900001111", email="wang@corp.cn",
                        is_primary=True)  # fmt: skip
    ws(db, rep).save_contact(a, new[0], edit)
    out = undo(db, rep, result.import_id).value
    assert out.left == [("contact", new[0], "新联系人 王总", "changed_since")]
    assert out.removed == 1
    assert [c[1] for c in contact(db, a)] == ["老王", "新联系人 王总"]
    assert contact(db, b) == []


def test_nothing_is_touched_on_a_customer_no_longer_yours(db, people):
    rep, other = people.rep_n1, people.rep_s1
    a = existing(db, rep, "戊公司", [ContactInput(name="赵", mobile="13700000001")])
    added = run(db, rep, [{"name": "戊公司", "contact_name": "钱", "mobile": "13700000002"}],
                dedupe_key="name", on_duplicate="fill")  # fmt: skip
    logged = run(db, rep, [{"customer": "戊公司", "content": "拜访", "happened_at": NOW}],
                 kind="follow_ups")  # fmt: skip
    with db.writing() as s:  # moved to a rep of another team (its version aside)
        s.execute(
            update(Customer)
            .where(Customer.id == a)
            .values(owner_id=other.id, team_id=other.team_id)
            .execution_options(synchronize_session=False)
        )
    (kept,) = contact(db, a, "钱")
    out = undo(db, rep, added.import_id).value
    assert (out.removed, out.left) == (0, [("contact", kept[0], "钱", "not_yours")])
    out = undo(db, rep, logged.import_id).value
    assert out.removed == 0 and [(e, r) for e, _i, _n, r in out.left] == [
        ("follow_up", "not_yours")
    ]
    assert count(db, FollowUp) == 1 and len(contact(db, a)) == 2


def test_a_customer_changed_twice_by_one_import_comes_back_to_its_first_state(db, people):
    rep = people.rep_n1
    cid = existing(db, rep, "己公司", [ContactInput(name="孙", mobile="13600000001")],
                   industry="金融")  # fmt: skip
    rows = [{"name": "甲", "mobile": "13600000001", "industry": "改过的行业"},
            {"name": "乙", "mobile": "13300000000", "phone": "13600000001",
             "industry": "第二次的行业"}]  # fmt: skip
    for chunk in (1, 10):  # across chunks, and within one
        result = run(db, rep, rows, dedupe_key="phone", on_duplicate="overwrite", chunk=chunk)
        assert result.updated == 2
        out = undo(db, rep, result.import_id).value
        assert (out.restored, out.left) == (1, [])
        with db.reading() as s:
            c = s.get(Customer, cid)
            assert (c.name, c.industry) == ("己公司", "金融")


def test_undo_in_units_with_progress_cancel_and_again(db, people, monkeypatch):
    rep = people.rep_n1
    result = run(db, rep, ROWS, chunk=2)
    monkeypatch.setattr(excel_undo, "UNIT", 2)
    seen = []

    class Control:
        def progress(self, done, total):
            if done:
                seen.append((done, total, count(db, Customer)))  # each unit committed alone

        def cancelled(self):
            return len(seen) == 2

    out = ws(db, rep, UNDO_AT).undo_import(result.import_id, Control())
    assert seen == [(2, 5, 3), (4, 5, 1)]
    assert (out.value.removed, out.value.complete) == (4, False)
    (row,) = ws(db, rep, UNDO_AT).imports()
    assert (row.status, row.may_undo) == ("undoing", True)
    plan = plan_of("customers", ROWS[:2])
    late = chunk_stopped(db, plan, result.import_id)
    assert late == 1  # the import's chunk racing an undo was stopped
    again = ws(db, rep, UNDO_AT).undo_import(result.import_id).value
    assert (again.removed, again.left, again.complete) == (1, [], True)
    with db.reading() as s:
        imp = s.get(Import, result.import_id)
        assert (imp.status, imp.undone_at, imp.undone_by_id) == ("undone", UNDO_AT, rep.id)
    assert count(db, Customer) == 0


def chunk_stopped(db, plan, import_id) -> int:
    """1 if a chunk of the import written now finds its record no longer running (the
    condition excel_apply's chunk commits on)."""
    with db.writing() as s:
        done = s.execute(
            update(Import)
            .where(Import.id == import_id, Import.status == "running")
            .values(rows_done=Import.rows_done + len(plan.rows))
        )
        return 1 if done.rowcount == 0 else 0


def test_an_import_left_running_is_shown_interrupted_and_can_be_undone(db, people):
    rep = people.rep_n1
    result = run(db, rep, ROWS)
    with db.writing() as s:  # as a killed program left it
        s.execute(
            update(Import)
            .where(Import.id == result.import_id)
            .values(status="running", finished_at=None, started_at=LATER)
        )
    soon = ws(db, rep, LATER + timedelta(minutes=5)).imports()
    assert [(r.status, r.may_undo) for r in soon] == [("running", True)]
    late = ws(db, rep, LATER + timedelta(minutes=11)).imports()
    assert [(r.status, r.may_undo) for r in late] == [("interrupted", True)]
    assert excel_undo.shown_status("running", LATER, 600_000, LATER + timedelta(minutes=15)) == (
        "running"  # a big import gets longer
    )
    out = undo(db, rep, result.import_id).value
    assert out.removed == 5
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 0
