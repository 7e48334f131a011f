"""A Whoosh segment writer that pools a segment's postings compactly, grouped by term.

Whoosh's own writer turns every posting of a new segment into a tuple, pickles the tuples to run
files whenever its pool passes ``limitmb``, and at commit sorts and heap-merges the runs back.
Profiled on a 1,000-document build, that external sort (each posting pickled out and back, the
merge, a size estimate made per posting) was a third of the writer's time. This writer keeps,
per field and term, one array of document numbers and value numbers and one of weights (24
bytes a posting). When the pool passes its limit it is written to a run file one record per
term, already sorted, so a run costs a pickle per term instead of per posting, and reading the
runs back joins each term's arrays.

Counting the words of an analysed field is also done here in one pass (see
:class:`TermCounts`), instead of through a Token object per word.

The segment written is the same as Whoosh's: the same postings reach the same codec calls in
the same order (``tests/test_search_pool.py`` compares the files written by both).
"""

from __future__ import annotations

import contextlib
import heapq
import pickle
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from whoosh.analysis import IDTokenizer, RegexTokenizer
from whoosh.fields import ID, UnknownFieldError
from whoosh.formats import Existence, Frequency
from whoosh.system import pack_uint
from whoosh.util import random_name
from whoosh.writing import IndexingError, SegmentWriter

#: terms in one chunk of a run file
RUN_CHUNK = 4096
#: (field name, term bytes, document number, weight, value bytes): one Whoosh posting
Posting = tuple[str, bytes, int, float, bytes]
#: a term's postings: document numbers and value numbers interleaved; weights
Lists = tuple["array[int]", "array[float]"]
Record = tuple[tuple[str, bytes], "array[int]", "array[float]"]


class TermCounts(Frequency):
    """Whoosh's ``Frequency`` format, counting an analysed text's words in one pass.

    ``counts(value)`` of the analyzer gives each word's number of occurrences; postings are
    then what ``Frequency`` would make of the same words: weight = count × field boost, value =
    the count packed. Values that are not text go through ``Frequency`` itself.
    """

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterable[Any]:
        counts = getattr(analyzer, "counts", None)
        if counts is None or not isinstance(value, str) or kwargs.get("tokenize") is False:
            return super().word_values(value, analyzer, **kwargs)
        boost = self.field_boost
        return ((word, n, n * boost, _packed(n)) for word, n in counts(value).items())


def _term_counts(field: Any, value: Any) -> Counter[str] | None:
    """The words of a field value with their counts, where that is all its postings need.

    For a :class:`TermCounts` text (kbdesk's analyzer counts it), and for a space-separated
    keyword field stored as frequencies (the regular expression's matches are the words, as
    Whoosh's ``RegexTokenizer`` yields them); None for every other field.
    """
    if not isinstance(value, str):
        return None
    if isinstance(field.format, TermCounts):
        counts = getattr(field.analyzer, "counts", None)
        return counts(value) if counts is not None else None
    analyzer = field.analyzer
    if (
        type(field.format) is Frequency
        and type(analyzer) is RegexTokenizer
        and not analyzer.gaps
    ):
        return Counter([match.group(0) for match in analyzer.expression.finditer(value)])
    return None


def _whole_value(field: Any, value: Any) -> bool:
    """True for an ``ID`` field indexing its whole text value as one term."""
    return (
        type(field) is ID
        and type(field.analyzer) is IDTokenizer
        and type(field.format) is Existence
        and isinstance(value, str)
    )


_PACKED = [pack_uint(n) for n in range(256)]


def _packed(n: int) -> bytes:
    """``pack_uint(n)``, shared for small counts."""
    return _PACKED[n] if n < 256 else pack_uint(n)


class MemoryPostingPool:
    """Postings of one segment by field and term; the interface of Whoosh's ``PostingPool``.

    Args:
        tempstore: Whoosh storage for run files, used when the pool passes ``limitmb``.
        limitmb: about how much memory the postings may take before they are written to a run
            file and the pool starts again.
    """

    def __init__(self, tempstore: Any, limitmb: float = 32) -> None:
        #: field -> term -> its postings
        self._fields: dict[str, dict[bytes, Lists]] = {}
        self._value_index: dict[bytes, int] = {b"": 0}
        self._values: list[bytes] = [b""]
        #: word count -> the number of its packed value (see add_counts)
        self._count_numbers: dict[int, int] = {}
        self._tempstore = tempstore
        self._limit = limitmb * 2**20
        self._postings = 0
        self._terms = 0
        #: names of the run files written so far, oldest first
        self.runs: list[str] = []
        self.fieldnames: set[str] = set()

    def add(self, item: Posting) -> None:
        """Add one posting."""
        fieldname, text, docnum, weight, value = item
        self.add_terms(fieldname, docnum, ((text, weight, value),))

    def add_terms(
        self, fieldname: str, docnum: int, items: Iterable[tuple[bytes, float, bytes]]
    ) -> None:
        """Add the postings (term, weight, value) of one document in one field."""
        terms = self._terms_of(fieldname)
        value_index = self._value_index
        added = new = 0
        for text, weight, value in items:
            lists = terms.get(text)
            if lists is None:
                lists = terms[text] = (array("q"), array("d"))
                new += 1
            number = (value_index.get(value) or self._number(value)) if value else 0
            lists[0].extend((docnum, number))
            lists[1].append(weight)
            added += 1
        self._grew(added, new)

    def add_counts(self, fieldname: str, docnum: int, counts: Counter[str], boost: float) -> None:
        """Add the postings of a text's word counts, as :class:`TermCounts` makes them.

        The same as ``add_terms`` with (word, count × boost, the count packed) for each word.
        """
        terms = self._terms_of(fieldname)
        count_numbers = self._count_numbers
        new = 0
        for word, n in counts.items():
            text = word.encode("utf-8")
            lists = terms.get(text)
            if lists is None:
                lists = terms[text] = (array("q"), array("d"))
                new += 1
            number = count_numbers.get(n)
            if number is None:
                number = count_numbers[n] = self._number(_packed(n))
            lists[0].extend((docnum, number))
            lists[1].append(n * boost)
        self._grew(len(counts), new)

    def _terms_of(self, fieldname: str) -> dict[bytes, Lists]:
        """The terms of one field (a new field starts empty)."""
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def _grew(self, postings: int, terms: int) -> None:
        """Count what one document added; past the limit, write the pool to a run file."""
        self._postings += postings
        self._terms += terms
        if self._size() > self._limit:
            self.save()

    def _number(self, value: bytes) -> int:
        """The number of a value, given one if it has none yet."""
        number = self._value_index.get(value)
        if number is None:
            number = self._value_index[value] = len(self._values)
            self._values.append(value)
        return number

    def _size(self) -> int:
        """Estimated bytes the postings take (measured: ~24 a posting, ~330 a term)."""
        return 24 * self._postings + 330 * self._terms

    def _memory_run(self) -> Iterator[Record]:
        fields = self._fields
        for fieldname in sorted(fields):
            terms = fields[fieldname]
            for text in sorted(terms):
                yield ((fieldname, text), *terms[text])

    def save(self) -> None:
        """Write the postings in memory to a new run file and empty the pool.

        A run is a sequence of chunks of ``RUN_CHUNK`` terms: their keys, where each term's
        postings start, and every posting of the chunk in two arrays, so a run costs a few
        pickles however many postings it holds, and is read back a chunk at a time.
        """
        if not self._terms:
            return
        name = f"{random_name()}.run"
        dump = pickle.dump
        with self._tempstore.create_file(name).raw_file() as handle:
            keys: list[tuple[str, bytes]] = []
            starts, pairs, weights = array("q", [0]), array("q"), array("d")
            for key, more_pairs, more_weights in self._memory_run():
                keys.append(key)
                pairs.extend(more_pairs)
                weights.extend(more_weights)
                starts.append(len(weights))
                if len(keys) == RUN_CHUNK:
                    dump((keys, starts, pairs, weights), handle, pickle.HIGHEST_PROTOCOL)
                    keys, starts, pairs, weights = [], array("q", [0]), array("q"), array("d")
            dump((keys, starts, pairs, weights), handle, pickle.HIGHEST_PROTOCOL)
        self.runs.append(name)
        self._fields.clear()
        self._postings = self._terms = 0

    def _read_run(self, name: str) -> Iterator[Record]:
        load = pickle.load
        with self._tempstore.open_file(name).raw_file() as handle:
            while True:
                keys, starts, pairs, weights = load(handle)
                for number, key in enumerate(keys):
                    start, end = starts[number], starts[number + 1]
                    yield key, pairs[2 * start : 2 * end], weights[start:end]
                if len(keys) < RUN_CHUNK:
                    return

    def terms(self) -> Iterator[Record]:
        """Yield ((field, term), document and value numbers interleaved, weights) for every
        term in order, runs joined oldest first."""
        if not self.runs:
            yield from self._memory_run()
            return
        sources = [self._read_run(name) for name in self.runs]
        sources.append(self._memory_run())  # the newest postings: after every run
        current: tuple[str, bytes] | None = None
        pairs: array[int] = array("q")
        weights: array[float] = array("d")
        # heapq.merge is stable: for one term, the older run's postings come first
        for key, more_pairs, more_weights in heapq.merge(*sources, key=lambda r: r[0]):
            if key != current:
                if current is not None:
                    yield current, pairs, weights
                current, pairs, weights = key, more_pairs, more_weights
            else:
                pairs = pairs + more_pairs
                weights = weights + more_weights
        if current is not None:
            yield current, pairs, weights

    @property
    def values(self) -> list[bytes]:
        """Value bytes by the numbers the postings hold (0 is the empty value)."""
        return self._values

    def iter_postings(self) -> Iterator[Posting]:
        """Yield every posting sorted by field, term and document number."""
        values = self._values
        for (fieldname, text), pairs, weights in self.terms():
            docnums, weights, numbers = _in_document_order(pairs, weights)
            for docnum, weight, number in zip(docnums, weights, numbers, strict=True):
                yield fieldname, text, docnum, weight, values[number]

    def cleanup(self) -> None:
        """Drop the postings and remove the run files."""
        self._fields.clear()
        self._postings = self._terms = 0
        for name in self.runs:
            with contextlib.suppress(OSError):
                self._tempstore.delete_file(name)
        self.runs = []


def _in_document_order(pairs: array[int], weights: Any) -> tuple[list[int], Any, Any]:
    """A term's (document numbers, weights, value numbers), by document number.

    Postings of new documents arrive in order; only those merged in from older segments can
    come after a later document, so the (stable) sort is skipped when they are in order.
    """
    docnums: list[int] = pairs[0::2].tolist()
    numbers: Any = pairs[1::2]
    if sorted(docnums) == docnums:
        return docnums, weights, numbers
    rows = sorted(zip(docnums, weights, numbers, strict=True), key=lambda row: row[0])
    return [row[0] for row in rows], [row[1] for row in rows], [row[2] for row in rows]


class _LengthTable:
    """The per-document reader of a new segment, its field lengths read once per field.

    At commit, Whoosh's field writer asks for a document's field length at every posting (a
    column lookup and a byte decode each time); this reads each field's lengths once. Every
    other attribute is the reader's own.
    """

    def __init__(self, reader: Any, doc_count: int) -> None:
        self._reader = reader
        self._doc_count = doc_count
        self._tables: dict[tuple[str, int], list[int]] = {}

    def doc_field_length_reader(self, fieldname: str, default: int = 0) -> Callable[[int], int]:
        table = self._tables.get((fieldname, default))
        if table is None:
            per_field = getattr(self._reader, "doc_field_length_reader", None)  # whoosh3 3.54+
            if per_field is not None:
                table = list(map(per_field(fieldname, default), range(self._doc_count)))
            else:
                length = self._reader.doc_field_length
                table = [length(docnum, fieldname, default) for docnum in range(self._doc_count)]
            self._tables[(fieldname, default)] = table
        return table.__getitem__

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        return self.doc_field_length_reader(fieldname, default)(docnum)

    def __bool__(self) -> bool:
        return bool(self._reader)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


class MemorySegmentWriter(SegmentWriter):
    """Whoosh's segment writer with :class:`MemoryPostingPool` as its pool.

    Takes the arguments of ``SegmentWriter`` (the index, ``timeout``, ``limitmb``,
    ``compound``…); ``limitmb`` bounds the pool's estimate of its own memory.

    Only Whoosh's public interfaces are used: the writer's ``pool`` (which Whoosh's commit,
    merge, cancel and clean-up call through the pool interface: ``add``, ``iter_postings``,
    ``cleanup``), ``temp_storage()``, ``per_document_reader()``, ``perdocwriter`` and
    ``docnum``. At commit Whoosh's own segment flush hands the pool's postings, in term order,
    to the codec's public ``FieldWriter.add_postings``, which builds the blocks.
    """

    def __init__(self, ix: Any, limitmb: float = 32, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self._memory_pool = MemoryPostingPool(self.temp_storage(), limitmb)
        self.pool = self._memory_pool  # type: ignore[assignment]
        # the short path below covers fields without term vectors or a separate spelling field
        self._plain = not any(
            field.vector or field.separate_spelling() for _, field in self.schema.items()
        )
        self._fast = False

    def per_document_reader(self) -> Any:
        """Whoosh's reader of the new segment's stored fields and lengths, lengths cached."""
        return _LengthTable(super().per_document_reader(), self.docnum)

    def add_document(self, **fields: Any) -> None:
        """Add one document (as Whoosh's writer does, without a tuple per posting).

        The first document of a writer takes Whoosh's own path, which also marks the writer
        as holding new documents for its commit (there is no public way to mark it); so do
        documents with boosts, custom stored values, term vectors or a spelling field.
        """
        if not self._fast or any(name.startswith("_") for name in fields):
            super().add_document(**fields)
            self._fast = self._plain
            return
        if self.is_closed:
            raise IndexingError("This writer is closed")
        schema = self.schema
        names = sorted(fields)
        for name in names:
            if name not in schema:
                raise UnknownFieldError(f"No field named {name!r} in {schema}")
        docnum = self.docnum
        add_terms = self._memory_pool.add_terms
        add_counts = self._memory_pool.add_counts
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    counts = _term_counts(field, value)
                    if counts is not None:  # a text: straight from the word counts
                        if field.scorable:
                            length = sum(counts.values())
                        add_counts(name, docnum, counts, field.format.field_boost)
                    elif _whole_value(field, value):  # an ID: the value is the term
                        add_terms(name, docnum,
                                  ((value.encode("utf-8"), field.format.field_boost, b""),))
                    else:
                        items = list(field.index(value))
                        if field.scorable:
                            length = sum(item[1] for item in items)
                        add_terms(name, docnum, ((text, weight, vbytes)
                                                 for text, _, weight, vbytes in items))
                perdoc.add_field(name, field, value if field.stored else None, length)
                if field.column_type:
                    perdoc.add_column_value(name, field.column_type,
                                            field.to_column_value(value))
        except ValueError:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self.docnum += 1
