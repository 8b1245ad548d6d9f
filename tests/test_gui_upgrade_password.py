"""The "Upgrade now" dialog for a server written by an older crmdesk, whose admin has no
password: the server answers needs_password, the dialog asks for a new one twice, and the
upgrade sets it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crmdesk.tasks import SyncRunner
from crmdesk.views.setup_dialogs import SchemaTooOldDialog

NEW = "lantern-92"


def test_an_admin_without_a_password_chooses_one_with_the_upgrade(qtbot):
    from crmdesk.models.server_setup import UpgradeRefused

    tried = []

    def upgrade(login, password, new_password=None):
        tried.append((login, password, new_password))
        if new_password is None:
            raise UpgradeRefused(reason="needs_password", needed="0015")
        return ("0014", "0015")

    dialog = SchemaTooOldDialog(SyncRunner(), upgrade, "0014", "0015")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.password.isVisible() and not dialog.new_password.isVisible()
    qtbot.keyClicks(dialog.login, "boss")  # no password: the older crmdesk had none
    qtbot.mouseClick(dialog.upgrade_button, Qt.MouseButton.LeftButton)
    assert tried == [("boss", "", None)]
    assert dialog.new_password.isVisible() and dialog.again.isVisible()
    assert not dialog.password.isVisible()
    assert "boss has no password yet" in dialog.problem.text()
    assert dialog.result() != SchemaTooOldDialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.new_password, NEW)
    qtbot.keyClicks(dialog.again, NEW + "x")  # a typo: asked again, nothing sent
    qtbot.mouseClick(dialog.upgrade_button, Qt.MouseButton.LeftButton)
    assert len(tried) == 1 and dialog.problem.isVisible() and dialog.again.text() == ""
    qtbot.keyClicks(dialog.again, NEW)
    qtbot.mouseClick(dialog.upgrade_button, Qt.MouseButton.LeftButton)
    assert tried[-1] == ("boss", "", NEW)
    assert dialog.result() == SchemaTooOldDialog.DialogCode.Accepted


def test_another_login_asks_for_its_password_again(qtbot):
    from crmdesk.models.server_setup import UpgradeRefused

    def upgrade(login, password, new_password=None):
        raise UpgradeRefused(reason="needs_password", needed="0015")

    dialog = SchemaTooOldDialog(SyncRunner(), upgrade, "0014", "0015")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "boss")
    qtbot.mouseClick(dialog.upgrade_button, Qt.MouseButton.LeftButton)
    assert dialog.new_password.isVisible()
    qtbot.keyClicks(dialog.login, "2")
    assert dialog.password.isVisible() and not dialog.new_password.isVisible()
