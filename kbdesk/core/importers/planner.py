"""From files to an :class:`ImportPlan`: read, clean up, find the structure, split, name.

:func:`plan_files` is what the facade calls. Each file is read by the importer registered for
its suffix, cleaned (:mod:`.cleanup`), given chapters and sections (:mod:`.structure`), marked
for the editor (:mod:`.flags`), optionally split into one document per chapter, and given a
library path, an id and a summary. Nothing is written; a file that fails raises
:class:`ImportFailed` naming it, before any document of the import is written.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pypinyin import lazy_pinyin

from kbdesk.core.errors import ImportFailed, KbError
from kbdesk.core.importers import IMPORTERS
from kbdesk.core.importers.cleanup import Line, clean_lines
from kbdesk.core.importers.duplicates import KnownTexts
from kbdesk.core.importers.flags import (
    guess_kind,
    is_blank,
    mojibake_flags,
    new_blanks,
    normalise_placeholders,
    quote_phrasings,
)
from kbdesk.core.importers.nesting import flatten_markdown
from kbdesk.core.importers.plan import (
    KIND_FOLDERS,
    Flag,
    ImportPlan,
    PlannedDocument,
    PlannedSection,
    one_line,
)
from kbdesk.core.importers.sourcefile import check_file, read_file, shown
from kbdesk.core.importers.structure import MAX_TITLE, Block, nesting_levels, outline
from kbdesk.core.library.model import Kind
from kbdesk.core.plugins import Importer, Removal, SourceText

log = logging.getLogger(__name__)

SPLITS = ("none", "chapters")
_ENDINGS = "。！？!?.」』”\"）)…：:；;"
STAGES = 4  # progress steps per file: read, cleaned, structured, checked
#: Characters of a title a file declares that are kept (a title is one line of a list).
MAX_STORED_TITLE = 200
_LIST_RE = re.compile(r"^(- |\d+\. )")
_SENTENCE_RE = re.compile(r"^(.{4,80}?[。！？])")


@dataclass
class ImportOptions:
    """What the editor chose for an import.

    Attributes:
        kind: handbook, phrasing or procedure; "" guesses it from the text.
        category: the category of every document; "" uses the default.
        split: ``none`` (one document per file) or ``chapters`` (one per chapter).
        keep: keys of removals the editor restored.
        taken_paths: library paths already used (new documents get other ones).
        existing: library path -> text of the documents already in the library (duplicates).
    """

    kind: str = ""
    category: str = ""
    split: str = "none"
    keep: set[str] = field(default_factory=set)
    taken_paths: set[str] = field(default_factory=set)
    existing: dict[str, str] = field(default_factory=dict)


def importer_for(path: Path) -> Importer:
    """The registered importer reading files with ``path``'s suffix (a broken plugin is
    skipped: the others still import)."""
    suffix = path.suffix.lower()
    usable = IMPORTERS.plugins()
    for _name, importer in usable:
        if suffix in (s.lower() for s in importer.suffixes):
            return importer
    known = ", ".join(sorted({s.lower() for _n, i in usable for s in i.suffixes}))
    broken = IMPORTERS.broken()
    unusable = (f"; importer plugins that cannot be used: {', '.join(sorted(broken))}"
                if broken else "")
    raise ImportFailed(f"{path.name}: cannot import {suffix or 'files without a suffix'} "
                       f"files (known: {known}){unusable}")


def read_source(path: Path) -> SourceText:
    """Read one file with its importer (ImportFailed names the file when it cannot)."""
    check_file(path)  # a folder, a FIFO, a device or too large a file: said before the suffix
    importer = importer_for(path)
    data = read_file(path)
    try:
        source = importer.read(path, data)
    except (KbError, MemoryError):
        raise
    except Exception as exc:  # a plugin's own bug: said by name, never a traceback
        log.warning("importer %s failed on %s", importer.name, path, exc_info=True)
        raise ImportFailed(f"{path.name}: the {importer.name} importer failed "
                           f"({type(exc).__name__}: {exc})") from exc
    if not isinstance(source, SourceText):
        raise ImportFailed(f"{path.name}: the {importer.name} importer gave "
                           f"{type(source).__name__}, not SourceText")
    return source


def _is_cjk_traditional(text: str) -> bool:
    """True when a fair share of the CJK characters of ``text`` are Traditional forms."""
    from kbdesk.core.text.folding import to_simplified

    sample = "".join(ch for ch in text[:6000] if "\u4e00" <= ch <= "\u9fff")
    changed = sum(a != b for a, b in zip(sample, to_simplified(sample), strict=True))
    return changed > max(2, len(sample) // 30)


def _offset_position(lines: list[Line], offset: int) -> tuple[int, int]:
    """The source line and column of an offset in the cleaned lines joined by newlines."""
    position = 0
    for line in lines:
        if offset <= position + len(line.text):
            return line.number, line.column + offset - position
        position += len(line.text) + 1
    return (lines[-1].number, 0) if lines else (1, 0)


def _join(blocks: list[Block], markdown: bool) -> str:
    if markdown:
        text = "\n".join(b.text for b in blocks)
        return re.sub(r"\n{3,}", "\n\n", text).strip()
    parts: list[str] = []
    for block in blocks:
        if not block.text.strip():
            continue
        if parts and _LIST_RE.match(block.text) and _LIST_RE.match(parts[-1].split("\n")[-1]):
            parts[-1] += "\n" + block.text
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


@dataclass
class _Built:
    title: str
    intro: str
    sections: list[PlannedSection]
    guessed: list[str]
    title_from: str = ""  # "" (the document's own), "hint" (a page-title line) or "file name"


def _build(blocks: list[Block], source: SourceText, fallback_title: str,
           title_hint: str) -> _Built:
    title = source.title.strip()
    h1s = [b for b in blocks if b.rank == "h1"]
    if not title and len(h1s) == 1 and blocks.index(h1s[0]) == next(
            i for i, b in enumerate(blocks) if b.rank):
        title = h1s[0].text
        blocks = [b for b in blocks if b is not h1s[0]]
    first_heading = next((i for i, b in enumerate(blocks) if b.rank), len(blocks))
    if not title:
        for index, block in enumerate(blocks[:first_heading]):
            text = block.text.strip()
            if text and len(text) <= 50 and not any(p in text for p in "。；！？"):
                title = re.sub(r"^(\*\*|__)(.+)\1$", r"\2", text.lstrip("# ").strip())
                blocks = blocks[:index] + blocks[index + 1:]
                first_heading -= 1
                break
            if text:
                break
    guessed_title = "" if title else ("hint" if title_hint else "file name")
    title = title or title_hint or fallback_title
    level_of = nesting_levels(blocks)
    intro = _join(blocks[:first_heading], source.markdown)
    sections: list[PlannedSection] = []
    guessed: list[str] = []
    current: list[Block] = []
    heading: Block | None = None
    for block in [*blocks[first_heading:], Block("", "end")]:
        if block.rank:
            if heading is not None:
                sections.append(PlannedSection(heading.text, _join(current, source.markdown),
                                               level_of[id(heading)]))
            heading, current = block, []
            if block.guessed:
                guessed.append(block.text)
        else:
            current.append(block)
    return _Built(title, intro, sections, guessed, guessed_title)


def _summary(doc: PlannedDocument) -> str:
    for text in [doc.intro, *(s.text for s in doc.sections)]:
        plain = re.sub(r"[#>*_`|\-]", "", text).strip().replace("\n", "")
        if not plain:
            continue
        match = _SENTENCE_RE.match(plain)
        return match.group(1) if match else plain[:60]
    return doc.title


def _slug(title: str, limit: int = 48) -> str:
    """An ASCII file name for a title: its pinyin, cut at a syllable (客戶服務 → ke-hu-fu-wu)."""
    words = lazy_pinyin(title, errors="default")
    text = "-".join(w for w in words if w.strip())
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(text) > limit:
        text = text[:limit + 1].rsplit("-", 1)[0]
    return text or "imported"


def _place(doc: PlannedDocument, taken: set[str]) -> None:
    folder = KIND_FOLDERS[Kind(doc.kind)]
    base = doc.doc_id or _slug(doc.title)
    taken_ids = {p.rsplit("/", 1)[-1][:-3] for p in taken}
    name, number = base, 1
    while f"{folder}/{name}.md" in taken or name in taken_ids:
        number += 1
        name = f"{base}-{number}"
    doc.path = f"{folder}/{name}.md"
    doc.doc_id = name
    taken.add(doc.path)


def _phrasing_levels(doc: PlannedDocument) -> None:
    """In a phrasing document every heading with no heading under it is a phrasing (``##``)
    and every heading over others a group (``#``), whatever depth the source gave them."""
    for number, section in enumerate(doc.sections):
        following = doc.sections[number + 1] if number + 1 < len(doc.sections) else None
        section.level = 0 if following is not None and following.level > section.level else 1


def _finish(doc: PlannedDocument, traditional: bool) -> None:
    everywhere = doc.kind == "phrasing"
    if everywhere:
        _phrasing_levels(doc)
    texts = [doc.intro, *(s.text for s in doc.sections)]
    fixed: list[str] = []
    blanks = new_blanks()
    for number, text in enumerate(texts):
        new, found = normalise_placeholders(text, everywhere=everywhere, blanks=blanks)
        if everywhere:
            new = quote_phrasings(new)
        for original in found:
            detail = ("a blank with no name of its own: name it (or fill it in) before "
                      "publishing" if is_blank(original) else "written as {{…}}")
            doc.flags.append(Flag("placeholder", original, number - 1, 0, detail))
        fixed.append(new)
    doc.intro = fixed[0]
    for section, text in zip(doc.sections, fixed[1:], strict=True):
        section.text = text
    for number, text in enumerate(fixed):
        doc.flags.extend(mojibake_flags(number - 1, text))
    if everywhere:
        _nothing_to_copy_flags(doc)
    if not doc.category:
        doc.category = "未分類" if traditional else "未分类"
    doc.summary = _summary(doc)


def _split_chapters(doc: PlannedDocument, category: str) -> list[PlannedDocument]:
    chapters = [i for i, s in enumerate(doc.sections) if s.level == 1]
    if len(chapters) < 2:
        return [doc]
    out = []
    for number, start in enumerate(chapters):
        stop = chapters[number + 1] if number + 1 < len(chapters) else len(doc.sections)
        chapter = doc.sections[start]
        subs = [PlannedSection(s.heading, s.text, max(1, s.level - 1))
                for s in doc.sections[start + 1:stop]]
        intro = chapter.text
        if number == 0 and doc.intro:
            intro = f"{doc.intro}\n\n{intro}".strip()
        out.append(PlannedDocument(
            source=doc.source, title=f"{doc.title}：{chapter.heading}", kind=doc.kind,
            category=category or doc.title, intro=intro, sections=subs,
            doc_id=f"{_slug(doc.title, 40)}-{number + 1:02d}",
            removed=list(doc.removed) if number == 0 else []))
    return out


def plan_source(source: SourceText, name: str, options: ImportOptions,
                fallback_title: str, stage: Callable[[int], None] | None = None
                ) -> list[PlannedDocument]:
    """Plan the documents of one source that was read already.

    Args:
        stage: called with 1, 2, 3 as clean-up, structure and the editor's marks are done.
    """
    source_text = source.text
    if source.markdown:
        source_text, flattened = flatten_markdown(source_text)
        if flattened:
            log.info("%s: %d line(s) nested too deeply were flattened", name, flattened)
    lines = [Line(number, line) for number, line in enumerate(source_text.split("\n"), 1)]
    removed = [r for r in source.removed if r.key not in options.keep]
    cleaned, more = clean_lines(lines, options.keep)
    removed.extend(more)
    if stage is not None:
        stage(1)
    text = "\n".join(line.text for line in cleaned)
    found = outline(text, markdown=source.markdown)
    if found.toc_text:
        line, column = _offset_position(cleaned, found.toc_offset)
        toc = Removal(found.toc_text, "table of contents", line, column)
        if toc.key in options.keep:
            found = outline(text, markdown=source.markdown, toc=False)
        else:
            removed.append(toc)
    hint = found.title_hint or _title_from_removals(removed)
    built = _build(found.blocks, source, fallback_title, hint)
    if not built.sections and not built.intro.strip():
        raise ImportFailed(f"{name}: nothing left to import after clean-up "
                           f"({len(removed)} piece(s) of boilerplate removed)")
    kind = options.kind or source.fields.get("kind", "") or guess_kind(
        [s.heading for s in built.sections], [s.text for s in built.sections])
    if kind not in {k.value for k in Kind}:
        raise ImportFailed(f"{name}: field 'kind': {kind!r} is not one of "
                           f"{', '.join(k.value for k in Kind)}")
    removed.sort(key=lambda r: (r.line, r.column))
    for section in built.sections:
        section.heading = one_line(section.heading)
    title = one_line(built.title)[:MAX_STORED_TITLE].strip()
    category = one_line(options.category or source.fields.get("category", ""))
    doc = PlannedDocument(source=name, title=title or one_line(fallback_title) or "imported",
                          kind=kind, category=category,
                          intro=built.intro, sections=built.sections, removed=removed)
    _confidence_flags(doc, built)
    guessed = {one_line(g) for g in built.guessed}
    for number, section in enumerate(doc.sections):
        if section.heading in guessed:
            doc.flags.append(Flag("heading-guessed", section.heading, number, 0,
                                  "where the heading ends was guessed; check it"))
    missing = [f"{title}" for key, title in found.toc_titles.items()
               if not any(_same_heading(title, s.heading) for s in built.sections)]
    if missing:
        doc.flags.append(Flag("toc-missing", "、".join(missing), -1, 0,
                              "listed in the table of contents but not found in the text"))
    last = next((i for i in range(len(doc.sections) - 1, -1, -1) if doc.sections[i].text), None)
    ending = doc.sections[last].text.rstrip() if last is not None else doc.intro.rstrip()
    if ending and not source.markdown and ending[-1] not in _ENDINGS:
        doc.flags.append(Flag("truncated", ending[-20:], -1 if last is None else last,
                              0, "the text stops mid-sentence: the copy may be incomplete"))
    if stage is not None:
        stage(2)
    docs = _split_chapters(doc, options.category) if options.split == "chapters" else [doc]
    traditional = _is_cjk_traditional(source.text)
    for planned in docs:
        _finish(planned, traditional)
    return docs


#: a section holding more than this share of a long document's text is flagged
HUGE_SHARE = 0.6
#: ... when the document is at least this long (characters)
HUGE_MIN = 2000


def _confidence_flags(doc: PlannedDocument, built: _Built) -> None:
    """Say what the plan is unsure of: no structure, one section holding most of the text,
    a title not the document's own."""
    sizes = [len(doc.intro.strip()), *(len(s.text) for s in doc.sections)]
    total = sum(sizes)
    if not doc.sections:
        doc.flags.append(Flag("no-structure", doc.title, -1, 0,
                              f"no chapters or sections were found: all {total} characters "
                              "are one introduction; check the headings before publishing"))
    elif total >= HUGE_MIN and max(sizes) > HUGE_SHARE * total:
        biggest = sizes.index(max(sizes)) - 1
        name = doc.sections[biggest].heading if biggest >= 0 else doc.title
        doc.flags.append(Flag("huge-section", name, biggest, 0,
                              f"holds {max(sizes)} of {total} characters: headings inside it "
                              "may have been missed"))
    if built.title_from:
        source = "a page-title line" if built.title_from == "hint" else "the file name"
        doc.flags.append(Flag("title-guessed", doc.title, -1, 0,
                              f"the title was taken from {source}: the text has no title line"))


def _nothing_to_copy_flags(doc: PlannedDocument) -> None:
    for number, section in enumerate(doc.sections):
        if section.level == 1 and not re.search(r"^>", section.text, re.M):
            doc.flags.append(Flag("nothing-to-copy", section.heading, number, 0,
                                  "no reply to copy was found in this phrasing: quote it (> ) "
                                  "or import the file as a handbook"))


def _same_heading(toc_title: str, heading: str) -> bool:
    key = re.sub(r"\s+", "", toc_title)
    return bool(key) and key in re.sub(r"\s+", "", heading)


def _title_from_removals(removed: list[Removal]) -> str:
    for removal in removed:
        if removal.reason == "page-title line":
            return re.sub(r"_第\s*\d+\s*[頁页]$", "", removal.text).strip()
    for removal in removed:
        if removal.reason == "file name line":
            return re.sub(r"\.(docx?|pdf|pptx?|xlsx?|wps)(VIP)?$", "", removal.text,
                          flags=re.I).strip()
    return ""


Progress = Callable[[int, int, str], None]


def plan_files(paths: Iterable[Path | str], options: ImportOptions,
               progress: Progress | None = None) -> ImportPlan:
    """Plan the import of ``paths``; every file is read before anything is decided.

    Raises:
        ImportFailed: a file that cannot be imported (the message names it).
    """
    files = [Path(p).expanduser() for p in paths]
    if options.split not in SPLITS:
        raise ImportFailed(f"--split must be one of {', '.join(SPLITS)}, not {options.split!r}")
    plan = ImportPlan()
    known = KnownTexts(options.existing)
    taken = set(options.taken_paths)
    steps = STAGES * len(files)
    for number, path in enumerate(files):

        def stage(done: int, number: int = number, name: str = path.name) -> None:
            if progress is not None:
                progress(number * STAGES + done, steps, name)

        stage(0)
        try:
            source = read_source(path)
            docs = plan_source(source, path.name, options, path.stem[:MAX_TITLE], stage)
        except MemoryError:  # the bounds keep far from it; a tight memory limit may not
            raise ImportFailed(f"{shown(path)}: not enough memory to import it") from None
        for doc in docs:
            _place(doc, taken)
            doc.duplicate_of = known.match(doc.body_text(),
                                           add_as=f"{doc.path} (this import)")
            if doc.duplicate_of:
                doc.flags.append(Flag("duplicate", doc.title, -1, 0,
                                      f"same text as {doc.duplicate_of}"))
            plan.documents.append(doc)
        stage(3)
    if progress is not None:
        progress(steps, steps, "")
    return plan
