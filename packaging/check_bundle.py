"""``make check-dist``: the bundle and the Debian package work where no Python can be reached.

Run after ``make dist`` (as root for the ``.deb`` part). It prepares a shared library (a bare
git repository holding the demo library) and a site settings file presetting it, then:

1. In a ``bubblewrap`` sandbox that binds only the unpacked bundle, the system library folders
   and the fonts (no ``/usr/bin``, Debian's Python library folders hidden, empty environment):
   ``kbdesk --version``; ``kbdesk search 投訴 --json`` on the bundled demo library; the same
   search after joining the preset shared library on first use; the app started offscreen,
   joining the preset library with no question asked, and closed cleanly once ready.
2. ``dpkg -i`` of the ``.deb``, then the installed ``kbdesk`` with a bare environment
   (``env -i PATH=/usr/bin:/bin``): the same checks; then ``dpkg -r``.

Prints the bundle size and the cold start of the bundled CLI (median of five runs each).
Exit 0 only when every check passed.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "kbdesk"
RUNS = 5


def _say(message: str) -> None:
    print(f"check-dist: {message}", flush=True)


#: a word only the preset shared library holds (in a document check-dist adds to it)
SHARE_ONLY = "館藏核對碼"


def make_share(work: Path) -> Path:
    """A bare shared library holding the demo library (made with kbdesk's own code)."""
    sys.path.insert(0, str(ROOT))
    os.environ["KBDESK_DATA_DIR"] = str(work / "maker-data")
    from kbdesk.core.kb import KnowledgeBase
    from kbdesk.core.storage.repo import LibraryRepo
    from tests.remotes import make_bare

    library = work / "editor-library"
    shutil.copytree(ROOT / "content", library)
    # a document only the shared library holds: a search that finds it searched the share
    (library / "handbooks" / "preset-check.md").write_text(
        "---\ntitle: 共享館藏核對\nkind: handbook\nid: preset-check\ncategory: 核對\n"
        "effective: 2025-01-01\n---\n\n## 核對\n\n" + SHARE_ONLY + " 只在預設的共享館藏裡。\n",
        "utf-8")
    LibraryRepo.init(library, when=int(time.time())).close()  # the editor's own clock
    share = make_bare(work / "share" / "kb.git")
    with KnowledgeBase(library) as kb:
        if not kb.sync.sync(str(share)).pushed:
            raise SystemExit("check-dist: could not prepare the shared library")
    return share


def bwrap(bundle: Path, work: Path, home: Path, argv: list[str],
          env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = ["bwrap", "--ro-bind", str(bundle), "/opt/kbdesk",
               "--ro-bind", "/usr/lib", "/usr/lib", "--ro-bind-try", "/usr/lib64", "/usr/lib64",
               "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
               "--ro-bind-try", "/usr/share/fonts", "/usr/share/fonts",
               "--ro-bind-try", "/etc/fonts", "/etc/fonts",
               "--ro-bind-try", "/usr/share/X11", "/usr/share/X11",
               "--ro-bind", str(work / "share"), "/srv/share",
               "--ro-bind", str(work / "etc"), "/srv/etc",
               "--bind", str(home), "/home/agent",
               "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
               "--unshare-all", "--die-with-parent", "--clearenv",
               "--setenv", "HOME", "/home/agent", "--setenv", "PATH", "/opt/kbdesk",
               "--setenv", "LANG", "C.UTF-8"]
    for folder in sorted(Path("/usr/lib").glob("python3*")):  # no Python in the sandbox
        command += ["--tmpfs", str(folder)]
    for key, value in env.items():
        command += ["--setenv", key, value]
    return subprocess.run([*command, "/opt/kbdesk/kbdesk", *argv], capture_output=True,
                          text=True, timeout=600)


def bare_env(home: Path, argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **env}
    return subprocess.run(["env", "-i", *(f"{k}={v}" for k, v in environment.items()),
                           "kbdesk", *argv], capture_output=True, text=True, timeout=600,
                          cwd=str(home))


def expect(label: str, result: subprocess.CompletedProcess[str], check: object = None) -> None:
    ok = result.returncode == 0 and "Traceback" not in result.stderr
    if ok and check is not None:
        ok = bool(check(result.stdout))  # type: ignore[operator]
    if not ok:
        _say(f"FAILED: {label} (exit {result.returncode})")
        print(result.stdout[-2000:], result.stderr[-4000:], sep="\n", file=sys.stderr)
        raise SystemExit(1)
    _say(f"ok: {label}")


def _share_hits(text: str) -> bool:
    return any(h["doc_id"] == "preset-check" for h in json.loads(text))


def _no_share_hits(text: str) -> bool:
    return not _share_hits(text)


def _hits(text: str) -> bool:
    hits = json.loads(text)
    return bool(hits) and any("投訴" in h["snippet_text"] or "投诉" in h["snippet_text"]
                              for h in hits)


def checks(run, fresh_home, site: str, label: str) -> None:  # type: ignore[no-untyped-def]
    expect(f"{label}: kbdesk --version", run(fresh_home(), ["--version"], {}),
           lambda out: out.startswith("kbdesk "))
    plain = fresh_home()
    expect(f"{label}: search on the bundled demo library",
           run(plain, ["search", "投訴", "--json"], {}), _hits)
    expect(f"{label}: the bundled demo library lacks the shared library's own document",
           run(plain, ["search", SHARE_ONLY, "--json"], {}), _no_share_hits)
    preset = {"KBDESK_SITE_CONFIG": site}
    home = fresh_home()
    expect(f"{label}: search after joining the preset shared library",
           run(home, ["search", "投訴", "--json"], preset), _hits)
    expect(f"{label}: that search reads the shared library (its own document found)",
           run(home, ["search", SHARE_ONLY, "--json"], preset), _share_hits)
    gui = {**preset, "QT_QPA_PLATFORM": "offscreen", "KBDESK_QUIT_WHEN_READY": "1"}
    app_home = fresh_home()
    expect(f"{label}: the app started offscreen, joined the preset library, closed cleanly",
           run(app_home, [], gui))
    # what the app joined stays the user's library: the command line finds the shared
    # library's own document there with no site settings at all
    expect(f"{label}: the library the app joined is the user's library afterwards",
           run(app_home, ["search", SHARE_ONLY, "--json"], {}), _share_hits)


def timings(bundle: Path, work: Path, home: Path) -> None:
    for label, argv in (("kbdesk --version", ["--version"]),
                        ("kbdesk search (index current)", ["search", "投訴"])):
        bwrap(bundle, work, home, argv, {})  # warm the file cache and the index
        seconds = []
        for _run in range(RUNS):
            start = time.perf_counter()
            bwrap(bundle, work, home, argv, {})
            seconds.append(time.perf_counter() - start)
        _say(f"cold start, {label}: median {statistics.median(seconds):.2f} s of {RUNS} "
             "(in the sandbox)")


def main() -> int:
    if not (BUNDLE / "kbdesk").is_file():
        raise SystemExit("check-dist: no dist/kbdesk/kbdesk; run `make dist` first")
    if shutil.which("bwrap") is None:
        raise SystemExit("check-dist: bubblewrap is not installed (apt-get install bubblewrap)")
    with tempfile.TemporaryDirectory(prefix="kbdesk-check-dist-") as tmp:
        work = Path(tmp)
        share = make_share(work)
        (work / "etc").mkdir()
        (work / "etc" / "site.yaml").write_text(
            "library_url: /srv/share/kb.git\nsettings:\n  ui_language: zh_TW\n", "utf-8")
        homes = iter(range(1000))

        def fresh_home() -> Path:
            home = work / "homes" / f"h{next(homes)}"
            home.mkdir(parents=True)
            return home

        def in_sandbox(home: Path, argv: list[str], env: dict[str, str]):  # type: ignore[no-untyped-def]
            return bwrap(BUNDLE, work, home, argv, env)

        checks(in_sandbox, fresh_home, "/srv/etc/site.yaml", "bundle in a sandbox")
        size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file())
        _say(f"bundle size: {size / 2**20:.0f} MB unpacked")
        timings(BUNDLE, work, fresh_home())
        packages = sorted((ROOT / "dist").glob("kbdesk_*.deb"))
        if not packages:
            raise SystemExit("check-dist: no dist/kbdesk_*.deb; run `make dist` first")
        if os.geteuid() != 0:
            _say("not root: the .deb is not installed (run as root to check it)")
            return 0
        package = packages[-1]
        depends = subprocess.run(["dpkg-deb", "-f", str(package), "Depends"], check=True,
                                 capture_output=True, text=True).stdout
        wanted = [d.split("(")[0].split("|")[0].strip() for d in depends.split(",") if d.strip()]
        missing = [name for name in wanted if subprocess.run(
            ["dpkg", "-s", name], capture_output=True).returncode != 0]
        if missing:  # what dpkg -i does not fetch by itself
            subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                            *missing], check=True, capture_output=True,
                           env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        installed_by = subprocess.run(["dpkg", "-i", str(package)], capture_output=True,
                                      text=True)
        if installed_by.returncode != 0:
            raise SystemExit(f"check-dist: dpkg -i {package.name} failed:\n"
                             f"{installed_by.stderr}")
        _say(f"ok: dpkg -i {package.name}")
        try:
            real_site = str(work / "etc" / "site-real.yaml")
            Path(real_site).write_text(f"library_url: {share}\n", "utf-8")

            def installed(home: Path, argv: list[str], env: dict[str, str]):  # type: ignore[no-untyped-def]
                return bare_env(home, argv, env)

            checks(installed, fresh_home, real_site, "installed .deb, bare environment")
        finally:
            subprocess.run(["dpkg", "-r", "kbdesk"], check=False, capture_output=True)
    _say("every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
