"""Helpers of the GUI tests (imported as `gui_helpers`: tests/ is on sys.path)."""

from __future__ import annotations

import functools
import shutil
import threading

import pytest
from helpers import NOW, People
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from crmdesk.models.contacts import ContactInput
from crmdesk.models.customers import CustomerInput
from crmdesk.models.database import open_database
from crmdesk.models.workspace import Workspace
from crmdesk.tasks import SyncRunner, Task, TaskControl, alive
from crmdesk.views.context import PageContext
from crmdesk.views.customer_page import CustomersPage


class QueueRunner(SyncRunner):
    """Runs the real work, but only when the test says so (run_all / run_next): what the
    window shows while a page or a card is still on its way can be looked at."""

    def __init__(self) -> None:
        self.jobs: list = []

    @property
    def busy(self) -> bool:
        return bool(self.jobs)

    def _run(self, fn, on_done, on_error, owner, on_progress):
        task = Task(TaskControl(on_progress))
        self.jobs.append((task, fn, on_done, on_error, owner, on_progress))
        return task

    def run_next(self) -> None:
        task, fn, on_done, on_error, owner, on_progress = self.jobs.pop(0)
        try:
            result = fn(task.control) if on_progress is not None else fn()
        except Exception as exc:
            if alive(owner):
                on_error(exc)
        else:
            if alive(owner) and on_done is not None:
                on_done(result)

    def run_all(self) -> None:
        while self.jobs:
            self.run_next()


class GuiThreadGuard:
    """A workspace whose every method refuses to run on the GUI thread: a window that waits on
    the database fails the test instead of stalling."""

    def __init__(self, workspace) -> None:
        self._ws = workspace
        self.gui_thread = threading.get_ident()
        self.calls_on_gui_thread: list[str] = []

    def __getattr__(self, name: str):
        value = getattr(self._ws, name)
        if not callable(value) or name in ("clock",):
            return value

        @functools.wraps(value)
        def guarded(*args, **kwargs):
            if threading.get_ident() == self.gui_thread:
                self.calls_on_gui_thread.append(name)
            return value(*args, **kwargs)

        return guarded


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user would: ASCII key by key, Chinese committed by the input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


# Fixtures and helpers of the GUI test modules (imported by name into each).


class Answers:
    """The user's answers to the window's questions (views.prompts), given by a test in
    advance; a question nobody answered fails the test instead of waiting for a click."""

    def __init__(self) -> None:
        self.given: dict[str, list] = {}
        self.asked: list[tuple[str, tuple]] = []
        self.real: dict = {}  # the questions as the window asks them, for a test of the box

    def give(self, question: str, *answers) -> None:
        self.given.setdefault(question, []).extend(answers)

    def answer(self, question: str, *args):
        self.asked.append((question, args))
        queue = self.given.get(question)
        if not queue:
            raise AssertionError(f"unexpected question {question}{args!r}")
        return queue.pop(0)


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    from crmdesk.views import prompts

    given = Answers()
    questions = (
        "ask_unsaved",
        "confirm_discard",
        "ask_duplicate",
        "ask_conflict",
        "confirm_delete",
    )
    for question in questions:
        given.real[question] = getattr(prompts, question)
        monkeypatch.setattr(
            prompts, question, functools.partial(given.answer, question), raising=True
        )
    return given


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory):
    """One empty database brought to the newest schema, for local_db to copy: running the
    fourteen migrations took ~0.4 s a test, minutes over the GUI tests."""
    path = tmp_path_factory.mktemp("template") / "gui.sqlite"
    open_database(f"sqlite:///{path}").close()  # the last close folds the WAL into the file
    return path


@pytest.fixture
def local_db(tmp_path, _migrated_sqlite):
    target = tmp_path / "gui.sqlite"
    shutil.copyfile(_migrated_sqlite, target)
    db = open_database(f"sqlite:///{target}")
    yield db
    db.close()


@pytest.fixture
def ws(local_db):
    people = People(local_db)
    workspace = Workspace(local_db, people.admin, clock=lambda: NOW)
    workspace.people = people
    rows = [
        ("北京星辰科技有限公司", "A", "王小明", "13812345678", people.rep_n1),
        ("上海华信贸易有限公司", "B", "李雷", "13900001111", people.rep_n2),
        ("深圳科达电子有限公司", "C", "韩梅梅", "13700002222", people.rep_s1),
        ("杭州云帆网络有限公司", "A", "赵敏", "13600003333", people.rep_s1),
    ]
    for name, level, contact, mobile, owner in rows:
        workspace.create_customer(
            CustomerInput(name=name, level=level),
            [ContactInput(name=contact, mobile=mobile)],
            owner.id,
        )
    return workspace


def page_names(page) -> list[str]:
    return [page.model.row_at(r).name for r in range(page.model.rowCount())]


def make_page(qtbot, ws, runner=None, ctx=None) -> CustomersPage:
    page = CustomersPage(ctx or PageContext(ws, runner))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page
