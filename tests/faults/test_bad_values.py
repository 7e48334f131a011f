"""One bad value never takes the rest down: impossible dates, huge versions, read-only folders,
damaged app-state files, hostile Markdown, a remote that never answered (issue 7, section 3)."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.render import render
from kbdesk.core.reading.receipts import ReceiptBook
from kbdesk.core.storage.drafts import DraftStore
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.settings import Settings
from tests.clock import now_stamp
from tests.conftest import doc
from tests.faults.conftest import as_plain_user, kbdesk

GOOD = doc("退款規則", id="refund", body="\n## 時限\n\n退款須在24小時內處理。\n")


def test_impossible_dates_name_the_file_and_line_and_the_rest_searches(make_library) -> None:
    root = make_library({
        "refund.md": GOOD,
        "bad-effective.md": doc("生效日錯", effective="2026-13-45", body="\n退款例外一。\n"),
        "bad-review.md": doc("複查日錯", review_by="2026-02-30", body="\n退款例外二。\n"),
        "library.yaml": "name: 測試庫\nholidays:\n  - 2026-02-30\n",
    })
    checked = kbdesk("check", "--library", str(root))
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "bad-effective.md:4: field 'effective'" in checked.stdout
    assert "bad-review.md:4: field 'review_by'" in checked.stdout
    assert "library.yaml" in checked.stdout and "2026-02-30" in checked.stdout
    searched = kbdesk("search", "退款", "--library", str(root))
    assert searched.returncode == 0 and "退款規則" in searched.stdout, searched.stderr
    kb = KnowledgeBase(root)
    kb.load()
    assert kb.name == "測試庫"  # the rest of library.yaml still counts


def test_a_version_too_large_for_the_index_is_a_problem_not_a_crash(make_library) -> None:
    root = make_library({
        "refund.md": GOOD,
        "huge.md": doc("巨大版本", version=2**31, body="\n退款例外。\n"),
        "edge.md": doc("最大版本", id="edge", version=2**31 - 1, body="\n邊界。\n"),
    })
    checked = kbdesk("check", "--library", str(root))
    assert "huge.md:4: field 'version': 2147483648 is too large" in checked.stdout
    kb = KnowledgeBase(root)
    assert [h.doc_id for h in kb.search("退款").hits][:1] == ["refund"]
    assert kb.search("邊界").hits  # the largest number still indexes
    text = (root / "edge.md").read_text("utf-8").replace("邊界", "新邊界")
    (root / "edge.md").write_text(text, "utf-8")
    published = kbdesk("publish", str(root / "edge.md"), "--note", "x", "--library", str(root))
    assert published.returncode == 2 and "too large" in published.stderr  # never 2**31
    assert "Traceback" not in published.stderr


def _search_as_plain_user(root: Path) -> object:
    return kbdesk("search", "退款", "--library", str(root), **as_plain_user())


def test_a_read_only_index_folder_is_searched_as_it_is(make_library) -> None:
    root = make_library({"refund.md": GOOD}, in_checkout=True)
    assert kbdesk("index", "--library", str(root)).returncode == 0
    (root / "more.md").write_text(doc("退款補充", body="\n退款補充說明。\n"), "utf-8")
    cache = paths.cache_dir()
    os.chmod(cache / "indexes", 0o555)
    for index in (cache / "indexes").iterdir():
        if index.is_dir():
            os.chmod(index, 0o555)
    try:
        result = _search_as_plain_user(root)
    finally:
        for folder in [cache / "indexes", *(cache / "indexes").iterdir()]:
            if folder.is_dir():
                os.chmod(folder, 0o755)
    assert result.returncode == 0, result.stderr
    assert "退款規則" in result.stdout
    assert "the search index cannot be updated" in result.stderr and "Traceback" not in result.stderr


def test_a_read_only_data_folder_still_searches(make_library, monkeypatch, tmp_path) -> None:
    root = make_library({"refund.md": GOOD})
    LibraryRepo.init(root, when=now_stamp()).close()
    data = tmp_path / "read-only-data"
    data.mkdir(mode=0o555)
    monkeypatch.setenv("KBDESK_DATA_DIR", str(data))
    try:
        result = _search_as_plain_user(root)
    finally:
        os.chmod(data, 0o755)
    assert result.returncode == 0, result.stderr
    assert "退款規則" in result.stdout
    assert "using a temporary index" in result.stderr and "Traceback" not in result.stderr


def test_damaged_app_state_files_are_set_aside(make_library) -> None:
    root = make_library({"refund.md": GOOD})
    settings_file = paths.data_dir() / "settings.json"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_bytes(b'{"font_size": 14, "name": "\xff\xfe"}')
    settings = Settings.load()
    assert settings.problems and "not UTF-8" in settings.problems[0]
    assert (settings_file.parent / "settings.json.damaged").is_file()
    kb = KnowledgeBase(root)
    book = ReceiptBook(kb.root, kb.clock)
    book.acknowledge(kb.document("refund"), "甲")
    with open(book.receipts_file, "ab") as handle:
        handle.write(b'{"doc_id": "x\xff", "version": 1}\n')
    book.acknowledge(kb.document("refund"), "乙")
    assert [r.agent for r in book.receipts()] == ["甲", "乙"]
    book.seen_file.write_text(json.dumps({"refund": "three"}), "utf-8")
    assert book.last_seen("refund") is None
    assert book.seen_file.with_name(book.seen_file.name + ".damaged").is_file()
    store = DraftStore(kb.root, kb.clock)
    store.directory.mkdir(parents=True, exist_ok=True)
    bad = store.directory / "0123456789abcdef01234567.json"
    bad.write_text(json.dumps({"doc_id": "refund", "path": "refund.md", "text": "x",
                               "cursor": "end"}), "utf-8")
    assert store.list() == [] and bad.with_name(bad.name + ".damaged").is_file()
    manifest = kb.index.directory / "kbdesk-manifest.json"
    kb.ensure_index()
    kb.close()
    manifest.write_text(json.dumps({"docs": ["refund"], "files": "all"}), "utf-8")
    again = KnowledgeBase(root)
    assert again.ensure_index().rebuilt
    assert [h.doc_id for h in again.search("退款").hits][:1] == ["refund"]


def test_a_remote_becomes_the_librarys_only_after_a_sync_succeeded(
    make_library, bare: Path, tmp_path: Path
) -> None:
    root = make_library({"refund.md": GOOD})
    wrong = kbdesk("sync", "--remote", "http://127.0.0.1:9/kb.git", "--library", str(root))
    assert wrong.returncode == 3
    assert LibraryRepo(root).remote_url() is None
    right = kbdesk("sync", "--remote", str(bare), "--library", str(root))
    assert right.returncode == 0, right.stderr
    assert LibraryRepo(root).remote_url() == str(bare)


def test_hostile_markdown_renders_quickly_or_as_text() -> None:
    nested = "".join("  " * depth + f"- 第{depth}層\n" for depth in range(250))
    cases = {"nested": nested, "brackets": "[" * 20_000, "links": "[a](" * 5_000}
    for name, text in cases.items():
        outcome: dict[str, object] = {}

        def work(text: str = text, outcome: dict[str, object] = outcome) -> None:
            started = time.perf_counter()
            outcome["html"] = render(text)
            outcome["seconds"] = time.perf_counter() - started

        worker = threading.Thread(target=work)  # rendering runs off the UI thread in the app
        worker.start()
        worker.join(30)
        assert not worker.is_alive(), name
        assert isinstance(outcome.get("html"), str), name
        assert outcome["seconds"] < 0.5, (name, outcome["seconds"])
    assert "第249層" in render(nested)  # shown as text, nothing lost


def test_a_negated_phrase_excludes(make_library) -> None:
    root = make_library({
        "refund.md": GOOD,
        "complaint.md": doc("退款投訴", id="complaint", body="\n## 投訴\n\n退款投訴要升級。\n"),
    })
    kb = KnowledgeBase(root)
    assert {h.doc_id for h in kb.search("退款").hits} == {"refund", "complaint"}
    assert {h.doc_id for h in kb.search('退款 -"投訴"').hits} == {"refund"}
    assert {h.doc_id for h in kb.search('退款 -「投訴」').hits} == {"refund"}
