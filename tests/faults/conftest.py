"""Fixtures of the fault suite: workstations around a real bare remote, the CLI in a child
process on the suite's calendar, and a process that cannot override file permissions."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kbdesk.core.kb import KnowledgeBase
from tests.clock import child_command
from tests.conftest import REPO_ROOT
from tests.remotes import TWO_DOCUMENTS, two_workstations

FILES = TWO_DOCUMENTS


@pytest.fixture
def workstations(
    make_library: Callable[..., Path], bare: Path, tmp_path: Path
) -> tuple[KnowledgeBase, KnowledgeBase]:
    """Workstation A publishes the library to the bare remote; workstation B clones it."""
    return two_workstations(make_library(FILES), str(bare), tmp_path / "workstation-b")


def kbdesk(*args: str, timeout: float = 120, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``kbdesk ARGS`` in a child process on the suite's calendar."""
    return subprocess.run(
        child_command("kbdesk", *args), capture_output=True, text=True, timeout=timeout,
        cwd=REPO_ROOT, env=dict(os.environ), check=False, **kwargs,  # type: ignore[call-overload]
    )


def _drop_dac_override() -> None:  # pragma: no cover - runs in the child before exec
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_plain_user() -> dict[str, object]:
    """``subprocess`` arguments making a child obey file permissions even when run as root.

    A root process ignores a read-only mode; the child drops the capabilities that let it, as
    an ordinary user's process would be.
    """
    return {"preexec_fn": _drop_dac_override} if os.geteuid() == 0 else {}


def python_in_child(code: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` in a child process (the repository importable)."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        cwd=REPO_ROOT, env=dict(os.environ), check=False, **kwargs,  # type: ignore[call-overload]
    )
