"""``make dist``: the self-contained kbdesk folder, a ``.tar.gz`` of it and a Debian package.

1. The UI translations are compiled (the bundle has no ``lrelease``).
2. PyInstaller builds ``dist/kbdesk/`` from ``packaging/kbdesk.spec``: the ``kbdesk``
   executable with Python, Qt, the demo library and the resources beside it.
3. ``dist/kbdesk-VERSION-linux-ARCH.tar.gz`` holds that folder.
4. ``dist/kbdesk_VERSION_ARCH.deb`` installs it in ``/opt/kbdesk`` with ``/usr/bin/kbdesk``
   and a desktop entry; its ``Depends`` lists the Debian package of every system library the
   bundle links against (read with ``ldd`` and ``dpkg -S``), so the build machine must have
   them installed: a library no package provides stops the build with its name.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build" / "dist"
#: libraries every Linux system has (the C library and its loader): no Depends for them
_BASE = re.compile(r"^(linux-vdso|ld-linux|libc\.so|libm\.so|libdl\.so|libpthread\.so|librt\.so)")


def version() -> str:
    text = (ROOT / "kbdesk" / "__init__.py").read_text("utf-8")
    found = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not found:
        raise SystemExit("make dist: no __version__ in kbdesk/__init__.py")
    return found.group(1)


def deb_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def compile_translations(out: Path) -> Path:
    import PySide6

    tool = Path(PySide6.__file__).parent / "lrelease"
    out.mkdir(parents=True, exist_ok=True)
    for source in sorted((ROOT / "resources" / "translations").glob("kbdesk_*.ts")):
        subprocess.run([str(tool), "-silent", str(source), "-qm",
                        str(out / source.with_suffix(".qm").name)], check=True)
    return out


def pyinstaller(qm: Path) -> Path:
    env = dict(os.environ, KBDESK_QM_DIR=str(qm))
    work = ROOT / "build" / "pyinstaller"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(BUILD), "--workpath", str(work),
                    str(ROOT / "packaging" / "kbdesk.spec")], check=True, env=env)
    return BUILD / "kbdesk"


def system_libraries(bundle: Path) -> set[Path]:
    """Every library outside the bundle that an ELF file of the bundle links against."""
    found: set[Path] = set()
    missing: set[str] = set()
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                                env=dict(os.environ, LD_LIBRARY_PATH=_library_path(bundle)))
        for line in result.stdout.splitlines():
            name, _arrow, rest = line.strip().partition(" => ")
            if _BASE.match(name):
                continue
            if "not found" in rest:
                missing.add(name.strip())
                continue
            target = rest.split(" (", 1)[0].strip()
            if target and not Path(target).resolve().is_relative_to(bundle.resolve()):
                found.add(Path(target))
    if missing:
        raise SystemExit("make dist: these libraries are needed and not installed here: "
                         + ", ".join(sorted(missing))
                         + " (install the Debian packages that provide them, see README)")
    return found


def _library_path(bundle: Path) -> str:
    folders = {str(p.parent) for p in (bundle / "_internal").rglob("*.so*")}
    return ":".join(sorted(folders))


def debian_packages(libraries: set[Path]) -> list[str]:
    """The Debian package of each library (``dpkg -S``), with the installed version as a floor."""
    packages: set[str] = set()
    for library in sorted(libraries):
        candidates = {str(library), str(library.resolve())}
        if str(library).startswith("/lib/"):
            candidates.add("/usr" + str(library))
        owner = ""
        for candidate in candidates:
            result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if result.returncode == 0:
                owner = result.stdout.split(":", 1)[0].strip()
                break
        if not owner:
            raise SystemExit(f"make dist: no Debian package owns {library}")
        packages.add(owner)
    return sorted(packages)


def tarball(bundle: Path, name: str) -> Path:
    DIST.mkdir(exist_ok=True)
    out = DIST / f"{name}.tar.gz"
    with tarfile.open(out, "w:gz") as archive:
        archive.add(bundle, arcname="kbdesk")
    return out


CONTROL = """Package: kbdesk
Version: {version}
Section: utils
Priority: optional
Architecture: {arch}
Maintainer: kbdesk team <kbdesk@localhost>
Depends: {depends}
Installed-Size: {size}
Description: offline knowledge base and SOP manager for Chinese customer service
 kbdesk finds handbook sections, standard phrasings and procedure steps as agents
 type, in Traditional or Simplified Chinese, with no network and no server.
 This package carries its own Python and Qt in /opt/kbdesk.
"""

DESKTOP = """[Desktop Entry]
Type=Application
Name=kbdesk
Name[zh_TW]=kbdesk 知識庫
Name[zh_CN]=kbdesk 知识库
Comment=Customer-service knowledge base
Exec=kbdesk
Icon=/opt/kbdesk/_internal/kbdesk/_bundled/resources/icons/kbdesk.svg
Terminal=false
Categories=Office;
"""


def debian(bundle: Path, ver: str, arch: str, depends: list[str]) -> Path:
    root = ROOT / "build" / "deb" / f"kbdesk_{ver}_{arch}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / "kbdesk", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "kbdesk").symlink_to("/opt/kbdesk/kbdesk")
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / "kbdesk.desktop").write_text(DESKTOP, "utf-8")
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) // 1024
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(CONTROL.format(
        version=ver, arch=arch, depends=", ".join(depends), size=size), "utf-8")
    out = DIST / f"kbdesk_{ver}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)],
                   check=True, capture_output=True)
    return out


def main() -> int:
    ver, arch = version(), deb_arch()
    qm = compile_translations(ROOT / "build" / "qm")
    bundle = pyinstaller(qm)
    depends = debian_packages(system_libraries(bundle))
    name = f"kbdesk-{ver}-linux-{platform.machine()}"
    shutil.rmtree(DIST / "kbdesk", ignore_errors=True)
    DIST.mkdir(exist_ok=True)
    shutil.copytree(bundle, DIST / "kbdesk", symlinks=True)
    archive = tarball(bundle, name)
    package = debian(bundle, ver, arch, depends)
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    print(f"dist/kbdesk/ ({size / 2**20:.0f} MB), {archive.name} "
          f"({archive.stat().st_size / 2**20:.0f} MB), {package.name} "
          f"({package.stat().st_size / 2**20:.0f} MB)")
    print("Depends:", ", ".join(depends))
    return 0


if __name__ == "__main__":
    sys.exit(main())
