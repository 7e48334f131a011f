"""The library learns its team's words (issue 18): an agent's search that found nothing
useful, then a document opened from other words, becomes a suggested keyword once seen from
several workstations; an editor accepts it as a normal publish, and the words find the
document (``kbdesk.core.team.suggestions``; CLI: ``kbdesk report suggestions``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core import KnowledgeBase, Settings, suggestions
from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.team.roles import NotAllowed
from kbdesk.core.team.suggestions import SuggestionError, gather, note_opened
from kbdesk.core.workstation.userstate import log_no_results, no_results_path, search_gaps
from tests.clock import now_stamp
from tests.conftest import doc

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
PHONE = doc("變更聯絡電話", id="phone", version=1,
            body="\n## 核對身分\n\n客戶更換手機號碼時，先核對身分，再在系統更新聯絡電話。\n")
OTHER = doc("退款規定", id="refund", version=1, body="\n## 時限\n\n退款在七個工作天內完成。\n")


def settings(name: str, role: str = "agent") -> Settings:
    data = Path(str(no_results_path())).parent
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(
        json.dumps({"workstation_name": name, "role": role}), "utf-8")
    return Settings.load()


def reformulate(station: str, first: str, then: str, doc_id: str, at: dt.datetime) -> bool:
    """One agent: ``first`` finds nothing, ``then`` finds ``doc_id``, which they open."""
    log_no_results(first, at, clock=SYSTEM_CLOCK)
    return note_opened(doc_id, then, when=at + dt.timedelta(minutes=1),
                       settings=settings(station), clock=SYSTEM_CLOCK)


@pytest.fixture
def library(make_library, tmp_path: Path) -> Iterator[KnowledgeBase]:
    root = make_library({"phone.md": PHONE, "refund.md": OTHER})
    LibraryRepo.init(root, message="first", when=now_stamp()).close()
    kb = KnowledgeBase(root, index_dir=tmp_path / "index")
    kb.load()
    yield kb
    kb.close()


def opened_lines() -> list[dict[str, object]]:
    lines = no_results_path().read_text("utf-8").splitlines()
    return [item for item in map(json.loads, lines) if "opened" in item]


# -- recording ----------------------------------------------------------------------------------

def test_an_open_after_a_reformulated_gap_search_is_recorded() -> None:
    assert reformulate("desk-1", "资料异动", "手机号码", "phone", T0)
    [line] = opened_lines()
    assert line["opened"] == "phone" and line["after"] == "资料异动"
    assert line["found_with"] == "手机号码" and line["workstation"] == "desk-1"
    # the line is not a gap: the editors' gap report still counts one search
    assert [(r.query, r.count) for r in search_gaps()] == [("资料异动", 1)]


def test_opens_that_are_not_after_a_reformulation_are_not_recorded() -> None:
    station = settings("desk-1")
    # no gap search before
    assert not note_opened("phone", "手机号码", when=T0, settings=station, clock=SYSTEM_CLOCK)
    # the same words (in another script): the search was not reformulated
    log_no_results("資料異動", T0, clock=SYSTEM_CLOCK)
    assert not note_opened("phone", "资料异动", when=T0 + dt.timedelta(minutes=1),
                           settings=station, clock=SYSTEM_CLOCK)
    # a gap too long before the open
    assert not note_opened("phone", "手机号码", when=T0 + dt.timedelta(minutes=30),
                           settings=station, clock=SYSTEM_CLOCK)
    # opened twice after the same gap: recorded once
    log_no_results("换号", T0 + dt.timedelta(hours=1), clock=SYSTEM_CLOCK)
    assert note_opened("phone", "手机号码", when=T0 + dt.timedelta(hours=1, minutes=1),
                       settings=station, clock=SYSTEM_CLOCK)
    assert not note_opened("phone", "手机号码", when=T0 + dt.timedelta(hours=1, minutes=2),
                           settings=station, clock=SYSTEM_CLOCK)
    assert len(opened_lines()) == 1


def test_a_damaged_log_line_does_not_stop_the_recording() -> None:
    path = no_results_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json\n", "utf-8")
    assert reformulate("desk-1", "资料异动", "手机号码", "phone", T0)


# -- gathering ----------------------------------------------------------------------------------

def line(station: str, first: str, doc_id: object, minute: int, worked: str = "手机号码"
         ) -> dict[str, object]:
    return {"when": (T0 + dt.timedelta(minutes=minute)).isoformat(), "workstation": station,
            "opened": doc_id, "after": first, "found_with": worked}


def test_pairs_seen_from_several_workstations_become_suggestions(library: KnowledgeBase) -> None:
    docs = {d.id: d for d in library.documents()}
    records = [
        line("desk-1", "资料异动", "phone", 0), line("desk-2", "資料異動", "phone", 5, "换手机"),
        line("desk-2", "资料异动", "phone", 9),
        line("desk-1", "只一台", "refund", 1),                       # one workstation only
        line("desk-1", "旧文件", "gone", 2), line("desk-2", "旧文件", "gone", 3),  # no such doc
        {"when": "yesterday", "opened": "phone", "after": "x"},     # unreadable: skipped
        {"when": T0.isoformat(), "query": "资料异动"},               # a gap line: not an open
    ]
    [row] = gather(records, docs)
    assert (row.keyword, row.doc_id, row.title) == ("资料异动", "phone", "變更聯絡電話")
    assert (row.count, row.workstations) == (3, {"desk-1", "desk-2"})
    assert row.found_with == ["手机号码", "换手机"]
    assert [e.workstation for e in row.evidence] == ["desk-1", "desk-2", "desk-2"]
    assert "资料异动" in row.describe() and "變更聯絡電話" in row.describe()
    assert [r.doc_id for r in gather(records, docs, min_workstations=1)] == ["phone", "refund"]
    assert row.id == suggestions.suggestion_id("資料異動", "phone")  # stable across scripts


# -- accepting ----------------------------------------------------------------------------------

def test_an_editor_accepts_a_suggestion_as_a_publish_and_the_words_find_the_document(
    library: KnowledgeBase,
) -> None:
    assert [h.doc_id for h in library.search("资料异动").hits][:1] != ["phone"]
    reformulate("desk-1", "资料异动", "手机号码", "phone", T0)
    reformulate("desk-2", "资料异动", "手机号码", "phone", T0 + dt.timedelta(hours=1))
    [row] = suggestions.of_team(library.team, library.documents())
    before = len(library.versions.history("phone"))

    with pytest.raises(NotAllowed):
        suggestions.accept(library, row, settings("desk-2", role="agent"), "Agent")
    assert len(library.versions.history("phone")) == before  # nothing published

    result = suggestions.accept(library, row, settings("desk-9", role="editor"), "Editor")
    history = library.versions.history("phone")
    assert len(history) == before + 1
    assert "资料异动" in history[0].note and history[0].author == "Editor"
    assert result.doc_id == "phone"
    assert library.document("phone").keywords == ("资料异动",)
    assert [h.doc_id for h in library.search("资料异动").hits][:1] == ["phone"]
    # accepted: no longer proposed, and accepting it again is refused
    assert suggestions.of_team(library.team, library.documents()) == []
    with pytest.raises(SuggestionError):
        suggestions.accept(library, row, settings("desk-9", role="editor"), "Editor")


def test_an_unknown_suggestion_is_a_clear_error() -> None:
    with pytest.raises(SuggestionError, match="no suggestion 'nope'"):
        suggestions.find([], "nope")


# -- the command line ---------------------------------------------------------------------------

def test_cli_lists_and_accepts_suggestions(library: KnowledgeBase,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    root = str(library.root)
    reformulate("desk-1", "资料异动", "手机号码", "phone", T0)
    reformulate("desk-2", "资料异动", "更换手机号码", "phone", T0 + dt.timedelta(hours=1))
    library.close()

    assert main(["report", "suggestions", "--library", root]) == 0
    out = capsys.readouterr().out
    assert "资料异动 → 變更聯絡電話 [phone]" in out and "    2       2" in out
    assert main(["report", "suggestions", "--library", root, "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["workstations"] == ["desk-1", "desk-2"] and len(row["evidence"]) == 2

    settings("desk-2", role="agent")
    assert main(["report", "suggestions", "--library", root, "--accept", row["id"]]) == 2
    assert "accepting a suggestion needs the role editor" in capsys.readouterr().err
    settings("desk-9", role="editor")
    assert main(["report", "suggestions", "--library", root, "--accept", "7"]) == 2
    assert "no suggestion '7'" in capsys.readouterr().err
    assert main(["report", "suggestions", "--library", root, "--accept", "1",
                 "--author", "Editor"]) == 0
    out = capsys.readouterr().out
    assert f"accepted {row['id']}" in out and "published phone.md v2" in out
    assert main(["report", "suggestions", "--library", root]) == 0
    assert "no suggestions" in capsys.readouterr().out
    assert main(["search", "--library", root, "--json", "资料异动"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["doc_id"] == "phone"


def test_an_unwritable_log_never_gets_in_the_agents_way(caplog: pytest.LogCaptureFixture) -> None:
    path = no_results_path()
    path.mkdir(parents=True)  # the log's place is taken by a folder: it cannot be read
    assert not note_opened("phone", "手机号码", when=T0, settings=settings("desk-1"), clock=SYSTEM_CLOCK)
    assert "search log" in caplog.text


def test_a_document_never_published_cannot_take_a_keyword(make_library, tmp_path: Path) -> None:
    root = make_library({"phone.md": PHONE}, in_checkout=True)  # no baseline version
    kb = KnowledgeBase(root, index_dir=tmp_path / "index2")
    kb.load()
    try:
        [row] = gather([line("desk-1", "资料异动", "phone", 0), line("desk-2", "资料异动", "phone", 1)],
                       {d.id: d for d in kb.documents()})
        with pytest.raises(SuggestionError, match="no published version"):
            suggestions.accept(kb, row, settings("desk-9", role="editor"), "Editor")
        assert "资料异动" not in (root / "phone.md").read_text("utf-8")  # nothing written
    finally:
        kb.close()
