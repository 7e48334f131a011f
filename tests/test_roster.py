"""The team's roster (team.yaml), roles and who may do what, attributable receipts, who has not
read a required version and by how many days, and records from peers kept as data (CSV cells
neutralised, control characters stripped)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core.errors import KbError
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.team.roles import NotAllowed, decide_role, may, refusal
from kbdesk.core.team.roster import parse_roster
from kbdesk.core.text.safe import csv_cell, strip_controls, write_csv
from kbdesk.core.workstation.site import SiteSettings
from tests.clock import now_stamp
from tests.conftest import doc

TEAM = """\
groups: [一線客服, 主管, 品質組]
read_within: 5
people:
  - name: 陳小華
    accounts: [chen, CORP-chen]
    role: agent
    groups: [一線客服]
  - name: 王大明
    account: wang
    groups: [一線客服, 品質組]
  - name: 林主任
    account: lin
    role: supervisor
    groups: [主管]
  - name: 編輯甲
    account: ed
    role: editor
"""

MUST = doc("退款規範", id="must", ack_required="[一線客服]", read_within=3,
           effective="2026-06-01", body="\n退款須在24小時內處理。\n")
ALL = doc("資安守則", id="all", ack_required="true", effective="2026-06-01",
          body="\n不得外洩。\n")


LATE = doc("舊規範", id="late", ack_required="[品質組]", read_within=1,
           effective="2026-05-01", body="\n舊。\n")


def as_account(monkeypatch: pytest.MonkeyPatch, account: str) -> None:
    """Run as the OS account ``account`` (getpass.getuser() reads LOGNAME first)."""
    monkeypatch.setenv("LOGNAME", account)


@pytest.fixture
def team_kb(make_library, monkeypatch: pytest.MonkeyPatch):
    root = make_library({"team.yaml": TEAM, "must.md": MUST, "all.md": ALL, "late.md": LATE})
    LibraryRepo.init(root, author="編輯 <ed@example.com>", when=now_stamp()).close()
    kb = KnowledgeBase(root)
    kb.set_clock(lambda: dt.date(2026, 6, 10))
    as_account(monkeypatch, "chen")
    yield kb
    kb.close()


# -- team.yaml --------------------------------------------------------------------------------


def test_roster_reads_people_accounts_roles_and_groups() -> None:
    roster = parse_roster(TEAM)
    assert roster.problems == ()
    assert roster.groups == ("一線客服", "主管", "品質組") and roster.read_within == 5
    chen = roster.by_account("CHEN")  # accounts compare without letter case
    assert chen is not None and chen.name == "陳小華" and chen.accounts == ("chen", "CORP-chen")
    assert roster.by_account("corp-chen") is chen and chen.line == 4
    wang = roster.find("王大明")
    assert wang is not None and wang.role == "agent"  # no role: an agent
    assert [p.name for p in roster.members(["一線客服"])] == ["陳小華", "王大明"]
    assert [p.name for p in roster.members(["supervisor", "品質組"])] == ["王大明", "林主任"]
    assert len(roster.members(())) == 4


def test_roster_problems_name_the_file_line_and_field() -> None:
    text = """\
groups: [一線客服]
read_within: soon
colour: blue
people:
  - name: 甲
    account: a
    groups: [一線客戶]
  - name: 乙
    role: agent
  - name: 丙
    account: A
  - name: 丁
    account: d
    role: boss
  - just a name
"""
    roster = parse_roster(text)
    found = {(p.line, p.field): p.message for p in roster.problems}
    assert "must be a whole number of days" in found[(2, "read_within")]
    assert "'colour' is not a field of team.yaml" in found[(3, "colour")]
    assert "'一線客戶' is not a group of the team" in found[(7, "groups")]
    assert "field 'accounts' is required" in found[(8, "accounts")]
    assert "account 'A' is also 甲's (line 5)" in found[(11, "account")]
    assert "'boss' is not one of agent, supervisor, editor" in found[(14, "role")]
    assert "person 5 must be a mapping" in found[(15, "people")]
    assert all(p.path == "team.yaml" for p in roster.problems)
    # the people without a problem are kept; 甲 without the unknown group
    assert [(p.name, p.groups) for p in roster.people] == [("甲", ())]
    assert roster.read_within is None


@pytest.mark.parametrize("text, expected", [
    ("- a\n- b\n", "must be a mapping"),
    ("people: [\n", "not valid YAML"),
    ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcde", "bcdef", strict=True)), "alias bomb"),
])
def test_a_roster_that_cannot_be_read_is_a_problem_not_a_crash(text: str, expected: str) -> None:
    roster = parse_roster(text)
    assert roster.people == () and expected in str(roster.problems[0])


def test_check_reports_team_yaml_and_unknown_ack_groups(make_library, capsys) -> None:
    bad = TEAM.replace("groups: [一線客服]\n", "groups: [夜班]\n").replace("account: wang",
                                                                       "account: chen")
    root = make_library({"team.yaml": bad, "must.md": MUST,
                         "odd.md": doc("奇怪", id="odd", ack_required="[夜班組, editor]")})
    code = main(["check", "--library", str(root)])
    out = capsys.readouterr().out
    assert code == 1
    assert "team.yaml:7: person 1 (陳小華): field 'groups': '夜班' is not a group" in out
    assert "team.yaml:9: person 2 (王大明): account 'chen' is also 陳小華's (line 4)" in out
    assert "odd.md: field 'ack_required': '夜班組' is not a group or role of team.yaml" in out
    assert "must.md" not in out


def test_a_document_with_a_bad_read_within_is_reported(make_library) -> None:
    root = make_library({"a.md": doc("甲", ack_required="true", read_within="two weeks")})
    problems = KnowledgeBase(root).library_rules.check()
    assert any(p.field == "read_within" and p.line == 5 and "whole number of days" in p.message
               for p in problems)


# -- roles ------------------------------------------------------------------------------------


def test_the_role_comes_from_the_roster_then_the_site_then_the_local_setting(tmp_path) -> None:
    roster = parse_roster(TEAM)
    trusted = SiteSettings(tmp_path / "site.yaml", defaults={"role": "editor"}, trusted=True)
    untrusted = SiteSettings(tmp_path / "site.yaml", defaults={"role": "editor"})
    assert decide_role("ED", roster, None, "agent").role == "editor"
    assert decide_role("chen", roster, trusted, "editor").role == "agent"  # roster first
    stranger = decide_role("nobody", roster, None, "editor")
    assert (stranger.role, stranger.source) == ("agent", "not-listed")  # local never counts
    assert decide_role("nobody", roster, trusted, "agent").role == "editor"
    assert decide_role("nobody", None, untrusted, "editor").role == "agent"
    assert decide_role("nobody", None, untrusted, "supervisor").role == "supervisor"
    assert decide_role("nobody", None, SiteSettings(tmp_path / "site.yaml", trusted=True,
                                                    defaults={"ui_language": "en"}),
                       "editor").role == "editor"  # the site file says nothing of roles
    assert decide_role("nobody", None, SiteSettings(), "editor").role == "editor"
    assert decide_role("nobody", None, SiteSettings(), "supervisor").role == "supervisor"
    assert decide_role("nobody", None, SiteSettings(), "root").role == "agent"


def test_may_do_an_action_names_the_role_needed() -> None:
    roster = parse_roster(TEAM)
    agent, supervisor, editor = (decide_role(a, roster, None) for a in ("chen", "lin", "ed"))
    for action in ("publish", "rollback", "retire", "import_publish", "accept_suggestion",
                   "clear_flags", "edit_team"):
        assert may(editor, action) and not may(agent, action) and not may(supervisor, action)
    message = refusal(agent, "publish")
    assert message is not None and "publishing needs the role editor" in message
    assert "(chen) are an agent in team.yaml" in message
    assert may(supervisor, "paper_ack") and not may(agent, "paper_ack")
    assert not may(editor, "paper_ack")
    # a library without a roster: publishing as before, but clearing flags needs an editor
    local = decide_role("me", None, SiteSettings(), "agent")
    assert may(local, "publish") and not may(local, "clear_flags")
    with pytest.raises(ValueError):
        may(local, "format_disk")


def test_a_non_editor_cannot_publish_roll_back_retire_or_import(team_kb, monkeypatch,
                                                                 tmp_path) -> None:
    kb = team_kb
    text = (kb.root / "must.md").read_text("utf-8").replace("24", "48")
    with pytest.raises(NotAllowed, match="publishing needs the role editor"):
        kb.publishing.publish("must", text, "時限改48小時")
    with pytest.raises(NotAllowed, match="rolling back"):
        kb.publishing.rollback("must", 1, "退回")
    with pytest.raises(NotAllowed, match="retiring"):
        kb.publishing.retire("must", "停用")
    source = tmp_path / "sop.md"
    source.write_text("# 新流程\n\n## 一\n\n步驟。\n", "utf-8")
    plan = kb.imports.plan_import([source])
    with pytest.raises(NotAllowed, match="importing with publish"):
        kb.imports.import_files(plan, publish=True, note="匯入")
    assert kb.versions.history("must")[0].version == 1  # nothing was published
    as_account(monkeypatch, "ed")
    assert kb.publishing.publish("must", text, "時限改48小時").version == 2


def test_a_local_editor_setting_does_not_make_an_editor_where_there_is_a_roster(
        team_kb, monkeypatch) -> None:
    kb = team_kb
    settings = kb.team.settings
    settings.set("role", "editor")
    settings.save()
    as_account(monkeypatch, "somebody")
    with pytest.raises(NotAllowed, match=r"not listed in the library's team\.yaml"):
        kb.publishing.retire("must", "停用")


def test_the_roster_in_force_is_the_published_one(team_kb, monkeypatch) -> None:
    kb = team_kb
    # an agent makes themselves an editor in the working file: nothing changes
    (kb.root / "team.yaml").write_text(TEAM.replace("role: agent", "role: editor"), "utf-8")
    assert kb.team.role().role == "agent"
    with pytest.raises(NotAllowed, match=r"publishing a change to team\.yaml"):
        kb.team.publish_roster("我也要當編輯")
    as_account(monkeypatch, "ed")
    with pytest.raises(KbError, match="must keep your account"):
        (kb.root / "team.yaml").write_text(TEAM.replace("role: editor", "role: agent"),
                                           "utf-8")
        kb.team.publish_roster("交接")
    (kb.root / "team.yaml").write_text(TEAM + "  - name: 新人\n", "utf-8")
    with pytest.raises(KbError, match="field 'accounts' is required"):
        kb.team.publish_roster("新人")
    with pytest.raises(KbError, match="change note"):
        kb.team.publish_roster(" ")
    (kb.root / "team.yaml").write_text(TEAM.replace("role: agent", "role: supervisor"), "utf-8")
    kb.team.publish_roster("陳小華升任主管")
    as_account(monkeypatch, "chen")
    assert kb.team.role().role == "supervisor"


# -- attributable receipts and who has not read ---------------------------------------------


def test_missing_lists_every_member_in_the_target_with_days_overdue(team_kb, monkeypatch
                                                                    ) -> None:
    kb = team_kb
    must, every = kb.document("must"), kb.document("all")
    status = kb.team.ack_status(must)
    assert status.roster and status.due == dt.date(2026, 6, 4)  # effective + read_within 3
    assert [(m.name, m.account, m.overdue) for m in status.missing] == [
        ("王大明", "wang", 6), ("陳小華", "chen", 6)]
    receipt = kb.team.acknowledge(must)  # as chen
    assert (receipt.agent, receipt.account, receipt.paper) == ("陳小華", "chen", False)
    # receipts that count for nobody: an account not on the roster, one from before accounts
    kb.receipts.acknowledge(must, "王大明", account="stranger")
    kb.receipts.acknowledge(must, "王大明", account="")
    # an agent's record claiming a paper acknowledgement does not count either
    kb.receipts.acknowledge(must, "王大明", account="chen", paper=True, person="wang")
    status = kb.team.ack_status(must)
    assert list(status.read) == ["陳小華"] and status.not_read == ["王大明"]
    assert status.missing[0].groups == ("一線客服", "品質組")
    # everyone must read `all` (true); the roster's read_within (5) applies
    status = kb.team.ack_status(every)
    assert status.due == dt.date(2026, 6, 6) and len(status.missing) == 4
    assert {m.overdue for m in status.missing} == {4}
    # later, by the library's clock
    kb.set_clock(lambda: dt.date(2026, 6, 20))
    assert kb.team.ack_status(must).missing[0].overdue == 16


def test_paper_acknowledgement_only_by_a_supervisor(team_kb, monkeypatch) -> None:
    kb = team_kb
    must = kb.document("must")
    with pytest.raises(NotAllowed, match="needs the role supervisor"):
        kb.team.acknowledge(must, on_behalf="王大明")
    as_account(monkeypatch, "lin")
    with pytest.raises(KbError, match=r"nobody in team\.yaml"):
        kb.team.acknowledge(must, on_behalf="王小明")
    receipt = kb.team.acknowledge(must, on_behalf="wang")
    assert (receipt.agent, receipt.account, receipt.paper, receipt.person) == (
        "王大明", "lin", True, "wang")
    status = kb.team.ack_status(must)
    assert status.read.keys() == {"王大明"} and status.paper == {"王大明"}
    rows = list(csv.DictReader(io.StringIO(kb.team.acks_csv())))
    assert [(r["agent"], r["account"], r["paper"]) for r in rows] == [
        ("王大明", "lin", "紙本/paper")]
    table = kb.reading.ack_table()
    assert "王大明,紙本/paper" in kb.team.ack_table_csv(table)


def test_old_receipts_without_an_account_still_read(team_kb) -> None:
    kb = team_kb
    line = {"doc_id": "must", "version": 1, "time": "2026-06-02T09:00:00+08:00",
            "agent": "陳小華", "title": "退款規範", "workstation": "old-desk"}
    kb.receipts.receipts_file.parent.mkdir(parents=True, exist_ok=True)
    kb.receipts.receipts_file.write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    [receipt] = kb.receipts.receipts()
    assert (receipt.account, receipt.paper) == ("", False)
    # shared unchanged: the same line as before accounts were recorded
    assert kb.team.own_records("receipts") == [line]
    assert kb.team.receipts_all()[0].agent == "陳小華"


def test_supervisor_view_per_group_sorted_by_overdue_and_csv(team_kb, monkeypatch) -> None:
    kb = team_kb
    kb.team.acknowledge(kb.document("all"))
    table = kb.reading.ack_table()
    groups = kb.team.missing_by_group(table)
    # 王大明 is in 一線客服 and 品質組: his overdue documents show in both groups
    assert list(groups) == ["一線客服", "品質組", "主管", ""]
    assert [(r.name, r.doc_id, r.overdue) for r in groups["一線客服"]] == [
        ("王大明", "late", 39), ("王大明", "must", 6), ("陳小華", "must", 6),
        ("王大明", "all", 4)]
    assert [(r.name, r.doc_id, r.overdue) for r in groups["品質組"]] == [
        ("王大明", "late", 39), ("王大明", "must", 6), ("王大明", "all", 4)]
    assert [r.name for r in groups["主管"]] == ["林主任"]
    assert [r.name for r in groups[""]] == ["編輯甲"]
    rows = list(csv.DictReader(io.StringIO(kb.team.missing_csv(table))))
    assert rows[0] == {"group": "一線客服", "name": "王大明", "account": "wang", "role": "agent",
                       "doc_id": "late", "version": "1", "title": "舊規範",
                       "due": "2026-05-02", "days_overdue": "39"}


def test_an_agents_own_overdue_acknowledgements_come_first(team_kb, monkeypatch) -> None:
    kb = team_kb
    mine = kb.team.my_overdue(list(kb.versions.in_force_on().values()))
    assert [(d.id, m.overdue) for d, m in mine] == [("must", 6), ("all", 4)]
    page = kb.reading.start_page("", [])
    assert [(i.doc_id, i.overdue) for i in page.to_acknowledge] == [("must", 6), ("all", 4)]
    kb.team.acknowledge(kb.document("must"))
    assert [i.doc_id for i in kb.reading.start_page("", []).to_acknowledge] == ["all"]
    as_account(monkeypatch, "lin")  # must names 一線客服 only: not the supervisor's
    assert [i.doc_id for i in kb.reading.start_page("", []).to_acknowledge] == ["all"]


def test_acks_missing_on_the_command_line(team_kb, monkeypatch, capsys) -> None:
    root = str(team_kb.root)
    assert main(["acks", "--missing", "must", "--library", root]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("王大明  (wang)  [一線客服, 品質組]  逾期 ")
    assert "day(s) overdue (due 2026-06-04)" in lines[0]
    assert "0 read, 2 not read (of 2 people in team.yaml who must read it)" in err
    assert main(["ack", "must", "--library", root, "--agent", "王大明"]) == 2
    assert "needs the role supervisor" in capsys.readouterr().err
    assert main(["publish", str(team_kb.root / "must.md"), "--note", "x", "--library",
                 root]) == 2
    assert "publishing needs the role editor" in capsys.readouterr().err


# -- records from peers are data --------------------------------------------------------------


@pytest.mark.parametrize("value", ["=cmd|' /C calc'!A0", "@SUM(A1:A2)", "+1+1", "-2",
                                   "=HYPERLINK(\"http://x\")", "\t=1", "\r=1"])
def test_formula_cells_are_neutralised(value: str) -> None:
    cell = csv_cell(value)
    assert cell.startswith("'") and "\r" not in cell


def test_controls_are_stripped_and_plain_text_kept() -> None:
    osc52 = "\x1b]52;c;ZWNobyBoaQ==\x07"
    assert strip_controls(f"好{osc52}的\x9b31m\x9d0;t\x07") == "好]52;c;ZWNobyBoaQ==的31m0;t"
    assert "\x1b" not in strip_controls(osc52)
    assert strip_controls("行一\r\n行二\t完") == "行一\n行二\t完"
    assert csv_cell("陳小華") == "陳小華" and csv_cell(3) == "3" and csv_cell(None) == ""
    assert csv_cell("\x1b=1") == "'=1"  # a formula hidden behind a control character
    text = write_csv(("a", "b"), [["=1+1", "正常"]])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["'=1+1", "正常"]]


def test_hostile_names_and_comments_are_data_in_acks_flags_and_csv(
        make_library, monkeypatch, capsys, tmp_path: Path) -> None:
    root = make_library({"must.md": MUST.replace("[一線客服]", "true")})
    kb = KnowledgeBase(root)
    must = kb.document("must")
    kb.receipts.acknowledge(must, "=cmd|' /C calc'!A0\x1b]52;c;aGk=\x07", account="@SUM(1)")
    kb.team.flags.flag("must", 1, "unclear", "看不懂\x1b]52;c;cm0gLXJmIH4=\x07\x9b2J", "+1+1")
    kb.close()
    assert main(["acks", "--csv", "--library", str(root)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["agent"].startswith("'=cmd|") and row["account"] == "'@SUM(1)"
    for command in (["acks"], ["flags"], ["acks", "--missing", "must"]):
        assert main([*command, "--library", str(root)]) == 0
        printed = capsys.readouterr()
        for text in (printed.out, printed.err):
            assert not any(ch in text for ch in "\x1b\x07\x9b"), command
    assert main(["flags", "--library", str(root)]) == 0
    assert "看不懂]52;c;cm0gLXJmIH4=2J" in capsys.readouterr().out


def test_only_an_editor_clears_a_flag(team_kb, monkeypatch) -> None:
    kb = team_kb
    flag = kb.team.flags.flag("must", 1, "outdated", "電話已換", "陳小華")
    with pytest.raises(NotAllowed, match="clearing flags needs the role editor"):
        kb.team.clear_flag(flag.id)
    as_account(monkeypatch, "lin")
    with pytest.raises(NotAllowed, match="are a supervisor in team"):
        kb.team.clear_flag(flag.id)
    assert [f.id for f in kb.team.open_flags()] == [flag.id]
    as_account(monkeypatch, "ed")
    with pytest.raises(KbError, match="only an editor's workstation clears flags"):
        kb.team.clear_flag(flag.id)  # an editor, but on a workstation not listed as an editor's
    (kb.root / ".kbdesk").mkdir(exist_ok=True)
    (kb.root / ".kbdesk" / "editor_workstations").write_text(kb.team.key_line() + "\n", "utf-8")
    with pytest.raises(KbError, match="no open flag nope"):
        kb.team.clear_flag("nope")
    kb.team.clear_flag(flag.id)
    assert kb.team.open_flags() == []
    assert kb.team.flags.lines()[-1]["agent"] == "編輯甲"  # the roster's name for the account


def test_team_command_shows_the_roster_and_publishes_it(team_kb, monkeypatch, capsys) -> None:
    root = str(team_kb.root)
    assert main(["team", "--library", root]) == 0
    out = capsys.readouterr().out
    assert "you: 陳小華 (chen), role agent (from roster)" in out
    assert "王大明  wang  agent  一線客服, 品質組" in out
    (team_kb.root / "team.yaml").write_text(TEAM + "  - name: 新人\n    account: new\n",
                                            "utf-8")
    assert main(["team", "publish", "--note", "新人報到", "--library", root]) == 2
    assert "publishing a change to team.yaml needs the role editor" in capsys.readouterr().err
    as_account(monkeypatch, "ed")
    assert main(["team", "publish", "--note", "新人報到", "--library", root]) == 0
    assert "published team.yaml" in capsys.readouterr().out
    as_account(monkeypatch, "new")
    assert main(["team", "--library", root]) == 0
    assert "you: 新人 (new), role agent (from roster)" in capsys.readouterr().out


def test_without_a_roster_acks_missing_lists_known_agents_with_overdue(make_library,
                                                                       capsys) -> None:
    root = make_library({"must.md": MUST.replace("[一線客服]", "true")})
    LibraryRepo.init(root, when=now_stamp()).close()
    kb = KnowledgeBase(root)
    kb.set_clock(lambda: dt.date(2026, 6, 10))
    kb.receipts.acknowledge(kb.document("must"), "甲", account="a")
    kb.receipts.acknowledge(kb.document("must"), "乙", account="b")
    text = (root / "must.md").read_text("utf-8").replace("24", "48")
    kb.publishing.publish("must", text, "改時限", effective=dt.date(2026, 6, 10))
    kb.receipts.acknowledge(kb.document("must"), "甲", account="a")
    status = kb.team.ack_status(kb.document("must"))
    assert not status.roster and status.read.keys() == {"甲"}
    assert [(m.name, m.due) for m in status.missing] == [("乙", dt.date(2026, 6, 13))]
    kb.set_clock(lambda: dt.date(2026, 6, 20))
    assert kb.team.ack_status(kb.document("must")).missing[0].overdue == 7
    kb.close()


@pytest.mark.parametrize("value, expected", [
    (True, ()), (False, None), ("null", None), ("'true'", ()), ("'False'", None),
    ("一線客服, 品質組", ("一線客服", "品質組")), ("[主管, supervisor, 主管]", ("主管", "supervisor")),
    ("[]", None),
])
def test_ack_required_values(make_library, value: object, expected: object) -> None:
    from kbdesk.core.library.acks import ack_targets

    root = make_library({"a.md": doc("甲", ack_required=value)})
    kb = KnowledgeBase(root)
    document = kb.document("a")
    assert ack_targets(document.meta) == expected
    assert document.ack_required is (expected is not None)
