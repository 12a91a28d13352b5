"""Read a YAML file's bytes with a size limit: banks, debriefs, profiles and stories all start here.

Kept apart from the parser and the bank cache so each reader imports only
this: a file that is too big, a directory or a pipe is a :class:`Problem`
at the file's start, never an exception or a hang.
"""

from __future__ import annotations

import stat
from pathlib import Path

from mockview.banks.problems import START, Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A bank, debrief or profile bigger than this is a mistake (a log, a data dump), not a file to parse."""


def read_limited_bytes(path: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, unless it is too big or unreadable (then a problem)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, [Problem.at(shown, START, "is a directory, not a YAML file")]
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device would block or never end
            return None, [Problem.at(shown, START, "is not a regular file")]
        size = info.st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Problem.at(
                    shown,
                    START,
                    f"file is {size / 1024 / 1024:.1f} MiB; the limit is "
                    f"{MAX_FILE_BYTES // 1024 // 1024} MiB",
                )
            ]
        return path.read_bytes(), []
    except OSError as error:
        return None, [Problem.at(shown, START, f"cannot read file: {error.strerror or error}")]
