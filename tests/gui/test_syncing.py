"""Sync controller: background pulls, the status line, conflicts and an unreachable remote."""
# ruff: noqa: F811 - the fixtures imported from editorial_fixtures are used as arguments

from __future__ import annotations

import datetime as dt

from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.syncing import SyncController
from tests.gui.editorial_fixtures import (  # noqa: F401 - fixtures
    kb,
    publish_change,
    runner,
    versioned_library,
    workstations,
)

NOON = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


def make(qtbot, kb, runner, **kw) -> SyncController:
    controller = SyncController(kb, runner, settings=kw.pop("settings", Settings()),
                                now=kw.pop("now", lambda: NOON), **kw)
    return controller


def test_interval_comes_from_settings(qtbot, kb, runner) -> None:
    settings = Settings()
    settings.set("sync_interval_minutes", 7)
    controller = make(qtbot, kb, runner, settings=settings)
    assert controller.timer.interval() == 7 * 60_000
    settings.set("sync_interval_minutes", 2)
    controller.apply_settings(settings)
    assert controller.timer.interval() == 2 * 60_000


def test_start_pulls_what_another_workstation_published(qtbot, runner, workstations) -> None:
    here, elsewhere = workstations
    publish_change(elsewhere, "24小時", "48小時", "對方改時限")
    elsewhere.sync.sync()
    controller = make(qtbot, here, runner)
    states: list[str] = []
    controller.stateChanged.connect(states.append)
    pulled: list[list[str]] = []
    controller.pulled.connect(pulled.append)
    with qtbot.waitSignal(controller.synced, timeout=30_000):
        controller.start()
    assert controller.timer.isActive()
    assert pulled == [["handbooks/complaint.md"]]
    assert isinstance(controller.last_synced, dt.datetime)
    assert here.document("complaint").version == 2
    assert here.search("48小時").hits[0].doc_id == "complaint"
    assert states[0].startswith("Syncing")
    assert controller.status_text().startswith("Last synced ")
    controller.stop()


def test_timer_syncs_again_and_never_overlaps(qtbot, runner, workstations) -> None:
    here, _elsewhere = workstations
    controller = make(qtbot, here, runner, interval_ms=20)
    count: list[object] = []
    controller.synced.connect(count.append)
    controller.start()
    assert controller.sync_now() is None  # one is already under way
    qtbot.waitUntil(lambda: len(count) >= 2, timeout=30_000)
    controller.stop()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)


def test_conflict_is_reported(qtbot, runner, workstations) -> None:
    here, elsewhere = workstations
    publish_change(elsewhere, "24小時", "48小時")
    elsewhere.sync.sync()
    publish_change(here, "24小時", "12小時")
    controller = make(qtbot, here, runner)
    with qtbot.waitSignal(controller.conflict, timeout=30_000) as blocker:
        controller.sync_now()
    found = blocker.args[0]
    assert found.doc_id == "complaint"
    assert "48小時" in found.theirs and "12小時" in found.mine


def set_remote(kb, url: str) -> None:
    """Point the library at another shared library, as an admin would outside kbdesk."""
    with LibraryRepo(kb.root) as repo:
        repo.set_remote_url(url)


def test_unreachable_remote_keeps_working_with_a_clear_status(qtbot, runner, workstations, tmp_path) -> None:
    here, _elsewhere = workstations
    first = make(qtbot, here, runner)
    with qtbot.waitSignal(first.synced, timeout=30_000):
        first.sync_now()
    synced_at = first.last_synced
    set_remote(here, "http://127.0.0.1:9/gone.git")
    controller = make(qtbot, here, runner)
    assert controller.last_synced == synced_at  # remembered across restarts
    with qtbot.waitSignal(controller.failed, timeout=30_000) as blocker:
        controller.sync_now()
    assert "cannot reach" in blocker.args[0]
    assert controller.state == "offline"
    assert controller.status_text().startswith("Offline")
    assert synced_at.astimezone(NOON.tzinfo).strftime("%H:%M") in controller.status_text()
    assert controller.last_synced == synced_at
    assert here.search("24小時").hits  # still searching the last state
    restarted = make(qtbot, here, runner)
    assert restarted.state == "offline"
    gone = tmp_path / "gone.git"  # a share folder that is not there: named, not "offline"
    set_remote(here, str(gone))
    with qtbot.waitSignal(restarted.failed, timeout=30_000) as blocker:
        restarted.sync_now()
    assert f"no shared library at {gone}" in blocker.args[0]


def test_library_without_remote_is_local_not_failing(qtbot, kb, runner) -> None:
    controller = make(qtbot, kb, runner)
    failures: list[str] = []
    controller.failed.connect(failures.append)
    controller.start()
    qtbot.waitUntil(lambda: controller.state == "local", timeout=30_000)
    assert not failures
    assert not controller.timer.isActive()
    assert "no remote" in controller.status_text()
    assert controller.last_synced is None


def test_status_line_dates_older_syncs(qtbot, kb, runner) -> None:
    controller = make(qtbot, kb, runner)
    assert "never" in controller.status_text()
    controller.last_synced = NOON - dt.timedelta(days=2)
    assert "2026-11-23 12:00" in controller.status_text()
    controller.last_synced = NOON - dt.timedelta(hours=1)
    assert controller.status_text() == "Last synced 11:00"


def test_last_synced_follows_the_library_clock(qtbot, runner, workstations) -> None:
    """The library's clock is 90 days ahead of the process's: the sync the controller runs is
    stamped by it, so the status line says it synced today (a time, not a date)."""
    from kbdesk.core.clock import FixedClock

    here, _elsewhere = workstations
    later = dt.datetime.now().astimezone().replace(microsecond=0) + dt.timedelta(days=90)
    here.set_clock(FixedClock(later))
    controller = SyncController(here, runner, settings=Settings())  # reads kb.clock.now
    with qtbot.waitSignal(controller.synced, timeout=30_000):
        controller.sync_now()
    assert controller.last_synced == later
    assert here.sync.sync_state()["last_synced"] == later.isoformat(timespec="seconds")
    assert controller.status_text() == f"Last synced {later.strftime('%H:%M')}"
    controller.stop()
