"""What an import marks for the editor without deleting: mojibake runs, placeholders, kind.

- Mojibake (``??蛻舴?wù)``: question marks or replacement characters among rare characters)
  is left in place and reported with its position.
- Placeholders written ``[客户姓名]`` or ``【客户姓名】`` in phrasings (and inside quoted speech
  of other documents) become ``{{客户姓名}}`` (their own words); blanks that say nothing of
  themselves (``XX``, ``***``, ``____``) become ``{{空白1}}``, ``{{空白2}}`` … and are flagged.
- The kind of a document (handbook, phrasing, procedure) is guessed from its text.
"""

from __future__ import annotations

import functools
import re

from kbdesk.core.importers.plan import Flag
from kbdesk.core.text.folding import fold

_SUSPECT_LATIN = "ÃÂâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿"
_TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


@functools.lru_cache(maxsize=65536)
def _rare(char: str) -> bool:
    """A CJK character outside the 3,755 most common Simplified and 5,401 common Traditional."""
    if not ("\u3400" <= char <= "\u9fff"):
        return False
    common = False
    try:
        common = char.encode("gb2312")[0] < 0xD8
    except UnicodeEncodeError:
        pass
    if not common:
        try:
            code = char.encode("big5")
            common = (code[0] << 8 | code[1]) < 0xC67F
        except UnicodeEncodeError:
            pass
    return not common


def _suspect(char: str) -> bool:
    return char in "?\ufffd" or char in _SUSPECT_LATIN or _rare(char)


def mojibake_runs(text: str) -> list[tuple[int, str]]:
    """Runs of garbled text in ``text``: (offset, run)."""
    runs: list[tuple[int, str]] = []
    index, size = 0, len(text)
    while index < size:
        if not _suspect(text[index]):
            index += 1
            continue
        start = end = index
        gap = 0
        cursor = index
        while cursor < size:
            char = text[cursor]
            if _suspect(char) or char in "()（）" or (char.isascii() and char.isalpha()) \
                    or char in _TONE_LETTERS:
                end, gap = cursor + 1, 0
            elif "\u3400" <= char <= "\u9fff" and gap == 0:
                gap = 1
            else:
                break
            cursor += 1
        run = text[start:end]
        marks = sum(1 for ch in run if ch in "?\ufffd")
        odd = sum(1 for ch in run if ch == "\ufffd" or ch in _SUSPECT_LATIN or _rare(ch))
        if (marks and odd) or (marks >= 2 and _between_cjk(text, start, end)) or odd >= 3:
            runs.append((start, run))
        index = max(end, index + 1)
    return runs


def _between_cjk(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return "\u3400" <= before <= "\u9fff" or "\u3400" <= after <= "\u9fff"


def mojibake_flags(section: int, text: str) -> list[Flag]:
    """Flags for every mojibake run in one section's text."""
    return [Flag("mojibake", run, section, offset) for offset, run in mojibake_runs(text)]


_BRACKET_RE = re.compile(r"\[([^\[\]\n{}]{1,10})\](?!\()|【([^【】\n{}]{1,10})】")
# Blanks that say nothing of what goes in them: XX, ***, ____ (inside a line of text; a line
# of its own is a Markdown rule, and ** around words is emphasis).
_BLANK_RE = re.compile(
    r"(?<![A-Za-z])(?:XXX?|xxx?|××|ＸＸ)(?![A-Za-z])"
    r"|(?<=[^\s*])\*{3,}(?=[^\s*])|(?<=[^\s*])\*{3,}(?=$)|(?<=^)\*{3,}(?=[^\s*])"
    r"|(?<=\S)_{3,}|_{3,}(?=\S)|(?<=[^\n])＿{2,}",
    re.M,
)
_BLANK_WRITTEN_RE = re.compile(r"^(XXX?|xxx?|××|ＸＸ|\*{3,}|_{3,}|＿{2,})$")
_QUOTE_RE = re.compile(r"“[^”\n]*”|「[^」\n]*」|\"[^\"\n]*\"|『[^』\n]*』")
#: the placeholder name a blank with no words of its own gets: 空白1, 空白2, … in the document
BLANK_NAME = "空白"


class _Blanks:
    """Numbers the anonymous blanks of one document (空白1, 空白2, …)."""

    def __init__(self) -> None:
        self.count = 0

    def name(self) -> str:
        self.count += 1
        return f"{BLANK_NAME}{self.count}"


def _placeholders(text: str, blanks: _Blanks) -> str:
    """``[客户姓名]`` → ``{{客户姓名}}`` (the blank's own words); ``XX``/``***``/``____`` →
    ``{{空白N}}``. Nothing is guessed: a blank never becomes a field filled automatically unless
    its own words name one (``【坐席姓名】``)."""
    text = _BRACKET_RE.sub(lambda m: "{{" + (m.group(1) or m.group(2)).strip() + "}}", text)
    return _BLANK_RE.sub(lambda _m: "{{" + blanks.name() + "}}", text)


def normalise_placeholders(text: str, *, everywhere: bool,
                           blanks: _Blanks | None = None) -> tuple[str, list[str]]:
    """Write placeholders as ``{{name}}``: in the whole text (phrasings) or in quoted speech.

    ``blanks`` numbers anonymous blanks across the texts of one document (pass the same one
    for each section). Returns the new text and the placeholders as they were written.
    """
    blanks = blanks or _Blanks()
    found: list[str] = []

    def fix(chunk: str) -> str:
        for match in _BRACKET_RE.finditer(chunk):
            found.append(match.group(0))
        for match in _BLANK_RE.finditer(chunk):
            found.append(match.group(0))
        return _placeholders(chunk, blanks)

    if everywhere:
        return fix(text), found
    return _QUOTE_RE.sub(lambda m: fix(m.group(0)), text), found


def is_blank(written: str) -> bool:
    """True when a placeholder as written is an anonymous blank (``XX``, ``***``, ``____``)."""
    return bool(_BLANK_WRITTEN_RE.match(written.strip()))


def new_blanks() -> _Blanks:
    """A fresh numbering of anonymous blanks, for one document."""
    return _Blanks()


_QUOTED_LINE_RE = re.compile(r"^\s*[“「\"『](.+)[”」\"』]\s*$")
_STEP_KEY_RE = re.compile(r"^\s*(-\s*)?(角色|負責|负责|時限|时限|Role|Limit)\s*[:：]", re.M)


_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+•·]|\d{1,3}[.、)．]|[(（]\d{1,3}[)）])\s*(.+)$")
# words that speak to the customer: a paragraph of a phrasing that holds one is a reply
_SPOKEN_RE = re.compile(r"您|你好|请问|抱歉|感谢|谢谢|不好意思|{{[^{}]+}}")
_SENTENCE_RE = re.compile(r"[。！？!?]")


def _reply(text: str) -> str:
    """A reply as it is copied: outer quotation marks taken off."""
    text = text.strip()
    match = _QUOTED_LINE_RE.match(text)
    return match.group(1).strip() if match else text


def _speaks(text: str) -> bool:
    return bool(_SPOKEN_RE.search(fold(text))) and bool(_SENTENCE_RE.search(text) or
                                                          _QUOTED_LINE_RE.match(text.strip()))


def quote_phrasings(text: str) -> str:
    """In a phrasing, every reply becomes a text to copy (``> ``), in the content format.

    A reply is a paragraph that is only quoted speech, an item of a list of replies (each item
    its own variant), or a paragraph that speaks to the customer (您, 請問, 抱歉, a
    placeholder …); after a lead-in ending in a colon (再向客戶說明：…) the part after the colon.
    Other paragraphs stay as notes on using the phrasing.
    """
    out = []
    for paragraph in text.split("\n\n"):
        stripped = paragraph.strip()
        if not stripped or stripped.startswith((">", "|", "<", "#", "```")):
            out.append(paragraph)
            continue
        lines = [line for line in stripped.split("\n") if line.strip()]
        items = [_LIST_ITEM_RE.match(line) for line in lines]
        if all(items) and any(_speaks(m.group(1)) or _QUOTED_LINE_RE.match(m.group(1))
                              for m in items if m):
            out.append("\n\n".join(f"> {_reply(m.group(1))}" for m in items if m))
            continue
        if "\n" not in stripped and (_QUOTED_LINE_RE.match(stripped) or _speaks(stripped)):
            lead, colon, said = stripped.rpartition("：")
            if colon and lead and _speaks(said) and not _speaks(lead):
                out.append(f"{lead}{colon}\n\n> {_reply(said)}")
            else:
                out.append(f"> {_reply(stripped)}")
            continue
        out.append(paragraph)
    return "\n\n".join(out)


def guess_kind(headings: list[str], texts: list[str]) -> str:
    """``procedure`` when sections declare roles or time limits, ``phrasing`` when most are
    quoted speech, else ``handbook``."""
    if not texts:
        return "handbook"
    keyed = sum(1 for text in texts if _STEP_KEY_RE.search(text))
    if keyed >= max(2, len(texts) // 2):
        return "procedure"
    quoted = sum(1 for text in texts
                 if any(_QUOTED_LINE_RE.match(p) for p in text.split("\n\n")))
    if quoted >= max(2, (len(texts) * 2 + 2) // 3):
        return "phrasing"
    return "handbook"
