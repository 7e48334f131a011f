"""Test helper: close every KnowledgeBase and LibraryRepo a test opened.

An exception raised through a test frame can keep that frame (and the knowledge bases and
repositories it holds) in a reference cycle; when the garbage collector later breaks it, dulwich
pack files may be finalised before their repository and warn as unclosed, failing whichever
test happens to be running. Closing them at teardown makes that impossible.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo


def close_opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Record every KnowledgeBase and LibraryRepo created during a test; close them after."""
    opened: list[Any] = []
    for cls in (KnowledgeBase, LibraryRepo):
        original = cls.__init__

        def init(self: Any, *args: Any, __original: Any = original, **kwargs: Any) -> None:
            __original(self, *args, **kwargs)
            opened.append(self)

        monkeypatch.setattr(cls, "__init__", init)
    yield
    monkeypatch.undo()
    for item in reversed(opened):
        item.close()
