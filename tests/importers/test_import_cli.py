"""``kbdesk import`` end to end: dry run as JSON, drafts, publishing, split, duplicates, bad
files; imported documents pass ``kbdesk check``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from tests.clock import now_stamp
from tests.conftest import doc
from tests.importers import fixtures as F


@pytest.fixture
def root(make_library) -> Path:  # type: ignore[no-untyped-def]
    path = make_library({"handbooks/existing.md": doc(
        "來電處理要點", body="\n" + F.NUMBERED_LIST.split("\n", 2)[2], id="existing")})
    LibraryRepo.init(path, author="初始 <init@example.com>", when=now_stamp()).close()
    return path


@pytest.fixture
def sources(tmp_path: Path) -> dict[str, Path]:
    files = {}
    for name, text, encoding in (("flat.txt", F.FLAT_TRADITIONAL, "big5"),
                                 ("boiler.txt", F.BOILERPLATE, "gb18030"),
                                 ("apology.md", F.PHRASING, "utf-8")):
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode(encoding))
        files[name] = path
    return files


def cli(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main([args[0], "--library", str(root), *args[1:]])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_dry_run_json_prints_the_plan_and_writes_nothing(root, sources, capsys) -> None:
    before = _tree(root)
    code, out, err = cli(capsys, root, "import", str(sources["flat.txt"]),
                         str(sources["boiler.txt"]), "--dry-run", "--json")
    assert code == 0, err
    plan = json.loads(out)
    assert [d["title"] for d in plan] == ["門市退換貨作業手冊", "配送延误处理手册"]
    first = plan[0]
    assert first["kind"] == "handbook"
    assert [s["heading"] for s in first["sections"]][:3] == [
        "第一章 退換貨受理", "1.1 受理前的確認", "1.2 單據填寫要點"]
    assert set(first["sections"][1]) >= {"heading", "text"}
    assert first["removed"][0]["reason"] == "table of contents"
    assert {"text", "reason", "position"} <= set(first["removed"][0])
    assert any(r["text"] == "全文预览已结束" for r in plan[1]["removed"])
    assert _tree(root) == before
    assert KnowledgeBase(root).drafts.list() == []


def test_text_dry_run_and_split_chapters(root, sources, capsys) -> None:
    code, out, _ = cli(capsys, root, "import", str(sources["flat.txt"]), "--dry-run",
                       "--split", "chapters")
    assert code == 0
    assert "門市退換貨作業手冊：第一章 退換貨受理" in out
    assert "門市退換貨作業手冊：第二章 特殊情況處理" in out
    assert "table of contents" in out


def test_import_saves_drafts_that_publish_and_pass_check(root, sources, capsys) -> None:
    code, out, err = cli(capsys, root, "import", *map(str, sources.values()))
    assert code == 0, err
    assert out.count("draft saved") == 3
    kb = KnowledgeBase(root)
    drafts = {d.path: d for d in kb.drafts.list()}
    assert len(drafts) == 3 and {d.origin for d in drafts.values()} == {"import"}
    assert not any((root / path).exists() for path in drafts)  # nothing in the library yet
    phrasing = next(d for d in drafts.values() if d.path.startswith("phrasings/"))
    assert "kind: phrasing" in phrasing.text and "status: draft" in phrasing.text
    assert "> 非常抱歉让您久等了，我是客服专员{{姓名}}" in phrasing.text
    for draft in drafts.values():
        kb.publishing.publish(draft.path, draft.text.replace("status: draft", "status: published"),
                   "匯入後審閱")
    assert kb.drafts.list() == []
    code, out, err = cli(capsys, root, "check")
    assert code == 0, out + err
    assert "ok: 4 documents, no problems" in out
    imported = kb.document(phrasing.doc_id)
    assert [p.name for p in imported.phrasings] == ["延誤道歉", "回电道歉"]
    assert "姓名" in imported.phrasings[0].placeholders


def test_publish_split_chapters_then_check_and_search(root, sources, capsys) -> None:
    code, out, err = cli(capsys, root, "import", str(sources["flat.txt"]), "--split",
                         "chapters", "--publish", "--note", "從舊手冊匯入")
    assert code == 0, err
    assert out.count("published v1") == 2
    code, out, err = cli(capsys, root, "check")
    assert code == 0 and "ok: 3 documents, no problems" in out, out + err
    kb = KnowledgeBase(root)
    chapter = next(d for d in kb.documents() if d.title.endswith("第二章 特殊情況處理"))
    assert [s.heading for s in chapter.sections] == ["2.1 超過期限的申請", "2.2 商品已拆封"]
    assert chapter.category == "門市退換貨作業手冊"
    assert (chapter.version, chapter.status.value) == (1, "published")
    assert chapter.summary.startswith("超過七天的申請")
    assert kb.versions.history(chapter.id)[0].note.startswith("從舊手冊匯入")
    hits = kb.search("拆封")
    assert hits.hits and hits.hits[0].doc_id == chapter.id


def test_publish_needs_a_note(root, sources, capsys) -> None:
    code, _out, err = cli(capsys, root, "import", str(sources["flat.txt"]), "--publish")
    assert code == 2 and "--note" in err


def test_bad_file_imports_nothing_and_names_the_file(root, sources, tmp_path, capsys) -> None:
    bad = tmp_path / "in" / "scan.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    before = _tree(root)
    code, out, err = cli(capsys, root, "import", str(sources["flat.txt"]), str(bad),
                         "--publish", "--note", "匯入")
    assert code == 2
    assert "scan.txt: binary data, not a text file" in err
    assert out == ""
    assert _tree(root) == before
    assert KnowledgeBase(root).drafts.list() == []


def test_kind_and_category_options(root, sources, capsys) -> None:
    code, out, _ = cli(capsys, root, "import", str(sources["boiler.txt"]), "--dry-run",
                       "--json", "--kind", "procedure", "--category", "物流")
    assert code == 0
    [planned] = json.loads(out)
    assert (planned["kind"], planned["category"]) == ("procedure", "物流")
    assert planned["path"].startswith("procedures/")


def test_a_document_already_in_the_library_is_reported_as_duplicate(root, tmp_path,
                                                                      capsys) -> None:
    copy = tmp_path / "again.txt"
    copy.write_text(F.NUMBERED_LIST.replace("\n\n", "\n"), encoding="utf-8")
    code, out, _ = cli(capsys, root, "import", str(copy), "--dry-run", "--json")
    assert code == 0
    [planned] = json.loads(out)
    assert planned["duplicate_of"] == "handbooks/existing.md"
    assert any(f["kind"] == "duplicate" for f in planned["flags"])
    fresh = tmp_path / "fresh.txt"
    fresh.write_text(F.TOC_LINES, encoding="utf-8")
    code, out, _ = cli(capsys, root, "import", str(fresh), str(fresh), "--dry-run", "--json")
    first, second = json.loads(out)
    assert first["duplicate_of"] is None
    assert second["duplicate_of"] == f"{first['path']} (this import)"


def test_imported_drafts_are_listed_and_published_by_id(root, sources, capsys) -> None:
    code, _out, _err = cli(capsys, root, "import", str(sources["flat.txt"]),
                           str(sources["boiler.txt"]))
    assert code == 0
    code, out, _ = cli(capsys, root, "drafts", "--json")
    listed = json.loads(out)
    assert len(listed) == 2 and all(d["path"].startswith("handbooks/") for d in listed)
    code, out, _ = cli(capsys, root, "drafts")
    assert "門市退換貨作業手冊" in out and "配送延误处理手册" in out
    first = listed[0]["id"]
    code, _out, err = cli(capsys, root, "drafts", "publish", first, "nope")
    assert code == 2 and "--note" in err
    code, _out, err = cli(capsys, root, "drafts", "publish", first, "nope", "--note", "審閱後發布")
    assert code == 2 and "nope: no draft of that id" in err
    assert len(KnowledgeBase(root).documents()) == 1  # nothing published
    code, out, err = cli(capsys, root, "drafts", "publish", first, "--note", "審閱後發布")
    assert code == 0, err
    assert "published v1" in out
    kb = KnowledgeBase(root)
    assert kb.document(first).status.value == "published"
    assert [d.doc_id for d in kb.imports.new_document_drafts()] == [listed[1]["id"]]
    code, out, _ = cli(capsys, root, "check")
    assert code == 0 and "no problems" in out


NO_STRUCTURE = ("客戶來電時先確認身分，再詢問需求。" * 20) + "\n" + ("處理完畢後請記錄通話摘要。" * 20) + "\n"


def test_a_plan_says_when_it_is_unsure_and_publish_refuses_no_structure(
        root, tmp_path, capsys) -> None:
    source = tmp_path / "in" / "notes.txt"
    source.parent.mkdir(exist_ok=True)
    source.write_text(NO_STRUCTURE, encoding="utf-8")
    code, out, err = cli(capsys, root, "import", str(source), "--dry-run", "--json")
    assert code == 0, err
    [planned] = json.loads(out)
    assert planned["confidence"] == "low"
    kinds = {flag["kind"] for flag in planned["flags"]}
    assert {"no-structure", "title-guessed"} <= kinds
    code, out, err = cli(capsys, root, "import", str(source), "--dry-run")
    assert "NO STRUCTURE FOUND" in out
    before = _tree(root)
    code, out, err = cli(capsys, root, "import", str(source), "--publish", "--note", "匯入")
    assert code == 2 and "no structure found" in err and "--force" in err
    assert "Traceback" not in err and _tree(root) == before
    code, out, err = cli(capsys, root, "import", str(source), "--publish", "--note", "匯入",
                         "--force")
    assert code == 0, err
    assert "published v1" in out


def test_a_section_holding_most_of_a_long_text_is_flagged() -> None:
    from tests.importers.helpers import plan_text

    body = "".join(f"第{number}項規定的說明文字。" for number in range(300))
    text = f"手冊\n第一章 總則\n{body}\n第二章 附則\n附則一句。\n"
    [planned] = plan_text(text)
    assert planned.confidence == "medium"
    [flag] = [f for f in planned.flags if f.kind == "huge-section"]
    assert flag.text == "第一章 總則" and flag.section == 0


def test_a_plan_with_its_own_title_and_structure_is_sure() -> None:
    from tests.importers.helpers import plan_text

    [planned] = plan_text("退款手冊\n第一章 時限\n三天內退款。\n第二章 方式\n原路退回。\n")
    assert planned.confidence == "high" and planned.flags == []
