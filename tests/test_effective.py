"""Effective dates: pending versions, what agents see, and what was in force on a past day."""

from __future__ import annotations

import datetime as dt

import pytest

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from tests.clock import now_stamp
from tests.conftest import doc

TODAY = dt.date.today()


def rule(hours: int, version: int, effective: dt.date | None = None) -> str:
    fields: dict[str, object] = {"id": "refund", "version": version}
    if effective is not None:
        fields["effective"] = effective.isoformat()
    return doc("退款規則", body=f"\n## 時限\n\n退款須在{hours}小時內處理。\n", **fields)


def stamp(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, 12, 0).timestamp())


@pytest.fixture
def kb(make_library) -> KnowledgeBase:
    root = make_library({"refund.md": rule(24, 1), "other.md": doc("其他", body="無關內容\n")})
    LibraryRepo.init(root, when=now_stamp()).close()
    return KnowledgeBase(root)


def seen_hours(kb: KnowledgeBase) -> set[str]:
    kb.ensure_index()
    return {hit.snippet_text for hit in kb.search("退款 小時").hits}


def test_pending_version_comes_into_force_on_its_date_without_restart(kb: KnowledgeBase) -> None:
    clock = {"day": TODAY}
    kb.set_clock(lambda: clock["day"])
    later = TODAY + dt.timedelta(days=10)
    kb.publishing.publish("refund", rule(48, 1, effective=later), "時限改為48小時")

    assert kb.document("refund").version == 2  # editors see the new text
    in_force = kb.versions.document_in_force("refund")
    assert in_force is not None and in_force.version == 1
    assert any("24小時" in text for text in seen_hours(kb))
    assert not any("48小時" in text for text in seen_hours(kb))
    assert kb.search("48小時").hits == []
    pending = kb.versions.pending_versions()
    assert [(p.doc_id, p.version, p.effective, p.in_force_version) for p in pending] == [
        ("refund", 2, later, 1)
    ]

    clock["day"] = later - dt.timedelta(days=1)
    assert kb.versions.document_in_force("refund").version == 1  # type: ignore[union-attr]
    clock["day"] = later
    stats = kb.ensure_index()
    assert stats.updated == 1
    assert kb.search("48小時").hits[0].version == 2
    assert kb.search("24小時").hits == []
    assert kb.versions.pending_versions() == []


def test_what_was_in_force_on_past_days(make_library) -> None:
    root = make_library({"refund.md": rule(24, 1)})
    repo = LibraryRepo(LibraryRepo.init(root, when=now_stamp()).root)
    # rewrite the story with dated commits: v1 on 1 Jan, v2 on 1 Mar in force from 15 Mar
    jan, mar, mar15 = dt.date(2026, 1, 1), dt.date(2026, 3, 1), dt.date(2026, 3, 15)
    repo.commit({"refund.md": rule(24, 2).encode()}, "v2 草稿", when=stamp(jan))
    repo.commit({"refund.md": rule(48, 3, effective=mar15).encode()}, "延長", when=stamp(mar))
    (root / "refund.md").write_text(rule(48, 3, effective=mar15), "utf-8")
    kb = KnowledgeBase(root)
    kb.set_clock(lambda: dt.date(2026, 6, 1))

    def version_on(day: dt.date) -> int | None:
        found = kb.versions.document_in_force("refund", day)
        return found.version if found is not None else None

    # the initial commit is dated now; every dated version is older
    assert version_on(dt.date(2025, 12, 31)) is None
    assert version_on(jan) == 2
    assert version_on(dt.date(2026, 3, 10)) == 2  # v3 committed but pending
    assert version_on(mar15) == 3
    assert [h.doc_id for h in kb.search_as_of("24小時", dt.date(2026, 3, 10)).hits] == ["refund"]
    assert kb.search_as_of("48小時", dt.date(2026, 3, 10)).hits == []
    assert kb.search_as_of("48小時", dt.date(2026, 4, 1)).hits[0].version == 3
    assert kb.search_as_of("退款", dt.date(2025, 6, 1)).hits == []


def test_new_document_with_future_date_is_hidden_from_agents_until_then(kb: KnowledgeBase) -> None:
    clock = {"day": TODAY}
    kb.set_clock(lambda: clock["day"])
    later = TODAY + dt.timedelta(days=3)
    kb.publishing.publish(
        "new.md", doc("新政策", body="\n新規定的內容。\n", effective=later.isoformat()), "新增政策"
    )
    assert kb.document("new").title == "新政策"
    assert kb.versions.document_in_force("new") is None
    assert "new" not in [hit.doc_id for hit in kb.search("新規定").hits]  # partial hits elsewhere
    clock["day"] = later
    kb.ensure_index()
    hits = kb.search("新規定").hits
    assert [hit.doc_id for hit in hits if hit.match == "all"] == ["new"]
    assert hits[0].doc_id == "new"


def test_retired_version_in_force_is_indexed_as_retired(kb: KnowledgeBase) -> None:
    kb.publishing.retire("refund", "改由新流程處理")
    doc_now = kb.versions.document_in_force("refund")
    assert doc_now is not None and doc_now.status.value == "retired"
    assert kb.versions.in_force_on()["refund"].status.value == "retired"
    assert kb.search("退款").hits == []
    assert kb.search("退款", include_retired=True).hits


def test_folder_in_a_checkout_is_in_force_as_it_is(make_library) -> None:
    later = TODAY + dt.timedelta(days=30)
    root = make_library({"refund.md": rule(48, 2, effective=later)}, in_checkout=True)
    kb = KnowledgeBase(root)
    assert kb.versions.in_force_on()["refund"].version == 2
    assert [p.version for p in kb.versions.pending_versions()] == [2]
    assert not LibraryRepo.is_repo(root)  # a folder of another repository stays as it is


def test_plain_folder_gets_a_baseline_and_waits_for_its_date(make_library) -> None:
    later = TODAY + dt.timedelta(days=30)
    root = make_library({"refund.md": rule(48, 2, effective=later)})
    kb = KnowledgeBase(root)
    assert LibraryRepo.is_repo(root)  # what kbdesk first saw is the baseline version
    assert [p.version for p in kb.versions.pending_versions()] == [2]
    assert "refund" not in kb.versions.in_force_on()  # not in force before its date



def test_rolling_back_over_a_pending_version_clears_it(kb: KnowledgeBase) -> None:
    later = TODAY + dt.timedelta(days=10)
    kb.publishing.publish("refund", rule(48, 1, effective=later), "時限改為48小時")
    assert [p.version for p in kb.versions.pending_versions()] == [2]
    result = kb.publishing.rollback("refund", 1, "改回24小時")
    assert result.version == 3
    assert kb.versions.pending_versions() == []
    in_force = kb.versions.document_in_force("refund")
    assert in_force is not None and in_force.version == 3
    kb.set_clock(lambda: later)  # v2's day comes: v3 stays in force
    in_force = kb.versions.document_in_force("refund", later)
    assert in_force is not None and in_force.version == 3
    # a later version with a still later date leaves the earlier pending one pending
    kb.set_clock(lambda: TODAY)
    kb.publishing.publish("refund", rule(36, 3, effective=later), "改36")
    kb.publishing.publish("refund", rule(12, 4, effective=later + dt.timedelta(days=5)), "改12")
    assert [p.version for p in kb.versions.pending_versions()] == [4, 5]


def test_what_is_in_force_checks_every_file_against_head_in_one_pass(
    make_library, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"d{n}.md": doc(f"手冊{n}", id=f"d{n}", version=1, body=f"\n第{n}條。\n")
             for n in range(6)}
    root = make_library(files)
    kb = KnowledgeBase(root)
    (root / "d2.md").write_text(doc("手冊2", id="d2", version=1, body="\n改過的第2條。\n"),
                                "utf-8")
    kb.load()
    versioning = kb.versions._versioning  # white box: what in_force_on asks of git
    asked: list[set[str]] = []
    original = versioning.unpublished

    def spy(files):  # type: ignore[no-untyped-def]
        asked.append(set(files))
        return original(files)

    monkeypatch.setattr(versioning, "unpublished", spy)
    seen = kb.versions.in_force_on()
    assert asked == [{f"d{n}.md" for n in range(6)}]  # once, with every file
    assert "第2條" in seen["d2"].body and "改過" not in seen["d2"].body  # the hand edit: hidden
    assert "第3條" in seen["d3"].body
    kb.close()
