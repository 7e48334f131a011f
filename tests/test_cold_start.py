"""Cold start: the command line imports only what a command needs (issue 20).

``kbdesk --version`` imports no part of the core; ``--help`` loads neither Qt nor the search
engine, git, OpenCC, Markdown or YAML; a command that does not search (``history``, ``show``,
``check``) never loads Whoosh, the segmenter or pypinyin; ``search`` loads the engine but not
the importers, the exporters, the team's git exchange or the sync transports; ``search`` of an
index that is current loads no git, signing, versioning, team or locking module at all (the
services are built on first use); no command ever loads Qt. Each case runs in a fresh interpreter and lists the modules it ended with: a test of
what is imported, not of time (times are in ``docs/benchmarks.md``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import kbdesk.core
from tests.conftest import REPO_ROOT, doc

#: runs ``kbdesk ARGS`` in-process, then prints every module loaded on stderr
PROBE = """
import json, sys
from kbdesk.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("MODULES " + json.dumps(sorted(sys.modules)), file=sys.stderr)
"""
#: the top-level packages no command-line start-up may load
HEAVY = {"PySide6", "whoosh", "dulwich", "opencc", "rjieba", "jieba", "pypinyin", "markdown",
         "jinja2", "ruamel"}
#: what a command that does not search must never load: the engine, the segmenter, pinyin
SEARCH_ONLY = {"whoosh", "rjieba", "jieba", "pypinyin"}
#: what a search of a current index never needs: git and the signing keys, the file lock, the
#: package metadata, and the services (versions, publishing, sync, reading, the team, drafts)
NOT_FOR_A_CURRENT_INDEX = {"dulwich", "cryptography", "filelock", "importlib.metadata"}
SERVICES = ("kbdesk.core.storage", "kbdesk.core.workflow", "kbdesk.core.sync",
            "kbdesk.core.team", "kbdesk.core.reading", "kbdesk.core.search.asof",
            # the no-results log (and the workstation's identity) only for a search that is a gap
            "kbdesk.core.workstation.userstate", "kbdesk.core.workstation.identity")


def loaded_modules(*args: str) -> set[str]:
    """Every module ``kbdesk ARGS`` ended with (in a fresh interpreter)."""
    run = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                         timeout=120, cwd=REPO_ROOT, env={**os.environ})
    line = next((line for line in run.stderr.splitlines() if line.startswith("MODULES ")), None)
    assert line is not None, run.stderr
    return set(json.loads(line.removeprefix("MODULES ")))


def loaded(*args: str) -> set[str]:
    """The top-level packages ``kbdesk ARGS`` ended with."""
    return {name.split(".")[0] for name in loaded_modules(*args)}


def test_version_imports_no_part_of_the_core() -> None:
    modules = loaded_modules("--version")
    assert {name.split(".")[0] for name in modules} & (HEAVY | {"yaml", "platformdirs"}) == set()
    assert {name for name in modules if name.startswith("kbdesk.")} <= {
        "kbdesk.cli", "kbdesk.cli.arguments", "kbdesk.cli.terminal"}


@pytest.mark.parametrize("args", [("--help",), ("search", "--help"), ("history", "--help")])
def test_help_loads_nothing_heavy(args: tuple[str, ...]) -> None:
    modules = loaded_modules(*args)
    assert {name.split(".")[0] for name in modules} & (HEAVY | {"yaml", "platformdirs"}) == set()
    assert not any(name.startswith(("kbdesk.core.kb", "kbdesk.core.search",
                                    "kbdesk.core.storage", "kbdesk.core.workflow", "kbdesk.core.reading", "kbdesk.core.sync", "kbdesk.core.library"))
                   for name in modules)


def test_no_command_loads_qt_and_only_search_loads_the_engine(make_library) -> None:
    root: Path = make_library({"a.md": doc("退款須知", id="refund", body="退款在五日內到帳。")})
    search = loaded_modules("search", "退款", "--json", "--library", str(root))
    assert {"whoosh", "rjieba"} <= {name.split(".")[0] for name in search}  # it did search
    assert "PySide6" not in {name.split(".")[0] for name in search}
    # a search reads the index: no importer, exporter, team exchange or sync transport
    assert not any(name.startswith(("kbdesk.core.importers", "kbdesk.core.exporters",
                                    "kbdesk.core.team.exchange", "kbdesk.core.sync.sync",
                                    "kbdesk.gui"))
                   for name in search)
    for command in (("history", "refund"), ("show", "refund"), ("check",)):
        modules = loaded(*command, "--library", str(root))
        assert "kbdesk" in modules
        assert "PySide6" not in modules, command
        assert modules & SEARCH_ONLY == set(), (command, modules & SEARCH_ONLY)


def test_a_search_of_a_current_index_builds_no_service(make_library) -> None:
    root: Path = make_library({"a.md": doc("退款須知", id="refund", body="退款在五日內到帳。")})
    args = ("search", "退款", "--json", "--library", str(root))
    first = loaded_modules(*args)  # builds the index: the versions in force come from git
    assert "dulwich" in {name.split(".")[0] for name in first}
    again = loaded_modules(*args)  # the index is current: searched as it is
    assert {"whoosh", "rjieba"} <= {name.split(".")[0] for name in again}  # it did search
    assert {name for name in again
            if name.split(".")[0] in NOT_FOR_A_CURRENT_INDEX
            or name in NOT_FOR_A_CURRENT_INDEX} == set()
    # the parser's choices come from the team records' constants (FLAG_KINDS): no service
    parser_constants = {"kbdesk.core.team", "kbdesk.core.team.records"}
    assert [name for name in again
            if name.startswith(SERVICES) and name not in parser_constants] == []


def test_every_name_of_the_core_face_resolves() -> None:
    for name in kbdesk.core.__all__:
        assert getattr(kbdesk.core, name) is not None, name
    assert set(kbdesk.core.__all__) <= set(dir(kbdesk.core))


def test_services_are_built_once_on_first_use_from_any_thread(make_library) -> None:
    from kbdesk.core import KnowledgeBase

    root: Path = make_library({"a.md": doc("退款須知", id="refund", body="退款在五日內到帳。")})
    with KnowledgeBase(root) as kb:
        assert kb.search("退款").hits  # the first search syncs the index (versions in force)
    with KnowledgeBase(root) as kb:
        assert kb.use_current_index()
        assert [hit.doc_id for hit in kb.search("退款").hits] == ["refund"]
        assert "sync" not in vars(kb)  # the search built no service
        start = threading.Barrier(8)
        got: list[object] = []

        def take() -> None:
            start.wait()
            got.append(kb.sync)

        workers = [threading.Thread(target=take) for _ in range(8)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert len(got) == 8 and all(service is got[0] for service in got)
        assert kb.sync.unpublished() == {}  # built after the search, and working
        kb.open_services()
        assert {"drafts", "receipts", "versions", "team", "publishing", "reading",
                "as_of_indexes"} <= set(vars(kb))


@pytest.mark.parametrize("name", ["spoken.yaml", "crisis.yaml"])
def test_the_shipped_tables_a_search_reads_load_the_same_with_libyaml(name: str) -> None:
    """A search reads these at every start with libyaml's loader when PyYAML has it (faster);
    the data must be what the pure-Python safe loader reads."""
    import yaml

    text = (REPO_ROOT / "resources" / "thesaurus" / name).read_text("utf-8")
    fast = yaml.load(text, Loader=yaml.CSafeLoader)
    assert fast and fast == yaml.safe_load(text)
