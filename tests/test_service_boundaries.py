"""The root and its services: no service sees the ``KnowledgeBase`` (issue 17).

The import-linter contract "Only the root imports the KnowledgeBase" leaves out imports made
only for type checking (``exclude_type_checking_imports`` in pyproject.toml), so a service that
names ``KnowledgeBase`` in a ``TYPE_CHECKING`` block, and then takes the whole facade, would
pass it. This test reads every module of the core with ``ast`` and refuses any import of
``kbdesk.core.kb`` outside the root, the public face and ``doctor.py`` (which opens a library
as the clients do), whether it runs or only serves the type checker.
"""

from __future__ import annotations

import ast
from pathlib import Path

from kbdesk.core import KnowledgeBase
from tests.conftest import REPO_ROOT, doc

CORE = REPO_ROOT / "kbdesk" / "core"
ROOT_MODULE = "kbdesk.core.kb"
#: the modules that may import the root: itself, the public face, and the doctor (a client)
ALLOWED = {"kbdesk.core.kb", "kbdesk.core", "kbdesk.core.doctor"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def root_imports(source: str, module: str, *, package: bool = False) -> list[int]:
    """The lines of ``source`` (the module named ``module``) that import the root, under
    ``TYPE_CHECKING`` or not: ``kbdesk.core.kb`` itself, anything in it, or
    ``KnowledgeBase``/``kb`` from ``kbdesk.core``."""
    here = module.split(".") if package else module.split(".")[:-1]
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            if any(alias.name == ROOT_MODULE or alias.name.startswith(ROOT_MODULE + ".")
                   for alias in node.names):
                lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # a relative import: resolve it against this module's package
                anchor = here[: len(here) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base == ROOT_MODULE or base.startswith(ROOT_MODULE + "."):
                lines.append(node.lineno)
            elif base == "kbdesk.core" and any(alias.name in {"kb", "KnowledgeBase"}
                                               for alias in node.names):
                lines.append(node.lineno)
    return lines


def test_the_check_sees_imports_made_only_for_type_checking() -> None:
    hidden = ("from typing import TYPE_CHECKING\n"
              "if TYPE_CHECKING:\n"
              "    from kbdesk.core.kb import KnowledgeBase\n")
    assert root_imports(hidden, "kbdesk.core.exporters.service") == [3]
    assert root_imports("from ..kb import KnowledgeBase\n",
                        "kbdesk.core.importers.service") == [1]
    assert root_imports("from kbdesk.core import KnowledgeBase\n", "kbdesk.core.team.x") == [1]
    assert root_imports("import kbdesk.core.kb as root\n", "kbdesk.core.sync.x") == [1]
    assert root_imports("from kbdesk.core.library.model import Document\n"
                        "from kbdesk.core import kbm\n", "kbdesk.core.reading.x") == []


def test_no_service_module_imports_the_root_even_for_type_checking() -> None:
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) > 100  # the whole core was read
    found = {}
    for path in modules:
        name = module_name(path)
        if name in ALLOWED:
            continue
        lines = root_imports(path.read_text("utf-8"), name, package=path.name == "__init__.py")
        if lines:
            found[name] = lines
    assert found == {}


def test_the_versions_service_keeps_versioning_and_resolver_private(make_library) -> None:
    """Clients read and write versions through the services' methods; the git versioning and
    the in-force resolver behind them are not a second route."""
    kb = KnowledgeBase(make_library({"a.md": doc("甲", id="a")}))
    try:
        assert not hasattr(kb.versions, "versioning")
        assert not hasattr(kb.versions, "resolver")
        public = {name for name in vars(kb.versions) if not name.startswith("_")}
        assert public == {"root"}
        assert not hasattr(kb.publishing, "versioning")  # nor around publishing
    finally:
        kb.close()


def test_the_root_keeps_no_second_route(make_library) -> None:
    """The rules that moved to services are reached only through them."""
    kb = KnowledgeBase(make_library({"a.md": doc("甲", id="a")}))
    try:
        for moved in ("check", "categories", "working_calendar", "avoid_entries",
                      "search_gap", "start_page", "ack_status", "indexed_documents"):
            assert not hasattr(kb, moved), moved
    finally:
        kb.close()
