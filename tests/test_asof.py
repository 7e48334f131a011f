"""Searching another day: cached in-force snapshots and one index per set of versions."""

from __future__ import annotations

import datetime as dt

import pytest

from kbdesk.core import IndexDamaged, KnowledgeBase, set_field
from kbdesk.core.search import index as index_module
from tests.conftest import doc


@pytest.fixture
def kb(versioned_kb: KnowledgeBase) -> KnowledgeBase:
    """The versioned library with a second category and a version pending in 30 days."""
    versioned_kb.publishing.publish(
        "handbooks/refund.md", doc("退款規則", id="refund", category="帳務", body="\n七天內退款。\n"),
        "新增",
    )
    later = dt.date.today() + dt.timedelta(days=30)
    text = (versioned_kb.root / "handbooks/complaint.md").read_text("utf-8")
    text = set_field(text.replace("24小時", "48小時"), "effective", later)
    versioned_kb.publishing.publish("complaint", text, "下個月起48小時")
    return versioned_kb


def test_search_as_of_builds_once_per_set_of_versions(kb: KnowledgeBase) -> None:
    today = dt.date.today()
    later = today + dt.timedelta(days=40)
    indexes = kb.as_of_indexes
    assert [h.doc_id for h in kb.search_as_of("24小時", today).hits] == ["complaint"]
    assert indexes.builds == 1
    assert kb.search_as_of("48小時", today).hits == []
    assert kb.search_as_of("24小時", today + dt.timedelta(days=1)).hits  # same versions
    assert indexes.builds == 1
    assert kb.search_as_of("48小時", later).hits[0].version == 2  # other versions: a new index
    assert indexes.builds == 2
    assert kb.search_as_of("24小時", today).hits and indexes.builds == 2  # still open


def test_as_of_indexes_survive_a_restart(kb: KnowledgeBase, tmp_path) -> None:
    today = dt.date.today()
    assert kb.search_as_of("24小時", today).hits
    again = KnowledgeBase(kb.root, index_dir=tmp_path / "index")
    try:
        assert again.search_as_of("24小時", today).hits
        assert again.as_of_indexes.builds == 0  # read from the cache folder
    finally:
        again.close()


def test_search_as_of_keeps_categories_and_kinds(kb: KnowledgeBase) -> None:
    today = dt.date.today()
    assert [h.doc_id for h in kb.search_as_of("退款", today, categories=["帳務"]).hits] == [
        "refund"
    ]
    assert kb.search_as_of("退款", today, categories=["投訴處理"]).hits == []


def test_in_force_snapshots_are_cached_per_day(kb: KnowledgeBase, monkeypatch) -> None:
    today = dt.date.today()
    resolver = kb.versions._resolver  # the in-force cache behind versions.in_force_on
    calls = {"n": 0}
    real = resolver._resolve

    def counting(*args, **kwargs):
        calls["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(resolver, "_resolve", counting)
    first = kb.versions.in_force_on()  # today's snapshot was made when the index was updated
    assert kb.versions.in_force_on() == first and calls["n"] == 0
    first.clear()  # callers get a copy
    assert kb.versions.in_force_on()["complaint"].version == 1
    assert kb.versions.in_force_on(today + dt.timedelta(days=31))["complaint"].version == 2
    assert kb.versions.in_force_on(today + dt.timedelta(days=31))["complaint"].version == 2
    assert calls["n"] == 1
    text = (kb.root / "phrasings/opening.md").read_text("utf-8").replace("您好", "您好您好")
    kb.publishing.publish("opening", text, "改開場白")  # new history: a new snapshot
    assert kb.versions.in_force_on()["opening"].version == 2
    assert calls["n"] == 2


def test_a_search_never_rebuilds_the_index(kb: KnowledgeBase, monkeypatch) -> None:
    kb.ensure_index()
    real = index_module.SearchIndex.searcher
    monkeypatch.setattr(index_module.SearchIndex, "intact", lambda self: False)

    def broken(self):
        raise OSError("segment file vanished")

    monkeypatch.setattr(index_module.SearchIndex, "searcher", broken)
    rebuilt = {"n": 0}
    real_sync = index_module.SearchIndex.sync

    def counting_sync(self, *args, **kwargs):
        rebuilt["n"] += bool(kwargs.get("rebuild"))
        return real_sync(self, *args, **kwargs)

    monkeypatch.setattr(index_module.SearchIndex, "sync", counting_sync)
    with pytest.raises(IndexDamaged, match="rebuilt on the next update"):
        kb.search("投訴")
    assert rebuilt["n"] == 0
    monkeypatch.setattr(index_module.SearchIndex, "searcher", real)
    monkeypatch.undo()
    stats = kb.ensure_index(reload=False)
    assert stats.rebuilt
    assert [h.doc_id for h in kb.search("24小時").hits] == ["complaint"]
