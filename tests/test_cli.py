"""Start-up and the command line: the window paints before the database opens; headless
commands never open a dialog, they say what is wrong on stderr and exit non-zero."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from crmdesk import app as app_module
from crmdesk.models.database import open_database
from crmdesk.models.demo import generate_demo
from crmdesk.models.schema import Customer


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "crmdesk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,  # a hidden dialog would hang here: the test fails instead
        env=env,
    )


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is a shopping list, not a database\n")
    return path


def test_screenshot_of_a_file_that_is_not_a_database_fails_clearly(text_file, tmp_path):
    result = run_cli("screenshot", "customers", str(tmp_path / "x.png"), "--db",
                     f"sqlite:///{text_file}")  # fmt: skip
    assert result.returncode == 1
    assert "not a crmdesk database" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.png").exists()


def test_screenshot_of_an_unreachable_server_fails_clearly(tmp_path):
    result = run_cli("screenshot", "customers", str(tmp_path / "x.png"), "--db",
                     "postgresql://nobody@127.0.0.1:1/none")  # fmt: skip
    assert result.returncode == 1
    assert "cannot be reached" in result.stderr and "Traceback" not in result.stderr


def test_an_error_after_the_database_opened_ends_a_headless_command(tmp_path):
    """A list that fails to load (here a table is missing) would have shown a message box that
    nobody can click: the command fails with the reason instead of hanging."""
    import sqlite3

    path = tmp_path / "broken.sqlite"
    assert run_cli("demo", "--customers", "20", "--db", f"sqlite:///{path}").returncode == 0
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE saved_views")
    result = run_cli("screenshot", "customers", str(tmp_path / "x.png"), "--db",
                     f"sqlite:///{path}")  # fmt: skip
    assert result.returncode == 1 and "could not answer" in result.stderr


def test_demo_refuses_a_negative_count(tmp_path):
    result = run_cli("demo", "--customers", "-5", "--db", f"sqlite:///{tmp_path / 'd.sqlite'}")
    assert result.returncode == 2 and "--customers" in result.stderr
    assert not (tmp_path / "d.sqlite").exists()


def test_screenshot_and_demo_work(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    made = run_cli("demo", "--customers", "30", "--db", db_url)
    assert made.returncode == 0, made.stderr
    shot = run_cli("screenshot", "customers", str(tmp_path / "c.png"), "--db", db_url,
                   "--lang", "zh_CN")  # fmt: skip
    assert shot.returncode == 0, shot.stderr
    assert (tmp_path / "c.png").stat().st_size > 20_000


def test_the_window_paints_before_the_database_opens_then_attaches(qtbot, tmp_path, monkeypatch):
    db = open_database(f"sqlite:///{tmp_path / 'start.sqlite'}")
    generate_demo(db, customers=40, seed=5)
    owned = db.read(lambda s: s.scalar(select(func.count()).where(Customer.owner_id.is_not(None))))
    db.close()
    assert 20 < owned < 40  # the others sit in a pool: the pool page lists them
    opened = []
    real = app_module.local_workspace

    def watched(url, create_admin_as=None):
        opened.append(QApplication.instance().thread().isCurrentThread())
        return real(url, create_admin_as)

    monkeypatch.setattr(app_module, "local_workspace", watched)
    _app, window = app_module.start_gui(f"sqlite:///{tmp_path / 'start.sqlite'}", "en", ["t"])
    qtbot.addWidget(window)
    assert window.isVisible() and window.workspace is None  # shown, the database still opening
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert opened == [False]  # opened off the GUI thread
    page = window.customers
    qtbot.waitUntil(lambda: page.model.rowCount() == owned, timeout=10_000)
    window.close()
    window.runner.wait()
    window.workspace.db.close()


def test_a_database_that_cannot_be_opened_offers_what_to_do(
    qtbot, text_file, tmp_path, monkeypatch
):
    """Retry (still broken), then another file: a new one, set up at the first start, and
    remembered for the next start. The question says what is wrong, with readable details."""
    from crmdesk.views import prompts
    from crmdesk.views.setup_dialogs import FirstRunDialog

    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path / "home"))
    asked, answers = [], ["retry", "choose"]

    def ask_open_failed(parent, exc, is_default):
        asked.append((prompts.error_details(exc), is_default, exc.params["reason"]))
        return answers.pop(0)

    new_file = tmp_path / "team.sqlite"
    monkeypatch.setattr(prompts, "ask_open_failed", ask_open_failed)
    monkeypatch.setattr(prompts, "choose_database_file", lambda parent: str(new_file))

    def first_run(dialog):
        dialog.name.setText("林萍")
        return FirstRunDialog.DialogCode.Accepted

    monkeypatch.setattr(FirstRunDialog, "exec", first_run)
    _app, window = app_module.start_gui(f"sqlite:///{text_file}", "en", ["t"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert [(d, r) for _t, d, r in asked] == [(False, "not_a_database")] * 2
    details = asked[0][0]
    assert "not a database" in details and "Error" not in details.split(":")[0]
    assert window.workspace.actor.name == "林萍" and new_file.exists()
    assert app_module.open_settings().value("database/url") == f"sqlite:///{new_file}"
    window.close()
    window.runner.wait()
    window.workspace.db.close()


def test_quit_after_a_database_did_not_open_ends_the_program(
    qtbot, text_file, tmp_path, monkeypatch
):
    from crmdesk.views import prompts

    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path / "home"))
    exits = []
    monkeypatch.setattr(prompts, "ask_open_failed", lambda parent, exc, is_default: "quit")
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    _app, window = app_module.start_gui(f"sqlite:///{text_file}", "en", ["t"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: exits == [1], timeout=10_000)
    window.runner.wait()


def test_first_start_offers_a_team_server_and_checks_its_address(qtbot):
    from crmdesk.views.setup_dialogs import FirstRunDialog

    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.url.isEnabled()
    dialog.server.setChecked(True)
    assert dialog.url.isEnabled() and not dialog.name.isEnabled()
    dialog.url.setText("192.168.1.5")
    dialog._on_ok_clicked()
    assert dialog.result() != FirstRunDialog.DialogCode.Accepted
    assert dialog.url_problem.isVisible() and "postgresql://" in dialog.url_problem.text()
    dialog.url.setText("postgresql://lin@192.168.1.5/crm")
    assert not dialog.url_problem.isVisible()  # typing clears the complaint
    dialog._on_ok_clicked()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.value()[1] == "server" and dialog.server_url().endswith("/crm")
    empty = FirstRunDialog()
    qtbot.addWidget(empty)
    empty.show()
    empty._on_ok_clicked()  # no name: asked inline, not accepted
    assert empty.name_problem.isVisible() and empty.result() != FirstRunDialog.DialogCode.Accepted


def test_a_server_chosen_is_remembered_without_its_password(tmp_path):
    from types import SimpleNamespace

    from PySide6.QtCore import QSettings

    from crmdesk.tasks import SyncRunner

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = SimpleNamespace(settings=settings, runner=SyncRunner())  # profiles.json: runner
    opening = app_module._Opening(window, None)
    opening._remember("postgresql://lin:s3cret@db.example.cn/crm")
    assert opening.url == "postgresql://lin:s3cret@db.example.cn/crm"  # this session's
    assert settings.value("database/url") == "postgresql://lin@db.example.cn/crm"
    settings.sync()
    assert "s3cret" not in (tmp_path / "s.ini").read_text()
    opening._remember(None)
    assert settings.value("database/url") is None


def test_recycle_dry_run_lists_and_changes_nothing_then_recycle_moves(tmp_path):
    from datetime import timedelta

    from sqlalchemy import func, select, update

    from crmdesk.models import pool
    from crmdesk.models.checks import utc_now
    from crmdesk.models.schema import Customer, User

    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    db = open_database(url)
    generate_demo(db, customers=40, seed=3)
    long_ago = utc_now() - timedelta(days=400)
    with db.writing() as s:
        admin = s.scalar(select(User.id).where(User.role == "admin"))
        from crmdesk.models.users import get_user

        rule = pool.RuleRow("no_follow_up", 30)
        data = pool.PoolInput(name="测试公海", everyone=True, industries=("制造",), rules=(rule,))
        pool_id = pool.save_pool(s, get_user(s, admin), None, data, utc_now())
        s.execute(update(Customer).where(Customer.owner_id.is_not(None)).values(
            industry="制造", province="北京", received_at=long_ago,  # no demo pool's
            last_follow_up_at=long_ago))  # fmt: skip
        owned = s.scalar(select(func.count()).where(Customer.owner_id.is_not(None)))
    db.close()
    dry = run_cli("recycle", "--dry-run", "--db", url)
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.strip().splitlines()
    assert len(lines) == owned and "to 测试公海\tno follow-up for 30 days" in lines[0]
    assert f"{owned} customers would go back" in dry.stderr
    db = open_database(url)
    with db.reading() as s:
        assert s.scalar(select(func.count()).where(Customer.pool_id == pool_id)) == 0
    db.close()
    done = run_cli("recycle", "--db", url)
    assert done.returncode == 0 and f"{owned} customers sent back" in done.stdout
    again = run_cli("recycle", "--db", url)
    assert "0 customers sent back" in again.stdout
    down = run_cli("recycle", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert down.returncode == 1 and "cannot be reached" in down.stderr
    assert "Traceback" not in down.stderr


def test_the_smoke_test_passes_on_a_fresh_home(tmp_path):
    """`crmdesk --smoke-test` (the README's) opens the window on demo data and sees every
    customer it made."""
    import subprocess
    import sys

    env = {**os.environ, "CRMDESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "crmdesk", "--smoke-test"], env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "smoke test ok: 50 customers shown" in done.stdout
