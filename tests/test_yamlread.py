"""Bounded YAML: an alias bomb or deep nesting is a named problem of its file, everywhere.

Issue 16: a 9-line "billion laughs" in ``library.yaml`` made ``check`` take 132 s and say "ok"
and ``search`` 153 s; as a document's ``tags`` the first index build took 40 s and 5.4 GB and
``publish`` accepted it.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from kbdesk.core.errors import DocumentError
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.frontmatter import parse_meta, read_meta, set_field
from kbdesk.core.library.yamlread import MAX_ALIAS_NODES, MAX_YAML_DEPTH, load_yaml
from kbdesk.core.search.thesaurus import read_groups
from tests.conftest import doc
from tests.faults.conftest import kbdesk

#: nine lines, 9**9 (387 million) strings once expanded
BOMB_LINES = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    *(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]"
      for previous, name in zip("abcdefg", "bcdefgh", strict=True)),
    f"tags: [{', '.join(['*h'] * 9)}]",
]
BOMB = "\n".join(BOMB_LINES) + "\n"
GOOD = doc("退款規則", id="refund", body="\n## 時限\n\n退款須在24小時內處理。\n")


def bomb_document() -> str:
    return "---\ntitle: 炸彈\nkind: handbook\nid: bomb\n" + BOMB + "---\n\n退款炸彈。\n"


def test_an_alias_bomb_is_refused_quickly_naming_the_line() -> None:
    assert len(BOMB_LINES) == 9
    started = time.process_time()
    with pytest.raises(DocumentError) as caught:
        load_yaml(BOMB, "library.yaml")
    assert time.process_time() - started < 2.0
    problem = caught.value.problem
    assert problem.path == "library.yaml"
    assert "alias" in problem.message and f"{MAX_ALIAS_NODES:,}" in problem.message
    # the line where the expansion first passes the bound: 9**5 strings, at 'e:'
    assert problem.line == 5


def test_aliases_within_the_bound_and_long_files_still_load() -> None:
    small = "base: &base {kind: handbook, tags: [退款, 投訴]}\ncopy: *base\nlist: [*base, *base]\n"
    data = load_yaml(small)
    assert data["copy"] == data["base"] and data["list"] == [data["base"]] * 2
    written_out = "synonyms:\n" + "".join(f"  - [詞{i}, 語{i}, 字{i}]\n" for i in range(20_000))
    assert len(load_yaml(written_out)["synonyms"]) == 20_000  # values written out: no bound
    assert load_yaml("") is None


@pytest.mark.parametrize("depth", [MAX_YAML_DEPTH + 1, 400, 5000])
def test_deep_nesting_is_a_problem_never_a_recursion_error(depth: int) -> None:
    for text in ("a: " + "[" * depth + "]" * depth,
                 "".join(" " * i + "k:\n" for i in range(depth)) + " " * depth + "v\n",
                 "- " * depth + "x\n"):
        with pytest.raises(DocumentError) as caught:
            load_yaml(text, "deep.yaml")
        assert caught.value.problem.path == "deep.yaml"
        assert "deeper" in caught.value.problem.message or "nesting" in caught.value.problem.message
    assert load_yaml("a: " + "[" * (MAX_YAML_DEPTH - 1) + "]" * (MAX_YAML_DEPTH - 1)) is not None


@pytest.mark.parametrize("text", ["x: !!int abc", "x: !!float abc", "x: !!bool abc",
                                  "x: !!int 0x", "x: !!python/name:os.system a", "? [a]\n: b"])
def test_a_value_that_does_not_fit_its_tag_is_a_problem(text: str) -> None:
    with pytest.raises(DocumentError) as caught:
        load_yaml(text, "tagged.yaml")
    assert caught.value.problem.path == "tagged.yaml"
    assert "not valid YAML" in caught.value.problem.message


def test_front_matter_bombs_name_the_file_and_the_line_of_the_document() -> None:
    with pytest.raises(DocumentError) as caught:
        read_meta(bomb_document(), "handbooks/bomb.md")
    problem = caught.value.problem
    assert problem.path == "handbooks/bomb.md"
    assert problem.line == 9  # line 5 of the block, after '---' and three fields
    assert problem.message.startswith("front matter: ")
    with pytest.raises(DocumentError):
        parse_meta("tags: " + "[" * 300 + "]" * 300, "deep.md")


def test_editing_a_bombed_or_deep_front_matter_is_refused_not_expanded() -> None:
    # the round-trip editor (ruamel.yaml) recurses and expands; the bounds come first
    with pytest.raises(DocumentError):
        set_field(bomb_document(), "status", "published", "bomb.md")
    deep = "---\ntitle: 深\nkind: handbook\nx: " + "[" * 600 + "]" * 600 + "\n---\n正文\n"
    with pytest.raises(DocumentError):
        set_field(deep, "status", "published", "deep.md")


def test_a_thesaurus_bomb_gives_no_groups_and_a_warning(tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "service.yaml"
    path.write_text(BOMB.replace("tags:", "groups:"), "utf-8")
    with caplog.at_level(logging.WARNING):
        assert read_groups(path) == []
    assert "alias" in caplog.text


def test_the_library_loads_searches_and_skips_the_bombs(make_library) -> None:
    root = make_library({
        "library.yaml": "name: 測試庫\n" + BOMB.replace("tags:", "synonyms:"),
        "refund.md": GOOD,
        "bomb.md": bomb_document(),
    })
    started = time.process_time()
    kb = KnowledgeBase(root)
    hits = kb.search("退款").hits
    assert time.process_time() - started < 30  # was 153 s and 5.4 GB
    assert {hit.doc_id for hit in hits} == {"refund"}  # the bombed document is not indexed
    problems = {(p.path, p.line): p.message for p in kb.library_rules.check()}
    assert "alias" in problems[("library.yaml", 6)]
    assert "alias" in problems[("bomb.md", 9)]


def test_check_reports_and_publish_refuses_an_alias_bomb(make_library) -> None:
    root = make_library({
        "library.yaml": "name: 測試庫\n" + BOMB.replace("tags:", "synonyms:"),
        "refund.md": GOOD,
        "bomb.md": bomb_document(),
    })
    check = kbdesk("check", "--library", str(root), timeout=60)
    assert check.returncode == 1  # documented: 1 when the library has problems
    assert "Traceback" not in check.stderr
    assert "library.yaml:6: aliases expand" in check.stdout
    assert "bomb.md:9: front matter: aliases expand" in check.stdout
    published = kbdesk("publish", str(root / "bomb.md"), "--library", str(root),
                       "--author", "編輯", "--note", "試", timeout=60)
    assert published.returncode == 2
    assert "Traceback" not in published.stderr
    assert "bomb.md:9" in published.stderr and "alias" in published.stderr
