"""The checks of what a remote brings (kbdesk.core.sync.incoming), one by one."""

from __future__ import annotations

from pathlib import Path

import pytest
from dulwich import pack
from dulwich.objects import Blob
from dulwich.repo import Repo

from kbdesk.core.errors import RemoteRefused
from kbdesk.core.sync.incoming import case_twins, check_url, object_size

BASE = bytes(range(256)) * 400


def test_sizes_are_read_from_loose_packed_and_delta_objects(tmp_path: Path) -> None:
    near = Blob.from_string(BASE + b"tail" * 10)
    far = Blob.from_string(BASE)
    loose = Blob.from_string(b"loose " * 1000)
    with Repo.init_bare(str(tmp_path / "r.git"), mkdir=True) as repo:
        store = repo.object_store
        store.add_object(loose)
        write, commit, _abort = store.add_pack()
        pack.write_pack_objects(write, [(near, None), (far, None)], repo.object_format,
                                deltify=True)
        commit()
        kinds = set()
        for found in store.packs:
            for blob in (near, far):
                offset = found.index.object_offset(blob.id)
                kinds.add(found.data.get_unpacked_object_at(offset).pack_type_num)
        assert 6 in kinds  # one of them is stored as a delta of the other (OFS_DELTA)
        assert object_size(store, near.id) == len(near.data)
        assert object_size(store, far.id) == len(far.data)
        assert object_size(store, loose.id) == len(loose.data)


@pytest.mark.parametrize("url", [
    "ssh://-oProxyCommand=x/y", "ssh://git@-oProxyCommand=x/y", "-oProxyCommand=x:y",
    "git@-o:y", "git+ssh://-oX/y",
])
def test_hosts_starting_with_a_dash_are_refused(url: str) -> None:
    with pytest.raises(RemoteRefused, match="starts with '-'"):
        check_url(url)


@pytest.mark.parametrize("url", [
    "/srv/share/kb.git", "ssh://git@example.com/kb.git", "git@example.com:kb.git",
    "http://127.0.0.1:8000/", "C:\\share\\kb.git", "share/-kb.git",
])
def test_ordinary_urls_pass(url: str) -> None:
    check_url(url)


def test_case_twins_keep_the_librarys_file_else_the_first() -> None:
    paths = ["Refund.md", "refund.md", "a/B.md", "a/b.md", "other.md"]
    assert case_twins(paths) == {"refund.md": "Refund.md", "a/b.md": "a/B.md"}
    assert case_twins(paths, keep={"refund.md"}) == {"Refund.md": "refund.md",
                                                     "a/b.md": "a/B.md"}
