"""A cache of checked banks, keyed by file content, like Python's ``.pyc``.

PyYAML's parser reads about 3-4 MB a second, so a coach's folder of a
hundred banks would cost over a second at every start. Checking a bank is
deterministic: the same bytes checked by the same validator give the same
bank and the same problems. The cache stores that result in
``<data dir>/cache/banks.json`` under a digest of the file's bytes and of the
validator's own source, so editing a bank or upgrading mockview both miss it.

The cache is an optimisation only: if it is missing, corrupt, written by
another version or cannot be saved, banks are simply parsed again. It is
not written at all when the disk is nearly full, where its room is worth
more to the history than the time it saves.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from functools import cache
from pathlib import Path
from typing import Any

from mockview.banks.model import Bank, BankSource, Keyword, Question
from mockview.banks.problems import Problem
from mockview.files import LOW_SPACE_BYTES, write_atomically

CACHE_FORMAT = 4
_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def validator_fingerprint() -> str:
    """A digest of the code that turns bank bytes into banks and problems."""
    digest = hashlib.blake2b(f"format {CACHE_FORMAT}".encode(), digest_size=16)
    for source in sorted(_PACKAGE_DIR.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def content_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class BankCache:
    """Checked banks by absolute path and content digest."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, list[Any]] = self._read() if path else {}
        self._dirty = False

    def _read(self) -> dict[str, list[Any]]:
        assert self.path is not None
        try:
            stored = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}
        if not isinstance(stored, dict) or stored.get("validator") != validator_fingerprint():
            return {}
        entries = stored.get("files")
        return entries if isinstance(entries, dict) else {}

    def get(
        self, key: str, digest: str, display: str, source: BankSource
    ) -> tuple[Bank | None, list[Problem]] | None:
        entry = self._entries.get(key)
        if not entry or entry[0] != digest:
            return None
        try:
            _, bank_data, problem_rows = entry
            problems = [Problem(display, *row) for row in problem_rows]
            bank = _bank_from_data(bank_data, display, source) if bank_data else None
        except (TypeError, ValueError, IndexError, KeyError):
            return None
        return bank, problems

    def holds(self, key: str, digest: str) -> bool:
        """Whether the cache has this file's entry for these bytes."""
        entry = self._entries.get(key)
        return entry is not None and len(entry) > 0 and entry[0] == digest

    def put(self, key: str, digest: str, bank: Bank | None, problems: list[Problem]) -> None:
        self._entries[key] = [
            digest,
            _bank_to_data(bank) if bank else None,
            [[p.line, p.column, p.message, p.severity] for p in problems],
        ]
        self._dirty = True

    def save(self) -> None:
        """Write the cache if it changed; failing to write is not an error."""
        if not self._dirty or self.path is None:
            return
        for key in [key for key in self._entries if not os.path.exists(key)]:
            del self._entries[key]
        payload = {"validator": validator_fingerprint(), "files": self._entries}
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        if _too_little_room(self.path.parent, len(text)):
            return  # the room is worth more to the history than the time saved next start
        try:
            write_atomically(self.path, text)  # a failed write leaves no temporary file behind
        except OSError:
            return
        self._dirty = False


def _too_little_room(folder: Path, size: int) -> bool:
    """Whether writing ``size`` bytes would leave the disk nearly full (or its space is unknown)."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        return True
    return free < 4 * size + LOW_SPACE_BYTES * 16


def _bank_to_data(bank: Bank) -> list[Any]:
    return [
        bank.id,
        bank.title,
        bank.description,
        bank.line,
        [
            [
                q.id,
                q.text,
                q.kind,
                q.category,
                q.tags,
                [[k.term, k.synonyms, k.weight, k.required, k.concept, k.line, k.column] for k in q.keywords],
                q.tips,
                q.follow_ups,
                q.time_limit,
                q.words,
                q.line,
                q.variant_of,
                q.variant_at,
                q.tip_about,
            ]
            for q in bank.questions
        ],
    ]


def _bank_from_data(data: list[Any], path: str, source: BankSource) -> Bank:
    bank_id, title, description, line, rows = data
    questions = tuple(
        Question(
            bank_id,
            qid,
            text,
            kind,
            category,
            tuple(tags),
            tuple(
                Keyword(term, tuple(synonyms), weight, required, concept=concept, line=kline, column=kcolumn)
                for term, synonyms, weight, required, concept, kline, kcolumn in keywords
            ),
            tuple(tips),
            tuple(follow_ups),
            time_limit,
            (words[0], words[1]),
            qline,
            variant_of,
            (variant_at[0], variant_at[1]),
            tuple(tuple(about) for about in tip_about),
        )
        for (qid, text, kind, category, tags, keywords, tips, follow_ups, time_limit, words, qline, variant_of,
             variant_at, tip_about) in rows
    )
    return Bank(bank_id, title, description, questions, path, source, line)
