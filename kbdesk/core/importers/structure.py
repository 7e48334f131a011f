"""Structure of Chinese documents: the table of contents, chapters, sections and body text.

Works on cleaned text (plain or Markdown). A table of contents at the top (headings followed by
page numbers or page-number noise, repeated by the body) is recognised, removed and kept as the
list of expected headings. Headings are found on their own lines or run together with the text
(第一章團隊溝通基礎1.1溝通的重要性在…): inside a line only numbers that continue the document's
numbering count, and where a heading ends and the body begins is taken from the table of
contents, from the body repeating the heading's words, or from the words a body sentence opens
with (that last guess is flagged for the editor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import rjieba

from kbdesk.core.importers.numbering import (
    RANKS,
    Marker,
    Sequence,
    find_markers,
    readings,
)
from kbdesk.core.text.folding import fold

_PAGE_NOISE_RE = re.compile(r"[\s.·…‥_\-]*\d+\s*$")
_TOC_LABEL_RE = re.compile(r"(目\s*[录錄]|TOC\b)(\s*\\[a-zA-Z]\s*(\"[^\"]*\")?)*\s*\d*")
_TOC_LINE_RE = re.compile(r"^(目\s*[录錄]|contents|table of contents|toc)[:：]?$", re.I)
_PUNCT = "，。；：！？、,;!?）)」”』"
_BOUNDARY = "。！？；：」”』）)!?;:. \t\u3000"
_SENTENCE_END = "。！？!?；;"
#: heading numbers that are looked for inside a line, after the line's start
_RUN_RANKS = ("chapter", "section", "cn", "cnp", "dn", "d2", "d3")
#: how many lines after a bare chapter number ("1 總則") its first section 1.1 may come
_DN_LOOKAHEAD = 60
_MD_BLOCK_RE = re.compile(r"^\s*([-*+]\s|>|\||```|~~~|\d+\.\s)")
_ITEM_RE = re.compile(r"^\s*([•·●▪◦]|[-*+])\s*")
_BOLD_LINE_RE = re.compile(r"^(\*\*|__)(?!\s)(.+?)(?<!\s)\1$")
MAX_TITLE = 40


@dataclass
class Block:
    """A heading (``rank`` set) or a paragraph of body text (``rank`` empty)."""

    text: str
    rank: str = ""
    guessed: bool = False


@dataclass
class Outline:
    """What structure detection found."""

    blocks: list[Block] = field(default_factory=list)
    toc_text: str = ""
    toc_offset: int = -1
    toc_titles: dict[tuple[str, tuple[int, ...]], str] = field(default_factory=dict)
    title_hint: str = ""


def _merge_numbered_chapters(markers: list[Marker], text: str) -> list[Marker]:
    """``1.第一章`` (a list number before a chapter number) is one chapter heading."""
    out: list[Marker] = []
    for marker in markers:
        if (out and out[-1].rank == "d1" and marker.rank in ("chapter", "section")
                and not text[out[-1].end:marker.start].strip()):
            out[-1] = Marker(marker.rank, marker.numbers, out[-1].start, marker.end)
            continue
        out.append(marker)
    return out


def _key(title: str) -> str:
    return re.sub(r"\s+", "", title)


def _entry_title(text: str) -> str:
    # an entry ends at its line's end or at its dot leaders (a TOC run together in one line)
    title = re.split(r"[.·…‥_]{3,}|\t", text.split("\n", 1)[0], maxsplit=1)[0].strip()
    stripped = _PAGE_NOISE_RE.sub("", title)
    return stripped.strip() if len(stripped.strip()) >= 2 else title


def find_toc(text: str) -> tuple[int, int, list[tuple[Marker, str]]] | None:
    """The table of contents at the top of ``text``: (start, end, entries) or None."""
    markers = _merge_numbered_chapters(find_markers(text, 0, min(len(text), 60000)), text)
    tops = [m for m in markers[:40] if m.rank in ("chapter", "dn", "d1", "cn")]
    for first in tops[:3]:
        title = _entry_title(text[first.end:first.end + 60])
        probe = _key(title)[:6]
        if len(probe) < 2:
            continue
        for later in markers:
            if later.start <= first.end or later.rank != first.rank \
                    or later.numbers != first.numbers:
                continue
            if _key(text[later.end:later.end + 60])[:len(probe)] != probe:
                continue
            region = text[first.start:later.start]
            inside = [m for m in markers if first.start <= m.start < later.start]
            if len(inside) < 3 or region.count("。") > max(1, len(region) // 300):
                break
            return first.start, later.start, _toc_entries(text, first.start, later.start)
    return None


def _toc_entries(text: str, start: int, end: int) -> list[tuple[Marker, str]]:
    markers = _merge_numbered_chapters(find_markers(text, start, end), text)
    seq = Sequence()
    accepted: list[Marker] = []
    for marker in markers:
        for candidate in readings(marker):
            if seq.fits(candidate):
                seq.accept(candidate)
                accepted.append(candidate)
                break
    entries = []
    for index, marker in enumerate(accepted):
        stop = accepted[index + 1].start if index + 1 < len(accepted) else end
        entries.append((marker, _entry_title(text[marker.end:stop])))
    return entries


#: words a body sentence opens with (folded to Simplified), where a run-on heading ends
_OPENERS = frozenset({
    "请", "若", "如果", "如有", "当", "先", "凡", "凡是", "所有", "对于", "针对", "依", "依据",
    "按照", "一般", "通常", "我们", "超过", "由于", "为了",
    "通过", "根据", "随着", "首先", "遇到", "接到", "收到", "因为", "同一", "每次", "客户", "客人",
    "顾客", "用户", "旅客", "会员", "持卡人", "消费者", "员工", "坐席", "客服人员", "工作人员",
    "在", "当前", "目前", "本章", "本节", "如",
})
#: verbs that follow a sentence's subject: the sentence opens one word before them
_MODALS = frozenset({"须", "必须", "应", "应当", "需要", "需", "可", "可以", "是", "指", "要"})
#: the longest heading a guess may produce (a real heading run on into its text is short)
MAX_GUESSED = 8


def _words(text: str) -> list[str]:
    """``text`` segmented (folded first, so both scripts cut the same); the words keep the
    original characters."""
    folded = fold(text)
    out, at = [], 0
    for word in rjieba.cut(folded):
        out.append(text[at:at + len(word)])
        at += len(word)
    return out


def split_title(rest: str, known: str | None) -> tuple[str, str, bool]:
    """Split a heading run together with its body into (title, body, guessed).

    The evidence, strongest first: the title the table of contents gives; a space after a
    short run of words; then, within a short heading's length, a word a sentence opens with
    (flagged as a guess) or the body opening by repeating the heading's first word; then
    guesses (flagged): clause punctuation, the first two words. A cut is always between two
    words of the segmenter, never inside one.
    """
    if known:
        wanted = _key(known)
        taken = 0
        for index, char in enumerate(rest):
            if not char.isspace():
                taken += 1
            if taken == len(wanted):
                if _key(rest[:index + 1]) == wanted:
                    return rest[:index + 1].strip(), rest[index + 1:].strip(), False
                break
    rest = rest.strip()
    space = re.search(r"\s", rest[:MAX_TITLE + 1])
    if space and space.start() >= 2 and not any(p in rest[:space.start()] for p in _PUNCT):
        return rest[:space.start()], rest[space.start():].strip(), False
    head = rest[:MAX_TITLE]
    words = _words(head)
    cuts = []
    at = 0
    for word in words:
        at += len(word)
        cuts.append(at)
    for index, cut in enumerate(cuts[:-1]):
        if cut > MAX_GUESSED or any(p in head[:cut] for p in _PUNCT):
            break
        following = fold(words[index + 1])
        if following in _MODALS and index >= 1 and cuts[index - 1] >= 2:
            cut = cuts[index - 1]  # 年齡限制|申請人須…: the subject opens the sentence
        elif following not in _OPENERS and following not in _MODALS:
            continue
        if cut >= 2:
            return head[:cut].strip(), rest[cut:].strip(), True
    lead = rest[:2]
    for cut in cuts:
        if cut > MAX_GUESSED or any(p in head[:cut] for p in _PUNCT):
            break
        if cut >= 3 and len(lead) == 2 and head[cut:cut + 2] == lead:
            return head[:cut].strip(), rest[cut:].strip(), False
    for cut, char in enumerate(head):
        if char in _PUNCT:
            if 2 <= cut <= 16:
                return head[:cut].strip(), rest[cut:].lstrip(_PUNCT).strip(), True
            break
    two = cuts[1] if len(cuts) > 1 and cuts[1] <= 8 else cuts[0] if cuts else len(head)
    if two < 2 and len(cuts) > 1:
        two = cuts[1]
    return head[:two].strip(), rest[two:].strip(), True


def _own_line(rest: str) -> bool:
    rest = rest.strip()
    return 0 < len(rest) <= MAX_TITLE and not any(p in rest for p in "。；！？，,;!?")


def _subsections_follow(marker: Marker, rest: str, lines: list[str], index: int) -> bool:
    """True when the first section of bare chapter number N (``N.1``) follows it, in the rest of
    its line or in the lines after, before chapter N+1 would: the evidence that ``N 標題`` is a
    chapter of a document numbered 1 / 1.1, not a number in a sentence."""
    number = marker.numbers[0]
    first = re.compile(rf"(?<![\d.．]){number}[.．]1(?![\d.．])")
    following = "\n".join([rest, *lines[index + 1:index + 1 + _DN_LOOKAHEAD]])
    found = first.search(following)
    if found is None:
        return False
    nxt = re.search(rf"(?<![\d.．]){number + 1}[ \u3000]", following)
    return nxt is None or found.start() < nxt.start()


def _previous_line(lines: list[str], index: int) -> str:
    for line in reversed(lines[:index]):
        if line.strip():
            return line.strip()
    return ""


def _next_line(lines: list[str], index: int) -> str:
    for line in lines[index + 1:]:
        if line.strip():
            return line.strip()
    return ""


class _Scanner:
    """Turns lines of cleaned text into heading and paragraph blocks."""

    def __init__(self, toc_titles: dict[tuple[str, tuple[int, ...]], str], markdown: bool):
        self.seq = Sequence()
        self.toc_titles = toc_titles
        self.markdown = markdown
        self.blocks: list[Block] = []
        self.fence = False

    def heading(self, marker: Marker, title: str, guessed: bool = False) -> None:
        self.seq.accept(marker)
        self.blocks.append(Block(title, marker.rank, guessed))

    def paragraph(self, text: str) -> None:
        if text.strip():
            self.blocks.append(Block(text.strip()))

    def line(self, lines: list[str], index: int) -> None:
        raw = lines[index]
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            self.fence = not self.fence
        if self.fence or stripped.startswith(("```", "~~~")):
            self.blocks.append(Block(raw.rstrip()))
            return
        if not stripped:
            self.blocks.append(Block(""))
            return
        hashes = re.match(r"^(#{1,6})\s+(.+?)\s*#*\s*$", stripped)
        if hashes and (self.markdown or len(stripped) <= MAX_TITLE + 7):
            self.heading(Marker(f"h{len(hashes.group(1))}", (0,), 0, 0), hashes.group(2))
            return
        if self.markdown and _MD_BLOCK_RE.match(raw) and not re.match(r"^\d+\.\s", stripped):
            self.blocks.append(Block(raw.rstrip()))
            return
        bold = _BOLD_LINE_RE.match(stripped) if self.markdown else None
        if bold and len(bold.group(2)) <= MAX_TITLE and find_markers(bold.group(2), 0, 8):
            # a Word or web page without heading styles: a numbered line in bold on its own
            before = len(self.blocks)
            self.scan_line(bold.group(2).strip(), lines, index)
            if any(block.rank for block in self.blocks[before:]):
                return
            del self.blocks[before:]
        self.scan_line(stripped, lines, index)

    def _accepts_at_start(self, marker: Marker, rest: str, lines: list[str], index: int) -> bool:
        if marker.rank == "dn":
            return self.seq.fits(marker) and _subsections_follow(marker, rest, lines, index)
        if marker.rank == "d1" or marker.rank in ("cn", "cnp"):
            if not _own_line(rest):
                return marker.rank != "d1" and self._opens_run(marker, rest)
            if marker.rank == "d1" and (self._starts_list(_next_line(lines, index), marker)
                                        or self._list_item_line(_previous_line(lines, index))):
                return False  # a numbered list, not headings
            return True
        return _own_line(rest) or self.seq.fits(marker)

    def _opens_run(self, marker: Marker, rest: str) -> bool:
        """True when a 一、 or （一） number opening a flattened line is a heading: it continues
        the numbering and another heading number that would continue it too follows within a
        heading's length, with no sentence in between (一、掛失與補卡（一）受理掛失…)."""
        if not self.seq.fits(marker):
            return False
        trial = Sequence()
        trial.last, trial.order = dict(self.seq.last), list(self.seq.order)
        trial.accept(marker)
        for later in find_markers(rest, 0, MAX_TITLE + 4):
            if any(p in rest[:later.start] for p in "。；！？，,;!?"):
                return False
            if later.start >= 2 and later.rank in _RUN_RANKS and trial.fits(later):
                return True
        return False

    @staticmethod
    def _list_item_line(line: str) -> bool:
        """True when ``line`` (the one before) is an item numbered 1、/1. itself: the items of a
        list follow each other. A heading before is no such evidence (a chapter's first
        numbered section follows its chapter heading)."""
        found = find_markers(line, 0, 12)
        return bool(found) and found[0].start == 0 and found[0].rank == "d1"

    @staticmethod
    def _starts_list(line: str, marker: Marker) -> bool:
        """True when ``line`` is another item of a numbered list ``marker`` belongs to, or a
        heading (a numbered heading is followed by its text, not by a heading)."""
        found = find_markers(line, 0, 12)
        if not found or found[0].start != 0:
            return False
        first = found[0]
        if first.rank == "d1":
            return True
        return not (first.rank in ("d2", "d3") and first.numbers[0] == marker.numbers[0])

    def scan_line(self, line: str, lines: list[str], index: int) -> None:
        markers = _merge_numbered_chapters(find_markers(line), line)
        accepted: list[Marker] = []
        for marker in markers:
            if marker.start == 0:
                rest = line[marker.end:]
                if self._accepts_at_start(marker, rest, lines, index):
                    accepted.append(marker)
                    self.seq.accept(marker)
                continue
            if marker.rank not in _RUN_RANKS:
                continue
            for candidate in readings(marker):
                if not self.seq.fits(candidate):
                    continue
                before = line[candidate.start - 1]
                near = bool(accepted) and candidate.start - accepted[-1].end <= MAX_TITLE
                if candidate.rank == "dn":
                    # 2 上門維修 2.1 預約…: after a sentence, and its 2.1 must follow
                    ok = line[:candidate.start].rstrip()[-1:] in _SENTENCE_END and \
                        _subsections_follow(candidate, line[candidate.end:], lines, index)
                elif candidate.rank in ("cn", "cnp"):
                    # 一、/（一） inside prose are often enumerations: only after a sentence
                    # ends, or right after a heading (a chapter and its first section)
                    ok = before in _SENTENCE_END or (near and not any(
                        p in line[accepted[-1].end:candidate.start] for p in _PUNCT))
                else:
                    ok = before in _BOUNDARY or before.isdigit() or near
                if ok:
                    accepted.append(candidate)
                    self.seq.accept(candidate)
                    break
        if not accepted:
            self.paragraph(self._list_item(line))
            return
        self.paragraph(line[:accepted[0].start])
        for number, marker in enumerate(accepted):
            stop = accepted[number + 1].start if number + 1 < len(accepted) else len(line)
            rest = line[marker.end:stop]
            label = line[marker.start:marker.end].strip()
            known = self.toc_titles.get((marker.rank, marker.numbers))
            if number + 1 < len(accepted) and _own_line(_PAGE_NOISE_RE.sub("", rest)):
                title, body, guessed = _PAGE_NOISE_RE.sub("", rest).strip(), "", False
            elif _own_line(rest) and (marker.start == 0 or number + 1 < len(accepted)):
                title, body, guessed = rest.strip(), "", False
            else:
                title, body, guessed = split_title(rest, known)
            joiner = "" if label.endswith(("、", "）", ")")) else " "
            self.blocks.append(Block(f"{label}{joiner}{title}".strip(), marker.rank, guessed))
            self.paragraph(body)

    def _list_item(self, line: str) -> str:
        if self.markdown:
            return line
        line = re.sub(r"^(\d{1,3})[、.．]\s*", r"\1. ", line, count=1)
        return _ITEM_RE.sub("- ", line, count=1)


def outline(text: str, *, markdown: bool = False, toc: bool = True) -> Outline:
    """Find the table of contents (unless ``toc`` is false), headings and paragraphs."""
    result = Outline()
    found = find_toc(text) if toc else None
    if found is not None:
        start, end, entries = found
        line_start = text.rfind("\n", 0, start) + 1
        label = _TOC_LABEL_RE.search(text, line_start, start)
        if label is not None:
            start = label.start()
            result.title_hint = text[line_start:start].strip()
        elif text[line_start:start].strip() and len(text[line_start:start].strip()) <= 60:
            result.title_hint = text[line_start:start].strip()
            start = line_start
        else:
            before = text[:start].rstrip("\n ")
            label_line = before[before.rfind("\n") + 1:]
            if _TOC_LINE_RE.match(label_line.strip()):
                start = len(before) - len(label_line)
        result.toc_text = text[start:end].strip()
        result.toc_offset = start
        result.toc_titles = {(m.rank, m.numbers): title for m, title in entries}
        text = text[:start] + "\n" + text[end:]
        if result.title_hint:
            text = text.replace(result.title_hint, "", 1) if text.find(
                result.title_hint) < start else text
    scanner = _Scanner(result.toc_titles, markdown)
    lines = text.split("\n")
    for index in range(len(lines)):
        scanner.line(lines, index)
    result.blocks = scanner.blocks
    return result


def nesting_levels(blocks: list[Block]) -> dict[int, int]:
    """The level of each heading block (by ``id``), from how the kinds of heading nest in
    document order: a heading is one level under the nearest heading of a higher kind before
    it (第三章 then （一） is 1 then 2, even where another chapter had 1.1 as its 2)."""
    stack: list[str] = []
    out: dict[int, int] = {}
    for block in blocks:
        if not block.rank:
            continue
        while stack and RANKS.index(stack[-1]) >= RANKS.index(block.rank):
            stack.pop()
        stack.append(block.rank)
        out[id(block)] = len(stack)
    return out
