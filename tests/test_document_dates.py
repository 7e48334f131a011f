"""A document's "updated" date is the day its version came into force, from the version
history; never the file's modification time (a copied library has every file "updated" today).
"""

from __future__ import annotations

import datetime as dt
import os

from kbdesk.core import KnowledgeBase
from tests.conftest import doc

LONG_AGO = dt.datetime(2001, 2, 3, 12, 0).timestamp()


def _touch_everything(root) -> None:
    for path in root.rglob("*.md"):
        os.utime(path, (LONG_AGO, LONG_AGO))


def test_updated_is_the_day_the_version_came_into_force_not_the_mtime(make_library):
    root = make_library({
        "a.md": doc("退款須知", id="refund", effective="2025-07-01"),
        "b.md": doc("開場白", id="greeting"),
    })
    kb = KnowledgeBase(root)
    kb.load()
    try:
        _touch_everything(root)
        refund, greeting = kb.document("refund"), kb.document("greeting")
        assert kb.versions.updated_on(refund) == dt.date(2025, 7, 1)
        assert kb.versions.history("refund")[0].effective == "2025-07-01"
        published = kb.versions.history("greeting")[0].day
        assert kb.versions.updated_on(greeting) == published
        assert dt.date(2001, 2, 3) not in (kb.versions.updated_on(refund), kb.versions.updated_on(greeting))
    finally:
        kb.close()


def test_no_history_no_date(make_library):
    root = make_library({"a.md": doc("退款須知", id="refund")}, in_checkout=True)
    kb = KnowledgeBase(root)
    kb.load()
    try:
        assert kb.versions.history("refund") == []
        assert kb.versions.updated_on(kb.document("refund")) is None
    finally:
        kb.close()
