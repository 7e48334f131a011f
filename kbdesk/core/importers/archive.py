"""Reading the parts of a ``.docx`` archive with bounded work, whatever the archive claims.

A ``.docx`` is a zip archive; a small one can inflate to gigabytes (a "zip bomb"), and the
sizes written in its directory can lie. :func:`read_parts` therefore never trusts them: it
inflates each XML part a chunk at a time through a counting reader and stops, naming the file
and the part, as soon as a bound is passed:

- :data:`MAX_PART_BYTES` bytes inflated from one part, :data:`MAX_TOTAL_BYTES` from all;
- :data:`MAX_RATIO` times the part's compressed size (once :data:`RATIO_FREE_BYTES` are out);
- :data:`MAX_XML_DEPTH` elements nested in a part, :data:`MAX_XML_ELEMENTS` elements in all
  (the Word reader builds a tree of the XML, so elements cost memory, not bytes);
- a document type declaration (entities, the XML "billion laughs") is refused outright.

Only XML parts (``*.xml``, ``*.rels``) are read; pictures and embedded files are never
inflated; a part other than the main document that is not well-formed XML is left out (its
bytes still count). The parts that passed are handed on as bytes, so what the Word reader
parses is exactly what was checked.
"""

from __future__ import annotations

import io
import logging
import zipfile
import zlib
from xml.parsers import expat

from kbdesk.core.errors import ImportFailed

MiB = 1024 * 1024
#: Bytes one XML part of a .docx may inflate to (the text of a 1,000-page handbook is ~15 MiB).
MAX_PART_BYTES = 32 * MiB
#: Bytes all the XML parts of one .docx may inflate to together.
MAX_TOTAL_BYTES = 64 * MiB
#: How many times its compressed size a part may inflate to (Word's XML: 5-30 times; a long
#: table of empty cells or a list of identical items reaches 130; one byte repeated, 1,000).
MAX_RATIO = 200
#: Bytes a part may inflate to before its ratio is checked (small parts of repeated markup
#: compress very well, and cost little however they do).
RATIO_FREE_BYTES = 8 * MiB
#: Elements nested inside one another in one XML part (Word's own: about 20, tables in tables
#: add three each).
MAX_XML_DEPTH = 100
#: XML elements in all the parts of one .docx (10-20 per paragraph of formatted text: a
#: 1,000-page handbook has about 400,000); mammoth holds each in memory (~700 bytes).
MAX_XML_ELEMENTS = 1_000_000
#: Entries in the archive's directory.
MAX_ENTRIES = 10_000
CHUNK = 64 * 1024
MAIN_PART = "word/document.xml"
log = logging.getLogger(__name__)


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


class _XmlBudget:
    """Checks XML as it streams in: nesting depth, element count, no DTD; counts the bytes
    inflated from every part (left out or not)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.elements = 0
        self.inflated = 0
        self.part = ""
        self.depth = 0

    def start(self, part: str) -> expat.XMLParserType:
        self.part, self.depth = part, 0
        parser = expat.ParserCreate()
        parser.StartElementHandler = self._open
        parser.EndElementHandler = self._close
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._doctype
        return parser

    def _open(self, _name: str, _attrs: object) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > MAX_XML_DEPTH:
            raise ImportFailed(f"{self.file}: refused: part {self.part} nests elements more "
                               f"than {MAX_XML_DEPTH} deep")
        if self.elements > MAX_XML_ELEMENTS:
            raise ImportFailed(f"{self.file}: refused: part {self.part} takes the document "
                               f"past {MAX_XML_ELEMENTS:,} XML elements")

    def _close(self, _name: str) -> None:
        self.depth -= 1

    def _doctype(self, *_args: object) -> None:
        raise ImportFailed(f"{self.file}: refused: part {self.part} declares a document type "
                           "(Word documents never do; entities can expand without bound)")


def read_parts(data: bytes, file: str) -> dict[str, bytes]:
    """The XML parts of the zip archive ``data``, each inflated and checked within the bounds.

    Args:
        data: the archive's bytes.
        file: the file's name, for messages.

    Raises:
        ImportFailed: not a zip archive, a damaged or encrypted part, or a bound passed (the
            message names the file and the part).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError):
        raise ImportFailed(f"{file}: not a Word document (.docx is a zip archive; "
                           "this file is not one)") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise ImportFailed(f"{file}: refused: the archive lists {len(entries):,} entries "
                               f"(at most {MAX_ENTRIES:,})")
        parts: dict[str, bytes] = {}
        budget = _XmlBudget(file)
        for entry in entries:
            if entry.is_dir() or not _is_xml(entry.filename):
                continue
            content = _inflate(archive, len(data), entry, budget)
            if content is not None:
                parts[entry.filename] = content
    return parts


def _inflate(archive: zipfile.ZipFile, archive_size: int, entry: zipfile.ZipInfo,
             budget: _XmlBudget) -> bytes | None:
    """One part, read a chunk at a time, counting what was really inflated (None: a part
    other than the main document that is not well-formed XML, left out)."""
    part, file = entry.filename, budget.file
    # what was read from the archive is at most the declared compressed size, and never more
    # than the archive holds: the ratio is measured against that, not the declared size
    packed = max(1, min(entry.compress_size, archive_size))
    parser = budget.start(part)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(entry) as stream:
            while True:
                chunk = stream.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                budget.inflated += len(chunk)
                if size > MAX_PART_BYTES:
                    raise ImportFailed(f"{file}: refused: part {part} inflates past "
                                       f"{MAX_PART_BYTES // MiB} MiB (a zip bomb?)")
                if budget.inflated > MAX_TOTAL_BYTES:
                    raise ImportFailed(f"{file}: refused: the parts of the archive inflate "
                                       f"past {MAX_TOTAL_BYTES // MiB} MiB in all "
                                       f"(stopped in part {part}; a zip bomb?)")
                if size > RATIO_FREE_BYTES and size > MAX_RATIO * packed:
                    raise ImportFailed(f"{file}: refused: part {part} inflates to more than "
                                       f"{MAX_RATIO} times its compressed size (a zip bomb?)")
                parser.Parse(chunk, False)
                chunks.append(chunk)
            parser.Parse(b"", True)
    except ImportFailed:
        raise
    except expat.ExpatError as exc:
        if part != MAIN_PART:  # what the Word reader may not even need: left out, not fatal
            log.info("%s: part %s left out: not well-formed XML (%s)", file, part,
                     expat.ErrorString(exc.code))
            return None
        raise ImportFailed(f"{file}: part {part} is not well-formed XML "
                           f"({expat.ErrorString(exc.code)}, line {exc.lineno})") from None
    except RuntimeError as exc:  # an encrypted part
        raise ImportFailed(f"{file}: part {part} cannot be read ({exc})") from None
    except NotImplementedError:
        raise ImportFailed(f"{file}: part {part} is compressed in a way kbdesk cannot read "
                           f"(method {entry.compress_type})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as exc:
        raise ImportFailed(f"{file}: part {part} is damaged ({exc})") from None
    return b"".join(chunks)


def rebuild(parts: dict[str, bytes]) -> io.BytesIO:
    """A new archive holding only ``parts`` (uncompressed): what the Word reader is given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    out.seek(0)
    return out
