"""Fixtures shared by the editor-side GUI tests: a versioned library, its knowledge base, a runner.

The Qt-free ones (the library, opening a knowledge base, publishing a change) live in
``tests/conftest.py``; this module re-exports them beside the Qt ones.

Imported by the test modules that need them (``from tests.gui.editorial_fixtures import ...``).
"""
# ruff: noqa: F811 - fixtures re-exported from tests/conftest.py are used as arguments

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kbdesk.core.kb import KnowledgeBase
from kbdesk.gui.tasks import TaskRunner
from tests.conftest import (  # noqa: F401 - shared fixtures and helpers, re-exported
    HANDBOOK,
    PHRASING,
    close_kb,
    open_kb,
    publish_change,
    versioned_library,
)


@pytest.fixture
def kb(versioned_library: Path, tmp_path: Path) -> Iterator[KnowledgeBase]:
    """The knowledge base of ``versioned_library``."""
    base = open_kb(versioned_library, tmp_path / "index")
    yield base
    close_kb(base)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    """The app's task runner, shut down after the test."""
    tasks = TaskRunner()
    yield tasks
    assert tasks.shutdown()



def type_chinese(widget: QWidget, text: str) -> None:
    """Type ``text`` into a widget the way an input method commits Chinese characters.

    ``qtbot.keyClicks`` only knows ASCII keys; an IME delivers CJK text as a committed
    ``QInputMethodEvent``, which is what this sends.
    """
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def workstations(
    versioned_library: Path, tmp_path: Path
) -> Iterator[tuple[KnowledgeBase, KnowledgeBase]]:
    """Two clones of one library sharing a bare remote: (here, elsewhere), both synced once."""
    import io

    from dulwich import porcelain

    remote = tmp_path / "remote.git"
    porcelain.init(str(remote), bare=True).close()
    here = open_kb(versioned_library, tmp_path / "index-here")
    here.sync.sync(remote_url=str(remote))
    clone = porcelain.clone(
        str(remote), str(tmp_path / "elsewhere"), branch=b"main", errstream=io.BytesIO()
    )
    clone.close()
    elsewhere = open_kb(tmp_path / "elsewhere", tmp_path / "index-elsewhere")
    yield here, elsewhere
    close_kb(here)
    close_kb(elsewhere)
