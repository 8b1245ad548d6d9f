"""Copying a database: the local file to PostgreSQL and MariaDB and a server back to a file, ids
kept, counts equal, search and new rows working in the target; a target holding data refused,
a cancelled copy leaving the target empty."""

from __future__ import annotations

import os

import pytest
from helpers import NOW, server_database
from sqlalchemy import func, select

from crmdesk.models import db_copy
from crmdesk.models.customer_list import CustomerQuery, list_customers
from crmdesk.models.database import open_database
from crmdesk.models.db_copy import CopyCancelled, copy_database
from crmdesk.models.demo import generate_demo
from crmdesk.models.errors import CrmError
from crmdesk.models.schema import Base, Customer, FollowUp, Team, User
from crmdesk.models.users import get_user

SERVERS = {"postgresql": "CRMDESK_TEST_PG_URL", "mariadb": "CRMDESK_TEST_MYSQL_URL"}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("copy") / "demo.sqlite"
    db = open_database(f"sqlite:///{path}")
    generate_demo(db, customers=60, seed=4, now=NOW, pooled=0)
    db.close()
    return f"sqlite:///{path}"


@pytest.fixture(params=list(SERVERS))
def empty_server(request):
    admin = os.environ.get(SERVERS[request.param])
    if not admin:
        pytest.skip(f"{SERVERS[request.param]} is not set")
    url, drop = server_database(admin, "crmdesk_copy")
    yield url
    drop()


def counts(url: str) -> dict[str, int]:
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            return {
                t.name: conn.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables
                if t.name != "customer_grams"
            }
    finally:
        db.close()


def first_customer(url: str) -> tuple[int, str, str]:
    db = open_database(url)
    try:
        with db.reading() as s:
            cid, name, owner = s.execute(
                select(Customer.id, Customer.name, Customer.owner_id).order_by(Customer.id)
            ).first()
            return cid, name, owner
    finally:
        db.close()


def found_by_search(url: str, term: str) -> list[int]:
    db = open_database(url)
    try:
        with db.reading() as s:
            admin = get_user(s, s.scalar(select(User.id).where(User.role == "admin")))
            rows = list_customers(s, admin, CustomerQuery(search=term, scope="all"), NOW, 0, 500)
            return sorted(r.id for r in rows)
    finally:
        db.close()


def admin_login(url: str) -> str:
    db = open_database(url)
    try:
        with db.reading() as s:
            return s.scalar(select(User.login).where(User.role == "admin").order_by(User.id))
    finally:
        db.close()


def test_the_local_file_copies_to_a_server_and_back(demo_file, empty_server, tmp_path):
    from crmdesk.models.auth import sign_in_db

    seen: list[tuple[int, int]] = []
    login = admin_login(demo_file)
    with pytest.raises(CrmError) as err:  # not an admin of the source: refused before copying
        copy_database(demo_file, empty_server, admin=("nobody", "a good password"))
    assert err.value.code == "copy_admin_unknown"
    result = copy_database(
        demo_file, empty_server, lambda d, t: seen.append((d, t)), admin=(login, "a good password")
    )
    source = counts(demo_file)
    assert result.rows == source
    assert counts(empty_server) == source
    assert result.rows["customers"] == 60 and result.total > 300
    assert seen[0][0] == 0 and seen[-1] == (result.total, result.total)
    cid, name, _owner = first_customer(demo_file)
    assert first_customer(empty_server)[:2] == (cid, name)  # ids kept
    term = name[:4]
    assert found_by_search(empty_server, term) == found_by_search(demo_file, term) != []
    db = open_database(empty_server)  # the admin can sign in on the server
    try:
        assert sign_in_db(db, login, "a good password", NOW).role == "admin"
    finally:
        db.close()
    # New rows take ids past the copied ones (sequences / AUTO_INCREMENT moved on).
    db = open_database(empty_server)
    try:
        with db.writing() as s:
            team = Team(name="新团队", created_at=NOW)
            s.add(team)
            s.flush()
            top = s.scalar(select(func.max(FollowUp.id)))
            assert team.id > source["teams"] and top is not None
    finally:
        db.close()
    # ... and a server copies back to a new file.
    back = f"sqlite:///{tmp_path / 'back.sqlite'}"
    copy_database(empty_server, back)
    expected = counts(empty_server)
    assert counts(back) == expected
    assert found_by_search(back, term) == found_by_search(demo_file, term)


def test_a_target_with_data_is_refused_and_left_alone(demo_file, tmp_path):
    target = f"sqlite:///{tmp_path / 'full.sqlite'}"
    copy_database(demo_file, target)
    before = counts(target)
    with pytest.raises(CrmError) as err:
        copy_database(demo_file, target)
    assert err.value.code == "target_not_empty"
    assert counts(target) == before


def test_a_cancelled_copy_leaves_the_target_empty(demo_file, tmp_path, monkeypatch):
    monkeypatch.setattr(db_copy, "CHUNK", 50)
    target = f"sqlite:///{tmp_path / 'cancelled.sqlite'}"
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CopyCancelled):
        copy_database(demo_file, target, cancelled=cancelled)
    after = counts(target)
    assert after["customers"] == 0 and after["users"] == 0
    copy_database(demo_file, target)  # still empty: the copy goes through now
    assert counts(target) == counts(demo_file)


def test_a_server_copy_checks_the_counts(demo_file, empty_server, monkeypatch):
    real = db_copy._count
    calls = {"n": 0}

    def off_by_one(conn, table):
        n = real(conn, table)
        if table.name == "contacts" and conn.dialect.name != "sqlite":
            calls["n"] += 1
            return n + 1 if calls["n"] > 1 else n  # the final check sees one row too many
        return n

    monkeypatch.setattr(db_copy, "_count", off_by_one)
    with pytest.raises(CrmError) as err:
        copy_database(demo_file, empty_server)
    assert err.value.code == "copy_mismatch" and err.value.params["table"] == "contacts"
    monkeypatch.undo()
    assert counts(empty_server)["customers"] == 0  # rolled back


def test_the_command_line_copies_and_refuses_a_full_target(demo_file, tmp_path):
    from test_server_setup import one_line_failure, run_cli

    target = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    done = run_cli("copy", "--from", demo_file, "--to", target)
    assert done.returncode == 0, done.stderr
    total = sum(counts(demo_file).values())
    assert done.stdout.startswith(f"copied {total:,} rows")
    assert "already holds data" in one_line_failure(run_cli("copy", "--from", demo_file,
                                                            "--to", target))  # fmt: skip
