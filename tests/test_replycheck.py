"""Reply check: avoid phrases found in either script, overlaps, and one-step replacement."""

from __future__ import annotations

import pytest

from kbdesk.core import AvoidEntry, KnowledgeBase
from kbdesk.core.library.model import AvoidPair
from kbdesk.core.library.replycheck import (
    ReplyFinding,
    StaleFinding,
    apply_all,
    apply_suggestion,
    check_reply,
    detect_script,
    suggestion_in,
)
from tests.conftest import doc


def entry(avoid: str, instead: str, doc_id: str = "phr", anchor: str = "a", line: int = 1
          ) -> AvoidEntry:
    return AvoidEntry(doc_id, anchor, AvoidPair(avoid, instead, line))


TRAD = entry("這不是我們部門的事", "我來幫您聯繫負責的同事", anchor="推卸", line=7)
SIMP = entry("你是不是搞错了", "我们一起再核对一次资料", anchor="质疑", line=9)


def test_traditional_avoid_phrase_found_in_simplified_reply() -> None:
    text = "您好，这不是我们部门的事，请找别人。"
    [finding] = check_reply(text, [TRAD])
    assert text[finding.start:finding.end] == "这不是我们部门的事"
    assert finding.text == "这不是我们部门的事"
    assert finding.avoid == "這不是我們部門的事"
    assert (finding.doc_id, finding.anchor, finding.line) == ("phr", "推卸", 7)


def test_simplified_avoid_phrase_found_in_traditional_reply() -> None:
    text = "先生，你是不是搞錯了？"
    [finding] = check_reply(text, [SIMP])
    assert finding.text == "你是不是搞錯了"
    assert finding.suggestion == "我们一起再核对一次资料"


def test_replacement_follows_the_script_of_the_reply() -> None:
    simp_reply = "您好，这不是我们部门的事。"
    [finding] = check_reply(simp_reply, [TRAD])
    assert apply_suggestion(simp_reply, finding) == "您好，我来帮您联系负责的同事。"
    trad_reply = "先生，你是不是搞錯了？"
    [finding] = check_reply(trad_reply, [SIMP])
    assert apply_suggestion(trad_reply, finding) == "先生，我們一起再核對一次資料？"


def test_explicit_script_wins_over_detection() -> None:
    text = "这不是我们部门的事"
    [finding] = check_reply(text, [TRAD])
    assert apply_suggestion(text, finding, "tw") == "我來幫您聯繫負責的同事"
    assert apply_suggestion(text, finding, "original") == "我來幫您聯繫負責的同事"
    with pytest.raises(ValueError):
        apply_suggestion(text, finding, "klingon")


def test_script_of_shared_characters_comes_from_the_whole_draft() -> None:
    hello = entry("喂？", "您好，這裡是客服中心")
    simp = "喂，请问这是客服吗"
    [finding] = check_reply(simp, [hello])
    assert finding.text == "喂"  # the optional trailing punctuation did not match "，"
    assert apply_suggestion(simp, finding) == "您好，这里是客服中心，请问这是客服吗"
    trad = "喂？請問這是客服嗎"
    [finding] = check_reply(trad, [hello])
    assert finding.text == "喂？"
    assert apply_suggestion(trad, finding) == "您好，這裡是客服中心請問這是客服嗎"


def test_detect_script() -> None:
    assert detect_script("這裡") == "tw"
    assert detect_script("这里") == "cn"
    assert detect_script("您好") == "original"
    assert detect_script("") == "original"


def test_overlapping_matches_keep_the_longest() -> None:
    short = entry("做不到", "可以試試")
    long = entry("我們做不到", "我們可以嘗試{{替代方案}}")
    text = "抱歉，我们做不到，也做不到那個。"
    findings = check_reply(text, [short, long])
    assert [(f.text, f.avoid) for f in findings] == [("我们做不到", "我們做不到"),
                                                      ("做不到", "做不到")]
    assert findings[0].start < findings[1].start


def test_suggestion_placeholders_are_inserted_as_written() -> None:
    long = entry("我們做不到", "我們可以嘗試{{替代方案}}")
    text = "我们做不到"
    [finding] = check_reply(text, [long])
    assert apply_suggestion(text, finding) == "我们可以尝试{{替代方案}}"
    assert suggestion_in("「可以試{{替代方案}}」", "cn") == "可以试{{替代方案}}"


def test_placeholder_in_avoid_phrase_matches_a_short_stretch() -> None:
    rule = entry("{{產品}}就是這樣", "這是{{產品}}目前的設計")
    [finding] = check_reply("我们的系统就是这样。", [rule])
    assert finding.text.endswith("就是这样")
    assert check_reply("就是这样", [rule]) == []


def test_case_width_and_repeats() -> None:
    rule = entry("ＯＫ啦", "好的，沒問題")
    findings = check_reply("ok啦，OK啦", [rule])
    assert [f.text for f in findings] == ["ok啦", "OK啦"]


def test_duplicate_avoid_phrases_reported_once() -> None:
    first = entry("這不是我們部門的事", "甲", doc_id="a")
    second = entry("这不是我们部门的事", "乙", doc_id="b")
    [finding] = check_reply("这不是我们部门的事", [first, second])
    assert finding.doc_id == "a"


def test_nothing_to_find() -> None:
    assert check_reply("", [TRAD]) == []
    assert check_reply("您好，請稍候", []) == []
    assert check_reply("您好，請稍候", [TRAD, entry("「 」", "x"), entry("{{x}}", "y")]) == []


def test_stale_finding() -> None:
    text = "你是不是搞错了"
    [finding] = check_reply(text, [SIMP])
    moved = "先生，" + text
    assert apply_suggestion(moved, finding) == "先生，我们一起再核对一次资料"
    with pytest.raises(StaleFinding):
        apply_suggestion("全都改了", finding)


def test_apply_all_replaces_every_finding() -> None:
    text = "这不是我们部门的事，你是不是搞错了"
    findings = check_reply(text, [TRAD, SIMP])
    assert apply_all(text, findings) == "我来帮您联系负责的同事，我们一起再核对一次资料"
    assert all(isinstance(f, ReplyFinding) for f in findings)


def test_avoid_entries_from_a_library(make_library) -> None:
    root = make_library({
        "phrasings/taboo.md": doc("禁語", "phrasing", id="taboo", body=(
            "## 推卸\n\n> 我來幫您處理。\n\n"
            "- 不說「這不是我們部門的事」→ 改說「我來幫您聯繫負責的同事」\n"
        )),
        "handbooks/h.md": doc("手冊", body="- 不說「你是不是搞錯了」→ 改說「我們再核對一次」\n"),
    })
    kb = KnowledgeBase(root)
    [finding] = check_reply("你好，这不是我们部门的事，你是不是搞错了", kb.library_rules.avoid_entries())
    assert (finding.doc_id, finding.anchor) == ("taboo", "推卸")


def test_every_demo_avoid_phrase_is_flagged_in_both_scripts(tmp_path) -> None:
    from kbdesk.core.text.folding import convert_script
    from tests.conftest import CONTENT_DIR

    entries = KnowledgeBase(CONTENT_DIR, index_dir=tmp_path / "index").library_rules.avoid_entries()
    if not entries:
        pytest.skip("the demo library has no avoid lists")
    for item in entries:
        for script in ("cn", "tw"):
            draft = "您好，" + convert_script(item.pair.avoid, script) + "。"
            findings = check_reply(draft, entries)
            assert findings, (item.doc_id, item.pair.avoid, script)
            assert apply_suggestion(draft, findings[0]) != draft
