"""Data of the reports' GUI tests (test_gui_reports*.py, test_gui_drill*.py; no tests here): a
demo database (generate_demo: reps of four teams, customers, follow-ups, pool events, deals
moved through the default pipeline, won and lost) built once per run and copied for each
test, a workspace on it as its admin (or another user), and the file and message boxes
answered without blocking."""

from __future__ import annotations

import shutil

import pytest
from helpers import NOW
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from crmdesk.models.database import open_database
from crmdesk.models.users import get_user
from crmdesk.models.workspace import Workspace
from crmdesk.views import file_dialogs

DEMO_CUSTOMERS = 300


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    from crmdesk.models.demo import generate_demo

    path = tmp_path_factory.mktemp("reports") / "demo.sqlite"
    db = open_database(f"sqlite:///{path}")
    generate_demo(db, customers=DEMO_CUSTOMERS, seed=7, now=NOW)
    db.close()
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    copy = tmp_path / "reports.sqlite"
    shutil.copy(demo_file, copy)
    db = open_database(f"sqlite:///{copy}")
    yield db
    db.close()


def workspace_as(db, user_id: int = 1) -> Workspace:
    with db.reading() as s:
        actor = get_user(s, user_id)
    return Workspace(db, actor, clock=lambda: NOW)


@pytest.fixture
def demo_ws(demo_db) -> Workspace:
    """The demo's admin (user 1)."""
    return workspace_as(demo_db, 1)


@pytest.fixture
def answered(monkeypatch, tmp_path):
    """Save dialogs answer a path in tmp_path/out (told["path"], without its suffix as a user
    might type it); message boxes record their text and return at once."""
    told: dict = {"info": [], "warning": [], "critical": [], "opened": []}
    (tmp_path / "out").mkdir()
    told["path"] = tmp_path / "out" / "report.xlsx"

    def save_file_name(_parent, _caption, proposed, _filter, **_kw):
        told["proposed"] = proposed
        return str(told["path"].with_suffix("")), ""

    monkeypatch.setattr(file_dialogs, "save_file_name", save_file_name)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told["info"].append(box.text()) or 0)
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            lambda _p, _t, text, *a, _k=kind: told.setdefault(_k, []).append(text),
        )
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: told["opened"].append(url))
    return told
