"""The phrasing panel: copy buttons, the placeholder form, script conversion, the clipboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.phrasings import PhrasingPanel, PlaceholderDialog, agent_values, copy_phrasing
from tests.conftest import doc

OPENING = doc("標準開場白", "phrasing", id="opening", body=(
    "接起電話後三秒內開口。\n\n"
    "## 來電開場\n\n"
    "> 您好，這裡是{{公司名稱}}客服中心，我是{{坐席姓名}}，工號{{工號}}，很高興為您服務。\n\n"
    "適用於所有一般來電。\n\n"
    "- 不說「喂？」→ 改說「您好，這裡是客服中心」\n\n"
    "## 結束語\n\n"
    "> 感謝您的來電，祝您生活愉快。\n\n"
    "> 還有其他問題隨時告訴我們。\n\n"
    "## 語氣\n\n保持微笑。\n"
))


class FakeSettings:
    """Any object with get() will do for the panel."""

    def __init__(self, **values: str) -> None:
        self.values = values

    def get(self, key: str) -> str:
        return self.values.get(key, "")


@pytest.fixture
def opening(make_library) -> KnowledgeBase:
    return KnowledgeBase(make_library({"phrasings/opening.md": OPENING})).document("opening")


def when_dialog_opens(qtbot, action: Callable[[PlaceholderDialog], None]) -> list[str]:
    """Run ``action`` on the placeholder form as soon as it is shown (it runs modally)."""
    seen: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PlaceholderDialog) and dialog.isVisible():
            seen.append(dialog.preview.text())
            action(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen


def fill_and_accept(values: dict[str, str]) -> Callable[[PlaceholderDialog], None]:
    def action(dialog: PlaceholderDialog) -> None:
        for name, value in values.items():
            dialog.edits[name].setText(value)
        dialog.accept()
    return action


def test_panel_lists_phrasings_variants_notes_and_pairs(qtbot, opening) -> None:
    panel = PhrasingPanel(FakeSettings())
    qtbot.addWidget(panel)
    panel.set_document(opening, "cn")
    assert [p.name for p in panel.phrasings()] == ["來電開場", "結束語", "語氣"]
    texts = [label.text() for label in panel.findChildren(QLabel)]
    assert any("您好，这里是{{公司名称}}客服中心" in t for t in texts)  # shown in Simplified
    assert any("适用于所有一般来电" in t for t in texts)
    pair = next(t for t in texts if "Say instead" in t)
    assert "喂？" in pair and "您好，这里是客服中心" in pair
    assert not any(t.startswith("- 不") for t in texts)  # the pair is not repeated in notes
    assert any("Guidance only" in t for t in texts)
    buttons = [b for b in panel.findChildren(QPushButton) if b.text() == "Copy"]
    assert len(buttons) == 3  # one per text: 1 + 2 + 0
    with pytest.raises(KeyError):
        panel.copy_button("語氣", 0)


def test_copy_with_placeholders_fills_converts_and_uses_the_clipboard(qtbot, opening) -> None:
    settings = FakeSettings(agent_name="張偉", agent_id="A1024")
    panel = PhrasingPanel(settings)
    qtbot.addWidget(panel)
    panel.set_document(opening, "cn")
    seen = when_dialog_opens(qtbot, fill_and_accept({"公司名稱": "順達電信"}))
    with qtbot.waitSignal(panel.copied, timeout=30_000) as blocker:
        qtbot.mouseClick(panel.copy_button("來電開場"), Qt.MouseButton.LeftButton)
    expected = "您好，这里是顺达电信客服中心，我是张伟，工号A1024，很高兴为您服务。"
    assert blocker.args == [expected]
    assert QGuiApplication.clipboard().text() == expected
    # the form was pre-filled with the agent's name and number from the settings
    assert "张伟" in seen[0] and "A1024" in seen[0] and "{{公司名称}}" in seen[0]


def test_copy_in_traditional_script(qtbot, opening) -> None:
    text = "{{客户称呼}}您好，我是{{坐席姓名}}，关于您反映的问题。"
    when_dialog_opens(qtbot, fill_and_accept({"客户称呼": "陈先生", "坐席姓名": "李娜"}))
    copied = copy_phrasing(None, text, FakeSettings(), "tw")
    assert copied == "陳先生您好，我是李娜，關於您反映的問題。"
    assert QGuiApplication.clipboard().text() == copied


def test_no_form_when_settings_know_every_placeholder(qtbot) -> None:
    settings = FakeSettings(agent_name="王芳", agent_team="二組")
    assert copy_phrasing(None, "我是{{團隊}}的{{坐席姓名}}", settings, "original") == "我是二組的王芳"
    assert QGuiApplication.clipboard().text() == "我是二組的王芳"
    assert copy_phrasing(None, "感謝來電", None, "cn") == "感谢来电"


def test_cancel_copies_nothing(qtbot, opening) -> None:
    QGuiApplication.clipboard().setText("before")
    panel = PhrasingPanel(FakeSettings())
    qtbot.addWidget(panel)
    panel.set_document(opening)
    when_dialog_opens(qtbot, lambda dialog: dialog.reject())
    assert panel.copy_variant("來電開場") is None
    assert QGuiApplication.clipboard().text() == "before"


def test_copy_with_an_empty_placeholder_is_blocked_and_the_field_highlighted(qtbot) -> None:
    QGuiApplication.clipboard().setText("before")
    states: list[tuple[bool, list[str], str]] = []

    def try_then_fill(dialog: PlaceholderDialog) -> None:
        dialog.edits["a"].setText("一")
        dialog.accept()  # b is empty: refused, the dialog stays open
        states.append((dialog.isVisible(), [n for n, e in dialog.edits.items()
                                            if e.property("missing")], dialog.error.text()))
        assert QGuiApplication.clipboard().text() == "before"
        dialog.edits["b"].setText("二")
        assert not dialog.edits["b"].property("missing")
        dialog.accept()

    when_dialog_opens(qtbot, try_then_fill)
    assert copy_phrasing(None, "{{a}}與{{b}}", FakeSettings(), "original") == "一與二"
    assert states[0][0] and states[0][1] == ["b"] and "b" in states[0][2]
    assert QGuiApplication.clipboard().text() == "一與二"


def test_names_typed_in_the_form_are_remembered(qtbot, tmp_path: Path) -> None:
    settings = Settings.load(tmp_path / "settings.json")
    when_dialog_opens(qtbot, fill_and_accept({"坐席姓名": "林小明", "客戶": "黃小姐"}))
    assert copy_phrasing(None, "{{客戶}}您好，我是{{坐席姓名}}", settings, "original") == \
        "黃小姐您好，我是林小明"
    again = Settings.load(tmp_path / "settings.json")
    assert again.get("agent_name") == "林小明"
    assert agent_values(again) == {"坐席姓名": "林小明", "客服姓名": "林小明", "我的姓名": "林小明"}


def test_keyboard_copy_of_the_current_phrasing(qtbot, opening) -> None:
    panel = PhrasingPanel(FakeSettings())
    qtbot.addWidget(panel)
    panel.set_document(opening, "tw")
    assert panel.current_anchor() == "來電開場"
    assert panel.show_phrasing("結束語")
    assert not panel.show_phrasing("no-such-anchor")
    assert panel.copy_current() == "感謝您的來電，祝您生活愉快。"
    assert panel.copy_variant("結束語", 1) == "還有其他問題隨時告訴我們。"
    assert panel.copy_variant("結束語", 5) is None


def test_documents_without_phrasings(qtbot, make_library) -> None:
    kb = KnowledgeBase(make_library({"h.md": doc("手冊", body="## 一\n\n內容\n")}))
    panel = PhrasingPanel()
    qtbot.addWidget(panel)
    panel.set_document(kb.document("h"))
    assert panel.phrasings() == ()
    assert panel.copy_current() is None
    assert any("no phrasings" in label.text() for label in panel.findChildren(QLabel))
    panel.set_document(None)
    assert panel.current_anchor() == ""


def test_switching_script_keeps_the_current_phrasing(qtbot, opening) -> None:
    panel = PhrasingPanel(FakeSettings())
    qtbot.addWidget(panel)
    panel.set_document(opening, "original")
    panel.show_phrasing("結束語")
    panel.set_script("cn")
    assert panel.current_anchor() == "結束語"
    assert panel.copy_current() == "感谢您的来电，祝您生活愉快。"
