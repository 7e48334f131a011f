"""``kbdesk import`` on hostile files and names, in a real child process: a clear message and
exit status 2, never a traceback, never a hang; control characters from a file name or
``--category`` never reach the terminal or the stored draft."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from tests.clock import now_stamp
from tests.conftest import doc
from tests.faults.conftest import kbdesk
from tests.importers.hostile import bomb

MiB = 1024 * 1024


@pytest.fixture
def root(make_library) -> Path:  # type: ignore[no-untyped-def]
    path = make_library({"handbooks/existing.md": doc("來電處理", id="existing")})
    LibraryRepo.init(path, author="初始 <init@example.com>", when=now_stamp()).close()
    return path


def _refused(root: Path, *args: str) -> str:
    result = kbdesk("import", *args, "--dry-run", "--library", str(root), timeout=60)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    return result.stderr.strip()


def test_a_docx_bomb_exits_2_naming_the_file_and_the_part(root: Path, tmp_path: Path) -> None:
    for member in ("word/document.xml", "docProps/core.xml"):
        path = tmp_path / "bomb.docx"
        path.write_bytes(bomb(member, 256 * MiB))
        message = _refused(root, str(path))
        assert message.startswith("kbdesk: bomb.docx: refused: part ")
        assert member in message


def test_what_is_not_a_regular_file_exits_2_with_its_own_message(root: Path,
                                                                 tmp_path: Path) -> None:
    folder = tmp_path / "handbooks"
    folder.mkdir()
    assert _refused(root, str(folder)) == (
        f"kbdesk: {folder}: is a folder, not a file (name the files in it)")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody writes: opening it to read would hang
    assert _refused(root, str(fifo)) == (
        f"kbdesk: {fifo}: is a named pipe (FIFO), not a regular file")
    assert _refused(root, "/dev/zero") == "kbdesk: /dev/zero: is a device, not a regular file"
    long = tmp_path / ("長" * 200 + ".txt")
    assert _refused(root, str(long)).endswith(": the name is too long for this system")
    assert _refused(root, str(tmp_path / "gone.txt")) == f"kbdesk: {tmp_path}/gone.txt: no such file"
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(65 * MiB)
    assert "refused: 65.0 MiB is over the 64 MiB an import reads" in _refused(root, str(huge))


def test_deeply_nested_html_imports_without_a_traceback(root: Path, tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    page.write_text("<html><body><p>頁面說明。</p>" + "<ul><li>項目" * 5000 + "最深處。"
                    + "</li></ul>" * 5000 + "<table><tr><td>格" * 3000
                    + "</td></tr></table>" * 3000 + "</body></html>", encoding="utf-8")
    result = kbdesk("import", str(page), "--dry-run", "--json", "--library", str(root),
                    timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    [planned] = json.loads(result.stdout)
    assert "最深處" in json.dumps(planned, ensure_ascii=False)


def test_control_characters_in_names_and_categories_never_reach_the_terminal_or_the_draft(
        root: Path, tmp_path: Path) -> None:
    name = "退款\x1b]0;pwned\x07\n\x9b2J說明.txt"
    path = tmp_path / name
    path.write_text("申請退款須附發票，七日內辦理完畢，逾期不予受理。\n", encoding="utf-8")
    category = "退\x1b[2J款\n類"
    dry = kbdesk("import", str(path), "--category", category, "--dry-run",
                 "--library", str(root))
    assert dry.returncode == 0, dry.stderr
    for control in ("\x1b", "\x07", "\x9b"):
        assert control not in dry.stdout + dry.stderr
    # one line per document, its notes indented under it: the name's newline is gone
    first, *notes = dry.stdout.splitlines()
    assert first.endswith("(退 [2J款 類)") and "2J說明.txt →" in first
    assert all(note.startswith("  ") for note in notes)

    as_json = kbdesk("import", str(path), "--category", category, "--dry-run", "--json",
                     "--library", str(root))
    assert "\x1b" not in as_json.stdout and "\x9b" not in as_json.stdout
    [planned] = json.loads(as_json.stdout)
    assert planned["title"] == "退款 ]0;pwned 2J說明"
    assert planned["category"] == "退 [2J款 類"

    saved = kbdesk("import", str(path), "--category", category, "--library", str(root))
    assert saved.returncode == 0, saved.stderr
    assert "\x1b" not in saved.stdout
    [draft] = KnowledgeBase(root).drafts.list()
    assert "title: 退款 ]0;pwned 2J說明\n" in draft.text
    assert "category: 退 [2J款 類\n" in draft.text
    assert not any(c in draft.text for c in "\x1b\x07\x9b")

    # a name in an error message is written with its control characters escaped, on one line
    gone = tmp_path / "gone\x1b[2J\n.txt"
    message = _refused(root, str(gone))
    assert message == f"kbdesk: {tmp_path}/gone\\x1b[2J\\x0a.txt: no such file"
