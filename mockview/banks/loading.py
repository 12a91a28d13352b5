"""Read a bank file and build its bank, from the cache when its bytes are unchanged.

This is the path every command takes to its banks, so it imports only what
a cache hit needs: the file's bytes, their digest and the cached bank. The
YAML parser and the validator (:mod:`mockview.banks.validate`) are imported
on a miss, which keeps PyYAML out of a ``mockview score`` whose banks are
all cached.

Within one process a checked file is also kept in memory by its digest, and
asked for first: the app loads the library again after every edit, validate
or new bank, and the shipped banks it re-reads each time have not changed
(building a bank from the disk cache costs about as much as a new parse of
a small file). Banks and problems are frozen, so the same objects can be
handed out again.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    remembered: tuple[Bank | None, Sequence[Problem]] | None = _CHECKED_IN_THIS_PROCESS.get((digest, shown, source))
    from_memo = remembered is not None
    key = str(resolved(path)) if cache is not None else ""
    stored = False
    if remembered is None and cache is not None:
        remembered = cache.get(key, digest, shown, source)
        stored = remembered is not None
    if remembered is None:
        from mockview.banks.validate import bank_from_bytes

        remembered = bank_from_bytes(raw, shown, source)
    bank, checked = remembered
    # Parsed: the entry on disk was missing, stale or unreadable, and is written afresh. From the
    # memo: written only if the disk has no entry for these bytes (another data folder's first load).
    if cache is not None and not stored and not (from_memo and cache.holds(key, digest)):
        cache.put(key, digest, bank, list(checked))
    _remember((digest, shown, source), bank, checked)
    return bank, list(checked)


_CheckKey = tuple[str, str, BankSource]
_CHECKED_IN_THIS_PROCESS: dict[_CheckKey, tuple[Bank | None, tuple[Problem, ...]]] = {}
_CHECKED_KEPT = 256


def _remember(key: _CheckKey, bank: Bank | None, problems: Sequence[Problem]) -> None:
    if key not in _CHECKED_IN_THIS_PROCESS:
        if len(_CHECKED_IN_THIS_PROCESS) >= _CHECKED_KEPT:
            _CHECKED_IN_THIS_PROCESS.clear()
        _CHECKED_IN_THIS_PROCESS[key] = (bank, tuple(problems))


def forget_checked_banks() -> None:
    """Forget the banks checked in this process, as a new process would start (benchmarks use it)."""
    _CHECKED_IN_THIS_PROCESS.clear()


def resolved(path: Path) -> Path:
    """The absolute, link-free form of ``path``, or just its absolute form when links loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop (Python 3.11 raises RuntimeError)
        return path.absolute()
