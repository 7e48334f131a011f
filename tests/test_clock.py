"""The one clock: injected through ``KnowledgeBase.set_clock``, read by every date rule."""

from __future__ import annotations

import datetime as dt

from kbdesk.core.clock import (
    SYSTEM_CLOCK,
    Clock,
    DayClock,
    FixedClock,
    as_clock,
    parse_iso_date,
    parse_iso_time,
)
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.drafts import Draft
from kbdesk.core.storage.repo import LibraryRepo
from tests.conftest import doc


def test_system_clock_follows_the_calendar() -> None:
    assert SYSTEM_CLOCK.today() == dt.date.today()
    assert SYSTEM_CLOCK.now().tzinfo is not None


def test_day_clock_and_fixed_clock() -> None:
    later = dt.date.today() + dt.timedelta(days=400)
    clock = DayClock(lambda: later)
    assert clock.today() == later
    assert clock.now().date() == later and clock.now().tzinfo is not None
    moment = dt.datetime(2030, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    assert FixedClock(moment).now() == moment
    assert FixedClock(moment).today() == dt.date(2030, 5, 6)


def test_as_clock_accepts_a_day_function() -> None:
    assert as_clock(None) is SYSTEM_CLOCK
    fixed = FixedClock(dt.datetime(2030, 1, 2, tzinfo=dt.UTC))
    assert as_clock(fixed) is fixed
    assert isinstance(as_clock(lambda: dt.date(2031, 3, 4)), Clock)
    assert as_clock(lambda: dt.date(2031, 3, 4)).today() == dt.date(2031, 3, 4)


def test_iso_parsers_reject_bad_input() -> None:
    assert parse_iso_date("2031-02-03") == dt.date(2031, 2, 3)
    assert parse_iso_date(dt.datetime(2031, 2, 3, 4, 5)) == dt.date(2031, 2, 3)
    assert parse_iso_date("2031-02-30") is None
    assert parse_iso_date("") is None and parse_iso_date(None) is None
    assert parse_iso_time("2031-02-03T04:05:06+08:00") == dt.datetime(
        2031, 2, 3, 4, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=8))
    )
    assert parse_iso_time("2031-02-03T04:05").tzinfo is not None
    assert parse_iso_time("yesterday") is None


def test_set_clock_reaches_receipts_drafts_and_today(make_library) -> None:
    root = make_library({"a.md": doc("甲", id="a")})
    LibraryRepo.init(root).close()
    kb = KnowledgeBase(root)
    try:
        moment = dt.datetime(2031, 7, 8, 9, 10, 11, tzinfo=dt.UTC)
        kb.set_clock(FixedClock(moment))
        assert kb.today() == dt.date(2031, 7, 8)
        receipt = kb.receipts.acknowledge(kb.document("a"), "陳")
        assert receipt.time == moment.isoformat(timespec="seconds")
        saved = kb.drafts.save(Draft("a", "a.md", "草稿"))
        assert saved.saved_at == "2031-07-08T09:10:11+00:00"
    finally:
        kb.close()


def test_start_page_recent_list_follows_the_library_clock(versioned_kb) -> None:
    """Only the library's clock moves (not the process's): the start page follows it."""
    from tests.conftest import publish_change

    publish_change(versioned_kb, "24小時", "48小時", note="改為48小時")
    today = versioned_kb.today()
    page = versioned_kb.reading.start_page("陳", [])
    assert [(item.doc_id, item.note) for item in page.updated] == [("complaint", "改為48小時")]
    versioned_kb.set_clock(DayClock(lambda: today + dt.timedelta(days=90)))
    assert versioned_kb.today() == today + dt.timedelta(days=90)
    assert versioned_kb.reading.start_page("陳", []).updated == []
    versioned_kb.set_clock(DayClock(lambda: today + dt.timedelta(days=29)))
    assert [item.doc_id for item in versioned_kb.reading.start_page("陳", []).updated] == ["complaint"]


def test_a_clock_kept_before_set_clock_follows_it(make_library) -> None:
    """Every service holds the library's one clock: replacing it reaches them all, and a
    client that kept ``kb.clock`` (the sync controller keeps ``kb.clock.now``) too."""
    kb = KnowledgeBase(make_library({"a.md": doc("甲", id="a")}))
    try:
        kept_now = kb.clock.now
        moment = dt.datetime(2031, 7, 8, 9, 10, 11, tzinfo=dt.UTC)
        kb.set_clock(FixedClock(moment))
        assert kept_now() == moment
        assert kb.versions._resolver.today() == dt.date(2031, 7, 8)
        assert kb.publishing.default_effective("---\ntitle: 甲\n---\n") == dt.date(2031, 7, 8)
        assert kb.reading.clock.today() == dt.date(2031, 7, 8)
    finally:
        kb.close()
