"""Large index builds in a process of their own (``search/building.py``): the same index as a
build in the thread, progress relayed, a cancel that leaves the index as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kbdesk.core import KnowledgeBase
from kbdesk.core.errors import Cancelled
from tests.conftest import doc


def _library(make_library: Callable[..., Path], count: int) -> Path:
    return make_library({
        f"handbooks/doc{n}.md": doc(f"退款手冊{n}", body=f"\n## 第{n}節\n\n第{n}號規定：七天內退款。\n",
                                    id=f"doc{n}")
        for n in range(count)
    })


def test_a_build_in_a_process_gives_the_same_search_and_reports_progress(
        make_library: Callable[..., Path], tmp_path: Path) -> None:
    root = _library(make_library, 30)
    kb = KnowledgeBase(root, index_dir=tmp_path / "index")
    kb.build_in_process(10)
    seen: list[tuple[int, int]] = []
    stats = kb.ensure_index(lambda done, total, _m="": seen.append((done, total)),
                            rebuild=True)
    assert stats.rebuilt and stats.added == 30
    assert seen and seen[-1] == (30, 30)
    assert kb.search("第7號").hits[0].doc_id == "doc7"
    assert kb.index.doc_count == 30
    # a small change stays in the thread, on the index the child wrote
    text = doc("退款手冊7", body="\n## 第7節\n\n第7號規定：十天內退款。\n", id="doc7")
    assert kb.index.outdated(kb.indexed_documents()) == 0
    assert kb.publish("doc7", text, "改為十天").reindexed
    assert kb.index.doc_count == 30
    assert [h.doc_id for h in kb.search("十天").hits if h.match == "all"] == ["doc7"]
    kb.close()


def test_a_cancelled_build_in_a_process_stops_and_the_next_build_works(
        make_library: Callable[..., Path], tmp_path: Path) -> None:
    root = _library(make_library, 30)
    kb = KnowledgeBase(root, index_dir=tmp_path / "index")
    kb.ensure_index()  # in the thread
    kb.build_in_process(10)
    from kbdesk.core.progress import CancelToken

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        kb.ensure_index(cancel=token, rebuild=True)
    assert not list(kb.index.directory.glob("**/*.run"))
    assert kb.ensure_index(rebuild=True).added == 30
    assert kb.search("第7號").hits[0].doc_id == "doc7"
    kb.close()
