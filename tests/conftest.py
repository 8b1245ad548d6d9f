"""Test set-up: offscreen Qt, a throwaway CRMDESK_HOME, and a database fixture over SQLite,
PostgreSQL and MariaDB (servers from CRMDESK_TEST_PG_URL / CRMDESK_TEST_MYSQL_URL)."""

from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Always a fresh folder: a developer's own CRMDESK_HOME (their settings, their database) is
# never written by a test run.
os.environ["CRMDESK_HOME"] = tempfile.mkdtemp(prefix="crmdesk-test-home-")

import pytest
from helpers import NOW, People, server_database
from hypothesis import settings
from sqlalchemy import delete

from crmdesk.models.database import Database, open_database
from crmdesk.models.schema import Base

# CI runs the property tests derandomized: the same examples every run, so a red CI is always
# a change's doing. A developer's run explores new examples each time.
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The GUI tests' fixtures (a workspace on a small real database) live with their helpers.
pytest_plugins = ["gui_helpers"]

BACKENDS = {
    "sqlite": None,
    "postgresql": "CRMDESK_TEST_PG_URL",
    "mariadb": "CRMDESK_TEST_MYSQL_URL",
}


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
    url, drop = server_database(os.environ[var], "crmdesk_test")
    db = open_database(url, setup=True)  # an empty server is set up only when asked
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


@pytest.fixture
def pipeline(db):
    """The default pipeline (as migration 0009 writes it) in the emptied database."""
    from crmdesk.models.pipeline import get_pipeline
    from crmdesk.models.pipeline_defaults import create_default_pipeline

    with db.writing() as s:
        pipeline_id = create_default_pipeline(s, NOW)
    return db.read(lambda s: get_pipeline(s, pipeline_id))


@pytest.fixture(autouse=True)
def _collector_left_on():
    """A test that starts the GUI (app.start_gui) hands garbage collection to the GUI thread's
    timer (tasks.GuiThreadCollector); the tests after it get the automatic collector back."""
    import gc

    yield
    if not gc.isenabled():
        gc.enable()
