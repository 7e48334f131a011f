"""The first command in a plain folder, and publishing through a link (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

from kbdesk.core.storage.repo import LibraryRepo
from tests.conftest import doc
from tests.faults.conftest import kbdesk

REFUND = doc("退款規則", id="refund", version=1, body="\n退款須在24小時內處理。\n")
GREETING = doc("開場白", id="greeting", version=1, body="\n您好。\n")


def _history(root: Path, doc_id: str) -> list[dict[str, object]]:
    shown = kbdesk("history", doc_id, "--json", "--library", str(root))
    assert shown.returncode == 0, shown.stderr
    return list(json.loads(shown.stdout))


def test_a_first_publish_in_a_plain_folder_keeps_its_edit_and_note(make_library) -> None:
    root = make_library({"refund.md": REFUND, "greeting.md": GREETING})
    path = root / "refund.md"
    path.write_text(REFUND.replace("24小時", "48小時"), "utf-8")  # edited before any kbdesk
    result = kbdesk("publish", "refund.md", "--note", "改為48小時", "--library", str(root))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    repo = LibraryRepo(root)
    commits = repo.walk()
    assert [c.message.splitlines()[0] for c in commits] == ["改為48小時", "Initial library"]
    baseline = commits[-1].id
    assert repo.read(baseline, "greeting.md") == GREETING.encode()  # the rest is the baseline
    assert repo.read(baseline, "refund.md") is None  # its text before the edit is unknown
    assert "48小時" in (repo.read_text(repo.head(), "refund.md") or "")
    history = _history(root, "refund")
    assert [(v["version"], v["note"]) for v in history] == [(1, "改為48小時")]
    assert kbdesk("publish", "refund.md", "--note", "再一次", "--library", str(root)
                  ).returncode == 2  # nothing changed since: the publish was recorded


def test_a_publish_after_another_command_is_a_version_of_the_baseline(make_library) -> None:
    root = make_library({"refund.md": REFUND})
    assert kbdesk("search", "退款", "--library", str(root)).returncode == 0  # takes the baseline
    path = root / "refund.md"
    path.write_text(REFUND.replace("24小時", "48小時"), "utf-8")
    result = kbdesk("publish", str(path), "--note", "改為48小時", "--library", str(root))
    assert result.returncode == 0, result.stderr
    assert next((v["version"], v["note"]) for v in _history(root, "refund")) == (2, "改為48小時")


def test_publishing_through_a_link_says_it_is_a_link(make_library, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text(doc("庫外", body="\n機密。\n"), "utf-8")
    (outside / "folder" / "more.md").write_text(doc("庫外二", body="\n機密。\n"), "utf-8")
    root = make_library({"refund.md": REFUND})
    (root / "leak.md").symlink_to(outside / "secret.md")
    (root / "linked").symlink_to(outside / "folder", target_is_directory=True)
    for name, link in (("leak.md", "leak.md"), ("linked/more.md", "linked")):
        result = kbdesk("publish", name, "--note", "x", "--library", str(root))
        assert result.returncode == 2, result.stdout
        assert "Traceback" not in result.stderr
        assert f"{link} is a symbolic link" in result.stderr
        assert "outside the library" not in result.stderr
    assert (outside / "secret.md").read_text("utf-8") == doc("庫外", body="\n機密。\n")
