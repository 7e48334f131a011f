"""Headless Chromium for the export's browser tests (Debian's ``chromium``, driven by Playwright).

No browser is downloaded: Playwright launches the system Chromium through ``executable_path``.
Without Chromium the tests fail under CI (``CI=true``: ``.ci/run`` installs it, so a missing
browser is a broken setup) and are skipped, with the reason, on a developer's machine.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser")
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    """The system Chromium (``KBDESK_CHROMIUM`` overrides), or None."""
    override = os.environ.get("KBDESK_CHROMIUM")
    if override:
        return override if Path(override).exists() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing(reason: str) -> None:
    """Fail in CI, skip elsewhere: the browser tests may never silently pass without a browser."""
    message = f"{reason}; install it with: apt-get install -y chromium (bash .ci/run does)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@contextmanager
def launched() -> Iterator[Any]:
    """A persistent browser context with a fresh profile folder (removed afterwards)."""
    executable = chromium_path()
    if executable is None:
        missing("Chromium is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the Playwright package is missing (pip install -e '.[test]')")
    profile = tempfile.mkdtemp(prefix="kbdesk-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=executable, headless=True, args=LAUNCH_ARGS,
                viewport={"width": 1100, "height": 900}, locale="zh-TW",
            )
            try:
                context.grant_permissions(["clipboard-read", "clipboard-write"])
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def open_page(context: Any, url: str) -> Any:
    """Open ``url`` in a new tab; script errors on the page are collected in ``page.errors``."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url)
    return page
