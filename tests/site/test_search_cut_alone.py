"""The site cuts a function character out of a run no word covers, as the app's segmenter cuts
it alone (issue 18; ``CUT_ALONE`` in ``kbdesk/core/exporters/site_tables.py``): run in the app
and in the exported site inside headless Chromium, on a library of its own.

被客人骂到哭: the app reads 客人 | 骂 | 到 | 哭, so 哭 (held alone in one section's text) decides.
Before, the site read 骂到哭 as one word of three characters, held nowhere and kept whole (骂
being a spoken morpheme), and 客人 and 骂 alone brought the wrong section first.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.search.query import parse_query
from tests.conftest import doc
from tests.site.sidebyside import app_hits, documents, exported, search_page, site_hits, words

pytestmark = pytest.mark.browser

FILES = {
    # 客人, 骂 and 哭 in the text, 哭 cut alone (哭 | 了); no word of the library holds 哭
    "handbooks/care.md": doc(
        "员工关怀", "handbook",
        "关怀的规定。\n\n## 情绪支持\n\n同事被客人骂，接完电话哭了，主管先让他离开座位休息。\n",
        id="care", version=1),
    # 客人 and 骂 (a spoken morpheme: 辱骂) in the title and the text, never 哭
    "phrasings/abuse.md": doc(
        "客人骂人的话术", "phrasing",
        "话术。\n\n## 客人辱骂\n\n客人骂人的时候，先安抚客人，再说明通话规则。\n",
        id="abuse", version=1),
    "handbooks/transfer.md": doc(
        "转接规定", "handbook",
        "转接的规定。\n\n## 转接人工\n\n客人要求人工服务时，转接值班人员。\n",
        id="transfer", version=1),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[KnowledgeBase, Path]]:
    with exported(tmp_path_factory.mktemp("cut-alone"), FILES) as pair:
        yield pair


@pytest.fixture(scope="module")
def page(built: tuple[KnowledgeBase, Path]) -> Iterator[Any]:
    with search_page(built[1]) as opened:
        yield opened


def test_a_function_character_is_cut_out_of_an_unknown_run(
        built: tuple[KnowledgeBase, Path], page: Any) -> None:
    kb, _ = built
    assert parse_query("被客人骂到哭").words == ["客人", "骂", "到", "哭"]
    app = documents(app_hits(kb, "被客人骂到哭"))
    site = documents(site_hits(page, "被客人骂到哭"))
    assert app and app[0] == "care"
    # before: the abuse phrasing first (客人 and 骂 in its title), the care section third
    assert site and site[0] == app[0]
    # before: 客人, 骂到哭
    assert words(page, "被客人骂到哭") == ["客人", "骂", "到", "哭"]


def test_a_run_the_tables_cover_keeps_its_words(
        built: tuple[KnowledgeBase, Path], page: Any) -> None:
    # 人工 is the library's word: 转 | 到 | 人工, as the app reads it; a run without a function
    # character is read two characters at a time as before
    assert words(page, "转到人工") == ["转", "到", "人工"]
    assert words(page, "被客人骂哭") == ["客人", "骂哭"]
