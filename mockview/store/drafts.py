"""Drafts: the answer being typed, kept on disk so it is never lost.

Each running practice writes its current answer to
``<data dir>/drafts/<token>.json``, atomically (a temporary file, fsync, then
rename), so a crash, a ``kill -9`` or a closed terminal leaves either the
previous draft or the new one, never half of one. Front ends save at most
every two seconds while typing and at once on pause, quit and signals.

On the next start, drafts whose process is gone are offered back with
their question; drafts of a process still running belong to it and are
left alone.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mockview.clock import from_text, to_text
from mockview.files import write_atomically
from mockview.paths import drafts_dir

SAVE_EVERY_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class Draft:
    path: Path
    question: dict[str, Any]
    answer: str
    elapsed: float
    saved_at: datetime
    pid: int
    session: dict[str, Any]


class DraftKeeper:
    """Keeps one practice's current answer on disk."""

    def __init__(self, data_dir: Path, session: dict[str, Any] | None = None) -> None:
        self.folder = drafts_dir(data_dir)
        self.path = self.folder / f"{uuid.uuid4().hex}.json"
        self.session = session or {}
        self._last_save = 0.0
        self._pending: tuple[dict[str, Any], str, float] | None = None
        # Front ends save from a timer thread or a signal handler as well as
        # from the typing loop.
        self._lock = threading.RLock()

    def update(self, question: dict[str, Any], answer: str, elapsed: float, *, now: datetime) -> bool:
        """Note the latest text; write it if the last write is two seconds old.

        Returns whether it was written. Call :meth:`flush` when typing pauses
        or the program is about to stop, so the last two seconds are kept too.
        """
        with self._lock:
            self._pending = (question, answer, elapsed)
            return self.flush_if_due(now=now)

    def flush_if_due(self, *, now: datetime) -> bool:
        """Write pending text if the last write is at least two seconds old."""
        with self._lock:
            if self._pending is None or time.monotonic() - self._last_save < SAVE_EVERY_SECONDS:
                return False
            self._flush(now)
            return True

    def flush(self, *, now: datetime) -> None:
        """Write the latest text now (atomically), if there is anything new."""
        with self._lock:
            self._flush(now)

    def _flush(self, now: datetime) -> None:
        if self._pending is None:
            return
        question, answer, elapsed = self._pending
        if not answer.strip():
            self.clear()
            return
        payload = {
            "question": question,
            "answer": answer,
            "elapsed": elapsed,
            "saved_at": to_text(now),
            "pid": os.getpid(),
            "session": self.session,
        }
        write_atomically(self.path, json.dumps(payload, ensure_ascii=False))
        self._pending = None
        self._last_save = time.monotonic()

    def clear(self) -> None:
        """The answer was submitted or skipped: the draft is not needed."""
        with self._lock:
            self._pending = None
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass


def recovered_drafts(data_dir: Path) -> list[Draft]:
    """Drafts left by processes that are gone, newest first."""
    folder = drafts_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            draft = Draft(
                path=path,
                question=data["question"],
                answer=data["answer"],
                elapsed=float(data.get("elapsed") or 0),
                saved_at=from_text(data["saved_at"]),
                pid=int(data.get("pid") or 0),
                session=data.get("session") or {},
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a stray or foreign file; never delete what we cannot read
        if draft.pid != os.getpid() and _alive(draft.pid):
            continue
        found.append(draft)
    return sorted(found, key=lambda draft: draft.saved_at, reverse=True)


def discard(draft: Draft) -> None:
    try:
        draft.path.unlink()
    except FileNotFoundError:
        pass


def _alive(pid: int) -> bool:
    """Whether a mockview process with this pid is still running."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.parent.parent.is_dir():  # Linux: make sure the pid was not reused by another program
        try:
            return b"mockview" in cmdline.read_bytes()
        except OSError:
            return False
    return True
