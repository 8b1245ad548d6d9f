"""A database written by the previous program (schema 0001) is upgraded with its data: the
customer rows gain their owner's team and primary contact, the servers' search gains n-grams,
and the list finds what it found before, on every backend."""

from __future__ import annotations

import os
from datetime import datetime
from unittest import mock

import pytest
from helpers import server_database
from sqlalchemy import create_engine, text

from crmdesk.models import pinyin
from crmdesk.models.customer_list import (
    CustomerQuery,
    count_customers,
    filter_choices,
    list_customers,
)
from crmdesk.models.customers import find_duplicates
from crmdesk.models.database import _alembic_config, open_database
from crmdesk.models.search import build_body
from crmdesk.models.users import get_user

AT = datetime(2026, 1, 5, 9, 0)
BACKENDS = {
    "sqlite": None,
    "postgresql": "CRMDESK_TEST_PG_URL",
    "mariadb": "CRMDESK_TEST_MYSQL_URL",
}


@pytest.fixture(params=list(BACKENDS))
def url_0001(request, tmp_path):
    """A database at schema 0001 holding two teams' customers, as the old program left them."""
    if request.param == "sqlite":
        url, drop = f"sqlite:///{tmp_path / 'old.sqlite'}", lambda: None
    else:
        admin = os.environ.get(BACKENDS[request.param])
        if not admin:
            pytest.skip(f"{BACKENDS[request.param]} is not set")
        url, drop = server_database(admin, "crmdesk_migrate")
    from alembic import command

    engine = create_engine(url)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        rows = [
            "INSERT INTO teams (id, name, created_at) VALUES (1, '北', :at), (2, '南', :at)",
            "INSERT INTO users (id, name, login, role, team_id, active, created_at) VALUES "
            "(1, '管理员', 'admin', 'admin', NULL, TRUE, :at), "
            "(2, '曾经理', 'boss', 'manager', 1, TRUE, :at), "
            "(3, '小王', 'wang', 'rep', 1, TRUE, :at), "
            "(4, '小李', 'li', 'rep', 2, TRUE, :at)",
        ]
        for i, (name, owner) in enumerate(
            [("星辰科技有限公司", 3), ("华信贸易", 4), ("科达电子", 2), ("无主公司", None)], 1
        ):
            rows.append(
                "INSERT INTO customers (id, name, level, industry, province, city, address, "
                "company_size, source, status, tags, notes, owner_id, created_at, updated_at, "
                f"version) VALUES ({i}, '{name}', 'C', '', '', '', '', '', '', 'lead', "
                f"'{'VIP,重点客户' if i == 2 else ''}', '', "
                f"{'NULL' if owner is None else owner}, :at, :at, 1)"
            )
        contacts = [(1, "王伟", "13812345678", False), (1, "赵敏", "13900001111", True),
                    (2, "李雷", "", False), (2, "韩梅", "+86 138-0000-2222", False)]  # fmt: skip
        for n, (cid, name, mobile, primary) in enumerate(contacts, 1):
            bare = "".join(ch for ch in mobile if ch.isdigit())  # what 0001 stored
            rows.append(
                "INSERT INTO contacts (id, customer_id, name, title, mobile, phone, mobile_digits,"
                " phone_digits, email, wechat, is_primary, created_at) VALUES "
                f"({n}, {cid}, '{name}', '', '{mobile}', '', '{bare}', '', '', '', "
                f"{'TRUE' if primary else 'FALSE'}, :at)"
            )
        for sql in rows:
            conn.execute(text(sql), {"at": AT})
        people = {
            1: ("星辰科技有限公司", [("王伟", "13812345678", ""), ("赵敏", "13900001111", "")]),
            2: ("华信贸易", [("李雷", "", ""), ("韩梅", "+86 138-0000-2222", "")]),
            3: ("科达电子", []),
            4: ("无主公司", []),
        }
        with mock.patch.object(pinyin, "search_lines", lambda text: []):  # as 0001 stored them
            bodies = {cid: build_body(*spec) for cid, spec in people.items()}
        assert "xingchen" not in bodies[1]
        for cid, body in bodies.items():
            conn.execute(
                text("INSERT INTO customer_search (customer_id, body) VALUES (:i, :b)"),
                {"i": cid, "b": body},
            )
        if conn.dialect.name == "sqlite":
            from crmdesk.models.search import bigrams

            for cid, body in bodies.items():
                conn.execute(
                    text("INSERT INTO customer_fts_tri(rowid, body) VALUES (:i, :b)"),
                    {"i": cid, "b": body},
                )
                conn.execute(
                    text("INSERT INTO customer_fts_bi(rowid, body) VALUES (:i, :b)"),
                    {"i": cid, "b": bigrams(body)},
                )
    engine.dispose()
    yield url
    drop()


def test_an_old_database_is_upgraded_with_its_data(url_0001):
    db = open_database(url_0001, upgrade=True)
    try:
        with db.reading() as s:
            admin, manager = get_user(s, 1), get_user(s, 2)
            rows = {r.id: r for r in list_customers(s, admin, CustomerQuery(), AT, 0, 100)}
            assert rows[1].contact_name == "赵敏" and rows[1].contact_mobile == "13900001111"
            assert rows[2].contact_name == "李雷" and rows[3].contact_name == ""

            def found(actor, term):
                q = CustomerQuery(search=term)
                ids = [r.id for r in list_customers(s, actor, q, AT, 0, 100)]
                assert count_customers(s, actor, q, AT) == len(ids)
                return sorted(ids)

            assert found(admin, "科技") == [1]
            assert found(admin, "星辰科技") == [1]
            assert found(admin, "13812") == [1]
            assert found(admin, "王伟") == [1]
            # 0007: the customer nobody owned sits in the first pool, the pool page's now
            assert found(admin, "公司") == [1]
            in_pool = s.execute(text("SELECT pool_id, owner_id FROM customers WHERE id = 4"))
            pool_id, owner_id = in_pool.one()
            assert pool_id is not None and owner_id is None
            assert found(manager, "") == [1, 3]  # the team's, by the new team_id
            assert found(manager, "华信") == []
            # 0003: a number stored with +86 is a duplicate of the bare number
            dupes = find_duplicates(s, "", ["13800002222"])
            assert [d.customer_id for d in dupes] == [2]
            # 0005: pinyin sort keys and the pinyin lines of the search texts
            assert found(admin, "xingchen") == [1]
            assert found(admin, "zm") == [1]  # the contact 赵敏
            assert found(admin, "hxmy") == [2]

            def order(sort, descending=False):
                q = CustomerQuery(sort=sort, descending=descending)
                return [r.id for r in list_customers(s, admin, q, AT, 0, 100)]

            # hua xin, ke da, xing chen (wu zhu is in the pool)
            assert order("name") == [2, 3, 1]
            assert order("name", descending=True) == [1, 3, 2]
            # owners: xiao li (2), xiao wang (1), zeng jing li (3): 0016 reads 曾 as a surname
            assert order("owner") == [2, 1, 3]
            assert get_user(s, 2).name == "曾经理"
            keys = s.execute(text("SELECT owner_sort FROM customers WHERE owner_id = 2"))
            assert keys.scalars().all() == ["zeng jing li"]
            assert [d.customer_id for d in find_duplicates(s, "科达电子")] == [3]
            # 0006: tags as rows for the tag filter, and found by search
            tagged = CustomerQuery(tags=("重点客户", "VIP"))
            assert [r.id for r in list_customers(s, admin, tagged, AT)] == [2]
            assert found(admin, "重点") == [2] and found(admin, "hxmy") == [2]
            assert filter_choices(s, admin).tags == ("VIP", "重点客户")
    finally:
        db.close()


def test_the_upgrade_can_be_undone_and_redone(url_0001):
    """With the program's own engine (foreign keys on, on SQLite): undoing must not lose a
    customer's contacts, as a table rebuild would."""
    from alembic import command

    from crmdesk.models.database import create_db_engine

    engine = create_db_engine(url_0001)
    cfg = _alembic_config()
    try:
        for target in ("head", "0001", "head"):
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target) if target == "head" else command.downgrade(cfg, target)
    finally:
        engine.dispose()
    db = open_database(url_0001, upgrade=True)
    try:
        with db.reading() as s:
            q = CustomerQuery(search="星辰科技")
            assert [r.contact_name for r in list_customers(s, get_user(s, 1), q, AT)] == ["赵敏"]
            assert s.scalar(text("SELECT count(*) FROM contacts")) == 4
    finally:
        db.close()


def test_a_pool_can_be_added_after_the_upgrade_made_the_first(url_0001):
    from crmdesk.models import pool
    from crmdesk.models.checks import utc_now

    db = open_database(url_0001, upgrade=True)  # 0007 made the first pool (公海) with its id given
    try:
        with db.writing() as s:
            admin = get_user(s, 1)
            new_id = pool.save_pool(s, admin, None, pool.PoolInput(name="华东公海", everyone=True),
                                    utc_now())  # fmt: skip
        assert new_id == 2
    finally:
        db.close()
