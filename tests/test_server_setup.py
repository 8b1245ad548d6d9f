"""A server database is set up and upgraded only when asked: an empty one is ServerNotSetUp, an
older one SchemaTooOld until an admin upgrades it (upgrade_server checks the login against the
old schema); two upgrades at once take turns under the lock and neither fails."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
from helpers import NOW, server_database
from sqlalchemy import create_engine, text

from crmdesk.models import server_setup
from crmdesk.models.auth import (
    LOCK_AFTER,
    LOCK_MINUTES,
    SignInRefused,
    hash_password,
    sign_in_db,
)
from crmdesk.models.database import _alembic_config, open_database
from crmdesk.models.errors import CrmError, ValidationFailed
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


def at_revision(url: str, revision: str, users=()) -> None:
    """The database migrated to revision, with users (id, login, role, active, password hash)
    inserted by plain SQL, as an older crmdesk would have left them."""
    from alembic import command

    engine = create_engine(url)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        for i, login, role, active, hashed in users:
            conn.execute(
                text(
                    "INSERT INTO users (id, name, name_sort, login, role, team_id, active, "
                    "created_at, password_hash) VALUES (:i, :n, :n, :l, :r, NULL, :a, :at, :h)"
                ),
                {"i": i, "n": login, "l": login, "r": role, "a": active, "at": NOW, "h": hashed},
            )
    engine.dispose()


OLD_USERS = [(1, "Admin", "admin", True), (2, "rep", "rep", True), (3, "old", "admin", False)]


@pytest.fixture
def old_url(empty_url):
    """A server database as the previous crmdesk left it: at 0014, with an admin, a rep and an
    inactive admin, none with a password (nothing wrote password_hash before 0015)."""
    at_revision(empty_url, "0014", [(*user, None) for user in OLD_USERS])
    return empty_url


def hashes(url: str) -> dict[str, str | None]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return dict(conn.execute(text("SELECT login, password_hash FROM users")).all())
    finally:
        engine.dispose()


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


def test_an_older_server_needs_an_admin_to_upgrade_it_who_sets_a_password(old_url):
    with pytest.raises(SchemaTooOld) as err:
        open_database(old_url)
    assert err.value.params == {"found": "0014", "needed": HEAD}
    for login, new, error, params in [
        ("nobody", PASSWORD, SignInRefused, {"reason": "bad_credentials", "until": None}),
        ("old", PASSWORD, SignInRefused, {"reason": "inactive", "until": None}),
        ("rep", PASSWORD, UpgradeRefused, {"reason": "not_admin", "needed": HEAD}),
        ("admin", None, UpgradeRefused, {"reason": "needs_password", "needed": HEAD}),
    ]:
        with pytest.raises(error) as refused:
            upgrade_server(old_url, login, "", NOW, new_password=new)
        assert refused.value.params == params
    with pytest.raises(ValidationFailed) as weak:
        upgrade_server(old_url, "admin", "", NOW, new_password="short")
    assert weak.value.params["errors"] == [("password", "too_short")]
    assert revision(old_url) == "0014"  # nothing changed by a refusal
    assert set(hashes(old_url).values()) == {None}
    assert upgrade_server(old_url, " ADMIN ", "", NOW, new_password=PASSWORD) == ("0014", HEAD)
    assert revision(old_url) == HEAD
    db = open_database(old_url)
    try:
        user = sign_in_db(db, "admin", PASSWORD, NOW)
        assert user.role == "admin" and not user.must_change_password
        assert refuse(lambda: sign_in_db(db, "rep", PASSWORD, NOW)) == "no_password"
    finally:
        db.close()
    assert upgrade_server(old_url, "admin", PASSWORD, NOW) == (HEAD, HEAD)
    with pytest.raises(SignInRefused):  # a password once set is the one checked
        upgrade_server(old_url, "admin", "another one", NOW, new_password="another one")


def refuse(attempt) -> str:
    with pytest.raises(SignInRefused) as refused:
        attempt()
    return refused.value.params["reason"]


def test_wrong_upgrade_passwords_lock_the_account_as_sign_in_does(old_url):
    upgrade_server(old_url, "admin", "", NOW, new_password=PASSWORD)
    for _ in range(LOCK_AFTER):
        assert refuse(lambda: upgrade_server(old_url, "admin", "wrong!", NOW)) == (
            "bad_credentials"
        )
    # locked: the right password too, through the upgrade and the sign-in alike
    assert refuse(lambda: upgrade_server(old_url, "admin", PASSWORD, NOW)) == "locked"
    db = open_database(old_url)
    try:
        assert refuse(lambda: sign_in_db(db, "admin", PASSWORD, NOW)) == "locked"
        later = NOW + timedelta(minutes=LOCK_MINUTES, seconds=1)
        assert upgrade_server(old_url, "admin", PASSWORD, later) == (HEAD, HEAD)
        assert sign_in_db(db, "admin", PASSWORD, later).login == "Admin"
    finally:
        db.close()


def test_an_old_schema_without_the_lock_out_columns_refuses_after_five_failures(empty_url):
    """Not a database an older crmdesk wrote (none had passwords): a hash set by hand at 0014,
    whose users table has no failed_logins. The failures are counted in this process."""
    at_revision(empty_url, "0014", [(1, "boss", "admin", True, hash_password(PASSWORD))])
    for _ in range(LOCK_AFTER):
        assert refuse(lambda: upgrade_server(empty_url, "boss", "wrong!", NOW)) == (
            "bad_credentials"
        )
    assert refuse(lambda: upgrade_server(empty_url, "boss", PASSWORD, NOW)) == "locked"
    assert revision(empty_url) == "0014"
    later = NOW + timedelta(minutes=LOCK_MINUTES)
    assert upgrade_server(empty_url, "boss", PASSWORD, later) == ("0014", HEAD)


def test_a_locked_out_admin_cannot_upgrade_until_the_lock_ends(empty_url):
    at_revision(empty_url, "head", [(1, "Admin", "admin", True, hash_password(PASSWORD))])
    engine = create_engine(empty_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE users SET locked_until = :t WHERE id = 1"),
                     {"t": NOW + timedelta(minutes=10)})  # fmt: skip
    engine.dispose()
    assert refuse(lambda: upgrade_server(empty_url, "admin", PASSWORD, NOW)) == "locked"
    later = NOW + timedelta(minutes=11)
    assert upgrade_server(empty_url, "admin", PASSWORD, later) == (HEAD, HEAD)


def test_two_upgrades_at_once_take_turns(old_url):
    results: list[tuple[str, str]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def admin() -> None:
        try:
            start.wait()
            # whichever comes first sets the password; the other is checked against it
            results.append(upgrade_server(old_url, "admin", PASSWORD, NOW, PASSWORD))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=admin) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert errors == []
    assert sorted(results) == sorted([("0014", HEAD), (HEAD, HEAD)])
    assert revision(old_url) == HEAD


def test_a_held_lock_makes_the_other_upgrade_wait_then_give_up(old_url, monkeypatch):
    monkeypatch.setattr(server_setup, "UPGRADE_WAIT_S", 1.0)
    engine = create_engine(old_url)
    try:
        with upgrade_lock(engine):
            with pytest.raises(UpgradeInProgress):
                open_database(old_url, upgrade=True)
            assert revision(old_url) == "0014"
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
    db = open_database(empty_url)
    try:
        assert sign_in_db(db, "boss", PASSWORD, NOW).role == "admin"
    finally:
        db.close()


def test_the_command_line_upgrades_as_an_admin_who_gets_a_password(old_url):
    nobody = run_cli("upgrade", "--db", old_url, "--login", "nobody", password="nope")
    assert "password" in one_line_failure(nobody)
    rep = run_cli("upgrade", "--db", old_url, "--login", "rep", password=PASSWORD)
    assert "administrator" in one_line_failure(rep)
    weak = run_cli("upgrade", "--db", old_url, "--login", "admin", password="admin")
    assert weak.returncode == 1 and "8 characters" in weak.stderr
    assert revision(old_url) == "0014"
    done = run_cli("upgrade", "--db", old_url, "--login", "admin", password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"upgraded from 0014 to {HEAD}"
    assert "password is set" in done.stderr
    again = run_cli("upgrade", "--db", old_url, "--login", "admin", password=PASSWORD)
    assert again.returncode == 0 and "nothing to do" in again.stdout
    wrong = run_cli("upgrade", "--db", old_url, "--login", "admin", password="not it at all")
    assert "password is wrong" in one_line_failure(wrong)


def test_the_command_line_sets_a_password_for_whoever_holds_the_database(old_url):
    open_database(old_url, upgrade=True).close()  # at HEAD, nobody with a password
    db = open_database(old_url)
    try:
        assert refuse(lambda: sign_in_db(db, "rep", PASSWORD, NOW)) == "no_password"
        no_password = run_cli("set-password", "--db", old_url, "--login", "rep")
        assert "CRMDESK_PASSWORD" in one_line_failure(no_password)
        unknown = run_cli("set-password", "--db", old_url, "--login", "who", password=PASSWORD)
        assert "No user has the login who" in one_line_failure(unknown)
        weak = run_cli("set-password", "--db", old_url, "--login", "rep", password="shorty")
        assert "8 characters" in one_line_failure(weak)
        done = run_cli("set-password", "--db", old_url, "--login", " REP ", password=PASSWORD)
        assert done.returncode == 0 and done.stdout.strip() == "password set for rep"
        assert sign_in_db(db, "rep", PASSWORD, NOW).login == "rep"
        for _ in range(LOCK_AFTER):  # locked out, then unlocked by a new password
            refuse(lambda: sign_in_db(db, "rep", "wrong!", NOW))
        assert refuse(lambda: sign_in_db(db, "rep", PASSWORD, NOW)) == "locked"
        args = ("set-password", "--db", old_url, "--login", "rep", "--must-change")
        assert run_cli(*args, password="a new one 7").returncode == 0
        assert sign_in_db(db, "rep", "a new one 7", NOW).must_change_password
    finally:
        db.close()


def test_demo_data_on_a_server_gives_its_admin_a_password_or_says_how(empty_url):
    from crmdesk.models.users import os_login

    done = run_cli("demo", "--db", empty_url, "--customers", "20")
    assert done.returncode == 0, done.stderr
    assert "crmdesk set-password --db " in done.stderr and os_login() in done.stderr
    again = run_cli("demo", "--db", empty_url, "--customers", "20", password=PASSWORD)
    assert again.returncode == 0, again.stderr
    db = open_database(empty_url)
    try:
        assert sign_in_db(db, os_login(), PASSWORD, NOW).role == "admin"
    finally:
        db.close()


def test_two_first_admins_at_once_make_one(empty_url, monkeypatch):
    """Both clients found the server empty; the second waits for the first's commit, then
    sees its admin: already_set_up."""
    from crmdesk.models import auth

    hash_slowly = auth.hash_password

    def slow(password: str) -> str:  # widens the window between the count and the insert
        time.sleep(0.5)
        return hash_slowly(password)

    monkeypatch.setattr(auth, "hash_password", slow)
    dbs = [open_database(empty_url, setup=True) for _ in range(2)]
    made, refused = [], []
    start = threading.Barrier(2)

    def first_admin(db, login: str) -> None:
        start.wait()
        try:
            made.append(db.write(lambda s: auth.create_first_admin(
                s, login, login, PASSWORD, NOW)).value)  # fmt: skip
        except CrmError as exc:
            refused.append(exc.code)

    threads = [
        threading.Thread(target=first_admin, args=(db, login))
        for db, login in zip(dbs, ("anna", "bert"), strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    try:
        assert len(made) == 1 and refused == ["already_set_up"]
        count = dbs[0].read(lambda s: s.execute(text("SELECT count(*) FROM users")).scalar())
        assert count == 1
    finally:
        for db in dbs:
            db.close()
