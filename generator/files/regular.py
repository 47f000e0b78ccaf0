"""Reading only regular files, and only inside the folder they belong to.

Everything the build reads from the archivist's folders (seeds, sidecars,
``actors.yml``, ``events.yml``, the permalink lock) goes through
:func:`read_regular_file`, because whatever is read may be published:

- A symbolic link is followed only when its *resolved* path lies inside the
  folder (``inside``). A link to another seed, or to ``seeds/originals/x.txt``,
  is read like the file it points to (the archivist may keep one copy and link
  it); a link out of the folder (to ``/etc/passwd``, to a home directory) is
  refused, so no file outside the archive can become a page. ``inside=None``
  is for files the user named on the command line (``inspect a.txt``): they may
  be anywhere, but must still be regular files.
- Only regular files are opened. A FIFO would block the build forever on
  ``open``; a device (``/dev/zero``) never ends; a directory named ``x.txt`` is
  not an article. Each is refused *before* it is opened (``os.stat`` on the
  resolved path), and the file is opened with ``O_NONBLOCK`` and checked again
  with ``fstat``, so a file swapped for a FIFO between the check and the open is
  refused too instead of hanging.

A hard link is a regular file like any other and is read: making one to a
file of another owner needs write access to that file's file system, and a
hard link cannot leave the file system the seeds are on.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Read in pieces of this size: a file over the caller's limit is never read whole.
_CHUNK_BYTES = 1 << 20


class RefusedFileError(OSError):
    """A file the build must not read: not a regular file, or a link leaving its folder.

    ``reason`` completes a sentence about the file ("is a FIFO (named pipe) ...")
    and says what to do; :class:`~generator.model.Problem` messages use it as is.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class OversizeFileError(OSError):
    """A regular file larger than the caller's limit; ``size`` is its size in bytes."""

    def __init__(self, size: int):
        super().__init__(f"{size} bytes")
        self.size = size


def _kind_of(mode: int) -> str:
    """What a non-regular file is, in words an archivist knows."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular_file(path: Path, inside: Path | None = None) -> Path:
    """The resolved path of ``path`` when it may be read; else raise :class:`RefusedFileError`.

    Raises :class:`FileNotFoundError` when nothing at all is at ``path`` (not
    even a dangling link), so callers can treat "absent" apart from "refused".
    """
    info = os.lstat(path)  # FileNotFoundError: nothing there
    linked = stat.S_ISLNK(info.st_mode)
    if not linked and stat.S_ISREG(info.st_mode) and inside is not None and path.parent == inside:
        # A regular file (not a link) named directly in its folder is inside it, whatever
        # the folder's own path resolves to: the common case, without resolving paths
        # (two realpath calls per seed were a third of reading 2,000 seeds).
        return path
    resolved = Path(os.path.realpath(path))
    if inside is not None:
        root = Path(os.path.realpath(inside))
        if resolved != root and root not in resolved.parents:
            raise RefusedFileError(
                f"is a link to {resolved}, outside {inside}; not read, since anything read may be published. "
                f"Copy the file into {inside} instead of linking it"
            )
    try:
        mode = os.stat(resolved).st_mode
    except FileNotFoundError:
        target = os.readlink(path) if linked else resolved
        raise RefusedFileError(f"is a link to {target}, which does not exist; remove the link or restore its target") from None
    if not stat.S_ISREG(mode):
        what = _kind_of(mode)
        via = " (through a link)" if linked else ""
        raise RefusedFileError(f"is {what}{via}, not a file; not read. Remove it, or move it out of the folder")
    return resolved


def read_regular_file(path: Path, inside: Path | None = None, max_bytes: int | None = None) -> bytes:
    """The bytes of ``path``, read only when it is a regular file (resolved) inside ``inside``.

    Raises :class:`RefusedFileError` (see the module's rules), :class:`OversizeFileError`
    when the file holds more than ``max_bytes``, or :class:`OSError` when it
    cannot be read (permissions, or it vanished).
    """
    resolved = check_regular_file(path, inside)
    # O_NONBLOCK: should a FIFO take the file's place after the check, open returns
    # at once instead of waiting for a writer; O_NOFOLLOW: so should a link.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(resolved, flags)
    except OSError as exc:
        if os.path.islink(resolved):
            raise RefusedFileError("was replaced by a link while the build read it; not read. Build again") from exc
        raise
    with os.fdopen(fd, "rb", buffering=0) as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedFileError(f"is {_kind_of(info.st_mode)}, not a file; not read. Remove it, or move it out of the folder")
        if max_bytes is not None and info.st_size > max_bytes:
            raise OversizeFileError(info.st_size)
        pieces = []
        total = 0
        while True:
            piece = fh.read(_CHUNK_BYTES)
            if not piece:
                break
            pieces.append(piece)
            total += len(piece)
            if max_bytes is not None and total > max_bytes:  # it grew since fstat
                raise OversizeFileError(total)
        return b"".join(pieces)


def read_regular_text(path: Path, inside: Path | None = None, max_bytes: int | None = None) -> str:
    """:func:`read_regular_file` decoded as UTF-8 (``UnicodeDecodeError`` when it is not),
    its line ends made ``\\n`` as :meth:`Path.read_text` does."""
    return read_regular_file(path, inside, max_bytes).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
