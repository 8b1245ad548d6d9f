"""Undoing an import (excel_undo.py, through the Workspace) on three backends: what it created
goes with its search index rows, what it changed comes back, what someone changed since stays
and is named; once only; only its own user or an admin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from excel_apply_helpers import LATER, found, plan_of, ws
from helpers import NOW
from sqlalchemy import func, select, text

from crmdesk.models import excel_apply
from crmdesk.models.contacts import ContactInput
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.errors import CrmError, PermissionDenied
from crmdesk.models.excel_types import ImportOptions
from crmdesk.models.follow_ups import FollowUpInput
from crmdesk.models.schema import (
    Contact,
    Customer,
    CustomerGrams,
    CustomerSearch,
    CustomerTag,
    FollowUp,
    OwnershipEvent,
    Tag,
    User,
)
from crmdesk.models.schema_imports import Import

UNDO_AT = LATER + timedelta(hours=1)


def run(db, actor, rows, kind="customers", **options):
    w = ws(db, actor)
    return w.apply_import(plan_of(kind, rows), ImportOptions(**options), "a.xlsx").value


def undo(db, actor, import_id):
    return ws(db, actor, UNDO_AT).undo_import(import_id)


def count(db, table) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).select_from(table)))


def fts_hits(db, term: str) -> int:
    """Customers the term's index finds: FTS on SQLite, the n-gram rows on the servers."""
    if db.dialect != "sqlite":
        return count(db, CustomerGrams)
    sql = "SELECT count(*) FROM customer_fts_tri WHERE customer_fts_tri MATCH :t"
    return db.read(lambda s: s.scalar(text(sql), {"t": f'"{term}"'}))


ROWS = [
    {"name": f"星辰科技{i}号", "mobile": f"1390000{i:04d}", "contact_name": f"王{i}",
     "tags": ("导入标签",)}
    for i in range(5)
]  # fmt: skip


def test_undo_removes_what_it_created(db, people):
    rep = people.rep_n1
    result = run(db, rep, ROWS, chunk=2)
    assert found(db, rep, "星辰科技") and fts_hits(db, "星辰科技") == 5
    out = undo(db, rep, result.import_id)
    assert (out.value.removed, out.value.restored, out.value.left) == (5, 0, [])
    assert out.change.kinds == {"deleted"} and out.change.count == 5
    for table in (Customer, Contact, OwnershipEvent, CustomerSearch, CustomerTag):
        assert count(db, table) == 0, table
    assert count(db, Tag) == 0  # a tag nobody carries any more is not offered
    assert found(db, rep, "星辰科技") == [] and found(db, rep, "1390000") == []
    assert fts_hits(db, "星辰科技") == 0
    with db.reading() as s:
        imp = s.get(Import, result.import_id)
        assert (imp.status, imp.undone_at, imp.undone_by_id) == ("undone", UNDO_AT, rep.id)
    (row,) = ws(db, rep).imports()
    assert row.status == "undone" and row.undone_at == UNDO_AT and not row.may_undo
    with pytest.raises(CrmError) as caught:
        undo(db, rep, result.import_id)
    assert caught.value.code == "already_undone"


def test_only_its_user_or_an_admin(db, people):
    result = run(db, people.rep_n1, ROWS[:1])
    for other in (people.rep_n2, people.manager_n):
        with pytest.raises(PermissionDenied):
            undo(db, other, result.import_id)
    assert undo(db, people.admin, result.import_id).value.removed == 1


def test_what_changed_since_stays_and_is_named(db, people):
    rep = people.rep_n1
    result = run(db, rep, ROWS)
    with db.reading() as s:
        ids = dict(s.execute(select(Customer.name, Customer.id)).all())
    w = ws(db, rep)
    edited = ids["星辰科技0号"]
    w.update_customer(edited, CustomerInput(name="星辰科技0号", city="杭州"), w.customer(edited))
    w.add_follow_up(ids["星辰科技1号"], FollowUpInput("call", "回访", NOW))
    w.save_contact(ids["星辰科技2号"], None, ContactInput(name="新人"))
    out = undo(db, rep, result.import_id).value
    assert out.removed == 2
    assert sorted(out.left) == [
        ("customer", edited, "星辰科技0号", "changed_since"),
        ("customer", ids["星辰科技1号"], "星辰科技1号", "has_records"),
        ("customer", ids["星辰科技2号"], "星辰科技2号", "has_records"),
    ]
    assert found(db, rep, "星辰科技") == ["星辰科技0号", "星辰科技1号", "星辰科技2号"]
    assert fts_hits(db, "星辰科技") == 3


def test_undo_restores_what_it_changed(db, people):
    rep = people.rep_n1
    with db.writing() as s:
        kept = create_customer(s, rep, CustomerInput(name="老甲", industry="制造业"), NOW)
        filled = create_customer(s, rep, CustomerInput(name="老乙", tags=("老标签",)), NOW)
        touched = create_customer(s, rep, CustomerInput(name="老丙"), NOW)
    rows = [{"name": "老甲", "industry": "贸易", "province": "浙江"},
            {"name": "老乙", "city": "杭州", "tags": ("新标签",), "contact_name": "赵",
             "mobile": "13711112222"},
            {"name": "老丙", "city": "苏州"}]  # fmt: skip
    result = run(db, rep, rows, on_duplicate="overwrite")
    assert result.updated == 3
    assert found(db, rep, "13711112222") == ["老乙"]
    w = ws(db, rep)
    w.update_customer(touched, CustomerInput(name="老丙", city="南京"), w.customer(touched))
    out = undo(db, rep, result.import_id)
    assert (out.value.restored, out.value.removed) == (2, 1)  # the contact it added goes
    assert out.value.left == [("customer", touched, "老丙", "changed_since")]
    with db.reading() as s:
        a, b, c = (s.get(Customer, i) for i in (kept, filled, touched))
        assert (a.industry, a.province, a.province_sort, a.version) == ("制造业", "", "", 3)
        assert (b.city, b.tags, b.contact_name, b.contact_mobile) == ("", "老标签", "", "")
        assert set(s.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id == filled))) == {
            "老标签"
        }
        assert c.city == "南京"
    assert found(db, rep, "13711112222") == []
    assert out.change.kinds == {"edited", "contacts"}


def test_users_it_made_are_deactivated_unless_they_own_something(db, people):
    rows = [{"name": "甲", "owner": "新人甲"}, {"name": "乙", "owner": "新人乙"}]
    result = run(db, people.admin, rows, owner_mode="column", unknown_owner="create")
    w = ws(db, people.admin)
    with db.reading() as s:
        new = dict(s.execute(select(User.name, User.id).where(User.name.like("新人%"))).all())
        b = s.scalar(select(Customer.id).where(Customer.name == "乙"))
    w.update_customer(b, CustomerInput(name="乙", city="杭州"), w.customer(b))  # stays
    out = undo(db, people.admin, result.import_id).value
    assert ("user", new["新人乙"], "新人乙", "has_records") in out.left
    with db.reading() as s:
        active = dict(
            s.execute(select(User.name, User.active).where(User.name.like("新人%"))).all()
        )
    assert active == {"新人甲": False, "新人乙": True}


def test_contacts_and_follow_ups_added_to_existing_customers(db, people):
    rep = people.rep_n1
    with db.writing() as s:
        cid = create_customer(s, rep, CustomerInput(name="老客户"), NOW,
                              [ContactInput(name="老王", mobile="13500000000")])  # fmt: skip
    contacts = run(db, rep, [{"customer": "老客户", "name": "新李", "mobile": "13600000000",
                              "is_primary": True}], kind="contacts")  # fmt: skip
    assert contacts.created == 1 and found(db, rep, "新李") == ["老客户"]
    with db.reading() as s:
        assert s.get(Customer, cid).contact_name == "新李"
    later = NOW + timedelta(days=3)
    logged = run(db, rep, [{"customer": "老客户", "content": "拜访", "happened_at": later,
                            "next_follow_up_at": later + timedelta(days=7)}],
                 kind="follow_ups")  # fmt: skip
    assert logged.created == 1
    with db.reading() as s:
        c = s.get(Customer, cid)
        assert (c.last_follow_up_at, c.next_follow_up_at) == (later, later + timedelta(days=7))
    assert undo(db, rep, logged.import_id).value.removed == 1
    assert undo(db, rep, contacts.import_id).value.removed == 1
    with db.reading() as s:
        c = s.get(Customer, cid)
        assert (c.last_follow_up_at, c.next_follow_up_at) == (None, None)
        assert (c.contact_name, c.contact_mobile) == ("老王", "13500000000")
        assert s.scalars(select(Contact.is_primary)).all() == [True]
        assert s.scalar(select(func.count()).select_from(FollowUp)) == 0
    assert found(db, rep, "新李") == []


def test_undo_while_it_runs_stops_it(db, people):
    rep = people.rep_n1
    w = ws(db, rep)

    def progress(done, total):
        if done == 2:
            (row,) = w.imports()
            undo(db, rep, row.id)

    plan = plan_of("customers", ROWS)
    result = excel_apply.apply(db, rep, plan, ImportOptions(chunk=2), LATER, progress=progress)
    assert result.status == "cancelled" and result.created == 2
    assert count(db, Customer) == 0
    with db.reading() as s:
        assert s.scalars(select(Import.status)).all() == ["undone"]
