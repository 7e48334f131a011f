"""Kept for code written before the fold moved to ``kbdesk.core.text.folding`` (use that)."""

from __future__ import annotations

from kbdesk.core.text.folding import (
    FOLD_VERSION,
    SCRIPTS,
    convert_script,
    fold,
    fold_chars,
    merge_spans,
    to_simplified,
)

__all__ = [
    "FOLD_VERSION", "SCRIPTS", "convert_script", "fold", "fold_chars", "merge_spans",
    "to_simplified",
]
