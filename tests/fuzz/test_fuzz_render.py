"""Fuzzing the Markdown renderer: whatever a page holds, it renders to clean HTML within budget.

Strategies build long hostile texts from a few drawn choices (a unit and how often it repeats),
so they reach tens of thousands of characters without drawing each one: huge runs of one
character, random mixes of Markdown and HTML punctuation repeated, and deep nesting of lists,
quotes, emphasis, links and tags. Each case is held to a memory budget (tracemalloc peak) and a
generous time budget; the renderer always returns sanitised HTML, shown as written with a note
when the text is past its work budget.
"""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from kbdesk.core.library.render import render
from kbdesk.core.library.renderguard import PLAIN_NOTE, renders_as_markdown, work_budget
from tests.fuzz.budget import within

#: what a page may cost: memory, and CPU time per unit of its work budget, never less than a
#: few seconds. A unit takes about a microsecond; the time is measured while tracemalloc traces
#: every allocation, which slows Markdown's allocation-heavy passes up to eight times.
MEGABYTES = 160
SECONDS_PER_UNIT = 1e-5
MIN_SECONDS = 5.0
MAX_CHARS = 40_000

PUNCTUATION = [*"<>*_[](){}!`\\&#;:-=+|~^'\"/.,?@ \n\t", "  \n", "\n\n", "&#", "</"]
LETTERS = [*"axyz09中文退款", "http://", "mailto:", "<x ", "<a ", "<b>", "-->", "<!--"]


@st.composite
def repeated(draw: st.DrawFn, alphabet: list[str], max_unit: int = 12) -> str:
    unit = "".join(draw(st.lists(st.sampled_from(alphabet), min_size=1, max_size=max_unit)))
    count = draw(st.integers(min_value=1, max_value=MAX_CHARS // len(unit)))
    return unit * count


runs = st.sampled_from(PUNCTUATION + LETTERS).flatmap(
    lambda unit: st.integers(1, MAX_CHARS // len(unit)).map(lambda n: unit * n))
mixes = repeated(PUNCTUATION + LETTERS)


@st.composite
def nested(draw: st.DrawFn) -> str:
    depth = draw(st.integers(min_value=1, max_value=3000))
    kind = draw(st.sampled_from(["list", "ordered", "quotes", "emphasis", "links", "tags",
                                 "bullets", "mixed"]))
    if kind == "list":
        return "".join("  " * level + f"- 第{level}層\n" for level in range(min(depth, 800)))
    if kind == "ordered":
        return "1. " * depth + "x"
    if kind == "quotes":
        return "> " * depth + "引用"
    if kind == "emphasis":
        return "*_" * depth + "詞" + "_*" * depth
    if kind == "links":
        return "[a](" * depth + "b" + ")" * depth
    if kind == "tags":
        return "<div>" * depth + "內容" + "</div>" * depth
    if kind == "bullets":
        return "".join(">" * (level % 7) + " - " * (level % 5) + "項\n" for level in range(depth))
    markers = draw(st.lists(st.sampled_from(["> ", "- ", "1. ", "  ", "* "]), min_size=1,
                            max_size=depth))
    return "".join(markers) + "底\n"


@st.composite
def collages(draw: st.DrawFn) -> str:
    """Ordinary Markdown with hostile pieces spliced in."""
    parts = draw(st.lists(st.one_of(runs, mixes, nested(), st.sampled_from([
        "## 標題\n\n", "退款須在**24小時**內處理。\n\n", "| a | b |\n|---|---|\n| 1 | 2 |\n\n",
        "```\ncode <x \n```\n\n", "<script>alert(1)</script>", '<a href="javascript:x">點</a>',
        '<img src=x onerror="alert(1)">', "[連結](https://example.com)\n\n"])), max_size=6))
    return "".join(parts)[: MAX_CHARS * 2]


def check_render(text: str) -> None:
    seconds = max(MIN_SECONDS, SECONDS_PER_UNIT * work_budget(text))
    page = within(lambda: render(text), seconds=seconds, megabytes=MEGABYTES)
    assert isinstance(page, str)
    lowered = page.lower()
    assert "<script" not in lowered and "javascript:" not in lowered
    assert not re.search(r"<[^>]*\son\w+\s*=", lowered)  # no event handlers survive
    if not renders_as_markdown(text):
        assert html.escape(PLAIN_NOTE) in page  # shown as written, with the note
        body = re.search(r'<pre class="kb-plain">(.*)</pre>', page, re.DOTALL)
        assert body is not None and html.unescape(body.group(1)) == text.replace("\r", "")


@given(runs)
def test_huge_runs_of_one_character(text: str) -> None:
    check_render(text)


@given(mixes)
def test_repeated_mixes_of_markdown_and_html_punctuation(text: str) -> None:
    check_render(text)


@given(nested())
def test_deep_nesting(text: str) -> None:
    check_render(text)


@given(collages())
def test_ordinary_pages_with_hostile_pieces(text: str) -> None:
    check_render(text)
