"""A team on one shared library: three workstations (three data folders, three clones), one bare
remote made with ``init-remote`` and served over HTTP by dulwich; receipts, flags and failed
searches travel on refs of their own, never in the library's history."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from dulwich.objects import Commit, Tree
from dulwich.repo import Repo

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.reading.receipts import ReceiptBook
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.team.board import Team
from kbdesk.core.team.exchange import IDENTITY, RECORDS_FILE
from kbdesk.core.team.records import ref_part
from kbdesk.core.workstation.userstate import log_no_results
from tests.clock import now_stamp
from tests.remotes import HttpRemote
from tests.workstations import FILES, Workstation


@pytest.fixture
def team(tmp_path: Path, make_library, monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> Iterator[tuple[Workstation, ...]]:
    editor = Workstation(tmp_path, "editor-desk", "林主管", monkeypatch, capsys, role="editor")
    one = Workstation(tmp_path, "desk-1", "陳小華", monkeypatch, capsys)
    two = Workstation(tmp_path, "desk 2", "王大明", monkeypatch, capsys)
    source = make_library(FILES)
    LibraryRepo.init(source, author="編輯 <ed@example.com>", when=now_stamp()).close()
    out = editor.ok("workstation-key", "--enrol", "--library", str(source))
    assert "listed this workstation (editor-desk) as an editor's" in out
    bare = tmp_path / "share" / "team.git"
    out = editor.ok("init-remote", str(bare), "--library", str(source))
    assert f"kbdesk clone {bare}" in out
    http = HttpRemote(bare)
    http.start()
    editor.ok("clone", str(bare), str(tmp_path / "editor-library"))
    one.ok("clone", str(bare))
    two.ok("clone", http.url)  # the second agent joins over HTTP
    editor.http = http  # type: ignore[attr-defined]
    editor.bare = bare  # type: ignore[attr-defined]
    try:
        yield editor, one, two
    finally:
        http.stop()


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_three_workstations_share_receipts_flags_and_gaps(team: tuple[Workstation, ...]) -> None:
    editor, one, two = team
    http: HttpRemote = editor.http  # type: ignore[attr-defined]
    bare: Path = editor.bare  # type: ignore[attr-defined]
    for ws in (editor, one, two):
        assert (ws.library() / "refund-rule.md").is_file()
        assert ws.ok("acks", "--missing", "refund-rule").strip() == ""
    # both agents read v1 and sync: the team now knows them
    for ws in (one, two):
        ws.ok("ack", "refund-rule")
        assert "sync: up-to-date" in ws.ok("sync")
    # the editor publishes an ack_required change; publishing sends it at once
    rule = editor.library() / "refund-rule.md"
    rule.write_text(rule.read_text("utf-8").replace("24小時", "48小時"), "utf-8")
    out = editor.ok("publish", str(rule), "--note", "時限改48小時", "--author", "林主管")
    assert "published refund-rule.md v2" in out and "sent to" in out
    for ws in (one, two):
        assert "1 file(s) updated" in ws.ok("sync")
    one.ok("ack", "refund-rule")
    one.ok("sync")
    editor.ok("sync")
    assert editor.ok("acks", "--missing", "refund-rule").split() == ["王大明"]
    rows = csv_rows(editor.ok("acks", "--csv"))
    assert {(r["agent"], r["version"], r["workstation"]) for r in rows} == {
        ("陳小華", "1", "desk-1"), ("王大明", "1", "desk 2"), ("陳小華", "2", "desk-1")}
    assert all(r["doc_id"] == "refund-rule" and r["time"] for r in rows)

    # offline: desk 2's receipt is queued and goes with the next sync
    http.stop()
    two.ok("ack", "refund-rule")
    code, _, err = two.run("sync")
    assert code == 3 and "offline" in err
    editor.ok("sync")
    assert editor.ok("acks", "--missing", "refund-rule").split() == ["王大明"]
    http.start()
    two.ok("sync")
    editor.ok("sync")
    assert editor.ok("acks", "--missing", "refund-rule").strip() == ""
    assert ("王大明", "2", "desk 2") in {
        (r["agent"], r["version"], r["workstation"]) for r in csv_rows(editor.ok("acks", "--csv"))}

    # flags: an agent flags a section; the editor sees it with the version seen and clears it
    out = one.ok("flag", "refund-rule#時限", "--kind", "unclear", "--comment", "48小時從何時起算？")
    flag_id = out.split("(flag ")[1].rstrip(")\n")
    one.ok("sync")
    editor.ok("sync")
    listed = editor.ok("flags")
    assert flag_id in listed and "refund-rule#時限 v2" in listed and "unclear" in listed
    assert "陳小華@desk-1" in listed and "48小時從何時起算？" in listed
    # an agent's workstation may not clear the team's flag, with or without --agent
    code, _, err = one.run("flags", "--clear", flag_id, "--agent", "林主管")
    assert code == 2 and "--agent does not apply to --clear" in err
    code, _, err = one.run("flags", "--clear", flag_id)
    assert code == 2 and "clearing flags needs the role editor" in err
    assert flag_id in one.ok("flags")
    editor.ok("flags", "--clear", flag_id)
    editor.ok("sync")
    one.ok("sync")
    assert flag_id not in one.ok("flags")

    # failed searches of every workstation, most frequent first; desk 2 keeps its log private
    one.monkeypatch.setenv("KBDESK_DATA_DIR", str(one.data))
    for query in ("電子發票", "電子發票", "外送延誤"):
        log_no_results(query, clock=SYSTEM_CLOCK)
    log_no_results("外送 延誤 賠償", match="partial", clock=SYSTEM_CLOCK)  # found only some of the words
    two.monkeypatch.setenv("KBDESK_DATA_DIR", str(two.data))
    log_no_results("電子发票", clock=SYSTEM_CLOCK)  # the same gap, typed in Simplified Chinese
    settings = json.loads((two.data / "settings.json").read_text("utf-8"))
    (two.data / "settings.json").write_text(json.dumps({**settings, "share_search_log": False}))
    log_no_results("私人查詢", clock=SYSTEM_CLOCK)
    for ws in (one, two, editor):
        ws.ok("sync")
    report = json.loads(editor.ok("report", "no-results", "--all", "--json"))
    assert [(r["query"], r["count"], r["partial"], r["workstations"]) for r in report] == [
        ("電子發票", 2, 0, 1), ("外送 延誤 賠償", 1, 1, 1), ("外送延誤", 1, 0, 1)]

    # the library's own history holds no team records; each workstation has refs of its own
    with Repo(str(bare)) as shared:
        refs = shared.get_refs()
        assert {b"refs/kbdesk/receipts/desk-1", b"refs/kbdesk/receipts/" +
                ref_part("desk 2").encode(), b"refs/kbdesk/flags/desk-1",
                b"refs/kbdesk/flags/editor-desk", b"refs/kbdesk/searchlog/desk-1"} <= set(refs)
        assert b"refs/kbdesk/searchlog/" + ref_part("desk 2").encode() not in refs
        team_commits = set()
        for name, sha in refs.items():
            if name.startswith(b"refs/kbdesk/"):
                for entry in shared.get_walker(include=[sha]):
                    team_commits.add(entry.commit.id)
                    # privacy: no login name or e-mail in the records' commits
                    assert entry.commit.author == entry.commit.committer == IDENTITY
        for entry in shared.get_walker(include=[refs[b"refs/heads/main"]]):
            assert entry.commit.id not in team_commits
            tree = shared[entry.commit.tree]
            assert isinstance(tree, Tree) and RECORDS_FILE not in tree
        # append-only: every receipts ref grew commit by commit, each a superset of its parent
        for sha in (refs[b"refs/kbdesk/receipts/desk-1"],):
            commit = shared[sha]
            assert isinstance(commit, Commit) and commit.parents
            lines = set(_lines(shared, commit))
            assert set(_lines(shared, shared[commit.parents[0]])) < lines


def _lines(repo: Repo, commit: object) -> list[bytes]:
    assert isinstance(commit, Commit)
    tree = repo[commit.tree]
    assert isinstance(tree, Tree)
    blob = repo[tree[RECORDS_FILE][1]]
    return blob.as_raw_string().splitlines()  # type: ignore[attr-defined]


def test_an_unrelated_library_is_refused_and_neither_side_changes(
    team: tuple[Workstation, ...], tmp_path: Path
) -> None:
    editor, one, _two = team
    bare: Path = editor.bare  # type: ignore[attr-defined]
    demo = Workstation(tmp_path, "new-desk", "新人", one.monkeypatch, one.capsys)
    demo_library = demo.data / "library"
    code, _, _ = demo.run("index")  # installs the demo library, as a fresh install does
    assert code == 0 and (demo_library / ".git").exists()
    with Repo(str(bare)) as shared:
        before = shared.get_refs()
    head = LibraryRepo(demo_library).head()
    code, _, err = demo.run("sync", "--remote", str(bare))
    assert code == 2 and "different library" in err and f"kbdesk clone {bare}" in err
    assert LibraryRepo(demo_library).head() == head
    with Repo(str(bare)) as shared:
        assert shared.get_refs() == before


def test_missing_remote_folder_and_clone_into_a_busy_folder(tmp_path: Path, monkeypatch,
                                                            capsys) -> None:
    ws = Workstation(tmp_path, "desk", "甲", monkeypatch, capsys)
    missing = tmp_path / "nowhere" / "kb.git"
    code, _, err = ws.run("clone", str(missing))
    assert code == 2
    assert f"no shared library at {missing} (create one with `kbdesk init-remote {missing}`)" in err
    assert "library_dir" not in (ws.data / "settings.json").read_text("utf-8")
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("x")
    code, _, err = ws.run("init-remote", str(busy))
    assert code == 2 and "not empty" in err and (busy / "keep.txt").read_text() == "x"


def test_ack_without_a_roster_names_the_account_and_paper_needs_a_supervisor(
        tmp_path: Path, make_library, monkeypatch, capsys) -> None:
    root = make_library(FILES)
    ws = Workstation(tmp_path, "desk", "", monkeypatch, capsys, account="zhao6")
    code, _, err = ws.run("ack", "refund-rule", "--library", str(root), "--agent", "趙六")
    assert code == 2 and "needs the role supervisor" in err and "(zhao6) are an agent" in err
    out = ws.ok("ack", "refund-rule", "--library", str(root))
    assert "zhao6 has read refund-rule v1" in out  # no name set: the account
    boss = Workstation(tmp_path, "boss", "主任", monkeypatch, capsys, role="supervisor",
                       account="boss")
    out = boss.ok("ack", "refund-rule", "--library", str(root), "--agent", "趙六")
    assert "趙六 has read refund-rule v1" in out and "紙本/paper, recorded by boss" in out
    rows = csv_rows(boss.ok("acks", "--csv", "--library", str(root)))
    assert [(r["agent"], r["workstation"], r["account"], r["paper"]) for r in rows] == [
        ("趙六", "boss", "boss", "紙本/paper")]
    assert "紙本/paper (boss)" in boss.ok("acks", "--library", str(root))


def test_odd_refs_offered_by_a_remote_are_ignored_and_damaged_lines_skipped(
        tmp_path: Path, make_library, monkeypatch, capsys) -> None:
    from dulwich.objects import Blob

    from kbdesk.core.team.exchange import _commit_records, is_team_ref

    assert is_team_ref(b"refs/kbdesk/receipts/desk-1")
    for bad in (b"refs/kbdesk/receipts/a/b", b"refs/kbdesk/other/desk", b"refs/kbdesk/flags/",
                b"refs/kbdesk/flags/a..b", b"refs/heads/kbdesk/receipts/x"):
        assert not is_team_ref(bad), bad
    editor = Workstation(tmp_path, "editor-desk", "林主管", monkeypatch, capsys, role="editor")
    source = make_library(FILES)
    LibraryRepo.init(source, when=now_stamp()).close()
    bare = tmp_path / "team.git"
    editor.ok("init-remote", str(bare), "--library", str(source))
    with Repo(str(bare)) as shared:  # another workstation's ref, half of it damaged, and junk
        good = '{"agent": "甲", "doc_id": "refund-rule", "time": "t", "version": 1, ' \
               '"workstation": "desk-9"}'
        sha = _commit_records(shared, [good, "{not json", "[1, 2]"], [], "desk-9",
                              when=1_781_488_800)
        shared.refs[b"refs/kbdesk/receipts/desk-9"] = sha
        blob = Blob.from_string(b"not a commit")
        shared.object_store.add_object(blob)
        shared.refs[b"refs/kbdesk/receipts/desk-8"] = blob.id
        shared.refs[b"refs/kbdesk/junk/desk-7"] = sha
    editor.ok("sync", "--library", str(source))
    rows = csv_rows(editor.ok("acks", "--csv", "--library", str(source)))
    assert [(r["agent"], r["workstation"], r["signed"]) for r in rows] == [("甲", "desk-9", "no")]
    # a line from before signing is read, marked unsigned; the damaged lines are reported
    code, out, err = editor.run("acks", "--library", str(source))
    assert code == 0 and "甲@desk-9" in out and "未簽署/unsigned" in out
    assert "warning: team records: receipts of desk-9: 2 record(s) that do not verify" in err
    assert "FAIL  team records: receipts of desk-9: 2 record(s)" in editor.run(
        "doctor", "--library", str(source))[1]
    with Repo(str(source)) as local:
        names = set(local.get_refs())
    assert b"refs/kbdesk/receipts/desk-9" in names
    assert b"refs/kbdesk/receipts/desk-8" not in names and b"refs/kbdesk/junk/desk-7" not in names


def test_only_an_editor_lists_a_workstation_as_an_editors_and_only_once(
        tmp_path: Path, make_library, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    agent = Workstation(tmp_path, "desk-1", "陳小華", monkeypatch, capsys)
    editor = Workstation(tmp_path, "editor-desk", "林主管", monkeypatch, capsys, role="editor")
    source = make_library(FILES)
    LibraryRepo.init(source, author="編輯 <ed@example.com>", when=now_stamp()).close()
    code, _, err = agent.run("workstation-key", "--enrol", "--library", str(source))
    assert code == 2 and "listing an editor's workstation needs the role editor" in err
    assert not (source / ".kbdesk" / "editor_workstations").exists()
    editor.ok("workstation-key", "--enrol", "--library", str(source))
    with LibraryRepo(source) as repo:  # committed: it travels with the library
        listed = repo.read_text(repo.head(), ".kbdesk/editor_workstations")
    monkeypatch.setenv("KBDESK_DATA_DIR", str(editor.data))
    line = Team(source, ReceiptBook(source, SYSTEM_CLOCK), clock=SYSTEM_CLOCK).key_line()
    assert listed == line + "\n"
    assert (source / ".kbdesk" / "editor_workstations").read_text("utf-8") == listed
    code, _, err = editor.run("workstation-key", "--enrol", "--library", str(source))
    assert code == 2 and "already listed" in err
