"""The reading rules, without Qt: which version each role reads, 已更新 marks, receipts due,
the review list and browsing (``kb.reading``)."""

from __future__ import annotations

import datetime as dt

import pytest

from kbdesk.core import DocumentNotFound, Kind, KnowledgeBase, set_field
from kbdesk.core.reading.reading import NotInForce, ReviewReason
from tests.conftest import doc, publish_change


def _publish_later(kb: KnowledgeBase, days: int = 30) -> dt.date:
    later = dt.date.today() + dt.timedelta(days=days)
    text = (kb.root / "handbooks/complaint.md").read_text("utf-8").replace("24小時", "48小時")
    kb.publishing.publish("complaint", set_field(text, "effective", later), "later")
    return later


def test_is_updated_follows_what_was_last_seen(versioned_kb: KnowledgeBase) -> None:
    reading = versioned_kb.reading
    assert not reading.is_updated("complaint")  # never opened: nothing to compare with
    reading.mark_seen("complaint")
    assert not reading.is_updated("complaint")
    publish_change(versioned_kb, "24小時", "48小時")
    assert reading.is_updated("complaint")
    assert reading.is_updated("complaint", version=2)
    assert not reading.is_updated("complaint", version=1)
    assert reading.updated_among({"complaint": 2, "opening": 1}) == {"complaint"}
    assert reading.updated_documents() == {"complaint"}
    reading.mark_seen("complaint")
    assert not reading.is_updated("complaint")
    assert reading.updated_documents() == set()
    assert not reading.is_updated("no-such-doc")
    reading.mark_seen("no-such-doc")  # nothing to remember, and no error


def test_updated_rule() -> None:
    from kbdesk.core.reading.reading import Reading

    assert Reading.updated(1, 2) and not Reading.updated(2, 2) and not Reading.updated(None, 5)


def test_changes_since(versioned_kb: KnowledgeBase) -> None:
    versioned_kb.reading.mark_seen("complaint")
    publish_change(versioned_kb, "24小時", "48小時")
    publish_change(versioned_kb, "交給主管", "交給值班主管")
    diff = versioned_kb.reading.changes_since("complaint")
    assert diff is not None and (diff.old_label, diff.new_label) == ("v1", "v3")
    since2 = versioned_kb.reading.changes_since("complaint", 2)
    assert since2 is not None and (since2.old_label, since2.new_label) == ("v2", "v3")
    assert versioned_kb.reading.changes_since("complaint", 3) is None


def test_agents_read_the_version_in_force_and_editors_the_newest(
    versioned_kb: KnowledgeBase,
) -> None:
    _publish_later(versioned_kb)
    reading = versioned_kb.reading
    assert reading.document_for("complaint", editor=False).version == 1
    assert reading.document_for("complaint", editor=True).version == 2
    with pytest.raises(DocumentNotFound):
        reading.document_for("nothing", editor=True)


def test_a_new_document_before_its_date_is_not_in_force(versioned_kb: KnowledgeBase) -> None:
    later = dt.date.today() + dt.timedelta(days=10)
    text = "---\ntitle: 新規定\nkind: handbook\nid: future\neffective: " + later.isoformat()
    versioned_kb.publishing.publish("handbooks/future.md", text + "\n---\n明年生效。\n", "新規定")
    with pytest.raises(NotInForce):
        versioned_kb.reading.document_for("future", editor=False)
    assert versioned_kb.reading.document_for("future", editor=True).id == "future"


def test_acknowledgement_rule(versioned_kb: KnowledgeBase) -> None:
    reading = versioned_kb.reading
    opening, complaint = versioned_kb.document("opening"), versioned_kb.document("complaint")
    assert reading.needs_acknowledgement(opening, "陳")
    assert not reading.needs_acknowledgement(complaint, "陳")  # it does not ask for one
    versioned_kb.receipts.acknowledge(opening, "陳")
    assert not reading.needs_acknowledgement(opening, "陳")
    assert reading.needs_acknowledgement(opening, "林")
    assert not reading.needs_acknowledgement(opening, None)  # someone confirmed it
    retired = versioned_kb.publishing.retire("opening", "不再使用").version
    assert retired == 2
    assert not reading.needs_acknowledgement(versioned_kb.document("opening"), "林")


def test_review_items(versioned_kb: KnowledgeBase) -> None:
    today = dt.date.today()
    text = (versioned_kb.root / "phrasings/opening.md").read_text("utf-8")
    versioned_kb.publishing.publish(
        "opening", set_field(text, "review_by", today - dt.timedelta(days=1)), "檢視日"
    )
    later = _publish_later(versioned_kb)
    items = versioned_kb.reading.review_items(today)
    assert [(i.reason, i.doc_id) for i in items] == [
        (ReviewReason.STALE, "opening"),
        (ReviewReason.PENDING, "complaint"),
    ]
    assert items[1].date == later and items[1].version == 2 and items[1].in_force == 1
    assert items[0].title == "標準開場白"
    assert versioned_kb.reading.review_items(today - dt.timedelta(days=2))[0].reason == "pending"


def test_browse_filters_by_kind_and_category(versioned_kb: KnowledgeBase) -> None:
    reading = versioned_kb.reading
    assert [d.id for d in reading.browse()] == ["complaint", "opening"]
    assert [d.id for d in reading.browse(Kind.PHRASING)] == ["opening"]
    assert [d.id for d in reading.browse(category="投訴處理")] == ["complaint"]
    assert reading.browse(category="投訴") == []  # a prefix is not a parent category
    _publish_later(versioned_kb)
    assert {d.id: d.version for d in reading.browse()} == {"complaint": 1, "opening": 1}


def test_check_reports_files_and_unreadable_time_limits(make_library) -> None:
    body = "\n## 1. 接收\n\n- 時限：30分鐘內\n\n## 2. 回覆\n\n- 時限：儘快\n"
    root = make_library(
        {
            "procedures/p.md": doc("流程", kind="procedure", body=body, id="p"),
            "handbooks/bad.md": "no front matter\n",
        }
    )
    with KnowledgeBase(root) as kb:
        problems = [str(p) for p in kb.library_rules.check()]
        assert kb.document_count() == 1
    assert any(p.startswith("handbooks/bad.md") for p in problems)
    assert any("procedures/p.md: step" in p and "'儘快'" in p for p in problems)
    assert not any("30分鐘內" in p for p in problems)


def test_send_published_without_a_shared_library(versioned_kb: KnowledgeBase) -> None:
    sent = versioned_kb.sync.send_published("編輯")
    assert sent.remote is None and sent.result is None and sent.error is None


def test_send_published_reports_an_unreachable_shared_library(
    versioned_kb: KnowledgeBase, tmp_path
) -> None:
    remote = tmp_path / "remote.git"
    from dulwich import porcelain

    porcelain.init(str(remote), bare=True).close()
    assert versioned_kb.sync.sync(remote_url=str(remote)).pushed
    publish_change(versioned_kb, "24小時", "48小時")
    sent = versioned_kb.sync.send_published("編輯")
    assert sent.remote == str(remote) and sent.error is None and sent.result is not None
    import shutil

    shutil.rmtree(remote)
    publish_change(versioned_kb, "48小時", "72小時")
    sent = versioned_kb.sync.send_published("編輯")
    assert sent.remote == str(remote) and sent.error is not None and sent.result is None
