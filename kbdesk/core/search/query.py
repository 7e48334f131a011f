"""Reading what an agent typed into a structured query. Never raises: bad syntax is plain text.

Syntax: words are AND-ed; ``"exact phrase"`` (also 「」 and “”); ``-word`` and ``-"phrase"``
exclude; ``kind:`` ``tag:`` ``category:`` filter. Question and filler words (怎么, 如何, 吗 …)
are dropped when something else remains.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kbdesk.core.library.model import Kind
from kbdesk.core.text.folding import fold

MAX_QUERY_CHARS = 500
MAX_WORDS = 24

#: Spoken filler: words agents repeat from the caller that say nothing about the topic (一直,
#: 还, 说 …). Left out like the question words below, so they never decide a ranking.
SPOKEN_FILLER = frozenset(
    """一直 还 还要 还得 还会 还能 还在 还有 老是 总是 真的 其实 然后 就是 又 再 才 而且 但是
    可是 因为 所以 已 已经
    现在 刚才 刚刚 一下子 好像 感觉 觉得 那么 这么 怎么会 为啥 一点 有点 有些 一些 些 个
    客人说 客户说 他说 她说 跟 帮 帮忙 麻烦 拜托 呃 嗯 喂 哎 唉 哈 啦 喔 耶""".split()
)

#: Folded (Simplified) words that carry no meaning in a search: question and filler words.
STOPWORDS = frozenset(
    """怎么 怎么办 怎么样 怎样 如何 什么 甚么 为什么 为何 哪 哪里 哪些 哪个 吗 呢 吧 啊 呀 嘛
    哦 请问 请教 想问 问 一下 的 地 得 了 着 过 是 很 要 该 应该 应当 能 能不能 可以 可不可以
    会 我 我们 你 你们 您 他 她 它 他们 多久 多少 几 时候 什么时候 谁 有没有 是否 到底 还是 就
    都 也 和 与 及 或 在 把 被 给 对 让 时 内 之内 以内 啥 咋 咋办 办 做 这 那 这个 那个 一个
    有 么 如果 when how what why the a an of to is are do does i you""".split()
) | SPOKEN_FILLER

#: Who a caller reports (客户说他…): 说 right after one of these introduces what was said and is
#: filler like 客户说 (the segmenter cuts 客户说他 as 客户 | 说 | 他); elsewhere (不能说的话) it
#: is a word of the query.
SPEAKERS = frozenset(
    """客户 客人 顾客 用户 消费者 对方 民众 家属 他 她 我 你 他们 她们 我们 老公 老婆 家人
    朋友""".split()
)
REPORTING = frozenset({"说"})

KIND_ALIASES = {
    "handbook": Kind.HANDBOOK,
    "手册": Kind.HANDBOOK,
    "handbooks": Kind.HANDBOOK,
    "phrasing": Kind.PHRASING,
    "话术": Kind.PHRASING,
    "phrasings": Kind.PHRASING,
    "procedure": Kind.PROCEDURE,
    "流程": Kind.PROCEDURE,
    "procedures": Kind.PROCEDURE,
    "sop": Kind.PROCEDURE,
}
FILTER_NAMES = {
    "kind": "kind",
    "type": "kind",
    "类型": "kind",
    "tag": "tag",
    "tags": "tag",
    "标签": "tag",
    "category": "category",
    "cat": "category",
    "分类": "category",
}
_QUOTE_PAIRS = {'"': '"', "「": "」", "“": "”", "『": "』"}
_FILTER_RE = re.compile(r"^([^\s:：]+)[:：](.+)$")


@dataclass
class ParsedQuery:
    """A query split into its parts; all text is folded.

    Attributes:
        words: the words to find (AND-ed), each a folded word as segmented.
        phrases: exact phrases (folded), each must appear as written.
        excludes: words whose sections are left out.
        kinds / tags / categories: filters (folded).
        dropped: question and filler words that were left out.
        chunks: the unquoted space-separated parts as typed (folded, letters and digits only);
            a section holding one of them literally ranks higher.
        raw: what was typed.
    """

    raw: str = ""
    words: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    #: ``-"phrase"``: sections holding the phrase are left out
    exclude_phrases: list[str] = field(default_factory=list)
    kinds: list[Kind] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to look for (filters alone are not a search)."""
        return not (self.words or self.phrases)


def _clean(text: str) -> str:
    """Drop control characters and unpaired surrogates; keep everything printable."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or (cat == "Cf" and ch not in "\u200d"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


#: marks a quoted piece that was negated (a control character: cleaned out of typed text)
NEGATED = "\x00"


def _split(text: str) -> list[tuple[str, bool]]:
    """Split into (chunk, quoted) pieces; an unbalanced quote is treated as a space."""
    pieces: list[tuple[str, bool]] = []
    buffer: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        close = _QUOTE_PAIRS.get(ch)
        if close is not None:
            end = text.find(close, i + 1)
            if end != -1:
                negated = buffer[-1:] == ["-"] and (len(buffer) == 1 or buffer[-2].isspace())
                if negated:
                    buffer.pop()  # -"phrase": a phrase to exclude
                if buffer:
                    pieces.append(("".join(buffer), False))
                    buffer = []
                inner = text[i + 1 : end].strip()
                if inner:
                    pieces.append((NEGATED + inner if negated else inner, True))
                i = end + 1
                continue
            buffer.append(" ")
        elif ch in "」”』":
            buffer.append(" ")
        else:
            buffer.append(ch)
        i += 1
    if buffer:
        pieces.append(("".join(buffer), False))
    return pieces


def segment(text: str) -> list[str]:
    """Segment folded text into query words (accurate mode: the longest words)."""
    words: list[str] = []
    joinable = False
    import rjieba  # the segmenter loads its dictionary: imported at the first text segmented

    for word in rjieba.cut(text):
        word = word.strip()
        if not word or not any(ch.isalnum() for ch in word):
            joinable = False
            continue
        if joinable and not word.isascii():
            words[-1] += word  # 48 + 小时 → 48小时, as the analyzer indexes it
            joinable = False
            continue
        words.append(word)
        joinable = word.replace(".", "").isdigit()
    return words


def parse_query(raw: str) -> ParsedQuery:
    """Read a typed query. Never raises; the worst case is an empty query."""
    raw = raw or ""
    parsed = ParsedQuery(raw=raw)
    text = fold(_clean(raw[:MAX_QUERY_CHARS]))
    words: list[str] = []
    for chunk, quoted in _split(text):
        if quoted:
            if chunk.startswith(NEGATED):
                if any(ch.isalnum() for ch in chunk):
                    parsed.exclude_phrases.append(chunk[len(NEGATED) :])
            elif any(ch.isalnum() for ch in chunk):
                parsed.phrases.append(chunk)
            continue
        for item in chunk.split():
            negate = item.startswith("-") and len(item) > 1
            body = item[1:] if negate else item
            match = _FILTER_RE.match(body)
            if match and not negate:
                name = FILTER_NAMES.get(match.group(1))
                value = match.group(2).strip()
                if name == "kind" and value in KIND_ALIASES:
                    parsed.kinds.append(KIND_ALIASES[value])
                    continue
                if name == "tag":
                    parsed.tags.append(value)
                    continue
                if name == "category":
                    parsed.categories.append(value)
                    continue
            if negate:
                parsed.excludes.extend(segment(body))
            else:
                words.extend(segment(body))
                literal = "".join(ch for ch in body if ch.isalnum())
                if len(literal) >= 2:
                    parsed.chunks.append(literal)
    filler = [w in STOPWORDS or (w in REPORTING and i > 0 and words[i - 1] in SPEAKERS)
              for i, w in enumerate(words)]
    kept = [w for w, out in zip(words, filler, strict=True) if not out]
    if kept or parsed.phrases:
        parsed.dropped = [w for w, out in zip(words, filler, strict=True) if out]
        parsed.words = kept
    else:
        parsed.words = words
    # keep each word once, in order, and bound the work a huge paste can cause
    parsed.words = list(dict.fromkeys(parsed.words))[:MAX_WORDS]
    parsed.excludes = parsed.excludes[:MAX_WORDS]
    parsed.exclude_phrases = parsed.exclude_phrases[:MAX_WORDS]
    parsed.phrases = parsed.phrases[:MAX_WORDS]
    return parsed
