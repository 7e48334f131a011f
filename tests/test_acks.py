"""Read receipts, last-seen versions (已更新) and the supervisor's CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.errors import KbError
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.reading.receipts import ReceiptBook
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.text.folding import fold
from tests.clock import now_stamp
from tests.conftest import doc


@pytest.fixture
def kb(make_library) -> KnowledgeBase:
    root = make_library(
        {
            "must.md": doc("必讀規範", id="must", ack_required="true", body="\n每通電話須錄音。\n"),
            "free.md": doc("一般說明", id="free", body="\n參考資料。\n"),
        }
    )
    LibraryRepo.init(root, when=now_stamp()).close()
    return KnowledgeBase(root)


def test_acknowledge_and_export_csv(kb: KnowledgeBase) -> None:
    must = kb.document("must")
    assert [d.id for d in kb.receipts.unacknowledged(kb.documents())] == ["must"]
    receipt = kb.receipts.acknowledge(must, "陳小華")
    assert receipt.version == 1 and receipt.agent == "陳小華"
    assert dt.datetime.fromisoformat(receipt.time).tzinfo is not None
    assert kb.receipts.acknowledged(must, "陳小華")
    assert not kb.receipts.acknowledged(must, "別人")
    assert kb.receipts.unacknowledged(kb.documents()) == []
    rows = list(csv.reader(io.StringIO(kb.receipts.to_csv())))
    assert rows[0] == ["doc_id", "version", "time", "agent", "title"]
    assert rows[1][:2] == ["must", "1"] and rows[1][3:] == ["陳小華", "必讀規範"]

    text = (kb.root / "must.md").read_text("utf-8").replace("錄音", "全程錄音")
    kb.publishing.publish("must", text, "錄音要求加嚴")
    assert [d.id for d in kb.receipts.unacknowledged(kb.documents(), "陳小華")] == ["must"]


def test_agent_name_is_required(kb: KnowledgeBase) -> None:
    with pytest.raises(KbError, match="'agent'"):
        kb.receipts.acknowledge(kb.document("must"), " ")


def test_damaged_line_is_skipped(kb: KnowledgeBase) -> None:
    kb.receipts.acknowledge(kb.document("must"), "甲")
    with open(kb.receipts.receipts_file, "a", encoding="utf-8") as handle:
        handle.write('{"doc_id": "must", "vers')  # a torn last line after a crash
    assert [r.agent for r in kb.receipts.receipts()] == ["甲"]


def test_updated_since_seen_and_what_changed(kb: KnowledgeBase) -> None:
    free = kb.document("free")
    assert not kb.receipts.updated_since_seen(free)  # never opened: nothing to mark
    assert kb.versions.what_changed("free") is None
    kb.receipts.mark_seen(free)
    text = (kb.root / "free.md").read_text("utf-8").replace("參考資料", "參考資料與範例")
    kb.publishing.publish("free", text, "補充範例")
    assert kb.receipts.updated_since_seen(kb.document("free"))
    assert kb.receipts.last_seen("free") == 1
    diff = kb.versions.what_changed("free")
    assert diff is not None
    assert [(s.kind, s.text) for s in diff.changed_segments()] == [
        ("insert", "version: 2"),
        ("insert", "與範例"),
    ]
    kb.receipts.mark_seen(kb.document("free"))
    assert not kb.receipts.updated_since_seen(kb.document("free"))
    assert kb.versions.what_changed("free") is None


def test_receipts_are_kept_per_library_in_the_data_dir(kb: KnowledgeBase, make_library) -> None:
    kb.receipts.acknowledge(kb.document("must"), "甲")
    other = ReceiptBook(make_library({}), SYSTEM_CLOCK)
    assert other.receipts() == []
    assert not kb.receipts.receipts_file.is_relative_to(kb.root)
    assert fold("必讀") in fold(kb.receipts.to_csv())


def test_versions_seen_are_kept_as_read_and_read_again_when_the_file_changes(
        kb: KnowledgeBase) -> None:
    here = kb.receipts
    elsewhere = ReceiptBook(kb.root, kb.clock)  # another process of this workstation (`kbdesk ack`)
    free = kb.document("free")
    assert here.seen_versions() == {}
    here.mark_seen(free)
    assert here.seen_versions() == {"free": free.version}
    # kept as read: the answer is a copy, changing it changes nothing kept
    here.seen_versions()["free"] = 99
    assert here.last_seen("free") == free.version
    # a write by the other process replaces the file: read again
    assert elsewhere.last_seen("free") == free.version
    must = kb.document("must")
    elsewhere.mark_seen(must)
    assert here.seen_versions() == {"free": free.version, "must": must.version}
    # a file damaged meanwhile is still set aside, not answered from memory
    here.seen_file.write_text("{not json", "utf-8")
    assert here.seen_versions() == {}
    assert not here.seen_file.exists()
