"""``kbdesk show`` keeps the editors' ``keywords:`` from anyone but editors (the core's role
rule decides: roster, site settings, local setting), and ``kbdesk publish`` takes a document id
as ``show`` and ``history`` do (issue 18, QA review of the bundled library)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.team.roles import RoleDecision, shown_text
from kbdesk.core.workstation.userstate import no_results_path
from tests.clock import now_stamp
from tests.conftest import doc

POLICY = doc("退貨與退款政策", id="refund-policy", version=1,
             keywords="[钱咋还没回来, 退钱]  # 客服的說法",
             body="\n## 到帳時間\n\n退款七個工作天內到帳。\n")
PLAIN = doc("開場白", id="opening", version=1, body="\n您好。\n")


def as_role(role: str) -> None:
    """This workstation's own role setting (the library has no roster)."""
    data = Path(str(no_results_path())).parent
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"role": role}), "utf-8")


@pytest.fixture
def root(make_library) -> Path:
    path = make_library({"handbooks/refund.md": POLICY, "opening.md": PLAIN})
    LibraryRepo.init(path, author="初始 <init@example.com>", when=now_stamp()).close()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- show: keywords for editors only -----------------------------------------------------------

def test_an_agent_is_shown_the_document_without_the_editors_keywords(root: Path, capsys) -> None:
    as_role("agent")
    code, out, _ = run(capsys, "show", "refund-policy", "--library", str(root))
    assert code == 0
    assert "keywords" not in out and "钱咋还没回来" not in out
    # everything else as published, line for line
    assert out == POLICY.replace("keywords: [钱咋还没回来, 退钱]  # 客服的說法\n", "")
    code, out, _ = run(capsys, "show", "refund-policy", "--version", "1", "--library", str(root))
    assert code == 0 and "keywords" not in out and "退款七個工作天內到帳" in out
    # the keywords still find the document for agents
    code, out, _ = run(capsys, "search", "退钱", "--json", "--library", str(root))
    assert json.loads(out)[0]["doc_id"] == "refund-policy"


def test_an_editor_is_shown_the_keywords(root: Path, capsys) -> None:
    as_role("editor")
    code, out, _ = run(capsys, "show", "refund-policy", "--library", str(root))
    assert code == 0 and out == POLICY
    code, out, _ = run(capsys, "show", "refund-policy", "--version", "1", "--library", str(root))
    assert code == 0 and "keywords: [钱咋还没回来, 退钱]  # 客服的說法" in out


def test_a_roster_decides_who_sees_the_keywords(root: Path, capsys, monkeypatch) -> None:
    team = ("people:\n  - name: 陳小華\n    account: chen\n    role: agent\n"
            "  - name: 編輯甲\n    account: ed\n    role: editor\n")
    (root / "team.yaml").write_text(team, "utf-8")
    with LibraryRepo(root) as repo:  # published, as the roster is read
        repo.commit({"team.yaml": team.encode()}, "roster", author="初始 <init@example.com>", when=now_stamp())
    as_role("editor")  # a local setting never makes an editor where a roster exists
    monkeypatch.setenv("LOGNAME", "chen")
    monkeypatch.setenv("USER", "chen")
    code, out, _ = run(capsys, "show", "refund-policy", "--library", str(root))
    assert code == 0 and "keywords" not in out
    monkeypatch.setenv("LOGNAME", "ed")
    monkeypatch.setenv("USER", "ed")
    code, out, _ = run(capsys, "show", "refund-policy", "--library", str(root))
    assert code == 0 and "keywords: [钱咋还没回来, 退钱]" in out


def test_the_rule_leaves_documents_without_keywords_as_they_are() -> None:
    agent, editor = RoleDecision("agent", "local", "a"), RoleDecision("editor", "local", "e")
    assert shown_text(agent, PLAIN) == PLAIN
    assert shown_text(editor, POLICY) == POLICY
    assert "keywords" not in shown_text(agent, POLICY)
    assert shown_text(agent, "no front matter\n") == "no front matter\n"
    for role in ("supervisor", "agent"):
        assert "退钱" not in shown_text(RoleDecision(role, "roster", "x"), POLICY)


# -- publish: by id as well as by path ---------------------------------------------------------

def test_publish_takes_a_document_id(root: Path, capsys) -> None:
    as_role("editor")
    path = root / "handbooks" / "refund.md"
    path.write_text(POLICY.replace("七個工作天", "五個工作天"), "utf-8")
    code, out, err = run(capsys, "publish", "refund-policy", "--note", "縮短到帳時間",
                         "--author", "編輯甲", "--library", str(root))
    assert code == 0, err
    assert "published handbooks/refund.md v2" in out
    code, out, _ = run(capsys, "history", "refund-policy", "--json", "--library", str(root))
    newest = json.loads(out)[0]
    assert (newest["version"], newest["note"]) == (2, "縮短到帳時間")
    # a path still works as before
    path.write_text(POLICY.replace("七個工作天", "三個工作天"), "utf-8")
    code, out, _ = run(capsys, "publish", str(path), "--note", "再縮短",
                       "--library", str(root))
    assert code == 0 and "published handbooks/refund.md v3" in out


def test_publish_of_an_unknown_id_names_it(root: Path, capsys) -> None:
    before = LibraryRepo(root)
    head = before.head()
    before.close()
    code, _, err = run(capsys, "publish", "refund-polcy", "--note", "x", "--library", str(root))
    assert code == 2
    assert "refund-polcy: no such file, and no document with the id 'refund-polcy'" in err
    assert "Traceback" not in err
    with LibraryRepo(root) as repo:
        assert repo.head() == head


def test_publish_by_id_in_a_plain_folder_records_the_edit(make_library, capsys) -> None:
    # the first kbdesk command in a folder that is no repository yet: the baseline version
    # leaves the document out, so the publish records the edit with its note
    root = make_library({"handbooks/refund.md": POLICY.replace("七個", "五個"),
                         "opening.md": PLAIN})
    assert not (root / ".git").exists()
    code, out, err = run(capsys, "publish", "refund-policy", "--note", "第一版",
                         "--library", str(root))
    assert code == 0, err
    assert "published handbooks/refund.md" in out
    code, out, _ = run(capsys, "history", "refund-policy", "--json", "--library", str(root))
    assert json.loads(out)[0]["note"] == "第一版"
