"""Nothing typed is lost: drafts beside sync conflicts, hand edits of library files, the first
edit in a folder kbdesk had not seen before (issue 7, section 1)."""

from __future__ import annotations

from pathlib import Path

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.drafts import Draft
from kbdesk.core.storage.repo import LibraryRepo
from tests.conftest import doc
from tests.faults.conftest import kbdesk
from tests.remotes import replaced

REFUND = doc("退款規則", id="refund", version=1, body="\n退款須在24小時內處理。\n")


def test_a_sync_conflict_never_replaces_the_editors_draft(workstations) -> None:
    a, b = workstations
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "甲改48", "甲")
    a.sync.sync()
    b.publishing.publish("refund", replaced(b, "refund", "24小時", "72小時"), "乙改72", "乙")
    typed = replaced(b, "refund", "72小時", "72小時（週末順延）")
    b.drafts.save(Draft("refund", "refund.md", typed, base_version=2, cursor=5))
    result = b.sync.sync()
    assert [c.path for c in result.conflicts] == ["refund.md"]
    drafts = {d.origin: d for d in b.drafts.drafts_of("refund")}
    assert set(drafts) == {"editor", "sync-conflict"}
    assert drafts["editor"].text == typed  # what was typed is still there
    assert "72小時" in drafts["sync-conflict"].text
    assert result.conflicts[0].draft == drafts["sync-conflict"].name
    assert b.drafts.load("refund").text == typed  # the editor reopens its own draft


def test_a_hand_edit_made_while_a_draft_exists_is_kept_beside_it(workstations) -> None:
    a, b = workstations
    b.drafts.save(Draft("refund", "refund.md", replaced(b, "refund", "24小時", "12小時")))
    hand = replaced(b, "refund", "24小時", "36小時")
    (b.root / "refund.md").write_text(hand, "utf-8")
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "甲改48", "甲")
    a.sync.sync()
    result = b.sync.sync()
    assert result.kept_drafts == ["refund"]
    texts = {d.origin: d.text for d in b.drafts.drafts_of("refund")}
    assert texts["working-file"] == hand and "12小時" in texts["editor"]
    assert "48小時" in (b.root / "refund.md").read_text("utf-8")


def _library(make_library) -> KnowledgeBase:
    kb = KnowledgeBase(make_library({"refund.md": REFUND}))
    kb.publishing.publish("refund", replaced(kb, "refund", "24小時", "48小時"), "改為48小時", "甲")
    return kb


def _hand_edit(kb: KnowledgeBase) -> str:
    path = kb.root / "refund.md"
    text = path.read_text("utf-8").replace("48小時", "96小時（未審）")
    path.write_text(text, "utf-8")
    return text


def test_rollback_keeps_a_hand_edit_as_a_draft_first(make_library) -> None:
    kb = _library(make_library)
    hand = _hand_edit(kb)
    result = kb.publishing.rollback("refund", 1, "回到24小時", "甲")
    assert result.kept_drafts and "24小時" in (kb.root / "refund.md").read_text("utf-8")
    assert [d.text for d in kb.drafts.drafts_of("refund")] == [hand]
    assert kb.drafts.drafts_of("refund")[0].origin == "working-file"


def test_publishing_another_text_keeps_the_hand_edit(make_library) -> None:
    kb = _library(make_library)
    hand = _hand_edit(kb)
    other = kb.versions.text_at("refund", 2).replace("48小時", "60小時")
    kb.publishing.publish("refund", other, "改為60小時", "乙")
    assert "60小時" in (kb.root / "refund.md").read_text("utf-8")
    assert [d.text for d in kb.drafts.drafts_of("refund")] == [hand]


def test_retire_never_publishes_the_unreviewed_hand_edit(make_library) -> None:
    kb = _library(make_library)
    hand = _hand_edit(kb)
    result = kb.publishing.retire("refund", "改由新流程處理", "甲")
    published = kb.versions.text_at("refund", result.version)
    assert "status: retired" in published and "96小時" not in published
    assert "48小時" in published
    assert [d.text for d in kb.drafts.drafts_of("refund")] == [hand]


def test_agents_see_the_published_version_not_a_hand_edit(make_library) -> None:
    kb = _library(make_library)
    _hand_edit(kb)
    kb.ensure_index()
    assert kb.search("96小時").hits == []
    hits = kb.search("48小時").hits
    assert [(h.doc_id, h.version) for h in hits][:1] == [("refund", 2)]
    in_force = kb.versions.document_in_force("refund")
    assert in_force is not None and "48小時" in in_force.body and "96" not in in_force.body
    assert kb.sync.unpublished() == {"refund.md": "modified"}
    shown = kbdesk("show", "refund", "--library", str(kb.root))
    assert shown.returncode == 0 and "48小時" in shown.stdout and "96小時" not in shown.stdout
    checked = kbdesk("check", "--library", str(kb.root))
    assert "refund.md: unpublished: edited since it was last published" in checked.stdout


def test_the_first_edit_in_a_new_folder_is_a_version_of_its_own(make_library) -> None:
    root = make_library({"refund.md": REFUND})
    opened = kbdesk("search", "退款", "--library", str(root))  # kbdesk sees the folder once
    assert opened.returncode == 0, opened.stderr
    path = root / "refund.md"
    path.write_text(path.read_text("utf-8").replace("24小時", "48小時"), "utf-8")
    published = kbdesk("publish", str(path), "--note", "改為48小時", "--library", str(root))
    assert published.returncode == 0, published.stderr
    kb = KnowledgeBase(root)
    history = kb.versions.history("refund")
    assert [(v.version, v.note) for v in history] == [(2, "改為48小時"), (1, "Initial library")]
    assert "24小時" in kb.versions.text_at("refund", 1) and "48小時" in kb.versions.text_at("refund", 2)
    assert LibraryRepo(root).head() == history[0].commit


def test_drafts_of_a_long_chinese_name_save_and_publish(make_library) -> None:
    name = "客戶投訴處理與退款補償流程之完整作業規範及例外情況說明與主管覆核要點"  # 34 characters
    rel = f"{name}/{name}.md"
    root = make_library({rel: doc(name, body="\n退款須在24小時內處理。\n")})
    kb = KnowledgeBase(root)
    doc_id = kb.documents()[0].id
    assert len(doc_id.encode("utf-8")) > 200  # longer than a file name may be
    saved = kb.drafts.save(Draft(doc_id, rel, "草稿"))
    assert kb.drafts.load(doc_id) == saved and len(saved.name) < 40
    kb.publishing.publish(doc_id, replaced(kb, doc_id, "24小時", "48小時"), "改為48小時", "甲")
    (root / rel).write_text((root / rel).read_text("utf-8") + "\n手改。\n", "utf-8")
    result = kb.publishing.rollback(doc_id, 1, "恢復", "甲")  # keeps the hand edit as a draft, then publishes
    # the hand edit is kept as a draft beside the editor's own (a different text, never published)
    assert result.version == 3
    assert sorted(d.origin for d in kb.drafts.drafts_of(doc_id)) == ["editor", "working-file"]
    assert Path(root / rel).read_text("utf-8").count("手改") == 0


def test_publishing_from_another_process_keeps_an_editors_autosaved_draft(
    make_library, tmp_path: Path
) -> None:
    kb = _library(make_library)
    typed = replaced(kb, "refund", "48小時", "48小時（含週末）")
    kb.drafts.save(Draft("refund", "refund.md", typed, base_version=2))
    # another editor publishes a different text from the command line meanwhile
    other = tmp_path / "refund-from-elsewhere.md"
    other.write_text(replaced(kb, "refund", "48小時", "36小時"), "utf-8")
    done = kbdesk("publish", str(other), "--note", "改為36小時", "--library", str(kb.root))
    assert done.returncode == 0, done.stderr
    assert "36小時" in (kb.root / "refund.md").read_text("utf-8")
    assert [d.text for d in kb.drafts.drafts_of("refund")] == [typed]


def test_publishing_the_text_of_a_draft_removes_that_draft(make_library) -> None:
    kb = _library(make_library)
    typed = replaced(kb, "refund", "48小時", "36小時")
    kb.drafts.save(Draft("refund", "refund.md", typed, base_version=2))
    kb.publishing.publish("refund", typed, "改為36小時", "甲")
    assert kb.drafts.drafts_of("refund") == []


def test_a_kept_hand_edit_survives_the_next_publish_too(make_library) -> None:
    kb = _library(make_library)
    hand = _hand_edit(kb)
    kb.publishing.rollback("refund", 1, "回到24小時", "甲")  # keeps the hand edit as a draft
    kb.publishing.publish("refund", replaced(kb, "refund", "24小時", "12小時"), "改為12小時", "乙")
    assert [(d.origin, d.text) for d in kb.drafts.drafts_of("refund")] == [("working-file", hand)]
