"""An installed wheel carries the demo library and resources, reachable via importlib.resources."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO_ROOT


@pytest.mark.slow
def test_wheel_contains_bundled_content_and_finds_it(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(REPO_ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = list((tmp_path / "dist").glob("kbdesk-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "kbdesk/_bundled/content/library.yaml" in names
    assert any(n.startswith("kbdesk/_bundled/resources/") for n in names)
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "from kbdesk.core.workstation import paths; p = paths.bundled_content_dir(); "
        "print(p); assert (p / 'library.yaml').is_file(), p"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
