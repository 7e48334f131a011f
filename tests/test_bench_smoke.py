"""The benchmark code runs end to end on a tiny library (no timing is asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.model import Kind
from kbdesk.core.text.folding import fold, to_simplified
from tests.bench import corpus, peers, run

pytest.importorskip("tantivy")


@pytest.fixture
def bench_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "bench-cache"
    monkeypatch.setenv("KBDESK_BENCH_CACHE", str(root))
    return root


def test_corpus_is_deterministic_valid_and_cached(bench_cache: Path) -> None:
    info = corpus.ensure_corpus(12)
    again = corpus.ensure_corpus(12)
    assert again == info
    other = corpus.generate(bench_cache / "copy", 12, corpus.DEFAULT_SEED)
    files = sorted(p.relative_to(info.path) for p in Path(info.path).rglob("*.md"))
    assert files == sorted(p.relative_to(other.path) for p in Path(other.path).rglob("*.md"))
    for rel in files:
        assert (Path(info.path) / rel).read_bytes() == (Path(other.path) / rel).read_bytes()

    kb = KnowledgeBase(info.path)
    assert kb.problems == []
    docs = kb.documents()
    assert len(docs) == 12
    assert sum(len(d.sections) for d in docs) == info.sections
    assert {d.kind for d in docs} == set(Kind)
    traditional = [d for d in docs if to_simplified(d.body) != d.body]
    assert 0 < len(traditional) < 12
    assert info.traditional_docs == len(traditional)


def test_bench_queries_are_fixed_and_in_both_scripts() -> None:
    queries = corpus.bench_queries(count=20)
    assert queries == corpus.bench_queries(count=20)
    assert len(queries) == 20
    assert any(fold(q) != q for q in queries)
    assert any(fold(q) == q for q in queries)


def test_vocabulary_comes_from_the_segmenter_dictionary_and_service_words() -> None:
    vocab = corpus.Vocabulary(corpus.DEFAULT_SEED)
    assert len(vocab) > 10_000
    assert "投诉" in vocab.words[:1000]
    rng = __import__("random").Random(1)
    draws = vocab.draw(rng, 5000)
    head = set(vocab.words[:50])
    # Zipf-like: the 50 most frequent words make a large share of running text
    assert sum(w in head for w in draws) > 1000


def test_peer_query_terms_match_kbdesk_reading() -> None:
    assert peers.query_terms("投訴") == [["投诉"]]
    assert peers.query_terms("客户很生气怎么办") == peers.query_terms("客戶很生氣怎麼辦")
    assert peers.query_terms("") == []
    assert peers.query_terms("？？") == []


def test_tiny_bench_pass_reports_every_figure(bench_cache: Path, tmp_path: Path) -> None:
    report = run.bench(8, quick=True, cold_runs=1, work=tmp_path)
    for system in run.SYSTEMS:
        figures = report["results"][system]
        for key in ("build_s", "search_p95_ms", "cold_start_s", "build_rss_mb", "search_rss_mb"):
            assert figures[key] > 0, (system, key)
    results = report["results"]
    # kbdesk also expands synonyms and pinyin, so it finds at least what the peers find
    assert results["fts5"]["queries_with_hits"] == results["tantivy"]["queries_with_hits"]
    assert results["kbdesk"]["queries_with_hits"] >= results["fts5"]["queries_with_hits"] > 0
    assert report["results"]["kbdesk"]["incremental_s"] > 0
    text = run.format_report(report)
    assert "PASS" in text or "MISS" in text
    assert "tantivy" in text and "FTS5" in text
    table = run.markdown_table(report)
    assert table.count("\n") >= len(run.TARGETS) + 1
    assert "| full index build |" in table
    json.dumps(report)
    # the scratch copy of the library is removed, the cached corpus is kept
    assert not list(tmp_path.glob("kbdesk-bench-*"))
    assert list(bench_cache.glob("lib-8-*"))


def test_percentiles_use_the_nearest_rank() -> None:
    from tests.bench.worker import percentile

    values = [float(v) for v in range(100, 0, -1)]
    assert percentile(values, 0.50) == 50
    assert percentile(values, 0.95) == 95
    assert percentile([7.0], 0.95) == 7


def test_scaling_table_puts_each_size_beside_fts5() -> None:
    def report(docs: int, p95: float) -> dict:
        figures = {"build_s": 1.0, "search_p50_ms": 1.0, "search_p95_ms": p95,
                   "cold_start_s": 0.5, "peak_rss_mb": 100.0}
        return {"corpus": {"docs": docs, "sections": docs * 10},
                "results": {"kbdesk": figures, "fts5": dict(figures, search_p95_ms=2.0)}}

    text = run.scaling_table([report(1000, 2.4), report(20000, 3.0)])
    lines = text.splitlines()
    assert lines[0].split()[:2] == ["documents", "sections"]
    assert lines[1].startswith("1,000") and lines[1].endswith("1.20x")
    assert lines[2].startswith("20,000") and "3.0 (2.0)" in lines[2] and lines[2].endswith("1.50x")
    assert len(run.scaling_table([report(1000, 2.0)], markdown=True).splitlines()) == 3
    with pytest.raises(SystemExit):
        run.main(["--scale", "0,10"])


def test_bench_queries_hold_pinyin_slips_and_spoken_phrasings() -> None:
    from pypinyin import lazy_pinyin

    queries = corpus.bench_queries(count=20)
    service = {to_simplified(w) for w in corpus.Vocabulary(corpus.DEFAULT_SEED).service}
    slips = [to_simplified(queries[i]) for i in (3, 13)]
    for slip in slips:  # one character off a service word, with the same pinyin
        assert slip not in service
        assert any(len(w) == len(slip) and [lazy_pinyin(c) for c in w] == [lazy_pinyin(c)
                                                                            for c in slip]
                   and sum(a != b for a, b in zip(w, slip, strict=True)) == 1 for w in service)
    spoken = [to_simplified(queries[i]) for i in (6, 16)]
    assert all(any(form.replace("{}", "") in s.replace(w, "") for form in corpus.COLLOQUIAL_FORMS
                   for w in service if w in s) for s in spoken)
