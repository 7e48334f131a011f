"""The HTML export benchmark runs end to end on a tiny library (no timing is asserted).

A module of its own: Playwright's sync API cannot start while another module's browser is open.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_site_bench_runs_on_a_tiny_library(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.bench.site import TARGETS, bench_site, format_site

    monkeypatch.setenv("KBDESK_BENCH_CACHE", str(tmp_path / "bench-cache"))
    figures = bench_site(12, quick=True, work=tmp_path)
    assert figures["documents"] > 0 and figures["shards"] >= 1
    for key in TARGETS:
        assert figures[key] > 0, key
    assert "first query from file://" in format_site(figures)
