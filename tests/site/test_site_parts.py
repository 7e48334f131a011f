"""The export's parts without a browser: safe file names, the folding table, the search index,
and the ``export-html`` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core.exporters.site_folding import fold_chars, fold_table, table_for
from kbdesk.core.exporters.site_pages import slug, unique_slugs
from kbdesk.core.exporters.site_search import (
    Entry,
    IndexedDocument,
    build_index,
    cjk_bigrams,
    synonym_groups,
    term_hash,
)
from kbdesk.core.text.folding import fold
from tests.conftest import doc
from tests.site.library import build_library


@pytest.mark.parametrize(("value", "expected"), [
    ("../../escape", "escape"),
    ("/etc/passwd", "etc-passwd"),
    ("handbooks/投訴 手冊", "handbooks-投訴-手冊"),
    ("..", "doc"),
    ("", "doc"),
    ("CON", "doc-con"),
    ("a\\b:c*d?e", "a-b-c-d-e"),
    (".hidden", "hidden"),
])
def test_slugs_are_safe_file_names(value: str, expected: str) -> None:
    assert slug(value) == expected


def test_colliding_slugs_are_made_unique_deterministically() -> None:
    slugs = unique_slugs(["a/b", "a-b", "c"])
    assert slugs["c"] == "c"
    assert slugs["a/b"] != slugs["a-b"] and all(s.startswith("a-b-") for s in
                                                 (slugs["a/b"], slugs["a-b"]))
    assert unique_slugs(["a-b", "a/b", "c"]) == slugs


def test_fold_table_folds_like_the_app() -> None:
    table = fold_table()
    assert table["訴"] == "诉" and table["帳"] == "账" and table["Ａ"] == "a" and table["K"] == "k"
    for text in ("投訴處理", "退款帳單", "ＡＢＣ客服", "線上服務"):
        assert fold_chars(text, table) == fold(text)
    assert "诉" not in table  # already folded: not shipped


def test_partial_table_covers_the_other_script() -> None:
    part = table_for({"投", "诉"})
    assert part == {"訴": "诉"}
    assert table_for(None) == fold_table()


def _index(texts: list[tuple[str, str]]) -> dict[str, str]:
    docs = []
    for number, (title, text) in enumerate(texts):
        docs.append(IndexedDocument(number, f"d/{number}.html", title, "handbook", "分類",
                                    [Entry(number << 6, "", "", text)]))
    return build_index(docs).files


def _postings(files: dict[str, str], term: str) -> list[int] | None:
    meta = json.loads(re.search(r",(\{.*\})\);", files["meta.js"]).group(1))
    shard = files[f"p{term_hash(term) % meta['shards']}.js"]
    data = json.loads(re.search(r"KBSearch\.load\(\"p\d+\",(.*)\);\n$", shard).group(1))
    return data.get(term)


def test_index_holds_folded_bigrams_words_and_latin_in_their_shards() -> None:
    files = _index([("投訴處理", "客戶投訴要在24小時內回覆 SLA"), ("退款", "退款三天到帳")])
    assert _postings(files, "投诉") is not None  # folded bigram, found in its hashed shard
    assert _postings(files, "sla")[0] == 0  # first entry, delta-coded
    assert _postings(files, "到账")[0] == 1 << 6  # second document's entry
    assert _postings(files, "處理") is None  # never stored unfolded
    assert _postings(files, "退") is not None  # title characters for one-letter queries
    assert list(cjk_bigrams("投诉处理 ab 退款")) == ["投诉", "诉处", "处理", "退款"]


def test_index_is_deterministic_and_splits_into_shards() -> None:
    texts = [(f"文件{n}", "客服" + "".join(chr(0x4E00 + (n * 131 + i * 17) % 6000)
                                          for i in range(400))) for n in range(300)]
    first, second = _index(texts), _index(texts)
    assert first == second
    shards = [name for name in first if name.startswith("p")]
    assert len(shards) > 1
    assert len({name for name in first if name.startswith("t")}) == 300 // 16 + 1
    assert _postings(first, "客服")[:4] == [0, 1, 64, 1]  # every entry: (delta, frequency)
    assert len(_postings(first, "客服")) == 2 * 300


def test_synonym_groups_are_folded_and_deduplicated() -> None:
    assert synonym_groups([["退錢", "退钱", "退款"], ["孤單"], ["ＳＬＡ", "時效"]]) == [
        ["退钱", "退款"], ["sla", "时效"]]


def test_term_hash_is_fnv1a() -> None:
    assert term_hash("") == 0x811C9DC5
    assert term_hash("a") == 0xE40C292C


def test_cli_export_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = build_library(tmp_path / "lib")
    out = tmp_path / "site"
    assert main(["export-html", str(out), "--library", str(library)]) == 0
    printed = capsys.readouterr().out
    assert "exported 5 documents" in printed and str(out) in printed
    assert (out / "index.html").is_file() and (out / "d" / "billing.html").is_file()


def test_cli_export_html_as_of_and_errors(tmp_path: Path, make_library,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    library = make_library({"a.md": doc("甲文件", id="a", effective="2020-01-01")})
    out = tmp_path / "site"
    assert main(["export-html", str(out), "--library", str(library), "--as-of",
                 "2019-12-31"]) == 0
    assert "exported 0 documents" in capsys.readouterr().out
    assert main(["export-html", str(out), "--library", str(library)]) == 0
    assert "甲文件" in (out / "index.html").read_text("utf-8")
    with pytest.raises(SystemExit):
        main(["export-html", str(out), "--library", str(library), "--as-of", "tomorrow"])
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["export-html", str(library), "--library", str(library)]) == 2
    assert "inside the library" in capsys.readouterr().err


def test_reused_markdown_converter_renders_like_the_reader() -> None:
    from kbdesk.core.exporters.site_pages import render as site_render
    from kbdesk.core.library.render import render

    texts = ["## 標題\n\n內容 **粗體**\n\n## 標題\n\n重複", "| a | b |\n|---|---|\n| 1 | 2 |",
             "<script>x()</script>[a](javascript:y)", "### 標題\n\n再一次"]
    for text in texts * 2:
        assert site_render(text) == render(text)


def test_sections_rendered_in_one_pass_render_as_each_alone() -> None:
    from kbdesk.core.exporters.site_pages import render as site_render
    from kbdesk.core.exporters.site_pages import render_many

    texts = ["甲\n\n- 一\n- 二", "", "#### 小標\n\n| a |\n|---|\n| 1 |", "```\n未閉合",
             "<script>x()</script>乙", "> 引言\n\n丙"]
    assert render_many(texts) == [site_render(t) for t in texts]
    tricky = ["前 <!-- kbdesk:split --> 後", "丁"]
    assert render_many(tricky) == [site_render(t) for t in tricky]
