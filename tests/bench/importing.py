"""Import benchmark: a 5 MB handbook in plain text (chapters, sections, flattened headings and
site boilerplate) planned and written as drafts. Target: <= 10 s.

Run with ``make bench-import`` (or ``python -m tests.bench.importing [--mb 5]``); the figure
goes to docs/benchmarks.md. The generated text is original: sentences assembled from a small
vocabulary, numbered so no two paragraphs are the same.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

PHRASES = (
    "客戶來電時先確認身分", "再說明處理流程與時限", "記錄問題的發生時間與地點", "必要時轉交值班主管",
    "處理完成後回電告知結果", "同時在工單系統更新狀態", "遇到情緒激動的客戶先安撫情緒",
    "避免承諾無法做到的事項", "每週檢討未結案件", "將常見問題整理成知識條目",
)


def paragraph(seed: int) -> str:
    """One paragraph of original text, different for every seed."""
    words = [PHRASES[(seed * 7 + k * 3) % len(PHRASES)] for k in range(6)]
    return "，".join(words) + f"，本條編號{seed}，適用於第{seed % 97 + 1}組。"


def handbook(megabytes: float, encoding: str = "utf-8") -> str:
    """A handbook of about ``megabytes`` MB in ``encoding``: own-line and flattened chapters."""
    target = int(megabytes * 1024 * 1024)
    parts = ["服務作業總手冊", "全文預覽已結束", ""]
    size, chapter, seed = 0, 0, 0
    while size < target:
        chapter += 1
        if chapter % 2:
            lines = [f"第{chapter}章 服務作業第{chapter}部分"]
            for section in range(1, 6):
                lines.append(f"{chapter}.{section} 作業要點{section}")
                lines.extend(paragraph(seed := seed + 1) for _ in range(4))
            text = "\n".join(lines)
        else:  # flattened: the whole chapter in one line
            text = f"第{chapter}章服務作業第{chapter}部分" + "".join(
                f"{chapter}.{section}作業要點{section}作業要點{section}"
                + "".join(paragraph(seed := seed + 1) for _ in range(4))
                for section in range(1, 6))
        parts.append(text)
        size += len(text.encode(encoding))
    parts.append("溫馨提示\n  • 1. 本站資源僅供學習參考。\n評論\n0/150")
    return "\n".join(parts) + "\n"


def run(megabytes: float, repeats: int, encoding: str = "utf-8") -> dict[str, float]:
    """Plan and draft-save the handbook ``repeats`` times; return the median seconds."""
    from kbdesk.core.kb import KnowledgeBase

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("KBDESK_DATA_DIR", str(Path(tmp) / "data"))
        source = Path(tmp) / "handbook.txt"
        source.write_bytes(handbook(megabytes, encoding).encode(encoding))
        library = Path(tmp) / "library"
        library.mkdir()
        plans, writes, sections = [], [], 0
        for _ in range(repeats):
            kb = KnowledgeBase(library, index_dir=Path(tmp) / "index")
            start = time.perf_counter()
            plan = kb.imports.plan_import([source])
            planned = time.perf_counter()
            written = kb.imports.import_files(plan)
            done = time.perf_counter()
            for item in written:
                kb.drafts.discard(item.doc_id)
            plans.append(planned - start)
            writes.append(done - planned)
            sections = len(plan.documents[0].sections)
            kb.close()
        return {"megabytes": source.stat().st_size / 1024 / 1024, "sections": sections,
                "plan_s": statistics.median(plans), "write_s": statistics.median(writes),
                "total_s": statistics.median(p + w for p, w in zip(plans, writes, strict=True))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the text (default 5)")
    parser.add_argument("--repeats", type=int, default=3, help="runs (median reported)")
    args = parser.parse_args()
    for encoding in ("utf-8", "gb18030", "big5"):
        result = run(args.mb, args.repeats, encoding)
        print(f"import of a {result['megabytes']:.1f} MB {encoding} text "
              f"({result['sections']:.0f} sections): median {result['total_s']:.2f} s "
              f"(plan {result['plan_s']:.2f} s, drafts {result['write_s']:.2f} s) over "
              f"{args.repeats} runs; target <= 10 s: "
              f"{'met' if result['total_s'] <= 10 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
