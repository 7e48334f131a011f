"""What an import marks for the editor without deleting: mojibake runs, placeholders, kind.

- Mojibake (``??蛻舴?wù)``: question marks or replacement characters among rare characters)
  is left in place and reported with its position.
- Placeholders written ``[姓名]``, ``【姓名】`` or ``XX`` in phrasings (and inside quoted
  speech of other documents) become ``{{姓名}}``, the library's placeholder syntax.
- The kind of a document (handbook, phrasing, procedure) is guessed from its text.
"""

from __future__ import annotations

import functools
import re

from kbdesk.core.importers.plan import Flag

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
_XX_RE = re.compile(r"(?<![A-Za-z])(XX|xx|××|ＸＸ|XXX)(?![A-Za-z])")
_QUOTE_RE = re.compile(r"“[^”\n]*”|「[^」\n]*」|\"[^\"\n]*\"|『[^』\n]*』")
_PERSON_BEFORE = ("我是", "我叫", "專員", "专员", "客服", "坐席", "敝姓")
_PERSON_AFTER = ("先生", "女士", "小姐")


def _xx_name(text: str, start: int, end: int) -> str:
    before, after = text[max(0, start - 3):start], text[end:end + 2]
    if before.endswith(("工號", "工号")):
        return "工號" if "號" in before else "工号"
    if after.startswith(("公司",)):
        return "公司名稱"
    if before.endswith(_PERSON_BEFORE) or after.startswith(_PERSON_AFTER):
        return "姓名"
    return "姓名"


def _placeholders(text: str) -> str:
    text = _BRACKET_RE.sub(lambda m: "{{" + (m.group(1) or m.group(2)).strip() + "}}", text)
    return _XX_RE.sub(lambda m: "{{" + _xx_name(m.string, m.start(), m.end()) + "}}", text)


def normalise_placeholders(text: str, *, everywhere: bool) -> tuple[str, list[str]]:
    """Write placeholders as ``{{name}}``: in the whole text (phrasings) or in quoted speech.

    Returns the new text and the placeholders as they were written.
    """
    found: list[str] = []

    def fix(chunk: str) -> str:
        for match in _BRACKET_RE.finditer(chunk):
            found.append(match.group(0))
        for match in _XX_RE.finditer(chunk):
            found.append(match.group(0))
        return _placeholders(chunk)

    if everywhere:
        return fix(text), found
    return _QUOTE_RE.sub(lambda m: fix(m.group(0)), text), found


_QUOTED_LINE_RE = re.compile(r"^\s*[“「\"『](.+)[”」\"』]\s*$")
_STEP_KEY_RE = re.compile(r"^\s*(-\s*)?(角色|負責|负责|時限|时限|Role|Limit)\s*[:：]", re.M)


def quote_phrasings(text: str) -> str:
    """In a phrasing, a paragraph that is only quoted speech becomes the text to copy (``> ``)."""
    out = []
    for paragraph in text.split("\n\n"):
        match = _QUOTED_LINE_RE.match(paragraph)
        out.append(f"> {match.group(1).strip()}" if match and "\n" not in paragraph
                   else paragraph)
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
