"""A large text (the benchmark's generator, smaller) imports completely and correctly; the
5 MB timing itself is a benchmark (``make bench-import``), not a timed test."""

from __future__ import annotations

from pathlib import Path

from kbdesk.core.importers.planner import ImportOptions, plan_files
from tests.bench.importing import handbook, run


def test_a_large_handbook_imports_every_chapter(tmp_path: Path) -> None:
    text = handbook(0.3)
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = plan_files([path], ImportOptions()).documents
    chapters = [s for s in doc.sections if s.level == 1]
    expected = text.count("服務作業第") // 1
    assert len(chapters) == expected
    assert [s.heading for s in chapters[:2]] == ["第1章 服務作業第1部分", "第2章 服務作業第2部分"]
    assert len(doc.sections) == 6 * len(chapters)
    second = doc.sections[7]  # 2.1, from a flattened line
    assert second.heading == "2.1 作業要點1" and second.text.startswith("作業要點1")
    assert {r.reason for r in doc.removed} >= {"site boilerplate: end of preview",
                                                "comment counter"}
    assert "本站" not in doc.body_text()


def test_the_benchmark_runs_and_reports() -> None:
    result = run(0.05, 1)
    assert result["sections"] > 0 and result["total_s"] > 0
