"""The one way an OS file lock is held (``hold_file_lock``), by the per-user library lock and by
the library repository's own write lock: a holder that keeps it too long is ``LibraryBusy``
with the caller's message; a lock file that cannot be opened (read-only folder) is logged and
the work goes on unlocked."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from filelock import FileLock

from kbdesk.core.errors import LibraryBusy
from kbdesk.core.storage import repo as repo_module
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.workstation.liblock import hold_file_lock, library_lock, lock_file
from tests.clock import now_stamp
from tests.conftest import doc


def other_holder(path: Path) -> FileLock:
    """A second FileLock on ``path``: another open file, so it excludes like another process."""
    return FileLock(str(path))


def is_free(path: Path) -> bool:
    probe = other_holder(path)
    try:
        probe.acquire(timeout=0)
    except Exception:
        return False
    probe.release()
    return True


def test_the_lock_is_held_for_the_block_and_released_after(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    with hold_file_lock(FileLock(str(path)), 1.0, lambda: LibraryBusy("busy"), "no lock"):
        assert not is_free(path)
    assert is_free(path)


def test_the_lock_is_released_when_the_block_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    with pytest.raises(ValueError, match="inside"):
        with hold_file_lock(FileLock(str(path)), 1.0, lambda: LibraryBusy("busy"), "no lock"):
            raise ValueError("inside")
    assert is_free(path)


def test_a_lock_held_elsewhere_is_busy_with_the_callers_message(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    holder = other_holder(path)
    holder.acquire()
    ran = []
    try:
        with pytest.raises(LibraryBusy, match="another one writes"):
            with hold_file_lock(FileLock(str(path)), 0.05,
                                lambda: LibraryBusy("another one writes"), "no lock"):
                ran.append(True)
    finally:
        holder.release()
    assert ran == []


def test_a_lock_file_that_cannot_be_opened_is_logged_and_the_work_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a-file").write_text("not a folder", "utf-8")
    lock = FileLock(str(tmp_path / "a-file" / "x.lock"))  # its folder is a file: OSError
    ran = []
    with caplog.at_level(logging.WARNING):
        with hold_file_lock(lock, 1.0, lambda: LibraryBusy("busy"), "no lock for here"):
            ran.append(True)
    assert ran == [True]
    assert any(r.getMessage().startswith("no lock for here: ") for r in caplog.records)


def test_library_lock_says_what_waited_and_for_how_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    monkeypatch.setenv("KBDESK_LOCK_TIMEOUT", "0.05")
    with library_lock(root, "publish"):  # makes the lock file's folder
        pass
    holder = other_holder(lock_file(root))
    holder.acquire()
    try:
        with pytest.raises(LibraryBusy, match=r"publishing/indexing this library .*waited 0 s "
                                              r"to index it"):
            with library_lock(root, "index"):
                pass
    finally:
        holder.release()


def test_the_repository_write_lock_is_busy_while_another_writer_holds_it(
    make_library, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library({"a.md": doc("甲", id="a")})
    repo = LibraryRepo.init(root, when=now_stamp())
    monkeypatch.setattr(repo_module, "WRITE_TIMEOUT", 0.05)
    holder = other_holder(root / ".git" / "kbdesk.lock")
    holder.acquire()
    try:
        with pytest.raises(LibraryBusy, match=r"has been writing this library .* for 0 s"):
            with repo.writing():
                pass
    finally:
        holder.release()
    with repo.writing():  # free again: taken, and re-entrant in one thread
        with repo.writing():
            assert not is_free(root / ".git" / "kbdesk.lock")
    assert is_free(root / ".git" / "kbdesk.lock")
