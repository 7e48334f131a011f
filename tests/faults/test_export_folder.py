"""The export folder (docs/reliability.md, "Export folder"): an export replaces only the files of
its previous export, leaves nothing behind that a later export does not remove, and turns every
folder problem into a message naming the folder (CLI exit 2, no traceback).

Real files, real child processes and real ``kill -9`` throughout. Where a condition cannot be
made for real in a test (a mount point, a read-only file system), the docstring says what is
simulated and how.
"""

from __future__ import annotations

import errno
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from kbdesk.core.errors import ExportError
from kbdesk.core.exporters import site_folder
from kbdesk.core.exporters.site_manifest import MARKER, Manifest, first_foreign
from kbdesk.core.kb import KnowledgeBase
from tests.clock import child_command
from tests.conftest import REPO_ROOT
from tests.faults.conftest import as_plain_user, kbdesk
from tests.site.library import build_library

#: what kbdesk wrote in ``.kbdesk-site`` before the manifest existed
OLD_MARKER = "kbdesk static site export\n"


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return KnowledgeBase(build_library(tmp_path / "lib"))


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


def beside(out: Path) -> list[str]:
    """What exports left beside ``out`` (staging folders, set-aside sites)."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def inside_staging(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".kbdesk-export-"))


def assert_whole(out: Path) -> None:
    """``out`` is a complete site: its manifest lists exactly its files, each unchanged."""
    manifest = Manifest.read(out)
    assert manifest is not None and not manifest.replacing
    assert first_foreign(out) is None
    assert sorted(manifest.files) == sorted(n for n in files_of(out) if n != MARKER)
    assert (out / "index.html").is_file() and (out / "d").is_dir()


def dead_pid() -> int:
    """The id of a process that has ended (reaped; not reused this soon on Linux)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def make_old_style(site: Path) -> None:
    """Turn an export into one written before the manifest: a one-line marker."""
    (site / MARKER).write_text(OLD_MARKER)


# -- nothing of the user's is deleted ------------------------------------------------------------


def test_files_added_to_a_previous_export_are_never_deleted(kb: KnowledgeBase,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "site"
    kb.exports.export("html", out)
    (out / "uploads").mkdir()
    (out / "uploads" / "scan.pdf").write_bytes(b"%PDF-1.4 scan")
    (out / "team-notes.html").write_text("<p>our notes</p>", "utf-8")
    before = files_of(out)
    with pytest.raises(ExportError, match=r"team-notes\.html is not a file the previous export"):
        kb.exports.export("html", out)
    assert files_of(out) == before
    (out / "team-notes.html").unlink()
    with pytest.raises(ExportError, match="uploads is a folder no export makes"):
        kb.exports.export("html", out)
    assert (out / "uploads" / "scan.pdf").read_bytes() == b"%PDF-1.4 scan"
    assert beside(out) == []


def test_the_cli_refuses_naming_the_first_foreign_file(kb: KnowledgeBase, tmp_path: Path) -> None:
    out = tmp_path / "site"
    kb.exports.export("html", out)
    (out / "uploads").mkdir()
    (out / "uploads" / "scan.pdf").write_bytes(b"%PDF")
    (out / "team-notes.html").write_text("notes", "utf-8")
    before = files_of(out)
    run = kbdesk("export-html", str(out), "--library", str(kb.root))
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert f"{out}: team-notes.html is not a file the previous export wrote" in run.stderr
    assert files_of(out) == before


def test_a_page_changed_after_the_export_is_not_replaced(kb: KnowledgeBase, tmp_path: Path) -> None:
    out = tmp_path / "site"
    kb.exports.export("html", out)
    page = out / "d" / "sop-refund.html"
    page.write_text(page.read_text("utf-8") + "<!-- hand edit -->", "utf-8")
    with pytest.raises(ExportError, match=r"d/sop-refund\.html was changed after the export"):
        kb.exports.export("html", out)
    assert page.read_text("utf-8").endswith("<!-- hand edit -->")


def test_a_stray_marker_grants_nothing(kb: KnowledgeBase, tmp_path: Path) -> None:
    """A folder holding ``.kbdesk-site`` and ``budget.xlsx`` is refused, whether the marker is
    the old one-line kind or a manifest copied from another export's folder."""
    stray = tmp_path / "stray"
    stray.mkdir()
    (stray / MARKER).write_text(OLD_MARKER)
    (stray / "budget.xlsx").write_bytes(b"PK\x03\x04 budget")
    with pytest.raises(ExportError, match=r"budget\.xlsx is not a file an export writes"):
        kb.exports.export("html", stray)
    other = kb.exports.export("html", tmp_path / "other").outdir
    shutil.copy(other / MARKER, stray / MARKER)
    with pytest.raises(ExportError, match=r"budget\.xlsx is not a file the previous export"):
        kb.exports.export("html", stray)
    assert sorted(p.name for p in stray.iterdir()) == [MARKER, "budget.xlsx"]
    assert (stray / "budget.xlsx").read_bytes() == b"PK\x03\x04 budget"
    assert beside(stray) == []


def test_a_symbolic_link_in_the_site_is_foreign(kb: KnowledgeBase, tmp_path: Path) -> None:
    out = tmp_path / "site"
    kb.exports.export("html", out)
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("keep")
    (out / "d" / "linked").symlink_to(target)
    with pytest.raises(ExportError, match="d/linked is a symbolic link"):
        kb.exports.export("html", out)
    assert (target / "keep.txt").read_text() == "keep"


def test_files_a_file_browser_makes_do_not_block_an_export(kb: KnowledgeBase,
                                                          tmp_path: Path) -> None:
    """Opening the folder in Finder or Explorer adds ``.DS_Store``, ``Thumbs.db`` or
    ``desktop.ini``: an export may replace them with its own files; a file merely named like
    one of them elsewhere is no exception (only those exact names, as regular files)."""
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    kb.exports.export("html", fresh)
    assert_whole(fresh)
    (fresh / "d" / "Thumbs.db").write_bytes(b"thumbs")
    (fresh / "desktop.ini").write_text("[.ShellClassInfo]")
    kb.exports.export("html", fresh)
    assert_whole(fresh)
    (fresh / "desktop.ini.bak").write_text("mine")
    with pytest.raises(ExportError, match=r"desktop\.ini\.bak is not a file the previous"):
        kb.exports.export("html", fresh)


def test_a_site_from_before_the_manifest_is_replaced_only_when_all_of_it_is_an_export(
        kb: KnowledgeBase, tmp_path: Path) -> None:
    """The folder of an older kbdesk has the one-line marker and no manifest: it is accepted
    when every file has a name an export writes (pages with kbdesk's generator tag), and the
    new export writes a manifest."""
    out = tmp_path / "site"
    kb.exports.export("html", out)
    make_old_style(out)
    (out / "d" / "notes.html").write_text("<p>a page of my own</p>", "utf-8")
    with pytest.raises(ExportError, match=r"d/notes\.html is not a file an export writes"):
        kb.exports.export("html", out)
    (out / "d" / "notes.html").unlink()
    (out / "search" / "extra.json").write_text("{}")
    with pytest.raises(ExportError, match=r"search/extra\.json is not a file an export writes"):
        kb.exports.export("html", out)
    (out / "search" / "extra.json").unlink()
    kb.exports.export("html", out)
    assert_whole(out)
    assert beside(out) == []


# -- leftovers of killed exports -----------------------------------------------------------------


def stop_export_at(stage: str, kb: KnowledgeBase, out: Path) -> None:
    """Run an export in a child process, wait until it reaches ``stage`` (it says so on its
    output; see ``tests/site/stopping_export.py``), then ``kill -9`` it."""
    child = subprocess.Popen(
        child_command("tests.site.stopping_export", stage, str(kb.root), str(out)),
        cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    assert child.stdout is not None
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(child.stdout, selectors.EVENT_READ)
            ready = selector.select(timeout=120)
        line = child.stdout.readline() if ready else ""
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        stderr = child.stderr.read() if child.stderr is not None else ""
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert line == "stopped\n", f"the export never reached {stage!r}: {stderr}"
    assert child.returncode == -signal.SIGKILL


def test_an_export_killed_while_rendering_leaves_the_site_and_is_cleaned_up(
        kb: KnowledgeBase, tmp_path: Path) -> None:
    out = tmp_path / "site"
    kb.exports.export("html", out)
    before = files_of(out)
    stop_export_at("render", kb, out)
    assert files_of(out) == before
    assert [n for n in beside(out) if ".kbdesk-export-" in n]  # the staging folder, half full
    kb.exports.export("html", out)
    assert beside(out) == []
    assert_whole(out)


def test_an_export_killed_mid_swap_has_the_previous_site_put_back(kb: KnowledgeBase,
                                                                  tmp_path: Path) -> None:
    """Killed after OUTDIR was set aside and before the new site took its place: OUTDIR is
    missing until the next export, which first puts the previous site back."""
    out = tmp_path / "site"
    kb.exports.export("html", out)
    before = files_of(out)
    stop_export_at("swap", kb, out)
    assert not out.exists()
    assert [n for n in beside(out) if ".kbdesk-old-" in n]
    site_folder.clean_leftovers(out)  # what every export does first
    assert files_of(out) == before
    assert beside(out) == []
    kb.exports.export("html", out)
    assert_whole(out)


def test_an_export_killed_while_removing_the_old_site_is_cleaned_up_later(
        kb: KnowledgeBase, tmp_path: Path) -> None:
    """The issue's case: the set-aside copy of the previous site (``.site.old-*``) half removed
    by a killed export is removed by the next one; the new site was already whole."""
    out = tmp_path / "site"
    kb.exports.export("html", out)
    stop_export_at("removal", kb, out)
    assert_whole(out)
    old = [tmp_path / n for n in beside(out) if ".kbdesk-old-" in n]
    assert len(old) == 1 and (old[0] / MARKER).is_file()  # the manifest goes last
    kb.exports.export("html", out)
    assert beside(out) == []
    assert_whole(out)


def test_an_export_killed_while_replacing_files_in_place_is_completed_by_the_next(
        kb: KnowledgeBase, tmp_path: Path) -> None:
    """OUTDIR that cannot be renamed is replaced file by file (``EBUSY`` simulated by the child
    patching ``os.replace`` for OUTDIR). Killed after three files: every file is whole (old or
    new), and the next export accepts the folder and completes it."""
    out = tmp_path / "site"
    kb.exports.export("html", out)
    make_old_style(out)  # so that the new export's files differ from the old ones
    stop_export_at("in-place", kb, out)
    manifest = Manifest.read(out)
    assert manifest is not None and manifest.replacing  # the transition is recorded
    assert first_foreign(out, skip=frozenset(inside_staging(out))) is None
    kb.exports.export("html", out)
    assert_whole(out)
    assert inside_staging(out) == [] and beside(out) == []


def test_leftovers_of_older_versions_and_dead_processes_are_removed_only_when_provably_ours(
        kb: KnowledgeBase, tmp_path: Path) -> None:
    out = tmp_path / "site"
    site = kb.exports.export("html", out).outdir
    legacy = tmp_path / ".site.old-ab12cd34"  # how kbdesk named a set-aside site before
    shutil.copytree(site, legacy)
    make_old_style(legacy)
    dead = dead_pid()
    staged = tmp_path / f".site.kbdesk-export-{dead}-xyz"
    shutil.copytree(site, staged)
    (staged / MARKER).unlink()  # killed before its manifest was written
    (staged / "d" / "sop-refund.html").write_bytes(b"<!DOCTYPE html>\n<ht")  # cut short
    kept_foreign = tmp_path / f".site.kbdesk-old-{dead}-keep"
    shutil.copytree(site, kept_foreign)
    (kept_foreign / "mine.txt").write_text("not an export's")
    kept_alive = tmp_path / f".site.kbdesk-old-{os.getpid()}-live"
    shutil.copytree(site, kept_alive)
    ours_dead = tmp_path / f".site.kbdesk-old-{dead}-{site_folder.host_tag()}-abc"
    shutil.copytree(site, ours_dead)
    other_computer = tmp_path / f".site.kbdesk-old-{dead}-h0123abcd-abc"  # its pids mean nothing
    shutil.copytree(site, other_computer)
    if site_folder.host_tag() == "h0123abcd":
        pytest.skip("this computer's tag is the one the test takes for another's")
    kb.exports.export("html", out)
    assert beside(out) == sorted([kept_foreign.name, kept_alive.name, other_computer.name])
    assert (kept_foreign / "mine.txt").read_text() == "not an export's"
    assert_whole(kept_alive)


# -- folder problems are messages, and nothing is lost ------------------------------------------


def test_outdir_under_a_file_is_a_clear_error(kb: KnowledgeBase, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("keep")
    for outdir in (notes / "site", notes / "sub" / "site"):
        run = kbdesk("export-html", str(outdir), "--library", str(kb.root))
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr
        assert f"kbdesk: {outdir}: " in run.stderr and f"{notes} is a file, not a folder" in run.stderr
    assert notes.read_text() == "keep"


def test_a_read_only_parent_folder_is_a_clear_error(kb: KnowledgeBase, tmp_path: Path) -> None:
    """Real permissions: the CLI runs without the capability that lets root ignore them."""
    parent = tmp_path / "share"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        run = kbdesk("export-html", str(parent / "site"), "--library", str(kb.root),
                     **as_plain_user())
    finally:
        parent.chmod(0o755)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert f"{parent / 'site'}: cannot write the site: permission denied" in run.stderr
    assert list(parent.iterdir()) == []


def test_a_previous_export_that_cannot_be_written_is_left_whole(kb: KnowledgeBase,
                                                                tmp_path: Path) -> None:
    """Real permissions (as above): a folder of the previous site is read-only."""
    out = tmp_path / "site"
    kb.exports.export("html", out)
    before = files_of(out)
    (out / "d").chmod(0o555)
    try:
        run = kbdesk("export-html", str(out), "--library", str(kb.root), **as_plain_user())
    finally:
        (out / "d").chmod(0o755)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert f"{out}: cannot replace the previous export: permission denied ({out / 'd'})" \
        in run.stderr
    assert files_of(out) == before and beside(out) == []


def test_a_writable_site_in_a_read_only_parent_is_replaced_in_place(kb: KnowledgeBase,
                                                                    tmp_path: Path) -> None:
    """Real permissions (as above): no staging folder can be made beside OUTDIR, so its files
    are replaced in place."""
    parent = tmp_path / "share"
    parent.mkdir()
    out = parent / "site"
    kb.exports.export("html", out)
    make_old_style(out)
    parent.chmod(0o555)
    try:
        run = kbdesk("export-html", str(out), "--library", str(kb.root), **as_plain_user())
    finally:
        parent.chmod(0o755)
    assert run.returncode == 0, run.stderr
    assert_whole(out)
    assert inside_staging(out) == [] and beside(out) == []


def _busy_outdir(monkeypatch: pytest.MonkeyPatch, out: Path, code: int) -> None:
    real = os.replace

    def replace(src: object, dst: object) -> None:
        if Path(str(src)) == out:
            raise OSError(code, os.strerror(code), str(src))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("code", [errno.EBUSY, errno.EXDEV])
def test_an_outdir_that_cannot_be_renamed_is_replaced_in_place(
        kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Simulated: ``os.replace`` of OUTDIR raises ``EBUSY`` (a mount point) or ``EXDEV``; the
    files are then replaced one by one and stale pages removed."""
    out = (tmp_path / "site").resolve()
    kb.exports.export("html", out)
    stale = out / "d" / "sop-refund.html"
    kb.publishing.retire("sop-refund", "不再使用", author="王小明")
    _busy_outdir(monkeypatch, out, code)
    kb.exports.export("html", out)
    assert not stale.exists()
    assert_whole(out)
    assert inside_staging(out) == [] and beside(out) == []


def test_a_mount_point_is_replaced_in_place_from_the_start(
        kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated: ``os.path.ismount`` says OUTDIR is a mount point, so the site is staged inside
    it (never beside it, which would be another file system) and replaced file by file."""
    out = (tmp_path / "site").resolve()
    kb.exports.export("html", out)
    make_old_style(out)
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == out)
    staged_in: list[Path] = []
    real_place = site_folder._place

    def place(source: Path, target: Path) -> None:
        staged_in.append(source)
        real_place(source, target)

    monkeypatch.setattr(site_folder, "_place", place)
    kb.exports.export("html", out)
    assert staged_in and all(p.relative_to(out).parts[0].startswith(".kbdesk-export-")
                             for p in staged_in)
    assert_whole(out)
    assert inside_staging(out) == [] and beside(out) == []


def test_a_read_only_mount_is_a_clear_error_and_the_site_stays(
        kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated: OUTDIR cannot be renamed (``EBUSY``) and nothing can be created in it
    (``tempfile.mkdtemp`` there raises ``EROFS``), as with a read-only mount."""
    out = (tmp_path / "site").resolve()
    kb.exports.export("html", out)
    before = files_of(out)
    _busy_outdir(monkeypatch, out, errno.EBUSY)
    real_mkdtemp = tempfile.mkdtemp

    def mkdtemp(*args: object, **kwargs: object) -> str:
        if Path(str(kwargs.get("dir"))) == out:
            raise OSError(errno.EROFS, "Read-only file system", str(out))
        return real_mkdtemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    with pytest.raises(ExportError) as caught:
        kb.exports.export("html", out)
    assert str(caught.value).startswith(f"{out}: cannot be renamed")
    assert "the file system is read-only" in str(caught.value)
    assert files_of(out) == before and beside(out) == []


def test_a_read_only_file_system_is_named_as_such(
        kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated: ``os.access`` says OUTDIR cannot be written and ``os.statvfs`` reports the
    ``ST_RDONLY`` flag, as on a file system mounted read-only."""
    out = (tmp_path / "site").resolve()
    kb.exports.export("html", out)
    before = files_of(out)
    real_statvfs = os.statvfs

    class ReadOnly:
        def __init__(self, real: os.statvfs_result) -> None:
            self.f_flag = real.f_flag | os.ST_RDONLY

    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != out)
    monkeypatch.setattr(os, "statvfs", lambda path: ReadOnly(real_statvfs(path)))
    with pytest.raises(ExportError, match=f"^{out}: cannot replace the previous export: the "
                       f"file system is read-only \\({out}\\)$"):
        kb.exports.export("html", out)
    assert files_of(out) == before and beside(out) == []


def test_a_cli_export_to_a_read_only_mount_exits_2(kb: KnowledgeBase, tmp_path: Path) -> None:
    """Simulated as above, in the child (``tests/site/busy_cli.py``): exit 2, the message, no
    traceback, the site as it was."""
    out = (tmp_path / "site").resolve()
    kb.exports.export("html", out)
    before = files_of(out)
    run = subprocess.run(
        child_command("tests.site.busy_cli", str(out), "export-html", str(out), "--library",
                      str(kb.root)),
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT, check=False)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert f"kbdesk: {out}: cannot be renamed" in run.stderr and "read-only" in run.stderr
    assert files_of(out) == before and beside(out) == []


def test_every_folder_error_names_the_folder(tmp_path: Path) -> None:
    describe: Callable[[Path, OSError], str] = site_folder.describe
    out = tmp_path / "site"
    assert describe(out, OSError(errno.EACCES, "x", str(out))) == "permission denied"
    assert describe(out, OSError(errno.ENOSPC, "x")) == "no space left on the device"
    assert describe(out, OSError(errno.EROFS, "x", str(tmp_path / "d"))) == \
        f"the file system is read-only ({tmp_path / 'd'})"
    with pytest.raises(ExportError, match=f"^{out}: cannot write the site: permission denied$"):
        with site_folder.folder_errors(out):
            raise PermissionError(errno.EACCES, "Permission denied", str(out))
