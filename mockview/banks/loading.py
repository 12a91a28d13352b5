"""Read a bank file and build its bank, from the cache when its bytes are unchanged.

This is the path every command takes to its banks, so it imports only what
a cache hit needs: the file's bytes, their digest and the cached bank. The
YAML parser and the validator (:mod:`mockview.banks.validate`) are imported
on a miss, which keeps PyYAML out of a ``mockview score`` whose banks are
all cached.
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
    if cache is not None:
        key, digest = str(resolved(path)), content_digest(raw)
        cached = cache.get(key, digest, shown, source)
        if cached is not None:
            return cached
    from mockview.banks.validate import bank_from_bytes

    result = bank_from_bytes(raw, shown, source)
    if cache is not None:
        cache.put(key, digest, *result)
    return result


def resolved(path: Path) -> Path:
    """The absolute, link-free form of ``path``, or just its absolute form when links loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop (Python 3.11 raises RuntimeError)
        return path.absolute()
