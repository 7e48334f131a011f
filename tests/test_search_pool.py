"""kbdesk's segment writer writes the same index as Whoosh's own writer, only faster.

Every test builds one index with Whoosh's ``SegmentWriter`` and one with
:class:`MemorySegmentWriter` from the same entries and compares what a reader sees: every
term of every field with its postings (document, weight, value) and its statistics, the stored
fields and the field lengths, and then the bytes of the postings and terms files.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from kbdesk.core.search.index import make_schema
from kbdesk.core.search.pool import MemoryPostingPool, MemorySegmentWriter

WORDS = ["退款", "退貨", "發票", "投訴", "客戶", "轉接", "主管", "物流", "包裹", "賠償", "補償",
         "48小時", "VIP", "app", "系統", "當機", "宕機", "帳號", "被盜", "回電", "工單", "話費"]


def _entries(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    entries = []
    for number in range(count):
        heading = "".join(rng.sample(WORDS, 2))
        body = "，".join("".join(rng.choices(WORDS, k=rng.randint(1, 4)))
                        for _ in range(rng.randint(1, 30)))
        entries.append({
            "entry": f"d{number}#s", "doc_id": f"d{number // 3}", "path": f"d{number // 3}.md",
            "kind": rng.choice(["handbook", "phrasing", "procedure"]), "status": "published",
            "category": rng.choice(["退款政策", "投訴處理", ""]), "category_text": "x",
            "tagset": ",".join(rng.sample(["退款", "投訴", "物流"], rng.randint(0, 2))),
            "tags_text": [], "version": rng.randint(1, 9), "effective": "", "level": 2,
            "anchor": "s", "title": heading, "heading": heading, "body": body,
            "text": "\n".join([heading] * 3 + [body]),
            "pinyin": rng.choice(["tuikuan", "tousu fapiao", ""]),
            "initials": rng.choice(["tk", "ts fp", ""]),
        })
    return entries


def _build(folder: Path, writer_class: type, entries: list[dict[str, Any]],
           deleted: tuple[str, ...] = (), **options: Any) -> Any:
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), make_schema(), indexname="t")
    half = len(entries) // 2
    for part in (entries[:half], entries[half:]):  # two commits: the second merges the first
        writer = writer_class(ix, **options)
        for fields in part:
            writer.add_document(**fields)
        for doc_id in deleted if part is not entries[:half] else ():
            writer.delete_by_term("doc_id", doc_id)
        writer.commit(optimize=True)
    return ix


def _view(ix: Any) -> dict[str, Any]:
    """Everything a search can see of an index, by field and term."""
    with ix.reader() as reader:
        postings = {}
        for fieldname, text in reader.all_terms():
            info = reader.term_info(fieldname, text)
            matcher = reader.postings(fieldname, text)
            rows = []
            while matcher.is_active():
                rows.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            postings[(fieldname, text)] = (
                rows, info.weight(), info.doc_frequency(), info.min_length(),
                info.max_length(), info.max_weight(), info.min_id(), info.max_id())
        stored = [reader.stored_fields(n) for n in range(reader.doc_count_all())]
        lengths = [(n, f, reader.doc_field_length(n, f)) for n in range(reader.doc_count_all())
                   for f in ("text", "pinyin", "initials")]
    return {"postings": postings, "stored": stored, "lengths": lengths}


def _file_bytes(folder: Path) -> dict[str, bytes]:
    return {path.suffix: path.read_bytes() for path in folder.glob("*")
            if path.suffix in (".pst", ".trm")}


@pytest.mark.parametrize("limitmb", [64, 0.02])  # all in memory / many run files
def test_same_index_as_whoosh(tmp_path: Path, limitmb: float) -> None:
    entries = _entries(300)
    theirs = _build(tmp_path / "whoosh", SegmentWriter, entries, deleted=("d5", "d40"))
    ours = _build(tmp_path / "kbdesk", MemorySegmentWriter, entries, deleted=("d5", "d40"),
                  limitmb=limitmb)
    expected, got = _view(theirs), _view(ours)
    assert len(expected["postings"]) > 100
    assert got == expected
    assert _file_bytes(tmp_path / "kbdesk") == _file_bytes(tmp_path / "whoosh")


def test_pool_writes_runs_past_its_limit_and_removes_them(tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), make_schema(), indexname="t")
    writer = MemorySegmentWriter(ix, limitmb=0.02)
    for fields in _entries(120):
        writer.add_document(**fields)
    pool = writer.pool
    assert isinstance(pool, MemoryPostingPool)
    runs = list(pool.runs)
    assert len(runs) > 2
    temp = writer.temp_storage()
    assert all(temp.file_exists(name) for name in runs)
    writer.commit()
    assert not any(temp.file_exists(name) for name in runs)


def test_cancelled_writer_leaves_no_run_files(tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), make_schema(), indexname="t")
    writer = MemorySegmentWriter(ix, limitmb=0.02)
    for fields in _entries(120):
        writer.add_document(**fields)
    assert writer.pool.runs
    writer.cancel()
    assert not list(tmp_path.glob("**/*.run"))
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 0


def test_boosted_fields_take_whooshs_own_path(tmp_path: Path) -> None:
    entries = _entries(20)
    for fields in entries:
        fields["_text_boost"] = 2.0
    theirs = _build(tmp_path / "whoosh", SegmentWriter, entries)
    ours = _build(tmp_path / "kbdesk", MemorySegmentWriter, entries)
    assert _view(ours) == _view(theirs)


@pytest.mark.parametrize("limitmb", [64, 0.02])
def test_terms_that_fill_whole_blocks(tmp_path: Path, limitmb: float) -> None:
    # Whoosh writes a block when the next posting finds it full and leaves the last one to
    # finish the term: a term of exactly 128 or 256 postings ends on a full block
    entries = _entries(300, seed=11)
    for number, fields in enumerate(entries):
        markers = [word for word, count in (("整塊", 128), ("兩塊", 256), ("單個", 1))
                   if number < count]
        fields["text"] += "\n" + "，".join(markers)
    theirs = _build(tmp_path / "whoosh", SegmentWriter, entries)
    ours = _build(tmp_path / "kbdesk", MemorySegmentWriter, entries, limitmb=limitmb)
    expected = _view(theirs)
    assert len(expected["postings"][("text", "整块".encode())][0]) == 128
    assert _view(ours) == expected
    assert _file_bytes(tmp_path / "kbdesk") == _file_bytes(tmp_path / "whoosh")


def test_postings_out_of_document_order_are_put_in_order() -> None:
    from array import array

    from kbdesk.core.search.pool import _in_document_order

    # (document, value number) pairs as a term's pool holds them; document 2 came last
    pairs, weights = array("q", [5, 1, 9, 0, 2, 3, 5, 2]), array("d", [1.0, 2.0, 3.0, 4.0])
    assert _in_document_order(pairs, weights) == ([2, 5, 5, 9], [3.0, 1.0, 4.0, 2.0], [3, 1, 2, 0])
    ordered = array("q", [1, 0, 4, 2])
    assert _in_document_order(ordered, weights[:2]) == ([1, 4], weights[:2], array("q", [0, 2]))


def test_the_pool_uses_no_private_name_of_whoosh(tmp_path: Path) -> None:
    """Every ``._name`` pool.py reads is one it defines itself: nothing private of Whoosh."""
    import ast

    import kbdesk.core.search.pool as pool_module

    tree = ast.parse(Path(pool_module.__file__).read_text("utf-8"))
    defined = {node.name for node in ast.walk(tree)
               if isinstance(node, ast.FunctionDef | ast.ClassDef)}
    defined |= {node.attr for node in ast.walk(tree)
                if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)}
    used = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                for alias in node.names}
    private = {name for name in used | imported
               if name.startswith("_") and not name.startswith("__")}
    assert private - defined == set()
    overridden = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)
                  and node.name.startswith("_") and not node.name.startswith("__")}
    whoosh_private = {name for name in dir(SegmentWriter) if name.startswith("_")}
    assert overridden & whoosh_private == set()
    writer = SegmentWriter(whoosh_index.create_in(str(tmp_path), make_schema(), indexname="t"))
    try:
        state = {name for name in vars(writer) if name.startswith("_")}
    finally:
        writer.cancel()
    stored = {node.attr for node in ast.walk(tree)
              if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)}
    assert len(state) > 3
    assert stored & state == set()
