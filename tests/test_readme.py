"""Every ``kbdesk`` command in the README works verbatim on (a copy of) the demo library.

The README's ``sh`` blocks are read in order and each ``kbdesk …`` line is run through the
command line's ``main`` against a fresh copy of the demo library. Only what a reader would do
between the lines is added: a file is edited before it is published, the files the import
examples name exist in the current folder, and the file server's ``/srv/`` is a temporary
folder.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.kb import install_demo_library
from tests.conftest import REPO_ROOT

SHARE = "/srv/"
#: commands whose exit status 1 means "found some" (documented in the README)
FINDS_EXIT_1 = {("check", "--stale")}


def write_import_samples(folder: Path) -> None:
    """The files the README's import examples name, as an editor would have them."""
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_heading("會員點數說明", level=1)
    word.add_heading("點數怎麼累積", level=2)
    word.add_paragraph("每消費一百元累積一點，點數在訂單完成後七天入帳。")
    word.add_heading("點數的期限", level=2)
    word.add_paragraph("點數自入帳日起一年內有效，到期前一個月以簡訊提醒。")
    word.save(str(folder / "手冊.docx"))
    (folder / "話術.txt").write_text(
        "會員點數話術\n\n查詢點數\n\n「您目前有{{點數}}點，可以在結帳時折抵。」\n", "utf-8")
    (folder / "手冊.txt").write_text(
        "會員手冊\n\n第一章 加入會員\n\n填寫手機號碼即可加入。\n\n"
        "第二章 會員等級\n\n一年消費滿一萬元升為金卡會員。\n", "utf-8")
    (folder / "sop.html").write_text(
        "<html><head><title>點數補登流程</title></head><body><h1>點數補登流程</h1>"
        "<h2>核對訂單</h2><p>角色：一線客服</p><p>時限：1個工作日內</p>"
        "<h2>補登點數</h2><p>角色：會員組</p><p>時限：2個工作日內</p></body></html>", "utf-8")


def readme_commands() -> list[str]:
    """The ``kbdesk`` lines of the README's sh blocks, in order."""
    text = (REPO_ROOT / "README.md").read_text("utf-8")
    lines: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        lines += [line for line in block.splitlines() if line.startswith("kbdesk")]
    return lines


def test_the_readme_has_the_commands_this_test_runs() -> None:
    commands = [shlex.split(line, comments=True) for line in readme_commands()]
    verbs = {args[1] for args in commands if len(args) > 1}
    assert {"search", "history", "show", "publish", "diff", "rollback", "init-remote", "clone",
            "ack", "acks", "report"} <= verbs


def test_every_readme_command_works_on_the_demo_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    library = install_demo_library(tmp_path / "demo", clock=SYSTEM_CLOCK)
    monkeypatch.setenv("KBDESK_LIBRARY", str(library))
    share = tmp_path / "srv"
    share.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    write_import_samples(work)
    monkeypatch.chdir(work)
    ran = 0
    for line in readme_commands():
        args = shlex.split(line.replace(SHARE, f"{share}/"), comments=True)[1:]
        if not args:
            continue  # `kbdesk` alone opens the desktop app
        if args[0] == "publish":  # the README says: after editing the file
            path = library / args[1]
            if not path.is_file():  # a document's id, which `publish` takes too
                path = next(p for p in library.rglob("*.md")
                            if f"\nid: {args[1]}\n" in p.read_text("utf-8"))
            path.write_text(path.read_text("utf-8") + f"\n補充說明第 {ran} 條。\n", "utf-8")
        if args[0] == "import":  # the README's files are the editor's own: small ones made here
            from tests.importers.samplefiles import with_sample_files

            args = with_sample_files(args, tmp_path / "editor-files")
        capsys.readouterr()
        try:
            code = main(args)
        except SystemExit as exc:  # --version and --help exit through argparse
            code = int(exc.code or 0)
        out = capsys.readouterr()
        allowed = {0, 1} if tuple(args[:2]) in FINDS_EXIT_1 else {0}
        assert code in allowed, f"{line}\n{out.out}\n{out.err}"
        if args[0] in ("search", "history", "show", "diff", "acks", "flags"):
            assert (out.out + out.err).strip() and "沒有找到結果" not in out.out, line
        ran += 1
    assert ran >= 25
