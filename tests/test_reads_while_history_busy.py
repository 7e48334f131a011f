"""What the window reads of the versions in force answers while the history is held (by a
publish, a sync or a refresh on another thread): from today's snapshot, without a lock."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kbdesk.core import KnowledgeBase, NotInForce
from tests.conftest import doc
from tests.history_busy import history_held


def _in_thread(read: Callable[[], Any]) -> Any:
    """Run ``read`` on a thread of its own and return what it returned (or raise what it
    raised); ``history_held`` fails the test when the read waited for the held locks."""
    got: list[Any] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            got.append(read())
        except BaseException as exc:  # handed back to the test
            failed.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(60)
    if failed:
        raise failed[0]
    return got[0]


@pytest.fixture
def kb(make_library, tmp_path: Path) -> KnowledgeBase:
    root = make_library({
        "handbooks/refund.md": doc("退款手冊", id="refund", ack_required="true",
                                   body="\n## 時限\n\n七天內退款。\n"),
        "handbooks/complaint.md": doc("投訴手冊", id="complaint", body="\n## 步驟\n\n記錄。\n"),
    })
    kb = KnowledgeBase(root, index_dir=tmp_path / "index")
    kb.ensure_index()  # resolves today's documents in force, as every index sync does
    yield kb
    kb.close()


def test_reading_rules_answer_while_the_history_is_held(kb: KnowledgeBase) -> None:
    with history_held(kb) as held:
        opened = _in_thread(lambda: kb.reading.document_for("refund", editor=False))
        by_path = _in_thread(lambda: kb.reading.document_for("handbooks/refund.md",
                                                             editor=False))
        browsed = _in_thread(lambda: [d.id for d in kb.reading.browse()])
        updated = _in_thread(kb.reading.updated_documents)
        due = _in_thread(lambda: kb.reading.version_to_acknowledge(opened, "王小明"))
    assert not held.gave_up, "a read waited for the history"
    assert opened.id == by_path.id == "refund" and opened.version == 1
    assert browsed == ["complaint", "refund"]
    assert updated == set()
    assert due is not None and due.id == "refund"


def test_the_snapshot_gives_the_version_in_force_not_a_pending_one(kb: KnowledgeBase) -> None:
    later = kb.today() + dt.timedelta(days=10)
    kb.publishing.publish("refund", doc("退款手冊", id="refund", effective=later.isoformat(),
                                        body="\n## 時限\n\n十天內退款。\n"), "新時限", "編輯")
    assert kb.reading.document_for("refund", editor=True).version == 2
    with history_held(kb) as held:
        agents = _in_thread(lambda: kb.reading.document_for("refund", editor=False))
    assert not held.gave_up
    assert agents.version == 1 and "七天內退款" in agents.body


def test_the_snapshot_stops_answering_once_it_no_longer_holds(kb: KnowledgeBase) -> None:
    assert kb.versions.in_force_now() is not None
    # the folder re-read with a file changed: the snapshot is of other files
    path = kb.root / "handbooks/complaint.md"
    path.write_text(doc("投訴手冊", id="complaint", body="\n## 步驟\n\n先致歉。\n"), "utf-8")
    kb.load()
    assert kb.versions.in_force_now() is None
    assert kb.reading.document_for("complaint", editor=False).version == 1  # resolved again
    kb.versions.in_force_on()
    assert kb.versions.in_force_now() is not None
    # a re-read that changed nothing keeps it
    kb.load()
    assert kb.versions.in_force_now() is not None
    # another day: resolved anew for that day
    tomorrow = kb.today() + dt.timedelta(days=1)
    kb.set_clock(lambda: tomorrow)
    assert kb.versions.in_force_now() is None


def test_a_document_unchanged_by_a_re_read_still_opens_at_once(kb: KnowledgeBase) -> None:
    # another file changed and the folder was re-read; the resolution of today's documents is
    # still to come (the index sync running it waits for the held history)
    other = kb.root / "handbooks/complaint.md"
    other.write_text(doc("投訴手冊", id="complaint", body="\n## 步驟\n\n先致歉。\n"), "utf-8")
    kb.load()
    assert kb.versions.in_force_now() is None  # the set as a whole no longer holds
    with history_held(kb) as held:
        opened = _in_thread(lambda: kb.reading.document_for("refund", editor=False))
    assert not held.gave_up, "opening an unchanged document waited for the history"
    assert opened.id == "refund" and opened.version == 1
    # the changed one is resolved again (after the history is free): its edit is not published,
    # so agents still read version 1 as published
    assert kb.versions.document_in_force_now("complaint") is None
    complaint = kb.reading.document_for("complaint", editor=False)
    assert complaint.version == 1 and "記錄" in complaint.body


def test_a_document_never_in_force_is_refused_as_before(kb: KnowledgeBase) -> None:
    later = kb.today() + dt.timedelta(days=5)
    kb.publishing.publish("handbooks/new.md", doc("新手冊", id="new", effective=later.isoformat(),
                                                  body="\n## 一\n\n新。\n"), "新文件", "編輯")
    with pytest.raises(NotInForce):
        kb.reading.document_for("new", editor=False)
    assert "new" not in [d.id for d in kb.reading.browse()]
