"""Where kbdesk keeps things: app data, the per-user cache, and the bundled files.

``KBDESK_DATA_DIR`` overrides every app-data location (settings, the user's library, the index
cache, drafts, logs), so tests and portable installs never touch the real profile.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "kbdesk"
_REPO_ROOT = Path(__file__).resolve().parents[3]


def data_dir() -> Path:
    """Return the folder for the user's data (settings, library, drafts, logs)."""
    override = os.environ.get("KBDESK_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Return the folder for derived data such as search indexes."""
    override = os.environ.get("KBDESK_DATA_DIR")
    if override:
        return Path(override).expanduser() / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_library_dir() -> Path:
    """Return where the user's own library lives unless told otherwise."""
    return data_dir() / "library"


def _bundled(name: str) -> Path:
    """Find a bundled top-level folder, in an installed wheel or in a source checkout."""
    try:
        candidate = resources.files("kbdesk") / "_bundled" / name
        path = Path(str(candidate))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - defensive
        pass
    return _REPO_ROOT / name


def bundled_content_dir() -> Path:
    """Return the bundled demo library (``content/``)."""
    return _bundled("content")


def resources_dir() -> Path:
    """Return the bundled resources folder (templates, icons, styles, translations)."""
    return _bundled("resources")
