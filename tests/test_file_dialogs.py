"""The program's file dialogs never open the files they list: Qt's own dialog read files to
tell their types, which released SQLite's locks on a database in the folder shown (closing any
file descriptor drops the process's POSIX locks on that file)."""

from __future__ import annotations

import os
import sqlite3
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from crmdesk.views import file_dialogs

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads the process's locks from /proc/locks"
)


def _locks(*paths) -> list[str]:
    inodes = {f":{os.stat(p).st_ino} " for p in paths}
    with open("/proc/locks") as f:
        return sorted(line.split(":", 1)[1] for line in f  # without the table's numbering
                      if any(i in line for i in inodes) and f" {os.getpid()} " in line)  # fmt: skip


def _reader(folder):
    db = folder / "crm.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.execute("BEGIN")
    conn.execute("SELECT * FROM t").fetchall()  # a reader: its locks are held until it ends
    return conn, (db, folder / "crm.sqlite-shm")


def _answer_later(seen: list, qtbot) -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, close)
            return
        qtbot.wait(800)  # the dialog lists the folder (and would sniff the files) meanwhile
        seen.append(dialog.directory().absolutePath())
        dialog.reject()

    QTimer.singleShot(50, close)


@pytest.mark.parametrize("which", ["open", "save"])
def test_a_dialog_on_the_databases_folder_keeps_its_locks(qtbot, tmp_path, which):
    (tmp_path / "客户名单.xlsx").write_bytes(b"PK")
    conn, files = _reader(tmp_path)
    held = _locks(*files)
    assert held
    seen: list = []
    _answer_later(seen, qtbot)
    if which == "open":
        answer = file_dialogs.open_file_name(None, "Open", str(tmp_path), "Sheets (*.xlsx)")
    else:
        answer = file_dialogs.save_file_name(None, "Save", str(tmp_path / "x.xlsx"),
                                             "Sheets (*.xlsx)")  # fmt: skip
    assert answer == ("", "") and seen == [str(tmp_path)]
    assert _locks(*files) == held
    conn.close()


def test_qts_own_dialog_would_have_dropped_them(qtbot, tmp_path):
    """The reason for file_dialogs (if a later Qt no longer drops them, this says so)."""
    conn, files = _reader(tmp_path)
    assert _locks(*files)
    dialog = QFileDialog(None, "Open", str(tmp_path), "Sheets (*.xlsx)")
    dialog.show()
    qtbot.waitUntil(lambda: not _locks(*files), timeout=5000)
    dialog.close()
    conn.close()
