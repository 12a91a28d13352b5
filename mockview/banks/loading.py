"""Read a bank file and build its bank, from the cache when its bytes are unchanged.

This is the path every command takes to its banks, so it imports only what
a cache hit needs: the file's bytes, their digest and the cached bank. The
YAML parser and the validator (:mod:`mockview.banks.validate`) are imported
on a miss, which keeps PyYAML out of a ``mockview score`` whose banks are
all cached.

Within one process a checked file is also kept in memory by its digest: the
app loads the library again after every edit, validate or new bank, and the
shipped banks it re-reads each time have not changed. Banks and problems are
frozen, so the same objects can be handed out again.
"""

from __future__ import annotations

from pathlib import Path

from mockview.banks.cache import BankCache, content_digest
from mockview.banks.model import Bank, BankSource
from mockview.banks.problems import Problem
from mockview.banks.reading import read_limited_bytes


def load_bank_file(
    path: Path,
    source: BankSource = BankSource.PATH,
    display: str | None = None,
    cache: BankCache | None = None,
) -> tuple[Bank | None, list[Problem]]:
    """Read, check and build one bank file; never raises for bad content."""
    shown = display if display is not None else str(path)
    raw, problems = read_limited_bytes(path, shown)
    if raw is None:
        return None, problems
    digest = content_digest(raw)
    if cache is not None:
        key = str(resolved(path))
        cached = cache.get(key, digest, shown, source)
        if cached is not None:
            return cached
    bank, checked = _checked(raw, digest, shown, source)
    if cache is not None:
        cache.put(key, digest, bank, list(checked))
    return bank, list(checked)


_CHECKED_IN_THIS_PROCESS: dict[tuple[str, str, BankSource], tuple[Bank | None, tuple[Problem, ...]]] = {}
_CHECKED_KEPT = 256


def _checked(raw: bytes, digest: str, shown: str, source: BankSource) -> tuple[Bank | None, tuple[Problem, ...]]:
    """The bank and problems of these bytes, checked once per process (a problem names ``shown``)."""
    key = (digest, shown, source)
    found = _CHECKED_IN_THIS_PROCESS.get(key)
    if found is None:
        from mockview.banks.validate import bank_from_bytes

        bank, problems = bank_from_bytes(raw, shown, source)
        if len(_CHECKED_IN_THIS_PROCESS) >= _CHECKED_KEPT:
            _CHECKED_IN_THIS_PROCESS.clear()
        found = _CHECKED_IN_THIS_PROCESS[key] = (bank, tuple(problems))
    return found


def resolved(path: Path) -> Path:
    """The absolute, link-free form of ``path``, or just its absolute form when links loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop (Python 3.11 raises RuntimeError)
        return path.absolute()
