"""Bench: opening a document's history on a library with 10,000 commits (target <= 100 ms).

Builds a synthetic library repository quickly by writing blobs, trees and commits straight into
one pack with dulwich (no working-tree churn), then times:

- ``history_cold_s``: first opening, which builds the metadata cache from every commit;
- ``history_warm_ms``: opening again in a fresh ``History`` (as after a restart: the cache is
  read from disk), median of several runs;
- ``history_incremental_ms``: opening after one more commit (only that commit is read).

``run(quick)`` is what ``tests/bench/run.py`` calls; ``python -m tests.bench.history`` prints.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dulwich.objects import Blob, Commit, Tree
from dulwich.repo import Repo

from kbdesk.core.storage.history import History
from kbdesk.core.storage.repo import FILE_MODE, LibraryRepo
from tests.clock import now_stamp

COMMITS = 10_000
QUICK_COMMITS = 300
FOLDERS = 20
DOCS_PER_FOLDER = 10
WARM_RUNS = 7
TARGET_WARM_MS = 100.0
START = 1_735_689_600  # 2025-01-01 00:00 UTC
DIR_MODE = 0o040000


def _text(folder: int, number: int, version: int, rng: random.Random) -> bytes:
    body = "".join(rng.choice("退款投訴回撥時限客戶主管紀錄處理說明") for _ in range(300))
    return (
        f"---\ntitle: 文件 {folder}-{number}\nkind: handbook\nid: doc-{folder}-{number}\n"
        f"version: {version}\neffective: 2025-01-01\n---\n\n## 內容\n\n{body}\n"
    ).encode()


def build_repo(root: Path, commits: int, seed: int = 7) -> str:
    """Create a library repository with ``commits`` commits; return the most edited path."""
    rng = random.Random(seed)
    root.mkdir(parents=True)
    repo = Repo.init(str(root))
    objects: list[tuple[Blob | Tree | Commit, None]] = []
    versions = [[0] * DOCS_PER_FOLDER for _ in range(FOLDERS)]
    blobs: list[list[bytes | None]] = [[None] * DOCS_PER_FOLDER for _ in range(FOLDERS)]
    subtrees: list[bytes | None] = [None] * FOLDERS
    latest: dict[str, bytes] = {}
    parent: bytes | None = None
    for number in range(commits):
        if number < FOLDERS * DOCS_PER_FOLDER:
            folder, doc = divmod(number, DOCS_PER_FOLDER)
        else:
            folder, doc = rng.randrange(FOLDERS), rng.randrange(DOCS_PER_FOLDER)
        versions[folder][doc] += 1
        data = _text(folder, doc, versions[folder][doc], rng)
        blob = Blob.from_string(data)
        objects.append((blob, None))
        blobs[folder][doc] = blob.id
        latest[f"f{folder:02d}/d{doc:02d}.md"] = data
        sub = Tree()
        for index, sha in enumerate(blobs[folder]):
            if sha is not None:
                sub.add(f"d{index:02d}.md".encode(), FILE_MODE, sha)
        objects.append((sub, None))
        subtrees[folder] = sub.id
        top = Tree()
        for index, sha in enumerate(subtrees):
            if sha is not None:
                top.add(f"f{index:02d}".encode(), DIR_MODE, sha)
        objects.append((top, None))
        commit = Commit()
        commit.tree = top.id
        commit.parents = [parent] if parent else []
        commit.author = commit.committer = f"編輯{number % 7} <e{number % 7}@example.com>".encode()
        commit.author_time = commit.commit_time = START + number * 600
        commit.author_timezone = commit.commit_timezone = 8 * 3600
        commit.encoding = b"UTF-8"
        commit.message = (
            f"第 {number} 次修訂\n\nKbdesk-Doc: doc-{folder}-{doc}\n"
            f"Kbdesk-Version: {versions[folder][doc]}\n"
        ).encode()
        objects.append((commit, None))
        parent = commit.id
    repo.object_store.add_objects(objects)
    assert parent is not None
    repo.refs[b"refs/heads/main"] = parent
    repo.refs.set_symbolic_ref(b"HEAD", b"refs/heads/main")
    repo.close()
    for rel, data in latest.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    folder, doc = max(
        ((f, d) for f in range(FOLDERS) for d in range(DOCS_PER_FOLDER)),
        key=lambda fd: versions[fd[0]][fd[1]],
    )
    return f"f{folder:02d}/d{doc:02d}.md"  # the document with the longest history


def run(quick: bool) -> dict[str, float]:
    """Build the repository and time cold, warm and incremental history opening."""
    commits = QUICK_COMMITS if quick else COMMITS
    scratch = Path(tempfile.mkdtemp(prefix="kbdesk-bench-history-"))
    try:
        started = time.perf_counter()
        path = build_repo(scratch / "library", commits)
        build_s = time.perf_counter() - started
        cache = scratch / "history-cache.json"
        with LibraryRepo(scratch / "library") as repo:
            started = time.perf_counter()
            versions = History(repo, cache_file=cache).versions(path)
            cold_s = time.perf_counter() - started
            assert versions and versions[0].version == len(versions)
            warm: list[float] = []
            for _ in range(WARM_RUNS):
                started = time.perf_counter()
                again = History(repo, cache_file=cache).versions(path)
                warm.append((time.perf_counter() - started) * 1000)
                assert len(again) == len(versions)
            head = repo.head()
            text = (repo.root / path).read_text("utf-8").replace(
                f"version: {versions[0].version}", f"version: {versions[0].version + 1}"
            ) + "補充一行。\n"
            repo.commit({path: text.encode()}, "再修訂一次\n\nKbdesk-Version: x\n", when=now_stamp())
            started = time.perf_counter()
            after = History(repo, cache_file=cache).versions(path)
            incremental_ms = (time.perf_counter() - started) * 1000
            assert len(after) == len(versions) + 1 and head != repo.head()
        return {
            "history_commits": float(commits),
            "history_versions_of_doc": float(len(versions)),
            "history_repo_build_s": round(build_s, 3),
            "history_cold_s": round(cold_s, 3),
            "history_warm_ms": round(statistics.median(warm), 2),
            "history_incremental_ms": round(incremental_ms, 2),
            "history_cache_mb": round(cache.stat().st_size / 1e6, 2),
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str]) -> int:
    """Print the figures as JSON; exit 1 when warm history misses its target."""
    figures = run("--quick" in argv)
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0 if figures["history_warm_ms"] <= TARGET_WARM_MS else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
