"""The Excel import's answers to the review of issue 11, on three backends: repeats within the
file by the duplicate mode, a contact that does not fit, who may import, owner names two users
share, too many new users, and two desktops importing the same file at once."""

from __future__ import annotations

import threading

import pytest
from excel_apply_helpers import LATER, plan_of
from sqlalchemy import func, select

from crmdesk.models import excel_apply
from crmdesk.models.contacts import MAX_CONTACTS
from crmdesk.models.errors import PermissionDenied
from crmdesk.models.excel_fields import suggest_mapping
from crmdesk.models.excel_owners import MAX_NEW_USERS
from crmdesk.models.excel_plan import validate
from crmdesk.models.excel_types import ImportOptions, SheetData, ValueOptions
from crmdesk.models.schema import Contact, Customer, User
from crmdesk.models.schema_imports import Import
from crmdesk.models.users import get_user


def sheet_plan(rows: list[list], mode: str, key: str = "name"):
    header = ["客户名称", "联系人", "手机", "所属行业"]
    data = SheetData("t.xlsx", "S", ("S",), [header, *rows], len(header))
    mapping = suggest_mapping("customers", header)
    return validate("customers", data, 1, mapping, ValueOptions(), key, on_duplicate=mode)


REPEATED = [
    ["星辰", "张三", "13811110001", ""],
    ["月亮", "李四", "13811110002", ""],
    ["星辰", "王五", "13811110003", "软件"],  # the same customer, another contact
]


def contacts_of(db, name: str) -> list[str]:
    with db.reading() as s:
        stmt = select(Contact.name).join(Customer).where(Customer.name == name)
        return sorted(s.scalars(stmt.order_by(Contact.id)))


@pytest.mark.parametrize("mode", ["fill", "overwrite"])
def test_a_repeat_in_the_file_updates_what_its_first_row_made(db, people, mode):
    plan = sheet_plan(REPEATED, mode)
    options = ImportOptions(dedupe_key="name", on_duplicate=mode)
    result = excel_apply.apply(db, people.admin, plan, options, LATER)
    assert (result.created, result.updated, result.skipped, result.failed) == (2, 1, 0, 0)
    assert contacts_of(db, "星辰") == ["张三", "王五"]
    with db.reading() as s:
        assert s.scalar(select(Customer.industry).where(Customer.name == "星辰")) == "软件"
        assert s.scalar(select(func.count()).select_from(Customer)) == 2


def test_a_repeat_in_the_file_is_skipped_or_created_as_the_mode_says(db, people):
    plan = sheet_plan(REPEATED, "skip")
    skip = ImportOptions(dedupe_key="name", on_duplicate="skip")
    result = excel_apply.apply(db, people.admin, plan, skip, LATER)
    assert (result.created, result.skipped, result.failed) == (2, 1, 0)
    assert result.reasons == {"exists_in_file": 1}
    assert [(p.row, p.code, p.value) for p in result.problems] == [(4, "exists_in_file", "2")]
    with db.reading() as s:
        record = s.get(Import, result.import_id)
        assert (record.rows_done, record.skipped, record.failed) == (3, 1, 0)
    create = ImportOptions(dedupe_key="name", on_duplicate="create")
    again = excel_apply.apply(db, people.admin, sheet_plan(REPEATED, "create"), create, LATER)
    assert (again.created, again.skipped, again.failed) == (3, 0, 0)


def test_a_contact_that_does_not_fit_is_never_an_update_with_nothing_written(db, people):
    excel_apply.apply(db, people.admin, plan_of("customers", [{"name": "满"}]),
                      ImportOptions(), LATER)  # fmt: skip
    with db.writing() as s:
        cid = s.scalar(select(Customer.id).where(Customer.name == "满"))
        for n in range(MAX_CONTACTS):
            s.add(Contact(customer_id=cid, name=f"人{n}", mobile=f"139{n:08d}",
                          mobile_digits=f"139{n:08d}", is_primary=n == 0,
                          created_at=LATER))  # fmt: skip
    fill = ImportOptions(dedupe_key="name", on_duplicate="fill")
    only = plan_of("customers", [{"name": "满", "contact_name": "新人", "mobile": "13700000000"}])
    result = excel_apply.apply(db, people.admin, only, fill, LATER)
    assert (result.updated, result.failed, result.reasons) == (0, 1, {"too_many_contacts": 1})
    both = plan_of("customers", [{"name": "满", "contact_name": "新人", "mobile": "13700000000",
                                  "industry": "制造"}])  # fmt: skip
    result = excel_apply.apply(db, people.admin, both, fill, LATER)
    assert (result.updated, result.failed, result.skipped) == (1, 0, 0)
    assert [p.code for p in result.problems] == ["too_many_contacts"]  # the note
    assert len(contacts_of(db, "满")) == MAX_CONTACTS


@pytest.mark.parametrize("kind", ["customers", "contacts", "deals", "follow_ups"])
def test_finance_imports_no_customers_contacts_deals_or_follow_ups(db, people, kind):
    with db.writing() as s:
        user = User(name="财务", login="fin", role="finance", active=True, created_at=LATER)
        s.add(user)
        s.flush()
        finance = get_user(s, user.id)
    row = {"name": "甲"} if kind in ("customers", "contacts") else {"customer": "甲"}
    with pytest.raises(PermissionDenied):
        excel_apply.apply(db, finance, plan_of(kind, [row]), ImportOptions(dedupe_key=""), LATER)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Import)) == 0
        assert s.scalar(select(func.count()).select_from(Customer)) == 0


def test_an_owner_name_two_users_share_is_ambiguous_but_a_login_is_exact(db, people):
    with db.writing() as s:
        s.add(User(name="张伟", login="zw2", role="rep", active=True, created_at=LATER))
    rows = [{"name": "甲", "owner": "张伟"}, {"name": "乙", "owner": "rep_n1"}]
    for unknown in ("me", "create"):
        result = excel_apply.apply(db, people.admin, plan_of("customers", rows), ImportOptions(
            dedupe_key="", owner_mode="column", unknown_owner=unknown), LATER)  # fmt: skip
        assert (result.created, result.reasons) == (1, {"ambiguous_owner": 1})
        assert [(p.row, p.field) for p in result.problems] == [(2, "owner")]
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(User).where(User.name == "张伟")) == 2
        owners = set(s.scalars(select(Customer.owner_id)))
    assert owners == {people.rep_n1.id}


def test_too_many_new_owner_names_say_so_and_make_nobody(db, people):
    rows = [{"name": f"客户{n}", "owner": f"新人{n}"} for n in range(MAX_NEW_USERS + 1)]
    options = ImportOptions(dedupe_key="", owner_mode="column", unknown_owner="create")
    result = excel_apply.apply(db, people.admin, plan_of("customers", rows), options, LATER)
    assert (result.created, result.reasons) == (0, {"too_many_new_users": MAX_NEW_USERS + 1})
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 6  # People's


def test_users_are_made_only_for_rows_validate_passed(db, people):
    header = ["客户名称", "负责人", "手机"]
    rows = [
        header,
        ["甲", "新人甲", "13811112222"],
        ["乙", "新人乙", "1"],  # a bad phone
        ["甲", "新人丙", "13811113333"],  # a repeat: skipped within the file
    ]
    data = SheetData("t.xlsx", "S", ("S",), rows, 3)
    plan = validate("customers", data, 1, suggest_mapping("customers", header), ValueOptions(),
                    "name")  # fmt: skip
    options = ImportOptions(dedupe_key="name", owner_mode="column", unknown_owner="create")
    result = excel_apply.apply(db, people.admin, plan, options, LATER)
    assert (result.created, result.skipped, result.failed) == (1, 1, 1)
    with db.reading() as s:
        made = sorted(s.scalars(select(User.name).where(User.name.like("新人%"))))
    assert made == ["新人甲"]


def test_two_desktops_importing_the_same_file_at_once_create_each_row_once(db, people):
    rows = [{"name": f"并发{n}", "external_id": f"EXT{n:04d}"} for n in range(400)]
    plan = plan_of("customers", rows)
    options = ImportOptions(dedupe_key="external_id", on_duplicate="skip", chunk=50)
    start = threading.Barrier(2)
    results, errors = [], []

    def run() -> None:
        try:
            start.wait()
            results.append(excel_apply.apply(db, people.admin, plan, options, LATER))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert sorted(r.created for r in results) == sorted(400 - r.skipped for r in results)
    assert sum(r.created for r in results) == 400
    with db.reading() as s:
        total, distinct = s.execute(
            select(func.count(), func.count(func.distinct(Customer.external_id)))
        ).one()
    assert total == distinct == 400
