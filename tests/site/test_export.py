"""The HTML export: what is exported, determinism, safety of paths and content, the output folder."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from kbdesk.core.errors import Cancelled, ExportError
from kbdesk.core.exporters import EXPORTERS
from kbdesk.core.exporters.html_site import MARKER
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.search.index import CancelToken
from tests.site.library import build_library


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return KnowledgeBase(build_library(tmp_path / "lib"))


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text("utf-8")


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


def differing_files(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """The files two exports wrote differently, the manifest's entry of ``index.html`` (whose
    generated-at line differs) left out."""
    differing = [name for name in first if first[name] != second[name]]
    if MARKER in differing:
        one, two = (json.loads(f[MARKER])["files"] for f in (first, second))
        one.pop("index.html")
        two.pop("index.html")
        if one == two:
            differing.remove(MARKER)
    return differing


def test_html_is_a_registered_exporter() -> None:
    assert "html" in EXPORTERS.names()


def test_exports_published_documents_in_force_only(kb: KnowledgeBase, tmp_path: Path) -> None:
    result = kb.exports.export("html", tmp_path / "site")
    site = result.outdir
    home = read(site, "index.html")
    for title in ("投訴處理手冊", "道歉話術", "退款處理流程", "帳單查詢說明"):
        assert title in home or title in read(site, "k/handbook.html") + read(
            site, "k/phrasing.html") + read(site, "k/procedure.html")
    everything = "".join(p.read_text("utf-8") for p in site.rglob("*.html"))
    everything += "".join(p.read_text("utf-8") for p in site.rglob("*.js"))
    assert "草稿文件機密" not in everything and "已停用的舊流程" not in everything
    billing = read(site, "d/billing.html")
    assert "舊的說明" in billing and "新的說明" not in billing and "v1" in billing
    assert result.documents == 5
    assert (site / MARKER).is_file()


def test_as_of_a_later_day_exports_the_pending_version(kb: KnowledgeBase, tmp_path: Path) -> None:
    later = dt.date.today() + dt.timedelta(days=10)
    site = kb.exports.export("html", tmp_path / "site", as_of=later).outdir
    billing = read(site, "d/billing.html")
    assert "新的說明" in billing and "舊的說明" not in billing
    assert later.isoformat() in read(site, "index.html")


def test_document_page_shows_version_owner_effective_note_toc(kb: KnowledgeBase,
                                                              tmp_path: Path) -> None:
    site = kb.exports.export("html", tmp_path / "site").outdir
    page = read(site, "d/complaint-handbook.html")
    assert "v2" in page and "客服品質組" in page and "受理時先耐心傾聽" in page
    assert 'href="#受理投訴"' in page and 'id="受理投訴"' in page  # TOC → heading
    assert 'href="../c/' in page and 'href="../index.html"' in page  # breadcrumbs
    home = read(site, "index.html")
    assert "受理時先耐心傾聽" in home  # recently updated, with its change note
    assert 'href="d/complaint-handbook.html"' in home


def test_phrasings_get_copy_buttons_and_procedures_checklists(kb: KnowledgeBase,
                                                              tmp_path: Path) -> None:
    site = kb.exports.export("html", tmp_path / "site").outdir
    phrasing = read(site, "d/phrasing-apology.html")
    assert phrasing.count('class="copy-button"') == 1
    assert re.search(r'class="copy-text">非常抱歉造成您的不便，<span class="placeholder">'
                     r"\{\{客戶稱呼\}\}</span>", phrasing)
    procedure = read(site, "d/sop-refund.html")
    assert procedure.count('class="step-check"') == 2
    assert "時限：5分鐘內" in procedure and "角色：處理專員" in procedure
    assert 'data-limit="300"' in procedure and 'data-limit="86400"' in procedure
    assert "- 時限" not in procedure


def test_export_is_deterministic_apart_from_the_stamp(kb: KnowledgeBase, tmp_path: Path) -> None:
    first = files_of(kb.exports.export("html", tmp_path / "a").outdir)
    second_kb = KnowledgeBase(kb.root)
    second = files_of(second_kb.exports.export("html", tmp_path / "b").outdir)
    assert first.keys() == second.keys()
    assert differing_files(first, second) in ([], ["index.html"])
    stamp = re.compile(rb'<span class="generated">[^<]*</span>')
    assert stamp.sub(b"", first["index.html"]) == stamp.sub(b"", second["index.html"])
    assert len(stamp.findall(first["index.html"])) == 1


def test_hostile_ids_and_titles_stay_inside_outdir(kb: KnowledgeBase, tmp_path: Path) -> None:
    out = tmp_path / "deep" / "site"
    site = kb.exports.export("html", out).outdir
    before = {p for p in tmp_path.rglob("*")}
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site.resolve())
    assert (site / "d" / "escape.html").is_file()
    assert (site / "c" / "up.html").is_file()
    assert not (tmp_path / "escape.html").exists() and not (tmp_path / "deep" / "escape.html").exists()
    outside = {p for p in tmp_path.rglob("*") if not p.is_relative_to(out) and "lib" not in p.parts}
    assert outside == {p for p in before if not p.is_relative_to(out) and "lib" not in p.parts}


def test_injected_markup_is_inactive(kb: KnowledgeBase, tmp_path: Path) -> None:
    site = kb.exports.export("html", tmp_path / "site").outdir
    page = read(site, "d/escape.html")
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts == ['<script src="../static/site.js">']
    tags = re.findall(r"<[a-zA-Z][^>]*>", page)  # text is escaped, so only real tags match
    for tag in tags:
        lowered = tag.lower()
        assert not re.search(r"\son\w+\s*=", lowered), tag
        assert "javascript:" not in lowered, tag
        assert not lowered.startswith(("<iframe", "<svg", "<object", "<embed")), tag
    assert "正文有注入的內容" in page and "安全的文字" in page
    assert "&lt;script&gt;" in page  # the title is shown as text, not run
    for path in (site / "search").glob("t*.js"):
        assert "</script" not in path.read_text("utf-8").lower()


def test_site_has_no_external_resources(kb: KnowledgeBase, tmp_path: Path) -> None:
    site = kb.exports.export("html", tmp_path / "site").outdir
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text("utf-8")
        for match in re.finditer(r'(?:src|href)="([^"]*)"', text):
            assert "//" not in match.group(1), (path, match.group(1))
        assert "@import" not in text and "@font-face" not in text and "url(" not in text


def test_outdir_that_is_not_an_export_is_refused(kb: KnowledgeBase, tmp_path: Path) -> None:
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "keep.jpg").write_bytes(b"jpeg")
    with pytest.raises(ExportError, match="not empty and is not a kbdesk export"):
        kb.exports.export("html", foreign)
    assert [p.name for p in foreign.iterdir()] == ["keep.jpg"]
    with pytest.raises(ExportError, match="inside the library"):
        kb.exports.export("html", kb.root / "site")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        kb.exports.export("html", tmp_path / "file")
    assert not [p for p in tmp_path.iterdir() if "kbdesk-export" in p.name]


def test_a_previous_export_is_replaced_and_a_cancelled_one_changes_nothing(
        kb: KnowledgeBase, tmp_path: Path) -> None:
    out = tmp_path / "site"
    kb.exports.export("html", out)
    assert (out / "d" / "sop-refund.html").is_file()
    kb.publishing.retire("sop-refund", "不再使用", author="王小明")
    kb.exports.export("html", out)
    assert not (out / "d" / "sop-refund.html").exists()  # a page of the previous export
    before = files_of(out)
    token = CancelToken()

    def progress(done: int, total: int, _message: str) -> None:
        if done == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        kb.exports.export("html", out, progress=progress, cancel=token)
    assert files_of(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name != "lib"] == ["site"]


def test_progress_reaches_the_total(kb: KnowledgeBase, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    kb.exports.export("html", tmp_path / "site", progress=lambda d, t, _m: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) > 5
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_unpublished_edits_in_the_working_files_are_not_exported(kb: KnowledgeBase,
                                                                  tmp_path: Path) -> None:
    path = kb.root / "handbooks/complaint.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("處理客戶投訴的原則。", "尚未發布的修改內容。"), "utf-8")
    site = KnowledgeBase(kb.root).exports.export("html", tmp_path / "site").outdir
    page = read(site, "d/complaint-handbook.html")
    assert "處理客戶投訴的原則" in page and "尚未發布的修改內容" not in page


def test_search_files_built_in_a_second_process_are_the_same(
        kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kbdesk.core.exporters import site_worker

    inline = files_of(kb.exports.export("html", tmp_path / "inline").outdir)
    monkeypatch.setattr(site_worker, "PARALLEL_MIN_DOCUMENTS", 1)
    started: list[int] = []
    real_init = site_worker.SearchJob.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        started.append(self.process.pid if self.process is not None else 0)

    monkeypatch.setattr(site_worker.SearchJob, "__init__", init)
    parallel = files_of(kb.exports.export("html", tmp_path / "parallel").outdir)
    assert started and started[0] > 0
    assert parallel.keys() == inline.keys()
    assert differing_files(inline, parallel) in ([], ["index.html"])

    token = CancelToken()
    with pytest.raises(Cancelled):
        kb.exports.export("html", tmp_path / "cancelled", progress=lambda d, _t, _m: d == 3 and
                  token.cancel(), cancel=token)
    assert not (tmp_path / "cancelled").exists()
    assert not list(tmp_path.glob(".cancelled.kbdesk-export-*"))
