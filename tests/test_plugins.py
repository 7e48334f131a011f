"""The plugin seam: a third-party importer and exporter registered by entry point, used from the
command line; exporters' declared options; a broken plugin named and never in the way.

The GUI side (the wizard's filter, the Export submenu) is tests/gui/test_plugin_formats.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core import BrokenPlugin, InvalidOption, KnowledgeBase
from kbdesk.core.exporters import EXPORTERS, export_formats
from kbdesk.core.importers import IMPORTERS, import_formats
from kbdesk.core.plugins import Option, check_exporter, check_importer, resolve_options
from kbdesk.core.registry import Registry
from tests.conftest import doc
from tests.plugin_dist import FAQ, acme_plugin

__all__ = ["acme_plugin"]  # the fixture


@pytest.fixture
def library(make_library) -> Path:
    return make_library({
        "a.md": doc("開場白", "phrasing", id="a", body="\n## 開場\n\n> 您好。\n"),
        "b.md": doc("退款須知", id="b", body="\n退款三天內到帳。\n"),
    })


def _faq(tmp_path: Path) -> Path:
    path = tmp_path / "members.faq"
    path.write_text(FAQ, "utf-8")
    return path


def test_the_plugin_api_stands_alone() -> None:
    """``kbdesk.core.plugins`` loads neither the importers nor the exporters (a plugin importing
    it does not pull in the HTML exporter), and publishes what it lists."""
    code = ("import sys, kbdesk.core.plugins as p; "
            "print([m for m in sys.modules if m.startswith(('kbdesk.core.importers', "
            "'kbdesk.core.exporters', 'kbdesk.core.kb'))]); "
            "print(all(hasattr(p, n) for n in p.__all__))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[:2] == ["[]", "True"]


def test_a_third_party_importer_and_exporter_from_the_command_line(
        acme_plugin: Path, library: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert "faq" in [f.name for f in import_formats()]
    assert ".faq" in {s for f in import_formats() for s in f.suffixes}
    faq = _faq(tmp_path)
    assert main(["import", str(faq), "--library", str(library), "--dry-run", "--json"]) == 0
    [planned] = json.loads(capsys.readouterr().out)
    assert planned["title"] == "會員常見問題"
    assert [s["heading"] for s in planned["sections"]] == ["如何重設密碼", "積分多久到帳"]
    assert main(["import", str(faq), "--library", str(library), "--publish", "--note",
                 "from acme", "--author", "林"]) == 0
    capsys.readouterr()

    out = tmp_path / "out"
    assert main(["export", "--format", "jsonl", str(out), "--library", str(library),
                 "--set", "body=yes", "--set", "file=kb.jsonl"]) == 0
    printed = capsys.readouterr().out
    assert f"open {out / 'kb.jsonl'}" in printed and "exported 3 documents" in printed
    rows = [json.loads(line) for line in (out / "kb.jsonl").read_text("utf-8").splitlines()]
    assert sorted(r["title"] for r in rows) == ["會員常見問題", "退款須知", "開場白"]
    assert any("三個工作天內" in r["body"] for r in rows)

    assert main(["export", "--format", "jsonl", str(tmp_path / "two"), "--library",
                 str(library), "--set", "limit=1"]) == 0
    assert len((tmp_path / "two" / "documents.jsonl").read_text("utf-8").splitlines()) == 1
    # the exporter's own flags: --NAME VALUE, --NAME=VALUE, a true/false one alone
    assert main(["export", "--format", "jsonl", str(tmp_path / "three"), "--limit=2", "--body",
                 "--file", "x.jsonl", "--library", str(library)]) == 0
    rows = (tmp_path / "three" / "x.jsonl").read_text("utf-8").splitlines()
    assert len(rows) == 2 and all("body" in json.loads(row) for row in rows)
    capsys.readouterr()


@pytest.mark.parametrize(("setting", "message"), [
    ("limit=many", "jsonl: option 'limit': expected an integer, got 'many'"),
    ("limit=-2", "jsonl: option 'limit': must be 0 or more, not -2"),
    ("body=maybe", "jsonl: option 'body': expected true or false, got 'maybe'"),
    ("colour=red", "jsonl: no option called 'colour' (options: body, crash, file, limit)"),
])
def test_a_bad_option_is_refused_by_name_before_anything_is_written(
        acme_plugin: Path, library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        setting: str, message: str) -> None:
    out = tmp_path / "out"
    assert main(["export", "--format", "jsonl", str(out), "--library", str(library),
                 "--set", setting]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_flag_the_exporter_does_not_declare_is_refused(
        acme_plugin: Path, library: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as stop:
        main(["export", "--format", "jsonl", str(out), "--colour=red", "--library",
              str(library)])
    assert stop.value.code == 2
    assert "kbdesk export --format jsonl: error: unrecognized arguments: --colour=red" in (
        capsys.readouterr().err)
    assert main(["export", "--format", "jsonl", str(out), "--limit=1", "--set", "limit=2",
                 "--library", str(library)]) == 2
    assert "the option limit is given twice" in capsys.readouterr().err
    assert main(["export", "--format", "shapeless", str(out), "--x=1", "--library",
                 str(library)]) == 2
    assert "exporter 'shapeless' is not an exporter" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # only export reads flags of its own
        main(["index", "--limit=1", "--library", str(library)])
    assert not out.exists()


def test_list_formats_shows_options_and_names_the_broken_plugin(
        acme_plugin: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--list-formats"]) == 0
    text = capsys.readouterr().out
    assert "html  HTML site" in text and "jsonl  JSON lines" in text
    assert ("--limit INTEGER (or --set limit=INTEGER)  at most this many documents (0: all)  "
            "(default: 0)") in text
    assert "--body true|false (or --set body=true|false)" in text
    assert "shapeless  BROKEN: exporter 'shapeless' is not an exporter" in text
    assert main(["export", "--list-formats", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [f["name"] for f in listed["formats"]] == ["html", "jsonl"]
    assert listed["formats"][0]["options"][0]["name"] == "title"
    assert set(listed["broken"]) == {"shapeless"}


def test_broken_plugins_are_named_and_never_stop_the_others(
        acme_plugin: Path, library: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "shapeless", str(tmp_path / "x"), "--library",
                 str(library)]) == 2
    assert "exporter 'shapeless' is not an exporter" in capsys.readouterr().err
    with pytest.raises(BrokenPlugin, match=r"'missing' cannot be loaded: ModuleNotFoundError"):
        IMPORTERS.get("missing")
    # the other importers work, the broken one is left out of the formats and named
    assert "missing" not in [f.name for f in import_formats()]
    assert "acme_no_such_module" in IMPORTERS.broken()["missing"]
    txt = tmp_path / "a.txt"
    txt.write_text("退款說明\n\n一、時限\n\n三天內。\n", "utf-8")
    assert main(["import", str(txt), str(_faq(tmp_path)), "--library", str(library),
                 "--dry-run"]) == 0
    assert "export" not in [f.name for f in export_formats()]


def test_a_plugins_own_bug_is_said_by_name_without_a_traceback(
        acme_plugin: Path, library: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.faq"
    bad.write_text("Q: 甲\nX: boom\n", "utf-8")
    assert main(["import", str(bad), "--library", str(library), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "bad.faq: the faq importer failed (ZeroDivisionError" in err
    assert "Traceback" not in err
    out = tmp_path / "out"
    assert main(["export", "--format", "jsonl", str(out), "--library", str(library),
                 "--set", "crash=true"]) == 2
    err = capsys.readouterr().err
    assert "the jsonl exporter failed (RuntimeError: acme bug)" in err
    assert "Traceback" not in err


def test_an_entry_point_under_a_builtin_name_is_ignored(acme_plugin: Path) -> None:
    from kbdesk.core.exporters.html_site import HtmlSiteExporter

    assert isinstance(EXPORTERS.get("html"), HtmlSiteExporter)
    assert [f.name for f in export_formats()] == ["html", "jsonl"]


def test_a_file_no_importer_reads_lists_the_known_suffixes(
        acme_plugin: Path, library: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "notes.xyz"
    odd.write_text("x", "utf-8")
    assert main(["import", str(odd), "--library", str(library), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "notes.xyz: cannot import .xyz files" in err and ".faq" in err and ".docx" in err
    assert err.rstrip().endswith("importer plugins that cannot be used: missing")


def test_export_html_is_export_format_html(library: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["export-html", str(one), "--library", str(library)]) == 0
    alias = capsys.readouterr().out
    assert main(["export", "--format", "html", str(two), "--library", str(library)]) == 0
    assert capsys.readouterr().out == alias.replace(str(one), str(two))
    names = sorted(p.relative_to(one).as_posix() for p in one.rglob("*"))
    assert names == sorted(p.relative_to(two).as_posix() for p in two.rglob("*"))
    assert (one / "d").is_dir() and (one / "index.html").is_file()


def test_export_needs_a_format_and_a_folder(library: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "out", "--library", str(library)]) == 2
    assert "--format NAME and OUTDIR" in capsys.readouterr().err
    assert main(["export", "--format", "nope", "out", "--library", str(library)]) == 2
    assert "no kbdesk.exporters plugin called 'nope' (known: html)" in capsys.readouterr().err
    assert main(["export", "--format", "html", "out", "--set", "title=a", "--set", "title=b",
                 "--library", str(library)]) == 2
    assert "--set title is given twice" in capsys.readouterr().err


def test_the_html_title_option_titles_the_site(library: Path, tmp_path: Path) -> None:
    with KnowledgeBase(library) as kb:
        result = kb.exports.export("html", tmp_path / "site", options={"title": "客服知識庫"})
    assert "<title>客服知識庫" in (tmp_path / "site" / "index.html").read_text("utf-8")
    assert result.details["search_shards"] >= 1
    assert result.details["open"] == result.outdir / "index.html"


# -- options, declared the MkDocs way, checked by the core ----------------------------------


def test_options_convert_check_and_fill_defaults() -> None:
    declared = (
        Option("depth", int, 2, help="levels"),
        Option("ratio", float, 0.5),
        Option("pretty", bool, False),
        Option("theme", str, "light", choices=("light", "dark")),
        Option("out", Path, None),
        Option("name", str, required=True),
    )
    values = resolve_options("x", declared, {"depth": "3", "pretty": "on", "ratio": 1,
                                             "out": "~/kb", "name": "站"})
    assert values == {"depth": 3, "ratio": 1.0, "pretty": True, "theme": "light",
                      "out": Path("~/kb").expanduser(), "name": "站"}
    with pytest.raises(InvalidOption, match="x: option 'name' is required") as missing:
        resolve_options("x", declared, {})
    assert missing.value.option == "name"
    with pytest.raises(InvalidOption, match=r"x: option 'theme': 'blue' is not one of light, "
                       "dark"):
        resolve_options("x", declared, {"theme": "blue", "name": "n"})
    with pytest.raises(InvalidOption, match="expected an integer, got True"):
        resolve_options("x", declared, {"depth": True, "name": "n"})


def test_the_shape_of_a_plugin_is_checked_when_it_is_loaded() -> None:
    class NoSuffixes:
        name = "n"
        suffixes = ".txt"  # a string, not a list

        def read(self, path: Path, data: bytes) -> None: ...

    with pytest.raises(BrokenPlugin, match="suffixes must be a non-empty list"):
        check_importer(NoSuffixes(), "n")

    class BadOptions:
        name, title = "b", "B"
        options = (Option("a", dict),)

        def export(self, request, outdir, progress=None, cancel=None): ...

    with pytest.raises(BrokenPlugin, match="option 'a' has type"):
        check_exporter(BadOptions(), "b")
    for options, problem in (
            ((Option("Max_Size", int, 1),), "option name 'Max_Size' is not lower case"),
            ((Option("size", int, "big"),), "option 'size' has a default its own declaration "
                                            "refuses: expected an integer, got 'big'"),
            ((Option("size", int, 1), Option("size", int, 2)), "'size' is declared twice"),
            ((Option("mode", str, "x", choices=("a", "b")),), "'x' is not one of a, b"),
    ):
        BadOptions.options = options
        with pytest.raises(BrokenPlugin, match=re.escape(problem)):
            check_exporter(BadOptions(), "b")
    BadOptions.options = (Option("max-size", int, 1), Option("mode", str, "a", choices=("a",)))
    assert check_exporter(BadOptions(), "b").options[0].name == "max-size"
    registry: Registry = Registry("kbdesk.test-group", {"bad": "tests.no_such_module:X"},
                                  check_importer)
    assert registry.plugins() == []
    assert "ModuleNotFoundError" in registry.broken()["bad"]
    with pytest.raises(BrokenPlugin):
        registry.register("n", NoSuffixes())


def test_the_registries_hold_the_builtin_formats() -> None:
    assert [f.name for f in export_formats()] == ["html"]
    assert {f.name for f in import_formats()} == {"txt", "md", "docx", "html"}
    assert EXPORTERS.broken() == {} and IMPORTERS.broken() == {}


# -- the narrow seams: an import writes and an export reads without the facade ---------------


class _Shelf:
    def __init__(self) -> None:
        self.saved: list = []

    def save(self, draft):
        self.saved.append(draft)
        return draft

    def load(self, doc_id):
        return next((d for d in self.saved if d.doc_id == doc_id), None)

    def list(self):
        return list(self.saved)

    def discard(self, doc_id):
        return False


class _Target:
    """Only what ``apply.ImportTarget`` declares: no KnowledgeBase."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.drafts = _Shelf()
        self.published: list[tuple[str, str]] = []

    def documents(self):
        return []

    def unpublished(self):
        return {}

    def publish(self, doc, text, note, author=None):
        from kbdesk.core.workflow.versioning import PublishResult

        self.published.append((doc, note))
        return PublishResult(doc, doc, 1, "c0ffee", True)


def test_an_import_is_written_through_the_narrow_target(acme_plugin: Path,
                                                         tmp_path: Path) -> None:
    from kbdesk.core.importers.apply import write_plan
    from kbdesk.core.importers.planner import ImportOptions, plan_files

    plan = plan_files([_faq(tmp_path)], ImportOptions())
    target = _Target(tmp_path)
    [draft] = write_plan(target, plan)
    assert not draft.published and target.drafts.saved[0].path == draft.path
    [published] = write_plan(target, plan, publish=True, note="from acme")
    assert published.published and target.published == [(published.path, "from acme")]


def test_an_export_reads_only_its_source(tmp_path: Path) -> None:
    import datetime as dt

    from kbdesk.core import FixedClock
    from kbdesk.core.exporters.collect import ExportSource, export_request
    from kbdesk.core.library.parse import build_document
    from kbdesk.core.storage.history import VersionInfo

    docs = {
        "a": build_document("a.md", doc("甲", id="a", version=2)),
        "b": build_document("b.md", doc("乙", id="b", status="draft")),
        "c": build_document("c.md", doc("丙", id="c", effective="2031-01-01")),
    }

    class History:
        def versions(self, path, *, refresh=True):
            assert not refresh
            return [VersionInfo("a.md", "a", 2, "2030-05-01T10:00:00+08:00", "林", "改時限",
                                "c1", None, "published")] if path == "a.md" else []

    clock = FixedClock(dt.datetime(2030, 6, 1, 9, 0, tzinfo=dt.UTC))
    source = ExportSource("庫", tmp_path, clock, lambda _day: docs, History(), [["退款", "退錢"]])
    request = export_request(source, options={"title": "t"})
    assert [item.doc.id for item in request.documents] == ["a"]  # no draft, nothing pending
    change = request.documents[0].change
    assert (change.updated, change.note, change.author) == (dt.date(2030, 5, 1), "改時限", "林")
    assert request.as_of == dt.date(2030, 6, 1) and request.generated_at == clock.now()
    assert request.synonyms == (("退款", "退錢"),) and request.options == {"title": "t"}
