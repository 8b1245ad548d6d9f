"""Test set-up: offscreen Qt, a throwaway CRMDESK_HOME, and a database fixture over SQLite,
PostgreSQL and MariaDB (servers from CRMDESK_TEST_PG_URL / CRMDESK_TEST_MYSQL_URL)."""

from __future__ import annotations

import os
import tempfile
import uuid

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Always a fresh folder: a developer's own CRMDESK_HOME (their settings, their database) is
# never written by a test run.
os.environ["CRMDESK_HOME"] = tempfile.mkdtemp(prefix="crmdesk-test-home-")

import pytest
from helpers import NOW, People
from hypothesis import settings
from sqlalchemy import create_engine, delete, text
from sqlalchemy.engine import make_url

from crmdesk.models.database import Database, open_database
from crmdesk.models.schema import Base

# CI runs the property tests derandomized: the same examples every run, so a red CI is always
# a change's doing. A developer's run explores new examples each time.
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

BACKENDS = {
    "sqlite": None,
    "postgresql": "CRMDESK_TEST_PG_URL",
    "mariadb": "CRMDESK_TEST_MYSQL_URL",
}


def _server_database(backend: str):
    """Create a uniquely named database on the server; return (url, drop callback)."""
    admin_url = make_url(os.environ[BACKENDS[backend]])
    name = f"crmdesk_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if backend == "postgresql":
            conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8'"))
        else:
            conn.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4"))

    def drop() -> None:
        with admin.connect() as conn:
            if backend == "postgresql":
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            else:
                conn.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()

    return admin_url.set(database=name).render_as_string(hide_password=False), drop


@pytest.fixture(scope="session", params=list(BACKENDS))
def _backend_db(request, tmp_path_factory):
    backend = request.param
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("db") / "test.sqlite"
        db = open_database(f"sqlite:///{path}")
        yield db
        db.close()
        return
    var = BACKENDS[backend]
    if not os.environ.get(var):
        pytest.skip(f"{var} is not set: no {backend} server to test against")
    url, drop = _server_database(backend)
    db = open_database(url)
    yield db
    db.close()
    drop()


def _wipe(db: Database) -> None:
    with db.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(delete(table))
        if db.dialect == "sqlite":
            for fts in ("customer_fts_tri", "customer_fts_bi"):  # contentless: no DELETE
                conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES('delete-all')")


@pytest.fixture
def db(_backend_db):
    """An empty, migrated database on each backend; emptied again after the test."""
    _wipe(_backend_db)
    yield _backend_db
    _wipe(_backend_db)


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def people(db):
    return People(db)
