"""The versioning commands of the ``kbdesk`` command line, end to end."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from dulwich import porcelain

from kbdesk.cli import main
from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.sync.sync import clone_library
from tests.clock import now_stamp
from tests.conftest import doc

TODAY = dt.date.today()
SOP = doc(
    "投訴處理流程",
    "procedure",
    "\n## 調查\n\n- 時限：24小時內\n\n查明事實。\n",
    id="sop",
    version=1,
    review_by="2020-01-01",
)


@pytest.fixture
def root(make_library) -> Path:
    path = make_library({"sop.md": SOP, "must.md": doc("必讀", id="must", ack_required="true")})
    LibraryRepo.init(path, author="初始 <init@example.com>", when=now_stamp()).close()
    return path


def cli(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main([args[0], "--library", str(root), *args[1:]])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_publish_history_diff_show_rollback(root: Path, capsys) -> None:
    path = root / "sop.md"
    path.write_text(SOP.replace("24小時", "48小時"), "utf-8")
    code, out, _ = cli(
        capsys,
        root,
        "publish",
        str(path),
        "--note",
        "時限延長",
        "--author",
        "王小明 <wang@example.com>",
    )
    assert code == 0 and "published sop.md v2" in out

    code, out, _ = cli(capsys, root, "history", "sop", "--json")
    rows = json.loads(out)
    assert [(r["version"], r["author"], r["note"]) for r in rows] == [
        (2, "王小明 <wang@example.com>", "時限延長"),
        (1, "初始 <init@example.com>", "Initial library"),
    ]
    assert all(dt.datetime.fromisoformat(r["date"]) for r in rows)
    code, out, _ = cli(capsys, root, "history", "sop")
    assert "v2" in out and "時限延長" in out

    code, out, _ = cli(capsys, root, "diff", "sop", "1", "2")
    assert code == 0 and "[-24-]" in out and "{+48+}" in out and "[-1-]" in out

    code, out, err = cli(capsys, root, "show", "sop", "--version", "1")
    assert "24小時" in out and "此版本已被取代，目前版本為 v2" in err
    code, out, err = cli(capsys, root, "show", "sop")
    assert "48小時" in out and "已被取代" not in err

    code, out, _ = cli(capsys, root, "rollback", "sop", "1", "--note", "客訴增加")
    assert code == 0 and "v3" in out
    assert "回復至 v1：客訴增加" in cli(capsys, root, "history", "sop")[1]
    assert "24小時" in path.read_text("utf-8")


def test_publish_without_note_or_with_a_broken_file_fails_clearly(root: Path, capsys) -> None:
    path = root / "sop.md"
    path.write_text(SOP.replace("24小時", "48小時"), "utf-8")
    with pytest.raises(SystemExit):
        main(["publish", str(path), "--library", str(root)])  # --note is required
    code, _, err = cli(capsys, root, "publish", str(path), "--note", " ")
    assert code == 2 and "'note'" in err
    path.write_text(SOP.replace("title: 投訴處理流程\n", ""), "utf-8")
    code, _, err = cli(capsys, root, "publish", str(path), "--note", "壞檔")
    assert code == 2 and "sop.md: field 'title' is required" in err
    code, _, err = cli(capsys, root, "publish", str(root / "nope.md"), "--note", "x")
    assert code == 2 and "no such file" in err


def test_show_and_search_as_of_a_day(root: Path, capsys) -> None:
    later = TODAY + dt.timedelta(days=5)
    text = SOP.replace("24小時", "48小時").replace("version: 1", f"version: 1\neffective: {later}")
    kb = KnowledgeBase(root)
    kb.publishing.publish("sop", text, "下週起改48小時")
    kb.close()
    code, out, err = cli(capsys, root, "show", "sop")
    assert "24小時" in out and f"v2 待生效 / pending until {later}" in err
    code, out, _ = cli(capsys, root, "show", "sop", "--as-of", later.isoformat())
    assert "48小時" in out
    code, _, err = cli(capsys, root, "show", "sop", "--as-of", "2000-01-01")
    assert code == 1 and "not in force on 2000-01-01" in err
    code, out, _ = cli(capsys, root, "search", "48小時", "--json", "--as-of", later.isoformat())
    assert [hit["doc_id"] for hit in json.loads(out)] == ["sop"]
    code, out, _ = cli(capsys, root, "search", "48小時", "--json")
    assert json.loads(out) == []
    with pytest.raises(SystemExit):
        main(["show", "sop", "--library", str(root), "--as-of", "昨天"])


def test_retire_and_check_stale(root: Path, capsys) -> None:
    code, out, _ = cli(capsys, root, "check", "--stale")
    assert code == 1 and "sop.md: review was due on 2020-01-01" in out
    code, out, _ = cli(capsys, root, "retire", "sop", "--note", "流程停用")
    assert code == 0 and "retired sop.md v2" in out
    code, out, _ = cli(capsys, root, "check", "--stale")
    assert code == 0 and "ok" in out
    code, out, err = cli(capsys, root, "show", "sop")
    assert "已停用" in err and "status: retired" in out


def test_acks_csv(root: Path, capsys) -> None:
    kb = KnowledgeBase(root)
    kb.receipts.acknowledge(kb.document("must"), "陳小華")
    code, out, _ = cli(capsys, root, "acks", "--csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["doc_id", "version", "agent", "workstation", "time", "title",
                       "account", "paper", "signed"]
    assert rows[1][:3] == ["must", "1", "陳小華"] and rows[1][3]
    assert rows[1][6] and rows[1][7] == ""  # the account that made it; not on paper
    assert rows[1][8] == "yes"
    code, out, _ = cli(capsys, root, "acks")
    assert code == 0
    assert "陳小華" in out and "must v1" in out and "unsigned" not in out


def test_sync_command_online_and_offline(root: Path, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "missing.git"
    code, _, err = cli(capsys, root, "sync", "--remote", str(missing))
    assert code == 2 and "offline" not in err
    assert f"no shared library at {missing} (create one with `kbdesk init-remote {missing}`)" in err
    code, _, err = cli(capsys, root, "sync", "--remote", "http://127.0.0.1:9/kb.git")
    assert code == 3 and "offline" in err and "last synced: never" in err
    bare = tmp_path / "kb.git"
    bare.mkdir()
    porcelain.init(str(bare), bare=True).close()
    code, out, _ = cli(capsys, root, "sync", "--remote", str(bare))
    assert code == 0 and "pushed" in out
    code, out, _ = cli(capsys, root, "sync")
    assert code == 0 and "up-to-date" in out


def test_publish_sends_the_new_version_to_the_remote(root: Path, tmp_path: Path, capsys) -> None:
    bare = tmp_path / "shared.git"
    bare.mkdir()
    porcelain.init(str(bare), bare=True).close()
    assert cli(capsys, root, "sync", "--remote", str(bare))[0] == 0
    path = root / "sop.md"
    path.write_text(SOP.replace("24小時", "12小時"), "utf-8")
    code, out, err = cli(capsys, root, "publish", str(path), "--note", "縮短", "--author", "王")
    assert code == 0 and f"sent to {bare}" in out, err
    clone = tmp_path / "clone"
    clone_library(str(bare), clone, clock=SYSTEM_CLOCK)
    assert "12小時" in (clone / "sop.md").read_text("utf-8")


def test_publish_with_an_unreachable_remote_is_kept_here_and_says_so(
    root: Path, tmp_path: Path, capsys
) -> None:
    bare = tmp_path / "shared.git"
    bare.mkdir()
    porcelain.init(str(bare), bare=True).close()
    assert cli(capsys, root, "sync", "--remote", str(bare))[0] == 0
    bare.rename(tmp_path / "moved.git")  # the file share is gone
    path = root / "sop.md"
    path.write_text(SOP.replace("24小時", "12小時"), "utf-8")
    code, out, err = cli(capsys, root, "publish", str(path), "--note", "縮短", "--author", "王")
    assert code == 0 and "published sop.md v2" in out
    assert "not sent to" in err
    assert cli(capsys, root, "history", "sop")[1].count("縮短") == 1


def test_publish_with_an_effective_date_then_rollback_clears_pending(
    root: Path, capsys
) -> None:
    later = dt.date.today() + dt.timedelta(days=7)
    path = root / "sop.md"
    path.write_text(SOP.replace("24小時", "48小時"), "utf-8")
    code, out, _ = cli(capsys, root, "publish", str(path), "--note", "下週起48小時",
                       "--effective", later.isoformat(), "--author", "王")
    assert code == 0 and f"in force from {later.isoformat()} (pending" in out
    assert f"effective: {later.isoformat()}" in path.read_text("utf-8")
    code, out, err = cli(capsys, root, "show", "sop")
    assert "24小時" in out and f"v2 待生效 / pending until {later.isoformat()}" in err
    code, out, _ = cli(capsys, root, "rollback", "sop", "1", "--note", "維持24小時")
    assert code == 0 and f"in force from {dt.date.today().isoformat()}" in out
    code, out, err = cli(capsys, root, "show", "sop")
    assert "24小時" in out and "pending" not in err
    with pytest.raises(SystemExit) as exited:
        cli(capsys, root, "publish", str(path), "--note", "x", "--effective", "明天")
    assert exited.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
