"""``kbdesk doctor``: checks a workstation and says, one line each, what is wrong and the fix.

The checks: Qt's platform plugin and the system libraries it lacks (by Debian package name),
a display for it, fonts with Chinese glyphs, the data folder writable, the library valid, its
search index current, the shared library reachable and the last sync. Qt is never imported:
the plugin's libraries are read with ``ldd`` and fonts with ``fc-list``, so the doctor also
runs where the app cannot start, which is when it is needed.

What the checks read from the machine comes through :class:`Probes`, so tests can stand in
for a machine without a display or without a library.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kbdesk.core.errors import KbError
from kbdesk.core.workstation import paths

#: shared library -> the Debian (and Ubuntu) package that ships it, for what Qt's platform
#: plugins load (``ldd`` of libqxcb.so, libqoffscreen.so and libqwayland.so of PySide6 6.x)
DEBIAN_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}
#: font file names that hold Chinese glyphs, for a machine without ``fc-list``
_CJK_FONT_FILE = re.compile(
    r"cjk|wqy|wenquanyi|droidsansfallback|uming|ukai|sourcehan|notosanssc|notosanstc|"
    r"msyh|msjh|simsun|simhei|mingliu|pingfang|hiragino", re.IGNORECASE)
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


@dataclass(frozen=True)
class Check:
    """The outcome of one check.

    Attributes:
        name: what was checked, in a few words.
        ok: whether it passed.
        detail: what was found.
        fix: what to do when it did not pass ("" when it did).
    """

    name: str
    ok: bool
    detail: str
    fix: str = ""


def _qt_plugin_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing Qt
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"


def _missing_libraries(library: Path) -> set[str] | None:
    """The shared libraries ``library`` needs that cannot be found (None without ``ldd``)."""
    if shutil.which("ldd") is None:
        return None
    run = subprocess.run(["ldd", str(library)], capture_output=True, text=True, timeout=30,
                         check=False)
    return {line.split("=>")[0].strip() for line in run.stdout.splitlines()
            if "not found" in line}


def _cjk_fonts() -> list[str]:
    """Font families (or files) with Chinese glyphs installed on this machine."""
    if shutil.which("fc-list"):
        run = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True,
                             text=True, timeout=30, check=False)
        return sorted({line.split(",")[0].strip() for line in run.stdout.splitlines()
                       if line.strip()})
    found: set[str] = set()
    for folder in _FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            found.update(p.name for p in root.rglob("*") if _CJK_FONT_FILE.search(p.name))
    return sorted(found)


def _probe_remote(url: str) -> str | None:
    """None when the shared library at ``url`` answers, else why not."""
    from dulwich.client import HTTPUnauthorized, get_transport_and_path
    from dulwich.errors import GitProtocolError, NotGitRepository

    from kbdesk.core.workstation import credentials

    try:
        client, path = get_transport_and_path(url, **credentials.transport_auth(url))
        client.get_refs(path.encode("utf-8") if isinstance(path, str) else path)
    except (OSError, ValueError, GitProtocolError, NotGitRepository, HTTPUnauthorized) as exc:
        kind = credentials.refusal(exc)
        if kind is not None:
            return ("sign-in needed (HTTP 401)" if kind == credentials.SIGNIN_NEEDED
                    else "not allowed (HTTP 403)")
        return credentials.redact(f"{type(exc).__name__}: {exc}")
    return None


@dataclass
class Probes:
    """What the checks read from the machine (each replaceable in tests)."""

    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    platform: str = sys.platform
    qt_plugin_dir: Callable[[], Path | None] = _qt_plugin_dir
    missing_libraries: Callable[[Path], set[str] | None] = _missing_libraries
    cjk_fonts: Callable[[], list[str]] = _cjk_fonts
    probe_remote: Callable[[str], str | None] = _probe_remote


def qt_platform(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt would load: ``QT_QPA_PLATFORM``, else by the session."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return "wayland"
    return "xcb"


def install_command(libraries: set[str]) -> str:
    """The ``apt-get`` line installing ``libraries`` (unknown ones named for apt-file)."""
    known = sorted({DEBIAN_PACKAGES[name] for name in libraries if name in DEBIAN_PACKAGES})
    unknown = sorted(name for name in libraries if name not in DEBIAN_PACKAGES)
    parts = []
    if known:
        parts.append("sudo apt-get install " + " ".join(known))
    if unknown:
        parts.append("find the package of " + ", ".join(unknown) + " with apt-file search")
    return "; ".join(parts)


def check_qt(probes: Probes) -> list[Check]:
    """Qt's platform plugin, the libraries it lacks, and a display for it."""
    name = qt_platform(probes.environ)
    label = f"Qt platform plugin ({name})"
    folder = probes.qt_plugin_dir()
    if folder is None:
        return [Check(label, False, "PySide6 is not installed",
                      "install kbdesk with its dependencies (make run, or pip install kbdesk)")]
    plugin = folder / f"libq{name}.so"
    out: list[Check] = []
    if probes.platform != "linux":
        out.append(Check(label, True, "libraries not checked on this system"))
    elif not plugin.is_file():
        known = sorted(p.name[4:-3] for p in folder.glob("libq*.so"))
        out.append(Check(label, False, f"Qt has no platform plugin named {name!r}",
                         f"set QT_QPA_PLATFORM to one of: {', '.join(known)}"))
    else:
        missing = probes.missing_libraries(plugin)
        if missing is None:
            out.append(Check(label, True, "found (its libraries were not checked: no ldd)"))
        elif missing:
            out.append(Check(label, False, "missing " + ", ".join(sorted(missing)),
                             install_command(missing)))
        else:
            out.append(Check(label, True, "every library it needs is installed"))
    if name == "xcb":
        display = probes.environ.get("DISPLAY", "")
        out.append(Check("display", bool(display),
                         f"X display {display}" if display else "DISPLAY is not set",
                         "" if display else "start kbdesk from a desktop session; for a run "
                         "without a screen set QT_QPA_PLATFORM=offscreen"))
    elif name == "wayland":
        display = probes.environ.get("WAYLAND_DISPLAY", "")
        out.append(Check("display", bool(display),
                         f"Wayland display {display}" if display else "WAYLAND_DISPLAY is not set",
                         "" if display else "start kbdesk from a Wayland session"))
    return out


def check_fonts(probes: Probes) -> Check:
    """A font with Chinese glyphs."""
    fonts = probes.cjk_fonts()
    if fonts:
        more = f" and {len(fonts) - 3} more" if len(fonts) > 3 else ""
        return Check("Chinese fonts", True, ", ".join(fonts[:3]) + more)
    return Check("Chinese fonts", False, "no font with Chinese glyphs: text shows as boxes",
                 "sudo apt-get install fonts-noto-cjk")


def check_data_folder() -> Check:
    """The data folder (settings, receipts, drafts) and the index cache can be written."""
    folders = [paths.data_dir(), paths.cache_dir()]
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".kbdesk-doctor-"):
                pass
        except OSError as exc:
            return Check("data folder", False, f"{folder} cannot be written ({exc.strerror})",
                         f"make {folder} writable, or set KBDESK_DATA_DIR to a writable folder")
    return Check("data folder", True, " and ".join(str(f) for f in folders) + " writable")


def check_library(library: Path | str | None, probes: Probes) -> list[Check]:
    """The library valid, its index current, the shared library reachable, the last sync."""
    from kbdesk.core.kb import KnowledgeBase
    from kbdesk.core.search.freshness import library_stamp

    try:
        kb = KnowledgeBase(library)
    except KbError as exc:
        return [Check("library", False, str(exc),
                      "pass --library DIR, or join the team's library with kbdesk clone URL")]
    try:
        problems = kb.library_rules.check()
        count = kb.document_count()
        out = [Check("library", not problems,
                     f"{kb.root}: {count} documents" + (f", {len(problems)} problem(s)"
                                                        if problems else ""),
                     f"kbdesk --library {kb.root} check lists them" if problems else "")]
        current = kb.index.is_current(library_stamp(kb.root, kb.today()))
        out.append(Check("search index", current,
                         "current" if current else "not current with the library's files",
                         "" if current else f"kbdesk --library {kb.root} index "
                         "(the app also updates it at start)"))
        url = kb.sync.remote_url()
        if url is None:
            out.append(Check("shared library", True, "none: this workstation's own library"))
            return out
        error = probes.probe_remote(url)
        fix = "check the network or the file share; everything keeps working on the last " \
              "synced state"
        if error is not None and error.startswith("sign-in needed"):
            fix = f"kbdesk credentials set {url}"
        elif error is not None and error.startswith("not allowed"):
            fix = "ask the Git server's administrator for access"
        out.append(Check("shared library", error is None,
                         f"{url} reachable" if error is None else f"{url}: {error}",
                         "" if error is None else fix))
        state = kb.sync.sync_state()
        last, failure = state.get("last_synced", ""), state.get("last_error", "")
        synced = bool(last) and not failure
        status = state.get("last_status", "")
        detail = (f"last synced {last[:16].replace('T', ' ')}" if last else "never synced") + (
            f"; the last attempt failed ({status}): {failure}" if failure else "")
        out.append(Check("last sync", synced, detail,
                         "" if synced else f"kbdesk --library {kb.root} sync"))
        out.append(check_team_records(kb.root))
        return out
    finally:
        kb.close()


def check_team_records(root: Path) -> Check:
    """Other workstations' records: refused chains, forged records, refs past their bound."""
    from kbdesk.core.team.chain import Kept

    problems = Kept(root).problems()
    if not problems:
        return Check("team records", True, "every other workstation's records verify")
    return Check("team records", False, "; ".join(problems),
                 "see docs/team.md (Chains): someone wrote to another workstation's records "
                 "on the shared library, or a workstation's key changed")


def check_site_settings() -> Check:
    """The organisation's site settings: which file is in force, what it presets and locks,
    and its problems."""
    from kbdesk.core.workstation.settings import SPEC_BY_KEY
    from kbdesk.core.workstation.site import load_site, site_config_path

    site = load_site(specs=SPEC_BY_KEY)
    if site.path is None:
        return Check("site settings", True, f"none ({site_config_path()} does not exist)")
    if site.problems:
        return Check("site settings", False, "; ".join(site.problems),
                     f"correct {site.path} (see docs/deploying.md)")
    parts = [str(site.path)]
    if site.library_url:
        parts.append(f"shared library {site.library_url}")
    if site.defaults:
        parts.append("defaults " + ", ".join(sorted(site.defaults)))
    if site.locked:
        parts.append("locked " + ", ".join(sorted(site.locked)))
    elif site.requested_locks:
        parts.append("locks ignored: the file can be changed by others than administrators")
    return Check("site settings", True, "; ".join(parts))


def run_checks(library: Path | str | None = None, probes: Probes | None = None) -> list[Check]:
    """Every check, in the order ``kbdesk doctor`` prints them."""
    probes = probes or Probes()
    return [
        *check_qt(probes),
        check_fonts(probes),
        check_data_folder(),
        check_site_settings(),
        *check_library(library, probes),
    ]
