"""Clean-up of text copied from document-sharing web pages, every step reported.

Works on the source's lines before structure detection: site boilerplate (copyright and
download notices, "全文預覽已結束", 溫馨提示 blocks, comment counters, lists of related
documents, page-title lines such as ``手冊_第3頁``), pinyin annotations inserted after characters
(``版權(quán)`` → ``版權``) and text repeated twice in a row. Each removal becomes a
:class:`Removal` with its source line and column; a removal whose key is in ``keep`` is left in
place (the editor restored it). Rules are matched on folded text, so they work in both scripts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from pypinyin import Style, pinyin

from kbdesk.core.importers import furniture
from kbdesk.core.plugins import Removal
from kbdesk.core.text.folding import fold


@dataclass
class Line:
    """One line of the source: its 1-based number, the column its text starts at, its text."""

    number: int
    text: str
    column: int = 0


# Lines that are boilerplate wherever they stand (matched on folded, stripped text).
_DEFINITE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern))
    for reason, pattern in (
        ("page-title line", r"^.{1,80}_第\s*\d+\s*页$"),
        ("site boilerplate: end of preview", r"全文预览已结束|预览已结束|剩余\d+页未读"),
        ("download notice", r"^(下载本文档|下载文档|立即下载|免费下载|下载此文档)"),
        ("copyright notice", r"^版权说明[:：]|版权申诉|侵权必究|不得用于商业用途|严禁复制"),
        ("site boilerplate: page label", r"^(文档简介|文档介绍|内容简介|文档信息)$"),
        ("site boilerplate: link", r"^(查看更多|展开全文|点击展开|阅读全文|加载更多|收起)$"),
        ("comment counter", r"^(文档)?(评论|提交评论|发表评论|评论区)(\s*\(\d+\))?$"),
        ("comment counter", r"^\d+\s*/\s*\d+$"),
        ("comment counter", r"^(阅读|浏览|下载|收藏|点赞|页数|大小)(量|次数)?\s*[:：]\s*\d"),
        ("uploader box", r"^\d{3}\*{3,}\d{3,}|^\+?\s*关注$|^实名认证$|^文档贡献者$|该用户很懒"),
        ("download notice", r"vip.{0,12}(下载|权益|文档|会员)|(下载|权益|会员).{0,12}vip"),
        ("file name line", r"^.{1,80}\.(docx?|pdf|pptx?|xlsx?|wps)(vip)?$"),
    )
)
# Boilerplate only before the document's content or after it: notices naming the site, and
# file names (the page's own, or the titles of other documents) and comment counters.
_OUTSIDE_ONLY = {"file name line", "comment counter"}
_SITE_RE = re.compile(r"本站|本网站|网站|文库|网友|平台")
_SITE_TOPIC_RE = re.compile(r"下载|上传|版权|侵权|付费|文档|会员|举报|资源")
_RELATED_RE = re.compile(
    r"^(您可能关注的文档|相关文档|相关推荐|最新文档|猜你喜欢|热门文档|精选文档|相关资源|"
    r"相关搜索|推荐文档|更多相关)$"
)
_TIP_RE = re.compile(r"^温馨提示[:：]?$")
_ITEM_RE = re.compile(r"^([•·\-*]\s*|\d+[.、)]\s*|[(（]\d+[)）]\s*)")
_STRUCTURE_RE = re.compile(
    r"^(#{1,6}\s|第[一二三四五六七八九十百零〇两兩\d]{1,4}[章节節篇]|\d+[.．]\d+|[一二三四五六七八九十]+、)"
)

_TONE_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN_RE = re.compile(rf"([\u3400-\u9fff])([(（]([{_TONE_LETTERS}]{{1,6}}[1-5]?)[)）])")


def _folded(line: Line) -> str:
    return fold(line.text.strip()[:400])  # notices are short; long lines are prose


def _is_content(folded: str) -> bool:
    """A line that is surely the document's own: a heading or a long paragraph of prose."""
    if _STRUCTURE_RE.match(folded) and not _SITE_RE.search(folded):
        return True
    return len(folded) >= 80 and not _SITE_RE.search(folded) and "vip" not in folded


def remove_boilerplate(
    lines: list[Line], keep: set[str], removed: list[Removal]
) -> list[Line]:
    """Drop site boilerplate lines and blocks; record each removal in ``removed``."""
    folded = [_folded(line) for line in lines]
    content = [i for i, f in enumerate(folded) if _is_content(f)]
    first, last = (content[0], content[-1]) if content else (len(lines), -1)
    out: list[Line] = []
    i = 0

    def drop(index: int, reason: str) -> bool:
        line = lines[index]
        removal = Removal(line.text.strip(), reason, line.number, line.column)
        if removal.key in keep:
            return False
        removed.append(removal)
        return True

    while i < len(lines):
        f = folded[i]
        if not f:
            out.append(lines[i])
            i += 1
            continue
        block_reason = ""
        if _TIP_RE.match(f):
            block_reason = "site notice (tips block)"
        elif _RELATED_RE.match(f) and i > last - 3:
            block_reason = "list of related documents"
        elif furniture.related_heading(f) and not _is_content(f):
            block_reason = "site furniture: related documents"
        elif furniture.comments_heading(f):
            block_reason = "site furniture: comments"
        if block_reason:
            own = next((r for r, rx in _DEFINITE if rx.search(f)), "")
            if drop(i, own or block_reason):
                i += 1
                while i < len(lines) and (not folded[i] or _block_item(folded[i], block_reason)):
                    own = next((r for r, rx in _DEFINITE if rx.search(folded[i])), "")
                    if not folded[i] or not drop(
                            i, own or furniture.line_reason(folded[i]) or block_reason):
                        out.append(lines[i])  # a blank line, or an item the editor restored
                    i += 1
                continue
            out.append(lines[i])
            i += 1
            continue
        reason = next((r for r, rx in _DEFINITE if rx.search(f)), "")
        if reason in _OUTSIDE_ONLY and first <= i <= last:
            reason = ""  # inside the document a file name is content (申請表.pdf)
        if not reason and not _STRUCTURE_RE.match(f):
            reason = furniture.line_reason(f)
        if not reason and (i < first or i > last) and _SITE_RE.search(f) \
                and _SITE_TOPIC_RE.search(f):
            reason = "site notice"
        if reason and drop(i, reason):
            i += 1
            continue
        out.append(_without_counters(lines[i], keep, removed))
        i += 1
    return out


def _without_counters(line: Line, keep: set[str], removed: list[Removal]) -> Line:
    """A line with runs of page counters inside it (a flattened page) blanked out, each run
    reported; the run is replaced by spaces so every later column stays where it was."""
    spans = furniture.counter_spans(fold(line.text))
    if not spans:
        return line
    text = line.text
    for start, end in reversed(spans):
        removal = Removal(text[start:end].strip(), "site furniture: counters", line.number,
                          line.column + start)
        if removal.key in keep:
            continue
        removed.append(removal)
        text = text[:start] + " " * (end - start) + text[end:]
    return Line(line.number, text, line.column)


def _block_item(folded: str, reason: str) -> bool:
    if reason.startswith("site notice"):
        return bool(_ITEM_RE.match(folded)) or bool(_SITE_RE.search(folded))
    if reason == "site furniture: comments":
        return furniture.comment_item(folded)
    if reason == "site furniture: related documents":
        return (furniture.related_item(folded) or bool(furniture.line_reason(folded))) \
            and not _STRUCTURE_RE.match(folded)
    return len(folded) <= 60 and not _STRUCTURE_RE.match(folded)


@functools.lru_cache(maxsize=8192)
def _readings(char: str) -> frozenset[str]:
    out: set[str] = set()
    for style in (Style.TONE, Style.TONE3, Style.NORMAL):
        for reading in pinyin(char, style=style, heteronym=True)[0]:
            out.add(reading.lower())
    return frozenset(out)


def remove_pinyin(lines: list[Line], keep: set[str], removed: list[Removal]) -> list[Line]:
    """Take out pinyin written in brackets after the character it reads (權(quán) → 權)."""
    out = []
    for line in lines:
        if "(" not in line.text and "（" not in line.text:
            out.append(line)
            continue

        def replace(match: re.Match[str], line: Line = line) -> str:
            char, bracket, reading = match.group(1), match.group(2), match.group(3)
            if reading.lower() not in _readings(char):
                return match.group(0)
            removal = Removal(bracket, "pinyin annotation", line.number,
                              line.column + match.start(2))
            if removal.key in keep:
                return match.group(0)
            removed.append(removal)
            return char

        out.append(Line(line.number, _PINYIN_RE.sub(replace, line.text), line.column))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def remove_repeats(lines: list[Line], keep: set[str], removed: list[Removal],
                   min_chars: int = 20) -> list[Line]:
    """Keep once a run of lines (or a line's text) that appears twice in a row."""
    lines = [_undouble(line, keep, removed, min_chars) for line in lines]
    body = [line for line in lines if line.text.strip()]
    keys = [_norm(line.text) for line in body]
    nexts: dict[str, int] = {}
    following = [-1] * len(keys)
    for index in range(len(keys) - 1, -1, -1):
        following[index] = nexts.get(keys[index], -1)
        nexts[keys[index]] = index
    dropped: set[int] = set()
    i = 0
    while i < len(keys):
        j = following[i]
        if j > i:
            span = j - i
            if keys[i:j] == keys[j:j + span] and sum(len(k) for k in keys[i:j]) >= min_chars:
                first = body[j]
                removal = Removal(
                    "\n".join(line.text.strip() for line in body[j:j + span]),
                    "repeated text (the same text just before it)", first.number, first.column)
                if removal.key not in keep:
                    removed.append(removal)
                    dropped.update(range(j, j + span))
                    i = j + span
                    continue
        i += 1
    dropped_ids = {id(body[k]) for k in dropped}
    return [line for line in lines if id(line) not in dropped_ids]


def _undouble(line: Line, keep: set[str], removed: list[Removal], min_chars: int) -> Line:
    """A line made of the same text twice (a page that repeats its whole article) kept once."""
    text = line.text.rstrip()
    size = len(text)
    if size < 2 * min_chars:
        return line
    half = size // 2
    for cut in range(half - 2, half + 3):
        first, second = text[:cut], text[cut:]
        if first.strip() and _norm(first) == _norm(second):
            removal = Removal(second.strip(), "repeated text (the same text just before it)",
                              line.number, line.column + cut)
            if removal.key in keep:
                return line
            removed.append(removal)
            return Line(line.number, first.rstrip(), line.column)
    return line


Step = Callable[[list[Line], set[str], list[Removal]], list[Line]]
STEPS: tuple[Step, ...] = (remove_boilerplate, remove_pinyin, remove_repeats)


def clean_lines(
    lines: list[Line], keep: set[str] | None = None
) -> tuple[list[Line], list[Removal]]:
    """Run every clean-up step; return the kept lines and the removals, in source order."""
    keep = keep or set()
    removed: list[Removal] = []
    for step in STEPS:
        lines = step(lines, keep, removed)
    removed.sort(key=lambda r: (r.line, r.column))
    return lines, removed
