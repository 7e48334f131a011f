"""Team records at scale: 200 workstations, 50 documents requiring acknowledgement, 20,000
signed receipts and 2,000 flags on a shared folder. Targets: ``kbdesk sync`` of one
workstation <= 5 s, ``kbdesk acks --missing DOC`` <= 1 s, peak RSS of ``kbdesk acks`` <= 150 MB.

Run with ``make bench-team`` (or ``python -m tests.bench.team [--stations 200 ...]``); the
figures go to docs/benchmarks.md. The peers' chains are written straight onto the share, each
with a key of its own, as their syncs would have left them, then repacked ten workstations to a
pack (dulwich, which kbdesk syncs with, never repacks a share: one pack per push). The
workstation measured joins before the peers' records exist, so its timed ``sync`` fetches and
verifies all of them; ``kbdesk`` runs as a child process, as an agent runs it, and
its wall time and peak RSS (``wait4``) are read. Medians of ``--repeats`` runs; before each
``sync`` run the workstation forgets what it verified (its kept records and the peers' refs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.clock import now_stamp

TARGETS = {"sync_s": 5.0, "acks_missing_s": 1.0, "acks_rss_mb": 150.0}


@dataclass(frozen=True)
class Scale:
    stations: int = 200
    docs: int = 50
    receipts: int = 20_000
    flags: int = 2_000


def _doc(n: int) -> str:
    return (f"---\ntitle: 規定{n:02d}\nkind: handbook\nid: rule-{n:02d}\nversion: 1\n"
            f"ack_required: true\n---\n\n## 規定\n\n第{n}條規定的內容，客服人員須遵守。\n")


def make_library(folder: Path, scale: Scale) -> None:
    folder.mkdir(parents=True)
    for n in range(1, scale.docs + 1):
        (folder / f"rule-{n:02d}.md").write_text(_doc(n), "utf-8")


def write_peers(share: Path, scale: Scale) -> dict[str, int]:
    """Every peer's signed receipts and flags, on the share as their syncs leave them."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from dulwich.repo import MemoryRepo, Repo

    from kbdesk.core.team import chain
    from kbdesk.core.team.exchange import _commit_records, team_ref
    from kbdesk.core.team.keys import WorkstationKey
    from kbdesk.core.team.records import FLAGS, RECEIPTS

    per_receipts = scale.receipts // scale.stations
    per_flags = scale.flags // scale.stations
    sizes = {RECEIPTS: 0, FLAGS: 0}
    scratch = MemoryRepo()
    objects: list[tuple[object, None]] = []
    tips: dict[bytes, bytes] = {}
    per_pack = 10
    with Repo(str(share)) as repo:
        for s in range(scale.stations):
            ws, agent = f"ws-{s:03d}", f"客服{s:03d}"
            key = WorkstationKey(Ed25519PrivateKey.generate())
            skip = s % scale.docs  # each agent has not read one document
            receipts = []
            for i in range(per_receipts):
                doc = i % scale.docs
                if doc == skip:
                    doc = (doc + 1) % scale.docs
                receipts.append({"doc_id": f"rule-{doc + 1:02d}",
                                 "version": 1 if i < scale.docs else 0, "agent": agent,
                                 "workstation": ws, "title": f"規定{doc + 1:02d}",
                                 "time": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T09:{i % 60:02d}:00"})
            flags = [{"id": f"{s:03d}{i:09d}", "doc_id": f"rule-{1 + i % scale.docs:02d}",
                      "anchor": "規定", "section": "規定", "version": 1, "kind": "unclear",
                      "comment": "這一段的時限不清楚，請說明從何時起算。" * 2, "agent": agent,
                      "workstation": ws, "time": f"2026-03-{1 + i % 28:02d}T10:00:00"}
                     for i in range(per_flags)]
            for kind, items in ((RECEIPTS, receipts), (FLAGS, flags)):
                lines, head = [], ""
                for seq, item in enumerate(items, start=1):
                    line = chain.seal(key, kind, ws, seq, head, item)
                    head = chain.entry_hash(line.encode("utf-8"))
                    lines.append(line)
                    sizes[kind] += len(line.encode("utf-8")) + 1
                sha = _commit_records(scratch, lines, [], kind, when=1_781_488_800)
                commit = scratch[sha]
                tree = scratch[commit.tree]  # type: ignore[attr-defined]
                blob = scratch[tree[b"records.jsonl"][1]]
                objects += [(blob, None), (tree, None), (commit, None)]
                tips[team_ref(kind, ws)] = sha
            if len(objects) >= 6 * per_pack or s == scale.stations - 1:
                # what the workstations' pushes left, repacked (one pack per 10 of them)
                repo.object_store.add_objects(objects)
                for name, tip in tips.items():
                    repo.refs[name] = tip
                objects, tips = [], {}
    return sizes


@dataclass(frozen=True)
class Ran:
    wall: float
    cpu: float  # user + system seconds of the child alone (fair on a loaded machine)
    rss: float  # peak resident set of the child alone, MB
    out: str


def _run(data: Path, *args: str) -> Ran:
    """Run ``kbdesk ARGS`` with ``data`` as its data folder; its figures read with ``wait4``."""
    env = {**os.environ, "KBDESK_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen([str(Path(sys.executable).with_name("kbdesk")), *args],
                                 env=env, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode not in (0, 1):
            raise RuntimeError(f"kbdesk {' '.join(args)}: exit {child.returncode}: "
                               f"{err.read().decode('utf-8', 'replace')}")
        return Ran(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                   out.read().decode("utf-8"))


def _forget(data: Path, library: Path) -> None:
    """The workstation forgets the peers' records (kept store and refs), to sync afresh."""
    from dulwich.repo import Repo

    shutil.rmtree(data / "team", ignore_errors=True)
    with Repo(str(library)) as repo:
        for name in list(repo.refs.keys()):
            if name.startswith(b"refs/kbdesk/") and b"/me" not in name:
                del repo.refs[name]


def run(scale: Scale, repeats: int, work: Path) -> dict[str, object]:
    os.environ["KBDESK_DATA_DIR"] = str(work / "data-editor")
    from kbdesk.core.kb import KnowledgeBase
    from kbdesk.core.storage.repo import LibraryRepo

    source = work / "library"
    make_library(source, scale)
    LibraryRepo.init(source, author="編輯 <ed@example.com>", when=now_stamp()).close()
    share = work / "share.git"
    kb = KnowledgeBase(source)
    kb.sync.init_remote(share, author="編輯 <ed@example.com>")
    kb.close()
    me = work / "data-me"
    me.mkdir()
    (me / "settings.json").write_text(json.dumps({"workstation_name": "me",
                                                  "agent_name": "我"}), "utf-8")
    mine = work / "mine"
    _run(me, "clone", str(share), str(mine))
    started = time.perf_counter()
    sizes = write_peers(share, scale)
    generated = time.perf_counter() - started

    runs: dict[str, list[Ran]] = {"sync": [], "sync_steady": [], "acks_missing": [],
                                  "acks": []}
    for _ in range(repeats):
        _forget(me, mine)
        runs["sync"].append(_run(me, "sync", "--library", str(mine)))
        runs["sync_steady"].append(_run(me, "sync", "--library", str(mine)))
    receipts_seen = len(_run(me, "acks", "--csv", "--library", str(mine)).out.splitlines()) - 1
    for n in range(repeats):
        runs["acks_missing"].append(_run(me, "acks", "--missing", f"rule-{n + 1:02d}",
                                         "--library", str(mine)))
        runs["acks"].append(_run(me, "acks", "--library", str(mine)))
    not_read = len(runs["acks_missing"][-1].out.split())
    # the same reads inside one process (the app's case: the library is open already)
    os.environ["KBDESK_DATA_DIR"] = str(me)
    kb = KnowledgeBase(mine)
    doc = kb.versions.document_in_force("rule-01")
    assert doc is not None
    inside: list[float] = []
    for _ in range(repeats):
        kb._team = None  # nothing cached between runs
        start = time.perf_counter()
        kb.team.ack_status(doc)
        inside.append(time.perf_counter() - start)
    kb.close()
    result: dict[str, object] = {
        **scale.__dict__, "repeats": repeats, "generate_s": round(generated, 2),
        "receipts_bytes": sizes["receipts"], "flags_bytes": sizes["flags"],
        "receipts_seen": receipts_seen, "not_read_last_doc": not_read,
        "ack_status_in_process_s": statistics.median(inside),
    }
    for name, ran in runs.items():
        result[f"{name}_s"] = statistics.median(r.wall for r in ran)
        result[f"{name}_cpu_s"] = statistics.median(r.cpu for r in ran)
        result[f"{name}_rss_mb"] = max(r.rss for r in ran)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    defaults = Scale()
    parser.add_argument("--stations", type=int, default=defaults.stations)
    parser.add_argument("--docs", type=int, default=defaults.docs)
    parser.add_argument("--receipts", type=int, default=defaults.receipts)
    parser.add_argument("--flags", type=int, default=defaults.flags)
    parser.add_argument("--repeats", type=int, default=3, help="runs (median reported)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    scale = Scale(args.stations, args.docs, args.receipts, args.flags)
    with tempfile.TemporaryDirectory(prefix="kbdesk-bench-team-") as tmp:
        result = run(scale, args.repeats, Path(tmp))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{scale.stations} workstations, {scale.docs} documents, {result['receipts_seen']} "
          f"receipts and {scale.flags} flags on the share "
          f"(receipts {int(result['receipts_bytes']) >> 10} KiB, flags "  # type: ignore[call-overload]
          f"{int(result['flags_bytes']) >> 10} KiB signed); medians of {args.repeats}:")
    for name, label in (("sync", "sync, every peer's records new"),
                        ("sync_steady", "sync, nothing new"),
                        ("acks_missing", "acks --missing DOC"),
                        ("acks", "acks (the whole list)")):
        wall, cpu = float(result[f"{name}_s"]), float(result[f"{name}_cpu_s"])  # type: ignore[arg-type]
        rss = float(result[f"{name}_rss_mb"])  # type: ignore[arg-type]
        target = TARGETS.get(f"{name}_s")
        verdict = "" if target is None else (
            f" (target <= {target:g} s: {'met' if wall <= target else 'MISSED'})")
        print(f"  {label}: {wall:.2f} s wall{verdict}, {cpu:.2f} s CPU, peak RSS {rss:.0f} MB")
    rss = float(result["acks_rss_mb"])  # type: ignore[arg-type]
    print(f"  peak RSS of acks: {rss:.0f} MB (target <= 150 MB: "
          f"{'met' if rss <= TARGETS['acks_rss_mb'] else 'MISSED'})")
    print(f"  who has not read a document, in a process with the library open: "
          f"{float(result['ack_status_in_process_s']):.3f} s")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
