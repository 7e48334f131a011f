"""Reading a file given for import: only a regular file, never more than a bound.

A folder, a FIFO, a device (``/dev/zero``) or a socket is refused by what it is, before it is
read; a FIFO or a device is never opened for reading in a way that could block (the file is
opened non-blocking and checked again on the open descriptor, so one swapped in meanwhile is
refused too). A name too long for the system, a missing file and a file kbdesk may not read
each have their own message. A file over :data:`MAX_FILE_BYTES` is refused without reading it
all.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from kbdesk.core.errors import ImportFailed

MiB = 1024 * 1024
#: The largest file an import reads (a 1,000-page handbook as .txt is ~3 MiB, as a .docx with
#: pictures tens of MiB; pictures are not imported).
MAX_FILE_BYTES = 64 * MiB
_SHOWN_NAME = 120  # characters of a path shown in a message
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")


def shown(path: Path | str) -> str:
    """``path`` as a message shows it: control characters written as escapes (``\\x1b``), an
    overlong one cut in the middle."""
    text = _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", str(path))
    if len(text) <= _SHOWN_NAME:
        return text
    half = _SHOWN_NAME // 2
    return f"{text[:half]}…{text[-half:]} ({len(text):,} characters)"


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file (name the files in it)"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _refuse_os_error(path: Path, exc: OSError) -> ImportFailed:
    name = shown(path)
    if exc.errno == errno.ENAMETOOLONG:
        return ImportFailed(f"{name}: the name is too long for this system")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return ImportFailed(f"{name}: no such file")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return ImportFailed(f"{name}: permission denied")
    if exc.errno == errno.ELOOP:
        return ImportFailed(f"{name}: a symbolic link that loops")
    return ImportFailed(f"{name}: cannot be read: {exc.strerror or exc}")


def check_file(path: Path) -> int:
    """Refuse what is not a regular file of at most :data:`MAX_FILE_BYTES`; return its size.

    Raises:
        ImportFailed: the message says what the path is instead (or why it cannot be looked at).
    """
    try:
        info = path.stat()
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        if isinstance(exc, OSError):
            raise _refuse_os_error(path, exc) from None
        raise ImportFailed(f"{shown(path)}: not a valid file name") from None
    return _check_mode(path, info)


def _check_mode(path: Path, info: os.stat_result) -> int:
    if not stat.S_ISREG(info.st_mode):
        raise ImportFailed(f"{shown(path)}: {_what(info.st_mode)}")
    if info.st_size > MAX_FILE_BYTES:
        raise ImportFailed(f"{shown(path)}: refused: {info.st_size / MiB:,.1f} MiB is over the "
                           f"{MAX_FILE_BYTES // MiB} MiB an import reads from one file")
    return info.st_size


def read_file(path: Path) -> bytes:
    """The bytes of the regular file ``path``, at most :data:`MAX_FILE_BYTES` of them.

    Raises:
        ImportFailed: not a regular file, too large, or unreadable (the message names it).
    """
    check_file(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _refuse_os_error(path, exc) from None
    try:
        _check_mode(path, os.fstat(fd))  # what was opened, not what was looked at before
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, 1024 * 1024)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_FILE_BYTES:
                raise ImportFailed(f"{shown(path)}: refused: it grew past the "
                                   f"{MAX_FILE_BYTES // MiB} MiB an import reads from one file")
            chunks.append(chunk)
    except OSError as exc:
        raise _refuse_os_error(path, exc) from None
    finally:
        os.close(fd)
    return b"".join(chunks)
