"""Fixtures shared by the editor-side GUI tests: a versioned library, its knowledge base, a runner.

Imported by the test modules that need them (``from tests.gui.editorial_fixtures import ...``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.versions.repo import LibraryRepo
from kbdesk.gui.tasks import TaskRunner
from tests.conftest import doc

HANDBOOK = doc(
    "客訴處理手冊",
    body="\n介紹。\n\n## 回覆時限\n\n請在24小時內回覆客戶。\n\n## 升級\n\n交給主管。\n",
    id="complaint",
    category="投訴處理",
    owner="品質組",
)
PHRASING = doc(
    "標準開場白",
    kind="phrasing",
    body="\n## 來電開場\n\n> 您好，我是{{坐席姓名}}。\n",
    id="opening",
    ack_required="true",
)


def open_kb(root: Path, index_dir: Path) -> KnowledgeBase:
    """Open a knowledge base on ``root`` with its index in ``index_dir``."""
    kb = KnowledgeBase(root, index_dir=index_dir)
    kb.load()
    return kb


def close_kb(kb: KnowledgeBase) -> None:
    """Release the index and the repository of a knowledge base."""
    kb.close()
    kb.editorial.versioning.close()


@pytest.fixture
def versioned_library(make_library: Callable[[Mapping[str, str | bytes]], Path]) -> Path:
    """A library of two documents that is a git repository with one commit."""
    root = make_library(
        {"handbooks/complaint.md": HANDBOOK, "phrasings/opening.md": PHRASING}
    )
    LibraryRepo.init(root, message="first").close()
    return root


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


def publish_change(kb: KnowledgeBase, old: str, new: str, note: str = "change") -> int:
    """Publish the complaint handbook with ``old`` replaced by ``new``; return the version."""
    text = (kb.root / "handbooks/complaint.md").read_text("utf-8").replace(old, new)
    return kb.publish("complaint", text, note, author="Editor").version


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
    here.sync(remote_url=str(remote))
    clone = porcelain.clone(
        str(remote), str(tmp_path / "elsewhere"), branch=b"main", errstream=io.BytesIO()
    )
    clone.close()
    elsewhere = open_kb(tmp_path / "elsewhere", tmp_path / "index-elsewhere")
    yield here, elsewhere
    close_kb(here)
    close_kb(elsewhere)
