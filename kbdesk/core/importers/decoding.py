"""Decoding the bytes of a text file: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, Big5.

BOMs decide at once; otherwise strict UTF-8 is tried first (the common case, and exact), then
charset-normalizer picks among the Chinese encodings. A file that is binary, empty or decodes to
nothing readable raises :class:`ImportFailed` naming the file, so nothing is half-imported.
"""

from __future__ import annotations

import codecs
import logging

from charset_normalizer import from_bytes

from kbdesk.core.errors import ImportFailed

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Encodings tried for Chinese text without a BOM, in the order charset-normalizer weighs them.
CHINESE_ENCODINGS = ("utf_8", "gb18030", "big5", "big5hkscs", "utf_16", "cp950", "gbk")
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}


def _plausible(text: str) -> bool:
    """True when nearly every character is CJK, common punctuation or printable ASCII."""
    sample = text[:4000]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\t\r" )
    cjk = sum(1 for ch in sample if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    ascii_ = sum(1 for ch in sample if " " <= ch <= "~" or ch in "\n\t\r")
    return good >= len(sample) * 0.98 and cjk + ascii_ >= len(sample) * 0.9


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-16 text that has no byte-order mark (zero bytes are what give it away)."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, codec
    return None


def _readable(text: str) -> bool:
    if not text.strip():
        return False
    controls = sum(1 for ch in text[:20000] if ch in _CONTROL)
    return controls <= max(2, len(text[:20000]) // 200)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding)`` with newlines made ``\\n``.

    Raises:
        ImportFailed: empty, binary or undecodable data (the message names ``name``).
    """
    if not data.strip():
        raise ImportFailed(f"{name}: the file is empty")
    text: str | None = None
    encoding = ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise ImportFailed(
                    f"{name}: starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(byte {exc.start})") from exc
            break
    if text is None and b"\x00" in data[:8192]:
        found = _utf16_without_bom(data)
        if found is None:
            raise ImportFailed(f"{name}: binary data, not a text file")
        text, encoding = found
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            best = from_bytes(data, cp_isolation=list(CHINESE_ENCODINGS)).best()
            if best is None:
                raise ImportFailed(
                    f"{name}: the text encoding cannot be recognised (tried UTF-8, UTF-16, "
                    "GB18030/GBK and Big5); save it as UTF-8 and import it again") from None
            encoding = best.encoding
            text = str(best)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not _readable(text):
        what = "has no text" if not text.strip() else "is not readable text"
        raise ImportFailed(f"{name}: the file {what} (decoded as {encoding})")
    log.info("%s decoded as %s", name, encoding)
    return text, encoding
