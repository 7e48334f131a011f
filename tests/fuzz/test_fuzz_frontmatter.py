"""Fuzzing the front-matter reader: it returns the fields or raises ``DocumentError``, nothing
else, within a memory and time budget.

Strategies generate alias bombs of random width and depth (placed in any field), nesting in
flow, block and dash styles up to thousands of levels, huge runs of one YAML character and
random mixes of YAML punctuation. The round-trip editor (``set_field``) is held to the same
rule: it edits or refuses.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kbdesk.core.errors import DocumentError
from kbdesk.core.library.frontmatter import read_meta, set_field
from tests.fuzz.budget import within

MEGABYTES = 96
SECONDS = 5.0
MAX_CHARS = 30_000

PUNCTUATION = [*":-[]{}&*!|>'\"#%@`,?~ \n\t", "\n  ", ": ", "- ", "&a ", "*a", "<<: *a"]
WORDS = ["title", "tags", "kind", "x", "退款", "2026-13-45", "null", "true", "1e999",
         "!!python/name:os.system", "!!int", "!!float", "!!bool", "!!binary", "!!set", "<<"]


def document(front: str) -> str:
    return "---\n" + front + "\n---\n正文。\n"


@st.composite
def alias_bombs(draw: st.DrawFn) -> str:
    width = draw(st.integers(min_value=2, max_value=12))
    depth = draw(st.integers(min_value=2, max_value=10))
    style = draw(st.sampled_from(["flow", "block"]))
    lines = [f'l0: &l0 [{", ".join(["lol"] * width)}]']
    for level in range(1, depth):
        if style == "flow":
            lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * width)}]")
        else:
            lines.append(f"l{level}: &l{level}\n" + "".join(f"  - *l{level - 1}\n"
                                                           for _ in range(width)).rstrip("\n"))
    field = draw(st.sampled_from(["tags", "title", "summary", "extra"]))
    lines.append(f"{field}: *l{depth - 1}")
    fields = ["title: 炸彈", "kind: handbook"]
    position = draw(st.integers(min_value=0, max_value=len(fields)))
    return "\n".join(fields[:position] + lines + fields[position:])


@st.composite
def deep(draw: st.DrawFn) -> str:
    depth = draw(st.integers(min_value=1, max_value=4000))
    style = draw(st.sampled_from(["flow", "map", "block", "dash"]))
    if style == "flow":
        return "tags: " + "[" * depth + "x" + "]" * depth
    if style == "map":
        return "tags: " + "{a: " * depth + "x" + "}" * depth
    if style == "block":
        return "tags:\n" + "".join(" " * (i + 1) + "k:\n" for i in range(depth)) + " " * (
            depth + 1) + "v"
    return "tags:\n" + "- " * depth + "x"


runs = st.sampled_from(PUNCTUATION).flatmap(
    lambda unit: st.integers(1, MAX_CHARS // len(unit)).map(lambda n: "title: " + unit * n))


@st.composite
def mixes(draw: st.DrawFn) -> str:
    unit = "".join(draw(st.lists(st.sampled_from(PUNCTUATION + WORDS), min_size=1, max_size=10)))
    count = draw(st.integers(min_value=1, max_value=max(1, MAX_CHARS // len(unit))))
    prefix = draw(st.sampled_from(["", "title: 標題\nkind: handbook\n", "tags: "]))
    return prefix + unit * count


def check_front(front: str) -> None:
    text = document(front)

    def read() -> object:
        try:
            return read_meta(text, "fuzz.md")
        except DocumentError as exc:
            assert exc.problem.path == "fuzz.md"
            return exc

    result = within(read, seconds=SECONDS, megabytes=MEGABYTES)
    assert isinstance(result, dict | DocumentError)

    def edit() -> object:
        try:
            return set_field(text, "status", "published", "fuzz.md")
        except DocumentError as exc:
            return exc

    edited = within(edit, seconds=SECONDS, megabytes=MEGABYTES)
    assert isinstance(edited, str | DocumentError)
    if isinstance(result, DocumentError):
        assert isinstance(edited, DocumentError)  # what cannot be read is never edited


@given(alias_bombs())
def test_alias_bombs(front: str) -> None:
    check_front(front)


@given(deep())
def test_deep_nesting(front: str) -> None:
    check_front(front)


@given(runs)
def test_huge_runs_of_one_character(front: str) -> None:
    check_front(front)


@given(mixes())
def test_random_mixes_of_yaml_punctuation(front: str) -> None:
    check_front(front)
