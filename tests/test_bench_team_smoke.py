"""The team bench (tests/bench/team.py) runs end to end at a small scale, so it cannot rot
unnoticed (no timing is asserted: ``make bench-team`` measures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench import team


def test_the_team_bench_runs_on_five_workstations(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KBDESK_DATA_DIR", str(tmp_path / "unused"))
    result = team.run(team.Scale(stations=5, docs=5, receipts=50, flags=5), 1, tmp_path)
    assert result["receipts_seen"] == 50  # every peer's signed receipt reached the workstation
    assert result["not_read_last_doc"] == 1  # one agent in five skips each document
    for name in ("sync", "sync_steady", "acks_missing", "acks"):
        assert float(result[f"{name}_s"]) > 0 and float(result[f"{name}_rss_mb"]) > 10
    assert float(result["ack_status_in_process_s"]) >= 0
