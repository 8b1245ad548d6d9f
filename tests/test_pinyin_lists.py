"""Pinyin order in SQL on every backend: names, provinces, cities and owners sort as a Chinese
reader expects (阿里 before 北京 before 重庆), and pickers list in the same order."""

from __future__ import annotations

from test_customers import make

from crmdesk.models import pinyin, regions
from crmdesk.models.bulk import Target, run
from crmdesk.models.bulk_assign import assign_action
from crmdesk.models.customer_list import CustomerQuery, filter_choices, list_customers
from crmdesk.models.users import rename_user

NAMES = ["重庆山城物流", "北京星辰科技", "阿里云计算", "Acme Trading", "西安古城文化", "先锋电子",
         "北京", "长城银行", "3M中国"]  # fmt: skip
PLACES = [("重庆", "重庆"), ("北京", "北京"), ("安徽", "合肥"), ("广东", "深圳"), ("陕西", "西安"),
          ("山西", "太原"), ("北京", "北京"), ("广东", "广州"), ("上海", "上海")]  # fmt: skip


def listed(db, actor, now, **query):
    with db.reading() as s:
        return list_customers(s, actor, CustomerQuery(**query), now, 0, 100)


def test_names_provinces_and_cities_sort_in_pinyin_order(db, people, now):
    a = people.admin
    for name, (province, city) in zip(NAMES, PLACES, strict=True):
        make(db, a, now, name, province=province, city=city)
    by_name = [r.name for r in listed(db, a, now, sort="name", descending=False)]
    assert by_name == sorted(NAMES, key=pinyin.sort_key)
    assert by_name[:4] == ["3M中国", "阿里云计算", "Acme Trading", "北京"]  # "a li" < "acme"
    assert by_name.index("重庆山城物流") < by_name.index("西安古城文化") < by_name.index("先锋电子")
    assert by_name.index("长城银行") < by_name.index("重庆山城物流")  # chang cheng < chong qing
    assert [r.name for r in listed(db, a, now, sort="name")] == by_name[::-1]
    provinces = [r.province for r in listed(db, a, now, sort="province", descending=False)]
    assert provinces == ["安徽", "北京", "北京", "重庆", "广东", "广东", "山西", "陕西", "上海"]
    cities = [r.city for r in listed(db, a, now, sort="city", descending=False)]
    assert cities[:5] == ["北京", "北京", "重庆", "广州", "合肥"]
    # The province filter goes by the key and the value: 山西 and 陕西 share "shan xi".
    assert [r.name for r in listed(db, a, now, province="山西")] == ["先锋电子"]


def test_owners_sort_in_pinyin_order_and_follow_assign_and_rename(db, people, now):
    p = people  # owners: Ada Admin, Nina North, 张伟 (zhang wei), Ned North, 李娜 (li na)
    for owner, name in [(p.rep_n1, "甲"), (p.rep_s1, "乙"), (p.rep_n2, "丙"), (p.admin, "丁")]:
        make(db, p.admin, now, name, owner=owner)
    owners = [r.owner_name for r in listed(db, p.admin, now, sort="owner", descending=False)]
    assert owners == ["Ada Admin", "李娜", "Ned North", "张伟"]
    (target,) = [r.id for r in listed(db, p.admin, now) if r.name == "丁"]
    run(db, p.admin.id, Target(ids=(target,)), now, assign_action(p.rep_n1.id, "other", "x", now))
    owners = [r.owner_name for r in listed(db, p.admin, now, sort="owner", descending=False)]
    assert owners == ["李娜", "Ned North", "张伟", "张伟"]
    with db.writing() as s:
        rename_user(s, p.rep_n2.id, "阿宁")
    owners = [r.owner_name for r in listed(db, p.admin, now, sort="owner", descending=False)]
    assert owners == ["阿宁", "李娜", "张伟", "张伟"]
    # A manager's list sorted by owner: only the team's, in the same order.
    team = [r.owner_name for r in listed(db, p.manager_n, now, sort="owner", descending=False)]
    assert team == ["阿宁", "张伟", "张伟"]
    # A surname read as one: 曾 is zeng (after li, before zhang), not ceng (before li)
    with db.writing() as s:
        rename_user(s, p.rep_n2.id, "曾宁")
    owners = [r.owner_name for r in listed(db, p.admin, now, sort="owner", descending=False)]
    assert owners == ["李娜", "曾宁", "张伟", "张伟"]


def test_pickers_list_in_pinyin_order_with_all_provinces(db, people, now):
    a = people.admin
    make(db, a, now, "甲", province="新疆", industry="制造业", source="展会")
    make(db, a, now, "乙", province="火星", industry="餐饮", source="官网")
    with db.reading() as s:
        choices = filter_choices(s, a)
    assert choices.industries == ("餐饮", "制造业")
    assert choices.sources == ("官网", "展会")
    assert set(regions.PROVINCES) <= set(choices.provinces) and "火星" in choices.provinces
    assert len(choices.provinces) == 35
    assert list(choices.provinces) == pinyin.sorted_by_pinyin(choices.provinces)
    assert choices.provinces[:2] == ("安徽", "澳门")
    names = [u.name for u in choices.owners]
    assert names == pinyin.sorted_by_pinyin(names)
