"""Small files of each importable format, made from the importer fixtures (for the README test:
its ``kbdesk import`` lines name the editor's own files)."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.importers import fixtures as F

SUFFIXES = (".txt", ".md", ".docx", ".html")


def write_sample_file(path: Path) -> Path:
    """Write an importable file at ``path``, its format chosen by the suffix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".docx":
        document = docx.Document()
        document.add_paragraph("電話禮儀手冊", style="Title")
        document.add_heading("接聽電話", level=1)
        document.add_paragraph("鈴響三聲內接起，先報單位再報工號。")
        document.add_heading("轉接", level=1)
        document.add_paragraph("先說明轉接原因", style="List Bullet")
        document.save(str(path))
    elif path.suffix == ".html":
        path.write_text("<html><head><title>退款流程</title></head><body><nav>首頁</nav>"
                        "<main><h2>受理</h2><p>角色：一線客服</p><p>時限：30分鐘內</p>"
                        "<h2>審核</h2><p>角色：值班主管</p><p>時限：2小時內</p></main>"
                        "<footer>版權所有</footer></body></html>", encoding="utf-8")
    elif path.suffix == ".md":
        path.write_text(F.PHRASING, encoding="utf-8")
    else:
        path.write_bytes(F.FLAT_TRADITIONAL.encode("big5"))
    return path


def with_sample_files(args: list[str], folder: Path) -> list[str]:
    """``args`` with each file argument made a path to a sample file written in ``folder``."""
    out = []
    for arg in args:
        if not arg.startswith("-") and arg.endswith(SUFFIXES):
            arg = str(write_sample_file(folder / arg))
        out.append(arg)
    return out
