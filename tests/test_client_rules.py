"""The rules the clients ask the core about before an operation (one place, no Qt): the change
note, the search gap, the default effective date, "compare", a conflict reopened from its
draft, and which drafts a publish from the editor settles."""

from __future__ import annotations

import datetime as dt

import pytest

from kbdesk.core import Publishing, Versions
from kbdesk.core.errors import DocumentNotFound, PublishError
from kbdesk.core.storage.drafts import Draft
from kbdesk.core.storage.history import VersionInfo
from tests.conftest import publish_change

DAY = dt.date(2026, 6, 15)


def test_a_change_note_is_text_that_is_not_blank() -> None:
    assert Publishing.note_missing(None)
    assert Publishing.note_missing("")
    assert Publishing.note_missing(" \n\t")
    assert Publishing.note_missing("　")  # an ideographic space is blank too
    assert not Publishing.note_missing("改為48小時")


def test_a_rollback_without_a_note_is_refused_and_changes_nothing(versioned_kb) -> None:
    kb = versioned_kb
    publish_change(kb, "24小時", "48小時")
    before = (kb.root / "handbooks/complaint.md").read_text("utf-8")
    for note in (None, "", "   "):
        with pytest.raises(PublishError, match="note"):
            kb.publishing.rollback("complaint", 1, note, author="甲")
    assert len(kb.versions.history("complaint")) == 2
    assert (kb.root / "handbooks/complaint.md").read_text("utf-8") == before
    result = kb.publishing.rollback("complaint", 1, "恢復24小時", author="甲")
    assert result.version == 3
    assert kb.versions.history("complaint")[0].note == "回復至 v1：恢復24小時"


def test_what_counts_as_a_search_gap(versioned_kb) -> None:
    kb = versioned_kb
    kb.ensure_index()
    assert kb.search("回覆時限").gap is None  # found with every word
    assert kb.search("火星探測器").gap == "none"
    partial = kb.search("回覆 火星探測器")
    assert partial.hits and not partial.exact
    assert partial.gap == "partial"
    assert kb.search("").gap is None  # an empty box is no search
    assert kb.search("kind:handbook").gap is None  # filters alone: a listing


def test_the_default_effective_date_and_the_one_a_publish_writes(versioned_kb) -> None:
    kb = versioned_kb
    kb.set_clock(lambda: DAY)
    plain = (kb.root / "handbooks/complaint.md").read_text("utf-8")
    later = plain.replace("owner: 品質組", "owner: 品質組\neffective: 2026-07-01")
    earlier = plain.replace("owner: 品質組", "owner: 品質組\neffective: 2026-01-01")
    assert kb.publishing.default_effective(plain) == DAY  # by the library's clock, not the machine's
    assert kb.publishing.default_effective(later) == dt.date(2026, 7, 1)
    assert kb.publishing.default_effective(earlier) == DAY
    # kept today for a text without a date: no field, in force at once
    assert kb.publishing.effective_to_set(plain, DAY) is None
    assert kb.publishing.effective_to_set(plain, None) is None
    assert kb.publishing.effective_to_set(plain, DAY + dt.timedelta(days=3)) == DAY + dt.timedelta(days=3)
    # a text that names a day gets the day chosen, even today (its old date is replaced)
    assert kb.publishing.effective_to_set(earlier, DAY) == DAY


def _info(version: int | None, superseded: bool = False) -> VersionInfo:
    return VersionInfo("a.md", "a", version, "2026-06-15T10:00:00+08:00", "甲", "", "c", None,
                       "published", superseded)


def test_compare_with_the_previous_version_skips_superseded_ones() -> None:
    versions = [_info(4), _info(3, superseded=True), _info(2), _info(1)]
    compare = Versions.versions_to_compare
    assert compare(versions, [4]) == (2, 4)  # v3 lost a conflict: never in force
    assert compare(versions, [2]) == (1, 2)
    assert compare(versions, [1]) is None  # the first version
    assert compare(versions, [4, 1]) == (1, 4)
    assert compare(versions, [4, 2, 1]) == (1, 4)
    assert compare(versions, [3]) is None  # a superseded version is not compared
    assert compare(versions, []) is None


def test_a_conflict_is_reopened_from_its_draft(versioned_kb) -> None:
    kb = versioned_kb
    with pytest.raises(DocumentNotFound):
        kb.sync.conflict_from_draft("complaint")
    kb.drafts.save(Draft("complaint", "handbooks/complaint.md", "我的自動存檔"))
    kb.drafts.save(Draft("complaint", "handbooks/complaint.md", "我的版本",
                         origin="sync-conflict"))
    conflict = kb.sync.conflict_from_draft("complaint")
    assert conflict.mine == "我的版本"  # the conflict's copy, not the autosave
    assert conflict.theirs == (kb.root / "handbooks/complaint.md").read_text("utf-8")
    assert conflict.path == "handbooks/complaint.md" and conflict.draft


def test_a_publish_from_the_editor_settles_its_autosave_and_no_other(versioned_kb) -> None:
    kb = versioned_kb
    path = kb.root / "handbooks/complaint.md"
    kb.drafts.save(Draft("complaint", "handbooks/complaint.md", "編輯中的另一段文字"))
    text = path.read_text("utf-8").replace("24小時", "48小時")
    kb.publishing.publish("complaint", text, "改為48小時", author="甲")  # from elsewhere (CLI)
    assert [d.origin for d in kb.drafts.drafts_of("complaint")] == ["editor"]  # kept
    text = path.read_text("utf-8").replace("48小時", "12小時")
    kb.publishing.publish("complaint", text, "改為12小時", author="甲", from_editor=True)
    assert kb.drafts.drafts_of("complaint") == []
