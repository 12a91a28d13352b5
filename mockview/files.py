"""Writing files so that a crash or a full disk never leaves half of one.

Drafts, form drafts, profiles, the story bank, prep sheets and ``-o FILE``
outputs are all written this way. It sits at the bottom of the layers,
beside ``paths.py``, because the store, prep, the commands and the app all
write files and none of them should reach into another for it.

A write that fails (a full disk above all) leaves the old file as it was
and no temporary file behind, and :func:`os_error_text` says why in words
a person reads: "the disk is full", not "[Errno 28]".
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

LOW_SPACE_BYTES = 64 * 1024
"""Less free space than this on the data directory's disk counts as a full disk: SQLite then
reports an I/O error instead of saying so, and an optional file (the bank cache) is not worth
the room an answer needs."""

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def disk_full(error: OSError) -> bool:
    """Whether ``error`` means the disk (or the person's quota) is full."""
    return error.errno in _FULL


def os_error_text(error: OSError) -> str:
    """Why a file could not be written or read, as words: "the disk is full"."""
    if disk_full(error):
        return "the disk is full"
    return error.strerror or str(error)


def write_atomically(path: Path, text: str, *, shared: bool = False) -> None:
    """Write ``text`` to ``path`` so that a crash leaves the old file or the new one.

    Drafts stay private to the person (mode 0600); ``shared`` files such as
    exports get the usual permissions the umask allows.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _written_temporary(path, text, shared=shared)
    try:
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise


def write_new(path: Path, text: str, *, shared: bool = True) -> None:
    """Write a file that must not exist yet (a starter bank, a new profile), whole or not at all.

    Raises ``FileExistsError`` if it does exist. Written beside it first and
    linked into place, so a full disk leaves no empty file with its name.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    temporary = _written_temporary(path, text, shared=shared)
    try:
        try:
            os.link(temporary, path)  # fails if the name was taken meanwhile, never overwrites
        except OSError as error:
            if error.errno in (errno.EEXIST,) or not _no_hard_links(error):
                raise
            if path.exists():
                raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
            os.replace(temporary, path)  # a file system without hard links
    finally:
        _remove(temporary)


def _written_temporary(path: Path, text: str, *, shared: bool) -> str:
    """A temporary file beside ``path`` holding all of ``text``, flushed to disk; removed if that fails."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".mockview-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if shared:
                umask = os.umask(0)
                os.umask(umask)
                os.fchmod(handle.fileno(), 0o666 & ~umask)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _no_hard_links(error: OSError) -> bool:
    return error.errno in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError:
        pass  # nothing more can be done; the name starts with a dot and ends in .tmp
