"""Shared fixtures: small libraries built from a dict of files, isolated app data."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.clock import now_stamp, start_test_clock

if TYPE_CHECKING:
    from kbdesk.core import KnowledgeBase

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test reads or writes the OS keyring of the machine it runs on: sign-ins go to the private
# file in the test's own KBDESK_DATA_DIR (tests of the keyring itself set an in-memory one).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# The whole suite runs on a fixed calendar (KBDESK_TEST_NOW, default in tests/clock.py), started
# before collection so module-level dates see it too. `make test` runs the suite a second time a
# year and a half later: a test that passes only on the day it was written fails one of the runs.
start_test_clock()

REPO_ROOT = Path(__file__).resolve().parents[1]
CONTENT_DIR = REPO_ROOT / "content"


@pytest.fixture(autouse=True)
def _isolated_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own KBDESK_DATA_DIR, so nothing touches the real profile."""
    data = tmp_path_factory.mktemp("kbdesk-data")
    monkeypatch.setenv("KBDESK_DATA_DIR", str(data))
    monkeypatch.delenv("KBDESK_LIBRARY", raising=False)
    return data


@pytest.fixture(autouse=True)
def _close_repositories(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every knowledge base and repository a (non-GUI) test opens is closed after it (see
    ``tests/closing.py``); GUI tests close theirs with their windows."""
    if request.node.get_closest_marker("gui") is not None:
        yield
        return
    from tests.closing import close_opened

    with pytest.MonkeyPatch.context() as monkeypatch:
        yield from close_opened(monkeypatch)


def open_indexed(library: Path, folder: Path) -> KnowledgeBase:
    """Open ``library`` with its index in ``folder`` and build the index (for module fixtures
    that search one library in many tests)."""
    from kbdesk.core import KnowledgeBase

    kb = KnowledgeBase(library, index_dir=folder / "index")
    kb.ensure_index()
    return kb


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``{relative path: text or bytes}`` under ``root`` and return ``root``."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def make_library(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that builds a library folder from a dict of files.

    With ``in_checkout=True`` the folder is made inside another git working tree (a project's
    checkout): kbdesk then takes no baseline version and reads the files as they are, which is
    what tests of the index's own mechanics (files changed on disk) want.
    """
    counter = iter(range(1000))

    def make(files: Mapping[str, str | bytes], *, in_checkout: bool = False) -> Path:
        number = next(counter)
        if in_checkout:
            (tmp_path / f"checkout{number}" / ".git").mkdir(parents=True)
            return write_files(tmp_path / f"checkout{number}" / "lib", files)
        return write_files(tmp_path / f"lib{number}", files)

    return make


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    """A real bare git repository on a "file share" (empty)."""
    from tests.remotes import make_bare

    return make_bare(tmp_path / "share" / "kb.git")


def doc(title: str, kind: str = "handbook", body: str = "", **fields: object) -> str:
    """Return the text of a document with front matter."""
    lines = ["---", f"title: {title}", f"kind: {kind}"]
    for key, value in fields.items():
        lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n" + body


# -- a small versioned library (editorial tests, Qt-free and GUI) -----------------------------

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
    from kbdesk.core import KnowledgeBase

    kb = KnowledgeBase(root, index_dir=index_dir)
    kb.load()
    return kb


def close_kb(kb: KnowledgeBase) -> None:
    """Release the index and the repository of a knowledge base."""
    kb.close()


@pytest.fixture
def versioned_library(make_library: Callable[[Mapping[str, str | bytes]], Path]) -> Path:
    """A library of two documents that is a git repository with one commit."""
    from kbdesk.core.storage.repo import LibraryRepo

    root = make_library(
        {"handbooks/complaint.md": HANDBOOK, "phrasings/opening.md": PHRASING}
    )
    LibraryRepo.init(root, message="first", when=now_stamp()).close()
    return root


def publish_change(kb: KnowledgeBase, old: str, new: str, note: str = "change") -> int:
    """Publish the complaint handbook with ``old`` replaced by ``new``; return the version."""
    text = (kb.root / "handbooks/complaint.md").read_text("utf-8").replace(old, new)
    return kb.publishing.publish("complaint", text, note, author="Editor").version


@pytest.fixture
def versioned_kb(versioned_library: Path, tmp_path: Path) -> Iterator[KnowledgeBase]:
    """The knowledge base of ``versioned_library`` (closed after the test)."""
    base = open_kb(versioned_library, tmp_path / "index")
    yield base
    close_kb(base)


_OWN_BASETEMP: list[Path] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--clock-record`` and ``--clock-readers`` (see ``tests/clockreaders.py``)."""
    from tests.clockreaders import add_options

    add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    """Register the calendar readers' plugin; give this session a temporary base folder of
    its own.

    pytest's default base (``/tmp/pytest-of-USER/pytest-N``) is shared by every session of the
    user and pruned by whichever session starts next; a second copy of the suite running on the
    same machine then removes folders this one still uses. A fresh ``mkdtemp`` per session
    (removed again at the end) keeps two runs apart. ``--basetemp`` on the command line wins.
    """
    from tests.clockreaders import ClockReaders

    config.pluginmanager.register(
        ClockReaders(config.getoption("clock_record"), config.getoption("clock_readers")),
        "kbdesk-clock-readers",
    )
    if config.option.basetemp is None:
        base = Path(tempfile.mkdtemp(prefix="kbdesk-pytest-"))
        config.option.basetemp = str(base)
        _OWN_BASETEMP.append(base)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the base folder :func:`pytest_configure` made."""
    for base in _OWN_BASETEMP:
        shutil.rmtree(base, ignore_errors=True)
    _OWN_BASETEMP.clear()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses qtbot (or lives under tests/gui) as ``gui``."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures or "/gui/" in str(item.fspath):
            item.add_marker(pytest.mark.gui)
