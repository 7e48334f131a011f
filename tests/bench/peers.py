"""The peers: the same entries, with the same tokens, in SQLite FTS5 and in tantivy.

kbdesk's analyzer (:func:`kbdesk.core.search.analyzer.terms` on the folded text) turns every entry's
indexed text (heading, body and the document's title or tags) into tokens once; the tokens are joined by spaces and handed to each
peer, whose own tokenizer only splits on the spaces (FTS5 ``unicode61`` with the few
punctuation marks kbdesk keeps inside Latin tokens declared as token characters; tantivy's
``whitespace`` tokenizer). So both peers index exactly the terms kbdesk indexes, and a query is
the same AND of the same terms (OR when AND finds fewer than three hits, as kbdesk does), with
the same indexed field and the same draft/retired filter. Each returns the top 20 entries with
their stored original text; kbdesk does more per query (snippets, synonyms, pinyin), which the
report says.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kbdesk.core.library.catalog import Library
from kbdesk.core.search.analyzer import terms
from kbdesk.core.search.index import entries_for
from kbdesk.core.search.query import parse_query
from kbdesk.core.text.folding import fold

LIMIT = 20
MIN_AND_HITS = 3
# kbdesk indexes one text field per entry (its heading weighted by repetition, see
# kbdesk.core.search.index.entries_for); the peers index the same text
FIELDS = ("text",)
BOOSTS = {"text": 1.0}
HIDDEN_STATUS = ("draft", "retired")
STORED_ONLY = ("entry", "doc_id", "title", "heading", "body")


def tokens(text: str) -> str:
    """Return kbdesk's index terms of ``text`` joined by single spaces."""
    return " ".join(t.text for t in terms(fold(text), folded=True)) if text else ""


def tokenize_library(library: Path, out: Path) -> dict[str, float]:
    """Write every index entry of the library, pre-tokenized, to ``out`` (JSON lines).

    Returns:
        {"load_s": parsing the library, "tokenize_s": analysing every entry, "entries": n}
    """
    started = time.perf_counter()
    lib = Library(library)
    lib.load()
    loaded = time.perf_counter()
    count = 0
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for doc in lib:
            for entry in entries_for(doc):
                row = {
                    "entry": entry["entry"],
                    "doc_id": entry["doc_id"],
                    "status": entry["status"],
                    "title": entry["title"],
                    "heading": entry["heading"],
                    "body": entry["body"],
                }
                for name in FIELDS:
                    row["t_" + name] = tokens(str(entry.get(name) or ""))
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    tmp.replace(out)
    done = time.perf_counter()
    return {"load_s": loaded - started, "tokenize_s": done - loaded, "entries": float(count)}


def read_entries(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the pre-tokenized entries written by :func:`tokenize_library`."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def query_terms(query: str) -> list[list[str]]:
    """Return, per query word, the terms it needs (the same reading kbdesk makes of it)."""
    parsed = parse_query(query)
    words: list[list[str]] = []
    for word in [*parsed.words, *parsed.phrases]:
        found = [t.text for t in terms(word, folded=True)]
        needed = [word] if word in found else list(dict.fromkeys(found))
        if needed:
            words.append(needed)
    return words


# -- SQLite FTS5 -------------------------------------------------------------------------------

FTS_TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '-._+'"


def fts5_build(entries: Path, db: Path) -> None:
    """Build the FTS5 table from the pre-tokenized entries."""
    db.unlink(missing_ok=True)
    con = sqlite3.connect(db)
    indexed = ["t_" + name for name in FIELDS]
    con.execute(
        f"CREATE VIRTUAL TABLE entries USING fts5({', '.join(indexed)}, "
        "entry UNINDEXED, doc_id UNINDEXED, status UNINDEXED, title UNINDEXED, "
        f"heading UNINDEXED, body UNINDEXED, tokenize=\"{FTS_TOKENIZER}\")"
    )
    columns = [*indexed, "entry", "doc_id", "status", "title", "heading", "body"]
    sql = f"INSERT INTO entries({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    with con:
        con.executemany(sql, ([row[c] for c in columns] for row in read_entries(entries)))
    con.execute("INSERT INTO entries(entries) VALUES('optimize')")
    con.commit()
    con.close()


def _fts_match(words: list[list[str]], op: str) -> str:
    def quoted(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    groups = ["(" + " AND ".join(quoted(t) for t in needed) + ")" for needed in words]
    return f" {op} ".join(groups)


class Fts5Searcher:
    """Searches the FTS5 table like kbdesk searches its index."""

    def __init__(self, db: Path) -> None:
        self.con = sqlite3.connect(db, check_same_thread=False)
        weights = ", ".join(str(BOOSTS[f]) for f in FIELDS)
        hidden = ", ".join(f"'{s}'" for s in HIDDEN_STATUS)
        self.sql = (
            "SELECT entry, doc_id, title, heading, body, bm25(entries, " + weights + ") AS score "
            "FROM entries WHERE entries MATCH ? AND status NOT IN (" + hidden + ") "
            "ORDER BY score LIMIT ?"
        )

    def search(self, query: str) -> list[tuple[Any, ...]]:
        """Return the top entries for ``query`` (AND, then OR when AND finds too little)."""
        words = query_terms(query)
        if not words:
            return []
        rows = self.con.execute(self.sql, (_fts_match(words, "AND"), LIMIT * 3)).fetchall()
        if len(rows) < MIN_AND_HITS and len(words) > 1:
            seen = {row[0] for row in rows}
            more = self.con.execute(self.sql, (_fts_match(words, "OR"), LIMIT * 6)).fetchall()
            rows.extend(row for row in more if row[0] not in seen)
        return rows[:LIMIT]

    def close(self) -> None:
        """Close the database."""
        self.con.close()


# -- tantivy -----------------------------------------------------------------------------------


def _tantivy_schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    for name in FIELDS:
        builder.add_text_field("t_" + name, tokenizer_name="whitespace")
    builder.add_text_field("status", tokenizer_name="raw", index_option="basic")
    for name in STORED_ONLY:
        builder.add_bytes_field(name, stored=True, indexed=False)
    return builder.build()


def tantivy_build(entries: Path, folder: Path) -> None:
    """Build the tantivy index from the pre-tokenized entries (writer threads: tantivy's own)."""
    import tantivy

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    index = tantivy.Index(_tantivy_schema(), path=str(folder))
    writer = index.writer(heap_size=128_000_000)
    for row in read_entries(entries):
        doc = tantivy.Document()
        for name in FIELDS:
            doc.add_text("t_" + name, row["t_" + name])
        doc.add_text("status", row["status"])
        for name in STORED_ONLY:
            doc.add_bytes(name, row[name].encode("utf-8"))
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()


class TantivySearcher:
    """Searches the tantivy index like kbdesk searches its index."""

    def __init__(self, folder: Path) -> None:
        import tantivy

        self.tantivy = tantivy
        self.index = tantivy.Index.open(str(folder))
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        hidden = [tantivy.Query.term_query(self.schema, "status", s) for s in HIDDEN_STATUS]
        self.hidden = [(tantivy.Occur.MustNot, q) for q in hidden]

    def _word(self, needed: list[str]) -> Any:
        tv = self.tantivy
        per_term = []
        for term in needed:
            fields = [
                (tv.Occur.Should,
                 tv.Query.boost_query(tv.Query.term_query(self.schema, "t_" + f, term), BOOSTS[f]))
                for f in FIELDS
            ]
            per_term.append((tv.Occur.Must, tv.Query.boolean_query(fields)))
        return tv.Query.boolean_query(per_term)

    def _run(self, words: list[list[str]], occur: Any, limit: int) -> list[tuple[Any, ...]]:
        tv = self.tantivy
        query = tv.Query.boolean_query([(occur, self._word(w)) for w in words] + self.hidden)
        hits = self.searcher.search(query, limit, count=False).hits
        rows = []
        for score, address in hits:
            doc = self.searcher.doc(address)
            rows.append((*(bytes(doc.get_first(n)).decode("utf-8") for n in STORED_ONLY), score))
        return rows

    def search(self, query: str) -> list[tuple[Any, ...]]:
        """Return the top entries for ``query`` (AND, then OR when AND finds too little)."""
        words = query_terms(query)
        if not words:
            return []
        rows = self._run(words, self.tantivy.Occur.Must, LIMIT * 3)
        if len(rows) < MIN_AND_HITS and len(words) > 1:
            seen = {row[0] for row in rows}
            more = self._run(words, self.tantivy.Occur.Should, LIMIT * 6)
            rows.extend(row for row in more if row[0] not in seen)
        return rows[:LIMIT]

    def close(self) -> None:
        """Nothing to release (tantivy frees the index with the object)."""
