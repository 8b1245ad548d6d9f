"""The Simplified Chinese translation is complete, compiled, and loaded with Qt's own."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from crmdesk import paths
from crmdesk.app import install_translators

TS = paths.resource_dir() / "translations" / "crmdesk_zh_CN.ts"


def test_ts_is_complete_and_compiled():
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 150
    unfinished = [
        m.find("source").text
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "obsolete")
    ]
    assert unfinished == []
    assert TS.with_suffix(".qm").stat().st_size > 1000


def test_zh_cn_translators_cover_ours_and_qts(qapp):
    before = QCoreApplication.translate("MainWindow", "Customers")
    install_translators(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("MainWindow", "Customers") == "客户"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for translator in qapp.findChildren(QTranslator):
            QApplication.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "Customers") == before == "Customers"
