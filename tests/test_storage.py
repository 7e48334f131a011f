"""The one atomic write: unique temp names, nothing half-written, permissions, per-library keys."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

import pytest

from kbdesk.core.workstation.storage import (
    TEMP_SUFFIX,
    append_json_line,
    atomic_write_bytes,
    atomic_write_json,
    atomic_writer,
    library_key,
)


def test_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "state.json"
    atomic_write_json(target, {"b": 1, "a": "中"})
    atomic_write_json(target, {"a": 2})
    assert json.loads(target.read_text("utf-8")) == {"a": 2}
    assert [p.name for p in target.parent.iterdir()] == ["state.json"]


def test_failed_stream_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "cache.bin"
    atomic_write_bytes(target, b"old")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("killed mid-write")
    assert target.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_mode_is_applied(tmp_path: Path) -> None:
    target = tmp_path / "doc.md"
    atomic_write_bytes(target, b"x", mode=0o644)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644


def test_library_key_is_stable_and_distinct(tmp_path: Path) -> None:
    one, two = tmp_path / "a", tmp_path / "b"
    assert library_key(one) == library_key(tmp_path / "x" / ".." / "a")
    assert library_key(one) != library_key(two)
    assert library_key(one).startswith("a-")


def test_append_json_line_adds_one_line_and_makes_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "searches.jsonl"
    assert append_json_line(path, {"query": "保固", "n": 1}, "log to")
    assert append_json_line(path, {"query": "退款\n規定"}, "log to")
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == '{"query": "保固", "n": 1}'  # Chinese as is, not escaped
    assert [json.loads(line) for line in lines] == [{"query": "保固", "n": 1},
                                                    {"query": "退款\n規定"}]


def test_append_json_line_to_an_unwritable_place_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "searches.jsonl"
    path.mkdir()  # a folder where the file should be
    caller = logging.getLogger("kbdesk.test.caller")
    with caplog.at_level(logging.WARNING):
        assert append_json_line(path, {"query": "保固"}, "log a search to", caller) is False
    [record] = [r for r in caplog.records if r.name == "kbdesk.test.caller"]
    assert record.getMessage().startswith(f"cannot log a search to {path}: ")
    assert path.is_dir() and not list(path.iterdir())
