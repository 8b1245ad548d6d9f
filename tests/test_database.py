"""Opening databases: pragmas, migrations, refusing a newer schema, backups."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from crmdesk import paths
from crmdesk.models import database
from crmdesk.models.database import backup_sqlite, normalize_url, open_database, schema_state
from crmdesk.models.errors import DatabaseUnavailable, MigrationFailed, SchemaTooNew
from crmdesk.models.migrations import HEAD


def test_default_database_lives_in_crmdesk_home(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path))
    db = open_database(None)
    try:
        assert db.is_local
        assert (tmp_path / "data" / "crmdesk.sqlite").exists()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        current, head = schema_state(db.engine)
        assert current == head
    finally:
        db.close()
    assert paths.log_dir() == tmp_path / "logs"


def test_newer_schema_is_refused(db):
    with db.engine.begin() as conn:
        current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    try:
        with pytest.raises(SchemaTooNew) as err:
            open_database(db.url.render_as_string(hide_password=False))
        assert err.value.params["found"] == "9999_future"
    finally:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": current})


def test_backup_is_a_consistent_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path))
    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        copy = backup_sqlite(db.engine, "test")
    finally:
        db.close()
    assert copy.parent == tmp_path / "data" / "backups"
    with sqlite3.connect(copy) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"customers", "contacts", "follow_ups", "alembic_version"} <= tables


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(DatabaseUnavailable):
        open_database("postgresql://nobody@127.0.0.1:1/none")


def test_url_normalization():
    assert normalize_url("postgresql://u@h/db").startswith("postgresql+psycopg://")
    assert "charset=utf8mb4" in normalize_url("mysql://root@h/db")


def test_head_constant_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    from crmdesk.models.database import _alembic_config
    from crmdesk.models.migrations import HEAD

    assert ScriptDirectory.from_config(_alembic_config()).get_current_head() == HEAD


# ---------------------------------------------------------------- why a database cannot be used


def reason_of(url: str) -> str:
    with pytest.raises(DatabaseUnavailable) as err:
        open_database(url, setup=True)  # an empty server: set up, as far as it lets us
    return err.value.params["reason"]


def sqlite_url(path) -> str:
    return f"sqlite:///{path}"


def test_a_text_file_is_not_a_database(tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("Customers to call on Monday\n" * 200, encoding="utf-8")
    assert reason_of(sqlite_url(notes)) == "not_a_database"
    assert notes.read_text(encoding="utf-8").startswith("Customers")  # left as it was


def test_a_folder_or_an_impossible_place_cannot_be_opened(tmp_path):
    assert reason_of(sqlite_url(tmp_path)) == "cannot_open"
    # A folder that cannot be made: under a regular file; under /proc (not even for root).
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    assert reason_of(sqlite_url(plain / "sub" / "crm.sqlite")) == "cannot_open"
    if sys.platform.startswith("linux"):
        assert reason_of("sqlite:////proc/crmdesk-missing/crm.sqlite") == "cannot_open"
    # A read-only open of a file that is not there
    missing = tmp_path / "missing.sqlite"
    assert reason_of(f"sqlite:///file:{missing}?mode=ro&uri=true") == "cannot_open"
    assert not missing.exists() and not (tmp_path / "file:").exists()


def _real_database(path) -> None:
    db = open_database(sqlite_url(path))
    db.close()  # the last connection closed: the WAL is checkpointed into the file
    assert not path.with_name(path.name + "-wal").exists()


def test_a_damaged_file_is_damaged(tmp_path):
    path = tmp_path / "crm.sqlite"
    _real_database(path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    assert len(data) > 8 * page
    # The header survives (it is still an SQLite file); every other page is overwritten.
    data[page:] = bytes(range(256)) * ((len(data) - page) // 256)
    path.write_bytes(bytes(data))
    assert reason_of(sqlite_url(path)) == "damaged"


def test_a_file_locked_by_another_program_is_locked(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "crm.sqlite"
    _real_database(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE alembic_version SET version_num = version_num")
        began = time.monotonic()
        assert reason_of(sqlite_url(path)) == "locked"
        # it waited for the lock (the busy timeout), and no longer than that
        assert 0.15 <= time.monotonic() - began < 3
    finally:
        other.rollback()
        other.close()
    open_database(sqlite_url(path)).close()  # free again: opens


def test_a_read_only_file_is_read_only(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.touch()  # needs its tables made, and may not be written
    assert reason_of(f"sqlite:///file:{empty}?mode=ro&uri=true") == "read_only"
    path = tmp_path / "crm.sqlite"
    _real_database(path)
    db = open_database(f"sqlite:///file:{path}?mode=ro&uri=true")  # current: reading is enough
    try:
        assert db.read(lambda s: s.scalar(text("SELECT count(*) FROM customers"))) == 0
        with pytest.raises(DatabaseUnavailable) as err:
            db.write(lambda s: s.execute(text("DELETE FROM customers")))
        assert err.value.params["reason"] == "read_only"
    finally:
        db.close()


def test_a_full_disk_is_disk_full(tmp_path, monkeypatch):
    """SQLite's page cap answers exactly as a full disk does (SQLITE_FULL)."""
    make_engine = database.create_db_engine

    def capped(url: str):
        engine = make_engine(url)

        @event.listens_for(engine, "connect")
        def _cap(dbapi_connection, _record):
            dbapi_connection.execute("PRAGMA max_page_count=8")

        return engine

    monkeypatch.setattr(database, "create_db_engine", capped)
    assert reason_of(sqlite_url(tmp_path / "crm.sqlite")) == "disk_full"


def test_unreachable_servers_are_unreachable():
    assert reason_of("postgresql://postgres@127.0.0.1:1/crmdesk") == "unreachable"
    assert reason_of("mysql://root@127.0.0.1:1/crmdesk") == "unreachable"


SERVERS = {"postgresql": "CRMDESK_TEST_PG_URL", "mariadb": "CRMDESK_TEST_MYSQL_URL"}


@contextmanager
def _empty_database(backend: str):
    """A new, empty database on the server: (admin engine, its URL); dropped after."""
    if not os.environ.get(SERVERS[backend]):
        pytest.skip(f"{SERVERS[backend]} is not set: no {backend} server to test against")
    url = make_url(os.environ[SERVERS[backend]])
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"crmdesk_test_{uuid.uuid4().hex[:10]}"
    quoted = f'"{name}"' if backend == "postgresql" else f"`{name}`"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {quoted}"))
    try:
        yield admin, url.set(database=name)
    finally:
        with admin.connect() as conn:
            force = " WITH (FORCE)" if backend == "postgresql" else ""
            conn.execute(text(f"DROP DATABASE IF EXISTS {quoted}{force}"))
        admin.dispose()


@pytest.fixture(params=list(SERVERS))
def empty_server_db(request):
    """(backend, admin engine, URL of a new empty database) on each configured server."""
    with _empty_database(request.param) as (admin, url):
        yield request.param, admin, url


def _plain(url) -> str:
    return url.render_as_string(hide_password=False)


def test_a_missing_database_on_a_server_is_database_missing(empty_server_db):
    _backend, _admin, url = empty_server_db
    assert reason_of(_plain(url.set(database=f"crmdesk_missing_{uuid.uuid4().hex[:8]}"))) == (
        "database_missing"
    )


@pytest.fixture
def throwaway_user(empty_server_db):
    """A user (with a password) who has no rights on the empty database yet; dropped after."""
    backend, admin, url = empty_server_db
    name, password = f"crmdesk_u_{uuid.uuid4().hex[:8]}", f"pw-{uuid.uuid4().hex}"
    with admin.connect() as conn:
        if backend == "postgresql":
            conn.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'"))
            conn.execute(text(f'REVOKE CONNECT ON DATABASE "{url.database}" FROM PUBLIC'))
        else:
            conn.execute(text(f"CREATE USER '{name}'@'%' IDENTIFIED BY '{password}'"))
    yield backend, admin, url.set(username=name, password=password)
    with admin.connect() as conn:
        if backend == "postgresql":  # the role's grant goes with the database
            conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
            conn.execute(text(f"DROP ROLE IF EXISTS {name}"))
        else:
            conn.execute(text(f"DROP USER IF EXISTS '{name}'@'%'"))


def test_a_wrong_password_is_auth_failed(throwaway_user):
    backend, _admin, url = throwaway_user
    if backend == "postgresql":
        pytest.skip("the test server trusts every local connection (pg_hba: trust)")
    wrong = url.set(password="not-the-password")
    with pytest.raises(DatabaseUnavailable) as err:
        open_database(_plain(wrong))
    assert err.value.params["reason"] == "auth_failed"
    assert "not-the-password" not in str(err.value.params)  # never shown, never logged


def test_an_unknown_postgresql_role_is_auth_failed(empty_server_db):
    backend, _admin, url = empty_server_db
    if backend != "postgresql":
        pytest.skip("PostgreSQL's own answer")
    assert reason_of(_plain(url.set(username="crmdesk_nobody"))) == "auth_failed"


def test_a_user_without_privileges_is_no_privileges(throwaway_user):
    backend, admin, url = throwaway_user
    assert reason_of(_plain(url)) == "no_privileges"  # may not even connect to it
    with admin.connect() as conn:  # may connect and read, not create the tables
        if backend == "postgresql":
            conn.execute(text(f'GRANT CONNECT ON DATABASE "{url.database}" TO {url.username}'))
        else:
            conn.execute(text(f"GRANT SELECT ON `{url.database}`.* TO '{url.username}'@'%'"))
    assert reason_of(_plain(url)) == "no_privileges"


def test_a_read_only_server_is_read_only(empty_server_db):
    """A standby, or an account kept read-only: the tables cannot be made."""
    backend, _admin, url = empty_server_db
    if backend == "postgresql":
        url = url.update_query_dict({"options": "-c default_transaction_read_only=on"})
    else:
        url = url.update_query_dict({"init_command": "SET SESSION TRANSACTION READ ONLY"})
    assert reason_of(_plain(url)) == "read_only"


@pytest.fixture(params=["sqlite", *SERVERS])
def empty_url(request, tmp_path):
    """The URL of a new, empty database on each backend."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "crm.sqlite")
        return
    with _empty_database(request.param) as (_admin, url):
        yield _plain(url)


def test_a_failing_migration_is_migration_failed(empty_url, monkeypatch):
    def broken_upgrade(engine):
        with engine.begin() as conn:
            conn.execute(text("SELECT missing_column FROM crmdesk_no_such_table"))

    monkeypatch.setattr(database, "upgrade_schema", broken_upgrade)
    with pytest.raises(MigrationFailed) as err:
        open_database(empty_url, setup=True)
    assert err.value.params["found"] is None and err.value.params["target"] == HEAD
    assert "crmdesk_no_such_table" in err.value.params["detail"]
    monkeypatch.undo()  # the real upgrade then goes through
    open_database(empty_url, setup=True).close()


def test_a_mistyped_path_creates_no_folder_and_names_the_file(tmp_path):
    from crmdesk.views.errors import error_text

    missing = tmp_path / "no" / "such" / "folder" / "crm.sqlite"
    with pytest.raises(DatabaseUnavailable) as err:
        open_database(f"sqlite:///{missing}")
    assert err.value.params["reason"] == "cannot_open"
    assert not (tmp_path / "no").exists()  # no empty database where nobody will look
    assert str(missing) in error_text(err.value)


def test_a_server_is_named_as_a_user_would_write_it():
    from crmdesk.models.database import Database

    engine = create_engine("mysql+pymysql://crm:secret@db.example/crm?charset=utf8mb4")
    try:
        assert Database(engine).display_name() == "mysql://crm:***@db.example/crm"
    finally:
        engine.dispose()


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "notes.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.params["reason"] == "not_a_database"
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    conn.close()
    assert tables == ["notes"]  # nothing of crmdesk's written into it


def test_a_database_closed_to_connections_is_unreachable_not_missing(empty_server_db):
    """PostgreSQL's 'database "x" is not currently accepting connections' (maintenance, a
    restart) is a server to wait for, not a database to create (the try-out saw 'no database of
    this name' and no connection banner)."""
    backend, admin, url = empty_server_db
    if backend != "postgresql":
        pytest.skip("PostgreSQL's own answer")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{url.database}" ALLOW_CONNECTIONS false'))
    try:
        assert reason_of(_plain(url)) == "unreachable"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{url.database}" ALLOW_CONNECTIONS true'))
