"""The analyzer: folding both ways, Latin and digits kept whole, offsets into the original."""

from __future__ import annotations

import pytest

from kbdesk.core.search.analyzer import ChineseTokenizer, terms
from kbdesk.core.text.folding import convert_script, fold


def texts(text: str) -> list[str]:
    return [t.text for t in terms(text)]


def test_fold_is_length_preserving_and_simplifies():
    original = "客戶很生氣怎麼辦？ＡＢＣ１２３　後來"
    folded = fold(original)
    assert len(folded) == len(original)
    assert folded == "客户很生气怎么办?abc123 后来"


def test_fold_keeps_length_even_when_a_phrase_converts_to_another_length():
    for text in ["髮廊與頭髮", "著名的著作", "乾淨的乾隆年間", "一隻隻", "裏裡外外"]:
        assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("投訴處理", "投诉处理"),
        ("開場白", "开场白"),
        ("滿意度調查", "满意度调查"),
        ("客戶關係", "客户关系"),
        ("退款與退貨", "退款与退货"),
    ],
)
def test_traditional_and_simplified_give_the_same_terms(traditional, simplified):
    assert texts(traditional) == texts(simplified)
    assert texts(traditional)


def test_search_mode_gives_long_words_and_the_words_inside():
    found = texts("標準開場白")
    assert "开场白" in found and "开场" in found


def test_latin_words_and_numbers_stay_whole():
    found = texts("SERVQUAL 與 KANO模型、360度評估，48小時內回覆 NPS≥50")
    for term in ["servqual", "kano", "模型", "360", "360度", "48", "48小时", "nps", "50"]:
        assert term in found
    assert "s" not in found and "q" not in found


def test_number_and_unit_join_across_one_space():
    assert "48小时" in texts("48 小時內")
    assert "48小时" not in texts("48，小時")


def test_full_width_latin_and_digits_are_folded():
    assert texts("ＳＥＲＶＱＵＡＬ　２４小時") == texts("SERVQUAL 24小时")


def test_offsets_point_into_the_original_text():
    original = "客戶ＳＥＲＶＱＵＡＬ評分，48 小時內處理投訴。"
    for term in terms(original):
        assert fold(original[term.start : term.end]) == term.text or term.text == "48小时"
    joined = next(t for t in terms(original) if t.text == "48小时")
    assert original[joined.start : joined.end] == "48 小時"


def test_punctuation_and_spaces_are_not_terms():
    assert texts("，。！？ ... --- ") == []
    assert texts("") == []


def test_whoosh_tokenizer_reports_original_offsets():
    original = "請撥打客服專線，我們會在24小時內回電。"
    tokens = [(t.text, t.startchar, t.endchar) for t in ChineseTokenizer()(original, chars=True)]
    assert tokens
    for text, start, end in tokens:
        assert fold(original[start:end]).replace(" ", "") == text


def test_display_script_conversion():
    assert convert_script("软件信息", "tw") == "軟體資訊"
    assert convert_script("客戶投訴", "cn") == "客户投诉"
    assert convert_script("里面", "hk") == "裏面"
    assert convert_script("原文", "original") == "原文"
