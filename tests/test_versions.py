"""Publishing versions: change notes, version numbers, history, diff, rollback, retire, failures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kbdesk.core.errors import DocumentError, DocumentNotFound, KbError
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.history import History, front_fields, split_message
from kbdesk.core.storage.repo import LibraryRepo, RepoError
from kbdesk.core.workflow.versioning import PublishError, set_field, set_version
from kbdesk.core.workstation import paths
from tests.clock import now_stamp
from tests.conftest import doc

SOP = doc(
    "投訴處理流程",
    "procedure",
    "\n## 調查\n\n- 角色：處理專員\n- 時限：24小時內\n\n查明事實。\n",
    id="sop-complaint",
    version=1,
    tags="[投訴]  # 標籤",
)


@pytest.fixture
def kb(make_library) -> KnowledgeBase:
    root = make_library({"procedures/complaint.md": SOP, "handbooks/other.md": doc("其他")})
    LibraryRepo.init(root, author="初始 <init@example.com>", when=now_stamp()).close()
    return KnowledgeBase(root)


def edited(kb: KnowledgeBase, old: str, new: str) -> str:
    text = (kb.root / "procedures/complaint.md").read_text("utf-8")
    assert old in text
    return text.replace(old, new)


def test_publish_history_diff_rollback(kb: KnowledgeBase) -> None:
    first = kb.publishing.publish(
        "sop-complaint",
        edited(kb, "24小時", "48小時"),
        "時限延長",
        author="王小明 <wang@example.com>",
    )
    assert (first.version, first.path) == (2, "procedures/complaint.md")
    text = (kb.root / first.path).read_text("utf-8")
    assert "version: 2\n" in text and "tags: [投訴]  # 標籤" in text
    assert kb.document("sop-complaint").version == 2
    assert [hit.doc_id for hit in kb.search("48小時").hits][:1] == ["sop-complaint"]

    kb.publishing.publish(
        "sop-complaint", edited(kb, "查明事實。", "查明事實並記錄。"), "補充記錄要求", author="李四"
    )
    history = kb.versions.history("sop-complaint")
    assert [(v.version, v.note) for v in history] == [
        (3, "補充記錄要求"),
        (2, "時限延長"),
        (1, "Initial library"),
    ]
    assert history[1].author == "王小明 <wang@example.com>"
    assert dt.datetime.fromisoformat(history[0].date).date() == dt.date.today()

    diff = kb.versions.diff("sop-complaint", 1, 2)
    changed = [(s.kind, s.text) for s in diff.changed_segments()]
    assert ("delete", "24") in changed and ("insert", "48") in changed
    assert all("小時" not in s for _, s in changed)
    assert "- 時限：[-24-]小時內" in diff.unified() or "- - 時限：[-24-]小時內" in diff.unified()
    side = [row for row in diff.rows if row.kind == "replace"]
    assert any(seg.text == "48" and seg.kind == "insert" for row in side for seg in row.new)

    with pytest.raises(PublishError, match="'note'"):  # a rollback needs a note too
        kb.publishing.rollback("sop-complaint", 1, author="王小明")
    assert len(kb.versions.history("sop-complaint")) == 3  # nothing published
    back = kb.publishing.rollback("sop-complaint", 1, "恢復原規定", author="王小明")
    assert back.version == 4
    assert kb.versions.history("sop-complaint")[0].note == "回復至 v1：恢復原規定"
    restored = (kb.root / back.path).read_text("utf-8")
    assert "24小時" in restored and "version: 4" in restored and "查明事實。" in restored
    assert kb.versions.text_at("sop-complaint", 1) == SOP
    assert len(kb.versions.history("sop-complaint")) == 4  # nothing rewritten


def test_publish_requires_a_change_note_and_valid_text(kb: KnowledgeBase) -> None:
    head = LibraryRepo(kb.root).head()
    with pytest.raises(PublishError, match="'note'"):
        kb.publishing.publish("sop-complaint", edited(kb, "24", "48"), "  ")
    broken = edited(kb, "kind: procedure", "kind: manual")
    with pytest.raises(DocumentError, match=r"procedures/complaint.md:3: field 'kind'"):
        kb.publishing.publish("sop-complaint", broken, "壞掉")
    with pytest.raises(PublishError, match="nothing changed"):
        kb.publishing.publish("sop-complaint", SOP, "沒改")
    assert LibraryRepo(kb.root).head() == head
    assert (kb.root / "procedures/complaint.md").read_text("utf-8") == SOP


def test_publish_a_new_document_and_a_folder_without_git(make_library) -> None:
    root = make_library({"a.md": doc("甲", version=4)})
    kb = KnowledgeBase(root)
    assert [v.version for v in kb.versions.history("a")] == [4]  # opening took the baseline
    result = kb.publishing.publish("a", doc("甲", body="新內容\n", version=4), "第一次發布")
    assert result.version == 5
    assert [v.version for v in kb.versions.history("a")] == [5, 4]
    new = kb.publishing.publish("b/new.md", doc("新文件"), "新增")
    assert new.version == 1 and "version: 1" in (root / "b/new.md").read_text("utf-8")
    with pytest.raises(DocumentNotFound):
        kb.publishing.publish("nowhere", doc("x"), "x")


def test_failure_while_committing_leaves_file_repo_and_index_consistent(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb.ensure_index()
    repo_head = LibraryRepo(kb.root).head()

    def broken_commit(*args: object, **kwargs: object) -> str:
        raise RepoError("disk full (injected)")

    monkeypatch.setattr(LibraryRepo, "commit", broken_commit)
    with pytest.raises(PublishError, match="nothing changed: disk full"):
        kb.publishing.publish("sop-complaint", edited(kb, "24小時", "48小時"), "時限延長")
    monkeypatch.undo()
    assert (kb.root / "procedures/complaint.md").read_text("utf-8") == SOP
    assert LibraryRepo(kb.root).head() == repo_head
    kb.ensure_index()
    assert kb.search("48小時").hits == []
    assert kb.search("24小時").hits[0].version == 1
    assert [v.version for v in kb.versions.history("sop-complaint")] == [1]
    ok = kb.publishing.publish("sop-complaint", edited(kb, "24小時", "48小時"), "再試一次")
    assert ok.version == 2


def test_failure_while_indexing_keeps_the_published_version(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kbdesk.core.errors import IndexBusy
    from kbdesk.core.search.index import SearchIndex

    kb.ensure_index()

    def busy(*args: object, **kwargs: object) -> None:
        raise IndexBusy("locked (injected)")

    monkeypatch.setattr(SearchIndex, "sync", busy)
    result = kb.publishing.publish("sop-complaint", edited(kb, "24小時", "48小時"), "時限延長")
    assert result.version == 2 and not result.reindexed
    monkeypatch.undo()
    kb.ensure_index()
    assert kb.search("48小時").hits[0].version == 2


def test_publish_reindexes_only_that_document(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb.ensure_index()
    stats = []
    original = kb.index.sync

    def spy(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        result = original(*args, **kwargs)  # type: ignore[arg-type]
        stats.append(result)
        return result

    monkeypatch.setattr(kb.index, "sync", spy)
    kb.publishing.publish("sop-complaint", edited(kb, "24小時", "48小時"), "時限延長")
    assert [(s.added, s.updated, s.removed) for s in stats] == [(0, 1, 0)]


def test_retire_keeps_the_document_viewable_and_out_of_default_search(kb: KnowledgeBase) -> None:
    with pytest.raises(PublishError, match="'note'"):
        kb.publishing.retire("sop-complaint", "")
    result = kb.publishing.retire("sop-complaint", "流程合併至新版", author="王小明")
    assert result.version == 2
    assert kb.document("sop-complaint").status.value == "retired"
    assert kb.search("24小時").hits == []
    assert kb.search("24小時", include_retired=True).hits[0].status == "retired"
    assert kb.versions.history("sop-complaint")[0].status == "retired"
    assert kb.versions.text_at("sop-complaint", 1) == SOP


def test_set_version_edits_or_inserts_the_line_only() -> None:
    text = "---\ntitle: T\nkind: handbook\nversion: 7   # 版本\nnested:\n  version: 1\n---\nbody\n"
    assert set_version(text, 8) == text.replace("version: 7   # 版本", "version: 8   # 版本")
    plain = "---\ntitle: T\n---\nversion: 1\n"
    assert set_version(plain, 2) == "---\ntitle: T\nversion: 2\n---\nversion: 1\n"
    assert set_field(plain, "status", "retired").startswith("---\ntitle: T\nstatus: retired\n")
    with pytest.raises(PublishError, match="front matter"):
        set_version("no front matter", 2)


def test_commit_messages_carry_trailers() -> None:
    note, trailers = split_message("改時限\n\n說明第二段\n\nKbdesk-Doc: a\nKbdesk-Version: 3\n")
    assert note == "改時限\n\n說明第二段"
    assert trailers == {"Kbdesk-Doc": "a", "Kbdesk-Version": "3"}
    assert split_message("只有一行") == ("只有一行", {})
    assert front_fields(
        "---\nid: x\nversion: 2 # c\neffective: '2026-01-01'\n---\nversion: 9\n"
    ) == {"id": "x", "version": "2", "effective": "2026-01-01"}


def test_history_cache_is_incremental_and_survives_a_restart(kb: KnowledgeBase) -> None:
    kb.publishing.publish("sop-complaint", edited(kb, "24小時", "48小時"), "一")
    kb.versions.history("sop-complaint")
    cache_files = list((paths.cache_dir() / "history").glob("*.json"))
    assert len(cache_files) == 1
    data = json.loads(cache_files[0].read_text("utf-8"))
    assert data["head"] == LibraryRepo(kb.root).head()
    repo = LibraryRepo(kb.root)
    repo.commit(
        {
            "procedures/complaint.md": edited(kb, "48小時", "72小時")
            .replace("version: 2", "version: 3")
            .encode("utf-8")
        },
        "二\n\nKbdesk-Version: 3\n",
        when=now_stamp(),
    )
    fresh = History(repo)
    seen: list[str] = []
    original = History._changed_paths

    def counting(self: History, commit):  # type: ignore[no-untyped-def]
        seen.append(commit.id.decode())
        return original(self, commit)

    History._changed_paths = counting  # type: ignore[method-assign]
    try:
        notes = [v.note for v in fresh.versions("procedures/complaint.md")]
    finally:
        History._changed_paths = original  # type: ignore[method-assign]
    assert notes == ["二", "一", "Initial library"]
    assert seen == [repo.head()]  # only the commit made since the cached head was read
    assert json.loads(cache_files[0].read_text("utf-8"))["head"] == repo.head()


def test_history_cache_rebuilds_when_history_is_not_an_ancestor(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    repo = LibraryRepo(kb.root)
    history = History(repo, cache_file=tmp_path / "cache.json")
    assert len(history.versions("procedures/complaint.md")) == 1
    data = json.loads((tmp_path / "cache.json").read_text("utf-8"))
    data["head"] = "0" * 40  # an unknown commit: the cache must be rebuilt, not trusted
    data["entries"]["ghost.md"] = [
        dict(data["entries"]["procedures/complaint.md"][0], path="ghost.md")
    ]
    (tmp_path / "cache.json").write_text(json.dumps(data), "utf-8")
    again = History(repo, cache_file=tmp_path / "cache.json")
    assert "ghost.md" not in again.paths()


def test_diff_structures_for_inline_and_side_by_side_views() -> None:
    from kbdesk.core.storage.diff import diff_texts

    old = "標題\n時限：24小時內\n刪掉這行\n結尾"
    new = "標題\n時限：48小時內\n結尾\n新增一行"
    diff = diff_texts(old, new, old_label="v1", new_label="v2")
    kinds = [line.kind for line in diff.inline]
    assert kinds == ["equal", "replace", "delete", "equal", "insert"]
    replaced = diff.inline[1]
    assert [(s.kind, s.text) for s in replaced.segments] == [
        ("equal", "時限："),
        ("delete", "24"),
        ("insert", "48"),
        ("equal", "小時內"),
    ]
    rows = diff.rows
    assert (rows[2].old_no, rows[2].new_no, rows[2].new) == (3, None, ())
    assert (rows[4].old_no, rows[4].new_no) == (None, 4)
    text = diff.unified(context=0)
    assert text.startswith("--- v1\n+++ v2\n")
    assert "- 刪掉這行" not in text and "- [-刪掉這行-]" in text and "+ {+新增一行+}" in text
    assert "標題" not in text  # outside the context
    assert "\x1b[1;32m48\x1b[0m" in diff.unified(color=True)
    assert not diff_texts("同", "同").changed


def test_history_reads_safely_while_publishing_from_another_thread(kb: KnowledgeBase) -> None:
    import threading

    errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                for info in kb.versions.history("sop-complaint"):
                    kb.versions.text_at("sop-complaint", info.version or 1)
            except BaseException as exc:  # reported to the test thread
                errors.append(exc)
                return

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for hours in (30, 36, 42, 48, 54):
            text = (kb.root / "procedures/complaint.md").read_text("utf-8")
            text = text.replace(text.split("時限：")[1].split("內")[0], f"{hours}小時")
            kb.publishing.publish("sop-complaint", text, f"改為{hours}小時")
    finally:
        stop.set()
        thread.join(timeout=30)
    assert errors == []
    assert [v.version for v in kb.versions.history("sop-complaint")] == [6, 5, 4, 3, 2, 1]


def test_move_keeps_history_and_removes_the_old_file(kb: KnowledgeBase) -> None:
    kb.publishing.publish("sop-complaint", edited(kb, "24小時", "48小時"), "時限延長")
    result = kb.publishing.move("sop-complaint", "procedures/complaints/handling.md", "移到投訴資料夾")
    assert (result.path, result.version) == ("procedures/complaints/handling.md", 3)
    assert not (kb.root / "procedures/complaint.md").exists()
    assert kb.document("sop-complaint").path == "procedures/complaints/handling.md"
    history = kb.versions.history("sop-complaint")
    assert [(v.version, v.path) for v in history] == [
        (3, "procedures/complaints/handling.md"),
        (2, "procedures/complaint.md"),
        (1, "procedures/complaint.md"),
    ]
    assert "24小時" in kb.versions.text_at("sop-complaint", 1)
    assert "時限：{+48+}小時內" in kb.versions.diff("sop-complaint", 1, 3).unified()
    assert [h.path for h in kb.search("48小時").hits] == ["procedures/complaints/handling.md"]
    assert set(kb.versions.in_force_on()) == {"handbooks/other", "sop-complaint"}
    later = kb.versions.in_force_on(dt.date.today() + dt.timedelta(days=1))
    assert later["sop-complaint"].path == "procedures/complaints/handling.md"
    with pytest.raises(PublishError, match=r"ending \.md"):
        kb.publishing.move("sop-complaint", "../outside.md", "壞路徑")
    (kb.root / "taken.md").write_text(doc("佔位"), "utf-8")
    with pytest.raises(PublishError, match="already exists"):
        kb.publishing.move("sop-complaint", "taken.md", "撞名")
    assert (kb.root / "procedures/complaints/handling.md").is_file()


def test_publishing_an_id_used_by_another_document_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(PublishError, match="'sop-complaint' is already used by procedures"):
        kb.publishing.publish("handbooks/copy.md", SOP, "複製一份")
    assert not (kb.root / "handbooks/copy.md").exists()


@pytest.mark.parametrize(
    "bad",
    [
        "../outside.md",
        "a/../../x.md",
        "/etc/x.md",
        "C:/x.md",
        ".git/x.md",
        "a/.hidden.md",
        "notes.txt",
        "a//b.md",
    ],
)
def test_publish_never_writes_outside_the_library(kb: KnowledgeBase, bad: str) -> None:
    with pytest.raises(KbError, match=r"inside the library|library path ending \.md"):
        kb.publishing.publish(bad, doc("外面", id="outside-doc"), "越界")
    assert not (kb.root.parent / "outside.md").exists()
