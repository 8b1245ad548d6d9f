"""Business rules of customers, run on SQLite, PostgreSQL and MariaDB without Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from crmdesk.models.contacts import ContactInput, list_contacts, remove_contact, save_contact
from crmdesk.models.customer_card import read_card
from crmdesk.models.customer_list import (
    CustomerQuery,
    count_customers,
    list_customers,
    list_deleted,
)
from crmdesk.models.customers import (
    CustomerInput,
    collisions,
    conflict_losses,
    create_customer,
    find_duplicates,
    get_customer,
    merge_edit,
    update_customer,
)
from crmdesk.models.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from crmdesk.models.follow_ups import (
    FollowUpInput,
    add_follow_up,
    list_follow_ups,
    list_ownership_events,
)
from crmdesk.models.saved_views import delete_view, list_saved_views, save_view
from crmdesk.models.workspace import Workspace


def make(db, actor, now, name, contacts=(), owner=None, **fields):
    with db.writing() as s:
        return create_customer(
            s,
            actor,
            CustomerInput(name=name, **fields),
            now,
            contacts=contacts,
            owner_id=owner.id if owner else None,
        )


def ws(db, actor, now):
    return Workspace(db, actor, clock=lambda: now)


def names(db, actor, now, **query):
    with db.reading() as s:
        q = CustomerQuery(**query)
        rows = list_customers(s, actor, q, now)
        assert count_customers(s, actor, q, now) == len(rows)
        return [r.name for r in rows]


def test_visibility_by_role(db, people, now):
    p = people
    make(db, p.rep_n1, now, "北方一号")
    make(db, p.rep_n2, now, "北方二号")
    make(db, p.rep_s1, now, "南方一号")
    make(db, p.admin, now, "总部客户")
    assert sorted(names(db, p.rep_n1, now)) == ["北方一号"]
    assert sorted(names(db, p.manager_n, now)) == ["北方一号", "北方二号"]
    assert sorted(names(db, p.manager_s, now)) == ["南方一号"]
    assert len(names(db, p.admin, now)) == 4
    # the scope filter narrows within what is visible, never widens it
    assert names(db, p.rep_n1, now, scope="all") == ["北方一号"]
    assert names(db, p.admin, now, scope="mine") == ["总部客户"]


def test_rep_cannot_open_or_edit_a_colleagues_customer(db, people, now):
    cid = make(db, people.rep_s1, now, "别人的客户")
    with db.reading() as s, pytest.raises(NotFound):  # hidden answers like missing
        get_customer(s, people.rep_n1, cid)
    result = ws(db, people.rep_n1, now).delete_customers([cid])
    assert result.value.changed == 0 and result.change.empty
    with db.reading() as s:
        assert get_customer(s, people.manager_s, cid).data.name == "别人的客户"


def test_search_finds_name_contact_and_phone_substrings(db, people, now):
    a = people.admin
    make(
        db,
        a,
        now,
        "北京星辰科技有限公司",
        contacts=[ContactInput(name="王小明", mobile="138-1234-5678")],
    )
    make(
        db,
        a,
        now,
        "上海华信贸易有限公司",
        contacts=[ContactInput(name="Li Lei", phone="021 5555 0001")],
    )
    make(db, a, now, "深圳科达电子有限公司")
    assert sorted(names(db, a, now, search="科技")) == ["北京星辰科技有限公司"]
    assert sorted(names(db, a, now, search="星辰科技")) == ["北京星辰科技有限公司"]
    assert sorted(names(db, a, now, search="科")) == [
        "北京星辰科技有限公司",
        "深圳科达电子有限公司",
    ]
    assert names(db, a, now, search="小明") == ["北京星辰科技有限公司"]
    assert names(db, a, now, search="12345") == ["北京星辰科技有限公司"]  # digits of 138-1234-5678
    assert names(db, a, now, search="1234-56") == ["北京星辰科技有限公司"]
    assert names(db, a, now, search="li lei") == ["上海华信贸易有限公司"]
    assert names(db, a, now, search="LEI") == ["上海华信贸易有限公司"]
    assert names(db, a, now, search="5555") == ["上海华信贸易有限公司"]
    assert names(db, a, now, search="华信 贸易") == ["上海华信贸易有限公司"]
    assert names(db, a, now, search="100%") == []
    assert names(db, a, now, search="不存在") == []


def test_search_follows_contact_edits(db, people, now):
    a = people.admin
    cid = make(db, a, now, "杭州云帆网络有限公司", contacts=[ContactInput(name="赵敏")])
    with db.writing() as s:
        contact_id = list_contacts(s, cid)[0].id
        save_contact(s, a, cid, contact_id, ContactInput(name="周芷若", mobile="13900001111"), now)
    assert names(db, a, now, search="赵敏") == []
    assert names(db, a, now, search="周芷若") == ["杭州云帆网络有限公司"]
    assert names(db, a, now, search="0000111") == ["杭州云帆网络有限公司"]
    with db.writing() as s:
        remove_contact(s, a, cid, contact_id)
    assert names(db, a, now, search="周芷若") == []


def test_filters_and_sort(db, people, now):
    a = people.admin
    make(db, a, now, "A公司", level="A", industry="制造业", province="广东", status="customer")
    make(db, a, now, "B公司", level="B", industry="制造业", province="浙江", source="展会")
    make(db, a, now - timedelta(days=1), "C公司", level="C", industry="贸易", province="广东")
    assert names(db, a, now, level="A") == ["A公司"]
    assert sorted(names(db, a, now, industry="制造业")) == ["A公司", "B公司"]
    assert sorted(names(db, a, now, province="广东", industry="制造业")) == ["A公司"]
    assert names(db, a, now, source="展会") == ["B公司"]
    assert names(db, a, now, status="customer") == ["A公司"]
    assert names(db, a, now, sort="name", descending=False) == ["A公司", "B公司", "C公司"]
    assert names(db, a, now, sort="name", descending=True) == ["C公司", "B公司", "A公司"]
    assert names(db, a, now, sort="created_at", descending=False)[0] == "C公司"


def test_paging_is_stable_and_complete(db, people, now):
    for i in range(25):
        make(db, people.admin, now, f"客户{i:02d}")
    with db.reading() as s:
        q = CustomerQuery(sort="updated_at")  # all share one updated_at: id breaks the tie
        pages = [list_customers(s, people.admin, q, now, offset, 10) for offset in (0, 10, 20)]
    ids = [r.id for page in pages for r in page]
    assert len(ids) == 25 and len(set(ids)) == 25


def test_follow_up_updates_last_and_next(db, people, now):
    a = people.rep_n1
    cid = make(db, a, now, "跟进客户")
    first = now - timedelta(days=3)
    with db.writing() as s:
        add_follow_up(
            s, a, cid, FollowUpInput("call", "电话沟通", first, now + timedelta(days=7)), now
        )
    with db.reading() as s:
        d = get_customer(s, a, cid)
    assert d.last_follow_up_at == first and d.next_follow_up_at == now + timedelta(days=7)
    # an older entry logged late does not move last_follow_up_at back
    with db.writing() as s:
        add_follow_up(s, a, cid, FollowUpInput("note", "补记", first - timedelta(days=5)), now)
    with db.reading() as s:
        d = get_customer(s, a, cid)
        timeline = list_follow_ups(s, cid)
    assert d.last_follow_up_at == first and d.next_follow_up_at == now + timedelta(days=7)
    assert [f.content for f in timeline] == ["电话沟通", "补记"]  # newest first
    # a follow-up after the planned date fulfils it
    with db.writing() as s:
        add_follow_up(s, a, cid, FollowUpInput("visit", "上门", now + timedelta(days=8)), now)
    with db.reading() as s:
        d = get_customer(s, a, cid)
    assert d.next_follow_up_at is None and d.last_follow_up_at == now + timedelta(days=8)


def test_follow_up_validation_and_overdue_filter(db, people, now):
    a = people.admin
    cid = make(db, a, now, "逾期客户")
    make(db, a, now, "正常客户")
    with db.writing() as s, pytest.raises(ValidationFailed) as err:
        add_follow_up(s, a, cid, FollowUpInput("call", "  ", now), now)
    assert ("content", "required") in err.value.params["errors"]
    with db.writing() as s:
        add_follow_up(
            s,
            a,
            cid,
            FollowUpInput("call", "约了", now - timedelta(days=10), now - timedelta(days=2)),
            now,
        )
    assert names(db, a, now, overdue=True) == ["逾期客户"]


def test_duplicates_by_name_and_phone_name_the_owner(db, people, now):
    make(
        db,
        people.rep_s1,
        now,
        "广州恒通物流有限公司",
        contacts=[ContactInput(name="陈晨", mobile="139 0000 1234")],
        owner=people.rep_s1,
    )
    with db.reading() as s:
        by_name = find_duplicates(s, " 广州恒通物流有限公司 ")
        by_phone = find_duplicates(s, "别的名字", ["13900001234"])
        none = find_duplicates(s, "别的名字", ["13900009999"])
    assert [(d.field, d.owner_name) for d in by_name] == [("name", "李娜")]
    assert [(d.field, d.customer_name) for d in by_phone] == [("phone", "广州恒通物流有限公司")]
    assert by_phone[0].value == "139 0000 1234"  # as the colleague wrote it
    assert none == []
    # whether the one asking may open it: the owner and an admin may, a rep of the north not
    for actor, visible in ((people.rep_s1, True), (people.admin, True), (people.rep_n1, False)):
        with db.reading() as s:
            found = find_duplicates(s, "", ["13900001234"], actor=actor)
        assert [d.visible for d in found] == [visible]


def test_validation(db, people, now):
    with db.writing() as s, pytest.raises(ValidationFailed) as err:
        create_customer(
            s,
            people.admin,
            CustomerInput(name=" ", level="Z"),
            now,
            contacts=[ContactInput(name="x", mobile="abc", email="no-at")],
        )
    errors = err.value.params["errors"]
    assert ("name", "required") in errors and ("level", "invalid") in errors
    assert ("contacts.0.mobile", "invalid_mobile") in errors
    assert ("contacts.0.email", "invalid_email") in errors


def test_soft_delete_and_restore_keep_everything(db, people, now):
    a = people.rep_n1
    cid = make(db, a, now, "回收站客户", contacts=[ContactInput(name="刘洋", mobile="13700000000")])
    with db.writing() as s:
        add_follow_up(s, a, cid, FollowUpInput("call", "第一次联系", now), now)
    deleted = ws(db, a, now).delete_customers([cid])
    assert deleted.value.changed == 1 and deleted.change.kinds == {"deleted"}
    assert names(db, a, now) == []
    assert names(db, a, now, search="刘洋") == []
    with db.reading() as s:
        bin_rows = list_deleted(s, a, CustomerQuery(), now)
        with pytest.raises(NotFound):
            get_customer(s, a, cid)
    assert [(r.name, r.deleted_by_name) for r in bin_rows] == [("回收站客户", "张伟")]
    restored = ws(db, a, now).restore_customers([cid])
    assert restored.change.customer_ids == {cid} and restored.change.kinds == {"restored"}
    assert names(db, a, now, search="刘洋") == ["回收站客户"]
    with db.reading() as s:
        assert len(list_contacts(s, cid)) == 1
        assert len(list_follow_ups(s, cid)) == 1
        assert list_deleted(s, a, CustomerQuery(), now) == []


def test_assign_and_transfer_record_ownership_events(db, people, now):
    p = people
    cid = make(db, p.manager_n, now, "交接客户", owner=p.rep_n1)
    changed = ws(db, p.manager_n, now).assign_customers([cid], p.rep_n2.id, "handover", "离职交接")
    assert changed.change.customer_ids == {cid} and changed.change.kinds == {"ownership"}
    with db.reading() as s:
        events = list_ownership_events(s, cid)
        assert get_customer(s, p.rep_n2, cid).owner_name == "Ned North"
    assert [(e.kind, e.from_name, e.to_name) for e in events] == [
        ("transferred", "张伟", "Ned North"),
        ("created", "", "张伟"),
    ]
    assert events[0].reason_code == "handover" and events[0].reason_text == "离职交接"
    assert events[0].actor_name == "Nina North"
    # a manager may not hand a customer to another team; "other" needs words
    with pytest.raises(PermissionDenied):
        ws(db, p.manager_n, now).assign_customers([cid], p.rep_s1.id, "rebalance", "")
    with pytest.raises(ValidationFailed):
        ws(db, p.manager_n, now).assign_customers([cid], p.rep_n1.id, "other", " ")


def test_conflict_losses_and_merge_are_field_by_field():
    base = CustomerInput(name="客户", city="北京", notes="旧", level="B")
    mine = CustomerInput(name="客户", city="北京", notes="我的备注", level="A")
    theirs = CustomerInput(name="客户", city="杭州", notes="他的备注", level="A")
    # level: both made it A, nothing lost; notes: mine differs from theirs
    assert conflict_losses(base, mine, theirs) == ["notes"]
    merged = merge_edit(base, mine, theirs)
    assert (merged.city, merged.notes, merged.level) == ("杭州", "我的备注", "A")
    assert conflict_losses(base, base, theirs) == []
    assert collisions(base, mine, theirs) == ["notes"]
    assert collisions(base, replace(mine, notes="旧"), theirs) == []  # level: the same A


def test_keep_mine_saves_my_fields_keeps_theirs_and_is_recorded(db, people, now):
    p = people
    cid = make(db, p.rep_n1, now, "覆盖客户", notes="旧")
    with db.reading() as s:
        mine = get_customer(s, p.rep_n1, cid)
        theirs = get_customer(s, p.manager_n, cid)
    with db.writing() as s:
        update_customer(
            s,
            p.manager_n,
            cid,
            CustomerInput(name="覆盖客户", city="杭州", notes="经理的"),
            theirs,
            now,
        )
    typed = CustomerInput(name="覆盖客户", notes="我的备注", level="A")
    with db.writing() as s, pytest.raises(Conflict) as err:
        update_customer(s, p.rep_n1, cid, typed, mine, now)
    current = err.value.params["current"]
    assert conflict_losses(mine.data, typed, current) == ["level", "notes"]
    later = now + timedelta(minutes=3)
    with db.writing() as s:
        saved = update_customer(s, p.rep_n1, cid, typed, mine, later, overwrite=True)
    assert (saved.data.city, saved.data.notes, saved.data.level) == ("杭州", "我的备注", "A")
    with db.reading() as s:
        card = read_card(s, p.rep_n1, cid)
    assert [(e.kind, e.actor_name, e.other_name, e.fields, e.at) for e in card.edits] == [
        ("overwrote", p.rep_n1.name, p.manager_n.name, ("notes",), later)
    ]
    # without a conflict, overwrite changes nothing and records nothing
    with db.writing() as s:
        update_customer(s, p.rep_n1, cid, typed, card.detail, later, overwrite=True)
    with db.reading() as s:
        assert len(read_card(s, p.rep_n1, cid).edits) == 1


def test_stale_edit_raises_conflict_naming_who_and_what(db, people, now):
    p = people
    cid = make(db, p.rep_n1, now, "并发客户")
    with db.reading() as s:
        mine = get_customer(s, p.rep_n1, cid)
        theirs = get_customer(s, p.manager_n, cid)
    with db.writing() as s:
        update_customer(
            s, p.manager_n, cid, CustomerInput(name="并发客户", city="杭州", level="A"), theirs, now
        )
    with db.writing() as s, pytest.raises(Conflict) as err:
        update_customer(
            s, p.rep_n1, cid, CustomerInput(name="并发客户", notes="我的备注"), mine, now
        )
    assert err.value.params["by"] == "Nina North"
    assert sorted(err.value.params["fields"]) == ["city", "level"]
    with db.reading() as s:
        fresh = get_customer(s, p.rep_n1, cid)
    assert fresh.data.city == "杭州" and fresh.data.notes == ""
    with db.writing() as s:  # after reloading, the edit goes through
        saved = update_customer(
            s,
            p.rep_n1,
            cid,
            CustomerInput(name="并发客户二", city="杭州", notes="我的备注"),
            fresh,
            now,
        )
    assert saved.version == fresh.version + 1
    assert names(db, p.rep_n1, now, search="客户二") == ["并发客户二"]


def test_tags_add_and_remove(db, people, now):
    a = people.admin
    ids = [make(db, a, now, n, tags=("老客户",)) for n in ("甲", "乙")]
    ws(db, a, now).change_tag(ids, "重点", True)
    ws(db, a, now).change_tag(ids[:1], "老客户", False)
    with db.reading() as s:
        assert get_customer(s, a, ids[0]).data.tags == ("重点",)
        assert get_customer(s, a, ids[1]).data.tags == ("老客户", "重点")


def test_contacts_keep_one_primary(db, people, now):
    a = people.admin
    cid = make(db, a, now, "联系人客户", contacts=[ContactInput(name="甲")])
    with db.writing() as s:
        second = save_contact(s, a, cid, None, ContactInput(name="乙", is_primary=True), now)
        rows = list_contacts(s, cid)
        assert [(c.data.name, c.data.is_primary) for c in rows] == [("乙", True), ("甲", False)]
        remove_contact(s, a, cid, second)
        assert [(c.data.name, c.data.is_primary) for c in list_contacts(s, cid)] == [("甲", True)]


def test_saved_views_round_trip(db, people, now):
    a = people.rep_n1
    q = CustomerQuery(search="科技", level="A", sort="name", descending=False)
    with db.writing() as s:
        vid = save_view(
            s, a, "customers", "A级科技", {"query": q.to_dict(), "columns": ["name"]}, now
        )
        save_view(s, a, "customers", "A级科技", {"query": q.to_dict(), "columns": ["level"]}, now)
    with db.reading() as s:
        views = list_saved_views(s, a, "customers")
        assert list_saved_views(s, people.rep_n2, "customers") == []
    assert [(v.id, v.name) for v in views] == [(vid, "A级科技")]
    assert CustomerQuery.from_dict(views[0].payload["query"]) == q
    assert views[0].payload["columns"] == ["level"]
    with db.writing() as s:
        delete_view(s, a, vid)
    with db.reading() as s:
        assert list_saved_views(s, a, "customers") == []


def test_common_terms_walk_the_sort_index_with_the_same_results(db, people, now, monkeypatch):
    """On SQLite a page whose terms are all common tests each row instead of using the FTS
    match set; both ways must find exactly the same customers in the same order."""
    from crmdesk.models import search

    a = people.admin
    make(
        db,
        a,
        now,
        "北京星辰科技有限公司",
        contacts=[ContactInput(name="王小明", mobile="13812345678")],
    )
    make(db, a, now, "深圳科达电子有限公司", contacts=[ContactInput(name="Li Lei")])
    make(db, a, now, "上海科技贸易有限公司")
    queries = ["科技", "科", "星辰科技", "12345", "li", "科 有限", "kj", "keji", "bjxc", "wxm"]
    by_index = {q: names(db, a, now, search=q, sort="name", descending=False) for q in queries}
    monkeypatch.setattr(
        search, "common_threshold", lambda customers, dialect="sqlite": -1
    )  # everything is common
    by_walk = {q: names(db, a, now, search=q, sort="name", descending=False) for q in queries}
    assert by_walk == by_index
    # In pinyin order: bei jing before shang hai (code points would put 上 before 北).
    assert by_index["科技"] == ["北京星辰科技有限公司", "上海科技贸易有限公司"]
    # Full pinyin and initials find Chinese names, by either path.
    assert by_index["kj"] == by_index["keji"] == by_index["科技"]
    assert by_index["bjxc"] == ["北京星辰科技有限公司"]
    assert by_index["wxm"] == ["北京星辰科技有限公司"]  # the contact 王小明


@pytest.mark.parametrize("sort", ["next_follow_up_at", "name", "owner", "updated_at"])
def test_pages_read_from_the_end_equal_pages_read_from_the_start(db, people, now, sort):
    """Given the total, far pages are read in the reversed order (no deep OFFSET): the rows
    and their order must be exactly those of the plain plan, NULLs and ties included."""
    a = people.admin
    ids = [
        make(
            db,
            a,
            now - timedelta(minutes=i % 4),
            f"客户{i % 7:02d}",
            owner=(a, people.rep_n1)[i % 2],
        )
        for i in range(23)
    ]
    with db.writing() as s:  # some NULL next dates, some equal ones
        for n, cid in enumerate(ids[::3]):
            fu = FollowUpInput("call", "约", now, now + timedelta(days=1 + n % 2))
            add_follow_up(s, a, cid, fu, now)
    for descending in (True, False):
        q = CustomerQuery(sort=sort, descending=descending)
        with db.reading() as s:
            plain = [r.id for off in range(0, 23, 5) for r in list_customers(s, a, q, now, off, 5)]
            from_end = [
                r.id for off in range(0, 23, 5) for r in list_customers(s, a, q, now, off, 5, 23)
            ]
        assert len(plain) == 23 and from_end == plain, (sort, descending)


def test_unticking_primary_passes_the_role_on(db, people, now):
    """Editing the primary contact and unticking Primary must not leave the customer without
    one: the role goes to the next contact, or stays when there is no other."""
    a = people.admin
    cid = make(
        db, a, now, "主联系人客户", contacts=[ContactInput(name="甲"), ContactInput(name="乙")]
    )

    def primary() -> list[str]:
        with db.reading() as s:
            return [c.data.name for c in list_contacts(s, cid) if c.data.is_primary]

    with db.reading() as s:
        first, second = (c.id for c in sorted(list_contacts(s, cid), key=lambda c: c.id))
    assert primary() == ["甲"]
    with db.writing() as s:
        save_contact(s, a, cid, first, ContactInput(name="甲", title="经理"), now)
    assert primary() == ["乙"]
    with db.writing() as s:
        remove_contact(s, a, cid, first)
        save_contact(s, a, cid, second, ContactInput(name="乙", is_primary=False), now)
    assert primary() == ["乙"]  # the only contact stays primary


def test_demo_data_has_no_impossible_dates(db, now):
    from sqlalchemy import select

    from crmdesk.models.demo import generate_demo
    from crmdesk.models.schema import Customer

    generate_demo(db, customers=300, seed=3, now=now)
    with db.reading() as s:
        rows = s.execute(
            select(Customer.created_at, Customer.last_follow_up_at, Customer.next_follow_up_at)
        ).all()
    assert len(rows) == 300
    for created, last, planned in rows:
        assert last is None or created <= last <= now
        assert planned is None or planned > (last or created)


def test_ids_of_a_range_are_those_of_the_pages(db, people, now):
    """A selection of rows never loaded stands for customer_ids(range): exactly the ids the
    pages show there, in order, for the list and for the recycle bin."""
    from crmdesk.models.customer_list import customer_ids, deleted_ids

    a = people.admin
    ids = [make(db, a, now - timedelta(minutes=i), f"区间客户{i:02d}") for i in range(30)]
    q = CustomerQuery(sort="name", descending=False)
    with db.reading() as s:
        shown = [r.id for off in range(0, 30, 10) for r in list_customers(s, a, q, now, off, 10)]
        assert customer_ids(s, a, q, now, 7, 15) == shown[7:22]
    w = ws(db, a, now)
    w.delete_customers(ids[:12])
    with db.reading() as s:
        bin_rows = [r.id for r in list_deleted(s, a, CustomerQuery(), now, 0, 100)]
        assert deleted_ids(s, a, CustomerQuery(), now, 3, 6) == bin_rows[3:9]


def test_demo_data_is_consistent(db, now):
    """What a user would check first: no follow-up before its customer existed, the list's
    last and next follow-up dates are those of the log, tags in step with their rows."""
    from sqlalchemy import select

    from crmdesk.models import pinyin
    from crmdesk.models.demo import generate_demo
    from crmdesk.models.schema import Customer, CustomerTag, FollowUp

    generate_demo(db, customers=300, seed=3, now=now)
    with db.reading() as s:
        customers = {c.id: c for c in s.scalars(select(Customer))}
        logs: dict[int, list] = {}
        for f in s.scalars(select(FollowUp).order_by(FollowUp.happened_at, FollowUp.id)):
            logs.setdefault(f.customer_id, []).append(f)
        tag_rows = {tuple(r) for r in s.execute(select(CustomerTag.customer_id, CustomerTag.tag))}
    planned = 0
    for cid, c in customers.items():
        log = logs.get(cid, [])
        assert all(c.created_at <= f.happened_at <= now for f in log)
        assert c.last_follow_up_at == (log[-1].happened_at if log else None)
        if c.pool_id is None:
            assert c.next_follow_up_at == (log[-1].next_follow_up_at if log else None)
        else:  # a plan is its owner's; the log keeps it
            assert c.next_follow_up_at is None
        if c.pool_id is None:
            assert c.updated_at == max([c.created_at] + [f.happened_at for f in log])
        else:  # let go after all that happened, which stays on record for the next owner
            assert (
                c.updated_at
                == c.pool_entered_at
                >= max([c.created_at] + [f.happened_at for f in log])
            )
        if c.next_follow_up_at is not None:
            planned += 1
            assert c.next_follow_up_at > c.last_follow_up_at
    assert 30 < planned < 200  # some customers have a next follow-up planned, not all
    assert all(c.name_sort == pinyin.sort_key(c.name) for c in customers.values())
    assert tag_rows == {(cid, t) for cid, c in customers.items() for t in c.tags.split(",") if t}
    assert len(tag_rows) > 30
