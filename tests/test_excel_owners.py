"""Owners of an import's customers (excel_owners.py, ApplyContext.owner_for) on three backends:
from a column by name or login, the importing user, unknown names created, given to the
importer or refused, owners the importer may not assign to, and imports into a pool."""

from __future__ import annotations

import pytest
from excel_apply_helpers import LATER, plan_of
from sqlalchemy import select

from crmdesk.models import excel_apply, pool
from crmdesk.models.errors import PermissionDenied
from crmdesk.models.excel_types import ImportOptions
from crmdesk.models.schema import Customer, OwnershipEvent, Pool, PoolMember, User
from crmdesk.models.schema_imports import ImportItem


def run(db, actor, rows, kind="customers", **options):
    plan = plan_of(kind, rows)
    return excel_apply.apply(db, actor, plan, ImportOptions(**options), LATER)


def owners(db) -> dict[str, int | None]:
    with db.reading() as s:
        return dict(s.execute(select(Customer.name, Customer.owner_id)).all())


def test_owners_from_a_column_by_name_or_login(db, people):
    rows = [
        {"name": "甲", "owner": "张伟"},
        {"name": "乙", "owner": "rep_n2"},  # a login
        {"name": "丙", "owner": "NED NORTH"},  # case does not matter
        {"name": "丁"},  # no owner given: the importer
    ]
    result = run(db, people.manager_n, rows, owner_mode="column")
    assert result.created == 4
    n1, n2, m = people.rep_n1.id, people.rep_n2.id, people.manager_n.id
    assert owners(db) == {"甲": n1, "乙": n2, "丙": n2, "丁": m}
    with db.reading() as s:
        team = s.scalar(select(Customer.team_id).where(Customer.name == "甲"))
    assert team == people.rep_n1.team_id


def test_owner_mode_me_ignores_the_column(db, people):
    run(db, people.admin, [{"name": "甲", "owner": "张伟"}], owner_mode="me")
    assert owners(db) == {"甲": people.admin.id}


def test_a_rep_may_not_name_another_owner(db, people):
    rows = [{"name": "甲", "owner": "李娜"}, {"name": "乙", "owner": "张伟"}]
    result = run(db, people.rep_n1, rows, owner_mode="column")
    assert (result.created, result.failed, result.reasons) == (1, 1, {"owner_not_allowed": 1})
    (problem,) = result.problems
    assert (problem.row, problem.field, problem.code, problem.value) == (
        2, "owner", "owner_not_allowed", "李娜")  # fmt: skip
    assert problem.column == plan_of("customers", rows).headers.index("owner")
    assert owners(db) == {"乙": people.rep_n1.id}


def test_unknown_owners(db, people):
    rows = [{"name": "甲", "owner": "赵新人"}, {"name": "乙", "owner": "赵新人"},
            {"name": "丙", "owner": "Zed New"}]  # fmt: skip
    reject = run(db, people.admin, rows, owner_mode="column", unknown_owner="reject")
    assert (reject.created, reject.failed, reject.reasons) == (0, 3, {"unknown_owner": 3})
    me = run(db, people.manager_n, rows[:1], owner_mode="column", unknown_owner="me")
    assert me.created == 1 and owners(db) == {"甲": people.manager_n.id}
    # a manager may not make users: the rows fail, nobody is created
    refused = run(db, people.manager_n, rows[1:], owner_mode="column", unknown_owner="create")
    assert refused.reasons == {"owner_not_allowed": 2}
    made = run(db, people.admin, rows[1:], owner_mode="column", unknown_owner="create")
    assert made.created == 2
    with db.reading() as s:
        new = {
            u.name: u for u in s.scalars(select(User).where(User.name.in_(["赵新人", "Zed New"])))
        }
        assert {u.role for u in new.values()} == {"rep"} and all(u.active for u in new.values())
        assert new["赵新人"].login == "zhaoxinren" and new["Zed New"].login == "zednew"
        items = s.execute(
            select(ImportItem.entity, ImportItem.action, ImportItem.entity_id).where(
                ImportItem.import_id == made.import_id
            )
        ).all()
    assert sorted(items) == sorted(("user", "created", u.id) for u in new.values())
    assert owners(db)["乙"] == new["赵新人"].id and owners(db)["丙"] == new["Zed New"].id
    # the next import finds them by name
    again = run(db, people.admin, [{"name": "戊", "owner": "赵新人"}], owner_mode="column",
                unknown_owner="reject")  # fmt: skip
    assert again.created == 1


def test_into_a_pool(db, people):
    with db.writing() as s:
        pool.ensure_defaults(s, LATER)
        pool_id = s.scalar(select(Pool.id).order_by(Pool.id).limit(1))
    result = run(db, people.admin, [{"name": "甲", "owner": "张伟"}, {"name": "乙"}],
                 owner_mode="pool", pool_id=pool_id)  # fmt: skip
    assert result.created == 2
    with db.reading() as s:
        rows = s.execute(
            select(Customer.owner_id, Customer.pool_id, Customer.pool_entered_at,
                   Customer.team_id, Customer.received_at, Customer.owner_sort)
        ).all()  # fmt: skip
        assert rows == [(None, pool_id, LATER, None, None, "")] * 2
        events = s.execute(
            select(OwnershipEvent.kind, OwnershipEvent.to_owner_id, OwnershipEvent.pool_id)
        ).all()
        assert events == [("created", None, pool_id)] * 2
    with pytest.raises(PermissionDenied):  # only admins and the pool's admins fill a pool
        run(db, people.rep_n1, [{"name": "丙"}], owner_mode="pool", pool_id=pool_id)
    with db.writing() as s:
        s.add(PoolMember(pool_id=pool_id, user_id=people.rep_n1.id, is_admin=True))
    assert run(db, people.rep_n1, [{"name": "丙"}], owner_mode="pool", pool_id=pool_id).created


def test_follow_up_authors(db, people):
    run(db, people.rep_n1, [{"name": "甲"}])
    rows = [
        {"customer": "甲", "content": "电话", "happened_at": LATER, "author": "rep_n2"},
        {"customer": "甲", "content": "拜访", "happened_at": LATER, "author": "李娜"},
    ]
    result = run(db, people.manager_n, rows, kind="follow_ups", owner_mode="column")
    assert (result.created, result.reasons) == (1, {"owner_not_allowed": 1})
