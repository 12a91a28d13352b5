"""Why the history could not be written, in one line a person can act on.

SQLite reports a full disk, a read-only file, another program's lock and
a broken file as ``OperationalError`` with terse messages ("disk I/O
error" for a disk that is simply full). :func:`store_failure` turns those
into a :class:`StoreUnavailable` saying what happened and to which file;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import shutil
import sqlite3
from enum import StrEnum
from pathlib import Path

from mockview.errors import MockviewError
from mockview.files import LOW_SPACE_BYTES


class Trouble(StrEnum):
    FULL = "full"
    READ_ONLY = "read-only"
    LOCKED = "locked"
    UNREADABLE = "unreadable"


_CODES = {
    sqlite3.SQLITE_FULL: Trouble.FULL,
    sqlite3.SQLITE_IOERR: Trouble.UNREADABLE,
    sqlite3.SQLITE_READONLY: Trouble.READ_ONLY,
    sqlite3.SQLITE_PERM: Trouble.READ_ONLY,
    sqlite3.SQLITE_BUSY: Trouble.LOCKED,
    sqlite3.SQLITE_LOCKED: Trouble.LOCKED,
    sqlite3.SQLITE_CANTOPEN: Trouble.UNREADABLE,
    sqlite3.SQLITE_NOTADB: Trouble.UNREADABLE,
    sqlite3.SQLITE_CORRUPT: Trouble.UNREADABLE,
}

_SAYS = {
    Trouble.FULL: "the disk is full",
    Trouble.READ_ONLY: "the file is read-only",
    Trouble.LOCKED: "another program has kept it locked all the while mockview waited (10 seconds)",
}


class StoreUnavailable(MockviewError):
    """The history cannot be written right now: the disk is full, the file is read-only or locked."""

    def __init__(self, message: str, trouble: Trouble) -> None:
        super().__init__(message)
        self.trouble = trouble


def trouble_of(error: sqlite3.Error, folder: Path) -> Trouble | None:
    """What kind of trouble ``error`` reports, or ``None`` for one that is a bug."""
    code = getattr(error, "sqlite_errorcode", None)
    trouble = _CODES.get(code & 0xFF) if isinstance(code, int) else _from_message(str(error))
    if trouble in (Trouble.UNREADABLE, None) and isinstance(error, sqlite3.OperationalError) and low_on_space(folder):
        return Trouble.FULL  # SQLite says "disk I/O error" when a write into the WAL's shared memory fails
    return trouble


def store_failure(error: sqlite3.Error, path: Path) -> StoreUnavailable | None:
    """``error`` as one line about ``path``, or ``None`` when it is not trouble a person can fix."""
    trouble = trouble_of(error, path.parent)
    if trouble is None:
        return None
    return StoreUnavailable(f"cannot write {path}: {_SAYS.get(trouble, str(error))}", trouble)


def low_on_space(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _from_message(message: str) -> Trouble | None:
    for words, trouble in (("full", Trouble.FULL), ("readonly", Trouble.READ_ONLY), ("locked", Trouble.LOCKED),
                           ("disk I/O", Trouble.UNREADABLE), ("unable to open", Trouble.UNREADABLE)):
        if words in message:
            return trouble
    return None
