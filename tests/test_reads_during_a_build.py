"""No read waits for an index build: while a build is held mid-way on a worker thread, what the
window asks the core (today, the documents, the version a reader opens, the lists' marks, the
drafts, the team's flags) answers at once, from the library's snapshot."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kbdesk.core import KnowledgeBase
from tests.conftest import doc


def _answers_at_once(read: Callable[[], Any]) -> Any:
    """Run ``read`` in a thread; fail unless it returns within a few seconds (not deadlocked
    behind the held build)."""
    got: list[Any] = []
    reader = threading.Thread(target=lambda: got.append(read()), daemon=True)
    reader.start()
    reader.join(5)
    assert not reader.is_alive(), f"{read} waited for the build"
    return got[0]


def test_reads_answer_while_a_build_is_held_half_way(make_library, tmp_path: Path) -> None:
    root = make_library({
        f"handbooks/doc{n}.md": doc(f"退款手冊{n}", body=f"\n## 第{n}節\n\n七天內退款。\n",
                                    id=f"doc{n}")
        for n in range(60)
    })
    kb = KnowledgeBase(root, index_dir=tmp_path / "index")
    kb.load()
    halfway, release = threading.Event(), threading.Event()

    def progress(done: int, total: int, _message: str = "") -> None:
        if done >= 25 and not halfway.is_set():
            halfway.set()
            assert release.wait(30)

    build = threading.Thread(target=lambda: kb.ensure_index(progress, rebuild=True,
                                                            reload=True))
    build.start()
    try:
        assert halfway.wait(30)
        # the build holds the index writer's lock and the library's inter-process lock now
        assert _answers_at_once(kb.today) == kb.clock.today()
        assert len(_answers_at_once(kb.documents)) == 60
        assert _answers_at_once(lambda: kb.document("doc7")).title == "退款手冊7"
        opened = _answers_at_once(lambda: kb.reading.document_for("doc7", editor=False))
        assert opened.id == "doc7"
        assert _answers_at_once(kb.reading.updated_documents) == set()
        assert _answers_at_once(kb.drafts.list) == []
        assert list(_answers_at_once(kb.team.open_flags)) == []
        # a re-read of the folder swaps a new snapshot in; a reader holding the old one keeps it
        before = kb.library.loaded
        (root / "handbooks/doc7.md").write_text(
            doc("退款手冊七", body="\n## 第7節\n\n十天內退款。\n", id="doc7"), "utf-8")
        _answers_at_once(kb.load)
        assert kb.library.loaded is not before
        assert before.documents["doc7"].title == "退款手冊7"
        assert kb.document("doc7").title == "退款手冊七"
    finally:
        release.set()
        build.join(60)
    assert not build.is_alive()
    kb.close()
