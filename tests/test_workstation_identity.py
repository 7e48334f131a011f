"""Workstation identity: host name plus a short id, chosen once, kept; a new name is a new
identity and the records made before stay under the old one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kbdesk.core import KnowledgeBase, Settings, log_no_results, workstation_name
from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.workstation import identity
from tests.conftest import doc


@pytest.fixture
def host(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(identity.socket, "gethostname", lambda: "vm")
    return "vm"


def test_a_new_installation_is_the_host_plus_a_short_id_kept_once_chosen(host, _isolated_data):
    name = workstation_name()
    assert re.fullmatch(r"vm-[0-9a-f]{6}", name)
    assert json.loads((_isolated_data / "settings.json").read_text("utf-8"))[
        "workstation_name"] == name
    assert workstation_name() == name
    assert Settings.load().get("workstation_name") == name  # what Settings shows


def test_two_installations_on_one_host_name_differ(host, tmp_path, monkeypatch):
    names = set()
    for number in range(3):
        monkeypatch.setenv("KBDESK_DATA_DIR", str(tmp_path / f"desk{number}"))
        names.add(workstation_name())
    assert len(names) == 3


def test_an_installation_that_shared_under_the_host_name_keeps_it(host, _isolated_data):
    (_isolated_data / "receipts").mkdir()
    assert workstation_name() == "vm"
    assert Settings.load().get("workstation_name") == "vm"


def _set_name(name: str) -> None:
    settings = Settings.load()
    settings.set("workstation_name", name)
    settings.save()


def test_a_new_name_starts_a_new_identity_and_old_records_stay(host, make_library):
    root = make_library({"a.md": doc("退款須知", id="refund", ack_required="true")})
    kb = KnowledgeBase(root)
    kb.load()
    try:
        first = workstation_name()
        kb.receipts.acknowledge(kb.document("refund"), "王小明")
        log_no_results("火星退款", clock=SYSTEM_CLOCK)
        _set_name("desk-7")
        kb.receipts.acknowledge(kb.document("refund"), "李四")
        log_no_results("月球退款", clock=SYSTEM_CLOCK)
        receipts = {r.agent: r.workstation for r in kb.team.receipts_all()}
        assert receipts == {"王小明": first, "李四": "desk-7"}
        searches = {str(item["query"]): item["workstation"]
                    for item in kb.team.own_records("searchlog")}
        assert searches == {"火星退款": first, "月球退款": "desk-7"}
        assert kb.team.workstation == "desk-7"
    finally:
        kb.close()


def test_receipts_written_before_names_were_kept_take_the_current_name(host, make_library,
                                                                        _isolated_data: Path):
    root = make_library({"a.md": doc("退款須知", id="refund", ack_required="true")})
    kb = KnowledgeBase(root)
    kb.load()
    try:
        kb.receipts.acknowledge(kb.document("refund"), "王小明")
        book = kb.receipts.receipts_file
        old = [json.loads(line) for line in book.read_text("utf-8").splitlines()]
        book.write_text("".join(json.dumps({k: v for k, v in item.items()
                                            if k != "workstation"}) + "\n" for item in old),
                        "utf-8")
        assert [r.workstation for r in kb.team.receipts_all()] == [workstation_name()]
    finally:
        kb.close()
