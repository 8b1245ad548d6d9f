"""A server database is set up and upgraded only when asked: an empty one is ServerNotSetUp, an
older one SchemaTooOld until an admin upgrades it (upgrade_server checks the login against the
old schema); two upgrades at once take turns under the lock and neither fails."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from helpers import NOW, server_database
from sqlalchemy import create_engine, text

from crmdesk.models import server_setup
from crmdesk.models.auth import SignInRefused, hash_password
from crmdesk.models.database import _alembic_config, open_database
from crmdesk.models.migrations import HEAD
from crmdesk.models.server_setup import (
    SchemaTooOld,
    ServerNotSetUp,
    UpgradeInProgress,
    UpgradeRefused,
    upgrade_lock,
    upgrade_server,
)

SERVERS = {"postgresql": "CRMDESK_TEST_PG_URL", "mariadb": "CRMDESK_TEST_MYSQL_URL"}
PASSWORD = "correct horse"


@pytest.fixture(params=list(SERVERS))
def empty_url(request):
    admin = os.environ.get(SERVERS[request.param])
    if not admin:
        pytest.skip(f"{SERVERS[request.param]} is not set")
    url, drop = server_database(admin, "crmdesk_setup")
    yield url
    drop()


@pytest.fixture
def old_url(empty_url):
    """A server database at 0001 with an admin, a rep and an inactive admin (passwords set)."""
    from alembic import command

    engine = create_engine(empty_url)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        for i, (login, role, active) in enumerate(
            [("Admin", "admin", True), ("rep", "rep", True), ("old", "admin", False)], 1
        ):
            conn.execute(
                text(
                    "INSERT INTO users (id, name, login, role, team_id, active, created_at, "
                    "password_hash) VALUES (:i, :n, :l, :r, NULL, :a, :at, :h)"
                ),
                {"i": i, "n": login, "l": login, "r": role, "a": active, "at": NOW,
                 "h": hash_password(PASSWORD)},
            )  # fmt: skip
    engine.dispose()
    return empty_url


def revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


def test_an_empty_server_is_set_up_only_when_asked(empty_url):
    with pytest.raises(ServerNotSetUp) as err:
        open_database(empty_url)
    assert "crmdesk_setup" in err.value.params["url"]
    engine = create_engine(empty_url)
    with engine.connect() as conn:  # nothing was written
        assert not conn.dialect.has_table(conn, "alembic_version")
    engine.dispose()
    open_database(empty_url, setup=True).close()
    assert revision(empty_url) == HEAD
    open_database(empty_url).close()  # set up: opens as it is


def test_an_older_server_needs_an_admin_to_upgrade_it(old_url):
    with pytest.raises(SchemaTooOld) as err:
        open_database(old_url)
    assert err.value.params == {"found": "0001", "needed": HEAD}
    for login, password, reason in [
        ("admin", "wrong password", "bad_credentials"),
        ("nobody", PASSWORD, "bad_credentials"),
        ("old", PASSWORD, "inactive"),
    ]:
        with pytest.raises(SignInRefused) as refused:
            upgrade_server(old_url, login, password, NOW)
        assert refused.value.params["reason"] == reason
    with pytest.raises(UpgradeRefused) as refused:
        upgrade_server(old_url, "rep", PASSWORD, NOW)
    assert refused.value.params == {"reason": "not_admin", "needed": HEAD}
    assert revision(old_url) == "0001"  # nothing changed by a refusal
    assert upgrade_server(old_url, " ADMIN ", PASSWORD, NOW) == ("0001", HEAD)
    assert revision(old_url) == HEAD
    open_database(old_url).close()
    assert upgrade_server(old_url, "admin", PASSWORD, NOW) == (HEAD, HEAD)


def test_a_locked_out_admin_cannot_upgrade_until_the_lock_ends(old_url):
    from alembic import command

    engine = create_engine(old_url)
    cfg = _alembic_config()
    with engine.begin() as conn:  # to a schema that has the lock-out columns (0015)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.execute(text("UPDATE users SET locked_until = :t WHERE id = 1"),
                     {"t": NOW + timedelta(minutes=10)})  # fmt: skip
    engine.dispose()
    with pytest.raises(SignInRefused) as refused:
        upgrade_server(old_url, "admin", PASSWORD, NOW)
    assert refused.value.params["reason"] == "locked"
    later = NOW + timedelta(minutes=11)
    assert upgrade_server(old_url, "admin", PASSWORD, later) == (HEAD, HEAD)


def test_two_upgrades_at_once_take_turns(old_url):
    results: list[tuple[str, str]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def admin() -> None:
        try:
            start.wait()
            results.append(upgrade_server(old_url, "admin", PASSWORD, NOW))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=admin) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert errors == []
    assert sorted(results) == sorted([("0001", HEAD), (HEAD, HEAD)])
    assert revision(old_url) == HEAD


def test_a_held_lock_makes_the_other_upgrade_wait_then_give_up(old_url, monkeypatch):
    monkeypatch.setattr(server_setup, "UPGRADE_WAIT_S", 1.0)
    engine = create_engine(old_url)
    try:
        with upgrade_lock(engine):
            with pytest.raises(UpgradeInProgress):
                open_database(old_url, upgrade=True)
            assert revision(old_url) == "0001"
    finally:
        engine.dispose()
    open_database(old_url, upgrade=True).close()  # free again
    assert revision(old_url) == HEAD


def run_cli(*args: str, password: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CRMDESK_PASSWORD"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if password is not None:
        env["CRMDESK_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "crmdesk", *args], capture_output=True, text=True, timeout=300,
        env=env, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def one_line_failure(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crmdesk: "), done.stderr
    return lines[0]


def test_the_command_line_sets_a_server_up_once(empty_url):
    no_password = run_cli("setup", "--db", empty_url, "--login", "boss", "--name", "Boss")
    assert "CRMDESK_PASSWORD" in one_line_failure(no_password)
    args = ("setup", "--db", empty_url, "--login", "boss", "--name", "Boss")
    done = run_cli(*args, password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "first admin: boss" in done.stdout
    assert "already has users" in one_line_failure(run_cli(*args, password=PASSWORD))
    from crmdesk.models.auth import sign_in_db

    db = open_database(empty_url)
    try:
        assert sign_in_db(db, "boss", PASSWORD, NOW).role == "admin"
    finally:
        db.close()


def test_the_command_line_upgrades_as_an_admin(old_url):
    wrong = run_cli("upgrade", "--db", old_url, "--login", "admin", password="nope")
    assert "password" in one_line_failure(wrong)
    rep = run_cli("upgrade", "--db", old_url, "--login", "rep", password=PASSWORD)
    assert "administrator" in one_line_failure(rep)
    assert revision(old_url) == "0001"
    done = run_cli("upgrade", "--db", old_url, "--login", "admin", password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"upgraded from 0001 to {HEAD}"
    again = run_cli("upgrade", "--db", old_url, "--login", "admin", password=PASSWORD)
    assert again.returncode == 0 and "nothing to do" in again.stdout
