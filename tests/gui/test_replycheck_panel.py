"""The reply check panel: highlights across scripts, one-click replacement, debounced recheck."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kbdesk.core import AvoidEntry, KnowledgeBase
from kbdesk.core.library.model import AvoidPair
from kbdesk.gui.replycheck import FindingsModel, ReplyCheckPanel
from tests.conftest import doc

ENTRIES = [
    AvoidEntry("taboo", "推卸", AvoidPair("這不是我們部門的事", "我來幫您聯繫負責的同事", 7)),
    AvoidEntry("taboo", "質疑", AvoidPair("你是不是搞错了", "我们一起再核对一次资料", 9)),
]


@pytest.fixture
def panel(qtbot) -> ReplyCheckPanel:
    calls: list[int] = []

    def provider() -> list[AvoidEntry]:
        calls.append(1)
        return ENTRIES

    widget = ReplyCheckPanel(provider, debounce_ms=10)
    widget.provider_calls = calls  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.show()
    return widget


def highlighted(widget: ReplyCheckPanel) -> list[str]:
    return [s.cursor.selectedText() for s in widget.editor.extraSelections()]


def test_flags_avoid_phrase_in_the_other_script_and_one_click_replaces(qtbot, panel) -> None:
    # QTest cannot type CJK key by key: paste the draft, then type a Latin character after it.
    with qtbot.waitSignal(panel.checked, timeout=30_000) as blocker:
        panel.editor.insertPlainText("您好，这不是我们部门的事。")
        qtbot.keyClicks(panel.editor, "x")
    assert blocker.args == [1]
    qtbot.keyClick(panel.editor, Qt.Key.Key_Backspace)
    assert highlighted(panel) == ["这不是我们部门的事"]
    model = panel.model
    assert model.data(model.index(0, 0)) == "这不是我们部门的事"
    assert model.data(model.index(0, 1)) == "我来帮您联系负责的同事"  # in the draft's script
    assert "taboo#推卸" in model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "1 phrase(s) to avoid" in panel.status.text()
    button = panel.view.indexWidget(model.index(0, 2))
    assert isinstance(button, QPushButton)
    with qtbot.waitSignal(panel.replaced, timeout=30_000) as replaced:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert replaced.args == ["我来帮您联系负责的同事"]
    assert panel.text() == "您好，我来帮您联系负责的同事。"
    assert panel.findings() == [] and highlighted(panel) == []
    assert "No phrases to avoid" in panel.status.text()
    panel.editor.undo()  # a replacement is one ordinary edit
    assert panel.text() == "您好，这不是我们部门的事。"


def test_simplified_avoid_phrase_in_traditional_draft(qtbot, panel) -> None:
    panel.set_text("先生，你是不是搞錯了？")
    [finding] = panel.findings()
    assert finding.text == "你是不是搞錯了"
    assert panel.model.data(panel.model.index(0, 1)) == "我們一起再核對一次資料"
    panel.view.doubleClicked.emit(panel.model.index(0, 1))
    assert panel.text() == "先生，我們一起再核對一次資料？"


def test_double_click_and_enter_on_the_list(qtbot, panel) -> None:
    panel.set_text("这不是我们部门的事，你是不是搞错了")
    assert len(panel.findings()) == 2
    view = panel.view
    rect = view.visualRect(panel.model.index(1, 0))
    # QTest's double-click sends no press first; item views need one to accept the double-click
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.text() == "这不是我们部门的事，我们一起再核对一次资料"
    view.setFocus()
    view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert panel.text() == "我来帮您联系负责的同事，我们一起再核对一次资料"


def test_replace_all_and_a_chosen_script(qtbot, panel) -> None:
    panel.set_text("这不是我们部门的事，你是不是搞错了")
    panel.set_script("tw")
    assert panel.model.data(panel.model.index(0, 1)) == "我來幫您聯繫負責的同事"
    assert panel.replace_all() == 2
    assert panel.text() == "我來幫您聯繫負責的同事，我們一起再核對一次資料"
    assert not panel.replace_all_button.isEnabled()
    panel.editor.undo()
    assert panel.text() == "这不是我们部门的事，你是不是搞错了"


def test_stale_and_bad_rows(qtbot, panel) -> None:
    panel.set_text("你是不是搞错了")
    panel.editor.blockSignals(True)
    panel.editor.setPlainText("完全不同的內容")
    panel.editor.blockSignals(False)
    assert panel.replace(0) is False  # the draft moved on: nothing replaced
    assert panel.text() == "完全不同的內容"
    assert panel.replace(5) is False and panel.replace(-1) is False


def test_offsets_after_characters_outside_the_basic_plane(qtbot, panel) -> None:
    panel.set_text("😀𠀀 你是不是搞错了")
    assert highlighted(panel) == ["你是不是搞错了"]
    assert panel.replace(0)
    assert panel.text() == "😀𠀀 我们一起再核对一次资料"


def test_entries_are_asked_for_once_until_reloaded(qtbot, panel) -> None:
    panel.set_text("一")
    panel.set_text("二")
    assert len(panel.provider_calls) == 1
    panel.reload_entries()
    assert len(panel.provider_calls) == 2


def test_entries_from_a_library(qtbot, make_library) -> None:
    kb = KnowledgeBase(make_library({"phrasings/t.md": doc("禁語", "phrasing", id="t", body=(
        "## 推卸\n\n> 我來幫您處理。\n\n- 不說「這個我不清楚」→ 改說「這個問題我馬上幫您確認」\n"
    ))}))
    widget = ReplyCheckPanel(kb.library_rules.avoid_entries)
    qtbot.addWidget(widget)
    widget.set_text("这个我不清楚")
    assert widget.replace(0)
    assert widget.text() == "这个问题我马上帮您确认"


def test_empty_draft(qtbot, panel) -> None:
    panel.set_text("")
    assert panel.findings() == []
    assert "Paste a draft" in panel.status.text()


def test_findings_model_passes_the_model_tester(qtmodeltester, panel) -> None:
    panel.set_text("这不是我们部门的事，你是不是搞错了")
    qtmodeltester.check(panel.model)
    qtmodeltester.check(FindingsModel())
