"""Hostile inputs for the importer tests and the fuzz suite, built in memory: Word documents
whose parts inflate far past their size, nest without end or lie about their sizes."""

from __future__ import annotations

import io
import resource
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

import docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MiB = 1024 * 1024


@contextmanager
def budget(seconds: float, mebibytes: int, *, traced: bool = True) -> Iterator[None]:
    """Fail when the block takes longer than ``seconds`` or needs more than ``mebibytes`` of
    memory: Python's allocations at their peak (``traced``, exact but several times slower), or
    else the growth of the process's peak resident size (for the long cases)."""
    if traced:
        tracemalloc.start()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
    start = time.monotonic()
    try:
        yield
    finally:
        took = time.monotonic() - start
        if traced:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        else:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - rss_before
        assert took < seconds, f"took {took:.1f} s (budget {seconds} s)"
        assert peak < mebibytes * MiB, f"peak {peak / MiB:.0f} MiB (budget {mebibytes} MiB)"


def _template() -> dict[str, bytes]:
    """The parts of a small valid Word document (python-docx's own template)."""
    document = docx.Document()
    document.add_paragraph("說明文字。")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


_TEMPLATE: dict[str, bytes] | None = None


def word_document(body: bytes | None = None, **parts: bytes) -> bytes:
    """A .docx whose document body is ``body`` (WordprocessingML inside ``<w:body>``); other
    ``parts`` replace or add parts (``docProps__core_xml`` names ``docProps/core.xml``)."""
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = _template()
    files = dict(_TEMPLATE)
    if body is not None:
        files["word/document.xml"] = (XML_HEAD + f'<w:document xmlns:w="{W}"><w:body>'.encode()
                                      + body + b"</w:body></w:document>")
    for key, content in parts.items():
        files[key.replace("__", "/").replace("_xml", ".xml")] = content
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def bomb(member: str, inflated: int, *, head: bytes = XML_HEAD + b"<x>", fill: bytes = b" ",
         body: bytes | None = None) -> bytes:
    """A .docx whose ``member`` inflates to about ``inflated`` bytes of ``fill`` (deflated in
    chunks, so the bomb is never whole in memory); the rest is a valid small document."""
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = _template()
    out = io.BytesIO()
    chunk = fill * (1024 * 1024 // len(fill))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in _TEMPLATE.items():
            if name != member:
                archive.writestr(name, content)
        info = zipfile.ZipInfo(member)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=inflated >= 2**31) as stream:
            stream.write(head)
            written = len(head)
            while written < inflated:
                piece = chunk[:inflated - written]
                stream.write(piece)
                written += len(piece)
    return out.getvalue()


def lie_about_sizes(data: bytes, member: str, declared: int) -> bytes:
    """``data`` (a zip archive) with ``member``'s inflated size declared as ``declared`` in both
    its local header and the central directory."""
    raw = bytearray(data)
    name = member.encode()
    local = raw.find(b"PK\x03\x04" + b"\x00" * 0)
    while local >= 0:
        name_length = struct.unpack_from("<H", raw, local + 26)[0]
        if raw[local + 30:local + 30 + name_length] == name:
            struct.pack_into("<I", raw, local + 22, declared)
        local = raw.find(b"PK\x03\x04", local + 4)
    central = raw.find(b"PK\x01\x02")
    while central >= 0:
        name_length = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46:central + 46 + name_length] == name:
            struct.pack_into("<I", raw, central + 24, declared)
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)
