"""Word groups a search expands a query word with: the library's synonyms and the service thesaurus.

Two sources, both folded (script, width and case do not matter):

- the library's own ``synonyms`` in ``library.yaml`` (kind ``synonym``), and
- the service thesaurus shipped with kbdesk, ``resources/thesaurus/service.yaml`` (kind
  ``thesaurus``): groups of words agents use for the same thing on a call, with
  ``abbreviations.yaml``: Latin abbreviations of operations (SLA, QA, IVR …) and their Chinese
  terms.

A third, lowest source can be given for experiments: general-language groups (kind
``general``), such as the synonym sets of a large dictionary. kbdesk ships none: the one
evaluated, Cilin, did not help (docs/benchmarks.md); the search evaluation can repeat that
(``python -m tests.search_quality.evaluate --general-thesaurus cilin``). General groups only
add alternatives to a whole query word: they do not join query words into entries, are not
looked for in place of a word's parts, and words the library's groups name are left out of
them as well.

The library wins: a word that one of the library's groups names gets that group's words only;
the shipped groups it is in are not used for it (other words of those groups still find it).
Words are keyed by their "query form": the word as the query parser would see it (segmented,
filler words dropped, joined again), so a group entry such as 系统挂了 is found when the agent
types 系統掛了.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from kbdesk.core.text.folding import fold

log = logging.getLogger(__name__)

SERVICE_THESAURUS = Path("thesaurus") / "service.yaml"
#: spoken morphemes → the written words handbooks use (坏 → 损坏, 破损)
SPOKEN_MORPHEMES = Path("thesaurus") / "spoken.yaml"
#: Latin abbreviations of operations (SLA, QA, IVR …) with their Chinese terms, read with it
ABBREVIATIONS = Path("thesaurus") / "abbreviations.yaml"
#: A phrase typed as up to this many query words is looked up as one entry.
MAX_JOIN = 4
#: the format of the built tables kept in the cache (see ``TableCache``)
CACHE_FORMAT = 1
#: how many built tables the cache keeps (one per set of library groups, the newest)
CACHE_KEEP = 8

_Tables = tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]


def query_form(word: str) -> str:
    """Return ``word`` as the query parser would leave it: folded, filler words dropped."""
    from kbdesk.core.search.query import STOPWORDS, segment

    folded = fold(word).strip()
    parts = segment(folded)
    kept = [p for p in parts if p not in STOPWORDS]
    return "".join(kept or parts) or folded


class SynonymTable:
    """Folded word groups: word → (its alternatives, the kind of each).

    Args:
        groups: the library's synonym groups (``library.yaml``).
        shipped: the service thesaurus groups; words the library's groups name are left out of
            them.
        general: general-language groups, looked for after everything else (kind
            ``general``); their words must already be in query form (:func:`query_form`).
    """

    def __init__(
        self,
        groups: Sequence[Sequence[str]] = (),
        shipped: Sequence[Sequence[str]] | Callable[[], Sequence[Sequence[str]]] = (),
        general: Sequence[Sequence[str]] = (),
        *,
        cache: TableCache | None = None,
    ) -> None:
        # the groups are put in query form (segmented) when the table is first used, so
        # opening a library for a command that never searches does not load the segmenter
        self._groups, self._shipped, self._general_groups = tuple(groups), shipped, tuple(general)
        self._cache = cache
        self._built: _Tables | None = None
        self._build_lock = threading.Lock()

    def _tables(self) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
        """(word -> alternatives, word -> general alternatives), built on first use."""
        built = self._built
        if built is None:
            with self._build_lock:
                if self._built is None:
                    self._built = self._cached_build()
                built = self._built
        return built

    def _cached_build(self) -> _Tables:
        """The tables from the cache when it holds them for these sources, else built (and
        kept there): putting thousands of words in query form costs a tenth of a second at
        every start of a process that searches."""
        cache = self._cache
        if cache is None:
            return self._build()
        key = cache.key(self._groups, self._general_groups)
        found = cache.load(key)
        if found is not None:
            return found
        built = self._build()
        cache.save(key, built)
        return built

    def _build(self) -> _Tables:
        groups, general = self._groups, self._general_groups
        shipped = self._shipped() if callable(self._shipped) else self._shipped
        table: dict[str, dict[str, str]] = {}
        general_table: dict[str, dict[str, str]] = {}
        library: set[str] = set()
        for group in groups:
            words = _group_words(group)
            self._add(table, words, "synonym", library)
            library.update(words)
        for group in shipped:
            self._add(table, _group_words(group), "thesaurus", library)
        for group in general:
            self._add(general_table, list(group), "general", library)
        return table, general_table

    @property
    def _map(self) -> dict[str, dict[str, str]]:
        return self._tables()[0]

    @property
    def _general(self) -> dict[str, dict[str, str]]:
        return self._tables()[1]

    @staticmethod
    def _add(into: dict[str, dict[str, str]], words: Sequence[str], kind: str,
             library: set[str]) -> None:
        if len(words) < 2:
            return
        for word in words:
            if word in library:
                continue  # the library's own group decides what this word means
            merged = into.setdefault(word, {word: "word"})
            for other in words:
                merged.setdefault(other, kind)

    def expand(self, word: str) -> list[str]:
        """Return the word and its alternatives (the word first)."""
        return list(self._map.get(word, {word: "word"}))

    def alternatives(self, word: str) -> dict[str, str]:
        """Return alternative → kind ("word", "synonym", "thesaurus" or "general"), the word
        first."""
        found = dict(self._map.get(word, {word: "word"}))
        for other, kind in self._general.get(word, {}).items():
            found.setdefault(other, kind)
        return found

    def __contains__(self, word: object) -> bool:
        return word in self._map

    def __len__(self) -> int:
        return len(self._map)

    def join_known(self, words: Sequence[str]) -> list[str]:
        """Join runs of consecutive query words that form one entry (电话 打 不通 → 电话 打不通)."""
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(MAX_JOIN, len(words) - i), 1, -1):
                joined = "".join(words[i : i + size])
                if joined in self._map:
                    out.append(joined)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return out


def _group_words(group: Iterable[object]) -> list[str]:
    words = (query_form(str(w)) for w in group if str(w).strip())
    return list(dict.fromkeys(w for w in words if w))


def read_groups(path: Path) -> list[list[str]]:
    """Read a thesaurus file: a YAML list of groups, or a mapping with a ``groups`` list.

    A group is a list of words or a mapping with a ``words`` list (other keys, such as a note
    on what the group means, are ignored). Bad entries are skipped with a warning naming the
    file and the entry's position; a missing or unreadable file gives no groups.
    """
    from kbdesk.core.errors import DocumentError
    from kbdesk.core.library.yamlread import load_yaml

    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("thesaurus %s cannot be read: %s", path, exc)
        return []
    try:
        data = load_yaml(text, str(path))  # bounded: no alias bomb, no deep nesting
    except DocumentError as exc:
        log.warning("thesaurus: %s", exc)
        return []
    if isinstance(data, dict):
        data = data.get("groups")
    if not isinstance(data, list):
        log.warning("thesaurus %s: expected a list of groups", path)
        return []
    groups: list[list[str]] = []
    for number, item in enumerate(data, start=1):
        words = item.get("words") if isinstance(item, dict) else item
        if not isinstance(words, list) or not all(isinstance(w, str | int) for w in words):
            log.warning("thesaurus %s: group %d is not a list of words; skipped", path, number)
            continue
        groups.append([str(w) for w in words])
    return groups


@functools.lru_cache(maxsize=1)
def service_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of the shipped service thesaurus and abbreviation list (read once per process)."""
    from kbdesk.core.workstation.paths import resources_dir

    return tuple(tuple(g) for name in (SERVICE_THESAURUS, ABBREVIATIONS)
                 for g in read_groups(resources_dir() / name))


def table_for(library_groups: Sequence[Sequence[str]]) -> SynonymTable:
    """Return the table a library searches with: its own groups over the service thesaurus
    (the built table kept in the cache folder between processes)."""
    from kbdesk.core.workstation.paths import cache_dir, resources_dir

    files = [resources_dir() / name for name in (SERVICE_THESAURUS, ABBREVIATIONS)]
    return SynonymTable(library_groups, service_groups,
                        cache=TableCache(cache_dir() / "thesaurus", files))


class TableCache:
    """Built synonym tables kept on disk, derived data like the index: one file per key.

    The key covers everything a table is made of: the library's groups, the shipped files
    (path, size and modification time), the segmenter's version, the fold and the query rules
    (filler words). A file that cannot be read is rebuilt; writing is atomic and a failure only
    logged (the table is then built again next time).
    """

    def __init__(self, folder: Path, shipped_files: Sequence[Path]) -> None:
        self.folder = folder
        self.shipped_files = tuple(shipped_files)

    def key(self, groups: Sequence[Sequence[str]], general: Sequence[Sequence[str]]) -> str:
        from kbdesk import __version__
        from kbdesk.core.search.query import STOPWORDS
        from kbdesk.core.text.folding import FOLD_VERSION

        files = []
        for path in self.shipped_files:
            try:
                info = path.stat()
                files.append((str(path), info.st_size, info.st_mtime_ns))
            except OSError:
                files.append((str(path), -1, -1))
        parts = (CACHE_FORMAT, __version__, _segmenter_version(), FOLD_VERSION,
                 sorted(STOPWORDS), files, [list(g) for g in groups],
                 [list(g) for g in general])
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]

    def load(self, key: str) -> _Tables | None:
        path = self.folder / f"{key}.pickle"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            tables = pickle.loads(data)  # the user's own cache folder, written by kbdesk
        except Exception as exc:
            log.warning("thesaurus cache %s cannot be read (%s); building it again", path, exc)
            return None
        if (not isinstance(tables, tuple) or len(tables) != 2
                or not all(isinstance(t, dict) for t in tables)):
            log.warning("thesaurus cache %s is not a table; building it again", path)
            return None
        return tables

    def save(self, key: str, tables: _Tables) -> None:
        from kbdesk.core.workstation.storage import atomic_write_bytes

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.folder / f"{key}.pickle",
                               pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL))
            kept = sorted(self.folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns,
                          reverse=True)
            for old in kept[CACHE_KEEP:]:
                old.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("thesaurus cache not written in %s: %s", self.folder, exc)


@functools.lru_cache(maxsize=1)
def _segmenter_version() -> str:
    """What tells one installed segmenter from another (its dictionary makes the table's
    words): the name, size and time of rjieba's compiled module, found without importing it;
    the distribution's version when that file cannot be found. A search of a current index
    reads this at every start, so it avoids ``importlib.metadata`` (a cold start cost)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("rjieba")
    except (ImportError, ValueError):
        spec = None
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        try:
            for path in sorted(Path(folder).iterdir()):
                if path.name.startswith("rjieba.") and path.suffix in (".so", ".pyd"):
                    info = path.stat()
                    return f"{path.name}:{info.st_size}:{info.st_mtime_ns}"
        except OSError:
            continue
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rjieba")
    except PackageNotFoundError:  # a bundle without the distribution's metadata
        return "?"


@functools.lru_cache(maxsize=1)
def spoken_morphemes() -> dict[str, tuple[str, ...]]:
    """The shipped table of spoken morphemes and their written words, folded (read once)."""
    import yaml

    from kbdesk.core.workstation.paths import resources_dir

    path = resources_dir() / SPOKEN_MORPHEMES
    try:
        # libyaml's safe loader when PyYAML has it: read at every start of a search, and the
        # pure-Python one takes most of that start's parsing time (the same data either way)
        data = yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader",
                                                                 yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        log.warning("spoken morphemes %s cannot be read: %s", path, exc)
        return {}
    table = data.get("morphemes") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        log.warning("spoken morphemes %s: expected a mapping 'morphemes'", path)
        return {}
    return {fold(str(k)): tuple(fold(str(w)) for w in v)
            for k, v in table.items() if isinstance(v, list)}
