"""User state: favourites and recents across restarts, a damaged file, the no-results log."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from kbdesk.core.clock import SYSTEM_CLOCK, FixedClock
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.userstate import RECENTS_CAP, UserState, log_no_results, no_results

TZ = dt.timezone(dt.timedelta(hours=8))


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 0, tzinfo=TZ)


def test_favourites_and_recents_survive_a_restart() -> None:
    state = UserState.load(clock=SYSTEM_CLOCK)
    assert state.favourites() == [] and state.recents() == []
    assert state.toggle_favourite("b") is True
    assert state.toggle_favourite("a") is True
    state.add_recent("x", at(1))
    state.add_recent("y", at(2))
    state.add_recent("x", at(3))
    again = UserState.load(clock=SYSTEM_CLOCK)
    assert again.path == paths.data_dir() / "userstate.json"
    assert again.favourites() == ["b", "a"]
    assert again.is_favourite("a") and not again.is_favourite("x")
    assert [(r.doc_id, r.when) for r in again.recents()] == [("x", at(3)), ("y", at(2))]
    assert again.toggle_favourite("b") is False
    assert UserState.load(clock=SYSTEM_CLOCK).favourites() == ["a"]


def test_recents_are_capped() -> None:
    state = UserState.load(clock=SYSTEM_CLOCK)
    for number in range(RECENTS_CAP + 5):
        state.add_recent(f"d{number}", at(1) + dt.timedelta(minutes=number))
    recents = UserState.load(clock=SYSTEM_CLOCK).recents()
    assert len(recents) == RECENTS_CAP
    assert recents[0].doc_id == f"d{RECENTS_CAP + 4}"
    assert recents[-1].doc_id == "d5"


def test_writes_are_atomic_and_leave_no_temp_files() -> None:
    state = UserState.load(clock=SYSTEM_CLOCK)
    state.set_favourite("a", True)
    folder = state.path.parent
    assert sorted(p.name for p in folder.iterdir()) == ["userstate.json"]
    data = json.loads(state.path.read_text(encoding="utf-8"))
    assert data["favourites"] == ["a"]


def test_corrupt_file_is_set_aside(caplog: pytest.LogCaptureFixture) -> None:
    path = paths.data_dir() / "userstate.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"favourites": ["a", ', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kbdesk.core.workstation.userstate"):
        state = UserState.load(clock=SYSTEM_CLOCK)
    assert state.favourites() == []
    assert "userstate.json" in caplog.text
    backup = path.with_name("userstate.json.bak")
    assert backup.read_text(encoding="utf-8") == '{"favourites": ["a", '
    state.toggle_favourite("c")
    assert UserState.load(clock=SYSTEM_CLOCK).favourites() == ["c"]


@pytest.mark.parametrize("content", [b"[1, 2]", b"\xff\xfe\x00garbage", b""])
def test_other_damaged_files_start_empty(content: bytes) -> None:
    path = paths.data_dir() / "userstate.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    state = UserState.load(clock=SYSTEM_CLOCK)
    assert state.favourites() == [] and state.recents() == []
    assert path.with_name("userstate.json.bak").exists()


def test_wrong_shapes_inside_valid_json_are_skipped() -> None:
    path = paths.data_dir() / "userstate.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "favourites": ["a", 3, "", "a", "b"],
        "recents": [{"id": "x", "when": "yesterday"}, "junk",
                    {"id": "y", "when": at(2).isoformat()}, {"id": 5, "when": at(3).isoformat()}],
    }), encoding="utf-8")
    state = UserState.load(clock=SYSTEM_CLOCK)
    assert state.favourites() == ["a", "b"]
    assert [r.doc_id for r in state.recents()] == ["y"]


def test_bad_ids_are_refused(tmp_path: Path) -> None:
    state = UserState(tmp_path / "s.json", clock=SYSTEM_CLOCK)
    with pytest.raises(ValueError):
        state.toggle_favourite("")
    with pytest.raises(ValueError):
        state.add_recent("")


def test_forget_drops_a_document() -> None:
    state = UserState.load(clock=SYSTEM_CLOCK)
    state.toggle_favourite("a")
    state.add_recent("a", at(1))
    state.add_recent("b", at(2))
    state.forget("a")
    again = UserState.load(clock=SYSTEM_CLOCK)
    assert again.favourites() == [] and [r.doc_id for r in again.recents()] == ["b"]


def test_no_results_log_is_aggregated() -> None:
    state = UserState.load(clock=SYSTEM_CLOCK)
    state.log_no_results("退貨 運費", at(1))
    log_no_results("  退货   运费 ", at(5), clock=SYSTEM_CLOCK)
    log_no_results("發票抬頭", at(3), clock=SYSTEM_CLOCK)
    log_no_results("   ", at(3), clock=SYSTEM_CLOCK)
    rows = state.no_results()
    assert rows == [(at(5), "退货 运费", 2), (at(3), "發票抬頭", 1)]
    assert no_results(since=dt.date(2026, 11, 4)) == [(at(5), "退货 运费", 1)]
    assert no_results(since=dt.date(2026, 12, 1)) == []
    lines = (paths.data_dir() / "no-results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and json.loads(lines[0])["query"] == "退貨 運費"


def test_no_results_without_a_log_and_with_bad_lines() -> None:
    assert no_results() == []
    log_no_results("保固", clock=SYSTEM_CLOCK)
    path = paths.data_dir() / "no-results.jsonl"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("not json\n{\"when\": 5, \"query\": \"x\"}\n[1]\n\n")
    [(when, query, count)] = no_results()
    assert (query, count) == ("保固", 1)
    assert when.tzinfo is not None


def test_a_state_that_cannot_be_saved_raises_a_kb_error(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    from kbdesk.core.errors import KbError
    from kbdesk.core.workstation.userstate import UserStateError

    state = UserState.load(clock=SYSTEM_CLOCK)
    state.toggle_favourite("a")

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr("kbdesk.core.workstation.userstate.os.replace", refuse)
        with pytest.raises(UserStateError) as exc:
            state.toggle_favourite("b")
    assert isinstance(exc.value, KbError) and "No space left" in str(exc.value)
    assert UserState.load(clock=SYSTEM_CLOCK).favourites() == ["a"]  # the old file is intact
    assert [p.name for p in paths.data_dir().iterdir()] == ["userstate.json"]  # no temp left


def test_no_results_log_that_cannot_be_written_is_ignored(
        caplog: pytest.LogCaptureFixture) -> None:
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    (paths.data_dir() / "no-results.jsonl").mkdir()  # a folder where the file should be
    with caplog.at_level(logging.WARNING, logger="kbdesk.core.workstation.userstate"):
        log_no_results("保固", clock=SYSTEM_CLOCK)
    assert "cannot log" in caplog.text


def test_gap_rows_of_a_workstation_and_of_the_team_are_one_type() -> None:
    import datetime as dt

    from kbdesk.core import GapRow
    from kbdesk.core.team.board import GapRow as TeamGapRow
    from kbdesk.core.workstation.userstate import log_no_results, search_gaps

    assert TeamGapRow is GapRow
    moment = dt.datetime(2026, 6, 15, 10, 0, tzinfo=dt.UTC)
    log_no_results("火星", moment, clock=SYSTEM_CLOCK)
    log_no_results("火星", moment + dt.timedelta(minutes=1), clock=SYSTEM_CLOCK)
    log_no_results("轉接 火星", moment, match="partial", clock=SYSTEM_CLOCK)
    rows = {(row.query, row.count, row.partial, row.match) for row in search_gaps()}
    assert rows == {("火星", 2, 0, "none"), ("轉接 火星", 1, 1, "partial")}
    assert GapRow("x", 3, moment, partial=1).match == "mixed"


def test_searches_and_recents_are_stamped_by_the_given_clock() -> None:
    """A library's clock 90 days ahead of the process's stamps the log and the recents."""
    later = dt.datetime.now().astimezone().replace(microsecond=0) + dt.timedelta(days=90)
    state = UserState.load(clock=FixedClock(later))
    state.log_no_results("火星退款")
    log_no_results("月球退款", clock=FixedClock(later + dt.timedelta(hours=1)))
    state.add_recent("a")
    assert sorted((w, q) for w, q, _n in no_results()) == [
        (later, "火星退款"), (later + dt.timedelta(hours=1), "月球退款")]
    assert [(r.doc_id, r.when) for r in UserState.load(clock=SYSTEM_CLOCK).recents()] == [
        ("a", later)]
