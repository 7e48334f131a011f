"""``kbdesk report no-results``: the editors' view of searches that found nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kbdesk.cli import main
from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.workstation.userstate import log_no_results

TZ = dt.timezone(dt.timedelta(hours=8))


def at(day: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, 9, 30, tzinfo=TZ)


@pytest.fixture
def logged() -> None:
    log_no_results("發票抬頭", at(2), clock=SYSTEM_CLOCK)
    log_no_results("退货运费", at(3), clock=SYSTEM_CLOCK)
    log_no_results("退貨運費", at(6), clock=SYSTEM_CLOCK)


def test_text_report(logged: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "no-results"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["count", "last", "searched", "found", "query"]
    assert lines[1].split() == ["2", "2026-11-06", "09:30", "nothing", "退貨運費"]
    assert lines[2].split() == ["1", "2026-11-02", "09:30", "nothing", "發票抬頭"]


def test_json_report_since(logged: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "no-results", "--since", "2026-11-03", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [{"query": "退貨運費", "count": 2, "last": at(6).isoformat(), "match": "none"}]


def test_partial_matches_are_reported_beside_searches_without_results(
    logged: None, capsys: pytest.CaptureFixture[str]
) -> None:
    for day in (7, 8, 9):
        log_no_results("退款 火星", at(day), match="partial", clock=SYSTEM_CLOCK)
    assert main(["report", "no-results"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["3", "2026-11-09", "09:30", "partial", "退款", "火星"]
    assert lines[2].split()[-2:] == ["nothing", "退貨運費"]
    assert main(["report", "no-results", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["match"], r["count"]) for r in rows] == [("partial", 3), ("none", 2), ("none", 1)]


def test_empty_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "no-results"]) == 0
    assert "no searches without results" in capsys.readouterr().out
    assert main(["report", "no-results", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_empty_since_says_so(logged: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "no-results", "--since", "2027-01-01"]) == 0
    assert "since 2027-01-01" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["report", "no-results", "--since", "yesterday"],
                                  ["report", "no-results", "--since", "2026-13-01"],
                                  ["report"], ["report", "misses"]])
def test_bad_arguments(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err
