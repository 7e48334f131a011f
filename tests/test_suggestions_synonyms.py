"""A search suggestion accepted as a synonym group of ``library.yaml`` (issue 18): the group is
published as a normal signed version with a change note, the file keeps its comments and
layout, a group already holding one of the words is extended, non-editors and broken files are
refused with nothing written, and afterwards a real search for the agents' first words finds the
document (``kbdesk.core.team.suggestions.accept_as_synonym``,
``kb.publishing.publish_library_config``; CLI: ``kbdesk report suggestions --as synonym``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core import KnowledgeBase, PublishError, Settings, suggestions
from kbdesk.core.library.configedit import ConfigEditError, add_synonym_group
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.team.roles import NotAllowed
from kbdesk.core.team.suggestions import SuggestionError, first_words, gather, synonym_words
from kbdesk.core.workstation.userstate import no_results_path
from tests.clock import now_stamp
from tests.conftest import doc

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
PHONE = doc("變更聯絡電話", id="phone", version=1,
            body="\n## 核對身分\n\n客戶更換手機號碼時，先核對身分，再在系統更新聯絡電話。\n")
OTHER = doc("退款規定", id="refund", version=1, body="\n## 時限\n\n退款在七個工作天內完成。\n")
CONFIG = """\
# 本館設定：編輯維護
name: 測試館   # shown in the title bar

synonyms:
  # 客人的說法
  - [顾客, 客户]    # people
  - 退钱 = 退款

holidays: [2026-01-01]  # 元旦
"""


def settings(name: str, role: str = "agent") -> Settings:
    data = Path(str(no_results_path())).parent
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(
        json.dumps({"workstation_name": name, "role": role}), "utf-8")
    return Settings.load()


def line(station: str, first: str, doc_id: str, minute: int, worked: str = "手机号码"
         ) -> dict[str, object]:
    return {"when": (T0 + dt.timedelta(minutes=minute)).isoformat(), "workstation": station,
            "opened": doc_id, "after": first, "found_with": worked}


def share(first: str, worked: str = "手机号码", doc_id: str = "phone") -> None:
    """Two workstations' opens after a reformulated search, as the shared log brings them."""
    path = no_results_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        for number, station in enumerate(("desk-1", "desk-2")):
            handle.write(json.dumps(line(station, first, doc_id, number, worked),
                                    ensure_ascii=False) + "\n")


@pytest.fixture
def make_kb(make_library, tmp_path: Path) -> Iterator[Callable[..., KnowledgeBase]]:
    opened: list[KnowledgeBase] = []

    def make(config: str | None = CONFIG) -> KnowledgeBase:
        files = {"phone.md": PHONE, "refund.md": OTHER}
        if config is not None:
            files["library.yaml"] = config
        root = make_library(files)
        LibraryRepo.init(root, message="first", when=now_stamp()).close()
        kb = KnowledgeBase(root, index_dir=tmp_path / f"index{len(opened)}")
        kb.load()
        opened.append(kb)
        return kb

    yield make
    for kb in opened:
        kb.close()


def head(kb: KnowledgeBase) -> str | None:
    with LibraryRepo(kb.root) as repo:
        return repo.head()


def top(kb: KnowledgeBase, query: str) -> str | None:
    hits = kb.search(query).hits
    return hits[0].doc_id if hits else None


# -- which words ---------------------------------------------------------------------------------

def test_the_first_words_are_the_meaningful_runs_of_the_query() -> None:
    assert first_words("资料异动", ["手机号码"]) == ["资料异动"]  # one run, as typed
    assert first_words("手機號換了", ["变更联络电话"]) == ["手機號換"]  # filler out, script kept
    # a long question: filler and question words out, runs split where they were
    assert first_words("客人一直骂人怎么办", ["辱骂"]) == ["客人", "骂人"]
    # a run the words that worked already hold adds nothing
    assert first_words("退款 还没收到", ["退款进度"]) == ["没收到"]
    # nothing meaningful left: the words themselves
    assert first_words("换了", ["变更"]) == ["换了"]


def test_a_lone_character_stays_with_the_word_it_belongs_to() -> None:
    # issue 18's case: 钱 decides what did not come back; 咋还 is filler between them
    assert first_words("钱咋还没回来", ["退款到账"]) == ["钱没回来"]
    assert first_words("錢咋還沒回來", ["退款到賬"]) == ["錢沒回來"]  # the script as typed
    assert first_words("钱咋还没到", ["退款到账"]) == ["钱没到"]
    # filler after: kept with the word before it
    assert first_words("没回来了钱", ["退款到账"]) == ["没回来钱"]
    # a space is not filler: the character stands alone and is left out, as before
    assert first_words("钱 还没回来", ["退款到账"]) == ["没回来"]
    # words that are no lone characters keep their own entries
    assert first_words("客人一直骂人怎么办", ["辱骂"]) == ["客人", "骂人"]


def test_synonym_words_are_the_first_words_then_the_words_that_worked(make_kb) -> None:
    kb = make_kb()
    records = [line("desk-1", "客人一直骂人怎么办", "phone", 0, "手机号码"),
               line("desk-2", "客人一直骂人怎么办", "phone", 1, "手機號碼"),
               line("desk-2", "客人一直骂人怎么办", "phone", 2, "联络电话")]
    [row] = gather(records, {d.id: d for d in kb.documents()})
    # 手机号码 and 手機號碼 are one word to the search: kept once
    assert synonym_words(row) == ["客人", "骂人", "手机号码", "联络电话"]


# -- accepting -----------------------------------------------------------------------------------

def test_an_editor_accepts_a_suggestion_as_a_synonym_group(make_kb) -> None:
    kb = make_kb()
    assert top(kb, "资料异动") != "phone"
    share("资料异动")
    [row] = suggestions.of_team(kb.team, kb.documents())
    before = head(kb)

    done = suggestions.accept_as_synonym(kb, row, settings("desk-9", "editor"), "Editor")

    assert done.change.group == ("资料异动", "手机号码") and done.change.extended is None
    text = (kb.root / "library.yaml").read_text("utf-8")
    # every line as it was (comments, blank lines, the holidays after the groups), one added
    assert text == CONFIG.replace("  - 退钱 = 退款\n",
                                  "  - 退钱 = 退款\n  - [资料异动, 手机号码]\n")
    with LibraryRepo(kb.root) as repo:
        commit = repo.get_commit(repo.head() or "")
        assert repo.read_text(repo.head(), "library.yaml") == text  # published, not just saved
    assert head(kb) != before and done.result.commit == head(kb)
    assert "搜尋建議" in commit.message and "资料异动" in commit.message
    assert "Kbdesk-File: library.yaml" in commit.message and done.note in commit.message
    assert commit.author.startswith("Editor")
    assert done.result.reindexed
    # the first words find the document, in either script, and the suggestion is gone
    assert top(kb, "资料异动") == "phone" and top(kb, "資料異動") == "phone"
    assert suggestions.of_team(kb.team, kb.documents()) == []
    # a new process (index on disk, no library read) searches with the new group too
    kb.close()
    again = KnowledgeBase(kb.root, index_dir=kb.index.directory)
    try:
        assert top(again, "资料异动") == "phone"
    finally:
        again.close()


def test_a_group_holding_one_of_the_words_is_extended(make_kb) -> None:
    config = CONFIG.replace("[顾客, 客户]", "[手機號碼, 门号]")
    kb = make_kb(config)
    share("资料异动", worked="手机号码")
    [row] = suggestions.of_team(kb.team, kb.documents())
    done = suggestions.accept_as_synonym(kb, row, settings("desk-9", "editor"), "Editor")
    assert done.change.extended == 1 and done.change.added == ("资料异动",)
    assert done.change.group == ("手機號碼", "门号", "资料异动")
    text = (kb.root / "library.yaml").read_text("utf-8")
    assert text == config.replace("[手機號碼, 门号]", "[手機號碼, 门号, 资料异动]")
    assert kb.library.config.synonyms[0] == ["手機號碼", "门号", "资料异动"]
    assert len(kb.library.config.synonyms) == 2  # no second group
    assert top(kb, "资料异动") == "phone"
    assert suggestions.of_team(kb.team, kb.documents()) == []


def test_a_library_without_library_yaml_gets_one(make_kb) -> None:
    kb = make_kb(config=None)
    share("资料异动")
    [row] = suggestions.of_team(kb.team, kb.documents())
    suggestions.accept_as_synonym(kb, row, settings("desk-9", "editor"), "Editor")
    assert (kb.root / "library.yaml").read_text("utf-8") == "synonyms:\n  - [资料异动, 手机号码]\n"
    assert top(kb, "资料异动") == "phone"


def test_a_non_editor_cannot_accept_a_synonym_group(make_kb) -> None:
    kb = make_kb()
    share("资料异动")
    [row] = suggestions.of_team(kb.team, kb.documents())
    before = head(kb)
    with pytest.raises(NotAllowed, match="accepting a suggestion needs the role editor"):
        suggestions.accept_as_synonym(kb, row, settings("desk-2", "agent"), "Agent")
    assert (kb.root / "library.yaml").read_text("utf-8") == CONFIG and head(kb) == before


def test_a_broken_library_yaml_is_refused_and_nothing_is_written(make_kb) -> None:
    broken = CONFIG.replace("  - 退钱 = 退款\n", "  - {退钱: 退款}\n")
    kb = make_kb(broken)
    share("资料异动")
    [row] = suggestions.of_team(kb.team, kb.documents())
    before = head(kb)
    with pytest.raises(SuggestionError, match=r"library\.yaml.*'synonyms'.*group 2"):
        suggestions.accept_as_synonym(kb, row, settings("desk-9", "editor"), "Editor")
    assert (kb.root / "library.yaml").read_text("utf-8") == broken and head(kb) == before
    assert len(suggestions.of_team(kb.team, kb.documents())) == 1  # still proposed


def test_unpublished_edits_of_library_yaml_are_never_overwritten(make_kb) -> None:
    kb = make_kb()
    share("资料异动")
    [row] = suggestions.of_team(kb.team, kb.documents())
    edited = CONFIG + "workdays: [2026-01-03]\n"
    (kb.root / "library.yaml").write_text(edited, "utf-8")
    before = head(kb)
    with pytest.raises(PublishError, match=r"library\.yaml has edits that were never published"):
        suggestions.accept_as_synonym(kb, row, settings("desk-9", "editor"), "Editor")
    assert (kb.root / "library.yaml").read_text("utf-8") == edited and head(kb) == before


def test_a_group_written_by_hand_settles_the_suggestion_too(make_kb) -> None:
    kb = make_kb()
    records = [line("desk-1", "资料异动", "phone", 0), line("desk-2", "資料異動", "phone", 1)]
    docs = {d.id: d for d in kb.documents()}
    [row] = gather(records, docs)
    assert suggestions.in_synonym_group(row, [["資料異動", "手機號碼", "门号"]])
    assert gather(records, docs, synonyms=[["資料異動", "手機號碼"]]) == []
    # the first words alone in a group, without a word that worked, settle nothing
    assert not suggestions.in_synonym_group(row, [["资料异动", "资料变更"]])
    assert len(gather(records, docs, synonyms=[["资料异动", "资料变更"]])) == 1


def test_a_failed_commit_puts_library_yaml_back(make_kb, monkeypatch) -> None:
    from kbdesk.core.storage.repo import RepoError

    kb = make_kb()
    share("资料异动")
    [row] = suggestions.of_team(kb.team, kb.documents())
    before = head(kb)

    def refuse(*_args: object, **_kwargs: object) -> str:
        raise RepoError("disk full")

    monkeypatch.setattr(LibraryRepo, "commit", refuse)
    with pytest.raises(PublishError, match="could not be published, nothing changed"):
        suggestions.accept_as_synonym(kb, row, settings("desk-9", "editor"), "Editor")
    monkeypatch.undo()
    assert (kb.root / "library.yaml").read_text("utf-8") == CONFIG and head(kb) == before
    assert top(kb, "资料异动") != "phone"


REFUND_TALK = doc("退款说明话术", id="refund-talk", version=1,
                  body="\n## 到账时间\n\n退款到账约需七个工作天，请客户耐心等候。\n")
PARCEL = doc("快递查询", id="parcel", version=1,
             body="\n## 寄回\n\n客户说快递没回来时，先查物流单号。\n")


def test_the_issue_case_proposes_a_group_that_keeps_other_documents_apart(
        make_library, tmp_path: Path) -> None:
    root = make_library({"refund-talk.md": REFUND_TALK, "parcel.md": PARCEL})
    LibraryRepo.init(root, message="first", when=now_stamp()).close()
    with KnowledgeBase(root, index_dir=tmp_path / "index-issue") as kb:
        kb.load()
        assert top(kb, "快递没回来") == "parcel"
        share("钱咋还没回来", worked="退款到账", doc_id="refund-talk")
        [row] = suggestions.of_team(kb.team, kb.documents())
        assert synonym_words(row) == ["钱没回来", "退款到账"]
        done = suggestions.accept_as_synonym(kb, row, settings("desk-9", "editor"), "Editor")
        assert done.change.group == ("钱没回来", "退款到账")
        assert "[钱没回来, 退款到账]" in (root / "library.yaml").read_text("utf-8")
        # the agents' words find the refund talk; 快递没回来 still finds only the parcel page
        assert top(kb, "钱咋还没回来") == "refund-talk"
        assert {h.doc_id for h in kb.search("快递没回来").hits} == {"parcel"}
        assert suggestions.of_team(kb.team, kb.documents()) == []


@pytest.mark.parametrize(("words", "expected"), [
    ("钱没回来,退款到账", ["钱没回来", "退款到账"]),
    (" 钱没回来 ， 退款到账、钱还没到 ", ["钱没回来", "退款到账", "钱还没到"]),
    (["钱没回来", " 退款到账 "], ["钱没回来", "退款到账"]),
])
def test_an_editors_group_is_read_from_commas(words: object, expected: list[str]) -> None:
    assert suggestions.group_words(words) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("words", "message"), [
    ("钱没回来", "at least two words"),
    ("", "entry 1 is empty"),
    ("钱没回来,,退款到账", "entry 2 is empty"),
    ("钱没回来,退款到账,", "entry 3 is empty"),
    ("退款到账,退款到賬", "entries 1 and 2 are the same word"),
    ("钱没回来," + "长" * 31, "entry 2 is longer than 30"),
])
def test_a_bad_editors_group_is_refused_naming_the_entry(words: str, message: str) -> None:
    with pytest.raises(SuggestionError, match=message):
        suggestions.group_words(words)


def test_an_editor_publishes_their_own_words_and_the_suggestion_is_settled(make_kb) -> None:
    kb = make_kb()
    share("手机号换了怎么改")
    [row] = suggestions.of_team(kb.team, kb.documents())
    before = head(kb)
    with pytest.raises(SuggestionError, match="entry 2 is empty"):
        suggestions.accept_as_synonym(kb, row, settings("desk-9", "editor"), "Editor",
                                      words="换手机号,")
    assert head(kb) == before and (kb.root / "library.yaml").read_text("utf-8") == CONFIG
    done = suggestions.accept_as_synonym(kb, row, settings("desk-9", "editor"), "Editor",
                                         words="手机号换,手机号码,换号")
    assert done.change.group == ("手机号换", "手机号码", "换号")
    assert "[手机号换, 手机号码, 换号]" in (kb.root / "library.yaml").read_text("utf-8")
    assert "手机号换、手机号码、换号" in done.note
    assert top(kb, "换号") == "phone"
    assert suggestions.of_team(kb.team, kb.documents()) == []


# -- publishing library.yaml ---------------------------------------------------------------------

def test_publishing_library_yaml_validates_first_and_needs_a_note(make_kb) -> None:
    kb = make_kb()
    before = head(kb)
    bad = CONFIG.replace("[2026-01-01]", "[2026-01-01, 元旦]")
    with pytest.raises(PublishError, match=r"library\.yaml is not published: library\.yaml: "
                       r"'holidays': '元旦' is not a date"):
        kb.publishing.publish_library_config(bad, "加假日", "Editor")
    with pytest.raises(PublishError, match=r"library\.yaml is not published.*'synonyms'"):
        kb.publishing.publish_library_config("synonyms: 退款\n", "改同義詞", "Editor")
    with pytest.raises(PublishError, match="change note"):
        kb.publishing.publish_library_config(CONFIG + "workdays: []\n", "  ", "Editor")
    with pytest.raises(PublishError, match="nothing changed"):
        kb.publishing.publish_library_config(CONFIG, "沒改", "Editor")
    assert (kb.root / "library.yaml").read_text("utf-8") == CONFIG and head(kb) == before
    result = kb.publishing.publish_library_config(
        lambda text: text.replace("name: 測試館", "name: 新館名"), "改館名", "Editor")
    assert result.commit == head(kb) and kb.name == "新館名"


def test_with_a_roster_only_an_editor_publishes_library_yaml(make_library, tmp_path,
                                                              monkeypatch) -> None:
    team = ("people:\n  - name: 陳小華\n    account: chen\n    role: agent\n"
            "  - name: 編輯甲\n    account: ed\n    role: editor\n")
    root = make_library({"phone.md": PHONE, "library.yaml": CONFIG, "team.yaml": team})
    LibraryRepo.init(root, message="first", when=now_stamp()).close()
    kb = KnowledgeBase(root, index_dir=tmp_path / "index-roster")
    try:
        monkeypatch.setenv("LOGNAME", "chen")
        with pytest.raises(NotAllowed, match=r"publishing a change to library\.yaml needs the "
                           "role editor"):
            kb.publishing.publish_library_config(CONFIG + "workdays: []\n", "改", "陳小華")
        assert (root / "library.yaml").read_text("utf-8") == CONFIG
        monkeypatch.setenv("LOGNAME", "ed")
        kb.publishing.publish_library_config(CONFIG + "workdays: []\n", "改", "編輯甲")
        assert (root / "library.yaml").read_text("utf-8").endswith("workdays: []\n")
    finally:
        kb.close()


# -- the edit itself -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("synonyms:\n", "synonyms:\n  - [甲乙, 丙丁]\n"),
    ("name: x", "name: x\nsynonyms:\n  - [甲乙, 丙丁]\n"),
    ("synonyms: []  # none yet\n", "synonyms: [[甲乙, 丙丁]]  # none yet\n"),
    ("synonyms:\n- - 甲乙\n  - 戊己\nname: n\n", "synonyms:\n- - 甲乙\n  - 戊己\n  - 丙丁\nname: n\n"),
    ("synonyms:\n  - '甲乙 = 戊己'  # one string\n",
     "synonyms:\n  - [甲乙, 戊己, 丙丁]  # one string\n"),
    ("synonyms:\n  - [\"a, b\", 戊己]\n", "synonyms:\n  - [\"a, b\", 戊己]\n  - [甲乙, 丙丁]\n"),
    # a group of one word (the library ignores it) becomes a group once extended
    ("synonyms:\n  - [丙丁]\n  - [x, y]\n", "synonyms:\n  - [丙丁, 甲乙]\n  - [x, y]\n"),
    # the group holding one of the words gets the other, wherever it is in the list
    ("synonyms:\n  - [x, y]\n  - [甲乙, 庚辛]\n", "synonyms:\n  - [x, y]\n  - [甲乙, 庚辛, 丙丁]\n"),
])
def test_groups_are_added_where_the_file_has_them(text: str, expected: str) -> None:
    assert add_synonym_group(text, ["甲乙", "丙丁"])[0] == expected


def test_an_edit_that_changes_nothing_or_cannot_be_made_is_refused() -> None:
    with pytest.raises(ConfigEditError, match="already holds"):
        add_synonym_group("synonyms:\n  - [甲乙, 丙丁]\n", ["丙丁", "甲乙"])
    with pytest.raises(ConfigEditError, match="two different words"):
        add_synonym_group("", ["甲乙", "甲乙"])
    with pytest.raises(ConfigEditError, match=r"library\.yaml.*not valid YAML|library\.yaml"):
        add_synonym_group("synonyms: [甲乙\n", ["甲乙", "丙丁"])
    with pytest.raises(ConfigEditError, match="'synonyms' must be a list"):
        add_synonym_group("synonyms: 甲乙\n", ["甲乙", "丙丁"])


# -- the command line ----------------------------------------------------------------------------

def test_cli_accepts_a_suggestion_as_a_synonym_group(make_kb,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    kb = make_kb()
    root = str(kb.root)
    share("资料异动")
    kb.close()
    settings("desk-2", role="agent")
    assert main(["report", "suggestions", "--library", root, "--accept", "1",
                 "--as", "synonym"]) == 2
    assert "accepting a suggestion needs the role editor" in capsys.readouterr().err
    assert main(["report", "suggestions", "--library", root, "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["synonym_group"] == ["资料异动", "手机号码"]
    settings("desk-9", role="editor")
    assert main(["report", "suggestions", "--library", root, "--accept", row["id"],
                 "--as", "synonym", "--author", "Editor"]) == 0
    out = capsys.readouterr().out
    assert f"accepted {row['id']}: synonym group 资料异动、手机号码 added to library.yaml" in out
    assert "change note: 搜尋建議" in out and "published library.yaml" in out
    assert "[资料异动, 手机号码]" in Path(root, "library.yaml").read_text("utf-8")
    assert main(["report", "suggestions", "--library", root]) == 0
    assert "no suggestions" in capsys.readouterr().out
    assert main(["search", "--library", root, "--json", "资料异动"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["doc_id"] == "phone"
    # keyword stays the default; `--as keyword` says so explicitly; anything else is refused
    with pytest.raises(SystemExit):
        main(["report", "suggestions", "--library", root, "--accept", "1", "--as", "tag"])
    assert "invalid choice: 'tag'" in capsys.readouterr().err


def test_cli_accepts_a_synonym_group_with_the_editors_words(
        make_kb, capsys: pytest.CaptureFixture[str]) -> None:
    kb = make_kb()
    root = str(kb.root)
    share("钱咋还没回来", worked="退款", doc_id="refund")
    kb.close()
    settings("desk-9", role="editor")
    base = ["report", "suggestions", "--library", root, "--accept", "1", "--author", "Editor"]
    # bad words: refused naming the entry, nothing written
    assert main([*base, "--as", "synonym", "--words", "钱没回来,"]) == 2
    assert "entry 2 is empty" in capsys.readouterr().err
    assert main([*base, "--as", "synonym", "--words", "钱没回来"]) == 2
    assert "at least two words" in capsys.readouterr().err
    assert main([*base, "--words", "钱没回来,退款到账"]) == 2  # not with a keyword
    assert "--words goes with --as synonym" in capsys.readouterr().err
    assert Path(root, "library.yaml").read_text("utf-8") == CONFIG
    assert main([*base, "--as", "synonym", "--words", "钱没回来,退款,钱还没到"]) == 0
    out = capsys.readouterr().out
    # 退款 is in the library's group 退钱 = 退款: that group is extended
    assert "group 2 of library.yaml extended with 钱没回来、钱还没到" in out
    assert "  - [退钱, 退款, 钱没回来, 钱还没到]\n" in Path(root, "library.yaml").read_text("utf-8")
    assert main(["report", "suggestions", "--library", root]) == 0
    assert "no suggestions" in capsys.readouterr().out
    assert main(["search", "--library", root, "--json", "钱咋还没回来"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["doc_id"] == "refund"


def test_cli_accepts_as_a_keyword_explicitly(make_kb, capsys: pytest.CaptureFixture[str]) -> None:
    kb = make_kb()
    root = str(kb.root)
    share("资料异动")
    kb.close()
    settings("desk-9", role="editor")
    assert main(["report", "suggestions", "--library", root, "--accept", "1",
                 "--as", "keyword", "--author", "Editor"]) == 0
    out = capsys.readouterr().out
    assert "keyword '资料异动' added to phone" in out and "published phone.md v2" in out
    assert Path(root, "library.yaml").read_text("utf-8") == CONFIG

