"""Contacts and follow-ups imports (excel_writers.py, excel_link.link_customers) on three
backends: each row's customer by external id or exact name, ambiguous and foreign customers,
missing ones created or refused; contacts' duplicates within a customer; follow-up dates."""

from __future__ import annotations

from datetime import timedelta

from excel_apply_helpers import LATER, found, plan_of
from helpers import NOW
from sqlalchemy import select, update

from crmdesk.models import excel_apply
from crmdesk.models.contacts import ContactInput
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.excel_types import ImportOptions
from crmdesk.models.schema import Contact, Customer, FollowUp


def run(db, actor, kind, rows, **options):
    return excel_apply.apply(db, actor, plan_of(kind, rows), ImportOptions(**options), LATER)


def make(db, owner, name, external_id="", mobile=""):
    with db.writing() as s:
        people = [ContactInput(name="老王", mobile=mobile)] if mobile else []
        cid = create_customer(s, owner, CustomerInput(name=name), NOW, people)
        if external_id:
            t = Customer.__table__
            s.execute(update(t).where(t.c.id == cid).values(external_id=external_id))
    return cid


def contacts_of(db, cid) -> list[tuple]:
    with db.reading() as s:
        stmt = select(Contact.name, Contact.mobile, Contact.is_primary, Contact.import_id)
        return s.execute(stmt.where(Contact.customer_id == cid).order_by(Contact.id)).all()


def test_linking_rows_to_customers(db, people):
    rep = people.rep_n1
    a = make(db, rep, "甲公司", external_id="E-1")
    b1, b2 = make(db, rep, "乙公司"), make(db, rep, "乙公司")
    make(db, people.rep_s1, "丙公司")  # another team's
    rows = [
        {"customer_external_id": "E-1", "customer": "别的名字", "name": "张一"},  # id wins
        {"customer": "甲公司", "name": "张二", "mobile": "13800000002"},
        {"customer": "乙公司", "name": "张三"},  # two of them
        {"customer": "丙公司", "name": "张四"},  # not the rep's
        {"customer": "丁公司", "name": "张五"},  # nobody's: made
        {"customer": "丁公司", "name": "张六"},  # the same new customer
        {"customer_external_id": "E-9", "customer": "戊公司", "name": "张七"},
        {"customer_external_id": "E-10", "name": "张八"},  # no name to make one by
    ]
    result = run(db, rep, "contacts", rows)
    assert {p.row: (p.field, p.code) for p in result.problems} == {
        4: ("customer", "ambiguous_customer"),
        5: ("customer", "not_yours"),
        9: ("customer_external_id", "unknown_customer"),
    }
    assert result.created == 5
    assert [c[0] for c in contacts_of(db, a)] == ["张一", "张二"]
    assert contacts_of(db, b1) == contacts_of(db, b2) == []
    with db.reading() as s:
        made = dict(s.execute(select(Customer.name, Customer.id).where(
            Customer.import_id == result.import_id)).all())  # fmt: skip
        assert s.get(Customer, made["戊公司"]).external_id == "E-9"
        assert s.get(Customer, made["丁公司"]).owner_id == rep.id
    assert [c[0] for c in contacts_of(db, made["丁公司"])] == ["张五", "张六"]
    assert contacts_of(db, made["丁公司"])[0][2]  # the first is primary
    assert found(db, rep, "13800000002") == ["甲公司"]
    refused = run(db, rep, "contacts", [{"customer": "己公司", "name": "张九"}],
                  create_customers=False)  # fmt: skip
    assert refused.reasons == {"unknown_customer": 1}


def test_contact_duplicates_within_their_customer(db, people):
    rep = people.rep_n1
    cid = make(db, rep, "甲公司", mobile="13800000001")
    other = make(db, rep, "乙公司")
    rows = [{"customer": "甲公司", "name": "王五", "mobile": "+86 138-0000-0001",
             "title": "经理"},
            {"customer": "乙公司", "name": "王五", "mobile": "13800000001"}]  # fmt: skip
    skip = run(db, rep, "contacts", rows, dedupe_key="phone")
    assert (skip.skipped, skip.created) == (1, 1)
    assert len(contacts_of(db, other)) == 1
    fill = run(db, rep, "contacts", rows[:1], dedupe_key="phone", on_duplicate="fill")
    assert fill.updated == 1
    with db.reading() as s:
        old = s.scalars(select(Contact).where(Contact.customer_id == cid)).one()
        assert (old.name, old.title) == ("老王", "经理")  # only the empty one filled
    over = run(db, rep, "contacts", rows[:1], dedupe_key="phone", on_duplicate="overwrite")
    assert over.updated == 1 and contacts_of(db, cid)[0][0] == "王五"
    assert found(db, rep, "王五") == ["乙公司", "甲公司"]


def test_follow_ups_and_the_customers_dates(db, people):
    rep = people.rep_n1
    cid = make(db, rep, "甲公司")
    day = NOW - timedelta(days=30)
    rows = [
        {"customer": "甲公司", "kind": "visit", "content": "拜访", "happened_at": day,
         "next_follow_up_at": day + timedelta(days=3)},
        {"customer": "甲公司", "content": "电话", "happened_at": day + timedelta(days=5),
         "next_follow_up_at": NOW + timedelta(days=7)},
        {"customer": "甲公司", "content": "早先", "happened_at": day - timedelta(days=5)},
        {"customer": "甲公司", "content": "错", "happened_at": day,
         "next_follow_up_at": day - timedelta(days=1)},
    ]  # fmt: skip
    result = run(db, rep, "follow_ups", rows)
    assert (result.created, result.reasons) == (3, {"not_after_happened": 1})
    with db.reading() as s:
        c = s.get(Customer, cid)
        assert (c.last_follow_up_at, c.next_follow_up_at) == (
            day + timedelta(days=5), NOW + timedelta(days=7))  # fmt: skip
        kinds = s.execute(select(FollowUp.kind, FollowUp.author_id).order_by(FollowUp.id)).all()
        assert kinds == [("visit", rep.id), ("note", rep.id), ("note", rep.id)]
    again = run(db, rep, "follow_ups", rows[:3])
    assert (again.created, again.skipped) == (0, 3)  # a log imported twice stays one log
