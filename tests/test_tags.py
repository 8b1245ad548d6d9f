"""Tags that find: the tag filter (alone, combined, in a saved view), tags kept in step by
every write, a tag's text found by search, and an admin's rename and delete everywhere. On
SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import json

import pytest
from helpers import NOW
from sqlalchemy import func, select

from crmdesk.models import tags
from crmdesk.models.bulk import Target
from crmdesk.models.customer_list import CustomerQuery, filter_choices
from crmdesk.models.customers import CustomerInput
from crmdesk.models.errors import PermissionDenied, ValidationFailed
from crmdesk.models.schema import Customer, CustomerTag
from crmdesk.models.workspace import Workspace


def ws(db, actor):
    return Workspace(db, actor, clock=lambda: NOW)


def names(w: Workspace, **query) -> list[str]:
    q = CustomerQuery(sort="name", descending=False, **query)
    rows = w.list_customers(q, 0, 100)
    assert w.count_customers(q) == len(rows)
    return [r.name for r in rows]


@pytest.fixture
def tagged(db, people):
    w = ws(db, people.admin)
    ids = {}
    for name, tag_list, owner in [
        ("阿里巴巴", ("VIP", "重点客户"), people.rep_n1),
        ("北京星辰", ("VIP",), people.rep_n1),
        ("重庆山城", ("重点客户",), people.rep_s1),
        ("深圳科达", (), people.rep_s1),
    ]:
        ids[name] = w.create_customer(CustomerInput(name=name, tags=tag_list), owner_id=owner.id)
        ids[name] = ids[name].value
    return w, ids


def test_the_tag_filter_finds_customers_carrying_every_tag(db, people, tagged):
    w, _ids = tagged
    assert names(w, tags=("VIP",)) == ["阿里巴巴", "北京星辰"]
    assert names(w, tags=("VIP", "重点客户")) == ["阿里巴巴"]
    assert names(w, tags=("重点客户",), search="重庆") == ["重庆山城"]
    assert names(w, tags=("没有",)) == []
    # a rep sees only their own tagged customers, and only their tags among the choices
    rep = ws(db, people.rep_s1)
    assert names(rep, tags=("重点客户",)) == ["重庆山城"]
    with db.reading() as s:
        assert filter_choices(s, people.rep_s1).tags == ("重点客户",)
        assert filter_choices(s, people.admin).tags == ("VIP", "重点客户")


def test_a_tags_text_is_found_by_search(tagged):
    w, _ids = tagged
    assert names(w, search="重点") == ["阿里巴巴", "重庆山城"]
    assert names(w, search="zdkh") == ["阿里巴巴", "重庆山城"]  # its pinyin initials
    assert names(w, search="vip") == ["阿里巴巴", "北京星辰"]


def test_edits_and_bulk_actions_keep_the_filter_and_search_in_step(db, people, tagged):
    w, ids = tagged
    detail = w.customer(ids["北京星辰"])
    w.update_customer(ids["北京星辰"], CustomerInput(name="北京星辰", tags=("新标签",)), detail)
    assert names(w, tags=("VIP",)) == ["阿里巴巴"]
    assert names(w, tags=("新标签",)) == ["北京星辰"] == names(w, search="新标签")
    w.change_tag(Target(ids=(ids["深圳科达"], ids["北京星辰"])), "VIP", True)
    assert names(w, tags=("VIP",)) == ["阿里巴巴", "北京星辰", "深圳科达"]
    assert names(w, search="vip") == ["阿里巴巴", "北京星辰", "深圳科达"]
    w.change_tag(Target(query=CustomerQuery(tags=("VIP",))), "重点客户", False)
    assert names(w, tags=("重点客户",)) == ["重庆山城"] == names(w, search="重点")
    with db.reading() as s:  # the rows say exactly what the texts say
        rows = s.execute(select(CustomerTag.customer_id, CustomerTag.tag)).all()
        texts = s.execute(select(Customer.id, Customer.tags)).all()
    assert sorted(rows) == sorted((cid, t) for cid, text in texts for t in tags.split(text))


def test_a_tag_filter_survives_a_saved_view(db, people, tagged):
    w, _ids = tagged
    query = CustomerQuery(tags=("重点客户", "VIP"), level="C")
    payload = json.loads(json.dumps(query.to_dict()))  # as stored
    w.save_view("customers", "VIP 重点", payload)
    (view,) = w.saved_views("customers")
    restored = CustomerQuery.from_dict(view.payload)
    assert restored.tags == ("VIP", "重点客户")
    assert [r.name for r in w.list_customers(restored, 0, 100)] == ["阿里巴巴"]
    # a hand-written or damaged view never fails
    odd = CustomerQuery.from_dict({"tags": ["ok", 3, None, "x" * 500, "a\x00b"]})
    assert odd.tags == ("ok", "x" * tags.TAG_LIMIT)
    assert CustomerQuery.from_dict({"tags": "VIP"}).tags == ()


def test_an_admin_renames_and_deletes_a_tag_everywhere(db, people, tagged):
    w, ids = tagged
    with db.writing() as s:
        assert tags.rename_tag(s, people.admin, "VIP", "重点客户", NOW) == 2  # merged
    assert names(w, tags=("重点客户",)) == ["阿里巴巴", "北京星辰", "重庆山城"]
    assert names(w, tags=("VIP",)) == [] and names(w, search="vip") == []
    with db.reading() as s:
        assert [r.name for r in tags.list_tags(s, people.admin)] == ["重点客户"]
        assert tags.list_tags(s, people.admin)[0].customers == 3
        assert s.get(Customer, ids["阿里巴巴"]).tags == "重点客户"
    with db.writing() as s:
        assert tags.delete_tag(s, people.admin, "重点客户", NOW) == 3
    assert names(w, search="重点") == []
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(CustomerTag)) == 0
        assert tags.tag_names(s) == []


def test_only_an_admin_manages_tags_and_a_rename_never_cuts_tags_short(db, people, tagged):
    w, ids = tagged
    with db.writing() as s, pytest.raises(PermissionDenied):
        tags.rename_tag(s, people.manager_n, "VIP", "贵宾", NOW)
    long_tags = tuple(f"{i:02d}" + "标" * 23 for i in range(19))  # 493 characters with commas
    detail = w.customer(ids["深圳科达"])
    w.update_customer(ids["深圳科达"], CustomerInput(name="深圳科达", tags=long_tags), detail)
    with db.writing() as s, pytest.raises(ValidationFailed):
        tags.rename_tag(s, people.admin, long_tags[0], long_tags[0] + "加" * 25, NOW)  # 518
    assert names(w, tags=(long_tags[0],)) == ["深圳科达"]  # nothing changed


@pytest.mark.parametrize("sort", ["updated_at", "name", "owner"])
def test_both_tag_paths_list_the_same_rows(db, people, tagged, monkeypatch, sort):
    """A common tag's page walks the sort index testing each row; a rare one reads the tag's
    customers: both list exactly the same rows in the same order, searched or not."""
    from crmdesk.models import search

    w, _ids = tagged
    queries = [
        CustomerQuery(tags=("VIP",), sort=sort),
        CustomerQuery(tags=("VIP", "重点客户"), sort=sort, descending=False),
        CustomerQuery(search="重点", sort=sort),
        CustomerQuery(search="vip 阿里", sort=sort),
        CustomerQuery(tags=("重点客户",), search="重庆", sort=sort),
    ]

    def pages() -> list[list[str]]:
        return [[r.name for r in w.list_customers(q, 0, 100)] for q in queries]

    monkeypatch.setattr(search, "common_threshold", lambda customers, dialect="sqlite": 10**9)
    rare = pages()
    monkeypatch.setattr(search, "common_threshold", lambda customers, dialect="sqlite": -1)
    common = pages()
    # VIP and 重点客户 each on two customers, together on one: common alone, rare together
    monkeypatch.setattr(search, "common_threshold", lambda customers, dialect="sqlite": 1)
    rare_together = pages()
    assert rare == common == rare_together
    assert rare[1] == ["阿里巴巴"] and sorted(rare[2]) == ["重庆山城", "阿里巴巴"]
    assert rare[3] == ["阿里巴巴"] and rare[4] == ["重庆山城"]


def test_renaming_a_tag_nobody_carries_keeps_the_new_name_offered(db, people, tagged):
    with db.writing() as s:
        tags.rename_tag(s, people.admin, "VIP", "贵宾", NOW)
        tags.delete_tag(s, people.admin, "贵宾", NOW)
        assert tags.tag_names(s) == ["重点客户"]
        s.add(tags.Tag(name="空标签", created_at=NOW))
        s.flush()
        assert tags.rename_tag(s, people.admin, "空标签", "新名字", NOW) == 0
        assert tags.tag_names(s) == ["新名字", "重点客户"]
