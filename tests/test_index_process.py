"""Large index builds in a process of their own (``search/building.py``): the same index as a
build in the thread, progress relayed, a cancel that leaves the index as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kbdesk.core import KnowledgeBase
from kbdesk.core.errors import Cancelled
from kbdesk.core.progress import CancelToken
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
    assert kb.index.outdated(kb.versions.in_force_on()) == 0
    assert kb.publishing.publish("doc7", text, "改為十天").reindexed
    assert kb.index.doc_count == 30
    assert [h.doc_id for h in kb.search("十天").hits if h.match == "all"] == ["doc7"]
    kb.close()


def test_a_cancelled_build_in_a_process_stops_and_the_next_build_works(
        make_library: Callable[..., Path], tmp_path: Path) -> None:
    root = _library(make_library, 400)
    kb = KnowledgeBase(root, index_dir=tmp_path / "index")
    kb.build_in_process(10)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):  # cancelled before it started: no child is started
        kb.ensure_index(cancel=token, rebuild=True)
    token = CancelToken()
    reports: list[int] = []

    def cancel_at_first_report(done: int, _total: int, _message: str = "") -> None:
        reports.append(done)
        token.cancel()  # the child has hundreds of documents to go

    with pytest.raises(Cancelled):
        kb.ensure_index(cancel_at_first_report, token, rebuild=True)
    assert reports and max(reports) < 400
    assert not list(kb.index.directory.glob("**/*.run"))
    assert kb.ensure_index(rebuild=True).added == 400
    assert kb.search("第7號").hits[0].doc_id == "doc7"
    kb.close()


def test_the_build_process_stops_when_the_app_is_killed(
        make_library: Callable[..., Path], tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import textwrap

    import psutil

    from tests.conftest import REPO_ROOT

    root = _library(make_library, 400)
    index_dir = tmp_path / "index"
    app = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os, signal, psutil
            from pathlib import Path
            from kbdesk.core.kb import KnowledgeBase
            kb = KnowledgeBase({str(root)!r}, index_dir=Path({str(index_dir)!r}))
            kb.build_in_process(10)
            def killed_at_first_report(done, total, message=""):
                print(*[c.pid for c in psutil.Process().children()], flush=True)
                os.kill(os.getpid(), signal.SIGKILL)  # the app dies mid-build
            kb.ensure_index(killed_at_first_report, rebuild=True)
        """)],
        cwd=REPO_ROOT, env=dict(os.environ), stdout=subprocess.PIPE, text=True,
    )
    assert app.stdout is not None
    with app:
        pids = [int(pid) for pid in app.stdout.readline().split()]
        app.wait(60)
    assert pids, "the build ran in no child process"
    children = [psutil.Process(pid) for pid in pids if psutil.pid_exists(pid)]
    _gone, alive = psutil.wait_procs(children, timeout=30)
    assert not alive  # it stopped by itself: its input closed with the app
    assert not (index_dir / "kbdesk-manifest.json").exists()  # nothing was committed
    assert not list(index_dir.glob("**/*.run"))
    kb = KnowledgeBase(root, index_dir=index_dir)
    assert kb.ensure_index().added == 400  # the next open builds it anew
    kb.close()
