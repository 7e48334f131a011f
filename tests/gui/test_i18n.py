"""UI translations: language choice, .qm built at start-up, every UI string translated."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

from kbdesk.core.workstation import paths
from kbdesk.gui.i18n import (
    LANGUAGES,
    compiled_qm,
    install_translators,
    language_for,
    lrelease_tool,
    ts_file,
)

GUI_DIR = Path(__file__).resolve().parents[2] / "kbdesk" / "gui"


@pytest.mark.parametrize(
    ("setting", "locale", "expected"),
    [
        ("zh_CN", "zh_TW", "zh_CN"),
        ("en", "zh_TW", "en"),
        ("system", "zh_TW", "zh_TW"),
        ("system", "zh_HK", "zh_TW"),
        ("system", "zh_CN", "zh_CN"),
        ("system", "zh_SG", "zh_CN"),
        ("system", "en_US", "en"),
        ("system", "de_DE", "en"),
        ("bogus", "fr_FR", "en"),
    ],
)
def test_language_choice(setting: str, locale: str, expected: str) -> None:
    assert language_for(setting, QLocale(locale)) == expected


def _messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    messages = _messages(ts_file(language))
    assert len(messages) > 100
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete"), \
            message.findtext("source")
        forms = [f.text for f in translation.findall("numerusform")]
        assert all(forms) if forms else translation.text, message.findtext("source")


def test_every_ui_string_is_in_the_translation_sources(tmp_path: Path) -> None:
    tool = Path(lrelease_tool() or "").with_name("lupdate")
    if not tool.is_file():
        pytest.skip("lupdate is not installed")
    target = tmp_path / "scan.ts"
    sources = sorted(str(p) for p in GUI_DIR.glob("*.py"))
    subprocess.run([str(tool), *sources, "-ts", str(target)], check=True, capture_output=True)
    found = {(m.findtext("source") or "") for m in _messages(target)}
    known = {(m.findtext("source") or "") for m in _messages(ts_file("zh_TW"))}
    assert found - known == set()


def test_qm_is_built_in_the_cache_and_translates(qtbot: QtBot) -> None:
    qm = compiled_qm("zh_TW")
    assert qm is not None and qm.is_file()
    assert paths.cache_dir() in qm.parents
    assert compiled_qm("zh_TW") == qm  # up to date: not built again
    app = QCoreApplication.instance()
    translators = install_translators(app, "zh_TW")
    try:
        assert QCoreApplication.translate("Actions", "Copy phrasing") == "複製話術"
        assert QCoreApplication.translate("SidePane", "Phrasings") == "話術"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert QCoreApplication.translate("Actions", "Copy phrasing") == "Copy phrasing"


def test_simplified_and_english(qtbot: QtBot) -> None:
    app = QCoreApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        assert QCoreApplication.translate("Actions", "Copy phrasing") == "复制话术"
        assert QCoreApplication.translate("MainWindow", "%n document(s)", "", 3) == "3 份文档"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert install_translators(app, "en") == []
