"""A pool's list and a pool customer's card on SQLite, PostgreSQL and MariaDB: who sees which
pool, contacts masked for everyone but the pool's admins (in rows, cards and search results),
a full phone number still finding its customer, the filters, the count, and the customer list
leaving the pools' customers to the pool page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import NOW
from test_pool import make_pool

from crmdesk.models import pool_actions as actions
from crmdesk.models.contacts import ContactInput
from crmdesk.models.customer_list import CustomerQuery
from crmdesk.models.customers import CustomerInput, create_customer
from crmdesk.models.errors import NotFound
from crmdesk.models.pool_list import PoolQuery, mask_email, mask_phone, mask_text
from crmdesk.models.workspace import Workspace

LATER = NOW + timedelta(days=10)


def ws(db, actor, now=LATER):
    return Workspace(db, actor, clock=lambda: now)


def released(db, owner, pool_id, names, *, code="no_need", at=NOW, **data):
    """Customers created by `owner` (each with a primary contact), released to the pool."""
    ids = []
    with db.writing() as s:
        for i, name in enumerate(names):
            contact = ContactInput(
                name=f"联系人{i}",
                mobile=f"1381234{i:04d}",
                email=f"zhang{i}@example.com",
                wechat=f"wx_zhang{i}",
                is_primary=True,
            )
            ids.append(create_customer(s, owner, CustomerInput(name=name, **data), at, [contact]))
    db.write(lambda s: actions.release(s, owner, ids, code, "", at, pool_id))
    return ids


def test_masks():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138-1234-5678") == "+86 138-****-5678"
    assert mask_phone("+8613812345678") == "+86138****5678"
    assert mask_phone("0086 13812345678") == "0086 138****5678"
    assert mask_phone("010-12345678") == "010-****5678"
    assert mask_phone("1234") == "**34"
    assert mask_phone("") == ""
    assert mask_email("zhang@example.com") == "z***@example.com"
    assert mask_text("wx_zhang") == "w***"
    assert mask_text("") == ""


def test_a_member_sees_the_pool_masked_and_its_admin_in_clear(db, people):
    p = people
    pool_id = make_pool(db, p.admin, member_team_ids=(p.rep_n1.team_id,), everyone=False,
                        admin_ids=(p.manager_n.id,))  # fmt: skip
    ids = released(db, p.rep_n2, pool_id, ["星辰科技", "远航贸易"])

    rows = ws(db, p.rep_n1).list_pool(PoolQuery(pool_id=pool_id), 0, 100)
    assert {r.id for r in rows} == set(ids)
    assert {r.contact_mobile for r in rows} == {"138****0000", "138****0001"}
    assert {r.released_by_name for r in rows} == {p.rep_n2.name}
    assert {r.release_code for r in rows} == {"no_need"}
    assert ws(db, p.rep_n1).count_pool(PoolQuery(pool_id=pool_id)) == 2

    clear = ws(db, p.manager_n).list_pool(PoolQuery(pool_id=pool_id), 0, 100)
    assert {r.contact_mobile for r in clear} == {"13812340000", "13812340001"}

    # The other team is no member: the pool does not exist for it.
    with pytest.raises(NotFound):
        ws(db, p.rep_s1).list_pool(PoolQuery(pool_id=pool_id), 0, 100)
    assert pool_id not in {x.id for x in ws(db, p.rep_s1).pools()}
    assert pool_id in {x.id for x in ws(db, p.rep_n1).pools()}


def test_a_member_reads_the_card_masked_and_may_not_edit(db, people):
    p = people
    pool_id = make_pool(db, p.admin)
    [cid] = released(db, p.rep_n2, pool_id, ["星辰科技"])

    card = ws(db, p.rep_s1).customer_card(cid)  # everyone's pool: another team's rep reads it
    assert not card.detail.editable
    [contact] = card.contacts
    assert (contact.data.mobile, contact.data.email, contact.data.wechat) == (
        "138****0000", "z***@example.com", "w***")  # fmt: skip
    assert [e.kind for e in card.events] == ["released", "created"]  # its history, newest first
    assert card.events[0].reason_code == "no_need"

    admin_card = ws(db, p.admin).customer_card(cid)
    assert admin_card.contacts[0].data.mobile == "13812340000"


def test_a_full_phone_number_finds_a_pool_customer_without_showing_it(db, people):
    p = people
    pool_id = make_pool(db, p.admin)
    ids = released(db, p.rep_n2, pool_id, ["星辰科技", "远航贸易"])
    found = ws(db, p.rep_s1).list_pool(PoolQuery(pool_id=pool_id, search="13812340001"), 0, 100)
    assert [(r.id, r.contact_mobile) for r in found] == [(ids[1], "138****0001")]


def test_filters_sort_and_count(db, people):
    p = people
    pool_id = make_pool(db, p.admin)
    old = released(db, p.rep_n1, pool_id, ["甲公司", "乙公司"], level="A", at=NOW)
    new = released(db, p.rep_n2, pool_id, ["丙公司"], level="B", code="competitor",
                   at=NOW + timedelta(days=8))  # fmt: skip
    w = ws(db, p.rep_s1)

    def ids(**query):
        return [r.id for r in w.list_pool(PoolQuery(pool_id=pool_id, **query), 0, 100)]

    assert ids() == [*new, *sorted(old, reverse=True)]  # newest entries first, then by id
    assert ids(descending=False) == [*sorted(old), *new]
    assert ids(level="A") == sorted(old, reverse=True)
    assert ids(min_days=5) == sorted(old, reverse=True)  # 10 days in the pool, not 2
    assert ids(released_by_id=p.rep_n2.id) == new
    assert ids(release_code="no_need") == sorted(old, reverse=True)
    assert ids(release_code="wrong_info") == []
    assert w.count_pool(PoolQuery(pool_id=pool_id, level="A")) == 2
    assert w.pool_ids(PoolQuery(pool_id=pool_id), 1, 2) == sorted(old, reverse=True)
    page = w.list_pool(PoolQuery(pool_id=pool_id), 1, 1)
    assert [r.id for r in page] == [max(old)]


def test_the_customer_list_leaves_pool_customers_to_the_pool_page(db, people):
    p = people
    pool_id = make_pool(db, p.admin)
    with db.writing() as s:
        kept = create_customer(s, p.rep_n1, CustomerInput(name="留下的客户"), NOW)
    gone = released(db, p.rep_n1, pool_id, ["放回的客户"])
    for actor in (p.admin, p.manager_n, p.rep_n1):
        scope = "all" if actor.is_admin else "team" if actor.is_manager else "mine"
        rows = ws(db, actor).list_customers(CustomerQuery(scope=scope), 0, 100)
        assert [r.id for r in rows] == [kept], actor.login
        assert ws(db, actor).count_customers(CustomerQuery()) == 1
    assert ws(db, p.admin).count_pool(PoolQuery(pool_id=pool_id)) == len(gone)


def test_the_filters_offer_what_the_pools_customers_have(db, people):
    p = people
    pool_id = make_pool(db, p.admin)
    other = make_pool(db, p.admin, name="金融行业公海")
    released(db, p.rep_n1, pool_id, ["甲公司"], industry="制造", source="展会")
    released(db, p.rep_n2, pool_id, ["乙公司"], industry="贸易", province="北京")
    released(db, p.rep_s1, other, ["丙公司"], industry="金融", source="官网")
    with db.writing() as s:
        create_customer(s, p.rep_n1, CustomerInput(name="私海", industry="教育"), NOW)
    choices = ws(db, p.rep_s1).pool_choices(pool_id)
    assert choices.industries == ("贸易", "制造")  # pinyin order: mao yi, zhi zao
    assert choices.sources == ("展会",)
    assert "北京" in choices.provinces and len(choices.provinces) == 34  # all of China's
    assert choices.released_by == ((p.rep_n2.id, p.rep_n2.name), (p.rep_n1.id, p.rep_n1.name))


def test_a_duplicate_in_the_pool_says_so_and_its_members_may_open_it(db, people):
    p = people
    pool_id = make_pool(db, p.admin, member_team_ids=(p.rep_n1.team_id,), everyone=False)
    [cid] = released(db, p.rep_n2, pool_id, ["星辰科技"])
    [found] = ws(db, p.rep_n1).find_duplicates("", ["+86 138-1234-0000"])
    assert (found.customer_id, found.owner_name, found.pool_name) == (cid, "", "华东公海")
    assert found.visible  # a member: Open shows it (read-only) instead of a copy being made
    [other] = ws(db, p.rep_s1).find_duplicates("星辰科技", [])
    assert other.pool_name == "华东公海" and not other.visible  # named, but not to be opened


def test_a_member_cannot_read_a_masked_number_by_searching_parts_of_it(db, people):
    p = people
    pool_id = make_pool(db, p.admin, admin_ids=(p.manager_n.id,))
    ids = released(db, p.rep_n2, pool_id, ["星辰科技", "远航贸易"])
    member, admin = ws(db, p.rep_s1), ws(db, p.manager_n)

    def found(w, text):
        return [r.id for r in w.list_pool(PoolQuery(pool_id=pool_id, search=text), 0, 100)]

    # 138****0001 shown: searching 1381, 13812 … would reveal the hidden digits one by one
    for fragment in ("1381", "13812340", "2340001", "0001", "星辰 1381"):
        assert found(member, fragment) == ([ids[0]] if fragment.startswith("星辰") else []), (
            fragment)  # fmt: skip
    assert sorted(found(admin, "1381234")) == sorted(ids)  # the pool's admin sees them anyway
    assert found(member, "+86 138-1234-0001") == [ids[1]]  # a whole number, written any way
    assert found(member, "13812340001") == [ids[1]]
    assert ws(db, p.rep_s1).count_pool(PoolQuery(pool_id=pool_id, search="1381")) == 0


def test_a_pools_admin_hands_its_customers_to_its_members_only(db, people):
    from crmdesk.models.errors import PermissionDenied

    p = people
    pool_id = make_pool(db, p.admin, everyone=False, member_team_ids=(p.rep_n1.team_id,),
                        admin_ids=(p.rep_n1.id,))  # fmt: skip
    [cid] = released(db, p.rep_n2, pool_id, ["星辰科技"])
    rep_admin = ws(db, p.rep_n1)  # a rep who administers the pool
    members = rep_admin.pool_members(pool_id)
    # the north team, and administrators (who may use every pool)
    assert {u.id for u in members} == {p.admin.id, p.manager_n.id, p.rep_n1.id, p.rep_n2.id}
    with pytest.raises(PermissionDenied):  # the south team is no member
        rep_admin.assign_from_pool(pool_id, [cid], p.rep_s1.id)
    assert rep_admin.assign_from_pool(pool_id, [cid], p.rep_n2.id).value.claimed == (cid,)
    with pytest.raises(PermissionDenied):
        ws(db, p.rep_n2).pool_members(pool_id)  # a member, not its admin
