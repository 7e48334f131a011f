"""Nothing is dropped silently: every character of a source is in the planned document (title,
headings, text) or in one of its reported removals. Checked on every fixture here; the real
samples editors sent, kept outside the repository, are checked by ``make eval-import``
(``tests/eval_import.py``)."""

from __future__ import annotations

import pytest

from tests.importers import fixtures as F
from tests.importers.helpers import accounted, letters, plan_text


@pytest.mark.parametrize("name", [
    "FLAT_TRADITIONAL", "FLAT_SIMPLIFIED", "OWN_LINE_STYLES", "DECIMAL_LEVELS", "NUMBERED_LIST",
    "TOC_LINES", "BOILERPLATE", "BOILERPLATE_TRADITIONAL", "REPEATED_LINES", "REPEATED_IN_LINE",
    "MOJIBAKE",
])
def test_every_character_is_kept_or_reported(name: str) -> None:
    source = getattr(F, name)
    [doc] = plan_text(source)
    assert accounted(doc, source) == letters(source)
