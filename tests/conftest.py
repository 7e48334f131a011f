"""Shared fixtures: small libraries built from a dict of files, isolated app data."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from tests.clock import start_test_clock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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


def doc(title: str, kind: str = "handbook", body: str = "", **fields: object) -> str:
    """Return the text of a document with front matter."""
    lines = ["---", f"title: {title}", f"kind: {kind}"]
    for key, value in fields.items():
        lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n" + body


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses qtbot (or lives under tests/gui) as ``gui``."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures or "/gui/" in str(item.fspath):
            item.add_marker(pytest.mark.gui)
