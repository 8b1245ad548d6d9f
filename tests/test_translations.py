"""Every user-visible string reaches the translation files, the Simplified Chinese translation
is complete and compiled, and Qt's own translations load beside ours."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from crmdesk import paths
from crmdesk.app import install_translators

ROOT = Path(__file__).resolve().parent.parent
FOLDER = paths.resource_dir() / "translations"
# Every module that may show text: all of crmdesk but the Qt-free business layer.
SOURCES = sorted(p for p in (ROOT / "crmdesk").rglob("*.py") if "models" not in p.parts)


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    assert Path(found).exists(), f"{name} comes with PySide6-Essentials; it is missing"
    return found


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [
        m.find("source").text
        for m in root.iter("message")
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
    ]


@pytest.mark.parametrize("language,plural_only", [("zh_CN", False), ("en", True)])
def test_lupdate_finds_nothing_new_or_unfinished(tmp_path, language, plural_only):
    """lupdate run over the sources now: a string added without a translation (or one lupdate
    could not see before) shows up as unfinished here."""
    committed = FOLDER / f"crmdesk_{language}.ts"
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    args = [tool("pyside6-lupdate"), *map(str, SOURCES), "-no-obsolete", "-ts", str(copy)]
    if plural_only:
        args[-2:-2] = ["-pluralonly"]
    subprocess.run(args, check=True, capture_output=True)
    assert unfinished(copy) == [], f"translate these in {committed.name}"
    assert len(list(ET.parse(copy).getroot().iter("message"))) == len(
        list(ET.parse(committed).getroot().iter("message"))
    ), f"run pyside6-lupdate on {committed.name}: it is behind the sources"


def test_every_string_has_a_context_the_program_asks_in():
    """A string lupdate finds outside self.tr() and QCoreApplication.translate("Context", …)
    (a module's own tr() wrapper, say) is filed under no context, where the program, asking
    in its wrapper's context, never finds its translation."""
    root = ET.parse(FOLDER / "crmdesk_zh_CN.ts").getroot()
    nameless = [m.find("source").text for c in root.iter("context") if not c.findtext("name")
                for m in c.iter("message")]  # fmt: skip
    assert nameless == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_compiled_files_match_the_translations(tmp_path, language):
    ts = FOLDER / f"crmdesk_{language}.ts"
    qm = tmp_path / f"crmdesk_{language}.qm"
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)  # fmt: skip
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run pyside6-lrelease"


def test_every_translated_text_is_a_literal_lupdate_can_see():
    """lupdate reads the source, not the program: a text passed through a variable, an alias
    of translate() or an f-string is never extracted and stays English for everyone."""
    problems = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute):
                if node.value.attr in ("translate", "tr"):
                    problems.append(f"{path.name}:{node.lineno}: an alias of {node.value.attr}")
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            name = node.func.attr
            if name == "tr" and node.args:
                texts = node.args[:1]
            elif name == "translate" and len(node.args) >= 2:
                texts = node.args[:2]
            else:
                continue
            for arg in texts:
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    problems.append(f"{path.name}:{node.lineno}: {name}() of a non-literal")
    assert problems == []


def texts_in_source() -> set[tuple[str, str]]:
    """(context, text) of every tr()/translate() call, as Qt will look it up at run time: the
    class for self.tr, the first argument for translate."""
    found = set()

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                args = [a.value for a in child.args if isinstance(a, ast.Constant)]
                if child.func.attr == "tr" and cls and args and isinstance(args[0], str):
                    found.add((cls, args[0]))
                elif child.func.attr == "translate" and len(args) >= 2:
                    found.add((args[0], args[1]))
            visit(child, cls)

    for path in SOURCES:
        visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def test_lupdate_saw_every_text_the_program_asks_for():
    """lupdate's Python reader skips some calls (a trailing comma, a subscript among the
    arguments): such a text would stay English in every language."""
    root = ET.parse(FOLDER / "crmdesk_zh_CN.ts").getroot()
    extracted = {
        (ctx.find("name").text, m.find("source").text)
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }
    assert sorted(texts_in_source() - extracted) == []


def test_zh_cn_translators_cover_ours_and_qts(qapp):
    before = QCoreApplication.translate("MainWindow", "Customers")
    install_translators(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("MainWindow", "Customers") == "客户"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        from crmdesk.models.errors import ConnectionLost
        from crmdesk.views.errors import error_text

        assert "连接" in error_text(ConnectionLost())
    finally:
        for translator in qapp.findChildren(QTranslator):
            QApplication.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "Customers") == before == "Customers"


def test_english_has_real_plurals(qapp):
    install_translators(qapp, "en_US")  # no file of its own: falls back to crmdesk_en
    try:
        one = QCoreApplication.translate("CustomersPage", "%Ln customer(s)", "", 1)
        many = QCoreApplication.translate("CustomersPage", "%Ln customer(s)", "", 2000)
        assert (one, many) == ("1 customer", "2,000 customers")  # and grouped digits
    finally:
        for translator in qapp.findChildren(QTranslator):
            QApplication.removeTranslator(translator)


def test_sentences_are_joined_by_their_own_language_not_the_systems():
    """An English window on a Chinese system kept "…(was ¥3,315,000).1 unsaved change." (no
    space): the joint follows each sentence's own last character."""
    from crmdesk.views.labels import sentences

    assert sentences("Saved.", "1 unsaved change.") == "Saved. 1 unsaved change."
    assert sentences("已保存。", "另有 1 处修改未保存。") == "已保存。另有 1 处修改未保存。"
    assert sentences("", "Only.", "") == "Only."
