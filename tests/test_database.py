"""Opening databases: pragmas, migrations, refusing a newer schema, backups."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from crmdesk import paths
from crmdesk.models.database import backup_sqlite, normalize_url, open_database, schema_state
from crmdesk.models.errors import DatabaseUnavailable, SchemaTooNew


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
