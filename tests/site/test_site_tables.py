"""The app's search tables exported with the site (``kbdesk/core/exporters/site_tables.py``)."""

from __future__ import annotations

import json
import re

from kbdesk.core.exporters.site_folding import fold_table
from kbdesk.core.exporters.site_search import Entry, IndexedDocument, build_index, term_hash
from kbdesk.core.exporters.site_tables import search_tables
from kbdesk.core.search.crisis import detect
from kbdesk.core.search.query import STOPWORDS
from kbdesk.core.search.thesaurus import spoken_morphemes


def _load(text: str) -> dict:
    return json.loads(re.search(r"KBSearch\.load\(\"\w+\",(.*)\);\n$", text, re.S).group(1))


def test_the_tables_are_the_apps() -> None:
    tables = search_tables([["退錢", "退款"]], ["投诉", "退款", "客服人员", "一", "超过四个字的词"])
    assert tables["library"] == [["退钱", "退款"]]  # folded as the app folds
    assert any("sla" in group and "服务时效" in group for group in tables["service"])
    assert set(tables["stop"]) == STOPWORDS and "一直" in tables["stop"]
    assert tables["spoken"]["坏"] == list(spoken_morphemes()["坏"])
    assert tables["words"] == ["投诉", "退款", "客服人员"]  # two to four characters
    names = [intent["name"] for intent in tables["crisis"]]
    assert names == ["self-harm", "threat"]
    assert "了" in tables["filler"]
    # the readings fold the pairs input methods confuse: 诉 (su) and 述 (shu) read alike
    together = [chars for chars in tables["readings"].values() if "诉" in chars]
    assert together and all("述" in chars for chars in together)


def test_crisis_phrasings_say_what_the_app_detects() -> None:
    tables = search_tables([], [])
    call = "活着没意思"
    assert detect(call)
    patterns = [re.compile(p) for intent in tables["crisis"] for p in intent["phrasings"]]
    assert any(p.search(call) for p in patterns)


def test_the_site_index_holds_keywords_in_the_title_entry_and_the_tables_file() -> None:
    doc = IndexedDocument(0, "d/0.html", "退租", "handbook", "分類",
                          [Entry(0, "", "", "合約終止。"), Entry(1, "a", "違約金", "提前終止。")],
                          keywords=("销户",))
    files = build_index([doc]).files
    meta = _load(files["meta.js"])
    shard = _load(files[f"p{term_hash('销户') % meta['shards']}.js"])
    assert shard["销户"][0] == 0  # the title entry (document 0, section 0)
    tables = _load(files["apptables.js"])
    assert "销户" in tables["words"] and "违约金" in tables["words"]


def test_the_browsers_fold_keeps_what_the_apps_fold_keeps_in_phrases() -> None:
    table = fold_table()
    assert "么" not in table  # 这么 stays 这么 in the app; one character at a time it would not
    assert table["麼"] == "么" and table["這"] == "这"


def test_pinyin_keys_are_the_apps_for_titles_then_headings(monkeypatch) -> None:
    from kbdesk.core.exporters import site_tables

    keys = site_tables.pinyin_keys(["退貨款申請流程", "投訴處理"], ["回覆時限"])
    assert keys["initials"]["thk"] == ["退货款"]  # a word inside a longer title
    assert keys["initials"]["ts"] == ["投诉"]
    assert ["tousuchuli", "投诉处理"] in keys["full"] and keys["full"] == sorted(keys["full"])
    assert any(text == "回复时限" for _key, text in keys["full"])
    # a large library: the headings beyond the cap are left out, titles first
    monkeypatch.setattr(site_tables, "MAX_PINYIN_ROWS", 12)
    capped = site_tables.pinyin_keys(["退貨款申請流程"], ["回覆時限"])
    assert not any(text == "回复时限" for _key, text in capped["full"])


def test_the_filters_and_the_documents_values_are_exported() -> None:
    docs = [IndexedDocument(0, "d/0.html", "退租", "handbook", "帳務處理",
                            [Entry(0, "", "", "合約終止。")], tags=("退費", "退費", "VIP")),
            IndexedDocument(1, "d/1.html", "道歉", "phrasing", "",
                            [Entry(1 << 6, "", "", "抱歉。")])]
    tables = _load(build_index(docs).files["apptables.js"])
    assert tables["filters"]["names"]["类型"] == "kind" and tables["filters"]["names"]["cat"] \
        == "category"
    assert tables["filters"]["kinds"]["话术"] == "phrasing"
    assert tables["filters"]["kinds"]["sop"] == "procedure"
    # values folded as the app's index folds them; each document once; empty values left out
    assert tables["documents"] == {"kind": {"handbook": [0], "phrasing": [1]},
                                   "category": {"账务处理": [0]},
                                   "tag": {"退费": [0], "vip": [0]}}


def test_splits_cut_words_where_the_app_drops_a_question_or_filler_word() -> None:
    from kbdesk.core.exporters.site_tables import splits
    found = splits(["要多久", "多少钱", "挂电话", "退款", "sla", "一"])
    assert found == {"要多久": ["要", "多久"], "多少钱": ["多少", "钱"]}  # 挂电话 stays whole
    assert "要多久" in search_tables([], [])["split"]  # a thesaurus word, cut as the app cuts it


def test_the_characters_cut_alone_are_words_the_apps_segmenter_cuts_alone() -> None:
    import rjieba

    from kbdesk.core.search.matching import FILLER_CHARS
    from kbdesk.core.search.query import parse_query
    cut = search_tables([], [])["cut"]
    assert cut and isinstance(cut, str)
    for ch in cut:
        # not filler (the site cuts filler already) and kept as a query word by the app
        assert ch not in FILLER_CHARS and ch not in STOPWORDS
        assert rjieba.cut(f"骂{ch}哭") == ["骂", ch, "哭"]
        assert ch in parse_query(f"被客人骂{ch}哭").words


def test_every_section_holds_its_documents_title_once_as_in_the_app() -> None:
    doc = IndexedDocument(0, "d/0.html", "退租", "handbook", "",
                          [Entry(0, "", "", "合約終止。"), Entry(1, "a", "違約金", "提前終止。")])
    files = build_index([doc]).files
    meta = _load(files["meta.js"])
    shard = _load(files[f"p{term_hash('退租') % meta['shards']}.js"])
    flat = shard["退租"]  # entry (as a difference from the previous), tf, …
    assert flat[0] == 0 and flat[2] == 1 and flat[3] == 1  # the section: once, unweighted
    assert flat[1] > 1  # the title entry: weighted as a title
