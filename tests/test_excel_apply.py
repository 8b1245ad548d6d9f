"""Writing an import plan (excel_apply.py) on SQLite, PostgreSQL and MariaDB: created customers
complete as create_customer makes them, each duplicate key and mode, owners, pools, values
that must never reach the database."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from excel_apply_helpers import LATER, found, plan_of, ws
from helpers import NOW
from sqlalchemy import func, select, update

from crmdesk.models import excel_apply
from crmdesk.models.contacts import ContactInput
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.excel_types import ImportOptions
from crmdesk.models.pinyin import sort_key
from crmdesk.models.schema import (
    Contact,
    Customer,
    CustomerSearch,
    CustomerTag,
    OwnershipEvent,
    Tag,
    User,
)
from crmdesk.models.schema_imports import Import, ImportItem

ROWS = [
    {"name": "深圳星辰科技有限公司", "external_id": "OLD-1", "level": "A", "status": "prospect",
     "industry": "互联网/IT", "province": "广东", "city": "深圳", "address": "南山路1号",
     "company_size": "21-100", "source": "展会", "notes": "老客户", "tags": ("VIP", "展会线索"),
     "created_at": datetime(2024, 3, 5, 14, 30), "contact_name": "王伟", "contact_title": "总经理",
     "mobile": "13812345678", "email": "wang@example.cn", "birthday": date(1980, 5, 1)},
    {"name": "北京华信贸易有限公司", "external_id": "OLD-2", "mobile": "+86 139-0000-1111",
     "contact_name": "李娜"},
    {"name": "Acme Trading", "external_id": "OLD-3"},
]  # fmt: skip


def run(db, actor, rows, **options):
    plan = plan_of("customers", rows)
    return excel_apply.apply(db, actor, plan, ImportOptions(**options), LATER, file_name="a.xlsx")


def test_created_customers_are_complete(db, people):
    rep = people.rep_n1
    result = run(db, rep, ROWS)
    assert (result.status, result.created, result.rows_done, result.failed) == ("done", 3, 3, 0)
    with db.reading() as s:
        made = {c.name: c for c in s.scalars(select(Customer).order_by(Customer.id))}
        star = made["深圳星辰科技有限公司"]
        assert star.name_sort == sort_key(star.name)
        assert (star.province_sort, star.city_sort) == (sort_key("广东"), sort_key("深圳"))
        assert star.owner_id == rep.id and star.team_id == rep.team_id
        assert star.owner_sort == s.scalar(select(User.name_sort).where(User.id == rep.id))
        assert (star.contact_name, star.contact_mobile) == ("王伟", "13812345678")
        assert (star.level, star.status, star.tags) == ("A", "prospect", "VIP,展会线索")
        assert star.created_at == datetime(2024, 3, 5, 14, 30) and star.updated_at == LATER
        assert star.received_at == LATER and star.version == 1 and star.pool_id is None
        assert star.import_id == result.import_id and star.external_id == "OLD-1"
        assert made["Acme Trading"].created_at == LATER  # none in the sheet: now
        tags = set(s.execute(select(CustomerTag.customer_id, CustomerTag.tag)))
        assert tags == {(star.id, "VIP"), (star.id, "展会线索")}
        assert {"VIP", "展会线索"} <= set(s.scalars(select(Tag.name)))
        contact = s.scalars(select(Contact).where(Contact.customer_id == star.id)).one()
        assert (contact.mobile_digits, contact.is_primary, contact.birthday) == (
            "13812345678", True, date(1980, 5, 1))  # fmt: skip
        li = s.scalars(select(Contact).where(Contact.name == "李娜")).one()
        assert li.mobile_digits == "13900001111" and li.import_id == result.import_id
        events = s.execute(select(OwnershipEvent.kind, OwnershipEvent.to_owner_id)).all()
        assert events == [("created", rep.id)] * 3
        assert s.scalar(select(func.count()).select_from(CustomerSearch)) == 3
        imp = s.get(Import, result.import_id)
        assert (imp.status, imp.rows_total, imp.rows_done, imp.created) == ("done", 3, 3, 3)
        assert imp.file_name == "a.xlsx" and imp.finished_at == LATER
    # found as create_customer's customers are: by name, pinyin initials, phone, contact
    assert found(db, rep, "星辰") == ["深圳星辰科技有限公司"]
    assert found(db, rep, "szxc") == ["深圳星辰科技有限公司"]
    assert found(db, rep, "shenzhenxingchen") == ["深圳星辰科技有限公司"]
    assert found(db, rep, "1381234") == ["深圳星辰科技有限公司"]
    assert found(db, rep, "13900001111") == ["北京华信贸易有限公司"]
    assert found(db, rep, "王伟") == ["深圳星辰科技有限公司"]
    assert found(db, rep, "acme") == ["Acme Trading"]
    assert found(db, people.rep_s1, "星辰") == []  # another team's rep sees none of them
    with db.reading() as s:  # the same search text as create_customer writes
        body = s.scalar(select(CustomerSearch.body).where(CustomerSearch.customer_id == star.id))
    with db.writing() as s:
        made_by_hand = create_customer(
            s, rep, CustomerInput(name="深圳星辰科技有限公司"), NOW,
            [ContactInput(name="王伟", mobile="13812345678")],
        )  # fmt: skip
    with db.reading() as s:
        twin = s.scalar(
            select(CustomerSearch.body).where(CustomerSearch.customer_id == made_by_hand)
        )
    assert body == twin


def test_the_change_and_the_history(db, people):
    w = ws(db, people.rep_n1)
    result = w.apply_import(plan_of("customers", ROWS), ImportOptions(), "a.xlsx", "客户")
    assert result.change.kinds == {"created"} and result.change.count == 3
    (row,) = w.imports()
    assert (row.kind, row.file_name, row.sheet, row.status, row.created) == (
        "customers", "a.xlsx", "客户", "done", 3)  # fmt: skip
    assert row.actor_name == people.rep_n1.name and row.may_undo
    assert ws(db, people.rep_n2).imports() == []  # another rep's history is theirs
    assert [r.id for r in ws(db, people.admin).imports()] == [row.id]


def existing(db, owner, name, mobile="", email="", external_id="", **fields):
    with db.writing() as s:
        cid = create_customer(
            s, owner, CustomerInput(name=name, **fields), NOW,
            [ContactInput(name="老联系人", mobile=mobile, email=email)] if mobile or email else [],
        )  # fmt: skip
        if external_id:
            t = Customer.__table__
            s.execute(update(t).where(t.c.id == cid).values(external_id=external_id))
    return cid


KEYS = {  # dedupe key → (the existing customer's identity, the row's), n: the mode's number
    "name": ({}, {}),
    "phone": ({"mobile": "1380000000{n}"}, {"mobile": "+86 138 0000 000{n}"}),
    "email": ({"email": "boss{n}@example.cn"}, {"email": "boss{n}@example.cn"}),
    "external_id": ({"external_id": "X-{n}"}, {"external_id": "X-{n}"}),
}


@pytest.mark.parametrize("key", list(KEYS))
def test_each_duplicate_mode_by_each_key(db, people, key):
    rep = people.rep_n1
    for n, mode in enumerate(("skip", "fill", "overwrite", "create")):
        have, give = ({k: v.format(n=n) for k, v in d.items()} for d in KEYS[key])
        name = f"老客户{mode}"
        cid = existing(db, rep, name, industry="制造业", **have)
        before = db.read(lambda s: s.scalar(select(func.count()).select_from(Customer)))
        row = {"name": name if key == "name" else f"新名字{mode}", "industry": "贸易",
               "city": "杭州", "contact_name": "新联系人", **give}  # fmt: skip
        result = run(db, rep, [row], dedupe_key=key, on_duplicate=mode)
        with db.reading() as s:
            c = s.get(Customer, cid)
            count = s.scalar(select(func.count()).select_from(Customer))
            items = s.scalars(select(ImportItem).where(ImportItem.import_id == result.import_id))
            items = list(items)
        if mode == "skip":
            assert (result.skipped, result.reasons) == (1, {"exists": 1})
            assert (c.industry, c.city, c.version) == ("制造业", "", 1)
        elif mode == "fill":
            assert result.updated == 1
            assert (c.industry, c.city, c.version) == ("制造业", "杭州", 2)  # only the empty
            assert c.city_sort == sort_key("杭州") and c.name == name
            assert [(i.entity, i.action, i.version_after) for i in items
                    if i.entity == "customer"] == [("customer", "updated", 2)]  # fmt: skip
        elif mode == "overwrite":
            assert result.updated == 1
            assert (c.industry, c.city) == ("贸易", "杭州")
            assert c.name == row["name"] and c.name_sort == sort_key(row["name"])
        else:
            assert result.created == 1 and c.version == 1
        assert count == before + (mode == "create")
