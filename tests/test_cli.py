"""The command line end to end: search (text and JSON), index, check, version, library choice."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kbdesk import __version__
from kbdesk.cli import main
from tests.clock import child_command
from tests.conftest import CONTENT_DIR, REPO_ROOT, doc


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        child_command("kbdesk", *args),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
    )


def test_search_json_same_top_documents_in_both_scripts():
    traditional = run_cli("search", "投訴", "--json", "--library", str(CONTENT_DIR))
    simplified = run_cli("search", "投诉", "--json", "--library", str(CONTENT_DIR))
    assert traditional.returncode == 0, traditional.stderr
    hits_t, hits_s = json.loads(traditional.stdout), json.loads(simplified.stdout)
    assert hits_t and [h["doc_id"] for h in hits_t] == [h["doc_id"] for h in hits_s]
    for key in ("doc_id", "title", "section", "anchor", "kind", "version", "score", "snippet"):
        assert key in hits_t[0]
    assert hits_t[0]["kind"] in ("handbook", "phrasing", "procedure")
    assert "<mark>" in hits_t[0]["snippet"]


def test_search_text_output_and_options(make_library, capsys):
    root = make_library(
        {
            "a.md": doc("退款政策", body="## 時限\n退款在 5 個工作日內到帳。\n"),
            "b.md": doc("退款話術", "phrasing", body="## 說明\n> 您的退款已受理。\n"),
        }
    )
    assert main(["search", "退款", "--library", str(root), "--kind", "phrasing"]) == 0
    out = capsys.readouterr().out
    assert "退款話術" in out and "退款政策" not in out
    assert "[退款]" in out  # matched words marked without colour when not a terminal
    assert main(["search", "退款", "--library", str(root), "--limit", "1", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_search_with_no_results_says_so(make_library, capsys):
    root = make_library({"a.md": doc("甲", body="內容")})
    assert main(["search", "火星", "--library", str(root)]) == 0
    assert "no results" in capsys.readouterr().out
    assert main(["search", "火星", "--library", str(root), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_unknown_kind_is_a_clear_error(make_library):
    root = make_library({"a.md": doc("甲")})
    with pytest.raises(SystemExit, match="unknown kind"):
        main(["search", "甲", "--library", str(root), "--kind", "manual"])


def test_index_and_rebuild(make_library, capsys):
    root = make_library({"a.md": doc("甲"), "b.md": doc("乙")})
    assert main(["index", "--library", str(root)]) == 0
    assert "2 added" in capsys.readouterr().out
    assert main(["index", "--library", str(root)]) == 0
    assert "0 added, 0 changed, 0 removed" in capsys.readouterr().out
    assert main(["index", "--library", str(root), "--rebuild"]) == 0
    assert "index rebuilt" in capsys.readouterr().out


def test_check_names_the_broken_file_and_still_indexes_the_rest(make_library):
    root = make_library(
        {
            "good.md": doc("好文件", body="## 節\n投訴處理"),
            "handbooks/broken.md": "---\ntitle: [壞掉\nkind: handbook\n---\n",
            "notes.txt": "stray",
        }
    )
    check = run_cli("check", "--library", str(root))
    assert check.returncode == 1
    assert "handbooks/broken.md:2: front matter is not valid YAML" in check.stdout
    assert "notes.txt: not a Markdown document" in check.stdout
    search = run_cli("search", "投訴", "--json", "--library", str(root))
    assert search.returncode == 0
    assert [h["doc_id"] for h in json.loads(search.stdout)] == ["good"]


def test_check_clean_library_exits_zero(capsys):
    assert main(["check", "--library", str(CONTENT_DIR)]) == 0
    assert "no problems" in capsys.readouterr().out


def test_check_reports_unreadable_time_limits(make_library, capsys):
    root = make_library({"p.md": doc("流程", "procedure", "## 一\n- 時限：盡快\n")})
    assert main(["check", "--library", str(root)]) == 1
    assert "time limit '盡快' cannot be read" in capsys.readouterr().out


def test_version():
    result = run_cli("--version")
    assert result.stdout.strip() == f"kbdesk {__version__}"


def test_library_from_environment(make_library, capsys, monkeypatch):
    root = make_library({"a.md": doc("環境變數庫", body="## 節\n獨特詞彙甲乙")})
    monkeypatch.setenv("KBDESK_LIBRARY", str(root))
    assert main(["search", "獨特詞彙", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["doc_id"] == "a"


def test_default_library_is_created_from_the_bundled_content(_isolated_data, capsys):
    assert main(["search", "開場白", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits
    assert (_isolated_data / "library" / "phrasings").is_dir()


def test_missing_library_folder_is_reported(tmp_path):
    result = run_cli("search", "x", "--library", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_malformed_query_on_the_command_line(make_library, capsys):
    root = make_library({"a.md": doc("甲", body="## 節\n投訴")})
    assert main(["search", '"投訴', "(", "--library", str(root), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["doc_id"] == "a"


def test_search_takes_unquoted_exclusions_and_rejects_a_limit_below_one(make_library, capsys):
    root = make_library({
        "a.md": doc("甲", body="## 節\n退款的部分說明。\n", id="a"),
        "b.md": doc("乙", body="## 節\n退款的全額說明。\n", id="b"),
    })
    assert main(["search", "退款", "-部分", "--library", str(root), "--json"]) == 0
    assert [h["doc_id"] for h in json.loads(capsys.readouterr().out)] == ["b"]
    for bad in ("0", "-1"):
        with pytest.raises(SystemExit) as stop:
            main(["search", "退款", "--limit", bad, "--library", str(root)])
        assert stop.value.code == 2
        assert "--limit: must be at least 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["index", "--library", str(root), "-部分"])  # only search takes loose words


def test_search_notice_and_json_say_which_hits_hold_every_word(make_library, capsys):
    from kbdesk.core.workstation.userstate import search_gaps

    root = make_library({
        "a.md": doc("甲", body="## 轉接失敗\n轉接失敗時先建立工單。\n", id="both"),
        "b.md": doc("乙", body="## 轉接\n轉接前先說明原因。\n", id="one"),
    })
    assert main(["search", "转接", "失败", "--library", str(root)]) == 0
    assert "(1 hit with every word, then partial matches)" in capsys.readouterr().out
    assert main(["search", "转接", "失败", "--library", str(root), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(h["match"], h["matched"]) for h in hits] == [
        ("all", ["转接", "失败"]), ("partial", ["转接"])]
    assert main(["search", "火星", "--library", str(root)]) == 0
    assert main(["search", "火星", "轉接", "--library", str(root)]) == 0
    rows = {(r.query, r.match) for r in search_gaps()}
    assert rows == {("火星", "none"), ("火星 轉接", "partial")}  # 转接 失败 had a full match


def test_search_does_not_log_gaps_when_the_user_opted_out(make_library):
    from kbdesk.core.workstation.settings import Settings
    from kbdesk.core.workstation.userstate import search_gaps

    settings = Settings.load()
    settings.set("log_no_results", False)
    settings.save()
    root = make_library({"a.md": doc("甲", body="## 節\n退款。\n")})
    assert main(["search", "火星", "--library", str(root)]) == 0
    assert search_gaps() == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")
def test_the_app_without_a_display_says_so_in_one_line_and_exits_1(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(child_command("kbdesk"), env=env, capture_output=True, text=True,
                          timeout=120, cwd=REPO_ROOT)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and done.stdout == ""
    env["QT_QPA_PLATFORM"] = "xcb"  # asking for X explicitly is no display either
    done = subprocess.run(child_command("kbdesk"), env=env, capture_output=True, text=True,
                          timeout=120, cwd=REPO_ROOT)
    assert done.returncode == 1 and "no display" in done.stderr
